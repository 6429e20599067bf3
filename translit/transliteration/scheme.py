"""Rule files: read and validate a transliteration scheme written as TOML data.

This module knows the file format (see rules/README.md) and nothing about
running a scheme; translit.transliteration.engine compiles a validated ``SchemeSpec`` into
the tables it runs. Every problem is reported as one line naming the file
and, where it can be found, the line.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .alphabet import ALPHABETS
from ..errors import RuleFileError, UnknownSchemeError
from ..resources import bundled_dir
from ..textio import read_data_file

Reversibility = Literal["exact", "ambiguous", "no"]

POSITIONS = ("word-start", "word-end")
CONTEXT_KEYS = ("after", "not_after", "before", "not_before")

_TOP_KEYS = {
    "id", "language", "title", "standard", "source", "reversible", "inherits", "notes",
    "classes", "letters", "capitals", "case", "rules", "options", "reverse",
    "examples", "examples_forward",
}
_RULE_KEYS = {"match", "out", "at", *CONTEXT_KEYS}
_REVERSE_KEYS = {"prefer", "classes", "rules"}
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class SchemeInfo:
    """What ``translit schemes`` shows about a scheme."""

    id: str
    language: str
    title: str
    standard: str
    reversible: Reversibility
    source: str = ""
    notes: str = ""
    options: tuple[str, ...] = ()
    path: str = ""


@dataclass(frozen=True)
class Rule:
    """A context rule: ``match`` becomes ``out`` where every condition holds.

    Context sets are already expanded to lower-case letters; the engine adds
    capitals. ``line`` points into the rule file for error messages.
    """

    match: str
    out: str
    at: str | None = None
    after: str | None = None
    not_after: str | None = None
    before: str | None = None
    not_before: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class SchemeSpec:
    """A scheme as its file (and the files it inherits from) declares it."""

    info: SchemeInfo
    letters: dict[str, str]
    capitals: dict[str, str] = field(default_factory=dict)
    case: dict[str, str] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    reverse_prefer: dict[str, str] = field(default_factory=dict)
    reverse_rules: tuple[Rule, ...] = ()
    examples: tuple[tuple[str, str], ...] = ()
    examples_forward: tuple[tuple[str, str], ...] = ()


def rules_dir() -> Path:
    return bundled_dir("rules")


def builtin_paths() -> dict[str, Path]:
    """Built-in scheme ids and their files."""
    return {path.stem: path for path in sorted(rules_dir().glob("*.toml"))}


def schemes() -> list[SchemeInfo]:
    """Metadata of every built-in scheme, sorted by id."""
    return [read_spec(path).info for path in builtin_paths().values()]


def resolve_path(spec: str | Path, relative_to: Path | None = None) -> Path:
    """Turn a scheme id or a path into the rule file to read."""
    text = str(spec)
    builtin = builtin_paths().get(text)
    if builtin is not None and not text.endswith(".toml"):
        return builtin
    candidate = Path(text)
    if relative_to is not None and not candidate.is_absolute():
        candidate = relative_to / candidate
    if candidate.is_file():
        return candidate
    if candidate.is_dir():
        raise UnknownSchemeError(f"{text!r} is a folder, not a rule file")
    if text.endswith(".toml"):  # a path, never an id
        raise UnknownSchemeError(f"no such rule file {text!r}")
    known = ", ".join(builtin_paths())
    raise UnknownSchemeError(f"unknown scheme {text!r}; built-in schemes: {known}")


def read_spec(spec: str | Path, options: tuple[str, ...] = ()) -> SchemeSpec:
    """Read, merge (``inherits``) and validate a rule file, applying ``options``."""
    path = resolve_path(spec)
    merged = _read_merged(path, ())
    return _build(merged, options)


# --- reading -----------------------------------------------------------------


@dataclass
class _Source:
    """One file's text, for locating a key when reporting an error."""

    path: Path
    text: str

    def fail(self, message: str, needle: str | None = None, line: int | None = None) -> RuleFileError:
        if line is None and needle is not None:
            line = self.line_of(needle)
        return RuleFileError(message, path=self.path, line=line)

    def line_of(self, needle: str) -> int | None:
        for number, text in enumerate(self.text.splitlines(), 1):
            if needle in text:
                return number
        return None

    def table_lines(self, header: str) -> list[int]:
        """Line numbers of each ``[[header]]`` array-of-tables entry, in order."""
        pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]")
        return [n for n, line in enumerate(self.text.splitlines(), 1) if pattern.match(line)]


