#!/usr/bin/env python3
"""Injected-copy benchmark of the cross-source families (NN, NX, NQ).

    python benchmarks/quality/injected.py [FOLDER ...] [--seeds 1,2,3] [-k 2]
        [--mode verbatim|edited|all] [--keys key|nokey|all] [--edits LIST] [-v]

Each clean article of the corpus (default: nb/clean3, nb/clean and the
article texts of the nn, nx and nq story sets, markers stripped, duplicates
dropped) becomes a story of two sources: the original and a second version
of itself made by a seeded random transformer, the way a held-out set built
by pairing a real article with an automatically altered copy would look.

The transformer
  (a) optionally applies light edits, each on a flag (``--edits``):
      ``drop`` a body paragraph, ``reorder`` two sentences of a paragraph
      and two body paragraphs, ``headline`` (the lede's first clause
      becomes the headline), ``dateline`` (the agency or the whole
      dateline dropped), ``byline`` (added or dropped), ``style``
      ("per cent"/"percent"/"%", "Mr Smith"/"Smith", curly/straight
      quotation marks, "U.S."/"US");
  (b) injects K defects of each family at random eligible places (never
      in the headline):
      NN  one letter dropped, doubled, swapped with its neighbour or
          replaced (by a keyboard neighbour) in one word of a multi-word
          proper name (a capitalised run of two or more words of which
          the garbled one is not a common English word);
      NX  a number stating a fact changed: digits swapped (46 -> 64), the
          leading digit changed (200 -> 300), a spelled-out number changed
          (two -> five) or a duration's unit changed (decades -> years);
          never a year, a clock time, a date, an ordinal, an identifier
          (Covid-19, F-16, Route 9) or a street number;
      NQ  a word replaced, dropped or inserted, or swapped for a
          near-synonym, inside a quotation of five or more words.

Both sources are written into one temporary folder (all stories of a batch
together; a batch never holds two articles of one original story) and linted
with ``newslint --isolated --no-cache --format json --select NN,NX,NQ``,
with a shared ``story:`` front-matter key (``key``) or without any front
matter, so that similarity grouping must find the pair (``nokey``).

Scoring. Each injection has a region in both sources: the changed word or
number in each, or the whole quotation for NQ (the unit NQ101 reports). The
rules report "here vs there" and may report both sides of one disagreement,
so an injection counts as found when a finding of its family overlaps its
region in *either* source; every finding that overlaps a region of its own
family is a true positive (both sides of one injection are two true
positives). A finding of one family on another family's injection (an NQ
finding on a number changed inside a quotation) is counted apart, neither
hit nor false positive, and so is a finding on text the original article is
reported for on its own (a base article's own in-article garble, listed as
pre-existing). Any other finding is a false positive. The clean
baseline lints the same pairs with the light edits and no injection: every
finding there is a false positive.

``-v`` lists every miss (with the garble's word frequency, since a garble
that makes a real word is a fair miss) and every false positive.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from multisource import load  # noqa: E402

DEFAULT_FOLDERS = [
    "nb/clean3",
    "nb/clean",
    *(
        f"{fam}/{s}"
        for fam in ("nn", "nx", "nq")
        for s in ("stories", "fresh", "fresh2", "fresh3", "fresh4")
    ),
]
FAMILIES = ("NN", "NX", "NQ")
EDITS = ("drop", "reorder", "headline", "dateline", "byline", "style")

OPEN, CLOSE, ID0 = "\ue000", "\ue001", 0xE100
MARKS = OPEN + CLOSE
MARK_CLASS = "\ue000-\ue1ff"  # markers and their id characters, for character classes

FRONT_MATTER = re.compile(r"\A(?:---\n.*?\n---\n|\+\+\+\n.*?\n\+\+\+\n)", re.S)
URLISH = re.compile(r"https?://\S+|\]\([^)]*\)|<[^>]+>")

# ---------------------------------------------------------------- eligibility

NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)+")
TITLE_WORD = re.compile(r"[A-Z][a-z]{3,}")
FUNCTION_CAPS = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "For",
    "If",
    "When",
    "As",
    "After",
    "Before",
    "By",
    "From",
    "To",
    "Of",
    "It",
    "He",
    "She",
    "They",
    "We",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "There",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
}
KEYBOARD = {
    "q": "wa",
    "w": "qes",
    "e": "wrd",
    "r": "etf",
    "t": "ryg",
    "y": "tuh",
    "u": "yij",
    "i": "uok",
    "o": "ipl",
    "p": "ol",
    "a": "qsz",
    "s": "adw",
    "d": "sfe",
    "f": "dgr",
    "g": "fht",
    "h": "gjy",
    "j": "hku",
    "k": "jli",
    "l": "ko",
    "z": "xa",
    "x": "zc",
    "c": "xv",
    "v": "cb",
    "b": "vn",
    "n": "bm",
    "m": "n",
}

MONTHS = (
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|"
    "April|May|June|July|August|September|October|November|December"
)
NUMBER = re.compile(
    r"(?<![\w.,:/+-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,:/-]|\.\d)|(?<![\w.,:/+-])\d+(?:\.\d+)?(?![\w,:/-]|\.\d)"
)
BEFORE_ID = re.compile(
    rf"(?:\b(?:{MONTHS})\.?|\bNo\.?|\b(?:Route|Highway|Interstate|Gate|Room|Flight|Platform|"
    r"Channel|Article|Section|section|Chapter|chapter|page|Page|Terminal|Pier|Bus|Line|line|"
    r"Unit|Ward|Bay|Level|Stage|Exit|Junction|Block|Apartment|Suite|Lot|Lane|Box|Gates|"
    r"Category|Grade|Year|Covid|COVID|Windows|iPhone|Boeing|Airbus|version|Version|at|"
    r"kilometer|kilometre|km|Km|mile|milepost)|[#°^])\s?$"
)
AFTER_ID = re.compile(
    rf"\s?(?:[ap]\.?m\b|[ap]\.m\.|GMT|BST|CET|UTC|ET\b|local time|o'clock|hrs\b|h\d|"
    rf"(?:st|nd|rd|th)\b|(?:{MONTHS})\b|[A-Z][a-z]+ (?:Street|St|Road|Rd|Avenue|Ave|Lane|"
    r"Boulevard|Blvd|Way|Drive|Place|Square|Court|Terrace)\b|-\d|–\d|/\d|\.\d\d?\b)"
)
SPELLED = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "hundreds": 100,
    "thousands": 1000,
    "dozens": 12,
}
SPELLED_SWAP = {
    "units": ["two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "teens": ["ten", "eleven", "twelve", "fifteen"],
    "tens": [
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
    ],
    "plural": ["dozens", "hundreds", "thousands"],
}
SPELLED_RE = re.compile(
    r"\b(" + "|".join(sorted(SPELLED, key=len, reverse=True)) + r")\b(?= [a-z%])", re.I
)
DURATION_SWAP = {
    "decades": "years",
    "years": "decades",
    "months": "weeks",
    "weeks": "months",
    "days": "weeks",
    "hours": "days",
    "minutes": "hours",
    "decade": "year",
    "year": "decade",
    "month": "week",
    "week": "month",
    "hour": "day",
}
DURATION = re.compile(
    r"\b(?:\d+(?:\.\d+)?|" + "|".join(SPELLED) + r"|a|one|several|few)"
    r"[ -](decades|years|months|weeks|days|hours|minutes|decade|year|month|week|hour)\b"
    r"(?! (?:old|ago|earlier|later|before|after))(?!-old)",
    re.I,
)

QUOTE = re.compile(r"“[^“”\n]+”|\"[^\"\n]+\"")
QUOTE_WORD = re.compile(r"[A-Za-z][a-z’']*")
SYNONYMS = {
    "big": "large",
    "large": "big",
    "help": "assist",
    "quickly": "fast",
    "fast": "quickly",
    "happy": "glad",
    "glad": "happy",
    "begin": "start",
    "start": "begin",
    "think": "believe",
    "believe": "think",
    "many": "numerous",
    "small": "little",
    "little": "small",
    "hard": "difficult",
    "difficult": "hard",
    "need": "require",
    "want": "wish",
    "people": "residents",
    "children": "kids",
    "kids": "children",
    "angry": "furious",
    "sure": "certain",
    "certain": "sure",
    "important": "vital",
    "work": "job",
    "job": "work",
    "house": "home",
    "home": "house",
    "safe": "secure",
    "very": "really",
    "really": "very",
    "afraid": "scared",
    "scared": "afraid",
    "terrible": "awful",
    "awful": "terrible",
    "great": "huge",
    "huge": "great",
    "say": "tell",
    "told": "said",
    "said": "told",
    "get": "receive",
    "got": "received",
    "make": "create",
    "keep": "hold",
    "now": "today",
    "today": "now",
    "must": "should",
    "should": "must",
    "will": "would",
    "would": "will",
    "can": "could",
    "could": "can",
    "never": "not",
    "always": "often",
    "often": "always",
    "every": "each",
    "each": "every",
    "all": "every",
    "know": "understand",
    "problem": "issue",
    "issue": "problem",
    "money": "cash",
    "town": "city",
    "city": "town",
    "fight": "battle",
    "quiet": "calm",
    "calm": "quiet",
    "shocked": "stunned",
    "worried": "concerned",
    "concerned": "worried",
    "proud": "pleased",
    "pleased": "proud",
    "everything": "everyone",
    "everyone": "everybody",
    "nothing": "none",
    "better": "stronger",
    "water": "river",
    "bad": "poor",
    "good": "fine",
    "fine": "good",
    "lot": "deal",
}
FILLERS = [
    "really",
    "very",
    "all",
    "just",
    "never",
    "still",
    "also",
    "certainly",
    "not",
    "even",
]
OTHER_WORDS = [
    "things",
    "people",
    "times",
    "matters",
    "plans",
    "hopes",
    "days",
    "streets",
    "lives",
    "rules",
]

# -------------------------------------------------------------- light edits

SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?(?= +[A-Z“\"" + MARK_CLASS + "])")
ABBREV_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|[A-Z])\.$"
)
DATELINE = re.compile(
    r"\A([A-Z][A-Z.'’ -]+(?:, [A-Z][A-Za-z. ]+)?)( ?\([^)\n]{2,30}\))? ?([—–-]{1,2}) ?"
)
BYLINE = re.compile(r"\ABy [A-Z][^\n]{2,60}\Z")
BYLINES = [
    "By Mara Lindqvist, Staff Reporter",
    "By Tomasz Okafor",
    "By Staff and agencies",
]


def wordfreq_zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


@dataclass
class Injection:
    family: str
    kind: str
    before: str
    after: str
    regions: dict[str, tuple[int, int]] = field(
        default_factory=dict
    )  # side -> (start, end)
    found: set[str] = field(default_factory=set)


@dataclass
class Site:
    family: str
    start: int  # offsets into the original body
    end: int
    new: str
    kind: str
    region: tuple[int, int]  # region to score in the original body


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            out.append((pos, pos + len(block)))
        pos += len(block)
    return out


def headline_span(text: str) -> tuple[int, int] | None:
    paras = paragraphs(text)
    if not paras:
        return None
    s, e = paras[0]
    first = text[s:e]
    if (
        "\n" not in first.strip()
        and len(first.split()) <= 22
        and not first.rstrip().endswith((".", "”", '"'))
    ):
        return s, e
    return None


def blocked(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in URLISH.finditer(text)]
    head = headline_span(text)
    if head:
        spans.append(head)
    # Markdown headings, table rows and bylines are not prose facts.
    for m in re.finditer(r"(?m)^(?:#.*|\|.*|By [A-Z].*)$", text):
        spans.append(m.span())
    return spans


def inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def garble(word: str, rng: random.Random) -> tuple[str, str]:
    for _ in range(20):
        op = rng.choice(["drop", "double", "swap", "replace"])
        i = rng.randrange(1, len(word))
        low = word[i].lower()
        if op == "drop":
            new = word[:i] + word[i + 1 :]
        elif op == "double":
            new = word[: i + 1] + word[i] + word[i + 1 :]
        elif op == "swap":
            if i + 1 >= len(word) or word[i] == word[i + 1]:
                continue
            new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            if low not in KEYBOARD:
                continue
            new = word[:i] + rng.choice(KEYBOARD[low]) + word[i + 1 :]
        if new != word:
            return new, op
    return word[:1] + word[2:1:-1] + word[1] + word[3:], "swap"


def name_sites(text: str, rng: random.Random, block: list) -> list[Site]:
    sites = []
    for run in NAME_RUN.finditer(text):
        words = [
            (m.start() + run.start(), m.group())
            for m in re.finditer(r"[^ ]+", run.group())
        ]
        while words and words[0][1] in FUNCTION_CAPS:
            words.pop(0)
        clean = [(s, re.sub(r"(?:['’]s|[.,'’])$", "", w)) for s, w in words]
        if len(clean) < 2:
            continue
        cands = [
            (s, w)
            for s, w in clean
            if TITLE_WORD.fullmatch(w)
            and w not in FUNCTION_CAPS
            and wordfreq_zipf(w) < 4.5
            and w.lower() not in LOWER_VOCAB
        ]
        if not cands or not any(wordfreq_zipf(w) < 4.0 for _, w in cands):
            continue
        s, w = rng.choice(cands)
        if inside(block, s, s + len(w)):
            continue
        new, op = garble(w, rng)
        sites.append(Site("NN", s, s + len(w), new, op, (s, s + len(w))))
    return sites


def change_digits(num: str, rng: random.Random) -> tuple[str, str] | None:
    digits = [i for i, c in enumerate(num) if c.isdigit()]
    sig = [i for i in digits if num[i] != "0" or i != digits[0]]
    ops = []
    pairs = [
        (a, b)
        for a, b in pairwise(digits)
        if num[a] != num[b] and not (a == digits[0] and num[b] == "0")
    ]
    if pairs:
        ops.append("swap")
    ops.append("lead")
    op = rng.choice(ops)
    if op == "swap":
        a, b = rng.choice(pairs)
        chars = list(num)
        chars[a], chars[b] = chars[b], chars[a]
        return "".join(chars), "digits swapped"
    first = sig[0] if sig else digits[0]
    d = int(num[first])
    choices = [
        x for x in range(1, 10) if x != d and (len(digits) > 1 or abs(x - d) >= 2)
    ]
    chars = list(num)
    chars[first] = str(rng.choice(choices))
    return "".join(chars), "leading digit"


def number_sites(text: str, rng: random.Random, block: list) -> list[Site]:
    sites = []
    for m in NUMBER.finditer(text):
        s, e, num = m.start(), m.end(), m.group()
        plain = num.replace(",", "")
        if (
            "," not in num
            and "." not in num
            and len(plain) == 4
            and 1800 <= int(plain) <= 2100
        ):
            continue  # a year
        if BEFORE_ID.search(text[max(0, s - 14) : s]) or AFTER_ID.match(
            text[e : e + 20]
        ):
            continue
        if text[s - 1 : s] in "#" or re.match(r"[A-Z]", text[e : e + 1]):
            continue
        line_start = text.rfind("\n", 0, s) + 1
        if not text[line_start:s].strip() and text[e : e + 2] in (". ", ") "):
            continue  # list numbering
        if inside(block, s, e):
            continue
        if int(plain.split(".")[0] or 0) == 0 and "." not in plain:
            continue
        changed = change_digits(num, rng)
        if changed:
            sites.append(Site("NX", s, e, changed[0], changed[1], (s, e)))
    for m in SPELLED_RE.finditer(text):
        s, e, word = m.start(), m.end(), m.group()
        if inside(block, s, e):
            continue
        low = word.lower()
        group = (
            next(g for g, ws in SPELLED_SWAP.items() if low in ws)
            if any(low in ws for ws in SPELLED_SWAP.values())
            else None
        )
        if group is None:
            continue
        new = rng.choice([w for w in SPELLED_SWAP[group] if w != low])
        if word[0].isupper():
            new = new.capitalize()
        sites.append(Site("NX", s, e, new, "spelled number", (s, e)))
    for m in DURATION.finditer(text):
        s, e = m.span(1)
        if inside(block, s, e):
            continue
        unit = m.group(1)
        new = DURATION_SWAP.get(unit.lower())
        if new:
            sites.append(Site("NX", s, e, new, "duration unit", (m.start(), e)))
    return sites


def quote_sites(text: str, rng: random.Random, block: list) -> list[Site]:
    sites = []
    for q in QUOTE.finditer(text):
        if inside(block, *q.span()):
            continue
        words = [
            (q.start() + w.start(), w.group()) for w in QUOTE_WORD.finditer(q.group())
        ]
        if len(words) < 5:
            continue
        ops = ["replace", "drop", "insert", "synonym"]
        syn = [(s, w) for s, w in words if w.lower() in SYNONYMS]
        if not syn:
            ops.remove("synonym")
        op = rng.choice(ops)
        content = [
            (s, w) for s, w in words[1:] if len(w) >= 3 and w.islower()
        ] or words[1:]
        if op == "synonym":
            s, w = rng.choice(syn)
            new = SYNONYMS[w.lower()]
            new = new.capitalize() if w[0].isupper() else new
            sites.append(Site("NQ", s, s + len(w), new, op, q.span()))
        elif op == "replace":
            s, w = rng.choice(content)
            new = rng.choice([x for x in OTHER_WORDS if x != w])
            sites.append(Site("NQ", s, s + len(w), new, op, q.span()))
        elif op == "drop":
            s, w = rng.choice(content)
            # drop the word and the space before it
            sites.append(Site("NQ", s - 1, s + len(w), "", op + f" '{w}'", q.span()))
        else:
            s, w = rng.choice(words[1:])
            filler = rng.choice([x for x in FILLERS if x != w.lower()])
            sites.append(Site("NQ", s, s, filler + " ", op + f" '{filler}'", q.span()))
    return sites


def choose(text: str, rng: random.Random, k: int) -> list[Site]:
    block = blocked(text)
    chosen: list[Site] = []
    taken: list[tuple[int, int]] = []
    for finder in (quote_sites, number_sites, name_sites):
        cands = finder(text, rng, block)
        rng.shuffle(cands)
        n = 0
        for site in cands:
            if n >= k:
                break
            if inside(taken, *site.region) or inside(
                taken, site.start, max(site.end, site.start + 1)
            ):
                continue
            chosen.append(site)
            taken.append(site.region)
            n += 1
    return sorted(chosen, key=lambda s: s.start)


def apply_sites(text: str, sites: list[Site]) -> tuple[str, str]:
    """Original and copy bodies with markers around each site's region."""
    orig, copy, pos = [], [], 0
    # regions may be wider than the change (quotation, duration); build by events
    events = []
    for i, site in enumerate(sites):
        events.append((site.region[0], 0, i))
        events.append((site.region[1], 2, i))
        events.append((site.start, 1, i))
    events.sort()
    for at, what, i in events:
        orig.append(text[pos:at])
        copy.append(text[pos:at])
        pos = at
        tag = chr(ID0 + i)
        if what == 0:
            orig.append(OPEN + tag)
            copy.append(OPEN + tag)
        elif what == 2:
            orig.append(CLOSE)
            copy.append(CLOSE)
        else:
            site = sites[i]
            orig.append(text[site.start : site.end])
            copy.append(site.new)
            pos = site.end
    orig.append(text[pos:])
    copy.append(text[pos:])
    return "".join(orig), "".join(copy)


