"""`bestallning ethics ORDER.json [--json]`: the ethics application and decision read against the order.

Exit 0 when the order was read (the check warns, it never fails), 2 when the order file cannot be
read. Relative attachment paths resolve against the order file's folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beställning.cli import EXIT_OK
from beställning.cli._common import print_json, read_order

if TYPE_CHECKING:
    from beställning.ethics import EthicsEntry

MARKS = {"found": "✔", "missing": "⚠", "unreadable": "⚠", "absent": "⚠", "not_applicable": "–"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ethics",
        help="läs etikansökan och etikbeslut mot beställningen",
        description="Läser de bifogade etikhandlingarna (PDF, .docx, .odt) och visar för varje krav som "
        "Försäkringskassan kontrollerar var det står, eller vad som saknas. Varningar ger inte fel: "
        "slutkod 0 när beställningen kunde läsas, 2 när filen inte kan läsas.",
    )
    parser.add_argument("order", metavar="ORDER.json")
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.set_defaults(func=run)


def describe(entry: EthicsEntry) -> str:
    """One entry as a line or two of text: mark, label, quote and place, or what to do."""
    line = f"{MARKS[entry.status]} {entry.label}"
    if entry.quote:
        where = Path(entry.file).name if entry.file else ""
        if entry.page is not None:
            where = f"{where}, s. {entry.page}"
        line += f": ”{entry.quote}”" + (f" ({where})" if where else "")
    if entry.advice:
        line += f"\n    {entry.advice}" if entry.quote else f": {entry.advice}"
    return line


def run(args: argparse.Namespace) -> int:
    from beställning.ethics import check_ethics

    order = read_order(args.order)
    report = check_ethics(order)  # relative attachment paths: the order file's folder (Order.base_dir)
    if args.json:
        print_json(report.to_json())
        return EXIT_OK
    for entry in report.entries:
        print(describe(entry))
    if report.applies:
        warnings = len(report.warnings)
        print(
            f"\n{warnings} krav att kontrollera i etikhandlingarna."
            if warnings
            else "\nAlla krav hittades i etikhandlingarna."
        )
    return EXIT_OK
