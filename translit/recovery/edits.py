"""Neighbours one slip away: the skeletons of the lexicon one edit from a typed
one, the slips of the typed letters the skeleton hides, and the indexes
(prefix ranges, reversed skeletons, SymSpell deletions) that find them fast.

The channel costs of the slips are here, in units of a letter left out.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from .grammar import _chain_next, _chain_skeletons
from .index_cache import corpus_slips
from .lexicon import Lexicon, _endings, _sorted_extra
from .scoring import _distance
from .spelling import _KEY_VOWELS


_KEY_ALPHABET = "abdefghijklmnoprstuvz"


def _edits1(key: str, known: Lexicon, ranges: list[tuple[int, int, int, int]] | None = None) -> dict[str, float]:
    """The skeletons of ``known`` one edit away from the typed ``key``, with the edit's channel cost.

    Costs are -log P(typed | intended) in units of one plain edit: a letter
    left out (the intended word has one more) or two neighbours swapped are the
    common slips; a letter typed extra or typed wrong has to be one particular
    letter of the alphabet, so it costs more, except where by-ear spelling
    blurs vowels (a vowel for a vowel, a vowel dropped or added).

    A letter inserted or substituted at position ``i`` gives a skeleton that
    starts with ``key[:i]`` and ends with the rest. The sorted skeletons with
    that prefix form one range, narrowed letter by letter; when it is small
    (past the slip it is usually empty) its skeletons are read directly, and
    when it is large (near the start) the skeletons ending with the rest are
    read from the skeletons sorted backwards (:func:`_endings`), instead of
    testing the 42 variants of the position one by one. ``ranges`` are the
    :func:`_prefix_ranges` of ``key`` or of a word it begins (a stem's edits
    share them with the whole word's).
    """
    vowels = _KEY_VOWELS
    keys = known.keys
    extra_keys = _sorted_extra(known)
    size = len(key)
    out: dict[str, float] = {}
    if ranges is None:
        ranges = _prefix_ranges(known, key)
    # the ranges of the skeletons ending with a suffix of the key: position i asks for the
    # rest and the rest but one letter, position i + 1 for that one again
    ends: dict[str, list[tuple[tuple[str, ...], int, int]]] = {}
    # past the last range every variant starts with a prefix no skeleton has
    for i in range(min(size + 1, len(ranges))):
        a, b = key[:i], key[i:]
        lo, hi, elo, ehi = ranges[i]
        tail = b[1:]
        inserted: list[tuple[str, float]] = []
        substituted: list[tuple[str, float]] = []
        if hi - lo + ehi - elo <= _WINDOW:
            # few skeletons start with the prefix: read them instead of testing 42 variants
            window = keys[lo:hi] if elo == ehi else sorted(set(keys[lo:hi]) | set(extra_keys[elo:ehi]))
            for found in window:
                if len(found) == size + 1 and found.endswith(b) and found[i] in _KEY_ALPHABET:
                    inserted.append((found, COST_VOWEL_MISSING if found[i] in vowels else COST_MISSING))
                elif b and len(found) == size and found.endswith(tail) and found[i] in _KEY_ALPHABET:
                    c = found[i]
                    substituted.append((found, COST_VOWEL_FOR_VOWEL if c in vowels and b[0] in vowels else COST_WRONG))
        else:
            # many skeletons start with the prefix (a slip near the start): take those that end
            # with the rest of the word instead, when they are few
            extra = known.extra
            ending = _ending_with(_ending_ranges(known, b, ends), size + 1, a)
            if ending is not None:
                inserted = [(found, COST_VOWEL_MISSING if found[i] in vowels else COST_MISSING) for found in ending]
            else:
                for c in _KEY_ALPHABET:
                    variant = a + c + b
                    j = bisect_left(keys, variant, lo, hi)
                    if (j < hi and keys[j] == variant) or variant in extra:
                        inserted.append((variant, COST_VOWEL_MISSING if c in vowels else COST_MISSING))
            ending = _ending_with(_ending_ranges(known, tail, ends), size, a) if b else []
            if ending is not None:
                substituted = [
                    (found, COST_VOWEL_FOR_VOWEL if found[i] in vowels and b[0] in vowels else COST_WRONG)
                    for found in ending
                ]
            else:
                for c in _KEY_ALPHABET:
                    variant = a + c + tail
                    j = bisect_left(keys, variant, lo, hi)
                    if (j < hi and keys[j] == variant) or variant in extra:
                        substituted.append(
                            (variant, COST_VOWEL_FOR_VOWEL if c in vowels and b[0] in vowels else COST_WRONG))
        # in the order insertions, deletion, swap, substitutions: a tie keeps the first cost
        checked = inserted
        if b:
            # the deletion and the swap start with the prefix too: looked up in its range
            spelled = [(a + tail, COST_VOWEL_EXTRA if b[0] in vowels else COST_EXTRA)]
            if len(b) > 1:
                spelled.append((a + b[1] + b[0] + b[2:], COST_SWAP))
            for variant, cost in spelled:
                j = bisect_left(keys, variant, lo, hi)
                if (j < hi and keys[j] == variant) or variant in known.extra:
                    checked.append((variant, cost))
            checked += substituted
        for variant, cost in checked:
            if out.get(variant, 99.0) > cost:
                out[variant] = cost
    out.pop(key, None)
    return out


_WINDOW = 512
"""Up to this many skeletons with a prefix, :func:`_edits1` reads them instead of testing variants
(up to 42 searches of a million skeletons each, which miss the processor's cache; compiled, 128
took 1.5% more instructions on the bench's mistyped text, 1,500 4% more)."""


def _prefix_ranges(known: Lexicon, key: str) -> list[tuple[int, int, int, int]]:
    """For i = 0, 1, ...: the ranges of the skeletons and of the names-list and glossary skeletons
    (:func:`_sorted_extra`) that start with ``key[:i]``, each narrowed from the one before, up to
    the first prefix that none starts with."""
    keys, extra_keys = known.keys, _sorted_extra(known)
    lo, hi, elo, ehi = 0, len(keys), 0, len(extra_keys)
    ranges = [(lo, hi, elo, ehi)]
    for i in range(1, len(key) + 1):
        prefix = key[:i]
        lo = bisect_left(keys, prefix, lo, hi)
        hi = bisect_left(keys, prefix + "\uffff", lo, hi)
        elo = bisect_left(extra_keys, prefix, elo, ehi)
        ehi = bisect_left(extra_keys, prefix + "\uffff", elo, ehi)
        if lo == hi and elo == ehi:
            break
        ranges.append((lo, hi, elo, ehi))
    return ranges


def _is_prefix_key(known: Lexicon, key: str, cut: int, ranges: list[tuple[int, int, int, int]]) -> bool:
    """Whether ``key[:cut]`` is a skeleton of ``known``, from the :func:`_prefix_ranges` of ``key``
    alone: a prefix sorts first among the skeletons it begins, and past the last range none begins
    with it. The typo search asks this of most prefixes of a typed word, which a lookup would
    answer with a search of a million skeletons each."""
    if cut >= len(ranges):
        return False
    lo, hi, elo, ehi = ranges[cut]
    prefix = key[:cut]
    return (lo < hi and known.keys[lo] == prefix) or (elo < ehi and _sorted_extra(known)[elo] == prefix)


def _in_ranges(known: Lexicon, found: str, key: str, ranges: list[tuple[int, int, int, int]]) -> bool:
    """Whether ``found`` is a skeleton of ``known``, searched among the skeletons that share its
    common prefix with ``key`` only (``ranges`` are the :func:`_prefix_ranges` of ``key``): a slip
    of the typed letters keeps most of the typed prefix, and the full search's first steps, over a
    million skeletons, miss the processor's cache."""
    if found in known.extra:
        return True
    common = 0
    most = min(len(found), len(key), len(ranges) - 1)
    while common < most and found[common] == key[common]:
        common += 1
    lo, hi, _, _ = ranges[common]
    keys = known.keys
    at = bisect_left(keys, found, lo, hi)
    return at < hi and keys[at] == found


def _ending_ranges(
    known: Lexicon, suffix: str, found: dict[str, list[tuple[tuple[str, ...], int, int]]]
) -> list[tuple[tuple[str, ...], int, int]]:
    """The ranges of the skeletons and of the names/glossary skeletons spelled backwards
    (:func:`_endings`) that end with ``suffix``: (reversed skeletons, start, stop) each, kept in
    ``found``."""
    ranges = found.get(suffix)
    if ranges is None:
        backwards = suffix[::-1]
        ranges = found[suffix] = []
        for reversed_keys in _endings(known):
            lo = bisect_left(reversed_keys, backwards)
            ranges.append((reversed_keys, lo, bisect_left(reversed_keys, backwards + "\uffff", lo)))
    return ranges


def _ending_with(ranges: list[tuple[tuple[str, ...], int, int]], length: int, prefix: str) -> list[str] | None:
    """The skeletons ``prefix`` + one letter of :data:`_KEY_ALPHABET` + a suffix (``length``
    letters), sorted, from the :func:`_ending_ranges` of the suffix; None when more than
    :data:`_WINDOW` skeletons end with it."""
    if sum(hi - lo for _, lo, hi in ranges) > _WINDOW:
        return None
    found: set[str] = set()
    at = len(prefix)
    for reversed_keys, lo, hi in ranges:
        for backward in reversed_keys[lo:hi]:
            if len(backward) == length:
                key = backward[::-1]
                if key.startswith(prefix) and key[at] in _KEY_ALPHABET:
                    found.add(key)
    return sorted(found)


# Channel costs of :func:`_edits1`, in units of a letter left out: the intended word has a letter
# more (the common slip) / two neighbours swapped / the typist added one / typed a wrong one (it has
# to be one particular letter of the alphabet, so these cost more) / a vowel for a vowel (by-ear
# spelling blurs vowels). Fitted with the weights below.
COST_MISSING = 1.0
COST_VOWEL_MISSING = 0.947
COST_SWAP = 1.0
COST_EXTRA = 2.25
COST_VOWEL_EXTRA = 1.93
COST_WRONG = 2.4
COST_VOWEL_FOR_VOWEL = 1.8
COST_LATIN_HALF = 2.2
"""A typed vowel deleted or two typed letters swapped (:func:`_latin_edits`)."""
COST_LATIN_CONSONANT = 2.2
"""A typed consonant deleted (:func:`_latin_edits`)."""
COST_SAME_SKELETON = 0.9
"""Another spelling of the typed skeleton (a by-ear edit the fold hides, usually a vowel)."""


_LATIN_VOWEL_LETTERS = "aeiouy"


def _latin_edits(latin: str) -> dict[str, float]:
    """Slips of the typed letters that a skeleton edit can miss, with their channel cost.

    Deletions and swaps of any typed letter (a swapped "zh" is two skeleton
    edits, a deleted e in "sh(e)sh" three). Letters left out or typed wrong
    where the skeleton (:func:`fold`) merges or rewrites letters, so that one
    slip is two skeleton edits there: a letter left out between two equal
    letters (doubles are merged: "taayyndau" for tagayyndau), a letter the
    skeleton spells otherwise typed for another ("akimdcri": c is ts), and the
    second letter of a by-ear pair left out or typed wrong after the first
    ("zoastagy", "zaksy" for zhastagy, zhaksy: zh is one letter, j). Letters typed wrong
    or left out elsewhere in the pairs were measured too: 0.2 points of top-3
    rate for 25% more lookups.
    """
    vowels = _LATIN_VOWEL_LETTERS
    out: dict[str, float] = {}
    for i in range(len(latin)):
        a, b = latin[:i], latin[i:]
        out[a + b[1:]] = COST_LATIN_HALF if b[0] in vowels else COST_LATIN_CONSONANT
        if len(b) > 1:
            out[a + b[1] + b[0] + b[2:]] = COST_LATIN_HALF
    for i in range(len(latin) + 1):
        a, b = latin[:i], latin[i:]
        left_out = typed_wrong = _PAIR_SECONDS.get(a[-1], "") if a else ""
        if a and b and a[-1] == b[0]:
            left_out = _LATIN_LETTERS
        if b and b[0] in _REWRITTEN:
            typed_wrong = _LATIN_LETTERS
        # setdefault: a deletion or swap above that spells the same keeps its cost
        for c in left_out:
            out.setdefault(a + c + b, COST_VOWEL_MISSING if c in vowels else COST_MISSING)
        if b:
            for c in typed_wrong:
                if c != b[0]:
                    out.setdefault(a + c + b[1:], COST_VOWEL_FOR_VOWEL if c in vowels and b[0] in vowels else COST_WRONG)
    out.pop(latin, None)
    return out


_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_PAIR_SECONDS = {"z": "h", "s": "h", "c": "h", "k": "h", "t": "s", "y": "eo", "i": "e"}
"""The by-ear Latin letter pairs (zh, sh, ch, kh, ts, ye, yo, ie): their second letters, by the
first. :func:`fold` spells zh, kh, ye, yo and ie as one letter, so a slip in their second letter
is two skeleton edits; in sh, ch and ts it is one, which the skeleton edit finds too."""
_REWRITTEN = frozenset("cx")
"""Letters the skeleton spells otherwise, so that one typed for another is not one skeleton edit
(c is ts; x is h, which joins the k, s or z before it). q (k) and w (u) are: the skeleton edit finds them."""


@lru_cache(maxsize=4)
def _corpus_index(lexicon: Lexicon) -> dict[str, tuple[tuple[str, int], ...]]:
    """One-deletion neighbourhood (SymSpell) of the skeletons of the corpus, names-list and
    glossary words (about 9,000): each skeleton under itself (position -1) and under every
    string one letter shorter, with the position of the letter left out.

    Tuples, not lists: the garbage collector stops tracking a tuple of strings and numbers,
    while 65,000 lists would be walked by every full collection (50-90 ms each on the bench)."""
    index: dict[str, tuple[tuple[str, int], ...]] = {}
    found = index.get
    for key in (*lexicon.attested, *lexicon.extra):
        # most deletions are shared by one or two skeletons: growing a tuple is as fast as a list
        index[key] = found(key, ()) + ((key, -1),)
        for i in range(len(key)):
            deleted = key[:i] + key[i + 1 :]
            index[deleted] = found(deleted, ()) + ((key, i),)
    return index


def _corpus_near(lexicon: Lexicon, key: str) -> dict[str, float]:
    """Skeletons of corpus words one slip from the typed ``key``, with the slip's channel cost
    (see :func:`_edits1`).

    The typed skeleton minus letter ``p`` (or whole, ``p`` = -1) meets a
    skeleton minus letter ``q`` (or whole): whole meets minus ``q``, a letter
    left out; minus ``p`` meets whole, a letter typed extra; ``p`` = ``q``, a
    letter typed wrong; ``p`` next to ``q`` with the same letter left out, two
    letters swapped. Any other meeting is two slips.
    """
    index = corpus_slips(lexicon)
    vowels = _KEY_VOWELS
    out: dict[str, float] = {}
    for found, q in index.get(key, ()):
        if q >= 0:
            out[found] = COST_VOWEL_MISSING if found[q] in vowels else COST_MISSING
    for p in range(len(key)):
        typed = key[p]
        for found, q in index.get(key[:p] + key[p + 1 :], ()):
            if found == key:
                continue
            if q < 0:
                cost = COST_VOWEL_EXTRA if typed in vowels else COST_EXTRA
            elif q == p:
                cost = COST_VOWEL_FOR_VOWEL if typed in vowels and found[q] in vowels else COST_WRONG
            elif (q == p - 1 or q == p + 1) and found[q] == typed:
                cost = COST_SWAP
            else:
                continue
            if cost < out.get(found, 99.0):
                out[found] = cost
    return out


def _deletions(key: str, depth: int) -> set[str]:
    """``key`` and every string up to ``depth`` letters shorter."""
    found = {key}
    frontier = {key}
    for _ in range(depth):
        frontier = {word[:i] + word[i + 1 :] for word in frontier for i in range(len(word))}
        found |= frontier
    return found


@lru_cache(maxsize=4)
def _names_index(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Two-deletion neighbourhood of the names-list and glossary skeletons (SymSpell): the words
    of the posts translit is for get a wider net than the dictionary (miassi -> миссиясы)."""
    index: dict[str, set[str]] = {}
    for key in lexicon.extra:
        if len(key) >= 4:
            for deleted in _deletions(key, 2):
                index.setdefault(deleted, set()).add(key)
    return {deleted: tuple(sorted(keys)) for deleted, keys in index.items()}


def _names_near(lexicon: Lexicon, key: str) -> dict[str, int]:
    """Names-list and glossary skeletons one or two slips from ``key``, with that number."""
    if len(key) < 4:
        return {}
    index = _names_index(lexicon)
    found: dict[str, int] = {}
    for deleted in _deletions(key, 2):
        for name in index.get(deleted, ()):
            if name not in found and name != key:
                distance = _distance(name, key, 3)
                if distance <= 2:
                    found[name] = distance
    return found


def _chain_variants(typed: str, side: str) -> dict[str, float]:
    """The chain skeletons of ``side`` harmony (:func:`_chain_skeletons`) one edit from the typed
    ending, with the channel cost of that slip (see :func:`_edits1`). Letters are tried only
    where a chain can go on, and the search stops at the first typed prefix no chain has."""
    vowels = _KEY_VOWELS
    chains = _chain_skeletons()[side]
    out: dict[str, float] = {}
    for i in range(len(typed) + 1):
        a, b = typed[:i], typed[i:]
        letters = _chain_next(side, a)
        if not letters and a not in chains:
            break
        found = [(a + c + b, COST_VOWEL_MISSING if c in vowels else COST_MISSING) for c in letters]
        if b:
            found.append((a + b[1:], COST_VOWEL_EXTRA if b[0] in vowels else COST_EXTRA))
            if len(b) > 1:
                found.append((a + b[1] + b[0] + b[2:], COST_SWAP))
            found += [(a + c + b[1:], COST_VOWEL_FOR_VOWEL if c in vowels and b[0] in vowels else COST_WRONG)
                      for c in letters if c != b[0]]
        for variant, cost in found:
            if variant in chains and variant != typed:
                out.setdefault(variant, cost)
    return out
