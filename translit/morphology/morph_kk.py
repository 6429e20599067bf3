"""Kazakh case and possessive endings, by vowel harmony and the final sound.

Kazakh names decline on their last word only: "Ұлттық кітапхана" →
"Ұлттық кітапханада", "Қазақстан Республикасының Ұлттық кітапханасы" →
"…кітапханасында" (the 3rd-person possessive takes the pronominal -н-).
Abbreviations take the same endings after a hyphen: ҰАК-та, БҚО-да, ҚазҰУ-дың.

The seven cases, the attributive -дағы, the plural and the 3rd-person and
1st-plural possessives are generated (:func:`inflect`); the other persons are
left out because institution names do not take them in news text.
:func:`paradigm`, which the glossary matches names by, lists the singular
forms only.

Sounds the spelling hides, each checked against apertium-kaz's generator
(``tests/data/kk_forms.tsv``): a final у after a consonant is the glide [w]
(Шу [ʃʊw]: Шудың, Ақсуды, беруге, оқуы), and a final и is [ɯj]/[ɪj] (Ғали:
Ғалидың, Ғалиға), so both take the endings of a stem in й with the harmony
of the vowel before them; a final к қ п is voiced before a vowel only after
a vowel (кітабы, министрлігі, but банкі, паркі).
"""

from __future__ import annotations

from typing import Literal

Harmony = Literal["back", "front"]

CASES: tuple[str, ...] = ("nom", "gen", "dat", "acc", "loc", "abl", "ins", "attr")

_BACK_VOWELS = set("аоұыяу")
_FRONT_VOWELS = set("әеөүіиэю")
_VOWELS = _BACK_VOWELS | _FRONT_VOWELS
_SONORANT_NASAL = set("мнң")
_SONORANT_OTHER = set("лрйузж")

# Suffixes as (back, front) pairs, keyed by the class of the last sound.
_CASE_SUFFIXES: dict[str, dict[str, tuple[str, str]]] = {
    "gen": {"vowel": ("ның", "нің"), "nasal": ("ның", "нің"), "sonorant": ("дың", "дің"), "voiceless": ("тың", "тің")},
    "dat": {"vowel": ("ға", "ге"), "nasal": ("ға", "ге"), "sonorant": ("ға", "ге"), "voiceless": ("қа", "ке")},
    "acc": {"vowel": ("ны", "ні"), "nasal": ("ды", "ді"), "sonorant": ("ды", "ді"), "voiceless": ("ты", "ті")},
    "loc": {"vowel": ("да", "де"), "nasal": ("да", "де"), "sonorant": ("да", "де"), "voiceless": ("та", "те")},
    "abl": {"vowel": ("дан", "ден"), "nasal": ("нан", "нен"), "sonorant": ("дан", "ден"), "voiceless": ("тан", "тен")},
    "attr": {"vowel": ("дағы", "дегі"), "nasal": ("дағы", "дегі"), "sonorant": ("дағы", "дегі"), "voiceless": ("тағы", "тегі")},
}
# The instrumental is -мен after vowels and the sonorants л р й у м н ң (Қазақстанмен, Өскеменмен),
# -бен after з ж (Таразбен), -пен after the rest.
_INS_MEN = set("лрйумнңи")
_INS_BEN = set("зж")
# The plural is -лар after vowels and р й у, -дар after л м н ң з ж, -тар after the rest.
_PLURAL = {"vowel": ("лар", "лер"), "liquid": ("лар", "лер"), "sonorant": ("дар", "дер"), "voiceless": ("тар", "тер")}
_PLURAL_LIQUID = set("рйу")
# Letters whose final sound is a consonant glide: у [w] and и [j] at the end of a word.
_GLIDES = set("уи")
# Stems whose last vowel is и but whose harmony is back (Arabic loans long assimilated: тарихы,
# тарихқа, Ғазизға). Russian loans keep a front и (архивке, депозиті): which is which is a fact
# of each word, not of its letters, so this is a list (apertium-kaz marks it per word too).
_BACK_I_STEMS = frozenset({"тарих", "ғазиз"})
# Native stems that drop the vowel of their last syllable before a vowel (халық → халқы,
# орын → орны): a closed class, listed by Kazakh grammars; apertium-kaz marks the same words.
_ELIDING = {"халық": "халқ", "орын": "орн", "ауыз": "ауз", "мұрын": "мұрн", "ерін": "ерн", "әріп": "әрп",
            "қойын": "қойн", "көрік": "көрк", "бөрік": "бөрк", "құлық": "құлқ", "ғұрып": "ғұрп"}

