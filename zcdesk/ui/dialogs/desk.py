"""First start, or 设置: which acceptance point this desk serves, and its name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.domain.records import PointInfo
from zcdesk.ui.dialogs.common import EnterAdvances, ok_button, set_button_texts
from zcdesk.ui.forms.ui_desk_dialog import Ui_DeskDialog
from zcdesk.ui.i18n import tr


@dataclass(frozen=True)
class DeskSetup:
    point_code: str
    desk_name: str


def desk_points(points: Sequence[PointInfo]) -> list[PointInfo]:
    """Points a counter can serve (the city bureau is not one)."""
    return [p for p in points if p.kind != "city"]


class DeskDialog(QDialog):
    def __init__(self, parent: QWidget | None, points: Sequence[PointInfo],
                 current_code: str = "", desk_name: str = "", *, first_start: bool = False
                 ) -> None:
        super().__init__(parent)
        self.ui = Ui_DeskDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._points = desk_points(points)
        if first_start:
            ui.introLabel.setText(tr("首次使用：请先选择本机所属的受理点。"
                                     "收件号、送评报告单都按受理点编号。"))
        for point in self._points:
            ui.pointCombo.addItem(f"{point.short_name}　{point.name}", point.code)
        index = ui.pointCombo.findData(current_code)
        ui.pointCombo.setCurrentIndex(max(index, 0))
        ui.pointCombo.currentIndexChanged.connect(self._show_point)
        self._show_point()
        ui.deskEdit.setText(desk_name)
        set_button_texts(ui.buttonBox, ok=tr("保存"), cancel=tr("取消"))
        ui.buttonBox.accepted.connect(self._confirm)
        ui.buttonBox.rejected.connect(self.reject)
        ok = ok_button(ui.buttonBox)
        ok.setDefault(True)
        ok.setEnabled(bool(self._points))
        self._enter = EnterAdvances(self, [ui.pointCombo, ui.deskEdit], ok)
        self.resize(self.width(), self.sizeHint().height())
        ui.pointCombo.setFocus()

    def _show_point(self) -> None:
        point = self.point()
        text = ""
        if point is not None:
            text = " · ".join(x for x in (point.address, point.phone and
                                          tr("电话 {p}").format(p=point.phone)) if x)
        self.ui.pointInfoLabel.setText(text)

    def point(self) -> PointInfo | None:
        index = self.ui.pointCombo.currentIndex()
        return self._points[index] if 0 <= index < len(self._points) else None

    def setup(self) -> DeskSetup | None:
        point = self.point()
        if point is None:
            return None
        return DeskSetup(point.code, self.ui.deskEdit.text().strip())

    def _confirm(self) -> None:
        if self.point() is None:
            self.ui.errorLabel.setText(tr("请选择受理点。"))
            return
        self.accept()


def launch(parent: QWidget | None, points: Sequence[PointInfo], current_code: str = "",
           desk_name: str = "", *, first_start: bool = False) -> DeskSetup | None:
    dialog = DeskDialog(parent, points, current_code, desk_name, first_start=first_start)
    try:
        return dialog.setup() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
