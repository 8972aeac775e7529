"""Finding and friends: frozen, picklable, hashable, JSON shape."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from newslint.finding import Finding, Fix, Related, Severity


def make(**kw) -> Finding:
    base = dict(
        path="a.md",
        line=1,
        column=2,
        end_line=1,
        end_column=4,
        code="X101",
        message="m",
    )
    base.update(kw)
    return Finding(**base)


def test_to_dict_has_the_json_contract_keys():
    data = make(related=(Related("b.md", 3, 4, "t"),)).to_dict()
    assert list(data) == [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "message",
        "severity",
        "rule",
        "related",
    ]
    assert data["severity"] == "warning"
    assert data["related"] == [{"path": "b.md", "line": 3, "column": 4, "text": "t"}]


def test_fix_in_dict_only_when_present():
    assert "fix" not in make().to_dict()
    assert make(fix=Fix(1, 2, "x", safe=False)).to_dict()["fix"] == {
        "start": 1,
        "end": 2,
        "replacement": "x",
        "safe": False,
    }


def test_frozen_hashable_picklable():
    f = make(fix=Fix(1, 2, ""), related=(Related("b", 1, 1),))
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.line = 3  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(f)) == f
    assert len({f, make(fix=Fix(1, 2, ""), related=(Related("b", 1, 1),))}) == 1


def test_sort_key_orders_path_line_column_code():
    items = [make(line=2), make(column=1), make(path="0.md"), make(code="A101")]
    assert [i.sort_key for i in sorted(items, key=lambda f: f.sort_key)] == [
        ("0.md", 1, 2, "X101", "m"),
        ("a.md", 1, 1, "X101", "m"),
        ("a.md", 1, 2, "A101", "m"),
        ("a.md", 2, 2, "X101", "m"),
    ]


def test_severity_values():
    assert [s.value for s in Severity] == ["error", "warning", "info"]


def test_records_compare_by_class_and_fields():
    assert Fix(1, 2, "x") != Related("1", 2, 3)
    assert Fix(1, 2, "x") != (1, 2, "x", True)
    assert repr(Fix(1, 2, "x")) == "Fix(start=1, end=2, replacement='x', safe=True)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del Fix(1, 2, "x").start
