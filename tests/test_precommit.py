"""The pre-commit hook as a site uses it: pre-commit itself, on a sample site repository.

Both snippets of docs/check.md are run as written, with only the repository and ``rev:``
pointed at this checkout. The hook's own environment is built by pre-commit from the
checkout with pip, as configured on this machine (no network of its own); when that
install cannot be done here the test is skipped and says why.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "check.md"
CLEAN = Path(__file__).parent / "data" / "posts" / "clean"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def snippet(marker: str) -> str:
    found = re.search(rf"<!-- {marker} -->\n```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert found, marker
    return found.group(1)


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """A site repository: one clean trilingual post, and files the hook must leave alone."""
    repo = tmp_path / "site"
    (repo / "posts").mkdir(parents=True)
    for path in CLEAN.glob("reading-family.*.md"):
        shutil.copy(path, repo / "posts" / path.name)
    # each of these fails `translit check` if it is ever passed to it
    (repo / "README.md").write_text("# Our site\n\nDelegates came from Kiev.\n", encoding="utf-8")
    (repo / "README.en.md").write_text("# Our site\n\nDelegates came from Kiev.\n", encoding="utf-8")
    (repo / "posts" / "reading-family.en.fixed.md").write_text("Delegates came from Kiev.\n", encoding="utf-8")
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    return repo


def pre_commit(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(site.parent / "pre-commit-home"),
        # the hook's translit is built without compiling the recovery (same behaviour, faster to build)
        "HATCH_BUILD_NO_HOOKS": "true",
        # `language: system` finds the translit installed beside this Python
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=site, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode == 3 and "Installing environment" in done.stdout + done.stderr:
        log = (site.parent / "pre-commit-home" / "pre-commit.log")
        last = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1] if log.exists() else done.stdout.strip()[-200:]
        pytest.skip(f"pre-commit could not install translit into the hook's environment here: {last}")
    return done


def fails_only_on_the_bad_post(site: Path, *args: str) -> None:
    passed = pre_commit(site, *args)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"translit check.*Passed", passed.stdout)

    (site / "posts" / "visit.en.md").write_text("# Visit\n\nDelegates came from Kiev.\n", encoding="utf-8")
    git("add", "-A", cwd=site)
    failed = pre_commit(site, *args)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    reported = [line for line in failed.stdout.splitlines() if "glossary.discouraged" in line]
    assert reported and "README" not in failed.stdout and ".fixed." not in failed.stdout
    assert "2 posts, 4 files: 1 error, 0 warnings, 0 info" in failed.stdout  # the clean post, and the bad one


def test_documented_hook_from_this_repository(site: Path) -> None:
    config = snippet("pre-commit-remote")
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=ROOT, capture_output=True, text=True)
    if dirty.returncode != 0:
        pytest.skip("this checkout is not a git repository, so pre-commit cannot install from it")
    if dirty.stdout.strip():
        # uncommitted work: pre-commit's try-repo installs the hook from the working tree as it is
        fails_only_on_the_bad_post(site, "try-repo", str(ROOT), "translit-check", "--all-files")
        return
    config = re.sub(r"repo: \S+", f"repo: {ROOT}", config, count=1)
    config = re.sub(r"rev: \S+", f"rev: {git('rev-parse', 'HEAD', cwd=ROOT)}", config, count=1)
    (site / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git("add", "-A", cwd=site)
    fails_only_on_the_bad_post(site, "run", "--all-files")


def test_documented_local_hook_for_sites_that_pip_install_translit(site: Path) -> None:
    (site / ".pre-commit-config.yaml").write_text(snippet("pre-commit-local"), encoding="utf-8")
    git("add", "-A", cwd=site)
    fails_only_on_the_bad_post(site, "run", "--all-files")


def test_local_snippet_uses_the_hooks_own_patterns() -> None:
    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [local] = yaml.safe_load(snippet("pre-commit-local"))["repos"][0]["hooks"]
    assert (local["entry"], local["files"], local["exclude"]) == (hook["entry"], hook["files"], hook["exclude"])
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    checked = [name for name in ["post.en.md", "news/2026/visit_kk.html", "a-ru.TXT", "README.md", "README.ru.md", "docs/licence.kk.md",
                                 "post.en.fixed.md", "notes.md", "post.de.md", "image.en.png"]
               if files.search(name) and not exclude.search(name)]
    assert checked == ["post.en.md", "news/2026/visit_kk.html", "a-ru.TXT"]


def test_no_posts_found_is_exit_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.png").write_bytes(b"\x89PNG")
    for folder in ("empty", "assets"):
        done = subprocess.run([sys.executable, "-m", "translit", "check", str(tmp_path / folder)], capture_output=True, text=True)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and "no posts found" in done.stderr
