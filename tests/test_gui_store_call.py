"""The counter's store calls run off the GUI thread (#12): a slow or hung database
never freezes the window, the clerk is told within SLOW_S, and the work carries on
when the database answers again."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.conftest import ID_ZHANG
from tests.gui_support import make_window, open_visit, scan
from zcdesk.store import Store
from zcdesk.store.errors import DatabaseUnavailable
from zcdesk.ui import store_call


@pytest.fixture
def fast_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_call, "WAIT_NOTE_S", 0.05)
    monkeypatch.setattr(store_call, "SLOW_S", 0.15)


def test_a_slow_write_keeps_the_window_alive_and_says_so(
        qtbot: QtBot, store: Store, people: dict[str, int], fast_clock: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    real = store.accept
    seen: dict[str, object] = {}

    def slow_accept(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen["thread"] = threading.current_thread().name
        time.sleep(0.4)  # a server that answers late
        return real(*args, **kwargs)

    def during() -> None:  # the GUI thread runs while the write waits
        seen["busy"] = window.store_call.busy
        seen["message"] = window.message_text()

    monkeypatch.setattr(store, "accept", slow_accept)
    QTimer.singleShot(300, during)
    scan(qtbot, window, "2")
    assert seen["thread"] == "zcdesk-store"  # not the GUI thread
    assert seen["busy"] is True and "没有回应" in str(seen["message"])
    assert window.store_call.slow_seen
    assert "评审表 收 2 份" in window.message_text()  # then the answer, as usual
    assert store.packet(people["张三"]).state.received["evaluation"] == 2


def test_a_database_that_gives_up_is_an_error_and_the_next_scan_works(
        qtbot: QtBot, store: Store, people: dict[str, int], fast_clock: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    real = store.accept

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.2)
        raise DatabaseUnavailable("无法连接数据库：连接超时")

    monkeypatch.setattr(store, "accept", broken)
    scan(qtbot, window, "2")
    assert "连接超时" in window.message_text()
    assert store.packet(people["张三"]).state.received["evaluation"] == 0
    monkeypatch.setattr(store, "accept", real)  # the server is back
    scan(qtbot, window, ID_ZHANG)
    scan(qtbot, window, "2")
    assert "评审表 收 2 份" in window.message_text()
