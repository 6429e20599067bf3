"""Language detection: translit against lingua, langid and langdetect on held-out real text.

    python bench/bench_detect.py [--data ../shared/data/langid/dev.jsonl] [--peers lingua_r,langid_r,langdetect]
                                 [--repeat 7] [--no-startup] [--dump predictions.jsonl] [--unseen DIR]

The held-out part of dev.jsonl is the one build_langid_profiles.py never
counts (same fixed hash split). Latin-typed kk/ru are the held-out Cyrillic
kk/ru sentences romanized with each translit scheme. Prints Markdown tables:
accuracy per language x length bucket, macro-F1 over kk/ru/en, Latin-typed
kk/ru (and the scheme named), false alarms, speed, start-up time and memory.

``--unseen DIR`` adds the second held-out set, text of other sources and
domains (``bench/unseen_detect.py`` says which, bench/README.md how to get
it), on which translit runs both unrestricted and with the site languages
kk/ru/en, beside each peer also restricted to kk/ru/en.

``--dump FILE`` also writes every translit Detection (exact probabilities) of
the held-out, romanized and news texts, one JSON line each: two dumps are
identical exactly when a change to the detector changed no result.
``--peers '' --no-startup`` is the quick run (seconds) for such checks.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import gc
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from build_langid_profiles import DEFAULT_DATA, ROMANIZED_SCHEMES, load, split  # noqa: E402

LANGS = ("kk", "ru", "en", "ky", "uk", "tt", "uz", "tr")
SITE = ("kk", "ru", "en")
BUCKETS = ("short", "sentence", "paragraph")

# Prediction: (lang, romanized, scheme).
Prediction = tuple[str, bool, "str | None"]


def translit_detector(languages: tuple[str, ...] | None = None) -> Callable[[str], Prediction]:
    from translit.language.detection import detect

    def run(text: str) -> Prediction:
        d = detect(text, languages)
        return d.lang, d.romanized, d.scheme

    return run


def translit_site() -> Callable[[str], Prediction]:
    """translit told the languages a Kazakh site publishes in."""
    return translit_detector(SITE)


def lingua_r(site_only: bool = False) -> Callable[[str], Prediction]:
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.KAZAKH, Language.RUSSIAN, Language.ENGLISH]
    if not site_only:
        languages += [Language.UKRAINIAN, Language.TURKISH]
    detector = LanguageDetectorBuilder.from_languages(*languages).build()

    def run(text: str) -> Prediction:
        lang = detector.detect_language_of(text)
        return (lang.iso_code_639_1.name.lower() if lang else "und"), False, None

    return run


def langid_r(site_only: bool = False) -> Callable[[str], Prediction]:
    from langid.langid import LanguageIdentifier, model

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=False)
    identifier.set_languages(list(SITE) if site_only else ["kk", "ru", "en", "ky", "uk", "tr"])

    def run(text: str) -> Prediction:
        return identifier.classify(text)[0], False, None

    return run


def langdetect_plain() -> Callable[[str], Prediction]:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)

    def run(text: str) -> Prediction:
        detector = factory.create()
        detector.append(text)
        try:
            return detector.detect().split("-")[0], False, None
        except LangDetectException:
            return "und", False, None

    return run


DETECTORS: dict[str, Callable[[], Callable[[str], Prediction]]] = {
    "translit": translit_detector,
    "translit_site": translit_site,
    "lingua_r": lingua_r,
    "langid_r": langid_r,
    "langdetect": langdetect_plain,
}
# Each peer told the site's languages too (langdetect cannot be).
SITE_PEERS: dict[str, Callable[[], Callable[[str], Prediction]]] = {
    "lingua_3": lambda: lingua_r(site_only=True),
    "langid_3": lambda: langid_r(site_only=True),
}

STARTUP_SNIPPET = {
    "translit": "import translit; translit.detect('Бахина фото'); translit.detect('Otbasylyk oku')",
    "translit_site": "import translit; s = ('kk', 'ru', 'en'); translit.detect('Бахина фото', s); translit.detect('Otbasylyk oku', s)",
    "lingua_r": "import sys; sys.path.insert(0, 'bench'); import bench_detect as b; f = b.lingua_r(); f('Бахина фото'); f('Otbasylyk oku')",
    "langid_r": "import sys; sys.path.insert(0, 'bench'); import bench_detect as b; f = b.langid_r(); f('Бахина фото'); f('Otbasylyk oku')",
    "langdetect": "import sys; sys.path.insert(0, 'bench'); import bench_detect as b; f = b.langdetect_plain(); f('Бахина фото'); f('Otbasylyk oku')",
}


def romanized(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from translit.transliteration.engine import romanize

    out = []
    for lang, schemes in ROMANIZED_SCHEMES.items():
        for scheme in schemes:
            for r in records:
                if r["lang"] == lang and r["script"] == "Cyrl":
                    out.append({**r, "text": romanize(r["text"], scheme), "original": r["text"], "scheme": scheme})
    return out


def news_names(data_dir: Path) -> list[dict[str, Any]]:
    """Headlines and institution names from real Kazakh news sites, when ../shared/data has them."""
    out: list[dict[str, Any]] = []
    headlines = data_dir / "news" / "kk-en.jsonl"
    if headlines.exists():
        for line in headlines.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out += [{"lang": lang, "text": record[lang]} for lang in ("kk", "en") if record.get(lang)]
    institutions = data_dir / "institutions.tsv"
    if institutions.exists():
        with institutions.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                out += [{"lang": lang, "text": row[lang]} for lang in ("kk", "ru", "en") if row.get(lang)]
    return out


def pct(hits: int, total: int) -> str:
    return f"{100 * hits / total:.1f}" if total else "–"


def f1(predictions: list[tuple[str, str]], label: str) -> float:
    tp = sum(1 for gold, got in predictions if gold == label and got == label)
    fp = sum(1 for gold, got in predictions if gold != label and got == label)
    fn = sum(1 for gold, got in predictions if gold == label and got != label)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def startup(name: str, repo: Path) -> tuple[float, float, float, float]:
    """(wall s, CPU s) to import and make the first two calls, beyond a bare interpreter; peak RSS MB; bare wall s.

    Best of three fresh processes. CPU time (user + system) is reported beside wall time because on a shared
    machine the wall clock mostly measures the neighbours.
    """

    def timed(code: str) -> tuple[float, float, float]:
        best = (1e9, 1e9, 0.0)
        for _ in range(3):
            probe = (
                "import resource, subprocess, sys, time; t = time.perf_counter(); "
                f"subprocess.run([sys.executable, '-c', {code!r}], check=True, cwd={str(repo)!r}); "
                "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
                "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024)"
            )
            out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
            wall, cpu, rss = float(out[0]), float(out[1]), float(out[2])
            best = (min(best[0], wall), min(best[1], cpu), max(best[2], rss))
        return best

    bare_wall, bare_cpu, _ = timed("pass")
    wall, cpu, rss = timed(STARTUP_SNIPPET[name])
    return wall - bare_wall, cpu - bare_cpu, rss, bare_wall


def measure_speed(name: str, short: list[str], repeat: int) -> tuple[float, float]:
    """(cold, warm) segments per second of CPU time, each the best of ``repeat`` runs.

    Cold: a fresh detector (translit: empty word memo) on segments it has never
    seen; warm: the same segments again. Best of several because the machine is
    shared: the neighbours only ever slow a run down.
    """
    cold = warm = 0.0
    for _ in range(repeat):
        if name.startswith("translit"):
            from translit.language import known_words
            from translit.language.detection import default_detector

            default_detector.cache_clear()
            known_words.clear_caches()
        run = DETECTORS[name]()
        run("warm-up"), run("разогрев")
        gc.collect()
        start = time.process_time()
        for text in short:
            run(text)
        cold = max(cold, len(short) / (time.process_time() - start))
        start = time.process_time()
        for text in short:
            run(text)
        warm = max(warm, len(short) / (time.process_time() - start))
    return cold, warm


def dump(path: Path, texts: list[str]) -> None:
    """Every translit Detection of ``texts``, exact, one JSON line each (for comparing two versions)."""
    from translit.language.detection import detect

    with path.open("w", encoding="utf-8") as handle:
        for text in texts:
            record = {"text": text, **dataclasses.asdict(detect(text))}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--peers", default="lingua_r,langid_r,langdetect")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up/RSS subprocess measurements")
    parser.add_argument("--repeat", type=int, default=7, help="speed runs per detector; the best is reported")
    parser.add_argument("--dump", type=Path, help="write every translit Detection here (JSON lines)")
    parser.add_argument("--unseen", type=Path, help="folder of the second held-out set (bench/README.md)")
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parents[1]

    _, held = split(load(args.data))
    latin = romanized(held)
    names = ["translit", "translit_site"] + [p for p in args.peers.split(",") if p]
    print(f"held-out records: {len(held)} (+{len(latin)} romanized kk/ru); detectors: {', '.join(names)}\n")

    results: dict[str, list[Prediction]] = {}
    latin_results: dict[str, list[Prediction]] = {}
    news_results: dict[str, list[Prediction]] = {}
    news = news_names(args.data.parent.parent)
    speed: dict[str, tuple[float, float]] = {}
    short = [r["text"] for r in held if r["length_bucket"] == "short"]
    for name in names:
        run = DETECTORS[name]()
        run("warm-up"), run("разогрев")
        results[name] = [run(r["text"]) for r in held]
        latin_results[name] = [run(r["text"]) for r in latin]
        news_results[name] = [run(r["text"]) for r in news]
        speed[name] = measure_speed(name, short, args.repeat)
    if args.dump:
        dump(args.dump, [r["text"] for r in held + latin + news])

    # Accuracy per language x bucket.
    cells = [(lang, bucket) for lang in LANGS for bucket in BUCKETS]
    counts = Counter((r["lang"], r["length_bucket"]) for r in held)
    print("### Accuracy (%) per language × length, held-out native-script text\n")
    print("| detector | " + " | ".join(f"{l}/{b[:4]}" for l, b in cells) + " |")
    print("|---" * (len(cells) + 1) + "|")
    print("| n | " + " | ".join(str(counts[c]) for c in cells) + " |")
    for name in names:
        hits: Counter[tuple[str, str]] = Counter()
        for r, (lang, is_roman, _) in zip(held, results[name]):
            hits[(r["lang"], r["length_bucket"])] += lang == r["lang"] and not is_roman
        print(f"| {name} | " + " | ".join(pct(hits[c], counts[c]) for c in cells) + " |")

    # Summary.
    print("\n### Summary\n")
    print(
        "| detector | macro-F1 kk/ru/en | kk/ru/en short | kk/ru/en sent+para | ky/tt/uk not kk/ru | "
        "en → Latin-kk false alarms | Latin kk/ru sent | Latin kk/ru short | scheme named (sent) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name in names:
        preds = results[name]
        pairs = [(r["lang"], lang) for r, (lang, _, _) in zip(held, preds)]
        macro = sum(f1(pairs, label) for label in ("kk", "ru", "en")) / 3
        core = [(r, p) for r, p in zip(held, preds) if r["lang"] in ("kk", "ru", "en")]
        short_ok = [p[0] == r["lang"] and not p[1] for r, p in core if r["length_bucket"] == "short"]
        long_ok = [p[0] == r["lang"] and not p[1] for r, p in core if r["length_bucket"] != "short"]
        neighbours = [p[0] not in ("kk", "ru") for r, p in zip(held, preds) if r["lang"] in ("ky", "tt", "uk")]
        english = [p[0] == "kk" for r, p in zip(held, preds) if r["lang"] == "en"]
        lat = list(zip(latin, latin_results[name]))
        lat_sent = [p[0] == r["lang"] and (p[1] or not name.startswith("translit")) for r, p in lat if r["length_bucket"] != "short"]
        lat_short = [p[0] == r["lang"] and (p[1] or not name.startswith("translit")) for r, p in lat if r["length_bucket"] == "short"]
        scheme = [p[2] == r["scheme"] for r, p in lat if r["length_bucket"] != "short"]
        print(
            f"| {name} | {100 * macro:.1f} | {pct(sum(short_ok), len(short_ok))} | {pct(sum(long_ok), len(long_ok))} | "
            f"{pct(sum(neighbours), len(neighbours))} | {pct(sum(english), len(english))} | "
            f"{pct(sum(lat_sent), len(lat_sent))} | {pct(sum(lat_short), len(lat_short))} | "
            f"{pct(sum(scheme), len(scheme)) if name.startswith('translit') else '–'} |"
        )

    # Latin-typed kk/ru per scheme (translit; peers have no such class).
    print("\n### Latin-typed kk/ru per scheme (translit): language right / scheme right, strict and same-spelling\n")
    print("| scheme | n | lang short | lang sent+para | scheme sent+para (strict) | scheme sent+para (same spelling) | top confusion |")
    print("|---|---|---|---|---|---|---|")
    from translit.transliteration.engine import romanize

    by_scheme: dict[str, list[tuple[dict[str, Any], Prediction]]] = defaultdict(list)
    for r, p in zip(latin, latin_results["translit"]):
        by_scheme[r["scheme"]].append((r, p))
    for scheme, items in by_scheme.items():
        short_ok = [p[0] == r["lang"] and p[1] for r, p in items if r["length_bucket"] == "short"]
        long_items = [(r, p) for r, p in items if r["length_bucket"] != "short"]
        long_ok = [p[0] == r["lang"] and p[1] for r, p in long_items]
        strict = [p[2] == scheme for r, p in long_items]
        # A named scheme that spells this text exactly the same way is not wrong.
        same = [p[2] == scheme or (p[2] is not None and romanize(r["original"], p[2]) == r["text"]) for r, p in long_items]
        wrong = Counter(p[2] or p[0] for r, p in items if p[2] != scheme).most_common(1)
        print(
            f"| {scheme} | {len(items)} | {pct(sum(short_ok), len(short_ok))} | {pct(sum(long_ok), len(long_ok))} | "
            f"{pct(sum(strict), len(strict))} | {pct(sum(same), len(same))} | "
            f"{wrong[0][0] + f' {wrong[0][1]}' if wrong else ''} |"
        )

    if news:
        print(
            "\n### Real news names (../shared/data/news/kk-en.jsonl headlines + institutions.tsv names; "
            "used to tune name_penalty, so not held out)\n"
        )
        print("| detector | " + " | ".join(f"{lang} (n={sum(1 for r in news if r['lang'] == lang)})" for lang in ("kk", "ru", "en")) + " |")
        print("|---|---|---|---|")
        for name in names:
            cells = []
            for lang in ("kk", "ru", "en"):
                items = [(r, p) for r, p in zip(news, news_results[name]) if r["lang"] == lang]
                cells.append(pct(sum(p[0] == lang and not p[1] for r, p in items), len(items)))
            print(f"| {name} | " + " | ".join(cells) + " |")

    print("\n### Top confusions (gold → predicted), held-out native-script text\n")
    for name in names:
        confusions = Counter(
            f"{r['lang']}→{p[0]}{'-Latn' if p[1] else ''}"
            for r, p in zip(held, results[name])
            if p[0] != r["lang"] or p[1]
        )
        print(f"- **{name}**: " + ", ".join(f"{k} {v}" for k, v in confusions.most_common(8)))

    if args.unseen:
        if not (args.unseen / "lingua-testdata").is_dir():
            print(f"\n(no unseen set in {args.unseen}: bench/README.md says how to get it)")
        else:
            from unseen_detect import load as load_unseen, report as report_unseen

            runners = {name: DETECTORS[name]() for name in names}
            runners.update({name: make() for name, make in SITE_PEERS.items() if name[:-2] + "_r" in names})
            report_unseen(load_unseen(args.unseen), runners)

    print("\n### Cost (short held-out segments, one core, CPU time)\n")
    print("| detector | segments/s cold | segments/s warm | start-up wall s | start-up CPU s | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    bare = float("nan")
    for name in names:
        wall = cpu = rss = float("nan")
        if not args.no_startup:
            wall, cpu, rss, bare = startup(name, repo)
        print(f"| {name} | {speed[name][0]:,.0f} | {speed[name][1]:,.0f} | {wall:.3f} | {cpu:.3f} | {rss:.0f} |")
    print(
        f"\nStart-up = import + first two calls (one Cyrillic, one Latin), best of 3 fresh processes, minus a bare "
        f"`python -c pass` ({bare:.3f} s wall). cold = a fresh detector on never-seen segments; warm = the same "
        f"segments again (word memo filled); each the best of {args.repeat} runs, in CPU time. Load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
