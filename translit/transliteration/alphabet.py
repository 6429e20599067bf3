"""What the letters alone say about a text: the two Cyrillic orthographies and
the quick guess several steps make before (or without) statistical detection."""

from __future__ import annotations

import re

ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
}
# ә ғ қ ң ө ұ ү һ і: a text with any of them is not Russian.
KAZAKH_ONLY = "".join(sorted(set(ALPHABETS["kk"]) - set(ALPHABETS["ru"])))

# The stdlib ``re`` (not ``regex``) keeps ``translit romanize`` quick to start.
_KAZAKH_ONLY = re.compile(f"[{KAZAKH_ONLY}{KAZAKH_ONLY.upper()}]")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")


def has_kazakh_letters(text: str) -> bool:
    """Whether ``text`` has a letter of Kazakh that Russian lacks."""
    return _KAZAKH_ONLY.search(text) is not None


def guess_by_letters(text: str) -> str:
    """``en`` when most letters are not Cyrillic, else ``kk`` or ``ru`` by the
    Kazakh-only letters; ``und`` for a text without letters."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return "und"
    if len(_CYRILLIC.findall(text)) * 2 < letters:
        return "en"
    return "kk" if has_kazakh_letters(text) else "ru"
