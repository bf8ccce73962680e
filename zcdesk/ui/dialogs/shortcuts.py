"""F1: every key the counter uses."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.ui.dialogs.common import fill_table, set_button_texts
from zcdesk.ui.forms.ui_shortcuts_dialog import Ui_ShortcutsDialog
from zcdesk.ui.i18n import tr


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.ui = Ui_ShortcutsDialog()
        self.ui.setupUi(self)
        fill_table(self.ui.keysTable, [tr("按键"), tr("作用")], rows)
        set_button_texts(self.ui.buttonBox, close=tr("关闭"))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.keysTable.setFocus()


def launch(parent: QWidget | None, rows: Sequence[tuple[str, str]]) -> None:
    dialog = ShortcutsDialog(parent, rows)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
