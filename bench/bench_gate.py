"""How well ``translit check`` works as a gate, on the posts of tests/data/gate written for the purpose.

For each half of the corpus (dev, held-out; see tests/data/gate/README.md):

- planted faults per check family: found at the right version and line, found only
  elsewhere, missed;
- false findings per clean post: errors and warnings (info is not counted), as the
  mean per post and the number of posts with any.

    /work/venv/bin/python bench/bench_gate.py             # the two tables
    /work/venv/bin/python bench/bench_gate.py --show      # also every false finding and miss of the dev half

``--show`` lists the dev half only: the held-out half is measured, never looked into
while checks are being fixed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from gate_corpus import faults, found_at, posts, split  # noqa: E402

HALVES = ("dev", "held-out")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the dev half's false findings and misses")
    args = parser.parse_args()
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
    if shown:
        print()
        print("Dev half, what is not right:")
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
