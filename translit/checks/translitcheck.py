"""Transliteration: Kazakh typed in Latin letters (titles, names of events).

English news quotes Kazakh titles romanized ("Otbasylyk oku - tarbiye kozi"). Each quoted Latin span the
detector reads as romanized Kazakh is recovered to Cyrillic (:mod:`translit.recovery`, a Kazakh lexicon
with suffix analysis), and then:

``translit.unknown-word`` — a word that maps to no Kazakh word ("dastustusturlerdi"), with the nearest
real words and their spelling in the post's scheme; a real word in the wrong case for its phrase
("balalar kitaphanasyn … missiyasy" wants the genitive "kitaphanasynyn") is reported as ``info``.
``translit.scheme`` — a span written in another romanization than the post's (``[schemes] kk``,
default ``kk-news``): "Ūlttyq kıtaphana" in a kk-news post. By-ear variation inside the scheme's own
ASCII style (h for х) is not reported.

``translit.latin-kazakh`` — Kazakh typed in Latin letters inside the Kazakh or Russian version («Zhastar
zhyly»: a title pasted from an English source), with the recovered Cyrillic («Жастар жылы») as the fix.
Two Latin words or more (or one in quotation marks) that the detector reads as romanized Kazakh, or as
another Turkic language when every word is a Kazakh word of the lexicon ("Adebi marafon"); what it reads
as English (names, brands) is left alone.

Proper names the lexicon knows as names ("Kazakhstan kitaptary": Kazakhstan is the English exonym) are
never respelled.
"""

from __future__ import annotations

import re
from typing import Any

from .base import CheckSpec, Emitter, Post, Version, quote
from .extract import entities

CHECKS = [
    CheckSpec("translit.unknown-word", "warning", "A romanized Kazakh word that maps to no Kazakh word, with suggestions."),
    CheckSpec("translit.scheme", "info", "Romanized Kazakh not written in the post's scheme.", fixable=True),
    CheckSpec("translit.latin-kazakh", "warning", "Kazakh typed in Latin letters inside the Kazakh or Russian version, with its Cyrillic."),
]
# Two Latin words or more, or one in quotation marks (a title: «Kokserek»).
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ -]+[A-Za-z][A-Za-z'’]*)+|(?<=[«“\"])[A-Za-z][A-Za-z'’-]*(?=[»”\"])")
_QUOTED = re.compile(r"\"([^\"\n]{2,300})\"|“([^”\n]{2,300})”|«([^»\n]{2,300})»|„([^“\n]{2,300})“")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ']+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _spans(version: Version) -> list[tuple[int, int]]:
    spans = []
    for match in _QUOTED.finditer(version.prose):
        group = next(index for index in range(1, 5) if match.group(index) is not None)
        start, end = match.start(group), match.end(group)
        text = version.prose[start:end]
        if not _CYRILLIC.search(text) and len(_LATIN_WORD.findall(text)) >= 1:
            spans.append((start, end))
    return spans


def _render(cyrillic: str, scheme: str) -> str:
    """``cyrillic`` in the post's scheme; an unknown scheme in translit.toml is the user's error to see."""
    from ..transliteration.engine import romanize

    return romanize(cyrillic, scheme)


def run(post: Post, out: Emitter) -> None:
    """Recover romanized Kazakh spans of the English version and report broken words and foreign schemes."""
    if out.enabled("translit.latin-kazakh"):
        for version in post.versions:
            if version.lang in ("kk", "ru"):
                _latin_kazakh(version, out)
    if not (out.enabled("translit.unknown-word") or out.enabled("translit.scheme")):
        return
    from ..language.detection import detect
    from ..recovery import STYLES, recover

    scheme = post.config.scheme("kk")
    for version in post.versions:
        if version.lang != "en":
            continue  # in the Kazakh and Russian versions romanized Kazakh is itself the fault (translit.latin-kazakh)
        for start, end in _spans(version):
            text = version.prose[start:end]
            detection = detect(text, post.config.detect_languages)
            if detection.lang != "kk" or not detection.romanized:
                continue
            style = detection.scheme if detection.scheme in STYLES else None
            recovery = recover(text, style=style)
            _words(version, start, recovery, scheme, out)
            _scheme(version, start, end, recovery, scheme, out)


def _words(version: Version, offset: int, recovery: Any, scheme: str, out: Emitter) -> None:
    for word in recovery.typos:
        suggestions = [candidate.cyrillic for candidate in word.suggestions[:3]]
        spelled = [_render(candidate, scheme) for candidate in suggestions]
        offered = ", ".join(f"{quote(latin)} ({cyrillic})" for latin, cyrillic in zip(spelled, suggestions))
        if word.known:
            message = f"{quote(word.latin)} ({word.cyrillic}) is a Kazakh word in the wrong form here: {word.reason}"
        else:
            message = f"{quote(word.latin)} is not a Kazakh word"
        message += f"; did you mean {offered}?" if offered else "; check the spelling."
        out(
            "translit.unknown-word",
            version,
            offset + word.start,
            offset + word.end,
            message,
            fix=spelled[0] if spelled else None,
            severity="info" if word.known else None,
        )


def _scheme(version: Version, start: int, end: int, recovery: Any, scheme: str, out: Emitter) -> None:
    if recovery.style == scheme or not scheme.startswith("kk-") or any(word.typo for word in recovery.words):
        return
    wanted = _render(recovery.text, scheme)
    if wanted == version.prose[start:end]:
        return
    names = [word for word in recovery.words if any(candidate.source == "name" for candidate in word.alternatives[:1])]
    if names:
        return
    out(
        "translit.scheme",
        version,
        start,
        end,
        f"This Kazakh is romanized in {recovery.style}, not in the post's scheme {scheme}: {quote(wanted)}.",
        fix=wanted,
    )


def _latin_kazakh(version: Version, out: Emitter) -> None:
    from ..language.detection import detect
    from ..recovery import STYLES, recover

    addresses = [(e.start, e.end) for e in entities(version) if e.kind in ("url", "email")]
    for match in _LATIN_WORDS.finditer(version.prose):
        if not any(char.islower() for char in match.group()):
            continue  # Roman numerals ("V – III"), abbreviations
        if any(start < match.end() and match.start() < end for start, end in addresses):
            continue  # zhambyl-lib.kz
        detection = detect(match.group(), out.config.detect_languages)
        if detection.lang == "en" or detection.lang == "kk" and not detection.romanized:
            continue
        recovery = recover(match.group(), style=detection.scheme if detection.lang == "kk" and detection.scheme in STYLES else None)
        if detection.lang != "kk" and not all(word.known for word in recovery.words):
            continue  # short phrases without zh/sh/kh may read as Turkish or Uzbek: Kazakh when every word is a Kazakh word
        language = "Kazakh" if version.lang == "kk" else "Russian"
        out(
            "translit.latin-kazakh",
            version,
            match.start(),
            match.end(),
            f"Kazakh typed in Latin letters in the {language} version: write it in Cyrillic, {quote(recovery.text)}.",
            fix=recovery.text,
        )
