"""The gate's parts on real posts: block alignment, markers, sentence language, names across versions,
numbers and dates by value, and messages that an editor can act on."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gate_corpus import deletions, posts, split, without_block
from translit.checks.check import check_versions
from translit.checks.align import align_blocks
from translit.checks.blocks import split_blocks
from translit.config import parse_config
from translit.reading.document import format_for_path
from translit.names.entities import MONTHS, DateValue, find_entities

DEFAULTS = parse_config({})
CORPUS = posts()
DEV = sorted(name for name, half in split().items() if half == "dev")
MARATHON = CORPUS["literary-marathon"]
SEISENBAYEV_RU = (
    "Марафон открыл писатель Роллан Сейсенбаев. Он прочитал отрывок из своего романа «День, когда рухнул мир» "
    "и вспомнил, как работал над ним в 1990-е годы.\n\n"
)


def ids(texts: dict[str, str]) -> list[tuple[str, str, int]]:
    return [(f.id, f.version, f.line) for f in check_versions(texts, config=DEFAULTS)]


# ---------------------------------------------------------------- alignment


def test_align_blocks_finds_the_missing_paragraph_by_its_anchors() -> None:
    texts = dict(MARATHON.texts, ru=MARATHON.texts["ru"].replace(SEISENBAYEV_RU, ""))
    rows = align_blocks(texts, formats={lang: "markdown" for lang in texts})
    assert [dict(row.blocks) for row in rows] == [
        {"en": (0,), "kk": (0,), "ru": (0,)},
        {"en": (1,), "kk": (1,), "ru": (1,)},
        {"en": (2,), "kk": (2,), "ru": ()},
        {"en": (3,), "kk": (3,), "ru": (2,)},
        {"en": (4,), "kk": (4,), "ru": (3,)},
    ]
    assert all(row.confidence > 0.9 for row in rows)
    # and the check says so, in the Russian version, where the paragraph belongs (before "Студенты …")
    [finding] = [f for f in check_versions(texts, config=DEFAULTS, paths=MARATHON.paths) if f.id == "structure.missing-block"]
    assert (finding.version, finding.severity, finding.line) == ("ru", "error", 5)
    assert "Rollan Seisenbayev" in finding.message or "Роллан Сейсенбаев" in finding.message


def test_a_paragraph_split_in_two_is_one_row_and_no_finding() -> None:
    en = "# Title\n\nThe library opened on May 5, 2024 and 300 readers came. Director Aigerim Sarsenova welcomed them.\n\nThat is all."
    ru = (
        "# Заголовок\n\nБиблиотека открылась 5 мая 2024 года, пришли 300 читателей.\n\n"
        "Их приветствовала директор Айгерим Сарсенова.\n\nВот и всё."
    )
    rows = align_blocks({"en": en, "ru": ru})
    assert [dict(row.blocks) for row in rows] == [{"en": (0,), "ru": (0,)}, {"en": (1,), "ru": (1, 2)}, {"en": (2,), "ru": (3,)}]
    assert not [f for f in check_versions({"en": en, "ru": ru}, config=DEFAULTS) if f.id == "structure.missing-block"]


def test_two_paragraphs_one_version_merges_are_one_row_for_all_three() -> None:
    post = CORPUS["kaznu-olympiad"]
    kk = post.texts["kk"].replace("өтті. Оған еліміздің 17 жоғары оқу орнынан 96 студент қатысты.\n\n", "өтті. Оған еліміздің 17 жоғары оқу орнынан 96 студент қатысты. ")
    texts = dict(post.texts, kk=kk)
    rows = align_blocks(texts)
    assert {"en": (1, 2), "kk": (1,), "ru": (1, 2)} in [dict(row.blocks) for row in rows]
    assert not [f for f in check_versions(texts, config=DEFAULTS) if f.id == "structure.missing-block"]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_every_block_is_in_exactly_one_row_in_order_whatever_is_deleted(data: st.DataObject) -> None:
    post = CORPUS[data.draw(st.sampled_from(DEV))]
    texts = dict(post.texts)
    for lang in ("en", "kk", "ru"):
        for _ in range(data.draw(st.integers(0, 2))):
            count = len(split_blocks(texts[lang], format_for_path(post.paths[lang], texts[lang])))
            if count > 1:
                texts[lang] = without_block(texts[lang], post.paths[lang], data.draw(st.integers(0, count - 1)))[0]
    rows = align_blocks(texts, formats={lang: format_for_path(path, texts[lang]) for lang, path in post.paths.items()})
    assert all(0 <= row.confidence <= 1 for row in rows)
    for lang, text in texts.items():
        seen = [index for row in rows for index in row.blocks[lang]]
        assert seen == list(range(len(split_blocks(text, format_for_path(post.paths[lang], text)))))


def test_a_row_merged_by_one_version_takes_what_another_has_inside_it() -> None:
    # found by the test above: en's lone paragraph links to two Kazakh ones, and the Russian
    # paragraph between their counterparts belongs in that row, not after it
    post = CORPUS["gogol-rare-books"]
    texts = dict(post.texts)
    for lang, indices in (("en", [2, 0]), ("kk", [1]), ("ru", [3])):
        for index in indices:
            texts[lang] = without_block(texts[lang], post.paths[lang], index)[0]
    rows = align_blocks(texts, formats={lang: format_for_path(path, texts[lang]) for lang, path in post.paths.items()})
    assert [index for row in rows for index in row.blocks["ru"]] == [0, 1, 2]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_deleted_block_of_a_dev_post_is_blamed_where_it_belongs(data: st.DataObject) -> None:
    post = CORPUS[data.draw(st.sampled_from(DEV))]
    lang, line, texts = data.draw(st.sampled_from(deletions(post)))
    assert ("structure.missing-block", lang, line) in [(f.id, f.version, f.line) for f in post.check(texts)]


def test_an_extra_paragraph_is_blamed_on_the_one_version_that_has_it() -> None:
    kk = MARATHON.texts["kk"].replace("Соңғы оқырман", "Іс-шараға қала әкімдігінің өкілдері де келіп, ұйымдастырушыларға алғыс айтты.\n\nСоңғы оқырман")
    findings = [f for f in check_versions(dict(MARATHON.texts, kk=kk), config=DEFAULTS) if f.id == "structure.missing-block"]
    assert [(f.version, f.line) for f in findings] == [("kk", 9)]
    assert "not in the en or the ru version" in findings[0].message


# ---------------------------------------------------------------- markers and exit status


def test_untranslated_output_of_post_is_an_error_and_fails_the_gate(tmp_path: Path) -> None:
    from translit.mt import MTConfig, Translator
    from translit.translation.versions import make_versions

    post = CORPUS["nlrk-book-presentation"]
    nothing = Translator(MTConfig.from_mapping({"default": "none"}))
    made = make_versions(post.texts["en"], source="en", translator=nothing, fmt="markdown", config=DEFAULTS)
    findings = check_versions(made.texts, config=DEFAULTS, formats={lang: "markdown" for lang in made.texts})
    untranslated = [f for f in findings if f.id == "structure.untranslated"]
    assert len(untranslated) == made.untranslated["kk"] + made.untranslated["ru"] and all(f.severity == "error" for f in untranslated)
    # said once, by structure.untranslated (an image's English alt text, which post leaves alone, is another matter)
    marked = [(f.version, f.start, f.end) for f in untranslated]
    for finding in findings:
        if finding.id == "lang.untranslated":
            assert not any(lang == finding.version and start <= finding.start < end for lang, start, end in marked), finding
    for lang, text in made.texts.items():
        (tmp_path / f"post.{lang}.md").write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "translit", "check", "--json", *(str(tmp_path / f"post.{lang}.md") for lang in ("en", "kk", "ru"))],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert run.returncode == 1, run.stderr
    assert json.loads(run.stdout)["summary"]["error"] >= len(untranslated)


def test_lost_part_marker_is_an_error() -> None:
    texts = {"en": "The prize went to Aruzhan Temirbek.", "ru": "Приз получила [[lost:Аружан Темирбек]]."}
    assert ("structure.lost-part", "ru", 1) in ids(texts)


# ---------------------------------------------------------------- language of sentences


def test_a_russian_sentence_and_a_short_russian_paragraph_in_the_kazakh_version() -> None:
    kk = (
        "Көрмеде Абай шығармаларының 40 басылымы қойылды. Мероприятие завершилось чтением отрывков из романа «Абай жолы».\n\n"
        "Выставка продлится до 10 августа.\n\nКөрме Астана Опера театрында өтеді."
    )
    found = [(f.id, f.line, f.severity) for f in check_versions({"kk": kk}, config=DEFAULTS) if f.id.startswith("lang.")]
    assert found == [("lang.russian-in-kk", 1, "error"), ("lang.russian-in-kk", 3, "error")]


def test_kazakh_and_english_sentences_in_the_russian_version() -> None:
    ru = "Выставка открыта до 30 ноября. Кіру тегін, барлығын шақырамыз. More information is on the website."
    found = {f.id for f in check_versions({"ru": ru}, config=DEFAULTS) if f.severity == "error"}
    assert found == {"lang.kazakh-in-ru", "lang.untranslated"}


def test_names_and_quoted_titles_in_another_language_are_not_reported() -> None:
    kk = "Кездесуге Astana International Financial Centre өкілдері қатысты. Ол «Мир рухнул» романынан үзінді оқыды."
    ru = "На встрече выступили представители Astana International Financial Centre. Фильм «Қыз Жібек» показали дважды."
    assert [f for f in check_versions({"kk": kk, "ru": ru}, config=DEFAULTS) if f.id.startswith("lang.")] == []


# ---------------------------------------------------------------- names across versions


def test_a_surname_that_differs_between_versions_is_an_error_on_the_odd_one_out() -> None:
    post = CORPUS["kaznpu-teachers"]
    texts = dict(post.texts, ru=post.texts["ru"].replace("Есеновой", "Есимовой"))
    [finding] = [f for f in check_versions(texts, config=DEFAULTS) if f.id == "people.mismatch"]
    assert (finding.version, finding.severity, finding.text) == ("ru", "error", "Есимовой")
    assert "Есенованың" in finding.message and "Yesenova" in finding.message


def test_spellings_one_name_takes_in_each_language_are_the_same_name() -> None:
    texts = {
        "en": "Speakers: Rollan Seisenbayev, Aigerim Zhakupova and Sultanmakhmut Toraighyrov's heirs, Aida Balaieva, "
        "Nurlan Kubayev and Marat Abdrahimov.",
        "kk": "Сөз сөйлегендер: Роллан Сейсенбайұлы, Әйгерім Жақыпова, Сұлтанмахмұт Торайғыровтың ұрпақтары, Аида Балаева, "
        "Нұрлан Көбеев және Марат Әбдірахымов.",
        "ru": "Выступили Роллан Сейсенбаев, Айгерим Жакупова, потомки Султанмахмута Торайгырова, Аида Балаева, "
        "Нурлан Кубаев и Марат Абдрахимов.",
    }
    assert [f for f in check_versions(texts, config=DEFAULTS) if f.id == "people.mismatch"] == []


def test_a_vowel_changed_in_one_version_is_reported_when_the_others_agree() -> None:
    texts = {"en": "The rector Nurlan Dulatbekov spoke.", "kk": "Ректор Нұрлан Дулатбеков сөз сөйледі.", "ru": "Выступил ректор Нурлан Дулатбаков."}
    [finding] = [f for f in check_versions(texts, config=DEFAULTS) if f.id == "people.mismatch"]
    assert (finding.version, finding.text) == ("ru", "Дулатбаков")


def test_latin_typed_kazakh_title_in_a_cyrillic_version_is_a_warning_with_the_cyrillic_fix() -> None:
    for lang, text in {"kk": "Көрме «Zhastar zhyly» жобасы аясында өтті.", "ru": "Выставка прошла в рамках проекта «Zhastar zhyly»."}.items():
        [finding] = [f for f in check_versions({lang: text}, config=DEFAULTS) if f.id == "translit.latin-kazakh"]
        assert (finding.severity, finding.text, finding.fix) == ("warning", "Zhastar zhyly", "Жастар жылы")


# ---------------------------------------------------------------- numbers and dates by value


def test_numbers_written_in_each_language_s_conventions_agree() -> None:
    texts = {
        "en": "The fund is 1.5 million tenge for 1,500 books and 2.5 billion for 12,400 more.",
        "kk": "Қор 1,5 миллион теңге, 1 500 кітапқа, тағы 12 400 кітапқа 2,5 млрд.",
        "ru": "Фонд — 1,5 млн. тенге на 1,500 книг и 2,5 миллиарда ещё на 12 400.",
    }
    assert [f for f in check_versions(texts, config=DEFAULTS) if f.id == "numbers.mismatch"] == []
    texts["ru"] = texts["ru"].replace("1,500 книг", "1,600 книг")
    assert [f.version for f in check_versions(texts, config=DEFAULTS) if f.id == "numbers.mismatch"] == ["ru"]


def test_dates_in_abbreviated_and_ranged_forms() -> None:
    def dates(text: str, lang: str) -> list[DateValue]:
        return [e.value for e in find_entities(text, lang) if e.kind == "date"]

    feb28 = DateValue(2023, 2, 28)
    assert dates("28 февр. 2023 г.", "ru") == dates("2023 ж. 28 ақп.", "kk") == dates("Feb. 28, 2023", "en") == [feb28]
    assert dates("28 ақп. 2023 ж.", "kk") == [feb28]
    both = [DateValue(2024, 4, 18), DateValue(2024, 4, 19)]
    assert dates("April 18–19, 2024", "en") == dates("2024 жылғы 18–19 сәуірде", "kk") == dates("18–19 апреля 2024 года", "ru") == both
    assert dates("с 22 по 28 апреля", "ru") == dates("from April 22 to 28", "en") == [DateValue(None, 4, 22), DateValue(None, 4, 28)]
    assert dates("мам 5 адам", "kk") == []  # an abbreviation counts only with its full stop


def test_month_tables_are_cldr_s() -> None:
    from babel.dates import get_month_names

    assert list(MONTHS["ru_gen"]) == [get_month_names("wide", "format", locale="ru")[m] for m in range(1, 13)]
    assert list(MONTHS["kk"]) == [get_month_names("wide", "format", locale="kk")[m] for m in range(1, 13)]
    assert MONTHS["ru_prep"][1] == "феврале" and MONTHS["ru_nom"][4] == "май"


def test_scale_words_in_every_form() -> None:
    values = [e.value for text, lang in (("1,5 миллиона", "ru"), ("1,5 миллионнан", "kk"), ("1.5 million", "en"), ("1,5 млн.", "ru")) for e in find_entities(text, lang)]
    assert values == [Decimal(1_500_000)] * 4


# ---------------------------------------------------------------- messages


def test_messages_say_things_once_and_quote_suggestions_whole() -> None:
    texts = {
        "en": "In 2019 the Ministry of Culture and Sports of the Republic of Kazakhstan met the West Kazakhstan regional "
        "children's and youth's library named after H. Esenzhanov.",
    }
    findings = check_versions(texts, config=DEFAULTS)
    assert findings
    for finding in findings:
        assert "former name (former name" not in finding.message
        if finding.fix:
            assert f"“{finding.fix}”" in finding.message, finding.message
