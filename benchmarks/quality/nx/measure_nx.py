#!/usr/bin/env python3
"""Precision and recall of the NX (numbers) rules on hand-written multi-source stories.

    python benchmarks/quality/nx/measure_nx.py [--verbose] [--no-story-key] [--one-story]

benchmarks/quality/nx/stories/<story>/ holds three reports of one fictional
event each, written for this benchmark. Numbers changed in one source are
wrapped in ⟪ ⟫, and so are the numbers of the other sources that state the
same fact (NX reports a contradiction on each side); the markers are
stripped before linting. Everything else is a hard negative and must stay
silent: equal values written differently (2 1/2 / 2½ years, eight-nation /
eight countries, $300m / 300 million dollars, 4.5% / 4.5 percent), hedged
values that agree (more than 35 / 38), numbers about other things (homes
destroyed / damaged), other times (a similar quake in 1994, last year's
budget) and old values (the toll rose to 14 from nine).

A finding whose first character falls inside a marked span is a hit; any
other finding is a false positive. A marked span with no finding is a miss.
``--one-story`` puts all articles in one story (a stress test for false
positives); ``--no-story-key`` lets similarity grouping decide.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from multisource import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main("NX", "NX101,NX102", "marked numbers", HERE, __doc__ or ""))
