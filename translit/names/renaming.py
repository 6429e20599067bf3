"""When a renamed entity's names were in use, and the date a post is about.

A former name carries ``until``: the day (or the year) the entity was renamed.
A post names the entity as of its own date under the default policy
(``[glossaries] renamed = "post-date"``), so the date of a post is read off
its file name or its text.
"""

from __future__ import annotations

import datetime
from typing import Any

import regex

RENAMED_POLICIES: tuple[str, ...] = ("post-date", "today")
"""How a post names a renamed entity: as of the post's date (the draft's name when that is unknown), or today's name."""


def renamed_policy(config: Any) -> str:
    """``[glossaries] renamed`` from translit.toml: "post-date" (the default) or "today"."""
    section = config.section("glossaries") if config is not None else {}
    value = section.get("renamed", RENAMED_POLICIES[0])
    if value not in RENAMED_POLICIES:
        from ..config import ConfigError

        raise ConfigError(
            f"[glossaries] renamed = {value!r}: use one of {', '.join(map(repr, RENAMED_POLICIES))}",
            path=getattr(config, "path", None),
        )
    return str(value)


def earliest_day(until: str) -> datetime.date:
    """The earliest day a change known as ``until`` can have happened ("2023" → 2023-01-01)."""
    try:
        return datetime.date.fromisoformat(until)
    except ValueError:
        year = regex.match(r"\d{4}", until)
        return datetime.date(int(year.group()), 1, 1) if year else datetime.date.min


def day_after(until: str) -> datetime.date:
    """The first day a name was no longer in use: the day after a year written alone ("2023" → 2024-01-01)."""
    try:
        return datetime.date.fromisoformat(until)
    except ValueError:
        year = regex.match(r"\d{4}", until)
        return datetime.date(int(year.group()) + 1, 1, 1) if year else datetime.date.max


def post_date(text: str, name: str = "") -> datetime.date | None:
    """The date a post is about: a YYYY-MM-DD in its file name, else the first full date in its text."""
    found = regex.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", name)
    if found:
        try:
            return datetime.date(*(int(g) for g in found.groups()))
        except ValueError:
            pass
    from .entities import find_entities

    for entity in find_entities(text, kinds=frozenset({"date"})):
        value = entity.value
        if getattr(value, "year", None) and getattr(value, "day", None):
            try:
                return datetime.date(value.year, value.month, value.day)  # type: ignore[union-attr]
            except ValueError:
                continue
    return None
