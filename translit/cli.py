"""The ``translit`` command: a thin layer over the library.

Each feature registers its commands from ``translit.commands.<feature>``;
those modules import their heavy machinery inside the command functions,
so ``translit --help`` stays fast.
"""

from __future__ import annotations

import sys

import typer

from .commands import COMMAND_MODULES
from .errors import EXIT_USAGE, TranslitError

app = typer.Typer(
    name="translit",
    help="Consistent English, Kazakh and Russian versions of a news post.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

for _module in COMMAND_MODULES:
    _module.register(app)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every expected error becomes one line on stderr and exit code 2."""
    try:
        result = app(args=argv, prog_name="translit", standalone_mode=False)
    except TranslitError as exc:
        sys.stderr.write(f"translit: error: {exc}\n")
        return EXIT_USAGE
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        sys.stderr.write("translit: aborted\n")
        return 130
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except typer.TyperException as exc:  # usage errors: unknown option, bad value
        show = getattr(exc, "show", None)
        if show is None:
            raise
        show()
        return int(getattr(exc, "exit_code", EXIT_USAGE))
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    raise SystemExit(main())
