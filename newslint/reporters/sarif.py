"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others)."""

from __future__ import annotations

import json
from typing import Any

from newslint._version import __version__
from newslint.finding import Finding, Severity
from newslint.reporters.base import Reporter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A URI reference: relative paths stay relative, absolute ones become file: URIs."""
    import os
    from pathlib import PurePath
    from urllib.parse import quote

    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/")


def _location(
    path: str, line: int, column: int, end_line: int, end_column: int
) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(path)},
            "region": {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,
            },
        }
    }


class SarifReporter(Reporter):
    def finding(self, finding: Finding) -> None:
        """Findings are written together in finish()."""

    def finish(self, findings: list[Finding]) -> None:
        codes = sorted(self.rules)
        index = {code: i for i, code in enumerate(codes)}
        rules = []
        for code in codes:
            cls = self.rules[code]
            rules.append(
                {
                    "id": code,
                    "name": cls.name,
                    "shortDescription": {"text": cls.summary()},
                    "fullDescription": {"text": cls.documentation()},
                    "help": {"text": cls.documentation()},
                    "defaultConfiguration": {
                        "level": _LEVEL[cls.severity],
                        "enabled": bool(cls.enabled_by_default),
                    },
                }
            )
        results = []
        for f in findings:
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    _location(f.path, f.line, f.column, f.end_line, f.end_column)
                ],
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            if f.related:
                result["relatedLocations"] = [
                    {
                        "id": i,
                        **_location(
                            r.path, r.line, r.column, r.line, r.column + len(r.text)
                        ),
                        "message": {"text": r.text},
                    }
                    for i, r in enumerate(f.related)
                ]
            results.append(result)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "newslint",
                            "version": __version__,
                            "informationUri": "https://pypi.org/project/newslint/",
                            "rules": rules,
                        }
                    },
                    "results": results,
                }
            ],
        }
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
