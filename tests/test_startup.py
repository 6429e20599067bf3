"""The start-up cache (translit/cache.py): the same findings with it cold, warm or off; a corrupt,
stale or foreign entry is derived again, never trusted; two processes filling it at once are safe.

Speed is measured by bench/bench_startup.py, never asserted here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from gate_corpus import faults, posts
from translit import cache
from translit.names.glossary import Glossary, _load_cached

ROOT = Path(__file__).resolve().parent.parent


def _forget() -> None:
    """Drop what this process keeps in memory, so the next use reads the cache (or derives again)."""
    from translit.language.detection import default_detector
    from translit.recovery.index_cache import corpus_slips
    from translit.recovery.lexicon import load_lexicon

    _load_cached.cache_clear()
    load_lexicon.cache_clear()
    corpus_slips.cache_clear()
    default_detector.cache_clear()


def _resealed(entry: bytes, payload: bytes) -> bytes:
    """``entry`` (or its header line) over ``payload``, with the size and checksum that fit it: damage
    only a reader's own checks can find."""
    meta = json.loads(entry.partition(b"\n")[0])
    meta.update(size=len(payload), crc32=zlib.crc32(payload))
    return json.dumps(meta).encode() + b"\n" + payload


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
    assert {p.name.split("-")[0] for p in cache_folder.glob("*.bin")} >= {"glossary", "lexicon", "additions", "english", "slips"}
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
    return (one.files, one._trie, one._canonical, one._former, one.conflicts) == (
        other.files, other._trie, other._canonical, other._former, other.conflicts
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
        entry.write_bytes(_resealed(json.dumps(meta).encode(), json.dumps(state).encode()))
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


def test_the_glossary_key_reads_the_code_that_inflects_its_forms() -> None:
    """A compiled glossary is keyed by the modules that derive its forms: one the key names but
    cannot find (the inflection modules once moved out of names/) leaves old forms in the cache
    when the rules change."""
    from translit.names import glossary_cache

    package = Path(glossary_cache.__file__).parent.parent
    derived_by = [package / name for name in glossary_cache.DERIVED_BY]
    assert all(path.is_file() for path in derived_by), [str(p) for p in derived_by if not p.is_file()]
    assert {path.name for path in derived_by} >= {"morph_kk.py", "morph_ru.py", "glossary_files.py"}


_CHECK = """
import os, socket, sys, time

def refuse(*args, **kwargs):
    raise OSError("translit reached for the network")

socket.socket.connect = socket.getaddrinfo = socket.create_connection = refuse
go = sys.argv[1]
while go and not os.path.exists(go):  # every builder waits, then all start at once
    time.sleep(0.01)
from translit.cli import main
sys.exit(main(["check", "--output-format", "json", *sys.argv[2:]]))
"""
MARATHON = sorted(str(path) for path in (ROOT / "tests" / "data" / "gate" / "posts").glob("literary-marathon.*"))
"""A post with a Kazakh title typed in Latin letters: it needs every kind of entry, the lexicon's too."""


def _check_processes(count: int, env: dict[str, str], go: Path | None = None) -> list[tuple[int, str]]:
    """``translit check --output-format json`` of :data:`MARATHON` in ``count`` processes at once, the network
    refused in each; their exit status and output."""
    runs = [subprocess.Popen([sys.executable, "-c", _CHECK, str(go or ""), *MARATHON], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(count)]
    if go is not None:
        go.touch()
    done = [(run, *run.communicate(timeout=600)) for run in runs]
    assert all(not error.strip() for _, _, error in done), [error for _, _, error in done]
    return [(run.returncode, out) for run, out, _ in done]


def test_two_processes_filling_the_cache_at_once(cache_folder: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    racing = _check_processes(2, env, go=tmp_path / "go")
    entries = sorted(path.name for path in cache_folder.iterdir())
    # one whole entry of each kind, no temporary file left
    assert sorted(name.split("-")[0] for name in entries) == ["additions", "english", "glossary", "langid", "lexicon", "months", "slips"]
    headers = [json.loads((cache_folder / name).read_bytes().partition(b"\n")[0]) for name in entries]
    assert all(cache.read(header["kind"], header["key"]) is not None for header in headers)
    (warm,) = _check_processes(1, env)
    (off,) = _check_processes(1, {**env, cache.NO_CACHE_ENV: "1"})
    assert racing[0] == racing[1] == warm == off
    assert racing[0][0] == 0 and json.loads(racing[0][1])["summary"]["files"] == 3
    assert sorted(path.name for path in cache_folder.iterdir()) == entries  # the warm run read them, wrote nothing


# ---- the CLI's fast path (translit/commands/fast.py)

COMMAND_LINES = [
    ("romanize", []),
    ("romanize", ["post.txt"]),
    ("romanize", ["-", "-s", "kk-latin-2021", "--option", "ascii", "--option", "caps"]),
    ("romanize", ["--scheme=ru-bgn-pcgn", "-r", "--rules", "my.toml", "-o", "out.txt", "--force", "--json"]),
    ("romanize", ["--encoding", "cp1251", "in.txt", "--output=out.txt"]),
    ("detect", []),
    ("detect", ["post.md", "--json", "--level", "1", "--encoding", "kz-1048"]),
    ("detect", ["--level=0", "-"]),
    ("check", []),
    ("check", ["a.en.md", "a.kk.md", "a.ru.md"]),
    ("check", ["site/", "-f", "sarif", "--fail-on", "warning", "-j", "2", "--disable", "typography", "--disable", "lang"]),
    ("check", ["--stdin-json", "--json", "--fix", "-o", "fixed", "--force", "--color", "never", "--enable", "typography.quotes"]),
    ("check", ["--baseline", "b.json", "--write-baseline=b2.json", "--config", "t.toml", "--siblings", "--list-checks", "x.en.txt"]),
    ("check", ["--format", "json", "--output-format=concise", "--encoding", "cp1251", "--jobs", "0", "p.en.md"]),
    ("check", ["--tm", "memory.sqlite", "p.en.md", "p.ru.md"]),
]
DECLINED = [
    ("romanize", ["--help"]),
    ("romanize", ["-sru-news"]),  # a short option with its value attached
    ("romanize", ["a.txt", "b.txt"]),
    ("romanize", ["--scheme"]),  # no value
    ("romanize", ["--json=yes"]),
    ("romanize", ["--", "-x"]),
    ("romanize", ["-s", "kk-news", "-s", "ru-news"]),
    ("detect", ["--level", "3"]),
    ("detect", ["--level", "one"]),
    ("check", ["--jobs", "-1", "x.en.md"]),
    ("check", ["--bogus", "x.en.md"]),
    ("check", ["--json", "--json"]),
]


def _typer_reading(name: str, args: list[str]) -> dict:
    import typer.main

    from translit.cli import build_app

    command = typer.main.get_command(build_app()).commands[name]
    return command.make_context(name, list(args)).params


@pytest.mark.parametrize("name,args", COMMAND_LINES, ids=[" ".join([n, *a]) for n, a in COMMAND_LINES])
def test_the_fast_path_reads_a_command_line_as_typer_does(name: str, args: list[str]) -> None:
    from translit.commands.fast import command, parse

    assert parse(command(name), args) == _typer_reading(name, args)


@pytest.mark.parametrize("name,args", DECLINED, ids=[" ".join([n, *a]) for n, a in DECLINED])
def test_the_fast_path_leaves_anything_else_to_typer(name: str, args: list[str]) -> None:
    from translit.commands.fast import command, parse

    assert parse(command(name), args) is None


@pytest.mark.parametrize("name", ["romanize", "detect", "check"])
def test_the_fast_path_and_typer_read_one_table(name: str) -> None:
    import typer.main

    from translit.cli import build_app
    from translit.commands.fast import command

    typer_command = typer.main.get_command(build_app()).commands[name]
    declared = {opt: param.name for param in typer_command.params for opt in [*param.opts, *param.secondary_opts]
                if opt.startswith("-")}
    fast = command(name)
    assert {opt: param.name for opt, param in fast.options.items()} == declared
    assert fast.argument.name == next(p.name for p in typer_command.params if not p.opts[0].startswith("-"))
    assert [p.name for p in typer_command.params] == [p.name for p in fast.params]  # --help lists them in table order


def test_romanize_and_check_load_only_what_they_need(tmp_path: Path) -> None:
    post = tmp_path / "note.en.txt"
    post.write_text("The library opened on 3 March.\n", encoding="utf-8")
    script = (
        "import sys\nfrom translit.cli import main\n"
        f"codes = [main(['romanize', {str(ROOT / 'examples' / 'nlrk-2023-02-28.en.txt')!r}]), main(['check', {str(post)!r}])]\n"
        "print(codes, *(name in sys.modules for name in ('typer', 'pydantic', 'pymorphy3', 'translit.checks.memory_import')), file=sys.stderr)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path), **{cache.CACHE_DIR_ENV: str(tmp_path / "cache")})
    seen = []
    for _ in range(2):  # a cold cache, then a warm one: pymorphy3 inflects the glossary's names only once
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
        seen.append(done.stderr.strip().splitlines()[-1])
    # nor, with no translation memory, the memory's importer
    assert seen == ["[0, 0] False False True False", "[0, 0] False False False False"]


# ---- the lexicon's cache entry (translit/recovery/lexicon_cache.py)


def test_the_cached_lexicon_is_the_bundled_file(cache_folder: Path) -> None:
    from translit.recovery.lexicon import LEXICON_FILE, lexicon_dir, load_lexicon, read_lexicon
    from translit.recovery.lexicon_cache import Records

    keys, records, attested = read_lexicon(lexicon_dir() / LEXICON_FILE)
    off = _uncached_lexicon()  # the skeletons as a tuple, searched by bisection
    assert off.keys == keys and off.records == records
    probes = [*keys[::997], *keys[63:66], keys[-1], *(key + "a" for key in keys[::4999]), "", "zzzqqq", "қ", "a\nb"]
    expected = [(off.record(key), key in off) for key in probes]
    assert sum(found for _, found in expected) > len(keys) // 997
    for state in ("cold", "warm"):  # the first use fills the cache from the file and reads it back
        lexicon = load_lexicon()
        assert isinstance(lexicon.records, Records), state
        assert len(lexicon.records) == len(records) and all(lexicon.records[i] == records[i] for i in range(len(records)))
        with pytest.raises(IndexError):
            lexicon.records[len(records)]
        # looked up through the index of skeletons, before they are split (only a typo search splits them)
        assert [(lexicon.record(key), key in lexicon) for key in probes] == expected
        assert "keys" not in vars(lexicon)
        assert lexicon.keys == keys and lexicon.attested == attested and lexicon.extra == off.extra
        _forget()


def _uncached_lexicon():
    from translit.recovery.lexicon import load_lexicon

    os.environ[cache.NO_CACHE_ENV] = "1"
    try:
        _forget()
        return load_lexicon()
    finally:
        del os.environ[cache.NO_CACHE_ENV]
        _forget()


@pytest.mark.parametrize("damage", ["flip-a-byte", "truncate", "sizes"])
def test_a_damaged_lexicon_entry_is_read_from_the_file_again(cache_folder: Path, damage: str) -> None:
    from translit.recovery.lexicon import load_lexicon

    first = load_lexicon()
    probes = [first.keys[i] for i in range(0, len(first.keys), 7919)]
    records = [first.record(key) for key in probes]
    (entry,) = cache_folder.glob("lexicon-*.bin")
    good = entry.read_bytes()
    data = bytearray(good)
    header_end = data.index(b"\n") + 1
    if damage == "flip-a-byte":
        data[len(data) // 3] ^= 0x01
    elif damage == "truncate":
        del data[len(data) // 2 :]
    else:  # sizes that do not add up, under a valid checksum
        payload = data[header_end:]
        payload[0:8] = (len(payload) * 2).to_bytes(8, "little")
        data = bytearray(_resealed(good, bytes(payload)))
    entry.write_bytes(bytes(data))
    _forget()
    again = load_lexicon()
    assert [again.record(key) for key in probes] == records
    assert entry.read_bytes() == good  # derived from the file again and stored whole


# ---- the English word list and the corpus-slip index (translit/recovery/index_cache.py)

_KINDS_OF = """
import sys
from translit.cli import main
from translit.recovery.lexicon import load_lexicon
from translit.recovery.index_cache import corpus_slips
code = main(["check", "--output-format", "json", *sys.argv[1:]])
lexicon = load_lexicon()
print(code, type(lexicon.english).__name__, type(corpus_slips(lexicon)).__name__, file=sys.stderr)
"""


def test_the_second_process_looks_the_english_words_and_the_slips_up_in_the_cache(cache_folder: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs = [subprocess.run([sys.executable, "-c", _KINDS_OF, *MARATHON], env=env, capture_output=True, text=True,
                           timeout=300) for _ in range(2)]
    # the first builds the dicts and stores them; the second reads the entries, and finds the same
    assert [run.stderr.strip().splitlines()[-1] for run in runs] == ["0 dict dict", "0 EnglishWords CorpusSlips"]
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[0].stdout)["summary"]["files"] == 3


def _english_file(path: Path, words: dict[str, int]) -> Path:
    import gzip

    path.write_bytes(gzip.compress(b"# word<TAB>zipf\n" + "".join(f"{w}\t{z}\n" for w, z in words.items()).encode()))
    return path


def test_the_cached_english_words_are_the_file_s_and_follow_its_edits(cache_folder: Path, tmp_path: Path) -> None:
    from translit.recovery import index_cache
    from translit.recovery.index_cache import EnglishWords, cached_english
    from translit.recovery.lexicon import ENGLISH_FILE, lexicon_dir, read_english

    bundled = read_english(lexicon_dir() / ENGLISH_FILE)
    assert cached_english(lexicon_dir() / ENGLISH_FILE) == bundled  # the first use stores it
    read = cached_english(lexicon_dir() / ENGLISH_FILE)
    assert isinstance(read, EnglishWords)
    probes = [*sorted(bundled)[::97], "", "zzzzqx", "the", "The", "a\nb", "қала", "don't"]
    assert [read.get(word, 0) for word in probes] == [bundled.get(word, 0) for word in probes]
    assert sum(1 for word in probes if read.get(word, 0)) > len(bundled) // 97
    read.table.lookups = index_cache.WHOLE_AFTER  # a long text: the list is read whole into a dict
    assert [read.get(word, 0) for word in probes] == [bundled.get(word, 0) for word in probes]
    assert {word: int(zipf) for word, zipf in read.table.whole.items()} == bundled

    mine = _english_file(tmp_path / "en.txt.gz", {"library": 520, "opened": 410})
    assert cached_english(mine) == {"library": 520, "opened": 410}
    assert cached_english(mine).get("library", 0) == 520
    _english_file(mine, {"library": 530})  # an edited list: another key, so read from the file again
    assert cached_english(mine) == {"library": 530}
    again = cached_english(mine)
    assert isinstance(again, EnglishWords) and (again.get("library", 0), again.get("opened", 0)) == (530, 0)
    assert len(list(cache_folder.glob("english-*.bin"))) == 3


def test_the_cached_corpus_slips_are_the_built_index_and_follow_the_lexicon(cache_folder: Path) -> None:
    from translit.recovery.edits import _corpus_index, _corpus_near
    from translit.recovery import index_cache
    from translit.recovery.index_cache import CorpusSlips, corpus_slips
    from translit.recovery.lexicon import Lexicon, load_lexicon

    lexicon = load_lexicon()
    built = _corpus_index(lexicon)
    assert corpus_slips(lexicon) is built  # the first use builds it (and stores it)
    corpus_slips.cache_clear()
    read = corpus_slips(lexicon)
    assert isinstance(read, CorpusSlips)
    probes = [*sorted(built)[::53], "", "a", "zzzqqq", "алма"]
    assert [read.get(key, ()) for key in probes] == [built.get(key, ()) for key in probes]
    assert all(read.get(key, ()) == found for key, found in list(built.items())[::101])
    read.table.lookups = index_cache.WHOLE_AFTER  # a long text: the index is read whole into a dict
    assert [read.get(key, ()) for key in probes] == [built.get(key, ()) for key in probes]
    assert {key: index_cache._slips(record) for key, record in read.table.whole.items()} == built

    small = Lexicon(keys=(), records=(), attested=("kala", "kitap"), extra={"abai": "абай"})
    other = Lexicon(keys=(), records=(), attested=("kala", "kitap"), extra={"abay": "абай"})
    assert _corpus_near(small, "kitp") == {"kitap": pytest.approx(0.947)}
    corpus_slips.cache_clear()
    assert isinstance(corpus_slips(small), CorpusSlips)  # stored by the call before
    assert _corpus_near(small, "abi") == {"abai": pytest.approx(0.947)}
    assert _corpus_near(other, "abi") == {}  # other skeletons, another entry
    assert _corpus_near(other, "aby") == {"abay": pytest.approx(0.947)}


def test_the_lexicon_s_additions_are_stored_once_and_follow_their_files(cache_folder: Path, tmp_path: Path) -> None:
    from translit.recovery.index_cache import cached_additions
    from translit.recovery.lexicon import NAMES_FILE, load_lexicon

    lexicon = load_lexicon()  # stored by the first use
    _forget()
    again = load_lexicon()
    assert (again.names, again.extra, again.trigrams, again.form_trigrams) == (
        lexicon.names, lexicon.extra, lexicon.trigrams, lexicon.form_trigrams)
    assert list(again.extra) == list(lexicon.extra)  # in their order: the corpus-slip index's key follows it

    def never() -> None:
        raise AssertionError("derived again, though the cache holds it")

    names = tmp_path / NAMES_FILE
    names.write_text("Абай\tAbai\n", encoding="utf-8")
    mine = ({"abai": "Абай"}, {"abai": "абай 20 20"}, {"^^a": 3}, {"^^a": 2})
    assert cached_additions(tmp_path, lambda: mine) == mine
    assert cached_additions(tmp_path, never) == mine
    names.write_text("Абай\tAbay\n", encoding="utf-8")  # an edited names list: derived again
    edited = ({"abay": "Абай"}, {"abai": "абай 20 20"}, {"^^a": 3}, {"^^a": 2})
    assert cached_additions(tmp_path, lambda: edited) == edited
    assert cached_additions(tmp_path, never) == edited


# ---- the language models' tables (translit/language/detection.py)


@pytest.mark.parametrize("damage", [None, "flip-a-byte", "sizes"])
def test_the_cached_language_models_are_the_built_ones(cache_folder: Path, monkeypatch, damage: str | None) -> None:
    from translit.language.detection import default_detector

    texts = (ROOT / "tests" / "data" / "news_sentences.txt").read_text(encoding="utf-8").splitlines()
    texts += ["Otbasylyk oku - tarbiye kozi", "Бахина фото", "Kiev", "Ұлттық кітапхана"]
    built = default_detector()
    tables = {script: dict(built.model(script)._costs) for script in ("Cyrl", "Latn")}
    answers = [built.detect(text) for text in texts]
    entries = sorted(cache_folder.glob("langid-*.bin"))
    assert len(entries) == 2
    if damage:
        for entry in entries:
            data = bytearray(entry.read_bytes())
            header_end = data.index(b"\n") + 1
            if damage == "flip-a-byte":
                data[-7] ^= 0x10
            else:  # a count that does not add up, under a valid checksum
                payload = data[header_end:]
                payload[16:24] = (int.from_bytes(payload[16:24], "little") + 1).to_bytes(8, "little")
                data = bytearray(_resealed(bytes(data), bytes(payload)))
            entry.write_bytes(bytes(data))
    _forget()
    again = default_detector()
    assert {script: dict(again.model(script)._costs) for script in ("Cyrl", "Latn")} == tables
    assert [again.detect(text) for text in texts] == answers


def test_the_cached_month_names_are_cldr_s(cache_folder: Path, monkeypatch) -> None:
    from translit.names.entities import _cldr_tables

    _cldr_tables.cache_clear()
    cold = _cldr_tables()
    (entry,) = cache_folder.glob("months-*.bin")
    _cldr_tables.cache_clear()
    warm = _cldr_tables()
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    _cldr_tables.cache_clear()
    assert cold == warm == _cldr_tables()
    assert cold["kk wide format"][1] == "ақпан" and cold["ru wide stand-alone"][0] == "январь"
    monkeypatch.delenv(cache.NO_CACHE_ENV)
    key = json.loads(entry.read_bytes().partition(b"\n")[0])["key"]
    cache.write_json("months", key, {"kk wide format": ["ақпан"]})  # whole, but not the tables
    _cldr_tables.cache_clear()
    assert _cldr_tables() == cold
    _cldr_tables.cache_clear()
