"""Dates, times, numbers, phones, e-mails and URLs in Kazakh, Russian and English text.

``find_entities(text, lang)`` returns every such span with a normalised value,
so two language versions can be compared by value (``28 ақпанда`` and
``February 28`` are the same :class:`DateValue`; ``75,4%`` and ``75.4%`` the
same percentage; ``+7 (727) 267-28-83`` and ``8 727 267 28 83`` the same E.164
number) and so the post pipeline can shield them from machine translation.

Spans never overlap; when two readings compete the more specific one wins
(URL > e-mail > phone > date > time > number).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Union

import regex

__all__ = [
    "DateValue",
    "Entity",
    "TimeValue",
    "MONTHS",
    "find_entities",
    "parse_number",
    "scale_of",
]


@dataclass(frozen=True, order=True)
class DateValue:
    """A calendar date as written: any part the text leaves out is None."""

    year: int | None
    month: int
    day: int | None


@dataclass(frozen=True, order=True)
class TimeValue:
    """A 24-hour clock time."""

    hour: int
    minute: int


Value = Union[DateValue, TimeValue, Decimal, str]


@dataclass(frozen=True)
class Entity:
    """One date, time, number, percentage, phone, e-mail or URL found in a text.

    ``kind`` is one of ``date time number percent phone email url``.
    ``value`` is normalised: :class:`DateValue`, :class:`TimeValue`,
    :class:`~decimal.Decimal` (numbers and percentages, scale words applied:
    ``10 млн`` is 10000000), E.164 for phones, lower case for e-mails, the URL
    as written. ``detail`` keeps what the value does not: a Kazakh case ending
    written after a hyphen (``-ды`` in ``83%-ды``), the case form of a Kazakh
    month (``loc`` for ``ақпанда``), ``nominative`` for a Russian month wrongly
    left in the nominative after a day (``20 Январь``), ``on`` when an English
    date is introduced by "on", the scale word of a number (``млн``).
    """

    kind: str
    start: int
    end: int
    text: str
    value: Value
    detail: str = ""
    lang: str | None = field(default=None, compare=False)


# ---------------------------------------------------------------- month tables

def _cldr_months(locale: str, width: str = "wide", context: str = "format") -> tuple[str, ...]:
    """The twelve month names of a locale from CLDR (through babel), lower case, without a final dot."""
    return tuple(_cldr_tables()[f"{locale} {width} {context}"])


_LOCALES = ("en", "ru", "kk")


@lru_cache(maxsize=1)
def _cldr_tables() -> dict[str, list[str]]:
    """Every month table of :data:`_LOCALES` ("ru wide stand-alone": [...]), from the start-up cache
    (translit/cache.py) when it holds them: babel reads three locales' CLDR data to give them (0.05 s)."""
    from importlib.util import find_spec
    from pathlib import Path

    from .. import cache

    spec = find_spec("babel")
    data = Path(spec.origin).parent if spec is not None and spec.origin else Path("babel")
    key = cache.key_of([data / "__init__.py", *(data / "locale-data" / f"{name}.dat" for name in ("root", *_LOCALES))])
    tables = cache.read_json("months", key) if cache.cache_dir() is not None else None
    if isinstance(tables, dict) and all(
        isinstance(names, list) and len(names) == 12 and all(isinstance(name, str) for name in names)
        for names in tables.values()
    ) and len(tables) == 4 * len(_LOCALES):
        return tables
    from babel.dates import get_month_names

    tables = {}
    for locale in _LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                names = get_month_names(width, context, locale=locale)
                tables[f"{locale} {width} {context}"] = [names[index].lower().rstrip(".") for index in range(1, 13)]
    cache.write_json("months", key, tables)
    return tables


def _prepositional(genitive: str) -> str:
    """"в феврале": CLDR has no prepositional month, but it is the genitive with е for the final а/я."""
    return genitive[:-1] + "е"


