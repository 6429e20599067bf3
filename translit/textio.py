"""Reading drafts and writing results: strict decoding, exact positions, no half-written file.

Positions: ``\\r\\n``, ``\\r`` and ``\\n`` each end a line, so a file saved
with any line ends reports the same ``LINE:COLUMN``.

Writing: every file goes to a temporary name in its folder first and is
renamed into place; the files of one post are renamed together under a lock
on the folder (:func:`write_files`), so a reader never sees the versions of
one run beside the report of another. Files get the mode the umask gives
(an existing file replaced with ``force`` keeps its own).
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import errno
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .errors import InputError
from .lines import line_column

# Spellings editors use for the codecs Kazakh files come in; Python names them differently.
ENCODING_ALIASES = {"kz-1048": "kz1048", "kz_1048": "kz1048", "windows-1251": "cp1251"}
STDIO = "-"
# A draft larger than this is refused before it is read whole ([limits] max_bytes in translit.toml):
# 8 MiB is a hundred long posts; memory grows by up to 200 MB per MB of input (bench/bench_scale.py).
DEFAULT_MAX_BYTES = 8 * 1024 * 1024
# The advice that ends a decoding error in a data file (TOML, JSON), which has no --encoding.
_SAVE_AS_UTF8 = "save it as UTF-8"

_LINE_END_BYTES = re.compile(rb"\r\n|\r|\n")
# C0 and C1 controls, DEL, the bidirectional overrides that reorder what a terminal shows, and the
# lone surrogates a file name's undecodable bytes become (no terminal encoding can carry them).
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe for a terminal: control characters and bidi overrides shown as escapes (``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def shown_path(path: str | Path) -> str:
    """A file name as valid UTF-8: bytes the file system name does not decode appear as ``\\xNN``."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def unified_diff(before: str, after: str, name: str) -> str:
    """The change from ``before`` to ``after`` as a unified diff of the file ``name``, "" when there is none.

    Both headers name the file itself, as ruff's ``--diff`` does, so ``patch -p0``
    or ``git apply -p0`` makes the change there. Lines are split at ``\n`` only
    (a ``\r`` stays with its line): Python's other line breaks (U+2028, form
    feed) would make lines that no patch tool reads back.
    """
    def lines(text: str) -> list[str]:
        parts = text.split("\n")
        return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])

    changed = difflib.unified_diff(lines(before), lines(after), name, name)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in changed)


def byte_order_mark(path: str | Path) -> str:
    """U+FEFF when the file ``path`` starts with a UTF-8 byte order mark (which :func:`decode` drops), else "":
    what a diff of that file or a rewrite of it in place must put back."""
    if str(path) == STDIO:
        return ""
    try:
        with open(path, "rb") as handle:
            return "\ufeff" if handle.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8 else ""
    except OSError:
        return ""


