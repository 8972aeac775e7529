"""Every YAML case under tests/fixtures/rules/ as one parametrized test."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import compare, load_cases, run_case

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
CASES = load_cases(FIXTURES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    if case.data.get("skip"):
        pytest.skip(case.data["skip"])
    findings = run_case(case)
    problems = compare(case, findings)
    assert not problems, "\n".join(problems)
