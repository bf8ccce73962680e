"""After the city: decisions (by hand and from a spreadsheet), forms back, return, archive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW, ID_LI, ID_WANG, ID_ZHANG
from tests.data.builders import write_csv, write_xlsx
from zcdesk.domain.flow import Decision, DecisionResult, PacketStage
from zcdesk.store import InputError, NotFound, Store

pytestmark = pytest.mark.both_backends

TODAY = FIXED_NOW.date()
UNIT_ZHANG = "杭州汽轮机股份有限公司"
UNIT_LW = "杭州制氧机集团股份有限公司"


def events(store: Store) -> int:
    return len(store.audit())


@pytest.fixture
def handed(store: Store, people: dict[str, int]) -> str:
    """张三 and 李四 complete, batched, closed and handed over; 王五 at the counter."""
    for name in ("张三", "李四"):
        store.accept(people[name], "evaluation", 2)
        store.accept(people[name], "registration", 2)
    no = store.new_batch().batch.batch_no
    store.batch_accept(no, "report", 1)
    store.batch_accept(no, "roster", 1)
    store.close_batch(no)
    store.hand_over(no, "王科长", "市局李老师")
    return no


def test_record_and_change_a_decision(store: Store, people: dict[str, int],
                                      handed: str) -> None:
    view = store.record_decision(ID_ZHANG, "通过", dt.date(2025, 5, 10), "杭人社〔2025〕12号")
    assert view.decision == Decision(DecisionResult.PASSED, dt.date(2025, 5, 10),
                                     "杭人社〔2025〕12号")
    assert store.packet_row(people["张三"]).decision == "passed"
    before = events(store)
    store.record_decision(ID_ZHANG, DecisionResult.PASSED, dt.date(2025, 5, 10),
                          "杭人社〔2025〕12号")
    assert events(store) == before  # the same decision again: nothing to record
    code = f"SC-2025H1-P{people['张三']:06d}"
    view = store.record_decision(code, "failed", dt.date(2025, 5, 11))
    assert view.decision == Decision(DecisionResult.FAILED, dt.date(2025, 5, 11), "")
    last = store.audit()[-1]
    assert last.kind == "decision_recorded"
    assert last.detail["before"]["result"] == "passed"
    assert last.detail["after"]["result"] == "failed"
    assert last.description.startswith("评审结果更正：通过")
    assert store.packet(people["李四"]).decision is None


@pytest.mark.parametrize(("ref", "result", "day", "document", "error", "match"), [
    (ID_WANG, "通过", dt.date(2025, 5, 10), "", InputError, "尚未移交"),
    (ID_ZHANG, "优秀", dt.date(2025, 5, 10), "", InputError, "无法识别"),
    (ID_ZHANG, "通过", TODAY + dt.timedelta(days=1), "", InputError, "晚于今天"),
    (ID_ZHANG, "通过", dt.date(1999, 1, 1), "", InputError, "不合理"),
    (ID_ZHANG, "通过", dt.date(2025, 5, 10), "号" * 65, InputError, "文号过长"),
    ("330102198001010018", "通过", dt.date(2025, 5, 10), "", NotFound, "330102198001010018"),
])
def test_decision_refusals_write_nothing(store: Store, people: dict[str, int], handed: str,
                                         ref: str, result: str, day: dt.date, document: str,
                                         error: type[Exception], match: str) -> None:
    before = events(store)
    with pytest.raises(error, match=match):
        store.record_decision(ref, result, day, document)
    assert events(store) == before


def test_import_decisions_with_problems_lists_them_all_and_writes_nothing(
        store: Store, people: dict[str, int], handed: str, tmp_path: Path) -> None:
    store.record_decision(ID_LI, "通过", dt.date(2025, 5, 1))
    path = write_csv(tmp_path / "评审结果.csv", [
        ["姓名", "身份证号", "结果", "日期", "文号"],
        ["张三", ID_ZHANG, "通过", "2025-05-10", "浙职改〔2025〕3号"],   # row 2: new
        ["李四", ID_LI.lower(), "不通过", "2025/5/10", ""],               # 3: changed
        ["王五", ID_WANG, "通过", "2025-05-10", ""],                      # 4: not handed over
        ["赵六", "330102198001010018", "通过", "2025-05-10", ""],         # 5: other district
        ["张三", ID_ZHANG, "待定", "2025-05-10", ""],                     # 6: bad result
        ["张三", ID_ZHANG, "通过", "五月", ""],                           # 7: bad date
        ["张叁", ID_ZHANG, "通过", "2025-05-10", ""],                     # 8: name
        ["张三", ID_ZHANG, "不通过", "2025-05-10", ""],                   # 9: two results
        ["赵六", "330102198001010018", "待定", "", ""],                   # 10: other district
        ["", "", "", "", ""],
    ])
    before = events(store)
    dry = store.import_decisions(path, dry_run=True)
    assert (dry.recorded, dry.changed, dry.unchanged, dry.dry_run) == (1, 1, 0, True)
    report = store.import_decisions(path)
    assert (report.recorded, report.changed, report.unchanged) == (0, 0, 0)
    assert report.refused == dry.refused and report.skipped == dry.skipped
    reasons = dict(report.refused)
    assert list(reasons) == [4, 6, 7, 8, 9]
    assert "尚未移交" in reasons[4]
    assert "“待定”无法识别" in reasons[6]
    assert "日期“五月”" in reasons[7]
    assert "张叁" in reasons[8] and "不符" in reasons[8]
    assert "与第 2 行重复" in reasons[9] and "不同" in reasons[9]
    assert [row for row, _ in report.skipped] == [5, 10]
    assert all("不是本受理点的申报人，已跳过" in why for _, why in report.skipped)
    assert events(store) == before  # nothing written: not even 张三's good row
    assert store.packet(people["张三"]).decision is None
    assert store.packet(people["李四"]).decision.result is DecisionResult.PASSED  # type: ignore[union-attr]


def test_import_decisions_skips_other_districts_and_takes_a_repeat_once(
        store: Store, people: dict[str, int], handed: str, tmp_path: Path) -> None:
    store.record_decision(ID_LI, "通过", dt.date(2025, 5, 1))
    path = write_csv(tmp_path / "全市评审结果.csv", [
        ["姓名", "身份证号", "结果", "日期", "文号"],
        ["张三", ID_ZHANG, "通过", "2025-05-10", "浙职改〔2025〕3号"],
        ["李四", ID_LI.lower(), "不通过", "2025/5/10", ""],
        ["赵六", "330102198001010018", "通过", "2025-05-10", ""],         # other district
        ["张三", ID_ZHANG, "通过", "2025-05-10", "浙职改〔2025〕3号"],   # same again: once
    ])
    report = store.import_decisions(path)
    assert (report.recorded, report.changed, report.unchanged, report.refused) == (1, 1, 0, ())
    assert [row for row, _ in report.skipped] == [4]
    zhang = store.packet(people["张三"]).decision
    assert zhang == Decision(DecisionResult.PASSED, dt.date(2025, 5, 10), "浙职改〔2025〕3号")
    assert store.packet(people["李四"]).decision.result is DecisionResult.FAILED  # type: ignore[union-attr]
    assert store.audit()[-1].kind == "decisions_imported"
    assert "1 行非本受理点已跳过" in store.audit()[-1].description
    again = store.import_decisions(path)
    assert (again.recorded, again.changed, again.unchanged) == (0, 0, 2)


def test_import_decisions_xlsx_name_mismatch_and_unreadable(
        store: Store, people: dict[str, int], handed: str, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "结果.xlsx", [
        ["序号", "姓名", "证件号码", "评审结果", "评审日期", "文号"],
        [1, "张三丰", ID_ZHANG, "通过", dt.datetime(2025, 5, 10), ""],
        [2, "李四", ID_LI, "评审通过", dt.datetime(2025, 5, 10), "3号"]],
        title="2025 年评审结果", merges=["A1:F1"])
    before = events(store)
    report = store.import_decisions(path)
    assert report.recorded == 0 and events(store) == before  # all or nothing
    assert report.refused == ((3, "姓名“张三丰”与系统中该证件号码的“张三”不符。"),)
    (tmp_path / "空.csv").write_text("随便写点\n", encoding="utf-8")
    before = events(store)
    with pytest.raises(InputError, match="找不到表头"):
        store.import_decisions(tmp_path / "空.csv")
    with pytest.raises(InputError, match="找不到文件"):
        store.import_decisions(tmp_path / "没有.xlsx")
    assert events(store) == before


def test_back_return_and_archive(store: Store, people: dict[str, int], handed: str) -> None:
    before = events(store)
    with pytest.raises(InputError, match="已移交的材料袋"):
        store.receive_back([ID_ZHANG, ID_WANG])  # 王五 never left the counter
    with pytest.raises(InputError, match="请指定"):
        store.receive_back()
    assert events(store) == before
    assert store.receive_back([ID_ZHANG]) == 1
    assert store.packet(people["张三"]).stage is PacketStage.BACK
    assert store.receive_back(batch_no=handed) == 1  # only 李四 was still away
    with pytest.raises(InputError, match="没有待收回"):
        store.receive_back(batch_no=handed)
    assert store.units_to_return() == [(UNIT_LW, 1), (UNIT_ZHANG, 1)]

    store.record_decision(ID_ZHANG, "通过", dt.date(2025, 5, 10), "3号")
    listed = store.return_list(UNIT_ZHANG)
    (line,) = listed.lines
    assert (line.name, line.id_number, line.stage) == ("张三", ID_ZHANG, PacketStage.BACK)
    assert line.items == {"evaluation": 2, "registration": 2}
    assert line.decision is not None and line.decision.document_no == "3号"
    assert (listed.round_code, listed.point_code, listed.returned_by) == ("2025H1", "SC", "")
    with pytest.raises(NotFound, match="没有单位"):
        store.return_list("没有这家公司")

    before = events(store)
    for args, match in (((UNIT_ZHANG, "", "人事处刘"), "姓名"),
                        ((UNIT_ZHANG, "王科长", "人事处刘", [ID_LI]), UNIT_LW),
                        ((UNIT_LW, "王科长", "人事处陈", [ID_WANG]), "在窗口")):
        with pytest.raises(InputError, match=match):
            store.record_return(*args)  # type: ignore[arg-type]
    assert events(store) == before
    returned = store.record_return(UNIT_ZHANG, "王科长", "人事处刘")
    assert (returned.returned_by, returned.received_by, returned.returned_at) == \
        ("王科长", "人事处刘", FIXED_NOW)
    assert [(r.name, r.stage) for r in returned.lines] == [("张三", PacketStage.RETURNED)]
    assert store.return_list(UNIT_ZHANG).lines == ()
    with pytest.raises(InputError, match="没有待返还"):
        store.record_return(UNIT_ZHANG, "王科长", "人事处刘")
    assert store.units_to_return() == [(UNIT_LW, 1)]
    assert store.units_to_archive() == [(UNIT_ZHANG, 1)]
    assert [(r.name, r.stage) for r in store.archive_list(UNIT_ZHANG).lines] == \
        [("张三", PacketStage.RETURNED)]
    assert store.archive_list(UNIT_LW).lines == ()

    with pytest.raises(InputError, match="已返还的材料袋"):
        store.archive([ID_LI])
    assert store.archive(unit=UNIT_ZHANG) == 1
    assert store.packet(people["张三"]).stage is PacketStage.ARCHIVED
    with pytest.raises(InputError, match="没有待归档"):
        store.archive(unit=UNIT_ZHANG)
    assert store.units_to_archive() == []
    history = [e.description for e in store.history(store.packet(people["张三"]).applicant.id)]
    assert history[-4:] == ["材料从市局收回（已回收）", "登记评审结果：通过（2025-05-10，3号）",
                            f"返还单位：王科长 → 人事处刘（{UNIT_ZHANG}）", "单位已归档"]
    assert store.check() == []


def test_a_return_another_desk_just_registered_is_refused_whole(
        store: Store, people: dict[str, int], handed: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store.receive_back(batch_no=handed)
    shown = store._unit_packets  # what this desk saw before the other desk signed

    with store._read() as s:
        stale = shown(s, store._unit_row(s, UNIT_LW).id, PacketStage.BACK)
    store.record_return(UNIT_LW, "王科长", "人事处陈")  # the other desk, first
    before = events(store)
    monkeypatch.setattr(store, "_unit_packets", lambda *_a: stale)
    with pytest.raises(InputError, match=r"另一窗口刚刚已登记.*请刷新后再试"):
        store.record_return(UNIT_LW, "王科长", "人事处陈")
    assert events(store) == before
    with store._read() as s:
        from sqlalchemy import func, select

        from zcdesk.store import models as m
        assert s.scalar(select(func.count()).select_from(m.Handback)) == 1
    assert store.check() == []


def test_an_old_round_s_decisions_and_returns_after_the_next_round_began(
        store: Store, people: dict[str, int], handed: str, tmp_path: Path) -> None:
    """#11: 2025H1's results arrive while 2026H1 is current; its forms still go back."""
    from zcdesk.domain.round_pack import dump_pack, load_pack, shifted, shipped_pack_path

    pack = shifted(load_pack(shipped_pack_path("2025H1")), "2026H1", "2026 上半年度", years=1)
    store.import_round(dump_pack(pack))
    store.activate_round("2026H1")
    path = write_csv(tmp_path / "评审结果.csv", [
        ["姓名", "身份证号", "结果", "日期", "文号"],
        ["张三", ID_ZHANG, "通过", "2025-05-10", "浙职改〔2025〕3号"],
        ["李四", ID_LI, "不通过", "2025-05-10", ""],
    ])
    report = store.import_decisions(path)
    assert (report.recorded, report.refused, report.skipped) == (2, (), ())
    assert store.packet(people["张三"]).decision is not None

    assert store.receive_back(batch_no=handed) == 2
    assert store.units_to_return() == [(UNIT_LW, 1), (UNIT_ZHANG, 1)]
    listed = store.return_list(UNIT_ZHANG)
    assert listed.round_code == "2025H1" and [ln.name for ln in listed.lines] == ["张三"]
    done = store.record_return(UNIT_ZHANG, "王科长", "人事部刘老师")
    assert done.round_code == "2025H1"
    assert store.packet(people["张三"]).stage is PacketStage.RETURNED


