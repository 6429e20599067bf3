"""``post`` reads the draft right and names things the same way in every version.

No engine here: the versions carry every protected part (names, dates) in the
target language and the prose marked for a translator, which is what the
checks below look at.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from translit.checks.check import check_versions
from translit.cli import main
from translit.config import parse_config
from translit.errors import InputError, TranslitError
from translit.names.glossary import Glossary, post_date
from translit.translation.versions import UNTRANSLATED_OPEN, make_versions

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "nlrk-2023-02-28.en.txt").read_text(encoding="utf-8")
GLOSSARY = Glossary.load()

LATIN_KAZAKH = (
    "Ulttyk kitaphanada zhana kitaptar kormesi ashyldy.\n\n"
    "Korme 10 naurizga deiin zhalgasady. Oqyrmandar kelip koruge bolady.\n"
)
# Posts written for this test: accepted forms, the other Kazakh izafet, a short form the post resolves,
# a former name, an image.
POSTS = {
    "kk": (
        "Қазақстан Республикасы Мәдениет және ақпарат министрлігі мен Қазақстан Республикасы Ұлттық "
        "кітапханасының қолдауымен Астанада көрме ашылды.\n\n"
        "Ұлттық кітапхана қорынан 500 кітап ұсынылды. Көрме Қазақстан Республикасының Ұлттық музейінде "
        "15 наурызға дейін жалғасады.\n",
        "text",
    ),
    "ru": (
        "В Национальной библиотеке РК прошла встреча с читателями.\n\n"
        "В 2019 году Министерство культуры и спорта РК поддержало проект. Делегация прибыла из Нур-Султана и Караганды.\n",
        "text",
    ),
    "en": (
        "# Readers meet authors at the National Library of Kazakhstan\n\n"
        "The National Library of Kazakhstan and the Ministry of Culture and Information of the Republic of "
        "Kazakhstan held a meeting with readers from Karaganda on March 3, 2024.\n\n"
        "![Readers at the meeting](img/meeting.jpg)\n\n"
        "The National Library presented 300 new books.\n",
        "markdown",
    ),
}


class _NoEngine:
    def route(self, src: str, tgt: str) -> Any:
        raise TranslitError(f"no engine for {src}→{tgt}")


def _post(text: str, **kwargs: Any) -> Any:
    return make_versions(text, translator=_NoEngine(), glossary=GLOSSARY, **kwargs)


# ------------------------------------------------------------------ reading the draft


def test_from_that_contradicts_the_draft_is_an_input_error_naming_what_was_detected() -> None:
    with pytest.raises(InputError, match=r"--from ru: the draft reads as Kazakh \(kk, \d+% of its letters\); omit --from"):
        _post(LATIN_KAZAKH, source="ru")
    with pytest.raises(InputError, match="reads as English"):
        _post(SEED, source="kk")
    assert _post(SEED, source="en").source == "en"  # a Russian caption inside does not contradict


def test_cli_from_contradiction_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "post.txt"
    draft.write_text(LATIN_KAZAKH, encoding="utf-8")
    assert main(["post", str(draft), "--from", "en", "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "reads as Kazakh" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_latin_typed_kazakh_draft_is_read_as_kazakh_and_recovered() -> None:
    made = _post(LATIN_KAZAKH)
    assert made.source == "kk"
    assert made.kk.startswith("Ұлттық кітапханада жаңа кітаптар көрмесі ашылды.")
    assert "Оқырмандар келіп көруге болады." in made.kk and UNTRANSLATED_OPEN.format(lang="kk") not in made.kk
    # The other versions are made from the Cyrillic, never marked as untranslated English.
    assert made.en.startswith(UNTRANSLATED_OPEN.format(lang="kk") + " Ұлттық")
    assert "[[untranslated:en]]" not in made.en + made.ru
    assert any("recovered to Cyrillic" in note for note in made.report["notes"])
    assert "naurizga" in [typo["word"] for typo in made.report["typos"]]


def test_blocks_that_are_only_an_image_never_get_markers() -> None:
    markdown = "The exhibition opened today.\n\n![Readers at the exhibition](img/a.jpg)\n"
    made = _post(markdown, fmt="markdown")
    for lang in ("kk", "ru"):
        assert made[lang].endswith("\n\n![Readers at the exhibition](img/a.jpg)\n")
        assert made[lang].count(UNTRANSLATED_OPEN.format(lang="en")) == 1
    html = '<p>The exhibition opened today.</p>\n<figure><img src="b.jpg" alt="Readers"></figure>\n'
    made = _post(html, fmt="html")
    assert '<figure><img src="b.jpg" alt="Readers"></figure>' in made.kk


# ------------------------------------------------------------------ renamed entities, once per post


OLD_MINISTRY = "In 2019 the Ministry of Culture and Sports of the Republic of Kazakhstan approved the rules in Nur-Sultan.\n"


def _names(made: Any) -> dict[str, set[str]]:
    return {lang: {m.entity for m in GLOSSARY.find(made[lang], lang) if m.entity} for lang in ("en", "kk", "ru")}


def test_a_renamed_entity_keeps_its_former_name_in_every_version_by_default() -> None:
    made = _post(OLD_MINISTRY)
    assert "Ministry of Culture and Sports of the Republic of Kazakhstan" in made.en and "Nur-Sultan" in made.en
    assert "Қазақстан Республикасы Мәдениет және спорт министрлігі" in made.kk and "Нұр-Сұлтан" in made.kk
    assert "Министерство культуры и спорта Республики Казахстан" in made.ru and "Нур-Султан" in made.ru
    names = _names(made)
    assert names["en"] == names["kk"] == names["ru"] == {"gov.mcs_2014_2023", "city.astana"}


@pytest.mark.parametrize(
    ("config", "date"),
    [({"glossaries": {"renamed": "today"}}, None), ({}, datetime.date(2024, 3, 1))],
)
def test_today_or_a_later_post_date_gives_todays_name_in_every_version(config: dict, date: Any) -> None:
    made = _post(OLD_MINISTRY, config=parse_config(config), date=date)
    assert "Ministry of Culture and Information of the Republic of Kazakhstan" in made.en and "Astana" in made.en
    assert "Мәдениет және ақпарат министрлігі" in made.kk and "Министерство культуры и информации" in made.ru
    names = _names(made)
    assert names["en"] == names["kk"] == names["ru"] == {"gov.mci", "city.astana"}


def test_renamed_policy_is_validated_and_the_post_date_is_read() -> None:
    with pytest.raises(TranslitError, match=r"\[glossaries\] renamed = 'someday'"):
        _post(OLD_MINISTRY, config=parse_config({"glossaries": {"renamed": "someday"}}))
    assert post_date("Астана, 28 февраля 2023 года. Текст.") == datetime.date(2023, 2, 28)
    assert post_date("no date", "nlrk-2023-02-28.en.txt") == datetime.date(2023, 2, 28)
    assert post_date("In 2019 it began.") is None


# ------------------------------------------------------------------ check on post's own output


def _glossary_findings(texts: dict[str, str], fmt: str) -> list[Any]:
    found = check_versions(texts, config=parse_config({}), formats={lang: fmt for lang in texts})
    return [f for f in found if f.id.startswith("glossary.")]


@pytest.mark.parametrize("draft", ["seed", "kk", "ru", "en"])
def test_check_on_posts_output_reports_no_glossary_finding_post_caused(draft: str) -> None:
    text, fmt = (SEED, "text") if draft == "seed" else POSTS[draft]
    made = _post(text, fmt=fmt)
    in_draft = {f.id for f in _glossary_findings({made.source: text}, fmt)}
    caused = [(f.version, f.id, f.text) for f in _glossary_findings(made.texts, fmt) if f.id not in in_draft]
    assert caused == []


def test_from_karaganda_takes_the_kazakh_ablative() -> None:
    made = _post(POSTS["ru"][0])
    assert "из Нұр-Сұлтаннан и Қарағандыдан" in made.kk
    made = _post(POSTS["en"][0], fmt="markdown")
    assert "from Қарағандыдан" in made.kk


def test_a_name_ambiguous_in_the_drafts_language_is_left_to_the_editor_whatever_follows_it() -> None:
    # "NLRK" (an English short form) names one of the two national libraries, but the Russian
    # "Национальной библиотеки" stays ambiguous: the post is made, the name left as written
    for draft, lang in (("Читатели Национальной библиотеки (NLRK) встретились с автором.\n", "ru"),
                        ("Ұлттық кітапхана (NLRK) көрме ашты.\n", "kk")):
        made = _post(draft, source=lang, targets=(lang, "en"), memory=False)
        assert made[lang] == draft and "(NLRK)" in made.en


def test_check_reports_a_rename_written_one_way_in_one_version_only() -> None:
    texts = {
        "en": "In 2019 the Ministry of Culture and Sports of the Republic of Kazakhstan approved the rules.\n",
        "ru": "В 2019 году Министерство культуры и информации Республики Казахстан утвердило правила.\n",
        "kk": "2019 жылы Қазақстан Республикасы Мәдениет және спорт министрлігі ережені бекітті.\n",
    }
    found = _glossary_findings(texts, "text")
    assert sorted((f.version, f.id) for f in found) == [("en", "glossary.outdated"), ("kk", "glossary.outdated")]
    assert all("Russian version writes today's" in f.message for f in found)


def test_a_short_non_official_form_is_a_glossary_finding_with_the_official_fix() -> None:
    text = (
        "The National Library of the Republic of Kazakhstan hosted it.\n\n"
        "Readers of the National library of the RK met the author.\n"
    )
    [finding] = _glossary_findings({"en": text}, "text")
    assert (finding.id, finding.text) == ("glossary.discouraged", "National library of the RK")
    assert finding.fix == "National Library of the Republic of Kazakhstan" and finding.fixable


# ------------------------------------------------------- a former entity's own discouraged forms


# a 2017 government headline pair: both versions name the region as it was then
SOUTH_KAZAKHSTAN = {
    "kk": "Қазақстан Президенті Оңтүстік Қазақстан облысының әкімі Жансейіт Түймебаевты қабылдады",
    "en": "Meeting with Zhanseit Tuimebayev, the akim of South Kazakhstan",
}


def test_a_former_regions_short_name_is_fixed_to_its_own_full_name_never_to_its_successor() -> None:
    from translit import fix_versions

    found = {f.id: f for f in check_versions(SOUTH_KAZAKHSTAN, config=parse_config({}))}
    assert found["glossary.discouraged"].fix == "South Kazakhstan region"
    fixed, count = fix_versions(SOUTH_KAZAKHSTAN, config=parse_config({}))
    assert count == 1
    assert fixed["en"] == "Meeting with Zhanseit Tuimebayev, the akim of South Kazakhstan region"
    assert fixed["kk"] == SOUTH_KAZAKHSTAN["kk"]
    # the versions name the region the same way: no "renamed one way" disagreement to report
    assert not [f for f in check_versions(SOUTH_KAZAKHSTAN, config=parse_config({})) if "one way" in f.message]


def test_a_former_name_beside_todays_name_is_still_reported() -> None:
    texts = {"kk": "Түркістан облысының әкімі келді", "en": "The akim of South Kazakhstan region arrived"}
    messages = [f.message for f in check_versions(texts, config=parse_config({})) if f.id == "glossary.outdated"]
    assert any("Түркістан облысының" in message and "one way" in message for message in messages)


@pytest.mark.parametrize(("config", "en", "kk"), [
    # the draft's name kept (no date): the region as it was, named in full in every version
    ({}, "South Kazakhstan region", "Оңтүстік Қазақстан облысы"),
    ({"glossaries": {"renamed": "today"}}, "Turkistan region", "Түркістан облысы"),
])  # fmt: skip
def test_post_names_a_former_regions_short_form_one_way_in_every_version(config: dict, en: str, kk: str) -> None:
    made = _post("The akim of South Kazakhstan met students of the region.\n", config=parse_config(config))
    assert f"The akim of {en} met" in made.en
    assert kk[:-1] in made.kk  # in the genitive the case ending follows (облысының)
