"""Rounds in the store (#11): each round's pack kept, a later round imported and made
current, and an earlier round's rows left exactly as they were."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select, text

from tests.conftest import FIXED_NOW, ID_LI, ID_WANG, ID_ZHANG
from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.idnumber import check_digit
from zcdesk.domain.records import ApplicantForm
from zcdesk.domain.round_pack import (
    RoundPack,
    RoundPackError,
    dump_pack,
    load_pack,
    shifted,
    shipped_pack_path,
)
from zcdesk.store import InputError, Store, StoreError, round_ops
from zcdesk.store import models as m
from zcdesk.store.engine import create_store_engine
from zcdesk.store.errors import NothingToUndo
from zcdesk.store.migrate import _alembic_config
from zcdesk.store.operator_ops import NotAllowed
from zcdesk.store.round_ops import RoundImportPlan

pytestmark = pytest.mark.both_backends

SHIPPED = shipped_pack_path("2025H1")


@pytest.fixture
def pack() -> RoundPack:
    return load_pack(SHIPPED)


@pytest.fixture
def next_round(pack: RoundPack) -> str:
    return dump_pack(shifted(pack, "2026H1", "2026 上半年度", years=1))


def _snapshot(store: Store, round_code: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of one round's packets, visits, counters and batches, as stored."""
    with store.engine.connect() as conn:
        rid = conn.execute(select(m.Round.id).where(m.Round.code == round_code)).scalar_one()
        out = {}
        for table in (m.Packet, m.Visit, m.ReceiptCounter, m.Batch):
            t = table.__table__
            out[t.name] = [tuple(r) for r in conn.execute(
                select(t).where(t.c.round_id == rid).order_by(*t.primary_key.columns))]
        return out


def _event_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return len(conn.execute(select(m.Event.id)).all())


def _receive_one(store: Store, packet_id: int) -> str:
    visit = store.open_visit("递交人")
    store.accept(packet_id, "evaluation", 2, visit_id=visit.id)
    store.close_visit(visit.id)
    return visit.receipt_no


# --------------------------------------------------------------- a new database
def test_a_new_database_holds_the_shipped_pack(store: Store, pack: RoundPack) -> None:
    assert store.round_pack_text("2025H1") == SHIPPED.read_text(encoding="utf-8")
    [only] = store.rounds()
    assert (only.code, only.active, only.packets) == ("2025H1", True, 0)
    current = store.current_round()
    d = pack.deadlines
    assert (current.name, current.applicant_deadline, current.employer_deadline,
            current.district_deadline, current.paper_deadline, current.cutoff_date) == (
        pack.name, d.applicant, d.employer, d.district, d.paper, d.cutoff)
    assert [(i.code, i.copies_required) for i in store.checklist()] == [
        (i.code, i.copies) for i in pack.checklist.items if i.scope == "packet"]
    assert [q.name for q in store.catalogue()] == [e.name for e in pack.catalogue.entries]
    assert [p.code for p in store.points()] == [*(p.code for p in pack.points), "CITY"]


def test_the_shipped_pack_imported_again_changes_nothing(store: Store) -> None:
    before = _event_count(store)
    plan = store.import_round(SHIPPED.read_text(encoding="utf-8"))
    assert plan.unchanged and not plan.refusals
    assert "没有变化" in plan.summary()
    assert _event_count(store) == before


def test_export_then_import_is_no_change(store: Store, tmp_path: Path) -> None:
    target = store.export_round("2025h1", tmp_path / "out.toml")
    assert target.read_text(encoding="utf-8") == store.round_pack_text("2025H1")
    assert store.import_round(target.read_text(encoding="utf-8")).unchanged


