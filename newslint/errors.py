"""User-facing errors: each becomes one line on stderr and exit code 2."""

from __future__ import annotations


class NewslintError(Exception):
    """A problem the user can fix; never shown with a traceback."""


class UsageError(NewslintError):
    """Bad command-line arguments or option values."""


class ConfigError(NewslintError):
    """A configuration file that cannot be read or does not validate."""


class PluginError(NewslintError):
    """A plugin that fails to load, registers a bad code, or crashes."""


class InputError(NewslintError):
    """A path that does not exist or cannot be read."""
