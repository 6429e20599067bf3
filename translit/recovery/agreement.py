"""Noun-phrase agreement: a possessor typed in the accusative where the possessed
head wants the genitive is flagged, and a mistyped head's suggestions prefer
the possessive.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .grammar import _GENITIVE, harmony
from .lexicon import Lexicon
from .results import Candidate, WordRecovery
from .spelling import skeleton


_POSS3_ACC = re.compile(r"(?:сы|сі|ы|і)н$")
_STEM_VOWELS = frozenset("аәеоөұүыіэюяиу")
"""Letters after which the possessive is -сы/-сі, not -ы/-і (и and у end in a glide)."""
_POSS3 = re.compile(f"(?:сы|сі|[^{''.join(sorted(_STEM_VOWELS))}][ыі])$")
_CLAUSE_END = re.compile(r"[.!?;:,()\"«»“”]")

_PROSE_END = re.compile(r"\s*[.!?,;]")
"""What ends a phrase of running prose, whose last word is nearly always a verb (болды, келеді):
the 3rd-person verb endings look like the possessive, so the check is kept to titles and
headings, which end at a line, a quote or a bracket."""


def _phrase_end(words: list[WordRecovery], j: int, text: str) -> bool:
    """Whether word ``j`` ends its phrase: last word, or followed by punctuation."""
    if j + 1 == len(words):
        return True
    return bool(_CLAUSE_END.search(text[words[j].end : words[j + 1].start]))


@lru_cache(maxsize=1 << 14)
def _possessed(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is a known word with the 3rd-person possessive (миссия + сы, жұмыс + ы).
    Finite verbs end alike (бол-а-ды, бер-ді), but what is left of them is no word."""
    stems = []
    if word[-2:] in ("сы", "сі") and word[-3:-2] in _STEM_VOWELS:
        stems.append(word[:-2])
    if word[-1:] in ("ы", "і") and word[-2:-1] not in _STEM_VOWELS:
        stems.append(word[:-1])
    return any(found == stem for stem in stems for found, _, _ in lexicon.words(skeleton(stem)))


def _agreement(words: list[WordRecovery], text: str, lexicon: Lexicon) -> list[WordRecovery]:
    """Flag a possessor in the accusative where a later possessed noun wants the genitive.

    In a Kazakh noun phrase the possessor takes the genitive and the head the
    3rd-person possessive: "балалар кітапханасының ... миссиясы". A title
    ending in a possessed noun with no verb has no use for an accusative
    (-сын/-сін), the usual result of a dropped -ың/-ің. Both words must be
    known words with the possessive (:func:`_possessed`), and the head must
    end a title, not a sentence (:data:`_PROSE_END`): on held-out news prose
    every flag of this rule was a verb or a word that merely ends so.
    """
    out = list(words)
    # A possessed head at the end of a phrase after a possessor: among the suggestions for a
    # mistyped head, prefer one with the 3rd-person possessive (…миссиясы, not …миссия).
    for j, word in enumerate(words):
        if not (word.typo and word.suggestions and _phrase_end(words, j, text)):
            continue
        for i in range(j - 1, max(j - 4, -1), -1):
            if _CLAUSE_END.search(text[words[i].end : words[i + 1].start]):
                break
            possessor = words[i].cyrillic.lower()
            if _GENITIVE.search(possessor) or (words[i].known and _POSS3_ACC.search(possessor)):
                top = [c for c in word.suggestions[:3] if _POSS3.search(c.cyrillic.lower())]
                if top and top[0] is not word.suggestions[0]:
                    rest = tuple(c for c in word.suggestions if c is not top[0])
                    top[0] = Candidate(top[0].cyrillic, top[0].score, "agreement")
                    out[j] = WordRecovery(
                        latin=word.latin, start=word.start, end=word.end, cyrillic=word.cyrillic,
                        confidence=word.confidence, known=word.known, alternatives=word.alternatives,
                        typo=True, suggestions=(top[0],) + rest, reason=word.reason,
                    )
                break
    words = list(out)
    for i, word in enumerate(words):
        # the accusative ends in н: most words are let go before the lower-casing and the search
        if word.cyrillic[-1:] not in "нН" or not word.known or word.typo:
            continue
        lowered = word.cyrillic.lower()
        if not _POSS3_ACC.search(lowered):
            continue
        if not _possessed(lowered[:-1], lexicon):
            # a word that merely ends so: a participle (-атын), кейін, мүмкін
            continue
        for j in range(i + 1, min(i + 4, len(words))):
            between = text[words[j - 1].end : words[j].start]
            if _CLAUSE_END.search(between):
                break
            later = words[j]
            if (_phrase_end(words, j, text) and not _PROSE_END.match(text, later.end)
                    and _possessed(later.corrected.lower(), lexicon)):
                stem = word.cyrillic[:-1]
                genitive = stem + ("ның" if harmony(stem.lower()) == "back" else "нің")
                out[i] = WordRecovery(
                    latin=word.latin, start=word.start, end=word.end, cyrillic=word.cyrillic,
                    confidence=word.confidence, known=True, alternatives=word.alternatives, typo=True,
                    suggestions=(Candidate(genitive, 1.0, "agreement"),),
                    reason=f"accusative before the possessed {later.corrected!r}: genitive expected",
                )
                break
    return out
