"""A command's parameters written once, as data: typer builds its command from them, and the fast path
(:mod:`.fast`) reads the same table without importing typer.

Only the commands a hook runs on every commit (``romanize``, ``detect``, ``check``)
need both readers; the others declare their options with typer directly.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer


@dataclass(frozen=True)
class Opt:
    """One parameter: the keyword of the command's body it fills, its type and default, and its help.

    ``flags`` are its option strings; a parameter without flags is the command's
    argument. ``low``/``high`` bound a number; ``hidden`` keeps a deprecated
    spelling out of ``--help``.
    """

    name: str
    annotation: Any
    default: Any
    help: str
    flags: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    hidden: bool = False


def add_command(app: typer.Typer, name: str, options: Sequence[Opt], body: Callable[..., Any], summary: str) -> None:
    """Add ``name`` to ``app``: a command whose parameters are ``options``, calling ``body`` with them by keyword."""
    import typer

    def command(**values: Any) -> Any:
        return body(**values)

    parameters = [
        inspect.Parameter(
            option.name,
            inspect.Parameter.KEYWORD_ONLY,
            annotation=option.annotation,
            default=typer.Option(option.default, *option.flags, help=option.help, min=option.low, max=option.high, hidden=option.hidden)
            if option.flags
            else typer.Argument(option.default, help=option.help),
        )
        for option in options
    ]
    # typer reads a command's parameters from its signature and type hints
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {option.name: option.annotation for option in options}
    command.__doc__ = summary
    app.command(name)(command)


ENCODING = Opt("encoding", str, "utf-8", "Input encoding: utf-8, cp1251, kz-1048, ...", ("--encoding",))
