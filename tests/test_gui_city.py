"""The city desk in the window: import a transmittal file, scan packets in, see every
discrepancy, undo, print the receipt.

The city desk is its own database (a second Store, configured as CITY); the
transmittal files are written with zcdesk.importing.transmittal_file from a
manifest built here. Scans are typed into the scan field key by key + Enter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ID_LI, ID_WANG, ID_ZHANG
from tests.gui_support import make_window, patch_dialog, press, scan, type_text
from zcdesk.domain.flow import CheckinKind
from zcdesk.importing import transmittal_file as tf
from zcdesk.store import Store
from zcdesk.ui import city_view
from zcdesk.ui.city_view import CityView, install_city_view
from zcdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.sqlite_only

B1, B2 = "SC-2025H1-B001", "SC-2025H1-B002"
P1, P2, P3, P4 = (f"SC-2025H1-P{n:06d}" for n in (1, 2, 3, 4))
STRAY = "SC-2025H1-P000099"  # in no transmittal list
PEOPLE = {P1: ("张三", ID_ZHANG, "杭州汽轮机股份有限公司"),
          P2: ("李四", ID_LI, "杭州制氧机集团股份有限公司"),
          P3: ("王五", ID_WANG, "杭州制氧机集团股份有限公司"),
          P4: ("赵六", "330106198804040012", "杭州锅炉集团股份有限公司")}


class Clock:
    """Each call a little later: every check-in has its own time."""

    def __init__(self) -> None:
        self.now = dt.datetime(2025, 6, 3, 9, 0)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=20)
        return self.now


def manifest(batch_no: str, codes: list[str]) -> dict[str, Any]:
    packets = [{"code": code, "name": PEOPLE[code][0], "id_kind": "resident_id",
                "id_number": PEOPLE[code][1], "unit": PEOPLE[code][2],
                "qualification": "PMP", "items": {"evaluation": 2, "registration": 2}}
               for code in codes]
    return {"format": tf.FORMAT, "version": tf.VERSION, "batch_no": batch_no,
            "point": {"code": "SC", "name": "上城区发展改革和经济信息化局"},
            "round": {"code": "2025H1", "name": "2025 上半年度"},
            "closed_at": "2025-05-20T10:00:00", "closed_by": "李主任",
            "batch_items": {"report": 1, "roster": 1},
            "item_names": {"evaluation": "评审表", "registration": "登记表"},
            "packets": packets,
            "totals": {"packets": len(packets),
                       "forms": sum(sum(p["items"].values()) for p in packets)}}


@pytest.fixture
def city(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(f"sqlite:///{tmp_path / 'city.sqlite3'}", operator="崔银珊",
                   desk="职改办1", clock=Clock())
    s.set_desk_point("CITY")
    yield s
    s.close()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """B001 lists P1–P3, B002 lists P4; batch → (file, the hash printed on its list)."""
    made = {}
    for batch_no, codes in ((B1, [P1, P2, P3]), (B2, [P4])):
        path = tmp_path / tf.default_file_name(batch_no)
        made[batch_no] = (path, tf.write_transmittal(manifest(batch_no, codes), path))
    return made


@pytest.fixture
def window(qtbot: QtBot, city: Store) -> MainWindow:
    made = make_window(qtbot, city)
    install_city_view(made)
    return made


def view_of(window: MainWindow) -> CityView:
    view: CityView = window.city_view  # type: ignore[attr-defined]
    return view


def import_file(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, window: MainWindow,
                path: Path) -> None:
    """Ctrl+O with the file dialog answered by `path`."""
    monkeypatch.setattr(city_view, "choose_transmittal_file", lambda *_args: path)
    press(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)


def packet_rows(window: MainWindow) -> dict[str, list[str]]:
    """What the packet table shows, by cover-sheet code (after any filter)."""
    model = view_of(window).ui.packetTable.model()
    rows = {}
    for row in range(model.rowCount()):
        cells = [str(model.index(row, c).data() or "") for c in range(model.columnCount())]
        rows[cells[1]] = cells
    return rows


def batch_row(window: MainWindow, batch_no: str) -> list[str]:
    model = view_of(window).batch_model
    row = model.row_of(batch_no)
    assert row is not None
    return [str(model.index(row, c).data()) for c in range(model.columnCount())]


def message(window: MainWindow) -> str:
    return window.message_text()


# ------------------------------------------------------------------ the desk
def test_the_city_desk_replaces_the_counter(qtbot: QtBot, city: Store) -> None:
    window = make_window(qtbot, city)
    view = install_city_view(window)
    assert install_city_view(window) is view  # idempotent
    assert window.centralWidget() is view
    assert "市级签收" in window.windowTitle() and window.windowTitle().count("市级签收") == 1
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles.count("市级签收") == 1
    assert not window.ui.actionNewVisit.isVisible() and not window.ui.actionUndo.isEnabled()
    assert window.scan_edit.hasFocus() and view.isAncestorOf(window.scan_edit)
    qtbot.waitUntil(lambda: "请先导入区受理点的移交文件" in message(window), timeout=2000)
    press(qtbot, window, Qt.Key.Key_F2)  # the counter's 新建收件 is gone
    assert window.visit is None
    # The status bar keeps who and where, not the counter's counts and deadlines.
    window.refresh_status_bar()
    window.refresh_deadlines()
    assert "齐全" not in window.status_bar_text() or not window._counts_label.isVisible()
    assert not window._deadline_label.isVisible() and not window.overdue_text()
    # F1 lists what this desk offers: the city's actions, not the counter's.
    helped = [action.text() for action in window.actions_in_menus()]
    assert any("导入移交文件" in text for text in helped)
    assert window.ui.actionNewVisit not in window.actions_in_menus()
    # The district's flow (统计, 节假日, 批次, 评审结果, 返还, 补正) is not offered here.
    ui = window.ui
    for action in (ui.actionStatistics, ui.actionCalendar, ui.actionReturns,
                   ui.actionCorrections, ui.actionRecordDecision, ui.actionNewBatch):
        assert not action.isVisible() and action not in window.actions_in_menus(), \
            action.text()
    assert not ui.menuFlow.menuAction().isVisible()
    assert ui.menuSettings.menuAction().isVisible() and ui.actionBackup.isVisible()


def test_import_through_the_menu(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                 window: MainWindow, city: Store,
                                 files: dict[str, tuple[Path, str]]) -> None:
    import_file(monkeypatch, qtbot, window, files[B1][0])
    assert "已导入批次 SC-2025H1-B001" in message(window)
    assert window.feedback.played[-1] == "ok"
    assert batch_row(window, B1)[:7] == [B1, "上城区发展改革和经济信息化局",
                                         "2025-05-20 10:00", "3", "0", "3", "0"]
    assert "未核对" in batch_row(window, B1)[7]
    rows = packet_rows(window)
    assert list(rows) == [P1, P2, P3]
    assert rows[P1][0] == "○ 未到" and rows[P1][2] == "张三"
    assert rows[P1][3] == "330102********1234" and "评审表 2" in rows[P1][5]
    assert "应到 3，已到 0，未到 3" in view_of(window).summary()
    assert [b.batch_no for b in city.city_batches()] == [B1]
    import_file(monkeypatch, qtbot, window, files[B1][0])  # the same file again
    assert "已导入过" in message(window)
    assert window.scan_edit.hasFocus()


def test_a_damaged_file_is_refused_and_nothing_changes(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, window: MainWindow, city: Store,
        tmp_path: Path) -> None:
    bad = tmp_path / "移交-坏.zip"
    bad.write_bytes(b"PK\x03\x04 this is not a whole zip file")
    import_file(monkeypatch, qtbot, window, bad)
    assert "未导入" in message(window) and "没有写入任何数据" in message(window)
    assert window.feedback.played[-1] == "error"
    assert city.city_batches() == [] and view_of(window).batch_model.rowCount() == 0


def test_scans_check_in_warn_and_record_discrepancies(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, window: MainWindow, city: Store,
        files: dict[str, tuple[Path, str]]) -> None:
    import_file(monkeypatch, qtbot, window, files[B1][0])
    view = view_of(window)
    scan(qtbot, window, P1)
    assert "签收" in message(window) and "张三" in message(window)
    assert window.feedback.played[-1] == "ok"
    assert packet_rows(window)[P1][0].startswith("✓ 已签收 06-03")
    assert packet_rows(window)[P2][0] == "○ 未到"
    assert batch_row(window, B1)[3:7] == ["3", "1", "2", "0"]
    assert view.selected_code() == P1 and window.scan_edit.text() == ""

    scan(qtbot, window, P1)  # again
    assert message(window).startswith("已签收") and window.feedback.played[-1] == "warn"
    assert batch_row(window, B1)[3:7] == ["3", "1", "2", "0"]

    scan(qtbot, window, STRAY.lower())  # in no list: a discrepancy, red
    assert message(window).startswith("清单外") and window.feedback.played[-1] == "error"
    assert packet_rows(window)[STRAY][0] == "✗ 清单外"
    assert batch_row(window, B1)[6] == "1"
    assert "清单外 1" in view.summary() and STRAY in view.summary()
    assert view.ui.summaryLabel.property("level") == "error"

    type_text(qtbot, window.scan_edit, P3)  # a scanner set to end with Tab
    qtbot.keyClick(window.scan_edit, Qt.Key.Key_Tab)
    assert packet_rows(window)[P3][0].startswith("✓ 已签收") and window.scan_edit.hasFocus()

    scan(qtbot, window, "hello")  # not a code at all
    assert "不是材料袋封面条码" in message(window) and window.feedback.played[-1] == "error"

    report = city.city_report(B1)
    assert [p.code for p in report.received] == [P1, P3]
    assert [p.code for p in report.missing] == [P2]
    assert report.unexpected == (STRAY,)
    assert window.scan_edit.hasFocus()


def test_the_lists_qr_code_is_compared_with_the_file(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, window: MainWindow, city: Store,
        files: dict[str, tuple[Path, str]]) -> None:
    import_file(monkeypatch, qtbot, window, files[B2][0])
    import_file(monkeypatch, qtbot, window, files[B1][0])
    view = view_of(window)
    scan(qtbot, window, tf.qr_payload(B2, "0" * 64))  # a list that is not this file
    assert message(window).startswith("✗ 纸质移交清单与已导入的移交文件不一致")
    assert window.feedback.played[-1] == "error"
    assert view.selected == B2 and "不一致" in batch_row(window, B2)[7]
    assert view.ui.summaryLabel.property("level") == "error"
    assert not city.city_report(B2).batch.list_checked

    scan(qtbot, window, tf.qr_payload(B2, files[B2][1]))
    assert message(window).startswith("✓ 移交清单与文件一致")
    assert window.feedback.played[-1] == "ok"
    assert window.ui.scanMessage.property("level") == "ok"
    assert batch_row(window, B2)[7] == "✓ 清单与文件一致"
    assert city.city_report(B2).batch.list_checked

    scan(qtbot, window, P4)
    assert batch_row(window, B2)[3:6] == ["1", "1", "0"]
    assert "全部到齐，无差异" in view.summary()
    assert view.ui.summaryLabel.property("level") == "ok"

    scan(qtbot, window, B1)  # a batch number selects that batch
    assert view.selected == B1 and list(packet_rows(window)) == [P1, P2, P3]
    press(qtbot, window, Qt.Key.Key_PageDown)  # B001 was imported last: on top
    assert view.selected == B2 and list(packet_rows(window)) == [P4]
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert view.selected == B1 and window.scan_edit.hasFocus()


def test_a_packet_of_another_batch_is_checked_in_with_a_warning(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, window: MainWindow, city: Store,
        files: dict[str, tuple[Path, str]]) -> None:
    import_file(monkeypatch, qtbot, window, files[B2][0])
    import_file(monkeypatch, qtbot, window, files[B1][0])
    assert view_of(window).selected == B1
    scan(qtbot, window, P4)
    assert window.feedback.played[-1] == "warn" and "SC-2025H1-B002" in message(window)
    assert batch_row(window, B2)[4] == "1" and P4 not in packet_rows(window)
    assert [p.code for p in city.city_report(B2).received] == [P4]


def test_undo_the_selected_check_in(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                    window: MainWindow, city: Store,
                                    files: dict[str, tuple[Path, str]]) -> None:
    import_file(monkeypatch, qtbot, window, files[B1][0])
    scan(qtbot, window, P1)
    scan(qtbot, window, P2)
    confirm = patch_dialog(monkeypatch, "confirm", True)
    press(qtbot, window, Qt.Key.Key_Up)  # from P2 to P1
    assert view_of(window).selected_code() == P1
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "张三" in confirm.calls[0][0][2]
    assert "已撤销" in message(window)
    assert packet_rows(window)[P1][0] == "○ 未到"
    assert packet_rows(window)[P2][0].startswith("✓ 已签收")
    assert batch_row(window, B1)[3:6] == ["3", "1", "2"]
    assert [p.code for p in city.city_report(B1).received] == [P2]
    scan(qtbot, window, P1)  # scanned again: checked in again
    assert [p.code for p in city.city_report(B1).received] == [P1, P2]

    scan(qtbot, window, STRAY)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert STRAY not in packet_rows(window) and city.city_report(B1).unexpected == ()

    confirm.result = False  # 取消: nothing undone
    scan(qtbot, window, P3)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(city.city_report(B1).received) == 3


def test_only_the_discrepancies(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                window: MainWindow,
                                files: dict[str, tuple[Path, str]]) -> None:
    import_file(monkeypatch, qtbot, window, files[B1][0])
    scan(qtbot, window, P1)
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert list(packet_rows(window)) == [P2, P3]
    scan(qtbot, window, P2)  # checked in: it leaves the list of discrepancies
    assert list(packet_rows(window)) == [P3]
    assert window.scan_edit.hasFocus()


def test_print_the_receipt(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                           window: MainWindow, files: dict[str, tuple[Path, str]]) -> None:
    from zcdesk.ui.dialogs.preview import Outcome

    import_file(monkeypatch, qtbot, window, files[B1][0])
    scan(qtbot, window, P1)
    scan(qtbot, window, STRAY)
    preview = patch_dialog(monkeypatch, "preview", Outcome())
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    (args, kwargs), = preview.calls
    assert args[1] == "接收回执 SC-2025H1-B001" and args[3] == "接收回执-SC-2025H1-B001.pdf"
    assert args[2].data.startswith(b"%PDF") and kwargs["rebuild"] is not None
    assert "未打印" in message(window)


def test_checkin_result_kinds_are_the_contract(city: Store,
                                              files: dict[str, tuple[Path, str]]) -> None:
    """The store answers the view relies on (kinds and batches)."""
    city.import_transmittal(files[B1][0])
    assert city.checkin(P1).kind is CheckinKind.CHECKED_IN
    assert city.checkin(B1).batch is not None
    mismatch = city.checkin(tf.qr_payload(B1, "0" * 64))
    assert mismatch.kind is CheckinKind.REFUSED and mismatch.batch is not None


def test_strangers_of_no_batch_stay_in_sight(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, city: Store, tmp_path: Path,
        files: dict[str, tuple[Path, str]]) -> None:
    """A stranger scanned before any file of its district: no batch row holds it, so
    the summary names it, also after a restart; the district's import takes it in."""
    city.checkin("GS-2025H1-P000001")  # an earlier session at this desk
    window = make_window(qtbot, city)
    view = install_city_view(window)
    assert "未归入批次的清单外材料袋 1 个" in view.summary()
    assert "GS-2025H1-P000001" in view.summary()
    assert view.ui.summaryLabel.property("level") == "error"
    scan(qtbot, window, "XH-2025H1-P000002")
    assert message(window).startswith("清单外") and "未归入批次" in message(window)
    assert "未归入批次的清单外材料袋 2 个" in view.summary()
    import_file(monkeypatch, qtbot, window, files[B1][0])  # SC: the strangers stay apart
    assert "XH-2025H1-P000002" in view.summary() and B1 in view.summary()
    gs = tmp_path / "gs.zip"
    data = manifest("GS-2025H1-B001", [P1])
    data["packets"][0]["code"] = "GS-2025H1-P000010"
    data["point"] = {"code": "GS", "name": "拱墅区"}
    tf.write_transmittal(data, gs)
    import_file(monkeypatch, qtbot, window, gs)
    assert "未归入批次的清单外材料袋 1 个" in view.summary()  # XH only
    assert batch_row(window, "GS-2025H1-B001")[6] == "1"


def test_the_desks_batch_is_selected_after_a_restart(
        qtbot: QtBot, city: Store,
        files: dict[str, tuple[Path, str]]) -> None:
    city.import_transmittal(files[B1][0])
    city.import_transmittal(files[B2][0])
    city.checkin(B1)  # the last batch chosen at this desk, before the restart
    again = Store.open(city.engine.url.render_as_string(hide_password=False),
                       operator="崔银珊", desk="职改办1", clock=Clock())
    try:
        window = make_window(qtbot, again)
        view = install_city_view(window)
        assert view.selected == B1
        scan(qtbot, window, STRAY)
        assert packet_rows(window)[STRAY][0] == "✗ 清单外"  # B1's discrepancy
    finally:
        again.close()
