"""`bestallning scan FILE… [--json] [--clearances FILE.json] [--formats]`: look for personnummer in files.

Exit 0 when clean, 1 when any personnummer or samordningsnummer is found (listed with file, place
and the number masked), 2 when a file cannot be read (and which). Findings cleared in the
clearances file ("inte ett personnummer", for an unchanged file) are listed but do not count.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from beställning.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE


def register(subparsers: Any) -> None:
    from beställning.send.scan.formats import format_lines

    parser = subparsers.add_parser(
        "scan",
        help="sök efter personnummer i filer",
        description="Granskar filer efter personnummer och samordningsnummer. Slutkod 0: inga hittades, "
        "1: hittades (eller bilder och sidor utan text att titta på), 2: en fil kunde inte granskas.",
        epilog="\n".join(format_lines()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FIL", help="filer att granska")
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.add_argument(
        "--clearances",
        type=Path,
        metavar="FIL.json",
        help="avskrivna fynd (”inte ett personnummer”) som JSON-lista; gäller bara oförändrade filer",
    )
    parser.add_argument("--formats", action="store_true", help="visa vilka filformat som granskas och avsluta")
    parser.set_defaults(func=run)


def _load_clearances(path: Path) -> list[Any] | str:
    from beställning.send.scan import ClearanceError, clearances_from_json

    try:
        return list(clearances_from_json(json.loads(path.read_text(encoding="utf-8"))))
    except FileNotFoundError:
        return f"Filen med avskrivna fynd finns inte: {path}"
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return f"Filen med avskrivna fynd kan inte läsas ({exc}). Kontrollera att den är JSON."
    except ClearanceError as exc:
        return f"{path}: {exc}"


def run(args: argparse.Namespace) -> int:
    from beställning.send.guard import KEY_FILE_ADVICE, LOOK_ADVICE
    from beställning.send.scan import ScanReport, apply_clearances, format_lines, scan_path

    if args.formats:
        print("\n".join(format_lines()))
        return EXIT_OK
    if not args.files:
        print("Ange minst en fil att granska (eller --formats).", file=sys.stderr)
        return EXIT_UNREADABLE
    clearances: list[Any] = []
    if args.clearances is not None:
        loaded = _load_clearances(args.clearances)
        if isinstance(loaded, str):
            print(loaded, file=sys.stderr)
            return EXIT_UNREADABLE
        clearances = loaded

    report = ScanReport()
    for path in args.files:
        report.merge(scan_path(path))
    report = apply_clearances(report, clearances)
    code = EXIT_PROBLEMS if report.findings else EXIT_OK
    if report.unreadable:
        code = EXIT_UNREADABLE
    if args.json:
        data = {
            "findings": [_finding_json(f) for f in report.findings],
            "cleared": [_finding_json(f) for f in report.cleared],
            "unreadable": [{"file": u.source, "reason": u.reason} for u in report.unreadable],
            "notes": report.notes,
            "exit_code": code,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return code
    for finding in report.findings:
        print(finding.describe())
    for finding in report.cleared:
        print(f"Avskrivet (inte ett personnummer): {finding.describe()}")
    for item in report.unreadable:
        print(f"Kunde inte granskas: {item.describe()}", file=sys.stderr)
    for note in report.notes:
        print(f"Obs: {note}", file=sys.stderr)
    numbers = [finding for finding in report.findings if not finding.to_look_at]
    pictures = len(report.findings) - len(numbers)
    if numbers:
        print(f"\n{len(numbers)} personnummer hittades. {KEY_FILE_ADVICE}")
    if pictures:
        print(f"\n{pictures} bild(er) eller sidor utan text att titta på själv. {LOOK_ADVICE}")
    if not report.findings and not report.unreadable:
        print(f"Inga personnummer hittades i {len(args.files)} fil(er).")
    return code


def _finding_json(finding: Any) -> dict[str, str]:
    return {
        "file": finding.source,
        "place": finding.place,
        "masked": finding.masked,
        "kind": finding.kind,
        "id": finding.identity,
        "file_sha256": finding.file_sha256,
        "context": finding.context,
    }
