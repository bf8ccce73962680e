"""流转 → 批次…: build a batch, check its batch-level items, close, hand it over.

The office lead's screen for a batch's life (open → closed → handed over). Left,
every batch with its status and items; right, the selected batch: its items
(送评报告单, 花名册 — recorded like packet items: 收 1 份, 退回 with a reason,
撤销) and its packets. The code field takes cover-sheet barcodes or ID numbers
like the counter's scan field: Enter adds them. Every refusal from the store is
shown in the message line and nothing changes; the tables are re-read from the
store after each write, so the dialog never shows a state the database lacks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton, QTableWidget

from zcdesk.domain.flow import BatchItemCount, BatchStatus
from zcdesk.domain.idnumber import mask_id
from zcdesk.domain.records import BatchInfo, BatchView, PacketView
from zcdesk.ui.dialogs.common import (
    ENTER_KEYS,
    ScanDesk,
    append_rows,
    fill_table,
    release_enter,
    set_button_texts,
)
from zcdesk.ui.forms.ui_batches_dialog import Ui_BatchesDialog
from zcdesk.ui.i18n import tr
from zcdesk.ui.packet_model import stage_text, status_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from zcdesk.ui.main_window import MainWindow

BATCH_HEADERS = ("批次号", "状态", "材料袋", "批次材料", "封批", "移交")
ITEM_HEADERS = ("材料", "需", "已收", "核对", "退回")
PACKET_HEADERS = ("姓名", "证件号码", "单位", "状态", "去向")
TRANSMITTAL_FILTER = "移交文件 (*.zip);;所有文件 (*)"
STATUS_COLOURS = {BatchStatus.OPEN: "#b26a00", BatchStatus.CLOSED: "#1565c0",
                  BatchStatus.HANDED_OVER: "#2e7d32"}


def fit_height(table: QTableWidget) -> None:
    """As tall as its rows (two batch items): the packets below get the room."""
    rows = sum(table.rowHeight(r) for r in range(table.rowCount())) or 30
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows
                         + 2 * table.frameWidth() + 2)


def items_words(items: tuple[BatchItemCount, ...]) -> str:
    """送评报告单 ✓ · 花名册 缺 1 — each batch-level item, checked or missing."""
    return " · ".join(f"{i.short_name} ✓" if not i.missing else
                      tr("{item} 缺 {n}").format(item=i.short_name, n=i.missing)
                      for i in items) or "—"


def batch_row(info: BatchInfo) -> tuple[str, str, str, str, str, str]:
    closed = f"{info.closed_at:%m-%d %H:%M} {info.closed_by}" if info.closed_at else "—"
    handed = "—"
    if info.handover is not None:
        h = info.handover
        handed = f"{h.at:%m-%d %H:%M} {h.handed_by} → {h.received_by}"
    return (info.batch_no, tr(info.status.label), str(info.packet_count),
            items_words(info.items), closed, handed)


def packet_row(p: PacketView) -> tuple[str, str, str, str, str]:
    return (p.applicant.name, mask_id(p.applicant.id_number), p.applicant.unit,
            status_text(p.status.value),
            stage_text(p.stage.value, p.decision.result.value if p.decision else None))


def detail_words(view: BatchView) -> str:
    info = view.batch
    parts = [tr("批次 {no}　{status}　{n} 人，材料 {forms} 份　{at} {who} 建").format(
        no=info.batch_no, status=tr(info.status.label), n=info.packet_count, forms=view.forms,
        at=info.created_at.strftime("%Y-%m-%d %H:%M"), who=info.operator)]
    if info.closed_at is not None:
        parts.append(tr("{at} 由 {who} 封批").format(
            at=info.closed_at.strftime("%Y-%m-%d %H:%M"), who=info.closed_by))
    if info.sha256:
        parts.append(tr("防改动校验码（SHA-256，核对移交文件是否被改动）：{sha}").format(sha=info.sha256))
    if info.handover is not None:
        h = info.handover
        parts.append(tr("{at} 移交：{by} → {to}").format(
            at=h.at.strftime("%Y-%m-%d %H:%M"), by=h.handed_by, to=h.received_by))
    return "\n".join(parts)


class BatchesDialog(ScanDesk, QDialog):
    def __init__(self, window: MainWindow, select: str = "") -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.ui = Ui_BatchesDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.changed = False  # packets moved: the counter's list is re-read on close
        self._batches: list[BatchInfo] = []
        self._view: BatchView | None = None
        set_button_texts(ui.buttonBox, close=tr("关闭"))
        ui.buttonBox.rejected.connect(self.reject)
        release_enter(self)  # Enter belongs to the code field
        self.fallback_focus = ui.batchTable
        wire: dict[QPushButton, Callable[[], object]] = {
            ui.newButton: lambda: self.new_batch(fill=True),
            ui.newEmptyButton: lambda: self.new_batch(fill=False),
            ui.closeBatchButton: self.close_batch, ui.reopenButton: self.reopen,
            ui.handOverButton: self.hand_over, ui.exportButton: self.export,
            ui.transmittalButton: lambda: self.print_document("transmittal"),
            ui.reportButton: lambda: self.print_document("report"),
            ui.acceptItemButton: self.accept_item, ui.rejectItemButton: self.reject_item,
            ui.undoItemButton: self.undo_item, ui.addButton: self.add_from_field,
            ui.removeButton: self.remove_selected,
        }
        for button, handler in wire.items():  # then back to the code field: the next scan
            button.clicked.connect(lambda _checked=False, h=handler: self._then_code(h))
        ui.batchTable.itemSelectionChanged.connect(self._on_batch_selected)
        ui.codeEdit.installEventFilter(self)
        ui.packetsTable.installEventFilter(self)
        self.refresh(select)
        ui.codeEdit.setFocus()

    # ------------------------------------------------------------ reading
    @property
    def batch_no(self) -> str:
        return self._view.batch.batch_no if self._view is not None else ""

    def refresh(self, select: str = "") -> None:
        """Re-read the batches (newest first) and select `select` or the first."""
        self._batches = sorted(self.store.batches(), key=lambda b: b.id, reverse=True)
        rows = [batch_row(b) for b in self._batches]
        colours = [(None, STATUS_COLOURS.get(b.status), None,
                    "#b26a00" if any(i.missing for i in b.items) else "#2e7d32", None, None)
                   for b in self._batches]
        table = self.ui.batchTable
        table.blockSignals(True)
        fill_table(table, [tr(h) for h in BATCH_HEADERS], rows, colours)
        row = next((r for r, b in enumerate(self._batches) if b.batch_no == select), 0)
        if self._batches:
            table.selectRow(row)
        table.blockSignals(False)
        self._show(self._batches[row].batch_no if self._batches else None)

    def _update_batch_row(self, info: BatchInfo) -> None:
        """One batch's line in the batch table, from what the store just returned."""
        row = next((r for r, b in enumerate(self._batches) if b.batch_no == info.batch_no),
                   None)
        if row is None:
            self.refresh(info.batch_no)
            return
        self._batches[row] = info
        table = self.ui.batchTable
        for column, text in enumerate(batch_row(info)):
            item = table.item(row, column)
            if item is not None:
                item.setText(text)
                item.setToolTip(text)
        colour = "#b26a00" if any(i.missing for i in info.items) else "#2e7d32"
        if (item := table.item(row, 3)) is not None:
            item.setForeground(QColor(colour))

    def _on_batch_selected(self) -> None:
        row = self.ui.batchTable.currentRow()
        if 0 <= row < len(self._batches):
            self._run(lambda: self._show(self._batches[row].batch_no))

    def _show(self, batch_no: str | None, view: BatchView | None = None) -> None:
        ui = self.ui
        if batch_no is None:
            self._view = None
            ui.titleLabel.setText(tr("还没有批次：新建一个批次，再加入齐全的材料袋。"))
            ui.detailLabel.setText("")
            fill_table(ui.itemsTable, [tr(h) for h in ITEM_HEADERS], [])
            fill_table(ui.packetsTable, [tr(h) for h in PACKET_HEADERS], [])
            self._update_buttons()
            return
        shown = self._view
        self._view = view if view is not None else self.store.batch(batch_no)
        info = self._view.batch
        ui.titleLabel.setText(tr("批次 {no}（{status}）").format(no=info.batch_no,
                                                             status=tr(info.status.label)))
        ui.detailLabel.setText(detail_words(self._view))
        items = [(i.name, str(i.required), str(i.accepted),
                  "✓" if not i.missing else tr("缺 {n} 份").format(n=i.missing),
                  "；".join(i.rejected) or "—") for i in info.items]
        keep = ui.itemsTable.currentRow()
        fill_table(ui.itemsTable, [tr(h) for h in ITEM_HEADERS], items,
                   [(None, None, None, "#2e7d32" if not i.missing else "#b26a00",
                     "#c62828" if i.rejected else None) for i in info.items])
        fit_height(ui.itemsTable)
        if 0 <= keep < len(items):
            ui.itemsTable.selectRow(keep)
        else:  # the first item still missing copies
            first = next((r for r, i in enumerate(info.items) if i.missing), 0)
            if items:
                ui.itemsTable.selectRow(first)
        self._fill_packets(shown, self._view)
        self._update_buttons()

    def _fill_packets(self, shown: BatchView | None, view: BatchView) -> None:
        """The batch's packets; rows only appended when the table already shows the
        same batch's earlier packets (a scan into a batch of 1,000 adds one row)."""
        table = self.ui.packetsTable
        old = [p.code for p in shown.packets] if shown is not None else None
        new = view.packets
        if (shown is not None and old is not None and shown.batch.batch_no == view.batch.batch_no
                and table.rowCount() == len(old) and len(new) > len(old)
                and [p.code for p in new[:len(old)]] == old):
            append_rows(table, [packet_row(p) for p in new[len(old):]])
        else:
            fill_table(table, [tr(h) for h in PACKET_HEADERS], [packet_row(p) for p in new])
        self.ui.packetsCaption.setText(tr("批次中的材料袋（{n} 个）").format(n=len(new)))

    def _update_buttons(self) -> None:
        ui = self.ui
        status = self._view.batch.status if self._view is not None else None
        is_open = status is BatchStatus.OPEN
        for button in (ui.acceptItemButton, ui.rejectItemButton, ui.undoItemButton,
                       ui.addButton, ui.removeButton, ui.closeBatchButton):
            button.setEnabled(is_open)
        ui.codeEdit.setEnabled(is_open)
        ui.reopenButton.setEnabled(status is BatchStatus.CLOSED)
        ui.handOverButton.setEnabled(status is BatchStatus.CLOSED)
        ui.exportButton.setEnabled(status in (BatchStatus.CLOSED, BatchStatus.HANDED_OVER))
        has_packets = bool(self._view and self._view.packets)
        ui.transmittalButton.setEnabled(has_packets)
        ui.reportButton.setEnabled(has_packets)

    # ------------------------------------------------------------ messages
    def reread(self) -> None:
        self.refresh(self.batch_no)

    def _written(self, view: BatchView, text: str, *, packets_moved: bool = False) -> None:
        self.changed = self.changed or packets_moved
        self.refresh(view.batch.batch_no)
        self.show_message(text, "ok")

    def _need_batch(self) -> str | None:
        if not self.batch_no:
            self.show_message(tr("请先新建或选择一个批次。"), "warn")
            return None
        return self.batch_no

    def _selected_item(self) -> BatchItemCount | None:
        if self._view is None:
            return None
        row = self.ui.itemsTable.currentRow()
        items = self._view.batch.items
        return items[row] if 0 <= row < len(items) else None

    # ------------------------------------------------------------ actions
    def new_batch(self, *, fill: bool) -> None:
        from zcdesk.ui.dialogs import confirm

        if fill and not confirm.launch(
                self, tr("新建批次"), tr("用全部尚未组批的齐全材料袋新建一个批次？"),
                tr("批次号按顺序编号；组批记入办理记录，不能删除。"), ok_text=tr("新建批次")):
            return

        def make() -> None:
            view = self.store.new_batch(fill=fill)
            self._written(view, tr("已新建批次 {no}：{n} 人。").format(
                no=view.batch.batch_no, n=view.batch.packet_count)
                + ("" if fill else tr("扫描封面条码加入材料袋。")), packets_moved=fill)

        self._run(make)
        self.ui.codeEdit.setFocus()

    def add_from_field(self) -> None:
        refs = self.ui.codeEdit.text().split()
        if not refs:
            return
        batch_no = self._need_batch()
        if batch_no is None:
            return

        def add() -> None:
            view = self.store.batch_add(batch_no, refs)
            self.ui.codeEdit.clear()
            self.changed = True
            self._update_batch_row(view.batch)  # not every batch re-read, nor every row
            self._show(batch_no, view)
            self.show_message(tr("已加入 {n} 个材料袋；批次 {no} 现有 {total} 人。").format(
                n=len(refs), no=batch_no, total=view.batch.packet_count), "ok")

        if not self._run(add):
            self.ui.codeEdit.selectAll()
        self.ui.codeEdit.setFocus()

    def remove_selected(self) -> None:
        batch_no = self._need_batch()
        if batch_no is None or self._view is None:
            return
        row = self.ui.packetsTable.currentRow()
        if not 0 <= row < len(self._view.packets):
            self.show_message(tr("请先在下方列表中选中要移出的材料袋。"), "warn")
            return
        packet = self._view.packets[row]
        self._run(lambda: self._written(
            self.store.batch_remove(batch_no, [packet.code]),
            tr("已将 {name} 移出批次 {no}。").format(name=packet.applicant.name, no=batch_no),
            packets_moved=True))
        self.ui.codeEdit.setFocus()

    def accept_item(self) -> None:
        item, batch_no = self._selected_item(), self._need_batch()
        if item is None or batch_no is None:
            return
        self._run(lambda: self._written(
            self.store.batch_accept(batch_no, item.code, 1),
            tr("已收 {item} 1 份。").format(item=item.name)))
        self.ui.codeEdit.setFocus()

    def reject_item(self) -> None:
        from zcdesk.ui.dialogs import reject

        item, batch_no = self._selected_item(), self._need_batch()
        if item is None or batch_no is None:
            return
        choice = reject.launch(self, item.name, tr("批次 {no}").format(no=batch_no))
        if choice is None:
            return
        self._run(lambda: self._written(
            self.store.batch_reject(batch_no, item.code, choice.copies, choice.reason,
                                    choice.text),
            tr("已退回 {item} {n} 份：{why}").format(item=item.name, n=choice.copies,
                                                 why=choice.text or tr(choice.reason.label))))
        self.ui.codeEdit.setFocus()

    def undo_item(self) -> None:
        batch_no = self._need_batch()
        if batch_no is None:
            return
        self._run(lambda: self._written(self.store.batch_undo(batch_no),
                                        tr("已撤销批次材料的上一次登记。")))

    def close_batch(self) -> None:
        from zcdesk.ui.dialogs import confirm

        batch_no = self._need_batch()
        if batch_no is None or self._view is None:
            return
        problems: list[str] = []
        if not self._run(lambda: problems.extend(self.store.batch_close_problems(batch_no))):
            return
        if problems:  # refused before any "are you sure"
            self.show_message(tr("批次 {no} 还不能封批：\n{problems}\n请补齐或移出后再封批。")
                              .format(no=batch_no, problems="\n".join(
                                  f"· {p}" for p in problems)), "error")
            return
        if not confirm.launch(
                self, tr("封批"), tr("封批 {no}（{n} 人）？").format(
                    no=batch_no, n=self._view.batch.packet_count),
                tr("封批后材料袋和批次材料不能再改，移交清单和移交文件的防改动校验码随之确定。"
                   "如需修改须重新开启并写明原因。"), ok_text=tr("封批")):
            return
        self._run(lambda: self._written(self.store.close_batch(batch_no), tr(
            "批次 {no} 已封批。请打印移交清单，导出移交文件。").format(no=batch_no),
            packets_moved=True))

    def reopen(self) -> None:
        from zcdesk.ui.dialogs import prompt

        batch_no = self._need_batch()
        if batch_no is None:
            return
        reason = prompt.launch(self, tr("重新开启批次 {no}").format(no=batch_no),
                               tr("重新开启的原因（记入办理记录；已打印的移交清单作废）："),
                               ok_text=tr("重新开启"), placeholder=tr("如：花名册盖章不清，需更换"))
        if reason is None:
            return
        self._run(lambda: self._written(self.store.reopen_batch(batch_no, reason), tr(
            "批次 {no} 已重新开启。修改后须重新封批、重新打印移交清单。").format(no=batch_no),
            packets_moved=True))

    def hand_over(self) -> None:
        from zcdesk.ui.dialogs import handover

        batch_no = self._need_batch()
        if batch_no is None:
            return
        signed = handover.launch(self, tr("移交批次 {no}").format(no=batch_no),
                                 tr("批次 {no} 移交市局：双方签字后登记").format(no=batch_no),
                                 tr("移交人"), tr("接收人"), self.store.operator,
                                 self.store.clock(), ok_text=tr("登记移交"))
        if signed is None:
            return
        self._run(lambda: self._written(
            self.store.hand_over(batch_no, signed.first, signed.second, signed.at),
            tr("批次 {no} 已移交：{by} → {to}。").format(no=batch_no, by=signed.first,
                                                     to=signed.second), packets_moved=True))

    def print_document(self, kind: str) -> None:
        batch_no = self._need_batch()
        if batch_no is None:
            return
        if self._run(lambda: self.window.printing.batch_document(kind, batch_no)):
            self.show_message(self.window.message_text(), "info")  # printed, saved, closed

    def export(self) -> str | None:
        from zcdesk.importing.transmittal_file import default_file_name
        from zcdesk.ui.worker import Progress, run_with_progress

        batch_no = self._need_batch()
        if batch_no is None:
            return None
        start = str(Path(self.window.roster.folder or Path.home()) / default_file_name(batch_no))
        name, _ = QFileDialog.getSaveFileName(self, tr("导出移交文件"), start,
                                              tr(TRANSMITTAL_FILTER))
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        self.window.roster.folder = str(target.parent)
        result: list[str] = []

        def write(_progress: Progress) -> str:
            return self.store.export_batch(batch_no, target)

        def run() -> None:
            outcome = run_with_progress(self, write, tr("正在写入移交文件……"),
                                        title=tr("导出移交文件"), cancellable=False)
            result.append(str(outcome.value))
            self.show_message(tr("已导出移交文件：{path}\nSHA-256：{sha}\n"
                                 "（与移交清单上印的防改动校验码一致，市局导入时核对）").format(
                path=target, sha=outcome.value), "ok")

        self._run(run)
        return result[0] if result else None

    # ------------------------------------------------------------ keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if watched is self.ui.codeEdit and event.key() in ENTER_KEYS:
                self.add_from_field()
                return True
            if watched is self.ui.packetsTable and event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)


def launch(window: MainWindow, select: str = "") -> bool:
    """The batch dialog; True when packets moved (the list needs re-reading)."""
    dialog = BatchesDialog(window, select)
    try:
        dialog.exec()
        return dialog.changed
    finally:
        dialog.deleteLater()
