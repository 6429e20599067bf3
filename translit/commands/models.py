"""``translit models``: list the installed translation models and install new ones.

Only ``translit models install SRC TGT`` touches the network, and it makes
one attempt per URL: offline it fails at once with one line on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

models_app = typer.Typer(
    name="models",
    help="Machine-translation models: list installed pairs and routes, install argos packages.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

CONFIG_HELP = "Config file (translit.toml or pyproject.toml); default: the nearest one from the current folder."


def _translator(config: Optional[Path], packages: Optional[Path]):  # noqa: ANN202 - lazy import of the type
    from dataclasses import replace

    from ..mt import Translator, load_config

    settings = load_config(config)
    if packages is not None:
        settings = replace(settings, argos_packages=packages)
    return Translator(settings)


@models_app.command("list")
def list_models(
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    packages: Optional[Path] = typer.Option(None, "--packages", help="argos package folder (overrides the config)."),
) -> None:
    """Installed models, and the routes they make (direct, or pivot through English)."""
    from ..mt import argos_importable
    from ..textio import printable, to_json

    translator = _translator(config, packages)
    argos = translator.engine("argos")
    installed = argos.packages()
    routes = translator.routes()
    problems = translator.problems()
    nllb = translator.nllb_engines()
    if as_json:
        report = {
            "argos": {
                "packages_dir": str(argos.packages_dir),
                "importable": argos_importable()[0],
                "packages": [p.as_dict() for p in installed],
            },
            "nllb": [{"model": str(e.model_dir), "usable": e.problem() is None} for e in nllb],
            "routes": [r.as_dict() for r in routes],
            "problems": problems,
        }
        sys.stdout.write(to_json(report))
        for problem in problems:
            sys.stderr.write(f"translit: warning: {printable(problem)}\n")
        return
    lines = [f"argos packages in {argos.packages_dir}:"]
    lines += [f"  {p.src}→{p.tgt}  {p.describe()}" for p in installed] or ["  (none)"]
    if nllb:
        lines.append("nllb models (CC-BY-NC 4.0 weights):")
        lines += [f"  {e.model_dir}{'' if e.problem() is None else '  (unusable, see warning)'}" for e in nllb]
    lines.append("routes:")
    width = max((len(r.src) + len(r.tgt) + 1 for r in routes), default=5)
    lines += [f"  {(r.src + '→' + r.tgt).ljust(width)}  {r.kind:<6}  {r.describe()}" for r in routes] or ["  (none)"]
    sys.stdout.write("\n".join(printable(line) for line in lines) + "\n")
    for problem in problems:
        sys.stderr.write(f"translit: warning: {printable(problem)}\n")


@models_app.command("install")
def install(
    what: list[str] = typer.Argument(
        ..., metavar="FILE.argosmodel | SRC TGT", help="A package file, or two language codes to download."
    ),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    packages: Optional[Path] = typer.Option(None, "--packages", help="argos package folder (overrides the config)."),
    index: Optional[str] = typer.Option(None, "--index", help="Package index URL (default: argostranslate's)."),
) -> None:
    """Install an argos package from a file, or download SRC→TGT from the argos package index."""
    from ..errors import TranslitError

    argos = _translator(config, packages).engine("argos")
    if len(what) == 1:
        info = argos.install(Path(what[0]))
    elif len(what) == 2:
        info = argos.download(what[0], what[1], index)
    else:
        raise TranslitError("give one .argosmodel file, or a source and a target language code (translit models install en ru)")
    from ..textio import printable

    sys.stdout.write(printable(f"installed {info.describe()} ({info.src}→{info.tgt}) into {argos.packages_dir}") + "\n")


def register(app: typer.Typer) -> None:
    """Add ``translit models`` to app."""
    app.add_typer(models_app, name="models")
