"""Quotations: the quoted spans of an article, their words and their speaker.

A *quotation* is the text between a pair of quotation marks inside one
paragraph: “…” (and „…“, «…»), straight "…", and single ‘…’ / '…' outside a
double-quoted span. Mismatched marks are common in scraped copy and are
accepted: a ’ or ” at the start of a word opens a double quotation when the
next mark in the paragraph is a closing ”. A quotation left open at the end
of its paragraph continues in the next paragraph when that one starts with an
opening mark (the newspaper convention for multi-paragraph quotes).

The *speaker* is the name a speech verb attaches to the quotation nearby:
after it (`“…,” Putin said`, `“…,” said Mr Putin`, `“…,” Karine Jean-Pierre,
a spokeswoman, said`), or before it in the same sentence (`Putin told Xi:
“…”`, `Xi was careful, saying “…”`). `he`/`she` resolve to the previous named
speaker of the article; a paragraph that is all quotation without attribution
inherits the speaker of the quotation just before it. Unknown speakers are
``None``: the speaker is evidence, never a guess.

Words are normalised for comparing wordings across sources: case, accents,
apostrophe style, contractions ("we’ve" = "we have", "cannot" = "can not"),
British and American spelling ("organise" = "organize", "colour" = "color"),
abbreviations ("U.S." = "US" = "United States"), number words ("two" = "2")
and hyphenation (hyphens split words; callers compare joined blocks).

Everything works on ``Document.prose`` so offsets are file offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from newslint.document import Document
from newslint.patterns import lazy
from newslint.text.names import one_slip

# -- quotation marks ---------------------------------------------------------------

_OPENERS = "“„«"
_CLOSERS = "”»"
_ANY_DOUBLE = '“”„«»"'
_WORDCHAR = lazy(r"\w")


@dataclass(frozen=True)
class Quote:
    """One quoted span. ``start``/``end`` delimit the text inside the marks."""

    start: int
    end: int
    text: str
    paragraph: int
    #: The opening mark's offset (``start`` - 1) and whether a closing mark was found.
    closed: bool = True
    #: True when this span continues an unclosed quotation of the previous paragraph.
    continued: bool = False
    #: The speaker as written ("Mr Putin"), or None.
    speaker: str | None = None
    #: Lowercase name words of the speaker without titles ({"vladimir", "putin"}).
    speaker_key: tuple[str, ...] = ()
    #: How the speaker was found: "after", "before", "pronoun", "continued" or "".
    attribution: str = ""
    words: list[tuple[str, int, int]] = field(default_factory=list)
    #: Word indices an ellipsis stands before ("We came … and won": [2]); an
    #: index equal to ``len(words)`` is an ellipsis at the end.
    gaps: list[int] = field(default_factory=list)


_MARKS = lazy(
    "["
    + re.escape("".join(sorted(set(_OPENERS) | set(_CLOSERS) | set("\"”’‘'“„"))))
    + "]"
)


def _prev_char(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else " "


def _next_char(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


def _spans_in_paragraph(
    text: str, lo: int, hi: int
) -> list[tuple[int, int, bool, str]]:
    """(start, end, closed, kind) of the quoted spans in ``text[lo:hi]``.

    ``kind`` is "double" or "single"; start/end exclude the marks.
    """
    out: list[tuple[int, int, bool, str]] = []
    open_at: int | None = None
    opener = ""
    skip_until = lo
    # Only quotation marks change the state: visit them, not every character.
    for mark in _MARKS.finditer(text, lo, hi):
        i = mark.start()
        if i < skip_until:
            continue
        ch = text[i]
        before, after = _prev_char(text, i, lo), _next_char(text, i, hi)
        if open_at is None:
            if ch in _OPENERS or ch == '"':
                open_at, opener = i + 1, ch
            elif ch == "”" and (before.isspace() or i == lo):
                # A closing mark used as an opener (garbled copy): accept only
                # when another ” closes it later in the paragraph.
                if text.find("”", i + 1, hi) != -1:
                    open_at, opener = i + 1, ch
            elif ch in "’‘'" and (i == lo or before.isspace() or before in "([—–-"):
                nxt = _next_mark(text, i + 1, hi)
                if ch in "’‘" and nxt == "”" and after.isalpha():
                    # ’We’ve made clear…” — a mismatched double opener.
                    open_at, opener = i + 1, "“"
                elif ch != "’" and (after.isalnum()):
                    end = _single_close(text, i + 1, hi, "’" if ch == "‘" else "'")
                    if end is not None:
                        out.append((i + 1, end, True, "single"))
                        skip_until = end + 1
                        continue
        else:
            closes = (
                ch == '"'
                if opener == '"'
                else (ch in _CLOSERS or (opener == "„" and ch == "“"))
            )
            if closes:
                out.append((open_at, i, True, "double"))
                open_at = None
            elif ch in "“„" and opener != "„":
                # A new opener while open: the previous quotation lacked its
                # closing mark; end it before this one.
                out.append((open_at, _rstrip(text, open_at, i), False, "double"))
                open_at, opener = i + 1, ch
    if open_at is not None and open_at < hi:
        out.append((open_at, hi, False, "double"))
    return out


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _next_mark(text: str, lo: int, hi: int) -> str:
    for j in range(lo, hi):
        if text[j] in _ANY_DOUBLE:
            return text[j]
    return ""


def _single_close(text: str, lo: int, hi: int, mark: str) -> int | None:
    """Offset of the single closing mark of a ‘…’ span opened before ``lo``."""
    j = lo
    while j < hi:
        ch = text[j]
        if ch in _ANY_DOUBLE:
            return None
        if ch == mark or (mark == "’" and ch == "'"):
            after = _next_char(text, j, hi)
            before = _prev_char(text, j, lo)
            # An apostrophe inside a word (China’s, don’t) does not close.
            if not after.isalnum() and not before.isspace():
                # "the players’ union": plural possessive, not a closing mark,
                # when a lowercase word follows directly.
                if before == "s" and after == " " and text[j + 2 : j + 3].islower():
                    j += 1
                    continue
                return j
        j += 1
    return None


# -- speakers -----------------------------------------------------------------

SPEECH_VERBS = frozenset(
    """
    said says say told tells added adds stated states declared declares noted notes
    wrote writes asked asks replied replies insisted insists argued argues warned warns
    explained explains remarked quipped joked continued recalled acknowledged admitted
    conceded stressed emphasised emphasized urged pledged promised vowed announced
    claimed tweeted posted commented observed suggested gibed taunted responded
    answered added cautioned complained boasted predicted concluded affirmed
    """.split()
)
PARTICIPLES = frozenset(
    "saying adding telling noting warning insisting arguing stressing explaining"
    " declaring writing asking calling".split()
)
TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor emeritus president premier prime minister
    foreign defence defense interior finance secretary chancellor senator sen rep
    gov governor general gen mayor king queen prince princess pope sir dame lord
    lady judge justice chief executive spokesman spokeswoman spokesperson
    ambassador commissioner director chairman chairwoman chair ceo deputy vice
    state press white house leader officer head coach captain colonel col lt
    sergeant sgt councillor councilor
    """.split()
)
_PRONOUNS = frozenset({"he", "she"})
_NAME_WORD = r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.)"
_NAME_RUN = lazy(
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:bin|al|de|van|von|da|di|le|la)[ \t]+)?{_NAME_WORD})*"
)
_SENTENCE_START_WORDS = frozenset(
    """
    the a an but and or so yet however meanwhile still also then in on at
    after before during while when as it this that these those there here
    his her their its our we they i you speaking asked
    """.split()
)
_ADVERBS = frozenset(
    "also later then has had have would will again once previously".split()
)


