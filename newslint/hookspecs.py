"""The plugin API: the hooks a newslint plugin may implement.

Rules are classes, not hooks; hooks only *register* things. A plugin is any
module or object with functions marked ``@newslint.hookimpl`` whose names
match the specifications below. Built-in rules use exactly these hooks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.document import Document
    from newslint.reporters.base import Reporter
    from newslint.rule import Rule

from newslint.entry_points import PROJECT_NAME

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def register_rules(config: Config) -> list[type[Rule]]:  # type: ignore[empty-body]
    """Return the rule classes this plugin provides.

    Called once after configuration is loaded. ``config`` is the validated
    :class:`newslint.config.Config`; implementations may omit the parameter.
    Each class subclasses :class:`newslint.DocumentRule` or
    :class:`newslint.CorpusRule`. Codes must be unique across all plugins;
    codes starting with ``N`` are reserved for built-in rules.
    """


@hookspec
def register_reporters() -> dict[str, type[Reporter]]:  # type: ignore[empty-body]
    """Return output formats as ``{name: Reporter subclass}`` for ``--format``.

    A value may also be any callable taking the Reporter constructor's
    arguments (the built-ins use factories so a run imports only its format).
    """


@hookspec(firstresult=True)
def story_key(document: Document) -> str | None:  # type: ignore[empty-body]
    """Return the key of the story ``document`` belongs to, or None.

    The first non-None answer wins. The built-in implementation (trylast)
    returns the front-matter ``story`` value; when every implementation
    returns None the article is grouped with others by text similarity.
    """