QUOTE_MARK = re.compile(r"[“”\"]|(?:^|(?<=\s))'|'(?=\s|$)")


def _prose(para: str) -> bool:
    """A one-line paragraph of running text (no heading, list, table, quote block)."""
    return "\n" not in para.strip() and not re.match(r"\s*(?:[#>|*+-]|\d+[.)])", para)


def split_sentences(para: str) -> list[str]:
    parts, last = [], 0
    for m in SENTENCE_END.finditer(para):
        if ABBREV_END.search(para[last : m.start()]):
            continue
        if para.count(OPEN, 0, m.start()) != para.count(CLOSE, 0, m.start()):
            continue  # never split a marked region
        parts.append(para[last : m.end()])
        last = m.end() + 1
    parts.append(para[last:])
    return [p for p in parts if p]


def edit(text: str, edits: set[str], rng: random.Random) -> str:
    paras = [text[s:e] for s, e in paragraphs(text)]
    head = headline_span(text) is not None
    body0 = 1 if head else 0
    if "style" in edits:
        text2 = "\n\n".join(paras)
        if "per cent" in text2:
            text2 = text2.replace("per cent", "percent")
        elif "percent" in text2:
            text2 = text2.replace("percent", "per cent")
        else:
            text2 = re.sub(r"(?<=\d)%", " percent", text2)
        text2 = re.sub(r"\b(?:Mr|Mrs|Ms|Dr)\.? (?=[A-Z])", "", text2)
        if "“" in text2:
            text2 = text2.translate(
                str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"})
            )
        else:
            text2 = re.sub(r"(^|[\s(" + MARK_CLASS + r'])"', r"\1“", text2)
            text2 = text2.replace('"', "”")
            text2 = re.sub(r"(?<=\w)'(?=\w)", "’", text2)
        text2 = (
            re.sub(r"\bU\.S\.(?= [a-z])", "US", text2)
            if "U.S." in text2
            else re.sub(r"\bUS\b", "U.S.", text2)
        )
        paras = [p for p in text2.split("\n\n")]
    if "dateline" in edits and len(paras) > body0:
        m = DATELINE.match(paras[body0])
        if m:
            if m.group(2) and rng.random() < 0.5:
                paras[body0] = (
                    paras[body0][: m.start(2)].rstrip()
                    + " "
                    + paras[body0][m.end(2) :].lstrip()
                )
            else:
                rest = paras[body0][m.end() :]
                paras[body0] = rest[:1].upper() + rest[1:]
    if "byline" in edits:
        at = [i for i, p in enumerate(paras) if BYLINE.match(p.strip())]
        if at:
            del paras[at[0]]
        else:
            paras.insert(body0, rng.choice(BYLINES))
    if "headline" in edits and len(paras) > body0:
        ledes = [p for p in paras[body0:] if not p.startswith("By ")]
        lede = DATELINE.sub("", ledes[0]) if ledes else ""
        clause = re.split(r"[,;:—–]|[.!?] ", lede.split("\n")[0], maxsplit=1)[0]
        words = [w for w in clause.split() if not any(c in MARKS for c in w)][:10]
        new_head = " ".join(words).rstrip(".")
        if new_head and not (head and OPEN in paras[0]):
            new_head = new_head[:1].upper() + new_head[1:]
            if head:
                paras[0] = ("# " if paras[0].startswith("# ") else "") + new_head
            else:
                paras.insert(0, new_head)
                body0 += 1
    if "reorder" in edits:
        # An editor moves whole sentences of prose: never inside a quotation,
        # a hard-wrapped paragraph, a list or a table.
        multi = [
            i
            for i, p in enumerate(paras)
            if i > body0
            and _prose(p)
            and not QUOTE_MARK.search(p)
            and len(split_sentences(p)) >= 2
        ]
        if multi:
            i = rng.choice(multi)
            sents = split_sentences(paras[i])
            j = rng.randrange(len(sents) - 1)
            sents[j], sents[j + 1] = sents[j + 1], sents[j]
            paras[i] = " ".join(s.strip() for s in sents)
        swaps = [
            j
            for j in range(body0 + 1, len(paras) - 1)
            if _prose(paras[j]) and _prose(paras[j + 1])
        ]
        if swaps:
            j = rng.choice(swaps)
            paras[j], paras[j + 1] = paras[j + 1], paras[j]
    if "drop" in edits:
        free = [
            i
            for i, p in enumerate(paras)
            if i > body0 and OPEN not in p and not p.startswith("By ")
        ]
        if len(paras) > body0 + 3 and free:
            del paras[rng.choice(free)]
    return "\n\n".join(paras) + "\n"


