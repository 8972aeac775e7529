"""newslint: a misinformation and consistency linter for news text.

This module is the public API for plugin authors; import nothing else.
"""

from newslint._version import __version__
from newslint.document import Block, Document
from newslint.errors import ConfigError
from newslint.finding import Finding, Fix, Related, Severity
from newslint.hookspecs import hookimpl
from newslint.rule import CorpusRule, DocumentRule, Member, Story

__all__ = [
    "Block",
    "ConfigError",
    "CorpusRule",
    "Document",
    "DocumentRule",
    "Finding",
    "Fix",
    "Member",
    "Related",
    "Severity",
    "Story",
    "__version__",
    "hookimpl",
]
