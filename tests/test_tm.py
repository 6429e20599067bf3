"""Translation memory: slots, import and alignment, filling a post, TMX, the SQLite store, the CLI."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit.cli import main
from translit.config import Config, parse_config
from translit.errors import EXIT_NO_ROUTE, EXIT_OK, InputError, TranslitError
from translit.tm import abstract, make_protector, open_memory, read_tmx, tmx_text
from translit.checks.memory_import import import_paths
from translit.tm.sqlite import SQLiteStore
from translit.tm.store import TOTAL, Segment, gather, word_deltas
from translit.translation.versions import make_versions

DATA = Path(__file__).resolve().parent / "data"
POST = DATA / "tm"
GATE = DATA / "gate" / "posts"

NEW_POST = """# The National Academic Library of the Republic of Kazakhstan opens a book exhibition

On 12 May 2025 the director of the National Academic Library of the Republic of Kazakhstan opened an exhibition of rare books.

The exhibition presents 3,400 books and will be open until the end of the month. Telephone for information: +7 7172 70 18 00.
"""


class NoEngine:
    """No machine-translation route for any pair: what `translit post` has without a model."""

    def route(self, src: str, tgt: str) -> object:
        raise TranslitError(f"no engine for {src}→{tgt}")


@pytest.fixture(autouse=True)
def no_user_memory(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's own default memory never takes part in a test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))


@pytest.fixture(scope="module")
def protector():  # type: ignore[no-untyped-def]
    return make_protector(Config())


@pytest.fixture()
def memory(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_memory(path=tmp_path / "memory.sqlite") as opened:
        import_paths(opened.store, [POST / "exhibition.en.md", POST / "exhibition.kk.md", POST / "exhibition.ru.md"], Config())
        yield opened


def key(text: str, lang: str, protector) -> str:  # type: ignore[no-untyped-def]
    shielded = protector.shield([text], lang)
    return abstract(shielded.text, shielded.parts).key


# ------------------------------------------------------------------ slots


def test_names_dates_and_numbers_become_typed_slots(protector) -> None:  # type: ignore[no-untyped-def]
    first = key("On 3 March 2024 the director of the National Library of the Republic of Kazakhstan opened 12 halls.", "en", protector)
    second = key("On 12 May 2025 the director of the National Academic Library of the Republic of Kazakhstan opened 7 halls.", "en", protector)
    assert first == second == "⟦date⟧ the director of the ⟦institution⟧ opened ⟦number⟧ halls."
    assert key("Телефон для справок: +7 727 267 28 83.", "ru", protector) == "Телефон для справок: ⟦phone⟧."
    assert key("Details: https://nlrk.kz/news.", "en", protector) == "Details: ⟦url⟧."


@settings(max_examples=30, deadline=None)
@given(number=st.integers(min_value=2, max_value=99_999), day=st.integers(min_value=1, max_value=28))
def test_a_key_does_not_depend_on_the_numbers_and_dates_in_it(protector, number: int, day: int) -> None:  # type: ignore[no-untyped-def]
    sentence = f"On {day} May 2024 the library received {number:,} new books."
    assert key(sentence, "en", protector) == "⟦date⟧ the library received ⟦number⟧ new books."


# ------------------------------------------------------------------ import


def test_import_aligns_every_sentence_and_stores_each_direction(memory) -> None:  # type: ignore[no-untyped-def]
    stats = memory.store.stats()
    assert stats.pairs == {pair: 4 for pair in ("en-kk", "en-ru", "kk-en", "kk-ru", "ru-en", "ru-kk")}
    [segment] = [s for s in memory.store.segments() if s.src == "en" and s.tgt == "kk" and "rare books" in s.source]
    assert segment.key == "⟦date⟧ the director of the ⟦institution⟧ opened an exhibition of rare books."
    # The Kazakh case endings stay after the slots, so a new name is written in the same case.
    assert segment.template == "⟦1⟧да ⟦2⟧ның директоры сирек кітаптар көрмесін ашты."


def test_importing_a_post_again_replaces_its_segments(memory) -> None:  # type: ignore[no-untyped-def]
    before = [(s.src, s.tgt, s.key, s.template) for s in memory.store.segments()]
    import_paths(memory.store, [POST], Config())
    after = [(s.src, s.tgt, s.key, s.template) for s in memory.store.segments()]
    assert sorted(after) == sorted(before)


def test_remove_drops_a_post_by_any_of_its_files(memory, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    code = main(["tm", "remove", "--source", str(POST / "exhibition.kk.md"), "--memory", str(tmp_path / "memory.sqlite")])
    assert code == 0 and "24 segments removed" in capsys.readouterr().out
    assert memory.store.stats().segments == 0


def recounted(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The counts of segments per word as the stored keys give them."""
    return word_deltas(s.key for s in store.segments())


