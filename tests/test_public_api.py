"""The names ``translit`` exports, used as a program importing them would.

Importing a submodule sets an attribute of the same name on the package, so a
module named like an export (``translit/rerender.py`` beside ``translit.rerender``)
would replace the function as soon as anything imported the module.

The library's promise is checked from the caller's side on real posts: a strict
type checker sees every export with real types; calls print nothing and warn
nothing; a custom glossary or configuration changes only the calls given it;
threads get what a serial run gets; a bad argument raises a ``TranslitError``
that says what was wrong.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import types
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import translit
from translit.config import load_config
from translit.mt import MTConfig, Translator

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "nlrk-2023-02-28.en.txt").read_text(encoding="utf-8")
CLEAN = ROOT / "tests" / "data" / "posts" / "clean"
GATE = ROOT / "tests" / "data" / "gate" / "posts"
NO_ENGINE = Translator(MTConfig(default="none"))

SITE_GLOSSARY = """title = "Our library's names"

[[entity]]
id = "lib.site_reading_room"
type = "department"
kk = "Сирек кітаптар оқу залы"
ru = "Читальный зал редких книг"
en = "Rare Books Reading Room"
[entity.discouraged]
en = [{ form = "Rare Book Room", reason = "the room's name since 2020" }]

[[entity]]
id = "lib.site_reading_club"
type = "department"
en = "Abai Reading Club"
"""
"""The second entry has only its English name, as the format allows (at least one language)."""


@pytest.fixture(autouse=True)
def _away_from_the_machines_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No translit.toml above the folder and no translation memory of the machine's user.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def test_no_submodule_is_named_like_an_export() -> None:
    modules = {info.name for info in pkgutil.iter_modules(translit.__path__)}
    assert modules.isdisjoint(translit.__all__)


def test_dir_shows_the_public_api_and_not_the_names_the_package_uses_itself() -> None:
    # help(translit) and an IDE's completion list what dir() gives
    import translit.tm

    for package in (translit, translit.tm):
        public = [name for name in dir(package) if not name.startswith("__")]
        assert public == sorted(package.__all__), package.__name__


def test_every_export_resolves_to_a_function_class_or_value() -> None:
    for name in translit.__all__:
        value = getattr(translit, name)
        assert not isinstance(value, types.ModuleType), name
        module = importlib.import_module(value.__module__)
        assert getattr(module, name) is value, name


# ------------------------------------------------------------------ types, as mypy --strict sees them

USER_PROGRAM = f"""
from translit import {", ".join(translit.__all__)}
from translit.mt import MTConfig, Translator

def use(post: str) -> tuple[str, ...]:
    info: SchemeInfo = schemes()[0]
    scheme: Scheme = load_scheme("kk-latin-2021")
    text, ambiguous = cyrillize_report("Qairat", "kk-latin-2021")
    found: Detection = detect(post, languages=("kk", "ru", "en"))
    parts: list[Segment] = segments(post)
    glossary: Glossary = Glossary.load()
    mentions: list[Mention] = glossary.find(post, "en")
    recovery: Recovery = recover("Otbasylyk oku")
    versions: Versions = make_versions(post, glossary=glossary, translator=Translator(MTConfig(default="none")),
                                       memory=False, config=None)
    findings: list[Finding] = check_versions({{"en": post}})
    rows: list[AlignedRow] = align_blocks({{"en": post}})
    errors: tuple[type[TranslitError], ...] = (InputError, RuleFileError, UnknownSchemeError, NotReversibleError,
                                                GlossaryError)
    return (romanize(post), romanize_auto(post), cyrillize(text, "kk-iso9"), info.id, scheme.romanize(post),
            found.lang, rerender(post), recovery.text, versions["en"], str(len(parts) + len(mentions)),
            str(len(findings) + len(rows) + len(ambiguous) + len(errors)))
