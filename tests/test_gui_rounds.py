"""设置 → 申报轮次 (#11): the office lead imports next round's pack after a preview,
switches to it, and the counter receives for it the same day."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import ID_ZHANG
from tests.gui_support import make_window, open_visit, patch_dialog, scan
from zcdesk.domain.round_pack import dump_pack, load_pack, shifted, shipped_pack_path
from zcdesk.store import Store
from zcdesk.ui.dialogs.rounds import RoundsDialog
from zcdesk.ui.main_window import MainWindow


@pytest.fixture
def next_round(tmp_path: Path) -> Path:
    pack = shifted(load_pack(shipped_pack_path("2025H1")), "2026H1", "2026 上半年度", years=1)
    path = tmp_path / "2026H1.toml"
    path.write_text(dump_pack(pack), encoding="utf-8")
    return path


def _dialog(qtbot: QtBot, window: MainWindow, *, admin: bool = True) -> RoundsDialog:
    dialog = RoundsDialog(window, window.store, admin=admin,
                          on_switched=window.after_round_change)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_import_preview_then_switch_then_receive(
        qtbot: QtBot, store: Store, people: dict[str, int], next_round: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    assert "2025 上半年度" in window.windowTitle()
    old = store.lookup(ID_ZHANG).packet
    assert old is not None
    dialog = _dialog(qtbot, window)
    table = dialog.ui.roundsTable
    assert table.rowCount() == 1 and "当前" in table.item(0, 5).text()

    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(next_round), ""))
    asked = patch_dialog(monkeypatch, "confirm", True)
    dialog.ui.importButton.click()
    args, _ = asked.calls[0]
    assert "2026H1" in args[2] and "新增" in args[3]  # the preview, before anything is written
    assert [r.code for r in store.rounds()] == ["2025H1", "2026H1"]
    assert store.current_round().code == "2025H1"  # imported, not yet switched
    assert table.rowCount() == 2 and "设为当前轮次" in dialog.message_text()

    dialog.ui.activateButton.click()  # 2026H1 is selected after the import
    assert store.current_round().code == "2026H1"
    assert "已切换为 2026H1" in dialog.message_text()
    assert "2026 上半年度" in window.windowTitle()
    dialog.reject()

    open_visit(monkeypatch, window)
    assert window.visit is not None and window.visit.receipt_no.startswith("SC-2026H1-")
    # 张三's packet belongs to 2025H1: in 2026H1 he has none until the roster import
    # or F4 opens one (the store's tests cover those), and his old packet is untouched.
    scan(qtbot, window, ID_ZHANG)
    assert window.current_packet is None and "本轮次还没有材料袋" in window.message_text()
    assert store.packet(old.packet_id) == old


def test_a_broken_pack_is_refused_in_words_and_nothing_changes(
        qtbot: QtBot, store: Store, people: dict[str, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "bad.toml"
    text = shipped_pack_path("2025H1").read_text(encoding="utf-8")
    broken.write_text(text.replace('code = "2025H1"', 'code = "2026H1"', 1)
                      .replace("2025-05-30", "2025-13-40", 1), encoding="utf-8")
    window = make_window(qtbot, store)
    dialog = _dialog(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    asked = patch_dialog(monkeypatch, "confirm", True)
    dialog.ui.importButton.click()
    assert asked.calls == []
    assert "没有导入" in dialog.message_text() and "行" in dialog.message_text()
    assert dialog.ui.messageLabel.property("level") == "error"
    assert [r.code for r in store.rounds()] == ["2025H1"]


def test_a_clerk_sees_the_rounds_but_cannot_change_them(
        qtbot: QtBot, store: Store, people: dict[str, int]) -> None:
    window = make_window(qtbot, store)
    dialog = _dialog(qtbot, window, admin=False)
    assert dialog.ui.roundsTable.rowCount() == 1
    for button in (dialog.ui.importButton, dialog.ui.activateButton, dialog.ui.exportButton,
                   dialog.ui.draftButton):
        assert not button.isEnabled() and "需要管理员登录" in button.toolTip()


def test_export_writes_the_stored_pack(qtbot: QtBot, store: Store, people: dict[str, int],
                                       tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    dialog = _dialog(qtbot, window)
    target = tmp_path / "out.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.ui.exportButton.click()
    assert target.read_text(encoding="utf-8") == store.round_pack_text("2025H1")
    assert "已导出" in dialog.message_text()


def test_a_draft_of_the_next_round_is_written_then_imported(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, store)
    dialog = _dialog(qtbot, window)
    asked = patch_dialog(monkeypatch, "prompt", "2025H2")
    target = tmp_path / "2025H2.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.ui.draftButton.click()
    args, _ = asked.calls[0]
    assert args[3] == "2025H2"  # the next code is suggested
    said = dialog.message_text()
    assert "2025 下半年度" in said and "请按新通知逐项核对" in said
    draft = load_pack(target.read_text(encoding="utf-8"))
    assert (draft.code, draft.notice.doc_number) == ("2025H2", "")
    assert [r.code for r in store.rounds()] == ["2025H1"]  # nothing stored by a draft
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    patch_dialog(monkeypatch, "confirm", True)
    dialog.ui.importButton.click()
    assert [r.code for r in store.rounds()] == ["2025H1", "2025H2"]


def test_a_passed_round_points_to_the_rounds_dialog(
        qtbot: QtBot, store: Store, people: dict[str, int]) -> None:
    import datetime as dt

    store.clock = lambda: dt.datetime(2026, 12, 4, 9, 0)
    window = make_window(qtbot, store)
    assert "设置 → 申报轮次" in window.message_text()
    scan(qtbot, window, ID_ZHANG)  # receiving still works: the clerk decides
    assert window.current_packet is not None


def test_the_list_shows_the_current_round_and_earlier_ones_on_request(
        qtbot: QtBot, store: Store, people: dict[str, int], next_round: Path) -> None:
    window = make_window(qtbot, store)
    combo = window.packet_list.ui_round
    assert not combo.isVisibleTo(window)  # one round: nothing to choose
    store.import_round(next_round.read_text(encoding="utf-8"))
    store.activate_round("2026H1")
    window.after_round_change()
    window.packet_list.reload()  # what reload_later does in its thread
    assert combo.isVisibleTo(window) and combo.currentText() == "2026 上半年度"
    assert window.packet_model.rowCount() == 0  # nobody has a 2026H1 packet yet
    combo.setCurrentIndex(combo.findData("2025H1"))
    assert window.packet_model.rowCount() == 3  # 2025H1's packets, to look at
    assert window.packet_list.round_code == "2025H1"
