"""Never damage a name: every rewrite path leaves official and accepted forms alone, and is idempotent.

The three paths that rewrite names are ``Glossary.fix`` (``translit glossary
lint --fix``), ``fix_versions`` (``translit check --fix``) and the draft's own
version made by ``make_versions`` (``translit post``). Every glossary entity's
official form, in every case form the loader generates, in every language,
is put inside sentences of ordinary words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translit.checks.check import fix_versions
from translit.config import parse_config
from translit.errors import TranslitError
from translit.names.glossary import Glossary, Variant, _expand, _izafet_variants
from translit.translation.versions import make_versions

GLOSSARY = Glossary.load()

# Ordinary words of news text: none is part of a glossary name.
FILLER = {
    "kk": "бүгін кеше оқырмандар көрме кездесу өтті жаңа кітаптар туралы әңгіме болды және де үлкен".split(),
    "ru": "сегодня вчера читатели выставка встреча прошла новые книги рассказ был большой также очень".split(),
    "en": "today yesterday readers exhibition meeting was held new books talk about big also very".split(),
}


def _surfaces(statuses: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(entity, lang, surface) for every generated case form of the variants with these statuses."""
    out = []
    for entity in GLOSSARY:
        for variant in entity.variants:
            if variant.status not in statuses:
                continue
            out.extend((entity.id, variant.lang, surface) for surface, _, _ in _expand(variant, entity))
            for form in _izafet_variants(variant.form) if variant.lang == "kk" else ():
                izafet = Variant(form, "kk", variant.status)
                out.extend((entity.id, "kk", surface) for surface, _, _ in _expand(izafet, entity))
    return out


OFFICIAL = _surfaces(("official",))
RIGHT = OFFICIAL + _surfaces(("accepted",))
ANY = _surfaces(("official", "accepted", "discouraged", "outdated"))


# What stands around a name in real posts: quotes, brackets, emphasis, a dash, a link after it.
WRAPS = [("", ""), ("«", "»"), ("(", ")"), ("**", "**"), ("— ", ","), ("", " https://nlrk.kz/kk/news"), ("", "\u00a0–")]


def _sentence(lang: str, surface: str, before: list[str], after: list[str], wrap: tuple[str, str] = ("", "")) -> str:
    words = [*before, wrap[0] + surface + wrap[1], *after]
    first = words[0]
    words[0] = first[:1].upper() + first[1:]
    return " ".join(words) + "."


def test_glossary_fix_leaves_every_official_and_accepted_form_in_every_case_unchanged() -> None:
    assert len(OFFICIAL) > 1500  # every entity, every case form the loader makes
    damaged = []
    for _, lang, surface in RIGHT:
        text = _sentence(lang, surface, FILLER[lang][:3], FILLER[lang][3:6])
        fixed, _ = GLOSSARY.fix(text, lang)
        if fixed != text:
            damaged.append((text, fixed))
    assert damaged == []


def test_kazakh_official_names_containing_another_entity_are_one_mention() -> None:
    for text, entity in (
        ("Көрме Қазақстан Республикасының Ұлттық музейінде өтті.", "org.national_museum"),
        ("Қазақстан Республикасының Мәдениет және ақпарат министрлігі хабарлады.", "gov.mci"),
        ("Қазақстан Республикасы Ұлттық кітапханасының қорына кітаптар түсті.", "lib.nlrk"),
    ):
        assert [m.entity for m in GLOSSARY.find(text, "kk")] == [entity]
        assert GLOSSARY.fix(text, "kk") == (text, [])
    assert _izafet_variants("Қазақстан Республикасының Ұлттық кітапханасы") == ["Қазақстан Республикасы Ұлттық кітапханасы"]
    assert _izafet_variants("Абай атындағы облыстық балалар кітапханасы") == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(ANY),
    other=st.sampled_from(ANY),
    before=st.lists(st.integers(0, 11), max_size=3),
    after=st.lists(st.integers(0, 11), max_size=3),
    wrap=st.sampled_from(WRAPS),
)
def test_glossary_fix_twice_equals_fix_once(
    name: tuple[str, str, str], other: tuple[str, str, str], before: list[int], after: list[int], wrap: tuple[str, str]
) -> None:
    _, lang, surface = name
    words = FILLER[lang]
    text = _sentence(lang, surface, [words[i] for i in before], [words[i] for i in after], wrap)
    if other[1] == lang:
        text += " " + _sentence(lang, other[2], words[:2], [])
    once, _ = GLOSSARY.fix(text, lang)
    assert GLOSSARY.fix(once, lang) == (once, [])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(OFFICIAL), before=st.lists(st.integers(0, 11), min_size=1, max_size=3))
def test_check_fix_leaves_an_official_form_unchanged_and_is_idempotent(name: tuple[str, str, str], before: list[int]) -> None:
    _, lang, surface = name
    text = _sentence(lang, surface, [FILLER[lang][i] for i in before], FILLER[lang][:2]) + "\n"
    config = parse_config({})
    fixed, _ = fix_versions({lang: text}, config=config)
    assert surface in fixed[lang]
    again, count = fix_versions(fixed, config=config)
    assert again == fixed and count == 0


class _NoEngine:
    def route(self, src: str, tgt: str) -> Any:
        raise TranslitError(f"no engine for {src}→{tgt}")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(RIGHT), before=st.lists(st.integers(0, 11), min_size=1, max_size=3), wrap=st.sampled_from(WRAPS))
def test_post_keeps_official_and_accepted_forms_in_the_drafts_language(
    name: tuple[str, str, str], before: list[int], wrap: tuple[str, str]
) -> None:
    _, lang, surface = name
    text = _sentence(lang, surface, [FILLER[lang][i] for i in before], FILLER[lang][:2], wrap) + "\n"
    made = make_versions(text, source=lang, targets=(lang,), translator=_NoEngine(), glossary=GLOSSARY)
    assert surface in made[lang]
    again = make_versions(made[lang], source=lang, targets=(lang,), translator=_NoEngine(), glossary=GLOSSARY)
    assert again[lang] == made[lang]


def test_post_keeps_a_short_form_two_languages_share_in_the_drafts_language() -> None:
    # "ИФЛА" is an accepted form in Kazakh and in Russian: the Russian draft's heading keeps it.
    post = (Path(__file__).parent / "data" / "gate" / "posts" / "ifla-webinar.ru.txt").read_text(encoding="utf-8")
    heading = post.splitlines()[0]
    made = make_versions(post, source="ru", targets=("ru",), translator=_NoEngine(), glossary=GLOSSARY, memory=False)
    assert made["ru"].splitlines()[0] == heading


@pytest.mark.parametrize(
    ("draft", "lang", "fixed"),
    [
        ("Readers of the National library of the RK met the author.", "en",
         "Readers of the National Library of the Republic of Kazakhstan met the author."),
        ("The delegation visited Kiev.", "en", "The delegation visited Kyiv."),
    ],
)  # fmt: skip
def test_wrong_forms_are_fixed_to_the_official_one(draft: str, lang: str, fixed: str) -> None:
    assert GLOSSARY.fix(draft, lang)[0] == fixed
