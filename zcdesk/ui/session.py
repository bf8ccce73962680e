"""Who is at the desk: login at start, the lock (Ctrl+L and idle), automatic backups.

`Session.begin()` is called by run_gui once the store is attached (not by the
window's constructor: tests that build MainWindow(store) directly work as in
set-up mode, as an operator without a role whom nothing is refused). It warns once when
the database file lies on a network share, then asks for the first admin
(empty operator table) or a login; until then the window is locked and the
first-start desk setup and any scans typed while the database opened wait.
On a new database the first admin's login opens the first-day wizard
(ui/dialogs/first_day.py) for the rest of the set-up; a set-up left half-way
opens it again at the next admin login, at the first step not done.

The idle lock: an application-wide event filter restarts a single-shot QTimer
on every key, mouse or wheel input; when it fires the window locks. The lock
disables the window's widgets under an opaque cover and opens the login
dialog in lock mode: keys (a scanner's too) go to the dialog, never to the
scan field, and whatever was half-typed there is cleared. The current
operator's PIN unlocks, or another operator logs in. The minutes are the
desk's setting: 设置 → 自动锁定… (admin) or `zcdesk desk --idle-lock N`.

Automatic backup: after the store is attached and then hourly,
`store.automatic_backup()` runs in a thread; when it is done, the copy to the second
target (store/backup.second_copy) runs as a job of its own, with its own flag: a
network folder that hangs holds up only the copies to it, never the daily backup. A
failure is a status-bar warning, and so is a second target that is missing, stale or
still busy from the hour before (its copy's age is on the status bar).
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from zcdesk.domain.records import OperatorInfo
from zcdesk.ui import store_errors as errors
from zcdesk.ui.i18n import tr
from zcdesk.ui.worker import long_work_running, run_in_background

if TYPE_CHECKING:
    from zcdesk.store.backup import SecondCopy
    from zcdesk.ui.main_window import MainWindow

SETTING_IDLE = "desk.idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10
BACKUP_INTERVAL_MS = 60 * 60 * 1000
_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress, QEvent.Type.InputMethod})
log = logging.getLogger("zcdesk.ui")


def idle_minutes(text: str | None) -> int:
    """The setting's value: minutes (0 = never); the default when unset or not a number."""
    if text is None or not text.strip():
        return DEFAULT_IDLE_MINUTES
    try:
        value = int(text.strip())
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return max(value, 0)


