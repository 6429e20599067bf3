"""Spelling a word nothing else explains: the Cyrillic letters of news ASCII chosen by the
letter-trigram model of the corpus.

News ASCII merges a/ә, o/ө, u/ұ/ү/у, k/қ, g/ғ, i/і/и, n/н/ң, y/ы/й, h/х/һ, e/е/э, so an unknown
word (a name, a rare form) has many spellings. The trigram model knows which letter sequences
Kazakh has (қа, ке, ғы, ңы...), counted over the lexicon's million word forms: a beam search over
the choices keeps the likeliest, which follows vowel harmony inside each part of a compound name
(Ақбота, Қоңырқұлжа) where one harmony for the whole word cannot.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import Lexicon, TrigramSteps, trigram_steps

_CHOICES = {
    "shch": ("щ",), "tsh": ("тш", "цх"), "sh": ("ш",), "ch": ("ч",), "zh": ("ж",), "kh": ("х",), "ts": ("ц", "тс"),
    "ya": ("я",), "yu": ("ю",), "yo": ("ё",), "ye": ("е",),
    "a": ("а", "ә"), "o": ("о", "ө"), "u": ("ұ", "ү", "у"), "k": ("қ", "к"), "g": ("ғ", "г"),
    "i": ("і", "и"), "n": ("н", "ң"), "y": ("ы", "й"), "h": ("х", "һ"), "e": ("е", "э"),
    "b": ("б",), "d": ("д",), "f": ("ф",), "j": ("ж",), "l": ("л",), "m": ("м",), "p": ("п",),
    "r": ("р",), "s": ("с",), "t": ("т",), "v": ("в",), "z": ("з",), "w": ("у",), "x": ("х",),
    "c": ("ц",), "q": ("қ",),
}
"""The Cyrillic letters each news-ASCII letter or pair may stand for."""
_TOKEN = re.compile("|".join(sorted(_CHOICES, key=len, reverse=True)) + "|.")
BEAM = 8
"""Spellings kept at each letter: the trigram context is two letters, so a few suffice."""
_PLAIN_N_BEFORE = frozenset("bcdfjlmprstvwxz")
"""Before these consonants an unknown word (in practice a name: Сейсенбаев, Төленді) has н, not ң:
the trigrams of common words (еңбек, теңдік) would otherwise give names an ң they do not have."""
_VOWEL_TOKENS = frozenset("aeou")
_I_AFTER_VOWEL = ("і", "и", "й")
"""By ear, й after a vowel is typed i as often as y (Abai, Kairat, Aigerim, the passports' and the
press's spelling of such names): the trigram model tells it from the и of a loan (Раиса, Аида)."""


def decode(lexicon: Lexicon, latin: str) -> str:
    """The likeliest Cyrillic spelling of the lower-case news-ASCII word ``latin`` under the
    letter-trigram model of the lexicon's word forms, or "" without one."""
    if not lexicon.form_trigrams:
        return ""
    steps = _form_steps(lexicon)
    # (minus the log-probability, spelling, its last two letters): sorted as they are, the
    # likeliest first and ties by spelling (no two are spelled alike), with no key function
    # called for each of the beam's hundreds of entries a word
    beam: list[tuple[float, str, str]] = [(0.0, "", "^^")]
    tokens = _TOKEN.findall(latin)
    for index, token in enumerate(tokens):
        options = _CHOICES.get(token, (token,))
        if token == "n" and tokens[index + 1 : index + 2] and tokens[index + 1][0] in _PLAIN_N_BEFORE:
            options = ("н",)
        elif token == "i" and index and tokens[index - 1] in _VOWEL_TOKENS:
            options = _I_AFTER_VOWEL
        grown: list[tuple[float, str, str]] = []
        for cost, spelled, last in beam:
            for option in options:
                total, pair = cost, last
                for char in option:
                    value, pair = steps.step(pair, char)
                    total -= value
                grown.append((total, spelled + option, pair))
        grown.sort()
        beam = grown[:BEAM]
    best = max(beam, key=lambda item: (steps.step(item[2], "$")[0] - item[0], item[1]))
    return best[1]


@lru_cache(maxsize=4)
def _form_steps(lexicon: Lexicon) -> TrigramSteps:
    return trigram_steps(lexicon.form_trigrams)
