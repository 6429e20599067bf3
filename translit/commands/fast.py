"""The fast path of ``translit romanize``, ``detect`` and ``check``: their command lines read without typer.

A hook runs these once per file or commit, so start-up is most of their time;
typer alone (with pydantic, which it builds a validator for every option with)
costs 0.3–0.4 s of CPU before a command starts. This reads the plain forms of
their command lines: ``--name value``, ``--name=value``, short names, flags,
repeatable options, file arguments in any order. Anything else (``--help``, a
misspelt option, a value of the wrong type, ``-sVALUE``, ``--``) is left to
typer, which reads it and reports errors as usual, so the behaviour is the
same. Both read the command module's ``OPTIONS`` table (:mod:`.options`);
tests/test_startup.py checks that this reading of sample command lines is
typer's, and that what this leaves to typer is what it cannot read the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from types import NoneType
from typing import Any, Callable, Union, get_args, get_origin

from .options import Opt


@dataclass(frozen=True)
class Param:
    """How the fast path reads one :class:`~.options.Opt`."""

    name: str
    kind: str  # "flag", "value", "multi" (repeatable), "argument" (one, optional), "arguments" (any number)
    convert: Callable[[str], Any]
    default: Any
    low: int | None
    high: int | None


def _whole(text: str) -> int:
    """A whole number written in digits only (typer's reading of ``1_000`` or `` 2`` is left to it)."""
    if not text.isascii() or not text.isdigit():
        raise ValueError(text)
    return int(text)


def _param(option: Opt) -> Param:
    kind = option.annotation
    if get_origin(kind) is Union:  # Optional[X]: X, or None when not given
        kind = next(arg for arg in get_args(kind) if arg is not NoneType)
    if kind is bool:
        return Param(option.name, "flag", bool, False, None, None)
    if get_origin(kind) is list:
        return Param(option.name, "multi" if option.flags else "arguments", str, option.default, None, None)
    convert = _whole if kind is int else kind
    return Param(option.name, "value" if option.flags else "argument", convert, option.default, option.low, option.high)


@dataclass(frozen=True)
class Command:
    """A command the fast path runs: its parameters by option string, its argument, and its body."""

    body: Callable[..., Any]
    options: dict[str, Param]
    argument: Param
    params: tuple[Param, ...]

    @classmethod
    def of(cls, body: Callable[..., Any], table: tuple[Opt, ...]) -> Command:
        params = tuple(_param(option) for option in table)
        options = {flag: param for option, param in zip(table, params) for flag in option.flags}
        argument = next(param for option, param in zip(table, params) if not option.flags)
        return cls(body, options, argument, params)


RUNNERS = {"romanize": "run_romanize", "detect": "run_detect", "check": "run_check"}
"""The commands the fast path runs, and the typer-free body of each in its command module."""


def command(name: str) -> Command | None:
    """The fast path's reading of command ``name`` (its module's ``OPTIONS``); None for a command it leaves to typer."""
    if name not in RUNNERS:
        return None
    module = import_module(f"{__package__}.{name}")
    return Command.of(getattr(module, RUNNERS[name]), module.OPTIONS)


def parse(command: Command, args: list[str]) -> dict[str, Any] | None:
    """The keyword arguments ``args`` give, as typer would; None for anything this does not read."""
    values: dict[str, Any] = {}
    positional: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "-" or not arg.startswith("-"):
            positional.append(arg)
            continue
        flag, equals, inline = arg.partition("=")
        param = command.options.get(flag)
        if param is None or (equals and (param.kind == "flag" or not flag.startswith("--"))):
            return None
        if param.kind == "flag":
            if param.name in values:
                return None
            values[param.name] = True
            continue
        if not equals:
            if index >= len(args) or (args[index].startswith("-") and args[index] != "-"):
                return None  # a missing value, or one typer might read as an option: typer decides
            inline = args[index]
            index += 1
        try:
            value = param.convert(inline)
        except ValueError:
            return None
        if (param.low is not None and value < param.low) or (param.high is not None and value > param.high):
            return None
        if param.kind == "multi":
            values.setdefault(param.name, []).append(value)
        elif param.name in values:
            return None
        else:
            values[param.name] = value
    argument = command.argument
    if argument.kind == "argument":
        if len(positional) > 1:
            return None
        values[argument.name] = positional[0] if positional else argument.default
    else:
        values[argument.name] = positional or ()  # as typer reads no arguments
    for param in command.params:
        values.setdefault(param.name, list(param.default) if param.kind == "multi" else param.default)
    return values


def run(argv: list[str]) -> int | None:
    """Run ``argv`` when the fast path reads it: the exit status; None to leave it to typer."""
    fast = command(argv[0]) if argv else None
    if fast is None:
        return None
    values = parse(fast, argv[1:])
    if values is None or (argv[0] == "romanize" and values["reverse"] and values["scheme"] == "auto" and values["rules"] is None):
        return None  # typer reports the usage error
    result = fast.body(**values)
    return result if isinstance(result, int) else 0
