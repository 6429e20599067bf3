"""Translation memory: the newsroom's own translations, reused sentence by sentence.

``translit tm import`` reads published versions (and TMX files), aligns them
sentence by sentence and stores each pair with its names, dates and numbers as
typed slots (:mod:`.slots`); :func:`translit.make_versions` then fills every
sentence it can from the memory before any engine (exact, then fuzzy and marked
for review), and ``translit check`` reports a sentence translated otherwise than
the memory says. Storage is SQLite (:mod:`.sqlite`, the default) or PostgreSQL
(:mod:`.postgres`, for a newsroom sharing one memory).

>>> from translit.tm import open_memory            # doctest: +SKIP
>>> memory = open_memory(path="memory.sqlite")     # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..versions import FUZZY_CLOSE, FUZZY_OPEN
    from .importer import ImportReport, aligned_sentences, import_paths, make_protector
    from .matching import DEFAULT_MIN_SCORE, Match, Memory, default_path, open_memory
    from .slots import Abstracted, abstract
    from .store import Segment, Store
    from .tmx import read_tmx, tmx_text

_HOMES = {
    "FUZZY_CLOSE": "..versions", "FUZZY_OPEN": "..versions",
    "ImportReport": ".importer", "aligned_sentences": ".importer", "import_paths": ".importer", "make_protector": ".importer",
    "DEFAULT_MIN_SCORE": ".matching", "Match": ".matching", "Memory": ".matching", "default_path": ".matching",
    "open_memory": ".matching",
    "Abstracted": ".slots", "abstract": ".slots",
    "Segment": ".store", "Store": ".store",
    "read_tmx": ".tmx", "tmx_text": ".tmx",
}
"""Where each public name lives: a module is imported when one of its names is first asked for, so
``translit check`` with no memory configured never loads the importer (and its name protector)."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Abstracted",
    "DEFAULT_MIN_SCORE",
    "FUZZY_OPEN",
    "FUZZY_CLOSE",
    "ImportReport",
    "Match",
    "Memory",
    "Segment",
    "Store",
    "abstract",
    "aligned_sentences",
    "default_path",
    "import_paths",
    "make_protector",
    "open_memory",
    "read_tmx",
    "tmx_text",
]
