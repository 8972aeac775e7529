"""NB107: photo captions closed by an agency or photographer credit."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from newslint.rules.boilerplate.catalogue import (
    _key,
    _preview,
    agencies,
    catalogue_hits,
    doc_lines,
    image_captions,
)

from newslint import (
    Document,
    DocumentRule,
    Finding,
    Fix,
    Severity,
    lazy_regex,
    rule_options,
)


# -- photo credits ------------------------------------------------------------------
@rule_options
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
    import regex  # here, not at import: most articles carry no credit

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
        # ... in Madrid. Photo: Xinhua/Jane Doe; (Picture: dpa); Credit: Jane Doe
        "short_label": regex.compile(
            rf"{_AFTER_SENTENCE}\(?(?i:(?:photo|picture|pic|image|foto|video|credit)s?\s*(?::|/(?=\s)))"
            rf"[ \t]*(?:(?i:{ag})|{_CAP}(?:\s+{_CAP}){{0,3}})"
            rf"(?:\s*/\s*{_CAP}(?:\s+{_CAP}){{0,3}}){{0,2}}{end}",
            flags,
        ),
        # ... the caption's last sentence.” AP
        "bare": regex.compile(rf"{_AFTER_SENTENCE}{bare}{end}", flags),
        # any agency name at all
        "agency": regex.compile(rf"(?<![\p{{L}}]){bare}(?![\p{{L}}])", flags),
    }


_PROSE_END = frozenset('.!?”"’:;,…—–-')
#: Every credit pattern holds a slash or one of these words (case-folded),
#: unless the line ends in an agency name: the test that spares the compile.
_CREDIT_WORDS = (
    "/",
    "pic",
    "photo",
    "image",
    "illustration",
    "credit",
    "foto",
    "video",
)


@functools.lru_cache(maxsize=16)
def _folded_endings(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_fold(n) for n in names)


def _fold(text: str) -> str:
    # "İ" folds to "i̇" and matches "i" under IGNORECASE
    return text.casefold().replace("\u0307", "")


def may_hold_credit(text: str, names: tuple[str, ...]) -> bool:
    """Whether any credit pattern of ``compile_credits(names)`` can match in
    ``text``: it holds a slash or a label word, or ends in an agency name
    (before an optional ")"). A wrapped prose line fails this, so an article
    without credits never compiles the patterns."""
    folded = _fold(text)
    if any(word in folded for word in _CREDIT_WORDS):
        return True
    if folded.endswith(")"):
        folded = folded[:-1]
    return folded.endswith(_folded_endings(names))


_CREDIT_TOKEN = lazy_regex(r"[\p{Lu}][\p{L}\p{N}'’&.-]*(?:/[\p{L}\p{N}'’&. -]+)*$")


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
    "Name/AFP via Getty Images", "VIA REUTERS", "(AP Photo/Name)", a label
    ("Photo: Xinhua/Name", "Picture: dpa", "(Photo: PTI)"), or a bare
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

    @functools.cached_property
    def _names(self) -> tuple[str, ...]:
        """The agency names: the built-in list with this rule's options."""
        off = {_key(d) for d in self.options.disabled_agencies}
        return tuple(
            n for n in (*agencies(), *self.options.extra_agencies) if _key(n) not in off
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        names = self._names
        if not names:
            return
        patterns: dict[str, Any] | None = None  # compiled on the first candidate
        media: frozenset[int] | None = None  # lines the media catalogue matches
        prose = doc.prose
        captions = image_captions(doc)
        for line in doc_lines(doc):
            text = prose[line.core_start : line.end].rstrip(" \t*_")
            if not text or text[-1] in _PROSE_END:
                continue  # a credit ends in a name, never in sentence punctuation
            if not may_hold_credit(text, names):
                continue
            if media is None:
                media = catalogue_hits(doc).core["media"]
            if (
                line.markup in ("heading", "table")
                or line.number in captions
                or line.number in media
            ):
                continue
            text_offset = 0
            if patterns is None:
                patterns = compile_credits(names)
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
        for key in ("agency_slash", "slash_agency", "label", "short_label", "bare"):
            match = patterns[key].search(text, pos)
            if match and (best is None or match.start() < best):
                best = match.start()
                if (
                    key in ("label", "short_label")
                    and best == 0
                    and not patterns["agency"].search(text)
                ):
                    # "Photographs by Tom Hale" on its own line credits the
                    # article's photographer; it is not a scraped caption.
                    best = None
        if best is not None and best == 0 and len(text.split()) > 12:
            return None
        if best == 0 and patterns["bare"].fullmatch(text):
            return None  # "Reuters" alone on a line attributes the story
        return best
