"""Long work off the GUI thread, behind a progress dialog with 取消.

`run_with_progress(parent, work, label)` runs `work(progress)` in a thread while
the window keeps painting. `progress(done, total)` may be called from the
thread as often as it likes: the dialog shows it, and the call returns False
once the clerk pressed 取消 (the importers then stop with ImportCancelled).
After 取消 the result is dropped, whatever the thread still brings.

`run_in_background(owner, work, on_done, on_error)` is the fire-and-forget
form (automatic backups): the callbacks run in the GUI thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from zcdesk.ui.i18n import tr
from zcdesk.ui.threads import start_thread

T = TypeVar("T")
Progress = Callable[[int, int], bool]
SHOW_AFTER_MS = 300


_long_work = 0  # run_with_progress calls in progress (nested event loops)


def long_work_running() -> bool:
    """True while run_with_progress waits for its thread: timers that would start
    more store work (the idle lock, the automatic backup) wait for the next tick."""
    return _long_work > 0


@dataclass
class Outcome(Generic[T]):
    cancelled: bool
    value: T | None = None


class _Relay(QObject):
    progressed = Signal(int, int)
    done = Signal()
    finished = Signal(object, object)  # value, error


def run_with_progress(parent: QWidget | None, work: Callable[[Progress], T], label: str, *,
                      title: str = "", cancellable: bool = True,
                      show_after_ms: int = SHOW_AFTER_MS) -> Outcome[T]:
    """Run `work` in a thread; an error it raises is raised here, in the GUI thread."""
    result: dict[str, Any] = {}
    stop = threading.Event()
    relay = _Relay()
    loop = QEventLoop()
    relay.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    progress = QProgressDialog(label, tr("取消") if cancellable else "", 0, 0, parent)
    if not cancellable:
        progress.setCancelButton(None)
    progress.setWindowTitle(title or tr("请稍候"))
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(show_after_ms)
    progress.setAutoClose(False)
    progress.setAutoReset(False)

    def show_progress(done: int, total: int) -> None:
        if total > 0:
            progress.setMaximum(total)
            progress.setValue(min(done, total))

    relay.progressed.connect(show_progress, Qt.ConnectionType.QueuedConnection)

    def report(done: int, total: int) -> bool:
        if stop.is_set():
            return False
        with contextlib.suppress(RuntimeError):
            relay.progressed.emit(done, total)
        return True

    def run() -> None:
        try:
            result["value"] = work(report)
        except BaseException as exc:  # re-raised in the GUI thread
            result["error"] = exc
        with contextlib.suppress(RuntimeError):  # the relay is gone: window closed
            relay.done.emit()

    def cancel() -> None:
        stop.set()
        loop.quit()

    progress.canceled.connect(cancel)
    global _long_work
    _long_work += 1
    start_thread(run, name="zcdesk-work")
    try:
        loop.exec()
    finally:
        _long_work -= 1
        cancelled = stop.is_set() or (cancellable and progress.wasCanceled())
        progress.close()
        progress.deleteLater()
    if cancelled:
        return Outcome(True)
    if "error" in result:
        raise result["error"]
    return Outcome(False, result["value"])


def run_in_background(owner: QObject, work: Callable[[], T],
                      on_done: Callable[[T], None],
                      on_error: Callable[[BaseException], None]) -> None:
    """`work()` in a thread; then `on_done(value)` or `on_error(exc)` in the GUI thread.

    Nothing is called when `owner` is gone by then.
    """
    # No Qt parent: the thread keeps the relay alive until it has emitted (a relay
    # owned by `owner` could be deleted mid-emit when the window closes: a crash).
    relay = _Relay()

    def deliver(value: object, error: object) -> None:
        relay.deleteLater()
        if not shiboken6.isValid(owner):
            return
        if isinstance(error, BaseException):
            on_error(error)
        else:
            on_done(value)  # type: ignore[arg-type]

    relay.finished.connect(deliver, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            value, error = work(), None
        except BaseException as exc:  # handed to on_error, never lost in a thread
            value, error = None, exc
        with contextlib.suppress(RuntimeError):
            relay.finished.emit(value, error)

    start_thread(run, name="zcdesk-background")