MONTHS: dict[str, tuple[str, ...]] = {
    "en": _cldr_months("en"),
    "ru_nom": _cldr_months("ru", context="stand-alone"),
    "ru_gen": _cldr_months("ru"),
    "ru_prep": tuple(_prepositional(name) for name in _cldr_months("ru")),
    "kk": _cldr_months("kk"),
}
"""Month names by table: CLDR's (babel) wide names; Russian nominative, genitive and prepositional."""

# Abbreviated months (CLDR: "Feb", "февр.", "ақп."); in Russian and Kazakh only with their full stop,
# since "мар", "там" or "қаз" alone are other words.
_ABBREVIATED: dict[str, int] = {}
for _locale, _context in (("en", "format"), ("ru", "format"), ("ru", "stand-alone"), ("kk", "format")):
    for _i, _name in enumerate(_cldr_months(_locale, "abbreviated", _context)):
        _ABBREVIATED.setdefault(_name, _i + 1)
_ABBREVIATED.setdefault("sept", 9)  # a common English form CLDR does not list
_EN_ABBR = _cldr_months("en", "abbreviated")

# Kazakh case endings a month name takes, longest first so "ақпанында" is not read as "ақпаны".
_KK_CASES: tuple[tuple[str, str], ...] = (
    ("ындағы", "poss_attr"), ("індегі", "poss_attr"),
    ("ында", "poss_loc"), ("інде", "poss_loc"),
    ("дағы", "attr"), ("дегі", "attr"), ("тағы", "attr"), ("тегі", "attr"),
    ("ның", "gen"), ("нің", "gen"), ("дың", "gen"), ("дің", "gen"), ("тың", "gen"), ("тің", "gen"),
    ("нан", "abl"), ("нен", "abl"), ("дан", "abl"), ("ден", "abl"), ("тан", "abl"), ("тен", "abl"),
    ("ға", "dat"), ("ге", "dat"), ("қа", "dat"), ("ке", "dat"),
    ("да", "loc"), ("де", "loc"), ("та", "loc"), ("те", "loc"),
    ("ы", "poss"), ("і", "poss"),
)

_MONTH_INDEX: dict[str, int] = {}
for _table in ("en", "ru_nom", "ru_gen", "ru_prep", "kk"):
    for _i, _name in enumerate(MONTHS[_table]):
        _MONTH_INDEX[_name] = _i + 1


def _month_of(word: str) -> tuple[int, str] | None:
    """Month number and case/detail of a month word in any of the three languages."""
    w = word.lower().rstrip(".")
    if w not in _MONTH_INDEX and w in _ABBREVIATED and (word.endswith(".") or w.isascii()):
        return _ABBREVIATED[w], "abbreviated"
    if w in _MONTH_INDEX:
        if w in MONTHS["ru_nom"] and w not in MONTHS["ru_gen"]:
            return _MONTH_INDEX[w], "nominative"
        if w in MONTHS["kk"]:
            return _MONTH_INDEX[w], "nom"
        return _MONTH_INDEX[w], ""
    for stem_index, stem in enumerate(MONTHS["kk"]):
        if w.startswith(stem):
            rest = w[len(stem):]
            for ending, case in _KK_CASES:
                if rest == ending:
                    return stem_index + 1, case
    return None


# ---------------------------------------------------------------- patterns

_KK_LETTERS = "а-яёәғқңөұүһіӘҒҚҢӨҰҮҺІА-ЯЁ"
_SUFFIX = rf"(?:-[{_KK_LETTERS}]{{1,6}}(?![{_KK_LETTERS}\w]))"

_MONTH_WORD = r"(?P<month>[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{3,15}\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-го|-і|-ші|-шы|-сі|-ы)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_KK_YEAR_WORD = r"(?:жыл(?:ғы|дың)|ж\.)"  # "2023 жылғы", "2023 ж."
_YEAR_AFTER = rf"(?:\s+{_YEAR}(?P<yw>\s*(?:года|год|г\.|ж\.|жылы|жылғы))?)?"  # " 2023 года", " 2023 ж."

