"""Machine translation: real argostranslate packages built at test time, no mock of the engine.

The packages come from tests/argos_fixtures.py (hand-set weights): a "marker"
model that turns every sentence into one token ("RU"), and a "copy" model
whose output is its input. They go through argostranslate's own install
and package loading, and through CTranslate2 decoding.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argos_fixtures import (
    argos_translator,
    build_copy_package,
    build_marker_package,
    build_nllb_copy_model,
    isolate_argos,
    requires_argos,
)
from translit.errors import TranslitError
from translit.mt import (
    ArgosEngine,
    DownloadError,
    ModelError,
    MTConfig,
    MTConfigError,
    NllbEngine,
    NoRouteError,
    Translator,
)
from translit.language.segment import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "nlrk-2023-02-28.en.txt").read_text(encoding="utf-8")
SEED_SENTENCES = [s.strip() for line in SEED.split("\n") for s in split_sentences(line) if s.strip()]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("argosmodels")
    return {
        "en-ru": build_marker_package(out, "en", "ru"),
        "kk-en": build_marker_package(out, "kk", "en"),
        "en-kk-copy": build_copy_package(out, "en", "kk"),
        "en-ru-copy": build_copy_package(out, "en", "ru"),
    }


@pytest.fixture(scope="module")
def nllb_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_nllb_copy_model(tmp_path_factory.mktemp("nllb"))


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to resolve a host or open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# --------------------------------------------------------------------------- import cost


def test_importing_mt_and_its_command_loads_no_engine() -> None:
    code = (
        "import sys, translit.mt, translit.commands.models; "
        "heavy = [m for m in ('argostranslate', 'ctranslate2', 'sentencepiece', 'numpy', 'torch') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- argos engine, direct and pivot


@requires_argos
def test_marker_model_translates_each_seed_sentence_once(tmp_path: Path, packages: dict[str, Path], no_network: None) -> None:
    tr = argos_translator(tmp_path, [packages["en-ru"]])
    route = tr.route("en", "ru")
    assert (route.kind, route.engines, route.steps[0].detail) == ("direct", ("argos",), "translate-en_ru-marker 1.0")
    out = tr.translate_batch(SEED_SENTENCES, "en", "ru")
    # 10 sentences in the seed post: one translation each, no merging, no splitting by argos
    assert len(SEED_SENTENCES) == 10
    assert out == ["RU"] * 10


@requires_argos
def test_whitespace_and_empty_inputs_are_kept(tmp_path: Path, packages: dict[str, Path]) -> None:
    tr = argos_translator(tmp_path, [packages["en-ru"]])
    out = tr.translate_batch(["  Organizers - Department of Culture.\n", "", "   ", "Abay. "], "en", "ru")
    assert out == ["  RU\n", "", "   ", "RU "]
    # a line break inside an input is kept: each line is translated on its own, never merged
    assert tr.translate_batch(["Bishkek, Kyrgyzstan.\n  Almaty, Kazakhstan.\n\nMoscow."], "en", "ru") == ["RU\n  RU\n\nRU"]


@requires_argos
def test_pivot_through_english_with_two_packages(tmp_path: Path, packages: dict[str, Path], no_network: None) -> None:
    tr = argos_translator(tmp_path, [packages["kk-en"], packages["en-ru"]])
    route = tr.route("kk", "ru")
    assert route.kind == "pivot" and route.via == ("en",)
    assert [(s.src, s.tgt, s.engine) for s in route.steps] == [("kk", "en", "argos"), ("en", "ru", "argos")]
    assert route.describe() == "kk→en→ru (argos translate-kk_en-marker 1.0; argos translate-en_ru-marker 1.0)"
    kazakh = ["Қарағанды облыстық балалар кітапханасы.", "Абай атындағы кітапхана!"]
    assert tr.translate_batch(kazakh, "kk", "en") == ["EN", "EN"]
    assert tr.translate_batch(kazakh, "kk", "ru") == ["RU", "RU"]
    listed = {(r.src, r.tgt): r.kind for r in tr.routes()}
    assert listed == {("en", "ru"): "direct", ("kk", "en"): "direct", ("kk", "ru"): "pivot"}


@requires_argos
def test_no_route_is_a_translit_error_naming_the_pair(tmp_path: Path, packages: dict[str, Path]) -> None:
    tr = argos_translator(tmp_path, [packages["en-ru"]])
    with pytest.raises(NoRouteError) as caught:
        tr.translate_batch(["Сәлем."], "kk", "ru")
    assert isinstance(caught.value, TranslitError)
    assert (caught.value.src, caught.value.tgt) == ("kk", "ru")
    message = str(caught.value)
    assert "\n" not in message
    assert "kk→ru" in message and "installed: en→ru" in message and "translit models install kk ru" in message


@requires_argos
def test_pair_disabled_in_config_has_no_route_even_through_a_pivot(tmp_path: Path, packages: dict[str, Path]) -> None:
    tr = argos_translator(tmp_path, [packages["kk-en"], packages["en-ru"]], pairs={"kk-ru": "none"})
    with pytest.raises(NoRouteError, match="disabled in the configuration"):
        tr.route("kk", "ru")
    assert tr.route("kk", "en").kind == "direct"


# --------------------------------------------------------------------------- the copy model: protected parts survive


@requires_argos
def test_copy_model_returns_real_seed_sentences_unchanged(tmp_path: Path, packages: dict[str, Path], no_network: None) -> None:
    tr = argos_translator(tmp_path, [packages["en-kk-copy"]], beam_size=1)
    out = tr.translate_batch(SEED_SENTENCES, "en", "kk")
    assert out == SEED_SENTENCES and "K.A. Bakhina" in out[2]


@requires_argos
def test_copy_model_keeps_placeholders_numbers_and_kazakh_letters(tmp_path: Path, packages: dict[str, Path]) -> None:
    tr = argos_translator(tmp_path, [packages["en-ru-copy"]])
    sentences = [
        "⟦1⟧ took part in ⟦2⟧ on ⟦3⟧.",
        "TELEPHONE FOR INFORMATION: +7 (727) 267-28-83",
        "Қазақстан Республикасының Ұлттық кітапханасы «Қазақстан кітаптары» 2023 жылғы 28 ақпанда.",
        "Write to info@nlrk.kz or see https://nlrk.kz/news?id=42.",
    ]
    assert tr.translate_batch(sentences, "en", "ru") == sentences


@requires_argos
def test_argos_loses_underscores_so_placeholders_must_avoid_them(tmp_path: Path, packages: dict[str, Path]) -> None:
    tr = argos_translator(tmp_path, [packages["en-ru-copy"]])
    # argostranslate's SentencePiece decoder replaces "_" by " ": a fact the protect step must design around
    assert tr.translate_batch(["KEEP_1 here."], "en", "ru") == ["KEEP 1 here."]


_NEWS_CHARS = st.sampled_from(list("abcxyzABKZабвжқңөүұәіһҚӘІЁё0123456789.,:;!?-–«»“”()⟦⟧@/%+"))
_WORD = st.text(_NEWS_CHARS, min_size=1, max_size=12)


@pytest.fixture(scope="module")
def copy_translator(tmp_path_factory: pytest.TempPathFactory, packages: dict[str, Path]) -> Translator:
    # beam search cannot change what a copy model says; one beam is 4 times faster
    return argos_translator(tmp_path_factory.mktemp("copy"), [packages["en-ru-copy"]], beam_size=1)


_GAP = st.sampled_from([" ", " ", " ", "\n", "\n\n", " \n  "])
_EDGE = st.sampled_from(["", "", " ", "\n", "  \n"])


@requires_argos
@settings(max_examples=30, deadline=None)
@given(words=st.lists(st.tuples(_WORD, _GAP), min_size=1, max_size=25), lead=_EDGE, trail=_EDGE)
def test_copy_model_is_exact_on_any_text_with_single_spaces(
    copy_translator: Translator, words: list[tuple[str, str]], lead: str, trail: str
) -> None:
    """Whatever the engine sees comes back verbatim; line breaks and outer whitespace are translit's to keep."""
    text = lead + "".join(word + gap for word, gap in words[:-1]) + words[-1][0] + trail
    assert copy_translator.translate_batch([text, "Abay."], "en", "ru") == [text, "Abay."]


