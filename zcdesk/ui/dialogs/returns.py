"""流转 → 回收与返还…: forms back from the city, then back to each employer.

Top, the code field: a cover-sheet barcode or an ID number + Enter records the
packet as back from the city (已回收); 整批回收… takes a whole handed-over batch.
Left, the units with packets to return (已回收) or to archive (已返还); right,
the selected unit's packets: print its return list (返还清单), record the
hand-back with both signatures (已返还), and archive the unit's returned packets
once it has filed them (已归档) — in this session or any later one. After each
button the focus is back in the code field, so the next scan is not lost. Refusals are shown
in the message line; the tables are always re-read from the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog

from zcdesk.domain.flow import BatchStatus, ReturnLine, ReturnList
from zcdesk.domain.idnumber import mask_id
from zcdesk.ui.dialogs.common import (
    ENTER_KEYS,
    ScanDesk,
    fill_table,
    release_enter,
    set_button_texts,
)
from zcdesk.ui.forms.ui_returns_dialog import Ui_ReturnsDialog
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.ui.main_window import MainWindow

UNIT_HEADERS = ("单位", "待返还", "待归档")
LINE_HEADERS = ("姓名", "证件号码", "评审结果", "文号", "材料", "去向")


def decision_words(line_decision: object) -> tuple[str, str]:
    if line_decision is None:
        return tr("未登记"), ""
    result = getattr(line_decision, "result", None)
    label = result.label if result is not None else ""
    return tr(label), getattr(line_decision, "document_no", "")


def line_row(line: ReturnLine, names: dict[str, str]) -> tuple[str, ...]:
    """One packet of a return list: the items by their short names, 份 each."""
    result, number = decision_words(line.decision)
    copies = "、".join(tr("{item} {n} 份").format(item=names.get(code, code), n=n)
                      for code, n in line.items.items() if n)
    return (line.name, mask_id(line.id_number), result, number or "—", copies or "—",
            tr(line.stage.label))


class ReturnsDialog(ScanDesk, QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.ui = Ui_ReturnsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.changed = False
        self._units: list[tuple[str, int, int]] = []  # unit, 待返还, 待归档
        self._unit = ""
        self._list: ReturnList | None = None  # printed and signed for: 待返还 or just signed
        self._to_archive = 0
        self._item_names: dict[str, str] | None = None
        set_button_texts(ui.buttonBox, close=tr("关闭"))
        ui.buttonBox.rejected.connect(self.reject)
        release_enter(self)  # Enter belongs to the code field
        for button, handler in ((ui.receiveBatchButton, self.receive_batch),
                                (ui.printButton, self.print_list),
                                (ui.recordButton, self.record_return),
                                (ui.archiveButton, self.archive)):
            button.clicked.connect(lambda _checked=False, h=handler: self._then_code(h))
        ui.unitTable.itemSelectionChanged.connect(self._on_unit_selected)
        ui.codeEdit.installEventFilter(self)
        ui.titleLabel.setText(tr("回收与返还"))
        self.refresh()
        ui.codeEdit.setFocus()

    # ------------------------------------------------------------ reading
    @property
    def unit(self) -> str:
        return self._unit

    def refresh(self, select: str = "") -> None:
        """Re-read the units with packets 已回收 (to return) or 已返还 (to archive)."""
        counts: dict[str, list[int]] = {}
        for unit, n in self.store.units_to_return():
            counts.setdefault(unit, [0, 0])[0] = n
        for unit, n in self.store.units_to_archive():
            counts.setdefault(unit, [0, 0])[1] = n
        self._units = [(unit, back, returned) for unit, (back, returned)
                       in sorted(counts.items())]
        table = self.ui.unitTable
        table.blockSignals(True)
        fill_table(table, [tr(h) for h in UNIT_HEADERS],
                   [(unit, str(back), str(returned)) for unit, back, returned in self._units])
        select = select or self.unit
        row = next((r for r, (u, _, _) in enumerate(self._units) if u == select), 0)
        if self._units:
            table.selectRow(row)
        table.blockSignals(False)
        self._show(self._units[row][0] if self._units else None)

    def _on_unit_selected(self) -> None:
        row = self.ui.unitTable.currentRow()
        if 0 <= row < len(self._units):
            self._run(lambda: self._show(self._units[row][0]))

    def _names(self) -> dict[str, str]:
        """The items' short names: the checklist read once, not on every scan."""
        if self._item_names is None:
            self._item_names = {i.code: i.short_name for i in self.store.checklist()}
        return self._item_names

    def _show(self, unit: str | None) -> None:
        ui = self.ui
        if unit is None:
            self._unit, self._list, self._to_archive = "", None, 0
            ui.linesCaption.setText(tr("没有待返还的材料：市局退回的材料先扫描回收。"))
            fill_table(ui.linesTable, [tr(h) for h in LINE_HEADERS], [])
        else:
            to_return = self.store.return_list(unit)
            to_archive = self.store.archive_list(unit)
            self._unit, self._list = to_return.unit, to_return
            self._to_archive = len(to_archive.lines)
            names = self._names()
            rows = [line_row(line, names) for line in (*to_return.lines, *to_archive.lines)]
            fill_table(ui.linesTable, [tr(h) for h in LINE_HEADERS], rows)
            ui.linesCaption.setText(tr("{unit}：待返还 {n} 人，待归档 {m} 人").format(
                unit=unit, n=len(to_return.lines), m=self._to_archive))
        has = bool(self._list and self._list.lines)
        ui.printButton.setEnabled(has)
        ui.recordButton.setEnabled(has)
        ui.archiveButton.setEnabled(self._to_archive > 0)

    def _show_done(self, done: ReturnList) -> None:
        """The list just signed for stays on screen: it may be printed again and
        archived once the unit has filed it."""
        self._unit, self._list = done.unit, done
        self._to_archive = max(self._to_archive, len(done.lines))
        names = self._names()
        rows = [line_row(line, names) for line in done.lines]
        fill_table(self.ui.linesTable, [tr(h) for h in LINE_HEADERS], rows)
        self.ui.linesCaption.setText(tr("{unit}：已返还 {n} 人，{by} → {to}").format(
            unit=done.unit, n=len(rows), by=done.returned_by, to=done.received_by))
        self.ui.printButton.setEnabled(bool(done.lines))
        self.ui.archiveButton.setEnabled(self._to_archive > 0)
        self.ui.recordButton.setEnabled(False)

    # ------------------------------------------------------------ messages
    def reread(self) -> None:
        self.refresh()

    # ------------------------------------------------------------ actions
    def receive_codes(self, refs: list[str]) -> None:
        def receive() -> None:
            count = self.store.receive_back(refs)
            self.changed = True
            self.ui.codeEdit.clear()
            self.refresh()
            self.show_message(tr("已回收 {n} 个材料袋。").format(n=count), "ok")

        if not self._run(receive):
            self.ui.codeEdit.selectAll()
        self.ui.codeEdit.setFocus()

    def receive_batch(self) -> None:
        from zcdesk.ui.dialogs import pick

        batches = [b for b in self.store.batches() if b.status is BatchStatus.HANDED_OVER]
        if not batches:
            self.show_message(tr("没有已移交的批次。"), "warn")
            return
        choices = [(b.batch_no, tr("{no}　{n} 人").format(no=b.batch_no, n=b.packet_count))
                   for b in sorted(batches, key=lambda b: b.id, reverse=True)]
        batch_no = pick.launch(self, tr("整批回收"), tr("市局退回了哪个批次的全部材料？"),
                               choices, current=choices[0][0], ok_text=tr("回收"))
        if batch_no is None:
            return

        def receive() -> None:
            count = self.store.receive_back(batch_no=batch_no)
            self.changed = True
            self.refresh()
            self.show_message(tr("批次 {no}：已回收 {n} 个材料袋。").format(no=batch_no, n=count),
                              "ok")

        self._run(receive)

    def print_list(self) -> None:
        if self._list is None:
            return
        return_list = self._list
        if self._run(lambda: self.window.printing.return_list(return_list)):
            self.show_message(self.window.message_text(), "info")  # printed, saved, closed

    def record_return(self) -> None:
        from zcdesk.ui.dialogs import handover

        unit = self.unit
        if not unit or self._list is None:
            return
        signed = handover.launch(
            self, tr("登记返还"), tr("{unit}：{n} 个材料袋返还单位，双方在返还清单上签字后登记")
            .format(unit=unit, n=len(self._list.lines)), tr("交付人"), tr("领取人"),
            self.store.operator, with_time=False, ok_text=tr("登记返还"))
        if signed is None:
            return

        def record() -> None:
            done = self.store.record_return(unit, signed.first, signed.second)
            self.changed = True
            self.refresh(unit)
            self._show_done(done)
            self.show_message(tr("{unit}：{n} 个材料袋已返还（{by} → {to}）。").format(
                unit=unit, n=len(done.lines), by=signed.first, to=signed.second), "ok")

        self._run(record)

    def archive(self) -> None:
        from zcdesk.ui.dialogs import confirm

        unit = self.unit
        if not unit:
            return
        if not confirm.launch(self, tr("归档"), tr("{unit} 已返还的材料袋全部记为已归档？")
                              .format(unit=unit), tr("单位已将材料存入人事档案后再归档。"),
                              ok_text=tr("归档")):
            return

        def archive() -> None:
            count = self.store.archive(unit=unit)
            self.changed = True
            self.refresh(unit)
            self.show_message(tr("{unit}：{n} 个材料袋已归档。").format(unit=unit, n=count),
                              "ok")

        self._run(archive)

    # ------------------------------------------------------------ keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.codeEdit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in ENTER_KEYS:
                refs = self.ui.codeEdit.text().split()
                if refs:
                    self.receive_codes(refs)
                return True
        return super().eventFilter(watched, event)


def launch(window: MainWindow) -> bool:
    """True when packets moved on (the counter's list is re-read)."""
    dialog = ReturnsDialog(window)
    try:
        dialog.exec()
        return dialog.changed
    finally:
        dialog.deleteLater()

