"""Recording copies from the scan field: accept, surplus, reject, undo, the visit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ID_LI, ID_ZHANG
from tests.gui_support import make_window, open_visit, patch_dialog, press, scan
from zcdesk.domain.checklist import RejectReason
from zcdesk.store import Store
from zcdesk.ui.dialogs.reject import RejectChoice
from zcdesk.ui.dialogs.visit import VisitForm
from zcdesk.ui.main_window import MainWindow
from zcdesk.ui.packet_model import COL_MISSING, COL_STATUS


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


def report_of(store: Store, id_number: str) -> dict[str, object]:
    return next(r for r in store.status_report() if r["id_number"] == id_number)


def list_cell(window: MainWindow, packet_id: int, column: int) -> str:
    model = window.packet_model
    row = model.visible_row_of_packet(packet_id)
    assert row is not None
    return str(model.data(model.index(row, column)))


def test_two_copies_twice_make_the_packet_complete(
        qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)

    scan(qtbot, window, "2")
    assert window.panel.ui.statusLabel.text() == "◐ 部分"
    assert window.panel.ui.statusLabel.objectName() == "statusPartial"
    assert "评审表 收 2 份" in window.message_text()
    assert report_of(store, ID_ZHANG)["received"] == {"evaluation": 2, "registration": 0}
    assert list_cell(window, people["张三"], COL_STATUS) == "◐ 部分"
    assert window.panel.selected_code() == "registration"  # advanced to the next missing item

    scan(qtbot, window, "2")
    assert window.panel.ui.statusLabel.text() == "● 齐全"
    assert window.panel.ui.statusLabel.objectName() == "statusComplete"
    assert "齐全 ●" in window.message_text()
    assert window.feedback.played[-1] == "ok"
    assert report_of(store, ID_ZHANG)["status"] == "complete"
    assert list_cell(window, people["张三"], COL_STATUS) == "● 齐全"
    assert list_cell(window, people["张三"], COL_MISSING) == "—"
    assert "● 张三 齐全" in window.visit_bar.texts()
    assert "齐全 1" in window.status_bar_text()
    assert window.scan_edit.text() == "" and window.scan_edit.hasFocus()


def test_surplus_copies_are_warned_and_not_counted(
        qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)

    scan(qtbot, window, "3")  # only 2 are required: 2 count, 1 goes back
    assert report_of(store, ID_ZHANG)["received"]["evaluation"] == 2
    assert "多出的 1 份未计入" in window.message_text()
    assert window.ui.scanMessage.property("level") == "warn"
    assert window.feedback.played[-1] == "warn"

    press(qtbot, window, Qt.Key.Key_Up)  # back to 评审表, which is complete
    assert window.panel.selected_code() == "evaluation"
    scan(qtbot, window, "1")
    assert report_of(store, ID_ZHANG)["received"]["evaluation"] == 2  # nothing recorded
    assert "已收齐 2 份" in window.message_text()
    assert window.ui.scanMessage.property("level") == "warn"
    assert window.feedback.played[-1] == "warn"


def test_arrow_keys_move_the_selected_item(qtbot: QtBot, window: MainWindow) -> None:
    scan(qtbot, window, ID_ZHANG)
    assert window.panel.selected_code() == "evaluation"
    press(qtbot, window, Qt.Key.Key_Down)
    assert window.panel.selected_code() == "registration"
    assert "登记表" in window.panel.ui.currentItemLabel.text()
    press(qtbot, window, Qt.Key.Key_Up)
    assert window.panel.selected_code() == "evaluation"
    assert window.scan_edit.hasFocus()


def test_reject_with_reason(qtbot: QtBot, window: MainWindow, store: Store,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_LI.lower())
    press(qtbot, window, Qt.Key.Key_Down)  # 登记表
    dialog = patch_dialog(monkeypatch, "reject", RejectChoice(RejectReason.NO_STAMP, "", 1))

    scan(qtbot, window, "r")
    (_parent, item_name, applicant_name), _ = dialog.calls[-1]
    assert (item_name, applicant_name) == ("登记表", "李四")
    assert "登记表 退回 1 份：未盖章" in window.message_text()
    state = store.packet_by_id_number(ID_LI).state.item("registration")
    assert state.accepted == 0
    assert [r.describe() for r in state.rejections] == ["退回 1 份：未盖章"]
    assert window.panel.model.data(window.panel.model.index(1, 4)) == "退回 1 份：未盖章"

    patch_dialog(monkeypatch, "reject", RejectChoice(RejectReason.OTHER, "复印不清", 2))
    press(qtbot, window, Qt.Key.Key_F7)
    state = store.packet_by_id_number(ID_LI).state.item("registration")
    assert "退回 2 份：复印不清" in [r.describe() for r in state.rejections]


def test_cancelled_reject_writes_nothing(qtbot: QtBot, window: MainWindow, store: Store,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    scan(qtbot, window, ID_LI)
    visit = patch_dialog(monkeypatch, "visit", VisitForm())
    patch_dialog(monkeypatch, "reject", None)
    press(qtbot, window, Qt.Key.Key_F7)
    assert visit.calls == []  # Esc on the reason: not even a visit is opened
    packet = store.packet_by_id_number(ID_LI)
    assert packet.state.item("evaluation").rejections == ()
    assert store.open_visit_of_desk() is None


def test_ctrl_z_reverses_the_last_recording(qtbot: QtBot, window: MainWindow, store: Store,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    scan(qtbot, window, "2")
    scan(qtbot, window, ID_LI)  # another packet is open when undoing
    window.scan_edit.setText("12")  # text undo must not swallow Ctrl+Z

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert "已撤销：张三 评审表 收 2 份" in window.message_text()
    assert window.current_packet is not None
    # The packet scanned last stays open: the next 2⏎ goes to 李四, not to 张三.
    assert window.current_packet.applicant.name == "李四"
    assert report_of(store, ID_ZHANG)["status"] == "none"
    zhang = window.packet_model.visible_row_of_packet(
        store.lookup(ID_ZHANG).packet.packet_id)  # type: ignore[union-attr]
    assert zhang is not None and "未收" in window.packet_model.index(
        zhang, COL_STATUS).data()
    window.scan_edit.clear()  # the "12" typed before Ctrl+Z
    scan(qtbot, window, "2")
    assert report_of(store, ID_LI)["received"]["evaluation"] == 2, window.message_text()
    assert report_of(store, ID_ZHANG)["status"] == "none"
    history = store.history(store.lookup(ID_ZHANG).packet.applicant.id)  # type: ignore[union-attr]
    assert history[-1].kind == "reversal"
    accepted = next(e for e in history if e.kind == "accept")
    assert accepted.reversed_by == history[-1].id  # reversed by a new event, not deleted

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # 李四's 2
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "没有可撤销的操作" in window.message_text()


def test_recording_without_a_visit_asks_for_one_first(
        qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = patch_dialog(monkeypatch, "visit", VisitForm())  # Enter at once: all empty
    scan(qtbot, window, ID_ZHANG)
    scan(qtbot, window, "2")

    _args, kwargs = dialog.calls[-1]
    assert kwargs["unit"] == "杭州汽轮机股份有限公司"  # prefilled from the open packet
    visit = store.open_visit_of_desk()
    assert visit is not None
    assert window.ui.receiptLabel.text() == visit.receipt_no == "SC-2025H1-00001"
    assert report_of(store, ID_ZHANG)["received"]["evaluation"] == 2
    assert [p.applicant.name for p in store.visit_summary(visit.id).packets] == ["张三"]


def test_cancelled_visit_records_nothing(qtbot: QtBot, window: MainWindow, store: Store,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    patch_dialog(monkeypatch, "visit", None)
    scan(qtbot, window, ID_ZHANG)
    scan(qtbot, window, "2")
    assert "未登记" in window.message_text()
    assert report_of(store, ID_ZHANG)["status"] == "none"
    assert store.open_visit_of_desk() is None


def test_bad_copy_count_is_refused(qtbot: QtBot, window: MainWindow, store: Store,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    scan(qtbot, window, "0")
    assert "份数应在 1 到 20 之间" in window.message_text()
    assert window.feedback.played[-1] == "error"
    assert report_of(store, ID_ZHANG)["status"] == "none"
