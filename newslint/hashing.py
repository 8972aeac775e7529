"""BLAKE2b without importing ``hashlib``.

``hashlib`` loads OpenSSL at import (about 5 ms, paid by every commit's run);
its ``blake2b`` is the one from the ``_blake2`` extension, imported here
directly, with ``hashlib`` as the fallback on interpreters that lack it.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b

__all__ = ["blake2b"]
