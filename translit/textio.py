"""Reading drafts and writing results without ever leaving a half-written file."""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
from pathlib import Path

from .errors import InputError

# Spellings editors use for the codecs Kazakh files come in; Python names them differently.
ENCODING_ALIASES = {"kz-1048": "kz1048", "kz_1048": "kz1048", "windows-1251": "cp1251"}
STDIO = "-"


def _codec(encoding: str) -> str:
    name = ENCODING_ALIASES.get(encoding.lower(), encoding)
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8, cp1251 or kz-1048)") from None


def decode(data: bytes, encoding: str, source: str) -> str:
    """Decode ``data``; a byte that does not decode is reported by line, never as mojibake."""
    codec = _codec(encoding)
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"byte 0x{data[exc.start]:02x} is not valid {encoding}; pass --encoding (cp1251 or kz-1048 for older Kazakh files)",
            path=source,
            line=line,
            column=column,
        ) from None


def read_text(path: str | Path, encoding: str = "utf-8") -> str:
    """Read a file, or standard input when ``path`` is ``-``."""
    source = str(path)
    if source == STDIO:
        return decode(sys.stdin.buffer.read(), encoding, "<stdin>")
    try:
        data = Path(source).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=source) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", path=source) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=source) from None
    return decode(data, encoding, source)


def write_text(path: str | Path, text: str, *, force: bool = False, inputs: tuple[str | Path, ...] = ()) -> None:
    """Write ``text`` atomically: a temporary file in the same folder, then a rename.

    An existing file is replaced only with ``force``; an input is never a
    target, because losing a draft is worse than any error message.
    """
    target = Path(path)
    for source in inputs:
        if str(source) != STDIO and Path(source).exists() and target.exists() and target.resolve() == Path(source).resolve():
            raise InputError("refusing to overwrite the input; choose another output", path=target)
    if target.exists() and not force:
        raise InputError("exists; pass --force to replace it", path=target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=target) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(path: str | Path | None, text: str, *, force: bool = False, inputs: tuple[str | Path, ...] = ()) -> None:
    """Write to ``path``, or to standard output when it is None or ``-``."""
    if path is None or str(path) == STDIO:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_text(path, text, force=force, inputs=inputs)
