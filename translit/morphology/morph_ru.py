"""Russian case forms of institution names, places and people's names.

Institution names decline their leading adjectives and head noun and keep
the tail as written: "Карагандинская областная детская библиотека имени
Абая" → "Карагандинской областной детской библиотеке имени Абая". The
words come from pymorphy3 (OpenCorpora dictionaries), imported lazily and
loaded once. People's names follow the regular rules of Russian name
declension by gender, which pymorphy3 does not know for Kazakh names
(Жумакенов, Уатаева) and which are simple and exact.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:  # pragma: no cover
    import pymorphy3

CASES: tuple[str, ...] = ("nom", "gen", "dat", "acc", "ins", "prep")
_GRAMMEME = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "prep": "loct"}

# Kazakh place names that Russian does not decline (news usage and the institutions data agree).
INDECLINABLE: frozenset[str] = frozenset(
    {"алматы", "актобе", "кокшетау", "актау", "атырау", "семей", "назарбаев", "абай", "жетісу", "ұлытау"}
)


@lru_cache(maxsize=1)
def analyzer() -> "pymorphy3.MorphAnalyzer":
    """The pymorphy3 analyzer, created on first use (about 0.2 s) and reused."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _restore_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _parses(word: str) -> list[Any]:
    return list(analyzer().parse(word.lower()))


def _pick(word: str, pos: str) -> Any | None:
    """A singular nominative parse of ``word`` as ``pos``, preferring place names and inanimate nouns."""
    candidates = [p for p in _parses(word) if p.tag.POS == pos and "nomn" in p.tag and "plur" not in p.tag]
    if not candidates:
        return None
    if pos == "NOUN":
        candidates.sort(key=lambda p: (0 if "Geox" in p.tag else 1, 0 if "inan" in p.tag else 1, -p.score))
    return candidates[0]


def _last_part(word: str) -> tuple[str, str]:
    """Split a hyphenated word: only its last part declines (Западно-Казахстанская)."""
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return head + "-", tail
    return "", word


def inflect_name(phrase: str, *, fixed: frozenset[str] = frozenset()) -> dict[str, str]:
    """Case forms of an institution or place name: {"nom": …, "gen": …, …}.

    Leading adjectives agree with the head noun; everything after the head
    stays as written. ``fixed`` lists (lower-case) words that never decline.
    A phrase whose structure is not adjective(s) + noun is returned
    unchanged in every case, which is right for indeclinables (Алматы).
    """
    words = phrase.split(" ")
    never = INDECLINABLE | fixed
    start = 0
    while start < len(words) and (words[start].lower() in never or not any(c.isalpha() for c in words[start])):
        start += 1
    adjectives: list[tuple[int, Any]] = []
    head: tuple[int, Any] | None = None
    for index in range(start, len(words)):
        _, core = _last_part(words[index])
        if core.lower() in never:
            break
        noun = _pick(core, "NOUN")
        adjective = _pick(core, "ADJF")
        if adjective is not None and (noun is None or adjective.score >= noun.score) and index + 1 < len(words):
            adjectives.append((index, adjective))
            continue
        if noun is not None:
            head = (index, noun)
        break
    forms = {case: phrase for case in CASES}
    if head is None:
        return forms
    head_index, head_parse = head
    gender = head_parse.tag.gender or "masc"
    for case in CASES[1:]:
        out = list(words)
        if case == "acc" and gender != "femn":
            continue  # inanimate masculine and neuter: accusative = nominative
        new_head = head_parse.inflect({_GRAMMEME[case], "sing"})
        if new_head is None:
            continue
        prefix, core = _last_part(words[head_index])
        out[head_index] = prefix + _restore_case(core, new_head.word)
        for index, parse in adjectives:
            wanted = {_GRAMMEME[case], "sing", gender}
            new_adj = parse.inflect(wanted)
            if new_adj is None:
                break
            prefix, core = _last_part(words[index])
            out[index] = prefix + _restore_case(core, new_adj.word)
        else:
            forms[case] = " ".join(out)
    return forms


