"""translit.recovery: Latin-typed Kazakh back to Cyrillic, typos, and re-rendering in one scheme.

Runs on the committed lexicon (translit/data/lexicon) only: no shared data needed.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from translit import recover, rerender
from translit.cli import app
from translit.transliteration.engine import romanize
from translit.translation.rerendering import rerender_report

from translit.recovery import edits, grammar, spelling
from translit.recovery.index_cache import corpus_slips
from translit.recovery import lexicon as lex
from translit.recovery import text as recovery_text

R = importlib.import_module("translit.recovery")
SEED = Path(__file__).resolve().parent.parent / "examples" / "nlrk-2023-02-28.en.txt"

TITLE_1 = "Ulttyk zhane otbasylyk dastustusturlerdi saktau men damytudagy balalar kitaphanasyn aleumettik-madeni miassi"
TITLE_1_KK = "Ұлттық және отбасылық дәстүрлерді сақтау мен дамытудағы балалар кітапханасының әлеуметтік-мәдени миссиясы"
TITLE_2 = "Otbasylyk oku - tarbiye kozi"
TITLE_2_KK = "Отбасылық оқу – тәрбие көзі"


# --- the seed post's titles ---------------------------------------------------


def test_seed_title_2_is_recovered_exactly() -> None:
    result = recover(TITLE_2)
    assert result.text == TITLE_2_KK
    assert result.typos == ()
    assert all(word.known for word in result.words)


def test_seed_title_1_corrected_exactly_with_typos_flagged_not_applied() -> None:
    result = recover(TITLE_1)
    assert result.corrected == TITLE_1_KK
    flagged = {word.latin: word for word in result.typos}
    assert set(flagged) == {"dastustusturlerdi", "kitaphanasyn", "miassi"}
    assert flagged["dastustusturlerdi"].suggestions[0].cyrillic == "дәстүрлерді"
    assert not flagged["dastustusturlerdi"].known
    assert flagged["kitaphanasyn"].suggestions[0].cyrillic == "кітапханасының"
    assert flagged["kitaphanasyn"].known and "genitive" in flagged["kitaphanasyn"].reason
    assert flagged["miassi"].suggestions[0].cyrillic == "миссиясы"
    # the reading as typed keeps the typos: nothing is silently rewritten
    assert "кітапханасын " in result.text and "дәстүрлерді" not in result.text
    assert result.text.startswith("Ұлттық және отбасылық ")


def test_aleumettik_is_the_exact_news_spelling_of_aleumettik() -> None:
    # not a typo: әлеуметтік romanizes to exactly "aleumettik" in kk-news
    word = recover("aleumettik-madeni").words[0]
    assert word.known and not word.typo
    assert word.cyrillic == "әлеуметтік"
    assert romanize("әлеуметтік", "kk-news") == "aleumettik"


@pytest.mark.parametrize("scheme", ["kk-news", "kk-latin-2021", "kk-latin-2018", "kk-latin-2017"])
def test_corrected_title_round_trips_through_every_style(scheme: str) -> None:
    latin = romanize(TITLE_1_KK, scheme)
    result = recover(latin)
    assert result.style == scheme
    assert result.text == TITLE_1_KK
    assert result.typos == ()


def test_mixed_styles_in_one_title() -> None:
    assert recover("Otbasylyq oku – tärbie kozı").text == "Отбасылық оқу – тәрбие көзі"


def test_by_ear_variants() -> None:
    assert recover("tarbie").text == "тәрбие"  # e for ye
    assert recover("kitapkhanasy").text == recover("kitaphanasy").text == "кітапханасы"  # kh or h for х
    assert recover("Kairat").text == "Қайрат"  # i for й


# --- names, places and loan words -------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Abay", "Абай"),
        ("Karaganda", "Қарағанды"),
        ("Almaty", "Алматы"),
        ("konferentsiya", "конференция"),
        # an English word is no spelling of its Kazakh translation: recovery never translates
        ("library", "library"),
        ("Ulttyk library ashyldy", "Ұлттық library ашылды"),
        ("missiyasy", "миссиясы"),
        ("Qazaqstan", "Қазақстан"),
        ("Shymkent", "Шымкент"),
        ("Yerkebulan", "Еркебұлан"),
    ],
)
def test_names_and_loan_words(latin: str, cyrillic: str) -> None:
    assert recover(latin).text == cyrillic


def test_every_names_list_spelling_recovers_to_its_entry() -> None:
    for cyrillic, latin in lex.read_names(lex.lexicon_dir() / lex.NAMES_FILE):
        assert recover(latin).text.lower() == cyrillic.lower(), latin


def test_a_names_list_spelling_is_no_other_glossary_name_spelled_letter_by_letter() -> None:
    # "Akmola" is Ақмола (the region, and Astana's name in 1992-1998), never read as Астана
    for cyrillic, latin in lex.read_names(lex.lexicon_dir() / lex.NAMES_FILE):
        for word in lex._glossary_words():
            for scheme in ("kk-news", "kk-latin-2021"):
                assert word == cyrillic.lower() or romanize(word, scheme) != latin.lower(), (latin, word)


def test_a_names_spelling_typed_in_lower_case_is_the_word_it_spells() -> None:
    # қарағанда ("according to") is spelled as the exonym of Қарағанды; the city has its capital
    assert recover("Derekterge karaganda, kitaphanaga 500 okyrman keldi.").text == (
        "Деректерге қарағанда, кітапханаға 500 оқырман келді.")
    assert recover("Korme Karaganda kalasynda otti.").text == "Көрме Қарағанды қаласында өтті."
    assert rerender("Akmola oblysynda korme otti.", "kk-latin-2021") == "Aqmola oblysynda körme öttı."


def test_glossary_place_names_recover_from_2021_spelling() -> None:
    tomllib = pytest.importorskip("tomllib")
    folder = Path(__file__).resolve().parent.parent / "glossaries"
    names = []
    for path in sorted(folder.glob("*.toml")):
        for entity in tomllib.loads(path.read_text(encoding="utf-8")).get("entity", []):
            if isinstance(entity.get("kk"), str):
                names.append(entity["kk"])
    if not names:
        pytest.skip("no glossaries in this checkout")
    right = sum(recover(romanize(name, "kk-latin-2021")).text == name for name in names)
    assert right >= 0.95 * len(names)


# --- morphology, case, punctuation -------------------------------------------------


def test_unseen_inflections_are_analysed_with_harmony() -> None:
    word = recover("kitaphanasynyn").words[0]
    assert word.cyrillic == "кітапханасының" and word.known
    assert recover("adamyn").text == "адамын"  # 3rd-person possessive + accusative, not "your (sg.)"
    assert recover("zhasauy").text == "жасауы"  # у is a glide: -ы, not -й
    assert recover("damytudagy").text == "дамытудағы"


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("zhanalygy", "жаңалығы"), ("torabynda", "торабында"), ("ontustiginde", "оңтүстігінде"), ("kitaby", "кітабы"),
])
def test_a_final_k_or_p_voices_before_a_suffix_vowel(latin: str, cyrillic: str) -> None:
    word = recover(latin).words[0]
    assert word.known and word.cyrillic == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("kamtylmak", "қамтылмақ"), ("alynbak", "алынбақ"), ("kalmas", "қалмас"), ("aytayyk", "айтайық"),
    ("otyrsak", "отырсақ"), ("bastaganbyz", "бастағанбыз"), ("korsetkenbiz", "көрсеткенбіз"),
    ("pysyktaldy", "пысықталды"), ("tigizilgen", "тигізілген"), ("zhatkandygy", "жатқандығы"),
])
def test_verb_moods_and_persons_are_analysed(latin: str, cyrillic: str) -> None:
    word = recover(latin).words[0]
    assert word.known and word.cyrillic == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("resurstar", "ресурстар"), ("institutka", "институтқа"), ("mekhanizmi", "механизмі"), ("spektaklder", "спектакльдер"),
])
def test_loan_words_take_the_harmony_of_their_last_vowel_or_soft_sign(latin: str, cyrillic: str) -> None:
    word = recover(latin).words[0]
    assert word.known and word.cyrillic == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), [("dostarymen", "достарымен"), ("koldauymen", "қолдауымен")])
def test_the_instrumental_follows_back_stems_unchanged(latin: str, cyrillic: str) -> None:
    # -мен/-бен/-пен has the same e after back and front stems: forms the lexicon lacks
    word = recover(latin).words[0]
    assert word.known and word.cyrillic == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Men kazakpyn", "Мен қазақпын"), ("Men qazaqpyn", "Мен қазақпын"), ("Men studentpin", "Мен студентпін"),
    ("Men balamyn", "Мен баламын"), ("Biz zhalgyzbyz", "Біз жалғызбыз"), ("Sen kazaksyn", "Сен қазақсың"),
    ("Siz kazaksyz", "Сіз қазақсыз"), ("Biz kazakpyz", "Біз қазақпыз"), ("Sender kazaksyndar", "Сендер қазақсыңдар"),
])
def test_predicate_endings_are_words_not_typos(latin: str, cyrillic: str) -> None:
    # "I am a Kazakh": the personal ending after a voiceless consonant is -пын, and the sentence is
    # right as typed: neither flagged nor "corrected" to қазақпен (with a Kazakh)
    result = recover(latin)
    assert result.text == result.corrected == cyrillic
    assert result.typos == () and all(word.known for word in result.words)


def test_vowel_harmony_decides_k_and_g() -> None:
    assert recover("kolder").text == "көлдер"
    assert recover("koldar").text == "қолдар"


def test_official_alphabet_keeps_its_letters() -> None:
    # in a 2021 text n is н and ñ is ң
    assert recover("adamyn", style="kk-latin-2021").text == "адамын"
    assert recover("Ūlttyq kıtaphana").text == "Ұлттық кітапхана"


def test_case_is_kept() -> None:
    assert recover("ULTTYK KITAPHANA").text == "ҰЛТТЫҚ КІТАПХАНА"
    assert recover("Ulttyk kitaphana").text == "Ұлттық кітапхана"
    # 2021: I is the capital of ı (і), İ of i (и/й)
    assert recover("Ūlttyq Kıtaphana ILE").text == "Ұлттық Кітапхана ІЛЕ"
    assert recover("Qazaqstan İnjenerlık akademiasy").text.startswith("Қазақстан Инженерлік")


def test_punctuation_spacing_and_other_scripts_pass_through() -> None:
    text = "«Abay»,  Almaty (2023)!\n\tҚарағанды: oku?"
    assert recover(text).text == "«Абай»,  Алматы (2023)!\n\tҚарағанды: оқу?"


def test_spaced_hyphen_becomes_kazakh_dash_but_word_hyphen_stays() -> None:
    assert recover("oku - tarbiye").text == "оқу – тәрбие"
    assert recover("aleumettik-madeni").text == "әлеуметтік-мәдени"


def test_alternatives_and_confidence() -> None:
    word = recover("kol").words[0]
    options = {c.cyrillic for c in word.alternatives}
    assert {"қол", "көл"} <= options
    assert 0 < word.confidence <= 1
    assert abs(sum(c.score for c in word.alternatives) - 1) < 0.05


def test_only_kazakh() -> None:
    from translit.errors import TranslitError

    with pytest.raises(TranslitError):
        recover("Privet", lang="ru")


# --- the skeleton and the fast romanization ----------------------------------------

KAZAKH_WORDS = [
    "Ұлттық", "дәстүрлерді", "кітапханасының", "әлеуметтік", "тәрбие", "Еркебұлан", "үйіне", "щётка",
    "чемпион", "Қайроллаұлы", "түйе", "тұзхана", "миссиясы", "Өскемен", "ғылыми", "жиһаз", "съезд",
]


@pytest.mark.parametrize("scheme", list(R.STYLES))
def test_fast_tables_agree_with_the_engine(scheme: str) -> None:
    for word in KAZAKH_WORDS:
        assert R.romanize_word(word.lower(), scheme) == romanize(word.lower(), scheme), word


def _real_words() -> list[str]:
    words = set(KAZAKH_WORDS) | set(re.findall(r"[^\W\d_]+", TITLE_1_KK + " " + TITLE_2_KK))
    words |= lex._glossary_words()
    return sorted(word.lower() for word in words)


@given(st.sampled_from(_real_words()))
@settings(max_examples=300, deadline=None)
def test_every_style_folds_a_real_word_to_the_same_skeleton(word: str) -> None:
    keys = {R.fold(romanize(word, scheme)) for scheme in R.STYLES}
    assert keys == {R.skeleton(word)}


@given(st.text(alphabet=st.sampled_from(list("Ұлттық және 123,.;:!?()«»-–\n\tәҚ")), max_size=40))
@settings(max_examples=100, deadline=None)
def test_text_without_latin_letters_is_untouched(text: str) -> None:
    result = recover(text)
    assert result.words == ()
    assert result.text == text


@given(st.lists(st.sampled_from(["Abay", "oku", "tarbiye", "kozi", "ulttyk", ",", " ", "  ", "-", "!", "\n", "2023"]), max_size=12))
@settings(max_examples=100, deadline=None)
def test_everything_but_words_is_kept(parts: list[str]) -> None:
    text = "".join(parts)
    result = recover(text)
    strip = re.compile(r"[A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІіЁё]+")
    assert strip.sub("W", result.text).replace("–", "-") == strip.sub("W", text)
    assert len(result.words) == len(strip.findall(text))


@given(st.text(alphabet="szhcyeoikta", max_size=12))
@settings(max_examples=500, deadline=None)
def test_fold_replaces_pairs_as_the_left_to_right_scan_does(text: str) -> None:
    # fold skips the scan (a Python call per match) unless a shch or shsh needs it
    scanned = spelling._DIGRAPHS.sub(lambda m: spelling._DIGRAPH_FOLD[m.group(0)], text)
    if "shch" not in text and "shsh" not in text:
        assert text.replace("zh", "j").replace("ye", "e").replace("yo", "io").replace("y", "i") == scanned


def test_detect_style() -> None:
    assert R.detect_style(TITLE_1) == "kk-news"
    assert R.detect_style("Ūlttyq jäne otbasylyq") == "kk-latin-2021"
    assert R.detect_style("Ulttyq jáne otbasylyq") == "kk-latin-2018"
    assert R.detect_style("Ulttyq ja'ne otbasylyq") == "kk-latin-2017"


# --- rerender --------------------------------------------------------------------


def test_rerender_seed_post_in_2021() -> None:
    post = SEED.read_text(encoding="utf-8")
    out = rerender(post, "kk-latin-2021")
    assert '"Otbasylyq oqu - tärbie közı"' in out
    assert '"Balalarğa oqu"' in out
    # flagged words stay as typed, known ones are re-spelled
    assert '"Ūlttyq jäne otbasylyq dastustusturlerdi saqtau' in out
    # English text and the Russian title are untouched
    assert '"Druzhniye Rebyata"' in out
    assert "organized by Karaganda regional children's library named after Abay" in out
    assert out.count("\n") == post.count("\n")


def test_rerender_makes_one_spelling_of_one_title() -> None:
    text = 'A talk on "Otbasylyq oqu - tärbie közı" and later on "otbasylyk oku - tarbie kozi".'
    out = rerender_report(text, "kk-news")
    assert [span.rendered for span in out.spans] == ["Otbasylyk oku - tarbiye kozi", "otbasylyk oku - tarbiye kozi"]


def test_rerender_correct_applies_suggestions() -> None:
    out = rerender(f'on "{TITLE_1}"', "kk-news", correct=True)
    assert out == f'on "{romanize(TITLE_1_KK, "kk-news")}"'


def test_rerender_unknown_scheme_is_an_error() -> None:
    from translit.errors import TranslitError

    with pytest.raises(TranslitError):
        rerender('"Otbasylyk oku"', "kk-nonsense")
    with pytest.raises(TranslitError):
        rerender('"Otbasylyk oku"', "ru-news")


# --- CLI -------------------------------------------------------------------------

runner = CliRunner()


def test_cli_recover_reports_typos_with_exit_1() -> None:
    result = runner.invoke(app, ["recover", "-"], input=TITLE_1 + "\n")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # the first line reads what was typed: the typo is spelled letter by letter, not mended
    assert lines[0].startswith("Ұлттық және отбасылық д") and "дәстүрлерді" not in lines[0]
    assert f"corrected: {TITLE_1_KK}" in result.stdout
    assert "dastustusturlerdi" in result.stdout and "дәстүрлерді" in result.stdout


def test_cli_recover_json(tmp_path: Path) -> None:
    path = tmp_path / "title.txt"
    path.write_text(TITLE_2, encoding="utf-8")
    result = runner.invoke(app, ["recover", str(path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["text"] == TITLE_2_KK
    assert data["words"][0]["cyrillic"] == "Отбасылық"
    assert data["words"][0]["alternatives"][0]["source"] == "lexicon"


@pytest.mark.parametrize("prose", [
    "Al bizdin kolikter kun sayyn keledi.",  # сайын before a verb that ends like a possessive
    "Rylys zhumystaryn uyymdastyru ushin keldi.",
    "Osy maselenin natizhesin berdi», — deydi sarapshylar.",
    "Bul bilimin arttyruga mumkin boldy.",
])
def test_agreement_leaves_prose_alone(prose: str) -> None:
    assert not [w.latin for w in recover(prose).words if w.reason.startswith("accusative")]


def test_agreement_flags_the_title_and_a_quoted_title() -> None:
    title = "balalar kitaphanasyn aleumettik-madeni missiyasy"
    for text in (title, f"«{title}» atty konferentsiya"):
        flagged = {w.latin: w for w in recover(text).words if w.typo}
        assert flagged["kitaphanasyn"].suggestions[0].cyrillic == "кітапханасының"


def test_cli_recover_json_is_the_same_in_every_process() -> None:
    # the suggestions of these slips tie in score; candidates pass through sets and dicts whose
    # order follows the per-process string hash, and a pre-publish hook must see one answer
    outputs = set()
    for seed in ("1", "2", "3"):
        run = subprocess.run([sys.executable, "-m", "translit", "recover", "-", "--json"], input="Zaid kbaza kagp\n",
                             capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=False)
        assert run.returncode == 1, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1
    words = json.loads(outputs.pop())["words"]
    assert [c["cyrillic"] for c in words[2]["suggestions"][:2]] == ["қағып", "қап"]


def test_cli_rerender_to_file_and_never_over_the_input(tmp_path: Path) -> None:
    source = tmp_path / "post.txt"
    source.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.txt"
    result = runner.invoke(app, ["rerender", str(source), "--scheme", "kk-latin-2021", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert '"Otbasylyq oqu - tärbie közı"' in out.read_text(encoding="utf-8")
    # the words left as typed are named, though the rewrite itself succeeded
    assert "note: 3 likely typos left as typed: dastustusturlerdi → дәстүрлерді?, kitaphanasyn" in result.output
    again = runner.invoke(app, ["rerender", str(source), "--scheme", "kk-news", "-o", str(source), "--force"])
    assert again.exit_code != 0
    assert source.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_cli_recover_unknown_style_is_a_usage_error() -> None:
    from translit.cli import main

    assert main(["recover", "-", "--style", "kk-xx"]) == 2


def test_rerender_keeps_exonyms_in_news_ascii_but_not_in_2021() -> None:
    text = '"Qazaqstan kıtaptary" and "Kazakhstan kitaptary" in "Karaganda oblysy"'
    assert rerender(text, "kk-news") == '"Kazakstan kitaptary" and "Kazakhstan kitaptary" in "Karaganda oblysy"'
    assert rerender(text, "kk-latin-2021") == '"Qazaqstan kıtaptary" and "Qazaqstan kıtaptary" in "Qarağandy oblysy"'


# --- typo suggestions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "intended"),
    [
        ("kitaphna", "кітапхана"),  # a vowel left out
        ("otbasylk", "отбасылық"),  # a vowel left out before the last consonant
        ("damytdagy", "дамытудағы"),  # a vowel left out of an inflected form
        ("zhurnlistermen", "журналистермен"),  # the slip is in the stem of a suffixed loan word
        ("mekteptedri", "мектептерді"),  # two letters of the suffix chain swapped
        ("kazakstnnyn", "қазақстанның"),  # a vowel left out of a name under its case ending
        ("saylua", "сайлау"),  # an inexact suffix analysis (сайыл-уа) does not make it a word
        ("daamdardy", "адамдарды"),  # a slip at the start of an inflected word
    ],
)
def test_single_slips_get_the_intended_word_first(typed: str, intended: str) -> None:
    word = recover(typed).words[0]
    assert word.typo and not word.known
    assert word.suggestions[0].cyrillic == intended


def test_a_slip_in_the_suffix_chain_is_found_under_the_known_stem() -> None:
    # "zhanalyktarg": жаңалықтар is a word one letter away too; the chain -ға is the other
    word = recover("zhanalyktarg").words[0]
    assert word.typo and "жаңалықтарға" in [c.cyrillic for c in word.suggestions[:3]]


@pytest.mark.parametrize(
    ("typed", "intended"),
    [
        ("gylymnyi", "ғылымның"),  # not ғылымиң: the letter model knows which n is likely
        ("kuraldaryan", "құралдарына"),  # two letters of the chain swapped
        ("tsikln", "циклін"),  # a vowel left out of a loan word's ending
    ],
)
def test_the_letter_model_ranks_the_best_suggestions(typed: str, intended: str) -> None:
    word = recover(typed).words[0]
    assert word.typo and intended in [c.cyrillic for c in word.suggestions[:3]]


def test_letters_swapped_across_the_stem_and_its_suffix_are_found() -> None:
    # серік·тері typed with the stem's k and the suffix's t swapped: "serit" is no stem and
    # "keri" no suffix chain, so neither the stem nor the chain is one slip away alone
    word = recover("seritkeri").words[0]
    assert word.typo and word.suggestions[0].cyrillic == "серіктері"


def test_a_slip_in_the_suffix_chain_is_found_under_a_voiced_stem() -> None:
    # төк voices its к before the vowel of -етін; the t typed into the chain is the slip
    word = recover("togetitn").words[0]
    assert word.typo and word.suggestions[0].cyrillic == "төгетін"


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["кітапхана", "мектеп", "дамыту", "қала", "көл", "ауыл", "жыл", "әке", "оқу", "кітап"]),
    st.text(alphabet="adeigiklmnprstuz", min_size=1, max_size=8),
)
def test_the_chain_filter_never_drops_a_chain_the_grammar_accepts(stem: str, rest: str) -> None:
    # the suffix-slip search tests variants against this set before parsing them
    chains = grammar._chain_skeletons()[grammar.harmony(stem)]
    if len(rest) <= grammar._LONGEST_CHAIN and grammar._suffix_parses(rest, stem):
        assert rest in chains


@functools.lru_cache(maxsize=2)
def _letters_after_prefixes(side: str) -> tuple[dict[str, str], list[str]]:
    """Every prefix of the chains of ``side`` -> the letters that follow it, read off the chains;
    and the prefixes, sorted."""
    following: dict[str, set[str]] = {}
    for chain in grammar._chain_skeletons()[side]:
        for end in range(2, len(chain)):
            following.setdefault(chain[:end], set()).add(chain[end])
    return {prefix: "".join(sorted(letters)) for prefix, letters in following.items()}, sorted(following)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["back", "front"]), st.text(alphabet="adeigiklmnprstuz", min_size=2, max_size=6),
       st.integers(0, 10**6))
def test_the_letters_after_a_chain_prefix_are_those_the_chains_have(side: str, typed: str, pick: int) -> None:
    # _chain_next jumps from letter to letter by bisect; the chains themselves say what follows,
    # after a random prefix (mostly none) and after a real one
    following, prefixes = _letters_after_prefixes(side)
    for prefix in (typed, prefixes[pick % len(prefixes)]):
        assert grammar._chain_next(side, prefix) == following.get(prefix, "")


def test_every_cache_is_of_words_or_of_an_index_and_clearing_forgets_the_words() -> None:
    # the bench's cold runs clear the word caches: a new cache left out of both lists would make
    # them warm unnoticed
    modules = [module for name, module in vars(R).items() if isinstance(module, types.ModuleType)]
    assert len(modules) >= 10  # every module of the package
    cached = {value for module in modules for value in vars(module).values()
              if hasattr(value, "cache_clear") and getattr(value, "__module__", "") == module.__name__}
    assert cached == set(recovery_text._WORD_CACHES) | set(recovery_text._INDEX_CACHES)
    assert not set(recovery_text._WORD_CACHES) & set(recovery_text._INDEX_CACHES)
    lexicon = R.load_lexicon()
    first = recover("Otbasylyk oku").words[0]
    R.clear_word_caches(lexicon)
    assert all(cache.cache_info().currsize == 0 for cache in recovery_text._WORD_CACHES)
    assert lexicon.words.cache_info().currsize == 0  # type: ignore[attr-defined]
    assert recover("Otbasylyk oku").words[0] == first and corpus_slips.cache_info().currsize >= 1


def test_a_name_inside_a_sentence_is_corrected_only_toward_known_names() -> None:
    # Kozhayev is nobody's slip for a common word; Astna is one slip from the glossary's Астана
    kozhayev, astna = recover("kitap Kozhayev pen Astna kalasynda").typos
    assert kozhayev.latin == "Kozhayev" and all(c.source == "typo" for c in kozhayev.suggestions)
    names = set(R.load_lexicon().extra)
    assert all(R.skeleton(c.cyrillic.lower()) in names for c in kozhayev.suggestions)
    assert astna.suggestions[0].cyrillic == "Астана"
    # the first word of a sentence, or a word of a title in Title Case, is searched in full
    assert recover("Kitaphna").typos[0].suggestions[0].cyrillic == "Кітапхана"
    assert recover("Otbasylyk Kitaphna").typos[0].suggestions[0].cyrillic == "Кітапхана"


def test_words_are_built_like_the_dataclass() -> None:
    # recover builds WordRecovery and Candidate without their __init__ (one per input word, and
    # per reading kept): the same objects, every field set
    import dataclasses

    word = recover("Kitaphna").words[0]
    assert word.alternatives and word.suggestions
    assert vars(word).keys() == {item.name for item in dataclasses.fields(word)}
    for built in (word, *word.alternatives, *word.suggestions):
        # an unset slot would raise here
        fields = {item.name: getattr(built, item.name) for item in dataclasses.fields(built)}
        assert built == type(built)(**fields) and hash(built) == hash(type(built)(**fields))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="adeigiklmnprstuzo", min_size=0, max_size=7), st.sampled_from(["back", "front"]))
def test_chain_variants_are_every_one_edit_variant_in_the_chain_set(typed: str, side: str) -> None:
    chains = grammar._chain_skeletons()[side]
    letters = "".join(sorted({char for chain in chains for char in chain}))
    expected: dict[str, float] = {}
    for variant, cost in _one_edit_variants(typed, letters):
        if variant in chains and variant != typed:
            expected.setdefault(variant, cost)
    assert edits._chain_variants(typed, side) == expected


def test_a_slip_that_makes_another_real_word_is_not_flagged() -> None:
    # "kara" (for "karau") is қара, a real word: no sentence model, so it is read, not flagged
    word = recover("kara").words[0]
    assert word.known and not word.typo and word.cyrillic == "қара"


def test_a_real_word_slip_lists_the_meant_word_after_the_reading() -> None:
    # "zholyn" is жолдың with the д left out, and жолын, a real word: read as typed, not flagged,
    # and the corpus words one slip away follow the readings of the letters
    word = recover("zholyn").words[0]
    assert word.known and not word.typo and word.cyrillic == "жолын"
    top = [(c.cyrillic, c.source) for c in word.alternatives[:3]]
    assert top[0] == ("жолын", "lexicon") and ("жолдың", "slip") in top
    assert word.confidence == word.alternatives[0].score > 0.5
    assert all(c.source != "slip" for c in recover("zholyn", suggest=False).words[0].alternatives)


@pytest.mark.parametrize(
    ("typed", "intended"),
    [
        ("tagayndauga", "тағайындауға"),  # a y left out beside an i: the same skeleton
        ("zhassalynady", "жасалынады"),  # an s typed twice: the skeleton merges doubles
        ("shahaaryndagy", "шаһарындағы"),  # an a typed twice
    ],
)
def test_an_inflected_form_the_skeleton_spells_is_suggested(typed: str, intended: str) -> None:
    # the typed skeleton is exactly a known stem + a suffix chain, spelled otherwise: the
    # skeleton hides the slip, so no search one slip away finds the form
    word = recover(typed).words[0]
    assert word.typo and intended in [c.cyrillic for c in word.suggestions[:3]]


@pytest.mark.parametrize(
    ("typed", "intended"),
    [
        ("zoastagy", "жастағы"),  # o typed for the h of zh: one slip, two skeleton edits
        ("zaksy", "жақсы"),  # the h of zh left out
        ("akimdcri", "әкімдері"),  # c (ts in the skeleton) typed for e
        ("taayyndau", "тағайындау"),  # g left out between two a's, which the skeleton merges
        ("keeginde", "кезегінде"),  # z left out between two e's
    ],
)
def test_slips_the_skeleton_hides_are_found_on_the_typed_letters(typed: str, intended: str) -> None:
    word = recover(typed).words[0]
    assert word.typo and intended in [c.cyrillic for c in word.suggestions[:3]]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_corpus_slips_are_every_one_edit_variant_among_the_corpus_words(data: st.DataObject) -> None:
    lexicon = R.load_lexicon()
    corpus = sorted({*lexicon.attested, *lexicon.extra})
    key = _slipped(data, data.draw(st.sampled_from(corpus)))
    letters = "".join(sorted({char for found in corpus for char in found}))
    expected: dict[str, float] = {}
    for variant, cost in _one_edit_variants(key, letters):
        if variant in lexicon.attested or variant in lexicon.extra:
            expected[variant] = min(cost, expected.get(variant, 99.0))
    expected.pop(key, None)
    assert edits._corpus_near(lexicon, key) == expected


# --- the lexicon file ------------------------------------------------------------------


def test_lexicon_file_round_trips_and_looks_up_by_bisect(tmp_path: Path) -> None:
    by_key = {
        R.skeleton("қол"): [("қол", 12, 40), ("көл", 3, 9), ("кол", 0, 0)],
        R.skeleton("кітапхана"): [("кітапхана", 5, 20)],
        R.skeleton("дәстүрлерді"): [("дәстүрлерді", 0, 0)],
        R.skeleton("қолда"): [("қолда", 2, 40), ("колда", 0, 0)],
    }
    path = tmp_path / "lexicon.txt.gz"
    lex.write_lexicon(path, by_key, "test lexicon", closed=frozenset({"қолда"}))
    keys, records, attested = lex.read_lexicon(path)
    assert list(keys) == sorted(by_key)
    assert attested == (R.skeleton("кітапхана"), "kol", "kolda")  # the skeletons with a word the corpus showed
    lexicon = R.Lexicon(keys=keys, records=records, attested=attested, extra={R.skeleton("абай"): "абай 20 20"})
    assert lexicon.words("kol") == (("қол", 12, 40), ("көл", 3, 9), ("кол", 0, 0))
    assert lexicon.words(R.skeleton("дәстүрлерді")) == (("дәстүрлерді", 0, 0),)
    assert "kitaphana" in lexicon and "abai" in lexicon and "kita" not in lexicon
    assert lexicon.words("kolder") == ()
    # a closed form is a word, but no stem for more suffixes
    assert lexicon.words("kolda") == (("колда", 0, 0), ("қолда", 2, 40))
    assert lexicon.stems("kolda") == (("колда", 0, 0),)
    assert lexicon.stems("kol") == lexicon.words("kol")


def test_dictionary_case_forms_are_closed_and_names_keep_their_place() -> None:
    lexicon = R.load_lexicon()
    # made by the dictionary's suffix rules with a case ending: a word, no stem (халқымызда·м)
    for form in ("кітаптарға", "жұмыстарда", "отанның", "арзада"):
        assert form in {word for word, _, _ in lexicon.words(R.skeleton(form))}
        assert form not in {word for word, _, _ in lexicon.stems(R.skeleton(form))}
    # a dictionary stem that merely ends so stays open (мұнда·ғы), and so does a glossary word
    # added at load (балаларға is both: the dictionary lists some inflected forms as stems)
    for form in ("мұнда", "балаларға"):
        assert form in {word for word, _, _ in lexicon.stems(R.skeleton(form))}
    # арза·да·ды was a reading of the slip: now it is flagged, with the meant word first
    typed = recover("arzadady").words[0]
    assert typed.typo and typed.suggestions[0].cyrillic == "арзандады"


def test_dictionary_forms_against_the_stems_harmony_are_not_in_the_lexicon() -> None:
    # the .aff gives some stems the other class's suffixes: the build drops those forms, and keeps
    # a stem ending in и (native verb or loan: the letters cannot tell)
    lexicon = R.load_lexicon()

    def listed(word: str) -> bool:
        return any(found == word for found, _, _ in lexicon.words(R.skeleton(word)))

    assert listed("төлеуді") and not listed("төлеуды") and not listed("тәрбиеледық")
    assert listed("таксиге")


def test_bundled_lexicon_is_sorted_and_aligned() -> None:
    lexicon = R.load_lexicon()
    assert len(lexicon.keys) == len(lexicon.records) > 1_000_000
    sample = lexicon.keys[:: len(lexicon.keys) // 1000]
    assert list(sample) == sorted(sample)
    assert ("кітапханасы", 0, 0) <= max(lexicon.words(R.skeleton("кітапханасы")))
    assert any(word == "дәстүрлерді" for word, _, _ in lexicon.words(R.skeleton("дәстүрлерді")))


def test_glossary_line_scan_finds_what_tomllib_finds() -> None:
    tomllib = pytest.importorskip("tomllib")
    folder = Path(__file__).resolve().parent.parent / "glossaries"
    if not any(folder.glob("*.toml")):
        pytest.skip("no glossaries in this checkout")
    expected: set[str] = set()
    for path in sorted(folder.glob("*.toml")):
        for entity in tomllib.loads(path.read_text(encoding="utf-8")).get("entity", []):
            for form in [entity.get("kk")] + list(entity.get("accepted", {}).get("kk", [])):
                if isinstance(form, str):
                    expected.update(word.lower() for word in lex._CYR_WORD.findall(form))
    assert lex._glossary_words() == expected


def test_a_file_that_is_not_a_lexicon_is_a_one_line_error(tmp_path: Path) -> None:
    from translit.errors import TranslitError

    path = tmp_path / "words.txt.gz"
    path.write_bytes(b"not gzip at all")
    with pytest.raises(TranslitError, match="not a translit lexicon") as info:
        lex.read_lexicon(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    plain = tmp_path / "words.tsv"
    plain.write_text("kol\tқол 1 1\n", encoding="utf-8")
    with pytest.raises(TranslitError, match="no 'keys' line"):
        lex.read_lexicon(plain)


# --- one-edit lookup by prefix ranges ---------------------------------------------------


def _one_edit_variants(key: str, letters: str) -> list[tuple[str, float]]:
    """Every one-edit variant of ``key`` with its channel cost, in the order insertions, deletion,
    swap, substitutions at each position (the order of edits._edits1's ties)."""
    vowels = spelling._KEY_VOWELS
    found: list[tuple[str, float]] = []
    for i in range(len(key) + 1):
        a, b = key[:i], key[i:]
        found += [(a + c + b, edits.COST_VOWEL_MISSING if c in vowels else edits.COST_MISSING) for c in letters]
        if b:
            found.append((a + b[1:], edits.COST_VOWEL_EXTRA if b[0] in vowels else edits.COST_EXTRA))
            if len(b) > 1:
                found.append((a + b[1] + b[0] + b[2:], edits.COST_SWAP))
            found += [(a + c + b[1:], edits.COST_VOWEL_FOR_VOWEL if c in vowels and b[0] in vowels else edits.COST_WRONG)
                      for c in letters if c != b[0]]
    return found


def _edits1_by_variants(key: str, known: R.Lexicon) -> dict[str, float]:
    """Reference for edits._edits1: every one-edit variant of ``key`` tested for membership in turn."""
    out: dict[str, float] = {}
    for variant, cost in _one_edit_variants(key, edits._KEY_ALPHABET):
        if variant in known and out.get(variant, 99.0) > cost:
            out[variant] = cost
    out.pop(key, None)
    return out


@pytest.mark.parametrize(
    "latin", ["dastustusturlerdi", "miassi", "kitaphanasyn", "zhurnlistermen", "bauys", "abai", "kol", "a", "",
              "karaganda", "kazakstn", "otbasylyk", "xyzq"],
)
def test_one_edit_lookup_by_prefix_ranges_equals_testing_every_variant(latin: str) -> None:
    lexicon = R.load_lexicon()
    key = R.fold(latin)
    # same skeletons, same costs, same order (the order decides ties among suggestions)
    assert list(edits._edits1(key, lexicon).items()) == list(_edits1_by_variants(key, lexicon).items())


def _slipped(data: st.DataObject, key: str) -> str:
    """``key`` as drawn, or with one letter dropped, added or swapped: a lexicon skeleton's neighbour."""
    i = data.draw(st.integers(0, len(key)))
    slip = data.draw(st.sampled_from(["", "drop", "add", "swap"]))
    if slip == "drop" and i < len(key):
        return key[:i] + key[i + 1 :]
    if slip == "add":
        return key[:i] + data.draw(st.sampled_from("aeiknrstu")) + key[i:]
    if slip == "swap" and i + 1 < len(key):
        return key[:i] + key[i + 1] + key[i] + key[i + 2 :]
    return key


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_one_edit_lookup_equals_reference_on_lexicon_neighbours(data: st.DataObject) -> None:
    lexicon = R.load_lexicon()
    key = _slipped(data, lexicon.keys[data.draw(st.integers(0, len(lexicon.keys) - 1))])
    assert list(edits._edits1(key, lexicon).items()) == list(_edits1_by_variants(key, lexicon).items())


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_prefix_is_a_skeleton_by_its_ranges_as_by_lookup(data: st.DataObject) -> None:
    # the typo search asks this of a typed word's prefixes (its stems) without a lookup
    lexicon = R.load_lexicon()
    key = _slipped(data, data.draw(st.sampled_from([*lexicon.keys[:: 997], *lexicon.extra])))
    ranges = edits._prefix_ranges(lexicon, key)
    assert [edits._is_prefix_key(lexicon, key, cut, ranges) for cut in range(len(key) + 1)] == [
        key[:cut] in lexicon for cut in range(len(key) + 1)]


def test_one_edit_lookup_finds_names_list_words_outside_the_file() -> None:
    # "abai" comes from the names list (Lexicon.extra), not from the sorted skeletons
    keys = tuple(sorted([R.skeleton("қол"), R.skeleton("көлдер")]))
    lexicon = R.Lexicon(keys=keys, records=tuple(b"x" for _ in keys), extra={R.skeleton("абай"): "абай 20 20"})
    assert edits._edits1("aba", lexicon) == {"abai": edits.COST_VOWEL_MISSING}
    assert edits._edits1("kl", lexicon) == {"kol": edits.COST_VOWEL_MISSING}
    assert edits._edits1("koldr", lexicon) == {"kolder": edits.COST_VOWEL_MISSING}
    assert edits._edits1("kolder", lexicon) == {}  # the typed skeleton itself is not an edit


def test_suffix_parses_stop_where_no_allomorph_starts() -> None:
    # the early stop must not lose a parse: кітапхана·сы·ның, дамыту·да·ғы
    assert ("сының", 2) in grammar._suffix_parses("sinin", "кітапхана")
    assert ("дағы", 1) in grammar._suffix_parses("dagi", "дамыту")
    assert grammar._suffix_parses("xq", "кітапхана") == ()


def test_suffix_grammar_keeps_possessed_case_and_closed_stems() -> None:
    # after the 3rd-person possessive a case takes its own allomorph: әсер·і·не, never әсер·і·ге
    assert grammar._suffix_parses("ine", "әсер") == (("іне", 2),)
    assert grammar._suffix_parses("ige", "әсер") == ()
    # a dictionary genitive or "your (sg.)" form is no stem (отанның·да); a short root is (мың·ды)
    assert grammar._suffix_parses("da", "отанның") == ()
    assert grammar._suffix_parses("i", "бөлімің") == ()
    assert ("ды", 1) in grammar._suffix_parses("di", "мың")
    typed = R.recover("otanynad").words[0]
    assert typed.typo and typed.suggestions[0].cyrillic == "отанында"


def test_reversed_skeleton_file_belongs_to_the_bundled_lexicon() -> None:
    import gzip

    lexicon = R.load_lexicon()
    lines = gzip.decompress((lex.lexicon_dir() / lex.REVERSED_FILE).read_bytes()).decode("ascii").split("\n", 3)
    assert lines[0].startswith("#")
    # a stale file (lexicon rebuilt without it) would be ignored and sorted at run time: 0.5 s per process
    assert lines[1] == f"keys {len(lexicon.keys)} {lex._keys_checksum(lexicon.keys)}"
    backwards, extra = lex._endings(lexicon)
    assert len(backwards) == len(lexicon.keys)
    sample = backwards[:: len(backwards) // 1000]
    assert list(sample) == sorted(sample) and {key[::-1] for key in sample} <= set(lexicon.keys)
    assert R.skeleton("абай")[::-1] in extra


@pytest.mark.parametrize("window", [0, 1, 3, 128])
def test_one_edit_lookup_is_the_same_whichever_range_is_read(window: int, monkeypatch: pytest.MonkeyPatch) -> None:
    words = ["қол", "көл", "кол", "қолдар", "көлдер", "қала", "қара", "қарау", "бала", "балалар", "дала", "тала"]
    by_key: dict[str, list[tuple[str, int, int]]] = {}
    for word in words:
        by_key.setdefault(R.skeleton(word), []).append((word, 1, 1))
    keys = tuple(sorted(by_key))
    # a lexicon of its own: its backwards skeletons are sorted at run time, not read from the file
    lexicon = R.Lexicon(keys=keys, records=tuple(b"x" for _ in keys), extra={R.skeleton("абай"): "абай 20 20"})
    monkeypatch.setattr(edits, "_WINDOW", window)
    for typed in ["kl", "kola", "kolar", "bla", "balaar", "kaar", "dla", "aba", "abaii", "karu", "lala", "ala"]:
        assert list(edits._edits1(typed, lexicon).items()) == list(_edits1_by_variants(typed, lexicon).items()), typed


# --- the compiled module -------------------------------------------------------

_PROBE = ("import importlib, json, pkgutil, sys; import translit.recovery as R; "
          "files = [importlib.import_module(f'translit.recovery.{module.name}').__file__ "
          "for module in pkgutil.iter_modules(R.__path__)]; "
          "print(json.dumps([files] + [repr(R.recover(text)) for text in json.load(sys.stdin)]))")


def test_the_installed_compiled_recovery_reads_every_word_as_this_source_does(tmp_path: Path) -> None:
    # a wheel carries the recovery's modules compiled by mypyc (hatch_build.py), while these tests import the
    # checkout's source: the installed package, run from outside the checkout, must give the same
    # readings, scores, alternatives and suggestions, to the last digit
    lexicon = R.load_lexicon()
    words = [lexicon.words(key)[0][0] for key in lexicon.keys[::500] if lexicon.words(key)]
    texts = [SEED.read_text(encoding="utf-8"), TITLE_1, TITLE_2]
    for style in ("kk-news", "kk-latin-2021"):
        latin = [romanize(word, style) for word in words]
        # a letter dropped from every third word: the typo search and its suggestions
        latin = [w[: len(w) // 2] + w[len(w) // 2 + 1 :] if i % 3 == 0 and len(w) > 3 else w for i, w in enumerate(latin)]
        texts += [" ".join(latin[i : i + 12]) for i in range(0, len(latin), 12)]
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    probe = subprocess.run([sys.executable, "-c", _PROBE], input=json.dumps(texts), capture_output=True, text=True,
                           cwd=tmp_path, env=environment, encoding="utf-8")
    if "No module named 'translit'" in probe.stderr:
        pytest.skip("translit is not installed")
    assert probe.returncode == 0, probe.stderr
    files, *installed = json.loads(probe.stdout)
    compiled = [file for file in files if not file.endswith(".py")]
    if not compiled:
        pytest.skip(f"the installed translit.recovery is not compiled ({files[0]})")
    # every module of the package, or none: a half-compiled wheel is a build fault
    assert len(compiled) == len(files) >= 10, files
    assert len(installed) == len(texts) > 300
    for text, compiled_reading in zip(texts, installed):
        assert compiled_reading == repr(recover(text)), text


# --- what is not Kazakh stays as typed ----------------------------------------------------


def test_an_english_paragraph_comes_back_unchanged() -> None:
    text = "The online conference was opened by the head of the library. Readers asked many questions."
    result = recover(text)
    assert result.text == result.corrected == text
    assert result.typos == ()
    assert {word.reason for word in result.words} == {"English sentence"}


@pytest.mark.parametrize(("text", "expected"), [
    # the passports' and the press's i for й after a vowel (Aidarbayev, Baimenov in government headlines)
    ("Aitbayev keldi", "Айтбаев келді"),
    ("Beisenov pen Zhailaubekov", "Бейсенов пен Жайлаубеков"),
    ("Kaiyrbekov sozge shykty", "Қайырбеков сөзге шықты"),
])
def test_an_unknown_name_reads_i_after_a_vowel_as_y(text: str, expected: str) -> None:
    assert recover(text).text == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a surname of the father's name and ұлы / қызы, in any case; the grammar read Нұрлан·у·лы
    ("Ermek Nurlanuly keldi", "Ермек Нұрланұлы келді"),
    ("Sultanulynyn kitaby", "Сұлтанұлының кітабы"),
    ("Aigerim Nurlankyzy keldi", "Әйгерім Нұрланқызы келді"),
    ("Abai Kunanbaiuly", "Абай Құнанбайұлы"),
    # only with a capital: the lower-case word is read as before, and таулы is no patronymic
    ("Tauly zher", "Таулы жер"),
])
def test_a_patronymic_surname_is_a_given_name_and_uly_or_kyzy(text: str, expected: str) -> None:
    assert recover(text).text == expected
    assert not [word for word in recover(text).typos if "uly" in word.latin or "kyzy" in word.latin]


@pytest.mark.parametrize("text", [
    # a spaced hyphen is a dash only in Kazakh text
    "Great service - thanks again for all your help!",
    # initials and abbreviations: units of single letters take their line's language
    "She moved to the U.S. last year.",
    "P.S. See you at the meeting next week.",
    "It's a painting by a man named W.H.S. Carter called 'The Long Road.'",
    # a quoted English word that is a Kazakh word too (он) is its line's
    'The power button is switched to "on" but nothing happens.',
    # a quoted name is its line's too
    "The “Almaty” Hotel opened its doors in May.",
    # a quote with as many English words as Kazakh is its line's
    "He visited the “Central library Almaty kalasy kitaphanasy” yesterday.",
    # a bracketed name no language knows is read with its line ("(Hanoi)" was Ханои in English)
    "The delegation flew on to the capital (Hanoi) the next morning.",
])
def test_english_dashes_initials_and_bracketed_names_stay_as_typed(text: str) -> None:
    assert recover(text).text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Kitap oku - bilim kozi", "Кітап оқу – білім көзі"),
    ("A. Kunanbayev atyndagy kitaphana", "А. Құнанбаев атындағы кітапхана"),
    ("Onyn astanasy (Hanoi) ulken kala", "Оның астанасы (Ханой) үлкен қала"),
    ('Ol "on" dep zhazdy', 'Ол "он" деп жазды'),
    ("Kitaphana “Almaty” kalasynda", "Кітапхана “Алматы” қаласында"),
    # a sentence's first word before a quote is its sentence's, not the quote's
    ("Ol “Central library Almaty kalasy kitaphanasy” turaly aitty.",
     "Ол “Central library Almaty kalasy kitaphanasy” туралы айтты."),
])
def test_kazakh_dashes_initials_and_bracketed_names_are_read(text: str, expected: str) -> None:
    assert recover(text).text == expected


