"""Two desks at once: no lost update, no duplicate receipt number, a clear message."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from tests.conftest import FIXED_NOW
from zcdesk.domain.completeness import PacketStatus
from zcdesk.store import InputError, Store
from zcdesk.store.errors import ConcurrentChange

pytestmark = pytest.mark.both_backends


def desk(db_url: str, name: str) -> Store:
    return Store.open(db_url, operator=f"操作员{name}", desk=f"窗口{name}", clock=lambda: FIXED_NOW)


def in_threads(count: int, work: Callable[[int], None]) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(index: int) -> None:
        try:
            start.wait()
            work(index)
        except BaseException as exc:  # reported to the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_the_desk_that_loses_sees_the_fresh_state(store: Store, people: dict[str, int],
                                                  db_url: str) -> None:
    other = desk(db_url, "2")
    shown = store.packet(people["张三"])  # desk 1 shows the packet …
    other.accept(people["张三"], "evaluation", 2)  # … desk 2 records meanwhile
    with pytest.raises(ConcurrentChange) as refused:
        store.accept(people["张三"], "evaluation", 2, expected_version=shown.version)
    assert "另一窗口" in str(refused.value)
    assert refused.value.packet.state.item("evaluation").accepted == 2
    assert store.packet(people["张三"]).version == shown.version + 1  # desk 1 wrote nothing
    other.close()


def test_racing_desks_never_count_a_copy_twice(store: Store, people: dict[str, int],
                                               db_url: str) -> None:
    pid = people["李四"]
    desks = [desk(db_url, str(i)) for i in range(4)]
    refused: list[str] = []

    def work(index: int) -> None:
        for _ in range(3):
            try:
                desks[index].accept(pid, "evaluation", 1)
            except InputError as exc:
                refused.append(str(exc))

    assert in_threads(4, work) == []
    packet = store.packet(pid)
    assert packet.state.item("evaluation").accepted == 2
    assert len(refused) == 10 and all("已收齐" in r for r in refused)
    assert packet.version == 2  # exactly the two recordings that counted
    assert packet.status is PacketStatus.PARTIAL
    for d in desks:
        d.close()


def test_racing_desks_get_distinct_gapless_receipts(store: Store, db_url: str) -> None:
    desks = [desk(db_url, str(i)) for i in range(4)]
    numbers: list[str] = []
    lock = threading.Lock()

    def work(index: int) -> None:
        for _ in range(5):
            receipt = desks[index].open_visit().receipt_no
            with lock:
                numbers.append(receipt)

    assert in_threads(4, work) == []
    assert sorted(numbers) == [f"SC-2025H1-{n:05d}" for n in range(1, 21)]
    for d in desks:
        d.close()


def complete_by(d: Store, packet_id: int) -> None:
    d.accept(packet_id, "evaluation", 2)
    d.accept(packet_id, "registration", 2)


def test_closing_a_batch_never_freezes_a_packet_being_undone(store: Store,
                                                              people: dict[str, int],
                                                              db_url: str) -> None:
    names = ("张三", "李四", "王五")
    desks = [desk(db_url, str(i)) for i in range(len(names))]
    for d, name in zip(desks, names, strict=True):
        complete_by(d, people[name])
    no = store.new_batch().batch.batch_no
    store.batch_accept(no, "report", 1)
    store.batch_accept(no, "roster", 1)
    outcomes: list[str] = []
    for _attempt in range(3):
        outcomes.clear()

        def work(index: int) -> None:
            try:
                if index == len(names):
                    store.close_batch(no)
                else:
                    desks[index].undo_last()  # the desk's last copy: a packet becomes partial
            except InputError as exc:
                outcomes.append(str(exc))

        assert in_threads(len(names) + 1, work) == []
        view = store.batch(no)
        if view.batch.status.value == "closed":
            assert all(p.status is PacketStatus.COMPLETE for p in view.packets)
            assert all("已封批" in o for o in outcomes)
            store.reopen_batch(no, "再试一次")
        assert store.check() == []
        for d, name in zip(desks, names, strict=True):  # complete again for the next try
            if store.packet(people[name]).status is not PacketStatus.COMPLETE:
                d.accept(people[name], "registration", 1)
    for d in desks:
        d.close()


def test_two_desks_registering_the_same_return_write_one_handback(
        store: Store, people: dict[str, int], db_url: str) -> None:
    from sqlalchemy import func, select

    from zcdesk.store import models as m

    for name in ("李四", "王五"):  # both of 杭州制氧机集团
        complete_by(store, people[name])
    no = store.new_batch().batch.batch_no
    store.batch_accept(no, "report", 1)
    store.batch_accept(no, "roster", 1)
    store.close_batch(no)
    store.hand_over(no, "王科长", "市局李老师")
    store.receive_back(batch_no=no)
    desks = [desk(db_url, str(i)) for i in range(2)]
    refused: list[str] = []

    def work(index: int) -> None:
        try:
            desks[index].record_return("杭州制氧机集团股份有限公司", "王科长", "人事处陈")
        except InputError as exc:
            refused.append(str(exc))

    assert in_threads(2, work) == []
    assert len(refused) == 1
    assert "没有待返还" in refused[0] or "另一窗口刚刚已登记" in refused[0]
    with store._read() as s:
        assert s.scalar(select(func.count()).select_from(m.Handback)) == 1
    assert store.check() == []
    for d in desks:
        d.close()


def test_racing_desks_get_distinct_batch_numbers(store: Store, people: dict[str, int],
                                                 db_url: str) -> None:
    complete_by(store, people["张三"])
    desks = [desk(db_url, str(i)) for i in range(4)]
    numbers: list[str] = []
    refused: list[str] = []
    lock = threading.Lock()

    def work(index: int) -> None:
        try:
            view = desks[index].new_batch(fill=index == 0 or index == 1)
            with lock:
                numbers.append(view.batch.batch_no)
        except InputError as exc:  # the second filling desk finds nothing left to take
            refused.append(str(exc))

    assert in_threads(4, work) == []
    assert len(refused) == 1 and "没有可组批" in refused[0]
    assert sorted(numbers) == [f"SC-2025H1-B{n:03d}" for n in range(1, 4)]
    assert sum(b.packet_count for b in store.batches()) == 1
    for d in desks:
        d.close()


def test_a_constraint_conflict_is_reported_in_chinese(store: Store) -> None:
    from zcdesk.store import models as m

    store.set_setting("x.test", "1")
    with pytest.raises(InputError) as refused, store._write() as s:
        s.add(m.Setting(key="x.test", value="2"))
    assert str(refused.value) == "另一窗口同时修改了同一数据，刚才的操作没有保存，请重试。"
    assert store.setting("x.test") == "1"
