"""Running the CLI in-process, as the reliability tests do."""

from __future__ import annotations

import io
import sys

import pytest

from translit.cli import main

KIEV = "The delegation came from Kiev.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``translit ARGV``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Standard input holding exactly ``data``."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
