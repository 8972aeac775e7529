"""Run the newslint benchmark suite and write docs/performance.md.

    python benchmarks/run.py                       # 1,000 and 10,000 generated articles
    python benchmarks/run.py --sizes 1000          # quicker
    python benchmarks/run.py --corpus DIR          # also on your own folder of articles
    python benchmarks/run.py --huge                # adds the 100,000-article memory run

Every figure is wall-clock time of the real CLI in a subprocess (median of
several runs for the short ones) and peak resident memory from wait4(). Peers
(proselint from PyPI; textlint from npm when it is installed) run on the same
files in the same session. Nothing here is a test: run it by hand.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

NEWSLINT = [sys.executable, "-m", "newslint"]
SINGLE_ARTICLE_FAMILIES = "NB,NT,NE"
#: The single-article pass leaves out NB110, the one corpus rule of these
#: families: it brings story signatures and grouping, which the cold and
#: --jobs columns measure with the cross-source rules.
SINGLE_ARTICLE_ONLY = ["--select", SINGLE_ARTICLE_FAMILIES, "--extend-ignore", "NB110"]


@dataclass
class Measure:
    seconds: float
    peak_mib: float
    returncode: int


def measure(
    cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> Measure:
    """Run cmd; wall time and peak RSS (the largest of the process and its children)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise SystemExit(
            f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}"
        )
    return Measure(elapsed, usage.ru_maxrss / 1024, proc.returncode)


def median_time(cmd: list[str], runs: int = 7, **kwargs: object) -> float:
    return statistics.median(measure(cmd, **kwargs).seconds for _ in range(runs))  # type: ignore[arg-type]


def count_words(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        if path.suffix in (".md", ".txt", ".markdown"):
            total += len(path.read_text(encoding="utf-8", errors="replace").split())
    return total


def version_of(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def ensure_proselint() -> list[str] | None:
    exe = shutil.which("proselint", path=str(Path(sys.executable).parent))
    if exe is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "proselint"], check=False
        )
        exe = shutil.which("proselint", path=str(Path(sys.executable).parent))
    return [exe] if exe else None


def ensure_textlint(work: Path) -> list[str] | None:
    if shutil.which("npm") is None:
        return None
    folder = work / "textlint"
    folder.mkdir(exist_ok=True)
    done = subprocess.run(
        [
            "npm",
            "install",
            "--silent",
            "--no-audit",
            "--no-fund",
            "textlint",
            "textlint-rule-no-doubled-joshi",
            "textlint-rule-no-todo",
        ],
        cwd=folder,
        capture_output=True,
        check=False,
    )
    exe = folder / "node_modules" / ".bin" / "textlint"
    if done.returncode != 0 or not exe.exists():
        return None
    (folder / ".textlintrc.json").write_text('{"rules": {"no-todo": true}}')
    return [str(exe), "--config", str(folder / ".textlintrc.json")]


def sample_files(folder: Path, limit: int) -> list[str]:
    files = sorted(str(p) for p in folder.rglob("*") if p.suffix in (".md", ".txt"))
    return files[:limit]


def bench_size(n: int, work: Path, rows: list[str], notes: list[str]) -> None:
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        generate(corpus, n, seed=1)
    words = count_words(corpus)
    cache = work / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    cold = measure(
        [*NEWSLINT, "--isolated", "--cache-dir", str(cache), "-q", str(corpus)]
    )
    warm = measure(
        [*NEWSLINT, "--isolated", "--cache-dir", str(cache), "-q", str(corpus)]
    )
    j1 = measure(
        [*NEWSLINT, "--isolated", "--no-cache", "--jobs", "1", "-q", str(corpus)]
    )
    j2 = measure(
        [*NEWSLINT, "--isolated", "--no-cache", "--jobs", "2", "-q", str(corpus)]
    )
    single = measure(
        [
            *NEWSLINT,
            "--isolated",
            "--no-cache",
            "--jobs",
            "1",
            *SINGLE_ARTICLE_ONLY,
            "-q",
            str(corpus),
        ]
    )
    changed = next(iter(sorted(corpus.rglob("*.md"))))
    precommit_cmd = [
        *NEWSLINT,
        "--isolated",
        "--cache-dir",
        str(cache),
        "--corpus",
        str(corpus / "**" / "*.*"),
        "-q",
        str(changed),
    ]
    measure(precommit_cmd)  # fill the cache for the reference corpus
    precommit = statistics.median(measure(precommit_cmd).seconds for _ in range(3))
    rows.append(
        f"| {n:,} articles ({words / 1e6:.2f} M words) | {cold.seconds:.1f} s "
        f"| {warm.seconds:.1f} s | {j1.seconds:.1f} s | {j2.seconds:.1f} s "
        f"| {precommit:.2f} s | {max(cold.peak_mib, j1.peak_mib):.0f} MiB "
        f"| {words / single.seconds / 1000:.0f} k words/s "
        f"({single.seconds / (words / 1000) * 1000:.2f} ms per 1,000 words) |"
    )
    del notes


