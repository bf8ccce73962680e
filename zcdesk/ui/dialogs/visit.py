"""F2: who hands the papers in. Every field may stay empty."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCompleter, QDialog, QWidget

from zcdesk.ui.dialogs.common import EnterAdvances, ok_button, set_button_texts
from zcdesk.ui.forms.ui_visit_dialog import Ui_VisitDialog
from zcdesk.ui.i18n import tr


@dataclass(frozen=True)
class VisitForm:
    visitor_name: str = ""
    visitor_phone: str = ""
    visitor_unit: str = ""


def unit_completer(units: Sequence[str], parent: QWidget) -> QCompleter:
    """Suggest known units by any part of the name (汽轮机 → 杭州汽轮机股份有限公司)."""
    completer = QCompleter(list(units), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setMaxVisibleItems(12)
    return completer


class VisitDialog(QDialog):
    def __init__(self, parent: QWidget | None, units: Sequence[str], *,
                 unit: str = "", reason: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_VisitDialog()
        self.ui.setupUi(self)
        ui = self.ui
        set_button_texts(ui.buttonBox, ok=tr("开始收件"), cancel=tr("取消"))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.unitEdit.setCompleter(unit_completer(units, self))
        ui.unitEdit.setText(unit)
        ui.phoneEdit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[0-9+\-() ]*"), self))
        ok = ok_button(ui.buttonBox)
        ok.setDefault(True)
        self._enter = EnterAdvances(self, [ui.nameEdit, ui.phoneEdit, ui.unitEdit], ok)
        self.resize(self.width(), self.sizeHint().height())
        if reason:
            # Opened because copies are being recorded: one Enter starts the visit.
            ui.introLabel.setText(reason)
            ok.setFocus()
        else:
            ui.nameEdit.setFocus()

    def form(self) -> VisitForm:
        ui = self.ui
        return VisitForm(ui.nameEdit.text().strip(), ui.phoneEdit.text().strip(),
                         ui.unitEdit.text().strip())


def launch(parent: QWidget | None, units: Sequence[str], *, unit: str = "",
           reason: str = "") -> VisitForm | None:
    dialog = VisitDialog(parent, units, unit=unit, reason=reason)
    try:
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
