"""The scan field: what a scanner's input opens, refuses or asks about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import BAD_CHECK, ID_LI, ID_WANG, ID_ZHANG
from tests.gui_support import make_window, patch_dialog, press, scan, type_text
from zcdesk.domain.idnumber import check_digit
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import Store
from zcdesk.ui.main_window import MainWindow


def valid_id(first17: str) -> str:
    return first17 + check_digit(first17)


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


def test_scan_opens_the_packet(qtbot: QtBot, window: MainWindow, people: dict[str, int]) -> None:
    scan(qtbot, window, ID_ZHANG)

    packet = window.current_packet
    assert packet is not None and packet.packet_id == people["张三"]
    panel = window.panel.ui
    assert panel.nameLabel.text() == "张三"
    assert panel.idLabel.text() == ID_ZHANG  # the open packet shows the full number
    assert panel.statusLabel.text() == "○ 未收"
    assert panel.statusLabel.objectName() == "statusNone"
    assert "已打开 张三" in window.message_text()
    assert "缺 评审表 2 份、登记表 2 份" in window.message_text()
    assert window.ui.scanMessage.property("level") == "ok"
    assert window.feedback.played[-1] == "ok"
    assert window.scan_edit.text() == ""  # cleared for the next scan
    assert window.scan_edit.hasFocus()
    # the first incomplete item is the one digits will apply to
    assert window.panel.selected_code() == "evaluation"
    # the list highlights the row and the latest records appear once the window is idle
    row = window.packet_model.visible_row_of_packet(people["张三"])
    qtbot.waitUntil(lambda: window.ui.packetTable.currentIndex().row() == row, timeout=2000)
    assert "新增申报人" in window.panel.ui.recentList.item(0).text()


def test_lower_case_x_and_scanner_control_characters(
        qtbot: QtBot, window: MainWindow, people: dict[str, int]) -> None:
    # Typed like a scanner with an STX prefix; its Tab suffix submits like Enter.
    qtbot.keyClicks(window.scan_edit, ID_LI.lower())
    qtbot.keyClick(window.scan_edit, Qt.Key.Key_Tab)
    assert window.current_packet is not None
    assert window.current_packet.packet_id == people["李四"]
    assert window.scan_edit.hasFocus()  # Tab did not move the focus away

    window.submit_scan("\x02" + ID_WANG + "\t\r\n")
    assert window.current_packet.packet_id == people["王五"]

    window.submit_scan("\x02" + ID_LI.lower() + "\t")
    assert window.current_packet.packet_id == people["李四"]
    assert window.panel.ui.idLabel.text() == ID_LI


def test_wrong_check_digit_is_refused_and_nothing_is_written(
        qtbot: QtBot, window: MainWindow, store: Store) -> None:
    before = store.history(store.packet_by_id_number(ID_ZHANG).applicant.id)
    scan(qtbot, window, BAD_CHECK)

    assert window.feedback.played[-1] == "error"
    assert window.current_packet is None
    assert "校验码不符" in window.message_text()
    assert window.ui.scanMessage.property("level") == "error"
    # the text stays, selected, so the next scan replaces it
    assert window.scan_edit.text() == BAD_CHECK
    assert window.scan_edit.selectedText() == BAD_CHECK
    assert store.history(store.packet_by_id_number(ID_ZHANG).applicant.id) == before
    assert all(row["status"] == "none" for row in store.status_report())

    scan(qtbot, window, ID_ZHANG)  # replaces the selected text
    assert window.current_packet is not None
    assert window.current_packet.applicant.name == "张三"


def test_unknown_id_offers_f4_prefilled(qtbot: QtBot, window: MainWindow, store: Store,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    unknown = valid_id("11010119900307757")
    scan(qtbot, window, unknown)
    assert window.feedback.played[-1] == "error"
    assert "F4" in window.message_text()

    form = ApplicantForm(name="赵六", id_number=unknown, unit="杭州老板电器股份有限公司")
    dialog = patch_dialog(monkeypatch, "applicant", form)
    press(qtbot, window, Qt.Key.Key_F4)

    (_parent, _store, initial), _ = dialog.calls[-1]
    assert initial.id_number == unknown  # prefilled with the scanned number
    assert window.current_packet is not None
    assert window.current_packet.applicant.name == "赵六"
    assert store.packet_by_id_number(unknown).applicant.unit == "杭州老板电器股份有限公司"


def test_shared_name_asks_which_one(qtbot: QtBot, window: MainWindow, store: Store,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    second = store.add_applicant(ApplicantForm(name="张三", id_number=valid_id("33010619880101001"),
                                               unit="浙江中控技术股份有限公司"))
    chooser = patch_dialog(monkeypatch, "choice",
                           answer=lambda parent, choices, prompt="": choices[1])
    scan(qtbot, window, "张三")

    (_parent, choices, _prompt), _ = chooser.calls[-1]
    assert {c.name for c in choices} == {"张三"}
    assert len(choices) == 2
    assert window.current_packet is not None
    assert window.current_packet.packet_id == second.packet_id
    assert window.panel.ui.unitValue.text() == "浙江中控技术股份有限公司"


def test_cancelled_choice_opens_nothing(qtbot: QtBot, window: MainWindow, store: Store,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_applicant(ApplicantForm(name="张三", id_number=valid_id("33010619880101001"),
                                      unit="浙江中控技术股份有限公司"))
    patch_dialog(monkeypatch, "choice", None)
    scan(qtbot, window, "张三")
    assert window.current_packet is None
    assert "取消" in window.message_text()


def test_empty_enter_does_nothing(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.current_packet is None
    assert window.feedback.played == []


def test_number_without_open_packet(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    scan(qtbot, window, "2")
    assert "请先扫描证件号码打开材料袋" in window.message_text()
    assert window.feedback.played[-1] == "error"
    assert all(row["status"] == "none" for row in store.status_report())


def test_escape_and_f3_return_to_the_scan_field(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    type_text(qtbot, window.filter_edit, "李")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert window.scan_edit.hasFocus()

    window.scan_edit.setText("abc")
    window.filter_edit.setFocus()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_F3)
    assert window.scan_edit.hasFocus()
    assert window.scan_edit.selectedText() == "abc"
