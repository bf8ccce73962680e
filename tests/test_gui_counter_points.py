"""The smaller findings of the walk at the counter (issue #10, item 7), each as a clerk
meets it: words, defaults, a deadline gone, the batch refusal, the spin-box arrows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSpinBox, QStyle, QStyleOptionSpinBox
from pytestqt.qtbot import QtBot

from tests.conftest import ID_ZHANG
from tests.gui_support import make_window, open_visit, patch_dialog, scan
from tests.test_gui_flow import complete, open_batches
from zcdesk.store import Store
from zcdesk.ui.dialogs.calendar_days import CalendarDialog
from zcdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


def test_an_unknown_name_points_to_the_filter_and_f4(qtbot: QtBot, window: MainWindow) -> None:
    scan(qtbot, window, "ABC")
    assert "没有姓名为“ABC”的申报人" in window.message_text()
    assert "Ctrl+F" in window.message_text() and "F4" in window.message_text()


def test_the_undo_entry_in_the_history_names_no_record_number(
        qtbot: QtBot, window: MainWindow, store: Store,
        monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    scan(qtbot, window, "2")
    window.undo()
    assert window.current_packet is not None
    last = store.history(window.current_packet.applicant.id)[-1]
    assert last.description == "撤销一次登记：评审表 2 份"


def test_a_passed_paper_deadline_is_red_in_the_status_bar(
        qtbot: QtBot, store: Store, people: dict[str, int]) -> None:
    store.clock = lambda: dt.datetime(2025, 6, 3, 9, 0)  # the paper deadline was 5-30
    window = make_window(qtbot, store)
    label = window._deadline_label
    assert "本轮纸质材料报送截止日已过" in label.text()
    assert "2025-05-30" in label.text()
    assert label.palette().color(label.foregroundRole()) == QColor("#c62828")


def test_ctrl_p_offers_the_visit_finished_last_even_after_a_restart(
        qtbot: QtBot, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_window(qtbot, store)
    open_visit(monkeypatch, first)
    scan(qtbot, first, ID_ZHANG)
    scan(qtbot, first, "2")
    assert first.visit is not None
    receipt = first.visit.receipt_no
    store.close_visit(first.visit.id)
    first.close()

    again = make_window(qtbot, store)  # a restart
    asked = patch_dialog(monkeypatch, "prompt", None)
    again.ui.actionPrintReceipt.trigger()
    args, _ = asked.calls[-1]
    assert args[3] == receipt


def test_closing_an_incomplete_batch_is_refused_before_any_question(
        qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    complete(store, people["张三"])
    store.new_batch()  # the batch items (送评报告单, 花名册) are still missing
    dialog = open_batches(qtbot, window)
    asked = patch_dialog(monkeypatch, "confirm", True)
    dialog.ui.closeBatchButton.click()
    assert asked.calls == []  # no "are you sure" for what cannot be done
    text = dialog.message_text()
    assert "还不能封批" in text and "送评报告单" in text and "花名册" in text
    assert dialog.ui.messageLabel.property("level") == "error"
    label = dialog.ui.messageLabel
    assert label.palette().color(label.foregroundRole()) == QColor("#b71c1c")


def test_the_tab_setting_is_kept_for_this_machine(qtbot: QtBot, store: Store,
                                                   people: dict[str, int]) -> None:
    window = make_window(qtbot, store)
    assert window.tab_ends_scan
    window._tab_action.trigger()
    assert not window.tab_ends_scan
    window.close()
    again = make_window(qtbot, store)
    assert not again.tab_ends_scan and not again._tab_action.isChecked()


def test_the_holiday_editor_spin_boxes_show_and_use_their_arrows(
        qtbot: QtBot, store: Store) -> None:
    from zcdesk.ui.app import create_application

    create_application()  # with the style sheet that once hid the arrows
    dialog = CalendarDialog(None, store, dt.date(2025, 5, 18))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    spin: QSpinBox = dialog.ui.yearSpin
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    up = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option,
                                     QStyle.SubControl.SC_SpinBoxUp, spin)
    image = spin.grab().toImage()
    inner = up.adjusted(2, 1, -2, -1)  # the arrow, not the button's frame
    dark = sum(1 for x in range(inner.left(), inner.right() + 1)
               for y in range(inner.top(), inner.bottom() + 1)
               if image.pixelColor(x, y).lightness() < 160)
    assert dark >= 3, "no arrow drawn in the up button"
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=up.center())
    assert spin.value() == 2026