def _load_toml(path: Path) -> tuple[dict[str, Any], _Source]:
    text = read_data_file(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line = column = None
        if found:
            line, column = int(found.group(1)), int(found.group(2))
            message = _TOML_POSITION.sub("", message)
        raise RuleFileError(f"invalid TOML: {message}", path=path, line=line, column=column) from None
    return data, _Source(path, text)


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _read_merged(path: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
    """The file's declarations merged over those of the scheme it inherits from."""
    resolved = path.resolve()
    if resolved in chain:
        raise RuleFileError("inherits from itself (a cycle of 'inherits')", path=path)
    data, source = _load_toml(path)
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise source.fail(f"unknown key {unknown[0]!r}", needle=unknown[0])
    own = _parse_file(data, source)
    parent_name = data.get("inherits")
    if parent_name is None:
        return own
    if not isinstance(parent_name, str):
        raise source.fail("'inherits' must be a scheme id or a path", needle="inherits")
    try:
        parent_path = resolve_path(parent_name, relative_to=path.parent)
    except UnknownSchemeError as exc:
        raise source.fail(exc.message, needle="inherits") from None
    parent = _read_merged(parent_path, (*chain, resolved))
    return _merge(parent, own)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key in ("classes", "letters", "capitals", "case", "reverse_prefer", "reverse_classes"):
        merged[key] = {**parent.get(key, {}), **child.get(key, {})}
    merged["options"] = {**parent.get("options", {}), **child.get("options", {})}
    # A child's rules come first: at one position the first matching rule wins.
    merged["rules"] = child.get("rules", []) + parent.get("rules", [])
    merged["reverse_rules"] = child.get("reverse_rules", []) + parent.get("reverse_rules", [])
    for key, value in child.items():
        if key not in merged or not isinstance(value, (dict, list)):
            merged[key] = value
    # Examples are the file's own: a parent's examples need not hold after overrides.
    merged["examples"] = child.get("examples", [])
    merged["examples_forward"] = child.get("examples_forward", [])
    merged["source_file"] = child["source_file"]
    return merged


def _string_table(data: dict[str, Any], key: str, source: _Source) -> dict[str, str]:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise source.fail(f"[{key}] must be a table", needle=key)
    out: dict[str, str] = {}
    for name, value in table.items():
        if not isinstance(value, str):
            raise source.fail(f"[{key}] {name!r} must be a string", needle=f'"{name}"')
        out[_nfc(name)] = _nfc(value)
    return out


def _parse_file(data: dict[str, Any], source: _Source) -> dict[str, Any]:
    """Check shapes and types of one file; cross-checks wait for the merged scheme."""
    parsed: dict[str, Any] = {"source_file": source}
    for key in ("id", "language", "title", "standard", "source", "reversible", "notes"):
        if key in data:
            if not isinstance(data[key], str):
                raise source.fail(f"'{key}' must be a string", needle=key)
            parsed[key] = data[key]
    for key in ("classes", "letters", "capitals", "case"):
        parsed[key] = _string_table(data, key, source)

    options = data.get("options", {})
    if not isinstance(options, dict):
        raise source.fail("[options] must be a table of named letter overrides", needle="options")
    parsed["options"] = {}
    for name, table in options.items():
        if not isinstance(table, dict):
            raise source.fail(f"[options.{name}] must be a table", needle=f"options.{name}")
        parsed["options"][name] = _string_table(options, name, source)

    parsed["rules"] = _parse_rules(data.get("rules", []), "rules", source)
    reverse = data.get("reverse", {})
    if not isinstance(reverse, dict):
        raise source.fail("[reverse] must be a table", needle="reverse")
    unknown = sorted(set(reverse) - _REVERSE_KEYS)
    if unknown:
        raise source.fail(f"unknown key {unknown[0]!r} in [reverse]", needle=unknown[0])
    parsed["reverse_prefer"] = _string_table(reverse, "prefer", source)
    parsed["reverse_classes"] = _string_table(reverse, "classes", source)
    parsed["reverse_rules"] = _parse_rules(reverse.get("rules", []), "reverse.rules", source)

    for key in ("examples", "examples_forward"):
        pairs = data.get(key, [])
        if not isinstance(pairs, list):
            raise source.fail(f"'{key}' must be a list of [cyrillic, latin] pairs", needle=key)
        checked = []
        for pair in pairs:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) for s in pair)):
                raise source.fail(f"each entry of '{key}' must be a [cyrillic, latin] pair", needle=str(pair[0]) if isinstance(pair, list) and pair else key)
            checked.append((_nfc(pair[0]), _nfc(pair[1])))
        parsed[key] = checked
    return parsed


