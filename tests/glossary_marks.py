"""The format of tests/data/glossary_sentences.txt, shared by the glossary tests and bench.

One sentence a line, ``LANG<TAB>text``; every expected mention is marked
``[[surface|entity-id]]`` (``[[surface|?]]`` for an ambiguous short form); a line
without a language tag continues the sentence above (a line break inside a name).
"""

from __future__ import annotations

import re
from pathlib import Path

MARK = re.compile(r"\[\[(.+?)\|([^\]|]+)\]\]", re.S)
SENTENCES = Path(__file__).resolve().parent / "data" / "glossary_sentences.txt"


def read_marked(path: Path = SENTENCES) -> list[tuple[str, str, set[tuple[int, int, str]]]]:
    """(lang, plain text, {(start, end, entity or '?')}) for every sentence of the file."""
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line[:3] in ("kk\t", "ru\t", "en\t"):
            rows.append((line[:2], line[3:]))
        else:
            rows[-1] = (rows[-1][0], rows[-1][1] + "\n" + line)
    out = []
    for lang, marked in rows:
        plain: list[str] = []
        gold: set[tuple[int, int, str]] = set()
        cursor = offset = 0
        for m in MARK.finditer(marked):
            plain.append(marked[cursor : m.start()])
            offset += m.start() - cursor
            gold.add((offset, offset + len(m.group(1)), m.group(2)))
            plain.append(m.group(1))
            offset += len(m.group(1))
            cursor = m.end()
        plain.append(marked[cursor:])
        out.append((lang, "".join(plain), gold))
    return out