def test_a_decision_for_two_rounds_with_the_city_is_refused_not_guessed(
        store: Store, people: dict[str, int], handed: str, tmp_path: Path) -> None:
    from zcdesk.domain.records import ApplicantForm
    from zcdesk.domain.round_pack import dump_pack, load_pack, shifted, shipped_pack_path

    pack = shifted(load_pack(shipped_pack_path("2025H1")), "2026H1", "2026 上半年度", years=1)
    store.import_round(dump_pack(pack))
    store.activate_round("2026H1")
    store.import_roster([(2, ApplicantForm(name="张三", id_number=ID_ZHANG, unit=UNIT_ZHANG))])
    again = store.lookup(ID_ZHANG).packet
    assert again is not None and again.round_code == "2026H1"
    store.accept(again.packet_id, "evaluation", 2)
    store.accept(again.packet_id, "registration", 2)
    no = store.new_batch().batch.batch_no
    store.batch_accept(no, "report", 1)
    store.batch_accept(no, "roster", 1)
    store.close_batch(no)
    store.hand_over(no, "王科长", "市局李老师")  # 张三 now has two packets with the city
    path = write_csv(tmp_path / "评审结果.csv", [
        ["姓名", "身份证号", "结果", "日期", "文号"],
        ["张三", ID_ZHANG, "通过", "2025-05-10", ""],
        ["李四", ID_LI, "通过", "2025-05-10", ""],
    ])
    report = store.import_decisions(path, dry_run=True)
    assert [(row, "两个轮次" in why) for row, why in report.refused] == [(2, True)]
    assert report.recorded == 1  # 李四: one packet with the city, no doubt
