"""A house-style plugin a newsroom can copy: preferred spellings and banned phrases.

Use it unpackaged by naming the file in config (``plugins = ["house_style/house_style.py"]``)
or install it (``pip install ./examples/house_style``) so it registers through the
``newslint`` entry-point group. Not both: the two copies would register the same codes.

The hook runs on every commit, so the module keeps its import cheap: stdlib
``re`` (``regex`` costs ~20 ms to import; use it only where its Unicode
properties are needed, and import it inside the function that compiles).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from newslint import Document, DocumentRule, Finding, Fix, Severity, hookimpl


class PreferredSpelling(DocumentRule):
    """A word the house spells another way.

    House style fixes one spelling for words with variants (Organisation or
    Organization, Kiev or Kyiv). Configure the pairs in ``[rules.H101]``
    ``spellings = { "Organisation" = "Organization" }``; matching is on whole
    words and keeps the case of the first letter.

    Bad:
        The Organisation for Flood Relief met on Monday.

    Good:
        The Organization for Flood Relief met on Monday.
    """

    code = "H101"
    name = "house.preferred-spelling"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        spellings: dict[str, str] = field(
            default_factory=lambda: {"Organisation": "Organization"}
        )

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        words = sorted(self.options.spellings, key=len, reverse=True)
        if not words:
            return None
        return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")

    def check(self, doc: Document) -> Iterator[Finding]:
        if self._pattern is None:
            return
        for match in self._pattern.finditer(doc.prose):
            wanted = self.options.spellings[match.group(0)]
            yield self.finding(
                doc,
                match.start(),
                match.end(),
                f"house style writes '{wanted}', not '{match.group(0)}'",
                fix=Fix(match.start(), match.end(), wanted),
            )


class BannedPhrase(DocumentRule):
    """A phrase the house style guide bans from news copy.

    Loaded words ("slammed", "sparked outrage") editorialise. List them in
    ``[rules.H102] phrases = [...]``; matching ignores case and is on whole words.

    Bad:
        The mayor slammed the decision.

    Good:
        The mayor criticised the decision.
    """

    code = "H102"
    name = "house.banned-phrase"
    severity = Severity.WARNING

    @dataclass(frozen=True)
    class Options:
        phrases: tuple[str, ...] = ("slammed", "sparked outrage")

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.options.phrases:
            return None
        alternation = "|".join(re.escape(p) for p in self.options.phrases)
        return re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE)

    def check(self, doc: Document) -> Iterator[Finding]:
        if self._pattern is None:
            return
        for match in self._pattern.finditer(doc.prose):
            yield self.finding(
                doc,
                match.start(),
                match.end(),
                f"avoid '{match.group(0)}' in news copy",
            )


@hookimpl
def register_rules() -> list[type[DocumentRule]]:
    return [PreferredSpelling, BannedPhrase]
