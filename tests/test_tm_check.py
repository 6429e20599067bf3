"""``translit check`` against a translation memory: memory.differs and memory.fuzzy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translit.checks.check import check_versions
from translit.cli import main
from translit.config import Config, parse_config
from translit.tm import open_memory
from translit.checks.memory_import import import_paths

POST = Path(__file__).resolve().parent / "data" / "tm"
HOUSE = "Анықтама телефоны: +7 727 267 28 83."
OTHER = "Қосымша ақпаратты +7 727 267 28 83 телефоны арқылы алуға болады."


@pytest.fixture(autouse=True)
def no_user_memory(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))


@pytest.fixture()
def memory_path(tmp_path: Path) -> Path:
    path = tmp_path / "memory.sqlite"
    with open_memory(path=path) as memory:
        import_paths(memory.store, [POST / "exhibition.en.md", POST / "exhibition.kk.md", POST / "exhibition.ru.md"], Config())
    return path


def texts(kk_phone_sentence: str = HOUSE) -> dict[str, str]:
    """A new post in the memory's words, its Kazakh phone sentence as given."""
    versions = {lang: (POST / f"exhibition.{lang}.md").read_text(encoding="utf-8") for lang in ("en", "kk", "ru")}
    versions = {lang: text.replace("1,200", "900").replace("1 200", "900") for lang, text in versions.items()}
    versions["kk"] = versions["kk"].replace(HOUSE, kk_phone_sentence)
    return versions


def config(memory_path: Path, **extra: object) -> Config:
    return parse_config({"tm": {"path": str(memory_path)}, **extra}, memory_path.parent / "translit.toml")


def test_a_sentence_translated_otherwise_than_the_memory_is_an_info_finding(memory_path: Path) -> None:
    findings = [f for f in check_versions(texts(OTHER), config=config(memory_path)) if f.id.startswith("memory.")]
    [finding] = findings
    assert finding.severity == "info" and finding.version == "kk"
    assert finding.text.startswith("Қосымша ақпаратты")
    assert HOUSE in finding.message


def test_the_memorys_own_translation_gives_no_finding(memory_path: Path) -> None:
    assert not [f for f in check_versions(texts(), config=config(memory_path)) if f.id.startswith("memory.")]


def test_the_severity_is_configurable(memory_path: Path) -> None:
    stricter = config(memory_path, check={"severity": {"memory.differs": "warning"}})
    [finding] = [f for f in check_versions(texts(OTHER), config=stricter) if f.id == "memory.differs"]
    assert finding.severity == "warning"


def test_without_a_memory_nothing_is_compared() -> None:
    assert not [f for f in check_versions(texts(OTHER), config=Config()) if f.id.startswith("memory.")]


def test_check_tm_option(memory_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for lang, text in texts(OTHER).items():
        path = tmp_path / f"news.{lang}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    assert main(["check", "--json", *paths]) == 0
    assert not [f for f in json.loads(capsys.readouterr().out)["posts"][0]["findings"] if f["id"].startswith("memory.")]
    assert main(["check", "--json", "--tm", str(memory_path), *paths]) == 0  # info does not fail the gate
    [finding] = [f for f in json.loads(capsys.readouterr().out)["posts"][0]["findings"] if f["id"] == "memory.differs"]
    assert finding["path"].endswith("news.kk.md") and finding["line"] == 5
    assert main(["check", "--tm", str(memory_path), "--fail-on", "info", *paths]) == 1
    capsys.readouterr()
    assert main(["check", "--tm", str(tmp_path / "missing.sqlite"), *paths]) == 2


def test_a_fuzzy_marker_is_an_error_and_its_score_no_number_of_the_post() -> None:
    versions = texts("[[fuzzy:83]] " + HOUSE + " [[/fuzzy]]")
    findings = check_versions(versions, config=Config())
    assert [f.id for f in findings if f.severity == "error"] == ["memory.fuzzy"]
    assert "83% memory match" in next(f.message for f in findings if f.id == "memory.fuzzy")
