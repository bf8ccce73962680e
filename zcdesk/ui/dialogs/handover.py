"""Two signatures and a time: a batch handed to the city (移交人, 接收人) or forms handed
back to a unit (交付人, 领取人). Both names are required; the time defaults to now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.ui.dialogs.common import EnterAdvances, ok_button, set_button_texts
from zcdesk.ui.forms.ui_handover_dialog import Ui_HandOverDialog
from zcdesk.ui.i18n import tr


@dataclass(frozen=True)
class Signed:
    first: str  # 移交人 / 交付人
    second: str  # 接收人 / 领取人
    at: dt.datetime | None


class HandOverDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, heading: str, first_label: str,
                 second_label: str, first: str = "", now: dt.datetime | None = None,
                 *, with_time: bool = True, ok_text: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_HandOverDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        ui.titleLabel.setText(heading)
        ui.firstCaption.setText(first_label)
        ui.secondCaption.setText(second_label)
        self._labels = (first_label, second_label)
        ui.firstEdit.setText(first)
        moment = now or dt.datetime.now()
        ui.atEdit.setDateTime(QDateTime(moment.replace(second=0, microsecond=0)))
        ui.atEdit.setVisible(with_time)
        ui.atCaption.setVisible(with_time)
        self._with_time = with_time
        set_button_texts(ui.buttonBox, ok=ok_text or tr("确认"), cancel=tr("取消"))
        ok = ok_button(ui.buttonBox)
        ok.setDefault(True)
        ui.buttonBox.accepted.connect(self._confirm)
        ui.buttonBox.rejected.connect(self.reject)
        fields = [ui.firstEdit, ui.secondEdit] + ([ui.atEdit] if with_time else [])
        self._enter = EnterAdvances(self, fields, ok)
        (ui.secondEdit if first else ui.firstEdit).setFocus()

    def signed(self) -> Signed:
        ui = self.ui
        at = ui.atEdit.dateTime().toPython() if self._with_time else None
        return Signed(ui.firstEdit.text().strip(), ui.secondEdit.text().strip(),
                      at if isinstance(at, dt.datetime) else None)

    def _confirm(self) -> None:
        signed = self.signed()
        for value, label, edit in ((signed.first, self._labels[0], self.ui.firstEdit),
                                   (signed.second, self._labels[1], self.ui.secondEdit)):
            if not value:
                self.ui.errorLabel.setText(tr("请填写{label}。").format(label=label))
                edit.setFocus()
                return
        self.accept()


def launch(parent: QWidget | None, title: str, heading: str, first_label: str,
           second_label: str, first: str = "", now: dt.datetime | None = None, *,
           with_time: bool = True, ok_text: str = "") -> Signed | None:
    dialog = HandOverDialog(parent, title, heading, first_label, second_label, first, now,
                            with_time=with_time, ok_text=ok_text)
    try:
        return dialog.signed() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
