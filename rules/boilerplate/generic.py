"""Generic detection of page leftovers that no catalogue entry names.

The catalogue (``boilerplate_phrases.txt``) knows wordings; this module knows
*shapes*, so that a leftover worded in a way nobody listed is still found:

- **UI lines**: a short line made only of interface words ("Copy link
  copied", "Save · Gift article", "View this post on Instagram", "Sign me
  up"), with at least one action or widget word; form fields ("Email *");
- **bars and breadcrumbs**: a row of three or more short items between
  ``|``, ``•`` or ``·`` ("Live scores | Fixtures | Results"), or a path
  between ``›``, ``»``, ``>`` or `` / `` ("Science » Biology");
- **timestamp lines**: a line made only of dates, times, time zones and
  status words ("6h ago · 2 min read", "Updated at 11.44 BST");
- **calls to action**: a line addressed to the reader (an imperative, "you"
  or a question) that names the publisher's channels (newsletter, inbox,
  news app, unlimited access, free articles, "click here" ...), with no
  quotation or attribution ("Get the biggest stories straight to your
  inbox");
- **social embeds**: the signature of an embedded post ("— Name (@handle)
  May 2, 2025"), the post's text right above it, "pic.twitter.com/…";
- **skip blocks**: everything between "Skip past X" / "Skip X" and "after
  X" / "End of X";
- **link lists** under a navigation label ("Read more:" then links only);
- **author-bio boxes** after the end of the article ("Name is a reporter
  ... Reach her at ...").

The result is one hit per line, with the code of the rule that reports it
(NB101 navigation, NB103 promo, NB104 embedded media, NB105 metadata, NB111
page widget); lines the catalogue already knows are left to it. Every
pattern is compiled on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any, NamedTuple

from newslint.rules.boilerplate.catalogue import (
    _MAX_LEFTOVER_CHARS,
    ALL,
    Line,
    _known_pattern,
    catalogue_hits,
    doc_lines,
    key_at,
)

from newslint import Document
from newslint.text.plain import PlainOr, translatable, translate


class Hit(NamedTuple):
    code: str  # the rule that reports the line
    why: str  # a few words for the message


class Analysis(NamedTuple):
    #: Line number -> generic hit (lines the catalogue knows are not here).
    hits: dict[int, Hit]
    #: Line numbers the built-in catalogue matches (whole line).
    known: frozenset[int]
    #: Markdown headings that open a section of the article on their topic
    #: ("## Sign up for alerts" over "Residents can sign up for alerts by ...");
    #: never leftovers, whatever the catalogue or the shapes say.
    sections: frozenset[int] = frozenset()

    def leftover(self, number: int) -> bool:
        return number in self.hits or number in self.known


# -- vocabularies ---------------------------------------------------------------------
_FUNCTION = frozenset(
    "a an the this that these to of on in for with by and or us our your you me my "
    "it its all now here via from at as be is are more our".split()
)
#: Words of buttons, labels and widgets.
_UI = frozenset(
    """
    share shares shared sharing comment comments commenting reply replies cancel
    post posts save saved print email e-mail mail mailto copy copied link links
    like likes loading load show hide view read reading min mins listen watch play
    gift article articles story stories subscribe subscribed subscriber
    subscribers subscription sign signed up out log login logout register account
    menu search skip jump back next previous prev older newer page close open
    expand collapse toggle accept reject allow manage preferences settings cookie
    cookies consent privacy policy terms continue submit send enter follow
    following followers bookmark bookmarks notifications alerts newsletter
    newsletters app download feedback report embed external content permission
    javascript enable browser refresh retry image images photo photos gallery
    slideshow caption fullscreen full mute unmute pause subtitles transcript text
    size font mode dark tap click button window tab opens discussion conversation
    join topics tags related recommended popular trending coverage typo error end
    post-comment options edition audio video
    """.split()
)
#: Words that make a line of interface words an action or a widget label.
_UI_STRONG = frozenset(
    """
    share shares shared comment comments reply cancel save saved print copy
    copied loading subscribe log login logout register skip jump accept reject
    allow manage consent follow bookmark embed gift listen tap click download
    mailto typo fullscreen mute unmute sign submit enter view show hide
    """.split()
)
_PLATFORMS = frozenset(
    """
    facebook twitter x whatsapp linkedin reddit pinterest telegram messenger
    instagram youtube tiktok threads bluesky mastodon snapchat flipboard google
    apple spotify sms rss podcasts getty
    """.split()
)
_FORM_FIELDS = frozenset(
    """
    name email e-mail comment website message password username phone required
    first last full surname postcode subject
    """.split()
)

_MONTHS = (
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_DAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
_ZONES = (
    "gmt bst utc est edt cst cdt mst mdt pst pdt akst hst ist cet cest eet eest wet "
    "aest aedt acst awst nzst nzdt jst kst hkt sgt msk et pt ct mt z"
)
_TIME_WORDS = frozenset(
    (
        _MONTHS
        + " "
        + _DAYS
        + " "
        + _ZONES
        + " am pm a m p at on and today yesterday just now last first min mins minute"
        " minutes hour hours hr hrs h day days d week weeks w month months year years"
        " y sec secs second seconds s read reading time listen published updated"
        " posted modified edited created ago to uk"
    ).split()
)
_TIME_STATUS = frozenset(
    "published updated posted modified edited created ago read listen".split()
)

_IMPERATIVES = frozenset(
    """
    get sign subscribe download click tap follow join try create register enter
    catch head visit read watch listen share like support become unlock start
    check stay find discover explore see want love enjoy receive install turn
    enable continue grab claim upgrade add allow manage save never don't dont
    keep bookmark signup
    """.split()
)
_STRONG_CHANNEL = (
    r"\b(?:inbox|unlimited\s+(?:digital\s+)?access|free\s+articles?|article\s+limit"
    r"|limit\s+of\s+free|preferred\s+source|google\s+news|whatsapp\s+channel"
    r"|telegram\s+channel|click\s+here|tap\s+here|keep\s+reading|continue\s+reading"
    r"|cancel\s+any\s?time|subscribers?\s+only|create\s+a\s+(?:free\s+)?account"
    r"|delivered\s+(?:straight\s+|direct(?:ly)?\s+)?to\s+your|straight\s+to\s+your)\b"
)
_ATTRIBUTION = (
    r"\b(?:said|says|say|saying|told|tells|added|according|urged|asked|warned|explained"
    r"|wrote|writes|tweeted|posted|announced|insisted|argued|claimed|recalled|joked)\b"
)


#: Name is a / the ... reporter; Name covers ... ({surname}: after the name).
_BIO = (
    r"^(?-i:\p{{Lu}}[\p{{L}}'’-]+)(?:\s+(?-i:\p{{Lu}}[\p{{L}}'’.-]+)){{0,3}}{surname}\s+"
    r"(?:is\s+(?:a|an|the|our)\s+[^\n.]{{0,80}}?\b(?:reporter|correspondent|writer|editor|journalist"
    r"|columnist|producer|critic|contributor|photographer|intern|fellow|analyst|freelancer|author)s?\b"
    r"|(?:covers|reports\s+on|writes\s+(?:about|on))\b)"
)
#: The surname: the letters, apostrophes and hyphens before the name's end,
#: captured in a lookbehind (of varying width: ``regex`` only) ...
_SURNAME = r"(?<=(?P<surname>[\p{L}'’-]+))"
#: ... or, for ``re``, one of them there and the end marked (``_surname``).
_SURNAME_END = r"(?<=[\p{L}'’-])(?P<surname_end>)"


@functools.cache
def _re() -> SimpleNamespace:
    """Every pattern of the module; each compiles on its first use. Each is
    a PlainOr: ``regex``, or its exact ``re`` translation on a plain string
    (newslint.text.plain), so that a plain article never imports ``regex``
    here (tests/unit/test_plain_rules.py checks them)."""
    i = re.IGNORECASE
    months = "|".join(_MONTHS.split())
    date = rf"(?:(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{months})\.?,?\s+\d{{4}})"
    return SimpleNamespace(
        word=PlainOr(r"[\p{L}][\p{L}'’-]*|\d+(?:[:.,/]\d+)*[\p{L}]{0,4}|[*+]"),
        bar=PlainOr(r"\s+[|•·]\s+|\s*[|•·]\s*(?=[\p{Lu}\p{N}])"),
        crumb=PlainOr(r"\s*[›»>]\s*|\s+/\s+"),
        quote=PlainOr(r"[“”\"]|(?:^|\s)‘"),
        attribution=PlainOr(_ATTRIBUTION, i),
        # — Name (@handle) May 2, 2025 / 2 May 2025
        signature=PlainOr(
            rf"^[—–-]{{1,2}}\s*[^\n()]{{1,80}}\(@[\w.]{{1,30}}\)\s*(?:on\s+)?{date}"
            r"(?:\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?$",
            i,
        ),
        pic=PlainOr(r"\bpic\.twitter\.com/\w+\s*$|https?://t\.co/\w+\s*$", i),
        skip=PlainOr(r"^skip\s+(?:past\s+)?(?P<what>[^\n,]{2,60}?)(?:,?\s*\d+)?$", i),
        end_skip=PlainOr(
            r"^(?:end\s+of|after)\s+(?P<what>[^\n,]{2,60}?)(?:,?\s*\d+)?$", i
        ),
        link_only=PlainOr(
            r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])?[ \t]*[*_]{0,2}\[[^\]\n]+\]\([^)\n]*\)[*_]{0,2}[ \t]*$"
        ),
        # "By Jane Doe", "Posted by Ana Ruiz", "Written by the Safe Roads team"
        byline=PlainOr(
            r"^(?:(?:posted|written|filed)\s+)?by\s+"
            r"(?:(?-i:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:and\s+)?(?-i:\p{Lu}[\p{L}'’.-]*)){0,5}"
            r"|the\s+(?:[\p{L}'’&.-]+\s+){0,5}"
            r"(?:team|staff|desk|editors|editorial\s+board|newsroom|reporters|correspondents))$",
            i,
        ),
        # the publisher's channels: a line addressed to the reader that names one is a promo
        # The publisher's channels. A line that names one and is an order
        # ("Get ...", "Sign up ...") or the publisher speaking ("our", "us")
        # is a promo ...
        channel=PlainOr(
            r"\b(?:newsletters?|inbox|news\s+app|(?:the|our)\s+[\p{L}\p{N}&' ]{1,30}\s+app\b"
            r"(?=[^\n]{0,80}\b(?:news|alerts|updates|stories|headlines|journalism))"
            r"|app\s+store|google\s+play|play\s+store|push\s+notifications|news\s+alerts"
            r"|breaking\s+news|follow\s+us\s+(?:on|at|for)|like\s+us\s+on|join\s+us\s+on"
            r"|daily\s+briefing|morning\s+briefing|(?:our|independent)\s+journalism|support\s+us"
            r"|latest\s+(?:news|headlines)|on\s+(?:ios|android|whatsapp|telegram|google\s+news)"
            r"|by\s+following)\b"
            r"|(?P<strong>" + _STRONG_CHANNEL + ")",
            i,
        ),
        # Verbs of the sign-up box count only with the publisher speaking
        # ("Subscribe to our ...", "Sign up to get our ...").
        account=PlainOr(
            r"\b(?:subscribe|subscription|sign\s+up|donate|(?:log|sign)\s+in\s+to|register)\b",
            i,
        ),
        # ... and so is a line speaking to the reader ("you", a question) that
        # names a channel only a publisher has.
        strong_channel=PlainOr(_STRONG_CHANNEL, i),
        imperative=PlainOr(
            r"^(?:\W*)(?:"
            + "|".join(sorted(_IMPERATIVES, key=len, reverse=True))
            + r")\b(?![-‐])",
            i,
        ),
        reader=PlainOr(r"\b(?:you|your|you['’](?:re|ve|ll))\b|\?", i),
        publisher=PlainOr(r"\b(?:our|us|we)\b", i),
        # Name is a / the ... reporter; Name covers ...
        bio=PlainOr(
            _BIO.format(surname=_SURNAME), plain=_BIO.format(surname=_SURNAME_END)
        ),
        contact=PlainOr(
            r"\b(?:reach|contact|e-?mail|follow|message|write\s+to)\s+(?:her|him|them|me)\b"
            r"|(?<![\w.])@[\w.]{2,}|\bmailto\b",
            re.IGNORECASE,
        ),
        data=PlainOr(r"^[\p{Lu}][\p{L}'’ ]{0,25}:\s+[\p{Lu}\p{N}£$€]"),
        new_tab=PlainOr(
            r"(?:,\s*|\()opens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)\)?\s*$", i
        ),
    )


#: What may close a sentence at the end of a line.
_SENTENCE_END_CHARS = frozenset('.!?…;”"’)')


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (regex ``[.!?…;”"’)]$``: the last
    character, before one final newline if any)."""
    if text.endswith("\n"):
        text = text[:-1]
    return text[-1:] in _SENTENCE_END_CHARS and text != ""


