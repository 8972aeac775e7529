"""A plain article (newslint.text.plain) linted with the default rules must
not import ``regex``: the import and its pure-Python compiles cost every
commit's pre-commit hook. Each ``regex`` compile is traced to the file that
asked, so a failure names it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.text.plain import is_plain

#: The files that must never ask for a ``regex`` compile on a plain article.
MINE = (
    "newslint/document.py",
    "newslint/patterns.py",
    "newslint/text/names.py",
    "newslint/text/plain.py",
    "rules/typography.py",
    "rules/encoding.py",
    "rules/boilerplate/structure.py",
    "rules/boilerplate/generic.py",
    "rules/boilerplate/phrases.py",
    "rules/boilerplate/credits.py",
)

# Every line starts with a letter and none with a catalogue phrase, so that
# the catalogue compiles nothing either: no regex at all.
STRICT = (
    "KESTREL BAY — The harbour council on Monday approved a €4.2m sea wall, ending\n"
    "a two-year row over who should pay for repairs after January’s storms.\n"
    "\n"
    "Mayor Ana Ruiz, who chaired the three-hour meeting, said: “We have waited\n"
    "long enough. The wall goes up this summer — whatever the weather.”\n"
    "\n"
    "The plan, drawn up by the U.S. engineering firm Harlow & Pike, raises the\n"
    "quay by 1.2 metres and adds pumps rated at 40,000 litres a minute. Its CEO,\n"
    "Tom O’Neill, told councillors the firm had built similar walls in Maine.\n"
    "\n"
    "Some residents were unconvinced. “It’s a lot of money for a wall nobody will\n"
    "see from the beach,” said Carla Mendes, 64, who runs a cafe… and who had\n"
    "collected 1,200 signatures against it .\n"
    "\n"
    "Temperatures in the bay rose 2°C over the decade, the report said, and\n"
    "storm surges of 1.5× the old average are now expected every 20 years.\n"
    "\n"
    "Councillor Peter Hale asked whether the iPhone app used to report flooding\n"
    "would be kept. Officials said yes; it logged 3,400 reports last winter.\n"
    "\n"
    "Firefighters pump water from the harbour car park on Tuesday. JANE DOE/AFP via Getty Images\n"
    "\n"
    "Work starts on June 2, 2026, at 8 a.m., the council said. A second phase,\n"
    "costing £1.1m, would follow “if the money can be found”, it added.\n"
)
HARBOUR = (
    "---\n"
    'title: "Harbour council approves €4.2m sea wall"\n'
    "story: harbour-wall-2026\n"
    "---\n"
    "\n"
    "World | Business | Sport | Culture\n"
    "\n"
    "# Harbour council approves €4.2m sea wall after ‘long, hard winter’\n"
    "\n"
    "By Jane Doe\n"
    "\n"
    "KESTREL BAY — The harbour council on Monday approved a €4.2m sea wall, ending\n"
    "a two-year row over who should pay for repairs after January’s storms.\n"
    "\n"
    "“We have waited long enough,” said Mayor Ana Ruiz, who chaired the three-and-a-half-hour\n"
    "meeting. “The wall goes up this summer — whatever the weather.”\n"
    "\n"
    "The plan, drawn up by the U.S. engineering firm Harlow & Pike, raises the\n"
    "quay by 1.2 metres and adds pumps rated at 40,000 litres a minute. Its CEO,\n"
    "Tom O’Neill, told councillors the firm had built similar walls in Maine and\n"
    "Nova Scotia.\n"
    "\n"
    "## What the wall costs\n"
    "\n"
    "- Construction: €3.1m\n"
    "- Pumps and drains: €0.8m\n"
    "- Design and surveys: €0.3m\n"
    "\n"
    "Where: Kestrel Bay quay\n"
    "When: June to October\n"
    "Cost: €4.2m\n"
    "\n"
    "Some residents were unconvinced. “It’s a lot of money for a wall nobody will\n"
    "see from the beach,” said Carla Mendes, 64, who runs a cafe on the front… and\n"
    "who had collected 1,200 signatures against it.\n"
    "\n"
    "Temperatures in the bay rose 2°C over the decade, the council’s report said,\n"
    "and storm surges of 1.5×the old average are now expected once every 20 years.\n"
    "\n"
    "Councillor Peter Hale asked whether the iPhone app, pro\xadmoted by the CEO, used to report flooding\n"
    "would be kept. Officials said yes; it logged 3,400 reports last winter.\n"
    "\n"
    "Firefighters pump water from the harbour car park on Tuesday. JANE DOE/AFP via Getty Images\n"
    "\n"
    "Work starts on June 2, 2026, at 8 a.m., the council said.\n"
    "\n"
    "Reporting by Jane Doe; Editing by Mark Lo\n"
    "\n"
    "Jane Doe is a reporter for the Kestrel Bay Herald. Reach her at @janedoe.\n"
)
WIRE = (
    "date 2024-03-02 OSLO, Norway — The ferry strike that halted crossings between\n"
    "Oslo and Kiel for nine days ended on Saturday, the union said, after workers\n"
    "accepted a 5.5% pay rise over two years.\n"
    "\n"
    "“This is a fair result,” union leader Kari Berg told reporters at the port.\n"
    "“Our members can go back to work with their heads high.”\n"
    "\n"
    "The operator, Nordlys Line, said the first ship would sail at 2 p.m. on\n"
    "Sunday. About 14,000 passengers had been stranded, many of them truck\n"
    "drivers carrying goods worth an estimated £12m a day, according to the\n"
    "Norwegian Shipowners’ Association.\n"
    "\n"
    "The government had threatened to force binding arbitration -- a step it\n"
    "last took in 2019 -- if no deal was reached by Monday. Labour Minister\n"
    'Erik Dahl welcomed the agreement. "Both sides showed flexibility," he said.\n'
    "\n"
    "Talks had broken down twice. At one point negotiators sat for 19 hours\n"
    "straight; at another, the union walked out after management offered 3%.\n"
    "\n"
    "Passengers queue at the ferry terminal in Oslo on Friday. (AP Photo/Lise Aas)\n"
    "\n"
    "The strike was the longest in the sector since 2012 . Officials said\n"
    "crossings would return to the normal timetable by Wednesday.\n"
    "\n"
    "(Reporting by Kari Nes; editing by Tom Hale)\n"
)
LANTERN = (
    "# Lantern night draws record crowd to the harbour\n"
    "\n"
    "**Photographs by Tom Hale**\n"
    "\n"
    "More than 40,000 people lined the harbour on Saturday for the first\n"
    "lantern night since the festival moved to autumn, organisers said — a\n"
    "record for the 30-year-old event.\n"
    "\n"
    "> “I have never seen the water so bright,” said Mei Lin, 71, who has\n"
    "> come every year since 1996.\n"
    "\n"
    "The parade of 600 lanterns, some as tall as 6 metres, set off at 7:30 p.m.\n"
    "from the old customs house. Children from 14 schools carried paper fish,\n"
    "boats and — new this year — a 12-metre dragon built by art students.\n"
    "\n"
    "1. The customs house to the fish market\n"
    "2. The fish market to the lighthouse\n"
    "3. The lighthouse back to the quay\n"
    "\n"
    "| Year | Visitors |\n"
    "|------|----------|\n"
    "| 2024 | 31,000   |\n"
    "| 2025 | 38,500   |\n"
    "\n"
    "Tickets for the evening boat tour cost £15 (£8 for under-12s); all 900 sold\n"
    "out within a day. Police said the night passed “without a single arrest”.\n"
    "\n"
    "Watch: Residents light the first lanterns\n"
    "\n"
    "The last boat left at 11 p.m. Video: Lanterns drift out to sea\n"
    "\n"
    "Organisers want to add a second night in 2027 but need another £50,000 in\n"
    "sponsorship. “We’ll be knocking on doors,” said festival director Sam Okafor.\n"
    "\n"
    "Read more: [Festival programme](https://example.com/festival)\n"
    "\n"
    "Share this article\n"
)

#: Runs the CLI on the paths; with "trace", regex is imported first and every
#: compile is charged to the innermost file outside regex and
#: newslint/patterns.py (the file whose pattern it is).
_RUN = """
import json, sys, traceback
mode, paths = sys.argv[1], sys.argv[2:]
askers = []
if mode == "trace":
    import regex._main as rm
    real = rm._compile
    def traced(*args, **kwargs):
        for frame in reversed(traceback.extract_stack()[:-1]):
            name = frame.filename.replace("\\\\", "/")
            if "/regex/" in name or name.endswith("newslint/patterns.py"):
                continue
            askers.append(name)
            break
        return real(*args, **kwargs)
    rm._compile = traced
