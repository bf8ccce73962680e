"""The open packet: who it belongs to and its checklist, item by item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QListWidgetItem, QWidget

from zcdesk.domain.completeness import ItemState, PacketStatus
from zcdesk.domain.flow import PacketStage
from zcdesk.domain.records import EventView, PacketView
from zcdesk.ui.checklist_model import COL_CHECKS, COL_ITEM, COL_REJECTED, ChecklistModel
from zcdesk.ui.event_words import event_text
from zcdesk.ui.forms.ui_packet_panel import Ui_PacketPanel
from zcdesk.ui.i18n import tr
from zcdesk.ui.packet_model import DECISION_WORDS, VERDICT_COLOURS, verdict_text

STATUS_OBJECT_NAMES = {PacketStatus.NONE: "statusNone", PacketStatus.PARTIAL: "statusPartial",
                       PacketStatus.COMPLETE: "statusComplete"}
CHECKLIST_ROW_HEIGHT = 38
PAGE_EMPTY, PAGE_PACKET = 0, 1
RECENT_EVENTS = 8
REVERSED_GREY = "#9e9e9e"
VERDICT_BACKGROUNDS = {"eligible": "#e8f5e9", "ineligible": "#ffebee", "unknown": "#fff4e0"}
ELIGIBILITY_CAPTION = "资格预审（仅供参考）"
# The applicant block never shrinks below this (it scrolls inside instead); the
# recent records are shown only with room for this many whole lines.
DETAILS_MIN_HEIGHT = 64
RECENT_MIN_ROWS = 2


def status_words(status: PacketStatus) -> str:
    """◐ 部分: shape and word, so status never relies on colour alone."""
    return f"{status.symbol} {tr(status.label)}"


def stage_words(packet: PacketView) -> str:
    """去向：已移交（批次 SC-2025H1-B001）　评审结果：✔ 通过（2025-06-20，文号 …）;
    empty while the packet is at the counter, outside any batch, with no decision."""
    parts = []
    if packet.stage is not PacketStage.COUNTER or packet.batch_no:
        where = tr(packet.stage.label)
        if packet.batch_no:
            where += tr("（批次 {no}）").format(no=packet.batch_no)
        parts.append(tr("去向：{where}").format(where=where))
    decision = packet.decision
    if decision is not None:
        detail = decision.decided_on.isoformat()
        if decision.document_no:
            detail += tr("，文号 {no}").format(no=decision.document_no)
        parts.append(tr("评审结果：{result}（{detail}）").format(
            result=tr(DECISION_WORDS.get(decision.result.value, decision.result.label)),
            detail=detail))
    return "　".join(parts)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def _show(widget: QWidget, shown: bool) -> None:
    """setVisible only on a change: each call re-lays out the page."""
    if widget.isVisibleTo(widget.parentWidget()) != shown:
        widget.setVisible(shown)


def _join(*parts: str, sep: str = " · ") -> str:
    return sep.join(p for p in parts if p) or "—"


class PacketPanel(QWidget):
    """Shows one PacketView; the selected checklist row is the item digits apply to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PacketPanel()
        self.ui.setupUi(self)
        self.model = ChecklistModel(self)
        self._packet: PacketView | None = None
        self._arranged: tuple[object, ...] | None = None  # what _arrange last laid out for
        table = self.ui.checklistTable
        table.setModel(self.model)
        vertical = table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(CHECKLIST_ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CHECKS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REJECTED, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        header.setHighlightSections(False)
        table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.ui.packetLayout.setStretchFactor(self.ui.recentPane, 1)  # before the spacer below
        self.ui.packetPage.installEventFilter(self)
        self.show_packet(None)

    # --------------------------------------------------------------- content
    @property
    def packet(self) -> PacketView | None:
        return self._packet

    def show_packet(self, packet: PacketView | None, *, select: str | None = None) -> None:
        """Show `packet`, selecting item `select` (a code), else the item selected
        before when it is the same packet, else its first incomplete item."""
        same = packet is not None and self._packet is not None \
            and self._packet.packet_id == packet.packet_id
        previous = self.selected_code() if same else None
        if not same:
            self.ui.recentList.clear()  # another packet: its records follow (show_events)
        self._packet = packet
        ui = self.ui
        if packet is None:
            self.model.set_state(None)
            ui.stack.setCurrentIndex(PAGE_EMPTY)
            return
        a = packet.applicant
        ui.nameLabel.setText(a.name)
        ui.genderLabel.setText(a.gender)
        ui.idLabel.setText(a.id_number)
        ui.idKindValue.setText(a.id_kind)
        ui.unitValue.setText(a.unit or "—")
        ui.positionValue.setText(a.position or "—")
        years = tr("{n} 年").format(n=a.field_years) if a.field_years is not None else ""
        ui.specialtyValue.setText(_join(a.specialty, years))
        qualified = tr("{d} 取得").format(d=a.qualified_on.isoformat()) if a.qualified_on else ""
        issuer = f"（{a.qualification_issuer}）" if a.qualification_issuer else ""
        ui.qualificationValue.setText(
            _join(a.qualification + issuer if a.qualification else "", qualified))
        ui.educationValue.setText(_join(a.education, a.degree, sep=" / "))
        graduated = tr("{d} 毕业").format(d=a.graduated_on.isoformat()) if a.graduated_on else ""
        ui.schoolValue.setText(_join(a.school, graduated))
        ui.workStartValue.setText(_date(a.work_start))
        self._show_status(packet)
        self._show_eligibility(packet)
        self._show_stage(packet)
        self.model.set_state(packet.state)
        self._fit_table()
        ui.stack.setCurrentIndex(PAGE_PACKET)
        code = select or previous
        if not (code and self.select_code(code)):
            self.select_first_incomplete()
        self._arrange()

    def show_events(self, events: Sequence[EventView]) -> None:
        """The packet's latest recordings, newest first (Ctrl+H shows them all)."""
        recent = self.ui.recentList
        recent.clear()
        for event in list(events)[::-1][:RECENT_EVENTS]:
            text = f"{event.at:%m-%d %H:%M}　{event.operator}　{event.desk}　{event_text(event)}"
            item = QListWidgetItem(text + (tr("　（已撤销）") if event.reversed_by else ""))
            if event.reversed_by:
                item.setForeground(QBrush(QColor(REVERSED_GREY)))
            recent.addItem(item)
        if not recent.count():
            recent.addItem(tr("尚无记录"))

    def _fit_table(self) -> None:
        """As tall as its rows: the checklist has a handful of items, never a scroll bar.
        The 退回 column takes a share of the width only when something was handed
        back (a narrow panel then keeps 检查项 whole)."""
        table = self.ui.checklistTable
        rejected = any(state.rejections for state in
                       (self.model.state_at(r) for r in range(self.model.rowCount()))
                       if state is not None)
        table.horizontalHeader().setSectionResizeMode(
            COL_REJECTED, QHeaderView.ResizeMode.Stretch if rejected
            else QHeaderView.ResizeMode.ResizeToContents)
        height = table.horizontalHeader().sizeHint().height() \
            + CHECKLIST_ROW_HEIGHT * self.model.rowCount() + 2 * table.frameWidth() + 2
        table.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The page's own resize: its size is final here (the panel's comes earlier).
        if watched is self.ui.packetPage and event.type() == QEvent.Type.Resize:
            self._arrange()
        return super().eventFilter(watched, event)

    def _arrange(self) -> None:
        """Share the height on a small screen (1366×768, 1024×768): the header,
        the whole checklist and the current-item line always show; the applicant
        block gets what it needs when there is room, else it scrolls inside. The
        key hints, the checklist's caption and the recent records show, in that
        order, only with room left over. The layout itself measures (style-sheet
        padding, wrapped lines), so nothing is squeezed below its height."""
        ui = self.ui
        layout = ui.packetLayout
        width, height = ui.packetPage.width(), ui.packetPage.height()

        def total() -> int:
            layout.invalidate()
            return layout.totalHeightForWidth(width) if layout.hasHeightForWidth() \
                else layout.totalSizeHint().height()

        details = ui.detailsWidget
        need = details.heightForWidth(width) if details.hasHeightForWidth() \
            else details.sizeHint().height()
        # A scan calls this up to three times (packet, item, current line): once is
        # enough while nothing it depends on changed (the scan stays within 20 ms).
        key = (width, height, need, ui.currentItemLabel.text(), self.model.rowCount())
        if key == self._arranged:
            return
        self._arranged = key
        extras = (ui.keysLabel, ui.checklistCaption)  # in the order they get room
        for widget in (*extras, ui.recentPane):
            _show(widget, False)
        scroll = ui.detailsScroll
        scroll.setFixedHeight(need)
        over = total() - height
        # Whole, it has no scroll bar: one left over from a shorter window would
        # narrow the text, make it taller and so keep itself.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if over > 0
                                          else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if over > 0:  # the block scrolls inside; everything else keeps its height
            scroll.setFixedHeight(max(need - over, DETAILS_MIN_HEIGHT))
            return
        for label in extras:
            _show(label, True)
            if total() > height:
                _show(label, False)
        recent = ui.recentList
        # A line with the style sheet's padding (sizeHintForRow misses it while hidden).
        row = max(recent.sizeHintForRow(0), recent.fontMetrics().lineSpacing() + 8)
        wanted = ui.recentCaption.sizeHint().height() + ui.recentLayout.spacing() \
            + RECENT_MIN_ROWS * row + 2 * recent.frameWidth()
        _show(ui.recentPane, height - total() >= wanted + layout.spacing())

    def details_fully_shown(self) -> bool:
        """The applicant block is shown whole, without scrolling (tests)."""
        return self.ui.detailsScroll.verticalScrollBar().maximum() == 0

    def _show_eligibility(self, packet: PacketView) -> None:
        """The pre-check as advice: symbol, word and colour, and its reasons in words.

        It never blocks receiving: the committee decides, the clerk may tell the
        person at the counter what the pre-check found.
        """
        ui = self.ui
        verdict = packet.eligibility or "unknown"
        colour = VERDICT_COLOURS.get(verdict, "#455a64")
        ui.eligibilityLabel.setText(tr("{caption}：{verdict}").format(
            caption=tr(ELIGIBILITY_CAPTION), verdict=verdict_text(verdict)))
        reasons = [r for r in packet.eligibility_reasons if r]
        ui.eligibilityReasons.setText("\n".join(f"· {r}" for r in reasons)
                                      if reasons else tr("（无说明）"))
        if ui.eligibilityFrame.property("verdict") != verdict:
            ui.eligibilityFrame.setProperty("verdict", verdict)
            background = VERDICT_BACKGROUNDS.get(verdict, "#fafafa")
            ui.eligibilityFrame.setStyleSheet(
                f"QFrame#eligibilityFrame {{ background: {background};"
                f" border-left: 4px solid {colour}; border-radius: 3px; }}"
                f"QLabel#eligibilityLabel {{ color: {colour}; font-weight: bold; }}"
                "QLabel#eligibilityReasons { color: #37474f; }")

    def _show_stage(self, packet: PacketView) -> None:
        """Where the packet is after the counter, and the committee's result."""
        label = self.ui.stageLabel
        text = stage_words(packet)
        label.setText(text)
        label.setVisible(bool(text))

    def stage_text(self) -> str:
        return self.ui.stageLabel.text() if self.ui.stageLabel.isVisibleTo(self) else ""

    def eligibility_text(self) -> str:
        """What the panel says about the pre-check (tests, diagnostics)."""
        return f"{self.ui.eligibilityLabel.text()}\n{self.ui.eligibilityReasons.text()}"

    def _show_status(self, packet: PacketView) -> None:
        label = self.ui.statusLabel
        label.setText(status_words(packet.status))
        name = STATUS_OBJECT_NAMES[packet.status]
        if label.objectName() != name:  # a style-sheet pass only when the status changes
            label.setObjectName(name)
            label.style().unpolish(label)
            label.style().polish(label)
        missing = self.ui.missingLabel
        missing.setText(packet.state.missing_text())
        complete = packet.status is PacketStatus.COMPLETE
        if missing.property("complete") != complete:
            missing.setProperty("complete", complete)
            missing.style().unpolish(missing)
            missing.style().polish(missing)

    # ------------------------------------------------------------- selection
    def selected_row(self) -> int:
        return self.ui.checklistTable.currentIndex().row()

    def selected_state(self) -> ItemState | None:
        return self.model.state_at(self.selected_row())

    def selected_code(self) -> str | None:
        state = self.selected_state()
        return state.item.code if state else None

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, COL_ITEM)
        self.ui.checklistTable.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._update_current_label()

    def select_code(self, code: str) -> bool:
        for row in range(self.model.rowCount()):
            state = self.model.state_at(row)
            if state is not None and state.item.code == code:
                self.select_row(row)
                return True
        return False

    def move_selection(self, step: int) -> None:
        count = self.model.rowCount()
        if count:
            self.select_row((max(self.selected_row(), 0) + step) % count)

    def select_first_incomplete(self) -> None:
        for row in range(self.model.rowCount()):
            state = self.model.state_at(row)
            if state is not None and not state.complete:
                self.select_row(row)
                return
        self.select_row(0)

    def advance_to_next_incomplete(self) -> None:
        """After a recording: the next item still missing copies, cyclically."""
        count = self.model.rowCount()
        start = max(self.selected_row(), 0)
        for step in range(1, count + 1):
            row = (start + step) % count
            state = self.model.state_at(row)
            if state is not None and not state.complete:
                self.select_row(row)
                return
        self._update_current_label()

    def _on_current_changed(self, *_: object) -> None:
        self._update_current_label()

    def _update_current_label(self) -> None:
        state = self.selected_state()
        label = self.ui.currentItemLabel
        if state is None:
            label.setText("")
            self._arrange()
            return
        if state.complete:
            text = tr("当前材料：{item}（需 {need} 份，已收齐）。↑↓ 换材料；"
                      "R + Enter 退回").format(item=state.item.short_name,
                                               need=state.item.copies_required)
        else:
            text = tr("当前材料：{item}（需 {need} 份，已收 {got} 份）。输入份数按 Enter 收件；"
                      "R + Enter 退回").format(item=state.item.short_name,
                                               need=state.item.copies_required,
                                               got=state.accepted)
        label.setText(text)
        self._arrange()  # one line or two: the share of the height may change
