"""--jobs N gives byte-identical output to a serial run."""

from __future__ import annotations

import random

import pytest
from conftest import LOCAL_PLUGIN, write_tree

WORDS = [
    "council",
    "river",
    "bridge",
    "minister",
    "storm",
    "harbour",
    "vote",
    "budget",
    "school",
    "road",
]


def _article(rng: random.Random, index: int) -> str:
    lines = []
    if index % 3 == 0:
        lines += ["---", f"story: s{index % 4}", "---"]
    for _ in range(rng.randint(3, 12)):
        sentence = " ".join(
            rng.choice(WORDS) for _ in range(rng.randint(4, 12))
        ).capitalize()
        end = rng.choice([".", ".", ". .", " .", ". . .", "!"])
        extra = rng.choice(
            [
                "",
                "",
                " MARKER",
                f" count: {rng.randint(1, 3)}",
                " (https://x.example/a. .b)",
            ]
        )
        lines.append(sentence + extra + end)
        if rng.random() < 0.3:
            lines.append("")
    newline = "\r\n" if index % 5 == 0 else "\n"
    return newline.join(lines) + newline


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    rng = random.Random(20261123)
    root = tmp_path_factory.mktemp("corpus")
    files = {
        f"{'desk' + str(i % 3) + '/' if i % 2 else ''}art{i:03}.{'md' if i % 2 else 'txt'}": _article(
            rng, i
        )
        for i in range(48)
    }
    files["newslint.toml"] = (
        f'plugins = ["{LOCAL_PLUGIN.as_posix()}"]\nextend-select = ["X201", "X301"]\n'
    )
    return write_tree(root, files)


@pytest.mark.parametrize("fmt", ["default", "json", "sarif"])
def test_jobs_output_is_byte_identical(sh, corpus, fmt):
    serial = sh([".", "--jobs", "1", "--format", fmt, "--no-cache"], cwd=corpus)
    parallel = sh([".", "--jobs", "2", "--format", fmt, "--no-cache"], cwd=corpus)
    assert serial.code == 1, serial.err
    assert parallel.code == serial.code
    assert parallel.err == serial.err
    assert parallel.out == serial.out
    assert serial.out.count("X201") >= 5
    assert "X301" in serial.out


def test_default_jobs_match_serial(sh, corpus):
    """With 48 files the default picks worker processes; output is unchanged."""
    serial = sh([".", "--jobs", "1", "--no-cache"], cwd=corpus)
    default = sh([".", "--no-cache"], cwd=corpus)
    assert default.out == serial.out


def test_in_process_jobs(corpus):
    import os

    from newslint.config import load_config
    from newslint.discovery import discover
    from newslint.engine import Linter

    cwd = os.getcwd()
    os.chdir(corpus)
    try:
        config = load_config(["."])
        sources = discover(["."], config)
        assert len(sources) == 48
        one = Linter(config).run(sources, jobs=1).findings
        two = Linter(config).run(sources, jobs=2).findings
    finally:
        os.chdir(cwd)
    assert one == two
    assert [f.sort_key for f in one] == sorted(f.sort_key for f in one)
