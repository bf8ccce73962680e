"""Backups that never take the wrong copy, never overwrite, never half-write.

A second target shared by two databases (one USB stick for two PCs, the demo's copies,
a shared network folder) keeps each database's copies in a folder of its own; names
that do not say when a copy was taken, or say a time still to come, never count and
are never pruned; `zcdesk backup FILE` never replaces a file (least of all the live
database) and a failed copy leaves nothing behind; a backup folder is never made on
this disk where an unplugged stick should be; another partition is not "another
disk"; a `%` or `#` in a folder name is just a character; a hung second target never
holds up the daily backup."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path, PureWindowsPath

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import CliRun
from tests.gui_support import make_window
from zcdesk.store import InputError, Store, backup, backup_places, first_day
from zcdesk.store.backup import (
    automatic_backup,
    backup_folder,
    backups_in,
    copy_chain_head,
    daily_backups,
    integrity_problems,
    newest_backup,
    restore_drill,
    second_copies_of,
)
from zcdesk.store.first_day import SETTING_BACKUP_FOLDER

DAY = dt.datetime(2025, 5, 1, 8)


def db_path(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite:///"))


def office_at(folder: Path, now: list[dt.datetime]) -> Store:
    """A database called zcdesk.sqlite3 in `folder` (as on every PC), with an admin."""
    folder.mkdir(parents=True, exist_ok=True)
    store = Store.open(f"sqlite:///{folder / 'zcdesk.sqlite3'}",
                       clock=lambda: now[0])
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    return store


def as_admin(monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    return ("--operator", "老李")


# ------------------------------------------------ 1. whose copy is on the stick
def test_two_pcs_sharing_one_stick_never_take_or_prune_each_others_copies(
        tmp_path: Path) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    now = [DAY]
    first, second = office_at(tmp_path / "pc1", now), office_at(tmp_path / "pc2", now)
    try:
        for store in (first, second):
            store.set_setting(SETTING_BACKUP_FOLDER, str(usb))
        # PC 2 backs up later in the day than PC 1 does, every day for a week.
        for day in range(7):
            now[0] = DAY + dt.timedelta(days=day)
            done_first = daily_backups(first)
            now[0] += dt.timedelta(hours=2)
            done_second = daily_backups(second)
            for done in (done_first, done_second):
                assert done.second is not None and done.second.made, done.second
        own_first, own_second = second_copies_of(first), second_copies_of(second)
        assert own_first is not None and own_second is not None
        # Same file name on both PCs, yet each has its own folder on the stick.
        assert own_first != own_second and {own_first.parent, own_second.parent} == {usb}
        assert own_first.name.startswith("zcdesk-") and own_second.name.startswith("zcdesk-")
        for store, own in ((first, own_first), (second, own_second)):
            main = backup_folder(db_path(store.url))
            # Each gets its own newest copy and keeps all of its own (none pruned by
            # the other's), and the status bar's age is its own.
            assert [p.name for p in backups_in(own)] == [p.name for p in backups_in(main)]
            assert len(backups_in(own)) == 7
        text, _, warn = daily_backups(first).second.notice(now[0])  # type: ignore[union-attr]
        assert text == "第二份备份 2 小时前" and not warn  # PC 1's copy: 2 h before PC 2's
        # The restore drill of PC 1 takes PC 1's copy, never PC 2's newer one.
        shutil.rmtree(backup_folder(db_path(first.url)))  # the PC's own copies lost
        assert newest_backup(db_path(first.url), own_first, now[0]) == backups_in(own_first)[-1]
    finally:
        first.close()
        second.close()


def test_the_restore_drill_tests_this_databases_copy_not_a_newer_one_of_another(
        store: Store, db_url: str, tmp_path: Path, cli: CliRun) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    store.set_setting(SETTING_BACKUP_FOLDER, str(usb))
    store.clock = lambda: DAY
    done = daily_backups(store)
    assert done.second is not None and done.second.made is not None
    shutil.rmtree(backup_folder(db_path(db_url)))  # only the stick's copy is left
    # Another office's newer copy, straight in the stick's folder (an older zcdesk put
    # them there): a good database, but not this one.
    other = office_at(tmp_path / "别处", [DAY])
    other.backup_to(usb / "zcdesk-20250601-080000.sqlite3")
    other.close()
    code, out, err = cli("check", "--restore-drill")
    assert code == 0, out + err
    assert f"恢复演练：{done.second.made}" in out


def test_undated_and_future_dated_names_neither_count_nor_get_deleted(
        store: Store, db_url: str, tmp_path: Path) -> None:
    now = [DAY]
    store.clock = lambda: now[0]
    usb = tmp_path / "U盘"
    usb.mkdir()
    store.set_setting(SETTING_BACKUP_FOLDER, str(usb))
    main = backup_folder(db_path(db_url))
    main.mkdir()
    # Main folder: a copy from the day the clock said 2099 would have stopped every
    # daily backup; a name without a date would have counted as the newest.
    automatic_backup(db_path(db_url), main, now=DAY - dt.timedelta(days=1))
    future = shutil.copy(backups_in(main)[0], main / "zcdesk-20990101-000000.sqlite3")
    kept = shutil.copy(backups_in(main)[0], main / "zcdesk-留着.sqlite3")
    assert automatic_backup(db_path(db_url), main, now=DAY) is not None
    done = daily_backups(store)
    assert done.second is not None and done.second.made is not None
    own = done.second.made.parent
    shutil.copy(done.second.made, own / "zcdesk-20990101-000000.sqlite3")
    shutil.copy(done.second.made, own / "zcdesk-zzz.sqlite3")  # sorts after every date
    for day in range(1, 20):
        now[0] = DAY + dt.timedelta(days=day)
        done = daily_backups(store)
        assert done.main is not None
        assert done.second is not None and done.second.made is not None, done.second
        assert done.second.last == now[0]  # fresh: not the 2099 name's "age"
        again = daily_backups(store)  # the next hourly tick copies nothing again
        assert again.second is not None and again.second.made is None
    # Pruned: only names that say when they were taken; the odd ones stay.
    for folder in (main, own):
        names = {p.name for p in backups_in(folder)}
        assert {"zcdesk-20990101-000000.sqlite3"} <= names
        dated = [p for p in backups_in(folder) if p.name[7:15].isdigit()]
        assert len(dated) == 14
    assert Path(future).exists() and Path(kept).exists() and (own / "zcdesk-zzz.sqlite3").exists()
    # The restore drill never takes the 2099 copy either.
    newest = newest_backup(db_path(db_url), own, now[0])
    assert newest is not None and newest.name == f"zcdesk-{now[0]:%Y%m%d-%H%M%S}.sqlite3"


# ------------------------------------------------------- 2. never overwrite
def test_backup_file_refuses_the_live_database_and_any_existing_file(
        store: Store, people: dict[str, int], db_url: str, tmp_path: Path,
        cli: CliRun) -> None:
    store.accept(people["张三"], "evaluation", 2)
    live = db_path(db_url)
    events = len(store.audit())
    code, _, err = cli("backup", str(live))
    assert code == 1 and "正在使用的数据库文件" in err and "Traceback" not in err
    (tmp_path / "链接").symlink_to(tmp_path)
    code, _, err = cli("backup", str(tmp_path / "链接" / live.name))  # the same file
    assert code == 1 and "正在使用的数据库文件" in err
    assert len(store.audit()) == events and store.check() == []
    earlier = tmp_path / "上周的备份.sqlite3"
    earlier.write_bytes(b"last week")
    code, _, err = cli("backup", str(earlier))
    assert code == 1 and "已存在" in err and "另选一个文件名" in err
    assert earlier.read_bytes() == b"last week"


# ------------------------------------------- 3. a failed copy leaves nothing
@pytest.fixture
def stick_pulled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The medium goes away in the middle of SQLite's copy (as disk full does)."""
    real_connect = sqlite3.connect

    class Source:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def backup(self, target: sqlite3.Connection, **_: object) -> None:
            target.execute("CREATE TABLE half_written (x)")
            raise sqlite3.OperationalError("disk I/O error")

        def close(self) -> None:
            self.conn.close()

    def connect(database: object, *args: object, **kwargs: object) -> object:
        conn = real_connect(database, *args, **kwargs)  # type: ignore[call-overload]
        read_only = kwargs.get("uri") and str(database).endswith("?mode=ro")
        return Source(conn) if read_only else conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_copy_that_fails_half_way_says_so_and_leaves_nothing(
        store: Store, db_url: str, tmp_path: Path, stick_pulled: None) -> None:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    target = tmp_path / "U盘" / "zcdesk-备份.sqlite3"
    target.parent.mkdir()
    with pytest.raises(InputError, match=r"无法写入备份.*disk I/O error.*U 盘或磁盘是否已插好"):
        store.backup_to(target)
    assert list(target.parent.iterdir()) == []  # no <name>.partial left behind


