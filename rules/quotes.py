"""NQ: quotations worded differently in the sources of a story.

Every article's quotations (``newslint.text.quotes``) are its facts: the
quoted text, its normalised words with their offsets, the paragraph and the
speaker. For each quotation of a target article the rule looks for *the same
quotation* in every other source of the story:

* Candidates are the other source's quotations and the *runs* of its
  quotations that belong together (pieces of one paragraph split by the
  attribution, `“…,” he said. “…”`, and quotations continued in the next
  paragraph), so a quotation split in two in one source still meets the
  whole of it in another.
* Quotations by different speakers are never compared; the same speaker
  lowers the bar for a match.
* The two word sequences are aligned locally (Smith-Waterman on normalised
  words), so a quotation cut shorter is compared only where the two overlap.
  A match needs enough shared words (``min-matches``), enough of them in the
  aligned stretch (``min-similarity``, ``same-speaker-similarity``) and a
  stretch that covers a fair part of one quotation (``min-coverage``).
* Differences are the unmatched blocks inside the stretch, plus a short
  differing beginning or end of both quotations. A block that is only a
  different hyphenation or compounding ("multi-billion" / "multibillion") is
  no difference; case, punctuation, quote marks, contractions, British and
  American spelling, "U.S." / "United States" and number words are normalised
  away before aligning. Quotations shorter than ``min-words`` words (scare
  quotes such as “balanced”) are never compared.

Which article is reported: every version of the quotation counts the
sources that carry it. When one version is carried by more sources than any
other (a plurality, e.g. 2 of 4 against 1 and 1), the articles carrying it
are not reported and each other article is, naming that version. When no
version leads (a tie, typically two sources that disagree), every differing
article is reported, because nothing says which wording is right.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
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

#: Words that do not make two quotations the same quotation on their own.
STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as into onto about over
    is are was were be been being am do does did have has had will would shall should
    can could may might must not no it its this that these those there here we us our
    you your they them their he him his she her i me my who whom which what when where
    how so than then too very also just all any some such only own same
    """.split()
)

_MATCH, _MISMATCH, _GAP = 2, -1, -1


def same_speaker(a: Any, b: Any) -> bool | None:
    """newslint.text.quotes.same_speaker, imported when a story is compared."""
    from newslint.text.quotes import same_speaker as compare

    return compare(a, b)


@rule_options
class QuoteOptions:
    #: Quotations with fewer normalised words are never compared (scare quotes).
    min_words: int = 4
    #: Words two quotations must share in their aligned stretch.
    min_matches: int = 4
    #: Shared words over the length of the aligned stretch, for a match.
    min_similarity: float = 0.5
    #: The same, when both sources name the same speaker.
    same_speaker_similarity: float = 0.4
    #: Shared content words (not "the", "we", "will" …) over those of the
    #: quotation with fewer, in the aligned stretch.
    min_content_share: float = 0.5
    #: The aligned stretch must cover this share of one of the two quotations.
    min_coverage: float = 0.5
    #: Unmatched words at both ends (each side at most this many) still count
    #: as a different beginning or end of the same quotation.
    max_end_difference: int = 3
    #: A quotation whose very words other sources give to another named
    #: speaker is reported when it has at least this many words and more
    #: sources name the other speaker than this one (never on a tie).
    misattributed_words: int = 6


class _Unit:
    """A quotation, or a run of quotations that belong together, of one article.

    A plain slotted class (not a dataclass): record classes are built at
    import, and the one-article run must start fast."""

    __slots__ = ("_content", "gaps", "path", "quotes", "where", "who", "words")

    def __init__(
        self,
        path: str,
        words: list[str],
        where: list[tuple[int, int, int]],
        who: list[str],
        quotes: list[int],
        gaps: frozenset[int] = frozenset(),
    ) -> None:
        self.path = path
        self.words = words
        #: For each word: (index of the quotation in the article's facts, start, end).
        self.where = where
        self.who = who
        self.quotes = quotes
        #: Word indices an ellipsis stands before (words left out there).
        self.gaps = gaps
        self._content: frozenset[str] | None = None

    def content(self) -> frozenset[str]:
        """The unit's distinct content words (not in STOPWORDS)."""
        if self._content is None:
            self._content = frozenset(w for w in self.words if w not in STOPWORDS)
        return self._content


class _Match(NamedTuple):
    unit: _Unit
    aligned: _Aligned

    @property
    def differs(self) -> bool:
        return bool(self.aligned.blocks)


Column = tuple["int | None", "int | None", bool]


