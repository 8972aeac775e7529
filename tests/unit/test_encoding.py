"""Unit tests for the NE rules: invalid UTF-8 files, fixes, docstring examples
and the promise that correct Unicode is never reported."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Document
from rules import encoding as ne

RULES = ne.register_rules()


def run(rule_cls, text, path="article.txt"):
    return list(rule_cls().check(Document(path, text)))


@pytest.mark.parametrize("path", ["article.txt", "article.md"])
@pytest.mark.parametrize("rule_cls", RULES, ids=lambda r: r.code)
def test_docstring_examples(rule_cls, path):
    examples = rule_cls.examples()
    assert run(rule_cls, examples["bad"], path), "Bad example must trigger"
    assert not run(rule_cls, examples["good"], path), "Good example must stay quiet"


def test_invalid_utf8_is_reported_once_at_the_first_bad_byte():
    raw = "Line one.\nThe mayor of Bogotá and Medellín.\n".encode("latin-1")
    doc = Document.from_bytes("a.txt", raw)
    assert doc.decode_error_at is not None
    findings = list(ne.ReplacementCharacter().check(doc))
    assert len(findings) == 1
    (finding,) = findings
    assert (finding.line, finding.column) == (2, 19)
    assert "not valid UTF-8" in finding.message
    assert "2 characters" in finding.message


def test_valid_utf8_with_replacement_characters_reports_each_run():
    doc = Document.from_bytes("a.txt", "Bogot\ufffd and M\ufffd\ufffdnchen.\n".encode())
    findings = list(ne.ReplacementCharacter().check(doc))
    assert [(f.column, f.end_column) for f in findings] == [(6, 7), (13, 15)]


def test_mojibake_fix_restores_the_text():
    text = "The plan wasnâ€™t ready at the cafÃ© for Â£5.\n"
    findings = run(ne.Mojibake, text)
    for f in sorted(findings, key=lambda f: f.fix.start, reverse=True):
        text = text[: f.fix.start] + f.fix.replacement + text[f.fix.end :]
    assert text == "The plan wasn’t ready at the café for £5.\n"


def test_entity_fix_decodes_and_zero_width_fix_deletes():
    (entity,) = run(ne.HtmlLeftover, "Tom &amp; Jerry.\n")
    assert entity.fix.replacement == "&"
    (zw,) = run(ne.ControlCharacter, "Zelen\u200bsky.\n")
    assert (zw.fix.start, zw.fix.end, zw.fix.replacement) == (5, 6, "")


def test_c1_control_after_mojibake_is_left_to_ne101():
    text = "He said â€œyesâ€\x9d today.\n"
    assert not run(ne.ControlCharacter, text)
    assert run(ne.Mojibake, text)


_CORRECT = st.lists(
    st.sampled_from(
        [
            "café",
            "naïve",
            "São",
            "Zoë",
            "Øresund",
            "Ñuñoa",
            "über",
            "Ünal",
            "façade",
            "“Don’t”",
            "‘quoted’",
            "—",
            "–",
            "…",
            "½",
            "«Oui»",
            "5°C",
            "£3",
            "€5",
            "©2024",
            "™",
            "Москва",
            "Київ",
            "北京",
            "東京",
            "مرحبا",
            "Αθήνα",
            "שלום",
            "नमस्ते",
            "👩\u200d🔬",
            "❤️",
            "mayor’s",
            "’90s",
            "(Bogotá)",
            "“É”",
            "ÉCOLE",
            "SÃO",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_CORRECT)
def test_correct_unicode_is_never_mojibake(text):
    assert not run(ne.Mojibake, text)
    assert not run(ne.HtmlLeftover, text)


def test_ascii_shortcut_of_ne103_agrees_with_the_pattern():
    import importlib

    enc = importlib.import_module("newslint.rules.encoding")
    for code in range(128):
        text = "a" + chr(code) + "b"
        shortcut = bool(text.encode("ascii").translate(None, enc._ASCII_FINE))
        assert shortcut == bool(enc._CONTROL_OR_INVISIBLE.search(text)), code
