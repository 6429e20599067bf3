"""``--diff`` and ``--check`` of the rewriting commands (check --fix, glossary lint --fix, rerender), as
ruff's and black's: a unified diff that a patch tool applies, nothing written, exit 1 when a file would change;
and ``check --in-place``, which writes the same fixes over the inputs, changing nothing else."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cli_run import run, stdin
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translit.textio import unified_diff

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "nlrk-2023-02-28.en.txt"
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git apply is the patch tool these tests apply the diff with; no git here")


def _apply(diff: str, folder: Path) -> None:
    """Apply ``diff`` to the files it names under ``folder``, as an editor would with ``git apply -p0``."""
    subprocess.run([str(GIT), "apply", "-p0", "--unsafe-paths", "-"], input=diff.encode("utf-8"), cwd=folder, check=True)


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "post.en.txt")
    return tmp_path / "post.en.txt"


@needs_git
def test_check_diff_writes_nothing_and_applies_to_what_fix_writes(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed.read_bytes()
    code, diff, err = run(capsys, "check", "--diff", seed.name)
    assert code == 1
    assert sorted(path.name for path in seed.parent.iterdir()) == ["post.en.txt"] and seed.read_bytes() == before
    assert diff.startswith("--- post.en.txt\n+++ post.en.txt\n@@ ")
    assert "-The online conference was closed by Bayan Kuanyshevna Uataeva, head" in diff
    assert "+The online conference was closed by Bayan Kuanyshevna Uatayeva, head" in diff
    assert err.startswith("translit: ") and "would change 1 file" in err
    assert run(capsys, "check", "--fix", seed.name)[0] == 1
    fixed = seed.with_name("post.en.fixed.txt").read_bytes()
    _apply(diff, seed.parent)
    assert seed.read_bytes() == fixed
    # the fixes are idempotent: the patched file has nothing left to fix, though findings remain
    assert run(capsys, "check", "--diff", seed.name) == (0, "", "translit: nothing to fix\n")
    assert run(capsys, "check", seed.name)[0] == 1


def test_check_diff_of_versions_with_nothing_to_fix_is_empty(capsys: pytest.CaptureFixture[str]) -> None:
    versions = [str(ROOT / "examples" / f"literary-marathon.{lang}.md") for lang in ("en", "kk", "ru")]
    assert run(capsys, "check", *versions)[0] == 1  # its planted faults are an editor's to fix
    assert run(capsys, "check", "--diff", *versions) == (0, "", "translit: nothing to fix\n")


def test_check_diff_of_standard_input_names_it(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(monkeypatch, '{"en": "The library - on March 3.", "kk": "Кітапхана 3 наурызда."}'.encode())
    code, diff, err = run(capsys, "check", "--stdin-json", "--diff")
    assert (code, err) == (1, "translit: 1 fix would change 1 file\n")
    assert diff == ("--- <stdin:en>\n+++ <stdin:en>\n@@ -1 +1 @@\n-The library - on March 3.\n\\ No newline at end of file\n"
                    "+The library — on March 3.\n\\ No newline at end of file\n")


@pytest.mark.parametrize("options", [["-o", "out"], ["--force"], ["--json"], ["--output-format", "sarif"]])
def test_check_diff_refuses_options_that_write_or_format(seed: Path, options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--diff", *options, seed.name)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "--diff prints a unified diff" in err
    assert sorted(path.name for path in seed.parent.iterdir()) == ["post.en.txt"]


@needs_git
def test_glossary_lint_diff_applies_the_official_forms(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, diff, err = run(capsys, "glossary", "lint", "--diff", "--lang", "en", seed.name)
    assert code == 1
    assert "-The conference was attended" in diff and "(Kyiv, Ukraine)" in diff
    assert "discouraged: 'Kiev' -> 'Kyiv'" in err  # the findings, on standard error as with --fix
    _apply(diff, seed.parent)
    assert "(Kyiv, Ukraine)" in seed.read_text(encoding="utf-8")
    assert run(capsys, "glossary", "lint", "--diff", "--lang", "en", seed.name)[:2] == (0, "")
    assert run(capsys, "glossary", "lint", "--diff", "-o", "x.txt", seed.name)[0] == 2


@needs_git
def test_rerender_check_and_diff(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the seed's by-ear "kitaphanasyn" is no kk-news spelling (х is kh): a hook would catch it
    code, out, err = run(capsys, "rerender", "--check", seed.name)
    assert (code, out, err) == (1, "", "translit: would write 1 span of post.en.txt again in kk-news\n")
    code, diff, _ = run(capsys, "rerender", "--diff", seed.name)
    assert code == 1 and "+On the 28th" in diff and "kitapkhanasyn" in diff
    written = run(capsys, "rerender", seed.name)[1]
    _apply(diff, seed.parent)
    assert seed.read_text(encoding="utf-8") == written
    assert run(capsys, "rerender", "--check", seed.name) == (0, "", "")
    assert run(capsys, "rerender", "--diff", seed.name)[:2] == (0, "")
    code, _, err = run(capsys, "rerender", "--check", "--json", seed.name)
    assert code == 2 and "--diff and --check write no file" in err


# the line breaks other than \n that Python's str.splitlines also splits at, among any other characters
@needs_git
def test_check_in_place_is_the_diff_applied_and_keeps_bom_line_ends_and_mode(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed.write_bytes(b"\xef\xbb\xbf" + seed.read_bytes().replace(b"\n", b"\r\n"))
    seed.chmod(0o640)
    patched = seed.with_name("patched.en.txt")
    shutil.copy(seed, patched)
    code, diff, _ = run(capsys, "check", "--diff", patched.name)
    assert code == 1
    _apply(diff, seed.parent)
    code, out, _ = run(capsys, "check", "--in-place", seed.name)
    assert code == 1 and out.endswith("; 17 fixed in place\n")  # the findings an editor must see remain
    assert seed.read_bytes() == patched.read_bytes()
    assert seed.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in seed.read_bytes() and b"\n\n" not in seed.read_bytes()
    assert b"Uatayeva" in seed.read_bytes() and seed.stat().st_mode & 0o777 == 0o640
    assert sorted(path.name for path in seed.parent.iterdir()) == ["patched.en.txt", "post.en.txt"]
    assert run(capsys, "check", "--diff", seed.name)[0] == 0


@pytest.mark.parametrize("options", [["--diff"], ["-o", "out"], ["--encoding", "cp1251"]])
def test_check_in_place_refuses_what_it_cannot_write_back(seed: Path, options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    before = seed.read_bytes()
    code, _, err = run(capsys, "check", "--in-place", *options, seed.name)
    assert code == 2 and "--in-place rewrites UTF-8 input files" in err and seed.read_bytes() == before


def test_check_in_place_leaves_a_file_the_editor_saved_meanwhile(seed: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from translit.checks import check

    fix_versions = check.fix_versions

    def editor_saves_while_fixing(*args: object, **kwargs: object) -> object:
        fixed = fix_versions(*args, **kwargs)
        seed.write_text(seed.read_text(encoding="utf-8") + "\nA paragraph the editor just wrote.\n", encoding="utf-8")
        return fixed

    monkeypatch.setattr(check, "fix_versions", editor_saves_while_fixing)
    code, _, err = run(capsys, "check", "--in-place", seed.name)
    assert code == 2 and "changed since it was checked; nothing was fixed" in err
    assert seed.read_text(encoding="utf-8").endswith("A paragraph the editor just wrote.\n")
    assert "Uataeva" in seed.read_text(encoding="utf-8")


def test_the_library_fixes_a_post_as_the_command_does(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import translit

    fixed, count = translit.fix_versions({"en": seed.read_text(encoding="utf-8")})
    assert count == 17 and "Bayan Kuanyshevna Uatayeva" in fixed["en"]
    assert run(capsys, "check", "--in-place", seed.name)[0] == 1
    assert seed.read_text(encoding="utf-8") == fixed["en"]
    assert translit.fix_versions(fixed) == (fixed, 0)


_LINE = st.text(st.one_of(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\x00"),
                          st.sampled_from(list("\r\u2028\x0c\x85\x1cәңқ«» "))), max_size=12)


@needs_git
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_LINE, max_size=6), st.lists(_LINE, max_size=6), st.booleans(), st.booleans())
def test_unified_diff_applies_exactly(tmp_path: Path, before: list[str], after: list[str], end_before: bool, end_after: bool) -> None:
    """Whatever the lines hold (\\r, U+2028, form feeds, Cyrillic), the diff turns the one text into the other."""
    old = "\n".join(before) + ("\n" if end_before and before else "")
    new = "\n".join(after) + ("\n" if end_after and after else "")
    target = tmp_path / "post.kk.md"
    target.write_bytes(old.encode("utf-8"))
    diff = unified_diff(old, new, target.name)
    assert (diff == "") == (old == new)
    if diff:
        _apply(diff, tmp_path)
    assert target.read_bytes() == new.encode("utf-8")
