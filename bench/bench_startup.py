"""Start-up of translit's commands: cold and warm, before (another checkout, e.g. main) and after, beside ruff.

    python bench/bench_startup.py                       # before = /work/main, 7 runs each
    python bench/bench_startup.py --before ../main --runs 11
    python bench/bench_startup.py --before ""           # this checkout only
    pip install --no-deps --target /tmp/after . && python bench/bench_startup.py --after /tmp/after

``--before`` and ``--after`` name a checkout or a folder a wheel was installed into
(``pip install --no-deps --target``): the installed wheel runs the recovery compiled
with mypyc (hatch_build.py), as users get it, where a checkout runs it as Python.

A hook runs ``translit check`` once per commit or CMS save, so its start-up is
most of its time. Each figure is one new process (``python -m translit ...``),
measured from outside: wall time, CPU time (user + system, from the child's
rusage) and peak RSS (the child's ru_maxrss, the figure ``/usr/bin/time -v``
prints as "Maximum resident set size"), with Python's bytecode compiled
beforehand as a wheel install does. Times are the median of ``--runs`` runs
with the best beside it, since other processes on a shared machine only ever
add to them; the last column is the median wall time over ruff's.

* **cold cache**: the start-up cache (translit/cache.py) empty before each run,
  as on the first run after an install or an upgrade;
* **warm cache**: the cache filled by an earlier run, as on every run after;
* **check_versions, warm process**: in one process that has checked a first
  post, each other post of the corpus checked once (median and slowest): a CMS
  or a server calling the library;
* **ruff**: ``ruff check --no-cache --isolated`` on a Python file of the same
  size as the post, the start-up of a linter sites already run (a reference,
  not a competitor: it checks other things).

The posts are from tests/data/gate (trilingual posts written for the project's
tests): ``abai-day`` (HTML, no Latin-typed Kazakh) and ``literary-marathon``
(Markdown, with a Kazakh title typed in Latin letters, so the Kazakh lexicon
is loaded). "before" and "after" each run with their own code through
PYTHONPATH, in the same run, on the same machine (a checkout from before the
cache existed has none: its cold and warm rows are alike).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTS = ROOT / "tests" / "data" / "gate" / "posts"
ONE_LINE = "Қазақстан Республикасының Ұлттық кітапханасы\n"


def _files(name: str) -> list[str]:
    return sorted(str(path) for path in POSTS.glob(f"{name}.*"))


def _measure(argv: list[str], env: dict[str, str], stdin: bytes | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one run of ``argv``, in a folder without a checkout
    (``python -m`` puts the current folder first on the path, before PYTHONPATH)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tempfile.gettempdir())
    if stdin is not None:
        process.stdin.write(stdin)  # type: ignore[union-attr]
        process.stdin.close()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""  # type: ignore[union-attr]
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {code}: {error.strip()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def _series(argv: list[str], env: dict[str, str], runs: int, cache: Path | None, stdin: bytes | None = None) -> dict:
    """Best and median of ``runs`` runs; the cache folder emptied before each when ``cache`` is given."""
    samples = []
    for _ in range(runs):
        if cache is not None:
            shutil.rmtree(cache, ignore_errors=True)
        samples.append(_measure(argv, env, stdin))
    walls, cpus, rss = zip(*samples)
    return {"wall": min(walls), "wall_median": statistics.median(walls), "cpu": min(cpus),
            "cpu_median": statistics.median(cpus), "rss": statistics.median(rss)}


WARM_PROCESS = """
import json, sys, time
from pathlib import Path
from translit.checks.check import check_versions, language_from_name
posts = {}
for path in sorted(Path(sys.argv[1]).iterdir()):
    name, lang = language_from_name(path)
    posts.setdefault(name, {})[lang] = path
times = []
for index, (name, files) in enumerate(sorted(posts.items())):
    texts = {lang: path.read_text(encoding="utf-8") for lang, path in files.items()}
    start = time.perf_counter()
    check_versions(texts, paths={lang: str(path) for lang, path in files.items()})
    if index:
        times.append(time.perf_counter() - start)
    else:
        first = time.perf_counter() - start
