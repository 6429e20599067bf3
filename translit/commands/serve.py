"""``translit serve``: the review page and the JSON API on this machine (the ``serve`` extra)."""

from __future__ import annotations

import os
import sys
from typing import Optional

import typer

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to ``app``."""

    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Only this machine by default; another address lets other machines in (there is no login)."),
        port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="Port to listen on (0: any free port)."),
        workers: int = typer.Option(0, "--workers", "-w", min=0, help="Worker processes, each checking one post at a time (0: one per CPU this process may use)."),
        time_limit: Optional[float] = typer.Option(None, "--time-limit", min=0.1, help="Seconds a request may take (default: [limits] post_seconds, else 60)."),
        max_bytes: Optional[int] = typer.Option(None, "--max-bytes", min=1, help="Largest request body in bytes (default: [limits] max_bytes, 8 MiB)."),
        config_path: Optional[str] = typer.Option(None, "--config", help="Use this translit.toml instead of searching upward from the current folder."),
    ) -> None:
        """Serve the editors' review page (en | kk | ru side by side, findings in place) and a JSON API.

        Loads the glossaries, lexicon, detector and translation models once, then
        answers until stopped with Ctrl-C. The API is described at /api/openapi.json.
        """
        from ..config import find_config, load_config
        from ..errors import TranslitError

        try:
            import uvicorn

            from ..serve.app import DEFAULT_SECONDS, Settings, create_app
        except ImportError as exc:
            raise TranslitError(f'translit serve needs the serve extra ({exc.name} is missing): pip install "translit[serve]"') from None
        found = config_path or (str(find_config()) if find_config() is not None else None)
        config = load_config(path=found) if found else None
        sock = _bind(host, port)
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{sock.getsockname()[1]}/"

        def announce() -> None:
            sys.stderr.write(f"translit: serving the review page at {url} (API: {url}api/, Ctrl-C stops it)\n")
            if host not in LOOPBACK:
                sys.stderr.write(f"translit: warning: listening on {host}: other machines can reach this service, and it has no login\n")
            sys.stderr.flush()

        settings = Settings(
            config_path=found,
            workers=workers or _cpus(),
            max_bytes=max_bytes or (config.max_bytes if config else Settings.max_bytes),
            seconds=time_limit or (config.post_seconds if config and config.post_seconds else DEFAULT_SECONDS),
            allowed_hosts=("127.0.0.1", "localhost", "[::1]") if host in LOOPBACK else None,
            announce=announce,
        )
        sys.stderr.write(f"translit: loading glossaries, lexicon, detector and models into {settings.workers} workers…\n")
        sys.stderr.flush()
        server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", access_log=False))
        server.run(sockets=[sock])


def _cpus() -> int:
    """The CPUs this process may run on (a container's or taskset's share), else all of them."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _bind(host: str, port: int):  # type: ignore[no-untyped-def]
    """A listening socket, bound before the workers start, so a busy port is said at once (and port 0 works)."""
    import socket

    from ..errors import TranslitError

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # IPPROTO_TCP named, not 0: asyncio sets TCP_NODELAY only on such sockets, and without it the
        # response body waits behind its headers for the client's delayed ACK (40 ms a request).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except (OSError, UnicodeError) as exc:
        raise TranslitError(f"cannot listen on {host}:{port}: {getattr(exc, 'strerror', None) or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock
