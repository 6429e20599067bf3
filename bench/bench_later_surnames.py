"""How many surnames alone ``Protector(later_surnames=True)`` adds on real text, for judging them by hand.

Real sentences are grouped into pseudo-posts (consecutive records of one language and source, one
block each) and every block is protected twice, without and with following surnames; the spans only
the second finds are counted and printed with their context (``--show``), never committed.

    python bench/bench_later_surnames.py --data ../shared/data --show 40

Data: ``langid/dev.jsonl`` (kk: KazNERD TV news and UD Kazakh-KTB; ru: UD Taiga and GSD; en: UD EWT),
``news/kk-en.jsonl`` (government headlines and one article, kk and en) and the repository's
``examples/`` posts (one block a paragraph).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

from translit.names.glossary import Glossary
from translit.translation.protect import Protector

ROOT = Path(__file__).resolve().parent.parent


def _posts(data: Path, post_blocks: int) -> dict[str, list[tuple[str, list[str]]]]:
    """Corpus name → pseudo-posts (language, blocks)."""
    by_source: dict[tuple[str, str], list[str]] = defaultdict(list)
    for line in (data / "langid" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["lang"] in ("kk", "ru", "en"):
            by_source[(record["lang"], record["source"].split("/")[1])].append(record["text"])
    for line in (data / "news" / "kk-en.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        kind = record["source"].get("kind", "") if isinstance(record["source"], dict) else ""
        for lang in ("kk", "en"):
            if record.get(lang):
                by_source[(lang, f"kk-en news {kind}".strip())].append(record[lang])
    corpora: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for (lang, source), texts in by_source.items():
        for k in range(0, len(texts), post_blocks):
            corpora[f"{lang} {source}"].append((lang, texts[k : k + post_blocks]))
    for path in sorted((ROOT / "examples").glob("*.*.*")):
        lang = path.suffixes[0].strip(".")
        if lang in ("kk", "ru", "en"):
            blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
            corpora["examples"].append((lang, blocks))
    return corpora


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "data")
    parser.add_argument("--blocks", type=int, default=10, help="sentences a pseudo-post, each a block")
    parser.add_argument("--show", type=int, default=0, help="print this many added spans at random, with context")
    args = parser.parse_args()
    glossary = Glossary.load()
    added_all: list[tuple[str, str, str]] = []
    print("| corpus | posts | blocks | whole names | surnames alone added |")
    print("|---|---:|---:|---:|---:|")
    for corpus, posts in sorted(_posts(args.data, args.blocks).items()):
        blocks = names = added = 0
        for lang, texts in posts:
            plain, follow = Protector(glossary), Protector(glossary, later_surnames=True)
            for text in texts:
                blocks += 1
                old = {(a, b) for a, b, _ in plain.spans(text, lang)}
                for a, b, part in follow.spans(text, lang):
                    if (a, b) in old:
                        names += part.kind == "person"
                        continue
                    added += 1
                    whole = part.payload.whole.text if part.payload is not None else "?"
                    added_all.append((corpus, whole, text[max(0, a - 60) : a] + "[" + text[a:b] + "]" + text[b : b + 40]))
        print(f"| {corpus} | {len(posts)} | {blocks} | {names} | {added} |")
    for corpus, whole, context in random.Random(1).sample(added_all, min(args.show, len(added_all))):
        print(f"{corpus}\t{whole}\t{context}")


if __name__ == "__main__":
    main()
