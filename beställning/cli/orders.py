"""`bestallning orders`: the order register from the command line, for data managers and scripts.

- `orders [--json]`: every order (drafts too) with status and next step;
- `orders record ID STEP [--date YYYY-MM-DD] [--note TEXT]`: record a step of FK's process (exit 1
  with the reason when a step it follows is not recorded);
- `orders export ID -o FILE.zip` and `orders import FILE.zip`: hand an order over with its history.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from beställning.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CliError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "orders",
        help="lista beställningarna i registret",
        description="Lista alla beställningar (även utkast) med väg, projekt, beställare, status, "
        "nästa steg och påminnelser.",
    )
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.set_defaults(func=run)
    actions = parser.add_subparsers(dest="action", metavar="ÅTGÄRD")
    record = actions.add_parser(
        "record",
        help="registrera ett steg i Försäkringskassans process",
        description="Registrera att ett steg har hänt. Steg: " + ", ".join(_step_ids()) + ".",
    )
    record.add_argument("id", metavar="ID", help="beställningens id (se bestallning orders --json)")
    record.add_argument("step", metavar="STEG", help="stegets id, t.ex. confirmation, draft_quote, decision")
    record.add_argument("--date", metavar="ÅÅÅÅ-MM-DD", help="när det hände (annars i dag)")
    record.add_argument("--note", default="", metavar="TEXT", help="en anteckning, t.ex. FK:s diarienummer")
    record.set_defaults(func=run_record)
    export = actions.add_parser("export", help="exportera en beställning med historik som .zip")
    export.add_argument("id", metavar="ID")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FIL.zip")
    export.set_defaults(func=run_export)
    imported = actions.add_parser("import", help="importera en beställning från en exportfil (.zip)")
    imported.add_argument("source", type=Path, metavar="FIL.zip")
    imported.set_defaults(func=run_import)


def _step_ids() -> list[str]:
    from beställning.process import STEP_IDS

    return list(STEP_IDS)


def run_record(args: argparse.Namespace) -> int:
    from datetime import date

    from beställning.cli._common import parse_iso_date
    from beställning.process import STEP_BY_ID
    from beställning.register import RegisterError, StepOrderError
    from beställning.repository import OrderRepository

    if args.step not in STEP_BY_ID:
        raise CliError(f"okänt steg {args.step!r}. Stegen är: {', '.join(_step_ids())}.", EXIT_UNREADABLE)
    day = parse_iso_date(args.date, "--date") if args.date else date.today()
    try:
        OrderRepository().record_step(args.id, args.step, day, args.note)
    except StepOrderError as exc:
        raise CliError(f"{exc} (bestallning orders record {args.id} {exc.missing} --date …)", EXIT_PROBLEMS) from exc
    except RegisterError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    print(f"Registrerat: {STEP_BY_ID[args.step].title} {day.isoformat()}.")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from beställning.register import RegisterError
    from beställning.register.transfer import export_order
    from beställning.repository import OrderRepository

    try:
        with OrderRepository().register() as register:
            path = export_order(register, args.id, args.output)
    except RegisterError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    print(f"Exporterad: {path}")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from beställning.register import RegisterError
    from beställning.register.transfer import import_order
    from beställning.repository import OrderRepository

    try:
        with OrderRepository().register() as register:
            order = import_order(register, args.source)
    except RegisterError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    print(f"Importerad: {order.title()} (id {order.id})")
    return EXIT_OK


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from beställning.register import RegisterError
    from beställning.register.overview import overview
    from beställning.repository import OrderRepository

    try:
        with OrderRepository().register() as register:
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
