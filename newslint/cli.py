"""Command line: arguments -> Config -> run -> report -> exit code.

Exit codes: 0 no findings, 1 findings, 2 usage, config, plugin or input error
(one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import IO, Any, NoReturn

from newslint._version import __version__
from newslint.errors import NewslintError, UsageError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rule", "rules", "stories")


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing ``shutil``.

    argparse builds a formatter for every ``add_argument`` call and the stock
    one imports ``shutil`` for the terminal width (~4 ms on every commit).
    """

    def __init__(self, prog: str, **kwargs: Any) -> None:
        if kwargs.get("width") is None:
            try:
                columns = int(os.environ.get("COLUMNS", "0"))
            except ValueError:
                columns = 0
            if columns <= 0:
                try:
                    columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
                except (OSError, ValueError, AttributeError):
                    columns = 80
            kwargs["width"] = columns - 2
        super().__init__(prog, **kwargs)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad option as one line and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see 'newslint --help')")


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number, got {value!r}"
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newslint",
        description="Lint news articles for garbled names, contradicting numbers,"
        " altered quotes, scraping leftovers and typography damage.",
        epilog="Subcommands: 'newslint rules' lists rules, 'newslint rule CODE'"
        " documents one, 'newslint stories PATH...' shows story grouping."
        " Exit codes: 0 clean, 1 findings, 2 error.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (default: .); - for stdin",
    )
    sel = parser.add_argument_group("rule selection")
    sel.add_argument(
        "--select",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="only these codes or prefixes (comma-separated)",
    )
    sel.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="skip these codes or prefixes",
    )
    sel.add_argument(
        "--extend-select",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="add to the selection",
    )
    sel.add_argument(
        "--extend-ignore",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="add to the ignored codes",
    )
    inp = parser.add_argument_group("input")
    inp.add_argument(
        "--corpus",
        action="append",
        metavar="PATH|GLOB",
        help="reference articles: compared, not reported on (repeatable)",
    )
    inp.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report for - (standard input)",
    )
    inp.add_argument("--config", metavar="FILE", help="use this config file")
    inp.add_argument("--isolated", action="store_true", help="ignore all config files")
    out = parser.add_argument_group("output")
    out.add_argument(
        "--format",
        default="default",
        metavar="FORMAT",
        help="default, json, github, sarif (or a plugin's)",
    )
    out.add_argument(
        "--output-file", metavar="FILE", help="write the report here instead of stdout"
    )
    out.add_argument(
        "--show-source",
        action="store_true",
        help="show the line and a caret under each finding",
    )
    out.add_argument(
        "--statistics",
        action="store_true",
        help="print counts per code after the findings",
    )
    out.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    out.add_argument(
        "-q", "--quiet", action="store_true", help="no summary line or notes"
    )
    fixing = parser.add_argument_group("fixes and baseline")
    fixing.add_argument(
        "--fix", action="store_true", help="apply safe fixes, then report what is left"
    )
    fixing.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix or --diff, also apply fixes that may change meaning",
    )
    fixing.add_argument(
        "--diff",
        action="store_true",
        help="print a unified diff of the fixes and write nothing (exit 1 if any)",
    )
    fixing.add_argument(
        "--baseline",
        metavar="FILE",
        help="hide findings recorded in this baseline file",
    )
    fixing.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record the current findings in FILE and exit 0",
    )
    fixing.add_argument(
        "--prune-baseline",
        action="store_true",
        help="drop fixed entries from the baseline file",
    )
    run = parser.add_argument_group("run")
    run.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes (default: CPU count for many files)",
    )
    run.add_argument(
        "--no-cache", action="store_true", help="do not read or write the fact cache"
    )
    run.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where the fact cache lives (default .newslint_cache)",
    )
    run.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="run on a Dask cluster at this scheduler address, or 'local' (see docs/dask.md; pip install 'newslint[dask]')",
    )
    parser.add_argument(
        "--version",
        action="store_true",
        help="print the version and plugins, then exit",
    )
    return parser


