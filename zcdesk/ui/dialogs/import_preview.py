"""导入 → 导入花名册… / 导入禁报名单…: what the file holds and what importing would do.

Nothing is written until the clerk presses 导入 (Enter); Esc writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtWidgets import QDialog, QWidget

from zcdesk.domain.idnumber import mask_id
from zcdesk.ui.dialogs.common import fill_table, ok_button, set_button_texts
from zcdesk.ui.event_words import field_label
from zcdesk.ui.forms.ui_import_preview_dialog import Ui_ImportPreviewDialog
from zcdesk.ui.i18n import tr

REFUSED_HEADERS = ("行号", "姓名", "原因")
CHANGE_HEADERS = ("行号", "证件号码", "项目", "原值", "新值")
EMPTY = "（空）"


@dataclass(frozen=True)
class Preview:
    """What the dialog shows; made by roster_menu from the reader and the dry run."""

    title: str
    file_name: str
    sheet: str
    header_row: int
    counts: str  # e.g. 将新增 3 人，将更新 1 人，5 人无变化
    refused: tuple[tuple[int, str, str], ...] = ()  # row, name, reason
    changes: tuple[tuple[int, str, dict[str, tuple[object, object]]], ...] = ()
    ok_text: str = "导入"
    can_import: bool = True
    notes: tuple[str, ...] = field(default_factory=tuple)


def value_words(value: object) -> str:
    if value is None or value == "":
        return tr(EMPTY)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def change_rows(changes: Sequence[tuple[int, str, dict[str, tuple[object, object]]]]
                ) -> list[tuple[str, str, str, str, str]]:
    """One line per changed field: row, masked ID number, field, before, after."""
    rows = []
    for row_number, number, diff in changes:
        for key, (before, after) in diff.items():
            rows.append((str(row_number), mask_id(number), field_label(key),
                         value_words(before), value_words(after)))
    return rows


def source_words(preview: Preview) -> str:
    sheet = tr("工作表“{sheet}”，").format(sheet=preview.sheet) if preview.sheet else ""
    return tr("文件：{file}　{sheet}表头在第 {row} 行").format(
        file=preview.file_name, sheet=sheet, row=preview.header_row)


class ImportPreviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, preview: Preview) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(preview.title)
        ui.titleLabel.setText(preview.title)
        ui.sourceLabel.setText(source_words(preview))
        ui.countsLabel.setText("\n".join([preview.counts, *preview.notes]))
        refused = [(str(r), name or "—", reason) for r, name, reason in preview.refused]
        fill_table(ui.refusedTable, [tr(h) for h in REFUSED_HEADERS], refused,
                   [("#c62828", None, None)] * len(refused))
        ui.refusedCaption.setText(tr("未导入的行：{n} 行（请在文件中改正后重新导入）")
                                  .format(n=len(refused)))
        ui.refusedCaption.setVisible(bool(refused))
        ui.refusedTable.setVisible(bool(refused))
        changes = change_rows(preview.changes)
        fill_table(ui.changesTable, [tr(h) for h in CHANGE_HEADERS], changes)
        ui.changesCaption.setText(tr("将更新的申报人信息：{n} 人（原值 → 新值）")
                                  .format(n=len(preview.changes)))
        ui.changesCaption.setVisible(bool(changes))
        ui.changesTable.setVisible(bool(changes))
        set_button_texts(ui.buttonBox, ok=tr(preview.ok_text), cancel=tr("取消"))
        ok = ok_button(ui.buttonBox)
        ok.setEnabled(preview.can_import)
        ok.setDefault(True)
        if not preview.can_import:
            ui.hintLabel.setText(tr("没有可导入的内容。Esc 关闭。"))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ok.setFocus()

    def refused_texts(self) -> list[str]:
        table = self.ui.refusedTable
        return [" ".join(table.item(r, c).text() for c in range(table.columnCount()))
                for r in range(table.rowCount())]


def launch(parent: QWidget | None, preview: Preview) -> bool:
    """True when the clerk pressed 导入."""
    dialog = ImportPreviewDialog(parent, preview)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
