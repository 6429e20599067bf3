"""Context: the neighbouring words choose between readings the letters cannot tell apart.

News ASCII writes н and ң alike, so "sanyn" is санын (its number, accusative) or саның (your
number), "on" is он (ten) or оң (right, positive). The word alone ranks them by frequency; the
sentence decides where it can: "your (sg.)" needs a "you" in the sentence, оң is read before the
words listed in :data:`CONTEXT_FILE`, and a genitive is what a possessed noun after it wants. In
the official alphabets ң has a letter of its own, so there an n where the phrase wants the
genitive's ң is a slip to suggest, not a reading to change silently.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .agreement import _possessed
from .grammar import _FAMILIES, _GENITIVE, _allowed
from .lexicon import Lexicon, lexicon_dir
from .results import Candidate, WordRecovery, _candidate
from .spelling import romanize_word, skeleton

CONTEXT_FILE = "kk_context.tsv"
SECOND_PERSON_WORDS = frozenset({"сен", "сенің", "сені", "саған", "сенде", "сенен", "сенімен", "сендер", "сендердің",
                                 "сендерді", "сендерге", "сендерде", "өзің", "өзіңнің", "өзіңді", "өзіңе", "өзіңде"})
"""Words that make "your (sg.)" likely in their sentence: without one, -ың after a consonant is read
as the accusative -ын of a possessed word (санын), which news writes far more often."""
_YOUR = re.compile(r"[ыі]ң$")
"""A reading ending like "your (sg.)"; its accusative twin ends in н (саның, санын)."""
_PARTICIPLE = re.compile(r"(?:атын|етін|йтын|йтін|ытын|ітін)$")
"""The participle that stands before nouns (беретін мүмкіндігі): no accusative to mend."""
_ACCUSATIVE = re.compile(r"[ыі]н$")
_UNIT_END = re.compile(r"[.!?\n\"«»“”„()\[\]]")
_OWN_N = {"kk-latin-2021": "ñ", "kk-latin-2018": "ń", "kk-latin-2017": "n'"}
"""The official alphabets' letter for ң: there, an n is н."""