# --------------------------------------------------------------- the next round
def test_next_round_dry_run_import_activate_roster_and_counter(
        store: Store, people: dict[str, int], next_round: str) -> None:
    old_receipt = _receive_one(store, people["张三"])
    assert old_receipt == "SC-2025H1-00001"
    old_round = store.current_round()
    before = _snapshot(store, "2025H1")

    preview = store.import_round(next_round, dry_run=True)
    assert preview.is_new and preview.dry_run and preview.compared_with == "2025H1"
    assert "deadlines.paper：2025-05-30 → 2026-05-30" in preview.changes
    assert [r.code for r in store.rounds()] == ["2025H1"]  # a preview writes nothing

    done = store.import_round(next_round, source="2026H1.toml")
    assert done.is_new and not done.active
    assert store.current_round().code == "2025H1"  # imported, not yet current
    assert store.import_round(next_round).unchanged  # the same pack twice: no change

    summary = store.activate_round("2026H1")
    assert summary.active and summary.cutoff_date == dt.date(2026, 6, 30)
    current = store.current_round()
    assert (current.code, current.paper_deadline) == ("2026H1", dt.date(2026, 5, 30))
    assert current.id != old_round.id
    assert store.packet_rows() == []  # the new round starts with no packets

    rows = [(n + 2, ApplicantForm(name=name, id_number=number, unit="杭州汽轮机股份有限公司"))
            for n, (name, number) in enumerate((("张三", ID_ZHANG), ("李四", ID_LI),
                                                ("王五", ID_WANG)))]
    zhao = "33010219880101123" + check_digit("33010219880101123")
    rows.append((5, ApplicantForm(name="赵六", id_number=zhao,
                                  unit="杭州汽轮机股份有限公司")))
    dry = store.import_roster(rows, dry_run=True)
    assert (dry.new, dry.opened) == (1, 3)
    assert "将为以前轮次的申报人新开材料袋 3 个" in dry.summary()
    report = store.import_roster(rows, source="2026.xlsx")
    assert (report.new, report.opened) == (1, 3)
    assert "新开材料袋 3" in report.summary()
    assert store.import_roster(rows).opened == 0  # opened once only
    new_packets = store.packet_rows()
    assert len(new_packets) == 4

    zhang = next(p for p in new_packets if p.id_number == ID_ZHANG)
    assert zhang.packet_id != people["张三"]
    receipt = _receive_one(store, zhang.packet_id)
    assert receipt == "SC-2026H1-00001"  # the new round numbers from 1
    assert store.packet(zhang.packet_id).round_code == "2026H1"

    assert _snapshot(store, "2025H1") == before  # history stays true
    old = store.packet(people["张三"])
    assert (old.round_code, old.status, old.state.received["evaluation"]) == (
        "2025H1", PacketStatus.PARTIAL, 2)
    assert store.visit_by_receipt(old_receipt).round_code == "2025H1"
    assert store.check() == []
    kinds = [e.kind for e in store.audit() if e.kind.startswith("round_")]
    assert kinds == ["round_imported", "round_activated"]
    assert any(e.description == "切换当前轮次为 2026H1（2026 上半年度）（原为 2025H1）"
               for e in store.audit())


def test_each_round_keeps_its_own_verdict(store: Store, next_round: str) -> None:
    form = ApplicantForm(
        name="张三", id_number=ID_ZHANG, unit="杭州上城区汽轮机股份有限公司",
        education="大学本科", degree="学士", graduated_on=dt.date(2020, 7, 1),
        work_start=dt.date(2020, 8, 1), qualification="PMP",
        qualification_issuer="美国项目管理协会", qualified_on=dt.date(2023, 5, 1))
    packet = store.add_applicant(form)
    # Four full years to 30 June 2025, five (a bachelor's need) to 30 June 2026.
    assert packet.eligibility == "ineligible" and "不满 5 年" in packet.eligibility_reasons[0]
    store.import_round(next_round)
    store.activate_round("2026H1")
    later = store.add_applicant(form)  # known from 2025H1: the new round's own packet
    assert (later.round_code, later.eligibility) == ("2026H1", "eligible")
    old = store.packet(packet.packet_id)  # 2025H1's verdict is not rewritten
    assert (old.round_code, old.eligibility) == ("2025H1", "ineligible")
    store.refresh_eligibility(everyone=True)  # only the current round's packets
    store.import_bans([])
    with store.engine.connect() as conn:
        verdicts = dict(conn.execute(select(m.Packet.id, m.Packet.eligibility)).all())
    assert verdicts == {packet.packet_id: "ineligible", later.packet_id: "eligible"}
    assert [r.eligibility for r in store.packet_rows("2025H1")] == ["ineligible"]


