"""Several packets match what was scanned (a shared name, a receipt): pick one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.domain.idnumber import mask_id
from zcdesk.domain.records import PacketRow
from zcdesk.ui.dialogs.common import fill_table, set_button_texts
from zcdesk.ui.forms.ui_choice_dialog import Ui_ChoiceDialog
from zcdesk.ui.i18n import tr
from zcdesk.ui.packet_model import STATUS_COLOURS, status_text

HEADERS = ("姓名", "证件号码", "单位", "状态")

class ChoiceDialog(QDialog):
    def __init__(self, parent: QWidget | None, choices: Sequence[PacketRow],
                 prompt: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_ChoiceDialog()
        self.ui.setupUi(self)
        self._choices = list(choices)
        ui = self.ui
        ui.promptLabel.setText(prompt or tr("找到 {n} 人，请选择要打开的材料袋。")
                               .format(n=len(self._choices)))
        set_button_texts(ui.buttonBox, ok=tr("打开"), cancel=tr("取消"))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        rows = [(r.name, mask_id(r.id_number), r.unit, status_text(r.status))
                for r in self._choices]
        colours = [(None, None, None, STATUS_COLOURS.get(r.status)) for r in self._choices]
        fill_table(ui.choiceTable, [tr(h) for h in HEADERS], rows, colours)
        ui.choiceTable.doubleClicked.connect(lambda _index: self.accept())
        ui.choiceTable.setFocus()

    def chosen(self) -> PacketRow | None:
        row = self.ui.choiceTable.currentRow()
        return self._choices[row] if 0 <= row < len(self._choices) else None

def launch(parent: QWidget | None, choices: Sequence[PacketRow],
           prompt: str = "") -> PacketRow | None:
    dialog = ChoiceDialog(parent, choices, prompt)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
