"""Visits: F2 opens one (receipt number in the visit bar), F10 finishes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import ID_LI, ID_ZHANG
from tests.gui_support import make_window, open_visit, patch_dialog, press, scan
from zcdesk.domain.records import VisitSummary
from zcdesk.store import Store
from zcdesk.ui.dialogs import summary as summary_dialog
from zcdesk.ui.dialogs import visit as visit_dialog
from zcdesk.ui.dialogs.preview import Outcome
from zcdesk.ui.dialogs.visit import VisitForm
from zcdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


def test_f2_opens_a_visit(qtbot: QtBot, window: MainWindow, store: Store,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    form = VisitForm("王女士", "0571-88888888", "杭州汽轮机股份有限公司")
    patch_dialog(monkeypatch, "visit", form)
    press(qtbot, window, Qt.Key.Key_F2)

    visit = store.open_visit_of_desk()
    assert visit is not None and visit.visitor_name == "王女士"
    assert window.ui.receiptLabel.text() == "SC-2025H1-00001"
    assert "王女士" in window.ui.visitorLabel.text()
    assert "已开始收件 SC-2025H1-00001" in window.message_text()
    assert window.scan_edit.hasFocus()

    second = patch_dialog(monkeypatch, "visit", VisitForm())
    press(qtbot, window, Qt.Key.Key_F2)  # one visit at a time
    assert second.calls == []
    assert "F10" in window.message_text()


def test_bad_phone_is_shown_not_raised(qtbot: QtBot, window: MainWindow, store: Store,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    patch_dialog(monkeypatch, "visit", VisitForm("王女士", "电话"))
    press(qtbot, window, Qt.Key.Key_F2)
    assert "联系电话" in window.message_text()
    assert window.feedback.played[-1] == "error"
    assert store.open_visit_of_desk() is None


def test_f10_summarises_and_closes_the_visit(qtbot: QtBot, window: MainWindow, store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    scan(qtbot, window, "2")
    scan(qtbot, window, "2")
    scan(qtbot, window, ID_LI)
    scan(qtbot, window, "1")
    assert window.visit_bar.texts() == ["● 张三 齐全", "◐ 李四 部分"]
    visit_id = window.visit.id if window.visit else 0

    seen: list[VisitSummary] = []
    monkeypatch.setattr(summary_dialog, "launch", lambda parent, s: seen.append(s) or False)
    press(qtbot, window, Qt.Key.Key_F10)  # Esc in the summary: back to the visit
    assert store.visit(visit_id).is_open
    assert "继续收件" in window.message_text()

    monkeypatch.setattr(summary_dialog, "launch", lambda parent, s: seen.append(s) or True)
    previewed = patch_dialog(monkeypatch, "preview", Outcome())  # see test_gui_print
    press(qtbot, window, Qt.Key.Key_F10)
    assert len(previewed.calls) == 1
    assert [p.applicant.name for p in seen[-1].packets] == ["张三", "李四"]
    assert not store.visit(visit_id).is_open
    assert store.open_visit_of_desk() is None
    assert window.visit is None
    assert window.ui.receiptLabel.text() == "未开始"
    assert "SC-2025H1-00001 已完成" in window.message_text()
    assert "不齐 1 个" in window.message_text()


def test_f10_without_a_visit(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F10)
    assert "没有进行中的收件" in window.message_text()


def test_an_open_visit_is_resumed_on_start(qtbot: QtBot, store: Store,
                                           people: dict[str, int]) -> None:
    visit = store.open_visit("王女士")
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    window = make_window(qtbot, store)
    assert window.visit is not None and window.visit.id == visit.id
    assert window.ui.receiptLabel.text() == visit.receipt_no
    assert window.visit_bar.texts() == ["◐ 张三 部分"]


def test_scanning_a_receipt_lists_its_packets(qtbot: QtBot, window: MainWindow, store: Store,
                                              people: dict[str, int],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    visit = store.open_visit("王女士")
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    store.accept(people["李四"], "evaluation", 1, visit_id=visit.id)
    chooser = patch_dialog(monkeypatch, "choice",
                           answer=lambda parent, choices, prompt="": choices[0])
    scan(qtbot, window, visit.receipt_no.lower())
    (_parent, choices, _prompt), _ = chooser.calls[-1]
    assert [c.name for c in choices] == ["张三", "李四"]
    assert window.current_packet is not None
    assert window.current_packet.applicant.name == "张三"


def test_real_visit_dialog_accepts_with_one_enter(qtbot: QtBot) -> None:
    """Opened to record copies: the focus is on 开始收件, so Enter starts the visit."""
    result: list[VisitForm | None] = []

    def press_enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, visit_dialog.VisitDialog)
        assert dialog.ui.unitEdit.text() == "杭州汽轮机股份有限公司"
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(50, press_enter)
    result.append(visit_dialog.launch(None, ["杭州汽轮机股份有限公司"],
                                      unit="杭州汽轮机股份有限公司", reason="先开始收件"))
    assert result == [VisitForm("", "", "杭州汽轮机股份有限公司")]


def test_real_visit_dialog_enter_moves_on_and_escape_cancels(qtbot: QtBot) -> None:
    dialog = visit_dialog.VisitDialog(None, ["杭州汽轮机股份有限公司"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    ui.nameEdit.setFocus()
    qtbot.keyClicks(ui.nameEdit, "Wang")
    qtbot.keyClick(ui.nameEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.focusWidget() is ui.phoneEdit
    qtbot.keyClicks(ui.phoneEdit, "138abc0000")  # letters are not accepted in a phone
    assert ui.phoneEdit.text() == "1380000"
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.form() == VisitForm("Wang", "1380000", "")

    other = visit_dialog.VisitDialog(None, [])
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    qtbot.keyClick(other.ui.nameEdit, Qt.Key.Key_Escape)
    assert other.result() == other.DialogCode.Rejected
