"""Backups off the PC (#14 item 4): `backup --to DIR`, the chain head with every copy,
the second target (USB stick, network folder) kept up to date after each daily
backup, warnings instead of errors when it is away, and the restore drill."""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

import pytest

from tests.conftest import CliRun
from zcdesk.store import Store
from zcdesk.store.backup import (
    automatic_backup,
    backup_folder,
    backups_in,
    copy_to_second,
    daily_backups,
    second_copies_of,
    second_state,
)
from zcdesk.store.first_day import SETTING_BACKUP_FOLDER

DAY = dt.datetime(2025, 5, 1, 8)


def db_path(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite:///"))


@pytest.fixture
def office(store: Store) -> Store:
    """老李 (admin, 7391) and 小王 (clerk, 2580): every write needs a PIN."""
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    store.create_operator("小王", "2580", "clerk")
    return store


def as_admin(monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    return ("--operator", "老李")


def test_backup_to_a_folder_prints_the_chain_head_of_the_copy(
        office: Store, people: dict[str, int], cli: CliRun, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    office.accept(people["张三"], "evaluation", 2)
    head = office.chain_head().words()
    folder = tmp_path / "U盘"
    folder.mkdir()
    code, out, err = cli(*as_admin(monkeypatch), "backup", "--to", str(folder))
    assert code == 0, err
    [copy] = backups_in(folder)
    assert f"已备份到 {copy}" in out and head in out and "审计链：截至第" in head
    assert copy.stat().st_mode & 0o077 == 0
    # The file form prints it too; the head printed is the copy's own.
    code, out, _ = cli(*as_admin(monkeypatch), "backup", str(tmp_path / "one.sqlite3"))
    assert code == 0 and office.chain_head().words() in out
    code, _, err = cli(*as_admin(monkeypatch), "backup", "--to", str(tmp_path / "无此文件夹"))
    assert code == 1 and "不存在" in err
    assert cli(*as_admin(monkeypatch), "backup", "--to", str(folder), "x.sqlite3")[0] == 2


def test_a_clerk_may_not_back_up_or_choose_the_second_target(
        office: Store, cli: CliRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZCDESK_PIN", "2580")
    for args in (("--to", str(tmp_path)), ("--set-second", str(tmp_path / "usb")),
                 ("--clear-second",)):
        code, _, err = cli("--operator", "小王", "backup", *args)
        assert code == 1 and "管理员" in err
    assert not backups_in(tmp_path) and office.setting(SETTING_BACKUP_FOLDER) is None
    assert cli("backup", "--to", str(tmp_path))[0] == 1  # no operator, no PIN: refused


def test_set_second_tries_the_folder_copies_once_and_the_status_shows_its_age(
        office: Store, cli: CliRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "media" / "U盘"
    code, _, err = cli(*as_admin(monkeypatch), "backup", "--set-second", str(usb / "备份"))
    assert code == 1 and "接好了吗" in err  # an unplugged stick's path is not made here
    usb.mkdir(parents=True)
    code, out, err = cli(*as_admin(monkeypatch), "backup", "--set-second", str(usb / "备份"))
    assert code == 0, err
    assert office.setting(SETTING_BACKUP_FOLDER) == str(usb / "备份")
    # The first copy is in this database's own folder there, named in the output.
    own = second_copies_of(office)
    assert own is not None and own.parent == usb / "备份" and own.name in out
    assert len(backups_in(own)) == 1 and "审计链：" in out and not backups_in(usb / "备份")
    monkeypatch.delenv("ZCDESK_PIN")
    code, out, _ = cli("backup")  # the status reads only: no PIN
    assert code == 0 and "第二份备份" in out and "小时前" in out and str(usb / "备份") in out
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    code, out, _ = cli("--operator", "老李", "backup", "--clear-second")
    assert code == 0 and office.setting(SETTING_BACKUP_FOLDER) == ""
    assert "未设置" in cli("backup")[1]


def test_each_daily_backup_is_copied_to_the_second_target(store: Store, db_url: str,
                                                           tmp_path: Path) -> None:
    main, usb = tmp_path / "backups", tmp_path / "usb"
    usb.mkdir()
    copies = usb / "test-0a1b2c3d"  # this database's folder on the stick (made on need)
    automatic_backup(db_path(db_url), main, now=DAY)
    first = copy_to_second(main, copies, now=DAY)
    assert first.made == copies / backups_in(main)[-1].name and not first.problem
    assert copy_to_second(main, copies, now=DAY).made is None  # there: not copied again
    for n in range(1, 4):
        later = DAY + dt.timedelta(days=n)
        automatic_backup(db_path(db_url), main, now=later)
        assert copy_to_second(main, copies, keep=2, now=later).made is not None
    assert [p.name for p in backups_in(copies)] == [p.name for p in backups_in(main)[-2:]]
    assert not backups_in(usb)  # nothing loose at the top of the stick
    state = second_state(main, usb, copies, DAY + dt.timedelta(days=3))
    assert state.last == DAY + dt.timedelta(days=3)
    text, detail, warn = state.notice(DAY + dt.timedelta(days=3, hours=5))
    assert text == "第二份备份 5 小时前" and str(usb) in detail and not warn
    text, _, warn = state.notice(DAY + dt.timedelta(days=6))
    assert text == "！第二份备份 3 天前" and warn  # a stale copy is worth a look


def test_a_missing_or_unwritable_second_target_warns_and_the_main_backup_still_happens(
        store: Store, db_url: str, tmp_path: Path) -> None:
    now = [DAY]
    store.clock = lambda: now[0]
    usb = tmp_path / "usb"
    usb.mkdir()
    store.set_setting(SETTING_BACKUP_FOLDER, str(usb))
    done = daily_backups(store)
    assert done.main is not None and done.second is not None and done.second.made
    usb.rename(tmp_path / "拔出")  # the stick is taken away
    now[0] = DAY + dt.timedelta(days=1)
    done = daily_backups(store)
    main = backup_folder(db_path(db_url))
    assert done.main is not None and len(backups_in(main)) == 2  # the main copy is made
    assert done.second is not None and "找不到文件夹" in done.second.problem
    text, detail, warn = done.second.notice(now[0])
    assert warn and text.startswith("！第二份备份：找不到文件夹")
    assert "上次复制到那里：24 小时前" in detail  # remembered while the stick is away
    (tmp_path / "拔出").rename(usb)
    copies = second_copies_of(store)
    assert copies is not None and copies.parent == usb
    (copies / f"{done.main.name}.partial").mkdir()  # in the way: the copy cannot be written
    done = daily_backups(store)
    assert done.main is None  # not due again today
    assert done.second is not None and "无法写入" in done.second.problem
    assert done.second.last == DAY and len(backups_in(copies)) == 1
    (copies / f"{backups_in(main)[-1].name}.partial").rmdir()
    done = daily_backups(store)  # the next hourly tick catches up
    assert done.second is not None and done.second.made and not done.second.problem
    assert [p.name for p in backups_in(copies)] == [p.name for p in backups_in(main)]


def test_the_restore_drill_restores_the_newest_copy_and_checks_it(
        store: Store, people: dict[str, int], db_url: str, tmp_path: Path,
        cli: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli("check", "--restore-drill")
    assert code == 1 and "还没有自动备份" in err
    store.accept(people["张三"], "evaluation", 2)
    main = backup_folder(db_path(db_url))
    automatic_backup(db_path(db_url), main, now=DAY)
    automatic_backup(db_path(db_url), main, now=DAY + dt.timedelta(days=1))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    code, out, err = cli("check", "--restore-drill")
    newest = backups_in(main)[-1]
    assert code == 0, out + err
    assert str(newest) in out and "通过" in out and store.chain_head().words() in out
    assert list(scratch.iterdir()) == []  # the restored file is gone
    # A copy whose trail was edited afterwards fails the drill, naming the event.
    with sqlite3.connect(newest) as conn:
        conn.execute("DROP TRIGGER event_no_update")
        conn.execute("UPDATE event SET copies = 1 WHERE kind = 'accept'")
        conn.execute("CREATE TRIGGER event_no_update BEFORE UPDATE ON event "
                     "BEGIN SELECT RAISE(ABORT, 'append-only'); END")
    code, out, err = cli("check", "--restore-drill")
    assert code == 1 and "问题：" in out and "不能正常恢复" in err
    older = backups_in(main)[0]
    code, out, _ = cli("check", "--restore-drill", str(older))  # a copy named by hand
    assert code == 0 and str(older) in out
    assert list(scratch.iterdir()) == []


def test_the_demo_backs_up_into_its_own_folder() -> None:
    from zcdesk.paths import data_dir, demo_database_path

    assert backup_folder(data_dir() / "zcdesk.sqlite3") == data_dir() / "backups"
    assert backup_folder(demo_database_path()) == data_dir() / "backups-demo"
