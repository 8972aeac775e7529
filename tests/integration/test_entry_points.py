"""A real pip-installed plugin, found through the ``newslint`` entry-point group.

The fixture distribution is installed offline (``--no-index --no-build-isolation``)
into a temporary ``--target`` folder that only the subprocesses below see, so the
development virtual environment stays untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, assert_one_line_error, run_subprocess

PLUGIN_DIST = FIXTURES / "plugins" / "newslint-test-plugin"


def _install_by_hand(target: Path) -> None:
    """What pip would lay down: the package plus a dist-info with entry points.

    Used when pip cannot build offline (no ``wheel``/``setuptools`` in the venv):
    importlib.metadata reads exactly these files either way.
    """
    shutil.copytree(
        PLUGIN_DIST / "newslint_test_plugin", target / "newslint_test_plugin"
    )
    info = target / "newslint_test_plugin-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: newslint-test-plugin\nVersion: 0.1.0\n",
        encoding="utf-8",
    )
    (info / "entry_points.txt").write_text(
        "[newslint]\ntest_plugin = newslint_test_plugin\n", encoding="utf-8"
    )
    (info / "top_level.txt").write_text("newslint_test_plugin\n", encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build") / "src"
    shutil.copytree(PLUGIN_DIST, build)  # keep build artefacts out of the checkout
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(build),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0 or not list(target.glob("*.dist-info")):
        shutil.rmtree(target)
        target.mkdir()
        _install_by_hand(target)
    return target


def env_with(site: Path) -> dict[str, str]:
    old = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": str(site) + (os.pathsep + old if old else "")}


def test_installed_plugin_rule_runs(site, tree):
    root = tree({"a.md": "Here is the FLAGWORD.\n", "b.md": "Nothing.\n"})
    result = run_subprocess(
        [".", "--select", "X101", "--format", "json"], cwd=root, env=env_with(site)
    )
    assert result.code == 1, result
    data = json.loads(result.out)
    assert [
        (d["path"], d["line"], d["column"], d["code"], d["rule"]) for d in data
    ] == [("a.md", 1, 13, "X101", "test-plugin.flagword")]


def test_installed_plugin_is_listed_and_documented(site, tree):
    root = tree({})
    rules = run_subprocess(["rules"], cwd=root, env=env_with(site))
    assert any(line.startswith("X101 ") for line in rules.out.splitlines())
    doc = run_subprocess(["rule", "X101"], cwd=root, env=env_with(site))
    assert doc.code == 0
    assert "plugin test_plugin" in doc.out
    version = run_subprocess(["--version"], cwd=root, env=env_with(site))
    assert "newslint-test-plugin 0.1.0" in version.out


def test_not_installed_means_unknown(tree):
    root = tree({"a.md": "FLAGWORD\n"})
    assert_one_line_error(
        run_subprocess(["a.md", "--select", "X101"], cwd=root), "X101"
    )


def test_installed_plugin_clashing_with_a_local_one(site, tree):
    local = (PLUGIN_DIST / "newslint_test_plugin" / "__init__.py").read_text()
    root = tree(
        {
            "newslint.toml": 'plugins = ["clash_copy.py"]\n',
            "clash_copy.py": local,
            "a.md": "x\n",
        }
    )
    result = run_subprocess(["a.md"], cwd=root, env=env_with(site))
    assert_one_line_error(result, "X101", "test_plugin", "clash_copy.py")
