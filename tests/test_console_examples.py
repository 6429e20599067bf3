"""The console examples of the README and of docs/ show real output.

Each block of ``$ command`` lines runs as one bash session in a folder holding examples/ and tests/, so that
``echo $?``, files written and ``cd`` carry from one command to the next, and every line shown
under a command must come out of it, in order. In a shown line, "…" stands for any text and a
line of "…" alone for lines left out; runs of spaces count as one (the docs condense tables), and a
JSON document shown must be part of the one printed.
A ``cat FILE`` of a file no command made is how a page shows an input: the file is written from the
lines shown. Commands that need the network, a server or a benchmark's hour are not run
(:data:`NOT_RUN`), nor compared.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"^```(?:console)?\n(\$ .*?)^```$", re.MULTILINE | re.DOTALL)
NOT_RUN = re.compile(r"translit serve|translit models install [a-z]{2} [a-z]{2}\b|^(pip|git|pre-commit|curl) |bench/")
_STEP = "\x1fSTEP\x1f"


def _sessions() -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """(page and line, [(command, the lines shown under it), …]) of each console block."""
    sessions = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in _BLOCK.finditer(text):
            steps: list[tuple[str, list[str]]] = []
            for line in match.group(1).rstrip("\n").split("\n"):
                if line.startswith("$ "):
                    steps.append((line[2:], []))
                else:
                    steps[-1][1].append(line)
            sessions.append((f"{page.name}:{text.count(chr(10), 0, match.start()) + 2}", steps))
    return sessions


def _pattern(line: str) -> re.Pattern[str]:
    parts = (re.escape(part) for part in " ".join(line.split()).split("…"))
    return re.compile(".*?".join(parts))


def _contains(found: object, shown: object) -> bool:
    """Whether the JSON value ``found`` holds ``shown``: its keys with such values, a list's first items."""
    if isinstance(shown, dict):
        return isinstance(found, dict) and all(key in found and _contains(found[key], value) for key, value in shown.items())
    if isinstance(shown, list):
        return isinstance(found, list) and len(shown) <= len(found) and all(map(_contains, found, shown))
    return found == shown


def _missing(shown: list[str], output: str) -> str | None:
    """The first shown line the output lacks (in order), or None. A JSON document is shown condensed:
    the one printed must hold what it shows (:func:`_contains`)."""
    if shown and shown[0] in ("{", "["):
        try:
            found, document = json.loads(output), json.loads("\n".join(shown))
        except ValueError:
            pass  # a part of a document (| head): its lines are compared
        else:
            return None if _contains(found, document) else "\n".join(shown)
    lines = [" ".join(line.split()) for line in output.splitlines()]
    at = 0
    for line in shown:
        if line.strip() in ("", "…"):
            continue
        wanted = _pattern(line)
        while at < len(lines) and not wanted.fullmatch(lines[at]):
            at += 1
        if at == len(lines):
            return line
        at += 1
    return None


def _script(steps: list[tuple[str, list[str]]]) -> str:
    """The bash session of ``steps``: a marker before each command's output, this interpreter's
    package for ``translit``, and a file a ``cat`` shows written first where no command made it."""
    lines = []
    for command, shown in steps:
        # the marker keeps the exit status, which an "echo $?" shows
        lines.append(f"status=$?; printf '{_STEP}\\n'; (exit $status)")
        if NOT_RUN.search(command):
            continue
        cat = re.fullmatch(r"cat (\S+)", command)
        if cat:
            name = cat.group(1)
            lines += [f"[ -e '{name}' ] || {{ mkdir -p \"$(dirname '{name}')\"; cat > '{name}' <<'SHOWN'", *shown, "SHOWN", "}"]
        lines.append(re.sub(r"(^|\| |; )translit ", rf"\1{sys.executable} -m translit ", command))
    return "\n".join(lines) + "\n"


SESSIONS = _sessions()


def test_the_readme_and_the_docs_have_console_examples():
    pages = {where.split(":")[0] for where, _ in SESSIONS}
    assert {"README.md", "check.md", "recovery.md", "romanize.md"} <= pages


@pytest.mark.parametrize(("where", "steps"), SESSIONS, ids=[where for where, _ in SESSIONS])
def test_a_console_example_shows_what_its_commands_print(where, steps, tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    # a terminal's order of standard output and standard error; this interpreter's "python"; no
    # translation model of the user's
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "XDG_DATA_HOME": str(tmp_path / "data")}
    run = subprocess.run(["bash", "-c", _script(steps)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, encoding="utf-8", timeout=600, check=False)
    outputs = run.stdout.split(_STEP + "\n")[1:]
    for (command, shown), output in zip(steps, outputs, strict=True):
        if NOT_RUN.search(command):
            continue
        missing = _missing(shown, output)
        assert missing is None, f"{where}: under $ {command}\nthe page shows {missing!r}; the command printed:\n{output}"
