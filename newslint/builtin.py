"""Built-in hook implementations that are not rules: reporters and story keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.hookspecs import hookimpl

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.reporters.base import Reporter


@hookimpl
def register_reporters() -> dict[str, type[Reporter]]:
    from newslint.reporters import default, github, html, json, sarif

    return {
        "default": default.DefaultReporter,
        "json": json.JsonReporter,
        "github": github.GithubReporter,
        "sarif": sarif.SarifReporter,
        "html": html.HtmlReporter,
    }


@hookimpl(trylast=True)
def story_key(document: Document) -> str | None:
    """The front-matter ``story:`` key, when the article has one."""
    return document.story_key
