"""Cached grouping signatures: index features in their own column, a checksum
per row, and full signatures decoded only for the articles grouping scores."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest
from test_cache import HOUR_AGO, make_repo, run

import newslint.cache as cache_module
from newslint.cache import DB_NAME
from newslint.corpus import StoredSignature, describe
from newslint.discovery import Source
from newslint.engine import Linter


@pytest.fixture(params=["lookup", "scan"])
def read_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways entries() reads rows: by hash, or one scan (large runs)."""
    if request.param == "scan":
        monkeypatch.setattr(cache_module, "SCAN_FROM", 1)
    return request.param


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each StoredSignature decoded (its content hash)."""
    calls: list[str] = []
    real = StoredSignature.decode

    def spy(self):
        calls.append(self.digest)
        return real(self)

    monkeypatch.setattr(StoredSignature, "decode", spy)
    return calls


def _with_unrelated(repo: Path) -> None:
    """Twenty unrelated articles that share no distinctive word with the rest."""
    words = "amber basil cedar delta ember fable garnet harbor indigo juniper".split()
    for i in range(20):
        own = " ".join(f"{w}{chr(97 + i)}{chr(97 + j)}" for j, w in enumerate(words))
        path = repo / "content" / f"x{i:02d}.txt"
        path.write_text(f"{own.capitalize()}.\n", encoding="utf-8")
        os.utime(path, (HOUR_AGO, HOUR_AGO))


def test_warm_run_decodes_only_the_scored_signatures(
    tmp_path: Path, read_path: str, decoded: list[str]
) -> None:
    repo = make_repo(tmp_path)
    _with_unrelated(repo)
    _, expected = run(repo, use_cache=False)
    run(repo)
    decoded.clear()
    result, findings = run(repo)
    assert result.parsed == 1 and findings == expected
    # Candidates of the target only (the nine related articles at most),
    # each decoded once; none of the twenty others.
    assert 0 < len(decoded) <= 8
    assert len(decoded) == len(set(decoded))


def test_a_damaged_signature_is_read_again_when_scored(
    tmp_path: Path, read_path: str, decoded: list[str]
) -> None:
    repo = make_repo(tmp_path)
    _with_unrelated(repo)
    _, expected = run(repo)
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        assert db.execute("UPDATE entries SET signature = 'garbage'").rowcount == 29
    decoded.clear()
    result, findings = run(repo)
    assert findings == expected
    # The target, and the scored articles whose signature did not check out;
    # the twenty unrelated ones were never fetched.
    assert result.parsed == 1 + len(set(decoded)) < 29
    decoded.clear()
    result, findings = run(repo)  # written back
    assert findings == expected and result.parsed == 1
    assert decoded


def test_stories_command_fetches_signatures_at_once(
    tmp_path: Path, read_path: str
) -> None:
    from newslint.cache import FactCache

    repo = make_repo(tmp_path)
    _with_unrelated(repo)
    run(repo)
    fetched: list[str] = []
    real = FactCache.signature_text

    def one_by_one(self, digest, signed):
        fetched.append(digest)
        return real(self, digest, signed)

    from test_cache import parse_config  # the same config the runs use

    config = parse_config(
        __import__("tomllib").loads((repo / "newslint.toml").read_text())
        if sys.version_info >= (3, 11)
        else __import__("tomli").loads((repo / "newslint.toml").read_text()),
        repo / "newslint.toml",
    )
    files = sorted((repo / "content").glob("*.txt"))
    sources = [Source(str(p), False) for p in files]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(FactCache, "signature_text", one_by_one)
        cached = describe(Linter(config).stories(sources))
        with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
            db.execute(
                "UPDATE entries SET signature = 'garbage' WHERE hash IN"
                " (SELECT hash FROM files WHERE path LIKE '%t0-o1.txt')"
            )
        damaged = describe(Linter(config).stories(sources))
    linter = Linter(config)
    linter.use_cache = False
    assert cached == damaged == describe(linter.stories(sources))
    # Fetched at once, but for the damaged one (scored: tried again alone).
    assert len(fetched) == 1


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE entries SET features = 'n:nothing' WHERE rowid % 2 = 0",
        "UPDATE entries SET digest = 'abc' WHERE rowid % 2 = 1",
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


def test_cached_results_equal_the_constructor_built_ones() -> None:
    from newslint.engine import DocResult, _cached_result

    fast = _cached_result("a.md", False, "0123", None, "sig")
    assert fast == DocResult("a.md", False, "0123", signature="sig", cached=True)
    assert fast != DocResult("a.md", False, "0123", signature="sig")
    assert fast.without_facts() == fast and fast.without_facts() is not fast
    fast.findings.append("x")  # nothing shared between results
    assert _cached_result("b.md", True, "4567", "story", None).findings == []