def _more_words(text: str, limit: int) -> bool:
    """``len(text.split()) > limit``, splitting no further than needed."""
    return len(text.split(None, limit)) > limit


# -- per-line shapes ----------------------------------------------------------------
def _words(text: str) -> list[str]:
    return [w.casefold() for w in _re().word.findall(text)]


#: Every word of a UI line or a timestamp line is in one of these.
_LINE_VOCABULARY = _FUNCTION | _UI | _PLATFORMS | _TIME_WORDS
#: Characters that end a word of ``_re().word`` (not letters, ' ’ or -).
_WORD_TAIL = ',.;:!?"”)]'


def vocabulary_line(text: str) -> bool:
    """False when a plain word of ``text`` is in no vocabulary of the UI and
    timestamp shapes, so neither ``ui_line`` nor ``timestamp_line`` can hold
    (a cheap test on the whitespace tokens before the word pattern runs)."""
    for token in text.split():
        word = token.rstrip(_WORD_TAIL)
        # An all-letter token is exactly one word of the pattern; others
        # (figures, "(Updated", "don’t") are left to it.
        if word.isalpha() and word.casefold() not in _LINE_VOCABULARY:
            return False
    return True


def ui_line(text: str, words: list[str] | None = None) -> bool:
    """A short line of interface words only, with an action among them."""
    words = _words(text) if words is None else words
    if not 2 <= len(words) <= 9:
        return False
    content = 0
    strong = False
    for w in words:
        w = w.strip("'’")
        if w[:1].isdigit() or w in ("*", "+"):
            continue
        if w in _FUNCTION:
            continue
        if w in _UI or w in _PLATFORMS:
            content += 1
            strong = strong or w in _UI_STRONG
            continue
        return False
    return strong and (content >= 2 or len(words) >= 3)


