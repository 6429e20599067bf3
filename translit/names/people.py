"""People's names across the three versions: each language's spelling, whole names, the right case.

A Kazakh name has a Kazakh spelling and a Russian one (Гүлнара / Гульнара,
Әйгерім / Айгерим, Әуезов / Ауэзов); the Kazakh version writes the first,
the Russian version the second, and English romanizes the nominative
(Mukhtar Auezov, never "Mukhtara Auezova" from "романы Мухтара Ауэзова").

* :func:`cyrillic_forms` spells a Latin-typed name in Kazakh and Russian:
  Kazakh words through :func:`translit.recover` (the lexicon knows Kazakh
  given names), Russian ones (Lyudmila, Alexeevna) letter by letter.
* :func:`to_kazakh` and :func:`to_russian` carry a Cyrillic name from one
  version to the other.
* :func:`nominative` undoes a Russian case (every gender and case is tried;
  the reading that declines back to the name and looks most like a
  nominative by pymorphy3's given names and the surname endings wins, the
  name as written on a tie) or a Kazakh case ending.
* :func:`inflect` puts a name in a case: Russian by :mod:`translit.morphology.morph_ru`
  (pytrovich), Kazakh on the last word.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..morphology import morph_kk, morph_ru

__all__ = ["cyrillic_forms", "guess_gender", "inflect", "nominative", "reading", "to_kazakh", "to_russian"]

_KAZAKH_ONLY = regex.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_RU_PATRONYMIC = regex.compile(r"(?:vich|vna|ichna|ович|евич|овна|евна|ична)$", regex.IGNORECASE)
# й that Latin typing writes as i or y after a vowel: Aigerim, Seisenbayev, Abai.
_GLIDE = regex.compile(r"(?<=[аәеиоөуұүыэюяАӘЕИОӨУҰҮЫЭЮЯ])[іиІИ](?=[бвгғджзйкқлмнңпрстфхһцчшщБВГҒДЖЗЙКҚЛМНҢПРСТФХҺЦЧШЩ]|$)")
_KK_TO_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
# Russian writes a soft л after a front vowel before a consonant or at the end (Гүлнара → Гульнара, Әсел → Асель).
_SOFT_L = regex.compile(r"(?<=[әеіөүӘЕІӨҮ])л(?=[бвгғджзйкқлмнңпрстфхһцчшщ]|$)")
# Russian writes э for е after у that follows a vowel (Әуезов → Ауэзов).
_UE = regex.compile(r"(?<=[аәеоөуұүыіАӘЕОӨУҰҮЫІ]у)е")


_LATIN_TO_CYRILLIC = (
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("iya", "ия"), ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("iy", "ий"), ("yy", "ый"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"),
    ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"),
    ("z", "з"),
)
_VOWELS_L = set("aeiouy")


def _listed(word: str) -> str | None:
    """The Cyrillic of a Latin word the recovery names list spells (Olga → Ольга, John → Джон, Karaganda →
    Қарағанды): a romanization that cannot be read back letter by letter, capitalised as typed."""
    found = _names_list().get(word.lower())
    return None if found is None or " " in found else found[:1].upper() + found[1:] if word[:1].isupper() else found


@lru_cache(maxsize=1)
def _names_list() -> dict[str, str]:
    """The names list read alone: finding a name in an English draft needs no Kazakh lexicon."""
    from ..recovery.lexicon import NAMES_FILE, lexicon_dir, read_names

    names: dict[str, str] = {}
    for cyrillic, latin in read_names(lexicon_dir() / NAMES_FILE):
        names.setdefault(latin.lower(), cyrillic)
    return names


def _cyrillic_word(word: str) -> str:
    low = word.lower()
    out: list[str] = []
    i = 0
    while i < len(low):
        ch = low[i]
        if ch == "y":
            if low[i:i + 2] in ("yu", "ya", "yo", "ye", "yy"):
                pass
            else:
                prev_vowel = i > 0 and low[i - 1] in _VOWELS_L
                out.append("й" if prev_vowel or i == 0 else "ы")
                i += 1
                continue
        for latin, cyr in _LATIN_TO_CYRILLIC:
            if low.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            out.append(ch)
            i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def _fix_glide(word: str) -> str:
    return _GLIDE.sub(lambda m: "Й" if m.group().isupper() else "й", word)


def _russian_spelling(word: str) -> str:
    """The Russian spelling of a Latin-typed word, letter by letter (passport romanization read backwards)."""
    return _fix_glide(_cyrillic_word(word))


def _split(name: str) -> list[str]:
    return name.split(" ")


def cyrillic_forms(latin: str) -> dict[str, str]:
    """``{"kk": …, "ru": …}`` for a Latin-typed name ("Gulnara Seisenbayeva" → Гүлнара / Гульнара Сейсенбаева)."""
    kk, ru = _cyrillic_forms(latin)
    return {"kk": kk, "ru": ru}


@lru_cache(maxsize=2048)
def _cyrillic_forms(latin: str) -> tuple[str, str]:
    from ..recovery import recover

    kk: list[str] = []
    ru: list[str] = []
    for word in _split(latin):
        if not regex.search(r"[A-Za-z]", word):
            kk.append(word)
            ru.append(word)
            continue
        listed = _listed(word)
        if listed and not _KAZAKH_ONLY.search(listed) or _RU_PATRONYMIC.search(word):
            spelled = listed or _russian_spelling(word)
            kk.append(spelled)
            ru.append(spelled)
            continue
        parts = [_fix_glide(recover(part).text) for part in word.split("-")]
        kazakh = "-".join(parts)
        if _KAZAKH_ONLY.search(kazakh):
            kk.append(kazakh)
            ru.append(to_russian(kazakh))
        else:
            spelled = _russian_spelling(word)
            kk.append(spelled)
            ru.append(spelled)
    return " ".join(kk), " ".join(ru)


def to_russian(name: str) -> str:
    """The Russian spelling of a Kazakh Cyrillic name: Гүлнара → Гульнара, Әуезов → Ауэзов, Тоқаев → Токаев."""
    out = _UE.sub("э", name)
    out = _SOFT_L.sub("ль", out)
    return out.translate(_KK_TO_RU)


@lru_cache(maxsize=2048)
def to_kazakh(name: str) -> str:
    """The Kazakh spelling of a Russian Cyrillic name's Kazakh words (Гульнара → Гүлнара, Ауэзов → Әуезов).

    A given name or surname is respelled only when its Kazakh reading
    (through the ru-news romanization and recovery) has Kazakh letters and
    its Russian spelling is the word itself; Russian names (Людмила,
    Поликарпова) and patronymics stay as written.
    """
    from ..transliteration.engine import romanize
    from ..recovery import recover

    words = _split(name)
    parts = morph_ru._name_parts(words)
    out = []
    for word, part in zip(words, parts):
        if part not in ("G", "S") or _KAZAKH_ONLY.search(word):
            out.append(word)
            continue
        kazakh = _fix_glide(recover(romanize(word, "ru-news")).text)
        out.append(kazakh if _KAZAKH_ONLY.search(kazakh) and to_russian(kazakh) == word else word)
    return " ".join(out)


def guess_gender(name: str) -> str:
    """"f" or "m" from the endings of a name's patronymic, surname or given name (nominative)."""
    words = [w.lower() for w in _split(name)]
    parts = morph_ru._name_parts(_split(name))
    for word, part in zip(words, parts):
        if part == "P":
            return "f" if word.endswith(("вна", "ична", "кызы", "қызы", "kyzy")) else "m"
    for word, part in zip(words, parts):
        # Only a Russian-style surname has a gender (Сейсенбаева); Тоқсаба, Құдайберген have none.
        if part == "S" and word.endswith(_SURNAME_NOMINATIVE["m"] + _SURNAME_NOMINATIVE["f"] + _LATIN_SURNAMES):
            return "f" if word.endswith(("а", "я", "a")) else "m"
    for word, part in zip(words, parts):
        if part == "G":
            return "f" if word.endswith(("а", "я", "a")) else "m"
    return "m"


