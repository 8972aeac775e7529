"""Linter.run keeps the objects it builds in bulk out of the cyclic GC until
the next run (a one-run CLI exits without the collector walking them)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from test_cache import make_repo, run

import newslint.engine as engine


@pytest.fixture(autouse=True)
def unfrozen():
    gc.unfreeze()
    engine._FROZEN[0] = False
    yield
    gc.unfreeze()
    engine._FROZEN[0] = False


def test_objects_stay_frozen_until_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path)
    run(repo)
    run(repo)  # warm: cached entries, groups, stories built in bulk
    assert gc.get_freeze_count() > 0 and engine._FROZEN[0]
    given_back: list[int] = []
    real = gc.unfreeze

    def unfreeze() -> None:
        given_back.append(gc.get_freeze_count())
        real()

    monkeypatch.setattr(gc, "unfreeze", unfreeze)
    run(repo)
    # Given back once, before anything else (then this run froze its own).
    assert len(given_back) == 1 and given_back[0] > 0
    assert engine._FROZEN[0]


def test_objects_someone_else_froze_are_left_alone(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    run(repo)
    engine._FROZEN[0] = False
    gc.unfreeze()
    gc.freeze()  # the host program's own freeze
    frozen = gc.get_freeze_count()
    run(repo)
    assert not engine._FROZEN[0]
    assert gc.get_freeze_count() == frozen
