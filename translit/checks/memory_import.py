"""Published versions into sentence pairs: block alignment, sentence alignment, slots.

A post's versions are lined up block by block with :func:`translit.align_blocks`
(anchors that survive translation, and length, after Gale and Church), and the
sentences of each aligned block the same way: every sentence becomes a block
of its own and the same aligner pairs them. Sentences are those
:func:`translit.language.segment.split_sentences` gives on the text the post pipeline
shields, so a sentence is imported exactly as ``translit post`` later looks
it up. A row the aligner is not sure of (``confidence`` below
:data:`MIN_CONFIDENCE`), or that is not one sentence per language (a merge, a
split, a sentence only one version has), is kept out and counted.

The importer aligns posts with the checks' aligner and the memory check
(:mod:`translit.checks.memory`) aligns sentences with it, so it belongs with
the checks, above the memory itself: :mod:`translit.tm` does not import it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .align import align_blocks
from .blocks import _SKIPPED
from ..reading.document import parse
from ..translation.protect import PLACEHOLDER_RE, Protector
from ..tm.slots import Abstracted, abstract, make_protector, pair_segments, same_values
from ..tm.store import Segment

__all__ = ["AlignedSentence", "ImportReport", "MIN_CONFIDENCE", "aligned_sentences", "import_paths", "origin_of", "post_segments"]

MIN_CONFIDENCE = 0.5
"""A row of the alignment less sure than this is kept out of the memory (the aligner's own confidence)."""


@dataclass(frozen=True)
class AlignedSentence:
    """One sentence of one version: its abstraction and the block it is in (a :func:`split_blocks` index)."""

    sentence: Abstracted
    block: int


@dataclass
class ImportReport:
    """What an import did: counts, and the files it could not use (with why)."""

    posts: int = 0
    tmx_files: int = 0
    rows: int = 0
    segments: int = 0
    unsure: int = 0
    skipped: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"posts": self.posts, "tmx_files": self.tmx_files, "aligned_sentences": self.rows,
                "segments": self.segments, "unsure_kept_out": self.unsure, "skipped": self.skipped}


def _block_sentences(text: str, fmt: str, lang: str, protector: Protector) -> list[list[Abstracted]]:
    """The sentences with prose of every block :func:`split_blocks` gives (same indices; code and images: none)."""
    from ..translation.versions import MAX_SENTENCE_CHARS, _build_unit, _sentences, _walk

    doc = parse(text, fmt)
    out: list[list[Abstracted]] = []
    for item in doc.blocks:
        if item.kind in _SKIPPED or not (item.body or item.kind == "code"):
            continue
        if not item.translatable or item.kind in ("code", "image"):
            out.append([])
            continue
        sentences = []
        # A link's words are a unit of their own, looked up on their own by translit post: they follow
        # the block's sentences, in the order of the links (which translations keep).
        for unit in _walk(_build_unit(item.body, doc.fmt, lang, protector)):
            assert unit.mt is not None
            sentences += [abstract(s, unit.mt.parts) for s in _sentences(unit.mt.text, MAX_SENTENCE_CHARS)]
        out.append([s for s in sentences if any(ch.isalpha() for ch in PLACEHOLDER_RE.sub("", s.shielded))])
    return out


def aligned_sentences(
    versions: Mapping[str, tuple[str, str]], protector: Protector, min_confidence: float = MIN_CONFIDENCE
) -> tuple[list[dict[str, AlignedSentence]], int]:
    """Rows of sentences that translate each other (two or more languages each), and how many were kept out.

    ``versions`` maps a language to (text, format).
    """
    blocks = {lang: _block_sentences(text, fmt, lang, protector) for lang, (text, fmt) in versions.items()}
    block_rows = align_blocks({lang: text for lang, (text, _) in versions.items()},
                              formats={lang: fmt for lang, (_, fmt) in versions.items()})
    rows: list[dict[str, AlignedSentence]] = []
    unsure = 0
    for row in block_rows:
        having = {lang: indices for lang, indices in row.blocks.items() if indices}
        if len(having) < 2:
            continue  # a block only one version has: nothing to pair
        if row.confidence < min_confidence or any(len(indices) != 1 for indices in having.values()):
            unsure += max(sum(len(blocks[lang][i]) for i in indices) for lang, indices in having.items())
            continue
        cells = {lang: (blocks[lang][indices[0]], indices[0]) for lang, indices in having.items() if blocks[lang][indices[0]]}
        if len(cells) >= 2:
            found, missed = _sentence_rows(cells, min_confidence)
            rows.extend(found)
            unsure += missed
    return rows, unsure


