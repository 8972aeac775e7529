"""The command-line contract (DESIGN section 2): exit codes, errors, outputs."""

from __future__ import annotations

import json
import os
import re

import pytest
from conftest import CLEAN, DIRTY, LOCAL_PLUGIN, assert_one_line_error

NT = ("--select", "NT101")


# -- exit codes ---------------------------------------------------------------
def test_exit_0_on_clean_file(cli, tree):
    root = tree({"a.md": CLEAN})
    result = cli("a.md", *NT, cwd=root)
    assert (result.code, result.out, result.err) == (0, "", "")


def test_exit_1_on_findings_with_flake8_lines(cli, tree):
    root = tree({"a.md": DIRTY})
    result = cli("a.md", *NT, cwd=root)
    assert result.code == 1
    assert result.lines[0] == "a.md:1:16: NT101 doubled punctuation '. .'"
    assert result.lines[1:] == ["Found 1 finding in 1 of 1 files."]


def test_exit_zero(cli, tree):
    root = tree({"a.md": DIRTY})
    result = cli("a.md", "--exit-zero", *NT, cwd=root)
    assert result.code == 0
    assert "NT101" in result.out


def test_quiet_drops_summary_but_keeps_findings(cli, tree):
    root = tree({"a.md": DIRTY})
    result = cli("a.md", "--quiet", *NT, cwd=root)
    assert result.code == 1
    assert result.lines == ["a.md:1:16: NT101 doubled punctuation '. .'"]


def test_default_path_is_current_folder(cli, tree):
    root = tree({"sub/a.md": DIRTY})
    result = cli(*NT, cwd=root)
    assert result.code == 1
    assert result.lines[0].startswith(os.path.join("sub", "a.md") + ":1:16:")


def test_version(cli, tree):
    from newslint import __version__

    result = cli("--version", cwd=tree({}))
    assert result.code == 0
    assert result.out.startswith(f"newslint {__version__}")


# -- every bad input: one line on stderr, exit 2 --------------------------------
def test_missing_file(cli, tree):
    assert_one_line_error(cli("nope.md", cwd=tree({})), "nope.md")


def test_unreadable_file_chmod(cli, tree):
    root = tree({"a.md": DIRTY})
    os.chmod(root / "a.md", 0)
    try:
        if os.access(root / "a.md", os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        assert_one_line_error(cli("a.md", cwd=root), "a.md")
    finally:
        os.chmod(root / "a.md", 0o644)


def test_unreadable_file_at_discovery(cli, tree, monkeypatch):
    root = tree({"a.md": DIRTY})
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode, **kw: (
            False if str(p).endswith("a.md") else real_access(p, mode, **kw)
        ),
    )
    assert_one_line_error(cli("a.md", cwd=root), "a.md")


def test_unreadable_file_at_read(cli, tree, monkeypatch):
    """The file vanishes or becomes unreadable between discovery and reading."""
    import builtins

    root = tree({"a.md": DIRTY, "b.md": CLEAN})
    real_open = builtins.open

    def fake_open(file, mode="r", *args, **kwargs):
        if str(file).endswith("a.md") and "b" in mode and "w" not in mode:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    assert_one_line_error(cli(".", *NT, cwd=root), "a.md", "Permission denied")


@pytest.mark.parametrize(
    ("config", "needles"),
    [
        ("select = [\n", ("newslint.toml", "invalid TOML")),
        ("colour = true\n", ("newslint.toml", "colour", "allowed")),
        ("select = 1\n", ("newslint.toml", "select", "list of strings")),
        ("cache-dir = 3\n", ("newslint.toml", "cache-dir", "string")),
        ("extensions = [1]\n", ("newslint.toml", "extensions")),
        ('select = ["ZZ"]\n', ("newslint.toml", "ZZ", "select")),
        ('ignore = ["NT9"]\n', ("newslint.toml", "NT9", "ignore")),
        ('extend-select = ["nt101"]\n', ("newslint.toml", "nt101")),
        ('[per-file-ignores]\n"*.md" = ["QQ1"]\n', ("newslint.toml", "QQ1")),
        ("[rules.ZZ101]\nx = 1\n", ("newslint.toml", "ZZ101")),
        (
            "[rules.NT101]\nno-such-option = 1\n",
            ("newslint.toml", "NT101", "no-such-option"),
        ),
        ("rules = 3\n", ("newslint.toml", "rules")),
        ('plugins = ["missing_plugin.py"]\n', ("missing_plugin.py",)),
        ('plugins = ["no_such_module_xyz"]\n', ("no_such_module_xyz",)),
    ],
)
def test_bad_config_is_one_line_error(cli, tree, config, needles):
    root = tree({"a.md": DIRTY, "newslint.toml": config})
    assert_one_line_error(cli("a.md", cwd=root), *needles)


