"""The start-up cache (translit/cache.py): the same findings with it cold, warm or off; a corrupt,
stale or foreign entry is derived again, never trusted; two processes filling it at once are safe.

Speed is measured by bench/bench_startup.py, never asserted here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from gate_corpus import faults, posts
from translit import cache
from translit.glossary import Glossary, _load_cached

ROOT = Path(__file__).resolve().parent.parent


def _forget() -> None:
    """Drop what this process keeps in memory, so the next use reads the cache (or derives again)."""
    from translit.detection import default_detector
    from translit.recovery.lexicon import load_lexicon

    _load_cached.cache_clear()
    load_lexicon.cache_clear()
    default_detector.cache_clear()


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    _forget()
    yield folder
    _forget()


def _gate_findings() -> list[tuple[str, str, int, int, str, str]]:
    """Every finding on the gate corpus's clean posts and on every planted fault."""
    corpus = posts()
    runs = [(name, post.texts) for name, post in corpus.items()]
    runs += [(f"{fault.post}+{fault.id}", corpus[fault.post].planted(fault)) for fault in faults()]
    out = []
    for name, texts in runs:
        post = corpus[name.split("+")[0]]
        out += [(name, f.version, f.line, f.column, f.id, f.message) for f in post.check(texts)]
    return out


def test_findings_are_the_same_with_the_cache_cold_warm_and_off(cache_folder: Path, monkeypatch) -> None:
    cold = _gate_findings()
    assert sorted(p.name.split("-")[0] for p in cache_folder.glob("*.bin")) >= ["glossary"]
    _forget()
    warm = _gate_findings()
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    _forget()
    off = _gate_findings()
    assert len(cold) > 50  # the planted faults are found
    assert cold == warm == off


def test_a_disabled_cache_reads_and_writes_nothing(cache_folder: Path, monkeypatch) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    assert cache.cache_dir() is None
    Glossary.load()
    assert not cache_folder.exists()


def test_the_default_folder_follows_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.CACHE_DIR_ENV, raising=False)
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert cache.cache_dir() == tmp_path / "translit"
    monkeypatch.setenv(cache.NO_CACHE_ENV, "0")
    assert cache.cache_dir() is not None


def _glossary_entry(folder: Path) -> Path:
    (entry,) = folder.glob("glossary-*.bin")
    return entry


def _same(one: Glossary, other: Glossary) -> bool:
    return (one._trie, one._canonical, one._former, [str(c) for c in one.conflicts]) == (
        other._trie, other._canonical, other._former, [str(c) for c in other.conflicts]
    )


def test_a_warm_glossary_is_the_compiled_one(cache_folder: Path) -> None:
    built = Glossary.load()
    _forget()
    read = Glossary.load()
    assert read is not built and _same(read, built)
    assert read.canonical("lib.nlrk", "ru", "gen") == built.canonical("lib.nlrk", "ru", "gen") != built.canonical("lib.nlrk", "ru")


@pytest.mark.parametrize(
    "damage",
    ["truncate", "flip-a-byte", "garbage", "foreign-key", "wrong-shape", "wrong-type", "empty"],
)
def test_a_damaged_entry_is_derived_again_never_trusted(cache_folder: Path, damage: str) -> None:
    built = Glossary.load()
    entry = _glossary_entry(cache_folder)
    data = entry.read_bytes()
    header, _, payload = data.partition(b"\n")
    meta = json.loads(header)
    key = meta["key"]
    if damage == "truncate":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "flip-a-byte":
        middle = len(data) // 2
        entry.write_bytes(data[:middle] + bytes([data[middle] ^ 0x20]) + data[middle + 1 :])
    elif damage == "garbage":
        entry.write_bytes(os.urandom(4096))
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        state = json.loads(payload)
        if damage == "foreign-key":
            meta["key"] = "0" * 64  # another glossary's entry under this name
        elif damage == "wrong-shape":
            state["forms"][0] = state["forms"][0][:5]
        else:  # a valid header over a payload whose values have the wrong types, e.g. a hand-edited file
            state["forms"][0][5] = {"form": 1}
        body = json.dumps(state).encode()
        meta.update(size=len(body), crc32=__import__("zlib").crc32(body))
        entry.write_bytes(json.dumps(meta).encode() + b"\n" + body)
    _forget()
    again = Glossary.load()
    assert _same(again, built)
    # and the entry is whole again, so the next start is fast
    _forget()
    assert cache.read_json("glossary", key) is not None


def test_a_changed_glossary_gets_its_own_entry(cache_folder: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('[[entity]]\nid = "reading-club"\ntype = "organisation"\nru = "Клуб чтения"\nen = "Reading Club"\n',
                    encoding="utf-8")
    first = Glossary.load([mine])
    assert first.canonical("reading-club", "ru", "gen") == "Клуба чтения"
    mine.write_text(mine.read_text(encoding="utf-8").replace("Клуб чтения", "Кружок чтения"), encoding="utf-8")
    _forget()
    second = Glossary.load([mine])
    assert second.canonical("reading-club", "ru", "gen") == "Кружка чтения"
    assert len(list(cache_folder.glob("glossary-*.bin"))) == 2


_BUILD = """
import sys
from translit.glossary import Glossary
glossary = Glossary.load()
print(glossary.canonical("lib.nlrk", "ru", "gen"))
"""


def test_two_processes_filling_the_cache_at_once(cache_folder: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs = [subprocess.Popen([sys.executable, "-c", _BUILD], env=env, stdout=subprocess.PIPE, text=True)
            for _ in range(3)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert len(set(outputs)) == 1 and outputs[0].strip()
    entry = _glossary_entry(cache_folder)  # one whole entry, no temporary file left
    assert [p.name for p in cache_folder.iterdir()] == [entry.name]
    built = Glossary.load()
    _forget()
    assert _same(Glossary.load(), built)


def test_clear_removes_every_entry(cache_folder: Path) -> None:
    Glossary.load()
    assert cache.clear() >= 1
    assert not list(cache_folder.glob("*.bin"))
