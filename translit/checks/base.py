"""Findings, check specifications and the per-post context every check family shares."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import LANG_NAMES, Config
from ..lines import Lines
from ..reading.markers import mask_markers
from .blocks import Block, split_blocks

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Finding:
    """One problem in one version of a post.

    ``line`` and ``column`` are 1-based and point into that version's text;
    ``start``/``end`` are the same place as character offsets, and ``end_line``/
    ``end_column`` where it ends, the character just after it (equal to
    ``line``/``column`` for a place where something is missing). ``fix`` is the
    suggested replacement for ``text`` when one exists; ``fixable`` says that
    ``translit check --fix`` may apply it without an editor's judgement.
    ``fingerprint`` identifies the finding by its check, text and a little
    context, not by its line, so a baseline survives edits elsewhere;
    ``suppressed`` is "inline" or "baseline" when an editor accepted it
    (see :mod:`translit.checks.suppress`).
    """

    id: str
    severity: str
    version: str
    line: int
    column: int
    text: str
    message: str
    fix: str | None = None
    fixable: bool = False
    start: int = 0
    end: int = 0
    path: str | None = None
    end_line: int = 0
    end_column: int = 0
    fingerprint: str = ""
    suppressed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (schema translit.check/1)."""
        return {
            "id": self.id,
            "severity": self.severity,
            "version": self.version,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.start,
            "length": self.end - self.start,
            "text": self.text,
            "message": self.message,
            "fix": self.fix,
            "fixable": self.fixable,
            "fingerprint": self.fingerprint,
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class CheckSpec:
    """What a check id means: the default severity, whether --fix applies it, one line of docs."""

    id: str
    severity: str
    summary: str
    fixable: bool = False
    pair: bool = False  # needs two or more versions


class Version:
    """One language version of a post, with what every check needs precomputed."""

    def __init__(self, lang: str, text: str, path: str | None = None, fmt: str = "auto") -> None:
        self.lang = lang
        self.text = text
        self.path = path
        # checks never see the editor's ignore markers: blanked, not removed, so offsets stay
        analysed = mask_markers(text)
        self.blocks: list[Block] = split_blocks(analysed, fmt)
        self._lines = Lines(text)  # \r\n, \r and \n each end a line
        self.prose = _prose(analysed, self.blocks)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        return self._lines.position(offset)

    def block_at(self, offset: int) -> int | None:
        """Index of the block containing ``offset``."""
        for index, block in enumerate(self.blocks):
            if block.start <= offset < max(block.end, block.start + 1):
                return index
        return None


def _prose(text: str, blocks: Sequence[Block]) -> str:
    """``text`` with everything that is not running prose (markup, link targets, code) blanked to NUL.

    Offsets stay those of ``text``; NUL is neither a space nor a word character,
    so no check sees a double space or a number where markup was.
    """
    pieces: list[str] = []
    done = 0  # everything before this offset is in pieces
    for start, end in sorted(span for block in blocks if block.kind != "code" for span in block.prose_spans):
        if end <= done:
            continue
        if start > done:
            pieces.append("\x00" * (start - done))
        pieces.append(text[max(start, done) : end])
        done = end
    pieces.append("\x00" * (len(text) - done))
    return "".join(pieces)


@dataclass
class Post:
    """The versions of one post, in the order en, kk, ru, and the configuration to check them by."""

    versions: list[Version]
    config: Config
    name: str = ""
    cache: dict[str, Any] = field(default_factory=dict)


class Emitter:
    """Collects findings, applying the configuration (enabled checks, severities)."""

    def __init__(self, config: Config, specs: dict[str, CheckSpec]) -> None:
        self.config = config
        self.specs = specs
        self.findings: list[Finding] = []

    def enabled(self, check_id: str) -> bool:
        """Whether ``check_id`` is on; families skip work for checks that are off."""
        return self.config.is_enabled(check_id)

    def __call__(
        self,
        check_id: str,
        version: Version,
        start: int,
        end: int,
        message: str,
        *,
        fix: str | None = None,
        fixable: bool | None = None,
        severity: str | None = None,
    ) -> None:
        spec = self.specs[check_id]
        if not self.config.is_enabled(check_id):
            return
        line, column = version.position(start)
        end_line, end_column = version.position(end)
        self.findings.append(
            Finding(
                id=check_id,
                severity=self.config.severity(check_id, severity or spec.severity),
                version=version.lang,
                line=line,
                column=column,
                text=version.text[start:end],
                message=message,
                fix=fix,
                fixable=spec.fixable if fixable is None else (fixable and spec.fixable),
                start=start,
                end=end,
                path=version.path,
                end_line=end_line,
                end_column=end_column,
                fingerprint=fingerprint(check_id, version.text, start, end),
            )
        )


_FINGERPRINT_CONTEXT = 24  # characters either side of a finding that its fingerprint includes


def fingerprint(check_id: str, text: str, start: int, end: int) -> str:
    """A finding's identity that does not move with it: the check, its text and the words just around it."""
    before = " ".join(text[max(0, start - _FINGERPRINT_CONTEXT) : start].split())
    after = " ".join(text[end : end + _FINGERPRINT_CONTEXT].split())
    span = " ".join(text[start:end].split())
    return hashlib.sha256(f"{check_id}\0{before}\0{span}\0{after}".encode()).hexdigest()[:16]


def quote(text: str, limit: int | None = None) -> str:
    """``text`` in quotes for a message, on one line; shortened at the end only when ``limit`` is given.

    Names and suggested fixes are quoted whole (a cut suggestion cannot be used); ``limit``
    is for excerpts of the text under discussion, such as a whole paragraph.
    """
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        # The beginning says which paragraph it is; cut at a word so no word is broken.
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—–-") + "…"
    return f"“{text}”"


EXCERPT = 70
"""How long an excerpt of a paragraph or sentence in a message may be."""
