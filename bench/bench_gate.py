"""How well ``translit check`` works as a gate, on the posts of tests/data/gate written for the purpose.

For each half of the corpus (dev, held-out; see tests/data/gate/README.md):

- planted faults per check family: found at the right version and line, found only
  elsewhere, missed;
- false findings per clean post: errors and warnings (info is not counted), as the
  mean per post and the number of posts with any.

    /work/venv/bin/python bench/bench_gate.py             # the two tables
    /work/venv/bin/python bench/bench_gate.py --show      # also every false finding and miss of the dev half
    /work/venv/bin/python bench/bench_gate.py --code ../main   # the same figures for another checkout
    /work/venv/bin/python bench/bench_gate.py --news ../shared/data/news/kk-en.jsonl   # real text too (default path)

``--show`` lists the dev half only: the held-out half is measured, never looked into
while checks are being fixed.

With ``../shared/data/langid/dev.jsonl`` (real Kazakh, Russian and English sentences from public
corpora; its held-out part, which the detector's profiles were not built from), the wrong-language
findings on each sentence checked as a version in its own language.
With ``../shared/data/news/kk-en.jsonl`` (real Kazakh–English government news, not written for
these checks) two more tables: the findings on its 130 headline pairs, each checked as a two-version
post (the pairs are page-linked, not translations of each other word for word, so numbers and names
may really differ; the wrong-language, marker and name checks should stay silent), and the blame of
every paragraph deleted in turn from its one paragraph-aligned article (title, app banner, five
paragraphs).

A third table deletes every non-image block of every version in turn (one at a time)
and counts how often ``structure.missing-block`` is reported in that version at the
line where the block belongs: the alignment's blame, on real posts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
if "--code" in sys.argv:  # measure another checkout's translit on this corpus
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--code") + 1]).resolve()))
else:
    sys.path.insert(0, str(ROOT))

from gate_corpus import Post, deletions, faults, found_at, posts, split  # noqa: E402

HALVES = ("dev", "held-out")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the dev half's false findings and misses")
    parser.add_argument("--code", metavar="DIR", help="a checkout whose translit package is measured instead of this one")
    parser.add_argument("--news", type=Path, default=ROOT.parent / "shared" / "data" / "news" / "kk-en.jsonl", help="real kk-en news pairs")
    parser.add_argument("--langid", type=Path, default=ROOT.parent / "shared" / "data" / "langid" / "dev.jsonl", help="real single-language sentences")
    args = parser.parse_args()
    import translit

    print(f"translit from {Path(translit.__file__).parent}")
    corpus, halves = posts(), split()
    planted = faults()

    outcome: dict[str, dict[str, Counter[str]]] = {half: defaultdict(Counter) for half in HALVES}
    shown: list[str] = []
    for fault in planted:
        post = corpus[fault.post]
        findings = post.check(post.planted(fault))
        result = found_at(fault, findings)
        half = halves[fault.post]
        outcome[half][fault.id.split(".")[0]][result] += 1
        if args.show and half == "dev" and result != "right":
            places = [f"{f.version}:{f.line}" for f in findings if f.id == fault.id]
            shown.append(f"  {result:9} {fault.post} {fault.version}:{fault.line} {fault.id} ({fault.description}); reported at {places or 'nowhere'}")

    false: dict[str, list[tuple[int, int]]] = {half: [] for half in HALVES}
    for name, post in sorted(corpus.items()):
        findings = post.check()
        errors = [f for f in findings if f.severity == "error"]
        warnings = [f for f in findings if f.severity == "warning"]
        false[halves[name]].append((len(errors), len(warnings)))
        if args.show and halves[name] == "dev":
            for f in errors + warnings:
                shown.append(f"  false     {name} {f.version}:{f.line} {f.severity} {f.id}: {f.message}")

    print(f"Gate corpus: {len(corpus)} trilingual posts ({sum(1 for h in halves.values() if h == 'dev')} dev, "
          f"{sum(1 for h in halves.values() if h == 'held-out')} held-out), {len(planted)} planted faults")
    print()
    print("Planted faults found at the right version and line (right / elsewhere only / missed):")
    families = sorted({family for half in HALVES for family in outcome[half]})
    print(f"{'family':<12}" + "".join(f"{half:>22}" for half in HALVES))
    for family in families + ["all"]:
        cells = []
        for half in HALVES:
            counts = sum(outcome[half].values(), Counter()) if family == "all" else outcome[half][family]
            total = sum(counts.values())
            cells.append(f"{counts['right']}/{total} ({counts['elsewhere']}, {counts['missed']})" if total else "-")
        print(f"{family:<12}" + "".join(f"{cell:>22}" for cell in cells))
    print()
    print("False findings on the clean posts (info not counted):")
    print(f"{'half':<10}{'posts':>7}{'errors/post':>13}{'posts w/ error':>16}{'warnings/post':>15}{'posts w/ warning':>18}")
    for half in HALVES:
        rows = false[half]
        count = len(rows)
        print(
            f"{half:<10}{count:>7}{sum(e for e, _ in rows) / count:>13.2f}{sum(1 for e, _ in rows if e):>16}"
            f"{sum(w for _, w in rows) / count:>15.2f}{sum(1 for _, w in rows if w):>18}"
        )
    print()
    print("Every block deleted in turn: structure.missing-block in that version at the block's place")
    print("(three versions, and the same deletion with only one other version, where no majority helps):")
    print(f"{'half':<10}{'deletions':>10}{'3 versions':>12}{'2 versions':>12}")
    for half in HALVES:
        right, pairs, total = 0, 0, 0
        for name, post in sorted(corpus.items()):
            if halves[name] != half:
                continue
            for lang, line, texts in deletions(post):
                total += 1
                found = _blamed(post, texts, lang, line)
                right += found
                pairs += sum(_blamed(post, {lang: texts[lang], other: texts[other]}, lang, line) for other in texts if other != lang)
                if args.show and half == "dev" and not found:
                    shown.append(f"  blame     {name} {lang}: a deleted block is not reported at line {line}")
        print(f"{half:<10}{total:>10}{right / total:>12.1%}{pairs / (2 * total):>12.1%}")
    if args.news.exists():
        real_text(args.news)
    if args.langid.exists():
        one_language(args.langid)
    if shown:
        print()
        print("Dev half, what is not right:")
        print("\n".join(shown))
    return 0


def real_text(path: Path) -> None:
    """Findings on real kk-en headline pairs, and the blame of deleted paragraphs of a real article."""
    from gate_corpus import DEFAULTS

    from translit.checks.check import check_versions

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    headlines = [r for r in records if r["source"].get("kind") == "headline"]
    by_id: Counter[tuple[str, str]] = Counter()
    for record in headlines:
        for finding in check_versions({"kk": record["kk"], "en": record["en"]}, config=DEFAULTS):
            if finding.severity != "info":
                by_id[(finding.severity, finding.id)] += 1
    print()
    print(f"Real text: {len(headlines)} kk-en headline pairs of {path.name}, each a two-version post; findings per pair:")
    for (severity, check_id), count in sorted(by_id.items(), key=lambda item: (item[0][0], -item[1])):
        print(f"  {severity:<8}{check_id:<28}{count:>4}  ({count / len(headlines):.2f} per pair)")
    paragraphs = [r for r in records if r["source"].get("kind") == "paragraph"]
    article = Post("article", {lang: "\n\n".join(r[lang] for r in paragraphs) + "\n" for lang in ("kk", "en")}, {"kk": "article.kk.txt", "en": "article.en.txt"})
    cases = deletions(article)
    right = sum(_blamed(article, texts, lang, line) for lang, line, texts in cases)
    clean = [f"{f.severity} {f.id}" for f in article.check() if f.severity != "info"]
    print(f"Real article ({len(paragraphs)} paragraph pairs): findings on it as published: {clean or 'none'}; "
          f"a deleted paragraph blamed at its place: {right}/{len(cases)}")


def one_language(path: Path) -> None:
    """Wrong-language and Latin-Kazakh findings on real sentences each checked as a version in its own language."""
    from gate_corpus import DEFAULTS

    from translit.checks.check import check_versions

    from build_langid_profiles import is_held_out  # the part of dev.jsonl the detector's profiles never saw

    script = {"en": "Latn", "kk": "Cyrl", "ru": "Cyrl"}
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if script.get(r["lang"]) == r["script"] and is_held_out(r["text"])]
    found: Counter[str] = Counter()
    for record in records:
        for finding in check_versions({record["lang"]: record["text"]}, config=DEFAULTS):
            if finding.id.startswith("lang.") or finding.id == "translit.latin-kazakh":
                found[f"{record['lang']} {finding.id}"] += 1
    sizes = Counter(r["lang"] for r in records)
    print()
    print(f"Real text: {len(records)} held-out sentences of {path.name} ({', '.join(f'{n} {lang}' for lang, n in sorted(sizes.items()))}), "
          f"each a version in its own language; wrong-language findings: {dict(found) or 'none'}")
    # Recall: a real sentence of another language appended to a real sentence of the version's language.
    expected = {("kk", "ru"): "lang.russian-in-kk", ("ru", "kk"): "lang.kazakh-in-ru", ("kk", "en"): "lang.untranslated", ("ru", "en"): "lang.untranslated"}
    # Well-formed sentences only (a capital first, a full stop last): the Russian social-media verse of the
    # data runs on in lower case, and a sentence that does not start with a capital is not split off.
    sentences = {
        lang: [r["text"] for r in records if r["lang"] == lang and r.get("length_bucket") == "sentence" and r["text"][:1].isupper() and r["text"].rstrip()[-1:] in ".!?"]
        for lang in script
    }
    print("A real sentence of another language appended to one of the version's (inserted sentence reported by its id):")
    for (host, guest), check_id in expected.items():
        pairs = list(zip(sentences[host], sentences[guest]))
        hits = 0
        for first, second in pairs:
            text = first.rstrip() + " " + second
            start = len(first.rstrip()) + 1
            hits += any(f.id == check_id and f.end > start for f in check_versions({host: text}, config=DEFAULTS))
        print(f"  {guest} sentence in the {host} version: {hits}/{len(pairs)} ({hits / len(pairs):.1%}) reported as {check_id}")


def _blamed(post: Post, texts: dict[str, str], lang: str, line: int) -> bool:
    return any(f.id == "structure.missing-block" and f.version == lang and f.line == line for f in post.check(texts))


if __name__ == "__main__":
    raise SystemExit(main())
