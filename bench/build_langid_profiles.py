"""Build translit's language-detection profiles from labelled real text.

    python bench/build_langid_profiles.py [--data ../shared/data/langid/dev.jsonl] [--cv]

Reads ``dev.jsonl`` (see ../shared/data/README.md), sets aside a FIXED
held-out part (by a hash of each text, so every run and bench_detect.py agree),
and counts character n-grams of the rest, per language. Kazakh and Russian
training sentences are also romanized with each of translit's schemes to give
the Latin-typed classes (kk@kk-news, ru@ru-icao ...). The output is
``translit/data/langid/profiles.json``: n-gram counts only, never text.

``--cv`` instead runs a 5-fold cross-validation on the build part only, for
choosing the model's settings without looking at the held-out part.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from translit.language.detection import Detector, words_of  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "langid" / "dev.jsonl"
OUTPUT = REPO / "translit" / "data" / "langid" / "profiles.json"

HELD_OUT_PERCENT = 30
"""Share of dev.jsonl kept out of the profiles, chosen by a hash of the text."""

ROMANIZED_SCHEMES = {
    "kk": ("kk-news", "kk-latin-2021", "kk-latin-2018", "kk-latin-2017", "kk-bgn-pcgn", "kk-iso9", "kk-alalc"),
    "ru": ("ru-news", "ru-bgn-pcgn", "ru-icao", "ru-gost-7.79b", "ru-iso9", "ru-alalc", "ru-scholarly"),
}
"""The schemes whose Latin spelling the detector learns to recognise (and name)."""

SETTINGS = {
    "orders": 5,
    "alpha": 0.1,
    "min_count": 2,
    # Romanized classes are many and near-copies of each other: rarer n-grams only slow start-up
    # (per order 1..5).
    "romanized_min_count": [5, 5, 5, 10, 12],
    "temperature": 0.2,
    "shared_unseen": 0.5,
    # Nats a capitalised Latin word may count against any class (names travel between languages).
    "name_penalty": {"Latn": 12.0},
    # Prior weight of each class; a romanized language shares its weight among its schemes.
    "priors": {"kk": 1.0, "ru": 1.0, "en": 1.0, "ky": 0.25, "uk": 0.25, "tt": 0.25, "uz": 0.25, "tr": 0.25},
    "romanized_prior": 0.15,
    # Letters whose absence from a word is evidence against a language.
    # (Ukrainian і ї є ґ were tried: too many short Ukrainian texts lack them.)
    "markers": {"kk": "әғқңөұүһі", "ky": "өүң", "tt": "әөүҗңһ"},
    "absence_weight": 2.0,
}


EXAMPLES = [
    # [text, lang, scheme or null]: checked by tests/test_detect.py against the shipped profile.
    ["Бахина фото", "ru", None],
    ["Kazakhstan kitaptary", "kk", "kk-news"],
    ["Otbasylyk oku - tarbiye kozi", "kk", "kk-news"],
    ["Ulttyk zhane otbasylyk dastustusturlerdi saktau men damytudagy balalar kitaphanasyn", "kk", "kk-news"],
    ["Otbasylyq oqu – tärbie közi", "kk", "kk-latin-2021"],
    ["Otbasylyq oqý – tárbıe kózi", "kk", "kk-latin-2018"],
    ["Druzhnye rebyata", "ru", "ru-news"],
    ["«Отбасылық оқу – тәрбие көзі»", "kk", None],
    ["Национальная библиотека Республики Казахстан", "ru", None],
    ["Қазақстан Республикасы Ұлттық кітапханасы", "kk", None],
    ["Akimat of Karaganda Region", "en", None],
    ["The online conference was opened by the head of the Department of Culture.", "en", None],
]


def is_held_out(text: str) -> bool:
    """The fixed split: True for the texts that profiles never see."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT


def load(path: Path) -> list[dict[str, Any]]:
    """All records of dev.jsonl."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def split(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(build, held_out). A build text that contains or is contained in a held-out text is dropped too."""
    held = [r for r in records if is_held_out(r["text"])]
    held_texts = [r["text"] for r in held]
    joined = "\n".join(held_texts)
    build = []
    for r in records:
        if is_held_out(r["text"]):
            continue
        text = r["text"]
        if text in joined or any(h in text for h in held_texts if len(h) < len(text)):
            continue
        build.append(r)
    return build, held


def grams_of(word: str, orders: int) -> Iterable[str]:
    """The n-grams translit/language/detection.py scores for a lower-cased word (orders 1..orders, space-padded)."""
    padded = f" {word} "
    for order in range(1, orders + 1):
        for start in range(len(padded) - order + 1):
            gram = padded[start : start + order]
            if gram != " ":
                yield gram


def romanizer(scheme: str) -> Any:
    """translit's own romanize for one scheme, or None while its rule file is missing."""
    try:
        from translit.transliteration.engine import load_scheme, romanize

        load_scheme(scheme)
    except Exception as exc:  # a missing or broken rule file: build without that class
        print(f"warning: skipping scheme {scheme}: {exc}", file=sys.stderr)
        return None
    return lambda text: romanize(text, scheme)