def _parse_rules(rules: Any, header: str, source: _Source) -> list[dict[str, Any]]:
    if not isinstance(rules, list):
        raise source.fail(f"[[{header}]] must be an array of tables", needle=header)
    lines = source.table_lines(header)
    parsed = []
    for index, rule in enumerate(rules):
        line = lines[index] if index < len(lines) else None
        if not isinstance(rule, dict):
            raise source.fail(f"[[{header}]] entries must be tables", line=line)
        unknown = sorted(set(rule) - _RULE_KEYS)
        if unknown:
            raise source.fail(f"unknown key {unknown[0]!r} in [[{header}]]", line=line)
        for key in ("match", "out"):
            if not isinstance(rule.get(key), str):
                raise source.fail(f"[[{header}]] needs a string '{key}'", line=line)
        if not rule["match"]:
            raise source.fail(f"[[{header}]] 'match' is empty", line=line)
        if "at" in rule and rule["at"] not in POSITIONS:
            raise source.fail(f"[[{header}]] 'at' must be one of {', '.join(POSITIONS)}", line=line)
        for key in CONTEXT_KEYS:
            if key in rule and not isinstance(rule[key], str):
                raise source.fail(f"[[{header}]] '{key}' must be a string of letters and @classes", line=line)
        parsed.append({**{k: _nfc(v) for k, v in rule.items()}, "line": line})
    return parsed


# --- building ------------------------------------------------------------------


def _expand(value: str, classes: dict[str, str], source: _Source, line: int | None) -> str:
    """``"@vowel ъ ь"`` → the letters it names."""
    letters: list[str] = []
    for token in value.split():
        if token.startswith("@"):
            name = token[1:]
            if name not in classes:
                raise source.fail(f"unknown class @{name} (define it under [classes])", line=line)
            letters.append(classes[name])
        else:
            letters.append(token)
    return "".join(dict.fromkeys("".join(letters)))


def _rules(raw: list[dict[str, Any]], classes: dict[str, str], source: _Source) -> tuple[Rule, ...]:
    built = []
    for rule in raw:
        line = rule["line"]
        contexts = {key: _expand(rule[key], classes, source, line) for key in CONTEXT_KEYS if key in rule}
        built.append(Rule(match=rule["match"], out=rule["out"], at=rule.get("at"), line=line, **contexts))
    return tuple(built)


def _build(merged: dict[str, Any], options: tuple[str, ...]) -> SchemeSpec:
    source: _Source = merged["source_file"]
    for key in ("id", "language", "title", "standard", "reversible"):
        if not merged.get(key):
            raise source.fail(f"missing required key '{key}'")
    language = merged["language"]
    if language not in ALPHABETS:
        raise source.fail(f"language must be one of {', '.join(ALPHABETS)}, not {language!r}", needle="language")
    if merged["reversible"] not in ("exact", "ambiguous", "no"):
        raise source.fail("reversible must be exact, ambiguous or no", needle="reversible")

    letters = dict(merged["letters"])
    for name in options:
        if name not in merged["options"]:
            available = ", ".join(merged["options"]) or "none"
            raise UnknownSchemeError(f"scheme {merged['id']!r} has no option {name!r} (options: {available})")
        letters.update(merged["options"][name])
    alphabet = ALPHABETS[language]
    for letter in letters:
        if len(letter) != 1 or letter not in alphabet:
            raise source.fail(f"[letters] key {letter!r} is not a lower-case {language} letter", needle=f'"{letter}"')
    missing = [letter for letter in alphabet if letter not in letters]
    if missing:
        raise source.fail(f"[letters] lacks {', '.join(missing)}", needle="[letters]")

    info = SchemeInfo(
        id=merged["id"],
        language=language,
        title=merged["title"],
        standard=merged["standard"],
        reversible=merged["reversible"],
        source=merged.get("source", ""),
        notes=merged.get("notes", ""),
        options=tuple(merged["options"]),
        path=str(source.path),
    )
    classes = {name: value.lower() for name, value in merged["classes"].items()}
    reverse_classes = dict(merged["reverse_classes"])
    return SchemeSpec(
        info=info,
        letters=letters,
        capitals=merged["capitals"],
        case=merged["case"],
        rules=_rules(merged["rules"], classes, source),
        reverse_prefer=merged["reverse_prefer"],
        reverse_rules=_rules(merged["reverse_rules"], reverse_classes, source),
        examples=tuple(merged["examples"]),
        examples_forward=tuple(merged["examples_forward"]),
    )
