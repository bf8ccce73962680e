"""PINs in the window: 修改我的 PIN…, an admin's 重置 PIN…; the login's 退出程序; the idle lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ID_ZHANG
from tests.gui_support import make_window, type_text
from zcdesk.store import InputError, Store
from zcdesk.ui.dialogs.login import LoginDialog
from zcdesk.ui.dialogs.operators import OperatorsDialog
from zcdesk.ui.dialogs.pin import PinDialog
from zcdesk.ui.main_window import MainWindow

W = TypeVar("W", bound=QWidget)
RETURN = Qt.Key.Key_Return


def with_operators(store: Store) -> None:
    """老李 (admin, 2468) and 小王 (clerk, 3690)."""
    store.create_operator("老李", "2468", "admin")
    store.login("老李", "2468")
    store.create_operator("小王", "3690", "clerk")


@pytest.fixture(autouse=True)
def _no_backups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Store, "automatic_backup", lambda self, keep=14: None)


class Modal(list[QWidget]):
    """The modal widgets `when_modal` acted on; `check()` re-raises a failure inside."""

    error: BaseException | None = None

    def check(self) -> None:
        if self.error is not None:
            raise self.error
        assert self, "the dialog never opened"


def when_modal(kind: type[W], act: Callable[[W], None]) -> Modal:
    """Once a modal `kind` is up (inside its own exec), `act` on it as the user would.
    A failed assertion closes it (else its exec would wait for ever) and is kept."""
    seen = Modal()

    def look(tries: int = 200) -> None:
        widget = QApplication.activeModalWidget()
        up = isinstance(widget, kind) and widget.isVisible()
        if up and not widget.isActiveWindow() and tries:
            widget.activateWindow()  # keys go where the clerk's would: wait for it
        elif up:
            seen.append(widget)
            try:
                act(widget)
            except BaseException as exc:  # re-raised by check()
                seen.error = exc
                if isinstance(widget, QDialog):
                    widget.reject()
            return
        if tries:
            QTimer.singleShot(10, lambda: look(tries - 1))

    QTimer.singleShot(0, look)
    return seen


def click_text(box: QWidget, text: str) -> None:
    next(b for b in box.findChildren(QPushButton) if b.text() == text).click()


def test_a_clerk_changes_their_own_pin(qtbot: QtBot, store: Store) -> None:
    with_operators(store)
    store.login("小王", "3690")
    window = make_window(qtbot, store)
    window.apply_operator()
    action = window.admin.change_pin_action
    menu = window.ui.menuSettings.actions()
    assert menu[menu.index(window.ui.actionSwitchOperator) + 1] is action
    assert action.isEnabled()  # a clerk may change their own PIN

    def change(dialog: PinDialog) -> None:
        assert dialog.windowTitle() == "修改我的 PIN" and "小王" in dialog.intro.text()
        assert dialog.old_edit.echoMode() == dialog.old_edit.EchoMode.Password
        qtbot.keyClicks(dialog.old_edit, "0000")  # the wrong current PIN
        qtbot.keyClick(dialog.old_edit, RETURN)  # Enter: the next field
        assert dialog.new_edit.hasFocus()
        qtbot.keyClicks(dialog.new_edit, "5813")
        qtbot.keyClick(dialog.new_edit, RETURN)
        qtbot.keyClicks(dialog.again_edit, "5813")
        qtbot.keyClick(dialog.again_edit, RETURN)  # on the last field: 修改
        assert "原 PIN 不正确" in dialog.error_label.text() and dialog.isVisible()
        assert dialog.old_edit.text() == "" and dialog.old_edit.hasFocus()
        qtbot.keyClicks(dialog.old_edit, "3690")
        dialog.again_edit.clear()
        qtbot.keyClicks(dialog.again_edit, "5831")  # a slip in the second entry
        qtbot.keyClick(dialog.again_edit, RETURN)
        assert "不一致" in dialog.error_label.text() and dialog.again_edit.hasFocus()
        qtbot.keyClicks(dialog.again_edit, "5813")
        qtbot.keyClick(dialog.again_edit, RETURN)

    seen = when_modal(PinDialog, change)
    action.trigger()
    seen.check()
    assert "小王 的 PIN 已修改" in window.message_text()
    with pytest.raises(InputError):
        store.login("小王", "3690")
    assert store.login("小王", "5813").name == "小王"
    entry = [e for e in store.audit() if e.kind == "pin_changed"][-1]
    assert (entry.operator, entry.detail) == ("小王", {"name": "小王"})


def test_the_pin_rules_of_operator_add_apply(qtbot: QtBot, store: Store) -> None:
    with_operators(store)
    store.login("小王", "3690")
    window = make_window(qtbot, store)

    def too_simple(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.old_edit, "3690")
        qtbot.keyClick(dialog.old_edit, RETURN)
        qtbot.keyClicks(dialog.new_edit, "1234")
        qtbot.keyClick(dialog.new_edit, RETURN)
        qtbot.keyClicks(dialog.again_edit, "1234")
        qtbot.keyClick(dialog.again_edit, RETURN)
        assert "过于简单" in dialog.error_label.text() and dialog.isVisible()
        assert dialog.new_edit.hasFocus() and dialog.new_edit.text() == ""
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # 取消: nothing changed

    seen = when_modal(PinDialog, too_simple)
    window.admin.change_pin_action.trigger()
    seen.check()
    assert "PIN 已修改" not in window.message_text()
    assert store.login("小王", "3690").name == "小王"


def test_an_admin_resets_a_clerks_pin(qtbot: QtBot, store: Store) -> None:
    with_operators(store)  # 老李 is logged in
    for _ in range(5):  # 小王 forgot the PIN and is locked out
        with pytest.raises(InputError):
            Store.login(store, "小王", "0000")
    store.login("老李", "2468")
    dialog = OperatorsDialog(None, store)
    qtbot.addWidget(dialog)
    names = [o.name for o in store.operators()]
    dialog.ui.operatorsTable.selectRow(names.index("老李"))
    assert not dialog.reset_button.isEnabled()  # one's own: 修改我的 PIN
    dialog.ui.operatorsTable.selectRow(names.index("小王"))
    assert dialog.reset_button.isEnabled() and dialog.reset_button.text() == "重置 PIN…"

    def reset(pin_dialog: PinDialog) -> None:
        assert pin_dialog.windowTitle() == "重置 PIN" and "小王" in pin_dialog.intro.text()
        assert not pin_dialog.old_edit.isVisibleTo(pin_dialog)  # no current PIN asked
        qtbot.keyClicks(pin_dialog.new_edit, "7302")
        qtbot.keyClick(pin_dialog.new_edit, RETURN)
        qtbot.keyClicks(pin_dialog.again_edit, "7302")
        qtbot.keyClick(pin_dialog.again_edit, RETURN)

    seen = when_modal(PinDialog, reset)
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    seen.check()
    assert dialog.ui.errorLabel.text() == "已重置 小王 的 PIN。"
    entry = [e for e in store.audit() if e.kind == "pin_reset"][-1]
    assert (entry.operator, entry.detail) == ("老李", {"name": "小王"})
    assert "7302" not in str(entry.detail)
    assert store.login("小王", "7302").name == "小王"  # and no longer locked out


def test_a_clerk_cannot_reach_the_reset(qtbot: QtBot, store: Store) -> None:
    with_operators(store)
    store.login("小王", "3690")
    window = make_window(qtbot, store)
    window.apply_operator()
    assert not window.ui.actionOperators.isEnabled()
    with pytest.raises(InputError, match="管理员"):
        store.reset_pin("老李", "7302")


def begin_login(qtbot: QtBot, window: MainWindow) -> Any:
    window.session.required = True
    window.session.begin()
    qtbot.waitUntil(lambda: window.session.dialog is not None, timeout=2000)
    return window.session.dialog


def test_tab_from_the_pin_never_reaches_quit(qtbot: QtBot, store: Store) -> None:
    with_operators(store)
    window = make_window(qtbot, store)
    dialog = begin_login(qtbot, window)
    assert isinstance(dialog, LoginDialog)
    ui = dialog.ui
    ui.operatorCombo.setCurrentIndex(ui.operatorCombo.findData("小王"))
    qtbot.waitUntil(ui.pinEdit.hasFocus, timeout=2000)
    quit_button = ui.buttonBox.button(ui.buttonBox.StandardButton.Cancel)
    qtbot.keyClicks(ui.pinEdit, "3690")
    for _ in range(4):  # round the whole Tab chain
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not quit_button
    ui.pinEdit.setFocus()
    qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().text() == "登录"  # type: ignore[union-attr]
    qtbot.keyClick(QApplication.focusWidget(), RETURN)  # Enter there: log in
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=2000)
    assert window.isVisible() and store.operator == "小王"


def test_quit_asks_first(qtbot: QtBot, store: Store) -> None:
    with_operators(store)
    window = make_window(qtbot, store)
    dialog = begin_login(qtbot, window)
    quit_button = dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Cancel)
    assert quit_button.text() == "退出程序"

    def look_and_go_back(box: QMessageBox) -> None:
        assert box.defaultButton().text() == "返回"  # a stray Enter keeps the program
        qtbot.keyClick(box, RETURN)

    asked = when_modal(QMessageBox, look_and_go_back)
    qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
    asked.check()
    assert dialog.isVisible() and window.isVisible()
    asked = when_modal(QMessageBox, lambda box: click_text(box, "退出程序"))
    qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
    asked.check()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert window.exit_code is None  # a normal end


def test_text_typed_before_the_idle_lock_is_gone_after_unlock(qtbot: QtBot,
                                                              store: Store) -> None:
    with_operators(store)
    store.login("小王", "3690")
    window = make_window(qtbot, store)
    type_text(qtbot, window.scan_edit, ID_ZHANG[:9])  # half a number, then a pause
    window.session.idle_ms = 150
    window.session.start_idle()
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)
    assert window.scan_edit.text() == ""
    dialog = window.session.dialog
    qtbot.keyClicks(dialog.ui.pinEdit, "3690")
    qtbot.keyClick(dialog.ui.pinEdit, RETURN)
    qtbot.waitUntil(lambda: not window.session.locked, timeout=2000)
    assert window.scan_edit.text() == "" and window.current_packet is None


def test_first_start_quit_asks_too(qtbot: QtBot, store: Store) -> None:
    from zcdesk.ui.dialogs.operator_form import OperatorFormDialog

    window = make_window(qtbot, store)
    dialog = begin_login(qtbot, window)  # no operator yet: the first admin
    assert isinstance(dialog, OperatorFormDialog)
    quit_button = dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Cancel)
    assert quit_button.text() == "退出程序"
    assert quit_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    asked = when_modal(QMessageBox, lambda box: click_text(box, "返回"))
    qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
    asked.check()
    assert dialog.isVisible() and window.isVisible()
