"""`translit post` and `translit check` on drafts an editor writes in Kazakh or Russian first.

The sentences are written for these tests in the shape of real government and library news
(akorda.kz / primeminister.kz headlines, Russian Wikipedia-style sentences): a date at the end of a
sentence, a range of days, a scaled number with a Kazakh case ending, a month without a day after
"до", a link with an English slug, quotations with a quoted name inside. The draft's own language
version must come back as the editor wrote it; the others carry the same values.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit.checks.check import apply_fixes, check_versions
from translit.language.detection import detect
from translit.mt import MTConfig, Translator
from translit.names.finding import find_names
from translit.translation.versions import make_versions

NO_ENGINE = Translator(MTConfig.from_mapping({"default": "none"}))


def versions(text: str, source: str) -> dict[str, str]:
    made = make_versions(text, source=source, translator=NO_ENGINE)
    return {lang: made.texts[lang] for lang in ("en", "kk", "ru")}


@pytest.mark.parametrize(
    ("draft", "source", "expected"),
    [
        # A full stop after a month name or "г." is the sentence's, never part of the date.
        ("Көрме 20 наурызға дейін жұмыс істейді. Кіру тегін.\n", "kk", {"ru": "20 марта", "en": "March 20"}),
        ("Выставка продлится до 20 марта.\n", "ru", {"en": "March 20.", "kk": "20 наурызға."}),
        ("Она руководила музеем до апреля 2009 г.\n", "ru", {"en": "April 2009."}),
        # The draft's own dates and numbers are right as written, in any accepted form.
        ("Решение принято 23.04.2015 г. На заседании было 40 человек.\n", "ru", {"en": "April 23, 2015"}),
        ("Мероприятие прошло 29.06.1941 года.\n", "ru", {"kk": "1941 жылғы 29 маусымда"}),
        ("Груз весом 1,500 кг доставлен.\n", "ru", {}),
        ("Конференция жылдың 28 ақпанында өтті.\n", "kk", {}),
        # A range of days stays a range in every version.
        ("Форум 2024 жылғы 18–19 сәуірде Астанада өтеді.\n", "kk", {"ru": "18–19 апреля 2024 года", "en": "April 18–19, 2024"}),
        ("Форум пройдет 18–19 апреля 2024 года в Астане.\n", "ru", {"kk": "2024 жылғы 18–19 сәуірде", "en": "April 18–19, 2024"}),
        ("Приём документов с 1 по 15 июля.\n", "ru", {"kk": "1 шілдеден", "en": "July 15."}),
        # A scaled number keeps its scale, and its Kazakh case ending in Kazakh.
        ("Қорда 6,5 млн-нан астам кітап бар.\n", "kk", {"en": "6.5 million-нан", "ru": "6,5 млн-нан"}),
        ("Қорда 6,5 миллионнан астам кітап бар.\n", "kk", {"en": "6.5 million", "ru": "6,5 млн"}),
        ("Бюджет программы составил 2 трлн тенге.\n", "ru", {"en": "2 trillion", "kk": "2 трлн"}),
        # A time written with a full stop is a time, kept as written in its own language.
        ("Движение осуществляется с 6.00 до 00.20.\n", "ru", {"en": "с 6:00 до 0:20.", "kk": "с 6:00 до 0:20."}),
        ("Кітапхана сағат 9.00-ден 18.00-ге дейін жұмыс істейді.\n", "kk", {"ru": "9:00-ден 18:00-ге"}),
        # A number keeps its decimal places; a day.month is not turned into a decimal.
        ("Билет подорожал до 2,50 доллара.\n", "ru", {"en": "2.50 доллара", "kk": "2,50 доллара"}),
        ("Приём заявок до 20.03 включительно.\n", "ru", {"kk": "до 20.03 включительно"}),
        # "The 1st of April" in Kazakh keeps its case ending; "00" and "2006/07" keep their zeros.
        ("Жұмыстар сәуірдің 1-іне дейін аяқталады.\n", "kk", {"ru": "1 апреля дейін", "en": "April 1 дейін"}),
        ("Сайлау 2023 жылғы қыркүйектің 16-сында өтті.\n", "kk", {"ru": "16 сентября 2023 года", "en": "on September 16, 2023"}),
        ("Шоу выходило в сезоне 2006/07 в 00:30.\n", "ru", {"en": "2006/07"}),
        # A Latin-typed Kazakh title in a Kazakh draft is Kazakh in Cyrillic in the Kazakh and Russian versions.
        ("Кітапханада «Ulttyk zhane otbasylyk dasturlerdi saktau» кітабы таныстырылды.\n", "kk",
         {"kk": "Кітапханада «Ұлттық және отбасылық дәстүрлерді сақтау» кітабы таныстырылды.\n",
          "ru": "«Ұлттық және отбасылық дәстүрлерді сақтау»", "en": "«Ulttyk zhane otbasylyk dasturlerdi saktau»"}),
        # A common word spelled like a place, a brand or title in Latin letters, and another person with a known
        # surname are written as the editor wrote them.
        ("Ну, в стране было засилье семей.\n", "ru", {"kk": "Ну, в стране было засилье семей."}),
        ("Бұл қала тамаша астана болады. Astana Motors компаниясы да қатысты.\n", "kk", {"ru": "астана болады. Astana Motors"}),
        ("Шоу «Наша Russia» вышло в эфир.\n", "ru", {"kk": "«Наша Russia»"}),
        ("Көрмеде Дариға Назарбаева да болды.\n", "kk", {"en": "Dariga Nazarbayeva", "ru": "Дарига Назарбаева"}),
        ("Доклад Нурсултана Назарбаева прозвучал.\n", "ru", {"en": "Nursultan Nazarbayev", "kk": "Нұрсұлтан Назарбаев"}),
        # A month without a day at the start of a sentence keeps its capital.
        ("Апрель 2009 года выдался тёплым.\n", "ru", {"kk": "2009 жылғы сәуір", "en": "April 2009"}),
    ],
)
def test_the_drafts_own_version_is_kept_and_the_others_carry_its_values(draft: str, source: str, expected: dict[str, str]) -> None:
    made = versions(draft, source)
    assert made[source] == expected.get(source, draft)
    for lang, value in expected.items():
        assert value in made[lang], (lang, made[lang])


SENTENCES = st.lists(
    st.sampled_from([
        "Выставка продлится до 20 марта.", "Форум пройдет 18–19 апреля 2024 года.", "Приём документов с 1 по 15 июля.",
        "В фонде более 6,5 млн документов.", "Она руководила музеем до апреля 2009 года.", "Апрель 2009 года выдался тёплым.",
        "Справки по телефону +7 (7172) 79-99-00, e-mail: info@nabrk.kz.", "Библиотека работает с 9.00 до 18.00.",
        "Билет подорожал до 2,50 доллара.", "Приём заявок до 20.03 включительно.", "Ну, в стране было засилье семей.",
        "Шоу «Наша Russia» вышло в эфир в сезоне 2006/07.", "Подробнее о выставке читайте на сайте библиотеки https://nabrk.kz/ru/news.",
        "Решение принято 23.04.2015 г.", "Мероприятие прошло 29.06.1941 года.", "Груз весом 1,500 кг доставлен.",
        "Вечер открыл поэт Ерлан Токсаба.", "Выставку открыла Ольга Кудайберген.",
    ]),
    min_size=1,
    max_size=5,
)
KK_SENTENCES = st.lists(
    st.sampled_from([
        "Көрме 20 наурызға дейін жұмыс істейді.", "Форум 2024 жылғы 18–19 сәуірде өтеді.", "Қорда 6,5 млн-нан астам кітап бар.",
        "Қорда 6,5 миллионнан астам кітап бар.", "Астана, 2016 жылғы 15 қыркүйек.", "Сот залдарының 83%-ы жабдықталған.", "Кітапхана сағат 9.00-ден 18.00-ге дейін ашық.",
        "Жұмыстар сәуірдің 1-іне дейін аяқталады.", "Бұл қала тамаша астана болады.", "Astana Motors компаниясы да қатысты.",
        "«Мемлекет басшысы „Сот кабинеті“ сервисіне назар аударды», – деді А. Тоқсаба.",
        "Конференция жылдың 28 ақпанында өтті.", "Кешті ақын Ерлан Тоқсаба ашты.", "Сыйлық Гүлнара Құдайбергенге берілді.",
    ]),
    min_size=1,
    max_size=5,
)


@settings(max_examples=30, deadline=None)
@given(st.one_of(SENTENCES.map(lambda s: ("ru", s)), KK_SENTENCES.map(lambda s: ("kk", s))))
def test_a_correct_kazakh_or_russian_draft_is_normalised_to_itself(draft: tuple[str, list[str]]) -> None:
    source, sentences = draft
    text = "\n\n".join(sentences) + "\n"
    once = make_versions(text, source=source, targets=(source,), translator=NO_ENGINE).texts[source]
    assert once == text
    assert make_versions(once, source=source, targets=(source,), translator=NO_ENGINE).texts[source] == once


@pytest.mark.parametrize(
    "sentence",
    [
        "Подробнее: https://nabrk.kz/ru/news/about-the-national-library",
        "Билеты на сайте ticketon.kz/event/state-of-the-art-show",
        "Справки по телефону, e-mail: info@nabrk.kz.",
    ],
)
def test_a_link_or_an_e_mail_in_a_russian_version_is_no_english_text(sentence: str) -> None:
    assert [f.id for f in check_versions({"ru": sentence + "\n"})] == []


def test_opening_hours_written_with_full_stops_match_the_english_clock() -> None:
    findings = check_versions({
        "kk": "Кітапхана сағат 9.00-ден 18.00-ге дейін жұмыс істейді.\n",
        "ru": "Библиотека работает с 9.00 до 18.00.\n",
        "en": "The library is open from 9:00 to 18:00.\n",
    })
    assert [f.id for f in findings] == []
    findings = check_versions({"ru": "Библиотека работает с 9.00 до 18.00.\n", "en": "The library is open from 9:00 to 17:00.\n"})
    assert [f.id for f in findings] == ["dates.mismatch", "dates.mismatch"]


def test_english_prose_in_a_russian_version_is_still_found() -> None:
    findings = check_versions({"ru": "Он сказал: the library is open to all readers today.\n"})
    assert [f.id for f in findings] == ["lang.untranslated"]


@pytest.mark.parametrize(
    ("lang", "text", "fixed"),
    [
        # An English version as a ministry site published it: a quoted service name inside a quotation.
        ("en", '"Attention was given to "Judicial office" service, " A. Toksaba said.\n',
         "“Attention was given to ‘Judicial office’ service, ” A. Toksaba said.\n"),
        ("ru", '"Особое внимание уделено сервису "Судебный кабинет"", - сказал А. Токсаба.\n',
         "«Особое внимание уделено сервису „Судебный кабинет“», - сказал А. Токсаба.\n"),
        ("ru", 'ГНПП "Сплав" выпускал изделия "Смерч".\n', "ГНПП «Сплав» выпускал изделия «Смерч».\n"),
    ],
)
def test_fixing_nested_straight_quotes_pairs_them_as_written(lang: str, text: str, fixed: str) -> None:
    findings = [f for f in check_versions({lang: text}) if f.id == "typography.quotes"]
    assert apply_fixes(text, findings)[0] == fixed


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Russian and Kazakh women's given names in -ина look like surnames (Калинина) but are not.
        ("Директором была избрана Янина Феликсовна Матвеева.", ["Янина Феликсовна Матвеева"]),
        ("На открытии выступила Галина Петрова.", ["Галина Петрова"]),
        ("Баяндаманы Мадина Әлімова жасады.", ["Мадина Әлімова"]),
        ("Петрова Марина Сергеевна выступила.", ["Петрова Марина Сергеевна"]),
        ("Выставку открыла Анна Никитина.", ["Анна Никитина"]),
    ],
)
def test_a_given_name_that_looks_like_a_surname_still_starts_the_name(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in find_names(text)] == names
    english = versions(text + "\n", "kk" if "ә" in text.lower() else "ru")["en"]
    assert all(name not in english for name in names)  # each name is protected, written in Latin letters


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A verb or an adverb opening the sentence is no given name; a Kazakh name that is a Russian noun is.
        ("Выступила Петрова, директор библиотеки.", []),
        ("Вчера Иванов открыл выставку.", []),
        ("Алмаз Петров открыл выставку.", ["Алмаз Петров"]),
        ("Назым Әлімова кітабын таныстырды.", ["Назым Әлімова"]),
    ],
)
def test_a_word_that_is_no_name_does_not_start_a_name(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in find_names(text)] == names
    first = text.split()[0]
    made = versions(text + "\n", "kk" if "ә" in text.lower() else "ru")
    # "Выступила" was written in Kazakh letters as a name, "Выстүпила"
    assert names or all(first in made[lang] for lang in ("kk", "ru"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Brands and English link text inside a Russian sentence: the sentence is still Russian.
        ("Спонсор матча — Kazakhtelecom.", "ru"),
        ("Команда благодарит спонсора — АО «Kazakhtelecom» и ТОО «Samruk-Kazyna Trust». Фото: Ministry of Tourism and Sports", "ru"),
        ("Іс-шараға Microsoft Office пен Google Docs қолданушылары қатысты.", "kk"),
        # A contact line is in the language of its words, not of its addresses.
        ("Байланыс: info@nlrk.kz", "kk"),
        ("Тіркелу: nlrk.kz/events, телефон: 8 (7172) 79-99-00;", "kk"),
        # and an English sentence around a Russian caption is still English.
        ("The caption Бахина фото was left in the English version.", "en"),
    ],
)
def test_the_language_of_a_sentence_is_that_of_its_lower_case_words(text: str, lang: str) -> None:
    assert detect(text, languages=("kk", "ru", "en")).lang == lang


def test_a_russian_paragraph_with_brand_names_is_translated_not_kept_as_foreign() -> None:
    draft = "Матч прошел в Алматы.\n\nКоманда благодарит спонсора — АО «Kazakhtelecom» и ТОО «Samruk-Kazyna Trust».\n"
    made = make_versions(draft, source="ru", translator=NO_ENGINE)
    assert made.report["foreign_blocks"] == []
    assert made.texts["en"].count("[[untranslated:ru]]") == 2


def test_a_lower_case_word_spelled_like_a_place_is_asked_about_never_fixed() -> None:
    text = "В девяностые годы в стране было засилье семей.\n"
    findings = check_versions({"ru": text})
    assert [(f.id, f.fixable) for f in findings] == [("glossary.capitalisation", False)]
    assert apply_fixes(text, findings)[0] == text


def test_a_kazakh_title_quoted_in_russian_keeps_its_kazakh_dash() -> None:
    findings = check_versions({"ru": "Выставка «Мұхтар Әуезов – ұлы жазушы» продлится до 20 марта – приходите.\n"})
    assert [(f.id, f.column) for f in findings] == [("typography.dash", 60)]