def _sentence_rows(
    block: Mapping[str, tuple[list[Abstracted], int]], min_confidence: float
) -> tuple[list[dict[str, AlignedSentence]], int]:
    """The sentences of one aligned block, paired by the same aligner (one sentence = one block)."""
    if all(len(sentences) == 1 for sentences, _ in block.values()):
        cells = {lang: AlignedSentence(sentences[0], index) for lang, (sentences, index) in block.items()}
        return ([cells], 0) if _agree(cells) else ([], 1)
    texts = {lang: "\n\n".join(s.text for s in sentences) for lang, (sentences, _) in block.items()}
    rows = align_blocks(texts, formats={lang: "text" for lang in texts})
    if any(sum(len(row.blocks.get(lang, ())) for row in rows) != len(sentences) for lang, (sentences, _) in block.items()):
        # The text format read a sentence as two blocks (a list marker, a heading): not aligned here.
        return [], max(len(sentences) for sentences, _ in block.values())
    out: list[dict[str, AlignedSentence]] = []
    missed = 0
    for row in rows:
        langs = [lang for lang, indices in row.blocks.items() if indices]
        if len(langs) < 2:
            continue  # a sentence only one version has: nothing to pair
        if row.confidence < min_confidence or any(len(row.blocks[lang]) != 1 for lang in langs):
            missed += 1
            continue
        cells = {lang: AlignedSentence(block[lang][0][row.blocks[lang][0]], block[lang][1]) for lang in langs}
        if not _agree(cells):
            missed += 1
            continue
        out.append(cells)
    return out, missed


def _agree(cells: Mapping[str, AlignedSentence]) -> bool:
    """Whether sentences that look aligned hold the same dates, numbers, phones and links (a translation keeps them)."""
    first = next(iter(cells.values())).sentence
    return all(same_values(first, cell.sentence) for cell in cells.values())


def post_segments(
    files: Mapping[str, Path], protector: Protector, origin: str, encoding: str = "utf-8"
) -> tuple[list[Segment], int, int]:
    """The segments of one post's published versions, the rows aligned and the sentences kept out."""
    from ..reading.document import format_for_path
    from ..textio import read_text

    versions = {}
    for lang, path in files.items():
        text = read_text(path, encoding)
        versions[lang] = (text, format_for_path(path, text))
    rows, unsure = aligned_sentences(versions, protector)
    segments: list[Segment] = []
    for number, row in enumerate(rows, 1):
        segments.extend(pair_segments({lang: cell.sentence for lang, cell in row.items()}, origin, f"{origin}#{number}"))
    return segments, len(rows), unsure


def origin_of(path: Path, name: str | None = None) -> str:
    """How a post or TMX file is named in the memory: its absolute path (a post: folder/NAME)."""
    resolved = path.resolve()
    return str(resolved.parent / name) if name is not None else str(resolved)


def import_paths(store: Any, paths: Sequence[str | Path], config: Any, *, encoding: str = "utf-8") -> ImportReport:
    """Import posts (files or folders, grouped as ``translit check`` groups them) and TMX files in one transaction."""
    from .check import group_files
    from ..errors import InputError
    from ..tm.tmx import read_tmx, tmx_segments

    protector = make_protector(config)
    report = ImportReport()
    tmx = [Path(p) for p in paths if str(p).lower().endswith(".tmx")]
    posts = [p for p in paths if not str(p).lower().endswith(".tmx")]
    for folder in [Path(p) for p in posts if Path(p).is_dir()]:
        tmx.extend(sorted(folder.rglob("*.tmx")))
    origins: list[str] = []
    segments: list[Segment] = []
    for group in group_files(posts, encoding=encoding) if posts else []:
        if group.error is not None:
            if any(Path(group.name) in (t.parent, *t.parents) for t in tmx):
                continue  # a folder of TMX files only
            raise group.error
        if len(group.files) < 2:
            report.skipped.append(f"{next(iter(group.files.values()))}: only one language version")
            continue
        origin = origin_of(next(iter(group.files.values())), group.name)
        found, rows, unsure = post_segments(group.files, protector, origin, encoding)
        origins.append(origin)
        segments.extend(found)
        report.posts += 1
        report.rows += rows
        report.unsure += unsure
    for path in tmx:
        if not path.is_file():
            raise InputError("no such file", path=path)
        origin = origin_of(path)
        found, rows = tmx_segments(read_tmx(path), protector, origin)
        origins.append(origin)
        segments.extend(found)
        report.tmx_files += 1
        report.rows += rows
    report.segments = store.replace(origins, segments)
    return report
