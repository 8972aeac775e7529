"""Masking of non-prose spans without shifting offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import markup
from newslint.document import Document


def prose(text: str, path: str = "a.md") -> str:
    return Document(path, text).prose


def assert_same_shape(text: str, masked: str) -> None:
    assert len(masked) == len(text)
    for a, b in zip(text, masked, strict=True):
        if a in "\r\n":
            assert a == b
        else:
            assert b in (a, " ")


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Before\n```\ncode. . here\n```\nAfter. . x\n", "code", "After. . x"),
        ("Before\n~~~python\ncode. . here\n~~~\nAfter\n", "code", "After"),
        ("Before\n````\n```\ninner\n```\n````\nAfter\n", "inner", "After"),
        ("Unclosed\n```\ncode. . runs to the end\n", "code", "Unclosed"),
        ("Use `x. . y` and ``a ` b`` here.\n", "x. . y", "Use"),
        ("Text <!-- hidden. . note --> more.\n", "hidden", "more."),
        ("Text <!-- multi\nline. . note\n--> more.\n", "line", "more."),
        ("See https://example.com/a..b?x=1. Next.\n", "example", "Next."),
        ("See www.example.org/path. Next.\n", "example", "Next."),
        (
            'A [link text](https://x.example/a. .b "Title. . t") after.\n',
            "x.example",
            "link text",
        ),
        ('A [ref][1] here.\n\n[1]: https://x.example/ref. . "T"\n', "x.example", "ref"),
        ("Mail <someone@example.com> or <https://x.example>.\n", "example", "Mail"),
    ],
)
def test_masked_spans(text, hidden, kept):
    masked = prose(text)
    assert_same_shape(text, masked)
    assert hidden not in masked
    assert kept in masked


def test_url_trailing_punctuation_stays_prose():
    text = "Read https://example.com/report. Then leave.\n"
    masked = prose(text, "a.txt")
    assert masked[text.index("report.") + len("report")] == "."
    assert "Then leave." in masked


def test_urls_and_comments_masked_in_txt_but_not_code():
    text = "Go to https://x.example/a. <!-- note. . --> Use `code. . x`.\n"
    masked = prose(text, "a.txt")
    assert "x.example" not in masked
    assert "note" not in masked
    assert "`code. . x`" in masked


def test_link_text_stays_and_offsets_do_not_move():
    text = "Intro [the report](http://x.example/r) said. . more\n"
    d = Document("a.md", text)
    offset = d.prose.index(". .")
    assert offset == text.index(". .")
    assert "the report" in d.prose


def test_inline_code_does_not_span_paragraphs():
    text = "A stray ` tick.\n\nAnother ` tick. . here\n"
    assert ". ." in prose(text)


def test_fence_needs_line_start():
    text = "Inline ``` not a fence. . yes\n"
    masked = prose(text)
    assert "yes" in masked


def test_merge_overlapping_spans():
    assert markup.merge([(5, 9), (0, 3), (2, 6), (10, 12)]) == [(0, 9), (10, 12)]
    assert markup.merge([]) == []


def test_mask_keeps_newlines():
    assert markup.mask("ab\r\ncd", [(1, 5)]) == "a \r\n d"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "word ",
                ". ",
                "`",
                "```\n",
                "<!--",
                "-->",
                "\n",
                "\r\n",
                "[a](",
                ")",
                "https://x.y/z",
                "---\n",
                "~~~\n",
                "é",
                "😀",
                " ",
                "]",
            ]
        ),
        max_size=40,
    )
)
def test_masking_never_changes_length_or_lines(pieces):
    text = "".join(pieces)
    for path in ("a.md", "a.txt"):
        d = Document(path, text)
        assert_same_shape(text, d.prose)
        for block in d.paragraphs:
            assert d.prose[block.start : block.end] == block.text


def test_url_shortcut_still_finds_www_in_any_case():
    from newslint import markup

    for text in ("see WWW.Example.com now", "see wWw.example.com", "no urls here. w."):
        spans = list(markup.urls(text))
        assert bool(spans) == ("www." in text.lower()), text
