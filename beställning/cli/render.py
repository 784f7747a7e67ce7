"""`bestallning render ORDER.json -o OUT.docx [--template FK.docx [--force]]`: write the filled form.

With --template, FK's own form is filled. A form whose title names the other route (a research
order in the form "för statistikändamål", or the reverse) is not written: the warning goes to
stderr and the exit code is EXIT_WRONG_FORM (4), unless --force says to fill it anyway (the
warning is then still printed). Values that found no place are listed with the reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from beställning.cli import EXIT_OK, EXIT_UNREADABLE, CliError
from beställning.cli._common import parse_iso_date, read_order
from beställning.order import Order

EXIT_WRONG_FORM = 4


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="skriv den ifyllda blanketten som .docx",
        description="Skriv den ifyllda beställningsblanketten (.docx). Med "
        "--template fylls Försäkringskassans egen blankett i stället. Är blanketten för det andra "
        f"ändamålet skrivs ingenting och koden blir {EXIT_WRONG_FORM}, om inte --force anges.",
    )
    parser.add_argument("order", metavar="ORDER.json")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    parser.add_argument("--template", metavar="FK.docx", help="Försäkringskassans blankett att fylla i")
    parser.add_argument(
        "--force",
        action="store_true",
        help="fyll i blanketten även om den är för det andra ändamålet (statistik/forskning)",
    )
    parser.add_argument(
        "--as-of",
        metavar="ÅÅÅÅ-MM-DD",
        help="uttagsdatum för täckningsdiagrammet (standard: beställningens önskade leveransdatum, annars i dag)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    order = read_order(args.order)
    out = Path(args.output)
    if out.suffix.lower() != ".docx":
        raise CliError(f"{out}: utfilen ska sluta på .docx.", EXIT_UNREADABLE)
    if args.template and Path(args.template).resolve() == out.resolve():
        raise CliError(f"{out}: utfilen får inte vara samma fil som mallen; välj ett annat namn.", EXIT_UNREADABLE)
    if args.template:
        return _fill(order, Path(args.template), out, force=args.force)
    from beställning.document.render import render_order

    as_of = parse_iso_date(args.as_of, "--as-of") if args.as_of else None
    try:
        render_order(order, out, as_of=as_of)
    except OSError as exc:
        raise CliError(f"{out}: kan inte skriva filen ({exc.strerror}).", EXIT_UNREADABLE) from exc
    print(f"Skrev {out}.")
    return EXIT_OK


def _fill(order: Order, template: Path, out: Path, *, force: bool) -> int:
    from beställning.document.fk_form import TemplateError
    from beställning.document.fk_form.fill import prepare_fill

    try:
        prepared = prepare_fill(order, template)
    except (TemplateError, OSError) as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    report = prepared.report
    if report.route_warning:
        if not force:
            print(
                f"bestallning: {report.route_warning} Ingenting skrevs. Lägg till --force för att fylla i "
                "blanketten ändå.",
                file=sys.stderr,
            )
            return EXIT_WRONG_FORM
        print(f"bestallning: varning: {report.route_warning}", file=sys.stderr)
    try:
        prepared.save(out)
    except OSError as exc:
        raise CliError(f"{out}: kan inte skriva filen ({exc.strerror}).", EXIT_UNREADABLE) from exc
    print(f"Skrev {out}. {report.summary()}")
    for note in report.notes:
        print(f"  Tomt: {note}")
    for placement in report.in_appendix():
        print(f"  I bilagan: {placement.label} – {placement.reason}")
    return EXIT_OK
