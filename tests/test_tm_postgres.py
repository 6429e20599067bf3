"""The translation memory on a real PostgreSQL server, started by these tests in a temporary folder.

The server is Debian's ``postgresql`` package (``.ci/run`` installs it); initdb and pg_ctl run as the
``postgres`` user when the tests run as root (PostgreSQL refuses root), listening only on a unix
socket in the temporary folder. Without the binaries or psycopg the tests skip, saying why.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from translit.config import Config, parse_config
from translit.errors import TranslitError
from translit.tm import open_memory
from translit.checks.memory_import import import_paths
from translit.tm.store import Segment, word_deltas
from translit.translation.versions import make_versions

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'translit[tm-postgres]')")

DATA = Path(__file__).resolve().parent / "data"
POSTS = [DATA / "tm", *(DATA / "gate" / "posts" / f"{name}.{lang}.md" for name in ("zhambyl-youth-library", "kbtu-robotics") for lang in ("en", "kk", "ru"))]
BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


class Server:
    """A PostgreSQL cluster in a temporary folder, reachable at a unix socket there."""

    def __init__(self) -> None:
        self.bin = Path(BIN[-1]).parent
        self.root = Path(tempfile.mkdtemp(prefix="translit-pg-"))
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.data = self.root / "data"
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8")
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60", "start",
                 "-o", f"-k {self.root} -c listen_addresses='' -p 5432 -c fsync=off")
        self.databases = 0

    def run(self, tool: str, *args: str) -> None:
        result = subprocess.run([*self.prefix, str(self.bin / tool), *args], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{tool} failed: {result.stderr or result.stdout}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.root}&port=5432"

    def new_database(self) -> str:
        self.databases += 1
        name = f"tm{self.databases}"
        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        try:
            self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    if not BIN:
        pytest.skip("PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: PostgreSQL cannot be started as root")
    started = Server()
    yield started
    started.stop()


@pytest.fixture(autouse=True)
def no_user_memory(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))


def rows(memory) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return sorted((s.src, s.tgt, s.key, s.kinds, s.source, s.target, s.template, s.origin, s.unit) for s in memory.store.segments())


class NoEngine:
    def route(self, src: str, tgt: str) -> object:
        raise TranslitError("no engine")


def test_postgres_gives_the_same_results_as_sqlite(server: Server, tmp_path: Path) -> None:
    config = parse_config({"tm": {"url": server.new_database()}}, tmp_path / "translit.toml")
    with open_memory(config) as shared, open_memory(path=tmp_path / "m.sqlite") as local:
        assert type(shared.store).__name__ == "PostgresStore"
        for memory in (shared, local):
            import_paths(memory.store, POSTS, Config())
        assert rows(shared) == rows(local) and len(rows(local)) > 50
        assert shared.store.stats().pairs == local.store.stats().pairs
        counts = word_deltas(s.key for s in local.store.segments())
        assert shared.store.word_counts(list(counts)) == local.store.word_counts(list(counts)) == counts
        from translit.tm import abstract, make_protector

        protector = make_protector(Config())
        for text in (
            "The episode has been listened to 5,000 times.",
            "The podcast has been listened to 5,000 times.",
            "The exhibition presents 3,400 books and will be open until the end of the year.",
            "Telephone for information: +7 7172 70 18 00.",
        ):
            shielded = protector.shield([text], "en")
            sentence = abstract(shielded.text, shielded.parts)
            for tgt in ("kk", "ru"):
                ours, theirs = shared.lookup(sentence, "en", tgt), local.lookup(sentence, "en", tgt)
                assert (ours is None) == (theirs is None)
                if ours is not None and theirs is not None:
                    assert (ours.score, ours.exact, ours.segment.template) == (theirs.score, theirs.exact, theirs.segment.template)
        draft = (DATA / "tm" / "exhibition.en.md").read_text(encoding="utf-8").replace("1,200", "700")
        one = make_versions(draft, source="en", translator=NoEngine(), memory=shared)
        other = make_versions(draft, source="en", translator=NoEngine(), memory=local)
        assert one.texts == other.texts and one.exit_code == 0
        removed = shared.store.remove(str((DATA / "tm").resolve() / "exhibition"))
        assert removed == 24 and shared.store.stats().origins == 2
        assert shared.store.word_counts(list(counts)) == word_deltas(s.key for s in shared.store.segments())


def _import_many(url: str, origin: str, count: int) -> None:
    with open_memory(url=url) as memory:
        for batch in range(5):
            segments = [Segment("en", "kk", f"{origin} sentence {batch} {n}", "", "s", "t", "t", f"{origin}/{batch}", f"{origin}/{batch}#{n}")
                        for n in range(count)]
            memory.store.replace([f"{origin}/{batch}"], segments)


def _replace_same(url: str, count: int) -> None:
    with open_memory(url=url) as memory:
        for _ in range(5):
            memory.store.replace(["/same"], [Segment("en", "ru", f"same {n}", "", "s", "t", "t", "/same", f"/same#{n}") for n in range(count)])


def test_concurrent_imports_from_two_processes_lose_nothing(server: Server) -> None:
    url = server.new_database()
    open_memory(url=url).close()  # the schema, created once
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_import_many, args=(url, name, 400)) for name in ("/a", "/b")]
    workers += [context.Process(target=_replace_same, args=(url, 300)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    with open_memory(url=url) as memory:
        stats = memory.store.stats()
        assert stats.pairs == {"en-kk": 2 * 5 * 400, "en-ru": 300}  # the same post imported at once is still there once
        assert stats.origins == 11
        counts = word_deltas(s.key for s in memory.store.segments())
        assert memory.store.word_counts(list(counts)) == counts and counts["sentence"] == 4000  # no count lost either


def test_a_server_that_is_not_there_is_a_clear_error(server: Server) -> None:
    with pytest.raises(TranslitError, match="tm_nowhere"):
        open_memory(url=server.url("tm_nowhere"))


def test_a_password_is_never_shown() -> None:
    from translit.tm.postgres import _without_password

    assert _without_password("postgresql://editor:s3cret@db.example/tm") == "postgresql://editor:***@db.example/tm"
