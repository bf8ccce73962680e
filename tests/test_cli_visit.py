"""`zcdesk visit list` (#14 item 6): receipt numbers with date, unit and what is
missing, without going through `audit --json`."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ID_LI, ID_ZHANG, CliRun
from zcdesk.domain.idnumber import mask_id
from zcdesk.store import Store

pytestmark = pytest.mark.both_backends


def test_visits_with_their_packets_and_what_is_missing(
        store: Store, people: dict[str, int], cli: CliRun) -> None:
    store.create_operator("老李", "7391", "admin")  # set-up mode is over: reading needs no PIN
    store.login("老李", "7391")
    first = store.open_visit("王经办", "", "杭州汽轮机股份有限公司")
    store.accept(people["张三"], "evaluation", 2, visit_id=first.id)
    store.accept(people["李四"], "evaluation", 1, visit_id=first.id)
    store.accept(people["王五"], "evaluation", 2, visit_id=first.id)
    store.undo_last()  # 王五's recording undone: not part of this visit
    store.close_visit(first.id)
    second = store.open_visit()  # no unit given: the packets' unit is shown
    store.accept(people["张三"], "registration", 2, visit_id=second.id)

    code, out, err = cli("visit", "list", "--json")
    assert code == 0, err
    listed = json.loads(out)
    assert [v["receipt_no"] for v in listed] == [first.receipt_no, second.receipt_no]
    one, two = listed
    assert one["unit"] == "杭州汽轮机股份有限公司" and not one["open"]
    assert one["opened_at"].startswith(store.clock().date().isoformat())
    # What is missing now: 张三 completed on the second visit.
    assert [(p["name"], p["missing"]) for p in one["packets"]] == [
        ("张三", {}), ("李四", {"evaluation": 1, "registration": 2})]
    assert one["packets"][1]["id_number"] == ID_LI
    assert two["open"] and two["unit"] == "杭州汽轮机股份有限公司"
    assert [p["id_number"] for p in two["packets"]] == [ID_ZHANG]

    code, out, err = cli("visit", "list")
    assert code == 0
    assert f"{first.receipt_no}  {store.clock():%Y-%m-%d}" in out
    assert f"李四 {mask_id(ID_LI)}  缺 评审表 1 份、登记表 2 份" in out  # ID numbers masked
    assert "补正期限" in out.splitlines()[0] and "未完成" in out
    assert "张三" in out and "齐全" in out and "王五" not in out
    assert "共 2 次收件，其中 1 次仍缺材料" in err

    code, out, _ = cli("visit", "list", "--open", "--json")
    assert code == 0 and [v["receipt_no"] for v in json.loads(out)] == [second.receipt_no]


def test_an_unknown_round_is_refused(store: Store, cli: CliRun) -> None:
    code, _, err = cli("visit", "list", "--round", "1999H1")
    assert code == 1 and err
