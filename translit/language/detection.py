"""Language and script of a piece of text: kk, ru, en, their neighbours, and Latin-typed kk/ru.

The statistical core is a character n-gram naive-Bayes model whose counts ship
as data (``translit/data/langid/profiles.json``, built by
``bench/build_langid_profiles.py``). Two models are kept apart by script:
Cyrillic words are scored against kk ru ky uk tt, Latin words against en tr uz
and against Kazakh and Russian romanized with each of translit's schemes, so
a Latin-typed title is reported as ``kk`` with ``romanized=True`` and the
scheme that best explains its spelling.

Told the languages a site publishes in (``detect(text, languages=("kk", "ru",
"en"))``, ``[detect] languages`` in translit.toml), the detector reports another
language only for a text of some length and on a clear margin, and lets the
dictionaries of :mod:`translit.language.known_words` decide a short string.

Speed matters because the other features call :func:`detect` on every span of
a post: the per-class costs of each n-gram are packed into one Python integer
(one fixed-width field per class), so scoring a word is a handful of integer
additions instead of a loop over classes; each n-gram's entry already includes
its suffixes (the shorter n-grams ending at the same letter), so a word costs
one lookup per letter rather than one per n-gram; and the cost of a word is
memoised.
"""

from __future__ import annotations

import json
import math
import re
import struct
from dataclasses import dataclass
from functools import cache, lru_cache, partial, reduce
from itertools import repeat
from operator import add, itemgetter, sub
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..errors import TranslitError
from ..transliteration.alphabet import has_kazakh_letters
from .known_words import Votes, cyrillic_votes, latin_votes
from ..resources import bundled_dir

__all__ = ["Alternative", "Detection", "Detector", "detect", "default_detector", "words_of"]

# Fixed-point resolution of the packed costs (units per nat) and the width of
# one class's field; 32 bits hold MAX_WORDS words of the most expensive n-grams
# (and are read back as unsigned 32-bit integers by struct).
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
_CYRILLIC_LETTER = r"[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]"
_LATIN_LETTER = r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"
_CYRILLIC = re.compile(_CYRILLIC_LETTER)
_LATIN = re.compile(_LATIN_LETTER)
# Letters are counted run by run: one string per word rather than one per letter.
_CYRILLIC_RUN = re.compile(_CYRILLIC_LETTER + "+")
_LATIN_RUN = re.compile(_LATIN_LETTER + "+")
ADDRESS = re.compile(r"(?<![\w.+-])(?:\w+://)?[\w.+-]*\w[.@/]\w[\w.@/?=&%#+-]*")
"""A web or e-mail address: its words are no language's. It starts only where a run of its
characters does, so a long run of letters costs one try, not one per letter."""
QUOTED = re.compile(r"«[^»\n]*»|“[^”\n]*”|„[^“\n]*“|\"[^\"\n]*\"")
"""A quoted passage on one line: a title or a name, as often in another language as not."""
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\w*")
_FOLDED = {"’": "'", "ʻ": "'", "ʼ": "'", "‘": "'", "İ": "i"}
_APOSTROPHES = str.maketrans(_FOLDED)
_TO_FOLD = re.compile("[" + re.escape("".join(_FOLDED)) + "]")
_TAIL = itemgetter(slice(1, None))

MIXED_SHARE = 0.2
"""A text is ``mixed`` when the minority script has at least this share of its letters."""
SHORT_WORDS = 4
"""A text of at most this many words is short: the dictionaries vote on it (see :mod:`translit.language.known_words`)."""
VOTE_WEIGHT = 15.0
"""How far one dictionary vote moves a language (in the units of the tempered log-likelihood)."""
STRONG_WORDS = 5
"""With ``languages``, only a text of this many words may be reported in another language."""
OUTSIDER_PENALTY = -5.0
"""...and only when it beats the best allowed language by this much (tempered log-likelihood)."""


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
_ONE_KAZAKH_VOTE = partial(Votes, kazakh=1.0)


@dataclass(frozen=True)
class _Class:
    lang: str
    scheme: str | None
    log_prior: float