@lru_cache(maxsize=4)
def read_context(path: Path) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The rules of :data:`CONTEXT_FILE`: a reading -> (the reading chosen instead, the beginnings of
    the words after it that choose it) for each rule."""
    rules: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    if not path.is_file():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        chosen, other, following = line.split("\t")
        rules[other] = rules.get(other, ()) + ((chosen, tuple(following.split())),)
    return rules


def choose_by_context(words: list[WordRecovery], styles: list[str], text: str, lexicon: Lexicon) -> list[WordRecovery]:
    """``words`` with the readings their sentence chooses first, and n-for-ң slips flagged (see the
    module's description); a word kept in Latin letters or flagged already is left alone."""
    rules = _rules()
    out = list(words)
    sentences = _sentences(words, text)
    # the sentences with a "you" in them
    addressed = {sentence for word, sentence in zip(words, sentences) if word.cyrillic.lower() in SECOND_PERSON_WORDS}
    for i, word in enumerate(words):
        # every choice below is between readings ending in н or ң, and needs two of them
        if word.typo or not word.known or len(word.alternatives) < 2 or word.cyrillic[-1:] not in "нңНҢ":
            continue
        reading = word.cyrillic.lower()
        following = words[i + 1].cyrillic.lower() if sentences[i + 1 : i + 2] == sentences[i : i + 1] else ""
        wanted = ""
        you = sentences[i] in addressed
        if _YOUR.search(reading) and not you and _accusative_twin(word, lexicon):
            wanted = reading[:-1] + "н"
        elif _ACCUSATIVE.search(reading) and you and not _genitive(reading[:-1] + "ң", lexicon, 3):
            wanted = reading[:-1] + "ң"
        for chosen, starts in rules.get(reading, ()):
            if following.startswith(starts):
                wanted = chosen
        if reading.endswith("н") and not _PARTICIPLE.search(reading) and following and _possessed(following, lexicon):
            genitive = reading[:-1] + "ң"
            if _genitive(genitive, lexicon):
                if styles[i] in _OWN_N:
                    out[i] = _n_for_ng(word, genitive, styles[i])
                    continue
                wanted = genitive
        if wanted and wanted != reading:
            out[i] = _promoted(word, wanted, styles[i])
    return out


@lru_cache(maxsize=1)
def _rules() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The bundled :data:`CONTEXT_FILE`'s rules (finding the bundled folder costs more than a recovery)."""
    return read_context(lexicon_dir() / CONTEXT_FILE)


def _accusative_twin(word: WordRecovery, lexicon: Lexicon) -> bool:
    """Whether a reading in -ың is "your (sg.)" with a twin in -н that is a word: listed, or a known
    possessed word in the accusative (саның, сан·ы·н). A genitive is none (the suffix analysis also
    spells junk twins of genitives, көрсету·ді·н beside көрсетудің), nor a word the corpus showed."""
    reading = word.cyrillic.lower()
    if _genitive(reading, lexicon, 3) or any(found == reading and count for found, count, _ in
                                               lexicon.words(skeleton(reading))):
        return False  # a genitive (мәселенің, балаларының) or a word the corpus showed (қалың)
    twin = reading[:-1] + "н"
    return any(c.cyrillic.lower() == twin and (c.source == "lexicon" or _possessed(twin[:-1], lexicon))
               for c in word.alternatives[1:])


def _genitive(word: str, lexicon: Lexicon, shortest: int = 1) -> bool:
    """Whether ``word`` is an open stem of ``shortest`` letters or more (or its possessive) in the
    genitive, with the allomorph its last sound takes (оқу·дың, кітабы·ның; not са·ның, which is
    сан·ың, nor тұрға·ның: тұрға is тұр·ға, a closed form)."""
    found = _GENITIVE.search(word)
    if found is None or found.start() < shortest:
        return False
    stem, ending = word[: found.start()], word[found.start():]
    if not _allowed(stem, dict(_FAMILIES["gen"])[ending]):
        return False
    return any(known == stem for known, _, _ in lexicon.stems(skeleton(stem))) or _possessed(stem, lexicon)


def _sentences(words: list[WordRecovery], text: str) -> list[int]:
    """The number of each word's sentence (or quoted title, or line)."""
    numbers: list[int] = []
    for i, word in enumerate(words):
        numbers.append(numbers[-1] + bool(_UNIT_END.search(text, words[i - 1].end, word.start)) if i else 0)
    return numbers


def _promoted(word: WordRecovery, wanted: str, style: str) -> WordRecovery:
    """``word`` with the alternative ``wanted`` (lower case) first, when the letters cannot tell it
    from the reading (the same spelling in ``style``); its share and the reading's change places."""
    top = word.alternatives[0]
    found = next((c for c in word.alternatives[1:] if c.cyrillic.lower() == wanted), None)
    if found is None or romanize_word(wanted, style) != romanize_word(top.cyrillic.lower(), style):
        return word
    alternatives = tuple([_candidate(found.cyrillic, top.score, "context")]
                         + [_candidate(c.cyrillic, found.score, c.source) if c is top else c
                            for c in word.alternatives if c is not found])
    return WordRecovery(latin=word.latin, start=word.start, end=word.end, cyrillic=found.cyrillic,
                        confidence=top.score, known=True, alternatives=alternatives, typo=False,
                        suggestions=(), reason="")


def _n_for_ng(word: WordRecovery, genitive: str, style: str) -> WordRecovery:
    """``word`` flagged: typed with n where the official alphabet has its own letter for the ң of
    the genitive the possessed noun after it wants (2021 "oqudyn manyzy" for oqudyñ)."""
    cased = word.cyrillic[:-1] + ("Ң" if word.cyrillic[-1:].isupper() else "ң")
    return WordRecovery(latin=word.latin, start=word.start, end=word.end, cyrillic=word.cyrillic,
                        confidence=word.confidence, known=True, alternatives=word.alternatives, typo=True,
                        suggestions=(Candidate(cased, 1.0, "agreement"),),
                        reason=f"the possessed word after it wants the genitive {genitive!r}: "
                               f"ң is {_OWN_N[style]!r} in {style}")
