"""Which dictionary knows a word: the evidence a short string's letters cannot give.

A two-word caption has too few letters for n-gram statistics, and a Kazakh
one without any of ә ғ қ ң ө ұ ү һ і ("Сурет редакторы", "Скрипт
индикаторы") looks Russian to them. The dictionaries translit ships say more:

* the Kazakh word forms of the recovery lexicon (hunspell-kk expanded with its
  own suffix rules, plus the corpus words; ``translit/data/lexicon``), with a
  form :mod:`translit.morphology.morph_kk` builds from a known stem (файл → файлды,
  баптау → баптаулар) counted as known too;
* pymorphy3's Russian dictionary (OpenCorpora), its proper names left out:
  names travel between the languages;
* for Latin letters, the same Kazakh forms under the folded spelling recovery
  looks them up by (Qazaq, Kazak and Kazaq are all қазақ).

A word both dictionaries know (фото, банк) is no evidence. One shape is
evidence by itself: a noun followed by a word that Russian reads only as a
plural nominative or accusative in -ы/-и ("Скрипт индикаторы") is the Kazakh
possessive construction; Russian does not put two such nouns side by side.

The Kazakh answers come from a Bloom filter of the lexicon's words
(``kk_known.bloom``, built by ``bench/build_known_words.py``: 2.4 MB, 0.1%
false positives) rather than the lexicon itself (0.3 s and 190 MB to load).
Both dictionaries load on first use, so only a caller that asks about short
strings pays for them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Callable

from ..morphology import morph_kk
from ..transliteration.alphabet import has_kazakh_letters

__all__ = ["Bloom", "Votes", "clear_caches", "cyrillic_votes", "latin_votes"]

BLOOM_FILE = "kk_known.bloom"
_BLOOM_MAGIC = b"translit-bloom/1"

# pymorphy3 grammemes of readings that are no evidence of Russian: names travel between languages.
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})
# The (plural, possessive) series of morph_kk.inflect a stem is tried in: a Kazakh form is found by
# regenerating it, so the stem's harmony and final sound are checked too.
_SERIES = ((False, None), (True, None), (False, "3"), (True, "3"), (False, "1pl"))


@dataclass(frozen=True)
class Votes:
    """The weight of the words of a string that only the Kazakh dictionary knows, and of those only the
    Russian one knows. A Russian-only word counts half: Kazakh text is full of Russian loanwords
    hunspell-kk does not list (диссоциация болып), while a Kazakh-only word in Russian text is rare."""

    kazakh: float = 0.0
    russian: float = 0.0


class Bloom:
    """A Bloom filter: ``item in bloom`` is never wrong for an added item, and rarely right for another."""

    def __init__(self, bits: bytearray | bytes, hashes: int) -> None:
        self._bits = bits
        self._size = len(bits) * 8
        self._hashes = hashes

    @classmethod
    def empty(cls, size: int, hashes: int) -> Bloom:
        return cls(bytearray((size + 7) // 8), hashes)

    @classmethod
    def from_bytes(cls, data: bytes) -> Bloom:
        header, _, bits = data.partition(b"\n")
        magic, hashes = header.split()
        if magic != _BLOOM_MAGIC:
            raise ValueError("not a translit Bloom filter")
        return cls(bits, int(hashes))

    def to_bytes(self) -> bytes:
        return _BLOOM_MAGIC + b" %d\n" % self._hashes + bytes(self._bits)

    def _positions(self, item: str) -> list[int]:
        digest = int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=16).digest(), "little")
        first, step = digest & 0xFFFFFFFFFFFFFFFF, (digest >> 64) | 1
        return [(first + i * step) % self._size for i in range(self._hashes)]

    def add(self, item: str) -> None:
        bits = self._bits
        assert isinstance(bits, bytearray)
        for position in self._positions(item):
            bits[position >> 3] |= 1 << (position & 7)

    def __contains__(self, item: object) -> bool:
        bits = self._bits
        return isinstance(item, str) and all(bits[p >> 3] >> (p & 7) & 1 for p in self._positions(item))


@cache
def _kazakh_known() -> Bloom:
    from ..resources import bundled_dir

    return Bloom.from_bytes((bundled_dir("data") / "lexicon" / BLOOM_FILE).read_bytes())


@cache
def _russian() -> Any:
    import pymorphy3
    from pymorphy3.units import DictionaryAnalyzer

    # The dictionary alone: the default analyzer also guesses unknown words, which is no evidence.
    return pymorphy3.MorphAnalyzer(units=[DictionaryAnalyzer()])


def _in_kazakh_lexicon(word: str) -> bool:
    """A Kazakh word form of the lexicon (``word`` lower case, without a letter Russian lacks)."""
    return "c" + word in _kazakh_known()


@cache
def _endings() -> dict[str, tuple[str, ...]]:
    """Every ending :func:`_inflected` may find, by last letter, longest first: what morph_kk adds to
    stems of every final sound and harmony (a stem it changes, кітап → кітабы, is listed whole)."""
    found = set()
    for stem in ("бала", "әке", "кітап", "мектеп", "адам", "ел", "қыз", "көз", "тау", "оқу", "жол", "үй"):
        for plural, person in _SERIES:
            for case in morph_kk.CASES:
                form = morph_kk.inflect(stem, case, plural_number=plural, person=person)
                if form.startswith(stem) and form != stem:
                    found.add(form[len(stem) :])
    by_last: dict[str, list[str]] = {}
    for ending in sorted(found, key=len, reverse=True):
        by_last.setdefault(ending[-1], []).append(ending)
    return {last: tuple(endings) for last, endings in by_last.items()}


def _inflected(word: str, known_stem: Callable[[str], bool]) -> bool:
    """``word`` is a stem ``known_stem`` accepts with Kazakh endings, as :mod:`translit.morphology.morph_kk` writes them."""
    for ending in _endings().get(word[-1:], ()):
        stem = word[: -len(ending)]
        if len(stem) < 2 or not word.endswith(ending) or not known_stem(stem):
            continue
        for plural, person in _SERIES:
            for case in morph_kk.CASES:
                if morph_kk.inflect(stem, case, plural_number=plural, person=person) == word:
                    return True
    return False


@lru_cache(maxsize=1 << 14)
def kazakh_knows(word: str) -> bool:
    """Whether ``word`` (lower case, Cyrillic) is a Kazakh word form: one with a letter Russian lacks,
    a listed one, a listed stem with Kazakh endings (файлды), or a word Russian lacks made of a
    Russian stem and Kazakh endings (атрибуттар)."""
    if has_kazakh_letters(word) or _in_kazakh_lexicon(word) or _inflected(word, _in_kazakh_lexicon):
        return True
    return not russian_knows(word) and _inflected(word, russian_knows)


@lru_cache(maxsize=1 << 14)
def _russian_parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of ``word`` (lower case), parsed once for every question asked of them."""
    return tuple(_russian().parse(word))


