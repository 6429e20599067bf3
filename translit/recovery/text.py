""":func:`recover`: every Latin word of a text read, agreement checked, and the
Cyrillic spliced back between the untouched rest; and the caches it fills.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import chain, takewhile

from .agreement import _agreement, _possessed
from .context import _rules, choose_by_context, read_context
from .edits import _corpus_index, _names_index
from .foreign import (
    ENGLISH_SENTENCE, MODEL, english_and_kazakh, english_first, english_in_kazakh, english_unit, english_zipf, is_acronym, kept_as_typed,
    protected_spans, protection, russian_given_name, russian_unit, units,
)
from .grammar import (
    _allowed, _chain_next, _chain_skeletons, _chain_spelled, _parses, _sorted_chains, _stem_ending, _suffix_index,
    _suffix_pieces, _suffix_spellings, _suffix_starts,
)
from .index_cache import corpus_slips
from .letters import _form_steps
from .lexicon import Lexicon, _endings, _sorted_extra, _trigram_steps, load_lexicon
from .lexicon_cache import lexicon_key
from .reading import _plain, _read, _read_cased
from .results import Recovery, WordRecovery, _candidate, _Reading, _word
from .scoring import _fit, _letters
from .spelling import STYLES, detect_style, skeleton
from .suggest import _scored_words


LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff](?:[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0307]|['’](?=[A-Za-z\u00c0-\u024f]))*['’]?")
_SPACED_HYPHEN = re.compile(r"^(\s+)-(\s+)$")

_SENTENCE_END = re.compile(r"[.!?]")
_LONG_WORD = re.compile(r"[^\W\d_]{2,}")


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
    if lang != "kk" or (style is not None and style not in STYLES):
        from ..errors import TranslitError

        if lang != "kk":
            raise TranslitError(f"recovery is implemented for Kazakh only, not {lang!r}")
        raise TranslitError(f"unknown style {style!r}; expected one of {', '.join(STYLES)}")
    lexicon = lexicon or load_lexicon()
    matches = list(_words(text, style))
    protected = protected_spans(text)
    # whether a word is Kazakh decides, with the English list, which sentences and words stay in
    # Latin letters: a word the English list has is read first without suggestions, and searched
    # for them only if it stays Kazakh; any other word is read once, with them
    readings: list[_Reading | None] = []
    kept: list[str] = []
    zipfs = [english_zipf(lexicon, latin) for latin, _, _, _, _ in matches]
    caps_lines: list[bool] = []
    for i, ((latin, start, end, word_style, proper), zipf) in enumerate(zip(matches, zipfs)):
        reason = protection(protected, start, end)
        if reason == MODEL and not zipf:
            reason = ""
        joined = matches[i + 1][0] if i + 1 < len(matches) and text.startswith("-", end) and matches[i + 1][1] == end + 1 else ""
        reason = reason or kept_as_typed(lexicon, latin, joined)
        if reason:
            readings.append(None)
            kept.append(reason)
            continue
        reading = _read_cased(lexicon, latin, word_style, suggest and not zipf, proper)
        if zipf and latin.isupper():
            caps_lines = caps_lines or _caps_lines(text, matches)
            if is_acronym(latin, reading.known, zipf, caps_lines[i]):
                reason = "acronym"
        readings.append(reading)
        kept.append(reason)
    # a word of both languages is Kazakh if it is in any style: "by" in a 2021 line is no word (бы),
    # but it is би by ear, as the same line reads once its other words are Cyrillic
    known = [reading is not None and (reading.known or (zipf > 0 and word_style != "kk-news"
                                                      and _read_cased(lexicon, latin, "kk-news", False, proper).known))
             for reading, zipf, (latin, _, _, word_style, proper) in zip(readings, zipfs, matches)]
    # a word the names list alone knows (John, Charles, Olga) is a Kazakh word only as a name, with a
    # capital: in lower case it casts no Kazakh vote on its sentence ("in the st. charles mall" stays
    # English), though in a Kazakh one it is still read as the name
    kazakh_word = [is_known and not (latin[:1].islower() and _read_as_name(reading))
                   for is_known, reading, (latin, _, _, _, _) in zip(known, readings, matches)]
    # nor is a capitalised name of the list English evidence (Anna, Maria, Olga are words of the English list)
    listed_name = [latin[:1].isupper() and _read_as_name(reading) for reading, (latin, _, _, _, _) in zip(readings, matches)]
    grouped = units(text, [m[1] for m in matches], [m[2] for m in matches])
    decided: list[str | None] = []
    for unit in grouped:
        # words already kept (code, links, brands) say nothing of the language around them, nor
        # does a letter alone (i, a)
        weighed = [i for i in unit if not kept[i] and len(matches[i][0]) > 1]
        # a capitalised word inside the unit is a name, which says nothing of its language
        kazakh = [kazakh_word[i] and not (i != unit[0] and matches[i][0][:1].isupper())
                  and not english_first(lexicon, matches[i][0], zipfs[i]) for i in weighed]
        unit_zipfs, unit_names = [zipfs[i] for i in weighed], [listed_name[i] for i in weighed]
        if not weighed:
            decided.append(None)
        elif english_unit(unit_zipfs, kazakh, unit_names):
            decided.append("English sentence")
        elif russian_unit([matches[i][0] for i in weighed], [kazakh_word[i] for i in weighed]):
            decided.append("Russian sentence")
        else:
            # Kazakh by default: without a Kazakh word in it ("(Hanoi)") that is a guess, and so it
            # is when its one word is English too (switched to "on": он) or a name (“Astana” Centre),
            # or when as many of its words are English as Kazakh (“National company Kazakhstan temir zholy”)
            lone = len(weighed) == 1 and (zipfs[weighed[0]] >= ENGLISH_SENTENCE or matches[weighed[0]][0][:1].isupper())
            english, kazakh_words = english_and_kazakh(unit_zipfs, kazakh, unit_names)
            decided.append("" if any(kazakh) and not lone and english < kazakh_words else None)
    starts = [matches[unit[0]][1] for unit in grouped]
    newlines = [found.start() for found in _NEWLINE.finditer(text)]
    enclosed = _enclosed(text, starts, newlines)
    # a unit holds no line break: units on one line have the same count of breaks before them
    lines = [bisect_left(newlines, start) for start in starts]
    for number, unit in enumerate(grouped):
        decision = decided[number]
        if decision is None:
            decision = _neighbours_decision(decided, enclosed, lines, number)
        if decision:
            for i in unit:
                kept[i] = kept[i] or decision
        else:
            for i in unit:
                if not kept[i] and english_in_kazakh(matches[i][0], known[i], zipfs[i], len(unit) == 1):
                    kept[i] = "English word"
    words: list[WordRecovery] = []
    styles: dict[str, int] = {}
    word_styles = [word_style for _, _, _, word_style, _ in matches]
    for (latin, start, end, word_style, proper), read, reason, zipf in zip(matches, readings, kept, zipfs):
        if reason or read is None:
            reading = _Reading(latin, 1.0, False, (_candidate(latin, 1.0, "latin"),), False, (), reason)
        else:
            styles[word_style] = styles.get(word_style, 0) + 1
            reading = _read_cased(lexicon, latin, word_style, True, proper) if suggest and zipf else read
        words.append(_word(latin, start, end, reading))
    words = _agreement(choose_by_context(words, word_styles, text, lexicon), text, lexicon)
    spliced = _splice(text, words, corrected=False)
    # the corrected text differs only where a flagged word has a suggestion
    if any(word.typo and word.suggestions for word in words):
        corrected = _splice(text, words, corrected=True)
    else:
        corrected = spliced
    # the style most words were read in (the first line's on a tie)
    main_style = max(styles, key=styles.__getitem__) if styles else style or detect_style(text)
    return Recovery(source=text, style=main_style, words=tuple(words), text=spliced, corrected=corrected)


def _read_as_name(reading: _Reading | None) -> bool:
    """Whether a word's best reading is a name of the names list (or a Russian given name)."""
    return reading is not None and bool(reading.alternatives) and reading.alternatives[0].source == "name"


