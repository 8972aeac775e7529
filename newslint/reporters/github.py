"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from newslint.finding import Finding, Severity
from newslint.reporters.base import Reporter

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def finding(self, finding: Finding) -> None:
        props = ",".join(
            [
                f"file={_escape_property(finding.path)}",
                f"line={finding.line}",
                f"col={finding.column}",
                f"endLine={finding.end_line}",
                f"endColumn={finding.end_column}",
                f"title={_escape_property(f'newslint {finding.code}')}",
            ]
        )
        message = _escape_data(f"{finding.code} {finding.message}")
        self.stream.write(f"::{_LEVEL[finding.severity]} {props}::{message}\n")
