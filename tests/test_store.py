"""The Store facade on a fresh SQLite database per test."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import BAD_CHECK, FIXED_NOW, ID_LI, ID_WANG, ID_ZHANG
from zcdesk.domain.checklist import RejectReason, Scope
from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.records import ApplicantForm, LookupKind
from zcdesk.store import DatabaseUnavailable, InputError, NotFound, Store
from zcdesk.store.errors import NothingToUndo

pytestmark = pytest.mark.both_backends


def events(db_url: str) -> list[tuple]:
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(
                "SELECT kind, item_code, copies, reverses_id, operator, desk "
                "FROM event ORDER BY id"))]
    finally:
        engine.dispose()


def test_reference_data_comes_from_the_database(store: Store) -> None:
    round_ = store.current_round()
    assert (round_.code, round_.name) == ("2025H1", "2025 上半年度")
    assert str(round_.paper_deadline) == "2025-05-30"
    assert str(round_.cutoff_date) == "2025-06-30"
    assert [p.short_name for p in store.points() if p.kind == "district"] == [
        "上城区", "拱墅区", "西湖区", "富阳区", "桐庐县", "淳安县"]
    assert [(i.short_name, i.copies_required) for i in store.checklist()] == [
        ("评审表", 2), ("登记表", 2)]
    assert "stamp" in store.checklist()[1].checks
    assert [(i.short_name, i.copies_required) for i in store.checklist(Scope.BATCH)] == [
        ("送评报告单", 1), ("花名册", 1)]
    catalogue = store.catalogue()
    assert len(catalogue) == 9 and {q.abbreviation for q in catalogue} >= {"PMP", "IPMP", "NPDP"}
    assert store.desk_point().code == "SC"


@pytest.mark.sqlite_only
def test_sqlite_is_tuned(store: Store, db_url: str) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert Path(db_url.removeprefix("sqlite:///")).stat().st_mode & 0o077 == 0


def test_receipt_numbers_are_sequential_per_point_and_round(store: Store) -> None:
    numbers = [store.open_visit().receipt_no for _ in range(3)]
    assert numbers == ["SC-2025H1-00001", "SC-2025H1-00002", "SC-2025H1-00003"]
    store.set_desk_point("XH")
    assert store.open_visit("王女士", "138 0000 0000", "杭州汽轮机").receipt_no == \
        "XH-2025H1-00001"


def test_a_refused_visit_uses_no_number(store: Store) -> None:
    with pytest.raises(InputError):
        store.open_visit(visitor_phone="abc")
    assert store.open_visit().receipt_no == "SC-2025H1-00001"


def test_receive_partial_then_complete(store: Store, people: dict[str, int]) -> None:
    pid = people["张三"]
    visit = store.open_visit()
    result = store.accept(pid, "evaluation", 2, visit_id=visit.id)
    assert result.packet.status is PacketStatus.PARTIAL
    assert result.packet.state.missing_text() == "缺 登记表 2 份"
    result = store.accept(pid, "登记表", 2, visit_id=visit.id)
    assert result.packet.status is PacketStatus.COMPLETE
    assert store.packet_row(pid).status == "complete"
    assert store.status_counts()[PacketStatus.COMPLETE] == 1


def test_extra_copies_are_warned_and_never_counted_twice(store: Store,
                                                         people: dict[str, int]) -> None:
    pid = people["张三"]
    result = store.accept(pid, "evaluation", 3)
    assert result.packet.state.item("evaluation").accepted == 2
    assert "多出的 1 份未计入" in result.warning
    with pytest.raises(InputError, match="已收齐"):
        store.accept(pid, "evaluation", 1)
    assert store.packet(pid).state.item("evaluation").accepted == 2


@pytest.mark.parametrize("copies", [0, -1, 21, 10**9])
def test_absurd_copy_counts_are_refused(store: Store, people: dict[str, int],
                                        copies: int, db_url: str) -> None:
    before = events(db_url)
    with pytest.raises(InputError, match="份数"):
        store.accept(people["张三"], "evaluation", copies)
    assert events(db_url) == before


def test_reject_with_reason(store: Store, people: dict[str, int]) -> None:
    pid = people["李四"]
    result = store.reject(pid, "registration", 1, RejectReason.NO_STAMP)
    assert result.packet.state.item("registration").rejections[0].describe() == "退回 1 份：未盖章"
    assert result.packet.status is PacketStatus.NONE
    with pytest.raises(InputError, match="其他"):
        store.reject(pid, "registration", 1, RejectReason.OTHER)
    store.reject(pid, "registration", 1, "其他", "照片与本人不符")
    with pytest.raises(InputError, match="无法识别"):
        store.reject(pid, "registration", 1, "太丑")


def test_undo_reverses_by_a_new_event(store: Store, people: dict[str, int],
                                      db_url: str) -> None:
    pid = people["张三"]
    store.accept(pid, "evaluation", 2)
    store.accept(pid, "registration", 2)
    result = store.undo_last()
    assert result.packet.state.item("registration").accepted == 0
    assert "已撤销" in result.message
    kinds = [e[0] for e in events(db_url)]
    assert kinds[-3:] == ["accept", "accept", "reversal"]  # nothing deleted
    store.undo_last()
    assert store.packet(pid).status is PacketStatus.NONE
    with pytest.raises(NothingToUndo):
        store.undo_last()


def test_undo_is_per_operator(db_url: str, store: Store, people: dict[str, int]) -> None:
    store.accept(people["张三"], "evaluation", 2)
    other = Store.open(db_url, operator="小李", desk="窗口2", clock=lambda: FIXED_NOW)
    with pytest.raises(NothingToUndo):
        other.undo_last()
    other.accept(people["李四"], "evaluation", 1)
    assert other.undo_last().packet.applicant.name == "李四"
    assert store.undo_last().packet.applicant.name == "张三"
    other.close()


def test_every_event_says_who_and_where(store: Store, people: dict[str, int],
                                        db_url: str) -> None:
    store.accept(people["张三"], "evaluation", 1)
    assert all(e[4] == "小王" and e[5] == "窗口1" for e in events(db_url))
    history = store.history(store.packet(people["张三"]).applicant.id)
    assert [h.kind for h in history] == ["applicant_added", "accept"]
    assert history[1].description == "评审表 收 1 份"


def test_lookup_by_id_receipt_and_name(store: Store, people: dict[str, int]) -> None:
    found = store.lookup(ID_LI.lower() + "\r\n")
    assert found.kind is LookupKind.FOUND and found.packet.applicant.name == "李四"
    assert store.lookup(BAD_CHECK).kind is LookupKind.REFUSED
    missing = store.lookup("110105194912310021"[:17] + "X")
    assert missing.kind is LookupKind.NOT_FOUND and "F4" in missing.message
    assert store.lookup("王五").packet.applicant.id_number == ID_WANG
    assert store.lookup("李").kind is LookupKind.FOUND  # a part of a name
    assert store.lookup("诸葛").kind is LookupKind.NOT_FOUND
    visit = store.open_visit()
    store.accept(people["张三"], "evaluation", 1, visit_id=visit.id)
    store.accept(people["王五"], "evaluation", 1, visit_id=visit.id)
    by_receipt = store.lookup(visit.receipt_no)
    assert by_receipt.kind is LookupKind.CHOICE and len(by_receipt.choices) == 2


def test_same_name_offers_a_choice(store: Store, people: dict[str, int]) -> None:
    store.add_applicant(ApplicantForm(name="张三", id_number="330102198001010018",
                                      unit="另一家公司"))
    result = store.lookup("张三")
    assert result.kind is LookupKind.CHOICE
    assert {c.unit for c in result.choices} == {"杭州汽轮机股份有限公司", "另一家公司"}


def test_add_applicant_validates(store: Store, people: dict[str, int], db_url: str) -> None:
    before = events(db_url)
    with pytest.raises(InputError, match="校验码"):
        store.add_applicant(ApplicantForm(name="赵六", id_number=BAD_CHECK, unit="某公司"))
    with pytest.raises(InputError, match="已登记"):
        store.add_applicant(ApplicantForm(name="张三", id_number=ID_ZHANG, unit="某公司"))
    problems = store.validate_applicant(ApplicantForm(id_kind="护照", gender="X"))
    assert set(problems) == {"name", "id_number", "unit", "gender"}
    assert events(db_url) == before


def test_closed_visit_takes_no_more_copies(store: Store, people: dict[str, int]) -> None:
    visit = store.open_visit("王女士")
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    store.reject(people["李四"], "registration", 1, RejectReason.NO_WATERMARK,
                 visit_id=visit.id)
    assert store.open_visit_of_desk().id == visit.id
    summary = store.close_visit(visit.id)
    assert [p.applicant.name for p in summary.packets] == ["张三", "李四"]
    assert len(summary.incomplete) == 2
    assert store.open_visit_of_desk() is None
    with pytest.raises(InputError, match="已完成"):
        store.accept(people["张三"], "registration", 1, visit_id=visit.id)


def test_status_report(store: Store, people: dict[str, int]) -> None:
    store.accept(people["张三"], "evaluation", 2)
    report = {r["name"]: r for r in store.status_report()}
    assert report["张三"].pop("eligibility") == "unknown"  # no qualification on file
    assert any("职业资格" in reason for reason in report["张三"].pop("reasons"))
    assert report["张三"] == {"id_number": ID_ZHANG, "name": "张三",
                             "unit": "杭州汽轮机股份有限公司", "status": "partial",
                             "received": {"evaluation": 2, "registration": 0},
                             "missing": {"registration": 2}}
    assert report["王五"]["status"] == "none"


def test_unknown_things(store: Store) -> None:
    with pytest.raises(NotFound):
        store.packet(999)
    with pytest.raises(NotFound):
        store.visit_by_receipt("SC-2025H1-09999")
    with pytest.raises(InputError, match="受理点"):
        store.set_desk_point("ZZ")


def test_a_desk_without_a_point_cannot_open_visits(db_url: str) -> None:
    bare = Store.open(db_url)
    with pytest.raises(InputError, match="受理点"):
        bare.open_visit()
    bare.close()


@pytest.mark.sqlite_only
def test_a_damaged_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseUnavailable, match="损坏"):
        Store.open(f"sqlite:///{path}")
    assert path.read_bytes() == b"this is not a database" * 100


@pytest.mark.sqlite_only
def test_a_locked_database_gives_a_clear_message(store: Store, people: dict[str, int],
                                                 db_url: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("zcdesk.store.engine.BUSY_TIMEOUT_MS", 100)
    locker = sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=0.1)
    locker.execute("BEGIN IMMEDIATE")
    try:
        quick = Store.open(db_url, operator="小李")
        with pytest.raises(DatabaseUnavailable, match="占用"):
            quick.accept(people["张三"], "evaluation", 1)
        quick.close()
    finally:
        locker.rollback()
        locker.close()
    assert store.packet(people["张三"]).status is PacketStatus.NONE


@pytest.mark.sqlite_only
def test_a_database_on_a_network_share_is_warned_about() -> None:
    from zcdesk.store.engine import network_share_warning

    mounts = "srv:/export /mnt/office nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n"
    assert "网络共享" in network_share_warning("sqlite:////mnt/office/zc.sqlite3", mounts)
    assert network_share_warning("sqlite:////home/clerk/zc.sqlite3", mounts) is None
    assert network_share_warning("postgresql://server/zc", mounts) is None


def test_list_rows_carry_the_pre_check(store: Store, people: dict[str, int]) -> None:
    store.refresh_eligibility()
    assert {row.eligibility for row in store.packet_rows()} == {"unknown"}


def test_each_machine_keeps_its_own_desk_name(db_url: str, store: Store,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store.set_setting("desk.name", "窗口A")
    monkeypatch.setattr("socket.gethostname", lambda: "other-pc")
    other = Store.open(db_url, operator="小李")
    assert other.desk == "other-pc"  # not 窗口A: that is the first machine's name
    other.set_setting("desk.name", "窗口B")
    assert other.desk == "窗口B"
    other.close()
    monkeypatch.undo()
    assert Store.open(db_url).desk == "窗口A"


def test_a_written_packet_gives_the_same_list_row_as_a_read(store: Store,
                                                             people: dict[str, int]) -> None:
    result = store.accept(people["张三"], "evaluation", 2)
    assert result.packet.list_row() == store.packet_row(people["张三"])
