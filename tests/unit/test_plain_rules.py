"""The rules' stdlib ``re`` patterns must match exactly what their ``regex``
patterns matched (newslint.text.plain): a plain article then never imports
``regex``, whose import and pure-Python compiles cost every commit's hook.

Two kinds are checked on the rule fixtures, the quality sets, the examples
and fuzzed texts: patterns that became ``re`` for every text (their former
``regex`` source is kept here), on any text; and every ``PlainOr`` (a
``regex`` pattern with its ``re`` translation), on plain text.
"""

from __future__ import annotations

import functools
import importlib
import random
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import regex
import yaml

from newslint.text.plain import DIVERGENT, PLAIN_RANGES, PlainOr, translatable

ROOT = Path(__file__).resolve().parents[2]
RULE_MODULES = [
    "newslint.rules.typography",
    "newslint.rules.encoding",
    "newslint.rules.boilerplate.structure",
    "newslint.rules.boilerplate.generic",
    "newslint.rules.boilerplate.phrases",
    "newslint.rules.boilerplate.credits",
]
_ALLOWED = [chr(c) for low, high in PLAIN_RANGES for c in range(low, high + 1)]
#: The characters of translatable text.
_PLAIN_SET = ({chr(c) for c in range(128)} | set(_ALLOWED)) - set(DIVERGENT)


@functools.cache
def corpus() -> tuple[str, ...]:
    """Every text of the rule fixtures, the quality sets and the examples."""
    texts: list[str] = []
    for path in sorted((ROOT / "tests" / "fixtures" / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in (data.get("cases") or {}).values():
            if "text" in case:
                texts.append(case["text"])
            texts.extend((case.get("files") or {}).values())
    for folder in ("benchmarks/quality", "examples/content"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".txt"):
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return tuple(texts)


def _plainify(text: str) -> str:
    """``text`` made plain: accents dropped, other letters x/X, digits 7."""
    out = []
    for char in unicodedata.normalize("NFKD", text):
        if char in _PLAIN_SET:
            out.append(char)
        elif unicodedata.combining(char):
            continue
        elif char.isupper():
            out.append("X")
        elif char.isalpha():
            out.append("x")
        elif char.isdigit():
            out.append("7")
        else:
            out.append("?")
    return "".join(out)


_WORDS = [
    *"The council met on Monday said CEO iPhone eBay usSend McDonald O'Neill".split(),
    *"Ana Ruiz U.S. Mr. Dr Reuters AFP AP Getty Images via Photo Video Watch".split(),
    *"one-on-1 twenty-1 2-to-1 7-Eleven 10:30 2024-03-02 OSLO €5m £3.5bn 40%".split(),
    *"Read more Related Share Sign up newsletter inbox you your our us we".split(),
    *"Follow @handle pic.twitter.com/x By Jane Doe is a reporter covers".split(),
    *"HARTE Q A Referee Attendance Skip past after Home World Sport".split(),
    *"&amp; &#8217; </div> <p> â€™ Ã© ĳ".split(),
]
_MARKS = [*" ,.;:!?'\"()[]*_#>|/-•·›»…\t\x0b\x1c\x1f", "\n", "\n\n", " | ", ": "]
_NEWS_CHARS = [*"’‘“”—–…\u00a0«»•·€£°×\u2009\u202f\u2028\u200b\u200c\u200d\u00ad™"]


def _fuzz(seed: int, count: int, alphabet: list[str] | None = None) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 40)):
            roll = rng.random()
            if roll < 0.45:
                pieces.append(rng.choice(_WORDS))
            elif roll < 0.8:
                pieces.append(rng.choice(_MARKS))
            elif roll < 0.95:
                pieces.append(rng.choice(_NEWS_CHARS))
            else:
                pieces.append(rng.choice(alphabet or _ALLOWED))
        texts.append("".join(pieces))
    return texts


#: Characters whose neighbourhoods the patterns look at, for dense fuzzing.
_DENSE = [*"aAbZ19 .,;:!?\t\n\x0b\x1c\u00a0\u2009”“’‘»«)(\"'-–—/|•·›[#*_>@&%$£€…"]


