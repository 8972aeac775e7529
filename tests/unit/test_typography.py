"""Unit tests for the NT rules beyond the YAML cases: docstring examples,
fixes, defaults that YAML cases cannot reach, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Document
from rules import typography as nt

RULES = nt.register_rules()


def run(rule_cls, text, path="article.txt", **options):
    rule = rule_cls(rule_cls.Options(**options))
    return list(rule.check(Document(path, text)))


def apply_fixes(text, findings):
    for finding in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        fix = finding.fix
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text


@pytest.mark.parametrize("path", ["article.txt", "article.md"])
@pytest.mark.parametrize("rule_cls", RULES, ids=lambda r: r.code)
def test_docstring_examples(rule_cls, path):
    examples = rule_cls.examples()
    assert run(rule_cls, examples["bad"], path), "Bad example must trigger"
    assert not run(rule_cls, examples["good"], path), "Good example must stay quiet"


@pytest.mark.parametrize(
    ("rule_cls", "dirty", "clean"),
    [
        (
            nt.DoubledPunctuation,
            "It ended. . Then it rained,, hard.",
            "It ended. Then it rained, hard.",
        ),
        (
            nt.DoubledPunctuation,
            "She called it “a turning point”. . Then",
            "She called it “a turning point”. Then",
        ),
        (nt.DoubledPunctuation, "It was “over.” . Then", "It was “over.” Then"),
        (nt.DoubledSpeechVerb, "“Yes,” he said. added.", "“Yes,” he said."),
        (
            nt.SpaceBeforePunctuation,
            "Asia , Europe ; Africa .",
            "Asia, Europe; Africa.",
        ),
        (
            nt.DigitInSpelledNumber,
            "A one-on-1 talk at twenty-1.",
            "A one-on-one talk at twenty-one.",
        ),
    ],
)
def test_safe_fixes_give_the_clean_text(rule_cls, dirty, clean):
    findings = run(rule_cls, dirty)
    assert findings and all(f.fix is not None and f.fix.safe for f in findings)
    fixed = apply_fixes(dirty, findings)
    assert fixed == clean
    assert not run(rule_cls, fixed)


def test_glued_words_fix_is_unsafe_space():
    (finding,) = run(nt.GluedWords, "Email usSend now.")
    assert not finding.fix.safe
    assert apply_fixes("Email usSend now.", [finding]) == "Email us Send now."


def test_fused_paragraph_default_limit():
    sentence = "The council met again on Monday to talk about the bridge."
    short = " ".join([sentence] * 30)  # 330 words
    long = " ".join([sentence] * 33)  # 363 words
    assert not run(nt.FusedParagraph, short + "\n")
    (finding,) = run(nt.FusedParagraph, "Intro.\n\n" + long + "\n")
    assert (finding.line, finding.column) == (3, 1)
    assert "363 words" in finding.message


def test_fused_paragraph_one_line_paragraphs_in_plain_text_are_measured_per_line():
    line = " ".join(["The council met again on Monday to talk about the bridge."] * 4)
    text = "\n".join([line] * 20) + "\n"  # 880 words, one paragraph a line
    assert not run(nt.FusedParagraph, text, "a.txt")


def test_multi_paragraph_quote_with_one_paragraph_a_line():
    text = (
        "“We will rebuild the bridge and the road and the school and the park, the mayor said on Monday.\n"
        "“Then we will widen the road and plant trees along the river for the whole town,” she added.\n"
    )
    assert not run(nt.UnbalancedQuotes, text, "a.txt")


def test_camel_case_names_file_is_loaded():
    names = nt.camel_case_names()
    assert {"iPhone", "easyJet", "jetBlue"} <= names
    assert not any(name.startswith("#") for name in names)


_WORDS = st.sampled_from(
    [
        "the",
        "mayor",
        "said",
        "on",
        "Monday",
        "that",
        "U.S.",
        "officials",
        "Feb.",
        "24",
        "3.5%",
        "10:30",
        "a.m.",
        "iPhone",
        "eBay",
        "McDonald's",
        "YouTube",
        "—",
        "–",
        "…",
        "don’t",
        "leaders’",
        "’90s",
        "2-to-1",
        "one-in-10",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_clean_vocabulary_never_triggers(words):
    text = " ".join(words) + " today.\n"
    for rule_cls in (
        nt.DoubledPunctuation,
        nt.DoubledSpeechVerb,
        nt.SpaceBeforePunctuation,
        nt.GluedWords,
        nt.DigitInSpelledNumber,
    ):
        assert not run(rule_cls, text), (rule_cls.code, text)


def test_hard_wrapped_plain_text_paragraphs_are_not_fused():
    import textwrap

    body = "The council met again on Monday to talk about the bridge and its cost. " * 5
    paragraphs = [
        textwrap.fill(f"{body}Paragraph {i} ends here.", 70) for i in range(12)
    ]
    flush = "\n".join(paragraphs) + "\n"
    indented = "\n".join("  " + p for p in paragraphs) + "\n"
    assert len(flush.split()) > 800
    assert len(nt.paragraph_units(Document("wire.txt", flush))) == 12
    assert len(nt.paragraph_units(Document("wire.txt", indented))) == 12
    assert not run(nt.FusedParagraph, flush, "wire.txt")
    # the same text as one Markdown paragraph is one fused paragraph
    assert run(nt.FusedParagraph, flush, "wire.md")


_NASTY = st.lists(
    st.sampled_from(
        [
            *list("aZ1 .,;:!?-–“”‘’\"'\n\t>#*_|&<>/…"),
            "said",
            "added",
            "one",
            "usSend",
            "\r\n",
            "\n\n",
            "- ",
            "1. ",
            "“",
            "”",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NASTY, st.sampled_from(["a.txt", "a.md"]))
def test_rules_never_crash_and_stay_in_bounds(text, path):
    from newslint.rules import encoding as ne

    doc = Document(path, text)
    for rule_cls in RULES + ne.register_rules():
        for finding in rule_cls(rule_cls.Options()).check(doc):
            assert 0 <= finding.start <= finding.end <= len(text)
            if finding.fix is not None:
                assert 0 <= finding.fix.start <= finding.fix.end <= len(text)


def test_ascii_case_change_trigger_agrees_with_the_unicode_one():
    import importlib
    import string

    ty = importlib.import_module("newslint.rules.typography")
    text = "".join(
        string.printable[(i * 7) % len(string.printable)] for i in range(3000)
    )
    text += " usSend iPhone McDonald aB Ab ab AB"
    ascii_hits = [m.start() for m in ty._ASCII_CASE_CHANGE.finditer(text)]
    unicode_hits = [m.start() for m in ty._CASE_CHANGE.finditer(text)]
    assert ascii_hits == unicode_hits and ascii_hits
