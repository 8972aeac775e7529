"""NT: typography and garbling within one article."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint import Document, DocumentRule, Finding, Fix, Severity, hookimpl

# ". ." or ".." or ",," not part of an ellipsis (". . ." or "...").
_DOUBLED = regex.compile(
    r"(?<![.\s]\s?)(?<!\.)([.,;:!?])([\"”’»)]*)(\s?)(?<!\.\.)\1(?!\s?\.)"
)


class DoubledPunctuation(DocumentRule):
    """Sentence punctuation doubled by a bad edit or a scrape (". .", ",,").

    An editing tool or a scraper that glues fragments together leaves the
    closing punctuation twice. A spaced ellipsis (". . .") and "..." are
    deliberate and are not reported.

    Bad:
        The talks ended. . Officials left.

    Good:
        The talks ended. Officials left. He paused . . . then spoke.

    Fix: delete the second mark (offered as a safe fix). Suppress with
    ``newslint: noqa NT101`` on the line.
    """

    code = "NT101"
    name = "typography.doubled-punctuation"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for match in _DOUBLED.finditer(prose):
            start, end = match.span()
            yield self.finding(
                doc,
                start,
                end,
                f"doubled punctuation {doc.text[start:end]!r}",
                fix=Fix(match.end(1), end, ""),
            )


@hookimpl
def register_rules() -> list[type[DocumentRule]]:
    return [DoubledPunctuation]