def _dense(seed: int, count: int, extra: list[str]) -> list[str]:
    """Short texts of the characters patterns look at, often repeating one
    of the last three (",\t,", "a.a", "“ “")."""
    rng = random.Random(seed)
    alphabet = _DENSE + extra
    texts = []
    for _ in range(count):
        chars: list[str] = []
        for _ in range(rng.randint(0, 24)):
            if chars and rng.random() < 0.3:
                chars.append(rng.choice(chars[-3:]))
            else:
                chars.append(rng.choice(alphabet))
        texts.append("".join(chars))
    return texts


@functools.cache
def plain_texts() -> tuple[str, ...]:
    texts = [t for t in corpus() if translatable(t)]
    texts += [_plainify(t) for t in corpus() if not translatable(t)]
    texts += _fuzz(1, 1500)
    texts += _dense(3, 3000, ["\u200b", "\u2060", "\u2122"])
    return tuple(t for t in texts if translatable(t))


@functools.cache
def short_plain_texts() -> tuple[str, ...]:
    """The fuzzed ones, matched at every position."""
    return tuple(t for t in plain_texts() if len(t) <= 60)


@functools.cache
def plain_lines() -> tuple[str, ...]:
    """Lines of the plain texts, as they are and without Markdown decoration."""
    lines: set[str] = set()
    for text in plain_texts():
        for line in text.split("\n"):
            if len(line) <= 400:
                lines.add(line)
                lines.add(line.strip().lstrip("#>*-+ \t_").rstrip(" \t*_"))
    return tuple(sorted(lines))


