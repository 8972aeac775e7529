"""The cheap path normalisation of discovery and the cache key equals the
os.path one on every path shape (POSIX)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.cache import _key_path
from newslint.discovery import _absolute, _display

PARTS = st.sampled_from(["a", "b.md", ".", "..", "", ".h", "x.", "c d", "é"])
PATHS = st.builds(
    lambda lead, parts, trail: lead + "/".join(parts) + trail,
    st.sampled_from(["", "/", "//", "./", "../"]),
    st.lists(PARTS, max_size=6),
    st.sampled_from(["", "/", "/."]),
)


@pytest.mark.skipif(os.sep != "/", reason="the fast path is POSIX only")
@given(PATHS)
def test_fast_paths_match_os_path(path: str) -> None:
    if path:
        assert _display(path) == os.path.normpath(path)
    assert _absolute(path) == os.path.abspath(path)
    assert _key_path(path) == os.path.abspath(path)
