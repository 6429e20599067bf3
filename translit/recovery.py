"""Kazakh typed in Latin letters, back to Cyrillic: best guess, alternatives, typos.

Editors type Kazakh titles in Latin "by ear" (news ASCII: ``Ulttyk zhane
otbasylyk``), in one of the official alphabets (2021 ``Ūlttyq jäne``, 2018
``Ulttyq jáne``, 2017 ``Ulttyq ja'ne``) or in a mix. News ASCII merges ten
letter pairs (а/ә, г/ғ, и/і, й/ы, к/қ, н/ң, о/ө, у/ұ/ү, ...), so the Cyrillic
cannot be read off the letters; it is recovered from a lexicon.

How a word is recovered:

1. Its *skeleton* is computed: the spelling folded to what every style agrees
   on (``fold``: ä/á/a' → a, q → k, ş → sh, kh → h, zh/j → j, ye → e, y → i,
   doubled letters once). Every lexicon word is stored under the skeleton of
   its kk-news romanization, so recovery is a dictionary lookup.
2. The lexicon words under that skeleton are ranked by corpus frequency and by
   how exactly they explain the spelling: a word whose romanization in the
   text's own style equals the input wins over one that only folds to it
   (in a 2021-style text "kol" is кол, not қол).
3. A word not in the lexicon is analysed as a known word plus Kazakh suffixes
   (кітапхана·сы·ның, дамыту·да·ғы), allomorphs chosen by vowel harmony and
   the final sound; failing that, it is spelled letter by letter under vowel
   harmony (front ә ө ү і е take к/г, back а о ұ ы take қ/ғ) and flagged.
4. A flagged word gets suggestions: nearest lexicon words by edits of its
   skeleton (one or two), with stutters ("stustustu") undone. A known word is
   also flagged when its case breaks the genitive–possessive agreement of a
   noun phrase ("балалар кітапханасын ... миссиясы" wants кітапханасының).

Typos are suggested, never silently applied: :attr:`Recovery.text` keeps the
reading of what was typed, :attr:`Recovery.corrected` applies the top
suggestion of every flagged word.
"""

from __future__ import annotations

import codecs
import gzip
import importlib
import math
import operator
import re
import unicodedata
import zlib
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

# When the wheel compiles this module (hatch_build.py), its classes stay ordinary Python classes:
# results pickle and copy as before, and a lexicon keeps its lookup caches on the instance.
from mypy_extensions import mypyc_attr

from .resources import bundled_dir

__all__ = [
    "Candidate",
    "RerenderedSpan",
    "Lexicon",
    "Recovery",
    "Rerendering",
    "WordRecovery",
    "clear_word_caches",
    "detect_style",
    "fold",
    "load_lexicon",
    "recover",
    "rerender",
    "rerender_report",
    "romanize_word",
    "skeleton",
]

STYLES = ("kk-news", "kk-latin-2021", "kk-latin-2018", "kk-latin-2017")
"""Input styles told apart by :func:`detect_style`; ``kk-news`` covers by-ear ASCII too."""

# --------------------------------------------------------------------------
# Fast per-word romanization (hot path of ranking; the engine's rule files are
# the reference, and the test suite checks that these tables agree with them).

_NEWS = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}
_L2021 = dict(
    _NEWS,
    **{"ә": "ä", "ғ": "ğ", "е": "e", "ж": "j", "й": "i", "қ": "q", "ң": "ñ", "ө": "ö",
       "ұ": "ū", "ү": "ü", "х": "h", "ш": "ş", "ы": "y", "і": "ı", "щ": "şş", "ё": "io",
       "ю": "iu", "я": "ia", "ц": "ts", "ч": "tş"},
)
_L2018 = dict(
    _NEWS,
    **{"ә": "á", "ғ": "ǵ", "ж": "j", "и": "ı", "й": "ı", "қ": "q", "ң": "ń", "ө": "ó",
       "у": "ý", "ұ": "u", "ү": "ú", "х": "h", "ы": "y", "і": "i", "ё": "ıo", "ю": "ıý",
       "я": "ıa", "щ": "shsh"},
)
_L2017 = dict(
    _NEWS,
    **{"ә": "a'", "ғ": "g'", "ж": "j", "и": "i'", "й": "i'", "қ": "q", "ң": "n'",
       "ө": "o'", "у": "y'", "ұ": "u", "ү": "u'", "х": "h", "ш": "s'", "ч": "c'",
       "ы": "y", "і": "i", "ё": "i'o", "ю": "i'y'", "я": "i'a", "щ": "s's'"},
)
_TABLES = {
    "kk-news": str.maketrans(_NEWS),
    "kk-latin-2021": str.maketrans(_L2021),
    "kk-latin-2018": str.maketrans(_L2018),
    "kk-latin-2017": str.maketrans(_L2017),
}
_YE = re.compile(r"(?:(?<=[аәеёиоөуұүіэюяъь])|^)е")


def romanize_word(word: str, style: str = "kk-news") -> str:
    """Lower-case romanization of one lower-case Kazakh word in ``style`` (no case, no context beyond е)."""
    if style == "kk-news" and "е" in word:
        word = _YE.sub("yе", word)
    return word.translate(_TABLES[style])


# --------------------------------------------------------------------------
# Skeleton: the spelling folded to what all styles agree on.

_PRE_FOLD = str.maketrans(
    {
        "ä": "a", "á": "a", "à": "a", "â": "a", "ğ": "g", "ǵ": "g", "ñ": "n", "ń": "n",
        "ö": "o", "ó": "o", "ô": "o", "q": "k", "ū": "u", "ü": "u", "ú": "u", "ý": "u",
        "ù": "u", "ı": "i", "í": "i", "ì": "i", "ş": "sh", "ç": "ch", "é": "e", "ê": "e",
        "w": "u", "x": "h", "c": "ts", "’": "'", "ʼ": "'", "ʻ": "'", "`": "'",
    }
)
_PRE_FOLD_ASCII = re.compile(r"[qwxc`']")
"""The ASCII letters :data:`_PRE_FOLD` rewrites, and the apostrophes: most by-ear words have none,
and a search costs a fifth of the translation."""
_APOS_PAIRS = {"a'": "a", "g'": "g", "n'": "n", "o'": "o", "u'": "u", "y'": "u",
               "i'": "i", "s'": "sh", "c'": "ch"}
_APOS = re.compile(r"[agnouyisc]'")
_DIGRAPHS = re.compile(r"shch|shsh|zh|ye|yo|y")
_DIGRAPH_FOLD = {"shch": "sh", "shsh": "sh", "zh": "j", "ye": "e", "yo": "io", "y": "i"}
_DOUBLES = re.compile(r"(.)\1+")
_ONCE = operator.itemgetter(1)
"""Replacement for a :data:`_DOUBLES` match (its letter once): a C callable, where the template
``r"\1"`` costs a pass through :mod:`re`'s Python-level template expansion per call and match."""


def fold(latin: str) -> str:
    """Skeleton of a lower-case Latin word in any style: the key of the lexicon index.

    >>> fold("dästürlerdı") == fold("dasturlerdi") == fold("da'stu'rlerdi")
    True
    """
    plain = latin.isascii()
    text = latin if plain else unicodedata.normalize("NFC", latin).replace("i\u0307", "i")
    if "'" in text or "’" in text:
        text = _APOS.sub(lambda m: _APOS_PAIRS[m.group(0)], text.replace("’", "'"))
    if not plain or _PRE_FOLD_ASCII.search(text):
        text = text.translate(_PRE_FOLD).replace("'", "")
    # "c" became "ts" above (2017 c' was taken first); ts+h is by-ear "ch" (and 2021 ч = tş)
    text = _DOUBLES.sub(_ONCE, text.replace("tsh", "ch")).replace("kh", "h")
    if "shch" in text or "shsh" in text:
        text = _DIGRAPHS.sub(lambda m: _DIGRAPH_FOLD[m.group(0)], text)
    else:
        # the same, without a Python call per match: no replacement makes a pair another matches
        text = text.replace("zh", "j").replace("ye", "e").replace("yo", "io").replace("y", "i")
    text = _DOUBLES.sub(_ONCE, text)
    # й+е is "ye" in news ASCII but "ie" in 2021: both fold to e (which may make a new double)
    return _DOUBLES.sub(_ONCE, text.replace("ie", "e")) if "ie" in text else text


@lru_cache(maxsize=1 << 17)
def skeleton(cyrillic: str) -> str:
    """Skeleton of a Kazakh Cyrillic word: :func:`fold` of its kk-news romanization."""
    return fold(romanize_word(cyrillic.lower(), "kk-news"))


# --------------------------------------------------------------------------
# Styles


_MARKS_2021 = re.compile(r"[äğñöşūüÄĞÑÖŞŪÜİ]")
_MARKS_2018 = re.compile(r"[áǵńóúýÁǴŃÓÚÝ]")
_MARKS_2017 = re.compile(r"[AaGgNnOoUuYyIiSsCc]['’]")
_DOTLESS = re.compile(r"ı")
_Q = re.compile(r"[Qq]")


def detect_style(text: str) -> str:
    """The Latin style a span is typed in, from its distinctive letters (default ``kk-news``).

    ä ğ ñ ö ş ū ü İ are 2021 only, á ǵ ń ó ú ý 2018 only (ı is in both), letter +
    apostrophe is 2017; q alone (no other mark) is read as 2021.
    """
    marks_2021 = len(_MARKS_2021.findall(text))
    marks_2018 = len(_MARKS_2018.findall(text))
    if marks_2021 or marks_2018:
        return "kk-latin-2018" if marks_2018 > marks_2021 else "kk-latin-2021"
    apostrophes = len(_MARKS_2017.findall(text))
    if apostrophes >= 2 or (apostrophes and _Q.search(text)):
        return "kk-latin-2017"
    if _DOTLESS.search(text) or _Q.search(text):
        return "kk-latin-2021"
    return "kk-news"


def _lower(word: str, style: str) -> str:
    if style == "kk-latin-2021":
        word = word.replace("İ", "i").replace("I", "ı")
    return unicodedata.normalize("NFC", word.lower().replace("i\u0307", "i"))


# --------------------------------------------------------------------------
# Lexicon

LEXICON_FILE = "kk_lexicon.txt.gz"
RECORD_ENCODING = "kz1048"
"""One byte a letter (the Kazakh Cyrillic code page): a third less to decompress than UTF-8."""
_RECORD_TABLE: str = importlib.import_module(f"encodings.{RECORD_ENCODING}").decoding_table
"""The code page's 256 letters, for :func:`codecs.charmap_decode`: the codec's own decode method
is a Python-level call around the same function, on every lexicon lookup."""
TRIGRAM_FILE = "kk_trigrams.tsv"
CLOSED_MARK = "|"
"""Divides a record's words that may take a suffix from its closed forms (:data:`CASE_ENDINGS`)."""
NAMES_FILE = "kk_names.tsv"


@mypyc_attr(native_class=False)
@dataclass(frozen=True, eq=False)
class Lexicon:
    """Kazakh words indexed by skeleton, with corpus counts.

    ``keys`` are the skeletons, sorted; ``records[i]`` is the raw record
    of ``keys[i]`` (``word`` or ``word count family``, ``;``-separated), parsed
    on first use: most skeletons are never asked for, and a sorted list with
    :mod:`bisect` loads several times faster than a dict of a million entries.
    ``extra`` holds records that override or add to the file (names, glossary
    words); ``names`` maps lower-case Latin spellings of proper names and loan
    words to Cyrillic. Membership tests (hundreds per typo search) cost a
    :func:`bisect.bisect_left` each: cheaper than building a set of a million
    keys unless thousands of distinct unknown words are searched.
    """

    keys: tuple[str, ...]
    records: tuple[bytes, ...]
    attested: tuple[str, ...] = ()
    """Skeletons with a word the corpus showed (the real-word slips are looked up among them)."""
    extra: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    trigrams: dict[str, int] = field(default_factory=dict)
    bigrams: dict[str, int] = field(default_factory=dict)

    def record(self, key: str) -> str:
        """The raw record of skeleton ``key`` ("" when no word has it)."""
        found = self.extra.get(key)
        if found is not None:
            return found
        i = bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            return codecs.charmap_decode(self.records[i], None, _RECORD_TABLE)[0]
        return ""

    def __post_init__(self) -> None:
        # words() is cached for each lexicon by the skeleton alone: a stem is looked up again
        # under each of its suffixes (half the lookups of the bench's text are repeats), and a
        # lookup is a binary search of a million skeletons. A module-level cache keyed by
        # (lexicon, skeleton) would keep a key tuple for each entry, one more object for the
        # garbage collector to walk, and would keep every lexicon it saw alive.
        object.__setattr__(self, "words", lru_cache(maxsize=1 << 16)(self.words))
        object.__setattr__(self, "stems", lru_cache(maxsize=1 << 16)(self.stems))

    def forget(self) -> None:
        """Drop the cached lookups of :meth:`words` and :meth:`stems`."""
        for cached in (self.words, self.stems):
            cached.cache_clear()  # type: ignore[attr-defined]

    def words(self, key: str) -> tuple[tuple[str, int, int], ...]:
        """(word, corpus count, stem-family count) for every word with skeleton ``key``."""
        return _parse_record(self.record(key).replace(CLOSED_MARK, ";"))

    def stems(self, key: str) -> tuple[tuple[str, int, int], ...]:
        """The :meth:`words` of ``key`` that may take a suffix: all but the dictionary's closed
        forms (:data:`CASE_ENDINGS`)."""
        return _parse_record(self.record(key).partition(CLOSED_MARK)[0])

    def letters(self, word: str) -> float:
        """Log-probability per letter of ``word`` under the letter-trigram model (add-one smoothed)."""
        if not self.trigrams:
            return 0.0
        seen, unseen = _trigram_logs(self)
        padded = f"^^{word}$"
        total = 0.0
        for i in range(len(padded) - 2):
            gram = padded[i : i + 3]
            value = seen.get(gram)
            total += unseen.get(gram[:2], _UNSEEN_LOG) if value is None else value
        return total / (len(padded) - 2)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        if key in self.extra:
            return True
        i = bisect_left(self.keys, key)
        return i < len(self.keys) and self.keys[i] == key


