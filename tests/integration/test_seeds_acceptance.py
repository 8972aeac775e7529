"""Acceptance: the defects DESIGN.md section 8 lists for ../shared/seeds.

The table lives in ../shared/acceptance/check_seeds.py (one source of truth);
this test runs newslint once on the seeds and checks every row, and that none
of the "must not be reported" cases is. Skipped when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
CHECKER = SHARED / "acceptance" / "check_seeds.py"

pytestmark = pytest.mark.skipif(
    not (SEEDS.is_dir() and CHECKER.is_file()), reason="../shared/seeds is not here"
)


def _checker():
    spec = importlib.util.spec_from_file_location("check_seeds", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "--isolated",
            "--format",
            "json",
            "--cache-dir",
            str(cache),
            str(SEEDS),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def _rows():
    if not CHECKER.is_file():
        return []
    return _checker().EXPECTED


def _forbidden():
    if not CHECKER.is_file():
        return []
    return _checker().FORBIDDEN


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r[0]}:{r[1]}:{r[3]}")
def test_expected_defect_is_reported(findings, row):
    prefix, line, text, family = row
    assert _checker().hits(findings, prefix, line, text, (family,)), (
        f"no {family} finding at {prefix}:{line} on {text or 'the line'}"
    )


@pytest.mark.parametrize("row", _forbidden(), ids=lambda r: f"{r[0]}:{r[1]}:{r[2]}")
def test_legitimate_text_is_not_reported(findings, row):
    prefix, line, text, families = row
    hits = _checker().hits(findings, prefix, line, text, families)
    assert not hits, [f"{h['code']} {h['message']}" for h in hits]