def test_the_counts_per_word_follow_imports_replacements_and_removals(memory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counts = recounted(memory.store)
    assert counts[TOTAL] == 24 and counts["exhibition"] == 6 and "⟦date⟧" not in counts and "an" not in counts
    assert memory.store.word_counts(list(counts)) == counts
    import_paths(memory.store, [POST, *(GATE / f"kbtu-robotics.{lang}.md" for lang in ("en", "kk", "ru"))], Config())  # the same post again, and another
    counts = recounted(memory.store)
    assert memory.store.word_counts(list(counts)) == counts and counts[TOTAL] > 24
    with pytest.raises(KeyboardInterrupt):
        memory.store.replace([], (_ for _ in ()).throw(KeyboardInterrupt))  # type: ignore[arg-type]
    assert memory.store.word_counts(list(counts)) == counts
    memory.store.remove(str((POST / "exhibition").resolve()))
    assert memory.store.word_counts(list(counts)) == recounted(memory.store) != counts
    for origin in {s.origin for s in memory.store.segments()}:
        memory.store.remove(origin)
    assert memory.store.word_counts(list(counts)) == {}


def test_a_memory_made_before_the_counts_were_kept_gets_them_when_opened(memory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counts = recounted(memory.store)
    memory.close()
    with sqlite3.connect(tmp_path / "memory.sqlite") as db:
        db.execute("DROP TABLE words")
    with open_memory(path=tmp_path / "memory.sqlite") as reopened:
        assert reopened.store.word_counts(list(counts)) == counts


def test_a_large_memory_searches_by_rare_words_and_leaves_common_ones_out() -> None:
    million = 1_000_000
    counts = {"the": 600_000, "museum": 30_000, "opened": 40_000, "exhibition": 3_000, "manuscripts": 2_500, "tamgas": 40}
    rare = sorted(counts, key=counts.__getitem__)
    asked: list[list[tuple[str, ...]]] = []

    def fetch(groups: list[tuple[str, ...]]) -> dict[int, str]:
        asked.append(groups)
        return {}

    gather(rare, counts, million, fetch)
    # "the" is in 60% of the segments: in no group. Pairs of the four rarest are expected to be few
    # (the words' counts, as if independent); found too few, the rarest alone (the next holds more
    # segments than one search reads: an arbitrary part of them would be no better than none).
    assert asked == [[("tamgas", "manuscripts"), ("tamgas", "exhibition"), ("tamgas", "museum"),
                      ("manuscripts", "exhibition"), ("manuscripts", "museum"), ("exhibition", "museum")], [("tamgas",)]]
    asked.clear()
    common = {"museum": 30_000, "opened": 40_000, "exhibition": 35_000, "director": 45_000, "library": 49_000}
    gather(sorted(common, key=common.__getitem__), common, million, fetch)
    # Every pair of these words is expected in thousands of segments: three words at a time instead.
    assert [len(group) for group in asked[0]] == [3] * 10 and len(asked) == 1


def test_a_sentence_the_versions_do_not_share_is_kept_out(tmp_path: Path, protector) -> None:  # type: ignore[no-untyped-def]
    for lang in ("en", "kk", "ru"):
        shutil.copy(POST / f"exhibition.{lang}.md", tmp_path / f"exhibition.{lang}.md")
    kk = tmp_path / "exhibition.kk.md"
    # The Kazakh version drops the phone sentence and adds one of its own: neither may be paired.
    kk.write_text(kk.read_text(encoding="utf-8").replace(" Анықтама телефоны: +7 727 267 28 83.", " Кіру тегін."), encoding="utf-8")
    with open_memory(path=tmp_path / "m.sqlite") as opened:
        report = import_paths(opened.store, [tmp_path], Config())
        pairs = {(s.source, s.target) for s in opened.store.segments() if s.src == "en" and s.tgt == "kk"}
    assert ("Telephone for information: +7 727 267 28 83.", "Кіру тегін.") not in pairs
    assert not any("Кіру" in target for _, target in pairs)
    assert report.rows >= 3


# ------------------------------------------------------------------ use: make_versions


def test_a_post_the_memory_knows_is_translated_without_any_engine(memory) -> None:  # type: ignore[no-untyped-def]
    versions = make_versions(NEW_POST, source="en", translator=NoEngine(), memory=memory)
    assert versions.exit_code == EXIT_OK
    assert versions.kk == (
        "# Қазақстан Республикасының Ұлттық академиялық кітапханасы кітап көрмесін ашты\n\n"
        "2025 жылғы 12 мамырда Қазақстан Республикасының Ұлттық академиялық кітапханасының директоры сирек кітаптар көрмесін ашты.\n\n"
        "Көрмеде 3\u00a0400 кітап ұсынылған, ол ай соңына дейін ашық болады. Анықтама телефоны: +7 7172 70 18 00.\n"
    )
    assert "12 мая 2025 года директор Национальной академической библиотеки Республики Казахстан открыл" in versions.ru
    assert versions.report["origins"] == {"kk": {"memory-exact": 4}, "ru": {"memory-exact": 4}}
    [first] = versions.report["blocks"][1]["targets"]["kk"]["sentences"]
    assert first["origin"] == "memory-exact" and first["memory"]["origin"].endswith("tm/exhibition")


def test_a_fuzzy_match_is_marked_for_review_with_its_score(memory) -> None:  # type: ignore[no-untyped-def]
    draft = "The exhibition presents 3,400 books and will be open until the end of the year.\n"
    versions = make_versions(draft, source="en", targets=["en", "ru"], translator=NoEngine(), memory=memory)
    assert versions.ru.startswith("[[fuzzy:9")
    assert versions.ru.rstrip().endswith("до конца месяца. [[/fuzzy]]")
    [sentence] = versions.report["blocks"][0]["targets"]["ru"]["sentences"]
    assert sentence["origin"] == "memory-fuzzy" and 90 <= sentence["score"] < 100


def test_nothing_from_the_memory_where_the_slots_do_not_fit(memory) -> None:  # type: ignore[no-untyped-def]
    draft = "The exhibition presents many books and will be open until the end of the month.\n"
    versions = make_versions(draft, source="en", targets=["en", "kk"], translator=NoEngine(), memory=memory)
    assert versions.kk.startswith("[[untranslated:en]]")
    assert versions.exit_code == EXIT_NO_ROUTE


def test_min_score_is_configurable(tmp_path: Path, memory) -> None:  # type: ignore[no-untyped-def]
    config = parse_config({"tm": {"path": str(tmp_path / "memory.sqlite"), "min_score": 99}}, tmp_path / "translit.toml")
    draft = "The exhibition presents 3,400 books and will be open until the end of the year.\n"
    versions = make_versions(draft, source="en", targets=["en", "ru"], translator=NoEngine(), config=config)
    assert versions.ru.startswith("[[untranslated:en]]")
    assert versions.report["memory"] == str(tmp_path / "memory.sqlite")


def test_memory_sentences_and_untranslated_ones_share_a_block(memory) -> None:  # type: ignore[no-untyped-def]
    draft = "The exhibition presents 3,400 books and will be open until the end of the month. Entry is free for students.\n"
    versions = make_versions(draft, source="en", targets=["en", "kk"], translator=NoEngine(), memory=memory)
    assert versions.kk == (
        "Көрмеде 3\u00a0400 кітап ұсынылған, ол ай соңына дейін ашық болады. "
        "[[untranslated:en]] Entry is free for students. [[/untranslated]]\n"
    )
    assert versions.exit_code == EXIT_NO_ROUTE
    assert [s["origin"] for s in versions.report["blocks"][0]["targets"]["kk"]["sentences"]] == ["memory-exact", "untranslated"]


class Echo:
    """An engine that returns the sentence it was given, so what reached it can be seen."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def route(self, src: str, tgt: str) -> str:
        return "echo"

    def translate_batch(self, sentences: list[str], src: str, tgt: str) -> list[str]:
        self.seen.extend(sentences)
        return [f"<{s.strip()}>" for s in sentences]


def test_the_engine_gets_only_what_the_memory_does_not_have(memory) -> None:  # type: ignore[no-untyped-def]
    draft = "Telephone for information: +7 7172 70 18 00. Entry is free for students.\n"
    engine = Echo()
    versions = make_versions(draft, source="en", targets=["en", "ru"], translator=engine, memory=memory)
    assert engine.seen == ["Entry is free for students."]
    assert versions.ru == "Телефон для справок: +7 7172 70 18 00. <Entry is free for students.>\n"
    assert versions.report["origins"]["ru"] == {"memory-exact": 1, "engine": 1}


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(sorted(GATE.glob("*.en.*"))))
def test_a_memory_that_knows_nothing_of_a_post_changes_nothing(tmp_path_factory: pytest.TempPathFactory, path: Path) -> None:
    with open_memory(path=tmp_path_factory.mktemp("empty") / "m.sqlite") as empty:
        text = path.read_text(encoding="utf-8")
        fmt = {".md": "markdown", ".html": "html", ".txt": "text"}[path.suffix]
        with_memory = make_versions(text, source="en", fmt=fmt, translator=NoEngine(), memory=empty)
        without = make_versions(text, source="en", fmt=fmt, translator=NoEngine(), memory=False)
    assert with_memory.texts == without.texts


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(sorted(GATE.glob("*.en.*"))))
def test_a_memory_never_touches_the_drafts_own_language_and_fills_the_same_twice(
    tmp_path_factory: pytest.TempPathFactory, path: Path
) -> None:
    versions = [path.with_name(path.name.replace(".en.", f".{lang}.")) for lang in ("en", "kk", "ru")]
    with open_memory(path=tmp_path_factory.mktemp("own") / "m.sqlite") as memory:
        import_paths(memory.store, versions, Config())
        text = path.read_text(encoding="utf-8")
        fmt = {".md": "markdown", ".html": "html", ".txt": "text"}[path.suffix]
        first = make_versions(text, source="en", fmt=fmt, translator=NoEngine(), memory=memory)
        again = make_versions(text, source="en", fmt=fmt, translator=NoEngine(), memory=memory)
        without = make_versions(text, source="en", fmt=fmt, translator=NoEngine(), memory=False)
    assert first.en == without.en  # the draft's language is normalised, never rewritten from the memory
    assert first.texts == again.texts
    assert sum(first.report["origins"]["kk"].get(k, 0) for k in ("memory-exact", "memory-fuzzy")) > 0


# ------------------------------------------------------------------ TMX


def test_tmx_export_and_import_round_trip(memory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "out.tmx"
    path.write_text(tmx_text(memory.store.segments()), encoding="utf-8")
    units = read_tmx(path)
    assert len(units) == 4
    assert units[3].texts == {
        "en": "Telephone for information: +7 727 267 28 83.",
        "kk": "Анықтама телефоны: +7 727 267 28 83.",
        "ru": "Телефон для справок: +7 727 267 28 83.",
    }
    with open_memory(path=tmp_path / "again.sqlite") as again:
        import_paths(again.store, [path], Config())
        assert sorted((s.src, s.tgt, s.key, s.template) for s in again.store.segments()) == sorted(
            (s.src, s.tgt, s.key, s.template) for s in memory.store.segments()
        )


def test_tmx_inline_codes_are_markup_and_languages_are_read_by_subtag(tmp_path: Path) -> None:
    path = tmp_path / "cat.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en-US" segtype="sentence" o-tmf="x" adminlang="en" '
        'datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>\n'
        '<tu tuid="a"><tuv xml:lang="en-US"><seg>Photo: <bpt i="1">&lt;b&gt;</bpt>press service<ept i="1">&lt;/b&gt;</ept></seg></tuv>'
        '<tuv xml:lang="KK-kz"><seg>Фото: баспасөз қызметі</seg></tuv><tuv xml:lang="de"><seg>Foto</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    [unit] = read_tmx(path)
    assert unit.id == "a" and unit.texts == {"en": "Photo: press service", "kk": "Фото: баспасөз қызметі"}


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ("<tmx><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>", "<tuv> without xml:lang", 1),
        ('<tmx>\n<body>\n<tu><tuv xml:lang="en"><seg>a</seg><seg>b</seg></tuv></tu></body></tmx>', "two <seg>", 3),
        ("<xliff/>", "not a TMX file", 1),
        ('<tmx><body>\n<tu><tuv xml:lang="en"><seg>a</tuv></tu></body></tmx>', "not well-formed", 2),
        ('<tmx><body><tu><tuv xml:lang="en"><seg>a<p>b</p></seg></tuv></tu></body></tmx>', "inside a segment", 1),
    ],
)
def test_a_file_that_is_not_tmx_is_an_error_naming_the_line(tmp_path: Path, content: str, message: str, line: int) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_tmx(path)
    assert message in str(error.value) and str(error.value).startswith(f"{path}:{line}:")


# ------------------------------------------------------------------ the store


def test_an_interrupted_import_leaves_the_memory_as_it_was(memory) -> None:  # type: ignore[no-untyped-def]
    before = memory.store.stats().segments
    template = next(memory.store.segments())

    def broken():  # type: ignore[no-untyped-def]
        yield template
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        memory.store.replace([template.origin], broken())
    assert memory.store.stats().segments == before


def _slow_import(path: str, started: object, count: int) -> None:
    store = SQLiteStore(path)

    def segments():  # type: ignore[no-untyped-def]
        for number in range(count):
            if number == 10:
                started.set()  # type: ignore[attr-defined]
                time.sleep(1.0)
            yield Segment("en", "kk", f"sentence {number}", "", "s", "t", "t", "/slow", f"/slow#{number}")

    store.replace(["/slow"], segments())
    store.close()


def test_a_memory_is_read_while_another_process_imports(memory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = memory.store.stats().segments
    context = multiprocessing.get_context("spawn")
    started = context.Event()
    writer = context.Process(target=_slow_import, args=(str(tmp_path / "memory.sqlite"), started, 50))
    writer.start()
    assert started.wait(60)
    reader = SQLiteStore(tmp_path / "memory.sqlite", create=False, timeout=0.1)
    assert reader.stats().segments == before  # not blocked, and nothing half-imported is seen
    assert reader.exact("en", "ru", "Telephone for information: ⟦phone⟧.")
    writer.join(60)
    assert writer.exitcode == 0
    assert reader.stats().segments == before + 50
    reader.close()
    mode = sqlite3.connect(tmp_path / "memory.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_file_that_is_not_a_memory_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(InputError, match="not a translation memory"):
        SQLiteStore(path)


def test_tm_settings_are_checked(tmp_path: Path) -> None:
    for table, message in (
        ({"min_score": 20}, "min_score"),
        ({"path": "a.sqlite", "url": "postgresql://x/y"}, "not both"),
        ({"url": "mysql://x"}, "postgresql://"),
        ({"paht": "x"}, "unknown key 'paht'"),
    ):
        with pytest.raises(TranslitError, match=message):
            open_memory(parse_config({"tm": table}, tmp_path / "translit.toml"))


# ------------------------------------------------------------------ the command line


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_import_stats_search_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "m.sqlite")
    code, out, _ = run(capsys, "tm", "import", str(POST / "exhibition.en.md"), str(POST / "exhibition.kk.md"),
                       str(POST / "exhibition.ru.md"), "--memory", store, "--json")
    assert code == 0 and json.loads(out)["segments"] == 24 and json.loads(out)["unsure_kept_out"] == 0
    code, out, _ = run(capsys, "tm", "stats", "--memory", store, "--json")
    assert code == 0 and json.loads(out)["pairs"]["kk-ru"] == 4 and json.loads(out)["sources"] == 1
    code, out, _ = run(capsys, "tm", "search", "Telephone for information: 8 800 080 18 18.", "--to", "kk", "--memory", store, "--json")
    found = json.loads(out)
    assert found["key"] == "Telephone for information: ⟦phone⟧."
    assert found["matches"][0]["match"] == "exact" and found["matches"][0]["target"] == "Анықтама телефоны: +7 727 267 28 83."
    code, out, _ = run(capsys, "tm", "search", "The exhibition presents 50 books and will be open until the end of the week.",
                       "--memory", store)
    assert code == 0 and "fuzzy en→ru" in out and "exhibition" in out
    code, out, _ = run(capsys, "tm", "export", str(tmp_path / "m.tmx"), "--memory", store)
    assert code == 0 and "4 translation units" in out
    code, _, err = run(capsys, "tm", "export", str(tmp_path / "m.tmx"), "--memory", store)
    assert code == 2 and "exists" in err


def test_cli_post_uses_the_configured_memory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "translit.toml").write_text('[tm]\npath = "memory.sqlite"\n', encoding="utf-8")
    code, _, _ = run(capsys, "tm", "import", str(POST / "exhibition.en.md"), str(POST / "exhibition.kk.md"),
                     str(POST / "exhibition.ru.md"), "--memory", str(tmp_path / "memory.sqlite"))
    assert code == 0
    draft = tmp_path / "news.en.md"
    draft.write_text(NEW_POST, encoding="utf-8")
    code, out, err = run(capsys, "post", str(draft), "--to", "kk,ru")
    assert code == 0, err
    assert "translated from the memory" in out and "4 memory exact" in out
    assert "Ұлттық академиялық кітапханасының директоры" in (tmp_path / "news.kk.md").read_text(encoding="utf-8")


def test_cli_bad_tmx_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu>", encoding="utf-8")
    code, out, err = run(capsys, "tm", "import", str(bad), "--memory", str(tmp_path / "m.sqlite"))
    assert code == 2 and out == "" and err.count("\n") == 1 and str(bad) in err
    code, _, err = run(capsys, "tm", "stats", "--memory", str(tmp_path / "none.sqlite"))
    assert code == 2 and "no translation memory" in err


def test_cli_a_folder_of_tmx_files_imports_and_an_empty_one_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "m.sqlite")
    run(capsys, "tm", "import", str(POST / "exhibition.en.md"), str(POST / "exhibition.kk.md"), "--memory", store)
    folder = tmp_path / "exchange"
    folder.mkdir()
    assert run(capsys, "tm", "export", str(folder / "all.tmx"), "--memory", store)[0] == 0
    code, out, _ = run(capsys, "tm", "import", str(folder), "--memory", str(tmp_path / "other.sqlite"), "--json")
    assert code == 0 and json.loads(out)["tmx_files"] == 1 and json.loads(out)["segments"] == 8
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "tm", "import", str(empty), "--memory", store)
    assert code == 2 and "no posts" in err
    assert json.loads(run(capsys, "tm", "stats", "--memory", store, "--json")[1])["segments"] == 8  # untouched


def test_the_words_of_a_link_are_aligned_and_filled_too(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "p.en.md").write_text("The programme is published on [the library's website](https://nlrk.kz/en/p). Entry is free.\n", encoding="utf-8")
    (site / "p.kk.md").write_text("Бағдарлама [кітапхананың сайтында](https://nlrk.kz/kz/p) жарияланған. Кіру тегін.\n", encoding="utf-8")
    (site / "p.ru.md").write_text("Программа опубликована на [сайте библиотеки](https://nlrk.kz/ru/p). Вход свободный.\n", encoding="utf-8")
    with open_memory(path=tmp_path / "m.sqlite") as memory:
        assert import_paths(memory.store, [site], Config()).rows == 3
        draft = "The programme is published on [the library's website](https://nlrk.kz/en/new). Entry is free.\n"
        versions = make_versions(draft, source="en", targets=["en", "ru"], translator=NoEngine(), memory=memory)
    assert versions.ru == "Программа опубликована на [сайте библиотеки](https://nlrk.kz/en/new). Вход свободный.\n"
    assert versions.exit_code == EXIT_OK


def test_the_newest_of_two_house_translations_wins_and_the_report_counts_the_other(memory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for lang in ("en", "ru"):
        text = (POST / f"exhibition.{lang}.md").read_text(encoding="utf-8")
        (tmp_path / f"later.{lang}.md").write_text(text.replace("Телефон для справок:", "Справки по телефону:"), encoding="utf-8")
    import_paths(memory.store, [tmp_path / "later.en.md", tmp_path / "later.ru.md"], Config())
    draft = "Telephone for information: +7 7172 70 18 00.\n"
    versions = make_versions(draft, source="en", targets=["en", "ru"], translator=NoEngine(), memory=memory)
    assert versions.ru == "Справки по телефону: +7 7172 70 18 00.\n"
    [sentence] = versions.report["blocks"][0]["targets"]["ru"]["sentences"]
    assert sentence["memory"]["alternatives"] == 1 and sentence["memory"]["origin"].endswith("later")


def test_a_failed_first_import_leaves_no_memory_and_reading_writes_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posts = tmp_path / "site"
    posts.mkdir()
    (posts / "visit.en.md").write_bytes(b"Visit \xff Kyiv.\n")
    (posts / "visit.ru.md").write_text("Визит в Киев.\n", encoding="utf-8")
    memory = tmp_path / "memory.sqlite"
    assert main(["tm", "import", str(posts), "--memory", str(memory)]) == 2
    assert "byte 0xff is not valid utf-8" in capsys.readouterr().err
    assert list(tmp_path.glob("memory.sqlite*")) == []
    # an empty file someone named by mistake is not made a memory by a command that only reads
    memory.touch()
    for command in (["tm", "stats"], ["tm", "search", "Visit Kyiv."]):
        assert main([*command, "--memory", str(memory)]) == 2
        assert "an empty file, not a translation memory" in capsys.readouterr().err
    assert memory.stat().st_size == 0
