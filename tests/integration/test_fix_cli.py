"""--fix / --diff end to end: suppressions, NL101, remaining findings, stdin."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from newslint.cli import main

CONFIG = """select = ["NT101", "NT102", "NT103", "NL101", "H201"]

[[house-rules]]
code = "H201"
message = "Use '{replacement}', not '{match}'"
substitute = { "Organisation" = "Organization" }
"""


def run(tmp: Path, *args: str, stdin: str | None = None) -> int:
    cwd = os.getcwd()
    os.chdir(tmp)
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()))
    try:
        return main([*args, "--no-cache"])
    finally:
        os.chdir(cwd)
        sys.stdin = old


def write(tmp: Path, name: str, text: str) -> Path:
    (tmp / "newslint.toml").write_text(CONFIG)
    path = tmp / name
    path.write_bytes(text.encode())
    return path


def test_fix_skips_suppressed_and_reports_what_is_left(tmp_path: Path, capsys):
    path = write(
        tmp_path,
        "a.md",
        "The Organisation met. . Then left.\n"
        "Kept as is. . newslint: noqa NT101\n"
        "<!-- newslint: disable-next-line NT103 -->\n"
        "No space problem here.\n"
        "The mayor said. added. Then rain.\n"
        "```\ncode. . stays\n```\n",
    )
    assert run(tmp_path, "--fix", "a.md") == 0
    assert path.read_text() == (
        "The Organization met. Then left.\n"
        "Kept as is. . newslint: noqa NT101\n"
        "No space problem here.\n"
        "The mayor said. Then rain.\n"
        "```\ncode. . stays\n```\n"
    )
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "fixed 4 findings in 1 file" in captured.err


def test_ignored_rules_are_not_fixed(tmp_path: Path, capsys):
    path = write(tmp_path, "a.md", "One. . Two.\n")
    assert run(tmp_path, "--fix", "--ignore", "NT101", "a.md") == 0
    assert path.read_text() == "One. . Two.\n"


def test_remaining_findings_are_reported_after_fix(tmp_path: Path, capsys):
    write(tmp_path, "a.md", "One. . Two.\n")
    (tmp_path / "newslint.toml").write_text(
        CONFIG.replace('"H201"]', '"H201", "NT107"]')
    )
    (tmp_path / "b.md").write_text("<!-- newslint: noqa -->\n")
    assert run(tmp_path, "--fix", "a.md", "b.md") == 0
    assert (tmp_path / "b.md").read_text() == ""
    assert (tmp_path / "a.md").read_text() == "One. Two.\n"


def test_fix_reports_unfixable_findings_with_exit_1(tmp_path: Path, capsys):
    (tmp_path / "newslint.toml").write_text('select = ["NT101", "NT104"]\n')
    (tmp_path / "a.txt").write_text("One. . Write to usSend your letters.\n")
    assert run(tmp_path, "--fix", "a.txt") == 1
    out = capsys.readouterr().out
    assert "NT104" in out and "NT101" not in out
    assert (tmp_path / "a.txt").read_text() == "One. Write to usSend your letters.\n"


def test_stdin_diff_works_and_fix_is_refused(tmp_path: Path, capsys):
    write(tmp_path, "unused.md", "")
    assert (
        run(tmp_path, "--diff", "--stdin-filename", "x.md", "-", stdin="One. .\n") == 1
    )
    assert "+One.\n" in capsys.readouterr().out
    assert (
        run(tmp_path, "--fix", "--stdin-filename", "x.md", "-", stdin="One. .\n") == 2
    )
    assert "--diff" in capsys.readouterr().err


def test_not_utf8_is_left_alone(tmp_path: Path, capsys):
    path = write(tmp_path, "a.txt", "")
    path.write_bytes(b"Caf\xe9 closed. . Then.\n")
    run(tmp_path, "--fix", "a.txt")
    assert path.read_bytes() == b"Caf\xe9 closed. . Then.\n"
    assert "not valid UTF-8" in capsys.readouterr().err