def training_texts(records: list[dict[str, Any]], schemes: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Class id -> texts. Class ids are languages (``kk``) and romanized readings (``kk@kk-news``)."""
    texts: dict[str, list[str]] = defaultdict(list)
    for r in records:
        texts[r["lang"]].append(r["text"])
    for lang, ids in schemes.items():
        source = [r["text"] for r in records if r["lang"] == lang and r["script"] == "Cyrl"]
        for scheme in ids:
            convert = romanizer(scheme)
            if convert is not None:
                texts[f"{lang}@{scheme}"] = [convert(t) for t in source]
    return texts


def script_of(class_id: str) -> str:
    lang = class_id.split("@")[0]
    if "@" in class_id or lang in ("en", "tr", "uz"):
        return "Latn"
    return "Cyrl"


def make_profile(texts: dict[str, list[str]], settings: dict[str, Any]) -> dict[str, Any]:
    """Count n-grams per class and keep those seen at least min_count times."""
    orders = settings["orders"]
    classes = []
    for class_id in sorted(texts):
        script = script_of(class_id)
        lang, _, scheme = class_id.partition("@")
        counts: list[Counter[str]] = [Counter() for _ in range(orders)]
        for text in texts[class_id]:
            for word in words_of(text, script):
                for gram in grams_of(word.lower(), orders):
                    counts[len(gram) - 1][gram] += 1
        prior = settings["priors"][lang]
        if scheme:
            n_schemes = sum(1 for other in texts if other.startswith(lang + "@"))
            prior = prior * settings["romanized_prior"] / n_schemes
        markers = settings["markers"].get(class_id, "")
        extra: dict[str, Any] = {}
        if markers:
            words = [w.lower() for text in texts[class_id] for w in words_of(text, script)]
            unmarked = sum(1 for w in words if not set(markers) & set(w)) / max(1, len(words))
            extra = {"markers": markers, "unmarked": round(unmarked, 4)}
        classes.append(
            {
                **extra,
                "id": class_id,
                "lang": lang,
                "script": script,
                "scheme": scheme or None,
                "prior": round(prior, 6),
                "totals": [sum(c.values()) for c in counts],
                "types": [len(c) for c in counts],
                "grams": [
                    _by_count(c, settings["romanized_min_count"][order] if scheme else settings["min_count"])
                    for order, c in enumerate(counts)
                ],
            }
        )
    return {
        "format": "translit-langid/1",
        "orders": orders,
        "alpha": settings["alpha"],
        "temperature": settings["temperature"],
        "shared_unseen": settings["shared_unseen"],
        "name_penalty": settings["name_penalty"],
        "absence_weight": settings["absence_weight"],
        "examples": EXAMPLES,
        "classes": classes,
    }


def _by_count(counts: Counter[str], min_count: int) -> dict[str, str]:
    """{count: "gram|gram|..."}: the compact form translit/language/detection.py loads fast (n-grams never contain "|")."""
    groups: dict[int, list[str]] = defaultdict(list)
    for gram, n in counts.items():
        if n >= min_count:
            groups[n].append(gram)
    return {str(n): "|".join(sorted(groups[n])) for n in sorted(groups, reverse=True)}


def romanized_records(records: list[dict[str, Any]], schemes: dict[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    """Latin-typed copies of the kk/ru records, one per scheme (for evaluation)."""
    out = []
    for lang, ids in schemes.items():
        for scheme in ids:
            convert = romanizer(scheme)
            if convert is None:
                continue
            for r in records:
                if r["lang"] == lang and r["script"] == "Cyrl":
                    out.append({**r, "text": convert(r["text"]), "script": "Latn", "scheme": scheme})
    return out


def cross_validate(build: list[dict[str, Any]], settings: dict[str, Any], folds: int = 5) -> None:
    """Print accuracy per language x bucket, averaged over folds of the build part."""
    rng = random.Random(0)
    order = list(range(len(build)))
    rng.shuffle(order)
    hits: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    calibration: list[tuple[list[float], list[float], list[bool]]] = []
    for fold in range(folds):
        test = [build[i] for k, i in enumerate(order) if k % folds == fold]
        train = [build[i] for k, i in enumerate(order) if k % folds != fold]
        detector = Detector(make_profile(training_texts(train, ROMANIZED_SCHEMES), settings))
        for r in test + romanized_records(test, ROMANIZED_SCHEMES):
            got = detector.detect(r["text"])
            key = (r["lang"] + ("-Latn" if r.get("scheme") else ""), r["length_bucket"])
            seen[key] += 1
            hits[key] += got.lang == r["lang"] and got.romanized == bool(r.get("scheme"))
            if r.get("scheme"):
                seen[(key[0], "scheme")] += 1
                hits[(key[0], "scheme")] += got.scheme == r["scheme"]
            model = detector.model(script_of(r["lang"] + ("@" + r["scheme"] if r.get("scheme") else "")))
            words = words_of(r["text"], "Latn" if r.get("scheme") or r["lang"] in ("en", "tr", "uz") else "Cyrl")
            if words:
                truth = [c.lang == r["lang"] and (c.scheme is not None) == bool(r.get("scheme")) for c in model.classes]
                calibration.append((model.log_likelihoods(words), [c.log_prior for c in model.classes], truth))
    for key in sorted(seen):
        print(f"{key[0]:8} {key[1]:9} {100 * hits[key] / seen[key]:6.1f}  n={seen[key]}")
    for temperature in (0.02, 0.05, 0.1, 0.2, 0.35):
        loss = 0.0
        for lls, priors, truth in calibration:
            scores = [ll * temperature + p for ll, p in zip(lls, priors)]
            top = max(scores)
            norm = math.log(sum(math.exp(x - top) for x in scores)) + top
            right = math.log(sum(math.exp(x - top) for x, t in zip(scores, truth) if t)) + top
            loss -= right - norm
        print(f"temperature {temperature}: log-loss {loss / len(calibration):.4f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--cv", action="store_true", help="cross-validate on the build part instead of writing")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="override a setting")
    args = parser.parse_args(argv)
    settings = dict(SETTINGS)
    for item in args.set:
        key, _, value = item.partition("=")
        settings[key] = json.loads(value)
    build, held = split(load(args.data))
    print(f"build {len(build)} records, held out {len(held)}", file=sys.stderr)
    if args.cv:
        cross_validate(build, settings)
        return 0
    profile = make_profile(training_texts(build, ROMANIZED_SCHEMES), settings)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(profile, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    size = args.output.stat().st_size
    kept = sum(len(g) for c in profile["classes"] for g in c["grams"])
    print(f"wrote {args.output} ({size / 1e6:.2f} MB, {len(profile['classes'])} classes, {kept} n-gram counts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
