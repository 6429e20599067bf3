"""Phone numbers through phonenumberslite (libphonenumber without its geocoding data).

The answers below were the same with the full ``phonenumbers`` package (9.0.42) and with
``phonenumberslite`` (9.0.42) when the dependency was switched; translit never asks for
carriers, time zones or places, the data the lite package leaves out.
"""

from __future__ import annotations

import phonenumbers
import pytest


NUMBERS = [
    ("+7 (727) 267-28-83", True, "+77272672883", "KZ"),  # Almaty landline
    ("8 (7172) 57-15-31", True, "+77172571531", "KZ"),  # Astana, national trunk prefix
    ("+7 701 123 45 67", True, "+77011234567", "KZ"),  # mobile
    ("+7 (7252) 53-00-00", True, "+77252530000", "KZ"),
    ("8-800-080-7777", True, "+78000807777", "RU"),  # toll-free, numbered in Russia's plan
    ("+7 (495) 123-45-67", True, "+74951234567", "RU"),  # Moscow
    ("8 (812) 555-12-34", True, "+78125551234", "RU"),
    ("+7 916 123-45-67", True, "+79161234567", "RU"),
    ("+7 (727) 267-28", False, "+772726728", "KZ"),  # a digit short
    ("+7 (600) 123-45-67", False, "+76001234567", None),  # no such range
]


@pytest.mark.parametrize("text, valid, e164, region", NUMBERS)
def test_kazakh_and_russian_numbers(text: str, valid: bool, e164: str, region: str | None) -> None:
    number = phonenumbers.parse(text, "KZ")
    assert phonenumbers.is_valid_number(number) is valid
    assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == e164
    assert phonenumbers.region_code_for_number(number) == region


def test_phones_found_in_running_text_are_the_same() -> None:
    text = "Тел.: +7 (727) 267-28-83, 8 (7172) 57-15-31; Москва +7 (495) 123-45-67, моб. 8 705 555 1234, 8-800-080-7777."
    found = [
        phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        for match in phonenumbers.PhoneNumberMatcher(text, "KZ", leniency=phonenumbers.Leniency.VALID)
    ]
    assert found == ["+77272672883", "+77172571531", "+74951234567", "+77055551234", "+78000807777"]
