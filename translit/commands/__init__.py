"""CLI command modules, one per feature. Each exposes ``register(app)``.

They are imported when the typer application is built, not with this package:
:mod:`.fast` runs the commonest command lines without typer, which most of
them import.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

COMMAND_MODULE_NAMES = ("romanize", "detect", "glossary", "recover", "post", "models", "check", "tm", "serve")
"""In the order ``translit --help`` lists their commands."""


def command_modules() -> list[ModuleType]:
    """Every command module, imported."""
    return [import_module(f"{__name__}.{name}") for name in COMMAND_MODULE_NAMES]
