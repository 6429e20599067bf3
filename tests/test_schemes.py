"""The built-in schemes as data: every example, both ways, and what the format promises.

Each rule file in rules/ carries its own examples (real names, places, institutions
and sentences, the seed post's among them); this suite runs every one of them, turns
them back for reversible schemes, and checks the engine's promises on real text:
case of digraphs, the Turkic I, pass-through of everything that is not Cyrillic,
look-alike Latin letters, NFC, options, user files, one-line errors.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit
from translit.errors import NotReversibleError, RuleFileError, UnknownSchemeError
from translit.transliteration.scheme import ALPHABETS, builtin_paths, read_spec

SCHEME_IDS = {
    "kk-latin-2021": ("kk", "ambiguous"),
    "kk-latin-2018": ("kk", "ambiguous"),
    "kk-latin-2017": ("kk", "ambiguous"),
    "kk-bgn-pcgn": ("kk", "no"),
    "kk-iso9": ("kk", "exact"),
    "kk-alalc": ("kk", "no"),
    "kk-news": ("kk", "no"),
    "ru-gost-7.79b": ("ru", "exact"),
    "ru-iso9": ("ru", "exact"),
    "ru-bgn-pcgn": ("ru", "no"),
    "ru-icao": ("ru", "no"),
    "ru-alalc": ("ru", "no"),
    "ru-scholarly": ("ru", "no"),
    "ru-news": ("ru", "no"),
}
REVERSIBLE = sorted(i for i, (_, rev) in SCHEME_IDS.items() if rev != "no")
EXACT = sorted(i for i, (_, rev) in SCHEME_IDS.items() if rev == "exact")
CYRILLIC = re.compile("[\u0400-\u04ff]")


def _examples(kind: str) -> list[tuple[str, str, str]]:
    cases = []
    for scheme_id in sorted(SCHEME_IDS):
        spec = read_spec(scheme_id)
        if kind in ("forward", "all"):
            cases += [(scheme_id, c, lat) for c, lat in spec.examples + spec.examples_forward]
        elif kind == "both" and spec.info.reversible != "no":
            cases += [(scheme_id, c, lat) for c, lat in spec.examples]
    return cases


def _ids(cases: list[tuple[str, str, str]]) -> list[str]:
    return [f"{scheme}:{cyr[:24]}" for scheme, cyr, _ in cases]


FORWARD = _examples("forward")
BACKWARD = _examples("both")


# --- the scheme files ------------------------------------------------------------


def test_exactly_the_fourteen_schemes_are_built_in() -> None:
    assert set(builtin_paths()) == set(SCHEME_IDS)
    assert [info.id for info in translit.schemes()] == sorted(SCHEME_IDS)


@pytest.mark.parametrize("scheme_id", sorted(SCHEME_IDS))
def test_metadata_is_complete_and_matches_the_decisions(scheme_id: str) -> None:
    spec = read_spec(scheme_id)
    info = spec.info
    language, reversible = SCHEME_IDS[scheme_id]
    assert Path(info.path).name == f"{scheme_id}.toml"
    assert (info.id, info.language, info.reversible) == (scheme_id, language, reversible)
    assert info.title and "\n" not in info.title
    assert re.search(r"\b(19|20)\d\d\b", info.standard), "the standard is named with its year"
    assert info.source and info.notes
    assert set(spec.letters) >= set(ALPHABETS[language])
    assert all(unicodedata.is_normalized("NFC", value) for value in spec.letters.values())


@pytest.mark.parametrize("scheme_id", sorted(SCHEME_IDS))
def test_each_scheme_carries_at_least_25_examples_with_the_seed_names(scheme_id: str) -> None:
    spec = read_spec(scheme_id)
    pairs = spec.examples + spec.examples_forward
    assert len(pairs) >= 25
    cyrillic = " ".join(c for c, _ in pairs)
    seed_names = ["Бахина", "Есенжанов", "Баялинов", "Султангазиева", "Уатаева", "Қарағанды"]
    if spec.info.language == "ru":
        seed_names = ["Бахина", "Есенжанова", "Баялинова", "Султангазиева", "Уатаева", "Карагандинская",
                      "Дружные ребята", "Алексеевна", "Поликарпова", "Гумирова"]
    else:
        seed_names += ["Жұмакенов Еркебұлан Қайроллаұлы", "Отбасылық оқу – тәрбие көзі",
                       "Қазақстан Республикасының Ұлттық кітапханасы", "Полікарпова"]
    for name in seed_names:
        assert name in cyrillic, f"{scheme_id} lacks an example with {name}"
    assert any(c.isupper() and len(c) > 3 for c, _ in pairs), "an ALL-CAPS example"
    assert any(re.search(r"\b\w\.", c) for c, _ in pairs), "an example with an initial"


@pytest.mark.parametrize("scheme_id", sorted(SCHEME_IDS))
def test_non_ascii_signs_come_with_an_ascii_option(scheme_id: str) -> None:
    spec = read_spec(scheme_id)
    signs = {spec.letters["ъ"], spec.letters["ь"]}
    if all(sign.isascii() for sign in signs):
        return
    assert "ascii" in spec.info.options
    plain = translit.romanize("Объезд, Усть-Каменогорск", scheme_id, options=["ascii"])
    assert plain.count('"') == 1 and plain.count("'") == 1
    assert translit.romanize("Объезд", f"{scheme_id}+ascii") == translit.romanize("Объезд", scheme_id, options=["ascii"])


# --- every example of every scheme ---------------------------------------------------


@pytest.mark.parametrize(("scheme_id", "cyrillic", "latin"), FORWARD, ids=_ids(FORWARD))
def test_example_forward(scheme_id: str, cyrillic: str, latin: str) -> None:
    assert translit.romanize(cyrillic, scheme_id) == latin


@pytest.mark.parametrize(("scheme_id", "cyrillic", "latin"), BACKWARD, ids=_ids(BACKWARD))
def test_example_backward(scheme_id: str, cyrillic: str, latin: str) -> None:
    assert translit.cyrillize(latin, scheme_id) == cyrillic


@pytest.mark.parametrize("scheme_id", sorted(set(SCHEME_IDS) - set(REVERSIBLE)))
def test_lossy_schemes_refuse_to_reverse(scheme_id: str) -> None:
    with pytest.raises(NotReversibleError):
        translit.cyrillize("Zhumakenov", scheme_id)


def test_ambiguous_kazakh_reversal_reports_the_letters_it_chose() -> None:
    text, spans = translit.cyrillize_report("Qairat Şahar Aitsa", "kk-latin-2021")
    assert text == "Қайрат Шахар Айтса"
    chosen = {(span.latin, span.chosen) for span in spans}
    assert ("i", "й") in chosen and ("h", "х") in chosen and ("ts", "тс") in chosen
    for span in spans:
        assert len(span.alternatives) > 1 and span.chosen in span.alternatives


def test_exact_reversal_reports_nothing() -> None:
    text, spans = translit.cyrillize_report("Obʺedinënnye Žumakenov", "ru-iso9")
    assert (text, spans) == ("Объединённые Жумакенов", [])


# --- case -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme_id", "cyrillic", "latin"),
    [
        ("kk-news", "ЖҰМАКЕНОВ ЕРКЕБҰЛАН ҚАЙРОЛЛАҰЛЫ", "ZHUMAKENOV YERKEBULAN KAYROLLAULY"),
        ("kk-news", "Ж. Бектұров, Ж.Жұмакенов", "Zh. Bekturov, Zh.Zhumakenov"),
        ("ru-news", "АЛЕКСЕЕВНА, ЩЕДРИН, ЮЛИЯ", "ALEKSEYEVNA, SHCHEDRIN, YULIYA"),
        ("ru-gost-7.79b", "ЩЕДРИН ЦАРЬ ЦИРК", "SHHEDRIN CZAR` CIRK"),
        ("ru-bgn-pcgn", "ЁЛКИНО ЕЛИЗОВО", "YËLKINO YELIZOVO"),
        ("ru-icao", "ЮЛИЯ ЩЕГЛОВА", "IULIIA SHCHEGLOVA"),
        ("ru-alalc", "ЦИМЛЯНСК Цимлянск", "T︠S︡IMLI︠A︡NSK T︠s︡imli︠a︡nsk"),
        ("ru-alalc", "ЮЛИЯ Юлия", "I︠U︡LII︠A︡ I︠u︡lii︠a︡"),
        ("kk-bgn-pcgn", "ҚАРАҒАНДЫ ОҢТҮСТІК", "QARAGHANDY ONGTÜSTIK"),
    ],
)
def test_digraphs_are_all_caps_in_all_caps_words_and_title_case_otherwise(scheme_id: str, cyrillic: str, latin: str) -> None:
    assert translit.romanize(cyrillic, scheme_id) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("ЖҰМАКЕНОВ", "JŪMAKENOV"),
        ("ИІ", "İI"),
        ("Иран, Іле", "İran, Ile"),
        ("ҚАЙРОЛЛАҰЛЫ", "QAİROLLAŪLY"),
        ("ҰЛТТЫҚ КІТАПХАНА", "ŪLTTYQ KITAPHANA"),
        ("Қ.И. Сәтбаев", "Q.İ. Sätbaev"),
    ],
)
def test_turkic_i_of_the_2021_alphabet(cyrillic: str, latin: str) -> None:
    assert translit.romanize(cyrillic, "kk-latin-2021") == latin
    assert translit.cyrillize(latin, "kk-latin-2021") == cyrillic


def test_python_upper_would_get_the_turkic_i_wrong() -> None:
    # The reason [case] exists: str.upper() maps i to I, not İ, and ı to I.
    assert "i".upper() == "I" and translit.romanize("И", "kk-latin-2021") == "İ"
    assert translit.romanize("і", "kk-latin-2021") == "ı" and translit.romanize("І", "kk-latin-2021") == "I"


# --- what is not Cyrillic passes through ---------------------------------------------------

MIXED = (
    "# Қарағанды 2023\n"
    "See https://www.nlrk.kz/index.php?lang=kk&id=28 or mail info@nlrk.kz — 28.02.2023, +7 (727) 267-28-83.\n"
    '<p class="lead"><a href="/kk/">Ұлттық кітапхана</a> 📚🇰🇿</p>\n'
    "**Bakhina** and _Esenzhanov_ `code` [link](http://example.com/a_b?c=d)\n"
)


@pytest.mark.parametrize("scheme_id", sorted(SCHEME_IDS))
def test_only_cyrillic_changes_in_markup_links_and_emoji(scheme_id: str) -> None:
    out = translit.romanize(MIXED, scheme_id)
    cyrillic_words = ["Қарағанды", "Ұлттық", "кітапхана"]
    expected = MIXED
    for word in cyrillic_words:
        expected = expected.replace(word, translit.romanize(word, scheme_id))
    assert out == expected
    assert "https://www.nlrk.kz/index.php?lang=kk&id=28" in out and "info@nlrk.kz" in out
    assert '<p class="lead"><a href="/kk/">' in out and "📚🇰🇿" in out


def test_latin_look_alikes_inside_cyrillic_words_are_read_as_cyrillic() -> None:
    pasted = "K" + "азахстан"  # Latin K, as pasted text often has
    assert translit.romanize(pasted, "ru-news") == "Kazakhstan"
    assert translit.romanize(pasted, "ru-iso9") == "Kazahstan"
    assert translit.romanize("Kарағанды", "kk-latin-2021") == "Karağandy"
    # a Latin i typed for Kazakh і, as in the BGN/PCGN test list itself
    assert translit.romanize("Энгельс Көшесi", "kk-bgn-pcgn") == "Ėngel’s Köshesi"
    # real Latin words are left alone
    assert translit.romanize("iPhone COVID-19 Kazakhstan", "kk-news") == "iPhone COVID-19 Kazakhstan"


def test_input_is_nfc_normalised_so_decomposed_letters_are_read() -> None:
    decomposed = unicodedata.normalize("NFD", "Қайроллаұлы Ёлкино")
    assert "\u0306" in decomposed and "\u0308" in decomposed
    assert translit.romanize(decomposed, "kk-news") == "Kayrollauly Yolkino"
    assert translit.romanize("Бии\u0306ск", "ru-news") == "Biysk"


# --- options, user files ------------------------------------------------------------------


def test_options_change_letters_and_unknown_options_are_refused() -> None:
    assert translit.romanize("Юрьев объезд", "ru-bgn-pcgn") == "Yur’yev ob”yezd"
    assert translit.romanize("Юрьев объезд", "ru-bgn-pcgn+ascii") == "Yur'yev ob\"yezd"
    assert translit.romanize("Юлия, Ёлкино", "kk-latin-2021") == "İuliia, İolkino"
    assert translit.romanize("Юлия, Ёлкино", "kk-latin-2021", options=["y-loans"]) == "Yuliya, Yolkino"
    assert translit.romanize("Чехов", "kk-latin-2021+ch") == "Chehov"
    with pytest.raises(UnknownSchemeError, match="no option 'dots'"):
        translit.romanize("Тында", "ru-bgn-pcgn", options=["dots"])


def test_user_rule_file_inherits_a_builtin_and_overrides_a_letter(tmp_path: Path) -> None:
    user = tmp_path / "nlrk.toml"
    user.write_text(
        'id = "kk-news-nlrk"\ninherits = "kk-news"\ntitle = "NLRK house style: Қ as Q"\n'
        '[letters]\n"қ" = "q"\n',
        encoding="utf-8",
    )
    assert translit.romanize("Қайроллаұлы Еркебұлан, Қарағанды", user) == "Qayrollauly Yerkebulan, Qaragandy"
    info = translit.load_scheme(user).info
    assert (info.id, info.language, info.reversible) == ("kk-news-nlrk", "kk", "no")
    # a child of a child, by a path relative to the file
    grandchild = tmp_path / "sub" / "nlrk-gh.toml"
    grandchild.parent.mkdir()
    grandchild.write_text(
        'id = "kk-news-nlrk-gh"\ninherits = "../nlrk.toml"\ntitle = "and Ғ as Gh"\n[letters]\n"ғ" = "gh"\n',
        encoding="utf-8",
    )
    assert translit.romanize("Қарағанды", grandchild) == "Qaraghandy"


BAD_FILES = [
    ('id = "x"\nlanguage = "kk"\ntitle = "t\n', 3, "invalid TOML"),
    ('id = "x"\nlanguage = "kk"\ntitle = "t"\nstandard = "s 2020"\nreversible = "no"\ncolour = "red"\n', 6, "unknown key 'colour'"),
    ('id = "x"\ninherits = "kk-nws"\ntitle = "t"\n', 2, "unknown scheme 'kk-nws'"),
    ('id = "x"\ninherits = "kk-news"\ntitle = "t"\n\n[[rules]]\nmatch = "е"\nout = "ye"\nafter = "@vowels"\n', 5, "unknown class @vowels"),
    ('id = "x"\ninherits = "kk-news"\ntitle = "t"\n\n[[rules]]\nmatch = "е"\nout = "ye"\nat = "start"\n', 5, "'at' must be one of"),
    ('id = "x"\ninherits = "kk-news"\ntitle = "t"\n[letters]\n"q" = "q"\n', 5, "not a lower-case kk letter"),
    ('id = "x"\nlanguage = "ru"\ntitle = "t"\nstandard = "s 2020"\nreversible = "no"\n[letters]\n"а" = "a"\n', 6, "[letters] lacks б"),
    ('id = "x"\ninherits = "kk-news"\ntitle = "t"\nreversible = "maybe"\n', 4, "reversible must be"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD_FILES, ids=[m for _, _, m in BAD_FILES])
def test_malformed_rule_file_is_one_line_with_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        translit.romanize("Қарағанды", path)
    rendered = str(caught.value)
    assert "\n" not in rendered
    assert rendered.startswith(f"{path}:{line}:")
    assert message in rendered


def test_a_cycle_of_inherits_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('id = "a"\ninherits = "b.toml"\ntitle = "a"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('id = "b"\ninherits = "a.toml"\ntitle = "b"\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match="cycle"):
        translit.load_scheme(tmp_path / "a.toml")


# --- invariants (hypothesis) --------------------------------------------------------------

SEPARATORS = st.sampled_from([" ", ", ", ". ", " – ", "-", "\n", " 2023 ", "«", "» "])


def _word(alphabet: str, signs: str = "ъь") -> st.SearchStrategy[str]:
    """A word of the alphabet, written lower, Title or ALL CAPS, with a vowel, and with the
    hard and soft signs only after a consonant (the spelling rule GOST B's `` and ` rely on)."""
    vowels = "аәеёиоөуұүыіэюя"
    consonants = "".join(ch for ch in alphabet if ch not in vowels + signs)

    def spell(letters: list[str]) -> str:
        out: list[str] = []
        for ch in letters:
            if ch in signs and (not out or out[-1] not in consonants):
                continue
            out.append(ch)
        # Every real word has a vowel; without one, Title "Бъ" and ALL-CAPS "БЪ" are the same Latin.
        if not any(ch in vowels for ch in out):
            out.append("а")
        return "".join(out)

    word = st.lists(st.sampled_from(alphabet), min_size=1, max_size=12).map(spell)
    return st.tuples(word, st.sampled_from(["lower", "title", "upper"])).map(
        lambda pair: pair[0].upper() if pair[1] == "upper" else pair[0].capitalize() if pair[1] == "title" else pair[0]
    )


def _text(language: str) -> st.SearchStrategy[str]:
    alphabet = ALPHABETS[language]
    return st.lists(st.tuples(_word(alphabet), SEPARATORS), min_size=1, max_size=8).map(
        lambda parts: "".join(word + sep for word, sep in parts)
    )


@pytest.mark.parametrize("scheme_id", EXACT)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_exact_schemes_round_trip(scheme_id: str, data: st.DataObject) -> None:
    text = data.draw(_text(SCHEME_IDS[scheme_id][0]))
    assert translit.cyrillize(translit.romanize(text, scheme_id), scheme_id) == text


AMBIGUOUS = sorted(i for i, (_, rev) in SCHEME_IDS.items() if rev == "ambiguous")
_LETTERS = re.compile(r"[^\W\d_]+")


def _two_letters_at_least(text: str) -> str:
    # A one-letter ALL-CAPS word (Я → İA) and its Title form (İa) are the same letter:
    # the invariant below holds for words of two letters or more.
    return _LETTERS.sub(lambda m: m.group() + ("АН" if m.group().isupper() else "ан"), text)


@pytest.mark.parametrize("scheme_id", AMBIGUOUS)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_ambiguous_reversal_picks_a_reading_that_romanizes_back_the_same(scheme_id: str, data: st.DataObject) -> None:
    text = data.draw(_text("kk").map(_two_letters_at_least))
    latin = translit.romanize(text, scheme_id)
    assert translit.romanize(translit.cyrillize(latin, scheme_id), scheme_id) == latin


NON_CYRILLIC = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(map(chr, range(0x400, 0x530)))),
    max_size=60,
).filter(lambda s: unicodedata.is_normalized("NFC", s))


@settings(max_examples=60, deadline=None)
@given(text=NON_CYRILLIC)
def test_text_without_cyrillic_passes_through_every_scheme(text: str) -> None:
    for scheme_id in SCHEME_IDS:
        assert translit.romanize(text, scheme_id) == text


@pytest.mark.parametrize("scheme_id", sorted(SCHEME_IDS))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_romanized_cyrillic_contains_no_cyrillic(scheme_id: str, data: st.DataObject) -> None:
    text = data.draw(_text(SCHEME_IDS[scheme_id][0]))
    assert not CYRILLIC.search(translit.romanize(text, scheme_id))
