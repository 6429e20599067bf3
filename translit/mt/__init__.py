"""Offline machine translation: argostranslate packages and CTranslate2 NLLB-200 models.

The pipeline hands this module sentences it has already split and shielded;
an :class:`Engine` turns each into one translated string. :class:`Translator`
picks the engine for a language pair from the configuration, pivots through
English when no direct model exists, and says which route it took.

argostranslate is used for what it is good at - its package format, package
folder, install and tokenizers - but its sentence splitter is never invoked:
depending on the package it needs stanza and torch, or it downloads a MiniSBD
model on the first translation (see ``docs/translation.md``). translit calls
CTranslate2 on the package's model with the same decoding parameters as
``argostranslate.translate.apply_packaged_translation``, one batch per call.
Nothing here opens a network connection except :meth:`ArgosEngine.download`.

One module a job: ``engine`` (the Engine protocol, routes, batching), ``argos`` and
``nllb`` (the engines), ``packages`` (validating and installing argos packages),
``settings`` (the ``[mt]`` table) and ``translator`` (the router). Heavy modules
(argostranslate, ctranslate2, sentencepiece) are imported inside functions, so
``import translit.mt`` costs nothing.
"""

from __future__ import annotations

from .argos import ArgosEngine, argos_importable, default_argos_packages_dir, import_argos
from .engine import Engine, Route, Step
from .errors import (
    INSTALL_HINT,
    DownloadError,
    EngineUnavailableError,
    ModelError,
    MTConfigError,
    MTError,
    NoRouteError,
)
from .nllb import NLLB_CODES, NllbEngine
from .packages import PackageInfo, install_package
from .settings import ENGINE_NAMES, MTConfig, PairSetting, load_config
from .translator import Translator

__all__ = [
    "ENGINE_NAMES",
    "INSTALL_HINT",
    "NLLB_CODES",
    "ArgosEngine",
    "DownloadError",
    "Engine",
    "EngineUnavailableError",
    "MTConfig",
    "MTConfigError",
    "MTError",
    "ModelError",
    "NllbEngine",
    "NoRouteError",
    "PackageInfo",
    "PairSetting",
    "Route",
    "Step",
    "Translator",
    "argos_importable",
    "default_argos_packages_dir",
    "import_argos",
    "install_package",
    "load_config",
]
