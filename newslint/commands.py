"""Subcommands: ``rules`` (list), ``rule CODE`` (document one), ``stories``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from newslint.errors import UsageError


def _parser(name: str, description: str) -> argparse.ArgumentParser:
    from newslint.cli import _Parser

    parser = _Parser(prog=f"newslint {name}", description=description)
    parser.add_argument("--config", metavar="FILE", help="use this config file")
    parser.add_argument(
        "--isolated", action="store_true", help="ignore all config files"
    )
    return parser


def _linter(ns: argparse.Namespace, paths: list[str]) -> Any:
    from newslint.config import load_config
    from newslint.engine import Linter

    config = load_config(paths or ["."], config_file=ns.config, isolated=ns.isolated)
    return Linter(config)


def run_subcommand(name: str, argv: list[str]) -> int:
    if name == "rules":
        return rules_command(argv)
    if name == "rule":
        return rule_command(argv)
    return stories_command(argv)


def rules_command(argv: list[str]) -> int:
    parser = _parser(
        "rules", "List every rule, built-in and plugin, and whether it is enabled."
    )
    parser.add_argument("--format", choices=("default", "json"), default="default")
    ns = parser.parse_args(argv)
    linter = _linter(ns, [])
    enabled = set(linter.selection.enabled)
    rows = []
    for code in linter.registry.codes():
        cls = linter.registry.get(code)
        rows.append(
            {
                "code": code,
                "name": cls.name,
                "family": cls.family(),
                "enabled": code in enabled,
                "severity": cls.severity.value,
                "plugin": linter.registry.plugin_of[code],
                "summary": cls.summary(),
            }
        )
    if ns.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    width = max((len(r["name"]) for r in rows), default=4)
    for r in rows:
        state = "on " if r["enabled"] else "off"
        sys.stdout.write(
            f"{r['code']:<6} {state} {r['name']:<{width}}  {r['summary']}\n"
        )
    return 0


def rule_command(argv: list[str]) -> int:
    parser = _parser("rule", "Print a rule's documentation.")
    parser.add_argument("code", metavar="CODE")
    ns = parser.parse_args(argv)
    linter = _linter(ns, [])
    code = ns.code.upper()
    if code not in linter.registry.rules:
        raise UsageError(f"unknown rule code {ns.code!r} (see 'newslint rules')")
    cls = linter.registry.get(code)
    state = "enabled" if code in linter.selection.enabled else "disabled"
    lines = [
        f"{code} {cls.name}",
        f"family {cls.family()} · severity {cls.severity.value} · {state} · plugin"
        f" {linter.registry.plugin_of[code]}",
        "",
        cls.documentation(),
    ]
    fields = cls.option_fields()
    if fields:
        lines += ["", f"Options ([rules.{code}] in newslint.toml):"]
        for f in fields:
            lines.append(f"  {f.name.replace('_', '-')} = {_default_repr(f)}")
    lines += [
        "",
        f"Suppress: add 'newslint: noqa {code}' to the line, or"
        f" '<!-- newslint: disable-next-line {code} -->' above it;"
        f' ignore = ["{code}"] in config turns it off.',
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _default_repr(field: Any) -> str:
    import dataclasses

    if field.default is not dataclasses.MISSING:
        value = field.default
    elif field.default_factory is not dataclasses.MISSING:
        value = field.default_factory()
    else:
        return "(required)"
    if isinstance(value, (tuple, frozenset, set)):
        value = sorted(value) if isinstance(value, (frozenset, set)) else list(value)
    return json.dumps(value, ensure_ascii=False)


def stories_command(argv: list[str]) -> int:
    from newslint.cli import corpus_patterns
    from newslint.corpus import describe
    from newslint.discovery import discover

    parser = _parser("stories", "Show how articles are grouped into stories.")
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--format", choices=("default", "json"), default="default")
    parser.add_argument("--corpus", action="append", metavar="PATH|GLOB")
    from newslint.cli import _positive_int

    parser.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N")
    ns = parser.parse_args(argv)
    linter = _linter(ns, ns.paths)
    sources = discover(
        ns.paths, linter.config, corpus=corpus_patterns(linter.config, ns)
    )
    stories = linter.stories(sources, ns.jobs)
    data = describe(stories)
    if ns.format == "json":
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for story in data:
        sys.stdout.write(
            f"{story['story']}  ({len(story['paths'])} articles; {story['why']})\n"
        )
        for path in story["paths"]:
            sys.stdout.write(f"    {path}\n")
    return 0
