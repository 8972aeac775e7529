"""NX: numbers that contradict the same fact in another source of the story.

Every article's quantities (``newslint.text.quantities``) are its facts,
each with the content words of its sentence and of its neighbourhood. Two
quantities of two articles are *aligned* when they measure the same thing
(same dimension: a duration, an age, a percentage, an amount of one currency,
or a count of the same noun, "soldiers" and "troops" being one noun) in
sentences that state the same fact (enough shared content words, a shared
word next to the number, no conflicting dates or places). Aligned values are
compared as intervals, so hedges widen them ("more than 170" agrees with
176, "nearly 200" with 195) and equal values written differently ("2 1/2
years", "2½ years"; "eight-nation", "eight countries") always agree.

A quantity is reported only when no aligned quantity of the other article
agrees with it, in either direction, and no quantity of the same kind in its
own sentence agrees with the other source (a sentence that gives both the
old and the new toll is not a contradiction).
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from newslint import (
    CorpusRule,
    Document,
    Finding,
    Related,
    Severity,
    Story,
    hookimpl,
    rule_options,
)

# -- extraction -------------------------------------------------------------------


def extract_facts(doc: Document) -> dict[str, Any]:
    """JSON-able facts, computed once per document and shared by NX101 and NX102."""
    return doc.analysis("newslint.rules.numbers.facts", _extract_facts)


def _extract_facts(doc: Document) -> dict[str, Any]:
    """The sentences that hold comparable quantities, and those quantities."""
    # imported here: a one-article run never extracts (min_articles = 2), and
    # the quantity parser is the largest module of the package (start-up)
    from newslint.text.quantities import (
        background,
        might_hold_quantity,
        name_words,
        proper_names,
        sentence_quantities,
        time_anchors,
        tokenize,
    )

    sentences: list[dict[str, Any]] = []
    quantities: list[dict[str, Any]] = []
    for block in doc.sentences:
        if not might_hold_quantity(block.text):
            continue
        tokens = tokenize(block.text)
        found, words = sentence_quantities(block.text, block.start, tokens)
        comparable = [q for q in found if q.comparable]
        if not comparable:
            continue
        index = len(sentences)
        sentences.append(
            {
                "words": words,
                "names": proper_names(block.text, tokens),
                "time": sorted(set(time_anchors(found, block.text, block.start))),
                "bg": background(block.text, tokens),
            }
        )
        for q in comparable:
            line, column = doc.position(q.start)
            end_line, end_column = doc.position(q.end)
            quantities.append(
                {
                    "sent": index,
                    "text": q.text,
                    "value": q.value,
                    "low": q.low,
                    # JSON has no infinity: None is "no upper bound".
                    "high": None if q.high == float("inf") else q.high,
                    "dim": q.dimension,
                    "head": q.head,
                    "approx": q.approx,
                    "scope": q.scope,
                    "contrast": q.contrast,
                    "window": q.window,
                    "near": q.near,
                    "mods": q.head_words,
                    "verb": q.verb,
                    "unit": q.unit,
                    "pos": [line, column, end_line, end_column],
                    "span": [q.start, q.end],
                }
            )
    return {
        "sentences": sentences,
        "quantities": quantities,
        "names": sorted(name_words(doc.prose)) if quantities else [],
    }


_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
#: A time anchor that is a clock time ("about 11:30", "8").
_CLOCK = re.compile(
    r"(?:(?:about|around|at|shortly after|just after|after|before|until)\s)?"
    r"\d{1,2}(?:[:.]\d\d)?"
)

#: Dimensions whose only value in an article is that article's figure for
#: it: its one amount of money, one percentage, one count of dead.
_UNIQUE_DIMS = ("length", "area", "mass", "speed", "percent")


def _unique_dim(d: dict[str, Any]) -> bool:
    dim = str(d["dim"])
    return (
        dim.startswith("money:")
        or dim in _UNIQUE_DIMS
        or (dim == "count" and _role(d) in _CASUALTY)
    )


#: Markers of a count that is part of, or added to, a figure ("eight of
#: the trapped workers", "five more bodies"): never an article's figure for
#: its noun.
_PARTIAL = frozenset(["(part)", "more", "other"])


def _role_key(d: dict[str, Any]) -> str:
    return f"{d['dim']}:{_role(d)}" if d["dim"] == "count" else str(d["dim"])


# -- alignment -------------------------------------------------------------------


@rule_options
class NumberOptions:
    #: Content words two sentences must share to state the same fact.
    min_shared_words: int = 2
    #: Shared content words as a share of the shorter sentence's.
    min_overlap: float = 0.25
    #: Content words next to the two numbers (six words either side) that
    #: must be shared.
    min_window_words: int = 1


class _Q(NamedTuple):
    path: str
    is_target: bool
    data: dict[str, Any]
    sentence: dict[str, Any]
    #: All quantities of the same sentence (for the "own sentence" check).
    siblings: list[dict[str, Any]]
    #: Capitalised words of the whole article.
    names: frozenset[str] = frozenset()
    #: The article's only quantity of this dimension (money, length...).
    unique: bool = False
    #: The article's only current count of its noun ("count:job"), or of
    #: its noun with its verb ("count:worker:trapp"): its key figure.
    key: str = ""

    @property
    def line(self) -> int:
        return int(self.data["pos"][0])

    def related(self) -> Related:
        pos = self.data["pos"]
        return Related(self.path, int(pos[0]), int(pos[1]), self.data["text"])


def _interval(d: dict[str, Any], factor: float = 1.0) -> tuple[float, float]:
    high = d["high"]
    return d["low"] * factor, (float("inf") if high is None else high * factor)


#: Hedges that widen a value: two sources using the same kind of hedge with
#: clearly different values ("about 400 operations", "about 500"; "more
#: than 12,000 runners", "more than 21,000"; "nearly two miles", "nearly
#: four") quote different figures even though the two intervals overlap:
#: each hedges the figure it was given, and one figure rounded two ways
#: differs by less than a fifth.
_HEDGES = frozenset(["about", "above", "least", "below", "most", "under"])
_SAME_HEDGE_RATIO = 1.2

#: Relative slack for a value converted between units and then rounded.
_CONVERSION = 0.05
#: Relative slack for spans of time counted in different units.
_TIME_SLACK = 0.01
#: How far a vague amount ("hundreds", "dozens") may stray from its range
#: against a figure: "hundreds" agrees with 150 and with 1,500.
_VAGUE_SLACK = 2.0


def agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The two stated values can be the same number (intervals overlap)."""
    if (
        a["approx"] == b["approx"]
        and a["approx"] in _HEDGES
        and a["value"]
        and b["value"]
        and a.get("unit", "") == b.get("unit", "")
        and max(a["value"], b["value"])
        >= _SAME_HEDGE_RATIO * min(a["value"], b["value"])
    ):
        return False
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    # "hundreds" said of a figure given as 150 or 1,500 elsewhere is loose
    # talk, not another figure; against "thousands" it is one.
    if (a["approx"] == "vague") != (b["approx"] == "vague"):
        if a["approx"] == "vague":
            lo_a, hi_a = lo_a / _VAGUE_SLACK, hi_a * _VAGUE_SLACK
        else:
            lo_b, hi_b = lo_b / _VAGUE_SLACK, hi_b * _VAGUE_SLACK
    if a["dim"] == "percent" and a["value"] is not None and b["value"] is not None:
        # A whole percentage is a rounded one: "91%" is "90.9 percent".
        if a["value"] == int(a["value"]) != b["value"]:
            lo_a, hi_a = lo_a - 0.49, hi_a + 0.49
        elif b["value"] == int(b["value"]) != a["value"]:
            lo_b, hi_b = lo_b - 0.49, hi_b + 0.49
    if a.get("unit", "") != b.get("unit", ""):
        # Converted from another unit: "15 metres" is "50 feet", rounded.
        lo_a, hi_a = lo_a * (1 - _CONVERSION), hi_a * (1 + _CONVERSION)
    elif a["dim"] == "time":
        # Months and years are not whole days: "30 months" is "two and a
        # half years", 913.2 and 913.1 days.
        lo_a, hi_a = lo_a * (1 - _TIME_SLACK), hi_a * (1 + _TIME_SLACK)
    if lo_a <= hi_b and lo_b <= hi_a:
        return True
    # "58 on each side" and "116 on both sides" (or "more than 100") state
    # the same total.
    scopes = {a.get("scope"), b.get("scope")}
    if "each" in scopes and scopes != {"each"}:
        per, total = (a, b) if a["scope"] == "each" else (b, a)
        lo_p, hi_p = _interval(per, 2.0)
        lo_t, hi_t = _interval(total)
        return lo_p <= hi_t and lo_t <= hi_p
    return False


