"""Mixed scripts: Latin look-alike letters inside a Cyrillic word, or Cyrillic inside a Latin word.

A family of its own, apart from typography, because it is an error and not a
matter of house style: “Oқырмандар” with a Latin O breaks every search and
every name match, so ``--disable typography`` must not turn it off.
(It was ``typography.homoglyph`` before; that id is still understood.)
"""

from __future__ import annotations

from ..transliteration.homoglyphs import find_homoglyphs
from .base import CheckSpec, Emitter, Post, quote

CHECKS = [
    CheckSpec("script.homoglyph", "error", "Latin look-alike letters inside a Cyrillic word, or Cyrillic inside a Latin word.", fixable=True),
]
RENAMED = {"typography.homoglyph": "script.homoglyph"}


def run(post: Post, out: Emitter) -> None:
    """Look-alike letters in each version separately."""
    if not out.enabled("script.homoglyph"):
        return
    for version in post.versions:
        for glyph in find_homoglyphs(version.prose, version.lang):
            script = "Cyrillic" if glyph.script == "Cyrl" else "Latin"
            out(
                "script.homoglyph",
                version,
                glyph.start,
                glyph.end,
                f"{quote(glyph.text)} mixes Latin and Cyrillic letters that look alike; in {script} it is {quote(glyph.fixed)}.",
                fix=glyph.fixed,
            )
