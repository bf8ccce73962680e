"""One identity everywhere (#12): the command line's write commands log an operator in
with their PIN, roles hold as in the window, set-up mode, the stored lockout."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from tests.conftest import FIXED_NOW, ID_ZHANG, CliRun
from tests.data.builders import HEADERS, person, write_xlsx
from zcdesk.domain.pin import duration_words, lockout_seconds, operator_key
from zcdesk.store import InputError, Store
from zcdesk.store import models as m
from zcdesk.store.operator_ops import SETUP_OPERATOR, UNKNOWN_OPERATOR

pytestmark = pytest.mark.both_backends

ADD_ZHANG = ("applicant", "add", "--name", "张三", "--id-number", ID_ZHANG,
             "--unit", "杭州汽轮机股份有限公司")


def stdin(monkeypatch: pytest.MonkeyPatch, lines: str) -> io.StringIO:
    feed = io.StringIO(lines)
    monkeypatch.setattr("sys.stdin", feed)
    return feed


def snapshot(db_url: str) -> dict[str, Any]:
    """What a refused command must leave as it was."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return {table: conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all()
                    for table in ("event", "operator", "setting", "applicant", "batch")}
    finally:
        engine.dispose()


def audit(cli: CliRun) -> list[dict[str, Any]]:
    code, out, err = cli("audit", "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def office(store: Store) -> Store:
    """老李 (admin, 7391) and 小王 (clerk, 2580): set-up mode is over."""
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    store.create_operator("小王", "2580", "clerk")
    return store


# ------------------------------------------------------------------ set-up mode

def test_set_up_mode_needs_no_pin_and_ends_with_the_first_admin(
        cli: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("desk", "--point", "SC", "--name", "窗口1")[0] == 0  # no PIN: nobody to ask
    assert cli(*ADD_ZHANG)[0] == 0
    assert {e["operator"] for e in audit(cli)} == {SETUP_OPERATOR}  # never the OS user

    before = len(audit(cli))
    for option in (("--operator", "小王"), ("--pin-stdin",)):
        stdin(monkeypatch, "2580\n")
        code, _, err = cli(*option, "receive", ID_ZHANG, "evaluation", "1")
        assert code == 1
        assert "还没有任何操作员" in err and "operator add 姓名 --role admin" in err
    assert len(audit(cli)) == before

    stdin(monkeypatch, "2580\n")
    code, _, err = cli("operator", "add", "小王")
    assert code == 1 and "第一个操作员必须是管理员" in err
    stdin(monkeypatch, "7391\n")  # the new PIN: no PIN of one's own comes first
    assert cli("operator", "add", "老李", "--role", "admin")[0] == 0
    added = audit(cli)[-1]
    assert (added["kind"], added["operator"]) == ("operator_added", SETUP_OPERATOR)

    # From now on every write needs an operator and their PIN.
    code, _, err = cli("receive", ID_ZHANG, "evaluation", "1")
    assert code == 1 and "--operator" in err and "ZCDESK_PIN" in err
    code, _, err = cli("--operator", "老李", "receive", ID_ZHANG, "evaluation", "1")
    assert code == 1 and "ZCDESK_PIN" in err and "--pin-stdin" in err  # no terminal here
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    assert cli("--operator", "老李", "receive", ID_ZHANG, "evaluation", "1")[0] == 0
    received = audit(cli)[-1]
    assert (received["kind"], received["operator"]) == ("accept", "老李")
    assert not [e for e in audit(cli) if e["kind"] == "login"]  # a command is no session


def test_the_new_pin_of_the_first_admin_from_the_environment(
        cli: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZCDESK_NEW_PIN", "7391")
    monkeypatch.setenv("ZCDESK_PIN", "1111")  # ignored in set-up mode: nobody to check
    feed = stdin(monkeypatch, "")
    assert cli("operator", "add", "老李", "--role", "admin")[0] == 0
    assert feed.tell() == 0
    monkeypatch.delenv("ZCDESK_NEW_PIN")
    code, _, err = cli("operator", "add", "小王")
    assert code == 1 and "--operator" in err  # set-up is over: who is adding?
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    code, _, err = cli("--operator", "老李", "operator", "add", "小王")
    assert code == 1 and "ZCDESK_NEW_PIN" in err  # no new PIN anywhere
    assert [o["kind"] for o in audit(cli)].count("operator_added") == 1


# ------------------------------------------------------------- roles and PINs

@pytest.mark.parametrize("argv", [
    ("operator", "add", "小赵"), ("operator", "add", "小赵", "--role", "admin"),
    ("operator", "disable", "老李"), ("operator", "reset-pin", "老李"),
    ("desk", "--point", "XH"), ("desk", "--name", "窗口9"), ("desk", "--idle-lock", "0"),
    ("roster", "import", "ROSTER"), ("backup", "BACKUP"), ("restore", "BACKUP"),
    ("batch", "new"), ("calendar", "correction-days", "10"),
])
def test_a_clerk_with_the_right_pin_is_refused_admin_commands(
        office: Store, cli: CliRun, db_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]) -> None:
    roster = write_xlsx(tmp_path / "roster.xlsx", [HEADERS, person(0)])
    backup = tmp_path / "backup.sqlite3"
    args = [str(roster) if a == "ROSTER" else str(backup) if a == "BACKUP" else a
            for a in argv]
    monkeypatch.setenv("ZCDESK_PIN", "2580")
    feed = stdin(monkeypatch, "4826\n")  # a new PIN, should one be asked for
    before = snapshot(db_url)
    code, _, err = cli("--operator", "小王", *args)
    assert code == 1 and "需要管理员权限" in err
    assert snapshot(db_url) == before
    assert feed.tell() == 0  # a clerk is not asked for a new PIN in vain
    assert not backup.exists()


def test_the_admin_may_what_the_clerk_may_not(office: Store, cli: CliRun,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    stdin(monkeypatch, "4826\n")
    assert cli("--operator", "老李", "operator", "add", "小赵")[0] == 0
    assert cli("--operator", "老李", "desk", "--point", "XH")[0] == 0
    assert cli("--operator", "老李", "operator", "disable", "小赵")[0] == 0
    events = audit(cli)[-3:]
    assert [(e["kind"], e["operator"]) for e in events] == [
        ("operator_added", "老李"), ("setting_changed", "老李"), ("operator_changed", "老李")]


def test_wrong_missing_and_unknown_pins_write_nothing_but_the_failure(
        office: Store, cli: CliRun, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(db_url)
    code, _, err = cli("--operator", "小王", *ADD_ZHANG)  # no PIN, no terminal
    assert code == 1 and "需要操作员“小王”的 PIN" in err
    assert snapshot(db_url) == before

    monkeypatch.setenv("ZCDESK_PIN", "0000")
    code, _, err = cli("--operator", "小王", *ADD_ZHANG)
    assert code == 1 and "姓名或 PIN 不正确" in err
    code, _, err = cli("--operator", "小赵", *ADD_ZHANG)  # nobody of that name
    assert code == 1 and "姓名或 PIN 不正确" in err
    monkeypatch.setenv("ZCDESK_PIN", "25a0")
    code, _, err = cli("--operator", "小王", *ADD_ZHANG)
    assert code == 1 and "4 到 12 位数字（来自环境变量 ZCDESK_PIN）" in err  # no attempt
    after = snapshot(db_url)
    assert after["applicant"] == before["applicant"] and after["setting"] == before["setting"]
    failed = [e for e in audit(cli) if e["kind"] == "login_failed"]
    assert [(e["operator"], e["detail"]["name"], e["detail"]["known"]) for e in failed] == [
        ("小王", "小王", True), (UNKNOWN_OPERATOR, "小赵", False)]
    assert failed[0]["description"] == "登录失败：小王 PIN 错误（连续第 1 次）"
    assert failed[1]["description"] == "登录失败：没有操作员“小赵”"
    assert all("0000" not in json.dumps(e, ensure_ascii=False) for e in failed)


def test_the_pin_from_the_environment_stdin_or_nowhere(
        office: Store, cli: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin(monkeypatch, "2580\n")
    assert cli("--operator", "小王", "--pin-stdin", *ADD_ZHANG)[0] == 0
    monkeypatch.setenv("ZCDESK_PIN", "0000")  # --pin-stdin, given, wins over the environment
    stdin(monkeypatch, "2580\n")
    assert cli("receive", ID_ZHANG, "evaluation", "1", "--operator", "小王", "--pin-stdin")[0] == 0
    stdin(monkeypatch, "")
    code, _, err = cli("--operator", "小王", "--pin-stdin", "undo")
    assert code == 1 and "第一行" in err
    monkeypatch.setenv("ZCDESK_PIN", "2580")
    assert cli("--operator", " 小王\u3000", "undo")[0] == 0  # the name as typed, folded
    assert [e["operator"] for e in audit(cli)][-3:] == ["小王", "小王", "小王"]


def test_read_only_commands_need_no_pin(office: Store, cli: CliRun, tmp_path: Path) -> None:
    for argv in (("status",), ("audit",), ("operator", "list"), ("desk",), ("round", "list"),
                 ("batch", "list"), ("check",), ("deadlines",), ("stats",),
                 ("roster", "import", str(write_xlsx(tmp_path / "r.xlsx", [HEADERS, person(0)])),
                  "--dry-run"),
                 ("--operator", "小王", "status")):  # an --operator on a read: not checked
        code, _, err = cli(*argv)
        assert code == 0, (argv, err)


def test_files_with_personal_data_need_a_pin(office: Store, people: dict[str, int],
                                             cli: CliRun, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.csv"
    cover = tmp_path / "cover.pdf"
    for argv in (("export", str(target)), ("print", "cover", "--all", "-o", str(cover))):
        code, _, err = cli(*argv)
        assert code == 1 and "需要操作员身份" in err
    assert not target.exists() and not cover.exists()
    monkeypatch.setenv("ZCDESK_PIN", "2580")
    assert cli("--operator", "小王", "export", str(target))[0] == 0
    assert target.exists()


def test_one_pin_change_is_ones_own(office: Store, cli: CliRun,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    stdin(monkeypatch, "7391\n8264\n")
    code, _, err = cli("--operator", "老李", "--pin-stdin", "operator", "pin", "小王")
    assert code == 1 and "只能修改自己的 PIN" in err
    monkeypatch.setenv("ZCDESK_PIN", "2580")  # 小王's current PIN …
    monkeypatch.setenv("ZCDESK_NEW_PIN", "8264")  # … and the new one: two sources
    assert cli("operator", "pin", "小王")[0] == 0
    monkeypatch.delenv("ZCDESK_NEW_PIN")
    code, _, err = cli("--operator", "小王", *ADD_ZHANG)
    assert code == 1 and "不正确" in err
    monkeypatch.setenv("ZCDESK_PIN", "8264")
    assert cli("--operator", "小王", *ADD_ZHANG)[0] == 0


# ------------------------------------------------------------------- lockout

class Clock:
    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self) -> dt.datetime:
        return self.now


def test_the_lockout_is_stored_doubles_and_is_audited(office: Store, db_url: str) -> None:
    clock = Clock()
    first = Store.open(db_url, desk="窗口1", clock=clock)
    second = Store.open(db_url, desk="窗口2", clock=clock)  # another desk, or a restart
    try:
        for _ in range(5):
            with pytest.raises(InputError, match="不正确"):
                first.login("小王", "0000")
        with pytest.raises(InputError, match="请 1 分钟后再试（09:31 解锁）"):
            second.login("小王", "2580")  # the right PIN, but locked: not even checked
        clock.now += dt.timedelta(seconds=61)
        with pytest.raises(InputError, match="锁定 2 分钟"):  # the 6th: twice as long
            second.login(" 小王 ", "1357")  # the same person however spelt
        with pytest.raises(InputError, match="请 2 分钟后再试"):
            first.login("小王", "2580")
        clock.now += dt.timedelta(minutes=2)
        assert first.login("小王", "2580").name == "小王"  # the lock is over and reset
        for _ in range(4):
            with pytest.raises(InputError):
                second.login("小王", "0000")
        assert second.login("小王", "2580").name == "小王"  # 4 in a row: no lock
    finally:
        first.close()
        second.close()
    failed = [e for e in office.audit() if e.kind == "login_failed"]
    assert [e.detail["failures"] for e in failed] == [1, 2, 3, 4, 5, 5, 6, 6, 1, 2, 3, 4]
    assert [e.detail.get("while_locked", False) for e in failed][4:8] == [
        False, True, False, True]
    assert failed[4].detail == {"name": "小王", "known": True, "failures": 5,
                                "locked_until": "2025-05-18T09:31:00"}
    assert {(e.operator, e.desk) for e in failed} == {("小王", "窗口1"), ("小王", "窗口2")}
    assert all("0000" not in str(e.detail) and "2580" not in str(e.detail) for e in failed)


def lock_of(db_url: str, name: str) -> tuple[int, float | None]:
    """(wrong PINs in a row, seconds the lock has still to run) as stored."""
    engine = create_engine(db_url)
    try:
        with Session(engine) as s:
            row = s.scalars(select(m.Operator).where(m.Operator.name == name)).one()
            failures, until = row.failed_logins, row.locked_until
    finally:
        engine.dispose()
    return failures, (until - dt.datetime.now()).total_seconds() if until else None


def end_lock(db_url: str, name: str) -> None:
    """As if the lock's time had run out."""
    engine = create_engine(db_url)
    try:
        with Session(engine) as s, s.begin():
            row = s.scalars(select(m.Operator).where(m.Operator.name == name)).one()
            row.locked_until = dt.datetime.now() - dt.timedelta(seconds=1)
    finally:
        engine.dispose()


def test_the_lockout_holds_across_command_runs_until_an_admin_resets(
        office: Store, cli: CliRun, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZCDESK_PIN", "0000")
    for _ in range(4):
        assert cli("--operator", "小王", *ADD_ZHANG)[0] == 1
    assert lock_of(db_url, "小王") == (4, None)
    code, _, err = cli("--operator", "小王", *ADD_ZHANG)
    assert code == 1 and "锁定 1 分钟" in err
    failures, left = lock_of(db_url, "小王")
    assert failures == 5 and left is not None and 50 < left <= 60
    monkeypatch.setenv("ZCDESK_PIN", "2580")
    code, _, err = cli("--operator", "小王", *ADD_ZHANG)  # the right PIN: still locked
    assert code == 1 and "已被锁定" in err and "管理员重置" in err
    end_lock(db_url, "小王")  # the minute has passed …
    monkeypatch.setenv("ZCDESK_PIN", "0000")
    code, _, err = cli("--operator", "小王", *ADD_ZHANG)  # … and the next wrong PIN doubles it
    assert code == 1 and "锁定 2 分钟" in err
    failures, left = lock_of(db_url, "小王")
    assert failures == 6 and left is not None and 110 < left <= 120
    monkeypatch.setenv("ZCDESK_PIN", "7391")
    monkeypatch.setenv("ZCDESK_NEW_PIN", "4826")
    assert cli("--operator", "老李", "operator", "reset-pin", "小王")[0] == 0
    monkeypatch.setenv("ZCDESK_PIN", "4826")
    assert cli("--operator", "小王", *ADD_ZHANG)[0] == 0
    assert lock_of(db_url, "小王") == (0, None)
    failed = [e for e in audit(cli) if e["kind"] == "login_failed"]
    assert [e["detail"]["failures"] for e in failed] == [1, 2, 3, 4, 5, 5, 6]
    assert failed[5]["detail"]["while_locked"] is True


def test_wrong_current_pins_in_a_pin_change_are_audited(office: Store) -> None:
    office.login("小王", "2580")
    with pytest.raises(InputError, match="原 PIN 不正确"):
        office.change_pin("小王", "0000", "8264")
    entry = [e for e in office.audit() if e.kind == "login_failed"][-1]
    assert entry.operator == "小王"
    assert entry.detail == {"name": "小王", "known": True, "failures": 1,
                            "locked_until": None, "during": "change_pin"}


def test_unknown_names_are_audited_and_slowed(store: Store) -> None:
    store.create_operator("老李", "7391", "admin")
    for number in range(5):
        with pytest.raises(InputError, match=r"姓名或 PIN 不正确。$"):
            store.login(f"某人{number}", "1357")
    with pytest.raises(InputError, match="过于频繁"):
        store.login("某人9", "1357")
    assert store.login("老李", "7391").name == "老李"  # a known name is not held up
    failed = [e for e in store.audit() if e.kind == "login_failed"]
    assert len(failed) == 6 and {e.operator for e in failed} == {UNKNOWN_OPERATOR}
    assert failed[0].detail == {"name": "某人0", "known": False, "failures": 1,
                                "locked_until": None}


# ------------------------------------------------------------------ the name

def test_names_are_folded_for_create_login_and_lookup(store: Store) -> None:
    assert operator_key(" 小王 ") == operator_key("小\u3000王") == "小王"
    assert operator_key("\u200b小王\t") == "小王" and operator_key("ＬＩ　Ｍｉｎｇ") == "LIMing"
    store.create_operator("  老李 ", "7391", "admin")
    assert [o.name for o in store.operators()] == ["老李"]
    with pytest.raises(InputError, match="已存在"):
        store.create_operator("老\u3000李", "8264", "admin")
    assert store.login("老李\u3000", "7391").name == "老李"
    assert store.operator == "老李"
    store.create_operator("小王", "2580", "clerk")
    store.set_operator_active(" 小王", False)
    assert {o.name: o.active for o in store.operators()} == {"小王": False, "老李": True}


def test_lockout_durations() -> None:
    assert [lockout_seconds(n) for n in range(4, 9)] == [0, 60, 120, 240, 480]
    assert lockout_seconds(40) == lockout_seconds(10_000) == 24 * 3600
    assert duration_words(60) == "1 分钟" and duration_words(61) == "2 分钟"
    assert duration_words(3840) == "1 小时 4 分钟" and duration_words(86400) == "24 小时"


# --------------------------------------------------------------------- demo

@pytest.mark.sqlite_only
def test_the_demo_needs_its_published_pins(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from zcdesk.cli import main

    assert main(["--demo", "status"]) == 0
    capsys.readouterr()
    assert main(["--demo", "desk", "--name", "演示窗口 2"]) == 1
    assert "--operator" in capsys.readouterr().err
    monkeypatch.setenv("ZCDESK_PIN", "3690")
    assert main(["--demo", "--operator", "小王", "desk", "--name", "演示窗口 2"]) == 1
    assert "需要管理员权限" in capsys.readouterr().err
    monkeypatch.setenv("ZCDESK_PIN", "2580")
    assert main(["--demo", "--operator", "演示管理员", "desk", "--name", "演示窗口 2"]) == 0
