"""Stories: which articles report the same event.

An article's story is the first non-None ``story_key`` hook answer (the
built-in one reads front matter ``story:``). Articles without a key are
grouped by similarity of their signatures; candidate pairs come from an
inverted index so a large corpus is never compared pair by pair.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from newslint.rule import Member, Story

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.document import Document
    from newslint.engine import DocResult

_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
DEFAULT_THRESHOLD = 0.2
#: A name shared by more than this many articles says nothing about the story.
MAX_POSTING = 200


def signature(doc: Document, config: Config) -> list[str]:
    """The multi-word proper names of an article, most frequent first."""
    counts = Counter(m.group(0) for m in _NAME.finditer(doc.prose))
    return [name for name, _ in counts.most_common(40)]


def group_stories(results: list[DocResult], config: Config) -> list[Story]:
    """Group per-document results into stories; each article in exactly one."""
    threshold = float(config.stories_table.get("threshold", DEFAULT_THRESHOLD))
    keyed: dict[str, list[DocResult]] = defaultdict(list)
    unkeyed: list[DocResult] = []
    for result in results:
        if result.story_key is not None:
            keyed[result.story_key].append(result)
        else:
            unkeyed.append(result)
    stories = [
        _story(key, members, f"front matter story: {key}") for key, members in keyed.items()
    ]
    parent = list(range(len(unkeyed)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[str, list[int]] = defaultdict(list)
    sets = [set(r.signature or ()) for r in unkeyed]
    for index, names in enumerate(sets):
        for name in names:
            postings[name].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if len(members) > MAX_POSTING:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                shared[(a, b)] += 1
    evidence: dict[int, list[str]] = defaultdict(list)
    for (a, b), count in shared.items():
        union = len(sets[a] | sets[b]) or 1
        if count / union >= threshold:
            parent[find(a)] = find(b)
            evidence[a].append(f"{count} shared names with {unkeyed[b].path}")
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(unkeyed)):
        groups[find(index)].append(index)
    for indexes in groups.values():
        members = [unkeyed[i] for i in indexes]
        why = "; ".join(e for i in indexes for e in evidence.get(i, ())) or "no similar article"
        key = "similar:" + min(m.path for m in members)
        stories.append(_story(key, members, why))
    return sorted(stories, key=lambda s: s.key)


def _story(key: str, results: list[DocResult], why: str) -> Story:
    members = tuple(
        Member(r.path, r.is_target, r.facts) for r in sorted(results, key=lambda r: r.path)
    )
    return Story(key, members, why)


def describe(stories: list[Story]) -> list[dict[str, Any]]:
    """The JSON shape of ``newslint stories --format json``."""
    return [
        {"story": s.key, "paths": [m.path for m in s.members], "why": s.why}
        for s in stories
    ]
