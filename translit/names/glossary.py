"""Institutions, places and people: find every form of a name, give the official one.

A glossary is a set of TOML files (``glossaries/*.toml``, format in
``glossaries/README.md``). Each entry lists the official form of a name in
Kazakh, Russian and English, accepted variants, discouraged or wrong
variants and former names. Only base forms are written down: the Russian
cases come from pymorphy3 (``morph_ru``), the Kazakh case and possessive
endings from ``morph_kk``; English possessives and Kazakh endings after a
hyphen on abbreviations (ҰАК-та) are recognised while matching.

Every form is compiled once into a trie keyed by folded word tokens, so
finding names in a 10,000-word post is one pass over its words. Folding
covers what real drafts contain: letter case, ё/е, Latin look-alike
letters typed inside Cyrillic words (including Latin i for Kazakh і),
quotes, punctuation, extra spaces and line breaks inside a name.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any

import regex

from ..morphology import morph_kk, morph_ru
from ..errors import GlossaryError
from ..transliteration.homoglyphs import LATIN_TO_CYRILLIC_KK
from ..resources import bundled_dir
from ..lines import line_column  # re-exported: FILE:LINE:COL for reports
from .glossary_files import (
    LANGS, Ambiguity, Entity, GlossaryFile, Origin, Variant, glossary_files, parse_file,
)
from .renaming import RENAMED_POLICIES, day_after, earliest_day, post_date, renamed_policy

STATUSES: tuple[str, ...] = ("official", "accepted", "discouraged", "outdated", "ambiguous")
_STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}
_CASE_ORDER = {
    case: rank
    for rank, case in enumerate(("nom", "gen", "dat", "acc", "ins", "prep", "loc", "abl", "attr", "poss"))
}
_CASES: Mapping[str, tuple[str, ...]] = {"en": ("nom", "poss"), "kk": morph_kk.CASES, "ru": morph_ru.CASES}
"""The cases :meth:`Glossary.canonical` gives per language (English: the possessive "'s")."""

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# Characters that are never part of a word: punctuation, quotes, dashes, what blanks markup out (NUL).
_NOT_WORD = "".join(chr(code) for code in range(33, 128) if not chr(code).isalnum()) + "«»“”„‘’‹›—–‑‐…·•\u00a0\t\r\x00"
# Punctuation that ends a phrase: a name never runs across it (a blank line counts too).
_BARRIER = regex.compile(r"[!?;:|/\\]|\n[ \t\r]*\n")
_APOSTROPHES = frozenset("'’ʼ`´")
_QUOTES = frozenset("«»\"“”„‘’‹›'")
_QUOTE_MARK = re.compile(r"[«»\"“”„‹›]")  # re, not regex: the same letters, and cheaper to call
_HYPHENS = frozenset("-‐‑–—")
_LATIN_LETTER = re.compile(r"[a-z]")
_CYRILLIC_LETTER = regex.compile(r"\p{Cyrillic}")
# Latin letters that look like Cyrillic ones, after lower-casing (H→h→н, B→b→в …).
_LOOKALIKES = str.maketrans({lat.lower(): cyr.lower() for lat, cyr in LATIN_TO_CYRILLIC_KK.items()})
_RU_PREPOSITION_CASES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("в", "во", "на", "о", "об", "обо", "при"), ("prep", "acc")),
    **dict.fromkeys(("к", "ко", "по"), ("dat",)),
    **dict.fromkeys(("из", "от", "до", "у", "для", "без", "около", "после", "среди", "возле", "кроме", "из-за"), ("gen",)),
    **dict.fromkeys(("с", "со"), ("ins", "gen")),
    **dict.fromkeys(("за", "под", "над", "перед", "между"), ("ins", "acc")),
    **dict.fromkeys(("про", "через"), ("acc",)),
}


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Conflict:
    """Two entries claim the same form; the later one wins."""

    form: str
    lang: str
    kept: str
    kept_origin: Origin
    dropped: str
    dropped_origin: Origin

    def __str__(self) -> str:
        return (
            f"{self.kept_origin}: {self.lang} form {self.form!r} of {self.kept} is also claimed by "
            f"{self.dropped} at {self.dropped_origin}; {self.kept} wins"
        )


@dataclass(frozen=True)
class Mention:
    """A name found in text."""

    entity: str | None
    candidates: tuple[str, ...]
    start: int
    end: int
    text: str
    form: str
    lang: str
    status: str
    case: str | None = None
    cases: tuple[str, ...] = ()
    possessive: str | None = None
    reason: str = ""
    use: str | None = None
    variant: str = ""  # the matched variant's own status, before capitals or Latin letters made it discouraged
    until: str | None = None  # for a former name: when it ended


@dataclass(frozen=True)
class _FormInfo:
    """What one compiled token sequence stands for."""

    entity: str | None
    candidates: tuple[str, ...]
    lang: str
    status: str
    form: str
    cases: tuple[str, ...]
    possessive: str | None
    reason: str
    origin: Origin | None
    words: tuple[str, ...] = ()  # the form's word tokens, for the capitalisation check
    use: str | None = None
    until: str | None = None


# --------------------------------------------------------------------------- folding


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """Fold one word for matching: NFC, lower case, ё→е, Latin look-alikes inside Cyrillic words."""
    folded = unicodedata.normalize("NFC", token).lower().replace("ё", "е")
    if not folded.isascii() and _LATIN_LETTER.search(folded) and _CYRILLIC_LETTER.search(folded):
        folded = folded.translate(_LOOKALIKES)
    return folded


def _is_mixed_script(token: str) -> bool:
    if token.isascii():
        return False
    return bool(_LATIN_LETTER.search(token.lower()) and _CYRILLIC_LETTER.search(token))


def _any_mixed_script(words: Sequence[str]) -> bool:
    """Whether any of ``words`` mixes Latin and Cyrillic letters (most names have no Latin letter at all)."""
    return _is_mixed_script(" ".join(words)) and any(_is_mixed_script(word) for word in words)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens of ``text`` as (word, start, end); punctuation and spaces fall between them."""
    # The regex costs far more per token than str methods, and most of what stands between two spaces is
    # one word with punctuation around it: only the rest is matched (isalnum: letters and digits, all word characters).
    found: list[tuple[str, int, int]] = []
    offset = 0
    for piece in text.replace("\n", " ").split(" "):
        core = piece.lstrip(_NOT_WORD)
        start = offset + len(piece) - len(core)
        core = core.rstrip(_NOT_WORD)
        if core.isalnum():
            found.append((core, start, start + len(core)))
        elif core:
            found.extend((match.group(), *match.span()) for match in _WORD.finditer(text, start, start + len(core)))
        offset += len(piece) + 1
    return found


