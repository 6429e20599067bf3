"""A post parses into blocks and renders back byte for byte; blocks are never lost, merged or reordered."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from translit.reading.document import Block, Break, Lit, Span, Text, detect_format, format_for_path, parse, render, render_block
from translit.reading.document import _ATX_CLOSE, _MD_INLINE, _TRAIL, _line_ends, _md_inline_matches

SEED = (Path(__file__).resolve().parent.parent / "examples" / "nlrk-2023-02-28.en.txt").read_text(encoding="utf-8")


def content(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind not in ("blank", "markup")]


def test_seed_round_trip_and_blocks() -> None:
    doc = parse(SEED)
    assert doc.fmt == "text"
    assert render(doc) == SEED
    kinds = [b.kind for b in content(doc.blocks)]
    assert kinds == ["paragraph", "caption"] + ["paragraph"] * 7
    assert [b.line for b in content(doc.blocks)][:3] == [1, 3, 5]
    caption = content(doc.blocks)[1]
    assert caption.body == [Text("Бахина фото")]


MARKDOWN = """# National Library *news*

On February 28, K.A. Bakhina spoke at the [conference](https://nlrk.kz/conf?id=1 "Conference") of
the **Karaganda Regional Children's Library named after Abai**.

- First item with `code`
- Second item\\
  continued

![Bakhina at the conference](img/bakhina.jpg)

> A quoted line

```python
print("untouched")
```

Setext heading
==============
"""


def test_markdown_structure() -> None:
    doc = parse(MARKDOWN)
    assert doc.fmt == "markdown"
    assert render(doc) == MARKDOWN
    blocks = content(doc.blocks)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "list_item", "list_item", "image", "quote", "code", "heading"]
    heading, para, item1, item2, image, quote, code, setext = blocks
    assert heading.lead == "# " and heading.body[1] == Span("em", "*", [Text("news")], "*")
    link = next(n for n in para.body if isinstance(n, Span) and n.role == "link")
    assert link.children == [Text("conference")] and link.close == '](https://nlrk.kz/conf?id=1 "Conference")'
    assert any(isinstance(n, Break) for n in para.body)
    assert Lit("`code`") in item1.body
    assert isinstance(image.body[0], Span) and image.body[0].children == [Text("Bakhina at the conference")]
    assert not code.translatable and code.lead.startswith("```python")
    assert setext.body == [Text("Setext heading")] and setext.trail.endswith("==============\n")


HTML = """<h2>Library &amp; readers</h2>
<p>On <time>February 28</time>, see <a href="https://nlrk.kz/?a=1&amp;b=2">the programme</a>.<br>Next line</p>
<figure><img src="a.jpg" alt="K.A. Bakhina"><figcaption>Бахина фото</figcaption></figure>
<ul><li>One</li><li>Two <b>bold</li></ul>
<pre>code &lt;kept&gt;</pre>
<!-- a comment -->
Bare text at the end
"""


def test_html_structure() -> None:
    doc = parse(HTML)
    assert doc.fmt == "html"
    assert render(doc) == HTML
    blocks = content(doc.blocks)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "image", "caption", "list_item", "list_item", "code", "paragraph"]
    para = blocks[1]
    link = next(n for n in para.body if isinstance(n, Span) and n.role == "link")
    assert link.open == '<a href="https://nlrk.kz/?a=1&amp;b=2">'
    image = blocks[2].body[0]
    assert isinstance(image, Span) and image.children == [Text("K.A. Bakhina")]
    assert blocks[3].lead == "<figcaption>" and blocks[3].trail == "</figcaption>"


def test_format_detection() -> None:
    assert detect_format(SEED) == "text"
    assert detect_format(MARKDOWN) == "markdown"
    assert detect_format(HTML) == "html"
    assert format_for_path("post.md", SEED) == "markdown"
    assert format_for_path("post.htm", SEED) == "html"
    assert format_for_path("post", HTML) == "html"


# ------------------------------------------------------------------ properties

WORDS = st.sampled_from(
    ["Library", "National", "Бахина", "кітапхана", "ақпанда", "28", "10,000", "K.A.", "Bakhina", "«Отырар»", "the", "of", "&", "<", "75,4%"]
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


@st.composite
def md_block(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(["heading", "paragraph", "list", "image", "code", "quote", "link", "emphasis"]))
    s = draw(SENTENCE)
    if kind == "heading":
        return "heading", f"## {s}"
    if kind == "list":
        return "list_item", f"- {s}"
    if kind == "image":
        return "image", f"![{s}](img/{len(s)}.jpg)"
    if kind == "code":
        return "code", f"```\n{s}\n```"
    if kind == "quote":
        return "quote", f"> {s}"
    if kind == "link":
        return "paragraph", f"Read [{s}](https://nlrk.kz/{len(s)}) now."
    if kind == "emphasis":
        return "paragraph", f"Text **{s}** and *more*."
    return "paragraph", f"Para {s}."


@st.composite
def html_block(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(["h", "p", "li", "img", "pre", "caption"]))
    s = draw(SENTENCE).replace("&", "&amp;").replace("<", "&lt;")
    if kind == "h":
        return "heading", f"<h3>{s}</h3>"
    if kind == "li":
        return "list_item", f"<ul><li>{s}</li></ul>"
    if kind == "img":
        return "image", f'<img src="x.jpg" alt="{s}">'
    if kind == "pre":
        return "code", f"<pre>{s}</pre>"
    if kind == "caption":
        return "caption", f"<figure><figcaption>{s}</figcaption></figure>"
    return "paragraph", f'<p>{s} <a href="https://x.kz/?q=1">{s}</a></p>'


@settings(max_examples=100, deadline=None)
@given(st.lists(md_block(), min_size=1, max_size=8), st.sampled_from(["\n\n", "\n\n\n"]))
def test_markdown_posts_keep_every_block_in_order(blocks: list[tuple[str, str]], sep: str) -> None:
    text = sep.join(src for _, src in blocks) + "\n"
    doc = parse(text, "markdown")
    assert render(doc) == text
    got = content(doc.blocks)
    assert [b.kind for b in got] == [kind for kind, _ in blocks]
    assert [render_block(b).strip() for b in got] == [src for _, src in blocks]


@settings(max_examples=100, deadline=None)
@given(st.lists(html_block(), min_size=1, max_size=8), st.sampled_from(["\n", "", "\n\n"]))
def test_html_posts_keep_every_block_in_order(blocks: list[tuple[str, str]], sep: str) -> None:
    text = sep.join(src for _, src in blocks)
    doc = parse(text, "html")
    assert render(doc) == text
    assert [b.kind for b in content(doc.blocks)] == [kind for kind, _ in blocks]


@settings(max_examples=100, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=10), st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]), min_size=10, max_size=10))
def test_text_posts_one_block_per_line(lines: list[str], seps: list[str]) -> None:
    text = "".join(line + sep for line, sep in zip(lines, seps))
    doc = parse(text, "text")
    assert render(doc) == text
    assert [render_block(b).strip() for b in content(doc.blocks)] == [line.strip() for line in lines]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.sampled_from(["text", "markdown", "html"]))
def test_any_text_round_trips_exactly(text: str, fmt: str) -> None:
    assert render(parse(text, fmt)) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab *_[]()!#>-`<>/p\n&;", max_size=200), st.sampled_from(["markdown", "html"]))
def test_markup_soup_round_trips_exactly(text: str, fmt: str) -> None:
    assert render(parse(text, fmt)) == text


# The parser's shortcuts must find exactly what the plain regex searches find.
MARKUP = "ab *_[]()!<>/`\\ \t\r\n:@.-#\"'"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=MARKUP, max_size=200))
def test_inline_scan_finds_what_a_full_scan_finds(text: str) -> None:
    assert [(m.span(), m.lastgroup) for m in _md_inline_matches(text)] == [(m.span(), m.lastgroup) for m in _MD_INLINE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=MARKUP, max_size=80))
def test_block_ends_found_from_the_trailing_white_space(text: str) -> None:
    for closer in (_ATX_CLOSE, _TRAIL):
        whole = closer.search(text)
        shortcut = closer.search(text, len(text.rstrip(" \t\r\n#")))
        assert (whole and whole.span()) == (shortcut and shortcut.span())
    assert _line_ends(text) == len(re.findall(r"\r\n|\n|\r", text))
