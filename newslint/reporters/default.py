"""``PATH:LINE:COL: CODE message``, flake8-style, optionally with the source line."""

from __future__ import annotations

from newslint.finding import Finding
from newslint.reporters.base import Reporter

_BOLD, _RED, _CYAN, _RESET = "\033[1m", "\033[31m", "\033[36m", "\033[0m"


class DefaultReporter(Reporter):
    def finding(self, finding: Finding) -> None:
        location = f"{finding.path}:{finding.line}:{finding.column}:"
        code = finding.code
        if self.color:
            location = f"{_BOLD}{location}{_RESET}"
            code = f"{_RED}{code}{_RESET}"
        self.stream.write(f"{location} {code} {finding.message}\n")
        if self.show_source:
            line = self.source_line(finding.path, finding.line)
            if line:
                prefix = "".join(
                    c if c == "\t" else " " for c in line[: finding.column - 1]
                )
                width = (
                    finding.end_column - finding.column
                    if finding.end_line == finding.line
                    else len(line) - finding.column + 1
                )
                marker = "^" * max(1, width)
                if self.color:
                    marker = f"{_CYAN}{marker}{_RESET}"
                self.stream.write(f"    {line}\n    {prefix}{marker}\n")
