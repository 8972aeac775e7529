"""Entry-point plugins seen through installed metadata, without importing them.

Kept apart from ``newslint.plugins`` (which imports pluggy and the rule
model) so that ``newslint --version`` stays a few milliseconds.
"""

from __future__ import annotations

import os
import sys

#: The entry-point group plugins declare (also pluggy's project name).
PROJECT_NAME = "newslint"


def may_have_entry_points() -> bool:
    """A cheap look at installed metadata: could any distribution declare the
    ``newslint`` entry-point group? ``importlib.metadata`` costs ~25 ms to
    import, on every commit, and most installs have no plugin at all. Any
    path this scan cannot read (a zip file, an odd layout) answers True."""
    marker = f"[{PROJECT_NAME}]"
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return True  # a zip archive on sys.path: let importlib decide
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            return True
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            path = os.path.join(folder, name, "entry_points.txt")
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    if marker in handle.read():
                        return True
            except OSError:
                continue
    return False


def installed_plugin_versions() -> list[tuple[str, str]]:
    """(distribution, version) of every entry-point plugin, without importing it.

    ``--version`` runs on every CI log and must stay fast, so it reads package
    metadata instead of building the plugin manager.
    """
    if not may_have_entry_points():
        return []
    from importlib.metadata import entry_points

    out = set()
    for ep in entry_points(group=PROJECT_NAME):
        dist = getattr(ep, "dist", None)
        if dist is not None:
            out.add((dist.metadata["Name"] or ep.name, dist.version))
    return sorted(out)
