"""Reliability: nothing passes silently, errors are one line with the right exit code, outputs are whole.

Each test reproduces a failure found in a reliability audit (issue 24) and
checks the behaviour that replaced it.
"""

from __future__ import annotations

import errno
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli_run import KIEV, run, stdin
from translit import textio
from translit.lines import Lines

# ---------------------------------------------------------------- configuration


def test_config_above_the_repository_is_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posts = tmp_path / "up" / "repo" / "posts"
    posts.mkdir(parents=True)
    (tmp_path / "up" / "repo" / ".git").mkdir()
    (posts / "p.en.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / "up" / "translit.toml").write_text('[check]\ndisable=["glossary","lang"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", str(posts / "p.en.txt"), "--json")
    report = json.loads(out)
    assert code == 1 and report["posts"][0]["config"] is None
    assert [f["id"] for f in report["posts"][0]["findings"]] == ["glossary.discouraged"]


def test_the_config_used_is_named_in_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "translit.toml").write_text('[check]\ndisable=["glossary"]\n', encoding="utf-8")
    (tmp_path / "p.en.txt").write_text(KIEV, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "p.en.txt"))
    assert code == 0 and f"configuration: {tmp_path / 'translit.toml'}" in out
    code, out, _ = run(capsys, "check", str(tmp_path / "p.en.txt"), "--json")
    assert json.loads(out)["posts"][0]["config"] == str(tmp_path / "translit.toml")


def test_an_unrelated_broken_pyproject_stops_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\ndependencies = ["translit"]\ngarbage [[\n', encoding="utf-8")
    (tmp_path / "p.en.txt").write_text(KIEV, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "p.en.txt"))
    assert code == 1 and "Kyiv" in out and err == ""


def test_toml_errors_name_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "translit.toml").write_text('[check]\nfail-on = "error"\ndisable = [oops]\n', encoding="utf-8")
    (tmp_path / "p.en.txt").write_text(KIEV, encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / "p.en.txt"))
    assert code == 2
    assert err.startswith(f"translit: error: {tmp_path / 'translit.toml'}:3:12: invalid TOML: ")


def test_limits_are_validated_and_enforced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "translit.toml").write_text("[limits]\nmax_bytes = 10\n", encoding="utf-8")
    (tmp_path / "p.en.txt").write_text(KIEV, encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / "p.en.txt"))
    assert code == 2 and "larger than 10 bytes" in err and str(tmp_path / "p.en.txt") in err
    (tmp_path / "translit.toml").write_text("[limits]\nmax_bytes = -1\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / "p.en.txt"))
    assert code == 2 and "[limits] max_bytes" in err


# ---------------------------------------------------------------- exit codes, stdin, encodings


def test_lone_surrogate_in_stdin_json_is_an_input_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(monkeypatch, b'{"en": "The\\nlibrary \\ud800 opened."}')
    code, out, err = run(capsys, "check", "--stdin-json", "--json")
    assert code == 2 and out == ""
    assert err == "translit: error: <stdin:en>:2:9: lone surrogate U+D800 is not text\n"


def test_undecodable_stdin_is_an_input_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(monkeypatch, b'{"en": "The \xff library."}')
    code, out, err = run(capsys, "check", "--stdin-json", "--json")
    assert code == 2 and out == "" and err.startswith("translit: error: <stdin>:1:13: byte 0xff")


def test_deep_json_is_an_input_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(monkeypatch, b"[" * 100_000 + b"]" * 100_000)
    code, _, err = run(capsys, "check", "--stdin-json")
    assert (code, err) == (2, "translit: error: <stdin>: JSON nested too deeply\n")


@pytest.mark.parametrize("codec", ["base64", "zlib", "rot13", "no-such-codec"])
def test_non_text_codecs_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], codec: str) -> None:
    (tmp_path / "p.txt").write_text("Алматы\n", encoding="utf-8")
    code, out, err = run(capsys, "romanize", str(tmp_path / "p.txt"), "--encoding", codec)
    assert (code, out) == (2, "") and err == f"translit: error: unknown text encoding {codec!r} (try utf-8, cp1251 or kz-1048)\n"


