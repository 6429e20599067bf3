"""Language and script of a piece of text: kk, ru, en, their neighbours, and Latin-typed kk/ru.

The statistical core is a character n-gram naive-Bayes model whose counts ship
as data (``translit/data/langid/profiles.json``, built by
``bench/build_langid_profiles.py``). Two models are kept apart by script:
Cyrillic words are scored against kk ru ky uk tt, Latin words against en tr uz
and against Kazakh and Russian romanized with each of translit's schemes, so
a Latin-typed title is reported as ``kk`` with ``romanized=True`` and the
scheme that best explains its spelling.

Speed matters because the other features call :func:`detect` on every span of
a post: the per-class costs of each n-gram are packed into one Python integer
(one fixed-width field per class), so scoring a word is a handful of integer
additions instead of a loop over classes, and the cost of a word is memoised.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Callable

from .resources import bundled_dir

__all__ = ["Alternative", "Detection", "Detector", "detect", "default_detector"]

# Fixed-point resolution of the packed costs (units per nat) and the width of
# one class's field; 32 bits hold MAX_WORDS words of the most expensive n-grams.
_SCALE = 64
_FIELD = 32
_MASK = (1 << _FIELD) - 1
MAX_WORDS = 2000
"""Only the first MAX_WORDS words of a text are scored: enough for any paragraph."""

# A word: letters, with inner apostrophes (don't, oʻzbek, g'alaba) kept.
_WORD = re.compile(r"[^\W\d_]+(?:['’ʻʼ`][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_APOSTROPHES = str.maketrans({"’": "'", "ʻ": "'", "ʼ": "'", "`": "'", "İ": "i"})

MIXED_SHARE = 0.2
"""A text is ``mixed`` when the minority script has at least this share of its letters."""


@dataclass(frozen=True)
class Alternative:
    """One reading of a text: a language (romanized or not) and its probability."""

    lang: str
    probability: float
    romanized: bool = False
    scheme: str | None = None


@dataclass(frozen=True)
class Detection:
    """What a text is written in.

    ``lang`` is an ISO 639-1 code (kk ru en ky uk tt uz tr) or ``und`` when the
    text has no letters of a supported script. ``script`` is ``Cyrl``,
    ``Latn``, ``mixed`` (both, the minority with at least 20% of the letters),
    ``Zyyy`` (no letters) or ``Zzzz`` (letters of another script).
    ``romanized`` is True for Kazakh or Russian typed in Latin letters, and
    then ``scheme`` names the most likely translit scheme (``kk-news``,
    ``kk-latin-2021``, ``ru-bgn-pcgn`` ...). ``alternatives`` ranks every
    reading the model considered, the chosen one first.
    """

    lang: str
    script: str
    confidence: float
    alternatives: tuple[Alternative, ...] = ()
    romanized: bool = False
    scheme: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the shape ``translit detect --json`` prints)."""
        return {
            "lang": self.lang,
            "script": self.script,
            "confidence": round(self.confidence, 4),
            "romanized": self.romanized,
            "scheme": self.scheme,
            "alternatives": [
                {"lang": a.lang, "probability": round(a.probability, 4), "romanized": a.romanized, "scheme": a.scheme}
                for a in self.alternatives
            ],
        }


_UNDETERMINED = Detection(lang="und", script="Zyyy", confidence=0.0)


@dataclass(frozen=True)
class _Class:
    lang: str
    scheme: str | None
    log_prior: float


class _Model:
    """The naive-Bayes model of one script: packed n-gram costs for its classes."""

    def __init__(
        self, classes: list[dict[str, Any]], orders: int, alpha: float, temperature: float, shared_unseen: float
    ) -> None:
        self.classes = tuple(
            _Class(c["lang"], c.get("scheme"), math.log(c.get("prior", 1.0))) for c in classes
        )
        self.orders = orders
        self.temperature = temperature
        n = len(classes)
        # Cost of an n-gram a class never saw, per order, and the whole table
        # stored as offsets from it: most n-grams occur in few classes.
        unseen = []
        for order in range(orders):
            costs = [-math.log(alpha / (c["totals"][order] + alpha * (c["types"][order] + 1))) for c in classes]
            # Pulled towards the largest class's: small classes would otherwise
            # win every text full of n-grams nobody saw.
            top = max(costs)
            costs = [cost + shared_unseen * (top - cost) for cost in costs]
            fields = 0
            for i, cost in enumerate(costs):
                fields |= _fixed(cost) << (i * _FIELD)
            unseen.append(fields)
        self._unseen = tuple(unseen)
        table: dict[str, int] = {}
        get = table.get
        for i, c in enumerate(classes):
            shift = i * _FIELD
            for order_index, grams in enumerate(c["grams"]):
                total, types = c["totals"][order_index], c["types"][order_index]
                log_denominator = math.log(total + alpha * (types + 1))
                miss = self._unseen[order_index]
                base = (miss >> shift) & _MASK
                # Counts repeat (most are small), so each distinct count is priced once.
                delta: dict[int, int] = {}
                for gram, count in grams.items():
                    step = delta.get(count)
                    if step is None:
                        step = delta[count] = (_fixed(log_denominator - math.log(count + alpha)) - base) << shift
                    table[gram] = get(gram, miss) + step
        self._table = table
        self._n = n
        self.word_cost: Callable[[str], int] = lru_cache(maxsize=1 << 16)(self._word_cost)

    def _word_cost(self, word: str) -> int:
        padded = f" {word} "
        get = self._table.get
        unseen = self._unseen
        total = 0
        length = len(padded)
        for order in range(1, self.orders + 1):
            miss = unseen[order - 1]
            for start in range(length - order + 1):
                gram = padded[start : start + order]
                if gram != " ":
                    total += get(gram, miss)
        return total

    def log_likelihoods(self, words: list[str]) -> list[float]:
        """Per-class log-likelihood (nats) of the words."""
        cost = self.word_cost
        total = 0
        for word in words:
            total += cost(word)
        return [-((total >> (i * _FIELD)) & _MASK) / _SCALE for i in range(self._n)]


