"""设置 → 自动锁定… (admin): after how many idle minutes the window locks (0: never).

The same setting as `zcdesk desk --idle-lock N`; the dialog only asks for the
number, the menu command writes it (store.set_idle_lock_minutes).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zcdesk.ui.dialogs.common import EnterAdvances, ok_button, set_button_texts
from zcdesk.ui.i18n import tr

MAX_MINUTES = 24 * 60  # as the command line


class IdleLockDialog(QDialog):
    def __init__(self, parent: QWidget | None, minutes: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("自动锁定"))
        intro = QLabel(tr("无人操作多少分钟后自动锁定窗口（输入 PIN 解锁）。"
                          "0 表示不自动锁定；按 Ctrl+L 随时可以锁定。"))
        intro.setWordWrap(True)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("minutesSpin")
        self.minutes_spin.setRange(0, MAX_MINUTES)
        self.minutes_spin.setSuffix(tr(" 分钟"))
        self.minutes_spin.setSpecialValueText(tr("不自动锁定"))
        self.minutes_spin.setValue(minutes)
        self.minutes_spin.selectAll()
        form = QFormLayout()
        form.addRow(tr("无操作锁定"), self.minutes_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        set_button_texts(buttons, ok=tr("保存"), cancel=tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = ok_button(buttons)
        ok.setDefault(True)
        self._enter = EnterAdvances(self, [self.minutes_spin], ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.minutes_spin.setFocus()


def launch(parent: QWidget | None, minutes: int) -> int | None:
    """The minutes chosen, or None when cancelled."""
    dialog = IdleLockDialog(parent, minutes)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.minutes_spin.value()
    finally:
        dialog.deleteLater()