def test_recovery_is_the_same_in_every_process() -> None:
    # candidates are gathered through sets, whose order follows the per-process string hash: the
    # shares of the mass must not depend on it, or a report differs from run to run
    # (the shares of Alanna's suggestions differed in their last digits between hash seeds 0 and 1)
    script = ("from translit.recovery import recover; "
              "print(repr(recover('Memlekettik khatshy Gulnara Abdikalykova direktor Alanna Armitazhben kezdesti')))")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("0", "1", "2")}
    assert len(outputs) == 1


@pytest.mark.parametrize(("text", "expected"), [
    # names around frequent English words Kazakh seldom writes (in: ін, at: ат) make an English sentence
    ("John Smith met Yerlan Karin in Astana", "John Smith met Yerlan Karin in Astana"),
    # a name inside a sentence is no Kazakh word there, whatever the names list reads it as
    ("Meeting with Berdybek Saparbayev, Akim of Aktobe region", "Meeting with Berdybek Saparbayev, Akim of Aktobe region"),
    ("Akim of Aktobe region Yeraly Tugzhanov met the students", "Akim of Aktobe region Yeraly Tugzhanov met the students"),
    ("Berdybek Saparbayev Aktobe oblysynyn akimi boldy", "Бердібек Сапарбаев Ақтөбе облысының әкімі болды"),
    # a word the names list alone knows casts no Kazakh vote in lower case (the list has Чарльз)
    ("Has another store in the st. charles mall.", "Has another store in the st. charles mall."),
    ("Olga men Charles keldi.", "Ольга мен Чарльз келді."),
    # the same words in a Kazakh sentence are read
    ("Ol at minip keldi", "Ол ат мініп келді"),
    ("Men in zhanynda turdym", "Мен ін жанында тұрдым"),
])  # fmt: skip
def test_a_sentence_of_names_and_english_words_is_english(text: str, expected: str) -> None:
    assert recover(text).text == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Russian typed in Latin letters is no Kazakh: it stays as typed, whatever loan it shares (Prezident)
    ("Prezident Kazakhstana podpisal ukaz", "Prezident Kazakhstana podpisal ukaz"),
    ("V Astane otkrylas vystavka knig. Kitaphanada zhana korme ashyldy.",
     "V Astane otkrylas vystavka knig. Кітапханада жаңа көрме ашылды."),
    ('Ulttyk kitaphana: "Glava gosudarstva provel vstrechu" dep zhazdy',
     'Ұлттық кітапхана: "Glava gosudarstva provel vstrechu" деп жазды'),
    # Russian names and a Russian word or two inside a Kazakh sentence are read
    ("Ivan Petrovich Sidorov Astanaga keldi", "Иван Петрович Сидоров Астанаға келді"),
    ("Kitaphanada vystavka ashyldy", "Кітапханада выставка ашылды"),
])  # fmt: skip
def test_russian_typed_in_latin_stays_as_typed(text: str, expected: str) -> None:
    assert recover(text).text == expected


