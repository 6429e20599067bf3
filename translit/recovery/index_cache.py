"""What the recovery adds to the lexicon, in the start-up cache (translit/cache.py): the English word list
and the corpus-slip index looked up where they lie, the names and trigram tables as one JSON entry.

The first two are the same on every start and took 40–60 ms each to build: the
English list is 50,000 words decompressed and split into a dict, the corpus-slip
index (:func:`.edits._corpus_index`) 65,000 deletions of the corpus's skeletons.
Their entries are sorted ASCII keys with a record each, in the layout of the
lexicon's (:func:`.lexicon_cache.table_payload`): a lookup is a binary search
among every 64th key and a search of one block's bytes, so a process that needs
them builds no dict, and one that asks a few words pays for those only."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .lexicon_cache import KeyIndex, Records, lexicon_key, table_from, table_payload

if TYPE_CHECKING:
    from .lexicon import Lexicon

HERE = Path(__file__).parent
CorpusIndex = dict[str, tuple[tuple[str, int], ...]]


class Table:
    """Sorted keys, each with a record, read from a cache entry without being split; read whole into a
    dict once a process has looked up :data:`WHOLE_AFTER` keys."""

    def __init__(self, index: KeyIndex, records: Records) -> None:
        self.index = index
        self.records = records
        self.lookups = 0
        self.whole: dict[str, bytes] | None = None

    def record(self, key: str) -> bytes | None:
        """The record of ``key``, or None."""
        if self.whole is None:
            self.lookups += 1
            if self.lookups < WHOLE_AFTER:
                at = self.index.position(key)
                return None if at < 0 else self.records[at]
            self.whole = dict(self.items())
        return self.whole.get(key)

    def items(self) -> list[tuple[str, bytes]]:
        """Every key with its record, in order."""
        return list(zip(self.index.keys(), self.records.all()))


WHOLE_AFTER = 1_000
"""Lookups in place after which a table is read whole into a dict: a check of a post with a Latin-typed
title asks about ten and never gets there; a long text or a server does, and then a dict's lookups
(a tenth of the cost or less) soon repay the 10–30 ms of reading it."""


class EnglishWords:
    """The English word list (:func:`.lexicon.read_english`) from its cache entry, with the dict's ``get``."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def get(self, word: str, default: int = 0) -> int:
        found = self.table.record(word)
        return default if found is None else int(found)


class CorpusSlips:
    """The corpus-slip index (:func:`.edits._corpus_index`) from its cache entry, with the dict's ``get``:
    each deletion's skeletons and positions, ``skeleton<TAB>position`` one after the other, parsed on
    lookup (parsing all 65,000 would take 0.15 s)."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def get(self, key: str, default: tuple[tuple[str, int], ...] = ()) -> tuple[tuple[str, int], ...]:
        found = self.table.record(key)
        return default if found is None else _slips(found)


def _slips(record: bytes) -> tuple[tuple[str, int], ...]:
    parts = record.decode("ascii").split("\t")
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


Additions = tuple[dict[str, str], dict[str, str], dict[str, int], dict[str, int]]
"""What :func:`.lexicon.load_lexicon` adds to the bundled lexicon: the names list, the names-list and
glossary words' records, the letter trigrams of the corpus and of the word forms."""


def cached_additions(folder: Path, derive: Callable[[], Additions]) -> Additions:
    """The :data:`Additions` to the bundled lexicon in ``folder``, from the start-up cache (keyed by the
    files and the code they are derived by, and the lexicon's own key), else ``derive()``-d and stored."""
    from .. import cache
    from ..resources import bundled_dir
    from .lexicon import FORM_TRIGRAM_FILE, LEXICON_FILE, NAMES_FILE, TRIGRAM_FILE

    if cache.cache_dir() is None:
        return derive()
    glossaries = sorted(bundled_dir("glossaries").glob("*.toml"))
    key = cache.key_of([lexicon_key(folder / LEXICON_FILE), *(HERE / name for name in ("lexicon.py", "spelling.py", "index_cache.py")),
                        *(folder / name for name in (NAMES_FILE, TRIGRAM_FILE, FORM_TRIGRAM_FILE)), *glossaries,
                        *map(str, glossaries)])
    found = _additions(cache.read_json("additions", key))
    if found is not None:
        return found
    derived = derive()
    cache.write_json("additions", key, list(derived))
    return derived


def _additions(value: Any) -> Additions | None:
    """The :data:`Additions` of a cache entry's JSON value; None when it has another shape."""
    if not (isinstance(value, list) and len(value) == 4 and all(type(table) is dict for table in value)):
        return None
    names, extra, trigrams, form_trigrams = value
    texts, numbers = {str}, {int}
    if not (all(set(map(type, table)) <= texts for table in value)
            and set(map(type, names.values())) <= texts and set(map(type, extra.values())) <= texts
            and set(map(type, trigrams.values())) <= numbers and set(map(type, form_trigrams.values())) <= numbers):
        return None
    return names, extra, trigrams, form_trigrams
