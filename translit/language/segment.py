"""A post split into blocks, sentences and inline spans, each with its language.

Blocks are paragraphs, headings, captions and list items (separated by blank
lines, or by a short unpunctuated line such as a caption above a paragraph).
Every block holds one or more sentences; a sentence holds its inline spans:
quoted text (a title in quotation marks) and runs of words in another script
(a Cyrillic name inside an English sentence). Offsets are character (code
point) offsets into the original text, so ``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from .detection import ADDRESS, Detection, default_detector, detect

__all__ = ["Segment", "segments", "own_words", "sentence_spans", "split_sentences", "BLOCK_KINDS", "INLINE_KINDS"]

BLOCK_KINDS = ("paragraph", "heading", "caption", "list-item")
INLINE_KINDS = ("quote", "foreign")


@dataclass(frozen=True)
class Segment:
    """One part of a text.

    ``level`` 0 is a block (``kind`` paragraph, heading, caption or
    list-item), 1 a sentence (``kind`` sentence), 2 an inline span (``kind``
    quote or foreign). ``parent`` is the index, in the list :func:`segments`
    returned, of the segment this one lies in (None for blocks).
    """

    kind: str
    level: int
    start: int
    end: int
    text: str
    detection: Detection
    parent: int | None = None


_CAPTION = re.compile(
    r"(?i)(?<![^\W\d_])(?:фото\w*|photo\w*|сурет\w*|фотосурет\w*|видео\w*|video|credit|source|дереккөз\w*|источник)(?![^\W\d_])|©"
)
_LIST_MARKER = re.compile(r"\s*(?:[-*•–—]\s+|\d{1,3}[.)]\s+)")
_HEADING_MARKER = re.compile(r"\s*#{1,6}\s")
_END_PUNCT = ".!?…:;,"
_SHORT_LINE = 60
_HEADING_WORDS = 12

_OPENERS = {"«": "»", "“": "”", "„": "“", "‘": "’", "‹": "›"}
_QUOTE_MARK = re.compile("[" + re.escape("".join(_OPENERS) + "".join(_OPENERS.values()) + '"') + "]")
_TERMINATOR = re.compile(r"[.!?…][.!?…]*")  # not [.!?…]+: a search skips ahead by a leading class only
_CLOSERS = "\"'»”“’›)]"
_DASHES = "-–—"
# Words after which a full stop never ends a sentence (lower case, without the stop): a name,
# a number or an address follows them (им. Абая, ул. Абая, проф. Каримов, тел. 8 7172, No. 12).
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st e.g i.e vs no nos jan feb mar apr jun jul aug sep sept oct nov dec approx "
    "gen col lt sgt rev jr sr "
    "им ул пр просп д оф тел проф доц акад обл р-н т.е см стр каз рус англ "
    "көш даңғ қ".split()
)
# Abbreviations that may also close a sentence ("… и др." / "… т.б." / "… etc.", "в 1931 г.",
# "1931 ж."): the stop ends the sentence when a capital follows. г ж (year) only after a number:
# "г. Астана" is the city.
_FINAL_ABBREVIATIONS = frozenset("etc др т.д т.п т.б т.с.с inc ltd co corp".split())
_YEAR_ABBREVIATIONS = frozenset("г гг ж жж".split())
_LETTER = re.compile(r"[^\W\d_]")
# An initial: one capital, or a capital and the small letters a romanized digraph adds
# (Ch. Aitmatov, Ye.B. Nurlanova, K.-Zh. Tokayev, Shch.).
_INITIAL = re.compile(r"[^\W\d_]|(?:Ch|Sh|Zh|Kh|Ts|Ye|Yo|Yu|Ya|Shch|Dzh|Gh)")
_WORD_RUN = re.compile(r"[^\W\d_]+(?:['’ʻʼ-][^\W\d_]+)*")


def segments(text: str, languages: Iterable[str] | None = None) -> list[Segment]:
    """Split ``text`` into blocks, sentences and inline spans, each with its Detection.

    The list is in document order, each segment followed by the segments it
    contains (blocks, then their sentences, then their inline spans).
    ``languages`` are the site's, as for :func:`translit.detect`.
    """
    out: list[Segment] = []
    site = default_detector().allowed(languages)

    def segment(kind: str, level: int, start: int, end: int, parent: int | None) -> Segment:
        piece = text[start:end]
        found = detect(piece, site)
        frame = own_words(text, start, end) if level < 2 else piece
        if frame != piece:  # its language from its own words, its script from all its letters
            found = replace(detect(frame, site), script=found.script)
        return Segment(kind, level, start, end, piece, found, parent)

    for start, end in _blocks(text):
        block_index = len(out)
        out.append(segment(_block_kind(text[start:end]), 0, start, end, None))
        for s_start, s_end in sentence_spans(text, start, end):
            sentence_index = len(out)
            out.append(segment("sentence", 1, s_start, s_end, block_index))
            for kind, i_start, i_end in _inline(text, s_start, s_end):
                out.append(segment(kind, 2, i_start, i_end, sentence_index))
    return out


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    position = 0
    for line in text.splitlines(keepends=True):
        yield position, position + len(line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"))
        position += len(line)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _stands_alone(line: str) -> bool:
    """A short line without closing punctuation: a heading or a caption, not wrapped prose."""
    stripped = line.strip()
    return len(stripped) <= _SHORT_LINE and not stripped.endswith(tuple(_END_PUNCT))


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each block, trimmed of surrounding white space.

    Only the block's last line decides whether the next line starts a new
    block, so it is kept apart: the block is never split again (linear time).
    """
    current: tuple[int, int] | None = None
    last_line = ""
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            if current:
                yield _strip(text, *current)
            current = None
            continue
        breaks = (
            current is None
            or _LIST_MARKER.match(line) is not None
            or _HEADING_MARKER.match(line) is not None
            or _stands_alone(last_line)
        )
        if current is None or breaks:
            if current:
                yield _strip(text, *current)
            current = (start, end)
        else:
            current = (current[0], end)
        last_line = line
    if current:
        yield _strip(text, *current)


