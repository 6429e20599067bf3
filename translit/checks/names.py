"""Words and name-like phrases of a version, with what name checks need to know about them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Version

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words of one name are separated by spaces or a hyphen only; punctuation ends a run.
_JOINER = re.compile(r"[ \u00a0]+|-")
_OPENING = " \t\r\n\x00\"'«»“”„(["
_SENTENCE_END = (".", "!", "?", "…", ":")
BODY_KINDS = frozenset({"paragraph", "list_item", "quote", "cell"})


@dataclass(frozen=True)
class Word:
    """A word of the prose: ``initial`` when a capitalised word starts a sentence or a block."""

    text: str
    start: int
    end: int
    initial: bool


def runs(version: Version, kinds: frozenset[str] = BODY_KINDS) -> list[list[Word]]:
    """Runs of words joined only by spaces or hyphens, in blocks of the given kinds."""
    cache = version.__dict__.setdefault("_values", {})
    if "runs" not in cache:
        cache["runs"] = _all_runs(version)
    return [run for kind, run in cache["runs"] if kind in kinds]


def _all_runs(version: Version) -> list[tuple[str, list[Word]]]:
    text = version.prose
    result: list[tuple[str, list[Word]]] = []
    for block in version.blocks:
        if block.kind == "code":
            continue
        for span_start, span_end in block.prose_spans:
            current: list[Word] = []
            previous_end = -1
            for match in _WORD.finditer(text, span_start, span_end):
                start = match.start()
                if current:
                    gap = text[previous_end:start]
                    if gap != " " and not _JOINER.fullmatch(gap):
                        result.append((block.kind, current))
                        current = []
                word = match.group()
                initial = False
                if word[0].isupper():
                    window_start = max(block.start, start - 8)
                    before = text[window_start:start].rstrip(_OPENING)
                    initial = before.endswith(_SENTENCE_END) if before else window_start == block.start
                current.append(Word(word, start, match.end(), initial))
                previous_end = match.end()
            if current:
                result.append((block.kind, current))
    return result


def is_caps(word: str) -> bool:
    """An acronym or a word in capitals (NLRK, ТЕЛ)."""
    return len(word) > 1 and word.isupper()
