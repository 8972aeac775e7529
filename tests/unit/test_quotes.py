"""The quotation extractor (newslint.text.quotes): spans, speakers, words."""

from __future__ import annotations

import json

import pytest

from newslint.document import Document
from newslint.text.quotes import (
    canonical,
    extract_quotes,
    quote_facts,
    quote_words,
    same_speaker,
)


def quotes(text: str, path: str = "a.md"):
    return extract_quotes(Document(path, text))


def test_curly_quote_with_speaker_after():
    (q,) = quotes("“The bridge will open in May,” Mayor Anna Lind said on Friday.\n")
    assert q.text == "The bridge will open in May,"
    assert q.speaker == "Mayor Anna Lind"
    assert q.speaker_key == ("anna", "lind")
    assert q.attribution == "after"


def test_offsets_point_inside_the_marks():
    text = "Intro line.\n\nShe said: “Hold the line, please.”\n"
    doc = Document("a.md", text)
    (q,) = extract_quotes(doc)
    assert text[q.start : q.end] == "Hold the line, please."
    assert q.paragraph == 1


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We are ready for the storm,” said Mr Hale.\n", "Mr Hale"),
        ("“We are ready for the storm”, Hale told reporters.\n", "Hale"),
        ("Hale told reporters: “We are ready for the storm.”\n", "Hale"),
        ("Hale was calm, saying “we are ready for the storm.”\n", "Hale"),
        (
            "“We are ready for the storm,” Ida Hale, a spokeswoman for the port, said.\n",
            "Ida Hale",
        ),
        (
            "“We are ready for the storm,” White House spokeswoman Ida Hale said.\n",
            "Ida Hale",
        ),
    ],
)
def test_speaker_forms(text, speaker):
    (q,) = quotes(text)
    assert q.speaker == speaker


def test_no_speaker_is_none_not_a_guess():
    (q,) = quotes(
        "The plan was called “a step toward a fairer tax system” in the report.\n"
    )
    assert q.speaker is None
    assert q.speaker_key == ()


def test_a_quote_inside_a_clause_takes_no_speaker_from_the_next_clause():
    (q,) = quotes(
        "She voiced “questions and deep concerns” about the plan in Oslo, he said.\n"
    )
    assert q.speaker is None


def test_day_names_are_not_speakers():
    (q,) = quotes("Officials on Monday said “the dam is holding for now”.\n")
    assert q.speaker is None


def test_pronoun_resolves_to_previous_named_speaker():
    text = (
        "“The river has peaked,” Chief Ole Brekke said.\n\n"
        "Rain stopped at noon.\n\n"
        "“We will reopen the road tomorrow,” he added.\n"
    )
    first, second = quotes(text)
    assert second.speaker == "Chief Ole Brekke"
    assert second.attribution == "pronoun"
    assert same_speaker(first.speaker_key, second.speaker_key)


def test_split_quote_pieces_share_the_speaker():
    text = "“The river has peaked,” Brekke said. “We will reopen the road tomorrow.”\n"
    first, second = quotes(text)
    assert first.speaker == second.speaker == "Brekke"


def test_multi_paragraph_quote_continues_with_its_speaker():
    text = (
        "Judge Mira Olsen read the ruling.\n\n"
        "“The evidence was thin.\n\n"
        "“The defendant is free to go,” Olsen said.\n"
    )
    first, second = quotes(text)
    assert not first.closed
    assert second.continued
    assert second.speaker == "Olsen"


def test_paragraph_of_quotation_inherits_previous_speaker():
    text = "“The vote was fair,” said Lea Roth.\n\n“Nobody has shown otherwise.”\n"
    _first, second = quotes(text)
    assert second.speaker == "Lea Roth"
    assert second.attribution == "continued"


def test_mismatched_opening_marks():
    text = "’We have ordered new trains,” Feld said.\n\nThe bill passed ” with a clear majority” on Monday.\n"
    first, second = quotes(text)
    assert first.text == "We have ordered new trains,"
    assert second.text == "with a clear majority"


