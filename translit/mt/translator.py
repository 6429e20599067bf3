"""The router: the engine for each language pair, directly or through a pivot language."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..language.segment import split_sentences
from .argos import ArgosEngine, argos_importable
from .engine import Route, Step
from .errors import MTError, NoRouteError
from .nllb import NllbEngine
from .settings import ENGINE_NAMES, MTConfig, PairSetting

class Translator:
    """Routes each language pair to an engine, directly or through a pivot language.

    Engines are created on first use and keep their loaded models, so reuse
    one Translator for a whole run. ``engines`` replaces the engines built
    from the configuration (keys "argos" and "nllb"; for tests and embedding).
    """

    name = "translit"

    def __init__(self, config: MTConfig | None = None, engines: Mapping[str, Any] | None = None) -> None:
        self.config = config or MTConfig()
        self._engines: dict[str, Any] = dict(engines or {})

    def engine(self, name: str, model: Path | None = None) -> Any:
        """The engine called ``name`` ("argos", or "nllb" with an optional model folder)."""
        if name == "argos":
            if "argos" not in self._engines:
                self._engines["argos"] = ArgosEngine(self.config.argos_packages, beam_size=self.config.beam_size)
            return self._engines["argos"]
        if name == "nllb":
            folder = model or self.config.nllb_model
            key = "nllb" if model is None else f"nllb:{folder}"
            if key not in self._engines:
                if folder is None:
                    raise MTError("engine \"nllb\" selected but no model folder configured (set [mt] nllb_model)")
                self._engines[key] = NllbEngine(
                    folder,
                    tokenizer=self.config.nllb_tokenizer if model is None else None,
                    device=self.config.device,
                    beam_size=self.config.beam_size or 4,
                )
            return self._engines[key]
        raise MTError(f"unknown engine {name!r} (known: {', '.join(ENGINE_NAMES)})")

    def _direct(self, src: str, tgt: str) -> Step | None:
        setting = self.config.pairs.get((src, tgt), PairSetting(self.config.default))
        if setting.engine == "none":
            return None
        engine = self.engine(setting.engine, setting.model)
        detail = engine.pairs().get((src, tgt))
        return Step(src, tgt, setting.engine, detail) if detail is not None else None

    def _languages(self) -> list[str]:
        codes: set[str] = set()
        names = {self.config.default} | {s.engine for s in self.config.pairs.values()}
        if "argos" in names or "argos" in self._engines:
            codes.update(itertools.chain.from_iterable(self.engine("argos").pairs()))
        if "nllb" in names and (self.config.nllb_model is not None or "nllb" in self._engines):
            codes.update(itertools.chain.from_iterable(self.engine("nllb").pairs()))
        for (src, tgt), setting in self.config.pairs.items():
            if setting.engine == "nllb":
                codes.update((src, tgt))
        return sorted(codes)

    def route(self, src: str, tgt: str) -> Route:
        """The route for ``src``->``tgt``: direct if possible, else through a pivot; NoRouteError if none."""
        if src == tgt:
            raise MTError(f"source and target are both {src!r}")
        direct = self._direct(src, tgt)
        if direct is not None:
            return Route(src, tgt, (direct,))
        if self.config.pairs.get((src, tgt), PairSetting("")).engine != "none":
            for pivot in self.config.pivots:
                if pivot in (src, tgt):
                    continue
                first, second = self._direct(src, pivot), self._direct(pivot, tgt)
                if first is not None and second is not None:
                    return Route(src, tgt, (first, second))
        reason = "disabled in the configuration" if self.config.pairs.get((src, tgt), PairSetting("")).engine == "none" else ""
        raise NoRouteError(src, tgt, self._available(), reason=reason)

    def _available(self) -> list[str]:
        langs = self._languages()
        return [f"{a}→{b}" for a, b in itertools.permutations(langs, 2) if self._direct(a, b) is not None]

    def routes(self) -> list[Route]:
        """Every pair this Translator can do, direct or pivot, sorted by pair."""
        found = []
        for src, tgt in itertools.permutations(self._languages(), 2):
            try:
                found.append(self.route(src, tgt))
            except NoRouteError:
                continue
        return found

    def problems(self) -> list[str]:
        """Configured models that cannot be used, and broken package folders, one line each."""
        out = []
        if "argos" in self._engines or self.config.default == "argos" or any(
            s.engine == "argos" for s in self.config.pairs.values()
        ):
            if argos_importable()[0]:
                out.extend(self.engine("argos").problems())
            else:
                out.append(argos_importable()[1])
        out.extend(problem for problem in (engine.problem() for engine in self.nllb_engines()) if problem)
        return out

    def nllb_engines(self) -> list[NllbEngine]:
        """The NLLB models the configuration names (``nllb_model`` and per-pair ``model``), each once."""
        engines = [self.engine("nllb")] if self.config.nllb_model else []
        engines += [self.engine("nllb", s.model) for s in self.config.pairs.values() if s.engine == "nllb" and s.model]
        unique: dict[Path, NllbEngine] = {}
        for engine in engines:
            unique.setdefault(engine.model_dir, engine)
        return list(unique.values())

    def translate_batch(self, sentences: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate already-split sentences along :meth:`route`; raises NoRouteError if there is none."""
        route = self.route(src, tgt)
        current = list(sentences)
        for step in route.steps:
            setting = self.config.pairs.get((step.src, step.tgt))
            model = setting.model if setting is not None and setting.engine == step.engine else None
            current = self.engine(step.engine, model).translate_batch(current, step.src, step.tgt)
            if len(current) != len(sentences):
                raise MTError(f"engine {step.engine} returned {len(current)} results for {len(sentences)} sentences")
        return current

    def translate_text(self, text: str, src: str, tgt: str) -> str:
        """Translate running text: lines kept, each line split into sentences by :func:`split_sentences`."""
        lines = text.split("\n")
        spans = [split_sentences(line) for line in lines]
        flat = [s for line in spans for s in line]
        done = iter(self.translate_batch(flat, src, tgt))
        return "\n".join("".join(next(done) for _ in line) for line in spans)
