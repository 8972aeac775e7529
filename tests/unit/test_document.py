"""Document: decoding, positions, front matter, paragraphs; columns as on disk."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Document, decode


def doc(text: str, path: str = "a.md") -> Document:
    return Document(path, text)


def test_position_is_one_based_in_code_points():
    d = doc("ab\nçé€😀x\n")
    assert d.position(0) == (1, 1)
    assert d.position(3) == (2, 1)
    assert d.position(d.text.index("x")) == (2, 5)  # 😀 is one character
    assert d.line_text(2) == "çé€😀x"


def test_position_with_crlf():
    d = doc("one\r\ntwo x\r\nthree\r\n")
    assert d.position(d.text.index("x")) == (2, 5)
    assert d.line_text(2) == "two x"
    assert d.position(d.text.index("three")) == (3, 1)


def test_bom_is_dropped_and_columns_count_from_the_first_visible_char():
    text, bad = decode(b"\xef\xbb\xbfHello. . x\n")
    assert text == "Hello. . x\n" and bad is None


def test_decode_error_offset_points_at_first_bad_byte():
    text, bad = decode("Olá ".encode() + b"\xff\xfe rest")
    assert bad == 4
    assert text[4] == "\ufffd"
    d = Document.from_bytes("a.txt", "Olá\n".encode() + b"ab\xc3(cd")
    assert d.decode_error_at is not None
    assert d.position(d.decode_error_at) == (2, 3)


def test_content_hash_changes_with_bytes():
    a = Document.from_bytes("a.md", b"x")
    b = Document.from_bytes("a.md", b"y")
    assert a.content_hash != b.content_hash
    assert a.content_hash == Document.from_bytes("b.md", b"x").content_hash


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("---\ntitle: A\nstory: quake-2026\n---\nBody.\n", "quake-2026"),
        ('---\r\nstory: "quake 2026"\r\n---\r\nBody.\r\n', "quake 2026"),
        ('+++\ntitle = "A"\nstory = "quake"\n+++\nBody.\n', "quake"),
        ("---\ntitle: A\n---\nBody.\n", None),
        ("Body.\n---\nstory: x\n---\n", None),  # not at the start: not front matter
    ],
)
def test_front_matter_story_key(text, story):
    assert doc(text).story_key == story


@pytest.mark.parametrize(
    "text",
    [
        "---\nstory: x\ntitle: Bad. . title\n---\nBody. . text\n",
        "---\r\nstory: x\r\ntitle: Bad. . title\r\n---\r\nBody. . text\r\n",
        '+++\nstory = "x"\ntitle = "Bad. . title"\n+++\nBody. . text\n',
        "\ufeff---\nstory: x\ntitle: Bad. . title\n---\nBody. . text\n",
    ],
)
def test_front_matter_is_masked_and_keeps_lines(text):
    d = doc(text.lstrip("\ufeff"))
    assert len(d.prose) == len(d.text)
    assert d.prose.count("\n") == d.text.count("\n")
    assert "Bad" not in d.prose
    offset = d.prose.index(". .")
    assert d.position(offset) == (5, 5)


def test_front_matter_unclosed_is_prose():
    d = doc("---\ntitle: x\nNo closing fence. . here\n")
    assert d.front_matter_span is None
    assert ". ." in d.prose


def test_paragraphs_and_sentences_are_offsets_into_text():
    text = "First para one. Still one.\n\n  Second para.\r\n\r\nThird.\n"
    d = doc(text)
    assert [p.text for p in d.paragraphs] == [
        "First para one. Still one.",
        "Second para.",
        "Third.",
    ]
    for block in [*d.paragraphs, *d.sentences]:
        assert d.text[block.start : block.end] == block.text
    assert [s.text for s in d.sentences][:2] == ["First para one.", "Still one."]


def test_paragraphs_skip_masked_front_matter():
    d = doc("---\nstory: x\n---\nBody.\n")
    assert [p.text for p in d.paragraphs] == ["Body."]
    assert d.position(d.paragraphs[0].start) == (4, 1)


def test_analyses_are_computed_once():
    d = doc("One. Two.\n\nThree.\n")
    assert d.prose is d.prose
    assert d.paragraphs is d.paragraphs
    assert d.sentences is d.sentences
    assert d.line_starts is d.line_starts


def test_txt_files_do_not_mask_markdown_code():
    assert "`x. . y`" in doc("A `x. . y` b\n", "a.txt").prose
    assert "x. . y" not in doc("A `x. . y` b\n", "a.md").prose


def test_cli_columns_with_crlf_bom_front_matter(cli, tree):
    """The on-disk column, whatever the encoding details around it."""
    import json

    files = {
        "lf.md": "---\nstory: x\n---\nIntro.\nSo it ended. . Then.\n",
        "crlf.md": "---\r\nstory: x\r\n---\r\nIntro.\r\nSo it ended. . Then.\r\n",
        "bom.md": b"\xef\xbb\xbf---\nstory: x\n---\nIntro.\nSo it ended. . Then.\n",
        "toml.md": '+++\nstory = "x"\n+++\nIntro.\nSo it ended. . Then.\n',
        "bomcrlf.txt": b"\xef\xbb\xbfIntro.\r\nx\r\ny\r\nz\r\nSo it ended. . Then.\r\n",
        "first.txt": b"\xef\xbb\xbfEnded. . Then.\r\n",
    }
    root = tree(files)
    result = cli(".", "--select", "NT101", "--format", "json", cwd=root)
    got = {
        (f["path"], f["line"], f["column"], f["end_column"])
        for f in json.loads(result.out)
    }
    want = {(p, 5, 12, 15) for p in files if p != "first.txt"} | {
        ("first.txt", 1, 6, 9)
    }
    assert got == want


def test_large_article_is_linear(tmp_path):
    """5 MB in one article: must finish (quadratic code would take minutes)."""
    from newslint.config import Config
    from newslint.discovery import Source
    from newslint.engine import Linter

    paragraph = "The council met on Tuesday. It voted. . Then it adjourned [link](https://x.example/a).\n\n"
    text = paragraph * (5_000_000 // len(paragraph))
    path = tmp_path / "big.md"
    path.write_text(text, encoding="utf-8")
    linter = Linter(Config(select=("NT101",)))
    result = linter.run([Source(str(path))], jobs=1)
    assert len(result.findings) == text.count(". .")
    assert result.findings[-1].line == text.count("\n") - 1


@pytest.mark.slow
def test_fifty_megabyte_article(tmp_path):
    from newslint.config import Config
    from newslint.discovery import Source
    from newslint.engine import Linter

    line = "Officials said the river rose 2 metres overnight, and that roads were shut. . \n"
    path = tmp_path / "huge.txt"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(line * (50_000_000 // len(line)))
    linter = Linter(Config(select=("NT101",)))
    result = linter.run([Source(str(path))], jobs=1)
    assert len(result.findings) == 50_000_000 // len(line)


_LINTER = None


def _nt101_linter():
    global _LINTER
    if _LINTER is None:
        from newslint.config import Config
        from newslint.engine import Linter

        _LINTER = Linter(Config(select=("NT101",)))
    return _LINTER


@settings(max_examples=150, deadline=None)
@given(
    bom=st.booleans(),
    front=st.sampled_from(
        [
            "",
            "---\nstory: x\n---\n",
            "+++\nstory = 'x'\n+++\n",
            "---\r\ntitle: a. . b\r\n---\r\n",
        ]
    ),
    pieces=st.lists(
        st.sampled_from(
            [
                "Word",
                " ",
                ". .",
                "\n",
                "\r\n",
                "\n\n",
                "é",
                "😀",
                "`c. . d`",
                "<!-- x. . -->",
                "\t",
            ]
        ),
        max_size=30,
    ),
    name=st.sampled_from(["a.md", "a.txt"]),
)
def test_finding_positions_point_into_the_file_on_disk(bom, front, pieces, name):
    raw = (b"\xef\xbb\xbf" if bom else b"") + (front + "".join(pieces)).encode()
    result = _nt101_linter().process(name, raw, True)
    on_disk = raw.decode("utf-8-sig")
    lines = on_disk.split("\n")
    for f in result.findings:
        line = lines[f.line - 1]
        assert line[f.column - 1 :].startswith(". ."), (f, line)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a",
        "a\n",
        "\n",
        "a\nb",
        "a\r\nb\r\n",
        "\n\n\n",
        "one\n\n  two\n\t\nthree  \n\n",
    ],
)
def test_line_starts_and_paragraphs_match_the_patterns(text):
    import re

    doc = Document("a.txt", text)
    assert doc.line_starts == [0] + [m.end() for m in re.finditer(r"\n", text)]
    blocks = []
    pos = 0
    for match in re.finditer(r"(?:\r?\n)(?:[ \t]*\r?\n)+", text):
        blocks.append((pos, match.start()))
        pos = match.end()
    blocks.append((pos, len(text)))
    expected = []
    for start, end in blocks:
        chunk = text[start:end]
        if chunk.strip():
            s = start + len(chunk) - len(chunk.lstrip())
            e = end - (len(chunk) - len(chunk.rstrip()))
            expected.append((s, e, text[s:e]))
    assert [(b.start, b.end, b.text) for b in doc.paragraphs] == expected


def _reference_paragraphs(text: str) -> list[tuple[int, int, str]]:
    import re

    out = []
    pos = 0
    spans = []
    for match in re.finditer(r"(?:\r?\n)(?:[ \t]*\r?\n)+", text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    for start, end in spans:
        chunk = text[start:end]
        if chunk.strip():
            s = start + len(chunk) - len(chunk.lstrip())
            e = end - (len(chunk) - len(chunk.rstrip()))
            out.append((s, e, text[s:e]))
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \t\r\n", max_size=40))
def test_paragraphs_match_the_reference_on_any_line_breaks(text):
    doc = Document("a.txt", text)
    got = [(b.start, b.end, b.text) for b in doc.paragraphs]
    assert got == _reference_paragraphs(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.A B\n_1é\u0301!", max_size=40))
def test_sentence_abbreviation_word_is_the_pattern_s(text):
    import re

    from newslint.text.sentences import _last_word

    found = re.search(r"([\w.]+)$", text)
    assert _last_word(text, 0, len(text)) == (found.group(1) if found else "")