def test_a_womans_surname_is_never_corrected_to_the_mans() -> None:
    # the man's surname is in the names list; hers was "corrected" to it, one letter away
    result = recover("Dariga Nazarbayeva Semeyge keldi")
    assert result.text == result.corrected == "Дариға Назарбаева Семейге келді"
    assert recover("Bayan Tokayeva bayandama zhasady").corrected == "Баян Тоқаева баяндама жасады"


def test_cli_recover_leaves_an_english_sentence_alone() -> None:
    result = runner.invoke(app, ["recover", "-"], input="The online conference was opened by the head\n")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "The online conference was opened by the head"


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Saytka https://egov.kz/cms/kk arkyly kiriniz", "Сайтқа https://egov.kz/cms/kk арқылы кіріңіз"),
    ("suraktar: info@nlrk.kz mekenzhayyna", "сұрақтар: info@nlrk.kz мекенжайына"),
    ("COVID-19 pandemiyasy", "COVID-19 пандемиясы"),
    ("KOVID-19 pandemiyasy", "КОВИД-19 пандемиясы"),  # a Kazakh acronym typed in Latin is read
    ("Python3 tilinde", "Python3 тілінде"),
    ("GitHub zhobasy", "GitHub жобасы"),
    ("NATO sammiti", "NATO саммиті"),
    ("ULTTYK KITAPHANA", "ҰЛТТЫҚ КІТАПХАНА"),  # an ALL-CAPS title is no acronym
    ("Көрме UNESCO қолдауымен өтті.", "Көрме UNESCO қолдауымен өтті."),  # nor is a Cyrillic line with one
    ("`pip install translit` komandasy", "`pip install translit` командасы"),
    ('The head of the library said: "Kitap oku - bilim kozi"', 'The head of the library said: "Кітап оқу – білім көзі"'),
    # a hashtag or a handle is searched by as typed; brands the English list lacks
    ("Zhazylynyz: @nlrk zhane #kitap", "Жазылыңыз: @nlrk және #kitap"),
    ("Sberbank pen Huawei, Kcell", "Sberbank пен Huawei, Kcell"),
    ("QR Premer-Ministri A. Mamin", "ҚР Премьер-Министрі А. Мамин"),  # QR is ҚР in the 2021 alphabet
    ("Kaspi QR-kodyn skanerleniz", "Kaspi QR-кодын сканерлениз"),  # but a QR code is a QR code
])
def test_links_code_acronyms_and_english_stay_in_latin_letters(latin: str, cyrillic: str) -> None:
    assert recover(latin).text == cyrillic


