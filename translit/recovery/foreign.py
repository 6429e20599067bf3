"""What recovery leaves in Latin letters: links, e-mail addresses, hashtags, code, words with digits,
CamelCase, acronyms, brands, English words and English sentences, and Russian typed in Latin letters.

Kazakh news keeps such words in Latin letters ("Firefox браузері", "PDF форматында", "COVID-19"),
so reading them as Kazakh (фирефох, пдф) damages the text. Each rule here looks at the word as
typed; the English ones also at the sentence around it, since "men", "on" or "bar" are words of
both languages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from .lexicon import Lexicon
from .spelling import fold

_TLDS = "kz|ru|com|org|net|gov|edu|io|info|uz|kg|ua|by|de|uk|us|eu|tr|cn|fr|me|ai|app|dev"
_FILE_TYPES = "pdf|docx?|xlsx?|pptx?|txt|csv|zip|rar|jpe?g|png|gif|svg|mp[34]|exe|py|js|json|html?|xml"
# Each pattern runs only on a text with the character it needs (most prose has no @, no "://"),
# and its possessive quantifiers (++, *+) give up at once where a greedy run would backtrack
# through every letter of every word: one pattern of all of them took a tenth of the recovery.
_LINKS = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"«»“”]+?(?=[.,;:!?)\]»”\"']*(?:\s|$))", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]++@[\w-]+(?:\.[\w-]+)+")
_DOMAIN = re.compile(rf"\b(?:[\w-]++\.)++(?:{_TLDS})\b(?:/[^\s<>\"«»“”]*[^\s<>\"«»“”.,;:!?)])?", re.IGNORECASE)
# a hashtag or an @handle is a name a site searches by, as typed (#kitap, @nlrk): a Cyrillic one is another tag
_TAG = re.compile(r"(?<![\w@#])[#@]\w+")
_FILE = re.compile(rf"\b[\w-]++\.(?:{_FILE_TYPES})\b", re.IGNORECASE)
_CODE = re.compile(r"`[^`\n]+`|(?<!\S)[^\s_\\{}=]*+[_\\{}=]\S*")
# letters touching a digit (mp3, 4G, Python3); a Kazakh suffix after a number ("5-synyp", "1990
# zhyly") is read as Kazakh; a name before a number (COVID-19, Boeing-737; but KOVID-19, EKSPO-2017
# are КОВИД, ЭКСПО: see MODEL)
_DIGITS = re.compile(r"\b(?:[A-Za-z]++\d|\d++[A-Za-z])\w*")
_MODEL = re.compile(r"\b[A-Za-z]++(?=-\d)")
_HAS_DIGIT = re.compile(r"\d")
_HAS_DOT_LETTER = re.compile(r"\.\w")
MODEL = "name before a number"
"""Kept only when the name is English or listed (:func:`kept_as_typed`): else it is read."""
_CAMEL = re.compile(r"[a-z][A-Z]")
_ROMAN_NUMERAL = re.compile(r"(?=[IVXLC]{2})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
"""A Roman numeral of two letters or more up to 399 (XX, XXI, XIV): Kazakh Cyrillic text writes them in
Latin letters too (XXI ғасыр), so they are no Kazakh word typed in Latin (XX was read ХХ)."""
_UNIT_END = re.compile(r"[.!?\n\"«»“”„()\[\]]")
"""What ends a sentence or a quoted title: the unit an English/Kazakh decision is made for."""

ENGLISH_WORD = 330
"""Zipf frequency x 100 at which a word that is no Kazakh word is taken for English inside a
Kazakh sentence (about two in a million words of English): rarer entries of the English list
are often names, Kazakh words typed in Latin (kara, alma) or typos."""
ENGLISH_SENTENCE = 300
"""Zipf frequency x 100 at which a word counts for English when a sentence's language is weighed."""
ENGLISH_ALONE = 450
"""Zipf frequency x 100 at which a capitalised word alone in its line or title is English."""
ENGLISH_FIRST = 600
"""Zipf frequency x 100 from which a word of both languages counts for English when a sentence is
weighed, if Kazakh text seldom has it: in, at, by (ін, ат, би), not men, on, bar (мен, он, бар)."""
KAZAKH_RARE = 10
"""Corpus count below which a Kazakh reading is seldom written (ін 0, ат 2, би 2; іс 16, он 80)."""
SHORT_ACRONYM = 4
"""An ALL-CAPS word of up to this many letters that is no Kazakh word is an acronym even in an
ALL-CAPS line (SSL, NATO); a longer one there is a mistyped word of the title."""