def bench_peers(work: Path, rows: list[str], notes: list[str], size: int = 300) -> None:
    corpus = work / "corpus-1000"
    if not corpus.exists():
        generate(corpus, 1000, seed=1)
    files = sample_files(corpus, size)
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    ours = measure(
        [
            *NEWSLINT,
            "--isolated",
            "--no-cache",
            "--jobs",
            "1",
            *SINGLE_ARTICLE_ONLY,
            "-q",
            *files,
        ]
    )
    ours_wps = words / ours.seconds
    rows.append(
        f"| newslint {version_of('newslint')} (NB, NT, NE without the corpus rule NB110; 1 process) | {ours.seconds:.2f} s "
        f"| {ours_wps / 1000:.0f} k | 1.0 |"
    )
    proselint = ensure_proselint()
    if proselint:
        peer = (
            measure([*proselint, "check", *files])
            if _proselint_has_check(proselint)
            else measure([*proselint, *files])
        )
        wps = words / peer.seconds
        rows.append(
            f"| proselint {version_of('proselint')} (all default checks) | {peer.seconds:.2f} s "
            f"| {wps / 1000:.0f} k | {ours_wps / wps:.1f}x |"
        )
    else:
        notes.append(
            "proselint could not be installed in this environment; not compared."
        )
    textlint = ensure_textlint(work)
    if textlint:
        peer = measure([*textlint, *files])
        wps = words / peer.seconds
        rows.append(
            f"| textlint (rule no-todo) | {peer.seconds:.2f} s | {wps / 1000:.0f} k | {ours_wps / wps:.1f}x |"
        )
    else:
        notes.append("textlint was not available from npm here; not compared.")
    notes.append(
        f"Peers ran on the same {len(files)} generated articles ({words:,} words). "
        "Not like for like: proselint checks style and usage (clichés, jargon), newslint's single-article "
        "families check leftovers, typography and encoding; the figure compares cost per word of a full default pass."
    )


def _proselint_has_check(cmd: list[str]) -> bool:
    out = subprocess.run([*cmd, "--help"], capture_output=True, text=True, check=False)
    return " check" in out.stdout


#: The realistic one-article case: ~280 words of Markdown with front matter,
#: curly quotes, dashes, a list and hard-wrapped lines (our own text).
STARTUP_ARTICLE = HERE / "startup" / "article.md"
STARTUP_RUNS = 11


def _installed_newslint(work: Path) -> Path:
    """A fresh non-editable install of this checkout in its own venv: what
    pre-commit builds for the hook (an editable install adds an import hook
    that costs ~20 ms at every start)."""
    venv = work / "startup-venv"
    if venv.exists():
        shutil.rmtree(venv)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(ROOT)],
        check=True,
    )
    return venv / "bin" / "newslint"


def _timings(cmd: list[str], cwd: Path | None = None) -> str:
    runs = sorted(measure(cmd, cwd=cwd).seconds for _ in range(STARTUP_RUNS))
    return f"{runs[0] * 1000:.0f} ms | {statistics.median(runs) * 1000:.0f} ms"


def bench_startup(work: Path, rows: list[str]) -> None:
    tiny = work / "one.md"
    tiny.write_text(
        "The council met on Monday. It approved the budget.\n", encoding="utf-8"
    )
    entry = str(_installed_newslint(work))
    measure([entry, "--version"])  # the first start writes the bytecode caches
    example = "examples/content/2026/valmora-floods/alder-wire.md"
    python = str(Path(entry).with_name("python"))
    cases = [
        (
            "`python -c pass` (the interpreter alone: this machine's floor)",
            [python, "-c", "pass"],
            None,
        ),
        ("`newslint --version`", [entry, "--version"], None),
        (
            "`newslint one.md`: one sentence, all default rules",
            [entry, "--isolated", str(tiny)],
            None,
        ),
        (
            "`newslint article.md`: `benchmarks/startup/article.md`, 280 words,"
            " curly quotes, wrapped lines",
            [entry, "--isolated", str(STARTUP_ARTICLE)],
            None,
        ),
        (
            f"`newslint {example}` in the example repo (its config and local"
            " house-style plugin)",
            [entry, example],
            ROOT,
        ),
        (
            "`python -m newslint article.md` in the editable dev install",
            [*NEWSLINT, "--isolated", str(STARTUP_ARTICLE)],
            None,
        ),
    ]
    for label, cmd, cwd in cases:
        rows.append(f"| {label} | {_timings(cmd, cwd)} |")


