"""The editor's inline ``translit: ignore[...]`` markers, as text: found, blanked, removed.

A marker is an HTML comment (see :mod:`translit.checks.suppress` for what it
accepts). The checks read a version with its markers blanked
(:func:`mask_markers`) and ``translit post`` writes versions without them
(:func:`strip_markers`); both work on plain text, below everything that
reads a post, so the checks and the versions share this one definition.
"""

from __future__ import annotations

import re

from ..lines import line_starts

MARKER = re.compile(r"<!--[ \t]*translit:[ \t]*ignore(?:\[(?P<names>[^\]\r\n]*)\])?[ \t]*-->")


def _lines(text: str) -> list[str]:
    """The lines of ``text`` with their line ends (CR, LF or CRLF, as :mod:`translit.lines` counts them)."""
    starts = line_starts(text)
    return [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)])]


def holds_only_markers(line: str) -> bool:
    """Whether ``line`` holds nothing but markers and white space."""
    return not MARKER.sub("", line).strip()


def mask_markers(text: str) -> str:
    """``text`` as the checks read it: markers blanked, offsets unchanged.

    A line of markers alone becomes a blank line (it separates blocks the way
    an HTML comment does); a marker beside text becomes NUL, which the checks
    read as markup, so it adds no space between words.
    """
    if "translit:" not in text:
        return text
    lines = _lines(text)
    for index, line in enumerate(lines):
        if MARKER.search(line):
            fill = " " if holds_only_markers(line) else "\x00"
            lines[index] = MARKER.sub(lambda match: fill * len(match.group()), line)
    return "".join(lines)


def strip_markers(text: str) -> str:
    """``text`` without its markers: a line that held only markers goes entirely, with its line end."""
    if "translit:" not in text:
        return text
    out: list[str] = []
    for line in _lines(text):
        if not MARKER.search(line):
            out.append(line)
        elif not holds_only_markers(line):
            out.append(re.sub(r"[ \t]*" + MARKER.pattern, "", line))
    return "".join(out)


__all__ = ["MARKER", "holds_only_markers", "mask_markers", "strip_markers"]
