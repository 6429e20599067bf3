"""Patterns written for speed find exactly what their plain forms find.

A regex that starts with a look-behind, a repeat or a group is tried at every position of the text;
one that starts with a character class is tried only where that class matches. The checks' patterns
are written the second way; here each is compared with the plain form it replaces, on generated text
and on the gate posts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit.checks import extract, language, typography
from translit.language import segment
from translit.reading import document

GATE = sorted((Path(__file__).resolve().parent / "data" / "gate" / "posts").iterdir())
PLAIN = [
    (typography._SPACED_HYPHEN, r"(?<=[^\s\x00]) +- +(?=[^\s\x00\d])"),
    (typography._SPACED_EN_DASH, r"(?<=[^\s\x00]) +– +(?=[^\s\x00\d])"),
    (typography._DOUBLE_SPACE, r"(?<=\S)[ \u00a0]{2,}(?=\S)"),
    (typography._INITIAL, r"(?<![\w.])((?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яё]?\.){1,2})(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{2,})"),
    (language._CYRILLIC_RUN, r"(?<![A-Za-z])[\u0400-\u04ff]+(?:[\s\-–—,.:;!?«»\"“”()]*[\u0400-\u04ff]+)*(?![A-Za-z])"),
    (extract._PHONE_LIKE, r"(?<![\w+])(?:\+\d{1,3}|8)[ \-‑]*\(?\d{2,5}\)?(?:[ \-‑]*\d){4,9}(?!\d)"),
    (extract._NUMBERED, r"(?<=\bNo\.)\d+|(?<=\bNo\. )\d+"),
    (segment._TERMINATOR, r"[.!?…]+"),
]
IDS = [plain[:24] for _, plain in PLAIN]
# What the patterns react to: spaces of both kinds, NUL (masked markup), dashes, stops, digits, initials.
ALPHABET = " \u00a0\x00\n\r\t-–—.!?…+8 No7(2)AaZБбЖқ«»“”,:;`<![*_\\"
PIECES = [*ALPHABET, "No.", "No. ", "Zh.", "Ж.Б.", "Бекмұрат", "+7 727 ", "8 701 ", "  \n"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(found.span(), found.groups()) for found in pattern.finditer(text)]


@pytest.mark.parametrize(("fast", "plain"), PLAIN, ids=IDS)
@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_fast_pattern_finds_what_the_plain_one_finds(fast: re.Pattern[str], plain: str, text: str) -> None:
    assert spans(fast, text) == spans(re.compile(plain, fast.flags), text)


@pytest.mark.parametrize(("fast", "plain"), PLAIN, ids=IDS)
def test_fast_pattern_on_the_gate_posts(fast: re.Pattern[str], plain: str) -> None:
    slow = re.compile(plain, fast.flags)
    for path in GATE:
        text = path.read_text(encoding="utf-8")
        assert spans(fast, text) == spans(slow, text), path.name


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_inline_markup_can_begin_where_the_plain_pattern_says(text: str) -> None:
    plain = re.compile(r"[`<!\[*_\\\r\n]| {2,}[\r\n]")  # a markup character, or the spaces of a hard break
    fast = document._MD_INLINE_START
    assert [i for i in range(len(text)) if fast.match(text, i)] == [i for i in range(len(text)) if plain.match(text, i)]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from([*" 0123:.AaPpMm", "10", "12:30", " p.m.", "am ", "Pm", "1x"]), max_size=40).map("".join))
def test_times_are_looked_for_only_where_the_hint_is(text: str) -> None:
    if extract._AM_PM.search(text):
        assert extract._AM_PM_HINT.search(text)
