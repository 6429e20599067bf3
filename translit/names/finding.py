"""People's names in a draft, found by the shape of their words: initials and a surname ("K.A. Bakhina"),
or a given name, a patronymic and a surname in any order news writes them ("Bayan Kuanyshevna
Uataeva", "Zhumakenov Yerkebulan Kayrollayevich"), told apart by their endings and, for Russian
words, by pymorphy3's dictionary (Галина is a given name, "Выступила" no name at all).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from ..resources import bundled_dir

GIVEN_NAMES_FILE = bundled_dir("data") / "names" / "kk_given_names.txt"
"""Kazakh given names, one a line in Kazakh spelling, with examples of what :func:`find_names` finds."""

_WORDS = regex.compile(r"[\p{L}'’-]+")

_UP_C = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO_C = "а-яёәғқңөұүһі"
# An initial, or two of a double given name (K.-Zh., Қ.-Ж. for Қасым-Жомарт), once or twice.
_INITIAL_L = r"(?:Zh|Sh|Ch|Kh|Ts|Yu|Ya|Ye|[A-Z])\."
_INITIAL_C = rf"[{_UP_C}][{_LO_C}]?\."
_INITIALS_L = rf"(?:{_INITIAL_L}(?:-{_INITIAL_L})?[ \u00a0]?){{1,2}}"
_INITIALS_C = rf"(?:{_INITIAL_C}(?:-{_INITIAL_C})?[ \u00a0]?){{1,2}}"
_CAP_L = r"[A-Z][a-z]+(?:['’](?!s\b)[a-z]+)?(?:-[A-Z][a-z]+)?"  # O'Neil; the possessive 's is no part of a name
_CAP_C = rf"[{_UP_C}][{_LO_C}]+(?:-[{_UP_C}][{_LO_C}]+)?"
_NAME_PATTERNS = (
    regex.compile(rf"(?<![\w.]){_INITIALS_L}{_CAP_L}\b"),
    regex.compile(rf"(?<![\w.]){_INITIALS_C}{_CAP_C}(?![\w])"),
    regex.compile(rf"\b{_CAP_L}[ \u00a0]{_INITIALS_L}(?![\w])"),
    regex.compile(rf"(?<![\w]){_CAP_C}[ \u00a0]{_INITIALS_C}(?![\w])"),
)
# A run of capitalised words, in which a name is looked for by the shape of its words.
_CAPITALISED_RUN = regex.compile(rf"(?:{_CAP_L}|{_CAP_C})(?:[ \u00a0](?:{_CAP_L}|{_CAP_C}))+")
_CAP_WORD = regex.compile(rf"{_CAP_L}|{_CAP_C}")
# Kazakh case endings on a name: after a consonant (Әуезовтің, Тоқаевқа) and after a vowel (Уатаеваға),
# and the pronominal ones of a patronymic (Қайроллаұлының).
_KK_AFTER_CONSONANT = r"(?:тың|тің|қа|ке|ты|ті|та|те|тан|тен|пен|тағы|тегі)"
_KK_AFTER_VOWEL = r"(?:ның|нің|ға|ге|ны|ні|да|де|дан|ден|мен|дағы|дегі)"
_PATRONYMIC_WORD = regex.compile(
    r"(?:ovich|evich|ovna|evna|ichna|uly|kyzy|ович|евич|овна|евна|ична|ұлы|қызы|улы|кызы)(?:а|у|ем|е|ы|ой)?$"
    r"|(?:ұлы|қызы|улы|кызы)(?:ның|на|н|нда|нан|мен|ндағы)$"
)
_SURNAME_WORD = regex.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|in|ina|yn|yna|enko|sky|skiy|skaya"
    rf"|(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|ом|е|ых|{_KK_AFTER_CONSONANT})?|(?:ова|ева|ина|ына){_KK_AFTER_VOWEL}"
    r"|енко|ский|ская|ской|ского)$"
)
# Kazakh genitive endings: a word in the genitive starts a noun phrase ("Республикасының Заңына").
_KK_GENITIVE = regex.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
# Capitalised words that start English/Russian/Kazakh noun phrases, never names.
_NOT_NAMES = frozenset(
    """the a an of and on in at by for to from with head deputy director minister president chairman chief
    editor founder state republic republican national regional city department ministry library university
    academy akimat mazhilis senate government center centre service online international children youth
    kazakhstan russia ukraine kyrgyzstan almaty astana karaganda moscow kiev bishkek mr mrs ms dr prof
    organizers topics conference telephone photo certain region oblast district street avenue square park
    museum theatre theater school college institute prize award foundation fund hall palace airport station
    ата глава министр директор президент руководитель заместитель председатель республика национальная
    министрство библиотека университет казахстан россия алматы астана караганда""".split()
)


def _word_type(word: str) -> str:
    """S surname, P patronymic, F a known given name, G another word a name may hold (L one that is a place
    name first: Нью-Йорк, never the surname of a Құдайберген before it), K a Kazakh genitive (no name but
    after a known given name: Гүлнара Құдайбергеннің), X no name."""
    low = word.lower()
    if low in _NOT_NAMES:
        return "X"
    if _PATRONYMIC_WORD.search(low):
        return "P"
    if _SURNAME_WORD.search(low):
        # A surname in the genitive (Әуезовтің) is still a name; Галина, Ирина, Мадина only look like one.
        return "F" if _russian_given_name(low) else "S"
    if _russian_word_no_name(low):
        return "X"
    if _known_given_name(word):
        return "F"
    if _KK_GENITIVE.search(low):
        return "K"
    return "L" if _likeliest_reading(low, {"Geox"}) else "G"


@lru_cache(maxsize=1)
def _kazakh_given_names() -> frozenset[str]:
    """The given names of :data:`GIVEN_NAMES_FILE` as a word is looked up: in Kazakh spelling, in Russian
    spelling (Гульнара), and by the Latin key of their kk-news romanization (Gulnara, Bakyt), lower case."""
    from ..transliteration.engine import romanize
    from .people import to_russian

    listed = [line.strip().lower() for line in GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    return frozenset(listed) | {to_russian(name) for name in listed} | {_latin_key(romanize(name, "kk-news")) for name in listed}


def _latin_key(word: str) -> str:
    """A Latin-typed name folded over what its romanizations vary on: Bakhyt/Bakyt/Baqyt, Yerlan/Erlan, Zh/J."""
    key = word.lower().replace("kh", "k").replace("q", "k").replace("dzh", "j").replace("zh", "j")
    return key[1:] if key.startswith("ye") else key


@lru_cache(maxsize=4096)
def _known_given_name(word: str) -> bool:
    """Whether ``word`` is a given name: a Kazakh one of the list in any spelling (Гүлнара, Гульнара,
    Gulnara), or a Russian-spelled word pymorphy3 reads first as a given name (Ольга, Роза; not Вера, a
    noun first). A Kazakh-spelled word must be listed (Нұр is a word first); a Latin one, see
    :func:`_with_listed_given_names`."""
    low = word.lower()
    if _LATIN.match(word):
        return _latin_key(word) in _kazakh_given_names()
    if low in _kazakh_given_names():
        return True
    return not _KAZAKH_LETTER.search(low) and _likeliest_reading(low, {"Name", "nomn", "sing"})


def _with_listed_given_names(words: list[str], types: list[str]) -> list[str]:
    """``types`` with a Latin word the recovery names list spells as a given name (Olga, John) marked F where
    that decides anything, before a word that may be its surname: only a list counts in Latin, since English
    capitalises institutions word by word (African Union), and only then is pymorphy3 asked."""
    return ["F" if t == "G" and k + 1 < len(types) and types[k + 1] in "GK" and _LATIN.match(words[k])
            and _listed_given_name(words[k]) else t for k, t in enumerate(types)]


@lru_cache(maxsize=4096)
def _listed_given_name(word: str) -> bool:
    from .people import _listed

    return _likeliest_reading((_listed(word) or "").lower(), {"Name", "nomn", "sing"})


def _likeliest_reading(word: str, grammemes: set[str]) -> bool:
    """Whether pymorphy3's likeliest reading of ``word`` is a dictionary one with all these grammemes."""
    return grammemes <= _likeliest_grammemes(word)