@lru_cache(maxsize=1 << 14)
def _russian_readings(word: str) -> tuple[Any, ...]:
    return tuple(p for p in _russian_parses(word) if not (_NAME_GRAMMEMES & p.tag.grammemes))


def _russian_name(word: str) -> bool:
    """Whether pymorphy3's dictionary lists ``word`` (lower case) as a name, a place or an abbreviation."""
    return any(p.is_known and _NAME_GRAMMEMES & p.tag.grammemes for p in _russian_parses(word))


def russian_knows(word: str) -> bool:
    """Whether pymorphy3's dictionary has ``word`` (lower case) as something other than a name."""
    return bool(_russian_readings(word))


def _plural_only(word: str) -> bool:
    """Russian reads ``word`` only as a plural noun in the nominative or accusative, in -ы/-и."""
    readings = _russian_readings(word)
    return bool(readings) and word.endswith(("ы", "и")) and all(
        p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case in ("nomn", "accs") for p in readings
    )


def _noun_in_nominative(word: str) -> bool:
    readings = _russian_readings(word)
    return bool(readings) and all(p.tag.POS == "NOUN" for p in readings) and any(
        p.tag.case == "nomn" and p.tag.number == "sing" for p in readings
    )


def cyrillic_votes(words: list[str]) -> Votes:
    """The dictionaries' evidence about Cyrillic ``words`` (as written)."""
    lower = [w.lower() for w in words if len(w) > 1]
    kazakh = [0.0] * len(lower)
    russian = [0.0] * len(lower)
    for index, word in enumerate(lower):
        in_kazakh, in_russian = kazakh_knows(word), russian_knows(word)
        if in_russian and index and _plural_only(word) and _noun_in_nominative(lower[index - 1]):
            # Скрипт индикаторы: the Kazakh possessive construction, not two Russian nominatives;
            # the noun before it is a loan inside a Kazakh phrase, no Russian vote.
            kazakh[index], russian[index - 1] = 2.0, 0.0
            continue
        # a name Russian's dictionary lists (Алматы, Назарбаев, РК) travels both ways: no Kazakh vote
        kazakh[index] = float(in_kazakh and not in_russian and not _russian_name(word))
        russian[index] = 0.5 * (in_russian and not in_kazakh)
    return Votes(sum(kazakh), sum(russian))


def latin_votes(words: list[str]) -> Votes:
    """How many more Latin ``words`` spell a Kazakh word form in some romanization (Qazaq, tili)
    than spell none: Russian typed in Latin carries loans Kazakh shares ("Prezident Kazakhstana
    podpisal ukaz"), and one such word must not outvote the Russian words around it."""
    from ..recovery import fold

    known = _kazakh_known()
    spelled = ["l" + fold(w.lower()) in known for w in words if len(w) > 2]
    return Votes(kazakh=max(0, 2 * sum(spelled) - len(spelled)))


def clear_caches() -> None:
    """Forget the per-word answers (the dictionaries stay loaded): for measuring never-seen text."""
    for cached in (kazakh_knows, _russian_readings, _russian_parses):
        cached.cache_clear()
