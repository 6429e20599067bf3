"""The review page as an editor uses it: headless Chromium on a ``translit serve`` process this test starts.

Skipped, saying why, where Debian's chromium and chromium-driver are not
installed. With TRANSLIT_SCREENSHOTS=DIR the screenshots docs/serve.md shows
are written there (``TRANSLIT_SCREENSHOTS=docs/img python -m pytest tests/test_serve_browser.py``).
"""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import pytest

from serve_support import DISCOURAGED, DOUBLE_SPACE, GATE, browser_missing, chromium, faulty_post, served

pytest.importorskip("starlette")
pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=browser_missing() or "")

WAIT = 60


@pytest.fixture(scope="module")
def service():
    with served("--workers", "1") as url:
        yield url


@pytest.fixture
def browser():
    with chromium() as driver:
        yield driver


def _screenshot(driver, name: str, tmp_path: Path) -> None:
    """Into the test's folder always; into TRANSLIT_SCREENSHOTS (docs/img) when asked."""
    driver.save_screenshot(str(tmp_path / name))
    folder = os.environ.get("TRANSLIT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / name))


def _wait(driver, condition, message: str):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # the page draws the review anew after every check, so an element found a moment ago may be gone
    return WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,)).until(condition, message=message)


def _paste(driver, versions: dict[str, str]) -> None:
    """Put each version into its box as a paste does (one input event), then wait for the check."""
    for lang, text in versions.items():
        driver.execute_script(
            "const box = document.getElementById('text-' + arguments[0]); box.value = arguments[1];"
            "box.dispatchEvent(new Event('input', {bubbles: true}));",
            lang,
            text,
        )
    _wait(driver, lambda d: d.find_elements("css selector", "table.columns"), "the review never appeared")


def _severe_logs(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _api(url: str, route: str, body: dict) -> dict:
    request = urllib.request.Request(url + "api/" + route, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.loads(answer.read())


def test_columns_findings_and_a_fix(service, browser, tmp_path):
    versions = faulty_post()
    expected = _api(service, "review", {"versions": versions})["review"]
    browser.get(service)
    assert browser.title == "translit review"
    _paste(browser, versions)

    # the columns: one header per language, one row per aligned paragraph, each cell the paragraph's text
    headers = [th.text for th in browser.find_elements("css selector", "table.columns th")]
    assert [h.split("\n")[0] for h in headers] == ["English (en)", "Kazakh (kk)", "Russian (ru)"]
    rows = browser.find_elements("css selector", "table.columns tbody tr")
    assert len(rows) == len(expected["rows"])
    for row, aligned in zip(rows, expected["rows"]):
        for cell, lang in zip(row.find_elements("css selector", "td"), expected["langs"]):
            start, end, _ = expected["versions"][lang]["blocks"][aligned["blocks"][lang][0]]
            assert cell.get_attribute("textContent") == versions[lang][start:end]

    # the findings, highlighted where they are: the discouraged name in English, the two spaces in Russian
    marks = browser.find_elements("css selector", "mark.finding")
    assert {(m.find_element("xpath", "./ancestor::td").get_attribute("data-lang"), m.get_attribute("textContent")) for m in marks} == {
        ("en", "National Library of the RK"),
        ("ru", "  "),
    }
    error = browser.find_element("css selector", "mark.finding.sev-error")
    assert "is not the official form" in error.get_attribute("title")
    row_of = error.find_element("xpath", "./ancestor::tr")
    assert DOUBLE_SPACE[1] in row_of.find_elements("css selector", "td")[2].get_attribute("textContent")
    _screenshot(browser, "serve-review.png", tmp_path)

    # select the error from the keyboard, apply its fix
    browser.find_element("tag name", "body").send_keys("j")
    selected = browser.find_element("css selector", "aside.findings li.selected")
    assert "glossary.discouraged" in selected.text and "fix: National Library of the Republic of Kazakhstan" in selected.text
    selected.find_element("css selector", 'button[data-action="apply"]').click()
    _wait(browser, lambda d: d.find_elements("css selector", ".changes"), "the applied fix was not shown")
    english = browser.find_element("id", "text-en").get_attribute("value")
    assert english == versions["en"].replace(DISCOURAGED[1], DISCOURAGED[0])
    assert browser.find_element("id", "text-ru").get_attribute("value") == versions["ru"]
    inserted = [node.text for node in browser.find_elements("css selector", "table.columns ins.applied")]
    assert inserted == ["National Library of the Republic of Kazakhstan"]
    assert [m.get_attribute("textContent") for m in browser.find_elements("css selector", "mark.finding")] == ["  "]
    assert "1 fix applied" in browser.find_element("css selector", ".changes").text
    assert not browser.find_elements("css selector", "li.selected")  # the fixed finding is gone, nothing else is chosen
    browser.execute_script("document.querySelector('.changes').scrollIntoView()")
    _screenshot(browser, "serve-fixed.png", tmp_path)

    # the corrected files, downloaded: the fixed English, the other versions as they were
    downloads = tmp_path / "downloads"
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.find_element("id", "download").click()
    names = ["post.en.txt", "post.kk.txt", "post.ru.txt"]
    _wait(browser, lambda d: downloads.is_dir() and sorted(p.name for p in downloads.iterdir()) == names, "the files were not downloaded")
    assert (downloads / "post.en.txt").read_text(encoding="utf-8") == english
    assert (downloads / "post.ru.txt").read_text(encoding="utf-8") == versions["ru"]
    assert _severe_logs(browser) == []


def test_filters_and_typing(service, browser):
    versions = faulty_post()
    browser.get(service)
    _paste(browser, versions)
    browser.find_element("id", "filter-severity-warning-0").click()
    assert [m.get_attribute("textContent") for m in browser.find_elements("css selector", "mark.finding")] == ["National Library of the RK"]
    browser.find_element("id", "filter-severity-warning-0").click()
    browser.find_element("id", "filter-family-glossary-0").click()
    assert [m.get_attribute("textContent") for m in browser.find_elements("css selector", "mark.finding")] == ["  "]
    assert "1 finding shown" in browser.find_element("css selector", "aside.findings h2").text

    # typing the name right: the page checks again by itself a moment later, and the error is gone
    box = browser.find_element("id", "text-en")
    browser.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);", box,
                           versions["en"].index("RK and"), versions["en"].index("RK and") + 2)
    box.send_keys("Republic of Kazakhstan")
    _wait(browser, lambda d: "1 warning" in d.find_element("css selector", ".toolbar .status").text
          and "0 errors" in d.find_element("css selector", ".toolbar .status").text, "no re-check after typing")


