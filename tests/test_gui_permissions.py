"""A clerk at the counter: admin actions drawn disabled, explained, and their keys answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui_support import make_window, patch_dialog, press
from zcdesk.store import Store
from zcdesk.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def with_operators(store: Store) -> None:
    """老李 (admin, 2468) and 小王 (clerk, 3690)."""
    store.create_operator("老李", "2468", "admin")
    store.login("老李", "2468")
    store.create_operator("小王", "3690", "clerk")


def as_clerk(qtbot: QtBot, store: Store) -> MainWindow:
    with_operators(store)
    store.login("小王", "3690")
    window = make_window(qtbot, store)
    window.apply_operator()
    return window


@pytest.fixture(autouse=True)
def _no_backups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Store, "automatic_backup", lambda self, keep=14: None)


def test_admin_actions_are_disabled_and_explained_for_a_clerk(qtbot: QtBot,
                                                              store: Store) -> None:
    window = as_clerk(qtbot, store)
    ui = window.ui
    actions = window.admin.admin_actions()
    assert ui.actionNewBatch in actions and window.admin.idle_lock_action in actions
    for action in actions:
        assert not action.isEnabled(), action.text()
        assert "需要管理员登录" in action.toolTip(), action.text()
        assert "需要管理员登录" in action.statusTip(), action.text()
    assert ui.actionNewBatch.statusTip() == "批次管理需要管理员登录（Ctrl+L 切换操作员）"
    assert ui.menuFlow.toolTipsVisible()  # a disabled item says why on hover
    # what a clerk may do stays as it was
    assert ui.actionStatistics.isEnabled() and ui.actionExport.isEnabled()
    assert window.admin.change_pin_action.isEnabled()


def test_ctrl_b_as_a_clerk_says_why_with_the_error_sound(qtbot: QtBot, store: Store,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    batches = patch_dialog(monkeypatch, "batches", False)
    window = as_clerk(qtbot, store)
    press(qtbot, window, Qt.Key.Key_B, CTRL)
    assert window.message_text() == "批次管理需要管理员登录（Ctrl+L 切换操作员）"
    assert window.feedback.played[-1] == "error"
    assert batches.calls == []
    assert window.scan_edit.hasFocus()
    press(qtbot, window, Qt.Key.Key_D, CTRL)  # 登记评审结果
    assert window.message_text() == "登记评审结果需要管理员登录（Ctrl+L 切换操作员）"


def test_after_an_admin_logs_in_the_keys_work_and_tips_are_back(
        qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    batches = patch_dialog(monkeypatch, "batches", False)
    window = as_clerk(qtbot, store)
    press(qtbot, window, Qt.Key.Key_L, CTRL)  # 切换操作员
    dialog = window.session.dialog
    assert dialog is not None
    dialog.ui.operatorCombo.setCurrentIndex(dialog.ui.operatorCombo.findData("老李"))
    qtbot.keyClicks(dialog.ui.pinEdit, "2468")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.session.locked, timeout=2000)
    ui = window.ui
    assert ui.actionNewBatch.isEnabled()
    assert ui.actionNewBatch.statusTip().startswith("组批、登记送评报告单和花名册")  # the form's
    assert ui.actionNewBatch.toolTip() == "批次（Ctrl+B）"
    assert not ui.menuFlow.toolTipsVisible()
    press(qtbot, window, Qt.Key.Key_B, CTRL)
    assert len(batches.calls) == 1  # the real action, not the refusal
    assert "需要管理员" not in window.message_text()


def test_f1_marks_the_admin_actions(qtbot: QtBot, store: Store,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    shown = patch_dialog(monkeypatch, "shortcuts")
    window = as_clerk(qtbot, store)
    press(qtbot, window, Qt.Key.Key_F1)
    rows = dict(shown.calls[0][0][1])
    assert rows["Ctrl+B"] == "批次（需要管理员）"
    assert rows["Ctrl+D"] == "登记评审结果（需要管理员）"
    assert rows["Ctrl+R"] == "回收与返还（需要管理员）"
    assert rows["F2"] == "新建收件" and rows["Ctrl+T"] == "统计"


def test_the_idle_lock_is_set_from_the_window(qtbot: QtBot, store: Store,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from zcdesk.ui.dialogs.idle_lock import IdleLockDialog

    with_operators(store)  # 老李, the admin, is logged in
    window = make_window(qtbot, store)
    window.session.logged_in = True
    action = window.admin.idle_lock_action
    assert action in window.ui.menuSettings.actions() and action.isEnabled()
    seen: list[IdleLockDialog] = []

    def answer(parent: object, minutes: int) -> int | None:
        dialog = IdleLockDialog(None, minutes)
        qtbot.addWidget(dialog)
        seen.append(dialog)
        spin = dialog.minutes_spin
        assert spin.value() == 10 and spin.text() == "10 分钟"
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, "3")
        return spin.value()

    monkeypatch.setattr("zcdesk.ui.dialogs.idle_lock.launch", answer)
    action.trigger()
    assert seen and store.setting("desk.idle_lock_minutes") == "3"
    assert window.session.idle.active and window.session.idle.interval_ms == 3 * 60_000
    assert "3 分钟无操作自动锁定" in window.message_text()
    # a clerk: the action is off, and the store would refuse anyway
    store.login("小王", "3690")
    window.apply_operator()
    assert not action.isEnabled()
    window.admin.handlers()[action]()
    assert "需要管理员权限" in window.message_text()
