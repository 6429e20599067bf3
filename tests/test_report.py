"""--output-format: every format on the seed post, parsed the way its consumer parses it.

SARIF is validated against the official SARIF 2.1.0 schema (tests/data/sarif-schema-2.1.0.json,
see its NOTICE); JUnit is parsed as XML; GitHub workflow commands and GitLab Code Quality are
checked field by field against their documented syntax.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

from translit.checks.check import check_versions
from translit.checks.base import Finding
from translit.cli import main
from translit.config import parse_config
from translit.report import FORMATS, github, render

DATA = Path(__file__).parent / "data"
SEED = DATA / "posts" / "seed" / "nlrk-conference.en.txt"
CLEAN = DATA / "posts" / "clean"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seed_json() -> dict:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "translit", "check", "--output-format", "json", str(SEED)], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    return json.loads(done.stdout)


def seed_findings(seed_json: dict) -> list[dict]:
    return seed_json["posts"][0]["findings"]


def test_json_carries_end_positions(seed_json: dict) -> None:
    caption = next(f for f in seed_findings(seed_json) if f["id"] == "lang.cyrillic-in-en")
    assert (caption["line"], caption["column"], caption["end_line"], caption["end_column"]) == (3, 1, 3, 12)
    assert caption["length"] == len("Бахина фото") == caption["end_column"] - caption["column"]
    assert seed_json["schema"] == "translit.check/1" and seed_json["summary"]["suppressed"] == 0


def test_concise_is_one_finding_a_line(capsys: pytest.CaptureFixture[str], seed_json: dict) -> None:
    code, out, _ = run(capsys, "check", "--output-format", "concise", str(SEED))
    lines = out.splitlines()
    assert code == 1 and len(lines) == len(seed_findings(seed_json))
    pattern = re.compile(rf"^{re.escape(str(SEED))}:(\d+):(\d+): (error|warning|info) (.+) \[([a-z]+\.[a-z-]+)\]$")
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed)
    assert [(int(m[1]), int(m[2]), m[3], m[5]) for m in parsed if m] == [
        (f["line"], f["column"], f["severity"], f["id"]) for f in seed_findings(seed_json)
    ]


def test_json_lines_are_the_json_findings(capsys: pytest.CaptureFixture[str], seed_json: dict) -> None:
    _, out, _ = run(capsys, "check", "--output-format", "json-lines", str(SEED))
    assert [json.loads(line) for line in out.splitlines()] == seed_findings(seed_json)


def test_github_annotations(capsys: pytest.CaptureFixture[str], seed_json: dict) -> None:
    _, out, _ = run(capsys, "check", "--output-format", "github", str(SEED))
    command = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=translit ([^:]+)::(.+)$")
    matches = [command.match(line) for line in out.splitlines()]
    assert all(matches) and len(matches) == len(seed_findings(seed_json))
    first = matches[0]
    assert first is not None and first.groups()[:7] == ("error", str(SEED), "3", "1", "3", "12", "lang.cyrillic-in-en")
    levels = {m[1] for m in matches if m}
    assert levels == {"error", "warning", "notice"}


def test_github_escapes_what_would_end_a_command() -> None:
    finding = Finding("typography.dash", "warning", "en", 1, 2, "-", "first line\nsecond, 100%", path="a,b:c.md", end_line=1, end_column=3)
    assert github([finding]) == "::warning file=a%2Cb%3Ac.md,line=1,col=2,endLine=1,endColumn=3,title=translit typography.dash::first line%0Asecond, 100%25\n"


def test_gitlab_code_quality(capsys: pytest.CaptureFixture[str], seed_json: dict) -> None:
    _, out, _ = run(capsys, "check", "--output-format", "gitlab", str(SEED))
    issues = json.loads(out)
    assert len(issues) == len(seed_findings(seed_json))
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == str(SEED) and issue["location"]["positions"]["begin"]["line"] >= 1
    # the same run twice gives the same fingerprints: GitLab compares them between pipelines
    _, again, _ = run(capsys, "check", "--output-format", "gitlab", str(SEED))
    assert [i["fingerprint"] for i in json.loads(again)] == [i["fingerprint"] for i in issues]


def test_sarif_is_valid_sarif_2_1_0_with_fixes(capsys: pytest.CaptureFixture[str], seed_json: dict) -> None:
    _, out, _ = run(capsys, "check", "--output-format", "sarif", str(SEED))
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    [run_] = log["runs"]
    results = run_["results"]
    assert len(results) == len(seed_findings(seed_json))
    rules = run_["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    kyiv = next(r for r in results if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "Kiev")
    assert kyiv["level"] == "error" and kyiv["ruleId"] == "glossary.discouraged"
    [fix] = kyiv["fixes"]
    [replacement] = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "Kyiv"
    region = replacement["deletedRegion"]
    assert region["endLine"] == region["startLine"] and region["endColumn"] - region["startColumn"] == len("Kiev")
    assert {r["level"] for r in results} == {"error", "warning", "note"}


def test_sarif_keeps_suppressed_results_marked(tmp_path: Path) -> None:
    text = "<!-- translit: ignore[lang.cyrillic-in-en] -->\nThe caption said Бахина фото here.\n"
    findings = check_versions({"en": text}, config=parse_config({}), paths={"en": "post.en.md"}, keep_suppressed=True)
    log = json.loads(render(findings, "sarif"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "lang.cyrillic-in-en"]
    assert result["suppressions"] == [{"kind": "inSource"}]
    assert "lang.cyrillic-in-en" not in render(findings, "concise")


def test_junit_parses_as_a_test_report(capsys: pytest.CaptureFixture[str], seed_json: dict) -> None:
    files = [str(SEED), *(str(CLEAN / f"reading-family.{lang}.md") for lang in ("en", "kk", "ru"))]
    code, out, _ = run(capsys, "check", "--output-format", "junit", *files)
    root = ElementTree.fromstring(out.encode("utf-8"))
    assert code == 1 and root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == set(files)
    seed_cases = suites[str(SEED)].findall("testcase")
    assert len(seed_cases) == len(seed_findings(seed_json)) == int(suites[str(SEED)].get("failures", "0"))
    assert all(case.find("failure") is not None for case in seed_cases)
    clean = suites[files[1]].findall("testcase")
    assert len(clean) == 1 and clean[0].find("failure") is None
    assert root.get("failures") == str(len(seed_findings(seed_json)))


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_positions_count_cr_lf_and_crlf_as_line_ends(ending: str) -> None:
    lines = ["Title", "", "The caption said Бахина фото here.", "Kiev is written wrong."]
    findings = check_versions({"en": ending.join(lines) + ending}, config=parse_config({}), formats={"en": "text"})
    where = {(f.id, f.line, f.column, f.end_line, f.end_column) for f in findings}
    assert ("lang.cyrillic-in-en", 3, 18, 3, 29) in where
    assert ("glossary.discouraged", 4, 1, 4, 5) in where


def test_old_format_flag_still_works_but_is_hidden(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--format", "text", str(CLEAN))
    assert code == 0 and out.startswith("2 posts, 6 files") and "deprecated" in err
    code, out, _ = run(capsys, "check", "--help")
    assert "--output-format" in out and "--format" not in out.replace("--output-format", "")


def test_conflicting_and_unknown_formats_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--json", "--output-format", "sarif", str(SEED))
    assert code == 2 and err.count("\n") == 1 and "choose one" in err
    code, _, err = run(capsys, "check", "--output-format", "xml", str(SEED))
    assert code == 2 and all(name in err for name in FORMATS)


def test_glossary_lint_and_recover_speak_the_same_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("The National Library opened.\r\nDelegates came from Kiev.\r\n", encoding="utf-8")
    code, out, _ = run(capsys, "glossary", "lint", "--lang", "en", "--output-format", "concise", str(draft))
    assert code == 1
    assert out.splitlines() == [
        f"{draft}:1:5: warning “National Library” may name lib.nlrk or lib.nabrk (two national libraries: NLRK in Almaty and the National Academic Library in Astana). [glossary.ambiguous]",
        f"{draft}:2:21: error “Kiev” is discouraged for city.kyiv; write “Kyiv” (English uses the Ukrainian-based spelling Kyiv (BGN/PCGN 2019, AP 2019)). [glossary.discouraged]",
    ]
    code, out, _ = run(capsys, "glossary", "lint", "--lang", "en", "--output-format", "sarif", str(draft))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(out))
    code, out, _ = run(capsys, "glossary", "lint", "--lang", "en", "--json", str(draft))
    assert [(r["line"], r["column"], r["end_line"], r["end_column"]) for r in json.loads(out)] == [(1, 5, 1, 21), (2, 21, 2, 25)]

    latin = tmp_path / "latin.txt"
    latin.write_text("Qazaqstan kitapkhanasy\ndastustusturlerdi saqtaidy\n", encoding="utf-8")
    code, out, _ = run(capsys, "recover", "--output-format", "json-lines", str(latin))
    [word] = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and (word["id"], word["line"], word["column"], word["text"]) == ("recover.typo", 2, 1, "dastustusturlerdi")
    assert "дәстүрлерді" in word["message"]
    code, out, _ = run(capsys, "recover", "--output-format", "junit", str(latin))
    assert ElementTree.fromstring(out.encode("utf-8")).get("failures") == "1"


def test_post_reads_its_input_format_flag_under_a_name_of_its_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "post", "--help")
    assert "--input-format" in out and "--output-format" not in out
    code, _, err = run(capsys, "post", "--input-format", "rtf", str(SEED))
    assert code == 2 and "--input-format" in err
    code, _, err = run(capsys, "post", "--format", "rtf", str(SEED))
    assert code == 2 and "--input-format" in err
