"""Glossary: finding institution, place and people names in kk/ru/en news text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit.morphology import morph_kk, morph_ru
from translit.cli import main
from translit.errors import GlossaryError
from translit.names.glossary import Glossary, fold, parse_file
from translit.resources import bundled_dir

from glossary_marks import read_marked

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "examples" / "nlrk-2023-02-28.en.txt"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


def _sentences() -> list[tuple[str, str, set[tuple[int, int, str]]]]:
    return read_marked(DATA / "glossary_sentences.txt")


# ---------------------------------------------------------------- data files


def _examples() -> list[tuple[str, dict]]:
    return [
        (path.name, example)
        for path in sorted(bundled_dir("glossaries").glob("*.toml"))
        for example in parse_file(path).examples
    ]


@pytest.mark.parametrize(("name", "example"), _examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_glossary_file_passes_its_own_examples(glossary: Glossary, name: str, example: dict) -> None:
    found = glossary.find(example["text"], example.get("lang"))
    got = [(m.entity, m.text, m.status) for m in found]
    want = [(e.get("entity"), e["text"], e["status"]) for e in example["expect"]]
    assert got == want, name
    for mention, expected in zip(found, example["expect"]):
        if "case" in expected:
            assert mention.case == expected["case"], (name, mention.text)


def test_every_file_carries_examples_and_builtins_do_not_conflict(glossary: Glossary) -> None:
    for path in sorted(bundled_dir("glossaries").glob("*.toml")):
        assert parse_file(path).examples, f"{path.name} has no [[example]]"
    assert glossary.conflicts == []
    assert len(glossary) >= 120


def test_every_seed_institution_place_and_person_is_in_the_glossary(glossary: Glossary) -> None:
    for entity_id in (
        "lib.nlrk", "lib.nlrk_kazakhstan_kitaptary", "lib.krg_children_abai", "lib.wko_yesenzhanov",
        "reg.krg_culture_dept", "lib.kg_bayalinov", "lib.ua_children", "media.druzhnye_rebyata",
        "media.balalarga_oku", "city.bishkek", "city.kyiv", "city.almaty", "city.moscow", "region.karaganda",
        "person.tokayev", "person.bakhina", "person.zhumakenov", "person.sultangazieva", "person.polikarpova",
        "person.gumirova", "person.uatayeva",
    ):  # fmt: skip
        assert glossary.entity(entity_id).names


# ---------------------------------------------------------------- the test set


def test_precision_and_recall_on_real_usage_sentences(glossary: Glossary) -> None:
    data = _sentences()
    assert len(data) >= 150
    assert {lang for lang, _, _ in data} == {"kk", "ru", "en"}
    for lang in ("kk", "ru", "en"):
        found_total = gold_total = correct = 0
        for sentence_lang, text, gold in data:
            if sentence_lang != lang:
                continue
            found = {(m.start, m.end, m.entity or "?") for m in glossary.find(text, lang)}
            found_total += len(found)
            gold_total += len(gold)
            correct += len(found & gold)
        assert correct / found_total >= 0.99, lang
        assert correct / gold_total >= 0.98, lang


# ---------------------------------------------------------------- matching


def test_seed_post_findings(glossary: Glossary) -> None:
    text = SEED.read_text(encoding="utf-8")
    by_text = {m.text: m for m in glossary.find(text, "en")}
    assert by_text["National Library of the Republic of Kazakhstan"].status == "official"
    assert by_text["Kiev"].entity == "city.kyiv" and by_text["Kiev"].status == "discouraged"
    assert glossary.replacement(by_text["Kiev"]) == "Kyiv"
    uataeva = by_text["Bayan Kuanyshevna Uataeva"]
    assert (uataeva.entity, uataeva.status) == ("person.uatayeva", "discouraged")
    assert glossary.replacement(uataeva) == "Bayan Kuanyshevna Uatayeva"  # the patronymic stays
    wko = by_text["West Kazakhstan regional children's and youth's library named after H. Esenzhanov"]
    assert wko.entity == "lib.wko_yesenzhanov"
    # "Karaganda region" inside the department's name is not a separate mention.
    assert not any(m.entity == "region.karaganda" for m in glossary.find(text, "en"))


def test_russian_cases_after_prepositions_and_canonical_in_case(glossary: Glossary) -> None:
    [m] = glossary.find("Сотрудники Национальной библиотеки РК провели семинар.", "ru")
    assert (m.entity, m.status, m.case) == ("lib.nlrk", "accepted", "gen")
    assert glossary.replacement(m) == "Национальной библиотеки Республики Казахстан"
    [m] = glossary.find("Встреча прошла в Национальной библиотеке РК.", "ru")
    assert m.case == "prep"
    assert glossary.replacement(m) == "Национальной библиотеке Республики Казахстан"
    [m] = glossary.find("в Карагандинской областной детской библиотеке имени Абая", "ru")
    assert (m.entity, m.status, m.case) == ("lib.krg_children_abai", "official", "prep")
    assert glossary.canonical("lib.nlrk", "ru", "ins") == "Национальной библиотекой Республики Казахстан"


def test_kazakh_case_and_possessive_endings(glossary: Glossary) -> None:
    [m] = glossary.find("Кездесу ҚР Ұлттық кітапханасында өтті.", "kk")
    assert (m.entity, m.case, m.possessive) == ("lib.nlrk", "loc", "3")
    assert glossary.replacement(m) == "Қазақстан Республикасының Ұлттық кітапханасында"
    [m] = glossary.find("Оқырмандар Ұлттық кітапханасында жиналды.", "kk")
    assert m.status == "ambiguous" and m.entity is None and set(m.candidates) == {"lib.nlrk", "lib.nabrk"}
    assert glossary.canonical("lib.nlrk", "kk", m.case) == "Қазақстан Республикасының Ұлттық кітапханасында"
    [m] = glossary.find("Кездесу ҰАК-та өтті.", "kk")
    assert (m.entity, m.text, m.case) == ("lib.nabrk", "ҰАК-та", "loc")
    [m] = glossary.find("Акция БҚО-да өтті.", "kk")
    assert (m.entity, m.case) == ("region.wko", "loc")


def test_english_possessive_capitalisation_and_ambiguity(glossary: Glossary) -> None:
    [m] = glossary.find("Readers of the National library of the RK were invited.", "en")
    assert (m.entity, m.status) == ("lib.nlrk", "discouraged")
    [m] = glossary.find("The National Library's reading rooms are open.", "en")
    assert m.status == "ambiguous" and m.case == "poss" and glossary.replacement(m) is None
    [m] = glossary.find("Tokayev's address", "en")
    assert (m.entity, m.case, m.text) == ("person.tokayev", "poss", "Tokayev's")


def test_folding_of_real_typing_errors(glossary: Glossary) -> None:
    # Latin o inside a Cyrillic word, Latin i for Kazakh і, ё, extra spaces and a line break.
    [m] = glossary.find("Фонд Национальнoй библиотеки Республики Казахстан вырос.", "ru")
    assert (m.entity, m.status) == ("lib.nlrk", "discouraged") and "Latin" in m.reason
    [m] = glossary.find("Кездесу Қазақстан Республикасының Ұлттық кiтапханасында өтті.", "kk")
    assert m.entity == "lib.nlrk" and m.case == "loc"
    [m] = glossary.find("Лекцию прочитал профессор Евразийского национального университета имени Л. Н. Гумилева.", "ru")
    assert m.entity == "univ.enu"
    [m] = glossary.find("The National  Library of the\nRepublic of Kazakhstan is open.", "en")
    assert m.entity == "lib.nlrk" and m.status == "official"
    [m] = glossary.find("газета “Дружные ребята” вышла", "ru")
    assert m.entity == "media.druzhnye_rebyata"


def test_longest_match_wins(glossary: Glossary) -> None:
    found = glossary.find("Карагандинская областная детская библиотека имени Абая открыла зал.", "ru")
    assert [(m.entity, m.text) for m in found] == [
        ("lib.krg_children_abai", "Карагандинская областная детская библиотека имени Абая")
    ]


def test_outdated_names_are_reported_and_not_auto_fixed(glossary: Glossary) -> None:
    [m] = glossary.find("The delegation arrived in Nur-Sultan.", "en")
    assert (m.entity, m.status) == ("city.astana", "outdated") and "2022" in m.reason
    fixed, changed = glossary.fix("The delegation arrived in Nur-Sultan and Kiev.", "en")
    assert fixed == "The delegation arrived in Nur-Sultan and Kyiv." and [c.text for c in changed] == ["Kiev"]


def test_fix_keeps_the_sentence_grammatical(glossary: Glossary) -> None:
    text = "Письмо направлено в Нацбиблиотеку и в Министерство культуры и информации РК."
    assert glossary.fix(text, "ru") == (text, [])  # an accepted variant is right: never a fix
    fixed, _ = glossary.fix(text, "ru", statuses=("accepted",))
    assert fixed == (
        "Письмо направлено в Нацбиблиотеку и в Министерство культуры и информации Республики Казахстан."
    )


# ---------------------------------------------------------------- user files


def test_user_glossary_extends_overrides_and_reports_conflicts(tmp_path: Path) -> None:
    user = tmp_path / "house.toml"
    user.write_text(
        'title = "house"\n'
        "[[entity]]\n"
        'id = "lib.house"\n'
        'type = "library"\n'
        'ru = "Домашняя библиотека"\n'
        "[entity.accepted]\n"
        'ru = ["НБ РК"]\n'
        "\n[[entity]]\n"
        'id = "city.kyiv"\n'
        'type = "city"\n'
        'en = "Kiev"\n',
        encoding="utf-8",
    )
    glossary = Glossary.load([tmp_path])
    [m] = glossary.find("в Домашней библиотеке", "ru")
    assert m.entity == "lib.house" and m.case == "prep"
    assert glossary.find("Kiev", "en")[0].status == "official"  # overridden by id
    conflicts = [c for c in glossary.conflicts if c.form == "НБ РК"]
    assert conflicts and "house.toml:7" in str(conflicts[0]) and "libraries.toml:" in str(conflicts[0])
    assert glossary.find("НБ РК", "ru")[0].entity == "lib.house"


def test_malformed_glossary_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entity]]\nid = "x"\ntype = "library"\nru = "Библиотека\n', encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        Glossary.load([bad], builtin=False)
    assert str(info.value).startswith(f"{bad}:4:")
    wrong_type = tmp_path / "type.toml"
    wrong_type.write_text('[[entity]]\nid = "x.y"\ntype = "castle"\nen = "X"\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"type\.toml:2: x\.y: type must be"):
        Glossary.load([wrong_type], builtin=False)


# ---------------------------------------------------------------- morphology


@pytest.mark.parametrize(
    ("word", "case", "expected"),
    [
        ("Шымкент", "loc", "Шымкентте"), ("Шымкент", "dat", "Шымкентке"), ("Шымкент", "ins", "Шымкентпен"),
        ("Тараз", "ins", "Таразбен"), ("Өскемен", "abl", "Өскеменнен"), ("Атырау", "loc", "Атырауда"),
        ("Алматы", "attr", "Алматыдағы"), ("Тоқаев", "gen", "Тоқаевтың"), ("кітапханасы", "loc", "кітапханасында"),
        ("министрлігі", "gen", "министрлігінің"), ("Мәскеу", "abl", "Мәскеуден"),
    ],
)  # fmt: skip
def test_kazakh_suffixes_follow_harmony_and_final_sound(word: str, case: str, expected: str) -> None:
    proper = word[0].isupper()
    assert morph_kk.decline(word, case, possessive3=None if not proper else False) == expected


def test_kazakh_possessive_and_hyphenated_abbreviations() -> None:
    assert morph_kk.possessive("министрлік") == "министрлігі"
    assert morph_kk.possessive("кітапхана", "1pl") == "кітапханамыз"
    assert [morph_kk.hyphenated(a, "loc") for a in ("ҰАК", "БҚО")] == ["ҰАК-та", "БҚО-да"]
    assert morph_kk.hyphenated("ҚазҰУ", "gen") == "ҚазҰУ-дың"


def test_russian_phrase_and_person_inflection() -> None:
    forms = morph_ru.inflect_name("Западно-Казахстанская областная детско-юношеская библиотека имени Х. Есенжанова")
    assert forms["gen"] == "Западно-Казахстанской областной детско-юношеской библиотеки имени Х. Есенжанова"
    assert morph_ru.inflect_name("Алматы")["prep"] == "Алматы"
    assert morph_ru.inflect_name("Назарбаев Университет")["prep"] == "Назарбаев Университете"
    assert morph_ru.inflect_person("Касым-Жомарт Токаев", "m")["gen"] == "Касым-Жомарта Токаева"
    assert morph_ru.inflect_person("Уатаева Баян Куанышевна", "f")["dat"] == "Уатаевой Баян Куанышевне"


# ---------------------------------------------------------------- invariants


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(alphabet="абв әқ xyz ,.;\n«»", max_size=30),
    after=st.text(alphabet="абв әқ xyz ,.;\n«»", max_size=30),
    name=st.sampled_from(["Национальной библиотеки РК", "Ұлттық кітапханасының", "Kyiv", "ҚР ҰК", "Бишкеке"]),
)
def test_mentions_are_ordered_disjoint_and_a_name_is_found_anywhere(glossary: Glossary, before: str, after: str, name: str) -> None:
    text = f"{before} {name} {after}"
    found = glossary.find(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    start = len(before) + 1
    assert any(m.start == start and m.end == start + len(name) for m in found)


def test_fold_is_idempotent_on_glossary_forms(glossary: Glossary) -> None:
    for entity in glossary:
        for variant in entity.variants:
            once = fold(variant.form)
            assert fold(" ".join(once)) == once


# ---------------------------------------------------------------- CLI


def test_cli_lint_reports_fixes_and_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "post.en.txt"
    draft.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["glossary", "lint", str(draft), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"{draft}:13:159: discouraged: 'Kiev' -> 'Kyiv'" in out
    assert main(["glossary", "lint", str(draft), "--lang", "en", "--json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert {"file", "line", "column", "entity", "status", "official", "reason"} <= set(records[0])
    fixed = tmp_path / "post.fixed.txt"
    assert main(["glossary", "lint", str(draft), "--lang", "en", "--fix", "-o", str(fixed)]) == 1
    capsys.readouterr()
    assert "(Kyiv, Ukraine)" in fixed.read_text(encoding="utf-8")
    assert main(["glossary", "lint", str(fixed), "--lang", "en", "--fix", "-o", str(fixed), "--force"]) == 2
    assert "refusing to overwrite the input" in capsys.readouterr().err
    clean = tmp_path / "clean.txt"
    clean.write_text("The National Library of the Republic of Kazakhstan is in Almaty.\n", encoding="utf-8")
    assert main(["glossary", "lint", str(clean)]) == 0


def test_cli_show_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "show", "lib.nlrk"]) == 0
    out = capsys.readouterr().out
    assert "ru: Национальная библиотека Республики Казахстан" in out and "libraries.toml:" in out
    assert main(["glossary", "search", "Есенжанов"]) == 0
    assert capsys.readouterr().out.startswith("lib.wko_yesenzhanov\t")
    assert main(["glossary", "search", "nothing-like-this"]) == 1
    assert main(["glossary", "show", "lib.none"]) == 2