def vouches(voucher: dict[str, Any], d: dict[str, Any]) -> bool:
    """``voucher`` agrees with ``d`` and can stand for it: a vague amount
    ("thousands of jobs" in a headline) never stands for a figure, nor a
    part or an addition ("120 of its troops", "five more") for a whole."""
    return (
        agree(voucher, d)
        and (voucher["approx"] != "vague" or d["approx"] == "vague")
        and _PARTIAL.intersection(voucher.get("mods", ()))
        == _PARTIAL.intersection(d.get("mods", ()))
    )


#: Counted nouns that say who, not what happened to them: "13 people were
#: hurt" counts the injured like "31 injured".
_WHO = frozenset(["person", "man", "woman", "child"])
#: Casualty counts: the story's key figures, each given once in the lead.
_CASUALTY = frozenset(["die", "injure"])


def _role(d: dict[str, Any]) -> str:
    if d["head"] in _WHO and d.get("verb") in ("die", "injure"):
        return str(d["verb"])
    return str(d["head"])


def same_role(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["dim"] != b["dim"]:
        return False
    if a["dim"] == "count":
        return bool(a["head"]) and _role(a) == _role(b)
    if a["dim"] == "time":
        # "a year ago" (a moment) and "three months" (a span)
        return (a["head"] == "ago") == (b["head"] == "ago")
    return True


def alignment(
    qa: _Q, qb: _Q, options: NumberOptions, *, loose: bool = False
) -> float | None:
    """How surely two quantities state the same fact (None: they do not).

    ``loose`` alignment (used to find agreement, never to report) only asks
    for the same role and a few shared words in the two sentences.
    """
    a, b = qa.data, qb.data
    if not same_role(a, b):
        return None
    sa, sb = qa.sentence, qb.sentence
    wa, wb = set(sa["words"]), set(sb["words"])
    shared = wa & wb
    window = set(a["window"]) & set(b["window"])
    # Other numbers of the two sentences that are equal ("by 212 votes to
    # 187" / "212 votes to 178"): the strongest sign of one fact.
    anchors = _anchors(qa, qb)
    # The counted noun matches by construction: it is no evidence that the
    # two sentences state the same fact.
    minimum = options.min_shared_words
    # The only amount of money (or length, area...) either article gives:
    # one word right beside both numbers is enough ("expected to cost").
    unique = qa.unique and qb.unique
    roles = {a["head"], b["head"], a.get("verb"), b.get("verb")}
    if unique and (set(a["near"]) & set(b["near"])) - roles:
        minimum = 1
    # The only count of dead (or injured) in either article: the role is
    # the evidence ("31 injured" / "Another 13 people were hurt").
    casualty = (
        unique
        and a["dim"] == "count"
        and _role(a) in _CASUALTY
        and _same_event(qa.names, qb.names)
    )
    # The only count of one noun in each article of one event ("carrying
    # 46 passengers" / "with 64 passengers on board"), with a sign that it
    # counts the same thing: a shared word around both, the same verb or
    # the same name in both sentences.
    keyed = (
        not casualty
        and _same_key(qa, qb)
        and _same_event(qa.names, qb.names)
        and (
            bool((set(a["window"]) & set(b["window"])) - roles)
            or (a.get("verb") and a.get("verb") == b.get("verb"))
            # the same subject named in both sentences ("the Serena Dawn")
            or bool(set(qa.sentence["names"]) & set(qb.sentence["names"]))
        )
    )
    if casualty or keyed:
        minimum = 0
        casualty = True
    counted = len(shared if loose else shared - {a["head"], b["head"]})
    if counted + 2 * anchors < minimum:
        return None
    # Long sentences of several clauses share few words overall; two
    # shared words around the numbers, one of them right beside both, do.
    local = len(window) >= 2 and set(a["near"]) & set(b["near"])
    if (
        len(shared) / max(1, min(len(wa), len(wb))) < options.min_overlap
        and not local
        and not anchors
        and not casualty
    ):
        return None
    if loose:
        # Agreement found near a similar sentence silences a report, so it
        # still needs a word shared around the two numbers.
        if not window and not anchors:
            return None
        return len(shared) + 2 * len(window)
    need = options.min_window_words
    # Dates and years must agree: two moments are two facts. A sentence tied
    # to a past year against one tied to none is background, not the news.
    ta, tb = set(sa["time"]), set(sb["time"])
    if keyed:
        # the departure at 8 p.m. and the crash at 11:30 p.m. of one bus
        # that carried the passengers: clock times do not part key figures
        ta = {t for t in ta if not _CLOCK.fullmatch(t)}
        tb = {t for t in tb if not _CLOCK.fullmatch(t)}
    if ta != tb:
        if (ta and tb) or any(_YEAR.fullmatch(t) for t in ta | tb):
            return None
        need += 1
    # "A similar storm", "the previous record": background on one side only.
    if sa.get("bg") != sb.get("bg"):
        return None
    # Different places or people on both sides: two facts. Unless each
    # article also names the other's, and the numbers share their
    # neighbourhood: then the sentences only chose different subjects.
    na, nb = set(sa["names"]), set(sb["names"])
    if (
        na
        and nb
        and not (na & nb)
        and not (
            na <= qb.names
            and nb <= qa.names
            and (keyed or (len(window) >= 2 and set(a["near"]) & set(b["near"])))
        )
    ):
        return None
    # Near-identical sentences need no shared neighbour ("The 28-year-old
    # vessel had passed an inspection" / "The ferry was 18 years old and had
    # passed an inspection").
    ratio = len(shared) / max(1, min(len(wa), len(wb)))
    if len(shared) >= 4 and ratio >= 0.6:
        need -= 1
    if len(window) + anchors < need and not casualty:
        return None
    # "eight nations" and "four ex-Soviet nations": a part is not the whole.
    heads = {a["head"], b["head"]}
    if set(a.get("mods", ())) - heads != set(b.get("mods", ())) - heads:
        return None
    # "destroyed 40 homes" and "damaged 30 homes": two facts.
    if a.get("verb") and b.get("verb") and a["verb"] != b["verb"]:
        return None
    # Each number's nearest words must fit it best among the numbers of its
    # sentence ("burned 12,000 hectares and destroyed 85 homes").
    near = len(set(a["near"]) & set(b["near"]))
    for mine, theirs, siblings in ((a, b, qa.siblings), (b, a, qb.siblings)):
        for s in siblings:
            if (
                s is not mine
                and same_role(s, theirs)
                and len(set(s["near"]) & set(theirs["near"])) > near
            ):
                return None
    return len(shared) + 2 * (len(window) + anchors)


def _key(d: dict[str, Any]) -> str:
    return f"{_role_key(d)}:{d.get('verb') or ''}"


def _same_key(qa: _Q, qb: _Q) -> bool:
    """Two key figures of one noun (and verb, when that is what sets one
    apart in its article)."""
    if not qa.key or not qb.key:
        return False
    if qa.key.count(":") == qb.key.count(":") == 1:
        return qa.key == qb.key
    return _key(qa.data) == _key(qb.data)


def _key_of(d: dict[str, Any], keys: Counter[str]) -> str:
    """The key under which ``d`` is its article's only count ("" if none)."""
    if d["dim"] != "count" or not d["head"] or _role(d) in _WHO:
        return ""
    if keys[_role_key(d)] == 1:
        return _role_key(d)
    if keys[_key(d)] == 1:
        return _key(d)
    return ""


def _same_event(na: frozenset[str], nb: frozenset[str]) -> bool:
    """Two articles naming mostly the same people and places."""
    shared = len(na & nb)
    return shared >= 3 and shared >= 0.5 * min(len(na), len(nb))


def _anchors(qa: _Q, qb: _Q) -> int:
    """Quantities of the two sentences, other than the compared ones, that
    state the same exact value of the same role (not small round numbers)."""
    count = 0
    for s in qa.siblings:
        if s is qa.data or s["value"] is None:
            continue
        value = s["value"]
        if value < 10 or (value < 10_000 and value % 100 == 0):
            continue
        for t in qb.siblings:
            if (
                t is not qb.data
                and t["value"] == value
                and bool(t["approx"]) == bool(s["approx"])
                and same_role(s, t)
            ):
                count += 1
                break
    return count


class _Analysis:
    """Every comparable quantity of a story and its aligned partners."""

    def __init__(self, story: Story, code: str, options: NumberOptions) -> None:
        from newslint.text.quantities import STOPWORDS

        self.options = options
        self.by_path: dict[str, list[_Q]] = defaultdict(list)
        paths = []
        for member, facts in story.facts(code):
            paths.append(member.path)
            sentences = facts.get("sentences", [])
            groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for d in facts.get("quantities", []):
                groups[d["sent"]].append(d)
            names = frozenset(facts.get("names", ())) - STOPWORDS
            # (a vague amount, "hundreds of homes", is no article's figure
            # for its noun: it neither is a key figure nor hides one)
            current = [
                d
                for d in facts.get("quantities", [])
                if not d["contrast"]
                and d["approx"] != "vague"
                and not _PARTIAL.intersection(d.get("mods", ()))
                and not any(_YEAR.fullmatch(t) for t in sentences[d["sent"]]["time"])
            ]
            dims = Counter(_role_key(d) for d in current)
            keys = Counter(_key(d) for d in current if d["dim"] == "count")
            keys.update({k: n for k, n in dims.items() if k.startswith("count:")})
            background = {id(d) for d in facts.get("quantities", [])} - {
                id(d) for d in current
            }
            for d in facts.get("quantities", []):
                self.by_path[member.path].append(
                    _Q(
                        member.path,
                        member.is_target,
                        d,
                        sentences[d["sent"]],
                        groups[d["sent"]],
                        names,
                        dims[_role_key(d)] == 1
                        and _unique_dim(d)
                        and d["approx"] != "vague"
                        and not _PARTIAL.intersection(d.get("mods", ())),
                        _key_of(d, keys) if id(d) not in background else "",
                    )
                )
        names = [os.path.basename(p) for p in paths]
        self.short = {
            p: (os.path.basename(p) if names.count(os.path.basename(p)) == 1 else p)
            for p in paths
        }

    def candidates(self, q: _Q, other: str) -> list[tuple[float, _Q]]:
        out = []
        for r in self.by_path.get(other, []):
            score = alignment(q, r, self.options)
            if score is not None:
                out.append((score, r))
        out.sort(key=lambda item: -item[0])
        return out

    def _other_count(self, q: _Q, other: str) -> bool:
        """A key figure equal to another count of its noun in ``other``
        ("12 passengers in hospital" / "46 passengers ... Twelve passengers
        were injured"): it is that other count, not a contradiction."""
        return bool(q.key) and any(
            not r.data["contrast"]
            and same_role(q.data, r.data)
            and vouches(r.data, q.data)
            for r in self.by_path.get(other, [])
        )

    def _agrees_in(self, q: _Q, other: str) -> bool:
        """Some number of ``other`` in a similar sentence agrees with ``q``."""
        return any(
            vouches(r.data, q.data)
            and (
                alignment(q, r, self.options, loose=True) is not None
                or alignment(q, r, self.options) is not None
            )
            for r in self.by_path.get(other, [])
        )

    def _explained(self, r: _Q, path: str, q: _Q) -> bool:
        """``r`` agrees with a number of ``path`` other than ``q`` that it aligns with."""
        return any(
            s is not q
            and vouches(s.data, r.data)
            and (
                alignment(s, r, self.options) is not None
                # The same value next to the same words states the same fact.
                or (
                    same_role(s.data, r.data)
                    and s.data["high"] is not None
                    and r.data["high"] is not None
                    and set(s.data["window"]) & set(r.data["window"])
                )
            )
            for s in self.by_path.get(path, [])
        )

    def _settled(self, q: _Q, r: _Q) -> bool:
        """Some reading makes ``q``'s and ``r``'s sources agree."""
        for s in q.siblings:
            if s is not q.data and same_role(s, r.data) and vouches(s, r.data):
                return True
        return False

    def contradictions(self) -> list[tuple[_Q, _Q]]:
        """(quantity, the other source's aligned quantity) that disagree."""
        out = []
        for path, quantities in self.by_path.items():
            for q in quantities:
                if q.data["contrast"]:
                    continue
                for other in self.by_path:
                    if other == path:
                        continue
                    cands = self.candidates(q, other)
                    if (
                        not cands
                        or self._agrees_in(q, other)
                        or self._other_count(q, other)
                    ):
                        continue
                    # A number of the other source that agrees with another
                    # number here states that other fact ("14 died in
                    # Kaltern" both times): it is not this one's partner.
                    free = [
                        (score, r)
                        for score, r in cands
                        if not self._explained(r, path, q)
                        and not r.data["contrast"]
                        and not self._other_count(r, path)
                    ]
                    if not free:
                        continue
                    best = free[0][1]
                    if (
                        best.data["contrast"]
                        or self._settled(q, best)
                        or self._settled(best, q)
                    ):
                        continue
                    if self._agrees_in(best, path):
                        continue
                    out.append((q, best))
        return out

    def scope_mismatches(self) -> list[tuple[_Q, _Q]]:
        """Equal numbers, one "on each side" and the other "on both sides"."""
        out = []
        for path, quantities in self.by_path.items():
            for q in quantities:
                if q.data["scope"] not in ("each", "both") or q.data["contrast"]:
                    continue
                for other in self.by_path:
                    if other == path:
                        continue
                    for _, r in self.candidates(q, other)[:1]:
                        scopes = {q.data["scope"], r.data["scope"]}
                        if (
                            scopes == {"each", "both"}
                            and q.data["value"] == r.data["value"]
                        ):
                            out.append((q, r))
        return out

    def cite(self, r: _Q) -> str:
        return f"({self.short.get(r.path, r.path)}:{r.line}: '{r.data['text']}')"


class _NumberRule(CorpusRule):
    abstract = True
    version = "6"
    min_articles = 2  # compares sources: idle when an article is linted alone
    Options = NumberOptions

    def extract(self, doc: Document) -> Any:
        return extract_facts(doc)

    def _emit(
        self,
        analysis: _Analysis,
        pairs: list[tuple[_Q, _Q]],
        message_for: Callable[[_Q, str], str],
    ) -> Iterator[Finding]:
        grouped: dict[int, tuple[_Q, list[_Q]]] = {}
        for q, r in pairs:
            if not q.is_target:
                continue
            entry = grouped.setdefault(id(q.data), (q, []))
            if all(x is not r for x in entry[1]):
                entry[1].append(r)
        for q, others in grouped.values():
            others.sort(key=lambda r: (r.path, r.line))
            cites = "; ".join(analysis.cite(r) for r in others)
            message = message_for(q, cites)
            pos = q.data["pos"]
            yield self.story_finding(
                q.path,
                (pos[0], pos[1], pos[2], pos[3]),
                message,
                related=[r.related() for r in others],
                span=(int(q.data["span"][0]), int(q.data["span"][1])),
            )


class ContradictingNumber(_NumberRule):
    """A number that contradicts the same fact in another source of the story.

    When two reports of one event give different numbers for the same thing
    ("nearly two decades" in one, "nearly two years" in the other), at least
    one of them is wrong, and readers who see both lose trust in both. The
    rule aligns the sentences of the story's articles that state the same
    fact (shared content words, a shared word next to the number, the same
    counted noun or unit) and compares the numbers as intervals: hedges widen
    them ("more than 170" agrees with 176) and equal values written
    differently ("2 1/2 years", "2½ years"; "eight-nation", "eight countries")
    agree. Numbers about different things, dates or places stay silent, and so
    do ordinals ("39th"), dates and years; a vague amount ("hundreds of
    homes") is compared only as an order of magnitude ("thousands of homes").

    Bad:
        (article a.md) The storm cut power to more than 40,000 homes in the valley.
        (article b.md) The storm cut power to 4,000 homes in the valley.

    Good:
        (article a.md) The storm cut power to more than 40,000 homes in the valley.
        (article b.md) The storm cut power to some 42,000 homes in the valley.

    Check the number against the primary source and correct whichever
    article is wrong. If both are right (they describe different things), say
    what each counts; silence one line with ``newslint: noqa NX101``.
    """

    code = "NX101"
    name = "numbers.contradiction"
    severity = Severity.WARNING

    def check_story(self, story: Story) -> Iterator[Finding]:
        if len(story.members) < 2 or not story.targets:
            return
        analysis = _Analysis(story, self.code, self.options)
        yield from self._emit(
            analysis,
            analysis.contradictions(),
            lambda q, cites: (
                f"'{q.data['text']}' contradicts the same fact in another source"
                f" {cites}"
            ),
        )


class EachOrBoth(_NumberRule):
    """The same number counted per side here and in total in another source.

    "176 soldiers on each side" means 352 dead; "176 troops on both sides"
    means 176. When two sources of a story give the same number but one says
    it applies to each party and the other to all of them together, one of
    them has the total wrong. This is a lower-severity note because the
    difference is easy to introduce when rewriting copy and easy to miss.

    Bad:
        (article a.md) The clashes killed 58 police officers on each side of the border.
        (article b.md) The clashes killed 58 police officers on both sides of the border.

    Good:
        (article a.md) The clashes killed 58 police officers on each side of the border.
        (article b.md) The clashes killed 116 police officers on both sides of the border.

    Check which reading the primary source gives and say it the same way;
    silence one line with ``newslint: noqa NX102``.
    """

    code = "NX102"
    name = "numbers.each-or-both"
    severity = Severity.INFO

    def extract(self, doc: Document) -> Any:
        return extract_facts(doc)

    def check_story(self, story: Story) -> Iterator[Finding]:
        if len(story.members) < 2 or not story.targets:
            return
        analysis = _Analysis(story, self.code, self.options)
        labels = {"each": "per side (each)", "both": "in total (both)"}
        yield from self._emit(
            analysis,
            analysis.scope_mismatches(),
            lambda q, cites: (
                f"'{q.data['text']}' is counted {labels[q.data['scope']]} here, but"
                f" another source gives the same number the other way {cites}:"
                " the total differs"
            ),
        )


@hookimpl
def register_rules(config: Any) -> list[type]:
    return [ContradictingNumber, EachOrBoth]