_DATE_PATTERNS: tuple[regex.Pattern[str], ...] = tuple(
    regex.compile(p, regex.IGNORECASE)
    for p in (
        # (2023 жылғы) ақпанның 28-і, сәуірдің 1-іне (дейін), қыркүйектің 16-сында: the month in the genitive, the day's case
        # ending after a hyphen; before "February 28", which would take "сәуірдің 1" and leave "-іне"
        rf"\b(?:{_YEAR}\s*{_KK_YEAR_WORD}\s+)?(?P<month>[{_KK_LETTERS}]{{4,12}}(?:ның|нің|дың|дің|тың|тің))\s+(?P<day>[0-3]?\d)-(?P<ending>[{_KK_LETTERS}]{{1,7}})(?![{_KK_LETTERS}\w])",
        # 2023 жылғы 28 ақпанда / 2023 жылдың 28 ақпанында / 2023 ж. 28 ақп.
        rf"\b{_YEAR}\s*{_KK_YEAR_WORD}\s+(?P<day>[0-3]?\d)\s+(?P<month>[{_KK_LETTERS}]{{4,15}}|[{_KK_LETTERS}]{{3,5}}\.)",
        # 2023 жылғы ақпанда
        rf"\b{_YEAR}\s+жыл(?:ғы|дың)\s+(?P<month>[{_KK_LETTERS}]{{4,15}})",
        # On the 28th of February 2023
        rf"\b(?P<on>on\s+)?the\s+{_DAY}\s+of\s+{_MONTH_WORD}(?:,?\s+{_YEAR})?",
        # February 28, 2023 / Feb. 28
        rf"\b(?P<on>on\s+)?{_MONTH_WORD}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!-[{_KK_LETTERS}])(?:,\s*{_YEAR}|\s+{_YEAR})?\b",
        # 28 февраля 2023 года / 28 ақпан 2023 ж. / 28 February 2023
        rf"\b(?P<on>on\s+)?{_DAY}\s+{_MONTH_WORD}{_YEAR_AFTER}",
        # в феврале 2023 года / February 2023
        rf"\b(?P<month>[A-Za-zА-Яа-яЁё]{{3,9}})\s+{_YEAR}(?P<yw>\s*(?:года|г\.))?",
        # 28.02.2023 (ж. / г.)
        r"\b(?P<nday>[0-3]?\d)\.(?P<nmonth>[01]\d)\.(?P<nyear>(?:19|20)\d\d)(?P<yw>\s*(?:ж\.|г\.|года))?",
    )
)

# Ranges of days give two dates: "18–19 April 2024", "April 18–19, 2024", "с 22 по 28 апреля",
# "2024 жылғы 13–17 мамыр аралығында"; the year, when written, belongs to both.
_TO = r"(?:\s*[–—-]\s*|\s+(?:to|through|and|по|до|и)\s+)"
_RANGE_PATTERNS: tuple[regex.Pattern[str], ...] = tuple(
    regex.compile(p, regex.IGNORECASE)
    for p in (
        rf"\b{_YEAR}\s*{_KK_YEAR_WORD}\s+(?P<d1>[0-3]?\d){_TO}(?P<d2>[0-3]?\d)\s+(?P<month>[{_KK_LETTERS}]{{4,15}})",
        rf"\b(?P<month>[A-Za-z]{{3,9}}\.?)\s+(?P<d1>[0-3]?\d){_TO}(?P<d2>[0-3]?\d)(?:,?\s+{_YEAR})?\b",
        rf"(?<![\d.,])(?P<d1>[0-3]?\d){_TO}(?P<d2>[0-3]?\d)\s+{_MONTH_WORD}{_YEAR_AFTER}",
    )
)

