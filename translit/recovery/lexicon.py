"""The Kazakh lexicon: its file format, the names list, the glossary words and the
letter-trigram model, loaded into one :class:`Lexicon` indexed by skeleton.
"""

from __future__ import annotations

import codecs
import gzip
import importlib
import math
import re
import zlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from mypy_extensions import mypyc_attr
from pathlib import Path
from typing import TYPE_CHECKING

from ..resources import bundled_dir
from .spelling import _lower, skeleton

if TYPE_CHECKING:
    from .index_cache import EnglishWords
    from .lexicon_cache import KeyIndex, Records


LEXICON_FILE = "kk_lexicon.txt.gz"
RECORD_ENCODING = "kz1048"
"""One byte a letter (the Kazakh Cyrillic code page): a third less to decompress than UTF-8."""
_RECORD_TABLE: str = importlib.import_module(f"encodings.{RECORD_ENCODING}").decoding_table
"""The code page's 256 letters, for :func:`codecs.charmap_decode`: the codec's own decode method
is a Python-level call around the same function, on every lexicon lookup."""
TRIGRAM_FILE = "kk_trigrams.tsv"
FORM_TRIGRAM_FILE = "kk_form_trigrams.tsv"
"""Letter trigram counts of the lexicon's word forms, each once (``trigram<TAB>count``)."""
CLOSED_MARK = "|"
"""Divides a record's words that may take a suffix from its closed forms (:data:`CASE_ENDINGS`)."""
NAMES_FILE = "kk_names.tsv"
ENGLISH_FILE = "en_words.txt.gz"
"""English words with their Zipf frequency x 100 (``word<TAB>zipf``), built by bench/build_en_words.py."""
KEPT_FILE = "latin_kept.txt"
"""Words Kazakh text keeps in Latin letters (brands, products, technical terms), one a line."""


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
    records: tuple[bytes, ...] | Records
    """A tuple, or for the bundled lexicon read from the cache the :class:`Records` of one buffer."""
    attested: tuple[str, ...] = ()
    """Skeletons with a word the corpus showed (the real-word slips are looked up among them)."""
    extra: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    trigrams: dict[str, int] = field(default_factory=dict)
    form_trigrams: dict[str, int] = field(default_factory=dict)
    """Letter trigram counts of the word forms (:data:`FORM_TRIGRAM_FILE`): how unknown words are spelled."""
    english: dict[str, int] | EnglishWords = field(default_factory=dict)
    """Lower-case English words with their Zipf frequency x 100 (:data:`ENGLISH_FILE`); for the bundled list
    read from the cache, looked up where it lies."""
    kept: frozenset[str] = frozenset()
    """Lower-case words kept in Latin letters whatever the context (:data:`KEPT_FILE`)."""
    index: KeyIndex | None = None
    """For the lexicon read from the cache: its skeletons, looked up without ``keys`` (then empty and
    split from the index on first use: 75 MB that only the typo search needs)."""

    def record(self, key: str) -> str:
        """The raw record of skeleton ``key`` ("" when no word has it)."""
        found = self.extra.get(key)
        if found is not None:
            return found
        i = self._position(key)
        return codecs.charmap_decode(self.records[i], None, _RECORD_TABLE)[0] if i >= 0 else ""

    def _position(self, key: str) -> int:
        """The index of skeleton ``key`` in ``keys``, or -1."""
        keys: tuple[str, ...] | None = self.__dict__.get("keys")
        if keys is None and self.index is not None:
            return self.index.position(key)
        keys = self.keys
        i = bisect_left(keys, key)
        return i if i < len(keys) and keys[i] == key else -1

    def __getattr__(self, name: str) -> tuple[str, ...]:
        # only ever called for "keys" of a lexicon read from the cache, until they are split once
        if name != "keys" or self.index is None:
            raise AttributeError(name)
        keys = self.index.keys()
        object.__setattr__(self, "keys", keys)
        return keys

    def __post_init__(self) -> None:
        if self.index is not None:
            object.__delattr__(self, "keys")  # split from the index when first read (__getattr__)
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
        steps = _trigram_steps(self)
        total = 0.0
        pair = "^^"
        for char in word:
            value, pair = steps.step(pair, char)
            total += value
        return (total + steps.step(pair, "$")[0]) / (len(word) + 1)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return key in self.extra or self._position(key) >= 0


@lru_cache(maxsize=4)
def _trigram_steps(lexicon: Lexicon) -> TrigramSteps:
    """The letter-trigram model of :meth:`Lexicon.letters` (:func:`trigram_steps` of the corpus's)."""
    return trigram_steps(lexicon.trigrams)


class TrigramSteps:
    """A letter-trigram model walked a letter at a time: after the two letters ``pair``, what
    ``char`` adds to the log-probability and the pair it leaves. Scoring a spelling then slices,
    joins and hashes no trigram strings: the letter model scores every reading, and every
    spelling in the beam of :func:`~.letters.decode`."""

    def __init__(self, after: dict[str, dict[str, tuple[float, str]]], unseen: dict[str, float]) -> None:
        self.after = after
        """pair -> letter -> (log-probability, next pair): every seen trigram, and each unseen one met"""
        self.unseen = unseen

    def step(self, pair: str, char: str) -> tuple[float, str]:
        following = self.after.get(pair)
        if following is None:
            following = self.after[pair] = {}
        found = following.get(char)
        if found is None:
            # an unseen trigram: a few thousand are met, kept as they are
            found = following[char] = (self.unseen.get(pair, _UNSEEN_LOG), pair[1] + char)
        return found


