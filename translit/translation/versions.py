"""The English, Kazakh and Russian versions of a post, and the report of how each was made.

``make_versions(draft)`` parses the post (:mod:`translit.reading.document`), finds the
language of every block, and for every target language:

* the source language itself is *normalised*: institution names in their
  official form, dates/numbers in news style, quotes and dashes of the
  language; the prose is not touched;
* another language is machine-translated sentence by sentence through
  :class:`translit.mt.Translator`, with names, dates, numbers and contacts
  shielded (:mod:`translit.translation.protect`) and restored in the target's form;
* a sentence the translation memory (:mod:`translit.tm`) knows is filled
  from it before any engine: an exact match as it is, a fuzzy one inside
  ``[[fuzzy:SCORE]] … [[/fuzzy]]`` for review; the report says where every
  sentence came from;
* when no translation route exists, the version is still produced: every
  protected part is already in the target language and the prose is wrapped
  in ``[[untranslated:SRC]] … [[/untranslated]]`` for a translator.  Source
  prose is never passed off as a translation.

A block written in a language other than the post's is kept as it is in every
version and reported.  Nothing here prints; :class:`Versions` carries the
texts and a JSON-ready report.
"""

from __future__ import annotations

import datetime
import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import regex

from ..transliteration.alphabet import guess_by_letters
from ..config import LANG_NAMES, Config
from ..reading.document import Block, Break, Document, Lit, Node, Span, Text, parse, plain, render
from ..errors import EXIT_NO_ROUTE, EXIT_OK, InputError, TranslitError
from ..names.localize import typography
from .protect import PLACEHOLDER_RE, Part, Protector, Restored, Shielded
from ..language.detection import ADDRESS
from ..language.segment import split_sentences

if TYPE_CHECKING:
    from ..mt import Translator
    from ..names.glossary import Glossary
    from ..tm import Memory

__all__ = [
    "LANGUAGES",
    "UNTRANSLATED_OPEN",
    "UNTRANSLATED_CLOSE",
    "FUZZY_OPEN",
    "FUZZY_CLOSE",
    "LOST_MARK",
    "Versions",
    "make_versions",
]

LANGUAGES = ("en", "kk", "ru")
UNTRANSLATED_OPEN = "[[untranslated:{lang}]]"
UNTRANSLATED_CLOSE = "[[/untranslated]]"
FUZZY_OPEN = "[[fuzzy:{score}]]"
FUZZY_CLOSE = "[[/fuzzy]]"
"""Around a sentence taken from a fuzzy translation-memory match (SCORE 0–100): a translator reviews it."""
LOST_MARK = "[[lost:{text}]]"
"""Written where the engine dropped a protected part, so a human sees it; also in the report."""

_MIN_FOREIGN_LETTERS = 4
MAX_SENTENCE_CHARS = 400
"""Longer sentences are cut at a clause boundary before translation (see ``_sentences``)."""


@dataclass
class Versions:
    """The versions of a post (``texts[lang]``) and the report of how each block was made.

    ``report`` is JSON-ready (the ``NAME.report.json`` written by ``translit
    post``).  ``untranslated`` counts, per target, the blocks left for a
    translator because no route exists; ``lost`` counts protected parts an
    engine dropped.
    """

    source: str
    fmt: str
    texts: dict[str, str]
    report: dict[str, Any]
    untranslated: dict[str, int] = field(default_factory=dict)
    lost: int = 0

    def __getitem__(self, lang: str) -> str:
        return self.texts[lang]

    @property
    def en(self) -> str | None:
        """The English version, if it was asked for."""
        return self.texts.get("en")

    @property
    def kk(self) -> str | None:
        """The Kazakh version, if it was asked for."""
        return self.texts.get("kk")

    @property
    def ru(self) -> str | None:
        """The Russian version, if it was asked for."""
        return self.texts.get("ru")

    @property
    def exit_code(self) -> int:
        """EXIT_NO_ROUTE when some prose had to be left for a translator, else EXIT_OK."""
        return EXIT_NO_ROUTE if any(self.untranslated.values()) else EXIT_OK


# ------------------------------------------------------------------ units: the translatable text of a block


