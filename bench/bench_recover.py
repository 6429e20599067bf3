"""Benchmark of translit.recovery on held-out Kazakh text the lexicon never saw.

Takes the held-out sentences of bench/build_kk_lexicon.py's fixed split (SHA-1
of the sentence = 0 mod 5), romanizes them with translit's engine in kk-news
and kk-latin-2021, recovers them and counts the words that come back exactly
(case included). Baselines: the engine's own ``cyrillize`` (where the scheme is
reversible) and a letter-by-letter reading under vowel harmony (the fallback
recover uses for unknown words). Typo suggestions: a single random edit of
the kk-news spelling of held-out words (seeded), counted as found when the
original is among the top 3 suggestions of a flagged word, or among the top 3
alternatives of a word read as valid (a slip onto another word: its
alternatives list the corpus words one slip away), in three draws the ranking
was not fitted on, and pooled. Speed: words per CPU second over the kk-news
text (lexicon loaded; word cache cleared, or warm), and over the same text
with about half its words mistyped (:data:`SLIP_RATE`), the fastest of
--speed-runs runs.

    python bench/bench_recover.py [--shared ../shared] [--typos 1000]
    python bench/bench_recover.py --digest     # one hash of all the output: a refactoring keeps it
    valgrind --tool=callgrind --toggle-collect=functools_reduce python bench/bench_recover.py --slipped-run 200
                                               # the instructions of a cold run over mistyped text
    python bench/bench_recover.py --speed-only # the speed table alone (run it from outside the checkout
                                               # to measure an installed, compiled wheel)
"""

from __future__ import annotations

import argparse
import csv
import functools
import gc
import hashlib
import importlib
import importlib.util
import io
import json
import os
import platform
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the installed translit where there is one: a wheel's recovery is compiled, as users run it
if importlib.util.find_spec("translit") is None:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from translit.transliteration.engine import cyrillize, romanize  # noqa: E402
from translit.errors import TranslitError  # noqa: E402

recover_module = importlib.import_module("translit.recovery")
reading, spelling = (importlib.import_module(f"translit.recovery.{name}") for name in ("reading", "spelling"))

# after translit: the lexicon builder puts the checkout first on the path, for its own use
from build_kk_lexicon import held_out, kazakh_sentences  # noqa: E402

CYR_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")


def word_accuracy(pairs: list[tuple[str, str]]) -> tuple[int, int, int]:
    """(correct words, words, sentences whose word counts differ) over (original, recovered) pairs."""
    correct = total = misaligned = 0
    for original, recovered in pairs:
        a, b = CYR_WORD.findall(original), CYR_WORD.findall(recovered)
        if len(a) != len(b):
            misaligned += 1
        total += len(a)
        correct += sum(1 for x, y in zip(a, b) if x == y)
    return correct, total, misaligned


def letter_by_letter(latin: str, style: str) -> str:
    """The baseline reading: ``latin`` spelled letter by letter under vowel harmony, its case kept."""
    spelled = spelling._spell(spelling._lower(latin, style), style)
    recase = reading._recase(latin)
    return recase(spelled) if recase else spelled


