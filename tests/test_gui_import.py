"""导入 menu: roster import with preview, cancel, unreadable files, the ban list, export."""

from __future__ import annotations

import csv
import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from tests.conftest import ID_ZHANG
from tests.data.builders import HEADERS, person, write_xlsx
from tests.gui_support import make_window, patch_dialog
from zcdesk.importing.errors import ImportCancelled
from zcdesk.store import Store
from zcdesk.ui.dialogs.import_preview import ImportPreviewDialog, Preview
from zcdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def roster_file(tmp_path: Path) -> Path:
    bad = person(2)
    bad[4] = "330102199001011235"  # wrong check digit
    return write_xlsx(tmp_path / "花名册.xlsx", [HEADERS, person(0), person(1), bad],
                      title="2025 上半年度花名册")


def test_import_preview_shows_counts_and_refused_rows_then_imports(
        qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    choose_file(monkeypatch, roster_file(tmp_path))
    preview = patch_dialog(monkeypatch, "import_preview", True)
    window.ui.actionImportRoster.trigger()
    (_parent, shown), _ = preview.calls[0]
    assert isinstance(shown, Preview)
    assert shown.file_name == "花名册.xlsx" and shown.sheet == "花名册" and shown.header_row == 2
    assert "将新增 2 人" in shown.counts and "将更新 0 人" in shown.counts
    assert "1 行未导入" in shown.counts
    assert [(row, name) for row, name, _ in shown.refused] == [(5, "测试00002")]
    assert "校验" in shown.refused[0][2] or "证件号码" in shown.refused[0][2]
    assert len(store.packet_rows()) == 5  # committed
    assert "已新增 2 人" in window.message_text()
    qtbot.waitUntil(lambda: window.packet_model.total_count() == 5, timeout=5000)
    qtbot.waitUntil(lambda: not window.packet_list.loading, timeout=5000)
    assert "未收 5" in window.status_bar_text()
    assert window.scan_edit.hasFocus()


def test_preview_lists_changed_fields_masked(qtbot: QtBot, window: MainWindow, store: Store,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    first = person(0)
    store.import_roster([(2, _form(first))], source="old.xlsx")
    changed = list(first)
    changed[6] = "高级工程师"  # 职务
    choose_file(monkeypatch, write_xlsx(tmp_path / "new.xlsx", [HEADERS, changed]))
    preview = patch_dialog(monkeypatch, "import_preview", False)  # 取消
    window.roster.import_roster()
    (_parent, shown), _ = preview.calls[0]
    assert "将更新 1 人" in shown.counts
    dialog = ImportPreviewDialog(None, shown)
    qtbot.addWidget(dialog)
    table = dialog.ui.changesTable
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells[0] == "2" and "*" in cells[1] and cells[2] == "职务"
    assert cells[3:] == ["工程师", "高级工程师"]
    assert not dialog.ui.refusedTable.isVisibleTo(dialog)
    assert store.packet_row(store.packet_rows()[-1].packet_id)  # nothing else changed
    assert [e.kind for e in store.history(store.packet_rows()[-1].applicant_id)] == \
        ["applicant_added"]  # 取消 wrote nothing
    assert "已取消导入" in window.message_text()


def _form(row: list[Any]) -> Any:
    from zcdesk.domain.records import ApplicantForm

    return ApplicantForm(name=row[1], gender=row[2], id_kind=row[3], id_number=row[4],
                         unit=row[5], position=row[6], work_start=row[7], specialty=row[8],
                         field_years=row[9], education=row[10], degree=row[11], school=row[12],
                         graduated_on=row[13], qualification=row[14],
                         qualification_issuer=row[15], qualified_on=row[16])


def test_real_preview_dialog_shows_refused_rows(qtbot: QtBot) -> None:
    preview = Preview(title="导入花名册：预览", file_name="a.xlsx", sheet="花名册", header_row=1,
                      counts="共 3 行：将新增 2 人", refused=((4, "张三", "证件号码校验位不对"),))
    dialog = ImportPreviewDialog(None, preview)
    qtbot.addWidget(dialog)
    assert dialog.refused_texts() == ["4 张三 证件号码校验位不对"]
    assert "a.xlsx" in dialog.ui.sourceLabel.text() and "第 1 行" in dialog.ui.sourceLabel.text()
    assert not dialog.ui.changesTable.isVisibleTo(dialog)


def test_cancel_while_reading_writes_nothing(qtbot: QtBot, window: MainWindow, store: Store,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    choose_file(monkeypatch, roster_file(tmp_path))

    def slow_reader(path: Path, *, progress: Any, today: dt.date, pack: Any = None) -> Any:
        done = 0
        while progress(done, 1000):
            done += 1
            time.sleep(0.005)
        raise ImportCancelled()

    monkeypatch.setattr("zcdesk.importing.roster.read_roster", slow_reader)
    preview = patch_dialog(monkeypatch, "import_preview", True)

    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                widget.canceled.emit()  # as its 取消 button does

    QTimer.singleShot(150, press_cancel)
    window.roster.import_roster()
    assert preview.calls == []
    assert len(store.packet_rows()) == 3
    assert "已取消导入" in window.message_text()


def test_unreadable_file_is_told(window: MainWindow, store: Store, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(b"this is no workbook")
    choose_file(monkeypatch, broken)
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: boxes.append(text)))
    preview = patch_dialog(monkeypatch, "import_preview", True)
    window.roster.import_roster()
    assert preview.calls == [] and len(boxes) == 1
    assert "坏文件.xlsx" in boxes[0] and "没有导入任何数据" in boxes[0]
    assert len(store.packet_rows()) == 3


def test_ban_import_flips_the_open_packets_precheck(
        qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window.submit_scan(ID_ZHANG)
    assert "不符合" not in window.panel.eligibility_text()
    bans = write_xlsx(tmp_path / "禁报.xlsx", [["姓名", "证件号码", "决定日期", "原因"],
                                              ["张三", ID_ZHANG, dt.date(2024, 3, 1), "材料造假"],
                                              ["", "", dt.date(2024, 3, 1), "无名"]])
    choose_file(monkeypatch, bans)
    confirm = patch_dialog(monkeypatch, "import_preview", True)
    window.ui.actionImportBans.trigger()
    (_parent, shown), _ = confirm.calls[0]
    assert "由现有 0 条替换为 1 条" in shown.counts
    assert [row for row, _, _ in shown.refused] == [3]
    assert len(store.bans()) == 1
    assert "✘ 不符合" in window.panel.eligibility_text()
    assert "禁报名单已替换为 1 条" in window.message_text()
    qtbot.waitUntil(lambda: not window.packet_list.loading, timeout=5000)
    window.ui.eligibilityCombo.setCurrentIndex(window.ui.eligibilityCombo.findData("ineligible"))
    assert window.packet_model.rowCount() == 1
    assert window.packet_model.row_of(0).packet_id == people["张三"]


def test_export_writes_masked_xlsx_and_full_csv(
        window: MainWindow, store: Store, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "清单.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "Excel 工作簿 (*.xlsx)")))
    options = patch_dialog(monkeypatch, "export", False)  # masked (the default)
    window.ui.actionExport.trigger()
    (_parent, path, count), _ = options.calls[0]
    assert path == target and count == 3
    assert target.is_file()
    assert str(target) in window.message_text() and "遮盖" in window.message_text()

    from openpyxl import load_workbook

    sheet = load_workbook(target).worksheets[0]
    numbers = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "330102********1234" in numbers and ID_ZHANG not in numbers

    plain = tmp_path / "清单"  # no suffix: the chosen filter's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(plain), "CSV 文件 (*.csv)")))
    patch_dialog(monkeypatch, "export", True)  # 显示完整证件号码
    written = window.roster.export()
    assert written == [tmp_path / "清单.csv", tmp_path / "清单-单位汇总.csv"]
    with written[0].open(encoding="utf-8-sig") as handle:
        text = handle.read()
    assert ID_ZHANG in text
    with written[1].open(encoding="utf-8-sig") as handle:
        assert next(csv.reader(handle))[0] == "单位"


def test_real_export_dialog_defaults_to_masked(qtbot: QtBot, tmp_path: Path) -> None:
    from zcdesk.ui.dialogs.export import ExportDialog

    dialog = ExportDialog(None, tmp_path / "a.csv", 12)
    qtbot.addWidget(dialog)
    assert not dialog.full_ids()
    assert "12 个材料袋" in dialog.ui.titleLabel.text()
    assert "单位汇总" in dialog.ui.pathLabel.text()
