"""流转 → 统计: the tables, the day chart (QPainter), the export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui_support import make_window, patch_dialog
from zcdesk.domain.flow import Statistics
from zcdesk.store import Store
from zcdesk.ui.dialogs.statistics import StatisticsDialog
from zcdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    store.accept(people["张三"], "evaluation", 2)
    store.accept(people["张三"], "registration", 2)
    store.accept(people["李四"], "evaluation", 1)
    return make_window(qtbot, store)


def cells(table: object) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[attr-defined]
            for r in range(table.rowCount())]  # type: ignore[attr-defined]


def test_statistics_dialog_tables_and_chart(qtbot: QtBot, window: MainWindow, store: Store,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shown = patch_dialog(monkeypatch, "statistics")
    window.ui.actionStatistics.trigger()
    (_parent, stats, export), _ = shown.calls[-1]
    assert isinstance(stats, Statistics) and export is not None
    assert window.scan_edit.hasFocus()

    dialog = StatisticsDialog(None, stats, export)
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    assert "材料袋 3 个" in ui.titleLabel.text()
    units = {row[0]: row[1:] for row in cells(ui.unitTable)}
    assert units["杭州汽轮机股份有限公司"] == ["1", "1", "0"]
    assert units["杭州制氧机集团股份有限公司"] == ["2", "0", "0"]
    status = dict((row[0], row[1]) for row in cells(ui.statusTable))
    assert status["齐全"] == "1" and status["部分"] == "1" and status["未收"] == "1"
    stage = dict((row[0], row[1]) for row in cells(ui.stageTable))
    assert stage["在窗口"] == "3"
    (day,) = cells(ui.dayTable)
    assert day == ["2025-05-18", "5", "1"]  # 5 copies, 1 packet completed that day
    assert ui.dayChart.days() == [(dt.date(2025, 5, 18), 5)]
    ui.tabs.setCurrentWidget(ui.dayPage)
    image = ui.dayChart.grab().toImage()  # painted without error, bars in blue
    blue = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
               if image.pixelColor(x, y).name() == "#1e88e5")
    assert blue > 0


def test_statistics_export(qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def save_as(parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / "统计"), "Excel 工作簿 (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    written = window.flow.export_statistics(window)
    assert written == tmp_path / "统计.xlsx" and written.exists()
    assert Path(offered[0]).name == "统计-2025H1.xlsx"
    book = load_workbook(written)
    assert "按单位" in book.sheetnames
    assert "统计已导出" in window.message_text()


def test_empty_chart_says_so(qtbot: QtBot) -> None:
    from zcdesk.ui.day_chart import DayChart

    chart = DayChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.set_days([])
    assert chart.grab().toImage().width() == 400  # paints the "nothing yet" text
    chart.set_days([(dt.date(2025, 5, d), d) for d in range(1, 31)])
    assert len(chart.days()) == 30 and "2025-05-30" in chart.toolTip()


def test_statistics_export_outcome_is_said_in_the_dialog(
        qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from zcdesk.importing import statistics_export
    from zcdesk.store.errors import DatabaseUnavailable

    dialog = StatisticsDialog(window, store.statistics(), window.flow.export_statistics)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: (str(tmp_path / "统计.csv"), "CSV 文件 (*.csv)")))
    window.show_message("", "info")
    dialog.ui.exportButton.click()
    assert (tmp_path / "统计.csv").exists()
    assert "统计已导出" in dialog.message_text() and "统计已导出" not in window.message_text()

    def disk_full(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(statistics_export, "export_statistics", disk_full)
    dialog.ui.exportButton.click()  # nothing escapes: the refusal is in the dialog
    assert "导出失败" in dialog.message_text() and "No space left" in dialog.message_text()
    assert window.feedback.played[-1] == "error"

    def unreachable() -> None:
        raise DatabaseUnavailable("数据库暂时无法访问")

    monkeypatch.setattr(store, "statistics", unreachable)
    dialog.ui.exportButton.click()
    assert "数据库暂时无法访问" in dialog.message_text()
