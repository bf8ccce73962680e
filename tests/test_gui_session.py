"""Operators at the desk: first admin, login, roles, the lock; concurrent writes; backups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import FIXED_NOW, ID_LI, ID_ZHANG
from tests.gui_support import make_window, open_visit, patch_dialog, press, scan
from zcdesk.domain.records import OperatorInfo
from zcdesk.store import Store
from zcdesk.ui.dialogs.login import LoginDialog
from zcdesk.ui.dialogs.operator_form import OperatorFormDialog
from zcdesk.ui.main_window import MainWindow


def with_operators(store: Store) -> None:
    """老李 (admin, 1234) and 小王 (clerk, 3690); the store back to the trusted role."""
    store.create_operator("老李", "2468", "admin")
    store.login("老李", "2468")
    store.create_operator("小王", "3690", "clerk")
    store.operator, store.role = "小王", None


def begin(qtbot: QtBot, window: MainWindow) -> Any:
    """What run_gui does once the store is attached; returns the dialog it opens."""
    window.session.required = True
    window.session.begin()
    qtbot.waitUntil(lambda: window.session.dialog is not None, timeout=2000)
    return window.session.dialog


@pytest.fixture(autouse=True)
def _no_backups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Store, "automatic_backup", lambda self, keep=14: None)


def test_first_admin_is_created_and_logged_in(qtbot: QtBot, store: Store,
                                              people: dict[str, int]) -> None:
    window = make_window(qtbot, store)
    dialog = begin(qtbot, window)
    assert isinstance(dialog, OperatorFormDialog) and dialog.isVisible()
    assert window.locked and not window.centralWidget().isEnabled()
    ui = dialog.ui
    # step 1 of the one first-day flow; the wizard continues at step 2
    assert ui.introLabel.text().startswith("第 1 步（共 7 步）：第一位管理员")
    ui.nameEdit.setText("老李")
    ui.pinEdit.setText("2468")
    ui.pin2Edit.setText("2486")
    ui.buttonBox.accepted.emit()
    assert "不一致" in ui.errorLabel.text() and dialog.isVisible()
    ui.pin2Edit.setText("2468")
    ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=2000)
    assert store.operator == "老李" and store.role == "admin"
    assert not window.locked and window.centralWidget().isEnabled()
    assert "操作员 老李（管理员）" in window.status_bar_text()
    assert window.ui.actionImportRoster.isEnabled()


def test_login_wrong_pin_stays_then_clerk_sees_admin_actions_disabled(
        qtbot: QtBot, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    with_operators(store)
    window = make_window(qtbot, store)
    scan(qtbot, window, ID_ZHANG)
    dialog = begin(qtbot, window)
    assert isinstance(dialog, LoginDialog)
    ui = dialog.ui
    assert [ui.operatorCombo.itemData(i) for i in range(ui.operatorCombo.count())] == \
        ["小王", "老李"]
    assert ui.pinEdit.echoMode() == ui.pinEdit.EchoMode.Password
    assert not ui.hintLabel.isVisibleTo(dialog)  # not the demo
    ui.operatorCombo.setCurrentIndex(ui.operatorCombo.findData("小王"))
    qtbot.keyClicks(ui.pinEdit, "0000")
    qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)
    assert "PIN 不正确" in ui.errorLabel.text() and dialog.isVisible()
    assert ui.pinEdit.text() == ""
    qtbot.keyClicks(ui.pinEdit, "3690")
    qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=2000)
    assert store.operator == "小王" and store.role == "clerk"
    assert "操作员 小王（窗口人员）" in window.status_bar_text()
    for action in window.admin.admin_actions():
        assert not action.isEnabled(), action.text()
    assert "需要管理员登录" in window.ui.actionImportRoster.toolTip()
    assert window.ui.actionExport.isEnabled() and window.ui.actionNewVisit.isEnabled()
    # the store refuses anyway, and that is shown
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        staticmethod(lambda *a, **k: ("/nonexistent.xlsx", "")))
    window.admin.handlers()[window.ui.actionOperators]()
    assert "需要管理员权限" in window.message_text()


def test_demo_login_shows_the_demo_pins(qtbot: QtBot, store: Store) -> None:
    with_operators(store)
    window = make_window(qtbot, store)
    window.session.demo = True
    dialog = begin(qtbot, window)
    assert dialog.ui.hintLabel.text() == "演示：演示管理员 / 2580，小王 / 3690"
    assert dialog.ui.hintLabel.isVisibleTo(dialog)


def test_escape_at_login_quits(qtbot: QtBot, store: Store) -> None:
    with_operators(store)
    window = make_window(qtbot, store)
    dialog = begin(qtbot, window)
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert window.exit_code is None  # a normal end: exit 0


def test_patched_login_then_desk_setup_and_queued_scans(
        qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(db_url, operator="x", clock=lambda: FIXED_NOW)
    try:
        with_operators(store)

        def login(parent: Any, store_: Store, on_done: Any, **kwargs: Any) -> None:
            on_done(store_.login("老李", "2468"))

        calls = patch_dialog(monkeypatch, "login", answer=login)
        desk = patch_dialog(monkeypatch, "desk", None)
        window = make_window(qtbot, None)
        window.session.required = True  # as run_gui
        window.store_attached.connect(window.session.begin)
        window.attach_store(store)
        assert desk.calls == []  # the desk setup waits for the login
        qtbot.waitUntil(lambda: window.session.logged_in, timeout=2000)
        assert calls.calls and desk.calls  # then it is asked (no point configured)
        assert store.operator == "老李"
    finally:
        store.close()


def test_idle_lock_blocks_scans_until_the_pin(qtbot: QtBot, store: Store,
                                              people: dict[str, int]) -> None:
    with_operators(store)
    store.login("小王", "3690")
    window = make_window(qtbot, store)
    window.session.idle_ms = 150
    window.session.start_idle()
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)
    dialog = window.session.dialog
    assert isinstance(dialog, LoginDialog) and dialog.locked and dialog.isVisible()
    assert dialog.ui.operatorCombo.currentData() == "小王"
    assert window.locked and window._lock_cover.isVisible()
    # a scanner typing now: nothing reaches the scan field
    scan(qtbot, window, ID_ZHANG)
    assert window.scan_edit.text() == "" and window.current_packet is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not unlock
    assert window.session.locked and dialog.isVisible()
    qtbot.keyClicks(dialog.ui.pinEdit, ID_LI)  # the scanner's text lands in the PIN field
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert window.session.locked and window.current_packet is None
    assert dialog.ui.errorLabel.text()
    qtbot.keyClicks(dialog.ui.pinEdit, "3690")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.session.locked, timeout=2000)
    assert not window.locked and window.centralWidget().isEnabled()
    assert window.session.idle.active  # watching again
    scan(qtbot, window, ID_ZHANG)
    assert window.current_packet is not None


def test_ctrl_l_locks_and_another_operator_unlocks(qtbot: QtBot, store: Store,
                                                   people: dict[str, int]) -> None:
    with_operators(store)
    store.login("小王", "3690")
    window = make_window(qtbot, store)
    window.apply_operator()
    assert not window.ui.actionImportRoster.isEnabled()
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.locked
    dialog = window.session.dialog
    dialog.ui.operatorCombo.setCurrentIndex(dialog.ui.operatorCombo.findData("老李"))
    dialog.ui.pinEdit.setText("2468")
    dialog.ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: not window.session.locked, timeout=2000)
    assert store.operator == "老李" and window.ui.actionImportRoster.isEnabled()
    assert "老李（管理员）已登录" in window.message_text()


def test_operators_dialog_adds_and_disables(qtbot: QtBot, store: Store,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from zcdesk.ui.dialogs.operators import OperatorsDialog

    with_operators(store)
    store.login("老李", "2468")
    monkeypatch.setattr("zcdesk.ui.dialogs.operator_form.launch",
                        lambda parent, s: s.create_operator("小张", "5813", "clerk"))
    dialog = OperatorsDialog(None, store)
    qtbot.addWidget(dialog)
    assert dialog.ui.operatorsTable.rowCount() == 2
    dialog.ui.addButton.click()
    assert dialog.ui.operatorsTable.rowCount() == 3
    assert dialog.selected() == OperatorInfo("小张", "clerk", True)
    dialog.ui.toggleButton.click()
    assert [o.active for o in store.operators() if o.name == "小张"] == [False]
    assert dialog.ui.toggleButton.text() == "启用"
    dialog.ui.operatorsTable.selectRow([o.name for o in store.operators()].index("老李"))
    dialog.ui.toggleButton.click()
    assert "唯一的管理员" in dialog.ui.errorLabel.text()


def test_concurrent_change_is_refused_and_shown(qtbot: QtBot, store: Store, db_url: str,
                                                people: dict[str, int],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    other = Store.open(db_url, operator="小李", desk="窗口2", clock=lambda: FIXED_NOW)
    try:
        other.accept(people["张三"], "evaluation", 1)
    finally:
        other.close()
    scan(qtbot, window, "2")
    assert window.feedback.played[-1] == "error"
    assert "另一窗口刚刚更新了 张三" in window.message_text()
    packet = window.current_packet
    assert packet is not None and packet.state.item("evaluation").accepted == 1
    assert [e.kind for e in store.history(packet.applicant.id)] == ["applicant_added", "accept"]
    scan(qtbot, window, "1")  # now on the fresh state: recorded
    assert window.current_packet.state.item("evaluation").accepted == 2  # type: ignore[union-attr]


def test_network_share_warning_is_shown_once(qtbot: QtBot, store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    with_operators(store)
    monkeypatch.setattr("zcdesk.store.engine.network_share_warning",
                        lambda url: "数据库文件位于网络共享文件夹上。")
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: boxes.append(text)))
    window = make_window(qtbot, store)
    begin(qtbot, window)
    assert boxes == ["数据库文件位于网络共享文件夹上。"]


def test_automatic_backup_runs_at_start_and_failures_warn(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def backup(self: Store, keep: int = 14) -> Path:
        calls.append(keep)
        return tmp_path / "backups" / "zcdesk-2025-05-18.sqlite3"

    monkeypatch.setattr(Store, "automatic_backup", backup)
    window = make_window(qtbot, store)
    window.session.start_backups()
    qtbot.waitUntil(lambda: bool(window.session.backups), timeout=2000)
    assert calls == [14] and window.notice_text() == "今日已自动备份"
    assert window.session._backup_timer.interval() == 60 * 60 * 1000

    def broken(self: Store, keep: int = 14) -> Path:
        raise OSError("磁盘已满")

    monkeypatch.setattr(Store, "automatic_backup", broken)
    window.session.backup_now()
    qtbot.waitUntil(lambda: len(window.session.backups) == 2, timeout=2000)
    assert "自动备份失败" in window.notice_text()
    assert "磁盘已满" in window._notice_label.toolTip()


def test_no_idle_lock_while_long_work_runs(qtbot: QtBot, store: Store,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """An import or a print job behind its progress dialog is not idleness: the lock
    (which would use the store beside the worker thread) waits until it is done."""
    from zcdesk.ui import worker

    with_operators(store)
    store.login("小王", "3690")
    window = make_window(qtbot, store)
    monkeypatch.setattr(worker, "_long_work", 1)
    window.session.idle_ms = 100
    window.session.start_idle()
    qtbot.wait(400)
    assert not window.session.locked and window.session.idle.active
    monkeypatch.setattr(worker, "_long_work", 0)
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)
