"""Proper-name mentions: capitalised word sequences with surface form and position.

A *mention* is a maximal run of capitalised words separated only by blanks
(one line break allowed, for hard-wrapped copy), with lowercase particles
("bin", "al", "de", "van", "von" …) allowed between capitalised words, glued
particles ("al-Assad"), hyphenated and apostrophe names ("Jean-Pierre",
"O'Brien") and initials ("John F. Kennedy"). A possessive is dropped
("Erdogan’s" -> "Erdogan"); a leading role ("Turkish President", "Mr",
"White House Press Secretary") is split off into ``role``; a sentence-initial
word that is an ordinary word ("The", "But", "Despite") is not part of a name.

Used by the NN rules and available to any rule that needs names; everything
here works on ``Document.prose`` so offsets are file offsets.
"""

from __future__ import annotations

import functools
import re
from types import SimpleNamespace
from typing import Any, NamedTuple

from newslint.document import Document
from newslint.patterns import lazy, lazy_regex
from newslint.text.function_words import FUNCTION_WORDS as _SHARED
from newslint.text.plain import PLAIN_RANGES, SPACES, is_plain

#: Lowercase particles that may stand between the capitalised parts of a name.
PARTICLES = frozenset(
    [
        "bin",
        "bint",
        "binti",
        "ibn",
        "bte",
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "ud",
        "ul",
        "abu",
        "abd",
        "de",
        "da",
        "di",
        "do",
        "dos",
        "das",
        "du",
        "del",
        "della",
        "dello",
        "dei",
        "der",
        "den",
        "des",
        "van",
        "von",
        "vom",
        "zu",
        "la",
        "le",
        "ter",
        "ten",
        "af",
        "av",
        "y",
    ]
)

#: Words that make a role, not a name ("President", "Mr", "Prime Minister").
TITLES = frozenset(
    [
        "president",
        "presidents",
        "vice",
        "prime",
        "minister",
        "ministers",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "crown",
        "emperor",
        "empress",
        "pope",
        "sheikh",
        "sheik",
        "emir",
        "sultan",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "gen",
        "general",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "chairman",
        "chairwoman",
        "chair",
        "chief",
        "commander",
        "leader",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "press",
        "judge",
        "justice",
        "prof",
        "professor",
        "rev",
        "reverend",
        "father",
        "cardinal",
        "archbishop",
        "bishop",
        "lt",
        "col",
        "capt",
        "captain",
        "colonel",
        "lieutenant",
        "sgt",
        "sergeant",
        "adm",
        "admiral",
        "marshal",
        "director",
        "officer",
        "superintendent",
        "inspector",
        "brigadier",
        "ceo",
        "coach",
        "supreme",
        "first",
        "councillor",
        "councilman",
        "councilwoman",
        "assemblyman",
        "assemblywoman",
        "congressman",
        "congresswoman",
    ]
)

#: Title abbreviations that may be followed by a period inside a name run.
_ABBREVIATED_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "prof",
        "rev",
        "sgt",
        "adm",
        "st",
        "jr",
        "sr",
    ]
)

#: Capitalised function words that are never part of a name at any position.
FUNCTION_WORDS = _SHARED | frozenset(
    """
    asked despite earlier further however instead later meanwhile moreover once
    several upon
    """.split()
)

_WORD = lazy_regex(
    r"""
    (?:(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|abu|d|l)[-'’](?=\p{Lu}))?
    [\p{L}\p{M}]+
    (?:[-'’][\p{L}\p{M}]+)*
    """,
    re.X,
)
_CAPITALISED = lazy_regex(
    r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|abu|d|l)[-'’])?\p{Lu}"
)
# No Unicode property or class escape in these three: ``re`` reads them as
# ``regex`` does, on any text.
_POSSESSIVE = lazy(r"[’']s$|(?<=s)[’']$")
#: What may stand between two words of one name: blanks with at most one line
#: break, or a period after an initial or a title abbreviation.
_GAP = lazy(r"[ \t\u00a0]*(?:\r?\n[ \t]*)?")
#: Dotted abbreviations (U.S., U.N.) and contractions (We've, Don't).
_DOTTED = lazy_regex(r"(?<![\p{L}.])(?:\p{L}\.){2,}")
_CONTRACTION = lazy(r"[’'](?:ve|ll|re|d|m|t)$|n[’']t$", re.I)
#: Calendar words: capitalised but never part of a person's or place's name.
CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
#: Leading decoration at a sentence start: quotes, brackets, Markdown markers.
_LEAD = lazy_regex(r"[\s\"'“‘«(\[*_#>\-–—•]*")
_COLON_CAPITAL = lazy_regex(r"(?:[:;]\s+|[“\"]\s*)(?=\p{Lu})")

