"""Ctrl+H: everything recorded for one applicant, oldest first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.domain.records import EventView
from zcdesk.ui.dialogs.common import fill_table, set_button_texts
from zcdesk.ui.event_words import event_text
from zcdesk.ui.forms.ui_history_dialog import Ui_HistoryDialog
from zcdesk.ui.i18n import tr

HEADERS = ("时间", "操作员", "窗口", "内容", "状态")
REVERSED_GREY = "#9e9e9e"


def history_rows(events: Sequence[EventView]) -> list[tuple[str, str, str, str, str]]:
    return [(e.at.strftime("%Y-%m-%d %H:%M:%S"), e.operator, e.desk, event_text(e),
             tr("已撤销") if e.reversed_by else "")
            for e in events]


class HistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str, events: Sequence[EventView]) -> None:
        super().__init__(parent)
        self.ui = Ui_HistoryDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.titleLabel.setText(tr("{name} 的办理记录（{n} 条）").format(name=name, n=len(events)))
        colours = [tuple(REVERSED_GREY if e.reversed_by else None for _ in HEADERS)
                   for e in events]
        fill_table(ui.historyTable, [tr(h) for h in HEADERS], history_rows(events), colours)
        if events:
            ui.historyTable.selectRow(len(events) - 1)
            ui.historyTable.scrollToBottom()
        set_button_texts(ui.buttonBox, close=tr("关闭"))
        ui.buttonBox.rejected.connect(self.reject)
        ui.historyTable.setFocus()


def launch(parent: QWidget | None, name: str, events: Sequence[EventView]) -> None:
    dialog = HistoryDialog(parent, name, events)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
