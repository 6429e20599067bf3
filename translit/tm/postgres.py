"""A translation memory shared by a newsroom: PostgreSQL through psycopg 3.

``[tm] url = "postgresql://user@host/db"`` in translit.toml. Twenty editors on
twenty machines read and import at once: an import is one transaction that
takes an advisory lock per post it replaces (two imports of the same post
wait for each other; imports of different posts run side by side), readers
see committed imports only. Fuzzy candidates come from a GIN index of the
keys' words (PostgreSQL full-text search, ``simple`` configuration: no stemming); the scoring that
decides is the same as SQLite's (:mod:`translit.tm.matching`), so both give the same matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import TranslitError
from .store import CANDIDATE_ROWS, Segment, Stats, Store, best_ids, gather, now, query_words

__all__ = ["PostgresStore"]

_COLUMNS = "src, tgt, key, kinds, source, target, template, origin, unit, created"
_SCHEMA = [
    f"CREATE TABLE IF NOT EXISTS tm_segments (id bigserial PRIMARY KEY, {_COLUMNS.replace(',', ' text NOT NULL,')} text NOT NULL)",
    "CREATE INDEX IF NOT EXISTS tm_segments_key ON tm_segments (md5(key), src, tgt)",
    "CREATE INDEX IF NOT EXISTS tm_segments_origin ON tm_segments (origin)",
    "CREATE INDEX IF NOT EXISTS tm_segments_words ON tm_segments USING gin (to_tsvector('simple', key))",
]
_SCHEMA_LOCK = 0x7472616E  # any constant: processes creating the schema at once take turns


class PostgresStore(Store):
    """A memory in the PostgreSQL database ``url`` (tables created on first use)."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise TranslitError("a PostgreSQL memory needs psycopg: pip install 'translit[tm-postgres]'") from None
        self.location = _without_password(url)
        try:
            self.db = psycopg.connect(url, autocommit=True)
            with self.db.transaction():
                self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                for statement in _SCHEMA:
                    self.db.execute(statement)  # type: ignore[arg-type]
        except psycopg.Error as exc:
            raise TranslitError(f"{self.location}: {str(exc).strip().splitlines()[0]}") from None

    def replace(self, origins: Sequence[str], segments: Iterable[Segment]) -> int:
        stamp = now()
        count = 0
        with self.db.transaction():
            for origin in sorted(set(origins)):  # in one order everywhere, so two imports never deadlock
                self.db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (origin,))
            self.db.execute("DELETE FROM tm_segments WHERE origin = ANY(%s)", (list(origins),))
            with self.db.cursor() as cursor, cursor.copy(f"COPY tm_segments ({_COLUMNS}) FROM STDIN") as copy:
                for s in segments:
                    copy.write_row((s.src, s.tgt, s.key, s.kinds, s.source, s.target, s.template, s.origin, s.unit, s.created or stamp))
                    count += 1
        return count

    def exact(self, src: str, tgt: str, key: str) -> list[Segment]:
        rows = self.db.execute(
            f"SELECT {_COLUMNS}, id FROM tm_segments WHERE md5(key) = md5(%s) AND key = %s AND src = %s AND tgt = %s ORDER BY id DESC",
            (key, key, src, tgt),
        )
        return [Segment(*row) for row in rows]

    def candidates(self, src: str, tgt: str | None, key: str, limit: int) -> list[Segment]:
        # PostgreSQL keeps no count of segments per word that is cheap to read: longer words stand for rarer.
        rare = query_words(key)
        sql = ("SELECT id, key FROM tm_segments WHERE to_tsvector('simple', key) @@ to_tsquery('simple', %s) AND src = %s"
               + (" AND tgt = %s" if tgt else "") + " LIMIT %s")

        def fetch(groups: list[tuple[str, ...]]) -> dict[int, str]:
            query = " | ".join("(" + " & ".join(f"'{word}'" for word in group) + ")" for group in groups)
            return dict(self.db.execute(sql, (query, src, *([tgt] if tgt else []), CANDIDATE_ROWS)).fetchall())  # type: ignore[arg-type]

        best = best_ids(key, gather(rare, fetch), limit)
        if not best:
            return []
        return [Segment(*row) for row in self.db.execute(f"SELECT {_COLUMNS}, id FROM tm_segments WHERE id = ANY(%s)", (best,))]

    def remove(self, origin: str) -> int:
        prefix = origin.rstrip("/") + "/"
        with self.db.transaction():
            cursor = self.db.execute("DELETE FROM tm_segments WHERE origin = %s OR left(origin, %s) = %s", (origin, len(prefix), prefix))
        return cursor.rowcount

    def stats(self) -> Stats:
        stats = Stats(location=self.location)
        for src, tgt, count in self.db.execute("SELECT src, tgt, count(*) FROM tm_segments GROUP BY src, tgt ORDER BY src, tgt"):
            stats.pairs[f"{src}-{tgt}"] = count
            stats.segments += count
        row = self.db.execute("SELECT count(DISTINCT origin), min(created), max(created) FROM tm_segments").fetchone()
        assert row is not None
        stats.origins, stats.first, stats.last = row
        return stats

    def segments(self) -> Iterator[Segment]:
        for row in self.db.execute(f"SELECT {_COLUMNS}, id FROM tm_segments ORDER BY id"):
            yield Segment(*row)

    def close(self) -> None:
        self.db.close()


def _without_password(url: str) -> str:
    """The URL as shown in reports: never with its password."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))
