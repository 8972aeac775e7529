"""The start-up shortcuts of the catalogue index give exactly what the plain
code gave: the data file read by comprehensions, keys read by str methods
(in ``_index`` and in ``key_at`` itself) instead of a regex, one shared index per built-in catalogue (``ALL`` the
sections' indexes joined), and ``section_entries`` without normalising entries when nothing is disabled."""

from __future__ import annotations

import importlib
import random
from collections import defaultdict
from pathlib import Path

import pytest
import regex

# the package's ``catalogue`` attribute is the function of that name
cat = importlib.import_module("newslint.rules.boilerplate.catalogue")

ROOT = Path(__file__).resolve().parents[2]


def _sections_reference(text: str) -> dict[str, tuple[str, ...]]:
    """The loop ``catalogue()`` used before (one branch per line)."""
    sections: dict[str, list[str]] = defaultdict(list)
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = line[1:-1]
            continue
        sections[current].append(line)
    return {key: tuple(value) for key, value in sections.items()}


def _index_reference(entries):
    """The index ``Catalogue.__init__`` built before: ``entry_keys`` per entry."""
    index: dict[str, list[str]] = defaultdict(list)
    everywhere: list[str] = []
    for entry in entries:
        keys = cat.entry_keys(entry)
        if not keys:
            everywhere.append(entry)
        for key in keys:
            index[key].append(entry)
    return dict(index), everywhere


def _data_file() -> str:
    return cat._read("boilerplate_phrases.txt")


SECTION_TEXTS = [
    "",
    "\n\n",
    "# only a comment\n",
    "before any header\n[a]\nx\n",
    "[a]\n[b]\ny\n",
    "[a]\nx\n[b]\n[a]\nz\n",
    "  [a]  \n  x  \n\t# comment\n[a b]\ny\n[a\tb]\nz\n[]\nw\n",
    "[a]\r\nx\r\n\r\n[b]\ry\x0bz\x85q\u2028[c]\n",
    "[a]\n#x\n[b]\n",
    "[last]",
    "[a]\nx\n[last]\n",
    "[x]y]\n[[z]\nq\n",
]


@pytest.mark.parametrize("text", SECTION_TEXTS)
def test_sections_read_like_the_loop(text):
    got = cat._sections(text)
    assert got == _sections_reference(text)
    assert list(got) == list(_sections_reference(text))  # the order of sections


def test_sections_of_the_data_file_and_random_files():
    text = _data_file()
    assert cat._sections(text) == _sections_reference(text)
    assert cat.catalogue() == _sections_reference(text)
    rng = random.Random(7)
    pieces = ["[a]", "[b]", " [c] ", "[a b]", "[]", "#", "# x", "", " ", "x", "y z"]
    pieces += ["\t", "[d]x", "x[d]", "\u00a0", "re:x", "Read more"]
    for _ in range(500):
        lines = rng.choices(pieces, k=rng.randrange(12))
        ends = rng.choices(["\n", "\r\n", "\r", "\x85"], k=len(lines))
        sample = "".join(a + b for a, b in zip(lines, ends, strict=True))
        assert cat._sections(sample) == _sections_reference(sample), sample


EDGE_ENTRIES = [
    "Read more",
    "Read",
    "Read ",
    "Read\tmore",
    "Read\u00a0more",
    "Read\u2003more",
    "Read\x1cmore",
    "Read\x85more",
    "Read»",
    "Read »",
    "Ad-free",
    "Don't miss",
    "Don’t miss",
    "Video: ……",
    "Loading...",
    "ab1 c",
    "x_y",
    "  Read more",
    "\tRead",
    "ſign up",
    "SİGN UP",
    "Ωmega",
    "Café society",
    "Cafe\u0301 society",
    "naïve",
    "Kelvin\u212a",
    "© 2024",
    "2 min read",
    "²nd",
    "#1",
    "[Source: …]",
    "« Back",
    "»",
    "re",
    "re more",
    "re<",
    "re<x",
    "re<x>",
    "re<x>y",
    "re<>:x",
    "re<  >:x",
    "re<a b>:x",
    "re<#digit ©>:x",
    "re:x",
    "re:",
    "Re:x",
    "reply",
    "rex:",
    " ",
]


