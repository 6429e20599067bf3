"""Model packages install whole or not at all, within limits, and a broken one never stops a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import run


def _package(path: Path, top: str = "translate-en_ru-test", meta: dict[str, object] | None = None, extra: dict[str, bytes] | None = None) -> Path:
    import zipfile

    metadata = {"package_version": "1.0", "from_code": "en", "to_code": "ru", "type": "translate"} | (meta or {})
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{top}/metadata.json", json.dumps(metadata))
        archive.writestr(f"{top}/model/model.bin", b"weights" * 100)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_install_is_whole_and_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pk = tmp_path / "pk"
    code, out, _ = run(capsys, "models", "install", str(_package(tmp_path / "a.argosmodel")), "--packages", str(pk))
    assert code == 0 and out == f"installed translate-en_ru-test 1.0 (en→ru) into {pk}\n"
    assert _leftovers(pk) == ["translate-en_ru-test"]


@pytest.mark.parametrize(
    ("meta", "extra", "message"),
    [
        ({"package_version": "9" * 5000}, None, "package_version must be a version"),
        ({"from_code": "en\x1b[2J"}, None, "from_code must be a language code"),
        ({"package_name": "evil \x1b]0;title\x07"}, None, "package_name must be a line of at most 200 printable characters"),
        ({"type": "translate"}, {"translate-en_ru-test/../../escape.txt": b"x"}, "unsafe entry"),
        ({"type": "translate"}, {"other/metadata.json": b"{}"}, "exactly one top-level folder"),
    ],
)
def test_a_bad_package_is_refused_and_leaves_nothing(tmp_path: Path, meta: dict[str, object], extra: dict[str, bytes] | None, message: str) -> None:
    from translit.mt import ArgosEngine, ModelError

    pk = tmp_path / "pk"
    with pytest.raises(ModelError, match=message):
        ArgosEngine(pk).install(_package(tmp_path / "bad.argosmodel", meta=meta, extra=extra))
    assert _leftovers(pk) == []
    assert not (tmp_path / "escape.txt").exists()


def test_size_and_count_limits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import translit.mt as mt
    from translit.mt import packages

    monkeypatch.setattr(packages, "MAX_PACKAGE_BYTES", 500)
    with pytest.raises(mt.ModelError, match="larger than 500 bytes unpacked"):
        mt.ArgosEngine(tmp_path / "pk").install(_package(tmp_path / "big.argosmodel"))
    monkeypatch.setattr(packages, "MAX_PACKAGE_BYTES", 10**6)
    monkeypatch.setattr(packages, "MAX_PACKAGE_FILES", 3)
    many = {f"translate-en_ru-test/model/{i}.bin": b"" for i in range(5)}
    with pytest.raises(mt.ModelError, match="more than 3 files"):
        mt.ArgosEngine(tmp_path / "pk").install(_package(tmp_path / "many.argosmodel", extra=many))
    assert _leftovers(tmp_path / "pk") == []


def test_a_corrupt_archive_leaves_nothing(tmp_path: Path) -> None:
    from translit.mt import ArgosEngine, ModelError

    archive = _package(tmp_path / "crc.argosmodel")
    data = bytearray(archive.read_bytes())
    where = data.find(b"weightsweights")
    data[where + 3] ^= 0xFF  # stored, not compressed: the CRC no longer matches
    archive.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="not installed: Bad CRC-32"):
        ArgosEngine(tmp_path / "pk").install(archive)
    assert _leftovers(tmp_path / "pk") == []


def test_a_package_never_merges_into_another(tmp_path: Path) -> None:
    from translit.mt import ArgosEngine, ModelError

    engine = ArgosEngine(tmp_path / "pk")
    engine.install(_package(tmp_path / "ru.argosmodel"))
    with pytest.raises(ModelError, match="holds the en→ru package; this one is en→kk"):
        engine.install(_package(tmp_path / "kk.argosmodel", meta={"to_code": "kk"}))
    assert engine.pairs() == {("en", "ru"): "translate-en_ru-test 1.0"}
    # the same pair again is an upgrade: it replaces the folder
    engine.install(_package(tmp_path / "new.argosmodel", meta={"package_version": "2.0"}))
    assert engine.pairs() == {("en", "ru"): "translate-en_ru-test 2.0"}
    assert _leftovers(tmp_path / "pk") == ["translate-en_ru-test"]


def test_list_and_post_survive_a_broken_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pk = tmp_path / "pk"
    assert run(capsys, "models", "install", str(_package(tmp_path / "a.argosmodel")), "--packages", str(pk))[0] == 0
    broken = pk / "translate-en_kk-broken"
    (broken / "model").mkdir(parents=True)
    (broken / "metadata.json").write_text(json.dumps({"from_code": "en", "to_code": "kk", "package_version": "9" * 5000}), encoding="utf-8")
    code, out, err = run(capsys, "models", "list", "--packages", str(pk))
    assert code == 0 and "en→ru" in out and "en→kk" not in out
    assert f"translit: warning: {broken / 'metadata.json'}: metadata.json: package_version must be a version" in err
    (tmp_path / ".git").mkdir()
    (tmp_path / "translit.toml").write_text(f'[mt]\nargos_packages = "{pk}"\n', encoding="utf-8")
    (tmp_path / "news.txt").write_text("The library opened.\n", encoding="utf-8")
    code, out, err = run(capsys, "post", str(tmp_path / "news.txt"), "--from", "en", "--to", "en,kk")
    assert code == 3 and "skipped a translation package" in err and "translate-en_kk-broken" in err


def test_a_malformed_index_is_one_line(tmp_path: Path) -> None:
    from translit.mt import ArgosEngine, DownloadError

    for index in ("42", '{"from_code": "en"}', "[" * 100_000):
        (tmp_path / "index.json").write_text(index, encoding="utf-8")
        with pytest.raises(DownloadError) as caught:
            ArgosEngine(tmp_path / "pk").download("en", "ru", (tmp_path / "index.json").as_uri())
        assert "\n" not in str(caught.value)
