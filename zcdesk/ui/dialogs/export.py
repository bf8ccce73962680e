"""导入 → 导出…: after the file is chosen, masked or full ID numbers (masked by default)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.ui.dialogs.common import ok_button, set_button_texts
from zcdesk.ui.forms.ui_export_dialog import Ui_ExportDialog
from zcdesk.ui.i18n import tr


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, path: Path, count: int) -> None:
        super().__init__(parent)
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.titleLabel.setText(tr("导出 {n} 个材料袋的清单和单位汇总").format(n=count)
                              if count else tr("导出材料袋清单和单位汇总"))
        where = tr("文件：{path}").format(path=path)
        if path.suffix.lower() == ".csv":
            where += "\n" + tr("（CSV：单位汇总另存为同目录下的“{name}-单位汇总.csv”）").format(
                name=path.stem)
        ui.pathLabel.setText(where)
        ui.fullIdsCheck.setChecked(False)
        set_button_texts(ui.buttonBox, ok=tr("导出"), cancel=tr("取消"))
        ok = ok_button(ui.buttonBox)
        ok.setDefault(True)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ok.setFocus()

    def full_ids(self) -> bool:
        return self.ui.fullIdsCheck.isChecked()


def launch(parent: QWidget | None, path: Path, count: int) -> bool | None:
    """Whether to write full ID numbers; None when cancelled."""
    dialog = ExportDialog(parent, path, count)
    try:
        return dialog.full_ids() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