def fold(text: str) -> tuple[str, ...]:
    """The folded token sequence of a phrase, the key it is matched by."""
    return tuple(fold_token(word) for word, _, _ in tokens(text))


def _normal(word: str) -> str:
    return unicodedata.normalize("NFC", word).replace("ё", "е").replace("Ё", "Е")


def _capitalisation_ok(surface: Sequence[str], form: Sequence[str]) -> bool:
    """Surface words written as in the form; a capital first letter and ALL CAPS are allowed."""
    if tuple(surface) == tuple(form):
        return True
    if all(word.isupper() for word in surface if any(c.isalpha() for c in word)):
        return True
    for index, (seen, want) in enumerate(zip(surface, form)):
        if seen == want:
            continue
        seen, want = _normal(seen), _normal(want)
        if seen == want:
            continue
        if index == 0 and seen == want[:1].upper() + want[1:]:
            continue
        return False
    return True


# --------------------------------------------------------------------------- inflection


def _is_abbreviation(form: str) -> bool:
    """ҚР ҰК, НБ РК, КазНЭБ, NLRK: words with a capital after the first letter, or a short all-caps form."""
    words = [w for w, _, _ in tokens(form)]
    return bool(words) and all(
        (len(w) > 1 and w.isupper()) or any(c.isupper() for c in w[1:]) for w in words if any(c.isalpha() for c in w)
    )