def _data_file_examples(name: str) -> list[tuple[str, str]]:
    lines = (lex.lexicon_dir() / name).read_text(encoding="utf-8").splitlines()
    return [tuple(part.strip() for part in line.split(":", 1)[1].split("=>")) for line in lines  # type: ignore[misc]
            if line.startswith("# example:")]


@pytest.mark.parametrize(("name", "minimum"), [("latin_kept.txt", 5), ("kk_context.tsv", 3)])
def test_the_data_files_pass_their_own_examples(name: str, minimum: int) -> None:
    examples = _data_file_examples(name)
    assert len(examples) >= minimum
    for latin, cyrillic in examples:
        assert recover(latin).text == cyrillic, latin


def test_each_line_is_read_in_its_own_style() -> None:
    # a file of titles in the 2021 alphabet with one typed by ear: "Men kazakpyn" is no 2021 text
    # (there k is к, and it would read Мен казакпын)
    titles = ["Ұлттық кітапхана", "Отбасылық оқу – тәрбие көзі", "Балаларға оқу", "Қазақстан кітаптары",
              "Тәуелсіздік күні", "Абай оқулары", "Қарағанды облысы", "Ғылыми кеңес", "Кітап оқудың маңызы"]
    text = "\n".join(romanize(title, "kk-latin-2021") for title in titles) + "\nMen kazakpyn\n"
    result = recover(text)
    assert result.text == "\n".join(titles) + "\nМен қазақпын\n"
    assert result.style == "kk-latin-2021"


# --- context ---------------------------------------------------------------------------


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Halyk sanyn anyktau", "Халық санын анықтау"),  # no "you" in the sentence: the accusative
    ("Sen ozinnin sanyn bilesin", "саның"),  # "you" in the sentence: "your number"
    ("Sozdin manin tusindi", "Сөздің мәнін түсінді"),
    ("Kitap okudyn manyzy", "Кітап оқудың маңызы"),  # the genitive a possessed noun wants
    ("on zhakta", "оң жақта"),
    ("on bes zhyl", "он бес жыл"),
    ("vertikaldy syzyk", "вертикалды сызық"),
])
def test_the_sentence_chooses_between_readings_the_letters_cannot_tell(latin: str, cyrillic: str) -> None:
    assert cyrillic in recover(latin).text


def test_n_for_ng_before_a_possessed_noun_is_a_slip_in_the_2021_alphabet() -> None:
    # ң is ñ in 2021: "oqudyn" is spelled as typed, and flagged with the genitive suggested
    result = recover("Kitap oqudyn mañyzy")
    (word,) = result.typos
    assert word.latin == "oqudyn" and word.suggestions[0].cyrillic == "оқудың"
    assert result.text == "Кітап оқудын маңызы" and result.corrected == "Кітап оқудың маңызы"
    assert recover("Kitap oqudyñ mañyzy").typos == ()


