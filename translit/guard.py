"""One post's work under limits: whatever goes wrong becomes that post's failure, not the run's.

A folder of posts is processed post by post; :func:`failure` turns the
exception one post raised into a line for the summary and the JSON report,
and :func:`time_limit` stops a post that runs past ``[limits] post_seconds``.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError, TranslitError


class LimitError(InputError):
    """An input past a configured limit (``[limits]`` in translit.toml)."""


@contextlib.contextmanager
def time_limit(seconds: float, path: str | Path | None) -> Iterator[None]:
    """Raise :class:`LimitError` in the block once ``seconds`` have passed (0: no limit; main thread only)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise LimitError(f"took longer than {seconds:g} s ([limits] post_seconds in translit.toml)", path=path)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def failure(exc: Exception, path: str | Path | None) -> dict[str, Any]:
    """``{"error": one line, "internal": bool}`` for what one post raised; the line names the post's file."""
    if isinstance(exc, TranslitError):
        if exc.path is None and path is not None:
            exc.path = str(path)
        return {"error": str(exc), "internal": False}
    if isinstance(exc, RecursionError):
        return {"error": str(InputError("nested too deeply to analyse", path=path)), "internal": False}
    if isinstance(exc, OSError):
        return {"error": str(InputError(exc.strerror or str(exc), path=exc.filename or path)), "internal": False}
    where = f"{path}: " if path is not None else ""
    return {"error": f"{where}internal error: {type(exc).__name__}: {exc} (a bug in translit; please report it)", "internal": True}
