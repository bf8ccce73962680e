"""The pre-check at the counter (panel and list) and roster updates in the history."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import ID_LI, ID_ZHANG
from tests.gui_support import make_window, patch_dialog
from zcdesk.domain.records import ApplicantForm, PacketRow
from zcdesk.store import Store
from zcdesk.ui.dialogs.history import HistoryDialog, history_rows
from zcdesk.ui.packet_model import COL_ELIGIBILITY, PacketTableModel


def qualified(name: str, number: str) -> ApplicantForm:
    return ApplicantForm(name=name, id_number=number, unit="杭州汽轮机股份有限公司",
                         gender="男", position="工程师", work_start=dt.date(2010, 7, 1),
                         specialty="电气工程", field_years=14, education="大学本科",
                         degree="学士", school="浙江大学", graduated_on=dt.date(2010, 6, 30),
                         qualification="项目管理专业人士资格认证（PMP）",
                         qualification_issuer="美国项目管理协会",
                         qualified_on=dt.date(2020, 5, 1))


def test_panel_shows_the_precheck_as_advice(qtbot: QtBot, store: Store,
                                            people: dict[str, int]) -> None:
    packet = store.add_applicant(qualified("赵六", "330106198001010013"))
    window = make_window(qtbot, store)
    window.submit_scan("赵六")
    assert window.current_packet is not None
    assert window.current_packet.packet_id == packet.packet_id
    ui = window.panel.ui
    assert ui.eligibilityLabel.text() == "资格预审（仅供参考）：✔ 符合"
    assert ui.eligibilityReasons.text().startswith("· ")
    assert ui.eligibilityFrame.property("verdict") == "eligible"
    assert ui.eligibilityFrame.isVisible()

    window.submit_scan(ID_ZHANG)  # no qualification, no education: to verify
    assert ui.eligibilityLabel.text() == "资格预审（仅供参考）：？ 待核实"
    assert "#b26a00" in ui.eligibilityFrame.styleSheet()
    reasons = window.current_packet.eligibility_reasons  # type: ignore[union-attr]
    assert reasons and all(r in ui.eligibilityReasons.text() for r in reasons)


def test_precheck_never_blocks_receiving(qtbot: QtBot, store: Store, people: dict[str, int],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from zcdesk.domain.eligibility import Ban

    store.import_bans([Ban("张三", ID_ZHANG, dt.date(2024, 3, 1), "材料造假")])
    window = make_window(qtbot, store)
    window.submit_scan(ID_ZHANG)
    assert "✘ 不符合" in window.panel.eligibility_text()
    patch_dialog(monkeypatch, "visit", None)
    from tests.gui_support import open_visit

    open_visit(monkeypatch, window)
    window.submit_scan("2")
    assert window.current_packet is not None
    assert window.current_packet.state.item("evaluation").accepted == 2


def _rows() -> list[PacketRow]:
    verdicts = ("eligible", "ineligible", "unknown", None)
    return [PacketRow(i, i, f"申报人{i}", f"330102197001{i:02d}000X", "单位", "none", {},
                      verdicts[i % 4]) for i in range(8)]


def test_list_precheck_column_and_filter(qtbot: QtBot, store: Store) -> None:
    from zcdesk.ui.app import create_application

    create_application()
    model = PacketTableModel(_rows, store.checklist())
    texts = [model.data(model.index(r, COL_ELIGIBILITY)) for r in range(4)]
    assert texts == ["✔ 符合", "✘ 不符合", "？ 待核实", "—"]
    model.set_filter(verdict="ineligible")
    assert [model.row_of(r).packet_id for r in range(model.rowCount())] == [1, 5]
    model.set_filter(text="申报人5")
    assert model.rowCount() == 1
    model.set_filter(text="", verdict="unknown", status="none")
    assert [model.row_of(r).packet_id for r in range(model.rowCount())] == [2, 6]
    model.set_filter(verdict="")
    assert model.rowCount() == 8
    model.sort(COL_ELIGIBILITY)
    assert [model.row_of(r).eligibility for r in range(3)] == [None, None, "ineligible"]


def test_window_eligibility_combo_filters(qtbot: QtBot, store: Store,
                                          people: dict[str, int]) -> None:
    store.add_applicant(qualified("赵六", "330106198001010013"))
    window = make_window(qtbot, store)
    combo = window.ui.eligibilityCombo
    assert [combo.itemText(i) for i in range(combo.count())] == \
        ["全部", "✔ 符合", "✘ 不符合", "？ 待核实"]
    combo.setCurrentIndex(combo.findData("eligible"))
    assert window.packet_model.rowCount() == 1
    assert "显示 1 人 / 共 4 人" in window.ui.listCountLabel.text()
    combo.setCurrentIndex(combo.findData("unknown"))
    assert window.packet_model.rowCount() == 3
    combo.setCurrentIndex(0)
    assert window.packet_model.rowCount() == 4


def test_history_shows_roster_changes_before_and_after(
        qtbot: QtBot, store: Store, people: dict[str, int]) -> None:
    form = ApplicantForm(name="李四", id_number=ID_LI, unit="杭州制氧机集团股份有限公司（新）",
                         position="高级工程师")
    report = store.import_roster([(3, form)], source="花名册.xlsx")
    assert report.updated == 1
    events = store.history(store.packet(people["李四"]).applicant.id)
    rows = history_rows(events)
    text = rows[-1][3]
    assert text.startswith("花名册更新：")
    assert "职务：（空） → 高级工程师" in text
    assert "工作单位：杭州制氧机集团股份有限公司 → 杭州制氧机集团股份有限公司（新）" in text
    dialog = HistoryDialog(None, "李四", events)
    qtbot.addWidget(dialog)
    assert dialog.ui.historyTable.item(1, 3).text() == text
    window = make_window(qtbot, store)
    window.submit_scan(ID_LI)
    recent = window.panel.ui.recentList
    qtbot.waitUntil(lambda: recent.count() == 2, timeout=2000)
    assert "职务：（空） → 高级工程师" in recent.item(0).text()
