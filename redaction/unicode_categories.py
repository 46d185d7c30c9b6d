"""Characters of Unicode general categories, found by one scan of every code point per process.

The extractor (what a reader sees) and the verifier (what must not survive) each drop invisible
characters; both ask here, so the million code points are read once, not once each.
"""

from __future__ import annotations

import functools
import sys
import unicodedata


@functools.cache
def _by_category() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        found.setdefault(unicodedata.category(char), set()).add(char)
    return {category: frozenset(chars) for category, chars in found.items()}


def characters(*categories: str) -> frozenset[str]:
    """Every character whose general category is one of `categories` ("Cf", "Mn" ...)."""
    table = _by_category()
    return frozenset().union(*(table.get(category, frozenset()) for category in categories))
