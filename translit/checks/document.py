"""A post split into blocks (headings, paragraphs, list items, images, code) with offsets.

Plain text, Markdown and simple HTML are understood well enough to line the
versions of a post up block by block and to tell running prose from markup:
checks must not see a URL's digits as a number or a tag's quotes as typography.
Each block keeps offsets into the original text so findings point at the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_IMAGE_LINE = re.compile(r"^[ \t]*!\[[^\]]*\]\([^)]*\)[ \t]*$")
_SETEXT = re.compile(r"^[ \t]*(=+|-+)[ \t]*$")
_FRONT = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)

# Inline things that are not prose; group "keep" is the visible, translated part.
_INLINE = re.compile(
    r"!?\[(?P<keep>[^\]\n]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)"  # [text](url) and ![alt](src)
    r"|<(?P<auto>(?:https?|mailto):[^>\s]+)>"  # <https://...>
    r"|`[^`\n]+`"  # inline code
    r"|<[a-zA-Z/!][^>\n]*>"  # HTML tags
    r"|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"  # HTML entities
    r"|(?P<bare>\b(?:https?://|www\.)[^\s<>()\[\]«»\"“”]+[^\s<>()\[\]«»\"“”.,;:!?])"  # bare URLs
    r"|(?P<mail>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)"  # e-mail addresses
)
_HTML_BLOCK = re.compile(
    r"<(?P<tag>p|h[1-6]|li|figcaption|blockquote|td|th|dt|dd|caption)\b[^>]*>(?P<body>.*?)</(?P=tag)\s*>",
    re.S | re.I,
)
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_HTML_HREF = re.compile(r"""<a\b[^>]*\bhref\s*=\s*["']([^"']*)["']""", re.I)
_HTML_SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']*)["']""", re.I)
_HTML_ALT = re.compile(r"""\balt\s*=\s*["']([^"']*)["']""", re.I)
_LOOKS_HTML = re.compile(r"<(?:p|h[1-6]|div|li|ul|ol|br|img|article|section)\b", re.I)


@dataclass
class Block:
    """One structural unit of a post.

    ``kind`` is heading, paragraph, item, image, quote or code. ``prose_spans``
    are the offsets of the running text inside it (markup and URLs left out);
    ``links`` and ``images`` hold (target, start, end).
    """

    kind: str
    start: int
    end: int
    prose_spans: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[str, int, int]] = field(default_factory=list)
    images: list[tuple[str, int, int]] = field(default_factory=list)
    level: int = 0

    def prose(self, text: str) -> str:
        """The block's visible text, markup removed, spans joined by spaces."""
        return " ".join(text[start:end] for start, end in self.prose_spans).strip()


def _inline(text: str, start: int, end: int, block: Block) -> None:
    """Fill ``block.prose_spans``, ``links`` and ``images`` from text[start:end]."""
    cursor = start
    for match in _INLINE.finditer(text, start, end):
        if match.start() > cursor:
            block.prose_spans.append((cursor, match.start()))
        url = match.group("url")
        if url is not None:
            target = (url, match.start(), match.end())
            (block.images if match.group().startswith("!") else block.links).append(target)
            if match.group("keep"):
                block.prose_spans.append((match.start("keep"), match.end("keep")))
        elif match.group("auto"):
            block.links.append((match.group("auto"), match.start(), match.end()))
        elif match.group().lower().startswith("<a"):
            href = _HTML_HREF.match(match.group())
            if href:
                block.links.append((href.group(1), match.start(), match.end()))
        elif match.group().lower().startswith("<img"):
            src = _HTML_SRC.search(match.group())
            block.images.append((src.group(1) if src else "", match.start(), match.end()))
        cursor = match.end()
    if cursor < end:
        block.prose_spans.append((cursor, end))


def _split_html(text: str) -> list[Block]:
    blocks: list[Block] = []
    taken: list[tuple[int, int]] = []
    for match in _HTML_BLOCK.finditer(text):
        tag = match.group("tag").lower()
        kind = {"li": "item", "blockquote": "quote"}.get(tag, "heading" if tag.startswith("h") else "paragraph")
        block = Block(kind, match.start("body"), match.end("body"), level=int(tag[1]) if kind == "heading" else 0)
        _inline(text, block.start, block.end, block)
        blocks.append(block)
        taken.append((match.start(), match.end()))
    for match in _HTML_IMG.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        src = _HTML_SRC.search(match.group())
        block = Block("image", match.start(), match.end(), images=[(src.group(1) if src else "", match.start(), match.end())])
        alt = _HTML_ALT.search(match.group())
        if alt and alt.group(1):
            block.prose_spans.append((match.start() + alt.start(1), match.start() + alt.end(1)))
        blocks.append(block)
    blocks.sort(key=lambda block: block.start)
    return blocks


def split_blocks(text: str) -> list[Block]:
    """Split a post (plain text, Markdown or HTML) into blocks in reading order."""
    if _LOOKS_HTML.search(text):
        return _split_html(text)
    blocks: list[Block] = []
    offset = 0
    front = _FRONT.match(text)
    lines = text.splitlines(keepends=True)
    if front:
        consumed = 0
        while consumed < front.end() and lines:
            consumed += len(lines.pop(0))
        offset = consumed
    current: Block | None = None
    in_fence = False

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    for raw in lines:
        line = raw.rstrip("\r\n")
        line_end = offset + len(line)
        if in_fence:
            if _FENCE.match(line):
                in_fence = False
                if current is not None:
                    current.end = line_end
                close()
            elif current is not None:
                current.end = line_end
        elif _FENCE.match(line):
            close()
            current = Block("code", offset, line_end)
            in_fence = True
        elif not line.strip():
            close()
        elif _SETEXT.match(line) and current is not None and current.kind == "paragraph":
            current.kind = "heading"
            current.level = 1 if "=" in line else 2
            close()
        elif _IMAGE_LINE.match(line):
            close()
            block = Block("image", offset, line_end)
            _inline(text, offset, line_end, block)
            blocks.append(block)
        else:
            heading = _HEADING.match(line)
            item = _LIST.match(line) if not heading else None
            quote = _QUOTE.match(line) if not (heading or item) else None
            prefix = heading or item or quote
            body_start = offset + (prefix.end() if prefix else len(line) - len(line.lstrip()))
            if heading or item or (quote and (current is None or current.kind != "quote")):
                close()
                kind = "heading" if heading else "item" if item else "quote"
                current = Block(kind, body_start, line_end, level=len(heading.group(1)) if heading else 0)
            elif current is None:
                current = Block("paragraph", body_start, line_end)
            else:
                current.end = line_end
            _inline(text, body_start, line_end, current)
            if heading:
                close()
        offset += len(raw)
    close()
    for block in blocks:
        block.prose_spans = [(start, end) for start, end in block.prose_spans if end > start]
    return blocks
