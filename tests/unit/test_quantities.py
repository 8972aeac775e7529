"""The shared quantity extractor: values, units, hedges, ordinals, dates."""

from __future__ import annotations

import pytest

from newslint.text.quantities import parse_quantities, sentence_quantities

YEAR = 365.25


def only(text: str):
    found = [q for q in parse_quantities(text) if q.kind != "vague"]
    assert len(found) == 1, [(q.text, q.kind) for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "dimension", "head"),
    [
        ("two soldiers", 2, "count", "soldier"),
        ("176 troops", 176, "count", "soldier"),
        ("a dozen officers", 12, "count", "officer"),
        ("two dozen people", 24, "count", "person"),
        ("twenty-five people", 25, "count", "person"),
        ("three million people", 3_000_000, "count", "person"),
        ("1,200 homes", 1200, "count", "home"),
        ("the eight-nation bloc", 8, "count", "country"),
        ("eight countries", 8, "count", "country"),
        ("the 12-member council", 12, "count", "member"),
        ("2 1/2 years", 2.5 * YEAR, "time", "time"),
        ("2½ years", 2.5 * YEAR, "time", "time"),
        ("a decade", 10 * YEAR, "time", "time"),
        ("two decades", 20 * YEAR, "time", "time"),
        ("the seven-month-long war", 7 * 30.44, "time", "time"),
        ("seven months", 7 * 30.44, "time", "time"),
        ("a two-day visit", 2, "time", "time"),
        ("a 62-year-old man", 62, "age", "age"),
        ("the ferry was 18 years old", 18, "age", "age"),
        ("$1.2 billion", 1.2e9, "money:USD", "money"),
        ("€300m", 3e8, "money:EUR", "money"),
        ("300 million dollars", 3e8, "money:USD", "money"),
        ("5%", 5, "percent", "percent"),
        ("4.5 per cent", 4.5, "percent", "percent"),
        ("12 percent", 12, "percent", "percent"),
    ],
)
def test_values_units_and_heads(text, value, dimension, head):
    q = only(text)
    assert q.value == pytest.approx(value)
    assert q.dimension == dimension
    assert q.head == head


def test_equal_values_written_differently_are_equal():
    assert only("2 1/2 years").value == only("2½ years").value
    assert only("seven months").value == only("seven-month-long").value
    assert only("eight-nation").value == only("eight countries").value
    assert only("eight-nation").head == only("eight countries").head


@pytest.mark.parametrize(
    ("text", "approx", "low", "high"),
    [
        ("more than 170 people", "above", 170, float("inf")),
        ("at least 38 people", "least", 38, float("inf")),
        ("nearly 200 homes", "below", 170, 200),
        ("up to 300 people", "most", 0, 300),
        ("about 100 people", "about", 80, 120),
        ("10-12 people", "", 10, 12),
        ("between 10 and 12 people", "", 10, 12),
    ],
)
def test_hedges_and_ranges_widen_the_interval(text, approx, low, high):
    q = only(text)
    assert q.approx == approx
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)


def test_more_than_170_agrees_with_176():
    hedged, exact = only("more than 170 people"), only("176 people")
    assert hedged.low <= exact.value <= hedged.high


def test_column_points_at_the_number_not_the_hedge():
    text = "It was the worst for nearly two decades."
    (q,) = parse_quantities(text)
    assert text[q.start : q.end] == "two decades"
    assert q.text == "nearly two decades"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the 39th meeting", "ordinal"),
        ("for the third time", "ordinal"),
        ("in 2013", "date"),
        ("the Feb. 24 invasion", "date"),
        ("on September 15", "date"),
        ("on 15 September", "date"),
        ("the 1990s", "date"),
        ("at 10:30 a.m.", "date"),
        ("the Covid-19 pandemic", "identifier"),
        ("F-16 jets", "identifier"),
        ("one-on-1 talks", "identifier"),
        ("one-on-one talks", "identifier"),
        ("won 3-1", "identifier"),
        ("several people", "vague"),
        ("decades-long adversaries", "vague"),
        ("the decade-long partnership", "vague"),
    ],
)
def test_not_counts(text, kind):
    found = parse_quantities(text)
    assert [q.kind for q in found] == [kind]
    assert not found[0].comparable


