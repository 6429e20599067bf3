"""CLI command modules, one per feature. Each exposes ``register(app)``."""

from __future__ import annotations

from . import check, detect, glossary, models, post, recover, romanize, tm

COMMAND_MODULES = [romanize, detect, glossary, recover, post, models, check, tm]
