"""Accepting findings: inline ignore markers in every format, baseline files, precise --disable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit.checks.check import check_versions
from translit.cli import main
from translit.config import parse_config
from translit.reading.markers import mask_markers, strip_markers
from translit.translation.versions import make_versions

DATA = Path(__file__).parent / "data" / "posts"
CLEAN = DATA / "clean"
SEED = DATA / "seed" / "nlrk-conference.en.txt"
LANGS = ("en", "kk", "ru")
AMBIGUOUS = "The National Library hosted the readers."


def clean_texts(ext: str = "md") -> dict[str, str]:
    name = "reading-family" if ext == "md" else "minister-visit"
    return {lang: (CLEAN / f"{name}.{lang}.{ext}").read_text(encoding="utf-8") for lang in LANGS}


def check(texts: dict[str, str], fmt: str = "markdown", config: dict | None = None, **options: object) -> list:
    return check_versions(texts, config=parse_config(config or {}), formats={lang: fmt for lang in texts}, **options)  # type: ignore[arg-type]


def ids(findings: list) -> list[str]:
    return [f.id for f in findings]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- inline markers


def test_marker_on_its_own_line_covers_the_next_block_only() -> None:
    text = f"# Title\n\n<!-- translit: ignore[glossary.ambiguous] -->\n{AMBIGUOUS}\n\n{AMBIGUOUS}\n"
    found = check({"en": text}, keep_suppressed=True)
    ambiguous = [f for f in found if f.id == "glossary.ambiguous"]
    assert [(f.line, f.suppressed) for f in ambiguous] == [(4, "inline"), (6, None)]
    assert [f.line for f in check({"en": text}) if f.id == "glossary.ambiguous"] == [6]


def test_marker_beside_text_covers_its_line_in_html() -> None:
    text = f"<p>{AMBIGUOUS} <!-- translit: ignore[glossary] --></p>\n<p>{AMBIGUOUS}</p>\n"
    found = check({"en": text}, fmt="html")
    assert [(f.id, f.line) for f in found if f.id.startswith("glossary")] == [("glossary.ambiguous", 2)]
    assert "suppression.unused" not in ids(found)


def test_plain_text_marker_and_positions_of_everything_else_unchanged() -> None:
    plain = f"Title\n\n{AMBIGUOUS} Kiev too.\n"
    marked = f"Title\n\n<!-- translit: ignore[glossary.ambiguous] -->\n{AMBIGUOUS} Kiev too.\n"
    before = {(f.id, f.column) for f in check({"en": plain}, fmt="text")}
    after = check({"en": marked}, fmt="text")
    assert ("glossary.ambiguous", 5) in before
    assert {(f.id, f.column) for f in after} == before - {("glossary.ambiguous", 5)}
    assert all(f.line == 4 for f in after)


@pytest.mark.parametrize("ext, fmt", [("md", "markdown"), ("html", "html")])
def test_a_marker_in_one_version_of_a_clean_post_changes_nothing_else(ext: str, fmt: str) -> None:
    texts = clean_texts(ext)
    assert check(texts, fmt) == []
    texts["kk"] = "<!-- translit: ignore[numbers.mismatch] -->\n" + texts["kk"]
    assert ids(check(texts, fmt)) == ["suppression.unused"]  # no structure, language or typography finding


def test_unused_unknown_and_empty_markers_are_reported_as_info() -> None:
    text = (
        "<!-- translit: ignore[typography.dash] -->\nNo dash here.\n\n"
        "<!-- translit: ignore[typografy] -->\nNothing.\n\n"
        "<!-- translit: ignore -->\nNothing either.\n\n"
        "<!-- translit: ignore[people.spelling] -->\nAnd nothing.\n"
    )
    found = check({"en": text}, config={"check": {"disable": ["people"]}})
    assert [(f.id, f.severity, f.line) for f in found] == [("suppression.unused", "info", 1), ("suppression.unused", "info", 4), ("suppression.unused", "info", 7)]
    assert "typografy" in found[1].message and "names no check" in found[2].message
    assert check({"en": text}, config={"check": {"disable": ["suppression"]}}) == []


def test_post_drops_the_markers_from_the_versions_it_writes() -> None:
    draft = "# Title\n\n<!-- translit: ignore[glossary.ambiguous] -->\nThe National Library hosted readers. <!-- translit: ignore[typography] -->\n"
    versions = make_versions(draft, source="en", targets=["en"], config=parse_config({}))
    assert versions.texts["en"] == "# Title\n\nThe National Library hosted readers.\n"


marker_free = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200).filter(lambda t: "translit:" not in t)


@given(marker_free)
def test_text_without_markers_passes_through_untouched(text: str) -> None:
    assert strip_markers(text) == text and mask_markers(text) == text


@given(st.lists(st.sampled_from(["word ", "\n", "\r\n", "<!-- translit: ignore[glossary] -->", " ", "«x»"]), max_size=30))
def test_masking_keeps_offsets_and_stripping_is_idempotent(pieces: list[str]) -> None:
    text = "".join(pieces)
    masked = mask_markers(text)
    assert len(masked) == len(text) and "translit:" not in masked
    assert all(a == b for a, b in zip(masked, text) if b not in "<!-> translit:ignore[glossary]")
    once = strip_markers(text)
    assert "translit:" not in once and strip_markers(once) == once


# ---------------------------------------------------------------- baseline


def test_baseline_survives_edits_elsewhere_but_not_in_the_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    post = site / "nlrk-conference.en.txt"
    shutil.copy(SEED, post)
    baseline = tmp_path / "translit-baseline.json"
    code, out, err = run(capsys, "check", "--write-baseline", str(baseline), str(post))
    assert code == 0 and out == "" and err.startswith("translit: wrote 21 findings")
    document = json.loads(baseline.read_text(encoding="utf-8"))
    assert document["schema"] == "translit.baseline/1"
    assert {entry["path"] for entry in document["findings"]} == {"site/nlrk-conference.en.txt"}

    # from another folder, after a paragraph was added above everything: nothing comes back
    post.write_text("A new first paragraph.\n\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(site)
    code, out, _ = run(capsys, "check", "--baseline", str(baseline), post.name)
    assert code == 0 and out.strip() == "1 post, 1 file: 0 errors, 0 warnings, 0 info (21 accepted by ignore markers or the baseline)"

    # the sentence with Kiev is edited: that finding is new again, the rest stay accepted
    post.write_text(post.read_text(encoding="utf-8").replace("(Kiev, Ukraine)", "(Kiev, in Ukraine)"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--baseline", str(baseline), "--output-format", "concise", post.name)
    assert code == 1 and [line.split(" [")[-1] for line in out.splitlines()] == ["glossary.discouraged]"]
    assert "“Kiev”" in out


def test_write_baseline_never_replaces_a_post(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = tmp_path / "post.en.txt"
    shutil.copy(SEED, post)
    code, _, err = run(capsys, "check", "--write-baseline", str(post), str(post))
    assert code == 2 and "refusing to overwrite the input" in err
    assert post.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_a_bad_baseline_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "check", "--baseline", str(bad), str(SEED))
    assert code == 2 and err.count("\n") == 1 and str(bad) in err
    bad.write_text('{"schema": "other"}', encoding="utf-8")
    code, _, err = run(capsys, "check", "--baseline", str(bad), str(SEED))
    assert code == 2 and "translit.baseline/1" in err


# ---------------------------------------------------------------- precise --disable


def test_disable_typography_keeps_the_homoglyph_error(capsys: pytest.CaptureFixture[str]) -> None:
    texts = clean_texts()
    texts["kk"] = texts["kk"].replace("Оқырмандар", "Oқырмандар", 1)
    assert ids(check(texts, config={"check": {"disable": ["typography"]}})) == ["script.homoglyph"]
    assert ids(check(texts, config={"check": {"disable": ["script"]}})) == []
    # the old id is still understood, in a configuration file and on the command line
    assert ids(check(texts, config={"check": {"disable": ["typography.homoglyph"]}})) == []
    assert [f.severity for f in check(texts, config={"check": {"severity": {"typography.homoglyph": "warning"}}})] == ["warning"]


def test_disable_names_exactly_what_it_disables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = tmp_path / "post.en.txt"
    post.write_text("Oқырмандар read the book - twice,  said the National Library.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--output-format", "json-lines", str(post))
    every = {json.loads(line)["id"] for line in out.splitlines()}
    assert {"script.homoglyph", "typography.dash", "typography.double-space", "glossary.ambiguous"} <= every
    for name, gone in [("typography", {"typography.dash", "typography.double-space"}), ("typography.dash", {"typography.dash"}),
                       ("typography.homoglyph", {"script.homoglyph"}), ("glossary.ambiguous", {"glossary.ambiguous"})]:
        code, out, _ = run(capsys, "check", "--disable", name, "--output-format", "json-lines", str(post))
        assert {json.loads(line)["id"] for line in out.splitlines()} == every - gone, name
    code, _, err = run(capsys, "check", "--disable", "typo", str(post))
    assert code == 2 and "no check or family 'typo'" in err


def test_fix_leaves_accepted_findings_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = tmp_path / "visit.en.md"
    post.write_text("# Visit\n\nDelegates from Kiev came - and left.\n\n<!-- translit: ignore[typography.dash] -->\nThey came - twice.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    code, _, _ = run(capsys, "check", "--disable", "typography", "--write-baseline", str(baseline), str(post))  # accepts Kiev only
    assert code == 0 and [e["id"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]] == ["glossary.discouraged"]
    code, out, _ = run(capsys, "check", "--fix", "--baseline", str(baseline), str(post))
    fixed = (tmp_path / "visit.en.fixed.md").read_text(encoding="utf-8")
    assert "Delegates from Kiev came — and left." in fixed and "They came - twice." in fixed
    assert out.rstrip().endswith("(2 accepted by ignore markers or the baseline); 1 fixed in new files")
