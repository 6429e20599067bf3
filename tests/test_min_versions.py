"""The lowest-versions run (tools/min_versions.sh) really runs on the floors pyproject.toml declares.

Skipped in an ordinary run; the script sets TRANSLIT_MIN_VERSIONS to the file of pins it installed.
"""

from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path

import pytest

PINS = os.environ.get("TRANSLIT_MIN_VERSIONS")


@pytest.mark.skipif(not PINS, reason="only in the lowest-versions run: bash tools/min_versions.sh")
def test_every_direct_dependency_is_at_its_floor() -> None:
    pins = dict(line.split("==", 1) for line in Path(str(PINS)).read_text().split() if "==" in line)
    assert {"typer", "phonenumberslite", "argostranslate", "pytest"} <= set(pins)
    installed = {name: version(name) for name in pins}
    assert installed == pins
