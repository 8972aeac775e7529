"""One JSON array of findings (DESIGN section 2 keys)."""

from __future__ import annotations

import json

from newslint.finding import Finding
from newslint.reporters.base import Reporter


class JsonReporter(Reporter):
    def finding(self, finding: Finding) -> None:
        """Findings are written together in finish()."""

    def finish(self, findings: list[Finding]) -> None:
        json.dump(
            [f.to_dict() for f in findings], self.stream, indent=2, ensure_ascii=False
        )
        self.stream.write("\n")
