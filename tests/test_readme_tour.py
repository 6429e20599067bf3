"""The README's tour shows real output: each ``$ command`` block there is run, and every line it
shows must come out of the command, in order (a "…" line stands for lines left out, a line ending
in "…" for the rest of that line)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_BLOCK = re.compile(r"^```\n(\$ .*?)^```$", re.MULTILINE | re.DOTALL)


def _tour() -> list[tuple[str, list[str]]]:
    """(command, the lines shown under it) of each console block of the README."""
    shown = []
    for block in _BLOCK.findall(README.read_text(encoding="utf-8")):
        command, *lines = block.rstrip("\n").split("\n")
        shown.append((command[2:], lines))
    return shown


def _missing(expected: list[str], output: str) -> str | None:
    """The first shown line the output lacks (in order), or None."""
    lines = output.splitlines()
    at = 0
    for line in expected:
        if line.strip() in ("", "…"):
            continue
        prefix = line.endswith("…")
        wanted = line[:-1].rstrip() if prefix else line.rstrip()
        while at < len(lines) and not (lines[at].startswith(wanted) if prefix else lines[at].rstrip() == wanted):
            at += 1
        if at == len(lines):
            return line
        at += 1
    return None


def test_the_readme_has_a_tour():
    commands = [command.split()[0] for command, _ in _tour()]
    assert len(commands) >= 4 and {"translit", "echo"} >= set(commands)


@pytest.mark.parametrize(("command", "expected"), _tour(), ids=[re.search(r"translit (\w+)", command).group(1) for command, _ in _tour()])
def test_the_readme_tour_shows_what_the_command_prints(command, expected, tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    # the package of this interpreter, whatever console script PATH finds
    command = re.sub(r"(^|\| )translit ", rf"\1{sys.executable} -m translit ", command)
    # post and check exit 3 and 1 on the example, as the README says
    run = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
                         timeout=300, check=False)
    output = run.stdout + run.stderr
    missing = _missing(expected, output)
    assert missing is None, f"README.md shows {missing!r}; the command printed:\n{output}"
