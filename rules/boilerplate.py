"""NB: boilerplate and scraping leftovers.

Scraped and syndicated copy arrives with the page around it still attached:
navigation, ad markers, promos, embedded-media labels, metadata tags,
copyright lines, photo captions with their credits, paragraphs pasted twice
and template lines shared by many articles of a site. Each kind of leftover is
its own rule, so a newsroom can ignore one kind and keep the others.

The phrase catalogue (``boilerplate_phrases.txt``) and the agency list
(``credit_agencies.txt``) live beside this module; house configs extend or
trim them with each rule's ``extra-phrases`` / ``disabled-phrases`` (or
``extra-agencies`` / ``disabled-agencies``) options. A catalogue entry only
ever matches a *whole line* (after Markdown decoration is stripped), never the
phrase inside a sentence.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

import regex

from newslint import (
    CorpusRule,
    Document,
    DocumentRule,
    Finding,
    Fix,
    Related,
    Severity,
    Story,
    hookimpl,
)

_HERE = Path(__file__).resolve().parent
#: Lines longer than this are article text, never a catalogue leftover.
_MAX_LEFTOVER_CHARS = 400
#: "…": a short tail (up to 10 words, no sentence punctuation inside).
_SHORT_TAIL = r"(?:[^\s!?]*[^\s.!?](?:[ \t]+[^\s!?]*[^\s.!?]){0,9})?"
#: The same after a phrase not ending in ":" must start like a name ("from TIME").
_NAME_START = r"(?-i:(?=[\p{Lu}\p{N}\p{Sc}@“\"‘'#(]|[\w.+-]+@))"
_NAME_TAIL = r"(?:[ \t]+" + _NAME_START + _SHORT_TAIL + ")?"
#: "……": a long tail (a caption or a title of up to 200 characters) that
#: starts like a title ("Video: Floods in the north", not "Watch: the union's ...").
_LONG_TAIL = r"(?:" + _NAME_START + r"[^\n]{1,200}?)?"
_SEP = r"[\s|•·,;/–—-]*"


# -- data files -----------------------------------------------------------------
@functools.cache
def catalogue() -> dict[str, tuple[str, ...]]:
    """Section name -> entries of ``boilerplate_phrases.txt``."""
    sections: dict[str, list[str]] = defaultdict(list)
    current = ""
    text = (_HERE / "boilerplate_phrases.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = line[1:-1]
            continue
        sections[current].append(line)
    return {key: tuple(value) for key, value in sections.items()}


@functools.cache
def agencies() -> tuple[str, ...]:
    text = (_HERE / "credit_agencies.txt").read_text(encoding="utf-8")
    return tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _literal(text: str) -> str:
    out = []
    for word in text.split():
        pieces = []
        for char in word:
            if char in "-‐–":
                pieces.append(r"[-‐\s]?")
            elif char in "'’":
                pieces.append("['’]")
            else:
                pieces.append(regex.escape(char))
        out.append("".join(pieces))
    return r"\s*".join(out) if len(out) == 1 else r"\s+".join(out)


_RE_ENTRY = regex.compile(r"^re(?:<([^>]*)>)?:")
_WORD_AT = regex.compile(r"[^\W\d_]+")
_SEP_AT = regex.compile(_SEP)
_ATTRIBUTION = regex.compile(
    r"\b(?:said|says|told|added|according)\b", regex.IGNORECASE
)
_BAR = regex.compile(r"\s[|•·]\s")


def entry_pattern(entry: str) -> tuple[str, bool]:
    """A catalogue entry as a regex fragment, and whether it has a free tail."""
    head = _RE_ENTRY.match(entry)
    if head:
        return f"(?:{entry[head.end() :]})", True
    parts = regex.split(r"(……|…|\.\.\.)", entry)
    if len(parts) == 1:
        return f"(?:{_literal(entry)})", False
    out = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            out.append(_literal(part))
            continue
        before = parts[index - 1].strip()
        is_end = index == len(parts) - 2 and not parts[-1].strip()
        if part == "……":
            out.append(r"\s*" + _LONG_TAIL)
        elif is_end and before:
            out.append(_NAME_TAIL)
        else:
            out.append(r"\s*" + _SHORT_TAIL + r"\s*")
    return "(?:" + "".join(out) + ")", True


def entry_keys(entry: str) -> tuple[str, ...]:
    """The first-word keys a line must start with to possibly match ``entry``
    (empty: try the entry on every line)."""
    head = _RE_ENTRY.match(entry)
    if head:
        return tuple(head.group(1).split()) if head.group(1) else ()
    return (key_at(entry.strip(), 0),)


def key_at(text: str, pos: int) -> str:
    """The index key of ``text`` at ``pos``: its first word in lower case,
    "#digit" before a digit, else the character itself."""
    if pos >= len(text):
        return ""
    char = text[pos]
    if char.isdigit():
        return "#digit"
    if char.isalpha():
        match = _WORD_AT.match(text, pos)
        assert match is not None
        return match.group(0).casefold()
    return char


def _key(entry: str) -> str:
    return " ".join(entry.split()).casefold()


class Catalogue:
    """Catalogue entries indexed by first word, compiled lazily per word.

    ``fullmatch(line)`` is true when the whole line is made of entries:
    tail-free entries may be glued in a chain ("Reach out to usSend your
    letters to"); an entry with a free tail may only close the chain. A line
    is only ever compared with the few entries that can start it, so one
    pass over an article costs a dictionary look-up per line.
    """

    def __init__(self, entries: tuple[str, ...]) -> None:
        self._fixed: dict[str, list[str]] = defaultdict(list)
        self._tailed: dict[str, list[str]] = defaultdict(list)
        self._regexes: dict[str, list[str]] = defaultdict(list)
        self._everywhere: list[str] = []
        for entry in entries:
            pattern, has_tail = entry_pattern(entry)
            keys = entry_keys(entry)
            if not keys:
                self._everywhere.append(pattern)
            for key in keys:
                if _RE_ENTRY.match(entry):
                    self._regexes[key].append(pattern)
                else:
                    (self._tailed if has_tail else self._fixed)[key].append(pattern)
        self._compiled: dict[str, tuple[Any, Any]] = {}

    def _group(self, key: str) -> tuple[Any, Any, Any]:
        group = self._compiled.get(key)
        if group is None:
            # Longest first, so "Read more stories" wins over "Read more".
            fixed = sorted(self._fixed.get(key, ()), key=len, reverse=True)
            tailed = self._tailed.get(key, ())
            regexes = [*self._regexes.get(key, ()), *self._everywhere]
            flags = regex.IGNORECASE | regex.V0

            def alternation(parts: Any, end: str = "") -> Any:
                return (
                    regex.compile("(?:" + "|".join(parts) + ")" + end, flags)
                    if parts
                    else None
                )

            group = (
                alternation(fixed),
                alternation(tailed, "[.!]?"),
                alternation(regexes, "[.!]?"),
            )
            self._compiled[key] = group
        return group

    def fullmatch(self, line: str, first_key: str | None = None) -> bool:
        if self._chain(line, first_key):
            return True
        # "Posted by Newsroom | 3 min read": every segment of a bar is a leftover.
        if "|" in line or "•" in line or "·" in line:
            parts = [p.strip() for p in _BAR.split(line)]
            return len(parts) > 1 and all(p and self._chain(p, None) for p in parts)
        return False

    def _chain(self, line: str, first_key: str | None) -> bool:
        pos, size = 0, len(line)
        for _ in range(8):
            key = first_key if pos == 0 and first_key is not None else key_at(line, pos)
            if (
                key not in self._fixed
                and key not in self._tailed
                and key not in self._regexes
                and not self._everywhere
            ):
                return False
            fixed, tailed, regexes = self._group(key)
            if regexes is not None and regexes.fullmatch(line, pos):
                return True
            # "Follow us on Twitter for updates, police said." is a sentence:
            # a free tail never closes a long attributed line with a period.
            if (
                tailed is not None
                and tailed.fullmatch(line, pos)
                and not (
                    line.endswith(".")
                    and len(line[pos:].split()) > 5
                    and (", " in line or _ATTRIBUTION.search(line))
                )
            ):
                return True
            match = fixed.match(line, pos) if fixed is not None else None
            if match is None or match.end() == pos:
                return False
            pos = match.end()
            if pos >= size or line[pos:] in (".", "!"):
                return True
            pos = _SEP_AT.match(line, pos).end()  # type: ignore[union-attr]
            if pos >= size:
                return True
        return False


@functools.lru_cache(maxsize=64)
def compile_catalogue(entries: tuple[str, ...]) -> Catalogue:
    return Catalogue(entries)


@functools.cache
def _default_pattern(section: str) -> Any:
    return compile_catalogue(section_entries(section))


@functools.cache
def _known_pattern() -> Any:
    """Every built-in catalogue entry of every section."""
    return compile_catalogue(
        tuple(e for section in catalogue().values() for e in section)
    )


def section_entries(
    section: str, extra: Iterable[str] = (), disabled: Iterable[str] = ()
) -> tuple[str, ...]:
    off = {_key(d) for d in disabled}
    base = [e for e in catalogue().get(section, ()) if _key(e) not in off]
    return tuple(base) + tuple(e for e in extra if _key(e) not in off)


# -- lines ----------------------------------------------------------------------
class Line(NamedTuple):
    number: int  # 1-based
    start: int  # offset of the line in Document.text
    end: int  # offset of the line's end, line ending excluded
    next: int  # offset of the next line (line ending included)
    core_start: int
    core_end: int
    core: str  # the line without Markdown decoration
    markup: str  # "", "heading", "list", "quote", "table"
    key: str  # key_at(core, 0): which catalogue entries can match


_LEAD = regex.compile(
    r"^(?P<ws>[ \t]*)(?P<quote>(?:>[ \t]?)+)?(?:(?P<h>#{1,6}[ \t]+)|(?P<li>(?:[-*+•·]|\d{1,3}[.)])[ \t]+))?"
    r"(?:[*_]{1,3}|[«‹←<|]\s*)*"
)
_TRAIL_CHARS = " \t\r\n*_»›→←‹«|>:…"


def _strip_tail(core: str) -> str:
    """Drop trailing decoration: arrows, emphasis, "...", a spaced dash."""
    out = core
    while True:
        before = out
        out = out.rstrip(_TRAIL_CHARS)
        if out.endswith("..."):
            out = out[:-3]
        elif out[-1:] in ("-", "–", "—"):
            head = out.rstrip("-–—")
            if head[-1:] in (" ", "\t"):
                out = head
        if out == before:
            break
    return out if out.strip() else core


def doc_lines(doc: Document) -> list[Line]:
    """The non-blank prose lines of ``doc`` with their decoration stripped.

    Every NB rule needs them, so they are computed once per text (a small
    memo keyed by the text itself; the function is pure).
    """
    return _doc_lines(doc.text, doc.prose)


@functools.lru_cache(maxsize=4)
def _doc_lines(text: str, prose: str) -> list[Line]:
    starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
    out: list[Line] = []
    for index, start in enumerate(starts):
        nxt = starts[index + 1] if index + 1 < len(starts) else len(prose)
        end = nxt
        while end > start and prose[end - 1] in "\r\n":
            end -= 1
        line = prose[start:end]
        if not line.strip():
            continue
        lead = _LEAD.match(line)
        assert lead is not None
        cs = start + lead.end()
        markup = ""
        if lead.group("h"):
            markup = "heading"
        elif lead.group("li"):
            markup = "list"
        elif lead.group("quote"):
            markup = "quote"
        elif line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            markup = "table"
        core = prose[cs:end]
        # A Markdown link wrapping the whole line: [text](target) -> text.
        if core.startswith("[") and "]" in core:
            close = core.index("]")
            if (
                cs + close + 1 < len(text)
                and text[cs + close + 1] == "("
                and not core[close + 1 :].strip()
            ):
                core = core[1:close]
                cs += 1
        core = _strip_tail(core)
        lstripped = core.lstrip()
        cs += len(core) - len(lstripped)
        core = lstripped.rstrip()
        if not core:
            continue
        if "](" in text[cs : cs + len(core) + 1]:
            core = _flatten_links(core, text, cs)
        out.append(
            Line(
                index + 1,
                start,
                end,
                nxt,
                cs,
                cs + len(core),
                core,
                markup,
                key_at(core, 0),
            )
        )
    return out


_LINK_TEXT = regex.compile(r"\[([^\[\]\n]*)\]")


def _flatten_links(core: str, text: str, offset: int) -> str:
    """``[Home]   › [News]  `` (link targets masked) -> ``Home › News``."""

    def repl(match: Any) -> str:
        after = offset + match.end()
        return (
            match.group(1)
            if after < len(text) and text[after] == "("
            else match.group(0)
        )

    return " ".join(_LINK_TEXT.sub(repl, core).split())


def image_captions(doc: Document) -> frozenset[int]:
    """Line numbers of Markdown images and of the line right under each
    (``![alt](src)`` then ``*Photo: Jane Doe/Reuters*`` is a real caption)."""
    if not doc.is_markdown or "![" not in doc.text:
        return frozenset()
    out: set[int] = set()
    lines = doc_lines(doc)
    for index, line in enumerate(lines):
        if "![" in doc.text[line.start : line.end]:
            out.add(line.number)
            if index + 1 < len(lines):
                out.add(lines[index + 1].number)
    return frozenset(out)


def _visible_span(doc: Document, line: Line) -> tuple[int, int]:
    """The line without its outer whitespace, as offsets into the text."""
    raw = doc.text[line.start : line.end]
    lead = len(raw) - len(raw.lstrip())
    return line.start + lead, line.start + len(raw.rstrip())


def _preview(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SENTENCE_END = regex.compile(r"[.!?…:;”\"’)\]]$")


# -- catalogue rules --------------------------------------------------------------
@dataclass(frozen=True)
class PhraseOptions:
    #: More catalogue entries for this kind (same syntax as the data file).
    extra_phrases: tuple[str, ...] = ()
    #: Entries of the built-in catalogue to switch off (written as in the file).
    disabled_phrases: tuple[str, ...] = ()


class _CatalogueRule(DocumentRule):
    """Base of the whole-line catalogue rules (not registered itself)."""

    abstract = True
    section: ClassVar[str] = ""
    kind: ClassVar[str] = ""
    Options = PhraseOptions

    @functools.cached_property
    def _pattern(self) -> Any:
        return compile_catalogue(
            section_entries(
                self.section, self.options.extra_phrases, self.options.disabled_phrases
            )
        )

    def pattern(self) -> Any:
        return self._pattern

    #: Whether a caption under a Markdown image (legitimate markup) is exempt.
    exempt_image_captions: ClassVar[bool] = False

    def matching_lines(self, doc: Document) -> Iterator[Line]:
        pattern = self.pattern()
        captions = image_captions(doc) if self.exempt_image_captions else frozenset()
        for line in doc_lines(doc):
            if (
                len(line.core) <= _MAX_LEFTOVER_CHARS
                and line.number not in captions
                and pattern.fullmatch(line.core, line.key)
            ):
                yield line

    def check(self, doc: Document) -> Iterator[Finding]:
        for line in self.matching_lines(doc):
            start, end = _visible_span(doc, line)
            yield self.finding(
                doc,
                start,
                end,
                f"{self.kind} leftover line {_preview(line.core)!r}",
                fix=Fix(line.start, line.next, ""),
            )


class NavigationLine(_CatalogueRule):
    """A line of site navigation left in the article ("Back to top button").

    Scrapers that keep the whole page bring along the site's navigation:
    "Skip to content", "Related Articles", "Read more", "Next story",
    breadcrumbs such as "Home > World > Asia". A reader of the article never
    needs them. Only a line that consists of such text is reported, never
    the words inside a sentence.

    Bad:
        The talks ended on Friday.

        Related Articles

        Back to top button

    Good:
        Read more about the plan in the council's report.

    Fix: delete the line (offered as a fix). Add house phrases with
    ``extra-phrases`` or switch entries off with ``disabled-phrases`` under
    ``[tool.newslint.rules.NB101]``; suppress one line with
    ``newslint: noqa NB101``.
    """

    code = "NB101"
    name = "boilerplate.navigation"
    section = "navigation"
    kind = "navigation"


class AdvertisementMarker(_CatalogueRule):
    """An ad marker left in the article ("Article continues after advertisement").

    Pages mark the slots of their ads with a label; a scrape keeps the label
    as a paragraph of its own in the middle of the story. Only a line that
    is just the marker is reported: a sentence about an advertisement is
    fine.

    Bad:
        The mayor opened the bridge on Monday.

        Article continues after advertisement

        Traffic was light.

    Good:
        She said the advertisement was misleading.

    Fix: delete the line. Options ``extra-phrases`` and ``disabled-phrases``
    under ``[tool.newslint.rules.NB102]``.
    """

    code = "NB102"
    name = "boilerplate.advertisement"
    section = "advertisement"
    kind = "ad marker"


class PromotionLine(_CatalogueRule):
    """A promo or call to action left in the article ("Sign up for our newsletter").

    Publishers append promos to their pages: "Here are more must-read
    stories from …", newsletter sign-ups, "Share this article", "Follow us
    on …", "Send your letters to …". In a scraped or syndicated copy they are
    noise, and they advertise another publication.

    Bad:
        The festival starts on Friday.

        Sign up for our newsletter

        Share this article

    Good:
        Organisers asked visitors to sign up for the shuttle bus online.

    Fix: delete the line. Options ``extra-phrases`` and ``disabled-phrases``
    under ``[tool.newslint.rules.NB103]``.
    """

    code = "NB103"
    name = "boilerplate.promotion"
    section = "promotion"
    kind = "promo"


# "... Additional reporting in Rome Video: Title of the clip" at a paragraph's end.
_GLUED_MEDIA = regex.compile(
    r"(?<=\S[ \t]+)(?:Video|VIDEO|Videos|VIDEOS|Audio|AUDIO|Gallery|GALLERY|Slideshow"
    r"|SLIDESHOW|Photos|PHOTOS|WATCH|LISTEN|In pictures|IN PICTURES)[ \t]*:[ \t]+"
    r"(?P<title>[\p{Lu}\p{N}“\"‘'][^\n.!?]{2,120}?)[ \t]*$"
)


class MediaLabel(_CatalogueRule):
    """An embedded-media label left in the text ("Video: …", "Watch: …").

    A page's embedded video, audio or gallery leaves its label behind when
    the player is stripped: a line such as "Video: The flood in pictures",
    or the same label glued to the end of the last paragraph. Without the
    player the label means nothing to a reader.

    Bad:
        The river burst its banks overnight.

        Watch: Residents wade through the high street

    Good:
        Residents were told to watch for rising water.

    Fix: delete the label. Options ``extra-phrases`` and ``disabled-phrases``
    under ``[tool.newslint.rules.NB104]``.
    """

    code = "NB104"
    name = "boilerplate.media-label"
    exempt_image_captions = True
    section = "media"
    kind = "embedded-media label"

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from super().check(doc)
        pattern = self.pattern()
        prose = doc.prose
        captions = image_captions(doc)
        for line in doc_lines(doc):
            if (
                line.markup in ("heading", "table")
                or line.number in captions
                or pattern.fullmatch(line.core, line.key)
            ):
                continue
            text = prose[line.core_start : line.end]
            if ":" not in text[-200:]:
                continue
            match = _GLUED_MEDIA.search(text, max(0, len(text) - 200))
            if not match or len(match.group("title").split()) > 15:
                continue
            before = text[: match.start()]
            if not regex.search(r"[.!?”\"’]", before):
                continue  # a title line, not a paragraph with a label glued on
            start = line.core_start + match.start()
            end = line.core_start + len(text.rstrip())
            cut = line.core_start + len(before.rstrip())
            yield self.finding(
                doc,
                start,
                end,
                f"embedded-media label {_preview(doc.text[start:end])!r}"
                " glued to the end of the paragraph",
                fix=Fix(cut, end, ""),
            )


# "date 2022-09-16" (or a bare ISO date) glued before an upper-case dateline.
_GLUED_DATE = regex.compile(
    r"(?:(?:date|dated|published|posted|updated|timestamp)\s*:?\s*)?"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"(?=\s+\p{Lu}[\p{Lu}.'’-]{2,}\b)",
    regex.IGNORECASE,
)


_DATE_KEYS = frozenset(
    {"#digit", "date", "dated", "published", "posted", "updated", "timestamp"}
)


class MetadataTag(_CatalogueRule):
    """A source or metadata tag left in the article ("[Source: …]", "Updated: …").

    Aggregators and scrapers prefix or suffix the story with their own
    bookkeeping: a "[Source: …]" tag, "Updated: …" or "Published …" lines,
    tag lists, reading times, or a "date 2022-09-16" token glued in front of
    the dateline. None of it is part of the story.

    Bad:
        [Source: Example Wire]

        date 2024-03-02 OSLO, Norway — The ferry strike ended on Saturday.

    Good:
        OSLO, Norway — The ferry strike ended on Saturday, the union said.

    Fix: delete the line or the glued token. Options ``extra-phrases`` and
    ``disabled-phrases`` under ``[tool.newslint.rules.NB105]``.
    """

    code = "NB105"
    name = "boilerplate.metadata"
    section = "metadata"
    kind = "source/metadata tag"

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from super().check(doc)
        pattern = self.pattern()
        for line in doc_lines(doc):
            if line.key not in _DATE_KEYS or pattern.fullmatch(line.core, line.key):
                continue
            match = _GLUED_DATE.match(line.core)
            if not match:
                continue
            start = line.core_start
            end = start + match.end()
            cut = end
            while cut < line.end and doc.text[cut] in " \t":
                cut += 1
            yield self.finding(
                doc,
                start,
                end,
                f"metadata tag {doc.text[start:end]!r} glued before the dateline",
                fix=Fix(start, cut, ""),
            )


class CopyrightLine(_CatalogueRule):
    """A copyright notice left in the article body ("© 2024 Example Media").

    Copyright lines belong to the page footer or the wire feed's envelope,
    not to the story; they also reveal where a syndicated text was copied
    from.

    Bad:
        The museum reopens in May.

        © 2024 Example Media Group. All rights reserved.

    Good:
        The copyright on the photographs expired in 2019.

    Fix: delete the line. Options ``extra-phrases`` and ``disabled-phrases``
    under ``[tool.newslint.rules.NB106]``.
    """

    code = "NB106"
    name = "boilerplate.copyright"
    section = "copyright"
    kind = "copyright"


# -- photo credits ------------------------------------------------------------------
@dataclass(frozen=True)
class CreditOptions:
    #: More agency or photographer-pool names that close a caption as credit.
    extra_agencies: tuple[str, ...] = ()
    #: Names of the built-in agency list to switch off.
    disabled_agencies: tuple[str, ...] = ()


_AFTER_SENTENCE = r"(?:(?<=^)|(?<=[.!?…][”\"’)\]]*[ \t]+)|(?<=[”\"’][ \t]+)|(?<=\())"
_CAP = r"[\p{Lu}][\p{L}\p{N}'’.&-]*"
_CREDIT_LABEL = (
    r"(?:Photo(?:graph)?s?|Image|Picture|Pictures|Illustration)\s+(?:by|credit|source)\s*:?"
    r"|Photograph\s*:|(?:Photo|Image|Picture)\s+credits?\s*:|Credits?\s*(?::|\.{3}|…)"
    r"|(?:Image|Picture|Photo)\s+source\s*[:,]"
)


@functools.lru_cache(maxsize=16)
def compile_credits(names: tuple[str, ...]) -> dict[str, Any]:
    names_sorted = sorted(set(names), key=len, reverse=True)
    ag = "(?:" + "|".join(regex.escape(n) for n in names_sorted) + ")"
    bare_forms = sorted(
        {f for n in names for f in (n, n.upper())}, key=len, reverse=True
    )
    bare = "(?:" + "|".join(regex.escape(n) for n in bare_forms) + ")"
    flags = regex.V0
    end = r"\)?[ \t]*$"
    return {
        # (AP Photo/Jane Doe, File)
        "photo": regex.compile(
            rf"\(?(?i:{ag})\s+Photos?\s*/\s*[^()\n]{{1,80}}?{end}", flags
        ),
        # SPUTNIK/AFP via Getty Images, VIA REUTERS, Pool Photo via AP
        "via": regex.compile(rf"(?i:\bvia)\s+(?i:{ag}){end}", flags),
        # REUTERS/Jane Doe
        "agency_slash": regex.compile(
            rf"{_AFTER_SENTENCE}(?i:{ag})(?:\s*/\s*{_CAP}(?:\s+{_CAP}){{0,3}}){{1,3}}{end}",
            flags,
        ),
        # Jane Doe/AFP, Jane Doe/Getty Images/Example
        "slash_agency": regex.compile(
            rf"{_AFTER_SENTENCE}{_CAP}(?:\s+{_CAP}){{0,3}}\s*/\s*(?i:{ag})"
            rf"(?:\s*/\s*{_CAP}(?:\s+{_CAP}){{0,2}})?{end}",
            flags,
        ),
        # Photograph: Jane Doe/Reuters, (Photo by Jane Doe)
        "label": regex.compile(
            rf"{_AFTER_SENTENCE}(?i:{_CREDIT_LABEL})[ \t]*[^\n.!?]{{1,80}}?{end}", flags
        ),
        # ... the caption's last sentence.” AP
        "bare": regex.compile(rf"{_AFTER_SENTENCE}{bare}{end}", flags),
        # any agency name at all
        "agency": regex.compile(rf"(?<![\p{{L}}]){bare}(?![\p{{L}}])", flags),
    }


_PROSE_END = frozenset('.!?”"’:;,…—–-')
_CREDIT_TOKEN = regex.compile(r"[\p{Lu}][\p{L}\p{N}'’&.-]*(?:/[\p{L}\p{N}'’&. -]+)*$")


def _via_start(text: str, via_at: int) -> int:
    """Walk back from "via" over the credit's own tokens ("SPUTNIK/AFP")."""
    pos = via_at
    seen_strong = False
    for _ in range(6):
        head = text[:pos].rstrip()
        if not head:
            return 0
        space = max(head.rfind(" "), head.rfind("\t"))
        token = head[space + 1 :]
        if token.startswith("("):
            return space + 1
        if not token or token[-1] in '.!?:;,”"’)' or not _CREDIT_TOKEN.match(token):
            break
        strong = "/" in token or (token.isupper() and len(token) > 1)
        if seen_strong and not strong:
            break
        seen_strong = seen_strong or strong
        pos = space + 1
    return pos


class PhotoCredit(DocumentRule):
    """A photo caption with its credit left in the text ("… via Getty Images").

    When a page is scraped, the captions of its photos become paragraphs of
    the article, each closed by the photographer's or agency's credit:
    "Name/AFP via Getty Images", "VIA REUTERS", "(AP Photo/Name)", or a bare
    "AP" after the caption's last sentence. The caption describes a picture
    the reader no longer sees. The finding points at the credit.

    Bad:
        Firefighters work through the night near the harbour on Tuesday. JANE DOE/AFP via Getty Images

    Good:
        Firefighters worked through the night, the agency told Reuters.

    Fix: delete the caption paragraph, or at least the credit (the offered
    fix removes the credit). Add agencies with ``extra-agencies`` under
    ``[tool.newslint.rules.NB107]``.
    """

    code = "NB107"
    name = "boilerplate.photo-credit"
    severity = Severity.WARNING
    Options = CreditOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        off = {_key(d) for d in self.options.disabled_agencies}
        names = tuple(
            n for n in (*agencies(), *self.options.extra_agencies) if _key(n) not in off
        )
        if not names:
            return
        patterns = compile_credits(names)
        media = _default_pattern("media")
        prose = doc.prose
        captions = image_captions(doc)
        for line in doc_lines(doc):
            if (
                line.markup in ("heading", "table")
                or line.number in captions
                or media.fullmatch(line.core, line.key)
            ):
                continue
            text = prose[line.core_start : line.end].rstrip(" \t*_")
            if not text or text[-1] in _PROSE_END:
                continue  # a credit ends in a name, never in sentence punctuation
            text_offset = 0
            start = self._credit_start(text, patterns, max(0, len(text) - 300))
            if start is None:
                continue
            base = line.core_start + text_offset
            s, e = base + start, base + len(text)
            credit = doc.text[s:e]
            cut = s
            while cut > line.start and doc.text[cut - 1] in " \t":
                cut -= 1
            fix = (
                Fix(line.start, line.next, "")
                if cut <= line.core_start
                else Fix(cut, e, "")
            )
            yield self.finding(
                doc,
                s,
                e,
                f"photo credit {_preview(credit)!r}: this paragraph is a photo caption"
                " left in the article",
                fix=fix,
            )

    @staticmethod
    def _credit_start(text: str, patterns: dict[str, Any], pos: int) -> int | None:
        """Where the credit closing ``text`` starts (searching from ``pos``)."""
        match = patterns["photo"].search(text, pos)
        if match:
            return match.start()
        match = patterns["via"].search(text, pos)
        if match:
            return _via_start(text, match.start())
        best: int | None = None
        for key in ("agency_slash", "slash_agency", "label", "bare"):
            match = patterns[key].search(text, pos)
            if match and (best is None or match.start() < best):
                best = match.start()
                if key == "label" and best == 0 and not patterns["agency"].search(text):
                    # "Photographs by Tom Hale" on its own line credits the
                    # article's photographer; it is not a scraped caption.
                    best = None
        if best is not None and best == 0 and len(text.split()) > 12:
            return None
        if best == 0 and patterns["bare"].fullmatch(text):
            return None  # "Reuters" alone on a line attributes the story
        return best


# -- structure ---------------------------------------------------------------------------
@dataclass(frozen=True)
class DuplicateOptions:
    #: Paragraphs shorter than this many words are not compared.
    min_words: int = 3


class DuplicateParagraph(DocumentRule):
    """A paragraph that appears twice in one article.

    Scrapers and careless pastes repeat blocks of text: a promo printed at
    two places on the page, a paragraph pasted twice during an edit. The
    second copy is reported, pointing at the first.

    Bad:
        The council will vote on the budget next week.

        Critics say the plan is too expensive.

        The council will vote on the budget next week.

    Good:
        The council will vote on the budget next week.

        Critics say the plan is too expensive.

    Fix: delete the repeated paragraph (offered as a fix). Option
    ``min-words`` (default 3) under ``[tool.newslint.rules.NB108]``.
    """

    code = "NB108"
    name = "boilerplate.duplicate-paragraph"
    Options = DuplicateOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        seen: dict[str, int] = {}
        starts = doc.line_starts
        for block in doc.paragraphs:
            words = block.text.split()
            if len(words) < self.options.min_words or not any(
                c.isalpha() for c in block.text
            ):
                continue
            key = " ".join(words).casefold()
            first = seen.get(key)
            if first is None:
                seen[key] = block.start
                continue
            line, column = doc.position(first)
            end_line, _ = doc.position(block.end)
            line_start = starts[doc.position(block.start)[0] - 1]
            next_start = starts[end_line] if end_line < len(starts) else len(doc.text)
            yield self.finding(
                doc,
                block.start,
                block.end,
                f"paragraph repeated from line {line}: {_preview(block.text, 50)!r}",
                related=[Related(doc.path, line, column, _preview(block.text))],
                fix=Fix(line_start, next_start, ""),
            )


@dataclass(frozen=True)
class EdgeOptions:
    #: A line of at most this many words without sentence punctuation is short.
    max_words: int = 8
    #: Report the article's tail only when it has at least this many short lines.
    min_run: int = 2


_MENU_ROW = regex.compile(
    r"[\p{L}][\p{L}\p{N}&'’ -]{0,24}(?:\s*[|•·]\s*[\p{L}][\p{L}\p{N}&'’ -]{0,24}){2,}"
)
_SIGN_OFF = regex.compile(
    r"^(?:by\s|[-–—(*_\[]|reporting\b|editing\b|writing\b|additional\s+reporting|compiled\b"
    r"|with\s+reporting|contact\b|correction\b|clarification\b|editor['’]s\s+note)",
    regex.IGNORECASE,
)


class EdgeNavigation(DocumentRule):
    """Short navigation-like lines at the end (or a menu row at the head) of an article.

    After the last sentence of a scraped article there often follows a
    column of short unpunctuated lines: the titles of related stories, menu
    items, section names. A headline at the top is normal and never
    reported; at the head only menu rows ("World | Business | Sport") are.
    Lines already reported by the phrase catalogue (NB101-NB106) are not
    reported again, but they count towards the tail's run of short lines.

    Bad:
        The stadium will reopen in August, the club said.

        Most Read

        Club confirms new manager

        Transfer window: what we know

    Good:
        Stadium to reopen in August

        The stadium will reopen in August, the club said.

    Fix: delete the lines. Options ``max-words`` (default 8) and ``min-run``
    (default 2) under ``[tool.newslint.rules.NB109]``.
    """

    code = "NB109"
    name = "boilerplate.edge-navigation"
    Options = EdgeOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        lines = doc_lines(doc)
        if not lines:
            return
        known = _known_pattern()
        max_words = self.options.max_words

        def is_short(line: Line) -> bool:
            return len(line.core.split()) <= max_words and not _SENTENCE_END.search(
                line.core
            )

        body = [
            i
            for i, ln in enumerate(lines)
            if not is_short(ln) and not known.fullmatch(ln.core, ln.key)
        ]
        if not body:
            return  # no sentence at all: nothing to tell the edges from
        first, last = body[0], body[-1]
        for line in lines[:first]:
            if _MENU_ROW.fullmatch(line.core) and not known.fullmatch(
                line.core, line.key
            ):
                yield self._report(
                    doc, line, "navigation menu row at the head of the article"
                )
        tail = [
            ln
            for ln in lines[last + 1 :]
            if ln.markup not in ("list", "table", "quote")
            and any(c.isalpha() for c in ln.core)
            and "@" not in ln.core
            and not _SIGN_OFF.match(ln.core)
        ]
        for index, line in enumerate(tail):
            # "Saturday's other results:" and sub-headings introduce content.
            opens = doc.prose[line.start : line.end].rstrip(" \t*_").endswith(":")
            is_heading = (
                opens
                or line.markup == "heading"
                or (line.core.isupper() and len(line.core) > 3)
            )
            if is_heading and not known.fullmatch(line.core, line.key):
                # A sub-heading opens content of its own (a factbox, a note).
                tail = tail[:index]
                break
        if len(tail) < self.options.min_run:
            for line in tail:
                if _MENU_ROW.fullmatch(line.core) and not known.fullmatch(
                    line.core, line.key
                ):
                    yield self._report(
                        doc, line, "navigation menu row after the article"
                    )
            return
        for line in tail:
            if not known.fullmatch(line.core, line.key):
                yield self._report(
                    doc,
                    line,
                    "short line without sentence punctuation after the end of the"
                    " article (navigation or page residue)",
                )

    def _report(self, doc: Document, line: Line, what: str) -> Finding:
        start, end = _visible_span(doc, line)
        return self.finding(
            doc,
            start,
            end,
            f"{what}: {_preview(line.core)!r}",
            fix=Fix(line.start, line.next, ""),
        )


# -- corpus ------------------------------------------------------------------------------
@dataclass(frozen=True)
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


_TEMPLATE_SKIP_END = regex.compile(r"[.!?…:;”\"’)\]][*_]*$")


def _line_hash(text: str) -> str:
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

    def check_story(self, story: Story) -> Iterator[Finding]:
        yield from self.check_corpus([story])

    def check_corpus(self, stories: list[Story]) -> Iterator[Finding]:
        where: dict[str, list[tuple[str, list[Any]]]] = defaultdict(list)
        line_sets: dict[str, frozenset[str]] = {}
        story_of: dict[str, str] = {}
        for story in stories:
            for member, facts in story.facts(self.code):
                if not isinstance(facts, dict):
                    continue
                story_of[member.path] = story.key
                line_sets[member.path] = frozenset(facts.get("sketch", ()))
                for fact in facts.get("lines", ()):
                    where[fact[0]].append((member.path, fact))
        total = len(line_sets)
        targets = {m.path for s in stories for m in s.targets}
        opts = self.options
        need = max(opts.min_articles, opts.min_fraction * total)
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


RULES: tuple[type, ...] = (
    NavigationLine,
    AdvertisementMarker,
    PromotionLine,
    MediaLabel,
    MetadataTag,
    CopyrightLine,
    PhotoCredit,
    DuplicateParagraph,
    EdgeNavigation,
    TemplateLine,
)


@hookimpl
def register_rules() -> list[type]:
    return list(RULES)
