"""The pre-commit round trip: a content repo using this checkout's hook.

Slow (pre-commit builds a virtual environment and pip-installs newslint from
this checkout, which needs PyPI for the build backend) but part of CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

CLEAN_ARTICLE = "The council met on Tuesday and approved the new budget for schools.\n"
DIRTY_ARTICLE = (
    "The council met on Tuesday. . It approved the new budget for schools.\n"
)


def test_hook_definition_matches_the_design():
    hooks = yaml.safe_load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )
    (hook,) = hooks
    assert hook["id"] == "newslint"
    assert hook["entry"] == "newslint"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.(md|markdown|txt)$"
    assert hook["types"] == ["text"]
    assert hook["require_serial"] is True


def _git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    proc = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=True
    )
    return proc.stdout.strip()


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    if shutil.which("git") is None or shutil.which("pre-commit") is None:
        pytest.skip("git or pre-commit is not installed")
    try:
        sha = _git("rev-parse", "HEAD", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip("the checkout is not a git repository")
    repo = tmp_path_factory.mktemp("newsroom")
    _git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {sha}\n    hooks:\n      - id: newslint\n",
        encoding="utf-8",
    )
    (repo / "clean.md").write_text(CLEAN_ARTICLE, encoding="utf-8")
    (repo / "dirty.txt").write_text(DIRTY_ARTICLE, encoding="utf-8")
    (repo / "notes.rst").write_text(DIRTY_ARTICLE, encoding="utf-8")  # not an article
    _git("add", ".", cwd=repo)
    _git("commit", "-q", "-m", "articles", cwd=repo)
    home = tmp_path_factory.mktemp("pre-commit-home")
    return repo, {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}


def _pre_commit(repo_env, *files: str) -> subprocess.CompletedProcess[str]:
    repo, env = repo_env
    return subprocess.run(
        ["pre-commit", "run", "newslint", "--color", "never", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_articles_are_what_the_hook_expects(cli, tree):
    """The two articles really are clean and dirty under the default rules."""
    root = tree({"clean.md": CLEAN_ARTICLE, "dirty.txt": DIRTY_ARTICLE})
    assert cli("clean.md", cwd=root).code == 0
    assert cli("dirty.txt", cwd=root).code == 1


@pytest.mark.slow
def test_pre_commit_fails_on_a_finding(content_repo):
    proc = _pre_commit(content_repo, "dirty.txt")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "dirty.txt:1:27: NT101" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.slow
def test_pre_commit_passes_on_a_clean_article(content_repo):
    proc = _pre_commit(content_repo, "clean.md", "notes.rst")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout, proc.stdout
