"""Values the pair checks compare, found once per version by :mod:`translit.names.entities`.

Dates, times, numbers and percentages, phones, e-mails and URLs come with
normalised values (``75,4%`` = ``75.4%``, ``10 млн`` = ``10 million``,
``+7 (727) 267-28-83`` = ``8 727 267 28 83``); spans never overlap, so the
digits of a phone or a date are not counted again as numbers. Entities are
looked for in the prose only (markup and link targets blanked), while links
come from the document structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar
from urllib.parse import urlsplit

from ..names.entities import MONTHS, DateValue, Entity, TimeValue, find_entities
from .base import Version

T = TypeVar("T")
INVALID = " (not a valid number)"
_LANG_SEGMENTS = frozenset({"en", "eng", "ru", "rus", "kk", "kz", "kaz", "qq", "qz"})
# Written like a phone (international +7 or trunk 8, area code, digit groups): validated by libphonenumber.
# The look-behind follows the + or 8, so the search visits those characters only (tests/test_fast_patterns.py).
_PHONE_LIKE = re.compile(r"(?:\+(?<![\w+].)\d{1,3}|8(?<![\w+].))[ \-‑]*\(?\d{2,5}\)?(?:[ \-‑]*\d){4,9}(?!\d)")
SMALL_NUMBER_WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
    "ru": [
        "ноль", "один|одна|одно|одного|одной|одну|одним", "два|две|двух|двум|двумя", "три|трёх|трех|трём|трем|тремя",
        "четыре|четырёх|четырех|четырьмя", "пять|пяти|пятью", "шесть|шести|шестью", "семь|семи|семью",
        "восемь|восьми|восемью", "девять|девяти|девятью", "десять|десяти|десятью", "одиннадцать|одиннадцати",
        "двенадцать|двенадцати",
    ],
    "kk": ["нөл", "бір|біреу", "екі|екеу", "үш|үшеу", "төрт|төртеу", "бес|бесеу", "алты|алтау", "жеті|жетеу", "сегіз", "тоғыз", "он", "он бір", "он екі"],
}
ORDINAL_WORDS = {
    "en": ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"],
    "kk": ["", "бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші", "тоғызыншы", "оныншы", "он бірінші", "он екінші"],
    "ru": ["", "перв", "втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят", "десят", "одиннадцат", "двенадцат"],
}
_RU_ORDINAL_ENDING = "(?:ый|ой|ий|ая|ое|ого|ому|ом|ую|ые|ых|ым|ыми|ья|ье|ьего|ьей|ьему|ьи|ьих)"
_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_RU_NOMINATIVE = re.compile(r"(?i)\b(?:" + "|".join(MONTHS["ru_nom"]) + r")\b")
MONTH_NAMES_EN = [name.capitalize() for name in MONTHS["en"]]


@dataclass(frozen=True)
class Value:
    """A value found in a version: ``key`` compares across languages, ``label`` is shown to editors."""

    key: str
    label: str
    start: int
    end: int
    alt: str | None = None
    """Another reading of an ambiguous value ("1,500" in Russian: 1.5, or 1500 as in English)."""


def _cached(version: Version, name: str, compute: Callable[[Version], T]) -> T:
    cache = version.__dict__.setdefault("_values", {})
    if name not in cache:
        cache[name] = compute(version)
    return cache[name]  # type: ignore[no-any-return]


_NOT_PHONES = frozenset({"url", "email", "date", "time", "number", "percent"})


def entities(version: Version) -> list[Entity]:
    """Every entity of the version's prose; numbers and dates inside a phone number are dropped."""

    def compute(version: Version) -> list[Entity]:
        found = find_entities(version.prose, version.lang, _NOT_PHONES)
        from .memory import FUZZY_TAG

        # The score in a [[fuzzy:87]] marker (translit post, translation memory) is no number of the post.
        tags = [match.span() for match in FUZZY_TAG.finditer(version.prose)]
        found = [e for e in found if not any(start <= e.start < end for start, end in tags)] if tags else found
        if version.lang == "kk":
            found = _year_first(version.prose, _kazakh_months(version.prose, found))
        found = _english_extras(version, found)
        if not _PHONE_LIKE.search(version.prose):
            return found
        # libphonenumber's matcher is the slowest step of a check: it runs only around what looks like a phone.
        phones = []
        for match in _PHONE_LIKE.finditer(version.prose):
            window = max(0, match.start() - 2)
            for phone in find_entities(version.prose[window : match.end() + 2], version.lang, frozenset({"phone"})):
                phones.append(Entity(phone.kind, phone.start + window, phone.end + window, phone.text, phone.value, phone.detail, phone.lang))
        kept = [e for e in found if not any(p.start < e.end and e.start < p.end for p in phones) or e.kind in ("url", "email")]
        return sorted(kept + phones, key=lambda entity: entity.start)

    return _cached(version, "entities", compute)


