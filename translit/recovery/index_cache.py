"""The English word list and the corpus-slip index in the start-up cache (translit/cache.py), looked up
where they lie.

Both are the same on every start and took 40–60 ms each to build: the English
list is 50,000 words decompressed and split into a dict, the corpus-slip index
(:func:`.edits._corpus_index`) 65,000 deletions of the corpus's skeletons.
Their entries are sorted ASCII keys with a record each, in the layout of the
lexicon's (:func:`.lexicon_cache.table_payload`): a lookup is a binary search
among every 64th key and a search of one block's bytes, so a process that needs
them builds no dict, and one that asks a few words pays for those only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .lexicon_cache import KeyIndex, Records, table_from, table_payload

if TYPE_CHECKING:
    from .lexicon import Lexicon

HERE = Path(__file__).parent
CorpusIndex = dict[str, tuple[tuple[str, int], ...]]


class Table:
    """Sorted keys, each with a record, read from a cache entry without being split."""

    def __init__(self, index: KeyIndex, records: Records) -> None:
        self.index = index
        self.records = records

    def record(self, key: str) -> bytes | None:
        """The record of ``key``, or None."""
        at = self.index.position(key)
        return None if at < 0 else self.records[at]


class EnglishWords:
    """The English word list (:func:`.lexicon.read_english`) from its cache entry, with the dict's ``get``."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def get(self, word: str, default: int = 0) -> int:
        found = self.table.record(word)
        return default if found is None else int(found)


class CorpusSlips:
    """The corpus-slip index (:func:`.edits._corpus_index`) from its cache entry, with the dict's ``get``:
    each deletion's skeletons and positions, ``skeleton<TAB>position`` one after the other."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def get(self, key: str, default: tuple[tuple[str, int], ...] = ()) -> tuple[tuple[str, int], ...]:
        found = self.table.record(key)
        if found is None:
            return default
        parts = found.decode("ascii").split("\t")
        return tuple((parts[i], int(parts[i + 1])) for i in range(0, len(parts), 2))


def _cached_table(kind: str, key: str) -> Table | None:
    from .. import cache

    payload = cache.read(kind, key)
    found = table_from(payload) if payload is not None else None
    return None if found is None else Table(*found)


def _store_table(kind: str, key: str, items: list[tuple[str, bytes]]) -> None:
    """Store ``items`` (sorted by key) as the entry (``kind``, ``key``), unless a key is not ASCII."""
    from .. import cache

    try:
        cache.write(kind, key, table_payload(items))
    except ValueError:
        pass  # derived again by every process


def cached_english(path: Path) -> dict[str, int] | EnglishWords:
    """The English word list from the start-up cache; the file's dict (:func:`.lexicon.read_english`)
    when the cache is off or does not hold it yet (then it is stored there)."""
    from .. import cache
    from .lexicon import read_english

    if cache.cache_dir() is None:
        return read_english(path)
    key = cache.key_of([HERE / "lexicon.py", HERE / "lexicon_cache.py", HERE / "index_cache.py", path])
    table = _cached_table("english", key)
    if table is not None:
        return EnglishWords(table)
    words = read_english(path)
    _store_table("english", key, [(word, str(words[word]).encode("ascii")) for word in sorted(words)])
    return words


@lru_cache(maxsize=4)
def corpus_slips(lexicon: Lexicon) -> CorpusIndex | CorpusSlips:
    """:func:`.edits._corpus_index` of ``lexicon``, from the start-up cache when it holds it (keyed by the
    skeletons it is built from, in their order, and the code that builds it), else built (and stored)."""
    from .. import cache
    from .edits import _corpus_index

    if cache.cache_dir() is None:
        return _corpus_index(lexicon)
    key = cache.key_of([HERE / "edits.py", HERE / "lexicon_cache.py", HERE / "index_cache.py",
                        "\n".join(lexicon.attested), "\n".join(lexicon.extra)])
    table = _cached_table("slips", key)
    if table is not None:
        return CorpusSlips(table)
    index = _corpus_index(lexicon)
    _store_table("slips", key, [(deleted, "\t".join(f"{found}\t{at}" for found, at in index[deleted]).encode("ascii"))
                                       for deleted in sorted(index)])
    return index