def _utf8_streams() -> None:
    """Reports are UTF-8 (JSON and SARIF must be); never crash on a narrow locale."""
    # surrogateescape: a file name undecodable in the locale is written back as its bytes
    for stream, errors in (
        (sys.stdout, "surrogateescape"),
        (sys.stderr, "backslashreplace"),
    ):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if hasattr(stream, "reconfigure") and (
            encoding != "utf8" or stream.errors == "strict"
        ):
            stream.reconfigure(encoding="utf-8", errors=errors)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    try:
        if args and args[0] in SUBCOMMANDS:
            from newslint import commands

            return commands.run_subcommand(args[0], args[1:])
        return lint(args)
    except NewslintError as exc:
        sys.stderr.write(f"newslint: error: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


def load_run_config(ns: argparse.Namespace) -> Any:
    """Config from files, with command-line overrides applied."""
    from newslint.config import load_config, with_overrides

    config = load_config(ns.paths or ["."], config_file=ns.config, isolated=ns.isolated)
    return with_overrides(
        config,
        select=tuple(ns.select) if ns.select else None,
        ignore=tuple(ns.ignore) if ns.ignore else None,
        extend_select=tuple(config.extend_select) + tuple(ns.extend_select)
        if ns.extend_select
        else None,
        extend_ignore=tuple(config.extend_ignore) + tuple(ns.extend_ignore)
        if ns.extend_ignore
        else None,
        cache_dir=os.path.abspath(ns.cache_dir) if ns.cache_dir else None,
    )


def corpus_patterns(config: Any, ns: argparse.Namespace) -> tuple[str, ...]:
    """Config corpus entries resolve against the config folder; CLI ones against cwd."""
    from_config = tuple(
        p if os.path.isabs(p) else os.path.join(config.root, p) for p in config.corpus
    )
    return from_config + tuple(ns.corpus or ())


def lint(argv: list[str]) -> int:
    parser = build_parser()
    ns = parser.parse_args(argv)
    if ns.version:
        return print_version(ns)
    if ns.stdin_filename and "-" not in ns.paths:
        ns.paths.append("-")
    if ns.output_file:  # fail before a long run, not after it
        folder = os.path.dirname(os.path.abspath(ns.output_file))
        if os.path.isdir(ns.output_file):
            raise UsageError(f"{ns.output_file}: cannot write: it is a folder")
        if not os.path.isdir(folder):
            raise UsageError(f"{ns.output_file}: cannot write: no such folder")
    if ns.dask is not None:  # fail before discovery, not after it
        from newslint.archive import require_dask

        require_dask()
        if ns.fix or ns.diff:
            raise UsageError(
                "--fix and --diff do not run on Dask; run them without --dask"
            )
    config = load_run_config(ns)

    from newslint.discovery import discover
    from newslint.engine import Linter

    cli_selectors = [
        *(ns.select or ()),
        *(ns.ignore or ()),
        *(ns.extend_select or ()),
        *(ns.extend_ignore or ()),
    ]
    linter = Linter(config, cli_selectors=cli_selectors)
    reporters = _reporters(linter)
    if ns.format not in reporters:
        raise UsageError(
            f"unknown format {ns.format!r} (choose from {', '.join(sorted(reporters))})"
        )
    sources = discover(
        ns.paths,
        config,
        stdin_filename=ns.stdin_filename,
        corpus=corpus_patterns(config, ns),
    )
    linter.use_cache = not ns.no_cache
    if not any(s.is_target for s in sources):
        if not ns.quiet:
            sys.stderr.write(
                "newslint: no articles found (extensions: "
                + ", ".join(config.extensions)
                + ")\n"
            )
        return EXIT_CLEAN
    if ns.dask is not None:
        from newslint.archive import run_archive

        result = run_archive(linter, sources, ns.dask)
    else:
        result = linter.run(sources, ns.jobs)
    if _needs_fix_workflow(ns, config):
        from newslint.fixes import workflow

        result, done = workflow(ns, config, linter, sources, result)
        if done is not None:
            return done
    stdin_text = {s.path: s.stdin for s in sources if s.stdin is not None}
    _report(ns, linter, reporters[ns.format], result, stdin_text)
    if result.findings and not ns.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _needs_fix_workflow(ns: argparse.Namespace, config: Any) -> bool:
    """Whether fixing or a baseline is in play; the plain run skips importing them."""
    return bool(
        getattr(ns, "fix", False)
        or getattr(ns, "diff", False)
        or getattr(ns, "write_baseline", None)
        or getattr(ns, "prune_baseline", False)
        or getattr(ns, "baseline", None)
        or getattr(config, "baseline", None)
    )


def _reporters(linter: Any) -> dict[str, Any]:
    from newslint.plugins import reporters

    return reporters(linter.pm)


def _use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _report(
    ns: argparse.Namespace,
    linter: Any,
    reporter_cls: Any,
    result: Any,
    stdin_text: dict[str, bytes],
) -> None:
    from newslint.document import decode

    lines_cache: dict[str, list[str]] = {}

    def source_line(path: str, line: int) -> str:
        if path not in lines_cache:
            raw = stdin_text.get(path)
            if raw is None:
                try:
                    with open(path, "rb") as handle:
                        raw = handle.read()
                except OSError:
                    raw = b""
            lines_cache[path] = decode(raw)[0].split("\n")
        lines = lines_cache[path]
        return lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""

    stream: IO[str]
    if ns.output_file:
        try:
            stream = open(  # noqa: SIM115 - closed in the finally below
                ns.output_file,
                "w",
                encoding="utf-8",
                errors="surrogateescape",
                newline="\n",
            )
        except OSError as exc:
            raise UsageError(
                f"{ns.output_file}: cannot write: {exc.strerror}"
            ) from None
    else:
        stream = sys.stdout
    try:
        reporter = reporter_cls(
            stream,
            rules=linter.registry.rules,
            show_source=ns.show_source,
            color=_use_color(stream),
            source_line=source_line,
        )
        reporter.start()
        for finding in result.findings:
            reporter.finding(finding)
        reporter.finish(result.findings)
        if ns.format == "default":
            if ns.statistics:
                _statistics(stream, result.findings)
            if result.findings and not ns.quiet:
                files = len({f.path for f in result.findings})
                noun = "finding" if len(result.findings) == 1 else "findings"
                stream.write(
                    f"Found {len(result.findings)} {noun} in {files} of"
                    f" {result.targets} files.\n"
                )
        elif ns.statistics:
            _statistics(sys.stderr, result.findings)
    finally:
        if stream is not sys.stdout:
            stream.close()
        else:
            stream.flush()


def _statistics(stream: IO[str], findings: list[Any]) -> None:
    from collections import Counter

    counts = Counter(f.code for f in findings)
    messages: dict[str, str] = {}
    for f in findings:
        messages.setdefault(f.code, f.rule)
    for code, count in sorted(counts.items()):
        stream.write(f"{count:<5} {code} {messages[code]}\n")


def print_version(ns: argparse.Namespace) -> int:
    line = f"newslint {__version__}"
    from newslint.entry_points import installed_plugin_versions

    plugins = installed_plugin_versions()
    if plugins:
        line += " (plugins: " + ", ".join(f"{n} {v}" for n, v in plugins) + ")"
    sys.stdout.write(line + "\n")
    return EXIT_CLEAN


def entry() -> NoReturn:
    sys.exit(main())
