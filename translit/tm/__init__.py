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

from typing import TYPE_CHECKING

from .. import lazy_attributes

if TYPE_CHECKING:
    from .matching import DEFAULT_MIN_SCORE, Match, Memory, default_path, open_memory
    from .slots import Abstracted, abstract, make_protector
    from .store import Segment, Store
    from .tmx import read_tmx, tmx_text
    from ..translation.versions import FUZZY_CLOSE, FUZZY_OPEN

_HOMES = {
    **dict.fromkeys(["DEFAULT_MIN_SCORE", "Match", "Memory", "default_path", "open_memory"], ".matching"),
    **dict.fromkeys(["Abstracted", "abstract", "make_protector"], ".slots"),
    **dict.fromkeys(["Segment", "Store"], ".store"),
    **dict.fromkeys(["read_tmx", "tmx_text"], ".tmx"),
    **dict.fromkeys(["FUZZY_OPEN", "FUZZY_CLOSE"], "..translation.versions"),
}
"""Where each name lives: imported on first use, so that ``translit check`` asking whether a memory
exists (:mod:`.matching`) does not import the sentence slots, names and TMX reading too."""


__getattr__ = lazy_attributes(__name__, _HOMES)

__all__ = sorted(_HOMES)


def __dir__() -> list[str]:
    # the lazy names too, which globals() holds only once used (as in translit's own __dir__)
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})
