"""The bundled Kazakh lexicon in the start-up cache (translit/cache.py), laid out to be read, not parsed.

The lexicon file is a million skeletons and their records, gzipped: decompressing
it takes 0.3 s, and splitting it a million ``bytes`` and ``str`` objects (125 MB).
Its cache entry keeps the skeletons and the records each in one buffer with
their offsets: a lookup is a binary search among every :data:`INDEX_STEP`-th
skeleton and a search of one block's bytes; the skeletons are split into a tuple
only when a typo search needs them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, islice, pairwise
from pathlib import Path
from typing import Final

from .lexicon import decompressed, file_blocks, read_lexicon


class KeyIndex:
    """Sorted ASCII skeletons, each followed by a newline in ``data[begin:end]``, found without a million
    ``str`` objects: a binary search among every :data:`INDEX_STEP`-th skeleton, then a search of the
    bytes of its block."""

    def __init__(self, data: bytes, begin: int, end: int, count: int, starts: memoryview) -> None:
        self.data = data
        self.begin = begin
        self.end = end
        self.count = count
        self.starts = [begin + start for start in starts]
        """where every :data:`INDEX_STEP`-th skeleton starts in ``data``"""
        self.samples = tuple(data[start : data.index(b"\n", start, end)].decode("ascii") for start in self.starts)

    def position(self, key: str) -> int:
        """The index of ``key`` among the skeletons, or -1."""
        block = bisect_right(self.samples, key) - 1
        if block < 0 or not key.isascii() or "\n" in key:
            return -1
        start = self.starts[block]
        line = key.encode("ascii") + b"\n"
        if self.data.startswith(line, start):
            return block * INDEX_STEP
        stop = self.starts[block + 1] if block + 1 < len(self.starts) else self.end
        at = self.data.find(b"\n" + line, start, stop)
        found = -1 if at < 0 else block * INDEX_STEP + self.data.count(b"\n", start, at + 1)
        return found if found < self.count else -1

    def keys(self) -> tuple[str, ...]:
        """Every skeleton, in order."""
        return tuple(self.data[self.begin : self.end - 1].decode("ascii").split("\n")) if self.count else ()


INDEX_STEP = 64
"""Skeletons per block of a :class:`KeyIndex`."""


class Records:
    """The records of a lexicon as one buffer, each followed by a newline, and where each starts: a
    million ``bytes`` objects would take 50 MB more and a split of 14 MB on every start (the lexicon
    cache's layout, :func:`cached_lexicon`)."""

    def __init__(self, buffer: memoryview, offsets: memoryview) -> None:
        self.buffer = buffer
        self.offsets = offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index: int) -> bytes:
        if not 0 <= index < len(self.offsets) - 1:
            raise IndexError(index)
        return self.buffer[self.offsets[index] : self.offsets[index + 1] - 1].tobytes()

    def all(self) -> list[bytes]:
        """Every record, in order (one split of the buffer: a record holds no newline)."""
        return self.buffer.tobytes().split(b"\n")[: len(self)]


_OFFSET: Final = "I"
"""The array type of the cached records' offsets (4 bytes, the machine's byte order)."""


def cache_payload(data: bytes) -> list[bytes]:
    """The parts of a decompressed lexicon file's cache entry, the layout :func:`from_cache` reads: four
    sizes (8 bytes each, little-endian); the skeletons and the attested ones as in the file; the offsets
    of every :data:`INDEX_STEP`-th skeleton, and of every record; the records. Every skeleton and record
    is followed by a newline."""
    keys, attested, records = file_blocks(data)
    if keys and not keys.endswith(b"\n"):
        raise ValueError("the skeletons' block does not end a line")
    records = records.rstrip(b"\n") + b"\n" if keys else b""
    starts, offsets = _offsets(keys, records)
    blocks = [keys, attested, starts, offsets, records]
    return [b"".join(len(block).to_bytes(8, "little") for block in blocks[:4]), *blocks]


def _offsets(keys: bytes, records: bytes) -> tuple[bytes, bytes]:
    """Where every :data:`INDEX_STEP`-th of the ``keys`` starts, and where every record starts (and the
    last ends), as arrays of :data:`_OFFSET`; each key and record ends with a newline. Counted line
    by line, never holding a million objects."""
    import array
    from io import BytesIO

    count = keys.count(b"\n")
    starts = array.array(_OFFSET, islice(accumulate(map(len, BytesIO(keys)), initial=0), 0, count, INDEX_STEP))
    offsets = array.array(_OFFSET, accumulate(map(len, BytesIO(records)), initial=0))
    if len(offsets) - 1 != count:
        raise ValueError(f"{count} keys but {len(offsets) - 1} records")
    return starts.tobytes(), offsets.tobytes()


def from_cache(payload: memoryview) -> tuple[KeyIndex, Records, tuple[str, ...]] | None:
    """(skeleton index, records, attested skeletons) of a :func:`cache_payload`; None when it does not add up."""
    blocks = _blocks(payload, 5)
    if blocks is None:
        return None
    data, (keys, attested, starts, offsets, records) = blocks
    table = _table(data, keys, starts, offsets, records)
    if table is None:
        return None
    try:
        found = tuple(data[attested[0] : attested[1] - 1].decode("ascii").split("\n")) if attested[1] > attested[0] else ()
    except UnicodeDecodeError:
        return None
    return (*table, found)


