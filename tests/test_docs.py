"""The documentation cannot rot: its links resolve and the Python API page runs.

Every relative link of README.md, bench/README.md and docs/*.md must name a file that exists and,
with ``#anchor``, a heading of that file (GitHub's anchor rules). Every example
block of docs/python.md is a doctest, run here against the installed package, and
README's Python example gives the results its comments show.
"""

from __future__ import annotations

import doctest
import re
import unicodedata
from pathlib import Path

import pytest

import translit

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", ROOT / "bench" / "README.md", *sorted(DOCS.glob("*.md"))]

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)


def _prose(text: str) -> str:
    """The text outside fenced code blocks and inline code, where links are links."""
    text = _FENCE.sub("", text)
    text = re.sub(r"``.+?``", "", text)
    return re.sub(r"`[^`]+`", "", text)


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"<[^>]+>", "", heading)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.lower().replace("`", "")
    kept = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LNM")
    return kept.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every anchor a page's headings give, with GitHub's -1, -2 suffixes for repeats."""
    seen: dict[str, int] = {}
    result = set()
    for match in _HEADING.finditer(_FENCE.sub("", page.read_text(encoding="utf-8"))):
        base = _anchor(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        result.add(base if count == 0 else f"{base}-{count}")
    return result


def links(page: Path) -> list[str]:
    return [target for target in _LINK.findall(_prose(page.read_text(encoding="utf-8")))
            if not re.match(r"[a-z][a-z0-9+.-]*:", target, re.I)]


def test_anchor_rules_match_githubs():
    assert _anchor("Configuration: `translit.toml` (or `[tool.translit]` in `pyproject.toml`)") == \
        "configuration-translittoml-or-tooltranslit-in-pyprojecttoml"
    assert _anchor("Families and `--disable`") == "families-and---disable"
    assert _anchor("bench_recover.py — Latin-Kazakh recovery") == "bench_recoverpy--latin-kazakh-recovery"


def test_every_docs_page_is_in_the_index():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    listed = {Path(target.split("#")[0]).name for target in links(DOCS / "README.md")}
    missing = [page.name for page in DOCS.glob("*.md") if page.name != "README.md" and page.name not in listed]
    assert not missing, f"docs/README.md does not list {missing}"
    assert index.startswith("# ")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path):
    broken = []
    for target in links(page):
        path_part, _, fragment = target.partition("#")
        destination = (page.parent / path_part).resolve() if path_part else page
        if not destination.exists():
            broken.append(f"{target}: no such file")
        elif fragment and destination.suffix == ".md" and fragment not in anchors(destination):
            broken.append(f"{target}: no heading gives #{fragment}")
    assert not broken, f"{page.name}: " + "; ".join(broken)


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", text, re.S | re.M)


def test_every_python_block_of_the_api_page_is_a_doctest():
    blocks = _python_blocks((DOCS / "python.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 8
    assert all(">>> " in block for block in blocks), "every example on docs/python.md runs as a doctest"


def test_every_exported_name_is_described_and_run_on_the_api_page():
    text = (DOCS / "python.md").read_text(encoding="utf-8")
    examples = "\n".join(_python_blocks(text))
    undescribed = [name for name in translit.__all__ if f"| `{name}" not in text]
    unrun = [name for name in translit.__all__ if not re.search(rf"translit\.{name}\b", examples)]
    assert not undescribed, f"docs/python.md has no table row for {undescribed}"
    assert not unrun, f"no example on docs/python.md uses {unrun}"


def test_the_api_page_runs(tmp_path, monkeypatch):
    # No translit.toml and no translation memory of the machine's user: the outputs are the page's.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    text = "\n".join(_python_blocks((DOCS / "python.md").read_text(encoding="utf-8")))
    test = doctest.DocTestParser().get_doctest(text, {}, "docs/python.md", str(DOCS / "python.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    failures: list[str] = []
    runner.run(test, out=failures.append)
    assert runner.failures == 0, "".join(failures)


_SHOWN_RESULT = re.compile(r"^(?P<code>\S.*?)\s+# (?P<shown>'.*')\s*$")


def test_the_readme_python_example_gives_what_it_shows(tmp_path, monkeypatch):
    # README shows each result as a comment: `call(...)    # 'result'`; every one is run and compared.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    namespace: dict[str, object] = {}
    shown = 0
    for block in _python_blocks((ROOT / "README.md").read_text(encoding="utf-8")):
        statement: list[str] = []
        for line in block.splitlines():
            match = _SHOWN_RESULT.match(line)
            if match and not statement:
                assert repr(eval(match["code"], namespace)) == match["shown"], line
                shown += 1
                continue
            statement.append(line)
            source = "\n".join(statement)
            try:
                code = compile(source, "README.md", "exec")
            except SyntaxError:
                continue  # a statement running over several lines
            exec(code, namespace)
            statement = []
    assert shown >= 1, "README's From Python example shows no result to check"