def form_field(raw: str) -> bool:
    """ "Email *", "Name (required)": a label of a comment form."""
    star = raw.rstrip().endswith("*") or (
        "(" in raw and "(required)" in raw.casefold()  # only "(" folds to "("
    )
    if not star:
        return False
    text = raw.strip().strip("*_ \t").strip()
    words = [w for w in _words(text.replace("(required)", "")) if w not in ("*",)]
    return 1 <= len(words) <= 3 and all(w in _FORM_FIELDS for w in words)


def timestamp_line(text: str, words: list[str] | None = None) -> bool:
    """Dates, times, zones and status words only ("6h ago · 2 min read")."""
    words = _words(text) if words is None else words
    if not words or len(words) > 25:
        return False
    status = number = False
    for w in words:
        if w[:1].isdigit():
            unit = w.lstrip("0123456789:.,/")
            if (
                unit
                and unit not in _TIME_WORDS
                and unit not in ("st", "nd", "rd", "th")
            ):
                return False
            number = True
            continue
        w = w.strip(".")
        if w not in _TIME_WORDS:
            return False
        status = status or w in _TIME_STATUS
        number = number or w in ("today", "yesterday", "now")
    if status and number:
        return True
    # "Monday 13 January 2025 11:32, UK": a date with its year and a time.
    year = any(len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") for w in words)
    return year and any(":" in w for w in words)


def _segments(text: str, splitter: Any) -> list[str]:
    return [p.strip() for p in splitter.split(text) if p.strip()]


def _short_item(part: str, max_words: int = 4) -> bool:
    words = part.split()
    return (
        0 < len(words) <= max_words
        and not _ends_sentence(part)
        and not part.endswith(",")
    )


def bar_row(text: str, at_head: bool) -> str | None:
    """ "Live scores | Fixtures | Results": a menu row. Returns the code."""
    r = _re()
    if "|" in text or "•" in text or "·" in text:
        parts = _segments(text, r.bar)
        if len(parts) >= 2:
            known = _known_pattern()
            kinds = []
            for part in parts:
                if timestamp_line(part) or known.fullmatch(part, key_at(part, 0)):
                    kinds.append("leftover")
                elif r.byline.match(part):
                    kinds.append("byline")
                elif ui_line(part):
                    kinds.append("leftover")
                elif (
                    _short_item(part)
                    and any(c.isalpha() for c in part)
                    and not any(c.isdigit() or c == ":" for c in part)
                ):
                    kinds.append("item")
                elif not any(c.isalpha() for c in part) and len(part) <= 6:
                    kinds.append("item")  # "18+"
                else:
                    return None
            if "leftover" in kinds and all(k in ("leftover", "byline") for k in kinds):
                return (
                    "NB105"
                    if all(timestamp_line(p) or r.byline.match(p) for p in parts)
                    else "NB111"
                )
            if all(k == "item" for k in kinds) and (
                len(parts) >= 3 or (at_head and all(len(p.split()) <= 2 for p in parts))
            ):
                return "NB101"
            if "leftover" in kinds and len(parts) >= 3 and "byline" not in kinds:
                return "NB101"
            return None
    if len(text) > 200 or not (
        "/" in text or "›" in text or "»" in text or ">" in text
    ):
        return None  # no crumb separator: skip the split
    parts = _segments(text, r.crumb)
    if len(parts) < 2:
        return None
    slash_only = "/" in text and not any(c in text for c in "›»>")
    if slash_only and len(parts) < 3:
        return None
    if not all(_short_item(p, 10) for p in parts):
        return None
    # Every item but the last (the page's own title) is a short section name.
    if not all(len(p.split()) <= 3 and p[:1].isupper() for p in parts[:-1]):
        return None
    if len(parts) == 2 and len(parts[1].split()) > 3:
        return None
    return "NB101"


#: A call to action names a channel or a sign-up verb: its line holds one of
#: these (case-folded), a word of every alternative of ``channel`` and ``account``.
_CTA_TRIGGERS = (
    *"news inbox alerts updates stories headlines journalism store google".split(),
    *"notifications follow like join briefing support ios android whatsapp".split(),
    *"telegram access free limit preferred click tap reading cancel subscri".split(),
    *"account delivered straight sign donate log register".split(),
)


def _may_call_to_action(
    text: str, triggers: tuple[str, ...] = _CTA_TRIGGERS, low: str | None = None
) -> bool:
    """False when ``text`` holds none of ``triggers`` (the words a call to
    action needs, or those of them that its article holds at all); ``low``:
    ``text.casefold()`` when the caller has it."""
    if low is None:
        low = text.casefold()
    # "İ" folds to "i̇" and matches "i" under IGNORECASE: such lines go on.
    return "\u0307" in low or any(t in low for t in triggers)


def _present_triggers(texts: Iterable[str]) -> tuple[str, ...]:
    """The call-to-action words that occur in any of ``texts`` (one scan of
    the article instead of every word on every line). A text with a double
    quotation mark is never a call to action (the ``quote`` test), so its
    words are not looked for."""
    low = "\n".join(
        t for t in texts if "“" not in t and "”" not in t and '"' not in t
    ).casefold()
    return tuple(t for t in _CTA_TRIGGERS if t in low)


def call_to_action(
    text: str, triggers: tuple[str, ...] = _CTA_TRIGGERS, low: str | None = None
) -> bool:
    """A line addressed to the reader that names the publisher's channels.

    ``triggers``: the call-to-action words to look for before the patterns
    run (default: all; ``_present_triggers`` of the article narrows them)."""
    if not _may_call_to_action(text, triggers, low):
        return False
    r = _re()
    if _more_words(text, 60) or r.quote.search(text) or r.attribution.search(text):
        return False
    publisher = r.publisher.search(text)
    if not r.channel.search(text):
        return bool(publisher and r.account.search(text))
    if r.imperative.match(text) or publisher:
        return True
    # "You have 2 free articles left": a channel only a publisher has.
    return bool(r.reader.search(text) and r.strong_channel.search(text))


# -- the analysis -----------------------------------------------------------------------
def analyse(doc: Document) -> Analysis:
    """Generic hits of ``doc`` (computed once per document: every NB rule asks)."""
    return doc.analysis("newslint.rules.boilerplate.generic", _analyse)


#: Lines that are not leftovers of their own but pass for short ones.
_SHORT_WORDS = 8


def _analyse(doc: Document) -> Analysis:
    text = doc.text
    lines = doc_lines(doc)
    table = catalogue_hits(doc)
    plains = table.plains
    matched = table.core[ALL] | table.plain[ALL]
    known: set[int] = set()
    hits: dict[int, Hit] = {}
    raw_of: dict[int, str] = {}
    for line in lines:
        raw_of[line.number] = text[line.start : line.end]
        if line.number in matched and len(line.core) <= _MAX_LEFTOVER_CHARS:
            known.add(line.number)

    first_body = _first_body(lines, known, plains)
    triggers = _present_triggers(plains.values())
    for index, line in enumerate(lines):
        n = line.number
        if n in known or len(line.core) > _MAX_LEFTOVER_CHARS:
            continue
        hit = _line_hit(line, plains[n], raw_of[n], index < first_body, triggers)
        if hit:
            hits[n] = hit

    _embeds(lines, raw_of, plains, hits, known)
    _skip_blocks(lines, plains, hits, known)
    _link_lists(lines, raw_of, hits, known)

    # A hard-wrapped line continues the sentence above it, unless the line
    # above is itself a leftover (stacked leftover lines are not prose).
    leftover = set(hits) | known
    previous: Line | None = None
    for line in lines:
        if (
            line.wrapped
            and line.number in leftover
            and not (
                previous is not None
                and previous.number == line.number - 1
                and previous.number in leftover
            )
        ):
            hits.pop(line.number, None)
            known.discard(line.number)
            leftover.discard(line.number)
        previous = line

    sections = _section_headings(lines, plains, hits, known, first_body, triggers)
    for number in sections:
        hits.pop(number, None)
        known.discard(number)
    _labels(lines, plains, hits, known, first_body, table.core["navigation"])
    _author_bio(lines, plains, hits, known)
    return Analysis(hits, frozenset(known), frozenset(sections))


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _words(text) if len(w) >= 3 and w not in _FUNCTION}


