"""translit's own overhead in ``make_versions`` (everything but the engine's decoding), and ``--jobs`` scaling.

Usage::

    python bench/bench_post.py                      # overhead per 1,000 words + jobs scaling over 1,000 posts
    python bench/bench_post.py --posts 200 --jobs 1,2

Part 1 runs ``make_versions`` (three versions each) on real posts with a pass-through translator,
so the time measured is parsing, language detection, glossary matching,
shielding, restoring, localisation and rendering: the work translit adds to
an engine's decoding. Target: under 50 ms per 1,000 words (warm; the first
post also loads the glossary and the language profiles, reported apart).

Part 2 writes a folder of posts and times ``translit post DIR --jobs N`` with
no engine configured (every version is produced, prose marked for a
translator), so it measures the pipeline and the file writing per core.

Posts are built from the seed post and ``../shared/data/news/kk-en.jsonl``
(the Kazakh/English news pairs; skipped when that folder is absent).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = (ROOT / "examples" / "nlrk-2023-02-28.en.txt").read_text(encoding="utf-8")
NEWS = ROOT.parent / "shared" / "data" / "news" / "kk-en.jsonl"


class PassThrough:
    """A translator whose "decoding" costs nothing: what remains is translit's own work."""

    def route(self, src: str, tgt: str) -> str:
        return f"{src}→{tgt} (pass-through)"

    def translate_batch(self, sentences: list[str], src: str, tgt: str) -> list[str]:
        return list(sentences)


def news_posts(lang: str, per_post: int = 8) -> list[str]:
    """Posts of ``per_post`` paragraphs from the news pairs, in ``lang``."""
    if not NEWS.exists():
        return []
    paragraphs = []
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get(lang):
            paragraphs.append(record[lang].strip())
    return ["\n\n".join(paragraphs[i:i + per_post]) + "\n" for i in range(0, len(paragraphs), per_post)]


def words(text: str) -> int:
    return len(text.split())


def overhead(rounds: int) -> None:
    from translit.config import load_config
    from translit.translation.versions import make_versions

    config = load_config()
    translator = PassThrough()
    corpora = {
        "seed (en)": [SEED],
        "news (en)": news_posts("en"),
        "news (kk)": news_posts("kk"),
    }
    t0 = time.perf_counter()
    make_versions(SEED.replace("online", "on-line"), translator=translator, config=config)
    cold = time.perf_counter() - t0
    print(f"first post (loads glossary, profiles, babel, phonenumbers): {cold * 1000:.0f} ms")
    print()
    print(f"{'corpus':<12} {'posts':>5} {'words':>7} {'ms/post':>8} {'ms/1000 words':>14} {'CPU ms/1000 words':>18}")
    for name, posts in corpora.items():
        if not posts:
            continue
        total_words = sum(words(p) for p in posts) * rounds
        start, cpu = time.perf_counter(), time.process_time()
        for r in range(rounds):
            for post in posts:
                # A different text each round, so no cache of a previous round is hit.
                make_versions(post + f"\nRound {r}.\n", translator=translator, config=config)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        n = len(posts) * rounds
        print(
            f"{name:<12} {n:>5} {total_words:>7} {elapsed / n * 1000:>8.1f} {elapsed / total_words * 1_000_000:>14.1f}"
            f" {cpu / total_words * 1_000_000:>18.1f}"
        )


def jobs_scaling(n_posts: int, jobs: list[int]) -> None:
    base = Path(tempfile.mkdtemp(prefix="translit-bench-post-"))
    try:
        folder = base / "posts"
        folder.mkdir()
        (base / "translit.toml").write_text('[mt]\ndefault = "none"\n', encoding="utf-8")
        sources = [SEED, *news_posts("en")]
        for i in range(n_posts):
            (folder / f"post{i:04d}.txt").write_text(sources[i % len(sources)] + f"\nPost {i}.\n", encoding="utf-8")
        total_words = sum(words(p.read_text(encoding="utf-8")) for p in folder.iterdir())
        print()
        print(f"translit post DIR --jobs N over {n_posts} posts ({total_words} words), {os.cpu_count()} CPUs")
        print(f"{'jobs':>4} {'seconds':>8} {'posts/s':>8} {'speed-up':>8} {'CPU s':>7} {'CPU/wall':>8}")
        first = None
        for run, n in enumerate(jobs):
            out = base / f"out{run}"
            cmd = [sys.executable, "-m", "translit", "post", str(folder), "--from", "en", "-o", str(out), "--jobs", str(n)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if proc.returncode not in (0, 3):
                raise SystemExit(f"translit post failed ({proc.returncode}): {proc.stderr[-2000:]}")
            first = first or elapsed
            # CPU/wall near N means N cores were busy; on a shared machine it shows what the wall time cannot.
            print(f"{n:>4} {elapsed:>8.2f} {n_posts / elapsed:>8.1f} {first / elapsed:>7.2f}x {cpu:>7.1f} {cpu / elapsed:>8.2f}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds over each corpus for the overhead table")
    parser.add_argument("--posts", type=int, default=1000, help="posts in the --jobs folder (0 skips part 2)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    args = parser.parse_args()
    overhead(args.rounds)
    if args.posts:
        jobs_scaling(args.posts, [int(j) for j in args.jobs.split(",")])


if __name__ == "__main__":
    main()
