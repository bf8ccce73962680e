"""The status bar at 1024 px: the deadline gives way to its short form, never cut mid-word."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.gui_support import make_window
from zcdesk.store import Store
from zcdesk.ui.elided_label import ElidedLabel


def test_label_says_the_short_form_then_ends_in_dots(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.set_texts("2026 下半年度　纸质材料报送市职改办截止 2026-12-17 还有 9 个工作日",
                    "截止 12-17，还有 9 个工作日")
    label.resize(2000, 20)
    assert label.shown_text() == label.text()
    label.resize(label.fontMetrics().horizontalAdvance(label.short) + 4, 20)
    assert label.shown_text() == "截止 12-17，还有 9 个工作日"
    label.resize(60, 20)
    assert label.shown_text().endswith("…") and label.shown_text().startswith("截止")
    label.setText("数据库不可用")  # a plain text has no short form left over
    assert label.short == ""


def test_the_counter_at_1024_shows_the_deadline_whole(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    window.resize(1024, 768)
    window.refresh_deadlines()
    qtbot.wait(10)
    shown = window._deadline_label.shown_text()
    assert shown in (window._deadline_label.text(), window._deadline_label.short)
    assert "…" not in shown
