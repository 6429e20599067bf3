"""What ``translit serve`` computes: one function a route, checked arguments in, a JSON-ready dict out.

The functions run in the service's worker processes (:mod:`translit.serve.workers`).
A worker loads the site's configuration and its translation engines once
(:func:`init`), so models stay in memory between requests; the glossaries,
lexicon and detector were loaded by :func:`warm_up` before the worker was
forked. Nothing here is shared between requests but what loading filled in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..checks.base import Post
from ..config import Config
from ..errors import InputError

_EMPTY: Mapping[str, str] = MappingProxyType({})
# This worker's configuration and translator (per process, set once by init()).
_WORKER: dict[str, Any] = {}

def warm_up() -> None:
    """Load the glossaries, language profiles, Kazakh lexicon, morphology and locale data of this process."""
    from ..checks.check import warm_up as warm_checks
    from ..commands.post import _warm_up

    _warm_up(Path.cwd())
    warm_checks()


def init(config_path: str | None) -> dict[str, Any]:
    """Set up this worker: the site's configuration, and a translator whose models are loaded now."""
    from ..config import load_config
    from ..errors import TranslitError
    from ..translation.versions import _make_translator

    config = load_config(path=config_path) if config_path else Config()
    warm_up()
    translator = _make_translator(config)
    routes = []
    for route in translator.routes():
        try:
            translator.translate_batch(["The library is open."], route.src, route.tgt)
        except TranslitError:
            continue
        routes.append(f"{route.src}→{route.tgt}")
    _WORKER.update(config=config, translator=translator)
    return {"routes": routes}


def _config(disable: Sequence[str] = (), enable: Sequence[str] = ()) -> Config:
    config: Config = _WORKER.get("config") or Config()
    if disable or enable:
        config = replace(config, disabled=config.disabled | frozenset(disable), enabled=config.enabled | frozenset(enable))
    return config


def _post_report(
    versions: Mapping[str, str],
    paths: Mapping[str, str] = _EMPTY,
    formats: Mapping[str, str] = _EMPTY,
    disable: Sequence[str] = (),
    enable: Sequence[str] = (),
    name: str | None = None,
) -> tuple[dict[str, Any], Config, Post]:
    """One post's entry of a findings report (as ``translit check`` builds it), the configuration, and the checked post.

    ``paths`` name the versions' files (and so their formats, by extension),
    ``formats`` force a format, ``disable``/``enable`` turn checks or families
    off and on as ``check --disable``/``--enable`` do, ``name`` names the post.
    """
    from ..checks.check import post_of, run_checks

    config = _config(disable, enable)
    named = {lang: paths.get(lang, f"<{lang}>") for lang in versions}
    post = post_of(versions, config=config, paths=named, formats=formats)
    found = run_checks(post)
    entry = {
        "name": name or _post_name(named),
        "files": named,
        "config": str(config.path) if config.path is not None else None,
        "findings": [f for f in found if f.suppressed is None],
        "suppressed": [f for f in found if f.suppressed is not None],
    }
    return entry, config, post


def _post_name(paths: Mapping[str, str]) -> str:
    from ..checks.check import language_from_name

    names = {language_from_name(path)[0] for path in paths.values() if not path.startswith("<")}
    return names.pop() if len(names) == 1 else "post"


def check(versions: Mapping[str, str], fail_on: str | None = None, **options: Any) -> dict[str, Any]:
    """The findings document of ``translit check --output-format json`` for one post's versions
    (``options``: those of :func:`_post_report`)."""
    from ..commands.check import json_document

    entry, config, _ = _post_report(versions, **options)
    return json_document([entry], fail_on or config.fail_on)


def review(versions: Mapping[str, str], fail_on: str | None = None, **options: Any) -> dict[str, Any]:
    """The findings document and what the review page draws: the versions' blocks, aligned in rows."""
    from ..commands.check import json_document
    from .review import review_data

    entry, config, post = _post_report(versions, **options)
    return {"check": json_document([entry], fail_on or config.fail_on), "review": review_data(entry, post)}


