"""Looking a sentence up in a translation memory: exact after slot abstraction, then fuzzy.

An exact match is a segment whose key equals the sentence's key: the same
words, with names, dates and numbers in the same places. A fuzzy match is the
best-scoring candidate the store proposes, scored by rapidfuzz's normalised
Indel similarity of the keys (0–100), kept only at or above ``min_score``
and only when its slots are of the same types in the same order (so every
name, date and number of the new sentence has its place in the translation).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config, ConfigError
from .store import Segment, Store

if TYPE_CHECKING:
    from .slots import Abstracted

__all__ = ["DEFAULT_MIN_SCORE", "Match", "Memory", "default_path", "open_memory", "tm_settings"]

DEFAULT_MIN_SCORE = 75.0
"""The least fuzzy score a match needs by default; CAT tools commonly start at 70–75%."""
_CANDIDATES = 50
_KEYS = ("path", "url", "min_score")


@dataclass(frozen=True)
class Match:
    """A segment found for a sentence: ``score`` 100 and ``exact`` for an exact match."""

    segment: Segment
    score: float
    exact: bool
    alternatives: int = 0
    """Other segments with the same key and a different translation (exact matches only)."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: what the report and ``tm search`` show."""
        return {
            "match": "exact" if self.exact else "fuzzy",
            "score": round(self.score, 1),
            "source": self.segment.source,
            "target": self.segment.target,
            "origin": self.segment.origin,
            "imported": self.segment.created,
            **({"alternatives": self.alternatives} if self.alternatives else {}),
        }


class Memory:
    """A store and how it is matched against (``min_score`` for fuzzy matches)."""

    def __init__(self, store: Store, min_score: float = DEFAULT_MIN_SCORE) -> None:
        self.store = store
        self.min_score = min_score

    def exact(self, sentence: Abstracted, src: str, tgt: str) -> Match | None:
        """The newest segment with the sentence's key, or None."""
        found = self.store.exact(src, tgt, sentence.key)
        if not found:
            return None
        others = len({segment.template for segment in found[1:]} - {found[0].template})
        return Match(found[0], 100.0, True, others)

    def fuzzy(self, sentence: Abstracted, src: str, tgt: str | None, *, min_score: float | None = None, limit: int = 1) -> list[Match]:
        """The best fuzzy matches at or above ``min_score`` (default: the memory's), best first."""
        from rapidfuzz import fuzz

        floor = self.min_score if min_score is None else min_score
        kinds = sentence.kinds
        scored = []
        for segment in self.store.candidates(src, tgt, sentence.key, _CANDIDATES, floor):
            if segment.key == sentence.key or (tgt is not None and segment.kinds != kinds):
                continue
            score = fuzz.ratio(sentence.key, segment.key)
            if score >= floor:
                scored.append(Match(segment, score, False))
        scored.sort(key=lambda match: (-match.score, -match.segment.id))
        return scored[:limit]

    def lookup(self, sentence: Abstracted, src: str, tgt: str) -> Match | None:
        """Exact match, else the best fuzzy one, else None."""
        return self.exact(sentence, src, tgt) or next(iter(self.fuzzy(sentence, src, tgt)), None)

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> "Memory":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def default_path() -> Path:
    """Where the memory lives when ``[tm]`` names none: the user's data folder (``platformdirs``)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("translit", appauthor=False)) / "memory.sqlite"


def tm_settings(config: Config | None) -> dict[str, Any]:
    """The ``[tm]`` section, checked: ``path`` (relative to the config file), ``url``, ``min_score``."""
    section = dict(config.section("tm")) if config is not None else {}
    where = config.path if config is not None else None
    unknown = sorted(set(section) - set(_KEYS))
    if unknown:
        raise ConfigError(f"[tm] unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})", path=where)
    if "path" in section and "url" in section:
        raise ConfigError("[tm] give path (SQLite) or url (PostgreSQL), not both", path=where)
    for name in ("path", "url"):
        if name in section and (not isinstance(section[name], str) or not section[name]):
            raise ConfigError(f"[tm] {name} must be a non-empty string", path=where)
    if "url" in section and not section["url"].startswith(("postgresql://", "postgres://")):
        raise ConfigError("[tm] url must start with postgresql://", path=where)
    score = section.get("min_score", DEFAULT_MIN_SCORE)
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 50 <= score <= 100:
        raise ConfigError("[tm] min_score must be a number from 50 to 100", path=where)
    section["min_score"] = float(score)
    if "path" in section:
        base = config.root if config is not None and config.root is not None else Path.cwd()
        section["path"] = str((base / section["path"]).resolve())
    return section


def open_memory(config: Config | None = None, *, path: str | Path | None = None, url: str | None = None,
                create: bool = True, required: bool = True) -> Memory | None:
    """The memory ``path``/``url`` names, else the one ``[tm]`` configures, else the default file.

    With ``required`` false, None when nothing is configured and no default memory exists yet
    (``translit post`` then works without one).
    """
    settings = tm_settings(config)
    url = url or (None if path else settings.get("url"))
    if url:
        from .postgres import PostgresStore

        return Memory(PostgresStore(url), settings["min_score"])
    chosen = Path(path) if path else Path(settings["path"]) if "path" in settings else default_path()
    if not required and not chosen.exists():
        return None
    from .sqlite import SQLiteStore

    return Memory(SQLiteStore(chosen, create=create), settings["min_score"])
