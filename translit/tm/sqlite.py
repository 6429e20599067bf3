"""The embedded translation memory: one SQLite file in WAL mode.

WAL lets ``translit post`` and ``translit check`` read while another process
imports: readers see the last committed import. An import is one
``BEGIN IMMEDIATE`` transaction, so an interrupted import leaves the memory as
it was. Exact lookups go through a 64-bit hash of the key; fuzzy candidates
come from an FTS5 index of the keys' words (segments sharing the query's
rarest words), ranked by the count of segments per word kept in ``words`` (FTS5's own vocabulary
table counts by reading a word's whole list of segments: tens of milliseconds for a common word in a
million). Posts are stored once in ``origins`` with their import time, so a segment carries only their
number.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError
from .store import CANDIDATE_ROWS, TOTAL, Segment, Stats, Store, now, word_deltas

__all__ = ["SQLiteStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS origins (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, imported TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS segments (
  id INTEGER PRIMARY KEY, src TEXT NOT NULL, tgt TEXT NOT NULL, hash INTEGER NOT NULL, key TEXT NOT NULL,
  kinds TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, template TEXT NOT NULL,
  origin INTEGER NOT NULL REFERENCES origins (id), unit TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS segments_hash ON segments (hash);
CREATE INDEX IF NOT EXISTS segments_origin ON segments (origin);
CREATE VIRTUAL TABLE IF NOT EXISTS segment_words USING fts5 (key, content='segments', content_rowid='id', detail=none, tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, segments INTEGER NOT NULL) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS segments_ai AFTER INSERT ON segments BEGIN
  INSERT INTO segment_words (rowid, key) VALUES (new.id, new.key);
END;
CREATE TRIGGER IF NOT EXISTS segments_ad AFTER DELETE ON segments BEGIN
  INSERT INTO segment_words (segment_words, rowid, key) VALUES ('delete', old.id, old.key);
END;
"""
_SELECT = ("SELECT s.src, s.tgt, s.key, s.kinds, s.source, s.target, s.template, o.path, s.unit, o.imported, s.id "
           "FROM segments s JOIN origins o ON o.id = s.origin")


