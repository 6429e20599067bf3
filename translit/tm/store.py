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
from collections.abc import Iterable, Iterator, Sequence
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

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
