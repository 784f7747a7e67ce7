"""The app's log (logg): one UTF-8 file in the platform's log folder, rotated, and the crash trace there too.

Support asks a user for this file ("Öppna loggmappen" in Hjälp). The app logs its start, unexpected errors
with their traceback and, through `faulthandler`, a hard crash (a segfault in Qt, an abort) with every
thread's stack, which Python's own error handling never sees. The command line logs its errors too, so
a script's failure can be looked up afterwards. With BESTALLNING_HOME set, the log is `<home>/logs/`.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import platform
import sys
from pathlib import Path

from beställning import __version__
from beställning.paths import APP_NAME

LOG_NAME = "bestallning.log"
MAX_BYTES = 1_000_000  # about 10,000 lines; with the backups, at most 4 MB on disk
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("bestallning")


def log_dir() -> Path:
    """The folder of the log: the platform's user log folder (or `<BESTALLNING_HOME>/logs`), created."""
    override = os.environ.get("BESTALLNING_HOME")
    if override:
        path = Path(override) / "logs"
    else:
        import platformdirs

        path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / LOG_NAME


class _Handler(logging.handlers.RotatingFileHandler):
    """A rotating UTF-8 file whose open stream also receives faulthandler's crash traces.

    Each record is flushed as it is written (StreamHandler does), so faulthandler, which writes to the
    file descriptor directly, never interleaves with buffered text.
    """

    def __init__(self, path: Path, crash_trace: bool) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=not crash_trace)
        self.crash_trace = crash_trace
        self._point_faulthandler()

    def _point_faulthandler(self) -> None:
        if self.crash_trace and self.stream is not None:
            faulthandler.enable(file=self.stream, all_threads=True)

    def doRollover(self) -> None:
        super().doRollover()
        self._point_faulthandler()  # the old stream is closed: a crash must go to the new file


def _installed() -> _Handler | None:
    return next((h for h in log.handlers if isinstance(h, _Handler)), None)


def start(kind: str, crash_trace: bool = False) -> Path:
    """Log to the file from now on (once per process); `crash_trace` also sends hard crashes there.

    `kind` says who started ("app" or "cli") in the first line. Returns the log file's path. When the
    folder cannot be written, logging goes nowhere rather than stopping the app.
    """
    handler = _installed()
    if handler is not None:
        if crash_trace and not handler.crash_trace:
            handler.crash_trace = True
            handler.stream = handler.stream or handler._open()
            handler._point_faulthandler()
        return Path(handler.baseFilename)
    try:
        path = log_file()
        handler = _Handler(path, crash_trace)
    except OSError as exc:
        print(f"bestallning: loggfilen kan inte skrivas ({exc}); programmet fortsätter utan logg.", file=sys.stderr)
        log.addHandler(logging.NullHandler())
        return Path(os.devnull)
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    log.info(
        "%s %s startar (%s): Python %s, %s", APP_NAME, __version__, kind, platform.python_version(), platform.platform()
    )
    return path


def stop() -> None:
    """Close the file (tests, and the end of a session that must release the folder)."""
    handler = _installed()
    if handler is None:
        return
    if handler.crash_trace:
        faulthandler.disable()
    log.removeHandler(handler)
    handler.close()
