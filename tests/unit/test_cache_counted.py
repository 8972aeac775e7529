"""Counted keys in the fact cache (NB110's line hashes): a warm run asks
SQLite which articles carry the target's lines instead of loading every
article's facts, and must report exactly what a run without the cache does."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from newslint.cache import DB_NAME, FactCache
from newslint.config import parse_config
from newslint.discovery import Source
from newslint.engine import Linter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HOUR_AGO = time.time() - 3600
PROMO = "Get the Morning Ledger in your inbox"
TOPICS = [
    "A bakery in Leeds won a national prize for its rye loaf on Monday.",
    "Volunteers began clearing the river in Hull after the spring floods.",
    "The chess club in York turned 100 with a tournament for juniors.",
    "A new library opened in Bath with a reading room for families.",
    "Dockers in Grimsby voted to accept a pay offer from the port owner.",
    "A wind farm off Whitby will power 40,000 homes, its builder said.",
    "Cyclists in Derby asked the council for a protected lane on Ashbourne Road.",
    "The zoo in Chester welcomed twin red panda cubs born in June.",
]


def text(topic: int, promo: bool) -> str:
    # One story per topic (front matter), so grouping stays out of the way.
    body = f"---\nstory: s{topic}\n---\n{TOPICS[topic]}\n"
    return body + (f"\n{PROMO}\n" if promo else "")


def write(path: Path, content: str, *, age: float = 0) -> None:
    path.write_text(content, encoding="utf-8")
    os.utime(path, (HOUR_AGO + age, HOUR_AGO + age))


def make_repo(tmp_path: Path, carriers: int = 4) -> Path:
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    (repo / "newslint.toml").write_text('select = ["NB110"]\n', encoding="utf-8")
    for topic in range(len(TOPICS)):
        write(repo / "content" / f"a{topic}.txt", text(topic, topic < carriers))
    return repo


def run(repo: Path, target: str = "a0.txt", *, use_cache: bool = True):
    config = parse_config(
        tomllib.loads((repo / "newslint.toml").read_text()), repo / "newslint.toml"
    )
    linter = Linter(config)
    linter.use_cache = use_cache
    files = sorted((repo / "content").glob("*.txt"))
    sources = [Source(str(p), p.name == target) for p in files]
    result = linter.run(sources)
    events = list(linter._cache.events) if linter._cache is not None else []
    return (
        result,
        [(f.path, f.line, f.code, f.message) for f in result.findings],
        events,
    )


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, tuple[str, ...]]]:
    """Every FactCache.facts call: (how many articles, which codes)."""
    calls: list[tuple[int, tuple[str, ...]]] = []
    real = FactCache.facts

    def spy(self, hashes, codes):
        hashes, codes = list(hashes), tuple(codes)
        calls.append((len(hashes), codes))
        return real(self, hashes, codes)

    monkeypatch.setattr(FactCache, "facts", spy)
    return calls


def _db(repo: Path) -> sqlite3.Connection:
    return sqlite3.connect(repo / ".newslint_cache" / DB_NAME, isolation_level=None)


def test_warm_run_loads_only_the_carriers_facts(tmp_path: Path, loads) -> None:
    repo = make_repo(tmp_path)
    _, expected, _ = run(repo, use_cache=False)
    assert len(expected) == 1 and "in 4 of 8 articles" in expected[0][3]
    first, findings, _ = run(repo)
    assert first.parsed == 8 and findings == expected
    loads.clear()
    second, again, events = run(repo)
    assert second.parsed == 1 and again == expected
    # The three other carriers of the promo line, not all seven references.
    assert loads == [(3, ("NB110",))]
    assert not [e for e in events if "rewritten" in e]


def test_a_target_without_frequent_lines_loads_no_facts(tmp_path: Path, loads) -> None:
    repo = make_repo(tmp_path)
    run(repo)
    loads.clear()
    _, findings, _ = run(repo, target="a6.txt")
    assert findings == [] == run(repo, target="a6.txt", use_cache=False)[1]
    assert loads == []


def test_counts_reflect_only_the_current_articles(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    run(repo)
    # Two carriers drop the line: their old versions' rows stay in the cache
    # (pruned once a day) but are not articles of this run.
    for topic in (1, 2):
        write(repo / "content" / f"a{topic}.txt", text(topic, False), age=10)
    _, findings, _ = run(repo)
    assert findings == [] == run(repo, use_cache=False)[1]
    with _db(repo) as db:
        assert db.execute("SELECT count(*) FROM counted").fetchone()[0] >= 4
    # A deleted carrier does not count either; a new one does.
    write(repo / "content" / "a1.txt", text(1, True), age=20)
    (repo / "content" / "a3.txt").unlink()
    _, findings, _ = run(repo)
    assert findings == [] == run(repo, use_cache=False)[1]
    write(repo / "content" / "a5.txt", text(5, True), age=30)
    _, findings, _ = run(repo)
    assert findings == run(repo, use_cache=False)[1]
    assert len(findings) == 1 and "in 3 of 7 articles" in findings[0][3]


def test_identical_copies_count_as_articles(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, carriers=2)
    # a2 and a7 hold the same bytes: one content hash, two articles.
    write(repo / "content" / "a7.txt", text(1, True))
    write(repo / "content" / "a2.txt", text(1, True))
    run(repo)
    _, findings, _ = run(repo)
    assert findings == run(repo, use_cache=False)[1]


@pytest.mark.parametrize(
    "damage",
    [
        "DELETE FROM counted",
        "DELETE FROM counted_sizes WHERE n > 0",
        "UPDATE counted_sizes SET n = n + 1",
        "INSERT INTO counted VALUES ((SELECT key FROM counted LIMIT 1), 'x', 'y')",
    ],
)
def test_rows_that_do_not_add_up_are_not_trusted_and_rewritten(
    tmp_path: Path, damage: str, loads
) -> None:
    repo = make_repo(tmp_path)
    _, expected, _ = run(repo)
    with _db(repo) as db:
        db.execute(damage)
    loads.clear()
    _, findings, events = run(repo)
    assert findings == expected
    assert loads == [(7, ("NB110",))]  # every reference, as without the rows
    assert "counted rows of NB110 rewritten" in events
    loads.clear()
    _, findings, events = run(repo)  # trusted again
    assert findings == expected and loads == [(3, ("NB110",))]


def test_a_row_claiming_a_line_its_article_lacks_is_caught(
    tmp_path: Path, loads
) -> None:
    repo = make_repo(tmp_path)
    _, expected, _ = run(repo)
    with _db(repo) as db:
        # A consistent-looking row (its size goes up too) that says a6 carries
        # the promo line: its loaded facts say otherwise.
        key, item = db.execute("SELECT key, item FROM counted LIMIT 1").fetchone()
        digest = db.execute(
            "SELECT hash FROM files WHERE path LIKE '%a6.txt'"
        ).fetchone()[0]
        db.execute("INSERT INTO counted VALUES (?, ?, ?)", (key, item, digest))
        db.execute(
            "UPDATE counted_sizes SET n = n + 1 WHERE key = ? AND hash = ?",
            (key, digest),
        )
    _, findings, events = run(repo)
    assert findings == expected
    assert "counted rows of NB110 rewritten" in events


def test_a_missing_counted_table_rebuilds_the_database(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _, expected, _ = run(repo)
    with _db(repo) as db:
        db.execute("DROP TABLE counted")
    result, findings, events = run(repo)
    assert findings == expected and result.parsed == 8
    assert any(e.startswith("rebuilt") for e in events)
    assert run(repo)[0].parsed == 1


def test_stale_rows_are_pruned_with_their_content(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    run(repo)
    write(repo / "content" / "a1.txt", text(1, False), age=10)
    marker = repo / ".newslint_cache" / "last-prune"
    old = time.time() - 2 * 24 * 3600
    os.utime(marker, (old, old))
    run(repo)
    with _db(repo) as db:
        hashes = {h for (h,) in db.execute("SELECT hash FROM files")}
        for table in ("counted", "counted_sizes"):
            stale = {h for (h,) in db.execute(f"SELECT hash FROM {table}")} - hashes
            assert not stale, table
        rows = db.execute("SELECT count(*) FROM counted").fetchone()[0]
        total = db.execute("SELECT sum(n) FROM counted_sizes").fetchone()[0]
    assert rows == total == 3
