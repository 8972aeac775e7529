"""Inline suppression (DESIGN section 4), in .txt and .md alike."""

from __future__ import annotations

import pytest

from newslint.suppression import parse

BAD = "Bad. . one"  # NT101 at column 4 of its line


def lint(cli, tree, name: str, text: str) -> list[int]:
    """Lines with an NT101 finding."""
    root = tree({name: text})
    result = cli(name, "--select", "NT101", "--quiet", cwd=root)
    assert result.code in (0, 1), result
    return [int(line.split(":")[1]) for line in result.lines]


EXTS = ["a.md", "a.txt"]


@pytest.mark.parametrize("name", EXTS)
def test_no_directive_baseline(cli, tree, name):
    assert lint(cli, tree, name, f"{BAD}\n{BAD}\n") == [1, 2]


@pytest.mark.parametrize("name", EXTS)
def test_disable_enable_block_without_codes(cli, tree, name):
    text = f"{BAD}\n<!-- newslint: disable -->\n{BAD}\n{BAD}\n<!-- newslint: enable -->\n{BAD}\n"
    assert lint(cli, tree, name, text) == [1, 6]


@pytest.mark.parametrize("name", EXTS)
def test_disable_block_with_codes(cli, tree, name):
    text = (
        "<!-- newslint: disable NB101,NT -->\n"
        f"{BAD}\n"
        "<!-- newslint: enable -->\n"
        "<!-- newslint: disable NB101 -->\n"
        f"{BAD}\n"
        "<!-- newslint: enable NB101 -->\n"
        f"{BAD}\n"
    )
    assert lint(cli, tree, name, text) == [5, 7]


@pytest.mark.parametrize("name", EXTS)
def test_disable_without_enable_runs_to_end(cli, tree, name):
    text = f"{BAD}\n<!-- newslint: disable NT101 -->\n{BAD}\n\n{BAD}\n"
    assert lint(cli, tree, name, text) == [1]


@pytest.mark.parametrize("name", EXTS)
def test_enable_with_codes_reopens_only_those(cli, tree, name):
    text = (
        "<!-- newslint: disable NT101, NB -->\n"
        f"{BAD}\n"
        "<!-- newslint: enable NB -->\n"
        f"{BAD}\n"
        "<!-- newslint: enable NT101 -->\n"
        f"{BAD}\n"
    )
    assert lint(cli, tree, name, text) == [6]


@pytest.mark.parametrize("name", EXTS)
def test_enable_narrower_code_inside_family_block(cli, tree, name):
    text = (
        "<!-- newslint: disable NT -->\n"
        f"{BAD}\n"
        "<!-- newslint: enable NT101 -->\n"
        f"{BAD}\n"
        "<!-- newslint: disable NT101 -->\n"
        f"{BAD}\n"
    )
    assert lint(cli, tree, name, text) == [4]


def test_carve_out_keeps_the_rest_of_the_family_disabled():
    text = (
        "<!-- newslint: disable NT -->\n"  # 1
        "x\n"  # 2
        "<!-- newslint: enable NT101 -->\n"  # 3
        "x\n"  # 4
        "<!-- newslint: enable -->\n"  # 5
        "x\n"  # 6
    )
    sup = parse(text)
    assert sup.suppresses(2, "NT101") and sup.suppresses(2, "NT103")
    assert not sup.suppresses(4, "NT101")
    assert sup.suppresses(4, "NT103")
    assert not sup.suppresses(6, "NT101") and not sup.suppresses(6, "NT103")


def test_carve_out_runs_to_the_end_and_ends_at_a_wider_disable():
    text = (
        "<!-- newslint: disable NT -->\n"  # 1
        "<!-- newslint: enable NT101 -->\n"  # 2
        "x\n"  # 3
        "<!-- newslint: disable NT -->\n"  # 4
        "x\n"  # 5
    )
    sup = parse(text)
    assert not sup.suppresses(3, "NT101")
    assert sup.suppresses(5, "NT101")
    alone = parse("<!-- newslint: disable NT -->\n<!-- newslint: enable NT101 -->\nx\n")
    assert not alone.suppresses(3, "NT101") and alone.suppresses(3, "NT102")


def test_noqa_still_wins_inside_a_carve_out():
    text = (
        "<!-- newslint: disable NT -->\n"
        "<!-- newslint: enable NT101 -->\n"
        "x newslint: noqa NT101\n"
    )
    assert parse(text).suppresses(3, "NT101")


@pytest.mark.parametrize("name", EXTS)
def test_disable_next_line(cli, tree, name):
    text = f"<!-- newslint: disable-next-line NT101 -->\n{BAD}\n{BAD}\n<!-- newslint: disable-next-line -->\n{BAD}\n"
    assert lint(cli, tree, name, text) == [3]


