"""The on-disk cache of what translit derives from its data files, so a process starts fast.

Some data is expensive to derive and the same on every start: the glossary's
inflected forms (pymorphy3 for every Russian name, the Kazakh paradigms) and
the Kazakh lexicon's index (28 MB decompressed from gzip). The first process
that needs it derives it and stores it here; later ones read it back.

Where: ``$TRANSLIT_CACHE_DIR`` when set, else the user cache folder as platformdirs
names it (``$XDG_CACHE_HOME/translit`` or ``~/.cache/translit``; ``~/Library/Caches/translit``
on macOS, ``%LOCALAPPDATA%\\translit\\Cache`` on Windows). ``TRANSLIT_NO_CACHE=1``
turns it off (everything is derived in memory, nothing is read or written).
Deleting the folder is always safe.

An entry is found by a key: the SHA-256 of everything its content derives from
(translit's version, the source of the code that derives it, the data files'
bytes, the versions of the libraries involved). A changed glossary, a new
translit or a new pymorphy3 dictionary gives another key, so a stale entry is
never read; old entries of a kind are pruned when a new one is written.

Format: one header line of JSON (format number, kind, key, payload size and its
CRC-32) and the payload, JSON or raw bytes; never pickle, since the folder is
writable by the user and anything there must be data, not code. An entry whose
header, size or checksum does not match is ignored and derived again, and its
reader validates the payload's shape as it rebuilds its objects (a payload it
cannot use counts as missing). Writes go to a temporary file in the same
folder, renamed over the entry (:func:`os.replace`), so two processes filling
the cache at once each leave a whole entry and a reader never sees half of one.
"""

from __future__ import annotations

import gc
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CACHE_DIR_ENV = "TRANSLIT_CACHE_DIR"
NO_CACHE_ENV = "TRANSLIT_NO_CACHE"
FORMAT = 1
KEEP = 8
"""Entries kept of each kind (a user switching between a few glossary sets keeps each warm)."""


def cache_dir() -> Path | None:
    """The cache folder, or None when ``TRANSLIT_NO_CACHE`` is set (to anything but 0 or empty)."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    chosen = os.environ.get(CACHE_DIR_ENV)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("translit", appauthor=False))


def key_of(parts: Iterable[str | bytes | Path]) -> str:
    """The SHA-256 of ``parts`` in order: strings and bytes as given, files by their content (its
    size and CRC-32, which tell an edited data file from the one before at a fiftieth of the cost
    of hashing megabytes; a missing file counts as its name alone); translit's version comes first."""
    import hashlib

    from . import __version__

    digest = hashlib.sha256(f"translit {__version__}\0".encode())
    for part in parts:
        if isinstance(part, Path):
            try:
                content = part.read_bytes()
                data = f"file {len(content)} {zlib.crc32(content)}".encode()
            except OSError:
                data = b"missing " + str(part).encode("utf-8", "surrogateescape")
        else:
            data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def _path(kind: str, key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{kind}-{key}.bin"


def read(kind: str, key: str) -> memoryview | None:
    """The payload stored for (``kind``, ``key``), not copied; None when there is none or it fails its header."""
    path = _path(kind, key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    end = data.find(b"\n")
    try:
        header = json.loads(data[:end])
        payload = memoryview(data)[end + 1 :]
        if (
            end < 0
            or header["format"] != FORMAT
            or header["kind"] != kind
            or header["key"] != key
            or header["size"] != len(payload)
            or header["crc32"] != zlib.crc32(payload)
        ):
            return None
    except (ValueError, TypeError, KeyError):
        return None
    return payload


def write(kind: str, key: str, payload: bytes | memoryview | list[bytes]) -> None:
    """Store ``payload`` (or its parts, one after the other) for (``kind``, ``key``) atomically; a cache
    that cannot be written is skipped."""
    path = _path(kind, key)
    if path is None:
        return
    parts = payload if isinstance(payload, list) else [payload]
    crc = 0
    for part in parts:
        crc = zlib.crc32(part, crc)
    header = json.dumps({"format": FORMAT, "kind": kind, "key": key, "size": sum(map(len, parts)), "crc32": crc})
    import tempfile  # here: a process that finds its entries writes none

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(header.encode("ascii") + b"\n")
            for part in parts:
                handle.write(part)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent, kind, path)
    except OSError:
        pass  # a read-only home, a full disk: the data was derived anyway, only the next start pays again
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(folder: Path, kind: str, keep: Path) -> None:
    """Remove all but the :data:`KEEP` newest entries of ``kind``."""
    entries = sorted(folder.glob(f"{kind}-*.bin"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        if old != keep:
            old.unlink(missing_ok=True)


def read_json(kind: str, key: str) -> Any | None:
    """The JSON value stored for (``kind``, ``key``), or None."""
    payload = read(kind, key)
    if payload is None:
        return None
    try:
        return json.loads(bytes(payload))
    except ValueError:
        return None


def write_json(kind: str, key: str, value: Any) -> None:
    """Store a JSON value for (``kind``, ``key``)."""
    write(kind, key, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


@contextmanager
def paused_gc() -> Iterator[None]:
    """No garbage collection while a cache entry becomes objects: they all live on, and the
    collector would walk them again and again as they are made (a third of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
