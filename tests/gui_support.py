"""Shared pieces of the GUI tests (tests/test_gui_*.py): the window, scanning, patching."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from zcdesk.store import Store
from zcdesk.ui.app import create_application
from zcdesk.ui.dialogs.visit import VisitForm
from zcdesk.ui.feedback import Feedback
from zcdesk.ui.main_window import MainWindow


def make_window(qtbot: QtBot, store: Store | None, *,
                load_list_later: bool = False) -> MainWindow:
    """The counter window on `store` (None: without one yet), shown and active."""
    create_application()  # the test QApplication gets the bundled font and style sheet
    window = MainWindow(store, Feedback(muted=True), load_list_later=load_list_later)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def type_text(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Key by key for ASCII (as a scanner sends it); Chinese arrives committed by
    the input method, which QTest cannot simulate key by key."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def scan(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """As a scanner does it: the characters into the scan field, then Enter."""
    type_text(qtbot, window.scan_edit, text)
    qtbot.keyClick(window.scan_edit, Qt.Key.Key_Return)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed while the scan field has the focus (shortcuts included)."""
    qtbot.keyClick(window.scan_edit, key, modifier)


class Recorder:
    """A stand-in for a dialog's `launch`: returns `result`, remembers its calls."""

    def __init__(self, result: Any = None,
                 answer: Callable[..., Any] | None = None) -> None:
        self.result = result
        self.answer = answer
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((args, kwargs))
        return self.answer(*args, **kwargs) if self.answer else self.result


def patch_dialog(monkeypatch: pytest.MonkeyPatch, module: str, result: Any = None,
                 answer: Callable[..., Any] | None = None) -> Recorder:
    recorder = Recorder(result, answer)
    monkeypatch.setattr(f"zcdesk.ui.dialogs.{module}.launch", recorder)
    return recorder


def open_visit(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> None:
    """Start a visit through F2 with a patched visit dialog."""
    patch_dialog(monkeypatch, "visit", VisitForm("王女士", "13800000000", "杭州汽轮机股份有限公司"))
    window.new_visit()
    assert window.visit is not None