def test_bad_option_value_type(cli, tree):
    root = tree(
        {
            "a.md": "A MARKER.\n",
            "newslint.toml": f'plugins = ["{LOCAL_PLUGIN.as_posix()}"]\n[rules.X201]\nword = 5\n',
        }
    )
    assert_one_line_error(cli("a.md", cwd=root), "X201", "word", "str")


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("--select", "ZZ"), ("ZZ",)),
        (("--ignore", "NT999"), ("NT999",)),
        (("--extend-select", "Q"), ("'Q'",)),
        (("--extend-ignore", "NB9"), ("NB9",)),
        (("--format", "xml"), ("xml", "json", "sarif")),
        (("--jobs", "0"), ("jobs",)),
        (("--jobs", "-3"), ("jobs",)),
        (("--jobs", "many"), ("jobs",)),
        (("--no-such-flag",), ("--no-such-flag",)),
        (("--config", "nowhere.toml"), ("nowhere.toml",)),
        (("--output-file", "no/such/folder/out.txt"), ("out.txt",)),
    ],
)
def test_bad_command_line_is_one_line_error(cli, tree, args, needles):
    root = tree({"a.md": DIRTY})
    assert_one_line_error(cli("a.md", *args, cwd=root), *needles)


def test_rule_subcommand_unknown_code(cli, tree):
    assert_one_line_error(cli("rule", "ZZ999", cwd=tree({})), "ZZ999")


def test_rule_and_rules_subcommands(cli, tree):
    root = tree({})
    result = cli("rule", "NT101", cwd=root)
    assert result.code == 0
    assert result.out.startswith("NT101 ")
    assert "Bad:" in result.out
    listing = cli("rules", cwd=root)
    assert listing.code == 0
    assert re.search(r"^NT101\s+on\s", listing.out, re.M)
    off = cli(
        "rules", "--config", "cfg.toml", cwd=tree({"cfg.toml": 'ignore = ["NT101"]\n'})
    )
    assert re.search(r"^NT101\s+off\s", off.out, re.M)


def test_errors_never_print_a_traceback_in_a_subprocess(sh, tree):
    root = tree({"newslint.toml": "select = [\n", "a.md": DIRTY})
    result = sh(["a.md"], cwd=root)
    assert_one_line_error(result, "invalid TOML")


# -- input edge cases -------------------------------------------------------------
def test_empty_file_has_no_findings(cli, tree):
    root = tree({"empty.md": "", "empty.txt": ""})
    result = cli("empty.md", "empty.txt", cwd=root)
    assert (result.code, result.out) == (0, "")


def test_folder_without_articles(cli, tree):
    root = tree({"docs/notes.rst": "The talks ended. . Officials left.\n"})
    result = cli("docs", cwd=root)
    assert result.code == 0
    assert result.out == ""
    assert "no articles" in result.err
    assert "Traceback" not in result.err


def test_folder_named_like_an_article_is_walked_not_read(cli, tree):
    root = tree({})
    (root / "x.md").mkdir()
    result = cli("x.md", cwd=root)
    assert result.code == 0
    assert "no articles" in result.err


def test_stdin_with_filename(cli, tree):
    result = cli(
        "-", "--stdin-filename", "story/a.md", *NT, cwd=tree({}), stdin=DIRTY.encode()
    )
    assert result.code == 1
    assert result.lines[0] == "story/a.md:1:16: NT101 doubled punctuation '. .'"


