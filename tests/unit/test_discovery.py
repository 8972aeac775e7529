"""Discovery: extensions, hidden folders, .gitignore, exclude, explicit files, corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.config import Config, parse_config
from newslint.discovery import discover
from newslint.errors import InputError


@pytest.fixture
def repo(tree, monkeypatch):
    root = tree(
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            ".gitignore": "drafts/\n*.tmp.md\n/build\n",
            "a.md": "",
            "b.markdown": "",
            "c.txt": "",
            "notes.rst": "",
            "UPPER.MD": "",
            "x.tmp.md": "",
            "drafts/d.md": "",
            "build/e.md": "",
            "desk/build/f.md": "",
            "desk/.hidden/g.md": "",
            "desk/h.md": "",
            "desk/.gitignore": "private.md\n",
            "desk/private.md": "",
            "archive/old.md": "",
            "vendor/v.md": "",
        }
    )
    monkeypatch.chdir(root)
    return root


def paths(sources) -> list[str]:
    return [s.path.replace(os.sep, "/") for s in sources]


def test_walk_respects_extensions_gitignore_and_hidden(repo):
    found = paths(discover(["."], Config(root=str(repo))))
    assert found == sorted(found)
    assert set(found) == {
        "UPPER.MD",
        "a.md",
        "b.markdown",
        "c.txt",
        "archive/old.md",
        "desk/build/f.md",
        "desk/h.md",
        "vendor/v.md",
    }


def test_exclude_globs(repo):
    config = parse_config(
        {"exclude": ["vendor/", "archive/*.md"]}, repo / "newslint.toml"
    )
    found = set(paths(discover(["."], config)))
    assert "vendor/v.md" not in found and "archive/old.md" not in found
    assert "desk/h.md" in found


def test_exclude_relative_to_config_from_another_cwd(repo, monkeypatch):
    config = parse_config({"exclude": ["vendor/"]}, repo / "newslint.toml")
    monkeypatch.chdir(repo.parent)
    found = paths(discover([repo.name], config))
    assert f"{repo.name}/vendor/v.md" not in found
    assert f"{repo.name}/desk/h.md" in found


def test_explicit_files_are_always_read(repo):
    config = parse_config({"exclude": ["vendor/"]}, repo / "newslint.toml")
    found = paths(
        discover(["drafts/d.md", "vendor/v.md", "notes.rst", "x.tmp.md"], config)
    )
    assert found == ["drafts/d.md", "notes.rst", "vendor/v.md", "x.tmp.md"]


def test_extensions_config(repo):
    config = parse_config({"extensions": ["rst"]}, repo / "newslint.toml")
    assert paths(discover(["."], config)) == ["notes.rst"]


def test_duplicates_are_read_once(repo):
    found = paths(discover([".", "a.md", "./a.md", "desk"], Config(root=str(repo))))
    assert found.count("a.md") == 1
    assert found.count("desk/h.md") == 1


def test_missing_path_is_an_input_error(repo):
    with pytest.raises(InputError, match="nope"):
        discover(["nope"], Config())


def test_corpus_sources_are_not_targets(repo):
    sources = discover(
        ["a.md"], Config(root=str(repo)), corpus=("archive", "desk/*.md", "a.md")
    )
    assert [(s.path, s.is_target) for s in sources] == [
        ("a.md", True),
        (os.path.join("archive", "old.md"), False),
        (os.path.join("desk", "h.md"), False),
    ]


def test_corpus_glob_respects_gitignore(repo):
    sources = discover(["c.txt"], Config(root=str(repo)), corpus=("**/*.md",))
    corpus = {s.path.replace(os.sep, "/") for s in sources if not s.is_target}
    assert "drafts/d.md" not in corpus and "desk/private.md" not in corpus
    assert "desk/h.md" in corpus


def test_gitignore_outside_the_repo_is_ignored(tree, monkeypatch):
    root = tree({".gitignore": "*.md\n", "repo/.git/HEAD": "x", "repo/a.md": ""})
    monkeypatch.chdir(root / "repo")
    assert paths(discover(["."], Config(root=str(root / "repo")))) == ["a.md"]


def test_cli_gitignore_and_exclude(cli, tree):
    from conftest import DIRTY

    root = tree(
        {
            ".gitignore": "ignored/\n",
            "newslint.toml": 'exclude = ["skip/"]\n',
            "ignored/a.md": DIRTY,
            "skip/a.md": DIRTY,
            "kept/a.md": DIRTY,
        }
    )
    result = cli(".", "--select", "NT101", "--quiet", cwd=root)
    assert [line.split(":")[0] for line in result.lines] == [str(Path("kept/a.md"))]


def test_sources_sort_and_compare_without_their_stat(tmp_path):
    import os
    import pickle

    from newslint.discovery import Source

    stat = os.stat(tmp_path)
    a, b = Source("b.md", stat=stat), Source("a.md")
    assert sorted([a, b]) == [b, a]
    assert Source("b.md") == a and hash(Source("b.md")) == hash(a)
    assert Source("b.md", is_target=False) != a
    copy = pickle.loads(pickle.dumps(a))
    assert copy == a and copy.stat == stat
    assert a.with_text(b"x") == Source("b.md", True, b"x")
