#!/usr/bin/env python3
"""Precision and recall of the NN (names) rules on hand-written multi-source stories.

    python benchmarks/quality/nn/measure_nn.py [--verbose] [--no-story-key] [--codes NN101,NN103]

benchmarks/quality/nn/stories/<story>/ holds several reports of one fictional
(or public-figure) event written for this benchmark. Garbled names injected
into some sources are wrapped in ⟪ ⟫; the markers are stripped before
linting. Hard negatives are left unmarked: different people with look-alike
names (Kim Jong Un / Kim Jong Il, Teodor / Teodora Vasilescu, Anna Kovacik /
Peter Kovacic), transliteration variants that outlets differ on (Zelensky /
Zelenskyy, Andrii / Andriy, Odesa / Odessa), derived forms (Russia /
Russian), British and American spelling across sources.

A finding whose first character falls inside a marked span is a hit; any
other finding is a false positive. A marked span with no finding is a miss.
``--one-story`` puts all articles in one story, so names of unrelated
stories meet (a stress test for false positives). ``--no-story-key`` drops the front-matter ``story:`` keys so that grouping by
similarity decides which articles are compared.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from multisource import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main("NN", "NN101,NN103", "injected garbles", HERE, __doc__ or ""))
