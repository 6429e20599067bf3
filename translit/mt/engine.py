"""What every engine shares: the :class:`Engine` protocol, the :class:`Route` a pair takes, and
how a batch of sentences goes through a model with its line breaks and spaces kept."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from .errors import MTError

@dataclass(frozen=True)
class Step:
    """One model application: ``src`` -> ``tgt`` by ``engine``; ``detail`` names the model."""

    src: str
    tgt: str
    engine: str
    detail: str = ""

    def as_dict(self) -> dict[str, str]:
        """JSON-ready form for reports."""
        return {"src": self.src, "tgt": self.tgt, "engine": self.engine, "model": self.detail}


@dataclass(frozen=True)
class Route:
    """How a language pair gets translated: one step (direct) or several (pivot)."""

    src: str
    tgt: str
    steps: tuple[Step, ...]

    @property
    def kind(self) -> str:
        """``"direct"`` or ``"pivot"``."""
        return "direct" if len(self.steps) == 1 else "pivot"

    @property
    def via(self) -> tuple[str, ...]:
        """The pivot languages, in order (empty for a direct route)."""
        return tuple(step.tgt for step in self.steps[:-1])

    @property
    def engines(self) -> tuple[str, ...]:
        """The engine of each step."""
        return tuple(step.engine for step in self.steps)

    def describe(self) -> str:
        """One line such as ``kk→en→ru (nllb /models/nllb; argos translate-en_ru 1.9)``."""
        path = "→".join([self.src, *(step.tgt for step in self.steps)])
        models = "; ".join(f"{step.engine} {step.detail}".strip() for step in self.steps)
        return f"{path} ({models})"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form for reports and ``translit models list --json``."""
        return {
            "src": self.src,
            "tgt": self.tgt,
            "kind": self.kind,
            "via": list(self.via),
            "steps": [step.as_dict() for step in self.steps],
        }


@runtime_checkable
class Engine(Protocol):
    """A machine-translation engine: a set of direct pairs and a batch call."""

    name: str

    def pairs(self) -> dict[tuple[str, str], str]:
        """Direct pairs it can translate, each with a short model description."""
        ...

    def translate_batch(self, sentences: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate each sentence; one output string per input, same order."""
        ...


_LINE_BREAK = re.compile(r"(\s*\n\s*)")


def keep_layout(sentences: Sequence[str], translate: Any) -> list[str]:
    """Translate every line of every input in one call; put line breaks and outer whitespace back.

    Engines see single lines without surrounding spaces: SentencePiece would
    drop both, and an empty line must not cost a model call.
    """
    jobs: list[str] = []
    layouts: list[list[str | int]] = []
    for sentence in sentences:
        layout: list[str | int] = []
        for part in _LINE_BREAK.split(sentence):
            core = part.strip()
            if not core:
                layout.append(part)
                continue
            layout += [part[: len(part) - len(part.lstrip())], len(jobs), part[len(part.rstrip()) :]]
            jobs.append(core)
        layouts.append(layout)
    done = translate(jobs) if jobs else []
    if len(done) != len(jobs):
        raise MTError(f"the engine returned {len(done)} translations for {len(jobs)} lines")
    return ["".join(done[x].strip() if isinstance(x, int) else x for x in layout) for layout in layouts]


def decoding_limit(tokens: Sequence[Sequence[str]]) -> int:
    """Room for a translation up to twice as long as the longest input (never below CTranslate2's 256)."""
    return max(256, 2 * max((len(t) for t in tokens), default=0) + 16)