def _fixed(nats: float) -> int:
    return max(0, round(nats * _SCALE))


class Detector:
    """A language detector built from a profile (see ``translit/data/langid/README.md``).

    Use :func:`detect` for the bundled profile; build your own Detector only to
    try other profiles. Instances are immutable apart from a memo of word costs.
    """

    def __init__(self, profile: dict[str, Any]) -> None:
        orders = int(profile["orders"])
        alpha = float(profile["alpha"])
        temperature = float(profile.get("temperature", 1.0))
        shared_unseen = float(profile.get("shared_unseen", 0.0))
        by_script: dict[str, list[dict[str, Any]]] = {"Cyrl": [], "Latn": []}
        for c in profile["classes"]:
            by_script[c["script"]].append(c)
        self._models = {
            script: _Model(classes, orders, alpha, temperature, shared_unseen) for script, classes in by_script.items() if classes
        }
        self.languages = tuple(sorted({c["lang"] for c in profile["classes"]}))
        self.schemes = tuple(sorted({c["scheme"] for c in profile["classes"] if c.get("scheme")}))

    @classmethod
    def from_path(cls, path: str | Path) -> Detector:
        """Load a profile JSON file."""
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def detect(self, text: str) -> Detection:
        """Say which language and script ``text`` is written in."""
        cyrillic = len(_CYRILLIC.findall(text))
        latin = len(_LATIN.findall(text))
        letters = cyrillic + latin
        if letters == 0:
            if any(ch.isalpha() for ch in text):
                return Detection(lang="und", script="Zzzz", confidence=0.0)
            return _UNDETERMINED
        dominant = "Cyrl" if cyrillic >= latin else "Latn"
        script = "mixed" if min(cyrillic, latin) >= MIXED_SHARE * letters else dominant
        marker = _CYRILLIC if dominant == "Cyrl" else _LATIN
        words = [w for w in _WORD.findall(text.translate(_APOSTROPHES).lower()) if marker.search(w)]
        model = self._models.get(dominant)
        if model is None or not words:
            return Detection(lang="und", script=script, confidence=0.0)
        return _decide(model, model.log_likelihoods(words[:MAX_WORDS]), script)


def _decide(model: _Model, log_likelihoods: list[float], script: str) -> Detection:
    """Turn per-class log-likelihoods into a ranked Detection."""
    scores = [ll * model.temperature + c.log_prior for ll, c in zip(log_likelihoods, model.classes)]
    best = max(scores)
    weights = [math.exp(s - best) for s in scores]
    norm = sum(weights)
    # A reading is a language, romanized or not; its schemes share its probability.
    readings: dict[tuple[str, bool], list[Any]] = {}
    for c, w in zip(model.classes, weights):
        key = (c.lang, c.scheme is not None)
        entry = readings.get(key)
        if entry is None:
            readings[key] = [w / norm, w, c.scheme]
        else:
            entry[0] += w / norm
            if w > entry[1]:
                entry[1], entry[2] = w, c.scheme
    ranked = sorted(readings.items(), key=lambda item: -item[1][0])
    alternatives = tuple(
        Alternative(lang=lang, probability=entry[0], romanized=romanized, scheme=entry[2])
        for (lang, romanized), entry in ranked
    )
    top = alternatives[0]
    return Detection(
        lang=top.lang,
        script=script,
        confidence=top.probability,
        alternatives=alternatives,
        romanized=top.romanized,
        scheme=top.scheme,
    )


PROFILE_NAME = "profiles.json"


@cache
def default_detector() -> Detector:
    """The detector of the bundled profile, loaded once."""
    return Detector.from_path(bundled_dir("data") / "langid" / PROFILE_NAME)


def detect(text: str) -> Detection:
    """Language and script of ``text`` (a word, a caption, a sentence or a paragraph).

    >>> detect("Бахина фото").lang
    'ru'
    """
    return default_detector().detect(text)
