"""select / ignore / extend-* / per-file-ignores with ruff's prefix semantics."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import parse_config
from newslint.errors import ConfigError
from newslint.plugins import RuleRegistry
from newslint.rule import DocumentRule
from newslint.selection import Selection, resolve


def _rule(code: str, on: bool = True) -> type[DocumentRule]:
    return type(
        f"R{code}",
        (DocumentRule,),
        {
            "__doc__": "A rule.",
            "code": code,
            "name": f"r.{code.lower()}",
            "enabled_by_default": on,
        },
    )


@pytest.fixture(scope="module")
def registry() -> RuleRegistry:
    reg = RuleRegistry()
    for code, on in [
        ("NT101", True),
        ("NT102", True),
        ("NT201", True),
        ("NT202", False),  # off by default
        ("NB101", True),
        ("NB102", True),
        ("NE101", True),
        ("XA101", True),
    ]:
        reg.add(
            _rule(code, on),
            "newslint.rules.typography" if code.startswith("N") else "house",
        )
    return reg


def enabled(registry, **config) -> set[str]:
    data = {k.replace("_", "-"): v for k, v in config.items()}
    return set(resolve(registry, parse_config(data, Path("/x/newslint.toml"))).enabled)


ALL_ON = {"NT101", "NT102", "NT201", "NB101", "NB102", "NE101", "XA101"}


def test_default_is_every_rule_on_by_default(registry):
    assert enabled(registry) == ALL_ON


def test_select_prefixes(registry):
    assert enabled(registry, select=["NT"]) == {"NT101", "NT102", "NT201"}
    assert enabled(registry, select=["NT1"]) == {"NT101", "NT102"}
    assert enabled(registry, select=["NT101", "NB"]) == {"NT101", "NB101", "NB102"}
    assert enabled(registry, select=["N"]) == ALL_ON - {"XA101"}


def test_select_all(registry):
    assert enabled(registry, select=["ALL"]) == ALL_ON


def test_off_by_default_needs_its_exact_code(registry):
    assert "NT202" not in enabled(registry, select=["NT"])
    assert "NT202" not in enabled(registry, select=["NT2"])
    assert "NT202" in enabled(registry, select=["NT202"])
    assert "NT202" in enabled(registry, extend_select=["NT202"])
    assert "NT202" not in enabled(registry, extend_select=["NT2"])


def test_ignore_prefixes(registry):
    assert enabled(registry, ignore=["NT"]) == {"NB101", "NB102", "NE101", "XA101"}
    assert enabled(registry, ignore=["NT1", "NB102"]) == {
        "NT201",
        "NB101",
        "NE101",
        "XA101",
    }


def test_longest_prefix_wins(registry):
    # a specific select beats a broad ignore ...
    assert enabled(registry, select=["NT101"], ignore=["NT"]) == {"NT101"}
    assert enabled(registry, select=["NT1"], ignore=["NT"]) == {"NT101", "NT102"}
    # ... and a specific ignore beats a broad select
    assert enabled(registry, select=["NT"], ignore=["NT101"]) == {"NT102", "NT201"}
    # on a tie the ignore wins
    assert enabled(registry, select=["NT1"], ignore=["NT1"]) == set()


def test_extend_select_adds_to_select(registry):
    assert enabled(registry, select=["NT1"], extend_select=["NB101"]) == {
        "NT101",
        "NT102",
        "NB101",
    }
    assert enabled(registry, extend_select=["NT202"]) == ALL_ON | {"NT202"}


def test_extend_ignore_removes(registry):
    assert enabled(registry, extend_ignore=["NB"]) == ALL_ON - {"NB101", "NB102"}
    assert enabled(registry, ignore=["NT"], extend_ignore=["NB"]) == {"NE101", "XA101"}
    assert enabled(
        registry, select=["NT"], extend_select=["NB"], extend_ignore=["NB1"]
    ) == {"NT101", "NT102", "NT201"}


@pytest.mark.parametrize(
    "config",
    [
        {"select": ["ZZ"]},
        {"ignore": ["NT3"]},
        {"extend_select": ["NT1019"]},
        {"extend_ignore": ["Q"]},
        {"per_file_ignores": {"*.md": ["NQ"]}},
    ],
)
def test_unknown_selector_is_an_error(registry, config):
    with pytest.raises(ConfigError) as info:
        enabled(registry, **config)
    assert "/x/newslint.toml" in str(info.value)


@pytest.mark.parametrize(
    ("pattern", "path", "hit"),
    [
        ("*.txt", "content/a.txt", True),
        ("*.txt", "a.md", False),
        ("drafts/*", "drafts/a.md", True),
        ("drafts/*", "content/drafts/a.md", True),
        ("drafts/*", "content/a.md", False),
        ("content/**/old-*.md", "content/2019/old-a.md", True),
        ("./content/*.md", "content/a.md", True),
        ("a.md", "x/a.md", True),
        ("a.md", "x/ba.md", False),
    ],
)
def test_per_file_ignores_globs(pattern, path, hit):
    selection = Selection(("NT101",), ((pattern, ("NT",)),))
    assert selection.ignored_for(path, "NT101") is hit
    assert selection.ignored_for(path, "NB101") is False


def test_per_file_ignores_on_the_command_line(cli, tree):
    from conftest import DIRTY

    root = tree(
        {
            "newslint.toml": '[per-file-ignores]\n"drafts/*" = ["NT1"]\n',
            "drafts/a.md": DIRTY,
            "live/a.md": DIRTY,
        }
    )
    result = cli(".", "--select", "NT101", "--quiet", cwd=root)
    assert [line.split(":")[0] for line in result.lines] == ["live/a.md"]


def test_cli_select_overrides_config_select(cli, tree):
    from conftest import DIRTY

    root = tree({"newslint.toml": 'select = ["NB"]\n', "a.md": DIRTY})
    assert cli("a.md", cwd=root).code == 0
    assert cli("a.md", "--select", "NT1", cwd=root).code == 1
    assert cli("a.md", "--select", "NT1", "--ignore", "NT101", cwd=root).code == 0
    assert cli("a.md", "--extend-select", "NT101", cwd=root).code == 1


def test_cli_extend_ignore_adds_to_config(cli, tree):
    from conftest import DIRTY

    from newslint.cli import build_parser, load_run_config

    root = tree(
        {
            "newslint.toml": 'select = ["NT101", "NB"]\nextend-ignore = ["NB"]\n',
            "a.md": DIRTY,
        }
    )
    assert cli("a.md", cwd=root).code == 1
    assert cli("a.md", "--extend-ignore", "NT101", cwd=root).code == 0
    ns = build_parser().parse_args(
        [str(root / "a.md"), "--extend-ignore", "NT101", "--extend-select", "NE"]
    )
    config = load_run_config(ns)
    assert config.extend_ignore == ("NB", "NT101")
    assert config.extend_select == ("NE",)
    assert config.select == ("NT101", "NB")


def test_per_file_ignores_are_relative_to_the_config_folder(cli, tree):
    from conftest import DIRTY

    root = tree(
        {
            "newslint.toml": '[per-file-ignores]\n"content/drafts/*.md" = ["NT"]\n',
            "content/drafts/a.md": DIRTY,
            "content/live/a.md": DIRTY,
        }
    )
    for cwd, arg in (
        (root, "content"),
        (root / "content", "."),
        (root.parent, str(root / "content")),
    ):
        result = cli(arg, "--select", "NT101", "--quiet", cwd=cwd)
        assert len(result.lines) == 1, (cwd, result)
        assert "live" in result.lines[0]
