"""``translit detect``: the language and script of every part of a post."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import config_for
from ..textio import printable, read_text, shown_path, write_json, write_output
from .options import ENCODING, Opt, add_command

if TYPE_CHECKING:
    import typer

_TEXT_WIDTH = 60


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _TEXT_WIDTH else flat[: _TEXT_WIDTH - 1] + "…"


def _rows(text: str, level: int, languages: tuple[str, ...] | None) -> list[dict[str, Any]]:
    from ..language.segment import segments
    from ..lines import Lines

    rows = []
    lines = Lines(text)
    for index, seg in enumerate(segments(text, languages)):
        if seg.level > level:
            continue
        line, column = lines.position(seg.start)
        rows.append(
            {
                "index": index,
                "kind": seg.kind,
                "level": seg.level,
                "parent": seg.parent,
                "start": seg.start,
                "end": seg.end,
                "line": line,
                "column": column,
                "text": seg.text,
                **seg.detection.as_dict(),
            }
        )
    return rows


def _table(rows: list[dict[str, Any]]) -> str:
    header = f"{'LINE:COL':<9} {'SPAN':<14} {'LANG':<8} {'SCRIPT':<6} {'CONF':>5}  {'SCHEME':<14} TEXT"
    lines = [header]
    spans = {row["index"]: (row["start"], row["end"]) for row in rows}
    for row in rows:
        if row["kind"] == "sentence" and spans.get(row["parent"]) == (row["start"], row["end"]):
            continue  # a one-sentence block: the block's row says it all
        lang = row["lang"] + ("-Latn" if row["romanized"] else "")
        kind = "  " * row["level"] + row["kind"]
        where = f"{row['line']}:{row['column']}"
        lines.append(
            f"{where:<9} {kind:<14} {lang:<8} {row['script']:<6} "
            f"{row['confidence']:>5.2f}  {row['scheme'] or '':<14} {_shorten(row['text'])}"
        )
    return "\n".join(printable(line) for line in lines) + "\n"


OPTIONS = (
    Opt("file", str, "-", "Text to read; - (the default) reads standard input."),
    Opt("as_json", bool, False, "JSON: every span with offsets, language, script, scheme.", ("--json",)),
    ENCODING,
    Opt("level", int, 2, "Deepest level shown: 0 blocks, 1 sentences, 2 quotes and foreign-script runs.", ("--level",),
        low=0, high=2),
)
"""The parameters of ``translit detect``, read by typer and by the fast path."""


def register(app: typer.Typer) -> None:
    """Add ``detect`` to ``app``."""
    add_command(app, "detect", OPTIONS, run_detect, """Say which language and script each block, sentence and quoted span is in.

    LANG is an ISO 639-1 code (kk ru en ky uk tt uz tr, und when there are no
    letters); kk-Latn / ru-Latn mark Kazakh or Russian typed in Latin letters,
    with the most likely scheme. [detect] languages in translit.toml (default
    kk ru en) are the site's: another language only for text of five words or more.
    """)


def run_detect(file: str, as_json: bool, encoding: str, level: int) -> None:
    """The body of ``translit detect``, free of typer so that the fast path (:mod:`.fast`) runs it too."""
    config = config_for(file)
    text = read_text(file, encoding, config.max_bytes)
    rows = _rows(text, level, config.detect_languages)
    if as_json:
        write_json({"source": "<stdin>" if file == "-" else shown_path(file), "segments": rows})
    else:
        write_output(None, _table(rows))
