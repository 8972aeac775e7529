"""Sentence splitting: list items, table rows and headings are units of their own."""

from __future__ import annotations

import pytest

from newslint.document import Document


def sentences(text: str, path: str = "a.md") -> list[str]:
    doc = Document(path, text)
    for s in doc.sentences:  # offsets point into the file as it is on disk
        assert doc.text[s.start : s.end] == s.text
    return [s.text for s in doc.sentences]


def test_list_items_with_bold_labels_are_sentences_of_their_own():
    text = (
        "## The facts so far\n\n"
        "- **Fall:** 12 metres\n"
        "- **Vehicle:** a 1998 coach carrying 46 passengers\n"
        "* **Homes destroyed:** 122\n"
        "+ **Dead:** 24\n"
    )
    assert sentences(text) == [
        "The facts so far",
        "**Fall:** 12 metres",
        "**Vehicle:** a 1998 coach carrying 46 passengers",
        "**Homes destroyed:** 122",
        "**Dead:** 24",
    ]


def test_list_right_after_a_prose_line_and_indented_items():
    text = "What we know:\n- 24 dead\n  - 9 of them children\n- 48 on board\n"
    assert sentences(text) == [
        "What we know:",
        "24 dead",
        "9 of them children",
        "48 on board",
    ]


def test_numbered_lists():
    text = "1. First item without a full stop\n2. Second item\n10) Tenth item. It goes on\n"
    assert sentences(text) == [
        "First item without a full stop",
        "Second item",
        "Tenth item.",
        "It goes on",
    ]


def test_wrapped_list_item_stays_one_sentence():
    text = (
        "- The coach, built in 1998, carried 46 passengers\n  and two drivers\n- Next\n"
    )
    assert sentences(text) == [
        "The coach, built in 1998, carried 46 passengers\n  and two drivers",
        "Next",
    ]


def test_table_rows_are_sentences_and_the_rule_row_is_skipped():
    text = "| Item | Count |\n|---|:--:|\n| Homes destroyed | 122 |\n| Schools | 4 |\n"
    assert sentences(text) == [
        "Item | Count |",
        "Homes destroyed | 122 |",
        "Schools | 4 |",
    ]


def test_heading_lines_end_their_sentence():
    text = "# Bus crash near Ocros\nAt least 24 people died\n## Why\nRoads are poor.\n"
    assert sentences(text) == [
        "Bus crash near Ocros",
        "At least 24 people died",
        "Why",
        "Roads are poor.",
    ]


def test_crlf_line_endings():
    text = "Facts:\r\n- 12 metres\r\n- 46 passengers\r\n# Heading\r\n"
    assert sentences(text) == ["Facts:", "12 metres", "46 passengers", "Heading"]


@pytest.mark.parametrize(
    "text",
    [
        # a hyphen and an asterisk inside a line
        "The well-known road - a dangerous one * they say - was closed\n",
        # a line-wrapped paragraph whose continuation starts with a word
        "The bus was carrying 48 people when it left\nAyacucho late on Sunday night\n",
        # "1.5 million" at a line start: a number, not a list marker
        "The region has a population of about\n1.5 million and few paved roads\n",
        # an em dash (and an en dash) starting a wrapped line of prose
        "The bus carried 48 people\n— passengers and two drivers\n– when it fell\n",
        # emphasis, a hashtag and a negative figure at a line start
        "Officials said\n**nothing** about\n#OcrosCrash or\n-3C overnight\n",
    ],
)
def test_must_not_split(text):
    assert len(sentences(text)) == 1


def test_wrapped_number_after_prose_stays_with_its_sentence():
    # only "1." or "1)" opens a list in running prose (as in CommonMark)
    text = "The toll rose from 9 to\n12. Rescuers searched all night\n"
    assert sentences(text) == [
        "The toll rose from 9 to\n12.",
        "Rescuers searched all night",
    ]


def test_plain_text_lists_split_too():
    assert sentences("Figures:\n- 122 homes\n- 4 schools\n", "a.txt") == [
        "Figures:",
        "122 homes",
        "4 schools",
    ]


def test_masked_code_is_not_a_list():
    text = "Run it:\n\n```\n- not an item\n# not a heading\n```\n\nDone.\n"
    assert sentences(text) == ["Run it:", "Done."]
