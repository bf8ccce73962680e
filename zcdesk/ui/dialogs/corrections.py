"""流转 → 补正期限… (or a click on the status bar): visits told in writing what was
missing, the working day to bring it by, and what is still missing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.domain.flow import CorrectionDue, DeadlineInfo
from zcdesk.ui import store_errors as errors
from zcdesk.ui.deadline_text import days_left_words
from zcdesk.ui.dialogs.common import MessageLine, fill_table, set_button_texts
from zcdesk.ui.forms.ui_corrections_dialog import Ui_CorrectionsDialog
from zcdesk.ui.i18n import tr

HEADERS = ("收件号", "送件人", "单位", "告知日", "补正期限", "剩余", "尚缺")
OVERDUE = "#c62828"
SOON = "#b26a00"


def left_words(due: CorrectionDue) -> str:
    if due.overdue:
        return tr("已逾期")
    if due.working_days_left == 0:
        return tr("今天到期")
    return tr("{n} 个工作日").format(n=due.working_days_left)


def deadline_words(deadlines: Sequence[DeadlineInfo]) -> str:
    """The round's deadlines, one a line, with the working days left to each."""
    lines = []
    for d in deadlines:
        if d.calendar_days_left >= 0:
            left = days_left_words(d)
        else:
            left = tr("已过 {n} 天").format(n=-d.calendar_days_left)
        lines.append(tr("{label}：{day}（{left}）").format(
            label=tr(d.label), day=d.day.isoformat(), left=left))
    return "\n".join(lines)


def correction_rows(dues: Sequence[CorrectionDue]) -> list[tuple[str, ...]]:
    return [(d.receipt_no, d.visitor_name, d.visitor_unit, d.notified_on.isoformat(),
             d.due.isoformat(), left_words(d), "；".join(d.packets)) for d in dues]


class CorrectionsDialog(MessageLine, QDialog):
    def __init__(self, parent: QWidget | None,
                 read: Callable[[bool], Sequence[CorrectionDue]],
                 overdue_only: bool = False,
                 deadlines: Sequence[DeadlineInfo] = ()) -> None:
        super().__init__(parent)
        self.ui = Ui_CorrectionsDialog()
        self.ui.setupUi(self)
        self.ui.deadlinesLabel.setText(deadline_words(deadlines))
        self.ui.deadlinesLabel.setVisible(bool(deadlines))
        self._read = read
        set_button_texts(self.ui.buttonBox, close=tr("关闭"))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.overdueCheck.setChecked(overdue_only)
        self.ui.overdueCheck.toggled.connect(lambda _on: self.reload())
        self.reload()
        self.ui.correctionsTable.setFocus()

    def reload(self) -> None:
        """Re-read the rows; a refusal (the database unreachable) is shown in the
        message line and the table left as it was."""
        overdue_only = self.ui.overdueCheck.isChecked()
        try:
            dues = list(self._read(overdue_only))
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            return
        self.show_message("", "info")
        colours = [tuple(OVERDUE if d.overdue else SOON if d.working_days_left <= 1 else None
                         for _ in HEADERS) for d in dues]
        fill_table(self.ui.correctionsTable, [tr(h) for h in HEADERS], correction_rows(dues),
                   colours)
        overdue = sum(d.overdue for d in dues)
        if not dues:
            text = tr("没有逾期未补正的收件。") if overdue_only else tr("没有待补正的收件。")
        else:
            text = tr("待补正 {n} 件，其中已逾期 {late} 件（按补正期限排序）").format(
                n=len(dues), late=overdue)
        self.ui.titleLabel.setText(text)

    def rows(self) -> list[list[str]]:
        table = self.ui.correctionsTable
        return [[table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(table.rowCount())]


def launch(parent: QWidget | None, read: Callable[[bool], Sequence[CorrectionDue]],
           overdue_only: bool = False, deadlines: Sequence[DeadlineInfo] = ()) -> None:
    """`read(overdue_only)` gives the rows (the check box re-reads them); `deadlines`
    the round's deadlines shown above them."""
    dialog = CorrectionsDialog(parent, read, overdue_only, deadlines)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
