"""A sentence splitter tuned for news copy (abbreviations, initials, quotes)."""

from __future__ import annotations

import re

from newslint.document import Block

# Words after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov rep sen
    pres supt insp rev hon messrs mme mlle no nos vs v etc inc ltd co corp bros
    dept univ assn est approx jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
    miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo u.s u.k u.n
    e.g i.e a.m p.m
    """.split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])")


def split_sentences(prose: str, start: int, end: int) -> list[Block]:
    """Split ``prose[start:end]`` into sentences; offsets are into prose."""
    out: list[Block] = []
    pos = start
    for match in _BOUNDARY.finditer(prose, start, end):
        if match.group(0)[0] == ".":
            word = _last_word(prose, pos, match.start())
            if word:
                token = word.lower().rstrip(".")
                if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                    continue
        _append(out, prose, pos, match.end())
        pos = match.end()
    _append(out, prose, pos, end)
    return out


def _last_word(prose: str, start: int, end: int) -> str:
    r"""The run of word characters and periods that ends ``prose[start:end]``
    (before one final newline), as ``re.search(r"([\w.]+)$", ...)`` finds it,
    walking back from the end instead of scanning the whole sentence."""
    if end > start and prose[end - 1] == "\n":
        end -= 1  # "$" also matches before a final newline
    first = end
    while first > start and (prose[first - 1].isalnum() or prose[first - 1] in "._"):
        first -= 1
    return prose[first:end]


def _append(out: list[Block], prose: str, start: int, end: int) -> None:
    chunk = prose[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        s = start + lead
        out.append(Block(s, s + len(stripped), stripped))