def _ru_forms(form: str, entity: Entity) -> list[tuple[str, str]]:
    """(surface, case) for a Russian form; pymorphy3 is imported only here."""
    if _is_abbreviation(form) or not _CYRILLIC_LETTER.search(form) or not form[:1].isalpha():
        return [(form, case) for case in morph_ru.CASES]
    if entity.type == "person":
        table = morph_ru.inflect_person(form, entity.gender or "m")
    else:
        table = morph_ru.inflect_name(form, fixed=frozenset(w.lower() for w in entity.fixed))
    return [(surface, case) for case, surface in table.items()]


def _kk_forms(form: str, entity: Entity) -> list[tuple[str, str, str | None]]:
    """(surface, case, possessive) for a Kazakh form: the last word takes the endings."""
    if _is_abbreviation(form) or not _CYRILLIC_LETTER.search(form) or not form[-1:].isalpha():
        return [(form, "nom", None)]  # a quoted title does not decline: its generic noun does
    head, sep, last = form.rpartition(" ")
    proper = entity.type == "person" or (not sep and entity.type in ("city", "country", "region"))
    proper = proper or last[:1].isupper() and not morph_kk.has_possessive3(last)
    prefix = head + sep
    return [(prefix + surface, case, poss) for surface, case, poss in morph_kk.paradigm(last, proper=proper)]


_GENITIVE_AFTER_POSSESSIVE = ("ның", "нің")


def _izafet_variants(form: str) -> list[str]:
    """A Kazakh name with a possessed modifier written the other way (the head keeps its endings).

    "Қазақстан Республикасының Ұлттық кітапханасы" is also written
    "Қазақстан Республикасы Ұлттық кітапханасы", and "Қазақстан Республикасы
    Мәдениет және ақпарат министрлігі" also "Қазақстан Республикасының …":
    a modifier in the 3rd-person possessive may take the genitive or not
    when the head noun is possessed too.
    """
    words = form.split(" ")
    if len(words) < 3 or not morph_kk.has_possessive3(words[-1]):
        return []
    out: list[str] = []
    for index, word in enumerate(words[:-1]):
        lower = word.lower()
        if lower.endswith(_GENITIVE_AFTER_POSSESSIVE) and morph_kk.has_possessive3(word[:-3]):
            changed = word[:-3]
        elif lower.endswith(("сы", "сі")) and morph_kk.has_possessive3(word):
            changed = word + ("ның" if morph_kk.harmony(word) == "back" else "нің")
        else:
            continue
        out.append(" ".join([*words[:index], changed, *words[index + 1 :]]))
    return out


def _expand(variant: Variant, entity: Entity) -> list[tuple[str, tuple[str, ...], str | None]]:
    """Every inflected surface of a variant with the cases it can be and its possessive."""
    merged: dict[tuple[tuple[str, ...], str | None], tuple[str, list[str]]] = {}
    produced: list[tuple[str, str, str | None]]
    if variant.lang == "ru":
        produced = [(surface, case, None) for surface, case in _ru_forms(variant.form, entity)]
    elif variant.lang == "kk":
        produced = _kk_forms(variant.form, entity)
    else:
        produced = [(variant.form, "nom", None)]
    for surface, case, poss in produced:
        key = (fold(surface), poss)
        if key in merged:
            merged[key][1].append(case)
        else:
            merged[key] = (surface, [case])
    return [(surface, tuple(cases), poss) for (_, poss), (surface, cases) in merged.items()]


# --------------------------------------------------------------------------- the glossary


_TERMINAL = ""  # a token is never empty, so "" marks the end of a form in the trie


