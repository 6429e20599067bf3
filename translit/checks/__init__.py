"""The check families behind ``translit check``, one module per family.

Each family module exposes ``CHECKS`` (the :class:`~translit.checks.base.CheckSpec`
of every id it can report) and ``run(post: Post, out: Emitter) -> None``.
Pair checks look at ``post.versions`` together; single-version checks loop
over them. :mod:`translit.checks.check` runs them in the order of :data:`FAMILIES`.
"""

from __future__ import annotations

from . import contacts, dates, glossary, language, memory, numbers, people, script, structure, translitcheck, typography

FAMILIES = (structure, language, numbers, dates, contacts, glossary, people, translitcheck, typography, script, memory)
