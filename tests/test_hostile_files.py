"""Hostile files: each refused with a clear message, none takes the process down.

The corpus (tests/hostile_corpus.py) is generated, then read by every reader in
forked children under an address-space limit: an abort inside python-calamine, a
MemoryError or a traceback of any other type fails the test and names the file.
The other tests pin the limits one by one, and that real files within them still
read.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests import hostile_corpus as hc
from tests.data.builders import HEADERS, person, resident_id, write_xlsx
from zcdesk.domain.text_rules import INVISIBLE, column_problems, text_problem
from zcdesk.importing import safezip, sources
from zcdesk.importing import transmittal_file as tf
from zcdesk.importing.errors import RosterUnreadable
from zcdesk.importing.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS
from zcdesk.importing.roster import read_roster
from zcdesk.importing.transmittal_file import TransmittalError, read_transmittal

TODAY = dt.date(2025, 5, 18)
ID = [resident_id(dt.date(1990, 3, 7), n, "110101") for n in range(3)]
ROOT = Path(__file__).parent.parent


# ------------------------------------------------------------------ the corpus
@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="forks a child per file")
def test_every_hostile_file_is_refused_cleanly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.hostile_corpus", "run", str(tmp_path / "corpus")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert reports, done.stderr[-3000:]
    print(f"\nhostile files: {len(reports)}, inputs tried: {4 * len(reports)} "
          f"(4 readers each)")
    for r in sorted(reports, key=lambda r: -r["max_rss_mb"])[:5]:
        print(f"  {r['file']}: {r['max_rss_mb']} MB peak, {r['seconds']} s")
    failed = [r for r in reports if r["exit"] != 0]
    assert not failed, (failed, done.stderr[-3000:])
    allowed = (*hc.ALLOWED, "RosterRead", "BanRead", "DecisionRead")
    for report in reports:
        said = report["said"]
        assert all(s.split(":")[0] in allowed for s in said), report
        name = report["file"]
        if name.startswith("t_"):
            assert said[3].startswith("TransmittalError"), report
        elif name != "csv_bidi_names.csv":
            assert said[0].startswith("RosterUnreadable"), report
        assert report["max_rss_mb"] < 500, report


# ------------------------------------------------------------------ .xlsx limits
def _xlsx(tmp_path: Path, rows: str, before: str = "") -> Path:
    path = tmp_path / "s.xlsx"
    path.write_bytes(hc.xlsx(hc.HEADER_ROW + rows, before=before))
    return path


def _data_row(row: int, last_column: str) -> str:
    return (f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>张三</t></is></c>'
            f'<c r="{last_column}{row}"><v>1</v></c></row>')


def test_the_550_gb_cell_is_refused_before_calamine(tmp_path: Path) -> None:
    path = tmp_path / "xfd.xlsx"
    path.write_bytes(hc.cell_bomb("XFD1048576"))
    with pytest.raises(RosterUnreadable, match=r"范围过大（1,048,576 行"):
        read_roster(path, today=TODAY)


@pytest.mark.parametrize(("rows", "last", "fits"), [
    (MAX_ROWS, "C", True), (MAX_ROWS + 1, "C", False),
    (20, "GR", True), (20, "GS", False),  # column 200, 201
    (MAX_CELLS // 200, "GR", True), (MAX_CELLS // 200 + 1, "GR", False),  # 200 columns
    (MAX_CELLS // 24, "X", True), (MAX_CELLS // 24, "Y", False),  # 24 and 25 columns
    (MAX_ROWS, "T", True), (MAX_ROWS, "U", False),  # 20 and 21 columns at MAX_ROWS
])
def test_the_used_range_limits(tmp_path: Path, rows: int, last: str, fits: bool) -> None:
    path = _xlsx(tmp_path, _data_row(rows, last))
    if fits:
        assert read_roster(path, today=TODAY).total_rows == 1
    else:
        with pytest.raises(RosterUnreadable, match="范围过大"):
            read_roster(path, today=TODAY)


@pytest.mark.parametrize("rows", [
    '<row r="2"><c r="A2" r="XFD2"><v>1</v></c></row>',  # calamine takes the last r
    "<row r='2'><c r = 'xfd2'><v>1</v></c></row>",
    '<row r="2"><c r="A2" x=">" r="XFD2"><v>1</v></c></row>',
    '<x:row xmlns:x="urn:x" r="2"><x:c r="XFD2"><x:v>1</x:v></x:c></x:row>',
    "<row>" + "<c><v>1</v></c>" * (MAX_COLUMNS + 1) + "</row>",  # counted, not named
    '<row r="2"/>' + "<row/>" * 3 + f'<row r="{MAX_ROWS}"/><row><c><v>1</v></c></row>',
])
def test_unusual_tags_are_read_as_calamine_reads_them(tmp_path: Path, rows: str) -> None:
    with pytest.raises(RosterUnreadable, match="范围过大"):
        read_roster(_xlsx(tmp_path, rows), today=TODAY)


def test_cells_numbered_without_a_column_are_refused(tmp_path: Path) -> None:
    """The quick rectangle check lets `<c r="2">` (no column letters) through, as a row's
    number: calamine refuses such a cell, so a row of them cannot widen the sheet. Should
    a calamine release start counting them on instead, this fails and the check must
    count them (as it counts cells without r)."""
    rows = '<row r="2">' + '<c r="2"><v>1</v></c>' * (MAX_COLUMNS + 1) + "</row>"
    with pytest.raises(RosterUnreadable, match="无法读取"):
        read_roster(_xlsx(tmp_path, rows), today=TODAY)


def test_unusual_tags_within_the_limits_still_read(tmp_path: Path) -> None:
    rows = ("<row><c t='inlineStr'><is><t>张三</t></is></c><c><v>1</v></c></row>"
            '<x:row xmlns:x="urn:x" r="3"><x:c r="B3"><x:v>2</x:v></x:c></x:row>')
    assert read_roster(_xlsx(tmp_path, rows), today=TODAY).total_rows == 2


def test_a_huge_declared_dimension_is_refused(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, "", before='<dimension ref="A1:XFD1048576"/>')
    with pytest.raises(RosterUnreadable, match="声明的范围过大"):
        read_roster(path, today=TODAY)


def test_a_wide_roster_reads(tmp_path: Path) -> None:
    """40 columns: outside the long rectangle, inside the wide one."""
    header = [*HEADERS, *(f"备注{i}" for i in range(23))]
    rows = [header, *([*person(i), *range(23)] for i in range(30))]
    path = write_xlsx(tmp_path / "wide.xlsx", rows)
    assert len(read_roster(path, today=TODAY).rows) == 30


def test_a_zip_bomb_sheet_is_refused_after_its_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(hc.zip_bytes(hc.xlsx_members([hc._sheet_bomb(300 * hc.MiB)])))
    assert path.stat().st_size < 1_000_000
    with pytest.raises(RosterUnreadable, match="过大"):
        read_roster(path, today=TODAY)


def test_a_lying_size_is_caught_while_inflating(tmp_path: Path) -> None:
    """Declared 4 KB, inflates to 40 MB: stopped at the declared size, not after."""
    member = hc._lie(hc._sheet_bomb(40 * hc.MiB), 4096)
    path = tmp_path / "lie.xlsx"
    path.write_bytes(hc.zip_bytes(hc.xlsx_members([member])))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    out = 0
    with path.open("rb") as handle, pytest.raises(safezip.ZipProblem, match="更大"):
        for chunk in safezip.member_chunks(handle, info, 64 * hc.MiB):
            out += len(chunk)
    assert out <= 4096
    with pytest.raises(RosterUnreadable, match="更大"):
        read_roster(path, today=TODAY)


@pytest.mark.parametrize(("member", "words"), [
    (hc.Member("xl/worksheets/sheet1.xml", hc.sheet_xml(hc.HEADER_ROW), stored_method=99),
     "已加密"),
    (hc.Member("xl/worksheets/sheet1.xml", hc.sheet_xml(hc.HEADER_ROW), stored_method=12),
     "不支持的压缩方式（编号 12）"),
    (hc.Member("xl/worksheets/sheet1.xml", hc.sheet_xml(hc.HEADER_ROW), flags=0x801),
     "已加密"),
    (hc.Member("xl/worksheets/sheet1.xml", hc.sheet_xml(hc.HEADER_ROW), crc=7), "校验值"),
])
def test_members_zcdesk_cannot_read_safely(tmp_path: Path, member: hc.Member,
                                           words: str) -> None:
    path = tmp_path / "m.xlsx"
    path.write_bytes(hc.zip_bytes(hc.xlsx_members([member])))
    with pytest.raises(RosterUnreadable, match=words):
        read_roster(path, today=TODAY)


def test_an_encrypted_workbook_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(hc.ole({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"x"}))
    with pytest.raises(RosterUnreadable, match="设有打开密码"):
        read_roster(path, today=TODAY)


@pytest.mark.parametrize(("row", "col", "words"), [
    (0, 0xFFFF, "超出 Excel 97-2003 范围"), (0xFFFF, 0xFF, "范围过大（65,536 行 × 256 列）")])
def test_xls_cells_far_out_are_refused(tmp_path: Path, row: int, col: int, words: str) -> None:
    path = tmp_path / "far.xls"
    path.write_bytes(hc.patched_xls(row, col))
    with pytest.raises(RosterUnreadable, match=words):
        read_roster(path, today=TODAY)


def test_the_committed_xls_still_reads() -> None:
    assert read_roster(hc.XLS, today=TODAY).total_rows == 7


def test_a_file_above_the_size_limit_is_refused_unread(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         ) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes("姓名,证件号码\n".encode() + b"a,b\n" * 100)
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    with pytest.raises(RosterUnreadable, match="过大"):
        read_roster(path, today=TODAY)


# ------------------------------------------------------------------ HTML and CSV
def _html(tmp_path: Path, cells: str) -> Path:
    path = tmp_path / "t.xls"
    path.write_bytes(hc._html(cells))
    return path


@pytest.mark.parametrize("cells", [
    '<td rowspan="1000" colspan="1000">x</td>', '<td colspan="201">x</td>',
    f'<td rowspan="{MAX_ROWS + 1}">x</td>', '<td rowspan="99999999999999999999">x</td>'])
def test_html_span_bombs_are_refused(tmp_path: Path, cells: str) -> None:
    with pytest.raises(RosterUnreadable, match="合并单元格或表格过大"):
        read_roster(_html(tmp_path, cells), today=TODAY)


def test_html_spans_within_the_limits_fill_like_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "t.xls"
    path.write_bytes(
        "<table><tr><td>姓名</td><td>证件号码</td><td>工作单位</td></tr>"
        f'<tr><td>张三</td><td>{ID[0]}</td><td rowspan="100000">某公司</td></tr>'
        f"<tr><td>李四</td><td>{ID[1]}</td></tr></table>".encode())
    read = read_roster(path, today=TODAY)
    assert [r.form.unit for r in read.rows] == ["某公司", "某公司"]


def test_a_csv_line_of_a_million_commas_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_bytes("姓名,证件号码\n".encode() + b"," * 1_000_000 + b"\n")
    with pytest.raises(RosterUnreadable, match="CSV 文件过大"):
        read_roster(path, today=TODAY)


# ------------------------------------------------------------------ transmittal files
def _transmittal(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "t.zip"
    path.write_bytes(data)
    return path


def test_a_60_mb_manifest_in_62_kb_is_refused_unread(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = _transmittal(tmp_path, hc.zip_bytes([
        hc.Member("manifest.json", None, (b"0" * hc.MiB, 60, b"", b"")),
        hc.Member("manifest.sha256", f"{hc._zeros_sha(60)}  manifest.json\n".encode())]))
    assert path.stat().st_size < 64_000
    reads: list[str] = []
    monkeypatch.setattr(tf, "read_member", lambda *a: reads.append("read") or b"")
    with pytest.raises(TransmittalError, match="解压后过大"):
        read_transmittal(path)
    assert reads == []


def test_a_manifest_bigger_than_declared_is_stopped_at_the_declared_size(
        tmp_path: Path) -> None:
    path = _transmittal(tmp_path, hc.zip_bytes([
        hc._lie(hc.Member("manifest.json", None, (b" " * hc.MiB, 70, b"", b"")), 2048),
        hc.Member("manifest.sha256", b"0" * 64 + b"  manifest.json\n")]))
    with pytest.raises(TransmittalError, match="比记录的大小更大"):
        read_transmittal(path)


@pytest.mark.parametrize(("member", "words"), [
    ({"stored_method": 99}, "已加密"), ({"flags": 0x801}, "已加密"),
    ({"stored_method": 12}, "不支持的压缩方式"), ({"stored_method": 14}, "不支持的压缩方式")])
def test_members_a_district_never_writes(tmp_path: Path, member: dict[str, Any],
                                         words: str) -> None:
    path = _transmittal(tmp_path, hc.transmittal(hc.canonical(hc.good_manifest()), **member))
    with pytest.raises(TransmittalError, match=words):
        read_transmittal(path)


@pytest.mark.parametrize(("old", "new", "words"), [
    (b'"version":1', b'"version":1' + b"0" * 5000, "不合理的数字（5001 位的整数）"),
    (b'"version":1', b'"version":NaN', "不合理的数字（NaN）"),
    (b'"version":1', b'"version":Infinity', "不合理的数字（Infinity）"),
    (b'"closed_by":', b'"x":' + b"[" * 100_000 + b"]" * 100_000 + b',"closed_by":',
     "嵌套过深"),
])
def test_numbers_and_nesting_no_manifest_holds(tmp_path: Path, old: bytes, new: bytes,
                                               words: str) -> None:
    data = hc.canonical(hc.good_manifest()).replace(old, new, 1)
    with pytest.raises(TransmittalError, match=words):
        read_transmittal(_transmittal(tmp_path, hc.transmittal(data)))


@pytest.mark.parametrize("totals", [
    {"packets": 10 ** 12, "forms": 8}, {"packets": -1, "forms": 8},
    {"packets": 2.0, "forms": 8}, {"packets": True, "forms": 8}, {"packets": 2, "forms": "8"}])
def test_totals_out_of_range(tmp_path: Path, totals: dict[str, Any]) -> None:
    data = hc.canonical(hc.good_manifest(totals=totals))
    with pytest.raises(TransmittalError, match="合计数"):
        read_transmittal(_transmittal(tmp_path, hc.transmittal(data)))


def test_a_name_with_a_bidi_override_is_refused(tmp_path: Path) -> None:
    data = hc.canonical(hc.good_manifest()).replace("申报人1".encode(),
                                                    "\u202e申报人1".encode())
    with pytest.raises(TransmittalError, match=r"第 1 个材料袋.*U\+202E"):
        read_transmittal(_transmittal(tmp_path, hc.transmittal(data)))


def test_thousands_of_members_are_refused_before_listing(tmp_path: Path) -> None:
    path = _transmittal(tmp_path, hc.zip_bytes(
        [hc.Member(f"m{i}", b"", method=0) for i in range(5000)]))
    with pytest.raises(TransmittalError, match="文件过多"):
        read_transmittal(path)


def test_a_good_transmittal_still_reads(tmp_path: Path) -> None:
    data = hc.canonical(hc.good_manifest())
    got = read_transmittal(_transmittal(tmp_path, hc.transmittal(data)))
    assert len(got.manifest.packets) == 2


# ------------------------------------------------------------------ text rules
def test_invisible_is_every_control_and_format_character() -> None:
    wanted = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if (unicodedata.category(ch) in wanted) != bool(INVISIBLE.match(ch)):
            raise AssertionError(f"U+{code:04X} {unicodedata.category(ch)}")


@pytest.mark.parametrize(("value", "words"), [
    ("张三", None), ("John Smith", None), ("杭州（滨江）科技有限公司", None),
    ("", "请填写姓名"), ("\u3000 ", "请填写姓名"),
    ("\u200b\u200d\ufeff", "姓名是空白的"), ("\u202e三张", "U+202E"), ("李\u2066四", "U+2066"),
    ("王\u00ad五", "U+00AD"), ("赵\U000e0041六", "U+E0041"), ("钱\x07七", "U+0007"),
    ("孙\u2028八", "U+2028"),
])
def test_text_problem(value: str, words: str | None) -> None:
    problem = text_problem(value, "姓名")
    if words is None:
        assert problem is None
    else:
        assert problem is not None and words in problem


def test_column_problems_names_the_rows() -> None:
    column = ["张三", None, "", "\u202e三张", "李四", "\u202e三张"]
    assert sorted(column_problems(column, "姓名")) == [3, 5]
    assert column_problems(["张三", "李四"], "姓名") == {}


def test_a_roster_refuses_names_and_units_with_direction_overrides(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("姓名,证件号码,工作单位\n"
                    f"\u202e三张,{ID[0]},某公司\n"
                    f"李四,{ID[1]},某\u2067公司\n"
                    f"王五\u200b,{ID[2]},某公司\n", encoding="utf-8")
    read = read_roster(path, today=TODAY)
    reasons = {p.row_number: p.reason for p in read.problems}
    assert "U+202E" in reasons[2] and "工作单位" in reasons[3] and "U+2067" in reasons[3]
    assert [r.form.name for r in read.rows] == ["王五"]  # a zero-width space is dropped