# People's names decline by pytrovich (petrovich's rules for Russian anthroponyms); Kazakh patronymics
# (and surnames made of them) and initials never decline, and of a hyphenated Kazakh given name only
# the last part does (Касым-Жомарта), which petrovich does not know.
_KAZAKH_PATRONYMIC = ("улы", "кызы", "ұлы", "қызы", "uly", "kyzy")
_PATRONYMIC_ENDINGS = ("ович", "евич", "ич", "овна", "евна", "ична", "инична")
_OBLIQUE_PATRONYMIC = regex.compile(r"(?:ович|евич|ич)(?:а|у|ем|ом|е)$|(?:овн|евн|ичн)(?:ы|е|у|ой)$")
_SURNAME_ENDINGS = (
    "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "ская", "цкий", "цкая", "ской",
    "енко", "ко", "ук", "юк",
)  # fmt: skip


def _name_parts(words: list[str]) -> list[str]:
    """I(nitials), P(atronymic), S(urname) or G(iven name) for each word, by ending and news word order."""
    def shape(word: str) -> str:
        lower = word.lower()
        if word.endswith(".") or len(word) == 1:
            return "I"
        if lower.endswith(_PATRONYMIC_ENDINGS + _KAZAKH_PATRONYMIC) or _OBLIQUE_PATRONYMIC.search(lower):
            return "P"
        return "S" if lower.endswith(_SURNAME_ENDINGS) else "?"

    shapes = [shape(w) for w in words]
    if "P" in shapes:
        patronymic = shapes.index("P")
        # Given name right before the patronymic (G P S, S G P); any other unknown word is the surname.
        return [
            s if s in ("I", "P") else ("G" if i == patronymic - 1 else "S") for i, s in enumerate(shapes)
        ]
    unknown = [i for i, s in enumerate(shapes) if s in ("?", "S")]
    if len(unknown) == 1:
        return ["S" if s == "S" or (s == "?" and "I" in shapes) else "G" if s == "?" else s for s in shapes]
    out = list(shapes)
    if len(unknown) >= 2:
        first, last = unknown[0], unknown[-1]
        surname = first if shapes[first] == "S" and shapes[last] != "S" else last  # S G only when the shapes say so
        for i in unknown:
            out[i] = "S" if i == surname else "G"
    return out


# Women's given names petrovich gets wrong, measured on tests/data/ru_person_names.tsv: -ия declines like
# Мария (Алии, Алией), -ь like Любовь (Асели, Аселью). Endings for gen, dat, acc, ins, prep.
_FEMININE_GIVEN: tuple[tuple[str, tuple[str, str, str, str, str]], ...] = (
    ("ия", ("ии", "ии", "ию", "ией", "ии")),
    ("ь", ("и", "и", "ь", "ью", "и")),
)


@lru_cache(maxsize=1)
def _petrovich() -> Any:
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@lru_cache(maxsize=65536)
def _declined_word(word: str, part: str, gender: str, case: str) -> str:
    from pytrovich.enums import Case, Gender, NamePart

    if case == "nom" or part == "I" or word.lower().endswith(_KAZAKH_PATRONYMIC) or not word[:1].isalpha():
        return word
    head, sep, last = word.rpartition("-")
    if part == "G" and gender == "f":
        for ending, endings in _FEMININE_GIVEN:
            if last.lower().endswith(ending):
                new = last[: -len(ending)] + endings[CASES.index(case) - 1]
                return head + sep + _restore_case(last, new)
    name_part = {"G": NamePart.FIRSTNAME, "P": NamePart.MIDDLENAME, "S": NamePart.LASTNAME}[part]
    grammeme = {"gen": Case.GENITIVE, "dat": Case.DATIVE, "acc": Case.ACCUSATIVE, "ins": Case.INSTRUMENTAL,
                "prep": Case.PREPOSITIONAL}[case]  # fmt: skip
    declined = _petrovich().make(name_part, Gender.FEMALE if gender == "f" else Gender.MALE, grammeme, last)
    return head + sep + _restore_case(last, declined)


def inflect_person(name: str, gender: str) -> dict[str, str]:
    """Case forms of a person's name in Russian; ``gender`` is "m" or "f".

    Every word declines as the part of the name it is (given name,
    patronymic, surname: told apart by their endings and order); initials,
    Kazakh -улы/-кызы patronymics and the first half of a double Kazakh
    given name (Касым-Жомарта) do not.
    """
    words = name.split(" ")
    parts = _name_parts(words)
    return {case: " ".join(_declined_word(w, p, gender, case) for w, p in zip(words, parts)) for case in CASES}