@requires_argos
def test_batched_call_matches_argostranslate_own_pipeline(tmp_path: Path, packages: dict[str, Path]) -> None:
    """translit batches sentences itself; per sentence the result equals argostranslate's apply_packaged_translation."""
    tr = argos_translator(tmp_path, [packages["en-ru-copy"]])
    engine = tr.engine("argos")
    argos = isolate_argos()
    assert argos.is_dir()
    import argostranslate.package
    import argostranslate.translate
    import ctranslate2

    pkg = argostranslate.package.Package(engine.packages()[0].path)
    model = ctranslate2.Translator(str(pkg.package_path / "model"))

    class OneSentence:
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    short = [s for s in SEED_SENTENCES if len(s) < 200]  # argos stops decoding at 256 pieces; translit does not
    ours = tr.translate_batch(short, "en", "ru")
    theirs = [argostranslate.translate.apply_packaged_translation(pkg, s, model, OneSentence(), 1)[0].value for s in short]
    assert ours == theirs


# --------------------------------------------------------------------------- installing packages


@requires_argos
def test_install_reports_the_package_and_lists_it(tmp_path: Path, packages: dict[str, Path]) -> None:
    isolate_argos()
    engine = ArgosEngine(tmp_path / "pk")
    info = engine.install(packages["kk-en"])
    assert (info.name, info.src, info.tgt, info.version) == ("translate-kk_en-marker", "kk", "en", "1.0")
    # the fixture carries no sentence-splitter data: argos itself would download MiniSBD for it, translit never does
    assert info.sentence_splitter == "download"
    assert (tmp_path / "pk" / "translate-kk_en-marker" / "model" / "model.bin").is_file()
    assert engine.pairs() == {("kk", "en"): "translate-kk_en-marker 1.0"}


