"""Declarative house rules: ``[[house-rules]]`` tables in config, no Python.

Each table becomes one rule class with its own code (any family prefix except
one starting with ``N``, which is reserved for built-in rules). Three kinds,
exactly one per table, in the spirit of Vale's substitution and existence
rules::

    [[house-rules]]
    code = "H201"
    message = "Use '{replacement}', not '{match}'"
    substitute = { "Kiev" = "Kyiv", "Organisation" = "Organization" }

    [[house-rules]]
    code = "H202"
    message = "Avoid '{match}' in news copy"
    phrases = ["slammed", "sparked outrage"]
    ignore-case = true

    [[house-rules]]
    code = "H203"
    message = "Write dates AP-style, not '{match}'"
    regex = '\\b(?:January|March) \\d{1,2}(?:st|nd|rd|th)\\b'

Other keys: ``name``, ``severity`` (error, warning, info), ``files`` (globs
such as ``["*.md", "politics/*"]``), ``enabled`` (default true),
``description``. Words and phrases match on word boundaries, and the spaces
inside a phrase match any run of white space (a phrase may wrap). Matching
runs on the prose (front matter, code and comments masked). Substitutions
offer a safe fix. A problem in a table is a ConfigError naming the rule's
code: one line, exit code 2.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping
from typing import Any

from newslint import (
    ConfigError,
    Document,
    DocumentRule,
    Finding,
    Fix,
    Severity,
    hookimpl,
)

CODE_PATTERN = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")

KINDS = ("substitute", "phrases", "regex")
ALLOWED = frozenset(
    {
        *KINDS,
        "code",
        "message",
        "name",
        "severity",
        "files",
        "ignore-case",
        "enabled",
        "description",
    }
)
_DEFAULT_MESSAGES = {
    "substitute": "house style: write '{replacement}', not '{match}'",
    "phrases": "house style: avoid '{match}'",
    "regex": "house style: '{match}'",
}
_WORD = r"[\p{L}\p{M}\p{N}_]"


def _phrase_pattern(phrase: str) -> str:
    """Word-boundary pattern for a literal phrase; inner spaces match any run."""
    import regex  # only when a house rule is configured (start-up)

    parts = [regex.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    before = rf"(?<!{_WORD})" if regex.match(_WORD, phrase[0]) else ""
    after = rf"(?!{_WORD})" if regex.match(_WORD, phrase[-1]) else ""
    return before + body + after


def _match_case(found: str, replacement: str) -> str:
    """Carry the case of ``found`` over to ``replacement`` (KIEV -> KYIV)."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class HouseRule(DocumentRule):
    """Base for rules built from ``[[house-rules]]`` config tables."""

    abstract = True
    code = "H000"
    name = "house.base"
    #: Set per generated class.
    kind = ""
    message_template = ""
    pattern: Any = None
    replacements: Mapping[str, str] = {}
    ignore_case = False
    files: tuple[str, ...] = ()

    def applies_to(self, path: str) -> bool:
        if not self.files:
            return True
        normalized = path.replace("\\", "/")
        name = normalized.rsplit("/", 1)[-1]
        return any(
            fnmatch.fnmatch(normalized, g)
            or fnmatch.fnmatch(name, g)
            or fnmatch.fnmatch(normalized, "*/" + g.lstrip("./"))
            for g in self.files
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        if not self.applies_to(doc.path):
            return
        prose = doc.prose
        for match in self.pattern.finditer(prose):
            start, end = match.span()
            if start == end:
                continue
            found = doc.text[start:end]
            fix = None
            replacement = ""
            if self.kind == "substitute":
                key = " ".join(found.split())
                if self.ignore_case:
                    key = key.casefold()
                replacement = self.replacements.get(key, "")
                replacement = _match_case(found, replacement)
                if replacement == found:
                    continue
                fix = Fix(start, end, replacement)
            shown = " ".join(found.split())
            message = self.message_template.replace("{match}", shown).replace(
                "{replacement}", replacement
            )
            yield self.finding(doc, start, end, message, fix=fix)


def _fail(where: str, code: str, problem: str) -> ConfigError:
    return ConfigError(f"{where}: house rule {code}: {problem}")


def build_rule(table: Mapping[str, Any], where: str) -> type[HouseRule]:
    """Validate one ``[[house-rules]]`` table and return its rule class."""
    import regex  # only when a house rule is configured (start-up)

    code = table.get("code")
    if not isinstance(code, str) or not code:
        raise ConfigError(f"{where}: a [[house-rules]] table has no 'code'")
    if not CODE_PATTERN.match(code):
        raise _fail(
            where, code, "a code is a prefix of 1-3 capitals and 3 digits (like H201)"
        )
    if code.startswith("N"):
        raise _fail(
            where, code, "codes starting with N are reserved for built-in rules"
        )
    unknown = sorted(set(table) - ALLOWED)
    if unknown:
        raise _fail(
            where,
            code,
            f"unknown key '{unknown[0]}' (allowed: {', '.join(sorted(ALLOWED))})",
        )
    kinds = [k for k in KINDS if k in table]
    if len(kinds) != 1:
        raise _fail(
            where, code, "needs exactly one of 'substitute', 'phrases' or 'regex'"
        )
    kind = kinds[0]
    ignore_case = table.get("ignore-case", False)
    if not isinstance(ignore_case, bool):
        raise _fail(where, code, "'ignore-case' must be true or false")
    message = table.get("message", _DEFAULT_MESSAGES[kind])
    if not isinstance(message, str) or not message.strip():
        raise _fail(where, code, "'message' must be a non-empty string")
    severity_name = table.get("severity", "warning")
    try:
        severity = Severity(severity_name)
    except ValueError:
        raise _fail(where, code, "'severity' must be error, warning or info") from None
    files = table.get("files", [])
    if isinstance(files, str):
        files = [files]
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise _fail(where, code, "'files' must be a list of globs")
    for key in ("name", "description"):
        if key in table and not isinstance(table[key], str):
            raise _fail(where, code, f"'{key}' must be a string")
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    value = table[kind]
    replacements: dict[str, str] = {}
    if kind == "substitute":
        if (
            not isinstance(value, dict)
            or not value
            or not all(
                isinstance(k, str) and k.strip() and isinstance(v, str)
                for k, v in value.items()
            )
        ):
            raise _fail(
                where,
                code,
                '\'substitute\' must be a table of "wrong" = "right" strings',
            )
        for wrong, right in value.items():
            key = " ".join(wrong.split())
            replacements[key.casefold() if ignore_case else key] = right
        # Longest first so "New Delhi" wins over "Delhi".
        phrases = sorted(value, key=lambda p: (-len(p), p))
        source = "|".join(_phrase_pattern(p) for p in phrases)
    elif kind == "phrases":
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(p, str) and p.strip() for p in value)
        ):
            raise _fail(where, code, "'phrases' must be a non-empty list of strings")
        phrases = sorted(value, key=lambda p: (-len(p), p))
        source = "|".join(_phrase_pattern(p) for p in phrases)
    else:
        if not isinstance(value, str) or not value:
            raise _fail(where, code, "'regex' must be a non-empty string")
        source = value
    try:
        pattern = regex.compile(source, flags)
    except regex.error as exc:
        raise _fail(where, code, f"bad regex: {exc}") from None
    if pattern.search("") is not None:
        raise _fail(where, code, "the pattern matches the empty string")
    name = table.get("name") or f"house.{code.lower()}"
    description = table.get("description") or message.replace("{match}", "…").replace(
        "{replacement}", "…"
    )
    doc = (
        f"{description}\n\n"
        f"A declarative house rule ({kind}) from {where}.\n\n"
        f"Fix: {'apply the substitution (safe fix)' if kind == 'substitute' else 'rewrite the passage'}."
        f" Suppress with ``newslint: noqa {code}``.\n"
    )
    attrs = {
        "__doc__": doc,
        "__module__": __name__,
        "code": code,
        "name": name,
        "severity": severity,
        "enabled_by_default": table.get("enabled", True) is not False,
        "kind": kind,
        "message_template": message,
        "pattern": pattern,
        "replacements": replacements,
        "ignore_case": ignore_case,
        "files": tuple(files),
    }
    return type(f"HouseRule_{code}", (HouseRule,), attrs)


@hookimpl
def register_rules(config: Any) -> list[type[DocumentRule]]:
    where = config.where()
    rules: list[type[DocumentRule]] = []
    seen: set[str] = set()
    for pairs in config.house_rules:
        cls = build_rule(dict(pairs), where)
        if cls.code in seen:
            raise _fail(
                where, cls.code, "the code is used by two [[house-rules]] tables"
            )
        seen.add(cls.code)
        rules.append(cls)
    return rules
