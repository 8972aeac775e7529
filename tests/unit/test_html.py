"""HTML story report: a valid, self-contained page; all article text escaped."""

from __future__ import annotations

import io
import os
from html.parser import HTMLParser
from pathlib import Path

from newslint.cli import main
from newslint.finding import Finding, Related, Severity
from newslint.reporters.html import HtmlReporter, word_diff

VOID = {"meta", "input", "br", "link", "img", "hr"}


class Page(HTMLParser):
    """Collects tags, script bodies, text and checks nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.scripts: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.errors: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        for key in ("src", "href"):
            if key in attrs and not str(attrs[key]).startswith("#"):
                self.external.append(attrs[key])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        else:
            self.text.append(data)


ARTICLE_A = (
    'Officials said 12 people died. . <script>alert("x")</script> & <b>bold</b>\n'
)
ARTICLE_B = "Officials said 14 people died.\n"


def findings(tmp: Path) -> list[Finding]:
    a, b = str(tmp / "a.txt"), str(tmp / "b.txt")
    col = ARTICLE_A.index(". .") + 1
    script = ARTICLE_A.index("<script>") + 1
    return [
        Finding(
            a,
            1,
            16,
            1,
            18,
            "NX101",
            "12 vs 14 <i>",
            Severity.ERROR,
            "numbers.x",
            related=(Related(b, 1, 16, "14"),),
        ),
        Finding(
            a,
            1,
            col,
            1,
            col + 3,
            "NT101",
            "doubled punctuation '. .'",
            Severity.WARNING,
            "t",
        ),
        Finding(
            a,
            1,
            script,
            1,
            script + 8,
            "NE103",
            "leftover tag '<script>'",
            Severity.INFO,
            "e",
        ),
    ]


def render(tmp: Path) -> str:
    (tmp / "a.txt").write_text(ARTICLE_A)
    (tmp / "b.txt").write_text(ARTICLE_B)
    out = io.StringIO()
    reporter = HtmlReporter(out)
    items = findings(tmp)
    reporter.start()
    for f in items:
        reporter.finding(f)
    reporter.finish(items)
    return out.getvalue()


def test_page_parses_and_escapes_article_text(tmp_path: Path):
    html = render(tmp_path)
    page = Page()
    page.feed(html)
    page.close()
    assert not page.errors
    assert page.stack == []
    # Exactly one script element: ours. The article's <script> stayed text.
    assert sum(1 for tag, _ in page.tags if tag == "script") == 1
    assert "alert" not in "".join(page.scripts)
    assert not [t for t, _ in page.tags if t in ("b", "i")]
    text = "".join(page.text)
    assert '<script>alert("x")</script>' in text
    assert "<b>bold</b>" in text and "12 vs 14 <i>" in text
    assert "&lt;script&gt;" in html
    assert not page.external  # self-contained: no network


def test_summary_filters_and_highlights(tmp_path: Path):
    html = render(tmp_path)
    page = Page()
    page.feed(html)
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert {"families", "files", "f-sev", "filters"} <= ids
    codes = {
        attrs["value"]
        for tag, attrs in page.tags
        if tag == "input" and attrs.get("class") == "f-code"
    }
    assert codes == {"NE103", "NT101", "NX101"}
    marks = [
        attrs for tag, attrs in page.tags if tag == "mark" and "data-code" in attrs
    ]
    assert {m["data-code"] for m in marks} >= {"NT101", "NX101", "NE103"}
    # Cross-source block: both sources side by side, the disagreeing numbers marked.
    sides = [
        attrs
        for tag, attrs in page.tags
        if tag == "div" and attrs.get("class") == "xsrc"
    ]
    assert len(sides) == 1
    assert (
        '<mark class="diff">12</mark>' in html
        and '<mark class="diff">14</mark>' in html
    )
    assert str(tmp_path / "b.txt") in "".join(page.text)


def test_word_diff_marks_only_changed_words():
    a, b = word_diff("we will not <stop> now", "we shall not <stop> now")
    assert a == 'we <mark class="diff">will</mark> not &lt;stop&gt; now'
    assert b == 'we <mark class="diff">shall</mark> not &lt;stop&gt; now'


def test_cli_writes_the_report(tmp_path: Path, capsys):
    (tmp_path / "newslint.toml").write_text('select = ["NT101"]\n')
    (tmp_path / "a.md").write_text("Ended. . <script>x()</script>\n")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code = main(
            ["--format", "html", "--output-file", "report.html", "a.md", "--no-cache"]
        )
    finally:
        os.chdir(cwd)
    assert code == 1
    html = (tmp_path / "report.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "&lt;script&gt;x()" in html
    assert capsys.readouterr().out == ""
