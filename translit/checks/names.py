"""Words and name-like phrases of a version, with what name checks need to know about them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .base import Version

# Possessive (++, *+): a run never needs to give back what it matched, and the engine then keeps no
# state to backtrack to, which is a fifth of its work.
_WORD = r"[^\W\d_]++(?:['’][^\W\d_]++)*+"
# Words of one name are separated by spaces or a hyphen only; punctuation ends a run.
_RUN = re.compile(rf"{_WORD}(?:(?:[ \u00a0]++|-){_WORD})*+")
_OPENING = " \t\r\n\x00\"'«»“”„(["
_SENTENCE_END = (".", "!", "?", "…", ":")
BODY_KINDS = frozenset({"paragraph", "list_item", "quote", "cell"})


@dataclass(slots=True)
class Word:
    """A word of the prose: ``initial`` when a capitalised word starts a sentence or a block.

    Not frozen: a post has thousands of words, and a frozen dataclass takes three times as long to make.
    """

    text: str
    start: int
    end: int
    initial: bool


def runs(version: Version, kinds: frozenset[str] = BODY_KINDS) -> list[list[Word]]:
    """Runs of words joined only by spaces or hyphens, in blocks of the given kinds."""
    cache = version.__dict__.setdefault("_values", {})
    if "runs" not in cache:
        cache["runs"] = _all_runs(version)
    return [run for kind, run in cache["runs"] if kind in kinds]


def _all_runs(version: Version) -> list[tuple[str, list[Word]]]:
    text = version.prose
    result: list[tuple[str, list[Word]]] = []
    for block in version.blocks:
        if block.kind == "code":
            continue
        for span_start, span_end in block.prose_spans:
            for found in _RUN.finditer(text, span_start, span_end):
                start = found.start()
                # Only a run's first word can start a sentence: the others follow a word and a space or hyphen.
                initial = False
                if text[start].isupper():
                    window_start = max(block.start, start - 8)
                    before = text[window_start:start].rstrip(_OPENING)
                    initial = before.endswith(_SENTENCE_END) if before else window_start == block.start
                result.append((block.kind, _words(found.group(), start, initial)))
    return result


def _words(run: str, start: int, initial: bool) -> list[Word]:
    """The words of a run that begins at ``start``, cut at the spaces and hyphens no word holds."""
    words = []
    for piece in run.replace("\u00a0", " ").replace("-", " ").split(" "):
        if piece:  # "" between two spaces
            words.append(Word(piece, start, start + len(piece), False))
        start += len(piece) + 1
    words[0].initial = initial
    return words


def is_caps(word: str) -> bool:
    """An acronym or a word in capitals (NLRK, ТЕЛ)."""
    return len(word) > 1 and word.isupper()


# A surname by its ending: Russian-style -ов/-ев/-ин (with gender and case endings of both
# languages) or the Kazakh patronymic surname -ұлы/-қызы; the root is what must agree across versions.
_CASE_TAIL = (
    "а|у|ой|ым|ом|е|ы|ых|ыми|"
    "а?(?:ның|нің|тың|тің|дың|дің|ға|ге|қа|ке|на|не|ны|ні|ты|ті|ды|ді|да|де|та|те|дан|ден|тан|тен|нан|нен|мен|бен|пен|дағы|дегі|ндағы|ндегі)"
)
_CYRILLIC_SURNAME = re.compile(
    rf"(?i)^(?P<root>[а-яёәғқңөұүһі-]{{2,}}?(?:ов|ев|ёв|ин|ын))(?:{_CASE_TAIL})?$"
    r"|^(?P<kroot>[а-яёәғқңөұүһі-]{3,}?)(?P<kin>ұлы|улы|қызы|кызы)(?:ның|на|ны|нда|нан|мен|ға)?$"
)
_LATIN_SURNAME = re.compile(
    r"(?i)^(?P<root>[a-z'-]{2,}?(?:ov|ev|yev|in|yn))(?:a|s|'s|’s)?$|^(?P<kroot>[a-z'-]{3,}?)(?P<kin>uly|uli|ulu|kyzy|qyzy|kizi)(?:'s|’s)?$"
)
# "Аиды", "Аидой", "Ерланом" and "Aida", "Erlan": first names decline in Russian.
_FIRST_NAME_ENDING = re.compile(r"(?:om|im|oi|ei|em)?[aeiouy]*$")
_INITIAL_BEFORE = re.compile(r"(?:^|[\s(«\"“])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?$")


@dataclass(frozen=True)
class PersonName:
    """A word of a person's name (first name or surname): ``key`` is equal in every language and case."""

    key: str
    text: str
    start: int
    end: int
    surname: bool


@lru_cache(maxsize=65536)
def name_key(word: str) -> str | None:
    """The cross-language key of a surname ("Есеновой", "Есенованың", "Yesenova" -> "esenov"), else None."""
    cyrillic = any("\u0400" <= char <= "\u04ff" for char in word)
    found = (_CYRILLIC_SURNAME if cyrillic else _LATIN_SURNAME).match(word)
    if found is None:
        return None
    root = found.group("root") or found.group("kroot")
    return _latin_skeleton(root, cyrillic) + ("+" if found.group("kin") else "")


@lru_cache(maxsize=65536)
def first_name_key(word: str) -> str:
    """The cross-language key of a first name: its spelling skeleton in Latin letters, without a Russian case ending."""
    key = _latin_skeleton(word, any("\u0400" <= char <= "\u04ff" for char in word))
    return _FIRST_NAME_ENDING.sub("", key) or key


def _latin_skeleton(word: str, cyrillic: bool) -> str:
    from ..transliteration.engine import romanize
    from .people import skeleton

    return skeleton(romanize(word, "kk-news") if cyrillic else word).replace("-", "")


def person_names(version: Version) -> list[PersonName]:
    """Words of people's names: runs of capitalised words holding a surname, or a surname after an initial."""
    cache = version.__dict__.setdefault("_values", {})
    if "person-names" in cache:
        return cache["person-names"]  # type: ignore[no-any-return]
    found: list[PersonName] = []
    for word_run in runs(version, BODY_KINDS | {"heading", "caption"}):
        for group in _capitalised_groups(word_run):
            keys = [name_key(word.text) for word in group]
            if not any(keys):
                continue
            after_initial = _INITIAL_BEFORE.search(version.prose[max(0, group[0].start - 4) : group[0].start]) is not None
            if len(group) < 2 and not after_initial or len(group) > 4:
                continue
            for word, key in zip(group, keys):
                found.append(PersonName(key or first_name_key(word.text), word.text, word.start, word.end, key is not None))
    cache["person-names"] = found
    return found


def _capitalised_groups(word_run: list[Word]) -> list[list[Word]]:
    """The runs of capitalised words inside a run; a sentence's first word is left out of a longer group."""
    groups: list[list[Word]] = []
    current: list[Word] = []
    for word in word_run:
        text = word.text
        if len(text) > 1 and text[0].isupper() and not text.isupper():
            current.append(word)
            continue
        if current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return [group[1:] if len(group) > 2 and group[0].initial else group for group in groups]
