"""Dates, numbers, quotes and dashes in each language's news style.

``format_date(DateValue(2023, 2, 28), "kk")`` gives ``2023 жылғы 28 ақпанда``;
``"ru"`` gives ``28 февраля 2023 года``; ``"en"`` gives ``February 28, 2023``
(``style="uk"``: ``28 February 2023``).  Numbers use CLDR separators through
Babel (``10 000`` with a no-break space and ``75,4`` in kk/ru, ``10,000`` and
``75.4`` in en).  Phones, e-mails and URLs are never rewritten.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from .entities import MONTHS, DateValue, Entity, TimeValue, scale_of
from ..morphology.morph_kk import case_suffix

__all__ = [
    "kk_suffix",
    "format_date",
    "format_number",
    "format_time",
    "render_entity",
    "fix_quotes",
    "quote_marks",
    "fix_dashes",
    "typography",
]

_EN_MONTHS = tuple(m.capitalize() for m in MONTHS["en"])
_KK_CASES = ("gen", "dat", "acc", "loc", "abl", "ins", "attr")


def kk_suffix(word: str, case: str) -> str:
    """The Kazakh case ending ``word`` takes (vowel harmony and consonant assimilation);
    no ending for the nominative or a case Kazakh nouns do not have."""
    if case not in _KK_CASES:
        return ""
    return case_suffix(word, case)


def _kk_case(detail: str) -> str:
    """Map a source date's form to the Kazakh case used in the official pattern."""
    return {
        "loc": "loc", "poss_loc": "loc", "on": "loc", "attr": "attr", "poss_attr": "attr",
        "gen": "gen", "dat": "dat", "abl": "abl", "nom": "nom", "poss": "nom",
    }.get(detail, "loc")


def format_date(value: DateValue, lang: str, *, style: str = "us", case: str | None = None) -> str:
    """A date in news style; ``case`` is the Kazakh case of the month (default: locative, "on"), or the
    Russian case of a month without a day (``prep`` "в феврале", ``gen`` "до февраля"; default nominative)."""
    m = value.month - 1
    if lang == "en":
        month = _EN_MONTHS[m]
        if value.day is None:
            return f"{month} {value.year}" if value.year else month
        if style == "uk":
            return f"{value.day} {month}" + (f" {value.year}" if value.year else "")
        return f"{month} {value.day}" + (f", {value.year}" if value.year else "")
    if lang == "ru":
        if value.day is None:
            month = MONTHS["ru_prep" if case == "prep" else "ru_gen" if case == "gen" else "ru_nom"][m]
            return f"{month} {value.year} года" if value.year else month
        return f"{value.day} {MONTHS['ru_gen'][m]}" + (f" {value.year} года" if value.year else "")
    if lang == "kk":
        base = MONTHS["kk"][m]
        kcase = case or "loc"
        month = base + kk_suffix(base, kcase)
        if value.day is None:
            return f"{value.year} жылғы {month}" if value.year else month
        return (f"{value.year} жылғы " if value.year else "") + f"{value.day} {month}"
    raise ValueError(f"no date style for language {lang!r}")


def format_time(value: TimeValue, lang: str) -> str:
    """24-hour ``15:00`` in all three languages."""
    return f"{value.hour:02d}:{value.minute:02d}" if value.hour >= 10 else f"{value.hour}:{value.minute:02d}"


_SCALE_WORDS = {
    "en": {10**12: "trillion", 10**9: "billion", 10**6: "million", 10**3: "thousand"},
    "ru": {10**12: "трлн", 10**9: "млрд", 10**6: "млн", 10**3: "тыс."},
    "kk": {10**12: "трлн", 10**9: "млрд", 10**6: "млн", 10**3: "мың"},
}
_DAY_DOT_MONTH = regex.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])")
_SEPARATOR = regex.compile(r"[.,\s\u00a0\u202f]")


def format_number(value: Decimal, lang: str, plain_digits: bool = False) -> str:
    """A number with the language's separators and as many decimal places as ``value`` has (2.50 → "2,50"
    in Russian); ``plain_digits`` keeps ``2023``-style integers ungrouped."""
    return _format_number(str(value), lang, plain_digits)  # by text: Decimal("2.5") == Decimal("2.50")


@lru_cache(maxsize=2048)
def _format_number(text: str, lang: str, plain_digits: bool) -> str:
    value = Decimal(text)
    if plain_digits and value == value.to_integral_value() and abs(value) < 10000:
        return str(int(value))
    from babel.numbers import format_decimal

    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_decimal(value, "#,##0" + ("." + "0" * places if places else ""), locale={"kk": "kk", "ru": "ru", "en": "en"}.get(lang, "en"))


_DECIMALS = regex.compile(r"[.,](\d+)(?!.*\d)")


