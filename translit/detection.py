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
from functools import cache, lru_cache, partial
from itertools import chain, repeat
from operator import add
from pathlib import Path
from typing import Any, Callable

from .resources import bundled_dir

__all__ = ["Alternative", "Detection", "Detector", "detect", "default_detector", "words_of"]

# Fixed-point resolution of the packed costs (units per nat) and the width of
# one class's field; 32 bits hold MAX_WORDS words of the most expensive n-grams.
_SCALE = 64
_FIELD = 32
_MASK = (1 << _FIELD) - 1
MAX_WORDS = 2000
"""Only the first MAX_WORDS words of a text are scored: enough for any paragraph."""

# A word: letters and combining marks (ALA-LC's t︠s︡), with the inner marks that
# romanizations write for ъ/ь (S”yezd, ob``edinyonny`x, Ul’yanovske) or apostrophes
# (don't, oʻzbek) kept, and a trailing soft-sign mark (sem`, Kazan').
_LETTERS = r"(?:[^\W\d_]|[\u0300-\u036f\ufe20-\ufe2f])+"
_WORD = re.compile(_LETTERS + r"(?:['`”″ʹʺ]+" + _LETTERS + r")*['`ʹʺ″]*")
_CYRILLIC = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_APOSTROPHES = str.maketrans({"’": "'", "ʻ": "'", "ʼ": "'", "‘": "'", "İ": "i"})

MIXED_SHARE = 0.2
"""A text is ``mixed`` when the minority script has at least this share of its letters."""


