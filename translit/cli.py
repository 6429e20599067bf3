"""The ``translit`` command: a thin layer over the library.

Each feature registers its commands from ``translit.commands.<feature>``;
those modules import their heavy machinery inside the command functions,
so ``translit --help`` stays fast. The commonest command lines of
``romanize``, ``detect`` and ``check`` run without typer at all
(:mod:`translit.commands.fast`): typer is imported only for the others.
"""

from __future__ import annotations

import signal
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import EXIT_INTERNAL, EXIT_USAGE, InputError, TranslitError

if TYPE_CHECKING:
    import typer


@lru_cache(maxsize=1)
def build_app() -> "typer.Typer":
    """The typer application with every command, built on first use."""
    import typer

    from .commands import command_modules

    app = typer.Typer(
        name="translit",
        help="Consistent English, Kazakh and Russian versions of a news post.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for module in command_modules():
        module.register(app)
    return app


def __getattr__(name: str) -> Any:
    """``translit.cli.app``, the typer application (for typer's test runner), built when first asked for."""
    if name == "app":
        return build_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so temporary files are removed on the way out."""


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(signum)


# What a shell reports for a program SIGPIPE ended: the reader of standard output went away (``| head``).
EXIT_PIPE_CLOSED = 128 + 13


def _say(kind: str, message: object) -> None:
    from .textio import printable

    if sys.stderr is None:  # closed by the caller (2>&-): the exit status alone tells
        return
    sys.stderr.write(f"translit: {kind}: {printable(message)}\n")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every error becomes one line on stderr: exit 2 for bad input, 4 for a bug."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: the caller owns signals
        return _main(argv)
    try:
        return _main(argv)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str] | None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        if sys.stdout is None:  # closed by the caller (>&-)
            raise InputError("standard output is closed", path="<stdout>")
        from .commands import fast

        result = fast.run(args)
        if result is None:
            result = build_app()(args=args, prog_name="translit", standalone_mode=False)
    except TranslitError as exc:
        _say("error", exc)
        return EXIT_USAGE
    except Terminated:
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_PIPE_CLOSED
    except SystemExit as exc:
        if isinstance(exc.__context__, BrokenPipeError):  # click's own ending of a closed pipe: exit(1), "findings"
            return EXIT_PIPE_CLOSED
        raise
    except RecursionError:
        _say("error", "the input is nested too deeply to analyse")
        return EXIT_USAGE
    except MemoryError:
        _say("error", "out of memory; [limits] max_bytes in translit.toml bounds the input size")
        return EXIT_USAGE
    except OSError as exc:  # standard output on a full disk, a closed terminal
        _say("error", f"{exc.filename + ': ' if exc.filename else ''}{exc.strerror or exc}")
        return EXIT_USAGE
    except Exception as exc:
        handled = _typer_exit(exc)
        if handled is not None:
            return handled
        # a bug: one line naming it, never a traceback that reads like findings
        _say("internal error", f"{type(exc).__name__}: {exc} (a bug in translit; please report it with the input)")
        return EXIT_INTERNAL
    return result if isinstance(result, int) else 0


def _typer_exit(exc: Exception) -> int | None:
    """The exit status of typer's own exceptions (typer is imported only when it ran); None for others."""
    typer = sys.modules.get("typer")
    if typer is None:
        return None
    if isinstance(exc, typer.Exit):
        return int(exc.exit_code)
    if isinstance(exc, typer.Abort):
        sys.stderr.write("translit: aborted\n")
        return 130
    if isinstance(exc, typer.TyperException):  # usage errors: unknown option, bad value
        show = getattr(exc, "show", None)
        if show is None:
            raise exc
        show()
        return int(getattr(exc, "exit_code", EXIT_USAGE))
    return None


if __name__ == "__main__":
    raise SystemExit(main())
