"""Re-rendering: the Latin-Kazakh spans of a text found, recovered and written
again in one scheme.

It finds the spans with :func:`translit.language.segment.segments`, which detects
every span's language, and detection in turn reads Latin words through the
recovery's lexicon: so this sits above both, not inside the recovery package.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..transliteration.engine import load_scheme, romanize
from ..errors import UnknownSchemeError
from ..recovery import STYLES, RerenderedSpan, Rerendering, fold, load_lexicon, recover, skeleton
from ..recovery.foreign import protected_spans, protection
from ..recovery.spelling import _lower
from ..language.segment import segments

if TYPE_CHECKING:
    from ..names.glossary import Glossary


def _kazakh_spans(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, detected style) of the Latin-Kazakh spans: whole blocks, sentences or quotes."""
    chosen: list[tuple[int, int, str | None]] = []
    found = [s for s in segments(text) if s.detection.lang == "kk" and s.detection.romanized]
    for seg in sorted(found, key=lambda s: (s.level, s.start)):
        if any(seg.start < end and start < seg.end for start, end, _ in chosen):
            continue
        if seg.kind != "quote":
            # a sentence or block counts only when nearly all its words are Kazakh; otherwise
            # its quoted titles are taken one by one. The words of its links, e-mail addresses,
            # code and hashtags say nothing of its language.
            protected = protected_spans(seg.text)
            words = [word for word in recover(seg.text, suggest=False).words
                     if not protection(protected, word.start, word.end)]
            if sum(word.known for word in words) < 0.9 * len(words):
                continue
        chosen.append((seg.start, seg.end, seg.detection.scheme))
    return sorted(chosen)


def _in_letters_of(latin: str, scheme: str) -> bool:
    """Whether ``latin`` is written only in letters ``scheme`` writes Kazakh in (news ASCII has no j, q, w, x)."""
    return set(latin.lower()) <= _scheme_letters(scheme)


@lru_cache(maxsize=8)
def _scheme_letters(scheme: str) -> frozenset[str]:
    return frozenset(romanize(_KAZAKH_LETTERS + _KAZAKH_LETTERS.upper(), scheme).lower())


_KAZAKH_LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


def _former_names(glossary: Glossary, text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a former name of a glossary entity as it was officially spelled in Latin
    letters (Nur-Sultan, the capital in 2019–2022): a name of its time, quoted as it was, in any scheme
    (word by word the 2021 alphabet made it Nūr-Sultan, half of each)."""
    return [(mention.start, mention.end) for mention in glossary.find(text, "en") if mention.status == "outdated"]


def rerender_report(text: str, scheme: str = "kk-news", *, correct: bool = False) -> Rerendering:
    """Find the Latin-Kazakh spans of ``text``, recover them and write them again in ``scheme``.

    An unknown word is left as typed, a flagged known word is written as read
    (with ``correct`` both take their top suggestion), so that nothing is
    silently rewritten; ``Rerendering.typos`` lists them with suggestions.
    """
    info = load_scheme(scheme).info  # an unknown scheme fails before any work
    if info.language != "kk":
        raise UnknownSchemeError(f"{scheme!r} writes {info.language!r}; Kazakh spans need a kk-* scheme")
    names = load_lexicon().names
    from ..names.glossary import Glossary

    glossary = Glossary.load()  # once: each load lists and stats every glossary file
    parts: list[str] = []
    spans: list[RerenderedSpan] = []
    position = 0
    for start, end, detected in _kazakh_spans(text):
        source = text[start:end]
        style = detected if detected in STYLES else None
        result = recover(source, style=style)
        former = _former_names(glossary, source)
        rendered_parts: list[str] = []
        cursor = 0
        for word in result.words:
            rendered_parts.append(source[cursor : word.start])
            if any(first <= word.start and word.end <= last for first, last in former):
                rendered_parts.append(word.latin)
                cursor = word.end
                continue
            # a name typed in a spelling of the names list stays as typed in news ASCII when it is an
            # exonym (Karaganda) or in news ASCII's letters, which spell names as their bearers do
            # (Abai, ABAI; not Qazaqstan). Looked up as typed: read in the 2021 alphabet, ABAI is abaı.
            name = names.get(_lower(word.latin, "kk-news"), "").lower() == word.cyrillic.lower() and (
                _in_letters_of(word.latin, scheme) or fold(_lower(word.latin, result.style)) != skeleton(word.cyrillic))
            unknown = word.typo and not word.known and not (correct and word.suggestions)
            # a word already spelled in the scheme as one of its readings is right as it stands
            # ("Olga" in 2021 is Ольга, though олға is the likelier reading)
            spelled = not word.typo and any(romanize(c.cyrillic, scheme) == word.latin for c in word.alternatives)
            if unknown or spelled or (name and scheme == "kk-news"):
                # an unknown word stays as typed (no guess is written); so does such a name in news
                # ASCII, in capitals as in Title case. A known word flagged for agreement is
                # re-spelled as read: the spelling changes, the word does not.
                rendered_parts.append(word.latin)
            else:
                rendered_parts.append(romanize(word.corrected if correct else word.cyrillic, scheme))
            cursor = word.end
        rendered_parts.append(source[cursor:])
        rendered = "".join(rendered_parts)
        spans.append(RerenderedSpan(start, end, source, rendered, result))
        parts.append(text[position:start])
        parts.append(rendered)
        position = end
    parts.append(text[position:])
    return Rerendering(text="".join(parts), scheme=scheme, spans=tuple(spans))


def rerender(text: str, scheme: str = "kk-news", *, correct: bool = False) -> str:
    """``text`` with every Latin-Kazakh span written again in ``scheme`` (see :func:`rerender_report`).

    >>> rerender('The report "Otbasylyk oku - tarbiye kozi" was read.', "kk-latin-2021")
    'The report "Otbasylyq oqu - tärbie közı" was read.'
    """
    return rerender_report(text, scheme, correct=correct).text
