"""The second held-out detection set: kk/ru/en (and uk) text from sources the profiles never saw.

Read by ``bench/bench_detect.py --unseen DIR``. DIR holds (see bench/README.md for how to get them):

* ``lingua-testdata/{kk,ru,en,uk}/{sentences,word-pairs,single-words}.txt``: the test data of
  lingua-rs (github pemistahl/lingua-rs, ``language-models/<lang>/testdata``, Apache-2.0), drawn by
  its author from the Leipzig Corpora Collection (news, web and Wikipedia text, original case for
  sentences, lower case for word pairs and single words);
* ``economy_gov_kz_corpus.tsv``: Kazakh-English sentence pairs of economy.gov.kz (github
  NLP-KazNU/kaz-parallel-corpora_collect_and_clean, ``corpus/``, CC BY-SA), government news,
  lower-cased and tokenized by its makers (spaces before punctuation are closed up here).

The profiles were built from KazNERD and UD treebanks (``../shared/data/langid/dev.jsonl``): another
source and domain. The records are split once by SHA-256 of the text: 30% ``dev`` (the part the
dictionary-vote settings of translit/language/detection.py were chosen on) and 70% ``report`` (the part the
bench prints). Single words are a column of their own: a lone word spelled alike in Kazakh and
Russian (масса, фосфор, Кастро) has no language to find.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable

LINGUA_FILES = {"sentences": "sentence", "word-pairs": "pair", "single-words": "word"}
SHORT = 30
_LETTER = re.compile(r"[^\W\d_]")
_TOKENIZED_PUNCT = re.compile(r" ([.,:;!?)»”])|([(«“]) ")

Prediction = tuple[str, bool, "str | None"]


def part_of(text: str) -> str:
    return "dev" if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 10 < 3 else "report"


def load(folder: Path) -> list[dict[str, Any]]:
    """Every record of the set: lang, text, source, kind (sentence, pair, word), short, part."""
    records: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(lang: str, text: str, source: str, kind: str) -> None:
        text = text.strip()
        # table cells of numbers (2017, 12,5) are in no language
        if len(_LETTER.findall(text)) >= 2 and (lang, text) not in seen:
            seen.add((lang, text))
            records.append({"lang": lang, "text": text, "source": source, "kind": kind,
                            "short": len(text) <= SHORT, "part": part_of(text)})

    for lang in ("kk", "ru", "en", "uk"):
        for name, kind in LINGUA_FILES.items():
            path = folder / "lingua-testdata" / lang / f"{name}.txt"
            if path.exists():
                for line in path.read_text(encoding="utf-8").splitlines():
                    add(lang, line, "lingua-testdata", kind)
    economy = folder / "economy_gov_kz_corpus.tsv"
    if economy.exists():
        for line in economy.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            for lang, cell in zip(("kk", "en"), cells[:2]):
                add(lang, _TOKENIZED_PUNCT.sub(lambda m: m.group(1) or m.group(2), cell), "economy.gov.kz", "sentence")
    return records


def _f1(pairs: list[tuple[str, str]], label: str) -> float:
    tp = sum(1 for gold, got in pairs if gold == label and got == label)
    fp = sum(1 for gold, got in pairs if gold != label and got == label)
    fn = sum(1 for gold, got in pairs if gold == label and got != label)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _pct(hits: int, total: int) -> str:
    return f"{100 * hits / total:.1f}" if total else "–"


def report(records: list[dict[str, Any]], runners: dict[str, Callable[[str], Prediction]], part: str = "report") -> None:
    """Print the tables of the unseen set for every runner (all run on the same records, in this run)."""
    chosen = [r for r in records if r["part"] == part]
    counts = Counter((r["source"], r["lang"], r["kind"]) for r in chosen)
    print(f"\n### Unseen text ({part} part, {len(chosen)} records; never used to build or tune the profiles)\n")
    print("Records: " + ", ".join(f"{s} {l} {k} {n}" for (s, l, k), n in sorted(counts.items())) + "\n")
    print(
        "| detector | macro-F1 kk/ru/en (sentences + pairs) | kk/ru/en short ≤ 30 chars (sentences + pairs) | "
        "kk short | ru short | en short | kk/ru/en sentences > 30 | kk/ru/en single words | "
        "uk sentences > 30 reported uk | economy.gov.kz kk / en |"
    )
    print("|---" * 10 + "|")
    for name, run in runners.items():
        got = [run(r["text"]) for r in chosen]
        rows = list(zip(chosen, got))

        def right(r: dict[str, Any], p: Prediction) -> bool:
            return p[0] == r["lang"] and not p[1]

        core = [(r, p) for r, p in rows if r["lang"] in ("kk", "ru", "en") and r["kind"] != "word"]
        pairs = [(r["lang"], p[0] + ("-Latn" if p[1] else "")) for r, p in core]
        macro = 100 * sum(_f1(pairs, label) for label in ("kk", "ru", "en")) / 3
        short = [right(r, p) for r, p in core if r["short"]]
        by_lang = {lang: [right(r, p) for r, p in core if r["short"] and r["lang"] == lang] for lang in ("kk", "ru", "en")}
        long = [right(r, p) for r, p in core if not r["short"]]
        words = [right(r, p) for r, p in rows if r["lang"] in ("kk", "ru", "en") and r["kind"] == "word"]
        uk = [right(r, p) for r, p in rows if r["lang"] == "uk" and not r["short"] and r["kind"] == "sentence"]
        economy = {lang: [right(r, p) for r, p in rows if r["source"] == "economy.gov.kz" and r["lang"] == lang] for lang in ("kk", "en")}
        print(
            f"| {name} | {macro:.1f} | {_pct(sum(short), len(short))} | "
            + " | ".join(_pct(sum(v), len(v)) for v in by_lang.values())
            + f" | {_pct(sum(long), len(long))} | {_pct(sum(words), len(words))} | {_pct(sum(uk), len(uk))} | "
            + " / ".join(_pct(sum(v), len(v)) for v in economy.values())
            + " |"
        )
    print(
        "\nn: kk/ru/en short " + str(sum(1 for r in chosen if r["lang"] != "uk" and r["kind"] != "word" and r["short"]))
        + ", sentences > 30 " + str(sum(1 for r in chosen if r["lang"] != "uk" and r["kind"] != "word" and not r["short"]))
        + ", single words " + str(sum(1 for r in chosen if r["lang"] != "uk" and r["kind"] == "word"))
        + ". short = sentences and word pairs of at most 30 characters; macro-F1 over the kk/ru/en sentences and"
        " pairs (a romanized answer counts as wrong); uk: Ukrainian sentences, which a kk/ru/en site should still see"
        " reported as uk."
    )