_TIME = regex.compile(rf"(?<![\d:.,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])(?P<suffix>{_SUFFIX})?")
# Russian and Kazakh also write a time with a full stop: "с 9.00 до 18.00", "сағат 15.30-да". Only minutes no
# month can be ("9.05" may be 9 May) are read so, and only after "с", "до", "в", "сағат"…, with a Kazakh case
# ending, or joined by a dash to another such time ("9.00–18.00"); "в 2.50 раза", "до 2.50 доллара" stay numbers.
_DOTTED_TIME = regex.compile(rf"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])\.(?P<m>00|15|[2-5][05])(?!\d|[.,:]\d|\s*(?:раз|доллар|рубл|тенге|теңге|евро|млн|млрд|тыс|%))(?P<suffix>{_SUFFIX})?")
_TIME_WORD_BEFORE = regex.compile(r"(?:^|[^\w])(?:с|со|до|в|во|к|от|после|около|сағат|сағ\.)\s*$", regex.IGNORECASE)
_TIME_DASH = regex.compile(r"\s*[–—-]\s*")
_EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# NUL is where the checks blanked markup or a line end out (checks.base): a link never runs across it.
_URL = regex.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"«»“”\x00]+"
    r"|\b(?<![@\w.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:kz|ru|com|org|net|gov|edu|info|kg|uz|ua|by|io|int)\b(?:/[^\s<>\"«»“”\x00]*)?",
    regex.IGNORECASE,
)
_GROUP_SPACE = "[ \u00a0\u202f\u2009]"
_NUMBER = regex.compile(
    rf"(?<![\w.,])(?P<num>\d{{1,3}}(?:(?P<sep>,|{_GROUP_SPACE}|\.)\d{{3}}(?:(?P=sep)\d{{3}})*)(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
    rf"(?P<pct>\s?%)?"
    rf"(?P<scale>\s+(?:(?:млн|млрд|трлн|mln|bn)\b\.?|тыс\.|(?:миллион|миллиард|триллион|тысяч|мың)[{_KK_LETTERS}]*|(?:million|billion|trillion|thousand)s?\b))?"
    rf"(?P<suffix>{_SUFFIX})?"
)
# Scale words by their first letters: "миллиона", "миллионнан", "млн." and "millions" are all 10**6.
_SCALES = (
    ("млрд", 10**9), ("миллиард", 10**9), ("bn", 10**9), ("billion", 10**9),
    ("трлн", 10**12), ("триллион", 10**12), ("trillion", 10**12),
    ("млн", 10**6), ("миллион", 10**6), ("mln", 10**6), ("million", 10**6),
    ("мың", 10**3), ("тыс", 10**3), ("thousand", 10**3),
)


def scale_of(word: str) -> int | None:
    """The power of ten a scale word stands for, in any case form: "млн", "миллионнан", "тысячи", "millions"."""
    word = word.lower()
    return next((scale for prefix, scale in _SCALES if word.startswith(prefix)), None)


_TRAILING_URL_PUNCT = ".,;:!?)»”'\""