def test_updating_the_current_round_keeps_its_row_and_recomputes(
        store: Store, people: dict[str, int], pack: RoundPack) -> None:
    rid = store.current_round().id
    changed = dataclasses.replace(pack, deadlines=dataclasses.replace(
        pack.deadlines, paper=dt.date(2025, 6, 6)))
    plan = store.import_round(dump_pack(changed))
    assert not plan.is_new and plan.active
    assert plan.changes == ("deadlines.paper：2025-05-30 → 2025-06-06",)
    current = store.current_round()
    assert (current.id, current.paper_deadline) == (rid, dt.date(2025, 6, 6))
    with store.engine.connect() as conn:
        assert None not in conn.execute(select(m.Packet.eligibility)).scalars().all()


def test_a_new_rounds_points_and_catalogue_apply_when_it_becomes_current(
        store: Store, people: dict[str, int], pack: RoundPack) -> None:
    sc_id = store.point("SC").id
    points = (*(dataclasses.replace(p, phone="12345678") if p.code == "SC" else p
                for p in pack.points),
              dataclasses.replace(pack.points[0], code="BJ", name="滨江受理点", short_name="滨江"))
    entries = pack.catalogue.entries[:-1]
    later = shifted(dataclasses.replace(
        pack, points=points, catalogue=dataclasses.replace(pack.catalogue, entries=entries)),
        "2026H1", "2026 上半年度", years=1)
    plan = store.import_round(dump_pack(later))
    assert "points[8]：新增 BJ" in plan.changes
    assert "points[1].phone：89500538 → 12345678" in plan.changes
    assert "catalogue.entries[9]：删去 防爆电气产品认证体系人员能力认证" in plan.changes
    assert [p.code for p in store.points()][-1] == "CITY"  # not before it is current
    store.activate_round("2026H1")
    assert store.point("BJ").short_name == "滨江"
    assert (store.point("SC").id, store.point("SC").phone) == (sc_id, "12345678")
    assert len(store.catalogue()) == len(pack.catalogue.entries) - 1
    assert store.packet(people["张三"]).point_code == "SC"
    store.activate_round("2025H1")  # back: the shared rows follow the 2025H1 pack again
    assert store.point("SC").phone == "89500538"
    assert len(store.catalogue()) == len(pack.catalogue.entries)


def test_a_stored_round_not_current_is_updated_in_place(
        store: Store, pack: RoundPack) -> None:
    later = shifted(pack, "2026H1", "2026 上半年度", years=1)
    store.import_round(dump_pack(later))
    [_, stored] = store.rounds()
    moved = dataclasses.replace(later, deadlines=dataclasses.replace(
        later.deadlines, paper=dt.date(2026, 6, 5)))
    plan = store.import_round(dump_pack(moved))
    assert (plan.is_new, plan.active, plan.compared_with) == (False, False, "2026H1")
    assert plan.changes == ("deadlines.paper：2026-05-30 → 2026-06-05",)
    [_, updated] = store.rounds()
    assert updated.paper_deadline == dt.date(2026, 6, 5) and updated.sha256 != stored.sha256
    assert store.current_round().code == "2025H1"


def test_another_desk_follows_a_round_switch(
        store: Store, db_url: str, next_round: str, monkeypatch: pytest.MonkeyPatch) -> None:
    other = Store.open(db_url, operator="小李", desk="窗口2", clock=lambda: FIXED_NOW)
    try:
        assert other.current_round().code == "2025H1"
        assert other.current_round().code == "2025H1"  # its first look: nothing changed
        store.import_round(next_round)
        store.activate_round("2026H1")
        assert other.current_round().code == "2025H1"  # looked again only every 30 s …
        assert other.open_visit().receipt_no == "SC-2026H1-00001"  # … or at a new visit
        assert other.current_round().code == "2026H1"
        monkeypatch.setattr(round_ops, "ROUND_RECHECK_SECONDS", 0.0)
        moved = next_round.replace("paper = 2026-05-30", "paper = 2026-06-05")
        store.import_round(moved)  # the current round re-imported: read again too
        assert other.current_round().paper_deadline == dt.date(2026, 6, 5)
    finally:
        other.close()


