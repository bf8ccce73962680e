"""F7 / R: copies handed back, with the reason (number keys 1–5 pick it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from zcdesk.domain.checklist import RejectReason
from zcdesk.ui.dialogs.common import ok_button, set_button_texts
from zcdesk.ui.forms.ui_reject_dialog import Ui_RejectDialog
from zcdesk.ui.i18n import tr

REASONS: tuple[RejectReason, ...] = tuple(RejectReason)
DIGIT_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3,
              Qt.Key.Key_5: 4, Qt.Key.Key_6: 5, Qt.Key.Key_7: 6, Qt.Key.Key_8: 7,
              Qt.Key.Key_9: 8}


@dataclass(frozen=True)
class RejectChoice:
    reason: RejectReason
    text: str
    copies: int


class RejectDialog(QDialog):
    def __init__(self, parent: QWidget | None, item_name: str, applicant_name: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_RejectDialog()
        self.ui.setupUi(self)
        ui = self.ui
        who = f"{applicant_name} · " if applicant_name else ""
        ui.itemLabel.setText(tr("{who}退回 {item}").format(who=who, item=item_name))
        set_button_texts(ui.buttonBox, ok=tr("确认退回"), cancel=tr("取消"))
        ui.buttonBox.accepted.connect(self._confirm)
        ui.buttonBox.rejected.connect(self.reject)
        ok_button(ui.buttonBox).setDefault(True)
        for number, reason in enumerate(REASONS, start=1):
            item = QListWidgetItem(f"{number}　{tr(reason.label)}")
            item.setData(Qt.ItemDataRole.UserRole, reason.value)
            ui.reasonList.addItem(item)
        ui.reasonList.setCurrentRow(0)
        rows = ui.reasonList.count()
        ui.reasonList.setFixedHeight(ui.reasonList.sizeHintForRow(0) * rows
                                     + 2 * ui.reasonList.frameWidth() + 4)
        self.resize(self.width(), self.sizeHint().height())
        ui.reasonList.currentRowChanged.connect(self._on_reason_changed)
        ui.reasonList.itemDoubleClicked.connect(lambda _item: self._confirm())
        ui.reasonList.installEventFilter(self)
        ui.reasonList.setFocus()

    # ------------------------------------------------------------ keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.reasonList and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            index = DIGIT_KEYS.get(Qt.Key(event.key()))
            if index is not None and event.modifiers() in (
                    Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                if index < len(REASONS):
                    self.pick(REASONS[index])
                return True
        return super().eventFilter(watched, event)

    def pick(self, reason: RejectReason) -> None:
        """Select a reason; 其他 moves the cursor to the text it requires."""
        self.ui.reasonList.setCurrentRow(REASONS.index(reason))
        if reason is RejectReason.OTHER:
            self.ui.textEdit.setFocus()

    def _on_reason_changed(self, _row: int) -> None:
        self.ui.errorLabel.setText("")

    # -------------------------------------------------------------- result
    def reason(self) -> RejectReason:
        row = self.ui.reasonList.currentRow()
        return REASONS[row] if 0 <= row < len(REASONS) else REASONS[0]

    def choice(self) -> RejectChoice:
        return RejectChoice(self.reason(), self.ui.textEdit.text().strip(),
                            self.ui.copiesSpin.value())

    def _confirm(self) -> None:
        choice = self.choice()
        if choice.reason is RejectReason.OTHER and not choice.text:
            self.ui.errorLabel.setText(tr("原因为“其他”时，请在“说明”中写明具体原因。"))
            self.ui.textEdit.setFocus()
            return
        self.accept()


def launch(parent: QWidget | None, item_name: str,
           applicant_name: str = "") -> RejectChoice | None:
    dialog = RejectDialog(parent, item_name, applicant_name)
    try:
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