class _SuffixCosts(dict[str, int]):
    """n-gram -> packed cost of the n-gram and all its suffixes, as offsets from the unseen cost.

    A word's n-grams of every order that end at one letter are the suffixes of
    the longest one ending there, so one lookup per letter scores them all. An
    n-gram no class kept has offset 0: it costs what its longest kept suffix
    does (about one lookup in seven misses, so this fallback may be Python).
    """

    def __missing__(self, gram: str) -> int:
        get = self.get
        for start in range(1, len(gram)):
            cost = get(gram[start:])
            if cost is not None:
                return cost
        return 0


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
        cache_key: str | None = None,
    ) -> None:
        self.classes = tuple(
            _Class(c["lang"], c.get("scheme"), math.log(c.get("prior", 1.0))) for c in classes
        )
        self.log_priors = tuple(c.log_prior for c in self.classes)
        readings = list(dict.fromkeys((c.lang, c.scheme is not None) for c in self.classes))
        self.readings: tuple[tuple[str, bool], ...] = tuple(readings)
        self.reading_of = tuple(readings.index((c.lang, c.scheme is not None)) for c in self.classes)
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
        table = self._costs = _cached_costs(cache_key, lambda: _cost_table(classes, alpha, self._unseen))
        self._cost_of = table.__getitem__
        self._shapes: dict[int, tuple[tuple[slice, ...], int]] = {}
        self._n = n
        self._all_fields = (1 << (n * _FIELD)) - 1
        self._unpack = struct.Struct(f"<{n}I").unpack
        # Letters that mark a language (Kazakh ә ғ қ ң ө ұ ү һ і, Kyrgyz ө ү ң, Tatar
        # ә ө ү җ ң һ): a word without any of them costs what the class's share of
        # such words says (weighted by absence_weight). This
        # absence is evidence the n-gram counts cannot see; it is scaled by
        # 1/temperature because it is not over-counted like overlapping n-grams.
        self._markers = tuple(
            (frozenset(c["markers"]), _fixed(-math.log(c["unmarked"]) * absence_weight / temperature) << (i * _FIELD))
            for i, c in enumerate(classes)
            if c.get("markers")
        )
        # Most words carry no marker letter at all: they pay every class's absence at once.
        self._any_marker = frozenset().union(*(markers for markers, _ in self._markers))
        self._all_absent = sum(absent for _, absent in self._markers)
        self._name_penalty = _fixed(name_penalty)
        # Per reading: its classes' items of a per-class sequence, a 1 in each of their
        # fields (to change them all at once), and their schemes.
        members = [tuple(i for i, r in enumerate(self.reading_of) if r == reading) for reading in range(len(readings))]
        self._reading_groups = tuple((_picker(m), sum(1 << (i * _FIELD) for i in m)) for m in members)
        self._reading_specs = tuple((_picker(m), tuple(self.classes[i].scheme for i in m)) for m in members)
        self._reading_langs = tuple(lang for lang, _ in self.readings)
        self._reading_romanized = tuple(romanized for _, romanized in self.readings)
        # The Cyrillic model: every reading is one class, none with a scheme.
        self._plain = len(self.readings) == n and all(c.scheme is None for c in self.classes)
        self._no_schemes = (None,) * n
        self.word_cost: Callable[[str], int] = lru_cache(maxsize=1 << 16)(self._written_cost)

    def _shape(self, letters: int) -> tuple[tuple[slice, ...], int]:
        """For a word of this many letters: the slices of its padded form that score it, and its unseen cost.

        One slice per position of the padded word: the longest n-gram (up to
        ``orders``) ending there, whose suffixes are the shorter n-grams.
        """
        shape = self._shapes.get(letters)
        if shape is None:
            padded = letters + 2
            slices = tuple(slice(max(0, end - self.orders), end) for end in range(2, padded + 1))
            unseen = letters * self._unseen[0] + sum(
                max(0, padded - order + 1) * self._unseen[order - 1] for order in range(2, self.orders + 1)
            )
            shape = self._shapes[letters] = (slices, unseen)
        return shape

    def _word_cost(self, word: str) -> int:
        """Packed cost of a lower-cased word: its n-grams of orders 1..orders, space-padded."""
        slices, unseen = self._shape(len(word))
        return sum(map(self._cost_of, map(f" {word} ".__getitem__, slices)), unseen)

    def _written_cost(self, word: str) -> int:
        lower = word.lower()
        cost = self._word_cost(lower)
        if self._markers:
            if self._any_marker.isdisjoint(lower):
                cost += self._all_absent
            else:
                for markers, absent in self._markers:
                    if markers.isdisjoint(lower):
                        cost += absent
        if self._name_penalty and word[0].isupper() and word != word.upper():
            # A capitalised word is most likely a name, and names travel between
            # languages (Karaganda in English news): it may cost no reading more
            # than name_penalty above the one it fits best. A reading's schemes
            # move together, so the name still tells Kazahstan from Kazaxstan.
            fields = self.fields(cost)
            ceiling = min(fields) + self._name_penalty
            for pick, ones in self._reading_groups:
                excess = min(pick(fields)) - ceiling
                if excess > 0:
                    cost -= excess * ones  # lowers every field of the reading at once
        return cost

    def fields(self, packed: int) -> tuple[int, ...]:
        """The per-class fields of a packed cost, in class order."""
        return self._unpack((packed & self._all_fields).to_bytes(self._n * _FIELD // 8, "little"))

    def packed_cost(self, words: list[str]) -> int:
        """Packed cost of the words (as written: case matters for names)."""
        return sum(map(self.word_cost, words))

    def log_likelihoods(self, words: list[str]) -> list[float]:
        """Per-class log-likelihood (nats) of the words (as written: case matters for names)."""
        return [-f / _SCALE for f in self.fields(self.packed_cost(words))]

    def decide(
        self,
        words: list[str],
        script: str,
        languages: frozenset[str] | None = None,
        votes: Callable[[], Votes] | None = None,
    ) -> Detection:
        """Turn the words' costs into a ranked Detection.

        With ``languages`` (a site's), ``votes`` (short strings only; called when needed) move
        kk and ru up by VOTE_WEIGHT a vote, and a class outside them may win only a text of STRONG_WORDS
        words or more, and then only by -OUTSIDER_PENALTY more than the best class inside.
        """
        temperature = self.temperature
        fields = self.fields(self.packed_cost(words))
        scores = [-field / _SCALE * temperature + prior for field, prior in zip(fields, self.log_priors)]
        if languages is not None:
            if votes is not None:
                self._vote(scores, votes, languages)
            self._restrict(scores, languages, strong=len(words) >= STRONG_WORDS)
        weights = list(map(math.exp, map(sub, scores, repeat(max(scores)))))
        norm = sum(weights)
        # A reading is a language, romanized or not; its schemes share its probability
        # and the reading names its most likely scheme (none if all its weights vanished).
        schemes: Sequence[str | None]
        if self._plain:
            masses, schemes = weights, self._no_schemes
        else:
            masses, named = [], []
            for pick, member_schemes in self._reading_specs:
                member_weights = pick(weights)
                top = max(member_weights)
                masses.append(reduce(add, member_weights, 0.0))  # summed in class order
                named.append(member_schemes[member_weights.index(top)] if top > 0.0 else None)
            schemes = named
        order = sorted(range(len(masses)), key=masses.__getitem__, reverse=True)
        langs, romanized = self._reading_langs, self._reading_romanized
        alternatives = tuple([Alternative(langs[r], masses[r] / norm, romanized[r], schemes[r]) for r in order])
        top_reading = alternatives[0]
        return Detection(
            lang=top_reading.lang,
            script=script,
            confidence=top_reading.probability,
            alternatives=alternatives,
            romanized=top_reading.romanized,
            scheme=top_reading.scheme,
        )

    def _vote(self, scores: list[float], votes: Callable[[], Votes], languages: frozenset[str]) -> None:
        # Latin: English words fold onto Kazakh ones too (men, bar), so the Kazakh forms
        # only choose among the readings that are not English.
        if not self._plain and self.classes[scores.index(max(scores))].lang == "en":
            return
        counted = votes()
        kazakh = VOTE_WEIGHT * counted.kazakh if "kk" in languages else 0.0
        russian = VOTE_WEIGHT * counted.russian if "ru" in languages else 0.0
        for i, c in enumerate(self.classes):
            if c.lang == "kk" and (self._plain or c.scheme is not None):
                scores[i] += kazakh
            elif c.lang == "ru" and self._plain:  # the Russian dictionary reads Cyrillic only
                scores[i] += russian

    def _restrict(self, scores: list[float], languages: frozenset[str], strong: bool) -> None:
        inside = [i for i, c in enumerate(self.classes) if c.lang in languages]
        if not inside:
            return  # nothing of this script is allowed: the restriction cannot apply
        for i, c in enumerate(self.classes):
            if c.lang not in languages:
                scores[i] = scores[i] + OUTSIDER_PENALTY if strong else -math.inf


def _cost_table(classes: list[dict[str, Any]], alpha: float, unseen: tuple[int, ...]) -> _SuffixCosts:
    """Every n-gram's packed cost, summed over its suffixes (see :class:`_SuffixCosts`)."""
    table = _SuffixCosts()
    get = table.get
    for i, c in enumerate(classes):
        shift = i * _FIELD
        for order_index, grams in enumerate(c["grams"]):
            total, types = c["totals"][order_index], c["types"][order_index]
            log_denominator = math.log(total + alpha * (types + 1))
            base = (unseen[order_index] >> shift) & _MASK
            for count, joined in grams.items():
                step = (_fixed(log_denominator - math.log(int(count) + alpha)) - base) << shift
                keys = joined.split("|")
                # C-level iteration: start-up time is dominated by this update.
                table.update(zip(keys, map(add, map(get, keys, repeat(0)), repeat(step))))
    # The table holds each n-gram's cost minus the unseen cost of its order
    # (fields may be negative; the sum over a word never is), so a word costs
    # one sum over its n-grams plus a constant that depends on its length.
    # Then, in place, each n-gram's cost becomes the sum over its suffixes,
    # shortest n-grams first so that a suffix is summed before the n-grams that
    # end with it (dict.update takes the pairs one by one). The padding space
    # alone is never scored (it costs nothing), nor is an empty n-gram.
    table.pop("", None)
    table[" "] = 0
    keys = sorted(table, key=len)
    table.update(zip(keys, map(add, map(table.__getitem__, keys), map(table.__getitem__, map(_TAIL, keys)))))
    return table


def _cached_costs(key: str | None, build: Callable[[], _SuffixCosts]) -> _SuffixCosts:
    """The table ``build`` makes, read from the start-up cache (translit/cache.py) under ``key`` when
    there is one: 56,000 n-grams a script, 0.1–0.15 s to build, a fifth of that to read."""
    from .. import cache

    if key is None:
        return build()
    payload = cache.read("langid", key)
    if payload is not None:
        table = _costs_from(payload)
        if table is not None:
            return table
    table = build()
    cache.write("langid", key, _costs_payload(table))
    return table


def _costs_payload(table: _SuffixCosts) -> bytes:
    """A cost table as its n-grams (UTF-8, NUL-separated) and their costs (signed, little-endian, all
    one width), after their sizes (8 bytes each)."""
    grams = "\0".join(table).encode("utf-8")
    width = max((value.bit_length() for value in table.values()), default=0) // 8 + 1
    values = b"".join(value.to_bytes(width, "little", signed=True) for value in table.values())
    return b"".join(size.to_bytes(8, "little") for size in (len(grams), width, len(table))) + grams + values


def _costs_from(payload: memoryview) -> _SuffixCosts | None:
    """The table of a :func:`_costs_payload`; None when it does not add up."""
    if len(payload) < 24:
        return None
    size, width, count = (int.from_bytes(payload[i : i + 8], "little") for i in (0, 8, 16))
    values = payload[24 + size :]
    try:
        grams = str(payload[24 : 24 + size], "utf-8").split("\0")
    except UnicodeDecodeError:
        return None
    if not width or len(grams) != count or len(values) != count * width:
        return None
    from_bytes = int.from_bytes
    costs = [from_bytes(values[at : at + width], "little", signed=True) for at in range(0, count * width, width)]
    return _SuffixCosts(zip(grams, costs))


def _picker(indices: tuple[int, ...]) -> Callable[[Sequence[Any]], Sequence[Any]]:
    """A function taking these items of a sequence, in order (a slice when they are adjacent, as they usually are)."""
    if indices == tuple(range(indices[0], indices[-1] + 1)):
        return itemgetter(slice(indices[0], indices[-1] + 1))
    return itemgetter(*indices)


def _fixed(nats: float) -> int:
    return max(0, round(nats * _SCALE))


class Detector:
    """A language detector built from a profile (see ``translit/data/langid/README.md``).

    Use :func:`detect` for the bundled profile; build your own Detector only to
    try other profiles. Instances are immutable apart from a memo of word costs.
    """

    def __init__(self, profile: dict[str, Any], *, cache_key: str | None = None) -> None:
        """``cache_key``: the profile's key in the start-up cache (translit/cache.py), if it may be used."""
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
                f"{cache_key}-{script}" if cache_key else None,
            )
            for script, classes in by_script.items()
            if classes
        }
        self._models: dict[str, _Model] = {}
        self.languages = tuple(sorted({c["lang"] for c in profile["classes"]}))
        self._known = frozenset(self.languages)
        self.schemes = tuple(sorted({c["scheme"] for c in profile["classes"] if c.get("scheme")}))

    @classmethod
    def from_path(cls, path: str | Path) -> Detector:
        """Load a profile JSON file (its models' tables are kept in the start-up cache, translit/cache.py)."""
        from .. import cache

        text = Path(path).read_text(encoding="utf-8")
        key = cache.key_of([Path(__file__), text]) if cache.cache_dir() is not None else None
        return cls(json.loads(text), cache_key=key)

    def detect(self, text: str, languages: Iterable[str] | None = None) -> Detection:
        """Say which language and script ``text`` is written in (see :func:`detect` for ``languages``)."""
        allowed = self.allowed(languages)
        cyrillic = sum(map(len, _CYRILLIC_RUN.findall(text)))
        latin = sum(map(len, _LATIN_RUN.findall(text)))
        letters = cyrillic + latin
        if letters == 0:
            if any(ch.isalpha() for ch in text):
                return Detection(lang="und", script="Zzzz", confidence=0.0)
            return _UNDETERMINED
        dominant = "Cyrl" if cyrillic >= latin else "Latn"
        if cyrillic and latin:
            dominant = _prose_script(text, dominant)
        script = "mixed" if min(cyrillic, latin) >= MIXED_SHARE * letters else dominant
        words = words_of(text, dominant)
        model = self.model(dominant)
        if model is None or not words:
            return Detection(lang="und", script=script, confidence=0.0)
        if allowed is None:
            return model.decide(words[:MAX_WORDS], script)
        # The dictionaries vote only between a site's languages: a word Kazakh shares with
        # Kyrgyz or Tatar is no evidence against them when they may be the answer.
        votes = None
        if len(words) <= SHORT_WORDS:
            if dominant == "Latn":
                votes = partial(latin_votes, words)
            elif has_kazakh_letters(text):  # a letter Russian lacks is a Kazakh vote, no dictionary needed
                votes = _ONE_KAZAKH_VOTE
            else:
                votes = partial(cyrillic_votes, words)
        return model.decide(words[:MAX_WORDS], script, allowed, votes)

    def allowed(self, languages: Iterable[str] | None) -> frozenset[str] | None:
        """A site's ``languages`` as a set, or None for all; a code the profile lacks is an error, not ignored."""
        if languages is None:
            return None
        if isinstance(languages, str):
            raise TranslitError(f"languages is a list of codes such as ('kk', 'ru', 'en'), not the string {languages!r}")
        allowed = frozenset(languages)
        if not allowed <= self._known:
            unknown = sorted(allowed - self._known)[0]
            raise TranslitError(f"unknown language {unknown!r}; translit detects {', '.join(self.languages)}")
        return allowed

    def model(self, script: str) -> _Model | None:
        """The model of ``script`` (Cyrl or Latn), built once."""
        model = self._models.get(script)
        if model is None:
            build = self._build.get(script)
            if build is None:
                return None
            model = self._models[script] = build()
        return model