def protected_spans(text: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """The links, e-mail addresses, domain and file names, code and words with digits of ``text``:
    (their starts, for :mod:`bisect`; (start, end, reason) each, the first of overlapping ones)."""
    found: list[tuple[int, int, str]] = []
    dotted = "." in text and bool(_HAS_DOT_LETTER.search(text))
    digits = bool(_HAS_DIGIT.search(text))
    for wanted, pattern, reason in (
        ("://" in text or "www." in text, _LINKS, "link"), ("@" in text, _EMAIL, "e-mail address"),
        ("#" in text or "@" in text, _TAG, "hashtag or handle"),
        (dotted, _DOMAIN, "domain name"), (dotted, _FILE, "file name"),
        (any(char in text for char in "`_\\{}="), _CODE, "code"),
        (digits, _DIGITS, "word with digits"), (digits and "-" in text, _MODEL, MODEL),
    ):
        if wanted:
            found += [(match.start(), match.end(), reason) for match in pattern.finditer(text)]
    spans: list[tuple[int, int, str]] = []
    for start, end, reason in sorted(found, key=lambda span: (span[0], -span[1])):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end, reason))
    return [start for start, _, _ in spans], spans


def protection(spans: tuple[list[int], list[tuple[int, int, str]]], start: int, end: int) -> str:
    """The reason a word at ``start``–``end`` lies inside one of the ``spans``, or ""."""
    starts, found = spans
    i = bisect_right(starts, start) - 1
    if i >= 0 and found[i][1] >= end:
        return found[i][2]
    return ""


LONGEST_WORD = 60
"""Latin letters in a row beyond which a run is no word but a key, a hash or pasted data: twice the
longest form of the lexicon (сылтауратқандарыңыздыларменен, 29 letters in news ASCII). The typo
search grows faster than the word: 1,600 letters took a second, 20,000 two and a half minutes."""


def kept_as_typed(lexicon: Lexicon, latin: str, joined: str = "") -> str:
    """Why a word is kept in Latin letters by its own spelling (CamelCase, a listed brand, a run too
    long for a word), or "". ``joined`` is the word a hyphen joins it to: a listed compound keeps its
    first part only there (QR-kod is a QR code, but QR alone is ҚР in the 2021 alphabet)."""
    if len(latin) > LONGEST_WORD:
        return "too long for a word"
    if _CAMEL.search(latin):
        return "CamelCase"
    if _ROMAN_NUMERAL.fullmatch(latin):
        return "Roman numeral"
    lowered = latin.lower()
    if lowered in lexicon.kept:
        return "brand or technical term"
    if joined:  # the second part may carry endings: QR-kodyn, QR-kodty
        compound = f"{lowered}-{joined.lower()}"
        if any(compound[:end] in lexicon.kept for end in range(len(compound), len(lowered) + 1, -1)):
            return "brand or technical term"
    return ""


def is_acronym(latin: str, known: bool, zipf: int, caps_line: bool) -> bool:
    """An ALL-CAPS word that is no Kazakh word but an English one: an acronym (SSL, NATO, BBC),
    unless the whole line is in capitals and the word is long (a word of an ALL-CAPS title). A
    Kazakh acronym typed in Latin (ZhPS, AKB for ЖПС, АҚБ) is no English word: it is read."""
    return (not known and zipf > 0 and len(latin) > 1 and latin.isupper()
            and (not caps_line or len(latin) <= SHORT_ACRONYM))


