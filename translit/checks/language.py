"""Wrong language or untranslated text in a version, sentence by sentence.

``lang.cyrillic-in-en`` — Cyrillic words left in the English version (the seed post's
caption “Бахина фото”).
``lang.russian-in-kk`` — a sentence or paragraph of the Kazakh version that is Russian.
``lang.kazakh-in-ru`` — a sentence or paragraph of the Russian version written in Kazakh.
``lang.untranslated`` — an English sentence (three words or more) left in the Kazakh or Russian
version, or a paragraph identical in two versions.

Names and titles are legitimately written in other languages (a Kazakh title in «», an English brand
in Russian), so text in quotation marks is left out, only lower-case words count towards the three
words (“Астана Опера театры” is Kazakh with one such word), and a sentence is reported only when
:func:`translit.language.detection.detect` reads it as the other language: Russian in the Kazakh version when
it has none of the Kazakh letters, Kazakh in the Russian version when it has some.
A paragraph all of whose sentences are in the wrong language is reported once, as a paragraph.
"""

from __future__ import annotations

import re

from ..transliteration.alphabet import has_kazakh_letters
from ..language.detection import QUOTED, detect
from ..language.segment import sentence_spans
from .base import EXCERPT, CheckSpec, Emitter, Post, Version, quote
from .extract import entities
from .structure import marker_spans

CHECKS = [
    CheckSpec("lang.cyrillic-in-en", "error", "Cyrillic (Russian or Kazakh) text left in the English version."),
    CheckSpec("lang.russian-in-kk", "error", "A sentence or paragraph of the Kazakh version is in Russian."),
    CheckSpec("lang.kazakh-in-ru", "error", "A sentence or paragraph of the Russian version is in Kazakh."),
    CheckSpec("lang.untranslated", "error", "An English sentence in the Kazakh or Russian version, or a paragraph identical in two versions."),
]

# A Cyrillic letter inside a Latin word is a look-alike (script.homoglyph), not Russian text. The look-behind
# follows the first letter, so the search visits Cyrillic letters only (tests/test_fast_patterns.py).
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff](?<![A-Za-z].)[\u0400-\u04ff]*(?:[\s\-–—,.:;!?«»\"“”()]*[\u0400-\u04ff]+)*(?![A-Za-z])")
_CYR_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,;:\-–—]+[A-Za-z][A-Za-z'’-]*){2,}")
_NAME_LINKS = frozenset("of the and for in on at to by named after a an".split())
_MIN_WORDS = 3
_TEXT_KINDS = frozenset({"paragraph", "list_item", "quote", "cell", "heading", "caption"})
_WRONG = {"kk": ("lang.russian-in-kk", "Kazakh", "Russian"), "ru": ("lang.kazakh-in-ru", "Russian", "Kazakh")}


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


def _without_quotes(text: str) -> str:
    """``text`` with quoted titles and names blanked (offsets kept)."""
    return QUOTED.sub(lambda found: " " * len(found.group()), text)


def _in_other_language(text: str, lang: str, languages: tuple[str, ...] | None) -> bool:
    """Whether a sentence of a ``lang`` (kk or ru) version is written in the other Cyrillic language (detected among ``languages``)."""
    kazakh = has_kazakh_letters(text)
    if kazakh == (lang == "kk"):
        return False  # Kazakh letters in the Kazakh version, none in the Russian: its own language
    words = _CYR_WORD.findall(text)
    if sum(1 for word in words if word[0].islower()) < _MIN_WORDS:
        return False
    found = detect(text, languages).lang
    return found == "ru" if lang == "kk" else found in ("kk", "ky")


def _wrong_cyrillic(version: Version, out: Emitter) -> None:
    check_id, own, other = _WRONG[version.lang]
    for block in version.blocks:
        if block.kind not in _TEXT_KINDS:
            continue
        text = version.prose
        if version.lang == "ru" and not has_kazakh_letters(text[block.start : block.end]):
            continue  # Kazakh in a sentence of the Russian version needs Kazakh letters
        sentences = sentence_spans(text, block.start, block.end)
        wrong = [(start, end) for start, end in sentences if _in_other_language(_without_quotes(text[start:end]), version.lang, out.config.detect_languages)]
        if not wrong:
            continue
        if len(wrong) == len(sentences):
            _flag(version, block.start)
            prose = block.prose(version.text)
            out(check_id, version, wrong[0][0], wrong[-1][1], f"This paragraph of the {own} version is in {other}: {quote(prose, EXCERPT)}; translate it.")
            continue
        for start, end in wrong:
            out(check_id, version, start, end, f"This sentence of the {own} version is in {other}: {quote(version.prose[start:end], EXCERPT)}; translate it.")


def _english_in(version: Version, out: Emitter) -> None:
    marked = marker_spans(version)
    # A link's slug ("…/about-the-national-library") or an e-mail's name is no English prose.
    prose, pieces, pos = _without_quotes(version.prose), [], 0
    for entity in entities(version):
        if entity.kind in ("url", "email"):
            pieces += [prose[pos : entity.start], " " * (entity.end - entity.start)]
            pos = entity.end
    prose = "".join(pieces) + prose[pos:]
    for match in _LATIN_RUN.finditer(prose):
        if any(start < match.end() and match.start() < end for start, end in marked):
            continue  # structure.untranslated reports it
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", match.group())
        if len(words) < _MIN_WORDS:
            continue  # "e-mail: info" is two words, not a sentence
        if all(word[0].isupper() or word.lower() in _NAME_LINKS for word in words):
            continue  # a name or a title: "Astana International Financial Centre"
        detection = detect(match.group(), out.config.detect_languages)
        if detection.lang == "en" and not detection.romanized:
            name = "Kazakh" if version.lang == "kk" else "Russian"
            out("lang.untranslated", version, match.start(), match.end(), f"English text left in the {name} version: {quote(match.group(), EXCERPT)}; translate it.")


def _identical(post: Post, out: Emitter) -> None:
    """A paragraph copied into another version: blame the version whose language it is not in."""
    seen: dict[str, tuple[Version, int]] = {}
    for version in post.versions:
        marked = marker_spans(version)
        for block in version.blocks:
            prose = block.prose(version.text)  # words joined by single spaces: four spaces are five words
            if prose.count(" ") < 4 or block.kind == "code" or any(start < block.end and block.start < end for start, end in marked):
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
