"""The ``[mt]`` settings of ``translit.toml``: the engine of each language pair and its model."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import MTConfigError

ENGINE_NAMES = ("argos", "nllb", "none")


@dataclass(frozen=True)
class PairSetting:
    """The engine chosen for one pair: ``engine`` is "argos", "nllb" or "none" (never machine-translate)."""

    engine: str
    model: Path | None = None


@dataclass(frozen=True)
class MTConfig:
    """The ``[mt]`` table of ``translit.toml`` (or ``[tool.translit.mt]`` in ``pyproject.toml``).

    ::

        [mt]
        default = "argos"                 # engine for pairs not listed below
        pivots = ["en"]                   # languages to pivot through when no direct model exists
        argos_packages = "~/.local/share/argos-translate/packages"
        nllb_model = "/models/nllb-200-distilled-600M-ct2"   # for pairs whose engine is "nllb"
        beam_size = 4

        [mt.pairs]
        "en-kk" = { engine = "nllb" }
        "kk-ru" = { engine = "nllb", model = "/models/tilmash-ct2" }
        "ru-kk" = { engine = "none" }     # always leave for a human translator
    """

    default: str = "argos"
    pivots: tuple[str, ...] = ("en",)
    argos_packages: Path | None = None
    nllb_model: Path | None = None
    nllb_tokenizer: Path | None = None
    beam_size: int | None = None
    device: str = "cpu"
    pairs: Mapping[tuple[str, str], PairSetting] = field(default_factory=dict)
    source: str = ""

    @classmethod
    def from_project(cls, config: Any) -> MTConfig:
        """The ``[mt]`` section of a :class:`translit.config.Config`."""
        return cls.from_mapping(
            config.section("mt"), base=config.root, source=str(config.path) if config.path is not None else ""
        )

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any], *, base: Path | None = None, source: str = "") -> MTConfig:
        """Build from a parsed ``[mt]`` table; relative paths are taken from ``base``."""

        def fail(message: str) -> MTConfigError:
            return MTConfigError(f"[mt] {message}", path=source or None)

        def path(value: Any, key: str) -> Path | None:
            if value is None:
                return None
            if not isinstance(value, str) or not value:
                raise fail(f"{key} must be a path string")
            p = Path(value).expanduser()
            return p if p.is_absolute() or base is None else (base / p).resolve()

        known = {"default", "pivots", "argos_packages", "nllb_model", "nllb_tokenizer", "beam_size", "device", "pairs"}
        unknown = sorted(set(table) - known)
        if unknown:
            raise fail(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})")
        default = table.get("default", "argos")
        if default not in ENGINE_NAMES:
            raise fail(f"default must be one of {', '.join(ENGINE_NAMES)}, not {default!r}")
        pivots = table.get("pivots", ["en"])
        if not isinstance(pivots, list) or not all(isinstance(p, str) for p in pivots):
            raise fail("pivots must be a list of language codes")
        beam = table.get("beam_size")
        if beam is not None and (not isinstance(beam, int) or beam < 1):
            raise fail("beam_size must be a positive integer")
        pairs: dict[tuple[str, str], PairSetting] = {}
        raw_pairs = table.get("pairs", {})
        if not isinstance(raw_pairs, Mapping):
            raise fail("pairs must be a table")
        for key, value in raw_pairs.items():
            match = re.fullmatch(r"([a-z]{2,3})-([a-z]{2,3})", key)
            if not match:
                raise fail(f"pair {key!r} must look like \"en-kk\"")
            if isinstance(value, str):
                value = {"engine": value}
            if not isinstance(value, Mapping) or value.get("engine") not in ENGINE_NAMES:
                raise fail(f"pairs.{key}: engine must be one of {', '.join(ENGINE_NAMES)}")
            pairs[(match[1], match[2])] = PairSetting(value["engine"], path(value.get("model"), f"pairs.{key}.model"))
        return cls(
            default=default,
            pivots=tuple(pivots),
            argos_packages=path(table.get("argos_packages"), "argos_packages"),
            nllb_model=path(table.get("nllb_model"), "nllb_model"),
            nllb_tokenizer=path(table.get("nllb_tokenizer"), "nllb_tokenizer"),
            beam_size=beam,
            device=str(table.get("device", "cpu")),
            pairs=pairs,
            source=source,
        )


def load_config(path: str | Path | None = None, *, start: str | Path | None = None) -> MTConfig:
    """The ``[mt]`` settings of the project configuration (see :mod:`translit.config`).

    ``path`` names the file exactly; otherwise the nearest ``translit.toml``
    (or ``pyproject.toml`` with ``[tool.translit]``) from ``start`` upward is
    used, and the defaults when there is none.
    """
    from ..config import load_config as load_project_config

    return MTConfig.from_project(load_project_config(start, path=path))