def english_in_kazakh(latin: str, known: bool, zipf: int, alone: bool) -> bool:
    """Whether a word of a Kazakh sentence is English: no Kazakh word, a frequent English one, and
    in lower case. A capitalised one among other words is a name (Viktor, Said, Europa are in the
    English list, and are Виктор, Саид, Еуропа in Kazakh); a brand is kept by :func:`kept_as_typed`.
    A word ``alone`` in its sentence or title has no other words to tell (Regards)."""
    if known or zipf < ENGLISH_WORD:
        return False
    return not latin[:1].isupper() or (alone and zipf >= ENGLISH_ALONE)


def english_first(lexicon: Lexicon, latin: str, zipf: int) -> bool:
    """Whether a word of both languages weighs as English in a sentence: a frequent English word
    ("John Smith met Yerlan Karin in Astana" is English) whose Kazakh readings are rare."""
    return zipf >= ENGLISH_FIRST and all(count < KAZAKH_RARE for _, count, _ in lexicon.words(fold(latin.lower())))


def english_zipf(lexicon: Lexicon, latin: str) -> int:
    """The English word list's Zipf frequency x 100 of ``latin`` (0 when it is no English word); a
    word with an apostrophe by its parts (don't, today's)."""
    if not latin.isascii():
        return 0
    lowered = latin.lower()
    if "'" in lowered:
        return min(lexicon.english.get(part, 0) if part not in _CLITICS else 700 for part in lowered.split("'"))
    return lexicon.english.get(lowered, 0)


_CLITICS = frozenset({"s", "t", "re", "ll", "ve", "m", "d"})
"""What follows an apostrophe in English (today's, don't, we're): always English there."""


def units(text: str, starts: list[int], ends: list[int]) -> list[list[int]]:
    """The words (their indexes) of ``text`` grouped by sentence or quoted title: a unit ends where
    a sentence ends, a line breaks, or a quote or bracket opens or closes between two words."""
    grouped: list[list[int]] = []
    for i, start in enumerate(starts):
        if not grouped or _UNIT_END.search(text, ends[i - 1], start):
            grouped.append([])
        grouped[-1].append(i)
    return grouped


def english_unit(zipfs: list[int], known: list[bool], names: list[bool] | None = None) -> bool:
    """Whether a unit is English: two or more of its words are English and no Kazakh words, and
    they outnumber the Kazakh words that are no English words (words of both count for neither);
    or every word is English, one of them no Kazakh word ("ok call me", "MIX IT ALL UP"). Beside a
    Kazakh word, a word of ``names`` (a capitalised name of the names list: Anna, Maria) counts for
    neither: "Kezdesuge Olga, Anna jane Maria qatysty" is Kazakh, "Anna, Maria and Olga" English."""
    english, kazakh = english_and_kazakh(zipfs, known, names)
    if english >= 2 and english > kazakh:
        return True
    return english >= 1 and len(zipfs) > 1 and all(zipf >= ENGLISH_SENTENCE for zipf in zipfs)


def english_and_kazakh(zipfs: list[int], known: list[bool], names: list[bool] | None = None) -> tuple[int, int]:
    """The words of a unit that count for English and for Kazakh (see :func:`english_unit`)."""
    kazakh = sum(1 for zipf, kazakh in zip(zipfs, known) if kazakh and zipf < ENGLISH_SENTENCE)
    if kazakh and names and any(names):
        zipfs = [0 if name else zipf for zipf, name in zip(zipfs, names)]
    return sum(1 for zipf, kazakh in zip(zipfs, known) if zipf >= ENGLISH_SENTENCE and not kazakh), kazakh


