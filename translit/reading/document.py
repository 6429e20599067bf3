"""A post as an ordered list of blocks that renders back byte for byte.

``parse(text, fmt)`` splits a plain-text, Markdown or HTML-fragment post into
:class:`Block` objects (heading, paragraph, list item, quote, caption, image,
code, table, markup, blank).  Every byte of the input belongs to exactly one
block, so ``render(parse(text)) == text`` always holds; translation replaces
the ``body`` of a block and nothing else, which is why a block can never be
lost, merged or reordered.

Inside a block the body is a small tree: :class:`Text` (prose),
:class:`Lit` (markup kept verbatim: code spans, tags, autolinks),
:class:`Break` (a line break inside a paragraph, read as a space) and
:class:`Span` (link text, emphasis, image alt text: the markup around it is
kept, the text inside is translated on its own).

Markdown block boundaries come from markdown-it-py's source maps (so lists,
fences, setext headings and HTML blocks are recognised as CommonMark does);
the inline level and HTML fragments use small exact tokenisers, because the
libraries' token streams drop the source bytes (whitespace, entity spelling,
attribute quoting) that an exact round trip needs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Union

from ..errors import InputError, TranslitError

__all__ = [
    "Block",
    "Break",
    "Document",
    "Lit",
    "Node",
    "Span",
    "Text",
    "FORMATS",
    "detect_format",
    "format_for_path",
    "parse",
    "plain",
    "render",
    "render_block",
]

FORMATS = ("text", "markdown", "html")
# Deeper nesting than this is refused with an error naming the line, never parsed in part and
# never left to Python's recursion limit: lists and quotes (Markdown) and inline markup.
MAX_BLOCK_DEPTH = 100
MAX_INLINE_DEPTH = 64


@dataclass
class Text:
    """Prose as written in the source (HTML entities still escaped)."""

    raw: str


@dataclass
class Lit:
    """Markup or code kept verbatim and never translated."""

    raw: str


@dataclass
class Break:
    """A line break inside a block (with the next line's indentation or quote marks)."""

    raw: str


@dataclass
class Span:
    """Inline markup around translatable text: ``role`` is link, em, strong, image or other."""

    role: str
    open: str
    children: list["Node"]
    close: str


Node = Union[Text, Lit, Break, Span]


@dataclass
class Block:
    """One block of the post: ``lead`` + body + ``trail`` is exactly its source text."""

    kind: str
    lead: str
    body: list[Node] = field(default_factory=list)
    trail: str = ""
    translatable: bool = True
    line: int = 1


@dataclass
class Document:
    """A parsed post: its format and its blocks in source order."""

    fmt: str
    blocks: list[Block]


# ------------------------------------------------------------------ rendering


def _render_nodes(nodes: list[Node]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Span):
            out.append(node.open)
            out.append(_render_nodes(node.children))
            out.append(node.close)
        else:
            out.append(node.raw)
    return "".join(out)


def render_block(block: Block) -> str:
    """The exact text of one block."""
    return block.lead + _render_nodes(block.body) + block.trail


def render(doc: Document) -> str:
    """The exact text of a document: ``render(parse(t)) == t``."""
    return "".join(render_block(b) for b in doc.blocks)


def plain(node: Text, fmt: str) -> str:
    """The prose of a text node, as a translator reads it (HTML entities decoded)."""
    return html.unescape(node.raw) if fmt == "html" else node.raw


# ------------------------------------------------------------------ format detection

_HTML_HINT = re.compile(
    r"<(?:p|div|h[1-6]|ul|ol|li|a|img|figure|figcaption|span|strong|em|b|i|br|table|section|article|blockquote)\b[^>]*>",
    re.IGNORECASE,
)
_MD_HINT = re.compile(
    r"^(?: {0,3}(?:#{1,6}[ \t]|[-*+][ \t]+\S|\d{1,9}[.)][ \t]+\S|>|```|~~~)|.*\[[^\]\n]+\]\([^)\n]+\)|.*\*\*\S)",
    re.MULTILINE,
)


def detect_format(text: str) -> str:
    """Guess ``text``, ``markdown`` or ``html`` from the content."""
    if _HTML_HINT.search(text) and text.lstrip().startswith("<"):
        return "html"
    if len(_HTML_HINT.findall(text)) >= 2 and "\n\n" not in text:
        return "html"
    if _MD_HINT.search(text):
        return "markdown"
    return "text"


def format_for_path(path: str | Path, text: str) -> str:
    """The format a file's extension names, else the one its content suggests."""
    suffix = Path(str(path)).suffix.lower()
    if suffix in (".md", ".markdown", ".mdown"):
        return "markdown"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix == ".txt":
        return "text"
    return detect_format(text)


def parse(text: str, fmt: str = "auto") -> Document:
    """Split a post into blocks; ``fmt`` is auto, text, markdown or html."""
    if fmt == "auto":
        fmt = detect_format(text)
    if fmt == "text":
        blocks = _parse_text(text)
    elif fmt == "markdown":
        blocks = _parse_markdown(text)
    elif fmt == "html":
        blocks = _parse_html(text)
    else:
        raise TranslitError(f"unknown format {fmt!r}; expected one of auto, {', '.join(FORMATS)}")
    _number_lines(blocks)
    return Document(fmt, blocks)


def _number_lines(blocks: list[Block]) -> None:
    line = 1
    for block in blocks:
        block.line = line
        line += _line_ends(render_block(block))


def _line_ends(text: str) -> int:
    """How many lines ``text`` ends (CR, LF and CRLF each end one), counted without a regex."""
    ends = text.count("\n")
    if "\r" in text:
        ends += text.count("\r") - text.count("\r\n")
    return ends


# ------------------------------------------------------------------ shared helpers

_LINE_END = re.compile(r"\r\n|\n|\r")
_CAPTION_WORDS = re.compile(r"(?i)(?:^|\s)(?:photo|фото|сурет|суретте|фотосурет)(?:\s|$|[.:])")


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True) if text else []


