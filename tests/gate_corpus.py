"""The gate corpus of tests/data/gate, shared by its test and bench/bench_gate.py.

``posts/NAME.LANG.EXT`` are trilingual posts written for the evaluation (see the
README there); ``split.toml`` puts each in the development or the held-out half;
``faults.toml`` lists planted faults, each one edit of one clean post that must be
reported as a given check id in a given version at a given line.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from translit.checks.check import check_versions, language_from_name
from translit.checks.base import Finding
from translit.config import parse_config

DATA = Path(__file__).resolve().parent / "data" / "gate"
DEFAULTS = parse_config({})


@dataclass(frozen=True)
class Fault:
    """One planted fault: the edit that plants it and where it must be reported."""

    post: str
    version: str
    id: str
    line: int
    description: str
    old: str
    new: str


@dataclass
class Post:
    """A clean post: its texts and file names by language."""

    name: str
    texts: dict[str, str] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)

    def check(self, texts: dict[str, str] | None = None) -> list[Finding]:
        """The findings on the clean texts, or on ``texts`` (a faulty copy) under the same file names."""
        return check_versions(texts or self.texts, config=DEFAULTS, paths=self.paths)

    def planted(self, fault: Fault) -> dict[str, str]:
        """The texts with ``fault`` planted."""
        texts = dict(self.texts)
        assert texts[fault.version].count(fault.old) == 1, (fault.post, fault.old)
        texts[fault.version] = texts[fault.version].replace(fault.old, fault.new)
        return texts


def posts() -> dict[str, Post]:
    """Every post of the corpus by name."""
    found: dict[str, Post] = {}
    for path in sorted((DATA / "posts").iterdir()):
        name, lang = language_from_name(path)
        assert lang is not None, path
        post = found.setdefault(name, Post(name))
        post.texts[lang] = path.read_text(encoding="utf-8")
        post.paths[lang] = path.name
    return found


def split() -> dict[str, str]:
    """Post name -> "dev" or "held-out"."""
    table = tomllib.loads((DATA / "split.toml").read_text(encoding="utf-8"))
    return {name: half for half in ("dev", "held-out") for name in table[half]}


def faults() -> list[Fault]:
    """The planted faults, in file order."""
    table = tomllib.loads((DATA / "faults.toml").read_text(encoding="utf-8"))
    return [Fault(**entry) for entry in table["fault"]]


def found_at(fault: Fault, findings: Iterable[Finding]) -> str:
    """"right" when ``fault`` is reported at its version and line, "elsewhere" when only at another place, else "missed"."""
    same_id = [finding for finding in findings if finding.id == fault.id]
    if any(finding.version == fault.version and finding.line == fault.line for finding in same_id):
        return "right"
    return "elsewhere" if same_id else "missed"


def without_block(text: str, path: str, index: int) -> tuple[str, int]:
    """``text`` without its block ``index`` (and the blank lines after it), and the line where it was."""
    from translit.checks.blocks import split_blocks
    from translit.reading.document import format_for_path

    block = split_blocks(text, format_for_path(path, text))[index]
    start = text.rfind("\n", 0, block.start) + 1
    end = text.find("\n", block.end)
    end = len(text) if end < 0 else end + 1
    while end < len(text) and text[end] == "\n":
        end += 1
    cut = text[:start] + text[end:]
    return cut, cut.count("\n", 0, min(start, len(cut.rstrip()))) + 1


def deletions(post: Post) -> list[tuple[str, int, dict[str, str]]]:
    """(version, line, texts) for every non-image block deleted in turn from one version.

    The line is where the block belonged: where the next block now starts in that version.
    """
    from translit.checks.blocks import split_blocks
    from translit.reading.document import format_for_path

    out = []
    for lang, text in post.texts.items():
        for index, block in enumerate(split_blocks(text, format_for_path(post.paths[lang], text))):
            if block.kind != "image":
                cut, line = without_block(text, post.paths[lang], index)
                out.append((lang, line, dict(post.texts, **{lang: cut})))
    return out
