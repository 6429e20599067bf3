"""Cost of the machine-translation layer in the current environment: import, first and next translation.

Run it in each install arrangement (see docs/translation.md, "Install")::

    python bench/mt_startup.py

Every figure comes from a fresh subprocess (imports are once per process);
wall time and CPU time (all threads) are shown, since CPU time is steadier
on a busy machine.
The model is the tiny marker package from tests/argos_fixtures.py, so the
numbers are translit's and argostranslate's overhead, not a real model's
decoding time. argostranslate's folders are pointed at a temporary place.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 4

PROBE = r"""
import json, resource, sys, time
sys.path[:0] = [{root!r}, {tests!r}]
marks = [(time.perf_counter(), time.process_time())]
def mark():
    marks.append((time.perf_counter(), time.process_time()))
import translit.mt as mt
mark()
homes = {{f"XDG_{{kind}}_HOME": {home!r} for kind in ("DATA", "CONFIG", "CACHE")}}
argos = mt.import_argos({packages!r}, environ=homes)
mark()
engine = mt.ArgosEngine({packages!r})
engine.install({package!r})
mark()
tr = mt.Translator(mt.MTConfig(argos_packages=engine.packages_dir))
first = tr.translate_batch(["The online conference was opened by the head of the Department."], "en", "ru")
mark()
second = tr.translate_batch(["Organizers - Department of Culture.", "Topics for discussion."], "en", "ru")
mark()
names = ["import translit.mt", "import argostranslate", "install package", "first translation", "next translation"]
result = {{}}
for name, (w0, c0), (w1, c1) in zip(names, marks, marks[1:]):
    result[name] = w1 - w0
    result[name + " (cpu)"] = c1 - c0
result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result["heavy modules loaded"] = [m for m in ("torch", "stanza", "spacy", "minisbd", "onnxruntime") if m in sys.modules]
result["output"] = first + second
print(json.dumps(result))
"""


def main() -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from argos_fixtures import build_marker_package

    with tempfile.TemporaryDirectory() as tmp:
        package = build_marker_package(Path(tmp), "en", "ru")
        code = PROBE.format(
            root=str(ROOT),
            tests=str(ROOT / "tests"),
            packages=str(Path(tmp) / "packages"),
            home=str(Path(tmp) / "home"),
            package=str(package),
        )
        runs = []
        for _ in range(REPEAT):
            for folder in ("packages", "home"):
                shutil.rmtree(Path(tmp) / folder, ignore_errors=True)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout))
    # the first run also compiles .pyc files on a fresh install; the median of the rest is the steady figure
    result = {key: statistics.median(run[key] for run in runs[1:]) if isinstance(value, float) else value
              for key, value in runs[0].items()}
    print(f"python: {sys.executable}  (median of runs 2-{REPEAT}; first run: import argostranslate "
          f"{runs[0]['import argostranslate'] * 1000:.0f} ms)")
    for key, value in result.items():
        shown = f"{value * 1000:8.1f} ms" if isinstance(value, float) and key != "maxrss_mb" else value
        if key == "maxrss_mb":
            shown = f"{value:8.0f} MB"
        print(f"{key:<28} {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
