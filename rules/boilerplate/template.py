"""NB110: lines repeated verbatim across many articles of the corpus."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from newslint.rules.boilerplate.catalogue import (
    _known_pattern,
    _preview,
    _visible_span,
    doc_lines,
)
from newslint.rules.boilerplate.structure import _SIGN_OFF

from newslint import (
    CorpusRule,
    Document,
    Finding,
    Related,
    Story,
    lazy,
    rule_options,
)


# -- corpus ------------------------------------------------------------------------------
@rule_options
class TemplateOptions:
    #: Report a line found verbatim in at least this many articles ...
    min_articles: int = 3
    #: ... and in at least this fraction of all articles of the run ...
    min_fraction: float = 0.01
    #: ... not counting copies of one text: two articles whose lines overlap
    #: more than this (Jaccard) count once (syndicated wire copies share
    #: whole paragraphs legitimately).
    max_overlap: float = 0.5
    #: ... in articles of at least this many stories (sources of one story
    #: share quotes and stock lines legitimately).
    min_stories: int = 2
    #: Only lines of this many words or more (and at most max-words) count.
    min_words: int = 3
    #: Longer lines are article text, not template residue.
    max_words: int = 25


_SKETCH = 64


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity estimated from two bottom-k sketches (exact when small)."""
    union = sorted(a | b)[:_SKETCH]
    if not union:
        return 0.0
    return sum(1 for h in union if h in a and h in b) / len(union)


#: (a class of literals: re reads it as regex does, on any text)
_TEMPLATE_SKIP_END = lazy(r"[.!?…:;”\"’)\]][*_]*$")


def _line_hash(text: str) -> str:
    # hashlib loads OpenSSL (~5 ms): imported when a corpus run first needs it.
    import hashlib

    return hashlib.blake2b(
        " ".join(text.split()).casefold().encode("utf-8"), digest_size=8
    ).hexdigest()


class TemplateLine(CorpusRule):
    """A line repeated verbatim across many articles of the corpus (template residue).

    A scraper run over one site keeps the site's template in every article: a
    promo line, a footer, a sign-up box. A line found word for word in
    several otherwise different articles, of different stories, is residue of
    that template, even when no catalogue knows its wording. Copies of one
    text (syndicated wire stories) count once; sentences (stock lines such as
    "No one was injured."), sub-headings, bylines and sign-offs recur
    legitimately and are never counted; lines that the phrase catalogue
    (NB101-NB106) reports are left to those rules.

    Bad:
        Get the Morning Ledger in your inbox

    Good:
        The council will vote on the budget next week.

    (The Bad line is reported only when it appears in at least
    ``min-articles`` (3) different articles, ``min-fraction`` (1%) of the
    articles of the run, from at least ``min-stories`` (2) stories.) Fix:
    delete the line. Options ``min-articles``, ``min-fraction``,
    ``max-overlap``, ``min-stories``, ``min-words`` and ``max-words`` under
    ``[tool.newslint.rules.NB110]``.
    """

    code = "NB110"
    name = "boilerplate.template-line"
    version = "4"
    scope = "corpus"
    Options = TemplateOptions

    @property
    def min_articles(self) -> int:  # type: ignore[override]
        """A line must recur in ``min-articles`` articles: idle in smaller runs."""
        return max(2, self.options.min_articles)

    def extract(self, doc: Document) -> Any:
        candidates = []
        every: list[str] = []
        seen: set[str] = set()
        known = _known_pattern()
        for line in doc_lines(doc):
            key = _line_hash(line.core)
            if key in seen:
                continue
            seen.add(key)
            every.append(key)
            words = line.core.split()
            if not self.options.min_words <= len(words) <= self.options.max_words:
                continue
            if (
                _TEMPLATE_SKIP_END.search(doc.prose[line.start : line.end].rstrip())
                or line.markup == "heading"
                or line.core.isupper()
                or _SIGN_OFF.match(line.core)
            ):
                # Sentences (stock lines such as "No one was injured."),
                # house sub-headings and bylines recur legitimately.
                continue
            if known.fullmatch(line.core, line.key):
                continue  # NB101-NB106 report it already
            start, end = _visible_span(doc, line)
            ln, col = doc.position(start)
            eln, ecol = doc.position(end)
            candidates.append(
                [key, ln, col, eln, ecol, start, end, _preview(line.core)]
            )
        # A bottom-k sketch of all the article's lines is enough to tell
        # copies of one text apart from different articles (Jaccard estimate).
        return {"lines": candidates, "sketch": sorted(every)[:_SKETCH]}

    def counted_keys(self, facts: Any) -> list[str]:
        """The line hashes this article's facts put up for counting (each once)."""
        if not isinstance(facts, dict):
            return []
        return [fact[0] for fact in facts.get("lines", ())]

    def min_count(self, total: int) -> float:
        """A line in fewer of the run's ``total`` articles is never reported."""
        return max(self.options.min_articles, self.options.min_fraction * total)

    def check_story(self, story: Story) -> Iterator[Finding]:
        yield from self.check_corpus([story])

    def check_corpus(self, stories: list[Story]) -> Iterator[Finding]:
        # Every article of the run counts towards the total; the engine may
        # leave out the facts of articles that carry no target line found in
        # min_count(total) articles (counted_keys: docs/plugins.md).
        where: dict[str, list[tuple[str, list[Any]]]] = defaultdict(list)
        line_sets: dict[str, frozenset[str]] = {}
        story_of: dict[str, str] = {}
        total = 0
        for story in stories:
            total += len(story.members)
            for member, facts in story.facts(self.code):
                if not isinstance(facts, dict):
                    continue
                story_of[member.path] = story.key
                line_sets[member.path] = frozenset(facts.get("sketch", ()))
                for fact in facts.get("lines", ()):
                    where[fact[0]].append((member.path, fact))
        targets = {m.path for s in stories for m in s.targets}
        opts = self.options
        need = self.min_count(total)
        for places in where.values():
            if len(places) < need or not any(p[0] in targets for p in places):
                continue
            if len({story_of[p[0]] for p in places}) < opts.min_stories:
                continue
            if self._distinct(places, line_sets, need) < need:
                continue
            for path, fact in places:
                if path not in targets:
                    continue
                others = [p for p in places if p[0] != path]
                related = [Related(p[0], p[1][1], p[1][2], p[1][7]) for p in others[:3]]
                yield self.story_finding(
                    path,
                    (fact[1], fact[2], fact[3], fact[4]),
                    f"template line {fact[7]!r} appears verbatim in {len(places)}"
                    f" of {total} articles",
                    related=related,
                    span=(fact[5], fact[6]),
                )

    def _distinct(
        self,
        places: list[tuple[str, list[Any]]],
        line_sets: dict[str, frozenset[str]],
        need: float,
    ) -> int:
        """How many of the articles are not copies of one another (greedy, stops at need)."""
        picked: list[frozenset[str]] = []
        for path, _fact in places:
            lines = line_sets[path]
            if all(
                _overlap(lines, other) <= self.options.max_overlap for other in picked
            ):
                picked.append(lines)
                if len(picked) >= need:
                    break
        return len(picked)