def _section_headings(
    lines: list[Line],
    plains: dict[int, str],
    hits: dict[int, Hit],
    known: set[int],
    first_body: int,
    triggers: tuple[str, ...],
) -> set[int]:
    """Leftover-looking Markdown headings, after the article has begun, over a
    paragraph that takes up the heading's own words: service sections ("##
    Sign up for alerts", "## Download the app"), not a widget's title, whose
    text below is a leftover too (a link list, a promo line) or another topic.
    At the head, a widget's heading may sit over a lede that shares a word."""
    out: set[int] = set()
    for index, line in enumerate(lines[:-1]):
        n = line.number
        if index <= first_body:
            continue
        if line.markup != "heading" or (n not in hits and n not in known):
            continue
        under = lines[index + 1]
        if under.markup or under.number in hits or under.number in known:
            continue
        p = plains[under.number]
        if not _more_words(p, _SHORT_WORDS) or not _ends_sentence(p):
            continue
        if call_to_action(p, triggers) or not _stems(plains[n]) & _stems(p):
            continue
        out.add(n)
    return out


def _labels(
    lines: list[Line],
    plains: dict[int, str],
    hits: dict[int, Hit],
    known: set[int],
    first_body: int,
    navigation: frozenset[int],
) -> None:
    """A one-word section label stacked on a leftover at the head ("Politics"
    over "Follow"); the title right under a navigation label ("Related
    article" then the title)."""
    leftover = set(hits) | known
    for index, line in enumerate(lines[:first_body]):
        p = plains[line.number]
        if line.number in leftover or not p.isalpha() or not p[:1].isupper():
            continue
        above = index > 0 and lines[index - 1].number == line.number - 1
        below = index + 1 < len(lines) and lines[index + 1].number == line.number + 1
        if (above and line.number - 1 in leftover) or (
            below and line.number + 1 in leftover
        ):
            hits[line.number] = Hit("NB101", "section label at the head")
    for index, line in enumerate(lines[:-1]):
        under = lines[index + 1]
        if (
            index < first_body  # the headline sits under the head's widgets
            or under.number != line.number + 1
            or under.number in hits
            or under.number in known
            or under.markup == "heading"
            or len(line.core.split()) > 3
            or line.number not in navigation
        ):
            continue
        p = plains[under.number]
        if 2 <= len(p.split()) <= 15 and not _ends_sentence(p):
            hits[under.number] = Hit("NB101", "title under a navigation label")