def replace_startup(output: Path, rows: list[str]) -> None:
    """Rewrite only the start-up table of an existing report."""
    lines = output.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("## Start-up"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    lines[start:end] = [*_startup_section(rows), ""]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _startup_section(rows: list[str]) -> list[str]:
    return [
        f"## Start-up (min and median of {STARTUP_RUNS} runs; budget 150 ms for one article)",
        "",
        "Non-editable install in a fresh venv, as pre-commit installs the hook;"
        " measured on "
        + time.strftime("%Y-%m-%d")
        + ". This machine's speed drifts by up to 2x within minutes (a bare"
        " `python -c pass` takes 10-60 ms): compare rows of one run, not of two.",
        "",
        "| command | min | median |",
        "|---|---|---|",
        *rows,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 10000]
    )
    parser.add_argument(
        "--corpus", type=Path, help="also benchmark this folder of articles"
    )
    parser.add_argument(
        "--huge", action="store_true", help="add a 100,000-article run (slow)"
    )
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "newslint-bench"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="measure start-up only and rewrite that table of the report",
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    startup: list[str] = []
    bench_startup(args.work, startup)
    if args.startup_only:
        replace_startup(args.output, startup)
        print(f"wrote the start-up table of {args.output}", file=sys.stderr)
        return
    sizes: list[str] = []
    notes: list[str] = []
    for n in args.sizes + ([100_000] if args.huge else []):
        print(f"benchmarking {n} articles ...", file=sys.stderr)
        bench_size(n, args.work, sizes, notes)
    if args.corpus:
        words = count_words(args.corpus)
        run = measure([*NEWSLINT, "--isolated", "--no-cache", "-q", str(args.corpus)])
        sizes.append(
            f"| {args.corpus} ({words:,} words) | {run.seconds:.1f} s | | | | | {run.peak_mib:.0f} MiB | {words / run.seconds / 1000:.0f} k words/s |"
        )
    peers: list[str] = []
    bench_peers(args.work, peers, notes)
    write_report(args, startup, sizes, peers, notes)
    print(f"wrote {args.output}", file=sys.stderr)


def write_report(
    args: argparse.Namespace,
    startup: list[str],
    sizes: list[str],
    peers: list[str],
    notes: list[str],
) -> None:
    command = "python benchmarks/run.py " + " ".join(a for a in sys.argv[1:])
    text = [
        "# Performance",
        "",
        f"Measured by `{command.strip()}` on {time.strftime('%Y-%m-%d')}; "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"newslint {version_of('newslint')}.",
        "",
        *_startup_section(startup),
        "",
        "## Generated corpora (`benchmarks/generate.py`, seed 1)",
        "",
        "Cold: empty cache; warm: the same run again; jobs: per-document pass in 1 or 2 "
        "processes without the cache; pre-commit: one changed article with the whole corpus as "
        "`--corpus` and a warm cache (median of 3); peak memory of the cold and `--jobs 1` runs; "
        "the last column is the single-article rules (NB, NT, NE without the corpus rule NB110) in one process.",
        "",
        "| corpus | cold | warm | --jobs 1 | --jobs 2 | pre-commit | peak memory | single-article pass |",
        "|---|---|---|---|---|---|---|---|",
        *sizes,
        "",
        "## Against peer prose linters (same files, same session, one process)",
        "",
        "| tool | time | words/s | newslint speed-up |",
        "|---|---|---|---|",
        *peers,
        "",
        *[f"- {n}" for n in notes],
        "",
    ]
    extra = args.output.with_name("performance-notes.md")
    if extra.exists():
        text += ["", extra.read_text(encoding="utf-8")]
    args.output.write_text("\n".join(text), encoding="utf-8")


if __name__ == "__main__":
    main()
