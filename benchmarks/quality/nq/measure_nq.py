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

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "stories"
OPEN, CLOSE = "⟪", "⟫"


def load(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """Text without markers and the (start, end) offsets of the marked spans."""
    raw = path.read_text(encoding="utf-8")
    text, spans, pos, start = [], [], 0, 0
    for char in raw:
        if char == OPEN:
            start = pos
        elif char == CLOSE:
            spans.append((start, pos))
        else:
            text.append(char)
            pos += 1
    return "".join(text), spans


def rewrite(
    text: str, spans: list[tuple[int, int]], pattern: str, replacement: str
) -> tuple[str, list[tuple[int, int]]]:
    """Replace the front matter and shift the marked spans to match."""
    match = re.search(pattern, text)
    if not match:
        return text, spans
    delta = len(replacement) - (match.end() - match.start())
    new = text[: match.start()] + replacement + text[match.end() :]
    return new, [(s + delta, e + delta) for s, e in spans]


def offset(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--no-story-key", action="store_true")
    parser.add_argument(
        "--one-story",
        action="store_true",
        help="put every article in one story (stress test for false positives)",
    )
    parser.add_argument("--codes", default="NQ101", help="codes that count")
    args = parser.parse_args()
    codes = set(args.codes.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        texts: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        root = ROOT
        for path in sorted(root.rglob("*")):
            if path.suffix not in (".md", ".txt"):
                continue
            rel = path.relative_to(root).as_posix()
            text, spans = load(path)
            if args.no_story_key:
                text, spans = rewrite(
                    text, spans, r"\A---\nstory: [^\n]*\n---\n", "\n\n\n"
                )
            if args.one_story:
                text, spans = rewrite(
                    text, spans, r"\A---\nstory: [^\n]*\n", "---\nstory: all\n"
                )
            texts[rel] = (text, spans)
            out = Path(tmp, rel)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        proc = subprocess.run(
            [
                "newslint",
                "--isolated",
                "--no-cache",
                "--format",
                "json",
                "--select",
                "NQ",
                ".",
            ],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode not in (0, 1):
            print(proc.stderr, file=sys.stderr)
            return 2
        findings = json.loads(proc.stdout)
    hit_spans: set[tuple[str, int]] = set()
    tp = fp = 0
    for f in findings:
        if f["code"] not in codes:
            continue
        rel = Path(f["path"]).as_posix().removeprefix("./")
        text, spans = texts[rel]
        start = offset(text, f["line"], f["column"])
        inside = [i for i, (s, e) in enumerate(spans) if s <= start < e]
        if inside:
            tp += 1
            hit_spans.update((rel, i) for i in inside)
            if args.verbose:
                print(
                    f"hit   {rel}:{f['line']}:{f['column']} {f['code']} {f['message']}"
                )
        else:
            fp += 1
            print(f"FALSE {rel}:{f['line']}:{f['column']} {f['code']} {f['message']}")
    total = sum(len(spans) for _, spans in texts.values())
    for rel, (text, spans) in sorted(texts.items()):
        for i, (s, e) in enumerate(spans):
            if (rel, i) not in hit_spans:
                line = text.count("\n", 0, s) + 1
                print(f"MISS  {rel}:{line} {text[s:e]!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = len(hit_spans) / total if total else 1.0
    stories = len({rel.split("/")[0] for rel in texts})
    print(
        f"NQ ({','.join(sorted(codes))}): {stories} stories, {len(texts)} articles,"
        f" {total} marked quotations; findings {tp + fp} (hits {tp}, false {fp});"
        f" precision {precision:.2f}, recall {recall:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
