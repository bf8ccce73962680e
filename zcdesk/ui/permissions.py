"""Admin-only actions for a clerk: drawn disabled, explained, and their keys answer.

A disabled QAction's shortcut does nothing at all, which a clerk pressing
Ctrl+B takes for a broken key. So each admin action's keys are also held by a
window shortcut, enabled only while the action is disabled for want of the
role: it says in the message line what needs an admin (with the error sound).
The tooltip and status tip say it too; an admin gets the original tips back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMenu

from zcdesk.ui.i18n import tr
from zcdesk.ui.keymap import plain_text, shortcut_text

if TYPE_CHECKING:
    from zcdesk.ui.main_window import MainWindow

NEEDS_ADMIN = "需要管理员登录"
# What a refusal calls the action (its menu text where that says it well enough).
ADMIN_WORDS = {
    "actionNewBatch": "批次管理",
    "actionImportRoster": "导入花名册",
    "actionUndoImport": "撤销导入花名册",
    "actionImportBans": "导入禁报名单",
    "actionRecordDecision": "登记评审结果",
    "actionImportDecisions": "导入评审结果",
    "actionReturns": "回收与返还",
    "actionCalendar": "节假日设置",
    "actionDeskSetup": "本机受理点设置",
    "actionOperators": "操作员管理",
    "actionBackup": "备份数据库",
    "actionIdleLock": "自动锁定设置",
}


def admin_words(action: QAction) -> str:
    return tr(ADMIN_WORDS.get(action.objectName(), "")) or plain_text(action)


class AdminGate:
    """Enables, explains and answers the admin-only actions of one window."""

    def __init__(self, window: MainWindow, actions: Callable[[], list[QAction]]) -> None:
        self.window = window
        self._actions = actions
        self._tips: dict[QAction, tuple[str, str]] = {}  # the admin's tooltip, status tip
        self._keys: dict[QAction, list[QShortcut]] = {}
        self.admin = True

    def refusal(self, action: QAction) -> str:
        switch = shortcut_text(self.window.ui.actionSwitchOperator) or "Ctrl+L"
        return tr("{what}需要管理员登录（{keys} 切换操作员）").format(
            what=admin_words(action), keys=switch)

    def apply(self, admin: bool) -> None:
        """The operator's role is known (login, unlock, the store attached)."""
        self.admin = admin
        for action in self._actions():
            tooltip, status_tip = self._tips.setdefault(
                action, (action.toolTip(), action.statusTip()))
            shown = action.isVisible()  # hidden at the city desk: stays off
            action.setEnabled(admin and shown)
            if admin:
                action.setToolTip(tooltip)
                action.setStatusTip(status_tip)
            else:
                action.setToolTip(tr("{what}（需要管理员登录）").format(
                    what=plain_text(action)))
                action.setStatusTip(self.refusal(action))
            for key in self._shortcuts(action):
                key.setEnabled(not admin and shown)
            for menu in action.associatedObjects():
                if isinstance(menu, QMenu):  # a disabled item explains itself on hover
                    menu.setToolTipsVisible(not admin)

    def _shortcuts(self, action: QAction) -> list[QShortcut]:
        if action not in self._keys:
            keys = []
            for sequence in action.shortcuts():
                key = QShortcut(sequence, self.window)
                key.setContext(Qt.ShortcutContext.WindowShortcut)
                key.setEnabled(False)
                key.activated.connect(lambda a=action: self.refuse(a))
                keys.append(key)
            self._keys[action] = keys
        return self._keys[action]

    def refuse(self, action: QAction) -> None:
        """A clerk pressed an admin action's key: say so, with the error sound."""
        window = self.window
        if window.locked:
            return
        window.show_error(self.refusal(action))
        window.refocus()
