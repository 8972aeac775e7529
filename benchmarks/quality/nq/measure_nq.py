#!/usr/bin/env python3
"""Precision and recall of the NQ (quotations) rule on hand-written multi-source stories.

    python benchmarks/quality/nq/measure_nq.py [--verbose] [--no-story-key] [--one-story]

benchmarks/quality/nq/stories/<story>/ holds three reports of one fictional
event each (wire copy, a daily, a broadcaster; plain text and Markdown),
written for this benchmark. A quotation whose wording was altered is wrapped
in ⟪ ⟫ in each article NQ101 should report: the one that departs from the
majority of sources, or both when only two sources carry the quotation and
they disagree. The markers are stripped before linting. Everything else is
a hard negative and must stay silent: the same quotation cut shorter (from
either end), split in two by its attribution, continued over paragraphs,
written with other quotation marks (‘…’, "…", a mismatched ’…”),
contractions (we’ve / we have), British / American spelling, "U.S." /
"United States", "two" / "2", an em dash for a comma; scare quotes that
differ ("freak wave" / "rogue wave"); different speakers saying similar
things; and different statements of one speaker built the same way.

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
    sys.exit(main("NQ", "NQ101", "marked quotations", HERE, __doc__ or ""))