#: The patterns that need Unicode properties, and their exact equivalents in
#: ``re`` for text whose only non-ASCII characters are in ``_PLAIN_RANGES``
#: (there \p{L} is [A-Za-z], \p{Lu} [A-Z] and \p{M} nothing; ``_SPACES`` is
#: ``regex``'s \s, which is not ``re``'s: that one adds \x1c-\x1f). Such an
#: article, curly quotes and dashes included, never imports ``regex``.
_UNICODE = SimpleNamespace(
    word=_WORD,
    capitalised=_CAPITALISED,
    dotted=_DOTTED,
    lead=_LEAD,
    colon_capital=_COLON_CAPITAL,
)
_PARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|abu|d|l)"
_SPACES = SPACES
_PLAIN = SimpleNamespace(
    word=lazy(rf"(?:{_PARTICLE}[-'’](?=[A-Z]))?[A-Za-z]+(?:[-'’][A-Za-z]+)*"),
    capitalised=lazy(rf"(?:{_PARTICLE}[-'’])?[A-Z]"),
    dotted=lazy(r"(?<![A-Za-z.])(?:[A-Za-z]\.){2,}"),
    lead=lazy(rf"[{_SPACES}\"'“‘«(\[*_#>\-–—•]*"),
    colon_capital=lazy(rf"(?:[:;][{_SPACES}]+|[“\"][{_SPACES}]*)(?=[A-Z])"),
)
#: Non-ASCII characters under which ``_PLAIN`` stays exact: punctuation, spaces
#: and symbols of news copy, none a letter, mark or number for ``regex``
#: (shared with the rules' plain patterns: newslint.text.plain).
_PLAIN_RANGES = PLAIN_RANGES


def _patterns(prose: str) -> SimpleNamespace:
    return _PLAIN if is_plain(prose) else _UNICODE


class Mention(NamedTuple):
    """One name as written: offsets into Document.text (name part only)."""

    text: str
    #: The name's words used for comparison: particles and initials left out.
    tokens: tuple[str, ...]
    #: Role words split off the front ("Turkish President"), or "".
    role: str
    start: int
    end: int
    #: True when the name starts the sentence (its first word could be an
    #: ordinary word capitalised only for that reason).
    initial: bool

    def facts(self, doc: Document) -> dict[str, Any]:
        """JSON-able form with line/column positions (1-based)."""
        line, column = doc.position(self.start)
        end_line, end_column = doc.position(self.end)
        return {
            "text": self.text,
            "tokens": list(self.tokens),
            "role": self.role,
            "start": self.start,
            "end": self.end,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "initial": self.initial,
        }


class _Tok(NamedTuple):
    text: str  # possessive stripped
    start: int
    end: int  # end of the stripped form
    raw_end: int
    capital: bool
    possessive: bool


@functools.cache
def common_words() -> frozenset[str]:
    """Frequent English words (wordfreq Zipf >= 4), from the file beside this module."""
    import os  # (not pathlib: ~4 ms of a one-article run)

    here = os.path.dirname(os.path.realpath(__file__))
    with open(os.path.join(here, "common_words.txt"), encoding="utf-8") as handle:
        text = handle.read()
    # One word a line after "#" comment lines: drop the comments, split once.
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    return frozenset(body.split())


