"""Suggestions for a flagged word and real-word slips of a known one: a noisy
channel over the neighbours of :mod:`.edits`, weighted by corpus frequency,
with suffix chains one slip away and the letter model to break ties.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from .edits import (
    COST_MISSING, COST_SAME_SKELETON, COST_SWAP, COST_VOWEL_MISSING, _chain_variants, _corpus_near, _edits1,
    _in_ranges, _is_prefix_key, _latin_edits, _names_near, _prefix_ranges,
)
from .grammar import _chain_skeletons, _stems_before, _suffix_parses, _voiced_stems, harmony
from .lexicon import Lexicon
from .results import Candidate, _candidate
from .scoring import KEPT, _form_penalty, _letters, _prior, _softmax
from .spelling import _KEY_VOWELS, fold, romanize_word


_STUTTER = re.compile(r"(.{2,5}?)\1+")


# The weights of :func:`_typo_score`, fitted by coordinate search on the top-3 rate of single
# random slips in held-out words (bench/tune_typos.py: typo seeds 1-4 and 6-8; bench/bench_recover.py
# reports seeds 5, 11 and 13). Refitted on 2026-11-30 after the suffix grammar and the lexicon's
# closed forms changed the candidates; COST_MISSING stays the unit (the fit's 0.69 let a missing
# letter make forms the dictionary's inflected stems allow, құралдары·дан, outrank құралдарына).
TYPO_DISTANCE_WEIGHT = 3.0
"""Score lost per unit of channel cost (a letter left out, see :func:`_edits1`)."""
PRIOR_WEIGHT = 1.12
"""Weight of log frequency: one more unit of slip must be outweighed by a word ~15 times more frequent."""
TYPO_SUFFIX_COST = 1.84
"""Score lost per suffix a suggestion adds to a known stem: a form the lexicon lacks is rarer."""
KIND_COST = {"word": 0.0, "self": 0.5, "chain": 3.75, "stem": 4.41, "name": 6.0}
"""Score lost by where a suggestion comes from: a lexicon word one slip away (``word``), another
spelling of the typed skeleton (``self``), a known stem with a suffix chain one slip away
(``chain``), a stem one slip away under an exact chain (``stem``), or a names-list or glossary
word two slips away (``name``: the largest cost that still offers the seed post's миссиясы for
"miassi"; on held-out slips the names cost 0.1 point of top-3 rate)."""
STEMS_BELOW = -6.0
"""A stem one slip away under a suffix chain is searched when no suggestion scores above this."""
DOUBLE_KEPT = 4.29
DOUBLE_LOST = 4.2
"""A doubled consonant typed on purpose (native words rarely have one) kept by a suggestion, or
left unexplained by it (the skeleton hides doubling)."""
FORM_WEIGHT = 2.625
"""Weight of :func:`_form_penalty` (harmony breaks, the rare "your (sg.)" ending)."""


_DOUBLE_CONSONANT = re.compile(r"([bdfgjklmnprstvz])\1")


def _doubles(latin: str) -> set[str]:
    return set(_DOUBLE_CONSONANT.findall(latin))


def _typo_score(prior: float, cost: float, suffixes: int, kind: str, doubled: float, form: float) -> float:
    """Noisy-channel score of a suggestion: log P(word) - weight x cost(slip), plus the evidence a
    slip rarely destroys (a doubled consonant) and the form's oddity."""
    return (PRIOR_WEIGHT * prior - TYPO_DISTANCE_WEIGHT * cost - TYPO_SUFFIX_COST * suffixes - KIND_COST[kind]
            + doubled - FORM_WEIGHT * form)


def _score_keys(
    lexicon: Lexicon, typed_doubles: set[str], keys: dict[str, float], kind: str = "word"
) -> list[tuple[str, float, str]]:
    """Noisy-channel scores of the words under ``keys`` (skeleton -> channel cost) as suggestions
    for a spelling with the doubled consonants ``typed_doubles``."""
    scored: list[tuple[str, float, str]] = []
    for found, cost in keys.items():
        for word, _, prior, form in _scored_words(lexicon, found):
            scored.append((word, _typo_score(prior, cost, 0, kind, _doubled(typed_doubles, word), form), "typo"))
    return scored


@lru_cache(maxsize=1 << 15)
def _scored_words(lexicon: Lexicon, key: str, attested: bool = False) -> tuple[tuple[str, int, float, float], ...]:
    """The words under ``key`` with the terms of their typo score that depend on the word alone:
    (word, corpus count, log frequency, form penalty); with ``attested``, of the words the corpus
    showed only (the real-word slips': the skeletons near a known word hold about as many
    dictionary forms the corpus never showed). A skeleton near many typed words (the real-word
    slips look up every known word's neighbours) is read and scored once."""
    return tuple((word, count, _prior(count, family), _form_penalty(word))
                 for word, count, family in lexicon.words(key) if count or not attested)


