"""A self-contained HTML story report (``--format html --output-file report.html``).

One page, no network: inline CSS and a little JavaScript. A summary per
family and per file, filters by code and severity, each article with its
findings highlighted in place, and for every cross-source finding the
sources side by side with the disagreeing words marked. Article text is
untrusted input: everything taken from it is escaped, so a ``<script>`` in
an article stays text.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter, defaultdict
from html import escape
from typing import Any

from newslint._version import __version__
from newslint.document import decode
from newslint.finding import Finding
from newslint.reporters.base import Reporter

_WORDS = re.compile(r"\S+|\s+")

CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}
header{background:#1d2a3a;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}
main{padding:16px 24px;max-width:1200px}
table{border-collapse:collapse;margin:6px 0 18px}
th,td{border:1px solid #ccd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#e8eaef}
section.file{background:#fff;border:1px solid #ccd;border-radius:6px;padding:8px 16px;margin:18px 0}
pre.article{white-space:pre-wrap;word-wrap:break-word;background:#fbfbfa;border:1px solid #e2e2e2;padding:8px;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
.ln{display:inline-block;width:3.5em;color:#999;user-select:none}
mark{border-radius:2px;padding:0 1px}
mark.error{background:#ffc9c9}mark.warning{background:#ffe9a8}mark.info{background:#cfe8ff}
mark.diff{background:#ffb3b3;font-weight:600}
.sev-error{color:#b00020;font-weight:600}.sev-warning{color:#8a5a00}.sev-info{color:#0b5cad}
.xsrc{display:flex;gap:10px;flex-wrap:wrap;margin:4px 0 10px}
.xsrc>div{flex:1 1 300px;border:1px solid #dde;background:#fafaff;padding:6px 8px;border-radius:4px}
.xsrc .src{font-size:12px;color:#555}
.hidden{display:none}
#filters label{margin-right:10px;white-space:nowrap}
code{font:12px ui-monospace,Menlo,Consolas,monospace}
"""

JS = """
(function(){
  function apply(){
    var sev=document.getElementById('f-sev').value;
    var on={};
    document.querySelectorAll('input.f-code').forEach(function(b){on[b.value]=b.checked;});
    document.querySelectorAll('[data-code]').forEach(function(el){
      var show=on[el.getAttribute('data-code')]&&(sev==='all'||el.getAttribute('data-sev')===sev);
      if(el.tagName==='MARK'){el.classList.toggle('off',!show);el.style.background=show?'':'transparent';}
      else{el.classList.toggle('hidden',!show);}
    });
  }
  document.querySelectorAll('#filters input,#filters select').forEach(function(el){
    el.addEventListener('change',apply);
  });
  var all=document.getElementById('f-all');
  if(all){all.addEventListener('click',function(e){e.preventDefault();
    var boxes=document.querySelectorAll('input.f-code');
    var any=Array.prototype.some.call(boxes,function(b){return !b.checked;});
    boxes.forEach(function(b){b.checked=any;});apply();});}
})();
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _family(code: str) -> str:
    return code.rstrip("0123456789")


class _Text:
    """An article's decoded text with a line index."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset(self, line: int, column: int) -> int:
        if line < 1:
            return 0
        if line > len(self.starts):
            return len(self.text)
        return min(len(self.text), self.starts[line - 1] + max(column, 1) - 1)

    def line(self, line: int) -> str:
        if not 0 < line <= len(self.starts):
            return ""
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[self.starts[line - 1] : end].rstrip("\r\n")


def word_diff(a: str, b: str) -> tuple[str, str]:
    """Both texts as escaped HTML with the words that differ marked."""
    wa, wb = _WORDS.findall(a), _WORDS.findall(b)
    out_a: list[str] = []
    out_b: list[str] = []
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = "".join(wa[i1:i2]), "".join(wb[j1:j2])
        if op == "equal":
            out_a.append(_e(left))
            out_b.append(_e(right))
        else:
            if left.strip():
                out_a.append(f'<mark class="diff">{_e(left)}</mark>')
            else:
                out_a.append(_e(left))
            if right.strip():
                out_b.append(f'<mark class="diff">{_e(right)}</mark>')
            else:
                out_b.append(_e(right))
    return "".join(out_a), "".join(out_b)


