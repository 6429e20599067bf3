"""A person named in full earlier in a post and by the surname alone later is one name in every version.

No engine here: the versions carry every protected part in the target language and the prose marked
for a translator, so a surname that is protected shows in the target's spelling inside Kazakh,
Russian or English prose, and one that is not stays as the draft wrote it.
"""

from __future__ import annotations

from typing import Any

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from translit.checks.check import check_versions
from translit.config import parse_config
from translit.errors import TranslitError
from translit.names.glossary import Glossary
from translit.translation.protect import Protector
from translit.translation.versions import make_versions

GLOSSARY = Glossary.load()


class _NoEngine:
    def route(self, src: str, tgt: str) -> Any:
        raise TranslitError(f"no engine for {src}→{tgt}")


def _versions(text: str, source: str) -> dict[str, str]:
    return make_versions(text, source=source, translator=_NoEngine(), glossary=GLOSSARY).texts


def _last_paragraph(text: str) -> str:
    return text.strip().split("\n\n")[-1]


# ------------------------------------------------------------------ a post of each language

KK_POST = (
    "Директор Ерлан Тоқсаба көрмені ашты.\n\n"
    "Көрмеге 300 кітап қойылды.\n\n"
    "Тоқсабаның айтуынша, көрме 10 наурызға дейін жалғасады. Оқырмандар Тоқсабаға алғыс айтты.\n"
)
RU_POST = (
    "Директор Ерлан Токсаба открыл выставку.\n\n"
    "На выставке представлено 300 книг.\n\n"
    "По словам Токсабы, выставка продлится до 10 марта. Читатели поблагодарили Токсабу.\n"
)
EN_POST = (
    "Director Erlan Toksaba opened the exhibition.\n\n"
    "The exhibition shows 300 books.\n\n"
    "Toksaba said the exhibition runs until March 10. Readers thanked Toksaba's team.\n"
)


def test_kazakh_inflected_surname_alone_is_written_as_the_whole_names_surname() -> None:
    texts = _versions(KK_POST, "kk")
    assert "Toksaba айтуынша" in texts["en"] and "Оқырмандар Toksaba алғыс" in texts["en"]
    assert "Тоқсаба" not in _last_paragraph(texts["en"])
    # the case the Kazakh ending said, in Russian: genitive, dative
    assert "Токсабы айтуынша" in texts["ru"] and "Оқырмандар Токсабе алғыс" in texts["ru"]
    assert texts["kk"] == KK_POST


def test_russian_declined_surname_alone_is_written_as_the_whole_names_surname() -> None:
    texts = _versions(RU_POST, "ru")
    assert "По словам Toksaba," in texts["en"] and "поблагодарили Toksaba." in texts["en"]
    assert "По словам Тоқсабаның," in texts["kk"]
    assert texts["ru"] == RU_POST


def test_english_surname_alone_keeps_the_possessive_outside() -> None:
    texts = _versions(EN_POST, "en")
    assert "Тоқсаба said" in texts["kk"] and "thanked Тоқсаба's team" in texts["kk"]
    assert "Токсаба said" in texts["ru"]
    assert "Toksaba" not in texts["kk"] and "Toksaba" not in texts["ru"]


def test_a_whole_name_in_the_possessive_gives_its_surname() -> None:
    texts = _versions("Mukhtar Auezov's novels were read aloud.\n\nReaders thanked Auezov.\n", "en")
    assert "Readers thanked Ауэзов." in texts["ru"] and "Readers thanked Әуезов." in texts["kk"]


def test_a_surname_the_post_never_named_in_full_is_prose_as_before() -> None:
    text = "Көрмеге 300 кітап қойылды.\n\nТоқсабаның айтуынша, көрме 10 наурызға дейін жалғасады.\n"
    assert "Тоқсабаның айтуынша" in _versions(text, "kk")["en"]


def test_a_surname_before_the_whole_name_is_not_taken_from_it() -> None:
    text = "Тоқсаба келді. Директор Ерлан Тоқсаба көрмені ашты. Тоқсаба сөз сөйледі.\n"
    en = _versions(text, "kk")["en"]
    assert en.count("Toksaba") == 2 and en.startswith("[[untranslated:kk]] Тоқсаба келді.")


# ------------------------------------------------------------------ Russian gender