def _trim(block: Block) -> Block:
    """Move leading/trailing whitespace of the body into lead/trail, so prose starts and ends cleanly."""
    body = block.body
    if body and isinstance(body[0], Text):
        stripped = body[0].raw.lstrip()
        if stripped != body[0].raw:
            block.lead += body[0].raw[: len(body[0].raw) - len(stripped)]
            body[0] = Text(stripped)
    if body and isinstance(body[-1], Text):
        stripped = body[-1].raw.rstrip()
        if stripped != body[-1].raw:
            block.trail = body[-1].raw[len(stripped):] + block.trail
            body[-1] = Text(stripped)
    block.body = [n for n in body if not (isinstance(n, Text) and n.raw == "")]
    if not any(_has_prose(n) for n in block.body):
        block.translatable = False
    return block


def _has_prose(node: Node) -> bool:
    if isinstance(node, Text):
        return bool(node.raw.strip())
    if isinstance(node, Span):
        return any(_has_prose(c) for c in node.children)
    return False


# ------------------------------------------------------------------ plain text


def _parse_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    for line in _lines(text):
        if not line.strip():
            blocks.append(Block("blank", line, [], "", False))
            continue
        content = line.rstrip("\r\n")
        ending = line[len(content):]
        kind = "caption" if len(content.split()) <= 8 and _CAPTION_WORDS.search(content) else "paragraph"
        blocks.append(_trim(Block(kind, "", [Text(content)], ending)))
    return blocks


# ------------------------------------------------------------------ Markdown inline

