"""What the ``translit serve`` tests share: a real post with known faults, the service as a process, a browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GATE = ROOT / "tests" / "data" / "gate" / "posts"
SEED = ROOT / "examples" / "nlrk-2023-02-28.en.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# A post of the gate corpus with the corpus's own planted fault in English (a discouraged name, an error
# with a fix) and two spaces typed into the Russian version (a warning with a fix).
DISCOURAGED = ("The National Library of the Republic of Kazakhstan and", "The National Library of the RK and")
DOUBLE_SPACE = ("подписали соглашение", "подписали  соглашение")


def gate_post(name: str = "bae-assembly") -> dict[str, str]:
    """The three versions of a gate post, as written."""
    return {lang: next(GATE.glob(f"{name}.{lang}.*")).read_text(encoding="utf-8") for lang in ("en", "kk", "ru")}


def faulty_post() -> dict[str, str]:
    """bae-assembly with the two faults above; each replaced text occurs once."""
    versions = gate_post()
    for lang, (old, new) in (("en", DISCOURAGED), ("ru", DOUBLE_SPACE)):
        assert versions[lang].count(old) == 1, (lang, old)
        versions[lang] = versions[lang].replace(old, new)
    return versions


@contextmanager
def served(*options: str, cwd: Path | None = None) -> Iterator[str]:
    """``translit serve --port 0`` as a real process (uvicorn and its workers); yields the URL it announces."""
    process = subprocess.Popen(
        [sys.executable, "-m", "translit", "serve", "--port", "0", *options],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 180
        url = None
        while url is None and time.monotonic() < deadline:
            line = process.stderr.readline() if process.stderr else ""
            if not line:
                break
            lines.append(line)
            found = re.search(r"serving the review page at (http://\S+/)", line)
            url = found.group(1) if found else None
        assert url is not None, "translit serve did not start:\n" + "".join(lines)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def browser_missing() -> str | None:
    """Why no browser test can run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.exists(path) or shutil.which(Path(path).name)):
            return f"no {path}: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1366, height: int = 900) -> Iterator[object]:
    """Headless Chromium with a fresh profile, nothing reaching the network on its own."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    reason = browser_missing()
    if reason:
        pytest.skip(reason)
    profile = tempfile.mkdtemp(prefix="translit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium") or CHROMIUM
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", f"--window-size={width},{height}", "--lang=en-US",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER if os.path.exists(CHROMEDRIVER) else shutil.which("chromedriver")), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
