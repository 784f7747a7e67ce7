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


def parse_iso_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CliError(f"{option} ska vara ett datum ÅÅÅÅ-MM-DD, inte {value!r}.", EXIT_UNREADABLE) from exc


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