@lru_cache(maxsize=4096)
def _likeliest_grammemes(word: str) -> frozenset[str]:
    """The grammemes of pymorphy3's likeliest reading of a Cyrillic ``word``; none for a guess or another word."""
    if not _CYRILLIC.match(word):
        return frozenset()
    from ..morphology import morph_ru

    best = morph_ru.analyzer().parse(word)[0]
    return frozenset(best.tag.grammemes) if best.is_known else frozenset()


def _known_tags(word: str) -> list[Any]:
    """pymorphy3's tags of the dictionary's readings of a Cyrillic ``word``; none for another."""
    if not _CYRILLIC.match(word):
        return []
    from ..morphology import morph_ru

    return [p.tag for p in morph_ru.analyzer().parse(word) if p.is_known]


@lru_cache(maxsize=4096)
def _russian_given_name(word: str) -> bool:
    """Whether pymorphy3's dictionary knows ``word`` as a given name and never as a surname (Галина, Янина)."""
    tags = _known_tags(word)
    return any("Name" in tag for tag in tags) and not any("Surn" in tag for tag in tags)


@lru_cache(maxsize=4096)
def _russian_word_no_name(word: str) -> bool:
    """Whether pymorphy3's dictionary knows ``word`` only as a word that is no noun nor name: a verb or an
    adverb opening a sentence before a surname ("Выступила Петрова") is no given name. Nouns may be
    Kazakh names (Алмаз, Назым), and a word the dictionary lacks may be any name."""
    tags = _known_tags(word)
    return bool(tags) and not any(tag.POS == "NOUN" or "Name" in tag for tag in tags)