def typo(word: str, rng: random.Random) -> str:
    """One random edit of a Latin word: deletion, insertion, substitution or transposition."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    i = rng.randrange(len(word))
    kind = rng.choice("disx" if len(word) > 1 else "dis")
    if kind == "d":
        return word[:i] + word[i + 1 :]
    if kind == "i":
        return word[:i] + rng.choice(letters) + word[i:]
    if kind == "s":
        return word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--typos", type=int, default=1000)
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong words per scheme")
    parser.add_argument("--speed-runs", type=int, default=5, help="runs per speed figure (the fastest is shown)")
    parser.add_argument("--unseen", type=Path, help="a second held-out set from another source (see bench/README.md)")
    parser.add_argument("--unseen-part", choices=("report", "dev"), default="report",
                        help="the part of --unseen to measure: report (the figures) or dev (to read errors on)")
    parser.add_argument("--speed-only", action="store_true",
                        help="print only the speed table (to compare builds: a wheel compiled by mypyc, the source)")
    parser.add_argument("--slipped-run", type=int, metavar="N",
                        help="recover the first N sentences of the slipped text once, cold, for callgrind "
                             "(--toggle-collect=functools_reduce counts that run alone)")
    parser.add_argument("--digest", action="store_true",
                        help="print only the SHA-256 of every recovery of the held-out text, to show that a "
                             "refactoring changed no output")
    args = parser.parse_args(argv)

    sentences = [text for _, text in kazakh_sentences(args.shared) if held_out(text)]
    if args.digest:
        print(f"recover output SHA-256: {output_digest(sentences)}")
        return 0
    if args.slipped_run:
        slipped_run(sentences, args.slipped_run)
        return 0
    unseen = unseen_sentences(args.unseen, args.unseen_part) if args.unseen else []
    if args.speed_only:
        speed_table(sentences, args.speed_runs, unseen, english_sentences(args.shared))
        return 0
    words = sum(len(CYR_WORD.findall(s)) for s in sentences)
    t0, w0 = time.process_time(), time.perf_counter()
    recover_module.load_lexicon()
    load, wall = time.process_time() - t0, time.perf_counter() - w0
    print(f"held-out: {len(sentences)} sentences, {words} Cyrillic words; "
          f"lexicon load {load:.2f} s CPU ({wall:.2f} s wall)\n")

    false_flags, news_words = accuracy_table(sentences, args.errors)
    if args.unseen:
        print(f"\nunseen: {len(unseen)} sentences ({args.unseen_part} part) of {args.unseen.name}, "
              f"{sum(len(CYR_WORD.findall(s)) for s in unseen)} Cyrillic words\n")
        accuracy_table(unseen, args.errors if args.unseen_part == "dev" else 0)
    english_table(args.shared)
    names_table(args.shared)

    if args.typos:
        typo_table(sentences, args.typos)
    print(f"false alarms on the clean kk-news text: {false_flags} of {news_words} words flagged "
          f"({false_flags / max(news_words, 1):.1%})")
    speed_table(sentences, args.speed_runs, unseen, english_sentences(args.shared))
    return 0


def output_digest(sentences: list[str]) -> str:
    """SHA-256 of the repr of every recovery (readings, scores, alternatives, suggestions) of the
    sentences in kk-news and kk-latin-2021, with and without suggestions."""
    digest = hashlib.sha256()
    for scheme in ("kk-news", "kk-latin-2021"):
        for sentence in sentences:
            latin = romanize(sentence, scheme)
            for suggest in (True, False):
                digest.update(repr(recover_module.recover(latin, suggest=suggest)).encode("utf-8"))
    return digest.hexdigest()


def accuracy_table(sentences: list[str], errors: int) -> tuple[int, int]:
    """Print the words recovered right from the kk-latin-2021 and kk-news renderings of ``sentences``
    beside the baselines; return (words flagged, words read) on the kk-news text (clean text: every
    flag is a false alarm). ``errors`` wrong words per scheme go to standard error."""
    print("| input scheme | recover word acc. | engine cyrillize | letter-by-letter | misaligned sentences |")
    print("|---|---|---|---|---|")
    flagged = read = 0
    for scheme in ("kk-latin-2021", "kk-news"):
        latin = [romanize(s, scheme) for s in sentences]
        recovered = [recover_module.recover(text) for text in latin]
        if scheme == "kk-news":
            read = sum(len(r.words) for r in recovered)
            flagged = sum(len(r.typos) for r in recovered)
        ok, total, bad = word_accuracy(list(zip(sentences, (r.text for r in recovered))))
        try:
            base = word_accuracy([(s, cyrillize(t, scheme)) for s, t in zip(sentences, latin)])
            engine = f"{base[0] / base[1]:.1%}"
        except TranslitError:
            engine = "n/a (not reversible)"
        letters = word_accuracy([(s, recover_module.LATIN_WORD.sub(lambda m: letter_by_letter(m.group(0), scheme), t))
                                 for s, t in zip(sentences, latin)])
        print(f"| {scheme} | **{ok / total:.1%}** ({ok}/{total}) | {engine} | {letters[0] / letters[1]:.1%} | {bad} |")
        shown = 0
        for s, r in zip(sentences, recovered):
            for x, y in zip(CYR_WORD.findall(s), CYR_WORD.findall(r.text)):
                if x != y and shown < errors:
                    print(f"    {scheme}: {x} -> {y}", file=sys.stderr)
                    shown += 1
    return flagged, read


_LATIN_I = re.compile(r"(?<=[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі])[iI]|[iI](?=[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі])")


def unseen_sentences(path: Path, part: str) -> list[str]:
    """The sentences of a second held-out set (bench/README.md says where to get it): the first
    column of a CSV with a header (KazSim's "Complex Sentence"), or one sentence a line. The Latin i
    that scanned Kazakh books carry for і is mended. ``part`` "report" is two thirds of them by
    SHA-1, "dev" the other third: errors may be read and the code changed on dev only."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        rows = [row[0] for row in list(csv.reader(io.StringIO(text)))[1:] if row]
    else:
        rows = [line.strip() for line in text.splitlines() if line.strip()]
    sentences = [_LATIN_I.sub(lambda m: "і" if m.group(0) == "i" else "І", row) for row in rows]
    dev = {s for s in sentences if int(hashlib.sha1(s.encode("utf-8")).hexdigest(), 16) % 3 == 0}
    return [s for s in sentences if (s in dev) == (part == "dev")]


def english_table(shared: Path) -> None:
    """Print the share of English sentences that recovery leaves unchanged: the English web text
    of the shared data (UD English-EWT) and the English side of its government news
    (news/kk-en.jsonl), none of which the English word list was built from."""
    with open(shared / "data" / "news" / "kk-en.jsonl", encoding="utf-8") as handle:
        news = [record["en"] for record in map(json.loads, handle) if record.get("en")]
    print("\n| English text in the shared data | sentences | unchanged | words left in Latin |")
    print("|---|---|---|---|")
    for label, sentences in (("web text (UD English-EWT)", english_sentences(shared)),
                             ("government news (news/kk-en.jsonl)", news)):
        recovered = [recover_module.recover(text, suggest=False) for text in sentences]
        kept = sum(result.text == text for result, text in zip(recovered, sentences))
        words = [word for result in recovered for word in result.words]
        latin = sum(w.cyrillic == w.latin for w in words)
        print(f"| {label} | {len(sentences)} | **{kept / len(sentences):.1%}** "
              f"| {latin / len(words):.1%} of {len(words)} |")


def headline_names(shared: Path) -> list[tuple[str, str]]:
    """(a capitalised word of an English headline, the word of its Kazakh headline that spells it)
    from the government headlines of the shared data (news/kk-en.jsonl), which no lexicon was built
    from: names in their official Latin spelling (Aidarbayev, Baimenov, Yessimov), as the press and
    the passports write them. A pair is kept when the Kazakh word's skeleton begins within one edit
    of the Latin word's (the Kazakh word may carry an ending: Байменовті) and the Latin word is no
    word of the English list (Minister, Senate are translated, not spelled)."""
    from rapidfuzz.distance import Levenshtein

    lexicon = recover_module.load_lexicon()
    pairs: set[tuple[str, str]] = set()
    with open(shared / "data" / "news" / "kk-en.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    for record in records:
        if not record.get("kk") or not record.get("en") or record["source"].get("kind") != "headline":
            continue
        kazakh = re.findall(r"[А-ЯӘҒҚҢӨҰҮҺІЁ][а-яәғқңөұүһіё]+", record["kk"])
        for latin in re.findall(r"\b[A-Z][a-z]{2,}\b", record["en"]):
            if lexicon.english.get(latin.lower(), 0):
                continue
            folded = spelling.fold(latin.lower())
            near = [(min(Levenshtein.distance(folded, key[:size]) for size in range(len(folded) - 1, len(folded) + 2)), word)
                    for word in kazakh for key in [spelling.skeleton(word.lower())] if len(key) >= len(folded) - 1]
            best = min(near, default=(9, ""))
            if best[0] <= 1:
                pairs.add((latin, best[1]))
    return sorted(pairs)


def names_table(shared: Path) -> None:
    """Print the share of names in their official Latin spelling that recovery reads right: its
    reading begins the Kazakh headline's word, which may add an ending of up to five letters."""
    pairs = headline_names(shared)
    if not pairs:
        return
    def right(reading: str, word: str) -> bool:
        return word.startswith(reading) and len(word) - len(reading) <= 5
    recovered = sum(right(recover_module.recover(latin).text, word) for latin, word in pairs)
    spelled = sum(right(letter_by_letter(latin, "kk-news"), word) for latin, word in pairs)
    print("\n| names in the English government headlines (news/kk-en.jsonl), official Latin spelling | names "
          "| recover | letter by letter |")
    print("|---|---|---|---|")
    print(f"| read as the Kazakh headline spells them | {len(pairs)} | **{recovered / len(pairs):.1%}** "
          f"| {spelled / len(pairs):.1%} |")


def english_sentences(shared: Path) -> list[str]:
    """The English web text of the shared data (UD English-EWT)."""
    with open(shared / "data" / "langid" / "dev.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return [record["text"] for record in records if record["lang"] == "en" and record["script"] == "Latn"]


def slipped_words(sentences: list[str], size: int, seed: int) -> list[tuple[str, str]]:
    """(word, its kk-news spelling with one random edit) for ``size`` distinct held-out words of
    four letters or more, drawn with ``seed``."""
    rng = random.Random(seed)
    pool = sorted({w.lower() for s in sentences for w in CYR_WORD.findall(s) if len(w) >= 4})
    return [(word, typo(romanize(word, "kk-news"), rng)) for word in rng.sample(pool, min(size, len(pool)))]


TEST_DRAWS = (5, 11, 13)
"""Seeds of the typo draws the ranking was never fitted on (bench/tune_typos.py fits on others)."""


def typo_table(sentences: list[str], size: int) -> None:
    """Top-3 suggestion rate for one random edit of held-out words' kk-news spelling, for each
    of the :data:`TEST_DRAWS` and pooled: one draw of 1,000 words varies by a point or more."""
    print(f"\n| typos: one random edit of the kk-news spelling, {size} held-out words a draw "
          "| flagged | right word in top 3 | of the flagged |")
    print("|---|---|---|---|")
    pooled = [0, 0, 0, 0]
    for seed in TEST_DRAWS:
        sample = slipped_words(sentences, size, seed)
        found = flagged = found_flagged = 0
        for word, bad in sample:
            result = recover_module.recover(bad).words
            if not result:
                continue
            item = result[0]
            flagged += item.typo
            ranked = item.suggestions if item.typo else item.alternatives
            hit = any(c.cyrillic.lower() == word for c in ranked[:3])
            found += hit
            found_flagged += hit and item.typo
        print(f"| draw {seed} | {flagged / len(sample):.1%} | {found / len(sample):.1%} "
              f"| {found_flagged / max(flagged, 1):.1%} |")
        for i, value in enumerate((len(sample), flagged, found, found_flagged)):
            pooled[i] += value
    words, flagged, found, found_flagged = pooled
    print(f"| **pooled** ({words} typos) | {flagged / words:.1%} | **{found / words:.1%}** "
          f"| {found_flagged / max(flagged, 1):.1%} |\n")


SLIP_RATE = 0.65
"""The share of the words of three letters or more the speed table's slipped text mistypes: about
half its words are then unknown, as issue 19's bound on the cost of an unknown word is stated.
(Until 2026-12-07 every second such word was slipped: 39% unknown.)"""


def slipped_texts(latin: list[str]) -> list[str]:
    """The speed table's mistyped text: a word of three letters or more slipped at SLIP_RATE, half
    the words unknown (a slip may land on another word, and most words of one or two letters are
    known)."""
    rng = random.Random(17)
    return [recover_module.LATIN_WORD.sub(
        lambda m: typo(m.group(0), rng) if len(m.group(0)) > 2 and rng.random() < SLIP_RATE else m.group(0), text)
        for text in latin]


def slipped_run(sentences: list[str], count: int) -> None:
    """One cold recovery of the first ``count`` sentences of the slipped text, after a pass that
    builds every index, run inside :func:`functools.reduce` so that callgrind counts it alone:
    ``valgrind --tool=callgrind --toggle-collect=functools_reduce``."""
    texts = slipped_texts([romanize(s, "kk-news") for s in sentences])[:count]
    lexicon = recover_module.load_lexicon()
    for text in texts:
        recover_module.recover(text)
    recover_module.clear_word_caches(lexicon)
    gc.collect()
    results = functools.reduce(lambda done, text: [*done, recover_module.recover(text)], texts, [])
    print(f"{sum(len(r.words) for r in results)} words, {sum(len(r.typos) for r in results)} flagged, "
          f"translit.recovery from {reading.__file__}")


def speed_table(sentences: list[str], runs: int, unseen: list[str], english: list[str]) -> None:
    """Words per CPU second, cold and warm: the fastest of ``runs`` runs. Besides the held-out
    text and its slips, ``english`` text (every word unknown to the Kazakh lexicon, which recovery
    must leave alone) and the renderings of the ``unseen`` sentences of a second held-out set (the
    words no lexicon built from news knows: names, archaic and dialogue forms).

    CPU time of this process, and the fastest run, because the machine is
    shared: wall time would measure the neighbours too, and even CPU time
    swells under contention (caches, hyper-threads), never shrinks.

    Each run starts from a collected heap, as a fresh process does after
    loading the lexicon: the garbage collector still counts the objects of
    the caches cleared for the run toward its next full collection, which
    the run would pay for. The collections the run's own objects cause are
    counted.
    """
    latin = [romanize(s, "kk-news") for s in sentences]
    slipped = slipped_texts(latin)
    cases = [
        ("cold word cache, with suggestions", latin, True, 1),
        ("cold word cache, suggest=False", latin, False, 1),
        ("warm word cache (second pass)", latin, True, 2),
        (f"cold, words slipped ({_unknown(slipped):.0%} unknown), with suggestions", slipped, True, 1),
    ]
    cases.append((f"cold, English web text ({_unknown(english):.0%} no Kazakh word), with suggestions", english, True, 1))
    for scheme in ("kk-news", "kk-latin-2021") if unseen else ():
        rendered = [romanize(s, scheme) for s in unseen]
        cases.append((f"cold, unseen set in {scheme} ({_unknown(rendered):.0%} unknown), with suggestions",
                      rendered, True, 1))
    rows = []
    for label, texts, suggest, passes in cases:
        measured = []
        for _ in range(runs):
            recover_module.clear_word_caches(recover_module.load_lexicon())
            for _ in range(passes):
                gc.collect()
                start, wall = time.process_time(), time.perf_counter()
                count = sum(len(recover_module.recover(t, suggest=suggest).words) for t in texts)
                cpu, wall = time.process_time() - start, time.perf_counter() - wall
            measured.append((cpu, wall))
        cpu, wall = min(measured)
        rows.append(f"| {label} | {count} | {cpu:.2f} s | **{count / cpu:,.0f}** | {count / wall:,.0f} |")
    # the interpreter's build and the host move these figures by a third (see bench/README.md)
    print(f"\ninterpreter: {platform.python_implementation()} {platform.python_version()} (base {sys.base_prefix}), "
          f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    where = str(reading.__file__)
    print(f"translit.recovery: {'pure Python' if where.endswith('.py') else 'compiled by mypyc'} ({where})")
    print("\n| speed (kk-news held-out text unless named) | words | CPU time | words/s (CPU) | words/s (wall) |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))


def _unknown(texts: list[str]) -> float:
    """The share of the words of ``texts`` that recovery flags as unknown."""
    known = [word.known for text in texts for word in recover_module.recover(text, suggest=False).words]
    return known.count(False) / max(len(known), 1)


if __name__ == "__main__":
    raise SystemExit(main())
