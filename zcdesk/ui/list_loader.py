"""Reading every packet row off the GUI thread, so the window shows at once.

At 500,000 applicants `store.packet_columns()` takes ~3 s; the
counter must not wait for it: the scan field works from the first moment
(lookups do not need the list) and the list fills in when the rows are read.
The Store opens a session per call, so a second thread may read safely.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.ui import store_errors as errors
from zcdesk.ui.packet_model import PacketTableModel
from zcdesk.ui.threads import start_thread

if TYPE_CHECKING:
    from zcdesk.ui.packet_model import Rows


class ListLoader(QObject):
    """Emits `loaded(generation, rows, prepared)` or `failed(generation, message)`.

    `prepared` holds the columns, their search indexes and cell texts
    (PacketTableModel.prepare), made in the thread as well.
    """

    loaded = Signal(int, object, object)
    failed = Signal(int, str)

    def __init__(self, load: Callable[[], Rows]) -> None:
        # No Qt parent: the thread keeps this object alive until it has emitted. With
        # the list as parent, closing the window could delete it in the middle of an
        # emit from the thread (a crash); the receivers' connections go with them.
        super().__init__()
        self._load = load
        self.checklist: list[ChecklistItem] = []
        self.generation = 0

    def start(self) -> int:
        """Begin a read; a later start (or `cancel`) makes earlier results stale."""
        self.generation += 1
        start_thread(self._run, self.generation, list(self.checklist), name="zcdesk-list")
        return self.generation

    def cancel(self) -> None:
        self.generation += 1

    def _run(self, generation: int, checklist: list[ChecklistItem]) -> None:
        try:
            with _gil_shared():
                _warm_collation()  # with the load, not after it: the first scan is free
                rows = self._load()
                prepared = PacketTableModel.prepare(rows, checklist)
        except errors.StoreError as exc:
            self._emit(self.failed, generation, str(exc))
        except Exception as exc:  # reported in the window, never lost in a thread
            self._emit(self.failed, generation, f"{type(exc).__name__}: {exc}")
        else:
            self._emit(self.loaded, generation, rows, prepared)

    @staticmethod
    def _emit(signal: Signal, *args: object) -> None:
        # The window may have been closed (and this object deleted) meanwhile.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)  # type: ignore[attr-defined]


# While rows are read, the interpreter hands the GIL over every 1 ms instead of
# every 5 ms: a scan in the GUI thread takes and releases it at every database
# call, and waited up to 5 ms each time (a scan during a load of 500,000 rows
# took ~0.4 s). Loads may overlap (F5 during a load): the last one restores it.
_SWITCH_DEFAULT = sys.getswitchinterval()
_loads = 0
_loads_lock = threading.Lock()


@contextlib.contextmanager
def _gil_shared() -> Iterator[None]:
    global _loads
    with _loads_lock:
        _loads += 1
        sys.setswitchinterval(min(_SWITCH_DEFAULT, 0.001))
    try:
        yield
    finally:
        with _loads_lock:
            _loads -= 1
            if not _loads:
                sys.setswitchinterval(_SWITCH_DEFAULT)


def _warm_collation() -> None:
    """The pinyin table loads on the first name key (~0.1 s): here, in the
    loader's thread, not on the GUI thread at the clerk's first click on 姓名."""
    from zcdesk.domain.collation import name_key

    with contextlib.suppress(Exception):  # a warm-up: should it fail, the click loads it
        name_key("张")