def _block_kind(block: str) -> str:
    if _HEADING_MARKER.match(block):
        return "heading"
    if _LIST_MARKER.match(block):
        return "list-item"
    if "\n" not in block and len(block.split()) <= _HEADING_WORDS and not block.endswith(tuple(_END_PUNCT)):
        return "caption" if _CAPTION.search(block) else "heading"
    return "paragraph"


class _QuoteDepths:
    """Nesting depth of quotation marks at any position of text[start:end], from the marks alone.

    Only quotation marks change the depth, so it is kept at each mark and looked up by bisection,
    not spelled out for every character of the text.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.marks: list[int] = []
        self.after: list[int] = []  # the depth just after each mark
        stack: list[str] = []
        for mark in _QUOTE_MARK.finditer(text, start, min(end, len(text))):
            ch = mark.group()
            if stack and ch == stack[-1]:
                stack.pop()
            elif ch in _OPENERS:
                stack.append(_OPENERS[ch])
            elif ch == '"':
                stack.append('"')
            self.marks.append(mark.start())
            self.after.append(len(stack))

    def at(self, position: int) -> int:
        """The depth before the character at ``position``."""
        before = bisect_left(self.marks, position)
        return self.after[before - 1] if before else 0


def _word_before(text: str, start: int, stop: int) -> str:
    """The abbreviation or initials that end at ``stop``: letters, inner stops and hyphens (K.-Zh)."""
    word_start = stop
    while word_start > start and (_LETTER.match(text[word_start - 1]) or text[word_start - 1] in ".-"):
        word_start -= 1
    return text[word_start:stop].lstrip(".-")


def _initials(word: str) -> bool:
    parts = re.split(r"\.-?|-", word)
    return all(_INITIAL.fullmatch(part) and part[0].isupper() for part in parts)


def _ends_sentence(text: str, start: int, stop: int, following: int) -> bool:
    """Does the terminator at ``stop`` (text[stop] is . ! ? or …) end a sentence whose next one would start at ``following``?"""
    nxt = text[following]
    if nxt in _DASHES:
        # «Приходите все!» — пригласил он: a dash and a small letter carry the speech on.
        after = following + 1
        while after < len(text) and text[after].isspace():
            after += 1
        if after < len(text) and text[after].islower():
            return False
    if text[stop] != ".":
        return True
    word = _word_before(text, start, stop)
    lower = word.lower()
    if lower in _FINAL_ABBREVIATIONS:
        return nxt.isupper()
    if lower in _YEAR_ABBREVIATIONS:
        before = stop - len(word) - 1
        while before >= start and text[before] == " ":
            before -= 1
        return before >= start and text[before].isdigit() and nxt.isupper()
    if lower in _ABBREVIATIONS:
        return False
    return not _initials(word)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], trimmed of white space; never split inside quotation marks.

    A sentence ends at . ! ? or … (with any closing quotes or brackets) before white space and
    a capital, a digit, an opening quote or a dash, unless the stop belongs to an abbreviation
    or initials, or a dash and a small letter carry direct speech on.
    """
    end = len(text) if end is None else end
    start, end = _strip(text, start, end)
    if start >= end:
        return []
    depths = _QuoteDepths(text, start, end)
    spans = []
    sentence_start = start
    for match in _TERMINATOR.finditer(text, start, end):
        stop = match.end()
        while stop < end and text[stop] in _CLOSERS:
            stop += 1
        if stop >= end or not text[stop].isspace():
            continue
        following = stop
        while following < end and text[following].isspace():
            following += 1
        if following >= end:
            break
        nxt = text[following]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or nxt in "\"'(" + _DASHES):
            continue
        if depths.at(stop - 1) > 0 and depths.at(following) > 0:
            continue
        if not _ends_sentence(text, start, match.start(), following):
            continue
        spans.append((sentence_start, stop))
        sentence_start = following
    spans.append(_strip(text, sentence_start, end))
    return spans


