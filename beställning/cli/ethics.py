"""`bestallning ethics ORDER.json [--json]`: the ethics application and decision read against the order.

Exit 0 when the order was read (the check warns, it never fails), 2 when the order file cannot be
read. Relative attachment paths resolve against the order file's folder.
"""

from __future__ import annotations

import argparse
from typing import Any

from beställning.cli import EXIT_OK
from beställning.cli._common import print_json, read_order


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


def run(args: argparse.Namespace) -> int:
    from beställning.ethics import check_ethics

    order = read_order(args.order)
    report = check_ethics(order)  # relative attachment paths: the order file's folder (Order.base_dir)
    if args.json:
        print_json(report.to_json())
        return EXIT_OK
    for entry in report.entries:
        print(entry.describe())
    if report.applies:
        warnings = len(report.warnings)
        print(
            f"\n{warnings} krav att kontrollera i etikhandlingarna."
            if warnings
            else "\nAlla krav hittades i etikhandlingarna."
        )
    return EXIT_OK
