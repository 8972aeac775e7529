"""Apply the fixes that findings offer: ``--fix``, ``--unsafe-fixes``, ``--diff``.

A fix replaces ``Document.text[start:end]`` (BOM stripped, line endings
kept). Each pass takes the findings of a lint run, keeps the fixes that are
allowed (safe, or unsafe with ``--unsafe-fixes``; never in front matter or
code, never on a line a suppression comment covers for that code), sorts
them and applies those that do not overlap an earlier one. Skipped fixes get
their chance in the next pass, after a re-lint of the fixed text, so two
fixes are never merged blindly. Passes run in memory; only at the end are
the changed files written, each atomically (temporary file in the same
folder, fsync, ``os.replace``), keeping the BOM, line endings and file mode.
Files that are not valid UTF-8 are left alone.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newslint import markup, suppression
from newslint.document import Document
from newslint.errors import InputError, UsageError
from newslint.finding import Finding, Fix

BOM = b"\xef\xbb\xbf"
#: Lint-fix rounds before giving up (fixes that keep creating fixes).
MAX_PASSES = 8


@dataclass
class Outcome:
    """What applying one round of fixes to one text did."""

    text: str
    applied: list[Fix] = field(default_factory=list)
    skipped: list[Fix] = field(default_factory=list)  # overlapping: next pass
    refused: list[Fix] = field(default_factory=list)  # protected text


def protected_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans no fix may touch: front matter and (in Markdown) code."""
    spans: list[tuple[int, int]] = []
    if doc.front_matter_span:
        spans.append(doc.front_matter_span)
    if doc.is_markdown:
        spans.extend(markup.fenced_code(doc.text))
        spans.extend(markup.inline_code(doc.text))
    return markup.merge(spans)


def _touches(fix: Fix, spans: Iterable[tuple[int, int]]) -> bool:
    for start, end in spans:
        if fix.start == fix.end:
            if start < fix.start < end:
                return True
        elif fix.start < end and start < fix.end:
            return True
    return False


def allowed(finding: Finding, unsafe: bool) -> bool:
    """Whether ``--fix`` (with ``unsafe``) may apply the finding's fix."""
    return finding.fix is not None and (finding.fix.safe or unsafe)


def apply_fixes(
    doc: Document,
    findings: Iterable[Finding],
    *,
    suppressions: suppression.Suppressions | None = None,
) -> Outcome:
    """Apply the non-overlapping fixes of ``findings`` to ``doc.text``."""
    text = doc.text
    protected = protected_spans(doc)
    sup = (
        suppressions
        if suppressions is not None
        else suppression.parse(doc.directive_text)
    )
    outcome = Outcome(text)
    candidates: dict[tuple[int, int, str], Fix] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None:
            continue
        if not (0 <= fix.start <= fix.end <= len(text)) or _touches(fix, protected):
            outcome.refused.append(fix)
            continue
        # The engine already judged the finding's own line; a fix that reaches
        # other lines must not reach into text suppressed for its code.
        first, _ = doc.position(fix.start)
        last, _ = doc.position(max(fix.start, fix.end - 1))
        lines = set(range(first, last + 1)) - {finding.line}
        if any(sup.suppresses(line, finding.code) for line in lines):
            outcome.refused.append(fix)
            continue
        if text[fix.start : fix.end] == fix.replacement:
            continue
        candidates.setdefault((fix.start, fix.end, fix.replacement), fix)
    pieces: list[str] = []
    pos = 0
    last: tuple[int, int] | None = None
    for key in sorted(candidates):
        fix = candidates[key]
        if last is not None and (
            fix.start < last[1] or (fix.start == fix.end == last[0] == last[1])
        ):
            outcome.skipped.append(fix)
            continue
        pieces.append(text[pos : fix.start])
        pieces.append(fix.replacement)
        pos = fix.end
        last = (fix.start, fix.end)
        outcome.applied.append(fix)
    pieces.append(text[pos:])
    outcome.text = "".join(pieces)
    return outcome


def encode(text: str, had_bom: bool) -> bytes:
    return (BOM if had_bom else b"") + text.encode("utf-8")


@dataclass
class FixRun:
    """The result of the lint-fix passes over a whole run."""

    original: dict[str, bytes]
    fixed: dict[str, bytes]
    #: Findings whose fix was applied (from every pass).
    applied: list[Finding]
    result: Any  # the RunResult of the final lint
    not_utf8: list[str]

    @property
    def changed(self) -> list[str]:
        return sorted(p for p in self.fixed if self.fixed[p] != self.original[p])


