"""Accepting a finding: inline ``translit: ignore[...]`` markers and a baseline file.

An **inline marker** is an HTML comment, the same in Markdown, HTML and plain
text, so it survives every format and is invisible wherever the post is
rendered as HTML::

    <!-- translit: ignore[glossary.ambiguous] -->
    <!-- translit: ignore[typography, people.spelling] -->

It names check ids or families (never "everything"). On a line of its own it
covers the next block (paragraph, heading, list item, HTML element); beside
other text it covers the line it stands on. A marker that suppressed nothing is
itself reported (``suppression.unused``, info). ``translit post`` drops the
markers from the versions it writes.

A **baseline** is a JSON file of accepted findings, written by
``translit check --write-baseline FILE`` and read by ``--baseline FILE``. A
finding is keyed by its file, its check and its fingerprint (the
finding's text and a few words around it), never by line numbers, so adding a
paragraph above it does not bring it back; editing the sentence it is in does.
"""

from __future__ import annotations

import bisect
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .base import CheckSpec
from ..errors import InputError
from ..lines import line_starts
from ..reading.markers import MARKER, holds_only_markers
from ..textio import read_data_file

if TYPE_CHECKING:
    from .base import Emitter, Finding, Post

BASELINE_SCHEMA = "translit.baseline/1"

CHECKS = [
    CheckSpec("suppression.unused", "info", "A translit: ignore[...] marker that suppressed nothing, or names no check."),
]


@dataclass(frozen=True)
class Marker:
    """One inline marker: where it is, the ids and families it names, and the span it covers."""

    start: int
    end: int
    names: tuple[str, ...]
    scope: tuple[int, int]


def find_markers(text: str, blocks: Sequence[Any]) -> list[Marker]:
    """The markers of one version; ``blocks`` (with ``start``/``end``) are its blocks in reading order."""
    markers: list[Marker] = []
    if "translit:" not in text:
        return markers
    starts = line_starts(text)
    for match in MARKER.finditer(text):
        line = bisect.bisect_right(starts, match.start()) - 1
        line_start = starts[line]
        line_end = starts[line + 1] if line + 1 < len(starts) else len(text)
        names = tuple(name.strip() for name in (match.group("names") or "").split(",") if name.strip())
        if not holds_only_markers(text[line_start:line_end]):
            scope = (line_start, line_end)
        else:
            block = next((block for block in blocks if block.end > line_end), None)
            scope = (max(block.start, line_end), block.end) if block is not None else (line_end, line_end)
        markers.append(Marker(match.start(), match.end(), names, scope))
    return markers


def _covers(name: str, check_id: str) -> bool:
    return check_id == name or check_id.startswith(name + ".")


def apply_markers(post: Post, findings: Iterable[Finding], out: Emitter) -> list[Finding]:
    """``findings`` with those under a marker marked ``suppressed="inline"``, plus ``out``'s unused-marker findings."""
    markers = {version.lang: find_markers(version.text, version.blocks) for version in post.versions}
    used: set[tuple[str, int, str]] = set()
    result: list[Finding] = []
    for finding in findings:
        hits = [
            (index, name)
            for index, marker in enumerate(markers.get(finding.version, ()))
            if marker.scope[0] <= finding.start < max(marker.scope[1], marker.scope[0] + 1)
            for name in marker.names
            if _covers(name, finding.id)
        ]
        used.update((finding.version, index, name) for index, name in hits)
        result.append(replace(finding, suppressed="inline") if hits else finding)
    for version in post.versions:
        for index, marker in enumerate(markers[version.lang]):
            if not marker.names:
                out("suppression.unused", version, marker.start, marker.end,
                    "This marker names no check; write the ids or families it accepts: ignore[glossary.ambiguous].")
            for name in marker.names:
                covered = [check_id for check_id in out.specs if _covers(name, check_id)]
                if not covered:
                    out("suppression.unused", version, marker.start, marker.end,
                        f"“{name}” in this marker names no check or family (see translit check --list-checks).")
                elif (version.lang, index, name) not in used and any(out.enabled(check_id) for check_id in covered):
                    out("suppression.unused", version, marker.start, marker.end,
                        f"Nothing here is reported as {name}; remove it from the marker.")
    return result + out.findings


class Baseline:
    """Accepted findings, counted per (file, check, fingerprint), file names relative to the baseline's folder."""

    def __init__(self, root: Path, counts: Counter[tuple[str, str, str]] | None = None) -> None:
        self.root = root
        self.counts: Counter[tuple[str, str, str]] = counts or Counter()

    def key(self, finding: Finding) -> tuple[str, str, str]:
        return (self._relative(finding.path or f"<{finding.version}>"), finding.id, finding.fingerprint)

    def _relative(self, path: str) -> str:
        if path.startswith("<"):
            return path
        return Path(os.path.relpath(os.path.abspath(path), self.root)).as_posix()

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        """Read a baseline file; a bad one is a one-line error naming it."""
        source = Path(path)
        if not source.exists():
            raise InputError("no such baseline file (write one with --write-baseline)", path=source)
        text = read_data_file(source)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON: {exc.msg}", path=source, line=exc.lineno, column=exc.colno) from None
        if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA or not isinstance(data.get("findings"), list):
            raise InputError(f"not a translit baseline (expected schema {BASELINE_SCHEMA!r})", path=source)
        counts: Counter[tuple[str, str, str]] = Counter()
        for entry in data["findings"]:
            try:
                counts[(str(entry["path"]), str(entry["id"]), str(entry["fingerprint"]))] += int(entry.get("count", 1))
            except (KeyError, TypeError, ValueError):
                raise InputError("a baseline entry needs path, id and fingerprint", path=source) from None
        return cls(source.resolve().parent, counts)

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """``findings`` with those the baseline accepts marked ``suppressed="baseline"`` (each entry as often as counted)."""
        left = Counter(self.counts)
        result = []
        for finding in findings:
            key = self.key(finding)
            if finding.suppressed is None and left[key] > 0:
                left[key] -= 1
                finding = replace(finding, suppressed="baseline")
            result.append(finding)
        return result

    def write(self, path: str | Path, findings: Iterable[Finding], *, inputs: tuple[str | Path, ...] = ()) -> int:
        """Write the unsuppressed ``findings`` as a baseline at ``path`` (replacing it, never one of ``inputs``); returns how many."""
        from ..textio import write_text

        counts: Counter[tuple[str, str, str]] = Counter()
        texts: dict[tuple[str, str, str], str] = {}
        for finding in findings:
            if finding.suppressed is None:
                key = self.key(finding)
                counts[key] += 1
                texts.setdefault(key, " ".join(finding.text.split())[:80])
        entries = [
            {"path": key[0], "id": key[1], "fingerprint": key[2], "text": texts[key], "count": counts[key]} for key in sorted(counts)
        ]
        document = {"schema": BASELINE_SCHEMA, "findings": entries}
        write_text(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n", force=True, inputs=inputs)
        return sum(counts.values())


__all__ = ["BASELINE_SCHEMA", "Baseline", "CHECKS", "Marker", "apply_markers", "find_markers"]
