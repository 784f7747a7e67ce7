"""`bestallning coverage BENEFIT [--as-of YYYY-MM-DD] [--json]`: complete months, without an order."""

from __future__ import annotations

import argparse
from typing import Any

from beställning.cli import EXIT_OK, EXIT_UNREADABLE, CliError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "coverage",
        help="visa fördröjning och senast kompletta månad för en förmån",
        description="Visa en förmåns fördröjning och den senaste månad som är komplett vid ett uttagsdatum. "
        "Med --from/--to visas också vilka begärda månader som inte är kompletta.",
    )
    parser.add_argument("benefit", metavar="FÖRMÅN", help="förmånens id, t.ex. sjuk_rehab")
    parser.add_argument("--as-of", metavar="ÅÅÅÅ-MM-DD", help="planerat uttagsdatum (standard: i dag)")
    parser.add_argument("--from", dest="period_from", default="", metavar="ÅÅÅÅ-MM", help="periodens början")
    parser.add_argument("--to", dest="period_to", default="", metavar="ÅÅÅÅ-MM", help="periodens slut")
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from beställning.cli._common import parse_cli_month, parse_iso_date, print_json
    from beställning.cost import OverridesError
    from beställning.coverage import CoverageError, benefit_coverage, catalog_lookup

    as_of = parse_iso_date(args.as_of, "--as-of") if args.as_of else date.today()
    period_from = parse_cli_month(args.period_from, "--from") if args.period_from else args.period_from
    period_to = parse_cli_month(args.period_to, "--to") if args.period_to else args.period_to
    try:
        info = catalog_lookup()(args.benefit)
        cov = benefit_coverage(info, as_of, period_from, period_to)
    except (CoverageError, OverridesError) as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    if args.json:
        print_json(cov.to_dict())
        return EXIT_OK
    lag = cov.lag
    print(f"{cov.name} ({cov.register})")
    if lag is not None:
        print(f"  Fördröjning: {lag.describe()}")
        print(f"  Underlag: {lag.basis}")
        print(f"  Källa: {lag.source}")
    scope = f" för {lag.scope}" if lag is not None and lag.scope else ""
    print(f"  Vid uttag {as_of.isoformat()} är data{scope} kompletta till och med {cov.complete_through}.")
    for message in (*cov.warnings, *cov.suggestions):
        if cov.status == "no_period" and message.endswith("kompletta."):
            continue  # no period asked for: nothing to warn about
        print(f"  {message}")
    return EXIT_OK
