"""One way to run slow work off the GUI thread: `run_in_background`.

Opening a big .xlsx, rendering a .docx, sending mail: the work runs on a worker thread, and its
result, failure and progress come back to the GUI thread, where callbacks may touch widgets.

    def work(report: Report) -> Catalog:
        report(0.1, "Läser filen")          # fraction 0..1 and a Swedish message
        return slow_import(path, progress=report)

    task = run_in_background(
        work,
        on_success=lambda result: self.show(result),      # GUI thread
        on_failure=lambda exc: self.show_error(str(exc)),  # GUI thread; any exception from `work`
        on_progress=lambda fraction, text: bar.setValue(int(fraction * 100)),
        parent=self,   # callbacks are dropped if this widget is gone when the work ends
    )
    task.cancel()      # asks the work to stop: the next report() raises Cancelled

Rules: `work` must not touch widgets (it runs on another thread); pass it plain data. Exactly one of
on_success / on_failure / on_cancelled is called, once. `running_tasks()` lists the work not finished
yet (to ask before quitting); `wait_for_all()` blocks until every task has finished (tests, shutdown).
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
Report = Callable[[float, str], None]


class Cancelled(Exception):
    """Raised inside the work by `report()` once the task has been cancelled."""


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the worker are queued to its slots there."""

    succeeded = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(float, str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.on_success: Callable[[Any], None] | None = None
        self.on_failure: Callable[[BaseException], None] | None = None
        self.on_progress: Callable[[float, str], None] | None = None
        self.on_cancelled: Callable[[], None] | None = None
        self.done: Callable[[], None] = lambda: None
        self.succeeded.connect(self._success)
        self.failed.connect(self._failure)
        self.progressed.connect(self._progress)
        self.cancelled.connect(self._cancelled)

    @Slot(object)
    def _success(self, result: object) -> None:
        self.done()
        if self.on_success is not None:
            self.on_success(result)

    @Slot(object, str)
    def _failure(self, error: object, trace: str) -> None:
        self.done()
        if self.on_failure is not None and isinstance(error, BaseException):
            error.__notes__ = [*getattr(error, "__notes__", []), trace]
            self.on_failure(error)

    @Slot(float, str)
    def _progress(self, fraction: float, message: str) -> None:
        if self.on_progress is not None:
            self.on_progress(fraction, message)

    @Slot()
    def _cancelled(self) -> None:
        self.done()
        if self.on_cancelled is not None:
            self.on_cancelled()


class Task(Generic[T]):
    """A started piece of background work; keep it to cancel it or to ask whether it is running."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self.keeps_quit_waiting = True

    def cancel(self) -> None:
        """Ask the work to stop; it stops at its next report() call."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        return not self._finished.is_set()


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Report], Any], task: Task[Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._task = task
        self._relay = relay

    def _emit(self, signal_name: str, *args: Any) -> None:
        # RuntimeError: the relay's parent widget is gone, so nobody is listening any more.
        with contextlib.suppress(RuntimeError):
            getattr(self._relay, signal_name).emit(*args)

    def _report(self, fraction: float, message: str) -> None:
        if self._task.cancelled:
            raise Cancelled
        self._emit("progressed", max(0.0, min(1.0, float(fraction))), str(message))

    def run(self) -> None:
        try:
            self._run()
        finally:
            with _ACTIVE_LOCK:
                _ACTIVE.discard(self._task)

    def _run(self) -> None:
        try:
            result = self._work(self._report)
        except Cancelled:
            self._task._finished.set()
            self._emit("cancelled")
        except BaseException as exc:  # every failure reaches on_failure, never the void
            self._task._finished.set()
            self._emit("failed", exc, traceback.format_exc())
        else:
            self._task._finished.set()
            if self._task.cancelled:
                self._emit("cancelled")
            else:
                self._emit("succeeded", result)


_POOL: QThreadPool | None = None
_LIVE: set[_Relay] = set()  # relays without a parent are kept alive here until their task ends
_ACTIVE: set[Task[Any]] = set()  # started and not finished; the worker removes its own task
_ACTIVE_LOCK = threading.Lock()


def _pool() -> QThreadPool:
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
    return _POOL


def run_in_background(
    work: Callable[[Report], T],
    *,
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    parent: QObject | None = None,
    keeps_quit_waiting: bool = True,
) -> Task[T]:
    """Run `work(report)` on a worker thread; callbacks run on the GUI thread (call this from it).

    The failure callback receives the exception; its traceback text is in `exc.__notes__[-1]`.
    `keeps_quit_waiting=False`: a read whose result nobody loses at quit (a dry-run check, the ethics
    reading); quitting does not ask to wait for it.
    """
    relay = _Relay(parent)
    relay.on_success = on_success
    relay.on_failure = on_failure
    relay.on_progress = on_progress
    relay.on_cancelled = on_cancelled
    if parent is None:
        _LIVE.add(relay)
        relay.done = lambda: _LIVE.discard(relay)
    task: Task[T] = Task(relay)
    task.keeps_quit_waiting = keeps_quit_waiting
    with _ACTIVE_LOCK:
        _ACTIVE.add(task)
    _pool().start(_Runnable(work, task, relay))
    return task


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Block until all background work is done (tests, app shutdown); False on timeout."""
    return _POOL is None or _POOL.waitForDone(timeout_ms)


def running_tasks() -> list[Task[Any]]:
    """The work that quitting should wait for: started, not finished (its callbacks may still be queued)."""
    with _ACTIVE_LOCK:
        return [task for task in _ACTIVE if task.keeps_quit_waiting]
