"""The ``translit serve`` application: the review page at ``/`` and the JSON API under ``/api``.

Every request body is JSON, read up to a size limit; its fields are checked
here, before a worker is taken, and the work runs in a worker process under a
time limit (:mod:`translit.serve.workers`). Whatever goes wrong becomes one
line, ``{"error": "..."}``, the line the CLI prints for the same input: a 4xx
for the request's fault, 500 for a bug; never a stack trace.
"""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..checks.check import CHECKS, LANGS, SEVERITY_RANK
from ..errors import InputError, TranslitError
from ..guard import LimitError
from ..textio import DEFAULT_MAX_BYTES, check_text
from .review import asset
from .workers import Pool

FORMATS = ("auto", "text", "markdown", "html")
DEFAULT_SECONDS = 60.0


@dataclass(frozen=True)
class Settings:
    """How the service runs: the site's translit.toml, workers, limits, and the host names it answers to."""

    config_path: str | None = None
    workers: int = 2
    max_bytes: int = DEFAULT_MAX_BYTES
    seconds: float = DEFAULT_SECONDS
    allowed_hosts: tuple[str, ...] | None = None
    announce: Callable[[], None] | None = None


class RequestError(TranslitError):
    """A request the service refuses, with the HTTP status that says why."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message, path="<request>")
        self.status = status


async def _read_json(request: Request, max_bytes: int) -> dict[str, Any]:
    """The request's JSON object, read no further than ``max_bytes``."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise RequestError("send the request body as JSON (Content-Type: application/json)", 415)
    too_big = RequestError(f"the request is larger than {max_bytes} bytes ([limits] max_bytes, or translit serve --max-bytes)", 413)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise too_big
        chunks.append(chunk)
    try:
        data = json.loads(b"".join(chunks).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RequestError(f"not UTF-8 (byte {exc.start + 1})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", path="<request>", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise RequestError("JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise RequestError("expected a JSON object")
    return data


def _text(data: dict[str, Any], key: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise RequestError(f'"{key}": expected a string')
    return check_text(value, f"<request:{key}>")


def _option(data: dict[str, Any], key: str, choices: tuple[str, ...], default: str | None) -> str | None:
    value = data.get(key, default)
    if value is not None and value not in choices:
        raise RequestError(f'"{key}": expected one of {", ".join(choices)}, not {value!r}')
    return value


def _by_language(data: dict[str, Any], key: str, required: bool = False) -> dict[str, str]:
    value = data.get(key, {} if not required else None)
    if not isinstance(value, dict) or not all(isinstance(text, str) for text in value.values()) or (required and not value):
        raise RequestError(f'"{key}": expected an object such as {{"en": "...", "kk": "...", "ru": "..."}}')
    unknown = [lang for lang in value if lang not in LANGS]
    if unknown:
        raise RequestError(f'"{key}": unknown language {unknown[0]!r}; expected en, kk or ru')
    return {lang: check_text(text, f"<request:{key}.{lang}>") for lang, text in value.items()}


def _check_ids(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise RequestError(f'"{key}": expected a list of check ids')
    unknown = [name for name in value if name not in CHECKS and not any(check_id.startswith(name + ".") for check_id in CHECKS)]
    if unknown:
        raise RequestError(f'"{key}": no check or family {unknown[0]!r} (see translit check --list-checks)')
    return value


def _versions_request(data: dict[str, Any]) -> dict[str, Any]:
    """The arguments shared by check, review and fix."""
    formats = _by_language(data, "formats")
    wrong = [fmt for fmt in formats.values() if fmt not in FORMATS]
    if wrong:
        raise RequestError(f'"formats": expected {", ".join(FORMATS)} for each language, not {wrong[0]!r}')
    return {
        "name": _text(data, "name", "") or None,
        "versions": _by_language(data, "versions", required=True),
        "paths": _by_language(data, "paths"),
        "formats": formats,
        "disable": _check_ids(data, "disable"),
        "enable": _check_ids(data, "enable"),
        "fail_on": _option(data, "fail_on", tuple(SEVERITY_RANK), None),
    }


def _fix_request(data: dict[str, Any]) -> dict[str, Any]:
    arguments = _versions_request(data)
    select = data.get("select", [])
    shape = {"version": str, "offset": int, "length": int, "id": str}
    if not isinstance(select, list) or not all(
        isinstance(item, dict) and all(isinstance(item.get(key), kind) and not isinstance(item.get(key), bool) for key, kind in shape.items())
        for item in select
    ):
        raise RequestError('"select": expected a list of findings as {"version": "en", "offset": 10, "length": 4, "id": "..."}')
    arguments["select"] = [{key: item[key] for key in shape} for item in select]
    arguments["ids"] = _check_ids(data, "ids")
    if not arguments["select"] and not arguments["ids"]:
        raise RequestError('name the fixes to apply: "select" (findings) or "ids" (every fixable finding of these checks)')
    return arguments


def _post_request(data: dict[str, Any]) -> dict[str, Any]:
    targets = data.get("to", list(LANGS))
    if not isinstance(targets, list) or not targets or not all(lang in LANGS for lang in targets):
        raise RequestError('"to": expected a list of languages from en, kk, ru')
    return {"draft": _text(data, "draft"), "source": _option(data, "from", LANGS, None), "targets": targets, "fmt": _option(data, "format", FORMATS, "auto")}


def _romanize_request(data: dict[str, Any]) -> dict[str, Any]:
    options = data.get("options", [])
    if not isinstance(options, list) or not all(isinstance(option, str) for option in options):
        raise RequestError('"options": expected a list of scheme options, e.g. ["ascii"]')
    if not isinstance(data.get("reverse", False), bool):
        raise RequestError('"reverse": expected true or false')
    return {"text": _text(data, "text"), "scheme": _text(data, "scheme", "auto"), "reverse": data.get("reverse", False), "options": options}


def _detect_request(data: dict[str, Any]) -> dict[str, Any]:
    level = data.get("level", 2)
    if level not in (0, 1, 2) or isinstance(level, bool):
        raise RequestError('"level": expected 0 (blocks), 1 (sentences) or 2 (quotes and foreign-script runs)')
    return {"text": _text(data, "text"), "level": level}


def _recover_request(data: dict[str, Any]) -> dict[str, Any]:
    style = data.get("style")
    if style is not None and not isinstance(style, str):
        raise RequestError('"style": expected a string such as "kk-news"')
    return {"text": _text(data, "text"), "style": style}


JOB_REQUESTS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "check": _versions_request,
    "review": _versions_request,
    "fix": _fix_request,
    "post": _post_request,
    "romanize": _romanize_request,
    "detect": _detect_request,
    "recover": _recover_request,
}


class _ThisMachineOnly:
    """Refuses requests addressed to another host name, so a web page cannot reach the service by
    pointing a name it controls at 127.0.0.1 (DNS rebinding)."""

    def __init__(self, app: Any, hosts: tuple[str, ...]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.hosts:
                answer = _error(f"<request>: this service answers to {', '.join(self.hosts)}, not {name!r} (translit serve --host)", 421)
                await answer(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _job_route(name: str) -> Callable[[Request], Awaitable[Response]]:
    parse = JOB_REQUESTS[name]

    async def endpoint(request: Request) -> Response:
        settings: Settings = request.app.state.settings
        try:
            arguments = parse(await _read_json(request, settings.max_bytes))
            outcome = await request.app.state.pool.run(name, arguments)
        except RequestError as exc:
            return _error(str(exc), exc.status)
        except LimitError as exc:
            return _error(str(exc), 422)
        except TranslitError as exc:
            return _error(str(exc), 400)
        except Exception as exc:  # noqa: BLE001 - a bug: one line to the client and to the log
            return await _bug(request, exc)
        if "error" in outcome:
            if outcome.get("internal"):
                sys.stderr.write(f"translit serve: {outcome['error']}\n")
            return _error(outcome["error"], 500 if outcome.get("internal") else 400)
        # what the work itself took, apart from waiting for a worker (shown by browsers' developer tools)
        timing = f"work;dur={outcome['seconds'] * 1000:.1f}, cpu;dur={outcome['cpu_seconds'] * 1000:.1f}"
        return JSONResponse(outcome["result"], headers={"Server-Timing": timing})

    return endpoint


async def _page(request: Request) -> Response:
    return HTMLResponse(asset("index.html"))


async def _health(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    from ..report import _version

    return JSONResponse(
        {
            "status": "ok",
            "version": _version(),
            "workers": settings.workers,
            "translation_routes": request.app.state.pool.routes,
            "config": settings.config_path,
            "limits": {"max_bytes": settings.max_bytes, "seconds": settings.seconds},
        }
    )


async def _openapi(request: Request) -> Response:
    return JSONResponse(openapi())


def openapi() -> dict[str, Any]:
    """The OpenAPI 3.1 description of the API (``translit/serve/openapi.json``)."""
    return json.loads((resources.files(__package__) / "openapi.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    message = {404: f"no such page or route: {request.url.path}", 405: f"{request.method} is not allowed on {request.url.path}"}
    return _error(message.get(status, str(getattr(exc, "detail", "")) or "bad request"), status)


async def _bug(request: Request, exc: Exception) -> Response:
    line = f"internal error: {type(exc).__name__}: {exc} (a bug in translit; please report it)"
    sys.stderr.write(f"translit serve: {line}\n")
    return _error(line, 500)


def create_app(settings: Settings | None = None) -> Starlette:
    """The application; its worker processes start with it (ASGI lifespan) and stop with it."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool = Pool(settings.workers, settings.config_path, settings.seconds)
        app.state.pool = pool
        try:
            await pool.start()
            if settings.announce is not None:
                settings.announce()
            yield
        finally:
            await pool.close()

    routes = [
        Route("/", _page, methods=["GET"]),
        Route("/api/health", _health, methods=["GET"]),
        Route("/api/openapi.json", _openapi, methods=["GET"]),
        *(Route(f"/api/{name}", _job_route(name), methods=["POST"]) for name in JOB_REQUESTS),
        Mount("/static", StaticFiles(directory=str(resources.files(__package__) / "static")), name="static"),
    ]
    middleware = [Middleware(_ThisMachineOnly, hosts=settings.allowed_hosts)] if settings.allowed_hosts else []
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan, exception_handlers={HTTPException: _http_error, Exception: _bug})
    app.state.settings = settings
    return app
