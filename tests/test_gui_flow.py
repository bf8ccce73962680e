"""The flow after the counter in the window: the batch dialog, decisions, forms back
and returned to units, deadlines in the status bar, the holiday calendar, the list's
stage column and filter.

Dialogs are driven through their widgets (keys typed as a scanner sends them);
the modal sub-dialogs (confirm, prompt, reject, handover, preview, file dialogs)
are replaced at their `launch()` seams. Every test checks the window and the
database.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import FIXED_NOW, ID_LI, ID_WANG, ID_ZHANG
from tests.gui_support import make_window, patch_dialog, scan, type_text
from zcdesk.domain.checklist import RejectReason
from zcdesk.domain.flow import BatchStatus, DecisionResult, PacketStage
from zcdesk.domain.workdays import DayKind
from zcdesk.importing.transmittal_file import read_transmittal
from zcdesk.store import Store
from zcdesk.ui.dialogs.batches import BatchesDialog
from zcdesk.ui.dialogs.calendar_days import CalendarDialog
from zcdesk.ui.dialogs.corrections import CorrectionsDialog
from zcdesk.ui.dialogs.decision import DecisionForm
from zcdesk.ui.dialogs.handover import Signed
from zcdesk.ui.dialogs.preview import Outcome
from zcdesk.ui.dialogs.reject import RejectChoice
from zcdesk.ui.dialogs.returns import ReturnsDialog
from zcdesk.ui.main_window import MainWindow
from zcdesk.ui.packet_model import COL_STAGE

B1 = "SC-2025H1-B001"


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


def complete(store: Store, packet_id: int, visit_id: int | None = None) -> None:
    store.accept(packet_id, "evaluation", 2, visit_id=visit_id)
    store.accept(packet_id, "registration", 2, visit_id=visit_id)


def enter(qtbot: QtBot, edit: object, text: str) -> None:
    """Typed key by key, then Enter: as a scanner does it."""
    edit.clear()  # type: ignore[attr-defined]
    type_text(qtbot, edit, text)  # type: ignore[arg-type]
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # type: ignore[arg-type]


def open_batches(qtbot: QtBot, window: MainWindow) -> BatchesDialog:
    dialog = BatchesDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def handed_over(store: Store, people: dict[str, int]) -> None:
    """张三 and 王五 in batch B001, its items checked, closed and handed to the city."""
    complete(store, people["张三"])
    complete(store, people["王五"])
    store.new_batch()
    for item in store.batch(B1).batch.items:
        store.batch_accept(B1, item.code, item.required)
    store.close_batch(B1)
    store.hand_over(B1, "小王", "市局 陈老师")


# ------------------------------------------------------------------ batches
def test_batch_life_through_the_dialog(qtbot: QtBot, window: MainWindow, store: Store,
                                       people: dict[str, int], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    complete(store, people["张三"])
    complete(store, people["王五"])
    dialog = open_batches(qtbot, window)
    ui = dialog.ui
    assert "还没有批次" in ui.titleLabel.text()
    assert not ui.closeBatchButton.isEnabled()

    ui.newEmptyButton.click()
    (info,) = store.batches()
    assert info.batch_no == B1 and info.packet_count == 0 and info.status is BatchStatus.OPEN
    assert dialog.batch_no == B1 and ui.batchTable.rowCount() == 1
    assert ui.codeEdit.hasFocus()

    # the cover sheet's barcode, then an ID number, each + Enter
    enter(qtbot, ui.codeEdit, store.packet(people["张三"]).code)
    ui.packetsTable.item(0, 0).setData(Qt.ItemDataRole.UserRole, "first row")
    enter(qtbot, ui.codeEdit, ID_WANG)
    assert [p.applicant.name for p in store.batch(B1).packets] == ["张三", "王五"]
    assert ui.packetsTable.rowCount() == 2 and ui.codeEdit.text() == ""
    assert ui.packetsTable.item(0, 1).text() == "330102********1234"  # masked
    assert ui.batchTable.item(0, 2).text() == "2"  # the batch's line follows
    # the row already shown was not refilled by the second scan
    assert ui.packetsTable.item(0, 0).data(Qt.ItemDataRole.UserRole) == "first row"
    assert store.packet(people["张三"]).stage is PacketStage.BATCHED
    assert "现有 2 人" in dialog.message_text()

    # 李四 is not complete: refused with the store's words, nothing written
    enter(qtbot, ui.codeEdit, ID_LI)
    assert store.batch(B1).batch.packet_count == 2
    assert window.feedback.played[-1] == "error" and dialog.message_text()
    assert ui.codeEdit.text() == ID_LI and ui.codeEdit.selectedText() == ID_LI

    # 移出: the selected row, with Delete
    ui.packetsTable.selectRow(1)
    qtbot.keyClick(ui.packetsTable, Qt.Key.Key_Delete)
    assert [p.applicant.name for p in store.batch(B1).packets] == ["张三"]
    assert store.packet(people["王五"]).stage is PacketStage.COUNTER
    assert "移出" in dialog.message_text()

    # closing with the batch items missing is refused; the batch stays open
    patch_dialog(monkeypatch, "confirm", True)
    ui.closeBatchButton.click()
    assert store.batch(B1).batch.status is BatchStatus.OPEN
    assert window.feedback.played[-1] == "error"

    # the batch items: 收 1 份 each; one copy handed back; undo the last
    items = store.batch(B1).batch.items
    assert [i.missing for i in items] == [1, 1]
    ui.itemsTable.selectRow(0)
    ui.acceptItemButton.click()
    ui.itemsTable.selectRow(1)
    rejected = patch_dialog(monkeypatch, "reject", RejectChoice(RejectReason.NO_STAMP, "", 1))
    ui.rejectItemButton.click()
    assert rejected.calls and "批次 SC-2025H1-B001" in rejected.calls[0][0][2]
    assert "未盖章" in ui.itemsTable.item(1, 4).text()
    ui.undoItemButton.click()
    assert not store.batch(B1).batch.items[1].rejected
    ui.itemsTable.selectRow(1)
    ui.acceptItemButton.click()
    assert [i.missing for i in store.batch(B1).batch.items] == [0, 0]
    assert "✓" in ui.batchTable.item(0, 3).text()

    # 封批: frozen, the hash shown; adding is off
    ui.closeBatchButton.click()
    closed = store.batch(B1).batch
    assert closed.status is BatchStatus.CLOSED and len(closed.sha256) == 64
    assert closed.sha256 in ui.detailLabel.text()
    assert not ui.codeEdit.isEnabled() and ui.handOverButton.isEnabled()

    # 导出移交文件: the default name offered, the hash shown, the file reads back
    offered: list[str] = []

    def save_as(parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / "移交"), filters  # no suffix: .zip added

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    sha = dialog.export()
    assert B1 in Path(offered[0]).name
    assert sha == closed.sha256 and sha in dialog.message_text()
    assert read_transmittal(tmp_path / "移交.zip", expected_sha256=sha).sha256 == sha

    # 重新开启 needs a reason (Esc: nothing happens)
    patch_dialog(monkeypatch, "prompt", None)
    ui.reopenButton.click()
    assert store.batch(B1).batch.status is BatchStatus.CLOSED
    patch_dialog(monkeypatch, "prompt", "花名册盖章不清")
    ui.reopenButton.click()
    assert store.batch(B1).batch.status is BatchStatus.OPEN and not store.batch(B1).batch.sha256
    ui.closeBatchButton.click()

    # 移交: both names and the time
    at = FIXED_NOW
    signed = patch_dialog(monkeypatch, "handover", Signed("小王", "市局 陈老师", at))
    ui.handOverButton.click()
    assert signed.calls[0][0][3:5] == ("移交人", "接收人")
    view = store.batch(B1)
    assert view.batch.status is BatchStatus.HANDED_OVER
    assert view.batch.handover is not None and view.batch.handover.received_by == "市局 陈老师"
    assert store.packet(people["张三"]).stage is PacketStage.HANDED_OVER
    assert "市局 陈老师" in ui.batchTable.item(0, 5).text()
    assert not ui.reopenButton.isEnabled() and ui.exportButton.isEnabled()
    assert dialog.changed


def test_batch_menu_reloads_the_list_and_is_admin_only(
        qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    complete(store, people["张三"])

    def build(parent: MainWindow, select: str = "") -> bool:
        store.new_batch()
        return True

    shown = patch_dialog(monkeypatch, "batches", answer=build)
    window.ui.actionNewBatch.trigger()
    assert shown.calls
    qtbot.waitUntil(lambda: not window.packet_list.loading, timeout=5000)
    row = window.packet_model.visible_row_of_packet(people["张三"])
    assert row is not None
    assert window.packet_model.data(window.packet_model.index(row, COL_STAGE)) == "已组批"
    assert window.scan_edit.hasFocus()

    store.role = "clerk"
    window.apply_operator()
    for action in (window.ui.actionNewBatch, window.ui.actionRecordDecision,
                   window.ui.actionImportDecisions, window.ui.actionReturns,
                   window.ui.actionCalendar):
        assert not action.isEnabled(), action.text()
        assert "需要管理员" in action.toolTip()
    assert window.ui.actionStatistics.isEnabled() and window.ui.actionCorrections.isEnabled()


# ---------------------------------------------------------------- the list
def test_list_stage_column_and_filter(qtbot: QtBot, window: MainWindow, store: Store,
                                      people: dict[str, int]) -> None:
    handed_over(store, people)
    with qtbot.waitSignal(window.packet_list.loaded, timeout=10000):
        window.reload_list()  # F5 reads in the background
    model = window.packet_model
    combo = window.ui.stageCombo
    combo.setCurrentIndex(combo.findData(PacketStage.HANDED_OVER.value))
    names = sorted(str(model.row_of(r).name) for r in range(model.rowCount()))
    assert names == ["张三", "王五"]
    assert model.data(model.index(0, COL_STAGE)) == "已移交"
    combo.setCurrentIndex(combo.findData(PacketStage.COUNTER.value))
    assert [model.row_of(r).name for r in range(model.rowCount())] == ["李四"]
    assert model.data(model.index(0, COL_STAGE)) == "—"
    combo.setCurrentIndex(0)
    assert model.rowCount() == 3
    # the packet panel says where the packet is
    scan(qtbot, window, ID_ZHANG)
    assert "已移交" in window.panel.stage_text() and B1 in window.panel.stage_text()
    scan(qtbot, window, ID_LI)
    assert window.panel.stage_text() == ""


# --------------------------------------------------------------- decisions
def test_record_decision_for_the_open_packet(qtbot: QtBot, window: MainWindow, store: Store,
                                             people: dict[str, int],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    handed_over(store, people)
    with qtbot.waitSignal(window.packet_list.loaded, timeout=10000):
        window.reload_list()  # F5 reads in the background
    asked = patch_dialog(monkeypatch, "decision",
                         DecisionForm(DecisionResult.PASSED, dt.date(2025, 5, 16),
                                      "杭职改〔2025〕12号"))
    window.ui.actionRecordDecision.trigger()
    assert asked.calls == [] and "请先扫描" in window.message_text()

    scan(qtbot, window, ID_ZHANG)
    window.ui.actionRecordDecision.trigger()
    (_parent, name, current, today), _ = asked.calls[-1]
    assert name == "张三" and current is None and today == FIXED_NOW.date()
    decision = store.packet(people["张三"]).decision
    assert decision is not None and decision.result is DecisionResult.PASSED
    assert decision.document_no == "杭职改〔2025〕12号"
    assert "通过" in window.panel.stage_text() and "杭职改〔2025〕12号" in window.panel.stage_text()
    row = window.packet_model.visible_row_of_packet(people["张三"])
    assert "通过" in window.packet_model.data(window.packet_model.index(row, COL_STAGE))
    assert "已登记 张三 的评审结果" in window.message_text()
    assert window.scan_edit.hasFocus()

    # 李四 never left the counter: the form is not even opened, the window says why
    scan(qtbot, window, ID_LI)
    asked.calls.clear()
    window.ui.actionRecordDecision.trigger()
    assert asked.calls == []
    assert store.packet(people["李四"]).decision is None
    assert window.feedback.played[-1] == "error"
    assert "尚未移交" in window.message_text() and "在窗口" in window.message_text()


def test_decision_date_cannot_be_later_than_today(qtbot: QtBot) -> None:
    from PySide6.QtCore import QDate

    from zcdesk.ui.dialogs.decision import DecisionDialog

    today = FIXED_NOW.date()
    dialog = DecisionDialog(None, "张三", None, today)
    qtbot.addWidget(dialog)
    assert dialog.ui.dateEdit.maximumDate() == QDate(today.year, today.month, today.day)
    dialog.ui.dateEdit.setDate(QDate(today.year + 1, 1, 1))
    assert dialog.form().decided_on == today


def test_import_decisions_preview_then_commit(qtbot: QtBot, window: MainWindow, store: Store,
                                              people: dict[str, int], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    handed_over(store, people)
    sheet = tmp_path / "评审结果.csv"
    sheet.write_text("姓名,证件号码,评审结果,评审日期,文号\n"
                     f"张三,{ID_ZHANG},通过,2025-05-16,杭职改〔2025〕12号\n"
                     f"王五,{ID_WANG},不通过,2025-05-16,杭职改〔2025〕12号\n",
                     encoding="utf-8-sig")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(sheet), "")))
    preview = patch_dialog(monkeypatch, "import_preview", False)
    window.ui.actionImportDecisions.trigger()
    (_parent, shown), _ = preview.calls[-1]
    assert "将登记 2 人" in shown.counts and shown.can_import
    assert store.packet(people["张三"]).decision is None  # the dry run wrote nothing
    assert "已取消" in window.message_text()

    patch_dialog(monkeypatch, "import_preview", True)
    window.ui.actionImportDecisions.trigger()
    assert store.packet(people["张三"]).decision.result is DecisionResult.PASSED
    assert store.packet(people["王五"]).decision.result is DecisionResult.FAILED
    assert "登记 2 人" in window.message_text()

    bad = tmp_path / "坏.csv"
    bad.write_text(f"姓名,证件号码,评审结果,评审日期,文号\n张三,{ID_ZHANG},待定,2025-05-16,\n",
                   encoding="utf-8-sig")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    preview = patch_dialog(monkeypatch, "import_preview", True)
    window.ui.actionImportDecisions.trigger()
    (_parent, shown), _ = preview.calls[-1]
    assert shown.refused and shown.refused[0][0] == 2 and not shown.can_import


# ------------------------------------------------------------------ return
def test_forms_back_returned_and_archived(qtbot: QtBot, window: MainWindow, store: Store,
                                          people: dict[str, int],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    handed_over(store, people)
    store.record_decision(ID_ZHANG, DecisionResult.PASSED, dt.date(2025, 5, 16), "12号")
    dialog = ReturnsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert ui.unitTable.rowCount() == 0 and not ui.printButton.isEnabled()

    enter(qtbot, ui.codeEdit, store.packet(people["张三"]).code)
    assert store.packet(people["张三"]).stage is PacketStage.BACK
    assert "已回收 1 个" in dialog.message_text()
    enter(qtbot, ui.codeEdit, ID_LI)  # never handed over: refused
    assert store.packet(people["李四"]).stage is PacketStage.COUNTER
    assert window.feedback.played[-1] == "error"

    patch_dialog(monkeypatch, "pick", B1)
    ui.receiveBatchButton.click()  # the rest of the batch
    assert store.packet(people["王五"]).stage is PacketStage.BACK
    units = [ui.unitTable.item(r, 0).text() for r in range(ui.unitTable.rowCount())]
    assert sorted(units) == ["杭州制氧机集团股份有限公司", "杭州汽轮机股份有限公司"]

    row = units.index("杭州汽轮机股份有限公司")
    ui.unitTable.selectRow(row)
    assert ui.linesTable.rowCount() == 1 and ui.linesTable.item(0, 2).text() == "通过"
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    ui.printButton.click()
    (_p, title, pdf, _name), kwargs = shown.calls[-1]
    assert title == "返还清单 杭州汽轮机股份有限公司" and pdf.pages >= 1
    assert kwargs["rebuild"] is not None

    patch_dialog(monkeypatch, "handover", Signed("小王", "人事科 周老师", None))
    ui.recordButton.click()
    assert store.packet(people["张三"]).stage is PacketStage.RETURNED
    assert "人事科 周老师" in dialog.message_text()
    patch_dialog(monkeypatch, "confirm", True)
    ui.archiveButton.click()
    assert store.packet(people["张三"]).stage is PacketStage.ARCHIVED
    assert "已归档" in dialog.message_text()
    assert dialog.changed


def open_returns(qtbot: QtBot, window: MainWindow) -> ReturnsDialog:
    dialog = ReturnsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def test_returned_units_stay_listed_for_archiving_in_a_later_session(
        qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    handed_over(store, people)
    store.receive_back(batch_no=B1)
    zhang_unit = "杭州汽轮机股份有限公司"
    dialog = open_returns(qtbot, window)
    ui = dialog.ui
    units = [ui.unitTable.item(r, 0).text() for r in range(ui.unitTable.rowCount())]
    assert units == ["杭州制氧机集团股份有限公司", zhang_unit]
    assert [ui.unitTable.horizontalHeaderItem(c).text() for c in range(3)] == \
        ["单位", "待返还", "待归档"]
    ui.unitTable.selectRow(1)
    assert not ui.archiveButton.isEnabled()  # nothing returned yet

    patch_dialog(monkeypatch, "handover", Signed("小王", "人事科 周老师", None))
    qtbot.mouseClick(ui.recordButton, Qt.MouseButton.LeftButton)
    assert store.packet(people["张三"]).stage is PacketStage.RETURNED
    assert ui.codeEdit.hasFocus()  # the next scan goes to the code field
    selected = ui.unitTable.selectionModel().selectedRows()
    assert [ui.unitTable.item(i.row(), 0).text() for i in selected] == [zhang_unit]
    assert dialog.unit == zhang_unit
    materials = ui.linesTable.item(0, 4).text()
    assert materials != "—" and "2 份" in materials
    dialog.close()

    dialog = open_returns(qtbot, window)  # a later session
    ui = dialog.ui
    rows = {ui.unitTable.item(r, 0).text(): (ui.unitTable.item(r, 1).text(),
                                              ui.unitTable.item(r, 2).text())
            for r in range(ui.unitTable.rowCount())}
    assert rows[zhang_unit] == ("0", "1")
    ui.unitTable.selectRow(list(rows).index(zhang_unit))
    assert ui.archiveButton.isEnabled() and not ui.recordButton.isEnabled()
    assert ui.linesTable.item(0, 5).text() == "已返还"
    patch_dialog(monkeypatch, "confirm", True)
    qtbot.mouseClick(ui.archiveButton, Qt.MouseButton.LeftButton)
    assert store.packet(people["张三"]).stage is PacketStage.ARCHIVED
    assert "已归档" in dialog.message_text() and ui.codeEdit.hasFocus()
    assert zhang_unit not in [ui.unitTable.item(r, 0).text()
                              for r in range(ui.unitTable.rowCount())]

    patch_dialog(monkeypatch, "pick", None)  # 整批回收, cancelled: focus back all the same
    qtbot.mouseClick(ui.receiveBatchButton, Qt.MouseButton.LeftButton)
    assert ui.codeEdit.hasFocus()


def test_batch_buttons_give_the_focus_back_to_the_code_field(
        qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    complete(store, people["张三"])
    store.new_batch()
    dialog = open_batches(qtbot, window)
    ui = dialog.ui
    ui.itemsTable.selectRow(0)
    for button in (ui.acceptItemButton, ui.undoItemButton, ui.reportButton):
        if button is ui.reportButton:
            patch_dialog(monkeypatch, "preview", Outcome())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert ui.codeEdit.hasFocus(), button.text()
    patch_dialog(monkeypatch, "confirm", False)  # 封批 cancelled
    qtbot.mouseClick(ui.closeBatchButton, Qt.MouseButton.LeftButton)
    assert ui.codeEdit.hasFocus()


# ---------------------------------------------------------------- deadlines
def test_status_bar_counts_overdue_corrections(qtbot: QtBot, store: Store,
                                               people: dict[str, int],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    visit = store.open_visit("王女士", visitor_unit="杭州汽轮机股份有限公司")
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    store.close_visit(visit.id)  # 登记表 missing: a correction deadline
    due = store.corrections_due()[0].due
    window = make_window(qtbot, store)
    assert window.overdue_text() == "补正期限"  # none overdue yet
    assert "个工作日" in window.status_bar_text()

    store.clock = lambda: dt.datetime.combine(due + dt.timedelta(days=1), dt.time(9))
    window.refresh_deadlines()
    assert window.overdue_text() == "⚠ 逾期未补正 1 件"
    opened = patch_dialog(monkeypatch, "corrections")
    window._overdue_button.click()
    (_parent, read, overdue_only, deadlines), _ = opened.calls[-1]
    assert overdue_only is True
    (row,) = read(True)
    assert row.receipt_no == visit.receipt_no and row.overdue

    dialog = CorrectionsDialog(None, read, True, deadlines)
    qtbot.addWidget(dialog)
    (cells,) = dialog.rows()
    assert cells[0] == visit.receipt_no and cells[5] == "已逾期" and "登记表" in cells[6]
    assert "已逾期 1 件" in dialog.ui.titleLabel.text()
    # Every round deadline with what is left of it, above the corrections.
    words = dialog.ui.deadlinesLabel.text()
    assert words.count("\n") == len(deadlines) - 1 == 3
    assert "2025-05-30" in words and ("已过" in words or "工作日" in words)


def test_corrections_refusal_on_reload_is_shown_in_the_dialog(qtbot: QtBot) -> None:
    from zcdesk.store.errors import DatabaseUnavailable

    calls: list[bool] = []

    def read(only: bool) -> list[object]:
        calls.append(only)
        if len(calls) > 1:
            raise DatabaseUnavailable("数据库暂时无法访问")
        return []

    dialog = CorrectionsDialog(None, read, False, ())
    qtbot.addWidget(dialog)
    assert dialog.message_text() == ""
    dialog.ui.overdueCheck.setChecked(True)  # nothing escapes the toggle
    assert calls == [False, True] and "数据库暂时无法访问" in dialog.message_text()


def test_a_deadline_refusal_is_replaced_once_the_store_answers_again(
        qtbot: QtBot, window: MainWindow, store: Store,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from zcdesk.store.errors import DatabaseUnavailable

    real = store.current_round

    def unreachable() -> object:
        raise DatabaseUnavailable("数据库暂时无法访问")

    monkeypatch.setattr(store, "current_round", unreachable)
    window.refresh_status_bar()
    assert "数据库暂时无法访问" in window.status_bar_text()
    monkeypatch.setattr(store, "current_round", real)
    window.refresh_status_bar()
    assert "数据库暂时无法访问" not in window.status_bar_text()
    assert "个工作日" in window.status_bar_text()


# ----------------------------------------------------------------- calendar
def test_calendar_editor_changes_days_and_correction_period(
        qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QDate

    dialog = CalendarDialog(None, store, FIXED_NOW.date())
    qtbot.addWidget(dialog)
    ui = dialog.ui
    before = len(dialog.days())
    assert dt.date(2025, 10, 1) in {d.day for d in dialog.days()}  # 2025 shipped
    ui.dayEdit.setDate(QDate(2025, 11, 3))
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(DayKind.HOLIDAY.value))
    ui.nameEdit.setText("区庆")
    qtbot.keyClick(ui.nameEdit, Qt.Key.Key_Return)
    assert dt.date(2025, 11, 3) in {d.day for d in store.calendar_days(2025)}
    assert len(dialog.days()) == before + 1 and "已保存" in dialog.message_text()
    assert not store.work_calendar().is_working_day(dt.date(2025, 11, 3))

    row = next(r for r, d in enumerate(dialog.days()) if d.day == dt.date(2025, 11, 3))
    ui.daysTable.selectRow(row)
    assert ui.nameEdit.text() == "区庆"
    ui.removeButton.click()
    assert dt.date(2025, 11, 3) not in {d.day for d in store.calendar_days(2025)}

    ui.correctionSpin.setValue(7)
    ui.correctionButton.click()
    assert store.correction_days() == 7 and dialog.changed

    store.role = "clerk"  # a refusal is shown, nothing changes
    ui.removeButton.click()  # nothing selected
    ui.daysTable.selectRow(0)
    ui.removeButton.click()
    assert len(store.calendar_days(2025)) == before
    assert "管理员" in dialog.message_text()


def test_calendar_export_writes_a_file_import_reads_back(
        qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    from zcdesk.domain.holiday_file import read_holiday_file

    dialog = CalendarDialog(None, store, FIXED_NOW.date())
    qtbot.addWidget(dialog)
    target = tmp_path / "假日"  # no suffix typed: .toml is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    dialog.exportButton.click()
    written = target.with_suffix(".toml")
    assert "已导出 2025 年" in dialog.message_text()
    assert [(d.day, d.kind) for d in read_holiday_file(written).days] == [
        (d.day, d.kind) for d in store.calendar_days(2025)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(written), "")))
    dialog.import_file()  # the same days back: nothing to change
    assert "没有变化" in dialog.message_text() or "相同" in dialog.message_text()
    dialog.ui.yearSpin.setValue(2031)  # a year with no days: nothing written
    dialog.exportButton.click()
    assert "2031 年没有设置节假日" in dialog.message_text()


def test_calendar_enter_acts_on_the_field_it_is_pressed_in(
        qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QDate

    dialog = CalendarDialog(None, store, FIXED_NOW.date())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    today = FIXED_NOW.date()

    def calendar_events() -> int:
        return sum(e.kind == "calendar_changed" for e in store.audit())

    assert not any(b.isDefault() or b.autoDefault()
                   for b in dialog.findChildren(type(ui.saveButton)))
    before = calendar_events()
    ui.correctionSpin.setValue(9)
    ui.correctionSpin.setFocus()
    qtbot.keyClick(ui.correctionSpin, Qt.Key.Key_Return)
    assert store.correction_days() == 9
    assert calendar_events() == before  # not today saved as a holiday
    assert today not in {d.day for d in store.calendar_days(today.year)}

    ui.yearSpin.setFocus()
    ui.yearSpin.setValue(today.year + 1)
    qtbot.keyClick(ui.yearSpin, Qt.Key.Key_Return)
    assert calendar_events() == before
    assert all(d.day.year == today.year + 1 for d in dialog.days())

    ui.dayEdit.setDate(QDate(2025, 11, 4))
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(DayKind.HOLIDAY.value))
    ui.nameEdit.setText("区庆")
    ui.nameEdit.setFocus()
    qtbot.keyClick(ui.nameEdit, Qt.Key.Key_Return)
    assert calendar_events() == before + 1  # saved once
    assert dt.date(2025, 11, 4) in {d.day for d in store.calendar_days(2025)}
    assert ui.yearSpin.value() == 2025

    ui.dayEdit.setDate(QDate(2025, 11, 5))
    ui.dayEdit.setFocus()
    qtbot.keyClick(ui.dayEdit, Qt.Key.Key_Return)
    assert calendar_events() == before + 2
    ui.kindCombo.setFocus()
    ui.dayEdit.setDate(QDate(2025, 11, 6))
    qtbot.keyClick(ui.kindCombo, Qt.Key.Key_Return)
    assert calendar_events() == before + 3

    def refuse(*_a: object, **_k: object) -> None:
        from zcdesk.store.errors import DatabaseUnavailable
        raise DatabaseUnavailable("数据库暂时无法访问")

    monkeypatch.setattr(store, "calendar_days", refuse)
    ui.yearSpin.setValue(2024)  # the refusal is shown, not raised
    assert "数据库暂时无法访问" in dialog.message_text() and dialog.days() == []


def test_a_round_without_holidays_is_warned_about_until_they_are_imported(
        qtbot: QtBot, store: Store, people: dict[str, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_calendar_files import TOML_2027, _round_2027

    _round_2027(store)
    window = make_window(qtbot, store)
    warning = ("2027 年的节假日尚未设置：工作日暂按周一至周五计算。"
               "请管理员在“设置 → 节假日”中导入节假日文件。")
    assert window.message_text() == warning  # after the greeting, in amber
    assert window.ui.scanMessage.property("level") == "warn"
    assert warning in window._deadline_label.toolTip()
    window.show_message("别的消息", "info")
    window.refresh_deadlines()  # every quarter hour: the tooltip again, the message once
    assert window.message_text() == "别的消息" and warning in window._deadline_label.toolTip()

    dialog = CalendarDialog(window, store, FIXED_NOW.date())
    qtbot.addWidget(dialog)
    bad = tmp_path / "坏.csv"
    bad.write_bytes("日期,类型,名称\n2027-01-01,休,元旦\n2027-10-01,假,国庆节\n".encode("gbk"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    asked = patch_dialog(monkeypatch, "confirm", True)
    dialog.importButton.click()
    assert asked.calls == [] and store.calendar_days(2027) == []
    assert "第 3 行：类型“假”无法识别" in dialog.message_text()
    assert dialog.ui.messageLabel.property("level") == "error"

    good = tmp_path / "2027.toml"
    good.write_text(TOML_2027, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(good), "")))
    dialog.importButton.click()
    args, _ = asked.calls[0]
    assert "2027.toml" in args[2] and "新增 4 天" in args[3]  # the preview, before writing
    assert len(store.calendar_days(2027)) == 4 and dialog.changed
    assert "已导入“2027.toml”：新增 4 天" in dialog.message_text()
    assert dialog.ui.yearSpin.value() == 2027 and len(dialog.days()) == 4
    window.refresh_deadlines()  # as 设置 → 节假日 does when the dialog changed anything
    assert "尚未设置" not in window._deadline_label.toolTip()
    assert "节假日已设置" in window.message_text()


# ---------------------------------------------------------------- city desk
def test_city_desk_shows_the_city_view(qtbot: QtBot, store: Store) -> None:
    store.set_desk_point("CITY")
    window = make_window(qtbot, store)
    assert getattr(window, "city_view", None) is not None
    for action in window.flow.district_actions():
        assert not action.isVisible() and not action.isEnabled()
