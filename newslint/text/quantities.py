"""Quantities in news prose: value, unit, hedge and the words around them.

``parse_quantities(text)`` finds every number expression in a piece of text
and returns ``Quantity`` objects with character offsets into that text:

- digits ("176", "1,200", "2.5"), fractions and mixed numbers ("2 1/2",
  "2½" = 2.5), number words ("two", "twenty-five", "a dozen", "three
  million"), scale words ("$1.2 billion", "€300m"), ranges ("10-12",
  "between 10 and 12"), percentages ("5%", "5 per cent");
- compounds: "eight-nation" is 8 nations, "seven-month-long" is 7 months,
  "62-year-old" is an age of 62 years, "a decade" is 10 years and "two
  decades" is 20 years (time is measured in days);
- hedges ("nearly", "more than", "about", "at least", "up to") widen the
  value into an interval (``low``, ``high``) used for comparison;
- ordinals ("39th", "third"), dates and years ("Feb. 24", "September 15",
  "2013", "the 1990s"), identifiers ("Covid-19", "F-16", "one-on-one") and
  vague amounts ("several", "decades-long") are recognised so that they are
  never compared as counts; "hundreds", "thousands", "dozens" of a noun are
  counts with a range and no value (``approx`` "vague").

Each quantity also carries its *role*: the noun it counts (``head``,
normalised through a small synonym table so that "soldiers" and "troops",
"nations" and "countries" are one role), the content words near it
(``window``) and a distributive or collective marker ("on each side" /
"on both sides"). ``content_words`` gives the comparison words of a
sentence, without numbers, units and function words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from newslint.patterns import lazy
from newslint.text.function_words import FUNCTION_WORDS as _SHARED

# -- vocabularies ---------------------------------------------------------------

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "k": 1_000,
}
_WORD_SCALES = frozenset(
    ["hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "tn"]
)
ORDINAL_WORDS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "hundredth",
        "thousandth",
        "millionth",
    ]
)
#: Amounts without a definite value: never compared.
VAGUE_WORDS = {
    "hundreds": (200, 999),
    "thousands": (2_000, 999_999),
    "millions": (2_000_000, 999_999_999),
    "billions": (2e9, 999e9),
    "dozens": (24, 200),
    "scores": (40, 200),
    "tens": (20, 99),
    "several": (3, 9),
    "decades": None,
    "centuries": None,
}

#: Time units in days.
TIME_UNITS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1,
    "week": 7,
    "fortnight": 14,
    "month": 30.44,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525,
}
#: Length in metres, mass in kilograms, area in square metres.
MEASURE_UNITS = {
    "km": ("length", 1000),
    "kilometre": ("length", 1000),
    "kilometer": ("length", 1000),
    "mile": ("length", 1609.34),
    "metre": ("length", 1),
    "meter": ("length", 1),
    "m": ("length", 1),
    "foot": ("length", 0.3048),
    "feet": ("length", 0.3048),
    "ft": ("length", 0.3048),
    "cm": ("length", 0.01),
    "centimetre": ("length", 0.01),
    "centimeter": ("length", 0.01),
    "inch": ("length", 0.0254),
    "kg": ("mass", 1),
    "kilogram": ("mass", 1),
    "kilo": ("mass", 1),
    "tonne": ("mass", 1000),
    "ton": ("mass", 1000),
    "lb": ("mass", 0.4536),
    "hectare": ("area", 10_000),
    "acre": ("area", 4046.86),
    "mph": ("speed", 1.609),
    "kph": ("speed", 1),
    "km/h": ("speed", 1),
    "degree": ("temperature", 1),
}
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rouble": "RUB",
    "ruble": "RUB",
    "rupee": "INR",
    "franc": "CHF",
    "lira": "TRY",
    "hryvnia": "UAH",
    "won": "KRW",
    "dinar": "DINAR",
    "dirham": "AED",
    "riyal": "SAR",
    "rial": "RIAL",
    "peso": "PESO",
    "krona": "KRONA",
    "krone": "KRONE",
    "zloty": "PLN",
    "forint": "HUF",
    "shekel": "ILS",
    "naira": "NGN",
    "rand": "ZAR",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "lari": "GEL",
    "tenge": "KZT",
}
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)

#: Hedges before a number, longest first: (words, kind).
APPROXIMATORS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(
        (
            (tuple(words.split()), kind)
            for words, kind in [
                ("nearly", "below"),
                ("almost", "below"),
                ("close to", "below"),
                ("just under", "below"),
                ("just shy of", "below"),
                ("about", "about"),
                ("around", "about"),
                ("roughly", "about"),
                ("approximately", "about"),
                ("some", "about"),
                ("an estimated", "about"),
                ("estimated", "about"),
                ("an approximate", "about"),
                ("circa", "about"),
                ("more than", "above"),
                ("over", "above"),
                ("above", "above"),
                ("upwards of", "above"),
                ("in excess of", "above"),
                ("just over", "above"),
                ("at least", "least"),
                ("no fewer than", "least"),
                ("no less than", "least"),
                ("up to", "most"),
                ("as many as", "most"),
                ("as much as", "most"),
                ("at most", "most"),
                ("no more than", "most"),
                ("fewer than", "under"),
                ("less than", "under"),
                ("under", "under"),
                ("exactly", "exact"),
                ("precisely", "exact"),
            ]
        ),
        key=lambda item: -len(item[0]),
    )
)

#: Role words normalised: nouns that name the same thing in news copy.
SYNONYMS = {
    "troop": "soldier",
    "troops": "soldier",
    "soldier": "soldier",
    "soldiers": "soldier",
    "serviceman": "soldier",
    "servicemen": "soldier",
    "servicemembers": "soldier",
    "personnel": "soldier",
    "nation": "country",
    "nations": "country",
    "country": "country",
    "countries": "country",
    "state": "country",
    "states": "country",
    "people": "person",
    "persons": "person",
    "person": "person",
    "individuals": "person",
    "individual": "person",
    "residents": "person",
    "inhabitants": "person",
    "police": "officer",
    "policemen": "officer",
    "officers": "officer",
    "officer": "officer",
    "men": "man",
    # counted nouns that outlets use for one another ("2,400 jobs" /
    # "2,400 posts"; "212 homes" / "212 houses"; "14 aircraft" / "planes")
    "jobs": "job",
    "posts": "job",
    "positions": "job",
    "workers": "worker",
    "employees": "worker",
    "staff": "worker",
    "staffers": "worker",
    "houses": "home",
    "homes": "home",
    "dwellings": "home",
    "planes": "aircraft",
    "aeroplanes": "aircraft",
    "airplanes": "aircraft",
    "helicopters": "aircraft",
    "women": "woman",
    "children": "child",
    "kids": "child",
    "deaths": "die",
    "death": "die",
    "dead": "die",
    "died": "die",
    "die": "die",
    "dies": "die",
    "killed": "die",
    "kill": "die",
    "kills": "die",
    "killing": "die",
    "fatalities": "die",
    "lives": "die",
    "toll": "die",
    "wounded": "injure",
    "injured": "injure",
    "injuries": "injure",
    "hurt": "injure",
    "clash": "fight",
    "clashes": "fight",
    "fighting": "fight",
    "hostilities": "fight",
    "combat": "fight",
    "gutted": "destroy",
    "razed": "destroy",
    "flattened": "destroy",
    "levelled": "destroy",
    "leveled": "destroy",
    "demolished": "destroy",
    "wrecked": "destroy",
    "worst": "serious",
    "deadliest": "serious",
    "fiercest": "serious",
    "gravest": "serious",
    "heaviest": "serious",
}

STOPWORDS = _SHARED | frozenset(
    """
    across already am amid among another could doing either ever every having hers
    it's least less may might mine mr mrs ms must neither never one ones per say
    shall theirs through till via whereas within without would
    """.split()
)
#: Words that never tell two facts apart: function words, time words.
NON_CONTENT = STOPWORDS | frozenset(
    [
        "ago",
        "later",
        "earlier",
        "long",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "decade",
        "decades",
        "time",
        "times",
    ]
)

#: Words after "from", "than" and the like name an earlier or compared value.
_CONTRAST_BEFORE = frozenset(["from", "than", "compared", "versus", "vs"])

_TOKEN = lazy(
    r"[$€£¥₹%½¼¾⅓⅔⅛]|[0-9A-Za-zÀ-ÖØ-öø-ɏ][0-9A-Za-zÀ-ÖØ-öø-ɏ½¼¾⅓⅔⅛’'./,:\-–]*"
)
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_DIGITS = lazy(
    r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<frac>[½¼¾⅓⅔⅛])?"
    r"(?P<suffix>st|nd|rd|th|s|m|mn|bn|b|tn|k|km|kg|cm|ft|mph|%)?$"
)
_SLASH_FRACTION = lazy(r"^(\d)/(\d{1,2})$")
_TIME_OF_DAY = lazy(r"^\d{1,2}[:.]\d{2}$")


class Token:
    """A word, number or symbol with offsets; ``low`` is its comparison form."""

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low = text.lower().replace("’", "'")

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Words, numbers and symbols with offsets; trailing ``.,:`` trimmed."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        trimmed = word.rstrip(".,:-–'’")
        if not trimmed:
            continue
        out.append(Token(trimmed, base + m.start(), base + m.start() + len(trimmed)))
    return out


def stem(word: str) -> str:
    """A crude English stem for content-word comparison."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in SYNONYMS:
        return SYNONYMS[w]
    if w.endswith(("ous", "ss", "us", "is")):
        return SYNONYMS.get(w, w)
    for suffix, repl, shortest in (
        # "buried" / "burying", "ending" / "end": six letters are enough
        ("ies", "y", 6),
        ("ing", "", 6),
        ("ied", "y", 6),
        ("ed", "", 6),
        ("es", "", 6),
        ("s", "", 4),
        ("ly", "", 6),
    ):
        if len(w) >= shortest and w.endswith(suffix):
            w = w[: -len(suffix)] + repl
            break
    return SYNONYMS.get(w, w)


