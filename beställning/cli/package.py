"""`bestallning package ORDER.json -o OUT.eml`: build the email with all attachments, checked, as a draft.

Exit 0 when the draft is written, 1 when the gate stops it (a blocking problem in the order, a missing
attachment, personnummer, a file that cannot be checked, too big), 2 when the order cannot be read or
a file cannot be made. The hand-off is recorded in the order file (it does not count as sent).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
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


def gate_options(args: argparse.Namespace) -> Any:
    """The gate's options from the command line and the settings (sender, size limit)."""
    from dataclasses import replace

    from beställning.send.session import options_from_settings
    from beställning.settings import SettingsError

    try:
        options = options_from_settings(sender=args.sender)
    except SettingsError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    limit = args.max_mb if args.max_mb is not None else options.limit_mb
    return replace(options, limit_mb=check_limit(limit))


def checked_session(args: argparse.Namespace, register: bool = False) -> Any:
    """Load the order and pass the gate; returns a ready SendSession or raises CliError (exit 1).

    Shared with `send`: the same gate as `check`, the summary page and the send page. With
    `register`, what is recorded also goes to the order register (a real send).
    """
    from beställning.cli._common import read_order
    from beställning.repository import OrderRepository
    from beställning.send.session import SendSession

    order = read_order(args.order)
    repository = OrderRepository() if register else None
    session = SendSession(order, gate_options(args), repository, Path(args.order))
    verdict = session.check()
    for note in verdict.guard.scan.notes if verdict.guard else []:
        print(f"Obs: {note}", file=sys.stderr)
    if not verdict.sendable:
        session.close()
        print("\n".join(verdict.reasons()), file=sys.stderr)
        raise CliError("inget skickades eller sparades: rätta det som står ovan och försök igen.", EXIT_PROBLEMS)
    return session


def run(args: argparse.Namespace) -> int:

    if args.output.suffix.lower() != ".eml":
        raise CliError(f"{args.output}: utkastet ska ha filändelsen .eml.", EXIT_UNREADABLE)
    if not args.output.parent.is_dir():
        raise CliError(f"{args.output.parent}: mappen finns inte. Välj en befintlig mapp.", EXIT_UNREADABLE)
    if args.max_mb is not None:
        check_limit(args.max_mb)
    if args.folder is not None:
        prepare_folder(args.folder)
    session = checked_session(args)
    try:
        verdict = session.ready()
        package, message = verdict.package, verdict.message
        folder = None
        try:
            folder = session.save_folder(args.folder) if args.folder else None
            session.write_eml(args.output, record=False)
        except OSError as exc:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)  # all or nothing: no folder without its draft
            raise CliError(f"{exc.filename or args.output}: kunde inte spara ({exc.strerror or exc}).",
                           EXIT_UNREADABLE) from exc
        try:
            session.record("eml")
        except OSError as exc:
            print(f"Obs: utkastet är sparat, men det kunde inte noteras i {args.order} "
                  f"({exc.strerror or exc}).", file=sys.stderr)
        print(f"Utkast sparat: {args.output} (till {message['To']}, {len(package.files)} bilagor)")
        for item in package.files:
            print(f"  {item.name}  {item.size} byte  sha256 {item.sha256}")
        if folder is not None:
            print(f"Paketet sparat i mappen: {folder}")
    finally:
        session.close()
    print("Öppna utkastet i ditt e-postprogram, kontrollera det och skicka.")
    return EXIT_OK