def test_stdin_filename_alone_reads_stdin(cli, tree):
    result = cli("--stdin-filename", "b.txt", *NT, cwd=tree({}), stdin=DIRTY.encode())
    assert result.lines[0].startswith("b.txt:1:16: NT101")


def test_stdin_markdown_name_masks_code(cli, tree):
    text = b"Text `a. . b` here.\n"
    as_md = cli("-", "--stdin-filename", "a.md", *NT, cwd=tree({}), stdin=text)
    as_txt = cli("-", "--stdin-filename", "a.txt", *NT, cwd=tree({}), stdin=text)
    assert as_md.code == 0
    assert as_txt.code == 1


def test_stdin_show_source_uses_the_piped_text(cli, tree):
    result = cli(
        "-",
        "--stdin-filename",
        "a.md",
        "--show-source",
        *NT,
        cwd=tree({}),
        stdin=DIRTY.encode(),
    )
    assert result.lines[1] == "    " + DIRTY.rstrip("\n")


def test_non_utf8_bytes_do_not_crash(cli, tree):
    root = tree({"bad.txt": b"Caf\xe9 news\xff\xfe. . More.\n"})
    result = cli("bad.txt", *NT, "--format", "json", cwd=root)
    assert result.code == 1
    data = json.loads(result.out)
    # two replacement characters keep the column count in characters
    assert [(f["line"], f["column"]) for f in data] == [(1, 12)]


def test_binary_garbage_does_not_crash(cli, tree):
    root = tree({"bin.txt": bytes(range(256)) * 4})
    result = cli("bin.txt", cwd=root)
    assert result.code in (0, 1)
    assert "Traceback" not in result.err


# -- reporters ------------------------------------------------------------------
JSON_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "message",
    "severity",
    "rule",
    "related",
}


def test_json_report(cli, tree):
    root = tree({"a.md": "Intro.\n" + DIRTY, "b.md": CLEAN})
    result = cli(".", "--format", "json", *NT, cwd=root)
    assert result.code == 1
    data = json.loads(result.out)
    assert isinstance(data, list) and len(data) == 1
    item = data[0]
    assert set(item) >= JSON_KEYS
    assert item["path"] == "a.md"
    assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (
        2,
        16,
        2,
        19,
    )
    assert item["code"] == "NT101"
    assert item["severity"] in ("error", "warning", "info")
    assert item["rule"] == "typography.doubled-punctuation"
    assert item["related"] == []


def test_json_report_empty_is_an_empty_array(cli, tree):
    result = cli("a.md", "--format", "json", *NT, cwd=tree({"a.md": CLEAN}))
    assert result.code == 0
    assert json.loads(result.out) == []


def _corpus_tree(tree):
    config = f'plugins = ["{LOCAL_PLUGIN.as_posix()}"]\nselect = ["X301"]\n'
    return tree(
        {
            "newslint.toml": config,
            "a.md": "---\nstory: quake\n---\nDead: count: 3 people.\n",
            "b.md": "---\nstory: quake\n---\nLater, count: 5 people.\n",
            "c.md": "---\nstory: other\n---\nElsewhere count: 9.\n",
        }
    )


def test_json_related_from_a_corpus_rule(cli, tree):
    root = _corpus_tree(tree)
    result = cli(
        "a.md",
        "--corpus",
        "b.md",
        "--corpus",
        "c.md",
        "--format",
        "json",
        "--no-cache",
        cwd=root,
    )
    data = json.loads(result.out)
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in data] == [
        ("a.md", 4, 14, "X301")
    ]
    assert data[0]["related"] == [
        {"path": "b.md", "line": 4, "column": 15, "text": "5"}
    ]
    assert result.code == 1


def test_corpus_pass_reports_only_targets(cli, tree):
    root = _corpus_tree(tree)
    result = cli(".", "--no-cache", cwd=root)
    assert sorted(line.split(":")[0] for line in result.lines[:-1]) == ["a.md", "b.md"]


