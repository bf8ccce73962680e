"""Cell parsers: what each spelling becomes, and what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from zcdesk.importing import cells
from zcdesk.importing.cells import CellError

TODAY = dt.date(2025, 5, 18)


@pytest.mark.parametrize(("raw", "expected"), [
    (" 张　三 ", "张三"),
    ("张 三", "张三"),
    ("John  Smith", "John Smith"),
    ("欧阳\u200b娜娜", "欧阳娜娜"),
    ("Ｌｉ　Ｍｉｎｇ", "Li Ming"),
    ("阿依古丽·买买提", "阿依古丽·买买提"),
    (None, ""),
])
def test_names(raw: object, expected: str) -> None:
    assert cells.clean_name(raw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "expected"), [
    ("  杭州某某有限公司（上城分公司） ", "杭州某某有限公司（上城分公司）"),  # （） kept
    ("ＡＢＣ１２３", "ABC123"),
    ("a\r\nb\tc", "a b c"),
    (12.0, "12"),
    (dt.datetime(2020, 1, 2), "2020-01-02"),
    (True, "TRUE"),
])
def test_text(raw: object, expected: str) -> None:
    assert cells.clean_text(raw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "expected"), [
    (8, 8), (8.0, 8), (8.9, 8), ("8", 8), ("8年", 8), ("8 年", 8), ("8周年", 8),
    ("8年3个月", 8), ("8年以上", 8), ("八年", 8), ("十二年", 12), ("二十", 20), ("", None),
    (None, None), ("０", 0),
])
def test_years(raw: object, expected: int | None) -> None:
    assert cells.years(raw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["很多", "-1", 71, "8-10年", True, dt.date(2020, 1, 1)])
def test_years_refused(raw: object) -> None:
    with pytest.raises(CellError):
        cells.years(raw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "expected"), [
    (dt.datetime(2019, 7, 1, 0, 0), dt.date(2019, 7, 1)),
    (43647.0, dt.date(2019, 7, 1)),  # an Excel serial without a date format
    (201907.0, dt.date(2019, 7, 1)),
    (20190715.0, dt.date(2019, 7, 15)),
    (2019.07, dt.date(2019, 7, 1)),
    (2019.12, dt.date(2019, 12, 1)),
    ("2019.7.1", dt.date(2019, 7, 1)),
])
def test_dates_from_cells(raw: object, expected: dt.date) -> None:
    assert cells.date_value(raw, "毕业时间", TODAY) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "words"), [
    (2019.0, "只有年份"),
    (2019.1, "不明确"),
    ("2019年", "只有年份"),
    ("1939-12-31", "不合理"),
    ("2025-05-19", "不合理"),  # after today
    (dt.time(8, 0), "不是日期"),
    ("2019-02-29", "不是有效的日期"),
])
def test_dates_refused(raw: object, words: str) -> None:
    with pytest.raises(CellError, match=words):
        cells.date_value(raw, "毕业时间", TODAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "expected"), [
    ("杭州某公司/工程师", ("杭州某公司", "工程师")),
    ("杭州某公司，总工程师", ("杭州某公司", "总工程师")),
    ("杭州某公司\n工程师", ("杭州某公司", "工程师")),
    ("杭州某公司", ("杭州某公司", "")),
    ("A、B公司/经理", ("A、B公司", "经理")),
])
def test_pairs(raw: str, expected: tuple[str, str]) -> None:
    assert cells.split_pair(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("电气工程 8年", ("电气工程", 8)),
    ("电气工程/8", ("电气工程", 8)),
    ("5G通信，3年", ("5G通信", 3)),
    ("8", ("", 8)),
    (8.0, ("", 8)),
    ("电气工程", ("电气工程", None)),
])
def test_specialty_and_years(raw: object, expected: tuple[str, int | None]) -> None:
    assert cells.split_specialty_years(raw, "现从事专业及工作年限") == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "expected"), [
    ("浙江大学 2010.07", ("浙江大学", dt.date(2010, 7, 1))),
    ("浙江大学（2010年6月毕业）", ("浙江大学", dt.date(2010, 6, 1))),
    ("浙江大学", ("浙江大学", None)),
    (dt.date(2010, 6, 30), ("", dt.date(2010, 6, 30))),
])
def test_school_and_date(raw: object, expected: tuple[str, dt.date | None]) -> None:
    assert cells.split_school_date(raw, "毕业院校及时间", TODAY) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "expected"), [
    ("'330102199001011234", "330102199001011234"),
    ('="330102199001011234"', "330102199001011234"),
    ("330102 19900101 123x", "33010219900101123X"),
    (12345678.0, "12345678"),
])
def test_id_text(raw: object, expected: str) -> None:
    assert cells.id_text(raw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", [3.30102199001011e17, 1e15, 123.5, "1.23E+17", "3.3e17",
                                 dt.date(2020, 1, 1), True])
def test_id_text_refused(raw: object) -> None:
    with pytest.raises(CellError):
        cells.id_text(raw)  # type: ignore[arg-type]
