"""`bestallning estimate ORDER.json [--as-of YYYY-MM-DD] [--json]`: cost estimate and lag coverage."""

from __future__ import annotations

import argparse
from typing import Any

from beställning.cli import EXIT_OK, EXIT_UNREADABLE, CliError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "estimate",
        help="uppskatta kostnad och täckning för en beställning",
        description="Uppskatta Försäkringskassans arbetstid och avgift (en orientering, inte FK:s offert) "
        "och vilka begärda månader som är kompletta vid uttaget.",
    )
    parser.add_argument("order", metavar="ORDER.json")
    parser.add_argument("--as-of", metavar="ÅÅÅÅ-MM-DD", help="planerat uttagsdatum (standard: i dag)")
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from beställning.cli._common import parse_iso_date, print_json, read_order
    from beställning.cost import CostModelError, OverridesError, estimate
    from beställning.cost import text as fmt
    from beställning.coverage import CoverageError, order_coverage

    as_of = parse_iso_date(args.as_of, "--as-of") if args.as_of else date.today()
    order = read_order(args.order)
    try:
        result = estimate(order, on=as_of)
        coverage = order_coverage(order, as_of)
    except (CostModelError, OverridesError, CoverageError) as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    if args.json:
        data = result.to_dict()
        data["as_of"] = as_of.isoformat()
        data["coverage"] = [c.to_dict() for c in coverage]
        print_json(data)
        return EXIT_OK
    print(f"Uppskattning för {order.title()} (uttag {as_of.isoformat()})")
    print(f"  Arbetstid: {fmt.hours_range(result.hours)}")
    if result.no_charge:
        print(f"  Avgift: ingen. {result.no_charge_reason}")
    else:
        print(f"  Exkl. moms: {fmt.sek_range(result.sek_excl_vat)}")
        print(f"  Inkl. moms ({round(result.vat_rate * 100)} %): {fmt.sek_range(result.sek_incl_vat)}")
    print(f"  Timpris {fmt.sek(result.rate)} exkl. moms, gäller från {result.rate_valid_from}")
    print("Fördelning (förväntade timmar, lågt–högt):")
    for line in result.breakdown:
        detail = f"  [{line.detail}]" if line.detail else ""
        print(f"  {fmt.hours_range(line.hours):>22}  {line.label}{detail}")
    for note in result.notes:
        print(f"OBS: {note}")
    if coverage:
        print("Täckning:")
    for cov in coverage:
        lag = cov.lag.describe() if cov.lag else "okänd"
        through = cov.complete_through or "–"
        print(f"  {cov.name}: fördröjning {lag}; komplett till och med {through}")
        for message in (*((cov.lag_note,) if cov.lag_note else ()), *cov.warnings, *cov.suggestions):
            print(f"    {message}")
    print(result.disclaimer)
    return EXIT_OK
