"""Built-in hook implementations that are not rules: reporters and story keys."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newslint.hookspecs import hookimpl

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.reporters.base import Reporter


def _lazy_reporter(module: str, name: str) -> Callable[..., Reporter]:
    """A factory that imports its reporter only when that format is chosen.

    Each reporter module costs a few milliseconds to import and a run uses one.
    """

    def make(*args: Any, **kwargs: Any) -> Reporter:
        cls = getattr(importlib.import_module(module), name)
        return cls(*args, **kwargs)

    make.__qualname__ = make.__name__ = name
    return make


@hookimpl
def register_reporters() -> dict[str, Callable[..., Reporter]]:
    return {
        "default": _lazy_reporter("newslint.reporters.default", "DefaultReporter"),
        "json": _lazy_reporter("newslint.reporters.json", "JsonReporter"),
        "github": _lazy_reporter("newslint.reporters.github", "GithubReporter"),
        "sarif": _lazy_reporter("newslint.reporters.sarif", "SarifReporter"),
        "html": _lazy_reporter("newslint.reporters.html", "HtmlReporter"),
    }


@hookimpl(trylast=True)
def story_key(document: Document) -> str | None:
    """The front-matter ``story:`` key, when the article has one."""
    return document.story_key
