"""The fast path of ``translit romanize``, ``detect`` and ``check``: their command lines read without typer.

A hook runs these once per file or commit, so start-up is most of their time;
typer alone (with pydantic, which it builds a validator for every option with)
costs 0.3–0.4 s of CPU before a command starts. This reads the plain forms of
their command lines: ``--name value``, ``--name=value``, short names, flags,
repeatable options, file arguments in any order. Anything else (``--help``, a
misspelt option, a value of the wrong type, ``-sVALUE``, ``--``) is left to
typer, which reads it and reports errors as usual, so the behaviour is the
same. tests/test_startup.py checks that each table here reads every sample
command line exactly as the typer command does, and names its every option.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any, Callable


@dataclass(frozen=True)
class Param:
    """One option or argument: the keyword it fills, how it reads, its type and default."""

    name: str
    kind: str  # "flag", "value", "multi" (repeatable), "argument" (one, optional), "arguments" (any number)
    convert: Callable[[str], Any] = str
    default: Any = None
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Command:
    """A command the fast path runs: its parameters by option string, and the function to call."""

    runner: str  # "module:function" under translit.commands
    options: dict[str, Param]
    argument: Param
    params: tuple[Param, ...] = field(init=False)

    def __post_init__(self) -> None:
        unique = {id(param): param for param in [*self.options.values(), self.argument]}
        object.__setattr__(self, "params", tuple(unique.values()))


def _flag(name: str) -> Param:
    return Param(name, "flag", default=False)


def _whole(text: str) -> int:
    """A whole number written in digits only (typer's reading of ``1_000`` or `` 2`` is left to it)."""
    if not text.isascii() or not text.isdigit():
        raise ValueError(text)
    return int(text)


def _value(name: str, convert: Callable[[str], Any] = str, default: Any = None, **bounds: int) -> Param:
    return Param(name, "value", convert, default, **bounds)


def _multi(name: str) -> Param:
    return Param(name, "multi", default=[])


def _table(*entries: tuple[tuple[str, ...], Param]) -> dict[str, Param]:
    return {flag: param for flags, param in entries for flag in flags}


_ENCODING = (("--encoding",), _value("encoding", default="utf-8"))
_JSON = (("--json",), _flag("as_json"))

COMMANDS: dict[str, Command] = {
    "romanize": Command(
        "romanize:run_romanize",
        _table(
            (("--scheme", "-s"), _value("scheme", default="auto")),
            (("--reverse", "-r"), _flag("reverse")),
            (("--rules",), _value("rules", Path)),
            (("--option",), _multi("option")),
            (("--output", "-o"), _value("output")),
            (("--force",), _flag("force")),
            _ENCODING,
            _JSON,
        ),
        Param("file", "argument", default="-"),
    ),
    "detect": Command(
        "detect:run_detect",
        _table(_JSON, _ENCODING, (("--level",), _value("level", _whole, 2, low=0, high=2))),
        Param("file", "argument", default="-"),
    ),
    "check": Command(
        "check:run_check",
        _table(
            (("--stdin-json",), _flag("stdin_json")),
            (("--output-format", "-f"), _value("output_format")),
            (("--format",), _value("legacy_format")),
            _JSON,
            (("--baseline",), _value("baseline", Path)),
            (("--write-baseline",), _value("write_baseline", Path)),
            (("--fail-on",), _value("fail_on")),
            (("--fix",), _flag("fix")),
            (("--output-dir", "-o"), _value("output_dir", Path)),
            (("--force",), _flag("force")),
            _ENCODING,
            (("--siblings",), _flag("siblings")),
            (("--jobs", "-j"), _value("jobs", _whole, 1)),
            (("--config",), _value("config_path")),
            (("--disable",), _multi("disable")),
            (("--enable",), _multi("enable")),
            (("--list-checks",), _flag("list_checks")),
            (("--color",), _value("colour", default="auto")),
            (("--tm",), _value("tm")),
        ),
        Param("paths", "arguments"),
    ),
}


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
    command = COMMANDS.get(argv[0]) if argv else None
    if command is None:
        return None
    values = parse(command, argv[1:])
    if values is None or (argv[0] == "romanize" and values["reverse"] and values["scheme"] == "auto" and values["rules"] is None):
        return None  # typer reports the usage error
    module, _, function = command.runner.partition(":")
    result = getattr(import_module(f"{__package__}.{module}"), function)(**values)
    return result if isinstance(result, int) else 0