def _matches(pattern: Any, text: str) -> list[tuple[Any, ...]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _one(match: Any) -> Any:
    return match and (match.span(), match.groups())


def test_the_corpus_has_many_plain_texts():
    assert len(corpus()) > 700
    assert sum(1 for t in corpus() if translatable(t)) > 500
    assert len(plain_lines()) > 5_000


# -- patterns that are re on any text ---------------------------------------------------

_CP1252_HIGH = re.escape("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
#: (module, name, its former regex source, flags)
UNIVERSAL = [
    (
        "newslint.rules.encoding",
        "_LOST_RIGHT_QUOTE",
        "â€(?![\u0080-\u00bf" + _CP1252_HIGH + "])",
        0,
    ),
    ("newslint.rules.encoding", "_TOKEN_CHAR", r"[^ \t\r\n]", 0),
    ("newslint.rules.encoding", "_REPLACEMENT", "\ufffd+", 0),
    (
        "newslint.rules.encoding",
        "_TAG",
        r"</?([A-Za-z][A-Za-z0-9]{0,9})(?:[ \t]+[^<>\n]*?)?[ \t]*/?>",
        0,
    ),
    (
        "newslint.rules.encoding",
        "_ENTITY",
        r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
        0,
    ),
    (
        "newslint.rules.encoding",
        "_MARKDOWN_ENTITY",
        r"&amp;(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
        r"|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});",
        0,
    ),
    ("newslint.rules.typography", "_TABLE_LINE", r"^[ \t]*\|", 0),
    (
        "newslint.rules.typography",
        "_SENTENCE_END",
        r"[.!?:…][\"”’')\]]*[ \t]*$",
        0,
    ),
    ("newslint.rules.typography", "_EMPTY_QUOTE_LINE", r"[ \t]*(?:>[ \t]*)+$", 0),
    (
        "newslint.rules.typography",
        "_DOUBLED",
        r"(?<=[^\s(\[{/\\])(?<![.\s]\s?)(?<!\.)([.,;:])([\"”’»)]*)([ \t]?)(?<!\.\.)\1(?![ \t]?\.)",
        0,
    ),
]


@functools.cache
def any_texts() -> tuple[str, ...]:
    """The corpus as it is, and fuzzed texts with characters from anywhere."""
    rng = random.Random(9)
    anywhere = [chr(rng.randrange(0x80, 0x3000)) for _ in range(300)]
    anywhere += [*"\x1c\x1d\x1e\x1f\x85\u3000\ufeff\ufffd\U0001f600", "\u00c3\u00a9"]
    return (*corpus(), *_fuzz(2, 1500, anywhere), *_dense(4, 3000, anywhere[:30]))


@pytest.mark.parametrize(
    ("module", "name", "source", "flags"), UNIVERSAL, ids=[u[1] for u in UNIVERSAL]
)
def test_re_pattern_matches_what_its_regex_source_matched(module, name, source, flags):
    fast = getattr(importlib.import_module(module), name)
    assert fast._module == "re"
    slow = regex.compile(source, flags)
    for text in any_texts():
        assert _matches(fast, text) == _matches(slow, text), text
    for text in any_texts()[-4500:]:
        for pos in range(len(text) + 1):
            assert _one(fast.match(text, pos)) == _one(slow.match(text, pos)), text


# -- PlainOr: regex and its translation on plain text -----------------------------------


def _instances() -> list[PlainOr]:
    for module in RULE_MODULES:
        importlib.import_module(module)
    importlib.import_module("newslint.rules.boilerplate.generic")._re()
    return list(PlainOr.instances)


def _groups(pattern: PlainOr) -> bool:
    """Whether the two patterns have the same groups (all but the author-bio
    one, whose surname ``re`` finds differently: see its test)."""
    same = pattern.plain.compiled.groupindex == pattern.unicode.compiled.groupindex
    assert same or "surname" in pattern.unicode.pattern
    return same


#: ``regex`` patterns that only text which is not plain reaches.
NOT_ON_PLAIN = {
    "newslint.rules.encoding._EMOJI_NEIGHBOUR",
    "newslint.rules.encoding._NON_LATIN_LETTER",
    "newslint.rules.boilerplate.phrases._GLUED_MEDIA",  # see its test
}


def test_every_rule_module_pattern_is_checked():
    # No other regex pattern at module level in the modules made regex-free
    # for plain text: each is a PlainOr, a re pattern, or built on demand.
    from newslint.patterns import LazyPattern

    for name in RULE_MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, LazyPattern) and f"{name}.{attr}" not in NOT_ON_PLAIN:
                assert value._module == "re", f"{name}.{attr}"
    assert len(_instances()) >= 10


@pytest.mark.parametrize("index", range(len(_instances())))
def test_plain_or_translation_matches_alike_on_plain_text(index):
    pattern = _instances()[index]
    fast, slow = pattern.plain, pattern.unicode
    if _groups(pattern):
        matches, one = _matches, _one
    else:

        def matches(p: Any, text: str) -> list[Any]:
            return [m.span() for m in p.finditer(text)]

        def one(m: Any) -> Any:
            return m and m.span()

    for text in plain_texts():
        assert matches(fast, text) == matches(slow, text), (pattern, text)
    for line in plain_lines():
        for method in ("match", "search", "fullmatch"):
            a = getattr(fast, method)(line)
            b = getattr(slow, method)(line)
            assert one(a) == one(b), (pattern, method, line)
    for text in short_plain_texts():
        for pos in range(len(text) + 1):
            assert one(fast.match(text, pos)) == one(slow.match(text, pos)), (
                pattern,
                text,
                pos,
            )


def test_plain_or_picks_regex_for_text_that_is_not_plain():
    for pattern in _instances():
        assert pattern.on("Café") is pattern.unicode
        assert pattern.on("“Cafe” — €5") is pattern.plain
        for char in DIVERGENT:
            assert pattern.on("“Cafe” — " + char) is pattern.unicode


def test_invisible_character_neighbours_on_plain_text():
    from newslint.rules import encoding

    chars = sorted(_PLAIN_SET)
    emoji = [c for c in chars if encoding._EMOJI_NEIGHBOUR.match(c)]
    assert sorted(encoding._PLAIN_PICTOGRAPHS) == emoji
    assert [c for c in chars if encoding._NON_LATIN_LETTER.match(c)] == []
    for char in encoding._INVISIBLE_NAMES:
        for other in ("", "a", "❤"):
            for c in chars:
                for before, after in ((c, other), (other, c)):
                    fast = encoding._belongs_to_neighbours(char, before, after, True)
                    slow = encoding._belongs_to_neighbours(char, before, after, False)
                    assert fast == slow, (char, before, after)


_BIOS = [
    "Jane Doe is a reporter for the Herald.",
    "Ana O'Neill-Ruiz covers health and science.",
    "Mark St.John reports on courts.",
    "Lee Ng’ writes about food. Reach him at @lee.",
    "Tom-Tom de Vries is the paper’s senior political correspondent.",
    "Ruiz is an editor",
]


def test_author_bio_surname_is_what_regex_captured():
    from newslint.rules.boilerplate import generic

    bio = generic._re().bio
    seen = 0
    for line in [*_BIOS, *plain_lines()]:
        slow = bio.unicode.match(line)
        fast = bio.plain.match(line)
        assert (fast and fast.span()) == (slow and slow.span()), line
        if slow:
            seen += 1
            assert generic._surname(fast) == slow.group("surname"), line
            assert generic._surname(slow) == slow.group("surname")
    assert seen >= len(_BIOS)


def test_author_byline_pattern_matches_alike():
    from newslint.rules.boilerplate import generic

    texts = [
        *plain_lines(),
        "By Jane Doe",
        "by jane DOE and Ana Ruiz",
        "BY the desk of O'Neill-Ruiz’s team",
        "By Doe’s friend",
        "By Does",
        "by\u2009x\u200bDoe",
        "by O'Neill",
    ]
    # (with a joiner, "by x\u200dDoe", the two differ: such a line is not
    # translatable, and _is_author takes regex for it)
    assert not translatable("by x\u200dDoe")
    for surname in ("Doe", "O'Neill", "Neill", "Ruiz’", "O'Neill-Ruiz", "de", "Lo"):
        slow = regex.compile(
            generic._byline_naming(regex.escape(surname)), regex.IGNORECASE
        )
        fast = re.compile(
            generic.translate(generic._byline_naming(re.escape(surname)), native=True),
            re.IGNORECASE,
        )
        for text in texts:
            assert _one(fast.match(text)) == _one(slow.match(text)), (surname, text)


def test_the_mojibake_leads_of_plain_text():
    from newslint.rules import encoding

    leads = [c for c in sorted(_PLAIN_SET) if "\u00c2" <= c <= "\u00f4"]
    assert tuple(leads) == encoding._PLAIN_LEADS


_GLUED = [
    "Floods hit the town. Video: Residents wade through the high street",
    "Floods hit the town.  \t WATCH:  “The flood” in pictures",
    "Floods hit the town.\u00a0Video: Residents wade",
    "Floods hit the town.\tIn pictures: 40 Years of floods",
    "Floods hit the town.” IN PICTURES: The Night",
    "Video: Residents wade through the high street",
    "  Video: Residents wade",
    "It rained. Photos: ab",
    "It rained. Photos: abc. Next",
    "He said:  VIDEOS:   Clip of it all",
]


def test_glued_media_label_is_found_alike():
    from newslint.rules.boilerplate import phrases

    lines = [*_GLUED, *(t for t in plain_lines() if ":" in t)]
    found = 0
    for text in lines:
        assert translatable(text)
        positions = {0, max(0, len(text) - 200)}
        if len(text) < 80:
            positions.update(range(len(text) + 1))
        for pos in sorted(positions):
            slow = phrases._GLUED_MEDIA.search(text, pos)
            want = (slow.start(), slow.group("title")) if slow else None
            assert phrases._glued_media(text, pos) == want, (text, pos)
            found += want is not None
    assert found > 20


_CREDIT_PIECES = [
    *"AP Reuters REUTERS AFP Getty Images EPA-EFE Xinhua dpa PA Media".split(),
    *"Photo photo Photos Picture PİCTURE: pic Credit: Credits... Image source,".split(),
    *"Photograph: Photographs by via VIA Pool File Jane DOE O'Neill St.John".split(),
    *'/ / ( ) . .” ” ’ " ) ] … ! ? : ,'.split(),
    " ",
    " ",
    "  ",
    "\t",
    " / ",
    "\u00a0",
    "A&E",
    "The caption ends here.",
]
_CREDIT_NAMES = [
    None,  # the built-in list
    ("AP", "Reuters", "A&E Pictures", "St. Pete Times", "Agence-X", "Foo (Bar)"),
]


_CREDIT_EXAMPLES = [
    "Firefighters at the harbour on Tuesday. JANE DOE/AFP via Getty Images",
    "A crowd gathers near the pier (AP Photo/Jane Doe, File)",
    "A crowd gathers near the pier. Pool photo via AP",
    "A crowd gathers near the pier.” AP",
    "A crowd gathers near the pier.) Reuters",
    "A crowd gathers near the pier.]\t \tREUTERS/Jane Doe",
    "A crowd gathers (Photo: PTI)",
    "Photographs by Tom Hale",
    "Reuters",
    "A crowd gathers near the pier. Picture: dpa",
    "A crowd gathers near the pier. Credit… Jane Doe/St. Pete Times",
]


@functools.cache
def credit_lines() -> tuple[str, ...]:
    from newslint.rules.boilerplate.credits import PhotoCredit, may_hold_credit

    rng = random.Random(17)
    made = [
        " ".join(rng.choice(_CREDIT_PIECES) for _ in range(rng.randint(1, 10)))
        for _ in range(1500)
    ]
    made += [
        "".join(rng.choice(_CREDIT_PIECES) for _ in range(rng.randint(1, 10)))
        for _ in range(1500)
    ]
    # Of the corpus, the lines the rule searches (it skips those that cannot
    # hold a credit).
    names = PhotoCredit()._names
    corpus_lines = [t for t in plain_lines() if may_hold_credit(t, names)]
    lines = [*_CREDIT_EXAMPLES, *made, *corpus_lines]
    return tuple(t.rstrip(" \t*_") for t in lines if translatable(t))


@pytest.mark.parametrize("names", _CREDIT_NAMES)
def test_credit_patterns_match_alike_on_plain_lines(names):
    from newslint.rules.boilerplate import credits

    names = names or credits.PhotoCredit()._names
    slow = credits.compile_credits(names)
    fast = credits.compile_plain_credits(names)
    assert fast is not None and set(fast.sources) == set(slow)
    found = 0
    for text in credit_lines():
        positions = {0, max(0, len(text) - 300)}
        if len(text) < 40:
            positions.update(range(len(text) + 1))
        for key in slow:
            for pos in sorted(positions):
                want = _one(slow[key].search(text, pos))
                assert _one(fast[key].search(text, pos)) == want, (key, text, pos)
                found += want is not None
            want = _one(slow[key].fullmatch(text))
            assert _one(fast[key].fullmatch(text)) == want, (key, text)
    assert found > 500


def test_credit_start_is_the_same_with_either_set_of_patterns():
    from newslint.rules.boilerplate import credits

    names = credits.PhotoCredit()._names
    slow = credits.compile_credits(names)
    fast = credits.compile_plain_credits(names)
    found = 0
    for text in credit_lines():
        pos = max(0, len(text) - 300)
        want = credits.PhotoCredit._credit_start(text, slow, pos)
        assert credits.PhotoCredit._credit_start(text, fast, pos) == want, text
        found += want is not None
    assert found > 100


def test_names_that_are_not_plain_keep_regex():
    from newslint.rules.boilerplate import credits

    assert credits.compile_plain_credits(("AP", "Agência Brasil")) is None


def test_after_sentence_is_the_lookbehind():
    from newslint.rules.boilerplate import credits

    slow = regex.compile(credits._AFTER_SENTENCE)
    for text in [*_dense(8, 3000, []), *_CREDIT_EXAMPLES]:
        for pos in range(len(text) + 1):
            want = slow.match(text, pos) is not None
            assert credits._after_sentence(text, pos) == want, (text, pos)
