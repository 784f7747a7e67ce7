"""`bestallning scan FILE… [--json]`: look for personnummer in files before they are sent.

Exit 0 when clean, 1 when any personnummer or samordningsnummer is found (listed with file, place
and the number masked), 2 when a file cannot be read (and which).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from beställning.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="sök efter personnummer i filer",
        description="Granskar filer (.csv, .txt, .xlsx, .docx, .pdf, .zip m.fl.) efter personnummer och "
        "samordningsnummer. Slutkod 0: inga hittades, 1: hittades, 2: en fil kunde inte läsas.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FIL", help="filer att granska")
    parser.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from beställning.send.guard import KEY_FILE_ADVICE
    from beställning.send.scan import ScanReport, scan_path

    report = ScanReport()
    for path in args.files:
        report.merge(scan_path(path))
    code = EXIT_PROBLEMS if report.findings else EXIT_OK
    if report.unreadable:
        code = EXIT_UNREADABLE
    if args.json:
        data = {
            "findings": [
                {"file": f.source, "place": f.place, "masked": f.masked, "kind": f.kind} for f in report.findings
            ],
            "unreadable": [{"file": u.source, "reason": u.reason} for u in report.unreadable],
            "notes": report.notes,
            "exit_code": code,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return code
    for finding in report.findings:
        print(finding.describe())
    for item in report.unreadable:
        print(f"Kunde inte läsas: {item.describe()}", file=sys.stderr)
    for note in report.notes:
        print(f"Obs: {note}", file=sys.stderr)
    if report.findings:
        print(f"\n{len(report.findings)} personnummer hittades. {KEY_FILE_ADVICE}")
    elif not report.unreadable:
        print(f"Inga personnummer hittades i {len(args.files)} fil(er).")
    return code