# ------------------------------------------------------------------- refusals
def _refused(store: Store, call: Any, match: str) -> None:
    rounds, events = store.rounds(), _event_count(store)
    with pytest.raises(StoreError, match=match):
        call()
    assert store.rounds() == rounds and _event_count(store) == events


def test_a_clerk_may_not_import_export_or_activate(
        store: Store, next_round: str, tmp_path: Path) -> None:
    store.role = "clerk"
    _refused(store, lambda: store.import_round(next_round), "管理员")
    _refused(store, lambda: store.activate_round("2025H1"), "管理员")
    with pytest.raises(NotAllowed):
        store.export_round("2025H1", tmp_path / "x.toml")
    assert not (tmp_path / "x.toml").exists()
    assert [r.code for r in store.rounds()] == ["2025H1"]  # reading is for everyone


def test_changing_a_recorded_checklist_item_is_refused(
        store: Store, people: dict[str, int], pack: RoundPack) -> None:
    """2025H1's own pack may not change what its recorded packets were checked against."""
    _receive_one(store, people["张三"])
    items = tuple(dataclasses.replace(i, copies=3) if i.code == "evaluation" else i
                  for i in pack.checklist.items)
    changed = dataclasses.replace(pack, checklist=dataclasses.replace(pack.checklist,
                                                                      items=items))
    plan = store.import_round(dump_pack(changed), dry_run=True)
    assert plan.refusals and "评审表" in plan.refusals[0] and "3 份" in plan.refusals[0]
    assert "轮次 2025H1 已有收件登记" in plan.refusals[0]
    assert "没有写入任何数据" in plan.summary()
    _refused(store, lambda: store.import_round(dump_pack(changed)), "已有收件登记")
    renamed = tuple(dataclasses.replace(i, short_name="评审表甲") if i.code == "evaluation"
                    else i for i in pack.checklist.items)  # a name may change
    assert not store.import_round(dump_pack(dataclasses.replace(
        pack, checklist=dataclasses.replace(pack.checklist, items=renamed))),
        dry_run=True).refusals


def test_a_new_round_may_ask_for_other_copies_and_items(
        store: Store, people: dict[str, int], pack: RoundPack) -> None:
    """2026H1 asks for 3 评审表 and a new item: its packets are checked against that,
    2025H1's against its own 2 (its complete packet stays complete)."""
    visit = store.open_visit("递交人")
    for code in ("evaluation", "registration"):
        store.accept(people["张三"], code, 2, visit_id=visit.id)
    store.close_visit(visit.id)
    old = store.packet(people["张三"])
    assert old.state.status.value == "complete"
    extra = dataclasses.replace(pack.checklist.items[0], code="photo", name="近期证件照",
                                short_name="证件照", copies=1, checks=())
    items = (*(dataclasses.replace(i, copies=3) if i.code == "evaluation" else i
               for i in pack.checklist.items), extra)
    later = shifted(dataclasses.replace(
        pack, checklist=dataclasses.replace(pack.checklist, items=items)),
        "2026H1", "2026 上半年度", years=1)
    assert not store.import_round(dump_pack(later)).refusals
    store.activate_round("2026H1")
    assert [(i.code, i.copies_required) for i in store.checklist()][:1] == [("evaluation", 3)]
    assert "photo" in [i.code for i in store.checklist()]
    assert store.packet(people["张三"]) == old  # 2025H1's packet as it was
    rid = store.round_info("2025H1").id
    assert "photo" not in [i.code for i in store.checklist(round_id=rid)]
    assert store.check() == []  # each packet's status agrees with its own round's checklist
    new = store.add_applicant(ApplicantForm(name="赵六", id_number="330106198808081234",
                                            unit="某单位"))
    visit = store.open_visit("递交人")
    store.accept(new.packet_id, "evaluation", 2, visit_id=visit.id)
    result = store.accept(new.packet_id, "photo", 1, visit_id=visit.id)
    assert "评审表 1 份" in result.message  # still one to come of three


