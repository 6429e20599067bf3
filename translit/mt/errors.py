"""The errors of machine translation, each a :class:`~translit.errors.TranslitError` (one line, exit 2 or 3)."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import TranslitError

INSTALL_HINT = "pip install 'translit[mt]' --extra-index-url https://download.pytorch.org/whl/cpu; see docs/translation.md"


class MTError(TranslitError):
    """Machine translation could not be set up or run."""


class NoRouteError(MTError):
    """No engine, direct or through a pivot language, translates this pair."""

    def __init__(self, src: str, tgt: str, available: Sequence[str] = (), *, reason: str = "") -> None:
        have = ", ".join(available) if available else "none"
        why = f"; {reason}" if reason else ""
        super().__init__(
            f"no machine-translation route {src}→{tgt} (installed: {have}){why}; "
            f"install one with 'translit models install {src} {tgt}' or a .argosmodel file, "
            f"or configure an NLLB model for {src}-{tgt}"
        )
        self.src = src
        self.tgt = tgt


class EngineUnavailableError(MTError):
    """The Python package an engine needs is not installed."""


class ModelError(MTError):
    """A model file or folder is missing or malformed."""


class MTConfigError(MTError):
    """The ``[mt]`` section of the configuration is malformed."""


class DownloadError(MTError):
    """A download the user asked for failed (offline, index unreachable, no such package)."""