_MD_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->)"
    r"|(?P<image>!\[(?P<alt>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\](?P<idest>\((?:[^()\s\\]|\\.|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)|\[[^\[\]]*\]))"
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\](?P<ldest>\((?:[^()\s\\]|\\.|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)|\[[^\[\]]*\]))"
    r"|(?P<strong>(?P<sd>\*\*|__)(?=\S)(?P<stext>.+?)(?<=\S)(?P=sd))"
    r"|(?P<em>(?P<ed>\*|(?<![A-Za-z0-9_])_)(?=[^\s*_])(?P<etext>.+?)(?<=[^\s*_])(?P=ed)(?![A-Za-z0-9_]))"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<brk>(?: {2,}|\\)?(?:\r\n|\n|\r)[ \t]*(?:>[ \t]?)*[ \t]*)",
    re.DOTALL,
)


# Where a match of _MD_INLINE can begin: its first character, or the first of two or more spaces before a
# line end (a hard break). _MD_INLINE's branches are named groups, so the regex engine cannot skip ahead to
# these by itself: it would try every branch at every character of the prose. A pattern that starts with a
# character class is searched for by that class alone (see tests/test_fast_patterns.py).
_MD_INLINE_START = re.compile(r"[`<!\[*_\\\r\n ](?:(?<! )|(?= +[\r\n]))")


def _md_inline_matches(src: str) -> Iterator[re.Match[str]]:
    """The matches ``_MD_INLINE.finditer(src)`` yields, trying the regex only where one can begin."""
    search, match = _MD_INLINE_START.search, _MD_INLINE.match
    pos = 0
    while (candidate := search(src, pos)) is not None:
        found = match(src, candidate.start())
        if found is None:
            pos = candidate.start() + 1
        else:
            yield found
            pos = found.end()


def _md_inline(src: str, depth: int = 0) -> list[Node]:
    if depth > MAX_INLINE_DEPTH:
        raise InputError(f"inline markup (links, emphasis) nested deeper than {MAX_INLINE_DEPTH} levels")
    nodes: list[Node] = []
    buf: list[str] = []
    pos = 0

    def flush() -> None:
        if buf:
            nodes.append(Text("".join(buf)))
            buf.clear()

    for m in _md_inline_matches(src):
        if m.start() > pos:
            buf.append(src[pos:m.start()])
        pos = m.end()
        kind = m.lastgroup  # the outermost group of the branch that matched: it closes last
        if kind == "escape":
            buf.append(m.group())
            continue
        flush()
        if kind in ("code", "autolink", "tag"):
            nodes.append(Lit(m.group()))
        elif kind == "image":
            nodes.append(Span("image", "![", _md_inline(m.group("alt"), depth + 1), "]" + m.group("idest")))
        elif kind == "link":
            nodes.append(Span("link", "[", _md_inline(m.group("ltext"), depth + 1), "]" + m.group("ldest")))
        elif kind == "strong":
            d = m.group("sd")
            nodes.append(Span("strong", d, _md_inline(m.group("stext"), depth + 1), d))
        elif kind == "em":
            d = m.group("ed")
            nodes.append(Span("em", d, _md_inline(m.group("etext"), depth + 1), d))
        else:
            nodes.append(Break(m.group()))
    if pos < len(src):
        buf.append(src[pos:])
    flush()
    return nodes


# ------------------------------------------------------------------ Markdown blocks

_MD_PREFIX = re.compile(r"[ \t]*(?:(?:>[ \t]?)|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|(?=\r?\n|$))(?:\[[ xX]\][ \t]+)?)*")
_ATX_OPEN = re.compile(r"[ \t]*(?:(?:>[ \t]?)|(?:[-*+]|\d{1,9}[.)])[ \t]+)*#{1,6}(?:[ \t]+|(?=\r?\n|$))")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*(?:\r\n|\n|\r)?$")
_TRAIL = re.compile(r"[ \t]*(?:\r\n|\n|\r)?$")


@lru_cache(maxsize=1)
def _markdown_it():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    # The inline pass is most of markdown-it's time, and only an image paragraph needs its tokens:
    # it runs for those paragraphs alone (_inline_tokens).
    return MarkdownIt("commonmark", {"maxNesting": MAX_BLOCK_DEPTH}).enable("table").disable("inline")


