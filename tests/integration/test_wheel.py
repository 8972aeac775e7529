"""The wheel built from a checkout ships the built-in rules and their data files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_rules_and_data(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("newslint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected_modules = {
        f"newslint/rules/{p.relative_to(ROOT / 'rules').as_posix()}"
        for p in (ROOT / "rules").rglob("*")
        if p.suffix in (".py", ".txt") and "__pycache__" not in p.parts
    }
    assert expected_modules <= names, sorted(expected_modules - names)
    assert "newslint/py.typed" in names
    assert "newslint/text/common_words.txt" in names
    assert not any(n.startswith("rules/") for n in names), (
        "rules/ must install as newslint.rules"
    )
