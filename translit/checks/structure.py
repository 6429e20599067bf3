"""Structure: every version has the same headings, paragraphs, list items and images.

``structure.empty-version`` — a version with no text at all.
``structure.missing-block`` — a heading, paragraph or list item of one version has no
counterpart in another, found by aligning the versions on what survives translation (numbers, dates,
phones, links, images, institutions, surnames) and on length (:mod:`translit.checks.align`), so the finding
names the block that is really missing, not the one that happens to sit in its position.
``structure.missing-image`` — an image (by file name) is in one version but not another.
``structure.untranslated`` — ``[[untranslated:…]]`` markers that ``translit post`` leaves where no translation
route existed: the block is still in the source language.
``structure.lost-part`` — a ``[[lost:…]]`` marker: a name, number or link the translation engine dropped.
``structure.missing-version`` — off unless ``[check.options] require-versions`` lists languages.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePosixPath

from .align import AlignedRow, rows
from .base import EXCERPT, LANG_NAMES, CheckSpec, Emitter, Post, Version, quote

CHECKS = [
    CheckSpec("structure.empty-version", "error", "A version of the post is empty."),
    CheckSpec("structure.missing-version", "error", "A language listed in [check.options] require-versions has no version."),
    CheckSpec("structure.untranslated", "error", "A block still marked [[untranslated:…]]: it was never translated."),
    CheckSpec("structure.lost-part", "error", "A [[lost:…]] marker: the translation engine dropped a name, number or link."),
    CheckSpec("structure.missing-block", "error", "A heading, paragraph or list item has no counterpart in another version.", pair=True),
    CheckSpec("structure.missing-image", "warning", "An image is in one version but not in another.", pair=True),
]

_UNTRANSLATED = re.compile(r"\[\[untranslated:(?P<lang>\w+)\]\](?P<body>.*?)(?:\[\[/untranslated\]\]|$)", re.S)
_LOST = re.compile(r"\[\[lost:(?P<body>.*?)\]\]", re.S)
KIND_NAMES = {"heading": "heading", "paragraph": "paragraph", "list_item": "list item", "caption": "caption", "cell": "table cell", "quote": "block quote", "code": "code block", "image": "image"}


def run(post: Post, out: Emitter) -> None:
    """Report empty and missing versions, unmatched blocks and images."""
    for version in post.versions:
        if not version.text.strip():
            out("structure.empty-version", version, 0, 0, f"The {LANG_NAMES.get(version.lang, version.lang)} version is empty.")
    required = out.config.option("require-versions", [])
    present = {version.lang for version in post.versions}
    for lang in required if isinstance(required, list) else []:
        if lang not in present and post.versions:
            out("structure.missing-version", post.versions[0], 0, 0, f"The post has no {LANG_NAMES.get(lang, lang)} version.")
    for version in post.versions:
        _markers(version, out)
    versions = [version for version in post.versions if version.text.strip()]
    if len(versions) < 2:
        return
    if out.enabled("structure.missing-block"):
        _blocks(post, out)
    if out.enabled("structure.missing-image"):
        _images(post, versions, out)


def marker_spans(version: Version) -> list[tuple[int, int]]:
    """Where ``translit post`` left text for a translator: other checks do not report it again."""
    return [found.span() for found in _UNTRANSLATED.finditer(version.text)]


def _markers(version: Version, out: Emitter) -> None:
    """The markers ``translit post`` writes where it could not translate or lost a protected part."""
    for found in _UNTRANSLATED.finditer(version.text):
        source = LANG_NAMES.get(found.group("lang"), found.group("lang"))
        out(
            "structure.untranslated",
            version,
            found.start(),
            found.end(),
            f"Not translated: this is still the {source} text ({quote(found.group('body'), EXCERPT)}); translate it and remove the [[untranslated]] markers.",
        )
    for found in _LOST.finditer(version.text):
        out(
            "structure.lost-part",
            version,
            found.start(),
            found.end(),
            f"The translation lost {quote(found.group('body'))}: put it back where it belongs in the sentence and remove the marker.",
        )


def _blocks(post: Post, out: Emitter) -> None:
    """Rows of the alignment a version has no block in: missing there, or extra where only one version has it."""
    aligned = rows(post)
    by_lang = {version.lang: version for version in post.versions}
    for position, row in enumerate(aligned):
        having = [by_lang[lang] for lang, blocks in row.blocks.items() if blocks]
        lacking = [by_lang[lang] for lang, blocks in row.blocks.items() if not blocks and by_lang[lang].text.strip()]
        if not lacking or not having or all(having[0].blocks[index].kind == "image" for index in row.blocks[having[0].lang]):
            continue  # images are compared by file name
        if len(having) == 1 and len(lacking) > 1:
            _extra(having[0], row.blocks[having[0].lang], lacking, out)
            continue
        for version in lacking:
            _missing(version, having[0], row.blocks[having[0].lang][0], _where(version, aligned[position + 1 :]), out)


def _where(version: Version, following: list[AlignedRow]) -> int:
    """The offset in ``version`` where the content of a row belongs: the start of its next block there."""
    index = next((row.blocks[version.lang][0] for row in following if row.blocks.get(version.lang)), None)
    return version.blocks[index].start if index is not None else len(version.text.rstrip())


def _missing(lacking: Version, having: Version, index: int, offset: int, out: Emitter) -> None:
    block = having.blocks[index]
    line = having.position(block.start)[0]
    kind = KIND_NAMES.get(block.kind, block.kind)
    out(
        "structure.missing-block",
        lacking,
        offset,
        offset,
        f"A {kind} of the {LANG_NAMES[having.lang]} version is missing here ({having.lang} line {line}: "
        f"{quote(block.prose(having.text), EXCERPT)}); translate it, or remove it there.",
    )


def _extra(having: Version, indices: tuple[int, ...], lacking: list[Version], out: Emitter) -> None:
    for index in indices:
        block = having.blocks[index]
        kind = KIND_NAMES.get(block.kind, block.kind)
        others = " or ".join(f"the {version.lang}" for version in lacking)
        out(
            "structure.missing-block",
            having,
            block.start,
            block.end,
            f"This {kind} is not in {others} version: translate it there, or remove it here.",
        )


def _images(post: Post, versions: list[Version], out: Emitter) -> None:
    names = {version.lang: Counter(PurePosixPath(src).name for block in version.blocks for src, _, _ in block.images) for version in versions}
    union: Counter[str] = Counter()
    for counter in names.values():
        union |= counter
    aligned = rows(post)
    for version in versions:
        missing = union - names[version.lang]
        for name in sorted(missing):
            other, block_index, start = next(
                (other, index, start) for other in versions for index, block in enumerate(other.blocks) for src, start, _ in block.images if PurePosixPath(src).name == name
            )
            position = next(number for number, row in enumerate(aligned) if block_index in row.blocks.get(other.lang, ()))
            mine = aligned[position].blocks.get(version.lang)  # the block the image is in here, or where it belongs
            offset = version.blocks[mine[0]].start if mine else _where(version, aligned[position + 1 :])
            out("structure.missing-image", version, offset, offset, f"Image {name!r} ({other.lang} line {other.position(start)[0]}) is missing in this version.")
