"""The counter's store calls, off the GUI thread (#12: a hung server never freezes a desk).

`StoreCaller(window)(work)` runs `work()` on one long-lived worker thread and returns
its value (or raises its error) in the GUI thread, as a plain call would. Meanwhile the
window keeps painting and its timers run, but user input waits: the nested event loop
excludes user input events, so what the scanner or the clerk types during a write is
handled after it, in order, shortcuts included (nothing is lost, nothing runs twice).

When the database takes long, the message line says so: after WAIT_NOTE_S that it is
waiting, after SLOW_S (10 s) that the server does not answer and what to do. A call
made while another is in flight (a timer's refresh, say) runs inline, as before.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal

from zcdesk.ui import threads
from zcdesk.ui.i18n import tr

T = TypeVar("T")
WAIT_NOTE_S = 1.5
SLOW_S = 10.0
SLOW_WORDS = ("数据库服务器 {s} 秒没有回应：请检查网络连接或服务器。恢复后会接着处理刚才的操作和"
              "扫描，无需重扫；若一直没有回应，请联系管理员。")


class _Window(Protocol):
    def show_message(self, text: str, level: str = "ok") -> None: ...
    def show_error(self, text: str) -> None: ...


class _Relay(QObject):
    finished = Signal()


class StoreCaller:
    """One worker thread for the window's store calls (see the module's doc)."""

    def __init__(self, window: _Window) -> None:
        self._window = window
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self.busy = False
        self.slow_seen = False  # the 10 s message was shown (tests, the status bar)

    def __call__(self, work: Callable[[], T]) -> T:
        if self.busy or threading.current_thread() is not threading.main_thread():
            return work()  # nested (a timer during a call) or not from the GUI: inline
        self._ensure_thread()
        result: dict[str, Any] = {}
        relay = _Relay()
        loop = QEventLoop()
        relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

        def job() -> None:
            try:
                result["value"] = work()
            except BaseException as exc:  # raised again in the GUI thread
                result["error"] = exc
            relay.finished.emit()

        note = QTimer(singleShot=True, interval=int(WAIT_NOTE_S * 1000))
        note.timeout.connect(lambda: self._window.show_message(tr("正在等待数据库……"), "info"))
        slow = QTimer(singleShot=True, interval=int(SLOW_S * 1000))
        slow.timeout.connect(self._slow)
        self.busy = True
        threads.pause_gc()  # as for every worker: no cyclic GC while it runs
        try:
            self._jobs.put(job)
            note.start()
            slow.start()
            # Paint and timers, no user input: keys wait, in order, until the call ends.
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            note.stop()
            slow.stop()
            threads.resume_gc()
            self.busy = False
        if "error" in result:
            raise result["error"]
        return result["value"]  # type: ignore[no-any-return]

    def _slow(self) -> None:
        self.slow_seen = True
        self._window.show_error(tr(SLOW_WORDS).format(s=int(SLOW_S)))

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="zcdesk-store",
                                            daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            job()

    def stop(self) -> None:
        """End the worker (the window closes); a call in flight finishes first."""
        if self._thread is not None:
            self._jobs.put(None)
