"""``translit glossary lint|show|search``: institution, place and people names for editors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK, GlossaryError, TranslitError
from ..config import max_bytes_for
from ..lines import Lines
from ..textio import byte_order_mark, printable, read_text, to_json, unified_diff, write_json, write_output

_GLOSSARY_HELP = "Extra glossary file or directory (repeatable); later ones override the built-ins."


def _load(paths: Optional[list[Path]]) -> Any:
    from ..names.glossary import Glossary

    return Glossary.load(paths or [])


def _warn_conflicts(glossary: Any) -> None:
    for conflict in glossary.conflicts:
        sys.stderr.write(f"translit: warning: {printable(conflict)}\n")


_LINT_RULES = {
    "glossary.discouraged": "A wrong or discouraged form of a name; the glossary gives the official one.",
    "glossary.outdated": "A former name: a suggestion, never an automatic fix.",
    "glossary.ambiguous": "A short form that names more than one entity.",
}
_LINT_SEVERITY = {"discouraged": "error", "outdated": "warning", "ambiguous": "warning"}


def _as_finding(record: dict[str, Any]) -> Any:
    """One ``glossary lint`` record as a check finding, for the shared output formats."""
    from ..checks.base import Finding

    status = record["status"]
    official = record["official"]
    why = f" ({record['reason']})" if record["reason"] else ""
    if official:
        message = f"“{record['text']}” is {status} for {record['entity']}; write “{official}”{why}."
    else:
        message = f"“{record['text']}” may name {' or '.join(record['candidates'])}{why}."
    return Finding(
        id=f"glossary.{status}",
        severity=_LINT_SEVERITY.get(status, "warning"),
        version=record["lang"],
        line=record["line"],
        column=record["column"],
        end_line=record["end_line"],
        end_column=record["end_column"],
        text=record["text"],
        message=message,
        fix=official,
        fixable=status == "discouraged" and official is not None,  # what glossary lint --fix replaces
        start=record["start"],
        end=record["end"],
        path=record["file"],
    )


def register(app: typer.Typer) -> None:
    """Add the ``glossary`` command group to ``app``."""
    group = typer.Typer(
        name="glossary",
        help="Institution, place and people names: find every form, enforce the official one.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )

    @group.command("lint")
    def lint(
        file: str = typer.Argument(..., help="Text file to check ('-' for standard input)."),
        lang: Optional[str] = typer.Option(None, "--lang", "-l", help="kk, ru or en: only that language's forms."),
        glossary: Optional[list[Path]] = typer.Option(None, "--glossary", "-g", help=_GLOSSARY_HELP),
        fix: bool = typer.Option(False, "--fix", help="Write the text with discouraged forms replaced by official ones (accepted variants stay)."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Where --fix writes (default: standard output)."),
        force: bool = typer.Option(False, "--force", help="Replace an existing --output file."),
        diff: bool = typer.Option(
            False, "--diff", help="Print what --fix would change as a unified diff, with the findings on standard error; exit 1 when the text would change."
        ),
        as_json: bool = typer.Option(False, "--json", help="Same as --output-format json."),
        output_format: Optional[str] = typer.Option(
            None, "--output-format", help="full (FILE:LINE:COL lines; the default), concise, json, json-lines, github, gitlab, sarif or junit."
        ),
        encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding (utf-8, cp1251, kz-1048)."),
    ) -> None:
        """List every discouraged, outdated or ambiguous name with FILE:LINE:COL, the official form and why; exit 1 if any."""
        from ..report import check_format, render

        fmt = check_format("json" if as_json and output_format is None else output_format or "full")
        if lang is not None and lang not in ("kk", "ru", "en"):
            raise GlossaryError(f"unknown language {lang!r}; use kk, ru or en")
        if diff and (output is not None or force):
            raise TranslitError("--diff prints a unified diff: it takes no --output or --force")
        text = read_text(file, encoding, max_bytes_for(file))
        loaded = _load(glossary)
        _warn_conflicts(loaded)
        findings = loaded.lint(text, lang)
        name = "<stdin>" if file == "-" else file
        records = []
        lines = Lines(text)
        for mention in findings:
            line, column = lines.position(mention.start)
            end_line, end_column = lines.position(mention.end)
            records.append(
                {
                    "file": name,
                    "line": line,
                    "column": column,
                    "end_line": end_line,
                    "end_column": end_column,
                    "start": mention.start,
                    "end": mention.end,
                    "text": mention.text,
                    "entity": mention.entity,
                    "candidates": list(mention.candidates),
                    "lang": mention.lang,
                    "status": mention.status,
                    "case": mention.case,
                    "official": loaded.replacement(mention),
                    "reason": mention.reason,
                }
            )
        fixed = text
        if fix or diff:
            fixed, _ = loaded.fix(text, lang)
            if diff:
                mark = byte_order_mark(file)
                sys.stdout.write(unified_diff(mark + text, mark + fixed, name))
            else:
                write_output(output, fixed, force=force, inputs=(file,))
            report = sys.stderr
        else:
            report = sys.stdout
        if fmt == "json":
            write_json(records, report)
        elif fmt == "full":
            for r in records:
                target = r["official"] or " or ".join(r["candidates"])
                who = r["entity"] or "ambiguous: " + ", ".join(r["candidates"])
                why = f" ({r['reason']})" if r["reason"] else ""
                report.write(printable(f"{r['file']}:{r['line']}:{r['column']}: {r['status']}: {r['text']!r} -> {target!r}{why} [{who}]") + "\n")
        else:
            report.write(render([_as_finding(r) for r in records], fmt, rules=_LINT_RULES, files=[name]))
        raise typer.Exit(EXIT_FINDINGS if (fixed != text if diff else records) else EXIT_OK)

    @group.command("show")
    def show(
        entity_id: str = typer.Argument(..., help="Entity id, e.g. lib.nlrk."),
        glossary: Optional[list[Path]] = typer.Option(None, "--glossary", "-g", help=_GLOSSARY_HELP),
        as_json: bool = typer.Option(False, "--json", help="The entry as JSON."),
    ) -> None:
        """Everything the glossary knows about one entity, with the file and line it comes from."""
        loaded = _load(glossary)
        entity = loaded.entity(entity_id)
        if as_json:
            data = {
                "id": entity.id,
                "type": entity.type,
                "official": dict(entity.names),
                "variants": [
                    {"lang": v.lang, "form": v.form, "status": v.status, "reason": v.reason, "until": v.until}
                    for v in entity.variants
                ],
                "successor": entity.successor,
                "parent": entity.parent,
                "notes": entity.notes,
                "sources": list(entity.sources),
                "confidence": entity.confidence,
                "origin": str(entity.origin),
            }
            sys.stdout.write(to_json(data))
            return
        out = [f"{entity.id} ({entity.type})  {entity.origin}"]
        for lang in ("kk", "ru", "en"):
            if lang in entity.names:
                out.append(f"  {lang}: {entity.names[lang]}")
        for variant in entity.variants:
            if variant.status == "official":
                continue
            extra = ", ".join(x for x in (variant.reason, f"until {variant.until}" if variant.until else "") if x)
            out.append(f"  {variant.lang} {variant.status}: {variant.form}" + (f"  ({extra})" if extra else ""))
        for label, value in (("successor", entity.successor), ("parent", entity.parent), ("until", entity.until)):
            if value:
                out.append(f"  {label}: {value}")
        if entity.notes:
            out.append(f"  notes: {entity.notes}")
        if entity.confidence:
            out.append(f"  confidence: {entity.confidence}")
        for source in entity.sources:
            out.append(f"  source: {source}")
        sys.stdout.write("\n".join(printable(line) for line in out) + "\n")

    @group.command("search")
    def search(
        word: str = typer.Argument(..., help="A word or part of a name, in any of the three languages."),
        glossary: Optional[list[Path]] = typer.Option(None, "--glossary", "-g", help=_GLOSSARY_HELP),
        as_json: bool = typer.Option(False, "--json", help="Matches as JSON."),
    ) -> None:
        """Entities whose id or any form contains WORD; exit 1 when none does."""
        loaded = _load(glossary)
        hits = loaded.search(word)
        if as_json:
            payload = [{"id": e.id, "type": e.type, "official": dict(e.names)} for e in hits]
            sys.stdout.write(to_json(payload))
        else:
            for entity in hits:
                sys.stdout.write(printable(f"{entity.id}\t{entity.names.get('en') or next(iter(entity.names.values()))}") + "\n")
        raise typer.Exit(EXIT_OK if hits else EXIT_FINDINGS)

    app.add_typer(group)