def _no_surrogates(json_text: str) -> str:
    # Only a file name that did not decode carries one (text inputs are checked): show its byte as \\xNN.
    def shown(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\\\u{code:04x}"

    return _SURROGATE.sub(shown, json_text)


def to_json(data: Any) -> str:
    """Indented JSON that is always valid UTF-8 (never a lone surrogate)."""
    return _no_surrogates(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def write_json(data: Any, stream: Any = None) -> None:
    """:func:`to_json` written piece by piece, so a large report never exists twice in memory as one string."""
    out = stream if stream is not None else sys.stdout
    pending: list[str] = []
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        pending.append(chunk)
        if len(pending) >= 1 << 14:
            out.write(_no_surrogates("".join(pending)))
            pending.clear()
    pending.append("\n")
    out.write(_no_surrogates("".join(pending)))


def check_text(text: str, source: str) -> str:
    """``text`` unless it holds a NUL or a lone surrogate (JSON ``"\\u0000"``, ``"\\ud800"``).

    No text holds a NUL, and the checks blank markup out with it: one inside a word
    hid the word from them. No UTF-8 output can carry a lone surrogate.
    """
    found = _NOT_TEXT.search(text)
    if found:
        line, column = line_column(text, found.start())
        what = "a NUL character" if found.group() == "\x00" else f"lone surrogate U+{ord(found.group()):04X}"
        raise InputError(f"{what} is not text", path=source, line=line, column=column)
    return text


def codec_name(encoding: str) -> str:
    """Python's name of the text encoding an editor names (kz-1048, windows-1251, UTF8); an unknown one is an error."""
    name = ENCODING_ALIASES.get(encoding.lower(), encoding)
    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    # base64, zlib, rot13 ... are codecs too, but they do not turn bytes into text.
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InputError(f"unknown text encoding {encoding!r} (try utf-8, cp1251 or kz-1048)") from None
    return info.name


def decode(data: bytes, encoding: str, source: str, *, advice: str | None = None) -> str:
    """Decode ``data``; a byte that does not decode is reported by line, never as mojibake.

    A NUL is refused too: no text holds one, and UTF-16 without a byte order mark
    decodes as UTF-8 into NUL-riddled text that every check would pass. ``advice``
    ends the error line (default: which ``--encoding`` to pass).
    """
    codec = codec_name(encoding)
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    utf16 = advice or "pass --encoding utf-16"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(f"a UTF-16 file (it starts with a UTF-16 byte order mark); {utf16}", path=source, line=1, column=1) from None
        starts = [0, *(m.end() for m in _LINE_END_BYTES.finditer(data, 0, exc.start))]
        raise InputError(
            f"byte 0x{data[exc.start]:02x} is not valid {encoding}; {advice or 'pass --encoding (cp1251 or kz-1048 for older Kazakh files)'}",
            path=source,
            line=len(starts),
            column=exc.start - starts[-1] + 1,
        ) from None
    try:
        return check_text(text, source)
    except InputError as exc:  # a NUL: a strict decoder gives no lone surrogate
        if not codec.startswith(("utf-16", "utf-32")):
            exc.message += f" (UTF-16 without a byte order mark? {utf16})"
        raise


def _too_big(source: str, max_bytes: int) -> InputError:
    return InputError(f"larger than {max_bytes} bytes ([limits] max_bytes in translit.toml raises it)", path=source)


def read_bytes(path: str | Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file, or of standard input when ``path`` is ``-``; never more than ``max_bytes`` are read."""
    source = str(path)
    limit = -1 if max_bytes is None else max_bytes + 1
    try:
        if source == STDIO:
            if sys.stdin is None:  # closed by the caller (<&-)
                raise InputError("standard input is closed", path="<stdin>")
            binary = getattr(sys.stdin, "buffer", None)  # a text-only stream when embedded or under test
            data = binary.read(limit) if binary is not None else sys.stdin.read(limit).encode("utf-8", "surrogatepass")
        else:
            with open(source, "rb") as handle:
                data = handle.read(limit)
    except FileNotFoundError:
        raise InputError("no such file", path=shown_path(source)) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", path=shown_path(source)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=shown_path(source)) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_big("<stdin>" if source == STDIO else shown_path(source), max_bytes)
    return data


def read_data_file(path: str | Path) -> str:
    """A data file's text (a rule file, glossary, configuration or baseline): strict UTF-8 of any size,
    an error naming the file and line, ending with the advice to save it as UTF-8 (no --encoding reads it)."""
    return decode(read_bytes(path, None), "utf-8", str(path), advice=_SAVE_AS_UTF8)


def read_text(path: str | Path, encoding: str = "utf-8", max_bytes: int | None = DEFAULT_MAX_BYTES) -> str:
    """Read a file, or standard input when ``path`` is ``-``."""
    source = str(path)
    data = read_bytes(source, max_bytes)
    return decode(data, encoding, "<stdin>" if source == STDIO else shown_path(source))


def _file_mode(existing: Path | None = None) -> int:
    """The mode a new file gets from the umask (0644 under 022); a replaced file keeps its own."""
    if existing is not None:
        with contextlib.suppress(OSError):
            return existing.stat().st_mode & 0o7777
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _os_error(exc: OSError, path: Path) -> InputError:
    """The error of writing ``path``, named by it (not by the temporary file that failed)."""
    if exc.errno in (errno.EEXIST, errno.ENOTDIR) and exc.filename:  # making its folder: a file is in the way
        failed = Path(exc.filename)
        blocker = next((part for part in (failed, *failed.parents) if part.is_file()), failed)
        return InputError("is a file, expected a folder", path=shown_path(blocker))
    reason = "no space left on the device" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
    return InputError(reason, path=shown_path(path))


def _is_stream(path: Path) -> bool:
    """Whether ``path`` is a device or a pipe (``/dev/stdout``, ``>(gzip)``): written to, never replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _guard(target: Path, force: bool, inputs: tuple[str | Path, ...]) -> None:
    for source in inputs:
        if str(source) != STDIO and Path(source).exists() and target.exists() and target.resolve() == Path(source).resolve():
            raise InputError("refusing to overwrite the input; choose another output", path=shown_path(target))
    if target.exists() and not force and not _is_stream(target):
        raise InputError("exists; pass --force to replace it", path=shown_path(target))


def write_text(path: str | Path, text: str, *, force: bool = False, inputs: tuple[str | Path, ...] = ()) -> None:
    """Write ``text`` atomically: a temporary file in the same folder, then a rename.

    An existing file is replaced only with ``force``; an input is never a
    target, because losing a draft is worse than any error message.
    """
    write_files({Path(path): text}, force=force, inputs=inputs)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (flock on its descriptor) while files are renamed into it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: renames are still atomic one by one
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _write_one(folder: Path, name: str, text: str, mode: int, made: list[Path]) -> Path:
    """Write a temporary file in ``folder``; its name goes into ``made`` at once, for the caller to clean up."""
    import tempfile  # here: a check that writes nothing need not import it

    descriptor, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    made.append(Path(tmp))
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        os.fchmod(handle.fileno(), mode)
    return Path(tmp)


def write_files(files: Mapping[Path, str], *, force: bool = False, inputs: tuple[str | Path, ...] = ()) -> None:
    """Write several files so that all of them appear, or none.

    Every file is written in full to a temporary name first (a full disk
    fails here, before anything is replaced); then, under a lock on each
    output folder, the files are renamed into place. If a rename fails the
    ones already made are undone (a replaced file comes back from a hard
    link kept aside), so the folder is left as it was. A device or a pipe
    is written to after them, as standard output would be.
    """
    # A link is written through: replacing it would leave the file it names (/dev/stdout's) as it was.
    texts = {(Path(p).resolve() if Path(p).is_symlink() else Path(p)): text for p, text in files.items()}
    if len({t.resolve() for t in texts}) != len(files):
        raise InputError("two outputs have the same name", path=shown_path(next(iter(texts))))
    for target in texts:
        _guard(target, force, inputs)
    streams = {target: texts.pop(target) for target in list(texts) if _is_stream(target)}
    targets = list(texts)
    written: dict[Path, Path] = {}
    made: list[Path] = []
    try:
        for target, text in texts.items():
            folder = target.parent if str(target.parent) else Path(".")
            try:
                folder.mkdir(parents=True, exist_ok=True)
                written[target] = _write_one(folder, target.name, text, _file_mode(target if target.exists() else None), made)
            except OSError as exc:
                raise _os_error(exc, target) from None
        with contextlib.ExitStack() as locks:
            for folder in sorted({t.parent.resolve() for t in targets}):
                locks.enter_context(folder_lock(folder))
            for target in targets:  # again under the lock: another run may have written meanwhile
                _guard(target, force, inputs)
            _rename_all(written)
        for target, text in streams.items():
            try:
                with open(target, "w", encoding="utf-8", newline="") as handle:
                    handle.write(text)
            except OSError as exc:
                raise _os_error(exc, target) from None
    finally:
        for tmp in made:
            tmp.unlink(missing_ok=True)


def _rename_all(written: dict[Path, Path]) -> None:
    kept: dict[Path, Path | None] = {}
    try:
        for target, tmp in written.items():
            backup = None
            if target.exists():
                backup = tmp.with_name(tmp.name + ".old")
                try:
                    os.link(target, backup)
                except OSError:  # a file system without hard links
                    import shutil

                    shutil.copy2(target, backup)
            kept[target] = backup
            os.replace(tmp, target)
    except BaseException as exc:
        for done, backup in kept.items():
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, done)
                else:
                    done.unlink()
        if isinstance(exc, OSError):
            raise _os_error(exc, target) from None
        raise
    finally:
        for backup in kept.values():
            if backup is not None:
                backup.unlink(missing_ok=True)


def write_output(path: str | Path | None, text: str, *, force: bool = False, inputs: tuple[str | Path, ...] = ()) -> None:
    """Write to ``path``, or to standard output when it is None or ``-``."""
    if path is None or str(path) == STDIO:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_text(path, text, force=force, inputs=inputs)
