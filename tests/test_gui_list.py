"""The packet list: filtering as the clerk types, status and unit filters, sorting, speed."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ID_LI, ID_WANG, ID_ZHANG
from tests.gui_support import make_window, press, scan, type_text
from zcdesk.domain.records import PacketRow
from zcdesk.store import DatabaseUnavailable, Store
from zcdesk.store.list_ops import PacketColumns
from zcdesk.ui.app import create_application
from zcdesk.ui.feedback import Feedback
from zcdesk.ui.main_window import MainWindow
from zcdesk.ui.packet_model import (
    COL_ELIGIBILITY,
    COL_ID,
    COL_MISSING,
    COL_NAME,
    COL_STATUS,
    PacketTableModel,
)


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


def names(window: MainWindow) -> list[str]:
    model = window.packet_model
    return [str(model.data(model.index(r, COL_NAME))) for r in range(model.rowCount())]


def test_list_shows_masked_ids_and_status(window: MainWindow) -> None:
    model = window.packet_model
    assert names(window) == ["张三", "李四", "王五"]
    assert model.data(model.index(0, COL_ID)) == "330102********1234"
    assert model.data(model.index(0, COL_STATUS)) == "○ 未收"
    assert model.data(model.index(0, COL_MISSING)) == "评审表 2 份、登记表 2 份"
    assert model.data(model.index(0, COL_ELIGIBILITY)) == "？ 待核实"  # no qualification given
    assert "共 3 人" in window.ui.listCountLabel.text()


def test_filter_narrows_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.filter_edit, "王")
    assert names(window) == ["王五"]
    assert "显示 1 人 / 共 3 人" in window.ui.listCountLabel.text()

    window.filter_edit.clear()
    assert len(names(window)) == 3
    qtbot.keyClicks(window.filter_edit, "0106")  # a fragment of 李四's ID number
    assert names(window) == ["李四"]
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, ID_LI[-4:].lower())  # lower-case x matches too
    assert names(window) == ["李四"]
    window.filter_edit.clear()
    type_text(qtbot, window.filter_edit, "制氧机")
    assert names(window) == ["李四", "王五"]


def test_status_and_unit_filters(qtbot: QtBot, window: MainWindow, store: Store,
                                 people: dict[str, int]) -> None:
    store.accept(people["李四"], "evaluation", 2)
    with qtbot.waitSignal(window.packet_list.loaded, timeout=10000):
        window.reload_list()  # F5 reads in the background
    ui = window.ui
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findData("partial"))
    assert names(window) == ["李四"]
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findData("none"))
    assert names(window) == ["张三", "王五"]
    ui.unitCombo.setCurrentIndex(ui.unitCombo.findData("杭州制氧机集团股份有限公司"))
    assert names(window) == ["王五"]
    ui.statusCombo.setCurrentIndex(0)  # 全部
    assert names(window) == ["李四", "王五"]
    ui.unitCombo.setCurrentIndex(0)
    assert len(names(window)) == 3


def test_enter_on_a_row_opens_it(qtbot: QtBot, window: MainWindow,
                                 people: dict[str, int]) -> None:
    table = window.ui.packetTable
    table.setFocus()
    table.setCurrentIndex(window.packet_model.index(2, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.current_packet is not None
    assert window.current_packet.packet_id == people["王五"]
    assert window.scan_edit.hasFocus()  # back to the scanner

    type_text(qtbot, window.filter_edit, "张")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)  # Enter in the filter opens the row
    assert window.current_packet.packet_id == people["张三"]


def test_header_click_sorts(window: MainWindow) -> None:
    window.ui.packetTable.sortByColumn(COL_ID, Qt.SortOrder.DescendingOrder)
    ids = sorted([ID_ZHANG, ID_LI, ID_WANG], reverse=True)
    model = window.packet_model
    assert [model.row_of(r).id_number for r in range(3)] == ids


def test_the_highlighted_row_follows_its_packet_when_sorted(window: MainWindow) -> None:
    table, model = window.ui.packetTable, window.packet_model
    table.sortByColumn(COL_ID, Qt.SortOrder.AscendingOrder)
    table.setCurrentIndex(model.index(0, COL_ID))
    first = model.row_of(0).packet_id
    table.sortByColumn(COL_ID, Qt.SortOrder.DescendingOrder)
    assert model.row_of(table.currentIndex().row()).packet_id == first
    assert table.currentIndex().row() == 2


def test_f5_reloads(qtbot: QtBot, window: MainWindow, store: Store,
                    people: dict[str, int]) -> None:
    store.accept(people["张三"], "evaluation", 2)  # e.g. by the second counter
    with qtbot.waitSignal(window.packet_list.loaded, timeout=10000):
        press(qtbot, window, Qt.Key.Key_F5)
        assert window.message_text() == "正在刷新列表…"  # the read runs in the background
    assert window.packet_model.data(window.packet_model.index(0, COL_STATUS)) == "◐ 部分"
    assert window.message_text() == "列表已刷新。"


def test_a_scan_during_f5_keeps_its_answer(qtbot: QtBot, window: MainWindow, store: Store,
                                          people: dict[str, int]) -> None:
    with qtbot.waitSignal(window.packet_list.loaded, timeout=10000):
        press(qtbot, window, Qt.Key.Key_F5)
        scan(qtbot, window, ID_LI)
    assert window.current_packet is not None
    assert window.current_packet.applicant.name == "李四"
    assert "列表已刷新" not in window.message_text()


# ------------------------------------------------------------------ the model alone
def synthetic_rows(n: int) -> list[PacketRow]:
    units = [f"单位{i:03d}有限公司" for i in range(300)]
    statuses = ("none", "partial", "complete")
    return [PacketRow(i, i, f"申报人{i}", f"330102{19700101 + i % 9000:08d}{i % 1000:03d}X",
                      units[i % 300], statuses[i % 3],
                      {"evaluation": 2} if i % 3 else {})
            for i in range(n)]


@pytest.fixture(scope="module")
def big_rows() -> list[PacketRow]:
    return synthetic_rows(100_000)


def test_filtering_and_sorting_100k_rows(qapp: object, store: Store,
                                         big_rows: list[PacketRow]) -> None:
    # Speed is measured by bench/bench_counter.py, never asserted here.
    model = PacketTableModel(lambda: big_rows, store.checklist())
    assert model.rowCount() == 100_000
    for text in ("申", "申报", "申报人1", "申报人12", "单位0", "", "x"):
        model.set_filter(text=text)
    assert model.rowCount() == 100_000  # "x" is in every synthetic ID number
    model.set_filter(text="申报人12345")
    assert [model.row_of(r).name for r in range(model.rowCount())] == ["申报人12345"]
    model.set_filter(text="", status="complete", unit="单位005有限公司")
    assert model.rowCount() == 334 and all(
        model.row_of(r).status == "complete" for r in range(model.rowCount()))
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    names = [model.row_of(r).name for r in range(model.rowCount())]
    assert names == sorted(names, reverse=True)


def test_update_row_repaints_one_row(qapp: object, store: Store) -> None:
    rows = synthetic_rows(10)
    model = PacketTableModel(lambda: list(rows), store.checklist())
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    model.update_row(rows[4]._replace(status="complete",
                                      accepted={"evaluation": 2, "registration": 2}))
    assert changed == [(4, 4)]
    assert model.data(model.index(4, COL_STATUS)) == "● 齐全"
    # a new packet (F4) is appended when it passes the filter
    model.set_filter(text="申报人")
    model.update_row(PacketRow(99, 99, "申报人新", "330102199001011234", "单位", "none", {}))
    assert model.rowCount() == 11
    model.set_filter(text="申报人新")
    assert model.rowCount() == 1


def test_list_loads_in_the_background(qtbot: QtBot, store: Store, people: dict[str, int],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """run_gui shows the window first; the rows arrive from a background thread."""
    gate = threading.Event()
    read = store.packet_columns

    def slow_rows() -> PacketColumns:
        gate.wait(5)
        return read()

    monkeypatch.setattr(store, "packet_columns", slow_rows)
    create_application()
    window = MainWindow(store, Feedback(muted=True), load_list_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.packet_model.rowCount() == 0
    assert "正在载入" in window.ui.listCountLabel.text()

    window.submit_scan(ID_ZHANG)  # the scan field works before the list is there
    assert window.current_packet is not None
    window.store.accept(people["张三"], "evaluation", 2)
    window.update_list_row(people["张三"])  # a write while loading is not lost

    gate.set()
    qtbot.waitUntil(lambda: window.packet_model.rowCount() == 3, timeout=5000)
    assert names(window) == ["张三", "李四", "王五"]
    assert window.packet_model.data(window.packet_model.index(0, COL_STATUS)) == "◐ 部分"
    assert "共 3 人" in window.ui.listCountLabel.text()
    assert window.ui.unitCombo.count() == 3  # 全部单位 + two units


def test_a_failed_background_load_is_reported(qtbot: QtBot, store: Store,
                                              people: dict[str, int],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> PacketColumns:
        raise DatabaseUnavailable("数据库正被另一个窗口或程序占用，请稍候几秒再试。")

    monkeypatch.setattr(store, "packet_columns", broken)
    create_application()
    window = MainWindow(store, Feedback(muted=True), load_list_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "未能载入" in window.message_text(), timeout=5000)
    assert "数据库正被另一个窗口" in window.message_text()
    assert window.feedback.played[-1] == "error"
    assert "F5" in window.ui.listCountLabel.text()
    assert "统计不可用" in window.status_bar_text()

    monkeypatch.undo()  # the database is back: F5 reads the list
    with qtbot.waitSignal(window.packet_list.loaded, timeout=10000):
        window.reload_list()  # F5 reads in the background
    assert window.packet_model.rowCount() == 3
    assert "未收 3" in window.status_bar_text()


def test_backspace_gives_back_the_kept_result(qapp: object, store: Store,
                                              big_rows: list[PacketRow]) -> None:
    """One more character filters the previous result; Backspace filters nothing."""
    model = PacketTableModel(lambda: big_rows, store.checklist())
    results = {}
    for text in ("申", "申报", "申报人1", "申报人12"):
        model.set_filter(text=text)
        results[text] = model._visible
    assert model.rowCount() == 1111  # 申报人12, 申报人120 … 申报人12999
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_filter(text="申报人1")  # Backspace
    assert model._visible is results["申报人1"]  # the kept list itself: O(1)
    model.set_filter(text="申报人1 ")  # a trailing space: the same rows, no repaint
    assert resets == [1]
    model.set_filter(text="")
    assert model.rowCount() == 100_000
    model.set_filter(text="申报人9")  # another branch: filtered from the rows again
    assert model.rowCount() == 11_111


def test_kept_results_follow_status_changes(qapp: object, store: Store) -> None:
    rows = synthetic_rows(30)
    model = PacketTableModel(lambda: list(rows), store.checklist())
    model.set_filter(status="none")
    model.set_filter(text="申报人1")
    none_1x = {model.row_of(r).packet_id for r in range(model.rowCount())}
    model.set_filter(text="申报人12")
    # 申报人15 (none) is completed meanwhile: the kept "申报人1" result is stale
    model.update_row(rows[15]._replace(status="complete",
                                       accepted={"evaluation": 2, "registration": 2}))
    model.set_filter(text="申报人1")
    assert {model.row_of(r).packet_id for r in range(model.rowCount())} == none_1x - {15}


def test_cell_texts_are_made_once(qapp: object, store: Store,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    rows = synthetic_rows(50)
    model = PacketTableModel(lambda: list(rows), store.checklist())

    def fail(*_args: object) -> str:
        raise AssertionError("computed while painting")

    monkeypatch.setattr("zcdesk.ui.packet_model.mask_id", fail)
    monkeypatch.setattr("zcdesk.ui.packet_model.missing_text", fail)
    monkeypatch.setattr("zcdesk.ui.packet_model.verdict_text", fail)
    monkeypatch.setattr("zcdesk.ui.packet_model.stage_text", fail)
    cells = [model.data(model.index(r, c)) for r in range(50) for c in range(7)]
    assert cells[1] == "330102********000X" and cells[3] == "○ 未收"
    assert cells[4] == "—"  # at the counter: no stage to show
    assert cells[5] == "—"  # the pre-check not computed yet
    assert cells[6] == "评审表 2 份、登记表 2 份"
