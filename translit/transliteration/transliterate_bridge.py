"""translit's schemes as language packs of the ``transliterate`` package.

Code written against ``transliterate`` keeps working and gets translit's schemes::

    from translit.transliteration.transliterate_bridge import register
    from transliterate import translit

    register()                                                # every built-in scheme
    translit("Жұмакенов Еркебұлан", "kk-news", reversed=True)  # 'Zhumakenov Yerkebulan'
    translit("Obʺedinënnye", "ru-iso9")                        # 'Объединённые'

``transliterate`` calls Latin the source script of a pack and Cyrillic its target,
so Cyrillic → Latin is ``reversed=True``, as with its own ``"ru"`` pack.

A ``transliterate`` pack is a character table plus string replacements, which cannot
express context rules (е → ye after a vowel), ALL-CAPS digraphs (ZHUMAKENOV) or the
Turkic İ/ı. The packs made here therefore keep the table (``mapping``: the scheme's
one-letter pairs, which ``transliterate`` requires and exposes) but route
``translit()`` to translit's engine, so the results are exactly those of
:func:`translit.romanize` and :func:`translit.cyrillize`.
"""

from __future__ import annotations

from typing import Any

from .engine import cyrillize, load_scheme, romanize
from .scheme import builtin_paths

CYRILLIC_RANGES = ((0x0400, 0x04FF), (0x0500, 0x052F))


def _letter_pairs(scheme_id: str) -> tuple[str, str]:
    """The scheme's one-character Latin/Cyrillic pairs, lower and capital, as
    ``transliterate``'s ``mapping`` (source Latin, target Cyrillic)."""
    scheme = load_scheme(scheme_id)
    latin: list[str] = []
    cyrillic: list[str] = []
    for letter, value in scheme.spec.letters.items():
        capital = scheme.romanize(letter.upper())
        for lat, cyr in ((value, letter), (capital, letter.upper())):
            if len(lat) == 1:
                latin.append(lat)
                cyrillic.append(cyr)
    return "".join(latin), "".join(cyrillic)


def make_pack(scheme_id: str) -> type[Any]:
    """A ``transliterate`` language pack class for ``scheme_id`` (an id, an id with
    options such as ``"ru-bgn-pcgn+ascii"``, or a rule-file path)."""
    from transliterate.base import TranslitLanguagePack

    scheme = load_scheme(scheme_id)

    class Pack(TranslitLanguagePack):  # type: ignore[misc]
        language_code = str(scheme_id)
        language_name = scheme.info.title
        character_ranges = CYRILLIC_RANGES
        mapping = _letter_pairs(str(scheme_id))
        # transliterate must not pick these packs when it guesses a language.
        detectable = False

        def translit(self, value: str, reversed: bool = False, strict: bool = False, fail_silently: bool = True) -> str:
            """``reversed=True``: Cyrillic → Latin; otherwise Latin → Cyrillic, which
            raises translit.NotReversibleError for schemes that lose information.
            ``strict`` and ``fail_silently`` are accepted for compatibility; translit
            never drops characters."""
            return romanize(value, scheme) if reversed else cyrillize(value, scheme)

    Pack.__name__ = Pack.__qualname__ = "TranslitPack_" + "".join(
        ch if ch.isalnum() else "_" for ch in str(scheme_id)
    )
    return Pack


def register(scheme_ids: list[str] | None = None, *, force: bool = False) -> list[str]:
    """Register translit's schemes (default: every built-in one) with ``transliterate``.

    Returns the language codes registered. An existing pack with the same code is
    kept unless ``force`` is true. ``transliterate`` loads its own packs only while its
    registry is empty, so they are loaded first: registering ours must not hide "ru".
    """
    from transliterate.base import registry
    from transliterate.discover import autodiscover

    autodiscover()
    registered = []
    for scheme_id in scheme_ids if scheme_ids is not None else list(builtin_paths()):
        if registry.register(make_pack(scheme_id), force=force):
            registered.append(scheme_id)
    return registered
