"""`bestallning package ORDER.json -o OUT.eml`: build the email with all attachments, checked, as a draft.

Exit 0 when the draft is written, 1 when the guard stops it (missing attachment, personnummer, a file
that cannot be checked, too big), 2 when the order cannot be read or a file cannot be made. The order
file itself is not changed.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from beställning.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CliError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "package",
        help="packa beställningen som e-postutkast (.eml)",
        description="Skapar e-postmeddelandet till Försäkringskassan med alla bilagor som ett utkast "
        "(.eml, öppnas i t.ex. Outlook) efter att personnummerspärren och checklistan har granskat det.",
    )
    parser.add_argument("order", metavar="BESTÄLLNING", help="beställningsfilen (.json)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="UT.eml", help="utkastets filnamn")
    parser.add_argument("--folder", type=Path, metavar="MAPP", help="spara också hela paketet i en ny mapp här")
    parser.add_argument("--from", dest="sender", default="", metavar="ADRESS", help="avsändaradress")
    parser.add_argument("--max-mb", type=float, metavar="MB", help="största storlek på meddelandet")
    parser.set_defaults(func=run)


def check_limit(limit: object) -> float:
    """The message size limit in MB, refused unless it is a finite number above zero."""
    if isinstance(limit, bool) or not isinstance(limit, int | float) or not math.isfinite(limit) or limit <= 0:
        raise CliError(
            f"största storlek på meddelandet ska vara ett tal större än 0 (MB), inte {limit!r}.", EXIT_UNREADABLE
        )
    return float(limit)


def prepare_folder(folder: Path) -> None:
    """Create the folder for --folder now, so a bad path fails before anything is written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"{folder}: mappen kan inte skapas ({exc.strerror or exc}).", EXIT_UNREADABLE) from exc
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise CliError(f"{folder}: det går inte att spara i mappen. Välj en annan mapp.", EXIT_UNREADABLE)


def build_checked(args: argparse.Namespace, workdir: Path) -> Any:
    """Load, build, check; returns (order, package, message) or raises CliError. Shared with `send`."""
    from beställning.cli._common import read_order
    from beställning.send.guard import check_package
    from beställning.send.message import MAX_MESSAGE_MB, build_message, size_check
    from beställning.send.package import PackageError, build_package
    from beställning.settings import SettingsError, SettingsStore

    order = read_order(args.order)
    try:
        limit = args.max_mb if args.max_mb is not None else SettingsStore().get(MAX_MESSAGE_MB)
    except SettingsError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    check_limit(limit)
    try:
        package = build_package(order, workdir)
    except PackageError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    message = build_message(order, package, sender=args.sender)
    result = check_package(package, size_check(message, limit))
    for note in result.scan.notes:
        print(f"Obs: {note}", file=sys.stderr)
    if result.blocked:
        print("\n".join(result.messages()), file=sys.stderr)
        raise CliError("inget skickades eller sparades: rätta det som står ovan och försök igen.", EXIT_PROBLEMS)
    return order, package, message


def run(args: argparse.Namespace) -> int:
    from beställning.send.handoff import save_package, write_eml

    if args.output.suffix.lower() != ".eml":
        raise CliError(f"{args.output}: utkastet ska ha filändelsen .eml.", EXIT_UNREADABLE)
    if args.max_mb is not None:
        check_limit(args.max_mb)
    if args.folder is not None:
        prepare_folder(args.folder)
    with tempfile.TemporaryDirectory(prefix="bestallning-") as tmp:
        _order, package, message = build_checked(args, Path(tmp))
        existed = args.output.exists()
        try:
            write_eml(message, args.output)
            folder = save_package(package, message, args.folder) if args.folder else None
        except OSError as exc:
            if not existed:
                args.output.unlink(missing_ok=True)  # all or nothing: no draft without its folder
            raise CliError(f"kunde inte spara ({exc.strerror or exc}).", EXIT_UNREADABLE) from exc
        print(f"Utkast sparat: {args.output} (till {message['To']}, {len(package.files)} bilagor)")
        for item in package.files:
            print(f"  {item.name}  {item.size} byte  sha256 {item.sha256}")
        if folder is not None:
            print(f"Paketet sparat i mappen: {folder}")
    print("Öppna utkastet i ditt e-postprogram, kontrollera det och skicka.")
    return EXIT_OK
