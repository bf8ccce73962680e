"""Ask for one short text (a receipt number): prefilled, selected, Enter takes it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.ui.dialogs.common import ok_button, set_button_texts
from zcdesk.ui.forms.ui_prompt_dialog import Ui_PromptDialog
from zcdesk.ui.i18n import tr
from zcdesk.ui.scan_guard import mark_scan_target


class PromptDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, value: str = "",
                 ok_text: str = "", placeholder: str = "", accepts_scan: bool = False) -> None:
        super().__init__(parent)
        self.ui = Ui_PromptDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        ui.promptLabel.setText(prompt)
        ui.valueEdit.setText(value)
        ui.valueEdit.setPlaceholderText(placeholder)
        ui.valueEdit.selectAll()  # a scan or typing replaces the suggestion
        if accepts_scan:  # a receipt's barcode: the scan guard lets the scanner in
            mark_scan_target(ui.valueEdit)
        set_button_texts(ui.buttonBox, ok=ok_text or tr("确定"), cancel=tr("取消"))
        ok = ok_button(ui.buttonBox)
        ok.setDefault(True)
        ui.valueEdit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(bool(value.strip()))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.resize(self.width(), self.minimumSizeHint().height())
        ui.valueEdit.setFocus()

    def value(self) -> str:
        return self.ui.valueEdit.text().strip()


def launch(parent: QWidget | None, title: str, prompt: str, value: str = "", *,
           ok_text: str = "", placeholder: str = "", accepts_scan: bool = False) -> str | None:
    """The text typed (stripped), or None when cancelled. `accepts_scan`: the field
    is meant for a scanned code (otherwise a scan into it is refused)."""
    dialog = PromptDialog(parent, title, prompt, value, ok_text, placeholder, accepts_scan)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.value():
            return None
        return dialog.value()
    finally:
        dialog.deleteLater()
