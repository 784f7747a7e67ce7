"""Folding text for search and matching: case, å/ä/ö and other accents, and whitespace ignored.

"forald" must find "föräldrapenning": both fold to plain ASCII-like lowercase.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "\u00a0": " ", "–": "-", "—": "-"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase without diacritics; runs of whitespace become one space."""
    lowered = text.casefold().translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def fold_uncached(text: str) -> str:
    """Like fold, for long texts that should not fill the cache."""
    return fold.__wrapped__(text)
