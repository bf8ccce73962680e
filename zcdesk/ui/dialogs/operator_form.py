"""A new operator: name, PIN twice, role. At first start: the first admin.

The dialog creates the operator itself (`store.create_operator`); a refusal
(name taken, PIN too short …) is shown in the dialog, which stays open. The
first admin is logged in at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.domain.first_day import Step
from zcdesk.domain.records import OperatorInfo
from zcdesk.ui import store_errors as errors
from zcdesk.ui.dialogs.common import EnterAdvances, ok_button, open_modal, set_button_texts
from zcdesk.ui.forms.ui_operator_form_dialog import Ui_OperatorFormDialog
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.store import Store

ROLES = (("clerk", "窗口人员（收件、打印、查询）"),
         ("admin", "管理员（另可导入、组批、设置、备份）"))


class OperatorFormDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: Store, *, first: bool = False) -> None:
        super().__init__(parent)
        self.ui = Ui_OperatorFormDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.store = store
        self.first = first
        self.operator: OperatorInfo | None = None
        for role, words in ROLES:
            ui.roleCombo.addItem(tr(words), role)
        if first:
            # step 1 of the first-day set-up; the wizard (first_day.py) takes 2–7 from here
            self.setWindowTitle(tr("首次设置"))
            ui.introLabel.setTextFormat(Qt.TextFormat.PlainText)
            ui.introLabel.setText(
                tr("第 {n} 步（共 7 步）：{title}").format(n=Step.ADMIN.value,
                                                     title=tr(Step.ADMIN.title)) + "\n"
                + tr("请设置第一位管理员（办公室负责人）。管理员可导入花名册、组批、设置受理点、"
                     "备份和管理操作员。之后依次设置本机受理点和窗口、申报轮次、窗口人员、"
                     "花名册、备份文件夹，最后打印设置摘要。"))
            ui.roleCombo.setCurrentIndex(ui.roleCombo.findData("admin"))
            ui.roleCaption.hide()
            ui.roleCombo.hide()
        else:
            ui.introLabel.setText(tr("新操作员用自己的姓名和 PIN 登录；记录都以其姓名留痕。"))
        ui.errorLabel.clear()
        set_button_texts(ui.buttonBox, ok=tr("创建并登录") if first else tr("创建"),
                         cancel=tr("退出程序") if first else tr("取消"))
        ok = ok_button(ui.buttonBox)
        ok.setDefault(True)
        ui.buttonBox.accepted.connect(self.create)
        if first:  # 退出程序: out of the Tab chain, and it asks (as at the login)
            from zcdesk.ui.dialogs.login import quit_button

            quit_button(ui.buttonBox)
            ui.buttonBox.rejected.connect(self.ask_quit)
        else:
            ui.buttonBox.rejected.connect(self.reject)
        fields = [ui.nameEdit, ui.pinEdit, ui.pin2Edit] + ([] if first else [ui.roleCombo])
        self._enter = EnterAdvances(self, fields, ok)
        self.resize(self.width(), self.sizeHint().height())
        ui.nameEdit.setFocus()

    def create(self) -> None:
        ui = self.ui
        name, pin = ui.nameEdit.text().strip(), ui.pinEdit.text()
        if not name:
            self._refuse(tr("请填写姓名。"), ui.nameEdit)
            return
        if pin != ui.pin2Edit.text():
            ui.pin2Edit.clear()
            self._refuse(tr("两次输入的 PIN 不一致，请再输一次。"), ui.pin2Edit)
            return
        role = "admin" if self.first else str(ui.roleCombo.currentData())
        try:
            self.operator = self.store.create_operator(name, pin, role)
            if self.first:
                self.operator = self.store.login(name, pin)
        except errors.StoreError as exc:
            self._refuse(str(exc), ui.pinEdit if "PIN" in str(exc) else ui.nameEdit)
            return
        self.accept()

    def ask_quit(self) -> None:
        from zcdesk.ui.dialogs.login import confirm_quit

        if confirm_quit(self):
            self.reject()

    def _refuse(self, text: str, field: QWidget) -> None:
        self.ui.errorLabel.setText(text)
        field.setFocus()


def launch(parent: QWidget | None, store: Store) -> OperatorInfo | None:
    """操作员管理 → 新增: the operator created, or None."""
    dialog = OperatorFormDialog(parent, store)
    try:
        return dialog.operator if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def open_first_admin(parent: QWidget | None, store: Store,
                     on_done: Callable[[OperatorInfo | None], None]) -> OperatorFormDialog:
    """First start (no operator yet): create the first admin and log in; no nested loop.
    `on_done(None)`: the clerk chose 退出程序 (or Esc)."""
    dialog = OperatorFormDialog(parent, store, first=True)
    open_modal(dialog, lambda: dialog.operator, on_done)
    return dialog
