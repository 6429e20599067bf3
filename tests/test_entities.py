"""Dates, numbers, phones and contacts in kk/ru/en news text, and their news-style rendering."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from translit.names.entities import DateValue, TimeValue, find_entities, parse_number
from translit.names.localize import fix_dashes, fix_quotes, format_date, kk_suffix, render_entity

SEED = (Path(__file__).resolve().parent.parent / "examples" / "nlrk-2023-02-28.en.txt").read_text(encoding="utf-8")


def values(text: str, lang: str | None = None) -> list[tuple[str, object]]:
    return [(e.kind, e.value) for e in find_entities(text, lang)]


def test_seed_phone_and_date() -> None:
    found = find_entities(SEED, "en")
    assert [(e.kind, e.text, e.value) for e in found] == [
        ("phone", "+7 (727) 267-28-83", "+77272672883"),
        ("date", "the 28th of February", DateValue(None, 2, 28)),
    ]
    assert found[1].detail == "on"


@pytest.mark.parametrize(
    ("text", "value", "detail"),
    [
        ("2023 жылғы 28 ақпанда", DateValue(2023, 2, 28), "loc"),
        ("2023 жылдың 28 ақпанында", DateValue(2023, 2, 28), "poss_loc"),
        ("28 ақпандағы жиын", DateValue(None, 2, 28), "attr"),
        ("ақпанның 28-і", DateValue(None, 2, 28), "gen"),
        ("28.02.2023 ж.", DateValue(2023, 2, 28), "numeric"),
        ("28 февраля 2023 года", DateValue(2023, 2, 28), ""),
        ("11:20, 20 Январь 2026", DateValue(2026, 1, 20), "nominative"),
        ("в феврале 2023 года", DateValue(2023, 2, None), ""),
        ("February 28, 2023", DateValue(2023, 2, 28), ""),
        ("11 May 2022, 17:37", DateValue(2022, 5, 11), ""),
        ("On the 28th of February", DateValue(None, 2, 28), "on"),
    ],
)
def test_dates_in_three_languages(text: str, value: DateValue, detail: str) -> None:
    dates = [e for e in find_entities(text) if e.kind == "date"]
    assert [(d.value, d.detail) for d in dates] == [(value, detail)]


def test_may_the_verb_is_not_a_month() -> None:
    assert values("Readers may 2023 books borrow", "en") == [("number", Decimal(2023))]


def test_times_with_kazakh_ending() -> None:
    found = find_entities("сағат 15:00-де басталады", "kk")
    assert [(e.kind, e.text, e.value, e.detail) for e in found] == [("time", "15:00", TimeValue(15, 0), "-де")]


@pytest.mark.parametrize(
    ("text", "lang", "kind", "value", "detail"),
    [
        ("более 10 000 книг", "ru", "number", Decimal(10000), ""),
        ("more than 10,000 books", "en", "number", Decimal(10000), ""),
        ("75,4%-ын", "kk", "percent", Decimal("75.4"), "-ын"),
        ("83%-ды құрады", "kk", "percent", Decimal(83), "-ды"),
        ("75.4%", "en", "percent", Decimal("75.4"), ""),
        ("10 млн теңге", "kk", "number", Decimal(10_000_000), "млн"),
        ("KZT 10 million", "en", "number", Decimal(10_000_000), "million"),
        ("1\u00a0500,5 тенге", "ru", "number", Decimal("1500.5"), ""),
    ],
)
def test_numbers(text: str, lang: str, kind: str, value: Decimal, detail: str) -> None:
    (entity,) = find_entities(text, lang)
    assert (entity.kind, entity.value, entity.detail) == (kind, value, detail)


def test_number_ambiguity_settled_by_language() -> None:
    assert parse_number("1,500", "en") == Decimal(1500)
    assert parse_number("1,500", "ru") == Decimal("1.5")
    assert parse_number("10.000.000") == Decimal(10_000_000)


def test_phones_compare_by_e164() -> None:
    a = find_entities("тел.: +7 (727) 267-28-83", "ru")
    b = find_entities("tel.: 8 727 267 28 83", "en")
    assert [e.value for e in a] == [e.value for e in b] == ["+77272672883"]


def test_contacts() -> None:
    text = "Write to Info@NLRK.kz or see https://nlrk.kz/index.php?id=2550. Also www.nabrk.kz, nlrk.kz/en."
    assert values(text, "en") == [
        ("email", "info@nlrk.kz"),
        ("url", "https://nlrk.kz/index.php?id=2550"),
        ("url", "www.nabrk.kz"),
        ("url", "nlrk.kz/en"),
    ]


def test_spans_never_overlap_and_match_text() -> None:
    text = "2023 жылғы 28 ақпанда сағат 15:00-де +7 (727) 267-28-83 нөміріне 83%-ды 10 000 кітап info@nlrk.kz"
    found = find_entities(text, "kk")
    assert [e.kind for e in found] == ["date", "time", "phone", "percent", "number", "email"]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    assert all(text[e.start:e.end] == e.text for e in found)


# ------------------------------------------------------------------ rendering


def test_dates_in_news_style() -> None:
    d = DateValue(2023, 2, 28)
    assert format_date(d, "en") == "February 28, 2023"
    assert format_date(d, "en", style="uk") == "28 February 2023"
    assert format_date(d, "ru") == "28 февраля 2023 года"
    assert format_date(d, "kk") == "2023 жылғы 28 ақпанда"
    assert format_date(d, "kk", case="attr") == "2023 жылғы 28 ақпандағы"
    assert format_date(DateValue(2023, 2, None), "ru", case="prep") == "феврале 2023 года"


@pytest.mark.parametrize(
    ("word", "case", "suffix"),
    [("ақпан", "loc", "да"), ("сәуір", "loc", "де"), ("қыркүйек", "loc", "те"), ("шілде", "dat", "ге"),
     ("ақпан", "gen", "ның"), ("тамыз", "gen", "дың"), ("ақпан", "abl", "нан"), ("Шымкент", "loc", "те"),
     ("Тараз", "ins", "бен"), ("Атырау", "loc", "да")],
)
def test_kazakh_suffixes(word: str, case: str, suffix: str) -> None:
    assert kk_suffix(word, case) == suffix


def test_numbers_get_each_languages_separators() -> None:
    (thousands,) = find_entities("more than 10,000 books", "en")
    (percent,) = find_entities("75,4%", "kk")
    (money,) = find_entities("10 млн теңге", "kk")
    assert [render_entity(thousands, lang) for lang in ("en", "ru", "kk")] == ["10,000", "10\u00a0000", "10\u00a0000"]
    assert [render_entity(percent, lang) for lang in ("en", "ru", "kk")] == ["75.4%", "75,4%", "75,4%"]
    assert [render_entity(money, lang) for lang in ("en", "ru", "kk")] == ["10 million", "10 млн", "10 млн"]
    (year,) = find_entities("in 2023", "en")
    assert render_entity(year, "ru") == "2023"


def test_phones_and_dates_render() -> None:
    phone, date = find_entities(SEED, "en")
    assert render_entity(phone, "ru") == "+7 (727) 267-28-83"
    assert render_entity(date, "kk") == "28 ақпанда"
    assert render_entity(date, "ru") == "28 февраля"
    assert render_entity(date, "en") == "February 28"


def test_quotes_and_dashes_by_language() -> None:
    text = 'the magazine "Balalarga oku" - and «Otbasylyk oku»'
    assert fix_quotes(text, "en") == "the magazine “Balalarga oku” - and “Otbasylyk oku”"
    assert fix_quotes(text, "ru") == "the magazine «Balalarga oku» - and «Otbasylyk oku»"
    assert fix_dashes("Организаторы - Управление", "ru") == "Организаторы — Управление"
    assert fix_dashes("Ұйымдастырушылар - басқарма", "kk") == "Ұйымдастырушылар – басқарма"
    assert fix_dashes("Otbasylyk oku-tarbiye", "en") == "Otbasylyk oku-tarbiye"
