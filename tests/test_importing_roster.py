"""Reading the platform's roster: formats, header finding, normalising, problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import ID_LI, ID_WANG, ID_ZHANG
from tests.data.builders import (
    HEADERS,
    person,
    resident_id,
    with_check,
    write_big_xlsx,
    write_csv,
    write_xlsx,
)
from zcdesk.domain.records import ApplicantForm
from zcdesk.importing.errors import ImportCancelled, RosterUnreadable
from zcdesk.importing.roster import RosterRead, read_roster

TODAY = dt.date(2025, 5, 18)
DATA = Path(__file__).parent / "data"
ID_ZHAO = resident_id(dt.date(1988, 8, 8), 123)
ID_QIAN = resident_id(dt.date(1992, 2, 29), 456)


def read(path: Path, **kwargs: object) -> RosterRead:
    return read_roster(path, today=TODAY, **kwargs)  # type: ignore[arg-type]


def problem_at(result: RosterRead, row_number: int) -> str:
    found = [p.reason for p in result.problems if p.row_number == row_number]
    assert found, f"no problem reported for row {row_number}: {result.problems}"
    return found[0]


def by_row(result: RosterRead) -> dict[int, ApplicantForm]:
    return {r.row_number: r.form for r in result.rows}


# ---------------------------------------------------------------- a messy .xlsx
MESSY_HEADER = ["序 号", "姓　名", "性别", "证件类型", "身份证号码\n（必填）", "工作单位及职务",
                "参加工作\n时间", "现从事专业及工作年限", "学历", "学位", "毕业院校及时间",
                "职业资格名称及颁发单位", "取得时间", "备注"]


def messy_rows() -> list[list[object]]:
    return [
        MESSY_HEADER,
        # row 3: full-width digits, padded name, combined cells, Excel dates
        [1, " 张　三 ", "男", "身份证", "３３０１０２１９９００１０１１２３４",
         "杭州汽轮机股份有限公司／工程师", dt.datetime(2012, 7, 1), "电气工程 8年", "大学本科",
         "学士", "浙江大学 2012.06", "PMP/美国项目管理协会", "2019/7/1", "已核"],
        # row 4: lower-case x, dates as text in three spellings
        [2, "李四", "女", "居民身份证", ID_LI.lower(), "杭州制氧机集团股份有限公司", "2015年7月",
         "机械设计/10", "硕士研究生", "硕士", "浙江工业大学\n2015-06-30", "NPDP", "201907", None],
        # row 5: the unit cell is merged with row 4 (same employer); a serial date
        [3, "王五", "男", None, ID_WANG, None, 40725, "化工", "大学专科", None, "浙江科技学院",
         "IPMP C级，国际项目管理协会", "2021年3月5日", None],
        [None] * 14,  # row 6: an empty line is skipped
        # row 7: an ID stored as a number: reported, never repaired
        [5, "赵六", "男", "居民身份证", 330102198808081230, "杭州某公司", "2010-07-01", "软件",
         "大学本科", "学士", "杭州电子科技大学 2010.07", "PMP", "2018.03", None],
        # row 8: an unreadable date names its column
        [6, "钱七", "女", "居民身份证", ID_QIAN, "杭州某公司", "去年夏天", "软件", "大学本科",
         "学士", "浙江大学 2014.07", "PMP", "2018.03", None],
        # row 9: the same ID as row 4
        [7, "李四（重复）", "女", "居民身份证", ID_LI, "杭州制氧机集团股份有限公司", "2015-07",
         "机械设计", "硕士研究生", "硕士", None, "NPDP", None, None],
        # row 10: the table's footer note
        ["制表人：小王", *[None] * 13],
    ]


@pytest.fixture
def messy_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "花名册.xlsx", messy_rows(),
                      title="2025 上半年度申报评审工程师资格人员花名册", merges=["A1:N1", "F4:F5"])


def test_messy_xlsx_rows_are_normalised(messy_xlsx: Path) -> None:
    result = read(messy_xlsx)
    assert (result.sheet, result.header_row) == ("花名册", 2)
    assert result.columns["id_number"] == "身份证号码（必填）"
    assert result.columns["work_start"] == "参加工作时间"
    assert result.columns["unit"] == result.columns["position"] == "工作单位及职务"
    assert result.ignored_columns == ["序号", "备注"]
    forms = by_row(result)
    assert sorted(forms) == [3, 4, 5]
    zhang = forms[3]
    assert (zhang.name, zhang.id_number, zhang.id_kind) == ("张三", ID_ZHANG, "居民身份证")
    assert (zhang.unit, zhang.position) == ("杭州汽轮机股份有限公司", "工程师")
    assert (zhang.specialty, zhang.field_years) == ("电气工程", 8)
    assert (zhang.school, zhang.graduated_on) == ("浙江大学", dt.date(2012, 6, 1))
    assert (zhang.qualification, zhang.qualification_issuer) == ("PMP", "美国项目管理协会")
    assert zhang.work_start == dt.date(2012, 7, 1)
    assert zhang.qualified_on == dt.date(2019, 7, 1)
    assert (zhang.title, zhang.series) == ("工程师", "制造业")
    li = forms[4]
    assert li.id_number == ID_LI  # upper-case X
    assert li.work_start == dt.date(2015, 7, 1)
    assert (li.specialty, li.field_years) == ("机械设计", 10)
    assert (li.school, li.graduated_on) == ("浙江工业大学", dt.date(2015, 6, 30))
    assert li.qualified_on == dt.date(2019, 7, 1)
    wang = forms[5]
    assert wang.unit == "杭州制氧机集团股份有限公司"  # from the merged cell above
    assert wang.work_start == dt.date(2011, 7, 1)  # Excel serial 40725
    assert wang.qualified_on == dt.date(2021, 3, 5)
    assert (wang.qualification, wang.qualification_issuer) == ("IPMP C级", "国际项目管理协会")
    assert wang.degree == "" and wang.field_years is None  # empty stays empty


def test_messy_xlsx_problems_say_why(messy_xlsx: Path) -> None:
    result = read(messy_xlsx)
    assert [p.row_number for p in result.problems] == [7, 8, 9, 10]
    assert "被表格软件存成了数字" in problem_at(result, 7)
    assert "3.30102198808081E+17" in problem_at(result, 7)
    assert "参加工作时间“去年夏天”无法识别" in problem_at(result, 8)
    assert problem_at(result, 9) == "证件号码与第 4 行重复。"
    assert "缺少姓名" in problem_at(result, 10) and "缺少证件号码" in problem_at(result, 10)
    assert result.total_rows == 7 == len(result.rows) + len(result.problems)
    assert result.problems[0].name == "赵六"
    assert result.summary() == "共 7 行，可导入 3 行，4 行有问题未导入。"


# ---------------------------------------------------------------- row problems
def one_row(**cells: object) -> list[object]:
    row = person(0)
    for key, value in cells.items():
        row[HEADERS.index(key)] = value
    return row


@pytest.mark.parametrize(("cells", "reason"), [
    ({"姓名": ""}, "缺少姓名"),
    ({"姓名": "　"}, "缺少姓名"),
    ({"证件号码": ""}, "缺少证件号码"),
    ({"证件号码": "330102199001011235"}, "校验码不符（末位应为 4"),
    ({"证件号码": "33010219900101123"}, "应为 18 位，现为 17 位"),
    ({"证件号码": "3.30102E+17"}, "被表格软件存成了数字（3.30102E+17）"),
    ({"证件号码": "330102199001011234.0"}, "带小数点"),
    ({"证件号码": "330102199001011000"}, "第 16 位起全是 0"),
    ({"证件号码": with_check("33010219901301123")}, "出生日期无效"),
    ({"证件类别": "外国人永久居留身份证以外的其他证件"}, "过长（最多 16 个字）"),
    ({"性别": "未知"}, "性别“未知”无法识别"),
    ({"参加工作时间": "1930"}, "参加工作时间“1930”不合理"),  # a year alone is taken, if plausible
    ({"参加工作时间": "2019-13-01"}, "不是有效的日期"),
    ({"毕业时间": "2031-07-01"}, "毕业时间“2031-07-01”不合理"),
    ({"取得时间": "下个月"}, "取得时间“下个月”无法识别为日期"),
    ({"工作年限": "很多年"}, "工作年限“很多年”无法识别"),
    ({"工作年限": 99}, "工作年限“99”不合理"),
    ({"工作单位": ""}, "缺少工作单位"),
    ({"姓名": "张" * 65}, "姓名过长"),
])
def test_a_row_that_cannot_be_taken_says_why(tmp_path: Path, cells: dict[str, object],
                                             reason: str) -> None:
    path = write_csv(tmp_path / "r.csv", [HEADERS, one_row(**cells)])
    result = read(path)
    assert result.rows == []
    assert reason in problem_at(result, 2)


def test_a_duplicate_is_reported_with_the_rows_other_problems(tmp_path: Path) -> None:
    rows = [HEADERS, one_row(), one_row(姓名=""), one_row(证件类别="军官证", 证件号码="A12345"),
            one_row(证件类别="军官证", 证件号码="A12345", 参加工作时间="不详")]
    result = read(write_csv(tmp_path / "d.csv", rows))
    assert [r.row_number for r in result.rows] == [2, 4]
    assert problem_at(result, 3) == "缺少姓名；证件号码与第 2 行重复。"
    assert problem_at(result, 5).startswith("证件号码与第 4 行重复；参加工作时间“不详”")


def test_an_id_number_stored_as_a_number_in_xlsx_is_reported(tmp_path: Path) -> None:
    rows = [HEADERS, one_row(证件号码=330102199001011234), one_row(证件号码=3.30102199001011e17),
            one_row(证件号码=12345678, 证件类别="军官证")]
    result = read(write_xlsx(tmp_path / "n.xlsx", rows))
    assert [p.row_number for p in result.problems] == [2, 3]
    assert all("15 位以后的数字已丢失" in p.reason for p in result.problems)
    # A short number of another kind loses nothing: it is taken as text.
    assert [r.form.id_number for r in result.rows] == ["12345678"]


def test_real_dates_out_of_range_are_refused(tmp_path: Path) -> None:
    rows = [HEADERS, one_row(参加工作时间=dt.date(1930, 1, 1)),
            one_row(证件号码=ID_ZHANG, 毕业时间=dt.datetime(2030, 6, 30, 0, 0)),
            one_row(证件号码=ID_LI, 取得时间=dt.date(2020, 2, 29))]
    result = read(write_xlsx(tmp_path / "r.xlsx", rows))
    assert "参加工作时间“1930-01-01”不合理" in problem_at(result, 2)
    assert "毕业时间“2030-06-30”不合理" in problem_at(result, 3)
    assert [r.form.qualified_on for r in result.rows] == [dt.date(2020, 2, 29)]


def test_an_ambiguous_month_number_is_not_guessed(tmp_path: Path) -> None:
    rows = [HEADERS, one_row(参加工作时间=2019.1), one_row(参加工作时间=2019.07),
            one_row(参加工作时间=2019.12)]
    rows[2][4], rows[3][4] = ID_ZHANG, ID_LI
    result = read(write_xlsx(tmp_path / "d.xlsx", rows))
    assert "不明确" in problem_at(result, 2)
    assert [r.form.work_start for r in result.rows] == [dt.date(2019, 7, 1), dt.date(2019, 12, 1)]


@pytest.mark.parametrize(("text", "expected"), [
    ("2019-07-01", dt.date(2019, 7, 1)),
    ("2019/7/1", dt.date(2019, 7, 1)),
    ("2019.07", dt.date(2019, 7, 1)),
    ("2019.7", dt.date(2019, 7, 1)),
    ("2019.10", dt.date(2019, 10, 1)),
    ("2019-07", dt.date(2019, 7, 1)),
    ("2019年7月", dt.date(2019, 7, 1)),
    ("2019年7月1日", dt.date(2019, 7, 1)),
    ("2019 年 07 月 15 日", dt.date(2019, 7, 15)),
    ("201907", dt.date(2019, 7, 1)),
    ("20190715", dt.date(2019, 7, 15)),
    ("２０１９．０７", dt.date(2019, 7, 1)),
    ("2019-07-01 00:00:00", dt.date(2019, 7, 1)),
])
def test_date_spellings(tmp_path: Path, text: str, expected: dt.date) -> None:
    result = read(write_csv(tmp_path / "d.csv", [HEADERS, one_row(参加工作时间=text)]))
    assert result.problems == []
    assert result.rows[0].form.work_start == expected


@pytest.mark.parametrize(("kind", "number", "expected_kind"), [
    ("身份证", ID_ZHANG, "居民身份证"),
    ("", ID_ZHANG, "居民身份证"),
    ("外国人来华工作许可证", "P12345678", "外国人工作证"),
    ("港澳台居民居住证", "810000199408230021", "港澳台居民居住证"),
    ("军官证", "（2019）123456", "军官证"),
])
def test_id_kinds_and_their_numbers(tmp_path: Path, kind: str, number: str,
                                    expected_kind: str) -> None:
    path = write_csv(tmp_path / "k.csv", [HEADERS, one_row(证件类别=kind, 证件号码=number)])
    result = read(path)
    assert result.problems == []
    assert result.rows[0].form.id_kind == expected_kind


# ---------------------------------------------------------------- CSV and .xls
CSV_ROWS = [HEADERS, person(0), person(1), person(2)]


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","),
    ("utf-8-sig", ","),
    ("utf-8-sig", "\t"),
    ("gbk", ","),
    ("gbk", ";"),
    ("gb18030", "\t"),
    ("utf-16", "\t"),  # Excel's "Unicode text"
])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = write_csv(tmp_path / "r.csv", CSV_ROWS, encoding=encoding, delimiter=delimiter)
    result = read(path)
    assert result.problems == []
    assert [r.form.name for r in result.rows] == ["测试00000", "测试00001", "测试00002"]
    assert result.rows[0].form.unit == "杭州测试科技有限公司0"
    assert result.rows[0].form.work_start == dt.date(2010, 7, 1)


def test_a_gbk_csv_with_a_title_line_and_tab_prefixed_ids(tmp_path: Path) -> None:
    rows = [["2025 上半年度花名册"], [], HEADERS, one_row(证件号码="\t" + ID_ZHANG)]
    result = read(write_csv(tmp_path / "r.csv", rows, encoding="gbk"))
    assert result.header_row == 3
    assert [(r.row_number, r.form.id_number) for r in result.rows] == [(4, ID_ZHANG)]


def test_an_xls_written_by_libreoffice() -> None:
    result = read(DATA / "roster.xls")
    assert result.header_row == 2
    assert [r.row_number for r in result.rows] == [3, 4, 5, 6, 7, 9]
    assert result.rows[0].form == ApplicantForm(
        name="测试00000", id_number=person(0)[4], unit="杭州测试科技有限公司0", gender="女",
        position="工程师", work_start=dt.date(2010, 7, 1), specialty="电气工程", field_years=5,
        education="大学本科", degree="学士", school="浙江大学", graduated_on=dt.date(2010, 6, 30),
        qualification="PMP", qualification_issuer="美国项目管理协会",
        qualified_on=dt.date(2020, 5, 1))
    assert result.rows[-1].form.name == "张三"
    assert result.rows[-1].form.work_start == dt.date(2011, 7, 1)
    assert "15 位以后的数字已丢失" in problem_at(result, 8)


def test_an_html_table_saved_as_xls(tmp_path: Path) -> None:
    cells = "".join(f"<th>{h}</th>" for h in HEADERS)
    row = "".join(f"<td>{v}</td>" for v in person(0))
    html = (f"<html><body><table><tr><td colspan='17'>花名册</td></tr><tr>{cells}</tr>"
            f"<tr>{row}</tr></table></body></html>")
    path = tmp_path / "export.xls"
    path.write_text(html, encoding="utf-8")
    result = read(path)
    assert [r.form.name for r in result.rows] == ["测试00000"]


# ---------------------------------------------------------------- headers
def test_the_header_may_be_on_a_later_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "w.xlsx", [HEADERS, person(0)],
                      before=[("填表说明", [["请按要求填写"], ["姓名栏填写申报人姓名"]])])
    result = read(path)
    assert result.sheet == "花名册" and len(result.rows) == 1


def test_a_two_row_header_with_merged_groups(tmp_path: Path) -> None:
    top = ["姓名", "证件号码", "工作单位", "职业资格", None, None]
    bottom = [None, None, None, "名称", "颁发单位", "取得时间"]
    row = ["张三", ID_ZHANG, "杭州汽轮机股份有限公司", "PMP", "美国项目管理协会", "2020-01-01"]
    path = write_xlsx(tmp_path / "h.xlsx", [top, bottom, row],
                      merges=["A1:A2", "B1:B2", "C1:C2", "D1:F1"])
    result = read(path)
    assert result.header_row == 1
    assert result.columns["qualification"] == "职业资格名称"
    form = result.rows[0].form
    assert (form.qualification, form.qualification_issuer) == ("PMP", "美国项目管理协会")
    assert form.qualified_on == dt.date(2020, 1, 1)
    assert result.rows[0].row_number == 3


@pytest.mark.parametrize("header", [
    ["姓名", "证件号码", "单位名称"],
    ["姓名", "身份证号", "申报单位"],
    ["姓 名", "证件号", "工作单位"],
    ["* 姓名", "公民身份号码", "单位"],
    ["Ｎ姓名"[1:], "身份证号码", "工作单位（全称）"],
])
def test_header_variants(tmp_path: Path, header: list[str]) -> None:
    path = write_csv(tmp_path / "v.csv", [header, ["张三", ID_ZHANG, "杭州汽轮机"]])
    assert [r.form.unit for r in read(path).rows] == ["杭州汽轮机"]


def test_a_file_without_a_unit_column_reports_every_row(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "u.csv", [["姓名", "证件号码"], ["张三", ID_ZHANG]])
    result = read(path)
    assert result.rows == [] and "表中没有工作单位列" in problem_at(result, 2)


# ---------------------------------------------------------------- unreadable files
def test_no_recognisable_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["编号", "名字", "单位"], [1, "张三", "某公司"]])
    with pytest.raises(RosterUnreadable) as caught:
        read(path)
    message = caught.value.message
    assert "找不到表头" in message and "“姓名”和“证件号码”" in message
    assert "“编号”、“名字”、“单位”" in message


def test_a_sheet_without_the_header_only(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [["本表为汇总说明"], ["无数据"]], sheet="说明")
    with pytest.raises(RosterUnreadable, match="工作表“说明”"):
        read(path)


@pytest.mark.parametrize(("content", "words"), [
    (b"", "是空的（0 字节）"),
    (b"  \r\n \r\n", "是空的"),
    (b"%PDF-1.7 ...", "PDF"),
    (b"\x00\x01\x02\x03garbage\x00", "不是表格文件"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "无法作为Excel 97-2003（.xls）读取"),
])
def test_files_that_cannot_be_read(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(RosterUnreadable, match=words.replace("(", r"\(").replace(")", r"\)")):
        read(path)


def test_a_truncated_xlsx(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", [HEADERS] + [person(i) for i in range(50)])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(RosterUnreadable, match="损坏、不完整"):
        read(cut)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RosterUnreadable, match="找不到文件"):
        read(tmp_path / "none.xlsx")
    with pytest.raises(RosterUnreadable, match="不是文件"):
        read(tmp_path)


# ---------------------------------------------------------------- progress
def test_progress_is_reported_and_can_cancel(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [HEADERS] + [person(i) for i in range(30)])
    seen: list[tuple[int, int]] = []
    read(path, progress=lambda done, total: seen.append((done, total)) is None)
    assert seen[0] == (0, 30) and seen[-1] == (30, 30)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    calls = []

    def stop_at_second(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 2

    with pytest.raises(ImportCancelled):
        read(path, progress=stop_at_second)


# ---------------------------------------------------------------- 10,000 rows
@pytest.fixture(scope="session")
def big_roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_xlsx(tmp_path_factory.mktemp("big") / "roster-10000.xlsx", 10_000)


def test_ten_thousand_rows_all_taken(big_roster: Path) -> None:
    result = read(big_roster)
    assert result.problems == [] and len(result.rows) == 10_000
    assert result.rows[0].row_number == 3 and result.rows[-1].row_number == 10_002
    assert result.rows[9_999].form.name == "测试09999"
    assert len({r.form.id_number for r in result.rows}) == 10_000


def test_the_importing_package_stays_free_of_qt_sql_and_the_store() -> None:
    import subprocess
    import sys

    code = ("import sys, zcdesk.importing.roster, zcdesk.importing.bans, "
            "zcdesk.importing.export, zcdesk.domain.eligibility\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', "
            "'alembic') or m.startswith(('zcdesk.store', 'zcdesk.ui'))]\n"
            "print(bad)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"
