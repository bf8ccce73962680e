"""The application shell: self-check, forms, first-start desk setup, feedback, menus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import FIXED_NOW
from tests.gui_support import make_window, patch_dialog
from zcdesk.store import Store
from zcdesk.ui import app as app_module
from zcdesk.ui.app import create_application, self_check
from zcdesk.ui.dialogs import desk as desk_dialog
from zcdesk.ui.dialogs.desk import DeskSetup
from zcdesk.ui.feedback import Feedback
from zcdesk.ui.keymap import help_rows
from zcdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import compile_forms  # noqa: E402


def test_self_check_returns_0(qapp: QApplication, capsys: pytest.CaptureFixture[str]) -> None:
    assert self_check() == 0
    assert "self-check ok" in capsys.readouterr().out


def test_compiled_forms_are_up_to_date() -> None:
    stale = [p.name for p in compile_forms.stale_forms()]
    orphans = [p.name for p in compile_forms.orphans()]
    assert stale == [] and orphans == [], (
        f"run .venv/bin/python scripts/compile_forms.py (stale: {stale}, orphans: {orphans})")
    assert len(compile_forms.ui_files()) >= 10


def test_no_runtime_ui_loading() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8")
                        for p in (ROOT / "zcdesk" / "ui").rglob("*.py"))
    assert "loadUiType" not in sources and "QUiLoader" not in sources


def test_application_uses_the_bundled_font(qapp: QApplication) -> None:
    app = create_application()
    assert app is qapp  # the existing instance is reused
    if any((ROOT / "resources" / "fonts").glob("*.tt?")):
        family = app.font().families()[0]
        assert family in QFontDatabase.families()
        assert "WenQuanYi" in family
    assert app.styleSheet() == "" or "scanEdit" in app.styleSheet()


def test_missing_resources_do_not_crash(qapp: QApplication, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "resource", lambda *parts: tmp_path.joinpath(*parts))
    monkeypatch.setattr("zcdesk.ui.feedback.resource", lambda *parts: tmp_path.joinpath(*parts))
    create_application()
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    feedback = Feedback()
    feedback.ok()
    feedback.error()
    assert feedback.played == ["ok", "error"]
    assert beeps == [1, 1]  # no sound file: the system beep stands in


def test_void_qt_calls_keep_none_alive(qapp: QApplication) -> None:
    """PySide6 6.12.0 on Python 3.11 loses a reference to None per void Qt call
    and aborts a long counter session ("none_dealloc"); pyproject pins below it.
    This fails if a version with that bug is ever installed."""
    create_application()
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(5_000):
        label.setText("x")
    assert before - sys.getrefcount(None) < 100


def test_feedback_plays_without_raising(qapp: QApplication) -> None:
    feedback = Feedback()
    feedback.ok()
    feedback.warn()
    feedback.error()
    assert feedback.played == ["ok", "warn", "error"]


def test_desk_setup_on_first_start(qtbot: QtBot, db_url: str,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(db_url, operator="小王", clock=lambda: FIXED_NOW)
    try:
        assert store.desk_point() is None
        dialog = patch_dialog(monkeypatch, "desk", DeskSetup("XH", "窗口2"))
        window = make_window(qtbot, store)
        qtbot.waitUntil(lambda: bool(dialog.calls), timeout=2000)
        (_parent, points, current, _desk), kwargs = dialog.calls[0]
        assert kwargs == {"first_start": True}
        assert current == ""
        assert "CITY" in {p.code for p in points}  # the dialog filters the city bureau out
        assert store.desk_point() is not None and store.desk_point().code == "XH"
        assert store.desk == "窗口2"
        assert "西湖区" in window.status_bar_text()
        assert "窗口2" in window.status_bar_text()
        assert "西湖区" in window.windowTitle()
    finally:
        store.close()


def test_desk_dialog_offers_only_counters(qtbot: QtBot, store: Store) -> None:
    dialog = desk_dialog.DeskDialog(None, store.points(), "SC", "窗口1")
    qtbot.addWidget(dialog)
    codes = [dialog.ui.pointCombo.itemData(i) for i in range(dialog.ui.pointCombo.count())]
    assert "CITY" not in codes and "SC" in codes
    assert dialog.setup() == DeskSetup("SC", "窗口1")


def test_status_bar_and_menus(qtbot: QtBot, store: Store, people: dict[str, int]) -> None:
    window = make_window(qtbot, store)
    text = window.status_bar_text()
    assert "齐全 0" in text and "部分 0" in text and "未收 3" in text
    assert "距纸质材料截止 2025-05-30 还有 12 天" in text
    assert "操作员 小王" in text and "窗口1" in text and "上城区" in text
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["收件(&V)", "材料(&M)", "查看(&L)", "设置(&S)", "帮助(&H)"]
    rows = dict(help_rows(window.actions_in_menus()))
    for keys in ("F2", "F10", "F3 / Esc", "F7", "Ctrl+Z", "F4", "Ctrl+H", "Ctrl+F", "F1"):
        assert keys in rows, keys
    assert window.ui.actionNewVisit.toolTip() == "新建收件（F2）"
    assert "F10" in window.ui.finishVisitButton.toolTip()


def test_history_dialog_is_given_the_events(qtbot: QtBot, store: Store,
                                            people: dict[str, int],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    store.accept(people["张三"], "evaluation", 2)
    store.undo_last()
    window.submit_scan("张三")
    dialog = patch_dialog(monkeypatch, "history")
    window.ui.actionHistory.trigger()
    (_parent, name, events), _ = dialog.calls[-1]
    assert name == "张三"
    assert [e.kind for e in events] == ["applicant_added", "accept", "reversal"]
    assert events[1].reversed_by == events[2].id
    recent = window.panel.ui.recentList  # filled when the window is idle
    qtbot.waitUntil(lambda: recent.count() == 3, timeout=2000)
    assert "已撤销" in recent.item(1).text()


def test_real_history_dialog_marks_reversed(qtbot: QtBot, store: Store,
                                            people: dict[str, int]) -> None:
    from zcdesk.ui.dialogs.history import HistoryDialog

    store.accept(people["张三"], "evaluation", 2)
    store.undo_last()
    events = store.history(store.packet(people["张三"]).applicant.id)
    dialog = HistoryDialog(None, "张三", events)
    qtbot.addWidget(dialog)
    table = dialog.ui.historyTable
    assert table.rowCount() == 3
    assert table.item(1, 4).text() == "已撤销"
    assert table.item(1, 1).text() == "小王" and table.item(1, 2).text() == "窗口1"


def test_unexpected_errors_are_shown_not_fatal(qapp: QApplication,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()))
    try:
        raise ValueError("boom")
    except ValueError:
        app_module._excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert shown and "ValueError: boom" in shown[0]


def test_run_gui_shows_the_window(qtbot: QtBot, store: Store, people: dict[str, int],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown: list[MainWindow] = []

    def fake_exec(app: QApplication) -> int:  # no nested event loop in the test run
        shown.extend(w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible())
        for window in shown:
            window.close()
            window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run_gui(store, title_suffix="（演示）") == 0
    assert len(shown) == 1
    assert shown[0].windowTitle() == "职称材料受理窗口 — 上城区（演示）"
    assert sys.excepthook is app_module._excepthook
