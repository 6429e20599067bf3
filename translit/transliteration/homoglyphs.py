"""Latin letters that look Cyrillic (and back), as pasted text mixes them.

``Kазахстан`` with a Latin K looks right and breaks every search, glossary
match and transliteration. A word is repaired only when it is mostly one
script and every foreign letter in it has a look-alike, so real mixed tokens
(``iPhone``, ``COVID-19``) are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Only pairs that are indistinguishable in common fonts.
LATIN_TO_CYRILLIC = {
    "A": "А", "a": "а", "B": "В", "C": "С", "c": "с", "E": "Е", "e": "е", "H": "Н",
    "K": "К", "M": "М", "O": "О", "o": "о", "P": "Р", "p": "р", "T": "Т", "X": "Х",
    "x": "х", "y": "у",
}
# Kazakh і is U+0456; a Latin i typed in its place is the commonest slip.
LATIN_TO_CYRILLIC_KK = {**LATIN_TO_CYRILLIC, "i": "і", "I": "І"}
CYRILLIC_TO_LATIN = {cyr: lat for lat, cyr in LATIN_TO_CYRILLIC.items()}
CYRILLIC_TO_LATIN.update({"і": "i", "І": "I", "у": "y"})

_CYRILLIC = "\u0400-\u04ff"
# A Latin letter touching a Cyrillic one. Led by the Latin class so that the
# regular-expression engine skips Cyrillic text quickly.
MIXED_PAIR_CONTEXT = rf"(?:(?<=[{_CYRILLIC}][A-Za-z])|(?=[{_CYRILLIC}]))"
_MIXED_PAIR = re.compile(f"[A-Za-z]{MIXED_PAIR_CONTEXT}")


@dataclass(frozen=True)
class Homoglyph:
    """A word written in two scripts, and the same word in one."""

    start: int
    end: int
    text: str
    fixed: str
    script: str  # the script the word was restored to: "Cyrl" or "Latn"


def word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``text[start:end]`` to the whole run of letters it sits in."""
    while start and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end


def repair_word(word: str, lang: str | None) -> tuple[str, str] | None:
    """``(word in one script, that script)``, or None when the word is not a
    look-alike mix (both scripts present, every foreign letter a look-alike)."""
    cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in word if ch.isascii() and ch.isalpha())
    if not cyrillic or not latin:
        return None
    to_cyrillic = LATIN_TO_CYRILLIC_KK if lang == "kk" else LATIN_TO_CYRILLIC
    if cyrillic >= latin and all(ch in to_cyrillic for ch in word if ch.isascii() and ch.isalpha()):
        return "".join(to_cyrillic.get(ch, ch) for ch in word), "Cyrl"
    if latin > cyrillic and all(ch in CYRILLIC_TO_LATIN for ch in word if "\u0400" <= ch <= "\u04ff"):
        return "".join(CYRILLIC_TO_LATIN.get(ch, ch) for ch in word), "Latn"
    return None


def find_homoglyphs(text: str, lang: str | None = None) -> list[Homoglyph]:
    """Every mixed-script word that a look-alike substitution makes single-script."""
    found = []
    word_end = 0
    for pair in _MIXED_PAIR.finditer(text):
        if pair.start() < word_end:
            continue
        start, word_end = word_around(text, pair.start(), pair.end())
        word = text[start:word_end]
        repaired = repair_word(word, lang)
        if repaired is not None:
            found.append(Homoglyph(start, word_end, word, *repaired))
    return found
