"""NB: boilerplate and scraping leftovers.

Scraped and syndicated copy arrives with the page around it still attached:
navigation, ad markers, promos, embedded-media labels, metadata tags,
copyright lines, photo captions with their credits, page widgets (consent
banners, comment forms, buttons), paragraphs pasted twice and template lines
shared by many articles of a site. Each kind of leftover is
its own rule, so a newsroom can ignore one kind and keep the others.

The phrase catalogue (``boilerplate_phrases.txt``) and the agency list
(``credit_agencies.txt``) live beside this module; house configs extend or
trim them with each rule's ``extra-phrases`` / ``disabled-phrases`` (or
``extra-agencies`` / ``disabled-agencies``) options. A catalogue entry only
ever matches a *whole line* (after Markdown decoration is stripped), never the
phrase inside a sentence. ``generic.py`` finds leftovers by their shape
(interface words only, menu rows and breadcrumbs, timestamps, calls to action
addressed to the reader, embedded-post residue, author-bio boxes after the
article), so wordings no catalogue lists are found too.
"""

from __future__ import annotations

from newslint.rules.boilerplate.catalogue import (
    Catalogue,
    agencies,
    catalogue,
    compile_catalogue,
    doc_lines,
    section_entries,
)
from newslint.rules.boilerplate.credits import CreditOptions, PhotoCredit
from newslint.rules.boilerplate.phrases import (
    AdvertisementMarker,
    CopyrightLine,
    MediaLabel,
    MetadataTag,
    NavigationLine,
    PageWidget,
    PhraseOptions,
    PromotionLine,
)
from newslint.rules.boilerplate.structure import (
    DuplicateOptions,
    DuplicateParagraph,
    EdgeNavigation,
    EdgeOptions,
)
from newslint.rules.boilerplate.template import TemplateLine, TemplateOptions

from newslint import hookimpl

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
    PageWidget,
)


@hookimpl
def register_rules() -> list[type]:
    return list(RULES)


__all__ = [
    "RULES",
    "AdvertisementMarker",
    "Catalogue",
    "CopyrightLine",
    "CreditOptions",
    "DuplicateOptions",
    "DuplicateParagraph",
    "EdgeNavigation",
    "EdgeOptions",
    "MediaLabel",
    "MetadataTag",
    "NavigationLine",
    "PageWidget",
    "PhotoCredit",
    "PhraseOptions",
    "PromotionLine",
    "TemplateLine",
    "TemplateOptions",
    "agencies",
    "catalogue",
    "compile_catalogue",
    "doc_lines",
    "register_rules",
    "section_entries",
]