def table_payload(items: Iterable[tuple[str, bytes]]) -> list[bytes]:
    """The parts of a cache entry of ASCII keys, each with a record (no newline in either), sorted by
    key: three sizes (8 bytes each, little-endian); the keys; the offsets of every :data:`INDEX_STEP`-th
    key, and of every record; the records. Raises ValueError for a key that is not ASCII."""
    keys, records = [], []
    for key, record in items:
        keys.append(key.encode("ascii") + b"\n")
        records.append(record + b"\n")
    key_block, record_block = b"".join(keys), b"".join(records)
    starts, offsets = _offsets(key_block, record_block)
    blocks = [key_block, starts, offsets, record_block]
    return [b"".join(len(block).to_bytes(8, "little") for block in blocks[:3]), *blocks]


def table_from(payload: memoryview) -> tuple[KeyIndex, Records] | None:
    """The key index and records of a :func:`table_payload`; None when it does not add up."""
    blocks = _blocks(payload, 4)
    if blocks is None:
        return None
    data, (keys, starts, offsets, records) = blocks
    return _table(data, keys, starts, offsets, records)


def _blocks(payload: memoryview, count: int) -> tuple[bytes, list[tuple[int, int]]] | None:
    """The entry's bytes, and where each of the ``count`` blocks of its payload starts and ends in them:
    the sizes of all but the last lead the payload (8 bytes each), the last runs to its end."""
    data = payload.obj
    head = 8 * (count - 1)
    if len(payload) < head or not isinstance(data, bytes):
        return None
    begin = len(data) - len(payload) + head  # the payload is the end of the entry's bytes
    ends = list(accumulate((int.from_bytes(payload[i : i + 8], "little") for i in range(0, head, 8)), initial=begin))
    if ends[-1] > len(data):
        return None
    return data, [*pairwise(ends), (ends[-1], len(data))]


def _table(data: bytes, keys: tuple[int, int], starts: tuple[int, int], offsets: tuple[int, int],
           records: tuple[int, int]) -> tuple[KeyIndex, Records] | None:
    """The key index and the records of the blocks of ``data`` at these places; None when their sizes do
    not add up. The lines are not counted (40 ms for the lexicon): the entry's checksum vouches for its
    bytes, and a lookup never goes past the number of records."""
    view = memoryview(data)
    if (starts[1] - starts[0]) % 4 or (offsets[1] - offsets[0]) % 4:
        return None
    found = Records(view[records[0] : records[1]], view[offsets[0] : offsets[1]].cast(_OFFSET))
    count = len(found)
    if (
        count < 0 or found.offsets[0] != 0 or found.offsets[-1] != len(found.buffer)
        or (count and (data[records[1] - 1] != ord("\n") or data[keys[1] - 1] != ord("\n")))
        or (starts[1] - starts[0]) // 4 != (count + INDEX_STEP - 1) // INDEX_STEP
    ):
        return None
    try:
        index = KeyIndex(data, keys[0], keys[1], count, view[starts[0] : starts[1]].cast(_OFFSET))
    except (UnicodeDecodeError, ValueError, IndexError):
        return None
    return index, found


@lru_cache(maxsize=4)
def lexicon_key(path: Path) -> str:
    """The cache key of the lexicon file ``path`` as :func:`cached_lexicon` lays it out (its content read once)."""
    import sys

    from .. import cache

    return cache.key_of([*(Path(__file__).with_name(name) for name in ("lexicon.py", "lexicon_cache.py")), path, sys.byteorder])


def cached_lexicon(path: Path) -> tuple[tuple[str, ...], tuple[bytes, ...] | Records, tuple[str, ...], KeyIndex | None]:
    """The bundled lexicon from the start-up cache (translit/cache.py), filled from the file when it does
    not hold it: no skeletons yet but their index, the records in one buffer; no decompression (0.3 s),
    no million objects for the records (50 MB) nor for the skeletons until a typo search needs them.
    :func:`read_lexicon`'s tuples and None when the cache is off or cannot be written."""
    from .. import cache

    if cache.cache_dir() is None:
        return (*read_lexicon(path), None)
    key = lexicon_key(path)
    payload = cache.read("lexicon", key)
    found = from_cache(payload) if payload is not None else None
    if found is None:  # missing, or damaged under a valid checksum: derived from the file again
        try:
            cache.write("lexicon", key, cache_payload(decompressed(path)))
        except (OSError, ValueError, EOFError):
            pass  # read_lexicon says what is wrong with the file
        payload = cache.read("lexicon", key)
        found = from_cache(payload) if payload is not None else None
        if found is None:  # the file is damaged, or the cache cannot be written
            return (*read_lexicon(path), None)
    index, records, attested = found
    split_later: tuple[str, ...] = ()  # the skeletons, from the index when a typo search asks
    return split_later, records, attested, index