class IdleWatcher(QObject):
    """Emits `idle` after `interval_ms` without keyboard or mouse input anywhere in the app."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._watching = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self, interval_ms: int | None = None) -> None:
        if interval_ms is not None:
            self.interval_ms = interval_ms
        if self.interval_ms <= 0:
            self.stop()
            return
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._timer.start(self.interval_ms)

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    def _fire(self) -> None:
        if long_work_running():  # an import or a print job is not idleness
            self._timer.start()
            return
        self.stop()
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()  # input: the idle time starts again
        return False


class Session(QObject):
    """The operator session of one MainWindow."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.required = False  # run_gui: nothing happens before a login
        self.demo = False  # the demo database: the login shows the demo PINs
        self.logged_in = False
        self.locked = False
        self.dialog: QObject | None = None  # the open login / lock dialog
        self.idle = IdleWatcher(self)
        self.idle_ms: int | None = None  # overrides the setting (tests)
        self.idle.idle.connect(self._on_idle)
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_INTERVAL_MS)
        self._backup_timer.timeout.connect(self.backup_now)
        self.backups: list[Path | None] = []  # results, for the status bar and tests
        self.backup_running = False
        # The copy to the second target: a job and a flag of its own (see the module).
        self.second_copies: list[SecondCopy | None] = []
        self.second_running = False
        self.main_failed = False  # the last daily backup failed (its warning stays)
        self.new_database = False  # the first admin was created in this session

    @property
    def waiting_for_login(self) -> bool:
        return self.required and not self.logged_in

    # ------------------------------------------------------------ start
    def begin(self) -> None:
        """The store is attached (run_gui): warn, log in, back up; out of the
        attach call, so nothing runs nested inside it."""
        self.required = True
        self.window.set_locked(True, tr("请先登录"))
        QTimer.singleShot(0, self, self._begin)

    def _begin(self) -> None:
        self.show_network_warning()
        self.start_backups()
        self.ask_login()

    def show_network_warning(self) -> None:
        window = self.window
        from zcdesk.store.engine import network_share_warning  # the store is open by now

        try:
            text = network_share_warning(window.store.url)
        except Exception:  # a warning must never stop the start
            log.exception("network share check failed")
            return
        if text:
            window.show_warning(text)
            QMessageBox.warning(window, tr("数据库位置"), text)

    def ask_login(self) -> None:
        """The first admin (no operator yet) or the login dialog."""
        window = self.window
        store = window.store
        try:
            first = store.needs_first_admin()
        except errors.StoreError as exc:
            window.show_error(str(exc))
            first = False
        if first:
            self.new_database = True  # the first admin begins the first-day set-up
            window.set_locked(True, tr("首次设置"))
            from zcdesk.ui.dialogs import operator_form

            self.dialog = operator_form.open_first_admin(window, store, self._on_login)
            return
        from zcdesk.ui.dialogs import login

        self.dialog = login.launch(window, store, self._on_login,
                                   hint=tr(login.DEMO_HINT) if self.demo else "")

    def _on_login(self, operator: OperatorInfo | None) -> None:
        self.dialog = None
        window = self.window
        if operator is None:
            window.quit_program()
            return
        first = not self.logged_in
        self.logged_in = True
        self._unlock(operator)
        if first and not self.open_first_day(operator):
            window.after_login()

    # -------------------------------------------------------- first day
    def first_day_pending(self) -> bool:
        """A new database's set-up begun and not finished (store/first_day.py)."""
        from zcdesk.store import first_day

        try:
            if self.new_database:
                first_day.begin(self.window.store)
            return first_day.flow_needed(first_day.read_state(self.window.store))
        except errors.StoreError as exc:
            self.window.show_error(str(exc))
            return False

    def open_first_day(self, operator: OperatorInfo) -> bool:
        """After the first login: the first-day wizard when the set-up is not finished
        (an admin continues it; a clerk is told). True: the wizard is open, and
        what waited for the login (after_login) waits for it."""
        window = self.window
        if not self.first_day_pending():
            return False
        if not operator.is_admin:
            window.show_warning(tr("首次设置尚未完成：请管理员登录后完成设置"
                                   "（受理点、轮次、备份文件夹等）。"))
            return False
        from zcdesk.ui.dialogs import first_day

        self.dialog = first_day.open_wizard(window, window.store, operator,
                                            self._first_day_done,
                                            import_roster=window.roster.import_roster)
        return True

    def _first_day_done(self, operator: OperatorInfo | None) -> None:
        self.dialog = None
        window = self.window
        if operator is None:  # 取消 and 退出程序: the next start continues the set-up
            window.quit_program()
            return
        window.show_message(tr("首次设置已完成，可以开始收件。"), "ok")
        window.after_login()

    # ------------------------------------------------------------- lock
    def start_idle(self) -> None:
        """Watch for idleness: `idle_ms` when set (tests), else the desk's setting."""
        if not self.window.store_ready:
            return
        if self.idle_ms is not None:
            self.idle.start(self.idle_ms)
            return
        try:
            minutes = idle_minutes(self.window.store.setting(SETTING_IDLE))
        except errors.StoreError:
            minutes = DEFAULT_IDLE_MINUTES
        self.idle.start(minutes * 60_000)

    def _on_idle(self) -> None:
        self.lock(tr("{n} 分钟无操作，窗口已自动锁定。请输入 PIN 解锁。").format(
            n=max(1, round(self.idle.interval_ms / 60_000))))

    def lock(self, reason: str = "") -> bool:
        """Ctrl+L or idle: lock now. False when there is nobody who could unlock."""
        window = self.window
        if self.locked or not window.store_ready:
            return self.locked
        store = window.store
        try:
            nobody = store.needs_first_admin()
        except errors.StoreError as exc:
            window.show_error(str(exc))
            return False
        if nobody:
            window.show_warning(tr("还没有设置操作员，无法锁定。"
                                   "请用“设置 → 操作员管理”先建立管理员。"))
            return False
        self.idle.stop()
        self.locked = True
        # Half-typed text is not left for whoever unlocks (nor sent by their first Enter).
        window.scan_edit.clear()
        window.set_locked(True, tr("窗口已锁定"))
        from zcdesk.ui.dialogs import login

        self.dialog = login.launch(window, store, self._on_unlock, current=store.operator,
                                   locked=True, reason=reason,
                                   hint=tr(login.DEMO_HINT) if self.demo else "")
        return True

    def _on_unlock(self, operator: OperatorInfo | None) -> None:
        self.dialog = None
        if operator is None:
            self.window.quit_program()
            return
        self._unlock(operator)

    def _unlock(self, operator: OperatorInfo) -> None:
        self.locked = False
        window = self.window
        window.set_locked(False)
        window.apply_operator()
        window.show_message(tr("{name}（{role}）已登录。").format(
            name=operator.name, role=_role_words(operator.role)), "ok")
        self.start_idle()
        window.refocus()

    # ---------------------------------------------------------- backups
    def start_backups(self) -> None:
        """A backup now and then every hour (SQLite; nothing for PostgreSQL)."""
        if not self._backup_timer.isActive():
            self._backup_timer.start()
        self.backup_now()

    def backup_now(self) -> None:
        window = self.window
        if not window.store_ready or self.backup_running or long_work_running():
            return  # the next tick (hourly) tries again
        self.backup_running = True
        store = window.store
        run_in_background(self, store.automatic_backup, self._backup_done,
                          self._backup_failed)

    def _backup_done(self, path: Path | None) -> None:
        self.backup_running = False
        self.main_failed = False
        self.backups.append(path)
        if path is not None:
            log.info("automatic backup: %s", path)
            with contextlib.suppress(RuntimeError):
                self.window.set_notice(tr("今日已自动备份"), str(path), warn=False)
        self.second_copy_now()

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_running = False
        self.main_failed = True
        self.backups.append(None)
        log.warning("automatic backup failed: %s", exc)
        with contextlib.suppress(RuntimeError):
            self.window.set_notice(tr("！自动备份失败"), tr(
                "自动备份失败：{error}\n数据未受影响；请通知管理员检查备份文件夹的空间和权限。")
                .format(error=exc), warn=True)
        self.second_copy_now()  # the copies made on earlier days still go there

    def second_copy_now(self) -> None:
        """The newest daily copy to the second target, unless the last attempt is still
        running (a network folder that does not answer): then a warning, nothing more."""
        window = self.window
        if not window.store_ready:
            return
        if self.second_running:
            log.warning("second backup target: the copy started earlier is still running")
            with contextlib.suppress(RuntimeError):
                window.set_notice(tr("！第二份备份：上次复制仍未结束"), tr(
                    "上次复制到第二份备份位置的操作至今没有结束：U 盘或网络文件夹可能没有响应。"
                    "主备份不受影响。请检查该位置，必要时重新设置第二份备份位置。"), warn=True)
            return
        self.second_running = True
        from zcdesk.store.backup import second_copy

        store = window.store
        run_in_background(self, lambda: second_copy(store), self._second_done,
                          self._second_failed)

    def _second_done(self, second: SecondCopy | None) -> None:
        self.second_running = False
        self.second_copies.append(second)
        if second is None:  # no second target set (or PostgreSQL)
            return
        if second.problem:
            log.warning("second backup target: %s", second.problem)
        if self.main_failed and not second.problem:
            return  # the daily backup's failure stays on the status bar
        text, detail, warn = second.notice(self.window.store.clock())
        if self.backups and self.backups[-1] is not None and not warn:
            text = f"{tr('今日已自动备份')} · {text}"
        with contextlib.suppress(RuntimeError):
            self.window.set_notice(text, detail, warn=warn)

    def _second_failed(self, exc: BaseException) -> None:  # second_copy never raises
        self.second_running = False
        self.second_copies.append(None)
        log.warning("second backup target failed: %s", exc)

    def stop(self) -> None:
        self.idle.stop()
        self._backup_timer.stop()


def _role_words(role: str | None) -> str:
    from zcdesk.ui.dialogs.login import role_words

    return role_words(role)
