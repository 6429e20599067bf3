"""Glossary files: the entries they hold and how they are read.

A glossary file (``glossaries/*.toml``, format in ``glossaries/README.md``)
lists entities (institutions, places, people, terms) with their official form
per language and their accepted, discouraged and outdated variants, and the
short forms that name several entities. Reading one gives typed entries that
keep the file and line of every form, so a finding can point into the file;
a malformed file is a :class:`GlossaryError` naming its line.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from ..errors import GlossaryError
from ..textio import read_data_file

LANGS: tuple[str, ...] = ("kk", "ru", "en")
ENTITY_TYPES: tuple[str, ...] = (
    "library", "ministry", "state_body", "organisation", "department", "akimat", "region", "city",
    "country", "university", "media", "person", "term",
)  # fmt: skip


@dataclass(frozen=True)
class Origin:
    """Where something was defined: a glossary file and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Variant:
    """One written form of a name in one language, with its status."""

    form: str
    lang: str
    status: str
    reason: str = ""
    until: str | None = None
    origin: Origin | None = None
    use: str | None = None  # the form to write instead, when it is not simply the official one


@dataclass(frozen=True)
class Entity:
    """An institution, place, person or term, with every form the glossary knows."""

    id: str
    type: str
    names: Mapping[str, str]
    variants: tuple[Variant, ...]
    origin: Origin
    notes: str = ""
    sources: tuple[str, ...] = ()
    confidence: str = ""
    successor: str | None = None
    until: str | None = None
    parent: str | None = None
    gender: str | None = None
    fixed: tuple[str, ...] = ()

    def official(self, lang: str) -> str | None:
        """The official form in ``lang``, or None when the glossary has none."""
        return self.names.get(lang)

    def forms(self, lang: str | None = None) -> list[Variant]:
        """Every variant (official first), optionally of one language."""
        return [v for v in self.variants if lang is None or v.lang == lang]


@dataclass(frozen=True)
class Ambiguity:
    """A short form that names several entities ("National Library")."""

    lang: str
    forms: tuple[str, ...]
    entities: tuple[str, ...]
    note: str
    origin: Origin


