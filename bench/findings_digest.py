"""Every finding and every alignment row on a few thousand posts, as JSON lines and one digest: a speed-up
of the checks must leave both byte for byte the same.

    python bench/findings_digest.py /tmp/after.jsonl                 # this checkout
    (cd ../main && python ../wt/me/bench/findings_digest.py /tmp/before.jsonl --code .)
    cmp /tmp/before.jsonl /tmp/after.jsonl

The posts: every post of the gate corpus (tests/data/gate) as written, with each planted fault, with each
block deleted in turn, and each without one of its versions; the examples; the gate posts joined into
long posts of 300, 1,000 and 3,000 English words; and, where ../shared/data is present, the real
Kazakh–English news records of news/kk-en.jsonl (each a post) and its paragraph-aligned article.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the JSON lines file to write")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose translit is measured (default: this one)")
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]
    from bench_serve import long_post  # puts this checkout first on the path

    sys.path.insert(0, str(args.code.resolve()))
    from gate_corpus import DEFAULTS, deletions, faults, posts

    from translit.checks.check import post_of, run_checks
    from translit.checks.align import rows

    lines: list[str] = []

    def record(case: str, texts: dict[str, str], paths: dict[str, str] | None = None, subsets: bool = True) -> None:
        post = post_of(texts, config=DEFAULTS, paths=paths)
        found = [finding.to_dict() for finding in run_checks(post)]
        aligned = [(dict(row.blocks), row.confidence) for row in rows(post)]
        lines.append(json.dumps({"case": case, "findings": found, "rows": aligned}, ensure_ascii=False, sort_keys=True))
        if subsets and len(texts) == 3:
            for left_out in texts:
                kept = {lang: text for lang, text in texts.items() if lang != left_out}
                record(f"{case} without {left_out}", kept, {lang: path for lang, path in (paths or {}).items() if lang != left_out}, False)

    corpus = posts()
    for name, post in sorted(corpus.items()):
        record(f"clean {name}", post.texts, post.paths)
    for number, fault in enumerate(faults()):
        post = corpus[fault.post]
        record(f"fault {number} {fault.post}", post.planted(fault), post.paths)
    for name, post in sorted(corpus.items()):
        for lang, line, texts in deletions(post):
            record(f"deleted {name} {lang} {line}", texts, post.paths)
    for path in sorted((ROOT / "examples").iterdir()):
        record(f"example {path.name}", {"en": path.read_text(encoding="utf-8")})
    for words in (300, 1000, 3000):
        record(f"long {words}", long_post(words))
    news = ROOT.parent / "shared" / "data" / "news" / "kk-en.jsonl"
    if not news.exists():
        news = ROOT.parent.parent / "shared" / "data" / "news" / "kk-en.jsonl"
    if news.exists():
        records = [json.loads(line) for line in news.read_text(encoding="utf-8").splitlines() if line.strip()]
        for item in records:
            record(f"news {item['id']}", {lang: item[lang] for lang in ("kk", "en", "ru") if item.get(lang)})
        paragraphs = [item for item in records if item["source"].get("kind") == "paragraph"]
        record("news article", {lang: "\n\n".join(item[lang] for item in paragraphs) + "\n" for lang in ("kk", "en")})
    text = "\n".join(lines) + "\n"
    args.output.write_text(text, encoding="utf-8")
    count = sum(len(json.loads(line)["findings"]) for line in lines)
    import translit

    print(f"translit from {Path(translit.__file__).parent}: {len(lines)} posts, {count} findings; sha256 {hashlib.sha256(text.encode()).hexdigest()[:16]} ({args.output})")


if __name__ == "__main__":
    main()
