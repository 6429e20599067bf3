"""People: one spelling per person, the one the people glossary gives.

``people.inconsistent`` — two spellings of what is evidently one name in a version: "Jomart" and
"Zhomart", "Tokayev" and "Tokaev", "Esenzhanov" and "Yesenzhanov", or a patronymic written in both
systems ("Kaiyrbekkyzy" and "Kaiyrbekovna"). Words are compared by a spelling skeleton that folds the
variation transliteration allows (zh/j, kh/h, y/i, ye-/e-, a glide y between vowels, doubled letters;
Kazakh letters to their Russian look-alikes in Cyrillic), never by edit distance, so different names
are not confused.
``people.spelling`` — a person's name in a form the people glossary marks as wrong, with its official
spelling ("Kasym-Zhomart Tokaev" → "Kassym-Jomart Tokayev").
``people.mismatch`` — one person's name differs between versions after transliteration ("Есенова" in the
Kazakh version, "Есимова" in the Russian one): names are compared by a key that folds script, case ending and
gender ("Есенованың" = "Есеновой" = "Yesenova"), and only a near spelling counts, so a person named in one
version alone is not reported here. The version that disagrees with the others is blamed; with two versions, both.
``people.missing`` — a person the people glossary knows, named in one version but not found in another:
left out, or spelled in a way the glossary does not list. ``info`` by default, because news often
names a person in one version and writes "the Head of State" / "Мемлекет басшысы" in another.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from .base import CheckSpec, Emitter, Post, Version, quote
from .compare import compare_values
from .extract import Value
from .glossary import PERSON_TYPES, entity_type, load_glossary, mentions
from .names import BODY_KINDS, PersonName, is_caps, name_key, person_names, runs

CHECKS = [
    CheckSpec("people.inconsistent", "warning", "The same person's name spelled two ways in one version."),
    CheckSpec("people.spelling", "warning", "A person's name not spelled as the people glossary says.", fixable=True),
    CheckSpec("people.mismatch", "error", "A person's name spelled differently in two versions (Есенова / Есимова).", pair=True),
    CheckSpec("people.missing", "info", "A person of the people glossary named in one version is not found in another.", pair=True),
]

_LATIN_PATRONYMIC = re.compile(r"(?:kyzy|kizi|qyzy|qizi|kyzi|qızy|uly|uli|ulu|ūly|yevna|evna|ovna|yevich|evich|ovich)$")
_CYRILLIC_PATRONYMIC = re.compile(r"(?:қызы|кызы|ұлы|улы|уly|евна|овна|евич|ович)$")
_KK_TO_RU = str.maketrans("әғқңөұүһіё", "агкноуухие")
_VOWELS = "aeiouy"
_MIN_LENGTH = 4
_KINDS = frozenset({"paragraph", "list_item", "quote", "cell", "heading", "caption"})


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The spelling skeleton of a name: equal for spellings transliteration may produce of one name."""
    word = word.lower().replace("'", "").replace("’", "")
    if word.endswith("s") and len(word) > 3 and word[-2:] in ("'s", "’s"):
        word = word[:-2]
    cyrillic = any("\u0400" <= char <= "\u04ff" for char in word)
    patronymic = ""
    pattern = _CYRILLIC_PATRONYMIC if cyrillic else _LATIN_PATRONYMIC
    found = pattern.search(word)
    if found and found.start() >= 3:
        word, patronymic = word[: found.start()], "+patronymic"
    if cyrillic:
        word = word.translate(_KK_TO_RU).replace("й", "и").replace("ы", "и").replace("э", "е")
    else:
        for old, new in (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("q", "k"), ("w", "u"), ("x", "ks")):
            word = word.replace(old, new)
        if word.startswith("ye"):
            word = word[1:]
        word = re.sub(rf"(?<=[{_VOWELS}])y(?=[{_VOWELS}])", "", word)
        word = word.replace("y", "i")
    word = re.sub(r"(.)\1+", r"\1", word)
    return word + patronymic


def run(post: Post, out: Emitter) -> None:
    """Report glossary-wrong spellings of people and names spelled two ways within a version."""
    glossary = load_glossary(post)
    for version in post.versions:
        covered: list[tuple[int, int]] = []
        for mention in mentions(post, version):
            if entity_type(post, mention.entity) not in PERSON_TYPES or mention.status not in ("discouraged", "outdated"):
                continue
            fix = glossary.replacement(mention)
            if fix is None or fix == mention.text:
                continue
            covered.append((mention.start, mention.end))
            reason = f" ({mention.reason})" if mention.reason else ""
            # A fix that drops a word (a patronymic the glossary does not list) is only a suggestion.
            same_shape = len(fix.split()) == len(mention.text.split())
            out("people.spelling", version, mention.start, mention.end, f"{quote(mention.text)} is spelled {quote(fix)} in the people glossary{reason}.", fix=fix, fixable=same_shape)
        if out.enabled("people.inconsistent"):
            _inconsistent(version, out, covered)
    if out.enabled("people.mismatch"):
        _mismatch(post, out)
    compare_values(post, out, "people.missing", _people(post), "person")


@lru_cache(maxsize=65536)  # every surname of a version is compared with every surname of the others
def _loose(key: str, kazakh: bool) -> str:
    """A name key with what spellings of one name vary on folded: kh or h for х and қ, gh for ғ, a glide i
    (Balaieva, Balayeva), the high vowels (Жакупова, Zhakupova). Between the Kazakh spelling and the
    Russian or English one (``kazakh``) every vowel after the first letter is left out: Көбеев is
    Kubayev, Әбдірахымов is Abdrahimov, Жақыпова is Жакупова."""
    key = re.sub("(?<=[aeo])i(?=[aeo])", "", key.replace("gh", "g").replace("h", "k"))
    return key[:1] + (re.sub("[aeiouy]", "", key[1:]) if kazakh else key[1:].replace("u", "i"))


