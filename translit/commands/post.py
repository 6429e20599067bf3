"""``translit post``: the English, Kazakh and Russian versions of a draft (or of a folder of drafts)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer

POST_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")
_LANG_TAGS = ("en", "kk", "ru")


def output_paths(draft: Path, outdir: Path | None, targets: list[str]) -> tuple[dict[str, Path], Path]:
    """``NAME.<lang><ext>`` for each target and ``NAME.report.json``; NAME drops a trailing ``.en``/``.kk``/``.ru``."""
    stem = draft.stem
    for tag in _LANG_TAGS:
        if stem.endswith("." + tag):
            stem = stem[: -len(tag) - 1]
            break
    folder = outdir if outdir is not None else draft.parent
    ext = draft.suffix or ".txt"
    return {lang: folder / f"{stem}.{lang}{ext}" for lang in targets}, folder / f"{stem}.report.json"


def _drafts_in(folder: Path) -> list[Path]:
    """Posts in a folder, leaving out the versions and reports an earlier run wrote there."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in POST_SUFFIXES)
    reports = {p.name[: -len(".report.json")] for p in folder.glob("*.report.json")}
    drafts = []
    for path in files:
        parts = path.name.rsplit(".", 2)
        if len(parts) == 3 and parts[1] in _LANG_TAGS and parts[0] in reports:
            continue
        drafts.append(path)
    return drafts


def _draft_text(path: Path | str, encoding: str, max_bytes: int) -> str:
    """The draft's text; an empty one is bad input (its versions would be published empty)."""
    from ..errors import InputError
    from ..textio import read_text

    text = read_text(path, encoding, max_bytes)
    if not text.strip():
        raise InputError("the draft is empty: there is nothing to make versions of", path="<stdin>" if str(path) == "-" else path)
    return text


def process_post(
    draft: str,
    source: str | None,
    targets: list[str],
    outdir: str | None,
    fmt: str,
    force: bool,
    encoding: str = "utf-8",
    html_report: bool = False,
) -> dict[str, Any]:
    """Make and write the versions of one draft; returns a summary with the report (run in worker processes too).

    With ``html_report`` the versions are checked and ``NAME.report.html`` (the
    review page as one file) is written with them.
    """
    from ..config import load_config
    from ..reading.document import format_for_path
    from ..errors import InputError
    from ..names.renaming import post_date
    from ..textio import read_text, to_json, write_files
    from ..translation.versions import make_versions

    path = Path(draft)
    config = load_config(path.parent)
    text = _draft_text(path, encoding, config.max_bytes)
    paths, report_path = output_paths(path, Path(outdir) if outdir else None, targets)
    html_path = report_path.with_suffix(".html") if html_report else None
    for target in [*paths.values(), report_path, *([html_path] if html_path else [])]:
        if target.exists() and target.resolve() == path.resolve():
            raise InputError("would overwrite a draft; pass -o OUTDIR", path=target)
        if target.exists() and not force:
            raise InputError("exists; pass --force to replace it", path=target)
    chosen = format_for_path(path, text) if fmt == "auto" else fmt
    versions = make_versions(
        text, source=source, targets=targets, fmt=chosen, config=config, date=post_date(text, path.name)
    )
    report = dict(versions.report)
    report["draft"] = str(path)
    report["config"] = str(config.path) if config.path is not None else None
    report["outputs"] = {lang: str(p) for lang, p in paths.items()}
    # The versions and the report appear together or not at all (a full disk, SIGTERM, a concurrent run).
    outputs = {target: versions.texts[lang] for lang, target in paths.items()}
    if html_path is not None:
        report["html_report"] = str(html_path)
        outputs[html_path] = _html_report(versions.texts, {lang: str(p) for lang, p in paths.items()}, report_path.name[: -len(".report.json")], config)
    outputs[report_path] = to_json(report)
    write_files(outputs, force=force, inputs=(path,))
    return {"draft": str(path), "report_path": str(report_path), "report": report, "exit": versions.exit_code, "lost": versions.lost}


