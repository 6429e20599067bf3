"""Project configuration: ``translit.toml`` or ``[tool.translit]`` in ``pyproject.toml``.

A site repository commits one file next to its posts; every command finds it
by walking up from the input's folder, the way git finds ``.git``. The first
folder holding either file wins; in that folder ``translit.toml`` is preferred,
and a ``pyproject.toml`` without ``tool.translit`` in its text is skipped
unparsed (so another tool's broken file stops nothing). The walk ends at the repository
root (the folder holding ``.git``) or at the user's home folder, whichever
comes first, and never enters a folder anyone may write to (``/tmp``): a file
planted above the repository must not switch checks off.

Sections this module types (others are kept verbatim in :attr:`Config.raw`
for the features that own them, e.g. ``[mt]``)::

    [schemes]                 # romanization scheme per source language
    kk = "kk-news"
    ru = "ru-news"

    [dates]
    en = "us"                 # "us" (February 28, 2023), "uk" (28 February 2023) or "any"

    [glossaries]
    extra = ["site-glossary.tsv"]   # relative to the config file

    [check]
    fail-on = "error"
    disable = ["typography.double-space"]     # ids or family prefixes ("typography")
    enable = []                               # re-enables what a prefix disabled
    [check.severity]
    "typography.quotes" = "warning"
    [check.options]
    en-quotes = "curly"       # "curly", "straight" or "any"

    [detect]
    languages = ["kk", "ru", "en"]  # the languages the site publishes in (the default); "all" lifts it
    [limits]
    max_bytes = 8388608       # a larger input is refused (default 8 MiB)
    post_seconds = 0          # time allowed per post, 0 for no limit
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import TranslitError
from .textio import DEFAULT_MAX_BYTES, read_data_file

CONFIG_FILE = "translit.toml"
PYPROJECT = "pyproject.toml"
SEVERITIES = ("error", "warning", "info")
LANGUAGES = ("en", "kk", "ru")
LANG_NAMES = {"en": "English", "kk": "Kazakh", "ru": "Russian"}
DATE_STYLES = ("us", "uk", "any")

DEFAULT_SCHEMES: Mapping[str, str] = MappingProxyType({"kk": "kk-news", "ru": "ru-news"})
DEFAULT_DATES: Mapping[str, str] = MappingProxyType({"en": "any"})
DETECTABLE = ("kk", "ru", "en", "ky", "uk", "tt", "uz", "tr")
"""Languages translit.detect knows (the bundled profile's)."""


class ConfigError(TranslitError):
    """The configuration file is malformed or names something that does not exist."""


@dataclass(frozen=True)
class Config:
    """Settings read from one configuration file (or the defaults when there is none).

    ``raw`` is the whole translit table as parsed, so a feature this module
    does not know (``[mt]``, ``[post]``) reads its own section with
    :meth:`section` and validates it itself.
    """

    path: Path | None = None
    schemes: Mapping[str, str] = field(default_factory=lambda: DEFAULT_SCHEMES)
    date_style: Mapping[str, str] = field(default_factory=lambda: DEFAULT_DATES)
    glossaries: tuple[Path, ...] = ()
    fail_on: str = "error"
    disabled: frozenset[str] = frozenset()
    enabled: frozenset[str] = frozenset()
    severities: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    detect_languages: tuple[str, ...] | None = ("kk", "ru", "en")
    """The languages the site publishes in, for :func:`translit.detect`; None: every language it knows."""
    raw: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    max_bytes: int = DEFAULT_MAX_BYTES
    post_seconds: float = 0.0

    @property
    def root(self) -> Path | None:
        """The folder holding the configuration file; relative paths in it start here."""
        return self.path.parent if self.path is not None else None

    def scheme(self, lang: str) -> str:
        """The romanization scheme for Cyrillic text of ``lang`` ("kk" or "ru")."""
        return self.schemes.get(lang) or DEFAULT_SCHEMES.get(lang, "kk-news")

    def section(self, name: str) -> Mapping[str, Any]:
        """A top-level table owned by another feature, e.g. ``config.section("mt")``; empty if absent."""
        value = self.raw.get(name, {})
        return value if isinstance(value, Mapping) else {}

    def is_enabled(self, check_id: str) -> bool:
        """Whether a check runs: the most specific of ``enable``/``disable`` (id over family prefix) wins."""
        best_len, best = -1, True
        for names, verdict in ((self.disabled, False), (self.enabled, True)):
            for name in names:
                if _covers(name, check_id) and len(name) >= best_len:
                    best_len, best = len(name), verdict
        return best

    def severity(self, check_id: str, default: str) -> str:
        """The configured severity of ``check_id`` (exact id, then its family), else ``default``."""
        if check_id in self.severities:
            return self.severities[check_id]
        family = check_id.split(".", 1)[0]
        return self.severities.get(family, default)

    def option(self, name: str, default: Any = None) -> Any:
        """A check option from ``[check.options]``."""
        return self.options.get(name, default)


def _covers(name: str, check_id: str) -> bool:
    return check_id == name or check_id.startswith(name + ".")


def _toml_load(path: Path) -> dict[str, Any]:
    import tomllib

    text = read_data_file(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11-3.13 put the position only in the message: "... (at line 3, column 7)".
        where = _TOML_POSITION.search(str(exc))
        line = getattr(exc, "lineno", None) or (int(where.group(1)) if where else None)
        column = getattr(exc, "colno", None) or (int(where.group(2)) if where else None)
        message = str(exc).split(" (at ")[0]
        raise ConfigError(f"invalid TOML: {message}", path=path, line=line, column=column) from None


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _search_folders(here: Path) -> Iterator[Path]:
    """``here`` and the folders above it, up to the repository root or the home folder."""
    try:
        home: Path | None = Path.home().resolve()
    except (RuntimeError, KeyError, OSError):
        home = None
    for folder in (here, *here.parents):
        try:
            open_to_all = bool(folder.stat().st_mode & 0o002)
        except OSError:
            return
        if open_to_all:
            return
        yield folder
        if folder == home or (folder / ".git").exists():
            return


def find_config(start: str | Path | None = None) -> Path | None:
    """The configuration file that applies to ``start`` (a file or folder; default: the current folder)."""
    here = Path(start) if start is not None else Path.cwd()
    here = here.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in _search_folders(here):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _mentions_translit(pyproject) and "translit" in _toml_load(pyproject).get("tool", {}):
            return pyproject
    return None


_TOOL_TABLE = re.compile(rb"tool\s*\.\s*[\"']?translit\b")


def _mentions_translit(path: Path) -> bool:
    """Whether a pyproject.toml may hold ``[tool.translit]``: one that does not is never parsed (nor its errors reported)."""
    try:
        return _TOOL_TABLE.search(path.read_bytes()) is not None
    except OSError as exc:
        raise ConfigError(exc.strerror or str(exc), path=path) from None


def load_config(start: str | Path | None = None, *, path: str | Path | None = None) -> Config:
    """Load the configuration for ``start`` (searched upward), or exactly ``path`` when given.

    No file found means the defaults. Errors name the file and the key.
    """
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config()
    if not found.exists():
        raise ConfigError("no such configuration file", path=found)
    data = _toml_load(found)
    if found.name == PYPROJECT:
        table = data.get("tool", {}).get("translit", {})
    else:
        table = data
    return parse_config(table, found)


def config_for(path: str | Path) -> Config:
    """The configuration that applies to an input file; ``-`` (standard input) takes the current folder's."""
    return load_config(Path.cwd() if str(path) == "-" else Path(path).parent)


def max_bytes_for(path: str | Path) -> int:
    """The input size limit (``[limits] max_bytes``) that applies to ``path``; ``-`` is the current folder."""
    return config_for(path).max_bytes


_SECTIONS = frozenset({"schemes", "dates", "glossaries", "check", "detect", "limits", "post", "mt", "tm"})


def _known_keys(section: Mapping[str, Any], name: str, known: set[str], fail: Callable[[str], ConfigError]) -> None:
    unknown = sorted(set(section) - known)
    if unknown:
        raise fail(f"[{name}] unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})")


def _known_scheme(scheme: str, lang: str, fail: Callable[[str], ConfigError]) -> None:
    """A built-in scheme id the site names must exist, for that language: else every name would be
    written by a scheme it did not choose. A site's own rule file (``.toml``) is read where it is used."""
    from .resources import bundled_dir

    if scheme.endswith(".toml"):
        return
    ids = sorted(path.stem for path in bundled_dir("rules").glob(f"{lang}-*.toml"))
    if scheme.split("+")[0] not in ids:
        raise fail(f"[schemes] {lang} = {scheme!r}: unknown scheme; the {lang} schemes are {', '.join(ids)}")


def parse_config(table: Mapping[str, Any], path: Path | None = None) -> Config:
    """Build a :class:`Config` from an already parsed table (the contents of translit.toml)."""

    def fail(message: str) -> ConfigError:
        return ConfigError(message, path=path)

    def table_of(value: Any, key: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise fail(f"[{key}] must be a table")
        return value

    # a misspelt section or key would leave its default in force unseen: the gate looser than the site asked
    unknown = sorted(set(table) - _SECTIONS)
    if unknown:
        raise fail(f"unknown section [{unknown[0]}] (known: {', '.join(sorted(_SECTIONS))})")

    schemes = dict(DEFAULT_SCHEMES)
    for lang, scheme in table_of(table.get("schemes", {}), "schemes").items():
        if lang not in ("kk", "ru") or not isinstance(scheme, str):
            raise fail(f"[schemes] {lang} = {scheme!r}: expected kk or ru = \"<scheme id>\"")
        _known_scheme(scheme, lang, fail)
        schemes[lang] = scheme

    dates = dict(DEFAULT_DATES)
    for lang, style in table_of(table.get("dates", {}), "dates").items():
        if lang != "en" or style not in DATE_STYLES:
            raise fail(f"[dates] {lang} = {style!r}: expected en = one of {', '.join(DATE_STYLES)}")
        dates[lang] = style

    glossaries: list[Path] = []
    gloss = table.get("glossaries", {})
    if not isinstance(gloss, list):
        _known_keys(table_of(gloss, "glossaries"), "glossaries", {"extra", "renamed"}, fail)
    extra = gloss if isinstance(gloss, list) else table_of(gloss, "glossaries").get("extra", [])
    if not isinstance(extra, list) or not all(isinstance(item, str) for item in extra):
        raise fail("[glossaries] extra must be a list of file names")
    base = path.parent if path is not None else Path.cwd()
    for item in extra:
        glossaries.append((base / item).resolve())

    check = table_of(table.get("check", {}), "check")
    _known_keys(check, "check", {"fail-on", "fail_on", "disable", "enable", "severity", "options"}, fail)
    fail_on = check.get("fail-on", check.get("fail_on", "error"))
    if fail_on not in SEVERITIES:
        raise fail(f"[check] fail-on = {fail_on!r}: expected one of {', '.join(SEVERITIES)}")
    lists: dict[str, frozenset[str]] = {}
    for key in ("disable", "enable"):
        value = check.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise fail(f"[check] {key} must be a list of check ids")
        lists[key] = frozenset(value)
    severities = dict(table_of(check.get("severity", {}), "check.severity"))
    for name, value in severities.items():
        if value not in SEVERITIES:
            raise fail(f"[check.severity] {name} = {value!r}: expected one of {', '.join(SEVERITIES)}")
    options = dict(table_of(check.get("options", {}), "check.options"))

    detect_languages = _detect_languages(table_of(table.get("detect", {}), "detect"), fail)
    limits = table_of(table.get("limits", {}), "limits")
    _known_keys(limits, "limits", {"max_bytes", "post_seconds"}, fail)
    max_bytes = limits.get("max_bytes", DEFAULT_MAX_BYTES)
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
        raise fail(f"[limits] max_bytes = {max_bytes!r}: expected a positive number of bytes")
    post_seconds = limits.get("post_seconds", 0)
    if not isinstance(post_seconds, (int, float)) or isinstance(post_seconds, bool) or not 0 <= post_seconds < 10**6:
        raise fail(f"[limits] post_seconds = {post_seconds!r}: expected seconds (0 for no limit)")

    return Config(
        path=path,
        schemes=MappingProxyType(schemes),
        date_style=MappingProxyType(dates),
        glossaries=tuple(glossaries),
        fail_on=fail_on,
        disabled=lists["disable"],
        enabled=lists["enable"],
        severities=MappingProxyType(severities),
        options=MappingProxyType(options),
        detect_languages=detect_languages,
        raw=MappingProxyType(dict(table)),
        max_bytes=max_bytes,
        post_seconds=float(post_seconds),
    )


def _detect_languages(section: Mapping[str, Any], fail: Any) -> tuple[str, ...] | None:
    """[detect] languages: a list of language codes, or "all" for no restriction."""
    unknown = sorted(set(section) - {"languages"})
    if unknown:
        raise fail(f"[detect] unknown key {unknown[0]!r} (known: languages)")
    value = section.get("languages", ["kk", "ru", "en"])
    if value == "all":
        return None
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise fail(f'[detect] languages = {value!r}: expected a list such as ["kk", "ru", "en"], or "all"')
    for lang in value:
        if lang not in DETECTABLE:
            raise fail(f"[detect] languages: {lang!r} is not a language translit detects ({', '.join(DETECTABLE)})")
    return tuple(dict.fromkeys(value))


__all__ = ["Config", "ConfigError", "find_config", "config_for", "load_config", "max_bytes_for", "parse_config", "CONFIG_FILE"]