class _Aligned(NamedTuple):
    """A local alignment: score, matched words, the stretch's length on each
    side, matched content words, the columns (a index, b index, same) and the
    differing blocks as column ranges."""

    score: int
    matches: int
    len_a: int
    len_b: int
    content: int
    columns: list[Column]
    blocks: list[tuple[int, int]]
    #: Matched content words over the content words of the side with fewer.
    content_share: float = 0.0
    #: The longest run of consecutive matched words.
    longest_run: int = 0


def _align(a: list[str], b: list[str], max_end: int) -> _Aligned | None:
    """Local alignment of two word lists (None when nothing aligns)."""
    n, m = len(a), len(b)
    if not n or not m:
        return None
    width = m + 1
    score = [0] * ((n + 1) * width)
    back = bytearray((n + 1) * width)  # 0 stop, 1 diag, 2 up (a only), 3 left (b only)
    best, best_at = 0, 0
    for i in range(1, n + 1):
        ai = a[i - 1]
        row, prev = i * width, (i - 1) * width
        for j in range(1, m + 1):
            diag = score[prev + j - 1] + (_MATCH if ai == b[j - 1] else _MISMATCH)
            up = score[prev + j] + _GAP
            left = score[row + j - 1] + _GAP
            value, move = diag, 1
            if up > value:
                value, move = up, 2
            if left > value:
                value, move = left, 3
            if value <= 0:
                value, move = 0, 0
            score[row + j] = value
            back[row + j] = move
            if value > best:
                best, best_at = value, row + j
    if best <= 0:
        return None
    i, j = divmod(best_at, width)
    end_i, end_j = i, j
    columns: list[tuple[int | None, int | None, bool]] = []
    while i > 0 and j > 0 and back[i * width + j]:
        move = back[i * width + j]
        if move == 1:
            columns.append((i - 1, j - 1, a[i - 1] == b[j - 1]))
            i, j = i - 1, j - 1
        elif move == 2:
            columns.append((i - 1, None, False))
            i -= 1
        else:
            columns.append((None, j - 1, False))
            j -= 1
    columns.reverse()
    start_i, start_j = i, j
    # A differing beginning or end of both quotations is part of the same
    # quotation when it is short ("… the enemy" / "… the foe") or anchored by
    # shared words ("when it comes to the Ukraine crisis" / "in connection
    # with the Ukrainian crisis"); a longer one, or one on one side only, is
    # a quotation cut or continued differently and is not compared.
    if start_i and start_j:
        head = _extension(a[:start_i], b[:start_j], max_end)
        if head is not None:
            columns = head + columns
            start_i = start_j = 0
    if end_i < n and end_j < m:
        tail = _extension(a[end_i:], b[end_j:], max_end)
        if tail is not None:
            columns += [
                (
                    None if x is None else x + end_i,
                    None if y is None else y + end_j,
                    same,
                )
                for x, y, same in tail
            ]
            end_i, end_j = n, m
    matches = sum(1 for _x, _y, same in columns if same)
    content = sum(1 for x, _y, same in columns if same and a[x] not in STOPWORDS)  # type: ignore[index]
    content_a = sum(
        1 for x, _y, _s in columns if x is not None and a[x] not in STOPWORDS
    )
    content_b = sum(
        1 for _x, y, _s in columns if y is not None and b[y] not in STOPWORDS
    )
    run = longest = 0
    for _x, _y, same in columns:
        run = run + 1 if same else 0
        longest = max(longest, run)
    # Differing blocks: runs of unmatched columns, as column ranges; a block
    # that only joins or splits words ("multi-billion" / "multibillion") is none.
    blocks: list[tuple[int, int]] = []
    k = 0
    while k < len(columns):
        if columns[k][2]:
            k += 1
            continue
        c0 = k
        while k < len(columns) and not columns[k][2]:
            k += 1
        xs = "".join(a[x] for x, _y, _s in columns[c0:k] if x is not None)
        ys = "".join(b[y] for _x, y, _s in columns[c0:k] if y is not None)
        if xs != ys:
            blocks.append((c0, k))
    return _Aligned(
        best,
        matches,
        end_i - start_i,
        end_j - start_j,
        content,
        columns,
        blocks,
        content / max(1, min(content_a, content_b)),
        longest,
    )


