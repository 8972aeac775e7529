"""Declarative house rules: validation errors name the rule; matching and fixes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.config import parse_config
from newslint.engine import Linter
from newslint.errors import ConfigError


def linter(*tables: dict) -> Linter:
    return Linter(
        parse_config({"house-rules": list(tables)}, Path("/nowhere/newslint.toml"))
    )


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ({"code": "H201", "regex": "(unclosed"}, "H201: bad regex"),
        ({"code": "H202"}, "H202: needs exactly one of"),
        (
            {"code": "H203", "phrases": ["a"], "regex": "b"},
            "H203: needs exactly one of",
        ),
        (
            {"code": "N201", "phrases": ["a"]},
            "N201: codes starting with N are reserved",
        ),
        ({"code": "H1", "phrases": ["a"]}, "H1: a code is"),
        ({"phrases": ["a"]}, "has no 'code'"),
        ({"code": "H204", "phrases": []}, "H204: 'phrases' must be"),
        ({"code": "H205", "substitute": {"a": 1}}, "H205: 'substitute' must be"),
        ({"code": "H206", "phrases": ["a"], "severity": "fatal"}, "H206: 'severity'"),
        (
            {"code": "H207", "phrases": ["a"], "colour": "red"},
            "H207: unknown key 'colour'",
        ),
        ({"code": "H208", "regex": "x*"}, "H208: the pattern matches the empty string"),
        (
            {"code": "H209", "phrases": ["a"], "ignore-case": "yes"},
            "H209: 'ignore-case'",
        ),
    ],
)
def test_bad_tables_are_config_errors_naming_the_code(table, problem):
    with pytest.raises(ConfigError) as info:
        linter(table)
    message = str(info.value)
    assert problem in message
    assert "\n" not in message and "/nowhere/newslint.toml" in message


def test_duplicate_codes_are_an_error():
    with pytest.raises(ConfigError, match="H201: the code is used by two"):
        linter({"code": "H201", "phrases": ["a"]}, {"code": "H201", "phrases": ["b"]})


def test_bad_regex_from_the_command_line_is_exit_2(tmp_path: Path, capsys):
    (tmp_path / "newslint.toml").write_text(
        '[[house-rules]]\ncode = "H301"\nregex = "[a-"\n'
    )
    (tmp_path / "a.md").write_text("Text.\n")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(["a.md", "--no-cache"]) == 2
    finally:
        os.chdir(cwd)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "H301" in err and "bad regex" in err


def test_rules_are_listed_and_documented(capsys):
    lint = linter(
        {"code": "H201", "substitute": {"Kiev": "Kyiv"}, "name": "house.kyiv"}
    )
    cls = lint.registry.get("H201")
    assert cls.name == "house.kyiv"
    assert "substitute" in cls.documentation()


def test_substitution_fix_keeps_case_and_is_safe():
    from newslint.document import Document

    lint = linter(
        {
            "code": "H201",
            "substitute": {"kiev": "kyiv", "organisation": "organization"},
            "ignore-case": True,
        }
    )
    rule = next(r for r in lint.document_rules if r.code == "H201")
    doc = Document("a.md", "KIEV, Kiev and the Organisation.\n")
    fixes = [(f.fix.replacement, f.fix.safe) for f in rule.check(doc)]
    assert fixes == [("KYIV", True), ("Kyiv", True), ("Organization", True)]


def test_files_globs_match_folders_too():
    from newslint.document import Document

    lint = linter({"code": "H202", "phrases": ["slammed"], "files": ["politics/*.md"]})
    rule = next(r for r in lint.document_rules if r.code == "H202")
    assert list(rule.check(Document("content/politics/a.md", "He slammed it.\n")))
    assert not list(rule.check(Document("content/sport/a.md", "He slammed it.\n")))


def test_disabled_house_rule_is_off_until_selected():
    lint = linter({"code": "H202", "phrases": ["slammed"], "enabled": False})
    assert "H202" not in lint.selection.enabled
