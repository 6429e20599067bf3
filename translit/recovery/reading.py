"""Reading one Latin word: lexicon words under its skeleton, a known stem plus
suffixes, or letter by letter (then flagged, with suggestions).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from .foreign import ENGLISH_WORD, RUSSIAN_STEM_LATIN, russian_given_name
from .grammar import _SUFFIX_COST, _chain_spelled, _parses, _stems_before, _suffix_parses, _your_singular
from .letters import decode
from .lexicon import Lexicon
from .results import _Reading, _candidate
from .scoring import (
    EXACT_IN_STYLE, LETTERS_WEIGHT, MARKS_LEFT_OUT, SECOND_PERSON_COST, _fit, _letters, _prior, _softmax,
    marks_left_out,
)
from .spelling import _lower, _spell, fold, skeleton
from .suggest import _suggest, _with_slips


def _analyses(lexicon: Lexicon, key: str, latin: str, style: str) -> list[tuple[str, float, int, float, int]]:
    """Known word + suffix chains that spell ``key``: (word, score, light edit distance from
    ``latin``, the stem's log frequency (:func:`_prior`), the number of suffixes).

    A stem ending in к, қ or п voices it before a vowel (жаңалық -> жаңалығы,
    торап -> торабында): the typed skeleton has g or b where the stem has k or p.
    """
    out: list[tuple[str, float, int, float, int]] = []
    exact_at = 0
    for cut in range(len(key) - 1, 2, -1):
        if exact_at and cut < exact_at - ANALYSES_BELOW_EXACT:
            break
        rest = key[cut:]
        if not _chain_spelled(rest):
            continue
        for stem, count, family in _stems_before(lexicon, key[:cut], rest):
            seen: set[str] = set()
            stem_prior = _prior(count, family)
            # "your (sg.)" takes no suffix but a case ending, and rarely that (алың-бақ is алын-бақ)
            prior = stem_prior - (SECOND_PERSON_COST if _your_singular(stem) else 0.0)
            # a stem filed under key[:cut] has that skeleton: its last letter is key[cut - 1]
            for chain, suffixes in _suffix_parses(rest, stem, key[cut - 1]):
                word = stem + chain
                if word in seen:
                    continue
                seen.add(word)
                bonus, distance = _fit(word, latin, style)
                if distance <= ANALYSIS_DISTANCE and not exact_at:
                    exact_at = cut
                out.append((word, prior + bonus - _SUFFIX_COST * suffixes - 1.0, distance, stem_prior, suffixes))
        if len(out) >= ANALYSES_ENOUGH:
            break
    return out


ANALYSES_ENOUGH = 40
"""Analysis stops at the stem length where this many readings were found (longest stems first)."""
ANALYSES_BELOW_EXACT = 3
"""Analysis also stops this many letters below the longest stem that spells the word exactly:
shorter stems under longer suffix chains won no word of the held-out text, and trying them all
took 2% of the recovery's instructions. Two letters lose көрсеткенбіз (көрсет·кен·біз, three
letters below the listed participle көрсеткен·біз, which it shares its mass with)."""


KNOWN_DISTANCE = 1
"""A lexicon word explains a spelling when they differ by at most this many by-ear edits."""
ANALYSIS_DISTANCE = 0
"""A known stem + suffixes explains a spelling only when it is spelled exactly so: the suffix
grammar knows no parts of speech (ғасыр + у), so an inexact analysis is more often a slip."""


NAME_PRIOR = 12.0
"""The score of a name's reading: above any word's prior, so a names-list spelling is read as the name."""


_SOFT_BEFORE_BACK = re.compile(r"ль(?=д[ыа])")
"""A loan's soft sign before a back-vowelled suffix: the adjective of вертикаль is вертикалды (the
suffix follows the а, as in горизонталды, моралды); hunspell-kk lists вертикальды. A soft sign
makes the suffix front (спектакльдер, рольдері), and stays."""


class _Plain(NamedTuple):
    """A word's reading without suggestions, and what the suggestion search starts from."""

    reading: _Reading
    analyses: tuple[tuple[str, float, int, float, int], ...]
    """The known stems + suffix chains that spell the word's skeleton (:func:`_analyses`)."""
    prior: float
    """The log frequency of a known word's reading (:func:`_prior`)."""


def _your_after_vowel(lexicon: Lexicon, word: str) -> bool:
    """Whether ``word`` is a known word ending in a vowel plus the "your (sg.)" -ң (бәріне·ң,
    талға·ң): as rare in news as -ың after a consonant (:data:`SECOND_PERSON_COST`)."""
    if word[-1:] != "ң" or word[-2:-1] not in _VOWELS_BEFORE_NG:
        return False
    stem = word[:-1]
    return any(found == stem for found, _, _ in lexicon.words(skeleton(stem)))