def same_name(key: str, other: str, kazakh: bool = False) -> bool:
    """Whether two name keys can be one person: equal, or a -ұлы form of an -ов/-ев surname (Сейсенбайұлы, Сейсенбаев).

    ``kazakh``: one of the two is the Kazakh version's spelling (see :func:`_loose`).
    """
    a, b = _loose(key, kazakh), _loose(other, kazakh)
    if a == b:
        return True
    if a.endswith("+") != b.endswith("+"):
        patronymic, surname = (a, b) if a.endswith("+") else (b, a)
        stem = patronymic[:-1].rstrip("i")
        return surname[:-2].rstrip("i") == stem if surname.endswith(("ov", "ev")) else surname[:-1] == stem and surname.endswith("v")
    return False


def _near(key: str, other: str, kazakh: bool) -> bool:
    """Spellings close enough to be one name mistyped: same first letter, one or two letters apart."""
    a, b = _loose(key, kazakh).rstrip("+"), _loose(other, kazakh).rstrip("+")
    if len(a) < 3 or len(b) < 3 or a[0] != b[0]:
        return False
    return _distance(a, b) <= (2 if min(len(a), len(b)) >= 5 else 1)


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1]


def _mismatch(post: Post, out: Emitter) -> None:
    """Names one version spells differently from the others: the odd version out is blamed."""
    versions = [version for version in post.versions if version.text.strip()]
    # Surnames only: first names vary more between spellings (Aigerim, Айгерім) and are not what editors mistype.
    names = {version.lang: _surnames(version) for version in versions}
    for version in versions:
        reported: set[str] = set()
        for name in names[version.lang]:
            if name.key in reported:
                continue
            agreeing, differing = [], []
            for other in versions:
                if other is version:
                    continue
                # Spelled alike: support. Alike but for the vowels Kazakh and Russian spell differently: neither.
                if any(same_name(name.key, theirs.key) for theirs in names[other.lang]):
                    agreeing.append(other)
                    continue
                kazakh = "kk" in (version.lang, other.lang)
                if any(same_name(name.key, theirs.key, kazakh) for theirs in names[other.lang]):
                    continue
                near = next((theirs for theirs in names[other.lang] if _near(name.key, theirs.key, kazakh)), None)
                if near is not None:
                    differing.append((other, near))
            if not differing or len(agreeing) + 1 > len(differing):
                continue
            reported.add(name.key)
            elsewhere = " and ".join(f"{quote(theirs.text)} in the {other.lang} version (line {other.position(theirs.start)[0]})" for other, theirs in differing)
            out(
                "people.mismatch",
                version,
                name.start,
                name.end,
                f"{quote(name.text)} here, but {elsewhere}: one person's name must be the same in every version.",
            )


def _surnames(version: Version) -> list[PersonName]:
    """The surnames of the version's names, and a surname written alone (Сейсенбаевтың, Seisembayev) that is
    spelled like one of them or one or two letters off: a person the post named in full, named again."""
    found = person_names(version)
    named = [name for name in found if name.surname]
    starts = {name.start for name in found}
    alone = []
    for word_run in runs(version, BODY_KINDS | {"heading", "caption"}):
        for word in word_run:
            key = name_key(word.text) if word.start not in starts and word.text[:1].isupper() and not is_caps(word.text) else None
            if key and any(same_name(key, name.key) or _near(key, name.key, False) for name in named):
                alone.append(PersonName(key, word.text, word.start, word.end, True))
    return named + alone


def _people(post: Post) -> Callable[[Version], list[Value]]:
    def values(version: Version) -> list[Value]:
        seen: dict[str, Value] = {}
        glossary = load_glossary(post)
        for mention in mentions(post, version):
            if mention.entity is None or mention.entity in seen or entity_type(post, mention.entity) not in PERSON_TYPES:
                continue
            name = glossary.entity(mention.entity).official("en") or mention.entity
            seen[mention.entity] = Value(mention.entity, quote(name), mention.start, mention.end)
        return list(seen.values())

    return values


def _inconsistent(version: Version, out: Emitter, covered: list[tuple[int, int]]) -> None:
    spellings: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(dict)
    for word_run in runs(version, _KINDS):
        for word in word_run:
            text = word.text
            if len(text) < _MIN_LENGTH or not text[0].isupper() or is_caps(text):
                continue
            spellings[skeleton(text)].setdefault(text.lower(), []).append((word.start, word.end))
    for forms in spellings.values():
        if len(forms) < 2:
            continue
        ordered = sorted(forms.items(), key=lambda item: (-len(item[1]), item[1][0][0]))
        preferred, places = ordered[0]
        first = places[0]
        for _form, occurrences in ordered[1:]:
            start, end = occurrences[0]
            if any(s < end and start < e for s, e in covered):
                continue
            wanted = version.text[first[0] : first[1]]
            if version.text[start:end][:1].isupper():
                wanted = wanted[:1].upper() + wanted[1:]
            patronymic = skeleton(wanted).endswith("+patronymic") and wanted.lower()[-4:] != version.text[start:end].lower()[-4:]
            what = "the patronymic is written in two systems" if patronymic else "one name spelled two ways"
            out(
                "people.inconsistent",
                version,
                start,
                end,
                f"{quote(version.text[start:end])} and {quote(version.text[first[0]:first[1]])} (line {version.position(first[0])[0]}): {what}; use one spelling.",
                fix=wanted,
            )
