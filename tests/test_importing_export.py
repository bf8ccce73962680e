"""The packet list and unit summary as .xlsx and .csv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import ID_LI, ID_ZHANG
from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.eligibility import Verdict
from zcdesk.importing.errors import ExportError, RosterUnreadable
from zcdesk.importing.export import ExportRow, export_packets, summarize, summary_path
from zcdesk.importing.roster import read_roster

ROWS = [
    ExportRow("张三", ID_ZHANG, "杭州汽轮机股份有限公司", PacketStatus.COMPLETE, "", "",
              Verdict.ELIGIBLE, "职业资格“PMP”在认定目录中"),
    ExportRow("李四", ID_LI, "杭州制氧机集团股份有限公司", PacketStatus.PARTIAL,
              "缺 评审表 1 份", "退回 1 份：无水印", Verdict.UNKNOWN, "缺少毕业时间"),
    ExportRow("王五", "330105197712300040", "杭州制氧机集团股份有限公司", PacketStatus.NONE,
              "缺 评审表 2 份、登记表 2 份", "", None, ""),
]


def test_summarize_counts_per_unit() -> None:
    summary = summarize(ROWS)
    assert [(s.unit, s.people, s.complete, s.partial, s.none, s.eligible, s.ineligible,
             s.unknown) for s in summary] == [
        ("杭州制氧机集团股份有限公司", 2, 0, 1, 1, 0, 0, 1),
        ("杭州汽轮机股份有限公司", 1, 1, 0, 0, 1, 0, 0)]


def test_xlsx_export(tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    assert export_packets(path, ROWS, summarize(ROWS)) == [path]
    book = load_workbook(path)
    assert book.sheetnames == ["材料袋清单", "单位汇总"]
    packets, units = book["材料袋清单"], book["单位汇总"]
    assert [c.value for c in packets[1]] == ["姓名", "证件号码", "单位", "状态", "缺件", "退回",
                                             "资格预审", "预审说明"]
    assert packets["A1"].font.b and packets.freeze_panes == "A2"
    assert packets.column_dimensions["C"].width == 36
    assert packets["B2"].value == "330102********1234"
    assert packets["B2"].data_type == "s" and packets["B2"].number_format == "@"
    assert [c.value for c in packets[3]][3:7] == ["部分", "缺 评审表 1 份", "退回 1 份：无水印",
                                                  "待核实"]
    assert packets["G4"].value == "未预审"
    assert [c.value for c in units[1]] == ["单位", "人数", "齐全", "部分", "未收", "符合", "不符合",
                                           "待核实"]
    assert [c.value for c in units[4]] == ["合计", 3, 1, 1, 1, 1, 0, 1]
    assert units["A4"].font.b and units.freeze_panes == "A2"


def test_xlsx_export_with_full_ids_keeps_every_digit(tmp_path: Path) -> None:
    path = tmp_path / "full.xlsx"
    export_packets(path, ROWS, summarize(ROWS), full_ids=True)
    cell = load_workbook(path)["材料袋清单"]["B2"]
    assert cell.value == ID_ZHANG and cell.data_type == "s"


def test_csv_export_writes_two_files_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "清单.csv"
    written = export_packets(path, ROWS, summarize(ROWS), full_ids=True)
    assert written == [path, tmp_path / "清单-单位汇总.csv"] == [path, summary_path(path)]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    lines = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0][:3] == ["姓名", "证件号码", "单位"]
    assert lines[1][1] == "\t" + ID_ZHANG  # Excel keeps it as text
    assert lines[2][1] == ID_LI  # ends in X: text anyway
    summary = list(csv.reader(written[1].read_text(encoding="utf-8-sig").splitlines()))
    assert summary[-1] == ["合计", "3", "1", "1", "1", "1", "0", "1"]


def test_a_full_csv_export_reads_back_as_a_roster(tmp_path: Path) -> None:
    path = tmp_path / "back.csv"
    export_packets(path, ROWS, summarize(ROWS), full_ids=True)
    result = read_roster(path)
    assert [r.form.id_number for r in result.rows] == [r.id_number for r in ROWS]


def test_export_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "清单.xlsx"
    path.write_bytes(b"old content")

    def broken_replace(src: str, dst: str) -> None:
        raise PermissionError(13, "in use")

    monkeypatch.setattr("zcdesk.importing.export.os.replace", broken_replace)
    with pytest.raises(ExportError, match="正被 Excel 等程序打开"):
        export_packets(path, ROWS, summarize(ROWS))
    assert path.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["清单.xlsx"]  # no temp file left


def test_export_refuses_other_formats_and_missing_folders(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="不支持的导出格式"):
        export_packets(tmp_path / "x.pdf", ROWS, [])
    with pytest.raises(ExportError, match="不存在"):
        export_packets(tmp_path / "none" / "x.xlsx", ROWS, [])


def test_an_empty_export_is_still_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    export_packets(path, [], [])
    assert [c.value for c in load_workbook(path)["单位汇总"][2]] == ["合计", 0, 0, 0, 0, 0, 0, 0]
    empty = read_roster(path)  # the header is there, the list is empty
    assert (empty.rows, empty.problems, empty.total_rows) == ([], [], 0)


def test_a_missing_export_folder_is_not_a_roster(tmp_path: Path) -> None:
    with pytest.raises(RosterUnreadable):
        read_roster(tmp_path / "清单.xlsx")