def _name_key(name: str) -> tuple[str, ...]:
    words = [
        fold(w).lower().strip(".,;:").removesuffix("'s")
        for w in re.split(r"[ \t\n]+", name.replace("’", "'"))
    ]
    return tuple(w for w in words if w and w not in TITLES)


def fold(word: str) -> str:
    """Accents removed (é -> e), typographic apostrophes made straight."""
    word = word.replace("’", "'").replace("‘", "'")
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_NOT_NAMES = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december today
    yesterday tonight
    """.split()
)


def _clean_name(run: str) -> str | None:
    words = run.split()
    while words and words[0].lower().strip(".") in _SENTENCE_START_WORDS:
        words.pop(0)
    while words and fold(words[-1]).lower().strip(".").removesuffix("'s") in _NOT_NAMES:
        words.pop()
    name = " ".join(words).rstrip(".")
    name = re.sub(r"[’']s$", "", name)
    return name if name and _name_key(name) else None


def _words(segment: str) -> list[tuple[str, int, int]]:
    return [
        (m.group(0), m.start(), m.end()) for m in re.finditer(r"[\w’'\-.]+", segment)
    ]


def _speaker_after(segment: str, quoted: str) -> tuple[str | None, str]:
    """Speaker named after a quotation: `, Putin said` / `, said Putin` / `, he added`.

    Only when the quotation ends its clause: its text ends with a comma (or
    ! ?), or punctuation follows the closing mark (`“…”, Putin said`).
    """
    if not (
        re.search(r"[,!?…—–-]$", quoted.rstrip()) or re.match(r"^\s*[,—–]", segment)
    ):
        return None, ""
    match = re.match(r"^[\s,.;:!?—–\-]*", segment)
    rest = segment[match.end() if match else 0 :]
    stop = re.search(r"[.!?;:](?=\s|$)|[“”\"«»]", rest)
    clause = rest[: stop.start()] if stop else rest
    words = _words(clause)[:16]
    for k, (word, s, _e) in enumerate(words):
        low = word.lower().strip(".")
        if low not in SPEECH_VERBS:
            continue
        pre = clause[:s].strip()
        if len(pre.split()) > 14:
            return None, ""
        if not pre:
            # `said Mr Putin` / `said Xi, who …`
            after_verb = clause[words[k][2] :].lstrip()
            run = _NAME_RUN.match(after_verb)
            if run:
                name = _clean_name(run.group(0))
                if name:
                    return name, "after"
            return None, ""
        if pre.lower() in _PRONOUNS or (
            pre.split()[0].lower() in _PRONOUNS
            and all(w.lower() in _ADVERBS for w in pre.split()[1:])
        ):
            return pre.split()[0].lower(), "pronoun"
        # `Karine Jean-Pierre, a spokeswoman at …, said`: the name before the comma.
        head = pre.split(",")[0].strip()
        tokens = head.split()
        while tokens and tokens[-1].lower() in _ADVERBS:
            tokens.pop()
        head = " ".join(tokens)
        runs = list(_NAME_RUN.finditer(head))
        if runs and runs[-1].end() == len(head):
            name = _clean_name(runs[-1].group(0))
            if name:
                return name, "after"
        return None, ""
    return None, ""


def _speaker_before(segment: str) -> tuple[str | None, str]:
    """Speaker named before a quotation in the same sentence."""
    # The sentence the quotation is in: from the last sentence end.
    cut = 0
    for m in re.finditer(r"[.!?][”\"’]?\s+(?=[“\"‘A-Z])", segment):
        cut = m.end()
    sentence = segment[cut:]
    words = _words(sentence)
    verbs = [
        (k, w)
        for k, w in enumerate(words)
        if w[0].lower().strip(".,:") in SPEECH_VERBS | PARTICIPLES
    ]
    if not verbs:
        return None, ""
    _k, (word, s, _e) = verbs[0]
    low = word.lower().strip(".,:")
    if low in PARTICIPLES:
        # `Xi was careful, saying “…”`: the subject starting the sentence.
        run = _NAME_RUN.match(sentence.lstrip())
        if run:
            after = sentence.lstrip()[run.end() : run.end() + 40]
            nxt = after.split()[0] if after.split() else ""
            if nxt[:1].islower() or nxt == ",":
                name = _clean_name(run.group(0))
                if name:
                    return name, "before"
        first = sentence.split()[0].lower() if sentence.split() else ""
        if first in _PRONOUNS:
            return first, "pronoun"
        return None, ""
    pre = sentence[:s].rstrip()
    tokens = pre.split()
    while tokens and tokens[-1].lower() in _ADVERBS:
        tokens.pop()
    if tokens and tokens[-1].lower() in _PRONOUNS:
        return tokens[-1].lower(), "pronoun"
    # `Its head, Lise Marrow, said:` — the name before the verb's comma.
    pre = " ".join(tokens).rstrip(",")
    runs = list(_NAME_RUN.finditer(pre))
    if runs and runs[-1].end() == len(pre):
        name = _clean_name(runs[-1].group(0))
        if name:
            return name, "before"
    return None, ""


# -- word normalisation -------------------------------------------------------

_TOKEN = lazy(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N., e.g.
    r"|\d+(?:[.,]\d+)*%?"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*['’]?"
    r"|%"
)
_ABBREVIATIONS = {
    "u.s.": "us_",
    "us": "us_",
    "usa": "us_",
    "u.s.a.": "us_",
    "u.n.": "un_",
    "un": "un_",
    "u.k.": "uk_",
    "a.m.": "am",
    "p.m.": "pm",
    "uk": "uk_",
    "e.u.": "eu_",
    "eu": "eu_",
}
_PAIRS = {
    ("united", "states"): "us_",
    ("united", "nations"): "un_",
    ("united", "kingdom"): "uk_",
    ("european", "union"): "eu_",
    ("per", "cent"): "percent",
}
_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve"
        " thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBERS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100"})
_IS_PRONOUNS = frozenset("it that there here what who where he she how".split())
_CONTRACTIONS = {
    "can't": ["can", "not"],
    "cannot": ["can", "not"],
    "won't": ["will", "not"],
    "shan't": ["shall", "not"],
    "ain't": ["is", "not"],
    "let's": ["let", "us"],
}
_SUFFIXES = (
    ("n't", ["not"]),
    ("'re", ["are"]),
    ("'ve", ["have"]),
    ("'ll", ["will"]),
    ("'d", ["would"]),
    ("'m", ["am"]),
)
_SPELLING = {
    "programme": "program",
    "programmes": "programs",
    "grey": "gray",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "towards": "toward",
    "amongst": "among",
    "whilst": "while",
    "judgement": "judgment",
    "ageing": "aging",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "aluminium": "aluminum",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "skilful": "skillful",
    "instalment": "installment",
    "practise": "practice",
    "analogue": "analog",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "cheque": "check",
    "tyre": "tire",
    "pyjamas": "pajamas",
    "plough": "plow",
    "mould": "mold",
    "storey": "story",
    "kerb": "curb",
    "draught": "draft",
}
_DOUBLE_L = lazy(
    r"^(travel|cancel|label|model|counsel|fuel|level|signal|total|marvel|jewel|"
    r"channel|tunnel|dial|duel|equal|rival|quarrel|shovel|pencil|panel|libel|"
    r"worship|kidnap)(l|p)(ed|ing|er|ers)$"
)


def canonical(word: str) -> str:
    """A spelling-neutral form of a lowercase word (British = American)."""
    if word in _SPELLING:
        return _SPELLING[word]
    match = _DOUBLE_L.match(word)
    if match:
        return match.group(1) + match.group(3)
    if len(word) > 4:
        word = re.sub(r"is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1", word)
        word = re.sub(r"ys(e|ed|es|ing)$", r"yz\1", word)
        word = re.sub(
            r"([^aeiou])our(s|ed|ing|ite|ites|able|ful|less|er|ers)?$", r"\1or\2", word
        )
        word = re.sub(r"([^aeiou]|me|li|ea|ee|ei)tre(s|d)?$", r"\1ter\2", word)
        word = re.sub(r"^(fi|cali|som|sa|mea|lus)(b|g|t)re(s|d)?$", r"\1\2er\3", word)
    return word


def normalise_token(raw: str) -> list[str]:
    """The normalised word(s) of one token: contractions give two words."""
    word = fold(raw)
    if word.lower() in _ABBREVIATIONS and (word.isupper() or "." in word):
        return [_ABBREVIATIONS[word.lower()]]
    word = word.lower().strip("'")
    if word == "%":
        return ["percent"]
    if word.endswith("%"):
        return [word[:-1].replace(",", ""), "percent"]
    if word in _CONTRACTIONS:
        return list(_CONTRACTIONS[word])
    for suffix, expansion in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            return [canonical(stem), *expansion]
    if word.endswith("'s") and word[:-2] in _IS_PRONOUNS:
        return [word[:-2], "is"]
    if word in _NUMBERS:
        return [_NUMBERS[word]]
    if word[:1].isdigit():
        return [word.replace(",", "")]
    return [canonical(word)]


def quote_words(text: str, base: int = 0) -> list[tuple[str, int, int]]:
    """Normalised words of ``text`` with their offsets (``base`` added)."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        for word in normalise_token(m.group(0)):
            out.append((word, base + m.start(), base + m.end()))
    merged: list[tuple[str, int, int]] = []
    for item in out:
        if merged and (merged[-1][0], item[0]) in _PAIRS:
            prev = merged.pop()
            merged.append((_PAIRS[(prev[0], item[0])], prev[1], item[2]))
        else:
            merged.append(item)
    return merged