times.sort()
print(json.dumps({"first": first, "median": times[len(times) // 2], "max": times[-1], "posts": len(times)}))
"""


def _warm_process(env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-c", WARM_PROCESS, str(POSTS)], env=env, capture_output=True, text=True,
                          check=True, cwd=tempfile.gettempdir())
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ruff_reference(size: int, folder: Path, runs: int) -> dict | None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        return None
    source = Path(__file__).read_text(encoding="utf-8")
    lines, total = [], 0
    for line in source.splitlines(keepends=True):
        if total + len(line.encode()) > size:
            break
        lines.append(line)
        total += len(line.encode())
    target = folder / "same_size.py"
    target.write_text("".join(lines), encoding="utf-8")
    return _series([ruff, "check", "--no-cache", "--isolated", "--quiet", str(target)], dict(os.environ), runs, None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="/work/main", help="another checkout to measure as 'before' ('' for none)")
    parser.add_argument("--after", default=str(ROOT), help="the checkout or installed wheel to measure as 'after'")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="translit-startup-"))
    line = work / "line.txt"
    line.write_text(ONE_LINE, encoding="utf-8")
    commands = {
        "check, one post (abai-day)": ["check", *_files("abai-day")],
        "check, one post with Latin-typed Kazakh (literary-marathon)": ["check", *_files("literary-marathon")],
        "romanize, one line": ["romanize", str(line)],
        "detect, one line": ["detect", str(line)],
    }
    trees = {"after": Path(args.after).resolve()}
    if args.before:
        trees = {"before": Path(args.before).resolve(), **trees}
    results: dict[str, dict[str, dict]] = {}
    warm: dict[str, dict] = {}
    for label, tree in trees.items():
        cache = work / f"cache-{label}"
        # bytecode compiled once, as pip does when it installs a wheel (kept out of the checkouts)
        env = dict(os.environ, PYTHONPATH=str(tree), TRANSLIT_CACHE_DIR=str(cache), PYTHONPYCACHEPREFIX=str(work / "pyc"))
        for name in ("TRANSLIT_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        base = [sys.executable, "-m", "translit"]
        for argv in commands.values():
            _measure(base + argv, env)
        for name, argv in commands.items():
            row = results.setdefault(name, {})
            row[f"{label}, cold cache"] = _series(base + argv, env, args.runs, cache)
            _measure(base + argv, env)  # fill the cache
            row[f"{label}, warm cache"] = _series(base + argv, env, args.runs, None)
        for argv in commands.values():  # every command's entries, for the warm process
            _measure(base + argv, env)
        warm[label] = _warm_process(env)
    size = sum(Path(path).stat().st_size for path in _files("abai-day"))
    ruff = _ruff_reference(size, work, args.runs)
    shutil.rmtree(work, ignore_errors=True)

    commits = {label: subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True,
                                     text=True).stdout.strip() or str(tree) for label, tree in trees.items()}
    print(f"translit start-up, median (best) of {args.runs} runs; " + ", ".join(f"{k} = {v}" for k, v in commits.items()))
    print(f"{'command':<62} {'measured':<20} {'wall s':>14} {'CPU s':>14} {'peak MB':>8} {'x ruff':>7}")

    def row_of(name: str, column: str, figure: dict) -> str:
        ratio = f"{figure['wall_median'] / ruff['wall_median']:>7.1f}" if ruff is not None else ""
        return (f"{name:<62} {column:<20} {figure['wall_median']:>6.3f} ({figure['wall']:.3f}) "
                f"{figure['cpu_median']:>6.3f} ({figure['cpu']:.3f}) {figure['rss']:>8.0f} {ratio}")

    for name, row in results.items():
        for column, figure in row.items():
            print(row_of(name, column, figure))
    if ruff is not None:
        print(row_of(f"ruff check, a Python file of the same size ({size} bytes)", "reference", ruff))
    else:
        print("ruff is not installed (pip install -e '.[bench]'): no reference row")
    print()
    print("check_versions in a warm process (the gate corpus, each post after the first checked once), seconds:")
    for label, figure in warm.items():
        print(f"  {label:<8} first post {figure['first']:.3f}; each other post median {figure['median']:.4f}, "
              f"slowest {figure['max']:.4f} ({figure['posts']} posts)")
    after = results["check, one post (abai-day)"]
    if "before, warm cache" in after:
        ratio = after["before, warm cache"]["wall_median"] / after["after, warm cache"]["wall_median"]
        print(f"\ncheck, one post: after (warm cache) is {ratio:.1f}x faster than before (median wall of {args.runs})")

if __name__ == "__main__":
    main()