def is_title(word: str) -> bool:
    """A role word: "President", "Mr.", "Director-General"."""
    low = word.lower().rstrip(".")
    return low in TITLES or ("-" in low and all(p in TITLES for p in low.split("-")))


def extract_mentions(doc: Document) -> list[Mention]:
    """Every proper-name mention of the document, in text order."""
    prose = doc.prose
    pat = _patterns(prose)
    # One regex pass. Only capitalised words, glued words ("al-Assad") and
    # particles can be part of a name: they are the candidates the run
    # below visits, as (text, start, end). Any other word between two
    # candidates breaks their run anyway (``_joined`` sees it in the gap).
    lower_words = set()
    capitals = []
    candidates = []
    for m in pat.word.finditer(prose):
        word = m.group()
        first = word[0]
        if first.isupper():
            item = (word, m.start(), m.end())
            capitals.append(item)
            candidates.append(item)
            continue
        if first.islower():
            low = word.lower()
            lower_words.add(low)
        else:
            low = None
        if "-" in word or "'" in word or "’" in word:  # _glued
            item = (word, m.start(), m.end())
            candidates.append(item)
            if pat.capitalised.match(word):
                capitals.append(item)
        elif (low if low is not None else word.lower()) in PARTICLES:
            candidates.append((word, m.start(), m.end()))
    # Words written capitalised somewhere other than at a sentence start.
    sentence_starts = _sentence_starts(doc, pat)
    headline = _headline_spans(doc, pat)
    capital_inside = {
        word
        for word, start, _ in capitals
        if start not in sentence_starts
        and pat.capitalised.match(word)
        and not _in_spans(start, headline)
    }
    dotted_chars = {
        i for m in pat.dotted.finditer(prose) for i in range(m.start(), m.end())
    }
    out: list[Mention] = []
    run: list[_Tok] = []

    def flush() -> None:
        if run:
            mention = _finish(prose, run, sentence_starts, lower_words, capital_inside)
            if mention is not None:
                out.append(mention)
            run.clear()

    for word, start, end in candidates:
        if not word[0].isupper() and not _glued(word):
            # A lowercase word: a particle inside a name, or the end of one.
            if run and word.lower() in PARTICLES:
                tok = _Tok(word, start, end, end, False, False)
                if _joined(prose, run[-1], tok):
                    run.append(tok)
                    continue
            flush()
            continue
        capital = bool(pat.capitalised.match(word))
        if capital and word.isupper() and len(word) > 1:
            flush()  # acronyms (NATO, SCO) are not name parts
            continue
        if (
            (not word.isalpha() and any(ch.isdigit() for ch in word))
            or start in dotted_chars
            or _CONTRACTION.search(word)
            or word.lower() in CALENDAR
        ):
            flush()
            continue
        if capital and _in_spans(start, headline) and word not in capital_inside:
            flush()  # a Title Case headline: only words capitalised elsewhere count
            continue
        possessive = bool(_POSSESSIVE.search(word)) and capital
        text = _POSSESSIVE.sub("", word) if possessive else word
        tok = _Tok(text, start, start + len(text), end, capital, possessive)
        if run and not _joined(prose, run[-1], tok):
            flush()
        if (
            capital
            and text.lower() in FUNCTION_WORDS
            and tok.start not in sentence_starts
        ):
            flush()
            continue
        if capital or (run and text.lower() in PARTICLES):
            run.append(tok)
            if possessive:
                flush()
        else:
            flush()
    flush()
    return out


def _glued(word: str) -> bool:
    """A lowercase word that may hide a capital after a glued particle
    ("al-Assad", "d'Estaing")."""
    return "-" in word or "'" in word or "’" in word


def mentions(doc: Document) -> list[Mention]:
    """``extract_mentions`` computed once per document, shared by every rule."""
    return doc.analysis("newslint.text.names", extract_mentions)


def mention_facts(doc: Document) -> list[dict[str, Any]]:
    """JSON-able facts of every mention (for corpus rules)."""
    return [m.facts(doc) for m in extract_mentions(doc)]


