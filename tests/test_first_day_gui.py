"""The first day in the window: the first admin, then the wizard, quit half-way, resume,
finish, and the office's first receipt."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from tests.conftest import FIXED_NOW
from tests.data.builders import HEADERS, person, write_csv
from tests.gui_support import make_window, open_visit, patch_dialog, press, scan, type_text
from zcdesk.domain.first_day import Step
from zcdesk.store import Store, backup_places, first_day
from zcdesk.store.backup_places import Place
from zcdesk.ui.dialogs import import_preview
from zcdesk.ui.dialogs.first_day import FirstDayWizard
from zcdesk.ui.dialogs.login import LoginDialog
from zcdesk.ui.dialogs.operator_form import OperatorFormDialog
from zcdesk.ui.dialogs.preview import Outcome
from zcdesk.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_automatic_backups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Store, "automatic_backup", lambda self, keep=14: None)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """A new office database; each call opens it again (a restart of the program)."""
    opened: list[Store] = []
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"

    def open_() -> Store:
        opened.append(Store.open(url, clock=lambda: FIXED_NOW))
        return opened[-1]

    yield open_
    for store in opened:
        store.close()


@pytest.fixture
def usb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A USB stick is plugged in (what backup_places finds on this machine's mounts)."""
    stick = tmp_path / "media" / "U盘"
    stick.mkdir(parents=True)
    monkeypatch.setattr(backup_places, "places",
                        lambda _home: [Place(stick, "removable", "U盘")])
    return stick


def open_window(qtbot: QtBot, store: Store) -> MainWindow:
    """The window as run_gui opens it: shown first, the store attached after."""
    window = make_window(qtbot, None)
    window.session.required = True
    window.attach_store(store)
    return window


def start(qtbot: QtBot, window: MainWindow) -> object:
    """What run_gui does once the store is attached: the first dialog it opens."""
    window.session.begin()
    qtbot.waitUntil(lambda: window.session.dialog is not None, timeout=3000)
    return window.session.dialog


def wizard_of(qtbot: QtBot, window: MainWindow) -> FirstDayWizard:
    qtbot.waitUntil(lambda: isinstance(window.session.dialog, FirstDayWizard)
                    and window.session.dialog.isVisible(), timeout=3000)
    wizard = window.session.dialog
    assert isinstance(wizard, FirstDayWizard)
    return wizard


def click(qtbot: QtBot, button: QPushButton | None) -> None:
    assert button is not None and button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_(qtbot: QtBot, wizard: FirstDayWizard) -> None:
    """保存，下一步 (every step but the last is saved by it)."""
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))


def answer_box(text: str) -> list[str]:
    """Click `text` in the next message box that opens; returns what it said."""
    said: list[str] = []

    def look(tries: int = 200) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            said.append(box.text())
            next(b for b in box.findChildren(QPushButton) if b.text() == text).click()
        elif tries:
            QTimer.singleShot(20, lambda: look(tries - 1))

    QTimer.singleShot(0, look)
    return said