def fix_passes(
    linter: Any,
    sources: list[Any],
    result: Any,
    *,
    unsafe: bool,
    visible: Callable[[Any], list[Finding]],
    jobs: int | None = None,
) -> FixRun:
    """Lint, fix, re-lint (in memory) until no allowed fix is left to apply."""
    from newslint.engine import read_source

    by_path = {s.path: s for s in sources}
    original: dict[str, bytes] = {}
    fixed: dict[str, bytes] = {}
    applied: list[Finding] = []
    not_utf8: list[str] = []
    for _ in range(MAX_PASSES):
        todo: dict[str, list[Finding]] = {}
        for finding in visible(result):
            if finding.path in by_path and allowed(finding, unsafe):
                todo.setdefault(finding.path, []).append(finding)
        changed = False
        for path, findings in sorted(todo.items()):
            if path in not_utf8:
                continue
            raw = fixed[path] if path in fixed else read_source(by_path[path])
            original.setdefault(path, raw)
            doc = Document.from_bytes(path, raw)
            if doc.decode_error_at is not None:
                not_utf8.append(path)
                continue
            outcome = apply_fixes(doc, findings)
            if not outcome.applied:
                continue
            done = {(f.start, f.end, f.replacement) for f in outcome.applied}
            applied.extend(
                f
                for f in findings
                if f.fix is not None
                and (f.fix.start, f.fix.end, f.fix.replacement) in done
            )
            fixed[path] = encode(outcome.text, raw.startswith(BOM))
            changed = True
        if not changed:
            break
        sources = [
            s.with_text(fixed[s.path]) if s.path in fixed else s for s in sources
        ]
        result = linter.run(sources, jobs)
    return FixRun(original, fixed, applied, result, not_utf8)


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    from newslint.document import decode

    old = decode(before)[0].splitlines(keepends=True)
    new = decode(after)[0].splitlines(keepends=True)
    lines = list(difflib.unified_diff(old, new, f"a/{path}", f"b/{path}"))
    out = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def check_writable(paths: Iterable[str]) -> None:
    """Fail (exit 2) before writing anything if a file cannot be replaced."""
    for path in paths:
        real = os.path.realpath(path)
        if not os.access(real, os.W_OK) or not os.stat(real).st_mode & 0o222:
            raise InputError(f"{path}: cannot fix: the file is read-only")
        if not os.access(os.path.dirname(real) or ".", os.W_OK | os.X_OK):
            raise InputError(f"{path}: cannot fix: its folder is not writable")


def atomic_write(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data``: temp file beside it, fsync, rename."""
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    mode = os.stat(real).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"{path}: cannot write: {exc.strerror}") from None
    try:  # make the rename itself durable where the platform allows it
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def workflow(
    ns: Any, config: Any, linter: Any, sources: list[Any], result: Any
) -> tuple[Any, int | None]:
    """``--fix``/``--diff``/baseline handling after the first lint.

    Returns the RunResult to report and, when the run ends here, its exit code.
    """
    from newslint import baseline as baseline_mod

    jobs = getattr(ns, "jobs", None)
    quiet = getattr(ns, "quiet", False)
    fix = getattr(ns, "fix", False)
    diff = getattr(ns, "diff", False)
    unsafe = getattr(ns, "unsafe_fixes", False)
    write_to = getattr(ns, "write_baseline", None)
    prune = getattr(ns, "prune_baseline", False)
    baseline_path = baseline_mod.configured_path(ns, config)
    known = None
    if baseline_path and not write_to:
        known = baseline_mod.load(baseline_path)
    if prune and known is None:
        raise UsageError(
            "--prune-baseline needs a baseline (--baseline FILE or 'baseline' in config)"
        )
    contents: dict[str, bytes] = {}

    def read_text(path: str) -> str:
        from newslint.document import decode
        from newslint.engine import read_source

        if path in contents:
            return decode(contents[path])[0]
        source = next((s for s in sources if s.path == path), None)
        try:
            raw = read_source(source) if source is not None else open(path, "rb").read()  # noqa: SIM115
        except (InputError, OSError):
            return ""
        return decode(raw)[0]

    def visible(res: Any) -> list[Finding]:
        if known is None:
            return list(res.findings)
        return known.filter(res.findings, res.stories, read_text).kept

    if fix and not diff and any(s.stdin is not None for s in sources):
        raise UsageError(
            "--fix cannot write to standard input; use --diff to see the fixes"
        )
    if fix or diff:
        run = fix_passes(
            linter, sources, result, unsafe=unsafe, visible=visible, jobs=jobs
        )
        for path in run.not_utf8:
            if not quiet:
                sys.stderr.write(f"newslint: {path}: not fixed: not valid UTF-8\n")
        if diff:
            text = "".join(
                unified_diff(p, run.original[p], run.fixed[p]) for p in run.changed
            )
            sys.stdout.write(text)
            sys.stdout.flush()
            if not quiet:
                n = len({(f.path, f.start, f.end, f.code) for f in run.applied})
                sys.stderr.write(
                    f"newslint: {n} fixable finding{'s' if n != 1 else ''}"
                    f" in {len(run.changed)} file{'s' if len(run.changed) != 1 else ''}"
                    " (nothing written)\n"
                )
            return result, 1 if run.changed else 0
        check_writable(run.changed)
        for path in run.changed:
            atomic_write(path, run.fixed[path])
        contents.update({p: run.fixed[p] for p in run.changed})
        result = run.result
        if not quiet:
            n = len({(f.path, f.start, f.end, f.code) for f in run.applied})
            sys.stderr.write(
                f"newslint: fixed {n} finding{'s' if n != 1 else ''}"
                f" in {len(run.changed)} file{'s' if len(run.changed) != 1 else ''}\n"
            )
    if write_to:
        written = baseline_mod.write(
            write_to, result.findings, result.stories, read_text
        )
        if not quiet:
            sys.stderr.write(
                f"newslint: wrote {written} baseline entr{'y' if written == 1 else 'ies'}"
                f" to {write_to}\n"
            )
        return result, 0
    if known is not None:
        targets = {s.path for s in sources if s.is_target}
        outcome = known.filter(
            result.findings, result.stories, read_text, targets=targets
        )
        result = result._replace(findings=outcome.kept)
        stale = outcome.stale
        if prune:
            pruned = known.pruned(outcome)
            pruned.save(baseline_path)
            if not quiet:
                sys.stderr.write(
                    f"newslint: pruned {stale} fixed baseline entr{'y' if stale == 1 else 'ies'}"
                    f" from {baseline_path}\n"
                )
        elif stale and not quiet:
            sys.stderr.write(
                f"newslint: {stale} baseline entr{'y is' if stale == 1 else 'ies are'}"
                " fixed now; run with --prune-baseline to drop"
                f" {'it' if stale == 1 else 'them'}\n"
            )
    return result, None
