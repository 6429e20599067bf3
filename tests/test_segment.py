"""A post split into blocks, sentences and inline spans with exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit import segments
from translit.language.segment import BLOCK_KINDS, Segment, sentence_spans, split_sentences

SEED = Path(__file__).resolve().parent.parent / "examples" / "nlrk-2023-02-28.en.txt"
TEXT = SEED.read_text(encoding="utf-8")
TITLES = [
    "Kazakhstan kitaptary",
    "Ulttyk zhane otbasylyk dastustusturlerdi saktau men damytudagy balalar kitaphanasyn aleumettik-madeni miassi",
    "Otbasylyk oku - tarbiye kozi",
    "Druzhniye Rebyata",
    "Balalarga oku",
]


def test_seed_blocks_are_the_paragraphs() -> None:
    parts = segments(TEXT)
    blocks = [s for s in parts if s.level == 0]
    paragraphs = [p.strip() for p in TEXT.split("\n\n") if p.strip()]
    assert [b.text for b in blocks] == paragraphs
    assert [b.kind for b in blocks[:3]] == ["heading", "caption", "paragraph"]
    assert blocks[1].text == "Бахина фото" and blocks[1].detection.lang == "ru"
    assert all(b.detection.lang == "en" for b in blocks[2:])


def test_seed_quoted_titles_are_inline_spans_with_exact_offsets() -> None:
    parts = segments(TEXT)
    quotes = [s for s in parts if s.kind == "quote"]
    assert [q.text for q in quotes] == TITLES
    for quote in quotes:
        assert TEXT[quote.start : quote.end] == quote.text
        assert TEXT[quote.start - 1] == '"' and TEXT[quote.end] == '"'
        assert quote.level == 2 and parts[quote.parent].kind == "sentence"
    found = {q.text: q.detection for q in quotes}
    for title in ("Kazakhstan kitaptary", TITLES[1], "Otbasylyk oku - tarbiye kozi", "Balalarga oku"):
        assert (found[title].lang, found[title].romanized) == ("kk", True), title
    assert found[TITLES[1]].scheme == "kk-news"
    assert (found["Druzhniye Rebyata"].lang, found["Druzhniye Rebyata"].romanized) == ("ru", True)


def test_seed_sentences_keep_initials_together() -> None:
    parts = segments(TEXT)
    sentences = [s.text for s in parts if s.kind == "sentence"]
    assert any(s.startswith("On the 28th of February") and "K.A. Bakhina took part" in s for s in sentences)
    opened = next(p for p in parts if p.level == 0 and p.text.startswith("The online conference was opened"))
    inside = [s.text for s in parts if s.parent == parts.index(opened)]
    assert len(inside) == 2
    assert inside[1].startswith("The head of the group") and inside[1].endswith("at the online conference.")


def test_parents_nest() -> None:
    parts = segments(TEXT)
    for seg in parts:
        if seg.parent is None:
            assert seg.level == 0 and seg.kind in BLOCK_KINDS
        else:
            parent = parts[seg.parent]
            assert parent.level == seg.level - 1
            assert parent.start <= seg.start <= seg.end <= parent.end


def test_foreign_script_runs() -> None:
    text = "Сотрудник библиотеки K.A. Bakhina выступила с докладом. The caption read Бахина фото in Cyrillic."
    parts = segments(text)
    foreign = [(s.text, s.detection.script) for s in parts if s.kind == "foreign"]
    assert foreign == [("K.A. Bakhina", "Latn"), ("Бахина фото", "Cyrl")]
    assert [s.detection.lang for s in parts if s.kind == "sentence"] == ["ru", "en"]


def test_guillemets_and_caption_above_paragraph() -> None:
    text = "Фото: Бахина\nЖұмакенов Еркебұлан Қайроллаұлы «Отбасылық оқу – тәрбие көзі» тақырыбында баяндама жасады."
    parts = segments(text)
    assert [(s.kind, s.text) for s in parts if s.level == 0] == [
        ("caption", "Фото: Бахина"),
        ("paragraph", text.split("\n")[1]),
    ]
    quote = next(s for s in parts if s.kind == "quote")
    assert quote.text == "Отбасылық оқу – тәрбие көзі" and quote.detection.lang == "kk"


def test_markdown_heading_and_list() -> None:
    text = "# Ұлттық кітапхана\n- Бахина фото\n- Druzhnye rebyata\n\nA paragraph.\r\nIt goes on."
    blocks = [s for s in segments(text) if s.level == 0]
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "# Ұлттық кітапхана"),
        ("list-item", "- Бахина фото"),
        ("list-item", "- Druzhnye rebyata"),
        ("paragraph", "A paragraph.\r\nIt goes on."),
    ]


def test_empty_and_blank() -> None:
    assert segments("") == []
    assert segments(" \n\n\t\n") == []


paragraph = st.text(
    alphabet=st.sampled_from(list("abc әқ Бахина.!?«»\"“”-:K") + [" ", "A", "Қ"]), min_size=1, max_size=60
).filter(lambda p: p.strip())


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=5), st.sampled_from(["\n\n", "\n \n", "\r\n\r\n", "\n\n\n"]))
def test_blocks_cover_every_paragraph_exactly(paragraphs: list[str], separator: str) -> None:
    text = separator.join(paragraphs)
    parts = segments(text)
    for seg in parts:
        assert text[seg.start : seg.end] == seg.text
        assert seg.text == seg.text.strip() and seg.text
    blocks = [s for s in parts if s.level == 0]
    covered = _covered(blocks)
    assert covered == {i for i, ch in enumerate(text) if not ch.isspace()}
    for index, block in enumerate(parts):
        if block.level != 0:
            continue
        sentences = [s for s in parts if s.parent == index]
        assert sentences, "every block has at least one sentence"
        assert _covered(sentences) == {i for i in range(block.start, block.end) if not text[i].isspace()}


def _covered(items: list[Segment]) -> set[int]:
    seen: set[int] = set()
    for item in items:
        span = {i for i in range(item.start, item.end) if not item.text[i - item.start].isspace()}
        assert not (span & seen), "segments of one level do not overlap"
        seen |= span
    return seen


# --------------------------------------------------------------------------- sentences

TABLE = Path(__file__).resolve().parent / "data" / "news_sentences.txt"


def _table() -> list[tuple[str, list[str]]]:
    paragraphs: list[tuple[str, list[str]]] = []
    lang, current = "", []
    for line in [*TABLE.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("## "):
            lang = line[3:]
        elif line.strip() and not line.startswith("#"):
            current.append(line)
        elif current:
            paragraphs.append((lang, current))
            current = []
    return paragraphs


def test_every_hand_checked_news_sentence() -> None:
    paragraphs = _table()
    assert sum(len(s) for _, s in paragraphs) >= 137 and {lang for lang, _ in paragraphs} == {"ru", "kk", "en"}
    wrong = []
    for lang, sentences in paragraphs:
        text = " ".join(sentences)
        got = [text[a:b] for a, b in sentence_spans(text)]
        if got != sentences:
            wrong.append(f"{lang}: {got}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Библиотека им. Абая открыта. Вход свободный.", 2),
        ("Адрес: г. Астана, ул. Абая, 5. Справки по тел. 8 (7172) 57-07-95.", 2),
        ("Лекцию прочитал проф. Каримов. Dr. Smith and Prof. Lee spoke. It is No. 5 on the list.", 3),
        ("«Приходите все!» — пригласил он. «Келіңіздер!» – деп шақырды ол. Bye.", 3),
        ("The award went to Ch. Aitmatov. Ye.B. Nurlanova and K.-Zh. Tokayev came.", 2),
        ("Библиотека основана в 1931 г. Сегодня она открыта.", 2),
        ("Приехали гости из Казахстана, Кыргызстана и др. Следующий форум в Ташкенте.", 2),
        ("Кітаптар, карталар т.б. Көрме ашық.", 2),
        ("We read books, maps, etc. Admission is free.", 2),
    ],
)
def test_abbreviations_speech_and_initials(text: str, expected: int) -> None:
    assert len(sentence_spans(text)) == expected


@given(st.text(st.sampled_from(list("Ab .!?«»—К1 \t\nг")), max_size=80))
def test_split_sentences_loses_nothing_and_spans_are_trimmed(text: str) -> None:
    assert "".join(split_sentences(text)) == text
    for start, end in sentence_spans(text):
        assert text[start:end] == text[start:end].strip() and start < end


def test_mt_and_versions_use_the_one_splitter() -> None:
    from translit.translation import versions
    from translit.mt import translator

    assert translator.split_sentences is split_sentences
    assert versions.split_sentences is split_sentences


@pytest.mark.parametrize(
    ("text", "lang", "script"),
    [
        # an English heading of an English post quoting a Kazakh title in the 2021 alphabet
        ('Exhibition "Qazaq halqynyñ salt-dästürlerı" opens in Astana', "en", "Latn"),
        ('"Balalarga kitap oku - bolashakka zhol", said Yerlan Karin at the opening.', "en", "Latn"),
        # a Kazakh sentence around an English title, and around a Cyrillic one
        ('Кітапхана "Digital Library of Kazakhstan" жобасын 2024 жылы бастады.', "kk", "mixed"),
        ("The library opened «Қазақ халқының салт-дәстүрлері» exhibition today.", "en", "mixed"),
    ],
)  # fmt: skip
def test_a_sentence_is_in_the_language_of_its_own_words_not_of_its_quotes(text: str, lang: str, script: str) -> None:
    block, sentence = segments(text, languages=("kk", "ru", "en"))[:2]
    for found in (block, sentence):
        assert (found.detection.lang, found.detection.romanized, found.detection.script) == (lang, False, script)


def test_a_sentence_that_is_mostly_quote_is_read_whole() -> None:
    # two words outside the quotes are too few to outvote the quoted Kazakh
    block = segments('"Otbasylyk oku - tarbiye kozi", dedi ol.', languages=("kk", "ru", "en"))[0]
    assert (block.detection.lang, block.detection.romanized) == ("kk", True)
