"""Baseline: accept today's findings of a legacy archive, report only new ones.

``newslint --write-baseline FILE PATH...`` records every finding; with
``baseline = "FILE"`` in config or ``--baseline FILE`` the findings that
match an entry are hidden. A finding matches by file, code and a
*fingerprint*: a hash of the offending text and of its neighbourhood on the
same line (up to 32 characters either side, white space collapsed), never
the line number, so edits elsewhere in the article do not resurrect it.

Cross-source findings (those naming other sources) are recorded once per
story: an entry ``{code, story, paths, texts}`` accepts the disagreement
between those wordings (two outlets that honestly report different figures)
for every article of the story, including ones added later. The file is
sorted JSON with stable keys, so it diffs well in git.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.errors import ConfigError, InputError
from newslint.finding import Finding
from newslint.hashing import blake2b

VERSION = 1
CONTEXT = 32

TextReader = Callable[[str], str]


def configured_path(ns: Any, config: Any) -> str | None:
    """``--baseline FILE`` (relative to the current folder) or config ``baseline``
    (relative to the config file's folder)."""
    if getattr(ns, "baseline", None):
        return str(ns.baseline)
    if getattr(config, "baseline", None):
        path = config.baseline
        return path if os.path.isabs(path) else os.path.join(config.root, path)
    return None


def _norm(text: str) -> str:
    return " ".join(text.split())


def locate(text: str, finding: Finding) -> tuple[int, int]:
    """Offsets of a finding in ``text`` from its line and column positions."""
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)

    def offset(line: int, column: int) -> int:
        if line < 1 or line > len(starts):
            return len(text)
        return min(len(text), starts[line - 1] + max(column, 1) - 1)

    start = offset(finding.line, finding.column)
    end = max(start, offset(finding.end_line, finding.end_column))
    return start, end


def offending_text(text: str, finding: Finding) -> tuple[str, str, str]:
    """(before, offending, after) on the finding's lines, white space collapsed."""
    start, end = locate(text, finding)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - CONTEXT) : start]
    after = text[end : min(line_end, end + CONTEXT)]
    return _norm(before), _norm(text[start:end]), _norm(after)


def fingerprint(code: str, before: str, offending: str, after: str) -> str:
    data = "\0".join((code, offending, before, after)).encode("utf-8")
    return blake2b(data, digest_size=8).hexdigest()


def loose_print(code: str, offending: str) -> str:
    """Hash of the offending text alone (matches after a nearby edit)."""
    return blake2b(f"{code}\0{offending}".encode(), digest_size=8).hexdigest()


def _finding_texts(text: str, finding: Finding) -> frozenset[str]:
    """The disagreeing wordings of a cross-source finding (its own and others')."""
    own = offending_text(text, finding)[1]
    return frozenset(t for t in [own, *(_norm(r.text) for r in finding.related)] if t)


@dataclass
class FilterOutcome:
    kept: list[Finding]
    #: entry keys -> how many findings each absorbed
    used_files: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    used_stories: set[int] = field(default_factory=set)
    stale: int = 0


@dataclass
class Baseline:
    """A loaded baseline file."""

    path: str
    #: (path relative to the baseline's folder, code, fingerprint) -> count
    files: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    #: human-readable offending text per file entry
    texts: dict[tuple[str, str, str], str] = field(default_factory=dict)
    #: hash of the offending text alone per file entry (the fallback match)
    loose: dict[tuple[str, str, str], str] = field(default_factory=dict)
    stories: list[dict[str, Any]] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def key_path(self, path: str) -> str:
        return relative(path, self.folder)

    def filter(
        self,
        findings: Iterable[Finding],
        stories: Iterable[Any],
        read_text: TextReader,
        *,
        targets: Iterable[str] | None = None,
    ) -> FilterOutcome:
        """Split findings into those to report and those the baseline accepts."""
        story_of = _story_index(stories)
        remaining = Counter(self.files)
        outcome = FilterOutcome([])
        cache: dict[str, str] = {}
        unmatched: list[tuple[Finding, str, str]] = []
        for finding in findings:
            if finding.path not in cache:
                cache[finding.path] = read_text(finding.path)
            text = cache[finding.path]
            rel = self.key_path(finding.path)
            if finding.related:
                texts = _finding_texts(text, finding)
                story = story_of.get(finding.path)
                hit = next(
                    (
                        i
                        for i, entry in enumerate(self.stories)
                        if entry["code"] == finding.code
                        and (
                            rel in entry["paths"] or (story and story == entry["story"])
                        )
                        and texts <= set(entry["texts"])
                    ),
                    None,
                )
                if hit is not None:
                    outcome.used_stories.add(hit)
                    continue
            before, offending, after = offending_text(text, finding)
            key = (
                rel,
                finding.code,
                fingerprint(finding.code, before, offending, after),
            )
            if remaining[key] > 0:
                remaining[key] -= 1
                outcome.used_files[key] += 1
                continue
            unmatched.append((finding, rel, loose_print(finding.code, offending)))
        # Second chance: the same offending text in the same file whose
        # neighbourhood was edited (first unused entry in file order).
        by_loose: dict[tuple[str, str, str], list[tuple[str, str, str]]] = {}
        for key in sorted(self.files):
            by_loose.setdefault((key[0], key[1], self.loose.get(key, "")), []).append(
                key
            )
        for finding, rel, loose in unmatched:
            candidates = by_loose.get((rel, finding.code, loose), [])
            key = next((k for k in candidates if remaining[k] > 0), None)
            if key is not None:
                remaining[key] -= 1
                outcome.used_files[key] += 1
                continue
            outcome.kept.append(finding)
        outcome.kept.sort(key=lambda f: f.sort_key)
        checked = {self.key_path(p) for p in targets} if targets is not None else None
        stale = 0
        for key, count in self.files.items():
            if checked is None or key[0] in checked:
                stale += count - outcome.used_files[key]
        for index, entry in enumerate(self.stories):
            if index in outcome.used_stories:
                continue
            if checked is None or any(p in checked for p in entry["paths"]):
                stale += 1
        outcome.stale = stale
        self._checked = checked
        return outcome

    def pruned(self, outcome: FilterOutcome) -> Baseline:
        """A copy without the entries that matched nothing among the checked files."""
        checked = getattr(self, "_checked", None)
        files: Counter[tuple[str, str, str]] = Counter()
        for key, count in self.files.items():
            keep = (
                outcome.used_files[key]
                if checked is None or key[0] in checked
                else count
            )
            if keep:
                files[key] = keep
        stories = [
            entry
            for index, entry in enumerate(self.stories)
            if index in outcome.used_stories
            or not (checked is None or any(p in checked for p in entry["paths"]))
        ]
        texts = {k: v for k, v in self.texts.items() if k in files}
        loose = {k: v for k, v in self.loose.items() if k in files}
        return Baseline(self.path, files, texts, loose, stories)

    def to_json(self) -> str:
        entries = [
            {
                "path": path,
                "code": code,
                "fingerprint": fp,
                "count": count,
                "text": self.texts.get((path, code, fp), ""),
                "text-fingerprint": self.loose.get((path, code, fp), ""),
            }
            for (path, code, fp), count in sorted(self.files.items())
        ]
        stories = sorted(
            self.stories, key=lambda e: (e["story"], e["code"], e["texts"], e["paths"])
        )
        data = {"version": VERSION, "findings": entries, "stories": stories}
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"

    def save(self, path: str | None = None) -> None:
        from newslint.fixes import atomic_write

        target = path or self.path
        data = self.to_json().encode("utf-8")
        if os.path.exists(target):
            atomic_write(target, data)
            return
        try:
            Path(target).write_bytes(data)
        except OSError as exc:
            raise InputError(
                f"{target}: cannot write baseline: {exc.strerror}"
            ) from None


