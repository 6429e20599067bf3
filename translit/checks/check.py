"""Pre-publication checks of a post's versions: ``check_versions`` and the ``Finding`` it returns.

Each check has a stable id (``family.name``), a default severity and a
docstring in its family module under :mod:`translit.checks`; ``translit.toml``
turns checks on and off and changes severities (see :mod:`translit.config`).
Pair checks (numbers, dates, contacts, glossary coverage, structure) need two
or more versions and are skipped for a version checked alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from . import suppress
from . import FAMILIES
from .base import SEVERITY_RANK, CheckSpec, Emitter, Finding, Post, Version
from .script import RENAMED
from ..config import Config, load_config
from ..errors import InputError

__all__ = [
    "CHECKS",
    "Finding",
    "CheckSpec",
    "PostFiles",
    "apply_fixes",
    "check_versions",
    "fix_versions",
    "group_files",
    "language_of",
    "language_from_name",
    "SEVERITY_RANK",
]

LANGS = ("en", "kk", "ru")
LANG_ALIASES = {"en": "en", "eng": "en", "kk": "kk", "kz": "kk", "kaz": "kk", "qaz": "kk", "ru": "ru", "rus": "ru"}
POST_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
CHECKS: dict[str, CheckSpec] = {spec.id: spec for family in (*FAMILIES, suppress) for spec in family.CHECKS}
_NAME_LANG = re.compile(r"^(?P<stem>.+?)[._-](?P<lang>en|eng|kk|kz|kaz|qaz|ru|rus)$", re.I)


def language_from_name(path: str | Path) -> tuple[str, str | None]:
    """The post name and the language a file name carries: ``post.kk.md`` -> ("post", "kk")."""
    name = Path(path).name
    for suffix in POST_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    found = _NAME_LANG.match(name)
    if found:
        return found.group("stem"), LANG_ALIASES[found.group("lang").lower()]
    return name, None


def language_of(text: str) -> str:
    """The language of a whole version (kk, ru or en), by the detector."""
    from ..language.detection import detect

    lang = detect(text[:4000], LANGS).lang
    base = lang.split("-")[0] if isinstance(lang, str) else "en"
    if base in LANGS:
        return base
    from ..transliteration.alphabet import guess_by_letters

    guess = guess_by_letters(text)
    return "ru" if guess == "und" else guess


@dataclass
class PostFiles:
    """The files of one post: language -> path, and the name they share.

    ``error`` is set when the post could not be gathered (an unreadable
    folder or file, a folder without posts); the caller reports it as a
    failed post instead of skipping it.
    """

    name: str
    files: dict[str, Path] = field(default_factory=dict)
    error: InputError | None = None


def check_versions(
    versions: Mapping[str, str] | Sequence[str | Path],
    *,
    config: Config | None = None,
    paths: Mapping[str, str] | None = None,
    formats: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
    keep_suppressed: bool = False,
) -> list[Finding]:
    """Check the versions of one post and return the findings, sorted by version and position.

    ``versions`` is ``{"en": text, "kk": text, "ru": text}`` (any subset), or
    a list of file paths whose language comes from the name (``post.kk.md``)
    or is detected. ``config`` defaults to the ``translit.toml`` found from the
    current folder (or from the files' folder). ``paths`` names the files in
    findings; ``formats`` forces text/markdown/html per language; ``encoding``
    is that of the files. Findings an inline ``translit: ignore[...]`` marker
    accepts are left out, or kept with ``suppressed="inline"`` when
    ``keep_suppressed`` (see :mod:`translit.checks.suppress`).
    """
    if isinstance(versions, (str, Path)):
        raise InputError('check_versions takes {"en": text, ...} or a list of files, not one string or path')
    if isinstance(versions, Mapping):
        texts = dict(versions)
        named = dict(paths or {})
        start = None
    else:
        texts, named = {}, {}
        for item in versions:
            lang, text = _read_version(Path(item), encoding)
            if lang in texts:
                raise InputError(f"two {lang} versions given ({named[lang]} and {item})", path=item)
            texts[lang], named[lang] = text, str(item)
        start = Path(versions[0]).parent if versions else None
    for lang in texts:
        if lang not in LANGS:
            raise InputError(f"unknown language {lang!r}; expected en, kk or ru")
    post = post_of(texts, config=config if config is not None else load_config(start), paths=named, formats=formats)
    findings = run_checks(post)
    return findings if keep_suppressed else [finding for finding in findings if finding.suppressed is None]


_WARM_VERSIONS = {
    "en": "On 28 February 2023 the National Library of the Republic of Kazakhstan presented 10,000 books.",
    "kk": "2023 жылғы 28 ақпанда Қазақстан Республикасының Ұлттық кітапханасы 10 000 кітап ұсынды.",
    "ru": "28 февраля 2023 года Национальная библиотека Республики Казахстан представила 10 000 книг.",
}


@cache  # what it loads stays loaded: a second call has nothing to do
def warm_up() -> None:
    """Load what every check shares (glossaries, language profiles, lexicon, morphology, locale data).

    Called before forking, so children (service workers, posts run under a time
    limit) inherit it instead of each loading it again.
    """
    check_versions(_WARM_VERSIONS, config=Config())


def post_of(
    texts: Mapping[str, str], *, config: Config, paths: Mapping[str, str] | None = None, formats: Mapping[str, str] | None = None
) -> Post:
    """The :class:`Post` :func:`check_versions` checks: a version a language, in the order en, kk, ru.

    The review page checks it with :func:`run_checks` and then draws the
    alignment the checks computed on it (``translit.checks.align.rows``).
    """
    named = paths or {}
    return Post(
        versions=[
            Version(lang, texts[lang], named.get(lang), _format(named.get(lang), texts[lang], (formats or {}).get(lang)))
            for lang in LANGS
            if lang in texts
        ],
        config=renamed_ids(config),
    )


def renamed_ids(config: Config) -> Config:
    """``config`` with check ids that were renamed (typography.homoglyph) given their new names."""
    names = (config.disabled, config.enabled, config.severities)
    if not any(old in group for old in RENAMED for group in names):
        return config
    return replace(
        config,
        disabled=frozenset(RENAMED.get(name, name) for name in config.disabled),
        enabled=frozenset(RENAMED.get(name, name) for name in config.enabled),
        severities={RENAMED.get(name, name): value for name, value in config.severities.items()},
    )


def _format(path: str | None, text: str, forced: str | None) -> str:
    if forced:
        return forced
    if path:
        from ..reading.document import format_for_path

        return format_for_path(path, text)
    return "auto"


def _read_version(path: Path, encoding: str) -> tuple[str, str]:
    from ..textio import read_text

    text = read_text(path, encoding)
    return language_from_name(path)[1] or language_of(text), text


def run_checks(post: Post) -> list[Finding]:
    """Run every enabled check family on a post; findings under an inline marker come back marked suppressed."""
    out = Emitter(post.config, CHECKS)
    for family in FAMILIES:
        family.run(post, out)
    order = {lang: index for index, lang in enumerate(LANGS)}
    unique: dict[tuple[str, str, int, int, str], Finding] = {}
    for finding in out.findings:
        unique.setdefault((finding.id, finding.version, finding.start, finding.end, finding.message), finding)
    findings = suppress.apply_markers(post, unique.values(), Emitter(post.config, CHECKS))
    return sorted(findings, key=lambda f: (order.get(f.version, 9), f.start, f.end, f.id))


def group_files(paths: Iterable[str | Path], *, siblings: bool = False, encoding: str = "utf-8") -> list[PostFiles]:
    """Group input files and folders into posts.

    Files named ``NAME.LANG.EXT`` (LANG en/kk/ru, also kz/eng/rus) group by
    NAME within their folder; a folder contributes its post files (recursively,
    ``*.fixed.*`` outputs and hidden folders skipped). Untagged files named on
    the command line form one post when their detected languages differ and
    there are at most three of them; otherwise each is a post of its own. With
    ``siblings`` a named ``post.en.md`` brings in ``post.kk.md`` and
    ``post.ru.md`` from its folder (what a pre-commit hook wants when only one
    version changed). A folder that cannot be read, a file whose language
    cannot be read off, or a folder without posts becomes a post with
    ``error`` set, so nothing is skipped silently.
    """
    groups: dict[tuple[Path, str], PostFiles] = {}
    untagged: list[tuple[Path, str]] = []
    explicit: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            before = len(groups)
            for child in _post_files(path, groups):
                _add_or_fail(child, groups, None, encoding)
            if len(groups) == before:
                groups[(path, "\0empty")] = PostFiles(str(path), error=InputError(f"no posts found ({' '.join(POST_SUFFIXES)}) in this folder", path=path))
        elif str(path) == "-":
            raise InputError("standard input is one version alone: give '-' by itself, or several versions as --stdin-json {\"en\": ..., \"kk\": ...}")
        elif path.exists():
            explicit.append(path)
        else:
            raise InputError("no such file or folder", path=path)
    for path in explicit:
        _add(path, groups, untagged, encoding)
    if siblings:
        for (folder, stem), post in list(groups.items()):
            if stem.startswith("\0"):
                continue
            for child in sorted(folder.iterdir()):
                if _is_post_file(child):
                    child_stem, lang = language_from_name(child)
                    if child_stem == stem and lang is not None and lang not in post.files:
                        post.files[lang] = child
    if untagged:
        from ..textio import read_text

        langs = [(path, language_of(read_text(path, encoding))) for path, _ in untagged]
        if len(langs) <= 3 and len({lang for _, lang in langs}) == len(langs):
            post = PostFiles(langs[0][0].stem, {lang: path for path, lang in langs})
            groups[(langs[0][0].parent, "\0untagged")] = post
        else:
            for path, lang in langs:
                groups[(path.parent, "\0" + str(path))] = PostFiles(path.stem, {lang: path})
    return list(groups.values())


def _is_post_file(path: Path) -> bool:
    return path.suffix.lower() in POST_SUFFIXES and ".fixed." not in path.name and path.is_file()


def _post_files(root: Path, groups: dict[tuple[Path, str], PostFiles]) -> list[Path]:
    """Post files under ``root``; a folder that cannot be listed becomes a failed post in ``groups``.

    Symbolic links to folders are followed once (a link back up the tree is
    not walked again).
    """
    import os

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        groups[(where, "\0unreadable")] = PostFiles(str(where), error=InputError(f"cannot read this folder: {exc.strerror or exc}", path=where))

    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=True):
        here = Path(folder)
        stat = here.stat()
        if (stat.st_dev, stat.st_ino) in seen:
            dirs.clear()
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(here / name for name in sorted(names) if _is_post_file(here / name))
    return found


def _add(path: Path, groups: dict[tuple[Path, str], PostFiles], untagged: list[tuple[Path, str]] | None, encoding: str) -> None:
    """File ``path`` under its post; an untagged file goes to ``untagged`` when that list is given."""
    stem, lang = language_from_name(path)
    if lang is None:
        if untagged is not None:
            untagged.append((path, stem))
            return
        from ..textio import read_text

        lang = language_of(read_text(path, encoding))
        key = (path.parent, "\0" + str(path))
    else:
        key = (path.parent, stem)
    post = groups.setdefault(key, PostFiles(stem))
    if lang in post.files:
        raise InputError(f"two {lang} versions of post {stem!r}: {post.files[lang]} and {path}", path=path)
    post.files[lang] = path


def _add_or_fail(path: Path, groups: dict[tuple[Path, str], PostFiles], untagged: list[tuple[Path, str]] | None, encoding: str) -> None:
    """:func:`_add`, with a file that cannot be read (to detect its language) kept as a failed post."""
    try:
        _add(path, groups, untagged, encoding)
    except InputError as exc:
        groups[(path.parent, "\0" + str(path))] = PostFiles(path.name, error=exc)


def fix_versions(
    texts: Mapping[str, str],
    *,
    config: Config | None = None,
    paths: Mapping[str, str] | None = None,
    formats: Mapping[str, str] | None = None,
    rounds: int = 3,
    baseline: suppress.Baseline | None = None,
) -> tuple[dict[str, str], int]:
    """The versions with every fixable finding fixed (``translit check --fix``), and how many fixes were made.

    ``texts`` is ``{"en": text, "kk": text, "ru": text}`` (any subset); ``config``
    defaults to the ``translit.toml`` found from the current folder. Only what a
    finding marks fixable changes (quotes, dashes, discouraged names, house
    spellings); everything else is returned as given, and fixing the result
    again changes nothing. A fix inside another (a dash inside a quotation
    whose marks are replaced) is applied in the next round, after the versions
    are checked again. Findings an ignore marker or ``baseline`` accepts are
    left as they are.
    """
    if config is None:
        config = load_config(None)
    fixed = dict(texts)
    total = 0
    # what the baseline accepts is decided on the texts as given: a fix nearby changes fingerprints
    accepted: Counter[tuple[str, str, str]] | None = None
    for _ in range(rounds):
        findings = check_versions(fixed, config=config, paths=paths, formats=formats)
        if baseline is not None and accepted is None:
            accepted = Counter((f.version, f.id, f.text) for f in baseline.apply(findings) if f.suppressed == "baseline")
        if accepted:
            left = Counter(accepted)
            kept = []
            for finding in findings:
                key = (finding.version, finding.id, finding.text)
                if left[key] > 0:
                    left[key] -= 1
                else:
                    kept.append(finding)
            findings = kept
        made = 0
        for lang in fixed:
            fixed[lang], count = apply_fixes(fixed[lang], [f for f in findings if f.version == lang])
            made += count
        total += made
        if not made:
            break
    return fixed, total


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """``text`` with every fixable finding's fix applied (overlapping fixes: the first wins); and how many."""
    chosen: list[Finding] = []
    last_end = -1
    for finding in sorted((f for f in findings if f.fixable and f.fix is not None), key=lambda f: (f.start, -f.end)):
        if finding.start >= last_end and finding.end > finding.start:
            chosen.append(finding)
            last_end = finding.end
    pieces = []
    cursor = 0
    for finding in chosen:
        pieces.append(text[cursor : finding.start])
        pieces.append(finding.fix or "")
        cursor = finding.end
    pieces.append(text[cursor:])
    return "".join(pieces), len(chosen)