@dataclass
class _Unit:
    """The text of one block body (or of a span inside it), with its protected parts."""

    nodes: list[Node]
    mt: Shielded | None = None
    same: Shielded | None = None
    children: list["_Unit"] = field(default_factory=list)


def _pieces(nodes: list[Node], fmt: str, keep_breaks: bool, children: list[_Unit]) -> list[str | Part]:
    out: list[str | Part] = []
    child_iter = iter(children)
    for node in nodes:
        if isinstance(node, Text):
            out.append(plain(node, fmt))
        elif isinstance(node, Break):
            out.append(Part("markup", node.raw, "", payload=node) if keep_breaks else " ")
        elif isinstance(node, Lit):
            out.append(Part("markup", node.raw, "", payload=node))
        else:
            out.append(Part("markup", "", "", payload=(node, next(child_iter))))
    merged: list[str | Part] = []
    for piece in out:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def _build_unit(nodes: list[Node], fmt: str, lang: str, protector: Protector, context: str = "") -> _Unit:
    children = []
    seen = context
    for node in nodes:
        if isinstance(node, Span):
            # A link's text is translated on its own; the sentence before it still decides its case.
            children.append(_build_unit(node.children, fmt, lang, protector, seen))
        seen += _block_text([node], fmt)
    unit = _Unit(nodes, children=children)
    unit.mt = protector.shield(_pieces(nodes, fmt, False, children), lang, context=context)
    unit.same = protector.shield(_pieces(nodes, fmt, True, children), lang, context=context)
    return unit


def _walk(unit: _Unit) -> list[_Unit]:
    out = [unit]
    for child in unit.children:
        out.extend(_walk(child))
    return out


def _block_text(nodes: list[Node], fmt: str) -> str:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(plain(node, fmt))
        elif isinstance(node, Span):
            out.append(_block_text(node.children, fmt))
        else:
            out.append(" ")
    return "".join(out)


# ------------------------------------------------------------------ language of blocks


_LETTERS = regex.compile(r"\p{L}")
DETECT_CHARS = 300
"""Language detection reads the start of a block: a paragraph's language shows in its first sentences."""


def _detect(text: str, languages: tuple[str, ...] | None) -> tuple[str, float, str | None]:
    """Language, confidence, and the romanization scheme when the block is Kazakh typed in Latin letters."""
    from ..language.detection import detect
    from ..language.segment import own_words

    det = detect(own_words(text[:DETECT_CHARS]), languages)
    if det.lang in LANGUAGES and not det.romanized:
        return det.lang, float(det.confidence), None
    if det.lang == "kk" and det.romanized and det.confidence >= _MIN_ROMANIZED_CONFIDENCE:
        return "kk", float(det.confidence), det.scheme or "kk-news"
    return guess_by_letters(text), 0.3, None


_MIN_ROMANIZED_CONFIDENCE = 0.6
_CONTRADICTION_SHARE = 1 / 3
"""``--from X`` contradicts a draft when less than this share of its letters reads as X."""
_CONTRADICTION_LETTERS = 40
"""Shorter drafts are too short to contradict what the editor says their language is."""


def _check_source(source: str | None, weights: Counter[str]) -> None:
    """An input error when ``--from`` names a language the draft is not written in."""
    total = sum(weights.values())
    if source is None or total < _CONTRADICTION_LETTERS:
        return
    top, _ = weights.most_common(1)[0]
    if top != source and weights[source] < total * _CONTRADICTION_SHARE:
        share = round(100 * weights[top] / total)
        raise InputError(
            f"--from {source}: the draft reads as {LANG_NAMES[top]} ({top}, {share}% of its letters); "
            f"omit --from to detect the language, or pass --from {top}"
        )