def test_a_new_office_sets_up_quits_half_way_resumes_and_receives(
        qtbot: QtBot, office: Callable[[], Store], usb: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = office()
    window = open_window(qtbot, store)
    dialog = start(qtbot, window)
    # Step 1, as always on a new database: the first admin.
    assert isinstance(dialog, OperatorFormDialog)
    type_text(qtbot, dialog.ui.nameEdit, "老李")
    qtbot.keyClicks(dialog.ui.pinEdit, "7391")
    qtbot.keyClicks(dialog.ui.pin2Edit, "7391")
    qtbot.keyClick(dialog.ui.pin2Edit, Qt.Key.Key_Return)
    wizard = wizard_of(qtbot, window)
    assert window.session.logged_in and store.role == "admin"

    # Qt's own buttons in Chinese; each step is saved by its button.
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "取消"
    assert wizard.buttonText(QWizard.WizardButton.FinishButton).startswith("完成")
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "保存，下一步(&N) >"
    assert wizard.currentId() == Step.DESK.value
    steps = wizard.side.text()
    assert "▶ 2. 本机受理点和窗口" in steps and "✓ 1. 第一位管理员" in steps

    page = wizard.currentPage()
    page.point_combo.setCurrentIndex(page.point_combo.findData("SC"))
    page.desk_edit.clear()
    type_text(qtbot, page.desk_edit, "窗口1")
    next_(qtbot, wizard)
    assert store.desk_point().code == "SC" and store.desk == "窗口1"

    assert wizard.currentId() == Step.ROUND.value
    page = wizard.currentPage()
    click(qtbot, page.import_radio)
    next_(qtbot, wizard)  # no file chosen: refused in words, nothing written
    assert "请选择轮次配置文件" in page.error.text() and wizard.currentId() == Step.ROUND.value
    click(qtbot, page.shipped_radio)
    assert "2025 上半年度" in page.shipped_radio.text()
    next_(qtbot, wizard)

    assert wizard.currentId() == Step.OPERATORS.value
    page = wizard.currentPage()
    next_(qtbot, wizard)  # nobody added and no skip ticked
    assert "请至少添加一位窗口人员" in page.error.text()
    type_text(qtbot, page.name_edit, "小王")
    page.name_edit.setFocus()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)  # Enter: on to the PIN
    assert wizard.focusWidget() is page.pin_edit and wizard.currentId() == Step.OPERATORS.value
    qtbot.keyClicks(page.pin_edit, "3690")
    qtbot.keyClicks(page.pin2_edit, "3609")
    click(qtbot, page.add_button)
    assert "不一致" in page.error.text()
    qtbot.keyClicks(page.pin2_edit, "3690")
    qtbot.keyClick(page.pin2_edit, Qt.Key.Key_Return)  # Enter adds (and stays)
    assert wizard.currentId() == Step.OPERATORS.value and not page.error.text()
    assert [page.operator_list.item(i).text() for i in range(page.operator_list.count())] \
        == ["小王（窗口人员）", "老李（管理员）"]
    next_(qtbot, wizard)
    assert wizard.currentId() == Step.ROSTER.value

    # The clerk quits half-way: asked first, then the program ends.
    said = answer_box("退出程序")
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert said and "首次设置尚未完成" in said[0]
    assert first_day.next_step(first_day.read_state(store)) is Step.ROSTER

    # Restart: the login first (an admin exists), then the wizard at step 5.
    again = office()
    window = open_window(qtbot, again)
    dialog = start(qtbot, window)
    assert isinstance(dialog, LoginDialog)
    dialog.ui.operatorCombo.setCurrentIndex(dialog.ui.operatorCombo.findData("老李"))
    qtbot.keyClicks(dialog.ui.pinEdit, "7391")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    wizard = wizard_of(qtbot, window)
    assert wizard.currentId() == Step.ROSTER.value
    assert "✓ 4. 窗口人员" in wizard.side.text()

    roster = write_csv(tmp_path / "花名册.csv", [HEADERS, person(1), person(2)])
    monkeypatch.setattr("zcdesk.ui.roster_menu.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(roster), ""))
    shown = patch_dialog(monkeypatch, "import_preview", import_preview.Answer.IMPORT)
    page = wizard.currentPage()
    click(qtbot, page.import_button)
    qtbot.waitUntil(lambda: bool(first_day.read_state(again).roster_imports), timeout=5000)
    assert shown.calls and page.result.text()
    next_(qtbot, wizard)

    assert wizard.currentId() == Step.BACKUP.value
    page = wizard.currentPage()
    # The USB stick by default, once the search in the background has found it.
    qtbot.waitUntil(lambda: page.folder_edit.text() == str(usb / "zcdesk-备份"), timeout=3000)
    assert "U 盘" in page.place_combo.itemText(0)
    next_(qtbot, wizard)
    copies = list((usb / "zcdesk-备份").rglob("zcdesk-*.sqlite3"))  # in its own folder
    assert len(copies) == 1  # tested by writing, then the first copy

    assert wizard.currentId() == Step.SUMMARY.value
    page = wizard.currentPage()
    assert "✓ 6. 备份文件夹：" + str(usb / "zcdesk-备份") in page.text.text()
    printed = patch_dialog(monkeypatch, "preview", Outcome(printed=True, pages_printed=1))
    click(qtbot, page.print_button)
    (_parent, title, pdf, _name), kwargs = printed.calls[-1]
    assert title == "首次设置摘要" and kwargs["kind"] == "setup_summary"
    text = "".join("".join(p.extract_text().split())
                   for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "老李" in text and "小王" in text and "窗口1" in text and "7391" not in text
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: window.session.dialog is None, timeout=3000)
    assert first_day.read_state(again).finished
    assert "首次设置已完成" in window.message_text()
    assert not window.locked

    # The office's first receipt.
    open_visit(monkeypatch, window)
    receipt_no = window.visit.receipt_no if window.visit else ""
    assert receipt_no == "SC-2025H1-00001"
    scan(qtbot, window, str(person(1)[4]))
    scan(qtbot, window, "2")
    scan(qtbot, window, "2")
    patch_dialog(monkeypatch, "summary", True)
    receipts = patch_dialog(monkeypatch, "preview", Outcome(printed=True, pages_printed=1))
    press(qtbot, window, Qt.Key.Key_F10)
    assert receipts.calls[-1][0][1] == "收件回执"
    assert not again.visit_by_receipt(receipt_no).is_open


def test_an_office_at_work_and_a_clerk_never_get_the_wizard(
        qtbot: QtBot, office: Callable[[], Store]) -> None:
    store = office()
    store.create_operator("老李", "7391", "admin")  # before #14: no set-up begun
    store.login("老李", "7391")
    store.create_operator("小王", "3690", "clerk")
    store.set_desk_point("SC")
    window = open_window(qtbot, office())
    dialog = start(qtbot, window)
    assert isinstance(dialog, LoginDialog)
    qtbot.keyClicks(dialog.ui.pinEdit, "3690")  # 小王 is first in the list
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=3000)
    assert window.session.dialog is None

    # Nor its admin: the office is in use (its round is the current one).
    window = open_window(qtbot, office())
    dialog = start(qtbot, window)
    dialog.ui.operatorCombo.setCurrentIndex(dialog.ui.operatorCombo.findData("老李"))
    qtbot.keyClicks(dialog.ui.pinEdit, "7391")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=3000)
    assert window.session.dialog is None and "首次设置" not in window.message_text()
    assert first_day.next_step(first_day.read_state(store)) is None

    # A set-up begun (by its admin) and not finished: a clerk is told, and may work
    # meanwhile.
    first_day.begin(store)
    window = open_window(qtbot, office())
    dialog = start(qtbot, window)
    qtbot.keyClicks(dialog.ui.pinEdit, "3690")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.logged_in, timeout=3000)
    assert window.session.dialog is None
    assert "首次设置尚未完成" in window.message_text()


