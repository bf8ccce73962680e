"""Batches, cover-sheet selections and packet codes in the store."""

from __future__ import annotations

import pytest

from tests.conftest import ID_LI, ID_ZHANG
from zcdesk.domain.records import LookupKind
from zcdesk.store import InputError, NotFound, Store

pytestmark = pytest.mark.both_backends


def complete(store: Store, packet_id: int, visit_id: int | None = None) -> None:
    store.accept(packet_id, "evaluation", 2, visit_id=visit_id)
    store.accept(packet_id, "registration", 2, visit_id=visit_id)


def test_new_batch_takes_every_complete_packet_once(store: Store,
                                                    people: dict[str, int]) -> None:
    with pytest.raises(InputError, match="没有可组批"):
        store.new_batch()
    complete(store, people["张三"])
    complete(store, people["李四"])
    store.accept(people["王五"], "evaluation", 2)  # partial: stays out
    first = store.new_batch()
    assert first.batch.batch_no == "SC-2025H1-B001"
    assert sorted(p.applicant.name for p in first.packets) == sorted(["张三", "李四"])
    assert first.forms == 8 and first.batch.packet_count == 2
    with pytest.raises(InputError, match="没有可组批"):
        store.new_batch()
    store.accept(people["王五"], "registration", 2)
    second = store.new_batch()
    assert second.batch.batch_no == "SC-2025H1-B002"
    assert [p.applicant.name for p in second.packets] == ["王五"]
    assert [b.batch_no for b in store.batches()] == ["SC-2025H1-B001", "SC-2025H1-B002"]
    assert store.batch("sc-2025h1-b001").batch.packet_count == 2
    with pytest.raises(NotFound):
        store.batch("SC-2025H1-B099")


def test_cover_selections(store: Store, people: dict[str, int]) -> None:
    assert [p.applicant.id_number for p in store.cover_packets(id_numbers=[ID_LI.lower(),
                                                                             ID_ZHANG])] \
        == [ID_LI, ID_ZHANG]
    with pytest.raises(NotFound, match="330102198001010018"):
        store.cover_packets(id_numbers=[ID_ZHANG, "330102198001010018"])
    assert {p.applicant.name for p in store.cover_packets(unit="杭州制氧机集团股份有限公司")} \
        == {"李四", "王五"}
    with pytest.raises(NotFound):
        store.cover_packets(unit="没有这家公司")
    assert len(store.cover_packets()) == 3


def test_packet_code_and_receipt_on_the_packet(store: Store, people: dict[str, int]) -> None:
    visit = store.open_visit()
    complete(store, people["张三"], visit.id)
    packet = store.packet(people["张三"])
    assert packet.receipt_no == visit.receipt_no
    assert packet.code == f"SC-2025H1-P{people['张三']:06d}"
    found = store.lookup(packet.code.lower())
    assert found.kind is LookupKind.FOUND and found.packet.applicant.name == "张三"
    assert store.lookup("SC-2025H1-P999999").kind is LookupKind.NOT_FOUND
    assert store.lookup(f"XH-2025H1-P{people['张三']:06d}").kind is LookupKind.NOT_FOUND
