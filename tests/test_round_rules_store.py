"""The rules in the store come from the round's stored pack (#11): the pre-check, the
ID checks and the roster's year-only dates, per round."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import ID_ZHANG
from tests.data.builders import HEADERS, person, write_csv
from zcdesk.domain.records import ApplicantForm
from zcdesk.domain.round_pack import RoundPack, dump_pack, load_pack, shifted, shipped_pack_path
from zcdesk.store import Store

pytestmark = pytest.mark.both_backends

SHIPPED = shipped_pack_path("2025H1")
# Eligible in 2025H1 by every rule the pack holds (entry 1 of the catalogue: the PMP).
PMP_HOLDER = ApplicantForm(
    name="张三", id_number=ID_ZHANG, unit="杭州汽轮机股份有限公司",
    unit_address="杭州市上城区东新路 1 号", education="大学本科", degree="学士",
    school="浙江大学", graduated_on=dt.date(2012, 7, 1), work_start=dt.date(2012, 8, 1),
    qualification="PMP", qualification_issuer="美国项目管理协会",
    qualified_on=dt.date(2020, 5, 1))
_COLUMNS = ("name", "id_number", "unit", "work_start")


@pytest.fixture
def pack() -> RoundPack:
    return load_pack(SHIPPED)


def _next_round(pack: RoundPack, **changes: object) -> str:
    return dump_pack(shifted(dataclasses.replace(pack, **changes), "2026H1", "2026 上半年度",
                             years=1))


def _lookup_round_id(store: Store, code: str) -> int:
    from sqlalchemy import select

    from zcdesk.store import models as m

    with store.engine.connect() as conn:
        return conn.execute(select(m.Round.id).where(m.Round.code == code)).scalar_one()


# ------------------------------------------------------------------ the pre-check
def test_a_rounds_catalogue_judges_that_rounds_packets_only(
        store: Store, pack: RoundPack) -> None:
    old = store.add_applicant(PMP_HOLDER)
    assert old.eligibility == "eligible", old.eligibility_reasons
    store.accept(old.packet_id, "evaluation", 2)
    store.accept(old.packet_id, "registration", 2)
    batch_no = store.new_batch().batch.batch_no  # a 2025H1 batch, shown later
    stored_2025 = store.round_pack_text("2025H1")
    entries = tuple(e for e in pack.catalogue.entries if e.abbreviation != "PMP")
    store.import_round(_next_round(
        pack, catalogue=dataclasses.replace(pack.catalogue, entries=entries)))
    assert store.packet(old.packet_id).eligibility == "eligible"  # imported, not current

    store.activate_round("2026H1")  # recomputes every pre-check with 2026H1's pack
    assert store.import_roster([(2, PMP_HOLDER)]).opened == 1
    new = store.packet_by_id_number(ID_ZHANG)
    assert new.round_code == "2026H1"
    assert new.eligibility == "ineligible", new.eligibility_reasons
    assert any("PMP" in r for r in new.eligibility_reasons)
    assert store.packet_reports()[0].eligibility == "ineligible"

    again = store.packet(old.packet_id)  # a 2025H1 packet: 2025H1's own pack
    assert (again.round_code, again.eligibility) == ("2025H1", "eligible")
    assert [p.eligibility for p in store.batch(batch_no).packets] == ["eligible"]
    assert store.round_pack_text("2025H1") == stored_2025
    assert store.rules_pack(_lookup_round_id(store, "2025H1")).catalogue == pack.catalogue

    store.activate_round("2025H1")
    assert store.packet_by_id_number(ID_ZHANG).eligibility == "eligible"


def test_the_cutoff_comes_from_the_current_rounds_pack(
        store: Store, pack: RoundPack) -> None:
    later = dataclasses.replace(pack, deadlines=dataclasses.replace(
        pack.deadlines, cutoff=dt.date(2025, 1, 31)))
    store.import_round(dump_pack(later))  # the current round's pack changed
    packet = store.add_applicant(PMP_HOLDER)
    assert packet.eligibility == "eligible"
    assert store._checker().cutoff == dt.date(2025, 1, 31)


def test_another_rounds_pack_is_read_again_when_it_changes(
        store: Store, db_url: str, pack: RoundPack) -> None:
    store.import_round(_next_round(pack))
    rid = _lookup_round_id(store, "2026H1")
    other = Store.open(db_url, operator="小李", desk="窗口2")
    try:
        assert other.rules_pack(rid).deadlines.paper == dt.date(2026, 5, 30)
        moved = _next_round(pack).replace("paper = 2026-05-30", "paper = 2026-06-05")
        store.import_round(moved)  # on this desk: the other one sees the new SHA-256
        assert other.rules_pack(rid).deadlines.paper == dt.date(2026, 6, 5)
    finally:
        other.close()


def test_a_round_stored_without_a_pack_uses_the_shipped_rules_with_its_dates(
        store: Store) -> None:
    from sqlalchemy import text

    with store.engine.begin() as conn:  # as a round made before 0008 by other means
        conn.execute(text("UPDATE round SET is_current = false"))
        conn.execute(text(
            "INSERT INTO round (code, name, applicant_deadline, employer_deadline, "
            "district_deadline, paper_deadline, cutoff_date, is_current) VALUES ('2025H2', "
            "'2025 下半年度', '2025-09-30', '2025-10-14', '2025-10-31', '2025-11-30', "
            "'2025-12-31', true)"))
    fresh = Store.open(store.url.replace("***", ""), operator="小王", desk="窗口1")
    try:
        rules = fresh.rules_pack()
        assert (rules.code, rules.deadlines.cutoff) == ("2025H2", dt.date(2025, 12, 31))
        assert rules.catalogue == load_pack(SHIPPED).catalogue
        assert fresh._checker().cutoff == dt.date(2025, 12, 31)
    finally:
        fresh.close()


# ------------------------------------------------------------------ ID checks
def test_the_id_kinds_are_the_current_rounds(store: Store, pack: RoundPack) -> None:
    passport = dataclasses.replace(PMP_HOLDER, id_kind="护照", id_number="E12345678")
    assert "id_number" not in store.validate_applicant(passport)  # 2025H1: an open list
    closed = dataclasses.replace(pack.ids, open_list=False, kinds=tuple(
        k for k in pack.ids.kinds if k.name != "护照"))
    store.import_round(_next_round(pack, ids=closed))
    store.activate_round("2026H1")
    assert "不在本轮允许的范围内" in store.validate_applicant(passport)["id_number"]
    report = store.import_roster([(7, passport)])
    assert report.new == 0 and report.refused[0][0] == 7


# ------------------------------------------------------------- address and years
def test_address_and_years_are_stored_and_read_back(store: Store) -> None:
    form = dataclasses.replace(PMP_HOLDER, work_start=None, work_start_year=2012,
                               graduated_on=None, graduated_year=2012,
                               qualified_on=None, qualified_year=2020)
    assert store.import_roster([(2, form)]).new == 1
    info = store.packet_by_id_number(ID_ZHANG).applicant
    assert (info.unit_address, info.work_start, info.work_start_year, info.graduated_year,
            info.qualified_year) == ("杭州市上城区东新路 1 号", None, 2012, 2012, 2020)
    verdict = store.packet_by_id_number(ID_ZHANG)
    assert verdict.eligibility == "unknown"  # a year alone: to verify, never guessed
    assert any("只写了年份" in r for r in verdict.eligibility_reasons)


def test_a_year_travels_with_its_date_column(store: Store) -> None:
    dated = dataclasses.replace(PMP_HOLDER, work_start=dt.date(2010, 7, 1))
    store.import_roster([(2, dated)], columns=_COLUMNS)
    year_only = dataclasses.replace(dated, work_start=None, work_start_year=2012)
    report = store.import_roster([(2, year_only)], columns=_COLUMNS)
    assert report.updated == 1
    assert report.changes[0][2] == {"work_start": (dt.date(2010, 7, 1), None),
                                    "work_start_year": (None, 2012)}
    info = store.packet_by_id_number(ID_ZHANG).applicant
    assert (info.work_start, info.work_start_year) == (None, 2012)

    blank = dataclasses.replace(dated, work_start=None)  # a blank cell keeps both
    assert store.import_roster([(2, blank)], columns=_COLUMNS).unchanged == 1
    without = dataclasses.replace(dated, work_start=dt.date(2009, 1, 1))  # no column: kept
    assert store.import_roster([(2, without)], columns=("name", "id_number", "unit")
                               ).unchanged == 1

    assert store.import_roster([(2, dated)], columns=_COLUMNS).updated == 1  # a date again
    info = store.packet_by_id_number(ID_ZHANG).applicant
    assert (info.work_start, info.work_start_year) == (dt.date(2010, 7, 1), None)
    store.undo_roster_import()  # the year comes back with the date it replaced
    info = store.packet_by_id_number(ID_ZHANG).applicant
    assert (info.work_start, info.work_start_year) == (None, 2012)


def test_years_and_the_address_are_checked(store: Store) -> None:
    def problems(**values: object) -> dict[str, str]:
        return store.validate_applicant(dataclasses.replace(PMP_HOLDER, **values))

    assert problems(work_start_year=1940, graduated_year=2025, qualified_year=2020) == {}
    assert "1940" in problems(work_start_year=1939)["work_start_year"]
    assert "今年" in problems(qualified_year=2026)["qualified_year"]  # FIXED_NOW is 2025
    assert "单位地址过长" in problems(unit_address="址" * 201)["unit_address"]
    rows = [(2, dataclasses.replace(PMP_HOLDER, graduated_year=1939))]
    report = store.import_roster(rows)
    assert report.new == 0 and "毕业年份不合理" in report.refused[0][1]


def test_the_preview_does_not_list_the_years_as_absent_columns(store: Store) -> None:
    preview = store.preview_roster([(2, PMP_HOLDER)], columns=("name", "id_number", "unit"))
    assert "unit_address" in preview.absent and "work_start" in preview.absent
    assert not {"work_start_year", "graduated_year", "qualified_year"} & set(preview.absent)


# ------------------------------------------------------------------ the CLI
def test_the_cli_report_lists_unused_columns(cli, tmp_path: Path, store: Store) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "r.csv", [[*HEADERS, "备注"], [*person(0), "加急"]])
    code, out, _ = cli("roster", "import", str(path), "--dry-run")
    assert code == 0 and "未使用的列：序号、备注" in out
    code, out, _ = cli("roster", "import", str(path), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["unused_columns"] == ["序号", "备注"]
