"""Issue #11 item 6: the eligibility corrections from the notice, and rules as data.

Each correction is a table: education (不含技工院校学历), catalogue (name AND issuer),
ID kinds (an open list), the workplace's district (unit name and address) and
year-only dates. The last part shows the seam: every rule reads a RoundPack.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ID_WANG, ID_ZHANG
from tests.data.builders import HEADERS, person, with_check, write_csv
from zcdesk.domain.eligibility import Eligibility, EligibilityChecker, Verdict
from zcdesk.domain.idnumber import id_problem, resident_ok
from zcdesk.domain.records import ApplicantForm, ApplicantInfo
from zcdesk.domain.round_pack import shifted
from zcdesk.domain.rules_pack import shipped_pack
from zcdesk.importing import cells
from zcdesk.importing.roster import read_roster

TODAY = dt.date(2025, 5, 18)
OK, NO, TBD = Verdict.ELIGIBLE, Verdict.INELIGIBLE, Verdict.UNKNOWN

BASE = ApplicantForm(
    name="王五", id_number=ID_WANG, unit="杭州汽轮机股份有限公司", education="大学本科",
    degree="学士", school="浙江大学", graduated_on=dt.date(2015, 7, 1),
    work_start=dt.date(2015, 8, 1), qualification="项目管理专业人士资格认证（PMP）",
    qualification_issuer="美国项目管理协会", qualified_on=dt.date(2020, 1, 1))
CHECKER = EligibilityChecker(today=TODAY)  # no pack: the shipped 2025H1 one


def check(**changes: Any) -> Eligibility:
    return CHECKER.check(dataclasses.replace(BASE, **changes))


def finding(rule: str, **changes: Any) -> tuple[Verdict, str]:
    """The worst verdict of one rule, and its reasons joined."""
    found = [f for f in check(**changes).findings if f.rule == rule]
    order = {NO: 0, TBD: 1, OK: 2}
    worst = min((f.verdict for f in found), key=order.__getitem__, default=OK)
    return worst, "；".join(f.text for f in found)


# ====================================================================== education
COLLEGE = {"education": "大学专科", "degree": "", "graduated_on": dt.date(2010, 7, 1),
           "work_start": dt.date(2010, 7, 1)}


@pytest.mark.parametrize(("changes", "verdict", "words"), [
    ({"school": "浙江机电职业技术学院"}, OK, "大学专科学历"),
    ({"school": "浙江省机电技师学院"}, NO, "技工院校学历不计"),
    ({"school": "杭州市高级技工学校"}, NO, "技工院校学历不计"),
    ({"school": "某某技工院校"}, NO, "三.5(1)"),
    ({"education": "技工院校大专", "school": "杭州第一技工学校"}, NO, "技工院校"),
    ({"education": "大专（技师学院）", "school": ""}, NO, "学历“大专（技师学院）”属技工院校"),
    ({"school": ""}, TBD, "未填写毕业院校"),  # unclear: 待核实, with the reason
    ({"school": "杭州技师职业培训中心"}, TBD, "可能为技工院校"),
    ({"school": "某某技能学校"}, TBD, "含“技能”"),
    # The school matters only for the tier that counts: a 硕士学位 needs no school check.
    ({"school": "浙江省机电技师学院", "degree": "工程硕士"}, OK, "硕士学位"),
    # Short of the years it fails anyway: the school does not make it 待核实.
    ({"school": "", "graduated_on": dt.date(2020, 7, 1), "work_start": dt.date(2020, 7, 1)},
     NO, "不满 7 年"),
    # A 本科 is not a 技工院校 education whatever the school (the rule is for 大专).
    ({"education": "大学本科", "school": "浙江省机电技师学院"}, OK, "大学本科学历"),
])
def test_a_college_diploma_from_a_trade_school_does_not_count(
        changes: dict[str, Any], verdict: Verdict, words: str) -> None:
    got, text = finding("education", **{**COLLEGE, **changes})
    assert got is verdict, text
    assert words in text


# ====================================================================== catalogue
@pytest.mark.parametrize(("qualification", "issuer", "verdict"), [
    # entry 7: TÜV (and its authorised bodies) only, however written
    ("功能安全工程师", "exida", NO),
    ("FSEng", "exida", NO),
    ("Functional Safety Engineer", "exida.com LLC", NO),
    ("功能安全工程师", "TÜV", OK),
    ("功能安全工程师", "TUV", OK),
    ("FSEng", "TÜV SÜD", OK),
    ("FS Eng", "TUV SUD", OK),
    ("功能安全工程师", "TÜV Rheinland", OK),
    ("功能安全工程师", "tuv rheinland", OK),
    ("功能安全工程师", "TÜV NORD", OK),
    ("功能安全工程师", "TÜV莱茵", OK),
    ("功能安全工程师", "德国技术监督协会", OK),
    ("TÜV功能安全工程师", "", OK),  # the issuer inside the name
    ("TUV FSEng", "", OK),
    ("FSEng", "", TBD),  # no issuer at all: verify
    # entry 1: the ACS's 会员, in English whatever the spacing
    ("ACS Member", "", OK),
    ("American Chemical Society Member", "", OK),
    ("AmericanChemicalSociety Member", "", OK),
    ("ACSMember", "", OK),
    ("Member", "ACS", OK),
    ("Member", "American Chemical Society", OK),
    ("Member", "", TBD),
    ("Member", "IEEE", NO),
    ("Regular Member", "JSAP", OK),
    ("Regular Member", "The Japan Society of Applied Physics", OK),
    # every entry needs its issuer
    ("PMP", "PMI", OK),
    ("PMP", "IPMA", NO),
    ("IPMP C级", "PMI", NO),
    ("IPMP C级", "IPMA", OK),
    ("NPDP", "PDMA", OK),
    ("NPDP", "", TBD),
    ("降落伞装备师", "FAA", OK),
    ("Parachute Rigger", "Federal Aviation Administration", OK),
    ("降落伞装备师", "中国民航局", NO),
])
def test_an_entry_matches_by_name_and_issuer(qualification: str, issuer: str,
                                             verdict: Verdict) -> None:
    got, text = finding("qualification", qualification=qualification,
                        qualification_issuer=issuer)
    assert got is verdict, text


@pytest.mark.parametrize(("qualification", "issuer", "entry", "not_entries"), [
    ("FSEng", "exida", "第 7 项", ("第 1 项", "第 5 项", "第 6 项")),
    ("International Project Management Professional", "", "第 6 项", ("第 5 项",)),
    ("International Project Management Professional", "IPMA", "第 6 项", ("第 5 项",)),
    ("Project Management Professional", "PMI", "第 5 项", ("第 6 项",)),
    ("Regular Member", "JSAP", "第 2 项", ("第 1 项",)),
    ("常规会员", "美国化学协会", "第 1 项", ("第 2 项",)),  # the ACS's entry is 会员
    ("ACS Member", "", "第 1 项", ("第 2 项",)),
    ("IPMP D级", "IPMA", "第 6 项", ("第 5 项",)),
])
def test_a_reason_never_names_the_wrong_entry(qualification: str, issuer: str, entry: str,
                                              not_entries: tuple[str, ...]) -> None:
    _, text = finding("qualification", qualification=qualification,
                      qualification_issuer=issuer)
    assert entry in text, text
    assert not any(other in text for other in not_entries), text


def test_an_unknown_qualification_names_no_entry() -> None:
    _, text = finding("qualification", qualification="注册电气工程师", qualification_issuer="")
    assert text == "职业资格“注册电气工程师”不在认定目录中"


# ====================================================================== ID kinds
@pytest.mark.parametrize(("kind", "number", "verdict", "words"), [
    ("居民身份证", ID_ZHANG, OK, ""),
    ("身份证", ID_ZHANG, OK, ""),  # an alias of the pack
    ("军官证", "南字第2019045号", OK, ""),
    ("军官证", "（2019）123456", OK, ""),
    ("港澳台居民居住证", "810000199408230021", OK, ""),
    ("外国人工作证", "P123456789", OK, ""),
    ("港澳居民来往内地通行证", "H12345678", TBD, "不是通知列明的证件"),
    ("回乡证", "H12345678", TBD, "港澳居民来往内地通行证"),
    ("台湾居民来往大陆通行证", "12345678", TBD, "不是通知列明的证件"),
    ("外国人永久居留身份证", "USA110079010108", TBD, "不是通知列明的证件"),
    ("护照", "E12345678", TBD, "不是通知列明的证件"),
    ("学生证", "S2019001", TBD, "不是通知列明的证件"),  # not even in the pack: still taken
    ("居民身份证", ID_ZHANG[:-1] + "5", TBD, "校验码不符"),
    ("港澳台居民居住证", "810000199408230022", TBD, "校验码不符"),
    ("护照", "E1234567X", TBD, "不是通知列明的证件"),
])
def test_id_kinds_are_an_open_list(kind: str, number: str, verdict: Verdict,
                                   words: str) -> None:
    got, text = finding("id_kind", id_kind=kind, id_number=number)
    assert got is verdict, text
    assert words in text
    assert check(id_kind=kind, id_number=number).verdict is not NO


@pytest.mark.parametrize(("kind", "number", "refused"), [
    ("居民身份证", ID_ZHANG, False),
    ("居民身份证", ID_ZHANG[:-1] + "5", True),  # check digit enforced
    ("港澳台居民居住证", "810000199408230022", True),  # a GB 11643 居住证 number too
    ("军官证", "南字第2019045号", False),
    ("护照", "E12345678", False),
    ("港澳居民来往内地通行证", "H1234567801", False),
    ("外国人永久居留身份证", "911000198001011234", False),  # not held to GB 11643
    ("护照", "请见附件", True),  # no digit: not a number
])
def test_only_check_digit_kinds_are_held_to_gb11643(kind: str, number: str,
                                                    refused: bool) -> None:
    assert (id_problem(kind, number) is not None) is refused


def test_a_resident_id_born_in_the_future_is_refused() -> None:
    born = dt.date.today() + dt.timedelta(days=30)
    number = with_check(f"330102{born:%Y%m%d}123")
    assert not resident_ok(number)
    problem = id_problem("居民身份证", number)
    assert problem is not None and "晚于今天" in problem.message
    past = with_check(f"330102{dt.date.today() - dt.timedelta(days=1):%Y%m%d}123")
    assert resident_ok(past) and id_problem("居民身份证", past) is None


def roster(tmp_path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Any:
    return read_roster(write_csv(tmp_path / "r.csv", [headers, *rows]), today=TODAY)


def row(i: int, **cells_: object) -> list[object]:
    values = person(i)
    for key, value in cells_.items():
        values[HEADERS.index(key)] = value
    return values


def test_the_roster_takes_every_kind_and_refuses_none(tmp_path: Path) -> None:
    kinds = [("军官证", "南字第2019045号"), ("港澳居民来往内地通行证", "H12345678"),
             ("台胞证", "12345678"), ("外国人永久居留身份证", "USA110079010108"),
             ("护照", "E12345678"), ("学生证", "S2019001")]
    result = roster(tmp_path, [row(i, 证件类别=k, 证件号码=n) for i, (k, n) in enumerate(kinds)])
    assert result.problems == []
    assert [r.form.id_kind for r in result.rows] == [
        "军官证", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证",
        "护照", "学生证"]
    assert [r.form.id_number for r in result.rows] == [n for _, n in kinds]


def test_the_roster_still_refuses_a_wrong_check_digit_or_a_future_birth(
        tmp_path: Path) -> None:
    future = with_check(f"330102{dt.date.today() + dt.timedelta(days=400):%Y%m%d}123")
    result = roster(tmp_path, [row(0, 证件号码=ID_ZHANG[:-1] + "5"),
                               row(1, 证件号码=future),
                               row(2, 证件类别="港澳台居民居住证", 证件号码="810000199408230022")])
    reasons = [p.reason for p in result.problems]
    assert len(reasons) == 3 and "校验码不符" in reasons[0] and "晚于今天" in reasons[1]


def test_a_closed_list_refuses_what_it_does_not_name(tmp_path: Path) -> None:
    pack = shipped_pack()
    closed = dataclasses.replace(pack, ids=dataclasses.replace(pack.ids, open_list=False))
    path = write_csv(tmp_path / "r.csv", [HEADERS, row(0, 证件类别="学生证", 证件号码="S2019001")])
    assert read_roster(path, today=TODAY, pack=closed).problems
    assert read_roster(path, today=TODAY).problems == []


# ====================================================================== district
@pytest.mark.parametrize(("unit", "address", "verdict", "words"), [
    ("杭州某某科技有限公司", "杭州市萧山区市心中路 1 号", NO, "单位地址“杭州市萧山区"),
    ("杭州某某科技有限公司", "杭州市滨江区网商路 599 号", NO, "高新区（滨江）"),
    ("杭州某某科技有限公司", "杭州市上城区望潮路 77 号", OK, ""),
    ("杭州某某科技有限公司", "萧山经济技术开发区", TBD, "含地名“萧山”"),
    ("杭州萧山某某有限公司", "杭州市上城区望潮路 77 号", OK, "不影响"),  # address settles a hint
    ("杭州萧山某某有限公司", "杭州市萧山区市心中路 1 号", NO, "萧山区"),
    ("杭州市萧山区某某有限公司", "杭州市上城区望潮路 77 号", TBD, "请核实工作地"),  # contradict
    ("杭州市上城区某某有限公司", "杭州市余杭区文一西路 1 号", TBD, "请核实工作地"),
    ("杭州市萧山区某某有限公司", "萧山", NO, "萧山区"),
    ("杭州市萧山区某某有限公司", "", NO, "工作单位“杭州市萧山区某某有限公司”"),
    ("杭州某某科技有限公司", "钱塘江路 8 号", OK, ""),  # a river's street, not 钱塘区
    ("", "杭州市临安区", NO, "临安区"),
])
def test_the_workplace_district_from_unit_and_address(unit: str, address: str,
                                                      verdict: Verdict, words: str) -> None:
    got, text = finding("district", unit=unit, unit_address=address)
    assert got is verdict, text
    assert words in text


@pytest.mark.parametrize("header", ["单位地址", "工作单位地址", "地址", "单位地址（必填）"])
def test_the_roster_reads_the_address_column(tmp_path: Path, header: str) -> None:
    result = roster(tmp_path, [[*row(0), "杭州市萧山区市心中路 1 号"]], [*HEADERS, header])
    assert result.problems == []
    assert result.columns["unit_address"] == header
    form = result.rows[0].form
    assert form.unit_address == "杭州市萧山区市心中路 1 号"
    assert CHECKER.check(form).verdict is NO


def test_applicant_info_carries_the_address_and_years() -> None:
    fields = {f.name for f in dataclasses.fields(ApplicantInfo)}
    assert {"unit_address", "work_start_year", "graduated_year", "qualified_year"} <= fields
    info = ApplicantInfo(1, "居民身份证", ID_WANG, "王五", "男", "杭州某某有限公司", "",
                         dt.date(2015, 8, 1), "", None, "大学本科", "学士", "浙江大学",
                         dt.date(2015, 7, 1), "PMP", "PMI", dt.date(2020, 1, 1), "工程师",
                         "制造业")
    assert CHECKER.check(info).verdict is OK  # the store's rows work before it keeps them
    moved = dataclasses.replace(info, unit_address="建德市新安江街道")
    assert CHECKER.check(moved).verdict is NO


# ====================================================================== year-only dates
@pytest.mark.parametrize(("raw", "expected"), [
    ("2010", cells.YearOnly(2010)),
    ("2010年", cells.YearOnly(2010)),
    (2010, cells.YearOnly(2010)),
    (2010.0, cells.YearOnly(2010)),
    ("2010-07", dt.date(2010, 7, 1)),
    ("", None),
])
def test_a_year_alone_is_kept_as_a_year(raw: object, expected: object) -> None:
    assert cells.roster_date(raw, "参加工作时间", TODAY) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["1930", "2031", 2019.1])
def test_an_impossible_or_ambiguous_year_is_still_refused(raw: object) -> None:
    with pytest.raises(cells.CellError):
        cells.roster_date(raw, "参加工作时间", TODAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(("column", "value", "field", "year_field"), [
    ("参加工作时间", "2010", "work_start", "work_start_year"),
    ("参加工作时间", 2010, "work_start", "work_start_year"),
    ("毕业时间", "2010年", "graduated_on", "graduated_year"),
    ("取得时间", "2020", "qualified_on", "qualified_year"),
])
def test_the_roster_takes_a_year_only_date(tmp_path: Path, column: str, value: object,
                                           field: str, year_field: str) -> None:
    result = roster(tmp_path, [row(0, **{column: value}), row(1)])
    assert result.problems == []
    first, second = (r.form for r in result.rows)
    assert getattr(first, field) is None and getattr(first, year_field) == int(str(value)[:4])
    assert getattr(second, year_field) is None and getattr(second, field) is not None
    assert CHECKER.check(first).verdict is TBD
    assert any("只写了年份" in r for r in CHECKER.check(first).reasons)


def test_school_and_year_in_one_cell(tmp_path: Path) -> None:
    headers = [h if h != "毕业院校" else "毕业院校及时间" for h in HEADERS]
    values = row(0)
    values[HEADERS.index("毕业院校")] = "浙江大学 2010"
    values[HEADERS.index("毕业时间")] = ""
    headers.remove("毕业时间")
    del values[HEADERS.index("毕业时间")]
    form = roster(tmp_path, [values], headers).rows[0].form
    assert (form.school, form.graduated_on, form.graduated_year) == ("浙江大学", None, 2010)


@pytest.mark.parametrize(("changes", "words"), [
    ({"work_start": None, "work_start_year": 2010}, "参加工作时间只写了年份（2010 年）"),
    ({"graduated_on": None, "graduated_year": 2015}, "毕业时间只写了年份（2015 年）"),
    ({"work_start": None, "work_start_year": 2023}, "需满 5 年"),  # short either way: still asks
    ({"qualified_on": None, "qualified_year": 2020}, "职业资格取得时间只写了年份（2020 年）"),
    ({"education": "", "degree": "博士", "graduated_on": None, "graduated_year": 2024},
     "毕业（取得学位）时间只写了年份"),
])
def test_a_year_only_date_is_to_verify(changes: dict[str, Any], words: str) -> None:
    result = check(**changes)
    assert result.verdict is TBD, result.reasons
    assert any(words in r for r in result.reasons), result.reasons


def test_a_year_only_date_shows_the_range_of_years() -> None:
    _, text = finding("education", work_start=None, work_start_year=2018,
                      graduated_on=dt.date(2015, 7, 1))
    assert "约 6–7 年" in text  # 2018-12-31 … 2018-01-01 to 2025-06-30


# ====================================================================== the seam
def test_every_rule_reads_the_pack_it_is_given() -> None:
    later = shifted(shipped_pack(), "2026H1", "2026 上半年度", years=1)
    this_year, next_year = EligibilityChecker(today=TODAY), EligibilityChecker(
        pack=later, today=TODAY)
    assert (this_year.cutoff, next_year.cutoff) == (dt.date(2025, 6, 30), dt.date(2026, 6, 30))
    late = dataclasses.replace(BASE, graduated_on=dt.date(2020, 7, 1),
                               work_start=dt.date(2020, 7, 1))
    assert this_year.check(late).verdict is NO  # 4 years to 2025-06-30
    assert next_year.check(late).verdict is OK  # 5 years to 2026-06-30
    no_tuv = dataclasses.replace(later, catalogue=dataclasses.replace(
        later.catalogue, entries=later.catalogue.entries[:6] + later.catalogue.entries[7:]))
    fseng = dataclasses.replace(BASE, qualification="FSEng", qualification_issuer="TÜV SÜD")
    assert EligibilityChecker(pack=later, today=TODAY).check(fseng).verdict is OK
    assert EligibilityChecker(pack=no_tuv, today=TODAY).check(fseng).verdict is NO


def test_a_store_catalogue_gets_the_packs_aliases() -> None:
    """The store's QualificationInfo rows (no aliases) still match by issuer alias."""
    from zcdesk.domain.records import QualificationInfo

    rows = [QualificationInfo(i, e.name, e.abbreviation, e.issuer, e.issuer_en, e.title,
                              e.series, e.condition)
            for i, e in enumerate(shipped_pack().catalogue.entries, 1)]
    checker = EligibilityChecker(rows, cutoff=dt.date(2025, 6, 30), today=TODAY)
    fseng = dataclasses.replace(BASE, qualification="FSEng", qualification_issuer="TÜV莱茵")
    assert checker.check(fseng).verdict is OK
    exida = dataclasses.replace(fseng, qualification_issuer="exida")
    assert checker.check(exida).verdict is NO
