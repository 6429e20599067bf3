"""``translit check``: pre-publication checks of a post's versions, for editors, CMSs and git hooks."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from .options import ENCODING, Opt, add_command

if TYPE_CHECKING:
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


_CONFIGS: dict[tuple[str, Optional[int], tuple[str, ...], tuple[str, ...]], Any] = {}


Task = tuple[str, dict[str, str], Optional[str], tuple[str, ...], tuple[str, ...], str, Optional[str]]
Result = dict[str, Any]


def _check_post(task: Task) -> Result:
    """Worker: read one post's files and check them (see :func:`_checked`)."""
    from ..guard import failure
    from ..textio import read_text

    _name, files, config_path, disable, enable, encoding, tm = task
    first = Path(next(iter(files.values())))
    try:
        config = _config(config_path, first.parent, disable, enable, tm)
        texts = {lang: read_text(path, encoding, config.max_bytes) for lang, path in files.items()}
    except Exception as exc:  # noqa: BLE001 - reported as this post's failure
        return failure(exc, first)
    return _checked(texts, config, files, str(first))


def _checked(texts: dict[str, str], config: Any, files: dict[str, str], where: str) -> Result:
    """The findings, the texts (for --fix) and the configuration file used; or ``error``
    (and ``internal``) when the post could not be checked, so one bad post never stops the others."""
    from ..checks.check import check_versions, warm_up
    from ..guard import run_limited

    if config.post_seconds > 0:
        # The limit is for this post's own work: what every post shares is loaded here, once, before the fork.
        warm_up()

    def work() -> Result:
        findings = check_versions(texts, config=config, paths=files, keep_suppressed=True)
        return {"findings": findings, "texts": texts, "config": str(config.path) if config.path is not None else None}

    return run_limited(config.post_seconds, where, work)