def _as_written(value: Decimal, text: str) -> Decimal:
    """``value`` with the decimal places its text shows: "2.50" stays 2,50 in Russian, never 2,5."""
    found = _DECIMALS.search(text)
    places = len(found.group(1)) if found else 0
    if not places or places == 3:
        return value  # no decimals, or "1,500": thousands, or 1.5 in Russian, never 1,500 kilograms
    return value.quantize(Decimal(1).scaleb(-places))


def render_entity(entity: Entity, lang: str, *, date_style: str = "us", case: str | None = None) -> str:
    """``entity`` written as the ``lang`` version of the post writes it."""
    if entity.kind == "date":
        if lang == "kk" and case is None:
            case = _kk_case(entity.detail)
        return format_date(entity.value, lang, style=date_style, case=case)  # type: ignore[arg-type]
    if entity.kind == "time":
        if entity.lang == lang:
            return entity.text  # "с 9.00 до 18.00" is how the editor's Russian writes it
        return format_time(entity.value, lang)  # type: ignore[arg-type]
    if entity.kind in ("number", "percent"):
        if entity.text[:1] == "0" and entity.text[1:2].isdigit():
            return entity.text  # "00", "2007/08": digits, not a quantity to respell
        if entity.lang in ("ru", "kk") and _DAY_DOT_MONTH.fullmatch(entity.text):
            return entity.text  # "до 20.03": more likely 20 March than 20,03; kept as written
        value: Decimal = entity.value  # type: ignore[assignment]
        plain = not _SEPARATOR.search(entity.text.rstrip("%").strip())
        scale = scale_of(entity.detail) if entity.detail else None
        words = _SCALE_WORDS.get(lang, _SCALE_WORDS["en"])
        if scale in words:
            # In its own language the scale word keeps its case: "6,5 миллионнан астам", "10 миллионов".
            written = entity.text.rsplit(None, 1)[-1] if entity.lang == lang else words[scale]
            return f"{format_number(_as_written(value / scale, entity.text), lang, True)} {written}"
        text = format_number(_as_written(value, entity.text), lang, plain)
        return text + "%" if entity.kind == "percent" else text
    return entity.text


# ------------------------------------------------------------------ typography

_ANY_QUOTE = regex.compile(r"[\"«»“”„]")
_QUOTES = {"en": ("“", "”", "‘", "’"), "ru": ("«", "»", "„", "“"), "kk": ("«", "»", "„", "“")}


def quote_marks(text: str, lang: str) -> list[tuple[int, bool, int]]:
    """Every quotation mark of ``text`` as (position, opening, depth): a straight quote opens or closes by the
    characters around it (``to "Judicial office" service``), so nested straight quotes pair up as written."""
    marks: list[tuple[int, bool, int]] = []
    depth = 0
    for m in _ANY_QUOTE.finditer(text):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch in "«„" or (ch == "“" and lang == "en"):
            opening = True
        elif ch in "»”":
            opening = False
        elif ch == "“":  # ru/kk close nested quotes with “; in en-typed text it opens
            opening = depth == 0
        else:
            opening = (prev.isspace() or prev in "([{-—–/") and not nxt.isspace()
            if not opening and depth == 0 and not (prev.isalnum() or prev in ".,!?…:;)"):
                opening = True
        if opening:
            marks.append((i, True, depth))
            depth += 1
        else:
            depth = max(depth - 1, 0)
            marks.append((i, False, depth))
    return marks


def fix_quotes(text: str, lang: str) -> str:
    """Straight and foreign quotation marks become the language's own (« » kk/ru, “ ” en)."""
    if lang not in _QUOTES:
        return text
    if not _ANY_QUOTE.search(text):
        return text
    open_q, close_q, nest_open, nest_close = _QUOTES[lang]
    out: list[str] = []
    pos = 0
    for i, opening, depth in quote_marks(text, lang):
        out.append(text[pos:i])
        pos = i + 1
        out.append((open_q if depth == 0 else nest_open) if opening else (close_q if depth == 0 else nest_close))
    out.append(text[pos:])
    return "".join(out)


_SPACED_DASH = regex.compile(r"(?<=\S)[ \u00a0]+[-–—]{1,2}[ \u00a0]+(?=\S)")
# News style: an em dash in ru and en, an en dash in kk (checked by translit.checks.typography too).
DASHES = {"ru": " — ", "kk": " – ", "en": " — "}


def fix_dashes(text: str, lang: str) -> str:
    """A spaced hyphen or dash between words becomes the language's dash (ru —, kk –, en —)."""
    dash = DASHES.get(lang)
    return _SPACED_DASH.sub(dash, text) if dash else text


def typography(text: str, lang: str) -> str:
    """Quotes and dashes of ``lang``."""
    return fix_dashes(fix_quotes(text, lang), lang)