def _name_window(types: list[str]) -> tuple[int, int] | None:
    """The words of a capitalised run that form a name: G P S, G S, S G P, G P (given name + patronymic),
    and F G or F F: a known given name and the next word, a surname whatever its ending (Ерлан Тоқсаба)."""
    n = len(types)
    known = types
    types = ["G" if t in "FL" else "X" if t == "K" else t for t in types]
    for k, t in enumerate(types):
        if known[k] == "F" and k + 1 < n and known[k + 1] in "FGK" and not (k + 2 < n and types[k + 2] in "PS"):
            return k, k + 2
        if t == "S":
            if k >= 2 and types[k - 2] == "G" and types[k - 1] == "P":
                return k - 2, k + 1
            if k >= 1 and types[k - 1] == "G":
                return k - 1, k + 1
            if k + 2 < n and types[k + 1] == "G" and types[k + 2] == "P":
                return k, k + 3
        if t == "P" and k >= 1 and types[k - 1] == "G" and not (k + 1 < n and types[k + 1] == "S"):
            return k - 1, k + 1
    return None


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of people's names: initials + surname ("K.A. Bakhina"), or a given name, patronymic and
    surname in any news order ("Bayan Kuanyshevna Uataeva", "Zhumakenov Yerkebulan Kayrollayevich",
    "Lyudmila Polikarpova", "Olga Alexeevna") told apart by the endings of the words."""
    spans: list[tuple[int, int]] = []
    for pattern in _NAME_PATTERNS:
        for m in pattern.finditer(text):
            words = _WORDS.findall(m.group())
            if words and words[-1].lower() in _NOT_NAMES:
                continue
            if not any(m.start() < b and a < m.end() for a, b in spans):
                spans.append(m.span())
    for run in _CAPITALISED_RUN.finditer(text):
        words = list(_CAP_WORD.finditer(text, run.start(), run.end()))
        pos = 0
        while pos < len(words) - 1:
            found = [w.group() for w in words[pos:]]
            window = _name_window(_with_listed_given_names(found, [_word_type(word) for word in found]))
            if window is None:
                break
            first, last = words[pos + window[0]], words[pos + window[1] - 1]
            if not any(first.start() < b and a < last.end() for a, b in spans):
                spans.append((first.start(), last.end()))
            pos += window[1]
    spans.sort()
    return spans


_INITIALS_WORD = regex.compile(r"^(?:\p{Lu}\p{Ll}?\.-?)+$")


def surname_index(words: list[str]) -> int | None:
    """Which word of a whole name (in the nominative, initials allowed) is the surname: the one word shaped
    like a surname (Иванов, Uataeva), the word after initials (К.А. Бахина), or the word beside a known
    given name that is neither (Ерлан Тоқсаба). None when the words do not say (Olga Alexeevna, Mark Green)."""
    named = [k for k, word in enumerate(words) if not _INITIALS_WORD.match(word)]
    if len(named) == 1:
        return named[0] if len(words) > 1 else None
    found = [words[k] for k in named]
    types = _with_listed_given_names(found, [_word_type(word) for word in found])
    if "X" in types:
        return None
    surnames = [k for k, t in zip(named, types) if t == "S"]
    if surnames:
        return surnames[0] if len(surnames) == 1 else None
    others = [k for k, t in zip(named, types) if t not in "PF"]
    return others[0] if len(others) == 1 and "F" in types else None


# A Kazakh name typed without Kazakh letters still shows in its patronymic.
_KAZAKH_PATRONYMIC = regex.compile(r"(?:ұлы|қызы|улы|кызы)\b")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_KAZAKH_LETTER = regex.compile(r"[әғқңөұүһі]")
_LATIN = regex.compile(r"\p{Latin}")