def unmark(text: str) -> tuple[str, dict[int, tuple[int, int]]]:
    out, regions, stack, pos, i = [], {}, [], 0, 0
    while i < len(text):
        c = text[i]
        if c == OPEN:
            stack.append((ord(text[i + 1]) - ID0, pos))
            i += 2
            continue
        if c == CLOSE:
            ident, start = stack.pop()
            regions[ident] = (start, pos)
            i += 1
            continue
        out.append(c)
        pos += 1
        i += 1
    return "".join(out), regions


# ------------------------------------------------------------------ running


@dataclass
class Pair:
    name: str
    group: str
    texts: dict[str, str]  # side -> body
    injections: list[Injection]


#: Words the corpus writes in lower case somewhere ("tourism", "councillor"):
#: a capitalised one is part of a title or an organisation, not a name to garble.
LOWER_VOCAB: set[str] = set()


def corpus(folders: list[Path]) -> list[tuple[str, str, str]]:
    """(name, group, body) of every distinct article (fills ``LOWER_VOCAB``)."""
    seen, out = set(), []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".md", ".txt"):
                continue
            text, _ = load(path)
            body = FRONT_MATTER.sub("", text).strip() + "\n"
            if body in seen:
                continue
            seen.add(body)
            LOWER_VOCAB.update(re.findall(r"\b[a-z]{4,}\b", URLISH.sub(" ", body)))
            rel = path.relative_to(HERE) if path.is_relative_to(HERE) else path
            group = str(rel.parent) if folder.name != rel.parent.name else str(rel)
            out.append((str(rel), group, body))
    return out


