"""Every import in translit/ goes to the same layer or a lower one.

The layers follow the pipeline (docs/development.md, "Code layout"), lowest first. They are
the order in which the steps depend on each other, which is not always the order a post goes
through them: language detection reads Latin words through the recovery, and segments carry
their language, so recovery sits below language and segment sits in it. Imports inside
functions count; imports only for type checkers (under ``if TYPE_CHECKING:``) do not.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "translit"

# One line per layer, lowest first: (name, the modules and packages in it, what it does).
LAYERS = [
    ("foundation",      "translit translit.errors translit.lines translit.textio translit.config translit.resources translit.guard translit.cache"),  # no step: what all steps use
    ("reading",         "translit.reading"),  # reading and structure: blocks, inline markup, ignore markers
    ("transliteration", "translit.transliteration"),  # letters and schemes: romanize and cyrillize by rule files
    ("morphology",      "translit.morphology"),  # Kazakh and Russian word forms
    ("recovery",        "translit.recovery"),  # Latin-typed Kazakh words back to Cyrillic
    ("language",        "translit.language"),  # language and script of every block, sentence and span
    ("names",           "translit.names"),  # institutions, places, people, dates: found and localized
    ("translation",     "translit.translation translit.mt translit.tm"),  # shielding, re-rendering, memory, MT: the versions
    ("checks",          "translit.checks"),  # pre-publication checks, suppressions, the memory import
    ("interfaces",      "translit.commands translit.serve translit.report translit.cli translit.__main__"),  # the CLI, the local service and the report formats
]


def _layer(module: str) -> int:
    """Index in LAYERS of ``module``'s layer: the longest listed name it is or lies inside."""
    best, length = -1, -1
    for index, (_, names) in enumerate(LAYERS):
        for name in names.split():
            if (module == name or module.startswith(name + ".")) and len(name) > length:
                best, length = index, len(name)
    return best


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def _imports(module: str, path: Path, known: dict[str, Path]) -> list[tuple[int, str]]:
    """(line, imported translit module) for every import statement of ``module``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        if _type_checking_only(node, parents):
            continue
        for target in targets:
            while target and target not in known:  # translit.x.name -> the module translit.x
                target = target.rpartition(".")[0]
            if target and target != module:
                found.append((node.lineno, target))
    return found


def test_every_module_has_a_layer() -> None:
    assert [module for module in _modules() if _layer(module) < 0] == []


def test_no_import_goes_up_a_layer() -> None:
    known = _modules()
    upward = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {module} ({LAYERS[_layer(module)][0]}) imports "
        f"{target} ({LAYERS[_layer(target)][0]})"
        for module, path in known.items()
        for line, target in _imports(module, path, known)
        if _layer(target) > _layer(module)
    ]
    assert upward == []
