"""新建批次 done: offer the new batch's 移交清单 and 送评报告单."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from zcdesk.domain.records import BatchView
from zcdesk.ui.i18n import tr

# QMessageBox sizes itself to its words and wraps them narrowly: give them room.
TEXT_WIDTH = ("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "
              "{ min-width: 440px; }")

TRANSMITTAL = "transmittal"
REPORT = "report"


def launch(parent: QWidget | None, view: BatchView) -> str | None:
    """The batch was made: TRANSMITTAL, REPORT (preview it), or None (close)."""
    info = view.batch
    box = QMessageBox(QMessageBox.Icon.Information, tr("批次 {no}").format(no=info.batch_no),
                      tr("已新建批次 {no}").format(no=info.batch_no), parent=parent)
    box.setStyleSheet(TEXT_WIDTH)
    box.setInformativeText(tr("共 {n} 人，材料 {forms} 份。\n请打印移交清单和送评报告单，"
                              "随材料一并报送。").format(n=info.packet_count, forms=view.forms))
    transmittal = box.addButton(tr("移交清单…"), QMessageBox.ButtonRole.AcceptRole)
    report = box.addButton(tr("送评报告单…"), QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(tr("关闭"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(transmittal)
    box.setEscapeButton(close)
    try:
        box.exec()
        clicked = box.clickedButton()
        if clicked is transmittal:
            return TRANSMITTAL
        if clicked is report:
            return REPORT
        return None
    finally:
        box.deleteLater()
