"""Sentence splitting: translit's splitter against razdel and pysbd on hand-checked news sentences.

    pip install razdel pysbd        # the peers (the `bench` extra); a missing one is skipped
    python bench/bench_segment.py [--table tests/data/news_sentences.txt] [--show]

Each paragraph of the table is joined with single spaces and given to every
splitter; a splitter's errors are the sentence boundaries it puts where the
table has none (false splits) plus those of the table it misses (missed
splits), counted per language in one run. ``--show`` prints every error.
razdel is a Russian splitter and is given every language; pysbd is given its
own language code (en, ru, kk).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TABLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "news_sentences.txt"
Splitter = Callable[[str, str], list[tuple[int, int]]]


def read_table(path: Path) -> list[tuple[str, list[str]]]:
    """(language, gold sentences) of every paragraph of the table."""
    paragraphs: list[tuple[str, list[str]]] = []
    lang, current = "", []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("## "):
            lang = line[3:].strip()
        elif line.startswith("#"):
            continue
        elif line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append((lang, current))
            current = []
    return paragraphs


def translit_splitter() -> Splitter:
    from translit.language.segment import sentence_spans

    return lambda text, lang: sentence_spans(text)


def razdel_splitter() -> Splitter:
    from razdel import sentenize

    return lambda text, lang: [(s.start, s.stop) for s in sentenize(text)]


def pysbd_splitter() -> Splitter:
    import pysbd

    segmenters = {lang: pysbd.Segmenter(language=lang, clean=False, char_span=True) for lang in ("en", "ru", "kk")}
    return lambda text, lang: [(s.start, s.end) for s in segmenters[lang].segment(text)]


SPLITTERS: dict[str, Callable[[], Splitter]] = {"translit": translit_splitter, "razdel": razdel_splitter, "pysbd": pysbd_splitter}


def starts(spans: list[tuple[int, int]], text: str) -> set[int]:
    """Where the second and later sentences start (white space skipped): the boundaries."""
    out = set()
    for start, _ in spans[1:]:
        while start < len(text) and text[start].isspace():
            start += 1
        out.add(start)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--show", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    paragraphs = read_table(args.table)
    langs = sorted({lang for lang, _ in paragraphs}, key=["ru", "kk", "en"].index)
    sentences = {lang: sum(len(s) for l, s in paragraphs if l == lang) for lang in langs}
    runners: dict[str, Splitter] = {}
    for name, make in SPLITTERS.items():
        try:
            runners[name] = make()
        except ImportError:
            print(f"{name}: not installed, skipped", file=sys.stderr)
    print(f"{sum(sentences.values())} hand-checked sentences in {len(paragraphs)} paragraphs ({args.table.name}): "
          + ", ".join(f"{lang} {n}" for lang, n in sentences.items()) + "\n")
    print("| splitter | " + " | ".join(f"{lang} errors" for lang in langs) + " | all errors | false splits | missed splits | paragraphs right |")
    print("|---" * (len(langs) + 5) + "|")
    for name, split in runners.items():
        per_lang = dict.fromkeys(langs, 0)
        false = missed = right = 0
        shown = []
        for lang, gold_sentences in paragraphs:
            text = " ".join(gold_sentences)
            gold, offset = set(), 0
            for sentence in gold_sentences[:-1]:
                offset += len(sentence) + 1
                gold.add(offset)
            got = starts(split(text, lang), text)
            extra, lost = got - gold, gold - got
            false += len(extra)
            missed += len(lost)
            per_lang[lang] += len(extra) + len(lost)
            right += not extra and not lost
            shown += [f"  {name} {lang} false split: …{text[max(0, i - 40):i]}|{text[i:i + 25]}…" for i in sorted(extra)]
            shown += [f"  {name} {lang} missed: …{text[max(0, i - 40):i]}|{text[i:i + 25]}…" for i in sorted(lost)]
        print(f"| {name} | " + " | ".join(str(per_lang[lang]) for lang in langs)
              + f" | {false + missed} | {false} | {missed} | {right}/{len(paragraphs)} |")
        if args.show:
            print("\n".join(shown), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
