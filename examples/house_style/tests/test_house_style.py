"""The example plugin tested the way a newsroom would test its own rules."""

from pathlib import Path

import pytest

from newslint.testing import compare, load_cases, run_case

HERE = Path(__file__).resolve().parent
PLUGIN = str(HERE.parent / "house_style.py")
CASES = load_cases(HERE / "cases")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_house_case(case):
    problems = compare(case, run_case(case, plugins=(PLUGIN,)))
    assert not problems, "\n".join(problems)