@pytest.mark.parametrize("name", EXTS)
def test_disable_next_line_other_code_does_not_apply(cli, tree, name):
    text = f"<!-- newslint: disable-next-line NB101 -->\n{BAD}\n"
    assert lint(cli, tree, name, text) == [2]


@pytest.mark.parametrize("name", EXTS)
def test_disable_file(cli, tree, name):
    assert (
        lint(cli, tree, name, f"{BAD}\n{BAD}\n<!-- newslint: disable-file NT -->\n")
        == []
    )
    assert lint(cli, tree, name, f"{BAD}\n<!-- newslint: disable-file NB -->\n") == [1]
    assert lint(cli, tree, name, f"<!-- newslint: disable-file -->\n{BAD}\n") == []


@pytest.mark.parametrize("name", EXTS)
def test_noqa(cli, tree, name):
    text = f"{BAD} newslint: noqa\n{BAD} <!-- newslint: noqa NT101 -->\n{BAD} newslint: noqa NB101\n{BAD}\n"
    assert lint(cli, tree, name, text) == [3, 4]


@pytest.mark.parametrize("name", EXTS)
def test_noqa_ignores_case_even_alone_in_a_file(cli, tree, name):
    # the file holds no lower-case "newslint:" for the cheap test to see
    assert lint(cli, tree, name, f"{BAD} NEWSLINT: NOQA\n{BAD}\n") == [2]
    assert lint(cli, tree, name, f"{BAD} Newslint: noqa NT101\n") == []


@pytest.mark.parametrize("name", EXTS)
def test_noqa_with_several_codes_and_prefix(cli, tree, name):
    text = f"{BAD} newslint: noqa NB101, NT1\n{BAD} newslint: noqa NB101,NT102\n"
    assert lint(cli, tree, name, text) == [2]


@pytest.mark.parametrize("name", EXTS)
def test_crlf_directives(cli, tree, name):
    text = f"{BAD}\r\n<!-- newslint: disable-next-line NT101 -->\r\n{BAD}\r\n{BAD} newslint: noqa\r\n{BAD}\r\n"
    assert lint(cli, tree, name, text) == [1, 5]


def test_multiline_disable_next_line_comment(cli, tree):
    text = f"<!-- newslint: disable-next-line\n     NT101 -->\n{BAD}\n{BAD}\n"
    assert lint(cli, tree, "a.md", text) == [4]


def test_directive_text_is_not_prose(cli, tree):
    # a directive inside an HTML comment is masked: it never yields findings itself
    text = "<!-- newslint: disable-next-line NT101 . . -->\nClean line.\n"
    assert lint(cli, tree, "a.md", text) == []


def test_parse_is_picklable_and_empty_when_no_directives():
    import pickle

    assert not parse("plain text. . here\n")
    sup = parse("x\n<!-- newslint: disable NT -->\ny\n")
    assert sup.suppresses(3, "NT101") and not sup.suppresses(1, "NT101")
    assert not sup.suppresses(3, "NB101")
    assert pickle.loads(pickle.dumps(sup)).suppresses(3, "NT101")


def test_lowercase_codes_are_not_codes():
    sup = parse("a newslint: noqa nt101\n")
    # 'nt101' is not a code: the noqa then covers everything on the line (like flake8's bare noqa)
    assert sup.suppresses(1, "NB101")
    assert sup.suppresses(1, "NT101")


def test_directives_shown_as_code_in_markdown_are_not_directives(tmp_path):
    from newslint import Document
    from newslint.suppression import parse

    text = (
        "Intro.\n\n```markdown\n<!-- newslint: disable-file NB -->\n```\n\n"
        "Use `newslint: noqa NT101` on a line.\n"
    )
    assert not parse(Document("a.md", text).directive_text)
    assert parse(Document("a.txt", text).directive_text)  # plain text has no code


def test_lone_article_does_not_call_a_cross_source_noqa_unused(cli, tree):
    # NQ101 needs two articles: linted alone it cannot tell, so NL101 is quiet;
    # next to a second article it did run, and the unused noqa is reported.
    text = '"We will rebuild the bridge by spring," Mayor Ana Ruiz said. newslint: noqa NQ101\n'
    root = tree({"a.md": text, "b.md": "The council met on Monday.\n"})
    alone = cli("a.md", "--select", "NQ101,NL101", "--isolated", cwd=root)
    assert alone.code == 0, alone
    both = cli("a.md", "b.md", "--select", "NQ101,NL101", "--isolated", cwd=root)
    codes = [line.split()[1] for line in both.lines if line.startswith("a.md:")]
    assert codes == ["NL101"], both
