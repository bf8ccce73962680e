"""Batches, cover-sheet selections and packet codes in the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW, ID_LI, ID_WANG, ID_ZHANG
from zcdesk.domain.flow import BatchStatus, HandOver, PacketStage
from zcdesk.domain.records import ApplicantForm, LookupKind
from zcdesk.importing.transmittal_file import (
    default_file_name,
    manifest_sha256,
    read_transmittal,
)
from zcdesk.store import InputError, NotFound, Store
from zcdesk.store.errors import NothingToUndo
from zcdesk.store.operator_ops import NotAllowed

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


# ------------------------------------------------------------ batch life (#6)
REPORT, ROSTER = "report", "roster"


def events(store: Store) -> int:
    return len(store.audit())


def ready_batch(store: Store, people: dict[str, int], names: tuple[str, ...] = ("张三", "李四"),
                ) -> str:
    """An open batch of complete packets with both batch-level items received."""
    for name in names:
        complete(store, people[name])
    batch_no = store.new_batch().batch.batch_no
    store.batch_accept(batch_no, REPORT, 1)
    store.batch_accept(batch_no, "花名册", 1)
    return batch_no


def test_stage_batch_no_and_row_follow_the_batch(store: Store, people: dict[str, int]) -> None:
    complete(store, people["张三"])
    assert store.packet(people["张三"]).stage is PacketStage.COUNTER
    view = store.new_batch(fill=False)
    assert view.packets == () and view.batch.status is BatchStatus.OPEN
    no = view.batch.batch_no
    added = store.batch_add(no, [f"SC-2025H1-P{people['张三']:06d}"])
    assert [p.applicant.name for p in added.packets] == ["张三"]
    packet = store.packet(people["张三"])
    assert (packet.stage, packet.batch_no) == (PacketStage.BATCHED, no)
    assert store.packet_row(people["张三"]).stage == "batched"
    assert packet.list_row() == store.packet_row(people["张三"])
    assert {r.stage for r in store.packet_rows()} == {"batched", "counter"}
    store.batch_remove(no, [ID_ZHANG])
    packet = store.packet(people["张三"])
    assert (packet.stage, packet.batch_no) == (PacketStage.COUNTER, "")
    history = [e.description for e in store.history(packet.applicant.id)]
    assert history[-2:] == [f"加入批次 {no}", f"移出批次 {no}，回到窗口"]
    assert store.check() == []


@pytest.mark.parametrize(("setup", "action", "error", "match"), [
    ("partial", "add", InputError, "材料尚未齐全"),
    ("other", "add", InputError, "已在批次 SC-2025H1-B001 中"),
    ("inside", "add", InputError, "已在本批次中"),
    ("none", "add_unknown", NotFound, "SC-2025H1-P999999.*330102198001010018"),
    ("none", "add_empty", InputError, "请给出材料袋"),
    ("none", "remove_outside", InputError, "不在批次"),
    ("none", "missing_batch", NotFound, "没有批次号"),
])
def test_batch_add_remove_refusals_write_nothing(store: Store, people: dict[str, int],
                                                 setup: str, action: str,
                                                 error: type[Exception], match: str) -> None:
    complete(store, people["张三"])
    store.accept(people["李四"], "evaluation", 1)
    if setup == "other":
        store.new_batch()
    target = store.new_batch(fill=False).batch.batch_no
    if setup == "inside":
        complete(store, people["王五"])
        store.batch_add(target, [ID_WANG])
    ref = {"partial": ID_LI, "other": ID_ZHANG, "inside": ID_WANG}.get(setup, ID_ZHANG)
    before = (events(store), store.batch(target).batch.version)
    with pytest.raises(error, match=match):
        if action == "add":
            store.batch_add(target, [ref])
        elif action == "add_unknown":
            store.batch_add(target, [ID_ZHANG, "SC-2025H1-P999999", "330102198001010018"])
        elif action == "add_empty":
            store.batch_add(target, ["  "])
        elif action == "remove_outside":
            store.batch_remove(target, [ID_ZHANG])
        else:
            store.batch_add("SC-2025H1-B077", [ID_ZHANG])
    assert (events(store), store.batch(target).batch.version) == before


def test_batch_items_are_checked_like_packet_items(store: Store,
                                                   people: dict[str, int]) -> None:
    complete(store, people["张三"])
    no = store.new_batch().batch.batch_no
    items = {i.code: i for i in store.batch(no).batch.items}
    assert set(items) == {REPORT, ROSTER}
    assert (items[ROSTER].required, items[ROSTER].accepted, items[ROSTER].missing) == (1, 0, 1)
    view = store.batch_reject(no, ROSTER, 1, "未盖章")
    view = store.batch_accept(no, ROSTER, 2)  # one surplus: never counted
    roster = {i.code: i for i in view.batch.items}[ROSTER]
    assert (roster.accepted, roster.missing) == (1, 0)
    assert roster.rejected == ("退回 1 份：未盖章",)
    before = events(store)
    with pytest.raises(InputError, match="只需 1 份"):
        store.batch_accept(no, ROSTER, 1)
    with pytest.raises(InputError, match="无法识别"):
        store.batch_accept(no, "evaluation", 1)  # a packet item, not a batch item
    with pytest.raises(InputError, match="退回原因"):
        store.batch_reject(no, REPORT, 1, "太丑")
    with pytest.raises(InputError, match="写明"):
        store.batch_reject(no, REPORT, 1, "其他")
    with pytest.raises(InputError, match="份数"):
        store.batch_accept(no, REPORT, 0)
    assert events(store) == before
    view = store.batch_undo(no)  # reverses the accept
    assert {i.code: i.accepted for i in view.batch.items} == {REPORT: 0, ROSTER: 0}
    view = store.batch_undo(no)  # then the rejection
    assert all(not i.rejected for i in view.batch.items)
    with pytest.raises(NothingToUndo):
        store.batch_undo(no)
    descriptions = [e.description for e in store.audit()]
    assert f"批次 {no} 花名册 收 1 份" in descriptions
    assert any(d.startswith("撤销一次登记：批次") and no in d for d in descriptions)
    assert store.check() == []


def test_close_lists_every_problem_and_writes_nothing(store: Store,
                                                      people: dict[str, int]) -> None:
    empty = store.new_batch(fill=False).batch.batch_no
    with pytest.raises(InputError, match="没有材料袋"):
        store.close_batch(empty)
    complete(store, people["张三"])
    complete(store, people["李四"])
    no = store.new_batch().batch.batch_no
    store.batch_accept(no, REPORT, 1)
    store.undo_last()  # 李四's registration: incomplete while in the open batch
    before = events(store)
    with pytest.raises(InputError) as refused:
        store.close_batch(no)
    text = str(refused.value)
    assert "李四" in text and "登记表 2 份" in text and "花名册缺 1 份" in text
    assert "张三" not in text and "送评报告单" not in text
    assert events(store) == before
    assert store.batch(no).batch.status is BatchStatus.OPEN


def test_closed_batch_freezes_its_packets_and_manifest(store: Store, people: dict[str, int],
                                                       tmp_path: Path) -> None:
    no = ready_batch(store, people)
    closed = store.close_batch(no)
    info = closed.batch
    assert info.status is BatchStatus.CLOSED and info.closed_by == "小王"
    assert len(info.sha256) == 64
    manifest = store.batch_manifest(no)
    assert manifest_sha256(manifest) == info.sha256
    assert manifest["batch_items"] == {REPORT: 1, ROSTER: 1}
    assert [p["name"] for p in manifest["packets"]] == [p.applicant.name for p in closed.packets]
    before = events(store)
    zhang = people["张三"]
    for attempt in (lambda: store.accept(zhang, "evaluation", 1),
                    lambda: store.reject(zhang, "evaluation", 1, "未盖章"),
                    lambda: store.undo_last(),
                    lambda: store.batch_add(no, [ID_WANG]),
                    lambda: store.batch_remove(no, [ID_ZHANG]),
                    lambda: store.batch_accept(no, REPORT, 1),
                    lambda: store.batch_reject(no, REPORT, 1, "未盖章"),
                    lambda: store.batch_undo(no),
                    lambda: store.close_batch(no)):
        with pytest.raises(InputError, match="已封批"):
            attempt()
    assert events(store) == before
    # A later roster correction does not change what the printed hash stands for.
    store.import_roster([(2, ApplicantForm(name="张叁", id_number=ID_ZHANG,
                                           unit="杭州汽轮机股份有限公司"))])
    assert store.packet(zhang).applicant.name == "张叁"
    assert store.batch_manifest(no) == manifest
    target = tmp_path / default_file_name(no)
    sha = store.export_batch(no, target)
    assert sha == info.sha256 == store.batch(no).batch.sha256
    read = read_transmittal(target, expected_sha256=sha)
    assert read.sha256 == sha and read.manifest.batch_no == no
    assert [p.name for p in read.manifest.packets] == [p["name"] for p in manifest["packets"]]
    assert store.export_batch(no, tmp_path / "again.zip") == sha
    assert store.check() == []


def test_reopen_needs_a_reason_and_the_hash_changes_with_the_content(
        store: Store, people: dict[str, int]) -> None:
    no = ready_batch(store, people)
    with pytest.raises(InputError, match="尚未封批"):
        store.reopen_batch(no, "看错了")
    with pytest.raises(InputError, match="尚未封批"):
        store.batch_manifest(no)
    old = store.close_batch(no).batch.sha256
    before = events(store)
    for reason in ("", "   "):
        with pytest.raises(InputError, match="原因"):
            store.reopen_batch(no, reason)
    assert events(store) == before
    view = store.reopen_batch(no, "李四的登记表需更换")
    assert view.batch.status is BatchStatus.OPEN and view.batch.sha256 == ""
    assert view.batch.closed_at is None
    last = store.audit()[-1]
    assert last.kind == "batch_reopened" and last.detail["old_sha256"] == old
    assert "李四的登记表需更换" in last.description
    store.batch_remove(no, [ID_LI])
    new = store.close_batch(no)
    assert new.batch.sha256 != old
    assert [p.applicant.name for p in new.packets] == ["张三"]
    assert store.batch_manifest(no)["totals"]["packets"] == 1


def test_hand_over(store: Store, people: dict[str, int]) -> None:
    no = ready_batch(store, people)
    with pytest.raises(InputError, match="尚未封批"):
        store.hand_over(no, "王科长", "市局李老师")
    store.close_batch(no)
    before = events(store)
    for handed_by, received_by, at, match in (
            ("", "市局李老师", None, "移交人和接收人"),
            ("王科长", " ", None, "移交人和接收人"),
            ("王科长", "李" * 65, None, "过长"),
            ("王科长", "市局李老师", FIXED_NOW + dt.timedelta(days=1), "晚于现在"),
            ("王科长", "市局李老师", FIXED_NOW - dt.timedelta(days=1), "早于封批")):
        with pytest.raises(InputError, match=match):
            store.hand_over(no, handed_by, received_by, at)
    assert events(store) == before
    view = store.hand_over(no, "王科长", "市局李老师")
    info = view.batch
    assert info.status is BatchStatus.HANDED_OVER
    assert info.handover == HandOver("王科长", "市局李老师", FIXED_NOW)
    assert {p.stage for p in view.packets} == {PacketStage.HANDED_OVER}
    assert store.packet_row(people["张三"]).stage == "handed_over"
    assert store.packet(people["王五"]).stage is PacketStage.COUNTER
    for attempt, match in ((lambda: store.hand_over(no, "王科长", "市局李老师"), "无需再登记"),
                           (lambda: store.reopen_batch(no, "更正"), "已移交"),
                           (lambda: store.accept(people["张三"], "evaluation", 1), "已封批"),
                           (lambda: store.batch_add(no, [ID_WANG]), "已封批")):
        with pytest.raises(InputError, match=match):
            attempt()
    assert store.batch_manifest(no)["batch_no"] == no
    (listed,) = store.batches()
    assert listed.status is BatchStatus.HANDED_OVER and listed.sha256 == info.sha256
    assert {i.code: i.accepted for i in listed.items} == {REPORT: 1, ROSTER: 1}
    assert "王科长 → 市局李老师" in store.audit()[-1].description
    assert store.check() == []


def test_batch_actions_are_for_admins(store: Store, people: dict[str, int]) -> None:
    no = ready_batch(store, people)
    store.create_operator("老李", "7391", "admin")
    store.login("老李", "7391")
    store.create_operator("小赵", "2580", "clerk")
    store.login("小赵", "2580")
    for attempt in (lambda: store.new_batch(fill=False), lambda: store.batch_add(no, [ID_WANG]),
                    lambda: store.batch_remove(no, [ID_LI]),
                    lambda: store.batch_accept(no, REPORT, 1), lambda: store.batch_undo(no),
                    lambda: store.close_batch(no), lambda: store.reopen_batch(no, "x"),
                    lambda: store.hand_over(no, "a", "b")):
        with pytest.raises(NotAllowed, match="管理员"):
            attempt()
    assert store.batch(no).batch.packet_count == 2  # reading is for everyone


def test_packet_history_shows_close_reopen_and_hand_over(store: Store,
                                                         people: dict[str, int]) -> None:
    no = ready_batch(store, people)
    store.close_batch(no)
    store.reopen_batch(no, "更正张三的材料")
    store.close_batch(no)
    store.hand_over(no, "王科长", "市局李老师")
    zhang = store.packet(people["张三"])
    words = [e.description for e in store.history(zhang.applicant.id)]
    assert words[-4:] == [f"所在批次 {no} 封批", f"所在批次 {no} 重开：更正张三的材料",
                          f"所在批次 {no} 封批", f"随批次 {no} 移交市局（已移交）"]
    assert store.check() == []


def test_check_finds_a_partial_packet_in_a_closed_batch_and_a_changed_manifest(
        store: Store, people: dict[str, int]) -> None:
    from sqlalchemy import select, update

    from zcdesk.store import models as m

    no = ready_batch(store, people)
    store.close_batch(no)
    assert store.check() == []
    with store._write() as s:  # what a lost race (an undo after closing) would leave
        target = s.scalars(select(m.Event).where(m.Event.packet_id == people["张三"],
                                                 m.Event.item_code == "registration")).one()
        store._event(s, "reversal", applicant_id=target.applicant_id,
                     packet_id=target.packet_id, item_code=target.item_code,
                     copies=target.copies, reverses_id=target.id)
        s.execute(update(m.Packet).where(m.Packet.id == people["张三"])
                  .values(status="partial", accepted={"evaluation": 2}))
        s.execute(update(m.Batch).where(m.Batch.batch_no == no)
                  .values(manifest={"batch_no": no, "packets": []}))
    problems = store.check()
    assert any(f"批次 {no}" in p and "张三" in p and "材料不齐" in p for p in problems)
    assert any(f"批次 {no} 封批时保存的清单与其校验值" in p for p in problems)
    assert not any("状态与登记记录不符" in p for p in problems)  # the cache itself agrees


def test_every_event_kind_written_has_words(store: Store) -> None:
    import re

    import zcdesk.store
    from zcdesk.store import models as m

    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in Path(zcdesk.store.__file__).parent.glob("*.py"))
    kinds = set(re.findall(r'_event\(s, "([a-z_]+)"', source))
    kinds |= set(re.findall(r'_event_values\("([a-z_]+)"', source))
    kinds |= set(re.findall(r'_move\([^"]*"([a-z_]+)"', source))
    kinds |= set(re.findall(r'_packet_events\([^"]*"([a-z_]+)"', source))
    assert {"calendar_changed", "packet_handed_over", "login", "received_back"} <= kinds
    for kind in sorted(kinds):
        described = store._describe(m.Event(kind=kind, detail={}, item_code=None))
        assert described and described != kind and not re.fullmatch(r"[a-z_ ]+", described), kind


def test_calendar_change_in_words(store: Store) -> None:
    store.set_calendar_day(dt.date(2025, 10, 9), "holiday", "国庆节")
    assert store.audit()[-1].description == "节假日设置：2025-10-09 放假（国庆节）"
    store.set_calendar_day(dt.date(2025, 10, 9), None)
    assert store.audit()[-1].description == \
        "节假日设置：2025-10-09 按平常周末（原为放假（国庆节））"
