"""Checks over all built-in rules, fixtures, hooks and modules (the rules' contract).

* every built-in code has tests/fixtures/rules/<CODE>.yaml with at least one
  case that yields findings and at least one clean case;
* every fixture names a known code;
* each rule docstring's ``Bad:`` example yields its code and ``Good:`` does not;
* every hook specification is documented in docs/plugins.md and has a
  ``test_hook_<name>`` test;
* every newslint module imports under ``-W error``;
* rule modules import only the public API (``newslint`` and ``newslint.text``).
"""

from __future__ import annotations

import ast
import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newslint import hookspecs
from newslint.config import Config
from newslint.plugins import build_plugin_manager, build_registry
from newslint.rule import CorpusRule

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "rules"
RULES_DIR = ROOT / "rules"

_REGISTRY = build_registry(build_plugin_manager(Config()), Config())
BUILTIN = sorted(
    code
    for code, plugin in _REGISTRY.plugin_of.items()
    if plugin == "newslint.builtin" or plugin.startswith("newslint.rules")
)


def _fixture(code: str) -> dict:
    with (FIXTURES / f"{code}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def test_there_are_builtin_rules():
    assert "NT101" in BUILTIN


@pytest.mark.parametrize("code", BUILTIN)
def test_every_builtin_code_has_failing_and_clean_cases(code):
    path = FIXTURES / f"{code}.yaml"
    assert path.is_file(), f"{code} has no fixture file {path.relative_to(ROOT)}"
    data = _fixture(code)
    assert data.get("rule") == code, f"{path.name} says rule: {data.get('rule')!r}"
    cases = [c for c in (data.get("cases") or {}).values() if not c.get("skip")]
    failing = [c for c in cases if c.get("expect")]
    clean = [c for c in cases if not c.get("expect")]
    assert failing, f"{path.name}: no case that yields findings"
    assert clean, f"{path.name}: no clean case (expect: [])"


def _registry_for(case_config: dict):
    """The registry a case sees: declarative house rules exist only with config."""
    from newslint.config import parse_config

    if not case_config:
        return _REGISTRY
    config = parse_config(dict(case_config), ROOT / "newslint.toml")
    return build_registry(build_plugin_manager(config), config)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_fixture_names_a_known_code(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    code = data.get("rule")
    assert code == path.stem, f"{path.name} declares rule {code!r}"
    cases = data.get("cases") or {}
    assert cases, f"{path.name} has no cases"
    for name, case in cases.items():
        registry = _registry_for(case.get("config") or {})
        assert code in registry.rules, (
            f"{path.name}:{name}: {code} is not a registered rule"
        )
        for want in case.get("expect") or []:
            other = want.get("code", code)
            assert other in registry.rules, (
                f"{path.name}:{name} expects unknown code {other}"
            )


def _run_example(code: str, text: str, filename: str) -> list[str]:
    """Run the example through the whole engine (masking, suppression) with only ``code``."""
    from newslint.testing import Case, run_case

    # with the default rules on too: some rules judge others (unused suppressions)
    select = sorted(
        {c for c in BUILTIN if _REGISTRY.get(c).enabled_by_default} | {code}
    )
    findings = run_case(
        Case(code, "docstring", {"text": text, "filename": filename, "select": select})
    )
    return [f.code for f in findings]


@pytest.mark.parametrize("code", BUILTIN)
def test_docstring_examples(code):
    cls = _REGISTRY.get(code)
    examples = cls.examples()
    assert "bad" in examples and "good" in examples, (
        f"{code} docstring lacks Bad:/Good: blocks"
    )
    if issubclass(cls, CorpusRule):
        pytest.skip(
            f"{code} is a cross-source rule: one example text has no other source"
        )
    bad = [
        c
        for name in ("example.md", "example.txt")
        for c in _run_example(code, examples["bad"], name)
    ]
    assert code in bad, (
        f"{code}: its Bad: example yields no finding:\n{examples['bad']}"
    )
    for name in ("example.md", "example.txt"):
        good = _run_example(code, examples["good"], name)
        assert code not in good, (
            f"{code}: its Good: example yields a finding ({name}):\n{examples['good']}"
        )


HOOKS = sorted(
    name
    for name, value in vars(hookspecs).items()
    if callable(value) and hasattr(value, "newslint_spec")
)


def test_hookspecs_found():
    assert {"register_rules", "register_reporters", "story_key"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented(hook):
    docs = ROOT / "docs" / "plugins.md"
    if not docs.is_file():
        pytest.skip("docs/plugins.md is not written yet")
    assert re.search(rf"\b{hook}\b", docs.read_text(encoding="utf-8")), (
        f"docs/plugins.md never names {hook}"
    )


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook):
    pattern = re.compile(rf"^\s*def test_hook_{hook}(?:\b|_)", re.M)
    files = [
        p for p in (ROOT / "tests").rglob("test_*.py") if "fixtures" not in p.parts
    ]
    assert any(pattern.search(p.read_text(encoding="utf-8")) for p in files), (
        f"no test_hook_{hook}"
    )


def _modules() -> list[str]:
    import newslint.rules

    import newslint

    names = ["newslint"]
    for package in (newslint, newslint.rules):
        names.extend(
            info.name
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
            if info.name != "newslint.__main__"
        )
    return sorted(set(names))


def test_every_module_imports_under_w_error():
    modules = _modules()
    script = (
        "import importlib, sys\n"
        "bad = []\n"
        f"for name in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as exc:\n"
        "        bad.append(f'{name}: {type(exc).__name__}: {exc}')\n"
        "print('\\n'.join(bad))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", proc.stdout
    assert "newslint.rules.typography" in modules


def _rule_module_files() -> list[Path]:
    return sorted(p for p in RULES_DIR.glob("*.py"))


ALLOWED_NEWSLINT = re.compile(r"^newslint(\.text(\..+)?|\.rules(\..+)?)?$")


@pytest.mark.parametrize("path", _rule_module_files(), ids=lambda p: p.name)
def test_rules_import_only_the_public_api(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: a sibling rule module
                continue
            names = [node.module or ""]
        else:
            continue
        bad.extend(
            f"line {node.lineno}: {name}"
            for name in names
            if name.startswith("newslint.") and not ALLOWED_NEWSLINT.match(name)
        )
    assert not bad, f"{path.name} imports private newslint modules: {bad}"


def test_public_api_is_complete():
    import newslint

    for name in newslint.__all__:
        assert hasattr(newslint, name)
    assert inspect.isclass(newslint.DocumentRule)