def _doubled(typed_doubles: set[str], word: str) -> float:
    """A doubled consonant is typed on purpose (native words rarely have one): keep it; a word
    without it leaves the extra letter unexplained (the skeleton hides it)."""
    if not typed_doubles:
        return 0.0
    return DOUBLE_KEPT if typed_doubles & _doubles(romanize_word(word, "kk-news")) else -DOUBLE_LOST


def _suggest(
    lexicon: Lexicon, latin: str, key: str, proper: bool = False,
    analyses: Sequence[tuple[str, float, int, float, int]] = (),
) -> list[Candidate]:
    """Nearest real words of a flagged spelling, best first.

    A noisy channel (:func:`_typo_score`) over candidates one slip away: the
    spelling with a stutter undone (dastustustur -> dastur), one edit of the
    skeleton or deletions/swaps of the typed letters, found in the skeleton
    set; a known stem with a suffix chain one slip away (zhanalyktarg ->
    жаңалықтарға); a stem one slip away under a suffix chain typed right; a stem
    and a chain whose letters at the joint were typed the other way round
    (seritkeri -> серіктері).
    Two slips are searched only among the names-list and glossary words
    (miassi -> миссиясы): in the dictionary they never won on held-out slips.
    The ``analyses`` of the typed skeleton itself (:func:`_analyses`: a known
    stem + a suffix chain spelling it) are suggested as other spellings of it,
    like the words filed under it (zhassalynady -> жасалынады: the skeleton
    merges the doubled letter). The best are ranked again with the letter
    model (:func:`_rescored`).

    A ``proper`` name (capitalised inside a sentence) is corrected only toward
    those names, one or two slips away: a name the lexicon lacks (Kozhayev,
    Buratino) is no slip of a common word.
    """
    # the doubled consonants typed, which every source's scores ask about
    typed_doubles = _doubles(latin)
    if proper:
        names = {name: distance * COST_MISSING for name, distance in _names_near(lexicon, key).items()}
        return _softmax(_score_keys(lexicon, typed_doubles, names, "name"))
    keys: dict[str, float] = {}
    collapsed = _STUTTER.sub(r"\1", key)
    if collapsed != key:
        keys[collapsed] = 0.0
    ranges = _prefix_ranges(lexicon, key)
    near = _edits1(key, lexicon, ranges)
    for variant, cost in near.items():
        keys.setdefault(variant, cost)
    # no skeleton starts with the typed one's first len(ranges) letters: a slip undone after them
    # leaves that dead prefix, and no word
    dead = key[: len(ranges)] if len(ranges) <= len(key) else None
    # whether a folded slip is a skeleton: the one-edit ones are; several slips fold alike
    known: dict[str, bool] = dict.fromkeys(near, True)
    for variant, cost in _latin_edits(latin).items():
        found = fold(variant)
        if found == key or (dead and found.startswith(dead)):
            continue
        listed = known.get(found)
        if listed is None:
            listed = known[found] = _in_ranges(lexicon, found, key, ranges)
        if listed:
            keys[found] = min(keys.get(found, 9.0), cost)
    scored = _score_keys(lexicon, typed_doubles, keys)
    # words under the typed skeleton itself that spell it differently (more than one light edit)
    scored += _score_keys(lexicon, typed_doubles, {key: COST_SAME_SKELETON}, "self")
    scored += [_suggestion(typed_doubles, word, prior, COST_SAME_SKELETON, suffixes, "self")
               for word, _, _, prior, suffixes in analyses]
    # the suffix-chain sources build many words from a few stems: a word that cannot come within
    # PRUNED_BELOW of the best found so far is not built (see _bound)
    floor = _floor(scored, typed_doubles)
    scored += _slipped_chains(lexicon, typed_doubles, key, ranges, floor)
    scored += _swapped_at_boundary(lexicon, typed_doubles, key, floor)
    far_names = {name: 2 * COST_MISSING for name, distance in _names_near(lexicon, key).items() if distance == 2}
    scored += _score_keys(lexicon, typed_doubles, far_names, "name")
    if max((score for _, score, _ in scored), default=-99.0) < STEMS_BELOW:
        scored += _slipped_stems(lexicon, typed_doubles, key, ranges, _floor(scored, typed_doubles))
    return _softmax(_rescored(lexicon, scored))


PRUNED_BELOW = 9.0
"""A suffix-chain suggestion whose score cannot come within this of the best found so far is not
built: the letter model moves a score by a point or two, so it could not take one of the top three
places from the word ahead of it, and its share of the mass would be below 1/1000. On the bench's
typo draws, no right word in the top three was that far below the first."""