def _global(a: list[str], b: list[str]) -> list[tuple[int | None, int | None, bool]]:
    """Global alignment columns of two short word lists."""
    n, m = len(a), len(b)
    score = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        score[i][0] = i * _GAP
    for j in range(1, m + 1):
        score[0][j] = j * _GAP
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            score[i][j] = max(
                score[i - 1][j - 1] + (_MATCH if a[i - 1] == b[j - 1] else _MISMATCH),
                score[i - 1][j] + _GAP,
                score[i][j - 1] + _GAP,
            )
    i, j = n, m
    out: list[tuple[int | None, int | None, bool]] = []
    while i or j:
        if (
            i
            and j
            and score[i][j]
            == score[i - 1][j - 1] + (_MATCH if a[i - 1] == b[j - 1] else _MISMATCH)
        ):
            out.append((i - 1, j - 1, a[i - 1] == b[j - 1]))
            i, j = i - 1, j - 1
        elif i and score[i][j] == score[i - 1][j] + _GAP:
            out.append((i - 1, None, False))
            i -= 1
        else:
            out.append((None, j - 1, False))
            j -= 1
    out.reverse()
    return out


def _extension(
    a: list[str], b: list[str], max_end: int
) -> list[tuple[int | None, int | None, bool]] | None:
    """Columns for a differing head or tail of both quotations, or None."""
    if len(a) <= max_end and len(b) <= max_end:
        return _global(a, b)
    if (
        max(len(a), len(b)) > 4 * max_end
        or max(len(a), len(b)) > 2 * min(len(a), len(b)) + 1
    ):
        return None
    columns = _global(a, b)
    shared = sum(1 for _x, _y, same in columns if same)
    if shared >= 2 and shared * 4 >= max(len(a), len(b)):
        return columns
    return None


