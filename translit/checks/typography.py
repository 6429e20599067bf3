"""Typography: quotation marks by language, balanced quotes and brackets, dashes, spaces, initials.

House style (news-conventions §3.5): « » in Kazakh and Russian (nested „ “),
“ ” in English (nested ‘ ’). Straight quotes in English are common CMS input
and many CMSs curl them on output, so they are ``info`` by default; set
``[check.options] en-quotes = "straight"`` if your house style keeps them, or
``"any"`` to silence the check. A hyphen between spaces stands for a dash:
— in Russian and English, – in Kazakh (``kk-dash``/``en-dash``/``ru-dash`` options); Russian
also writes the em dash where an en dash between spaces is typed.

Brackets and quotes are balanced per paragraph. Not reported: list enumerators ("1)", "а)"),
smileys (":)", ")))"), and the kk/ru convention of writing nested guillemets that open together
only once ("«Астана Бас жоспары» институты»", real akorda.kz headline).
"""

from __future__ import annotations

import re

from ..names.localize import DASHES, fix_quotes, quote_marks
from ..transliteration.alphabet import has_kazakh_letters
from .base import CheckSpec, Emitter, Post, Version, quote
from .glossary import mentions

CHECKS = [
    CheckSpec("typography.quotes", "warning", "Quotation marks not of the language's style (« » in kk/ru, “ ” in en).", fixable=True),
    CheckSpec("typography.unbalanced", "warning", "An opening quote or bracket without its closing one, or the reverse."),
    CheckSpec("typography.dash", "warning", "A hyphen between spaces used as a dash.", fixable=True),
    CheckSpec("typography.double-space", "warning", "Two or more spaces between words.", fixable=True),
    CheckSpec("typography.initials", "info", "No space between an initial and the surname (“Zh.Bekturova”).", fixable=True),
]

_STRAIGHT = re.compile(r'"')
# Each pattern starts with a character, the look-behind after it: a pattern starting with a look-behind is
# tried at every position of the prose, one starting with a character only where that character is
# (tests/test_fast_patterns.py holds the plain forms: " +- +" after a non-space, and so on).
_SPACED_HYPHEN = re.compile(r" (?<=[^\s\x00] ) *- +(?=[^\s\x00\d])")
_SPACED_EN_DASH = re.compile(r" (?<=[^\s\x00] ) *– +(?=[^\s\x00\d])")
_DOUBLE_SPACE = re.compile(r"[ \u00a0](?<=\S[ \u00a0])[ \u00a0]+(?=\S)")
_INITIAL = re.compile(r"((?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?<![\w.].)[a-zа-яё]?\.)(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яё]?\.)?)(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{2,})")
_ENUMERATOR = re.compile(r"(?:^|[\s;:])\w{1,2}\)$")
_GUILLEMETS = re.compile(r"«[^«»\n]*»")
_PAIRS = {"(": ")", "[": "]", "«": "»", "“": "”", "„": "“"}
# Every character the bracket and quote walk reacts to; the rest of the prose is skipped, not visited one by one.
_MARK_CHARS = "".join(_PAIRS) + ")]»”"
_MARKS = re.compile("[" + re.escape(_MARK_CHARS) + "]")
_MARKS_OR_STRAIGHT = re.compile("[" + re.escape(_MARK_CHARS + '"') + "]")


def run(post: Post, out: Emitter) -> None:
    """Typography checks on each version separately."""
    for version in post.versions:
        if out.enabled("typography.quotes") or out.enabled("typography.unbalanced"):
            en_style = str(out.config.option("en-quotes", "curly"))
            for block in version.blocks:
                # Outside its prose spans a block's prose is NUL, so a search of the block finds the spans' marks.
                if block.kind != "code" and _MARKS_OR_STRAIGHT.search(version.prose, block.start, block.end):
                    _quotes(version, block.prose_spans, en_style, out)
        if out.enabled("typography.dash"):
            dash = str(out.config.option(f"{version.lang}-dash", DASHES.get(version.lang, " — ")))
            for match in _SPACED_HYPHEN.finditer(version.prose):
                out("typography.dash", version, match.start(), match.end(), f"A hyphen between spaces stands for a dash here; write {quote(dash.strip())}.", fix=dash)
            if version.lang == "ru" and dash.strip() == "—":
                # An official name written with an en dash ("… Республики Казахстан – Елбасы") keeps it, and so does
                # a Kazakh title quoted in Russian («Мұхтар Әуезов – ұлы жазушы»): Kazakh writes the en dash.
                names = [(m.start, m.end) for m in mentions(post, version) if "–" in m.form]
                names += [q.span() for q in _GUILLEMETS.finditer(version.prose) if "–" in q.group() and has_kazakh_letters(q.group())]
                for match in _SPACED_EN_DASH.finditer(version.prose):
                    if any(a <= match.start() and match.end() <= b for a, b in names):
                        continue
                    out("typography.dash", version, match.start(), match.end(), "Russian uses the em dash between words; write “—”.", fix=dash)
        if out.enabled("typography.double-space"):
            for match in _DOUBLE_SPACE.finditer(version.prose):
                out("typography.double-space", version, match.start(), match.end(), "Two or more spaces between words.", fix=" ")
        if out.enabled("typography.initials"):
            for match in _INITIAL.finditer(version.prose):
                out("typography.initials", version, match.start(), match.end(), "Put a space between the initials and the surname.", fix=match.group(1) + " ")