def _words(text: str, style: str | None) -> Iterator[tuple[str, int, int, str, bool]]:
    """(word as typed, start, end, its style, typed as a name) for every Latin word of ``text``.

    Without a ``style`` each line's is read off its own letters: a file of titles may mix news
    ASCII and the 2021 alphabet, and a line without 2021 letters is no 2021 text ("Men kazakpyn").
    """
    line_end = -1
    line_style = style or "kk-news"
    after_lower = False
    previous_end = 0
    for match in LATIN_WORD.finditer(text):
        latin = match.group(0)
        start, end = match.start(), match.end()
        if style is None and start > line_end:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            line_style = detect_style(text[line_start:line_end])
        if latin[-1] in "'’" and line_style != "kk-latin-2017":
            latin, end = latin[:-1], end - 1
        # a capital after a lower-case word of the same sentence marks a name (not so in a title
        # typed in Title Case, where the word before has a capital too)
        proper = after_lower and latin[0].isupper() and not _SENTENCE_END.search(text, previous_end, start)
        yield latin, start, end, line_style, proper
        after_lower = latin[0].islower()
        previous_end = end


def _caps_lines(text: str, matches: list[tuple[str, int, int, str, bool]]) -> list[bool]:
    """For each word, whether most words of two letters or more on its line, in either script, are in
    capitals ("Көрме UNESCO қолдауымен" is no ALL-CAPS title, though its one Latin word is)."""
    out: list[bool] = []
    i = 0
    while i < len(matches):
        line_start = text.rfind("\n", 0, matches[i][1]) + 1
        line_end = text.find("\n", matches[i][1])
        line_end = len(text) if line_end < 0 else line_end
        j = i
        while j < len(matches) and matches[j][1] < line_end:
            j += 1
        long_words = _LONG_WORD.findall(text, line_start, line_end)
        caps = sum(word.isupper() for word in long_words) * 2 > len(long_words)
        out += [caps] * (j - i)
        i = j
    return out


