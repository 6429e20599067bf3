"""Shield the parts of a sentence a translation engine must not touch, then restore them.

:meth:`Protector.shield` replaces institution names (from the glossary),
people's names, dates, times, numbers, phones, e-mails, URLs and Latin-typed
Kazakh titles by placeholders ``⟦1⟧ ⟦2⟧ …``.  The brackets are single
SentencePiece pieces that argostranslate and NLLB copy through (``_`` would
not survive: argos turns it into a space), and the digits never occur
elsewhere in a shielded sentence because every number is itself shielded.

:meth:`Protector.restore` puts each part back **in the target language's
form**: the glossary's official name in the grammatical case the target
sentence needs (read off the preposition before the placeholder, or the
source preposition), people's names transliterated for English with the
configured scheme (people-glossary spellings first; initials and order
kept), dates and numbers in the target's news style, contacts unchanged.
A placeholder the engine dropped is reported in :attr:`Restored.lost`,
never silently forgotten.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import regex

from ..names import people
from ..transliteration.alphabet import has_kazakh_letters
from ..names.entities import MONTHS, Entity, find_entities
from ..names.finding import _CYRILLIC, _KAZAKH_PATRONYMIC, _LATIN, _WORDS, find_names
from ..names.glossary import LANGS
from ..names.localize import fix_quotes, render_entity
from ..names.surnames import NamedPerson, PostPeople

__all__ = ["Part", "Shielded", "Restored", "Protector", "PLACEHOLDER", "find_names", "placeholder"]

PLACEHOLDER = "⟦{}⟧"
PLACEHOLDER_RE = regex.compile(r"⟦\s*(\d{1,6})\s*⟧")
_LETTER = regex.compile(r"\p{L}")
_LAST_WORD = regex.compile(r"(\p{L}+)[\s\u00a0]*$")
_TRAILING_THE = regex.compile(r"\bthe\s*$", regex.IGNORECASE)
_QUOTED = regex.compile(r"[\"“«„]([^\"“”«»„]{3,200})[\"”»“]")
_HAS_QUOTE = regex.compile(r"[«»“”\"]")
_QUOTE_MARKS = regex.compile(r"[«»“”„\"]")


def placeholder(n: int) -> str:
    """The token that stands for part ``n`` (1-based)."""
    return PLACEHOLDER.format(n)


@dataclass
class Part:
    """One protected part of a source sentence.

    ``kind``: date time number percent phone email url institution place person
    title markup literal (text that looks like a placeholder).  ``before`` is the source text just before the part (used to
    pick a grammatical case), ``entity``/``mention`` what was recognised, and
    ``payload`` lets the caller attach its own data (markup nodes); a surname alone
    carries the :class:`~translit.names.surnames.NamedPerson` the post named earlier.
    ``coord`` is the part this one is coordinated with ("by X and Y": Y takes
    X's case); ``cases`` records the case used per target language.
    """

    kind: str
    text: str
    lang: str
    before: str = ""
    entity: Entity | None = None
    mention: Any = None
    payload: Any = None
    coord: "Part | None" = None
    cases: dict[str, str | None] = field(default_factory=dict)
    case: str | None = None  # the case a name is written in in the source, when no glossary mention says it


BEFORE_CHARS = 200
"""How much of the text before a part is kept to pick its case (its last words, a dateline)."""


class _Taken:
    """The text claimed by parts so far, as sorted disjoint intervals: whether a span is free in O(log n).

    A sentence of thousands of names (a pasted list, a CMS body on one line) was quadratic when every
    new span was compared with every part before it.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` overlaps no claimed interval."""
        last = bisect.bisect_left(self.starts, b) - 1  # the claimed interval starting last before b
        return last < 0 or self.ends[last] <= a

    def add(self, a: int, b: int) -> None:
        """Claim ``[a, b)``, merged with the intervals it overlaps or touches."""
        first = bisect.bisect_left(self.ends, a)
        past = bisect.bisect_right(self.starts, b)
        if first < past:
            a, b = min(a, self.starts[first]), max(b, self.ends[past - 1])
        self.starts[first:past] = [a]
        self.ends[first:past] = [b]


@dataclass
class Shielded:
    """A sentence with placeholders, and the parts they stand for (``parts[i]`` is ⟦i+1⟧)."""

    source: str
    text: str
    parts: list[Part] = field(default_factory=list)

    @property
    def has_prose(self) -> bool:
        """Whether anything but placeholders, digits and punctuation is left to translate."""
        return bool(_LETTER.search(PLACEHOLDER_RE.sub("", self.text)))


@dataclass
class Applied:
    """A part as it was written into the target text."""

    part: Part
    target: str
    note: str = ""
    typos: tuple[tuple[str, str], ...] = ()  # (a Latin-typed word, the Cyrillic word recovery suggests)


@dataclass
class Restored:
    """A target sentence with its parts restored, what was applied and what was lost."""

    text: str
    applied: list[Applied] = field(default_factory=list)
    lost: list[Part] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ grammatical case from context

_RU_PREP_CASE = {
    "в": "prep", "во": "prep", "на": "prep", "о": "prep", "об": "prep", "обо": "prep", "при": "prep",
    "из": "gen", "от": "gen", "до": "gen", "у": "gen", "для": "gen", "без": "gen", "около": "gen",
    "после": "gen", "кроме": "gen", "среди": "gen", "возле": "gen", "имени": "gen",
    "к": "dat", "ко": "dat", "по": "dat", "благодаря": "dat",
    "с": "ins", "со": "ins", "между": "ins", "над": "ins", "под": "ins", "перед": "ins", "за": "ins",
    "про": "acc", "через": "acc",
}
_EN_PREP_RU = {"of": "gen", "from": "gen", "for": "gen", "by": "ins", "with": "ins", "to": "dat",
               "in": "prep", "at": "prep", "about": "prep"}
_EN_PREP_KK = {"of": "gen", "from": "abl", "by": "ins", "with": "ins", "to": "dat", "in": "loc",
               "at": "loc", "for": "dat"}
_KK_SUFFIX_CASE = {
    "ның": "gen", "нің": "gen", "дың": "gen", "дің": "gen", "тың": "gen", "тің": "gen",
    "на": "dat", "не": "dat", "ға": "dat", "ге": "dat", "қа": "dat", "ке": "dat",
    "н": "acc", "ны": "acc", "ні": "acc", "ды": "acc", "ді": "acc", "ты": "acc", "ті": "acc",
    "нда": "loc", "нде": "loc", "да": "loc", "де": "loc", "та": "loc", "те": "loc",
    "нан": "abl", "нен": "abl", "дан": "abl", "ден": "abl", "тан": "abl", "тен": "abl",
    "мен": "ins", "бен": "ins", "пен": "ins",
    "ндағы": "attr", "ндегі": "attr", "дағы": "attr", "дегі": "attr", "тағы": "attr", "тегі": "attr",
}
_KK_ATTACHED = regex.compile(r"^-?(" + "|".join(sorted(_KK_SUFFIX_CASE, key=len, reverse=True)) + r")(?!\p{L})")


# Institution types whose English names are common-noun phrases ("the National Library of …").
_EN_ARTICLE_TYPES = frozenset({"library", "ministry", "state_body", "organisation", "department", "akimat", "university"})
_EN_DETERMINERS = frozenset("the a an its their our his her this that these those".split())
# What a Kazakh case ending says that English needs a preposition for.
_KK_CASE_EN_PREP = {"loc": "at", "abl": "from", "dat": "to", "ins": "with"}


def _english_phrase(form: str, part: Part, before_target: str) -> str:
    """An English institution name as running text needs it: "the", and the preposition a Kazakh ending carried."""
    tail = before_target.rstrip()
    if tail.endswith("'s") or tail.endswith("’s") or _last_word(before_target) in _EN_DETERMINERS:
        return form
    phrase = "the " + form
    if part.lang == "kk" and part.mention is not None:
        preposition = _KK_CASE_EN_PREP.get(str(getattr(part.mention, "case", "")))
        if preposition and _last_word(before_target) not in _EN_DATE_PREPOSITIONS | {"with", "for", "about"}:
            phrase = f"{preposition} {phrase}"
    if _SENTENCE_START.search(before_target):
        phrase = phrase[:1].upper() + phrase[1:]
    return phrase


_DATE_PREP_KK = {
    "of": "attr", "dated": "attr", "from": "abl", "since": "abl", "until": "dat", "till": "dat", "to": "dat",
    "от": "attr", "с": "abl", "со": "abl", "до": "dat", "по": "dat", "к": "dat",
}
# The case of a Russian month without a day after the preposition before it: "в феврале", "до февраля".
_RU_MONTH_CASE = {"в": "prep", "во": "prep", **dict.fromkeys("до с со от после около из для накануне".split(), "gen")}
_ON_BEFORE = regex.compile(r"\b[Oo]n\s+$")
# A dateline: the place and a comma that open a block ("Астана, 5 марта 2024 года. …").
_DATELINE = regex.compile(r"^\s*\p{Lu}[\p{L}-]*(?:[ -]\p{Lu}[\p{L}-]*)?,\s*$")
_STARTS_SENTENCE = regex.compile(r"(?:^|[.!?…]\s+)[\"“«(]?\s*$")
_SENTENCE_START = regex.compile(r"(?:^|[.!?…:]\s*|^\s*[\"“«(]\s*)$")
_EN_DATE_PREPOSITIONS = frozenset("on of since until till by from to before after dated in at".split())
_RU_DATE_PREPOSITIONS = frozenset("от с до по к на в около после".split())
_QUOTE_CHARS = "\"«»“”„"


def _ru_month_case(date: str) -> str | None:
    """The case a Russian date's month is written in ("до апреля 2009 г." → gen), kept in the Russian version."""
    for word in _WORDS.findall(date.lower()):
        if word in MONTHS["ru_prep"]:
            return "prep"
        if word in MONTHS["ru_gen"]:
            return "gen"
    return None


def _last_word(text: str) -> str:
    m = _LAST_WORD.search(text[-60:])
    return m.group(1).lower() if m else ""


_COORDINATION = regex.compile(r"\s*(?:,\s*)?(?:and|or|и|или|және|мен|бен|пен|,)\s*", regex.IGNORECASE)


_KK_TO_RU_CASE = {"gen": "gen", "dat": "dat", "acc": "acc", "loc": "prep", "abl": "gen", "ins": "ins", "attr": "prep"}
_RU_TO_KK_CASE = {"gen": "gen", "dat": "dat", "ins": "ins", "prep": "loc"}
# A Russian preposition and case that Kazakh says with another case: из Караганды → Қарағандыдан.
_RU_PREP_KK_CASE = {
    ("из", "gen"): "abl", ("от", "gen"): "abl", ("с", "gen"): "abl", ("со", "gen"): "abl", ("до", "gen"): "dat",
    ("в", "acc"): "dat", ("во", "acc"): "dat", ("на", "acc"): "dat",
}


def _case_for(part: Part, tgt: str, before_target: str, after_target: str = "") -> str | None:
    """The case a name needs in the target sentence (ru/kk), or None for the nominative.

    In order: the case of the name it is coordinated with ("by X and Y"); a Russian preposition
    the engine wrote before it, or a Kazakh ending it attached to the placeholder (⟦2⟧-ның);
    the mention's own case when it is not the nominative; the
    English preposition before it in the source (which also covers a Cyrillic name quoted in an
    English sentence).
    """
    if part.coord is not None and part.coord.kind == part.kind and tgt in part.coord.cases:
        if tgt != "ru" or _last_word(before_target) not in _RU_PREP_CASE:
            return part.coord.cases[tgt]
    if tgt == "ru" and _last_word(before_target) in _RU_PREP_CASE:
        return _RU_PREP_CASE[_last_word(before_target)]
    if tgt == "kk" and after_target:
        attached = _KK_ATTACHED.match(after_target)
        if attached:
            return _KK_SUFFIX_CASE[attached.group(1)]
    own = str(getattr(part.mention, "case", None) or "nom") if part.mention is not None else part.case or "nom"
    if own != "nom" and part.lang in ("kk", "ru"):
        if part.lang == tgt:
            return own
        if part.lang == "ru" and (_last_word(part.before), own) in _RU_PREP_KK_CASE:
            return _RU_PREP_KK_CASE[(_last_word(part.before), own)]
        return (_KK_TO_RU_CASE if tgt == "ru" else _RU_TO_KK_CASE).get(own)
    english = _last_word(_TRAILING_THE.sub("", part.before[-80:]))
    return (_EN_PREP_RU if tgt == "ru" else _EN_PREP_KK if tgt == "kk" else {}).get(english)


_DAY_WITH_ENDING = regex.compile(r"\d-\p{L}+$")
_RANGE_DASH = regex.compile(r"\s*[–—-]\s*")


def _join_ranges(text: str, found: list[tuple[int, int, Part]]) -> list[tuple[int, int, Part]]:
    """A range of days written with a dash ("18–19 марта", "2024 жылғы 18–19 наурызда") as one part, so
    each version writes it as a range ("March 18–19"), never as two dates ("18 марта–19 марта")."""
    joined: list[tuple[int, int, Part]] = []
    for start, end, part in found:
        if joined and part.kind == "date" and part.entity is not None:
            first_start, first_end, first = joined[-1]
            if first.kind == "date" and first.entity is not None and first.entity.detail == "range" \
                    and _RANGE_DASH.fullmatch(text, first_end, start):
                whole = Part("date", text[first_start:end], part.lang, first.before, entity=part.entity, payload=first.entity)
                joined[-1] = (first_start, end, whole)
                continue
        joined.append((start, end, part))
    return joined


def _range_text(part: Part, last: str) -> str:
    """``last`` (the range's last date as a version writes it) with the first day put before its day."""
    first = part.payload
    dash = part.text[len(first.text) : len(part.text) - len(part.entity.text)].strip()  # type: ignore[union-attr]
    day = str(part.entity.value.day)  # type: ignore[union-attr]
    return regex.sub(rf"(?<!\d){day}(?!\d)", f"{first.value.day}{dash}{day}", last, count=1)


# ------------------------------------------------------------------ the protector


class Protector:
    """Shields and restores the protected parts of sentences for one post.

    ``glossary`` is a :class:`translit.names.glossary.Glossary` (or None to skip
    institutions and known people), ``schemes`` maps a name's language to the
    romanization scheme used for English (``{"kk": "kk-news", "ru": "ru-news"}``),
    ``date_style`` is ``us`` or ``uk`` for English dates; ``renamed`` and
    ``date`` decide how a renamed institution or place is named in every
    version (see :meth:`translit.names.glossary.Glossary.keeps_former_name`).
    ``later_surnames``: the sentences are one post's, in order, so a person named
    in full is also protected where a later sentence writes the surname alone
    (see :mod:`translit.names.surnames`).
    """

    def __init__(
        self,
        glossary: Any = None,
        *,
        schemes: dict[str, str] | None = None,
        date_style: str = "us",
        title_detector: Callable[[str], Any] | None = None,
        renamed: str = "post-date",
        date: datetime.date | None = None,
        later_surnames: bool = False,
    ) -> None:
        self.glossary = glossary
        self.renamed = renamed
        self.date = date
        self.schemes = {"kk": "kk-news", "ru": "ru-news", **(schemes or {})}
        self.date_style = date_style if date_style in ("us", "uk") else "us"
        self.title_detector = title_detector
        # Memo of spans(): the same block is shielded for several targets. With later surnames a
        # block's spans also depend on the people named elsewhere before it, counted in the key.
        self._spans: dict[tuple[str, str, int], list[tuple[int, int, Part]]] = {}
        self._people = PostPeople() if later_surnames else None
        self._titles_done: dict[tuple[str, str], Applied] = {}

    # -------------------------------------------------------------- shielding

    def spans(self, text: str, lang: str) -> list[tuple[int, int, Part]]:
        """Every protected span of ``text`` (a sentence or block in ``lang``), in order, never overlapping.

        Each call returns fresh :class:`Part` objects (restoring records per-target cases on them).
        """
        key = (text, lang, self._people.named_elsewhere((text, lang)) if self._people is not None else 0)
        if key not in self._spans:
            self._spans[key] = self._find_spans(text, lang)
        return [(a, b, replace(part, cases={})) for a, b, part in self._spans[key]]

    def _find_spans(self, text: str, lang: str) -> list[tuple[int, int, Part]]:
        # Text that already looks like a placeholder is shielded too, so it cannot be taken for one.
        found: list[tuple[int, int, Part]] = []
        taken = _Taken()
        free = taken.free

        def claim(start: int, end: int, part: Part) -> None:
            found.append((start, end, part))
            taken.add(start, end)

        def before(start: int) -> str:  # the text a case is read from (shield() sets it again, across pieces)
            return text[max(0, start - BEFORE_CHARS) : start]

        for m in PLACEHOLDER_RE.finditer(text):
            claim(m.start(), m.end(), Part("literal", m.group(), lang, before(m.start())))

        for ent in find_entities(text, lang):
            if ent.kind in ("url", "email", "phone"):
                claim(ent.start, ent.end, Part(ent.kind, ent.text, lang, before(ent.start), entity=ent))
        names = find_names(text)
        if self.glossary is not None:
            # Every language's forms: a Russian name quoted in an English draft is found too,
            # and is then rendered from its own language (the mention's). A form the draft's language
            # writes the same way (ИФЛА is Kazakh and Russian) is the draft's, so it stays as written.
            own = {(m.start, m.end): m for m in self.glossary.find(text, lang)} if lang in LANGS else {}
            for m in self.glossary.find(text, None):
                if m.status == "ambiguous" or not free(m.start, m.end) or self._not_a_name_here(m, lang):
                    continue
                m = own.get((m.start, m.end), m)
                if m.status == "ambiguous":
                    continue  # named by a form of another language only ("NLRK" in a link), not in the draft's
                kind = "person" if self._entity_type(m.entity) == "person" else "institution"
                start, end = m.start, m.end
                if kind == "person":
                    # A known surname inside a longer name: the whole name is one part, never the surname alone.
                    start, end = next(((a, b) for a, b in names if a <= m.start and m.end <= b and free(a, b)), (start, end))
                    if not self._same_person(m, text[start:end]):
                        continue  # "Дариға Назарбаева" is not Nursultan Nazarbayev: a name of its own, found below
                claim(start, end, Part(kind, text[start:end], m.lang or lang, before(start), mention=m))
        for start, end, part in self._titles(text, lang):
            if free(start, end):
                claim(start, end, part)
        for ent in find_entities(text, lang):
            if ent.kind not in ("url", "email", "phone") and free(ent.start, ent.end):
                start = ent.start
                if ent.kind == "date" and ent.detail == "on":
                    # "On the 28th of February" is one adverbial: kk says it with the locative
                    # (28 ақпанда), ru without a preposition (28 февраля), so "on" goes with the date.
                    on = _ON_BEFORE.search(text, 0, start)
                    if on and free(on.start(), start):
                        start = on.start()
                claim(start, ent.end, Part(ent.kind, text[start:ent.end], lang, before(start), entity=ent))
        for start, end in names:
            if free(start, end):
                claim(start, end, Part("person", text[start:end], lang, before(start)))
        found.sort(key=lambda t: t[0])
        if self._people is not None:
            self._later_surnames(self._people, text, lang, found, claim, free)
            found.sort(key=lambda t: t[0])
        return _join_ranges(text, found)

    def _later_surnames(self, named: PostPeople, text: str, lang: str, found: list[tuple[int, int, Part]],
                        claim: Callable[[int, int, Part], None], free: Callable[[int, int], bool]) -> None:
        """Remember the whole names of ``found`` for the rest of the post, then claim the surnames alone
        of the people named before them (in earlier blocks or earlier in this one)."""
        origin = (text, lang)
        for start, _end, part in found:
            if part.kind == "person":
                gender = self.glossary.entity(part.mention.entity).gender if part.mention is not None and part.mention.entity else None
                named.add(part, self._nominative(part), origin, start, gender)

        def governed(at: int) -> str | None:
            return _RU_PREP_CASE.get(_last_word(text[max(0, at - 60) : at])) if lang == "ru" else None

        for later in named.find(text, lang, origin, free, governed):
            start = later.start
            claim(start, later.end, Part("person", text[start:later.end], lang, text[max(0, start - BEFORE_CHARS) : start],
                                         payload=later.person, case=later.case))

    @staticmethod
    def _not_a_name_here(mention: Any, lang: str) -> bool:
        """A single word the glossary knows only with other capitals ("семей" families, "астана" a capital, "Ну"),
        or a Latin-letter name inside a Kazakh or Russian draft (a brand or title: "Astana Motors", «Наша Russia»):
        written as the editor wrote it, never replaced (``translit check`` still asks about the capitals)."""
        if mention.reason.startswith("capitalisation") and " " not in mention.text.strip():
            return True
        return lang in ("kk", "ru") and bool(_LATIN.search(mention.text)) and not _CYRILLIC.search(mention.text)

    def _same_person(self, mention: Any, name: str) -> bool:
        """Whether every other word of the whole name around a known surname belongs to that person's forms
        (or is an initial): "Дариға Назарбаева" is someone else than Нұрсұлтан Назарбаев."""
        if name == mention.text:
            return True
        entity = self.glossary.entity(mention.entity)
        # A stem a letter shorter, so a declined form matches too: Нурсултана, Кайроллаевича.
        stems = {word.lower()[:-1] for variant in entity.forms() for word in _WORDS.findall(variant.form) if len(word) > 3}
        words = _WORDS.findall(name.replace(mention.text, " ", 1))
        return all(len(word) <= 2 or any(word.lower().startswith(stem) for stem in stems) for word in words)

    def _entity_type(self, entity_id: str | None) -> str:
        if not entity_id:
            return ""
        try:
            return str(getattr(self.glossary.entity(entity_id), "type", ""))
        except Exception:  # an id the glossary cannot resolve is treated as an institution
            return ""

    def _titles(self, text: str, lang: str) -> list[tuple[int, int, Part]]:
        """Quoted Latin-typed Kazakh (or Russian) titles, in a draft of any language: a Kazakh one is written in
        Cyrillic in the Kazakh and Russian versions (in a Kazakh draft too), in the post's scheme in English."""
        if self.title_detector is None:
            return []
        out = []
        for m in _QUOTED.finditer(text):
            inner = m.group(1)
            if not _LATIN.search(inner) or _CYRILLIC.search(inner):
                continue
            try:
                det = self.title_detector(inner)
            except Exception:  # no detector data: titles stay prose, never guessed
                return []
            if getattr(det, "romanized", False) and getattr(det, "lang", "") in ("kk", "ru"):
                part = Part("title", inner, str(det.lang), text[:m.start(1)], payload=det)
                out.append((m.start(1), m.end(1), part))
        return out

    def shield(self, pieces: Sequence[str | Part], lang: str, start_index: int = 0, context: str = "") -> Shielded:
        """Placeholders for every protected part of ``pieces``.

        ``pieces`` is the sentence as a sequence of text and ready-made parts
        (inline markup the caller wants kept, e.g. a link whose text is
        translated separately). ``context`` is the source text before it
        (the sentence around a link), which decides grammatical cases.
        """
        out: list[str] = []
        parts: list[Part] = []
        source: list[str] = []
        for piece in pieces:
            if isinstance(piece, Part):
                parts.append(piece)
                out.append(placeholder(start_index + len(parts)))
                source.append(piece.text)
                continue
            preceding = context + "".join(source)
            source.append(piece)
            pos = 0
            previous: tuple[int, Part] | None = None
            for start, end, part in self.spans(piece, lang):
                part.before = (preceding[-BEFORE_CHARS:] + piece[max(0, start - BEFORE_CHARS) : start])[-BEFORE_CHARS:]
                if previous is not None and _COORDINATION.fullmatch(piece[previous[0]:start]):
                    part.coord = previous[1]
                previous = (end, part)
                out.append(piece[pos:start])
                parts.append(part)
                out.append(placeholder(start_index + len(parts)))
                pos = end
            out.append(piece[pos:])
        return Shielded("".join(source), "".join(out), parts)

    # -------------------------------------------------------------- rendering one part

    def render(self, part: Part, tgt: str, before_target: str = "", after_target: str = "") -> Applied:
        """``part`` written for the ``tgt`` version; ``before_target`` is the target text before it."""
        kind = part.kind
        if kind in ("url", "email", "phone"):
            return Applied(part, part.text)
        if kind in ("date", "time", "number", "percent") and part.entity is not None:
            if tgt == part.lang and tgt != "en":
                # a Kazakh or Russian draft's own date, time or number stays as its editor wrote it:
                # "29.06.1941", "1,500 кг", "жылдың 28 ақпанында" are right, and no date style is set
                # for these languages ([dates] en only)
                return Applied(part, part.text)
            case = None
            if kind == "date" and tgt == "kk":
                attached = _KK_ATTACHED.match(after_target)
                if attached:
                    case = _KK_SUFFIX_CASE[attached.group(1)]
                elif part.lang in ("en", "ru"):
                    # "of February 28" / "от 28 февраля" is attributive (28 ақпандағы), "since" ablative …
                    case = _DATE_PREP_KK.get(_last_word(part.before))
            if kind == "date" and tgt == "ru" and part.entity.value.day is None:  # type: ignore[union-attr]
                case = _ru_month_case(part.text) if part.lang == "ru" else _RU_MONTH_CASE.get(_last_word(before_target))
            dateline = kind == "date" and bool(_DATELINE.search(part.before))
            if dateline and tgt == "kk":
                case = "nom"  # "Астана, 2024 жылғы 5 наурыз." names the day; it is not "on"
            text = render_entity(part.entity, tgt, date_style=self.date_style, case=case)
            if isinstance(part.payload, Entity):
                text = _range_text(part, text)
            elif kind == "date" and tgt == part.lang and (part.entity.detail == "range" or _DAY_WITH_ENDING.search(part.text)):
                # "с 18 по 19 марта": the first day of a range in words takes its month from the last;
                # "сәуірдің 1-іне": the Kazakh "the 1st of April" with its case ending stays as written
                text = part.text
            if kind == "date" and tgt == "en" and not dateline and self._adverbial(part, before_target):
                text = ("On " if _SENTENCE_START.search(before_target) else "on ") + text
            elif kind == "date" and text[:1].islower() and _STARTS_SENTENCE.search(before_target):
                text = text[0].upper() + text[1:]  # "Апрель 2009 года был …", never "апрель"
            return Applied(part, text)
        if kind == "institution" and part.mention is not None:
            return self._institution(part, tgt, before_target, after_target)
        if kind == "person":
            return self._person(part, tgt, before_target, after_target)
        if kind == "title":
            return self._title(part, tgt)
        return Applied(part, part.text)

    @staticmethod
    def _adverbial(part: Part, before_target: str) -> bool:
        """Whether an English date needs "on": the source said it ("On the 28th"), or a Kazakh
        locative (28 ақпанда) or a bare Russian day date (28 февраля прошла …) stands for it."""
        entity = part.entity
        if entity is None or entity.value.day is None or _last_word(before_target) in _EN_DATE_PREPOSITIONS:  # type: ignore[union-attr]
            return False
        if part.lang == "en":
            return entity.detail == "on"
        if part.lang == "kk":
            return entity.detail in ("loc", "poss_loc")
        return part.lang == "ru" and _last_word(part.before) not in _RU_DATE_PREPOSITIONS

    def _institution(self, part: Part, tgt: str, before_target: str, after_target: str = "") -> Applied:
        m = part.mention
        former = self.glossary.keeps_former_name(m, LANGS, renamed=self.renamed, date=self.date)
        if tgt == part.lang:
            # The draft's own language: only a wrong form, or a former name the post does not keep, changes.
            if m.status not in ("discouraged", "outdated") or (former and m.status == "outdated"):
                form, note = part.text, f"{m.entity}: former name kept" if former else ""
            else:
                # a wrong form of a former name: the name of its time when the post keeps it, else today's
                form = self.glossary.replacement(m, today=not former) or part.text
                note = "" if form == part.text else f"{m.entity}: official form"
            if len(_QUOTE_MARKS.findall(form)) % 2 == 0:
                form = fix_quotes(form, tgt)  # the quotes of the language, as in the prose around it
            return Applied(part, form, note)
        case = _case_for(part, tgt, before_target, after_target)
        part.cases[tgt] = case
        entity_id = self.glossary.today(m.entity)
        if former:
            form = self.glossary.former_form(m, tgt, case)
        elif self.glossary.entity(entity_id).official(tgt) is None:
            form = None  # a site's glossary may name it in some languages only
        else:
            try:
                form = self.glossary.canonical(entity_id, tgt, case=case) if case else self.glossary.canonical(entity_id, tgt)
            except Exception:  # the glossary has no inflected form for this case
                form = self.glossary.canonical(entity_id, tgt)
        if not form:
            return Applied(part, part.text, f"{m.entity}: no {tgt} form in the glossary")
        if tgt == "en" and self._entity_type(m.entity) in _EN_ARTICLE_TYPES:
            form = _english_phrase(form, part, before_target)
        return Applied(part, form, f"{entity_id}" + (f" ({case})" if case else "") + ("; former name kept" if former else ""))

    def _person(self, part: Part, tgt: str, before_target: str = "", after_target: str = "") -> Applied:
        """A person's whole name in the target's spelling and case (English: the nominative)."""
        if isinstance(part.payload, NamedPerson):
            return self._later_surname(part, part.payload, tgt, before_target, after_target)
        m = part.mention
        known = m is not None and bool(m.entity)
        name = self._nominative(part)
        if tgt == part.lang:
            if not known or m.status in ("official", "accepted"):
                return Applied(part, part.text)
            # a discouraged spelling, fixed where it stands inside the whole name
            fixed = part.text.replace(m.text, self.glossary.replacement(m) or m.text, 1)
            return Applied(part, fixed, f"{m.entity}: people glossary")
        case = _case_for(part, tgt, before_target, after_target) if tgt in ("ru", "kk") else None
        form, note, gender = self._person_form(part, name, tgt)
        if form is None:
            return Applied(part, part.text, note)
        if known and case:
            note += f" ({case})"
        return Applied(part, people.inflect(form, tgt, case, gender), note)

    @staticmethod
    def _nominative(part: Part) -> str:
        """A person's name as found, in the nominative; sets ``part.case`` to the case it is written in."""
        if _CYRILLIC.search(part.text) and part.lang in ("kk", "ru"):
            governed = _RU_PREP_CASE.get(_last_word(part.before)) if part.lang == "ru" else None
            name, part.case = people.reading(part.text, part.lang, governed)
            return name
        return part.text

    def _person_form(self, part: Part, name: str, tgt: str) -> tuple[str | None, str, str | None]:
        """The nominative ``name`` of ``part`` written for another language ``tgt``, a note, and the
        gender the people glossary gives (None: guessed from the name); no form when there is none."""
        m = part.mention
        source_lang = "kk" if part.lang == "kk" or (_CYRILLIC.search(part.text) and _KAZAKH_PATRONYMIC.search(part.text)) else part.lang
        if m is not None and m.entity:
            entity = self.glossary.entity(m.entity)
            form = _person_form(self.glossary, m.entity, name, part.lang, tgt)
            if form is None and (len(part.text) > len(m.text) or entity.official(tgt) is None):
                # parts the glossary does not list, or a language a site's glossary lacks: the whole name by language
                form = self._spelled(name, source_lang, tgt)
            form = form or entity.official(tgt)
            if form is None:
                return None, f"{m.entity}: no {tgt} form in the glossary", None
            return form, f"{m.entity}: people glossary", entity.gender
        form = self._spelled(name, source_lang, tgt)
        if form is None:
            return None, "kept in Latin: not in the people glossary", None
        note = ""
        if tgt in ("kk", "ru") and _LATIN.search(name):
            note = "spelled in Cyrillic from the Latin form; check against the person's documents"
        elif tgt == "en":
            note = f"transliterated with {self.schemes.get(source_lang, 'kk-news')}"
        return form, note, None

    def _later_surname(self, part: Part, person: NamedPerson, tgt: str, before_target: str, after_target: str) -> Applied:
        """A surname alone written as the surname of the whole name the post named earlier, in the case ``tgt`` needs."""
        if tgt == part.lang:
            return Applied(part, part.text)
        whole = replace(person.whole, cases={})
        form, note, gender = self._person_form(whole, self._nominative(whole), tgt)
        if form is None:
            return Applied(part, part.text, f"the surname of {whole.text}: {note}")  # as the whole name is kept
        words = form.split(" ")
        case = _case_for(part, tgt, before_target, after_target) if tgt in ("ru", "kk") else None
        if len(words) != len(person.words):  # a glossary form of other parts: the surname spelled by itself
            spelled = self._spelled(person.surname, whole.lang, tgt) or part.text
            return Applied(part, people.inflect(spelled, tgt, case, gender), f"the surname of {whole.text}")
        surname = words[person.index]
        if tgt == "ru" and case:
            # Russian declines a surname by the whole name's gender and kind (Токсаба, Иванова)
            declined = people.inflect(form, tgt, case, gender).split(" ")
            surname = declined[person.index] if len(declined) == len(words) else surname
        elif case:
            surname = people.inflect(surname, tgt, case)
        return Applied(part, surname, f"the surname of {whole.text}" + (f"; {note}" if note else ""))

    def _spelled(self, name: str, lang: str, tgt: str) -> str | None:
        """A nominative name written for ``tgt``: romanized for English, each Cyrillic language's own spelling."""
        latin = bool(_LATIN.search(name)) and not _CYRILLIC.search(name)
        if tgt == "en":
            if latin:
                return name
            scheme = self.schemes.get("kk" if lang == "kk" or has_kazakh_letters(name) else "ru", "kk-news")
            try:
                from ..transliteration.engine import romanize

                return romanize(name, scheme)
            except Exception:  # a missing scheme must not stop the post
                return name
        if latin:
            return people.cyrillic_forms(name).get(tgt)
        if tgt == "ru" and has_kazakh_letters(name):
            return people.to_russian(name)
        if tgt == "kk" and lang == "ru":
            return people.to_kazakh(name)
        return name

    def _title(self, part: Part, tgt: str) -> Applied:
        """A Latin-typed Kazakh title: recovered to Cyrillic for kk/ru, re-rendered in the post's scheme for en."""
        key = (part.text, tgt)
        if key not in self._titles_done:
            self._titles_done[key] = self._title_uncached(part, tgt)
        done = self._titles_done[key]
        return Applied(part, done.target, done.note, done.typos)

    def _title_uncached(self, part: Part, tgt: str) -> Applied:
        if part.lang != "kk":
            return Applied(part, part.text, "Latin-typed Russian title kept as written")
        scheme = self.schemes.get("kk", "kk-news")
        try:
            from ..recovery import recover
            from .rerendering import rerender

            recovery = recover(part.text)
            pairs = tuple((w.latin, w.suggestions[0].cyrillic) for w in recovery.typos if w.suggestions)
            typos = f"; possible typos: {'; '.join(f'{latin} → {cyrillic}' for latin, cyrillic in pairs)}" if pairs else ""
            if tgt != "en":
                return Applied(part, recovery.text, f"Kazakh title recovered from Latin ({recovery.style}){typos}", pairs)
            return Applied(part, rerender(part.text, scheme), f"Kazakh title re-rendered in {scheme}{typos}", pairs)
        except Exception as exc:  # recovery is best effort; the report says so and the title stays as typed
            return Applied(part, part.text, f"title kept as written: {exc}")

    # -------------------------------------------------------------- restoring

    def restore(
        self,
        translated: str,
        shielded: Shielded,
        tgt: str,
        *,
        start_index: int = 0,
        render_markup: Callable[[Part], str] | None = None,
        escape: Callable[[str], str] = str,
    ) -> Restored:
        """Replace the placeholders in ``translated`` by the target forms of their parts.

        ``render_markup`` writes a ``markup`` part (the caller's inline
        structure); ``escape`` is applied to every other restored part (HTML).
        """
        result = Restored("")
        seen: set[int] = set()
        out: list[str] = []
        pos = 0
        for m in PLACEHOLDER_RE.finditer(translated):
            n = int(m.group(1)) - start_index
            if not 1 <= n <= len(shielded.parts):
                continue  # a digit run the engine made up: left as it is
            out.append(translated[pos:m.start()])
            pos = m.end()
            part = shielded.parts[n - 1]
            if n in seen:
                result.notes.append(f"the engine repeated {part.kind} {part.text!r}")
            seen.add(n)
            before = "".join(out)
            after = translated[m.end():]
            if part.kind == "markup" and render_markup is not None:
                target = render_markup(part)
                result.applied.append(Applied(part, target))
            else:
                applied = self.render(part, tgt, before, after)
                target = escape(applied.target)
                if tgt == "kk" and (part.kind == "date" or (part.kind in ("institution", "person") and part.mention is not None)):
                    # The engine's own case ending on the placeholder is folded into the name or date.
                    attached = _KK_ATTACHED.match(after)
                    if attached:
                        pos += attached.end()
                result.applied.append(applied)
            if part.kind != "markup" and _HAS_QUOTE.search(target):
                # A form that brings its own quotes («…» газеті) replaces the quotes around it.
                if out and out[-1][-1:] in _QUOTE_CHARS and translated[pos:pos + 1] in _QUOTE_CHARS:
                    out[-1] = out[-1][:-1]
                    pos += 1
            out.append(target)
        out.append(translated[pos:])
        result.lost = [p for i, p in enumerate(shielded.parts, 1) if i not in seen]
        result.text = "".join(out)
        return result


_PATRONYMIC = regex.compile(
    r"(?:vich|vna|ichna|uly|kyzy|ovich|evich|ovna|evna|ович|евич|овна|евна|ична|ұлы|қызы|улы|кызы)$", regex.IGNORECASE
)
_INITIALS_TOKEN = regex.compile(r"^(?:\p{Lu}\p{Ll}?\.)+$")


def _name_shape(words: list[str], surname: str) -> list[str]:
    """I(nitials), P(atronymic), S(urname) or G(iven name) for each word of a name."""
    stem = surname.lower()[:4]
    shape = []
    for word in words:
        if _INITIALS_TOKEN.match(word):
            shape.append("I")
        elif _PATRONYMIC.search(word):
            shape.append("P")
        elif stem and word.lower().startswith(stem):
            shape.append("S")
        else:
            shape.append("G")
    return shape


def _person_form(glossary: Any, entity_id: str, text: str, src: str, tgt: str) -> str | None:
    """The glossary's ``tgt`` spelling of a person, in the source's order and with its parts.

    "Zhumakenov Yerkebulan Kayrollayevich" (surname, name, patronymic) gives
    the Russian variant with the same parts in the same order, and
    "Bayan Kuanyshevna Uataeva" the Russian "Уатаева Баян Куанышевна"
    reordered to "Баян Куанышевна Уатаева". None when no variant has the parts.
    """
    try:
        entity = glossary.entity(entity_id)
    except Exception:  # an unknown id: the caller falls back to the official form
        return None
    src_official = entity.official(src) or ""
    tgt_official = entity.official(tgt) or ""
    if not src_official or not tgt_official:
        return None
    words = text.split()
    shape = _name_shape(words, src_official.split()[-1])
    tgt_surname = tgt_official.split()[-1]
    forms = [tgt_official] + [v.form for v in entity.forms(tgt) if v.status in ("official", "accepted")]
    for form in forms:
        cand = form.split()
        cand_shape = _name_shape(cand, tgt_surname)
        if cand_shape == shape:
            return form
        if sorted(cand_shape) == sorted(shape) and len(set(shape)) == len(shape):
            by_type = dict(zip(cand_shape, cand))
            return " ".join(by_type[t] for t in shape)
    return None
