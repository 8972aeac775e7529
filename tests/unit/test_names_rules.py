"""NN rules through the command line: house name list config, JSON shape, cache."""

from __future__ import annotations

import json

from conftest import assert_one_line_error

WIRE = "---\nstory: dam\n---\nEngineer Ilkka Rautavaara inspected the dam.\n"
DAILY = "---\nstory: dam\n---\nThe inspection was led by Ilkka Rautavaara.\n"
TYPO = "---\nstory: dam\n---\nEngineer Ilka Rautavara inspected the dam.\n"


def test_json_finding_points_at_the_name_with_related_sources(cli, tree):
    root = tree({"a.md": WIRE, "b.md": DAILY, "c.md": TYPO})
    result = cli(
        "--isolated", "--no-cache", "--format", "json", "--select", "NN", ".", cwd=root
    )
    assert result.code == 1, result
    [finding] = json.loads(result.out)
    assert finding["code"] == "NN101"
    assert finding["rule"] == "names.garbled"
    assert finding["severity"] == "warning"
    assert finding["path"].endswith("c.md")
    assert (finding["line"], finding["column"]) == (4, 10)
    assert (finding["end_line"], finding["end_column"]) == (4, 24)
    assert "2 other sources write 'Ilkka Rautavaara'" in finding["message"]
    related = {
        (r["path"].split("/")[-1], r["line"], r["column"], r["text"])
        for r in finding["related"]
    }
    assert related == {
        ("a.md", 4, 10, "Ilkka Rautavaara"),
        ("b.md", 4, 27, "Ilkka Rautavaara"),
    }


def test_corpus_reference_is_compared_but_not_reported(cli, tree):
    root = tree({"a.md": TYPO, "b.md": WIRE, "c.md": DAILY})
    result = cli(
        "--isolated",
        "--no-cache",
        "--select",
        "NN",
        "b.md",
        "--corpus",
        "a.md",
        "--corpus",
        "c.md",
        cwd=root,
    )
    assert result.code == 0, result


def test_known_file_relative_to_config(cli, tree):
    root = tree(
        {
            "newslint.toml": '[names]\nknown-file = "house/names.txt"\n',
            "house/names.txt": "# people we write about\nOskar Lindqvist\n",
            "a.md": "Coach Oskar Lindqvits named his squad.\n",
        }
    )
    result = cli("--no-cache", "--select", "NN", "a.md", cwd=root)
    assert result.code == 1, result
    assert "the house name list has 'Oskar Lindqvist'" in result.out


def test_unknown_names_key_is_a_config_error(cli, tree):
    root = tree({"newslint.toml": '[names]\nknwon = ["X"]\n', "a.md": "Text.\n"})
    assert_one_line_error(cli("a.md", cwd=root), "newslint.toml", "knwon", "known")


def test_bad_equivalent_value_is_a_config_error(cli, tree):
    root = tree(
        {"newslint.toml": '[names]\nequivalent = ["Kyiv", "Kiev"]\n', "a.md": "Text.\n"}
    )
    assert_one_line_error(cli("a.md", cwd=root), "equivalent", "list of lists")


def test_missing_known_file_is_a_config_error(cli, tree):
    root = tree(
        {"newslint.toml": '[names]\nknown-file = "nope.txt"\n', "a.md": "Text.\n"}
    )
    assert_one_line_error(cli("a.md", cwd=root), "known-file", "nope.txt")


def test_packed_zipf_agrees_with_wordfreq() -> None:
    # The fast path reads wordfreq's data file directly; it must give exactly
    # wordfreq's value (known words of every band, unknown and accented ones).
    from newslint.rules.names import fold, zipf
    from wordfreq import iter_wordlist, zipf_frequency

    words = [w for w in iter_wordlist("en") if w.isascii() and w.isalpha()]
    extra = ["erdogan", "tyyip", "erdan", "qwzxv", "Dvořáček", "O'Neill"]
    for word in [*words[::997], *extra]:
        assert zipf(word) == zipf_frequency(fold(word), "en"), word