def test_an_unknown_reason_code_is_refused(store: Store, pack: RoundPack) -> None:
    reasons = (*pack.checklist.reasons[:-1],
               dataclasses.replace(pack.checklist.reasons[-1], code="torn"))
    bad = dataclasses.replace(pack, checklist=dataclasses.replace(pack.checklist,
                                                                  reasons=reasons))
    _refused(store, lambda: store.import_round(dump_pack(bad)), "torn")


def test_codes_receipts_cannot_carry_are_refused(store: Store, pack: RoundPack) -> None:
    points = (*pack.points, dataclasses.replace(pack.points[0], code="Bj1"))
    bad = dataclasses.replace(pack, round=dataclasses.replace(pack.round, code="2026-1"),
                              points=points)
    plan = store.import_round(dump_pack(bad), dry_run=True)
    assert [r.split("：")[0] for r in plan.refusals] == ["round.code", "points[8].code"]
    _refused(store, lambda: store.import_round(dump_pack(bad)), "2026H1")


def test_switching_with_an_open_visit_is_refused(
        store: Store, people: dict[str, int], next_round: str) -> None:
    store.import_round(next_round)
    visit = store.open_visit()
    _refused(store, lambda: store.activate_round("2026H1"), visit.receipt_no)
    _refused(store, lambda: store.activate_round("2025H1"), "已是当前轮次")
    _refused(store, lambda: store.activate_round("2030H2"), "没有轮次")


def test_an_invalid_pack_writes_nothing(store: Store) -> None:
    bad = SHIPPED.read_text(encoding="utf-8").replace(
        "paper = 2025-05-30", "paper = 2025-04-01")
    rounds, events = store.rounds(), _event_count(store)
    with pytest.raises(RoundPackError) as caught:
        store.import_round(bad)
    assert "deadlines.paper" in str(caught.value) and "第 " in str(caught.value)
    assert store.rounds() == rounds and _event_count(store) == events


# ---------------------------------------------------------------- migration
def _database_of_the_current_release(db_url: str, *, paper: str = "2025-05-30") -> int:
    """A database at 0007 with 2025H1 data (a visit and a packet); the round's id."""
    engine = create_store_engine(db_url)
    config = _alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0007")
        rid = conn.execute(text("SELECT id FROM round WHERE code = '2025H1'")).scalar_one()
        pid = conn.execute(text("SELECT id FROM acceptance_point WHERE code = 'SC'")).scalar()
        conn.execute(text("UPDATE round SET paper_deadline = :d"),
                     {"d": dt.date.fromisoformat(paper)})
        conn.execute(text("INSERT INTO unit (name) VALUES ('老单位')"))
        conn.execute(text(
            "INSERT INTO applicant (id_kind, id_number, name, gender, unit_id, position,"
            " specialty, education, degree, school, qualification, qualification_issuer,"
            " title, series, created_at, eligibility, eligibility_reasons)"
            " VALUES ('居民身份证', :n, '张三', '', (SELECT id FROM unit), '', '', '', '', '',"
            " '', '', '工程师', '制造业', :at, 'ineligible', '[\"2025H1 的预审\"]')"),
            {"n": ID_ZHANG, "at": FIXED_NOW})
        conn.execute(text(
            "INSERT INTO packet (applicant_id, round_id, point_id, status, accepted, version,"
            " stage) VALUES ((SELECT id FROM applicant), :r, :p, 'none', '{}', 0, 'counter')"),
            {"r": rid, "p": pid})
        conn.execute(text(
            "INSERT INTO visit (receipt_no, point_id, round_id, seq, visitor_name,"
            " visitor_phone, visitor_unit, opened_at, operator, desk)"
            " VALUES ('SC-2025H1-00001', :p, :r, 1, '', '', '', :at, '小王', '窗口1')"),
            {"r": rid, "p": pid, "at": FIXED_NOW})
    engine.dispose()
    return rid


