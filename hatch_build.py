"""Wheel build hook: compile the Latin-Kazakh recovery (translit/recovery.py) with mypyc.

The recovery reads every word through a dozen small Python functions; mypyc,
the compiler mypy and black are built with, turns the same typed source into a
C extension that runs it in 30% fewer instructions (docs/recovery.md, Speed).
The source stays in the wheel beside the extension, and a wheel without the
extension behaves the same, only slower: so the build falls back to it,
with a warning, when there is no C compiler or mypyc fails; hatch's own
HATCH_BUILD_NO_HOOKS=true builds it outright, without fetching mypy. An editable
install is never compiled: an extension beside the source would shadow every
later edit of it.
"""

from __future__ import annotations

import importlib.machinery
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

COMPILED = "translit/recovery.py"
# The build has none of translit's runtime dependencies, which the package's other modules import
# (the recovery itself needs none): their types are unknown here, and their modules' errors are
# for the project's own mypy run to report, not for this one.
MYPY_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent"]


class CustomBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self.work: Path | None = None
        if version == "editable":
            return
        # mypyc writes its build folder and the extension next to the source: compile a copy
        self.work = Path(tempfile.mkdtemp(prefix="translit-mypyc-"))
        package = self.work / "translit"
        shutil.copytree(Path(self.root, "translit"), package, ignore=shutil.ignore_patterns("data", "__pycache__"))
        # no debug information: the extension is 40% smaller, and nobody steps through it in a debugger
        environment = {**os.environ, "MYPYC_DEBUG_LEVEL": "0"}
        result = subprocess.run([sys.executable, "-m", "mypyc", *MYPY_OPTIONS, COMPILED], cwd=self.work, env=environment,
                                capture_output=True, text=True)
        built = [path for suffix in importlib.machinery.EXTENSION_SUFFIXES for path in package.glob(f"*{suffix}")]
        if result.returncode != 0 or not built:
            output = (result.stdout + result.stderr).strip().splitlines()
            self.app.display_warning(f"translit: mypyc could not compile {COMPILED} (exit {result.returncode}); "
                                     f"building the pure-Python wheel, which is slower. Last line: "
                                     f"{output[-1] if output else '(none)'}")
            return
        for path in built:
            build_data["force_include"][str(path)] = f"translit/{path.name}"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        self.app.display_info(f"translit: compiled {COMPILED} with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self.work is not None:
            shutil.rmtree(self.work, ignore_errors=True)
