"""The second backup target in the window (#14 item 4): 设置 → 第二份备份位置… and the age
of its newest copy on the status bar; a missing target is a warning there, never an
error, and the daily backup still happens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui_support import make_window
from zcdesk.store import Store
from zcdesk.store.backup import backup_folder, backups_in, second_copies_of
from zcdesk.store.first_day import SETTING_BACKUP_FOLDER


def admin(store: Store) -> None:
    store.create_operator("老李", "2468", "admin")
    store.login("老李", "2468")
    store.create_operator("小王", "3690", "clerk")


def test_the_admin_chooses_the_second_target_and_the_status_bar_shows_its_age(
        qtbot: QtBot, store: Store, db_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    admin(store)
    usb = tmp_path / "U盘"
    usb.mkdir()
    window = make_window(qtbot, store)
    action = window.admin.second_backup_action
    assert action in window.ui.menuSettings.actions()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(usb)))
    action.trigger()
    qtbot.waitUntil(lambda: bool(window.session.second_copies), timeout=5000)
    assert store.setting(SETTING_BACKUP_FOLDER) == str(usb)
    main = backup_folder(Path(db_url.removeprefix("sqlite:///")))
    # The first copy went there at once; the daily one is copied there after it, both
    # into this database's own folder on the stick.
    own = second_copies_of(store)
    assert own is not None and own.parent == usb and not backups_in(usb)
    assert {p.name for p in backups_in(main)} <= {p.name for p in backups_in(own)}
    assert len(backups_in(own)) >= 1
    assert "第二份备份 不到 1 小时前" in window.notice_text()
    assert str(usb) in window._notice_label.toolTip()


def test_a_missing_second_target_is_a_warning_and_the_backup_still_happens(
        qtbot: QtBot, store: Store, db_url: str, tmp_path: Path) -> None:
    admin(store)
    store.set_setting(SETTING_BACKUP_FOLDER, str(tmp_path / "拔出的U盘"))
    store.clock = lambda: dt.datetime(2025, 5, 18, 9, 30)
    window = make_window(qtbot, store)
    window.session.start_backups()
    qtbot.waitUntil(lambda: bool(window.session.second_copies), timeout=5000)
    assert window.session.backups[0] is not None  # the main copy is made
    assert window.notice_text().startswith("！第二份备份：找不到文件夹")
    assert "主备份不受影响" in window._notice_label.toolTip()
    assert "bold" in window._notice_label.styleSheet()


def test_a_clerk_cannot_choose_the_second_target(qtbot: QtBot, store: Store) -> None:
    admin(store)
    store.login("小王", "3690")
    window = make_window(qtbot, store)
    window.apply_operator()
    assert not window.admin.second_backup_action.isEnabled()