def _first_body(lines: list[Line], known: set[int], plains: dict[int, str]) -> int:
    """Index of the first line that reads like a sentence of the article."""
    for index, line in enumerate(lines):
        if line.number in known:
            continue
        p = plains[line.number]
        if _more_words(p, _SHORT_WORDS) or _ends_sentence(p):
            return index
    return len(lines)


def _line_hit(
    line: Line, p: str, raw: str, at_head: bool, triggers: tuple[str, ...]
) -> Hit | None:
    r = _re()
    if form_field(raw):
        return Hit("NB111", "comment-form field")
    low = p.casefold()
    if "open" in low and "new" in low and r.new_tab.search(p):
        return Hit("NB111", "link label of a page control")
    if line.markup != "table":
        code = bar_row(p, at_head)
        if code:
            return Hit(code, "row of page items")
    # Both shapes are short: one word list serves them (the costly step),
    # made only when every plain word belongs to their vocabularies.
    words = _words(p) if len(p) <= 300 and vocabulary_line(p) else None
    if words is not None and len(words) <= 25:
        if timestamp_line(p, words):
            return Hit("NB105", "timestamp")
        trimmed = p.rstrip("?:")
        if ui_line(trimmed, words if trimmed == p else None):
            return Hit("NB111", "interface words only")
    if call_to_action(p, triggers, low):
        return Hit("NB103", "call to action addressed to the reader")
    return None


