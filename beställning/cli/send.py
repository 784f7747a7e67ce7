"""`bestallning send ORDER.json`: check and send the order to FK over SMTP, and record it in the order.

Server settings come from the app's settings, overridden by options. The password comes from the OS
keychain, `--password-stdin`, or a prompt; it is never printed or stored in a file.
Exit 0: sent, recorded in the order file and entered in the register. 1: stopped before sending by
the gate (a blocking problem, missing attachment, personnummer, unreadable file, too big) or a
repeated send not confirmed. 2: the order or settings cannot be read. 4: sending
failed (server, password, network) or was cancelled; nothing was recorded.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from beställning.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, CliError

EXIT_SEND_FAILED = 4


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "send",
        help="skicka beställningen till Försäkringskassan med e-post",
        description="Granskar beställningen (checklista, personnummer, storlek) och skickar den med alla "
        "bilagor till Försäkringskassans statistikenhet via din e-postserver (SMTP).",
    )
    parser.add_argument("order", metavar="BESTÄLLNING", help="beställningsfilen (.json)")
    parser.add_argument("--server", help="SMTP-server (annars från inställningarna)")
    parser.add_argument("--port", type=int, help="port, t.ex. 587 (STARTTLS) eller 465 (TLS)")
    parser.add_argument("--security", choices=["starttls", "tls", "none"], help="kryptering")
    parser.add_argument("--user", help="användarnamn för inloggning")
    parser.add_argument("--from", dest="sender", default="", metavar="ADRESS", help="avsändaradress")
    parser.add_argument("--timeout", type=float, help="tidsgräns i sekunder")
    parser.add_argument("--cafile", type=Path, help="lita på certifikaten i denna PEM-fil (t.ex. egen CA)")
    parser.add_argument("--password-stdin", action="store_true", help="läs lösenordet från standard in")
    parser.add_argument("--save-password", action="store_true", help="spara lösenordet i nyckelringen")
    parser.add_argument("--max-mb", type=float, metavar="MB", help="största storlek på meddelandet")
    parser.add_argument("--yes", action="store_true", help="skicka igen utan att fråga om det redan skickats")
    parser.set_defaults(func=run)


def _config(args: argparse.Namespace) -> Any:
    from dataclasses import replace

    from beställning.send.smtp import SmtpConfig
    from beställning.settings import SettingsError, SettingsStore

    try:
        config = SmtpConfig.from_settings(SettingsStore())
    except SettingsError as exc:
        raise CliError(str(exc), EXIT_UNREADABLE) from exc
    overrides = {
        "host": args.server,
        "port": args.port,
        "security": args.security,
        "username": args.user,
        "sender": args.sender or None,
        "timeout": args.timeout,
    }
    config = replace(config, **{k: v for k, v in overrides.items() if v is not None})
    problems = config.problems()
    if problems:
        raise CliError(" ".join(problems), EXIT_PROBLEMS)
    return config


def _password(args: argparse.Namespace, config: Any) -> str | None:
    from beställning.secrets import default_store, smtp_account

    if not config.username:
        return None
    store = default_store()
    account = smtp_account(config.host, config.username)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = store.get(account) or ""
        if not password:
            status = store.status()
            if not status.available:
                print(status.message, file=sys.stderr)
            if not sys.stdin.isatty():
                raise CliError(
                    "lösenord saknas: spara det i nyckelringen från programmet, eller använd --password-stdin.",
                    EXIT_PROBLEMS,
                )
            password = getpass.getpass(f"Lösenord för {config.username} på {config.host}: ")
    if not password:
        raise CliError("inget lösenord angavs.", EXIT_PROBLEMS)
    if args.save_password and not store.set(account, password):
        print(store.status().message, file=sys.stderr)
    return password


def _confirm_resend(args: argparse.Namespace, question: str | None) -> None:
    if question is None or args.yes:
        return
    if not sys.stdin.isatty():
        raise CliError(f"{question} Använd --yes för att skicka igen.", EXIT_PROBLEMS)
    answer = input(f"{question} [j/N] ").strip().lower()
    if answer not in ("j", "ja", "y", "yes"):
        raise CliError("inget skickades.", EXIT_PROBLEMS)


def run(args: argparse.Namespace) -> int:
    import ssl

    from beställning.cli.package import checked_session
    from beställning.register import RegisterError
    from beställning.send.record import resend_question
    from beställning.send.smtp import SendError

    config = _config(args)
    context = None
    if args.cafile is not None:
        try:
            context = ssl.create_default_context(cafile=str(args.cafile))
        except (OSError, ssl.SSLError) as exc:
            raise CliError(f"{args.cafile}: certifikatfilen kan inte läsas ({exc}).", EXIT_UNREADABLE) from exc
    session = checked_session(args, register=True)
    try:
        _confirm_resend(args, resend_question(session.order))
        password = _password(args, config)

        def progress(text: str, _fraction: float) -> None:
            print(text, file=sys.stderr)

        try:
            result = session.transmit(config, password, ssl_context=context, progress=progress)
        except SendError as exc:
            raise CliError(str(exc), EXIT_SEND_FAILED) from exc
        package = session.ready().package
        try:
            session.record("smtp")
        except (OSError, RegisterError) as exc:
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise CliError(
                f"meddelandet skickades (Message-ID {result.message_id}) men kvittot kunde inte sparas "
                f"({detail}). Registrera ”Skickad till FK” med `bestallning orders record`.",
                EXIT_UNREADABLE,
            ) from exc
    finally:
        session.close()
    to = ", ".join(result.recipients)
    print(f"Skickat till {to}: {len(package.files)} bilagor, Message-ID {result.message_id}.")
    print("Beställningen finns nu i registret (bestallning orders). Försäkringskassan bekräftar mottagandet "
          "inom två arbetsdagar.")
    return EXIT_OK