class HtmlReporter(Reporter):
    """One self-contained HTML page (write it with ``--output-file``)."""

    def finding(self, finding: Finding) -> None:
        """Findings are written together in finish()."""

    def _read(self, path: str, upto: int = 0) -> _Text:
        if path not in self._texts:
            try:
                with open(path, "rb") as handle:
                    text = decode(handle.read())[0]
            except OSError:
                lines = [self.source_line(path, n) for n in range(1, upto + 1)]
                text = "\n".join(lines)
            self._texts[path] = _Text(text)
        return self._texts[path]

    def finish(self, findings: list[Finding]) -> None:
        self._texts: dict[str, _Text] = {}
        w = self.stream.write
        by_file: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            by_file[f.path].append(f)
        codes = Counter(f.code for f in findings)
        families = Counter(_family(f.code) for f in findings)
        w('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')
        w('<meta name="viewport" content="width=device-width, initial-scale=1">')
        w("<title>newslint report</title><style>" + CSS + "</style></head><body>\n")
        noun = "finding" if len(findings) == 1 else "findings"
        w(
            f"<header><h1>newslint report</h1><div>{len(findings)} {noun} in"
            f" {len(by_file)} file{'s' if len(by_file) != 1 else ''}"
            f" &middot; newslint {_e(__version__)}</div></header>\n<main>\n"
        )
        if not findings:
            w("<p>No findings.</p>\n")
        self._summary(findings, by_file, codes, families)
        self._filters(codes)
        for index, (path, items) in enumerate(sorted(by_file.items())):
            self._file(index, path, items)
        w("</main><script>" + JS + "</script></body></html>\n")

    # -- parts -------------------------------------------------------------------
    def _summary(
        self,
        findings: list[Finding],
        by_file: dict[str, list[Finding]],
        codes: Counter[str],
        families: Counter[str],
    ) -> None:
        w = self.stream.write
        if not findings:
            return
        w(
            '<h2>Summary</h2>\n<table id="families"><tr><th>family</th><th>findings</th><th>codes</th></tr>\n'
        )
        for family, count in sorted(families.items()):
            family_codes = ", ".join(
                f"{_e(c)} ({n})"
                for c, n in sorted(codes.items())
                if _family(c) == family
            )
            w(
                f"<tr><td>{_e(family)}</td><td>{count}</td><td>{family_codes}</td></tr>\n"
            )
        w("</table>\n")
        w(
            '<table id="files"><tr><th>file</th><th>findings</th><th>error</th>'
            "<th>warning</th><th>info</th></tr>\n"
        )
        for index, (path, items) in enumerate(sorted(by_file.items())):
            sev = Counter(f.severity.value for f in items)
            w(
                f'<tr><td><a href="#file-{index}">{_e(path)}</a></td><td>{len(items)}</td>'
                f"<td>{sev['error']}</td><td>{sev['warning']}</td><td>{sev['info']}</td></tr>\n"
            )
        w("</table>\n")

    def _filters(self, codes: Counter[str]) -> None:
        w = self.stream.write
        if not codes:
            return
        w('<div id="filters"><strong>Filter:</strong> severity <select id="f-sev">')
        for value in ("all", "error", "warning", "info"):
            w(f'<option value="{value}">{value}</option>')
        w("</select> &middot; codes ")
        for code in sorted(codes):
            rule = self.rules.get(code)
            title = _e(getattr(rule, "name", "")) if rule else ""
            w(
                f'<label title="{title}"><input type="checkbox" class="f-code"'
                f' value="{_e(code)}" checked> {_e(code)}</label>'
            )
        w(' <a href="#" id="f-all">toggle all</a></div>\n')

    def _file(self, index: int, path: str, items: list[Finding]) -> None:
        w = self.stream.write
        upto = max(f.end_line for f in items)
        text = self._read(path, upto)
        w(f'<section class="file" id="file-{index}"><h2>{_e(path)}</h2>\n')
        w(
            "<table><tr><th>line:col</th><th>code</th><th>severity</th><th>message</th></tr>\n"
        )
        for f in sorted(items, key=lambda f: f.sort_key):
            attrs = f'data-code="{_e(f.code)}" data-sev="{_e(f.severity.value)}"'
            w(
                f'<tr {attrs}><td><a href="#f{index}-l{f.line}">{f.line}:{f.column}</a></td>'
                f'<td>{_e(f.code)}</td><td class="sev-{_e(f.severity.value)}">'
                f"{_e(f.severity.value)}</td><td>{_e(f.message)}"
            )
            if f.related:
                self._cross_source(f, text)
            w("</td></tr>\n")
        w("</table>\n")
        self._article(index, text, items)
        w("</section>\n")

    def _cross_source(self, f: Finding, text: _Text) -> None:
        w = self.stream.write
        start = text.offset(f.line, f.column)
        end = max(start, text.offset(f.end_line, f.end_column))
        own = text.text[start:end]
        line_start = text.starts[f.line - 1] if 0 < f.line <= len(text.starts) else 0
        own_line = text.line(f.line)
        w(
            f'<div class="xsrc" data-code="{_e(f.code)}" data-sev="{_e(f.severity.value)}">'
        )
        for related in f.related:
            a, b = word_diff(own, related.text) if related.text else (_e(own), "")
            rel_text = self._read(related.path)
            rel_line = rel_text.line(related.line)
            col = related.column - 1
            if related.text and rel_line[col : col + len(related.text)] != related.text:
                found = rel_line.find(related.text)
                col = found if found >= 0 else -1
            w(self._side(f.path, f.line, own_line, start - line_start, len(own), a))
            if related.text and col >= 0:
                rel_html = (
                    _e(rel_line[:col])
                    + f'<mark class="{_e(f.severity.value)}">{b}</mark>'
                    + _e(rel_line[col + len(related.text) :])
                )
            else:
                rel_html = _e(rel_line) + (f" <em>({b})</em>" if b else "")
            w(
                f'<div><div class="src">{_e(related.path)}:{related.line}</div>'
                f"{rel_html}</div>"
            )
        w("</div>")

    def _side(
        self, path: str, line: int, line_text: str, col: int, length: int, marked: str
    ) -> str:
        if (
            0 <= col <= len(line_text)
            and length
            and line_text[col : col + length].strip()
        ):
            body = (
                _e(line_text[:col])
                + f'<mark class="warning">{marked}</mark>'
                + _e(line_text[col + length :])
            )
        else:
            body = _e(line_text)
        return f'<div><div class="src">{_e(path)}:{line}</div>{body}</div>'

    def _article(self, index: int, text: _Text, items: list[Finding]) -> None:
        """The article with every finding's span marked in place."""
        w = self.stream.write
        spans = []
        for f in items:
            start = text.offset(f.line, f.column)
            end = max(start, text.offset(f.end_line, f.end_column))
            if end == start:
                end = min(len(text.text), start + 1)
            spans.append((start, end, f))
        bounds = sorted(
            {
                0,
                len(text.text),
                *text.starts,
                *(s for s, _, _ in spans),
                *(e for _, e, _ in spans),
            }
        )
        w('<pre class="article">')
        line_no = 0
        starts = set(text.starts)
        for a, b in itertools.pairwise(bounds):
            if a in starts:
                line_no += 1
                w(f'<span class="ln" id="f{index}-l{line_no}">{line_no}</span>')
            chunk = text.text[a:b]
            active = [f for s, e, f in spans if s <= a and b <= e]
            if not active:
                w(_e(chunk))
                continue
            first = min(active, key=lambda f: (_rank(f), f.code))
            tip = "; ".join(f"{f.code}: {f.message}" for f in active)
            w(
                f'<mark class="{_e(first.severity.value)}" data-code="{_e(first.code)}"'
                f' data-sev="{_e(first.severity.value)}" title="{_e(tip)}">{_e(chunk)}</mark>'
            )
        w("</pre>\n")


def _rank(f: Finding) -> int:
    return {"error": 0, "warning": 1, "info": 2}.get(f.severity.value, 3)