def test_a_database_of_the_current_release_keeps_its_round_row(db_url: str) -> None:
    rid = _database_of_the_current_release(db_url)
    store = Store.open(db_url, operator="小王", desk="窗口1", clock=lambda: FIXED_NOW)
    try:
        assert store.current_round().id == rid
        assert store.round_pack_text("2025H1") == SHIPPED.read_text(encoding="utf-8")
        [only] = store.rounds()
        assert (only.code, only.active, only.packets) == ("2025H1", True, 1)
        assert store.visit_by_receipt("SC-2025H1-00001").round_code == "2025H1"
        assert store.import_round(SHIPPED.read_text(encoding="utf-8")).unchanged
        # 0010: the verdict the applicant had is its 2025H1 packet's, not recomputed
        [row] = store.packet_rows()
        assert row.eligibility == "ineligible"
        assert store.packet(row.packet_id).eligibility_reasons == ("2025H1 的预审",)
    finally:
        store.close()


def test_a_round_row_changed_since_0002_wins_over_the_shipped_file(db_url: str) -> None:
    rid = _database_of_the_current_release(db_url, paper="2025-06-06")
    store = Store.open(db_url, operator="小王", desk="窗口1", clock=lambda: FIXED_NOW)
    try:
        assert store.current_round().id == rid
        assert store.round_pack("2025H1").deadlines.paper == dt.date(2025, 6, 6)
        assert store.current_round().paper_deadline == dt.date(2025, 6, 6)
    finally:
        store.close()


def test_plan_summary_words() -> None:
    plan = RoundImportPlan("2026H1", "2026 上半年度", True, False, "2025H1",
                           ("deadlines.paper：2025-05-30 → 2026-05-30",), (), dry_run=True)
    assert plan.summary().splitlines()[0] == "将新增轮次 2026H1（2026 上半年度）。"
    assert "zcdesk round activate 2026H1" in plan.summary()


def test_after_a_switch_copies_and_undo_stay_in_the_current_round(
        store: Store, people: dict[str, int], next_round: str, db_url: str) -> None:
    """Another desk switched rounds: this desk cannot book to, or undo into, the old one."""
    old = people["张三"]
    visit = store.open_visit("王女士", "", "")
    store.accept(old, "evaluation", 2, visit_id=visit.id)
    store.close_visit(visit.id)
    other = Store.open(db_url, operator="老李", desk="窗口2")
    try:
        other.import_round(next_round)
        other.activate_round("2026H1")
    finally:
        other.close()
    with pytest.raises(InputError, match=r"属于轮次 2025H1.*当前轮次已是 2026H1"):
        store.accept(old, "registration", 2)
    assert store.current_round().code == "2026H1"  # this desk caught up at once
    with pytest.raises(NothingToUndo):
        store.undo_last()  # the 2025H1 recording is out of reach
    assert store.packet(old).state.item("evaluation").accepted == 2


def test_an_earlier_rounds_papers_keep_its_own_contacts_and_item_names(
        store: Store, people: dict[str, int], pack: RoundPack) -> None:
    """A reprint of a 2025H1 paper after 2026H1 changed SC's phone, the city's contact and
    an item's short name shows 2025H1's: read from the pack 2025H1 stored."""
    points = tuple(dataclasses.replace(p, phone="12345678") if p.code == "SC" else p
                   for p in pack.points)
    items = tuple(dataclasses.replace(i, short_name="评审表（新）") if i.code == "evaluation"
                  else i for i in pack.checklist.items)
    later = shifted(dataclasses.replace(
        pack, points=points, city=dataclasses.replace(pack.city, contact="新联系人"),
        checklist=dataclasses.replace(pack.checklist, items=items)),
        "2026H1", "2026 上半年度", years=1)
    store.import_round(dump_pack(later))
    store.activate_round("2026H1")
    old = store.round_papers("2025H1", "SC")
    assert old.round.paper_deadline == pack.deadlines.paper
    assert old.point.phone == pack.points[0].phone != "12345678"
    assert old.point.id == store.point("SC").id
    assert "新联系人" not in old.city.note and old.city.kind == "city"
    assert [i.short_name for i in old.items] == [
        i.short_name for i in pack.checklist.items if i.scope == "packet"]
    new = store.round_papers("2026H1", "SC")
    assert (new.point.phone, new.round.code) == ("12345678", "2026H1")
    assert "新联系人" in new.city.note
    assert "评审表（新）" in [i.short_name for i in new.items]
