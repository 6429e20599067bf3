"""What a recovery returns: readings, words, spans (plain dataclasses that pickle
and copy), and the fast constructors the hot path uses for them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from mypy_extensions import mypyc_attr
from typing import NamedTuple



@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class Candidate:
    """One Cyrillic reading of a word, with its share of the probability mass."""

    cyrillic: str
    score: float
    source: str
    """``lexicon`` (a known word), ``name`` (names list), ``analysis`` (known word + suffixes),
    ``letters`` (spelled letter by letter), ``typo`` (an edit away), ``agreement`` (case agreement),
    ``slip`` (a corpus word one slip from a known word, which may be a slip for it)."""


@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class WordRecovery:
    """The recovery of one Latin word of the input."""

    latin: str
    start: int
    end: int
    cyrillic: str
    """Best reading of the word as typed (case of the input kept)."""
    confidence: float
    known: bool
    """True when a lexicon word (or a known word plus regular suffixes) explains the spelling."""
    alternatives: tuple[Candidate, ...] = ()
    """Up to five readings, best first: the reading itself, its other readings and, for a known
    word (with suggestions on), the corpus words one slip away (source ``slip``), by share."""
    typo: bool = False
    """True when the word is probably mistyped: unknown, or known but breaking case agreement."""
    suggestions: tuple[Candidate, ...] = ()
    """Nearest real words for a flagged word, best first (case of the input kept); for a name
    inside a sentence (capitalised after a lower-case word), names-list and glossary names only."""
    reason: str = ""

    @property
    def corrected(self) -> str:
        """The top suggestion of a flagged word, else the reading as typed."""
        return self.suggestions[0].cyrillic if self.typo and self.suggestions else self.cyrillic


@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class Recovery:
    """Kazakh Cyrillic recovered from a Latin-typed span.

    ``text`` is the reading of what was typed (a mistyped word is spelled as
    typed, letter by letter); ``corrected`` applies the top suggestion of each
    flagged word. Non-Latin text, punctuation and spacing are kept, except that
    a spaced hyphen between words becomes the Kazakh dash (" - " -> " – ").
    """

    source: str
    style: str
    words: tuple[WordRecovery, ...]
    text: str
    corrected: str

    @property
    def typos(self) -> tuple[WordRecovery, ...]:
        """The flagged words."""
        return tuple(word for word in self.words if word.typo)

    @property
    def confidence(self) -> float:
        """Lowest word confidence (1.0 for a span without words)."""
        return min((word.confidence for word in self.words), default=1.0)


class _Reading(NamedTuple):
    """The reading of a lower-case word: the :class:`WordRecovery` fields after the offsets, in order."""

    cyrillic: str
    confidence: float
    known: bool
    alternatives: tuple[Candidate, ...]
    typo: bool
    suggestions: tuple[Candidate, ...]
    reason: str


def _word(latin: str, start: int, end: int, reading: _Reading) -> WordRecovery:
    """``WordRecovery(latin, start, end, *reading)`` without the frozen dataclass's ``__init__``,
    which sets its ten fields one ``object.__setattr__`` call at a time (1.6 us; this takes 0.6):
    recover makes one for every word of the input."""
    word = object.__new__(WordRecovery)
    values = word.__dict__
    values["latin"], values["start"], values["end"] = latin, start, end
    (values["cyrillic"], values["confidence"], values["known"], values["alternatives"], values["typo"],
     values["suggestions"], values["reason"]) = reading
    return word


def _candidate(cyrillic: str, score: float, source: str) -> Candidate:
    """``Candidate(cyrillic, score, source)`` without the frozen dataclass's ``__init__``, which
    finds each slot through ``object.__setattr__`` (0.8 us; this takes 0.45): a recovery makes one
    for each reading, alternative and suggestion it keeps."""
    candidate = object.__new__(Candidate)
    _SET_CYRILLIC(candidate, cyrillic)
    _SET_SCORE(candidate, score)
    _SET_SOURCE(candidate, source)
    return candidate


# the slots' own setters, which the frozen class's __setattr__ does not guard
_SET_CYRILLIC, _SET_SCORE, _SET_SOURCE = (Candidate.__dict__[item.name].__set__ for item in fields(Candidate))


@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class RerenderedSpan:
    """One Latin-Kazakh span of a text and how it was written again."""

    start: int
    end: int
    source: str
    rendered: str
    recovery: Recovery


@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class Rerendering:
    """A text whose Latin-Kazakh spans are written again in ``scheme``."""

    text: str
    scheme: str
    spans: tuple[RerenderedSpan, ...]

    @property
    def typos(self) -> tuple[WordRecovery, ...]:
        """Flagged words of all spans (left as typed unless ``correct`` was asked for)."""
        return tuple(word for span in self.spans for word in span.recovery.typos)
