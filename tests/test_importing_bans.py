"""Reading the disqualification list (取消资格/禁报名单)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import ID_LI, ID_WANG, ID_ZHANG
from tests.data.builders import write_csv, write_xlsx
from zcdesk.domain.eligibility import Ban
from zcdesk.importing.bans import read_bans
from zcdesk.importing.errors import ImportCancelled, RosterUnreadable

TODAY = dt.date(2025, 5, 18)


def test_a_ban_list_in_xlsx(tmp_path: Path) -> None:
    rows = [["序号", "姓名", "身份证号码", "处理日期", "处理原因"],
            [1, "张三", ID_ZHANG, dt.datetime(2022, 5, 10), "提交虚假申报材料"],
            [2, "李 四", "", "2023年3月", ""],  # no ID: kept, matched by name later
            [3, "王五", ID_WANG.replace("0040", "0041"), "2023-01-01", "伪造证件"],
            [4, "", ID_LI, "2023-01-01", ""],
            [5, "赵六", "", "不详", ""]]
    path = write_xlsx(tmp_path / "禁报名单.xlsx", rows, title="取消资格人员名单", merges=["A1:E1"])
    result = read_bans(path, today=TODAY)
    assert result.header_row == 2
    assert result.columns == {"name": "姓名", "id_number": "身份证号码", "decided_on": "处理日期",
                              "reason": "处理原因"}
    assert result.bans == [Ban("张三", ID_ZHANG, dt.date(2022, 5, 10), "提交虚假申报材料"),
                           Ban("李四", "", dt.date(2023, 3, 1), "")]
    reasons = {p.row_number: p.reason for p in result.problems}
    assert set(reasons) == {5, 6, 7}
    assert "校验码不符" in reasons[5]
    assert reasons[6] == "缺少姓名。"
    assert "处理日期“不详”无法识别" in reasons[7]
    assert result.summary() == "共 5 行，可导入 2 条，3 行有问题未导入。"


def test_a_ban_list_in_gbk_csv_without_id_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bans.csv", [["姓名", "决定日期", "原因"],
                                            ["张三", "2022-05-10", "其他严重违规"]],
                     encoding="gbk")
    result = read_bans(path, today=TODAY)
    assert result.bans == [Ban("张三", "", dt.date(2022, 5, 10), "其他严重违规")]


def test_a_ban_list_needs_a_name_and_a_date_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bans.csv", [["姓名", "证件号码"], ["张三", ID_ZHANG]])
    with pytest.raises(RosterUnreadable, match="“姓名”和“决定日期”"):
        read_bans(path, today=TODAY)


def test_a_ban_list_can_be_cancelled(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bans.csv", [["姓名", "决定日期"], ["张三", "2022-05-10"]])
    with pytest.raises(ImportCancelled):
        read_bans(path, today=TODAY, progress=lambda done, total: False)
