"""``translit romanize`` and ``translit schemes``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from ..config import max_bytes_for
from ..lines import Lines
from ..textio import read_text, to_json, write_output
from .options import ENCODING, Opt, add_command

if TYPE_CHECKING:
    import typer


def romanize_document(text: str, scheme: str, *, reverse: bool = False, options: Sequence[str] = ()) -> dict[str, Any]:
    """``{"scheme", "text", "ambiguous"}``: ``text`` transliterated (``romanize --json`` and ``translit serve``).

    ``scheme`` "auto" romanizes with kk-news or ru-news by paragraph; ``reverse``
    turns Latin back into Cyrillic (an explicit reversible scheme only) and lists
    the letters that could be read two ways, with the one written first.
    """
    from ..transliteration.engine import Ambiguity, cyrillize_report, load_scheme, romanize_auto
    from ..errors import TranslitError

    ambiguities: list[Ambiguity] = []
    if reverse:
        if scheme == "auto":
            raise TranslitError("reverse needs an explicit scheme")
        result, ambiguities = cyrillize_report(text, scheme, options=list(options))
    elif scheme == "auto":
        result = romanize_auto(text, options=list(options))
    else:
        result = load_scheme(scheme, list(options)).romanize(text)
    notes: list[dict[str, Any]] = []
    lines = Lines(text)
    for item in ambiguities:
        line, column = lines.position(item.start)
        notes.append({"line": line, "column": column, "latin": item.latin, "chosen": item.chosen, "alternatives": list(item.alternatives)})
    return {"scheme": scheme, "text": result, "ambiguous": notes}


OPTIONS = (
    Opt("file", str, "-", "Text to read; - (the default) reads standard input."),
    Opt("scheme", str, "auto", "Scheme id (see `translit schemes`), optionally with options: ru-bgn-pcgn+ascii. "
        "auto: kk-news for paragraphs with Kazakh letters, ru-news for the rest.", ("--scheme", "-s")),
    Opt("reverse", bool, False, "Latin to Cyrillic (reversible schemes only).", ("--reverse", "-r")),
    Opt("rules", Optional[Path], None, "Your own rule file; it may inherit a built-in scheme.", ("--rules",)),
    Opt("option", list[str], [], "A named variant of the scheme, e.g. ascii. Repeatable.", ("--option",)),
    Opt("output", Optional[str], None, "Write here instead of standard output.", ("--output", "-o")),
    Opt("force", bool, False, "Replace OUTPUT if it exists.", ("--force",)),
    ENCODING,
    Opt("as_json", bool, False, "JSON with the text and, with --reverse, the ambiguous letters.", ("--json",)),
)
"""The parameters of ``translit romanize``, read by typer and by the fast path."""


def register(app: typer.Typer) -> None:
    """Add ``romanize`` and ``schemes`` to ``app``."""
    import typer

    add_command(app, "romanize", OPTIONS, run_romanize,
                "Transliterate Cyrillic to Latin (or back with --reverse). Only Cyrillic changes.")

    @app.command()
    def schemes(as_json: bool = typer.Option(False, "--json", help="Machine-readable list.")) -> None:
        """List the transliteration schemes: id, language, standard, reversibility."""
        from dataclasses import asdict

        from ..transliteration.scheme import schemes as all_schemes

        infos = all_schemes()
        if as_json:
            records = [{k: v for k, v in asdict(info).items() if k not in ("notes", "path")} for info in infos]
            sys.stdout.write(to_json(records))
            return
        headers = ("id", "lang", "reversible", "options", "standard")
        rows: list[tuple[str, ...]] = [
            (i.id, i.language, i.reversible, ",".join(i.options) or "-", i.standard) for i in infos
        ]
        widths = [max(len(row[col]) for row in [headers, *rows]) for col in range(len(headers) - 1)]
        for row in [headers, *rows]:
            cells = [str(cell).ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
            sys.stdout.write("  ".join(cells).rstrip() + "\n")


def run_romanize(
    file: str, scheme: str, reverse: bool, rules: Optional[Path], option: list[str], output: Optional[str],
    force: bool, encoding: str, as_json: bool,
) -> None:
    """The body of ``translit romanize``, free of typer so that the fast path (:mod:`.fast`) runs it too."""
    text = read_text(file, encoding, max_bytes_for(file))
    chosen = str(rules) if rules is not None else scheme
    if reverse and chosen == "auto":
        import typer  # only typer reads this command line (see fast.run)

        raise typer.BadParameter("--reverse needs an explicit --scheme", param_hint="--scheme")
    document = romanize_document(text, chosen, reverse=reverse, options=option)
    ambiguities = document["ambiguous"]
    result = to_json(document) if as_json else document["text"]
    write_output(output, result, force=force, inputs=(file,))
    if ambiguities and not as_json:
        letters = sorted({f"{a['latin']} → {'/'.join(a['alternatives'])}" for a in ambiguities})
        sys.stderr.write(
            f"translit: note: {len(ambiguities)} letters were ambiguous ({', '.join(letters)}); "
            "the first of each was written. --json lists them.\n"
        )
