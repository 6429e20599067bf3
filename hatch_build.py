"""Wheel build hook: compile the Latin-Kazakh recovery (the package translit/recovery/) with mypyc.

The recovery reads every word through a dozen small Python functions; mypyc,
the compiler mypy and black are built with, turns the same typed source into
C extensions that run it in 30% fewer instructions (bench/README.md). The
sources stay in the wheel beside the extensions, and a wheel without them
behaves the same, only slower: so the build falls back to it, with a warning,
when there is no C compiler or mypyc fails; hatch's own HATCH_BUILD_NO_HOOKS=true
builds it outright, without fetching mypy. An editable install is never
compiled: an extension beside a source would shadow every later edit of it.
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

PACKAGE = "translit/recovery"
GROUP = "translit_recovery"
"""mypyc's name for the modules compiled together: their shared library is translit_recovery__mypyc,
beside the translit package (the default name is a hash). Inside translit/, its modules' __file__
would name a translit/translit/ folder: mypyc joins the library's folder and the module's path."""
# The build has none of translit's runtime dependencies, which the package's other modules import
# (the recovery itself imports only rapidfuzz): their types are unknown here, and their modules' errors are
# for the project's own mypy run to report, not for this one.
MYPY_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent"]
# what the mypyc command line writes, with a group name it has no option for; no debug
# information: the extensions are 40% smaller, and nobody steps through them in a debugger
SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(name="translit-recovery",
      ext_modules=mypycify({paths!r} + {options!r}, opt_level="3", debug_level="0", group_name={group!r}))
"""


class CustomBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self.work: Path | None = None
        if version == "editable":
            return
        # mypyc writes its build folder and the extensions next to the sources: compile a copy
        self.work = Path(tempfile.mkdtemp(prefix="translit-mypyc-"))
        package = self.work / "translit"
        shutil.copytree(Path(self.root, "translit"), package, ignore=shutil.ignore_patterns("data", "__pycache__"))
        # every module but __init__, which only names what the others define
        paths = sorted(str(path.relative_to(self.work)) for path in (self.work / PACKAGE).glob("*.py")
                       if path.name != "__init__.py")
        (self.work / "setup_mypyc.py").write_text(SETUP.format(paths=paths, options=MYPY_OPTIONS, group=GROUP),
                                                  encoding="utf-8")
        result = subprocess.run([sys.executable, "setup_mypyc.py", "build_ext", "--inplace"], cwd=self.work,
                                capture_output=True, text=True)
        # (a set: "*.so" matches the files "*.cpython-311-x86_64-linux-gnu.so" matched)
        built = {path for suffix in importlib.machinery.EXTENSION_SUFFIXES
                 for path in [*package.rglob(f"*{suffix}"), *self.work.glob(f"{GROUP}*{suffix}")]}
        # a shim for each module, and the library they share
        if result.returncode != 0 or len(built) != len(paths) + 1:
            output = (result.stdout + result.stderr).strip().splitlines()
            self.app.display_warning(f"translit: mypyc could not compile {PACKAGE} (exit {result.returncode}); "
                                     f"building the pure-Python wheel, which is slower. Last line: "
                                     f"{output[-1] if output else '(none)'}")
            return
        for path in built:
            build_data["force_include"][str(path)] = str(path.relative_to(self.work))
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        self.app.display_info(f"translit: compiled {len(paths)} modules of {PACKAGE} with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self.work is not None:
            shutil.rmtree(self.work, ignore_errors=True)
