"""CLI command modules, one per feature. Each exposes ``register(app)``."""

from __future__ import annotations

from . import check, detect, glossary, models, post, recover, romanize, serve, tm

COMMAND_MODULES = [romanize, detect, glossary, recover, post, models, check, tm, serve]
