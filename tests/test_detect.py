"""Language detection on real text: the seed post, Kazakh titles typed in Latin, neighbours."""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit import detect, segments
from translit.cli import main
from translit.language.detection import Detector, _fixed, default_detector
from translit.transliteration.engine import romanize
from translit.resources import bundled_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "nlrk-2023-02-28.en.txt"
PROFILE = bundled_dir("data") / "langid" / "profiles.json"

# Real sentences of the kind editors write (the seed post's own story, retold per language).
KAZAKH = "Қазақстан Республикасы Ұлттық кітапханасының қызметкері К.А. Бахина онлайн-конференцияда баяндама жасады."
RUSSIAN = "Сотрудник Национальной библиотеки Республики Казахстан К.А. Бахина выступила с докладом на онлайн-конференции."
NEIGHBOURS = {
    "ky": "Бишкектеги республикалык балдар жана өспүрүмдөр китепканасынын жетекчиси конференцияга катышты.",
    "uk": "Заступник директора Національної бібліотеки України для дітей взяла участь у конференції.",
    "tt": "Казандагы балалар китапханәсе җитәкчесе конференциядә чыгыш ясады.",
    "uz": "Toshkentdagi bolalar kutubxonasi rahbari konferensiyada ma'ruza qildi.",
    "tr": "Ankara'daki çocuk kütüphanesinin müdürü konferansta bir konuşma yaptı.",
}


def seed_paragraphs() -> list[str]:
    return [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def test_profile_examples_hold() -> None:
    """The profile carries its own examples; every one must come out as stated."""
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    assert len(profile["examples"]) >= 10
    for text, lang, scheme in profile["examples"]:
        found = detect(text)
        assert (found.lang, found.scheme, found.romanized) == (lang, scheme, scheme is not None), text


def test_profile_holds_counts_not_text() -> None:
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    assert profile["format"] == "translit-langid/1"
    for cls in profile["classes"]:
        for grams in cls["grams"]:
            for count, joined in grams.items():
                assert int(count) >= 2
                assert all(len(g) <= profile["orders"] for g in joined.split("|"))
    readme = (PROFILE.parent / "README.md").read_text(encoding="utf-8")
    assert "CC BY" in readme and "KazNERD" in readme


def test_seed_english_paragraphs_are_english() -> None:
    english = [p for p in seed_paragraphs() if p[0].isascii() and len(p) > 100]
    assert len(english) == 7
    for paragraph in english:
        found = detect(paragraph)
        assert (found.lang, found.script, found.romanized) == ("en", "Latn", False)
        assert found.confidence > 0.99


def test_russian_caption_in_english_post() -> None:
    found = detect("Бахина фото")
    assert (found.lang, found.script, found.romanized) == ("ru", "Cyrl", False)
    assert found.alternatives[0].lang == "ru"


def test_seed_kazakh_titles_typed_in_latin() -> None:
    title = "Ulttyk zhane otbasylyk dastustusturlerdi saktau men damytudagy balalar kitaphanasyn aleumettik-madeni miassi"
    found = detect(title)
    assert (found.lang, found.script, found.romanized, found.scheme) == ("kk", "Latn", True, "kk-news")
    for short in ("Otbasylyk oku - tarbiye kozi", "Kazakhstan kitaptary", "Balalarga oku"):
        found = detect(short)
        assert (found.lang, found.romanized) == ("kk", True), short


def test_russian_title_typed_in_latin() -> None:
    for title in ("Druzhniye Rebyata", "Druzhnye rebyata"):
        found = detect(title)
        assert (found.lang, found.romanized) == ("ru", True), title
        assert found.scheme is not None and found.scheme.startswith("ru-")


@pytest.mark.parametrize("scheme", ["kk-news", "kk-latin-2021", "kk-latin-2018", "kk-bgn-pcgn"])
def test_kazakh_romanized_with_each_scheme_names_the_scheme(scheme: str) -> None:
    found = detect(romanize(KAZAKH, scheme))
    assert (found.lang, found.romanized, found.scheme) == ("kk", True, scheme)


@pytest.mark.parametrize("scheme", ["ru-news", "ru-icao", "ru-iso9", "ru-gost-7.79b"])
def test_russian_romanized_is_russian(scheme: str) -> None:
    found = detect(romanize(RUSSIAN, scheme))
    assert (found.lang, found.romanized) == ("ru", True)
    assert found.scheme == scheme


def test_cyrillic_kazakh_and_russian() -> None:
    assert detect(KAZAKH).lang == "kk"
    assert detect(RUSSIAN).lang == "ru"
    # Short headlines: where detectors fail.
    assert detect("Ұлттық кітапхана").lang == "kk"
    assert detect("Отбасылық оқу").lang == "kk"
    assert detect("Национальная библиотека").lang == "ru"
    assert detect("Дружные ребята").lang == "ru"


@pytest.mark.parametrize("lang", sorted(NEIGHBOURS))
def test_neighbours_are_not_kazakh_or_russian(lang: str) -> None:
    found = detect(NEIGHBOURS[lang])
    assert found.lang == lang
    assert not found.romanized


def test_english_with_kazakh_names_is_english() -> None:
    for text in (
        "Akimat of Karaganda Region",
        "President of Kazakhstan Kassym-Jomart Tokayev receives Askar Myrzakhmetov",
        "The online conference was closed by Bayan Kuanyshevna Uataeva, head of the Karaganda Regional Children's Library.",
    ):
        found = detect(text)
        assert (found.lang, found.romanized) == ("en", False), text


def test_no_letters_is_undetermined() -> None:
    for text in ("", "   ", "+7 (727) 267-28-83", "2023-02-28"):
        found = detect(text)
        assert (found.lang, found.script, found.confidence) == ("und", "Zyyy", 0.0)
    assert detect("北京").script == "Zzzz"


def test_mixed_script() -> None:
    found = detect("Бахина фото Bakhina photo")
    assert found.script == "mixed"
    assert detect("Сотрудник библиотеки Bakhina выступила с докладом на конференции").script == "Cyrl"


def test_a_link_says_nothing_of_an_all_caps_line() -> None:
    # the only lower-case word of such a line was the link's "https"
    assert detect("ПОДРОБНЕЕ: https://nlrk.kz/index.php?id=3458").lang == "ru"
    assert detect("ҰЛТТЫҚ КІТАПХАНА КӨРМЕ АШТЫ https://nlrk.kz/kk/news").lang == "kk"
    assert detect("More at https://nlrk.kz/news").lang == "en"
    # nor does it make a frame around a quoted title: the block is the title's language
    [block, *_] = segments("«Редкие книги Казахстана» https://nlrk.kz/index.php?id=3458")
    assert block.detection.lang == "ru"


def test_alternatives_are_ranked_probabilities() -> None:
    found = detect("Otbasylyk oku")
    probabilities = [a.probability for a in found.alternatives]
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) == pytest.approx(1.0)
    assert found.alternatives[0].lang == found.lang and found.alternatives[0].probability == found.confidence
    assert {a.lang for a in found.alternatives} >= {"en", "kk", "ru", "tr", "uz"}


