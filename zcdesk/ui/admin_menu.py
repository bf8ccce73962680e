"""设置 → 操作员管理…, 备份数据库… (admin), and which actions need an admin.

A clerk sees the admin-only actions disabled; the store refuses them anyway
(NotAllowed), and such a refusal is shown like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from zcdesk.ui.i18n import tr
from zcdesk.ui.worker import Progress, run_with_progress

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from zcdesk.ui.main_window import MainWindow

BACKUP_FILTER = "zcdesk 数据库备份 (*.sqlite3);;所有文件 (*)"


class AdminMenu:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.folder = ""

    def admin_actions(self) -> list[QAction]:
        """Actions only an admin may use (disabled for a clerk)."""
        ui = self.window.ui
        return [ui.actionImportRoster, ui.actionImportBans, *self.window.flow.admin_actions(),
                ui.actionDeskSetup, ui.actionOperators, ui.actionBackup]

    def handlers(self) -> dict[QAction, Callable[[], None]]:
        ui = self.window.ui
        run = self.window.run_command  # a refusal shown, the scan field refocused
        return {ui.actionOperators: lambda: run(self.manage_operators),
                ui.actionBackup: lambda: run(self.backup_database)}

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
        chosen, _ = QFileDialog.getSaveFileName(
            window, tr("备份数据库"), str(Path(self.folder or Path.home()) / name),
            tr(BACKUP_FILTER))
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
