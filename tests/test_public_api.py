"""The names ``translit`` exports: each is what its documentation says, not a module.

Importing a submodule sets an attribute of the same name on the package, so a
module named like an export (``translit/rerender.py`` beside ``translit.rerender``)
would replace the function as soon as anything imported the module.
"""

from __future__ import annotations

import importlib
import pkgutil
import types

import translit


def test_no_submodule_is_named_like_an_export() -> None:
    modules = {info.name for info in pkgutil.iter_modules(translit.__path__)}
    assert modules.isdisjoint(translit.__all__)


def test_every_export_resolves_to_a_function_class_or_value() -> None:
    for name in translit.__all__:
        value = getattr(translit, name)
        assert not isinstance(value, types.ModuleType), name
        module = importlib.import_module(value.__module__)
        assert getattr(module, name) is value, name
