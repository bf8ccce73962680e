"""Exports never carry a live formula (issue #12): names and units are typed by people."""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from tests.conftest import ID_LI, ID_ZHANG
from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.eligibility import Verdict
from zcdesk.domain.flow import Statistics
from zcdesk.importing.export import ExportRow, csv_safe, export_packets, summarize
from zcdesk.importing.roster import read_roster
from zcdesk.importing.statistics_export import export_statistics

ATTACKS = ('=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1", "-1+2", "@SUM(A1)",
           "\tx", "\rx", "#N/A")
ID_X = "33010219900101123X"  # ending in X (the brief's example; its check digit is wrong)
DAY = dt.date(2025, 5, 18)


def rows() -> list[ExportRow]:
    made = [ExportRow(text, ID_ZHANG, f"单位{text}", PacketStatus.PARTIAL, missing=text,
                      returned=text, verdict=Verdict.UNKNOWN, note=text) for text in ATTACKS]
    return [*made, ExportRow("李四", ID_LI, "-1", PacketStatus.NONE),
            ExportRow("赵六", ID_X, "杭州某公司", PacketStatus.COMPLETE)]


def stats() -> Statistics:
    return Statistics(
        round_code="2025H1", by_status=(("complete", 2),), by_stage=(("counter", 2),),
        by_unit=tuple((text, 1, 1, 0) for text in ATTACKS),
        by_qualification=(("=1+1", 2), ("@x", 1)), by_day=((DAY, 4, 2),),
        by_decision=(("passed", 1),))


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def formulas(path: Path) -> list[str]:
    """Every <f> element (a formula) in any sheet of the workbook."""
    with zipfile.ZipFile(path) as book:
        return [found for name in book.namelist() if name.startswith("xl/worksheets/")
                for found in re.findall(r"<(?:\w+:)?f[ >/][^<]*", book.read(name).decode())]


def dangerous(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("text", ATTACKS[:-1])
def test_csv_safe_quotes_what_a_spreadsheet_would_evaluate(text: str) -> None:
    assert csv_safe(text) == "'" + text


def test_csv_safe_leaves_ids_dates_numbers_and_plain_text() -> None:
    for text in (ID_ZHANG, ID_X, "330102********1234", "2025-05-18", "张三", "a=b", "#N/A", ""):
        assert csv_safe(text) == text
    assert csv_safe(-1) == -1 and csv_safe(0) == 0


@pytest.mark.parametrize("full_ids", [False, True])
def test_packet_csv_has_no_formula_and_exact_ids(tmp_path: Path, full_ids: bool) -> None:
    path = tmp_path / "清单.csv"
    written = export_packets(path, rows(), summarize(rows()), full_ids=full_ids)
    packets, units = read_csv(written[0]), read_csv(written[1])
    for cell in (c for line in packets + units for c in line):
        if full_ids and cell == "\t" + ID_ZHANG:
            continue  # our own marker that keeps the digits: not text someone typed
        assert not dangerous(cell), cell
    names = [line[0] for line in packets[1:]]
    assert names[:len(ATTACKS)] == [csv_safe(t) for t in ATTACKS]
    assert packets[1][4] == packets[1][5] == packets[1][7] == "'" + ATTACKS[0]
    assert packets[len(ATTACKS) + 1][2] == "'-1"  # a unit named "-1" is text, quoted
    ids = [line[1] for line in packets[1:]]
    if full_ids:
        assert ids[0] == "\t" + ID_ZHANG and ids[-2] == ID_LI and ids[-1] == ID_X
    else:
        assert ids[0] == "330102********1234" and ids[-1] == "330102********123X"
    assert units[-1][0] == "合计" and units[-1][1] == str(len(rows()))


def test_a_quoted_csv_still_reads_back_as_a_roster(tmp_path: Path) -> None:
    path = tmp_path / "back.csv"
    sample = [ExportRow("=张三", ID_ZHANG, "+杭州某公司", PacketStatus.NONE),
              ExportRow("李四", ID_LI, "杭州某公司", PacketStatus.NONE)]
    export_packets(path, sample, summarize(sample), full_ids=True)
    assert [r.form.id_number for r in read_roster(path).rows] == [ID_ZHANG, ID_LI]


def test_packet_xlsx_has_no_formula_and_exact_values(tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    export_packets(path, rows(), summarize(rows()), full_ids=True)
    assert formulas(path) == []
    book = CalamineWorkbook.from_path(str(path))
    packets = book.get_sheet_by_name("材料袋清单").to_python()
    names = [line[0] for line in packets[1:len(ATTACKS) + 1]]
    # XML keeps no bare CR: "\rx" reads back as a line break, still text, not a formula.
    assert names == [t.replace("\r", "\n") for t in ATTACKS]
    assert [line[1] for line in packets[1:]] == [ID_ZHANG] * len(ATTACKS) + [ID_LI, ID_X]
    assert packets[len(ATTACKS) + 1][2] == "-1"  # text stays text
    summary = book.get_sheet_by_name("单位汇总").to_python()
    assert summary[-1][0] == "合计" and summary[-1][1] == len(rows())  # a number


def test_packet_xlsx_with_control_characters_is_still_written(tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    sample = [ExportRow("张\x01三", ID_ZHANG, "单位\x1b", PacketStatus.NONE)]
    export_packets(path, sample, summarize(sample))
    packets = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("材料袋清单").to_python()
    assert packets[1][0] == "张\ufffd三" and packets[1][2] == "单位\ufffd"


def test_statistics_csv_has_no_formula(tmp_path: Path) -> None:
    path = export_statistics(stats(), tmp_path / "统计.csv")
    lines = read_csv(path)
    assert not [c for line in lines for c in line if dangerous(c)]
    cells = [c for line in lines for c in line]
    assert "'" + ATTACKS[0] in cells and "'=1+1" in cells and "#N/A" in cells
    assert DAY.isoformat() in cells  # the date exactly


def test_statistics_xlsx_has_no_formula(tmp_path: Path) -> None:
    path = export_statistics(stats(), tmp_path / "统计.xlsx")
    assert formulas(path) == []
    book = CalamineWorkbook.from_path(str(path))
    units = book.get_sheet_by_name("按单位").to_python()
    assert [line[0] for line in units[1:-1]] == [t.replace("\r", "\n") for t in ATTACKS]
    assert units[-1][1] == len(ATTACKS)
    assert book.get_sheet_by_name("按职业资格").to_python()[1][0] == "=1+1"
    assert book.get_sheet_by_name("按日期").to_python()[1][0] == DAY


def test_cli_export_goes_through_the_same_rules(  # type: ignore[no-untyped-def]
        store, cli, tmp_path: Path) -> None:
    code, _, err = cli("applicant", "add", "--name", "=1+1", "--id-number", ID_ZHANG,
                       "--unit", '=HYPERLINK("http://x","y")')
    assert code == 0, err
    assert cli("export", str(tmp_path / "x.xlsx"))[0] == 0
    assert formulas(tmp_path / "x.xlsx") == []
    assert cli("export", str(tmp_path / "x.csv"))[0] == 0
    line = read_csv(tmp_path / "x.csv")[1]
    assert line[0] == "'=1+1" and line[2] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert cli("stats", "--export", str(tmp_path / "s.xlsx"))[0] == 0
    assert formulas(tmp_path / "s.xlsx") == []
    assert cli("stats", "--export", str(tmp_path / "s.csv"))[0] == 0
    assert "'=HYPERLINK(\"http://x\",\"y\")" in {c for line in read_csv(tmp_path / "s.csv")
                                                for c in line}
