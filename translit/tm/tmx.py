"""TMX 1.4, the translation-memory exchange format of OmegaT, Trados and memoQ: a strict reader and a writer.

The reader uses the standard library's expat parser (no external entities, no
DTD fetching) and accepts what TMX 1.4b says a file is: a ``<tmx>`` with a
``<header>`` and a ``<body>`` of ``<tu>`` elements, each with ``<tuv
xml:lang="…">`` variants holding one ``<seg>``. Inline codes inside a segment
(``<bpt> <ept> <ph> <it> <hi> <ut> <sub>``) are markup, not text: their
content is left out and the text around them kept. Anything else is an error
naming the file and line. Languages are read by their primary subtag (``kk-KZ``
is ``kk``; ``kz`` is taken for ``kk``); variants in other languages are ignored.

The writer emits one ``<tu>`` per unit of the memory (the sentences of all
languages that translate each other), the sentences as published, so another
tool reads them as ordinary text; slots are recomputed on import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from ..errors import InputError
from ..translation.protect import Protector
from .slots import abstract, pair_segments
from .store import Segment

__all__ = ["TranslationUnit", "read_tmx", "tmx_segments", "tmx_text"]

_LANGS = {"en": "en", "kk": "kk", "kz": "kk", "ru": "ru"}
_INLINE = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})
_XML_LANG = "http://www.w3.org/XML/1998/namespace lang"


@dataclass(frozen=True)
class TranslationUnit:
    """One ``<tu>``: its id (or position) and the text of each language."""

    id: str
    texts: Mapping[str, str]
    line: int


def read_tmx(path: str | Path) -> list[TranslationUnit]:
    """The translation units of a TMX file; an InputError naming the line when it is not TMX."""
    path = Path(path)
    units: list[TranslationUnit] = []
    stack: list[str] = []
    state: dict[str, object] = {}
    parser = expat.ParserCreate(namespace_separator=" ")

    def fail(message: str) -> InputError:
        return InputError(message, path=path, line=parser.CurrentLineNumber)

    def start(name: str, attrs: dict[str, str]) -> None:
        parent = stack[-1] if stack else None
        allowed = {None: {"tmx"}, "tmx": {"header", "body"}, "body": {"tu"}, "tu": {"tuv", "note", "prop"},
                   "tuv": {"seg", "note", "prop"}, "header": {"note", "prop", "ude"}, "ude": {"map"}}
        if parent in ("seg", "hi") or parent in _INLINE:
            if name not in _INLINE | {"hi"}:
                raise fail(f"<{name}> inside a segment is not TMX inline markup")
            state["inline"] = int(state.get("inline", 0)) + (name in _INLINE)  # type: ignore[call-overload]
        elif name not in allowed.get(parent, set()):
            raise fail(f"unexpected <{name}>" + (f" inside <{parent}>" if parent else ": not a TMX file"))
        if name == "tu":
            state.update(tu=attrs.get("tuid") or str(len(units) + 1), texts={}, tu_line=parser.CurrentLineNumber)
        elif name == "tuv":
            lang = attrs.get(_XML_LANG) or attrs.get("lang")
            if not lang:
                raise fail("<tuv> without xml:lang")
            state.update(lang=lang, seg=None)
        elif name == "seg":
            if state.get("seg") is not None:
                raise fail("a <tuv> with two <seg>")
            state["seg"] = []
        stack.append(name)

    def end(name: str) -> None:
        stack.pop()
        if name in _INLINE:
            state["inline"] = int(state["inline"]) - 1  # type: ignore[call-overload]
        elif name == "tuv":
            if state.get("seg") is None:
                raise fail("a <tuv> without <seg>")
            lang = _LANGS.get(str(state["lang"]).lower().replace("_", "-").split("-")[0])
            text = " ".join("".join(state["seg"]).split())  # type: ignore[arg-type]
            if lang is not None and text:
                state["texts"][lang] = text  # type: ignore[index]
        elif name == "tu":
            units.append(TranslationUnit(str(state["tu"]), dict(state["texts"]), int(state["tu_line"])))  # type: ignore[call-overload, arg-type]

    def text(data: str) -> None:
        if stack and (stack[-1] in ("seg", "hi")) and not state.get("inline"):
            state["seg"].append(data)  # type: ignore[union-attr]

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        with path.open("rb") as handle:
            parser.ParseFile(handle)
    except expat.ExpatError as exc:
        raise InputError(f"not well-formed XML: {expat.ErrorString(exc.code)}", path=path, line=exc.lineno, column=exc.offset + 1) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    return units


def tmx_segments(units: Iterable[TranslationUnit], protector: Protector, origin: str) -> tuple[list[Segment], int]:
    """The segments of TMX units (every language to every other), and how many units had two languages or more."""
    segments: list[Segment] = []
    used = 0
    for unit in units:
        if len(unit.texts) < 2:
            continue
        row = {}
        for lang, text in unit.texts.items():
            shielded = protector.shield([text], lang)
            row[lang] = abstract(shielded.text, shielded.parts)
        segments.extend(pair_segments(row, origin, f"{origin}#{unit.id}"))
        used += 1
    return segments, used


def tmx_text(segments: Iterable[Segment], *, tool_version: str = "0.1") -> str:
    """A TMX 1.4 document with one ``<tu>`` per unit of ``segments``."""
    from xml.sax.saxutils import escape, quoteattr

    units: dict[str, dict[str, str]] = {}
    meta: dict[str, Segment] = {}
    for segment in segments:
        texts = units.setdefault(segment.unit, {})
        texts.setdefault(segment.src, segment.source)
        texts.setdefault(segment.tgt, segment.target)
        meta.setdefault(segment.unit, segment)
    srclang = "en"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="translit" creationtoolversion={quoteattr(tool_version)} segtype="sentence" '
        f'o-tmf="translit" adminlang="en" srclang="{srclang}" datatype="plaintext"/>',
        "  <body>",
    ]
    for number, (unit, texts) in enumerate(units.items(), 1):
        first = meta[unit]
        lines.append(f'    <tu tuid="{number}" creationdate={quoteattr(_tmx_date(first.created))}>')
        lines.append(f'      <prop type="x-origin">{escape(first.origin)}</prop>')
        for lang in ("en", "kk", "ru"):
            if lang in texts:
                lines.append(f'      <tuv xml:lang="{lang}"><seg>{escape(texts[lang])}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)


def _tmx_date(stamp: str) -> str:
    """ISO 8601 as TMX writes it: YYYYMMDDThhmmssZ."""
    digits = stamp[:19].replace("-", "").replace(":", "")
    return digits + "Z" if digits else ""