def build(
    articles, seed: int, k: int, edits: set[str], inject: bool, need_all: bool
) -> list[Pair]:
    pairs = []
    for n, (name, group, body) in enumerate(articles):
        rng = random.Random(f"{seed}:{name}")
        sites = choose(body, rng, k) if inject else []
        fams = {s.family for s in sites}
        if inject and ((need_all and len(fams) < 3) or not sites):
            continue
        orig_m, copy_m = apply_sites(body, sites)
        copy_m = edit(copy_m, edits, rng) if edits else copy_m
        orig, oreg = unmark(orig_m)
        copy, creg = unmark(copy_m)
        injections = []
        for i, site in enumerate(sites):
            inj = Injection(
                site.family, site.kind, body[site.start : site.end], site.new
            )
            inj.regions = {"a": oreg[i]}
            if i in creg:
                inj.regions["b"] = creg[i]
            injections.append(inj)
        pairs.append(Pair(f"s{n:03d}", group, {"a": orig, "b": copy}, injections))
    return pairs


def batches(pairs: list[Pair]) -> list[list[Pair]]:
    out: list[list[Pair]] = []
    for pair in pairs:
        for batch in out:
            if all(p.group != pair.group for p in batch):
                batch.append(pair)
                break
        else:
            out.append([pair])
    return out