def trigram_steps(trigrams: dict[str, int]) -> TrigramSteps:
    """The model of the trigram counts ``trigrams``, add-half smoothed: the log-probability of each
    seen trigram, of an unseen one after each seen bigram, :data:`_UNSEEN_LOG` after any other."""
    bigrams: dict[str, int] = {}
    for gram, count in trigrams.items():
        bigrams[gram[:2]] = bigrams.get(gram[:2], 0) + count
    after: dict[str, dict[str, tuple[float, str]]] = {}
    for gram, count in trigrams.items():
        if len(gram) == 3:
            pair = gram[:2]
            following = after.get(pair)
            if following is None:
                following = after[pair] = {}
            following[gram[2]] = (math.log((count + 0.5) / (bigrams[pair] + 20.0)), gram[1:])
    return TrigramSteps(after, {pair: math.log(0.5 / (count + 20.0)) for pair, count in bigrams.items()})


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
    from ..errors import TranslitError

    try:
        return _split_lexicon(decompressed(path))
    except (OSError, ValueError, EOFError) as exc:
        raise TranslitError(f"not a translit lexicon file ({exc})", path=path) from None


def decompressed(path: Path) -> bytes:
    """The bytes of a lexicon file, gunzipped when it is a .gz."""
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def file_blocks(data: bytes) -> tuple[bytes, bytes, bytes]:
    """The skeletons, the attested skeletons and the records of a decompressed lexicon file (see
    :func:`read_lexicon`): each skeleton's line ends with a newline, the last record's may not."""
    position = 0
    while data.startswith(b"#", position):
        position = data.index(b"\n", position) + 1
    blocks: list[bytes] = []
    for label in (b"keys", b"attested"):
        end = data.index(b"\n", position)
        found, _, size = data[position:end].partition(b" ")
        if found != label:
            raise ValueError(f"no {label.decode()!r} line")
        position = end + 1 + int(size)
        blocks.append(data[end + 1 : position])
    return blocks[0], blocks[1], data[position:]


def _split_lexicon(data: bytes) -> tuple[tuple[str, ...], tuple[bytes, ...], tuple[str, ...]]:
    """The three blocks of a decompressed lexicon file (see :func:`read_lexicon`)."""
    key_block, attested_block, record_block = file_blocks(data)
    keys, attested = (block[:-1].decode("ascii").split("\n") if block else [] for block in (key_block, attested_block))
    records = record_block.rstrip(b"\n").split(b"\n")
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


def read_english(path: Path) -> dict[str, int]:
    """English words and their Zipf frequency x 100 (:data:`ENGLISH_FILE`; gzip, ``#`` comments)."""
    if not path.is_file():
        return {}
    words: dict[str, int] = {}
    for line in gzip.decompress(path.read_bytes()).decode("ascii").splitlines():
        if line and not line.startswith("#"):
            word, _, zipf = line.partition("\t")
            words[word] = int(zipf)
    return words


def read_kept(path: Path) -> list[str]:
    """The words of :data:`KEPT_FILE` as written there (``#`` starts a comment)."""
    if not path.is_file():
        return []
    return [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.split("#", 1)[0].strip()]


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
    from .index_cache import cached_additions, cached_english  # here: they import this module
    from .lexicon_cache import cached_lexicon

    folder = lexicon_dir()
    keys, records, attested, index = (*read_lexicon(Path(path)), None) if path else cached_lexicon(folder / LEXICON_FILE)
    lexicon = Lexicon(keys=keys, records=records, index=index)

    def derive() -> tuple[dict[str, str], dict[str, str], dict[str, int], dict[str, int]]:
        names, extra = _added_words(lexicon, folder)
        return names, extra, read_trigrams(folder / TRIGRAM_FILE), read_trigrams(folder / FORM_TRIGRAM_FILE)

    names, extra, trigrams, form_trigrams = derive() if path else cached_additions(folder, derive)
    return Lexicon(keys=keys, records=records, attested=attested, extra=extra, names=names, index=index,
                   trigrams=trigrams, form_trigrams=form_trigrams, english=cached_english(folder / ENGLISH_FILE),
                   kept=frozenset(word.lower() for word in read_kept(folder / KEPT_FILE)))


def _added_words(lexicon: Lexicon, folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The names list (lower-case Latin spelling: Cyrillic) and the records of the names-list and
    glossary words by skeleton, each counted at least :data:`NAME_COUNT` (:func:`load_lexicon`)."""
    names: dict[str, str] = {}
    for cyr, latin in read_names(folder / NAMES_FILE):
        names.setdefault(_lower(latin, "kk-news"), cyr)
    extra: dict[str, str] = {}
    words = {cyr.lower() for cyr in names.values() if " " not in cyr} | _glossary_words()
    # a woman's surname is the man's with -а (Назарбаева, Тоқаева): without it, a typo search
    # "corrects" Nazarbayeva to the man's name one letter away
    words |= {word + "а" for word in words if word.endswith(_SURNAME_ENDINGS)}
    for word in sorted(words):
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
    return names, extra


_SURNAME_ENDINGS = ("ов", "ев", "ёв")
"""Endings of a man's surname whose feminine adds -а (-ин is left out: Карин, Карина are given names too)."""

NAME_COUNT = 20
"""Corpus count given to a names-list or glossary word the corpus never showed: these are the
words of the posts translit is made for (places, institutions, conference, mission), so a
typo is more likely one of them than a rare dictionary form."""


@lru_cache(maxsize=4)
def _sorted_extra(lexicon: Lexicon) -> tuple[str, ...]:
    """The skeletons of the names-list and glossary words, sorted (for prefix ranges)."""
    return tuple(sorted(lexicon.extra))


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
