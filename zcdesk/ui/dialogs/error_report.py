"""An unexpected error: what happened in words, a copyable report, where the log is."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from zcdesk.ui.dialogs.common import set_button_texts
from zcdesk.ui.forms.ui_error_dialog import Ui_ErrorDialog
from zcdesk.ui.i18n import tr


class ErrorDialog(QDialog):
    def __init__(self, parent: QWidget | None, error: str, report: str, log_path: str) -> None:
        super().__init__(parent)
        self.ui = Ui_ErrorDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.messageLabel.setText(tr("发生了意外错误，刚才的操作可能没有完成。程序可以继续使用；"
                                   "请按“复制”把下面的报告发给管理员。\n\n{error}")
                                .format(error=error))
        ui.reportEdit.setPlainText(report)
        ui.logLabel.setText(tr("日志文件：{path}").format(path=log_path) if log_path
                            else tr("日志文件未能建立。"))
        set_button_texts(ui.buttonBox, close=tr("关闭"))
        ui.buttonBox.rejected.connect(self.reject)
        ui.copyButton.clicked.connect(self.copy)
        ui.copyButton.setDefault(False)
        ui.copyButton.setAutoDefault(False)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.ui.reportEdit.toPlainText())
        self.ui.copyButton.setText(tr("已复制"))


def launch(parent: QWidget | None, error: str, report: str, log_path: str) -> None:
    dialog = ErrorDialog(parent, error, report, log_path)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