_ELLIPSIS = lazy(r"…|\.[ \u00a0]?\.[ \u00a0]?\.")


def ellipsis_gaps(
    text: str, words: list[tuple[str, int, int]], base: int = 0
) -> list[int]:
    """Indices of the words an ellipsis in ``text`` stands before.

    An ellipsis ("…", "...", ". . .", also in brackets) marks words left out
    of a quotation; an index equal to ``len(words)`` is one at the end.
    """
    gaps: list[int] = []
    k = 0
    for m in _ELLIPSIS.finditer(text):
        at = base + m.start()
        while k < len(words) and words[k][1] < at:
            k += 1
        if not gaps or gaps[-1] != k:
            gaps.append(k)
    return gaps


# -- extraction ----------------------------------------------------------------


def extract_quotes(doc: Document) -> list[Quote]:
    """Every quotation of ``doc`` in reading order, speakers resolved."""
    prose = doc.prose
    quotes: list[Quote] = []
    last_speaker: tuple[str | None, tuple[str, ...]] = (None, ())
    prev_open = False  # the previous paragraph ended inside a quotation
    prev_para_quote: Quote | None = None
    prev_quote_end = 0
    known: set[str] = set()  # name words of the speakers named so far
    for index, para in enumerate(doc.paragraphs):
        spans = _spans_in_paragraph(prose, para.start, para.end)
        found: list[Quote] = []
        for k, (start, end, closed, _kind) in enumerate(spans):
            inner_start, inner_end = start, end
            while inner_start < inner_end and prose[inner_start].isspace():
                inner_start += 1
            inner_end = _rstrip(prose, inner_start, inner_end)
            if inner_end <= inner_start:
                continue
            continued = k == 0 and prev_open and start - 1 == para.start
            # The text around: up to the previous / next quotation of the paragraph.
            left = spans[k - 1][1] + 1 if k else para.start
            right = spans[k + 1][0] - 1 if k + 1 < len(spans) else para.end
            speaker, how = _speaker_after(
                prose[min(end + 1, para.end) : right], prose[inner_start:inner_end]
            )
            if speaker is None:
                speaker, how = _speaker_before(prose[left : max(left, start - 1)])
            key: tuple[str, ...] = ()
            pronoun = (speaker or "").lower()
            if how == "pronoun":
                # The person last mentioned since the previous quotation (`Dahl
                # told us … “…,” he said`), else the previous named speaker.
                window = max(
                    prev_quote_end,
                    doc.paragraphs[index - 1].start if index else para.start,
                )
                before = prose[window : max(window, start - 1)]
                mention = _last_person(before, known)
                if mention:
                    last_speaker = (mention, _name_key(mention))
                    speaker, key = last_speaker
                elif _ROLE_MENTION.search(before):
                    # "The mayor opens the debate. “…,” she tells the chamber":
                    # someone named only by a role since the last quotation,
                    # not the previous speaker (a live blog runs backwards)
                    speaker, key = None, ()
                else:
                    speaker, key = last_speaker
                if speaker and _GENDER.get(speaker.split()[0].lower()) == (
                    "m" if pronoun == "she" else "f"
                ):
                    speaker, key = None, ()  # "she" is not "Mr Dahl"
                how = "pronoun" if speaker else ""
            elif speaker:
                key = _name_key(speaker)
                last_speaker = (speaker, key)
            if key and how != "pronoun":
                known.update(key)
            prev_quote_end = end + 1
            inner_text = doc.text[inner_start:inner_end]
            words = quote_words(inner_text, inner_start)
            found.append(
                Quote(
                    start=inner_start,
                    end=inner_end,
                    text=inner_text,
                    paragraph=index,
                    closed=closed,
                    continued=continued,
                    speaker=speaker,
                    speaker_key=key,
                    attribution=how,
                    words=words,
                    gaps=ellipsis_gaps(inner_text, words, inner_start),
                )
            )
        # A quotation split by its attribution (`“…,” he said. “…”`) has one
        # speaker: a piece without one takes its neighbour's when only a short
        # attribution stands between them.
        for k in range(len(found)):
            if found[k].speaker:
                continue
            for j in (k - 1, k + 1):
                if (
                    0 <= j < len(found)
                    and found[j].speaker
                    and found[j].attribution != "paragraph"
                ):
                    gap = prose[
                        min(found[j].end, found[k].end) : max(
                            found[j].start, found[k].start
                        )
                    ]
                    if len(gap.split()) <= 8:
                        found[k] = _with_speaker(found[k], found[j], "paragraph")
                        break
        if any(q.speaker for q in found):
            pass
        elif found and prev_para_quote is not None and prev_para_quote.speaker:
            # A paragraph that is all quotation, right after a quoted paragraph,
            # without attribution: the same speaker goes on.
            outside = _outside(prose, para.start, para.end, spans)
            if not re.search(r"\w", outside):
                found = [_with_speaker(q, prev_para_quote, "continued") for q in found]
        quotes.extend(found)
        prev_open = bool(spans) and not spans[-1][2]
        prev_para_quote = found[-1] if found else None
    return quotes


