"""Dates and times: the same day, month and year in every version; Russian months in the genitive.

``dates.mismatch`` — day and month (and the year where both versions give one) must agree:
"February 28, 2023" = "28 февраля 2023 года" = "2023 жылғы 28 ақпанда" = 28.02.2023. Clock
times too (15:00 = 15:00-де).
``dates.nominative-month`` — a Russian month after a day must be genitive: "20 Январь" → "20 января".
``dates.style`` — an English date not in the configured style (``[dates] en = "us"`` → "February 28,
2023"; ``"uk"`` → "28 February 2023"); silent with the default ``"any"``.
"""

from __future__ import annotations

import re

from ..names.entities import MONTHS
from .base import CheckSpec, Emitter, Post, Version, quote
from .compare import compare_values
from .extract import DateMention, Value, dates, times

CHECKS = [
    CheckSpec("dates.mismatch", "error", "A date or time is not the same in every version.", pair=True),
    CheckSpec("dates.nominative-month", "error", "A Russian month after a day in the nominative (“20 Январь”).", fixable=True),
    CheckSpec("dates.style", "info", "An English date not in the house style set by [dates] en."),
]


def _day_values(version: Version) -> list[Value]:
    return [Value(f"{d.value.month}-{d.value.day}", d.label, d.start, d.end) for d in dates(version) if d.value.day is not None]


def _time_values(version: Version) -> list[Value]:
    return times(version)


def run(post: Post, out: Emitter) -> None:
    """Check month forms and date style in each version, then compare dates and times."""
    for version in post.versions:
        if version.lang == "ru" and out.enabled("dates.nominative-month"):
            for mention in dates(version):
                if mention.nominative_span is None:
                    continue
                start, end = mention.nominative_span
                month = version.text[start:end]
                genitive = MONTHS["ru_gen"][mention.value.month - 1]
                day = mention.value.day
                out(
                    "dates.nominative-month",
                    version,
                    start,
                    end,
                    f"After a day the month is genitive: {quote(f'{day} {genitive}')}, not {quote(f'{day} {month}')}.",
                    fix=genitive,
                )
        if version.lang == "en":
            _style(version, out)
    compare_values(post, out, "dates.mismatch", _day_values, "date")
    _years(post, out)
    compare_values(post, out, "dates.mismatch", _time_values, "time")


def _style(version: Version, out: Emitter) -> None:
    style = out.config.date_style.get("en", "any")
    if style == "any" or not out.enabled("dates.style"):
        return
    for mention in dates(version):
        date = mention.value
        if date.day is None or mention.text[:1].isdigit() and "." in mention.text:
            continue
        month_first = not re.match(r"(?i)(?:the\s+)?\d", mention.text)
        name = MONTHS["en"][date.month - 1].capitalize()
        if style == "us" and not month_first:
            wanted = f"{name} {date.day}" + (f", {date.year}" if date.year else "")
        elif style == "uk" and month_first:
            wanted = f"{date.day} {name}" + (f" {date.year}" if date.year else "")
        else:
            continue
        out("dates.style", version, mention.start, mention.end, f"House style writes this date as “{wanted}”.", fix=wanted)


def _years(post: Post, out: Emitter) -> None:
    """Same day and month but a different year where both versions give one."""
    if not out.enabled("dates.mismatch"):
        return
    seen: dict[tuple[int | None, int], tuple[Version, DateMention]] = {}
    for version in post.versions:
        for mention in dates(version):
            date = mention.value
            if date.year is None:
                continue
            key = (date.day, date.month)
            if key in seen and seen[key][0].lang != version.lang and seen[key][1].value.year != date.year:
                other, first = seen[key]
                out(
                    "dates.mismatch",
                    version,
                    mention.start,
                    mention.end,
                    f"The year {date.year} differs from {first.value.year} in the {other.lang} version (line {other.position(first.start)[0]}).",
                )
            seen.setdefault(key, (version, mention))
