"""Ranking the readings of a word: corpus frequency, how exactly a word explains
the spelling, the letter model and the oddity of a form, turned into shares.
"""

from __future__ import annotations

import math
from functools import lru_cache

from rapidfuzz.distance import OSA

from .grammar import _your_singular
from .lexicon import Lexicon
from .results import Candidate, _candidate
from .spelling import STYLES, _light, romanize_word


def _harmony_breaks(word: str) -> int:
    """Letters breaking native harmony: қ/ғ beside a front vowel, к/г beside a back one.

    Each of the four letters is found with :meth:`str.find`, not by a scan of every letter or a
    regex with look-arounds: the typo search asks this of every candidate it builds, and most
    letters of a word are none of the four."""
    breaks = 0
    last = len(word) - 1
    for letter, vowels in _BREAKING_ITEMS:
        i = word.find(letter)
        while i >= 0:
            if (i and word[i - 1] in vowels) or (i < last and word[i + 1] in vowels):
                breaks += 1
            i = word.find(letter, i + 1)
    return breaks


_BREAKING = {"қ": "әөүі", "ғ": "әөүі", "к": "аоұы", "г": "аоұы"}
"""The vowels beside which a letter breaks native harmony."""
_BREAKING_ITEMS = tuple(_BREAKING.items())


def _distance(a: str, b: str, limit: int = 4) -> int:
    """Levenshtein distance with adjacent transpositions (optimal string alignment), capped at
    ``limit``: rapidfuzz's, in C (the table in Python took 30,000 instructions a pair compiled,
    and the typo search measures every names-list word two deletions from a typed one)."""
    return min(OSA.distance(a, b, score_cutoff=limit), limit)


def _prior(count: int, family: int) -> float:
    return math.log(count + 0.2 * family + 0.1)


_MARKS_DROPPED = str.maketrans({"ä": "a", "á": "a", "ğ": "g", "ǵ": "g", "ñ": "n", "ń": "n", "ö": "o", "ó": "o",
                                "ş": "s", "ū": "u", "ü": "u", "ú": "u", "q": "k", "'": None})
"""The official alphabets' marked letters, as a typist who leaves the marks out writes them."""
EXACT_IN_STYLE = 4.0
EXACT_IN_OTHER = 1.0
"""A word spelled exactly so in the text's style, or in another (a 2021 text typed partly by ear)."""
MARKS_LEFT_OUT = 0.0
"""A word the corpus showed, spelled so in an official alphabet with its marks left out
(:func:`marks_left_out`)."""


@lru_cache(maxsize=1 << 17)
def _fit(word: str, latin: str, style: str) -> tuple[float, int]:
    """How well the Cyrillic ``word`` explains the spelling: (bonus, light edit distance)."""
    spelled = romanize_word(word, style)
    if spelled == latin:
        return EXACT_IN_STYLE, 0
    for other in STYLES:
        if other != style and romanize_word(word, other) == latin:
            return EXACT_IN_OTHER, 0
    if style == "kk-news":
        distance = _distance(_light(latin), _light(spelled), 3)
    else:
        # the official alphabets keep what news ASCII merges: an n is not an ñ there
        distance = _distance(latin, spelled, 3)
    return -0.7 * distance, distance


def marks_left_out(word: str, latin: str, style: str) -> bool:
    """Whether ``latin`` is ``word`` in the official ``style`` with some marks left out, as a typist
    does who types partly by ear ("kozı" for közı, көзі)."""
    return romanize_word(word, style).translate(_MARKS_DROPPED) == latin.translate(_MARKS_DROPPED)


def _softmax(scored: list[tuple[str, float, str]]) -> list[Candidate]:
    """The :data:`KEPT` best of ``scored`` (word, score, source) with their shares of the mass, best
    first; a word scored twice keeps its best share."""
    if not scored:
        return []
    if len(scored) == 1:
        # most words have one reading: it takes all the mass, whatever its score
        word, _, source = scored[0]
        return [_candidate(word, 1.0, source)]
    top = max(score for _, score, _ in scored)
    exp = math.exp
    weights: list[float] = []
    best: dict[str, tuple[float, str]] = {}
    for word, score, source in scored:
        weight = exp(score - top)
        weights.append(weight)
        if word not in best or best[word][0] < weight:
            best[word] = (weight, source)
    # exact, so in any order: candidates come in the order of sets and dicts, which follows the
    # string hash, and a running sum's last digits would change the shares from process to process
    total = math.fsum(weights)
    # a typo search scores hundreds of candidates: rank plain tuples (no key function), and
    # build a Candidate for the kept ones only. Ties go by word: candidates are gathered through
    # sets and dicts whose order follows the string hash, which changes with every process.
    ranked = sorted([(-weight, word, source) for word, (weight, source) in best.items()])[:KEPT]
    return [_candidate(word, -weight / total, source) for weight, word, source in ranked]


KEPT = 5
"""Readings, alternatives or suggestions kept for a word."""


LETTERS_WEIGHT = 0.3
"""Weight of the letter-trigram log-probability (summed over the word) in a reading's score."""


HARMONY_BREAK_COST = 0.5
SECOND_PERSON_COST = 2.5
"""What a harmony break and the rare "your (sg.)" ending cost a form (:func:`_form_penalty`, :func:`_letters`)."""


def _form_penalty(word: str) -> float:
    """Harmony breaks and the rare "your (sg.)" ending: the length-free part of :func:`_letters`."""
    return HARMONY_BREAK_COST * _harmony_breaks(word) + (SECOND_PERSON_COST if _your_singular(word) else 0.0)


@lru_cache(maxsize=1 << 17)
def _letters(lexicon: Lexicon, word: str) -> float:
    """Form-level evidence: letter trigrams, harmony, and the rarity of "your (sg.)" in news.

    The dictionary lists the 2nd-person possessive (адамың) but not the far
    more frequent 3rd-person possessive + accusative (адамын), which only the
    suffix analysis produces; without this penalty the rare form would win.
    """
    penalty = SECOND_PERSON_COST if _your_singular(word) else 0.0
    return (lexicon.letters(word) * (len(word) + 1) - HARMONY_BREAK_COST * _harmony_breaks(word)
            - penalty / LETTERS_WEIGHT)