def _inline_tokens(inline, env):  # type: ignore[no-untyped-def]
    """The inline tokens of one paragraph, as markdown-it's core "inline" and "text_join" rules make them."""
    from markdown_it.rules_core.state_core import StateCore
    from markdown_it.rules_core.text_join import text_join

    md = _markdown_it()
    inline.children = []
    md.inline.parse(inline.content, md, env, inline.children)
    text_join(StateCore("", md, env, [inline]))
    return inline.children


def _md_leaves(text: str) -> list[tuple[int, int, str]]:
    """(first line, end line, kind) of every leaf block markdown-it finds, in order."""
    env: dict[str, object] = {}  # link reference definitions, which an image may use
    tokens = _markdown_it().parse(text, env)
    leaves: list[tuple[int, int, str]] = []
    parents: list[str] = []
    skip_until = -1
    for i, tok in enumerate(tokens):
        if tok.level >= MAX_BLOCK_DEPTH - 2:
            # markdown-it stops parsing at maxNesting and drops the rest of the block silently.
            line = tok.map[0] + 1 if tok.map else None
            raise InputError(f"lists or quotes nested deeper than {MAX_BLOCK_DEPTH // 2} levels", line=line)
        if tok.nesting == 1 and tok.type in ("list_item_open", "blockquote_open"):
            parents.append(tok.type)
        elif tok.nesting == -1 and tok.type in ("list_item_close", "blockquote_close"):
            parents.pop()
        if tok.map is None or tok.map[0] < skip_until:
            continue
        start, end = tok.map
        if tok.type == "heading_open":
            leaves.append((start, end, "heading"))
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            children = _inline_tokens(inline, env) if "![" in inline.content else []  # no image without "!["
            meaningful = [c for c in children if c.type not in ("softbreak", "hardbreak") and not (c.type == "text" and not c.content.strip())]
            if meaningful and all(c.type == "image" for c in meaningful):
                kind = "image"
            elif "list_item_open" in parents:
                kind = "list_item"
            elif "blockquote_open" in parents:
                kind = "quote"
            else:
                kind = "paragraph"
            leaves.append((start, end, kind))
        elif tok.type in ("fence", "code_block"):
            leaves.append((start, end, "code"))
        elif tok.type == "html_block":
            leaves.append((start, end, "html"))
        elif tok.type == "table_open":
            leaves.append((start, end, "table"))
            skip_until = end
        elif tok.type == "hr":
            leaves.append((start, end, "markup"))
    return leaves


def _md_block(lines: list[str], kind: str, setext: bool) -> list[Block]:
    src = "".join(lines)
    if kind in ("code", "table", "markup"):
        return [Block(kind, src, [], "", False)]
    if kind == "html":
        return _parse_html(src)
    trail = ""
    if setext:
        trail = lines[-1]
        lines = lines[:-1]
        src = "".join(lines)
    opener = _ATX_OPEN if kind == "heading" and not setext else _MD_PREFIX
    m = opener.match(src)
    lead = m.group() if m else ""
    body_src = src[len(lead):]
    closer = _ATX_CLOSE if kind == "heading" and not setext else _TRAIL
    # What the closer matches is white space, line ends and (a heading's) closing hashes: it starts no
    # earlier than where those end, so the search starts there instead of at every character of the body.
    c = closer.search(body_src, len(body_src.rstrip(" \t\r\n#")))
    if c and c.start() > 0:
        trail = body_src[c.start():] + trail
        body_src = body_src[: c.start()]
    elif c and c.start() == 0:
        trail = body_src + trail
        body_src = ""
    return [_trim(Block(kind, lead, _md_inline(body_src), trail))]


