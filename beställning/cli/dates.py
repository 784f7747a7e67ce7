"""`bestallning dates --sent YYYY-MM-DD [--delivered YYYY-MM-DD] [--json]`: FK's process dates.

Confirmation due on the second Swedish working day after sending; invoice expected from delivery
+ 1 month to + 3 months; retention (gallring) ends six calendar months after delivery.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from beställning.cli import EXIT_OK, EXIT_UNREADABLE, CliError
from beställning.cli._common import parse_iso_date


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "dates",
        help="räkna ut datum i Försäkringskassans process",
        description="Räkna ut när mottagningsbekräftelsen ska komma (andra svenska arbetsdagen efter "
        "att beställningen skickades), när fakturan väntas (1–3 månader efter leverans) och när FK "
        "gallrar levererade filer (sex månader efter leverans).",
    )
    parser.add_argument("--sent", required=True, metavar="ÅÅÅÅ-MM-DD", help="dagen beställningen skickades")
    parser.add_argument("--delivered", metavar="ÅÅÅÅ-MM-DD", help="dagen FK levererade")
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.set_defaults(func=run)


def compute(sent: date, delivered: date | None) -> dict[str, str | None]:
    from beställning.process import confirmation_due, invoice_expected, retention_ends

    invoice = invoice_expected(delivered) if delivered else None
    return {
        "sent": sent.isoformat(),
        "delivered": delivered.isoformat() if delivered else None,
        "confirmation_due": confirmation_due(sent).isoformat(),
        "invoice_expected_from": invoice[0].isoformat() if invoice else None,
        "invoice_expected_to": invoice[1].isoformat() if invoice else None,
        "retention_ends": retention_ends(delivered).isoformat() if delivered else None,
    }


def run(args: argparse.Namespace) -> int:
    sent = parse_iso_date(args.sent, "--sent")
    delivered = parse_iso_date(args.delivered, "--delivered") if args.delivered else None
    if delivered is not None and delivered < sent:
        raise CliError("--delivered kan inte vara före --sent.", EXIT_UNREADABLE)
    result = compute(sent, delivered)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"Skickad:                      {result['sent']}")
    print(f"Mottagningsbekräftelse senast: {result['confirmation_due']} (andra arbetsdagen efter)")
    if delivered is None:
        print("Ange --delivered för att få fakturadatum och gallring.")
        return EXIT_OK
    print(f"Levererad:                    {result['delivered']}")
    print(
        f"Faktura väntas:               {result['invoice_expected_from']} – {result['invoice_expected_to']}"
    )
    print(f"FK gallrar filerna:           {result['retention_ends']} (om inte längre lagring beställts)")
    return EXIT_OK
