"""设置 → 操作员管理… (admin): the operators, add one, disable or enable one, reset
one's PIN (the 重置 PIN… button is made here: the form is shared with others)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from zcdesk.domain.records import OperatorInfo
from zcdesk.ui import store_errors as errors
from zcdesk.ui.dialogs import operator_form, pin
from zcdesk.ui.dialogs.common import fill_table, set_button_texts
from zcdesk.ui.dialogs.login import role_words
from zcdesk.ui.forms.ui_operators_dialog import Ui_OperatorsDialog
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.store import Store

HEADERS = ("姓名", "角色", "状态")
DISABLED_GREY = "#9e9e9e"


class OperatorsDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent)
        self.ui = Ui_OperatorsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.store = store
        self._operators: list[OperatorInfo] = []
        set_button_texts(ui.buttonBox, close=tr("关闭"))
        ui.buttonBox.rejected.connect(self.reject)
        ui.addButton.clicked.connect(self.add)
        ui.toggleButton.clicked.connect(self.toggle)
        self.reset_button = QPushButton(tr("重置 PIN…"), self)
        self.reset_button.setObjectName("resetPinButton")
        self.reset_button.setToolTip(tr("为忘记 PIN 或被锁定的操作员设置新 PIN"))
        ui.actionsRow.insertWidget(ui.actionsRow.indexOf(ui.toggleButton) + 1,
                                   self.reset_button)
        self.reset_button.clicked.connect(self.reset_pin)
        ui.operatorsTable.itemSelectionChanged.connect(self._update_toggle)
        self.refresh()

    def refresh(self, select: str = "") -> None:
        ui = self.ui
        try:
            self._operators = self.store.operators()
        except errors.StoreError as exc:
            ui.errorLabel.setText(str(exc))
            return
        rows = [(o.name, role_words(o.role), tr("启用") if o.active else tr("已停用"))
                for o in self._operators]
        colours = [tuple(None if o.active else DISABLED_GREY for _ in HEADERS)
                   for o in self._operators]
        fill_table(ui.operatorsTable, [tr(h) for h in HEADERS], rows, colours)
        names = [o.name for o in self._operators]
        if select in names:
            ui.operatorsTable.selectRow(names.index(select))
        ui.titleLabel.setText(tr("操作员（{n} 人）").format(n=len(rows)))
        self._update_toggle()

    def selected(self) -> OperatorInfo | None:
        row = self.ui.operatorsTable.currentRow()
        return self._operators[row] if 0 <= row < len(self._operators) else None

    def _update_toggle(self) -> None:
        operator = self.selected()
        button = self.ui.toggleButton
        button.setEnabled(operator is not None)
        button.setText(tr("启用") if operator is not None and not operator.active
                       else tr("停用"))
        # One's own PIN is changed with the current one (设置 → 修改我的 PIN…).
        self.reset_button.setEnabled(operator is not None
                                     and operator.name != self.store.operator)

    def add(self) -> None:
        created = operator_form.launch(self, self.store)
        if created is not None:
            self.ui.errorLabel.setText(tr("已新增操作员 {name}。").format(name=created.name))
            self.refresh(created.name)

    def reset_pin(self) -> None:
        operator = self.selected()
        if operator is None:
            return
        if pin.reset(self, self.store, operator.name):
            self.ui.errorLabel.setText(tr("已重置 {name} 的 PIN。").format(name=operator.name))
            self.refresh(operator.name)

    def toggle(self) -> None:
        operator = self.selected()
        if operator is None:
            return
        try:
            self.store.set_operator_active(operator.name, not operator.active)
        except errors.StoreError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        self.ui.errorLabel.setText(
            (tr("已启用 {name}。") if not operator.active else tr("已停用 {name}。"))
            .format(name=operator.name))
        self.refresh(operator.name)


def launch(parent: QWidget | None, store: Store) -> None:
    dialog = OperatorsDialog(parent, store)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
