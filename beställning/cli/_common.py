"""Helpers shared by the CLI commands."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from beställning.cli import EXIT_UNREADABLE, CliError
from beställning.order import Order, OrderFileError, load_order


def read_order(path: str) -> Order:
    """Load an order file or fail with one clear line (exit 2)."""
    try:
        return load_order(Path(path))
    except OrderFileError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc


FIRST_YEAR, LAST_YEAR = 1900, 2199  # dates outside these are typing mistakes, and break date arithmetic


def parse_iso_date(value: str, option: str) -> date:
    """A YYYY-MM-DD option value between 1900 and 2199, or a one-line CliError."""
    try:
        parsed = date.fromisoformat(value)
    except ValueError as exc:
        raise CliError(f"{option} ska vara ett datum ÅÅÅÅ-MM-DD, inte {value!r}.", EXIT_UNREADABLE) from exc
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise CliError(f"{option}: {value} ligger utanför åren {FIRST_YEAR}–{LAST_YEAR}.", EXIT_UNREADABLE)
    return parsed


def parse_cli_month(value: str, option: str) -> str:
    """A YYYY-MM option value (a period bound), or a one-line CliError."""
    from beställning.formats import parse_month

    parsed = parse_month(value)
    if parsed is None or not FIRST_YEAR <= parsed[0] <= LAST_YEAR:
        raise CliError(f"{option} ska vara en månad ÅÅÅÅ-MM mellan {FIRST_YEAR} och {LAST_YEAR}, inte {value!r}.",
                       EXIT_UNREADABLE)
    return f"{parsed[0]:04d}-{parsed[1]:02d}"


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