# "83 percent", "83 процента", "83 пайыз" are 83%.
_PERCENT_WORD = re.compile(r"\s*(?:per\s?cent|процент\w*|пайыз\w*)", re.I)
_AM_PM = re.compile(r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?", re.I)
# Part of every _AM_PM match, and searched for at digits only (_AM_PM, starting with a look-behind, is tried everywhere).
_AM_PM_HINT = re.compile(r"\d(?::[0-5]\d)?\s*[ap]\.?\s?m\b", re.I)
_NUMBERED = re.compile(r"\d(?:(?<=\bNo\.\d)|(?<=\bNo\. \d))\d*")  # digits after "No." or "No. "
_COMMA_THOUSANDS = re.compile(r"\d{1,3},\d{3}(?![\d.,])")
_YEAR_WORD = re.compile(r"\s+жыл(?:ғы|дың)\s+$")


def _english_extras(version: Version, found: list[Entity]) -> list[Entity]:
    """English forms the entity finder leaves out: "3 p.m." (15:00) and "No.125" (125)."""
    if version.lang != "en":
        return found
    extra: list[Entity] = []
    for match in _AM_PM.finditer(version.prose) if _AM_PM_HINT.search(version.prose) else ():
        hour = int(match.group("h")) % 12 + (12 if match.group("ampm").lower() == "p" else 0)
        extra.append(Entity("time", match.start(), match.end(), match.group(), TimeValue(hour, int(match.group("m") or 0))))
    for match in _NUMBERED.finditer(version.prose):
        extra.append(Entity("number", match.start(), match.end(), match.group(), Decimal(match.group())))
    if not extra:
        return found
    kept = [e for e in found if not any(x.start < e.end and e.start < x.end for x in extra)]
    return sorted(kept + extra, key=lambda entity: entity.start)


_KK_MONTH_AFTER = re.compile(r"\s+(" + "|".join(MONTHS["kk"]) + r")[а-яәғқңөұүһі]*", re.I)


def _kazakh_months(text: str, found: list[Entity]) -> list[Entity]:
    """A day before a Kazakh month with a long ending ("15 қыркүйектегі") is a date, not a number."""
    out: list[Entity] = []
    for entity in found:
        month = _KK_MONTH_AFTER.match(text, entity.end) if entity.kind == "number" and entity.text.isdigit() else None
        if month is not None and 1 <= int(entity.text) <= 31:
            value = DateValue(None, MONTHS["kk"].index(month.group(1).lower()) + 1, int(entity.text))
            out.append(Entity("date", entity.start, month.end(), text[entity.start : month.end()], value, "", entity.lang))
        else:
            out.append(entity)
    return out


def _year_first(text: str, found: list[Entity]) -> list[Entity]:
    """Join a Kazakh year to the date after it: "2023 жылғы 28 желтоқсандағы" is one date, not 2023 and a day.

    The entity finder reads the year itself in most forms; this catches the ones it leaves
    as a bare number (long month forms such as -дағы), so the year is not reported as a stray number.
    """
    out: list[Entity] = []
    for entity in found:
        previous = out[-1] if out else None
        if (
            entity.kind == "date"
            and isinstance(entity.value, DateValue)
            and entity.value.year is None
            and previous is not None
            and previous.kind == "number"
            and len(previous.text) == 4
            and previous.text.isdigit()
            and _YEAR_WORD.search(text[previous.end : entity.start] + " ")
        ):
            value = DateValue(int(previous.text), entity.value.month, entity.value.day)
            out[-1] = Entity("date", previous.start, entity.end, text[previous.start : entity.end], value, entity.detail, entity.lang)
            continue
        out.append(entity)
    return out


def _of(version: Version, *kinds: str) -> list[Entity]:
    return [entity for entity in entities(version) if entity.kind in kinds]


def phones(version: Version) -> list[Value]:
    """Phone numbers keyed by E.164, plus numbers that look like phones but cannot exist (label ends in INVALID)."""

    def compute(version: Version) -> list[Value]:
        found = [Value(str(entity.value), str(entity.value), entity.start, entity.end) for entity in _of(version, "phone")]
        taken = [(value.start, value.end) for value in found]
        for match in _PHONE_LIKE.finditer(version.prose):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            if sum(char.isdigit() for char in match.group()) < 10:
                continue  # "853-0569": a local number of another country, not a broken Kazakh one
            import phonenumbers

            try:
                number = phonenumbers.parse(match.group(), "KZ")
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(number):
                digits = "+" + str(number.country_code) + str(number.national_number)
                found.append(Value(digits, digits + INVALID, match.start(), match.end()))
        return sorted(found, key=lambda value: value.start)

    return _cached(version, "phones", compute)


def emails(version: Version) -> list[Value]:
    """E-mail addresses, compared case-insensitively (mailto: links included)."""

    def compute(version: Version) -> list[Value]:
        found = [Value(str(entity.value), entity.text, entity.start, entity.end) for entity in _of(version, "email")]
        for block in version.blocks:
            for target, start, end in block.links:
                if target.lower().startswith("mailto:"):
                    address = target[7:].split("?")[0]
                    found.append(Value(address.lower(), address, start, end))
        return found

    return _cached(version, "emails", compute)


def normalise_url(url: str) -> str:
    """A URL with the parts that legitimately differ between language versions removed.

    Scheme, ``www.``, a trailing slash, and a language code as a path segment,
    query value or subdomain (``/en/``, ``?lang=ru``, ``kk.example.kz``) are ignored.
    """
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://x.kz[" and other broken URLs: compared as written
        return url.lower()
    host = parts.netloc.lower().removeprefix("www.")
    labels = host.split(".")
    if len(labels) > 2 and labels[0] in _LANG_SEGMENTS:
        host = ".".join(labels[1:])
    path = "/".join(segment for segment in parts.path.split("/") if segment and segment.lower() not in _LANG_SEGMENTS)
    query = "&".join(item for item in parts.query.split("&") if item and not ("=" in item and item.split("=", 1)[1].lower() in _LANG_SEGMENTS))
    return f"{host}/{path}" + (f"?{query}" if query else "")


def urls(version: Version) -> list[Value]:
    """Link targets and URLs written in the text (relative links and fragments are skipped)."""

    def compute(version: Version) -> list[Value]:
        found = [Value(normalise_url(str(entity.value)), entity.text, entity.start, entity.end) for entity in _of(version, "url")]
        for block in version.blocks:
            for target, start, end in block.links:
                if target.startswith(("http://", "https://", "www.")):
                    found.append(Value(normalise_url(target), target, start, end))
        return sorted(found, key=lambda value: value.start)

    return _cached(version, "urls", compute)


@dataclass(frozen=True)
class DateMention:
    """A date as written: ``nominative_span`` is set for a Russian month wrongly in the nominative after a day."""

    value: DateValue
    start: int
    end: int
    text: str
    nominative_span: tuple[int, int] | None = None

    @property
    def label(self) -> str:
        """The date in English for messages: February 28, 2023."""
        date = self.value
        name = MONTH_NAMES_EN[date.month - 1]
        if date.day is None:
            return f"{name} {date.year}" if date.year else name
        return f"{name} {date.day}" + (f", {date.year}" if date.year else "")


def dates(version: Version) -> list[DateMention]:
    """The dates of the version."""

    def compute(version: Version) -> list[DateMention]:
        found = []
        for entity in _of(version, "date"):
            assert isinstance(entity.value, DateValue)
            span = None
            if entity.detail == "nominative" and entity.value.day is not None:
                month = _RU_NOMINATIVE.search(entity.text)
                if month:
                    span = (entity.start + month.start(), entity.start + month.end())
            found.append(DateMention(entity.value, entity.start, entity.end, entity.text, span))
        return found

    return _cached(version, "dates", compute)


def times(version: Version) -> list[Value]:
    """Clock times as HH:MM."""

    def compute(version: Version) -> list[Value]:
        found = []
        for entity in _of(version, "time"):
            assert isinstance(entity.value, TimeValue)
            label = f"{entity.value.hour:02d}:{entity.value.minute:02d}"
            found.append(Value(label, label, entity.start, entity.end))
        return found

    return _cached(version, "times", compute)


def numbers(version: Version) -> list[Value]:
    """Numbers and percentages (a percentage only matches a percentage)."""

    def compute(version: Version) -> list[Value]:
        found = []
        for entity in _of(version, "number", "percent"):
            percent = entity.kind == "percent" or _PERCENT_WORD.match(version.prose, entity.end) is not None
            suffix = "%" if percent else ""
            value = Decimal(str(entity.value))
            alt = None
            if version.lang in ("kk", "ru") and _COMMA_THOUSANDS.match(entity.text):
                alt = format((value * 1000).normalize(), "f") + suffix  # the English habit, common in copied figures
            found.append(Value(format(value, "f") + suffix, entity.text.strip(), entity.start, entity.end, alt))
        return found

    return _cached(version, "numbers", compute)


def roman(value: int) -> str:
    """``value`` (1-39) in Roman numerals."""
    out = ""
    for number, letters in _ROMAN:
        while value >= number:
            out += letters
            value -= number
    return out


def small_number_words(version: Version, value: int) -> int:
    """How many times the number ``value`` is written in words, as an ordinal word or in Roman numerals.

    "two libraries", "екінші отырыс" (the second meeting), "IX форум" all stand for a digit elsewhere.
    """
    patterns = []
    words = SMALL_NUMBER_WORDS.get(version.lang, [])
    ordinals = ORDINAL_WORDS.get(version.lang, [])
    if 0 <= value < len(words):
        patterns.append(words[value])
    if 0 < value < len(ordinals):
        patterns.append(ordinals[value] + (_RU_ORDINAL_ENDING if version.lang == "ru" else ""))
    count = len(re.findall(rf"(?<!\w)(?:{'|'.join(patterns)})(?!\w)", version.prose, re.I)) if patterns else 0
    if 0 < value < 40:
        count += len(re.findall(rf"(?<![\w-]){roman(value)}(?![\w-])", version.prose))
    return count
