"""Entry point of `bestallning`: no arguments start the app, anything else is a CLI command.

Qt is imported only when the app starts, so the command line works without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("gui", "app"):
        from ui.app import run_app

        return run_app(args[1:])
    from beställning.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
