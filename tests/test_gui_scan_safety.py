"""Copies never go to the wrong person (issue #10): clicks, refused scans and
dialogs cannot steer a scanner's keystrokes or a `2⏎` anywhere else.

Keystrokes are sent as a scanner sends them: the characters with no pause
between them, then Enter. A person's typing is sent with a pause per key.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import BAD_CHECK, ID_LI, ID_WANG, ID_ZHANG
from tests.gui_support import make_window, open_visit, patch_dialog, scan
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import Store
from zcdesk.ui.main_window import MainWindow
from zcdesk.ui.packet_model import COL_NAME
from zcdesk.ui.scan_guard import REFUSED, refusal_text

HUMAN_DELAY_MS = 20  # a fast typist: 8 keys take ≥ 140 ms


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


def received(store: Store, id_number: str) -> dict[str, int]:
    row = next(r for r in store.status_report() if r["id_number"] == id_number)
    return dict(row["received"])  # type: ignore[arg-type]


def click_list_row(qtbot: QtBot, window: MainWindow, name: str) -> None:
    model = window.packet_model
    row = next(r for r in range(model.rowCount())
               if model.index(r, COL_NAME).data() == name)
    table = window.ui.packetTable
    rect = table.visualRect(model.index(row, COL_NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def burst(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """A scanner: every character at once, then Enter, into whatever has the focus."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


