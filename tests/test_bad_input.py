"""Bad and odd input as a hook, a CMS and an editor meet it: one line naming the file, a stable exit code.

Each test reproduces a defect found by a sweep of every command over such
inputs (UTF-16, NUL bytes, closed streams, a closed pipe, Ctrl-C, devices
as outputs, malformed data files) and checks the behaviour that replaced it.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_run import KIEV, run, stdin

TRANSLIT = [sys.executable, "-m", "translit"]
KAZAKH = "Елбасы Маңғыстау облысына жұмыс сапарымен келді.\n"

# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("command", [["check"], ["romanize"], ["detect"], ["glossary", "lint"], ["recover"]])
def test_utf16_without_a_byte_order_mark_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    # UTF-16 of Latin text is valid UTF-8 with a NUL after every letter: it used to pass check with no finding.
    draft = tmp_path / "visit.en.txt"
    draft.write_bytes(KIEV.encode("utf-16-le"))
    code, out, err = run(capsys, *command, str(draft))
    assert code == 2
    assert f"{draft}:1:2: a NUL character is not text (UTF-16 without a byte order mark? pass --encoding utf-16)" in out + err


def test_utf16_read_as_such_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "visit.en.txt"
    draft.write_bytes(KIEV.encode("utf-16-le"))
    code, out, _ = run(capsys, "check", str(draft), "--encoding", "utf-16", "--json")
    assert code == 1 and [f["id"] for f in json.loads(out)["posts"][0]["findings"]] == ["glossary.discouraged"]


@pytest.mark.parametrize("command", [["romanize"], ["post", "--to", "kk"], ["rerender"]])
def test_utf16_with_a_byte_order_mark_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    draft = tmp_path / "news.txt"
    draft.write_bytes(KAZAKH.encode("utf-16"))
    code, out, err = run(capsys, *command, str(draft))
    assert (code, out) == (2, "")
    assert err == f"translit: error: {draft}:1:1: a UTF-16 file (it starts with a UTF-16 byte order mark); pass --encoding utf-16\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.txt"]


def test_a_nul_byte_is_named_by_line_and_column(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(monkeypatch, KAZAKH.encode() + b"\xd0\x90\x00bc\n")
    code, out, err = run(capsys, "romanize", "-")
    assert (code, out) == (2, "")
    assert err.startswith("translit: error: <stdin>:2:2: a NUL character is not text")


def test_a_nul_in_stdin_json_is_an_input_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # The checks blank markup out with NUL: one inside "Kiev" hid it from glossary.discouraged (exit 0).
    stdin(monkeypatch, json.dumps({"en": "The delegation came from Ki\u0000ev."}).encode())
    code, out, err = run(capsys, "check", "--stdin-json")
    assert (code, out, err) == (2, "", "translit: error: <stdin:en>:1:28: a NUL character is not text\n")


# ---------------------------------------------------------------- closed streams


@pytest.mark.parametrize("command", [["romanize", "-"], ["detect", "-"], ["post", "-"], ["check", "--stdin-json"], ["glossary", "lint", "-"]])
def test_closed_stdin_is_an_input_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python gives a program started with <&-
    code, out, err = run(capsys, *command)
    assert (code, out, err) == (2, "", "translit: error: <stdin>: standard input is closed\n")


# ---------------------------------------------------------------- data files: translit.toml, rules, glossaries, baselines

TOML_ADVICE = "save it as UTF-8"


def test_config_with_a_utf8_byte_order_mark_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "translit.toml").write_bytes(codecs.BOM_UTF8 + b'[check]\ndisable = ["glossary"]\n')
    (tmp_path / "p.en.txt").write_text(KIEV, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "p.en.txt"), "--json")
    assert (code, err) == (0, "") and json.loads(out)["posts"][0]["findings"] == []


@pytest.mark.parametrize("command", [["check"], ["romanize"], ["models", "list", "--config"]])
def test_config_that_is_not_utf8_names_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    (tmp_path / ".git").mkdir()
    config = tmp_path / "translit.toml"
    config.write_bytes(b'[check]\nfail-on = "\xe9rror"\n')  # Latin-1, as an old editor saves it
    (tmp_path / "p.en.txt").write_text(KIEV, encoding="utf-8")
    code, out, err = run(capsys, *command, str(config if command[-1] == "--config" else tmp_path / "p.en.txt"))
    assert (code, out) == (2, "")
    assert err == f"translit: error: {config}:2:12: byte 0xe9 is not valid utf-8; {TOML_ADVICE}\n"


def test_config_named_by_option_that_is_binary_or_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.en.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, _, err = run(capsys, "check", str(tmp_path / "p.en.txt"), "--config", str(tmp_path / "logo.png"))
    assert code == 2 and err == f"translit: error: {tmp_path / 'logo.png'}:1:1: byte 0x89 is not valid utf-8; {TOML_ADVICE}\n"
    code, _, err = run(capsys, "check", str(tmp_path / "p.en.txt"), "--config", str(tmp_path))
    assert code == 2 and err == f"translit: error: {tmp_path}: is a directory, expected a file\n"


def test_rule_file_with_a_byte_order_mark_or_a_bad_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "house.toml"
    rules.write_bytes(codecs.BOM_UTF8 + 'id = "house"\ninherits = "kk-news"\n[letters]\n"қ" = "q"\n'.encode())
    (tmp_path / "p.txt").write_text("Қазақстан\n", encoding="utf-8")
    assert run(capsys, "romanize", str(tmp_path / "p.txt"), "--rules", str(rules)) == (0, "Qazaqstan\n", "")
    rules.write_bytes(b'id = "house"\ninherits = "kk-news"\ntitle = "\xff"\n')
    code, _, err = run(capsys, "romanize", str(tmp_path / "p.txt"), "--rules", str(rules))
    assert code == 2 and err == f"translit: error: {rules}:3:10: byte 0xff is not valid utf-8; {TOML_ADVICE}\n"


def test_rule_file_examples_written_as_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "house.toml"
    rules.write_text('id = "house"\ninherits = "kk-news"\n[[examples]]\ncyrillic = "қ"\nlatin = "q"\n', encoding="utf-8")
    (tmp_path / "p.txt").write_text("Қазақстан\n", encoding="utf-8")
    code, _, err = run(capsys, "romanize", str(tmp_path / "p.txt"), "--rules", str(rules))
    assert code == 2 and err == f"translit: error: {rules}:3: each entry of 'examples' must be a [cyrillic, latin] pair\n"


def test_glossary_file_with_a_byte_order_mark_or_a_bad_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    glossary = tmp_path / "site.toml"
    entry = (
        '[[entity]]\nid = "lib.site_reading_room"\ntype = "department"\nkk = "Сирек кітаптар оқу залы"\n'
        'ru = "Читальный зал редких книг"\nen = "Rare Books Reading Room"\nconfidence = "high"\n'
        '[entity.discouraged]\nen = [{ form = "Rare Book Room", reason = "renamed in 2020" }]\n'
    ).encode()
    glossary.write_bytes(codecs.BOM_UTF8 + entry)
    draft = tmp_path / "visit.en.txt"
    draft.write_text("Visit the Rare Book Room.\n", encoding="utf-8")
    code, out, err = run(capsys, "glossary", "lint", str(draft), "-g", str(glossary))
    assert code == 1 and "Rare Books Reading Room" in out and err == ""
    glossary.write_bytes(entry.replace(b'en = "Rare Books', b'en = "Rar\xe9 Books'))
    code, _, err = run(capsys, "glossary", "lint", str(draft), "-g", str(glossary))
    assert code == 2 and err == f"translit: error: {glossary}:6:10: byte 0xe9 is not valid utf-8; {TOML_ADVICE}\n"


def test_baseline_that_is_not_utf8_or_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "p.en.txt"
    draft.write_text(KIEV, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "check", str(draft), "--write-baseline", str(baseline))[0] == 0
    baseline.write_bytes(codecs.BOM_UTF8 + baseline.read_bytes())  # as Notepad saves it
    assert run(capsys, "check", str(draft), "--baseline", str(baseline))[0] == 0
    baseline.write_bytes(b'{\n  "schema": "\xff"}\n')
    code, _, err = run(capsys, "check", str(draft), "--baseline", str(baseline))
    assert code == 2 and err == f"translit: error: {baseline}:2:14: byte 0xff is not valid utf-8; save it as UTF-8\n"
    code, _, err = run(capsys, "check", str(draft), "--baseline", str(tmp_path))
    assert code == 2 and err == f"translit: error: {tmp_path}: is a directory, expected a file\n"


def _shell(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``script`` run by sh with ``$@`` the translit command line, so it can close a standard stream."""
    return subprocess.run(["sh", "-c", script, "sh", *TRANSLIT, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_closed_stdout_or_stderr_keeps_the_exit_code(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(KAZAKH, encoding="utf-8")
    done = _shell('"$@" >&-', "romanize", "news.txt", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, "translit: error: <stdout>: standard output is closed\n")
    done = _shell('"$@" >&-', "schemes", cwd=tmp_path)  # a command typer runs
    assert (done.returncode, done.stderr) == (2, "translit: error: <stdout>: standard output is closed\n")
    assert _shell('"$@" 2>&-', "romanize", "missing.txt", cwd=tmp_path).returncode == 2  # was 1, "findings"


@pytest.mark.parametrize("command", [["romanize", "news.txt"], ["schemes"], ["glossary", "show", "city.astana"]])
def test_a_closed_pipe_is_reported_as_sigpipe_by_every_command(tmp_path: Path, command: list[str]) -> None:
    # The fast path exited 0 ("clean", even for check with findings), typer's commands 1 ("findings").
    (tmp_path / "news.txt").write_text(KAZAKH, encoding="utf-8")
    process = subprocess.Popen([*TRANSLIT, *command], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written, as with `| head -0`
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""
    process.stderr.close()


# ---------------------------------------------------------------- stopping a folder run


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker processes in /proc (Linux)")
@pytest.mark.parametrize(("command", "stop", "code"), [
    (["check", "posts", "-j", "2"], "group-SIGINT", 130),  # Ctrl-C: the terminal signals every process of the group
    (["post", "posts", "--to", "kk", "-o", "out", "-j", "2"], "group-SIGINT", 130),
    (["post", "posts", "--to", "kk", "-o", "out", "-j", "2"], "SIGTERM", 143),  # a CI timeout stops the parent alone
])
def test_stopping_a_folder_run_ends_its_workers_quietly(tmp_path: Path, command: list[str], stop: str, code: int) -> None:
    # Workers printed a traceback each on Ctrl-C; one stopped mid-post by SIGTERM alone waited forever for the next post.
    posts = tmp_path / "posts"
    posts.mkdir()
    # enough posts that a fast machine is still at work after the pause below (check does ten in a second)
    for number in range(80):
        (posts / f"n{number}.kk.txt").write_text(KAZAKH * 3000, encoding="utf-8")
    process = subprocess.Popen([*TRANSLIT, *command], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    time.sleep(1.0)  # into the middle of a post, the pool set up (slow when the machine is busy)
    assert process.poll() is None, "the run ended before it could be stopped"
    if stop == "group-SIGINT":
        os.killpg(process.pid, signal.SIGINT)
    else:
        os.kill(process.pid, signal.SIGTERM)
    try:
        _, err = process.communicate(timeout=60)
    finally:
        with pytest.raises(ProcessLookupError):  # no worker is left behind
            os.killpg(process.pid, signal.SIGKILL)
    assert (process.returncode, err) == (code, "")
    assert not [p.name for p in tmp_path.rglob("*.tmp")]


# ---------------------------------------------------------------- outputs


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    reader = threading.Thread(target=lambda: into.append(path.read_bytes()), daemon=True)
    reader.start()
    return reader


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_device_output_is_written_to_never_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # -o /dev/stdout asked for --force, and with it the device was replaced by a file (as root: /dev/stdout gone).
    (tmp_path / "news.txt").write_text("Қазақстан\n", encoding="utf-8")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    for extra in ([], ["--force"]):
        received: list[bytes] = []
        reader = _read_fifo(fifo, received)
        assert run(capsys, "romanize", str(tmp_path / "news.txt"), "-o", str(fifo), *extra) == (0, "", "")
        reader.join(timeout=30)
        assert received == [b"Kazakstan\n"] and fifo.is_fifo()
    (tmp_path / "p.en.txt").write_text(KIEV, encoding="utf-8")
    received = []
    reader = _read_fifo(fifo, received)
    code, _, _ = run(capsys, "check", str(tmp_path / "p.en.txt"), "--write-baseline", str(fifo))
    reader.join(timeout=30)
    assert code == 0 and json.loads(received[0])["schema"] == "translit.baseline/1" and fifo.is_fifo()


def test_an_output_folder_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "news.txt").write_text(KAZAKH, encoding="utf-8")
    (tmp_path / "out").write_text("", encoding="utf-8")
    code, _, err = run(capsys, "romanize", str(tmp_path / "news.txt"), "-o", str(tmp_path / "out" / "news.txt"))
    assert code == 2 and err == f"translit: error: {tmp_path / 'out'}: is a file, expected a folder\n"  # was "File exists"
    code, _, err = run(capsys, "post", str(tmp_path / "news.txt"), "--to", "kk", "-o", str(tmp_path / "out"))
    assert code == 2 and err == f"translit: error: {tmp_path / 'out'}: is a file, expected a folder\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_output_folder_is_named_not_the_temporary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "news.txt").write_text(KAZAKH, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        code, _, err = run(capsys, "romanize", str(tmp_path / "news.txt"), "-o", str(locked / "news.latn.txt"))
    finally:
        locked.chmod(0o755)
    assert code == 2 and err == f"translit: error: {locked / 'news.latn.txt'}: Permission denied\n"


# ---------------------------------------------------------------- one very long line


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform != "linux", reason="caps the data segment with setrlimit (Linux)")
def test_a_one_line_draft_of_thousands_of_names_fits_in_bounded_memory(tmp_path: Path) -> None:
    # Every protected part kept a copy of the whole line before it: 6,000 names took 500 MB, 8,000 700 MB.
    # Past 9,999 parts a placeholder had five digits, which restoring did not read: the parts were lost.
    import resource

    (tmp_path / "list.txt").write_text("Қазақстан " * 12000 + "\n", encoding="utf-8")

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_DATA, (400 << 20, 400 << 20))

    done = subprocess.run([*TRANSLIT, "post", "list.txt", "--to", "kk", "-o", "out"], cwd=tmp_path, preexec_fn=cap, capture_output=True, text=True, timeout=600)
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads((tmp_path / "out" / "list.report.json").read_text(encoding="utf-8"))["lost_parts"] == 0
    assert (tmp_path / "out" / "list.kk.txt").read_text(encoding="utf-8") == "Қазақстан " * 12000 + "\n"


# a part is never empty: a span of no text is no question (it is inside two touching parts, or none)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=40), st.integers(0, 60), st.integers(1, 12))
def test_claimed_spans_answer_as_a_scan_of_every_part_would(claims: list[tuple[int, int]], a: int, width: int) -> None:
    from translit.translation.protect import _Taken

    def scanned(spans: list[tuple[int, int]], a: int, b: int) -> bool:
        return all(b <= s or e <= a for s, e in spans)

    taken, spans = _Taken(), []
    for start, length in claims:  # free or not: placeholders and links are claimed unconditionally
        assert taken.free(start, start + length) == scanned(spans, start, start + length)
        spans.append((start, start + length))
        taken.add(start, start + length)
    assert taken.free(a, a + width) == scanned(spans, a, a + width)


@pytest.mark.parametrize(("given", "message"), [("house.toml", "no such rule file 'house.toml'"), ("rules", "'rules' is a folder, not a rule file")])
def test_a_rule_file_that_is_missing_or_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, message: str) -> None:
    # Was "unknown scheme 'house.toml'; built-in schemes: ..." for a path that was never an id.
    (tmp_path / "rules").mkdir()
    (tmp_path / "p.txt").write_text("Қазақстан\n", encoding="utf-8")
    code, _, err = run(capsys, "romanize", str(tmp_path / "p.txt"), "--rules", str(tmp_path / given))
    assert code == 2 and err == f"translit: error: {message.replace(given, str(tmp_path / given))}\n"
    parent = tmp_path / "child.toml"
    parent.write_text(f'id = "child"\ninherits = "{given}"\n', encoding="utf-8")
    code, _, err = run(capsys, "romanize", str(tmp_path / "p.txt"), "--rules", str(parent))
    assert code == 2 and err == f"translit: error: {parent}:2: {message}\n"


def test_a_symlinked_output_is_written_through_never_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # With --force the link itself was replaced by a file: `-o /dev/stdout > out.txt` as root replaced /dev/stdout.
    (tmp_path / "news.txt").write_text("Қазақстан\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "news.latn.txt").write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(tmp_path / "site" / "news.latn.txt")
    assert run(capsys, "romanize", str(tmp_path / "news.txt"), "-o", str(link), "--force") == (0, "", "")
    assert link.is_symlink() and (tmp_path / "site" / "news.latn.txt").read_text(encoding="utf-8") == "Kazakstan\n"


# ---------------------------------------------------------------- empty drafts


def test_an_empty_draft_is_an_input_error_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # three empty versions and exit 0 would be published by a CMS as a post
    draft = tmp_path / "news.en.md"
    draft.write_text(" \n\n", encoding="utf-8")
    code, out, err = run(capsys, "post", str(draft), "-o", str(tmp_path / "out"))
    assert code == 2 and err == f"translit: error: {draft}: the draft is empty: there is nothing to make versions of\n"
    assert not (tmp_path / "out").exists()
    stdin(monkeypatch, b"\n")
    code, out, err = run(capsys, "post", "-")
    assert (code, out) == (2, "") and err.startswith("translit: error: <stdin>: the draft is empty")
