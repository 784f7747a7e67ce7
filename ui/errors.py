"""Unexpected errors and endings in the app: each leaves a log line, and the user gets a plain message.

Issue 12 reported the app quitting once without a message or log line. A Python exception in a slot
or an event handler does not end a PySide6 app (it reaches `sys.excepthook`, tested), so what could
end it silently is what Python never sees: a crash inside Qt (segfault, abort after a Qt fatal
message), a signal such as SIGTERM from the system, or an exception inside the hook itself. So:

- `sys.excepthook` and `threading.excepthook` log the traceback and show one message at a time (an
  error while the message is open is logged, not stacked into nested dialogs);
- Qt's own warnings and fatal messages go to the log (`qInstallMessageHandler`);
- `faulthandler` writes the Python stack of a crash to the log file before the process dies (the log
  and the crash trace are beställning/logs.py's);
- SIGTERM and SIGHUP close the window as a normal quit does (drafts are written), with a log line;
- the log says when the app starts and when it ends cleanly, so a start without "avslutat" after it
  was an unexpected end, and the next start says so (see `previous_run_ended_unexpectedly`).
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from beställning import logs

log = logging.getLogger("bestallning")

STARTED = "startar (app)"  # in the first line beställning.logs writes for the app
ENDED = "Programmet avslutat"

_state: dict[str, object] = {"showing": False}


def log_file() -> str:
    return str(logs.log_file())


def previous_run_ended_unexpectedly() -> bool:
    """Whether the log's last start has no clean end after it (read before this run logs its start)."""
    try:
        with open(log_file(), encoding="utf-8", errors="replace") as handle:
            lines = handle.readlines()[-2000:]
    except OSError:
        return False
    last_start = max((i for i, line in enumerate(lines) if STARTED in line), default=None)
    if last_start is None:
        return False
    return not any(ENDED in line for line in lines[last_start:])


def _show(what: str) -> None:
    """One message at a time: an error raised while a message is open is only logged."""
    if QApplication.instance() is None or _state["showing"]:
        return
    _state["showing"] = True
    try:
        text = QCoreApplication.translate(
            "ErrorHandler",
            "Något gick oväntat fel (%1).\n\nDitt arbete sparas automatiskt som utkast. Detaljer finns i loggfilen %2.",
        )
        QMessageBox.warning(None, "Beställningsassistenten", text.replace("%2", log_file()).replace("%1", what))
    except Exception:  # the message itself failed: the log line is already written
        log.exception("Felmeddelandet kunde inte visas")
    finally:
        _state["showing"] = False


def _hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    log.error("Oväntat fel:\n%s", "".join(traceback.format_exception(kind, error, tb)))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, tb)
        return
    _show(f"{kind.__name__}: {error}")


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    log.error(
        "Oväntat fel i tråden %s:\n%s",
        args.thread.name if args.thread else "?",
        "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
    )


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if kind == QtMsgType.QtFatalMsg:
        log.critical("Qt avbryter programmet: %s", message)  # then Qt aborts; faulthandler adds the stack
    elif kind == QtMsgType.QtCriticalMsg:
        log.error("Qt: %s", message)
    elif kind == QtMsgType.QtWarningMsg and "propagateSizeHints" not in message:
        log.warning("Qt: %s", message)


def install_handler() -> None:
    """Start the log (with the crash trace) and route every kind of unexpected ending through it."""
    logs.start("app", crash_trace=True)
    sys.excepthook = _hook
    threading.excepthook = _thread_hook
    qInstallMessageHandler(_qt_message)


def install_signal_handlers(close: Callable[[], object]) -> QTimer | None:
    """SIGTERM/SIGHUP (logout, shutdown, `kill`) quit like the menu's Avsluta: logged, drafts written.

    Python runs signal handlers only between bytecodes, so a timer wakes the interpreter twice a second
    while Qt's event loop waits.
    """
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(number: int, _frame: object) -> None:
        log.warning("Programmet avslutas av signalen %s", signal.Signals(number).name)
        close()

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(500)
    return timer