_SAYS_AFTER = lazy(
    # `Visser, a former detective who works for insurers, said`: an apposition.
    r"(?:,[ \t\n]+(?:a|an|the|who|whose)\b[^.;:“”\"]{0,80},)?"
    r",?[ \t\n]+(?:[a-z]+ly[ \t\n]+|also[ \t\n]+|later[ \t\n]+)?("
    + "|".join(sorted(SPEECH_VERBS | {"spoke", "speaks", "wants", "believes"}))
    + r")\b"
)


_AGE_AFTER = lazy(r",[ \t]*\d{1,3},")
#: "the mayor", "The police chief": a person named by a role only.
_ROLE_MENTION = lazy(
    r"\b[Tt]he[ \t]+(?:[a-z]+[ \t]+)?(?:"
    + "|".join(sorted(t for t in TITLES if len(t) > 3))
    + r")\b(?![ \t]+[A-Z])"
)

_GENDER = {"mr": "m", "ms": "f", "mrs": "f", "miss": "f", "sir": "m", "dame": "f"}
_NOT_PEOPLE = frozenset("he she i we they you it his her its their our".split())


def _last_person(text: str, known: set[str]) -> str | None:
    """The last person named in ``text``: a name a speech verb follows
    (`Erik Dahl told us`), one with a title (`Ms Okafor says`), or a speaker
    named earlier in the article. None when there is none."""
    found = None
    for run in _NAME_RUN.finditer(text):
        # A run does not go on over a sentence end ("… Achterberg. Mr Achterberg").
        piece = re.split(r"(?<=[a-z\u00e0-\u017f]{2})\.\s+", run.group(0))[-1]
        name = _clean_name(piece)
        if not name or name.lower() in _NOT_PEOPLE:
            continue
        key = _name_key(name)
        words = name.split()
        before = text[: run.end() - len(piece)].split()[-1:]
        if (
            _SAYS_AFTER.match(text, run.end())
            # `Tomas Velic, 34, has been speaking`: an apposed age
            or (len(words) >= 2 and _AGE_AFTER.match(text, run.end()))
            or len(words) > len(key)
            or (before and before[0].lower().strip(",;:") in TITLES)
            or known.intersection(key)
        ):
            found = name
    return found