def nominative(name: str, lang: str) -> str:
    """``name`` in the nominative: Мухтара Ауэзова → Мухтар Ауэзов (ru), Мұхтар Әуезовтің → Мұхтар Әуезов (kk)."""
    return reading(name, lang)[0]


def reading(name: str, lang: str, case: str | None = None) -> tuple[str, str]:
    """``name`` in the nominative and the case it was written in ("nom" when it already was).

    ``case`` is the case the context requires (a Russian preposition before
    the name: "у Ерлана Сейсенбаева" is genitive), which settles the readings
    the name alone leaves open.
    """
    if lang == "kk":
        return _kazakh_nominative(name)
    if lang == "ru":
        return _russian_nominative(name, case)
    return name, "nom"


_HARMONY = str.maketrans("ыаұо", "іеүө")


def _kazakh_nominative(name: str) -> tuple[str, str]:
    head, sep, last = name.rpartition(" ")
    for suffix in sorted(morph_kk.HYPHEN_SUFFIXES, key=len, reverse=True):
        stem = last[: -len(suffix)]
        if last.lower().endswith(suffix) and len(stem) > 2:
            case = morph_kk.HYPHEN_SUFFIXES[suffix]
            expected = morph_kk.decline(stem, case, possessive3=morph_kk.is_patronymic(stem))
            # Either harmony: a loan surname's (Әуезовтің) is not always its last vowel's.
            if expected.lower().translate(_HARMONY) == last.lower().translate(_HARMONY):
                return head + sep + stem, case
    return name, "nom"


