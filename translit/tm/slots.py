"""Sentences with their protected parts abstracted into typed slots.

A memory entry must carry over to a new post with other names, dates and
numbers, so a sentence is stored as a *key*: the sentence with every part the
:class:`~translit.translation.protect.Protector` shields (people, institutions, places,
dates, times, numbers, phones, e-mails, URLs, romanized titles, inline markup)
written as ``⟦kind⟧``. "On March 3 the head of the Abai library opened …"
and "On May 12 the head of the Zhambyl library opened …" have one key. The
translation is stored as a *template*: the target sentence with the parts it
shares with the source written ``⟦1⟧ ⟦2⟧ …`` (the source's slots, in order),
which is exactly what a translation engine returns for a shielded sentence, so
:meth:`Protector.restore` fills a template with the current post's parts in the
target's language and case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..translation.protect import PLACEHOLDER_RE, Part, Protector, placeholder
from .store import Segment

__all__ = ["Abstracted", "SLOT_KINDS", "abstract", "fill", "make_protector", "pair", "pair_segments", "same_values", "slot_kind"]

SLOT_KINDS = {
    "person": "person", "institution": "institution", "place": "institution",
    "date": "date", "time": "time", "number": "number", "percent": "number",
    "phone": "phone", "email": "url", "url": "url", "title": "title", "markup": "markup",
}
"""The type of slot each kind of protected part becomes; other parts (``literal``) stay text."""

_SLOT_TOKEN = "⟦{}⟧"
_SPACES = re.compile(r"\s+")


def make_protector(config: Any, glossary: Any = None) -> Protector:
    """The protector ``translit post`` uses for this configuration (same glossary, schemes, dates)."""
    from ..translation.versions import _load_glossary, _Pipeline

    return _Pipeline(config, None, glossary if glossary is not None else _load_glossary(config), []).protector


def slot_kind(part: Part) -> str | None:
    """The slot type of ``part``, or None when it stays text in the key."""
    return SLOT_KINDS.get(part.kind)


def _plain(part: Part) -> str:
    """What a part reads as in the text (a link: its words)."""
    if part.kind == "markup" and isinstance(part.payload, tuple):
        unit = part.payload[1]
        return unit.mt.source if unit.mt is not None else ""
    return part.text


@dataclass(frozen=True)
class Abstracted:
    """One sentence: its key, its plain text and its slots (the parts, in the order they occur)."""

    key: str
    text: str
    slots: tuple[Part, ...]
    numbers: tuple[int, ...]
    """The placeholder number of each slot in the shielded sentence it came from."""
    shielded: str = ""
    parts: tuple[Part, ...] = ()

    @property
    def kinds(self) -> str:
        """The slot types in order, space-separated: a template only fits a sentence with the same."""
        return " ".join(slot_kind(part) or "" for part in self.slots)

    def keeping(self, kept: set[int]) -> "Abstracted":
        """The same sentence with only the slots ``kept`` (0-based) abstracted; the others are text in the key."""
        return abstract(self.shielded, self.parts, keep={self.numbers[i] for i in kept})


def abstract(shielded: str, parts: Sequence[Part], keep: set[int] | None = None) -> Abstracted:
    """The key of a shielded sentence (``⟦n⟧`` standing for ``parts[n-1]``).

    ``keep`` limits the slots to those placeholder numbers (a part the
    translation does not share stays text, so only that same text matches).
    """
    key: list[str] = []
    text: list[str] = []
    slots: list[Part] = []
    numbers: list[int] = []
    pos = 0
    for found in PLACEHOLDER_RE.finditer(shielded):
        number = int(found.group(1))
        if not 1 <= number <= len(parts):
            continue
        piece = shielded[pos:found.start()]
        key.append(piece)
        text.append(piece)
        part = parts[number - 1]
        kind = slot_kind(part)
        if kind is None or (keep is not None and number not in keep):
            key.append(_plain(part))
        else:
            key.append(_SLOT_TOKEN.format(kind))
            slots.append(part)
            numbers.append(number)
        text.append(_plain(part))
        pos = found.end()
    key.append(shielded[pos:])
    text.append(shielded[pos:])
    return Abstracted(_norm("".join(key)), _norm("".join(text)), tuple(slots), tuple(numbers), shielded, tuple(parts))


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _identity(part: Part, index_of_kind: int) -> tuple[str, ...]:
    """What a part is whatever language it is written in: the entity, the value, the digits."""
    kind = slot_kind(part) or ""
    mention = part.mention
    if mention is not None and getattr(mention, "entity", None):
        return (kind, "entity", str(mention.entity))
    if part.entity is not None and part.kind not in ("url", "email"):
        value = part.entity.value
        return (kind, "value", str(value))
    if kind == "url":
        return (kind, part.text.lower().rstrip("/"))
    if kind == "person":
        return (kind, "name", *_name_stems(part.text))
    return (kind, "order", str(index_of_kind))


def _name_stems(name: str) -> tuple[str, ...]:
    from ..transliteration.engine import romanize

    latin = romanize(name, "kk-news") if re.search(r"[\u0400-\u04ff]", name) else name
    letters = re.sub(r"[^a-z ]", "", latin.lower().replace("-", " "))
    return tuple(sorted({word[:4] for word in letters.split() if len(word) >= 3}))


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a[0] != b[0]:
        return False
    if a[1:2] == b[1:2] == ("name",):
        return bool(set(a[2:]) & set(b[2:]))
    return a == b


def pair(source: Abstracted, target: Abstracted, tgt: str) -> tuple[Abstracted, str]:
    """The source as stored (only the slots the target shares) and the target (in ``tgt``) as a template.

    A part is shared when it is the same entity, the same value (a date, a
    number), the same link or name, or failing that the only part of its type
    on both sides. In the template a shared part is ``⟦j⟧`` (the ``j``-th
    slot of the stored source); any other part is written as it stands. A
    Kazakh name or date in a case keeps its ending after the slot (``⟦1⟧да``),
    which is how :meth:`Protector.restore` reads the case a name needs.
    """
    def identities(parts: Sequence[Part]) -> list[tuple[str, ...]]:
        seen: dict[str, int] = {}
        out = []
        for part in parts:
            kind = slot_kind(part) or ""
            out.append(_identity(part, seen.get(kind, 0)))
            seen[kind] = seen.get(kind, 0) + 1
        return out

    source_ids = identities(source.slots)
    target_ids = identities(target.slots)
    chosen: dict[int, int] = {}  # target slot -> source slot (both 0-based)
    for t, tid in enumerate(target_ids):
        match = next((s for s, sid in enumerate(source_ids) if s not in chosen.values() and _same(sid, tid)), None)
        if match is not None:
            chosen[t] = match
    for t, tid in enumerate(target_ids):
        free_source = [s for s, sid in enumerate(source_ids) if s not in chosen.values() and sid[0] == tid[0]]
        free_target = [u for u, uid in enumerate(target_ids) if u not in chosen and uid[0] == tid[0]]
        if t not in chosen and len(free_source) == 1 and len(free_target) == 1:
            chosen[t] = free_source[0]
    kept = sorted(set(chosen.values()))
    stored = source.keeping(set(kept))
    slot_of = {number: t for t, number in enumerate(target.numbers)}

    def write(found: re.Match[str]) -> str:
        number = int(found.group(1))
        if not 1 <= number <= len(target.parts):
            return found.group()
        t = slot_of.get(number)
        if t is not None and t in chosen:
            return placeholder(kept.index(chosen[t]) + 1) + (_kk_ending(target.parts[number - 1]) if tgt == "kk" else "")
        return _plain(target.parts[number - 1])

    return stored, _norm(PLACEHOLDER_RE.sub(write, target.shielded))


_VALUE_KINDS = frozenset({"date", "time", "number", "phone", "url"})


def pair_segments(row: Mapping[str, Abstracted], origin: str, unit: str) -> list[Segment]:
    """The segments of one row of sentences: every language to every other."""
    out = []
    for src, source in row.items():
        for tgt, target in row.items():
            if src == tgt:
                continue
            stored, template = pair(source, target, tgt)
            out.append(Segment(src, tgt, stored.key, stored.kinds, source.text, target.text, template, origin, unit))
    return out


def same_values(a: Abstracted, b: Abstracted) -> bool:
    """Whether two sentences hold the same dates, times, numbers, phones and links: a translation keeps them all."""
    def values(sentence: Abstracted) -> list[tuple[str, ...]]:
        return sorted(_identity(part, 0) for part in sentence.slots if slot_kind(part) in _VALUE_KINDS)

    return values(a) == values(b)


_KK_ENDINGS = {"gen": "ның", "dat": "ға", "acc": "ны", "loc": "да", "abl": "дан", "ins": "мен", "attr": "дағы",
               "poss_loc": "нда", "poss_attr": "ндағы"}


def _kk_ending(part: Part) -> str:
    """The case ending a Kazakh name or date carries, as an ending the restorer reads (any vowel harmony)."""
    if part.kind == "date" and part.entity is not None:
        return _KK_ENDINGS.get(part.entity.detail, "")
    if part.kind in ("institution", "person") and part.mention is not None:
        return _KK_ENDINGS.get(str(getattr(part.mention, "case", None) or ""), "")
    return ""


def fill(template: str, numbers: Sequence[int]) -> str:
    """A template with slot ``j`` written as the placeholder of the current sentence's ``j``-th slot."""
    def write(found: re.Match[str]) -> str:
        j = int(found.group(1))
        return placeholder(numbers[j - 1]) if 1 <= j <= len(numbers) else found.group()

    return PLACEHOLDER_RE.sub(write, template)
