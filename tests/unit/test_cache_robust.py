"""The cache under stress, with the counted keys (NB110) and cached signatures:
runs at the same time, a run killed while writing, then normal runs, all
give the findings of a run without the cache."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newslint.cache import DB_NAME

HOUR_AGO = time.time() - 3600
PROMO = "Get the Morning Ledger in your inbox"
WORDS = (
    "amber basil cedar delta ember fable garnet harbor indigo juniper kestrel".split()
)


def make_repo(tmp_path: Path, articles: int) -> Path:
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    (repo / "newslint.toml").write_text('select = ["NB110", "NN"]\n', encoding="utf-8")
    for i in range(articles):
        # Distinct words per article; every third carries the promo line.
        own = " ".join(f"{w}{i:03d}" for w in WORDS[: 4 + i % 7])
        body = f"---\nstory: s{i % 40}\n---\nOfficials in Town{i:03d} met about the {own}.\n"
        if i % 3 == 0:
            body += f"\n{PROMO}\n"
        path = repo / "content" / f"a{i:03d}.txt"
        path.write_text(body, encoding="utf-8")
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return repo


CMD = [
    sys.executable, "-m", "newslint", "--format", "json", "--corpus",
    "content/*.txt", "content/a000.txt",
]  # fmt: skip


def lint(repo: Path, *extra: str) -> str:
    done = subprocess.run(
        [*CMD, *extra], cwd=repo, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stderr
    return done.stdout


def test_concurrent_runs_with_counted_keys(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, 60)
    expected = lint(repo, "--no-cache")
    assert "NB110" in expected
    for _ in range(2):  # cold, then warm
        procs = [
            subprocess.Popen(CMD, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]  # fmt: skip
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 1, err
            assert out == expected
    with sqlite3.connect(repo / ".newslint_cache" / DB_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute("SELECT count(*) FROM counted").fetchone()[0]
        sizes = db.execute("SELECT sum(n) FROM counted_sizes").fetchone()[0]
    assert rows == sizes == 20


def test_a_killed_run_leaves_a_usable_cache(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, 240)
    expected = lint(repo, "--no-cache")
    # Small write batches, so the kill lands between (or inside) transactions.
    slow = [
        sys.executable,
        "-c",
        "import sys, newslint.engine as e; e.STORE_BATCH = 10;"
        " from newslint.cli import main; sys.exit(main(sys.argv[1:]))",
        *CMD[3:],
        "--jobs",
        "1",
    ]
    proc = subprocess.Popen(
        slow, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    db_path = repo / ".newslint_cache" / DB_NAME
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with sqlite3.connect(db_path) as db:
                if db.execute("SELECT count(*) FROM entries").fetchone()[0] >= 30:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert lint(repo) == expected  # completes the cache
    assert lint(repo) == expected  # warm
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
