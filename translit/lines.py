"""Line and column of a character offset, with CR, LF and CRLF all ending a line.

Editors' tools, CI annotations and SARIF viewers count lines the way the
editor shows them; a file saved on old Mac OS (CR) or Windows (CRLF) must
get the same line numbers as its LF copy.
"""

from __future__ import annotations

import bisect
import re

_LINE_END = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """The offset at which every line of ``text`` starts (the first is 0)."""
    return [0, *(match.end() for match in _LINE_END.finditer(text))]


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset``, given :func:`line_starts` of the text."""
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of one offset (for a few lookups; keep :func:`line_starts` for many)."""
    # one character past the offset, so an offset between CR and LF stays on the CR's line
    return position(line_starts(text[: offset + 1]), offset)


__all__ = ["line_column", "line_starts", "position"]
