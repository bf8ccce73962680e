"""Roster import, bans, eligibility and export through the store and the command line."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from tests.data.builders import HEADERS, person, write_csv, write_xlsx
from zcdesk.domain.eligibility import Ban
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import InputError, Store

pytestmark = pytest.mark.both_backends


@pytest.fixture
def zc(cli, store: Store):  # type: ignore[no-untyped-def]
    return cli


def roster(tmp_path: Path, rows: list[list[object]], name: str = "roster.xlsx") -> Path:
    return write_xlsx(tmp_path / name, [HEADERS, *rows], title="2025 上半年度花名册",
                      merges=["A1:Q1"])


def test_dry_run_then_import_then_reimport(zc, tmp_path: Path, store: Store) -> None:  # type: ignore[no-untyped-def]
    path = roster(tmp_path, [person(i) for i in range(5)])
    code, out, _ = zc("roster", "import", str(path), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["new"] == 5
    assert store.packet_rows() == []
    code, out, _ = zc("roster", "import", str(path), "--json")
    assert code == 0
    report = json.loads(out)
    assert {k: report[k] for k in ("dry_run", "new", "updated", "unchanged", "refused")} == {
        "dry_run": False, "new": 5, "updated": 0, "unchanged": 0, "refused": []}
    assert report["fields"] == {} and report["blank_overwrites"] is False
    assert len(store.packet_rows()) == 5
    code, out, _ = zc("roster", "import", str(path), "--json")
    assert json.loads(out)["unchanged"] == 5 and len(store.packet_rows()) == 5


def test_reimport_updates_without_touching_the_counter(zc, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       store: Store) -> None:
    rows = [person(i) for i in range(3)]
    zc("roster", "import", str(roster(tmp_path, rows)))
    first = store.lookup(str(rows[0][4])).packet
    store.accept(first.packet_id, "evaluation", 2)
    rows[0][5] = "杭州新名字有限公司"
    code, out, _ = zc("roster", "import", str(roster(tmp_path, rows, "v2.xlsx")), "--json")
    report = json.loads(out)
    assert code == 0 and report["updated"] == 1 and report["unchanged"] == 2
    assert report["changes"][0]["fields"]["unit"][1] == "杭州新名字有限公司"
    after = store.packet(first.packet_id)
    assert after.applicant.unit == "杭州新名字有限公司"
    assert after.state.item("evaluation").accepted == 2  # what the counter received stays
    kinds = [e.kind for e in store.history(after.applicant.id)]
    assert kinds == ["applicant_added", "accept", "applicant_updated"]


def test_refused_rows_are_listed_and_the_rest_imported(zc, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       store: Store) -> None:
    rows = [person(0), person(1), person(2)]
    rows[1][4] = 3.30102196501021e17  # an ID number Excel turned into a number
    rows[2][1] = ""  # no name
    code, out, _ = zc("roster", "import", str(roster(tmp_path, rows)))
    assert code == 1
    assert "第 4 行" in out and "第 5 行" in out and "新增 1 人" in out
    assert len(store.packet_rows()) == 1


def test_unreadable_files_exit_2_and_write_nothing(zc, tmp_path: Path, store: Store) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(roster(tmp_path, [person(0)], "whole.xlsx").read_bytes()[:300])
    no_header = write_csv(tmp_path / "plain.csv", [["a", "b"], ["1", "2"]])
    for path in (empty, truncated, no_header, tmp_path / "missing.csv"):
        code, _, err = zc("roster", "import", str(path))
        assert code == 2 and "无法读取" in err, path
    assert store.packet_rows() == []


def test_gbk_csv(zc, tmp_path: Path, store: Store) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "gbk.csv", [HEADERS, *[person(i) for i in range(3)]],
                     encoding="gbk")
    assert zc("roster", "import", str(path))[0] == 0
    assert len(store.packet_rows()) == 3


def test_eligibility_in_status_and_bans(zc, tmp_path: Path, store: Store) -> None:  # type: ignore[no-untyped-def]
    rows = [person(0), person(1)]
    rows[1][14] = "注册会计师"  # not in the catalogue
    zc("roster", "import", str(roster(tmp_path, rows)))
    status = {r["name"]: r for r in json.loads(zc("status", "--json")[1])}
    assert status["测试00000"]["eligibility"] == "eligible"
    assert status["测试00001"]["eligibility"] == "ineligible"
    assert any("目录" in reason for reason in status["测试00001"]["reasons"])

    bans = write_csv(tmp_path / "bans.csv", [
        ["姓名", "证件号码", "决定日期", "原因"],
        ["测试00000", rows[0][4], "2023-03-01", "提交虚假材料"]])
    code, out, _ = zc("roster", "bans", str(bans))
    assert code == 0 and "1 条" in out
    status = {r["name"]: r for r in json.loads(zc("status", "--json")[1])}
    assert status["测试00000"]["eligibility"] == "ineligible"
    assert store.lookup(str(rows[0][4])).packet.eligibility == "ineligible"


def test_check_eligibility_and_export(zc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    zc("roster", "import", str(roster(tmp_path, [person(i) for i in range(4)])))
    code, out, _ = zc("check-eligibility")
    assert code == 0 and "符合 4" in out
    code, out, _ = zc("export", str(tmp_path / "list.csv"))
    assert code == 0
    data = (tmp_path / "list.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens UTF-8 right
    lines = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert len(lines) == 5 and "********" in lines[1][1]
    assert (tmp_path / "list-单位汇总.csv").exists()
    code, _, _ = zc("export", str(tmp_path / "list.xlsx"), "--full-ids")
    assert code == 0 and (tmp_path / "list.xlsx").stat().st_size > 0
    code, _, err = zc("export", str(tmp_path / "list.txt"))
    assert code == 1 and err


def test_store_import_is_all_or_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    forms = [(i + 2, ApplicantForm(name=f"人{i}", id_number=str(person(i)[4]),
                                    unit="某公司")) for i in range(3)]

    def boom(*_args: object, **_kw: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(type(store), "_insert_new", boom)
    with pytest.raises(RuntimeError):
        store.import_roster(forms)
    monkeypatch.undo()
    assert store.packet_rows() == [] and store.unit_names() == []
    assert store.import_roster(forms).new == 3


def test_ban_years(store: Store) -> None:
    assert Ban("某", "", dt.date(2022, 5, 1), "").bars(2025)
    assert not Ban("某", "", dt.date(2022, 5, 1), "").bars(2026)


def test_a_returning_applicant_gets_a_packet_in_the_new_round(store: Store) -> None:
    from sqlalchemy import text

    form = ApplicantForm(name="人0", id_number=str(person(0)[4]), unit="某公司")
    first = store.add_applicant(form)
    store.accept(first.packet_id, "evaluation", 2)
    with store.engine.begin() as conn:  # the office moves on to the next round
        conn.execute(text("UPDATE round SET is_current = false"))
        conn.execute(text(
            "INSERT INTO round (code, name, applicant_deadline, employer_deadline, "
            "district_deadline, paper_deadline, cutoff_date, is_current) VALUES ('2025H2', "
            "'2025 下半年度', '2025-09-30', '2025-10-14', '2025-10-31', '2025-11-30', "
            "'2025-12-31', true)"))
    fresh = Store.open(store.url.replace("***", ""), operator="小王", desk="窗口1")
    assert "本轮次还没有材料袋" in fresh.lookup(form.id_number).message
    assert fresh.import_roster([(2, form)]).unchanged == 1
    packet = fresh.lookup(form.id_number).packet
    assert packet.round_code == "2025H2" and packet.state.item("evaluation").accepted == 0
    with pytest.raises(InputError, match="已登记"):
        fresh.add_applicant(form)
    fresh.close()