def _embeds(
    lines: list[Line],
    raw_of: dict[int, str],
    plains: dict[int, str],
    hits: dict[int, Hit],
    known: set[int],
) -> None:
    """Embedded social posts: signature line, the post's text above it."""
    r = _re()
    for index, line in enumerate(lines):
        p = plains[line.number]
        raw = raw_of[line.number]
        if p.lstrip()[:1] in ("—", "–", "-") and r.signature.match(p.strip()):
            hits[line.number] = Hit("NB104", "signature of an embedded social post")
            if index and lines[index - 1].number == line.number - 1:
                above = lines[index - 1]
                if above.number not in known and above.markup != "heading":
                    hits[above.number] = Hit("NB104", "text of an embedded social post")
        elif (
            ("pic.twitter.com" in (low := raw.lower()) or "t.co/" in low)
            and r.pic.search(raw)
            and line.number not in known
        ):
            hits[line.number] = Hit("NB104", "text of an embedded social post")


def _norm(what: str) -> str:
    return " ".join(what.casefold().replace("-", " ").split())


def _skip_blocks(
    lines: list[Line], plains: dict[int, str], hits: dict[int, Hit], known: set[int]
) -> None:
    """ "Skip past newsletter promotion" ... "after newsletter promotion"."""
    r = _re()
    for index, line in enumerate(lines):
        p = plains[line.number]
        # "İ" folds to two characters: five cover "skip" in any case
        if not p[:5].casefold().replace("\u0307", "").startswith("skip"):
            continue
        start = r.skip.match(p)
        if not start:
            continue
        what = _norm(start.group("what"))
        for end_index in range(index + 1, min(index + 15, len(lines))):
            end = r.end_skip.match(plains[lines[end_index].number])
            if end and _norm(end.group("what")) == what:
                for inner in lines[index : end_index + 1]:
                    if inner.number not in known:
                        hits[inner.number] = Hit(
                            "NB111", f"inside a skippable block ({what})"
                        )
                break