@requires_argos
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "a .argosmodel file is a zip archive"),
        ({"a/metadata.json": "{}", "b/model/model.bin": ""}, "exactly one top-level folder"),
        ({"p/model/model.bin": ""}, "no metadata.json"),
        ({"p/metadata.json": "{}"}, "no model/ folder"),
    ],
)
def test_a_wrong_file_gives_one_line_naming_it(tmp_path: Path, content: dict[str, str] | None, message: str) -> None:
    bad = tmp_path / "bad.argosmodel"
    if content is None:
        bad.write_text("not a zip", encoding="utf-8")
    else:
        with zipfile.ZipFile(bad, "w") as archive:
            for name, data in content.items():
                archive.writestr(name, data)
    with pytest.raises(ModelError) as caught:
        ArgosEngine(tmp_path / "pk").install(bad)
    assert str(caught.value).startswith(f"{bad}: ") and message in str(caught.value)
    assert not (tmp_path / "pk").exists() or not any((tmp_path / "pk").iterdir())


@requires_argos
def test_package_with_stanza_data_translates_without_stanza(tmp_path: Path, packages: dict[str, Path]) -> None:
    """Index packages ship stanza/ sentence-splitter data; translit never needs stanza (or torch) for them."""
    with_stanza = tmp_path / "translate-en_ru-stanza.argosmodel"
    with zipfile.ZipFile(packages["en-ru"]) as source, zipfile.ZipFile(with_stanza, "w") as target:
        for item in source.infolist():
            target.writestr(item.filename.replace("-marker/", "-stanza/"), source.read(item))
        target.writestr("translate-en_ru-stanza/stanza/resources.json", "{}")
    tr = argos_translator(tmp_path, [with_stanza])
    assert tr.engine("argos").packages()[0].sentence_splitter == "stanza"
    assert tr.translate_batch(["Organizers - Department of Culture.", "Abay."], "en", "ru") == ["RU", "RU"]