def _parse_markdown(text: str) -> list[Block]:
    lines = _lines(text)
    blocks: list[Block] = []
    covered = 0
    for start, end, kind in _md_leaves(text):
        start = max(start, covered)
        if end <= start:
            continue
        for line in lines[covered:start]:
            blocks.append(Block("blank" if not line.strip() else "markup", line, [], "", False))
        chunk = lines[start:end]
        setext = kind == "heading" and len(chunk) > 1 and re.fullmatch(r"[ \t]*(?:=+|-+)[ \t]*(?:\r\n|\n|\r)?", chunk[-1]) is not None
        try:
            made = _md_block(chunk, kind, setext)
        except InputError as exc:
            exc.line = exc.line or start + 1
            raise
        if "".join(render_block(b) for b in made) != "".join(chunk):
            # The exact round trip is the contract: a block this parser cannot split
            # exactly is kept whole, untranslated, rather than risk changing it.
            made = [Block(kind, "".join(chunk), [], "", False)]
        blocks.extend(made)
        covered = end
    for line in lines[covered:]:
        blocks.append(Block("blank" if not line.strip() else "markup", line, [], "", False))
    return blocks


# ------------------------------------------------------------------ HTML fragments

_HTML_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>"
    r"|</?[A-Za-z][A-Za-z0-9:-]*(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)")
