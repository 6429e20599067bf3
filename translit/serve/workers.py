"""Worker processes for ``translit serve``: the CPU work off the event loop, each request under a time limit.

A :class:`Pool` keeps N worker processes, each running one job at a time, so
requests use every core and share no mutable state. A request past the time
limit gets an error and its worker is killed and replaced: a process can be
stopped in the middle of anything, a thread cannot.

Why not fork a child per request (``translit.guard.run_limited``): the child
would throw away what it loaded, and translation engines keep threads that a
fork does not copy. Workers are started from a warm template process
(``forkserver`` with :mod:`translit.serve.warm` preloaded, where available),
so a new worker starts in milliseconds with the glossaries, lexicon and
detector already in memory, then loads the site's configuration and
translation models once.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import signal
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..guard import LimitError

Result = dict[str, Any]


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["translit.serve.warm"])
        return context
    return multiprocessing.get_context("spawn")


def _worker_main(connection: Any, config_path: str | None) -> None:  # pragma: no cover - runs in the worker
    from . import jobs

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops its workers
    try:
        ready = {"result": jobs.init(config_path)}
        # What is loaded now lives as long as the worker: the collector's full passes need not walk it again.
        gc.freeze()
        connection.send(ready)
    except Exception as exc:  # noqa: BLE001 - reported by the server as a start-up failure
        from ..guard import failure

        connection.send(failure(exc, config_path))
        return
    while True:
        try:
            name, arguments = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(jobs.run(name, arguments))


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context: Any, config_path: str | None) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, config_path), daemon=True, name="translit-serve-worker")
        self.process.start()
        child.close()
        self.info: Result = self.connection.recv()

    def call(self, name: str, arguments: dict[str, Any], seconds: float) -> Result:
        """Run a job and wait for it; TimeoutError past ``seconds``, EOFError if the process died."""
        self.connection.send((name, arguments))
        if not self.connection.poll(seconds):
            raise TimeoutError
        result: Result = self.connection.recv()
        return result

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


class Pool:
    """N workers; :meth:`run` waits for a free one, runs a job in it and returns its result."""

    def __init__(self, size: int, config_path: str | None, seconds: float) -> None:
        self.size = size
        self.config_path = config_path
        self.seconds = seconds
        self.routes: list[str] = []
        self._context = _context()
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="translit-serve")
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._all: set[Worker] = set()

    def _new_worker(self) -> Worker:
        worker = Worker(self._context, self.config_path)
        if "error" in worker.info:
            worker.stop()
            from ..errors import TranslitError

            raise TranslitError(worker.info["error"])
        self._all.add(worker)
        return worker

    async def start(self) -> None:
        """Start the workers (each loads the configuration and models) and wait until all are ready."""
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(*(loop.run_in_executor(self._threads, self._new_worker) for _ in range(self.size)))
        self.routes = workers[0].info["result"]["routes"]
        for worker in workers:
            self._idle.put_nowait(worker)

    async def run(self, name: str, arguments: dict[str, Any]) -> Result:
        """The job's ``{"result": ...}`` or ``{"error": ..., "internal": ...}``; LimitError past the time limit."""
        loop = asyncio.get_running_loop()
        worker = await self._idle.get()
        future = loop.run_in_executor(self._threads, worker.call, name, arguments, self.seconds)
        # The worker goes back to the queue only when its job is over, even if this request is cancelled.
        future.add_done_callback(lambda done: self._release(worker, done))
        try:
            return await asyncio.shield(future)
        except TimeoutError:
            raise LimitError(f"took longer than {self.seconds:g} s (translit serve --time-limit)") from None
        except (EOFError, OSError) as exc:
            return {"error": f"internal error: the worker process ended ({type(exc).__name__}) (a bug in translit; please report it)", "internal": True}

    def _release(self, worker: Worker, done: Any) -> None:
        if done.exception() is None:
            self._idle.put_nowait(worker)
            return
        # A timed-out or dead worker is replaced; the new one joins the queue when it is ready.
        self._all.discard(worker)
        worker.stop()
        replacement = asyncio.get_running_loop().run_in_executor(self._threads, self._new_worker)
        replacement.add_done_callback(lambda made: self._idle.put_nowait(made.result()) if made.exception() is None else None)

    async def close(self) -> None:
        for worker in list(self._all):
            worker.stop()
        self._all.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)
