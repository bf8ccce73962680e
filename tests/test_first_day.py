"""The first day without a window: which step is next, the backup places, `zcdesk setup`."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.data.builders import HEADERS, person, write_csv
from zcdesk.domain.first_day import SetupState, Step, flow_needed, is_done, next_step
from zcdesk.store import Store, backup_places, first_day
from zcdesk.store.errors import InputError


def pdf_text(path: Path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


# ------------------------------------------------------------------ the rules
def test_steps_come_in_order_and_only_four_and_five_may_be_skipped() -> None:
    state = SetupState()
    assert next_step(state) is Step.ADMIN and flow_needed(state)
    state = SetupState(admins=1, started=True, point="SC", round_code="2025H1")
    assert next_step(state) is Step.OPERATORS
    state = SetupState(admins=1, started=True, point="SC", round_code="2025H1",
                       skipped=frozenset({Step.OPERATORS, Step.ROSTER}))
    assert next_step(state) is Step.BACKUP
    # a later step done does not hide an earlier one left undone
    assert next_step(SetupState(admins=1, started=True, backup_folder="/media/u")) is Step.DESK
    assert [s for s in Step if s.skippable] == [Step.OPERATORS, Step.ROSTER]
    assert is_done(Step.BACKUP, SetupState(backup_applies=False))  # PostgreSQL: pg_dump
    done = SetupState(admins=1, point="SC", round_code="2025H1", clerks=1, roster_imports=1,
                      backup_folder="/x", started=True, finished=True)
    assert next_step(done) is None and not flow_needed(done)
    # an office at work before #14 (admin, no set-up begun) is never sent through it
    assert not flow_needed(SetupState(admins=1))


def test_store_steps_resume_where_the_database_says(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    store = Store.open(url)
    try:
        first_day.create_first_admin(store, "老李", "7391")
        with pytest.raises(InputError, match="已经有操作员"):
            first_day.create_first_admin(store, "老张", "7391")
        with pytest.raises(InputError, match="不能跳过"):
            first_day.skip(store, Step.ROUND)
        with pytest.raises(InputError, match="市级签收"):
            first_day.set_desk(store, "CITY", "")
        assert store.desk_point() is None  # refused before anything was written
        first_day.set_desk(store, "sc", "窗口1")
    finally:
        store.close()
    again = Store.open(url)  # a restart: nothing remembered but the database
    try:
        state = first_day.read_state(again)
        assert (state.point, state.desk_name, state.admins) == ("SC", "窗口1", 1)
        assert next_step(state) is Step.ROUND and flow_needed(state)
        again.login("老李", "7391")
        with pytest.raises(InputError, match="未完成的设置步骤"):
            first_day.finish(again)
    finally:
        again.close()


def test_a_clerk_cannot_walk_the_setup(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'office.sqlite3'}")
    try:
        first_day.create_first_admin(store, "老李", "7391")
        store.create_operator("小王", "3690", "clerk")
        store.login("小王", "3690")
        with pytest.raises(InputError, match="管理员"):
            first_day.use_current_round(store)
        with pytest.raises(InputError, match="管理员"):
            first_day.set_backup_folder(store, tmp_path / "usb")
    finally:
        store.close()


# -------------------------------------------------------------- backup places
def test_backup_places_other_disks_and_media(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Mounted media first, then another disk; the data folder's disk, pseudo file
    systems and system folders never."""
    media = tmp_path / "media" / "clerk"
    usb, disk, data, same = media / "U盘", tmp_path / "data2", tmp_path / "home", \
        tmp_path / "backup-same-disk"
    for folder in (usb, disk, data, same):
        folder.mkdir(parents=True)
    devices = {usb: 11, disk: 12}
    monkeypatch.setattr(backup_places, "_device", lambda p: devices.get(p, 10))
    disks = {usb: "sdb", disk: "vdb"}  # /sys/class/block: another physical disk
    monkeypatch.setattr(backup_places, "_physical_disk", lambda p: disks.get(p, "vda"))
    mounts = "\n".join([
        "/dev/vda1 / ext4 rw 0 0", "proc /proc proc rw 0 0", "tmpfs /run tmpfs rw 0 0",
        f"tmpfs {tmp_path} tmpfs rw 0 0", f"/dev/vdb1 {disk} ext4 rw 0 0",
        f"/dev/vda1 {same} ext4 rw 0 0", f"/dev/sdb1 {usb} vfat rw 0 0",
        "/dev/vdc1 /boot/efi vfat rw 0 0"])
    found = backup_places._linux_places(data, [media], mounts)
    assert [(p.kind, p.path) for p in sorted(
        found, key=lambda p: (backup_places._ORDER[p.kind], str(p.path)))] == \
        [("removable", usb), ("drive", disk)]
    assert found[0].suggested_folder == usb / backup_places.FOLDER_NAME
    assert backup_places.same_disk(same, data) and not backup_places.same_disk(usb, data)