def _prose_script(text: str, by_letters: str) -> str:
    """The script of a two-script text's lower-case words, where its sentences are: names and brands are
    capitalised ("Спонсор матча — Kazakhtelecom." is Russian), then of all its words; ``by_letters`` when
    neither has more."""
    # Web and e-mail addresses (https://nlrk.kz/events, its "https" too) and quoted titles («Ulttyk zhane …») are not the sentence's words.
    text = QUOTED.sub(" ", ADDRESS.sub(" ", text))
    for words in (_LOWER_WORD.findall(text), _WORD.findall(text)):
        cyrillic = sum(len(word) for word in words if _CYRILLIC.match(word))
        latin = sum(len(word) for word in words if _LATIN.match(word))
        if cyrillic != latin:
            return "Cyrl" if cyrillic > latin else "Latn"
    return by_letters


def words_of(text: str, script: str) -> list[str]:
    """The words of ``text`` that the model of ``script`` (Cyrl or Latn) scores, as written."""
    marker = _CYRILLIC if script == "Cyrl" else _LATIN
    if _TO_FOLD.search(text):  # translate() looks up every character: only when there is something to fold
        text = text.translate(_APOSTROPHES)
    return list(filter(marker.search, _WORD.findall(text)))


PROFILE_NAME = "profiles.json"


@cache
def default_detector() -> Detector:
    """The detector of the bundled profile, loaded once."""
    return Detector.from_path(bundled_dir("data") / "langid" / PROFILE_NAME)


def detect(text: str, languages: Iterable[str] | None = None) -> Detection:
    """Language and script of ``text`` (a word, a caption, a sentence or a paragraph).

    ``languages`` are the ones a site publishes in (e.g. ``("kk", "ru", "en")``;
    romanized Kazakh or Russian counts as its language): another language is
    reported only for a text of at least STRONG_WORDS words whose evidence beats
    every allowed language by a wide margin, never for a short string. None (the
    default) weighs every supported language by its prior.

    >>> detect("Бахина фото").lang
    'ru'
    >>> detect("Файлды ашу", languages=("kk", "ru", "en")).lang
    'kk'
    """
    return default_detector().detect(text, languages)
