"""Unexpected errors in the app: logged with their traceback, shown to the user as a plain message."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from beställning import logs

log = logging.getLogger("bestallning")


def log_file() -> str:
    return str(logs.log_file())


def install_handler() -> None:
    """Replace the default hook, which would print a traceback and maybe abort, with a calm message.

    The log (beställning/logs.py) is started here, with faulthandler, so a hard crash leaves a trace too.
    """
    logs.start("app", crash_trace=True)

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("Oväntat fel:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        text = QCoreApplication.translate(
            "ErrorHandler",
            "Något gick oväntat fel (%1).\n\nDitt arbete sparas automatiskt som utkast. Detaljer finns i loggfilen %2.",
        )
        what = f"{kind.__name__}: {error}"
        QMessageBox.warning(None, "Beställningsassistenten", text.replace("%2", log_file()).replace("%1", what))

    sys.excepthook = hook
