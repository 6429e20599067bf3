"""Values the pair checks compare: phones, e-mails, URLs, dates, times and numbers.

Each extractor runs once per version (results cached on the version) and
returns offsets into the version's text, so a number inside a phone or a
date is not counted again as a bare number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from .base import Version

MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
MONTHS_EN_ABBR = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MONTHS_RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
MONTHS_RU_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
MONTHS_RU_PREP = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"]
MONTHS_KK = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]

_EN_MONTH = "|".join(MONTHS_EN + [abbr + r"\.?" for abbr in MONTHS_EN_ABBR if abbr != "may"] + ["sept\\.?"])
_RU_MONTH = "|".join(MONTHS_RU_GEN + MONTHS_RU_NOM)
_KK_MONTH = "|".join(MONTHS_KK)
_DAY = r"(?P<d>[0-3]?\d)"
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)"

DATE_PATTERNS = {
    "en": [
        re.compile(rf"\b(?P<m>{_EN_MONTH})\s+{_DAY}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?", re.I),
        re.compile(rf"\b{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_EN_MONTH})(?:,?\s+{_YEAR}\b)?", re.I),
        re.compile(rf"\b(?:in\s+)?(?P<m>{_EN_MONTH})(?:\s+of)?,?\s+{_YEAR}\b", re.I),
    ],
    "ru": [
        re.compile(rf"(?<![\w.]){_DAY}(?:-?го)?\s+(?P<m>{_RU_MONTH})(?![\w])(?:\s+{_YEAR}(?:\s*(?:года|году|г\.))?)?", re.I),
        re.compile(rf"(?P<m>{'|'.join(MONTHS_RU_PREP + MONTHS_RU_NOM)})\s+{_YEAR}(?:\s*(?:года|году|г\.))?", re.I),
    ],
    "kk": [
        re.compile(rf"(?:{_YEAR}\s+жыл(?:ғы|дың|ы)\s+)?{_DAY}(?:-[іи])?\s+(?P<m>{_KK_MONTH})[а-яәғқңөұүһі]*(?:\s+(?P<y2>(?:1[89]|20)\d\d)\s*(?:ж\.|жыл\w*))?", re.I),
        re.compile(rf"(?P<m>{_KK_MONTH})[а-яәғқңөұүһі]*\s+{_DAY}-(?:і|ы|сі|сы|нші|ші)\b", re.I),
        re.compile(rf"{_YEAR}\s+жыл(?:ғы|дың)\s+(?P<m>{_KK_MONTH})[а-яәғқңөұүһі]*", re.I),
    ],
}
_NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]?\d)")
_TIME = re.compile(r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?![\d:]|\.\d)(?:\s*(?P<ampm>[ap]\.?m\.?))?", re.I)
_TIME_AMPM = re.compile(r"(?<![\d:])(?P<h>1[0-2]|0?[1-9])\s*(?P<ampm>[ap]\.?m\.?)(?!\w)", re.I)

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]«»\"“”]+[^\s<>()\[\]«»\"“”.,;:!?]")
_LANG_SEGMENTS = frozenset({"en", "eng", "ru", "rus", "kk", "kz", "kaz", "qq", "qz"})

_GROUPED_SPACE = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)"
_GROUPED_COMMA = r"\d{1,3}(?:,\d{3})+(?![\d,])"
NUMBER_PATTERNS = {
    "en": re.compile(rf"(?<![^\W\d_]-)(?<![\w.,/#])(?P<n>{_GROUPED_COMMA}|\d+)(?P<frac>\.\d+)?(?![\w.]?\d)"),
    "cyr": re.compile(rf"(?<![^\W\d_]-)(?<![\w.,/#])(?P<n>{_GROUPED_SPACE}|\d+)(?P<frac>,\d+)?(?![\w,]?\d)"),
}
MULTIPLIERS = [
    (re.compile(r"\s*(?:thousand\b|тыс\.|тысяч\w*|мың\b)", re.I), Decimal(10) ** 3),
    (re.compile(r"\s*(?:million\b|mln\b|млн\.?|миллион\w*)", re.I), Decimal(10) ** 6),
    (re.compile(r"\s*(?:billion\b|bn\b|млрд\.?|миллиард\w*)", re.I), Decimal(10) ** 9),
    (re.compile(r"\s*(?:trillion\b|трлн\.?|триллион\w*)", re.I), Decimal(10) ** 12),
]
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


@dataclass(frozen=True)
class Value:
    """A value found in a version: ``key`` compares across languages, ``label`` is shown to editors."""

    key: str
    label: str
    start: int
    end: int


def _cached(version: Version, name: str, compute):  # type: ignore[no-untyped-def]
    cache = version.__dict__.setdefault("_values", {})
    if name not in cache:
        cache[name] = compute(version)
    return cache[name]


def phones(version: Version) -> list[Value]:
    """Phone numbers, keyed by E.164 (the same number written +7 (727) … or 8 (727) …)."""

    def compute(version: Version) -> list[Value]:
        if not re.search(r"\d[\d\s()\-‑.]{6,}\d", version.text):
            return []
        import phonenumbers

        found = []
        for match in phonenumbers.PhoneNumberMatcher(version.text, "KZ", leniency=phonenumbers.Leniency.POSSIBLE):
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            label = e164 if phonenumbers.is_valid_number(match.number) else "invalid:" + e164
            found.append(Value(e164, label, match.start, match.end))
        return found

    return _cached(version, "phones", compute)


def emails(version: Version) -> list[Value]:
    """E-mail addresses, compared case-insensitively."""
    return _cached(version, "emails", lambda v: [Value(m.group().lower(), m.group(), m.start(), m.end()) for m in _EMAIL.finditer(v.text)])


def normalise_url(url: str) -> str:
    """A URL with the parts that legitimately differ between language versions removed.

    Scheme, ``www.``, a trailing slash, and a language code as a path segment,
    query value or subdomain (``/en/``, ``?lang=ru``, ``kk.example.kz``) are ignored.
    """
    if url.startswith("www."):
        url = "http://" + url
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    labels = host.split(".")
    if len(labels) > 2 and labels[0] in _LANG_SEGMENTS:
        host = ".".join(labels[1:])
    path = "/".join(segment for segment in parts.path.split("/") if segment and segment.lower() not in _LANG_SEGMENTS)
    query = "&".join(
        item for item in parts.query.split("&") if item and not (item.split("=", 1)[-1].lower() in _LANG_SEGMENTS and "=" in item)
    )
    return f"{host}/{path}" + (f"?{query}" if query else "")


def urls(version: Version) -> list[Value]:
    """Link targets and bare URLs (mailto: links count as e-mails, fragments and relative links are skipped)."""

    def compute(version: Version) -> list[Value]:
        found: list[Value] = []
        covered: list[tuple[int, int]] = []
        for block in version.blocks:
            for target, start, end in block.links:
                covered.append((start, end))
                if target.startswith(("http://", "https://", "www.")):
                    found.append(Value(normalise_url(target), target, start, end))
        for match in _URL.finditer(version.text):
            if not any(start <= match.start() < end for start, end in covered):
                found.append(Value(normalise_url(match.group()), match.group(), match.start(), match.end()))
        return found

    return _cached(version, "urls", compute)


def _month_index(name: str, lang: str) -> int:
    name = name.lower().rstrip(".")
    if lang == "en":
        for index, month in enumerate(MONTHS_EN):
            if month.startswith(name[:3]):
                return index + 1
    if lang == "ru":
        for table in (MONTHS_RU_GEN, MONTHS_RU_NOM, MONTHS_RU_PREP):
            if name in table:
                return table.index(name) + 1
    if lang == "kk":
        for index, month in enumerate(MONTHS_KK):
            if name.startswith(month):
                return index + 1
    raise ValueError(name)


@dataclass(frozen=True)
class DateValue:
    """A date mention: day may be None ("in February 2023"), year may be None ("28 February")."""

    day: int | None
    month: int
    year: int | None
    start: int
    end: int
    month_start: int
    month_end: int

    @property
    def label(self) -> str:
        """The date in ISO-like form for messages: 2023-02-28, --02-28, 2023-02."""
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year if self.year else '--'}-{self.month:02d}-{self.day:02d}"


def dates(version: Version) -> list[DateValue]:
    """Dates in the version's language, plus numeric dates (28.02.2023) in any language."""

    def compute(version: Version) -> list[DateValue]:
        text = version.prose
        found: list[DateValue] = []
        taken: list[tuple[int, int]] = []
        for pattern in DATE_PATTERNS.get(version.lang, []):
            for match in pattern.finditer(text):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                groups = match.groupdict()
                day = int(groups["d"]) if groups.get("d") else None
                if day is not None and not 1 <= day <= 31:
                    continue
                year_text = groups.get("y") or groups.get("y2")
                month = _month_index(match.group("m"), version.lang)
                found.append(DateValue(day, month, int(year_text) if year_text else None, match.start(), match.end(), match.start("m"), match.end("m")))
                taken.append((match.start(), match.end()))
        for match in _NUMERIC_DATE.finditer(text):
            day, month = int(match.group("d")), int(match.group("mo"))
            if 1 <= day <= 31 and 1 <= month <= 12 and not any(s < match.end() and match.start() < e for s, e in taken):
                found.append(DateValue(day, month, int(match.group("y")), match.start(), match.end(), match.start("mo"), match.end("mo")))
        found.sort(key=lambda value: value.start)
        return found

    return _cached(version, "dates", compute)


