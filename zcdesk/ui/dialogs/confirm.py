"""A yes/no question with buttons that say what they do (Enter: yes, Esc: no)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from zcdesk.ui.i18n import tr

# QMessageBox sizes itself to its words and wraps them narrowly: give them room.
TEXT_WIDTH = ("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "
              "{ min-width: 440px; }")


def launch(parent: QWidget | None, title: str, text: str, detail: str = "", *,
           ok_text: str = "", cancel_text: str = "") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStyleSheet(TEXT_WIDTH)
    if detail:
        box.setInformativeText(detail)
    ok = box.addButton(ok_text or tr("确定"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(cancel_text or tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(cancel)
    try:
        box.exec()
        return box.clickedButton() is ok
    finally:
        box.deleteLater()