def test_deterministic_and_independent_of_instances() -> None:
    texts = [*seed_paragraphs(), "Бахина фото", "Otbasylyk oku"]
    first = [detect(t) for t in texts]
    fresh = Detector.from_path(PROFILE)
    assert [fresh.detect(t) for t in texts] == first
    assert [detect(t) for t in texts] == first
    assert default_detector() is default_detector()


def test_as_dict_is_json_ready() -> None:
    data = detect("Otbasylyk oku - tarbiye kozi").as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["lang"] == "kk" and data["romanized"] is True and data["scheme"] == "kk-news"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_a_valid_detection(text: str) -> None:
    found = detect(text)
    assert found.lang in {"kk", "ru", "en", "ky", "uk", "tt", "uz", "tr", "und"}
    assert found.script in {"Cyrl", "Latn", "mixed", "Zyyy", "Zzzz"}
    assert 0.0 <= found.confidence <= 1.0 + 1e-9
    assert found.romanized == (found.scheme is not None)
    assert detect(text) == found


def test_cli_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect", str(SEED)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "caption" in out and "Бахина фото" in out
    assert "kk-Latn" in out and "kk-news" in out
    assert main(["detect", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = SEED.read_text(encoding="utf-8")
    rows = data["segments"]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    caption = next(r for r in rows if r["text"] == "Бахина фото" and r["level"] == 0)
    assert (caption["kind"], caption["lang"], caption["line"], caption["column"]) == ("caption", "ru", 3, 1)


def test_cli_reads_cp1251(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes("Национальная библиотека Республики Казахстан\n".encode("cp1251"))
    assert main(["detect", str(draft), "--encoding", "cp1251", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["segments"]
    assert rows[0]["lang"] == "ru"


# The model sums, per word, one precomputed entry per letter (the n-gram ending
# there plus all its suffixes, packed for every class). Checked here against the
# plain definition: every n-gram of orders 1..5 of the space-padded word costs,
# per class, its smoothed count's cost or, unseen, that order's unseen cost.


Counts = dict[str, list[dict[str, int]]]


def _count_tables(profile: dict[str, Any]) -> Counts:
    """Class id -> per order, n-gram -> count."""
    return {
        c["id"]: [{g: int(n) for n, joined in grams.items() for g in joined.split("|")} for grams in c["grams"]]
        for c in profile["classes"]
    }


def _reference_costs(profile: dict[str, Any], counts: Counts, script: str, word: str) -> list[int]:
    """Per-class cost of a lower-cased word (fixed-point), n-gram by n-gram, straight from the counts."""
    orders, alpha, pull = profile["orders"], profile["alpha"], profile["shared_unseen"]
    classes = [c for c in profile["classes"] if c["script"] == script]
    padded = f" {word} "
    grams = [padded[i : i + n] for n in range(1, orders + 1) for i in range(len(padded) - n + 1)]
    grams = [g for g in grams if g != " "]
    costs = [0] * len(classes)
    for order in range(orders):
        unseen = [-math.log(alpha / (c["totals"][order] + alpha * (c["types"][order] + 1))) for c in classes]
        unseen = [u + pull * (max(unseen) - u) for u in unseen]
        for i, c in enumerate(classes):
            denominator = math.log(c["totals"][order] + alpha * (c["types"][order] + 1))
            for gram in grams:
                if len(gram) == order + 1:
                    count = counts[c["id"]][order].get(gram)
                    costs[i] += _fixed(unseen[i]) if count is None else _fixed(denominator - math.log(count + alpha))
    return costs


@cache
def _shipped() -> tuple[dict[str, Any], Counts]:
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    return profile, _count_tables(profile)


LETTERS = "abcdefghijklmnopqrstuvwxyzçğışöüäñ'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяєїґ"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(LETTERS, min_size=1, max_size=14), min_size=1, max_size=8))
def test_word_costs_equal_the_sum_over_every_ngram(words: list[str]) -> None:
    profile, counts = _shipped()
    words += ["қазақстан", "республикасы", "библиотека", "otbasylyk", "the", "a", "я", "zhane"]
    for script in ("Cyrl", "Latn"):
        model = default_detector().model(script)
        assert model is not None
        for word in words:
            expected = _reference_costs(profile, counts, script, word)
            assert list(model.fields(model._word_cost(word))) == expected, (script, word)


def test_word_costs_on_a_profile_whose_ngrams_lack_their_suffixes() -> None:
    """A profile need not keep every suffix of a kept n-gram (the shipped one happens to)."""
    profile = {
        "orders": 3,
        "alpha": 0.5,
        "shared_unseen": 0.0,
        "classes": [
            {"id": "en", "lang": "en", "script": "Latn", "totals": [10, 10, 10], "types": [3, 3, 2],
             "grams": [{"5": "a", "2": "b|c"}, {"4": " a", "3": "bc|c "}, {"6": "abc", "2": "ab "}]},
            {"id": "tr", "lang": "tr", "script": "Latn", "totals": [8, 8, 8], "types": [2, 2, 2],
             "grams": [{"4": "c"}, {"5": "ca"}, {"3": "cab|xyz"}]},
        ],
    }
    model = Detector(profile).model("Latn")
    assert model is not None
    counts = _count_tables(profile)
    for word in ("abc", "cab", "ab", "bc", "xyz", "abcabc", "q", "cabxyzab"):
        assert list(model.fields(model._word_cost(word))) == _reference_costs(profile, counts, "Latn", word), word


# --------------------------------------------------------------------------- a site's languages

SITE = ("kk", "ru", "en")


@pytest.mark.parametrize(
    ("text", "lang", "romanized"),
    [
        ("Скрипт индикаторы", "kk", False), ("Сурет редакторы", "kk", False), ("Вертикалды ось орны", "kk", False),
        ("Файлды ашу", "kk", False), ("Соңы", "kk", False), ("Баптаулар", "kk", False),
        ("Фокус режимі", "kk", False), ("Бет стилі", "kk", False),
        ("Qazaq tili", "kk", True), ("Kitap okudin manizi", "kk", True), ("Zhastar zhili", "kk", True),
        ("Бахина фото", "ru", False), ("Druzhniye Rebyata", "ru", True), ("Library opening hours", "en", False),
        ("Открытие выставки", "ru", False), ("Жаңа кітаптар көрмесі", "kk", False),
        # Russian typed in Latin with a loan Kazakh shares (Prezident, zapasy, radio) stays Russian
        ("Prezident Kazakhstana podpisal ukaz", "ru", True), ("Shikarnye zapasy", "ru", True),
        ("Vystupal po radio", "ru", True), ("Kazakhstan kitaptary", "kk", True),
        # a name or an abbreviation Russian lists (Алматы, РК) is no Kazakh vote: names travel
        ("город Алматы", "ru", False), ("Президент РК", "ru", False), ("Алматы облысы", "kk", False),
    ],
)  # fmt: skip
def test_short_strings_of_a_kazakh_site(text: str, lang: str, romanized: bool) -> None:
    found = detect(text, languages=SITE)
    assert (found.lang, found.romanized) == (lang, romanized)
    assert found.alternatives[0].lang == lang and found.confidence > 0.5


@pytest.mark.parametrize("lang", ["ky", "uk", "tt", "uz", "tr"])
def test_other_languages_are_still_reported_on_strong_evidence(lang: str) -> None:
    assert detect(NEIGHBOURS[lang], languages=SITE).lang == lang


def test_a_short_string_is_never_another_language() -> None:
    for text in ("Файлды ашу", "Соңы", "Фокус режимі", "Kitap okudin manizi", "Qazaq tili", "Мен кітап оқимын"):
        assert detect(text, languages=SITE).lang in SITE, text


def test_languages_none_is_the_unrestricted_detector() -> None:
    for text in (KAZAKH, RUSSIAN, *NEIGHBOURS.values(), "Файлды ашу", "Qazaq tili"):
        assert detect(text, languages=None) == detect(text)


def test_config_detect_languages(tmp_path: Path) -> None:
    from translit.config import ConfigError, load_config, parse_config

    assert parse_config({}).detect_languages == ("kk", "ru", "en")
    assert parse_config({"detect": {"languages": ["kk", "ru"]}}).detect_languages == ("kk", "ru")
    assert parse_config({"detect": {"languages": "all"}}).detect_languages is None
    bad = tmp_path / "translit.toml"
    bad.write_text('[detect]\nlanguages = ["kk", "xx"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'xx' is not a language translit detects"):
        load_config(path=bad)


def test_cli_uses_the_configured_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = tmp_path / "caption.txt"
    post.write_text("Файлды ашу\n", encoding="utf-8")
    assert main(["detect", str(post), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["segments"][0]["lang"] == "kk"
    (tmp_path / "translit.toml").write_text('[detect]\nlanguages = "all"\n', encoding="utf-8")
    assert main(["detect", str(post), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["segments"][0]["lang"] == detect("Файлды ашу").lang


def test_the_bloom_filter_knows_every_lexicon_word_and_few_others() -> None:
    import random

    from translit.transliteration.alphabet import has_kazakh_letters
    from translit.language.known_words import Bloom, _kazakh_known
    from translit.recovery.lexicon import LEXICON_FILE, Lexicon, lexicon_dir, read_lexicon

    keys, records, _ = read_lexicon(lexicon_dir() / LEXICON_FILE)
    lexicon, known = Lexicon(keys=keys, records=records), _kazakh_known()
    sample = random.Random(7).sample(keys, 3000)
    assert all("l" + key in known for key in sample)
    forms = [f for key in sample for f, _, _ in lexicon.words(key) if not has_kazakh_letters(f)]
    assert forms and all("c" + form in known for form in forms)
    every_key = set(keys)
    strangers = ["".join(random.Random(i).choices("abcdeghiklmnoprstuyz", k=9)) for i in range(3000)]
    assert sum("l" + s in known for s in strangers if s not in every_key) < 30  # 0.1% by construction
    bloom = Bloom.empty(1024, 3)
    bloom.add("сурет")
    copy = Bloom.from_bytes(bloom.to_bytes())
    assert "сурет" in copy and "сурат" not in copy