def _built_in_entries() -> list[str]:
    return [e for entries in cat.catalogue().values() for e in entries]


@pytest.mark.parametrize("entry", EDGE_ENTRIES)
def test_index_keys_are_entry_keys(entry):
    assert cat._index([entry]) == _index_reference([entry])


def test_index_of_every_built_in_entry():
    entries = _built_in_entries()
    for entry in entries:
        assert cat._index([entry]) == _index_reference([entry]), entry
    index = cat._index(entries)
    assert index == _index_reference(entries)
    assert list(index[0]) == list(_index_reference(entries)[0])


def test_built_in_catalogues_index_as_before():
    """Each section and ``ALL`` (the joined indexes): same keys in the same
    order, same entries in the same order, same entries for every line."""
    names = (*cat.catalogue(), cat.ALL)
    for name in names:
        pattern = cat._builtin(name)
        entries, everywhere = _index_reference(pattern.entries)
        assert pattern._entries == entries, name
        assert list(pattern._entries) == list(entries), name
        assert pattern._everywhere_entries == everywhere, name
        assert pattern._everywhere == bool(everywhere), name
    assert cat._known_pattern().entries == tuple(_built_in_entries())


def _section_index_reference():
    """``_section_index`` as it was: from each built-in catalogue's index."""
    names = (*cat.catalogue(), cat.ALL)
    index: dict[str, list[str]] = defaultdict(list)
    everywhere = []
    for name in names:
        keys, anywhere = _index_reference(cat._builtin(name).entries)
        for key in keys:
            index[key].append(name)
        if anywhere:
            everywhere.append(name)
    return {k: tuple(v) for k, v in index.items()}, tuple(everywhere), names


def _check_built_in_tables():
    expected = _section_index_reference()
    got = cat._section_index()
    assert got == expected
    assert list(got[0]) == list(expected[0])  # the order of keys
    everything = tuple(e for entries in cat.catalogue().values() for e in entries)
    for entries in (*cat.catalogue().values(), everything):
        index, anywhere = cat._builtin_tables().indexes[entries]
        assert (index, anywhere) == _index_reference(entries)
        assert cat.Catalogue(entries)._entries is index
        assert list(index) == list(_index_reference(entries)[0])


def test_section_index_as_from_the_catalogues():
    _check_built_in_tables()


def _clear_caches():
    for function in (
        cat._builtin_tables,
        cat._section_index,
        cat._default_pattern,
        cat._known_pattern,
        cat.compile_catalogue,
    ):
        function.cache_clear()


@pytest.fixture
def other_data_file(monkeypatch):
    """A data file with entries tried on every line, repeated entries and keys
    shared by sections (the built-in file has no "re:" entry)."""
    sections = cat._sections(
        "[a]\nRead more\nre:\\d+ views\nShare\nRead more\n"
        "[b]\nShare this\nre<read share>:x\nVideo: ……\n"
        "[c]\nre:(?:foo)\nCopyright …\n"
        "[d]\n© 2024\nRead on\n"
    )
    _clear_caches()
    monkeypatch.setattr(cat, "catalogue", lambda: sections)
    yield sections
    monkeypatch.undo()
    _clear_caches()


def test_tables_of_another_data_file(other_data_file):
    _check_built_in_tables()
    index, everywhere, names = cat._section_index()
    assert names == ("a", "b", "c", "d", cat.ALL)
    assert everywhere == ("a", "c", cat.ALL)
    assert index["read"] == ("a", "b", "d", cat.ALL)
    assert cat._known_pattern()._everywhere_entries == ["re:\\d+ views", "re:(?:foo)"]
    assert cat._builtin("a").fullmatch("12 views", "#digit")


