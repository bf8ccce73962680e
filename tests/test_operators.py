"""Operators: scrypt PINs, roles, the first admin, lockout; every event names who."""

from __future__ import annotations

import pytest

from tests.conftest import CliRun
from zcdesk.domain.pin import hash_pin, pin_problem, verify_pin
from zcdesk.store import InputError, Store
from zcdesk.store.operator_ops import NotAllowed

pytestmark = pytest.mark.both_backends


def test_pin_hash_is_scrypt_and_salted() -> None:
    first, second = hash_pin("2580"), hash_pin("2580")
    assert first.startswith("scrypt$") and first != second and "2580" not in first
    assert verify_pin("2580", first) and not verify_pin("2581", first)
    assert not verify_pin("2580", "garbage")
    assert pin_problem("1234") and pin_problem("0000") and pin_problem("12a4")
    assert pin_problem("2580") is None


def test_first_operator_is_admin_then_roles_apply(store: Store,
                                                  people: dict[str, int]) -> None:
    assert store.needs_first_admin()
    with pytest.raises(InputError, match="管理员"):
        store.create_operator("小王", "2580", "clerk")
    store.create_operator("老李", "7391", "admin")
    assert not store.needs_first_admin()
    store.login("老李", "7391")
    store.create_operator("小王", "2580", "clerk")
    assert [(o.name, o.role) for o in store.operators()] == [("小王", "clerk"), ("老李", "admin")]

    store.login("小王", "2580")
    assert store.operator == "小王"
    result = store.accept(people["张三"], "evaluation", 2)  # a clerk receives …
    assert result.packet.state.item("evaluation").accepted == 2
    with pytest.raises(NotAllowed, match="管理员"):  # … but does not build batches
        store.new_batch()
    with pytest.raises(NotAllowed):
        store.create_operator("小赵", "3692", "clerk")
    with pytest.raises(NotAllowed):
        store.import_roster([])
    history = store.history(result.packet.applicant.id)
    assert history[-1].operator == "小王"


def test_wrong_pins_lock_out_for_a_minute(store: Store) -> None:
    store.create_operator("老李", "7391", "admin")
    for _ in range(5):
        with pytest.raises(InputError, match="不正确"):
            store.login("老李", "0000")
    with pytest.raises(InputError, match="1 分钟"):
        store.login("老李", "7391")


def test_the_only_admin_cannot_be_deactivated(store: Store) -> None:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    with pytest.raises(InputError, match="唯一"):
        store.set_operator_active("老李", False)
    store.change_pin("老李", "7391", "8264")
    store.login("老李", "8264")