def test_sarif_report(cli, tree):
    root = _corpus_tree(tree)
    result = cli(
        "a.md", "--corpus", "b.md", "--format", "sarif", "--no-cache", cwd=root
    )
    log = json.loads(result.out)
    assert log["version"] == "2.1.0"
    assert "sarif" in log["$schema"]
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint"
    ids = [r["id"] for r in driver["rules"]]
    assert "X301" in ids and "NT101" in ids
    for rule in driver["rules"]:
        assert rule["help"]["text"].strip()
        assert rule["shortDescription"]["text"].strip()
    (res,) = run["results"]
    assert res["ruleId"] == "X301"
    assert driver["rules"][res["ruleIndex"]]["id"] == "X301"
    assert res["level"] in ("error", "warning", "note")
    assert res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "a.md"
    assert loc["region"]["startLine"] == 4
    assert loc["region"]["startColumn"] == 14
    related = res["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "b.md"
    assert related["region"]["startLine"] == 4


def test_github_annotations(cli, tree):
    root = tree({"a.md": "Intro.\n" + DIRTY})
    result = cli("a.md", "--format", "github", *NT, cwd=root)
    assert result.code == 1
    assert result.lines == [
        "::warning file=a.md,line=2,col=16,endLine=2,endColumn=19,title=newslint NT101"
        "::NT101 doubled punctuation '. .'"
    ]


def test_github_escapes_properties_and_data():
    import io

    from newslint.finding import Finding
    from newslint.reporters.github import GithubReporter

    stream = io.StringIO()
    reporter = GithubReporter(stream)
    reporter.finding(Finding("a,b:c.md", 1, 2, 1, 3, "X101", "100% bad\nnext"))
    assert stream.getvalue() == (
        "::warning file=a%2Cb%3Ac.md,line=1,col=2,endLine=1,endColumn=3,"
        "title=newslint X101::X101 100%25 bad%0Anext\n"
    )


def test_show_source_caret_under_the_column(cli, tree):
    text = "Intro.\n\tTabbed: ok. . then ünïcode. . end\n"
    root = tree({"a.md": text})
    result = cli("a.md", "--show-source", *NT, cwd=root)
    lines = result.lines
    assert lines[0].startswith("a.md:2:12: NT101")
    source, caret = lines[1], lines[2]
    assert source == "    \tTabbed: ok. . then ünïcode. . end"
    assert caret.index("^") == source.index(". .")
    assert caret[4] == "\t"  # tabs kept so the caret lines up in a terminal
    assert caret.count("^") == 3
    assert lines[5].index("^") == lines[4].index(". .", 20)


def test_statistics(cli, tree):
    root = tree(
        {
            "a.md": DIRTY + "Again. . here. A MARKER.\n",
            "newslint.toml": f'plugins = ["{LOCAL_PLUGIN.as_posix()}"]\n',
        }
    )
    result = cli("a.md", "--statistics", "--select", "NT101,X201", cwd=root)
    assert result.code == 1
    assert "2     NT101 typography.doubled-punctuation" in result.lines
    assert "1     X201 local.marker" in result.lines
    assert result.lines[-1] == "Found 3 findings in 1 of 1 files."


def test_statistics_keep_json_parseable(cli, tree):
    root = tree({"a.md": DIRTY})
    result = cli("a.md", "--statistics", "--format", "json", *NT, cwd=root)
    assert len(json.loads(result.out)) == 1
    assert "NT101" in result.err


def test_output_file(cli, tree):
    root = tree({"a.md": DIRTY})
    result = cli(
        "a.md", "--output-file", "report.json", "--format", "json", *NT, cwd=root
    )
    assert result.code == 1
    assert result.out == ""
    assert (
        json.loads((root / "report.json").read_text(encoding="utf-8"))[0]["code"]
        == "NT101"
    )


def test_color_only_on_a_tty(cli, tree, monkeypatch):
    root = tree({"a.md": DIRTY})
    monkeypatch.delenv("NO_COLOR", raising=False)
    plain = cli("a.md", *NT, cwd=root)
    assert "\x1b[" not in plain.out
    colored = cli("a.md", *NT, cwd=root, tty=True)
    assert "\x1b[" in colored.out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in cli("a.md", *NT, cwd=root, tty=True).out


def test_color_never_in_output_file(cli, tree, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    root = tree({"a.md": DIRTY})
    cli("a.md", "--output-file", "r.txt", *NT, cwd=root, tty=True)
    assert "\x1b[" not in (root / "r.txt").read_text(encoding="utf-8")


def test_color_never_in_machine_formats(cli, tree, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    root = tree({"a.md": DIRTY})
    for fmt in ("json", "github", "sarif"):
        assert "\x1b[" not in cli("a.md", "--format", fmt, *NT, cwd=root, tty=True).out


# -- sorting ---------------------------------------------------------------------
def test_output_sorted_by_path_line_column(cli, tree):
    root = tree({"b.md": DIRTY * 2, "a.md": "x. . y. . z\n", "sub/c.md": DIRTY})
    result = cli(".", "--quiet", *NT, cwd=root)
    keys = []
    for line in result.lines:
        path, ln, col, _ = line.split(":", 3)
        keys.append((path, int(ln), int(col)))
    assert keys == sorted(keys)
    assert len(keys) == 5


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    ],
)
def test_non_ascii_output_on_a_narrow_locale(sh, tree, env):
    root = tree({"café.md": "Ça s'est terminé. . Fin.\n"})
    for fmt in ("default", "json"):
        result = sh(
            ["café.md", "--select", "NT101", "--format", fmt], cwd=root, env=env
        )
        assert result.code == 1, result.err
        assert "Traceback" not in result.err
        assert "café.md" in result.out
        if fmt == "json":
            assert json.loads(result.out)[0]["path"] == "café.md"


def test_output_file_checked_before_linting(cli, tree):
    root = tree({"a.md": DIRTY, "folder/x": ""})
    assert_one_line_error(cli("a.md", "--output-file", "folder", cwd=root), "folder")


def test_non_utf8_bytes_get_an_encoding_finding_at_the_first_bad_byte(cli, tree):
    root = tree({"bad.txt": "Line one.\nCafé ".encode() + b"na\xefve \xff end.\n"})
    result = cli("bad.txt", "--select", "NE", "--format", "json", cwd=root)
    data = json.loads(result.out)
    assert result.code == 1
    assert any(
        f["code"].startswith("NE") and (f["line"], f["column"]) == (2, 8) for f in data
    ), data


def test_config_that_is_not_utf8(cli, tree):
    root = tree({"a.md": DIRTY, "newslint.toml": b'select = ["NT\xff"]\n'})
    assert_one_line_error(cli("a.md", cwd=root), "newslint.toml", "UTF-8")


def test_config_option_that_is_a_folder(cli, tree):
    root = tree({"a.md": DIRTY, "cfg/x": ""})
    assert_one_line_error(cli("a.md", "--config", "cfg", cwd=root), "cfg")


def test_options_of_a_disabled_rule_are_still_validated(cli, tree):
    root = tree({"a.md": DIRTY, "newslint.toml": "[rules.NT101]\nbogus = 1\n"})
    assert_one_line_error(cli("a.md", "--ignore", "NT101", cwd=root), "NT101", "bogus")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("rule",), "CODE"),
        (("rules", "--format", "xml"), "xml"),
        (("stories", "--jobs", "0"), "jobs"),
        (("stories", "missing-folder"), "missing-folder"),
        (("stories", "--format", "yaml"), "yaml"),
    ],
)
def test_subcommand_errors(cli, tree, args, needle):
    assert_one_line_error(cli(*args, cwd=tree({"a.md": CLEAN})), needle)


def test_stories_json(cli, tree):
    root = tree(
        {
            "a.md": "---\nstory: flood\n---\nText.\n",
            "b.txt": "Other text entirely.\n",
            "c.md": "---\nstory: flood\n---\nMore.\n",
        }
    )
    result = cli("stories", "--format", "json", ".", cwd=root)
    assert result.code == 0
    data = json.loads(result.out)
    paths = sorted(p for story in data for p in story["paths"])
    assert paths == ["a.md", "b.txt", "c.md"]  # every article in exactly one story
    flood = next(s for s in data if "a.md" in s["paths"])
    assert sorted(flood["paths"]) == ["a.md", "c.md"]
    assert all({"story", "paths", "why"} <= set(s) for s in data)
