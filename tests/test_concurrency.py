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
