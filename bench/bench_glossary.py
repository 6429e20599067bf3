"""Precision and recall of glossary mention finding, and the time to lint a long post.

    python bench/bench_glossary.py [--sentences tests/data/glossary_sentences.txt]

The test set marks every expected mention as [[surface|entity-id]] ([[surface|?]] for an
ambiguous short form). A found mention counts as correct when its span and its entity (or
"ambiguous") are exactly the expected ones. The timing part builds a 10,000-word post from
the test sentences (so it is full of names, far denser than real news) and lints it with the
full built-in glossary.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translit.names.glossary import Glossary  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from glossary_marks import read_marked  # noqa: E402


def score(glossary: Glossary, data) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    misses = []
    for lang, text, gold in data:
        found = {(m.start, m.end, m.entity or "?") for m in glossary.find(text, lang)}
        expected = set(gold)
        row = table.setdefault(lang, {"sentences": 0, "gold": 0, "found": 0, "correct": 0})
        row["sentences"] += 1
        row["gold"] += len(expected)
        row["found"] += len(found)
        row["correct"] += len(found & expected)
        for start, end, ent in sorted(expected - found):
            misses.append(f"  miss  {lang}: {text[start:end]!r} {ent}")
        for start, end, ent in sorted(found - expected):
            misses.append(f"  extra {lang}: {text[start:end]!r} {ent}")
    return table, misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=Path, default=ROOT / "tests/data/glossary_sentences.txt")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()

    t0 = time.perf_counter()
    glossary = Glossary.load()
    load = time.perf_counter() - t0
    data = read_marked(args.sentences)
    table, misses = score(glossary, data)
    print(f"glossary: {len(glossary)} entities, loaded and compiled in {load:.2f} s (pymorphy3 included)")
    print(f"{'lang':<5}{'sentences':>10}{'mentions':>10}{'found':>8}{'correct':>9}{'precision':>11}{'recall':>8}")
    total = {"sentences": 0, "gold": 0, "found": 0, "correct": 0}
    for lang in ("kk", "ru", "en"):
        row = table.get(lang, total)
        for key in total:
            total[key] += row[key] if lang in table else 0
    for lang, row in [*((lang, table[lang]) for lang in ("kk", "ru", "en") if lang in table), ("all", total)]:
        precision = row["correct"] / row["found"] if row["found"] else 1.0
        recall = row["correct"] / row["gold"] if row["gold"] else 1.0
        print(f"{lang:<5}{row['sentences']:>10}{row['gold']:>10}{row['found']:>8}{row['correct']:>9}{precision:>11.1%}{recall:>8.1%}")
    if args.show_errors and misses:
        print("\n".join(misses))

    posts = {"test-set sentences (name-dense)": [text for _, text, _ in data]}
    news = ROOT.parent / "shared" / "data" / "news" / "kk-en.jsonl"
    if news.is_file():  # real government news (kk + en), when the reference data is beside the checkout
        rows = [json.loads(line) for line in news.read_text(encoding="utf-8").splitlines() if line.strip()]
        posts["kk-en.jsonl news (real)"] = [r.get(k) or "" for r in rows for k in ("kk", "en")]
    for label, texts in posts.items():
        words: list[str] = []
        while len(words) < 10_000:
            for text in texts:
                words.extend(text.split())
        post = " ".join(words[:10_000])
        runs = []
        for _ in range(9):
            t0 = time.perf_counter()
            findings = glossary.lint(post)
            runs.append(time.perf_counter() - t0)
        mentions = len(glossary.find(post))
        print(
            f"lint of a 10,000-word post from {label} ({len(post):,} chars, {mentions} mentions, "
            f"{len(findings)} findings): median {statistics.median(runs) * 1000:.0f} ms, "
            f"best {min(runs) * 1000:.0f} ms over {len(runs)} runs (target < 200 ms)"
        )
    person_names(ROOT / "tests/data/ru_person_names.tsv")
    return 0


def person_names(table: Path) -> None:
    """Russian case forms of people's names: translit beside pytrovich alone and pymorphy3, on one table."""
    from pytrovich.enums import Case, Gender, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    from translit.morphology import morph_ru

    rows = [line.rstrip("\n").split("\t") for line in table.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")][1:]
    maker = PetrovichDeclinationMaker()
    petrovich_case = dict(zip(("gen", "dat", "acc", "ins", "prep"), (Case.GENITIVE, Case.DATIVE, Case.ACCUSATIVE, Case.INSTRUMENTAL, Case.PREPOSITIONAL)))
    petrovich_part = {"G": NamePart.FIRSTNAME, "P": NamePart.MIDDLENAME, "S": NamePart.LASTNAME}
    analyzer = morph_ru.analyzer()
    grammeme = {"gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "prep": "loct"}
    morph_tag = {"G": "Name", "P": "Patr", "S": "Surn"}

    def pytrovich_alone(name: str, gender: str, case: str) -> str:
        words = name.split(" ")
        sex = Gender.FEMALE if gender == "f" else Gender.MALE
        return " ".join(
            w if p == "I" else maker.make(petrovich_part[p], sex, petrovich_case[case], w)
            for w, p in zip(words, morph_ru._name_parts(words))
        )

    def pymorphy(name: str, gender: str, case: str) -> str:
        out = []
        for word, part in zip(name.split(" "), morph_ru._name_parts(name.split(" "))):
            parses = [p for p in analyzer.parse(word) if part != "I" and morph_tag[part] in p.tag and "nomn" in p.tag]
            parses = [p for p in parses if (p.tag.gender == "femn") == (gender == "f")] or parses
            inflected = parses[0].inflect({grammeme[case], "sing"}) if parses else None
            out.append(word if inflected is None else inflected.word.capitalize())
        return " ".join(out)

    systems = {
        "translit (pytrovich + Kazakh rules)": lambda n, g, c: morph_ru.inflect_person(n, g)[c],
        "pytrovich alone": pytrovich_alone,
        "pymorphy3 (Name/Surn/Patr)": pymorphy,
    }
    print(f"\nRussian name forms: {len(rows)} forms of {len({r[0] for r in rows})} names ({table.relative_to(ROOT)}, hand-written; "
          "translit's two women's-name rules were written from it, so translit's row is not a held-out figure)")
    print(f"{'system':<38}{'wrong':>7}{'right':>8}  examples of errors")
    for label, inflect in systems.items():
        wrong = [(name, case, inflect(name, gender, case), form) for name, gender, case, form in rows if inflect(name, gender, case) != form]
        sample = "; ".join(f"{got} (want {want})" for _, _, got, want in wrong[:2])
        print(f"{label:<38}{len(wrong):>7}{1 - len(wrong) / len(rows):>8.1%}  {sample}")


if __name__ == "__main__":
    raise SystemExit(main())
