"""ID numbers: cleaning scanner input, the GB 11643 check digit, masking."""

from __future__ import annotations

import datetime as dt
import operator
import re
import unicodedata
from dataclasses import dataclass

RESIDENT_ID = "居民身份证"
ID_KINDS: tuple[str, ...] = (
    RESIDENT_ID,
    "军官证",
    "港澳台居民居住证",
    "外国人工作证",
    "海外高层次人才居住证",
)
# 港澳台居民居住证 numbers follow GB 11643 too (830000 / 810000 / 820000 prefixes).
CHECKED_KINDS = frozenset({RESIDENT_ID, "港澳台居民居住证"})

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")
_PLAIN = re.compile(r"[0-9A-Z()\-]*")  # already as stored: nothing to clean


def clean_scan(raw: str) -> str:
    """What a scanner or a hurried typist sent, made comparable.

    Scanners add CR/LF/TAB or other control characters; an IME may deliver
    full-width digits and letters. NFKC folds those to ASCII; control and
    format characters and surrounding spaces are dropped.
    """
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    return text.strip()


def normalize_id(raw: str) -> str:
    """An ID number as stored: cleaned, without inner spaces, upper-case X."""
    if _PLAIN.fullmatch(raw):  # the common case, taken 10,000 times in a roster import
        return raw
    return re.sub(r"\s+", "", clean_scan(raw)).upper()


def check_digit(first17: str) -> str:
    if len(first17) != len(_WEIGHTS):
        raise ValueError("check_digit needs the first 17 digits")
    return _CHECK_CHARS[sum(map(operator.mul, map(int, first17), _WEIGHTS)) % 11]


def has_resident_id_shape(text: str) -> bool:
    return bool(_SHAPE.match(text))


@dataclass(frozen=True)
class IdProblem:
    """Why an ID number is refused, in words for the clerk."""

    message: str


_MONTH_DAYS = frozenset(
    f"{m:02d}{d:02d}" for m, days in enumerate((31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
                                               start=1) for d in range(1, days + 1))


def resident_ok(number: str) -> bool:
    """A fast yes for a valid 18-character number (GB 11643); False means: ask
    resident_id_problem why.

    The GB 11643 weights are 2^17 … 2^1 modulo 11, and 13 ≡ 2 (mod 11), so the
    weighted sum is 2 × (the first 17 digits read in base 13) modulo 11: one
    int() in C instead of 17 multiplications in Python. Same answers as
    resident_id_problem (a test holds them together).
    """
    head = number[:17]
    if len(number) != 18 or not head.isdigit() or not number.isascii():
        return False
    if _CHECK_CHARS[2 * int(head, 13) % 11] != number[17]:  # a check character: 0-9 or X
        return False
    month_day = number[10:14]
    if month_day in _MONTH_DAYS:
        return number[6:10] != "0000"
    if month_day != "0229":
        return False
    year = int(number[6:10])
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def resident_id_problem(number: str) -> IdProblem | None:
    """None when `number` (normalized) is a valid 18-digit 居民身份证 number."""
    if resident_ok(number):
        return None
    if len(number) != 18:
        return IdProblem(f"居民身份证号码应为 18 位，现为 {len(number)} 位。")
    if not has_resident_id_shape(number):
        return IdProblem("居民身份证号码前 17 位应为数字，最后一位为数字或 X。")
    expected = check_digit(number[:17])
    if number[17] != expected:
        return IdProblem(
            f"校验码不符（末位应为 {expected}，扫描为 {number[17]}），"
            "号码有误，请核对证件后重新扫描或输入。"
        )
    if birth_date(number) is None:
        return IdProblem("号码中的出生日期无效，请核对证件。")
    return None


def id_problem(kind: str, number: str) -> IdProblem | None:
    """Validate an ID number of any allowed kind."""
    if kind not in ID_KINDS:
        return IdProblem(f"证件类别“{kind}”不在通知允许的范围内。")
    if not number:
        return IdProblem("请填写证件号码。")
    if kind in CHECKED_KINDS:
        return resident_id_problem(number)
    if not re.fullmatch(r"[0-9A-Z()（）\-]{5,30}", number):
        return IdProblem("证件号码只能包含字母、数字和括号，长度 5 到 30 位。")
    return None


def birth_date(number: str) -> dt.date | None:
    try:
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def gender_of(number: str) -> str | None:
    """男/女 from the 17th digit of an 18-digit number."""
    if not has_resident_id_shape(number):
        return None
    return "男" if int(number[16]) % 2 else "女"


def mask_id(number: str) -> str:
    """330102********1234: region and last four kept, the rest hidden."""
    if len(number) >= 14:
        return number[:6] + "*" * (len(number) - 10) + number[-4:]
    if len(number) > 4:
        return number[:2] + "*" * (len(number) - 4) + number[-2:]
    return "*" * len(number)
