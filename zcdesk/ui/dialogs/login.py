"""Who works at this desk: the login at start, and the lock (Ctrl+L, or idle).

The dialog checks the PIN itself (`store.login`): a wrong PIN is said in the
dialog, the PIN field is cleared and the dialog stays. It is opened without a
nested event loop (`open`): the caller learns the result through `on_done`
(the operator, or None when the clerk chose 退出程序).

At start, Esc or closing the dialog means 退出程序. On the lock, Esc does
nothing: the window stays locked until a PIN is entered (the current
operator's, or another operator logs in); 退出程序 remains.

Enter in the PIN field only ever logs in: 退出程序 is out of the Tab chain
(Tab from the PIN reaches 登录, never it), and clicking it asks first, with
返回 as the default answer — a stray Enter never ends the program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton, QWidget

from zcdesk.domain.records import OperatorInfo
from zcdesk.ui import store_errors as errors
from zcdesk.ui.dialogs.common import ok_button, open_modal, set_button_texts
from zcdesk.ui.forms.ui_login_dialog import Ui_LoginDialog
from zcdesk.ui.i18n import tr
from zcdesk.ui.scan_guard import mark_scan_target

if TYPE_CHECKING:
    from zcdesk.store import Store

DEMO_HINT = "演示：演示管理员 / 2580，小王 / 3690"
ROLE_WORDS = {"clerk": "窗口人员", "admin": "管理员"}


def role_words(role: str | None) -> str:
    return tr(ROLE_WORDS.get(role or "", role or ""))


def confirm_quit(parent: QWidget | None) -> bool:
    """退出程序 clicked: really? Enter and Esc answer 返回."""
    from zcdesk.ui.dialogs.confirm import ask

    return ask(parent, tr("退出程序"), tr("确定要退出程序吗？"),
               tr("已登记的记录都已保存。下次打开程序需要重新登录。"), yes=tr("退出程序"),
               no=tr("返回"), default_yes=False, yes_role=QMessageBox.ButtonRole.DestructiveRole)


def quit_button(box: QDialogButtonBox) -> QPushButton:
    """The 退出程序 (Cancel) button, taken out of the Tab chain and of Enter."""
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoDefault(False)
    return button


class LoginDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: Store, *, current: str = "",
                 locked: bool = False, reason: str = "", hint: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.store = store
        self.locked = locked
        self.operator: OperatorInfo | None = None
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, not locked)
        self.setWindowTitle(tr("窗口已锁定") if locked else tr("操作员登录"))
        ui.titleLabel.setText(tr("窗口已锁定") if locked else tr("请登录"))
        if locked and not reason:
            reason = tr("请输入 PIN 解锁；也可以选择其他操作员登录。")
        ui.reasonLabel.setText(reason)
        ui.reasonLabel.setVisible(bool(reason))
        ui.hintLabel.setText(hint)
        ui.hintLabel.setVisible(bool(hint))
        ui.errorLabel.clear()
        try:
            operators = [o for o in store.operators() if o.active]
        except errors.StoreError as exc:
            operators = []
            ui.errorLabel.setText(str(exc))
        for operator in operators:
            ui.operatorCombo.addItem(f"{operator.name}（{role_words(operator.role)}）",
                                     operator.name)
        index = ui.operatorCombo.findData(current)
        ui.operatorCombo.setCurrentIndex(max(index, 0))
        set_button_texts(ui.buttonBox, ok=tr("解锁") if locked else tr("登录"),
                         cancel=tr("退出程序"))
        ok = ok_button(ui.buttonBox)
        ok.setDefault(True)
        ok.setEnabled(False)
        ui.pinEdit.textChanged.connect(lambda text: ok.setEnabled(bool(text)))
        # A scan into the locked window lands here, and store.login refuses it in words
        # ("扫描的内容不能解锁", no attempt counted) rather than the scan guard's 请先完成.
        mark_scan_target(ui.pinEdit)
        quit_button(ui.buttonBox)
        ui.buttonBox.accepted.connect(self.try_login)
        ui.buttonBox.rejected.connect(self.ask_quit)
        ui.operatorCombo.activated.connect(lambda _i: ui.pinEdit.setFocus())
        self.resize(self.width(), self.sizeHint().height())
        ui.pinEdit.setFocus()

    def try_login(self) -> None:
        ui = self.ui
        name = ui.operatorCombo.currentData() or ""
        pin = ui.pinEdit.text()
        if not name:
            ui.errorLabel.setText(tr("没有可登录的操作员，请联系管理员。"))
            return
        try:
            self.operator = self.store.login(name, pin)
        except errors.StoreError as exc:
            ui.errorLabel.setText(str(exc))
            ui.pinEdit.clear()
            ui.pinEdit.setFocus()
            return
        self.accept()

    def ask_quit(self) -> None:
        """The 退出程序 button: asks first; 返回 leaves the dialog as it was."""
        if confirm_quit(self):
            self.quit_program()
        else:
            self.ui.pinEdit.setFocus()

    def quit_program(self) -> None:
        """退出程序 (at start also Esc and the close button)."""
        self.operator = None
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        if not self.locked:  # Esc at start: quit; on the lock: nothing
            self.quit_program()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.locked and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked and self.result() != QDialog.DialogCode.Accepted \
                and self.isVisible() and self.operator is None:
            event.ignore()  # the lock is not closed away
            return
        super().closeEvent(event)


def launch(parent: QWidget | None, store: Store, on_done: Callable[[OperatorInfo | None], None],
           *, current: str = "", locked: bool = False, reason: str = "",
           hint: str = "") -> LoginDialog:
    """Open the dialog (application-modal, no nested loop); `on_done` gets the result."""
    dialog = LoginDialog(parent, store, current=current, locked=locked, reason=reason,
                         hint=hint)
    open_modal(dialog, lambda: dialog.operator, on_done)
    return dialog
