"""`bestallning orders [--json]`: every order in the register, drafts too, with status and next step."""

from __future__ import annotations

import argparse
import json
from typing import Any

from beställning.cli import EXIT_OK, EXIT_UNREADABLE, CliError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "orders",
        help="lista beställningarna i registret",
        description="Lista alla beställningar (även utkast) med väg, projekt, beställare, status, "
        "nästa steg och påminnelser.",
    )
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.set_defaults(func=run)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from beställning.register import Register, RegisterError
    from beställning.register.overview import overview

    try:
        with Register() as register:
            rows, problems = overview(register, date.today())
    except RegisterError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    if args.json:
        print(
            json.dumps(
                {"orders": [r.to_json() for r in rows], "problems": problems}, ensure_ascii=False, indent=2
            )
        )
        return EXIT_OK
    if not rows:
        print("Inga beställningar ännu.")
    header = f"{'Väg':10} {'Projekt':36} {'Beställare':28} {'Status':18} {'Nästa steg':38} Datum"
    if rows:
        print(header)
    for row in rows:
        when = row.next_date.isoformat() if row.next_date else ""
        if row.next_overdue:
            when += " (passerat)"
        print(
            f"{row.route_label:10} {_cut(row.project, 36):36} {_cut(row.orderer, 28):28} "
            f"{_cut(row.status, 18):18} {_cut(row.next_step, 38):38} {when}"
        )
        for reminder in row.reminders:
            print(f"    ! {reminder.message}")
    for problem in problems:
        print(f"varning: {problem}")
    return EXIT_OK