def _floor(scored: list[tuple[str, float, str]], typed_doubles: set[str]) -> float:
    """The score below which a chain suggestion's upper bound (:func:`_bound`) prunes it: within
    :data:`PRUNED_BELOW` of the best, and above the :data:`RESCORED`-th best word, since only
    that many go on to be ranked (exact: a word scoring below it has that many ahead of it)."""
    best: dict[str, float] = {}
    for word, score, _ in scored:
        if score > best.get(word, -math.inf):
            best[word] = score
    ranked = sorted(best.values(), reverse=True)
    if not ranked:
        return -math.inf
    cut = ranked[RESCORED - 1] if len(ranked) >= RESCORED else -math.inf
    return max(ranked[0] - PRUNED_BELOW, cut) - (DOUBLE_KEPT if typed_doubles else 0.0)


def _bound(prior: float, cost: float, suffixes: int, kind: str) -> float:
    """The highest :func:`_typo_score` a word of this prior, slip cost, suffixes and source can
    have without its doubled consonants (which :func:`_floor` allows for) and form (never negative)."""
    return PRIOR_WEIGHT * prior - TYPO_DISTANCE_WEIGHT * cost - TYPO_SUFFIX_COST * suffixes - KIND_COST[kind]


RESCORED = 10
SUGGESTION_LETTERS_WEIGHT = 0.1
"""The :data:`RESCORED` best suggestions are ranked again with this weight of the letter model
(:func:`_letters`), the rest dropped: the channel cannot tell the letters the skeleton merges
(жанын from жаңын), nor a common ending from an odd one."""


def _rescored(lexicon: Lexicon, scored: list[tuple[str, float, str]]) -> list[tuple[str, float, str]]:
    """The :data:`RESCORED` best of ``scored`` (each word at its best score), with the letter model added."""
    best: dict[str, tuple[float, str]] = {}
    for word, score, source in scored:
        if word not in best or best[word][0] < score:
            best[word] = (score, source)
    # ties go by word, as in _softmax: the order of the candidates follows the string hash
    top = sorted((-score, word, source) for word, (score, source) in best.items())[:RESCORED]
    return [(word, SUGGESTION_LETTERS_WEIGHT * _letters(lexicon, word) - negated, source)
            for negated, word, source in top]


AS_TYPED = 6.0
"""Typo score of "typed as meant" for a known word, over the weighted log frequency of its reading
(:func:`_with_slips`): a slip must be far likelier than a word to outrank it."""


def _with_slips(lexicon: Lexicon, latin: str, key: str, candidates: list[Candidate], prior: float) -> list[Candidate]:
    """The readings of a known word, followed by the corpus words one slip away.

    A slip that lands on another valid form (``kara`` for ``karau``, a stem
    plus a suffix spelled exactly so: one random slip in six does) is read,
    not flagged: no word list tells it from a rare form, only context could.
    The noisy channel weighs it as a real-word error: "typed as meant"
    (:data:`AS_TYPED` + the reading's weighted prior) against each corpus word
    one slip away (:func:`_typo_score`). The reading stays first and keeps
    its place in the text; the slips join the other readings in the
    alternatives, by their shares, as a keyboard's suggestion strip lists the
    typed word and its nearest neighbours. ``prior`` is the reading's log
    frequency (:func:`_prior`).
    """
    near = _corpus_near(lexicon, key)
    if not near:
        return candidates
    typed_doubles = _doubles(latin)
    slips: dict[str, float] = {}
    for found, cost in near.items():
        for word, _, word_prior, form in _scored_words(lexicon, found, True):
            score = _typo_score(word_prior, cost, 0, "word", _doubled(typed_doubles, word), form)
            if score > slips.get(word, -math.inf):
                slips[word] = score
    for candidate in candidates:
        # the word's own readings are no slips
        slips.pop(candidate.cyrillic, None)
    if not slips:
        return candidates
    as_typed = AS_TYPED + PRIOR_WEIGHT * prior
    top = max(as_typed, max(slips.values()))
    exp = math.exp
    weights = [exp(score - top) for score in slips.values()]
    slipped = math.fsum(weights)  # in any order (see _softmax)
    total = exp(as_typed - top) + slipped
    share = 1.0 - slipped / total
    # ranked as _softmax ranks (share, then word), a Candidate built for the kept ones only
    ranked = sorted([(-c.score * share, c.cyrillic, c.source) for c in candidates[1:]]
                    + [(-weight / total, word, "slip") for word, weight in zip(slips, weights)])
    reading = candidates[0]
    return [_candidate(reading.cyrillic, reading.score * share, reading.source),
            *(_candidate(word, -score, source) for score, word, source in ranked[: KEPT - 1])]


