"""Plugin loading: local path, dotted module, entry points (faked), and errors."""

from __future__ import annotations

import importlib.metadata
import textwrap

import pytest
from conftest import LOCAL_PLUGIN, assert_one_line_error

from newslint.config import Config
from newslint.errors import PluginError
from newslint.plugins import RuleRegistry, build_plugin_manager, build_registry
from newslint.rule import DocumentRule

RULE_TEMPLATE = '''
from newslint import DocumentRule, hookimpl


class R(DocumentRule):
    """Flags the word {word}.

    Why.

    Bad:
        {word}

    Good:
        fine
    """

    code = "{code}"
    name = "{name}"

    def check(self, doc):
        i = doc.prose.find("{word}")
        if i >= 0:
            yield self.finding(doc, i, i + len("{word}"), "found {word}")


@hookimpl
def register_rules():
    return [R]
'''


def plugin_source(code: str, word: str = "HOUSE", name: str = "house.word") -> str:
    return RULE_TEMPLATE.format(code=code, word=word, name=name)


def test_local_plugin_by_path(cli, tree):
    root = tree(
        {
            "newslint.toml": 'plugins = ["house_rules.py"]\n',
            "house_rules.py": plugin_source("H101"),
            "a.md": "The HOUSE style.\n",
        }
    )
    result = cli("a.md", "--select", "H101", cwd=root)
    assert result.code == 1
    assert result.lines[0] == "a.md:1:5: H101 found HOUSE"
    assert "H101" in cli("rules", cwd=root).out


def test_local_plugin_by_dotted_module(cli, tree):
    root = tree(
        {
            "newslint.toml": 'plugins = ["house_pkg.rules_mod"]\n',
            "house_pkg/__init__.py": "",
            "house_pkg/rules_mod.py": plugin_source("H201", "STYLE"),
            "a.md": "A STYLE here.\n",
        }
    )
    result = cli("a.md", "--select", "H201", cwd=root)
    assert result.code == 1
    assert result.lines[0] == "a.md:1:3: H201 found STYLE"


def test_local_plugin_options_from_config(cli, tree):
    root = tree(
        {
            "newslint.toml": f'plugins = ["{LOCAL_PLUGIN.as_posix()}"]\nselect = ["X201"]\n[rules.X201]\nword = "ZEBRA"\n',
            "a.md": "A MARKER and a ZEBRA.\n",
        }
    )
    result = cli("a.md", "--quiet", cwd=root)
    assert result.lines == ["a.md:1:16: X201 found ZEBRA"]


@pytest.mark.parametrize(
    ("files", "needles"),
    [
        (
            {"house_rules.py": "import no_such_dependency_xyz\n"},
            ("house_rules.py", "no_such_dependency_xyz"),
        ),
        ({"house_rules.py": "def broken(:\n"}, ("house_rules.py", "SyntaxError")),
        ({"house_rules.py": plugin_source("h101")}, ("house_rules.py",)),
        ({"house_rules.py": plugin_source("H1")}, ("house_rules.py",)),
        ({"house_rules.py": plugin_source("N101")}, ("house_rules.py", "N")),
        ({"house_rules.py": plugin_source("NT101")}, ("house_rules.py", "NT101")),
        (
            {"house_rules.py": plugin_source("NQ999")},
            ("house_rules.py", "NQ999", "reserved"),
        ),
        (
            {
                "house_rules.py": "from newslint import hookimpl\n@hookimpl\ndef register_rules():\n    return [object]\n"
            },
            ("house_rules.py",),
        ),
        (
            {
                "house_rules.py": "from newslint import hookimpl\n@hookimpl\ndef register_rules():\n    raise ValueError('nope')\n"
            },
            ("house_rules.py", "nope"),
        ),
        (
            {
                "house_rules.py": "from newslint import hookimpl\n@hookimpl\ndef register_rulez():\n    return []\n"
            },
            ("house_rules.py", "register_rulez"),
        ),
    ],
)
def test_broken_local_plugins_name_the_plugin(cli, tree, files, needles):
    root = tree(
        {"newslint.toml": 'plugins = ["house_rules.py"]\n', "a.md": "x\n", **files}
    )
    result = cli("a.md", cwd=root)
    assert_one_line_error(result, *needles)
    assert "<module" not in result.err


def test_duplicate_code_names_both_plugins(cli, tree):
    root = tree(
        {
            "newslint.toml": 'plugins = ["first.py", "second.py"]\n',
            "first.py": plugin_source("H101", "ONE", "first.one"),
            "second.py": plugin_source("H101", "TWO", "second.two"),
            "a.md": "x\n",
        }
    )
    result = cli("a.md", cwd=root)
    assert_one_line_error(result, "H101", "first.py", "second.py")