def _sentence_starts(doc: Document, pat: SimpleNamespace) -> set[int]:
    """Offsets of the first word of each sentence and of each line."""
    prose = doc.prose
    starts: set[int] = set()
    for sentence in doc.sentences:
        lead = pat.lead.match(prose, sentence.start)
        starts.add(lead.end() if lead else sentence.start)
    for line_start in doc.line_starts:
        lead = pat.lead.match(prose, line_start)
        if lead:
            starts.add(lead.end())
    # After a colon or an opening quote mid-sentence, a capital is expected too.
    for match in pat.colon_capital.finditer(prose):
        starts.add(match.end())
    return starts


def _headline_spans(doc: Document, pat: SimpleNamespace) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines), where capitals say little."""
    out = []
    for line_no in range(1, len(doc.line_starts) + 1):
        start = doc.line_starts[line_no - 1]
        text = doc.prose[start : start + len(doc.line_text(line_no))]
        if text.rstrip().endswith((".", "?", "!", ":", "”", '"')):
            continue
        long_words = [w for w in pat.word.findall(text) if len(w) >= 4]
        if len(long_words) < 3:
            continue
        caps = sum(1 for w in long_words if w[:1].isupper())
        if caps >= 0.8 * len(long_words):
            out.append((start, start + len(text)))
    return out


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _joined(prose: str, prev: _Tok, tok: _Tok) -> bool:
    if prev.possessive:
        return False
    gap = prose[prev.raw_end : tok.start]
    if _GAP.fullmatch(gap):
        return True
    # "John F. Kennedy", "Mr. Smith": a period after an initial or abbreviation.
    if gap.startswith(".") and _GAP.fullmatch(gap[1:]) and gap[1:]:
        return len(prev.text) == 1 or prev.text.lower() in _ABBREVIATED_TITLES
    return False


def _finish(
    prose: str,
    run: list[_Tok],
    sentence_starts: set[int],
    lower_words: set[str],
    capital_inside: set[str],
) -> Mention | None:
    toks = list(run)
    # Particles only inside a name: drop leading and trailing ones.
    while toks and not toks[0].capital:
        toks.pop(0)
    while toks and not toks[-1].capital:
        toks.pop()
    if not toks:
        return None
    initial = toks[0].start in sentence_starts
    if initial and _ordinary_word(toks[0].text, lower_words, capital_inside):
        toks.pop(0)
        initial = False
        while toks and not toks[0].capital:
            toks.pop(0)
        if not toks:
            return None
    # Split off a leading role: everything up to the last title word.
    role_end = 0
    for index, tok in enumerate(toks[:-1]):
        if is_title(tok.text):
            role_end = index + 1
    role = toks[:role_end]
    name = toks[role_end:]
    while name and is_title(name[-1].text):
        name.pop()
    while name and not name[0].capital:
        name.pop(0)
    if not name:
        return None
    if role:
        initial = False
    tokens = tuple(
        t.text
        for t in name
        if t.capital and len(t.text) > 1 and t.text.lower() not in PARTICLES
    )
    if not tokens:
        return None
    start, end = name[0].start, name[-1].end
    role_text = prose[role[0].start : role[-1].end] if role else ""
    return Mention(prose[start:end], tokens, role_text, start, end, initial)


def _ordinary_word(word: str, lower_words: set[str], capital_inside: set[str]) -> bool:
    """A sentence-initial capitalised word that is just an ordinary word."""
    low = word.lower()
    if low in FUNCTION_WORDS or low in lower_words:
        return True
    if word in capital_inside:
        return False
    return low.replace("’", "'") in common_words()


def one_slip(a: str, b: str, *, swap_gap: int = 1, replaced: bool = True) -> bool:
    """Whether two words of one length differ by one slip of the hand: one
    letter replaced (when ``replaced``), or two letters ``swap_gap`` apart
    swapped (1: neighbours, Rono/Rnoo; 2: across one, Siregar/Sirager).
    Shared by the name rules and the speaker matching of quotations."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) == 1:
        return replaced
    return (
        len(diff) == 2
        and diff[1] - diff[0] == swap_gap
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )
