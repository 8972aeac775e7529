"""Cached grouping signatures: index features in their own column, a checksum
per row, and full signatures decoded only for the articles grouping scores."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from test_cache import HOUR_AGO, make_repo, run

import newslint.cache as cache_module
from newslint.cache import DB_NAME
from newslint.corpus import StoredSignature


@pytest.fixture(params=["lookup", "scan"])
def read_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways entries() reads rows: by hash, or one scan (large runs)."""
    if request.param == "scan":
        monkeypatch.setattr(cache_module, "SCAN_FROM", 1)
    return request.param


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each StoredSignature decoded (its JSON text)."""
    calls: list[str] = []
    real = StoredSignature.decode

    def spy(self):
        calls.append(self.text)
        return real(self)

    monkeypatch.setattr(StoredSignature, "decode", spy)
    return calls


def test_warm_run_decodes_only_the_scored_signatures(
    tmp_path: Path, read_path: str, decoded: list[str]
) -> None:
    repo = make_repo(tmp_path)
    # Twenty unrelated articles that share no distinctive word with the rest.
    words = "amber basil cedar delta ember fable garnet harbor indigo juniper".split()
    for i in range(20):
        own = " ".join(f"{w}{chr(97 + i)}{chr(97 + j)}" for j, w in enumerate(words))
        path = repo / "content" / f"x{i:02d}.txt"
        path.write_text(f"{own.capitalize()}.\n", encoding="utf-8")
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    _, expected = run(repo, use_cache=False)
    run(repo)
    decoded.clear()
    result, findings = run(repo)
    assert result.parsed == 1 and findings == expected
    # Candidates of the target only (the nine related articles at most),
    # each decoded once; none of the twenty others.
    assert 0 < len(decoded) <= 8
    assert len(decoded) == len(set(decoded))


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE entries SET features = 'n:nothing' WHERE rowid % 2 = 0",
        "UPDATE entries SET signature = 'garbage' WHERE rowid % 2 = 1",
        "UPDATE entries SET story_key = 'elsewhere' WHERE rowid % 3 = 0",
        "UPDATE entries SET checksum = '0' WHERE rowid % 2 = 0",
    ],
)
def test_a_damaged_entry_row_is_a_miss(
    tmp_path: Path, read_path: str, damage: str
) -> None:
    repo = make_repo(tmp_path)
    _, expected = run(repo)
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        damaged = db.execute(damage).rowcount
    assert damaged
    result, findings = run(repo)
    assert findings == expected
    # The target (read anyway) and the damaged rows were read.
    assert max(2, damaged) <= result.parsed <= 1 + damaged
    assert run(repo)[0].parsed == 1  # written back whole


def test_lost_facts_are_recomputed_when_needed_and_written_back(
    tmp_path: Path, read_path: str
) -> None:
    repo = make_repo(tmp_path)
    _, expected = run(repo)
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        assert db.execute("DELETE FROM facts").rowcount
    result, findings = run(repo)
    # The target's two story peers were read again; the rest was not needed.
    assert findings == expected and result.parsed == 3
    assert run(repo)[0].parsed == 1


def test_missing_markers_fall_back_to_the_facts_rows(
    tmp_path: Path, read_path: str
) -> None:
    repo = make_repo(tmp_path)
    _, expected = run(repo)
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        assert db.execute("DELETE FROM complete").rowcount == 9
    result, findings = run(repo)
    assert findings == expected and result.parsed == 1
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        # Marked again (the 8 references checked; the target rewritten).
        assert db.execute("SELECT count(*) FROM complete").fetchone()[0] == 9
        # Without the facts rows, no marker is written and the entry misses.
        db.execute("DELETE FROM complete")
        db.execute(
            "DELETE FROM facts WHERE hash IN"
            " (SELECT hash FROM files WHERE path LIKE '%t2-o2.txt')"
        )
    result, findings = run(repo)
    assert findings == expected and result.parsed == 2


def test_another_rule_set_has_its_own_markers(tmp_path: Path, read_path: str) -> None:
    repo = make_repo(tmp_path)
    _, expected = run(repo, use_cache=False)
    toml = repo / "newslint.toml"
    xp_only = toml.read_text()
    toml.write_text(xp_only.replace('select = ["XP"]', 'select = ["XP", "NB110"]'))
    assert run(repo)[0].parsed == 9
    toml.write_text(xp_only)
    result, findings = run(repo)
    # No marker for XP alone yet: the facts rows show XP's facts are there.
    assert result.parsed == 1 and findings == expected
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        combos = db.execute("SELECT count(DISTINCT combo) FROM complete").fetchone()
    assert combos == (2,)


def test_a_missing_markers_table_rebuilds_the_database(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _, expected = run(repo)
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        db.execute("DROP TABLE complete")
    result, findings = run(repo)
    assert findings == expected and result.parsed == 9
    assert run(repo)[0].parsed == 1


def test_cached_results_equal_the_dataclass_built_ones() -> None:
    from newslint.engine import DocResult, _cached_result

    fast = _cached_result("a.md", False, "0123", None, "sig")
    assert fast == DocResult("a.md", False, "0123", signature="sig", cached=True)
    assert vars(fast).keys() == vars(DocResult("a.md", False, "0123")).keys()
    fast.findings.append("x")  # nothing shared between results
    assert _cached_result("b.md", True, "4567", "story", None).findings == []