def _unit_word(word: str) -> str:
    """Singular form of a unit word ("years" -> "year")."""
    w = word.lower()
    if w in ("centuries",):
        return "century"
    if w in ("feet",):
        return "feet"
    if w.endswith("s") and w[:-1] in TIME_UNITS | MEASURE_UNITS | CURRENCY_WORDS:
        return w[:-1]
    if w.endswith("es") and w[:-2] in MEASURE_UNITS:
        return w[:-2]
    return w


def is_number_word(word: str) -> bool:
    w = word.lower()
    return (
        w in UNITS_WORDS
        or w in TENS_WORDS
        or w in ("hundred", "thousand", "million", "billion", "trillion", "dozen")
        or w in ORDINAL_WORDS
        or w in VAGUE_WORDS
        or bool(_DIGITS.match(w))
        or any(c.isdigit() for c in w)
    )


_PART_SPLIT = lazy(r"[-–/]")
_PART_CHARS = lazy(r"[-–/]")


def content_words(tokens: list[Token]) -> list[str]:
    """Stems of the content words: no numbers, units, hedges or function words."""
    out: list[str] = []
    for tok in tokens:
        text = tok.text
        parts = _PART_SPLIT.split(text) if _PART_CHARS.search(text) else (text,)
        for part in parts:
            word = _content_word(part)
            if word is not None:
                out.append(word)
    return out


@functools.lru_cache(maxsize=16384)
def _content_word(part: str) -> str | None:
    """The stem of one word part, or None when it is not a content word."""
    low = part.lower().replace("’", "'")
    if not low or not low[0].isalpha() or len(low) < 2:
        return None
    if low in NON_CONTENT or is_number_word(low):
        return None
    unit = _unit_word(low)
    if unit in TIME_UNITS or unit in CURRENCY_WORDS or low in SCALES:
        return None
    if low in ("nearly", "almost", "roughly", "approximately", "around"):
        return None
    return stem(low)


# -- the quantity ---------------------------------------------------------------


@dataclass
class Quantity:
    """One number expression and what it measures."""

    #: "count", "measure" (time, money, percent, length...), "ordinal",
    #: "date", "vague" or "identifier".
    kind: str
    value: float | None
    #: The comparison interval after hedges and rounding.
    low: float | None
    high: float | None
    #: What is measured: "time", "age", "percent", "money:USD", "length",
    #: "count" ...
    dimension: str
    #: The counted noun, normalised ("soldier", "country"), or the unit.
    head: str
    #: The hedge kind ("below", "about", "above", "least", "most", "under"),
    #: or "".
    approx: str
    #: Offsets of the number itself and of the whole phrase (hedge included).
    start: int
    end: int
    phrase_start: int
    phrase_end: int
    text: str = ""
    #: "each" (per side, apiece) or "both" (in total) or "".
    scope: str = ""
    #: Preceded by "from", "than", "compared with": an earlier value.
    contrast: bool = False
    window: list[str] = field(default_factory=list)
    near: list[str] = field(default_factory=list)
    verb: str = ""
    #: Words between the number and its noun ("former Soviet").
    head_words: list[str] = field(default_factory=list)
    #: The unit as written for lengths, areas, masses, speeds ("km", "feet"),
    #: so that a value converted from another unit may be rounded.
    unit: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def comparable(self) -> bool:
        return self.kind in ("count", "measure") and self.low is not None


def _hedge(tokens: list[Token], i: int) -> tuple[str, int]:
    """The hedge ending just before token ``i``: (kind, index of its first token)."""
    for words, kind in APPROXIMATORS:
        n = len(words)
        if i - n < 0:
            continue
        if tuple(t.low for t in tokens[i - n : i]) == words:
            # "over" and "under" are hedges only right before the number.
            return kind, i - n
    return "", i


