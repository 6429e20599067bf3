"""People's names in Russian cases (pytrovich plus translit's Kazakh rules), on a committed table."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit.morphology import morph_ru
from translit.names import people
from translit.errors import TranslitError
from translit.translation.versions import make_versions

TABLE = Path(__file__).resolve().parent / "data" / "ru_person_names.tsv"
ROWS = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")][1:]


def test_the_table_is_large_and_covers_every_case() -> None:
    assert len(ROWS) >= 200
    assert {case for _, _, case, _ in ROWS} == {"gen", "dat", "acc", "ins", "prep"}


@pytest.mark.parametrize(("name", "gender", "case", "form"), ROWS, ids=[f"{r[0]}-{r[2]}" for r in ROWS])
def test_every_form_of_the_table(name: str, gender: str, case: str, form: str) -> None:
    assert morph_ru.inflect_person(name, gender)[case] == form


@pytest.mark.parametrize(
    ("words", "parts"),
    [
        ("Баян Куанышевна Уатаева", "GPS"), ("Уатаева Баян Куанышевна", "SGP"), ("Мадина Ахметова", "GS"),
        ("Кайрат Нуртас", "GS"), ("Жумакенов Еркебулан", "SG"), ("К.А. Бахина", "IS"), ("Бахина К.А.", "SI"),
    ],
)  # fmt: skip
def test_parts_of_a_name_by_ending_and_order(words: str, parts: str) -> None:
    assert "".join(morph_ru._name_parts(words.split(" "))) == parts


# ---------------------------------------------------------------- each language's spelling, the nominative


@pytest.mark.parametrize(
    ("latin", "kk", "ru"),
    [
        ("Gulnara Seisenbayeva", "Гүлнара Сейсенбаева", "Гульнара Сейсенбаева"),
        ("Aigerim Esenova", "Әйгерім Есенова", "Айгерим Есенова"),
        ("Aisha Nurlanova", "Айша Нұрланова", "Айша Нурланова"),
        ("Mukhtar Auezov", "Мұхтар Әуезов", "Мухтар Ауэзов"),
        ("Kassym-Jomart Tokayev", "Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев"),
        ("Olga Alexeevna", "Ольга Алексеевна", "Ольга Алексеевна"),
        ("Lyudmila Polikarpova", "Людмила Поликарпова", "Людмила Поликарпова"),
    ],
)
def test_a_latin_name_gets_each_languages_spelling(latin: str, kk: str, ru: str) -> None:
    assert people.cyrillic_forms(latin) == {"kk": kk, "ru": ru}


# Foreign given names as Kazakh news write them (Ольга, Мария, Джон), never read as Kazakh words with a
# case ending (Олға: a stem ол and a dative -ға) or respelled letter by letter (Мәріа, Джохн).
FOREIGN_GIVEN = [("Olga", "Ольга"), ("Anna", "Анна"), ("Maria", "Мария"), ("Tatyana", "Татьяна"), ("Irina", "Ирина"),
                 ("Oksana", "Оксана"), ("Dmitry", "Дмитрий"), ("Aleksey", "Алексей"), ("Mikhail", "Михаил"),
                 ("Yevgeny", "Евгений"), ("Oleg", "Олег"), ("Boris", "Борис"), ("John", "Джон"), ("Michael", "Майкл"),
                 ("George", "Джордж")]  # fmt: skip


@pytest.mark.parametrize(("latin", "cyrillic"), FOREIGN_GIVEN)
def test_a_foreign_given_name_keeps_its_russian_spelling_in_a_kazakh_sentence(latin: str, cyrillic: str) -> None:
    from translit.recovery import recover

    assert recover(f"Keshe kitaphanada akyn {latin} Ivanova okyrmandarmen kezdesti.").text.split()[3] == cyrillic
    assert recover(f"Kezdesuge {latin} keldi.").text == f"Кездесуге {cyrillic} келді."
    assert people.cyrillic_forms(f"{latin} Ivanova") == {"kk": f"{cyrillic} Иванова", "ru": f"{cyrillic} Иванова"}


def test_a_latin_kazakh_draft_names_a_russian_woman_alike_in_kazakh_and_russian() -> None:
    made = _post("Keshe kitaphanada akyn Olga Ivanova okyrmandarmen kezdesti.\n")
    assert "Ольга Иванова" in made.kk and "Ольга Иванова" in made.ru and "Olga Ivanova" in made.en


def test_cyrillic_names_carry_between_kazakh_and_russian() -> None:
    assert people.to_kazakh("Гульнара Сейсенбаева") == "Гүлнара Сейсенбаева"
    assert people.to_kazakh("Айгерим Есенова") == "Әйгерім Есенова"
    assert people.to_kazakh("Людмила Поликарпова") == "Людмила Поликарпова"  # a Russian name stays
    assert people.to_russian("Гүлнара Сейсенбаева") == "Гульнара Сейсенбаева"
    assert people.to_russian("Мұхтар Әуезов") == "Мухтар Ауэзов"


def test_the_nominative_is_read_back_from_most_forms_of_the_table() -> None:
    # Without context "Ерлана Сейсенбаева" may be a woman's name; the name as written wins such ties.
    wrong = [form for name, _, _, form in ROWS if people.nominative(form, "ru") != name]
    assert len(wrong) <= len(ROWS) // 10, wrong
    assert people.reading("Мухтара Ауэзова", "ru") == ("Мухтар Ауэзов", "gen")
    assert people.reading("Гульнара Сейсенбаева", "ru") == ("Гульнара Сейсенбаева", "nom")
    assert people.reading("Мұхтар Әуезовтің", "kk") == ("Мұхтар Әуезов", "gen")
    # A preposition settles a tie: after "у" the name is genitive, so a man's.
    assert people.reading("Ерлана Сейсенбаева", "ru") == ("Ерлана Сейсенбаева", "nom")
    assert people.reading("Ерлана Сейсенбаева", "ru", "gen") == ("Ерлан Сейсенбаев", "gen")


def test_names_in_posts_are_whole_spelled_by_language_and_english_is_nominative() -> None:
    made = _post("The conference was closed by Bayan Kuanyshevna Uatayeva and Gulnara Seisenbayeva.\n")
    assert "Баян Куанышевной Уатаевой" in made.ru and "Гульнара Сейсенбаева" in made.ru
    assert "Баян Қуанышқызы Уатаевамен" in made.kk and "Гүлнара Сейсенбаева" in made.kk
    made = _post("Конференцию закрыла Баян Куанышевна Уатаева. Книгу Мухтара Ауэзова прочитала Гульнара Сейсенбаева.\n")
    assert "Bayan Kuanyshevna Uatayeva" in made.en and "Mukhtar Auezov" in made.en and "Mukhtara" not in made.en
    assert "Uatayeva" not in made.ru and "Гүлнара Сейсенбаева" in made.kk and "Мұхтар Әуезов" in made.kk


def test_a_kazakh_name_with_a_case_ending_is_one_name_in_the_nominative_for_english() -> None:
    made = _post("Мұхтар Әуезовтің кітабын Гүлнара Сейсенбаеваға берді.\n")
    assert "Mukhtar Au" in made.en and "Әуезовтің" not in made.en and "Gulnara Seysenbayeva" in made.en
    assert "Гульнаре Сейсенбаевой" in made.ru and "Мухтара Ауэзова" in made.ru


def test_a_dateline_keeps_its_nominative_date() -> None:
    made = _post("Астана, 5 марта 2024 года. В Национальной библиотеке РК прошла встреча.\n")
    assert "Астана, 2024 жылғы 5 наурыз." in made.kk and "Astana, March 5, 2024." in made.en


class _NoEngine:
    def route(self, src: str, tgt: str) -> object:
        raise TranslitError(f"no engine for {src}→{tgt}")


def _post(text: str):  # type: ignore[no-untyped-def]
    return make_versions(text, translator=_NoEngine())
