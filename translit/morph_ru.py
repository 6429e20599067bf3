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


# Person names: (ending, gender) -> replacement endings for gen, dat, acc, ins, prep.
_PERSON_RULES: tuple[tuple[str, str, tuple[str, str, str, str, str]], ...] = (
    ("ович", "m", ("овича", "овичу", "овича", "овичем", "овиче")),
    ("евич", "m", ("евича", "евичу", "евича", "евичем", "евиче")),
    ("ич", "m", ("ича", "ичу", "ича", "ичем", "иче")),
    ("ов", "m", ("ова", "ову", "ова", "овым", "ове")),
    ("ев", "m", ("ева", "еву", "ева", "евым", "еве")),
    ("ёв", "m", ("ёва", "ёву", "ёва", "ёвым", "ёве")),
    ("ин", "m", ("ина", "ину", "ина", "иным", "ине")),
    ("ын", "m", ("ына", "ыну", "ына", "ыным", "ыне")),
    ("ий", "m", ("ия", "ию", "ия", "ием", "ии")),
    ("й", "m", ("я", "ю", "я", "ем", "е")),
    ("ь", "m", ("я", "ю", "я", "ем", "е")),
    ("овна", "f", ("овны", "овне", "овну", "овной", "овне")),
    ("евна", "f", ("евны", "евне", "евну", "евной", "евне")),
    ("ична", "f", ("ичны", "ичне", "ичну", "ичной", "ичне")),
    ("ова", "f", ("овой", "овой", "ову", "овой", "овой")),
    ("ева", "f", ("евой", "евой", "еву", "евой", "евой")),
    ("ёва", "f", ("ёвой", "ёвой", "ёву", "ёвой", "ёвой")),
    ("ина", "f", ("иной", "иной", "ину", "иной", "иной")),
    ("ына", "f", ("ыной", "ыной", "ыну", "ыной", "ыной")),
    ("ия", "*", ("ии", "ии", "ию", "ией", "ии")),
    ("я", "*", ("и", "е", "ю", "ей", "е")),
)
_VELAR_SIBILANT = set("гкхжшчщ")
_CONSONANTS = set("бвгджзклмнпрстфхцчшщ")


def _person_word(word: str, gender: str) -> dict[str, str]:
    lower = word.lower()
    forms = {"nom": word}
    if len(lower) < 2 or word.endswith(".") or lower.endswith(("улы", "кызы", "ұлы", "қызы")):
        return {case: word for case in CASES}
    endings: tuple[str, ...] | None = None
    cut = 0
    for suffix, rule_gender, replacement in _PERSON_RULES:
        if lower.endswith(suffix) and rule_gender in (gender, "*"):
            endings, cut = replacement, len(suffix)
            break
    if endings is None and lower.endswith("а"):
        gen = "и" if lower[-2] in _VELAR_SIBILANT else "ы"
        ins = "ей" if lower[-2] in "жшчщц" else "ой"
        endings, cut = (gen, "е", "у", ins, "е"), 1
    if endings is None and gender == "m" and lower[-1] in _CONSONANTS:
        ins = "ем" if lower[-1] in "жшчщц" else "ом"
        endings, cut = ("а", "у", "а", ins, "е"), 0
    if endings is None:
        return {case: word for case in CASES}
    stem = word[: len(word) - cut] if cut else word
    for case, ending in zip(CASES[1:], endings):
        forms[case] = stem + (ending.upper() if word.isupper() else ending)
    return forms


def inflect_person(name: str, gender: str) -> dict[str, str]:
    """Case forms of a person's name in Russian; ``gender`` is "m" or "f".

    Every word declines on its own (given name, patronymic, surname; of a
    double name only its last half: Касым-Жомарта); initials, Kazakh
    -улы/-кызы patronymics and women's names ending in a consonant (Баян)
    do not.
    """
    words = name.split(" ")
    per_word: list[dict[str, str]] = []
    for word in words:
        head, sep, last = word.rpartition("-")
        forms = _person_word(last, gender)
        per_word.append({case: head + sep + forms[case] for case in CASES})
    return {case: " ".join(w[case] for w in per_word) for case in CASES}
