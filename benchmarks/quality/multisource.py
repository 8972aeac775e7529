"""Shared driver of the multi-source quality benchmarks (NN, NX, NQ).

Each ``<family>/measure_<family>.py`` describes its fixtures in its docstring
and calls :func:`main`. Marked spans (between the markers below) are what the
family's rules should report; the markers are stripped before linting. A
finding whose first character falls inside a marked span is a hit, any other
finding a false positive, a marked span with no finding a miss.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import regex

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
    match = regex.search(pattern, text)
    if not match:
        return text, spans
    delta = len(replacement) - (match.end() - match.start())
    new = text[: match.start()] + replacement + text[match.end() :]
    return new, [(s + delta, e + delta) for s, e in spans]


def offset(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def main(family: str, codes: str, noun: str, here: Path, doc: str) -> int:
    """Lint the marked stories under ``here`` and print precision and recall."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--no-story-key", action="store_true")
    parser.add_argument(
        "--set",
        default="stories",
        help="the folder of stories: stories/ (used while building the rules)"
        " or fresh/ (written after), where present",
    )
    parser.add_argument(
        "--one-story",
        action="store_true",
        help="put every article in one story (stress test for false positives)",
    )
    parser.add_argument("--codes", default=codes, help="codes that count")
    args = parser.parse_args()
    codes = set(args.codes.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        texts: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        root = here / args.set
        for path in sorted(root.rglob("*")):
            if path.suffix not in (".md", ".txt"):
                continue
            rel = path.relative_to(root).as_posix()
            text, spans = load(path)
            # The story line anywhere in the front matter; other keys stay.
            story_line = r"\A---\n(?:(?!---\n)[^\n]*\n)*?\Kstory: [^\n]*"
            if args.no_story_key:
                text, spans = rewrite(text, spans, story_line, "")
            if args.one_story:
                text, spans = rewrite(text, spans, story_line, "story: all")
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
                family,
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
        f"{family} ({','.join(sorted(codes))}): {stories} stories, {len(texts)} articles,"
        f" {total} {noun}; findings {tp + fp} (hits {tp}, false {fp});"
        f" precision {precision:.2f}, recall {recall:.2f}"
    )
    return 0
