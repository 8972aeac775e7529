#!/usr/bin/env python3
"""Precision and recall of the NT (typography) and NE (encoding) rules.

    python benchmarks/quality/measure_nt.py [--verbose]

benchmarks/quality/nt/clean/ holds professionally styled articles (AP style,
British spelling, Markdown with links, lists and front matter): every NT/NE
finding there is a false positive. The NB benchmark's clean articles
(benchmarks/quality/nb/clean/), written independently, are linted as extra
clean text. benchmarks/quality/nt/dirty/ holds articles whose defects are
wrapped in ⟪ ⟫ (markers stripped before linting; the escapes \\x0b, \\u200b and
the like are turned into the characters they name, so invisible characters
stay visible in the fixture). A finding whose first character falls inside a
marked span is a hit; any other finding is a false positive.
benchmarks/quality/nt/holdout/ is scored like dirty/; it was written after the
rules were tuned (its README gives its first-run figures).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NT = ROOT / "nt"
EXTRA_CLEAN = ROOT / "nb" / "clean"
OPEN, CLOSE = "⟪", "⟫"
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})")


def load(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """Text without markers and the (start, end) offsets of the marked spans."""
    raw = _ESCAPE.sub(
        lambda m: chr(int(m.group(1)[1:], 16)), path.read_text(encoding="utf-8")
    )
    text, spans, pos, start = [], [], 0, None
    for char in raw:
        if char == OPEN:
            start = pos
        elif char == CLOSE:
            spans.append((start, pos))
        else:
            text.append(char)
            pos += 1
    return "".join(text), spans


def lint(files: dict[str, str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            target = Path(tmp, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "newslint",
                "--isolated",
                "--no-cache",
                "--select",
                "NT,NE",
                "--format",
                "json",
                "--exit-zero",
                ".",
            ],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(proc.stdout or "[]")


def offset(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every finding")
    args = ap.parse_args()

    files: dict[str, str] = {}
    marks: dict[str, list[tuple[int, int]]] = {}
    for folder, label in (
        (NT / "clean", "clean"),
        (EXTRA_CLEAN, "nb-clean"),
        (NT / "dirty", "dirty"),
        (NT / "holdout", "holdout"),
    ):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix not in (".txt", ".md") or path.name == "README.md":
                continue
            name = f"{label}/{path.name}"
            files[name], marks[name] = load(path)

    findings = lint(files)
    hits: set[tuple[str, int]] = set()
    tp = fp = 0
    fp_clean = 0
    for f in findings:
        name = Path(f["path"]).as_posix().lstrip("./")
        text = files[name]
        at = offset(text, f["line"], f["column"])
        spans = marks[name]
        inside = [i for i, (s, e) in enumerate(spans) if s <= at < max(e, s + 1)]
        if inside:
            tp += 1
            hits.update((name, i) for i in inside)
            verdict = "hit"
        else:
            fp += 1
            fp_clean += name.startswith(("clean/", "nb-clean/"))
            verdict = "FALSE POSITIVE"
        if args.verbose or verdict != "hit":
            line = text.split("\n")[f["line"] - 1]
            snippet = line[max(0, f["column"] - 30) : f["column"] + 30]
            print(
                f"{verdict}: {name}:{f['line']}:{f['column']} {f['code']} {f['message']}  [{snippet!r}]"
            )
    total_marks = sum(len(v) for v in marks.values())
    for name, spans in marks.items():
        for i, (s, e) in enumerate(spans):
            if (name, i) not in hits:
                print(f"MISSED: {name} {files[name][s:e]!r}")
    clean_words = sum(
        len(t.split())
        for n, t in files.items()
        if n.startswith(("clean/", "nb-clean/"))
    )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = len(hits) / total_marks if total_marks else 1.0
    print(
        f"NT/NE: precision {precision:.2f} ({tp}/{tp + fp} findings), "
        f"recall {recall:.2f} ({len(hits)}/{total_marks} marked defects), "
        f"clean text: {fp_clean} false positives in {clean_words} words "
        f"({fp_clean * 10000 / max(clean_words, 1):.1f} per 10,000 words)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