@requires_argos
def test_argostranslate_runs_on_its_real_dependencies() -> None:
    """No stand-in modules: what argostranslate imports is installed, and every requirement it declares is met."""
    from importlib.metadata import requires, version

    from packaging.requirements import Requirement

    isolate_argos()
    import argostranslate.sbd  # noqa: F401  (imports stanza and minisbd at module level)

    for name in ("stanza", "minisbd", "ctranslate2", "sentencepiece"):
        assert getattr(sys.modules[name], "__file__", None), name
    for line in requires("argostranslate") or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            assert requirement.specifier.contains(version(requirement.name), prereleases=True), line


@requires_argos
def test_translating_loads_neither_torch_nor_stanza(tmp_path: Path, packages: dict[str, Path]) -> None:
    """translit uses argostranslate's packages and runs CTranslate2 itself, so translating never
    imports argostranslate.translate and the sentence splitters (stanza, torch, MiniSBD) behind it.
    (Installing a package does, once: argostranslate's install clears a cache in that module.)"""
    argos_translator(tmp_path, [packages["en-ru"]])
    probe = textwrap.dedent(
        f"""
        import json, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from argos_fixtures import isolate_argos
        from translit.mt import MTConfig, Translator
        isolate_argos()
        tr = Translator(MTConfig.from_mapping({{"argos_packages": {str(tmp_path / "argos-packages")!r}}}))
        out = tr.translate_batch(["Organizers - Department of Culture.", "Abay."], "en", "ru")
        heavy = ("torch", "stanza", "spacy", "minisbd", "onnxruntime", "argostranslate.translate")
        print(json.dumps([out, [m for m in heavy if m in sys.modules]]))
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [["RU", "RU"], []]


@requires_argos
def test_broken_package_folder_is_reported_not_fatal(tmp_path: Path, packages: dict[str, Path]) -> None:
    tr = argos_translator(tmp_path, [packages["en-ru"]])
    (tmp_path / "argos-packages" / "half-copied").mkdir()
    fresh = Translator(tr.config)
    assert fresh.route("en", "ru").kind == "direct"
    assert any("half-copied: not an argos package (no metadata.json)" in p for p in fresh.problems())


@requires_argos
def test_download_from_an_index_installs_the_newest_package(tmp_path: Path, packages: dict[str, Path]) -> None:
    isolate_argos()
    old = tmp_path / "old.argosmodel"
    shutil.copy(packages["kk-en"], old)  # a different pair under an older version must not be chosen
    index = [
        {"type": "translate", "from_code": "en", "to_code": "ru", "package_version": "0.9", "links": [old.as_uri()]},
        {"type": "translate", "from_code": "en", "to_code": "ru", "package_version": "1.9",
         "links": [packages["en-ru"].as_uri()]},
    ]
    (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
    engine = ArgosEngine(tmp_path / "pk")
    info = engine.download("en", "ru", (tmp_path / "index.json").as_uri())
    assert (info.src, info.tgt) == ("en", "ru")
    with pytest.raises(DownloadError, match=r"no kk→ru package \(it has: en\); for Kazakh configure an NLLB model"):
        engine.download("kk", "ru", (tmp_path / "index.json").as_uri())


@requires_argos
def test_download_offline_fails_at_once_with_one_line(tmp_path: Path) -> None:
    isolate_argos()
    # nothing listens on the discard port of the loopback interface: the same failure as no network
    with pytest.raises(DownloadError) as caught:
        ArgosEngine(tmp_path / "pk").download("en", "ru", "http://127.0.0.1:9/index.json", timeout=5)
    message = str(caught.value)
    assert "\n" not in message and "cannot read the argos package index" in message
    assert "translit models install FILE.argosmodel" in message


@requires_argos
@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare(1) to drop the network")
def test_install_and_translate_with_networking_impossible(tmp_path: Path, packages: dict[str, Path]) -> None:
    """A fresh process in a network namespace with no interfaces up: install, translate, and the explicit download."""
    if subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode != 0:
        pytest.skip("unprivileged network namespaces are not available here")
    script = textwrap.dedent(
        f"""
        import sys
        from translit.mt import ArgosEngine, DownloadError, MTConfig, Translator
        engine = ArgosEngine({str(tmp_path / 'pk')!r})
        engine.install({str(packages['kk-en'])!r}); engine.install({str(packages['en-ru'])!r})
        tr = Translator(MTConfig(argos_packages=engine.packages_dir))
        print(tr.translate_batch(["Сәлем әлем.", "Екінші сөйлем!"], "kk", "ru"))
        try:
            engine.download("en", "de")
        except DownloadError as exc:
            print("download:", str(exc).split(":")[0])
        """
    )
    env = {**os.environ, **{f"XDG_{kind}_HOME": str(tmp_path / kind) for kind in ("DATA", "CONFIG", "CACHE")}}
    out = subprocess.run(
        ["unshare", "-rn", sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["['RU', 'RU']", "download: cannot read the argos package index https"]


# --------------------------------------------------------------------------- NLLB engine and per-pair configuration


@requires_argos
def test_nllb_engine_adds_language_tokens_and_strips_the_target_one(nllb_model: Path) -> None:
    engine = NllbEngine(nllb_model)
    assert set(engine.pairs()) == {("en", "kk"), ("en", "ru"), ("kk", "en"), ("kk", "ru"), ("ru", "en"), ("ru", "kk")}
    sentences = ["Абай атындағы Қарағанды облыстық балалар кітапханасы.", "", "K.A. Bakhina, +7 (727) 267-28-83 "]
    assert engine.translate_batch(sentences, "kk", "ru") == sentences


def test_nllb_engine_without_model_files_says_what_is_missing(tmp_path: Path) -> None:
    engine = NllbEngine(tmp_path / "nowhere")
    assert engine.pairs() == {}
    assert "no CTranslate2 model.bin" in (engine.problem() or "")
    with pytest.raises(ModelError, match="convert NLLB-200 with ct2-transformers-converter"):
        engine.translate_batch(["Hello."], "en", "kk")


@requires_argos
def test_config_mixes_engines_per_pair_and_pivots_across_them(
    tmp_path: Path, packages: dict[str, Path], nllb_model: Path
) -> None:
    tr = argos_translator(tmp_path, [packages["en-ru"]], pairs={"kk-en": {"engine": "nllb", "model": str(nllb_model)}})
    route = tr.route("kk", "ru")
    assert [(s.src, s.tgt, s.engine) for s in route.steps] == [("kk", "en", "nllb"), ("en", "ru", "argos")]
    # NLLB copy then argos marker: the text really went through both engines
    assert tr.translate_batch(["Қазақстан Республикасының Ұлттық кітапханасы."], "kk", "ru") == ["RU"]
    assert tr.translate_batch(["Қазақстан."], "kk", "en") == ["Қазақстан."]
    # en->kk was not configured for NLLB and argos has no such package
    with pytest.raises(NoRouteError):
        tr.route("en", "kk")


def test_config_from_translit_toml(tmp_path: Path) -> None:
    (tmp_path / "translit.toml").write_text(
        textwrap.dedent(
            """
            [mt]
            default = "argos"
            argos_packages = "models/argos"
            nllb_model = "models/nllb"
            pivots = ["en", "ru"]

            [mt.pairs]
            "en-kk" = { engine = "nllb" }
            "ru-kk" = "none"
            """
        ),
        encoding="utf-8",
    )
    from translit.mt import PairSetting, load_config

    config = load_config(start=tmp_path / "posts")
    assert config.argos_packages == tmp_path / "models" / "argos"
    assert config.nllb_model == tmp_path / "models" / "nllb"
    assert config.pivots == ("en", "ru")
    assert config.pairs == {("en", "kk"): PairSetting("nllb"), ("ru", "kk"): PairSetting("none")}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"default": "google"}, "default must be one of argos, nllb, none"),
        ({"pairs": {"english-kazakh": "nllb"}}, "must look like"),
        ({"pairs": {"en-kk": {"engine": "deepl"}}}, "pairs.en-kk: engine must be one of"),
        ({"beam": 4}, "unknown key 'beam'"),
    ],
)
def test_bad_mt_config_is_one_line_naming_the_file(table: dict, message: str) -> None:
    with pytest.raises(MTConfigError) as caught:
        MTConfig.from_mapping(table, source="site/translit.toml")
    assert str(caught.value).startswith("site/translit.toml: [mt] ") and message in str(caught.value)


# --------------------------------------------------------------------------- CLI


@requires_argos
def test_cli_install_then_list_json(tmp_path: Path, packages: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    from translit.cli import main

    isolate_argos()
    pk = str(tmp_path / "pk")
    for name in ("kk-en", "en-ru"):
        assert main(["models", "install", str(packages[name]), "--packages", pk]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"installed translate-kk_en-marker 1.0 (kk→en) into {pk}",
        f"installed translate-en_ru-marker 1.0 (en→ru) into {pk}",
    ]
    assert main(["models", "list", "--json", "--packages", pk]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in report["argos"]["packages"]] == ["translate-en_ru-marker", "translate-kk_en-marker"]
    assert [(r["src"], r["tgt"], r["kind"], r["via"]) for r in report["routes"]] == [
        ("en", "ru", "direct", []),
        ("kk", "en", "direct", []),
        ("kk", "ru", "pivot", ["en"]),
    ]
    assert main(["models", "list", "--packages", pk]) == 0
    text = capsys.readouterr().out
    assert "  kk→ru  pivot   kk→en→ru (argos translate-kk_en-marker 1.0; argos translate-en_ru-marker 1.0)" in text


@requires_argos
def test_cli_lists_nllb_routes_from_the_config_file(
    tmp_path: Path, packages: dict[str, Path], nllb_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from translit.cli import main

    isolate_argos()
    ArgosEngine(tmp_path / "pk").install(packages["en-ru"])
    config = tmp_path / "translit.toml"
    config.write_text(
        f'[mt]\nargos_packages = "pk"\nnllb_model = "{nllb_model}"\n[mt.pairs]\n"kk-en" = "nllb"\n"en-kk" = "nllb"\n',
        encoding="utf-8",
    )
    assert main(["models", "list", "--config", str(config)]) == 0
    captured = capsys.readouterr()
    assert f"nllb models (CC-BY-NC 4.0 weights):\n  {nllb_model}\n" in captured.out
    assert f"  kk→ru  pivot   kk→en→ru (nllb {nllb_model}; argos translate-en_ru-marker 1.0)" in captured.out
    assert f"  en→kk  direct  en→kk (nllb {nllb_model})" in captured.out
    assert "ru→kk" not in captured.out  # ru-kk is not configured for NLLB and argos has no ru→en
    assert captured.err == ""


@requires_argos
def test_cli_install_of_a_wrong_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from translit.cli import main

    bad = tmp_path / "post.md"
    bad.write_text("# not a model\n", encoding="utf-8")
    assert main(["models", "install", str(bad), "--packages", str(tmp_path / "pk")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"translit: error: {bad}: not an argos package (a .argosmodel file is a zip archive)\n"


# --------------------------------------------------------------------------- sentence splitting


def test_split_sentences_keeps_initials_and_quotes_together() -> None:
    line = SEED.split("\n")[10]
    parts = split_sentences(line)
    assert len(parts) == 2
    assert parts[0].endswith("(Bishkek, Kyrgyzstan). ") and "K. Bayalinov" in parts[0]
    assert parts[1].startswith("The head of the group") and "K.A. Bakhina" in parts[1]
    assert split_sentences("Сәлем әлем! «Үшінші» сөйлем? 28 ақпанда.") == ["Сәлем әлем! ", "«Үшінші» сөйлем? ", "28 ақпанда."]


@given(st.text(st.sampled_from(list("Ab .!?«»К1 \t")), max_size=60))
def test_split_sentences_loses_nothing(text: str) -> None:
    assert "".join(split_sentences(text)) == text