def _with_speaker(q: Quote, source: Quote, how: str) -> Quote:
    from dataclasses import replace

    return replace(
        q, speaker=source.speaker, speaker_key=source.speaker_key, attribution=how
    )


def _outside(
    prose: str, lo: int, hi: int, spans: list[tuple[int, int, bool, str]]
) -> str:
    parts, pos = [], lo
    for start, end, _closed, _kind in spans:
        parts.append(prose[pos : max(pos, start - 1)])
        pos = end + 1
    parts.append(prose[pos:hi])
    return "".join(parts)


def same_speaker(
    a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]
) -> bool | None:
    """True (same person), False (different people) or None (unknown)."""
    if not a or not b:
        return None
    sa, sb = set(a), set(b)
    if sa <= sb or sb <= sa:
        return True
    # One name garbled by a letter: two words the same, each other word one
    # letter off a word of the other name ("Lucia Mendosa Yupanqui" / "Lucía
    # Mendoza Yupanqui"); or the same number of words, all the same but one
    # slip of the hand ("Lena Odvar" / "Lrna Odvar", "Kaya" / "Kya"). Two people of one family differ by more
    # ("Pemba Dorje" / "Pemba Nuru"), or in a short word ("Wang Hao" /
    # "Wang Tao"), or in a given name's ending ("Teodor" / "Teodora").
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if len(sa & sb) >= 2 and all(
        w in long_ or any(_one_letter_off(w, v) for v in long_ - short) for w in short
    ):
        return True
    if len(a) != len(b) or len(sa) != len(a) or len(sb) != len(b):
        return False
    slips = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(slips) == 1 and _one_slip(*slips[0])


