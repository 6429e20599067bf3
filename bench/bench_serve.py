"""Benchmark of ``translit serve``: check requests from 1, 8 and 32 concurrent clients, and the page's first render.

The post: whole posts of the gate corpus (tests/data/gate, written for the
checks' evaluation, not taken from what the checks were tuned on), joined in
the same order in each language until the English version reaches ``--words``
words (1,000 by default), so the three versions are a long real post with the
usual numbers, dates, names and links in every paragraph.

    python bench/bench_serve.py                     # 1,000 English words a version; 1, 8, 32 clients
    python bench/bench_serve.py --words 333         # a 1,000-word post in all three versions together
    python bench/bench_serve.py --workers 2 --seconds 20 --no-browser

It starts ``translit serve`` (uvicorn and its worker processes) on a free port,
warms it, then for each level of concurrency runs that many client threads, each
with its own keep-alive connection, sending ``POST /api/check`` for ``--seconds``.
It prints throughput and the p50/p95 latency seen by the clients, the time of one
check in this process split by check family (where the time goes), and, when
Debian's chromium is installed, the page's time to first contentful paint and
from "check now" to the review drawn, and the HTML report's first render.
The clients run on the same two cores as the server, as a CMS on the same host would.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
GATE = ROOT / "tests" / "data" / "gate" / "posts"
LANGS = ("en", "kk", "ru")


def long_post(words: int) -> dict[str, str]:
    """Gate posts (Markdown ones) joined until the English version has ``words`` words."""
    names = sorted({path.name.split(".")[0] for path in GATE.glob("*.en.md")})
    parts: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for name in names:
        for lang in LANGS:
            parts[lang].append((GATE / f"{name}.{lang}.md").read_text(encoding="utf-8").strip())
        if sum(len(text.split()) for text in parts["en"]) >= words:
            break
    return {lang: "\n\n".join(texts) + "\n" for lang, texts in parts.items()}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def cpu_of(pid: int) -> float | None:
    """CPU seconds a process has used so far (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """The processes started by ``pid`` and by them (the worker processes come from a forkserver it starts)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, queue = [], [pid]
    while queue:
        children = parents.get(queue.pop(), [])
        found += children
        queue += children
    return found


def load(port: int, body: bytes, clients: int, seconds: float) -> tuple[list[float], list[float], list[float], float, int]:
    """Latencies (s) of every request, the wall and the CPU time of each check in its worker (s), the wall time, how many failed."""
    latencies: list[float] = []
    work: list[float] = []
    cpu: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        mine = []
        while time.monotonic() < stop:
            began = time.perf_counter()
            connection.request("POST", "/api/check", body, {"Content-Type": "application/json"})
            answer = connection.getresponse()
            content = answer.read()
            mine.append(time.perf_counter() - began)
            timing = dict(part.strip().split(";dur=") for part in (answer.getheader("Server-Timing") or "").split(",") if ";dur=" in part)
            if "cpu" in timing:
                with lock:
                    work.append(float(timing["work"]) / 1000)
                    cpu.append(float(timing["cpu"]) / 1000)
            if answer.status != 200:
                with lock:
                    failures[0] += 1
                    if failures[0] == 1:
                        print(f"a request failed ({answer.status}): {content.decode()[:300]}")
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, work, cpu, time.perf_counter() - began, failures[0]


def where_the_time_goes(versions: dict[str, str], repeat: int = 9) -> list[tuple[str, float]]:
    """Least CPU time of one check in this process over ``repeat`` runs, in total and by stage.

    What several families share (entities, word runs, person names, glossary mentions, the
    alignment's anchors) is computed once per version and cached; it is timed on its own first,
    so each family's figure is its own work and not whatever it happened to need first.
    The least of the runs, not the median: other processes only ever add to a run's time.
    """
    from translit.checks.check import CHECKS, FAMILIES, check_versions, post_of, run_checks
    from translit.checks import extract, glossary, names
    from translit.checks.align import align_blocks, anchors, rows
    from translit.checks.base import Emitter
    from translit.config import Config

    config = Config()
    check_versions(versions, config=config)  # loading
    times: dict[str, list[float]] = {}

    def timed(name: str, work) -> object:  # type: ignore[no-untyped-def]
        began = time.process_time()
        result = work()
        times.setdefault(name, []).append(time.process_time() - began)
        return result

    shared = {
        "entities, numbers, dates, links": lambda version, post: [extract.entities(version), extract.numbers(version), extract.dates(version), extract.urls(version)],
        "word runs and person names": lambda version, post: names.person_names(version),
        "glossary mentions": lambda version, post: glossary.mentions(post, version),
        "anchors of the alignment": lambda version, post: anchors(post, version, 0) if version.blocks else None,
    }
    for _ in range(repeat):
        timed("check_versions (all of it)", lambda: check_versions(versions, config=config))
        post = timed("  parsing the versions (blocks, prose)", lambda: post_of(versions, config=config))
        for name, work in shared.items():
            timed("  " + name, lambda work=work: [work(version, post) for version in post.versions])  # type: ignore[misc]
        out = Emitter(config, CHECKS)
        for family in FAMILIES:
            timed("  family " + family.__name__.rsplit(".", 1)[-1], lambda family=family: family.run(post, out))
        checked = post_of(versions, config=config)
        run_checks(checked)
        timed("rows of the checked post (/api/review)", lambda: rows(checked))
        timed("align_blocks alone, for comparison", lambda: align_blocks(versions))
    return [(name, min(values)) for name, values in times.items()]


def start_server(workers: int) -> tuple[subprocess.Popen[str], int]:
    import re

    process = subprocess.Popen(
        [sys.executable, "-m", "translit", "serve", "--port", "0", "--workers", str(workers)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    began = time.perf_counter()
    assert process.stderr is not None
    for line in process.stderr:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            print(f"server ready in {time.perf_counter() - began:.1f} s ({workers} workers, warm)")
            return process, int(found.group(1))
    raise SystemExit("translit serve did not start")


# milliseconds from navigation to the first contentful paint, waiting for it if it has not happened yet
FIRST_PAINT = """
const done = arguments[arguments.length - 1];
new PerformanceObserver((list, observer) => {
  const entry = list.getEntriesByName('first-contentful-paint')[0];
  if (entry) { observer.disconnect(); done(entry.startTime); }
}).observe({type: 'paint', buffered: true});
"""


def browser_timings(port: int, versions: dict[str, str], report: Path) -> list[tuple[str, float]]:
    from serve_support import browser_missing, chromium

    if browser_missing():
        print(f"browser: skipped ({browser_missing()})")
        return []
    results: list[tuple[str, float]] = []
    with chromium() as driver:
        for attempt in range(3):
            driver.get(f"http://127.0.0.1:{port}/")
            paint = driver.execute_async_script(FIRST_PAINT)
            drawn = driver.execute_async_script(
                """
                const [versions, done] = arguments;
                for (const lang of Object.keys(versions)) document.getElementById('text-' + lang).value = versions[lang];
                const began = performance.now();
                new MutationObserver((_, observer) => {
                  if (document.querySelector('table.columns')) { observer.disconnect(); requestAnimationFrame(() => done(performance.now() - began)); }
                }).observe(document.getElementById('review'), {childList: true, subtree: true});
                document.getElementById('text-en').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', ctrlKey: true, bubbles: true}));
                """,
                versions,
            )
            results += [("page: first contentful paint", paint / 1000), ("page: check now → review drawn", drawn / 1000)]
            driver.get(report.as_uri())
            paint = driver.execute_async_script(FIRST_PAINT)
            loaded = driver.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd")
            results += [("HTML report: first contentful paint", paint / 1000), ("HTML report: load event (review drawn)", loaded / 1000)]
    medians: dict[str, list[float]] = {}
    for name, value in results:
        medians.setdefault(name, []).append(value)
    return [(name, statistics.median(values)) for name, values in medians.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1000, help="English words of the post (the other versions follow)")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=20.0, help="how long each level of concurrency runs")
    parser.add_argument("--workers", type=int, default=0, help="translit serve --workers (0: one per CPU)")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    versions = long_post(args.words)
    sizes = ", ".join(f"{lang} {len(text.split())}" for lang, text in versions.items())
    body = json.dumps({"versions": versions}).encode()
    print(f"post: {sizes} words ({len(body):,} bytes of JSON); {os.cpu_count()} CPUs; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
          f"load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")

    process, port = start_server(args.workers or os.cpu_count() or 1)
    try:
        load(port, body, 2, 3.0)  # every worker has checked a post like it once
        workers = descendants(process.pid)
        print(f"\n{'clients':>7}  {'requests':>8}  {'req/s':>6}  {'p50 ms':>7}  {'p95 ms':>7}  {'check ms':>8}  {'check CPU ms':>12}  {'server CPU ms':>13}  {'worker cores':>12}  {'failed':>6}")
        for clients in args.clients:
            before = cpu_of(process.pid)
            busy = [cpu_of(pid) or 0.0 for pid in workers]
            latencies, work, cpu, wall, failed = load(port, body, clients, args.seconds)
            after = cpu_of(process.pid)
            busy = [(cpu_of(pid) or 0.0) - was for pid, was in zip(workers, busy)]
            server = f"{(after - before) / len(latencies) * 1000:.1f}" if before is not None and after is not None else "?"
            print(f"{clients:>7}  {len(latencies):>8}  {len(latencies) / wall:>6.1f}  {percentile(latencies, 0.5) * 1000:>7.0f}  "
                  f"{percentile(latencies, 0.95) * 1000:>7.0f}  {(statistics.median(work) if work else float('nan')) * 1000:>8.0f}  "
                  f"{(statistics.median(cpu) if cpu else float('nan')) * 1000:>12.0f}  {server:>13}  "
                  f"{sum(busy) / wall:>12.2f}  {failed:>6}")
        print("(check ms, check CPU ms: median wall and CPU time of one check in its worker, from the Server-Timing header;\n"
              " the latency beyond it is HTTP, JSON, the hand-off to a worker and waiting for a free one;\n"
              " server CPU ms: CPU time of the uvicorn process per request: HTTP, JSON, handing the job to a worker;\n"
              f" worker cores: CPU seconds of the {len(workers)} processes under the server (workers and their forkserver) per second)")
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} (other processes compete for the {os.cpu_count()} CPUs)")
        print("\nwhere the time of one check goes (CPU time in this process, least of 9 runs, ms):")
        for name, seconds in where_the_time_goes(versions):
            print(f"  {name:<44} {seconds * 1000:>7.1f}")
        if not args.no_browser:
            import tempfile

            from translit.serve.jobs import _post_report
            from translit.report import html

            folder = Path(tempfile.mkdtemp())
            post, _, _ = _post_report(versions)
            report = folder / "report.html"
            report.write_text(html(post["findings"], [{"name": "post", "files": post["files"], "texts": versions}], rules={}), encoding="utf-8")
            print("\nin headless Chromium (median of 3, ms):")
            for name, seconds in browser_timings(port, versions, report):
                print(f"  {name:<40} {seconds * 1000:>7.0f}")
    finally:
        process.terminate()
        process.wait(timeout=30)
    print("\npeers: LibreTranslate (argostranslate behind Flask) answers translation requests only, and needs language\n"
          "models fetched from the network; it has no check to compare with, and none of its models can be installed here.")


if __name__ == "__main__":
    main()