def split_sentences(text: str) -> list[str]:
    """``text`` cut into sentences, each with the white space that follows it: joined, they give ``text`` back.

    >>> split_sentences("Библиотека им. Абая открыта. Вход свободный.")
    ['Библиотека им. Абая открыта. ', 'Вход свободный.']
    """
    cuts = [s for s, _ in sentence_spans(text)[1:]]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if a < b] or [text]


_FRAME_WORDS = 3
"""Words outside the quotes a block or sentence needs for its language to be read from them alone."""


def own_words(text: str, start: int = 0, end: int | None = None) -> str:
    """What text[start:end] says in its own words: without its quoted passages when at least
    _FRAME_WORDS words remain. A quoted title is in another language as often as not ('Exhibition
    "Qazaq halqynyñ salt-dästürlerı" opens in Astana' is an English heading, not Kazakh)."""
    end = len(text) if end is None else end
    quotes = _quotes(text, start, end)
    parts, position = [], start
    for q_start, q_end in quotes:
        if q_start >= position:
            parts.append(text[position:q_start])
            position = q_end
    parts.append(text[position:end])
    frame = " ".join(parts)
    # the words of a link say nothing of the language around it
    return frame if len(_WORD_RUN.findall(ADDRESS.sub(" ", frame))) >= _FRAME_WORDS else text[start:end]


def _quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted passages (inner start, end) within text[start:end], in order."""
    quotes = []
    stack: list[tuple[str, int]] = []
    for position in range(start, end):
        ch = text[position]
        if stack and ch == stack[-1][0]:
            _, opened = stack.pop()
            inner = _strip(text, opened, position)
            if _LETTER.search(text, inner[0], inner[1]):
                quotes.append(inner)
        elif ch in _OPENERS:
            stack.append((_OPENERS[ch], position + 1))
        elif ch == '"':
            stack.append(('"', position + 1))
    return sorted(quotes)


def _inline(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """Quoted passages and runs of words in another script within text[start:end]."""
    quotes = _quotes(text, start, end)
    for q_start, q_end in quotes:
        yield "quote", q_start, q_end
    piece = text[start:end]
    cyrillic, latin = len(_CYRILLIC_CHAR.findall(piece)), len(_LATIN_CHAR.findall(piece))
    if not (cyrillic and latin):
        return
    # Runs of the script that has fewer letters in the sentence are the foreign ones.
    foreign = _latin_word if cyrillic >= latin else _cyrillic_word
    run: tuple[int, int] | None = None
    for match in _WORD_RUN.finditer(text, start, end):
        if foreign(match.group()):
            gap = text[run[1] : match.start()] if run else ""
            if run and not _LETTER.search(gap) and "\n" not in gap and len(gap) <= 3:
                run = (run[0], match.end())
            else:
                if run:
                    yield from _foreign(run, quotes)
                run = (match.start(), match.end())
        elif run:
            yield from _foreign(run, quotes)
            run = None
    if run:
        yield from _foreign(run, quotes)


def _foreign(run: tuple[int, int], quotes: list[tuple[int, int]]) -> Iterator[tuple[str, int, int]]:
    if not any(q_start <= run[0] and run[1] <= q_end for q_start, q_end in quotes):
        yield "foreign", run[0], run[1]


_CYRILLIC_CHAR = re.compile(r"[\u0400-\u052f]")
_LATIN_CHAR = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _latin_word(word: str) -> bool:
    return _LATIN_CHAR.search(word) is not None and _CYRILLIC_CHAR.search(word) is None


def _cyrillic_word(word: str) -> bool:
    return _CYRILLIC_CHAR.search(word) is not None and _LATIN_CHAR.search(word) is None
