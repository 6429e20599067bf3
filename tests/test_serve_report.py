"""The review view as a file (``check --output-format html``, ``post --html-report``) and the fixes the page applies."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli_run import run, stdin
from gate_corpus import DEFAULTS, faults, posts
from serve_support import SEED, faulty_post
from translit.checks.check import CHECKS
from translit.serve import jobs

FIXABLE = sorted(check_id for check_id, spec in CHECKS.items() if spec.fixable)
POSTS = posts()
FIXABLE_FAULTS = [fault for fault in faults() if fault.id in FIXABLE]


def _embedded(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


def _write(folder: Path, versions: dict[str, str], name: str = "bae-assembly") -> None:
    for lang, text in versions.items():
        (folder / f"{name}.{lang}.md").write_text(text, encoding="utf-8")


def test_html_report_holds_what_json_reports(tmp_path, capsys):
    _write(tmp_path, faulty_post())
    code, page, _ = run(capsys, "check", str(tmp_path), "--output-format", "html")
    _, document, _ = run(capsys, "check", str(tmp_path), "--output-format", "json")
    assert code == 1
    data = _embedded(page)
    [post] = data["posts"]
    expected = json.loads(document)["posts"][0]["findings"]
    assert [{k: v for k, v in f.items() if k != "block"} for f in post["findings"]] == expected
    assert post["langs"] == ["en", "kk", "ru"]
    assert post["versions"]["en"]["text"] == faulty_post()["en"]
    assert data["rules"]["glossary.discouraged"] == CHECKS["glossary.discouraged"].summary


def test_html_report_is_self_contained(tmp_path, capsys):
    _write(tmp_path, faulty_post())
    _, page, _ = run(capsys, "check", str(tmp_path), "-f", "html")
    assert page.startswith("<!doctype html>")
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="(?!data:)', page)  # nothing loaded from anywhere
    assert "TranslitReview.mountReport" in page and "mark.finding" in page  # the page's own script and style, inlined
    # without scripts (a mail reader) the findings are still there, as a table
    noscript = re.search(r"<noscript>(.*)</noscript>", page, re.S).group(1)
    assert "“National Library of the RK” is not the official form" in noscript


def test_html_report_text_cannot_close_the_script(tmp_path, capsys):
    versions = faulty_post()
    versions["en"] += "\n\nA trap: </script><script>alert(1)</script> <!-- and \u2028 too.\n"
    _write(tmp_path, versions)
    _, page, _ = run(capsys, "check", str(tmp_path), "-f", "html")
    assert page.count("</script>") == 3  # the data, the review script, the call: no fourth from the text
    assert _embedded(page)["posts"][0]["versions"]["en"]["text"] == versions["en"]


def test_html_report_of_a_post_that_could_not_be_read(tmp_path, capsys):
    (tmp_path / "post.en.md").write_bytes(b"\xff bad")
    (tmp_path / "good.en.md").write_text("The library opened on 5 May 2024.\n", encoding="utf-8")
    code, page, err = run(capsys, "check", str(tmp_path), "-f", "html")
    assert code == 2 and "post.en.md" in err
    names = {post["name"]: post for post in _embedded(page)["posts"]}
    assert names["post"]["error"].startswith(f"{tmp_path / 'post.en.md'}:1:1: byte 0xff is not valid utf-8")
    assert names["good"]["error"] is None and names["good"]["langs"] == ["en"]


def test_post_writes_the_html_report_with_the_versions(tmp_path, capsys):
    code, _, _ = run(capsys, "post", str(SEED), "-o", str(tmp_path), "--html-report")
    assert code == 3  # no translation model here
    report = json.loads((tmp_path / "nlrk-2023-02-28.report.json").read_text(encoding="utf-8"))
    page = (tmp_path / "nlrk-2023-02-28.report.html").read_text(encoding="utf-8")
    assert report["html_report"] == str(tmp_path / "nlrk-2023-02-28.report.html")
    [post] = _embedded(page)["posts"]
    for lang in ("en", "kk", "ru"):
        assert post["versions"][lang]["text"] == (tmp_path / f"nlrk-2023-02-28.{lang}.txt").read_text(encoding="utf-8")
    assert any(f["id"] == "lang.cyrillic-in-en" for f in post["findings"])
    # an existing report is never replaced without --force, and then nothing at all is written
    (tmp_path / "nlrk-2023-02-28.en.txt").unlink()
    code, _, err = run(capsys, "post", str(SEED), "-o", str(tmp_path), "--html-report")
    assert code == 2 and "exists; pass --force" in err
    assert not (tmp_path / "nlrk-2023-02-28.en.txt").exists()


def test_post_from_stdin_has_no_file_to_put_a_report_beside(capsys, monkeypatch):
    stdin(monkeypatch, b"The library opened.\n")
    code, _, err = run(capsys, "post", "-", "--html-report")
    assert code == 2
    assert err == "translit: error: --html-report needs a draft file; with - the versions are printed as JSON\n"


@pytest.fixture(autouse=True, scope="module")
def _site_defaults():
    jobs._WORKER["config"] = DEFAULTS
    yield
    jobs._WORKER.clear()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(POSTS)))
def test_fixing_every_kind_changes_nothing_but_the_findings(name):
    """First, do no harm: "apply all" on a post of the gate corpus touches only what was found.

    Undoing each applied fix where it now stands gives back the post exactly; a post
    with nothing fixable found comes back as it was.
    """
    texts = POSTS[name].texts
    result = jobs.fix(texts, paths=POSTS[name].paths, ids=FIXABLE)
    undone = dict(result["versions"])
    for change in sorted(result["applied"], key=lambda c: -c["new_offset"]):
        text = undone[change["version"]]
        undone[change["version"]] = text[: change["new_offset"]] + change["text"] + text[change["new_offset"] + change["new_length"] :]
    assert undone == texts
    if not any(f.fixable for f in POSTS[name].check()):
        assert result["versions"] == texts


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fault=st.sampled_from(FIXABLE_FAULTS))
def test_applying_a_kind_twice_is_applying_it_once(fault):
    post = POSTS[fault.post]
    once = jobs.fix(post.planted(fault), paths=post.paths, ids=[fault.id])["versions"]
    assert once != post.planted(fault)
    assert jobs.fix(once, paths=post.paths, ids=[fault.id])["versions"] == once