def test_mount_lines_undo_octal_escapes() -> None:
    lines = backup_places._mount_lines(
        ["/dev/sdb1 /media/clerk/My\\040Disk vfat rw 0 0",
         "/dev/sdc1 /media/clerk/\\344\\270\\212\\345\\237\\216 exfat rw 0 0"])
    assert lines == [("/dev/sdb1", "/media/clerk/My Disk", "vfat"),
                     ("/dev/sdc1", "/media/clerk/上城", "exfat")]


def test_test_write_refuses_a_folder_that_cannot_be(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(InputError, match=r"无法在.*写入测试文件"):
        backup_places.check_writable(blocker / "zcdesk-备份")
    (tmp_path / "usb").mkdir()  # only the last folder is made (test_backup_safety.py)
    backup_places.check_writable(tmp_path / "usb" / "zcdesk-备份")
    assert list((tmp_path / "usb" / "zcdesk-备份").iterdir()) == []  # nothing left behind


# ----------------------------------------------------------------- the command
def feed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_setup_from_the_command_line_to_a_first_receipt(
        cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("setup", "--status")
    assert code == 0 and "· 1. 第一位管理员：尚无管理员" in out and "下一步：第 1 步" in out

    # Without a terminal the command takes what its options give and stops, naming
    # the option the next step needs; what it did stays done.
    feed(monkeypatch, "7391\n")
    code, out, err = cli("setup", "--admin", "老李", "--point", "SC", "--window", "窗口1")
    assert code == 1
    assert "✓ 1. 管理员 老李 已建立" in out and "✓ 2. 本机：上城区（SC）· 窗口1" in out
    assert "--shipped" in err and "--round-pack" in err
    assert "下一步：第 3 步 申报轮次" in out

    # Resumed: from now on as the admin, with a PIN (stdin: own PIN, then the clerk's).
    roster = write_csv(tmp_path / "花名册.csv", [HEADERS, person(1), person(2)])
    feed(monkeypatch, "7391\n3690\n")
    code, out, err = cli("--operator", "老李", "--pin-stdin", "setup", "--shipped",
                         "--clerk", "小王", "--roster", str(roster),
                         "--backup-dir", str(tmp_path / "usb"), "--summary",
                         str(tmp_path / "摘要.pdf"))
    assert code == 0, err
    assert "✓ 3. 申报轮次：2025 上半年度（2025H1）" in out
    assert "✓ 4. 窗口人员：小王" in out and "✓ 5. 花名册已导入" in out
    # the first copy lies in this database's own folder there, as the daily ones will
    copies = list((tmp_path / "usb").rglob("zcdesk-*.sqlite3"))
    assert len(copies) == 1 and "测试写入成功" in out
    assert copies[0].parent.parent == tmp_path / "usb"
    text = pdf_text(tmp_path / "摘要.pdf")
    assert "首次设置摘要" in text and "老李" in text and "小王" in text
    assert "上城区" in text and str(tmp_path / "usb").replace(" ", "") in text
    assert "7391" not in text and "3690" not in text  # never a PIN

    code, out, _ = cli("setup", "--status", "--json")
    status = json.loads(out)
    assert status["finished"] and status["next"] is None
    assert all(step["done"] for step in status["steps"])

    # The office's first receipt, as 小王.
    monkeypatch.setenv("ZCDESK_PIN", "3690")
    code, out, err = cli("--operator", "小王", "receive", str(person(1)[4]), "评审表", "2")
    assert code == 0, err
    code, out, _ = cli("status", "--json")
    assert code == 0 and '"received"' in out


def test_setup_refuses_a_clerk_and_a_broken_round_pack(
        cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    feed(monkeypatch, "7391\n3690\n")
    code, _, err = cli("setup", "--admin", "老李", "--point", "SC", "--clerk", "小王")
    assert code == 1  # stopped at the round: --clerk waits for its step
    feed(monkeypatch, "")
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    broken = tmp_path / "2026H1.toml"
    broken.write_text("code = \"2026H1\"\n[deadlines\n", encoding="utf-8")
    code, out, err = cli("--operator", "老李", "setup", "--round-pack", str(broken))
    assert code == 1 and "轮次配置文件" in err and "没有导入" in err
    code, out, _ = cli("setup", "--status")
    assert "· 3. 申报轮次：尚未确认" in out
    # The next round's pack, drafted from the shipped one: imported and made current.
    pack = tmp_path / "2026H1.toml"
    code, _, err = cli("--operator", "老李", "round", "draft", "2026H1", "--from", "2025H1",
                       "-o", str(pack))
    assert code == 0, err
    code, out, err = cli("--operator", "老李", "setup", "--round-pack", str(pack))
    assert "✓ 3. 申报轮次：2026 上半年度（2026H1）" in out, err
    code, out, _ = cli("round", "list")
    assert "● 当前  2026H1" in out


# --------------------------------------------------------- PINs are personal
def test_setup_never_gives_the_admins_pin_to_a_clerk(
        cli, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """ZCDESK_NEW_PIN holds one PIN: refused when the run adds several people, before
    anything is written; a PIN given twice in one run is refused too."""
    monkeypatch.setenv("ZCDESK_NEW_PIN", "135790")
    feed(monkeypatch, "")
    code, out, err = cli("setup", "--admin", "王主任", "--clerk", "李四", "--point", "SC")
    assert code != 0
    assert "ZCDESK_NEW_PIN" in err and "标准输入" in err and "终端" in err
    code, out, _ = cli("setup", "--status")
    assert "尚无管理员" in out  # nothing written

    # From standard input, the clerk's line repeating the admin's: the clerk is refused.
    monkeypatch.delenv("ZCDESK_NEW_PIN")
    feed(monkeypatch, "135790\n135790\n")
    code, out, err = cli("setup", "--admin", "王主任", "--point", "SC", "--shipped",
                         "--clerk", "李四")
    assert code != 0 and "李四 的新 PIN 与本次给出的 王主任 的 PIN 相同" in err
    assert "✓ 1. 管理员 王主任 已建立" in out  # a step done stays done
    store = Store.open(db_url)
    try:
        assert {o.name for o in store.operators()} == {"王主任"}
    finally:
        store.close()


    # Two clerks from standard input, the second with the first one's PIN: refused,
    # and neither is added (every PIN is read before anyone is).
    feed(monkeypatch, "135790\n2468\n2468\n")
    code, out, err = cli("--operator", "王主任", "--pin-stdin", "setup", "--shipped",
                         "--clerk", "李四", "--clerk", "张三")
    assert code != 0 and "张三 的新 PIN 与本次给出的 李四 的 PIN 相同" in err
    store = Store.open(db_url)
    try:
        assert {o.name for o in store.operators()} == {"王主任"}
    finally:
        store.close()

    # Each their own, from their own lines.
    feed(monkeypatch, "135790\n2468\n3579\n")
    code, out, err = cli("--operator", "王主任", "--pin-stdin", "setup", "--shipped",
                         "--clerk", "李四", "--clerk", "张三", "--skip-roster")
    assert "✓ 4. 窗口人员：李四、张三" in out, err
    # One new PIN again (one clerk), with the operator's own PIN from ZCDESK_PIN.
    monkeypatch.setenv("ZCDESK_PIN", "135790")
    monkeypatch.setenv("ZCDESK_NEW_PIN", "8642")
    code, out, err = cli("--operator", "王主任", "setup", "--clerk", "赵五")
    assert "已新增窗口人员 赵五" in out, err
    store = Store.open(db_url)
    try:
        for name, pin in (("李四", "2468"), ("张三", "3579"), ("赵五", "8642")):
            assert store.login(name, pin).name == name
        with pytest.raises(InputError):
            store.login("李四", "135790")  # never the admin's
    finally:
        store.close()


def test_operator_add_still_takes_its_one_new_pin_from_the_environment(
        cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ZCDESK_NEW_PIN", "7391")
    code, _, err = cli("operator", "add", "老李", "--role", "admin")
    assert code == 0, err
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    monkeypatch.setenv("ZCDESK_NEW_PIN", "3690")
    code, _, err = cli("--operator", "老李", "operator", "add", "小王")
    assert code == 0, err


# ------------------------------------------------------ an office already at work
def old_office(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A database from before the first-day set-up, made as it was then: an admin, this
    desk's point, a clerk, a roster and a packet received; no first_day.* setting."""
    monkeypatch.setenv("ZCDESK_NEW_PIN", "7391")
    assert cli("operator", "add", "老李", "--role", "admin")[0] == 0
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    monkeypatch.setenv("ZCDESK_NEW_PIN", "3690")
    assert cli("--operator", "老李", "operator", "add", "小王")[0] == 0
    monkeypatch.delenv("ZCDESK_NEW_PIN")
    code, _, err = cli("--operator", "老李", "desk", "--point", "SC")
    assert code == 0, err
    roster = write_csv(tmp_path / "花名册.csv", [HEADERS, person(1), person(2)])
    code, _, err = cli("--operator", "老李", "roster", "import", str(roster))
    assert code == 0, err
    monkeypatch.setenv("ZCDESK_PIN", "3690")
    code, _, err = cli("--operator", "小王", "receive", str(person(1)[4]), "评审表", "2")
    assert code == 0, err
    monkeypatch.delenv("ZCDESK_PIN")


def test_an_old_office_is_in_use_and_a_clerk_cannot_reopen_its_set_up(
        cli, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    old_office(cli, tmp_path, monkeypatch)
    store = Store.open(db_url)
    try:
        assert not any(store.setting(k) for k in (
            first_day.SETTING_STARTED, first_day.SETTING_FINISHED, first_day.SETTING_ROUND))
    finally:
        store.close()
    code, out, _ = cli("setup", "--status")
    assert code == 0 and "已在使用" in out and "不需要首次设置" in out
    assert "· 3." not in out and "下一步" not in out  # its round: the current one
    code, out, _ = cli("setup", "--status", "--json")
    status = json.loads(out)
    assert status["in_use_before_set_up"] and status["next"] is None

    # A clerk's PIN: refused before anything is written.
    feed(monkeypatch, "3690\n")
    code, out, err = cli("--operator", "小王", "--pin-stdin", "setup")
    assert code != 0 and "管理员" in err
    # An admin: the options given are taken (a second clerk), nothing else asked,
    # and the office is not sent into the set-up.
    feed(monkeypatch, "7391\n2468\n")
    code, out, err = cli("--operator", "老李", "--pin-stdin", "setup", "--clerk", "小张")
    assert code == 0, err
    assert "已新增窗口人员 小张" in out and "已在使用" in out
    store = Store.open(db_url)
    try:
        state = first_day.read_state(store)
        assert not state.started and not first_day.flow_needed(state)
        assert first_day.next_step(state) is None
    finally:
        store.close()


def test_beginning_the_set_up_is_an_admins_act(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'office.sqlite3'}")
    try:
        first_day.create_first_admin(store, "老李", "7391")
        store.create_operator("小王", "3690", "clerk")
        store.login("小王", "3690")
        store.set_setting(first_day.SETTING_STARTED, "")
        with pytest.raises(InputError, match="管理员"):
            first_day.begin(store)
        assert not store.setting(first_day.SETTING_STARTED)
    finally:
        store.close()
