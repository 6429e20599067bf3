"""``translit check``: pre-publication checks of a post's versions, for editors, CMSs and git hooks."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Optional

import typer

JSON_SCHEMA = "translit.check/1"
COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}


def _config(config_path: Optional[str], start: Optional[Path], disable: tuple[str, ...], enable: tuple[str, ...], tm: Optional[str] = None) -> Any:
    """The configuration for one post, with the command line's --disable/--enable on top.

    Posts of one site share a file, so it is parsed once per (file, modification time).
    """
    from dataclasses import replace

    from ..config import Config, find_config, load_config

    path = Path(config_path) if config_path else find_config(start)
    stamp = path.stat().st_mtime_ns if path is not None and path.is_file() else None
    key = (str(path), stamp, disable, enable, tm)
    cached = _CONFIGS.get(key)
    if cached is None:
        cached = load_config(path=path) if path is not None else Config()
        if disable or enable:
            cached = replace(cached, disabled=cached.disabled | frozenset(disable), enabled=cached.enabled | frozenset(enable))
        if tm:
            section = {key: value for key, value in cached.section("tm").items() if key != "url"}
            cached = replace(cached, raw={**cached.raw, "tm": {**section, "path": str(Path(tm).resolve())}})
        _CONFIGS[key] = cached
    return cached


_CONFIGS: dict[tuple[str, Optional[int], tuple[str, ...], tuple[str, ...], Optional[str]], Any] = {}


Task = tuple[str, dict[str, str], Optional[str], tuple[str, ...], tuple[str, ...], str, Optional[str]]


def _check_post(task: Task) -> tuple[list[Any], dict[str, str]]:
    """Worker: read one post's files, check them; returns findings and the texts (for --fix)."""
    from ..check import check_versions
    from ..textio import read_text

    _name, files, config_path, disable, enable, encoding, tm = task
    texts = {lang: read_text(path, encoding) for lang, path in files.items()}
    first = Path(next(iter(files.values())))
    config = _config(config_path, first.parent, disable, enable, tm)
    return check_versions(texts, config=config, paths=files), texts