class _Analysis:
    def __init__(self, story: Story, code: str, options: QuoteOptions) -> None:
        self.options = options
        self.facts: dict[str, list[dict[str, Any]]] = {}
        self.targets: set[str] = set()
        for member, facts in story.facts(code):
            self.facts[member.path] = facts
            if member.is_target:
                self.targets.add(member.path)
        self.paths = sorted(self.facts)
        names = [os.path.basename(p) for p in self.paths]
        self.short = {
            p: (os.path.basename(p) if names.count(os.path.basename(p)) == 1 else p)
            for p in self.paths
        }
        self.units = {p: self._units(p) for p in self.paths}
        self._cache: dict[tuple[str, tuple[int, ...], str], _Match | None] = {}

    # -- units ---------------------------------------------------------------
    def single(self, path: str, index: int) -> _Unit:
        q = self.facts[path][index]
        return _Unit(
            path,
            [w[0] for w in q["words"]],
            [(index, int(w[1]), int(w[2])) for w in q["words"]],
            list(q["who"]),
            [index],
            frozenset(int(k) for k in q.get("gaps", ())),
        )

    def _units(self, path: str) -> list[_Unit]:
        quotes = self.facts[path]
        units = [self.single(path, k) for k, q in enumerate(quotes)]
        units = [u for u in units if len(u.words) >= self.options.min_words]
        # Runs: consecutive quotations of one paragraph (or a continued one)
        # whose speakers do not conflict.
        run: list[int] = []
        for k, q in enumerate(quotes):
            if run:
                prev = quotes[run[-1]]
                # Pieces of one paragraph with only an attribution between
                # them (`“…,” he said. “…”`), or a quotation continued in the
                # next paragraph; not two quotations a sentence apart.
                gap = int(q["span"][0]) - int(prev["span"][1])
                together = (
                    (q["para"] == prev["para"] and gap <= 80) or q["cont"]
                ) and same_speaker(q["who"], prev["who"]) is not False
                if not together:
                    self._add_run(path, run, units)
                    run = []
            run.append(k)
        self._add_run(path, run, units)
        return units

    def _add_run(self, path: str, run: list[int], units: list[_Unit]) -> None:
        if len(run) < 2:
            return
        parts = [self.single(path, k) for k in run]
        who = next((p.who for p in parts if p.who), [])
        gaps: set[int] = set()
        base = 0
        for part in parts:
            gaps.update(base + k for k in part.gaps)
            base += len(part.words)
        unit = _Unit(
            path,
            [w for p in parts for w in p.words],
            [w for p in parts for w in p.where],
            who,
            list(run),
            frozenset(gaps),
        )
        if len(unit.words) >= self.options.min_words:
            units.append(unit)

    def fragment_voters(
        self, unit: _Unit, words: set[int], exclude: set[str]
    ) -> set[str]:
        """Sources (not in ``exclude``) quoting a fragment too short to be
        compared on its own ('support every family') that ``unit`` holds word
        for word over all of ``words``: they take that side."""
        if not words:
            return set()
        lo, hi = min(words), max(words)
        out = set()
        for p in self.paths:
            if p in exclude or p == unit.path:
                continue
            for q in self.facts[p]:
                frag = [w[0] for w in q["words"]]
                n = len(frag)
                if not 2 <= n < self.options.min_words or all(
                    w in STOPWORDS for w in frag
                ):
                    continue
                first = max(0, hi - n + 1)
                if any(
                    unit.words[s : s + n] == frag
                    for s in range(first, min(lo, len(unit.words) - n) + 1)
                ):
                    out.add(p)
                    break
        return out

    # -- matching ------------------------------------------------------------
    def best_match(self, unit: _Unit, other: str) -> _Match | None:
        """The other article's quotation that is the same quotation as ``unit``."""
        key = (unit.path, tuple(unit.quotes), other)
        if key in self._cache:
            return self._cache[key]
        opts = self.options
        best: _Match | None = None
        mine = unit.content()
        # Cheap ranking first: only the few candidates sharing the most
        # content words are aligned (a quotation and the run it belongs to
        # count separately, hence more than one).
        ranked = []
        for cand in self.units[other]:
            speakers = same_speaker(unit.who, cand.who)
            if speakers is False:
                continue
            shared = len(mine & cand.content())
            if shared >= (2 if speakers else 3):
                ranked.append((-shared, len(ranked), cand, speakers))
        ranked.sort(key=lambda item: item[:2])
        for _shared, _k, cand, speakers in ranked[:4]:
            aligned = _align(unit.words, cand.words, opts.max_end_difference)
            if aligned is None:
                continue
            al = _drop_junction_words(aligned, unit, cand)
            threshold = (
                opts.same_speaker_similarity if speakers else opts.min_similarity
            )
            # Without a speaker to confirm it, more shared content words.
            if al.matches < opts.min_matches or al.content < (2 if speakers else 3):
                continue
            if al.matches / max(al.len_a, al.len_b) < threshold:
                continue
            # The same statement shares its words in order, and most of its
            # content words: not two sentences that both mention "the budget"
            # and "the county".
            if al.longest_run < 3 or al.content_share < opts.min_content_share:
                continue
            if (
                max(al.len_a / len(unit.words), al.len_b / len(cand.words))
                < opts.min_coverage
            ):
                continue
            if _other_statement(al, unit.words, cand.words):
                continue
            if _person_shift(al, unit.words, cand.words):
                continue
            # Prefer the best alignment; on a tie, the one without differences
            # (the exact piece rather than a run that merely contains it).
            rank = (al.score, not al.blocks)
            if best is None or rank > (best.aligned.score, not best.aligned.blocks):
                best = _Match(cand, al)
        self._cache[key] = best
        return best

    def other_speakers(self, unit: _Unit, other: str) -> list[_Unit]:
        """Quotations of ``other`` with the very words of ``unit`` but a
        different named speaker (no word differs; at least ``misattributed-
        words`` words in common, covering most of both)."""
        opts = self.options
        out = []
        for cand in self.units[other]:
            if same_speaker(unit.who, cand.who) is not False:
                continue
            if len(unit.content() & cand.content()) < 3:
                continue
            aligned = _align(unit.words, cand.words, opts.max_end_difference)
            if aligned is None:
                continue
            al = _drop_junction_words(aligned, unit, cand)
            short = min(len(unit.words), len(cand.words))
            if (
                al.blocks
                or al.matches < opts.misattributed_words
                or al.matches < 0.8 * short
            ):
                continue
            out.append(cand)
        return out

    # -- text for messages ---------------------------------------------------
    def surface(self, unit: _Unit, indices: list[int]) -> str:
        """The words at ``indices`` as written, pieces of one quotation joined."""
        if not indices:
            return ""
        parts: list[str] = []
        lo, hi = min(indices), max(indices)
        start_q, start, end = unit.where[lo]
        for k in range(lo + 1, hi + 1):
            q, s, e = unit.where[k]
            if q != start_q:
                parts.append(self._slice(unit.path, start_q, start, end))
                start_q, start, end = q, s, e
            else:
                end = max(end, e)
        parts.append(self._slice(unit.path, start_q, start, end))
        return " … ".join(parts)

    def _slice(self, path: str, index: int, start: int, end: int) -> str:
        """The quotation's text from ``start`` to ``end``, widened to whole
        words (a hyphenated compound is shown whole), outer punctuation off."""
        q = self.facts[path][index]
        text = q["text"]
        lo, hi = start - int(q["span"][0]), end - int(q["span"][0])
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        chunk = " ".join(text[lo:hi].split())
        return chunk.strip(".,;:!?\"“”‘’'()[]«»—–")

    def position(self, unit: _Unit, word: int) -> tuple[int, int, int]:
        """(quotation index, line, column) of a word of ``unit``."""
        index, start, _end = unit.where[word]
        return (index, *_line_col(self.facts[unit.path][index], start))

    def show(self, a: _Unit, b: _Unit, al: _Aligned) -> tuple[str, str]:
        """Short word-level difference: the differing stretches of each side.

        Blocks close together (at most three shared words between them) are
        shown as one stretch; a word missing on one side is shown with its
        neighbour so that both sides have text.
        """
        cols = al.columns
        # Each block's words on both sides, a one-sided block with the shared
        # words around it; blocks close together form one segment.
        segments: list[tuple[int, list[int], list[int]]] = []
        for c0, c1 in al.blocks:
            xs = [x for x, _y, _s in cols[c0:c1] if x is not None]
            ys = [y for _x, y, _s in cols[c0:c1] if y is not None]
            if not xs or not ys:
                for ctx in (c0 - 1, c1):
                    if 0 <= ctx < len(cols) and cols[ctx][2]:
                        xs.append(cols[ctx][0])  # type: ignore[arg-type]
                        ys.append(cols[ctx][1])  # type: ignore[arg-type]
            if segments and c0 - segments[-1][0] <= 3:
                segments[-1][1].extend(xs)
                segments[-1][2].extend(ys)
                segments[-1] = (c1, segments[-1][1], segments[-1][2])
            else:
                segments.append((c1, xs, ys))
        left, right = [], []
        for _end, xs, ys in segments[:3]:
            left.append(self.surface(a, xs) or "—")
            right.append(self.surface(b, ys) or "—")
        if len(segments) > 3:
            left.append("")
            right.append("")
        return " … ".join(left).strip(), " … ".join(right).strip()


