"""The `bestallning` command line: one subcommand per module in this package.

Each module `beställning/cli/<name>.py` defines `register(subparsers)`, which adds its parser and
sets `func` to a `run(args) -> int`. Modules import heavy libraries (python-docx, openpyxl) inside
`run`, so that `bestallning --help` and app start stay fast. Errors reach the user as one line on
stderr (CliError), never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from beställning import __version__

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNREADABLE = 2


class CliError(Exception):
    """A failure to report as one line on stderr with an exit code."""

    def __init__(self, message: str, code: int = EXIT_UNREADABLE) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bestallning",
        description="Beställningsassistenten: beställ individdata från Försäkringskassan. "
        "Utan kommando startar programmet.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    args = build_parser().parse_args(argv)
    if getattr(args, "func", None) is None:
        build_parser().print_help()
        return EXIT_OK
    try:
        code: int = args.func(args)
        return code
    except CliError as exc:
        print(f"bestallning: {exc}", file=sys.stderr)
        _log_error(args, str(exc), exc.code, exc.__cause__)
        return exc.code
    except KeyboardInterrupt:
        print("bestallning: avbrutet.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped reading: not an error. Point stdout at devnull so the
        # interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # last resort: one line, never a traceback (that goes to the log)
        log_path = _log_error(args, "oväntat fel", 3, exc)
        print(
            f"bestallning: oväntat fel ({type(exc).__name__}: {exc}). Rapportera gärna felet; "
            f"detaljerna finns i {log_path}.",
            file=sys.stderr,
        )
        return 3


def _log_error(args: argparse.Namespace, message: str, code: int, exc: BaseException | None = None) -> str:
    """Write a failed command to the log file (support can read it later); returns the log's path."""
    from beställning import logs

    path = logs.start("cli")
    logs.log.error("bestallning %s: %s (exit %d)", args.command, message, code, exc_info=exc)
    return str(path)