def _parallel(tasks: list[Task], workers: int) -> list[tuple[list[Any], dict[str, str]]]:
    """Check posts in worker processes.

    The first post is checked here first, so the glossary, detector and (for a
    large batch) the Kazakh lexicon are loaded once and shared by forked workers
    instead of being loaded again in each.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    results = [_check_post(tasks[0])]
    if len(tasks) >= 50:
        from ..recovery import load_lexicon

        load_lexicon()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if sys.platform == "linux" and "fork" in methods else None
    rest = tasks[1:]
    with ProcessPoolExecutor(max_workers=min(workers, len(rest)), mp_context=context) as pool:
        results.extend(pool.map(_check_post, rest, chunksize=max(1, len(rest) // (workers * 8))))
    return results


def _fixed_path(path: Path, output_dir: Optional[Path]) -> Path:
    if output_dir is not None:
        return output_dir / path.name
    return path.with_name(f"{path.stem}.fixed{path.suffix}")


def _render_text(report: list[dict[str, Any]], colour: bool) -> str:
    def paint(text: str, what: str) -> str:
        return f"{COLOURS[what]}{text}{COLOURS['reset']}" if colour else text

    lines: list[str] = []
    for post in report:
        by_version: dict[str, list[Any]] = {}
        for finding in post["findings"]:
            by_version.setdefault(finding.version, []).append(finding)
        for lang, findings in by_version.items():
            where = post["files"].get(lang, f"<{lang}>")
            lines.append(paint(f"{where} ({lang})", "bold"))
            for finding in findings:
                position = f"{finding.line}:{finding.column}"
                lines.append(f"  {position:>8}  {paint(f'{finding.severity:<7}', finding.severity)}  {finding.message}  {paint('[' + finding.id + ']', 'dim')}")
                if finding.fix is not None and finding.fix.strip() != finding.text.strip():
                    label = "fix" if finding.fixable else "suggest"
                    lines.append(f"  {'':>8}  {'':<7}  {paint(label + ':', 'dim')} {finding.fix.strip() or repr(finding.fix)}")
            lines.append("")
    return "\n".join(lines)


def _summary(report: list[dict[str, Any]], fixed: int) -> dict[str, int]:
    counts = {"posts": len(report), "files": sum(len(post["files"]) for post in report), "error": 0, "warning": 0, "info": 0, "fixed": fixed}
    for post in report:
        for finding in post["findings"]:
            counts[finding.severity] += 1
    return counts


def register(app: typer.Typer) -> None:
    """Add ``check`` to ``app``."""

    @app.command()
    def check(
        paths: list[str] = typer.Argument(None, help="Versions of a post (post.en.md post.kk.md post.ru.md) or folders of posts."),
        stdin_json: bool = typer.Option(False, "--stdin-json", help='Read {"en": "...", "kk": "...", "ru": "..."} from standard input.'),
        output_format: str = typer.Option("text", "--format", "-f", help="text (for people) or json (schema translit.check/1)."),
        as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
        fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at least this severe: error (default), warning or info."),
        fix: bool = typer.Option(False, "--fix", help="Write the fixable findings' fixes to new files (NAME.fixed.EXT, or into --output-dir); inputs are never changed."),
        output_dir: Optional[Path] = typer.Option(None, "--output-dir", "-o", help="With --fix: write the fixed files here, under their own names."),
        force: bool = typer.Option(False, "--force", help="With --fix: replace fixed files left by an earlier run."),
        encoding: str = typer.Option("utf-8", "--encoding", help="Encoding of the input files: utf-8, cp1251, kz-1048, ..."),
        siblings: bool = typer.Option(False, "--siblings", help="Also check the other language versions of each named file (post.en.md brings post.kk.md and post.ru.md); for git hooks."),
        jobs: int = typer.Option(1, "--jobs", "-j", help="Check posts in N processes (0: one per CPU)."),
        config_path: Optional[str] = typer.Option(None, "--config", help="Use this translit.toml instead of searching upward from the inputs."),
        disable: list[str] = typer.Option([], "--disable", help="Turn a check (or a family: typography) off. Repeatable."),
        enable: list[str] = typer.Option([], "--enable", help="Turn a check on again. Repeatable."),
        list_checks: bool = typer.Option(False, "--list-checks", help="List every check id with its default severity, and exit."),
        colour: str = typer.Option("auto", "--color", help="auto (only on a terminal, unless NO_COLOR is set), always or never."),
        tm: Optional[str] = typer.Option(None, "--tm", help="Compare with this translation memory (SQLite file) instead of the configured one (memory.differs)."),
    ) -> None:
        """Check the versions of a post before publication: structure, language, numbers, dates, contacts, names, spelling, typography.

        Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.
        """
        from ..check import CHECKS, SEVERITY_RANK, check_versions, fix_versions, group_files
        from ..errors import EXIT_FINDINGS, EXIT_OK, InputError, TranslitError
        from ..textio import write_text

        if list_checks:
            for spec in CHECKS.values():
                flags = ("fixable " if spec.fixable else "") + ("pair" if spec.pair else "")
                sys.stdout.write(f"{spec.id:<28} {spec.severity:<8} {flags:<13} {spec.summary}\n")
            return
        fmt = "json" if as_json else output_format
        if fmt not in ("text", "json"):
            raise TranslitError("--format: expected text or json")
        if fail_on is not None and fail_on not in SEVERITY_RANK:
            raise TranslitError("--fail-on: expected error, warning or info")
        if jobs < 0:
            raise TranslitError("--jobs: expected 0 (one per CPU) or a positive number")
        if colour not in ("auto", "always", "never"):
            raise TranslitError("--color: expected auto, always or never")
        unknown = [name for name in [*disable, *enable] if name not in CHECKS and not any(check_id.startswith(name + ".") for check_id in CHECKS)]
        if unknown:
            raise TranslitError(f"--disable/--enable: no check or family {unknown[0]!r} (see --list-checks)")
        if tm and not Path(tm).is_file():
            raise InputError("no translation memory here (translit tm import creates one)", path=tm)
        if stdin_json == bool(paths):
            raise TranslitError("give FILES or folders, or --stdin-json (not both)")
        disabled, enabled = tuple(disable), tuple(enable)
        report: list[dict[str, Any]] = []
        fixed_count = 0

        if stdin_json:
            try:
                data = json.loads(sys.stdin.read())
            except json.JSONDecodeError as exc:
                raise InputError(f"not JSON: {exc.msg}", path="<stdin>", line=exc.lineno, column=exc.colno) from None
            if not isinstance(data, dict) or not data or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
                raise InputError('expected a JSON object of versions, e.g. {"en": "...", "kk": "...", "ru": "..."}', path="<stdin>")
            config = _config(config_path, Path.cwd(), disabled, enabled, tm)
            files = {lang: f"<stdin:{lang}>" for lang in data}
            findings = check_versions(data, config=config, paths=files)
            post: dict[str, Any] = {"name": "stdin", "files": files, "findings": findings}
            if fix:
                post["fixed"], fixed_count = fix_versions(data, config=config, paths=files)
                if output_dir is not None and fixed_count:
                    for lang, new_text in post["fixed"].items():
                        if new_text != data[lang]:
                            write_text(output_dir / f"stdin.{lang}.txt", new_text, force=force)
            report.append(post)
            fail_threshold = fail_on or config.fail_on
        else:
            posts = group_files(paths, siblings=siblings, encoding=encoding)
            tasks: list[Task] = [
                (post.name, {lang: str(path) for lang, path in post.files.items()}, config_path, disabled, enabled, encoding, tm) for post in posts
            ]
            workers = (os.cpu_count() or 1) if jobs == 0 else jobs
            if workers > 1 and len(tasks) > 2:
                results = _parallel(tasks, workers)
            else:
                results = [_check_post(task) for task in tasks]
            for task, (findings, texts) in zip(tasks, results):
                post = {"name": task[0], "files": task[1], "findings": findings}
                if fix and any(f.fixable for f in findings):
                    config = _config(config_path, Path(next(iter(task[1].values()))).parent, disabled, enabled, tm)
                    fixed, count = fix_versions(texts, config=config, paths=task[1])
                    fixed_count += count
                    for lang, path in task[1].items():
                        if fixed[lang] != texts[lang]:
                            target = _fixed_path(Path(path), output_dir)
                            write_text(target, fixed[lang], force=force, inputs=tuple(task[1].values()))
                            post.setdefault("fixed_files", {})[lang] = str(target)
                report.append(post)
            first = Path(paths[0])
            fail_threshold = fail_on or _config(config_path, first if first.is_dir() else first.parent, disabled, enabled).fail_on

        summary = _summary(report, fixed_count)
        failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_threshold] for post in report for f in post["findings"])
        exit_code = EXIT_FINDINGS if failing else EXIT_OK
        if fmt == "json":
            document = {
                "schema": JSON_SCHEMA,
                "fail_on": fail_threshold,
                "exit_code": exit_code,
                "summary": summary,
                "posts": [
                    {key: ([f.to_dict() for f in value] if key == "findings" else value) for key, value in post.items()}
                    for post in report
                ],
            }
            sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        else:
            use_colour = colour == "always" or (colour == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
            text = _render_text(report, use_colour)
            parts = [f"{summary[key]} {key if summary[key] == 1 else key + 's'}" for key in ("error", "warning")] + [f"{summary['info']} info"]
            tail = f"{summary['posts']} post{'s' if summary['posts'] != 1 else ''}, {summary['files']} file{'s' if summary['files'] != 1 else ''}: " + ", ".join(parts)
            if fix:
                tail += f"; {fixed_count} fixed in new files"
            sys.stdout.write(text + tail + "\n")
        sys.stdout.flush()
        raise typer.Exit(exit_code)
