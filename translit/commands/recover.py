"""``translit recover`` and ``translit rerender``: Latin-typed Kazakh back to Cyrillic, and in one scheme."""

from __future__ import annotations

from typing import Any

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK
from ..config import max_bytes_for
from ..textio import Lines, printable, read_text, to_json, write_json, write_output


def _candidates(items: Any) -> list[dict[str, Any]]:
    return [{"cyrillic": c.cyrillic, "score": round(c.score, 4), "source": c.source} for c in items]


def _recovery_dict(result: Any) -> dict[str, Any]:
    return {
        "style": result.style,
        "text": result.text,
        "corrected": result.corrected,
        "words": [
            {
                "latin": w.latin,
                "start": w.start,
                "end": w.end,
                "cyrillic": w.cyrillic,
                "confidence": round(w.confidence, 4),
                "known": w.known,
                "typo": w.typo,
                "reason": w.reason,
                "alternatives": _candidates(w.alternatives),
                "suggestions": _candidates(w.suggestions),
            }
            for w in result.words
        ],
    }


def _report(result: Any) -> str:
    lines = [result.text.rstrip("\n")]
    if result.typos:
        lines += ["", f"corrected: {result.corrected.rstrip()}", "", "flagged words (suggested, not applied):"]
        positions = Lines(result.source)
        for w in result.typos:
            line, column = positions.position(w.start)
            suggestions = ", ".join(
                f"{c.cyrillic} ({c.score:.2f}{', agrees with the phrase' if c.source == 'agreement' else ''})" for c in w.suggestions[:3]
            ) or "none"
            lines.append(printable(f"  {line}:{column}: {w.latin} -> {w.cyrillic}: {w.reason}; suggest {suggestions}"))
    unsure = [w for w in result.words if not w.typo and len(w.alternatives) > 1 and w.confidence < 0.8]
    if unsure:
        lines += ["", "uncertain words (alternatives):"]
        for w in unsure:
            alternatives = ", ".join(f"{c.cyrillic} ({c.score:.2f})" for c in w.alternatives[:3])
            lines.append(printable(f"  {w.latin}: {alternatives}"))
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    """Add ``recover`` and ``rerender`` to ``app``."""

    @app.command()
    def recover(
        file: str = typer.Argument("-", help="Latin-typed Kazakh to read; - (the default) reads standard input."),
        as_json: bool = typer.Option(False, "--json", help="JSON: every word with alternatives, confidence and suggestions."),
        style: str = typer.Option(
            "", "--style", help="Input style: kk-news, kk-latin-2021, kk-latin-2018, kk-latin-2017 (default: read off the letters)."
        ),
        encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding: utf-8, cp1251, kz-1048, ..."),
    ) -> None:
        """Recover the Kazakh Cyrillic of Latin-typed Kazakh (news ASCII, 2021/2018/2017 alphabets, mixed).

        Prints the Cyrillic as typed, then the corrected text and the flagged
        words with suggestions. Exit code 1 when a word was flagged as a likely
        typo, 0 otherwise.
        """
        from ..errors import UnknownSchemeError
        from ..recovery import STYLES
        from ..recovery import recover as run

        if style and style not in STYLES:
            raise UnknownSchemeError(f"unknown input style {style!r}; choose one of {', '.join(STYLES)}")
        text = read_text(file, encoding, max_bytes_for(file))
        result = run(text, style=style or None)
        if as_json:
            write_json(_recovery_dict(result))
        else:
            write_output(None, _report(result))
        raise typer.Exit(EXIT_FINDINGS if result.typos else EXIT_OK)

    @app.command()
    def rerender(
        file: str = typer.Argument("-", help="Text to read (a whole post); - (the default) reads standard input."),
        scheme: str = typer.Option("kk-news", "--scheme", "-s", help="Scheme to write Latin-Kazakh spans in (kk-news, kk-latin-2021, ...)."),
        output: str = typer.Option("-", "--output", "-o", help="Where to write; - (the default) is standard output."),
        correct: bool = typer.Option(False, "--correct", help="Also apply the top suggestion of flagged words."),
        as_json: bool = typer.Option(False, "--json", help="JSON: the spans found, as typed and as written again, with flagged words."),
        force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
        encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding: utf-8, cp1251, kz-1048, ..."),
    ) -> None:
        """Write every Latin-Kazakh span of a text again in one scheme, so a title is spelled one way everywhere.

        Spans are found by language detection (quoted titles, sentences,
        blocks). Words flagged as likely typos are left as typed unless
        --correct is given.
        """
        from ..recovery import rerender_report

        text = read_text(file, encoding, max_bytes_for(file))
        result = rerender_report(text, scheme, correct=correct)
        if as_json:
            payload = {
                "scheme": result.scheme,
                "text": result.text,
                "spans": [
                    {
                        "start": span.start,
                        "end": span.end,
                        "source": span.source,
                        "rendered": span.rendered,
                        "cyrillic": span.recovery.text,
                        "corrected": span.recovery.corrected,
                        "typos": [
                            {"latin": w.latin, "reason": w.reason, "suggestions": _candidates(w.suggestions[:3])}
                            for w in span.recovery.typos
                        ],
                    }
                    for span in result.spans
                ],
            }
            write_output(output, to_json(payload), force=force, inputs=(file,))
        else:
            write_output(output, result.text, force=force, inputs=(file,))
