"""The JSON API of ``translit serve``, through Starlette's test client and real worker processes."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from cli_run import run, stdin  # noqa: E402
from serve_support import DOUBLE_SPACE, SEED, faulty_post, gate_post, served  # noqa: E402
from translit.serve import app as service  # noqa: E402
from translit.serve.app import Settings, create_app  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings(workers=2))) as test_client:
        yield test_client


def _stdin_paths(versions: dict[str, str]) -> dict[str, str]:
    return {lang: f"<stdin:{lang}>" for lang in versions}


def test_health_says_up_with_its_limits(client):
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["workers"] == 2
    assert health["limits"] == {"max_bytes": 8 * 1024 * 1024, "seconds": 60.0}
    assert health["translation_routes"] == []  # no model installed in the test environment


def test_check_is_the_document_check_prints(client, capsys, monkeypatch):
    versions = faulty_post()
    stdin(monkeypatch, json.dumps(versions).encode())
    code, out, _ = run(capsys, "check", "--stdin-json", "--output-format", "json")
    served = client.post("/api/check", json={"name": "stdin", "versions": versions, "paths": _stdin_paths(versions)})
    assert served.status_code == 200
    assert served.json() == json.loads(out)
    assert served.json()["exit_code"] == code == 1
    assert "work;dur=" in served.headers["server-timing"] and "cpu;dur=" in served.headers["server-timing"]
    ids = sorted(f["id"] for f in served.json()["posts"][0]["findings"])
    assert ids == ["glossary.discouraged", "typography.double-space"]


def test_check_takes_disable_and_fail_on_like_the_cli(client):
    versions = faulty_post()
    found = client.post("/api/check", json={"versions": versions, "disable": ["glossary"], "fail_on": "warning"}).json()
    assert [f["id"] for f in found["posts"][0]["findings"]] == ["typography.double-space"]
    assert found["fail_on"] == "warning" and found["exit_code"] == 1


def test_review_rows_line_up_the_paragraphs(client):
    versions = faulty_post()
    review = client.post("/api/review", json={"versions": versions}).json()["review"]
    assert review["langs"] == ["en", "kk", "ru"]
    blocks = {lang: review["versions"][lang]["blocks"] for lang in review["langs"]}
    # the gate post has as many blocks in each language, so each row holds one block of each, in order
    assert [row["blocks"] for row in review["rows"]] == [{lang: [i] for lang in blocks} for i in range(len(blocks["en"]))]
    discouraged = next(f for f in review["findings"] if f["id"] == "glossary.discouraged")
    start, end, _ = blocks["en"][discouraged["block"]]
    assert start <= discouraged["offset"] < end
    assert versions["en"][start:end].startswith("The National Library of the RK")
    # the Russian paragraph in the same row is the one with the double space
    ru_start, ru_end, _ = blocks["ru"][discouraged["block"]]
    assert DOUBLE_SPACE[1] in versions["ru"][ru_start:ru_end]


def test_one_fix_changes_that_place_only(client):
    versions = faulty_post()
    found = client.post("/api/check", json={"versions": versions}).json()["posts"][0]["findings"]
    finding = next(f for f in found if f["id"] == "glossary.discouraged")
    chosen = {key: finding[key] for key in ("version", "offset", "length", "id")}
    fixed = client.post("/api/fix", json={"versions": versions, "select": [chosen]}).json()
    assert fixed["versions"]["en"] == versions["en"].replace("National Library of the RK", "National Library of the Republic of Kazakhstan")
    assert fixed["versions"]["kk"] == versions["kk"] and fixed["versions"]["ru"] == versions["ru"]
    [applied] = fixed["applied"]
    assert fixed["versions"]["en"][applied["new_offset"] : applied["new_offset"] + applied["new_length"]] == finding["fix"]
    assert [f["id"] for f in fixed["check"]["posts"][0]["findings"]] == ["typography.double-space"]
    # the same finding again: it is no longer there, so nothing is applied and the editor is told
    again = client.post("/api/fix", json={"versions": fixed["versions"], "select": [chosen]})
    assert again.status_code == 400
    assert again.json() == {"error": "<request>: no finding glossary.discouraged with a fix at offset %d of the en version; check again" % finding["offset"]}


def test_all_fixes_of_a_kind(client):
    versions = faulty_post()
    assert versions["ru"].count("соглашение о") == 1
    versions["ru"] = versions["ru"].replace("соглашение о", "соглашение  о")
    fixed = client.post("/api/fix", json={"versions": versions, "ids": ["typography.double-space"]}).json()
    assert len(fixed["applied"]) == 2
    assert "  " not in fixed["versions"]["ru"]
    assert fixed["versions"]["en"] == versions["en"]  # the error of another kind is left for the editor
    assert [f["id"] for f in fixed["check"]["posts"][0]["findings"]] == ["glossary.discouraged"]


def test_post_makes_the_versions_as_post_dash_does(client, capsys, monkeypatch, tmp_path):
    draft = SEED.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    stdin(monkeypatch, draft.encode())
    code, out, _ = run(capsys, "post", "-")
    served = client.post("/api/post", json={"draft": draft}).json()
    assert served.pop("exit_code") == code == 3  # no translation model here: prose marked for a translator
    assert served == json.loads(out)
    assert "Қазақстан Республикасының Ұлттық кітапханасы" in served["versions"]["kk"]


@pytest.mark.parametrize(
    ("route", "body", "argv"),
    [
        ("romanize", {"text": "Жұмакенов Еркебұлан Қайроллаұлы\n", "scheme": "kk-news"}, ["romanize", "-s", "kk-news", "--json"]),
        ("romanize", {"text": "Jumakenov\n", "scheme": "kk-latin-2021", "reverse": True}, ["romanize", "-s", "kk-latin-2021", "--reverse", "--json"]),
        ("recover", {"text": "Otbasylyk oku - tarbiye kozi\n"}, ["recover", "--json"]),
    ],
)
def test_text_routes_answer_as_the_commands(client, capsys, monkeypatch, route, body, argv):
    stdin(monkeypatch, body["text"].encode())
    _, out, _ = run(capsys, *argv)
    assert client.post(f"/api/{route}", json=body).json() == json.loads(out)


def test_detect_answers_as_the_command(client, capsys, monkeypatch):
    text = "Otbasylyk oku - tarbiye kozi. Бахина фото.\n"
    stdin(monkeypatch, text.encode())
    _, out, _ = run(capsys, "detect", "--json")
    assert client.post("/api/detect", json={"text": text}).json()["segments"] == json.loads(out)["segments"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b"{", 400, "<request>:1:2: not JSON: Expecting property name enclosed in double quotes"),
        (b"[1]", 400, "<request>: expected a JSON object"),
        (b'{"versions": {"fr": "x"}}', 400, "<request>: \"versions\": unknown language 'fr'; expected en, kk or ru"),
        (b'{"versions": {}}', 400, '<request>: "versions": expected an object such as {"en": "...", "kk": "...", "ru": "..."}'),
        (b'{"versions": {"en": "x"}, "disable": ["nothing"]}', 400, "<request>: \"disable\": no check or family 'nothing' (see translit check --list-checks)"),
        (b'{"versions": {"en": "\\ud800"}}', 400, None),
        (b"\xff", 400, "<request>: not UTF-8 (byte 1)"),
    ],
)
def test_a_bad_request_gets_one_line(client, body, status, message):
    answer = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == status
    error = answer.json()["error"]
    assert "\n" not in error and "Traceback" not in error
    if message is not None:
        assert error == message


def test_a_bad_scheme_is_the_cli_line(client, capsys, monkeypatch):
    stdin(monkeypatch, b"x\n")
    _, _, err = run(capsys, "romanize", "-s", "kk-nothing")
    answer = client.post("/api/romanize", json={"text": "x\n", "scheme": "kk-nothing"})
    assert answer.status_code == 400
    assert f"translit: error: {answer.json()['error']}\n" == err


def test_not_json_not_found_not_allowed(client):
    assert client.post("/api/check", content=b"x", headers={"content-type": "text/plain"}).status_code == 415
    missing = client.post("/api/nothing", json={})
    assert missing.status_code == 404 and missing.json() == {"error": "no such page or route: /api/nothing"}
    wrong = client.get("/api/check")
    assert wrong.status_code == 405 and wrong.json() == {"error": "GET is not allowed on /api/check"}


def test_concurrent_requests_get_their_own_answers(client):
    names = ["bae-assembly", "abai-day", "kaznu-olympiad", "literary-marathon"] * 3
    posts = [gate_post(name) for name in names]
    alone = {name: client.post("/api/check", json={"versions": post}).json() for name, post in zip(names[:4], posts)}
    with ThreadPoolExecutor(max_workers=12) as pool:
        together = list(pool.map(lambda post: client.post("/api/check", json={"versions": post}).json(), posts))
    assert together == [alone[name] for name in names]


def test_openapi_describes_every_route():
    from openapi_spec_validator import validate

    spec = service.openapi()
    validate(spec)
    app = create_app()
    routes = {(method.lower(), route.path) for route in app.routes if hasattr(route, "methods") for method in route.methods if method != "HEAD"}
    described = {(method, path) for path, item in spec["paths"].items() for method in item}
    assert described == {(method, path) for method, path in routes if path.startswith("/api/")}


def test_openapi_is_served(client):
    assert client.get("/api/openapi.json").json() == service.openapi()


def test_limits_size_time_and_bugs(monkeypatch):
    """A small service: a body past the size limit, a check past the time limit, and a bug in a worker."""
    monkeypatch.setitem(service.JOB_REQUESTS, "detect", lambda data: {"text": 5, "level": 2})  # a job that fails inside
    big = {"versions": {"en": "The library opened. " * 2000}}
    with TestClient(create_app(Settings(workers=1, max_bytes=20000, seconds=0.01))) as small:
        too_big = small.post("/api/check", json=big)
        assert too_big.status_code == 413
        assert too_big.json() == {"error": "<request>: the request is larger than 20000 bytes ([limits] max_bytes, or translit serve --max-bytes)"}
        slow = small.post("/api/check", json={"versions": gate_post("literary-marathon")})
        assert slow.status_code == 422
        assert slow.json() == {"error": "took longer than 0.01 s (translit serve --time-limit)"}
    # the bug under the default time limit: under 0.01 s a loaded machine may time the failing job out first
    with TestClient(create_app(Settings(workers=1))) as patient:
        assert patient.post("/api/check", json={"versions": gate_post("literary-marathon")}).status_code == 200
        bug = patient.post("/api/detect", json={"text": "x"})
        assert bug.status_code == 500
        assert bug.json()["error"].startswith("internal error: ") and "\n" not in bug.json()["error"]


def test_the_worker_killed_for_time_is_replaced():
    with TestClient(create_app(Settings(workers=1, seconds=0.01))) as hurried:
        for _ in range(2):
            assert hurried.post("/api/check", json={"versions": gate_post()}).status_code == 422
        assert hurried.post("/api/romanize", json={"text": "ә", "scheme": "kk-news"}).status_code in (200, 422)
        pool = hurried.app.state.pool
        assert len(pool._all) == 1 and all(worker.process.is_alive() for worker in pool._all)


def test_hosts_other_than_this_machine_are_refused():
    with TestClient(create_app(Settings(workers=1, allowed_hosts=("127.0.0.1", "localhost"))), base_url="http://localhost") as local:
        assert local.get("/api/health").status_code == 200
        assert local.get("/api/health", headers={"host": "localhost:8000"}).status_code == 200
        refused = local.get("/api/health", headers={"host": "attacker.example"})
        assert refused.status_code == 421
        assert refused.json() == {"error": "<request>: this service answers to 127.0.0.1, localhost, not 'attacker.example' (translit serve --host)"}


def test_page_and_its_files_come_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for name in ("review.css", "review.js", "page.js"):
        assert client.get(f"/static/{name}").status_code == 200
    # nothing is fetched from elsewhere: every src and href is a path on this server
    assert not [ref for ref in re.findall(r'(?:src|href)="([^"]+)"', page.text) if not ref.startswith(("/", "data:"))]


def test_answers_match_their_openapi_schemas(client):
    """Each route's answer validates against the schema the description gives for it."""
    from jsonschema import Draft202012Validator

    spec = service.openapi()
    versions = faulty_post()
    finding = client.post("/api/check", json={"versions": versions}).json()["posts"][0]["findings"][0]
    requests = {
        "check": {"versions": versions},
        "review": {"versions": versions},
        "fix": {"versions": versions, "select": [{key: finding[key] for key in ("version", "offset", "length", "id")}]},
        "post": {"draft": versions["en"]},
        "romanize": {"text": "Жұмакенов", "scheme": "kk-news"},
        "detect": {"text": "Otbasylyk oku - tarbiye kozi"},
        "recover": {"text": "Otbasylyk oku - tarbiye kozi"},
    }
    for route, body in requests.items():
        operation = spec["paths"][f"/api/{route}"]["post"]
        for schema, instance in (
            (operation["requestBody"]["content"]["application/json"]["schema"], body),
            (operation["responses"]["200"]["content"]["application/json"]["schema"], client.post(f"/api/{route}", json=body).json()),
        ):
            Draft202012Validator({**schema, "components": spec["components"]}).validate(instance)
    error = client.post("/api/check", json={}).json()
    Draft202012Validator({"$ref": "#/components/schemas/Error", "components": spec["components"]}).validate(error)
    health = spec["paths"]["/api/health"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    Draft202012Validator({**health, "components": spec["components"]}).validate(client.get("/api/health").json())


def test_serve_says_in_one_line_why_it_cannot_start(capsys, tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert run(capsys, "serve", "--port", str(port)) == (2, "", f"translit: error: cannot listen on 127.0.0.1:{port}: Address already in use\n")
    (tmp_path / "translit.toml").write_text('[limits]\nmax_bytes = "x"\n', encoding="utf-8")
    code, _, err = run(capsys, "serve", "--config", str(tmp_path / "translit.toml"))
    assert (code, err) == (2, f"translit: error: {tmp_path / 'translit.toml'}: [limits] max_bytes = 'x': expected a positive number of bytes\n")


def test_the_real_server_answers_and_stays_on_this_machine():
    """translit serve as a process: uvicorn on a free port of 127.0.0.1, a worker per CPU it may use, answering as the test client does."""
    import os
    import urllib.error
    import urllib.request

    with served() as url:
        assert url.startswith("http://127.0.0.1:")
        health = json.loads(urllib.request.urlopen(url + "api/health", timeout=60).read())
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        assert health["status"] == "ok" and health["workers"] == usable
        request = urllib.request.Request(url + "api/check", json.dumps({"versions": faulty_post()}).encode(), {"Content-Type": "application/json"})
        found = json.loads(urllib.request.urlopen(request, timeout=120).read())
        assert sorted(f["id"] for f in found["posts"][0]["findings"]) == ["glossary.discouraged", "typography.double-space"]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(url + "api/check", b"{", {"Content-Type": "application/json"}), timeout=60)
        assert refused.value.code == 400
        assert json.loads(refused.value.read()) == {"error": "<request>:1:2: not JSON: Expecting property name enclosed in double quotes"}


def test_served_connections_send_without_waiting_for_acks():
    """asyncio, and so uvicorn, turns Nagle's algorithm off (TCP_NODELAY) only on sockets made with IPPROTO_TCP:
    without it a response's body waits behind its headers for the client's delayed ACK, 40 ms a request."""
    import asyncio
    import socket

    from translit.commands.serve import _bind

    async def nodelay_of_an_accepted_connection() -> int:
        loop = asyncio.get_running_loop()
        seen: asyncio.Future[int] = loop.create_future()

        class Accept(asyncio.Protocol):
            def connection_made(self, transport):  # type: ignore[no-untyped-def]
                seen.set_result(transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        listening = _bind("127.0.0.1", 0)
        server = await loop.create_server(Accept, sock=listening)
        _, writer = await asyncio.open_connection("127.0.0.1", listening.getsockname()[1])
        try:
            return await asyncio.wait_for(seen, 10)
        finally:
            writer.close()
            server.close()

    assert asyncio.run(nodelay_of_an_accepted_connection()) != 0