def _html_report(texts: dict[str, str], files: dict[str, str], name: str, config: Any) -> str:
    """The versions checked, as the self-contained review page (``check --output-format html``)."""
    from ..checks.check import CHECKS, check_versions
    from ..report import render

    findings = check_versions(texts, config=config, paths=files)
    rules = {check_id: spec.summary for check_id, spec in CHECKS.items()}
    return render(findings, "html", rules=rules, posts=[{"name": name, "files": files, "texts": texts}])


_SUMMARY_KEYS = ("source", "format", "config", "outputs", "routes", "no_route", "untranslated_blocks", "lost_parts",
                 "foreign_blocks", "untranslated_marker", "origins", "typos")


Task = tuple[str, Optional[str], list[str], Optional[str], str, bool, str, bool]


def _run(args: Task, full: bool = True) -> dict[str, Any]:
    """One post in a worker; without ``full`` only what the summary prints goes back to the parent."""
    from ..config import load_config
    from ..guard import failure, run_limited

    try:
        seconds = load_config(Path(args[0]).parent).post_seconds
    except Exception as exc:  # noqa: BLE001 - one bad post never stops the others
        return {"draft": args[0], **failure(exc, args[0])}
    result = run_limited(seconds, args[0], lambda: process_post(*args))
    if "error" in result:
        return {"draft": args[0], **result}
    if not full:
        result["report"] = {key: result["report"][key] for key in _SUMMARY_KEYS}
    return result


def _run_summary(args: Task) -> dict[str, Any]:
    return _run(args, full=False)


_WARM_POST = (
    'On 28 February 2023 K.A. Bakhina of the National Library of the Republic of Kazakhstan presented '
    '"Otbasylyk oku - tarbiye kozi" (+7 727 267 28 83, 10,000 books, 75.4%).\n'
)


class _NoEngine:
    """Stands in for the engines while warming up: every pair has no route, so nothing is loaded."""

    def route(self, src: str, tgt: str) -> Any:
        from ..errors import TranslitError

        raise TranslitError(f"warm-up: no engine for {src}→{tgt}")


def _warm_up(start: Path) -> None:
    """Load the glossary, language profiles, recovery lexicon and locale data once, before forking.

    Worker processes made by fork inherit these caches, so ``--jobs N`` does not
    pay the start-up cost N times.
    """
    from ..config import load_config
    from ..translation.versions import make_versions

    make_versions(_WARM_POST, config=load_config(start), translator=_NoEngine())


def _warn_broken_packages(start: Path) -> None:
    """Name each package folder translation skips (bad metadata, half-copied), as ``models list`` does."""
    from ..config import load_config
    from ..errors import TranslitError
    from ..mt import MTConfig, Translator
    from ..textio import printable

    try:
        problems = Translator(MTConfig.from_project(load_config(start))).engine("argos").problems()
    except TranslitError:
        return  # a bad [mt] table is reported by the run itself, with its file and key
    for problem in problems:
        sys.stderr.write(f"translit: warning: skipped a translation package: {printable(problem)}\n")


def _summary(result: dict[str, Any]) -> str:
    from ..textio import printable

    report = result["report"]
    lines = [f"{result['draft']}: source {report['source']}, format {report['format']}"]
    for lang, path in report["outputs"].items():
        origins = report.get("origins", {}).get(lang, {})
        if lang == report["source"]:
            how = "normalised"
        elif report["untranslated_blocks"].get(lang):
            blocks = report["untranslated_blocks"].get(lang, 0)
            how = f"NOT translated: {blocks} block{'s' * (blocks != 1)} marked {report['untranslated_marker'][0]}"
        elif report["routes"].get(lang):
            how = "translated"
        elif origins.get("memory-exact") or origins.get("memory-fuzzy"):
            how = "translated from the memory"
        else:
            how = "complete: no prose to translate"
        lines.append(f"  {lang}: {path} ({how})")
        if origins.get("memory-exact") or origins.get("memory-fuzzy"):
            fuzzy = origins.get("memory-fuzzy", 0)
            lines.append(
                f"      sentences: {origins.get('memory-exact', 0)} memory exact, {fuzzy} memory fuzzy"
                + (" (marked [[fuzzy:SCORE]] for review)" if fuzzy else "")
                + f", {origins.get('engine', 0)} engine, {origins.get('untranslated', 0)} untranslated"
            )
    if report["lost_parts"]:
        lines.append(f"  {report['lost_parts']} protected parts lost by the engine, marked [[lost:…]]")
    for block in report["foreign_blocks"]:
        lines.append(f"  line {block['line']}: block in {block['lang']}, kept as written")
    by_line: dict[int, list[str]] = {}
    for typo in report["typos"]:
        by_line.setdefault(typo["line"], []).append(f"{typo['word']} → {typo['suggestion']}?")
    for line, typos in by_line.items():
        lines.append(f"  line {line}: Latin-typed Kazakh, possible typos (kept as typed): {', '.join(typos)}")
    lines.append(f"  report: {result['report_path']}")
    if report["config"]:
        lines.append(f"  configuration: {report['config']}")
    return "\n".join(printable(line) for line in lines)


def post_document(versions: Any, config: Any) -> dict[str, Any]:
    """The JSON document of a draft's versions (schema translit.post/1): ``post -`` prints it, ``translit serve`` returns it."""
    report = {**versions.report, "config": str(config.path) if config.path is not None else None}
    return {"schema": "translit.post/1", "versions": versions.texts, "report": report}


def _post_stdin(source: str | None, targets: list[str], fmt: str, encoding: str) -> None:
    """A draft on standard input: the versions and the report as one JSON object on
    standard output, which is what a CMS wants (no files to name or clean up)."""
    from ..config import load_config
    from ..reading.document import detect_format
    from ..errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, TranslitError
    from ..guard import run_limited
    from ..textio import printable, read_text, to_json
    from ..translation.versions import make_versions

    config = load_config(Path.cwd())
    text = _draft_text("-", encoding, config.max_bytes)
    chosen = detect_format(text) if fmt == "auto" else fmt
    made = run_limited(
        config.post_seconds, "<stdin>", lambda: {"versions": make_versions(text, source=source, targets=targets, fmt=chosen, config=config)}
    )
    if made.get("internal"):
        sys.stderr.write(f"translit: {printable(made['error'])}\n")
        raise typer.Exit(EXIT_INTERNAL)
    if "error" in made:
        raise TranslitError(made["error"])
    versions = made["versions"]
    sys.stdout.write(to_json(post_document(versions, config)))
    code = versions.exit_code or (EXIT_FINDINGS if versions.lost else EXIT_OK)
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    """Add ``translit post``."""

    @app.command("post")
    def post(
        draft: Path = typer.Argument(
            ..., help="The draft post (text, Markdown or HTML), a folder of drafts, or - to read standard input and print JSON."
        ),
        source: Optional[str] = typer.Option(None, "--from", help="Language of the draft: en, kk or ru (default: detected per block)."),
        to: str = typer.Option("en,kk,ru", "--to", help="Versions to make, comma-separated."),
        outdir: Optional[Path] = typer.Option(None, "-o", "--outdir", help="Folder for the versions (default: the draft's folder)."),
        fmt: str = typer.Option("auto", "--input-format", help="The draft's markup: auto, text, markdown or html."),
        legacy_fmt: Optional[str] = typer.Option(None, "--format", hidden=True, help="Old name of --input-format."),
        force: bool = typer.Option(False, "--force", help="Replace existing versions and report."),
        as_json: bool = typer.Option(False, "--json", help="Print the report(s) as JSON."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Posts processed in parallel (for a folder)."),
        encoding: str = typer.Option("utf-8", "--encoding", help="Encoding of the draft(s): utf-8, cp1251, kz-1048. Versions are written in UTF-8."),
        html_report: bool = typer.Option(False, "--html-report", help="Also check the versions and write NAME.report.html: them side by side, findings in place (as translit serve shows them)."),
    ) -> None:
        """Write NAME.en/.kk/.ru versions of a post and NAME.report.json.

        Exit codes: 0 all versions made; 1 the engine lost protected parts
        (marked [[lost:…]]); 2 bad input; 3 no translation route for some
        version (its prose is marked [[untranslated:SRC]] … [[/untranslated]]).
        """
        from ..errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_NO_ROUTE, EXIT_OK, EXIT_USAGE, InputError
        from ..textio import printable, to_json

        targets = [t.strip() for t in to.split(",") if t.strip()]
        bad = [t for t in targets + ([source] if source else []) if t not in _LANG_TAGS]
        if bad or not targets:
            raise InputError(f"unknown language {bad[0] if bad else to!r}; use en, kk, ru")
        fmt = legacy_fmt or fmt
        if fmt not in ("auto", "text", "markdown", "html"):
            raise InputError(f"--input-format: unknown format {fmt!r}; use auto, text, markdown or html")
        if str(draft) == "-":
            if outdir is not None or html_report:
                raise InputError(f"{'-o' if outdir is not None else '--html-report'} needs a draft file; with - the versions are printed as JSON")
            _warn_broken_packages(Path.cwd())
            _post_stdin(source, targets, fmt, encoding)
            return
        if not draft.exists():
            raise InputError("no such file or folder", path=draft)
        _warn_broken_packages(draft if draft.is_dir() else draft.parent)
        drafts = _drafts_in(draft) if draft.is_dir() else [draft]
        if not drafts:
            raise InputError("no posts (.txt .md .html) in this folder", path=draft)
        # No draft of the run is ever an output of another one, even with --force (post.en.md, post.ru.md).
        resolved = {d.resolve() for d in drafts}
        clashes: list[dict[str, Any]] = []
        for d in list(drafts):
            paths, report_path = output_paths(d, outdir, targets)
            clash = next((p for p in [*paths.values(), report_path] if p.resolve() in resolved and p.resolve() != d.resolve()), None)
            if clash is not None:
                clashes.append({"draft": str(d), "error": f"{clash}: would overwrite a draft; pass -o OUTDIR"})
                drafts.remove(d)
        tasks = [(str(d), source, targets, str(outdir) if outdir else None, fmt, force, encoding, html_report) for d in drafts]
        results: list[dict[str, Any]]
        if not tasks:
            results = []
        elif jobs > 1 and len(tasks) > 1:
            import multiprocessing

            from ..guard import map_in_processes

            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            if context.get_start_method() == "fork":
                _warm_up(drafts[0].parent)
            work = _run if as_json else _run_summary
            results = map_in_processes(work, tasks, jobs, context, max(1, len(tasks) // (jobs * 8)))
        else:
            results = [_run(t) for t in tasks]
        results = clashes + results

        errors = internal = no_route = lost = False
        for result in results:
            if "error" in result:
                sys.stderr.write(f"translit: error: {printable(result['error'])}\n")
                errors = True
                internal = internal or bool(result.get("internal"))
                continue
            report = result["report"]
            for lang, why in report["no_route"].items():
                if not report["untranslated_blocks"].get(lang):
                    continue
                sys.stderr.write(
                    f"translit: warning: {printable(result['draft'])}: {lang} version not machine-translated ({why}); "
                    f"prose marked {report['untranslated_marker'][0]} … {report['untranslated_marker'][1]}\n"
                )
            for lang, counts in report.get("origins", {}).items():
                fuzzy = counts.get("memory-fuzzy", 0)
                if fuzzy:
                    sys.stderr.write(f"translit: warning: {printable(result['draft'])}: {lang}: {fuzzy} sentence{'s' * (fuzzy > 1)} "
                                     "from fuzzy memory matches, marked [[fuzzy:SCORE]] … [[/fuzzy]] for review\n")
            no_route = no_route or result["exit"] == EXIT_NO_ROUTE
            lost = lost or bool(result["lost"])
        if as_json:
            payload: Any = results[0]["report"] if len(results) == 1 and "report" in results[0] else [
                r.get("report", {"draft": r["draft"], "error": r.get("error")}) for r in results
            ]
            sys.stdout.write(to_json(payload))
        else:
            for result in results:
                if "report" in result:
                    sys.stdout.write(_summary(result) + "\n")
        # A bug outranks a failed post, which outranks a version left for a translator, which outranks lost parts.
        code = EXIT_INTERNAL if internal else EXIT_USAGE if errors else EXIT_NO_ROUTE if no_route else EXIT_FINDINGS if lost else EXIT_OK
        if code != EXIT_OK:
            raise typer.Exit(code)
