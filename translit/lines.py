"""Line and column of a character offset, with CR, LF and CRLF all ending a line.

Editors' tools, CI annotations and SARIF viewers count lines the way the
editor shows them; a file saved on old Mac OS (CR) or Windows (CRLF) must
get the same line numbers as its LF copy.
"""

from __future__ import annotations

import bisect
import re

LINE_END = re.compile(r"\r\n|\r|\n")


class Lines:
    """Line starts of a text: any offset becomes a 1-based (line, column) in O(log n)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in LINE_END.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def line_starts(text: str) -> list[int]:
    """The offset at which every line of ``text`` starts (the first is 0)."""
    return Lines(text).starts


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of one offset (for many offsets of one text use :class:`Lines`)."""
    # one character past the offset, so an offset between CR and LF stays on the CR's line
    return Lines(text[: offset + 1]).position(offset)


__all__ = ["LINE_END", "Lines", "line_column", "line_starts"]