_LEAF_KIND = {
    "p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
    "h5": "heading", "h6": "heading", "li": "list_item", "dt": "paragraph", "dd": "paragraph",
    "figcaption": "caption", "caption": "caption", "td": "cell", "th": "cell", "title": "heading",
    "summary": "paragraph",
}
_CONTAINERS = {
    "ul", "ol", "div", "figure", "table", "thead", "tbody", "tfoot", "tr", "section", "article",
    "header", "footer", "nav", "aside", "main", "blockquote", "dl", "details", "body", "html", "head",
    "hr", "iframe", "video", "audio", "picture", "source", "form", "colgroup", "col",
}
_RAW_ELEMENTS = {"pre", "script", "style", "textarea", "code", "svg", "math", "noscript"}
_INLINE = {
    "a", "em", "strong", "b", "i", "u", "span", "mark", "small", "sup", "sub", "abbr", "cite",
    "q", "s", "del", "ins", "time", "bdi", "bdo", "font", "big",
}
_ALT = re.compile(r"""(\salt\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def _tag_name(raw: str) -> str:
    m = _TAG_NAME.match(raw)
    return m.group(1).lower() if m else ""


def _img_node(raw: str) -> Node:
    m = _ALT.search(raw)
    if not m or not (m.group(2) or m.group(3) or "").strip():
        return Lit(raw)
    gi = 2 if m.group(2) is not None else 3
    return Span("image", raw[: m.start(gi)], [Text(m.group(gi))], raw[m.end(gi):])


class _Leaf:
    def __init__(self, kind: str, lead: str, tag: str | None) -> None:
        self.kind = kind
        self.lead = lead
        self.tag = tag
        # Each frame: (tag name, open raw, children); the bottom frame is the block body.
        self.frames: list[tuple[str, str, list[Node]]] = [("", "", [])]

    def add(self, node: Node) -> None:
        self.frames[-1][2].append(node)

    def open_inline(self, name: str, raw: str) -> None:
        self.frames.append((name, raw, []))

    def close_inline(self, name: str, raw: str) -> bool:
        if len(self.frames) > 1 and self.frames[-1][0] == name:
            fname, open_raw, children = self.frames.pop()
            role = {"a": "link", "em": "em", "i": "em", "strong": "strong", "b": "strong"}.get(fname, "other")
            self.add(Span(role, open_raw, children, raw))
            return True
        return False

    def finish(self, trail: str) -> Block:
        while len(self.frames) > 1:
            _name, open_raw, children = self.frames.pop()
            self.add(Lit(open_raw))
            self.frames[-1][2].extend(children)
        body = self.frames[0][2]
        kind = self.kind
        meaningful = [n for n in body if not (isinstance(n, Text) and not n.raw.strip())]
        if meaningful and all(isinstance(n, Span) and n.role == "image" or (isinstance(n, Lit) and _tag_name(n.raw) == "img") for n in meaningful):
            kind = "image"
        elif kind == "paragraph" and self.tag is None:
            text = "".join(n.raw for n in body if isinstance(n, Text))
            if len(text.split()) <= 8 and _CAPTION_WORDS.search(text):
                kind = "caption"
        return _trim(Block(kind, self.lead, body, trail))


def _parse_html(text: str) -> list[Block]:
    blocks: list[Block] = []
    leaf: _Leaf | None = None
    pos = 0

    def close_leaf(trail: str = "") -> None:
        nonlocal leaf
        if leaf is not None:
            blocks.append(leaf.finish(trail))
            leaf = None

    def emit_text(chunk: str) -> None:
        nonlocal leaf
        if not chunk:
            return
        if leaf is None:
            if not chunk.strip():
                blocks.append(Block("blank", chunk, [], "", False))
                return
            # Text between blocks: surrounding blank lines stay blank blocks.
            stripped = chunk.lstrip()
            if stripped != chunk:
                blocks.append(Block("blank", chunk[: len(chunk) - len(stripped)], [], "", False))
            leaf = _Leaf("paragraph", "", None)
            chunk = stripped
        leaf.add(Text(chunk))

    for m in _HTML_TOKEN.finditer(text):
        if m.start() < pos:
            continue
        emit_text(text[pos:m.start()])
        raw = m.group()
        pos = m.end()
        name = _tag_name(raw)
        closing = raw.startswith("</")
        if raw.startswith("<!") or raw.startswith("<?"):
            if leaf is not None:
                leaf.add(Lit(raw))
            else:
                blocks.append(Block("markup", raw, [], "", False))
            continue
        if name in _RAW_ELEMENTS and not closing:
            end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, pos)
            whole = raw + (text[pos:end.end()] if end else text[pos:])
            pos = end.end() if end else len(text)
            if leaf is not None:
                leaf.add(Lit(whole))
            else:
                blocks.append(Block("code", whole, [], "", False))
            continue
        if name in _LEAF_KIND:
            if closing:
                if leaf is not None and leaf.tag == name:
                    close_leaf(raw)
                else:
                    close_leaf()
                    blocks.append(Block("markup", raw, [], "", False))
            else:
                close_leaf()
                leaf = _Leaf(_LEAF_KIND[name], raw, name)
            continue
        if name in _CONTAINERS or (name not in _INLINE and name not in ("img", "br", "wbr") and leaf is None):
            close_leaf()
            blocks.append(Block("markup", raw, [], "", False))
            continue
        if name == "img" and (leaf is None or (leaf.tag is None and not any(_has_prose(n) for n in leaf.frames[0][2]) and len(leaf.frames) == 1)):
            # An image between blocks is a block of its own, never glued to the next one.
            close_leaf()
            blocks.append(_trim(Block("image", "", [_img_node(raw)], "")))
            continue
        # Inline markup: inside a leaf, or starting an implicit paragraph.
        if leaf is None:
            leaf = _Leaf("paragraph", "", None)
        if name == "img":
            leaf.add(_img_node(raw))
        elif name in _INLINE and not closing and not raw.endswith("/>"):
            if len(leaf.frames) > MAX_INLINE_DEPTH:
                line = len(_LINE_END.findall(text, 0, m.start())) + 1
                raise InputError(f"inline markup nested deeper than {MAX_INLINE_DEPTH} levels (<{name}>)", line=line)
            leaf.open_inline(name, raw)
        elif name in _INLINE and closing:
            if not leaf.close_inline(name, raw):
                leaf.add(Lit(raw))
        else:
            leaf.add(Lit(raw))
    emit_text(text[pos:])
    close_leaf()
    return blocks
