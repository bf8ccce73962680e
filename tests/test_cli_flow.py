"""`zcdesk batch …`, `decision`, `return`, `stats`, `deadlines`, `calendar` from the
command line: what they print, their exit codes, and that a refusal writes nothing."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.conftest import ID_LI, ID_WANG, ID_ZHANG
from zcdesk.importing.transmittal_file import read_transmittal
from zcdesk.store import Store

pytestmark = pytest.mark.both_backends

B1 = "SC-2025H1-B001"


@pytest.fixture
def zc(store: Store, people: dict[str, int], cli):  # type: ignore[no-untyped-def]
    """张三 and 李四 complete, 王五 with one item missing."""
    for name in ("张三", "李四"):
        for item in ("evaluation", "registration"):
            store.accept(people[name], item, 2)
    store.accept(people["王五"], "evaluation", 2)
    return cli


def show(zc, batch_no: str = B1) -> dict:  # type: ignore[no-untyped-def]
    code, out, err = zc("batch", "show", batch_no, "--json")
    assert code == 0, err
    return json.loads(out)


def stages(zc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    code, out, _ = zc("status", "--json")
    assert code == 0
    return {row["name"]: row["stage"] for row in json.loads(out)}


def test_batch_from_empty_to_handed_over(zc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zc("batch", "new", "--empty", "--json")
    assert code == 0 and json.loads(out)["packets"] == 0 and json.loads(out)["status"] == "open"
    code, out, _ = zc("batch", "add", B1, ID_ZHANG, ID_LI.lower())
    assert code == 0 and "2 人" in out
    assert stages(zc) == {"张三": "batched", "李四": "batched", "王五": "counter"}
    code, out, _ = zc("batch", "remove", B1, ID_LI, "--json")
    assert code == 0 and [p["name"] for p in json.loads(out)["packet_list"]] == ["张三"]
    assert stages(zc)["李四"] == "counter"

    # batch-level items by short name or code; a reject, then undo
    assert zc("batch", "item", B1, "送评报告单", "1")[0] == 0
    code, out, _ = zc("batch", "item", B1, "roster", "1", "--reject", "未盖章", "--json")
    assert code == 0
    roster = json.loads(out)["items"]["roster"]
    assert roster["accepted"] == 0 and "未盖章" in "".join(roster["rejected"])
    code, out, _ = zc("batch", "undo-item", B1, "--json")
    assert code == 0 and json.loads(out)["items"]["roster"]["rejected"] == []

    # closing with 花名册 missing is refused and says so; nothing changes
    code, _, err = zc("batch", "close", B1)
    assert code == 1 and "花名册" in err
    assert show(zc)["status"] == "open"
    assert zc("batch", "item", B1, "花名册", "1")[0] == 0
    code, out, _ = zc("batch", "close", B1)
    assert code == 0 and "已封批" in out and "SHA-256" in out
    first_sha = show(zc)["sha256"]
    assert len(first_sha) == 64

    # frozen: no adding, no items; reopening needs a reason
    code, _, err = zc("batch", "add", B1, ID_LI)
    assert code == 1 and "封批" in err
    assert zc("batch", "item", B1, "花名册", "1")[0] == 1
    code, _, err = zc("batch", "reopen", B1)
    assert code == 2 and "--reason" in err
    code, out, _ = zc("batch", "reopen", B1, "--reason", "补入李四", "--json")
    assert code == 0 and json.loads(out)["status"] == "open" and json.loads(out)["sha256"] == ""
    assert zc("batch", "add", B1, ID_LI)[0] == 0
    assert zc("batch", "close", B1)[0] == 0
    closed = show(zc)
    assert closed["sha256"] != first_sha and closed["packets"] == 2

    # the transmittal file carries the same hash as the batch
    target = tmp_path / "t.zip"
    code, out, _ = zc("batch", "export", B1, str(target))
    assert code == 0 and closed["sha256"] in out
    assert read_transmittal(target).sha256 == closed["sha256"]

    code, _, err = zc("batch", "handover", B1, "--by", "小王", "--to", "市局李科")
    assert code == 0, err
    handed = show(zc)
    assert handed["status"] == "handed_over"
    assert (handed["handover"]["handed_by"], handed["handover"]["received_by"]) == \
        ("小王", "市局李科")
    assert stages(zc) == {"张三": "handed_over", "李四": "handed_over", "王五": "counter"}
    code, _, err = zc("batch", "reopen", B1, "--reason", "太晚了")
    assert code == 1 and "已移交" in err
    code, out, _ = zc("batch", "list", "--json")
    assert [(b["batch_no"], b["status"], b["packets"]) for b in json.loads(out)] == \
        [(B1, "handed_over", 2)]


def test_batch_refusals_write_nothing(zc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert zc("batch", "new", "--empty")[0] == 0
    before = show(zc)
    for args, words in (
            (("add", B1, ID_WANG), "尚未齐全"),
            (("add", B1, ID_ZHANG, "330102198001010018"), "330102198001010018"),
            (("add", "SC-2025H1-B009", ID_ZHANG), "B009"),
            (("remove", B1, ID_ZHANG), "不在批次"),
            (("item", B1, "照片", "1"), "无法识别"),
            (("item", B1, "花名册", "1", "--reject", "不喜欢"), "无法识别"),
            (("item", B1, "花名册", "1", "--reject", "其他"), "具体原因"),
            (("undo-item", B1), "没有可撤销"),
            (("close", B1), "没有材料袋"),
            (("handover", B1, "--by", "小王", "--to", "李科"), "尚未封批"),
            (("export", B1, str(tmp_path / "x.zip")), "尚未封批"),
            (("export", B1, str(tmp_path / "x.txt")), ".zip"),
    ):
        code, _, err = zc("batch", *args)
        assert code == 1 and words in err, (args, err)
        assert show(zc) == before
    assert not list(tmp_path.glob("*.zip")) and not list(tmp_path.glob(".zcdesk-*"))
    code, _, err = zc("batch", "handover", B1, "--by", "a", "--to", "b", "--at", "明天")
    assert code == 2 and "YYYY-MM-DD HH:MM" in err
    code, _, err = zc("batch", "item", B1, "花名册", "一")
    assert code == 2 and "整数" in err


def test_export_default_name(zc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert zc("batch", "new")[0] == 0
    for item in ("送评报告单", "花名册"):
        assert zc("batch", "item", B1, item, "1")[0] == 0
    assert zc("batch", "close", B1)[0] == 0
    code, out, _ = zc("batch", "export", B1, "--json")
    assert code == 0
    data = json.loads(out)
    assert Path(data["file"]).name == f"移交-{B1}.zip"
    assert read_transmittal(tmp_path / f"移交-{B1}.zip").sha256 == data["sha256"]


# ------------------------------------------------------------------ office
def test_calendar_list_set_clear(zc) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zc("calendar", "list", "2025")
    assert code == 0 and "2025-10-01" in out and "国庆" in out and "2025-09-28" in out
    code, out, _ = zc("calendar", "list", "2025", "--json")
    days = {d["date"]: d for d in json.loads(out)}
    assert days["2025-10-01"]["kind"] == "holiday" and days["2025-09-28"]["kind"] == "workday"
    assert zc("calendar", "set", "2026-01-01", "holiday", "--name", "元旦")[0] == 0
    code, out, _ = zc("calendar", "list", "2026", "--json")
    assert [(d["date"], d["name"]) for d in json.loads(out)] == [("2026-01-01", "元旦")]
    assert zc("calendar", "clear", "2026-01-01")[0] == 0
    code, _, err = zc("calendar", "clear", "2026-01-01")
    assert code == 1 and "没有设置" in err
    assert zc("calendar", "set", "2026-01-01", "vacation")[0] == 2
    assert zc("calendar", "set", "2026/01/01", "holiday")[0] == 2
    assert zc("calendar", "list", "26")[0] == 2


def test_correction_days(zc) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zc("calendar", "correction-days")
    assert code == 0 and "5 个工作日" in out
    assert "7 个工作日" in zc("calendar", "correction-days", "7")[1]
    code, _, err = zc("calendar", "correction-days", "0")
    assert code == 1 and "1–60" in err
    assert "7 个工作日" in zc("calendar", "correction-days")[1]


def test_deadlines_and_corrections(zc, store: Store, people: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    visit = store.open_visit("王女士", "13800000000", "杭州制氧机集团股份有限公司")
    store.reject(people["王五"], "registration", 1, "未盖章", visit_id=visit.id)
    store.close_visit(visit.id)
    due = store.visit_by_receipt(visit.receipt_no).correction_due
    assert due is not None
    code, out, _ = zc("deadlines", "--today", "2025-05-19", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["today"] == "2025-05-19" and data["deadlines"]
    assert all({"label", "day", "working_days_left"} <= set(d) for d in data["deadlines"])
    assert [c["receipt_no"] for c in data["corrections"]] == [visit.receipt_no]
    assert data["corrections"][0]["overdue"] is False
    code, out, _ = zc("deadlines", "--today", "2025-12-31")
    assert code == 0 and "补正逾期" in out and visit.receipt_no in out
    assert zc("deadlines", "--today", "昨天")[0] == 2


def test_stats_text_json_and_export(zc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = zc("stats")
    assert code == 0 and "杭州制氧机集团股份有限公司" in out
    code, out, _ = zc("stats", "--json")
    data = json.loads(out)
    assert code == 0 and data["round_code"] == "2025H1"
    assert sum(n for _, n in data["by_status"]) == 3
    target = tmp_path / "stats.csv"
    code, out, err = zc("stats", "--export", str(target))
    assert code == 0, err
    written = [Path(line.removeprefix("已导出 ")) for line in out.splitlines()]
    assert written and all(p.exists() for p in written)
    with written[0].open(encoding="utf-8-sig") as handle:
        assert list(csv.reader(handle))
    code, _, err = zc("stats", "--export", str(tmp_path / "stats.pdf"))
    assert code == 1 and ".xlsx" in err


def test_help_lists_the_new_commands_in_chinese(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("--help")
    assert code == 0
    for words in ("batch", "city", "decision", "return", "stats", "deadlines", "calendar",
                  "移交", "签收", "评审结果", "返还", "统计", "工作日", "节假日"):
        assert words in out
    code, out, _ = cli("batch", "--help")
    assert code == 0 and all(a in out for a in ("handover", "export", "reopen", "undo-item"))


# ------------------------------------------------------------------ decisions and return
UNIT_LI = "杭州制氧机集团股份有限公司"
DOC = "杭经信职改〔2025〕12号"


@pytest.fixture
def handed(zc, store: Store):  # type: ignore[no-untyped-def]
    """张三 and 李四 in batch B001, closed and handed over; 王五 still at the counter."""
    store.new_batch()
    for item in ("report", "roster"):
        store.batch_accept(B1, item, 1)
    store.close_batch(B1)
    store.hand_over(B1, "小王", "市局李科")
    return zc


def write_decisions(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["序号", "姓名", "身份证号", "评审结果", "评审日期", "文号"],
                                      *rows])
    return path


def test_decision_record(handed) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = handed("decision", "record", ID_ZHANG, "通过", "--date", "2025-07-15",
                          "--doc", DOC)
    assert code == 0 and "张三" in out and "通过" in out and DOC in out
    code, out, _ = handed("decision", "record", ID_ZHANG, "不通过", "--date", "2025-07-16",
                          "--json")
    assert code == 0 and json.loads(out)["result"] == "failed"
    code, _, err = handed("decision", "record", ID_WANG, "通过", "--date", "2025-07-15")
    assert code == 1 and "尚未移交" in err
    code, _, err = handed("decision", "record", ID_LI, "也许", "--date", "2025-07-15")
    assert code == 1
    assert handed("decision", "record", ID_LI, "通过", "--date", "7月15日")[0] == 2
    code, out, _ = handed("status", "--json")
    assert {r["name"]: r["decision"] for r in json.loads(out)} == \
        {"张三": "failed", "李四": None, "王五": None}


def test_decision_import(handed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = write_decisions(tmp_path / "结果.csv", [
        ["1", "张三", ID_ZHANG, "通过", "2025-07-15", DOC],
        ["2", "李四", ID_LI.lower(), "不通过", "2025/7/15", DOC],
        ["3", "王五", ID_WANG, "通过", "2025-07-15", DOC],
        ["4", "赵六", "330102198001010018", "通过", "2025-07-15", DOC],
    ])
    code, out, _ = handed("decision", "import", str(sheet), "--dry-run", "--json")
    report = json.loads(out)
    assert code == 1 and report["dry_run"] is True and report["recorded"] == 2
    assert [r["row"] for r in report["refused"]] == [4]  # 王五: not handed over
    assert [r["row"] for r in report["skipped"]] == [5]  # 赵六: another district's
    code, out, _ = handed("status", "--json")
    assert all(r["decision"] is None for r in json.loads(out))

    code, out, _ = handed("decision", "import", str(sheet))
    assert code == 1 and "未导入任何结果" in out and "第 4 行" in out and "1 行不是本受理点" in out
    code, out, _ = handed("status", "--json")
    assert all(r["decision"] is None for r in json.loads(out))  # all or nothing

    city_wide = write_decisions(tmp_path / "全市.csv", [
        ["1", "张三", ID_ZHANG, "通过", "2025-07-15", DOC],
        ["2", "李四", ID_LI.lower(), "不通过", "2025/7/15", DOC],
        ["4", "赵六", "330102198001010018", "通过", "2025-07-15", DOC],
    ])
    code, out, _ = handed("decision", "import", str(city_wide))
    assert code == 0 and "已登记 2 人" in out and "1 行不是本受理点的申报人，已跳过" in out
    code, out, _ = handed("status", "--json")
    assert {r["name"]: r["decision"] for r in json.loads(out)} == \
        {"张三": "passed", "李四": "failed", "王五": None}
    good = write_decisions(tmp_path / "ok.csv", [["1", "张三", ID_ZHANG, "通过", "2025-07-15",
                                                  DOC]])
    code, out, _ = handed("decision", "import", str(good), "--json")
    assert code == 0 and json.loads(out)["unchanged"] == 1

    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    for path in (empty, tmp_path / "missing.csv"):
        code, _, err = handed("decision", "import", str(path))
        assert code == 2 and "无法读取" in err


def test_back_list_record_archive(handed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = handed("return", "back")
    assert code == 1 and "二者选一" in err
    code, _, err = handed("return", "back", ID_WANG)
    assert code == 1 and "已移交" in err
    code, out, _ = handed("return", "back", "--batch", B1)
    assert code == 0 and "2 个" in out
    assert handed("return", "back", "--batch", B1)[0] == 1

    code, out, _ = handed("return", "list", "--json")
    assert {u["unit"]: u["packets"] for u in json.loads(out)} == \
        {"杭州汽轮机股份有限公司": 1, UNIT_LI: 1}
    code, out, _ = handed("return", "list", UNIT_LI, "--json")
    lines = json.loads(out)["lines"]
    assert [(line["name"], line["stage"]) for line in lines] == [("李四", "back")]
    pdf = tmp_path / "返还清单.pdf"
    code, out, err = handed("return", "list", UNIT_LI, "--pdf", str(pdf))
    assert code == 0 and pdf.exists() and "李四" in out, err
    code, _, err = handed("return", "list", "--pdf", str(pdf))
    assert code == 1 and "须指定单位" in err

    code, _, err = handed("return", "record", UNIT_LI, "--by", "小王", "--to", "人事处张", ID_ZHANG)
    assert code == 1 and "杭州汽轮机股份有限公司" in err
    code, out, _ = handed("return", "record", UNIT_LI, "--by", "小王", "--to", "人事处张",
                          "--json")
    done = json.loads(out)
    assert code == 0 and (done["returned_by"], done["received_by"]) == ("小王", "人事处张")
    code, out, _ = handed("return", "list", UNIT_LI, "--json")
    assert json.loads(out)["lines"] == []

    code, _, err = handed("return", "archive", ID_ZHANG)
    assert code == 1 and "已返还" in err
    code, out, _ = handed("return", "archive", "--unit", UNIT_LI)
    assert code == 0 and "1 个" in out
    assert stages(handed) == {"张三": "back", "李四": "archived", "王五": "counter"}


def test_unknown_arguments_are_refused_in_chinese(zc) -> None:  # type: ignore[no-untyped-def]
    code, _, err = zc("stats", "--bogus")
    assert code == 2 and "无法识别的参数：--bogus" in err
    code, _, err = zc("batch", "list", "extra")
    assert code == 2 and "无法识别的参数：extra" in err
    assert zc("batch", "new", "--empty")[0] == 0
    code, out, _ = zc("batch", "add", B1, ID_ZHANG, "--json", ID_LI)  # refs around an option
    assert code == 0 and json.loads(out)["packets"] == 2


def test_at_with_a_utc_offset_is_converted_to_local_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt
    import time

    from zcdesk.cli.common import moment

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert moment("2025-05-20T06:30+00:00") == dt.datetime(2025, 5, 20, 14, 30)
        assert moment("2025-05-20 14:30+08:00") == dt.datetime(2025, 5, 20, 14, 30)
        assert moment("2025-05-20 14:30") == dt.datetime(2025, 5, 20, 14, 30)  # local as given
    finally:
        monkeypatch.undo()
        time.tzset()
