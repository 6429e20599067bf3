"""Build translit/data/lexicon/kk_lexicon.txt.gz: Kazakh words by skeleton, with frequencies.

Also writes kk_trigrams.tsv (letter trigrams) and kk_reversed.txt.gz (the
skeletons spelled backwards, sorted: the typo search's index by ending).

Sources (see translit/data/lexicon/README.md for attribution and licences):

* the Kazakh lines of ../shared/data/langid/dev.jsonl and the ``kk`` side of
  ../shared/data/news/kk-en.jsonl: word counts, from the TRAIN part only;
* Debian's hunspell-kk dictionary (/usr/share/hunspell/kk_KZ.dic/.aff, or
  --hunspell DIR): its 54k stems expanded with their suffix rules, so that
  inflected forms never seen in the corpus are still known.

The held-out split is fixed: a sentence is held out when the SHA-1 of its
text is 0 mod 5 (:func:`held_out`). bench/bench_recover.py measures on exactly
those sentences, which the lexicon never saw.

Run from the repository root::

    python bench/build_kk_lexicon.py [--shared ../shared] [--hunspell /usr/share/hunspell]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translit.recovery.grammar import CASE_ENDINGS, harmony  # noqa: E402
from translit.recovery.lexicon import (  # noqa: E402
    FORM_TRIGRAM_FILE, LEXICON_FILE, REVERSED_FILE, TRIGRAM_FILE, Lexicon, read_lexicon, write_lexicon, write_reversed)
from translit.recovery.spelling import skeleton  # noqa: E402

WORD = re.compile(r"[а-яёәғқңөұүһі]+", re.IGNORECASE)


def held_out(text: str) -> bool:
    """The fixed split: True for the fifth of sentences kept for benchmarks."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def kazakh_sentences(shared: Path) -> Iterator[tuple[str, str]]:
    """(source, text) of every Kazakh Cyrillic sentence in the shared data."""
    with open(shared / "data" / "langid" / "dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["lang"] == "kk" and record["script"] == "Cyrl":
                yield record["source"], record["text"]
    with open(shared / "data" / "news" / "kk-en.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("kk"):
                yield record["source"]["repo"], record["kk"]


def expand_hunspell(folder: Path) -> dict[str, str]:
    """Every form of the hunspell-kk dictionary -> its stem (single-level suffixes, as the .aff has)."""
    aff = (folder / "kk_KZ.aff").read_text(encoding="utf-8-sig").replace("\r", "").split("\n")
    rules: dict[str, list[tuple[str, str, re.Pattern[str]]]] = defaultdict(list)
    for line in aff:
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            strip = "" if parts[2] == "0" else parts[2]
            add = "" if parts[3] == "0" else parts[3].split("/")[0]
            rules[parts[1]].append((strip, add, re.compile(f"(?:{parts[4]})$")))
    forms: dict[str, str] = {}
    for line in (folder / "kk_KZ.dic").read_text(encoding="utf-8-sig").replace("\r", "").split("\n")[1:]:
        stem, _, flags = line.strip().partition("/")
        stem = stem.lower()
        if not stem or not WORD.fullmatch(stem):
            continue
        forms.setdefault(stem, stem)
        # The .aff files я among the front vowels, but a stem ending in -я/-ия is back
        # (миссия -> миссиясы, not *миссиясі): test the conditions as if it were а.
        probe = re.sub(r"я([^аәеёиоөуұүыіэюя]*)$", r"а\1", stem)
        for flag in flags:
            for strip, add, cond in rules.get(flag, ()):
                if stem.endswith(strip) and cond.search(probe) and not _breaks_harmony(probe[: len(probe) - len(strip)], add):
                    forms.setdefault(stem[: len(stem) - len(strip)] + add, stem)
    return forms


_SUFFIX_VOWEL = re.compile(r"[аоұыәеөүі]")


def _breaks_harmony(base: str, suffix: str) -> bool:
    """Whether ``suffix`` has vowels of the other class than ``base``: the .aff gives many stems
    suffixes of the other class too, or only those (төлеуды beside төлеуді; тәрбиеледық, no word).
    The instrumental is spelled alike after both (достарымен); a stem ending in и is a native
    verb (жырти-ды) or a loan (такси-ге), which the letters cannot tell."""
    vowel = _SUFFIX_VOWEL.search(suffix)
    if not vowel or base.endswith("и") or suffix.startswith(("мен", "бен", "пен")):
        return False
    return harmony(base) != ("back" if vowel.group(0) in "аоұы" else "front")


def write_trigrams(counts: Counter[str], path: Path, comment: str) -> None:
    """Letter trigram counts of ``counts``' words, each counted as often as it says (word
    boundaries as ``^``/``$``), under a ``#`` comment line."""
    trigrams: Counter[str] = Counter()
    for word, count in counts.items():
        padded = f"^^{word}$"
        for i in range(len(padded) - 2):
            trigrams[padded[i : i + 3]] += count
    lines = [f"{gram}\t{n}" for gram, n in sorted(trigrams.items())]
    path.write_text(f"# {comment}\n" + "\n".join(lines) + "\n", encoding="utf-8")


def write_form_trigrams(words: Iterable[str], path: Path) -> None:
    """Letter trigram counts of the lexicon's word forms, each once: how an unknown word of news
    ASCII is spelled (translit.recovery.letters). The corpus's counts are too few for that (23,000
    tokens): they made әкбота of "akbota", the forms make ақбота."""
    write_trigrams(Counter(words), path, "letter trigram counts of the lexicon's word forms, each counted once "
                   "(derived from hunspell-kk, LGPL-2.1+/MPL-1.1, see README.md)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--hunspell", type=Path, default=Path("/usr/share/hunspell"))
    parser.add_argument("--out", type=Path, default=ROOT / "translit" / "data" / "lexicon" / LEXICON_FILE)
    parser.add_argument("--form-trigrams-only", action="store_true",
                        help=f"only write {FORM_TRIGRAM_FILE} from the lexicon file at --out")
    args = parser.parse_args(argv)
    if args.form_trigrams_only:
        lexicon = Lexicon(*read_lexicon(args.out))
        write_form_trigrams((word for key in lexicon.keys for word, _, _ in lexicon.words(key)),
                            args.out.parent / FORM_TRIGRAM_FILE)
        return 0

    counts: Counter[str] = Counter()
    sentences = held = 0
    for _source, text in kazakh_sentences(args.shared):
        if held_out(text):
            held += 1
            continue
        sentences += 1
        counts.update(word.lower() for word in WORD.findall(text))

    forms: dict[str, str] = {}
    if (args.hunspell / "kk_KZ.dic").is_file():
        forms = expand_hunspell(args.hunspell)
    else:
        print(f"warning: no hunspell-kk in {args.hunspell}; corpus words only", file=sys.stderr)
    hunspell = set(forms)
    dictionary_stems = set(forms.values())
    # a form the suffix rules made with a case ending takes no further suffix (see CASE_ENDINGS)
    closed = frozenset(form for form in forms if form not in dictionary_stems and form.endswith(CASE_ENDINGS))
    # A corpus word the dictionary lacks joins the family of its longest known prefix
    # (миссиясы -> миссия), so that all forms of a frequent stem count as frequent.
    stems = dictionary_stems | set(counts)
    for word in counts:
        if word not in forms:
            forms[word] = next((word[:n] for n in range(len(word) - 1, 3, -1) if word[:n] in stems), word)
    family: Counter[str] = Counter()
    for word, count in counts.items():
        family[forms[word]] += count
    corpus_only = {word for word in counts if word not in hunspell}

    by_key: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for word in sorted(forms):
        if len(word) > 40:
            continue
        by_key[skeleton(word)].append((word, counts[word], family[forms[word]]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_lexicon(
        args.out, by_key,
        f"translit Kazakh lexicon: skeletons, attested skeletons, then records word[ count family];...[|closed forms likewise] "
        f"(KZ-1048) in the order of the skeletons "
        f"({len(counts)} corpus words from {sentences} train sentences, {held} held out; "
        f"{len(hunspell)} hunspell-kk forms, {len(closed)} of them closed; derived from hunspell-kk, "
        f"LGPL-2.1+/MPL-1.1, see README.md)",
        closed,
    )
    print(f"{args.out}: {len(by_key)} skeletons, {sum(map(len, by_key.values()))} words; "
          f"train {sentences} sentences / {sum(counts.values())} tokens ({len(corpus_only)} types not in hunspell-kk), held out {held}")
    write_trigrams(counts, args.out.parent / TRIGRAM_FILE, "letter trigram counts of the lexicon's train corpus")
    write_form_trigrams((word for words in by_key.values() for word, _, _ in words), args.out.parent / FORM_TRIGRAM_FILE)
    # the typo search's index by ending (sorting it costs half a second a process; loading, a third)
    write_reversed(args.out.parent / REVERSED_FILE, sorted(by_key))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
