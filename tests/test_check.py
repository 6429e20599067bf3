"""translit check: the seed post, a clean trilingual post, one planted fault per check, CLI and config."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from translit.checks.check import CHECKS, apply_fixes, check_versions, group_files, language_from_name
from translit.cli import main
from translit.config import ConfigError, load_config, parse_config


DATA = Path(__file__).parent / "data" / "posts"
CLEAN = DATA / "clean"
SEED = DATA / "seed" / "nlrk-conference.en.txt"
DEFAULTS = parse_config({})
LANGS = ("en", "kk", "ru")


def clean_texts() -> dict[str, str]:
    return {lang: (CLEAN / f"reading-family.{lang}.md").read_text(encoding="utf-8") for lang in LANGS}


def check(texts: dict[str, str], config: dict | None = None) -> list:
    return check_versions(texts, config=parse_config(config or {}), formats={lang: "markdown" for lang in texts})


# ---------------------------------------------------------------- the seed post


@pytest.fixture(scope="module")
def seed_findings() -> list:
    return check_versions({"en": SEED.read_text(encoding="utf-8")}, config=DEFAULTS, formats={"en": "text"})


def test_seed_russian_caption(seed_findings: list) -> None:
    caption = [f for f in seed_findings if f.id == "lang.cyrillic-in-en"]
    assert [(f.text, f.line, f.column, f.severity) for f in caption] == [("Бахина фото", 3, 1, "error")]


def test_seed_broken_kazakh_title_with_suggestions(seed_findings: list) -> None:
    words = {f.text: f for f in seed_findings if f.id == "translit.unknown-word"}
    assert words["dastustusturlerdi"].fix == "dasturlerdi"
    assert "дәстүрлерді" in words["dastustusturlerdi"].message
    assert words["miassi"].severity == "warning" and "did you mean" in words["miassi"].message
    # A real word in the wrong case (when recovery says so) is a note, not an alarm.
    assert "kitaphanasyn" not in words or words["kitaphanasyn"].severity == "info"


def test_seed_two_capitalisations_of_the_abay_library(seed_findings: list) -> None:
    [finding] = [f for f in seed_findings if f.id == "glossary.capitalisation" and "Abay" in f.text]
    assert finding.text == "Karaganda regional children's library named after Abay"
    assert "Karaganda Regional Children's Library named after Abay" in finding.message and "(line 7)" in finding.message
    assert finding.line == 5


def test_seed_no_false_alarms(seed_findings: list) -> None:
    # Pair checks need two versions; the service name and the real Kazakh words are not typos.
    assert not [f for f in seed_findings if CHECKS[f.id].pair]
    flagged_words = {f.text for f in seed_findings if f.id.startswith("translit.")}
    assert flagged_words <= {"dastustusturlerdi", "kitaphanasyn", "miassi"}
    assert not [f for f in seed_findings if f.id in ("people.inconsistent", "script.homoglyph", "typography.unbalanced", "typography.double-space")]
    # The phone number is valid; “Kazakhstan kitaptary”, “Otbasylyk oku - tarbiye kozi” spell real words.
    assert not [f for f in seed_findings if f.id.startswith("contacts.")]
    assert all(f.line >= 1 and f.column >= 1 for f in seed_findings)


def test_seed_positions_point_at_the_text(seed_findings: list) -> None:
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    for finding in seed_findings:
        assert text[finding.start : finding.end] == finding.text
        assert lines[finding.line - 1][finding.column - 1 :].startswith(finding.text.split("\n")[0])


# ---------------------------------------------------------------- clean and faulty posts


def test_clean_trilingual_post_has_zero_findings() -> None:
    assert check(clean_texts()) == []


def test_clean_html_post_has_zero_findings() -> None:
    """A second clean post: HTML, a minister from the people glossary, money, 12 400 vs 12,400, 83%-ы."""
    paths = [CLEAN / f"minister-visit.{lang}.html" for lang in LANGS]
    assert check_versions(paths, config=DEFAULTS) == []


def test_clean_post_values_really_compared() -> None:
    """Zero findings because the values agree, not because nothing was found."""
    from translit.checks.base import Version
    from translit.checks.extract import dates, numbers, phones, times

    seen = {}
    for lang, text in clean_texts().items():
        version = Version(lang, text, None, "markdown")
        seen[lang] = (
            sorted(value.key for value in numbers(version)),
            sorted(d.label for d in dates(version)),
            sorted(value.key for value in times(version)),
            [value.key for value in phones(version)],
        )
    assert seen["en"] == seen["kk"] == seen["ru"]
    assert seen["en"][0] == ["14", "1500", "2010", "75.4%"]
    assert seen["en"][1] == ["February 28, 2023", "March 15"]


FAULTS = tomllib.loads((DATA / "faults.toml").read_text(encoding="utf-8"))["fault"]


@pytest.mark.parametrize("fault", FAULTS, ids=[f"{index:02d}-{fault['expect']}" for index, fault in enumerate(FAULTS)])
def test_planted_fault_is_found(fault: dict) -> None:
    texts = clean_texts()
    for edit in fault.get("edit", []):
        if edit.get("whole"):
            texts[edit["lang"]] = edit["new"]
            continue
        assert texts[edit["lang"]].count(edit["old"]) == 1, edit["old"]
        texts[edit["lang"]] = texts[edit["lang"]].replace(edit["old"], edit["new"])
    for lang in fault.get("drop", []):
        del texts[lang]
    findings = check(texts, fault.get("config"))
    assert fault["expect"] in {f.id for f in findings}
    unexpected = [(f.id, f.message) for f in findings if f.id != fault["expect"] and f.id not in fault.get("also", [])]
    assert unexpected == []


def test_every_check_has_a_planted_fault_or_seed_case() -> None:
    planted = {fault["expect"] for fault in FAULTS}
    covered_by_seed = {"translit.unknown-word", "people.spelling"}
    covered_by_seed |= {"memory.differs"}  # needs a translation memory: tests/test_tm_check.py
    assert set(CHECKS) - planted - covered_by_seed == {"translit.scheme"}


def test_scheme_check_flags_2021_latin_in_a_news_post() -> None:
    text = "The exhibition “Ūlttyq kıtaphana jäne oqyrman” opened on Monday."
    findings = check_versions({"en": text}, config=DEFAULTS)
    [finding] = [f for f in findings if f.id == "translit.scheme"]
    assert finding.fix is not None and finding.fix.startswith("Ulttyk")
    assert finding.fixable


def test_people_glossary_spelling() -> None:
    findings = check_versions({"en": "President Kassym-Zhomart Tokayev met the librarians."}, config=DEFAULTS)
    [finding] = [f for f in findings if f.id == "people.spelling"]
    assert finding.fix == "Kassym-Jomart Tokayev" and finding.fixable


def test_numbers_normalised_across_locales() -> None:
    texts = {
        "en": "The fund grew by 10.5 million tenge to 1,250,000 books; 83% of readers are students.",
        "kk": "Қор 10,5 млн теңгеге өсіп, 1 250 000 кітапқа жетті; оқырмандардың 83%-ы – студенттер.",
        "ru": "Фонд вырос на 10,5 млн тенге, до 1 250 000 книг; 83% читателей — студенты.",
    }
    assert [f for f in check_versions(texts, config=DEFAULTS) if f.id == "numbers.mismatch"] == []
    words = {
        "en": "Readers gave 83 percent of the votes and 12 per cent abstained.",
        "ru": "Читатели отдали 83% голосов, 12 процентов воздержались.",
        "kk": "Оқырмандардың 83 пайызы дауыс берді, 12%-ы қалыс қалды.",
    }
    assert check_versions(words, config=DEFAULTS) == []


def test_small_numbers_written_as_words_match_digits() -> None:
    texts = {"en": "Participation in the 2nd meeting of the Astana Club and the IX forum", "kk": "Астана клубының екінші отырысына және 9-форумға қатысты"}
    assert [f for f in check_versions(texts, config=DEFAULTS) if f.id == "numbers.mismatch"] == []


def test_single_outlier_version_is_the_one_blamed() -> None:
    texts = clean_texts()
    texts["ru"] = texts["ru"].replace("75,4%", "74,5%")
    [finding] = [f for f in check(texts) if f.id == "numbers.mismatch"]
    assert finding.version == "ru" and finding.text == "74,5%"


# ---------------------------------------------------------------- fixes


def test_apply_fixes_changes_only_fixable_spans() -> None:
    text = 'Organizers - Department of  Culture, "Reading Family"'
    findings = check_versions({"en": text}, config=DEFAULTS)
    fixed, count = apply_fixes(text, findings)
    assert fixed == "Organizers — Department of Culture, “Reading Family”"
    assert count == 3


def test_cli_fix_writes_new_files_and_never_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = tmp_path / "post.ru.md"
    original = "Выставка «Читающая семья» открыта - сказала она. \"Фонд\"  вырос.\n"
    post.write_text(original, encoding="utf-8")
    assert main(["check", "--fix", str(post)]) == 0  # only warnings: below --fail-on error
    assert post.read_text(encoding="utf-8") == original
    fixed = (tmp_path / "post.ru.fixed.md").read_text(encoding="utf-8")
    assert fixed == "Выставка «Читающая семья» открыта — сказала она. «Фонд» вырос.\n"
    assert "3 fixed in new files" in capsys.readouterr().out
    # A second run does not silently replace the earlier output.
    assert main(["check", "--fix", str(post)]) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    assert main(["check", "--fix", "--force", "-o", str(tmp_path / "out"), str(post)]) == 0
    assert (tmp_path / "out" / "post.ru.md").read_text(encoding="utf-8") == fixed


# ---------------------------------------------------------------- CLI


def test_cli_seed_text_report_and_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{SEED} (en)\n")
    assert "       3:1  error    Russian text left in the English version: “Бахина фото”" in out
    assert "\033[" not in out  # no colour when not on a terminal


def test_cli_clean_directory_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CLEAN)]) == 0
    assert capsys.readouterr().out == "2 posts, 6 files: 0 errors, 0 warnings, 0 info\n"


def test_cli_fail_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    post = tmp_path / "note.en.md"
    post.write_text('The library "Reading Family" opened.\n', encoding="utf-8")
    assert main(["check", str(post)]) == 0
    assert main(["check", "--fail-on", "info", str(post)]) == 1
    assert main(["check", "--fail-on", "fatal", str(post)]) == 2
    capsys.readouterr()


def test_cli_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(SEED)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "translit.check/1"
    assert report["exit_code"] == 1 and report["fail_on"] == "error"
    [post] = report["posts"]
    assert post["files"] == {"en": str(SEED)}
    first = post["findings"][0]
    assert set(first) == {"id", "severity", "version", "path", "line", "column", "end_line", "end_column", "offset", "length", "text", "message", "fix", "fixable", "fingerprint", "suppressed"}
    assert report["summary"]["error"] == sum(f["severity"] == "error" for f in post["findings"])


def test_cli_stdin_json(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    texts = clean_texts()
    texts["kk"] = texts["kk"].replace("267-28-83", "267-28-38")
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(texts)))
    assert main(["check", "--stdin-json", "--json", "--fix"]) == 1
    report = json.loads(capsys.readouterr().out)
    ids = {f["id"] for f in report["posts"][0]["findings"]}
    assert ids == {"contacts.phone-mismatch"}
    assert report["posts"][0]["fixed"]["en"] == texts["en"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("[1, 2]"))
    assert main(["check", "--stdin-json"]) == 2
    assert "expected a JSON object of versions" in capsys.readouterr().err


def test_cli_checks_one_version_piped_to_it() -> None:
    """`translit check -`: what a hook pipes in is one version, its language read off it."""
    def check(*args: str, text: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "translit", "check", *args], input=text, capture_output=True,
                              text=True, encoding="utf-8", check=False)

    found = check("-", "-f", "concise", text="The delegation visited Kiev on 5 May 2024.\n")
    assert found.returncode == 1 and found.stdout.startswith("<stdin>:1:24: error “Kiev” is not the official form")
    fixed = check("-", "--fix", "--json", text="The delegation visited Kiev.\n")
    assert json.loads(fixed.stdout)["posts"][0]["fixed"] == {"en": "The delegation visited Kyiv.\n"}
    kazakh = check("-", "--json", text="Көрме 2024 жылғы 5 мамырда Ұлттық кітапханада ашылды.\n")
    assert kazakh.returncode == 0 and json.loads(kazakh.stdout)["posts"][0]["files"] == {"kk": "<stdin>"}
    mixed = check("-", "post.en.md", text="x\n")
    assert mixed.returncode == 2 and "give '-' by itself" in mixed.stderr


def test_cli_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check"]) == 2
    assert main(["check", str(tmp_path / "missing.en.md")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["check", "--disable", "nonsense", str(SEED)]) == 2


def test_cli_list_checks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--list-checks"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == len(CHECKS)
    assert "lang.cyrillic-in-en" in out


def test_cli_jobs_same_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(3):
        for lang, text in clean_texts().items():
            if index == 1 and lang == "ru":
                text = text.replace("75,4%", "74,5%")
            (tmp_path / f"post{index}.{lang}.md").write_text(text, encoding="utf-8")
    reports = []
    for jobs in ("1", "2"):
        assert main(["check", "--json", "--jobs", jobs, str(tmp_path)]) == 1
        reports.append(json.loads(capsys.readouterr().out))
    assert reports[0] == reports[1]
    assert reports[0]["summary"]["posts"] == 3
    assert [len(post["findings"]) for post in reports[0]["posts"]] == [0, 1, 0]


def test_cli_runs_as_a_program() -> None:
    run = subprocess.run([sys.executable, "-m", "translit", "check", str(CLEAN)], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert (run.returncode, run.stdout, run.stderr) == (0, "2 posts, 6 files: 0 errors, 0 warnings, 0 info\n", "")


# ---------------------------------------------------------------- configuration


def test_config_from_translit_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "translit.toml").write_text(
        '[check]\nfail-on = "warning"\ndisable = ["typography"]\nenable = ["typography.dash"]\n[check.severity]\n"typography.dash" = "error"\n',
        encoding="utf-8",
    )
    posts = tmp_path / "posts" / "2026"
    posts.mkdir(parents=True)
    post = posts / "a.en.md"
    post.write_text('Organizers - Department of  Culture, "Reading Family".\n', encoding="utf-8")
    config = load_config(post)
    assert config.path == tmp_path / "translit.toml"
    findings = check_versions([post])
    assert [(f.id, f.severity) for f in findings] == [("typography.dash", "error")]
    assert main(["check", str(post)]) == 1
    capsys.readouterr()


def test_config_from_pyproject_and_raw_sections(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "site"\n[tool.translit.schemes]\nkk = "kk-latin-2021"\n[tool.translit.dates]\nen = "us"\n[tool.translit.mt]\nengine = "argos"\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert config.scheme("kk") == "kk-latin-2021" and config.scheme("ru") == "ru-news"
    assert config.date_style["en"] == "us"
    assert config.section("mt") == {"engine": "argos"}


def test_config_errors_name_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "translit.toml"
    bad.write_text('[check]\nfail-on = "error"\nseverity = [\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert str(error.value).startswith(f"{bad}:")
    bad.write_text('[check.severity]\n"numbers.mismatch" = "fatal"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="expected one of error, warning, info"):
        load_config(tmp_path)
    (tmp_path / "x.en.md").write_text("Text.\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "x.en.md")]) == 2
    assert "translit.toml" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[chek]\nfail-on = "info"\n', "unknown section [chek]"),
        ('[check]\nfail-onn = "info"\n', "[check] unknown key 'fail-onn'"),
        ('[limits]\nmax-bytes = 100\n', "[limits] unknown key 'max-bytes'"),
        ('[glossaries]\nextras = ["site.toml"]\n', "[glossaries] unknown key 'extras'"),
        ('[schemes]\nkk = "kk-nws"\n', "[schemes] kk = 'kk-nws': unknown scheme; the kk schemes are"),
    ],
)
def test_a_misspelt_setting_is_an_error_not_a_default(tmp_path: Path, toml: str, message: str) -> None:
    # the default left in force would check the site's posts more loosely than it asked, unseen
    (tmp_path / "translit.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(tmp_path)


def test_config_enable_beats_family_disable() -> None:
    config = parse_config({"check": {"disable": ["typography"], "enable": ["typography.quotes"]}})
    assert not config.is_enabled("typography.dash")
    assert config.is_enabled("typography.quotes")
    assert config.is_enabled("numbers.mismatch")


# ---------------------------------------------------------------- grouping and languages


def test_language_from_file_names() -> None:
    assert language_from_name("news/post.kk.md") == ("post", "kk")
    assert language_from_name("post_kz.html") == ("post", "kk")
    assert language_from_name("post-rus.txt") == ("post", "ru")
    assert language_from_name("000_0e7a3112e1cc74d0.txt") == ("000_0e7a3112e1cc74d0", None)


def test_group_files_by_name_and_detected_language(tmp_path: Path) -> None:
    for lang, text in clean_texts().items():
        (tmp_path / f"a.{lang}.md").write_text(text, encoding="utf-8")
    (tmp_path / "a.en.fixed.md").write_text("ignored", encoding="utf-8")
    untagged = tmp_path / "loose"
    untagged.mkdir()
    (untagged / "news.md").write_text(clean_texts()["kk"], encoding="utf-8")
    (untagged / "новость.md").write_text(clean_texts()["ru"], encoding="utf-8")
    [post] = group_files([tmp_path / f"a.{lang}.md" for lang in LANGS])
    assert sorted(post.files) == ["en", "kk", "ru"]
    [loose] = group_files([untagged / "news.md", untagged / "новость.md"])
    assert {lang: path.name for lang, path in loose.files.items()} == {"kk": "news.md", "ru": "новость.md"}
    everything = group_files([tmp_path])
    assert sorted(len(post.files) for post in everything) == [1, 1, 3]


# ---------------------------------------------------------------- invariants


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(LANGS),
        st.lists(st.sampled_from(list("Aa Кк Ққ әі 0123456789.,:-–—\"«»“”()[]#*\n  +@/") + ["http://x.kz", " 28 февраля ", "Январь", "2023", "+7 (727) 267-28-83", "National Library"]), max_size=60).map("".join),
        min_size=1,
    )
)
def test_findings_always_point_into_their_version(texts: dict[str, str]) -> None:
    findings = check_versions(texts, config=DEFAULTS)
    for finding in findings:
        text = texts[finding.version]
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert finding.id in CHECKS and finding.severity in ("error", "warning", "info")
    for lang, text in texts.items():
        fixed, _ = apply_fixes(text, [f for f in findings if f.version == lang])
        assert isinstance(fixed, str)


_SENTENCE = {"en": "The exhibition is open until Friday", "kk": "Көрме жұмаға дейін ашық", "ru": "Выставка открыта до пятницы"}
_LEAD = {"en": "Details:", "kk": "Толығырақ:", "ru": "Подробнее:"}
_CONTACTS = ["https://nlrk.kz/index.php?lang=ru&id=3458", "www.kazlib.kz", "nlrk.kz", "info@nlrk.kz", "+7 (727) 267-28-83"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_CONTACTS), st.sampled_from(["end", "alone", "lead"]), st.sampled_from(["", "<>", "()", "**"]),
                       st.sampled_from([".", "", ";"])), min_size=1, max_size=4),
    st.sampled_from(["markdown", "text"]),
    st.sampled_from(["\n", "\r\n"]),
)
@example([("https://nlrk.kz/a", "end", "", ".")], "markdown", "\n")  # a link ending a paragraph ran into the next one
def test_the_same_contacts_in_every_version_raise_no_finding(plan: list[tuple[str, str, str, str]], fmt: str, nl: str) -> None:
    texts = {}
    for lang in LANGS:
        paragraphs = []
        for contact, where, wrap, stop in plan:
            item = wrap[: len(wrap) // 2] + contact + wrap[len(wrap) // 2 :] if fmt == "markdown" or wrap == "()" else contact
            paragraphs.append({"end": f"{_SENTENCE[lang]} {item}{stop}", "alone": item, "lead": f"{_LEAD[lang]} {item}"}[where])
            paragraphs.append(_SENTENCE[lang] + ".")
        texts[lang] = (nl + nl).join(paragraphs) + nl
    findings = check_versions(texts, config=DEFAULTS, formats={lang: fmt for lang in texts})
    assert [(f.id, f.message) for f in findings if f.id.startswith(("contacts.", "numbers.", "structure."))] == []


def test_pre_commit_hook_definition() -> None:
    hooks = (Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: translit-check" in hooks and "entry: translit check --siblings" in hooks


def test_siblings_bring_the_other_versions(tmp_path: Path) -> None:
    for lang, text in clean_texts().items():
        (tmp_path / f"a.{lang}.md").write_text(text, encoding="utf-8")
    [alone] = group_files([tmp_path / "a.en.md"])
    assert list(alone.files) == ["en"]
    [post] = group_files([tmp_path / "a.en.md"], siblings=True)
    assert sorted(post.files) == ["en", "kk", "ru"]


def test_real_news_faults_from_the_conventions() -> None:
    """Forms seen in real posts (news-conventions §1): nlrk.kz id 3458, qazaculture.com, inform.kz/ru."""
    en = (
        "Director Bakytzhamal Kaiyrbekkyzy opened the meeting at the National library of the RK.\n\n"
        "Later Bakytzhamal Kaiyrbekovna thanked the Library named after Zh.Bekturova.\n"
    )
    findings = check_versions({"en": en, "ru": "11:20, 20 Январь 2026. Директор открыла встречу.\n\nПозже она поблагодарила библиотеку.\n"}, config=DEFAULTS)
    by_id = {f.id: f for f in findings}
    assert by_id["people.inconsistent"].text == "Kaiyrbekovna"
    assert "patronymic is written in two systems" in by_id["people.inconsistent"].message
    assert by_id["typography.initials"].fix == "Zh. "
    assert by_id["glossary.discouraged"].text == "National library of the RK"
    assert by_id["glossary.discouraged"].fix == "National Library of the Republic of Kazakhstan"
    nominative = by_id["dates.nominative-month"]
    assert (nominative.text, nominative.fix, nominative.version) == ("Январь", "января", "ru")


def test_kazakh_official_date_with_year_matches() -> None:
    texts = {
        "en": "The decree of December 28, 2023 was signed.",
        "kk": "2023 жылғы 28 желтоқсандағы жарлыққа қол қойылды.",
        "ru": "Указ от 28 декабря 2023 года подписан.",
    }
    assert check_versions(texts, config=DEFAULTS) == []
    texts["kk"] = texts["kk"].replace("2023", "2022")
    [finding] = check_versions(texts, config=DEFAULTS)
    assert (finding.id, finding.version) == ("dates.mismatch", "kk") and "2022" in finding.message
    # primeminister.kz: "15 қыркүйектегі жағдай бойынша" = "on September 15"
    pair = {"en": "The millionth document was registered on September 15.", "kk": "15 қыркүйектегі жағдай бойынша миллионыншы құжат тіркелді."}
    assert check_versions(pair, config=DEFAULTS) == []


def test_balanced_marks_allow_real_conventions() -> None:
    """akorda.kz writes nested guillemets that open together once; list items and smileys close nothing."""
    kk = "Қазақстан Президенті «Астана Бас жоспары» ғылыми-зерттеу жобалық институты» серіктестігінде болды."
    ru = "Пункты: а) выставка; б) встреча. Всё прошло отлично :)"
    assert check_versions({"kk": kk}, config=DEFAULTS) == []
    assert check_versions({"ru": ru}, config=DEFAULTS) == []
    [finding] = check_versions({"ru": "Выставка (в зале 2 открылась."}, config=DEFAULTS)
    assert (finding.id, finding.text) == ("typography.unbalanced", "(")


def test_fix_versions_reaches_nested_fixes_and_leaves_only_editorial_findings() -> None:
    from translit.checks.check import fix_versions

    fixed, count = fix_versions({"en": SEED.read_text(encoding="utf-8")}, config=DEFAULTS, formats={"en": "text"})
    assert "“Otbasylyk oku — tarbiye kozi”" in fixed["en"]  # the dash inside the re-quoted title
    assert "Karaganda Regional Children's Library named after Abay." in fixed["en"]  # author's spelling kept
    assert count >= 10
    left = check_versions(fixed, config=DEFAULTS, formats={"en": "text"})
    assert not [f for f in left if f.fixable]
    assert {f.id for f in left} >= {"lang.cyrillic-in-en", "translit.unknown-word"}


def test_english_clock_times_and_numbered_items() -> None:
    texts = {
        "en": "The meeting starts at 3 p.m. in kindergarten No.125 and ends at 11:30 a.m. next day.",
        "ru": "Встреча начнётся в 15:00 в детском саду №125 и закончится в 11:30 на следующий день.",
    }
    assert check_versions(texts, config=DEFAULTS) == []
    texts["ru"] = texts["ru"].replace("15:00", "16:00")
    assert {f.id for f in check_versions(texts, config=DEFAULTS)} == {"dates.mismatch"}
