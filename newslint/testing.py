"""Data-driven rule tests: load YAML cases, run them, compare findings.

Public so house-style plugins test their rules the same way as the built-ins.
A case file looks like::

    rule: NT101
    cases:
      doubled_period:
        text: "The talks ended. . Officials left.\\n"
        expect:
          - {line: 1, col: 16, text: ". ."}
      spaced_ellipsis_is_fine:
        text: "He paused . . . then spoke.\\n"
        expect: []

Corpus rules use ``files: {path: text}`` (and optional ``targets: [path]``);
expectations then add ``path`` and optionally ``related: [{path, line}]``.
Optional case keys: ``config`` (newslint.toml keys), ``select``, ``message``
(substring every finding's message must contain), ``skip`` (a reason),
``filename`` (for ``text`` cases, default ``article.md``).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.finding import Finding


@dataclass
class Case:
    rule: str
    name: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.rule}::{self.name}"


def load_cases(folder: str | Path) -> list[Case]:
    """Every case of every ``*.yaml`` file in ``folder``, in a stable order."""
    import yaml

    cases: list[Case] = []
    for path in sorted(Path(folder).glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        rule = data["rule"]
        for name, case in (data.get("cases") or {}).items():
            cases.append(Case(rule, name, case))
    return cases


def run_case(case: Case, *, plugins: tuple[str, ...] = ()) -> list[Finding]:
    """Lint the case's files in a temporary folder; return findings of its codes."""
    from newslint.config import Config, parse_config
    from newslint.discovery import discover
    from newslint.engine import Linter

    data = case.data
    files: dict[str, str] = data.get("files") or {
        data.get("filename", "article.md"): data["text"]
    }
    with tempfile.TemporaryDirectory() as tmp:
        for rel, text in files.items():
            path = Path(tmp, rel)
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        config_data = dict(data.get("config") or {})
        select = data.get("select") or [case.rule]
        config_data["select"] = list(select)
        if plugins:
            # Paths are given relative to the caller's folder, not the temp folder.
            resolved = [os.path.abspath(p) if p.endswith(".py") else p for p in plugins]
            config_data["plugins"] = [*config_data.get("plugins", []), *resolved]
        config = parse_config(config_data, Path(tmp, "newslint.toml"))
        assert isinstance(config, Config)
        targets = data.get("targets") or list(files)
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            refs = [p for p in files if p not in targets]
            sources = discover(sorted(targets), config, corpus=tuple(refs))
            linter = Linter(config)
            linter.use_cache = False
            return linter.run(sources, jobs=1).findings
        finally:
            os.chdir(cwd)


def compare(case: Case, findings: list[Finding]) -> list[str]:
    """Differences between expected and actual findings (empty: the case passes)."""
    expected = case.data.get("expect") or []
    files = case.data.get("files") or {
        case.data.get("filename", "article.md"): case.data.get("text", "")
    }
    problems: list[str] = []
    actual = [
        {
            "path": f.path,
            "line": f.line,
            "col": f.column,
            "code": f.code,
            "text": _span_text(files.get(f.path, ""), f),
            "related": [{"path": r.path, "line": r.line} for r in f.related],
            "message": f.message,
        }
        for f in findings
    ]
    unmatched = list(actual)
    for want in expected:
        match = next((a for a in unmatched if _matches(want, a, case.rule)), None)
        if match is None:
            problems.append(f"missing {want}")
        else:
            unmatched.remove(match)
    for extra in unmatched:
        problems.append(
            f"unexpected {extra['code']} at {extra['path']}:{extra['line']}:{extra['col']}"
            f" {extra['text']!r}: {extra['message']}"
        )
    wanted_message = case.data.get("message")
    if wanted_message:
        problems.extend(
            f"message {a['message']!r} lacks {wanted_message!r}"
            for a in actual
            if wanted_message not in a["message"]
        )
    return problems


def _matches(want: dict[str, Any], got: dict[str, Any], default_code: str) -> bool:
    if want.get("code", default_code) != got["code"]:
        return False
    if "path" in want and want["path"] != got["path"]:
        return False
    if want.get("line") != got["line"] or want.get("col", got["col"]) != got["col"]:
        return False
    if "text" in want and want["text"] != got["text"]:
        return False
    if "message" in want and want["message"] not in got["message"]:
        return False
    if "related" in want:
        have = {(r["path"], r["line"]) for r in got["related"]}
        have_paths = {r["path"] for r in got["related"]}
        for rel in want["related"]:
            if rel.get("line") is None:
                if rel["path"] not in have_paths:
                    return False
            elif (rel["path"], rel["line"]) not in have:
                return False
    return True


def _span_text(text: str, finding: Finding) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text[finding.start : finding.end]
