"""PINs: 设置 → 修改我的 PIN… (current PIN, new PIN twice) and, in 操作员管理,
an admin's 重置 PIN for another operator (new PIN twice).

The dialog writes through the store itself (`change_pin` / `reset_pin`, the
rules of `operator add`); a refusal is said in the dialog, the field to
retype is cleared and focused, and the dialog stays open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zcdesk.domain.pin import MAX_LENGTH, MIN_LENGTH
from zcdesk.ui import store_errors as errors
from zcdesk.ui.dialogs.common import EnterAdvances, ok_button, set_button_texts
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.store import Store

ERROR_STYLE = "color: #c62828;"


def _pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_LENGTH)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                              | Qt.InputMethodHint.ImhSensitiveData)
    return field


class PinDialog(QDialog):
    """`reset_for` empty: the logged-in operator changes their own PIN; else an
    admin sets the PIN of the operator so named."""

    def __init__(self, parent: QWidget | None, store: Store, *, reset_for: str = "") -> None:
        super().__init__(parent)
        self.store = store
        self.reset_for = reset_for
        self.done_ok = False
        self.setWindowTitle(tr("重置 PIN") if reset_for else tr("修改我的 PIN"))
        intro = tr("为 {name} 设置新的 PIN（{lo} 到 {hi} 位数字）。请当面告诉本人，"
                   "并请其登录后用“修改我的 PIN”改成只有自己知道的。") if reset_for else \
            tr("{name}：先输入现在的 PIN，再输两次新的 PIN（{lo} 到 {hi} 位数字）。")
        self.intro = QLabel(intro.format(name=reset_for or store.operator, lo=MIN_LENGTH,
                                         hi=MAX_LENGTH))
        self.intro.setWordWrap(True)
        self.old_edit = _pin_field("oldPinEdit")
        self.new_edit = _pin_field("newPinEdit")
        self.again_edit = _pin_field("againPinEdit")
        form = QFormLayout()
        if not reset_for:
            form.addRow(tr("现在的 PIN"), self.old_edit)
        form.addRow(tr("新 PIN"), self.new_edit)
        form.addRow(tr("再输一次"), self.again_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        set_button_texts(self.buttons, ok=tr("重置") if reset_for else tr("修改"),
                         cancel=tr("取消"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        ok = ok_button(self.buttons)
        ok.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        fields = ([] if reset_for else [self.old_edit]) + [self.new_edit, self.again_edit]
        self._enter = EnterAdvances(self, fields, ok)  # Enter: next field, then 修改
        self.setMinimumWidth(420)
        fields[0].setFocus()

    def save(self) -> None:
        new = self.new_edit.text()
        if not new:
            self._refuse(tr("请输入新 PIN。"), self.new_edit)
            return
        if new != self.again_edit.text():
            self.again_edit.clear()
            self._refuse(tr("两次输入的新 PIN 不一致，请再输一次。"), self.again_edit)
            return
        try:
            if self.reset_for:
                self.store.reset_pin(self.reset_for, new)
            else:
                self.store.change_pin(self.store.operator, self.old_edit.text(), new)
        except errors.StoreError as exc:
            text = str(exc)
            wrong_old = not self.reset_for and ("原 PIN" in text or "1 分钟" in text)
            field = self.old_edit if wrong_old else self.new_edit
            for edit in ((self.old_edit,) if wrong_old else (self.new_edit, self.again_edit)):
                edit.clear()
            self._refuse(text, field)
            return
        self.done_ok = True
        self.accept()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.error_label.setText(text)
        field.setFocus()


def change_own(parent: QWidget | None, store: Store) -> bool:
    """设置 → 修改我的 PIN…: True when it was changed."""
    return _run(PinDialog(parent, store))


def reset(parent: QWidget | None, store: Store, name: str) -> bool:
    """操作员管理 → 重置 PIN: True when `name`'s PIN was set."""
    return _run(PinDialog(parent, store, reset_for=name))


def _run(dialog: PinDialog) -> bool:
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.done_ok
    finally:
        dialog.deleteLater()
