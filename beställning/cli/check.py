"""`bestallning check ORDER.json [--json]`: the gate's dry run (exit 0 sendable, 1 blocking, 2 unreadable).

The same answer the send gate gives: validation, missing and unreadable attachments, and the
personnummer scan of the attachments and the order's free text. The ethics application read against
the order adds warnings (it never blocks). Nothing is written.
"""

from __future__ import annotations

import argparse
from typing import Any

from beställning.cli import EXIT_OK, EXIT_PROBLEMS
from beställning.cli._common import print_json, read_order


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="kontrollera en beställning",
        description="Kontrollera en beställning som spärren gör före sändning: fält, bilagor och "
        "personnummer i bilagor och fritext. Slutkod 0: kan skickas, 1: blockerande problem, "
        "2: filen kan inte läsas.",
    )
    parser.add_argument("order", metavar="ORDER.json")
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.add_argument("--from", dest="sender", default="", metavar="ADRESS", help="avsändaradress")
    parser.add_argument("--max-mb", type=float, metavar="MB", help="största storlek på meddelandet")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from beställning.cli.package import gate_options
    from beställning.ethics import check_ethics
    from beställning.form import load_form
    from beställning.send.gate import dry_run

    order = read_order(args.order)
    verdict = dry_run(order, gate_options(args))
    problems = verdict.problems
    ethics = check_ethics(order)  # warns, never blocks: FK may ask for a supplement
    if args.json:
        print_json(
            {
                "order": args.order,
                "route": order.route,
                "sendable": verdict.sendable,
                "problems": [
                    {"field": p.field, "section": p.section, "severity": p.severity, "message": p.message}
                    for p in problems
                ],
                "scan": verdict.to_json(),
                "ethics": ethics.to_json(),
            }
        )
        return EXIT_OK if verdict.sendable else EXIT_PROBLEMS
    form = load_form()
    for problem in problems:
        label = form.field(problem.field).label if form.has_field(problem.field) else problem.field
        kind = "FEL" if problem.blocking else "varning"
        print(f"{kind}: {label}: {problem.message}")
    guard_lines = verdict.errors + (verdict.guard.messages() if verdict.guard else [])
    for line in guard_lines:
        print(f"FEL: {line}" if not line.startswith("  ") else line)
    for note in verdict.guard.scan.notes if verdict.guard else []:
        print(f"Obs: {note}")
    for entry in ethics.warnings:
        print(f"varning: Etikansökan: {entry.describe()}")
    if verdict.sendable:
        print(f"Beställningen kan skickas ({len(problems)} varningar).")
    else:
        print(f"{verdict.blocking_count} blockerande problem måste rättas innan beställningen kan skickas.")
    return EXIT_OK if verdict.sendable else EXIT_PROBLEMS