def test_straight_and_single_quotes():
    text = (
        '"We will appeal," Roth said.\n\n'
        "Roth said: 'The ruling ignores the players' union and the fans.'\n\n"
        "China’s ‘balanced’ approach was praised.\n"
    )
    texts = [q.text for q in quotes(text)]
    assert texts == [
        "We will appeal,",
        "The ruling ignores the players' union and the fans.",
        "balanced",
    ]


def test_apostrophes_are_not_quotes():
    assert (
        quotes("The mayor’s office said it won’t comment on the city’s plan.\n") == []
    )


def test_quotes_in_masked_markdown_are_ignored():
    assert quotes('Run `echo "not a quote at all"` to test.\n') == []


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("We’ve organised it", "We have organized it"),
        ("It's a defence", "It is a defense"),
        ("We can't and won't", "We cannot and will not"),
        ("the U.S. and the UN", "the United States and the United Nations"),
        ("two percent", "2 per cent"),
        ("Erdoğan’s colour", "Erdogan's color"),
        ("travelled to the centre", "traveled to the center"),
    ],
)
def test_normalised_words_agree(left, right):
    assert [w for w, _s, _e in quote_words(left)] == [
        w for w, _s, _e in quote_words(right)
    ]


def test_normalisation_keeps_real_differences():
    assert quote_words("we filled it") != quote_words("we filed it")
    assert quote_words("US troops") != quote_words("us troops")
    assert canonical("value") != canonical("appreciate")


def test_word_offsets_include_the_base():
    words = quote_words("We’ve won", base=10)
    assert words == [("we", 10, 15), ("have", 10, 15), ("won", 16, 19)]


def test_same_speaker():
    assert same_speaker(("xi", "jinping"), ("xi",)) is True
    assert same_speaker(("mike", "pence"), ("mike", "pompeo")) is False
    assert same_speaker((), ("xi",)) is None


def test_facts_are_json_and_carry_positions():
    text = "---\nstory: x\n---\nIntro.\n\n“We will rebuild the bridge,” Lind said.\n"
    doc = Document("a.md", text)
    (fact,) = quote_facts(doc)
    assert json.loads(json.dumps(fact)) == fact
    start, end = fact["span"]
    assert text[start:end] == "We will rebuild the bridge,"
    assert fact["pos"][:2] == list(doc.position(start))
    assert fact["pos"][2:] == list(doc.position(end))
    assert fact["who"] == ["lind"]
    line, line_start = fact["lines"][0]
    assert line == 6 and text[line_start] == "“"


def test_ellipsis_gaps_mark_words_left_out():
    (q,) = quotes(
        "“The corrosion we found … was worse than in 2019 ...,” Achterberg said.\n"
    )
    words = [w for w, _s, _e in q.words]
    assert words[q.gaps[0]] == "was"
    assert q.gaps[-1] == len(words)


def test_pronoun_resolves_to_the_person_named_since_the_last_quote():
    text = (
        "“We are ready,” Mayor Ana Kalla said.\n\n"
        "Police spokesman Erik Dahl told reporters officers were searching.\n\n"
        "“We are looking for a dark van,” he said.\n\n"
        "Anke Visser, a former detective who now advises insurers, said the gang was skilled."
        " “They knew the alarm system,” she said.\n"
    )
    assert [q.speaker for q in quotes(text)] == [
        "Mayor Ana Kalla",
        "Erik Dahl",
        "Anke Visser",
    ]


def test_she_does_not_resolve_to_mr():
    text = "“We are ready,” Mr Dahl said.\n\nThe gang was skilled. “They knew the alarm,” she said.\n"
    assert quotes(text)[1].speaker is None


def test_metres_and_clock_times_are_spelling():
    assert [
        w for w, _s, _e in quote_words("two kilometres at 7 a.m. in the theatre")
    ] == [w for w, _s, _e in quote_words("2 kilometers at 7am in the theater")]