@pytest.mark.parametrize(
    ("text", "low", "high", "head"),
    [
        ("hundreds of homes", 200, 999, "home"),
        ("Dozens of nurses", 24, 199, "nurs"),
        ("tens of thousands of people", 20_000, 99_000, "person"),
        ("hundreds of thousands of commuters", 200_000, 999_000, "commuter"),
    ],
)
def test_vague_amounts_count_an_order_of_magnitude(text, low, high, head):
    q = only(text)
    assert (q.kind, q.approx, q.value, q.head) == ("count", "vague", None, head)
    assert (q.low, q.high) == (low, high)


def test_39_times_is_a_count_and_39th_an_ordinal():
    assert only("met 39 times").kind == "count"
    assert only("the 39th meeting").kind == "ordinal"


def test_one_as_a_pronoun_is_not_a_number():
    assert parse_quantities("He was the one to admit it.") == []
    assert only("one person died").value == 1


def test_scope_each_and_both():
    assert only("176 soldiers on each side").scope == "each"
    assert only("176 troops on both sides").scope == "both"
    assert only("176 troops").scope == ""


def test_windows_stop_at_another_number_and_clause():
    found, words = sentence_quantities(
        "The storm destroyed 40 homes and damaged 12 schools in the county."
    )
    homes, schools = found
    assert homes.verb == "destroy"
    assert schools.verb == "damag"
    assert "county" not in homes.window
    assert "storm" in words and "homes" not in words


def test_elliptical_count_inherits_the_noun():
    found, _ = sentence_quantities(
        "In the town, 14 people died and 61 were taken to hospital."
    )
    assert [q.head for q in found] == ["person", "person"]


def test_offsets_are_shifted_by_base():
    text = "Rescuers found 12 survivors."
    (q,) = parse_quantities(text, base=100)
    assert (q.start, q.end) == (115, 127)


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("The party won 52 of the 120 seats.", 52, "seat"),
        ("Rescuers freed 11 of its 48 passengers.", 11, "passenger"),
    ],
)
def test_part_of_a_whole_counts_the_whole_noun(text, value, head):
    q = parse_quantities(text)[0]
    assert (q.value, q.dimension, q.head) == (value, "count", head)


@pytest.mark.parametrize(
    "text",
    [
        "Nursing chief Maria Kessler, 58, went back inside.",
        "The driver, 58, was arrested.",
        "The driver, aged 58, was arrested.",
        "At 58, she is the youngest.",
    ],
)
def test_a_bare_number_set_off_by_commas_is_an_age(text):
    q = parse_quantities(text)[0]
    assert (q.value, q.dimension) == (58, "age")


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers passed it by 212 votes to 58, with four abstentions.",
        "In Kaltern, 58 people died.",
        "The toll rose to 58, officials said.",
    ],
)
def test_other_numbers_after_commas_are_not_ages(text):
    assert all(q.dimension != "age" for q in parse_quantities(text))


def test_an_earlier_figure_is_marked_as_contrast():
    found, _ = sentence_quantities("Police had earlier put the death toll at six.")
    assert found[0].contrast
    found, _ = sentence_quantities("Officials initially said 17 people had died.")
    assert found[0].contrast


def test_units_are_kept_for_converted_values():
    assert [
        q.unit
        for q in parse_quantities("It fell 50 feet, or 15 metres, into a 3 km gorge.")
    ] == [
        "feet",
        "metre",
        "km",
    ]


def test_sentence_offsets_are_shifted_by_base():
    found, _ = sentence_quantities("It killed 40 people.", 100)
    assert (found[0].start, found[0].phrase_end) == (110, 119)
