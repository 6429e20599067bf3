"""People found by a known given name before a surname of any ending: Ерлан Тоқсаба, Гүлнара Құдайберген.

The posts are written for these tests in the shape of NLRK library news; the Kazakh given names
list (translit/data/names/kk_given_names.txt) carries its own examples, checked here too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translit.checks.check import check_versions
from translit.mt import MTConfig, Translator
from translit.names.finding import GIVEN_NAMES_FILE, find_names
from translit.translation.versions import make_versions

NO_ENGINE = Translator(MTConfig.from_mapping({"default": "none"}))
EXAMPLES = [line.removeprefix("# example:").partition("=>") for line in GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
            if line.startswith("# example:")]


def names(text: str) -> list[str]:
    return [text[a:b] for a, b in find_names(text)]


def test_the_given_names_list_is_read_and_has_examples() -> None:
    assert len(EXAMPLES) >= 5
    assert Path(GIVEN_NAMES_FILE).is_file()


@pytest.mark.parametrize(("text", "found"), [(text.strip(), found) for text, _, found in EXAMPLES])
def test_the_given_names_lists_own_examples(text: str, found: str) -> None:
    assert names(text) == [name.strip() for name in found.split("|") if name.strip()]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A given name and a surname without a Russian ending, in each language and spelling.
        ("Кітапхана директоры Бақыт Жұмабай қонақтарға алғыс айтты.", ["Бақыт Жұмабай"]),
        ("Директор библиотеки Бахыт Жумабай поблагодарил гостей.", ["Бахыт Жумабай"]),
        ("Library director Bakhyt Zhumabay thanked the guests.", ["Bakhyt Zhumabay"]),
        ("Выставку открыла Ольга Кудайберген.", ["Ольга Кудайберген"]),
        # The surname keeps its case ending, the genitive too: the name is still one person.
        ("Сыйлық Ерлан Тоқсабаға берілді.", ["Ерлан Тоқсабаға"]),
        ("Гүлнара Құдайбергеннің кітабы шықты.", ["Гүлнара Құдайбергеннің"]),
        # A known surname ending still wins as before; a given name alone is no person.
        ("Ақын Мұхтар Әуезовтің романын оқыды.", ["Мұхтар Әуезовтің"]),
        ("Кездесуге Ерлан келді.", []),
        # Initials of a double given name are one: Қасым-Жомарт is Қ.-Ж.
        ("Баяндаманы Қ.-Ж. Тоқсаба жасады.", ["Қ.-Ж. Тоқсаба"]),
        ("The report was made by K.-Zh. Toksaba.", ["K.-Zh. Toksaba"]),
    ],
)
def test_a_known_given_name_and_a_capitalised_word_are_one_person(text: str, found: list[str]) -> None:
    assert names(text) == found


@pytest.mark.parametrize(
    "text",
    [
        # Sentence starts, institutions and places: capitalised words that are nobody.
        "Қазақстан Республикасының Ұлттық кітапханасы көрме ашты.",
        "Национальная Библиотека Республики Казахстан открыла выставку.",
        "Readers from Karaganda and Astana took part. National Library staff met them.",
        "Вера Надежда Любовь — название выставки.",
        "Тоқсаба Жұмабай кітапханаға келді.",  # two unknown words: no given name, no person
    ],
)
def test_capitalised_words_that_are_nobody_are_no_person(text: str) -> None:
    assert names(text) == []


# Three versions of one post, as an editor would publish them.
POST = {
    "kk": "Кешті ақын Ерлан Тоқсаба ашты.\n\nКейін Е. Тоқсаба оқырмандардың сұрақтарына жауап берді. Ақын Гүлнара Құдайберген өлең оқыды.\n",
    "ru": "Вечер открыл поэт Ерлан Токсаба.\n\nЗатем Е. Токсаба ответил на вопросы читателей. Поэт Гульнара Кудайберген прочитала стихи.\n",
    "en": "The evening was opened by poet Yerlan Toksaba.\n\nThen Ye. Toksaba answered readers' questions. Poet Gulnara Kudaibergen read poems.\n",
}


def test_a_published_post_with_such_surnames_raises_no_people_finding() -> None:
    assert [f for f in check_versions(POST) if f.id.startswith("people.")] == []


@pytest.mark.parametrize("source", ["kk", "ru", "en"])
def test_post_writes_such_a_name_alike_in_every_version(source: str) -> None:
    made = make_versions(POST[source], source=source, translator=NO_ENGINE)
    assert "Ерлан Тоқсаба" in made.texts["kk"] and "Гүлнара Құдайберген" in made.texts["kk"]
    assert "Ерлан Токсаба" in made.texts["ru"] and "Гульнара Кудайберген" in made.texts["ru"]
    assert "Toksaba" in made.texts["en"] and "Тоқсаба" not in made.texts["en"]
    # one spelling of the surname in each version: check finds nothing to say about people
    assert [f for f in check_versions(made.texts) if f.id.startswith("people.")] == []


def test_a_surname_without_a_russian_ending_says_nothing_of_gender() -> None:
    from translit.names.people import guess_gender

    assert guess_gender("Ерлан Тоқсаба") == "m" and guess_gender("Гүлнара Құдайберген") == "f"
    assert guess_gender("Ерлан Сейсенбаева") == "f"  # a Russian-style ending still decides
    assert guess_gender("Олжас Сулейменов") == "m"


def test_an_english_draft_names_such_a_person_whole_in_each_language() -> None:
    made = make_versions("The book of Gulnara Kudaibergen came out.\n", source="en", translator=NO_ENGINE)
    # the genitive of "of": on the Kazakh surname, and in Russian on her given name only (a woman's
    # surname in a consonant does not decline)
    assert "Гүлнара Құдайбергеннің" in made.texts["kk"] and "Гульнары Кудайберген " in made.texts["ru"]
    made = make_versions("Гүлнара Құдайбергеннің кітабы шықты.\n", source="kk", translator=NO_ENGINE)
    assert "Gulnara Kudaybergen" in made.texts["en"] and "Құдайбергеннің" not in made.texts["en"]