class Glossary:
    """A compiled glossary: find names in text, give official forms, lint and fix.

    Build one with :meth:`load`; it is immutable afterwards and safe to share.
    """

    def __init__(self, files: Sequence[GlossaryFile], *, compiled: bool = False) -> None:
        """Compile ``files``; ``compiled``: leave the forms to the caller (the start-up cache,
        :mod:`translit.names.glossary_cache`, fills them in)."""
        self.files: tuple[GlossaryFile, ...] = tuple(files)
        entities: dict[str, Entity] = {}
        for gfile in self.files:
            for entity in gfile.entities:
                entities[entity.id] = entity  # a later file overrides an entry with the same id
        self.entities: Mapping[str, Entity] = entities
        self.ambiguities: tuple[Ambiguity, ...] = tuple(a for f in self.files for a in f.ambiguities)
        self.conflicts: list[Conflict] = []
        self._trie: dict[str, Any] = {}
        self._canonical: dict[tuple[str, str], dict[tuple[str, str | None], str]] = {}
        # the surfaces of former names, for former_form without inflecting again
        self._former: dict[tuple[str, str, str], list[tuple[str, tuple[str, ...], str | None]]] = {}
        if not compiled:
            self._compile()

    # ---- construction

    @classmethod
    def load(cls, paths: Iterable[str | Path] | None = None, *, builtin: bool = True) -> "Glossary":
        """Built-in glossaries plus user files or directories (later ones extend or override).

        Loading is cached per list of files and their modification times.
        """
        if isinstance(paths, (str, Path)):
            raise GlossaryError(f"Glossary.load takes a list of files or folders, not one path (write [{str(paths)!r}])")
        files: list[Path] = []
        if builtin:
            files.extend(glossary_files([bundled_dir("glossaries")]))
        files.extend(glossary_files(paths or ()))
        stamp = tuple((str(p.resolve()), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
        return _load_cached(stamp)

    def _claim(self, key: tuple[str, ...], info: _FormInfo, *, generated: bool = False) -> None:
        """Record a form; a form written in a file wins over another's, a generated one never does."""
        node = self._trie
        for token in key:
            node = node.setdefault(token, {})
        infos: list[_FormInfo] = node.setdefault(_TERMINAL, [])
        owner = infos[0].candidates if infos else None
        if owner is not None and owner != info.candidates:
            if generated:
                return
            old = infos[0]
            self.conflicts.append(
                Conflict(
                    info.form,
                    info.lang,
                    "|".join(info.candidates),
                    info.origin or Origin("?", 0),
                    "|".join(old.candidates),
                    old.origin or Origin("?", 0),
                )
            )
            infos.clear()
        infos.append(info)

    def _compile(self) -> None:
        for entity in self.entities.values():
            self._compile_entity(entity)
        known = set(self.entities)
        for ambiguity in self.ambiguities:
            missing = [e for e in ambiguity.entities if e not in known]
            if missing:
                raise GlossaryError(
                    f"ambiguous form {ambiguity.forms[0]!r} names unknown entities {', '.join(missing)}",
                    path=ambiguity.origin.path,
                    line=ambiguity.origin.line,
                )
            pseudo = Entity("", "term", {}, (), ambiguity.origin)
            reason = ambiguity.note or "names " + " or ".join(ambiguity.entities)
            for form in ambiguity.forms:
                variant = Variant(form, ambiguity.lang, "ambiguous", reason, None, ambiguity.origin)
                for surface, cases, poss in _expand(variant, pseudo):
                    self._claim(
                        fold(surface),
                        _FormInfo(
                            None, ambiguity.entities, ambiguity.lang, "ambiguous", surface, cases, poss, reason,
                            ambiguity.origin, tuple(w for w, _, _ in tokens(surface)),
                        ),
                    )

    def _compile_entity(self, entity: Entity) -> None:
        for variant in entity.variants:
            reason = variant.reason
            if variant.status == "outdated" and not reason:
                reason = "former name" + (f" (until {variant.until or entity.until})" if (variant.until or entity.until) else "")
            elif variant.status == "accepted" and not reason:
                reason = "accepted variant"
            elif variant.status == "discouraged" and not reason:
                reason = "discouraged variant"
            for surface, cases, poss in self._claim_variant(entity, variant, reason):
                if variant.status in ("official", "outdated") and variant.form == entity.names.get(variant.lang):
                    table = self._canonical.setdefault((entity.id, variant.lang), {})
                    for case in cases:
                        table.setdefault((case, poss), surface)
            if variant.lang == "kk":
                # The other izafet of a Kazakh name (Республикасының … ↔ Республикасы …) is the same entity, as right.
                status = "accepted" if variant.status == "official" else variant.status
                why = "izafet variant" if status == "accepted" and not variant.reason else reason
                for form in _izafet_variants(variant.form):
                    alternative = Variant(form, "kk", status, why, variant.until, variant.origin, variant.use)
                    self._claim_variant(entity, alternative, why, generated=True)

    def _claim_variant(
        self, entity: Entity, variant: Variant, reason: str, *, generated: bool = False
    ) -> list[tuple[str, tuple[str, ...], str | None]]:
        """Claim every inflected surface of a variant; returns them (surface, cases, possessive)."""
        expanded = _expand(variant, entity)
        if variant.status == "outdated" and not generated:
            self._former[(entity.id, variant.lang, variant.form)] = expanded
        for surface, cases, poss in expanded:
            info = _FormInfo(
                entity.id, (entity.id,), variant.lang, variant.status, surface, cases, poss, reason,
                variant.origin, tuple(w for w, _, _ in tokens(surface)), variant.use, variant.until or entity.until,
            )
            self._claim(fold(surface), info, generated=generated)
        return expanded

    # ---- lookup

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id; GlossaryError when there is none."""
        try:
            return self.entities[entity_id]
        except KeyError:
            raise GlossaryError(f"no entity {entity_id!r} in the glossary") from None

    def canonical(self, entity_id: str, lang: str, case: str | None = None, *, possessive: str | None = None) -> str:
        """The official form of an entity in ``lang``, in ``case`` for kk/ru ("gen", "loc", …) or "poss" for en."""
        entity = self.entity(entity_id)
        official = entity.official(lang)
        if official is None:
            raise GlossaryError(f"{entity_id} has no official {lang} form")
        if case in (None, "nom"):
            return official
        if case not in _CASES[lang]:
            raise GlossaryError(f"unknown case {case!r} for {lang}; use one of {', '.join(_CASES[lang])}")
        if lang == "en":
            return official + "'s"
        table = self._canonical.get((entity_id, lang), {})
        if lang == "kk" and _is_abbreviation(official):
            return morph_kk.hyphenated(official, case)
        return table.get((case, possessive)) or table.get((case, None)) or table.get((case, "3")) or official

    # ---- renamed entities

    def today(self, entity_id: str) -> str:
        """The entity that carries on ``entity_id`` today (itself unless it was succeeded)."""
        seen = {entity_id}
        entity = self.entity(entity_id)
        while entity.successor and entity.successor in self.entities and entity.successor not in seen:
            seen.add(entity.successor)
            entity = self.entities[entity.successor]
        return entity.id

    def former(self, mention: Mention, lang: str) -> Variant | None:
        """The ``lang`` form of the former name ``mention`` is written in, or None.

        A former institution (an entity with a successor) has its old official
        names; a renamed place has outdated variants, matched across languages
        by the date the name ended (Nur-Sultan ↔ Нур-Султан ↔ Нұр-Сұлтан).
        """
        if mention.entity is None:
            return None
        entity = self.entities[mention.entity]
        # any form of a succeeded institution or region is a former name, a wrong one too ("South Kazakhstan")
        if entity.successor:
            official = entity.official(lang)
            return Variant(official, lang, "outdated", until=entity.until) if official else None
        if mention.status != "outdated" or mention.until is None:
            return None
        return next((v for v in entity.forms(lang) if v.status == "outdated" and v.until == mention.until), None)

    def keeps_former_name(
        self, mention: Mention, langs: Iterable[str], *, renamed: str = "post-date", date: datetime.date | None = None
    ) -> bool:
        """Whether a post keeps the former name ``mention`` is written in, in every version (``langs``).

        ``renamed`` is "today" (always today's name) or "post-date": the name
        as of the post's ``date``, and the name the draft used when the date
        is unknown or falls in the year of a change known only by its year.
        A former name some version cannot write is replaced everywhere, so the
        versions never disagree.
        """
        if renamed not in RENAMED_POLICIES:
            raise GlossaryError(f"renamed = {renamed!r}: use one of {', '.join(RENAMED_POLICIES)}")
        variant = self.former(mention, mention.lang) if renamed != "today" else None
        if variant is None or (date is not None and variant.until and date >= day_after(variant.until)):
            return False
        return all(self.former(mention, lang) is not None for lang in langs)

    def right_on(self, mention: Mention, date: datetime.date) -> bool:
        """Whether the former name ``mention`` is written in was certainly still in use on ``date``."""
        variant = self.former(mention, mention.lang)
        return bool(variant is not None and variant.until and date < earliest_day(variant.until))

    def former_form(self, mention: Mention, lang: str, case: str | None = None, *, possessive: str | None = None) -> str | None:
        """The former name of ``mention`` in ``lang``, in ``case`` (None when ``lang`` has no such name)."""
        variant = self.former(mention, lang)
        if variant is None:
            return None
        if case in (None, "nom") or lang == "en":
            return variant.form + ("'s" if lang == "en" and case == "poss" else "")
        entity = self.entities[mention.entity or ""]
        expanded = self._former.get((entity.id, lang, variant.form)) or _expand(variant, entity)
        surfaces = {(c, poss): surface for surface, cases, poss in expanded for c in cases}
        return surfaces.get((case, possessive)) or surfaces.get((case, None)) or surfaces.get((case, "3")) or variant.form

    def search(self, word: str) -> list[Entity]:
        """Entities whose id or any form contains ``word`` (folded), ids sorted."""
        needle = " ".join(fold(word))
        raw = word.lower()
        hits = []
        for entity in self.entities.values():
            if raw in entity.id.lower() or any(needle and needle in " ".join(fold(v.form)) for v in entity.variants):
                hits.append(entity)
        return sorted(hits, key=lambda e: e.id)

    # ---- matching

    def find(self, text: str, lang: str | None = None, *, context: Iterable[str] = ()) -> list[Mention]:
        """Every name in ``text`` (longest match wins), in order; ``lang`` limits the forms to one language.

        A short form that could name several entities ("Ұлттық кітапхана")
        is resolved when exactly one of them is named in full in ``text`` or
        among the entity ids of ``context`` (the post's other versions).
        """
        return self.resolve(self._scan(text, lang), context)

    def resolve(self, mentions: Sequence[Mention], context: Iterable[str] = ()) -> list[Mention]:
        """``mentions`` with each ambiguous one resolved by the entities named elsewhere, if only one fits."""
        named = {m.entity for m in mentions if m.entity is not None} | set(context)
        out = []
        for mention in mentions:
            fitting = [c for c in mention.candidates if c in named]
            if mention.status == "ambiguous" and len(fitting) == 1:
                official = self.entities[fitting[0]].official(mention.lang) or fitting[0]
                mention = replace(
                    mention, entity=fitting[0], candidates=(fitting[0],), status="accepted", variant="accepted",
                    reason=f"short form of {official}, named in full in the post",
                )
            out.append(mention)
        return out

    def _scan(self, text: str, lang: str | None) -> list[Mention]:
        if lang is not None and lang not in LANGS:
            raise GlossaryError(f"unknown language {lang!r}; use kk, ru or en")
        words = tokens(text)
        folded = list(map(fold_token, map(itemgetter(0), words)))
        mentions: list[Mention] = []
        count = len(words)
        trie = self._trie
        free = 0  # the first token after the last mention
        # Only tokens that begin a form are visited (found in C): most words of a post begin none.
        for index in compress(range(count), map(trie.__contains__, folded)):
            if index < free:
                continue
            node = trie[folded[index]]
            best_end = -1
            best_infos: list[_FormInfo] = []
            cursor = index
            while True:
                infos = node.get(_TERMINAL)
                if infos:
                    usable = infos if lang is None else [i for i in infos if i.lang == lang]
                    if usable:
                        best_end, best_infos = cursor, usable
                cursor += 1
                node = node.get(folded[cursor]) if cursor < count else None
                # the punctuation between is looked at only when the name could go on
                if node is None or _BARRIER.search(text, words[cursor - 1][2], words[cursor][1]):
                    break
            if best_end < 0 or best_end == index and self._common_noun(words[index][0], best_infos):
                continue
            mentions.append(self._mention(text, words, index, best_end, best_infos))
            free = best_end + 1
        return mentions

    def _common_noun(self, word: str, infos: list[_FormInfo]) -> bool:
        """A lower-case word whose glossary form is capitalised: "үкімет", "the senate" are common nouns.

        Places and people keep matching (a lower-case "almaty" is a typo worth
        reporting); single-word institution names do not.
        """
        if not word.islower():
            return False
        for info in infos:
            if info.entity is None or not info.words or not info.words[0][:1].isupper():
                return False
            if self.entities[info.entity].type in ("city", "country", "region", "person"):
                return False
        return True

    def _mention(
        self, text: str, words: list[tuple[str, int, int]], first: int, last: int, infos: list[_FormInfo]
    ) -> Mention:
        start, end = words[first][1], words[last][2]
        surface_words = [w for w, _, _ in words[first : last + 1]]
        exact = [i for i in infos if _capitalisation_ok(surface_words, i.words)]
        if exact and all(i.status == "discouraged" for i in exact):
            # A wrong-capitals spelling listed as discouraged is a right form with wrong capitals: its fix is that form.
            right = {i.entity for i in exact}
            if any(i.entity in right and i.status in ("official", "accepted") for i in infos):
                exact = []
        pool = exact or infos
        best = min(pool, key=lambda i: (_STATUS_RANK[i.status], i.lang != "kk"))
        same = [i for i in pool if i.lang == best.lang and i.status == best.status and i.possessive == best.possessive]
        cases = tuple(sorted({c for i in same for c in i.cases}, key=lambda c: _CASE_ORDER.get(c, 99)))
        status, reason, possessive = best.status, best.reason, best.possessive
        if best.status == "official":
            reason = ""
        if status in ("official", "accepted") and _any_mixed_script(surface_words):
            status, reason = "discouraged", "Latin letters inside a Cyrillic word"
        elif not exact and status in ("official", "accepted"):
            status, reason = "discouraged", f"capitalisation: the glossary writes {best.form!r}"
        # Endings written after the name: Kazakh case after a hyphen (ҰАК-та), English 's.
        nxt = last + 1
        if nxt < len(words):
            gap = text[end : words[nxt][1]]
            following = words[nxt][0]
            suffix_case = morph_kk.HYPHEN_SUFFIXES.get(following.lower())
            if len(gap) == 1 and gap in _HYPHENS and suffix_case and (best.lang == "kk" or _is_abbreviation(best.form)):
                end = words[nxt][2]
                cases = (suffix_case,)
            elif len(gap) == 1 and gap in _APOSTROPHES and following.lower() == "s" and best.lang == "en":
                end = words[nxt][2]
                cases = ("poss",)
        # A quoted title («Дружные ребята») keeps its quotes inside the span, so a fix cannot double them.
        if best.form[:1] in _QUOTES and start > 0 and text[start - 1] in _QUOTES:
            start -= 1
        if best.form[-1:] in _QUOTES and end < len(text) and text[end] in _QUOTES and cases != ("poss",):
            end += 1
        # A quote opened inside the span is closed just after it (Service "Kazakhstan kitaptary").
        if len(_QUOTE_MARK.findall(text, start, end)) % 2 == 1:
            if end < len(text) and text[end] in _QUOTES:
                end += 1
            elif start > 0 and text[start - 1] in _QUOTES:
                start -= 1
        case = self._guess_case(text, start, cases, best.lang)
        entity = best.entity
        return Mention(
            entity, best.candidates, start, end, text[start:end], best.form, best.lang, status, case, cases,
            possessive, reason, best.use if status == best.status else None, best.status, best.until,
        )

    @staticmethod
    def _guess_case(text: str, start: int, cases: tuple[str, ...], lang: str) -> str | None:
        if len(cases) == 1:
            return cases[0]
        if not cases:
            return None
        if lang == "ru":
            before = _WORD.findall(text, max(0, start - 40), start)
            if before:
                for case in _RU_PREPOSITION_CASES.get(before[-1].lower(), ()):
                    if case in cases:
                        return case
        return cases[0]

    # ---- editing

    def replacement(self, mention: Mention, *, today: bool = False) -> str | None:
        """The form a fix writes for a mention, in its case, capitalised like it; None when ambiguous.

        An official or accepted form written with the wrong capitals or with
        Latin look-alike letters is respelled as the glossary writes it (the
        editor's choice of variant stays); any other form becomes the official one:
        today's for a former name, the name of its time for a wrong form of one
        ("South Kazakhstan" is South Kazakhstan region) unless ``today``.
        """
        if mention.entity is None:
            return None
        if mention.status == "discouraged" and mention.variant in ("official", "accepted"):
            return _respell(mention.text, mention.form)
        target = self.entity(self.today(mention.entity) if today or mention.status == "outdated" else mention.entity)
        if target.official(mention.lang) is None:
            return None
        if mention.use and (mention.lang == "en" or mention.case in (None, "nom")):
            base = mention.use
            if mention.case == "poss":
                base += next((c for c in mention.text if c in _APOSTROPHES), "'") + "s"
            out = base
        elif mention.lang == "en":
            base = target.official("en") or ""
            if mention.case == "poss":
                apostrophe = next((c for c in mention.text if c in _APOSTROPHES), "'")
                base = f"{base}{apostrophe}s"
            out = base
        else:
            out = self.canonical(target.id, mention.lang, mention.case, possessive=mention.possessive)
        if mention.text[:1].isupper() and out[:1].islower():
            out = out[:1].upper() + out[1:]
        return out

    def lint(self, text: str, lang: str | None = None, *, statuses: Iterable[str] | None = None) -> list[Mention]:
        """Mentions that need an editor: discouraged, outdated and ambiguous forms (or the given statuses).

        An accepted variant is as right as the official form, so it is not a finding.
        """
        wanted = _statuses(statuses) if statuses is not None else set(STATUSES) - {"official", "accepted"}
        return [m for m in self.find(text, lang) if m.status in wanted]

    def fix(
        self, text: str, lang: str | None = None, *, statuses: Iterable[str] = ("discouraged",)
    ) -> tuple[str, list[Mention]]:
        """Replace mentions with the given statuses by the official form in their case.

        Only discouraged forms are replaced by default: an accepted variant is
        right, which entity an ambiguous form means is the editor's call, and
        a former name can be right for a past event.
        """
        wanted = _statuses(statuses)
        changed: list[Mention] = []
        pieces: list[str] = []
        cursor = 0
        for mention in self.find(text, lang):
            if mention.status not in wanted:
                continue
            if mention.status == "accepted" and mention.entity and self.entities[mention.entity].type == "person":
                continue  # "Surname Name Patronymic" is as right as "Name Surname"; only misspellings are fixed
            new = self.replacement(mention)
            if new is None or new == mention.text:
                continue
            pieces.append(text[cursor : mention.start])
            pieces.append(new)
            cursor = mention.end
            changed.append(mention)
        pieces.append(text[cursor:])
        return "".join(pieces), changed

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def __len__(self) -> int:
        return len(self.entities)


def _statuses(statuses: Iterable[str]) -> set[str]:
    """The statuses a caller asked for; a misspelt one would silently select nothing."""
    if isinstance(statuses, str):
        raise GlossaryError(f"statuses is a list such as ('discouraged',), not the string {statuses!r}")
    wanted = set(statuses)
    unknown = sorted(wanted - set(STATUSES))
    if unknown:
        raise GlossaryError(f"unknown status {unknown[0]!r}; use one of {', '.join(STATUSES)}")
    return wanted


def _respell(text: str, form: str) -> str:
    """``text`` with its first words written as in ``form`` (the same words, folded alike).

    Separators and anything after the form (a hyphenated ending, 's) stay; a
    capital first letter (a sentence start) stays capital.
    """
    wanted = [w for w, _, _ in tokens(form)]
    out: list[str] = []
    cursor = 0
    for index, (word, start, end) in enumerate(tokens(text)[: len(wanted)]):
        new = wanted[index]
        if index == 0 and word[:1].isupper() and new[:1].islower():
            new = new[:1].upper() + new[1:]
        out.append(text[cursor:start] + new)
        cursor = end
    return "".join(out) + text[cursor:]


@lru_cache(maxsize=8)
def _load_cached(stamp: tuple[tuple[str, int, int], ...]) -> Glossary:
    """The glossary of these files, compiled once: read from the start-up cache when it holds them."""
    from . import glossary_cache

    return glossary_cache.load([Path(path) for path, _, _ in stamp])


__all__ = [
    "Ambiguity",
    "Conflict",
    "Entity",
    "Glossary",
    "GlossaryFile",
    "Mention",
    "Origin",
    "Variant",
    "fold",
    "fold_token",
    "line_column",
    "parse_file",
    "post_date",
    "renamed_policy",
    "tokens",
]
