"""The embedded translation memory: one SQLite file in WAL mode.

WAL lets ``translit post`` and ``translit check`` read while another process
imports: readers see the last committed import. An import is one
``BEGIN IMMEDIATE`` transaction, so an interrupted import leaves the memory as
it was. Fuzzy candidates come from an FTS5 index of the keys' words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from .store import Segment, Stats, Store, now, query_words

__all__ = ["SQLiteStore"]

_COLUMNS = "src, tgt, key, kinds, source, target, template, origin, unit, created"
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS segments (id INTEGER PRIMARY KEY, {_COLUMNS.replace(',', ' TEXT NOT NULL,')} TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS segments_key ON segments (key, src, tgt);
CREATE INDEX IF NOT EXISTS segments_origin ON segments (origin);
CREATE VIRTUAL TABLE IF NOT EXISTS segment_words USING fts5 (key, content='segments', content_rowid='id', tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS segment_vocab USING fts5vocab (segment_words, 'row');
CREATE TRIGGER IF NOT EXISTS segments_ai AFTER INSERT ON segments BEGIN
  INSERT INTO segment_words (rowid, key) VALUES (new.id, new.key);
END;
CREATE TRIGGER IF NOT EXISTS segments_ad AFTER DELETE ON segments BEGIN
  INSERT INTO segment_words (segment_words, rowid, key) VALUES ('delete', old.id, old.key);
END;
"""
_RARE_WORDS = 4
"""Fuzzy candidates are the segments sharing one of the query's rarest words (a common word would match half the memory)."""


class SQLiteStore(Store):
    """A memory in the SQLite file ``path`` (created when missing unless ``create`` is false)."""

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        if not create and not self.path.exists():
            raise InputError("no translation memory here; import into it first (translit tm import)", path=self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        except (sqlite3.DatabaseError, OSError) as exc:
            raise InputError(f"not a translation memory: {exc}", path=self.path) from None

    def replace(self, origins: Sequence[str], segments: Iterable[Segment]) -> int:
        stamp = now()
        rows = [(s.src, s.tgt, s.key, s.kinds, s.source, s.target, s.template, s.origin, s.unit, s.created or stamp) for s in segments]
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.executemany("DELETE FROM segments WHERE origin = ?", ((origin,) for origin in origins))
            self.db.executemany(f"INSERT INTO segments ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return len(rows)

    def exact(self, src: str, tgt: str, key: str) -> list[Segment]:
        cursor = self.db.execute(
            f"SELECT {_COLUMNS}, id FROM segments WHERE key = ? AND src = ? AND tgt = ? ORDER BY id DESC", (key, src, tgt)
        )
        return [Segment(*row) for row in cursor]

    def candidates(self, src: str, tgt: str | None, key: str, limit: int) -> list[Segment]:
        words = query_words(key)
        if not words:
            return []
        counts = dict(self.db.execute(
            f"SELECT term, doc FROM segment_vocab WHERE term IN ({','.join('?' * len(words))})", words
        ).fetchall())
        rare = sorted((w for w in words if w in counts), key=lambda w: counts[w])[:_RARE_WORDS]
        if not rare:
            return []
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in rare)
        sql = (f"SELECT {', '.join('s.' + c.strip() for c in _COLUMNS.split(','))}, s.id FROM segment_words w "
               "JOIN segments s ON s.id = w.rowid WHERE segment_words MATCH ? AND s.src = ?"
               + (" AND s.tgt = ?" if tgt else "") + " ORDER BY w.rank LIMIT ?")
        params: tuple[object, ...] = (match, src, tgt, limit) if tgt else (match, src, limit)
        return [Segment(*row) for row in self.db.execute(sql, params)]

    def remove(self, origin: str) -> int:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            cursor = self.db.execute(
                "DELETE FROM segments WHERE origin = ? OR substr(origin, 1, ?) = ?", (origin, len(origin) + 1, origin.rstrip("/") + "/")
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return cursor.rowcount

    def stats(self) -> Stats:
        stats = Stats(location=self.location)
        for src, tgt, count in self.db.execute("SELECT src, tgt, count(*) FROM segments GROUP BY src, tgt ORDER BY src, tgt"):
            stats.pairs[f"{src}-{tgt}"] = count
            stats.segments += count
        stats.origins, stats.first, stats.last = self.db.execute(
            "SELECT count(DISTINCT origin), min(created), max(created) FROM segments"
        ).fetchone()
        return stats

    def segments(self) -> Iterator[Segment]:
        for row in self.db.execute(f"SELECT {_COLUMNS}, id FROM segments ORDER BY id"):
            yield Segment(*row)

    def close(self) -> None:
        self.db.close()