def _interval(value: float, approx: str, digits: str) -> tuple[float, float]:
    """The values a stated number stands for, hedge and rounding included."""
    low = high = value
    # Rounding: "1.2 billion" covers 1.15-1.25 billion; "3,000" covers
    # 2,500-3,500 only when stated in round thousands or more.
    if digits and "." in digits:
        decimals = len(digits.split(".")[1])
        scale = (
            value / float(digits.replace(",", ""))
            if float(digits.replace(",", ""))
            else 1
        )
        half = 0.5 * 10 ** (-decimals) * scale
        low, high = value - half, value + half
    elif value >= 1000 and value == int(value):
        zeros = len(str(int(value))) - len(str(int(value)).rstrip("0"))
        if zeros >= 3:
            half = 0.5 * 10 ** (zeros - 1)
            low, high = value - half, value + half
    if approx == "below":
        return min(low, value * 0.85), high
    if approx == "about":
        return min(low, value * 0.8), max(high, value * 1.2)
    if approx == "above":
        return low, float("inf")
    if approx == "least":
        return low, float("inf")
    if approx in ("most", "under"):
        return 0.0, high
    return low, high


def _word_number(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A spelled number starting at token ``i``: (value, tokens used)."""
    total = 0.0
    current = 0.0
    used = 0
    j = i
    seen = False
    while j < len(tokens):
        w = tokens[j].low
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in UNITS_WORDS:
            current += TENS_WORDS[parts[0]] + UNITS_WORDS[parts[1]]
        elif w in UNITS_WORDS and not (seen and current % 10 and current < 100):
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS and not (seen and current % 100):
            current += TENS_WORDS[w]
        elif w == "hundred" and seen:
            current *= 100
        elif w in ("thousand", "million", "billion", "trillion") and seen:
            total += current * SCALES[w]
            current = 0
        elif (
            w == "and"
            and seen
            and j + 1 < len(tokens)
            and (tokens[j + 1].low in UNITS_WORDS or tokens[j + 1].low in TENS_WORDS)
            and current >= 100
        ):
            pass
        else:
            break
        seen = True
        j += 1
        used += 1
    if not seen:
        return None
    return total + current, used


def _digit_number(tokens: list[Token], i: int) -> tuple[float, int, str, str] | None:
    """Digits at token ``i``: (value, tokens used, digits as written, suffix)."""
    m = _DIGITS.match(tokens[i].text)
    if not m:
        frac = tokens[i].text
        if frac in _FRACTIONS:
            return _FRACTIONS[frac], 1, "", ""
        return None
    value = float(m.group("num").replace(",", ""))
    if m.group("frac"):
        value += _FRACTIONS[m.group("frac")]
    used = 1
    suffix = m.group("suffix") or ""
    if (
        not suffix
        and not m.group("frac")
        and i + 1 < len(tokens)
        and "." not in m.group("num")
    ):
        sm = _SLASH_FRACTION.match(tokens[i + 1].text)
        if (
            sm
            and tokens[i + 1].start - tokens[i].end == 1
            and int(sm.group(1)) < int(sm.group(2))
        ):
            value += int(sm.group(1)) / int(sm.group(2))
            used = 2
    return value, used, m.group("num"), suffix


def parse_quantities(
    text: str, base: int = 0, tokens: list[Token] | None = None
) -> list[Quantity]:
    """Every number expression in ``text``; offsets are ``base`` + index."""
    if tokens is None:
        tokens = tokenize(text, base)
    starts, compound_firsts = _start_words()
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        # Most words cannot start a number expression: skip them cheaply.
        if not (
            tok.text[0] in _DIGIT_OR_FRACTION
            or tok.low in starts
            or (
                ("-" in tok.low or "–" in tok.low)
                and _PART_SPLIT.split(tok.low, 1)[0] in compound_firsts
            )
            or _ANY_DIGIT.search(tok.text)
        ):
            i += 1
            continue
        q, used = _parse_at(tokens, i, text, base)
        if q is not None:
            q.text = text[q.phrase_start - base : q.phrase_end - base]
            _apposed_age(q, text, base)
            out.append(q)
        i += max(1, used)
    return out


_DIGIT_OR_FRACTION = frozenset("0123456789" + "".join(_FRACTIONS))
_ANY_DIGIT = lazy(r"\d")


@functools.cache
def _start_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that may start a number expression, and first parts of
    hyphenated ones ("eight-nation", "a-year-long", "decade-long")."""
    numbers = set(UNITS_WORDS) | set(TENS_WORDS)
    starts = frozenset(numbers | ORDINAL_WORDS | set(VAGUE_WORDS) | {"a", "an"})
    firsts = frozenset(numbers | set(VAGUE_WORDS) | {"a", "half", "decade", "century"})
    return starts, firsts


_AGE_BEFORE = lazy(
    r"(?:[A-Za-z][\w'’-]*,|\baged)\s*$|(?:^|[.!?]\s+)At\s+$"
    # "Ismail Tahir (64) said": an age in brackets after a capitalised name
    r"|[A-Z][\w'’-]*\s\($"
)
_AGE_AFTER = lazy(r"\s*[,)]")


def _apposed_age(q: Quantity, text: str, base: int) -> None:
    """A bare number set off by commas after a name is an age: "Maria
    Kessler, 58, went back in", "the driver, 54,", "aged 54", "At 38, she"."""
    if (
        q.kind != "count"
        or q.head
        or q.approx
        or q.value is None
        or not 1 <= q.value <= 120
        or q.value != int(q.value)
        or q.low != q.high
    ):
        return
    before = text[max(0, q.phrase_start - base - 40) : q.phrase_start - base]
    after = text[q.phrase_end - base : q.phrase_end - base + 2]
    aged = before.rstrip().endswith("aged")
    if not _AGE_BEFORE.search(before) or not (aged or _AGE_AFTER.match(after)):
        return
    q.kind, q.dimension, q.head = "measure", "age", "age"


def _parse_at(
    tokens: list[Token], i: int, text: str, base: int
) -> tuple[Quantity | None, int]:
    tok = tokens[i]
    low = tok.low
    prev = tokens[i - 1].low if i > 0 else ""
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""

    def make(
        kind: str,
        value: float | None,
        end_index: int,
        *,
        dimension: str = "",
        head: str = "",
        digits: str = "",
        interval: tuple[float, float] | None = None,
        start_token: int = i,
        number_end: int | None = None,
        scope: str = "",
    ) -> tuple[Quantity, int]:
        approx, hedge_at = _hedge(tokens, start_token)
        if kind in ("count", "measure") and value is not None:
            lo, hi = interval or _interval(value, approx, digits)
        else:
            lo = hi = None
        if interval and approx:
            lo, hi = (
                _interval(interval[0], approx, "")[0],
                _interval(interval[1], approx, "")[1],
            )
        first = tokens[hedge_at]
        last = tokens[end_index - 1]
        contrast = hedge_at > 0 and tokens[hedge_at - 1].low in _CONTRAST_BEFORE
        if (
            hedge_at > 1
            and tokens[hedge_at - 1].low in ("with", "to")
            and tokens[hedge_at - 2].low in ("compared", "comparison")
        ):
            contrast = True
        number_start = tokens[start_token].start
        if start_token > 0 and tokens[start_token - 1].text in CURRENCY_SYMBOLS:
            number_start = tokens[start_token - 1].start
            first = tokens[start_token - 1] if hedge_at == start_token else first
        q = Quantity(
            kind=kind,
            value=value,
            low=lo,
            high=hi,
            dimension=dimension,
            head=head,
            approx=approx,
            start=number_start,
            end=number_end if number_end is not None else last.end,
            phrase_start=first.start,
            phrase_end=last.end,
            text=text[first.start - base : last.end - base],
            contrast=contrast,
            scope=scope,
        )
        return q, end_index - i

    # Ordinals and dates first.
    if low in ORDINAL_WORDS:
        return make("ordinal", None, i + 1)
    m = _DIGITS.match(tok.text)
    if m and m.group("suffix") in ("st", "nd", "rd", "th"):
        return make("ordinal", float(m.group("num").replace(",", "")), i + 1)
    if m and m.group("suffix") == "s" and len(m.group("num")) in (2, 4):
        return make("date", None, i + 1)  # the 1990s, the 80s
    if (
        (
            _TIME_OF_DAY.match(tok.text)
            # "18.30 euros" is a price
            and nxt not in CURRENCY_WORDS
            and nxt[:-1] not in CURRENCY_WORDS
        )
        or (m and nxt in ("a.m", "p.m", "am", "pm", "gmt", "utc", "o'clock"))
    ):
        return make("date", None, i + 1)
    if m and (prev.rstrip(".") in MONTHS and tokens[i - 1].text[0].isupper()):
        return make("date", None, i + 1)
    if (
        m
        and i + 1 < len(tokens)
        and tokens[i + 1].text[0].isupper()
        and nxt.rstrip(".") in MONTHS
        and float(m.group("num").replace(",", "")) <= 31
    ):
        return make("date", None, i + 2)
    if (
        m
        and not m.group("suffix")
        and re.fullmatch(r"1[5-9]\d\d|20\d\d", m.group("num"))
        and not (i > 0 and tokens[i - 1].text in CURRENCY_SYMBOLS)
        and nxt not in SCALES
    ):
        return make("date", None, i + 1)

    # Identifiers: a number glued to a word (Covid-19, F-16, G7, MH17) or
    # right after a capitalised name with nothing counted after it
    # (Article 5, Channel 4 said).
    if any(c.isdigit() for c in tok.text) and not m:
        parts = re.split(r"[-–]", tok.text)
        if (
            parts
            and not _DIGITS.match(parts[0])
            and not _SLASH_FRACTION.match(tok.text)
        ):
            return make("identifier", None, i + 1)
    # Hyphenated compounds: "eight-nation", "seven-month-long", "62-year-old",
    # "10-12", "twenty-five", "one-on-one".
    parts = [p for p in re.split(r"[-–]", tok.text) if p]
    if len(parts) >= 2 and (
        parts[0][0].isdigit()
        or parts[0].lower() in UNITS_WORDS
        or parts[0].lower() in TENS_WORDS
        or (parts[0].lower() in ("a", "half") and _unit_word(parts[1]) in TIME_UNITS)
    ):
        return _compound(tokens, i, parts, make)
    if len(parts) >= 2 and (
        parts[0].lower() in VAGUE_WORDS or parts[0].lower() in ("decade", "century")
    ):
        return make("vague", None, i + 1)

    if (
        low in _VAGUE_COUNTS
        or (
            low == "tens"
            and nxt == "of"
            and i + 2 < len(tokens)
            and tokens[i + 2].low in ("thousands", "millions", "billions")
        )
    ) and not (i > 0 and tokens[i - 1].low in _VAGUE_COUNTS):
        return _vague_count(tokens, i, make)
    if low in VAGUE_WORDS:
        return make("vague", None, i + 1)

    # "more than a year", "nearly a month", "a week ago", "within a week",
    # "took a year", "a year of talks": one unit. Not a rate ("62,000
    # tenge a month", "twice a year"), which follows no such word.
    if (
        low in ("a", "an")
        and nxt in ("year", "month", "week", "day", "fortnight", "hour")
        and (
            _hedge(tokens, i)[0]
            or prev in _SPAN_BEFORE
            or (i + 2 < len(tokens) and tokens[i + 2].low in ("ago", "of"))
        )
    ):
        # ("a day and a half" is 36 hours: the half is read after the unit)
        return _one_unit(_with_unit(tokens, i, 1.0, i + 1, "", make))

    # "a dozen", "a decade", "a hundred", "a million"
    if low in ("a", "an") and nxt in (
        "dozen",
        "decade",
        "century",
        "hundred",
        "thousand",
        "million",
        "billion",
    ):
        value = {"dozen": 12, "decade": 1, "century": 1}.get(nxt, SCALES.get(nxt, 1))
        if nxt in ("decade", "century"):
            return _one_unit(_with_unit(tokens, i, 1.0, i + 1, "", make))
        if nxt == "dozen":
            return _with_unit(tokens, i, 12.0, i + 2, "", make)
        return _with_unit(tokens, i, float(value), i + 2, "", make)

    digit = _digit_number(tokens, i)
    if digit is not None:
        value, used, digits, suffix = digit
        j = i + used
        if suffix in ("m", "mn", "bn", "b", "tn", "k"):
            value *= SCALES[suffix]
            suffix = ""
        elif j < len(tokens) and tokens[j].low in _WORD_SCALES:
            value *= SCALES[tokens[j].low]
            j += 1
        if (
            j < len(tokens)
            and tokens[j].text == "%"
            and tokens[j].start == tokens[j - 1].end
        ):
            suffix = "%"
            j += 1
        if suffix == "%":
            return _with_unit(tokens, i, value, j, "%", make, digits=digits)
        if suffix in ("km", "kg", "cm", "ft", "mph"):
            return _with_unit(tokens, i, value, j, suffix, make, digits=digits)
        # Ranges written with a word: "between 10 and 12", "10 to 12".
        return _with_unit(tokens, i, value, j, "", make, digits=digits)

    words = _word_number(tokens, i)
    if words is not None:
        value, used = words
        if low == "one" and (
            prev
            in (
                "the",
                "no",
                "any",
                "each",
                "every",
                "this",
                "that",
                "which",
                "anyone",
                "someone",
            )
            or nxt
            in (
                "of",
                "to",
                "another",
                "who",
                "that",
                "which",
                "day",
                "another's",
                "and",
                "or",
                "",
            )
            or i + 1 >= len(tokens)
        ):
            return None, 1
        j = i + used
        if j < len(tokens) and tokens[j].low == "dozen":
            value *= 12
            j += 1
        return _with_unit(tokens, i, value, j, "", make)
    return None, 1


#: Words before "a year", "a week" that make it a span of time: "within a
#: week", "in a year", "for a month", "took a year", "spent a year".
_SPAN_BEFORE = frozenset(
    "within in for over after took take takes taking spent spend spends"
    " spending lasted last lasts lasting ending ended".split()
)


def _compound(tokens, i, parts, make):  # type: ignore[no-untyped-def]
    """A hyphenated token that starts with a number."""
    tok = tokens[i]
    lows = [p.lower() for p in parts]
    # one-on-one, one-to-one, one-off, one-sided, one-time, one-way
    if lows[0] == "one" and (
        (len(lows) > 2 and lows[1] in ("on", "to", "by", "for"))
        or lows[1] in ("off", "sided", "time", "way", "third", "half", "quarter")
    ):
        return make("identifier", None, i + 1)
    if any(w in ("on", "to") for w in lows[1:2]) and len(lows) == 3:
        return make("identifier", None, i + 1)  # one-on-1, two-to-one
    if lows[0] in UNITS_WORDS and lows[-1] in (
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "fifths",
        "half",
    ):
        return make("vague", None, i + 1)  # two-thirds
    if lows[0] in TENS_WORDS and len(lows) >= 2 and lows[1] in UNITS_WORDS:
        value = TENS_WORDS[lows[0]] + UNITS_WORDS[lows[1]]
        rest = lows[2:]
        if not rest:
            return _with_unit(tokens, i, float(value), i + 1, "", make)
        lows = [str(value), *rest]
    first = lows[0]
    if first in UNITS_WORDS or first in TENS_WORDS:
        value = float(UNITS_WORDS.get(first, TENS_WORDS.get(first, 0)))
    elif first in ("a", "half") and len(lows) >= 2 and lows[1] in TIME_UNITS:
        return make("vague", None, i + 1)  # a-year-long, half-hour
    else:
        dm = _DIGITS.match(first)
        if not dm or dm.group("suffix") not in (
            None,
            "",
            "m",
            "bn",
            "k",
            "km",
            "kg",
            "%",
        ):
            if dm and dm.group("suffix") in ("st", "nd", "rd", "th"):
                return make("ordinal", None, i + 1)
            return make("identifier", None, i + 1)
        value = float(dm.group("num").replace(",", ""))
        if dm.group("frac"):
            value += _FRACTIONS[dm.group("frac")]
        second = lows[1]
        # Ranges and scores: "10-12", "3-1".
        if _DIGITS.match(second) and len(lows) == 2:
            other = float(_DIGITS.match(second).group("num").replace(",", ""))  # type: ignore[union-attr]
            if other > value:
                q, used = make(
                    "count", value, i + 1, interval=(value, other), number_end=tok.end
                )
                return _attach_unit(tokens, i + 1, q, used, "")
            return make("identifier", None, i + 1)
    rest = lows[1:]
    number_end = tok.start + len(parts[0])
    if rest and (rest[0] in UNITS_WORDS or rest[0] in TENS_WORDS):
        return make("identifier", None, i + 1)
    if rest and not rest[0][:1].isalpha():
        return make("identifier", None, i + 1)
    # 62-year-old: an age.
    if len(rest) >= 2 and _unit_word(rest[0]) == "year" and rest[1] == "old":
        q, used = make(
            "measure", value, i + 1, dimension="age", head="age", number_end=number_end
        )
        q.end = tok.end
        return q, used
    unit = _unit_word(rest[0]) if rest else ""
    if unit in TIME_UNITS:
        q, used = make(
            "measure",
            value * TIME_UNITS[unit],
            i + 1,
            dimension="time",
            head="time",
        )
        if q.low is not None:
            q.low, q.high = (
                _interval(value, q.approx, "")[0] * TIME_UNITS[unit],
                _interval(value, q.approx, "")[1] * TIME_UNITS[unit],
            )
        return q, used
    if unit in MEASURE_UNITS:
        dim, factor = MEASURE_UNITS[unit]
        q, used = make("measure", value * factor, i + 1, dimension=dim, head=dim)
        q.unit = unit
        return q, used
    # eight-nation, 12-member, 176-strong: a count of the noun.
    head = rest[0] if rest else ""
    if head in ("strong", "odd", "plus"):
        q, used = make("count", value, i + 1, number_end=number_end)
        return _attach_unit(tokens, i + 1, q, used, "")
    q, used = make("count", value, i + 1, dimension="count", head=_head(head))
    q.head_words = []
    return q, used


def _with_unit(tokens, i, value, j, unit_hint, make, digits=""):  # type: ignore[no-untyped-def]
    """Attach what follows the number at tokens[i:j] (unit, scale, noun)."""
    start_token = i
    if (
        _and_a_half(tokens, j)
        and j + 3 < len(tokens)
        and _unit_word(tokens[j + 3].low) in TIME_UNITS
    ):
        # "two and a half years"
        value += 0.5
        j += 3
        digits = ""
    currency = ""
    if i > 0 and tokens[i - 1].text in CURRENCY_SYMBOLS:
        currency = CURRENCY_SYMBOLS[tokens[i - 1].text]
        if i > 1 and tokens[i - 2].text in ("US", "A", "C", "HK", "NZ"):
            currency = tokens[i - 2].text + currency
    # A range: "10 to 12", "between 10 and 12"
    if (
        j + 1 < len(tokens)
        and tokens[j].low in ("to", "and")
        and _DIGITS.match(tokens[j + 1].text)
    ):
        other = float(_DIGITS.match(tokens[j + 1].text).group("num").replace(",", ""))  # type: ignore[union-attr]
        if other > value and (
            tokens[j].low == "to" or (i > 0 and tokens[i - 1].low == "between")
        ):
            q, used = make(
                "count",
                value,
                j + 2,
                interval=(value, other),
                number_end=tokens[j + 1].end,
            )
            q.start = tokens[i].start
            return _attach_unit(tokens, j + 2, q, used, currency)
    q, used = make("count", value, j, digits=digits, start_token=start_token)
    q.start = tokens[i].start if not currency else q.start
    if unit_hint == "%":
        q.kind, q.dimension, q.head = "measure", "percent", "percent"
        return q, used
    if unit_hint in ("km", "kg", "cm", "ft", "mph"):
        dim, factor = MEASURE_UNITS[unit_hint]
        _scale(q, factor)
        q.kind, q.dimension, q.head = "measure", dim, dim
        q.unit = unit_hint
        return q, used
    return _attach_unit(tokens, j, q, used, currency)


#: Vague amounts that still say an order of magnitude: "hundreds of homes"
#: is not "thousands of homes" ("several", "tens", "decades" say less).
_VAGUE_COUNTS = frozenset(
    ["hundreds", "thousands", "millions", "billions", "dozens", "scores"]
)
#: "dozens" stops short of "hundreds".
_VAGUE_RANGES: dict[str, tuple[int, int]] = {
    "hundreds": (200, 999),
    "thousands": (2_000, 999_999),
    "millions": (2_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_000_000_000),
    "dozens": (24, 199),
    "scores": (40, 199),
    "tens": (20, 99),
}


def _vague_count(tokens, i, make):  # type: ignore[no-untyped-def]
    """ "hundreds of homes", "tens of thousands of people", "dozens more":
    a count with an interval and no value (``approx`` "vague")."""
    low, high = _VAGUE_RANGES[tokens[i].low]
    j = i + 1
    if (
        j + 1 < len(tokens)
        and tokens[j].low == "of"
        and tokens[j + 1].low in ("thousands", "millions", "billions")
    ):
        # "hundreds of thousands": 200,000 to 999,999
        scale = SCALES[tokens[j + 1].low[:-1]]
        low, high = low * scale, high * scale
        j += 2
    q, used = make("vague", None, j)
    q.kind, q.dimension, q.approx = "count", "count", "vague"
    q.low, q.high = float(low), float(high)
    if (
        j + 1 < len(tokens)
        and tokens[j].low == "of"
        and tokens[j + 1].text[0].isalpha()
        and tokens[j + 1].low not in STOPWORDS
    ):
        # "thousands of homes", "hundreds of metres": the noun after "of"
        return _attach_unit(tokens, j + 1, q, used + 1, "")
    return _attach_unit(tokens, j, q, used, "")


def _one_unit(found: tuple[Quantity, int]) -> tuple[Quantity, int]:
    """ "A fortnight", "a month", "a decade" unhedged: a round span, so "within
    a fortnight" is "within 15 days" and "a month" is "30 days"."""
    q = found[0]
    if q.dimension == "time" and not q.approx and q.low is not None:
        q.low *= 0.85
        if q.high is not None:
            q.high *= 1.15
    return found


def _and_a_half(tokens: list[Token], j: int) -> bool:
    """Tokens from ``j`` read "and a half"."""
    return (
        j + 2 < len(tokens)
        and tokens[j].low == "and"
        and tokens[j + 1].low in ("a", "an")
        and tokens[j + 2].low == "half"
    )


def _scale(q: Quantity, factor: float) -> None:
    if q.value is not None:
        q.value *= factor
    if q.low is not None:
        q.low *= factor
    if q.high is not None and q.high != float("inf"):
        q.high *= factor


def _attach_unit(tokens, j, q, used, currency):  # type: ignore[no-untyped-def]
    """Read the unit or counted noun after the number (tokens from ``j``)."""
    i0 = j - used  # the token where the quantity started
    if currency:
        q.kind, q.dimension, q.head = "measure", f"money:{currency}", "money"
        return q, used
    if j < len(tokens):
        word = tokens[j].low
        unit = _unit_word(word)
        if word in ("percent", "pct") or (
            word == "per" and j + 1 < len(tokens) and tokens[j + 1].low == "cent"
        ):
            n = 1 if word != "per" else 2
            if j + n < len(tokens) and tokens[j + n].low == "points":
                n += 1
            q.kind, q.dimension, q.head = "measure", "percent", "percent"
            _extend(q, tokens[j + n - 1])
            return q, used + n
        if (
            word in ("percentage",)
            and j + 1 < len(tokens)
            and tokens[j + 1].low == "points"
        ):
            q.kind, q.dimension, q.head = "measure", "points", "points"
            _extend(q, tokens[j + 1])
            return q, used + 2
        if unit in TIME_UNITS:
            if j + 1 < len(tokens) and tokens[j + 1].low == "old" and unit == "year":
                # "18 years old": an age, in years like "62-year-old".
                q.kind, q.dimension, q.head = "measure", "age", "age"
                _extend(q, tokens[j + 1])
                return q, used + 2
            q.kind, q.dimension, q.head = "measure", "time", "time"
            n = 1
            if _and_a_half(tokens, j + 1) and q.value:
                # "a decade and a half", "a day and a half", "two years and a half"
                _scale(q, (q.value + 0.5) / q.value)
                n = 4
            _scale(q, TIME_UNITS[unit])
            _extend(q, tokens[j + n - 1])
            return q, used + n
        if unit in CURRENCY_WORDS:
            q.kind, q.dimension, q.head = (
                "measure",
                f"money:{CURRENCY_WORDS[unit]}",
                "money",
            )
            _extend(q, tokens[j])
            return q, used + 1
        if unit in MEASURE_UNITS and unit != "m":
            dim, factor = MEASURE_UNITS[unit]
            q.kind, q.dimension, q.head = "measure", dim, dim
            q.unit = unit
            _scale(q, factor)
            _extend(q, tokens[j])
            return q, used + 1
    # A part of a counted whole: "52 of the 120 seats" counts seats.
    part = _partitive(tokens, j)
    if part is not None and q.value is not None and q.value == int(q.value):
        q.dimension, q.head, q.head_words = "count", _head(part.low), []
        return q, used
    if (
        j + 1 < len(tokens)
        and tokens[j].low in _MORE
        and tokens[j + 1].text[0].isalpha()
        and tokens[j + 1].low not in STOPWORDS
        and not is_number_word(tokens[j + 1].low)
        and tokens[j + 1].start - tokens[j].end == 1
    ):
        # "five more bodies", "nine other firefighters", "six more weeks":
        # an addition, compared only with another addition
        q, used = _attach_unit(tokens, j + 1, q, used + 1, currency)
        q.head_words = sorted({*q.head_words, _MORE[tokens[j].low]})
        return q, used
    if q.value is not None and q.value == int(q.value):
        # "eight of the trapped workers", "Ten of the dead": a part, compared
        # only with another part
        noun = _part_of_the(tokens, j)
        if noun is not None:
            q.dimension, q.head, q.head_words = "count", _head(noun.low), [_PART]
            return q, used
    # A counted noun: the words up to a function word or punctuation.
    run: list[Token] = []
    k = j
    while k < len(tokens) and len(run) < 3:
        t = tokens[k]
        if t.low in STOPWORDS or not t.text[0].isalpha() or is_number_word(t.low):
            break
        if k > 0 and t.start - tokens[k - 1].end > 1:
            break  # punctuation between
        run.append(t)
        k += 1
    q.dimension = "count"
    if i0 > 0 and tokens[i0 - 1].low in ("magnitude", "magnitude-"):
        q.kind, q.dimension, q.head = "measure", "magnitude", "magnitude"
        return q, used
    if q.value is not None and q.value != int(q.value):
        run = []  # 6.1 of nothing: a decimal does not count things
    if run:
        head = _pick_head(run, q.value or 0)
        q.head = _head(head.low)
        # Modifiers between number and noun: "four ex-Soviet countries".
        q.head_words = sorted(set(content_words(run[: run.index(head)])))
        _extend(q, head)
        used += run.index(head) + 1
    else:
        q.head = ""
    # Distributive or collective scope right after: "on each side", "apiece",
    # "on both sides", "in total".
    after = [t.low for t in tokens[i0 + used : i0 + used + 4]]
    text = " ".join(after)
    if re.match(
        r"(on |from )?(each|either|every) (side|of the|country|team)|apiece|per side|a side|each\b",
        text,
    ):
        q.scope = "each"
    elif re.match(
        r"(on |from )?both sides|in total|combined|altogether|in all\b|together", text
    ):
        q.scope = "both"
    return q, used


#: Words that make a count an addition ("five more bodies").
_MORE = {"more": "more", "additional": "more", "further": "more", "other": "other"}
#: The marker of a part of a group ("eight of the trapped workers").
_PART = "(part)"


def _part_of_the(tokens: list[Token], j: int) -> Token | None:
    """The noun of "of the trapped workers", "of the injured" after a number."""
    if (
        j + 2 >= len(tokens)
        or tokens[j].low != "of"
        or tokens[j + 1].low not in ("the", "its", "their")
    ):
        return None
    run: list[Token] = []
    k = j + 2
    while k < len(tokens) and len(run) < 3:
        t = tokens[k]
        if t.low in STOPWORDS or not t.text[0].isalpha() or is_number_word(t.low):
            break
        if t.start - tokens[k - 1].end > 1:
            break  # punctuation between
        run.append(t)
        k += 1
    return _pick_head(run, 2) if run else None


def _partitive(tokens: list[Token], j: int) -> Token | None:
    """The noun of "of the 120 seats" / "of its 48 passengers" after a number."""
    if j >= len(tokens) or tokens[j].low != "of":
        return None
    k = j + 1
    if k < len(tokens) and tokens[k].low in (
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
    ):
        k += 1
    if k + 1 >= len(tokens):
        return None
    number, noun = tokens[k], tokens[k + 1]
    if not (
        _DIGITS.match(number.text)
        or number.low in UNITS_WORDS
        or number.low in TENS_WORDS
    ):
        return None
    if not noun.text[0].isalpha() or noun.low in STOPWORDS or is_number_word(noun.low):
        return None
    return noun


_IRREGULAR_PLURALS = frozenset(
    [
        "people",
        "men",
        "women",
        "children",
        "police",
        "staff",
        "personnel",
        "troops",
        "times",
        "cattle",
    ]
)


def _pick_head(run: list[Token], value: float) -> Token:
    """The counted noun in "four former Soviet countries", "58 police officers"."""
    for t in reversed(run):
        w = t.low
        if w in _IRREGULAR_PLURALS or (
            w in SYNONYMS and SYNONYMS[w] in ("soldier", "country", "person", "officer")
        ):
            return t
    if value != 1:
        for t in reversed(run):
            w = t.low
            if (
                w.endswith("s")
                and not w.endswith(("ss", "us", "ous"))
                and not t.text[0].isupper()
                and len(w) > 3
            ):
                return t
    return run[0]


def _head(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w in SYNONYMS:
        return SYNONYMS[w]
    return stem(w)


def _extend(q: Quantity, tok: Token) -> None:
    q.end = max(q.end, tok.end)
    q.phrase_end = max(q.phrase_end, tok.end)


# -- sentence facts -------------------------------------------------------------


_CLAUSE_BREAK = frozenset(["but", "while", "whereas", "although", "though"])
_AUXILIARIES = frozenset(
    [
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "will",
        "would",
        "could",
        "may",
        "might",
        "did",
    ]
)


def _breaks(tokens: list[Token], k: int) -> bool:
    """Token ``k`` starts another clause: "but", "while", or "and" before a verb."""
    low = tokens[k].low
    if low in _CLAUSE_BREAK:
        return True
    if low in ("and", "or") and k + 1 < len(tokens):
        nxt = tokens[k + 1].low
        return nxt in _AUXILIARIES or (nxt.endswith("ed") and len(nxt) > 4)
    return False


#: Words before a number that make it an earlier figure than the story's.
_OLD_VALUE = frozenset(["initially", "originally", "earlier", "previously", "formerly"])

#: Words that put a sentence's facts in the past or elsewhere ("a similar
#: storm", "the previous record", "another attack").
BACKGROUND_WORDS = frozenset(["similar", "previous", "prior", "another", "record"])


def _side(
    text: str,
    tokens: list[Token],
    indexes: list[int],
    edge: int,
    taken: list[tuple[int, int]],
    size: int,
) -> list[Token]:
    """Up to ``size`` tokens walking away from the number (``indexes`` in
    walking order), stopping at a clause break, a ";" or another number."""
    out: list[Token] = []
    prev_edge = edge
    for k in indexes:
        t = tokens[k]
        lo, hi = sorted((prev_edge, t.end if t.end <= edge else t.start))
        gap = text[lo:hi]
        if len(out) >= size or _breaks(tokens, k) or ";" in gap:
            break
        if any(a <= t.start < b for a, b in taken):
            break
        out.append(t)
        prev_edge = t.start if t.end <= edge else t.end
    return out


_DIGIT_HINT = lazy("[0-9" + "".join(_FRACTIONS) + "]")
_LOWER_WORD = lazy(r"[a-z]+")


@functools.cache
def _hint_words() -> tuple[frozenset[str], frozenset[str]]:
    """Number words, and unit words that count one after "a"/"an" ("a week")."""
    numbers = frozenset(
        set(UNITS_WORDS)
        | set(TENS_WORDS)
        | {w for w in SCALES if len(w) > 2}
        | {"dozen", "dozens", "decade", "decades", "century", "centuries"}
        | {"half", "couple", "pair", "twice", "once", "thrice", "quarter"}
        | {"hundreds", "thousands", "millions", "billions", "score", "scores"}
    )
    units = frozenset(set(TIME_UNITS) | set(MEASURE_UNITS) | set(CURRENCY_WORDS))
    return numbers, units


def might_hold_quantity(text: str) -> bool:
    """A cheap pre-check: False only when ``text`` has no digit, fraction
    character, number word or "a"/"an" before a unit, so the full parse can
    be skipped (set look-ups, no big alternation)."""
    if _DIGIT_HINT.search(text):
        return True
    numbers, units = _hint_words()
    words = set(_LOWER_WORD.findall(text.lower()))
    if not numbers.isdisjoint(words):
        return True
    return bool(words & {"a", "an"}) and not units.isdisjoint(words)


def sentence_quantities(
    text: str, base: int = 0, tokens: list[Token] | None = None
) -> tuple[list[Quantity], list[str]]:
    """Quantities of one sentence with their windows, and its content words.

    A quantity's window is the content words up to eight tokens either side
    (``near``: three), stopping at another number and at a clause break
    ("but", ";", "and" before a verb), so that in "destroyed 40 homes and
    damaged 12 schools" the homes were destroyed and the schools damaged.
    ``verb`` is the past-tense word governing the number ("destroyed 40").
    ``tokens`` are ``tokenize(text)`` (offsets into ``text``), when known.
    """
    local = tokenize(text) if tokens is None else tokens
    # Parsed at offset 0 and shifted by ``base`` at the end.
    quantities = _drop_conversions(parse_quantities(text, 0, local), text)
    spans = [(q.phrase_start, q.phrase_end) for q in quantities]
    first = local[0] if local else None
    for q in quantities:
        q.text = text[q.phrase_start : q.phrase_end]
        start, end = q.phrase_start, q.phrase_end
        left = [k for k, t in enumerate(local) if t.end <= start][::-1]
        right = [k for k, t in enumerate(local) if t.start >= end]
        before = _side(text, local, left, start, spans, 8)
        after = _side(text, local, right, end, spans, 8)
        q.window = sorted(set(content_words(before + after)))
        # Names are the subject of every clause: they do not tie a number
        # (a capitalised first word of the sentence, "Turnout was", does).
        q.near = sorted(
            set(
                content_words(
                    [
                        t
                        for t in before[:3] + after[:3]
                        if t.text.islower() or (t is first and t.text[1:].islower())
                    ]
                )
            )
        )
        # "Officials initially said 17": an earlier figure, not the news.
        if any(t.low in _OLD_VALUE for t in before):
            q.contrast = True
        for t in before[:3]:
            low = t.low
            if q.dimension == "percent" and low in _MOVES:
                # "fell 12.4%" / "plunged 14.2 per cent": one movement
                q.verb = _MOVES[low]
                break
            if low in SYNONYMS or (low.endswith("ed") and len(low) > 4):
                q.verb = stem(low)
                break
            if low not in STOPWORDS:
                break
        if not q.verb:
            # The number as subject: "Two people have died", "45,000 people
            # were forced from their homes".
            for t in after[:3]:
                low = t.low
                if low in _AUXILIARIES or low in ("been", "be", "being", "remained"):
                    continue
                if SYNONYMS.get(low) in ("die", "injure") or (
                    low.endswith("ed") and len(low) > 4
                ):
                    q.verb = stem(low)
                break
    colon = text.find(":", 0, 80)
    if colon > 0:
        _label_head(quantities, local, text, colon)
    _inherit_heads(quantities, local)
    for q in quantities:
        # "a year ago" is a moment, not a span: "three months" is no other
        # figure for it
        if (
            q.dimension == "time"
            and text[q.phrase_end : q.phrase_end + 4].lower() == " ago"
        ):
            q.head = "ago"
        # "31 injured", "nine dead": the counted word names the event.
        if q.dimension == "count" and q.head in ("die", "injure"):
            q.verb = q.head
        q.start += base
        q.end += base
        q.phrase_start += base
        q.phrase_end += base
    return quantities, sorted(set(content_words(local)))


#: Verbs of a percentage's movement, normalised ("shares fell 12%" /
#: "plunged 12 per cent").
_MOVES = {
    **dict.fromkeys(
        "fell fall falls dropped drop drops plunged plunge plunges slumped slump"
        " tumbled sank slid declined lost shed".split(),
        "fall",
    ),
    **dict.fromkeys(
        "rose rise rises jumped jump climbed climb soared surged gained"
        " increased grew".split(),
        "rise",
    ),
}


def _drop_conversions(quantities: list[Quantity], text: str) -> list[Quantity]:
    """ "24 kilometers (15 miles)": the bracketed figure converts the one
    before it. It is dropped, so the stated figure is the one compared (and
    reported) and its window reaches past the brackets."""
    out: list[Quantity] = []
    for q in quantities:
        prev = out[-1] if out else None
        if (
            prev is not None
            and q.kind == "measure"
            and q.dimension == prev.dimension
            and q.unit != prev.unit
            and text[prev.phrase_end : q.phrase_start].strip() == "("
            and text[q.phrase_end : q.phrase_end + 1] == ")"
        ):
            continue
        out.append(q)
    return out


def _label_head(
    quantities: list[Quantity], tokens: list[Token], text: str, colon: int
) -> None:
    """A fact-box label names what the figure after it counts: "**Homes
    destroyed:** 122" counts homes (destroyed), as "122 homes were destroyed"
    does. Only a label of one to four words right before the figure (markup
    and spaces between), and only a count that has no noun of its own."""
    label = [t for t in tokens if t.end <= colon]
    if not 1 <= len(label) <= 4 or not all(t.text.isalpha() for t in label):
        return
    if text[: label[0].start].strip(" \t*_>#-+•"):
        return  # the label must open the sentence
    after = [q for q in quantities if q.phrase_start > colon]
    if not after:
        return
    q = min(after, key=lambda q: q.phrase_start)
    if (
        q.dimension != "count"
        or q.head
        or text[colon + 1 : q.phrase_start].strip(" \t*_")
    ):
        return
    nouns = [t for t in label if t.low not in STOPWORDS and not t.low.endswith("ed")]
    if not nouns:
        return
    q.head = _head(nouns[0].low)
    verbs = [t for t in label if t.low.endswith("ed") and len(t.low) > 4]
    if verbs and not q.verb:
        q.verb = stem(verbs[0].low)


def _inherit_heads(quantities: list[Quantity], tokens: list[Token]) -> None:
    """ "14 people died and 61 were hurt": the 61 are people too."""
    last: Quantity | None = None
    for q in quantities:
        if q.kind == "count" and q.dimension == "count":
            if q.head:
                last = q
            elif last is not None and q.value == int(q.value or 0):
                gap = [t for t in tokens if last.phrase_end <= t.start < q.phrase_start]
                # "its crew of nine": the noun before "of" is counted
                if len(gap) <= 8 and not (gap and gap[-1].low == "of"):
                    q.head = last.head


def time_anchors(quantities: list[Quantity], text: str, base: int = 0) -> list[str]:
    """Dates, years and calendar references ("last year") a sentence is tied to.

    Relative markers of the news cycle ("this week", "on Friday") are not
    anchors: sources of one story word them differently, and neither are
    years that only bound a span reaching the present or the future ("its
    lowest level since 2009", "will close by the end of 2026").
    ``base`` is the offset of ``text`` in the document (the quantities').
    """
    out = [
        q.text.lower()
        for q in quantities
        if q.kind == "date"
        and not (
            _YEAR_TEXT.fullmatch(q.text)
            and _BOUND_BEFORE.search(text, 0, q.phrase_start - base)
        )
    ]
    out.extend(
        m.group(0).lower()
        for m in re.finditer(
            r"\b(last|next|previous) (year|month|season|decade|century)\b",
            text,
            re.I,
        )
    )
    return out


_YEAR_TEXT = lazy(r"1[5-9]\d\d|20\d\d")
_BOUND_BEFORE = lazy(
    r"\b(?:since|until|till|by(?: the (?:end|start|middle) of)?)\s+\Z", re.I
)


def background(text: str, tokens: list[Token] | None = None) -> bool:
    """The sentence speaks of an earlier or another event ("a similar storm");
    "another 13 people" adds to this event's count and is not background."""
    if tokens is None:
        tokens = tokenize(text)
    return any(
        t.low in BACKGROUND_WORDS
        and not (
            t.low == "another"
            and k + 1 < len(tokens)
            and is_number_word(tokens[k + 1].low)
        )
        for k, t in enumerate(tokens)
    )


_CAPITAL_TOKEN = lazy(
    r"(?<![0-9A-Za-zÀ-ÖØ-öø-ɏ])[A-ZÀ-ÖØ-Þ][0-9A-Za-zÀ-ÖØ-öø-ɏ’'.\-–]*"
)


def name_words(text: str) -> set[str]:
    """Every capitalised word of ``text``, normalised like ``proper_names``
    (one regex pass: used for a whole article)."""
    return {
        word.rstrip(".,:-–'’").lower().replace("’", "'").rstrip("'s").removesuffix("'")
        for word in set(_CAPITAL_TOKEN.findall(text))
    }


def proper_names(text: str, tokens: list[Token] | None = None) -> list[str]:
    """Capitalised words that do not start the sentence (places, people)."""
    if tokens is None:
        tokens = tokenize(text)
    out = []
    for k, t in enumerate(tokens):
        if k == 0 or not t.text[0].isupper() or t.low in STOPWORDS:
            continue
        prev = text[: t.start].rstrip()
        if prev.endswith((".", "“", '"', ":", "?", "!")):
            continue
        word = t.low.rstrip("'s").removesuffix("'")
        if word.rstrip(".") in MONTHS or word in WEEKDAYS:
            continue
        out.append(word)
    return sorted(set(out))