def _slipped_chains(
    lexicon: Lexicon, typed_doubles: set[str], key: str, ranges: list[tuple[int, int, int, int]], floor: float
) -> list[tuple[str, float, str]]:
    """Known stem + a suffix chain one slip away from the rest of the typed skeleton
    (zhanalyktarg -> жаңалықтарға): the ending is long and typed fast. The two longest known
    stems are tried (shorter ones never won on held-out slips), with a stem ending in к, қ or
    п voiced before a chain that starts with a vowel (togetitn -> төгетін, as :func:`_analyses`).
    Words whose score cannot reach ``floor`` are not built (:func:`_floor`); ``ranges`` are the
    :func:`_prefix_ranges` of ``key``, which tell the prefixes that are skeletons."""
    scored: list[tuple[str, float, str]] = []
    tried = 0
    for cut in range(len(key) - 1, 2, -1):
        stems = lexicon.stems(key[:cut]) if _is_prefix_key(lexicon, key, cut, ranges) else ()
        # a voiced stem's skeleton shares all but its last letter with the prefix
        voiced = _voiced_stems(lexicon, key[:cut]) if cut - 1 < len(ranges) else ()
        if not stems and not voiced:
            continue
        fitting: dict[str, dict[str, float]] = {}
        for found, before_vowel in ((stems, False), (voiced, True)):
            for stem, count, family in found:
                if _bound(_prior(count, family), COST_VOWEL_MISSING, 1, "chain") < floor:
                    continue
                side = harmony(stem)
                if side not in fitting:
                    fitting[side] = _chain_variants(key[cut:], side)
                for variant, cost in fitting[side].items():
                    if not before_vowel or variant[0] in _KEY_VOWELS:
                        scored += _chained(typed_doubles, stem, key[cut - 1], count, family, variant, cost, "chain",
                                           floor)
        tried += 1
        if tried == 2:
            break
    return scored


def _swapped_at_boundary(
    lexicon: Lexicon, typed_doubles: set[str], key: str, floor: float
) -> list[tuple[str, float, str]]:
    """Known stem + a suffix chain whose first letter and the stem's last were typed the other
    way round (seritkeri -> серік·тері): neither the typed stem nor the typed ending is one slip
    from a word or a chain, so neither search finds them."""
    scored: list[tuple[str, float, str]] = []
    chains = _chain_skeletons()
    for cut in range(3, len(key) - 1):
        if key[cut - 1] == key[cut]:
            continue
        rest = key[cut - 1] + key[cut + 1 :]
        if rest not in chains["back"] and rest not in chains["front"]:
            continue
        stem_key = key[: cut - 1] + key[cut]
        for stem, count, family in _stems_before(lexicon, stem_key, rest):
            scored += _chained(typed_doubles, stem, stem_key[-1], count, family, rest, COST_SWAP, "chain", floor)
    return scored


def _slipped_stems(
    lexicon: Lexicon, typed_doubles: set[str], key: str, ranges: list[tuple[int, int, int, int]], floor: float
) -> list[tuple[str, float, str]]:
    """A stem one slip away under a suffix chain typed right (where the typed stem is no word);
    ``ranges`` are the :func:`_prefix_ranges` of ``key``, which its stems begin."""
    scored: list[tuple[str, float, str]] = []
    chains = _chain_skeletons()
    for cut in range(len(key) - 1, 2, -1):
        rest = key[cut:]
        if (rest in chains["back"] or rest in chains["front"]) and not _is_prefix_key(lexicon, key, cut, ranges):
            for variant, cost in _edits1(key[:cut], lexicon, ranges).items():
                for stem, count, family in lexicon.stems(variant):
                    scored += _chained(typed_doubles, stem, variant[-1], count, family, rest, cost, "stem", floor)
    return scored


def _chained(
    typed_doubles: set[str], stem: str, last: str, count: int, family: int, rest: str, cost: float, kind: str,
    floor: float,
) -> list[tuple[str, float, str]]:
    """The words ``stem`` + a chain spelling ``rest``, scored as suggestions for a spelling with
    the doubled consonants ``typed_doubles``, those that can reach ``floor`` only; ``last`` is the
    last letter of the skeleton ``stem`` is filed under."""
    prior = _prior(count, family)
    if _bound(prior, cost, 1, kind) < floor:
        return []
    return [_suggestion(typed_doubles, stem + chain, prior, cost, suffixes, kind)
            for chain, suffixes in _suffix_parses(rest, stem, last) if _bound(prior, cost, suffixes, kind) >= floor]


def _suggestion(
    typed_doubles: set[str], word: str, prior: float, cost: float, suffixes: int, kind: str
) -> tuple[str, float, str]:
    """``word`` as a suggestion, with its :func:`_typo_score` for a spelling with the doubled
    consonants ``typed_doubles`` (a word made here, whose form penalty no lexicon lookup cached)."""
    return word, _typo_score(prior, cost, suffixes, kind, _doubled(typed_doubles, word), _form_penalty(word)), "typo"
