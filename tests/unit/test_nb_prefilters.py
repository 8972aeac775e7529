"""The cheap tests that run before NB patterns (or before patterns compile)
must never change an answer: each is checked against the pattern it guards
on every line of the NB rule cases and quality fixtures, plus lines built
round their edge cases (case folding of İ, ſ and the Kelvin sign, "re:"
entries, emphasis, bars)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

from newslint import Document

# the package's ``catalogue`` attribute is the function of that name
cat = importlib.import_module("newslint.rules.boilerplate.catalogue")
generic = importlib.import_module("newslint.rules.boilerplate.generic")

ROOT = Path(__file__).resolve().parents[2]

EDGE_LINES = [
    "Sign up for our newsletter",
    "SİGN UP FOR OUR NEWSLETTER",
    "ſign up for our newſletter",
    "Get the latest news straight to your İNBOX",
    "Click here to read more",
    "Skip past newsletter promotion",
    "SKİP PAST NEWSLETTER PROMOTION",
    "after newsletter promotion",
    "The Associated Press receives financial support from the foundation.",
    "The comments below have been moderated in advance.",
    "The council met on Monday. It approved the budget.",
    "**Related:** [The bridge story]",
    "Posted by Newsroom | 3 min read",
    "Share · Copy link · Save",
    "6h ago · 2 min read",
    "Updated at 11.44 BST",
    "Email *",
    "Name (required)",
    "Privacy Policy, opens new tab",
    "— Jane Doe (@janedoe) May 2, 2025",
    "Jane Doe is a reporter covering the courts. Reach her at jane@example.com",
    "Copyright 2024 Example Media. All rights reserved.",
    "© 2024 Example Media Group",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "3 min read",
    "Listen to this article · 4 min",
    "Read more: The bridge that fell",
    "Home › News › Local",
    "View this post on Instagram",
    "Follow us on Twitter",
    "You have 2 free articles left this month",
    "Download the app",
]


def _fixture_lines() -> list[str]:
    lines: list[str] = list(EDGE_LINES)
    for path in sorted((ROOT / "tests" / "fixtures" / "rules").glob("NB*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data.get("cases", {}).values():
            texts = [case["text"]] if "text" in case else []
            texts += list((case.get("files") or {}).values())
            for text in texts:
                lines.extend(
                    line.core for line in cat.doc_lines(Document("a.md", text))
                )
    for path in sorted((ROOT / "benchmarks" / "quality" / "nb").rglob("*")):
        if path.suffix in (".md", ".txt") and path.name != "README.md":
            text = path.read_text(encoding="utf-8").replace("⟦NB⟧", "")
            doc = Document(str(path), text)
            lines.extend(line.core for line in cat.doc_lines(doc))
    return lines


LINES = _fixture_lines()


def test_the_fixtures_give_enough_lines():
    assert len(LINES) > 1000


class _AlwaysTested(cat.Catalogue):
    """A catalogue that never compiles a whole group, so every line is tried
    on only the entries whose pieces it holds."""

    PARTIAL_GROUPS = 10**9
    TESTED_LINES = 10**9

    def _group(self, key, plain_text=False):
        group = super()._group(key, plain_text)
        self._compiled.pop((key, plain_text), None)
        return group


class _NeverTested(cat.Catalogue):
    def _group_for(self, key, line, plain_text=False):
        return self._group(key, plain_text)


def test_catalogue_prefilter_never_changes_a_match():
    texts = sorted({t for line in LINES for t in (line, cat.plain(line))})
    names = (*cat.catalogue(), cat.ALL)
    matched = 0
    for name in names:
        entries = cat._builtin(name).entries
        fast, slow = _AlwaysTested(entries), _NeverTested(entries)
        for text in texts:
            key = cat.key_at(text, 0)
            expected = slow.fullmatch(text, key)
            assert fast.fullmatch(text, key) == expected, (name, text)
            matched += expected
    assert matched > 100, "some lines must be leftovers"


def test_catalogue_hits_agree_with_each_section():
    text = "\n\n".join(EDGE_LINES) + "\n"
    doc = Document("a.md", text)
    table = cat.catalogue_hits(doc)
    for name in (*cat.catalogue(), cat.ALL):
        pattern = cat._builtin(name)
        for line in cat.doc_lines(doc):
            assert (line.number in table.core[name]) == pattern.fullmatch(
                line.core, line.key
            ), (name, line.core)


@pytest.mark.parametrize(
    "entry, pieces",
    [
        (
            r"re<the>:the\s+associated\s+press\s+receives",
            ("the", "associated", "press", "receives"),
        ),
        (r"re<x>:(?:the\s+)?views\s+expressed", ("views", "expressed")),
        (r"re<x>:this\s+is\s+an?\s+(?:premium)", ("this", "is", "a", "premium")),
        (r"re<x>:save\s+my\s+name,?\s+e-?mail", ("save", "my", "name", "e", "mail")),
        (r"re<x>:\+\s?\d{1,3}", ()),
        (r"re<x>:\[\s*source\s*:[^\]]{1,80}\]", ("source", ":")),
        (r"re<x>:copyright\s*(?-i:\p{Lu})x{0,3}y", ("copyright", "y")),
        (r"re<x>:news|home", ((("news",), ("home",)),)),
        (r"re<x>:\d{1,3}\s+(?:photos|images)", ((("photos",), ("images",)),)),
        (r"re<x>:\d{4}-\d{2}[T ]", ("-",)),
        (r"re<x>:also\s*[:|»]\s*x-?y", ("also", ((":",), ("|",), ("»",)), "x", "y")),
        (
            r"re<x>:(?:be\s+the\s+first|join\s+us)\s*:",
            ((("be", "the", "first"), ("join", "us")), ":"),
        ),
        (r"re<x>:(?=abc)def", ("def",)),
        (r"re<x>:(?:abc)?def(?:gh){0,2}", ("def",)),
        (r"re<x>:(?P<n>abc)+(?i:xy)", ("abc", "xy")),
        (r"re<x>:a(?:b|)c", ("a", "c")),
        (r"re<x>:a|b?", None),
        ("Read more", ("read", " more")),
        ("Follow … on Twitter", ("follow", "on", " twitter")),
        ("Share on e-mail", ("share", " on", " e", "mail")),
    ],
)
def test_entry_pieces(entry, pieces):
    assert cat.entry_pieces(entry) == pieces


def test_call_to_action_prefilter_never_changes_an_answer(monkeypatch):
    fast = [generic.call_to_action(line) for line in LINES]
    narrowed_triggers = generic._present_triggers(LINES)
    narrowed = [generic.call_to_action(line, narrowed_triggers) for line in LINES]
    monkeypatch.setattr(generic, "_may_call_to_action", lambda *args: True)
    slow = [generic.call_to_action(line) for line in LINES]
    assert fast == slow == narrowed
    assert any(slow)


def test_vocabulary_test_never_hides_a_ui_or_timestamp_line():
    hits = 0
    for line in LINES:
        words = generic._words(line)
        if generic.ui_line(line, words) or generic.timestamp_line(line, words):
            hits += 1
            assert generic.vocabulary_line(line), line
    assert hits


@pytest.mark.parametrize(
    "text", ["", "a.", "a.\n", "a\n", "\n", "x”", "Why?", "(he said)", "end…"]
)
def test_ends_sentence_is_the_pattern(text):
    import regex

    expected = bool(regex.search(r"[.!?…;”\"’)]$", text))
    assert generic._ends_sentence(text) == expected


@pytest.mark.parametrize(
    "text", ["", "a.", "a.\n", "a:\n", "\n", "x]", "Why?", "(he said)", "end…", "a b"]
)
def test_catalogue_ends_sentence_is_the_pattern(text):
    assert cat.ends_sentence(text) == bool(cat._SENTENCE_END.search(text))


@pytest.mark.parametrize("limit", [0, 1, 3, 8, 60])
def test_more_words_counts_like_split(limit):
    for text in ["", " ", "one", " one two ", "a\tb\nc d e f g h i j", *LINES[:200]]:
        assert generic._more_words(text, limit) == (len(text.split()) > limit)


def _strip_tail_reference(core: str) -> str:
    out = core
    while True:
        before = out
        out = out.rstrip(cat._TRAIL_CHARS)
        if out.endswith("..."):
            out = out[:-3]
        elif out[-1:] in ("-", "–", "—"):
            head = out.rstrip("-–—")
            if head[-1:] in (" ", "\t"):
                out = head
        if out == before:
            break
    return out if out.strip() else core


@pytest.mark.parametrize(
    "core",
    [
        "",
        " ",
        "Read more »",
        "Next story →",
        "Watch: …",
        "Sign up -",
        "A sentence.",
        "Wait...",
        "Wait...  ...",
        "x -- ",
        "Photo: AP —",
        "\u00a0",
        "end:",
        "a|",
        "ok",
    ],
)
def test_strip_tail_fast_path(core):
    assert cat._strip_tail(core) == _strip_tail_reference(core)


credits = importlib.import_module("newslint.rules.boilerplate.credits")
CREDIT_LINES = [
    "Firefighters at the harbour on Tuesday. JANE DOE/AFP via Getty Images",
    "Firefighters at the harbour on Tuesday. JANE DOE/AFP VİA GETTY İMAGES",
    "A crowd gathers near the pier (AP Photo/Jane Doe, File)",
    "A crowd gathers near the pier. PİCTURE: dpa",
    "A crowd gathers near the pier. Pool photo via AP",
    "A crowd gathers near the pier. REUTERS",
    "A crowd gathers near the pier. (Reuters)",
    "A crowd gathers near the pier. Reuters)",
    "A crowd gathers near the pier.” AP",
    "A crowd gathers near the pier. ILLUſTRATION BY Jane Doe",
    "Photographs by Tom Hale",
    "More than 40,000 people lined the harbour on Saturday for the first",
]


def test_credit_prefilter_never_hides_a_credit():
    names = credits.PhotoCredit()._names
    patterns = credits.compile_credits(names)
    hits = 0
    for text in {*LINES, *CREDIT_LINES}:
        text = text.rstrip(" \t*_")
        if any(p.search(text) for key, p in patterns.items() if key != "agency"):
            hits += 1
            assert credits.may_hold_credit(text, names), text
    assert hits > 20
    assert not credits.may_hold_credit(CREDIT_LINES[-1], names)


def test_every_entry_needs_what_its_pieces_say():
    """Per entry, not only per group: wherever an entry's pattern matches in
    a line, the line holds the entry's pieces (so a group of only the entries
    whose pieces a line holds matches as the whole group would)."""
    import regex

    texts = sorted({t for line in LINES for t in (line, cat.plain(line))})
    lows = [" ".join(t.casefold().replace("\u0307", "").split()) for t in texts]
    entries = sorted({e for section in cat.catalogue().values() for e in section})
    checked = 0
    for entry in entries:
        pieces = cat.entry_pieces(entry)
        if pieces is None:
            continue
        pattern = regex.compile(cat.entry_pattern(entry)[0], regex.I | regex.V0)
        for text, low in zip(texts, lows, strict=True):
            if pattern.search(text):
                checked += 1
                assert cat._holds(pieces, low), (entry, text)
    assert checked > 200


def _plain_lines() -> list[str]:
    """Plain lines made to match: every literal entry filled in and varied
    (case, blanks, curly quotes, dashes, a trailing mark), with the plain
    fixture lines."""
    import random

    from newslint.text.plain import translatable

    rng = random.Random(5)
    fills = ["Jane Doe", "the Harbour Times", "@harbour", "3 min read", "€5", "“Live”"]
    out = [t for t in LINES if translatable(t)]
    for section in cat.catalogue().values():
        for entry in section:
            if cat._re_entry(entry):
                continue
            text = entry.replace("……", rng.choice(fills)).replace(
                "…", rng.choice(fills)
            )
            text = text.replace("...", rng.choice(fills))
            variants = [
                text,
                text.upper(),
                text.replace(" ", "\u00a0"),
                text.replace("'", "’") + rng.choice(["", ".", "!", " —", ":"]),
                rng.choice(["", "** ", "— "])
                + text
                + rng.choice(["", " | Share", " · 2 min"]),
            ]
            out.extend(v for v in variants if translatable(v))
    return sorted(set(out))


def test_plain_lines_match_as_regex_matches_them():
    """On plain lines the catalogue's re groups (translated, \\p{Sc} spelled
    out) give every section exactly the regex groups' answers."""
    texts = _plain_lines()
    matched = 0
    for name in (*cat.catalogue(), cat.ALL):
        entries = cat._builtin(name).entries
        for fast_class in (_AlwaysTested, _NeverTested):
            plain_side, regex_side = fast_class(entries), fast_class(entries)
            for text in texts:
                key = cat.key_at(text, 0)
                expected = regex_side.fullmatch(text, key, False)
                assert plain_side.fullmatch(text, key, True) == expected, (name, text)
                matched += expected
    assert matched > 1000


def test_plain_currency_class_is_regex_sc_on_plain_text():
    import re

    import regex

    from newslint.text.plain import PLAIN_RANGES

    sc = regex.compile(r"\p{Sc}")
    ours = re.compile(f"[{cat.PLAIN_SC}]")
    for char in map(chr, range(128)):
        assert bool(sc.match(char)) == bool(ours.match(char)), char
    for low, high in PLAIN_RANGES:
        for char in map(chr, range(low, high + 1)):
            assert bool(sc.match(char)) == bool(ours.match(char)), hex(ord(char))


def test_lines_re_reads_apart_take_regex():
    """A line holding one of the characters re's \\s, \\w or \\b read apart
    from regex's is not translatable: the catalogue's default picks regex."""
    entries = cat._builtin(cat.ALL).entries
    auto, regex_side = _NeverTested(entries), _NeverTested(entries)
    texts = [
        f"Back{mark}to top" for mark in ("\u200d", "\u200c", "\u203f", "\x1c", " ")
    ] + ["Advertisement\u2054", "Read more:\x1fThe bridge"]
    for text in texts:
        key = cat.key_at(text, 0)
        assert auto.fullmatch(text, key) == regex_side.fullmatch(text, key, False), text
