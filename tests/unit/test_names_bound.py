"""NN's cheap bound before rapidfuzz: it may never hide a pair that scores."""

from __future__ import annotations

import importlib
import random
import subprocess
import sys

import pytest
from rapidfuzz import fuzz

names_rules = importlib.import_module("newslint.rules.names")

ALPHABET = "aeiounrstlmkdhgyzcéöß"


def _words(rng: random.Random, count: int) -> list[str]:
    return [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(3, 9)))
        for _ in range(count)
    ]


@pytest.mark.parametrize("cutoff", [40.0, 60.0, 75.0, 80.0, 95.0])
def test_the_bound_never_hides_a_scoring_pair(cutoff):
    rng = random.Random(int(cutoff))
    words = [*_words(rng, 400), "erdogan", "erdgoan", "erdan", "tayyip", "tyyip"]
    scored = 0
    for a in words:
        for b in rng.sample(words, 30):
            if fuzz.ratio(a, b) >= cutoff:
                scored += 1
                assert names_rules.may_score(a, [b], cutoff), (a, b)
    assert scored > 20
    assert not names_rules.may_score("reyna", ["harbour", "lantern"], 60.0)


def test_a_short_story_without_look_alikes_does_not_import_rapidfuzz(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(
        "Mayor Tomas Reyna opened the Port Alder harbour festival on Saturday.\n\n"
        "Reyna said the pier would stay open. Organizers thanked Alder Choir.\n",
        encoding="utf-8",
    )
    code = (
        "import sys\n"
        "from newslint.cli import main\n"
        f"main(['--isolated', '--select', 'NN', {str(article)!r}])\n"
        "print('rapidfuzz' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().endswith("False")


def test_the_bound_is_rapidfuzz_ratio_itself():
    rng = random.Random(7)
    words = _words(rng, 300)
    for a, b in zip(words, reversed(words), strict=True):
        ratio = fuzz.ratio(a, b)
        assert names_rules.may_score(a, [b], ratio)
        assert not names_rules.may_score(a, [b], ratio + 0.01)
