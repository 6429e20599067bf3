"""translit's schemes through the ``transliterate`` package's own API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

transliterate = pytest.importorskip("transliterate")

from translit.errors import NotReversibleError  # noqa: E402
from translit.transliteration.transliterate_bridge import register  # noqa: E402


@pytest.fixture()
def registered() -> Iterator[list[str]]:
    from transliterate.base import registry

    codes = register()
    yield codes
    for code in codes:
        registry.unregister(registry.get(code))


def test_every_scheme_becomes_a_language_code_and_ru_stays(registered: list[str]) -> None:
    codes = transliterate.get_available_language_codes()
    assert "kk-news" in registered and "ru-iso9" in registered and len(registered) == 14
    assert set(registered) <= set(codes)
    # registering first must not hide transliterate's own packs (it loads them only into an empty registry)
    assert "ru" in codes
    assert transliterate.translit("Дружные ребята", "ru", reversed=True) == "Druzhnye rebjata"


def test_romanizing_through_transliterate_keeps_context_rules_and_case(registered: list[str]) -> None:
    translit = transliterate.translit
    assert translit("Жұмакенов Еркебұлан Қайроллаұлы", "kk-news", reversed=True) == "Zhumakenov Yerkebulan Kayrollauly"
    assert translit("ЖҰМАКЕНОВ", "kk-news", reversed=True) == "ZHUMAKENOV"
    assert translit("Ольга Алексеевна, «Дружные ребята»", "ru-news", reversed=True) == "Olga Alekseyevna, «Druzhnye rebyata»"
    assert translit("Иран, Іле", "kk-latin-2021", reversed=True) == "İran, Ile"
    assert transliterate.slugify("Отбасылық оқу – тәрбие көзі", "kk-news") == "otbasylyk-oku-tarbiye-kozi"


def test_latin_to_cyrillic_only_for_reversible_schemes(registered: list[str]) -> None:
    assert transliterate.translit("Obʺedinënnye Gumilëva", "ru-iso9") == "Объединённые Гумилёва"
    assert transliterate.translit("Qarağandy", "kk-latin-2021") == "Қарағанды"
    with pytest.raises(NotReversibleError):
        transliterate.translit("Zhumakenov", "kk-news")


def test_packs_expose_the_letter_table_and_stay_out_of_language_guessing(registered: list[str]) -> None:
    from transliterate.base import registry

    pack = registry.get("ru-iso9")
    latin, cyrillic = pack.mapping
    assert dict(zip(cyrillic, latin))["ж"] == "ž" and dict(zip(cyrillic, latin))["Щ"] == "Ŝ"
    assert not pack.detectable
    assert transliterate.detect_language("Привет, мир") == "ru"