def _parallel(tasks: list[Task], workers: int) -> list[Result]:
    """Check posts in worker processes.

    The first post is checked here first, so the glossary, detector and (for a
    large batch) the Kazakh lexicon are loaded once and shared by forked workers
    instead of being loaded again in each.
    """
    import multiprocessing

    from ..guard import map_in_processes

    results = [_check_post(tasks[0])]
    if len(tasks) >= 50:
        from ..recovery import load_lexicon

        load_lexicon()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if sys.platform == "linux" and "fork" in methods else None
    rest = tasks[1:]
    results += map_in_processes(_check_post, rest, min(workers, len(rest)), context, max(1, len(rest) // (workers * 8)))
    return results


def _fixed_path(path: Path, output_dir: Optional[Path]) -> Path:
    if output_dir is not None:
        return output_dir / path.name
    return path.with_name(f"{path.stem}.fixed{path.suffix}")


def _fix_targets(fixes: list[tuple[Path, str, Path]]) -> dict[Path, str]:
    """(input, fixed text, target) of every fix; two inputs that would write one file are an error before any write."""
    from ..errors import InputError
    from ..textio import shown_path

    targets: dict[Path, str] = {}
    sources: dict[Path, Path] = {}
    for source, text, target in fixes:
        key = target.resolve()
        if key in sources:
            raise InputError(
                f"{shown_path(sources[key])} and {shown_path(source)} would both be fixed into this file; "
                "use --fix without -o, or one folder per run",
                path=shown_path(target),
            )
        sources[key] = source
        targets[target] = text
    return targets


def _render_text(report: list[dict[str, Any]], colour: bool) -> str:
    from ..textio import printable

    def paint(text: str, what: str) -> str:
        return f"{COLOURS[what]}{text}{COLOURS['reset']}" if colour else text

    lines: list[str] = []
    for post in report:
        if "error" in post:
            lines += [paint(f"{printable(post['name'])}: not checked", "bold"), f"  {paint('failed ', 'error')}  {printable(post['error'])}", ""]
            continue
        by_version: dict[str, list[Any]] = {}
        for finding in post["findings"]:
            by_version.setdefault(finding.version, []).append(finding)
        for lang, findings in by_version.items():
            where = printable(post["files"].get(lang, f"<{lang}>"))
            lines.append(paint(f"{where} ({lang})", "bold"))
            for finding in findings:
                position = f"{finding.line}:{finding.column}"
                lines.append(f"  {position:>8}  {paint(f'{finding.severity:<7}', finding.severity)}  {printable(finding.message)}  {paint('[' + finding.id + ']', 'dim')}")
                if finding.fix is not None and finding.fix.strip() != finding.text.strip():
                    label = "fix" if finding.fixable else "suggest"
                    lines.append(f"  {'':>8}  {'':<7}  {paint(label + ':', 'dim')} {printable(finding.fix.strip()) or repr(finding.fix)}")
            lines.append("")
    for config in sorted({post["config"] for post in report if post.get("config")}):
        lines.append(f"configuration: {printable(config)}")
    return "\n".join(lines)


def summary_of(report: list[dict[str, Any]], fixed: int = 0) -> dict[str, int]:
    """The counts a report ends with: posts, files, failed posts, findings by severity, fixed, suppressed."""
    counts = {"posts": len(report), "files": sum(len(post["files"]) for post in report), "failed": 0}
    counts |= {"error": 0, "warning": 0, "info": 0, "fixed": fixed, "suppressed": 0}
    for post in report:
        counts["failed"] += "error" in post
        for finding in post["findings"]:
            counts[finding.severity] += 1
        counts["suppressed"] += len(post.get("suppressed", ()))
    return counts


def exit_code_of(report: list[dict[str, Any]], fail_on: str) -> int:
    """The worst outcome decides: a bug, then a post that could not be checked, then findings at or above ``fail_on``."""
    from ..checks.check import SEVERITY_RANK
    from ..errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE

    if any(post.get("internal") for post in report):
        return EXIT_INTERNAL
    if any("error" in post for post in report):
        return EXIT_USAGE
    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for post in report for f in post["findings"])
    return EXIT_FINDINGS if failing else EXIT_OK


def json_document(report: list[dict[str, Any]], fail_on: str, fixed: int = 0) -> dict[str, Any]:
    """The findings document (schema translit.check/1) of ``check --output-format json`` and ``translit serve``.

    ``report`` holds one dict a post: ``name``, ``files`` (language -> file),
    ``findings`` and ``suppressed`` (lists of :class:`~translit.checks.check.Finding`),
    and ``config``, ``fixed``, ``fixed_files``, or ``error`` and ``internal``
    for a post that could not be checked.
    """
    return {
        "schema": JSON_SCHEMA,
        "fail_on": fail_on,
        "exit_code": exit_code_of(report, fail_on),
        "summary": summary_of(report, fixed),
        "posts": [
            {key: ([f.to_dict() for f in value] if key in ("findings", "suppressed") else value) for key, value in post.items()}
            for post in report
        ],
    }


def _output_format(output_format: Optional[str], legacy: Optional[str], as_json: bool) -> str:
    """The one output format the options ask for; ``--format`` (text/json and the new names) is the old spelling."""
    from ..errors import TranslitError
    from ..report import REVIEW_FORMATS, check_format

    if legacy is not None:
        sys.stderr.write("translit: warning: --format is deprecated for check; use --output-format\n")
    chosen = {name for name in (output_format, {"text": "full"}.get(legacy or "", legacy), "json" if as_json else None) if name}
    if len(chosen) > 1:
        raise TranslitError(f"--output-format: asked for {' and '.join(sorted(chosen))}; choose one")
    return check_format(chosen.pop() if chosen else "full", REVIEW_FORMATS)


OPTIONS = (
    Opt("paths", list[str], None, "Versions of a post (post.en.md post.kk.md post.ru.md) or folders of posts."),
    Opt("stdin_json", bool, False, 'Read {"en": "...", "kk": "...", "ru": "..."} from standard input.', ("--stdin-json",)),
    Opt("output_format", Optional[str], None,
        "full (grouped, for people; the default), concise (FILE:LINE:COL: severity message [id]), json (schema "
        "translit.check/1), json-lines, github, gitlab, sarif, junit, or html (one self-contained page: the versions "
        "side by side, findings in place).", ("--output-format", "-f")),
    Opt("legacy_format", Optional[str], None, "Deprecated spelling of --output-format (text = full).", ("--format",), hidden=True),
    Opt("as_json", bool, False, "Same as --output-format json.", ("--json",)),
    Opt("baseline", Optional[Path], None, "Accept the findings recorded in this baseline file (see --write-baseline).", ("--baseline",)),
    Opt("write_baseline", Optional[Path], None, "Record every current finding in this file as accepted, and exit 0.", ("--write-baseline",)),
    Opt("fail_on", Optional[str], None, "Exit 1 when a finding is at least this severe: error (default), warning or info.", ("--fail-on",)),
    Opt("fix", bool, False, "Write the fixable findings' fixes to new files (NAME.fixed.EXT, or into --output-dir); "
        "inputs are never changed.", ("--fix",)),
    Opt("output_dir", Optional[Path], None, "With --fix: write the fixed files here, under their own names.", ("--output-dir", "-o")),
    Opt("force", bool, False, "With --fix: replace fixed files left by an earlier run.", ("--force",)),
    Opt("in_place", bool, False, "Write the fixes over the input files themselves (implies --fix; UTF-8 inputs only), "
        "as a fixing pre-commit hook does.", ("--in-place",)),
    Opt("diff", bool, False, "Print the fixes as a unified diff (patch -p0 applies it) instead of writing files; exit 1 "
        "when a file would change.", ("--diff",)),
    ENCODING,
    Opt("siblings", bool, False, "Also check the other language versions of each named file (post.en.md brings post.kk.md "
        "and post.ru.md); for git hooks.", ("--siblings",)),
    Opt("jobs", int, 1, "Check posts in N processes (0: one per CPU).", ("--jobs", "-j")),
    Opt("config_path", Optional[str], None, "Use this translit.toml instead of searching upward from the inputs.", ("--config",)),
    Opt("disable", list[str], [], "Turn off a check id or a family (the part before the dot: typography). Repeatable.", ("--disable",)),
    Opt("enable", list[str], [], "Turn a check id or a family on again. Repeatable.", ("--enable",)),
    Opt("list_checks", bool, False, "List every check id with its default severity, and exit.", ("--list-checks",)),
    Opt("colour", str, "auto", "auto (only on a terminal, unless NO_COLOR is set), always or never.", ("--color",)),
    Opt("tm", Optional[str], None, "Compare with this translation memory (SQLite file) instead of the configured one "
        "(memory.differs).", ("--tm",)),
)
"""The parameters of ``translit check``, read by typer and by the fast path."""


def register(app: typer.Typer) -> None:
    """Add ``check`` to ``app``."""
    add_command(app, "check", OPTIONS, run_check, """Check the versions of a post before publication: structure, language, numbers, dates, contacts, names, spelling, typography.

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.
    """)


def run_check(
    paths: list[str], stdin_json: bool, output_format: Optional[str], legacy_format: Optional[str], as_json: bool,
    baseline: Optional[Path], write_baseline: Optional[Path], fail_on: Optional[str], fix: bool,
    output_dir: Optional[Path], force: bool, encoding: str, siblings: bool, jobs: int, config_path: Optional[str],
    disable: list[str], enable: list[str], list_checks: bool, colour: str, tm: Optional[str] = None, diff: bool = False,
    in_place: bool = False,
) -> int:
    """The body of ``translit check``, free of typer so that the fast path (:mod:`.fast`) runs it too;
    returns the exit status."""
    from ..checks.check import CHECKS, SEVERITY_RANK, fix_versions, group_files
    from ..checks.script import RENAMED
    from ..errors import EXIT_OK, InputError, TranslitError
    from ..checks.suppress import Baseline
    from ..textio import codec_name, printable, shown_path, write_files, write_json

    if list_checks:
        for spec in CHECKS.values():
            flags = ("fixable " if spec.fixable else "") + ("pair" if spec.pair else "")
            sys.stdout.write(f"{spec.id:<28} {spec.severity:<8} {flags:<13} {spec.summary}\n")
        return EXIT_OK
    fmt = _output_format(output_format, legacy_format, as_json)
    if fail_on is not None and fail_on not in SEVERITY_RANK:
        raise TranslitError("--fail-on: expected error, warning or info")
    if jobs < 0:
        raise TranslitError("--jobs: expected 0 (one per CPU) or a positive number")
    if colour not in ("auto", "always", "never"):
        raise TranslitError("--color: expected auto, always or never")
    disable, enable = [RENAMED.get(name, name) for name in disable], [RENAMED.get(name, name) for name in enable]
    unknown = [name for name in [*disable, *enable] if name not in CHECKS and not any(check_id.startswith(name + ".") for check_id in CHECKS)]
    if unknown:
        raise TranslitError(f"--disable/--enable: no check or family {unknown[0]!r} (see --list-checks)")
    if tm and not Path(tm).is_file():
        raise TranslitError("no translation memory here (translit tm import creates one)", path=tm)
    if stdin_json == bool(paths):
        raise TranslitError("give FILES or folders, or --stdin-json (not both)")
    if diff and (output_dir is not None or force or write_baseline is not None or fmt != "full"):
        raise TranslitError("--diff prints a unified diff: it takes no --output-dir, --force, --write-baseline or --output-format")
    if in_place and (diff or output_dir is not None or _reads_stdin(paths, stdin_json) or codec_name(encoding) != "utf-8"):
        raise TranslitError("--in-place rewrites UTF-8 input files: it takes no --diff, --output-dir, standard input or --encoding")
    fix = fix or diff or in_place
    changes: list[tuple[str, str, str]] = []  # (file, text, fixed text) of every version a fix changes, for --diff
    # "-": one version of a post on standard input, its language read off it, as a lone file's is
    stdin_text = paths == ["-"]
    from_stdin = _reads_stdin(paths, stdin_json)
    disabled, enabled = tuple(disable), tuple(enable)
    accepted = Baseline.load(baseline) if baseline is not None else None
    report: list[dict[str, Any]] = []
    texts_of: list[dict[str, str]] = []  # each post's versions, for the html format
    fixes: list[tuple[Path, str, Path]] = []
    fixed_count = 0

    if from_stdin:
        config = _config(config_path, Path.cwd(), disabled, enabled, tm)
        data = _stdin_versions(config.max_bytes) if stdin_json else _stdin_version(config.max_bytes, encoding)
        files = {lang: "<stdin>" if stdin_text else f"<stdin:{lang}>" for lang in data}
        results = [_checked(data, config, files, "<stdin>")]
        tasks: list[Task] = [("stdin", files, config_path, disabled, enabled, encoding, tm)]
        fail_threshold = fail_on or config.fail_on
    else:
        posts = group_files(paths, siblings=siblings, encoding=encoding)
        if all(not post.files and post.error is not None for post in posts):
            # nothing to check at all: one line, as for any other bad input, not an empty report
            raise posts[0].error if posts else InputError("no posts found")
        tasks = [(post.name, {lang: str(path) for lang, path in post.files.items()}, config_path, disabled, enabled, encoding, tm) for post in posts]
        runnable = [task for task, post in zip(tasks, posts) if post.error is None]
        workers = (os.cpu_count() or 1) if jobs == 0 else jobs
        if workers > 1 and len(runnable) > 2:
            done = iter(_parallel(runnable, workers))
        else:
            done = iter([_check_post(task) for task in runnable])
        results = [next(done) if post.error is None else {"error": str(post.error), "internal": False} for post in posts]
        first = Path(paths[0])
        fail_threshold = fail_on or _config(config_path, first if first.is_dir() else first.parent, disabled, enabled).fail_on

    for task, result in zip(tasks, results):
        texts_of.append(result.get("texts", {}))
        post: dict[str, Any] = {"name": shown_path(task[0]), "files": {lang: shown_path(path) for lang, path in task[1].items()}}
        if "error" in result:
            report.append({**post, "findings": [], "error": result["error"], "internal": result["internal"]})
            continue
        post["config"] = result["config"]
        post["findings"] = result["findings"]
        if fix and (from_stdin or any(f.fixable for f in result["findings"])):
            texts = result["texts"]
            config = _config(config_path, Path.cwd() if from_stdin else Path(next(iter(task[1].values()))).parent, disabled, enabled, tm)
            fixed, count = fix_versions(texts, config=config, paths=task[1], baseline=accepted)
            fixed_count += count
            if from_stdin:
                post["fixed"] = fixed
            for lang, path in task[1].items():
                if fixed[lang] != texts[lang]:
                    changes.append((shown_path(path), texts[lang], fixed[lang]))
                if fixed[lang] == texts[lang] or (from_stdin and output_dir is None) or diff:
                    continue
                target = output_dir / f"stdin.{lang}.txt" if from_stdin else Path(path) if in_place else _fixed_path(Path(path), output_dir)
                fixes.append((Path(path), fixed[lang], target))
                post.setdefault("fixed_files", {})[lang] = shown_path(target)
        report.append(post)
    if diff:
        return _print_diff(changes, report, fixed_count)
    if fixes and in_place:
        _write_in_place(fixes, [result.get("texts", {}) for result in results], tasks)
    elif fixes:
        write_files(_fix_targets(fixes), force=force, inputs=tuple(Path(path) for task in tasks for path in task[1].values() if not from_stdin))

    for post in report:
        found = accepted.apply(post["findings"]) if accepted is not None else post["findings"]
        post["findings"] = [f for f in found if f.suppressed is None]
        post["suppressed"] = [f for f in found if f.suppressed is not None]
    if write_baseline is not None:
        recorded = [f for post in report for f in post["findings"] + post["suppressed"] if f.suppressed != "inline"]
        inputs = tuple(name for post in report for name in post["files"].values())
        count = Baseline(write_baseline.resolve().parent).write(write_baseline, recorded, inputs=inputs)
        sys.stderr.write(f"translit: wrote {count} finding{'s' if count != 1 else ''} to {write_baseline}\n")
        return EXIT_OK
    summary = summary_of(report, fixed_count)
    exit_code = exit_code_of(report, fail_threshold)
    if fmt == "json":
        write_json(json_document(report, fail_threshold, fixed_count))
    elif fmt == "full":
        use_colour = colour == "always" or (colour == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
        text = _render_text(report, use_colour)
        parts = [f"{summary[key]} {key if summary[key] == 1 else key + 's'}" for key in ("error", "warning")] + [f"{summary['info']} info"]
        tail = f"{summary['posts']} post{'s' if summary['posts'] != 1 else ''}, {summary['files']} file{'s' if summary['files'] != 1 else ''}: " + ", ".join(parts)
        if summary["suppressed"]:
            tail += f" ({summary['suppressed']} accepted by ignore markers or the baseline)"
        if summary["failed"]:
            tail += f"; {summary['failed']} not checked"
        if fix:
            tail += f"; {fixed_count} fixed {'in place' if in_place else 'in new files'}"
        sys.stdout.write(text + ("\n" if text and not text.endswith("\n") else "") + tail + "\n")
    else:
        from ..report import render

        everything = [f for post in report for f in post["findings"] + post["suppressed"]]
        files = [name for post in report for name in post["files"].values()]
        rules = {check_id: spec.summary for check_id, spec in CHECKS.items()}
        shown = [{**post, "texts": texts} for post, texts in zip(report, texts_of)]
        sys.stdout.write(render(everything, fmt, rules=rules, files=files, posts=shown))
    for post in report:
        if "error" in post:
            sys.stderr.write(f"translit: error: {printable(post['error'])}\n")
    sys.stdout.flush()
    return exit_code


def _reads_stdin(paths: list[str], stdin_json: bool) -> bool:
    """Whether the command line asks to read the versions from standard input."""
    return stdin_json or paths == ["-"]


def _write_in_place(fixes: list[tuple[Path, str, Path]], texts: list[dict[str, str]], tasks: list[Task]) -> None:
    """``check --in-place``: the fixed texts over their inputs, all or none, unless an input changed since it was read
    (an editor saved it meanwhile: their edit is worth more than the fixes). A byte order mark stays: a fix
    changes what the check found, nothing else."""
    import codecs

    from ..errors import InputError
    from ..textio import decode, read_bytes, write_files

    checked = {Path(path): versions[lang] for task, versions in zip(tasks, texts) for lang, path in task[1].items() if lang in versions}
    rewritten = []
    for source, fixed, target in fixes:
        data = read_bytes(source, None)
        if decode(data, "utf-8", str(source)) != checked[source]:
            raise InputError("changed since it was checked; nothing was fixed, run again", path=str(source))
        rewritten.append((source, "\ufeff" * data.startswith(codecs.BOM_UTF8) + fixed, target))
    write_files(_fix_targets(rewritten), force=True)


def _print_diff(changes: list[tuple[str, str, str]], report: list[dict[str, Any]], fixed_count: int) -> int:
    """``check --diff``: the fixes as one unified diff on standard output, a summary on standard error; the
    exit status of a formatter's ``--check`` (1 when a file would change), unless a post could not be checked."""
    from ..errors import EXIT_FINDINGS, EXIT_OK
    from ..textio import byte_order_mark, printable, unified_diff

    marks = [byte_order_mark(name) if not name.startswith("<stdin") else "" for name, _, _ in changes]
    sys.stdout.write("".join(unified_diff(mark + text, mark + fixed, name) for mark, (name, text, fixed) in zip(marks, changes)))
    sys.stdout.flush()
    for post in report:
        if "error" in post:
            sys.stderr.write(f"translit: error: {printable(post['error'])}\n")
    files = len(changes)
    sys.stderr.write(f"translit: {fixed_count} fix{'es' * (fixed_count != 1)} would change {files} file{'s' * (files != 1)}\n"
                     if changes else "translit: nothing to fix\n")
    worst = exit_code_of([post for post in report if "error" in post], "error")
    return worst if worst != EXIT_OK else EXIT_FINDINGS if changes else EXIT_OK


def _stdin_version(max_bytes: int, encoding: str) -> dict[str, str]:
    """``{lang: text}``: one version of a post from standard input, in the language the detector reads."""
    from ..checks.check import language_of
    from ..textio import decode, read_bytes

    text = decode(read_bytes("-", max_bytes), encoding, "<stdin>")  # a NUL or lone surrogate is refused there
    return {language_of(text): text}


def _stdin_versions(max_bytes: int) -> dict[str, str]:
    """``{"en": ..., "kk": ...}`` from standard input: strict UTF-8, JSON of any depth refused cleanly, no lone surrogates."""
    from ..errors import InputError
    from ..textio import check_text, decode, read_bytes

    raw = decode(read_bytes("-", max_bytes), "utf-8", "<stdin>")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", path="<stdin>", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise InputError("JSON nested too deeply", path="<stdin>") from None
    if not isinstance(data, dict) or not data or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise InputError('expected a JSON object of versions, e.g. {"en": "...", "kk": "...", "ru": "..."}', path="<stdin>")
    for lang, text in data.items():
        check_text(lang, "<stdin>")
        check_text(text, f"<stdin:{lang}>")
    return data