#: Auxiliaries and copulas: where a statement's subject ends.
_AUXILIARIES = frozenset(
    "will would shall should can could may might must is are was were has have had"
    " do does did".split()
)
#: Words that open a subject without being its content ("every gallery").
_QUANTIFIERS = frozenset("every each both many most several few".split())


def _other_statement(al: _Aligned, a: list[str], b: list[str]) -> bool:
    """Whether two aligned quotations are two statements built on one frame.

    "Every park in this city will get new lights" and "Every bus in this city
    will be free for pupils" share most words, but their subjects (the words
    before the first shared auxiliary) differ in content words and so does
    the rest: two statements, not one reworded. A real alteration, or a second
    translation, keeps the subject ("We will repair" / "We will rebuild").
    """
    cols = al.columns
    if len(al.blocks) < 2 or not cols or cols[0][0] != 0 or cols[0][1] != 0:
        return False
    aux = next(
        (
            k
            for k, (x, _y, same) in enumerate(cols[:8])
            if same and a[x] in _AUXILIARIES  # type: ignore[index]
        ),
        None,
    )
    if aux is None:
        return False

    def content(c0: int, c1: int, side: int, words: list[str]) -> set[str]:
        return {
            words[c[side]]  # type: ignore[index]
            for c in cols[c0:c1]
            if c[side] is not None
            and words[c[side]] not in STOPWORDS  # type: ignore[index]
            and words[c[side]] not in _QUANTIFIERS  # type: ignore[index]
        }

    subject = any(
        c1 <= aux and content(c0, c1, 0, a) and content(c0, c1, 1, b)
        for c0, c1 in al.blocks
    )
    rest = any(
        c0 > aux and (content(c0, c1, 0, a) or content(c0, c1, 1, b))
        for c0, c1 in al.blocks
    )
    return subject and rest


_FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())
_THIRD_PERSON = frozenset(
    "he him his himself she her hers herself they them their theirs themselves".split()
)


def _person_shift(al: _Aligned, a: list[str], b: list[str]) -> bool:
    """Whether one quotation says "I" where the other says "she" or "he".

    "I ran the smartest race of my life" (the runner) and "She ran the
    smartest race of her life" (her coach) are two people's statements on
    one frame, not one quotation reworded: a quotation is never altered by
    changing its grammatical person.
    """
    for c0, c1 in al.blocks:
        here = {a[c[0]] for c in al.columns[c0:c1] if c[0] is not None}
        there = {b[c[1]] for c in al.columns[c0:c1] if c[1] is not None}
        if (here & _FIRST_PERSON and there & _THIRD_PERSON) or (
            here & _THIRD_PERSON and there & _FIRST_PERSON
        ):
            return True
    return False


