#!/usr/bin/env python3
"""In-process cost of the single-article pass (NB, NT, NE and the shared
document analysis), in ms per 1,000 words on one core.

    python benchmarks/single_pass.py                    # 300 generated articles, min of 5 rounds
    python benchmarks/single_pass.py --corpus DIR       # your own folder of articles
    python benchmarks/single_pass.py --breakdown        # shared analyses and each rule apart
    python benchmarks/single_pass.py --profile 30       # cProfile, top 30 by own time
    python benchmarks/single_pass.py --compiles         # patterns a tiny article compiles

Every round lints every article as the engine does (``Linter.process``:
decode, rules' ``check()``, suppression comments, content hash) with the
families ``--select`` names. The figure is the *minimum* CPU time of the
rounds (``time.process_time``; the machine's load and speed vary, the
minimum is the least disturbed round), with wall time beside it. Patterns
compile in a warm-up round that is not counted. ``--compiles`` runs a fresh
interpreter on "The council met on Monday. It approved the budget." and
counts the ``re`` and ``regex`` patterns it compiles (issue 3). Nothing here
is a test: run it by hand and compare figures taken in the same minute.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TINY = "The council met on Monday. It approved the budget.\n"


def load_corpus(
    folder: Path | None, articles: int, seed: int
) -> list[tuple[str, bytes]]:
    if folder is None:
        from generate import generate

        folder = Path(tempfile.mkdtemp(prefix="nl-single-pass-"))
        generate(folder, articles, seed=seed)
    paths = sorted(
        p for p in folder.rglob("*") if p.suffix in (".md", ".markdown", ".txt")
    )
    return [(str(p), p.read_bytes()) for p in paths[:articles]]


def make_linter(select: str):  # type: ignore[no-untyped-def]
    from newslint.config import Config
    from newslint.engine import Linter

    return Linter(Config(select=tuple(select.split(","))))


def one_round(linter, corpus: list[tuple[str, bytes]]) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """The engine's per-document step, as the CLI runs it (with NB110's fact
    extraction and the story signature that the corpus pass needs)."""
    found = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for path, raw in corpus:
        found += len(linter.process(path, raw, True).findings)
    return time.process_time() - cpu, time.perf_counter() - wall, found


def rules_round(linter, corpus: list[tuple[str, bytes]]) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """Only the document rules' ``check()`` and the Document they read."""
    from newslint.document import Document

    found = 0
    rules = linter.document_rules
    cpu, wall = time.process_time(), time.perf_counter()
    for path, raw in corpus:
        doc = Document.from_bytes(path, raw)
        for rule in rules:
            found += len(list(rule.check(doc)))
    return time.process_time() - cpu, time.perf_counter() - wall, found


def breakdown(linter, corpus: list[tuple[str, bytes]], rounds: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds (min over rounds) of each shared analysis and each rule, the
    shared ones forced first so that no rule is charged for them."""
    from newslint.rules.boilerplate.catalogue import catalogue_hits, doc_lines
    from newslint.rules.boilerplate.generic import analyse

    from newslint.document import Document

    steps = [
        ("document: decode", None),
        ("document: prose (masking)", lambda d: d.prose),
        ("document: line_starts", lambda d: d.line_starts),
        ("document: paragraphs", lambda d: d.paragraphs),
        ("NB: doc_lines", doc_lines),
        ("NB: catalogue table", catalogue_hits),
        ("NB: generic analysis", analyse),
    ]
    best: dict[str, float] = {}
    clock = time.process_time
    for _ in range(rounds):
        spent: dict[str, float] = dict.fromkeys(
            [name for name, _ in steps] + [r.code for r in linter.document_rules], 0.0
        )
        for path, raw in corpus:
            t = clock()
            doc = Document.from_bytes(path, raw)
            spent["document: decode"] += clock() - t
            for name, step in steps[1:]:
                t = clock()
                step(doc)
                spent[name] += clock() - t
            for rule in linter.document_rules:
                t = clock()
                for _ in rule.check(doc):
                    pass
                spent[rule.code] += clock() - t
        for key, value in spent.items():
            best[key] = min(best.get(key, value), value)
    return best


def count_compiles() -> dict[str, int]:
    """Patterns compiled by a fresh ``newslint`` run on the tiny article."""
    code = r"""
import re, sys, json
counts = {"re": 0, "regex": 0}
real_re = re._compile
def re_compile(pattern, flags):
    key = (type(pattern), pattern, flags)
    if key not in seen_re:
        seen_re.add(key)
        counts["re"] += 1
    return real_re(pattern, flags)
seen_re = set()
re._compile = re_compile
import regex._main as rm
real_rx = rm._compile
seen_rx = set()
def rx_compile(pattern, flags, ignore_unused, kwargs, cache_it):
    key = (pattern, flags)
    if key not in seen_rx:
        seen_rx.add(key)
        counts["regex"] += 1
    return real_rx(pattern, flags, ignore_unused, kwargs, cache_it)
rm._compile = rx_compile
from newslint.cli import main
try:
    main(["--isolated", "--no-cache", "-q", sys.argv[1]])
except SystemExit:
    pass
sys.stderr.write(json.dumps(counts) + "\n")
"""
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp, "one.md")
        article.write_text(TINY, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", code, str(article)],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
    import json

    return json.loads(done.stderr.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", type=Path, help="folder of articles (default: generated)"
    )
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--select", default="NB,NT,NE")
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument("--profile", type=int, metavar="N", default=0)
    parser.add_argument("--compiles", action="store_true")
    parser.add_argument(
        "--engine",
        action="store_true",
        help="profile the engine's whole per-document step, not only the rules",
    )
    parser.add_argument("--sort", default="tottime", help="cProfile sort key")
    args = parser.parse_args()

    if args.compiles:
        counts = count_compiles()
        print(
            f"tiny article: {counts['re']} re and {counts['regex']} regex patterns compiled"
        )
        return

    corpus = load_corpus(args.corpus, args.articles, args.seed)
    words = sum(len(raw.decode("utf-8", "replace").split()) for _, raw in corpus)
    linter = make_linter(args.select)
    one_round(linter, corpus)  # warm-up: patterns compile, data files load

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        (one_round if args.engine else rules_round)(linter, corpus)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats(args.sort)
        stats.print_stats(args.profile)
        print(out.getvalue())
        return

    if args.breakdown:
        best = breakdown(linter, corpus, args.rounds)
        total = sum(best.values())
        for name, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
            print(
                f"{name:28} {seconds / (words / 1000) * 1000:6.3f} ms/1k words"
                f"  {seconds / total * 100:5.1f} %"
            )
        print(f"{'sum':28} {total / (words / 1000) * 1000:6.3f} ms/1k words")
        return

    print(f"{len(corpus)} articles, {words:,} words ({args.select})")
    per_k = 1000 / (words / 1000)
    for label, step in (
        ("engine per-document step", one_round),
        ("document rules + Document", rules_round),
    ):
        # interleaved with the other kind would be fairer still; min-of-N suffices
        results = [step(linter, corpus) for _ in range(args.rounds)]
        cpu = min(r[0] for r in results)
        wall = min(r[1] for r in results)
        print(
            f"{label:26} {cpu * per_k:5.2f} ms per 1,000 words CPU"
            f" (min of {args.rounds}; wall {wall * per_k:.2f}),"
            f" {words / cpu / 1000:.0f} k words/s, {results[0][2]} findings"
        )


if __name__ == "__main__":
    main()
