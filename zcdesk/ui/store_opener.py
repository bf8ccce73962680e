"""Opening the database off the GUI thread, so the window is usable at once.

`zcdesk.store` imports SQLAlchemy and alembic (about half a second) and
`Store.open` checks the schema (and, the first time with --demo, seeds the demo
data). The counter window is shown first; this runs the opener in a thread and
hands the Store (or the error) back to the GUI thread by a queued signal. The
Store opens a session per call, so the GUI thread may use it from then on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from zcdesk.ui.threads import start_thread

if TYPE_CHECKING:
    from zcdesk.store import Store


class StoreOpener(QObject):
    """Emits `opened(store)` or `failed(exception)`, in the thread of this object."""

    opened = Signal(object)
    failed = Signal(object)
    # Set when the window closes first: a store opened after that is closed here,
    # not left with its connections open.
    cancelled = False

    def start(self, opener: Callable[[], Store]) -> None:
        start_thread(self._run, opener, name="zcdesk-open")

    def _run(self, opener: Callable[[], Store]) -> None:
        try:
            store = opener()
        except Exception as exc:  # reported in the window, never lost in a thread
            self._emit(self.failed, exc)
        else:
            if self.cancelled:
                store.close()
                return
            self._emit(self.opened, store)

    @staticmethod
    def _emit(signal: Signal, value: object) -> None:
        # The window may have been closed (and this object deleted) meanwhile.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)  # type: ignore[attr-defined]
