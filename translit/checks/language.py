"""Wrong language or untranslated text in a version.

``lang.cyrillic-in-en`` — Cyrillic words left in the English version (the seed post's
caption “Бахина фото”).
``lang.russian-in-kk`` — a paragraph of the Kazakh version that is Russian: no Kazakh
letters at all, detected as Russian.
``lang.kazakh-in-ru`` — a paragraph of the Russian version written in Kazakh.
``lang.untranslated`` — an English sentence left in the Kazakh or Russian version, or a
paragraph identical in two versions.

Names and titles are legitimately quoted in other scripts (a Kazakh conference title
romanized in English, an English brand in Russian), so a paragraph or sentence is
only reported when it is long enough (six words, five for English) and
:func:`translit.detection.detect` reads it as the other language.
"""

from __future__ import annotations

import re

from ..alphabet import has_kazakh_letters
from .base import CheckSpec, Emitter, Post, Version, quote

CHECKS = [
    CheckSpec("lang.cyrillic-in-en", "error", "Cyrillic (Russian or Kazakh) text left in the English version."),
    CheckSpec("lang.russian-in-kk", "error", "A paragraph of the Kazakh version is in Russian."),
    CheckSpec("lang.kazakh-in-ru", "warning", "A paragraph of the Russian version is in Kazakh."),
    CheckSpec("lang.untranslated", "warning", "English text in the Kazakh or Russian version, or a paragraph identical in two versions."),
]

# A Cyrillic letter inside a Latin word is a look-alike (script.homoglyph), not Russian text.
_CYRILLIC_RUN = re.compile(r"(?<![A-Za-z])[\u0400-\u04ff]+(?:[\s\-–—,.:;!?«»\"“”()]*[\u0400-\u04ff]+)*(?![A-Za-z])")
_CYR_WORD = re.compile(r"[\u0400-\u04ff]+")
_LATIN_SENTENCE = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,;:\-–—]+[A-Za-z][A-Za-z'’-]*){4,}")
_MIN_WORDS = 6


def run(post: Post, out: Emitter) -> None:
    """Look for text in the wrong language in each version, and for copied paragraphs."""
    for version in post.versions:
        if version.lang == "en" and out.enabled("lang.cyrillic-in-en"):
            _cyrillic_in_en(version, out)
        if version.lang in ("kk", "ru"):
            _wrong_cyrillic(version, out)
            if out.enabled("lang.untranslated"):
                _english_in(version, out)
    if out.enabled("lang.untranslated"):
        _identical(post, out)


def _cyrillic_in_en(version: Version, out: Emitter) -> None:
    for match in _CYRILLIC_RUN.finditer(version.prose):
        text = match.group()
        language = "Kazakh" if has_kazakh_letters(text) else "Russian"
        out(
            "lang.cyrillic-in-en",
            version,
            match.start(),
            match.end(),
            f"{language} text left in the English version: {quote(text)}; translate it or remove it.",
        )


def _flag(version: Version, block_start: int) -> None:
    version.__dict__.setdefault("_values", {}).setdefault("wrong-language", set()).add(block_start)


def _flagged(version: Version, block_start: int) -> bool:
    return block_start in version.__dict__.get("_values", {}).get("wrong-language", set())


def text_language(text: str) -> str:
    """A rough language of a paragraph by its letters: en (Latin), kk (Kazakh letters) or ru."""
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    cyrillic = sum(1 for char in text if "\u0400" <= char <= "\u04ff")
    if latin > cyrillic:
        return "en"
    return "kk" if has_kazakh_letters(text) else "ru"


def _wrong_cyrillic(version: Version, out: Emitter) -> None:
    from ..detection import detect

    for block in version.blocks:
        prose = block.prose(version.text)
        words = _CYR_WORD.findall(prose)
        if len(words) < _MIN_WORDS:
            continue
        kazakh_letters = has_kazakh_letters(prose)
        start = block.prose_spans[0][0] if block.prose_spans else block.start
        # Russian has none of the Kazakh letters; a Kazakh paragraph of six words without one is rare.
        if version.lang == "kk" and not kazakh_letters and detect(prose, out.config.detect_languages).lang == "ru":
            _flag(version, block.start)
            out("lang.russian-in-kk", version, start, block.end, f"This paragraph of the Kazakh version is in Russian (no Kazakh letters): {quote(prose)}.")
        elif version.lang == "ru" and kazakh_letters and detect(prose, out.config.detect_languages).lang == "kk":
            _flag(version, block.start)
            out("lang.kazakh-in-ru", version, start, block.end, f"This paragraph of the Russian version is in Kazakh: {quote(prose)}.")


def _english_in(version: Version, out: Emitter) -> None:
    from ..detection import detect

    for match in _LATIN_SENTENCE.finditer(version.prose):
        detection = detect(match.group(), out.config.detect_languages)
        if detection.lang == "en" and not detection.romanized:
            name = "Kazakh" if version.lang == "kk" else "Russian"
            out("lang.untranslated", version, match.start(), match.end(), f"English text left in the {name} version: {quote(match.group())}.")


def _identical(post: Post, out: Emitter) -> None:
    """A paragraph copied into another version: blame the version whose language it is not in."""
    seen: dict[str, tuple[Version, int]] = {}
    for version in post.versions:
        for block in version.blocks:
            prose = block.prose(version.text)
            if len(prose.split()) < 5 or block.kind == "code":
                continue
            if prose not in seen:
                seen[prose] = (version, block.start)
                continue
            other, other_start = seen[prose]
            if other.lang == version.lang:
                continue
            written_in = text_language(prose)
            blamed, blamed_start, source = (other, other_start, version) if written_in == version.lang else (version, block.start, other)
            if _flagged(blamed, blamed_start):
                continue
            blamed_block = next(b for b in blamed.blocks if b.start == blamed_start)
            out("lang.untranslated", blamed, blamed_start, blamed_block.end, f"This paragraph is identical to the {source.lang} version: it was not translated.")
