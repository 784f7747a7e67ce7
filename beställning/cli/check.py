"""`bestallning check ORDER.json [--json]`: validate an order (exit 0 sendable, 1 blocking, 2 unreadable)."""

from __future__ import annotations

import argparse
from typing import Any

from beställning.cli import EXIT_OK, EXIT_PROBLEMS
from beställning.cli._common import print_json, read_order


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="kontrollera en beställning",
        description="Kontrollera en beställning. Slutkod 0: kan skickas, "
        "1: blockerande problem, 2: filen kan inte läsas.",
    )
    parser.add_argument("order", metavar="ORDER.json")
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from beställning.form import load_form
    from beställning.validation import is_sendable, validate

    order = read_order(args.order)
    problems = validate(order)
    sendable = is_sendable(problems)
    if args.json:
        print_json(
            {
                "order": args.order,
                "route": order.route,
                "sendable": sendable,
                "problems": [
                    {"field": p.field, "section": p.section, "severity": p.severity, "message": p.message}
                    for p in problems
                ],
            }
        )
    else:
        form = load_form()
        for problem in problems:
            label = form.field(problem.field).label if form.has_field(problem.field) else problem.field
            kind = "FEL" if problem.blocking else "varning"
            print(f"{kind}: {label}: {problem.message}")
        blocking = sum(p.blocking for p in problems)
        if sendable:
            print(f"Beställningen kan skickas ({len(problems)} varningar).")
        else:
            print(f"{blocking} blockerande problem måste rättas innan beställningen kan skickas.")
    return EXIT_OK if sendable else EXIT_PROBLEMS
