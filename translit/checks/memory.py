"""Translation memory: house translations kept, fuzzy matches reviewed.

``memory.differs`` — a sentence whose counterpart in another version has an exact match in the
translation memory (the same words, names, dates and numbers aside), but which is translated otherwise
than the memory says: the site translated it one way before. Info by default
(``[check.severity] "memory.differs" = "warning"`` makes it stricter). Runs when a memory is configured
(``[tm]`` in translit.toml, or the default memory exists) or given (``translit check --tm PATH``).
``memory.fuzzy`` — a ``[[fuzzy:SCORE]] … [[/fuzzy]]`` marker ``translit post`` leaves around a
sentence taken from a fuzzy memory match: a translator reviews it and removes the markers.
"""

from __future__ import annotations

import re

from .base import EXCERPT, LANG_NAMES, CheckSpec, Emitter, Post, Version, quote

CHECKS = [
    CheckSpec("memory.differs", "info", "A sentence translated otherwise than the translation memory's exact match for it.", pair=True),
    CheckSpec("memory.fuzzy", "error", "A [[fuzzy:…]] marker: a sentence from a fuzzy memory match still to review."),
]

_FUZZY = re.compile(r"\[\[fuzzy:(?P<score>\d+)\]\](?P<body>.*?)(?:\[\[/fuzzy\]\]|$)", re.S)
FUZZY_TAG = re.compile(r"\[\[fuzzy:\d+\]\]")
"""The opening marker alone: its score is no number of the post (:mod:`.extract` leaves it out)."""
_SPACES = re.compile(r"\s+")


def run(post: Post, out: Emitter) -> None:
    """Report fuzzy-match markers, and sentences translated otherwise than the memory."""
    for version in post.versions:
        for found in _FUZZY.finditer(version.text):
            out("memory.fuzzy", version, found.start(), found.end(),
                f"From a {found.group('score')}% memory match: review {quote(found.group('body'), EXCERPT)} "
                "and remove the [[fuzzy]] markers.")
    if len(post.versions) < 2 or not out.enabled("memory.differs"):
        return
    from ..tm.matching import open_memory

    memory = open_memory(post.config, required=False, create=False)
    if memory is None:
        return
    with memory:
        _differs(post, memory, out)


def _differs(post: Post, memory: object, out: Emitter) -> None:
    from ..reading.document import detect_format, format_for_path
    from .memory_import import aligned_sentences
    from ..tm.slots import make_protector, pair
    from .glossary import load_glossary

    protector = make_protector(post.config, load_glossary(post))
    versions = {v.lang: (v.text, format_for_path(v.path, v.text) if v.path and not v.path.startswith("<") else detect_format(v.text))
                for v in post.versions}
    rows, _ = aligned_sentences(versions, protector)
    by_lang = {version.lang: version for version in post.versions}
    for row in rows:
        for b, cell_b in row.items():
            for a, cell_a in row.items():
                if a == b:
                    continue
                stored, template = pair(cell_a.sentence, cell_b.sentence, b)
                found = memory.store.exact(a, b, stored.key)  # type: ignore[attr-defined]
                if not found or any(_same(segment.template, template) for segment in found):
                    continue
                version = by_lang[b]
                start, end = _place(version, cell_b.block, cell_b.sentence.text)
                house = found[0]
                out("memory.differs", version, start, end,
                    f"The translation memory translates this {LANG_NAMES[a]} sentence as {quote(house.target, EXCERPT)} "
                    f"({house.origin}); this version differs: {quote(cell_b.sentence.text, EXCERPT)}.")
                break  # one finding per sentence, whichever version's sentence the memory knows


def _same(a: str, b: str) -> bool:
    return _SPACES.sub(" ", a).strip() == _SPACES.sub(" ", b).strip()


def _place(version: Version, block_index: int, sentence: str) -> tuple[int, int]:
    """The sentence's offsets in the version when its opening words are found in its block, else the block's start."""
    block = version.blocks[block_index]
    opening = " ".join(sentence.split()[:3])
    at = version.text.find(opening, block.start, max(block.end, block.start + 1)) if opening else -1
    if at < 0:
        return block.start, block.start
    return at, min(at + len(sentence), block.end)