def relative(path: str, folder: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), folder)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def _story_index(stories: Iterable[Any]) -> dict[str, str]:
    return {m.path: s.key for s in stories for m in s.members}


def build(
    path: str,
    findings: Iterable[Finding],
    stories: Iterable[Any],
    read_text: TextReader,
) -> Baseline:
    """A baseline holding every one of ``findings``."""
    baseline = Baseline(path)
    stories = list(stories)
    story_of = _story_index(stories)
    members = {s.key: [m.path for m in s.members] for s in stories}
    seen: dict[tuple[str, str, tuple[str, ...]], dict[str, Any]] = {}
    cache: dict[str, str] = {}
    for finding in findings:
        if finding.path not in cache:
            cache[finding.path] = read_text(finding.path)
        text = cache[finding.path]
        if finding.related:
            key_story = story_of.get(finding.path, "")
            paths = members.get(key_story) or [
                finding.path,
                *(r.path for r in finding.related),
            ]
            texts = tuple(sorted(_finding_texts(text, finding)))
            entry_key = (key_story, finding.code, texts)
            rel_paths = sorted({baseline.key_path(p) for p in paths})
            if entry_key in seen:
                merged = set(seen[entry_key]["paths"]) | set(rel_paths)
                seen[entry_key]["paths"] = sorted(merged)
                continue
            seen[entry_key] = {
                "story": key_story,
                "code": finding.code,
                "paths": rel_paths,
                "texts": list(texts),
            }
            continue
        before, offending, after = offending_text(text, finding)
        key = (
            baseline.key_path(finding.path),
            finding.code,
            fingerprint(finding.code, before, offending, after),
        )
        baseline.files[key] += 1
        baseline.texts[key] = offending[:80]
        baseline.loose[key] = loose_print(finding.code, offending)
    baseline.stories = list(seen.values())
    return baseline


def write(
    path: str,
    findings: Iterable[Finding],
    stories: Iterable[Any],
    read_text: TextReader,
) -> int:
    """Write a baseline of ``findings`` to ``path``; return the number of entries."""
    baseline = build(path, findings, stories, read_text)
    baseline.save(path)
    return len(baseline.files) + len(baseline.stories)


def load(path: str) -> Baseline:
    """Read a baseline file; a missing or malformed one is a ConfigError (exit 2)."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: baseline file not found (create it with --write-baseline {path})"
        ) from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ConfigError(f"{path}: not a newslint baseline (version {VERSION})")
    baseline = Baseline(path)
    try:
        for entry in data.get("findings", []):
            key = (str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))
            baseline.files[key] += int(entry.get("count", 1))
            baseline.texts[key] = str(entry.get("text", ""))
            baseline.loose[key] = str(entry.get("text-fingerprint", ""))
        for entry in data.get("stories", []):
            baseline.stories.append(
                {
                    "story": str(entry.get("story", "")),
                    "code": str(entry["code"]),
                    "paths": sorted(str(p) for p in entry.get("paths", [])),
                    "texts": sorted(_norm(str(t)) for t in entry["texts"]),
                    **({"note": str(entry["note"])} if "note" in entry else {}),
                }
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: malformed baseline entry: {exc}") from None
    return baseline
