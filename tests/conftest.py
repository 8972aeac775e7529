"""Shared helpers: run the CLI in-process or as a subprocess, write article trees."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
LOCAL_PLUGIN = FIXTURES / "plugins" / "local_rules.py"
DIRTY = "The talks ended. . Officials left.\n"  # NT101 at 1:16
CLEAN = "The talks ended. Officials left.\n"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


class _TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run_in_process(args, cwd, stdin: bytes | None, tty: bool) -> Result:
    from newslint.cli import main

    out = _TTY() if tty else io.StringIO()
    err = io.StringIO()
    old_cwd = os.getcwd()
    old_stdin = sys.stdin
    if cwd is not None:
        os.chdir(cwd)
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main([str(a) for a in args])
    finally:
        os.chdir(old_cwd)
        sys.stdin = old_stdin
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    """``cli(*args, cwd=..., stdin=b"...", tty=False)`` -> Result (in-process)."""

    def run(*args, cwd=None, stdin=None, tty=False):
        return _run_in_process(args, cwd, stdin, tty)

    return run


def run_subprocess(args, cwd=None, stdin: bytes | None = None, env=None) -> Result:
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *map(str, args)],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=full_env,
        timeout=300,
    )
    return Result(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


@pytest.fixture
def sh():
    """Run ``python -m newslint`` in a subprocess."""
    return run_subprocess


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(content)
    return root


@pytest.fixture
def tree(tmp_path):
    """``tree({"a.md": "..."})`` writes files under tmp_path and returns it."""

    def make(files: dict[str, str | bytes]) -> Path:
        return write_tree(tmp_path, files)

    return make


def assert_one_line_error(result: Result, *needles: str) -> None:
    """Exit 2, nothing on stdout, exactly one stderr line, no traceback."""
    assert result.code == 2, result
    assert result.out == ""
    lines = result.err.strip("\n").splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("newslint: error: "), result.err
    assert "Traceback" not in result.err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
