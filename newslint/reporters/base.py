"""The Reporter interface: start, one call per finding, finish."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import IO, Any

from newslint.finding import Finding


class Reporter:
    """Writes findings to a stream. Subclass and register via ``register_reporters``.

    ``rules`` maps every known code to its rule class (for SARIF's rule table);
    ``source_line(path, line)`` returns a line of an article for ``--show-source``.
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        rules: Mapping[str, Any] | None = None,
        show_source: bool = False,
        color: bool = False,
        source_line: Callable[[str, int], str] | None = None,
    ) -> None:
        self.stream = stream
        self.rules = dict(rules or {})
        self.show_source = show_source
        self.color = color
        self.source_line = source_line or (lambda path, line: "")

    def start(self) -> None:
        """Called once before the first finding."""

    def finding(self, finding: Finding) -> None:
        raise NotImplementedError

    def finish(self, findings: list[Finding]) -> None:
        """Called once after the last finding, with all of them."""
