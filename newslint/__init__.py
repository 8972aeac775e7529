"""newslint: a misinformation and consistency linter for news text.

This module is the public API for plugin authors; import nothing else.
Names load on first use (PEP 562), so ``newslint --version`` and the CLI's
argument parsing do not pay for the document model and pluggy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newslint._version import __version__

if TYPE_CHECKING:
    from newslint.document import Block, Document
    from newslint.errors import ConfigError
    from newslint.finding import Finding, Fix, Related, Severity
    from newslint.hookspecs import hookimpl
    from newslint.patterns import LazyPattern, lazy, lazy_regex
    from newslint.rule import CorpusRule, DocumentRule, Member, Story, rule_options

_HOME = {
    "Block": "newslint.document",
    "Document": "newslint.document",
    "ConfigError": "newslint.errors",
    "Finding": "newslint.finding",
    "Fix": "newslint.finding",
    "Related": "newslint.finding",
    "Severity": "newslint.finding",
    "hookimpl": "newslint.hookspecs",
    "CorpusRule": "newslint.rule",
    "DocumentRule": "newslint.rule",
    "Member": "newslint.rule",
    "Story": "newslint.rule",
    "rule_options": "newslint.rule",
    "LazyPattern": "newslint.patterns",
    "lazy": "newslint.patterns",
    "lazy_regex": "newslint.patterns",
}

__all__ = [
    "Block",
    "ConfigError",
    "CorpusRule",
    "Document",
    "DocumentRule",
    "Finding",
    "Fix",
    "LazyPattern",
    "Member",
    "Related",
    "Severity",
    "Story",
    "__version__",
    "hookimpl",
    "lazy",
    "lazy_regex",
    "rule_options",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
