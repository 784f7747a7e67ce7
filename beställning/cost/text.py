"""Swedish display of estimates: '26 350 kr', '31 h', '16–57 h', shared by the CLI and the UI."""

from __future__ import annotations

from beställning.cost.model import Range

NBSP = "\u00a0"


def sek(value: float) -> str:
    """Whole kronor with a (non-breaking) space as thousands separator: '26 350 kr'."""
    return f"{round(value):,}".replace(",", NBSP) + f"{NBSP}kr"


def hours(value: float) -> str:
    """Hours with a decimal comma when needed: '31 h', '1,5 h'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text}{NBSP}h"


def hours_range(value: Range) -> str:
    """'31 h (16–57 h)': expected first, then low–high."""
    low, high = hours(value.low).removesuffix(f"{NBSP}h"), hours(value.high)
    return f"{hours(value.expected)} ({low}–{high})"


def sek_range(value: Range) -> str:
    """'26 350 kr (13 600–48 450 kr)'."""
    low = sek(value.low).removesuffix(f"{NBSP}kr")
    return f"{sek(value.expected)} ({low}–{sek(value.high)})"
