"""``newslint stories`` end to end."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from newslint.cli import main

FIXTURES = Path(__file__).parents[1] / "fixtures" / "stories"
SEEDS = Path("/work/shared/seeds")


def stories_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    assert main(["stories", "--isolated", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_every_article_in_exactly_one_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURES, tmp_path / "stories")
    (tmp_path / "stories" / "lonely.md").write_text(
        "---\nstory: parish-fair\n---\n\nThe Oldbury parish fair raised 300 pounds.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    data = stories_json(capsys, "stories")
    assert all(set(s) == {"story", "paths", "why"} for s in data)
    paths = [p for s in data for p in s["paths"]]
    assert len(paths) == len(set(paths)) == 13
    assert all(p.startswith(os.path.join("stories", "")) for p in paths)
    sizes = sorted(len(s["paths"]) for s in data)
    assert sizes == [1, 3, 3, 3, 3]
    fair = next(s for s in data if s["story"] == "parish-fair")
    assert fair["why"] == "front matter story: parish-fair"
    # The cache made by the first run gives the same answer.
    assert stories_json(capsys, "stories") == data


def test_default_format_lists_groups(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in (FIXTURES / "rehab").iterdir())
    assert main(["stories", "--isolated", *files]) == 0
    out = capsys.readouterr().out
    assert out.count("(3 articles; similar text:") == 2
    assert "quinn-wire.txt" in out


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not present")
def test_seed_articles_are_one_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = stories_json(capsys, "--", *sorted(str(p) for p in SEEDS.iterdir()))
    assert len(data) == 1 and len(data[0]["paths"]) == 5