def test_crashing_rule_names_rule_and_file(cli, tree):
    root = tree(
        {
            "newslint.toml": f'plugins = ["{LOCAL_PLUGIN.as_posix()}"]\n',
            "calm.md": "calm\n",
            "boom.md": "It went CRASH.\n",
        }
    )
    assert cli("calm.md", "--select", "X299", cwd=root).code == 0
    result = cli(".", "--select", "X299", cwd=root)
    assert_one_line_error(result, "X299", "boom.md", "boom")


def test_crashing_rule_in_worker_processes(cli, tree):
    files = {f"ok{i:02}.md": "calm\n" for i in range(6)}
    root = tree(
        {
            "newslint.toml": f'plugins = ["{LOCAL_PLUGIN.as_posix()}"]\n',
            "z.md": "CRASH\n",
            **files,
        }
    )
    result = cli(".", "--select", "X299", "--jobs", "2", cwd=root)
    assert_one_line_error(result, "X299", "z.md")


# -- entry points, faked through importlib.metadata ----------------------------
class _FakeEntryPoint:
    def __init__(self, name: str, value: str, loader) -> None:
        self.name, self.value, self._loader = name, value, loader
        self.group = "newslint"

    def load(self):
        return self._loader()


@pytest.fixture
def fake_entry_points(monkeypatch):
    installed: list[_FakeEntryPoint] = []
    real = importlib.metadata.entry_points

    def entry_points(**kwargs):
        if kwargs.get("group") == "newslint":
            return list(installed)
        return real(**kwargs)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    monkeypatch.setattr("newslint.plugins.may_have_entry_points", lambda: True)
    monkeypatch.setattr("newslint.entry_points.may_have_entry_points", lambda: True)
    return installed


def test_entry_point_scan_finds_the_newslint_group(tmp_path, monkeypatch):
    from newslint.entry_points import may_have_entry_points

    site = tmp_path / "site"
    dist = site / "acme_house-1.0.dist-info"
    dist.mkdir(parents=True)
    monkeypatch.setattr("sys.path", [str(site)])
    (dist / "entry_points.txt").write_text("[console_scripts]\nacme = acme:main\n")
    assert not may_have_entry_points()
    (dist / "entry_points.txt").write_text("[newslint]\nacme = acme_house\n")
    assert may_have_entry_points()


def _module_from_source(name: str, source: str):
    import types

    module = types.ModuleType(name)
    exec(compile(textwrap.dedent(source), name, "exec"), module.__dict__)
    return module


def test_entry_point_plugin_is_loaded(cli, tree, fake_entry_points):
    module = _module_from_source("ep_house", plugin_source("E501", "WIRE"))
    fake_entry_points.append(_FakeEntryPoint("ep_house", "ep_house", lambda: module))
    result = cli("a.md", "--select", "E501", cwd=tree({"a.md": "From the WIRE.\n"}))
    assert result.code == 1
    assert result.lines[0] == "a.md:1:10: E501 found WIRE"


def test_entry_point_that_fails_to_import(cli, tree, fake_entry_points):
    def boom():
        raise ImportError("No module named 'ep_missing'")

    fake_entry_points.append(_FakeEntryPoint("ep_broken", "ep_missing:plugin", boom))
    assert_one_line_error(
        cli("a.md", cwd=tree({"a.md": "x\n"})), "ep_broken", "ep_missing"
    )


def test_entry_point_with_builtin_prefix(cli, tree, fake_entry_points):
    module = _module_from_source("ep_bad", plugin_source("NB999"))
    fake_entry_points.append(_FakeEntryPoint("ep_bad", "ep_bad", lambda: module))
    assert_one_line_error(cli("a.md", cwd=tree({"a.md": "x\n"})), "ep_bad", "NB999")


def test_entry_point_and_local_plugin_collide(cli, tree, fake_entry_points):
    module = _module_from_source("ep_one", plugin_source("H101"))
    fake_entry_points.append(_FakeEntryPoint("ep_one", "ep_one", lambda: module))
    root = tree(
        {
            "newslint.toml": 'plugins = ["local.py"]\n',
            "local.py": plugin_source("H101"),
            "a.md": "x\n",
        }
    )
    assert_one_line_error(cli("a.md", cwd=root), "H101", "ep_one", "local.py")


# -- registry -------------------------------------------------------------------
def _rule(code: str) -> type[DocumentRule]:
    return type(
        f"R{code}",
        (DocumentRule,),
        {"__doc__": "Doc.", "code": code, "name": f"r.{code}"},
    )


