"""The command line as editors and hooks use it: exit codes, encodings, files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from translit.cli import main

SEED = Path(__file__).resolve().parent.parent / "examples" / "nlrk-2023-02-28.en.txt"
KAZAKH_TITLE = "Жұмакенов Еркебұлан Қайроллаұлы: «Отбасылық оқу – тәрбие көзі»\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_romanize_file_to_stdout_changes_only_cyrillic(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "romanize", str(SEED))
    original = SEED.read_text(encoding="utf-8")
    assert code == 0 and err == ""
    assert "Бахина фото" in original
    assert out == original.replace("Бахина фото", "Bakhina foto")


def test_romanize_auto_picks_kazakh_or_russian_per_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(KAZAKH_TITLE + "Алексеевна, «Дружные ребята»\n", encoding="utf-8")
    code, out, _ = run(capsys, "romanize", str(draft))
    assert code == 0
    assert out == "Zhumakenov Yerkebulan Kayrollauly: «Otbasylyk oku – tarbiye kozi»\nAlekseyevna, «Druzhnye rebyata»\n"


def test_romanize_reads_cp1251_and_kz1048(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    russian = tmp_path / "ru.txt"
    russian.write_bytes("Поликарпова Людмила\n".encode("cp1251"))
    kazakh = tmp_path / "kk.txt"
    kazakh.write_bytes(KAZAKH_TITLE.encode("kz1048"))
    assert run(capsys, "romanize", str(russian), "--encoding", "cp1251", "-s", "ru-news")[1] == "Polikarpova Lyudmila\n"
    assert run(capsys, "romanize", str(kazakh), "--encoding", "kz-1048", "-s", "kk-news")[1].startswith("Zhumakenov Yerkebulan")


def test_undecodable_input_is_one_line_with_file_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Алматы\nҚарағанды\n".encode("kz1048"))
    code, out, err = run(capsys, "romanize", str(legacy))
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"translit: error: {legacy}:1:1: byte 0xc0 is not valid utf-8")


def test_missing_file_and_unknown_scheme_exit_2_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "romanize", "no-such-draft.txt")
    assert code == 2 and err == "translit: error: no-such-draft.txt: no such file\n"
    code, _, err = run(capsys, "romanize", str(SEED), "--scheme", "kk-klingon")
    assert code == 2 and "unknown scheme 'kk-klingon'" in err and "Traceback" not in err


def test_output_never_overwrites_the_input_nor_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "post.txt"
    draft.write_text(KAZAKH_TITLE, encoding="utf-8")
    code, _, err = run(capsys, "romanize", str(draft), "-o", str(draft), "--force")
    assert code == 2 and "refusing to overwrite the input" in err
    assert draft.read_text(encoding="utf-8") == KAZAKH_TITLE

    target = tmp_path / "post.latn.txt"
    assert run(capsys, "romanize", str(draft), "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("Zhumakenov")
    code, _, err = run(capsys, "romanize", str(draft), "-o", str(target), "-s", "kk-latin-2021")
    assert code == 2 and "exists; pass --force" in err
    assert run(capsys, "romanize", str(draft), "-o", str(target), "-s", "kk-latin-2021", "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("Jūmakenov")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_reverse_reports_ambiguous_letters_as_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _stdin("Aibek üiıne keldı"))
    code, out, _ = run(capsys, "romanize", "-", "--reverse", "-s", "kk-latin-2021", "--json")
    report = json.loads(out)
    assert code == 0 and report["text"] == "Айбек үйіне келді"
    assert {(item["latin"], item["chosen"]) for item in report["ambiguous"]} >= {("i", "й")}


def test_reverse_of_a_lossy_scheme_is_refused(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _stdin("Zhumakenov"))
    code, out, err = run(capsys, "romanize", "-", "--reverse", "-s", "kk-news")
    assert code == 2 and out == ""
    assert "cannot be reversed" in err and "translit recover" in err


def test_schemes_lists_every_rule_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schemes", "--json")
    ids = {row["id"] for row in json.loads(out)}
    assert code == 0
    assert {"kk-latin-2021", "kk-news", "ru-gost-7.79b", "ru-iso9", "ru-bgn-pcgn", "ru-icao", "ru-news"} <= ids


def test_quick_commands_do_not_import_heavy_machinery(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from translit.cli import main\n"
        "main(['--help'])\n"
        f"main(['romanize', {str(SEED)!r}])\n"
        "heavy = sorted(m for m in ('argostranslate', 'torch', 'spacy', 'stanza', 'ctranslate2', 'lingua', 'pymorphy3') if m in sys.modules)\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy))\n"
    )
    import os

    import translit

    env = {**os.environ, "PYTHONPATH": str(Path(translit.__file__).resolve().parent.parent)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert "HEAVY=" in result.stderr
    assert result.stderr.rsplit("HEAVY=", 1)[1] == ""


def _stdin(text: str):  # type: ignore[no-untyped-def]
    import io

    return io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")


def test_usage_errors_exit_2_with_one_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "romanize", "--no-such-option")
    assert code == 2 and out == ""
    assert "No such option: --no-such-option" in err and "Traceback" not in err


def test_post_from_stdin_prints_every_version_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", _stdin("Встреча прошла в Национальной библиотеке РК 28 февраля 2023 года.\n"))
    code, out, _ = run(capsys, "post", "-")
    payload = json.loads(out)
    versions = payload["versions"]
    assert code == 3 and payload["schema"] == "translit.post/1" and payload["report"]["source"] == "ru"
    # An accepted variant (НБ РК) is right as written: the draft's own version keeps it.
    assert versions["ru"] == "Встреча прошла в Национальной библиотеке РК 28 февраля 2023 года.\n"
    assert "Қазақстан Республикасының Ұлттық кітапханасында 2023 жылғы 28 ақпанда" in versions["kk"]
    assert "the National Library of the Republic of Kazakhstan on February 28, 2023" in versions["en"]
    assert versions["en"].startswith("[[untranslated:ru]]")
    assert list(tmp_path.iterdir()) == []  # nothing written
