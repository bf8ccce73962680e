"""设置 → 操作员管理…, 自动锁定…, 备份数据库… (admin), 修改我的 PIN… (everyone),
and which actions need an admin.

A clerk sees the admin-only actions disabled, explained, and their keys say
so (ui/permissions.py); the store refuses them anyway (NotAllowed), and such a
refusal is shown like any other. 修改我的 PIN… and 自动锁定… are not in the
main_window.ui form: they are made here and put into the 设置 menu.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from zcdesk.ui import store_errors as errors
from zcdesk.ui.i18n import tr
from zcdesk.ui.permissions import AdminGate
from zcdesk.ui.worker import Progress, run_with_progress

if TYPE_CHECKING:
    from zcdesk.ui.main_window import MainWindow

BACKUP_FILTER = "zcdesk 数据库备份 (*.sqlite3);;所有文件 (*)"


class AdminMenu:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.folder = ""
        ui = window.ui
        self.change_pin_action = _menu_action(
            window, "actionChangePin", tr("修改我的 PIN…"),
            tr("输入现在的 PIN 和两次新 PIN，修改自己的登录 PIN"))
        self.idle_lock_action = _menu_action(
            window, "actionIdleLock", tr("自动锁定…"),
            tr("无人操作多少分钟后自动锁定窗口（管理员）"))
        self.rounds_action = _menu_action(
            window, "actionRounds", tr("申报轮次…"),
            tr("查看轮次；导入新一轮的轮次配置文件，切换当前轮次（管理员）"))
        _insert_after(ui.menuSettings, ui.actionSwitchOperator, self.change_pin_action)
        _insert_after(ui.menuSettings, ui.actionDeskSetup, self.rounds_action)
        _insert_after(ui.menuSettings, ui.actionDeskSetup, self.idle_lock_action)
        self.second_backup_action = _menu_action(
            window, "actionSecondBackup", tr("第二份备份位置…"),
            tr("U 盘、另一块磁盘或网络文件夹：每天自动备份后再复制一份到那里（管理员）"))
        _insert_after(ui.menuSettings, ui.actionBackup, self.second_backup_action)
        self.gate = AdminGate(window, self.admin_actions)

    def actions(self) -> list[QAction]:
        """The actions made here (they need the store, as the form's do)."""
        return [self.change_pin_action, self.idle_lock_action, self.rounds_action,
                self.second_backup_action]

    def admin_actions(self) -> list[QAction]:
        """Actions only an admin may use (disabled for a clerk)."""
        ui = self.window.ui
        return [ui.actionImportRoster, self.window.roster.undo_action, ui.actionImportBans,
                *self.window.flow.admin_actions(),
                ui.actionDeskSetup, ui.actionOperators, self.idle_lock_action, ui.actionBackup,
                self.second_backup_action]

    def apply_role(self, admin: bool) -> None:
        """Login or unlock: the admin actions on, or off and explained."""
        self.gate.apply(admin)

    def handlers(self) -> dict[QAction, Callable[[], None]]:
        ui = self.window.ui
        run = self.window.run_command  # a refusal shown, the scan field refocused
        return {ui.actionOperators: lambda: run(self.manage_operators),
                ui.actionBackup: lambda: run(self.backup_database),
                self.change_pin_action: lambda: run(self.change_my_pin),
                self.idle_lock_action: lambda: run(self.idle_lock),
                self.rounds_action: lambda: run(self.rounds),
                self.second_backup_action: lambda: run(self.second_backup)}

    def rounds(self) -> None:
        """设置 → 申报轮次…: open to everyone; its writing buttons are the admin's."""
        from zcdesk.ui.dialogs import rounds

        window = self.window
        rounds.launch(window, window.store, admin=window.is_admin(),
                      on_switched=window.after_round_change)

    def change_my_pin(self) -> bool:
        """设置 → 修改我的 PIN…: the logged-in operator's own PIN."""
        from zcdesk.ui.dialogs import pin

        window = self.window
        if not window.store_ready:
            return False
        if not pin.change_own(window, window.store):
            return False
        window.show_message(tr("{name} 的 PIN 已修改：下次登录和解锁请用新 PIN。").format(
            name=window.store.operator), "ok")
        window.feedback.ok()
        return True

    def idle_lock(self) -> int | None:
        """设置 → 自动锁定… (admin): the idle minutes, at once in force."""
        from zcdesk.ui.dialogs import idle_lock
        from zcdesk.ui.session import SETTING_IDLE, idle_minutes

        window = self.window
        store = window.store
        store.require_admin(tr("自动锁定设置"))
        try:
            current = idle_minutes(store.setting(SETTING_IDLE))
        except errors.StoreError:
            current = idle_minutes(None)
        minutes = idle_lock.launch(window, current)
        if minutes is None:
            return None
        store.set_idle_lock_minutes(minutes)
        session = window.session
        if session.logged_in or session.idle.active:  # in force now, not at the next login
            session.start_idle()
        window.show_message(
            tr("已设置：{n} 分钟无操作自动锁定。").format(n=minutes) if minutes
            else tr("已设置：不自动锁定（Ctrl+L 随时锁定）。"), "ok")
        window.feedback.ok()
        return minutes

    def manage_operators(self) -> None:
        from zcdesk.ui.dialogs import operators

        window = self.window
        window.store.require_admin(tr("操作员管理"))
        operators.launch(window, window.store)
        window.apply_operator()

    def backup_database(self) -> Path | None:
        """A checked copy of the SQLite file where the admin chooses (as `zcdesk backup`)."""
        window = self.window
        store = window.store
        store.require_admin(tr("备份"))
        name = f"zcdesk-备份-{store.clock():%Y%m%d-%H%M}.sqlite3"
        # No "replace?" question: a backup never replaces a file (store/backup.backup_to
        # refuses in words), least of all the database itself.
        chosen, _ = QFileDialog.getSaveFileName(
            window, tr("备份数据库"), str(Path(self.folder or Path.home()) / name),
            tr(BACKUP_FILTER), options=QFileDialog.Option.DontConfirmOverwrite)
        if not chosen:
            return None
        target = Path(chosen)
        self.folder = str(target.parent)

        def work(_progress: Progress) -> Path:
            return store.backup_to(target)

        try:
            outcome = run_with_progress(window, work, tr("正在备份并检查……"),
                                        title=tr("备份数据库"), cancellable=False)
        except OSError as exc:
            window.show_error(tr("备份失败：{error}").format(error=exc))
            return None
        written: Path = outcome.value  # type: ignore[assignment]
        window.show_message(tr("已备份到 {path}（完整性检查通过）。{at}").format(
            path=written, at=dt.datetime.now().strftime("%H:%M")), "ok")
        window.feedback.ok()
        return written

    def second_backup(self) -> Path | None:
        """设置 → 第二份备份位置… (admin): a folder off this disk that each daily backup is
        copied to; tried with a test write and a first copy (as `zcdesk backup
        --set-second`). Its copy's age is then on the status bar."""
        from zcdesk.store import first_day

        window = self.window
        store = window.store
        store.require_admin(tr("设置第二份备份位置"))
        current = store.setting(first_day.SETTING_BACKUP_FOLDER) or ""
        chosen = QFileDialog.getExistingDirectory(
            window, tr("第二份备份位置（U 盘、另一块磁盘或网络文件夹）"),
            current or str(Path.home()))
        if not chosen:
            return None

        def work(_progress: Progress) -> Path:
            # the first copy, in this database's own folder there (as the daily ones)
            return first_day.set_backup_folder(store, Path(chosen))

        try:
            outcome = run_with_progress(window, work, tr("正在试写并备份……"),
                                        title=tr("第二份备份位置"), cancellable=False)
        except OSError as exc:
            window.show_error(tr("无法备份到该文件夹：{error}").format(error=exc))
            return None
        written: Path = outcome.value  # type: ignore[assignment]
        window.show_message(tr("第二份备份位置：{folder}。已备份一份，此后每天自动备份后再复制一份"
                               "到这里。").format(folder=chosen), "ok")
        window.session.backup_now()  # the status bar shows the new target's age
        window.feedback.ok()
        return written


def _menu_action(window: MainWindow, name: str, text: str, status_tip: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setStatusTip(status_tip)
    return action


def _insert_after(menu: QMenu, anchor: QAction, action: QAction) -> None:
    """`action` right below `anchor` in `menu` (at the end when the anchor is not there)."""
    items = menu.actions()
    at = items.index(anchor) + 1 if anchor in items else len(items)
    if at < len(items):
        menu.insertAction(items[at], action)
    else:
        menu.addAction(action)