# After the 3rd-person possessive (…сы/…сі) the endings take the pronominal н.
_PRONOMINAL: dict[str, tuple[str, str]] = {
    "nom": ("", ""),
    "gen": ("ның", "нің"),
    "dat": ("на", "не"),
    "acc": ("н", "н"),
    "loc": ("нда", "нде"),
    "abl": ("нан", "нен"),
    "ins": ("мен", "мен"),
    "attr": ("ндағы", "ндегі"),
}

# A final voiceless stop is voiced before a vowel: министрлік → министрлігі.
_VOICING = {"к": "г", "қ": "ғ", "п": "б"}

POSSESSIVE_3_ENDINGS = ("сы", "сі", "ы", "і")


def harmony(word: str) -> Harmony:
    """Back or front, by the last vowel of ``word`` (abbreviations: by the last vowel letter).

    The Russian surname suffix -ев/-ева is pronounced with the root's
    harmony (Тоқаевтың, Назарбаевқа), so it is skipped; so is a glide (у after
    a vowel, a final у or и: Ақсуды, Көксуге, Ғалиға), which takes the harmony
    of the vowel before it.
    """
    letters = word.lower()
    for suffix in ("ева", "ев"):
        if letters.endswith(suffix) and len(letters) > len(suffix) + 1:
            letters = letters[: -len(suffix)]
            break
    if any(letters.endswith(stem) for stem in _BACK_I_STEMS):
        return "back"
    if len(letters) > 2 and letters[-1] == "к" and letters[-2] not in _VOWELS:
        return "front"  # банк, парк: a final к after a consonant is the front [k] of a loan (банкі, паркте)
    last = len(letters) - 1
    fallback: Harmony | None = None
    for index in range(last, -1, -1):
        char = letters[index]
        glide = (char == "у" and index > 0 and letters[index - 1] in _VOWELS) or (char in _GLIDES and index == last)
        if glide and fallback is None:
            fallback = "back" if char == "у" else "front"
            continue
        if glide:
            continue
        if char in _BACK_VOWELS:
            return "back"
        if char in _FRONT_VOWELS:
            return "front"
    return fallback or "back"


def final_class(word: str) -> str:
    """Class of the last sound: vowel, nasal (м н ң), sonorant (л р й з ж, a final у or и) or voiceless."""
    letters = [c for c in word.lower() if c.isalpha() and c not in "ьъ"]
    if not letters:
        return "vowel"
    last = letters[-1]
    if last in _GLIDES and len(letters) > 1:
        return "sonorant"
    if last in _VOWELS:
        return "vowel"
    if last in _SONORANT_NASAL:
        return "nasal"
    if last in _SONORANT_OTHER:
        return "sonorant"
    return "voiceless"


def _last_letter(word: str) -> str:
    letters = [c for c in word.lower() if c.isalpha() and c not in "ьъ"]
    return letters[-1] if letters else ""


def case_suffix(word: str, case: str) -> str:
    """The bare-noun case ending ``word`` takes (no hyphen), e.g. ("Шымкент", "loc") → "те"."""
    if case == "nom":
        return ""
    side = 0 if harmony(word) == "back" else 1
    cls = final_class(word)
    if case == "ins":
        if cls == "vowel" or _last_letter(word) in _INS_MEN:
            return "мен"
        return "бен" if _last_letter(word) in _INS_BEN else "пен"
    try:
        return _CASE_SUFFIXES[case][cls][side]
    except KeyError:
        raise ValueError(f"unknown Kazakh case {case!r}") from None


def has_possessive3(word: str) -> bool:
    """True when ``word`` already ends in the 3rd-person possessive (кітапханасы, министрлігі, облысы)."""
    lower = word.lower()
    return len(lower) > 3 and lower.endswith(POSSESSIVE_3_ENDINGS)


def is_patronymic(word: str) -> bool:
    """Kazakh patronymics (-ұлы, -қызы) are possessive forms: Қайроллаұлының, Қайроллаұлына."""
    lower = word.lower()
    return lower.endswith(("ұлы", "қызы", "улы", "кызы")) and len(lower) > 4