def _drop_junction_words(al: _Aligned, a: _Unit, b: _Unit) -> _Aligned:
    """Ignore a connective missing where one side's quotation is split, and
    words one side leaves out with an ellipsis.

    `“We waited three years,” she said. “We will not wait longer.”` drops the
    "and" of `“We waited three years and we will not wait longer”`: a block
    of function words on one side only, at the junction of two pieces of the
    other side's run, is the split, not a change of wording.
    """
    if not al.blocks:
        return al
    keep = []
    for c0, c1 in al.blocks:
        if _at_ellipsis(al, c0, c1, a, 0) or _at_ellipsis(al, c0, c1, b, 1):
            continue  # words left out and marked so: "found … was"
        cols = al.columns[c0:c1]
        only_a = all(y is None for _x, y, _s in cols)
        only_b = all(x is None for x, _y, _s in cols)
        words = [
            (a.words[x] if x is not None else b.words[y])  # type: ignore[index]
            for x, y, _s in cols
        ]
        if (only_a or only_b) and all(w in STOPWORDS for w in words):
            other, side = (b, 1) if only_a else (a, 0)
            before = al.columns[c0 - 1][side] if c0 > 0 else None
            after = al.columns[c1][side] if c1 < len(al.columns) else None
            if (
                before is not None
                and after is not None
                and other.where[before][0] != other.where[after][0]
            ):
                continue
        keep.append((c0, c1))
    if len(keep) == len(al.blocks):
        return al
    return al._replace(blocks=keep)


def _at_ellipsis(al: _Aligned, c0: int, c1: int, unit: _Unit, side: int) -> bool:
    """Whether an ellipsis of ``unit`` falls inside or at the edges of the
    block of columns ``c0:c1`` (its words on ``side``)."""
    if not unit.gaps:
        return False
    before = [c[side] for c in al.columns[:c0] if c[side] is not None]
    inside = [c[side] for c in al.columns[c0:c1] if c[side] is not None]
    lo = before[-1] + 1 if before else (inside[0] if inside else 0)  # type: ignore[operator]
    hi = inside[-1] + 1 if inside else lo  # type: ignore[operator]
    return any(lo <= k <= hi for k in unit.gaps)


def _diff_words(al: _Aligned, side: int) -> set[int]:
    """Word indices of one side in (or, for a missing word, next to) the blocks."""
    out: set[int] = set()
    for c0, c1 in al.blocks:
        for c in range(max(0, c0 - 1), min(len(al.columns), c1 + 1)):
            k = al.columns[c][side]
            if k is not None and (
                c0 <= c < c1
                or not any(al.columns[j][side] is not None for j in range(c0, c1))
            ):
                out.add(k)
    return out


def _agrees_at(al: _Aligned, words: set[int]) -> bool:
    """Whether the alignment covers ``words`` of its first side with the
    same wording on the other side (no differing block touches them)."""
    return bool(words) and _covers(al, words, 0) and not (words & _diff_words(al, 0))


def _covers(al: _Aligned, words: set[int], side: int) -> bool:
    """Whether the aligned stretch covers one of ``words`` (of that side)."""
    return any(col[side] in words for col in al.columns)


def _line_col(q: dict[str, Any], offset: int) -> tuple[int, int]:
    line, start = q["lines"][0]
    for n, s in q["lines"]:
        if s <= offset:
            line, start = n, s
    return int(line), offset - int(start) + 1