def _recovered(block: Block, fmt: str) -> tuple[Block, list[tuple[str, str]]]:
    """A Latin-typed Kazakh block in Cyrillic (translit.recover), and the typos recovery suggests (typed, suggested)."""
    from ..recovery import recover

    typos: list[tuple[str, str]] = []

    def convert(nodes: list[Node]) -> list[Node]:
        out: list[Node] = []
        for node in nodes:
            if isinstance(node, Text) and _LETTERS.search(node.raw):
                source = html.unescape(node.raw) if fmt == "html" else node.raw
                result = recover(source)
                typos.extend((w.latin, w.suggestions[0].cyrillic) for w in result.typos if w.suggestions)
                out.append(Text(html.escape(result.text, quote=False) if fmt == "html" else result.text))
            elif isinstance(node, Span):
                out.append(Span(node.role, node.open, convert(node.children), node.close))
            else:
                out.append(node)
        return out

    return Block(block.kind, block.lead, convert(block.body), block.trail, block.translatable, block.line), typos


# ------------------------------------------------------------------ the pipeline


class _Pipeline:
    def __init__(
        self, config: Any, translator: Any, glossary: Any, notes: list[str], date: datetime.date | None = None
    ) -> None:
        self.config = config
        self.notes = notes
        self.translator = translator
        schemes = {lang: config.scheme(lang) for lang in ("kk", "ru")} if config is not None else {}
        style = "us"
        if config is not None:
            style = dict(config.date_style).get("en", "us")
        from ..language.detection import detect
        from ..names.renaming import renamed_policy

        self.protector = Protector(
            glossary, schemes=schemes, date_style=style, title_detector=detect, renamed=renamed_policy(config), date=date,
            later_surnames=True,
        )

    def route(self, src: str, tgt: str) -> tuple[Any, str | None]:
        if self.translator is None:
            return None, f"no machine-translation engine available for {src}→{tgt}"
        try:
            return self.translator.route(src, tgt), None
        except TranslitError as exc:
            return None, str(exc)


def _load_glossary(config: Any) -> Any:
    from ..names.glossary import Glossary

    paths = list(getattr(config, "glossaries", ()) or ()) if config is not None else []
    return Glossary.load(paths) if paths else Glossary.load()


def _make_translator(config: Any) -> Any:
    from .. import mt

    mt_config = mt.MTConfig.from_project(config) if config is not None else mt.load_config()
    return mt.Translator(mt_config)


def make_versions(
    text: str,
    *,
    source: str | None = None,
    targets: Sequence[str] = LANGUAGES,
    fmt: str = "auto",
    config: Config | None = None,
    translator: Translator | None = None,
    glossary: Glossary | None = None,
    max_sentence_chars: int | None = None,
    date: datetime.date | None = None,
    memory: Memory | Literal[False] | None = None,
) -> Versions:
    """The ``targets`` versions of the post ``text`` (source language detected per block when not given).

    ``config`` is a :class:`translit.config.Config` (schemes for names, date
    style, glossaries, ``[mt]`` engines, ``[post] max_sentence_chars``);
    ``translator`` and ``glossary`` replace the ones built from it (for
    embedding and tests).  ``date`` is the day the post is about (default:
    the first full date in it), which decides how a renamed institution is
    named (``[glossaries] renamed``).  ``memory`` is a
    :class:`translit.tm.Memory` (default: the one ``[tm]`` configures, or the
    user's default memory when it exists; ``False``: none).  When no route
    exists for a target, that version carries the prose inside
    ``[[untranslated:SRC]] … [[/untranslated]]`` and ``Versions.exit_code``
    is ``EXIT_NO_ROUTE``. The editor's ``translit: ignore[...]`` markers are
    left out of every version (:func:`translit.reading.markers.strip_markers`).
    """
    from ..reading.markers import strip_markers

    text = strip_markers(text)
    for lang in [*targets, *([source] if source else [])]:
        if lang not in LANGUAGES:
            raise TranslitError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    notes: list[str] = []
    if config is None:
        from ..config import load_config

        config = load_config()
    post_settings = config.section("post")
    unknown = sorted(set(post_settings) - {"max_sentence_chars"})
    if unknown:
        raise TranslitError(f"[post] unknown key {unknown[0]!r} (known: max_sentence_chars)", path=config.path)
    if max_sentence_chars is None:
        value = post_settings.get("max_sentence_chars", MAX_SENTENCE_CHARS)
        if not isinstance(value, int) or isinstance(value, bool) or value < 40:
            raise TranslitError("[post] max_sentence_chars must be an integer of at least 40", path=config.path)
        max_sentence_chars = value
    doc = parse(text, fmt)
    if glossary is None:
        glossary = _load_glossary(config)
    if translator is None:
        translator = _make_translator(config)
    owned_memory = memory is None
    if memory is None:
        from ..tm.matching import open_memory

        memory = open_memory(config, required=False, create=False)
    try:
        return _make(text, doc, source, targets, config, translator, glossary, max_sentence_chars, date, memory or None, notes)
    finally:
        if owned_memory and memory:
            memory.close()