"""

MISUSE = """
import translit
translit.make_versions("x", translator="argos", glossary=["site.toml"], memory=True, config={})
"""


def _mypy(program: str, tmp_path: Path) -> list[str]:
    api = pytest.importorskip("mypy.api", reason="mypy is in the test extra: pip install -e '.[test]'")
    source = tmp_path / "program.py"
    source.write_text(program, encoding="utf-8")
    out, err, _status = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(source)])
    return [line for line in (out + err).splitlines() if ": error:" in line]


def test_a_strict_type_checker_sees_every_export_with_its_types(tmp_path: Path) -> None:
    assert _mypy(USER_PROGRAM, tmp_path) == []
    # The objects make_versions takes are typed, not Any: a wrong one is caught before it runs.
    errors = _mypy(MISUSE, tmp_path)
    assert [e.split('Argument "')[1].split('"')[0] for e in errors] == ["translator", "glossary", "memory", "config"]


# ------------------------------------------------------------------ no printing, no warnings, no hidden state


def _every_call(post: dict[str, str]) -> dict[str, Callable[[], Any]]:
    en, kk = post["en"], post["kk"]
    glossary = translit.Glossary.load()
    return {
        "romanize": lambda: translit.romanize(kk),
        "romanize_auto": lambda: translit.romanize_auto(post["ru"] + "\n" + kk),
        "cyrillize": lambda: translit.cyrillize(translit.romanize(kk, "kk-iso9"), "kk-iso9"),
        "cyrillize_report": lambda: translit.cyrillize_report(translit.romanize(kk, "kk-latin-2021"), "kk-latin-2021"),
        "schemes": translit.schemes,
        "detect": lambda: translit.detect(kk),
        "segments": lambda: translit.segments(en),
        "glossary": lambda: (glossary.find(en, "en"), glossary.fix(SEED, "en"), glossary.lint(kk, "kk")),
        "recover": lambda: translit.recover(translit.romanize(kk, "kk-news")),
        "rerender": lambda: translit.rerender(SEED),
        "make_versions": lambda: translit.make_versions(en, source="en", translator=NO_ENGINE, memory=False),
        "check_versions": lambda: translit.check_versions(post),
        "align_blocks": lambda: translit.align_blocks(post),
    }


def _clean_post() -> dict[str, str]:
    return {path.name.split(".")[1]: path.read_text(encoding="utf-8") for path in CLEAN.glob("reading-family.*.md")}


def test_library_calls_print_nothing_and_warn_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    for name, call in _every_call(_clean_post()).items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            call()
        out, err = capfd.readouterr()
        assert (out, err) == ("", ""), name


def test_a_custom_glossary_or_config_changes_only_its_own_calls(tmp_path: Path) -> None:
    folder = tmp_path / "site"  # not the current folder: a default call does not find its translit.toml
    folder.mkdir()
    site = folder / "site.toml"
    site.write_text(SITE_GLOSSARY, encoding="utf-8")
    (folder / "translit.toml").write_text('[schemes]\nkk = "kk-latin-2021"\n[glossaries]\nextra = ["site.toml"]\n',
                                          encoding="utf-8")
    post = "The Rare Book Room of the National Library of Kazakhstan opened in Kiev.\n\n" + SEED

    def run(**options: Any) -> tuple[dict[str, str], list[tuple[str, str | None]]]:
        versions = translit.make_versions(post, source="en", translator=NO_ENGINE, memory=False, **options)
        config = options.get("config")
        findings = translit.check_versions({"en": post, "kk": "Жұмакенов Еркебұлан Қайроллаұлы"}, config=config)
        return versions.texts, [(f.id, f.fix) for f in findings]

    default = run()
    with_glossary = run(glossary=translit.Glossary.load([site]))
    with_config = run(config=load_config(path=folder / "translit.toml"))
    assert "Rare Books Reading Room" in with_glossary[0]["en"] and "Rare Books Reading Room" not in default[0]["en"]
    assert ("glossary.discouraged", "Rare Books Reading Room") in with_config[1]
    assert ("glossary.discouraged", "Rare Books Reading Room") not in default[1]
    assert run() == default
    assert not translit.Glossary.load().find("the Rare Book Room", "en")


def test_threads_get_what_a_serial_run_gets() -> None:
    posts = sorted({path.name.split(".")[0] for path in GATE.iterdir()})[:8]

    def work(stem: str) -> str:
        files = sorted(GATE.glob(f"{stem}.*"))
        first = files[0].read_text(encoding="utf-8")
        findings = [f.to_dict() for f in translit.check_versions([str(path) for path in files])]
        versions = translit.make_versions(first, translator=NO_ENGINE, memory=False)
        spans = [(s.kind, s.start, s.end, s.detection.lang) for s in translit.segments(first)]
        return json.dumps([findings, versions.texts, spans, translit.romanize_auto(first)], ensure_ascii=False)

    serial = [work(stem) for stem in posts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(work, posts)) == serial


# ------------------------------------------------------------------ a user's glossary with a name in one language only


def test_a_name_without_a_form_in_the_target_stays_as_written(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE_GLOSSARY, encoding="utf-8")
    post = "On 28 February 2023 the Abai Reading Club of the National Library of Kazakhstan met in Almaty."
    versions = translit.make_versions(post, source="en", translator=NO_ENGINE, memory=False,
                                      glossary=translit.Glossary.load([site]))
    assert "Abai Reading Club" in versions["ru"] and "Abai Reading Club" in versions["kk"]
    assert "Национальн" in versions["ru"]  # the names the glossary has are still given in Russian


# ------------------------------------------------------------------ bad arguments


def _bad_calls(tmp_path: Path) -> dict[str, tuple[Callable[[], Any], type[translit.TranslitError], str]]:
    malformed = tmp_path / "malformed.toml"
    malformed.write_text('[[entity]]\nid = "lib.x"\ntype = "library"\nen = 5\n', encoding="utf-8")
    post = str(CLEAN / "reading-family.en.md")
    glossary = translit.Glossary.load()
    return {
        "unknown scheme": (lambda: translit.romanize(SEED, "kk-nope"), translit.UnknownSchemeError,
                           "unknown scheme 'kk-nope'"),
        "unknown option": (lambda: translit.romanize(SEED, "ru-news+nope"), translit.UnknownSchemeError,
                           "has no option 'nope'"),
        "options for a compiled scheme": (lambda: translit.romanize("Юрьев объезд", translit.load_scheme("ru-bgn-pcgn"),
                                                                   options=["ascii"]),
                                          translit.TranslitError, "load_scheme('ru-bgn-pcgn', ['ascii'])"),
        "unknown language to detect": (lambda: translit.detect("Бахина фото", languages=("kk", "kz")),
                                       translit.TranslitError, "unknown language 'kz'"),
        "one string of languages": (lambda: translit.segments(SEED, languages="kk"), translit.TranslitError,
                                    "not the string 'kk'"),
        "unknown target": (lambda: translit.make_versions(SEED, targets=("en", "de"), translator=NO_ENGINE),
                           translit.TranslitError, "unknown language 'de'"),
        "unknown format": (lambda: translit.make_versions(SEED, fmt="docx", translator=NO_ENGINE, memory=False),
                           translit.TranslitError, "unknown format 'docx'"),
        "unknown format to check": (lambda: translit.check_versions({"en": SEED}, formats={"en": "docx"}),
                                    translit.TranslitError, "unknown format 'docx'"),
        "unknown Latin style": (lambda: translit.recover("Otbasylyk oku", style="kk-latin"), translit.TranslitError,
                                "unknown style 'kk-latin'"),
        "unknown case": (lambda: glossary.canonical("lib.nlrk", "ru", case="genitive"), translit.GlossaryError,
                         "unknown case 'genitive'"),
        "unknown language of a name": (lambda: glossary.find(SEED, "fr"), translit.GlossaryError,
                                       "unknown language 'fr'"),
        "unknown status to fix": (lambda: glossary.fix(SEED, "en", statuses=["discuraged"]), translit.GlossaryError,
                                  "unknown status 'discuraged'"),
        "one string of statuses": (lambda: glossary.lint(SEED, "en", statuses="outdated"), translit.GlossaryError,
                                   "not the string 'outdated'"),
        "malformed glossary": (lambda: translit.Glossary.load([malformed]), translit.GlossaryError,
                               f"{malformed}:2: lib.x: needs an official form"),
        "one glossary path, not a list": (lambda: translit.Glossary.load(str(malformed)), translit.GlossaryError,
                                          "a list of files"),
        "one post path, not a list": (lambda: translit.check_versions(post), translit.InputError, "a list of files"),
    }


@pytest.mark.parametrize("case", ["unknown scheme", "unknown option", "options for a compiled scheme",
                                  "unknown language to detect",
                                  "one string of languages", "unknown target", "unknown format",
                                  "unknown format to check", "unknown Latin style", "unknown case",
                                  "unknown language of a name", "unknown status to fix", "one string of statuses",
                                  "malformed glossary",
                                  "one glossary path, not a list", "one post path, not a list"])
def test_a_bad_argument_raises_a_translit_error_saying_what_is_wrong(case: str, tmp_path: Path) -> None:
    call, kind, message = _bad_calls(tmp_path)[case]
    with pytest.raises(kind) as raised:
        call()
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