def decline(word: str, case: str, *, possessive3: bool | None = None) -> str:
    """``word`` in ``case``; a word ending in the 3rd-person possessive takes the pronominal endings.

    ``possessive3`` forces the choice when the ending is not a possessive
    (Алматы ends in ы but is a bare noun): pass False for place names.
    """
    if possessive3 is None:
        possessive3 = has_possessive3(word)
    if possessive3:
        side = 0 if harmony(word) == "back" else 1
        return word + _PRONOMINAL[case][side]
    return word + case_suffix(word, case)


def _voiced(word: str) -> str:
    """``word`` as it stands before a vowel: a final к қ п voiced after a vowel (кітап → кітаб-, банк
    stays), an eliding stem without its last vowel (халық → халқ-)."""
    short = _ELIDING.get(word.lower())
    if short is not None:
        return short.upper() if word.isupper() else word[:1] + short[1:]
    last = word[-1:].lower()
    if last in _VOICING and len(word) > 1 and word[-2].lower() in _VOWELS:
        voiced = _VOICING[last]
        return word[:-1] + (voiced.upper() if word[-1].isupper() else voiced)
    return word


def possessive(word: str, person: str = "3") -> str:
    """Add the 3rd-person ("3") or 1st-person plural ("1pl") possessive to a bare noun."""
    back = harmony(word) == "back"
    vowel_final = final_class(word) == "vowel"
    stem = word if vowel_final else _voiced(word)
    if person == "3":
        if vowel_final:
            return word + ("сы" if back else "сі")
        return stem + ("ы" if back else "і")
    if person == "1pl":
        if vowel_final:
            return word + ("мыз" if back else "міз")
        return stem + ("ымыз" if back else "іміз")
    raise ValueError(f"unknown possessive person {person!r}")


def plural(word: str) -> str:
    """The plural of a bare noun: кітап → кітаптар, оқу → оқулар, адам → адамдар."""
    cls = final_class(word)
    if cls != "vowel" and _last_letter(word) in _PLURAL_LIQUID:
        cls = "liquid"
    elif cls == "nasal":
        cls = "sonorant"
    return word + _PLURAL[cls][0 if harmony(word) == "back" else 1]


def inflect(word: str, case: str = "nom", *, plural_number: bool = False, person: str | None = None) -> str:
    """A bare noun in ``case``, optionally plural and with a possessive ("3" or "1pl").

    >>> inflect("кітапхана", "loc", plural_number=True, person="3")
    'кітапханаларында'
    """
    stem = plural(word) if plural_number else word
    if person is not None:
        stem = possessive(stem, person)
    return decline(stem, case, possessive3=person == "3")


def paradigm(word: str, *, proper: bool = False) -> list[tuple[str, str, str | None]]:
    """Every form of ``word`` this module knows: (form, case, possessive).

    A bare common noun also yields its 3rd-person and 1st-plural possessive
    forms in every case (кітапхана → кітапханасында, кітапханамызда); a
    proper noun (``proper=True``: a city, a surname) and a word already in
    the possessive only take the case endings.
    """
    forms: list[tuple[str, str, str | None]] = []
    already = is_patronymic(word) or (not proper and has_possessive3(word))
    for case in CASES:
        forms.append((decline(word, case, possessive3=already), case, "3" if already else None))
    if not proper and not already:
        third = possessive(word, "3")
        for case in CASES:
            forms.append((decline(third, case, possessive3=True), case, "3"))
        ours = possessive(word, "1pl")
        for case in CASES:
            forms.append((decline(ours, case, possessive3=False), case, "1pl"))
    return forms


def _all_suffixes() -> dict[str, str]:
    table: dict[str, str] = {}
    for case, by_class in _CASE_SUFFIXES.items():
        for pair in by_class.values():
            for suffix in pair:
                table.setdefault(suffix, case)
    for suffix in ("мен", "бен", "пен"):
        table[suffix] = "ins"
    return table


HYPHEN_SUFFIXES: dict[str, str] = _all_suffixes()


def hyphenated(abbreviation: str, case: str) -> str:
    """``abbreviation`` with its case ending after a hyphen: ("ҰАК", "loc") → "ҰАК-та"."""
    if case == "nom":
        return abbreviation
    return f"{abbreviation}-{case_suffix(abbreviation, case)}"