def _make(
    text: str,
    doc: Document,
    source: str | None,
    targets: Sequence[str],
    config: Any,
    translator: Any,
    glossary: Any,
    max_sentence_chars: int,
    date: datetime.date | None,
    memory: Any,
    notes: list[str],
) -> Versions:
    from ..names.renaming import post_date

    pipe = _Pipeline(config, translator, glossary, notes, date or post_date(text))

    block_langs: list[str | None] = []
    romanized: dict[int, str] = {}
    weights: Counter[str] = Counter()
    for i, block in enumerate(doc.blocks):
        if not block.translatable:
            block_langs.append(None)
            continue
        body = _block_text(block.body, doc.fmt)
        # the letters of links and e-mail addresses are no language's: a block of them alone has none
        letters = len(_LETTERS.findall(ADDRESS.sub(" ", body)))
        if not letters and _LETTERS.search(body):
            block_langs.append(None)
            continue
        lang, _conf, scheme = _detect(body, config.detect_languages)
        block_langs.append(lang if lang in LANGUAGES else None)
        if scheme is not None:
            romanized[i] = scheme
        if lang in LANGUAGES:
            weights[lang] += letters
    _check_source(source, weights)
    src = source or (weights.most_common(1)[0][0] if weights else "en")
    typos_found: list[tuple[int, str, str]] = []  # (line, typed word, suggestion) for the editor
    if src == "kk":
        # A draft typed in Latin letters is Kazakh: its Kazakh version is the draft in Cyrillic.
        for i, scheme in romanized.items():
            doc.blocks[i], typos = _recovered(doc.blocks[i], doc.fmt)
            notes.append(f"line {doc.blocks[i].line}: Latin-typed Kazakh ({scheme}) read as Kazakh and recovered to Cyrillic")
            typos_found.extend((doc.blocks[i].line, latin, cyrillic) for latin, cyrillic in typos)

    units: dict[int, _Unit] = {}
    foreign: dict[int, None] = {}  # ordered, and a membership test costs O(1) on a post of many blocks
    for i, block in enumerate(doc.blocks):
        block_lang = block_langs[i]
        if block_lang is None:
            continue
        letters = len(_LETTERS.findall(_block_text(block.body, doc.fmt)))
        if block_lang != src and letters >= _MIN_FOREIGN_LETTERS:
            foreign[i] = None
            continue
        units[i] = _build_unit(block.body, doc.fmt, src, pipe.protector)

    texts: dict[str, str] = {}
    routes: dict[str, Any] = {}
    no_route: dict[str, str] = {}
    untranslated: Counter[str] = Counter()
    origin_counts: dict[str, Counter[str]] = {tgt: Counter() for tgt in targets if tgt != src}
    lost_total = 0
    block_reports: list[dict[str, Any]] = []
    per_block: dict[int, dict[str, Any]] = {i: {} for i in range(len(doc.blocks))}

    for tgt in targets:
        route = None
        if tgt != src:
            route, why = pipe.route(src, tgt)
            if route is None:
                no_route[tgt] = why or "no route"
            routes[tgt] = route.as_dict() if route is not None and hasattr(route, "as_dict") else None
        translations: dict[int, str] = {}
        origins: dict[int, list[dict[str, Any]]] = {}
        mt_errors: list[str] = []
        if tgt != src:
            engine = pipe.translator if route is not None else None
            translations, origins, mt_errors = _translate_all(engine, units, src, tgt, max_sentence_chars, memory, notes)
            for item in (o for listed in origins.values() for o in listed):
                origin_counts[tgt][item["origin"]] += 1
            if mt_errors:
                # The engine failed: the version is made as if there were no route, and says why.
                notes.extend(mt_errors)
                no_route[tgt] = mt_errors[0]
        out_blocks: list[Block] = []
        for i, block in enumerate(doc.blocks):
            if i not in units:
                out_blocks.append(block)
                if i in foreign:
                    per_block[i][tgt] = {"status": "kept", "reason": f"block is in {block_langs[i]}, not {src}"}
                continue
            unit = units[i]
            engine_ok = route is not None and not mt_errors
            mode = "same" if tgt == src else ("mt" if engine_ok or id(unit) in translations else "untranslated")
            if mode == "untranslated" and block.kind == "image":
                # Markers inside an image's markup would break it: the image stays, its alt text is reported.
                out_blocks.append(block)
                per_block[i][tgt] = {"status": "kept", "reason": "an image: its alt text is left for a translator"}
                continue
            body, info = _render_unit(unit, pipe.protector, doc.fmt, src, tgt, mode, translations)
            sentences = [item for part in _walk(unit) for item in origins.get(id(part), [])]
            if mode == "untranslated" and info["has_prose"]:
                body = f"{UNTRANSLATED_OPEN.format(lang=src)} {body} {UNTRANSLATED_CLOSE}"
                untranslated[tgt] += 1
                info["status"] = "untranslated"
            elif any(item["origin"] == "untranslated" for item in sentences):
                untranslated[tgt] += 1  # some sentences from the memory, the others marked for a translator
                info["status"] = "untranslated"
            if sentences:
                info["sentences"] = sentences
            lost_total += len(info["lost"])
            if mode == "same" and not info["changed"]:
                out_blocks.append(block)  # nothing to normalise: the draft's bytes (entities, line breaks) stay
            else:
                out_blocks.append(Block(block.kind, block.lead, [Text(body)], block.trail, True, block.line))
            if route is not None and mode == "mt":
                info["route"] = route.describe() if hasattr(route, "describe") else str(route)
                info["engines"] = list(getattr(route, "engines", ()))
            info.pop("has_prose", None)
            info.pop("changed", None)
            per_block[i][tgt] = info
        texts[tgt] = render(Document(doc.fmt, out_blocks))

    for i, block in enumerate(doc.blocks):
        typos_found.extend(
            (block.line, latin, cyrillic)
            for info in per_block[i].values() for applied in info.get("applied", ()) for latin, cyrillic in applied.get("typos", ())
        )
        if not block.translatable and i not in foreign:
            continue
        block_reports.append({
            "index": i,
            "line": block.line,
            "kind": block.kind,
            "lang": block_langs[i],
            "targets": per_block[i],
        })
    report = {
        "source": src,
        "source_given": source is not None,
        "format": doc.fmt,
        "targets": list(targets),
        "routes": routes,
        "no_route": no_route,
        "untranslated_blocks": dict(untranslated),
        "lost_parts": lost_total,
        "foreign_blocks": [
            {"index": i, "line": doc.blocks[i].line, "lang": block_langs[i]} for i in foreign
        ],
        "untranslated_marker": [UNTRANSLATED_OPEN.format(lang=src), UNTRANSLATED_CLOSE],
        "origins": {tgt: dict(counts) for tgt, counts in origin_counts.items()},
        "memory": memory.store.location if memory else None,
        "fuzzy_marker": [FUZZY_OPEN.format(score="SCORE"), FUZZY_CLOSE],
        "notes": notes,
        "typos": [{"line": line, "word": latin, "suggestion": cyrillic} for line, latin, cyrillic in dict.fromkeys(typos_found)],
        "blocks": block_reports,
    }
    return Versions(src, doc.fmt, texts, report, dict(untranslated), lost_total)