@lru_cache(maxsize=4)
def _trigram_logs(lexicon: Lexicon) -> tuple[dict[str, float], dict[str, float]]:
    """The terms of :meth:`Lexicon.letters`, computed once: (log-probability of each seen trigram,
    of an unseen trigram after each seen bigram); :data:`_UNSEEN_LOG` after any other bigram."""
    bigrams = lexicon.bigrams
    seen = {gram: math.log((count + 0.5) / (bigrams.get(gram[:2], 0) + 20.0))
            for gram, count in lexicon.trigrams.items()}
    unseen = {pair: math.log(0.5 / (count + 20.0)) for pair, count in bigrams.items()}
    return seen, unseen


_UNSEEN_LOG = math.log(0.5 / 20.0)


def _parse_record(record: str) -> tuple[tuple[str, int, int], ...]:
    # a tuple, not a list: the garbage collector stops tracking it, where thousands of cached
    # lists would be walked again by every collection
    out = []
    for item in record.split(";") if record else ():
        if not item:
            continue  # a record of closed forms only starts with the mark
        word, _, counts = item.partition(" ")
        count, _, family = counts.partition(" ")
        out.append((word, int(count or 0), int(family or 0)))
    return tuple(out)


def lexicon_dir() -> Path:
    """Folder of the bundled Kazakh lexicon."""
    return bundled_dir("data") / "lexicon"


def read_lexicon(path: Path) -> tuple[tuple[str, ...], tuple[bytes, ...], tuple[str, ...]]:
    """Read a lexicon file: (sorted skeletons, their raw records, attested skeletons).

    Layout (gzip): ``#`` comment lines; a line ``keys <BYTES>`` and the
    skeletons one a line (ASCII, sorted; BYTES long with their newlines); a
    line ``attested <BYTES>`` and the skeletons with a word the corpus
    showed, likewise; then the records one a line in the order of the skeletons, in
    :data:`RECORD_ENCODING`: ``word`` or ``word count family``, ``;``-separated, the closed
    forms after a :data:`CLOSED_MARK`. One read, one decompression and a few splits: no
    per-entry parsing at load time. A file in another layout raises
    :class:`~translit.errors.TranslitError` naming it.
    """
    from .errors import TranslitError

    try:
        return _split_lexicon(gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes())
    except (OSError, ValueError, EOFError) as exc:
        raise TranslitError(f"not a translit lexicon file ({exc})", path=path) from None


def _split_lexicon(data: bytes) -> tuple[tuple[str, ...], tuple[bytes, ...], tuple[str, ...]]:
    """The three blocks of a decompressed lexicon file (see :func:`read_lexicon`)."""
    position = 0
    while data.startswith(b"#", position):
        position = data.index(b"\n", position) + 1
    sections: list[list[str]] = []
    for label in (b"keys", b"attested"):
        end = data.index(b"\n", position)
        found, _, size = data[position:end].partition(b" ")
        if found != label:
            raise ValueError(f"no {label.decode()!r} line")
        stop = end + 1 + int(size)
        sections.append(data[end + 1 : stop - 1].decode("ascii").split("\n") if int(size) else [])
        position = stop
    keys, attested = sections
    records = data[position:].rstrip(b"\n").split(b"\n")
    if len(keys) != len(records):
        raise ValueError(f"{len(keys)} skeletons but {len(records)} records")
    # tuples of strings drop out of the garbage collector's sight after its first pass; lists of
    # a million items would be walked again by every full collection (~25 ms each)
    return tuple(keys), tuple(records), tuple(attested)


def _record_text(words: Sequence[tuple[str, int, int]], closed: Sequence[tuple[str, int, int]] = ()) -> str:
    """A record as the lexicon file holds it (:func:`read_lexicon`): ``word`` or ``word count
    family``, ``;``-separated, the ``closed`` forms after a :data:`CLOSED_MARK`."""

    def items(entries: Sequence[tuple[str, int, int]]) -> str:
        return ";".join(f"{word} {count} {family}" if count or family else word for word, count, family in entries)

    return f"{items(words)}{CLOSED_MARK}{items(closed)}" if closed else items(words)


def write_lexicon(
    path: Path, by_key: dict[str, list[tuple[str, int, int]]], comment: str, closed: frozenset[str] = frozenset()
) -> None:
    """Write ``by_key`` (skeleton -> [(word, count, family)]) in the layout :func:`read_lexicon`
    reads, the ``closed`` words after the :data:`CLOSED_MARK` of their records."""
    keys = sorted(by_key)
    key_blob = "".join(key + "\n" for key in keys).encode("ascii")
    attested = "".join(key + "\n" for key in keys if any(count for _, count, _ in by_key[key])).encode("ascii")
    records = (_record_text([entry for entry in by_key[key] if entry[0] not in closed],
                            [entry for entry in by_key[key] if entry[0] in closed]) for key in keys)
    body = b"".join(
        [f"# {comment}\n".encode("utf-8"), b"keys %d\n" % len(key_blob), key_blob,
         b"attested %d\n" % len(attested), attested, "\n".join(records).encode(RECORD_ENCODING), b"\n"]
    )
    tmp = path.with_suffix(".tmp")
    # mtime=0 keeps the file byte-identical between rebuilds of the same data
    tmp.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    tmp.replace(path)


def read_names(path: Path) -> list[tuple[str, str]]:
    """Read the names/loan-word list: ``Cyrillic<TAB>Latin spelling | Latin spelling``."""
    pairs: list[tuple[str, str]] = []
    if not path.is_file():
        return pairs
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cyr, _, latins = line.partition("\t")
        for latin in latins.split("|"):
            if latin.strip():
                pairs.append((cyr.strip(), latin.strip()))
    return pairs


def _glossary_words() -> set[str]:
    """Lower-case Kazakh words of the bundled glossaries' names (official and accepted forms).

    A line scan for the ``kk = ...`` values of ``[[entity]]`` and
    ``[entity.accepted]`` tables, not a TOML parse: it runs on every first use
    of the lexicon and is twenty times cheaper; the test suite checks that it
    finds exactly what :mod:`tomllib` finds in the bundled glossaries.
    """
    folder = bundled_dir("glossaries")
    words: set[str] = set()
    if not folder.is_dir():
        return words
    for path in sorted(folder.glob("*.toml")):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        section = ""
        value: list[str] | None = None
        for line in lines:
            if value is not None:
                if _TOML_KEY.match(line) or line.startswith("[") or not line.strip():
                    words.update(_kazakh_words(value))
                    value = None
                else:
                    value.append(line)
                    continue
            if line.startswith("["):
                section = line.strip()
            elif line.startswith("kk = ") and section in ("[[entity]]", "[entity.accepted]"):
                value = [line[5:]]
        if value is not None:
            words.update(_kazakh_words(value))
    return words


_TOML_KEY = re.compile(r"[A-Za-z_][\w.-]* *=")
_TOML_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _kazakh_words(value: list[str]) -> set[str]:
    """Lower-case Cyrillic words of the strings of a TOML value (a string or an array of strings)."""
    return {word.lower() for text in _TOML_STRING.findall("\n".join(value)) for word in _CYR_WORD.findall(text)}


_CYR_WORD = re.compile(r"[а-яёәғқңөұүһі]+", re.IGNORECASE)


