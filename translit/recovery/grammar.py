"""The Kazakh suffix grammar: vowel harmony, final-sound classes, suffix
allomorphs and the chains of suffixes a stem may take, in slot order.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from functools import lru_cache

from .lexicon import Lexicon
from .spelling import _KEY_VOWELS, fold, romanize_word, skeleton


_BACK = frozenset("аоұыя")
_FRONT = frozenset("әеөүіэю")
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_CONSONANT_FINAL = {**{c: "K" for c in "бвгғдкқпстфхһцчшщ"}, **{c: "S" for c in "лрйу"},
                    **{c: "N" for c in "мнң"}, **{c: "Z" for c in "жз"}}


_LOAN_VOWELS = {"у": "back", "и": "front"}


def harmony(word: str) -> str:
    """``back`` or ``front``: the class of the last harmonic vowel (у and и only as a last resort).

    A у or и between consonants is the vowel [u] or [i] of a loan word, which Kazakh counts
    as back or front (ресурстар, механизмі); elsewhere у and и are glides. A final soft
    sign makes a loan word front (спектакльдер, рольдері).
    """
    if word.endswith("ь"):
        return "front"
    for i in range(len(word) - 1, -1, -1):
        char = word[i]
        if char in _BACK:
            return "back"
        if char in _FRONT:
            return "front"
        if char in _LOAN_VOWELS and 0 < i < len(word) - 1 and word[i - 1] not in _VOWELS and word[i + 1] not in _VOWELS:
            return _LOAN_VOWELS[char]
    for char in reversed(word):
        if char == "у":
            return "back"
        if char == "и":
            return "front"
    return "back"


def _final(word: str) -> str:
    """Class of the last sound: V vowel, S л р й у, N м н ң, Z ж з, K voiceless and other stops."""
    last = word[-1:]
    if last in _VOWELS and last != "у":  # у is a glide before suffixes: оқуы, оқудың
        return "V"
    return _CONSONANT_FINAL.get(last, "K")


# (allomorph, classes of the preceding sound it follows). "P" = after a 3rd-person possessive ы/і/сы/сі.
# л takes д- in the plural and derivations (қолдар) but л- nowhere, р й у take л-.
_FAMILIES: dict[str, tuple[tuple[str, str], ...]] = {
    "gen": (("ның", "VN"), ("нің", "VN"), ("дың", "SZ"), ("дің", "SZ"), ("тың", "K"), ("тің", "K")),
    "acc": (("ны", "V"), ("ні", "V"), ("ды", "SNZ"), ("ді", "SNZ"), ("ты", "K"), ("ті", "K"), ("н", "P")),
    "dat": (("ға", "VSNZ"), ("ге", "VSNZ"), ("қа", "K"), ("ке", "K"), ("на", "P"), ("не", "P")),
    "loc": (("да", "VSNZ"), ("де", "VSNZ"), ("та", "K"), ("те", "K"), ("нда", "P"), ("нде", "P")),
    "abl": (("дан", "VSZ"), ("ден", "VSZ"), ("нан", "NP"), ("нен", "NP"), ("тан", "K"), ("тен", "K")),
    # after м н ң the instrumental is -мен (Қазақстанмен, қайнағанмен), after ж з -бен
    "ins": (("мен", "VSN"), ("бен", "Z"), ("пен", "K")),
    "attr": (("дағы", "VSNZ"), ("дегі", "VSNZ"), ("тағы", "K"), ("тегі", "K"), ("ндағы", "P"), ("ндегі", "P")),
    "pl": (("лар", "Vr"), ("лер", "Vr"), ("дар", "lNZ"), ("дер", "lNZ"), ("тар", "K"), ("тер", "K")),
    "p3": (("сы", "V"), ("сі", "V"), ("ы", "SNZK"), ("і", "SNZK")),
    "p1": (("м", "V"), ("ым", "SNZK"), ("ім", "SNZK"), ("мыз", "V"), ("міз", "V"), ("ымыз", "SNZK"), ("іміз", "SNZK")),
    "p2": (("ң", "V"), ("ың", "SNZK"), ("ің", "SNZK"), ("ңыз", "V"), ("ңіз", "V"), ("ыңыз", "SNZK"), ("іңіз", "SNZK")),
    "lyk": (("лық", "Vr"), ("лік", "Vr"), ("дық", "lNZ"), ("дік", "lNZ"), ("тық", "K"), ("тік", "K")),
    # -лық voiced before a vowel (-дығы); the grammar does not ask what follows
    "lyg": (("лығ", "Vr"), ("ліг", "Vr"), ("дығ", "lNZ"), ("діг", "lNZ"), ("тығ", "K"), ("тіг", "K")),
    "ly": (("лы", "Vr"), ("лі", "Vr"), ("ды", "lNZ"), ("ді", "lNZ"), ("ты", "K"), ("ті", "K")),
    "syz": (("сыз", "VSNZK"), ("сіз", "VSNZK")),
    "shy": (("шы", "VSNZK"), ("ші", "VSNZK")),
    "day": (("дай", "VSNZ"), ("дей", "VSNZ"), ("тай", "K"), ("тей", "K")),
    "sha": (("ша", "VSNZK"), ("ше", "VSNZK")),
    "gan": (("ған", "VSNZ"), ("ген", "VSNZ"), ("қан", "K"), ("кен", "K")),
    "atyn": (("атын", "SNZK"), ("етін", "SNZK"), ("йтын", "V"), ("йтін", "V")),
    "yp": (("ып", "SNZK"), ("іп", "SNZK"), ("п", "V")),
    "u": (("у", "VSNZK"),),
    "neg": (("ма", "VS"), ("ме", "VS"), ("ба", "NZ"), ("бе", "NZ"), ("па", "K"), ("пе", "K")),
    "sa": (("са", "VSNZK"), ("се", "VSNZK")),
    "a": (("а", "SNZK"), ("е", "SNZK"), ("й", "V")),
    # the predicate's personal endings (қазақ·пын, бала·мын, жалғыз·быз, қазақ·сың, қазақ·сыз); after
    # м н ң the textbooks give -бын/-быз, usage has -мын/-мыз too (адаммын, келгенмін): both read
    "person": (("мын", "VSN"), ("мін", "VSN"), ("бын", "NZ"), ("бін", "NZ"), ("пын", "K"), ("пін", "K"),
               ("мыз", "VSN"), ("міз", "VSN"), ("быз", "NZ"), ("біз", "NZ"), ("пыз", "K"), ("піз", "K"),
               ("сың", "VSNZK"), ("сің", "VSNZK"), ("сыз", "VSNZK"), ("сіз", "VSNZK"),
               ("сыңдар", "VSNZK"), ("сіңдер", "VSNZK"), ("сыздар", "VSNZK"), ("сіздер", "VSNZK")),
    "past": (("ды", "VSNZ"), ("ді", "VSNZ"), ("ты", "K"), ("ті", "K")),
    "mak": (("мақ", "VS"), ("мек", "VS"), ("бақ", "NZ"), ("бек", "NZ"), ("пақ", "K"), ("пек", "K")),
    "mas": (("мас", "VS"), ("мес", "VS"), ("бас", "NZ"), ("бес", "NZ"), ("пас", "K"), ("пес", "K")),
    "pass": (("ыл", "SNZK"), ("іл", "SNZK"), ("л", "V")),
    "imp1": (("айық", "SNZK"), ("ейік", "SNZK"), ("йық", "V"), ("йік", "V")),
    "we": (("қ", "V"), ("к", "V")),
}
# Order of suffix slots: derivation (may repeat) < plural < possessive < case < personal ending.
_RANK = {"pl": 1, "p1": 2, "p2": 2, "p3": 2, "gen": 3, "acc": 3, "dat": 3, "loc": 3, "abl": 3,
         "ins": 3, "attr": 3, "person": 4, "imp1": 4, "we": 4}
CASE_ENDINGS = tuple(sorted({allomorph for family, allomorphs in _FAMILIES.items() if _RANK.get(family) == 3
                             for allomorph, _ in allomorphs if len(allomorph) >= 2}))
"""The case endings of two letters or more. A form the dictionary's suffix rules make with one
(кітаптарға, жұмыстарда) is filed as closed (:data:`CLOSED_MARK`) by bench/build_kk_lexicon.py:
it takes no further suffix. As stems they made forms no Kazakh has (бағыт·қа·ға, арза·да·ды),
which took places among the suggestions: +0.3 point of top-3. A form so ending that the
dictionary lists as a stem itself (мұнда, балаларға) stays open."""
_POSSESSED_ONLY = frozenset(
    allomorph for allomorphs in _FAMILIES.values() if any("P" in classes for _, classes in allomorphs)
    for allomorph, classes in allomorphs if "P" not in classes)
"""Case allomorphs a 3rd-person possessive in the chain never takes: its own ("P") do
(әсер·і·не, not әсер·і·ге)."""
_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
_SECOND_PERSON = re.compile(r"[^аәеоөұүыіиэюяуйндт][ыі]ң$")
"""The "your (sg.)" ending -ың/-ің after a consonant (after н, д or т it is the genitive's)."""


def _your_singular(word: str) -> bool:
    """Whether ``word`` ends in "your (sg.)" (:data:`_SECOND_PERSON`). Its last letter first: a
    search of the pattern tries it at every letter, and the typo search asks of every candidate."""
    return word[-1:] == "ң" and _SECOND_PERSON.search(word) is not None


_CLOSED = re.compile(f"{_GENITIVE.pattern}|{_SECOND_PERSON.pattern}")
"""A genitive or a "your (sg.)" form: a stem of five letters or more so ending is such a form
(the dictionary lists them), which takes no further suffix: отанның·да, бөлімің·і are no words,
and бөлім·ің·ді is found from бөлім. Shorter stems so ending are roots (мың, таң)."""
_CLOSED_FROM = 5
_HARMONY_FREE = frozenset({"ins"})
"""Families spelled the same after back and front stems (достарымен, кітаптармен)."""
_SUFFIX_COST = 0.8
_MAX_SUFFIXES = 3


@lru_cache(maxsize=4096)
def _allowed(tail: str, classes: str) -> bool:
    """Whether a suffix allomorph of ``classes`` may follow a word ending in ``tail`` (final sound;
    vowel harmony is checked by the caller)."""
    last = tail[-1:]
    ok = _final(tail) in classes
    if not ok and "P" in classes:
        ok = last in "ыі"
    if not ok and "r" in classes:
        ok = last in "рйу"
    if not ok and "l" in classes:
        ok = last == "л"
    if ok and "r" in classes and "S" not in classes and last == "л":
        ok = False
    return ok


@lru_cache(maxsize=1)
def _suffix_index() -> dict[str, tuple[tuple[str, str, int, str, str], ...]]:
    """Skeleton of each allomorph -> (allomorph, classes, slot rank, side of its first vowel,
    side of its last vowel) — sides are "" for an allomorph without a vowel."""
    index: dict[str, list[tuple[str, str, int, str, str]]] = {}
    for family, allomorphs in _FAMILIES.items():
        for allomorph, classes in allomorphs:
            key = fold(romanize_word(allomorph, "kk-news"))
            sides = [] if family in _HARMONY_FREE else [
                "back" if c in _BACK else "front" for c in allomorph if c in _BACK or c in _FRONT]
            entry = (allomorph, classes, _RANK.get(family, 0), sides[0] if sides else "", sides[-1] if sides else "")
            if entry not in index.setdefault(key, []):
                index[key].append(entry)
    return {key: tuple(pairs) for key, pairs in index.items()}


@lru_cache(maxsize=1)
def _suffix_starts() -> frozenset[str]:
    """Every prefix of an allomorph skeleton of :func:`_suffix_index` (lets :func:`_parses` stop early)."""
    return frozenset(key[:n] for key in _suffix_index() for n in range(1, len(key) + 1))


_LONGEST_SUFFIX = 6


@lru_cache(maxsize=1)
def _suffix_spellings() -> tuple[tuple[str, int, str], ...]:
    """What one suffix can spell in a skeleton, with its slot rank and harmony ("" for either): an
    allomorph skeleton of :func:`_suffix_index`, or all of it but its first letter (merged with the
    same letter before it)."""
    return tuple(sorted({(piece, slot, side) for key, entries in _suffix_index().items()
                         for _, _, slot, side, _ in entries for piece in (key, key[1:]) if piece}))


@lru_cache(maxsize=1)
def _suffix_pieces() -> frozenset[str]:
    """The skeletons of :func:`_suffix_spellings`, whatever the slot."""
    return frozenset(piece for piece, _, _ in _suffix_spellings())


@lru_cache(maxsize=1 << 14)
def _chain_spelled(rest: str, depth: int = 0) -> bool:
    """Whether the skeleton ``rest`` is a run of at most :data:`_MAX_SUFFIXES` of
    :func:`_suffix_pieces`, harmony and final sounds aside: what every parse of :func:`_parses`
    needs, so :func:`_analyses` does not even look up a stem whose rest fails it."""
    if not rest:
        return True
    if depth >= _MAX_SUFFIXES:
        return False
    pieces = _suffix_pieces()
    for size in range(1, min(len(rest), _LONGEST_SUFFIX) + 1):
        if rest[:size] in pieces and _chain_spelled(rest[size:], depth + 1):
            return True
    return False


def _suffix_parses(rest: str, prev: str, last: str | None = None) -> tuple[tuple[str, int], ...]:
    """(Cyrillic suffix chain, number of suffixes) spelling the skeleton ``rest`` after the word
    ``prev``, fewest suffixes first.

    ``last`` is the last letter of ``prev``'s skeleton, when the caller knows it (a lexicon
    word filed under a skeleton): computing the skeleton costs more than the parse.
    """
    ending = _stem_ending(prev)
    if ending is None:
        return ()
    return _parses(rest, *ending, skeleton(prev)[-1:] if last is None else last, 0, 0)


@lru_cache(maxsize=1 << 16)
def _stem_ending(stem: str) -> tuple[str, str] | None:
    """What of a stem its suffixes follow: (harmony, final letter); None when it takes none
    (:data:`_CLOSED`). The typo search parses a dozen typed endings after each stem it tries."""
    # both endings end in ң: the search is for the few stems that do
    if len(stem) >= _CLOSED_FROM and stem[-1:] == "ң" and _CLOSED.search(stem):
        return None
    # a soft or hard sign is silent: the letter before it is the final sound (спектакль-дер)
    return harmony(stem), stem.rstrip("ьъ")[-1:]


@lru_cache(maxsize=1 << 16)
def _parses(rest: str, side: str, tail: str, last: str, depth: int, rank: int) -> tuple[tuple[str, int], ...]:
    """Suffix chains after a word with harmony ``side``, last letter ``tail``, last skeleton letter
    ``last``, fewest suffixes first.

    The last letter is all of the word's ending that :func:`_allowed` reads, so stems that
    share it (and their harmony) share the cached chains.
    """
    if not rest:
        return (("", 0),)
    if depth >= _MAX_SUFFIXES:
        return ()
    index = _suffix_index()
    starts = _suffix_starts()
    # p1 and p2 end in м, ң or з: a suffix of their slot ending in ы or і is the 3rd person's
    after_possessive = rank == 2 and tail in "ыі"
    out: list[tuple[str, int]] = []
    for size in range(1, min(len(rest), _LONGEST_SUFFIX) + 1):
        head = rest[:size]
        # an allomorph spelled by the head, or merged with the stem's last letter before it
        merged = last + head
        if head not in starts and merged not in starts:
            break  # no allomorph is spelled by this head or a longer one
        for key in (head, merged):
            for allomorph, classes, slot, first, last_side in index.get(key, ()):
                if (slot <= rank and slot) or (rank and not slot) or (first and first != side):
                    continue
                if after_possessive and allomorph in _POSSESSED_ONLY:
                    continue
                if not _allowed(tail, classes):
                    continue
                chains = _parses(rest[size:], last_side or side, allomorph[-1:], key[-1:], depth + 1, slot)
                for chain, count in chains:
                    out.append((allomorph + chain, count + 1))
    # a tuple: the garbage collector stops tracking it (see _parse_record)
    return tuple(sorted(out, key=operator.itemgetter(1)))


_UNVOICED = {"g": "k", "b": "p"}
_VOICED = {"к": "г", "қ": "ғ", "п": "б"}
"""Stem-final consonants voiced before a vowel, and their skeleton letters."""


def _stems_before(lexicon: Lexicon, stem_key: str, rest: str) -> tuple[tuple[str, int, int], ...]:
    """The words filed under ``stem_key``, and the voiced stems (:func:`_voiced_stems`) when the
    skeleton ``rest`` that follows starts with a vowel."""
    stems = lexicon.stems(stem_key)
    return stems + _voiced_stems(lexicon, stem_key) if rest[0] in _KEY_VOWELS else stems


def _voiced_stems(lexicon: Lexicon, stem_key: str) -> tuple[tuple[str, int, int], ...]:
    """The stems ending in к, қ or п whose form voiced before a vowel has the skeleton
    ``stem_key`` (жаңалық as жаңалығ- under "janalig"), with their counts."""
    unvoiced = _UNVOICED.get(stem_key[-1])
    if not unvoiced:
        return ()
    return tuple((stem[:-1] + _VOICED[stem[-1]], count, family)
                 for stem, count, family in lexicon.stems(stem_key[:-1] + unvoiced) if stem[-1] in _VOICED)


@lru_cache(maxsize=2)
def _sorted_chains(side: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """The chain skeletons of ``side`` sorted, and the letters that follow "" and each one-letter
    prefix (their ranges hold most of the chains: scanning them for every typo search would cost
    more than the search)."""
    chains = tuple(sorted(_chain_skeletons()[side]))
    short: dict[str, set[str]] = {"": set()}
    for chain in chains:
        short[""].add(chain[0])
        if len(chain) > 1:
            short.setdefault(chain[0], set()).add(chain[1])
    return chains, {prefix: "".join(sorted(letters)) for prefix, letters in short.items()}


@lru_cache(maxsize=1 << 14)
def _chain_next(side: str, prefix: str) -> str:
    """The letters that follow ``prefix`` in a chain skeleton of ``side`` harmony ("" when no chain
    goes on from it). Asked for the prefixes of typed endings only: a table of every prefix took
    0.25 s to build on the first typo search."""
    chains, short = _sorted_chains(side)
    if len(prefix) < 2:
        return short.get(prefix, "")
    lo = bisect_left(chains, prefix)
    hi = bisect_left(chains, prefix + "\uffff", lo)
    at = len(prefix)
    if lo < hi and len(chains[lo]) == at:
        lo += 1  # the prefix itself, which sorts first
    # a jump past each letter's chains, not a scan of them all (thousands after a short prefix)
    letters = []
    while lo < hi:
        letter = chains[lo][at]
        letters.append(letter)
        lo = bisect_left(chains, prefix + letter + "\uffff", lo, hi)
    return "".join(letters)


@lru_cache(maxsize=1)
def _chain_skeletons() -> dict[str, frozenset[str]]:
    """Every skeleton of up to :data:`_MAX_SUFFIXES` suffixes in slot order and up to
    :data:`_LONGEST_CHAIN` letters (an allomorph may also be spelled without its first letter
    after a stem ending in it), by the harmony of the stems that can take it (a chain keeps its
    stem's harmony; skeletons spell the back vowels a, the front e): a superset of the chains
    :func:`_suffix_parses` accepts after a given stem, that rejects the many one-edit variants of
    a typed ending which no such stem could take. About 200,000 strings, built on the first typo
    search (0.15 s)."""
    masks = {"back": 1, "front": 2, "": 3}
    pieces: dict[tuple[str, int], int] = {}
    for spelled, slot, side in _suffix_spellings():
        pieces[spelled, slot] = pieces.get((spelled, slot), 0) | masks[side]
    # the pieces each slot may be followed by, shortest first: a chain stops trying them at the
    # first that would make it too long, instead of testing all 139 pieces at each of 250,000 steps
    following = {rank: sorted(((spelled, slot, sides) for (spelled, slot), sides in pieces.items()
                               if not ((slot <= rank and slot) or (rank and not slot))), key=lambda p: len(p[0]))
                 for rank in {0, *_RANK.values()}}
    found: tuple[set[str], set[str]] = (set(), set())
    add_back, add_front = found[0].add, found[1].add

    def extend(chain: str, depth: int, rank: int, sides: int) -> None:
        # sides: a bit for each harmony a stem taking the chain may have (1 back, 2 front)
        if sides & 1:
            add_back(chain)
        if sides & 2:
            add_front(chain)
        if depth == _MAX_SUFFIXES:
            return
        room = _LONGEST_CHAIN - len(chain)
        for spelled, slot, spelled_sides in following[rank]:
            if len(spelled) > room:
                break
            if sides & spelled_sides:
                extend(chain + spelled, depth + 1, slot, sides & spelled_sides)

    extend("", 0, 0, 3)
    return {"back": frozenset(found[0] - {""}), "front": frozenset(found[1] - {""})}


_LONGEST_CHAIN = 7
