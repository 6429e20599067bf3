"""Kazakh case and possessive endings, by vowel harmony and the final sound.

Kazakh names decline on their last word only: "Ұлттық кітапхана" →
"Ұлттық кітапханада", "Қазақстан Республикасының Ұлттық кітапханасы" →
"…кітапханасында" (the 3rd-person possessive takes the pronominal -н-).
Abbreviations take the same endings after a hyphen: ҰАК-та, БҚО-да, ҚазҰУ-дың.

Only the seven cases and the attributive -дағы are generated; plural and
the other persons are left out because institution names do not take them
in news text (the one exception, "our library" — кітапханамыз — is covered).
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
# The instrumental splits the sonorants differently: -мен after vowels and л р й у, -бен after м н ң з ж.
_INS_MEN = set("лрйу")

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
    harmony (Тоқаевтың, Назарбаевқа), so it is skipped.
    """
    letters = word.lower()
    for suffix in ("ева", "ев"):
        if letters.endswith(suffix) and len(letters) > len(suffix) + 1:
            letters = letters[: -len(suffix)]
            break
    for index in range(len(letters) - 1, -1, -1):
        char = letters[index]
        if char == "у" and index > 0 and letters[index - 1] in _VOWELS:
            continue  # ау, еу: у is a glide here, the vowel before it decides
        if char in _BACK_VOWELS:
            return "back"
        if char in _FRONT_VOWELS:
            return "front"
    return "back"


def final_class(word: str) -> str:
    """Class of the last sound: vowel, nasal (м н ң), sonorant (л р й у з ж) or voiceless."""
    letters = [c for c in word.lower() if c.isalpha()]
    if not letters:
        return "vowel"
    last = letters[-1]
    if last == "у":
        return "sonorant" if len(letters) > 1 and letters[-2] in _VOWELS else "vowel"
    if last in _VOWELS:
        return "vowel"
    if last in _SONORANT_NASAL:
        return "nasal"
    if last in _SONORANT_OTHER:
        return "sonorant"
    return "voiceless"


def case_suffix(word: str, case: str) -> str:
    """The bare-noun case ending ``word`` takes (no hyphen), e.g. ("Шымкент", "loc") → "те"."""
    if case == "nom":
        return ""
    side = 0 if harmony(word) == "back" else 1
    cls = final_class(word)
    if case == "ins":
        if cls == "voiceless":
            return "пен"
        letters = [c for c in word.lower() if c.isalpha()]
        last = letters[-1] if letters else ""
        return "мен" if cls == "vowel" or last in _INS_MEN else "бен"
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


def possessive(word: str, person: str = "3") -> str:
    """Add the 3rd-person ("3") or 1st-person plural ("1pl") possessive to a bare noun."""
    back = harmony(word) == "back"
    vowel_final = final_class(word) == "vowel"
    stem = word if vowel_final or word[-1:].lower() not in _VOICING else word[:-1] + _VOICING[word[-1].lower()]
    if person == "3":
        if vowel_final:
            return word + ("сы" if back else "сі")
        return stem + ("ы" if back else "і")
    if person == "1pl":
        if vowel_final:
            return word + ("мыз" if back else "міз")
        return stem + ("ымыз" if back else "іміз")
    raise ValueError(f"unknown possessive person {person!r}")


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
