"""Errors an editor can act on, and the exit codes the CLI maps them to.

Every error renders as one line, ``FILE:LINE:COL: message``, so a CMS or a
pre-commit hook can show it verbatim and an editor's tool can jump to it.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_NO_ROUTE = 3
EXIT_INTERNAL = 4  # a bug in translit, never the input's fault


class TranslitError(Exception):
    """Base class: a problem with the user's input, data files or request."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [part for part in (self.path, self.line, self.column) if part is not None]
        if not where:
            return self.message
        return ":".join(str(part) for part in where) + ": " + self.message


class RuleFileError(TranslitError):
    """A rule file (transliteration scheme) is malformed or fails to load."""


class UnknownSchemeError(TranslitError):
    """No built-in scheme has that id and no such rule file exists."""


class NotReversibleError(TranslitError):
    """The scheme loses information, so Latin cannot be turned back without guessing."""


class InputError(TranslitError):
    """An input file cannot be read or decoded, or an output cannot be written."""


class GlossaryError(TranslitError):
    """A glossary file is malformed, or two entries claim the same form."""