def _quotes(version: Version, spans: list[tuple[int, int]], en_style: str, out: Emitter) -> None:
    text = version.prose
    lang = version.lang
    straight = [match.start() for start, end in spans for match in _STRAIGHT.finditer(text, start, end)]
    for first, second in _straight_pairs(text, spans, lang):
        fixed = fix_quotes(text[first : second + 1], lang)
        if lang in ("kk", "ru"):
            out("typography.quotes", version, first, second + 1, f"Use « » quotation marks in {'Kazakh' if lang == 'kk' else 'Russian'}.", fix=fixed)
        elif en_style == "curly":
            out("typography.quotes", version, first, second + 1, "Straight quotes; house style for English is “ ”.", fix=fixed, severity="info")
    if len(straight) % 2 and out.enabled("typography.unbalanced"):
        out("typography.unbalanced", version, straight[-1], straight[-1] + 1, 'An odd number of straight quotes ("): one is not closed.')
    stack: list[tuple[str, int]] = []
    closed_guillemets = 0
    for start, end in spans:
        for mark in _MARKS.finditer(text, start, end):
            position, char = mark.start(), mark.group()
            if char in "«" and lang == "en":
                close = text.find("»", position)
                if close != -1 and close < end:
                    out("typography.quotes", version, position, close + 1, "« » are not used in English; write “ ”.", fix="“" + text[position + 1 : close] + "”")
            elif char == "“" and lang in ("kk", "ru") and not any(opener in "«„" for opener, _ in stack):
                close = text.find("”", position)
                if close != -1 and close < end:
                    out("typography.quotes", version, position, close + 1, f"Use « » quotation marks in {'Kazakh' if lang == 'kk' else 'Russian'}.", fix="«" + text[position + 1 : close] + "»")
            if char == "“" and stack and stack[-1][0] == "„":
                stack.pop()
            elif char in _PAIRS:
                stack.append((char, position))
            elif char in ")]»”":
                if stack and _PAIRS[stack[-1][0]] == char:
                    stack.pop()
                    closed_guillemets += char == "»"
                elif char == "»" and closed_guillemets and lang in ("kk", "ru"):
                    # «Астана Бас жоспары» институты»: nested quotes that open together are written once.
                    closed_guillemets -= 1
                elif char == ")" and _ENUMERATOR.search(text[max(start, position - 4) : position + 1]):
                    continue
                elif char == ")" and (text[position - 1 : position] in (":", ";", "-", ")") or text[position + 1 : position + 2] == ")"):
                    continue  # a smiley, ":)" or ")))"
                elif char == "”" and any(opener == "“" for opener, _ in stack):
                    while stack and stack[-1][0] != "“":
                        _unclosed(version, stack.pop(), out)
                    stack.pop()
                elif out.enabled("typography.unbalanced"):
                    out("typography.unbalanced", version, position, position + 1, f"{quote(char)} closes nothing: its opening mark is missing.")
    for item in stack:
        _unclosed(version, item, out)


def _straight_pairs(text: str, spans: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    """The outermost pairs of straight quotes of a block, each quote opening or closing by the characters
    around it, so a quotation with a quoted name inside ("… given to "Judicial office" service …") is one pair."""
    pairs = []
    for start, end in spans:
        opened: list[int] = []
        for position, opening, _depth in quote_marks(text[start:end], lang):
            if text[start + position] != '"':
                continue
            if opening:
                opened.append(start + position)
            elif opened:
                first = opened.pop()
                if not opened:
                    pairs.append((first, start + position))
    return pairs


def _unclosed(version: Version, item: tuple[str, int], out: Emitter) -> None:
    char, position = item
    if out.enabled("typography.unbalanced"):
        out("typography.unbalanced", version, position, position + 1, f"{quote(char)} is never closed: add {quote(_PAIRS[char])}.")
