"""Speed and accuracy of translit's romanization against peer libraries, in one run.

    python bench/bench_romanize.py            # ~4 MB of Kazakh+Russian news text
    python bench/bench_romanize.py --mb 8 --repeat 5

The text is the Kazakh and Russian sentences of ../shared/data/langid/dev.jsonl,
repeated to the requested size (or, without that file, the Cyrillic sides of the
rule files' own examples). Every tool transliterates the same text; the speed table
gives MB/s of UTF-8 input (CPU time, best of --repeat runs) and the ratio to translit on the
same scheme. Peers that implement the same standard are compared word by word:
the accuracy table gives the share of test words (the schemes' examples, the most
frequent words of the text, and their ALL-CAPS forms) where the peer writes what
translit writes, which is what the standard says (the rule files' examples prove it).

Peers: iuliia (Russian schemas), PyICU transforms (if importable), transliterate
('ru', its own scheme), cyrtranslit ('ru', GOST-B-like) and, as the practical ceiling
of pure Python, one str.translate over a letter table without context rules.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import translit  # noqa: E402
from translit.transliteration.scheme import ALPHABETS, builtin_paths, read_spec  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "langid" / "dev.jsonl"
WORD = re.compile(r"[\u0400-\u04ff]+")

# The standard each iuliia schema implements, as translit names it.
IULIIA = {
    "ru-iso9": "GOST_779",
    "ru-gost-7.79b": "GOST_779_ALT",
    "ru-bgn-pcgn": "BGN_PCGN_ALT",
    "ru-icao": "ICAO_DOC_9303",
    "ru-alalc": "ALA_LC",
    "ru-scholarly": "SCIENTIFIC",
    "ru-news": "WIKIPEDIA",
}
ICU = {
    "ru-bgn-pcgn": "Russian-Latin/BGN",
    "kk-bgn-pcgn": "Kazakh-Latin/BGN",
    "ru-iso9": "Cyrillic-Latin",
}
SPEED_ONLY_SCHEMES = ["kk-latin-2021", "kk-news", "kk-iso9", "kk-alalc", "kk-latin-2018", "kk-latin-2017"]


@dataclass
class Tool:
    scheme: str  # the translit scheme this tool is compared with
    name: str
    run: Callable[[str], str]
    same_standard: bool = True  # False: the peer's own scheme, speed only


def build_text(megabytes: float) -> tuple[str, str]:
    """The benchmark text and a description of where it came from."""
    if DEV.is_file():
        lines = []
        for line in DEV.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["lang"] in ("kk", "ru") and record["script"] == "Cyrl":
                lines.append(record["text"])
        source = f"{len(lines)} kk+ru sentences of {DEV.name}"
    else:
        lines = []
        for path in builtin_paths().values():
            spec = read_spec(path.stem)
            lines += [cyrillic for cyrillic, _ in spec.examples + spec.examples_forward]
        source = f"{len(lines)} example sentences of rules/*.toml (fallback: {DEV} missing)"
    block = "\n".join(lines) + "\n"
    repeat = max(1, int(megabytes * 1_000_000 / len(block.encode("utf-8"))) + 1)
    return block * repeat, source


def peers() -> list[Tool]:
    tools: list[Tool] = []
    try:
        import iuliia

        for scheme, schema in IULIIA.items():
            tools.append(Tool(scheme, f"iuliia {schema}", getattr(iuliia, schema).translate))
    except ImportError:
        print("iuliia not installed: skipped", file=sys.stderr)
    try:
        import icu

        for scheme, transform in ICU.items():
            tools.append(Tool(scheme, f"PyICU {transform}", icu.Transliterator.createInstance(transform).transliterate))
    except ImportError:
        print("PyICU not installed (pip install pyicu-wheels): skipped", file=sys.stderr)
    try:
        from transliterate import translit as tr

        tools.append(Tool("ru-news", "transliterate 'ru' (own scheme)", lambda s: tr(s, "ru", reversed=True), False))
    except ImportError:
        print("transliterate not installed: skipped", file=sys.stderr)
    try:
        import cyrtranslit

        tools.append(Tool("ru-gost-7.79b", "cyrtranslit 'ru' (GOST-B-like)", lambda s: cyrtranslit.to_latin(s, "ru"), False))
    except ImportError:
        print("cyrtranslit not installed: skipped", file=sys.stderr)
    return tools


def ceiling(scheme_id: str) -> Callable[[str], str]:
    """One str.translate over the scheme's letter table (lower and Title capitals),
    without context rules or ALL-CAPS handling: the speed limit of pure Python.
    ASCII maps to itself, which spares str.translate a failed lookup per character."""
    letters = read_spec(scheme_id).letters
    table: dict[int, str | int] = {code: code for code in range(0x80)}
    table.update({ord(k): v for k, v in letters.items()})
    table.update({ord(k.upper()): v[:1].upper() + v[1:] for k, v in letters.items()})
    return lambda text: text.translate(table)


def best_time(function: Callable[[str], str], text: str, repeat: int) -> float:
    """Best CPU time of ``repeat`` runs: process time, not wall time, so that other
    processes on a shared machine do not count against the tool being measured."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
        if best > 5:  # slow peers: one run is measurement enough
            break
    return best


