"""translit: consistent English, Kazakh and Russian versions of a news post.

The pipeline, one module per step::

    textio     read a draft (any encoding), write results atomically
    document   split a post into blocks (text, Markdown, HTML) keeping its structure
    segment    blocks -> sentences -> inline spans, with offsets
    detection  language and script of each span (kk, ru, en, Latin-script kk/ru, ...)
    glossary   institutions, places and people: find every form, give the official one
    protect    shield names, terms, numbers, dates and links from the engine
    engine     transliterate by rule files (rules/*.toml)
    recovery   Latin-typed Kazakh back to Cyrillic, and re-rendered in one scheme
    mt         offline machine translation (argostranslate, CTranslate2 NLLB)
    versions   the en/kk/ru versions of a post
    check      consistency checks across versions before publication

Names are imported lazily so that ``import translit`` stays cheap.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    # transliteration
    "romanize": ".transliteration.engine",
    "cyrillize": ".transliteration.engine",
    "cyrillize_report": ".transliteration.engine",
    "romanize_auto": ".transliteration.engine",
    "schemes": ".transliteration.scheme",
    "load_scheme": ".transliteration.engine",
    "Scheme": ".transliteration.engine",
    "SchemeInfo": ".transliteration.scheme",
    # detection and segmentation
    "detect": ".language.detection",
    "Detection": ".language.detection",
    "segments": ".language.segment",
    "Segment": ".language.segment",
    # glossary
    "Glossary": ".names.glossary",
    "Mention": ".names.glossary",
    # recovery of Latin-typed Kazakh
    "recover": ".recovery",
    "rerender": ".translation.rerendering",
    "Recovery": ".recovery",
    # versions of a post
    "make_versions": ".translation.versions",
    "Versions": ".translation.versions",
    # checks
    "check_versions": ".checks.check",
    "fix_versions": ".checks.check",
    "Finding": ".checks.check",
    "align_blocks": ".checks.align",
    "AlignedRow": ".checks.align",
    # errors
    "TranslitError": ".errors",
    "RuleFileError": ".errors",
    "UnknownSchemeError": ".errors",
    "NotReversibleError": ".errors",
    "InputError": ".errors",
    "GlossaryError": ".errors",
}

__all__ = sorted(_EXPORTS)


def lazy_attributes(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports each name of ``homes`` (name -> module,
    relative to the package) when first asked for, and keeps it: importing the package stays cheap."""
    module = sys.modules[package]

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home, package), name)
        setattr(module, name, value)
        return value

    return __getattr__


__getattr__ = lazy_attributes(__name__, _EXPORTS)


def __dir__() -> list[str]:
    # the public API and the module's own dunders: not the typing names this file imports for itself
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    # `X as X` marks a re-export: without it `mypy --strict` and pyright hide every name from users.
    from .checks.check import Finding as Finding, check_versions as check_versions, fix_versions as fix_versions
    from .checks.align import AlignedRow as AlignedRow, align_blocks as align_blocks
    from .language.detection import Detection as Detection, detect as detect
    from .transliteration.engine import (
        Scheme as Scheme,
        cyrillize as cyrillize,
        cyrillize_report as cyrillize_report,
        load_scheme as load_scheme,
        romanize as romanize,
        romanize_auto as romanize_auto,
    )
    from .errors import (
        GlossaryError as GlossaryError,
        InputError as InputError,
        NotReversibleError as NotReversibleError,
        RuleFileError as RuleFileError,
        TranslitError as TranslitError,
        UnknownSchemeError as UnknownSchemeError,
    )
    from .names.glossary import Glossary as Glossary, Mention as Mention
    from .recovery import Recovery as Recovery, recover as recover
    from .translation.rerendering import rerender as rerender
    from .transliteration.scheme import SchemeInfo as SchemeInfo, schemes as schemes
    from .language.segment import Segment as Segment, segments as segments
    from .translation.versions import Versions as Versions, make_versions as make_versions
