"""A post as the checks see it: blocks with character offsets, prose told apart from markup.

The structure comes from :mod:`translit.reading.document` (plain text, Markdown via
markdown-it-py, HTML fragments), which renders back byte for byte; walking its
nodes with a running offset gives every block, prose run, link and image its
place in the original file, so a finding points at the right line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..reading import document as doc

_MD_DEST = re.compile(r"\]\(\s*<?([^)\s>]*)")
_HTML_ATTR = {"href": re.compile(r"""\bhref\s*=\s*["']([^"']*)["']""", re.I), "src": re.compile(r"""\bsrc\s*=\s*["']([^"']*)["']""", re.I)}
_SKIPPED = frozenset({"blank", "markup", "table"})


@dataclass
class Block:
    """One structural unit of a post.

    ``kind`` comes from :mod:`translit.reading.document` (heading, paragraph, list_item,
    quote, caption, image, code, cell). ``prose_spans`` are the offsets of the
    running text inside it; ``links`` and ``images`` hold (target, start, end).
    """

    kind: str
    start: int
    end: int
    prose_spans: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[str, int, int]] = field(default_factory=list)
    images: list[tuple[str, int, int]] = field(default_factory=list)

    def prose(self, text: str) -> str:
        """The block's visible text, markup removed."""
        return " ".join(" ".join(text[start:end] for start, end in self.prose_spans).split())


def _target(raw_open: str, raw_close: str, attr: str) -> str:
    found = _MD_DEST.match(raw_close)
    if found:
        return found.group(1)
    found = _HTML_ATTR[attr].search(raw_open) or _HTML_ATTR[attr].search(raw_close)
    return found.group(1) if found else ""


def _walk(nodes: list[doc.Node], offset: int, block: Block) -> int:
    for node in nodes:
        if isinstance(node, doc.Span):
            start = offset
            offset += len(node.open)
            offset = _walk(node.children, offset, block)
            offset += len(node.close)
            if node.role == "link":
                block.links.append((_target(node.open, node.close, "href"), start, offset))
            elif node.role == "image":
                block.images.append((_target(node.open, node.close, "src"), start, offset))
            continue
        if isinstance(node, (doc.Text, doc.Break)):
            block.prose_spans.append((offset, offset + len(node.raw)))
        elif isinstance(node, doc.Lit) and node.raw.lower().startswith("<img"):
            block.images.append((_target(node.raw, "", "src"), offset, offset + len(node.raw)))
        offset += len(node.raw)
    return offset


def split_blocks(text: str, fmt: str = "auto") -> list[Block]:
    """Split a post into blocks in reading order (``fmt``: auto, text, markdown, html)."""
    parsed = doc.parse(text, fmt)
    blocks: list[Block] = []
    offset = 0
    for item in parsed.blocks:
        if item.kind not in _SKIPPED and (item.body or item.kind == "code"):
            body_start = offset + len(item.lead)
            if item.kind == "code":
                block = Block(item.kind, offset, offset + len(doc.render_block(item)) - len(item.trail))
            else:
                block = Block(item.kind, body_start, 0)
                block.end = _walk(item.body, body_start, block)  # where the body ends: the walk counted it
            blocks.append(block)
            offset = block.end + len(item.trail)
        else:
            offset += len(doc.render_block(item))
    return blocks