def test_a_mans_surname_in_every_case_but_never_a_womans() -> None:
    text = (
        "Директор Пётр Иванов открыл выставку.\n\n"
        "Грамоту вручили Иванову. Гости беседовали с Ивановым. У Иванова много книг.\n\n"
        "Ивановой вручили цветы. Иванова выступила с докладом.\n"
    )
    en = _versions(text, "ru")["en"]
    assert "вручили Ivanov." in en and "с Ivanov." in en and "У Ivanov много" in en
    # Ивановой is a woman's; Иванова without a word asking the genitive may be a woman too
    assert "Ивановой вручили" in en and "Иванова выступила" in en


def test_a_womans_surname_in_every_case_but_never_a_mans() -> None:
    text = (
        "Директор Анна Иванова открыла выставку.\n\n"
        "Цветы вручили Ивановой. Иванова выступила с докладом.\n\n"
        "Иванов приехал позже.\n"
    )
    texts = _versions(text, "ru")
    assert "вручили Ivanova." in texts["en"] and "Ivanova выступила" in texts["en"]
    assert "Иванов приехал" in texts["en"]
    # Ивановой may be genitive, dative, instrumental or prepositional: a Kazakh case ending, as for a whole name
    assert regex.search(r"вручили Иванова(?:ның|ға|мен|да)\.", texts["kk"])


def test_two_people_of_one_surname_leave_it_to_the_translator() -> None:
    text = "Ерлан Тоқсаба мен Әсем Тоқсаба келді.\n\nТоқсабаның айтуынша, көрме жалғасады.\n"
    assert "Тоқсабаның айтуынша" in _versions(text, "kk")["en"]


# ------------------------------------------------------------------ common words

def test_a_surname_that_is_a_common_word_opening_a_sentence_stays_prose() -> None:
    text = (
        "Director Erlan Young opened the library.\n\n"
        "Young readers came in the morning. The readers thanked Young for the books. The young staff helped.\n"
    )
    ru = _versions(text, "en")["ru"]
    surname = regex.search(r"Director Ерлан (\w+) opened", ru).group(1)
    last = _last_paragraph(ru)
    assert "Young readers came" in last and f"thanked {surname} for" in last and "The young staff" in last


def test_a_given_name_beside_the_surname_makes_it_someone_elses_name() -> None:
    text = "Директор Ерлан Тоқсаба көрмені ашты.\n\nКейін Тоқсаба Айгүл сөз алды.\n"
    assert "Тоқсаба Айгүл" in _versions(text, "kk")["en"] or "Toksaba Aigul" in _versions(text, "kk")["en"]


# ------------------------------------------------------------------ the protector: per post, no harm

def test_a_protector_follows_surnames_only_when_asked_and_only_its_own_post() -> None:
    first, later = "Директор Ерлан Тоқсаба көрмені ашты.", "Тоқсабаның айтуынша, көрме жалғасады."
    plain = Protector(GLOSSARY)
    plain.spans(first, "kk")
    assert plain.spans(later, "kk") == []
    post = Protector(GLOSSARY, later_surnames=True)
    post.spans(first, "kk")
    assert [(a, b, p.kind, p.case) for a, b, p in post.spans(later, "kk")] == [(0, 10, "person", "gen")]
    assert Protector(GLOSSARY, later_surnames=True).spans(later, "kk") == []  # another post named no one


def test_a_block_shielded_twice_gets_the_same_spans() -> None:
    post = Protector(GLOSSARY, later_surnames=True)
    block = "Тоқсаба келді. Директор Ерлан Тоқсаба көрмені ашты. Тоқсаба сөз сөйледі."
    first = [(a, b) for a, b, _ in post.spans(block, "kk")]
    assert first == [(a, b) for a, b, _ in post.spans(block, "kk")] and len(first) == 2


_WORDS = st.sampled_from([
    "Ерлан Тоқсаба", "Тоқсаба", "Тоқсабаның", "тоқсаба", "Анна Иванова", "Иванова", "Ивановой", "Иванов",
    "Erlan Toksaba", "Toksaba", "Toksaba's", "Young", "young", "Директор", "көрме", "ашты", "выставка",
    "2024", "10 наурыз", "https://nlrk.kz", "«Тоқсаба»", "К.А. Бахина", "Бахина", "Бахиной",
])
_BLOCK = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join).map(lambda s: s.replace(" ,", ","))
_POST = st.lists(st.tuples(_BLOCK, st.sampled_from(["kk", "ru", "en"])), min_size=1, max_size=4)