_RU_OBLIQUE = ("gen", "dat", "acc", "ins", "prep")
_SURNAME_NOMINATIVE = {"m": ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий"), "f": ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")}
# Surname endings that are never a nominative (Касымовой, Ауэзову, Лениным).
_SURNAME_OBLIQUE = tuple(stem + end for stem in ("ов", "ев", "ин", "ын") for end in ("ой", "у", "ым", "е", "ым", "ом"))
_PATRONYMIC_NOMINATIVE = {"m": ("вич", "ич"), "f": ("вна", "ична")}
_LATIN_SURNAMES = ("ov", "ev", "in", "yn", "ova", "eva", "ina", "yna", "sky", "skaya")


@lru_cache(maxsize=4096)
def _russian_nominative(name: str, required: str | None = None) -> tuple[str, str]:
    """The reading of a Russian name that declines back to it and whose words look most like a nominative.

    Every gender and case is tried; the name as written wins a tie (so an
    ambiguous "Ерлана Сейсенбаева" stays as written: it may be a woman's name).
    """
    words = _split(name)
    parts = morph_ru._name_parts(words)
    best = (max(_plausibility(words, parts, gender) for gender in ("m", "f")), name, "nom")
    if required in _RU_OBLIQUE:
        best = (-99, name, "nom")  # after a preposition the name is not in the nominative
    for gender in ("m", "f"):
        for case in (required,) if required in _RU_OBLIQUE else _RU_OBLIQUE:
            lemmas = [word if part == "I" else _russian_lemma(word, part, gender, case) for word, part in zip(words, parts)]
            if None in lemmas:
                continue
            candidate = " ".join(lemma for lemma in lemmas if lemma is not None)
            if candidate == name or morph_ru.inflect_person(candidate, gender)[case] != name:
                continue
            score = _plausibility(candidate.split(" "), parts, gender)
            if score > best[0]:
                best = (score, candidate, case)
    return best[1], best[2]


def _plausibility(words: list[str], parts: list[str], gender: str) -> int:
    """How much a name looks like a nominative of this gender: known given names, surname and patronymic endings."""
    return sum(_word_plausibility(word, part, gender) for word, part in zip(words, parts))


_NOMINATIVE_ENDINGS = ("", "а", "я", "й", "ь", "ия", "ов", "ев", "ин", "ын", "ова", "ева", "ина", "ына", "ич", "вич", "вна", "ична")


@lru_cache(maxsize=8192)
def _russian_lemma(word: str, part: str, gender: str, case: str) -> str | None:
    """One word of a name in the nominative: of the endings that decline back to it, the likeliest one."""
    head, sep, last = word.rpartition("-")
    found = []
    for cut in range(0, min(4, len(last) - 2) + 1):
        for ending in _NOMINATIVE_ENDINGS:
            candidate = last[: len(last) - cut] + ending
            if morph_ru._declined_word(candidate, part, gender, case) == last:
                # Unchanged only for an indeclinable word (Баян, Ли); then the likeliest, then the least edited.
                found.append((candidate == last, -_word_plausibility(candidate, part, gender), cut, candidate))
    return head + sep + min(found)[3] if found else None


def _word_plausibility(word: str, part: str, gender: str) -> int:
    lower = word.rpartition("-")[2].lower()
    if part == "G":
        known = any(
            "Name" in r.tag and r.tag.case == "nomn" and r.tag.number == "sing" and (r.tag.gender == "femn") == (gender == "f")
            for r in morph_ru.analyzer().parse(lower)
        )
        # Otherwise the ending: a woman's name in -а/-я, a man's in a consonant or -й.
        return 2 if known else int(lower.endswith(("а", "я") if gender == "f" else tuple("бвгджзйклмнпрстфхцчшщь")))
    if part == "S":
        return 2 * lower.endswith(_SURNAME_NOMINATIVE[gender]) - 2 * lower.endswith(_SURNAME_OBLIQUE)
    if part == "P":
        return 2 * lower.endswith(_PATRONYMIC_NOMINATIVE[gender] + ("улы", "кызы", "ұлы", "қызы"))
    return 0


def inflect(name: str, lang: str, case: str | None, gender: str | None = None) -> str:
    """``name`` (nominative) in ``case``: Russian by morph_ru, Kazakh endings on the last word."""
    if case in (None, "nom") or lang not in ("kk", "ru"):
        return name
    gender = gender or guess_gender(name)
    if lang == "ru":
        return morph_ru.inflect_person(name, gender).get(case, name)
    head, sep, last = name.rpartition(" ")
    if case not in morph_kk.CASES or not last[:1].isalpha():
        return name
    return head + sep + morph_kk.decline(last, case, possessive3=morph_kk.is_patronymic(last))
