"""Synthetic personnummer and samordningsnummer for tests: a real date and a valid Luhn digit, never a real person's."""

from __future__ import annotations

import random
from datetime import date, timedelta

from beställning.formats import luhn_ok


def with_check(nine: str) -> str:
    """Nine digits YYMMDDNNN completed with the Luhn check digit."""
    return next(nine + str(c) for c in range(10) if luhn_ok(nine + str(c)))


def make_numbers(count: int, seed: int = 10, coordination: bool = False, born_2000s: bool = False) -> list[str]:
    """`count` ten-digit numbers YYMMDDNNNC; samordningsnummer add 60 to the day."""
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        start = date(2000, 1, 1) if born_2000s else date(1930, 1, 1)
        span = 3650 if born_2000s else 25000
        born = start + timedelta(days=rng.randrange(span))
        day = born.day + (60 if coordination else 0)
        nine = f"{born:%y%m}{day:02d}{rng.randrange(1000):03d}"
        out.append(with_check(nine))
    return out


def dashed(ten: str) -> str:
    return f"{ten[:6]}-{ten[6:]}"


def masked(ten: str) -> str:
    return f"{ten[:6]}-****"