RUSSIAN_WORDS = 2
"""Words a unit needs that read as Russian and not as Kazakh before it is taken for Russian typed in
Latin letters (a Kazakh sentence holds a Russian word or a name now and then)."""
# The Latin spellings of Russian letters in the news, ICAO and BGN/PCGN styles (rules/ru-*.toml),
# read back: a sequence may stand for several letters (y is ы, й or ь; e is е or э).
_RUSSIAN_LETTERS = {
    "shch": ("щ",), "zh": ("ж",), "kh": ("х",), "ts": ("ц", "тс"), "ch": ("ч",), "sh": ("ш",),
    "yu": ("ю",), "ya": ("я",), "yo": ("ё",), "ye": ("е", "ье"), "iu": ("ю", "иу"), "ia": ("я", "ия"),
    "y": ("ы", "й", "ь"), "e": ("е", "э"), "'": ("ь",), "a": ("а",), "b": ("б",), "v": ("в",), "g": ("г",),
    "d": ("д",), "z": ("з",), "i": ("и", "й"), "k": ("к",), "l": ("л",), "m": ("м",), "n": ("н",),
    "o": ("о",), "p": ("п",), "r": ("р",), "s": ("с",), "t": ("т",), "u": ("у",), "f": ("ф",),
    "h": ("х",), "c": ("ц",), "j": ("й",), "w": ("в",), "x": ("кс",), "q": ("к",),
}
_RUSSIAN_SPELLINGS = sorted(_RUSSIAN_LETTERS, key=len, reverse=True)
_READINGS_AT_MOST = 64
"""Cyrillic readings followed at once: a long word with many y and e has hundreds."""
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


def _russian_readings(latin: str, words: Any) -> list[str]:
    """The Cyrillic spellings a lower-case Latin word may stand for in Russian that begin a word of
    the dictionary ``words`` (pymorphy3's), at most _READINGS_AT_MOST: each step keeps only the
    readings some Russian word begins with, so a Kazakh word is given up after a letter or two."""
    readings = [""]
    position = 0
    while position < len(latin) and readings:
        spelling = next((s for s in _RUSSIAN_SPELLINGS if latin.startswith(s, position)), None)
        if spelling is None:
            return []
        letters = _RUSSIAN_LETTERS[spelling]
        if position + len(spelling) == len(latin):  # a final й and ь are dropped: Krasny, pozhalovat
            letters += ("ый", "ий") if spelling == "y" else tuple(letter + "ь" for letter in letters)
        elif spelling == "l":
            letters = ("л", "ль")  # bolshoe, Olga: ь is dropped before a consonant too
        readings = [reading for reading in (done + letter for done in readings for letter in letters)
                    if next(words.iterkeys(reading), None) is not None][:_READINGS_AT_MOST]
        position += len(spelling)
    return readings


def russian_word(latin: str) -> bool:
    """Whether a Latin word spells a Russian word of pymorphy3's dictionary (names left out: they
    travel between the languages) in a romanization of Russian: podpisal, ukaz, Kazakhstana."""
    from ..morphology.morph_ru import analyzer

    lowered = latin.lower().replace("’", "'")
    if not lowered.isascii():
        return False
    morph = analyzer()
    return any(parse.is_known and not (_NAME_GRAMMEMES & parse.tag.grammemes)
               for reading in _russian_readings(lowered, morph.dictionary.words) if morph.word_is_known(reading)
               for parse in morph.parse(reading))


NAME_SCORE = 0.5
"""pymorphy3's share of the given-name nominative among a reading's parses at which a capitalised
word unknown to Kazakh is taken for a Russian given name (Артём 0.67, Вячеслав 0.88, Светлана 1.0)."""
_RUSSIAN_ONLY = re.compile(r"[ёцщчфвэъ]|[иы]й$")
"""What no Kazakh given name has, in either spelling: pymorphy3 lists Нурсултан, Асан, Гульнара,
Айгерим as Russian given names too, so a name is read the Russian way only by a letter Kazakh names
lack (Артём, Вячеслав, Светлана) or the ending -ий (Дмитрий, Геннадий)."""

