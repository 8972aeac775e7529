"""NB101-NB106: whole-line leftovers from the phrase catalogue (navigation,
ad markers, promos, media labels, metadata tags, copyright lines)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from newslint.rules.boilerplate.catalogue import (
    _MAX_LEFTOVER_CHARS,
    Line,
    _preview,
    catalogue_hits,
    compile_catalogue,
    doc_lines,
    image_captions,
    is_default,
    key_at,
    line_finding,
    plain,
    section_entries,
)
from newslint.rules.boilerplate.generic import analyse

from newslint import (
    Document,
    DocumentRule,
    Finding,
    Fix,
    lazy_regex,
    rule_options,
)
from newslint.text.plain import PlainOr, lazy_plain, translatable


# -- catalogue rules --------------------------------------------------------------
@rule_options
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

    @functools.cached_property
    def _is_default(self) -> bool:
        return is_default(self._pattern, self.section)

    def core_matches(self, doc: Document) -> frozenset[int] | None:
        """Numbers of the lines whose core this rule's catalogue matches in
        full, from the shared table when the rule has the built-in entries
        (None: the rule's own entries; ask ``pattern()`` line by line)."""
        if self._is_default:
            return catalogue_hits(doc).core[self.section]
        return None

    #: Whether a caption under a Markdown image (legitimate markup) is exempt.
    exempt_image_captions: ClassVar[bool] = False

    def matching_lines(self, doc: Document) -> Iterator[Line]:
        pattern = self.pattern()
        matched: frozenset[int] | None = None
        if self._is_default:
            table = catalogue_hits(doc)
            # the core, or the core without emphasis ("**Related:** [Title](…)")
            matched = table.core[self.section] | table.plain[self.section]
            if not matched:
                return
        captions = image_captions(doc) if self.exempt_image_captions else frozenset()
        analysis = None
        for line in doc_lines(doc):
            if len(line.core) > _MAX_LEFTOVER_CHARS or line.number in captions:
                continue
            if matched is not None:
                if line.number not in matched:
                    continue
            elif not pattern.fullmatch(line.core, line.key):
                text = plain(line.core)  # "**Related:** [Title](…)"
                if text == line.core or not pattern.fullmatch(text, key_at(text, 0)):
                    continue
            if line.wrapped:
                # Hard-wrapped prose, unless the line above is a leftover too.
                analysis = analysis or analyse(doc)
                if not analysis.leftover(line.number - 1):
                    continue
            if line.markup == "heading":
                # "## Download the app" over the article's section on the app.
                analysis = analysis or analyse(doc)
                if line.number in analysis.sections:
                    continue
            yield line

    def check(self, doc: Document) -> Iterator[Finding]:
        done = set()
        for line in self.matching_lines(doc):
            done.add(line.number)
            yield line_finding(
                self, doc, line, f"{self.kind} leftover line {_preview(line.core)!r}"
            )
        yield from self.generic_findings(doc, done)

    def generic_findings(self, doc: Document, done: set[int]) -> Iterator[Finding]:
        """Lines of this kind found by shape, not by the catalogue (generic.py)."""
        hits = analyse(doc).hits
        if not any(hit.code == self.code for hit in hits.values()):
            return
        captions = image_captions(doc) if self.exempt_image_captions else frozenset()
        for line in doc_lines(doc):
            hit = hits.get(line.number)
            if (
                hit is None
                or hit.code != self.code
                or line.number in done
                or line.number in captions
            ):
                continue
            yield line_finding(
                self,
                doc,
                line,
                f"{self.kind} leftover line {_preview(line.core)!r} ({hit.why})",
            )


class NavigationLine(_CatalogueRule):
    """A line of site navigation left in the article ("Back to top button").

    Scrapers that keep the whole page bring along the site's navigation:
    "Skip to content", "Related Articles", "Read more", "Next story",
    breadcrumbs such as "Home > World > Asia". A reader of the article never
    needs them. Only a line that consists of such text is reported, never
    the words inside a sentence. Besides the catalogue, the rule knows the
    shapes: a row of three or more short items between "|", "•" or "·"
    anywhere in the article (two at its head), a path between "›", "»",
    ">" or " / " ("Science » Biology"), and a list of bare links right under
    a navigation label ("More stories:").

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
    noise, and they advertise another publication. Besides the catalogue,
    a line is a promo when it is an order or the publisher speaking ("Get
    …", "our") and names a publisher's channel (newsletter, inbox, news
    app, App Store, breaking-news alerts), or speaks to the reader ("you",
    a question) about one only a publisher has (free articles, unlimited
    access, "click here", "preferred source"). Lines with quotation marks
    or an attribution ("she said") are never promos.

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
_MEDIA_LABEL = (
    r"(?:Video|VIDEO|Videos|VIDEOS|Audio|AUDIO|Gallery|GALLERY|Slideshow"
    r"|SLIDESHOW|Photos|PHOTOS|WATCH|LISTEN|In pictures|IN PICTURES)[ \t]*:[ \t]+"
    r"(?P<title>[\p{Lu}\p{N}“\"‘'][^\n.!?]{2,120}?)[ \t]*$"
)
#: What every label holds (a line without any of them holds none).
_MEDIA_WORDS = (
    *"Video VIDEO Audio AUDIO Gallery GALLERY Slideshow SLIDESHOW".split(),
    *"Photos PHOTOS WATCH LISTEN".split(),
    "In pictures",
    "IN PICTURES",
)
#: The label after a blank that follows text: a lookbehind of varying width,
#: which ``re`` cannot have ...
_GLUED_MEDIA = lazy_regex(r"(?<=\S[ \t]+)" + _MEDIA_LABEL)
#: ... so on plain text the blanks are matched, from text, and the label is
#: the group (``_glued_media``).
_GLUED_MEDIA_PLAIN = lazy_plain(r"(?<=\S)[ \t]+(?P<label>" + _MEDIA_LABEL + ")")


def _glued_media(text: str, pos: int) -> tuple[int, str] | None:
    """(start, title) of the media label ``_GLUED_MEDIA.search(text, pos)``
    finds, if any, without ``regex`` when ``text`` is plain."""
    if not any(word in text for word in _MEDIA_WORDS):
        return None
    if not translatable(text):
        match = _GLUED_MEDIA.search(text, pos)
        return (match.start(), match.group("title")) if match else None
    # the blanks before a label that starts at ``pos`` or later may start
    # before it
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    match = _GLUED_MEDIA_PLAIN.search(text, pos)
    return (match.start("label"), match.group("title")) if match else None


class MediaLabel(_CatalogueRule):
    """An embedded-media label left in the text ("Video: …", "Watch: …").

    A page's embedded video, audio or gallery leaves its label behind when
    the player is stripped: a line such as "Video: The flood in pictures",
    or the same label glued to the end of the last paragraph. Without the
    player the label means nothing to a reader. Embedded social posts leave
    their residue too: the signature ("— Name (@handle) March 3, 2024") and
    the post's text on the line right above it, a line ending in
    "pic.twitter.com/…", "View this post on Instagram", "A post shared by …".

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
        matched = self.core_matches(doc)
        prose = doc.prose
        captions = image_captions(doc)
        for line in doc_lines(doc):
            text = prose[line.core_start : line.end]
            if ":" not in text[-200:]:
                continue  # the cheap test first: most lines hold no label
            if (
                line.markup in ("heading", "table")
                or line.number in captions
                or (
                    line.number in matched
                    if matched is not None
                    else pattern.fullmatch(line.core, line.key)
                )
            ):
                continue
            glued = _glued_media(text, max(0, len(text) - 200))
            if not glued or len(glued[1].split()) > 15:
                continue
            before = text[: glued[0]]
            if not re.search(r"[.!?”\"’]", before):
                continue  # a title line, not a paragraph with a label glued on
            start = line.core_start + glued[0]
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
_GLUED_DATE = PlainOr(
    r"(?:(?:date|dated|published|posted|updated|timestamp)\s*:?\s*)?"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"(?=\s+\p{Lu}[\p{Lu}.'’-]{2,}\b)",
    re.IGNORECASE,
)


_DATE_KEYS = frozenset(
    {"#digit", "date", "dated", "published", "posted", "updated", "timestamp"}
)


class MetadataTag(_CatalogueRule):
    """A source or metadata tag left in the article ("[Source: …]", "Updated: …").

    Aggregators and scrapers prefix or suffix the story with their own
    bookkeeping: a "[Source: …]" tag, "Updated: …" or "Published …" lines,
    tag lists, reading times, "This story has been updated" notices, or a
    "date 2022-09-16" token glued in front of the dateline. None of it is
    part of the story. Besides the catalogue, any line made only of dates,
    times, time zones and status words ("6h ago · 2 min read", "Updated at
    11.44 BST") is reported. A correction note ("This article was amended
    on … to correct …") is editorial and left alone.

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
        matched = self.core_matches(doc)
        for line in doc_lines(doc):
            if line.key not in _DATE_KEYS or (
                line.number in matched
                if matched is not None
                else pattern.fullmatch(line.core, line.key)
            ):
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


class PageWidget(_CatalogueRule):
    """A piece of page furniture left in the text ("Leave a Reply", a cookie banner).

    Besides navigation and promos, a page carries controls and notices that
    a scrape turns into lines of text: consent banners ("We use cookies
    ..."), comment sections and their forms ("Comments are closed",
    "Email *"), buttons ("Copy link", "Save · Gift article"), wrappers of
    embedded posts ("Allow Twitter content?", "Skip past newsletter
    promotion" ... "after newsletter promotion", everything in between),
    script notices ("Please turn on JavaScript") and author-bio boxes after
    the end of the article ("Name is a reporter ... Reach her at ...").
    Besides the catalogue (section ``[widget]``), the rule finds such lines
    by their shape: a short line made only of interface words with an
    action among them, a comment-form field, a link label such as
    ", opens new tab". A sentence that mentions cookies, comments or
    newsletters is not reported.

    Bad:
        The school was rated outstanding.

        Leave a Reply Cancel reply

        Your email address will not be published. Required fields are marked *

        Copy link copied

    Good:
        Websites must ask before they set advertising cookies, the regulator said.

        Comments from residents were mixed.

    Fix: delete the line. Options ``extra-phrases`` and ``disabled-phrases``
    under ``[tool.newslint.rules.NB111]`` (they apply to the catalogue; the
    shapes are not configurable beyond ``--ignore NB111``).
    """

    code = "NB111"
    name = "boilerplate.page-widget"
    section = "widget"
    kind = "page widget"


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
