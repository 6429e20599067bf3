"""People's and place names in Latin-typed Kazakh: Russian given names the names list lacks, names that
must not tip a Kazakh sentence to English, and names ``rerender`` must keep as typed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit import recover, rerender
from translit.names.finding import GIVEN_NAMES_FILE
from translit.names.people import to_russian
from translit.transliteration.engine import romanize

FRAMES = ("Keshe kitaphanada akyn {} Ivanova okyrmandarmen kezdesti.", "Kezdesuge {} keldi.",
          "Keşe kıtaphanada aqyn {} Ivanova oqyrmandarmen kezdestı.")


def _read(frame: str, latin: str) -> str:
    """The reading of the name ``latin`` in the sentence ``frame``."""
    [word] = [word for word in recover(frame.format(latin)).words if word.latin == latin]
    return word.corrected


# --- Russian given names the names list lacks -------------------------------------------------------


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Artyom", "Артём"), ("Semyon", "Семён"), ("Fyodor", "Фёдор"), ("Timofey", "Тимофей"),
    ("Eduard", "Эдуард"), ("Yaroslav", "Ярослав"), ("Veronika", "Вероника"), ("Vadim", "Вадим"),
    ("Vsevolod", "Всеволод"), ("Vitaliy", "Виталий"), ("Vasiliy", "Василий"), ("Elvira", "Эльвира"),
])  # fmt: skip
@pytest.mark.parametrize("frame", FRAMES)
def test_a_russian_given_name_is_read_as_russian_spells_it(frame: str, latin: str, cyrillic: str) -> None:
    # read as a name, not as a Kazakh word (Әртём) nor "corrected" to one (Артым)
    assert _read(frame, latin) == cyrillic
    result = recover(frame.format(latin))
    assert cyrillic in result.text and cyrillic in result.corrected
    assert latin not in {word.latin for word in result.typos}


@pytest.mark.parametrize(("text", "expected"), [
    ("Keshe Artyomga kitap berdi.", "Кеше Артёмға кітап берді."),
    ("Dmitriydin kitaby shykty.", "Дмитрийдің кітабы шықты."),
    ("Kezdesuge Timofeyge shakyru keldi.", "Кездесуге Тимофейге шақыру келді."),
])  # fmt: skip
def test_a_russian_given_name_takes_kazakh_suffixes(text: str, expected: str) -> None:
    assert recover(text).corrected == expected


def test_names_of_a_sentence_read_together() -> None:
    text = "Kezdesuge Vyacheslav, Svetlana, Artyom, Dmitriy, Yevgeniy jane Gennadiy keldi."
    assert recover(text).text == "Кездесуге Вячеслав, Светлана, Артём, Дмитрий, Евгений және Геннадий келді."


def test_a_lower_case_word_is_no_russian_name() -> None:
    # only a capital marks a name: in lower case the Kazakh reading stands (letter by letter, flagged)
    assert recover("keshe artyom keldi").words[1].cyrillic != "артём"


def _kazakh_name_spellings() -> list[tuple[str, str]]:
    names = [line.strip() for line in GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    spellings = set()
    for name in names:
        for cyrillic, scheme in ((name, "kk-news"), (name, "kk-latin-2021"), (to_russian(name), "ru-news"),
                                 (to_russian(name), "ru-icao")):
            spellings.add((name, romanize(cyrillic, scheme)))
    return sorted(spellings)


def test_no_kazakh_given_name_is_read_in_its_russian_spelling() -> None:
    # every Kazakh given name of the list, typed by ear, in the 2021 alphabet or as a Russian passport
    # spells it (Gulnara, Aigerim, Yerlan, Asel): pymorphy3 lists many as Russian given names too
    # (Гульнара, Айгерим, Нурсултан), and Гүлнара must never become Гульнара
    turned = []
    for name, latin in _kazakh_name_spellings():
        for typed in (latin, latin + "men"):  # with a suffix too: Gulnaramen
            word = recover(FRAMES[1].format(typed)).words[1]
            if word.alternatives[0].source == "name" and not word.cyrillic.lower().startswith(name.lower()):
                turned.append((name, typed, word.cyrillic))
    assert turned == []


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Gülnara", "Гүлнара"), ("Gulnara", "Гүлнара"), ("Erlan", "Ерлан"), ("Äsel", "Әсел"), ("Asel", "Әсел"),
    ("Nursultan", "Нұрсұлтан"), ("Bauyrzhan", "Бауыржан"),
])  # fmt: skip
def test_kazakh_names_keep_their_kazakh_spelling(latin: str, cyrillic: str) -> None:
    assert _read(FRAMES[1], latin) == cyrillic


# --- names are no evidence of English ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Kezdesuge Olga, Anna jane Maria qatysty.", "Кездесуге Ольга, Анна жане Мария қатысты."),
    ("Kezdesuge Olga, Anna zhane Maria katysty.", "Кездесуге Ольга, Анна және Мария қатысты."),
    ("Kezdesuge Olga, Anna jäne Maria qatysty.", "Кездесуге Ольга, Анна және Мария қатысты."),
    ("Kezdesuge Olga, Anna zhane Maria", "Кездесуге Ольга, Анна және Мария"),
    # without a Kazakh word the names still count for English, as they did
    ("Anna, Maria and Olga visited the library.", "Anna, Maria and Olga visited the library."),
    ("Anna, Maria and Olga", "Anna, Maria and Olga"),
    ("John Smith met Yerlan Karin in Astana", "John Smith met Yerlan Karin in Astana"),
])  # fmt: skip
def test_listed_names_do_not_make_a_kazakh_sentence_english(text: str, expected: str) -> None:
    assert recover(text).text == expected


# --- rerender keeps names as typed ------------------------------------------------------------------


@pytest.mark.parametrize(("scheme", "expected"), [
    ("kk-news", "Biz 2020 zhyly Nur-Sultan kalasyna bardyk."),
    # word by word the 2021 alphabet made it Nūr-Sultan: Nur is нұр, Sultan also spells Султан
    ("kk-latin-2021", "Bız 2020 jyly Nur-Sultan qalasyna bardyq."),
    ("kk-latin-2018", "Biz 2020 jyly Nur-Sultan qalasyna bardyq."),
])  # fmt: skip
def test_rerender_keeps_the_former_capital_in_its_official_latin_spelling(scheme: str, expected: str) -> None:
    assert rerender("Biz 2020 jyly Nur-Sultan qalasyna bardyq.", scheme) == expected


def test_rerender_still_writes_an_exonym_in_the_2021_alphabet() -> None:
    # a current name in its English spelling is no former name: the official alphabet spells it
    assert rerender('"Karaganda oblysy"', "kk-latin-2021") == '"Qarağandy oblysy"'


@pytest.mark.parametrize("line", ["Abai Kunanbayev — uly akyn.", "Keshe Abai Kunanbayevtin kitaby tusaukeser boldy."])
def test_rerender_in_news_ascii_treats_all_caps_as_title_case(line: str) -> None:
    assert rerender(line, "kk-news") == line
    assert rerender(line.upper(), "kk-news") == line.upper()


_NAMES = ["Abai", "ABAI", "Nur-Sultan", "Artyom", "Svetlana", "Olga", "Almaty", "Kunanbayev", "Maria"]
_WORDS = [romanize(word, "kk-news") for word in "кеше кітапханада кездесу өтті оқырмандар және кітап ұлы ақын".split()]


@given(st.lists(st.one_of(st.sampled_from(_NAMES), st.sampled_from(_WORDS)), min_size=2, max_size=8),
       st.booleans())
@settings(max_examples=60, deadline=None)
def test_rerendering_news_ascii_with_names_changes_nothing_and_twice_equals_once(words: list[str], caps: bool) -> None:
    # Kazakh words spelled in news ASCII, names as their bearers and the glossary spell them
    line = " ".join(words) + " keldi."  # every Kazakh word as kk-news spells it
    text = line.upper() if caps else line[:1].upper() + line[1:]
    assert rerender(text, "kk-news") == text
    once = rerender(text, "kk-latin-2021")
    assert rerender(once, "kk-latin-2021") == once


@pytest.mark.parametrize("style", ["kk-news", "kk-latin-2021"])
def test_an_all_caps_listed_name_reads_as_in_title_case(style: str) -> None:
    # an ALL-CAPS I of the 2021 alphabet is і or и: a listed name is read as it is in Title case
    assert recover("Maria men Abai keldi.", style=style).text.upper() == recover("MARIA MEN ABAI KELDI.", style=style).text
