"""Baseline: fingerprints survive edits elsewhere, new defects show, fixed ones prune."""

from __future__ import annotations

import json
import os
from pathlib import Path

from newslint.baseline import build, load
from newslint.cli import main
from newslint.finding import Finding, Related
from newslint.rule import Member, Story

ARTICLE = "Para one is fine.\n\nThe talks ended. . Officials left.\n\nThe bus left. . Then rain.\n"


def run(tmp_path: Path, *args: str) -> int:
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        return main([*args, "--no-cache"])
    finally:
        os.chdir(cwd)


def setup(tmp_path: Path) -> Path:
    (tmp_path / "newslint.toml").write_text(
        'select = ["NT101"]\nbaseline = "newslint-baseline.json"\n'
    )
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "b.md").write_text("Clean copy.\n")
    return tmp_path / "newslint-baseline.json"


def test_write_then_everything_is_hidden(tmp_path: Path, capsys):
    baseline = setup(tmp_path)
    assert (
        run(tmp_path, "--write-baseline", "newslint-baseline.json", "a.md", "b.md") == 0
    )
    data = json.loads(baseline.read_text())
    assert [e["text"] for e in data["findings"]] == sorted(
        e["text"] for e in data["findings"]
    )
    assert len(data["findings"]) == 2
    assert "line" not in json.dumps(data)  # matched by text, not line numbers
    assert run(tmp_path, "a.md", "b.md") == 0


def test_file_is_sorted_and_stable(tmp_path: Path):
    baseline = setup(tmp_path)
    run(tmp_path, "--write-baseline", "newslint-baseline.json", "a.md", "b.md")
    first = baseline.read_text()
    run(tmp_path, "--write-baseline", "newslint-baseline.json", "b.md", "a.md")
    assert baseline.read_text() == first
    data = json.loads(first)
    keys = [(e["path"], e["code"], e["fingerprint"]) for e in data["findings"]]
    assert keys == sorted(keys)


def test_edit_above_keeps_it_hidden_and_new_defect_shows(tmp_path: Path, capsys):
    setup(tmp_path)
    run(tmp_path, "--write-baseline", "newslint-baseline.json", "a.md")
    capsys.readouterr()
    article = tmp_path / "a.md"
    article.write_text("A new first paragraph. .\n\nAnd another.\n\n" + ARTICLE)
    assert run(tmp_path, "a.md") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "a.md:1:22: NT101 doubled punctuation '. .'"
    assert len(out) == 2  # the finding and the summary line


def test_identical_defect_added_in_the_same_file_shows(tmp_path: Path, capsys):
    setup(tmp_path)
    run(tmp_path, "--write-baseline", "newslint-baseline.json", "a.md")
    capsys.readouterr()
    (tmp_path / "a.md").write_text(ARTICLE + "\nThe talks ended. . Officials left.\n")
    assert run(tmp_path, "a.md") == 1
    out = capsys.readouterr().out
    assert out.count("NT101") == 1


def test_fixed_entry_is_reported_and_pruned(tmp_path: Path, capsys):
    baseline = setup(tmp_path)
    run(tmp_path, "--write-baseline", "newslint-baseline.json", "a.md")
    capsys.readouterr()
    (tmp_path / "a.md").write_text(ARTICLE.replace("ended. .", "ended."))
    assert run(tmp_path, "a.md") == 0
    assert "1 baseline entry is fixed now" in capsys.readouterr().err
    assert run(tmp_path, "--prune-baseline", "a.md") == 0
    data = json.loads(baseline.read_text())
    assert [e["text"] for e in data["findings"]] == [". ."]
    assert data["findings"][0]["fingerprint"]
    assert run(tmp_path, "a.md") == 0
    assert "fixed now" not in capsys.readouterr().err


def test_prune_keeps_entries_of_files_not_checked(tmp_path: Path):
    baseline = setup(tmp_path)
    (tmp_path / "b.md").write_text("Other. . text.\n")
    run(tmp_path, "--write-baseline", "newslint-baseline.json", "a.md", "b.md")
    (tmp_path / "a.md").write_text("Clean now.\n")
    run(tmp_path, "--prune-baseline", "a.md")  # pre-commit passes one file
    paths = {e["path"] for e in json.loads(baseline.read_text())["findings"]}
    assert paths == {"b.md"}


def test_missing_or_broken_baseline_is_exit_2(tmp_path: Path, capsys):
    setup(tmp_path)
    assert run(tmp_path, "a.md") == 2
    assert "--write-baseline" in capsys.readouterr().err
    (tmp_path / "newslint-baseline.json").write_text("{not json")
    assert run(tmp_path, "a.md") == 2


def test_story_level_acceptance_of_a_known_disagreement(tmp_path: Path):
    texts = {
        "a.txt": "Officials said 12 people died.\n",
        "b.txt": "Officials said 14 people died.\n",
        "c.txt": "Police said 14 people died.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)

    def cross(path: str, number: str, other: str, other_number: str) -> Finding:
        col = texts[path].index(number) + 1
        return Finding(
            path,
            1,
            col,
            1,
            col + 2,
            "NX101",
            f"{number} vs {other_number}",
            related=(Related(other, 1, 16, other_number),),
        )

    story = Story("quake", tuple(Member(p, True) for p in ("a.txt", "b.txt")))
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        findings = [
            cross("a.txt", "12", "b.txt", "14"),
            cross("b.txt", "14", "a.txt", "12"),
        ]
        baseline = build("bl.json", findings, [story], lambda p: texts[p])
        assert len(baseline.stories) == 1 and not baseline.files
        assert baseline.stories[0]["texts"] == ["12", "14"]
        baseline.save()
        loaded = load("bl.json")
        grown = Story(
            "quake", tuple(Member(p, True) for p in ("a.txt", "b.txt", "c.txt"))
        )
        later = [*findings, cross("c.txt", "14", "a.txt", "12")]
        outcome = loaded.filter(later, [grown], lambda p: texts[p])
        assert (
            outcome.kept == []
        )  # a new source repeating the known figures is accepted
        other = Finding(
            "c.txt",
            1,
            13,
            1,
            15,
            "NX101",
            "14 vs 9",
            related=(Related("a.txt", 1, 16, "9"),),
        )
        assert loaded.filter([other], [grown], lambda p: texts[p]).kept == [other]
    finally:
        os.chdir(cwd)
