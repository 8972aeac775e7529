"""Each reporter on hand-made findings (no rules involved)."""

from __future__ import annotations

import io
import json

from newslint.finding import Finding, Related, Severity
from newslint.reporters.default import DefaultReporter
from newslint.reporters.github import GithubReporter
from newslint.reporters.json import JsonReporter
from newslint.reporters.sarif import SarifReporter
from newslint.rule import DocumentRule


class Rule1(DocumentRule):
    """Summary of X101.

    Why it matters.

    Bad:
        bad

    Good:
        good
    """

    code = "X101"
    name = "x.one"
    severity = Severity.ERROR


FINDINGS = [
    Finding("a.md", 2, 5, 2, 9, "X101", "first", Severity.ERROR, "x.one"),
    Finding(
        "dir\\b.md",
        3,
        1,
        4,
        2,
        "X102",
        "second",
        Severity.INFO,
        "x.two",
        related=(Related("c.txt", 7, 3, "other words"),),
    ),
]


def render(cls, findings=FINDINGS, **kwargs) -> str:
    stream = io.StringIO()
    reporter = cls(stream, rules={"X101": Rule1}, **kwargs)
    reporter.start()
    for f in findings:
        reporter.finding(f)
    reporter.finish(findings)
    return stream.getvalue()


def test_default_lines():
    assert render(DefaultReporter).splitlines() == [
        "a.md:2:5: X101 first",
        "dir\\b.md:3:1: X102 second",
    ]


def test_default_color_codes_only_when_asked():
    assert "\x1b[" in render(DefaultReporter, color=True)
    assert "\x1b[" not in render(DefaultReporter, color=False)


def test_default_show_source_multiline_finding():
    out = render(
        DefaultReporter,
        findings=[FINDINGS[1]],
        show_source=True,
        source_line=lambda path, line: "abcdef",
    )
    assert out.splitlines()[1:] == ["    abcdef", "    ^^^^^^"]


def test_json_keys_and_types():
    data = json.loads(render(JsonReporter))
    for item in data:
        assert isinstance(item["line"], int) and isinstance(item["column"], int)
        assert item["severity"] in ("error", "warning", "info")
    assert data[1]["related"] == [
        {"path": "c.txt", "line": 7, "column": 3, "text": "other words"}
    ]
    assert data[0]["rule"] == "x.one"


def test_sarif_structure():
    log = json.loads(render(SarifReporter))
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["rules"][0]["id"] == "X101"
    assert "Why it matters." in driver["rules"][0]["help"]["text"]
    assert driver["rules"][0]["defaultConfiguration"]["level"] == "error"
    first, second = log["runs"][0]["results"]
    assert (
        first["ruleIndex"] == 0 and "ruleIndex" not in second
    )  # X102 is not in the table
    assert second["level"] == "note"
    assert (
        second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "dir/b.md"
    )
    region = second["locations"][0]["physicalLocation"]["region"]
    assert (
        region["startLine"],
        region["startColumn"],
        region["endLine"],
        region["endColumn"],
    ) == (3, 1, 4, 2)
    rel = second["relatedLocations"][0]
    assert rel["physicalLocation"]["artifactLocation"]["uri"] == "c.txt"
    assert rel["physicalLocation"]["region"]["startLine"] == 7
    assert rel["message"]["text"] == "other words"


def test_github_levels():
    lines = render(GithubReporter).splitlines()
    assert lines[0].startswith("::error file=a.md,line=2,col=5,")
    assert lines[1].startswith("::notice ")


def test_empty_outputs():
    assert render(DefaultReporter, findings=[]) == ""
    assert render(GithubReporter, findings=[]) == ""
    assert json.loads(render(JsonReporter, findings=[])) == []
    assert json.loads(render(SarifReporter, findings=[]))["runs"][0]["results"] == []


def test_sarif_uris_are_uri_references(tmp_path):
    absolute = str(tmp_path / "my story.md")
    findings = [
        Finding("news/my story.md", 1, 1, 1, 2, "X101", "m"),
        Finding(absolute, 1, 1, 1, 2, "X101", "m"),
    ]
    results = json.loads(render(SarifReporter, findings=findings))["runs"][0]["results"]
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in results
    ]
    assert uris[0] == "news/my%20story.md"
    assert uris[1].startswith("file:///") and uris[1].endswith("/my%20story.md")