@dataclass(frozen=True, slots=True)
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
        self,
        classes: list[dict[str, Any]],
        orders: int,
        alpha: float,
        temperature: float,
        shared_unseen: float,
        name_penalty: float,
        absence_weight: float,
    ) -> None:
        self.classes = tuple(
            _Class(c["lang"], c.get("scheme"), math.log(c.get("prior", 1.0))) for c in classes
        )
        self.log_priors = tuple(c.log_prior for c in self.classes)
        readings = list(dict.fromkeys((c.lang, c.scheme is not None) for c in self.classes))
        self.readings: tuple[tuple[str, bool], ...] = tuple(readings)
        self.reading_of = tuple(readings.index((c.lang, c.scheme is not None)) for c in self.classes)
        self.orders = orders
        self._higher = tuple(range(2, orders + 1))
        self._span_cache: dict[int, tuple[tuple[int, int], ...]] = {}
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
                base = (self._unseen[order_index] >> shift) & _MASK
                for count, joined in grams.items():
                    step = (_fixed(log_denominator - math.log(int(count) + alpha)) - base) << shift
                    keys = joined.split("|")
                    # C-level iteration: start-up time is dominated by this update.
                    table.update(zip(keys, map(add, map(get, keys, repeat(0)), repeat(step))))
        # The table holds each n-gram's cost minus the unseen cost of its order
        # (fields may be negative; the sum over a word never is), so a word costs
        # one sum over all its n-grams plus a constant that depends on its length.
        self._table = table
        self._n = n
        # Letters that mark a language (Kazakh ә ғ қ ң ө ұ ү һ і, Kyrgyz ө ү ң, Tatar
        # ә ө ү җ ң һ): a word without any of them costs what the class's share of
        # such words says (weighted by absence_weight). This
        # absence is evidence the n-gram counts cannot see; it is scaled by
        # 1/temperature because it is not over-counted like overlapping n-grams.
        self._markers = tuple(
            (i * _FIELD, frozenset(c["markers"]), _fixed(-math.log(c["unmarked"]) * absence_weight / temperature))
            for i, c in enumerate(classes)
            if c.get("markers")
        )
        self._name_penalty = _fixed(name_penalty)
        self._shifts = tuple(i * _FIELD for i in range(n))
        self._reading_groups = tuple(
            (
                tuple(i for i, r in enumerate(self.reading_of) if r == reading),
                sum(1 << (i * _FIELD) for i, r in enumerate(self.reading_of) if r == reading),
            )
            for reading in range(len(self.readings))
        )
        self.word_cost: Callable[[str], int] = lru_cache(maxsize=1 << 16)(self._written_cost)

    def _word_cost(self, word: str) -> int:
        padded = f" {word} "
        grams = [padded[start:end] for start, end in self._spans(len(padded))]
        return sum(map(self._table.get, chain(word, grams), repeat(0)), self._unseen_cost(len(word)))

    def _spans(self, length: int) -> tuple[tuple[int, int], ...]:
        """(start, end) of the n-grams of orders 2..orders in a padded word of this length."""
        spans = self._span_cache.get(length)
        if spans is None:
            spans = tuple((start, start + order) for order in self._higher for start in range(length - order + 1))
            self._span_cache[length] = spans
        return spans

    def _unseen_cost(self, letters: int) -> int:
        """What a word of this many letters costs if none of its n-grams were seen."""
        padded = letters + 2
        return letters * self._unseen[0] + sum(
            max(0, padded - order + 1) * self._unseen[order - 1] for order in self._higher
        )

    def _written_cost(self, word: str) -> int:
        lower = word.lower()
        cost = self._word_cost(lower)
        for shift, markers, absent in self._markers:
            if markers.isdisjoint(lower):
                cost += absent << shift
        if self._name_penalty and word[0].isupper() and word != word.upper():
            # A capitalised word is most likely a name, and names travel between
            # languages (Karaganda in English news): it may cost no reading more
            # than name_penalty above the one it fits best. A reading's schemes
            # move together, so the name still tells Kazahstan from Kazaxstan.
            fields = [(cost >> shift) & _MASK for shift in self._shifts]
            ceiling = min(fields) + self._name_penalty
            for members, ones in self._reading_groups:
                excess = min([fields[i] for i in members]) - ceiling
                if excess > 0:
                    cost -= excess * ones  # lowers every field of the reading at once
        return cost

    def log_likelihoods(self, words: list[str]) -> list[float]:
        """Per-class log-likelihood (nats) of the words (as written: case matters for names)."""
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
        # Each script's model is built on first use: a Russian-only caller never pays for the Latin one.
        name_penalty = profile.get("name_penalty", {})
        self._build = {
            script: partial(
                _Model,
                classes,
                orders,
                alpha,
                temperature,
                shared_unseen,
                name_penalty.get(script, 0.0),
                float(profile.get("absence_weight", 1.0)),
            )
            for script, classes in by_script.items()
            if classes
        }
        self._models: dict[str, _Model] = {}
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
        words = words_of(text, dominant)
        model = self.model(dominant)
        if model is None or not words:
            return Detection(lang="und", script=script, confidence=0.0)
        return _decide(model, model.log_likelihoods(words[:MAX_WORDS]), script)

    def model(self, script: str) -> _Model | None:
        """The model of ``script`` (Cyrl or Latn), built once."""
        model = self._models.get(script)
        if model is None:
            build = self._build.get(script)
            if build is None:
                return None
            model = self._models[script] = build()
        return model


def words_of(text: str, script: str) -> list[str]:
    """The words of ``text`` that the model of ``script`` (Cyrl or Latn) scores, as written."""
    marker = _CYRILLIC if script == "Cyrl" else _LATIN
    return [w for w in _WORD.findall(text.translate(_APOSTROPHES)) if marker.search(w)]


def _decide(model: _Model, log_likelihoods: list[float], script: str) -> Detection:
    """Turn per-class log-likelihoods into a ranked Detection."""
    temperature = model.temperature
    scores = [ll * temperature + prior for ll, prior in zip(log_likelihoods, model.log_priors)]
    best = max(scores)
    exp = math.exp
    weights = [exp(s - best) for s in scores]
    norm = sum(weights)
    # A reading is a language, romanized or not; its schemes share its probability
    # and the reading names its most likely scheme.
    mass = [0.0] * len(model.readings)
    top_weight = [0.0] * len(model.readings)
    top_scheme: list[str | None] = [None] * len(model.readings)
    for index, reading, weight in zip(range(len(weights)), model.reading_of, weights):
        mass[reading] += weight
        if weight > top_weight[reading]:
            top_weight[reading] = weight
            top_scheme[reading] = model.classes[index].scheme
    order = sorted(range(len(mass)), key=mass.__getitem__, reverse=True)
    alternatives = tuple(
        Alternative(model.readings[r][0], mass[r] / norm, model.readings[r][1], top_scheme[r]) for r in order
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
