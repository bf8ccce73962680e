"""The real dialogs driven by keys: reason picking, choosing, the visit summary, help."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ID_LI, ID_ZHANG
from zcdesk.domain.checklist import RejectReason
from zcdesk.store import Store
from zcdesk.ui.dialogs.choice import ChoiceDialog
from zcdesk.ui.dialogs.reject import RejectChoice, RejectDialog
from zcdesk.ui.dialogs.shortcuts import ShortcutsDialog
from zcdesk.ui.dialogs.summary import SummaryDialog, totals_text


def shown(qtbot: QtBot, dialog: object) -> None:
    qtbot.addWidget(dialog)
    dialog.show()  # type: ignore[attr-defined]
    qtbot.waitExposed(dialog)


def test_number_key_picks_the_reason_and_enter_confirms(qtbot: QtBot) -> None:
    dialog = RejectDialog(None, "登记表", "李四")
    shown(qtbot, dialog)
    assert dialog.ui.itemLabel.text() == "李四 · 退回 登记表"
    qtbot.keyClick(dialog.ui.reasonList, Qt.Key.Key_2)
    assert dialog.reason() is RejectReason.NO_STAMP
    qtbot.keyClick(dialog.ui.reasonList, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.choice() == RejectChoice(RejectReason.NO_STAMP, "", 1)


def test_other_requires_a_text(qtbot: QtBot) -> None:
    dialog = RejectDialog(None, "评审表")
    shown(qtbot, dialog)
    qtbot.keyClick(dialog.ui.reasonList, Qt.Key.Key_5)
    assert dialog.reason() is RejectReason.OTHER
    assert dialog.focusWidget() is dialog.ui.textEdit  # straight to the text it needs
    qtbot.keyClick(dialog.ui.textEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert "写明" in dialog.ui.errorLabel.text()
    dialog.ui.textEdit.insert("照片模糊")
    dialog.ui.copiesSpin.setValue(2)
    qtbot.keyClick(dialog.ui.textEdit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.choice() == RejectChoice(RejectReason.OTHER, "照片模糊", 2)


def test_escape_cancels_the_reject(qtbot: QtBot) -> None:
    dialog = RejectDialog(None, "评审表")
    shown(qtbot, dialog)
    qtbot.keyClick(dialog.ui.reasonList, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected


def test_choice_dialog_masks_ids_and_enter_picks(qtbot: QtBot, store: Store,
                                                 people: dict[str, int]) -> None:
    rows = store.packet_rows()
    dialog = ChoiceDialog(None, rows, "找到 3 人")
    shown(qtbot, dialog)
    table = dialog.ui.choiceTable
    assert table.item(0, 1).text() == "330102********1234"
    assert table.item(1, 3).text() == "○ 未收"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen() == rows[1]


def test_summary_dialog_lists_what_is_missing(qtbot: QtBot, store: Store,
                                              people: dict[str, int]) -> None:
    visit = store.open_visit("王女士", "13800000000")
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    store.accept(people["张三"], "registration", 2, visit_id=visit.id)
    store.accept(people["李四"], "evaluation", 1, visit_id=visit.id)
    store.reject(people["李四"], "registration", 1, RejectReason.NO_WATERMARK,
                 visit_id=visit.id)
    summary = store.visit_summary(visit.id)
    dialog = SummaryDialog(None, summary)
    shown(qtbot, dialog)
    table = dialog.ui.summaryTable
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["张三", "李四"]
    assert table.item(0, 2).text() == "● 齐全"
    assert table.item(1, 3).text() == "缺 评审表 1 份、登记表 2 份"
    assert table.item(1, 4).text() == "登记表 退回 1 份：缺水印"
    assert "不齐 1 个" in dialog.ui.totalsLabel.text()
    assert "王女士" in dialog.ui.visitorLabel.text()
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert totals_text(store.visit_summary(store.open_visit().id)) == "本次收件没有登记任何材料袋。"


@pytest.mark.parametrize("number", [ID_ZHANG, ID_LI])
def test_shortcuts_dialog_lists_keys(qtbot: QtBot, number: str) -> None:
    dialog = ShortcutsDialog(None, [("F2", "新建收件"), ("Enter", number)])
    shown(qtbot, dialog)
    assert dialog.ui.keysTable.rowCount() == 2
    assert dialog.ui.keysTable.item(1, 1).text() == number
