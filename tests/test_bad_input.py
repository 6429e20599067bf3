"""Bad and odd input as a hook, a CMS and an editor meet it: one line naming the file, a stable exit code.

Each test reproduces a defect found by a sweep of every command over such
inputs (UTF-16, NUL bytes, closed streams, a closed pipe, Ctrl-C, devices
as outputs, malformed data files) and checks the behaviour that replaced it.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cli_run import KIEV, run, stdin

TRANSLIT = [sys.executable, "-m", "translit"]
KAZAKH = "Елбасы Маңғыстау облысына жұмыс сапарымен келді.\n"

# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("command", [["check"], ["romanize"], ["detect"], ["glossary", "lint"], ["recover"]])
def test_utf16_without_a_byte_order_mark_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    # UTF-16 of Latin text is valid UTF-8 with a NUL after every letter: it used to pass check with no finding.
    draft = tmp_path / "visit.en.txt"
    draft.write_bytes(KIEV.encode("utf-16-le"))
    code, out, err = run(capsys, *command, str(draft))
    assert code == 2
    assert f"{draft}:1:2: a NUL character is not text (UTF-16 without a byte order mark? pass --encoding utf-16)" in out + err


def test_utf16_read_as_such_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "visit.en.txt"
    draft.write_bytes(KIEV.encode("utf-16-le"))
    code, out, _ = run(capsys, "check", str(draft), "--encoding", "utf-16", "--json")
    assert code == 1 and [f["id"] for f in json.loads(out)["posts"][0]["findings"]] == ["glossary.discouraged"]


@pytest.mark.parametrize("command", [["romanize"], ["post", "--to", "kk"], ["rerender"]])
def test_utf16_with_a_byte_order_mark_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    draft = tmp_path / "news.txt"
    draft.write_bytes(KAZAKH.encode("utf-16"))
    code, out, err = run(capsys, *command, str(draft))
    assert (code, out) == (2, "")
    assert err == f"translit: error: {draft}:1:1: a UTF-16 file (it starts with a UTF-16 byte order mark); pass --encoding utf-16\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.txt"]


def test_a_nul_byte_is_named_by_line_and_column(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(monkeypatch, KAZAKH.encode() + b"\xd0\x90\x00bc\n")
    code, out, err = run(capsys, "romanize", "-")
    assert (code, out) == (2, "")
    assert err.startswith("translit: error: <stdin>:2:2: a NUL character is not text")


# ---------------------------------------------------------------- closed streams


@pytest.mark.parametrize("command", [["romanize", "-"], ["detect", "-"], ["post", "-"], ["check", "--stdin-json"], ["glossary", "lint", "-"]])
def test_closed_stdin_is_an_input_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python gives a program started with <&-
    code, out, err = run(capsys, *command)
    assert (code, out, err) == (2, "", "translit: error: <stdin>: standard input is closed\n")