def test_a_bug_is_one_line_and_exit_4(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import translit.recovery

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(translit.recovery, "recover", broken)
    (tmp_path / "p.txt").write_text("Almaty\n", encoding="utf-8")
    code, out, err = run(capsys, "recover", str(tmp_path / "p.txt"))
    assert (code, out) == (4, "")
    assert err.startswith("translit: internal error: ZeroDivisionError: boom") and err.count("\n") == 1


# ---------------------------------------------------------------- folders: post by post


def test_one_undecodable_post_does_not_stop_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.en.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / "bad.en.txt").write_bytes(b"The \xff library.\n")
    code, out, err = run(capsys, "check", str(tmp_path), "--json")
    report = json.loads(out)
    assert code == 2 and report["exit_code"] == 2
    assert report["summary"]["failed"] == 1 and report["summary"]["error"] == 1
    by_name = {post["name"]: post for post in report["posts"]}
    assert by_name["bad"]["error"].startswith(f"{tmp_path / 'bad.en.txt'}:1:5: byte 0xff")
    assert [f["id"] for f in by_name["good"]["findings"]] == ["glossary.discouraged"]
    assert "bad.en.txt:1:5" in err


def test_a_crash_in_one_post_is_reported_with_the_others(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import translit.checks.check

    real = translit.checks.check.check_versions

    def flaky(texts: dict[str, str], **kwargs: object) -> object:
        if "crash" in texts.get("en", ""):
            raise KeyError("boom")
        return real(texts, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(translit.checks.check, "check_versions", flaky)
    (tmp_path / "a.en.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / "b.en.txt").write_text("This will crash.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path), "--json")
    posts = {post["name"]: post for post in json.loads(out)["posts"]}
    assert code == 4 and posts["b"]["internal"] and "KeyError" in posts["b"]["error"]
    assert posts["a"]["findings"][0]["id"] == "glossary.discouraged"


def test_unreadable_subfolder_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ok.en.txt").write_text("The library opened.\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "p.en.txt").write_text(KIEV, encoding="utf-8")
    if os.geteuid() == 0:  # root reads any folder: make this one fail the way it fails for an editor
        real = os.scandir

        def scandir(path: object = ".") -> object:
            if Path(os.fsdecode(path)) == locked:  # type: ignore[arg-type]
                raise PermissionError(errno.EACCES, "Permission denied", str(locked))
            return real(path)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        code, out, err = run(capsys, "check", str(tmp_path))
    finally:
        locked.chmod(0o755)
    assert code == 2
    assert f"translit: error: {locked}: cannot read this folder: Permission denied" in err


def test_folder_without_posts_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.en.mdx").write_text(KIEV, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and f"{tmp_path}: no posts found (.md .markdown .txt .html .htm) in this folder" in err
    code, out, err = run(capsys, "post", str(tmp_path))
    assert code == 2 and str(tmp_path) in err


# ---------------------------------------------------------------- deep nesting


@pytest.mark.parametrize("text", ["- " * 10 + KIEV, "> " * 25 + KIEV, "- > " * 12 + KIEV])
def test_deep_markdown_is_still_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    (tmp_path / "li.en.md").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "li.en.md"))
    assert code == 1 and "[glossary.discouraged]" in out


def test_deep_markdown_is_marked_untranslated_not_copied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "li.md").write_text("- " * 10 + KIEV, encoding="utf-8")
    code, _, _ = run(capsys, "post", str(tmp_path / "li.md"), "--from", "en", "--to", "ru")
    assert code == 3 and "[[untranslated:en]] The delegation" in (tmp_path / "li.ru.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("deep.en.md", "> " * 5000 + KIEV, "deep.en.md:1: lists or quotes nested deeper than 50 levels"),
        ("deep.en.html", "<p>" + "<b>" * 400 + KIEV + "</b>" * 400 + "</p>", "deep.en.html:1: inline markup nested deeper than 64 levels (<b>)"),
        ("deep.en.md", "intro\n\n" + "[" * 40 + "x" + "](y)" * 40 + "\n", None),
    ],
)
def test_too_deep_is_an_input_error_naming_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str | None) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / name))
    if message is None:  # brackets the link pattern does not nest: plain text, checked
        assert code == 0 and err == ""
    else:
        assert code == 2 and err == f"translit: error: {tmp_path}/{message}\n"


