"""A surname alone, later in a post that named the person in full: "Ерлан Тоқсаба ашты. … Тоқсабаның айтуынша".

News names a person in full once and by the surname after that. :class:`PostPeople` keeps the people
one post has named so far (one instance per post: :class:`translit.translation.protect.Protector` holds
it when asked to) and finds a later capitalised word that is one of their surnames, in a case form the
project's morphology makes: Russian by the person's gender (Пётр Иванов → Иванову, Ивановым; Анна
Иванова → Ивановой, never Иванов), Kazakh with a case ending (Тоқсабаға, Тоқсабаның), Latin as
written (Toksaba, Toksaba's). Only the surnames of people the post named count, so a word is never
taken for a name because it merely looks like one. It stays a prose word when

* it is written in lower case, or opens a sentence and is a common word of the language (Young
  readers came), where the capital says nothing;
* two people the post named share it (brothers, a couple);
* it is part of a longer name: after a given name, an initial, a patronymic or a surname (Айгүл Тоқсаба is
  someone else), or before a capitalised word (Bin Laden);
* Russian: it is a man's surname in the genitive that is also a woman's in the nominative (Иванова),
  unless a word that asks the genitive stands before it (у Иванова, по словам Иванова).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from ..morphology import morph_ru
from . import people
from .finding import (
    _CAP_C, _CAP_L, _CYRILLIC, _INITIALS_WORD, _LATIN, _NOT_NAMES, _likeliest_grammemes, _word_type, surname_index,
)

__all__ = ["NamedPerson", "PostPeople"]

MIN_SURNAME_LETTERS = 3
"""A shorter surname (Ли, Ким is the shortest kept) is too often a word or an abbreviation."""
COMMON_ENGLISH_ZIPF = 300
"""An English word at least this frequent (Zipf x 100) is a common word when it opens a sentence."""

_TOKEN = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d.'’-])(?:{_CAP_L}|{_CAP_C})(?![\p{{L}}\p{{M}}\d@-])")
_POSSESSIVE = regex.compile(r"['’]s$")
_INITIAL = regex.compile(r"^\p{Lu}\p{Ll}?\.$")
_SENTENCE_START = regex.compile(r"(?:^|[.!?…:]\s*|^\s*[\"“«(]\s*)$")
_WORD_BEFORE = regex.compile(r"([\p{L}'’-]+\.?)[ \u00a0]+$")
_WORD_AFTER = regex.compile(r"^[ \u00a0]+([\p{L}.'’-]+)")
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})
_RU_FEMININE_NOMINATIVE = ("ова", "ева", "ёва", "ина", "ына")
# Words before a name that ask the genitive though no preposition is next to it (по словам Иванова).
_RU_GENITIVE_WORDS = frozenset({"словам", "мнению", "слов", "имени"})
_RU_CASES = ("nom", "gen", "dat", "acc", "ins", "prep")


@dataclass(frozen=True, eq=False)
class NamedPerson:
    """A person a post named in full: the whole name's part, its words in the nominative and which is the surname."""

    whole: Any
    words: tuple[str, ...]
    index: int
    gender: str
    origin: tuple[str, str]
    start: int

    @property
    def surname(self) -> str:
        return self.words[self.index]


@dataclass(frozen=True)
class LaterSurname:
    """A surname alone at ``start:end`` standing for ``person``, written in ``case``."""

    start: int
    end: int
    person: NamedPerson
    case: str


class PostPeople:
    """The people one post has named in full so far, in the order it named them."""

    def __init__(self) -> None:
        self._people: list[NamedPerson] = []

    def named_elsewhere(self, origin: tuple[str, str]) -> int:
        """How many people blocks other than ``origin`` (its text and language) named: what a block's spans depend on."""
        return sum(person.origin != origin for person in self._people)

    def add(self, whole: Any, nominative: str, origin: tuple[str, str], start: int, gender: str | None = None) -> None:
        """Remember a whole name (``nominative``: the name in the nominative) found at ``start`` of block ``origin``."""
        words = tuple(_POSSESSIVE.sub("", word) for word in nominative.split(" "))  # Mukhtar Auezov's
        index = surname_index(list(words))
        if index is None or len(words[index]) < MIN_SURNAME_LETTERS or any(p.words == words for p in self._people):
            return
        types = [_word_type(word) for word in words]
        if types[index] == "F" or "F" not in types and _common_word(words[index]):
            return  # a given name after initials ("P.S. Tom", "Michael J."), a word after an abbreviation ("U.S. Muslim")
        if any(k != index and types[k] in "GL" and not _INITIALS_WORD.match(word) and _common_word(word) for k, word in enumerate(words)):
            return  # "Семья Иванова", "Hurricane Katrina": a word before a name, not a given name
        self._people.append(NamedPerson(whole, words, index, gender or people.guess_gender(nominative), origin, start))

    def find(
        self, text: str, lang: str, origin: tuple[str, str], free: Callable[[int, int], bool],
        governed: Callable[[int], str | None],
    ) -> list[LaterSurname]:
        """The surnames alone in ``text`` (block ``origin``, in ``lang``) of people named before them.

        ``free`` says whether a span is still unclaimed; ``governed`` the case a Russian preposition
        before a position asks (or None).
        """
        if not self._people:
            return []
        found = []
        for token in _TOKEN.finditer(text):
            start, word = token.start(), _POSSESSIVE.sub("", token.group())
            end = start + len(word)
            if not free(start, end):
                continue
            matches = [
                (person, cases) for person in self._people
                if (person.origin != origin or person.start < start) and person.surname[:2] == word[:2]
                for cases in [_cases(person, word, lang)] if cases
            ]
            if len({person.surname for person, _ in matches}) != 1 or not _one_person([p for p, _ in matches]):
                continue
            person, cases = matches[0]
            if self._beside_a_name(text, start, end) or (_SENTENCE_START.search(text, 0, start) and _common_word(word)):
                continue
            case = governed(start)
            if lang == "ru" and person.gender == "m" and "nom" not in cases and word.endswith(_RU_FEMININE_NOMINATIVE):
                before = _WORD_BEFORE.search(text, 0, start)
                if case not in ("gen", "acc") and not (before and before.group(1).lower() in _RU_GENITIVE_WORDS):
                    continue  # Иванова: his genitive, or a woman's name
            found.append(LaterSurname(start, end, person, case if case in cases else cases[0]))
        return found

    @staticmethod
    def _beside_a_name(text: str, start: int, end: int) -> bool:
        """Whether the surname is part of a longer name here: an initial, a given name, a patronymic or a
        surname before it (Айгүл Тоқсаба), or a capitalised word after it (Bin Laden)."""
        before = _WORD_BEFORE.search(text, max(0, start - 60), start)
        after = _WORD_AFTER.search(text[end : end + 60])
        word = before.group(1) if before else ""
        bare = word.rstrip(".")
        if word[:1].isupper() and (bare == word or _INITIAL.match(word)):  # not the end of the sentence before
            if _INITIAL.match(word) and bare.lower() not in _NOT_NAMES or _word_type(bare) in "FPS":
                return True
        # a capitalised word after it: a longer name (Bin Laden, Тоқсаба Ерланұлы), unless a title or a preposition
        word = after.group(1).rstrip(".") if after else ""
        return word[:1].isupper() and _word_type(word) != "X"


def _one_person(matches: list[NamedPerson]) -> bool:
    """Whether the people a surname fits are one: the same gender, and given names whose initials agree."""
    first = matches[0]
    for other in matches[1:]:
        mine = _initials(first)
        theirs = _initials(other)
        if other.gender != first.gender or mine[: len(theirs)] != theirs[: len(mine)]:
            return False
    return True


def _initials(person: NamedPerson) -> str:
    return "".join(letter for k, word in enumerate(person.words) if k != person.index for letter in word if letter.isupper())


def _cases(person: NamedPerson, word: str, lang: str) -> tuple[str, ...]:
    """The cases in which ``word`` is the person's surname in a ``lang`` text, none when it is not."""
    surname = person.surname
    if word == surname:
        return ("nom",)
    if not (_CYRILLIC.match(word) and _CYRILLIC.match(surname)):
        return ()
    if lang == "kk":
        stem, case = people.reading(word, "kk")
        return (case,) if stem == surname and case != "nom" else ()
    if lang == "ru":
        return _russian_forms(person.words, person.index, person.gender).get(word, ())
    return ()


@lru_cache(maxsize=4096)
def _russian_forms(words: tuple[str, ...], index: int, gender: str) -> dict[str, tuple[str, ...]]:
    """The surname's Russian case forms, declined with the whole name (pytrovich needs it): form → cases."""
    table = morph_ru.inflect_person(" ".join(words), gender)
    forms: dict[str, tuple[str, ...]] = {}
    for case in _RU_CASES:
        declined = table.get(case, "").split(" ")
        if len(declined) == len(words):
            forms[declined[index]] = forms.get(declined[index], ()) + (case,)
    return forms


def _common_word(word: str) -> bool:
    """Whether ``word`` is, written in lower case, a common word of its language (a dictionary word, no name)."""
    low = word.lower()
    if _LATIN.match(word):
        return _english_words().get(low, 0) >= COMMON_ENGLISH_ZIPF
    grammemes = _likeliest_grammemes(low)
    if grammemes:
        return not grammemes & _NAME_GRAMMEMES
    from ..language.known_words import _in_kazakh_lexicon

    return _in_kazakh_lexicon(low)


@cache
def _english_words() -> Any:
    """The English word list with its frequencies, from the start-up cache when it holds it (a dict's ``get``)."""
    from ..recovery.index_cache import cached_english
    from ..recovery.lexicon import ENGLISH_FILE, lexicon_dir

    return cached_english(lexicon_dir() / ENGLISH_FILE)