def _link_lists(
    lines: list[Line], raw_of: dict[int, str], hits: dict[int, Hit], known: set[int]
) -> None:
    """Links only, right under a navigation label ("Read more:", "Related")."""
    r = _re()
    for index, line in enumerate(lines):
        if line.number not in known and hits.get(line.number, Hit("", "")).code not in (
            "NB101",
        ):
            continue
        number = line.number
        for below in lines[index + 1 :]:
            if below.number > number + 2 or not r.link_only.match(raw_of[below.number]):
                break
            if below.number not in known:
                hits[below.number] = Hit("NB101", "link under a navigation label")
            number = below.number


def _is_author(
    surname: str, text: str, lines: list[Line], plains: dict[int, str], index: int
) -> bool:
    """Whether the person a bio line describes signed the article (a byline
    or a capitalised name box right above) or the line gives their contact."""
    if _re().contact.search(text):
        return True
    if (
        index
        and lines[index - 1].core.isupper()
        and surname.upper() in lines[index - 1].core
    ):
        return True
    # A byline naming them, with ``re`` where the name and the line are plain.
    plain_name = translatable(surname)
    plain_by: Any = None
    unicode_by: Any = None
    for line in lines[:index]:
        text = plains[line.number]
        if plain_name and translatable(text):
            if plain_by is None:
                source = _byline_naming(re.escape(surname))
                plain_by = re.compile(translate(source, native=True), re.IGNORECASE)
            by = plain_by
        else:
            if unicode_by is None:
                import regex  # here, not at import (start-up)

                unicode_by = regex.compile(
                    _byline_naming(regex.escape(surname)), regex.IGNORECASE
                )
            by = unicode_by
        if by.match(text):
            return True
    return False


