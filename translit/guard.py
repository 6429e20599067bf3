"""One post's work under limits: whatever goes wrong becomes that post's failure, not the run's.

A folder of posts is processed post by post; :func:`failure` turns the
exception one post raised into a line for the summary and the JSON report,
and :func:`run_limited` stops a post that runs past ``[limits] post_seconds``.
"""

from __future__ import annotations

import os
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import InputError, TranslitError

Result = dict[str, Any]


class LimitError(InputError):
    """An input past a configured limit (``[limits]`` in translit.toml)."""


def failure(exc: Exception, path: str | Path | None) -> Result:
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


def map_in_processes(work: Callable[[Any], Result], tasks: list[Any], workers: int, context: Any, chunksize: int) -> list[Result]:
    """``pool.map(work, tasks)`` in worker processes, stopped for real when this process is.

    On SIGTERM or Ctrl-C the queued posts are dropped and the running
    workers are sent SIGTERM (each removes its temporary files and ends
    without a traceback), instead of the pool finishing every queued post
    before the run can end.
    """
    import multiprocessing

    pool = (context or multiprocessing.get_context()).Pool(workers, initializer=_worker_signals)
    try:
        results = pool.map(work, tasks, chunksize=chunksize)
    except BaseException:
        pool.terminate()
        raise
    pool.close()
    pool.join()
    return results


def _worker_signals() -> None:  # pragma: no cover - runs in a worker
    # Ctrl-C reaches the whole process group, but only the parent acts on it: it stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker)


def _stop_worker(signum: int, _frame: object) -> None:  # pragma: no cover - runs in a worker
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM (the group's, then the parent's) must not cut the cleanup short
    raise SystemExit(128 + signum)  # unwinds the post (its temporary files go) and ends the worker quietly


def _guarded(work: Callable[[], Result], path: str | Path | None) -> Result:
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - becomes this post's failure
        return failure(exc, path)


def run_limited(seconds: float, path: str | Path | None, work: Callable[[], Result]) -> Result:
    """``work()``, or its failure; past ``seconds`` (0: no limit) a :class:`LimitError` failure.

    With a limit the work runs in a forked child that is killed when time is
    up. An exception raised into the middle of the work instead (an alarm)
    could interrupt a cache being filled and leave the next posts checked
    against half a glossary; a killed child leaves nothing behind.
    """
    if seconds <= 0 or not hasattr(os, "fork"):
        return _guarded(work, path)
    import pickle  # here: only a limited check needs it

    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; coverage does not follow a fork
        try:
            os.close(reader)
            data = pickle.dumps(_guarded(work, path))
            with os.fdopen(writer, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(writer)
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    finished = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([reader], [], [], left)[0]:
                return failure(LimitError(f"took longer than {seconds:g} s ([limits] post_seconds in translit.toml)"), path)
            chunk = os.read(reader, 1 << 20)
            if not chunk:
                finished = True
                break
            chunks.append(chunk)
    finally:  # past the limit, or this process is being stopped: the child goes too
        os.close(reader)
        if not finished:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if not chunks:
        return failure(RuntimeError("the process checking this post ended without a result"), path)
    result: Result = pickle.loads(b"".join(chunks))
    return result