# ---------------------------------------------------------------- line ends and terminal safety


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_every_line_end_counts_in_reported_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str], end: str) -> None:
    text = end.join(["The library opened.", "", "The delegation came from Kiev.", ""])
    (tmp_path / "p.en.txt").write_bytes(text.encode("utf-8"))
    code, out, _ = run(capsys, "check", str(tmp_path / "p.en.txt"), "--json")
    finding = json.loads(out)["posts"][0]["findings"][0]
    assert (code, finding["line"], finding["column"]) == (1, 3, 26)
    code, out, _ = run(capsys, "glossary", "lint", str(tmp_path / "p.en.txt"))
    assert out.startswith(f"{tmp_path / 'p.en.txt'}:3:26: ")
    (tmp_path / "bad.txt").write_bytes(end.join(["ok", "ok", "a\xffb"]).encode("latin-1"))
    code, _, err = run(capsys, "romanize", str(tmp_path / "bad.txt"))
    assert code == 2 and f"{tmp_path / 'bad.txt'}:3:2: byte 0xff" in err


def test_markdown_blocks_are_numbered_by_every_line_end() -> None:
    from translit.reading.document import parse

    doc = parse("# Title\r\rFirst paragraph.\r\rSecond.\r", "markdown")
    assert [(b.kind, b.line) for b in doc.blocks if b.kind != "blank"] == [("heading", 1), ("paragraph", 3), ("paragraph", 5)]


def test_control_characters_never_reach_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "evil\x1b[2J.en.txt"
    name.write_text("The library \x1b[2J\x1b[31m came from Kiev.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(name))
    assert code == 1 and "\x1b" not in out + err and "\\x1b[2J" in out
    code, out, err = run(capsys, "glossary", "lint", str(name))
    assert code == 1 and "\x1b" not in out + err
    code, out, err = run(capsys, "detect", str(name))
    assert "\x1b" not in out + err
    code, out, err = run(capsys, "check", str(tmp_path / "missing\x1b]0;x\x07.md"))
    assert code == 2 and err == f"translit: error: {tmp_path}/missing\\x1b]0;x\\x07.md: no such file or folder\n"


def test_undecodable_file_names_stay_valid_utf8_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/news-\xff.en.txt", "wb") as handle:
        handle.write(KIEV.encode("utf-8"))
    code, out, _ = run(capsys, "check", str(tmp_path), "--json")
    out.encode("utf-8")  # no lone surrogate
    assert code == 1 and json.loads(out)["posts"][0]["files"]["en"] == f"{tmp_path}/news-\\xff.en.txt"
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    with open(os.fsencode(drafts) + b"/news-\xff.txt", "wb") as handle:
        handle.write(b"The library opened.\n")
    code, out, err = run(capsys, "post", str(drafts), "--from", "en", "--to", "en")
    (out + err).encode("utf-8")
    assert code == 0 and "news-\\udcff.txt: source en" in out


def test_package_names_with_escapes_are_shown_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pk" / "translate-\x1b[31m"
    (folder / "model").mkdir(parents=True)
    (folder / "metadata.json").write_text(json.dumps({"from_code": "en", "to_code": "ru", "package_version": "1.0"}), encoding="utf-8")
    code, out, err = run(capsys, "models", "list", "--packages", str(tmp_path / "pk"))
    assert code == 0 and "\x1b" not in out + err and "translate-\\x1b[31m 1.0" in out


# ---------------------------------------------------------------- fuzzing

_MARKUP = st.lists(
    st.sampled_from(["- ", "> ", "1. ", "<b>", "</b>", "<p>", "**", "_", "[", "](x)", "`", "\n", "\r\n", "\r", "# ", "Kiev", "Алматы ", " "]),
    max_size=400,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_MARKUP, fmt=st.sampled_from(["markdown", "html", "text"]))
def test_any_markup_parses_exactly_or_is_an_input_error(text: str, fmt: str) -> None:
    from translit.reading.document import parse, render
    from translit.errors import InputError

    try:
        doc = parse(text, fmt)
    except InputError as exc:
        assert "nested deeper than" in str(exc)
        return
    assert render(doc) == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_text_through_stdin_json_gives_json_or_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str) -> None:
    stdin(monkeypatch, json.dumps({"en": text}).encode("utf-8"))
    code, out, err = run(capsys, "check", "--stdin-json", "--json")
    if code == 2:
        assert out == "" and err.count("\n") == 1 and err.endswith(" is not text\n")  # a lone surrogate or a NUL
    else:
        assert code in (0, 1) and json.loads(out)["exit_code"] == code
        out.encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab\n\r\x1b\x07\u202e\t é"), max_size=60))
def test_positions_and_escapes(text: str) -> None:
    lines = Lines(text)
    split = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for offset in range(len(text) + 1):
        line, column = lines.position(offset)
        assert 1 <= line <= len(split) and column >= 1
    assert lines.position(len(text))[0] == len(split)
    shown = textio.printable(text)
    assert not any(ch in shown for ch in "\n\r\x1b\x07\u202e")
    assert shown.count("\t") == text.count("\t") and shown.count("é") == text.count("é")


# ---------------------------------------------------------------- time limit, post folders


def test_a_post_past_the_time_limit_is_an_error_the_others_go_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    # The limit leaves a loaded machine room for the short post; the long one needs many times it.
    (tmp_path / "translit.toml").write_text("[limits]\npost_seconds = 1\n", encoding="utf-8")
    (tmp_path / "long.en.txt").write_text("The library in Almaty opened on 28 February 2023 at 10:00.\n\n" * 30000, encoding="utf-8")
    (tmp_path / "short.en.txt").write_text(KIEV, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path), "--json")
    posts = {post["name"]: post for post in json.loads(out)["posts"]}
    assert code == 2 and "took longer than 1 s ([limits] post_seconds in translit.toml)" in posts["long"]["error"]
    assert posts["short"]["findings"][0]["id"] == "glossary.discouraged"