def _plain(span: tuple[int, int, Any]) -> tuple[int, int, str, str]:
    return span[0], span[1], span[2].kind, span[2].text


@settings(max_examples=60, deadline=None)
@given(_POST)
def test_following_surnames_only_adds_surnames_of_people_named_earlier(post: list[tuple[str, str]]) -> None:
    follow, plain = Protector(GLOSSARY, later_surnames=True), Protector(GLOSSARY)
    named = False
    for block, lang in post:
        old = [_plain(s) for s in plain.spans(block, lang)]
        new = [_plain(s) for s in follow.spans(block, lang)]
        added = [s for s in new if s not in old]
        assert [s for s in new if s in old] == old  # every span found before is found the same
        if not named and not any(kind == "person" for _, _, kind, _ in old):
            assert added == []  # no one named yet: exactly as before
        for start, end, kind, text in added:
            assert kind == "person" and " " not in text and text[:1].isupper() and block[start:end] == text
        ends = [0] + [e for _, e, _, _ in new]
        assert all(start >= ends[k] and start < end for k, (start, end, _, _) in enumerate(new))  # never overlapping
        # nothing lost, and the draft's own version is written exactly as without following surnames
        shielded, before = follow.shield([block], lang), plain.shield([block], lang)
        restored = follow.restore(shielded.text, shielded, lang)
        assert restored.lost == [] and restored.text == plain.restore(before.text, before, lang).text
        named = named or any(kind == "person" for _, _, kind, _ in new)


# ------------------------------------------------------------------ translit check

def test_check_reports_a_later_surname_misspelt_in_one_version() -> None:
    texts = {
        "en": "Director Yerlan Toksaba opened the exhibition.\n\nThe exhibition has 300 books.\n\nToxaba said it runs until March 10.\n",
        "kk": "Директор Ерлан Тоқсаба көрмені ашты.\n\nКөрмеде 300 кітап бар.\n\nТоқсабаның айтуынша, көрме 10 наурызға дейін жалғасады.\n",
        "ru": "Директор Ерлан Токсаба открыл выставку.\n\nНа выставке 300 книг.\n\nПо словам Токсабы, выставка продлится до 10 марта.\n",
    }
    found = [(f.version, f.id, f.text, f.fix) for f in check_versions(texts, config=parse_config({})) if f.id.startswith("people.")]
    assert ("en", "people.inconsistent", "Toxaba", "Toksaba") in found
    assert regex.search("Toxaba", texts["en"])


_SEISENBAYEV = {
    "kk": "Директор Ерлан Сейсенбаев көрмені ашты.\n\nКөрмеде 300 кітап бар.\n\nСейсенбаевтың айтуынша, көрме 10 наурызға дейін жалғасады.\n",
    "ru": "Директор Ерлан Сейсенбаев открыл выставку.\n\nНа выставке 300 книг.\n\nПо словам Сейсенбаева, выставка продлится до 10 марта.\n",
}


def _people_findings(texts: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(f.version, f.id, f.text) for f in check_versions(texts, config=parse_config({})) if f.id.startswith("people.")]


def test_check_compares_a_later_surname_alone_across_versions() -> None:
    en = "Director Yerlan Seisenbayev opened the exhibition.\n\nThe exhibition has 300 books.\n\n{} said it runs until March 10.\n"
    assert _people_findings({"en": en.format("Seisenbayev"), **_SEISENBAYEV}) == []
    assert ("en", "people.mismatch", "Seisembayev") in _people_findings({"en": en.format("Seisembayev"), **_SEISENBAYEV})


def test_check_leaves_a_surname_alone_that_no_whole_name_introduced() -> None:
    en = "Director Yerlan Seisenbayev opened the exhibition.\n\nThe exhibition has 300 books.\n\nPetrov said it runs until March 10.\n"
    kk = _SEISENBAYEV["kk"].replace("Сейсенбаевтың", "Петровтың")
    ru = _SEISENBAYEV["ru"].replace("По словам Сейсенбаева", "По словам Петрова")
    assert _people_findings({"en": en, "kk": kk, "ru": ru}) == []