def test_upload_the_files(service, browser, tmp_path):
    names = []
    for lang, text in faulty_post().items():
        path = tmp_path / f"bae-assembly.{lang}.md"
        path.write_text(text, encoding="utf-8")
        names.append(str(path))
    browser.get(service)
    browser.find_element("id", "files").send_keys("\n".join(names))
    _wait(browser, lambda d: d.find_elements("css selector", "mark.finding"), "uploaded files were not checked")
    headers = [th.text for th in browser.find_elements("css selector", "table.columns th")]
    assert headers[0].endswith("bae-assembly.en.md")


def test_a_draft_becomes_three_columns(service, browser):
    draft = (GATE / "bae-assembly.en.md").read_text(encoding="utf-8")
    browser.get(service)
    browser.find_element("css selector", 'input[name="mode"][value="draft"]').click()
    browser.execute_script("document.getElementById('draft').value = arguments[0];", draft)
    browser.find_element("id", "make").click()
    _wait(browser, lambda d: d.find_element("id", "text-kk").get_attribute("value"), "no versions were made")
    _wait(browser, lambda d: d.find_elements("css selector", "table.columns"), "the versions were not checked")
    kazakh = browser.find_element("id", "text-kk").get_attribute("value")
    assert "2024 жылғы 15–16 қазанда" in kazakh or "[[untranslated:en]]" in kazakh
    assert len(browser.find_elements("css selector", "table.columns th")) == 3


def test_the_html_report_is_the_same_view(browser, tmp_path, capsys):
    from cli_run import run

    for lang, text in faulty_post().items():
        (tmp_path / f"bae-assembly.{lang}.md").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path), "--output-format", "html")
    assert code == 1
    report = tmp_path / "report.html"
    report.write_text(out, encoding="utf-8")
    browser.get(report.as_uri())
    marks = browser.find_elements("css selector", "mark.finding")
    assert sorted(m.get_attribute("textContent") for m in marks) == ["  ", "National Library of the RK"]
    assert len(browser.find_elements("css selector", "table.columns tbody tr")) == len(browser.find_elements("css selector", "table.columns tbody tr td[data-lang=en]"))
    assert not browser.find_elements("css selector", 'button[data-action="apply"]')  # a report reads, it does not edit
    _screenshot(browser, "check-report.png", tmp_path)
    assert _severe_logs(browser) == []
