"""The application shell: self-check, forms, first-start desk setup, feedback, menus."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import FIXED_NOW, ID_LI, ID_ZHANG
from tests.gui_support import make_window, patch_dialog, scan
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
    # the next deadline counted in working days (2025-05-30 is 12 calendar days away)
    assert "纸质材料报送市职改办截止 2025-05-30 还有 10 个工作日" in text
    assert "操作员 小王" in text and "窗口1" in text and "上城区" in text
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["收件(&V)", "材料(&M)", "打印(&P)", "流转(&T)", "导入(&I)", "查看(&L)",
                     "设置(&S)", "帮助(&H)"]
    rows = dict(help_rows(window.actions_in_menus()))
    for keys in ("F2", "F10", "F3 / Esc", "F7", "Ctrl+Z", "F4", "Ctrl+H", "Ctrl+F", "F1",
                 "Ctrl+P", "Ctrl+Shift+P", "Ctrl+L", "Ctrl+B", "Ctrl+D", "Ctrl+R", "Ctrl+T"):
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


def test_unexpected_errors_are_logged_and_shown_not_fatal(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zcdesk.logs import setup_logging
    from zcdesk.ui.dialogs import error_report

    log_path = setup_logging(tmp_path / "logs")
    monkeypatch.setattr(app_module, "_log_path", [log_path])
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(error_report.ErrorDialog, "exec", lambda self: shown.append((
        self.ui.messageLabel.text(), self.ui.reportEdit.toPlainText(),
        self.ui.logLabel.text())) or 0)
    try:
        raise ValueError(f"boom for {ID_ZHANG}")
    except ValueError:
        app_module._excepthook(*sys.exc_info())  # type: ignore[arg-type]
    message, report, where = shown[0]
    assert "意外错误" in message and "ValueError: boom" in message
    assert "Traceback" in report and "ValueError: boom" in report
    assert ID_ZHANG not in report and "330102********1234" in report  # masked as in the log
    assert str(log_path) in where
    logged = log_path.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "ValueError: boom" in logged
    assert ID_ZHANG not in logged


def test_error_dialog_copies_its_report(qtbot: QtBot) -> None:
    from zcdesk.ui.dialogs.error_report import ErrorDialog

    dialog = ErrorDialog(None, "ValueError: boom", "Traceback …\nValueError: boom", "/x/zcdesk.log")
    qtbot.addWidget(dialog)
    assert dialog.ui.reportEdit.isReadOnly()
    dialog.ui.copyButton.click()
    assert QApplication.clipboard().text() == "Traceback …\nValueError: boom"
    assert "/x/zcdesk.log" in dialog.ui.logLabel.text()


def test_run_gui_shows_the_window(qtbot: QtBot, store: Store, people: dict[str, int],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    seen: dict[str, object] = {}

    def fake_exec(app: QApplication) -> int:  # no real event loop in the test run
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen["ready_at_exec"] = window.store_ready  # opened after the first paint
        qtbot.waitUntil(lambda: window.store_ready, timeout=5000)
        qtbot.waitUntil(lambda: not window.packet_list.loading, timeout=5000)
        seen["title"] = window.windowTitle()
        seen["rows"] = window.packet_model.rowCount()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(store, "close", lambda: seen.setdefault("closed", True))
    assert app_module.run_gui(lambda: store, title_suffix="（演示）") == 0
    assert seen == {"ready_at_exec": False,
                    "title": "职称材料受理窗口 — 上城区 · 2025 上半年度（演示）",
                    "rows": 3, "closed": True}
    assert sys.excepthook is app_module._excepthook


def test_run_gui_unusable_database_exits_3(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from zcdesk.store import DatabaseUnavailable

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: boxes.append((title, text))))

    def fake_exec(app: QApplication) -> int:
        qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
        qtbot.waitUntil(lambda: not any(isinstance(w, MainWindow) and w.isVisible()
                                        for w in QApplication.topLevelWidgets()), timeout=2000)
        return 0

    def broken() -> Store:
        raise DatabaseUnavailable("无法打开数据库：数据库文件已损坏或不是 zcdesk 数据库。")

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run_gui(broken) == 3
    assert boxes[0][0] == "无法打开数据库"
    assert "已损坏" in boxes[0][1] and "程序将退出" in boxes[0][1]
    assert "已损坏" in capsys.readouterr().err


def test_the_gui_start_shows_the_window_before_importing_the_store(tmp_path: Path) -> None:
    """`zcdesk` (no subcommand): no SQLAlchemy until the window is on screen."""
    probe = (
        "import sys, json\n"
        "from PySide6.QtWidgets import QApplication\n"
        "seen = {}\n"
        "def fake_exec(app):\n"
        "    seen['store'] = 'zcdesk.store' in sys.modules\n"
        "    seen['sqlalchemy'] = 'sqlalchemy' in sys.modules\n"
        "    seen['visible'] = any(w.isVisible() for w in app.topLevelWidgets())\n"
        "    return 0\n"
        "QApplication.exec = fake_exec\n"
        "from zcdesk.cli import main\n"
        "code = main(['--db', sys.argv[1]])\n"
        "print('PROBE', json.dumps(seen), code)\n"
        "sys.stdout.flush()\n"
        "import os; os._exit(0)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "start.sqlite3")],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    line = next(x for x in done.stdout.splitlines() if x.startswith("PROBE"))
    assert line == 'PROBE {"store": false, "sqlalchemy": false, "visible": true} 0', done.stderr


def test_window_without_store_keeps_scans_until_attached(qtbot: QtBot, store: Store,
                                                         people: dict[str, int]) -> None:
    window = make_window(qtbot, None)
    assert not window.store_ready
    assert "正在打开数据库" in window.status_bar_text()
    assert window.scan_edit.hasFocus()
    assert not window.ui.actionNewVisit.isEnabled()
    scan(qtbot, window, ID_ZHANG)  # typed and submitted while the database opens
    assert window.scan_edit.text() == "" and window.current_packet is None
    assert "已记下 1 次扫描" in window.message_text()
    qtbot.keyClicks(window.scan_edit, ID_LI[:6])  # typed, not yet submitted

    window.attach_store(store)
    assert window.current_packet is not None
    assert window.current_packet.packet_id == people["张三"]
    assert window.scan_edit.text() == ID_LI[:6]  # still there, nothing lost
    assert window.ui.actionNewVisit.isEnabled()
    assert "未收 3" in window.status_bar_text()
    assert window.windowTitle() == "职称材料受理窗口 — 上城区 · 2025 上半年度"  # the round too


def test_store_opened_in_a_thread_after_the_first_paint(qtbot: QtBot, store: Store,
                                                         people: dict[str, int]) -> None:
    gate = threading.Event()

    def slow_open() -> Store:
        gate.wait(5)
        return store

    create_application()
    window = MainWindow(None, Feedback(muted=True), load_list_later=True)
    qtbot.addWidget(window)
    window.show()
    window.open_store_after_paint(slow_open)
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the window keeps working while the store opens
    scan(qtbot, window, ID_LI.lower())
    assert not window.store_ready
    with qtbot.waitSignal(window.store_attached, timeout=5000):
        gate.set()
    assert window.current_packet is not None
    assert window.current_packet.packet_id == people["李四"]
    qtbot.waitUntil(lambda: window.packet_model.rowCount() == 3, timeout=5000)


def _exec_until_closed(qtbot: QtBot, seen: dict[str, object]):  # type: ignore[no-untyped-def]
    """A stand-in for QApplication.exec: run until the store is there (or the
    window closed itself), note what the window shows, close it."""

    def fake_exec(app: QApplication) -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.store_ready or not window.isVisible(), timeout=20000)
        if window.store_ready:
            qtbot.waitUntil(lambda: not window.packet_list.loading, timeout=20000)
            seen["title"] = window.windowTitle()
            seen["rows"] = window.packet_model.rowCount()
        window.close()
        window.deleteLater()
        return 0

    return fake_exec


def test_cli_gui_start_with_an_unusable_database(qtbot: QtBot, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from zcdesk.cli import main

    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 200)
    boxes: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: boxes.append(text)))
    seen: dict[str, object] = {}
    monkeypatch.setattr(QApplication, "exec", _exec_until_closed(qtbot, seen))
    assert main(["--db", str(broken)]) == 3  # as `zcdesk status` on that file
    assert seen == {} and "损坏" in boxes[0]


def test_cli_gui_start_seeds_the_demo(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from zcdesk.cli import main

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: dict[str, object] = {}
    monkeypatch.setattr(QApplication, "exec", _exec_until_closed(qtbot, seen))
    assert main(["--demo"]) == 0
    # The demo's round lies around today (#11): its name follows the date.
    title = str(seen["title"])
    assert title.startswith("职称材料受理窗口 — 上城区 · ") and title.endswith("半年度（演示）")
    assert 55 <= int(seen["rows"]) <= 65  # type: ignore[call-overload]
