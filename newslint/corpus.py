"""Stories: which articles report the same event.

An article's story is the first non-None ``story_key`` hook answer (the
built-in one reads front matter ``story:``). Articles without a key are
grouped by similarity of their *signatures*.

A signature is computed once per article (and cached with its facts): a short
weighted list of the article's most distinctive features

* ``n:`` proper names (capitalised words that are not merely sentence-initial),
* ``y:`` years and ``#:`` other numbers of two digits or more,
* ``w:`` longer content words (not on a small list of common news words),

weighted by kind, word length and how often the article repeats them, plus
the years the article mentions. Two reports of one event share their rare
names, places and numbers even when the wording differs; two similar events
on one topic share topic words and the region but not the people, the towns,
the figures or the year.

Grouping never compares every pair: candidate pairs come from an inverted
index over each article's most distinctive features, and features carried by
more than ``max-posting`` articles are not used to find candidates (they say
nothing about the event). Each candidate pair is scored (weighted cosine of
the signatures, multiplied by ``year-penalty`` when both articles carry full
dates and no year in common). Pairs at or above ``threshold`` are merged best
first with *average linkage*: two groups join only when their articles are
similar on average, so one article mentioning an earlier event cannot chain
two events into one story. The work grows with the number of articles times
the (capped) posting length.

In a lint run only the groups reachable from a target are built (a story
without a target is never checked); the other articles come back as stories
of their own. ``newslint stories`` groups everything.

Options, config table ``[stories]``: ``threshold`` (0-1, default 0.2),
``max-posting`` (default 50), ``year-penalty`` (0-1, default 0.5).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newslint.patterns import lazy
from newslint.rule import Member, Story

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.document import Document
    from newslint.engine import DocResult

#: Bump when ``signature`` changes, so cached signatures are recomputed.
SIGNATURE_VERSION = "2"

DEFAULTS: dict[str, Any] = {"threshold": 0.2, "max-posting": 50, "year-penalty": 0.5}
#: How many features a signature keeps, and how many of them index candidates.
MAX_FEATURES = 60
INDEX_FEATURES = 24
#: Average linkage looks at up to this many members of each group.
_LINKAGE_SAMPLE = 24

#: A word (a letter, then letters and digits, joined by ' ’ or - before a letter)
#: or a number. Written with the joiner inside a repeated group, not a lookahead
#: per character: the same matches, about a third faster.
_TOKEN = lazy(r"[^\W\d_][^\W_]*(?:['’\-][^\W\d_][^\W_]*)*|\d[\d,]*(?:\.\d+)?")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A full date (the event's date, usually): "March 12, 2019", "12 March 2019", ISO.
_DATE = lazy(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<year>(?:18|19|20)\d\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year2>(?:18|19|20)\d\d)"
    r"|(?P<year3>(?:18|19|20)\d\d)-[01]\d-[0-3]\d)\b"
)
_SENTENCE_END = lazy(r"[.!?:;]['\"”’)\]]*\s*$|^\s*$|\n\s*\n\s*$|[#>*\-]\s*$")

# Common words that carry no information about which event an article reports:
# function words, reporting verbs and the vocabulary of every news story.
_COMMON = frozenset(
    """
    about above across after again against almost along already also although always
    among another anyone anything around because become been before being below
    between both cannot could despite does doing down during each either else enough
    even ever every first from further have having here however into itself just
    last least less like made make many might more most much must near never next
    none nothing often once only other others otherwise over perhaps rather really
    same should since some something still such than that their them themselves then
    there these they thing things this those though through thus today together
    towards under until upon very were what whatever when where whether which while
    whom whose will with within without would year years yesterday your yours later
    earlier week weeks month months time times people person said says saying told
    tell telling asked added according report reports reported reporting reporter
    reporters news statement statements official officials spokesman spokeswoman
    spokesperson president minister government country countries state states
    national local world international public political including include includes
    included three four five seven eight nine hundred thousand million billion
    percent number second third group groups called call calls part parts place
    places several whose going gone went come came comes take taken takes took give
    given gives gave know known think thought want wanted wants says sunday monday
    tuesday wednesday thursday friday saturday january february march april june
    july august september october november december morning evening night nights
    afternoon following follow follows previous recent recently former latest major
    important according clear likely unlikely possible around another among leader
    leaders meeting press media video photo image images getty reuters associated
    share shares article articles related story stories newsletter subscribe
    advertisement continue continues reading read more click email follow
    """.split()
)
_NAME_STOP = frozenset(
    """
    the a an and but or if in on at to of for by with as from this that these those
    it its he she they we you i his her their our my your there here when where
    while what who why how after before during since until although though because
    however meanwhile yet so then also still just even only not no yes some many
    more most all any each every both other another such one two three four five six
    seven eight nine ten mr mrs ms dr sir st according asked monday tuesday
    wednesday thursday friday saturday sunday january february march april may june
    july august september october november december photo video read related click
    """.split()
)

# Capitalised words that name a role or a kind of body, not one person or place.
_TITLES = frozenset(
    """
    governor mayor senator chief minister ministry president prime premier king
    queen prince princess general colonel captain officer director chairman
    chairwoman secretary spokesman spokeswoman judge justice court council committee
    commission institute agency department office university college school hospital
    police army navy force forces party parliament congress senate assembly
    government state states united kingdom republic federal national international
    regional provincial province city county district north south east west northern
    southern eastern western central new old great saint fort lake river mount
    street road avenue square centre center world news press times post daily herald
    wire television radio online reporting
    """.split()
)


def stories_options(config: Config) -> dict[str, Any]:
    """The ``[stories]`` table with defaults filled in (validated by Config)."""
    options = dict(DEFAULTS)
    options.update(config.stories_table)
    return options


# -- signatures ------------------------------------------------------------------
def signature(doc: Document, config: Config | None = None) -> dict[str, Any]:
    """The article's most distinctive features: ``{"f": {feature: weight}, "y": years}``.

    JSON-able and small (at most MAX_FEATURES features), so it is cached with
    the article's facts and read back cheaply for every reference article.
    """
    prose = doc.prose
    # Each distinct token is judged once (an article repeats most of its
    # words); only a capitalised word that also occurs in lower case, or is a
    # common word, needs its positions: sentence-initial occurrences of it
    # are left out, and only those are looked up, in a second pass.
    tally = Counter(_TOKEN.findall(prose))
    lower_seen = {t for t in tally if t[:1].islower()}
    counts: Counter[str] = Counter()
    kind_weight: dict[str, float] = {}
    positional: dict[str, str] = {}
    for token, n in tally.items():
        first = token[0]
        if first.isdigit():
            value = token.replace(",", "")
            if len(value) == 4 and value.isdigit() and 1800 <= int(value) <= 2100:
                feature, weight = "y:" + value, 3.0
            elif len(value.split(".")[0]) >= 2:
                feature, weight = "#:" + value, 2.0
            else:
                continue
        elif first.isupper():
            word = _strip_possessive(token)
            low = word.lower()
            if low in _NAME_STOP or len(low) < 2:
                continue
            feature = "n:" + low
            if low in _TITLES or low in _COMMON:
                weight = 0.6
            else:
                weight = 2.0 if len(low) >= 4 else 1.5
            if low in lower_seen or low in _COMMON:
                positional[token] = feature
                kind_weight[feature] = weight
                continue
        else:
            low = _strip_possessive(token).lower()
            if len(low) < 6 or low in _COMMON:
                continue
            low = _stem(low)
            if low in _COMMON:
                continue
            feature = "w:" + low
            weight = min(0.9, 0.3 + 0.08 * (len(low) - 6))
        counts[feature] += n
        kind_weight[feature] = weight
    for token, feature in positional.items():
        for start in token_starts(prose, token):
            if not _sentence_initial(prose, start):
                counts[feature] += 1
    scored = {f: kind_weight[f] * (1.0 + math.log(counts[f])) for f in counts}
    top = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_FEATURES]
    dated = sorted(
        {
            m.group("year") or m.group("year2") or m.group("year3")
            for m in _DATE.finditer(prose)
        }
    )
    return {"f": {f: round(w, 3) for f, w in top}, "d": dated}


_JOINERS = "'’-"


def token_starts(prose: str, token: str) -> Iterator[int]:
    """Where ``_TOKEN`` matches exactly ``token`` (a word that starts with a
    letter) in ``prose``, found with ``str.find`` instead of tokenising the
    whole text again. A match must start a token (no word it continues) and
    end one (nothing it runs on into)."""
    size = len(token)
    end_of_text = len(prose)
    at = prose.find(token)
    while at >= 0:
        after = at + size
        if _starts_token(prose, at) and not (
            after < end_of_text
            and (
                prose[after].isalnum()
                or (
                    prose[after] in _JOINERS
                    and after + 1 < end_of_text
                    and _is_letter(prose[after + 1])
                )
            )
        ):
            yield at
        at = prose.find(token, at + 1)


def _is_letter(char: str) -> bool:
    r"""``[^\W\d_]``: a word character that is neither a digit nor '_'."""
    return char.isalnum() and not char.isdecimal()


def _starts_token(prose: str, at: int) -> bool:
    """Whether the letter at ``at`` starts a token rather than continuing the
    word before it (a letter or joined word continues; a number does not)."""
    if at == 0:
        return True
    before = prose[at - 1]
    if before in _JOINERS:
        # "O'Neill", "al-Assad": the joiner carries a word into this letter
        return not (at >= 2 and _in_word(prose, at - 2))
    return not _in_word(prose, at - 1)


def _in_word(prose: str, at: int) -> bool:
    """Whether the character at ``at`` belongs to a word token (one that
    starts with a letter), as opposed to a number token or no token."""
    char = prose[at]
    if not char.isalnum():
        return False
    # digits belong to a word when a letter comes first in their run
    while at >= 0 and prose[at].isalnum():
        if not prose[at].isdecimal():
            return True
        at -= 1
    return False


def _strip_possessive(word: str) -> str:
    if word.endswith(("'s", "’s", "'S", "’S")):
        return word[:-2]
    return word.rstrip("'’-")


def _stem(word: str) -> str:
    """A crude plural/verb-form fold so 'rescuers' meets 'rescuer'."""
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _sentence_initial(prose: str, start: int) -> bool:
    before = prose[max(0, start - 6) : start]
    if start == 0:
        return True
    # Allow an opening quote or bracket before the word.
    stripped = before.rstrip("\"'“‘([ \t")
    if not stripped:
        return prose[:start].strip("\"'“‘([ \t\r\n") == ""
    return bool(_SENTENCE_END.search(before.rstrip("\"'“‘([")))


class SignatureUnavailable(Exception):
    """A cached signature could not be fetched or decoded (the engine reads
    the article again and groups anew)."""

    def __init__(self, signature: StoredSignature) -> None:
        super().__init__("cached signature unavailable")
        self.signature = signature


class StoredSignature:
    """A signature in the fact cache, not fetched or decoded yet.

    Grouping needs every article's index features (to find candidates) but
    the full signature only of the articles it scores: the cache keeps the
    features in a column of their own, checked with the row, and the JSON
    text is fetched (``cache.signature_text``, checked against its digest)
    and parsed on first use. One that cannot be raises SignatureUnavailable.
    """

    __slots__ = ("cache", "digest", "features", "signed", "text")

    def __init__(
        self,
        features: list[str],
        *,
        text: str | None = None,
        cache: Any = None,
        digest: str = "",
        signed: str = "",
    ) -> None:
        self.features = features
        self.text = text
        self.cache = cache
        self.digest = digest
        self.signed = signed

    def decode(self) -> Any:
        import json

        if self.text is None and self.cache is not None:
            self.text = self.cache.signature_text(self.digest, self.signed)
        if self.text is None:
            raise SignatureUnavailable(self)
        try:
            return json.loads(self.text)
        except ValueError:
            raise SignatureUnavailable(self) from None


# -- grouping -----------------------------------------------------------------------
class _Sig:
    __slots__ = ("dated", "features", "norm")

    def __init__(self, data: Any) -> None:
        features: dict[str, float] = {}
        dated: list[str] = []
        if isinstance(data, Mapping):
            raw = data.get("f")
            if isinstance(raw, Mapping):
                features = {
                    str(k): float(v)
                    for k, v in raw.items()
                    if isinstance(v, (int, float))
                }
            raw_dated = data.get("d")
            if isinstance(raw_dated, list):
                dated = [str(y) for y in raw_dated]
        self.features = features
        self.norm = math.sqrt(sum(w * w for w in features.values())) or 1.0
        self.dated = frozenset(dated)


_FEATURE_NAMES: dict[str, str] = {}
_WEIGHTS: dict[float, float] = {}


def compact_signature(data: Any) -> _Sig:
    """A signature as grouping holds it at archive scale: one ``_Sig`` whose
    feature names and weights are shared across articles (most recur), so
    100,000 signatures fit in a few hundred megabytes."""
    if isinstance(data, StoredSignature):
        data = data.decode()
    sig = data if isinstance(data, _Sig) else _Sig(data)
    sig.features = {
        _FEATURE_NAMES.setdefault(f, f): _WEIGHTS.setdefault(w, w)
        for f, w in sig.features.items()
    }
    return sig


def similarity(
    a: Any, b: Any, *, year_penalty: float = DEFAULTS["year-penalty"]
) -> tuple[float, list[str]]:
    """Score two signatures (0-1) and name the features they share, best first."""
    sa, sb = (x if isinstance(x, _Sig) else _Sig(_decoded(x)) for x in (a, b))
    return _score(sa, sb, {}, year_penalty), _shared(sa, sb)


def _score(a: _Sig, b: _Sig, damp: Mapping[str, float], year_penalty: float) -> float:
    small, large = (a.features, b.features)
    if len(small) > len(large):
        small, large = large, small
    dot = 0.0
    for f, w in small.items():
        other = large.get(f)
        if other is not None:
            d = damp.get(f)
            dot += w * other if d is None else w * other * d * d
    score = dot / (a.norm * b.norm)
    if a.dated and b.dated and not (a.dated & b.dated):
        score *= year_penalty
    return score


def _shared(a: _Sig, b: _Sig) -> list[str]:
    shared = [f for f in a.features if f in b.features]
    shared.sort(key=lambda f: -(a.features[f] * b.features[f]))
    return shared


def group(
    results: list[DocResult], config: Config, *, targets_only: bool = False
) -> list[tuple[str, list[DocResult], str]]:
    """Group per-document results: ``(key, members, why)``, each article once.

    ``targets_only``: build only the similarity groups reachable from a target
    article (the same groups a full grouping gives them); every other article
    without a story key comes back as a story of its own.
    """
    options = stories_options(config)
    threshold = float(options["threshold"])
    max_posting = int(options["max-posting"])
    year_penalty = float(options["year-penalty"])
    keyed: dict[str, list[DocResult]] = defaultdict(list)
    unkeyed: list[DocResult] = []
    for result in results:
        if result.story_key is not None:
            keyed[result.story_key].append(result)
        else:
            unkeyed.append(result)
    groups = [
        (key, members, f"front matter story: {key}") for key, members in keyed.items()
    ]
    groups.extend(
        _group_similar(unkeyed, threshold, max_posting, year_penalty, targets_only)
    )
    return sorted(groups, key=lambda g: g[0])


def _decoded(signature: Any) -> Any:
    return signature.decode() if isinstance(signature, StoredSignature) else signature


def index_features(signature: Any) -> list[str]:
    """The features grouping looks candidates up by: the first (heaviest:
    signatures are kept best first) ``INDEX_FEATURES`` of the signature."""
    if isinstance(signature, StoredSignature):
        return signature.features
    if isinstance(signature, _Sig):
        return list(itertools.islice(signature.features, INDEX_FEATURES))
    if isinstance(signature, Mapping):
        features = signature.get("f")
        if isinstance(features, Mapping):
            return list(itertools.islice(features, INDEX_FEATURES))
    return []


def _group_similar(
    results: list[DocResult],
    threshold: float,
    max_posting: int,
    year_penalty: float,
    targets_only: bool = False,
) -> Iterable[tuple[str, list[DocResult], str]]:
    n = len(results)
    keys = [
        r.signature.features
        if type(r.signature) is StoredSignature
        else index_features(r.signature)
        for r in results
    ]
    # How many articles carry each feature (counted in C), then postings of
    # the features that can find candidates: those of 2 to max_posting
    # articles (most features belong to one article only).
    counts = Counter(itertools.chain.from_iterable(keys))
    useful = {f for f, c in counts.items() if 2 <= c <= max_posting}
    postings: dict[str, list[int]] = defaultdict(list)
    for index, features in enumerate(keys):
        for feature in useful.intersection(features):
            postings[feature].append(index)
    # Features many articles carry count for less (only matters in big corpora).
    floor = max(10, n // 20)
    damp = {f: math.sqrt(floor / c) for f, c in counts.items() if c > floor}
    sig_cache: dict[int, _Sig] = {}

    def sig(i: int) -> _Sig:
        found = sig_cache.get(i)
        if found is None:
            data = _decoded(results[i].signature)
            found = sig_cache[i] = data if isinstance(data, _Sig) else _Sig(data)
        return found

    scores: dict[tuple[int, int], float] = {}

    def pair_score(a: int, b: int) -> float:
        pair = (a, b) if a < b else (b, a)
        found = scores.get(pair)
        if found is None:
            found = scores[pair] = _score(
                sig(pair[0]), sig(pair[1]), damp, year_penalty
            )
        return found

    def candidates(i: int) -> set[int]:
        out: set[int] = set()
        for feature in keys[i]:
            members = postings.get(feature)
            if members is not None:
                out.update(members)
        out.discard(i)
        return out

    # The articles to group: all, or those linked to a target by a chain of
    # pairs at or above the threshold (groups never merge across such chains).
    if targets_only:
        todo = [i for i, r in enumerate(results) if r.is_target]
        reach = set(todo)
        while todo:
            i = todo.pop()
            for j in candidates(i):
                # Score every candidate pair (targets are "in reach" already).
                if pair_score(i, j) >= threshold and j not in reach:
                    reach.add(j)
                    todo.append(j)
        grouped = reach  # every candidate pair of these is scored by now
    else:
        grouped = set(range(n))
        for i in range(n):
            for j in candidates(i):
                if i < j:
                    pair_score(i, j)
    # Average-linkage merging, best pair first: two groups join only when
    # their articles are similar *on average*, so one background mention
    # cannot chain two events together.
    cluster_of = list(range(n))
    clusters: dict[int, list[int]] = {i: [i] for i in range(n)}
    evidence: dict[int, list[str]] = defaultdict(list)
    ranked = sorted(
        ((v, pair) for pair, v in scores.items() if v >= threshold),
        key=lambda item: (-item[0], item[1]),
    )
    for score, (a, b) in ranked:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        left, right = clusters[ca][:_LINKAGE_SAMPLE], clusters[cb][:_LINKAGE_SAMPLE]
        average = sum(pair_score(x, y) for x in left for y in right) / (
            len(left) * len(right)
        )
        if average < threshold:
            continue
        keep, gone = (ca, cb) if len(clusters[ca]) >= len(clusters[cb]) else (cb, ca)
        for index in clusters[gone]:
            cluster_of[index] = keep
        clusters[keep].extend(clusters.pop(gone))
        evidence[keep].extend(evidence.pop(gone, []))
        names = ", ".join(_readable(f) for f in _shared(sig(a), sig(b))[:6])
        first, second = sorted((results[a].path, results[b].path))
        evidence[keep].append(f"{first} ~ {second} ({score:.2f}; shared: {names})")
    for root, indexes in clusters.items():
        members = [results[i] for i in indexes]
        if evidence.get(root):
            why = "similar text: " + "; ".join(evidence[root])
        elif root in grouped:
            why = "no similar article"
        else:
            why = "not grouped (no target article in reach)"
        key = "similar:" + min(m.path for m in members)
        yield key, members, why


def _readable(feature: str) -> str:
    kind, _, value = feature.partition(":")
    return value.title() if kind == "n" else value


def group_stories(results: list[DocResult], config: Config) -> list[Story]:
    """Group per-document results into stories; each article in exactly one."""
    return [
        make_story(key, members, why) for key, members, why in group(results, config)
    ]


def make_story(key: str, results: list[DocResult], why: str) -> Story:
    # Members share each result's facts dict (the engine may fill cached facts
    # into it after grouping).
    if len(results) == 1:  # most articles of a big corpus
        only = results[0]
        return Story(key, (Member(only.path, only.is_target, only.facts),), why)
    members = tuple(
        Member(r.path, r.is_target, r.facts)
        for r in sorted(results, key=lambda r: r.path)
    )
    return Story(key, members, why)


def describe(stories: list[Story]) -> list[dict[str, Any]]:
    """The JSON shape of ``newslint stories --format json``."""
    return [
        {"story": s.key, "paths": [m.path for m in s.members], "why": s.why}
        for s in stories
    ]