_OPENERS = frozenset("“‘«„([")
_NEWLINE = re.compile("\n")


def _enclosed(text: str, starts: list[int], newlines: list[int]) -> list[bool]:
    """Whether the unit at each of ``starts`` opens a quote or a bracket: the last mark before it is
    an opener, or a straight quote that is its line's first, third... one. ``newlines`` are the
    positions of the line breaks; the quotes are counted by position too, so a long text costs one
    pass, not one per unit."""
    quotes = {mark: [found.start() for found in re.finditer(mark, text)] for mark in ("\"", "'")}
    out = []
    for start in starts:
        at = start - 1
        while at >= 0 and text[at].isspace():
            at -= 1
        mark = text[at] if at >= 0 else ""
        if mark in quotes:
            breaks = bisect_left(newlines, at)
            line_start = newlines[breaks - 1] + 1 if breaks else 0
            out.append((bisect_right(quotes[mark], at) - bisect_left(quotes[mark], line_start)) % 2 == 1)
        else:
            out.append(mark in _OPENERS)
    return out


def _neighbours_decision(decided: list[str | None], enclosed: list[bool], lines: list[int], number: int) -> str:
    """The language decision for a unit that has nothing, or too little, to tell it by: single
    letters (the S of "U.S.", the initials of "W.H.S. Koerner"), words no language knows ("(Hanoi)"),
    one word of both languages or a name ('switched to "on"', “Astana” Centre), as many English
    words as Kazakh. It is its line's: the decision of the unit before it on the line, else the one
    after it ("A. Baitursynuly atyndagy" is Kazakh); Kazakh when none decides. A unit outside quotes
    and brackets is a piece of a sentence a quote cut ("Ol" in 'Ol "..." turaly aitty'): the other
    pieces decide it, the quotes only when they alone do."""
    line = lines[number]
    before = takewhile(lambda other: lines[other] == line, range(number - 1, -1, -1))
    after = takewhile(lambda other: lines[other] == line, range(number + 1, len(decided)))
    deciding = (other for other in chain(before, after) if decided[other] is not None)
    first_quoted = None
    for other in deciding:
        if enclosed[number] or not enclosed[other]:
            return decided[other] or ""
        if first_quoted is None:
            first_quoted = other
    return (decided[first_quoted] or "") if first_quoted is not None else ""


def _splice(text: str, words: list[WordRecovery], *, corrected: bool) -> str:
    parts: list[str] = []
    position = 0
    previous: WordRecovery | None = None
    for word in words:
        between = text[position : word.start]
        # a spaced hyphen is a dash in Kazakh text, not in the English or Russian kept around it
        recovered = word.cyrillic != word.latin or (previous is not None and previous.cyrillic != previous.latin)
        parts.append(_SPACED_HYPHEN.sub(r"\1–\2", between) if previous and recovered and "-" in between else between)
        parts.append(word.corrected if corrected else word.cyrillic)
        position = word.end
        previous = word
    parts.append(text[position:])
    return "".join(parts)


_WORD_CACHES = (skeleton, _fit, _letters, _plain, _read, _read_cased, _possessed, _parses, _stem_ending, _chain_spelled,
                _scored_words, _chain_next, russian_given_name)
"""What was computed for the words read so far: readings, scores, suffix parses, chain lookups."""
_INDEX_CACHES = (load_lexicon, lexicon_key, read_context, _rules, _trigram_steps, _form_steps, _allowed, _suffix_index,
                 _suffix_starts, _suffix_spellings, _suffix_pieces, _sorted_extra, _endings, _corpus_index, corpus_slips,
                 _names_index, _sorted_chains, _chain_skeletons)
"""What is built once for a lexicon or for the grammar, whatever the words read."""


def clear_word_caches(lexicon: Lexicon | None = None) -> None:
    """Forget the words read so far (and ``lexicon``'s lookups of them), keeping the lexicon and
    the indexes built for it: a long-running process frees the memory, and a benchmark's cold run
    starts where a fresh process that has loaded the lexicon would."""
    for cached in _WORD_CACHES:
        cached.cache_clear()
    if lexicon is not None:
        lexicon.forget()
