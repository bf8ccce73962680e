"""ID numbers: cleaning scanner input, the GB 11643 check digit, masking, and the
ID-kind rules of the round (annex 1, 三.2).

Which kinds there are, which have a GB 11643 check digit and how rosters also
write them is data of the round pack (`[ids]`): every function that needs it
takes `ids` (an IdRules; None: the shipped pack's). The notice says 等, so the
list is open: a kind not listed is taken and only its number is checked for
plausible characters (军官证 numbers such as 南字第2019045号 are written in
汉字). Only a check-digit kind (居民身份证, 港澳台居民居住证) is held to GB 11643,
and its number may not carry a birth date after today.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
import time
import unicodedata
from dataclasses import dataclass
from typing import Any

from zcdesk.domain.round_pack import IdKind, IdRules

# The name of the GB 11643 identity card: the form's default kind. A name, not a rule:
# whether it has a check digit is the pack's (IdKind.check_digit).
RESIDENT_ID = "居民身份证"


def id_rules(ids: IdRules | None = None) -> IdRules:
    """`ids`, or the shipped pack's ID rules."""
    if ids is not None:
        return ids
    from zcdesk.domain.rules_pack import shipped_pack  # late: rules_pack reads files

    return shipped_pack().ids


def find_kind(text: str, ids: IdRules | None = None) -> IdKind | None:
    """The pack's kind written as `text` (its name or an alias, spaces ignored)."""
    index = _kind_index(id_rules(ids))
    found = index.get(text)  # the usual case: written exactly as listed
    return found if found is not None or not text else index.get(re.sub(r"\s+", "", text))


def checked_kinds(ids: IdRules | None = None) -> frozenset[str]:
    """Names of the kinds whose numbers are GB 11643 numbers with a check digit."""
    return frozenset(k.name for k in id_rules(ids).kinds if k.check_digit)


def default_kind(ids: IdRules | None = None) -> str:
    """The kind of a roster row that leaves 证件类别 empty: the pack's first."""
    return id_rules(ids).kinds[0].name


_INDEXES: dict[int, tuple[IdRules, dict[str, IdKind]]] = {}


def _kind_index(ids: IdRules) -> dict[str, IdKind]:
    """name or alias → kind, built once per IdRules (id() kept with the object)."""
    found = _INDEXES.get(id(ids))
    if found is None or found[0] is not ids:
        index = {re.sub(r"\s+", "", w): k for k in ids.kinds for w in (k.name, *k.aliases)}
        found = _INDEXES[id(ids)] = (ids, index)
    return found[1]


def __getattr__(name: str) -> Any:
    """ID_KINDS and CHECKED_KINDS for callers that do not pass their round's rules yet
    (the add-applicant dialog, the store): the shipped pack's, not constants."""
    if name == "ID_KINDS":
        return tuple(k.name for k in id_rules().kinds)
    if name == "CHECKED_KINDS":
        return checked_kinds()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    """A fast yes for a valid 18-character number (GB 11643) whose birth date is not
    after today; False means: ask resident_id_problem why.

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
    if number[6:14] > _today_digits():  # born after today: a typing error
        return False
    month_day = number[10:14]
    if month_day in _MONTH_DAYS:
        return number[6:10] != "0000"
    if month_day != "0229":
        return False
    year = int(number[6:10])
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_TODAY: list[Any] = ["", 0.0]  # today as YYYYMMDD, and until when (time.time()) it holds


def _today_digits() -> str:
    """Today as YYYYMMDD, looked up at most once a minute (resident_ok runs per row)."""
    now = time.time()
    if now >= _TODAY[1]:
        _TODAY[0], _TODAY[1] = dt.date.today().strftime("%Y%m%d"), now + 60
    return str(_TODAY[0])


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
    born = birth_date(number)
    if born is None:
        return IdProblem("号码中的出生日期无效，请核对证件。")
    if number[6:14] > _today_digits():
        return IdProblem(f"号码中的出生日期 {born.isoformat()} 晚于今天，号码有误，请核对证件。")
    return None


# Another kind's number: letters, digits, 汉字 (南字第2019045号), brackets and hyphens,
# with at least one digit. Plausible characters only: the notice gives no format.
_OTHER_NUMBER = re.compile(r"[0-9A-Z()（）\-·\u3400-\u9fff]{4,30}")


def id_problem(kind: str, number: str, *, ids: IdRules | None = None) -> IdProblem | None:
    """Why an ID number of `kind` cannot be taken, or None.

    A kind with a check digit is held to GB 11643; any other kind, listed or not
    (the list is open: 护照, 通行证 …), only to plausible characters. A kind outside
    the list is refused only when the pack closes the list (ids.open_list false).
    """
    rules = id_rules(ids)
    if not number:
        return IdProblem("请填写证件号码。")
    found = find_kind(kind, rules)
    if found is not None and found.check_digit:
        return resident_id_problem(number)
    if found is None and not rules.open_list:
        named = "、".join(k.name for k in rules.kinds)
        return IdProblem(f"证件类别“{kind}”不在本轮允许的范围内（{named}）。")
    if not _OTHER_NUMBER.fullmatch(number) or not any(c.isdigit() for c in number):
        return IdProblem("证件号码应由数字、字母（军官证等可含汉字）和括号组成，含数字，"
                         "长度 4 到 30 位。")
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