def test_the_backup_page_never_waits_for_a_disk_in_the_window(
        qtbot: QtBot, office: Callable[[], Store], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A hung network mount or a disconnected mapped drive must not freeze the wizard:
    the places are looked for in the background, the folder's disk is looked at after
    typing pauses (never at each key), and the first copy runs behind a progress dialog."""
    import threading

    store = office()
    first_day.create_first_admin(store, "老李", "7391")
    first_day.set_desk(store, "SC", "窗口1")
    first_day.use_current_round(store)
    first_day.skip(store, Step.OPERATORS)
    first_day.skip(store, Step.ROSTER)
    stick = tmp_path / "media" / "U盘"
    stick.mkdir(parents=True)
    gui = threading.main_thread()
    mounts_answer = threading.Event()  # a mount that does not answer until set
    looked: list[threading.Thread] = []

    def slow_places(_home: Path) -> list[Place]:
        looked.append(threading.current_thread())
        mounts_answer.wait(10)
        return [Place(stick, "removable", "U盘")]

    disk_checks: list[threading.Thread] = []

    def watched_same_disk(folder: Path, data_dir: Path) -> bool:
        disk_checks.append(threading.current_thread())
        return False

    copied_in: list[threading.Thread] = []
    set_folder = first_day.set_backup_folder

    def watched_set_folder(store_: Store, folder: Path) -> Path:
        copied_in.append(threading.current_thread())
        return set_folder(store_, folder)

    monkeypatch.setattr(backup_places, "places", slow_places)
    monkeypatch.setattr(backup_places, "same_disk", watched_same_disk)
    monkeypatch.setattr(first_day, "set_backup_folder", watched_set_folder)
    try:
        window = open_window(qtbot, office())
        dialog = start(qtbot, window)
        assert isinstance(dialog, LoginDialog)
        qtbot.keyClicks(dialog.ui.pinEdit, "7391")
        qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
        wizard = wizard_of(qtbot, window)  # opened while the mounts do not answer
        assert wizard.currentId() == Step.BACKUP.value
        page = wizard.currentPage()
        qtbot.waitUntil(lambda: bool(looked), timeout=3000)
        assert gui not in looked and "正在查找" in page.note.text()

        # The clerk types a folder meanwhile: the window takes every key.
        folder = tmp_path / "network" / "backup"
        page.folder_edit.clear()
        type_text(qtbot, page.folder_edit, str(folder))
        assert page.folder_edit.text() == str(folder)
        assert gui not in disk_checks and len(disk_checks) < len(str(folder))
    finally:
        mounts_answer.set()
    qtbot.waitUntil(lambda: "U 盘" in page.place_combo.itemText(0), timeout=3000)
    assert page.folder_edit.text() == str(folder)  # what was typed is kept
    assert "正在查找" not in page.note.text()

    # The stick after all: chosen from the list, then 保存，下一步.
    page.place_combo.setCurrentIndex(0)
    page.place_combo.activated.emit(0)
    assert page.folder_edit.text() == str(stick / "zcdesk-备份")
    next_(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == Step.SUMMARY.value, timeout=10000)
    assert copied_in and gui not in copied_in and gui not in disk_checks
    assert len(list((stick / "zcdesk-备份").rglob("zcdesk-*.sqlite3"))) == 1