def test_operator_command(db_url: str, store: Store, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from zcdesk.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("7391\n"))
    assert main(["--db", db_url, "operator", "add", "老李", "--role", "admin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    monkeypatch.setenv("ZCDESK_PIN", "7391")  # from now on: an operator and their PIN
    assert main(["--db", db_url, "--operator", "老李", "operator", "add", "小赵"]) == 1
    assert "过于简单" in capsys.readouterr().err
    assert main(["--db", db_url, "operator", "list"]) == 0
    assert "老李  管理员" in capsys.readouterr().out


def test_a_scan_in_the_pin_field_is_no_attempt(store: Store) -> None:
    store.create_operator("老李", "7391", "admin")
    for _ in range(8):  # a scanner typing into the lock dialog
        with pytest.raises(InputError, match="扫描"):
            store.login("老李", "330102199001011234")
    assert store.login("老李", "7391").name == "老李"  # not locked out


def test_change_own_pin_follows_the_pin_rules_and_is_audited(store: Store) -> None:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    store.create_operator("小王", "2580", "clerk")
    store.login("小王", "2580")
    with pytest.raises(InputError, match="过于简单"):
        store.change_pin("小王", "2580", "1234")
    with pytest.raises(InputError, match="原 PIN 不正确"):
        store.change_pin("小王", "0000", "8264")
    with pytest.raises(InputError, match="相同"):
        store.change_pin("小王", "2580", "2580")
    with pytest.raises(NotAllowed, match="自己的 PIN"):  # a clerk: only their own
        store.change_pin("老李", "7391", "8264")
    store.change_pin("小王", "2580", "8264")
    with pytest.raises(InputError, match="不正确"):
        store.login("小王", "2580")
    store.login("小王", "8264")
    entry = [e for e in store.audit() if e.kind == "pin_changed"][-1]
    assert (entry.operator, entry.detail) == ("小王", {"name": "小王"})
    assert "8264" not in str(entry.detail) and "2580" not in str(entry.detail)
    assert entry.description == "操作员 小王 修改 PIN"


def test_wrong_current_pins_lock_out_like_logins(store: Store) -> None:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    for _ in range(5):
        with pytest.raises(InputError, match="原 PIN 不正确"):
            store.change_pin("老李", "0000", "8264")
    with pytest.raises(InputError, match="1 分钟"):
        store.change_pin("老李", "7391", "8264")


def test_admin_resets_another_operators_pin(store: Store) -> None:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    store.create_operator("小王", "2580", "clerk")
    for _ in range(5):  # 小王 forgot it and is locked out
        with pytest.raises(InputError):
            store.login("小王", "0000")
    store.login("老李", "7391")
    with pytest.raises(InputError, match="过于简单"):
        store.reset_pin("小王", "5555")
    with pytest.raises(InputError, match="修改我的 PIN"):
        store.reset_pin("老李", "8264")
    with pytest.raises(InputError, match="没有操作员"):
        store.reset_pin("小赵", "8264")
    store.reset_pin("小王", "4826")
    entry = [e for e in store.audit() if e.kind == "pin_reset"][-1]
    assert (entry.operator, entry.detail) == ("老李", {"name": "小王"})
    assert entry.description == "重置操作员 小王 的 PIN"
    assert store.login("小王", "4826").name == "小王"  # the lockout is over too
    with pytest.raises(NotAllowed):  # a clerk resets nobody's PIN
        store.reset_pin("老李", "8264")


def test_idle_lock_minutes_need_an_admin(store: Store) -> None:
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    store.create_operator("小王", "2580", "clerk")
    with pytest.raises(InputError, match="1440"):
        store.set_idle_lock_minutes(2000)
    store.set_idle_lock_minutes(5)
    assert store.setting("desk.idle_lock_minutes") == "5"
    store.login("小王", "2580")
    with pytest.raises(NotAllowed):
        store.set_idle_lock_minutes(0)


def test_operator_pin_commands(cli: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    def stdin(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))

    stdin("7391\n")  # set-up mode: no PIN of one's own, the new one from stdin
    assert cli("operator", "add", "老李", "--role", "admin")[0] == 0
    stdin("7391\n2580\n")  # --pin-stdin: one's own PIN, then the new one
    assert cli("--operator", "老李", "--pin-stdin", "operator", "add", "小王")[0] == 0
    stdin("2580\n1111\n")  # pin NAME: logs NAME in with the current PIN
    code, _, err = cli("operator", "pin", "小王", "--pin-stdin")
    assert code == 1 and "过于简单" in err
    stdin("0000\n8264\n")
    code, _, err = cli("operator", "pin", "小王", "--pin-stdin")
    assert code == 1 and "不正确" in err
    stdin("2580\n8264\n")
    code, out, _ = cli("operator", "pin", "小王", "--operator", "小王", "--pin-stdin")
    assert code == 0 and "已修改操作员 小王 的 PIN" in out
    monkeypatch.setenv("ZCDESK_PIN", "7391")  # 老李's own PIN from the environment …
    stdin("12a4\n")  # … the new one from stdin
    code, _, err = cli("--operator", "老李", "operator", "reset-pin", "小王")
    assert code == 1 and "4 到 12 位数字" in err
    stdin("4826\n")
    code, _, err = cli("--operator", "老李", "operator", "reset-pin", "小赵")
    assert code == 1 and "没有操作员" in err
    stdin("4826\n")
    code, out, _ = cli("operator", "reset-pin", "小王", "--operator", "老李")
    assert code == 0 and "已重置操作员 小王 的 PIN" in out
    code, out, _ = cli("audit", "--json")
    import json

    events = [e for e in json.loads(out) if e["kind"] in ("pin_changed", "pin_reset")]
    assert [(e["kind"], e["operator"], e["detail"]) for e in events] == [
        ("pin_changed", "小王", {"name": "小王"}), ("pin_reset", "老李", {"name": "小王"})]
    assert all(pin not in out for pin in ("2580", "8264", "4826", "7391"))
    code, _, err = cli("operator", "reset-pin")
    assert code == 2
