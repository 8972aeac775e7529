"""Unit tests of the NB rules beyond the YAML cases: docstring examples,
catalogue anchoring, options, fixes and the corpus-wide template rule."""

from __future__ import annotations

import pytest
from newslint.rules import boilerplate as nb

from newslint import Document, Story
from newslint.rule import CorpusRule, Member


def run(rule_cls, text, path="article.txt", **options):
    rule = rule_cls(rule_cls.Options(**options))
    return list(rule.check(Document(path, text)))


DOC_RULES = [r for r in nb.RULES if not issubclass(r, CorpusRule)]


@pytest.mark.parametrize("rule_cls", DOC_RULES, ids=lambda r: r.code)
def test_docstring_examples(rule_cls):
    examples = rule_cls.examples()
    assert run(rule_cls, examples["bad"]), "Bad example must trigger"
    assert not run(rule_cls, examples["good"]), "Good example must stay quiet"


@pytest.mark.parametrize(
    "line",
    [
        "She said the advertisement was misleading.",
        "Read more about it in the report, the minister said.",
        "Share prices fell sharply on Monday.",
        "Watch the video, he urged reporters, before you judge.",
        "Updated figures released on Friday show the toll rose to 40.",
        "Copyright law changed in 2019.",
        "Search teams found the hikers on Sunday.",
        "Sponsored by the city, the race drew 4,000 runners.",
    ],
)
def test_catalogue_never_matches_inside_a_sentence(line):
    text = f"Intro sentence here.\n\n{line}\n\nLast sentence here.\n"
    for rule_cls in DOC_RULES:
        assert not run(rule_cls, text), (rule_cls.code, line)


def test_fix_deletes_the_whole_line_with_its_ending():
    text = "One.\r\n\r\nAdvertisement\r\n\r\nTwo.\r\n"
    (finding,) = run(nb.AdvertisementMarker, text)
    fixed = text[: finding.fix.start] + text[finding.fix.end :]
    assert fixed == "One.\r\n\r\n\r\nTwo.\r\n"


def test_extra_and_disabled_phrases():
    text = "Story text.\n\nMore from The Ledger\n\nRead more\n"
    assert [f.line for f in run(nb.NavigationLine, text)] == [3, 5]
    found = run(nb.NavigationLine, text, disabled_phrases=("Read more", "More from …"))
    assert found == []
    found = run(
        nb.NavigationLine,
        "Text.\n\nBack to the Ledger\n",
        extra_phrases=("Back to the …",),
    )
    assert [f.line for f in found] == [3]


def test_credit_fix_removes_only_the_credit():
    text = "Crowds gather in the square on Monday. JANE DOE/AFP via Getty Images\n"
    (finding,) = run(nb.PhotoCredit, text)
    assert text[finding.start : finding.end] == "JANE DOE/AFP via Getty Images"
    fixed = text[: finding.fix.start] + text[finding.fix.end :]
    assert fixed == "Crowds gather in the square on Monday.\n"


def test_credit_agency_options():
    text = "Crowds gather in the square on Monday. Ledger Pictures\n"
    assert run(nb.PhotoCredit, text) == []
    assert run(nb.PhotoCredit, text, extra_agencies=("Ledger Pictures",))
    assert (
        run(nb.PhotoCredit, "A man waves on Monday. AP\n", disabled_agencies=("AP",))
        == []
    )


def test_duplicate_points_at_first_copy():
    text = "Alpha beta gamma delta.\n\nOther text here.\n\nAlpha  beta gamma\ndelta.\n"
    (finding,) = run(nb.DuplicateParagraph, text)
    assert (finding.line, finding.related[0].line) == (5, 1)
    fixed = text[: finding.fix.start] + text[finding.fix.end :]
    assert fixed == "Alpha beta gamma delta.\n\nOther text here.\n\n"


def _story(key, docs, rule):
    members = tuple(
        Member(path, True, {rule.code: rule.extract(Document(path, text))})
        for path, text in docs
    )
    return Story(key, members)


PROMO = "Get the Morning Ledger in your inbox"
TOPICS = [
    "A bakery in Leeds won a national prize on Monday.",
    "Volunteers began clearing the river in Hull on Tuesday.",
    "The chess club in York turned 100 on Wednesday.",
    "A new library opened in Bath on Thursday.",
]


def test_template_line_across_different_articles():
    rule = nb.TemplateLine()
    docs = [
        (f"a{i}.txt", f"Headline {i}\n\n{body}\n\n{PROMO}\n")
        for i, body in enumerate(TOPICS)
    ]
    stories = [_story(f"s{i}", [doc], rule) for i, doc in enumerate(docs)]
    assert list(rule.check_corpus([_story("s", docs, rule)])) == []  # one story
    found = list(rule.check_corpus(stories))
    assert sorted(f.path for f in found) == [d[0] for d in docs]
    assert all(f.line == 5 and f.column == 1 for f in found)
    assert len(found[0].related) == 3
    assert (
        list(
            nb.TemplateLine(nb.TemplateOptions(min_articles=5)).check_corpus(
                [_story("s", docs, rule)]
            )
        )
        == []
    )
    # 1% of 500 articles is more than the 4 that carry the line.
    filler = [(f"z{i}.txt", f"Other text number {i}.\n") for i in range(496)]
    more = stories + [_story(f"z{i}", [doc], rule) for i, doc in enumerate(filler)]
    assert list(rule.check_corpus(more)) == []


def test_syndicated_copies_count_once():
    rule = nb.TemplateLine()
    wire = "\n\n".join(TOPICS)
    docs = [
        (f"copy{i}.txt", f"Outlet {i} headline\n\n{wire}\n\n{PROMO}\n")
        for i in range(5)
    ]
    assert (
        list(
            rule.check_corpus([_story(f"s{i}", [d], rule) for i, d in enumerate(docs)])
        )
        == []
    )


def test_sentences_headings_and_bylines_are_not_template_lines():
    rule = nb.TemplateLine()
    stock = (
        "No one was injured in the fire.\n\nWHAT HAPPENS NEXT\n\nBy Jane Doe Smith\n"
    )
    docs = [
        (f"a{i}.txt", f"Headline {i}\n\n{body}\n\n{stock}")
        for i, body in enumerate(TOPICS)
    ]
    stories = [_story(f"s{i}", [doc], rule) for i, doc in enumerate(docs)]
    assert list(rule.check_corpus(stories)) == []
