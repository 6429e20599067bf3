"""``translit detect``: the language and script of every part of a post."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import config_for
from ..textio import printable, read_text, shown_path, write_json, write_output

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


def register(app: typer.Typer) -> None:
    """Add ``detect`` to ``app``."""
    import typer

    @app.command()
    def detect(
        file: str = typer.Argument("-", help="Text to read; - (the default) reads standard input."),
        as_json: bool = typer.Option(False, "--json", help="JSON: every span with offsets, language, script, scheme."),
        encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding: utf-8, cp1251, kz-1048, ..."),
        level: int = typer.Option(
            2, "--level", min=0, max=2, help="Deepest level shown: 0 blocks, 1 sentences, 2 quotes and foreign-script runs."
        ),
    ) -> None:
        """Say which language and script each block, sentence and quoted span is in.

        LANG is an ISO 639-1 code (kk ru en ky uk tt uz tr, und when there are no
        letters); kk-Latn / ru-Latn mark Kazakh or Russian typed in Latin letters,
        with the most likely scheme. [detect] languages in translit.toml (default
        kk ru en) are the site's: another language only for text of five words or more.
        """
        run_detect(file, as_json, encoding, level)


def run_detect(file: str, as_json: bool, encoding: str, level: int) -> None:
    """The body of ``translit detect``, free of typer so that the fast path (:mod:`.fast`) runs it too."""
    config = config_for(file)
    text = read_text(file, encoding, config.max_bytes)
    rows = _rows(text, level, config.detect_languages)
    if as_json:
        write_json({"source": "<stdin>" if file == "-" else shown_path(file), "segments": rows})
    else:
        write_output(None, _table(rows))