# --- properties of every rewrite -----------------------------------------------------------

_PIECES = ["Ulttyk", "kitaphana", "Abay", "oku", "tarbiye", "kozi", "balalarga", "the", "conference", "was",
           "opened", "by", "head", "SSL", "Firefox", "https://egov.kz", "2023", "COVID-19", "men", "on", "sanyn",
           "kazakpyn", "Qazaqstan", "kıtaptary", "UNESCO", "қолдауымен", "Көрме", "«", "»", ",", ".", " ", " ", "\n", "-",
           "(", ")", '"', "U.S.", "Hanoi", "Aidarbayev"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
@example(["kitaphana", "\n", "Ulttyk", "Ulttyk", "the", "the"])  # a name's weight once read off the line before
@example(["UNESCO", "qoldauymen"])  # an acronym kept, then read once the line around it was Cyrillic
@settings(max_examples=150, deadline=None)
def test_recovering_twice_equals_recovering_once(parts: list[str]) -> None:
    text = " ".join(parts)
    once = recover(text)
    assert recover(once.text).text == once.text
    assert recover(once.corrected).corrected == once.corrected


@given(st.lists(st.sampled_from(_real_words()), min_size=1, max_size=8),
       st.sampled_from(["kk-news", "kk-latin-2021"]),
       st.sampled_from(["", "The report was read by the head. ", "Readers liked it. "]))
@settings(max_examples=80, deadline=None)
def test_rerender_leaves_correct_text_unchanged_and_twice_equals_once(
    words: list[str], scheme: str, english: str
) -> None:
    # a post whose Kazakh title is already in the scheme: nothing to write again
    title = romanize(" ".join(words).capitalize(), scheme)
    text = f'{english}A talk on "{title}".'
    assert rerender(text, scheme) == text
    once = rerender(romanize(" ".join(words), "kk-latin-2021" if scheme == "kk-news" else "kk-news"), scheme)
    assert rerender(once, scheme) == once


_PROTECTED = ["https://nlrk.kz/kitaptar?id=5", "info@nlrk.kz", "#kitap", "@nlrk", "`korme_2024.pdf`", "egov.kz"]


@given(st.lists(st.sampled_from(_real_words()), min_size=3, max_size=8), st.sampled_from(_PROTECTED),
       st.sampled_from(["kk-news", "kk-latin-2021"]))
@settings(max_examples=60, deadline=None)
def test_rerender_of_a_kazakh_sentence_with_a_link_keeps_the_link(words: list[str], part: str, scheme: str) -> None:
    # a sentence of Kazakh in the scheme with a link, an address, a tag or code: nothing to write again;
    # typed in another scheme, it is written again with the part byte for byte as it was
    correct = f"{romanize(' '.join(words).capitalize(), scheme)} {part} {romanize(words[0], scheme)}."
    assert rerender(correct, scheme) == correct
    other = "kk-latin-2021" if scheme == "kk-news" else "kk-news"
    typed = f"{romanize(' '.join(words).capitalize(), other)} {part} {romanize(words[0], other)}."
    once = rerender(typed, scheme)
    assert part in once and rerender(once, scheme) == once


def test_rerender_writes_a_kazakh_sentence_with_a_link_again() -> None:
    text = "Korme turaly https://nlrk.kz/korme betinde zhazylgan, suraktar info@nlrk.kz #kitap."
    assert rerender(text, "kk-latin-2021") == (
        "Körme turaly https://nlrk.kz/korme betınde jazylğan, sūraqtar info@nlrk.kz #kitap.")


# --- the cost of an unknown word ------------------------------------------------------------


SLIPPED = ("zhanalykatryna suravady kajkyndy bdlinip kandhay ushinhisi kitaphnasy otbasylk "
           "madenietnin zhastardn memlekettk kazakstnnyn")


def test_chain_suggestions_below_the_best_by_the_margin_are_the_only_ones_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from translit.recovery import suggest

    pruned = recover(SLIPPED).words
    monkeypatch.setattr(suggest, "PRUNED_BELOW", float("inf"))
    R.clear_word_caches(R.load_lexicon())
    full = recover(SLIPPED).words
    R.clear_word_caches(R.load_lexicon())
    assert sum(word.typo for word in full) >= 8
    for kept, every in zip(pruned, full):
        # the words listed both ways keep their order, and what changed had under a thousandth
        # of the mass (a pruned word leaves its place to the next, as weak)
        listed, before = [c.cyrillic for c in kept.suggestions], [c.cyrillic for c in every.suggestions]
        assert [word for word in listed if word in before] == [word for word in before if word in listed]
        changed = [c for c in (*kept.suggestions, *every.suggestions) if (c.cyrillic in listed) != (c.cyrillic in before)]
        assert all(c.score < 1e-3 for c in changed), changed
        assert listed[:1] == before[:1]


def test_the_floor_at_the_tenth_best_word_changes_no_suggestion(monkeypatch: pytest.MonkeyPatch) -> None:
    from translit.recovery import suggest

    floored = recover(SLIPPED).words

    def margin_only(scored: list[tuple[str, float, str]], typed_doubles: set[str]) -> float:
        best = max((score for _, score, _ in scored), default=float("-inf"))
        return best - suggest.PRUNED_BELOW - (suggest.DOUBLE_KEPT if typed_doubles else 0.0)

    monkeypatch.setattr(suggest, "_floor", margin_only)
    R.clear_word_caches(R.load_lexicon())
    unfloored = recover(SLIPPED).words
    R.clear_word_caches(R.load_lexicon())
    assert sum(word.typo for word in floored) >= 8
    assert floored == unfloored


def _osa_table(a: str, b: str, limit: int) -> int:
    """The edit distance with adjacent transpositions, by the full table, capped at ``limit``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return min(previous[-1], limit)


@settings(max_examples=400, deadline=None)
@given(st.text("aejkqs", max_size=9), st.text("aejkqs", max_size=9), st.integers(1, 4))
def test_the_names_distance_is_the_table_s(a: str, b: str, limit: int) -> None:
    from translit.recovery.scoring import _distance

    assert _distance(a, b, limit) == _osa_table(a, b, limit)


def test_two_deletions_are_every_string_two_letters_out() -> None:
    found = edits._deletions("abcd")
    assert found == {"abcd", "bcd", "acd", "abd", "abc", "cd", "bd", "bc", "ad", "ac", "ab"}
    assert edits._deletions("aab") == {"aab", "ab", "aa", "a", "b"}


def test_the_letter_model_walked_by_pairs_scores_as_the_trigram_formula() -> None:
    import math

    lexicon = R.load_lexicon()
    bigrams: dict[str, int] = {}
    for gram, count in lexicon.trigrams.items():
        bigrams[gram[:2]] = bigrams.get(gram[:2], 0) + count

    def by_formula(word: str) -> float:
        padded = f"^^{word}$"
        total = 0.0
        for i in range(len(padded) - 2):
            gram = padded[i : i + 3]
            pair = gram[:2]
            count = lexicon.trigrams.get(gram)
            if count is None:
                total += math.log(0.5 / (bigrams.get(pair, 0) + 20.0))
            else:
                total += math.log((count + 0.5) / (bigrams[pair] + 20.0))
        return total / (len(padded) - 2)

    words = ["жаңалықтары", "қазақстанның", "миссиясы", "kitap", "ъъъ", "", "Ақбота"]
    assert [lexicon.letters(word) for word in words] == [by_formula(word) for word in words]


def test_a_run_of_letters_too_long_for_a_word_is_kept_as_typed() -> None:
    # pasted data or a key: no Kazakh word is a hundred letters long, and the typo search of one
    # that long would take minutes
    blob = "qwhzkvtr" * 600
    result = recover(f"Derekterge karaganda, kitaphanaga 500 okyrman keldi.\n{blob}\n")
    assert result.text == f"Деректерге қарағанда, кітапханаға 500 оқырман келді.\n{blob}\n"
    assert result.words[-1].reason == "too long for a word"
    assert recover("syltauratkandarynyzdylarmenen").text == "сылтауратқандарыңыздыларменен"  # the longest form


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("XX gasyrda", "XX ғасырда"),
    ("XXI gasyrdyn basy", "XXI ғасырдың басы"),
    ("XIV-XV gasyrlar", "XIV-XV ғасырлар"),
    ("II dengei", "II деңгейі"),
    # not numerals: a Kazakh word in capitals, an acronym that is read
    ("KIM KELDI", "КІМ КЕЛДІ"),
])  # fmt: skip
def test_roman_numerals_stay_in_latin_letters(latin: str, cyrillic: str) -> None:
    assert recover(latin).text == cyrillic