def test_post_folder_goes_on_past_a_crash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import translit.translation.versions

    real = translit.translation.versions.make_versions

    def flaky(text: str, **kwargs: object) -> object:
        if "crash" in text:
            raise IndexError("boom")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(translit.translation.versions, "make_versions", flaky)
    (tmp_path / "a.txt").write_text("The library opened.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("This will crash.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("The museum opened.\n", encoding="utf-8")
    code, out, err = run(capsys, "post", str(tmp_path), "--from", "en", "--to", "en", "--jobs", "2")
    assert code == 4 and "b.txt: internal error: IndexError: boom" in err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["a.en.txt", "a.report.json", "a.txt", "b.txt", "c.en.txt", "c.report.json", "c.txt"]


def test_the_time_limit_leaves_the_next_posts_whole(tmp_path: Path) -> None:
    """A post stopped at its limit runs in a child that is killed: the parent's caches are never half-filled."""
    from translit.guard import run_limited

    calls: list[int] = []

    def slow() -> dict[str, object]:
        calls.append(1)  # in the child: the parent's list stays empty
        time.sleep(5)
        return {"done": True}

    started = time.monotonic()
    result = run_limited(0.2, tmp_path / "p.md", slow)
    assert time.monotonic() - started < 3 and calls == []
    assert result == {"error": f"{tmp_path / 'p.md'}: took longer than 0.2 s ([limits] post_seconds in translit.toml)", "internal": False}
    assert run_limited(5, None, lambda: {"value": [1, 2]}) == {"value": [1, 2]}


def _blocks_by_resplitting(text: str) -> list[tuple[int, int]]:
    """The block splitter as it was (quadratic: the block is split again on every line), as the reference."""
    from translit.language import segment

    out, current = [], None
    for start, end in segment._lines(text):
        line = text[start:end]
        if not line.strip():
            if current:
                out.append(segment._strip(text, *current))
            current = None
            continue
        breaks = current is None or segment._LIST_MARKER.match(line) or segment._HEADING_MARKER.match(line) or segment._stands_alone(text[current[0] : current[1]].splitlines()[-1])
        if current is None or breaks:
            if current:
                out.append(segment._strip(text, *current))
            current = (start, end)
        else:
            current = (current[0], end)
    if current:
        out.append(segment._strip(text, *current))
    return out


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["The library opened.", "Photo: Almaty", "- item", "# Head", "", " ", "Short line", "x" * 70, "a,", "\r", "\x0c"]), max_size=30).map("\n".join))
def test_linear_block_splitting_matches_the_old_splitter(text: str) -> None:
    from translit.language import segment

    assert list(segment._blocks(text)) == _blocks_by_resplitting(text)


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(["28 February 2023", "10,000", "75.4%", "+7 727 267 28 83", "info@nlrk.kz", "nlrk.kz", "15:00", " ", "и ", "2023 жылғы 28 ақпанда"]), max_size=25).map("".join))
def test_entities_never_overlap_and_keep_the_first_claim(text: str) -> None:
    from translit.names.entities import find_entities

    found = find_entities(text)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(text[e.start : e.end] == e.text for e in found)
