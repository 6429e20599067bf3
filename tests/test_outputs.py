"""Outputs are whole: all files of a post or none, the umask's mode, a full disk or SIGTERM leaves nothing."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cli_run import KIEV, run
from translit import textio


def test_files_get_the_umask_mode_and_force_keeps_the_old_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.txt").write_text("Алматы\n", encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert run(capsys, "romanize", str(tmp_path / "p.txt"), "-o", str(tmp_path / "out.txt"))[0] == 0
        assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o644
        (tmp_path / "out.txt").chmod(0o640)
        assert run(capsys, "romanize", str(tmp_path / "p.txt"), "-o", str(tmp_path / "out.txt"), "--force")[0] == 0
        assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o640
    finally:
        os.umask(old)


def _disk_full_after(monkeypatch: pytest.MonkeyPatch, writes: int) -> None:
    """The next file writes fail with ENOSPC once ``writes`` files have been written."""
    real = textio._write_one
    count = {"n": 0}

    def write_one(folder: Path, name: str, text: str, mode: int, made: list[Path]) -> Path:
        count["n"] += 1
        if count["n"] > writes:  # the disk fills up half way through this file
            real(folder, name, text[: len(text) // 2], mode, made)
            raise OSError(errno.ENOSPC, "No space left on device", str(folder / name))
        return real(folder, name, text, mode, made)

    monkeypatch.setattr(textio, "_write_one", write_one)


def test_full_disk_during_post_leaves_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "news.txt"
    draft.write_text(KIEV, encoding="utf-8")
    _disk_full_after(monkeypatch, 2)
    code, out, err = run(capsys, "post", str(draft), "--from", "en")
    assert code == 2 and out == ""
    assert err.startswith("translit: error: ") and "no space left on the device" in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.txt"]


@pytest.mark.parametrize("command", [["romanize"], ["glossary", "lint", "--fix"]])
def test_full_disk_during_single_writes_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    (tmp_path / "p.txt").write_text("Алматы, Kiev\n", encoding="utf-8")
    _disk_full_after(monkeypatch, 0)
    code, _, err = run(capsys, *command, str(tmp_path / "p.txt"), "-o", str(tmp_path / "out.txt"))
    assert code == 2 and err.endswith("no space left on the device\n") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.txt"]


def test_a_failed_rename_puts_everything_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    files = {tmp_path / name: f"new {name}\n" for name in ("a.txt", "b.txt", "c.txt")}
    (tmp_path / "a.txt").write_text("old a\n", encoding="utf-8")
    real = os.replace

    def replace(src: object, dst: object) -> None:
        if str(dst).endswith("c.txt"):
            raise OSError(errno.EIO, "Input/output error", str(dst))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(textio.InputError, match="Input/output error"):
        textio.write_files(files, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old a\n"


def test_fix_name_collisions_are_an_error_before_any_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "p.en.txt").write_text("The library  opened.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(capsys, "check", str(tmp_path / "one"), str(tmp_path / "two"), "--fix", "-o", str(out))
    assert code == 2 and "would both be fixed into this file" in err
    assert not out.exists() or not any(out.iterdir())


def test_concurrent_group_writes_never_mix(tmp_path: Path) -> None:
    names = [tmp_path / f"post.{lang}.txt" for lang in ("en", "kk", "ru")] + [tmp_path / "post.report.json"]
    errors: list[BaseException] = []

    def writer(tag: str) -> None:
        try:
            for round_ in range(60):
                textio.write_files({name: f"{tag} {round_}\n" for name in names}, force=True)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def reader() -> None:
        for _ in range(300):
            seen = set()
            with textio.folder_lock(tmp_path):
                for name in names:
                    if name.exists():
                        seen.add(name.read_text(encoding="utf-8"))
            if len(seen) > 1:
                errors.append(AssertionError(f"mixed outputs: {seen}"))

    threads = [threading.Thread(target=writer, args=(tag,)) for tag in "AB"] + [threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({name.read_text(encoding="utf-8") for name in names}) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_sigterm_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A run killed while writing removes its temporary file and exits 143."""
    script = (
        "import sys, os, signal, translit.textio as t\n"
        "real = t._write_one\n"
        "def slow(folder, name, text, mode, made):\n"
        "    path = real(folder, name, text, mode, made)\n"
        "    print('written', flush=True)\n"
        "    signal.pause()\n"
        "    return path\n"
        "t._write_one = slow\n"
        "from translit.cli import main\n"
        "sys.exit(main(['romanize', sys.argv[1], '-o', sys.argv[2]]))\n"
    )
    (tmp_path / "p.txt").write_text("Алматы\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "p.txt"), str(tmp_path / "out.txt")], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline() == "written\n"
    assert [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    proc.terminate()
    assert proc.wait(timeout=30) == 143
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.txt"]


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 64 KiB tmpfs, where the system lets this user mount one (root in CI); else the test skips."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root and mount rights); the injected ENOSPC tests cover the logic")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_full_tmpfs_during_post_leaves_nothing(small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "news.txt"
    draft.write_text("The library opened a reading room in Almaty.\n\n" * 400, encoding="utf-8")
    code, out, err = run(capsys, "post", str(draft), "--from", "en", "-o", str(small_disk))
    assert code == 2 and out == "" and err.endswith("no space left on the device\n") and err.count("\n") == 1
    assert list(small_disk.iterdir()) == []


def test_sigterm_stops_a_folder_run_promptly(tmp_path: Path) -> None:
    """post DIR --jobs 2 on SIGTERM: queued drafts are cancelled, no temporary file stays, exit 143."""
    for index in range(40):
        (tmp_path / f"p{index:02d}.txt").write_text("The library opened a reading room in Almaty.\n" * 200, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "translit", "post", str(tmp_path), "--from", "en", "-o", str(out), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (out.exists() and any(out.glob("*.report.json"))) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.terminate()
    assert proc.wait(timeout=60) == 143
    time.sleep(1)  # the workers finish dying
    written = sorted(p.name for p in out.iterdir())
    assert not [name for name in written if name.startswith(".")]
    reports = [name for name in written if name.endswith(".report.json")]
    assert 0 < len(reports) < 40
    for report in reports:  # every post is whole: its three versions are there
        stem = report[: -len(".report.json")]
        assert all(f"{stem}.{lang}.txt" in written for lang in ("en", "kk", "ru"))
    assert len(written) == 4 * len(reports)