def test_the_command_says_so_in_words_without_a_traceback(
        store: Store, tmp_path: Path, cli: CliRun, stick_pulled: None) -> None:
    target = tmp_path / "copy.sqlite3"
    code, _, err = cli("backup", str(target))
    assert code == 1 and "无法写入备份" in err and "Traceback" not in err
    assert list(tmp_path.glob("copy.sqlite3*")) == []


def test_the_window_shows_a_refused_backup_in_words(
        qtbot: QtBot, store: Store, db_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Store, "automatic_backup", lambda self, keep=14: None)
    store.create_operator("老李", "2468", "admin")
    store.login("老李", "2468")
    window = make_window(qtbot, store)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(db_path(db_url)), "")))
    window.ui.actionBackup.trigger()
    assert "正在使用的数据库文件" in window.message_text()
    assert store.check() == []


# ------------------------------------ 4. no folder made where a stick should be
def test_setting_a_backup_folder_never_makes_the_missing_path_on_this_disk(
        store: Store, tmp_path: Path) -> None:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    unplugged = tmp_path / "media" / "U盘"  # the stick's mount point is not there
    for call in (lambda: backup_places.check_writable(unplugged / "zcdesk-备份"),
                 lambda: first_day.set_backup_folder(store, unplugged / "zcdesk-备份")):
        with pytest.raises(InputError, match="不存在：U 盘或网络文件夹接好了吗"):
            call()
        assert not (tmp_path / "media").exists()
    assert store.setting(SETTING_BACKUP_FOLDER) is None
    # Only the last folder is made, on a medium that is there.
    unplugged.mkdir(parents=True)
    copy = first_day.set_backup_folder(store, unplugged / "zcdesk-备份")
    assert copy.parent.parent == unplugged / "zcdesk-备份"  # in this database's own folder