# ---------------------------------------------------------------- H1: clicks
def test_a_click_in_the_list_leaves_the_scanner_with_the_scan_field(
        qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    click_list_row(qtbot, window, "王五")
    assert window.ui.packetTable.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert QApplication.focusWidget() is window.scan_edit

    burst(qtbot, window.scan_edit, ID_LI)
    assert window.current_packet is not None
    assert window.current_packet.applicant.name == "李四"  # not the clicked 王五
    burst(qtbot, window.scan_edit, "2")
    assert received(store, ID_LI)["evaluation"] == 2
    assert received(store, ID_WANG)["evaluation"] == 0


def test_the_list_has_no_type_ahead(qtbot: QtBot, window: MainWindow) -> None:
    table = window.ui.packetTable
    before = table.currentIndex().row()
    table.keyboardSearch("王")
    assert table.currentIndex().row() == before


def test_clicks_on_the_panel_and_visit_bar_give_the_keys_back(
        qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    panel = window.panel.ui
    for widget in (panel.checklistTable.viewport(), panel.recentList.viewport(),
                   window.ui.visitPackets.viewport(), panel.nameLabel):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        assert QApplication.focusWidget() is window.scan_edit, widget.objectName()
    burst(qtbot, window.scan_edit, ID_WANG)
    assert window.current_packet is not None
    assert window.current_packet.applicant.name == "王五"


def test_a_scan_into_the_filter_field_goes_to_the_scan_field(
        qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    window.focus_filter()
    qtbot.keyClicks(window.filter_edit, "33", delay=HUMAN_DELAY_MS)  # a person types
    qtbot.wait(150)
    burst(qtbot, window.filter_edit, ID_LI)  # then the scanner fires

    assert window.filter_edit.text() == "33"  # as the person left it
    assert window.current_packet is not None
    assert window.current_packet.applicant.name == "李四"
    assert QApplication.focusWidget() is window.scan_edit
    burst(qtbot, window.scan_edit, "2")
    assert received(store, ID_LI)["evaluation"] == 2


def test_typing_in_the_filter_still_filters(qtbot: QtBot, window: MainWindow) -> None:
    window.focus_filter()
    qtbot.keyClicks(window.filter_edit, "330105197712", delay=HUMAN_DELAY_MS)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    assert window.filter_edit.text() == "330105197712"
    assert window.packet_model.rowCount() == 1
    assert window.current_packet is not None  # Enter opened the one match
    assert window.current_packet.applicant.name == "王五"


def test_arrows_in_the_filter_move_through_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.focus_filter()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Down)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Down)
    assert window.ui.packetTable.currentIndex().row() == 1
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    name = window.packet_model.index(1, COL_NAME).data()
    assert window.current_packet is not None and window.current_packet.applicant.name == name


# --------------------------------------------------------- H2: refused scans
@pytest.mark.parametrize("bad", [BAD_CHECK, "330102199001019999", "SC-2025H1-09999"])
def test_a_refused_scan_closes_the_open_packet(
        qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch,
        bad: str) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    scan(qtbot, window, bad)
    assert window.current_packet is None
    assert window.panel.ui.stack.currentIndex() == 0  # the empty page

    window.scan_edit.clear()
    scan(qtbot, window, "2")
    assert "请先扫描证件号码" in window.message_text()
    assert window.ui.scanMessage.property("level") == "error"
    assert received(store, ID_ZHANG)["evaluation"] == 0


def test_a_name_with_several_matches_closes_the_packet_until_chosen(
        qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_applicant(ApplicantForm(name="王五", id_number="330106198001010013",
                                      unit="杭州制氧机集团股份有限公司"))
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    patch_dialog(monkeypatch, "choice", None)  # the clerk closes the choice
    window.submit_scan("王五")
    assert window.current_packet is None
    window.scan_edit.clear()
    scan(qtbot, window, "2")
    assert "请先扫描证件号码" in window.message_text()
    assert received(store, ID_ZHANG)["evaluation"] == 0


def test_copies_need_ascii_digits(qtbot: QtBot, window: MainWindow, store: Store,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    window.submit_scan("1_0")
    assert received(store, ID_ZHANG)["evaluation"] == 0
    assert window.current_packet is None  # "1_0" is a name nobody has: a refused scan


# ------------------------------------------------------------- input method
def test_the_scan_field_takes_no_input_method(window: MainWindow) -> None:
    edit = window.scan_edit
    assert not edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    hints = edit.inputMethodHints()
    assert hints & Qt.InputMethodHint.ImhLatinOnly
    assert hints & Qt.InputMethodHint.ImhNoPredictiveText


def test_caps_lock_makes_no_difference(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.scan_edit, "sc-2025h1-0000x")
    assert window.scan_edit.text() == "SC-2025H1-0000X"


def test_a_tab_suffix_counts_like_enter_unless_switched_off(
        qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.scan_edit, ID_LI)
    qtbot.keyClick(window.scan_edit, Qt.Key.Key_Tab)
    assert window.current_packet is not None and window.current_packet.applicant.name == "李四"

    window.tab_ends_scan = False
    qtbot.keyClicks(window.scan_edit, ID_WANG)
    qtbot.keyClick(window.scan_edit, Qt.Key.Key_Tab)
    assert window.current_packet.applicant.name == "李四"
    assert window.scan_edit.text() == ID_WANG


# ------------------------------------------------------------------ dialogs
def _in_modal(qtbot: QtBot, check: list[str], act: object) -> None:
    """Run `act(dialog)` once the modal dialog is up (exec() blocks the test)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, run)
            return
        dialog.activateWindow()  # as the window system does for a new modal dialog
        try:
            qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
            act(dialog)  # type: ignore[operator]
        except AssertionError as exc:
            check.append(str(exc) or "assertion failed")
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def test_a_scan_into_the_visit_dialog_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    problems: list[str] = []
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        name = dialog.findChild(QLineEdit, "nameEdit")
        assert name is not None and name.hasFocus()
        name.insert("王女士")  # committed by the input method
        burst(qtbot, name, ID_LI)
        seen["name"] = name.text()
        seen["visible"] = dialog.isVisible()
        seen["note"] = refusal_text(dialog)

    _in_modal(qtbot, problems, act)
    window.new_visit()
    assert not problems, problems
    assert seen == {"name": "王女士", "visible": True, "note": REFUSED}
    assert window.visit is None  # Enter of the scan did not start the visit
    assert window.feedback.played[-1] == "error"


def test_a_person_typing_in_the_visit_dialog_is_not_a_scan(
        qtbot: QtBot, window: MainWindow, store: Store) -> None:
    problems: list[str] = []

    def act(dialog: QDialog) -> None:
        phone = dialog.findChild(QLineEdit, "phoneEdit")
        assert phone is not None
        phone.setFocus()
        qtbot.keyClicks(phone, "13800000000", delay=HUMAN_DELAY_MS)
        qtbot.keyClick(phone, Qt.Key.Key_Return)  # on to 单位
        assert phone.text() == "13800000000"
        assert refusal_text(dialog) == ""
        unit = dialog.findChild(QLineEdit, "unitEdit")
        assert unit is not None and unit.hasFocus()
        qtbot.keyClick(unit, Qt.Key.Key_Return)  # starts the visit

    _in_modal(qtbot, problems, act)
    window.new_visit()
    assert not problems, problems
    assert window.visit is not None
    assert store.visit(window.visit.id).visitor_phone == "13800000000"


def test_enter_on_a_unit_suggestion_takes_it_and_moves_on(
        qtbot: QtBot, window: MainWindow, store: Store) -> None:
    problems: list[str] = []

    def act(dialog: QDialog) -> None:
        unit = dialog.findChild(QLineEdit, "unitEdit")
        assert unit is not None
        unit.setFocus()
        unit.insert("汽轮")  # committed by the input method
        completer = unit.completer()
        completer.setCompletionPrefix("汽轮")
        completer.complete()
        popup = completer.popup()
        qtbot.waitUntil(popup.isVisible, timeout=2000)
        popup.setCurrentIndex(completer.completionModel().index(0, 0))
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)

    _in_modal(qtbot, problems, act)
    window.new_visit()
    assert not problems, problems
    assert window.visit is not None  # the unit was the last field: the visit started
    assert store.visit(window.visit.id).visitor_unit == "杭州汽轮机股份有限公司"


# ------------------------------------------------------------ undone packets
def test_a_packet_whose_recordings_were_all_undone_leaves_the_visit(
        qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_WANG)  # the wrong packet …
    scan(qtbot, window, "2")
    window.undo()  # … repaired
    scan(qtbot, window, ID_LI)
    scan(qtbot, window, "2")
    assert window.visit is not None
    summary = store.visit_summary(window.visit.id)
    assert [p.applicant.name for p in summary.packets] == ["李四"]
    assert all("王五" not in text for text in window.visit_bar.texts())


# ------------------------------------------------------- an unfinished visit
def test_an_unfinished_visit_is_confirmed_after_login_and_operator_change(
        qtbot: QtBot, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_gui_session import with_operators

    with_operators(store)
    store.login("小王", "3690")
    visit = store.open_visit("王女士", "", "")  # left open by 小王 before a restart
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    asked = patch_dialog(monkeypatch, "open_visit", False)  # Enter: carry on
    window = make_window(qtbot, store)
    assert window.visit is not None and asked.calls == []  # not before the login

    def login(parent: object, store_: Store, on_done: object, **kwargs: object) -> None:
        on_done(store_.login("小王", "3690"))  # type: ignore[operator]

    patch_dialog(monkeypatch, "login", answer=login)
    window.session.required = True  # what run_gui does: ask for the login
    window.session.begin()
    qtbot.waitUntil(lambda: len(asked.calls) == 1, timeout=2000)
    args, _ = asked.calls[0]
    assert args[1].receipt_no == visit.receipt_no and args[2] == 1 and args[3] == "小王"
    assert window.visit is not None  # carried on

    # The same operator unlocking after an idle lock is not asked again …
    window.apply_operator()
    qtbot.wait(50)
    assert len(asked.calls) == 1
    # … another operator taking over the desk is.
    store.login("老李", "2468")
    asked.result = True  # this time: finish it now
    summary = patch_dialog(monkeypatch, "summary", True)
    monkeypatch.setattr(window, "_print_visit", lambda closed, done: None)
    window.apply_operator()
    qtbot.waitUntil(lambda: len(asked.calls) == 2, timeout=2000)
    assert asked.calls[1][0][3] == "老李"
    assert summary.calls and window.visit is None
    assert store.visit(visit.id).closed_at is not None


# ------------------------------------------------ a scanner that presses Shift
def wedge(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """As a keyboard-wedge scanner types: its own Shift press around each capital."""
    for char in text:
        if char.isupper():
            qtbot.keyPress(widget, Qt.Key.Key_Shift)
            qtbot.keyClick(widget, char, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyRelease(widget, Qt.Key.Key_Shift)
        else:
            qtbot.keyClick(widget, char)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.mark.parametrize("code", [ID_LI, "SC-2025H1-00017"])  # ends in X; capitals
def test_shift_presses_of_a_scanner_do_not_hide_the_scan(
        qtbot: QtBot, window: MainWindow, code: str) -> None:
    problems: list[str] = []
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        name = dialog.findChild(QLineEdit, "nameEdit")
        assert name is not None and name.hasFocus()
        wedge(qtbot, name, code)
        seen.update(name=name.text(), visible=dialog.isVisible(), note=refusal_text(dialog))

    _in_modal(qtbot, problems, act)
    window.new_visit()
    assert not problems, problems
    assert seen == {"name": "", "visible": True, "note": REFUSED}
    assert window.visit is None


def test_a_cover_code_scanned_into_the_filter_opens_its_own_packet(
        qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_ZHANG)
    window.focus_filter()
    wedge(qtbot, window.filter_edit, store.packet(people["李四"]).code)
    assert window.current_packet is not None
    assert window.current_packet.applicant.name == "李四"
    burst(qtbot, window.scan_edit, "2")
    assert received(store, ID_LI)["evaluation"] == 2
    assert received(store, ID_ZHANG)["evaluation"] == 0


def test_a_scan_onto_a_batch_desk_table_goes_to_its_code_field(
        qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int]) -> None:
    from tests.test_gui_flow import complete
    from zcdesk.ui.dialogs.batches import BatchesDialog

    complete(store, people["张三"])
    numbers = [store.new_batch(fill=False).batch.batch_no for _ in range(3)]
    dialog = BatchesDialog(window, select=numbers[2])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    table = dialog.ui.batchTable
    table.setFocus()
    wedge(qtbot, table, store.packet(people["张三"]).code)
    assert dialog.batch_no == numbers[2]  # the table's type-ahead was put back
    assert refusal_text(dialog) == ""
    assert [p.applicant.name for p in store.batch(numbers[2]).packets] == ["张三"]


def test_typed_keys_never_move_the_list(qtbot: QtBot, window: MainWindow) -> None:
    """Even given the focus, the list takes no type-ahead from real key presses."""
    table = window.ui.packetTable
    table.setCurrentIndex(window.packet_model.index(0, COL_NAME))
    assert window.packet_model.index(0, COL_NAME).data() != "王五"
    from PySide6.QtGui import QKeyEvent

    # Qt's type-ahead would jump to 王五 (QTest types ASCII only: the event by hand).
    QApplication.sendEvent(table, QKeyEvent(QKeyEvent.Type.KeyPress, 0,
                                            Qt.KeyboardModifier.NoModifier, "王"))
    assert table.currentIndex().row() == 0
