"""导入 → 导入花名册… / 导入禁报名单…: what the file holds and what importing would do.

Nothing is written until the clerk clicks 导入: the default button is 取消, so Enter,
like Esc, writes nothing (H3: a hasty Enter once wiped 60 people's data). For a
roster the preview lists per field how many values change, with examples, and
offers "用空白覆盖已有数据" (off by default: a blank cell keeps the stored value).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from zcdesk.domain.idnumber import mask_id
from zcdesk.ui.dialogs.common import fill_table, ok_button, set_button_texts
from zcdesk.ui.event_words import field_label
from zcdesk.ui.forms.ui_import_preview_dialog import Ui_ImportPreviewDialog
from zcdesk.ui.i18n import tr

REFUSED_HEADERS = ("行号", "姓名", "原因")
CHANGE_HEADERS = ("行号", "证件号码", "项目", "原值", "新值")
FIELD_HEADERS = ("项目", "将变更人数", "例（原值 → 新值）")
EMPTY = "（空）"
Changes = tuple[tuple[int, str, dict[str, tuple[object, object]]], ...]
FieldRow = tuple[str, int, str]  # label, how many values change, examples in words


class Answer(IntEnum):
    """What the clerk chose; falsy for 取消 (so `if not answer` reads naturally)."""

    CANCEL = 0
    IMPORT = 1
    IMPORT_BLANKS = 2  # 导入 with 用空白覆盖已有数据 ticked


@dataclass(frozen=True)
class Outcome:
    """What the preview shows for one choice of the blank-cell option."""

    counts: str
    changes: Changes = ()
    fields: tuple[FieldRow, ...] = ()
    can_import: bool = True


@dataclass(frozen=True)
class Preview:
    """What the dialog shows; made by roster_menu from the reader and the dry run."""

    title: str
    file_name: str
    sheet: str
    header_row: int
    counts: str  # e.g. 将新增 3 人，将更新 1 人，5 人无变化
    refused: tuple[tuple[int, str, str], ...] = ()  # row, name, reason
    changes: Changes = ()
    ok_text: str = "导入"
    can_import: bool = True
    notes: tuple[str, ...] = field(default_factory=tuple)
    fields: tuple[FieldRow, ...] = ()  # per field: label, count, examples
    blanks: Outcome | None = None  # with 用空白覆盖已有数据 ticked; None: no such option
    blank_count: int = 0  # stored values blank cells would wipe


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


def examples_words(examples: Sequence[tuple[object, object]]) -> str:
    """"工程师 → 高级工程师；技术员 → （空）"."""
    return "；".join(f"{value_words(a)} → {value_words(b)}" for a, b in examples)


def source_words(preview: Preview) -> str:
    sheet = tr("工作表“{sheet}”，").format(sheet=preview.sheet) if preview.sheet else ""
    return tr("文件：{file}　{sheet}表头在第 {row} 行").format(
        file=preview.file_name, sheet=sheet, row=preview.header_row)


class ImportPreviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, preview: Preview) -> None:
        super().__init__(parent)
        self.preview = preview
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(preview.title)
        ui.titleLabel.setText(preview.title)
        ui.sourceLabel.setText(source_words(preview))
        refused = [(str(r), name or "—", reason) for r, name, reason in preview.refused]
        fill_table(ui.refusedTable, [tr(h) for h in REFUSED_HEADERS], refused,
                   [("#c62828", None, None)] * len(refused))
        ui.refusedCaption.setText(tr("未导入的行：{n} 行（请在文件中改正后重新导入）")
                                  .format(n=len(refused)))
        ui.refusedCaption.setVisible(bool(refused))
        ui.refusedTable.setVisible(bool(refused))
        set_button_texts(ui.buttonBox, ok=tr(preview.ok_text), cancel=tr("取消"))
        ok = ok_button(ui.buttonBox)
        cancel = ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        # Enter must never import: 取消 is the default and 导入 never takes Enter.
        ok.setAutoDefault(False)
        ok.setDefault(False)
        cancel.setDefault(True)
        blanks = preview.blanks
        ui.blankCheck.setVisible(blanks is not None)
        if blanks is not None:
            ui.blankCheck.setText(tr("用空白覆盖已有数据（将清空 {n} 项已有数据）").format(
                n=preview.blank_count) if preview.blank_count else tr("用空白覆盖已有数据"))
        ui.blankCheck.toggled.connect(self._show)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._show()
        cancel.setFocus()

    def outcome(self) -> Outcome:
        """What the dialog shows now (the option decides)."""
        p = self.preview
        if p.blanks is not None and self.ui.blankCheck.isChecked():
            return p.blanks
        return Outcome(p.counts, p.changes, p.fields, p.can_import)

    def answer(self) -> Answer:
        if self.result() != QDialog.DialogCode.Accepted:
            return Answer.CANCEL
        return Answer.IMPORT_BLANKS if self.blank_overwrites() else Answer.IMPORT

    def blank_overwrites(self) -> bool:
        return self.preview.blanks is not None and self.ui.blankCheck.isChecked()

    def _show(self) -> None:
        ui = self.ui
        shown = self.outcome()
        lines = [shown.counts, *self.preview.notes]
        if self.preview.blanks is not None and self.preview.blank_count:
            n = self.preview.blank_count
            lines.append(tr("注意：空白单元格将清空 {n} 项已有数据。").format(n=n)
                         if self.blank_overwrites() else
                         tr("空白单元格保留已有数据（{n} 项）；要清空请勾选“用空白覆盖已有数据”。")
                         .format(n=n))
        ui.countsLabel.setText("\n".join(lines))
        fields = [(label, str(count), words) for label, count, words in shown.fields]
        fill_table(ui.fieldsTable, [tr(h) for h in FIELD_HEADERS], fields)
        ui.fieldsCaption.setVisible(bool(fields))
        ui.fieldsTable.setVisible(bool(fields))
        changes = change_rows(shown.changes)
        fill_table(ui.changesTable, [tr(h) for h in CHANGE_HEADERS], changes)
        ui.changesCaption.setText(tr("将更新的申报人信息：{n} 人（原值 → 新值）")
                                  .format(n=len(shown.changes)))
        ui.changesCaption.setVisible(bool(changes))
        ui.changesTable.setVisible(bool(changes))
        ok_button(ui.buttonBox).setEnabled(shown.can_import)
        if not shown.can_import:
            ui.hintLabel.setText(tr("没有可导入的内容。Enter 或 Esc 关闭。"))
        else:
            ui.hintLabel.setText(tr("核对无误后点“导入”写入 · Enter 或 Esc 取消（不写入任何数据）")
                                 .replace("导入", self.preview.ok_text, 1))

    def refused_texts(self) -> list[str]:
        table = self.ui.refusedTable
        return [" ".join(table.item(r, c).text() for c in range(table.columnCount()))
                for r in range(table.rowCount())]

    def field_texts(self) -> list[str]:
        table = self.ui.fieldsTable
        return [" ".join(table.item(r, c).text() for c in range(table.columnCount()))
                for r in range(table.rowCount())]


def launch(parent: QWidget | None, preview: Preview) -> Answer:
    """Answer.IMPORT (or IMPORT_BLANKS) when the clerk clicked 导入; CANCEL otherwise."""
    dialog = ImportPreviewDialog(parent, preview)
    try:
        dialog.exec()
        return dialog.answer()
    finally:
        dialog.deleteLater()
