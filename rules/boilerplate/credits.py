"""NB107: photo captions closed by an agency or photographer credit."""

from __future__ import annotations

import functools
import re
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
    lazy,
    rule_options,
)
from newslint.text.plain import PlainOr, translatable, translate


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


def _credit_sources(
    names: tuple[str, ...], escape: Any, after: str = _AFTER_SENTENCE
) -> dict[str, str]:
    """The credit patterns (``regex`` syntax), names escaped by ``escape``,
    ``after`` in front of those that start after a sentence."""
    names_sorted = sorted(set(names), key=len, reverse=True)
    ag = "(?:" + "|".join(escape(n) for n in names_sorted) + ")"
    bare_forms = sorted(
        {f for n in names for f in (n, n.upper())}, key=len, reverse=True
    )
    bare = "(?:" + "|".join(escape(n) for n in bare_forms) + ")"
    end = r"\)?[ \t]*$"
    return {
        # (AP Photo/Jane Doe, File)
        "photo": rf"\(?(?i:{ag})\s+Photos?\s*/\s*[^()\n]{{1,80}}?{end}",
        # SPUTNIK/AFP via Getty Images, VIA REUTERS, Pool Photo via AP
        "via": rf"(?i:\bvia)\s+(?i:{ag}){end}",
        # REUTERS/Jane Doe
        "agency_slash": (
            rf"{after}(?i:{ag})(?:\s*/\s*{_CAP}(?:\s+{_CAP}){{0,3}}){{1,3}}{end}"
        ),
        # Jane Doe/AFP, Jane Doe/Getty Images/Example
        "slash_agency": (
            rf"{after}{_CAP}(?:\s+{_CAP}){{0,3}}\s*/\s*(?i:{ag})"
            rf"(?:\s*/\s*{_CAP}(?:\s+{_CAP}){{0,2}})?{end}"
        ),
        # Photograph: Jane Doe/Reuters, (Photo by Jane Doe)
        "label": rf"{after}(?i:{_CREDIT_LABEL})[ \t]*[^\n.!?]{{1,80}}?{end}",
        # ... in Madrid. Photo: Xinhua/Jane Doe; (Picture: dpa); Credit: Jane Doe
        "short_label": (
            rf"{after}\(?(?i:(?:photo|picture|pic|image|foto|video|credit)s?\s*(?::|/(?=\s)))"
            rf"[ \t]*(?:(?i:{ag})|{_CAP}(?:\s+{_CAP}){{0,3}})"
            rf"(?:\s*/\s*{_CAP}(?:\s+{_CAP}){{0,3}}){{0,2}}{end}"
        ),
        # ... the caption's last sentence.” AP
        "bare": rf"{after}{bare}{end}",
        # any agency name at all
        "agency": rf"(?<![\p{{L}}]){bare}(?![\p{{L}}])",
    }


#: The patterns that start after a sentence (``_AFTER_SENTENCE``).
_AFTER_KEYS = frozenset(
    {"agency_slash", "slash_agency", "label", "short_label", "bare"}
)


@functools.lru_cache(maxsize=16)
def compile_credits(names: tuple[str, ...]) -> dict[str, Any]:
    import regex  # here, not at import: most articles carry no credit

    flags = regex.V0
    return {
        key: regex.compile(source, flags)
        for key, source in _credit_sources(names, regex.escape).items()
    }


#: Where ``_AFTER_SENTENCE`` may hold: the start, after "(", or at the end
#: of a run of blanks (the character that ends it is matched).
_AFTER_CANDIDATE = lazy(r"\(|[ \t](?![ \t])")


def _after_sentence(text: str, pos: int) -> bool:
    """Whether ``_AFTER_SENTENCE`` holds at ``pos`` of ``text``: the start,
    after "(", or after blanks that follow a closing quotation mark or
    sentence punctuation and any closing marks."""
    if pos == 0 or text[pos - 1] == "(":
        return True
    start = pos
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if start == pos or start == 0:
        return False
    if text[start - 1] in '”"’':
        return True
    while start > 0 and text[start - 1] in '”"’)]':
        start -= 1
    return start > 0 and text[start - 1] in ".!?…"


class _AfterSentence:
    """A credit pattern that starts after a sentence, for ``re``, which has
    no lookbehind of varying width: the rest of the pattern is tried where
    ``_after_sentence`` holds. The matches are those of the ``regex``
    pattern (tested)."""

    def __init__(self, rest: Any) -> None:
        self.rest = rest

    def search(self, text: str, pos: int = 0) -> Any:
        if pos == 0:
            match = self.rest.match(text, 0)
            if match:
                return match
        for hit in _AFTER_CANDIDATE.finditer(text, max(0, pos - 1)):
            at = hit.end()
            if at >= pos and _after_sentence(text, at):
                match = self.rest.match(text, at)
                if match:
                    return match
        return None

    def fullmatch(self, text: str) -> Any:
        return self.rest.fullmatch(text)  # the start is after a sentence


class _PlainCredits(dict):  # type: ignore[type-arg]
    """The credit patterns for plain text, each translated and compiled when
    first asked for: a caption closed by "(AP Photo/...)" needs only the
    first (the eight cost ~14 ms to compile)."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, key: str) -> Any:
        compiled = re.compile(translate(self.sources[key], native=True))
        value = _AfterSentence(compiled) if key in _AFTER_KEYS else compiled
        self[key] = value
        return value


@functools.lru_cache(maxsize=16)
def compile_plain_credits(names: tuple[str, ...]) -> dict[str, Any] | None:
    """The credit patterns for plain text (newslint.text.plain) as ``re``
    patterns with the same matches (the keys of ``compile_credits``, each
    compiled on first use), or None when a name is not plain."""
    if not translatable("".join(names)):
        return None
    return _PlainCredits(_credit_sources(names, re.escape, after=""))


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


_CREDIT_TOKEN = PlainOr(r"[\p{Lu}][\p{L}\p{N}'’&.-]*(?:/[\p{L}\p{N}'’&. -]+)*$")


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
        plain_patterns: dict[str, Any] | None = None
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
            # re patterns on a plain line (when the names are plain too)
            if translatable(text):
                if plain_patterns is None:
                    plain_patterns = compile_plain_credits(names)
                chosen = plain_patterns
            else:
                chosen = None
            if chosen is None:
                if patterns is None:
                    patterns = compile_credits(names)
                chosen = patterns
            start = self._credit_start(text, chosen, max(0, len(text) - 300))
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
