"""Does every command stay linear? Doubles the input from 1 MB to 32 MB and times each command.

    python bench/bench_scale.py                       # 1 2 4 8 16 32 MB, every command
    python bench/bench_scale.py --mb 0.25 0.5 1 2     # a quick look
    python bench/bench_scale.py --commands check detect --one-block

For each command and size it runs ``python -m translit ...`` in a fresh
process and prints wall time, CPU time, peak memory (max RSS of that
process) and the ratio of each to the size before: near 2 per doubling is
linear, near 4 quadratic. The peer row parses the same input with
markdown-it-py (the CommonMark parser translit itself uses), a linear
reference measured in the same run.

The text is real: sentences of ../shared/data/langid/dev.jsonl (Kazakh,
Russian, English; UD treebanks and KazNERD, see that folder's README),
repeated to size with dates and figures interleaved, in paragraphs of five
lines (``--one-block``: no blank line at all, the worst case for block
splitting). ``recover`` reads the Kazakh part romanized in kk-news.
A translit.toml beside the inputs raises ``[limits] max_bytes``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "langid" / "dev.jsonl"
FALLBACK_DATA = Path("/work/shared/data/langid/dev.jsonl")
MB = 1_000_000
COMMANDS = {
    "romanize": ["romanize", "{mixed}", "-o", "{out}/romanized.txt", "--force"],
    "detect": ["detect", "{mixed}", "--json"],
    "lint": ["glossary", "lint", "{mixed}", "--json"],
    "recover": ["recover", "{latin}", "--json"],
    "check": ["check", "{mixed}", "--json"],
    "post": ["post", "{mixed}", "--from", "en", "-o", "{out}/post", "--force"],
}
PEER = [
    "-c",
    "import sys; from markdown_it import MarkdownIt; MarkdownIt('commonmark').parse(open(sys.argv[1], encoding='utf-8').read())",
    "{mixed}",
]
# Peak memory is the process's own VmHWM at exit: ru_maxrss would carry the bench's size across exec.
WRAPPER = """
import atexit, runpy, sys
def peak():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            sys.stderr.write('peak-kb ' + line.split()[1] + '\\n')
atexit.register(peak)
if sys.argv[1] == '-m':
    sys.argv = sys.argv[2:]
    runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)
else:
    code, sys.argv = sys.argv[2], ['-c', *sys.argv[3:]]
    exec(code)
"""


def sentences() -> dict[str, list[str]]:
    source = DATA if DATA.exists() else FALLBACK_DATA
    by_lang: dict[str, list[str]] = {"kk": [], "ru": [], "en": []}
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["lang"] in by_lang and record["script"] in ("Cyrl", "Latn"):
                by_lang[record["lang"]].append(record["text"].strip())
    return by_lang


def build(folder: Path, size: int, one_block: bool, by_lang: dict[str, list[str]]) -> dict[str, Path]:
    """``mixed`` (kk/ru/en lines with dates and figures) and ``latin`` (Kazakh in kk-news) of about ``size`` bytes."""
    from translit import romanize

    lines: list[str] = []
    kazakh: list[str] = []
    total = index = 0
    langs = ("kk", "ru", "en")
    while total < size:
        lang = langs[index % 3]
        pool = by_lang[lang]
        line = pool[index // 3 % len(pool)]
        if index % 7 == 0:
            line += f" {index % 28 + 1}.{index % 12 + 1:02d}.2023, {index * 37 % 100000:,} ({index % 100}.5%)."
        lines.append(line)
        if lang == "kk":
            kazakh.append(line)
        if not one_block and index % 5 == 4:
            lines.append("")
        total += len(line.encode("utf-8")) + 1
        index += 1
    mixed = folder / f"mixed-{size}.en.txt"
    mixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    latin = folder / f"latin-{size}.txt"
    kk_text = "\n".join(kazakh) + "\n"
    latin_text = romanize(kk_text, "kk-news")
    while len(latin_text.encode("utf-8")) < size:
        latin_text += latin_text
    latin.write_text(latin_text[: size], encoding="utf-8")
    return {"mixed": mixed, "latin": latin}


def measure(argv: list[str], cwd: Path) -> tuple[float, float, int]:
    """(wall s, CPU s, peak resident MB) of one fresh process."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", WRAPPER, *argv], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    peak = [int(line.split()[1]) for line in err.splitlines() if line.startswith("peak-kb ")]
    if code not in (0, 1, 3):
        print(f"    exit {code}: {err.strip()[:200]}", file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, (peak[-1] if peak else 0) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 2, 4, 8, 16, 32], help="sizes in MB (10^6 bytes)")
    parser.add_argument("--commands", nargs="+", default=list(COMMANDS), choices=list(COMMANDS))
    parser.add_argument("--one-block", action="store_true", help="no blank line in the input")
    parser.add_argument("--timeout", type=float, default=600, help="skip the larger sizes of a command once one run takes longer")
    args = parser.parse_args()

    by_lang = sentences()
    with tempfile.TemporaryDirectory(prefix="translit-scale-") as tmp:
        folder = Path(tmp)
        (folder / ".git").mkdir()  # the configuration lookup stops here
        (folder / "translit.toml").write_text(f"[limits]\nmax_bytes = {int(max(args.mb) * MB * 2)}\n", encoding="utf-8")
        (folder / "out").mkdir()
        inputs = {size: build(folder, int(size * MB), args.one_block, by_lang) for size in args.mb}
        shape = "one block, no blank line" if args.one_block else "paragraphs of five lines"
        print(f"input: real kk/ru/en sentences ({shape}); fresh process per run; ratio = this size / previous size")
        print(f"{'command':<10} {'MB':>6} {'wall s':>8} {'CPU s':>8} {'ratio':>6} {'MB/s':>7} {'peak MB':>8} {'ratio':>6}")
        for name in ["markdown-it", *args.commands]:
            previous: tuple[float, int] | None = None
            for size in args.mb:
                paths = {key: str(value) for key, value in inputs[size].items()} | {"out": str(folder / "out")}
                argv = [part.format(**paths) for part in (PEER if name == "markdown-it" else ["-m", "translit", *COMMANDS[name]])]
                wall, cpu, peak = measure(argv, folder)
                cpu_ratio = f"{cpu / previous[0]:.2f}" if previous else ""
                mem_ratio = f"{peak / previous[1]:.2f}" if previous else ""
                print(f"{name:<10} {size:>6g} {wall:>8.2f} {cpu:>8.2f} {cpu_ratio:>6} {size / cpu:>7.2f} {peak:>8} {mem_ratio:>6}", flush=True)
                previous = (cpu, peak)
                if wall > args.timeout:
                    print(f"{name:<10} stopped: one run took over {args.timeout:g} s")
                    break


if __name__ == "__main__":
    main()
