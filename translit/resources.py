"""Where the bundled data lives, in a checkout and in an installed wheel.

The design card keeps rules/ and glossaries/ at the top of the repository;
the wheel build copies them into the package (see pyproject.toml), so the
installed location is tried first and the checkout layout second.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """Return the directory of bundled data ``name`` ("rules", "glossaries", "data")."""
    installed = PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / name
