"""The words the name checks read (``checks.names.runs``) and the glossary's tokens, against the plain
regex definitions they stand for: both are cut with str methods for speed, and must cut the same."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from translit.checks.check import post_of
from translit.checks.names import person_names, runs
from translit.config import Config
from translit.names.glossary import _NOT_WORD, tokens

# A word of a name: letters, with apostrophes inside (O'Brien); words of one run are joined by spaces or one hyphen.
NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
JOINER = re.compile(r"[ \u00a0]+|-")
# A glossary token: letters, combining marks and digits.
TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")

PIECES = st.sampled_from(
    ["Абай", "Құнанбайұлы", "ұлттық", "kitaphana", "O’Brien", "d'Arc", "NLRK", "Nur", "Sultan", "é", "е\u0301",
     "2024", "x5y", "_", " ", "  ", "\u00a0", "-", " - ", "—", ", ", ". ", "\n", "\n\n", "«", "»", "'", "(", ")", "²", "\t", ":"]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def reference_runs(text: str, start: int, end: int) -> list[list[tuple[str, int, int]]]:
    """Words by the regex, a new run wherever what stands between two words is not one joiner."""
    found: list[list[tuple[str, int, int]]] = []
    previous = None
    for match in NAME_WORD.finditer(text, start, end):
        if previous is None or not JOINER.fullmatch(text, previous, match.start()):
            found.append([])
        found[-1].append((match.group(), match.start(), match.end()))
        previous = match.end()
    return found


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_runs_cut_the_words_as_the_regex_does(text: str) -> None:
    version = post_of({"kk": text}, config=Config(), formats={"kk": "text"}).versions[0]
    expected = [
        run
        for block in version.blocks
        if block.kind != "code"
        for start, end in block.prose_spans
        for run in reference_runs(version.prose, start, end)
    ]
    kinds = frozenset(block.kind for block in version.blocks)
    assert [[(word.text, word.start, word.end) for word in run] for run in runs(version, kinds)] == expected


def test_only_a_sentence_start_is_initial() -> None:
    version = post_of({"en": "The reading room of Abai Library opened. Mukhtar Auezov  wrote in Nur-Sultan.\n"}, config=Config()).versions[0]
    found = [[(word.text, word.initial) for word in run] for run in runs(version)]
    assert found == [
        [("The", True), ("reading", False), ("room", False), ("of", False), ("Abai", False), ("Library", False), ("opened", False)],
        [("Mukhtar", True), ("Auezov", False), ("wrote", False), ("in", False), ("Nur", False), ("Sultan", False)],
    ]
    names = [(name.text, name.surname) for name in person_names(version)]
    assert names == [("Mukhtar", False), ("Auezov", True)]


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_glossary_tokens_are_the_regex_tokens(text: str) -> None:
    assert tokens(text) == [(match.group(), *match.span()) for match in TOKEN.finditer(text)]


def test_what_tokens_strip_is_never_part_of_a_word() -> None:
    assert TOKEN.search(_NOT_WORD) is None