def lint(pairs: list[Pair], key: bool) -> list[tuple[Pair, str, dict, int, int]]:
    """(pair, side, finding, start, end) of every finding."""
    results = []
    for batch in batches(pairs):
        with tempfile.TemporaryDirectory() as tmp:
            heads = {}
            for pair in batch:
                for side, body in pair.texts.items():
                    head = f"---\nstory: {pair.name}\n---\n" if key else ""
                    heads[(pair.name, side)] = (head, head + body)
                    Path(tmp, f"{pair.name}-{side}.md").write_text(
                        head + body, encoding="utf-8"
                    )
            proc = subprocess.run(
                [
                    "newslint",
                    "--isolated",
                    "--no-cache",
                    "--format",
                    "json",
                    "--select",
                    "NN,NX,NQ",
                    ".",
                ],
                cwd=tmp,
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode not in (0, 1):
                sys.exit(proc.stderr)
            by_name = {p.name: p for p in batch}
            for f in json.loads(proc.stdout):
                stem = Path(f["path"]).stem
                name, side = stem.rsplit("-", 1)
                head, full = heads[(name, side)]
                starts = [0] + [m.end() for m in re.finditer("\n", full)]
                start = starts[f["line"] - 1] + f["column"] - 1 - len(head)
                end = starts[f["end_line"] - 1] + f["end_column"] - 1 - len(head)
                results.append((by_name[name], side, f, start, max(end, start + 1)))
    return results


def new_stats() -> dict[str, dict[str, int]]:
    keys = ("tp", "fp", "pre", "cross", "inj", "found", "both", "orig_only")
    return {fam: dict.fromkeys(keys, 0) for fam in FAMILIES}


def solo(articles) -> dict[str, set[tuple[str, str]]]:
    """(code, text) of what each original article is reported for on its own.

    Some base articles carry defects of their own (the nn sets' in-article
    garbles, "Rashford" / "Rashfrod" in one article); a finding of the pair
    on the same text is counted apart as pre-existing, neither hit nor false.
    A name spelled two ways in the original (NN103 there) is pre-existing
    whichever spelling the pair reports, so NN keys are the name words of the
    finding and of the spellings its message quotes.
    """
    pairs = [
        Pair(f"s{n:03d}", group, {"a": body}, [])
        for n, (_, group, body) in enumerate(articles)
    ]
    out: dict[str, set[tuple[str, str]]] = {p.name: set() for p in pairs}
    for pair, side, f, s, e in lint(pairs, True):
        out[pair.name].add((f["code"], pair.texts[side][s:e]))
        if f["code"].startswith("NN"):
            quoted = " ".join(re.findall(r"'([^']+)'", f["message"]))
            out[pair.name].update(
                ("NN", w) for w in _name_words(pair.texts[side][s:e] + " " + quoted)
            )
    return out


def _name_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w{3,}", text) if w[0].isupper()}


def score(pairs, results, verbose: bool, label: str, pre) -> dict:
    stats = new_stats()
    false = []
    for pair, side, f, s, e in results:
        fam = f["code"][:2]
        own = [
            i
            for i in pair.injections
            if i.family == fam
            and side in i.regions
            and i.regions[side][0] < e
            and s < i.regions[side][1]
        ]
        other = [
            i
            for i in pair.injections
            if i.family != fam
            and side in i.regions
            and i.regions[side][0] < e
            and s < i.regions[side][1]
        ]
        if own:
            stats[fam]["tp"] += 1
            for i in own:
                i.found.add(side)
        elif other:
            stats[fam]["cross"] += 1
        elif (f["code"], pair.texts[side][s:e]) in pre[pair.name] or (
            fam == "NN"
            and any(
                ("NN", w) in pre[pair.name] for w in _name_words(pair.texts[side][s:e])
            )
        ):
            stats[fam]["pre"] += 1
        else:
            stats[fam]["fp"] += 1
            false.append((pair, side, f))
    for pair in pairs:
        for i in pair.injections:
            st = stats[i.family]
            st["inj"] += 1
            if i.found:
                st["found"] += 1
                st["both"] += i.found == {"a", "b"}
                st["orig_only"] += i.found == {"a"}
            elif verbose:
                body = pair.texts["b"]
                rs, re_ = i.regions.get("b", (0, 0))
                ctx = body[max(0, rs - 50) : re_ + 30].replace("\n", " ")
                extra = ""
                if i.family == "NN":
                    extra = f" (zipf {wordfreq_zipf(i.after):.1f})"
                print(
                    f"  MISS  {label} {pair.group} {i.family} {i.kind}: {i.before!r} -> {i.after!r}{extra} …{ctx}…"
                )
    if verbose:
        for pair, side, f in false:
            print(
                f"  FALSE {label} {pair.group} [{side}] {f['line']}:{f['column']} {f['code']} {f['message'][:220]}"
            )
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folders", nargs="*", help="folders of clean articles (default: the project's)"
    )
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument(
        "-k", type=int, default=2, help="injections per family per article"
    )
    parser.add_argument("--mode", choices=["verbatim", "edited", "all"], default="all")
    parser.add_argument("--keys", choices=["key", "nokey", "all"], default="all")
    parser.add_argument(
        "--edits", default=",".join(EDITS), help="light edits of the edited mode"
    )
    parser.add_argument(
        "--any", action="store_true", help="keep articles lacking one of the families"
    )
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    folders = [Path(f) for f in args.folders] or [HERE / f for f in DEFAULT_FOLDERS]
    articles = corpus([f for f in folders if f.is_dir()])
    edit_set = {e for e in args.edits.split(",") if e}
    if edit_set - set(EDITS):
        parser.error(f"unknown edits: {sorted(edit_set - set(EDITS))}")
    modes = {"verbatim": [("verbatim", set())], "edited": [("edited", edit_set)]}
    modes["all"] = modes["verbatim"] + modes["edited"]
    keys = {"key": [True], "nokey": [False], "all": [True, False]}[args.keys]
    seeds = [int(s) for s in args.seeds.split(",")]
    print(f"{len(articles)} distinct articles; seeds {seeds}; k={args.k}")
    pre = solo(articles)
    for mode, edits in modes[args.mode]:
        for key in keys:
            total = new_stats()
            npairs = 0
            for seed in seeds:
                pairs = build(articles, seed, args.k, edits, True, not args.any)
                npairs += len(pairs)
                label = f"{mode}/{'key' if key else 'nokey'}/seed{seed}"
                stats = score(pairs, lint(pairs, key), args.verbose, label, pre)
                for fam in FAMILIES:
                    for k2, v in stats[fam].items():
                        total[fam][k2] += v
            print(f"{mode:8} {'key' if key else 'nokey':5} ({npairs} pairs)")
            for fam in FAMILIES:
                t = total[fam]
                prec = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
                rec = t["found"] / t["inj"] if t["inj"] else 1.0
                print(
                    f"  {fam}: injected {t['inj']:3}, found {t['found']:3} (both sides {t['both']}, original side only {t['orig_only']}),"
                    f" findings {t['tp'] + t['fp']} (false {t['fp']}; apart: {t['cross']} on other families' injections,"
                    f" {t['pre']} pre-existing); precision {prec:.2f}, recall {rec:.2f}"
                )
    if not args.no_baseline:
        for mode, edits in modes[args.mode]:
            for key in keys:
                fps = {fam: 0 for fam in FAMILIES}
                pres = {fam: 0 for fam in FAMILIES}
                npairs = 0
                for seed in seeds:
                    pairs = build(articles, seed, args.k, edits, False, False)
                    npairs += len(pairs)
                    label = f"clean-{mode}/{'key' if key else 'nokey'}/seed{seed}"
                    stats = score(pairs, lint(pairs, key), args.verbose, label, pre)
                    for fam in FAMILIES:
                        fps[fam] += stats[fam]["fp"]
                        pres[fam] += stats[fam]["pre"]
                    if not edits:
                        break  # a verbatim copy is the same for every seed
                print(
                    f"clean baseline {mode:8} {'key' if key else 'nokey':5} ({npairs} pairs): "
                    + ", ".join(f"{fam} {fps[fam]} false" for fam in FAMILIES)
                    + f" (apart: {sum(pres.values())} pre-existing)"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
