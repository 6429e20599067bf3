"""Numbers: the same numbers in every version after locale normalisation.

``numbers.mismatch`` — decimal comma or point (75,4 = 75.4), thousands separators
(10 000 = 10,000), multipliers (10 млн = 10 million = 10 000 000) and Kazakh case
endings (83%-ды) are normalised first. Dates, times, phones and URLs are compared
by their own checks. A small number written as a word, an ordinal word or in Roman numerals in
one version ("two libraries", "екінші отырыс", "IX форум") matches the digit in another.
"""

from __future__ import annotations

from decimal import Decimal

from .base import CheckSpec, Emitter, Post, Version
from .compare import compare_values
from .extract import Value, numbers, small_number_words

CHECKS = [CheckSpec("numbers.mismatch", "error", "A number is not the same in every version.", pair=True)]


def _written_as_word(version: Version, value: Value) -> bool:
    if value.key.endswith("%"):
        return False
    number = Decimal(value.key)
    return number == number.to_integral_value() and 0 <= number < 40 and small_number_words(version, int(number)) > 0


def run(post: Post, out: Emitter) -> None:
    """Compare the numbers of all versions."""
    compare_values(post, out, "numbers.mismatch", numbers, "number", excuse=_written_as_word)