_VOWELS_BEFORE_NG = frozenset("аәеоөұүыі")


_PATRONYMIC = re.compile(r"(.{4,}?)(uly|ūly|kyzy|qyzy|qızy)([a-zıñğqäöüū]*)")
"""A surname of the father's given name and ұлы "son" or қызы "daughter", written as one word and
declined as a possessed noun (Нұрланұлы, Ермекқызының): the grammar would read Нұрлан·у·лы."""
_PATRONYMIC_WORDS = {"uly": "ұлы", "ūly": "ұлы", "kyzy": "қызы", "qyzy": "қызы", "qızy": "қызы"}


def _patronymic(lexicon: Lexicon, latin: str, style: str) -> str:
    """The Cyrillic of a capitalised ``latin`` the lexicon does not know that is a known word (in
    practice the father's given name: Нұрлан, Қошқар) + ұлы or қызы + a case ending, or "". A stem
    the lexicon does not know is left to the letters, which flag it; a derived word the lexicon
    lists (Жазулы, "inscribed") never gets here."""
    match = _PATRONYMIC.fullmatch(latin)
    if match is None:
        return ""
    stem, part, rest = match.groups()
    father = _plain(lexicon, stem, style, True).reading
    if not father.known:
        return ""
    chains = _parses(fold(rest), "back", "ы", "i", 0, 2) if rest else (("", 0),)
    return father.cyrillic + _PATRONYMIC_WORDS[part] + chains[0][0] if chains else ""


@lru_cache(maxsize=1 << 16)
def _plain(lexicon: Lexicon, latin: str, style: str, capital: bool = True) -> _Plain:
    """Recover one lower-case Latin word, without suggestions (:func:`_read` adds them);
    ``capital``: it was typed with a capital letter."""
    key = fold(latin)
    scored: list[tuple[str, float, str]] = []
    best_distance = 99
    listed = lexicon.words(key)
    attested = False
    in_style = False
    for word, count, family in listed:
        bonus, distance = _fit(word, latin, style)
        if distance and count and style != "kk-news" and not latin.isascii() and marks_left_out(word, latin, style):
            # a word the corpus showed, typed with some of its marks (kozı for közı): read, with no
            # bonus. A rarer form or a name spelled so is not (Жоламан is no Жоламаң), nor a word
            # typed with no mark at all, which may be spelled right (Olga is Ольга, not олға)
            bonus, distance = MARKS_LEFT_OUT, 0
        best_distance = min(best_distance, distance)
        penalty = SECOND_PERSON_COST if not count and _your_after_vowel(lexicon, word) else 0.0
        scored.append((word, _prior(count, family) + bonus - penalty, "lexicon"))
        attested = attested or count > 0
        in_style = in_style or bonus == EXACT_IN_STYLE
    name = lexicon.names.get(latin)
    # a name's spelling that also spells a word letter by letter is the name only with its capital
    # ("derekterge karaganda" is қарағанда, "according to"; "Karaganda" is Қарағанды)
    if name and (capital or not in_style):
        scored.insert(0, (name.lower(), NAME_PRIOR, "name"))
        best_distance = 0
    patronymic = _patronymic(lexicon, latin, style) if capital and not listed and not name else ""
    if patronymic:
        scored.insert(0, (patronymic, NAME_PRIOR, "name"))
        best_distance = 0
    # an unattested dictionary form is trusted when it is the only exact reading, unless it is
    # a form in ң: the rare "your (sg.)" form the analysis can beat (адамың vs адамын), or another
    # that news ASCII spells like a commoner form in н (бәрінең, ойынаң beside бәрі·нен, ойы·нан)
    doubtful = len(listed) != 1 or listed[0][0].endswith("ң")
    # an official alphabet spells every letter: a word read only as by-ear ASCII (namysynañ for
    # "namysynan") leaves the analysis to find the word spelled so (намыс·ы·нан)
    by_ear_only = style != "kk-news" and not in_style
    analyses = (_analyses(lexicon, key, latin, style) if best_distance > 0 or by_ear_only or (not attested and doubtful)
                else [])
    for word, score, distance, _, _ in analyses:
        if distance <= ANALYSIS_DISTANCE:
            best_distance = min(best_distance, distance)
        scored.append((word, score, "analysis"))
    known = best_distance <= (KNOWN_DISTANCE if style == "kk-news" else 0)
    if any("ль" in word for word, _, _ in scored):
        scored = [(_SOFT_BEFORE_BACK.sub("л", word), score, source) for word, score, source in scored]
    if len(scored) > 1 or not known:
        # the letter model only ranks readings against each other: a lone reading (two words in
        # three) takes all the mass whatever its score
        scored = [(w, s if src == "name" else s + LETTERS_WEIGHT * _letters(lexicon, w), src) for w, s, src in scored]
    if not known:
        # a capitalised word no Kazakh reading explains may be a Russian given name (Artyom is
        # Артём, not Әртём): read as a name, with no suggestions (Артым is no fix for it). A frequent
        # English word is not asked: an English name (Gary, Gregory) is no Гарий, Грегорий
        russian = (_russian_name(latin, style) if capital and lexicon.english.get(latin, 0) < ENGLISH_WORD
                   else "")
        if russian:
            candidates = _softmax([(russian, NAME_PRIOR, "name")] + scored)
            return _Plain(_Reading(russian, candidates[0].score, True, tuple(candidates), False, (), ""), (), 0.0)
        spelled = (decode(lexicon, latin) if style == "kk-news" and latin.isascii() else "") or _spell(latin, style)
        scored = [(spelled, 0.0, "letters")] + [(w, s - 3.0, src) for w, s, src in scored]
        candidates = _softmax(scored)
        reading = _Reading(spelled, min(candidates[0].score, 0.3), False, tuple(candidates), True, (), "unknown word")
        return _Plain(reading, tuple(analyses), 0.0)
    candidates = _softmax(scored)
    count, family = next(((c, f) for w, c, f in listed if w == candidates[0].cyrillic), (0, 0))
    reading = _Reading(candidates[0].cyrillic, candidates[0].score, True, tuple(candidates), False, (), "")
    return _Plain(reading, (), _prior(count, family))


