"""Story grouping: front-matter keys, similarity, options."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import Config, parse_config
from newslint.corpus import describe, group_stories, signature, similarity
from newslint.document import Document
from newslint.engine import DocResult
from newslint.errors import ConfigError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "stories"


def result(path: str, text: str, *, target: bool = True) -> DocResult:
    doc = Document(path, text)
    r = DocResult(path, target, doc.content_hash, story_key=doc.story_key)
    if r.story_key is None:
        r.signature = signature(doc)
    return r


def groups(folder: Path, config: Config | None = None) -> list[list[str]]:
    results = [
        result(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())
    ]
    stories = group_stories(results, config or Config())
    return sorted(sorted(m.path for m in s.members) for s in stories)


def test_two_earthquakes_in_one_region_are_two_stories() -> None:
    assert groups(FIXTURES / "quakes") == [
        ["a2019-broadcaster.md", "a2019-daily.txt", "a2019-wire.txt"],
        ["b2023-broadcaster.md", "b2023-daily.txt", "b2023-wire.txt"],
    ]


def test_two_celebrities_in_rehab_are_two_stories() -> None:
    assert groups(FIXTURES / "rehab") == [
        ["quinn-magazine.md", "quinn-tabloid.txt", "quinn-wire.txt"],
        ["vale-magazine.md", "vale-tabloid.txt", "vale-wire.txt"],
    ]


def test_both_topics_together_still_four_stories() -> None:
    results = [
        result(f"{d.name}/{p.name}", p.read_text(encoding="utf-8"))
        for d in sorted(FIXTURES.iterdir())
        for p in sorted(d.iterdir())
    ]
    stories = group_stories(results, Config())
    assert sorted(len(s.members) for s in stories) == [3, 3, 3, 3]
    for story in stories:
        prefixes = {m.path.split("/")[1][:2] for m in story.members}
        assert len(prefixes) == 1, story


def test_threshold_option_changes_grouping() -> None:
    strict = Config(stories=(("threshold", 0.99),))
    assert len(groups(FIXTURES / "rehab", strict)) == 6


def test_front_matter_key_wins_over_similarity() -> None:
    quake = (FIXTURES / "quakes" / "a2019-wire.txt").read_text(encoding="utf-8")
    results = [
        result("a.md", "---\nstory: halvara-2019\n---\n\n" + quake),
        result("b.md", "---\nstory: halvara-2019\n---\n\nA short unrelated note.\n"),
        result("c.txt", quake),
    ]
    stories = group_stories(results, Config())
    data = describe(stories)
    assert data[0] == {
        "story": "halvara-2019",
        "paths": ["a.md", "b.md"],
        "why": "front matter story: halvara-2019",
    }
    assert data[1]["paths"] == ["c.txt"] and data[1]["why"] == "no similar article"


def test_every_article_once_and_why_names_shared_evidence() -> None:
    folder = FIXTURES / "rehab"
    results = [
        result(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())
    ]
    stories = group_stories(results, Config())
    paths = [m.path for s in stories for m in s.members]
    assert sorted(paths) == sorted(p.name for p in folder.iterdir())
    why = next(
        s.why for s in stories if "quinn-wire.txt" in [m.path for m in s.members]
    )
    assert "Quinn" in why and "similar text" in why


def test_signature_ignores_sentence_initial_common_words() -> None:
    sig = signature(
        Document("x.txt", "However the Kessel Bridge opened. Officials cheered.\n")
    )
    assert "n:kessel" in sig["f"]
    assert "n:however" not in sig["f"] and "n:officials" not in sig["f"]


def test_dates_of_different_years_lower_similarity() -> None:
    text = "Mayor Ilka Brandt of Marrow opened the Kessel Bridge on {}.\n"
    a = signature(Document("a", text.format("March 3, 2019")))
    b = signature(Document("b", text.format("March 3, 2019")))
    c = signature(Document("c", text.format("12 May 2024")))
    assert similarity(a, b)[0] > similarity(a, c)[0]


def test_unrelated_signatures_score_zero() -> None:
    a = signature(Document("a", "Kessel Bridge in Marrow.\n"))
    b = signature(Document("b", "Quorra Valley fire near Santel.\n"))
    assert similarity(a, b) == (0.0, [])


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"threshold": "high"}, "'stories.threshold' must be a number from 0 to 1"),
        ({"threshold": 1.5}, "'stories.threshold' must be a number from 0 to 1"),
        ({"max-posting": 2.5}, "'stories.max-posting' must be a whole number"),
        ({"minhash": 3}, "unknown key 'stories.minhash'"),
    ],
)
def test_stories_options_are_validated(table: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config({"stories": table}, Path("newslint.toml"))


def test_valid_stories_options_are_kept() -> None:
    config = parse_config(
        {"stories": {"threshold": 0.3, "max-posting": 20, "year-penalty": 1}},
        Path("newslint.toml"),
    )
    assert config.stories_table == {
        "threshold": 0.3,
        "max-posting": 20,
        "year-penalty": 1,
    }
