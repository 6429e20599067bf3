"""``translit recover`` and ``translit rerender``: Latin-typed Kazakh back to Cyrillic, and in one scheme."""

from __future__ import annotations

import sys
from typing import Any, Optional

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK, TranslitError
from ..config import max_bytes_for
from ..lines import Lines
from ..textio import byte_order_mark, printable, read_text, to_json, unified_diff, write_json, write_output


_TYPO_RULE = "A Latin-typed Kazakh word that maps to no Kazakh word: likely a typo, with suggestions."


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


def _suggestions(word: Any) -> str:
    return ", ".join(
        f"{c.cyrillic} ({c.score:.2f}{', agrees with the phrase' if c.source == 'agreement' else ''})" for c in word.suggestions[:3]
    ) or "none"


def _flagged(result: Any, path: str) -> list[Any]:
    """The words flagged as likely typos, as findings for the shared output formats."""
    from ..checks.base import Finding
    lines = Lines(result.source)
    findings = []
    for w in result.typos:
        line, column = lines.position(w.start)
        end_line, end_column = lines.position(w.end)
        findings.append(
            Finding(
                id="recover.typo",
                severity="warning",
                version="kk",
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                text=w.latin,
                message=f"“{w.latin}” ({w.cyrillic}): {w.reason}; suggest {_suggestions(w)}.",
                start=w.start,
                end=w.end,
                path=path,
            )
        )
    return findings


def _report(result: Any) -> str:
    lines = [result.text.rstrip("\n")]
    if result.typos:
        lines += ["", f"corrected: {result.corrected.rstrip()}", "", "flagged words (suggested, not applied):"]
        for w, finding in zip(result.typos, _flagged(result, "")):
            lines.append(printable(f"  {finding.line}:{finding.column}: {w.latin} -> {w.cyrillic}: {w.reason}; suggest {_suggestions(w)}"))
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
        as_json: bool = typer.Option(False, "--json", help="Same as --output-format json."),
        output_format: Optional[str] = typer.Option(
            None, "--output-format",
            help="full (the Cyrillic, then the flagged words; the default), json (every word with alternatives, confidence and "
            "suggestions), or the flagged words alone as concise, json-lines, github, gitlab, sarif or junit.",
        ),
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
        from ..report import check_format, render

        fmt = check_format("json" if as_json and output_format is None else output_format or "full")
        if style and style not in STYLES:
            raise UnknownSchemeError(f"unknown input style {style!r}; choose one of {', '.join(STYLES)}")
        text = read_text(file, encoding, max_bytes_for(file))
        result = run(text, style=style or None)
        if fmt == "json":
            write_json(_recovery_dict(result))
        elif fmt == "full":
            write_output(None, _report(result))
        else:
            path = "<stdin>" if file == "-" else file
            write_output(None, render(_flagged(result, path), fmt, rules={"recover.typo": _TYPO_RULE}, files=[path]))
        raise typer.Exit(EXIT_FINDINGS if result.typos else EXIT_OK)

    @app.command()
    def rerender(
        file: str = typer.Argument("-", help="Text to read (a whole post); - (the default) reads standard input."),
        scheme: str = typer.Option("kk-news", "--scheme", "-s", help="Scheme to write Latin-Kazakh spans in (kk-news, kk-latin-2021, ...)."),
        output: str = typer.Option("-", "--output", "-o", help="Where to write; - (the default) is standard output."),
        correct: bool = typer.Option(False, "--correct", help="Also apply the top suggestion of flagged words."),
        as_json: bool = typer.Option(False, "--json", help="JSON: the spans found, as typed and as written again, with flagged words."),
        force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
        diff: bool = typer.Option(False, "--diff", help="Print the changes as a unified diff instead of the text; exit 1 when the text would change."),
        check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 when the text would change (a hook's test that every span is in --scheme)."),
        encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding: utf-8, cp1251, kz-1048, ..."),
    ) -> None:
        """Write every Latin-Kazakh span of a text again in one scheme, so a title is spelled one way everywhere.

        Spans are found by language detection (quoted titles, sentences,
        blocks). Words flagged as likely typos are left as typed unless
        --correct is given.
        """
        from ..translation.rerendering import rerender_report

        if (diff or check) and (as_json or output != "-" or force):
            raise TranslitError("--diff and --check write no file: they take no --json, --output or --force")
        text = read_text(file, encoding, max_bytes_for(file))
        result = rerender_report(text, scheme, correct=correct)
        name = "<stdin>" if file == "-" else file
        if check or diff:
            rewritten = sum(span.rendered != text[span.start : span.end] for span in result.spans)
            if diff:
                mark = byte_order_mark(file)
                write_output(None, unified_diff(mark + text, mark + result.text, name))
            elif rewritten:
                sys.stderr.write(f"translit: would write {rewritten} span{'s' * (rewritten != 1)} of {printable(name)} again in {scheme}\n")
            raise typer.Exit(EXIT_FINDINGS if result.text != text else EXIT_OK)
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
            if result.typos and not correct:
                # the rewrite succeeded (exit 0), but a word left as typed is worth an editor's look
                # written as post's summary writes them
                named = ", ".join(f"{w.latin} → {w.suggestions[0].cyrillic}?" if w.suggestions else w.latin for w in result.typos[:5])
                sys.stderr.write(f"translit: note: {len(result.typos)} likely typo{'s' * (len(result.typos) > 1)} left as typed: "
                                 f"{printable(named)}{', …' if len(result.typos) > 5 else ''}; --correct writes the suggestions\n")