def fix(
    versions: Mapping[str, str],
    fail_on: str | None = None,
    select: Sequence[Mapping[str, Any]] = (),
    ids: Sequence[str] = (),
    **options: Any,
) -> dict[str, Any]:
    """Apply the fixes of the findings ``select`` names (version, offset, length, id) and of every fixable
    finding of the checks ``ids``; return the new versions, what was applied where, and their review.

    A finding named one by one is the editor's choice, so its fix is applied
    even when it is only a suggestion; a whole kind takes only the fixes
    ``check --fix`` would make. A named finding that is no longer there (the
    text changed since it was found) is an error, and nothing is applied.
    """
    from ..checks.check import apply_fixes

    entry, _, _ = _post_report(versions, **options)
    by_place = {(f.version, f.start, f.end - f.start, f.id): f for f in entry["findings"]}
    chosen = []
    for item in select:
        key = (item.get("version"), item.get("offset"), item.get("length"), item.get("id"))
        finding = by_place.get(key)  # type: ignore[arg-type]
        if finding is None or finding.fix is None:
            raise InputError(f"no finding {key[3]} with a fix at offset {key[1]} of the {key[0]} version; check again", path="<request>")
        chosen.append(replace(finding, fixable=True))
    named = {(f.version, f.start, f.end, f.id) for f in chosen}
    chosen += [f for f in entry["findings"] if f.id in ids and f.fixable and f.fix is not None and (f.version, f.start, f.end, f.id) not in named]
    fixed = dict(versions)
    applied: list[dict[str, Any]] = []
    for lang in versions:
        mine = sorted((f for f in chosen if f.version == lang), key=lambda f: (f.start, -f.end))
        fixed[lang], count = apply_fixes(versions[lang], mine)
        if count == len(mine):  # no two overlapped, so each one's new place is known
            applied += _new_places(mine)
    result = review(fixed, fail_on, **options)
    return {"versions": fixed, "applied": applied, **result}


def _new_places(findings: Sequence[Any]) -> list[dict[str, Any]]:
    """Each applied finding with where its fix now stands (``new_offset``, ``new_length``) in the fixed text."""
    shift = 0
    places = []
    for finding in findings:
        places.append({**finding.to_dict(), "new_offset": finding.start + shift, "new_length": len(finding.fix)})
        shift += len(finding.fix) - (finding.end - finding.start)
    return places


def post(draft: str, source: str | None = None, targets: Sequence[str] = ("en", "kk", "ru"), fmt: str = "auto") -> dict[str, Any]:
    """``translit post -``'s document for a draft (schema translit.post/1), with the exit code it would have."""
    from ..commands.post import post_document
    from ..reading.document import detect_format
    from ..errors import EXIT_FINDINGS, EXIT_OK
    from ..names.renaming import post_date
    from ..translation.versions import make_versions

    config = _config()
    chosen = detect_format(draft) if fmt == "auto" else fmt
    versions = make_versions(
        draft, source=source, targets=list(targets), fmt=chosen, config=config, translator=_WORKER.get("translator"), date=post_date(draft)
    )
    return {**post_document(versions, config), "exit_code": versions.exit_code or (EXIT_FINDINGS if versions.lost else EXIT_OK)}


def romanize(text: str, scheme: str = "auto", reverse: bool = False, options: Sequence[str] = ()) -> dict[str, Any]:
    """``translit romanize --json``'s document."""
    from ..commands.romanize import romanize_document

    return romanize_document(text, scheme, reverse=reverse, options=options)


def detect(text: str, level: int = 2) -> dict[str, Any]:
    """``translit detect --json``'s segments: every block, sentence and quoted span with its language and script."""
    from ..commands.detect import _rows

    return {"segments": _rows(text, level, _config().detect_languages)}


def recover(text: str, style: str | None = None) -> dict[str, Any]:
    """``translit recover --json``'s document: the Cyrillic of Latin-typed Kazakh, word by word."""
    from ..commands.recover import _recovery_dict
    from ..errors import UnknownSchemeError
    from ..recovery import STYLES
    from ..recovery import recover as run

    if style and style not in STYLES:
        raise UnknownSchemeError(f"unknown input style {style!r}; choose one of {', '.join(STYLES)}")
    return _recovery_dict(run(text, style=style or None))


JOBS = {"check": check, "review": review, "fix": fix, "post": post, "romanize": romanize, "detect": detect, "recover": recover}


def run(name: str, arguments: Mapping[str, Any]) -> dict[str, Any]:
    """``{"result": ...}``, or ``{"error": one line, "internal": bool}`` for whatever the job raised;
    with ``seconds`` and ``cpu_seconds``, the wall and CPU time the job took in this worker."""
    import time

    from ..guard import failure

    began, cpu = time.perf_counter(), time.process_time()
    try:
        outcome = {"result": JOBS[name](**arguments)}
    except Exception as exc:  # noqa: BLE001 - the request's failure, never the worker's
        outcome = failure(exc, None)
    return {**outcome, "seconds": time.perf_counter() - began, "cpu_seconds": time.process_time() - cpu}
