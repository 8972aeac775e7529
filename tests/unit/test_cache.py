"""The SQLite fact cache: reuse, invalidation, corruption, concurrency."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint.cache import DB_NAME
from newslint.config import parse_config
from newslint.discovery import Source
from newslint.engine import Linter

PLUGIN = Path(__file__).with_name("cache_plugin.py")
HOUR_AGO = time.time() - 3600

TOPICS = [
    "Mayor Ilka Brandt opened the new Kessel Bridge in Marrow on Tuesday after 14 months",
    "Striking dockers in Port Alvane walked out over pay; union leader Tam Osei spoke",
    "The Quorra Valley vineyard fire destroyed 230 hectares near Santel, firefighters said",
]


def article(topic: int, outlet: int, extra: str = "") -> str:
    return (
        f"Report{outlet} {TOPICS[topic]}.\n\n"
        f"Outlet {outlet} adds that {TOPICS[topic].lower()} {extra}.\n"
    )


def make_repo(tmp_path: Path, *, options: str = "") -> Path:
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    shutil.copy(PLUGIN, repo / "cache_plugin.py")
    (repo / "newslint.toml").write_text(
        f'plugins = ["cache_plugin.py"]\nselect = ["XP"]\n{options}', encoding="utf-8"
    )
    for topic in range(3):
        for outlet in range(3):
            path = repo / "content" / f"t{topic}-o{outlet}.txt"
            path.write_text(article(topic, outlet), encoding="utf-8")
            os.utime(path, (HOUR_AGO, HOUR_AGO))
    return repo


def run(repo: Path, target: str = "t0-o0.txt", *, use_cache: bool = True):
    config = parse_config(
        __import__("tomllib").loads((repo / "newslint.toml").read_text())
        if sys.version_info >= (3, 11)
        else __import__("tomli").loads((repo / "newslint.toml").read_text()),
        repo / "newslint.toml",
    )
    linter = Linter(config)
    linter.use_cache = use_cache
    files = sorted((repo / "content").glob("*.txt"))
    sources = [Source(str(p), p.name == target) for p in files]
    result = linter.run(sources)
    return result, [(f.path, f.line, f.code, f.message) for f in result.findings]


def test_second_run_reads_only_the_target(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    first, findings = run(repo)
    assert first.parsed == 9
    assert (repo / ".newslint_cache" / DB_NAME).is_file()
    second, again = run(repo)
    assert second.parsed == 1  # the target; the 8 references came from the cache
    assert again == findings
    _, uncached = run(repo, use_cache=False)
    assert uncached == findings
    # The target's story holds the other two reports of its event, with facts.
    assert len(findings) == 1
    assert (
        "t0-o1.txt:Report1:" in findings[0][3]
        and "t0-o2.txt:Report2:" in findings[0][3]
    )
    assert "t1-" not in findings[0][3]


def test_a_changed_reference_is_reread(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    run(repo)
    changed = repo / "content" / "t0-o1.txt"
    changed.write_text(
        "Changed " + article(0, 1, "and more words here"), encoding="utf-8"
    )
    os.utime(changed, (HOUR_AGO + 10, HOUR_AGO + 10))
    result, findings = run(repo)
    assert result.parsed == 2
    assert "t0-o1.txt:Changed:" in findings[0][3]
    assert findings == run(repo, use_cache=False)[1]


def test_a_just_written_file_is_not_trusted_by_its_stat(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fresh = repo / "content" / "t0-o2.txt"
    fresh.write_text(article(0, 2), encoding="utf-8")  # mtime: now
    run(repo)
    # Same size, same mtime, different bytes: only safe because the stat entry
    # was recorded too close to the mtime to be trusted.
    stat = fresh.stat()
    fresh.write_text(article(0, 2).replace("Report2", "Xeport2"), encoding="utf-8")
    os.utime(fresh, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    _, findings = run(repo)
    assert "t0-o2.txt:Xeport2:" in findings[0][3]


def test_config_change_invalidates(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    run(repo)
    toml = repo / "newslint.toml"
    toml.write_text(toml.read_text() + '[rules.XP001]\nlabel = "others"\n')
    result, findings = run(repo)
    assert result.parsed == 9
    assert findings[0][3].startswith("others: ")
    assert run(repo)[0].parsed == 1


def test_garbage_database_is_rebuilt(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _, findings = run(repo)
    db = repo / ".newslint_cache" / DB_NAME
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.write_bytes(b"this is not a database at all" * 100)
    result, again = run(repo)
    assert again == findings
    assert result.parsed == 9
    assert run(repo)[0].parsed == 1  # rebuilt and usable again


def test_undecodable_rows_are_misses(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _, findings = run(repo)
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        db.execute("UPDATE facts SET data = '{not json'")
        db.execute("UPDATE entries SET signature = 'garbage' WHERE rowid % 2 = 0")
    _, again = run(repo)
    assert again == findings


def test_foreign_schema_version_is_rebuilt(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _, findings = run(repo)
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        db.execute("PRAGMA user_version = 999")
    result, again = run(repo)
    assert result.parsed == 9 and again == findings
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] != 999


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    run(repo, use_cache=False)
    assert not (repo / ".newslint_cache").exists()


@pytest.mark.parametrize("runs", [2])
def test_concurrent_runs(tmp_path: Path, runs: int) -> None:
    repo = make_repo(tmp_path)
    for topic in range(3):
        for outlet in range(3, 40):
            path = repo / "content" / f"t{topic}-o{outlet}.txt"
            path.write_text(article(topic, outlet), encoding="utf-8")
            os.utime(path, (HOUR_AGO, HOUR_AGO))
    cmd = [
        sys.executable, "-m", "newslint", "--format", "json", "--corpus",
        "content/*.txt", "content/t0-o0.txt",
    ]  # fmt: skip
    expected = subprocess.run(
        [*cmd, "--no-cache"], cwd=repo, capture_output=True, text=True, check=False
    )
    assert expected.returncode == 1, expected.stderr
    for _ in range(2):
        procs = [
            subprocess.Popen(cmd, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(runs)
        ]  # fmt: skip
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 1, err
            assert out == expected.stdout
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 120


def _rows(repo: Path, table: str) -> int:
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _age_marker(repo: Path, days: float) -> None:
    marker = repo / ".newslint_cache" / "last-prune"
    when = time.time() - days * 24 * 3600
    os.utime(marker, (when, when))


def test_old_content_and_deleted_files_are_pruned_once_a_day(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    run(repo)
    assert _rows(repo, "entries") == 9
    edited = repo / "content" / "t1-o1.txt"
    edited.write_text(article(1, 1, "with a late correction"), encoding="utf-8")
    os.utime(edited, (HOUR_AGO + 10, HOUR_AGO + 10))
    (repo / "content" / "t2-o2.txt").unlink()
    run(repo)  # pruned on the first run only: the marker is fresh now
    assert _rows(repo, "entries") == 10  # the edited article's old version stays
    _age_marker(repo, 2)
    result, findings = run(repo)
    # The old version of the edited article and the deleted file are gone.
    assert _rows(repo, "entries") == 8
    assert _rows(repo, "files") == 8
    assert result.parsed == 1 and findings == run(repo, use_cache=False)[1]


def test_keys_unused_for_a_month_are_pruned(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    run(repo)
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        # Rows of another config or an older newslint, last used 40 days ago.
        db.execute(
            "INSERT INTO entries SELECT hash, 'old-key', story_key, signature,"
            " features, digest, checksum FROM entries"
        )
        db.execute(
            "INSERT INTO keys VALUES ('old-key', ?)",
            (time.time_ns() - 40 * 86400 * 10**9,),
        )
    assert _rows(repo, "entries") == 18
    _age_marker(repo, 2)
    assert run(repo)[0].parsed == 1
    assert _rows(repo, "entries") == 9
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        keys = {k for (k,) in db.execute("SELECT key FROM keys")}
    assert "old-key" not in keys and keys


def test_streaming_story_facts_gives_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newslint.engine as engine

    repo = make_repo(tmp_path)
    expected = run(repo, use_cache=False)[1]
    monkeypatch.setattr(engine, "STREAM_THRESHOLD", 2)
    for _ in range(2):  # cold, then warm
        result, findings = run(repo)
        assert findings == expected
        # Story facts were loaded per story and let go after it.
        assert all(not m.facts for s in result.stories for m in s.members)


def test_streaming_recomputes_facts_missing_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newslint.engine as engine

    repo = make_repo(tmp_path)
    expected = run(repo, use_cache=False)[1]
    monkeypatch.setattr(engine, "STREAM_THRESHOLD", 2)
    real_facts = engine.Linter._load_story_facts

    def lose_rows(self, story, codes):
        with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
            db.execute("DELETE FROM facts")
        return real_facts(self, story, codes)

    monkeypatch.setattr(engine.Linter, "_load_story_facts", lose_rows)
    assert run(repo)[1] == expected


def test_no_cache_at_archive_scale_streams_through_a_throwaway_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    import newslint.engine as engine

    repo = make_repo(tmp_path)
    expected = run(repo, use_cache=False)[1]
    monkeypatch.setattr(engine, "STREAM_THRESHOLD", 2)
    spills = tmp_path / "tmp"
    spills.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spills))
    result, findings = run(repo, use_cache=False)
    assert findings == expected
    assert all(not m.facts for s in result.stories for m in s.members)
    assert not (repo / ".newslint_cache").exists()
    assert list(spills.iterdir()) == []  # the throwaway cache is gone


def test_decode_all_never_misaligns_rows() -> None:
    from newslint.cache import _UNDECODABLE, _decode_all

    assert _decode_all(['{"a": 1}', "[2]", "3"]) == [{"a": 1}, [2], 3]
    # A text holding two values would shift every later row: decoded alone.
    assert _decode_all(["1,2", "3"]) == [_UNDECODABLE, 3]
    assert _decode_all(["{not json", '"ok"']) == [_UNDECODABLE, "ok"]
    assert _decode_all([]) == []
