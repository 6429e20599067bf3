"""A translation memory shared by a newsroom: PostgreSQL through psycopg 3.

``[tm] url = "postgresql://user@host/db"`` in translit.toml. Twenty editors on
twenty machines read and import at once: an import is one transaction that
takes an advisory lock per post it replaces (two imports of the same post
wait for each other; imports of different posts run side by side), readers
see committed imports only. Fuzzy candidates come from a GIN index of the
keys' words (PostgreSQL full-text search, ``simple`` configuration: no stemming), ranked by the
count of segments per word kept in ``tm_words`` as SQLite keeps it; the scoring that decides is the
same as SQLite's (:mod:`translit.tm.matching`), so both give the same matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..errors import TranslitError
from .store import CANDIDATE_ROWS, TOTAL, Segment, Stats, Store, now, word_deltas

__all__ = ["PostgresStore"]

_COLUMNS = "src, tgt, key, kinds, source, target, template, origin, unit, created"
_SCHEMA = [
    f"CREATE TABLE IF NOT EXISTS tm_segments (id bigserial PRIMARY KEY, {_COLUMNS.replace(',', ' text NOT NULL,')} text NOT NULL)",
    "CREATE INDEX IF NOT EXISTS tm_segments_key ON tm_segments (md5(key), src, tgt)",
    "CREATE INDEX IF NOT EXISTS tm_segments_origin ON tm_segments (origin)",
    "CREATE INDEX IF NOT EXISTS tm_segments_words ON tm_segments USING gin (to_tsvector('simple', key))",
    "CREATE TABLE IF NOT EXISTS tm_words (word text PRIMARY KEY, segments bigint NOT NULL)",
]
_SCHEMA_LOCK = 0x7472616E  # any constant: processes creating the schema at once take turns
_WORDS_LOCK = 0x776F7264  # imports update the counts per word one at a time (no deadlock, nothing lost)
_ANALYZE_AFTER = 10_000


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
                if not self.db.execute("SELECT 1 FROM tm_words LIMIT 1").fetchone():  # a memory made before the counts were kept
                    self._count_words(word_deltas(key for (key,) in self.db.execute("SELECT key FROM tm_segments")))
        except psycopg.Error as exc:
            raise TranslitError(f"{self.location}: {str(exc).strip().splitlines()[0]}") from None

    def replace(self, origins: Sequence[str], segments: Iterable[Segment]) -> int:
        stamp = now()
        with self.db.transaction():
            for origin in sorted(set(origins)):  # in one order everywhere, so two imports never deadlock
                self.db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (origin,))
            removed = [key for (key,) in self.db.execute("DELETE FROM tm_segments WHERE origin = ANY(%s) RETURNING key", (list(origins),))]
            added: list[str] = []
            with self.db.cursor() as cursor, cursor.copy(f"COPY tm_segments ({_COLUMNS}) FROM STDIN") as copy:
                for s in segments:
                    copy.write_row((s.src, s.tgt, s.key, s.kinds, s.source, s.target, s.template, s.origin, s.unit, s.created or stamp))
                    added.append(s.key)
            self._count_words(word_deltas(added, removed))
        if len(added) >= _ANALYZE_AFTER:
            # Until its statistics are read again, the planner may take a word search for a scan of every
            # segment (reading to_tsvector of each: tens of seconds at a million), as a LIMIT seems near.
            self.db.execute("ANALYZE tm_segments")
        return len(added)

    def _count_words(self, deltas: dict[str, int]) -> None:
        """Change the counts of segments per word (inside the caller's transaction)."""
        if not deltas:
            return
        self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_WORDS_LOCK,))
        self.db.execute("INSERT INTO tm_words (word, segments) SELECT * FROM unnest(%s::text[], %s::bigint[]) "
                        "ON CONFLICT (word) DO UPDATE SET segments = tm_words.segments + excluded.segments",
                        (list(deltas), list(deltas.values())))
        if any(delta < 0 for delta in deltas.values()):
            self.db.execute("DELETE FROM tm_words WHERE segments <= 0")

    def exact(self, src: str, tgt: str, key: str) -> list[Segment]:
        rows = self.db.execute(
            f"SELECT {_COLUMNS}, id FROM tm_segments WHERE md5(key) = md5(%s) AND key = %s AND src = %s AND tgt = %s ORDER BY id DESC",
            (key, key, src, tgt),
        )
        return [Segment(*row) for row in rows]

    def word_counts(self, words: Sequence[str]) -> dict[str, int]:
        return dict(self.db.execute("SELECT word, segments FROM tm_words WHERE word = ANY(%s)", ([TOTAL, *words],)).fetchall())  # type: ignore[arg-type]

    def keys_with(self, src: str, tgt: str | None, groups: list[tuple[str, ...]]) -> dict[int, str]:
        # One index condition per group, so that PostgreSQL ORs their bitmaps: each group alone is an AND,
        # which the GIN index answers by skipping through the longer lists; one query of them all, it cannot.
        any_group = " OR ".join(["to_tsvector('simple', key) @@ to_tsquery('simple', %s)"] * len(groups))
        sql = f"SELECT id, key FROM tm_segments WHERE ({any_group}) AND src = %s" + (" AND tgt = %s" if tgt else "") + " LIMIT %s"
        queries = [" & ".join(f"'{word}'" for word in group) for group in groups]
        return dict(self.db.execute(sql, (*queries, src, *([tgt] if tgt else []), CANDIDATE_ROWS)).fetchall())  # type: ignore[arg-type]

    def segments_by_id(self, ids: Sequence[int]) -> list[Segment]:
        return [Segment(*row) for row in self.db.execute(f"SELECT {_COLUMNS}, id FROM tm_segments WHERE id = ANY(%s)", (list(ids),))]

    def remove(self, origin: str) -> int:
        prefix = origin.rstrip("/") + "/"
        with self.db.transaction():
            removed = [key for (key,) in self.db.execute(
                "DELETE FROM tm_segments WHERE origin = %s OR left(origin, %s) = %s RETURNING key", (origin, len(prefix), prefix))]
            self._count_words(word_deltas([], removed))
        return len(removed)

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