def _russian_name(latin: str, style: str) -> str:
    """The Russian given name (:func:`russian_given_name`) ``latin`` spells, alone or with Kazakh suffixes
    spelled exactly in ``style`` (Artyomga is Артёмға, Dmitriydin Дмитрийдің), or ""."""
    name = russian_given_name(latin)
    if name or not RUSSIAN_STEM_LATIN.search(latin):
        return name
    key = fold(latin)
    for cut in range(len(latin) - 1, 2, -1):
        stem_key = fold(latin[:cut])
        if not key.startswith(stem_key) or not _chain_spelled(key[len(stem_key):]):
            continue
        name = russian_given_name(latin[:cut])
        for chain, _ in _suffix_parses(key[len(stem_key):], name) if name else ():
            if _fit(name + chain, latin, style)[1] == 0:
                return name + chain
    return ""


@lru_cache(maxsize=1 << 16)
def _read(lexicon: Lexicon, latin: str, style: str, suggest: bool = True, proper: bool = False,
          capital: bool = True) -> _Reading:
    """Recover one lower-case Latin word (``proper``: typed as a name, see :func:`_suggest`;
    ``capital``: typed with a capital letter): its :func:`_plain` reading, with the suggestions of
    a flagged word or the real-word slips of a known one."""
    plain = _plain(lexicon, latin, style, capital)
    reading = plain.reading
    if not suggest:
        return reading
    if not reading.known:
        return reading._replace(suggestions=tuple(_suggest(lexicon, latin, fold(latin), proper, plain.analyses)))
    if proper or reading.alternatives[0].source == "name":
        return reading
    candidates = _with_slips(lexicon, latin, fold(latin), list(reading.alternatives), plain.prior)
    return reading._replace(cyrillic=candidates[0].cyrillic, confidence=candidates[0].score,
                            alternatives=tuple(candidates))


@lru_cache(maxsize=1 << 16)
def _read_cased(lexicon: Lexicon, latin: str, style: str, suggest: bool, proper: bool) -> _Reading:
    """The WordRecovery fields after the offsets, for a word as typed (case kept)."""
    lowered = _lower(latin, style)
    if latin.isupper() and lowered != latin.lower() and latin.lower() in lexicon.names:
        # an ALL-CAPS I of the official alphabets is і or и: a listed name reads as in Title case (MARIA is
        # Мария as Maria is, not Марья)
        lowered = latin.lower()
    reading = _read(lexicon, lowered, style, suggest, proper, not latin.islower())
    # no capital to copy (the common case): the reading is already as typed
    recase = None if latin.islower() else _recase(latin)
    if recase is None:
        return reading
    return _Reading(
        recase(reading.cyrillic),
        reading.confidence,
        reading.known,
        tuple(_candidate(recase(c.cyrillic), c.score, c.source) for c in reading.alternatives),
        reading.typo,
        tuple(_candidate(recase(c.cyrillic), c.score, c.source) for c in reading.suggestions),
        reading.reason,
    )


def _recase(latin: str) -> Callable[[str], str] | None:
    """What gives a Cyrillic word the case pattern of ``latin``: ALL CAPS or Title; None when its
    first letter is lower case (nothing to give)."""
    letters = [c for c in latin if c.isalpha()]
    if not letters or not letters[0].isupper():
        return None
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return str.upper
    return _titled


def _titled(cyrillic: str) -> str:
    return cyrillic[:1].upper() + cyrillic[1:]