def _byline_naming(name: str) -> str:
    """A byline naming ``name`` (escaped), for a case-insensitive match."""
    return rf"^by\b[^\n]{{0,80}}\b{name}\b"


def _surname(bio: Any) -> str:
    """The surname a ``bio`` match captured: with ``re`` (no lookbehind of
    varying width), the run of letters, apostrophes and hyphens that ends
    where the name ends; a plain string's letters are ASCII."""
    found = bio.groupdict()
    if "surname" in found:
        return found["surname"]  # type: ignore[no-any-return]
    text, end = bio.string, bio.start("surname_end")
    start = end
    while start > 0 and (
        text[start - 1] in "'’-"
        or (text[start - 1].isascii() and text[start - 1].isalpha())
    ):
        start -= 1
    return text[start:end]  # type: ignore[no-any-return]


#: A bio line names a trade or what the person covers (``bio``, case-sensitive).
_BIO_WORDS = (
    *"reporter correspondent writer editor journalist columnist producer".split(),
    *"critic contributor photographer intern fellow analyst freelancer".split(),
    *"author covers reports writes".split(),
)


def _author_bio(
    lines: list[Line], plains: dict[int, str], hits: dict[int, Hit], known: set[int]
) -> None:
    """Author-bio boxes after the last sentence of the article."""
    r = _re()
    index = len(lines) - 1
    while index >= 0:
        line = lines[index]
        p = plains[line.number]
        if line.number in known or line.number in hits:
            index -= 1
            continue
        short = not _more_words(p, _SHORT_WORDS) and not _ends_sentence(p)
        if short:
            index -= 1
            continue
        bio = r.bio.match(p) if any(w in p for w in _BIO_WORDS) else None
        if (
            bio
            and len(p.split()) <= 60
            and not r.quote.search(p)
            and _is_author(_surname(bio), p, lines, plains, index)
        ):
            hits[line.number] = Hit("NB111", "author-bio box after the article")
            index -= 1
            continue
        break
