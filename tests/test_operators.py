"""Operators: scrypt PINs, roles, the first admin, lockout; every event names who."""

from __future__ import annotations

import pytest

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
    assert main(["--db", db_url, "operator", "add", "小赵"]) == 1
    assert "过于简单" in capsys.readouterr().err
    assert main(["--db", db_url, "operator", "list"]) == 0
    assert "老李  管理员" in capsys.readouterr().out


def test_a_scan_in_the_pin_field_is_no_attempt(store: Store) -> None:
    store.create_operator("老李", "7391", "admin")
    for _ in range(8):  # a scanner typing into the lock dialog
        with pytest.raises(InputError, match="扫描"):
            store.login("老李", "330102199001011234")
    assert store.login("老李", "7391").name == "老李"  # not locked out