# ------------------------------------------------ 5. a partition is not a disk
def test_another_partition_of_this_disk_is_not_offered_as_another_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, same_disk, other_disk, unknown = (tmp_path / n for n in ("home", "D盘", "E盘", "lvm"))
    for folder in (data, same_disk, other_disk, unknown):
        folder.mkdir()
    devices = {same_disk: 11, other_disk: 12, unknown: 13}
    monkeypatch.setattr(backup_places, "_device", lambda p: devices.get(p, 10))
    disks = {data: "sda", same_disk: "sda", other_disk: "sdb", unknown: None}
    monkeypatch.setattr(backup_places, "_physical_disk", lambda p: disks.get(p, "sda"))
    mounts = "\n".join([f"/dev/sda2 {same_disk} ext4 rw 0 0", f"/dev/sdb1 {other_disk} ext4 rw 0 0",
                        f"/dev/mapper/vg-data {unknown} ext4 rw 0 0"])
    found = {p.path: p for p in backup_places._linux_places(data, [], mounts)}
    assert found[other_disk].kind == "drive" and not found[other_disk].warning
    for maybe_same in (same_disk, unknown):  # same disk, or cannot be told: no claim
        place = found[maybe_same]
        assert place.kind == "partition"
        assert backup_places.KIND_WORDS[place.kind] == "另一个分区（可能与本机同一块磁盘）"
        assert "同一块磁盘" in place.warning and "U 盘" in place.warning
    order = sorted(found.values(), key=lambda p: (backup_places._ORDER[p.kind], str(p.path)))
    assert order[0].path == other_disk  # a known other disk before a mere partition


# ------------------------------------------- 6. a % or # in the folder name
def test_a_percent_or_hash_in_the_folder_name_is_just_a_character(
        store: Store, people: dict[str, int], tmp_path: Path) -> None:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    store.accept(people["张三"], "evaluation", 2)
    folder = tmp_path / "备份#1 100%41 ?x"
    folder.mkdir()
    copy = store.backup_to(folder / "zcdesk-20250501-080000.sqlite3")
    assert integrity_problems(copy) == []
    assert copy_chain_head(copy) == store.chain_head().words()
    drill = restore_drill(copy)
    assert drill.problems == [] and drill.head_words == store.chain_head().words()


def test_windows_paths_make_the_uri_sqlite_expects() -> None:
    uri = backup.file_uri(PureWindowsPath(r"C:\数据\备份#1 100%\zcdesk.sqlite3"))
    assert uri.startswith("file:///C:/") and uri.endswith("/%E5%A4%87%E4%BB%BD%231%20100%25/"
                                                          "zcdesk.sqlite3")
    # A share (or a mapped drive, once resolved): no URI authority, which SQLite refuses.
    share = backup.file_uri(PureWindowsPath(r"\\server\共享\备份#1\zcdesk.sqlite3"))
    assert share == "file:////server/%E5%85%B1%E4%BA%AB/%E5%A4%87%E4%BB%BD%231/zcdesk.sqlite3"
    assert backup.read_only_uri(Path("/tmp/a#b%c")) == "file:///tmp/a%23b%25c?mode=ro"


# ----------------------------------- 7. a hung second target holds up nothing else
def test_a_hung_second_target_does_not_stop_the_daily_backup(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []

    def main_backup(self: Store, keep: int = 14) -> Path:
        made.append(1)
        return tmp_path / f"zcdesk-2025050{len(made)}-080000.sqlite3"

    monkeypatch.setattr(Store, "automatic_backup", main_backup)
    release = threading.Event()
    started = threading.Event()
    real_second_copy = backup.second_copy

    def hung_share(store_: Store) -> object:
        started.set()
        release.wait(20)  # a network folder that does not answer
        return real_second_copy(store_)

    monkeypatch.setattr(backup, "second_copy", hung_share)
    store.set_setting(SETTING_BACKUP_FOLDER, str(tmp_path))
    window = make_window(qtbot, store)
    session = window.session
    try:
        session.start_backups()
        qtbot.waitUntil(lambda: len(session.backups) == 1 and session.second_running,
                        timeout=5000)
        assert started.wait(5)
        session.backup_now()  # the next hourly tick: the daily backup still runs
        qtbot.waitUntil(lambda: len(session.backups) == 2, timeout=5000)
        assert session.backups[1] is not None and not session.backup_running
        assert window.notice_text() == "！第二份备份：上次复制仍未结束"
        assert "主备份不受影响" in window._notice_label.toolTip()
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(session.second_copies), timeout=10000)
    assert not session.second_running