def key_hash(key: str) -> int:
    """A signed 64-bit hash of a key (what the exact-lookup index holds instead of the key)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _segment(row: tuple[object, ...]) -> Segment:
    src, tgt, key, kinds, source, target, template, origin, unit, created, number = row
    return Segment(str(src), str(tgt), str(key), str(kinds), str(source), str(target), str(template), str(origin),
                   f"{origin}#{unit}", str(created), int(number))  # type: ignore[call-overload]


class SQLiteStore(Store):
    """A memory in the SQLite file ``path`` (created when missing unless ``create`` is false)."""

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        if not create and not self.path.exists():
            raise InputError("no translation memory here; import into it first (translit tm import)", path=self.path)
        if not create and self.path.is_file() and self.path.stat().st_size == 0:
            # reading it must not write a memory's tables into a file that is someone's
            raise InputError("an empty file, not a translation memory", path=self.path)
        self.new = not self.path.exists()
        """Whether this store made its file: an import that fails removes it again (:meth:`discard`)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
            if self._uncounted():  # a memory made before the counts were kept
                with self._writing():
                    if self._uncounted():
                        self._count_words(word_deltas(key for (key,) in self.db.execute("SELECT key FROM segments")))
        except (sqlite3.DatabaseError, OSError) as exc:
            raise InputError(f"not a translation memory: {exc}", path=self.path) from None

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction: all of it is committed, or none of it (an error or an interrupt rolls back)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def replace(self, origins: Sequence[str], segments: Iterable[Segment]) -> int:
        stamp = now()
        count = 0
        with self._writing():
            numbers: dict[str, int] = {}
            for origin in origins:
                chosen = "FROM segments WHERE origin = (SELECT id FROM origins WHERE path = ?)"
                self._count_words(word_deltas([], [key for (key,) in self.db.execute(f"SELECT key {chosen}", (origin,))]))
                self.db.execute(f"DELETE {chosen}", (origin,))
                self.db.execute("DELETE FROM origins WHERE path = ?", (origin,))
            for batch in _batches(segments, 10_000):
                rows = []
                for s in batch:
                    if s.origin not in numbers:
                        found = self.db.execute("SELECT id FROM origins WHERE path = ?", (s.origin,)).fetchone()
                        numbers[s.origin] = found[0] if found else self.db.execute(
                            "INSERT INTO origins (path, imported) VALUES (?, ?)", (s.origin, s.created or stamp)).lastrowid
                    unit = s.unit[len(s.origin) + 1:] if s.unit.startswith(s.origin + "#") else s.unit
                    rows.append((s.src, s.tgt, key_hash(s.key), s.key, s.kinds, s.source, s.target, s.template, numbers[s.origin], unit))
                self.db.executemany("INSERT INTO segments (src, tgt, hash, key, kinds, source, target, template, origin, unit) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                self._count_words(word_deltas(s.key for s in batch))
                count += len(rows)
        return count

    def _uncounted(self) -> bool:
        return not self.db.execute("SELECT 1 FROM words LIMIT 1").fetchone() and bool(self.db.execute("SELECT 1 FROM segments LIMIT 1").fetchone())

    def _count_words(self, deltas: dict[str, int]) -> None:
        """Change the counts of segments per word (inside the caller's transaction)."""
        self.db.executemany("INSERT INTO words (word, segments) VALUES (?, ?) "
                            "ON CONFLICT (word) DO UPDATE SET segments = segments + excluded.segments", deltas.items())
        if any(delta < 0 for delta in deltas.values()):
            self.db.execute("DELETE FROM words WHERE segments <= 0")

    def exact(self, src: str, tgt: str, key: str) -> list[Segment]:
        rows = self.db.execute(f"{_SELECT} WHERE s.hash = ? AND s.key = ? AND s.src = ? AND s.tgt = ? ORDER BY s.id DESC",
                               (key_hash(key), key, src, tgt))
        return [_segment(row) for row in rows]

    def word_counts(self, words: Sequence[str]) -> dict[str, int]:
        chosen = [TOTAL, *words]
        return dict(self.db.execute(f"SELECT word, segments FROM words WHERE word IN ({','.join('?' * len(chosen))})", chosen))

    def keys_with(self, src: str, tgt: str | None, groups: list[tuple[str, ...]]) -> dict[int, str]:
        match = " OR ".join("(" + " AND ".join('"' + word.replace('"', '""') + '"' for word in group) + ")" for group in groups)
        return dict(self.db.execute(
            "SELECT s.id, s.key FROM segments s WHERE s.id IN (SELECT rowid FROM segment_words WHERE segment_words MATCH ? LIMIT ?)"
            " AND s.src = ?" + (" AND s.tgt = ?" if tgt else ""), (match, CANDIDATE_ROWS, src, *([tgt] if tgt else []))))

    def segments_by_id(self, ids: Sequence[int]) -> list[Segment]:
        return [_segment(row) for row in self.db.execute(f"{_SELECT} WHERE s.id IN ({','.join('?' * len(ids))})", ids)]

    def remove(self, origin: str) -> int:
        prefix = origin.rstrip("/") + "/"
        with self._writing():
            chosen = "SELECT id FROM origins WHERE path = ? OR substr(path, 1, ?) = ?"
            params = (origin, len(prefix), prefix)
            self._count_words(word_deltas([], [key for (key,) in self.db.execute(f"SELECT key FROM segments WHERE origin IN ({chosen})", params)]))
            count = self.db.execute(f"DELETE FROM segments WHERE origin IN ({chosen})", params).rowcount
            self.db.execute(f"DELETE FROM origins WHERE id IN ({chosen})", params)
        return count

    def stats(self) -> Stats:
        stats = Stats(location=self.location)
        for src, tgt, count in self.db.execute("SELECT src, tgt, count(*) FROM segments GROUP BY src, tgt ORDER BY src, tgt"):
            stats.pairs[f"{src}-{tgt}"] = count
            stats.segments += count
        stats.origins, stats.first, stats.last = self.db.execute(
            "SELECT count(*), min(imported), max(imported) FROM origins WHERE id IN (SELECT DISTINCT origin FROM segments)"
        ).fetchone()
        return stats

    def segments(self) -> Iterator[Segment]:
        for row in self.db.execute(f"{_SELECT} ORDER BY s.id"):
            yield _segment(row)

    def close(self) -> None:
        self.db.close()

    def discard(self) -> None:
        """Close and remove the file this store made, with SQLite's journal files."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def _batches(items: Iterable[Segment], size: int) -> Iterator[list[Segment]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
