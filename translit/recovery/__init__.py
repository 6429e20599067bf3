"""Kazakh typed in Latin letters, back to Cyrillic: best guess, alternatives, typos.

Editors type Kazakh titles in Latin "by ear" (news ASCII: ``Ulttyk zhane
otbasylyk``), in one of the official alphabets (2021 ``Ūlttyq jäne``, 2018
``Ulttyq jáne``, 2017 ``Ulttyq ja'ne``) or in a mix. News ASCII merges ten
letter pairs (а/ә, г/ғ, и/і, й/ы, к/қ, н/ң, о/ө, у/ұ/ү, ...), so the Cyrillic
cannot be read off the letters; it is recovered from a lexicon.

How a word is recovered:

1. Its *skeleton* is computed: the spelling folded to what every style agrees
   on (``fold``: ä/á/a' → a, q → k, ş → sh, kh → h, zh/j → j, ye → e, y → i,
   doubled letters once). Every lexicon word is stored under the skeleton of
   its kk-news romanization, so recovery is a dictionary lookup.
2. The lexicon words under that skeleton are ranked by corpus frequency and by
   how exactly they explain the spelling: a word whose romanization in the
   text's own style equals the input wins over one that only folds to it
   (in a 2021-style text "kol" is кол, not қол).
3. A word not in the lexicon is analysed as a known word plus Kazakh suffixes
   (кітапхана·сы·ның, дамыту·да·ғы), allomorphs chosen by vowel harmony and
   the final sound; failing that, it is spelled letter by letter under vowel
   harmony (front ә ө ү і е take к/г, back а о ұ ы take қ/ғ) and flagged.
4. A flagged word gets suggestions: nearest lexicon words by edits of its
   skeleton (one or two), with stutters ("stustustu") undone. A known word is
   also flagged when its case breaks the genitive–possessive agreement of a
   noun phrase ("балалар кітапханасын ... миссиясы" wants кітапханасының).

Typos are suggested, never silently applied: :attr:`Recovery.text` keeps the
reading of what was typed, :attr:`Recovery.corrected` applies the top
suggestion of every flagged word.

The package, by job: :mod:`.spelling` (styles, romanization, skeleton),
:mod:`.lexicon` (the word list and its file), :mod:`.grammar` (suffixes),
:mod:`.scoring` (ranking readings), :mod:`.reading` (one word),
:mod:`.edits` and :mod:`.suggest` (the typo search), :mod:`.agreement`,
:mod:`.text` (:func:`recover`) and :mod:`.results`. Names with a leading
underscore are the package's own. Re-rendering a whole text in one scheme
(:func:`translit.rerender`) needs the language of every span, so it lives
above language detection, in :mod:`translit.translation.rerendering`.
"""

from __future__ import annotations

from .lexicon import Lexicon, load_lexicon
from .results import Candidate, Recovery, RerenderedSpan, Rerendering, WordRecovery
from .spelling import STYLES, detect_style, fold, romanize_word, skeleton
from .text import LATIN_WORD, clear_word_caches, recover

__all__ = [
    "LATIN_WORD",
    "STYLES",
    "Candidate",
    "RerenderedSpan",
    "Lexicon",
    "Recovery",
    "Rerendering",
    "WordRecovery",
    "clear_word_caches",
    "detect_style",
    "fold",
    "load_lexicon",
    "recover",
    "romanize_word",
    "skeleton",
]
