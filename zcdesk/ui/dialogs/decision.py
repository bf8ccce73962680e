"""The committee's result for one applicant: 通过 / 不通过 (keys 1 / 2), date, 文号."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.domain.flow import Decision, DecisionResult
from zcdesk.ui.dialogs.common import EnterAdvances, ok_button, set_button_texts
from zcdesk.ui.forms.ui_decision_dialog import Ui_DecisionDialog
from zcdesk.ui.i18n import tr

RESULTS = (DecisionResult.PASSED, DecisionResult.FAILED)


@dataclass(frozen=True)
class DecisionForm:
    result: DecisionResult
    decided_on: dt.date
    document_no: str


class DecisionDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str, current: Decision | None,
                 today: dt.date) -> None:
        super().__init__(parent)
        self.ui = Ui_DecisionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.titleLabel.setText(tr("{name} 的评审结果").format(name=name))
        for number, result in enumerate(RESULTS, start=1):
            ui.resultCombo.addItem(f"{number}　{tr(result.label)}", result.value)
        ui.dateEdit.setMaximumDate(QDate(today.year, today.month, today.day))  # no later
        day = current.decided_on if current else today
        ui.dateEdit.setDate(QDate(day.year, day.month, day.day))
        if current is not None:
            ui.resultCombo.setCurrentIndex(RESULTS.index(current.result))
            ui.documentEdit.setText(current.document_no)
        set_button_texts(ui.buttonBox, ok=tr("登记"), cancel=tr("取消"))
        ok = ok_button(ui.buttonBox)
        ok.setDefault(True)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._enter = EnterAdvances(self, [ui.resultCombo, ui.dateEdit, ui.documentEdit], ok)
        ui.resultCombo.installEventFilter(self)
        ui.resultCombo.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """1 / 2 pick the result, as the reject dialog's digits pick a reason."""
        if watched is self.ui.resultCombo and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            keys = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1}
            if event.key() in keys:
                self.ui.resultCombo.setCurrentIndex(keys[Qt.Key(event.key())])
                self.ui.dateEdit.setFocus()
                return True
        return super().eventFilter(watched, event)

    def form(self) -> DecisionForm:
        ui = self.ui
        day = ui.dateEdit.date().toPython()
        assert isinstance(day, dt.date)
        return DecisionForm(DecisionResult(ui.resultCombo.currentData()), day,
                            ui.documentEdit.text().strip())


def launch(parent: QWidget | None, name: str, current: Decision | None,
           today: dt.date) -> DecisionForm | None:
    dialog = DecisionDialog(parent, name, current, today)
    try:
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