_RUSSIAN_LETTERS_LATIN = r"^e|yo|[vfcw]|ch|ts"
_RUSSIAN_ONLY_LATIN = re.compile(rf"{_RUSSIAN_LETTERS_LATIN}|i[iyj]$")
"""How the romanizations of :data:`NAME_SCHEMES` write those letters and endings (Эдуард, Артём, Вадим, Фёдор,
Тимофей, Дмитрий): a word with none of them is given up before any dictionary lookup."""
RUSSIAN_STEM_LATIN = re.compile(rf"{_RUSSIAN_LETTERS_LATIN}|i[iyj]")
"""The same letters and ending anywhere in a word, as they stand before Kazakh suffixes (Dmitriydin,
Artyomga): a word without any is not split in search of a Russian given name."""


NAME_SCHEMES = ("ru-news", "ru-bgn-pcgn", "ru-icao")
"""The romanizations of Russian a given name is typed in, likeliest first: news (Artyom, Yevgeny),
BGN/PCGN, whose -iy endings Kazakh news use (Dmitriy, Gennadiy), and passports' ICAO (Dmitrii)."""


@lru_cache(maxsize=1 << 12)
def russian_given_name(latin: str) -> str:
    """The Russian given name (lower case, Cyrillic) a lower-case Latin word spells in a romanization
    of Russian (artyom -> артём, dmitriy -> дмитрий), or "": only one with a letter or an ending no
    Kazakh name has (:data:`_RUSSIAN_ONLY`), that pymorphy3 reads as a given name in the nominative
    by a share of :data:`NAME_SCORE` or more, and that one of :data:`NAME_SCHEMES` spells so. The caller
    asks only of a capitalised word the Kazakh lexicon does not know: Ерлан, Гүлнара are Kazakh words
    to it, never Russian names."""
    if not latin.isascii() or "q" in latin or not _RUSSIAN_ONLY_LATIN.search(latin):
        return ""  # q is a letter of Kazakh Latin alone (Qazaq, Qairat)
    from ..morphology.morph_ru import analyzer
    from ..transliteration.engine import romanize

    morph = analyzer()
    found: list[tuple[int, float, int, str]] = []
    for reading in _russian_readings(latin, morph.dictionary.words):
        if not _RUSSIAN_ONLY.search(reading) or not morph.word_is_known(reading):
            continue
        # OpenCorpora lists spelling variants too (Элвира, Елвира beside Эльвира): the reading a
        # romanization writes so is the one meant, by the first scheme that does, then the fuller one
        rank = next((rank for rank, scheme in enumerate(NAME_SCHEMES)
                     if romanize(reading, scheme).replace("’", "") == latin), None)
        score = sum(parse.score for parse in morph.parse(reading)
                    if {"Name", "nomn", "sing"} <= parse.tag.grammemes and parse.normal_form == reading)
        if rank is not None and score >= NAME_SCORE:
            found.append((-rank, score, len(reading), reading))
    return max(found)[3] if found else ""


def russian_unit(latins: list[str], known: list[bool]) -> bool:
    """Whether a unit is Russian typed in Latin letters: most of its words, and RUSSIAN_WORDS or more,
    are no Kazakh words but Russian ones of three letters or more (a loan of both, Prezident, and a
    short word, ia, po, are as likely Kazakh typed by ear)."""
    needed = max(RUSSIAN_WORDS, len(latins) // 2 + 1)
    candidates = [latin for latin, kazakh in zip(latins, known) if not kazakh and len(latin) > 2]
    russian = 0
    for tried, latin in enumerate(candidates):
        if russian + len(candidates) - tried < needed:
            return False  # Kazakh typed with many typos gives up at its first words that are no Russian
        russian += russian_word(latin)
    return russian >= needed
