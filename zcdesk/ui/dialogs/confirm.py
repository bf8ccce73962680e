"""A yes/no question with buttons that say what they do (Enter: yes, Esc: no)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from zcdesk.ui.i18n import tr

# QMessageBox sizes itself to its words and wraps them narrowly: give them room.
TEXT_WIDTH = ("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "
              "{ min-width: 440px; }")


def ask(parent: QWidget | None, title: str, text: str, detail: str = "", *, yes: str,
        no: str, default_yes: bool = True,
        icon: QMessageBox.Icon = QMessageBox.Icon.Question,
        yes_role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole) -> bool:
    """True when `yes` was clicked. Esc always answers `no`; Enter answers the default."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setStyleSheet(TEXT_WIDTH)
    if detail:
        box.setInformativeText(detail)
    yes_button = box.addButton(yes, yes_role)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button if default_yes else no_button)
    box.setEscapeButton(no_button)
    try:
        box.exec()
        return box.clickedButton() is yes_button
    finally:
        box.deleteLater()


def launch(parent: QWidget | None, title: str, text: str, detail: str = "", *,
           ok_text: str = "", cancel_text: str = "") -> bool:
    return ask(parent, title, text, detail, yes=ok_text or tr("确定"),
               no=cancel_text or tr("取消"))
