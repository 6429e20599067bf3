"""Benchmark of ``translit check``: 1,000 three-version posts, one core and --jobs scaling.

Posts are built from the test post tests/data/posts/clean (en/kk/ru, Markdown) with
numbers, dates and phones varied per post, and one post in four carrying the
seed post's paragraphs in its English version (romanized Kazakh titles, glossary
names, a Cyrillic caption), so every check family does real work.

    /work/venv/bin/python bench/bench_check.py            # 1000 posts, jobs 1 2 4
    /work/venv/bin/python bench/bench_check.py --posts 200 --jobs 1 2

Prints a table: wall time, CPU time of the command and its workers, posts per
second, speed-up over --jobs 1 (meaningful only on otherwise idle cores). The
in-process figure excludes the one-time loading of the glossary and the Kazakh
lexicon, which is shown on its own line.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLEAN = ROOT / "tests" / "data" / "posts" / "clean"
SEED = ROOT / "tests" / "data" / "posts" / "seed" / "nlrk-conference.en.txt"
LANGS = ("en", "kk", "ru")


def build(folder: Path, count: int) -> None:
    """Write ``count`` posts (three files each) into ``folder``."""
    base = {lang: (CLEAN / f"reading-family.{lang}.md").read_text(encoding="utf-8") for lang in LANGS}
    seed = SEED.read_text(encoding="utf-8").split("\n\n", 2)[2]
    for index in range(count):
        books = 1000 + index
        day = index % 28 + 1
        for lang, text in base.items():
            text = (
                text.replace("1,500", f"{books // 1000},{books % 1000:03d}")
                .replace("1 500", f"{books // 1000} {books % 1000:03d}")
                .replace("28 ", f"{day} ")
                .replace("February 28", f"February {day}")
                .replace("267-28-83", f"267-{index % 90 + 10:02d}-83")
            )
            if lang == "en" and index % 4 == 0:
                text += "\n" + seed
            (folder / f"post{index:04d}.{lang}.md").write_text(text, encoding="utf-8")


def in_process(folder: Path) -> tuple[float, float, float, int]:
    """(load seconds, check wall seconds, check CPU seconds, findings) for every post checked in this process."""
    from translit.checks.check import check_versions, group_files
    from translit.config import parse_config

    config = parse_config({})
    posts = group_files([folder])
    started = time.perf_counter()
    check_versions({"en": SEED.read_text(encoding="utf-8")}, config=config)  # loads glossary, lexicon, detector
    loaded = time.perf_counter()
    cpu = time.process_time()
    findings = 0
    for post in posts:
        texts = {lang: path.read_text(encoding="utf-8") for lang, path in post.files.items()}
        findings += len(check_versions(texts, config=config, paths={lang: str(p) for lang, p in post.files.items()}))
    return loaded - started, time.perf_counter() - loaded, time.process_time() - cpu, findings


def cli(folder: Path, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds of ``translit check --json --jobs N folder`` (a fresh process, loading included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "translit", "check", "--json", "--jobs", str(jobs), str(folder)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if run.returncode not in (0, 1):
        raise SystemExit(f"translit check failed ({run.returncode}): {run.stderr}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(folder, args.posts)
        size = sum(path.stat().st_size for path in folder.iterdir()) / 1024
        print(f"{args.posts} posts x 3 versions ({size:.0f} KiB), {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
        load, seconds, cpu, findings = in_process(folder)
        print(f"one-time load (glossary, lexicon, detector): {load:.2f} s")
        print(
            f"in-process, one core: {seconds:.2f} s wall, {cpu:.2f} s CPU for {args.posts} posts "
            f"= {cpu / args.posts * 1000:.1f} ms CPU/post ({findings} findings)"
        )
        print()
        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (other processes compete for the CPUs)")
        print(f"{'command':<32} {'wall s':>8} {'cpu s':>8} {'posts/s':>8} {'speed-up':>9}")
        baseline = None
        for jobs in args.jobs:
            wall, cpu = cli(folder, jobs)
            baseline = baseline or wall
            print(f"{'translit check --jobs ' + str(jobs):<32} {wall:>8.2f} {cpu:>8.2f} {args.posts / wall:>8.1f} {baseline / wall:>8.2f}x")


if __name__ == "__main__":
    main()