def read_trigrams(path: Path) -> dict[str, int]:
    """Letter trigram counts (``trigram<TAB>count``)."""
    counts: dict[str, int] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                gram, _, count = line.partition("\t")
                counts[gram] = int(count)
    return counts


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The bundled lexicon (or the one at ``path``), with the names list and glossary words added.

    Names-list and glossary words count at least :data:`NAME_COUNT`, so that
    "Abay" or "Karaganda" outrank a rare dictionary form with the same skeleton.
    """
    folder = lexicon_dir()
    keys, records, attested = read_lexicon(Path(path) if path else folder / LEXICON_FILE)
    lexicon = Lexicon(keys=keys, records=records)
    names: dict[str, str] = {}
    for cyr, latin in read_names(folder / NAMES_FILE):
        names.setdefault(_lower(latin, "kk-news"), cyr)
    extra: dict[str, str] = {}
    for word in sorted({cyr.lower() for cyr in names.values() if " " not in cyr} | _glossary_words()):
        key = skeleton(word)
        record = extra[key] if key in extra else lexicon.record(key)
        # a name is counted where the dictionary files it, open or closed; a new one is open
        parts = [list(_parse_record(part)) for part in record.partition(CLOSED_MARK)[::2]]
        if any(item[0] == word for part in parts for item in part):
            parts = [[(w, max(c, NAME_COUNT), max(f, NAME_COUNT)) if w == word else (w, c, f) for w, c, f in part]
                     for part in parts]
        else:
            parts[0].append((word, NAME_COUNT, NAME_COUNT))
        extra[key] = _record_text(*parts)
    trigrams = read_trigrams(folder / TRIGRAM_FILE)
    bigrams: dict[str, int] = {}
    for gram, count in trigrams.items():
        bigrams[gram[:2]] = bigrams.get(gram[:2], 0) + count
    return Lexicon(keys=keys, records=records, attested=attested, extra=extra, names=names, trigrams=trigrams,
                   bigrams=bigrams)


NAME_COUNT = 20
"""Corpus count given to a names-list or glossary word the corpus never showed: these are the
words of the posts translit is made for (places, institutions, conference, mission), so a
typo is more likely one of them than a rare dictionary form."""


# --------------------------------------------------------------------------
# Morphology: vowel harmony, final-sound classes and suffix allomorphs

_BACK = frozenset("аоұыя")
_FRONT = frozenset("әеөүіэю")
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_CONSONANT_FINAL = {**{c: "K" for c in "бвгғдкқпстфхһцчшщ"}, **{c: "S" for c in "лрйу"},
                    **{c: "N" for c in "мнң"}, **{c: "Z" for c in "жз"}}


_LOAN_VOWELS = {"у": "back", "и": "front"}


def harmony(word: str) -> str:
    """``back`` or ``front``: the class of the last harmonic vowel (у and и only as a last resort).

    A у or и between consonants is the vowel [u] or [i] of a loan word, which Kazakh counts
    as back or front (ресурстар, механизмі); elsewhere у and и are glides. A final soft
    sign makes a loan word front (спектакльдер, рольдері).
    """
    if word.endswith("ь"):
        return "front"
    for i in range(len(word) - 1, -1, -1):
        char = word[i]
        if char in _BACK:
            return "back"
        if char in _FRONT:
            return "front"
        if char in _LOAN_VOWELS and 0 < i < len(word) - 1 and word[i - 1] not in _VOWELS and word[i + 1] not in _VOWELS:
            return _LOAN_VOWELS[char]
    for char in reversed(word):
        if char == "у":
            return "back"
        if char == "и":
            return "front"
    return "back"


def _final(word: str) -> str:
    """Class of the last sound: V vowel, S л р й у, N м н ң, Z ж з, K voiceless and other stops."""
    last = word[-1:]
    if last in _VOWELS and last != "у":  # у is a glide before suffixes: оқуы, оқудың
        return "V"
    return _CONSONANT_FINAL.get(last, "K")


# (allomorph, classes of the preceding sound it follows). "P" = after a 3rd-person possessive ы/і/сы/сі.
# л takes д- in the plural and derivations (қолдар) but л- nowhere, р й у take л-.
_FAMILIES: dict[str, tuple[tuple[str, str], ...]] = {
    "gen": (("ның", "VN"), ("нің", "VN"), ("дың", "SZ"), ("дің", "SZ"), ("тың", "K"), ("тің", "K")),
    "acc": (("ны", "V"), ("ні", "V"), ("ды", "SNZ"), ("ді", "SNZ"), ("ты", "K"), ("ті", "K"), ("н", "P")),
    "dat": (("ға", "VSNZ"), ("ге", "VSNZ"), ("қа", "K"), ("ке", "K"), ("на", "P"), ("не", "P")),
    "loc": (("да", "VSNZ"), ("де", "VSNZ"), ("та", "K"), ("те", "K"), ("нда", "P"), ("нде", "P")),
    "abl": (("дан", "VSZ"), ("ден", "VSZ"), ("нан", "NP"), ("нен", "NP"), ("тан", "K"), ("тен", "K")),
    "ins": (("мен", "VS"), ("бен", "NZ"), ("пен", "K")),
    "attr": (("дағы", "VSNZ"), ("дегі", "VSNZ"), ("тағы", "K"), ("тегі", "K"), ("ндағы", "P"), ("ндегі", "P")),
    "pl": (("лар", "Vr"), ("лер", "Vr"), ("дар", "lNZ"), ("дер", "lNZ"), ("тар", "K"), ("тер", "K")),
    "p3": (("сы", "V"), ("сі", "V"), ("ы", "SNZK"), ("і", "SNZK")),
    "p1": (("м", "V"), ("ым", "SNZK"), ("ім", "SNZK"), ("мыз", "V"), ("міз", "V"), ("ымыз", "SNZK"), ("іміз", "SNZK")),
    "p2": (("ң", "V"), ("ың", "SNZK"), ("ің", "SNZK"), ("ңыз", "V"), ("ңіз", "V"), ("ыңыз", "SNZK"), ("іңіз", "SNZK")),
    "lyk": (("лық", "Vr"), ("лік", "Vr"), ("дық", "lNZ"), ("дік", "lNZ"), ("тық", "K"), ("тік", "K")),
    # -лық voiced before a vowel (-дығы); the grammar does not ask what follows
    "lyg": (("лығ", "Vr"), ("ліг", "Vr"), ("дығ", "lNZ"), ("діг", "lNZ"), ("тығ", "K"), ("тіг", "K")),
    "ly": (("лы", "Vr"), ("лі", "Vr"), ("ды", "lNZ"), ("ді", "lNZ"), ("ты", "K"), ("ті", "K")),
    "syz": (("сыз", "VSNZK"), ("сіз", "VSNZK")),
    "shy": (("шы", "VSNZK"), ("ші", "VSNZK")),
    "day": (("дай", "VSNZ"), ("дей", "VSNZ"), ("тай", "K"), ("тей", "K")),
    "sha": (("ша", "VSNZK"), ("ше", "VSNZK")),
    "gan": (("ған", "VSNZ"), ("ген", "VSNZ"), ("қан", "K"), ("кен", "K")),
    "atyn": (("атын", "SNZK"), ("етін", "SNZK"), ("йтын", "V"), ("йтін", "V")),
    "yp": (("ып", "SNZK"), ("іп", "SNZK"), ("п", "V")),
    "u": (("у", "VSNZK"),),
    "neg": (("ма", "VS"), ("ме", "VS"), ("ба", "NZ"), ("бе", "NZ"), ("па", "K"), ("пе", "K")),
    "sa": (("са", "VSNZK"), ("се", "VSNZK")),
    "a": (("а", "SNZK"), ("е", "SNZK"), ("й", "V")),
    "person": (("мын", "VSNZK"), ("мін", "VSNZK"), ("сың", "VSNZK"), ("сің", "VSNZK"),
               ("мыз", "VSNZK"), ("міз", "VSNZK")),
    "we_b": (("быз", "NZ"), ("біз", "NZ"), ("пыз", "K"), ("піз", "K")),
    "past": (("ды", "VSNZ"), ("ді", "VSNZ"), ("ты", "K"), ("ті", "K")),
    "mak": (("мақ", "VS"), ("мек", "VS"), ("бақ", "NZ"), ("бек", "NZ"), ("пақ", "K"), ("пек", "K")),
    "mas": (("мас", "VS"), ("мес", "VS"), ("бас", "NZ"), ("бес", "NZ"), ("пас", "K"), ("пес", "K")),
    "pass": (("ыл", "SNZK"), ("іл", "SNZK"), ("л", "V")),
    "imp1": (("айық", "SNZK"), ("ейік", "SNZK"), ("йық", "V"), ("йік", "V")),
    "we": (("қ", "V"), ("к", "V")),
}
# Order of suffix slots: derivation (may repeat) < plural < possessive < case < personal ending.
_RANK = {"pl": 1, "p1": 2, "p2": 2, "p3": 2, "gen": 3, "acc": 3, "dat": 3, "loc": 3, "abl": 3,
         "ins": 3, "attr": 3, "person": 4, "we_b": 4, "imp1": 4, "we": 4}
CASE_ENDINGS = tuple(sorted({allomorph for family, allomorphs in _FAMILIES.items() if _RANK.get(family) == 3
                             for allomorph, _ in allomorphs if len(allomorph) >= 2}))
"""The case endings of two letters or more. A form the dictionary's suffix rules make with one
(кітаптарға, жұмыстарда) is filed as closed (:data:`CLOSED_MARK`) by bench/build_kk_lexicon.py:
it takes no further suffix. As stems they made forms no Kazakh has (бағыт·қа·ға, арза·да·ды),
which took places among the suggestions: +0.3 point of top-3. A form so ending that the
dictionary lists as a stem itself (мұнда, балаларға) stays open."""
_POSSESSED_ONLY = frozenset(
    allomorph for allomorphs in _FAMILIES.values() if any("P" in classes for _, classes in allomorphs)
    for allomorph, classes in allomorphs if "P" not in classes)
"""Case allomorphs a 3rd-person possessive in the chain never takes: its own ("P") do
(әсер·і·не, not әсер·і·ге)."""
_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
_SECOND_PERSON = re.compile(r"[^аәеоөұүыіиэюяуйндт][ыі]ң$")
"""The "your (sg.)" ending -ың/-ің after a consonant (after н, д or т it is the genitive's)."""
_CLOSED = re.compile(f"{_GENITIVE.pattern}|{_SECOND_PERSON.pattern}")
"""A genitive or a "your (sg.)" form: a stem of five letters or more so ending is such a form
(the dictionary lists them), which takes no further suffix: отанның·да, бөлімің·і are no words,
and бөлім·ің·ді is found from бөлім. Shorter stems so ending are roots (мың, таң)."""
_CLOSED_FROM = 5
_HARMONY_FREE = frozenset({"ins"})
"""Families spelled the same after back and front stems (достарымен, кітаптармен)."""
_SUFFIX_COST = 0.8
_MAX_SUFFIXES = 3


@lru_cache(maxsize=4096)
def _allowed(tail: str, classes: str) -> bool:
    """Whether a suffix allomorph of ``classes`` may follow a word ending in ``tail`` (final sound;
    vowel harmony is checked by the caller)."""
    last = tail[-1:]
    ok = _final(tail) in classes
    if not ok and "P" in classes:
        ok = last in "ыі"
    if not ok and "r" in classes:
        ok = last in "рйу"
    if not ok and "l" in classes:
        ok = last == "л"
    if ok and "r" in classes and "S" not in classes and last == "л":
        ok = False
    return ok


@lru_cache(maxsize=1)
def _suffix_index() -> dict[str, tuple[tuple[str, str, int, str, str], ...]]:
    """Skeleton of each allomorph -> (allomorph, classes, slot rank, side of its first vowel,
    side of its last vowel) — sides are "" for an allomorph without a vowel."""
    index: dict[str, list[tuple[str, str, int, str, str]]] = {}
    for family, allomorphs in _FAMILIES.items():
        for allomorph, classes in allomorphs:
            key = fold(romanize_word(allomorph, "kk-news"))
            sides = [] if family in _HARMONY_FREE else [
                "back" if c in _BACK else "front" for c in allomorph if c in _BACK or c in _FRONT]
            entry = (allomorph, classes, _RANK.get(family, 0), sides[0] if sides else "", sides[-1] if sides else "")
            if entry not in index.setdefault(key, []):
                index[key].append(entry)
    return {key: tuple(pairs) for key, pairs in index.items()}


@lru_cache(maxsize=1)
def _suffix_starts() -> frozenset[str]:
    """Every prefix of an allomorph skeleton of :func:`_suffix_index` (lets :func:`_parses` stop early)."""
    return frozenset(key[:n] for key in _suffix_index() for n in range(1, len(key) + 1))


_LONGEST_SUFFIX = 6


@lru_cache(maxsize=1)
def _suffix_spellings() -> tuple[tuple[str, int, str], ...]:
    """What one suffix can spell in a skeleton, with its slot rank and harmony ("" for either): an
    allomorph skeleton of :func:`_suffix_index`, or all of it but its first letter (merged with the
    same letter before it)."""
    return tuple(sorted({(piece, slot, side) for key, entries in _suffix_index().items()
                         for _, _, slot, side, _ in entries for piece in (key, key[1:]) if piece}))


@lru_cache(maxsize=1)
def _suffix_pieces() -> frozenset[str]:
    """The skeletons of :func:`_suffix_spellings`, whatever the slot."""
    return frozenset(piece for piece, _, _ in _suffix_spellings())


@lru_cache(maxsize=1 << 14)
def _chain_spelled(rest: str, depth: int = 0) -> bool:
    """Whether the skeleton ``rest`` is a run of at most :data:`_MAX_SUFFIXES` of
    :func:`_suffix_pieces`, harmony and final sounds aside: what every parse of :func:`_parses`
    needs, so :func:`_analyses` does not even look up a stem whose rest fails it."""
    if not rest:
        return True
    if depth >= _MAX_SUFFIXES:
        return False
    pieces = _suffix_pieces()
    for size in range(1, min(len(rest), _LONGEST_SUFFIX) + 1):
        if rest[:size] in pieces and _chain_spelled(rest[size:], depth + 1):
            return True
    return False


def _suffix_parses(rest: str, prev: str, last: str | None = None) -> tuple[tuple[str, int], ...]:
    """(Cyrillic suffix chain, number of suffixes) spelling the skeleton ``rest`` after the word
    ``prev``, fewest suffixes first.

    ``last`` is the last letter of ``prev``'s skeleton, when the caller knows it (a lexicon
    word filed under a skeleton): computing the skeleton costs more than the parse.
    """
    ending = _stem_ending(prev)
    if ending is None:
        return ()
    return _parses(rest, *ending, skeleton(prev)[-1:] if last is None else last, 0, 0)


@lru_cache(maxsize=1 << 16)
def _stem_ending(stem: str) -> tuple[str, str] | None:
    """What of a stem its suffixes follow: (harmony, final letter); None when it takes none
    (:data:`_CLOSED`). The typo search parses a dozen typed endings after each stem it tries."""
    if len(stem) >= _CLOSED_FROM and _CLOSED.search(stem):
        return None
    # a soft or hard sign is silent: the letter before it is the final sound (спектакль-дер)
    return harmony(stem), stem.rstrip("ьъ")[-1:]


@lru_cache(maxsize=1 << 16)
def _parses(rest: str, side: str, tail: str, last: str, depth: int, rank: int) -> tuple[tuple[str, int], ...]:
    """Suffix chains after a word with harmony ``side``, last letter ``tail``, last skeleton letter
    ``last``, fewest suffixes first.

    The last letter is all of the word's ending that :func:`_allowed` reads, so stems that
    share it (and their harmony) share the cached chains.
    """
    if not rest:
        return (("", 0),)
    if depth >= _MAX_SUFFIXES:
        return ()
    index = _suffix_index()
    starts = _suffix_starts()
    # p1 and p2 end in м, ң or з: a suffix of their slot ending in ы or і is the 3rd person's
    after_possessive = rank == 2 and tail in "ыі"
    out: list[tuple[str, int]] = []
    for size in range(1, min(len(rest), _LONGEST_SUFFIX) + 1):
        head = rest[:size]
        # an allomorph spelled by the head, or merged with the stem's last letter before it
        merged = last + head
        if head not in starts and merged not in starts:
            break  # no allomorph is spelled by this head or a longer one
        for key in (head, merged):
            for allomorph, classes, slot, first, last_side in index.get(key, ()):
                if (slot <= rank and slot) or (rank and not slot) or (first and first != side):
                    continue
                if after_possessive and allomorph in _POSSESSED_ONLY:
                    continue
                if not _allowed(tail, classes):
                    continue
                chains = _parses(rest[size:], last_side or side, allomorph[-1:], key[-1:], depth + 1, slot)
                for chain, count in chains:
                    out.append((allomorph + chain, count + 1))
    # a tuple: the garbage collector stops tracking it (see _parse_record)
    return tuple(sorted(out, key=operator.itemgetter(1)))


# --------------------------------------------------------------------------
# Results


@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class Candidate:
    """One Cyrillic reading of a word, with its share of the probability mass."""

    cyrillic: str
    score: float
    source: str
    """``lexicon`` (a known word), ``name`` (names list), ``analysis`` (known word + suffixes),
    ``letters`` (spelled letter by letter), ``typo`` (an edit away), ``agreement`` (case agreement),
    ``slip`` (a corpus word one slip from a known word, which may be a slip for it)."""


@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class WordRecovery:
    """The recovery of one Latin word of the input."""

    latin: str
    start: int
    end: int
    cyrillic: str
    """Best reading of the word as typed (case of the input kept)."""
    confidence: float
    known: bool
    """True when a lexicon word (or a known word plus regular suffixes) explains the spelling."""
    alternatives: tuple[Candidate, ...] = ()
    """Up to five readings, best first: the reading itself, its other readings and, for a known
    word (with suggestions on), the corpus words one slip away (source ``slip``), by share."""
    typo: bool = False
    """True when the word is probably mistyped: unknown, or known but breaking case agreement."""
    suggestions: tuple[Candidate, ...] = ()
    """Nearest real words for a flagged word, best first (case of the input kept); for a name
    inside a sentence (capitalised after a lower-case word), names-list and glossary names only."""
    reason: str = ""

    @property
    def corrected(self) -> str:
        """The top suggestion of a flagged word, else the reading as typed."""
        return self.suggestions[0].cyrillic if self.typo and self.suggestions else self.cyrillic


@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class Recovery:
    """Kazakh Cyrillic recovered from a Latin-typed span.

    ``text`` is the reading of what was typed (a mistyped word is spelled as
    typed, letter by letter); ``corrected`` applies the top suggestion of each
    flagged word. Non-Latin text, punctuation and spacing are kept, except that
    a spaced hyphen between words becomes the Kazakh dash (" - " -> " – ").
    """

    source: str
    style: str
    words: tuple[WordRecovery, ...]
    text: str
    corrected: str

    @property
    def typos(self) -> tuple[WordRecovery, ...]:
        """The flagged words."""
        return tuple(word for word in self.words if word.typo)

    @property
    def confidence(self) -> float:
        """Lowest word confidence (1.0 for a span without words)."""
        return min((word.confidence for word in self.words), default=1.0)


# --------------------------------------------------------------------------
# Ranking


def _harmony_breaks(word: str) -> int:
    """Letters breaking native harmony: қ/ғ beside a front vowel, к/г beside a back one."""
    return len(_HARMONY_BREAK.findall(word))


# one match a letter (the vowels are looked at, not taken), so the matches count the letters
_HARMONY_BREAK = re.compile(r"(?<=[әөүі])[қғ]|[қғ](?=[әөүі])|(?<=[аоұы])[кг]|[кг](?=[аоұы])")


def _light(latin: str) -> str:
    """A spelling folded only where by-ear styles differ for the same letter (kh/h, zh/j, ye/e)."""
    folded = latin if latin.isascii() else unicodedata.normalize("NFC", latin)
    if "'" in folded or "’" in folded:
        folded = _APOS.sub(lambda m: _APOS_PAIRS[m.group(0)], folded.replace("’", "'"))
    # kh, zh and ye never overlap, so a replace each folds them all; zh goes first because
    # folding "zkh" leaves a "zh" that one left-to-right pass would not fold again
    return folded.translate(_PRE_FOLD).replace("'", "").replace("zh", "j").replace("kh", "h").replace("ye", "e")


def _distance(a: str, b: str, limit: int = 4) -> int:
    """Levenshtein distance with adjacent transpositions, capped at ``limit``."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) >= limit:
        return limit
    # a common prefix and suffix cost nothing in some optimal alignment: the table shrinks to
    # the differing middle (a letter or two for spellings of the same word)
    size = min(len(a), len(b))
    start = 0
    while start < size and a[start] == b[start]:
        start += 1
    stop = 0
    while stop < size - start and a[-1 - stop] == b[-1 - stop]:
        stop += 1
    a, b = a[start : len(a) - stop], b[start : len(b) - stop]
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


_KEY_VOWELS = frozenset("aeiou")


def _prior(count: int, family: int) -> float:
    return math.log(count + 0.2 * family + 0.1)


@lru_cache(maxsize=1 << 17)
def _fit(word: str, latin: str, style: str) -> tuple[float, int]:
    """How well the Cyrillic ``word`` explains the spelling: (bonus, light edit distance)."""
    spelled = romanize_word(word, style)
    if spelled == latin:
        return 4.0, 0
    for other in STYLES:
        if other != style and romanize_word(word, other) == latin:
            return 2.0, 0
    if style == "kk-news":
        distance = _distance(_light(latin), _light(spelled), 3)
    else:
        # the official alphabets keep what news ASCII merges: an n is not an ñ there
        distance = _distance(latin, spelled, 3)
    return -0.7 * distance, distance


def _softmax(scored: list[tuple[str, float, str]]) -> list[Candidate]:
    """The :data:`KEPT` best of ``scored`` (word, score, source) with their shares of the mass, best
    first; a word scored twice keeps its best share."""
    if not scored:
        return []
    if len(scored) == 1:
        # most words have one reading: it takes all the mass, whatever its score
        word, _, source = scored[0]
        return [_candidate(word, 1.0, source)]
    top = max(score for _, score, _ in scored)
    exp = math.exp
    total = 0.0
    best: dict[str, tuple[float, str]] = {}
    for word, score, source in scored:
        weight = exp(score - top)
        total += weight
        if word not in best or best[word][0] < weight:
            best[word] = (weight, source)
    # a typo search scores hundreds of candidates: rank plain tuples (no key function), and
    # build a Candidate for the kept ones only. Ties go by word: candidates are gathered through
    # sets and dicts whose order follows the string hash, which changes with every process.
    ranked = sorted([(-weight, word, source) for word, (weight, source) in best.items()])[:KEPT]
    return [_candidate(word, -weight / total, source) for weight, word, source in ranked]


KEPT = 5
"""Readings, alternatives or suggestions kept for a word."""


def _analyses(lexicon: Lexicon, key: str, latin: str, style: str) -> list[tuple[str, float, int, float, int]]:
    """Known word + suffix chains that spell ``key``: (word, score, light edit distance from
    ``latin``, the stem's log frequency (:func:`_prior`), the number of suffixes).

    A stem ending in к, қ or п voices it before a vowel (жаңалық -> жаңалығы,
    торап -> торабында): the typed skeleton has g or b where the stem has k or p.
    """
    out: list[tuple[str, float, int, float, int]] = []
    exact_at = 0
    for cut in range(len(key) - 1, 2, -1):
        if exact_at and cut < exact_at - ANALYSES_BELOW_EXACT:
            break
        rest = key[cut:]
        if not _chain_spelled(rest):
            continue
        for stem, count, family in _stems_before(lexicon, key[:cut], rest):
            seen: set[str] = set()
            stem_prior = _prior(count, family)
            # "your (sg.)" takes no suffix but a case ending, and rarely that (алың-бақ is алын-бақ)
            prior = stem_prior - (SECOND_PERSON_COST if _SECOND_PERSON.search(stem) else 0.0)
            # a stem filed under key[:cut] has that skeleton: its last letter is key[cut - 1]
            for chain, suffixes in _suffix_parses(rest, stem, key[cut - 1]):
                word = stem + chain
                if word in seen:
                    continue
                seen.add(word)
                bonus, distance = _fit(word, latin, style)
                if distance <= ANALYSIS_DISTANCE and not exact_at:
                    exact_at = cut
                out.append((word, prior + bonus - _SUFFIX_COST * suffixes - 1.0, distance, stem_prior, suffixes))
        if len(out) >= ANALYSES_ENOUGH:
            break
    return out


_UNVOICED = {"g": "k", "b": "p"}
_VOICED = {"к": "г", "қ": "ғ", "п": "б"}
"""Stem-final consonants voiced before a vowel, and their skeleton letters."""


def _stems_before(lexicon: Lexicon, stem_key: str, rest: str) -> tuple[tuple[str, int, int], ...]:
    """The words filed under ``stem_key``, and the voiced stems (:func:`_voiced_stems`) when the
    skeleton ``rest`` that follows starts with a vowel."""
    stems = lexicon.stems(stem_key)
    return stems + _voiced_stems(lexicon, stem_key) if rest[0] in _KEY_VOWELS else stems


def _voiced_stems(lexicon: Lexicon, stem_key: str) -> tuple[tuple[str, int, int], ...]:
    """The stems ending in к, қ or п whose form voiced before a vowel has the skeleton
    ``stem_key`` (жаңалық as жаңалығ- under "janalig"), with their counts."""
    unvoiced = _UNVOICED.get(stem_key[-1])
    if not unvoiced:
        return ()
    return tuple((stem[:-1] + _VOICED[stem[-1]], count, family)
                 for stem, count, family in lexicon.stems(stem_key[:-1] + unvoiced) if stem[-1] in _VOICED)


ANALYSES_ENOUGH = 40
"""Analysis stops at the stem length where this many readings were found (longest stems first)."""
ANALYSES_BELOW_EXACT = 3
"""Analysis also stops this many letters below the longest stem that spells the word exactly:
shorter stems under longer suffix chains won no word of the held-out text, and trying them all
took 2% of the recovery's instructions. Two letters lose көрсеткенбіз (көрсет·кен·біз, three
letters below the listed participle көрсеткен·біз, which it shares its mass with)."""


# Letter-by-letter reading: (back, front) Cyrillic for each Latin token, by style.
_NEWS_LETTERS = [
    ("shch", "щщ"), ("sh", "шш"), ("ch", "чч"), ("zh", "жж"), ("kh", "хх"), ("ts", "цц"),
    ("ya", "яя"), ("yu", "юю"), ("yo", "ёё"), ("ye", "ее"), ("a", "аә"), ("o", "оө"), ("u", "ұү"),
    ("k", "қк"), ("g", "ғг"), ("i", "иі"), ("y", "ыы"), ("e", "ее"), ("b", "бб"), ("d", "дд"),
    ("f", "фф"), ("h", "хх"), ("j", "жж"), ("l", "лл"), ("m", "мм"), ("n", "нн"), ("p", "пп"),
    ("r", "рр"), ("s", "сс"), ("t", "тт"), ("v", "вв"), ("z", "зз"), ("w", "уу"), ("x", "хх"),
    ("c", "цц"), ("q", "ққ"),
    ("ä", "әә"), ("ğ", "ғғ"), ("ñ", "ңң"), ("ö", "өө"), ("ş", "шш"), ("ū", "ұұ"), ("ü", "үү"),
    ("ı", "іі"), ("á", "әә"), ("ǵ", "ғғ"), ("ń", "ңң"), ("ó", "өө"), ("ú", "үү"), ("ý", "уу"),
    ("a'", "әә"), ("g'", "ғғ"), ("n'", "ңң"), ("o'", "өө"), ("u'", "үү"), ("y'", "уу"),
    ("i'", "ии"), ("s'", "шш"), ("c'", "чч"),
]
_OFFICIAL_LETTERS = {
    "kk-latin-2021": {"a": "аа", "o": "оо", "u": "уу", "k": "кк", "g": "гг", "i": "ии", "y": "ыы",
                      "j": "жж", "h": "хх", "e": "ее"},
    "kk-latin-2018": {"a": "аа", "o": "оо", "u": "ұұ", "k": "кк", "g": "гг", "i": "іі", "ı": "ии",
                      "y": "ыы", "j": "жж", "h": "хх", "e": "ее"},
    "kk-latin-2017": {"a": "аа", "o": "оо", "u": "ұұ", "k": "кк", "g": "гг", "i": "іі", "y": "ыы",
                      "j": "жж", "h": "хх", "e": "ее"},
}
_TOKEN = re.compile("|".join(re.escape(t) for t, _ in sorted(_NEWS_LETTERS, key=lambda p: -len(p[0]))) + "|.")
_LATIN_VOWELS = frozenset("aeiouyäöüūıáóúýé")


_LOAN_MARKS = re.compile(r"^[^aeiouy]*[aeiouy].*o|v|f|ts|ch|shch|yu|ya|yo|^(?:st|pr|tr|kr|gr|dr|br|pl|kl|sp)|io|eo|ia|ea|ae")


def _spell(latin: str, style: str) -> str:
    """Letter-by-letter Cyrillic, for a word nothing else explains.

    In news ASCII the merged letters are chosen by vowel harmony (front if the
    word has an e, back otherwise), unless the word looks borrowed (o past the
    first syllable, v, f, ts, ch, initial clusters...), which keeps Russian
    letters: native Kazakh has о/ө only in the first syllable.
    """
    table = dict(_NEWS_LETTERS)
    table.update(_OFFICIAL_LETTERS.get(style, {}))
    if style == "kk-latin-2021":
        table.update({"ia": "яя", "iu": "юю", "io": "ёё", "tş": "чч"})
    tokens = _TOKEN.findall(latin) if style != "kk-latin-2021" else _TOKEN_2021.findall(latin)
    side = 0
    loan = False
    if style == "kk-news":
        loan = bool(_LOAN_MARKS.search(latin))
        side = 1 if ("e" in tokens and not loan) else 0
        if loan:
            table.update({"a": "аа", "o": "оо", "u": "уу", "k": "кк", "g": "гг", "i": "ии", "y": "ыы"})
    out = []
    for i, token in enumerate(tokens):
        pair = table.get(token)
        if pair is None:
            out.append(token)
            continue
        char = pair[side]
        before = tokens[i - 1] if i else ""
        if style == "kk-news":
            if token == "u" and before[-1:] in _LATIN_VOWELS:
                char = "у"
            elif token == "y" and before[-1:] in _LATIN_VOWELS:
                char = "й"
            elif token == "e" and i == 0:
                char = "э"
        elif style == "kk-latin-2021" and token == "i" and before[-1:] in _LATIN_VOWELS:
            char = "й"
        out.append(char)
    return "".join(out)


_TOKEN_2021 = re.compile("ia|iu|io|tş|" + _TOKEN.pattern)


# --------------------------------------------------------------------------
# Typos

_KEY_ALPHABET = "abdefghijklmnoprstuvz"
_STUTTER = re.compile(r"(.{2,5}?)\1+")


def _edits1(key: str, known: Lexicon, ranges: list[tuple[int, int, int, int]] | None = None) -> dict[str, float]:
    """The skeletons of ``known`` one edit away from the typed ``key``, with the edit's channel cost.

    Costs are -log P(typed | intended) in units of one plain edit: a letter
    left out (the intended word has one more) or two neighbours swapped are the
    common slips; a letter typed extra or typed wrong has to be one particular
    letter of the alphabet, so it costs more, except where by-ear spelling
    blurs vowels (a vowel for a vowel, a vowel dropped or added).

    A letter inserted or substituted at position ``i`` gives a skeleton that
    starts with ``key[:i]`` and ends with the rest. The sorted skeletons with
    that prefix form one range, narrowed letter by letter; when it is small
    (past the slip it is usually empty) its skeletons are read directly, and
    when it is large (near the start) the skeletons ending with the rest are
    read from the skeletons sorted backwards (:func:`_endings`), instead of
    testing the 42 variants of the position one by one. ``ranges`` are the
    :func:`_prefix_ranges` of ``key`` or of a word it begins (a stem's edits
    share them with the whole word's).
    """
    vowels = _KEY_VOWELS
    keys = known.keys
    extra_keys = _sorted_extra(known)
    size = len(key)
    out: dict[str, float] = {}
    if ranges is None:
        ranges = _prefix_ranges(known, key)
    # the ranges of the skeletons ending with a suffix of the key: position i asks for the
    # rest and the rest but one letter, position i + 1 for that one again
    ends: dict[str, list[tuple[tuple[str, ...], int, int]]] = {}
    # past the last range every variant starts with a prefix no skeleton has
    for i in range(min(size + 1, len(ranges))):
        a, b = key[:i], key[i:]
        lo, hi, elo, ehi = ranges[i]
        tail = b[1:]
        inserted: list[tuple[str, float]] = []
        substituted: list[tuple[str, float]] = []
        if hi - lo + ehi - elo <= _WINDOW:
            # few skeletons start with the prefix: read them instead of testing 42 variants
            window = keys[lo:hi] if elo == ehi else sorted(set(keys[lo:hi]) | set(extra_keys[elo:ehi]))
            for found in window:
                if len(found) == size + 1 and found.endswith(b) and found[i] in _KEY_ALPHABET:
                    inserted.append((found, COST_VOWEL_MISSING if found[i] in vowels else COST_MISSING))
                elif b and len(found) == size and found.endswith(tail) and found[i] in _KEY_ALPHABET:
                    c = found[i]
                    substituted.append((found, COST_VOWEL_FOR_VOWEL if c in vowels and b[0] in vowels else COST_WRONG))
        else:
            # many skeletons start with the prefix (a slip near the start): take those that end
            # with the rest of the word instead, when they are few
            extra = known.extra
            ending = _ending_with(_ending_ranges(known, b, ends), size + 1, a)
            if ending is not None:
                inserted = [(found, COST_VOWEL_MISSING if found[i] in vowels else COST_MISSING) for found in ending]
            else:
                for c in _KEY_ALPHABET:
                    variant = a + c + b
                    j = bisect_left(keys, variant, lo, hi)
                    if (j < hi and keys[j] == variant) or variant in extra:
                        inserted.append((variant, COST_VOWEL_MISSING if c in vowels else COST_MISSING))
            ending = _ending_with(_ending_ranges(known, tail, ends), size, a) if b else []
            if ending is not None:
                substituted = [
                    (found, COST_VOWEL_FOR_VOWEL if found[i] in vowels and b[0] in vowels else COST_WRONG)
                    for found in ending
                ]
            else:
                for c in _KEY_ALPHABET:
                    variant = a + c + tail
                    j = bisect_left(keys, variant, lo, hi)
                    if (j < hi and keys[j] == variant) or variant in extra:
                        substituted.append(
                            (variant, COST_VOWEL_FOR_VOWEL if c in vowels and b[0] in vowels else COST_WRONG))
        # in the order insertions, deletion, swap, substitutions: a tie keeps the first cost
        checked = inserted
        if b:
            # the deletion and the swap start with the prefix too: looked up in its range
            spelled = [(a + tail, COST_VOWEL_EXTRA if b[0] in vowels else COST_EXTRA)]
            if len(b) > 1:
                spelled.append((a + b[1] + b[0] + b[2:], COST_SWAP))
            for variant, cost in spelled:
                j = bisect_left(keys, variant, lo, hi)
                if (j < hi and keys[j] == variant) or variant in known.extra:
                    checked.append((variant, cost))
            checked += substituted
        for variant, cost in checked:
            if out.get(variant, 99.0) > cost:
                out[variant] = cost
    out.pop(key, None)
    return out


_WINDOW = 128
"""Up to this many skeletons with a prefix, :func:`_edits1` reads them instead of testing variants."""


def _prefix_ranges(known: Lexicon, key: str) -> list[tuple[int, int, int, int]]:
    """For i = 0, 1, ...: the ranges of the skeletons and of the names-list and glossary skeletons
    (:func:`_sorted_extra`) that start with ``key[:i]``, each narrowed from the one before, up to
    the first prefix that none starts with."""
    keys, extra_keys = known.keys, _sorted_extra(known)
    lo, hi, elo, ehi = 0, len(keys), 0, len(extra_keys)
    ranges = [(lo, hi, elo, ehi)]
    for i in range(1, len(key) + 1):
        prefix = key[:i]
        lo = bisect_left(keys, prefix, lo, hi)
        hi = bisect_left(keys, prefix + "\uffff", lo, hi)
        elo = bisect_left(extra_keys, prefix, elo, ehi)
        ehi = bisect_left(extra_keys, prefix + "\uffff", elo, ehi)
        if lo == hi and elo == ehi:
            break
        ranges.append((lo, hi, elo, ehi))
    return ranges


@lru_cache(maxsize=4)
def _sorted_extra(lexicon: Lexicon) -> tuple[str, ...]:
    """The skeletons of the names-list and glossary words, sorted (for prefix ranges)."""
    return tuple(sorted(lexicon.extra))


def _ending_ranges(
    known: Lexicon, suffix: str, found: dict[str, list[tuple[tuple[str, ...], int, int]]]
) -> list[tuple[tuple[str, ...], int, int]]:
    """The ranges of the skeletons and of the names/glossary skeletons spelled backwards
    (:func:`_endings`) that end with ``suffix``: (reversed skeletons, start, stop) each, kept in
    ``found``."""
    ranges = found.get(suffix)
    if ranges is None:
        backwards = suffix[::-1]
        ranges = found[suffix] = []
        for reversed_keys in _endings(known):
            lo = bisect_left(reversed_keys, backwards)
            ranges.append((reversed_keys, lo, bisect_left(reversed_keys, backwards + "\uffff", lo)))
    return ranges


def _ending_with(ranges: list[tuple[tuple[str, ...], int, int]], length: int, prefix: str) -> list[str] | None:
    """The skeletons ``prefix`` + one letter of :data:`_KEY_ALPHABET` + a suffix (``length``
    letters), sorted, from the :func:`_ending_ranges` of the suffix; None when more than
    :data:`_WINDOW` skeletons end with it."""
    if sum(hi - lo for _, lo, hi in ranges) > _WINDOW:
        return None
    found: set[str] = set()
    at = len(prefix)
    for reversed_keys, lo, hi in ranges:
        for backward in reversed_keys[lo:hi]:
            if len(backward) == length:
                key = backward[::-1]
                if key.startswith(prefix) and key[at] in _KEY_ALPHABET:
                    found.add(key)
    return sorted(found)


REVERSED_FILE = "kk_reversed.txt.gz"


def _keys_checksum(keys: tuple[str, ...]) -> int:
    """CRC-32 of every 997th sorted skeleton: ties a reversed-skeleton file to the lexicon it was
    made from (any change to the key set shifts the sample) at a fiftieth of the cost of all."""
    return zlib.crc32("\n".join(keys[::997]).encode("ascii"))


def write_reversed(path: Path, keys: list[str]) -> None:
    """Write the skeletons spelled backwards and sorted (:func:`_endings` reads them): the typo
    search's index by ending, derived from the lexicon's ``keys`` (sorted)."""
    backwards = sorted(key[::-1] for key in keys)
    body = (
        "# translit Kazakh lexicon: its skeletons spelled backwards, sorted (typo search by ending)\n"
        f"keys {len(keys)} {_keys_checksum(tuple(keys))}\n" + "".join(key + "\n" for key in backwards)
    ).encode("ascii")
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    tmp.replace(path)


@lru_cache(maxsize=4)
def _endings(lexicon: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lexicon's skeletons and its names/glossary skeletons, each spelled backwards and sorted.

    Sorting a million reversed skeletons takes half a second, so the bundled
    lexicon's are read from :data:`REVERSED_FILE` (0.15–0.2 s, on the first
    typo search of a process) when its count and checksum match the lexicon's
    skeletons; any other lexicon gets them sorted here.
    """
    backwards: tuple[str, ...] | None = None
    try:
        with gzip.open(lexicon_dir() / REVERSED_FILE, "rb") as handle:
            line = handle.readline()
            while line.startswith(b"#"):
                line = handle.readline()
            label, count, checksum = line.decode("ascii").split()
            # the header decides before the bulk is decompressed (a test's small lexicon never is)
            if label == "keys" and int(count) == len(lexicon.keys) and int(checksum) == _keys_checksum(lexicon.keys):
                backwards = tuple(handle.read().decode("ascii").rstrip("\n").split("\n")) if lexicon.keys else ()
    except (OSError, ValueError, EOFError):
        pass
    if backwards is None:
        backwards = tuple(sorted(key[::-1] for key in lexicon.keys))
    return backwards, tuple(sorted(key[::-1] for key in lexicon.extra))


# Channel costs of :func:`_edits1`, in units of a letter left out: the intended word has a letter
# more (the common slip) / two neighbours swapped / the typist added one / typed a wrong one (it has
# to be one particular letter of the alphabet, so these cost more) / a vowel for a vowel (by-ear
# spelling blurs vowels). Fitted with the weights below.
COST_MISSING = 1.0
COST_VOWEL_MISSING = 0.947
COST_SWAP = 1.0
COST_EXTRA = 2.25
COST_VOWEL_EXTRA = 1.93
COST_WRONG = 2.4
COST_VOWEL_FOR_VOWEL = 1.8
COST_LATIN_HALF = 2.2
"""A typed vowel deleted or two typed letters swapped (:func:`_latin_edits`)."""
COST_LATIN_CONSONANT = 2.2
"""A typed consonant deleted (:func:`_latin_edits`)."""
COST_SAME_SKELETON = 0.9
"""Another spelling of the typed skeleton (a by-ear edit the fold hides, usually a vowel)."""


# The weights of :func:`_typo_score`, fitted by coordinate search on the top-3 rate of single
# random slips in held-out words (bench/tune_typos.py: typo seeds 1-4 and 6-8; bench/bench_recover.py
# reports seeds 5, 11 and 13). Refitted on 2026-11-30 after the suffix grammar and the lexicon's
# closed forms changed the candidates; COST_MISSING stays the unit (the fit's 0.69 let a missing
# letter make forms the dictionary's inflected stems allow, құралдары·дан, outrank құралдарына).
TYPO_DISTANCE_WEIGHT = 3.0
"""Score lost per unit of channel cost (a letter left out, see :func:`_edits1`)."""
PRIOR_WEIGHT = 1.12
"""Weight of log frequency: one more unit of slip must be outweighed by a word ~15 times more frequent."""
TYPO_SUFFIX_COST = 1.84
"""Score lost per suffix a suggestion adds to a known stem: a form the lexicon lacks is rarer."""
KIND_COST = {"word": 0.0, "self": 0.5, "chain": 3.75, "stem": 4.41, "name": 6.0}
"""Score lost by where a suggestion comes from: a lexicon word one slip away (``word``), another
spelling of the typed skeleton (``self``), a known stem with a suffix chain one slip away
(``chain``), a stem one slip away under an exact chain (``stem``), or a names-list or glossary
word two slips away (``name``: the largest cost that still offers the seed post's миссиясы for
"miassi"; on held-out slips the names cost 0.1 point of top-3 rate)."""
STEMS_BELOW = -6.0
"""A stem one slip away under a suffix chain is searched when no suggestion scores above this."""
DOUBLE_KEPT = 4.29
DOUBLE_LOST = 4.2
"""A doubled consonant typed on purpose (native words rarely have one) kept by a suggestion, or
left unexplained by it (the skeleton hides doubling)."""
FORM_WEIGHT = 2.625
"""Weight of :func:`_form_penalty` (harmony breaks, the rare "your (sg.)" ending)."""


_LATIN_VOWEL_LETTERS = "aeiouy"


def _latin_edits(latin: str) -> dict[str, float]:
    """Slips of the typed letters that a skeleton edit can miss, with their channel cost.

    Deletions and swaps of any typed letter (a swapped "zh" is two skeleton
    edits, a deleted e in "sh(e)sh" three). Letters left out or typed wrong
    where the skeleton (:func:`fold`) merges or rewrites letters, so that one
    slip is two skeleton edits there: a letter left out between two equal
    letters (doubles are merged: "taayyndau" for tagayyndau), a letter the
    skeleton spells otherwise typed for another ("akimdcri": c is ts), and the
    second letter of a by-ear pair left out or typed wrong after the first
    ("zoastagy", "zaksy" for zhastagy, zhaksy: zh is one letter, j). Letters typed wrong
    or left out elsewhere in the pairs were measured too: 0.2 points of top-3
    rate for 25% more lookups.
    """
    vowels = _LATIN_VOWEL_LETTERS
    out: dict[str, float] = {}
    for i in range(len(latin)):
        a, b = latin[:i], latin[i:]
        out[a + b[1:]] = COST_LATIN_HALF if b[0] in vowels else COST_LATIN_CONSONANT
        if len(b) > 1:
            out[a + b[1] + b[0] + b[2:]] = COST_LATIN_HALF
    for i in range(len(latin) + 1):
        a, b = latin[:i], latin[i:]
        left_out = typed_wrong = _PAIR_SECONDS.get(a[-1], "") if a else ""
        if a and b and a[-1] == b[0]:
            left_out = _LATIN_LETTERS
        if b and b[0] in _REWRITTEN:
            typed_wrong = _LATIN_LETTERS
        # setdefault: a deletion or swap above that spells the same keeps its cost
        for c in left_out:
            out.setdefault(a + c + b, COST_VOWEL_MISSING if c in vowels else COST_MISSING)
        if b:
            for c in typed_wrong:
                if c != b[0]:
                    out.setdefault(a + c + b[1:], COST_VOWEL_FOR_VOWEL if c in vowels and b[0] in vowels else COST_WRONG)
    out.pop(latin, None)
    return out


_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_PAIR_SECONDS = {"z": "h", "s": "h", "c": "h", "k": "h", "t": "s", "y": "eo", "i": "e"}
"""The by-ear Latin letter pairs (zh, sh, ch, kh, ts, ye, yo, ie): their second letters, by the
first. :func:`fold` spells zh, kh, ye, yo and ie as one letter, so a slip in their second letter
is two skeleton edits; in sh, ch and ts it is one, which the skeleton edit finds too."""
_REWRITTEN = frozenset("cx")
"""Letters the skeleton spells otherwise, so that one typed for another is not one skeleton edit
(c is ts; x is h, which joins the k, s or z before it). q (k) and w (u) are: the skeleton edit finds them."""


_DOUBLE_CONSONANT = re.compile(r"([bdfgjklmnprstvz])\1")


def _doubles(latin: str) -> set[str]:
    return set(_DOUBLE_CONSONANT.findall(latin))


def _typo_score(prior: float, cost: float, suffixes: int, kind: str, doubled: float, form: float) -> float:
    """Noisy-channel score of a suggestion: log P(word) - weight x cost(slip), plus the evidence a
    slip rarely destroys (a doubled consonant) and the form's oddity."""
    return (PRIOR_WEIGHT * prior - TYPO_DISTANCE_WEIGHT * cost - TYPO_SUFFIX_COST * suffixes - KIND_COST[kind]
            + doubled - FORM_WEIGHT * form)


def _score_keys(
    lexicon: Lexicon, typed_doubles: set[str], keys: dict[str, float], kind: str = "word"
) -> list[tuple[str, float, str]]:
    """Noisy-channel scores of the words under ``keys`` (skeleton -> channel cost) as suggestions
    for a spelling with the doubled consonants ``typed_doubles``."""
    scored: list[tuple[str, float, str]] = []
    for found, cost in keys.items():
        for word, _, prior, form in _scored_words(lexicon, found):
            scored.append((word, _typo_score(prior, cost, 0, kind, _doubled(typed_doubles, word), form), "typo"))
    return scored


@lru_cache(maxsize=1 << 15)
def _scored_words(lexicon: Lexicon, key: str, attested: bool = False) -> tuple[tuple[str, int, float, float], ...]:
    """The words under ``key`` with the terms of their typo score that depend on the word alone:
    (word, corpus count, log frequency, form penalty); with ``attested``, of the words the corpus
    showed only (the real-word slips': the skeletons near a known word hold about as many
    dictionary forms the corpus never showed). A skeleton near many typed words (the real-word
    slips look up every known word's neighbours) is read and scored once."""
    return tuple((word, count, _prior(count, family), _form_penalty(word))
                 for word, count, family in lexicon.words(key) if count or not attested)


def _doubled(typed_doubles: set[str], word: str) -> float:
    """A doubled consonant is typed on purpose (native words rarely have one): keep it; a word
    without it leaves the extra letter unexplained (the skeleton hides it)."""
    if not typed_doubles:
        return 0.0
    return DOUBLE_KEPT if typed_doubles & _doubles(romanize_word(word, "kk-news")) else -DOUBLE_LOST


def _suggest(
    lexicon: Lexicon, latin: str, key: str, proper: bool = False,
    analyses: Sequence[tuple[str, float, int, float, int]] = (),
) -> list[Candidate]:
    """Nearest real words of a flagged spelling, best first.

    A noisy channel (:func:`_typo_score`) over candidates one slip away: the
    spelling with a stutter undone (dastustustur -> dastur), one edit of the
    skeleton or deletions/swaps of the typed letters, found in the skeleton
    set; a known stem with a suffix chain one slip away (zhanalyktarg ->
    жаңалықтарға); a stem one slip away under a suffix chain typed right; a stem
    and a chain whose letters at the joint were typed the other way round
    (seritkeri -> серіктері).
    Two slips are searched only among the names-list and glossary words
    (miassi -> миссиясы): in the dictionary they never won on held-out slips.
    The ``analyses`` of the typed skeleton itself (:func:`_analyses`: a known
    stem + a suffix chain spelling it) are suggested as other spellings of it,
    like the words filed under it (zhassalynady -> жасалынады: the skeleton
    merges the doubled letter). The best are ranked again with the letter
    model (:func:`_rescored`).

    A ``proper`` name (capitalised inside a sentence) is corrected only toward
    those names, one or two slips away: a name the lexicon lacks (Kozhayev,
    Buratino) is no slip of a common word.
    """
    # the doubled consonants typed, which every source's scores ask about
    typed_doubles = _doubles(latin)
    if proper:
        names = {name: distance * COST_MISSING for name, distance in _names_near(lexicon, key).items()}
        return _softmax(_score_keys(lexicon, typed_doubles, names, "name"))
    keys: dict[str, float] = {}
    collapsed = _STUTTER.sub(r"\1", key)
    if collapsed != key:
        keys[collapsed] = 0.0
    ranges = _prefix_ranges(lexicon, key)
    for variant, cost in _edits1(key, lexicon, ranges).items():
        keys.setdefault(variant, cost)
    # no skeleton starts with the typed one's first len(ranges) letters: a slip undone after them
    # leaves that dead prefix, and no word
    dead = key[: len(ranges)] if len(ranges) <= len(key) else None
    for variant, cost in _latin_edits(latin).items():
        found = fold(variant)
        if found != key and not (dead and found.startswith(dead)) and found in lexicon:
            keys[found] = min(keys.get(found, 9.0), cost)
    scored = _score_keys(lexicon, typed_doubles, keys)
    # words under the typed skeleton itself that spell it differently (more than one light edit)
    scored += _score_keys(lexicon, typed_doubles, {key: COST_SAME_SKELETON}, "self")
    scored += [_suggestion(typed_doubles, word, prior, COST_SAME_SKELETON, suffixes, "self")
               for word, _, _, prior, suffixes in analyses]
    scored += _slipped_chains(lexicon, typed_doubles, key)
    scored += _swapped_at_boundary(lexicon, typed_doubles, key)
    far_names = {name: 2 * COST_MISSING for name, distance in _names_near(lexicon, key).items() if distance == 2}
    scored += _score_keys(lexicon, typed_doubles, far_names, "name")
    if max((score for _, score, _ in scored), default=-99.0) < STEMS_BELOW:
        scored += _slipped_stems(lexicon, typed_doubles, key, ranges)
    return _softmax(_rescored(lexicon, scored))


RESCORED = 10
SUGGESTION_LETTERS_WEIGHT = 0.1
"""The :data:`RESCORED` best suggestions are ranked again with this weight of the letter model
(:func:`_letters`), the rest dropped: the channel cannot tell the letters the skeleton merges
(жанын from жаңын), nor a common ending from an odd one."""


def _rescored(lexicon: Lexicon, scored: list[tuple[str, float, str]]) -> list[tuple[str, float, str]]:
    """The :data:`RESCORED` best of ``scored`` (each word at its best score), with the letter model added."""
    best: dict[str, tuple[float, str]] = {}
    for word, score, source in scored:
        if word not in best or best[word][0] < score:
            best[word] = (score, source)
    # ties go by word, as in _softmax: the order of the candidates follows the string hash
    top = sorted((-score, word, source) for word, (score, source) in best.items())[:RESCORED]
    return [(word, SUGGESTION_LETTERS_WEIGHT * _letters(lexicon, word) - negated, source)
            for negated, word, source in top]


AS_TYPED = 6.0
"""Typo score of "typed as meant" for a known word, over the weighted log frequency of its reading
(:func:`_with_slips`): a slip must be far likelier than a word to outrank it."""


def _with_slips(lexicon: Lexicon, latin: str, key: str, candidates: list[Candidate], prior: float) -> list[Candidate]:
    """The readings of a known word, followed by the corpus words one slip away.

    A slip that lands on another valid form (``kara`` for ``karau``, a stem
    plus a suffix spelled exactly so: one random slip in six does) is read,
    not flagged: no word list tells it from a rare form, only context could.
    The noisy channel weighs it as a real-word error: "typed as meant"
    (:data:`AS_TYPED` + the reading's weighted prior) against each corpus word
    one slip away (:func:`_typo_score`). The reading stays first and keeps
    its place in the text; the slips join the other readings in the
    alternatives, by their shares, as a keyboard's suggestion strip lists the
    typed word and its nearest neighbours. ``prior`` is the reading's log
    frequency (:func:`_prior`).
    """
    near = _corpus_near(lexicon, key)
    if not near:
        return candidates
    typed_doubles = _doubles(latin)
    slips: dict[str, float] = {}
    for found, cost in near.items():
        for word, _, word_prior, form in _scored_words(lexicon, found, True):
            score = _typo_score(word_prior, cost, 0, "word", _doubled(typed_doubles, word), form)
            if score > slips.get(word, -math.inf):
                slips[word] = score
    for candidate in candidates:
        # the word's own readings are no slips
        slips.pop(candidate.cyrillic, None)
    if not slips:
        return candidates
    as_typed = AS_TYPED + PRIOR_WEIGHT * prior
    top = max(as_typed, max(slips.values()))
    exp = math.exp
    weights = [exp(score - top) for score in slips.values()]
    slipped = sum(weights)
    total = exp(as_typed - top) + slipped
    share = 1.0 - slipped / total
    # ranked as _softmax ranks (share, then word), a Candidate built for the kept ones only
    ranked = sorted([(-c.score * share, c.cyrillic, c.source) for c in candidates[1:]]
                    + [(-weight / total, word, "slip") for word, weight in zip(slips, weights)])
    reading = candidates[0]
    return [_candidate(reading.cyrillic, reading.score * share, reading.source),
            *(_candidate(word, -score, source) for score, word, source in ranked[: KEPT - 1])]


@lru_cache(maxsize=4)
def _corpus_index(lexicon: Lexicon) -> dict[str, tuple[tuple[str, int], ...]]:
    """One-deletion neighbourhood (SymSpell) of the skeletons of the corpus, names-list and
    glossary words (about 9,000): each skeleton under itself (position -1) and under every
    string one letter shorter, with the position of the letter left out.

    Tuples, not lists: the garbage collector stops tracking a tuple of strings and numbers,
    while 65,000 lists would be walked by every full collection (50-90 ms each on the bench)."""
    index: dict[str, tuple[tuple[str, int], ...]] = {}
    found = index.get
    for key in (*lexicon.attested, *lexicon.extra):
        # most deletions are shared by one or two skeletons: growing a tuple is as fast as a list
        index[key] = found(key, ()) + ((key, -1),)
        for i in range(len(key)):
            deleted = key[:i] + key[i + 1 :]
            index[deleted] = found(deleted, ()) + ((key, i),)
    return index


def _corpus_near(lexicon: Lexicon, key: str) -> dict[str, float]:
    """Skeletons of corpus words one slip from the typed ``key``, with the slip's channel cost
    (see :func:`_edits1`).

    The typed skeleton minus letter ``p`` (or whole, ``p`` = -1) meets a
    skeleton minus letter ``q`` (or whole): whole meets minus ``q``, a letter
    left out; minus ``p`` meets whole, a letter typed extra; ``p`` = ``q``, a
    letter typed wrong; ``p`` next to ``q`` with the same letter left out, two
    letters swapped. Any other meeting is two slips.
    """
    index = _corpus_index(lexicon)
    vowels = _KEY_VOWELS
    out: dict[str, float] = {}
    for found, q in index.get(key, ()):
        if q >= 0:
            out[found] = COST_VOWEL_MISSING if found[q] in vowels else COST_MISSING
    for p in range(len(key)):
        typed = key[p]
        for found, q in index.get(key[:p] + key[p + 1 :], ()):
            if found == key:
                continue
            if q < 0:
                cost = COST_VOWEL_EXTRA if typed in vowels else COST_EXTRA
            elif q == p:
                cost = COST_VOWEL_FOR_VOWEL if typed in vowels and found[q] in vowels else COST_WRONG
            elif (q == p - 1 or q == p + 1) and found[q] == typed:
                cost = COST_SWAP
            else:
                continue
            if cost < out.get(found, 99.0):
                out[found] = cost
    return out


def _deletions(key: str, depth: int) -> set[str]:
    """``key`` and every string up to ``depth`` letters shorter."""
    found = {key}
    frontier = {key}
    for _ in range(depth):
        frontier = {word[:i] + word[i + 1 :] for word in frontier for i in range(len(word))}
        found |= frontier
    return found


@lru_cache(maxsize=4)
def _names_index(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Two-deletion neighbourhood of the names-list and glossary skeletons (SymSpell): the words
    of the posts translit is for get a wider net than the dictionary (miassi -> миссиясы)."""
    index: dict[str, set[str]] = {}
    for key in lexicon.extra:
        if len(key) >= 4:
            for deleted in _deletions(key, 2):
                index.setdefault(deleted, set()).add(key)
    return {deleted: tuple(sorted(keys)) for deleted, keys in index.items()}


def _names_near(lexicon: Lexicon, key: str) -> dict[str, int]:
    """Names-list and glossary skeletons one or two slips from ``key``, with that number."""
    if len(key) < 4:
        return {}
    index = _names_index(lexicon)
    found: dict[str, int] = {}
    for deleted in _deletions(key, 2):
        for name in index.get(deleted, ()):
            if name not in found and name != key:
                distance = _distance(name, key, 3)
                if distance <= 2:
                    found[name] = distance
    return found


def _chain_variants(typed: str, side: str) -> dict[str, float]:
    """The chain skeletons of ``side`` harmony (:func:`_chain_skeletons`) one edit from the typed
    ending, with the channel cost of that slip (see :func:`_edits1`). Letters are tried only
    where a chain can go on, and the search stops at the first typed prefix no chain has."""
    vowels = _KEY_VOWELS
    chains = _chain_skeletons()[side]
    out: dict[str, float] = {}
    for i in range(len(typed) + 1):
        a, b = typed[:i], typed[i:]
        letters = _chain_next(side, a)
        if not letters and a not in chains:
            break
        found = [(a + c + b, COST_VOWEL_MISSING if c in vowels else COST_MISSING) for c in letters]
        if b:
            found.append((a + b[1:], COST_VOWEL_EXTRA if b[0] in vowels else COST_EXTRA))
            if len(b) > 1:
                found.append((a + b[1] + b[0] + b[2:], COST_SWAP))
            found += [(a + c + b[1:], COST_VOWEL_FOR_VOWEL if c in vowels and b[0] in vowels else COST_WRONG)
                      for c in letters if c != b[0]]
        for variant, cost in found:
            if variant in chains and variant != typed:
                out.setdefault(variant, cost)
    return out


@lru_cache(maxsize=2)
def _sorted_chains(side: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """The chain skeletons of ``side`` sorted, and the letters that follow "" and each one-letter
    prefix (their ranges hold most of the chains: scanning them for every typo search would cost
    more than the search)."""
    chains = tuple(sorted(_chain_skeletons()[side]))
    short: dict[str, set[str]] = {"": set()}
    for chain in chains:
        short[""].add(chain[0])
        if len(chain) > 1:
            short.setdefault(chain[0], set()).add(chain[1])
    return chains, {prefix: "".join(sorted(letters)) for prefix, letters in short.items()}


@lru_cache(maxsize=1 << 14)
def _chain_next(side: str, prefix: str) -> str:
    """The letters that follow ``prefix`` in a chain skeleton of ``side`` harmony ("" when no chain
    goes on from it). Asked for the prefixes of typed endings only: a table of every prefix took
    0.25 s to build on the first typo search."""
    chains, short = _sorted_chains(side)
    if len(prefix) < 2:
        return short.get(prefix, "")
    lo = bisect_left(chains, prefix)
    hi = bisect_left(chains, prefix + "\uffff", lo)
    at = len(prefix)
    if lo < hi and len(chains[lo]) == at:
        lo += 1  # the prefix itself, which sorts first
    # a jump past each letter's chains, not a scan of them all (thousands after a short prefix)
    letters = []
    while lo < hi:
        letter = chains[lo][at]
        letters.append(letter)
        lo = bisect_left(chains, prefix + letter + "\uffff", lo, hi)
    return "".join(letters)


@lru_cache(maxsize=1)
def _chain_skeletons() -> dict[str, frozenset[str]]:
    """Every skeleton of up to :data:`_MAX_SUFFIXES` suffixes in slot order and up to
    :data:`_LONGEST_CHAIN` letters (an allomorph may also be spelled without its first letter
    after a stem ending in it), by the harmony of the stems that can take it (a chain keeps its
    stem's harmony; skeletons spell the back vowels a, the front e): a superset of the chains
    :func:`_suffix_parses` accepts after a given stem, that rejects the many one-edit variants of
    a typed ending which no such stem could take. About 200,000 strings, built on the first typo
    search (0.15 s)."""
    masks = {"back": 1, "front": 2, "": 3}
    pieces: dict[tuple[str, int], int] = {}
    for spelled, slot, side in _suffix_spellings():
        pieces[spelled, slot] = pieces.get((spelled, slot), 0) | masks[side]
    # the pieces each slot may be followed by, shortest first: a chain stops trying them at the
    # first that would make it too long, instead of testing all 139 pieces at each of 250,000 steps
    following = {rank: sorted(((spelled, slot, sides) for (spelled, slot), sides in pieces.items()
                               if not ((slot <= rank and slot) or (rank and not slot))), key=lambda p: len(p[0]))
                 for rank in {0, *_RANK.values()}}
    found: tuple[set[str], set[str]] = (set(), set())
    add_back, add_front = found[0].add, found[1].add

    def extend(chain: str, depth: int, rank: int, sides: int) -> None:
        # sides: a bit for each harmony a stem taking the chain may have (1 back, 2 front)
        if sides & 1:
            add_back(chain)
        if sides & 2:
            add_front(chain)
        if depth == _MAX_SUFFIXES:
            return
        room = _LONGEST_CHAIN - len(chain)
        for spelled, slot, spelled_sides in following[rank]:
            if len(spelled) > room:
                break
            if sides & spelled_sides:
                extend(chain + spelled, depth + 1, slot, sides & spelled_sides)

    extend("", 0, 0, 3)
    return {"back": frozenset(found[0] - {""}), "front": frozenset(found[1] - {""})}


_LONGEST_CHAIN = 7


def _slipped_chains(lexicon: Lexicon, typed_doubles: set[str], key: str) -> list[tuple[str, float, str]]:
    """Known stem + a suffix chain one slip away from the rest of the typed skeleton
    (zhanalyktarg -> жаңалықтарға): the ending is long and typed fast. The two longest known
    stems are tried (shorter ones never won on held-out slips), with a stem ending in к, қ or
    п voiced before a chain that starts with a vowel (togetitn -> төгетін, as :func:`_analyses`)."""
    scored: list[tuple[str, float, str]] = []
    tried = 0
    for cut in range(len(key) - 1, 2, -1):
        stems = lexicon.stems(key[:cut])
        voiced = _voiced_stems(lexicon, key[:cut])
        if not stems and not voiced:
            continue
        fitting: dict[str, dict[str, float]] = {}
        for found, before_vowel in ((stems, False), (voiced, True)):
            for stem, count, family in found:
                side = harmony(stem)
                if side not in fitting:
                    fitting[side] = _chain_variants(key[cut:], side)
                for variant, cost in fitting[side].items():
                    if not before_vowel or variant[0] in _KEY_VOWELS:
                        scored += _chained(typed_doubles, stem, key[cut - 1], count, family, variant, cost, "chain")
        tried += 1
        if tried == 2:
            break
    return scored


def _swapped_at_boundary(lexicon: Lexicon, typed_doubles: set[str], key: str) -> list[tuple[str, float, str]]:
    """Known stem + a suffix chain whose first letter and the stem's last were typed the other
    way round (seritkeri -> серік·тері): neither the typed stem nor the typed ending is one slip
    from a word or a chain, so neither search finds them."""
    scored: list[tuple[str, float, str]] = []
    chains = _chain_skeletons()
    for cut in range(3, len(key) - 1):
        if key[cut - 1] == key[cut]:
            continue
        rest = key[cut - 1] + key[cut + 1 :]
        if rest not in chains["back"] and rest not in chains["front"]:
            continue
        stem_key = key[: cut - 1] + key[cut]
        for stem, count, family in _stems_before(lexicon, stem_key, rest):
            scored += _chained(typed_doubles, stem, stem_key[-1], count, family, rest, COST_SWAP, "chain")
    return scored


def _slipped_stems(
    lexicon: Lexicon, typed_doubles: set[str], key: str, ranges: list[tuple[int, int, int, int]]
) -> list[tuple[str, float, str]]:
    """A stem one slip away under a suffix chain typed right (where the typed stem is no word);
    ``ranges`` are the :func:`_prefix_ranges` of ``key``, which its stems begin."""
    scored: list[tuple[str, float, str]] = []
    chains = _chain_skeletons()
    for cut in range(len(key) - 1, 2, -1):
        rest = key[cut:]
        if (rest in chains["back"] or rest in chains["front"]) and key[:cut] not in lexicon:
            for variant, cost in _edits1(key[:cut], lexicon, ranges).items():
                for stem, count, family in lexicon.stems(variant):
                    scored += _chained(typed_doubles, stem, variant[-1], count, family, rest, cost, "stem")
    return scored


def _chained(
    typed_doubles: set[str], stem: str, last: str, count: int, family: int, rest: str, cost: float, kind: str
) -> list[tuple[str, float, str]]:
    """The words ``stem`` + a chain spelling ``rest``, scored as suggestions for a spelling with
    the doubled consonants ``typed_doubles``; ``last`` is the last letter of the skeleton ``stem``
    is filed under."""
    prior = _prior(count, family)
    return [_suggestion(typed_doubles, stem + chain, prior, cost, suffixes, kind)
            for chain, suffixes in _suffix_parses(rest, stem, last)]


def _suggestion(
    typed_doubles: set[str], word: str, prior: float, cost: float, suffixes: int, kind: str
) -> tuple[str, float, str]:
    """``word`` as a suggestion, with its :func:`_typo_score` for a spelling with the doubled
    consonants ``typed_doubles`` (a word made here, whose form penalty no lexicon lookup cached)."""
    return word, _typo_score(prior, cost, suffixes, kind, _doubled(typed_doubles, word), _form_penalty(word)), "typo"


# --------------------------------------------------------------------------
# Words and spans


class _Reading(NamedTuple):
    """The reading of a lower-case word: the :class:`WordRecovery` fields after the offsets, in order."""

    cyrillic: str
    confidence: float
    known: bool
    alternatives: tuple[Candidate, ...]
    typo: bool
    suggestions: tuple[Candidate, ...]
    reason: str


LETTERS_WEIGHT = 0.3
"""Weight of the letter-trigram log-probability (summed over the word) in a reading's score."""


HARMONY_BREAK_COST = 0.5
SECOND_PERSON_COST = 2.5
"""What a harmony break and the rare "your (sg.)" ending cost a form (:func:`_form_penalty`, :func:`_letters`)."""


def _form_penalty(word: str) -> float:
    """Harmony breaks and the rare "your (sg.)" ending: the length-free part of :func:`_letters`."""
    return HARMONY_BREAK_COST * _harmony_breaks(word) + (SECOND_PERSON_COST if _SECOND_PERSON.search(word) else 0.0)


@lru_cache(maxsize=1 << 17)
def _letters(lexicon: Lexicon, word: str) -> float:
    """Form-level evidence: letter trigrams, harmony, and the rarity of "your (sg.)" in news.

    The dictionary lists the 2nd-person possessive (адамың) but not the far
    more frequent 3rd-person possessive + accusative (адамын), which only the
    suffix analysis produces; without this penalty the rare form would win.
    """
    penalty = SECOND_PERSON_COST if _SECOND_PERSON.search(word) else 0.0
    return (lexicon.letters(word) * (len(word) + 1) - HARMONY_BREAK_COST * _harmony_breaks(word)
            - penalty / LETTERS_WEIGHT)


KNOWN_DISTANCE = 1
"""A lexicon word explains a spelling when they differ by at most this many by-ear edits."""
ANALYSIS_DISTANCE = 0
"""A known stem + suffixes explains a spelling only when it is spelled exactly so: the suffix
grammar knows no parts of speech (ғасыр + у), so an inexact analysis is more often a slip."""


@lru_cache(maxsize=1 << 16)
def _read(lexicon: Lexicon, latin: str, style: str, suggest: bool = True, proper: bool = False) -> _Reading:
    """Recover one lower-case Latin word (``proper``: typed as a name, see :func:`_suggest`)."""
    key = fold(latin)
    scored: list[tuple[str, float, str]] = []
    best_distance = 99
    name = lexicon.names.get(latin)
    if name:
        scored.append((name.lower(), 12.0, "name"))
        best_distance = 0
    listed = lexicon.words(key)
    attested = False
    for word, count, family in listed:
        bonus, distance = _fit(word, latin, style)
        best_distance = min(best_distance, distance)
        scored.append((word, _prior(count, family) + bonus, "lexicon"))
        attested = attested or count > 0
    # an unattested dictionary form is trusted when it is the only exact reading, unless it is
    # the rare "your (sg.)" form the analysis can beat (адамың vs адамын)
    doubtful = len(listed) != 1 or bool(_SECOND_PERSON.search(listed[0][0]))
    analyses = _analyses(lexicon, key, latin, style) if best_distance > 0 or (not attested and doubtful) else []
    for word, score, distance, _, _ in analyses:
        if distance <= ANALYSIS_DISTANCE:
            best_distance = min(best_distance, distance)
        scored.append((word, score, "analysis"))
    known = best_distance <= KNOWN_DISTANCE
    if len(scored) > 1 or not known:
        # the letter model only ranks readings against each other: a lone reading (two words in
        # three) takes all the mass whatever its score
        scored = [(w, s if src == "name" else s + LETTERS_WEIGHT * _letters(lexicon, w), src) for w, s, src in scored]
    if not known:
        spelled = _spell(latin, style)
        scored = [(spelled, 0.0, "letters")] + [(w, s - 3.0, src) for w, s, src in scored]
        candidates = _softmax(scored)
        suggestions = tuple(_suggest(lexicon, latin, key, proper, analyses)) if suggest else ()
        return _Reading(spelled, min(candidates[0].score, 0.3), False, tuple(candidates), True,
                        suggestions, "unknown word")
    candidates = _softmax(scored)
    if suggest and not proper and candidates[0].source != "name":
        count, family = next(((c, f) for w, c, f in listed if w == candidates[0].cyrillic), (0, 0))
        candidates = _with_slips(lexicon, latin, key, candidates, _prior(count, family))
    return _Reading(candidates[0].cyrillic, candidates[0].score, True, tuple(candidates), False, (), "")


@lru_cache(maxsize=1 << 16)
def _read_cased(lexicon: Lexicon, latin: str, style: str, suggest: bool, proper: bool) -> _Reading:
    """The WordRecovery fields after the offsets, for a word as typed (case kept)."""
    reading = _read(lexicon, _lower(latin, style), style, suggest, proper)
    # no capital to copy (the common case): the reading is already as typed
    recase = None if latin.islower() else _recase(latin)
    if recase is None:
        return reading
    return _Reading(
        recase(reading.cyrillic),
        reading.confidence,
        reading.known,
        tuple(_candidate(recase(c.cyrillic), c.score, c.source) for c in reading.alternatives),
        reading.typo,
        tuple(_candidate(recase(c.cyrillic), c.score, c.source) for c in reading.suggestions),
        reading.reason,
    )


def _recase(latin: str) -> Callable[[str], str] | None:
    """What gives a Cyrillic word the case pattern of ``latin``: ALL CAPS or Title; None when its
    first letter is lower case (nothing to give)."""
    letters = [c for c in latin if c.isalpha()]
    if not letters or not letters[0].isupper():
        return None
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return str.upper
    return _titled


def _titled(cyrillic: str) -> str:
    return cyrillic[:1].upper() + cyrillic[1:]


def _word(latin: str, start: int, end: int, reading: _Reading) -> WordRecovery:
    """``WordRecovery(latin, start, end, *reading)`` without the frozen dataclass's ``__init__``,
    which sets its ten fields one ``object.__setattr__`` call at a time (1.6 us; this takes 0.6):
    recover makes one for every word of the input."""
    word = object.__new__(WordRecovery)
    values = word.__dict__
    values["latin"], values["start"], values["end"] = latin, start, end
    (values["cyrillic"], values["confidence"], values["known"], values["alternatives"], values["typo"],
     values["suggestions"], values["reason"]) = reading
    return word


def _candidate(cyrillic: str, score: float, source: str) -> Candidate:
    """``Candidate(cyrillic, score, source)`` without the frozen dataclass's ``__init__``, which
    finds each slot through ``object.__setattr__`` (0.8 us; this takes 0.45): a recovery makes one
    for each reading, alternative and suggestion it keeps."""
    candidate = object.__new__(Candidate)
    _SET_CYRILLIC(candidate, cyrillic)
    _SET_SCORE(candidate, score)
    _SET_SOURCE(candidate, source)
    return candidate


# the slots' own setters, which the frozen class's __setattr__ does not guard
_SET_CYRILLIC, _SET_SCORE, _SET_SOURCE = (Candidate.__dict__[item.name].__set__ for item in fields(Candidate))


LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff](?:[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0307]|['’](?=[A-Za-z\u00c0-\u024f]))*['’]?")
_SPACED_HYPHEN = re.compile(r"^(\s+)-(\s+)$")
_POSS3_ACC = re.compile(r"(?:сы|сі|ы|і)н$")
_STEM_VOWELS = frozenset("аәеоөұүыіэюяиу")
"""Letters after which the possessive is -сы/-сі, not -ы/-і (и and у end in a glide)."""
_POSS3 = re.compile(f"(?:сы|сі|[^{''.join(sorted(_STEM_VOWELS))}][ыі])$")
_CLAUSE_END = re.compile(r"[.!?;:,()\"«»“”]")
_SENTENCE_END = re.compile(r"[.!?]")
_PROSE_END = re.compile(r"\s*[.!?,;]")
"""What ends a phrase of running prose, whose last word is nearly always a verb (болды, келеді):
the 3rd-person verb endings look like the possessive, so the check is kept to titles and
headings, which end at a line, a quote or a bracket."""


def _phrase_end(words: list[WordRecovery], j: int, text: str) -> bool:
    """Whether word ``j`` ends its phrase: last word, or followed by punctuation."""
    if j + 1 == len(words):
        return True
    return bool(_CLAUSE_END.search(text[words[j].end : words[j + 1].start]))


def _possessed(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is a known word with the 3rd-person possessive (миссия + сы, жұмыс + ы).
    Finite verbs end alike (бол-а-ды, бер-ді), but what is left of them is no word."""
    stems = []
    if word[-2:] in ("сы", "сі") and word[-3:-2] in _STEM_VOWELS:
        stems.append(word[:-2])
    if word[-1:] in ("ы", "і") and word[-2:-1] not in _STEM_VOWELS:
        stems.append(word[:-1])
    return any(found == stem for stem in stems for found, _, _ in lexicon.words(skeleton(stem)))


def _agreement(words: list[WordRecovery], text: str, lexicon: Lexicon) -> list[WordRecovery]:
    """Flag a possessor in the accusative where a later possessed noun wants the genitive.

    In a Kazakh noun phrase the possessor takes the genitive and the head the
    3rd-person possessive: "балалар кітапханасының ... миссиясы". A title
    ending in a possessed noun with no verb has no use for an accusative
    (-сын/-сін), the usual result of a dropped -ың/-ің. Both words must be
    known words with the possessive (:func:`_possessed`), and the head must
    end a title, not a sentence (:data:`_PROSE_END`): on held-out news prose
    every flag of this rule was a verb or a word that merely ends so.
    """
    out = list(words)
    # A possessed head at the end of a phrase after a possessor: among the suggestions for a
    # mistyped head, prefer one with the 3rd-person possessive (…миссиясы, not …миссия).
    for j, word in enumerate(words):
        if not (word.typo and word.suggestions and _phrase_end(words, j, text)):
            continue
        for i in range(j - 1, max(j - 4, -1), -1):
            if _CLAUSE_END.search(text[words[i].end : words[i + 1].start]):
                break
            possessor = words[i].cyrillic.lower()
            if _GENITIVE.search(possessor) or (words[i].known and _POSS3_ACC.search(possessor)):
                top = [c for c in word.suggestions[:3] if _POSS3.search(c.cyrillic.lower())]
                if top and top[0] is not word.suggestions[0]:
                    rest = tuple(c for c in word.suggestions if c is not top[0])
                    top[0] = Candidate(top[0].cyrillic, top[0].score, "agreement")
                    out[j] = WordRecovery(
                        latin=word.latin, start=word.start, end=word.end, cyrillic=word.cyrillic,
                        confidence=word.confidence, known=word.known, alternatives=word.alternatives,
                        typo=True, suggestions=(top[0],) + rest, reason=word.reason,
                    )
                break
    words = list(out)
    for i, word in enumerate(words):
        # the accusative ends in н: most words are let go before the lower-casing and the search
        if word.cyrillic[-1:] not in "нН" or not word.known or word.typo:
            continue
        lowered = word.cyrillic.lower()
        if not _POSS3_ACC.search(lowered):
            continue
        if not _possessed(lowered[:-1], lexicon):
            # a word that merely ends so: a participle (-атын), кейін, мүмкін
            continue
        for j in range(i + 1, min(i + 4, len(words))):
            between = text[words[j - 1].end : words[j].start]
            if _CLAUSE_END.search(between):
                break
            later = words[j]
            if (_phrase_end(words, j, text) and not _PROSE_END.match(text, later.end)
                    and _possessed(later.corrected.lower(), lexicon)):
                stem = word.cyrillic[:-1]
                genitive = stem + ("ның" if harmony(stem.lower()) == "back" else "нің")
                out[i] = WordRecovery(
                    latin=word.latin, start=word.start, end=word.end, cyrillic=word.cyrillic,
                    confidence=word.confidence, known=True, alternatives=word.alternatives, typo=True,
                    suggestions=(Candidate(genitive, 1.0, "agreement"),),
                    reason=f"accusative before the possessed {later.corrected!r}: genitive expected",
                )
                break
    return out


def recover(
    text: str, lang: str = "kk", *, style: str | None = None, lexicon: Lexicon | None = None, suggest: bool = True
) -> Recovery:
    """Recover the Kazakh Cyrillic of the Latin-typed words in ``text``.

    ``style`` is the Latin style (``kk-news``, ``kk-latin-2021``, ``-2018``,
    ``-2017``); by default it is read off the text's letters. Cyrillic and
    other non-Latin text passes through unchanged. ``suggest=False`` skips
    the search for suggestions (flagged words are still flagged): several
    times faster on text with many unknown words.

    >>> recover("Otbasylyk oku - tarbiye kozi").text
    'Отбасылық оқу – тәрбие көзі'
    """
    if lang != "kk":
        from .errors import TranslitError

        raise TranslitError(f"recovery is implemented for Kazakh only, not {lang!r}")
    lexicon = lexicon or load_lexicon()
    style = style or detect_style(text)
    words: list[WordRecovery] = []
    after_lower = False
    for match in LATIN_WORD.finditer(text):
        latin = match.group(0)
        end = match.end()
        if latin[-1] in "'’" and style != "kk-latin-2017":
            latin, end = latin[:-1], end - 1
        # a capital after a lower-case word of the same sentence marks a name (not so in a title
        # typed in Title Case, where the word before has a capital too)
        proper = (after_lower and latin[0].isupper()
                  and not _SENTENCE_END.search(text, words[-1].end, match.start()))
        words.append(_word(latin, match.start(), end, _read_cased(lexicon, latin, style, suggest, proper)))
        after_lower = latin[0].islower()
    words = _agreement(words, text, lexicon)
    spliced = _splice(text, words, corrected=False)
    # the corrected text differs only where a flagged word has a suggestion
    if any(word.typo and word.suggestions for word in words):
        corrected = _splice(text, words, corrected=True)
    else:
        corrected = spliced
    return Recovery(source=text, style=style, words=tuple(words), text=spliced, corrected=corrected)


def _splice(text: str, words: list[WordRecovery], *, corrected: bool) -> str:
    parts: list[str] = []
    position = 0
    for word in words:
        between = text[position : word.start]
        parts.append(_SPACED_HYPHEN.sub(r"\1–\2", between) if position and "-" in between else between)
        parts.append(word.corrected if corrected else word.cyrillic)
        position = word.end
    parts.append(text[position:])
    return "".join(parts)


_WORD_CACHES = (skeleton, _fit, _letters, _read, _read_cased, _parses, _stem_ending, _chain_spelled, _scored_words,
                _chain_next)
"""What was computed for the words read so far: readings, scores, suffix parses, chain lookups."""
_INDEX_CACHES = (load_lexicon, _trigram_logs, _allowed, _suffix_index, _suffix_starts, _suffix_spellings,
                 _suffix_pieces, _sorted_extra, _endings, _corpus_index, _names_index, _sorted_chains,
                 _chain_skeletons)
"""What is built once for a lexicon or for the grammar, whatever the words read."""


def clear_word_caches(lexicon: Lexicon | None = None) -> None:
    """Forget the words read so far (and ``lexicon``'s lookups of them), keeping the lexicon and
    the indexes built for it: a long-running process frees the memory, and a benchmark's cold run
    starts where a fresh process that has loaded the lexicon would."""
    for cached in _WORD_CACHES:
        cached.cache_clear()
    if lexicon is not None:
        lexicon.forget()


# --------------------------------------------------------------------------
# Re-rendering Latin-Kazakh spans in one scheme


@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class RerenderedSpan:
    """One Latin-Kazakh span of a text and how it was written again."""

    start: int
    end: int
    source: str
    rendered: str
    recovery: Recovery


@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class Rerendering:
    """A text whose Latin-Kazakh spans are written again in ``scheme``."""

    text: str
    scheme: str
    spans: tuple[RerenderedSpan, ...]

    @property
    def typos(self) -> tuple[WordRecovery, ...]:
        """Flagged words of all spans (left as typed unless ``correct`` was asked for)."""
        return tuple(word for span in self.spans for word in span.recovery.typos)


def _kazakh_spans(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, detected style) of the Latin-Kazakh spans: whole blocks, sentences or quotes."""
    from .segment import segments

    chosen: list[tuple[int, int, str | None]] = []
    found = [s for s in segments(text) if s.detection.lang == "kk" and s.detection.romanized]
    for seg in sorted(found, key=lambda s: (s.level, s.start)):
        if any(seg.start < end and start < seg.end for start, end, _ in chosen):
            continue
        if seg.kind != "quote":
            # a sentence or block counts only when nearly all its words are Kazakh; otherwise
            # its quoted titles are taken one by one
            words = recover(seg.text, suggest=False).words
            if sum(word.known for word in words) < 0.9 * len(words):
                continue
        chosen.append((seg.start, seg.end, seg.detection.scheme))
    return sorted(chosen)


def rerender_report(text: str, scheme: str = "kk-news", *, correct: bool = False) -> Rerendering:
    """Find the Latin-Kazakh spans of ``text``, recover them and write them again in ``scheme``.

    An unknown word is left as typed, a flagged known word is written as read
    (with ``correct`` both take their top suggestion), so that nothing is
    silently rewritten; ``Rerendering.typos`` lists them with suggestions.
    """
    from .engine import load_scheme, romanize

    info = load_scheme(scheme).info  # an unknown scheme fails before any work
    if info.language != "kk":
        from .errors import UnknownSchemeError

        raise UnknownSchemeError(f"{scheme!r} writes {info.language!r}; Kazakh spans need a kk-* scheme")
    parts: list[str] = []
    spans: list[RerenderedSpan] = []
    position = 0
    for start, end, detected in _kazakh_spans(text):
        source = text[start:end]
        style = detected if detected in STYLES else None
        result = recover(source, style=style)
        rendered_parts: list[str] = []
        cursor = 0
        for word in result.words:
            rendered_parts.append(source[cursor : word.start])
            exonym = (
                bool(word.alternatives)
                and word.alternatives[0].source == "name"
                and fold(_lower(word.latin, result.style)) != skeleton(word.cyrillic)
            )
            unknown = word.typo and not word.known and not (correct and word.suggestions)
            if unknown or (exonym and scheme == "kk-news"):
                # an unknown word stays as typed (no guess is written); so does an exonym
                # (Kazakhstan, Karaganda) in news ASCII. A known word flagged for agreement is
                # re-spelled as read: the spelling changes, the word does not.
                rendered_parts.append(word.latin)
            else:
                rendered_parts.append(romanize(word.corrected if correct else word.cyrillic, scheme))
            cursor = word.end
        rendered_parts.append(source[cursor:])
        rendered = "".join(rendered_parts)
        spans.append(RerenderedSpan(start, end, source, rendered, result))
        parts.append(text[position:start])
        parts.append(rendered)
        position = end
    parts.append(text[position:])
    return Rerendering(text="".join(parts), scheme=scheme, spans=tuple(spans))


def rerender(text: str, scheme: str = "kk-news", *, correct: bool = False) -> str:
    """``text`` with every Latin-Kazakh span written again in ``scheme`` (see :func:`rerender_report`).

    >>> rerender('report "Otbasylyk oqu - tärbie kozi"', "kk-news")
    'report "Otbasylyk oku - tarbiye kozi"'
    """
    return rerender_report(text, scheme, correct=correct).text