class AlteredQuote(CorpusRule):
    """A quotation worded differently from the same quotation in other sources.

    A quotation promises the speaker's exact words. When two reports of one
    event quote the same statement in different words ("we highly value" in
    one, "we highly appreciate" in another), at least one is not verbatim:
    usually a second translation, a paraphrase kept inside quotation marks,
    or an editing slip. The rule finds the same quotation in the story's other
    sources (same speaker, enough shared words; a quotation cut shorter is
    compared only where it overlaps) and reports the differing words, naming
    the other wording and which version most sources carry. Punctuation,
    quote marks, contractions, British/American spelling, hyphenation and
    "U.S."/"United States" are not differences; neither is a quotation that is
    an exact part of a longer one, nor are words left out with an ellipsis.
    Short quotes (fewer than four words, such as scare quotes) are never
    compared, nor are quotations by different speakers, nor two statements of
    one speaker built on one frame (subject and rest both differ). The very
    same words given to another named speaker by two or more other sources
    (and to this one by none) are reported as a misattribution.

    Bad:
        (article a.md) "We will rebuild every school before winter," Mayor Lind said.
        (article b.md) "We will rebuild every school before winter," Lind said.
        (article c.md) "We will repair every school before the winter," Lind said.

    Good:
        (article a.md) "We will rebuild every school before winter," Mayor Lind said.
        (article b.md) "We will rebuild every school," Lind said.

    Check the wording against the primary source (transcript, recording,
    statement) and correct it, or take the words out of quotation marks when
    they are a paraphrase or your own translation. Tune the match with
    ``[tool.newslint.rules.NQ101]`` (``min-words``, ``min-similarity``,
    ``same-speaker-similarity``, ``misattributed-words``); silence one line with ``newslint: noqa NQ101``.
    """

    code = "NQ101"
    name = "quotes.altered"
    severity = Severity.WARNING
    version = "3"
    min_articles = 2  # compares sources: idle when an article is linted alone
    Options = QuoteOptions

    def extract(self, doc: Document) -> Any:
        from newslint.text.quotes import quote_facts

        return quote_facts(doc)

    def check_story(self, story: Story) -> Iterator[Finding]:
        if len(story.members) < 2 or not story.targets:
            return
        analysis = _Analysis(story, self.code, self.options)
        for path in analysis.paths:
            if path not in analysis.targets:
                continue
            for index, q in enumerate(analysis.facts[path]):
                if len(q["words"]) < self.options.min_words:
                    continue
                finding = self._check_quote(analysis, path, index)
                if finding is not None:
                    yield finding

    def _check_quote(
        self, analysis: _Analysis, path: str, index: int
    ) -> Finding | None:
        unit = analysis.single(path, index)
        matches: dict[str, _Match] = {}
        for other in analysis.paths:
            if other != path:
                match = analysis.best_match(unit, other)
                if match is not None:
                    matches[other] = match
        if not matches:
            return self._check_speaker(analysis, path, index, unit)
        differing = {p: m for p, m in matches.items() if m.differs}
        if not differing:
            return None
        # The sources carrying each version of a differing stretch: the
        # article itself and every other source whose quotation agrees with
        # it *and* covers that stretch (a fragment quoted by a third source
        # that stops before the difference takes no side).
        mine: dict[str, int] = {}
        support: dict[str, int] = {}
        agree: dict[str, set[str]] = {}
        # Whether this article is reported is decided on whole quotations:
        # a third source takes a side when it agrees with it throughout and
        # covers the differing words. Which words are reported is decided
        # block by block: a block where a third source agrees with this
        # article (and more sources carry this wording than the other) is
        # dropped, so "two … pulled" / "three … carried" reports only
        # "pulled" when a third source writes "two" but "carried".
        fragments: set[str] = set()
        here_votes: dict[str, list[int]] = {}
        there_votes: dict[str, list[int]] = {}
        theirs = {
            other: {
                third: analysis.best_match(match.unit, third)
                for third in analysis.paths
                if third not in (path, other)
            }
            for other, match in differing.items()
        }
        for other, match in list(differing.items()):
            al = match.aligned
            here, there = _diff_words(al, 0), _diff_words(al, 1)
            mine[other] = 1 + sum(
                1
                for third, m in matches.items()
                if third != other and not m.differs and _covers(m.aligned, here, 0)
            )
            agree[other] = {
                third
                for third, m in theirs[other].items()
                if m is not None and not m.differs
            }
            support[other] = 1 + sum(
                1
                for third in agree[other]
                if _covers(theirs[other][third].aligned, there, 0)  # type: ignore[union-attr]
            )
            # Short fragments of third sources vote too, word for word.
            compared = {path, other, *matches, *agree[other]}
            frag_here = analysis.fragment_voters(unit, here, compared)
            frag_there = analysis.fragment_voters(match.unit, there, compared)
            mine[other] += len(frag_here - frag_there)
            support[other] += len(frag_there - frag_here)
            fragments |= frag_here ^ frag_there
            kept = []
            for block in al.blocks:
                one = al._replace(blocks=[block])
                votes_here = 1 + sum(
                    1
                    for third, m in matches.items()
                    if third != other and _agrees_at(m.aligned, _diff_words(one, 0))
                )
                votes_there = 1 + sum(
                    1
                    for m in theirs[other].values()
                    if m is not None and _agrees_at(m.aligned, _diff_words(one, 1))
                )
                if votes_here <= votes_there:
                    kept.append(block)
                    here_votes.setdefault(other, []).append(votes_here)
                    there_votes.setdefault(other, []).append(votes_there)
            if kept and len(kept) < len(al.blocks):
                differing[other] = _Match(match.unit, al._replace(blocks=kept))
        total = len(
            {path, *matches, *(p for o in agree.values() for p in o), *fragments}
        )
        if all(mine[o] > support[o] for o in differing):
            return None  # this article carries the most common wording
        # For the message, the sources behind each wording of the reported
        # words (block by block) when that says more than whole quotations.
        for other in differing:
            if other in here_votes:
                support[other] = max(support[other], max(there_votes[other]))
                mine[other] = min(mine[other], min(here_votes[other]))
        leader = min(differing, key=lambda p: (-support[p], p))
        shown = {
            o: analysis.show(unit, m.unit, m.aligned) for o, m in differing.items()
        }
        # Rivals: sources with another wording of the reported words.
        rivals = [
            o
            for o in differing
            if o != leader
            and o not in agree[leader]
            and leader not in agree[o]
            and shown[o] != shown[leader]
        ]
        leads = support[leader] > mine[leader] and all(
            support[leader] > support[o] for o in rivals
        )
        # One line of message per distinct wording of the other side.
        groups: dict[tuple[str, str], list[str]] = {}
        related: list[Related] = []
        differing_words: set[int] = set()
        for other in sorted(differing, key=lambda p: (-support[p], p)):
            match = differing[other]
            al = match.aligned
            here, there = shown[other]
            b_words = sorted(_diff_words(al, 1)) or [0]
            _qi, line, column = analysis.position(match.unit, b_words[0])
            groups.setdefault((here, there), []).append(
                f"{analysis.short[other]}:{line}"
            )
            related.append(Related(other, line, column, there))
            differing_words |= _diff_words(al, 0)
        parts = [
            f"'{here}' vs '{there}' ({', '.join(cites)})"
            for (here, there), cites in groups.items()
        ]
        n_diff = len(differing)
        message = (
            f"quote differs from {n_diff} other source{'s' if n_diff > 1 else ''}: "
            + "; ".join(parts)
        )
        if leads:
            lead_there = next(
                there
                for (_h, there), cites in groups.items()
                if any(c.startswith(analysis.short[leader] + ":") for c in cites)
            )
            message += (
                f"; most sources ({support[leader]} of {total}) write '{lead_there}'"
            )
        else:
            message += f"; no majority among the {total} sources"
        # The finding spans this article's differing words.
        q = analysis.facts[path][index]
        words = sorted(differing_words) or [0]
        start = unit.where[words[0]][1]
        end = unit.where[words[-1]][2]
        return self._quote_finding(path, q, start, end, message, related)

    def _quote_finding(
        self,
        path: str,
        q: dict[str, Any],
        start: int,
        end: int,
        message: str,
        related: list[Related],
    ) -> Finding:
        """A finding over ``start``-``end`` of quotation ``q`` in ``path``."""
        line, column = _line_col(q, start)
        end_line, end_column = _line_col(q, end)
        return self.story_finding(
            path,
            (line, column, end_line, end_column),
            message,
            related=related,
            span=(start, end),
        )

    def _check_speaker(
        self, analysis: _Analysis, path: str, index: int, unit: _Unit
    ) -> Finding | None:
        """The same words given to another speaker by most other sources."""
        if not unit.who or len(unit.words) < self.options.misattributed_words:
            return None
        elsewhere: list[tuple[str, _Unit]] = []
        for other in analysis.paths:
            if other != path:
                found = analysis.other_speakers(unit, other)
                if found:
                    elsewhere.append((other, found[0]))
        if len(elsewhere) < 2:
            return None  # one source against one: nothing says who is right
        first = elsewhere[0][1].who
        if any(same_speaker(first, u.who) is False for _p, u in elsewhere):
            return None  # the others disagree among themselves
        q = analysis.facts[path][index]
        others = [analysis.facts[o][u.quotes[0]] for o, u in elsewhere]
        name = max((o["speaker"] for o in others), key=len)
        cites = ", ".join(
            f"{analysis.short[o]}:{_line_col(f, f['words'][0][1])[0]}"
            for (o, _u), f in zip(elsewhere, others, strict=True)
        )
        message = (
            f"quote attributed to '{q['speaker']}' here; {len(elsewhere)} other"
            f" sources give the same words to '{name}' ({cites})"
        )
        related = [
            Related(o, *_line_col(f, f["words"][0][1]), f["text"][:80])
            for (o, _u), f in zip(elsewhere, others, strict=True)
        ]
        start, end = int(q["span"][0]), int(q["span"][1])
        return self._quote_finding(path, q, start, end, message, related)


@hookimpl
def register_rules(config: Any) -> list[type]:
    return [AlteredQuote]
