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
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Segment", "Stats", "Store", "now"]


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

    @abc.abstractmethod
    def candidates(self, src: str, tgt: str | None, key: str, limit: int) -> list[Segment]:
        """Up to ``limit`` segments whose keys share the most with ``key`` (for fuzzy scoring)."""

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
_RARE_WORDS = 4
_ENOUGH = 10


def query_words(key: str, limit: int = 8) -> list[str]:
    """The words of a key that find fuzzy candidates: longest first, slot names and short words left out."""
    import regex

    words = regex.findall(r"(?<!⟦)\b\p{L}{3,}\b(?!⟧)", key.lower())
    return sorted(dict.fromkeys(words), key=len, reverse=True)[:limit]


def gather(rare: Sequence[str], fetch: Callable[[list[tuple[str, ...]]], dict[int, str]]) -> dict[int, str]:
    """Candidate keys by id for words ranked rarest first; ``fetch`` reads up to CANDIDATE_ROWS keys of
    segments holding every word of one of the groups it is given.

    Segments sharing two of the four rarest words; when those are common enough to fill the search,
    three of the five rarest instead; when too few are found (a long sentence edited in several
    places), each of the two rarest. A common word alone would match half the memory.
    """
    keys: dict[int, str] = {}
    for size in (2, 3, 1):
        if (size == 3 and len(keys) < CANDIDATE_ROWS) or (size == 1 and len(keys) >= _ENOUGH):
            continue
        groups = list(itertools.combinations(rare[: _RARE_WORDS + (size == 3)], size)) if size > 1 else [(w,) for w in rare[:2]]
        if groups:
            found = fetch(groups)
            keys = found if size == 3 else {**keys, **found}
    return keys


def best_ids(key: str, keys: dict[int, str], limit: int) -> list[int]:
    """The ids of the ``limit`` keys closest to ``key`` (rapidfuzz's normalised Indel similarity)."""
    from rapidfuzz import fuzz, process

    return [number for _, _, number in process.extract(key, keys, scorer=fuzz.ratio, limit=limit)]
