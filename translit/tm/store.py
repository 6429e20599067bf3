"""What a translation memory stores, and the interface every backend (SQLite, PostgreSQL) offers.

A :class:`Segment` is one sentence pair in one direction (``src`` → ``tgt``):
the source's key (:mod:`translit.tm.slots`), the target as a template, both
sentences as they were published, and where they came from (``origin``: the
post or TMX file, so that importing it again replaces its segments, and
``unit``: the sentences of all languages that translate each other, one TMX
translation unit).
"""

from __future__ import annotations

import abc
import datetime
import functools
import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Segment", "Stats", "Store", "TOTAL", "key_words", "now", "word_deltas"]


@dataclass(frozen=True)
class Segment:
    """One stored sentence pair."""

    src: str
    tgt: str
    key: str
    kinds: str
    source: str
    target: str
    template: str
    origin: str
    unit: str
    created: str = ""
    id: int = 0


def now() -> str:
    """The time stamp stored with a segment (UTC, ISO 8601, seconds)."""
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class Stats:
    """What ``translit tm stats`` shows."""

    segments: int = 0
    pairs: dict[str, int] = field(default_factory=dict)
    origins: int = 0
    first: str | None = None
    last: str | None = None
    location: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"memory": self.location, "segments": self.segments, "pairs": self.pairs, "sources": self.origins,
                "first_import": self.first, "last_import": self.last}


class Store(abc.ABC):
    """A translation memory's storage. Every method is one transaction.

    Writers never leave a half-done import: :meth:`replace` deletes the
    segments of the given origins and inserts the new ones atomically, so
    readers see the memory before or after an import, never in between.
    """

    location: str = ""

    @abc.abstractmethod
    def replace(self, origins: Sequence[str], segments: Iterable[Segment]) -> int:
        """Drop every segment of ``origins`` and store ``segments``, in one transaction; the count stored."""

    @abc.abstractmethod
    def exact(self, src: str, tgt: str, key: str) -> list[Segment]:
        """Segments whose key is ``key``, newest first."""

    def candidates(self, src: str, tgt: str | None, key: str, limit: int, min_score: float = 0.0) -> list[Segment]:
        """Up to ``limit`` segments whose keys are closest to ``key`` and score at least ``min_score`` (for fuzzy scoring).

        Candidates are segments sharing the key's rarest words (:func:`gather`), ranked by the counts
        of :meth:`word_counts`; only their keys are read until the best are known.
        """
        words = query_words(key)
        counts = self.word_counts(words) if words else {}
        rare = sorted((word for word in words if counts.get(word)), key=counts.__getitem__)
        keys = gather(rare, counts, counts.get(TOTAL, 0), lambda groups: self.keys_with(src, tgt, groups))
        best = best_ids(key, keys, limit, min_score)
        return self.segments_by_id(best) if best else []

    @abc.abstractmethod
    def word_counts(self, words: Sequence[str]) -> dict[str, int]:
        """How many segments hold each of ``words`` (words held by none left out), and the number of segments at :data:`TOTAL`."""

    @abc.abstractmethod
    def keys_with(self, src: str, tgt: str | None, groups: list[tuple[str, ...]]) -> dict[int, str]:
        """Up to CANDIDATE_ROWS keys by id, of segments holding every word of one of ``groups``."""

    @abc.abstractmethod
    def segments_by_id(self, ids: Sequence[int]) -> list[Segment]:
        """The segments of ``ids``."""

    @abc.abstractmethod
    def remove(self, origin: str) -> int:
        """Drop the segments of ``origin`` and of every origin under it (a folder); the count dropped."""

    @abc.abstractmethod
    def stats(self) -> Stats:
        """Counts per language pair, number of sources, first and last import."""

    @abc.abstractmethod
    def segments(self) -> Iterator[Segment]:
        """Every segment, in the order stored (for export)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection."""


CANDIDATE_ROWS = 2000
"""The most keys one candidate search reads; the best ``limit`` of them by fuzzy score are returned."""
TOTAL = ""
"""Where :meth:`Store.word_counts` gives the number of segments (no word is empty)."""
_RARE_WORDS = 4
_ENOUGH = 10
_COMMON = 0.05
"""A word in more than this share of a large memory's segments finds nothing a rarer word does not find
better, and reading its list of segments costs more than the rest of the search: it is left out."""


@functools.cache
def _word_pattern() -> Any:
    import regex

    return regex.compile(r"(?<!⟦)\b\p{L}{3,}\b(?!⟧)")


def key_words(key: str) -> list[str]:
    """The words of a key that find fuzzy candidates, in order, once each: three letters or more, slot names left out."""
    return list(dict.fromkeys(_word_pattern().findall(key.lower())))


def query_words(key: str, limit: int = 8) -> list[str]:
    """The words of a key a fuzzy search starts from: longest first."""
    return sorted(key_words(key), key=len, reverse=True)[:limit]


def word_deltas(added: Iterable[str], removed: Iterable[str] = ()) -> dict[str, int]:
    """How the count of segments per word (and at :data:`TOTAL`, of segments) changes when keys are added and removed."""
    deltas: Counter[str] = Counter()
    for keys, change in ((list(added), deltas.update), (list(removed), deltas.subtract)):
        counted = Counter(itertools.chain.from_iterable(map(key_words, keys)))
        counted[TOTAL] = len(keys)
        change(counted)
    return {word: delta for word, delta in deltas.items() if delta}


def gather(rare: Sequence[str], counts: Mapping[str, int], total: int,
           fetch: Callable[[list[tuple[str, ...]]], dict[int, str]]) -> dict[int, str]:
    """Candidate keys by id for words ranked rarest first; ``fetch`` reads up to CANDIDATE_ROWS keys of
    segments holding every word of one of the groups it is given.

    Segments sharing two of the four rarest words; when those are expected (from the words' counts)
    or found to fill the search, three of the five rarest instead; when too few are found (a long
    sentence edited in several places), each of the two rarest that is held by no more segments than
    the search reads. Words in more than ``_COMMON`` of a large memory are left out (a common word
    alone would match half the memory).
    """
    common = max(total * _COMMON, CANDIDATE_ROWS)
    rare = [word for word in rare if counts[word] <= common]
    pairs = list(itertools.combinations(rare[:_RARE_WORDS], 2))
    triples = list(itertools.combinations(rare[:_RARE_WORDS + 1], 3))
    keys: dict[int, str] = {}
    flooded = bool(triples) and _expected(pairs, counts, total) > CANDIDATE_ROWS
    if pairs and not flooded:
        keys = fetch(pairs)
        flooded = bool(triples) and len(keys) >= CANDIDATE_ROWS
    if flooded:
        keys = fetch(triples)
    alone = [(word,) for word in rare[:2] if counts[word] <= CANDIDATE_ROWS]  # more would be an arbitrary part of them
    if len(keys) < _ENOUGH and alone:
        keys = {**keys, **fetch(alone)}
    return keys


def _expected(groups: list[tuple[str, ...]], counts: Mapping[str, int], total: int) -> float:
    """How many segments ``groups`` would find if words were independent of each other."""
    return sum(total * math.prod(counts[word] / total for word in group) for group in groups) if total else 0.0


def best_ids(key: str, keys: dict[int, str], limit: int, min_score: float = 0.0) -> list[int]:
    """The ids of the ``limit`` keys closest to ``key`` at ``min_score`` or above (rapidfuzz's normalised Indel similarity)."""
    from rapidfuzz import fuzz, process

    return [number for _, _, number in process.extract(key, keys, scorer=fuzz.ratio, limit=limit, score_cutoff=min_score)]