_CLAUSE_CUTS = tuple(regex.compile(p) for p in (r"[;:]\s+", r",\s+", r"\s[—–-]\s+", r"\s+"))


def _sentences(text: str, max_chars: int) -> list[str]:
    """Sentences of a shielded unit; joining them gives ``text`` back exactly.

    A sentence longer than ``max_chars`` is cut after a clause (``;``, ``:``,
    ``,``, a dash) or failing that a space: CTranslate2 stops decoding at 256
    tokens by default, and a cut-off translation would lose the names at the end.
    """
    # A placeholder stands for a name, a date or a number: the splitter sees a capitalised word there,
    # so "… қатысты. ⟦2⟧ Токиода …" is two sentences, as the text it stands for is.
    sentences, start = [], 0
    for piece in split_sentences(PLACEHOLDER_RE.sub(lambda m: "X" * len(m.group()), text)):
        sentences.append(text[start:start + len(piece)])
        start += len(piece)
    out: list[str] = []
    for sentence in sentences:
        while len(sentence) > max_chars:
            window = sentence[:max_chars]
            cut = -1
            for pattern in _CLAUSE_CUTS:
                found = [m.end() for m in pattern.finditer(window) if m.end() > max_chars // 3]
                if found:
                    cut = found[-1]
                    break
            if cut <= 0:
                break
            out.append(sentence[:cut])
            sentence = sentence[cut:]
        out.append(sentence)
    return out


def _translate_all(
    translator: Any, units: dict[int, _Unit], src: str, tgt: str, max_chars: int, memory: Any = None, notes: list[str] | None = None
) -> tuple[dict[int, str], dict[int, list[dict[str, Any]]], list[str]]:
    """The target text of every unit with prose, where each sentence came from, and the engine's errors.

    A sentence the memory knows is filled from it; the engine gets the others
    in one batch for the whole post. Without an engine (``translator`` None, or
    it failed), a block the memory filled in part keeps its other sentences
    inside untranslated markers; a block it did not fill at all gets no text
    here, and the caller marks it whole, as before.
    """
    trees = [[(unit, _sentences(unit.mt.text, max_chars)) for unit in _walk(top) if unit.mt is not None and unit.mt.has_prose]
             for top in units.values()]
    done: dict[tuple[int, int], str] = {}
    origins: dict[tuple[int, int], dict[str, Any]] = {}
    if memory is not None:
        try:
            _from_memory(memory, trees, src, tgt, done, origins)
        except TranslitError as exc:
            (notes if notes is not None else []).append(f"translation memory not used for {tgt}: {exc}")
    rest = [(id(unit), k, sentence) for tree in trees for unit, sentences in tree for k, sentence in enumerate(sentences)
            if (id(unit), k) not in done]
    errors: list[str] = []
    if translator is not None and rest:
        try:
            engine = translator.translate_batch([sentence for _, _, sentence in rest], src, tgt)
        except TranslitError as exc:
            errors = [f"{src}→{tgt}: {exc}"]
        else:
            for (key, k, _), translated in zip(rest, engine):
                done[(key, k)] = translated
                origins[(key, k)] = {"origin": "engine"}
    engine_ok = translator is not None and not errors
    out: dict[int, str] = {}
    sentence_origins: dict[int, list[dict[str, Any]]] = {}
    for top, tree in zip(units.values(), trees):
        filled = engine_ok or any((id(unit), k) in origins for unit, sentences in tree for k in range(len(sentences)))
        for unit, sentences in tree:
            key = id(unit)
            pieces = []
            for k, sentence in enumerate(sentences):
                if (key, k) in done:
                    pieces.append(_spaced(done[(key, k)], sentence))
                    continue
                if _LETTERS.search(PLACEHOLDER_RE.sub("", sentence)):
                    origins[(key, k)] = {"origin": "untranslated"}
                    body = sentence.rstrip()
                    pieces.append(_spaced(f"{UNTRANSLATED_OPEN.format(lang=src)} {body} {UNTRANSLATED_CLOSE}", sentence))
                else:
                    origins[(key, k)] = {"origin": "protected"}  # names, dates and numbers only: written in the target's form
                    pieces.append(sentence)
            sentence_origins[key] = [origins[(key, k)] for k in range(len(sentences))]
            if filled:
                out[key] = "".join(pieces)
        if filled and id(top) not in out:
            assert top.mt is not None
            out[id(top)] = top.mt.text
    return out, sentence_origins, errors


def _from_memory(
    memory: Any, trees: list[list[tuple[_Unit, list[str]]]], src: str, tgt: str,
    done: dict[tuple[int, int], str], origins: dict[tuple[int, int], dict[str, Any]],
) -> None:
    """Fill ``done`` with every sentence the memory has (exact as it is, fuzzy inside the review marker)."""
    from ..tm.slots import abstract, fill

    for tree in trees:
        for unit, sentences in tree:
            assert unit.mt is not None
            for k, sentence in enumerate(sentences):
                if not _LETTERS.search(PLACEHOLDER_RE.sub("", sentence)):
                    continue
                abstracted = abstract(sentence, unit.mt.parts)
                match = memory.lookup(abstracted, src, tgt)
                if match is None:
                    continue
                text = fill(match.segment.template, abstracted.numbers)
                if not match.exact:
                    text = f"{FUZZY_OPEN.format(score=int(match.score))} {text} {FUZZY_CLOSE}"
                done[(id(unit), k)] = text
                origins[(id(unit), k)] = {
                    "origin": "memory-exact" if match.exact else "memory-fuzzy",
                    **({} if match.exact else {"score": int(match.score)}),
                    "memory": {"source": match.segment.source, "target": match.segment.target, "origin": match.segment.origin,
                               **({"alternatives": match.alternatives} if match.alternatives else {})},
                }


def _spaced(translated: str, source: str) -> str:
    """Keep the source sentence's trailing space, which joins it to the next one."""
    tail = source[len(source.rstrip()):]
    return translated.rstrip() + tail if tail else translated


def _render_unit(
    unit: _Unit,
    protector: Protector,
    fmt: str,
    src: str,
    tgt: str,
    mode: str,
    translations: dict[int, str],
) -> tuple[str, dict[str, Any]]:
    """The target text of a unit (escaped for ``fmt``) and what was applied, lost and noted."""
    shielded = unit.same if mode in ("same", "untranslated") else unit.mt
    assert shielded is not None
    if mode == "mt" and shielded.has_prose:
        prose = translations.get(id(unit), shielded.text)
        status = "translated"
    else:
        prose = shielded.text
        status = "normalised" if mode == "same" else "protected-only"
    changed = False
    if mode != "untranslated":
        styled = typography(prose, tgt)
        changed = styled != prose
        prose = styled
    if fmt == "html":
        prose = html.escape(prose, quote=False)
    child_info: list[dict[str, Any]] = []
    escape = (lambda s: html.escape(s, quote=False)) if fmt == "html" else (lambda s: s)

    def render_markup(part: Part) -> str:
        payload = part.payload
        if isinstance(payload, (Lit, Break)):
            return payload.raw
        span, child = payload
        text, info = _render_unit(child, protector, fmt, src, tgt, mode, translations)
        child_info.append(info)
        return span.open + text + span.close

    restored: Restored = protector.restore(prose, shielded, tgt, render_markup=render_markup, escape=escape)
    text = restored.text
    lost = [p for p in restored.lost]
    for part in lost:
        if part.kind == "markup":
            # Inline structure the engine dropped goes back at the end, never silently away.
            text += ("" if not text or text[-1].isspace() else " ") + render_markup(part)
        else:
            text += " " + LOST_MARK.format(text=escape(protector.render(part, tgt).target))
    applied = [
        {"kind": a.part.kind, "source": a.part.text, "target": a.target, **({"note": a.note} if a.note else {}),
         **({"typos": [list(pair) for pair in a.typos]} if a.typos else {})}
        for a in restored.applied
        if a.part.kind != "markup"
    ]
    for child in child_info:
        applied.extend(child["applied"])
    info: dict[str, Any] = {
        "status": status,
        "applied": applied,
        "lost": [{"kind": p.kind, "source": p.text} for p in lost if p.kind != "markup"]
        + [x for c in child_info for x in c["lost"]],
        "has_prose": shielded.has_prose or any(c.get("has_prose") for c in child_info),
        # Whether the normalised text differs from the draft (else the draft's own bytes are kept).
        "changed": changed or bool(lost) or any(a.target != a.part.text for a in restored.applied if a.part.kind != "markup")
        or any(c["changed"] for c in child_info),
    }
    if restored.notes:
        info["notes"] = restored.notes
    return text, info
