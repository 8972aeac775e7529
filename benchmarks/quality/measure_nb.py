#!/usr/bin/env python3
"""Precision and recall of the NB (boilerplate) rules on hand-written fixtures.

    python benchmarks/quality/measure_nb.py [--verbose] [CORPUS ...]

CORPUS names folders under benchmarks/quality/nb/ (default: all of them,
clean, dirty, holdout, holdout2, holdout3, holdout4, clean3), so a held-out batch can be
measured on its own: ``measure_nb.py holdout3``.

benchmarks/quality/nb/clean/ holds professionally styled articles with no
leftovers (AP style, British spelling, Markdown with links and lists): every
NB finding there is a false positive. benchmarks/quality/nb/dirty/ holds
articles whose leftover lines start with the marker "⟦NB⟧" (stripped before
linting). Scoring is per line: a marked line with at least one NB finding is
a hit; a line with NB findings but no marker is a false positive. Files
named ``clean_*`` in the held-out folders are clean articles too and count
towards the clean-text false-positive rate.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent / "nb"
MARK = "⟦NB⟧"
CORPORA = ("clean", "dirty", "holdout", "holdout2", "holdout3", "holdout4", "clean3")


def is_clean(name: str) -> bool:
    """Whether ``folder/file`` is a clean article (no leftovers at all)."""
    return name.startswith("clean/") or name.split("/", 1)[-1].startswith("clean_")


def load(folder: Path) -> dict[str, tuple[str, set[int]]]:
    """name -> (text without markers, set of marked 1-based line numbers)."""
    out = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        marked = {i + 1 for i, line in enumerate(lines) if line.startswith(MARK)}
        text = "\n".join(
            line[len(MARK) :] if line.startswith(MARK) else line for line in lines
        )
        out[f"{folder.name}/{path.name}"] = (text, marked)
    return out


def lint(files: dict[str, tuple[str, set[int]]]) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        for name, (text, _) in files.items():
            target = Path(tmp, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "newslint",
                "--isolated",
                "--no-cache",
                "--select",
                "NB",
                "--format",
                "json",
                "--exit-zero",
                ".",
            ],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode not in (0, 1) or not proc.stdout.strip().startswith("["):
            sys.exit(f"newslint failed: {proc.stderr}")
        findings = json.loads(proc.stdout)
    for finding in findings:
        finding["path"] = Path(finding["path"]).as_posix().removeprefix("./")
    return findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every finding")
    parser.add_argument(
        "corpora",
        nargs="*",
        metavar="CORPUS",
        choices=[[], *CORPORA],
        help=f"folders under nb/ to measure (default: all of {', '.join(CORPORA)})",
    )
    args = parser.parse_args()
    files = {}
    for corpus in args.corpora or CORPORA:
        files.update(load(HERE / corpus))
    findings = lint(files)
    flagged: dict[tuple[str, int], list[dict]] = {}
    for f in findings:
        flagged.setdefault((f["path"], f["line"]), []).append(f)
    marked = {(name, n) for name, (_, lines) in files.items() for n in lines}
    tp = {key for key in flagged if key in marked}
    fp = {key for key in flagged if key not in marked}
    missed = sorted(marked - set(flagged))
    words_clean = sum(len(t.split()) for n, (t, _) in files.items() if is_clean(n))
    fp_clean = [k for k in fp if is_clean(k[0])]
    words_unmarked = sum(
        len(line.split())
        for (text, marked_lines) in files.values()
        for number, line in enumerate(text.split("\n"), 1)
        if number not in marked_lines
    )
    precision = len(tp) / (len(tp) + len(fp)) if tp or fp else 1.0
    recall = len(tp) / len(marked) if marked else 1.0
    codes = Counter(f["code"] for f in findings)
    print(f"files: {len(files)} ({sum(1 for n in files if is_clean(n))} clean)")
    print(f"leftover lines: {len(marked)}  found: {len(tp)}  missed: {len(missed)}")
    print(f"flagged lines: {len(flagged)}  false positives: {len(fp)}")
    print(f"precision: {precision:.3f}  recall: {recall:.3f}")
    print(
        f"clean articles: {words_clean} words, {len(fp_clean)} false positive lines"
        f" ({len(fp_clean) * 10000 / max(words_clean, 1):.1f} per 10,000 words)"
    )
    print(
        f"all unmarked text: {words_unmarked} words, {len(fp)} false positive lines"
        f" ({len(fp) * 10000 / max(words_unmarked, 1):.1f} per 10,000 words)"
    )
    print(
        "findings by code: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items()))
    )
    for key in sorted(fp):
        for f in flagged[key]:
            print(
                f"FALSE POSITIVE {key[0]}:{key[1]}:{f['column']}: {f['code']} {f['message']}"
            )
    for name, line in missed:
        text = files[name][0].split("\n")[line - 1]
        print(f"MISSED {name}:{line}: {text[:90]!r}")
    if args.verbose:
        for f in sorted(findings, key=lambda f: (f["path"], f["line"], f["column"])):
            print(f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
