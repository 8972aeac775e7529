"""Config discovery and validation (DESIGN section 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DIRTY, assert_one_line_error

from newslint.config import Config, load_config, parse_config
from newslint.errors import ConfigError

NT = ("--select", "NT101")


def test_defaults_and_isolated(tree):
    root = tree({"newslint.toml": 'ignore = ["NB"]\n'})
    assert load_config([str(root)], isolated=True) == Config()
    assert Config().extensions == (".md", ".markdown", ".txt")
    assert Config().select == ()


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("newslint.toml", 'ignore = ["NT101"]\n'),
        (".newslint.toml", 'ignore = ["NT101"]\n'),
        (
            "pyproject.toml",
            '[project]\nname = "x"\n[tool.newslint]\nignore = ["NT101"]\n',
        ),
    ],
)
def test_discovered_from_first_path_folder_upwards(cli, tree, name, body):
    root = tree({name: body, "content/2026/a.md": DIRTY})
    config = load_config([str(root / "content" / "2026" / "a.md")])
    assert config.ignore == ("NT101",)
    assert Path(config.path) == root / name
    # through the CLI, from another working folder
    result = cli(str(root / "content"), cwd=root.parent)
    assert result.code == 0, result


def test_order_of_names_in_one_folder(tree):
    root = tree(
        {
            "newslint.toml": 'ignore = ["NT"]\n',
            ".newslint.toml": 'ignore = ["NB"]\n',
            "pyproject.toml": '[tool.newslint]\nignore = ["NE"]\n',
        }
    )
    assert load_config([str(root)]).ignore == ("NT",)
    (root / "newslint.toml").unlink()
    assert load_config([str(root)]).ignore == ("NB",)
    (root / ".newslint.toml").unlink()
    assert load_config([str(root)]).ignore == ("NE",)


def test_pyproject_without_table_is_skipped(tree):
    root = tree(
        {
            "newslint.toml": 'ignore = ["NB"]\n',
            "sub/pyproject.toml": '[project]\nname = "x"\n[tool.black]\nline-length = 80\n',
            "sub/a.md": "x\n",
        }
    )
    config = load_config([str(root / "sub" / "a.md")])
    assert Path(config.path) == root / "newslint.toml"


def test_nearest_file_wins(tree):
    root = tree(
        {
            "newslint.toml": 'ignore = ["NB"]\n',
            "sub/newslint.toml": 'ignore = ["NT"]\n',
            "sub/a.md": "",
        }
    )
    assert load_config([str(root / "sub" / "a.md")]).ignore == ("NT",)
    assert load_config([str(root / "sub")]).ignore == ("NT",)


def test_first_path_decides(tree):
    root = tree(
        {
            "one/newslint.toml": 'ignore = ["NB"]\n',
            "two/newslint.toml": 'ignore = ["NT"]\n',
        }
    )
    assert load_config([str(root / "two"), str(root / "one")]).ignore == ("NT",)


def test_stdin_uses_current_folder(cli, tree):
    root = tree({"newslint.toml": 'ignore = ["NT101"]\n'})
    result = cli("-", "--stdin-filename", "a.md", cwd=root, stdin=DIRTY.encode())
    assert result.code == 0, result


def test_explicit_config_and_isolated(cli, tree):
    root = tree(
        {
            "newslint.toml": 'ignore = ["NT101"]\n',
            "other.toml": 'select = ["NT101"]\n',
            "bad.toml": "nonsense = 1\n",
            "a.md": DIRTY,
        }
    )
    assert cli("a.md", cwd=root).code == 0
    assert cli("a.md", "--config", "other.toml", cwd=root).code == 1
    assert cli("a.md", "--isolated", *NT, cwd=root).code == 1
    # --isolated ignores even a broken --config file
    assert cli("a.md", "--isolated", "--config", "bad.toml", *NT, cwd=root).code == 1
    assert_one_line_error(
        cli("a.md", "--config", "bad.toml", cwd=root), "bad.toml", "nonsense"
    )


def test_explicit_pyproject_config(tree):
    root = tree({"pyproject.toml": '[tool.newslint]\nignore = ["NB"]\n'})
    assert load_config([], config_file=str(root / "pyproject.toml")).ignore == ("NB",)


def test_relative_plugin_path_resolves_against_config_folder(cli, tree):
    plugin = (
        Path(__file__).parents[1] / "fixtures" / "plugins" / "local_rules.py"
    ).read_text()
    root = tree(
        {
            "repo/newslint.toml": 'plugins = ["house/rules.py"]\nselect = ["X201"]\n',
            "repo/house/rules.py": plugin,
            "repo/content/a.md": "A MARKER.\n",
        }
    )
    result = cli(str(root / "repo" / "content"), cwd=root)
    assert result.code == 1
    assert "X201" in result.out


def test_kebab_case_keys_and_all_known_keys():
    data = {
        "select": ["NT"],
        "ignore": ["NB"],
        "extend-select": ["NE"],
        "extend-ignore": ["NN"],
        "per-file-ignores": {"drafts/*.md": ["NT"]},
        "exclude": ["drafts/"],
        "extensions": ["md", ".txt"],
        "corpus": ["archive/"],
        "plugins": ["house.py"],
        "cache-dir": ".cache",
        "rules": {"NT101": {"max-words": 3}},
    }
    config = parse_config(data, Path("/x/newslint.toml"))
    assert config.extend_select == ("NE",)
    assert config.per_file_ignores == (("drafts/*.md", ("NT",)),)
    assert config.extensions == (".md", ".txt")
    assert config.cache_dir == ".cache"
    assert config.rule_options("NT101") == {"max-words": 3}
    assert config.root == "/x"


@pytest.mark.parametrize(
    "data",
    [
        {"select_": ["NT"]},
        {"extend_select": ["NT"]},  # snake case is not the documented spelling
        {"select": "NT, NB"},
        {"select": ["NT", 3]},
        {"per-file-ignores": ["x"]},
        {"per-file-ignores": {"*.md": 3}},
        {"rules": {"NT101": 3}},
        {"rules": {"nt101": {}}},
        {"cache-dir": ["x"]},
        {"exclude": {"a": 1}},
    ],
)
def test_validation_errors_name_file_and_key(data):
    with pytest.raises(ConfigError) as info:
        parse_config(data, Path("/x/newslint.toml"))
    message = str(info.value)
    assert "/x/newslint.toml" in message
    assert "\n" not in message


def test_rule_options_family_then_code():
    config = parse_config(
        {"rules": {"NT": {"a": 1, "b": 1}, "NT101": {"b": 2}}}, Path("/x/newslint.toml")
    )
    assert config.rule_options("NT101") == {"a": 1, "b": 2}
    assert config.rule_options("NT102") == {"a": 1, "b": 1}
    assert config.rule_options("NB101") == {}


def test_config_is_picklable():
    import pickle

    config = parse_config({"rules": {"NT101": {"x": [1, 2]}}}, Path("/x/newslint.toml"))
    assert pickle.loads(pickle.dumps(config)) == config


@pytest.mark.parametrize(
    "text",
    [
        "",
        ".",
        "./",
        "a",
        "a/",
        "./a",
        "a//b",
        "a/./b",
        "a/../b",
        "/",
        "//",
        "///",
        "/a",
        "//a/b",
        "///a//b/",
        "../x.toml",
        "x/newslint.toml",
        "/newslint.toml",
    ],
)
def test_config_paths_read_as_pathlib_would(text):
    from newslint.config import _parent_text, _path_text

    assert _path_text(text) == str(Path(text))
    assert _parent_text(_path_text(text)) == str(Path(text).parent)


def test_relative_config_file_has_its_folder_as_root(tmp_path, monkeypatch):
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "newslint.toml").write_text("select = ['NT']\n")
    monkeypatch.chdir(tmp_path)
    config = load_config(["."], config_file="./conf//newslint.toml")
    assert (config.path, config.root) == ("conf/newslint.toml", "conf")
