""":func:`recover`: every Latin word of a text read, agreement checked, and the
Cyrillic spliced back between the untouched rest; and the caches it fills.
"""

from __future__ import annotations

import re

from .agreement import _agreement
from .edits import _corpus_index, _names_index
from .grammar import (
    _allowed, _chain_next, _chain_skeletons, _chain_spelled, _parses, _sorted_chains, _stem_ending, _suffix_index,
    _suffix_pieces, _suffix_spellings, _suffix_starts,
)
from .lexicon import Lexicon, _endings, _sorted_extra, _trigram_logs, load_lexicon
from .reading import _read, _read_cased
from .results import Recovery, WordRecovery, _word
from .scoring import _fit, _letters
from .spelling import detect_style, skeleton
from .suggest import _scored_words


LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff](?:[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0307]|['’](?=[A-Za-z\u00c0-\u024f]))*['’]?")
_SPACED_HYPHEN = re.compile(r"^(\s+)-(\s+)$")

_SENTENCE_END = re.compile(r"[.!?]")


def recover(
    text: str, lang: str = "kk", *, style: str | None = None, lexicon: Lexicon | None = None, suggest: bool = True
) -> Recovery:
    """Recover the Kazakh Cyrillic of the Latin-typed words in ``text``.

    ``style`` is the Latin style (``kk-news``, ``kk-latin-2021``, ``-2018``,
    ``-2017``); by default it is read off the text's letters. Cyrillic and
    other non-Latin text passes through unchanged. ``suggest=False`` skips
    the search for suggestions (flagged words are still flagged): several
    times faster on text with many unknown words.

    >>> recover("Otbasylyk oku - tarbiye kozi").text
    'Отбасылық оқу – тәрбие көзі'
    """
    if lang != "kk":
        from ..errors import TranslitError

        raise TranslitError(f"recovery is implemented for Kazakh only, not {lang!r}")
    lexicon = lexicon or load_lexicon()
    style = style or detect_style(text)
    words: list[WordRecovery] = []
    after_lower = False
    for match in LATIN_WORD.finditer(text):
        latin = match.group(0)
        end = match.end()
        if latin[-1] in "'’" and style != "kk-latin-2017":
            latin, end = latin[:-1], end - 1
        # a capital after a lower-case word of the same sentence marks a name (not so in a title
        # typed in Title Case, where the word before has a capital too)
        proper = (after_lower and latin[0].isupper()
                  and not _SENTENCE_END.search(text, words[-1].end, match.start()))
        words.append(_word(latin, match.start(), end, _read_cased(lexicon, latin, style, suggest, proper)))
        after_lower = latin[0].islower()
    words = _agreement(words, text, lexicon)
    spliced = _splice(text, words, corrected=False)
    # the corrected text differs only where a flagged word has a suggestion
    if any(word.typo and word.suggestions for word in words):
        corrected = _splice(text, words, corrected=True)
    else:
        corrected = spliced
    return Recovery(source=text, style=style, words=tuple(words), text=spliced, corrected=corrected)


def _splice(text: str, words: list[WordRecovery], *, corrected: bool) -> str:
    parts: list[str] = []
    position = 0
    for word in words:
        between = text[position : word.start]
        parts.append(_SPACED_HYPHEN.sub(r"\1–\2", between) if position and "-" in between else between)
        parts.append(word.corrected if corrected else word.cyrillic)
        position = word.end
    parts.append(text[position:])
    return "".join(parts)


_WORD_CACHES = (skeleton, _fit, _letters, _read, _read_cased, _parses, _stem_ending, _chain_spelled, _scored_words,
                _chain_next)
"""What was computed for the words read so far: readings, scores, suffix parses, chain lookups."""
_INDEX_CACHES = (load_lexicon, _trigram_logs, _allowed, _suffix_index, _suffix_starts, _suffix_spellings,
                 _suffix_pieces, _sorted_extra, _endings, _corpus_index, _names_index, _sorted_chains,
                 _chain_skeletons)
"""What is built once for a lexicon or for the grammar, whatever the words read."""


def clear_word_caches(lexicon: Lexicon | None = None) -> None:
    """Forget the words read so far (and ``lexicon``'s lookups of them), keeping the lexicon and
    the indexes built for it: a long-running process frees the memory, and a benchmark's cold run
    starts where a fresh process that has loaded the lexicon would."""
    for cached in _WORD_CACHES:
        cached.cache_clear()
    if lexicon is not None:
        lexicon.forget()
