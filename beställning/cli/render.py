"""`bestallning render ORDER.json -o OUT.docx [--template FK.docx]`: write the filled form."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from beställning.cli import EXIT_OK, EXIT_UNREADABLE, CliError
from beställning.cli._common import parse_iso_date, read_order


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="skriv den ifyllda blanketten som .docx",
        description="Skriv den ifyllda beställningsblanketten (.docx). Med "
        "--template fylls Försäkringskassans egen blankett i stället.",
    )
    parser.add_argument("order", metavar="ORDER.json")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    parser.add_argument("--template", metavar="FK.docx", help="Försäkringskassans blankett att fylla i")
    parser.add_argument(
        "--as-of", metavar="ÅÅÅÅ-MM-DD", help="uttagsdatum för täckningsdiagrammet (standard: i dag)"
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
        from beställning.document.fk_form import TemplateError, fill_fk_form

        try:
            report = fill_fk_form(order, Path(args.template), out)
        except (TemplateError, OSError) as exc:
            raise CliError(str(exc), EXIT_UNREADABLE) from exc
        print(f"Skrev {out}. {report.summary()}")
        return EXIT_OK
    from beställning.document.render import render_order

    as_of = parse_iso_date(args.as_of, "--as-of") if args.as_of else None
    try:
        render_order(order, out, as_of=as_of)
    except OSError as exc:
        raise CliError(f"{out}: kan inte skriva filen ({exc.strerror}).", EXIT_UNREADABLE) from exc
    print(f"Skrev {out}.")
    return EXIT_OK