def _one_letter_off(a: str, b: str) -> bool:
    if len(a) != len(b) or len(a) < 5:
        return False
    return sum(1 for x, y in zip(a, b, strict=True) if x != y) == 1


def _one_slip(a: str, b: str) -> bool:
    """One letter replaced, dropped, added or swapped with its neighbour,
    after the first letter and before the last, in words of four letters or
    more (the shorter at least three)."""
    if a[:1] != b[:1] or a[-1:] != b[-1:] or max(len(a), len(b)) < 4:
        return False
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return one_slip(a, b)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(1, len(long_) - 1))


def quote_facts(doc: Document) -> list[dict[str, Any]]:
    """JSON-able facts for each quotation, positions included."""
    out: list[dict[str, Any]] = []
    for q in doc.analysis("newslint.quotes", extract_quotes):
        line, column = doc.position(q.start)
        end_line, end_column = doc.position(q.end)
        out.append(
            {
                "text": q.text,
                "para": q.paragraph,
                "speaker": q.speaker,
                "who": list(q.speaker_key),
                "how": q.attribution,
                "cont": q.continued,
                "words": [list(w) for w in q.words],
                "gaps": q.gaps,
                "span": [q.start, q.end],
                "pos": [line, column, end_line, end_column],
                # Line starts of the lines the quotation spans, so that word
                # offsets can be turned into positions without the text.
                "lines": [
                    [n, doc.line_starts[n - 1]] for n in range(line, end_line + 1)
                ],
            }
        )
    return out
