from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import BAD_CHECK, ID_LI, ID_ZHANG
from zcdesk.domain.idnumber import (
    check_digit,
    clean_scan,
    gender_of,
    id_problem,
    mask_id,
    normalize_id,
    resident_id_problem,
)


@pytest.mark.parametrize(("first17", "digit"), [
    ("11010519491231002", "X"),  # the example printed in GB 11643
    ("44052418800101001", "4"),
    ("33010219900101123", "4"),
    ("33010619850315018", "X"),
])
def test_check_digit(first17: str, digit: str) -> None:
    assert check_digit(first17) == digit


@pytest.mark.parametrize("raw", [
    ID_LI.lower(),  # a lower-case x
    f"\x02{ID_LI}\r\n",  # scanner prefix and suffix
    f"  {ID_LI}\t",
    "３３０１０６１９８５０３１５０１８ｘ",  # full-width digits from an IME
    f"{ID_LI[:6]} {ID_LI[6:]}",  # a space typed in the middle
])
def test_normalize_id_accepts_what_scanners_send(raw: str) -> None:
    assert normalize_id(raw) == ID_LI
    assert resident_id_problem(normalize_id(raw)) is None


def test_wrong_check_digit_names_the_expected_one() -> None:
    problem = resident_id_problem(BAD_CHECK)
    assert problem is not None
    assert "校验码" in problem.message and "4" in problem.message


@pytest.mark.parametrize(("number", "words"), [
    ("33010219900101123", "18 位"),
    ("3301021990010112345", "18 位"),
    ("33010219900A011234", "前 17 位"),
    ("330102199002301236", "出生日期"),  # 30 February, valid check digit
])
def test_malformed_numbers(number: str, words: str) -> None:
    if words == "出生日期":
        number = number[:17] + check_digit(number[:17])
    problem = resident_id_problem(number)
    assert problem is not None and words in problem.message


def test_other_id_kinds_are_not_held_to_gb11643() -> None:
    assert id_problem("外国人工作证", "P1234567") is None
    # The old rule refused 汉字 and kinds outside five: a 军官证 is written 南字第2019045号,
    # and the list is open (三.2 等), so a 护照 is taken (the pre-check flags it).
    assert id_problem("军官证", "南字第2019045号") is None
    assert id_problem("军官证", "见附件") is not None  # no digit at all: not a number
    assert id_problem("护照", "E1234567") is None
    assert id_problem("港澳台居民居住证", "810000199001011234") is not None


def test_mask_keeps_region_and_last_four() -> None:
    assert mask_id(ID_ZHANG) == "330102********1234"
    assert mask_id("P1234567") == "P1****67"


def test_gender_from_17th_digit() -> None:
    assert gender_of(ID_ZHANG) == "男"  # 3 is odd
    assert gender_of(ID_LI) == "女"  # 8 is even
    assert gender_of("330105197712300040") == "女"


@given(st.text(max_size=40))
def test_cleaning_and_validation_never_crash(text: str) -> None:
    number = normalize_id(text)
    resident_id_problem(number)
    for kind in ("居民身份证", "外国人工作证"):
        id_problem(kind, number)
    assert "\n" not in clean_scan(text) and "\t" not in clean_scan(text)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)),
       st.integers(min_value=0, max_value=999))
def test_every_generated_number_validates(birth: dt.date, seq: int) -> None:
    first17 = f"330102{birth:%Y%m%d}{seq:03d}"
    number = first17 + check_digit(first17)
    assert resident_id_problem(number) is None
    wrong = next(c for c in "0123456789X" if c != number[-1])
    assert resident_id_problem(first17 + wrong) is not None