from newslint.cli import main
try:
    main(["--isolated", "--no-cache", "--format", "json", *paths])
except SystemExit:
    pass
print(json.dumps({"regex": "regex" in sys.modules, "askers": askers}))
"""


def _run(tmp_path: Path, mode: str, articles: dict[str, str]) -> tuple[dict, list]:
    paths = []
    for name, text in articles.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    out = subprocess.run(
        [sys.executable, "-c", _RUN, mode, *paths],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    *report, last = out.strip().splitlines()
    findings = json.loads("\n".join(report))
    return json.loads(last), findings


def _codes(findings: object) -> set[str]:
    items = findings if isinstance(findings, list) else findings["findings"]  # type: ignore[index]
    return {item["code"] for item in items}


def _mine(askers: list[str]) -> list[str]:
    return [name for name in askers if name.endswith(MINE)]


def test_the_articles_are_plain():
    for text in (STRICT, HARBOUR, WIRE, LANTERN):
        assert is_plain(text)


def test_a_plain_article_imports_no_regex(tmp_path):
    state, findings = _run(tmp_path, "import", {"strict.txt": STRICT})
    assert _codes(findings) == {"NT103", "NB107"}  # the rules ran
    assert state["regex"] is False


def test_plain_articles_ask_for_no_regex_compile(tmp_path):
    articles = {"harbour.md": HARBOUR, "wire.txt": WIRE, "lantern.md": LANTERN}
    state, findings = _run(tmp_path, "trace", articles)
    codes = _codes(findings)
    for code in (
        "NB101",
        "NB103",
        "NB104",
        "NB105",
        "NB107",
        "NB111",
        "NE103",
        "NT103",
    ):
        assert code in codes
    # The catalogue has re forms for plain lines too: no regex compile at all
    # (test_an_article_that_is_not_plain_still_uses_regex shows the trace works).
    assert state["askers"] == []


@pytest.mark.parametrize("accented", ["José Ruiz", "the café", "3½ hours"])
def test_an_article_that_is_not_plain_still_uses_regex(tmp_path, accented):
    text = STRICT.replace("Mayor Ana Ruiz", "Mayor " + accented)
    assert not is_plain(text)
    state, _ = _run(tmp_path, "trace", {"a.txt": text})
    assert _mine(state["askers"])