def test_words(text: str, language: str) -> list[str]:
    """Words to compare on: every example word of the language's schemes, the most
    frequent words of the text written in its alphabet (Kazakh words with ә ғ қ ...
    are left out of the Russian list), and an ALL-CAPS form of some of each."""
    alphabet = set(ALPHABETS[language])
    words: Counter[str] = Counter()
    for path in builtin_paths().values():
        spec = read_spec(path.stem)
        if spec.info.language == language:
            for cyrillic, _ in spec.examples + spec.examples_forward:
                words.update(WORD.findall(cyrillic))
    sample = text[:1_000_000]
    words.update({word: 1 for word, _ in Counter(WORD.findall(sample)).most_common(2000)})
    chosen = sorted(word for word in words if set(word.lower()) <= alphabet)
    return chosen + [word.upper() for word in chosen[::5] if len(word) > 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="size of the text in MB (default 4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool, best counts (default 3)")
    parser.add_argument("--translit-only", action="store_true", help="time translit and the ceiling only")
    args = parser.parse_args()

    text, source = build_text(args.mb)
    size = len(text.encode("utf-8")) / 1_000_000
    print(f"text: {size:.1f} MB ({len(text):,} characters) from {source}")
    print(f"Python {sys.version.split()[0]}, one core, CPU time (best of {args.repeat})\n")

    tools = [] if args.translit_only else peers()
    schemes = list(IULIIA) + ["kk-bgn-pcgn"] + SPEED_ONLY_SCHEMES
    rows = []
    translit_speed: dict[str, float] = {}
    for scheme in schemes:
        compiled = translit.load_scheme(scheme)
        compiled.romanize("Қазақстан Россия")  # compile outside the timing
        seconds = best_time(compiled.romanize, text, args.repeat)
        translit_speed[scheme] = size / seconds
        rows.append((scheme, "translit", size / seconds, 1.0))
        for tool in tools:
            if tool.scheme == scheme:
                speed = size / best_time(tool.run, text, args.repeat)
                rows.append((scheme, tool.name, speed, speed / translit_speed[scheme]))
        if scheme == "kk-latin-2021":
            speed = size / best_time(ceiling(scheme), text, args.repeat)
            rows.append((scheme, "str.translate ceiling (no rules)", speed, speed / translit_speed[scheme]))

    print("## Speed (MB/s of UTF-8 input; ratio = tool / translit on the same scheme)\n")
    print(f"| {'scheme':<14} | {'tool':<36} | {'MB/s':>7} | {'ratio':>6} |")
    print(f"|{'-' * 16}|{'-' * 38}|{'-' * 9}|{'-' * 8}|")
    for scheme, name, speed, ratio in rows:
        print(f"| {scheme:<14} | {name:<36} | {speed:7.1f} | {ratio:6.2f} |")

    print("\n## Accuracy on shared standards (% of test words where the peer writes what translit writes)\n")
    words = {language: test_words(text, language) for language in ("ru", "kk")}
    print(f"test words: ru {len(words['ru'])}, kk {len(words['kk'])}")
    print("disagreements by kind: Cyrillic letters left in the Latin output, decomposed (not NFC)")
    print("letters, ALL-CAPS digraphs (ZhUK for ZHUK), other (letter values, context rules, marks)\n")
    print(
        f"| {'scheme':<14} | {'peer':<36} | {'agree':>6} | {'Cyrillic':>8} | {'NFD':>5} | {'caps':>5} | {'other':>5} "
        "| first other disagreement |"
    )
    print(f"|{'-' * 16}|{'-' * 38}|{'-' * 8}|{'-' * 10}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 26}|")
    for tool in tools:
        if not tool.same_standard:
            continue
        language = tool.scheme[:2]
        kinds: Counter[str] = Counter()
        first = ""
        for word in words[language]:
            ours, theirs = translit.romanize(word, tool.scheme), tool.run(word)
            if ours == theirs:
                kinds["agree"] += 1
            elif WORD.search(theirs):
                kinds["cyrillic"] += 1
            elif unicodedata.normalize("NFC", theirs) == ours:
                kinds["nfd"] += 1
            elif ours.upper() == theirs.upper():
                kinds["caps"] += 1
            else:
                kinds["other"] += 1
                first = first or f"{word}: {theirs} (standard: {ours})"
        share = 100 * kinds["agree"] / len(words[language])
        print(
            f"| {tool.scheme:<14} | {tool.name:<36} | {share:5.1f}% | {kinds['cyrillic']:8} | {kinds['nfd']:5} | "
            f"{kinds['caps']:5} | {kinds['other']:5} | {first} |"
        )


if __name__ == "__main__":
    main()
