"""The left zone: filter field, the status, pre-check, stage and unit filters, the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.flow import STAGE_LABELS
from zcdesk.domain.records import PacketView
from zcdesk.ui import store_errors as errors
from zcdesk.ui.forms.ui_main_window import Ui_MainWindow
from zcdesk.ui.i18n import tr
from zcdesk.ui.list_loader import ListLoader
from zcdesk.ui.packet_model import (
    COL_ELIGIBILITY,
    COL_ID,
    COL_MISSING,
    COL_NAME,
    COL_STAGE,
    COL_STATUS,
    COL_UNIT,
    PacketTableModel,
)

if TYPE_CHECKING:
    from zcdesk.store import Store
    from zcdesk.store.list_ops import PacketColumns
    from zcdesk.ui.list_table import Prepared

LIST_ROW_HEIGHT = 30
# 去向 holds "已回收 · ✗ 不通过", the longest stage with a decision.
COLUMN_WIDTHS = {COL_NAME: 70, COL_ID: 156, COL_UNIT: 124, COL_STATUS: 66, COL_STAGE: 132,
                 COL_ELIGIBILITY: 76, COL_MISSING: 150}
STATUS_FILTERS = (("全部", ""), ("○ 未收", PacketStatus.NONE.value),
                  ("◐ 部分", PacketStatus.PARTIAL.value), ("● 齐全", PacketStatus.COMPLETE.value))
VERDICT_FILTERS = (("全部", ""), ("✔ 符合", "eligible"), ("✘ 不符合", "ineligible"),
                   ("？ 待核实", "unknown"))
STAGE_FILTERS = (("全部", ""), *((label, stage.value) for stage, label in STAGE_LABELS.items()))


class PacketList(QObject):
    """Drives the list widgets of the main window's form.

    Built before the store is open (the window shows first); `attach_store`
    gives it the store. With `load_later`, the rows are then read in a
    background thread (`start_loading`) while the window is already usable;
    rows written meanwhile are re-read after the load so the list never shows
    an older state. Without it, `attach_store` reads them at once.
    """

    open_requested = Signal(int)  # a visible row: Enter or double-click on it
    load_failed = Signal(str)
    loaded = Signal()

    def __init__(self, ui: Ui_MainWindow, parent: QObject, *, load_later: bool = False) -> None:
        super().__init__(parent)
        self.ui = ui
        self.store: Store | None = None
        self._load_later = load_later
        self.model = PacketTableModel(self._read_rows, [], self, load_now=False)
        self._loader = ListLoader(self._read_rows)
        self._loader.loaded.connect(self._on_loaded)
        self._loader.failed.connect(self._on_failed)
        # Packet ids written while the rows are being read (None: not loading).
        self._pending: set[int] | None = set()
        self.load_error = ""  # why the background load failed (until F5 succeeds)
        self._setup_table()
        self._setup_filters()
        self._setup_round_filter()
        self.update_count()

    def attach_store(self, store: Store) -> None:
        """The store is open: know the checklist, and read the rows now or later.

        Raises StoreError (a synchronous read that fails).
        """
        self.store = store
        checklist = store.checklist()
        self._loader.checklist = list(checklist)
        self.model.set_checklist(checklist)
        self.fill_round_combo()
        if not self._load_later:
            self._pending = None
            self.model.reload()
            self.fill_unit_combo()
            self.update_count()

    def _read_rows(self) -> PacketColumns:
        assert self.store is not None
        code = self.round_code
        return self.store.packet_columns(code) if code else self.store.packet_columns()

    # ---------------------------------------------------------- the round
    @property
    def round_code(self) -> str | None:
        """The round the list shows: None is the current round (the default). Kept as a
        plain attribute: the rows are read in the loader's thread, away from the combo."""
        return self._round_code

    def _setup_round_filter(self) -> None:
        """轮次: the current round by default; an earlier one can be looked at (#11).
        Shown once the database holds more than one round."""
        from PySide6.QtWidgets import QLabel

        self._round_code: str | None = None
        self._round_caption = QLabel(tr("轮次"))
        combo = self.ui_round = QComboBox()
        combo.setObjectName("roundCombo")
        combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner's keys stay where they go
        combo.setToolTip(tr("列表默认显示当前轮次；可选择以前的轮次查阅"))
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)  # "2026 下半年度" whole
        at = self.ui.filterCombos.indexOf(self.ui.stageCombo) + 1
        self.ui.filterCombos.insertWidget(at, self._round_caption)
        self.ui.filterCombos.insertWidget(at + 1, combo)
        self._show_round_filter(False)
        combo.currentIndexChanged.connect(lambda _i: self._round_chosen())

    def _shown_round(self) -> str:
        assert self.store is not None
        return self._round_code or self.store.current_round().code

    def _show_round_filter(self, shown: bool) -> None:
        self._round_caption.setVisible(shown)
        self.ui_round.setVisible(shown)

    def fill_round_combo(self) -> None:
        """The rounds, the current one first and chosen (after a start or a switch)."""
        if self.store is None:
            return
        try:
            rounds = self.store.rounds()
        except errors.StoreError:
            return
        combo = self.ui_round
        combo.blockSignals(True)
        combo.clear()
        for r in sorted(rounds, key=lambda r: (not r.active, r.code)):
            combo.addItem(r.name, None if r.active else r.code)  # the first is the current
            if r.active:
                combo.setItemData(0, tr("当前轮次"), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        self._round_code = None
        self._show_round_filter(len(rounds) > 1)

    def _round_chosen(self) -> None:
        """Another round picked: its packets are read (the counter stays on the current)."""
        self._round_code = self.ui_round.currentData() or None
        try:
            assert self.store is not None
            # 缺件 counts against the shown round's own checklist
            round_id = self.store.round_info(self._round_code).id if self._round_code else None
            checklist = self.store.checklist(round_id=round_id)
            self._loader.checklist = list(checklist)
            self.model.set_checklist(checklist)
            self.reload()
        except errors.StoreError as exc:
            self.load_failed.emit(str(exc))

    @property
    def loading(self) -> bool:
        return self._pending is not None

    # -------------------------------------------------------------- set-up
    def _setup_table(self) -> None:
        table = self.ui.packetTable
        table.setModel(self.model)
        vertical = table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(LIST_ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        table.activated.connect(lambda index: self.open_requested.emit(index.row()))

    def _setup_filters(self) -> None:
        ui = self.ui
        for label, value in STATUS_FILTERS:
            ui.statusCombo.addItem(tr(label), value)
        self.fill_unit_combo()
        for label, value in VERDICT_FILTERS:
            ui.eligibilityCombo.addItem(tr(label), value)
        for label, value in STAGE_FILTERS:
            ui.stageCombo.addItem(tr(label), value)
        for combo in (ui.statusCombo, ui.eligibilityCombo, ui.stageCombo):
            # As wide as a short word: the filter field keeps its room (the popup
            # still shows each choice in full).
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(3)
            combo.setMinimumWidth(66)
        ui.stageCombo.currentIndexChanged.connect(
            lambda _i: self.apply_filter(stage=ui.stageCombo.currentData()))
        ui.statusCombo.currentIndexChanged.connect(
            lambda _i: self.apply_filter(status=ui.statusCombo.currentData()))
        ui.eligibilityCombo.currentIndexChanged.connect(
            lambda _i: self.apply_filter(verdict=ui.eligibilityCombo.currentData()))
        ui.unitCombo.currentIndexChanged.connect(
            lambda _i: self.apply_filter(unit=ui.unitCombo.currentData()))
        ui.filterEdit.textChanged.connect(lambda text: self.apply_filter(text=text))
        ui.filterEdit.returnPressed.connect(self._open_from_filter)

    def fill_unit_combo(self) -> None:
        combo = self.ui.unitCombo
        current = combo.currentData() or ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("全部单位"), "")
        for name in self.model.unit_names():
            combo.addItem(name, name)
            combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    # ------------------------------------------------------------ filtering
    def apply_filter(self, *, text: str | None = None, status: str | None = None,
                     unit: str | None = None, verdict: str | None = None,
                     stage: str | None = None) -> None:
        self.model.set_filter(text=text, status=status, unit=unit, verdict=verdict,
                              stage=stage)
        self.update_count()

    def update_count(self) -> None:
        if self.loading:
            text = tr("正在载入申报人列表……（可以先扫描）")
        else:
            shown, total = self.model.rowCount(), self.model.total_count()
            text = tr("共 {total} 人").format(total=total) if shown == total else \
                tr("显示 {shown} 人 / 共 {total} 人").format(shown=shown, total=total)
            text += tr("　·　双击或在筛选框按 Enter 打开")
        self.ui.listCountLabel.setText(text)

    def move_current(self, step: int) -> None:
        """↑/↓ from the filter field: the list itself never has the keyboard."""
        count = self.model.rowCount()
        if not count:
            return
        table = self.ui.packetTable
        row = table.currentIndex().row()
        row = 0 if row < 0 else min(max(row + step, 0), count - 1)
        index = self.model.index(row, 0)
        table.setCurrentIndex(index)
        table.scrollTo(index)

    def _open_from_filter(self) -> None:
        row = self.ui.packetTable.currentIndex().row()
        self.open_requested.emit(row if row >= 0 else 0)

    # -------------------------------------------------------------- rows
    def select_packet(self, packet_id: int, *, scroll: bool = False) -> None:
        """Mark the open packet's row. The list does not jump to every scanned
        packet (it belongs to whoever is browsing it, and a jump repaints a
        screenful of rows); `scroll` brings the row into view."""
        row = self.model.visible_row_of_packet(packet_id)
        if row is None:
            return
        table = self.ui.packetTable
        index = self.model.index(row, 0)
        table.setAutoScroll(scroll)
        try:
            table.setCurrentIndex(index)
        finally:
            table.setAutoScroll(True)
        if scroll:
            table.scrollTo(index)

    def update_row(self, packet_id: int, packet: PacketView | None = None) -> None:
        """Keep one row current after a write, without reloading every row.

        `packet`: the packet as the write returned it (then nothing is read back)."""
        assert self.store is not None
        if packet is not None and packet.round_code != self._shown_round():
            return  # another round's packet (a decision, a return): not in this list
        if self._pending is not None:
            self._pending.add(packet_id)  # re-read once the load has arrived
            return
        known = self.model.visible_row_of_packet(packet_id) is not None
        self.model.update_row(packet.list_row() if packet is not None
                              else self.store.packet_row(packet_id))
        if not known:
            self.update_count()

    def reload(self) -> None:
        """Read every row now (F5); raises StoreError."""
        if self.store is None:
            return
        self._loader.cancel()
        self._pending = None
        self.model.reload()
        self.load_error = ""
        self.fill_unit_combo()
        self.update_count()

    def reload_later(self) -> None:
        """Read every row again in the background (after an import): the window
        stays usable; rows written meanwhile are re-read when the load arrives."""
        if self.store is None:
            return
        self.load_error = ""
        self._pending = set()
        self.update_count()
        self._loader.start()

    # ------------------------------------------------------ background load
    def start_loading(self) -> None:
        if self.loading and self.store is not None:
            self._loader.start()

    def _on_loaded(self, generation: int, rows: PacketColumns, prepared: Prepared) -> None:
        if generation != self._loader.generation or self._pending is None \
                or self.store is None:
            return  # a reload (F5) came in between
        pending, self._pending = self._pending, None
        self.model.set_rows(rows, prepared)
        try:
            for packet_id in pending:
                self.model.update_row(self.store.packet_row(packet_id))
        except errors.StoreError as exc:
            self.load_failed.emit(str(exc))
        self.fill_unit_combo()
        self.update_count()
        self.loaded.emit()

    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._loader.generation:
            return
        self._pending = None
        self.load_error = message
        self.ui.listCountLabel.setText(tr("列表未能载入，按 F5 重试。"))
        self.load_failed.emit(message)