def test_registry_rules():
    reg = RuleRegistry()
    rule = _rule("H101")
    reg.add(rule, "house")
    reg.add(rule, "house")  # the same class twice is harmless
    with pytest.raises(PluginError, match=r"house.*other|other.*house"):
        reg.add(_rule("H101"), "other")
    with pytest.raises(PluginError, match="reserved"):
        reg.add(_rule("NT999"), "house")
    reg.add(_rule("NT999"), "newslint.rules.typography")
    assert reg.codes() == ["H101", "NT999"]
    assert reg.is_known_selector("H") and reg.is_known_selector("ALL")
    assert not reg.is_known_selector("H2")


def test_rule_class_validation_at_definition():
    with pytest.raises(TypeError):
        type("Bad", (DocumentRule,), {"__doc__": "Doc.", "code": "H1", "name": "x"})
    with pytest.raises(TypeError):
        type("NoDoc", (DocumentRule,), {"code": "H101", "name": "x"})
    with pytest.raises(TypeError):
        type("NoName", (DocumentRule,), {"__doc__": "Doc.", "code": "H101"})


def test_plugin_manager_is_not_built_at_import():
    import subprocess
    import sys

    code = "import newslint, newslint.plugins, newslint.engine, sys; print('pluggy' in sys.modules, 'newslint.rules.typography' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split()[1] == "False"


def test_builtins_register_through_hooks():
    pm = build_plugin_manager(Config())
    registry = build_registry(pm, Config())
    assert "NT101" in registry.codes()
    assert registry.plugin_of["NT101"] == "newslint.rules.typography"


def test_hook_register_rules_receives_config(tree, cli):
    source = '''
from newslint import DocumentRule, hookimpl

class R(DocumentRule):
    """Doc."""
    code = "H301"
    name = "house.cfg"
    def check(self, doc):
        return iter(())

@hookimpl
def register_rules(config):
    assert config.path and config.path.endswith("newslint.toml")
    return [R]
'''
    root = tree(
        {"newslint.toml": 'plugins = ["p.py"]\n', "p.py": source, "a.md": "x\n"}
    )
    assert "H301" in cli("rules", cwd=root).out


def test_hook_register_reporters(tree, cli):
    source = """
from newslint import hookimpl
from newslint.reporters.base import Reporter

class Count(Reporter):
    def finding(self, finding):
        pass
    def finish(self, findings):
        self.stream.write(f"{len(findings)} findings\\n")

@hookimpl
def register_reporters():
    return {"count": Count}
"""
    root = tree(
        {
            "newslint.toml": 'plugins = ["p.py"]\n',
            "p.py": source,
            "a.md": "One. . two. . three\n",
        }
    )
    result = cli("a.md", "--format", "count", "--select", "NT101", cwd=root)
    assert result.out == "2 findings\n"
    assert result.code == 1


def test_hook_story_key(tree, cli):
    """A plugin's story_key beats front matter and groups articles for corpus rules."""
    import json

    source = f"""
import importlib.util, sys
from newslint import hookimpl
spec = importlib.util.spec_from_file_location("lr_for_story", {str(LOCAL_PLUGIN)!r})
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
CountMismatch = mod.CountMismatch

@hookimpl
def register_rules():
    return [CountMismatch]

@hookimpl
def story_key(document):
    return "all" if "count" in document.text else None
"""
    root = tree(
        {
            "newslint.toml": 'plugins = ["p.py"]\nselect = ["X301"]\n',
            "p.py": source,
            "a.md": "---\nstory: one\n---\ncount: 1\n",
            "b.md": "---\nstory: two\n---\ncount: 2\n",
        }
    )
    result = cli(".", "--format", "json", "--no-cache", cwd=root)
    assert sorted(f["path"] for f in json.loads(result.out)) == ["a.md", "b.md"]
    stories = cli("stories", "--format", "json", ".", cwd=root)
    data = json.loads(stories.out)
    assert [sorted(s["paths"]) for s in data] == [["a.md", "b.md"]]


def test_crashing_corpus_rule_names_rule_and_story(cli, tree):
    root = tree(
        {
            "newslint.toml": f'plugins = ["{LOCAL_PLUGIN.as_posix()}"]\n',
            "a.md": "---\nstory: flood\n---\nSTORYCRASH\n",
            "b.md": "---\nstory: flood\n---\ncalm\n",
        }
    )
    result = cli(".", "--select", "X398", "--no-cache", cwd=root)
    assert_one_line_error(result, "X398", "flood", "story boom")


def test_entry_point_named_like_a_builtin_gets_no_reserved_prefix(
    cli, tree, fake_entry_points
):
    module = _module_from_source("ep_sneaky", plugin_source("NT998"))
    fake_entry_points.append(
        _FakeEntryPoint("newslint.rules.sneaky", "ep_sneaky", lambda: module)
    )
    assert_one_line_error(
        cli("a.md", cwd=tree({"a.md": "x\n"})), "newslint.rules.sneaky", "NT998"
    )
