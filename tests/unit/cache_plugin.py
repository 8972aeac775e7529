"""A tiny corpus rule for the cache and story tests (not a built-in rule).

It extracts each article's first word and word count and reports, on line 1
of every target, the other members of its story with their facts, so a test
sees both the grouping and the facts that reached the corpus pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newslint import CorpusRule, Document, Finding, Story, hookimpl


class Peers(CorpusRule):
    """Report a target's story peers (test rule).

    Lets tests observe grouping and cached facts.

    Bad:
        Anything at all.

    Good:
        (nothing is ever clean)
    """

    code = "XP001"
    name = "test.peers"
    version = "1"

    @dataclass(frozen=True)
    class Options:
        label: str = "peers"

    def extract(self, doc: Document) -> object:
        words = doc.prose.split()
        return {"first": words[0] if words else "", "words": len(words)}

    def check_story(self, story: Story) -> Iterator[Finding]:
        for member in story.targets:
            others = sorted(
                f"{m.path}:{facts['first']}:{facts['words']}"
                for m, facts in story.facts(self.code)
                if m.path != member.path
            )
            yield self.story_finding(
                member.path, (1, 1, 1, 2), f"{self.options.label}: " + ", ".join(others)
            )


@hookimpl
def register_rules():
    return [Peers]
