"""NL: newslint meta rules, findings about newslint's own comments.

NL101 reports suppression comments that suppress nothing, as ruff's RUF100
does for ``noqa``. It does not look at the prose: the engine calls
``check_suppressions`` after it has filtered the findings, with the
directives of each file and which of them hid a finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import Any

from newslint import Document, DocumentRule, Finding, Fix, Severity, hookimpl


class UnusedSuppression(DocumentRule):
    """A suppression comment that suppresses nothing.

    Suppressions rot: the defect they silenced is edited away, the rule
    changes, or the comment names the wrong code. A stale comment hides the
    next real defect on that line, so it is reported like any other finding.
    Only codes whose rules ran are judged: ``newslint: noqa NQ101`` is left
    alone in a run where NQ101 is not enabled. A directive without codes is
    unused when no rule enabled in this run found anything it covers (so
    run all the rules you use before trusting it). ``enable`` comments and
    directives naming NL codes are never reported.

    Bad:
        <!-- newslint: disable-next-line -->
        The talks ended. Officials left.

    Good:
        <!-- newslint: disable-next-line NT101 -->
        The talks ended. . Officials left.

    Fix: delete the comment, or the unused codes from its list (a safe fix
    does either). Suppress with ``<!-- newslint: disable-file NL101 -->``.
    """

    code = "NL101"
    name = "meta.unused-suppression"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())  # judged after filtering, in check_suppressions

    def check_suppressions(
        self,
        path: str,
        suppressions: Any,
        used: Set[tuple[int, str]],
        enabled: Set[str],
    ) -> Iterator[Finding]:
        """Findings for the directives of ``path`` that hid nothing.

        ``suppressions`` is the file's ``newslint.suppression.Suppressions``;
        ``used`` holds ``(directive index, code)`` for every finding hidden.
        """
        for index, directive in enumerate(suppressions.directives):
            if directive.kind == "enable":
                continue
            hidden = {code for i, code in used if i == index}
            unused = [
                code
                for code in directive.codes
                if _judged(code, enabled)
                and not any(h.startswith(code) for h in hidden)
            ]
            if not unused:
                continue
            position = (
                directive.line,
                directive.column,
                directive.end_line,
                directive.end_column,
            )
            if any(
                other.covers(directive.line, self.code, end)
                for j, (other, end) in enumerate(
                    zip(
                        suppressions.directives,
                        suppressions.directive_end_lines,
                        strict=True,
                    )
                )
                if j != index
            ):
                continue  # silenced by another directive (not by itself)
            yield self._finding(path, directive, unused, position)

    def _finding(
        self,
        path: str,
        directive: Any,
        unused: list[str],
        position: tuple[int, int, int, int],
    ) -> Finding:
        kept = [c for c in directive.codes if c not in unused]
        label = directive.kind if directive.kind != "noqa" else "noqa"
        if kept:
            names = ", ".join(unused)
            message = f"unused code{'s' if len(unused) > 1 else ''} {names} in {label} comment"
            fix = Fix(directive.codes_start, directive.codes_end, " " + ",".join(kept))
        else:
            if directive.codes == ("",):
                message = f"unused {label} comment (nothing to suppress here)"
            else:
                message = (
                    f"unused {label} comment ({', '.join(unused)}: nothing to suppress)"
                )
            fix = Fix(*directive.removal, "")
        line, column, end_line, end_column = position
        return Finding(
            path=path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=self.code,
            message=message,
            severity=self.severity,
            rule=self.name,
            fix=fix,
            start=directive.start,
            end=directive.end,
        )


def _judged(code: str, enabled: Set[str]) -> bool:
    """Whether a run with ``enabled`` rules can tell that ``code`` is unused."""
    if code == "":
        return True
    return any(e.startswith(code) for e in enabled if not e.startswith("NL"))


@hookimpl
def register_rules() -> list[type[DocumentRule]]:
    return [UnusedSuppression]