def times(version: Version) -> list[Value]:
    """Clock times, keyed as 24-hour HH:MM (3 p.m. = 15:00)."""

    def compute(version: Version) -> list[Value]:
        found = []
        for pattern in (_TIME, _TIME_AMPM):
            for match in pattern.finditer(version.prose):
                hour = int(match.group("h"))
                minute = int(match.groupdict().get("mi") or 0)
                ampm = (match.group("ampm") or "").lower()
                if ampm.startswith("p") and hour < 12:
                    hour += 12
                elif ampm.startswith("a") and hour == 12:
                    hour = 0
                found.append(Value(f"{hour:02d}:{minute:02d}", match.group(), match.start(), match.end()))
        return found

    return _cached(version, "times", compute)


def numbers(version: Version) -> list[Value]:
    """Numbers outside dates, times, phones and URLs, normalised (75,4 = 75.4; 10 000 = 10,000; 10 млн = 10 million)."""

    def compute(version: Version) -> list[Value]:
        text = version.prose
        excluded = [(value.start, value.end) for value in phones(version) + times(version)]
        excluded += [(value.start, value.end) for value in dates(version)]
        pattern = NUMBER_PATTERNS["en" if version.lang == "en" else "cyr"]
        found = []
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in excluded):
                continue
            digits = re.sub(r"[ \u00a0\u202f,]", "", match.group("n"))
            fraction = (match.group("frac") or "").replace(",", ".")
            try:
                value = Decimal(digits + fraction)
            except InvalidOperation:
                continue
            end = match.end()
            for multiplier, factor in MULTIPLIERS:
                hit = multiplier.match(text, end)
                if hit:
                    value *= factor
                    end = hit.end()
                    break
            key = format(value.normalize(), "f")
            found.append(Value(key, text[match.start() : end].strip(), match.start(), end))
        return found

    return _cached(version, "numbers", compute)


def small_number_words(version: Version, value: int) -> int:
    """How many times the number ``value`` (0-12) is written as a word in the version."""
    words = SMALL_NUMBER_WORDS.get(version.lang)
    if not words or not 0 <= value < len(words):
        return 0
    return len(re.findall(rf"(?<!\w)(?:{words[value]})(?!\w)", version.prose, re.I))