class _SourceFile:
    """A glossary file's text, for turning parsed values back into line numbers."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = str(path)
        self.lines = text.splitlines()

    def line_of(self, needle: str, start: int = 1) -> int:
        quoted = (f'"{needle}"', f"'{needle}'")
        for number in range(max(start, 1), len(self.lines) + 1):
            line = self.lines[number - 1]
            if any(q in line for q in quoted):
                return number
        return start

    def origin(self, needle: str, start: int = 1) -> Origin:
        return Origin(self.path, self.line_of(needle, start))


def _as_list(value: Any, where: str, source: _SourceFile) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        return [value]
    if isinstance(value, list):
        return value
    raise GlossaryError(f"{where} must be a string or a list", path=source.path)


def _variants(raw: Any, status: str, source: _SourceFile, entity_line: int, entity_id: str) -> list[Variant]:
    """Parse ``accepted``/``discouraged``/``outdated`` tables: {lang = [form | {form, reason, until}]}."""
    if raw is None:
        return []
    if not isinstance(raw, dict):
        raise GlossaryError(f"{entity_id}: {status} must be a table of languages", path=source.path, line=entity_line)
    out: list[Variant] = []
    for lang, items in raw.items():
        if lang not in LANGS:
            raise GlossaryError(f"{entity_id}: unknown language {lang!r} in {status}", path=source.path, line=entity_line)
        for item in _as_list(items, f"{entity_id}.{status}.{lang}", source):
            use = None
            if isinstance(item, str):
                form, reason, until = item, "", None
            elif isinstance(item, dict) and isinstance(item.get("form"), str):
                form, reason, until = item["form"], str(item.get("reason", "")), item.get("until")
                until = str(until) if until is not None else None
                use = str(item["use"]) if item.get("use") else None
            else:
                raise GlossaryError(f"{entity_id}: bad {status} item {item!r}", path=source.path, line=entity_line)
            out.append(Variant(form, lang, status, reason, until, source.origin(form, entity_line), use))
    return out


def _parse_entity(raw: dict[str, Any], source: _SourceFile, search_from: int) -> Entity:
    entity_id = raw.get("id")
    if not isinstance(entity_id, str) or not entity_id:
        raise GlossaryError("an [[entity]] has no id", path=source.path, line=search_from)
    line = source.line_of(entity_id, search_from)
    kind = raw.get("type", "")
    if kind not in ENTITY_TYPES:
        raise GlossaryError(f"{entity_id}: type must be one of {', '.join(ENTITY_TYPES)}", path=source.path, line=line)
    names = {lang: raw[lang] for lang in LANGS if isinstance(raw.get(lang), str) and raw[lang].strip()}
    if not names:
        raise GlossaryError(f"{entity_id}: needs an official form in kk, ru or en", path=source.path, line=line)
    successor = raw.get("successor")
    variants: list[Variant] = []
    for lang, form in names.items():
        status = "outdated" if successor else "official"
        variants.append(Variant(form, lang, status, "", raw.get("until"), source.origin(form, line)))
    for status in ("accepted", "discouraged", "outdated"):
        for variant in _variants(raw.get(status), status, source, line, entity_id):
            if successor and status == "accepted":
                variant = Variant(variant.form, variant.lang, "outdated", variant.reason, variant.until, variant.origin)
            variants.append(variant)
    until = raw.get("until")
    return Entity(
        id=entity_id,
        type=kind,
        names=names,
        variants=tuple(variants),
        origin=Origin(source.path, line),
        notes=str(raw.get("notes", "")),
        sources=tuple(str(s) for s in _as_list(raw.get("sources"), f"{entity_id}.sources", source)),
        confidence=str(raw.get("confidence", "")),
        successor=str(successor) if successor else None,
        until=str(until) if until is not None else None,
        parent=str(raw["parent"]) if raw.get("parent") else None,
        gender=str(raw["gender"]) if raw.get("gender") else None,
        fixed=tuple(str(w) for w in _as_list(raw.get("fixed"), f"{entity_id}.fixed", source)),
    )


def _parse_ambiguity(raw: dict[str, Any], source: _SourceFile, search_from: int) -> Ambiguity:
    forms = tuple(_as_list(raw.get("forms"), "ambiguous.forms", source))
    entities = tuple(_as_list(raw.get("entities"), "ambiguous.entities", source))
    lang = raw.get("lang")
    if lang not in LANGS or not forms or len(entities) < 2:
        raise GlossaryError(
            "[[ambiguous]] needs lang, forms and at least two entities", path=source.path, line=search_from
        )
    return Ambiguity(lang, forms, entities, str(raw.get("note", "")), source.origin(forms[0], search_from))


@dataclass(frozen=True)
class GlossaryFile:
    """One parsed glossary file."""

    path: str
    title: str
    entities: tuple[Entity, ...]
    ambiguities: tuple[Ambiguity, ...]
    examples: tuple[Mapping[str, Any], ...]


def parse_file(path: Path) -> GlossaryFile:
    """Parse one glossary file; a malformed file raises GlossaryError with its line."""
    text = read_data_file(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = regex.search(r"at line (\d+), column (\d+)", str(exc))
        message = regex.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise GlossaryError(
            f"not valid TOML: {message}",
            path=path,
            line=int(found.group(1)) if found else None,
            column=int(found.group(2)) if found else None,
        ) from None
    source = _SourceFile(path, text)
    entities: list[Entity] = []
    cursor = 1
    for raw in _as_list(data.get("entity"), "entity", source):
        entity = _parse_entity(raw, source, cursor)
        entities.append(entity)
        cursor = entity.origin.line
    ambiguities = [_parse_ambiguity(raw, source, 1) for raw in _as_list(data.get("ambiguous"), "ambiguous", source)]
    examples = tuple(_as_list(data.get("example"), "example", source))
    return GlossaryFile(str(path), str(data.get("title", "")), tuple(entities), tuple(ambiguities), examples)


def glossary_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand directories to their ``*.toml`` files (sorted); a missing path is an error."""
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            out.extend(sorted(p for p in path.glob("*.toml") if p.is_file()))
        elif path.is_file():
            out.append(path)
        else:
            raise GlossaryError("no such glossary file or directory", path=path)
    return out
