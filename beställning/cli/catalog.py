"""`bestallning catalog`: browse, search and import the variable catalog (variabelkatalog)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from beställning.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CliError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "catalog",
        help="Variabelkatalogen: lista, sök, visa förmåner och importera FK:s variabellistor.",
        description="Variabelkatalogen: vad FK kan leverera per förmån.",
    )
    sub = parser.add_subparsers(dest="catalog_command", metavar="ÅTGÄRD", required=True)
    p_list = sub.add_parser("list", help="Lista alla förmåner.")
    p_list.add_argument("--json", action="store_true", help="Skriv JSON.")
    p_search = sub.add_parser("search", help="Sök i alla listor (skiftlägesokänsligt, å/ä/ö som a/o).")
    p_search.add_argument("query", metavar="SÖKORD")
    p_search.add_argument("--json", action="store_true", help="Skriv JSON.")
    p_show = sub.add_parser("show", help="Visa en förmån och dess variabler.")
    p_show.add_argument("benefit", metavar="FÖRMÅN", help="Förmånens id, t.ex. sjuk_rehab.")
    p_show.add_argument("--json", action="store_true", help="Skriv JSON.")
    p_import = sub.add_parser("import", help="Importera FK:s variabellista (.xlsx).")
    p_import.add_argument("file", metavar="FIL.xlsx")
    p_import.add_argument("--benefit", metavar="FÖRMÅN", help="Förmånens id om den inte framgår av filen.")
    p_import.add_argument("--json", action="store_true", help="Skriv JSON.")
    p_restore = sub.add_parser("restore", help="Återställ förmånens föregående lista.")
    p_restore.add_argument("benefit", metavar="FÖRMÅN")
    p_restore.add_argument("--json", action="store_true", help="Skriv JSON.")
    parser.set_defaults(func=run)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _variable_json(variable: Any) -> dict[str, Any]:
    return {
        "id": variable.id,
        "table": variable.table,
        "name": variable.name,
        "label": variable.label,
        "description": variable.description,
        "type": variable.type,
        "value_set": variable.value_set,
        "notes": variable.notes,
        "source": variable.source,
        "concept": variable.concept,
        "confidence": variable.confidence,
    }


def _benefit_json(catalog: Any, benefit: Any) -> dict[str, Any]:
    info = catalog.list_info(benefit.id)
    return {
        "id": benefit.id,
        "name": benefit.name,
        "area": benefit.area,
        "register": benefit.register,
        "has_list": benefit.has_list,
        "variable_count": len(catalog.variables(benefit.id)),
        "provenance": info.display(),
    }


def run(args: argparse.Namespace) -> int:
    from beställning.catalog import load_catalog
    from beställning.catalog.loader import CatalogDataError

    try:
        catalog = load_catalog()
    except CatalogDataError as exc:
        raise CliError(f"katalogen kan inte läsas: {exc}") from exc
    command = args.catalog_command
    if command == "list":
        rows = [_benefit_json(catalog, b) for b in catalog.benefits]
        if args.json:
            _print_json(rows)
        else:
            for row in rows:
                lista = "lista" if row["has_list"] else "utan lista"
                print(f"{row['id']:<28} {row['name']:<46} {row['register']:<14} {lista:<10} {row['variable_count']:>4}")
        return EXIT_OK
    if command == "search":
        return _search(catalog, args)
    if command == "show":
        return _show(catalog, args)
    if command == "import":
        return _import(args)
    if command == "restore":
        return _restore(catalog, args)
    raise CliError(f"okänd åtgärd {command}")


def _benefit_or_fail(catalog: Any, benefit_id: str) -> Any:
    try:
        return catalog.benefit(benefit_id)
    except KeyError:
        known = ", ".join(b.id for b in catalog.benefits)
        raise CliError(f"okänd förmån '{benefit_id}'. Kända förmåner: {known}.", EXIT_PROBLEMS) from None


def _search(catalog: Any, args: argparse.Namespace) -> int:
    from beställning.catalog.search import SearchIndex

    result = SearchIndex(catalog).search(args.query)
    if args.json:
        _print_json(
            {
                "query": args.query,
                "benefits": [b for b in result.benefit_ids if b in result.benefit_matches],
                "variables": [{"benefit": v.benefit_id, **_variable_json(v)} for v in result.variables],
            }
        )
        return EXIT_OK
    for benefit_id in result.benefit_ids:
        if benefit_id in result.benefit_matches:
            print(f"Förmån: {benefit_id} ({catalog.benefit(benefit_id).name})")
    for variable in result.variables:
        print(f"{variable.benefit_id:<28} {variable.table:<28} {variable.name}")
    if not result.variables and not result.benefit_matches:
        print(f"Inga träffar för '{args.query}'.")
    return EXIT_OK


def _show(catalog: Any, args: argparse.Namespace) -> int:
    from beställning.catalog.citations import readable_source

    benefit = _benefit_or_fail(catalog, args.benefit)
    variables = catalog.variables(benefit.id)
    if args.json:
        data = _benefit_json(catalog, benefit)
        data["description"] = benefit.description
        data["lag"] = {
            "months": benefit.lag.months,
            "estimate": benefit.lag.estimate,
            "basis": benefit.lag.basis,
            "source": benefit.lag.source,
        }
        data["key_figures"] = [
            {
                "label": f.label,
                "value": f.value,
                "unit": f.unit,
                "year": f.year,
                "source": f.source,
                "note": f.note,
            }
            for f in benefit.key_figures
        ]
        data["source"] = benefit.source
        data["variables"] = [_variable_json(v) for v in variables]
        _print_json(data)
        return EXIT_OK
    info = catalog.list_info(benefit.id)
    print(f"{benefit.name} ({benefit.id}) – {benefit.area}, {benefit.register}")
    print(benefit.description)
    estimate = " (uppskattning)" if benefit.lag.estimate else ""
    print(f"Fördröjning: {benefit.lag.months} månader{estimate}. {benefit.lag.basis}")
    for figure in benefit.key_figures:
        print(f"  {figure.label} {figure.year}: {figure.display()} ({readable_source(figure.source, catalog.sources)})")
    print(f"Variabler: {len(variables)} – {info.display()}")
    if not benefit.has_list:
        print("FK har ingen variabellista för förmånen: beskriv era önskemål, så föreslår FK variabler.")
    for table in catalog.tables(benefit.id):
        print(f"  {table or '(ingen tabell)'}")
        for variable in catalog.table_variables(benefit.id, table):
            print(f"    {variable.name}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from beställning.catalog.errors import ListImportError
    from beställning.catalog.imports import import_official_list

    try:
        outcome = import_official_list(Path(args.file), args.benefit)
    except ListImportError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    diff = outcome.diff
    if args.json:
        _print_json(
            {
                "benefit": outcome.stored.benefit_id,
                "variable_count": len(outcome.stored.variables),
                "imported_at": outcome.stored.info.imported_at,
                "sha256": outcome.stored.info.sha256,
                "sheets_used": list(outcome.parsed.sheets_used),
                "sheets_skipped": list(outcome.parsed.sheets_skipped),
                "warnings": list(outcome.warnings),
                "added": [v.name for v in diff.added],
                "removed": [v.name for v in diff.removed],
                "changed": [c.describe() for c in diff.changed],
                "affected_orders": [
                    {"path": str(a.path), "title": a.title, "variables": list(a.variables)} for a in outcome.affected
                ],
            }
        )
        return EXIT_OK
    print(
        f"Importerade {len(outcome.stored.variables)} variabler för {outcome.stored.benefit_id} "
        f"från {outcome.parsed.file_name} (blad: {', '.join(outcome.parsed.sheets_used)})."
    )
    print(f"Jämfört med föregående lista: {diff.summary()}.")
    for warning in outcome.warnings:
        print(f"Obs: {warning}")
    for affected in outcome.affected:
        print(f"Berörd beställning: {affected.title} ({affected.path}): {', '.join(affected.variables)}")
    return EXIT_OK


def _restore(catalog: Any, args: argparse.Namespace) -> int:
    from beställning.catalog.imports import restore_previous_list
    from beställning.catalog.store import StoreError

    benefit = _benefit_or_fail(catalog, args.benefit)
    try:
        restored, diff = restore_previous_list(benefit.id)
    except StoreError as exc:
        raise CliError(str(exc), EXIT_PROBLEMS) from exc
    what = restored.info.display() if restored else "Sammanställd från offentliga källor (medföljande lista)"
    if args.json:
        _print_json({"benefit": benefit.id, "now": what, "summary": diff.summary()})
    else:
        print(f"{benefit.name}: nu används {what}. Ändring: {diff.summary()}.")
    return EXIT_OK