def test_own_catalogue_indexes_its_own_entries():
    entries = (*cat.section_entries("navigation"), "re:\\d+ views", "Zzz top")
    pattern = cat.Catalogue(entries)
    assert pattern.fullmatch("Back to top", "back")
    assert (pattern._entries, pattern._everywhere_entries) == _index_reference(entries)
    assert pattern._everywhere
    assert pattern.fullmatch("12 views", "#digit")
    assert pattern.fullmatch("Zzz top", "zzz")
    assert not cat._builtin("navigation").fullmatch("Zzz top", "zzz")


def test_built_in_catalogues_share_one_index():
    """A rule's catalogue with the built-in entries (an equal tuple, not the
    same one) takes the shared index; the shared one is never changed."""
    name = next(iter(cat.catalogue()))
    entries = tuple(list(cat.catalogue()[name]))
    pattern = cat.Catalogue(entries)
    assert pattern._entries is cat._builtin(name)._entries
    before = {k: list(v) for k, v in pattern._entries.items()}
    for text in ("Back to top", "Read more stories", "Nothing here at all"):
        pattern.fullmatch(text, cat.key_at(text, 0))
    assert pattern._entries == before


def _section_entries_reference(section, extra=(), disabled=()):
    off = {cat._key(d) for d in disabled}
    base = [e for e in cat.catalogue().get(section, ()) if cat._key(e) not in off]
    return tuple(base) + tuple(e for e in extra if cat._key(e) not in off)


@pytest.mark.parametrize(
    "section, extra, disabled",
    [
        ("navigation", (), ()),
        ("navigation", ["Zzz top"], []),
        ("navigation", iter(["Zzz top"]), iter([])),
        ("navigation", (), ["back  TO top"]),
        ("navigation", ["Zzz top", "zzz TOP"], ["ZZZ top"]),
        ("navigation", (), [" "]),
        ("no such section", ["x"], ()),
        ("no such section", (), ()),
        ("widget", (), ()),
    ],
)
def test_section_entries_as_before(section, extra, disabled):
    extra, disabled = list(extra), list(disabled)
    got = cat.section_entries(section, iter(extra), iter(disabled))
    assert got == _section_entries_reference(section, extra, disabled)
    assert cat.section_entries(section, extra, disabled) == got


_WORD = regex.compile(r"[^\W\d_]+")


def _key_at_reference(text: str, pos: int) -> str:
    """``key_at`` as its docstring says, with the one Unicode word pattern."""
    if pos >= len(text):
        return ""
    char = text[pos]
    if char.isdigit():
        return "#digit"
    if char.isalpha():
        return _WORD.match(text, pos).group(0).casefold()
    return char


KEY_TEXTS = [
    "",
    "a",
    "Read more",
    "Read",
    "Read»",
    "Readé more",
    "Read\u00a0more",
    "Read\u0301 more",
    "Read_more",
    "Read1",
    "ſign up",
    "SİGN",
    "\u212aelvin",
    "Ωmega",
    "naïve",
    "x" * 39,
    "x" * 40,
    "x" * 41,
    "y" * 39 + "é",
    "y" * 40 + "é",
    "y" * 41 + "é",
    "z" * 40 + " tail",
    "z" * 39 + "\u00a0",
    "w" * 80 + "é",
    "w" * 80 + ".",
    "2 min read",
    "© 2024",
    "#hashtag",
    " leading",
]


@pytest.mark.parametrize("text", KEY_TEXTS)
def test_key_at_is_the_word_pattern_at_every_position(text):
    for pos in range(len(text) + 2):
        assert cat.key_at(text, pos) == _key_at_reference(text, pos), (text, pos)


def test_key_at_on_the_fixtures_and_quality_sets():
    texts = []
    for folder in ("benchmarks/quality", "tests/fixtures", "examples"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".txt", ".yaml", ".html"):
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    calls = 0
    for line in "\n".join(texts).splitlines():
        starts = [0] + [m.end() for m in regex.finditer(r"[\s|•·,;/–—-]+", line)]
        for pos in starts:
            assert cat.key_at(line, pos) == _key_at_reference(line, pos), line
            calls += 1
    assert calls > 50_000
