"""The city bureau's desk (市职改办): import transmittal files, check packets in.

`install_city_view(window)` turns a MainWindow whose store is a city desk
(`store.is_city_desk()`) into the check-in desk: the counter's central area
gives way to a CityView, a 市级签收 menu appears, the counter's own actions
(visits, copies, rosters …) are hidden (a hidden QAction's shortcut is off),
and the title says 市级签收.

The window's scan field, message line and sounds stay what they are — moved
into the city view, not copied — so the lock, F3/Esc, `refocus()` and
`show_message/show_error` work as at the counter; only what a scan *does*
changes: `window.submit_scan` goes to `CityView.submit_scan`, which hands the
text to `store.checkin`:

- a cover-sheet code checks its packet in (ok sound), a repeat warns 已签收,
  a code no imported list names is recorded as 清单外 (error sound, red);
- the paper transmittal list's QR code compares its hash with the file's and
  selects that batch (green 清单与文件一致, or red when they differ);
- a batch number selects that batch.

A check-in changes one packet row and one batch row (city_models), never a
reload. Tables take no focus: the scan field keeps the keyboard; ↑/↓ move in
the packets, PgUp/PgDn between batches.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QWidget,
)

from zcdesk.domain.flow import CheckinKind, CheckinResult, CityBatchInfo, CityBatchReport
from zcdesk.importing.transmittal_file import TransmittalError
from zcdesk.ui import store_errors as errors
from zcdesk.ui.city_models import CityBatchModel, CityPacketModel, IssuesFilter, ListCheck
from zcdesk.ui.feedback import set_level
from zcdesk.ui.forms.ui_city_view import Ui_CityView
from zcdesk.ui.glyph_consent import GlyphConsent
from zcdesk.ui.i18n import tr
from zcdesk.ui.keymap import add_shortcut_tooltip
from zcdesk.ui.worker import run_with_progress

if TYPE_CHECKING:
    from zcdesk.store import Store
    from zcdesk.ui.main_window import MainWindow

TRANSMITTAL_FILTER = "移交文件 (*.zip);;所有文件 (*)"
SCAN_PLACEHOLDER = "扫描 材料袋封面条码 / 移交清单二维码 / 批次号，按 Enter"
TITLE_SUFFIX = " · 市级签收"
SCAN_MAX_LENGTH = 200  # the list's QR payload is 89 characters
SHOWN_CODES = 5  # missing / unexpected packets named on the summary line
# The counter's actions that mean nothing at the city desk: hidden (and so
# without shortcut) once the city view is installed.
COUNTER_ACTIONS = (
    "actionNewVisit", "actionFinishVisit", "actionReject", "actionUndo",
    "actionAddApplicant", "actionHistory", "actionPrintReceipt", "actionPrintNotice",
    "actionCoverCurrent", "actionCoverUnit", "actionCoverBatch", "actionCoverAll",
    "actionNewBatch", "actionPrintTransmittal", "actionPrintReport", "actionImportRoster",
    "actionImportBans", "actionExport", "actionFilter", "actionReload")
SCAN_ROW = ("scanCaption", "scanEdit", "scanHint")


def choose_transmittal_file(parent: QWidget, folder: str) -> Path | None:
    """The file dialog (a seam: tests replace it)."""
    name, _ = QFileDialog.getOpenFileName(parent, tr("导入移交文件"), folder,
                                          tr(TRANSMITTAL_FILTER))
    return Path(name) if name else None


def install_city_view(window: MainWindow) -> CityView:
    """Make `window` the city desk (once: a second call returns the same view)."""
    view: CityView | None = getattr(window, "city_view", None)
    if view is not None:
        return view
    view = CityView(window)
    window.city_view = view  # type: ignore[attr-defined]
    counter_area = window.takeCentralWidget()
    view.adopt_scan_row(window)
    window.setCentralWidget(view)
    if counter_area is not None:  # kept (hidden) for the window's own references
        counter_area.setParent(window)
        counter_area.hide()
    view.counter_area = counter_area
    window.submit_scan = view.submit_scan  # type: ignore[method-assign]
    _hide_counter_actions(window)
    view.menu = _city_menu(window, view)
    suffix = getattr(window, "_title_suffix", "")
    if TITLE_SUFFIX not in suffix:
        window.set_title_suffix(tr(TITLE_SUFFIX) + suffix)
    try:
        view.reload()
        window.show_message(view.greeting(), "info")
    except errors.StoreError as exc:  # the window stays usable; F5 tries again
        view.problem = str(exc)
        window.show_error(view.problem)
    # MainWindow.attach_store greets the counter's clerk right after this call:
    # the city's greeting again once it is done, unless a scan came first.
    QTimer.singleShot(0, view, view.greet_if_idle)
    window.refocus()
    return view


def _hide_counter_actions(window: MainWindow) -> None:
    for name in COUNTER_ACTIONS:
        action = getattr(window.ui, name, None)
        if isinstance(action, QAction):
            action.setVisible(False)
    flow = getattr(window, "flow", None)
    for action in flow.district_actions() if flow is not None else ():
        action.setVisible(False)  # 流转 and 设置 → 节假日: the district's work
        action.setEnabled(False)
    changed = True
    while changed:  # a menu whose submenus are all hidden is empty too
        changed = False
        for menu in window.menuBar().findChildren(QMenu):
            if menu.menuAction().isVisible() and menu.actions() and not any(
                    a.isVisible() and not a.isSeparator() for a in menu.actions()):
                menu.menuAction().setVisible(False)
                changed = True


def _city_menu(window: MainWindow, view: CityView) -> QMenu:
    bar = window.menuBar()
    menu = QMenu(tr("市级签收"), bar)
    menu.setObjectName("menuCity")

    def action(name: str, text: str, keys: str, handler: Callable[[], object],
               tip: str) -> QAction:
        act = QAction(text, window)
        act.setObjectName(name)
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: view.run(handler))
        add_shortcut_tooltip(act)
        window.addAction(act)  # the shortcut works while the menu bar is hidden
        menu.addAction(act)
        return act

    view.import_action = action("actionCityImport", tr("导入移交文件…"), "Ctrl+O",
                                view.import_file, tr("导入区受理点的移交文件（.zip）"))
    view.receipt_action = action("actionCityReceipt", tr("打印接收回执…"), "Ctrl+P",
                                 view.print_receipt,
                                 tr("为选中的批次打印接收回执，列出全部差异"))
    view.undo_action = action("actionCityUndo", tr("撤销签收"), "Ctrl+Z",
                              view.undo_selected, tr("撤销下方选中材料袋的签收"))
    menu.addSeparator()
    view.issues_action = action("actionCityIssues", tr("只看差异"), "Ctrl+D",
                                view.toggle_issues, tr("只列出未到和清单外的材料袋"))
    view.refresh_action = action("actionCityRefresh", tr("刷新"), "F5", view.reload,
                                 tr("重新读取全部批次"))
    settings = getattr(window.ui, "menuSettings", None)
    if isinstance(settings, QMenu):
        bar.insertMenu(settings.menuAction(), menu)
    else:
        bar.addMenu(menu)
    return menu


class CityView(QWidget):
    """The check-in desk: batches above, the selected batch's packets below."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.host = window
        self.ui = Ui_CityView()
        self.ui.setupUi(self)
        self.counter_area: QWidget | None = None
        self.menu: QMenu | None = None
        self.import_action: QAction | None = None
        self.receipt_action: QAction | None = None
        self.undo_action: QAction | None = None
        self.issues_action: QAction | None = None
        self.refresh_action: QAction | None = None
        self.folder = ""  # where the last transmittal file was chosen
        self.selected: str | None = None  # batch number shown below
        self.scanned = False  # a scan was handled (the greeting is not repeated)
        self.problem = ""  # the batches could not be read when the view was installed
        # Strangers scanned while their district had no imported batch: no batch row
        # holds them, so the summary names them until that district's file comes.
        self.unassigned: list[str] = []
        self.batch_model = CityBatchModel(self)
        self.packet_model = CityPacketModel(self)
        self.packet_filter = IssuesFilter(self)
        self.packet_filter.setSourceModel(self.packet_model)
        self._setup_tables()
        self.ui.issuesOnly.toggled.connect(self._issues_toggled)
        self.ui.citySplitter.setStretchFactor(0, 2)
        self.ui.citySplitter.setStretchFactor(1, 5)
        self._show_summary()

    @property
    def store(self) -> Store:
        return self.host.store

    # ------------------------------------------------------------ building
    def _setup_tables(self) -> None:
        ui = self.ui
        ui.batchTable.setModel(self.batch_model)
        ui.packetTable.setModel(self.packet_filter)
        for table in (ui.batchTable, ui.packetTable):
            table.verticalHeader().setDefaultSectionSize(28)
            table.horizontalHeader().setHighlightSections(False)
        widths = (160, 200, 150, 64, 64, 64, 64)
        for column, width in enumerate(widths):
            ui.batchTable.setColumnWidth(column, width)
        widths = (150, 190, 110, 190, 300)
        for column, width in enumerate(widths):
            ui.packetTable.setColumnWidth(column, width)
        ui.packetTable.horizontalHeader().setSectionResizeMode(
            len(widths), QHeaderView.ResizeMode.Stretch)
        ui.batchTable.selectionModel().currentRowChanged.connect(self._batch_clicked)
        ui.packetTable.setAutoScroll(False)  # _select_view_row scrolls, seldom

    def adopt_scan_row(self, window: MainWindow) -> None:
        """Move the window's scan field, its caption and the message line to the top."""
        slot = self.ui.scanSlot
        row = QHBoxLayout()
        row.setSpacing(10)
        for name in SCAN_ROW:
            widget = getattr(window.ui, name, None)
            if isinstance(widget, QWidget):
                row.addWidget(widget, 1 if name == "scanEdit" else 0)
        slot.addLayout(row)
        message = getattr(window.ui, "scanMessage", None)
        if isinstance(message, QWidget):
            slot.addWidget(message)
        edit = window.scan_edit
        edit.setPlaceholderText(tr(SCAN_PLACEHOLDER))
        edit.setToolTip(tr("扫描材料袋封面条码签收；扫描移交清单二维码核对文件；"
                           "扫描批次号切换批次（F3 / Esc 回到此处）"))
        edit.setMaxLength(max(edit.maxLength(), SCAN_MAX_LENGTH))
        edit.installEventFilter(self)  # installed last: sees ↑↓ PgUp PgDn first

    def greet_if_idle(self) -> None:
        if not self.scanned:
            if self.problem:
                self.host.show_message(self.problem, "error")
            else:
                self.host.show_message(self.greeting(), "info")

    def greeting(self) -> str:
        if not self.batch_model.rowCount():
            return tr("市级签收：请先导入区受理点的移交文件（Ctrl+O），"
                      "再扫描移交清单二维码核对，然后逐袋扫描封面签收。")
        return tr("市级签收：扫描移交清单二维码或批次号选择批次，然后逐袋扫描封面签收。")

    # -------------------------------------------------------------- keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host.scan_edit and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and not self.host.locked:
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if modifiers == Qt.KeyboardModifier.NoModifier:
                key = event.key()
                if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                    self.move_packet(-1 if key == Qt.Key.Key_Up else 1)
                    return True
                if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                    self.move_batch(-1 if key == Qt.Key.Key_PageUp else 1)
                    return True
        return super().eventFilter(watched, event)

    def move_packet(self, step: int) -> None:
        table = self.ui.packetTable
        count = self.packet_filter.rowCount()
        if not count:
            return
        current = table.currentIndex().row()
        row = 0 if current < 0 else max(0, min(count - 1, current + step))
        self._select_view_row(row)

    def move_batch(self, step: int) -> None:
        count = self.batch_model.rowCount()
        if not count:
            return
        row = self.batch_model.row_of(self.selected) if self.selected else None
        target = 0 if row is None else max(0, min(count - 1, row + step))
        info = self.batch_model.batch_at(target)
        if info is not None and info.batch_no != self.selected:
            self.run(lambda: self.choose_batch(info.batch_no))

    # ------------------------------------------------------------ actions
    def run(self, handler: Callable[[], object]) -> None:
        """A menu command: a refusal is shown, never raised; the scan field keeps the keys."""
        try:
            handler()
        except errors.StoreError as exc:
            self.host.show_error(str(exc))
        finally:
            self.host.refocus()

    def reload(self) -> None:
        """Every batch read again (import, F5); the selection kept."""
        store = self.store
        self.problem = ""
        self.packet_model.item_names = {i.code: i.short_name for i in store.checklist()}
        self.batch_model.set_batches(store.city_batches())
        self.unassigned = list(store.city_unassigned())
        for column in (0, 1, 2):  # a handful of rows: fit the district's full name
            self.ui.batchTable.resizeColumnToContents(column)
        keep = self.selected or getattr(store, "city_active_batch", None)
        if keep is None and self.batch_model.rowCount():
            first = self.batch_model.batch_at(0)
            keep = first.batch_no if first else None
        self.selected = None
        if keep and self.batch_model.row_of(keep) is not None:
            self.choose_batch(keep)
        else:
            self.show_report(None)

    def choose_batch(self, batch_no: str) -> None:
        """Select a batch by hand (click, PgUp/PgDn): the store checks in against it too."""
        result = self.store.checkin(batch_no)  # a batch number: selects it at the desk
        if result.kind is CheckinKind.REFUSED:
            self.host.show_error(result.message)
            return
        self.show_batch(batch_no)

    def show_batch(self, batch_no: str) -> None:
        self.show_report(self.store.city_report(batch_no))

    def show_report(self, report: CityBatchReport | None) -> None:
        self.packet_model.set_report(report)
        if report is None:
            self.selected = None
        else:
            self.selected = report.batch.batch_no
            self.batch_model.update_batch(report.batch)
        self._mark_batch_row()
        self._show_summary()

    def _mark_batch_row(self) -> None:
        table = self.ui.batchTable
        row = self.batch_model.row_of(self.selected) if self.selected else None
        selection = table.selectionModel()
        selection.blockSignals(True)  # not a click: no second report
        try:
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.batch_model.index(row, 0)
                selection.setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                table.scrollTo(index)
        finally:
            selection.blockSignals(False)
        table.viewport().update()

    def _batch_clicked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        info = self.batch_model.batch_at(current.row()) if current.isValid() else None
        if info is not None and info.batch_no != self.selected:
            self.run(lambda: self.choose_batch(info.batch_no))

    def _issues_toggled(self, on: bool) -> None:
        self.packet_filter.set_issues_only(on)
        self.host.refocus()

    def toggle_issues(self) -> None:
        self.ui.issuesOnly.toggle()

    # ------------------------------------------------------------ scanning
    def submit_scan(self, text: str) -> None:
        """What a scan (typed text + Enter) does at the city desk."""
        window = self.host
        if not window.store_ready:
            window.queue_scan(text)
            return
        window.scan_edit.clear()
        raw = text.strip()
        if not raw:
            return
        self.scanned = True
        try:
            result = self.store.checkin(raw)
            self.apply(result, is_list_code="|" in raw)
        except errors.StoreError as exc:
            window.show_error(str(exc))
        window.refocus()

    def apply(self, result: CheckinResult, *, is_list_code: bool = False) -> None:
        """Show what one scan did: one batch row, at most one packet row, the message."""
        window = self.host
        kind, batch = result.kind, result.batch
        if batch is not None:
            self.batch_model.update_batch(batch)
        if kind is CheckinKind.CHECKED_IN and batch is not None:
            elsewhere = self.selected is not None and self.selected != batch.batch_no
            if self.selected is None:
                self.show_batch(batch.batch_no)
            elif result.packet is not None and not elsewhere:
                self.packet_model.update_packet(result.packet)
            self._show_code(result.code)
            self._show_summary()
            if elsewhere:
                window.show_warning(result.message)
            else:
                window.show_message(result.message, "ok")
                window.feedback.ok()
        elif kind is CheckinKind.ALREADY:
            self._show_code(result.code)
            word = tr("已签收") if result.packet is not None else tr("重复扫描")
            window.show_warning(f"{word}：{result.message}")
        elif kind is CheckinKind.UNEXPECTED:
            if batch is not None and batch.batch_no == self.selected:
                self.packet_model.add_unexpected(result.code)
                self._show_code(result.code)
            elif batch is None and result.code not in self.unassigned:
                self.unassigned.append(result.code)
            self._show_summary()
            window.show_error(tr("清单外：") + result.message)
        elif kind is CheckinKind.TRANSMITTAL and batch is not None:
            if is_list_code:
                self.batch_model.set_mismatch(batch.batch_no, False)
            self.show_batch(batch.batch_no)
            text = ("✓ " if is_list_code else "") + result.message
            window.show_message(text, "ok")
            window.feedback.ok()
        else:  # REFUSED: not a code we know, or a list that does not match its file
            if batch is not None and is_list_code:
                self.batch_model.set_mismatch(batch.batch_no, True)
                self.show_batch(batch.batch_no)
                window.show_error("✗ " + result.message)
            else:
                window.show_error(result.message)

    def _show_code(self, code: str) -> None:
        """Select and scroll to the row of `code` (if this batch shows it)."""
        row = self.packet_model.row_of(code)
        if row is None:
            return
        index = self.packet_filter.mapFromSource(self.packet_model.index(row, 0))
        if index.isValid():
            self._select_view_row(index.row())
        else:  # filtered out (只看差异 and now received): nothing to select
            self.ui.packetTable.clearSelection()

    def _select_view_row(self, row: int) -> None:
        table = self.ui.packetTable
        index = self.packet_filter.index(row, 0)
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        # Scroll only when the row is out of sight, and then bring it to the middle:
        # scanning down a list then repaints the whole table once in half a screen,
        # not at every scan (a scroll repaints every visible row).
        if not table.viewport().rect().contains(table.visualRect(index)):
            table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_code(self) -> str | None:
        index = self.ui.packetTable.currentIndex()
        if not index.isValid() or not self.ui.packetTable.selectionModel().isSelected(index):
            return None
        line = self.packet_model.line_at(self.packet_filter.mapToSource(index).row())
        return line.code if line else None

    # ------------------------------------------------------------ summary
    def _show_summary(self) -> None:
        label, caption = self.ui.summaryLabel, self.ui.packetCaption
        info = self.batch_model.batch(self.selected) if self.selected else None
        if info is None:
            label.setText(tr("尚未选择批次：导入移交文件（Ctrl+O），"
                             "或扫描移交清单二维码 / 批次号。") + self.unassigned_text())
            set_level(label, "error" if self.unassigned else "info")
            caption.setText(tr("材料袋"))
            return
        caption.setText(tr("批次 {no} 的材料袋（{point}）").format(
            no=info.batch_no, point=info.point_name))
        label.setText(self.summary_text(info) + self.unassigned_text())
        state = self.batch_model.list_state(info)
        if info.unexpected or self.unassigned or state == ListCheck.MISMATCH:
            level = "error"
        elif info.missing or state != ListCheck.CHECKED:
            level = "warn"
        else:
            level = "ok"
        set_level(label, level)

    def summary_text(self, info: CityBatchInfo) -> str:
        """One line per batch: counts, then what is wrong, by name."""
        state = self.batch_model.list_state(info)
        list_words = {ListCheck.CHECKED: tr("移交清单已核对，与文件一致"),
                      ListCheck.MISMATCH: tr("移交清单与文件不一致！"),
                      ListCheck.OPEN: tr("移交清单未核对（请扫描清单上的二维码）")}[state]
        parts = [tr("批次 {no}：应到 {e}，已到 {r}，未到 {m}，清单外 {u}").format(
            no=info.batch_no, e=info.expected, r=info.received, m=info.missing,
            u=info.unexpected), list_words]
        if not info.missing and not info.unexpected:
            parts.append(tr("全部到齐，无差异") if info.expected else tr("清单中没有材料袋"))
        text = "　·　".join(parts)
        lines = self.packet_model.lines()
        missing = [f"{line.packet.name}（{line.code}）" for line in lines
                   if line.packet is not None and not line.received]
        extra = [line.code for line in lines if line.unexpected]
        if missing and len(missing) <= SHOWN_CODES:
            text += "\n" + tr("未到：") + "、".join(missing)
        if extra:
            more = tr(" 等 {n} 个").format(n=len(extra)) if len(extra) > SHOWN_CODES else ""
            text += "\n" + tr("清单外：") + "、".join(extra[:SHOWN_CODES]) + more
        return text

    def unassigned_text(self) -> str:
        """The line for strangers of no batch ("" when there are none)."""
        if not self.unassigned:
            return ""
        codes = self.unassigned
        more = tr(" 等 {n} 个").format(n=len(codes)) if len(codes) > SHOWN_CODES else ""
        head = tr("未归入批次的清单外材料袋 {n} 个（所属区尚未导入移交文件，请单独存放）：")
        return "\n" + head.format(n=len(codes)) + "、".join(codes[:SHOWN_CODES]) + more

    def summary(self) -> str:
        return self.ui.summaryLabel.text()

    # ------------------------------------------------------------ commands
    def import_file(self) -> None:
        """导入移交文件: a file dialog, then the import in a thread; the batch shown."""
        window = self.host
        path = choose_transmittal_file(window, self.folder)
        if path is None:
            return
        self.folder = str(path.parent)
        store = self.store
        try:
            outcome = run_with_progress(
                window, lambda _progress: store.import_transmittal(path),
                tr("正在导入移交文件“{name}”……").format(name=path.name),
                title=tr("导入移交文件"), cancellable=False)
        except (errors.StoreError, TransmittalError) as exc:
            window.show_error(tr("未导入“{name}”，没有写入任何数据。{why}").format(
                name=path.name, why=exc))
            return
        result = outcome.value
        if result is None:
            return
        self.selected = result.batch.batch_no
        self.reload()
        window.show_message(result.message, "ok" if result.new else "info")
        if result.new:
            window.feedback.ok()

    def undo_selected(self) -> None:
        """撤销签收 of the packet selected below (after a scan: the one just scanned)."""
        from zcdesk.ui.dialogs import confirm

        window = self.host
        code = self.selected_code()
        if code is None:
            window.show_message(tr("请先用 ↑↓ 选中要撤销签收的材料袋"
                                   "（刚扫描的材料袋已自动选中）。"), "info")
            return
        row = self.packet_model.row_of(code)
        line = self.packet_model.line_at(row) if row is not None else None
        if line is None or not (line.received or line.unexpected):
            window.show_message(tr("{code} 尚未签收，没有可撤销的签收。").format(code=code), "info")
            return
        who = f"{line.packet.name}（{code}）" if line.packet else code
        what = tr("签收") if line.packet else tr("清单外登记")
        if not confirm.launch(window, tr("撤销签收"),
                              tr("撤销 {who} 的{what}？").format(who=who, what=what),
                              tr("撤销会记入办理记录；再次扫描封面即可重新签收。"),
                              ok_text=tr("撤销签收")):
            return
        result = self.store.undo_checkin(code)
        if result.batch is not None:
            self.batch_model.update_batch(result.batch)
        if result.packet is not None:
            self.packet_model.update_packet(result.packet)
        else:
            self.packet_model.remove_unexpected(code)
        self._show_summary()
        window.show_message(result.message, "ok")
        window.feedback.ok()

    def print_receipt(self) -> None:
        """打印接收回执 of the selected batch: every discrepancy listed, in the preview."""
        from zcdesk import printing
        from zcdesk.ui.dialogs import preview

        window = self.host
        if self.selected is None:
            window.show_message(tr("请先选择批次：扫描移交清单二维码或批次号。"), "info")
            return
        store, batch_no = self.store, self.selected
        report = store.city_report(batch_no)
        point = store.desk_point()
        consent = GlyphConsent(window)

        def build(full_ids: bool) -> printing.PdfResult:
            return consent.make(lambda o: printing.city_receipt_pdf(report, point, o),
                                window.printing.options(full_ids))

        title = tr("接收回执 {no}").format(no=batch_no)
        with _busy():
            pdf = build(False)
        outcome = preview.launch(window, title, pdf, f"接收回执-{batch_no}.pdf", rebuild=build)
        if outcome.printed:
            window.show_message(tr("已打印 {title}（{n} 页）。").format(
                title=title, n=outcome.pages_printed), "ok")
        elif outcome.saved:
            window.show_message(tr("已保存 {title}：{path}").format(
                title=title, path=outcome.saved[-1]), "ok")
        else:
            window.show_message(tr("已关闭预览，{title} 未打印。").format(title=title), "info")


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while a document is made."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
