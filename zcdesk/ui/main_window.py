"""The counter window: visit bar, scan field, packet list, packet panel, status bar.

The scan field keeps the keyboard focus so a barcode scanner always works:
every action and dialog hands the focus back to it. The keyboard loop itself
(what Enter, digits, R, Ctrl+Z … do) lives in `counter.CounterMixin`.

The window is built without the database: run_gui shows it first and opens
the store after the first paint (`open_store_after_paint`), in a thread. Until
`attach_store` the scan field takes input — a scan submitted meanwhile is kept
and handled as soon as the store is there — and the status bar says
"正在打开数据库…". Nothing in this module imports zcdesk.store (SQLAlchemy).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolButton,
    QWidget,
)

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.dates import deadline_words
from zcdesk.domain.records import PacketView
from zcdesk.ui import store_errors as errors
from zcdesk.ui.admin_menu import AdminMenu
from zcdesk.ui.counter import CounterMixin
from zcdesk.ui.deadline_text import days_left_words, holiday_gap_words
from zcdesk.ui.elided_label import ElidedLabel
from zcdesk.ui.feedback import Feedback, flash_error, set_level
from zcdesk.ui.flow_menu import FlowMenu
from zcdesk.ui.forms.ui_main_window import Ui_MainWindow
from zcdesk.ui.i18n import tr
from zcdesk.ui.keymap import add_shortcut_tooltip, help_rows
from zcdesk.ui.packet_list import PacketList
from zcdesk.ui.packet_panel import PacketPanel
from zcdesk.ui.print_menu import PrintMenu
from zcdesk.ui.roster_menu import RosterMenu
from zcdesk.ui.session import Session
from zcdesk.ui.store_opener import StoreOpener
from zcdesk.ui.visit_bar import VisitBar

if TYPE_CHECKING:
    from zcdesk.store import Store

SPLIT_SIZES = (660, 760)
SECONDARY_DELAY_MS = 60  # list highlight and latest records follow the panel when idle
DEADLINES_EVERY_MS = 15 * 60 * 1000  # the day changes while the window stays open
OVERDUE_STYLE = "QToolButton { color: #b26a00; font-weight: bold; }"
QUIET_STYLE = "QToolButton { color: #78909c; }"
PAINT_FALLBACK_MS = 400  # open the store anyway if no expose event comes (minimised start)
EXIT_DATABASE = 3  # as the command line: the database cannot be used
EXIT_FAILED = 1
PASSED_STYLE = "QLabel { color: #c62828; font-weight: bold; }"
TAB_ENDS_SCAN = "desk.tab_ends_scan"  # the store keeps it per machine
RELOADING = "正在刷新列表…"  # F5's message until the rows arrive
GREETING = "请扫描证件号码打开材料袋；F2 新建收件，F1 查看全部快捷键。"


class MainWindow(CounterMixin, QMainWindow):
    store_attached = Signal()
    _holiday_gaps: tuple[int, ...] | None = None  # None until refresh_deadlines looked

    def __init__(self, store: Store | None = None, feedback: Feedback | None = None,
                 parent: QWidget | None = None, *, load_list_later: bool = False) -> None:
        """`store`: attach it at once (tests, the self-check); None: the window
        starts without it and `attach_store` (or `open_store_after_paint`) follows.
        `load_list_later`: read the packet list in a background thread once the
        store is there (run_gui does so; tests and the self-check do not)."""
        QMainWindow.__init__(self, parent)
        self._store: Store | None = None
        self._queued_scans: list[str] = []  # submitted before the store was there
        self._opener: Callable[[], Store] | None = None
        self._opening = False
        self._store_opener: StoreOpener | None = None
        self._closing = False
        self._shown = False
        self._started = False
        self.exit_code: int | None = None  # set when the store could not be opened
        self.feedback = feedback if feedback is not None else Feedback()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.scan_edit = self.ui.scanEdit
        self.filter_edit = self.ui.filterEdit
        self.panel: PacketPanel = self.ui.packetPanel
        self.visit_bar = VisitBar(self.ui.receiptLabel, self.ui.visitorLabel,
                                  self.ui.visitPackets)
        self.packet_list = PacketList(self.ui, self, load_later=load_list_later)
        self.packet_model = self.packet_list.model
        self.packet_list.open_requested.connect(self.open_list_row)
        self.packet_list.load_failed.connect(self._on_list_failed)
        self.packet_list.loaded.connect(self._on_list_loaded)
        self._secondary_packet: PacketView | None = None
        self._secondary_timer = QTimer(self)
        self._secondary_timer.setSingleShot(True)
        self._secondary_timer.setInterval(SECONDARY_DELAY_MS)
        self._secondary_timer.timeout.connect(self._sync_secondary)
        self.init_counter()
        self.printing = PrintMenu(self)
        self.roster = RosterMenu(self)
        self.admin = AdminMenu(self)
        self.flow = FlowMenu(self)
        self.session = Session(self)
        self._lock_cover = QLabel(self)
        self._lock_cover.setObjectName("lockCover")
        # The text above the dialog, which opens in the middle of the window.
        self._lock_cover.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._lock_cover.setStyleSheet(
            "QLabel#lockCover { background: #eceff1; color: #455a64; font-size: 24px;"
            " padding-top: 120px; }")
        self._lock_cover.hide()
        self._covered = False
        self._setup_splitter()
        self._setup_actions()
        self._setup_status_bar()
        self.scan_edit.installEventFilter(self)
        self.filter_edit.installEventFilter(self)
        self.scan_edit.returnPressed.connect(lambda: self.submit_scan(self.scan_edit.text()))
        self._setup_scan_field()
        self._set_store_actions_enabled(False)
        self._update_title()
        if store is not None:
            self.attach_store(store)
        else:
            self._counts_label.setText(tr("正在打开数据库…"))
            self.show_message(tr("正在打开数据库…… 可以先扫描，打开后立即处理。"), "info")
        self.scan_edit.setFocus()

    # ------------------------------------------------------------ the store
    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the database is not open yet")
        return self._store

    @property
    def store_ready(self) -> bool:
        return self._store is not None

    @property
    def city_desk(self) -> bool:
        """The city view has replaced the counter (zcdesk.ui.city_view)."""
        return getattr(self, "city_view", None) is not None

    def attach_store(self, store: Store) -> None:
        """The database is open: the list, the visit, the status bar; then every
        scan submitted while it was opening, in order."""
        self._store = store
        try:
            self.packet_list.attach_store(store)
        except errors.StoreError as exc:
            self.packet_list.load_error = str(exc)
            self._on_list_failed(str(exc))
        self._set_store_actions_enabled(True)
        self._load_scan_settings()
        self.resume_visit()
        self.refresh_status_bar()
        self.refresh_deadlines()
        self._install_city_view()
        self._update_title()
        if not self.packet_list.load_error and not self.city_desk:
            self.show_message(tr(GREETING), "info")
            self._warn_if_round_over()
            self._warn_holiday_gaps()
        self._start_when_ready()
        if not self.session.waiting_for_login:
            self._flush_queued_scans()
        self.store_attached.emit()

    def _install_city_view(self) -> None:
        """The city bureau's desk shows the check-in view instead of the counter
        (zcdesk.ui.city_view); the district's flow actions are hidden there."""
        try:
            city = self.store.is_city_desk()
        except (errors.StoreError, AttributeError):
            return
        if not city:
            return
        for action in self.flow.district_actions():
            action.setVisible(False)
            action.setEnabled(False)
        try:
            from zcdesk.ui.city_view import install_city_view
        except ImportError:  # the city view is not part of this build
            return
        install_city_view(self)
        # The counter's counts, deadlines and corrections mean nothing at the city
        # desk: its own view shows each batch's received / missing / unexpected.
        for widget in (self._counts_label, self._deadline_label, self._overdue_button):
            widget.hide()

    def _flush_queued_scans(self) -> None:
        """Every scan submitted while the database opened (or before the login), in order."""
        queued, self._queued_scans = self._queued_scans, []
        typing = self.scan_edit.text()  # typed after the last Enter: keep it
        for text in queued:
            self.submit_scan(text)
        if queued and typing:
            self.scan_edit.setText(typing)

    def after_login(self) -> None:
        """The first login of the session: what waited for it."""
        self.apply_operator()
        self.ensure_desk_setup()
        self._flush_queued_scans()

    def quit_program(self) -> None:
        """退出程序 from the login or lock dialog: the program ends normally (exit 0)."""
        self.session.stop()
        QTimer.singleShot(0, self, self.close)

    # ------------------------------------------------------ operator, lock
    def is_admin(self) -> bool:
        """Admin actions are open to an admin and to the trusted command-line role (None)."""
        return self.store_ready and self.store.role in (None, "admin")

    def apply_operator(self) -> None:
        """The operator changed (login, unlock as someone else): actions and status bar."""
        if self.store_ready:
            # A clerk: disabled, explained, and their keys say so (ui/permissions.py).
            self.admin.apply_role(self.is_admin())
        self.refresh_status_bar()
        if self.session.logged_in:
            # Once the login has given the window back: an open visit is confirmed.
            QTimer.singleShot(0, self, self.review_open_visit)

    def set_locked(self, locked: bool, text: str = "") -> None:
        """Cover and disable the window (login pending or locked), or give it back."""
        self._covered = locked
        central = self.centralWidget()
        central.setEnabled(not locked)
        self.menuBar().setEnabled(not locked)
        if locked:
            self._lock_cover.setText(text or tr("窗口已锁定"))
            self._lock_cover.setGeometry(central.geometry())
            self._lock_cover.raise_()
            self._lock_cover.show()
        else:
            self._lock_cover.hide()

    @property
    def locked(self) -> bool:
        return self._covered or self.session.locked

    def lock_now(self) -> None:
        """Ctrl+L: 切换操作员 — lock at once; the PIN (or another login) opens it."""
        self.session.lock(tr("已锁定。请输入 PIN 解锁，或选择其他操作员登录。"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._lock_cover.isVisible():
            self._lock_cover.setGeometry(self.centralWidget().geometry())

    def after_import(self) -> None:
        """After a roster or ban-list import: the list re-read in the background and
        the open packet (its data and pre-check) shown afresh."""
        self.packet_list.reload_later()
        packet = self.current_packet
        if packet is not None:
            try:
                self.panel.show_packet(self.store.packet(packet.packet_id))
            except errors.StoreError as exc:
                self.show_error(str(exc))
        self.refresh_status_bar()


    def after_round_change(self) -> None:
        """The current round was switched (or its pack re-imported): nothing of the
        old round stays open, and the list, counts, deadlines and title are re-read."""
        self.close_packet()
        self.packet_list.fill_round_combo()  # back on the (new) current round
        self.packet_list.reload_later()
        self.refresh_status_bar()
        self.refresh_deadlines()
        self._update_title()
        self._warn_if_round_over()

    def _warn_if_round_over(self) -> None:
        """Once the paper deadline has passed, say so where the clerk looks, with the way on."""
        if self.city_desk:
            return
        try:
            round_ = self.store.current_round()
            over = round_.paper_deadline < self.store.clock().date()
        except errors.StoreError:
            return
        if over:
            self.show_warning(tr(
                "{round} 的纸质材料报送截止日 {day} 已过。新一轮开始时，请管理员在"
                "“设置 → 申报轮次”中导入并启用新的轮次。").format(
                round=round_.name, day=round_.paper_deadline.isoformat()))

    def queue_scan(self, text: str) -> None:
        """A scan submitted before the store is attached: kept, handled on attach."""
        if text.strip():
            self._queued_scans.append(text)
            self.show_message(tr("正在打开数据库…… 已记下 {n} 次扫描，打开后立即处理。")
                              .format(n=len(self._queued_scans)), "info")
        self.scan_edit.clear()

    def open_store_after_paint(self, opener: Callable[[], Store]) -> None:
        """Run `opener` in a thread once the window's first frame is on screen;
        attach the store it returns, or tell the clerk why it failed and close
        (`exit_code` then says how the program should end)."""
        self._opener = opener
        handle = self.windowHandle()
        if handle is not None and handle.isExposed():
            QTimer.singleShot(0, self, self._start_opening)
            return
        if handle is not None:
            handle.installEventFilter(self)  # see eventFilter: the first Expose
        QTimer.singleShot(PAINT_FALLBACK_MS, self, self._start_opening)

    def _start_opening(self) -> None:
        if self._opening or self._opener is None:
            return
        self._opening = True
        handle = self.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self)
        # No Qt parent (the thread keeps it alive while it emits); see list_loader.py.
        self._store_opener = opener = StoreOpener()
        opener.opened.connect(self._on_store_opened)
        opener.failed.connect(self._on_store_failed)
        opener.start(self._opener)

    def _on_store_opened(self, store: Store) -> None:
        if self._closing:  # the window closed while the database was opening
            store.close()
            return
        self.attach_store(store)

    def _on_store_failed(self, exc: BaseException) -> None:
        if isinstance(exc, errors.DatabaseUnavailable):
            code, detail = EXIT_DATABASE, str(exc)
        elif isinstance(exc, errors.StoreError):
            code, detail = EXIT_FAILED, str(exc)
        else:
            code, detail = EXIT_FAILED, f"{type(exc).__name__}: {exc}"
        print(f"zcdesk：{detail}", file=sys.stderr)
        self.exit_code = code
        self._counts_label.setText(tr("数据库未能打开"))
        QMessageBox.critical(self, tr("无法打开数据库"), tr(
            "数据库未能打开，程序将退出。\n\n{error}\n\n"
            "请检查数据库文件或地址（--db、环境变量 ZCDESK_DATABASE_URL），"
            "或联系管理员从备份恢复。").format(error=detail))
        self.close()

    def _set_store_actions_enabled(self, enabled: bool) -> None:
        ui = self.ui
        for action in (ui.actionNewVisit, ui.actionFinishVisit, ui.actionReject,
                       ui.actionUndo, ui.actionAddApplicant, ui.actionHistory,
                       ui.actionReload, ui.actionDeskSetup, ui.actionOperators,
                       ui.actionSwitchOperator, ui.actionBackup, *self.printing.actions(),
                       *self.roster.actions(), *self.flow.actions(), *self.admin.actions()):
            action.setEnabled(enabled)
        ui.newVisitButton.setEnabled(enabled)
        ui.finishVisitButton.setEnabled(enabled)
        if enabled:
            self.apply_operator()

    # -------------------------------------------------------- the scan field
    def _setup_scan_field(self) -> None:
        """The scanner's keys reach the scan field, whatever was clicked (H1), and
        no input method turns a scanner's letters into pinyin."""
        from zcdesk.ui.scan_guard import ScanGuard, keep_scan_focus

        edit = self.scan_edit
        edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        edit.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly
                                 | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhPreferUppercase)
        edit.textEdited.connect(self._upper_case_scan)
        keep_scan_focus(self.centralWidget(), (edit, self.filter_edit))
        self.tab_ends_scan = True  # a scanner that ends its codes with Tab (设置)
        self._tab_action = QAction(tr("扫描枪以 Tab 结尾时视同 Enter"), self)
        self._tab_action.setCheckable(True)
        self._tab_action.setChecked(True)
        self._tab_action.setStatusTip(tr("扫描枪设置为在条码后发送 Tab 时勾选（本机设置）"))
        self._tab_action.toggled.connect(self._set_tab_ends_scan)
        self.ui.menuSettings.addSeparator()
        self.ui.menuSettings.addAction(self._tab_action)
        self._scan_guard = ScanGuard(self, self._scan_from_elsewhere, self.feedback.error,
                                     tab_ends_scan=lambda: self.tab_ends_scan)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._scan_guard)

    def _load_scan_settings(self) -> None:
        try:
            value = self.store.setting(TAB_ENDS_SCAN)
        except errors.StoreError:
            value = None
        self.tab_ends_scan = value != "0"
        self._tab_action.blockSignals(True)
        self._tab_action.setChecked(self.tab_ends_scan)
        self._tab_action.blockSignals(False)

    def _set_tab_ends_scan(self, on: bool) -> None:
        self.tab_ends_scan = on
        if self.store_ready:
            self.run_command(lambda: self.store.set_setting(TAB_ENDS_SCAN, "1" if on else "0"))
        self.show_message(tr("扫描枪的 Tab 现在视同 Enter。") if on else
                          tr("扫描枪的 Tab 不再视同 Enter：Tab 在材料之间切换。"), "info")

    def _upper_case_scan(self, text: str) -> None:
        """Letters upper-case as typed: Caps Lock (and a scanner's x) make no difference."""
        upper = text.upper()
        if upper != text:
            cursor = self.scan_edit.cursorPosition()
            self.scan_edit.setText(upper)
            self.scan_edit.setCursorPosition(cursor)

    def _scan_from_elsewhere(self, text: str) -> None:
        """A scan typed into the filter (or any field of this window) goes where scans go."""
        if self.locked:
            return
        self.scan_edit.clear()
        self.submit_scan(text)

    # ------------------------------------------------------------- the list
    def _on_list_failed(self, message: str) -> None:
        self.show_error(tr("申报人列表未能载入：{error}").format(error=message))
        self.refresh_status_bar()

    def _on_list_loaded(self) -> None:
        self.refresh_status_bar()
        packet = self.current_packet
        if packet is not None:
            self.select_in_list(packet.packet_id)
        if self.message_text() == tr(RELOADING):
            # only while nothing newer (a scan's answer) took the message line
            self.show_message(tr("列表已刷新。"), "info")

    def _setup_splitter(self) -> None:
        splitter = self.ui.mainSplitter
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes(list(SPLIT_SIZES))

    def schedule_secondary(self, packet: PacketView) -> None:
        """Bring the list selection and the latest records up to date when idle.

        The packet panel is what the clerk needs at once; highlighting the row
        in a 100,000-row list (a scroll and a repaint) and reading the history
        wait for a pause, so a run of scans never waits for them.
        """
        self._secondary_packet = packet
        self._secondary_timer.start()

    def _sync_secondary(self) -> None:
        packet, self._secondary_packet = self._secondary_packet, None
        if packet is None or self.current_packet is None \
                or self.current_packet.packet_id != packet.packet_id:
            return
        self.select_in_list(packet.packet_id)
        self.show_recent(packet)

    def select_in_list(self, packet_id: int) -> None:
        self.packet_list.select_packet(packet_id)

    def reload_list(self) -> None:
        """F5: every row read again in the background (seconds at 500,000 packets);
        the list keeps its rows and the scan field answers meanwhile."""
        self.packet_list.reload_later()
        self.show_message(tr(RELOADING), "info")
        self.focus_scan()

    def update_list_row(self, packet_id: int, packet: PacketView | None = None) -> None:
        """Keep one list row current after a write, without reloading every row."""
        self.packet_list.update_row(packet_id, packet)

    # -------------------------------------------------------------- actions
    def _setup_actions(self) -> None:
        ui = self.ui
        ui.actionFocusScan.setShortcuts([QKeySequence(Qt.Key.Key_F3),
                                         QKeySequence(Qt.Key.Key_Escape)])
        handlers = {
            ui.actionNewVisit: self.new_visit, ui.actionFinishVisit: self.finish_visit,
            ui.actionQuit: self.close, ui.actionFocusScan: self.focus_scan,
            ui.actionReject: self.reject_selected, ui.actionUndo: self.undo,
            ui.actionAddApplicant: self.add_applicant, ui.actionHistory: self.show_history,
            ui.actionFilter: self.focus_filter, ui.actionReload: self.reload_list,
            ui.actionDeskSetup: self.desk_setup, ui.actionShortcuts: self.show_shortcuts,
            ui.actionAbout: self.show_about, ui.actionSwitchOperator: self.lock_now,
        }
        handlers.update(self.printing.handlers())
        handlers.update(self.roster.handlers())
        handlers.update(self.admin.handlers())
        handlers.update(self.flow.handlers())
        for action, handler in handlers.items():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, h=handler: h())
            add_shortcut_tooltip(action)
            self.addAction(action)  # shortcuts work even while the menu bar is hidden
        for button, action in ((ui.newVisitButton, ui.actionNewVisit),
                               (ui.finishVisitButton, ui.actionFinishVisit)):
            button.clicked.connect(action.trigger)
            button.setToolTip(action.toolTip())

    def actions_in_menus(self) -> list[QAction]:
        """What F1 lists: the actions this desk offers (the city desk hides the
        counter's and adds its own 市级签收 menu)."""
        ui = self.ui
        city_menu = getattr(getattr(self, "city_view", None), "menu", None)
        city = list(city_menu.actions()) if city_menu is not None else []
        actions = [ui.actionNewVisit, ui.actionFinishVisit, ui.actionFocusScan, ui.actionReject,
                   ui.actionUndo, ui.actionAddApplicant, ui.actionHistory, *city,
                   *self.printing.actions(), *self.flow.actions(), *self.roster.actions(),
                   ui.actionFilter,
                   ui.actionReload, ui.actionSwitchOperator, ui.actionShortcuts, ui.actionQuit]
        return [a for a in actions if a.isVisible() and not a.isSeparator()]

    def focus_scan(self) -> None:
        self.scan_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scan_edit.selectAll()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def run_command(self, handler: Callable[[], object]) -> None:
        """A menu command: a refusal is shown, never raised; the scan field gets the keys back."""
        try:
            handler()
        except errors.StoreError as exc:
            self.show_error(str(exc))
        finally:
            self.refocus()

    def refocus(self) -> None:
        """After every action and dialog the scan field has the keyboard again."""
        self.activateWindow()
        self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_shortcuts(self) -> None:
        from zcdesk.ui.dialogs import shortcuts as shortcuts_dialog  # imported on first use

        shortcuts_dialog.launch(self, help_rows(self.actions_in_menus(),
                                                self.admin.admin_actions()))
        self.refocus()

    def show_about(self) -> None:
        QMessageBox.about(self, tr("关于"), tr(
            "zcdesk — 杭州市国际职业资格比照认定职称 纸质材料受理窗口\n"
            "收件、核对、一次性告知；所有记录只增不删，撤销也留痕。"))
        self.refocus()

    # ------------------------------------------------------ scan field keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and watched is self.windowHandle():
            # The first frame is painted while this event is handled: open the
            # store right after it (a queued call, behind any already posted).
            if self.windowHandle().isExposed():
                QTimer.singleShot(0, self, self._start_opening)
            return False
        if watched in (self.scan_edit, self.filter_edit) and isinstance(event, QKeyEvent):
            if self.locked:  # nothing typed (or scanned) reaches a locked window
                return True
            if event.type() == QEvent.Type.ShortcutOverride \
                    and event.matches(QKeySequence.StandardKey.Undo):
                # QLineEdit would claim Ctrl+Z for its own text undo; the counter's
                # Ctrl+Z reverses the last recording instead.
                event.ignore()
                return True
            if event.type() == QEvent.Type.KeyPress:
                if event.matches(QKeySequence.StandardKey.Undo):
                    self.ui.actionUndo.trigger()
                    return True
                if watched is self.scan_edit:
                    return self._scan_key(event)
                return self._filter_key(event)
        return super().eventFilter(watched, event)

    def _scan_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        if key == Qt.Key.Key_Up:
            self.panel.move_selection(-1)
            return True
        if key == Qt.Key.Key_Down:
            self.panel.move_selection(1)
            return True
        if key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            if self.tab_ends_scan and self.scan_edit.text().strip():
                self.submit_scan(self.scan_edit.text())  # a scanner that ends with Tab
            else:
                self.panel.move_selection(1)
            return True
        if key == Qt.Key.Key_Backtab:
            self.panel.move_selection(-1)
            return True
        return False

    def _filter_key(self, event: QKeyEvent) -> bool:
        """↑/↓ in the filter field move through the list (which takes no focus itself)."""
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        self.packet_list.move_current(step)
        return True

    # ----------------------------------------------------------- messages
    def show_message(self, text: str, level: str = "ok") -> None:
        """The line under the scan field: level ok (green), warn (amber), error, info."""
        label = self.ui.scanMessage
        label.setText(text)
        set_level(label, level)

    def show_error(self, text: str) -> None:
        self.show_message(text, "error")
        self.feedback.error()
        flash_error(self.scan_edit)

    def show_warning(self, text: str) -> None:
        self.show_message(text, "warn")
        self.feedback.warn()

    def message_text(self) -> str:
        return self.ui.scanMessage.text()

    # ---------------------------------------------------------- status bar
    def _setup_status_bar(self) -> None:
        bar = self.ui.statusbar
        self._counts_label = QLabel(self)
        self._deadline_label = ElidedLabel(self)
        self._deadline_error = False  # the label shows a refusal, not a deadline
        self._desk_label = QLabel(self)
        for label in (self._counts_label, self._deadline_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addWidget(label)
        # Overdue corrections: amber when any; a click lists them (流转 → 补正期限).
        self._overdue_button = QToolButton(self)
        self._overdue_button.setObjectName("overdueButton")
        self._overdue_button.setAutoRaise(True)
        self._overdue_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._overdue_button.clicked.connect(
            lambda: self.run_command(lambda: self.flow.corrections(
                overdue_only=self._overdue_count > 0)))
        self._overdue_button.hide()
        self._overdue_count = 0
        bar.addWidget(self._overdue_button)
        self._deadlines_timer = QTimer(self)
        self._deadlines_timer.setInterval(DEADLINES_EVERY_MS)
        self._deadlines_timer.timeout.connect(self.refresh_deadlines)
        self._desk_label.setContentsMargins(8, 0, 8, 0)
        self._notice_label = ElidedLabel(self)  # automatic backup: done, or a warning
        self._notice_label.setContentsMargins(8, 0, 8, 0)
        # 1024 wide: the deadline and backup notes give way (…), never who and where.
        self._deadline_label.setMinimumWidth(120)
        self._notice_label.setMinimumWidth(64)  # room for 已备份
        bar.addPermanentWidget(self._notice_label)
        bar.addPermanentWidget(self._desk_label)

    def set_notice(self, text: str, detail: str = "", *, warn: bool = False) -> None:
        """A quiet status-bar note (automatic backup); amber and bold for a warning."""
        label = self._notice_label
        label.set_texts(text, tr("已备份") if text == tr("今日已自动备份") else "")
        label.setToolTip(detail)
        label.setStyleSheet("color: #b26a00; font-weight: bold;" if warn else "color: #78909c;")

    def notice_text(self) -> str:
        return self._notice_label.text()

    def refresh_status_bar(self) -> None:
        """Counts per status (from the list model: no query at 100,000 packets),
        the paper deadline, who and where."""
        if not self.store_ready:
            return
        if self.packet_list.loading:
            self._counts_label.setText(tr("统计中……"))
        elif self.packet_list.load_error:
            self._counts_label.setText(tr("统计不可用（按 F5 重试）"))
        else:
            counts = self.packet_model.status_counts()
            order = (PacketStatus.COMPLETE, PacketStatus.PARTIAL, PacketStatus.NONE)
            self._counts_label.setText("　·　".join(
                f"{s.symbol} {tr(s.label)} {counts.get(s, 0)}" for s in order))
        try:
            round_ = self.store.current_round()
            point = self.store.desk_point()
        except errors.StoreError as exc:
            self._deadline_label.setText(str(exc))
            self._deadline_error = True
            return
        recovered = self._deadline_error
        if recovered or not self._deadline_label.text():  # until refresh_deadlines counts
            self._deadline_error = False  # a stale refusal never stays
            words = deadline_words(round_.paper_deadline, self.store.clock().date())
            self._deadline_label.setText(f"{round_.name}　{words}")
            self._deadline_label.setToolTip("")
        where = point.short_name if point else tr("未设置受理点（设置 → 本机受理点）")
        operator = self.store.operator
        if self.session.waiting_for_login:
            operator = tr("（未登录）")
        elif self.store.role:
            from zcdesk.ui.dialogs.login import role_words

            operator += tr("（{role}）").format(role=role_words(self.store.role))
        self._desk_label.setText(tr("操作员 {op}　·　{desk}　·　{point}").format(
            op=operator, desk=self.store.desk, point=where))
        if recovered:
            self.refresh_deadlines()  # the working days left, counted afresh

    def refresh_deadlines(self) -> None:
        """The round's next deadline in working days and the overdue corrections.

        Not part of refresh_status_bar (which follows every scan): it reads the
        calendar and the visits, so it runs on attach, after a visit is finished,
        after the calendar or the flow changes, and every quarter of an hour."""
        if not self.store_ready or self.city_desk:
            return
        self._deadlines_timer.start()
        try:
            round_ = self.store.current_round()
            deadlines = self.store.deadlines()
            overdue = len(self.store.corrections_due(overdue_only=True))
            gaps = tuple(self.store.calendar_gaps())
        except (errors.StoreError, AttributeError) as exc:
            self._deadline_label.setToolTip(str(exc))
            return
        upcoming = [d for d in deadlines if d.calendar_days_left >= 0]
        paper_passed = round_.paper_deadline < self.store.clock().date()
        if paper_passed:
            # Red: papers received now can no longer reach the city in this round.
            # Short: at 1024 px the status bar also holds the counts, operator and desk.
            text = tr("⚠ 本轮纸质材料报送截止日已过（{day}）").format(
                day=round_.paper_deadline.isoformat())
            short = tr("⚠ 纸质材料截止已过")
        elif upcoming:
            nearest = min(upcoming, key=lambda d: d.day)
            text = tr("{round}　{label} {day} {left}").format(
                round=round_.name, label=tr(nearest.label), day=nearest.day.isoformat(),
                left=days_left_words(nearest))
            short = tr("截止 {day}，{left}").format(day=nearest.day.strftime("%m-%d"),
                                                    left=days_left_words(nearest))
        else:
            text = short = tr("{round}　各截止日均已过").format(round=round_.name)
        self._deadline_error = False
        self._deadline_label.set_texts(text, short)
        self._deadline_label.setStyleSheet(PASSED_STYLE if paper_passed else "")
        self._deadline_label.setToolTip(round_.name + "\n" + "\n".join(
            tr("{label}：{day}（{left}）").format(
                label=tr(d.label), day=d.day.isoformat(),
                left=days_left_words(d) if d.calendar_days_left >= 0
                else tr("已过 {n} 天").format(n=-d.calendar_days_left))
            for d in deadlines))
        self._note_holiday_gaps(gaps)
        self._overdue_count = overdue
        button = self._overdue_button
        if overdue:
            button.setText(tr("⚠ 逾期未补正 {n} 件").format(n=overdue))
            button.setStyleSheet(OVERDUE_STYLE)
            button.setToolTip(tr("已过补正期限仍未补齐的收件：点击查看"))
        else:
            button.setText(tr("补正期限"))
            button.setStyleSheet(QUIET_STYLE)
            button.setToolTip(tr("没有逾期未补正的收件：点击查看待补正的收件"))
        button.show()

    def _note_holiday_gaps(self, gaps: tuple[int, ...]) -> None:
        """A year of the round without holidays (#11): said in the deadline's tooltip
        at every refresh, and once in amber when first seen (not every quarter hour)."""
        if gaps:
            label = self._deadline_label
            label.setToolTip("⚠ " + holiday_gap_words(gaps) + "\n\n" + label.toolTip())
        before, self._holiday_gaps = self._holiday_gaps, gaps
        if before is None or gaps == before:
            return  # the first look is attach_store's: it warns after its greeting
        if gaps:
            self._warn_holiday_gaps()
        elif before:
            self.show_message(tr("节假日已设置：截止日期按节假日和调休计算。"), "ok")

    def _warn_holiday_gaps(self) -> None:
        if self._holiday_gaps:
            self.show_warning(holiday_gap_words(self._holiday_gaps))

    def overdue_text(self) -> str:
        return self._overdue_button.text() if self._overdue_button.isVisibleTo(self) else ""

    def status_bar_text(self) -> str:
        return "　".join(label.text() for label in
                        (self._counts_label, self._deadline_label, self._desk_label))

    def _update_title(self) -> None:
        try:
            point = self.store.desk_point() if self.store_ready else None
        except errors.StoreError:
            point = None
        title = tr("职称材料受理窗口")
        if point is not None:
            title += f" — {point.short_name}"
        if self.store_ready and not self.city_desk:
            with contextlib.suppress(errors.StoreError):
                title += f" · {self.store.current_round().name}"  # the round receiving now
        self.setWindowTitle(title + self._title_suffix)

    def set_title_suffix(self, suffix: str) -> None:
        self._title_suffix = suffix
        self._update_title()

    # -------------------------------------------------------------- packet
    @property
    def current_packet(self) -> PacketView | None:
        return self.panel.packet

    # ----------------------------------------------------------- lifecycle
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown = True
        self._start_when_ready()

    def _start_when_ready(self) -> None:
        """Once shown and with the store: read the list, ask for the desk on first start."""
        if self._started or not self._shown or not self.store_ready:
            return
        self._started = True
        QTimer.singleShot(0, self, self.packet_list.start_loading)
        if not self.session.waiting_for_login:  # else after_login asks
            QTimer.singleShot(0, self, self.ensure_desk_setup)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        if self._store_opener is not None:
            self._store_opener.cancelled = True
        self.session.stop()
        self.store_call.stop()
        handle = self.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._scan_guard)
        super().closeEvent(event)
