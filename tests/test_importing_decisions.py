"""Reading the committee's results (评审结果) from a spreadsheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import ID_LI, ID_WANG, ID_ZHANG
from tests.data.builders import write_csv, write_xlsx
from zcdesk.domain.flow import DecisionResult
from zcdesk.importing.decisions import DecisionRow, read_decisions
from zcdesk.importing.errors import RosterUnreadable

TODAY = dt.date(2025, 7, 20)


def test_an_xlsx_under_a_title_row(tmp_path: Path) -> None:
    rows = [["序号", "姓名", "身份证号码", "评审结果", "评审日期", "文号"],
            [1, "张　三", ID_ZHANG, "通过", dt.datetime(2025, 7, 10), "浙职改〔2025〕3号"],
            [2, "李四", ID_LI.lower(), "不通过", "2025年7月10日", None],
            [3, "王五", ID_WANG, " 合格 ", 45848, ""]]  # Excel serial 45848 = 2025-07-10
    path = write_xlsx(tmp_path / "评审结果.xlsx", rows, title="2025 年评审结果",
                      merges=["A1:F1"])
    read = read_decisions(path, today=TODAY)
    assert read.header_row == 2 and read.problems == []
    assert read.columns == {"name": "姓名", "id_number": "身份证号码", "result": "评审结果",
                            "decided_on": "评审日期", "document_no": "文号"}
    day = dt.date(2025, 7, 10)
    assert read.rows == [
        DecisionRow(3, "张三", ID_ZHANG, DecisionResult.PASSED, day, "浙职改〔2025〕3号"),
        DecisionRow(4, "李四", ID_LI, DecisionResult.FAILED, day, ""),
        DecisionRow(5, "王五", ID_WANG, DecisionResult.PASSED, day, "")]
    assert read.summary() == "共 3 行，可登记 3 行。"


@pytest.mark.parametrize(("text", "expected"), [
    ("通过", DecisionResult.PASSED), ("评审通过", DecisionResult.PASSED),
    ("PASS", DecisionResult.PASSED), ("不通过", DecisionResult.FAILED),
    ("未通过", DecisionResult.FAILED), ("不 合 格", DecisionResult.FAILED),
    ("０", DecisionResult.FAILED),  # full-width digits are folded
])
def test_result_words(tmp_path: Path, text: str, expected: DecisionResult) -> None:
    path = write_csv(tmp_path / "r.csv", [["证件号码", "结果", "日期"],
                                          [ID_ZHANG, text, "2025-07-10"]])
    (row,) = read_decisions(path, today=TODAY).rows
    assert row.result is expected and row.name == "" and row.document_no == ""


@pytest.mark.parametrize(("cells", "reason"), [
    ([ID_ZHANG, "待定", "2025-07-10"], "结果“待定”无法识别（应为“通过”或“不通过”）。"),
    ([ID_ZHANG, "", "2025-07-10"], "缺少结果。"),
    ([ID_ZHANG, "通过", ""], "缺少日期。"),
    ([ID_ZHANG, "通过", "七月"], "日期“七月”无法识别"),
    ([ID_ZHANG, "通过", "2025-13-01"], "日期“2025-13-01”"),
    ([ID_ZHANG, "通过", "2025-08-01"], "不合理"),  # after today
    (["", "通过", "2025-07-10"], "缺少证件号码。"),
    (["3.30102199001011E+17", "通过", "2025-07-10"], "存成了数字"),
    (["", "", "x"], "缺少证件号码；缺少结果；日期“x”"),  # every reason of the row
])
def test_refused_rows_say_why(tmp_path: Path, cells: list[str], reason: str) -> None:
    path = write_csv(tmp_path / "r.csv", [["证件号码", "结果", "日期"],
                                          [ID_LI, "通过", "2025-07-10"], cells])
    read = read_decisions(path, today=TODAY)
    assert [r.id_number for r in read.rows] == [ID_LI]
    (problem,) = read.problems
    assert problem.row_number == 3 and reason in problem.reason
    assert read.summary() == "共 2 行，可登记 1 行，1 行有问题未导入。"


def test_gbk_csv_and_long_document_number(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["姓名", "证件号", "评审结论", "会议日期", "发文字号"],
                                          ["张三", ID_ZHANG, "通过", "2025/7/10", "号" * 65]],
                     encoding="gbk")
    read = read_decisions(path, today=TODAY)
    (problem,) = read.problems
    assert "文号过长" in problem.reason and problem.name == "张三"


@pytest.mark.parametrize(("content", "match"), [
    ("姓名,证件号码\n张三,1\n", "找不到表头"),  # no result or date column
    ("", "空的"),
])
def test_unreadable_files(tmp_path: Path, content: str, match: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RosterUnreadable, match=match):
        read_decisions(path, today=TODAY)
    with pytest.raises(RosterUnreadable, match="找不到文件"):
        read_decisions(tmp_path / "missing.xlsx", today=TODAY)