def parse_number(text: str, lang: str | None = None) -> Decimal | None:
    """The value of a number written with any separators: ``10 000``, ``10,000``, ``75,4``, ``75.4``.

    A comma or point followed by exactly three digits is a thousands separator
    unless ``lang`` says otherwise (``1,500`` is 1500 in English, 1.5 in Russian).
    """
    s = regex.sub(_GROUP_SPACE, "", text.strip())
    if not s:
        return None
    last_comma, last_point = s.rfind(","), s.rfind(".")
    if last_comma >= 0 and last_point >= 0:
        decimal_mark = "," if last_comma > last_point else "."
    elif last_comma >= 0 or last_point >= 0:
        mark = "," if last_comma >= 0 else "."
        tail = s.rsplit(mark, 1)[1]
        groups = s.count(mark)
        if groups > 1 or (len(tail) == 3 and not (lang in ("ru", "kk") and mark == ",") and not (lang == "en" and mark == ".")):
            decimal_mark = ""  # thousands only
        else:
            decimal_mark = mark
    else:
        decimal_mark = ""
    group_mark = {",": ".", ".": ",", "": ",."}[decimal_mark]
    for g in group_mark:
        s = s.replace(g, "")
    if decimal_mark:
        s = s.replace(decimal_mark, ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _phones(text: str) -> list[Entity]:
    if not any(ch.isdigit() for ch in text):
        return []
    import phonenumbers

    found = []
    for match in phonenumbers.PhoneNumberMatcher(text, "KZ", leniency=phonenumbers.Leniency.VALID):
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        found.append(Entity("phone", match.start, match.end, match.raw_string, e164))
    return found


def _date_from(m: regex.Match[str]) -> tuple[DateValue, str] | None:
    groups = m.groupdict()
    if groups.get("nmonth"):
        numeric = DateValue(int(groups["nyear"]), int(groups["nmonth"]), int(groups["nday"]))
        if not (1 <= numeric.month <= 12 and numeric.day is not None and 1 <= numeric.day <= 31):
            return None
        return numeric, "numeric"
    parsed = _month_of(groups["month"])
    if parsed is None:
        return None
    month, detail = parsed
    word = groups["month"].lower().rstrip(".")
    if word in _EN_ABBR and groups.get("day") is None:
        return None  # "may 2023" is more often the verb than the month
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("on"):
        detail = "on"
    elif groups.get("ending"):
        detail = _day_ending_case(groups["ending"].lower()) or detail
    return DateValue(year, month, day), detail


def _day_ending_case(ending: str) -> str | None:
    """The case of "сәуірдің 1-іне" from the day's ending: its locative (16-сында), dative…; None for the
    plain possessive (ақпанның 28-і), which is told by the month's genitive."""
    for endings, case in ((("ндағы", "ндегі"), "poss_attr"), (("нда", "нде"), "poss_loc"), (("нан", "нен"), "abl"), (("на", "не"), "dat")):
        if ending.endswith(endings):
            return case
    return None


class _Taken:
    """Which characters of a text are already claimed by a span: each test and claim costs the span's length,
    so a text with many numbers and dates is still handled in linear time."""

    def __init__(self, size: int) -> None:
        self.marks = bytearray(size)

    def overlaps(self, start: int, end: int) -> bool:
        return self.marks.find(1, start, end) >= 0

    def claim(self, start: int, end: int) -> None:
        self.marks[start:end] = b"\x01" * (end - start)


# After a date, what starts a new sentence: a full stop written once ends both "г." and the sentence.
_NEXT_SENTENCE = regex.compile(r"\s*$|\s+[\p{Lu}«\"“„(]")


def _date_end(text: str, m: regex.Match[str]) -> int:
    """The end of a date match without a final full stop that belongs to the sentence: after a full month
    name it is always punctuation ("до 20 марта."), after "г.", "ж." or "февр." only where a sentence ends."""
    end = m.end()
    if text[end - 1] != ".":
        return end
    month = m.groupdict().get("month")
    if month and m.end("month") == end and month[:-1].lower() in _MONTH_INDEX:
        return end - 1
    return end - 1 if _NEXT_SENTENCE.match(text, end) else end


def _date_ranges(text: str, taken: _Taken) -> list[Entity]:
    found: list[Entity] = []
    for pattern in _RANGE_PATTERNS:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            parsed = _month_of(m["month"])
            first, last = int(m["d1"]), int(m["d2"])
            if parsed is None or not 1 <= first < last <= 31:
                continue
            year = int(m["year"]) if m["year"] else None
            month, detail = parsed
            found.append(Entity("date", m.start("d1"), m.end("d1"), m["d1"], DateValue(year, month, first), "range"))
            end = _date_end(text, m)
            found.append(Entity("date", m.start("d2"), end, text[m.start("d2") : end], DateValue(year, month, last), detail))
            if m.start() < m.start("d1"):  # the year written before the range is part of its first date
                found[-2] = Entity("date", m.start(), m.end("d1"), text[m.start() : m.end("d1")], DateValue(year, month, first), "range")
            taken.claim(m.start(), m.end())
    return found


def _dates(text: str) -> list[Entity]:
    taken = _Taken(len(text))
    found: list[Entity] = _date_ranges(text, taken)
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.start(), _date_end(text, m)
            if taken.overlaps(start, end):
                continue
            parsed = _date_from(m)
            if parsed is None:
                continue
            value, detail = parsed
            # "On" is kept out of the span: it is prose, the date is the entity.
            if m.groupdict().get("on"):
                start = m.end("on")
            found.append(Entity("date", start, end, text[start:end], value, detail))
            taken.claim(m.start(), end)
    return found


def _times(text: str, lang: str | None) -> list[Entity]:
    found = [
        Entity("time", m.start(), m.start("m") + 2, text[m.start():m.start("m") + 2],
               TimeValue(int(m["h"]), int(m["m"])), (m["suffix"] or ""))
        for m in _TIME.finditer(text)
    ]
    if lang not in ("ru", "kk") or "." not in text:
        return found
    dotted = list(_DOTTED_TIME.finditer(text))
    for k, m in enumerate(dotted):
        joined = (k > 0 and _TIME_DASH.fullmatch(text, dotted[k - 1].end(), m.start())) or (
            k + 1 < len(dotted) and _TIME_DASH.fullmatch(text, m.end(), dotted[k + 1].start()))
        if m["suffix"] or joined or _TIME_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            found.append(Entity("time", m.start(), m.end("m"), text[m.start() : m.end("m")], TimeValue(int(m["h"]), int(m["m"])), m["suffix"] or ""))
    return found


def _numbers(text: str, lang: str | None) -> list[Entity]:
    found = []
    for m in _NUMBER.finditer(text):
        value = parse_number(m["num"], lang)
        if value is None:
            continue
        scale_word = (m["scale"] or "").strip().lower()
        if scale_word:
            value = value * (scale_of(scale_word) or 1)
        kind = "percent" if m["pct"] else "number"
        end = m.end("scale") if m["scale"] else (m.end("pct") if m["pct"] else m.end("num"))
        detail = scale_word or m["suffix"] or ""  # "6,5 млн-нан": the scale is the detail, "-нан" stays in the text
        found.append(Entity(kind, m.start(), end, text[m.start():end], _tidy(value), detail))
    return found


def _tidy(value: Decimal) -> Decimal:
    """10000 rather than 1E+4, 75.4 rather than 75.40: values compare and print plainly."""
    if value == value.to_integral_value():
        return value.to_integral_value()
    return value.normalize()


def _urls(text: str) -> list[Entity]:
    found = []
    for m in _URL.finditer(text):
        url = m.group().rstrip(_TRAILING_URL_PUNCT)
        if m.group().endswith(")") and url.count("(") > url.count(")"):
            url += ")"
        found.append(Entity("url", m.start(), m.start() + len(url), url, url))
    return found


def _emails(text: str) -> list[Entity]:
    return [Entity("email", m.start(), m.end(), m.group(), m.group().lower()) for m in _EMAIL.finditer(text)]


def find_entities(text: str, lang: str | None = None, kinds: frozenset[str] | None = None) -> list[Entity]:
    """Every date, time, number, percentage, phone, e-mail and URL in ``text``, in order.

    ``lang`` ("kk", "ru", "en" or None) only settles ``1,500``-style
    ambiguity; dates and months of all three languages are always found.
    ``kinds`` limits the search (e.g. ``frozenset({"phone"})``).
    """
    return list(_find_cached(text, lang, kinds))


@lru_cache(maxsize=4096)
def _find_cached(text: str, lang: str | None, kinds: frozenset[str] | None) -> tuple[Entity, ...]:
    stages = (
        ("url", lambda: _urls(text)),
        ("email", lambda: _emails(text)),
        ("phone", lambda: _phones(text)),
        ("date", lambda: _dates(text)),
        ("time", lambda: _times(text, lang)),
        ("number", lambda: _numbers(text, lang)),
    )
    chosen: list[Entity] = []
    taken = _Taken(len(text))
    for kind, run in stages:
        if kinds is not None and kind not in kinds and not (kind == "number" and "percent" in kinds):
            continue
        for entity in run():
            if kinds is not None and entity.kind not in kinds:
                continue
            if taken.overlaps(entity.start, entity.end):
                continue
            taken.claim(entity.start, entity.end)
            chosen.append(Entity(entity.kind, entity.start, entity.end, entity.text, entity.value, entity.detail, lang))
    chosen.sort(key=lambda e: e.start)
    return tuple(chosen)
