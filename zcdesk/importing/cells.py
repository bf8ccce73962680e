"""Cell values from a spreadsheet or a CSV file, turned into the form's values.

Every parser either returns a clean value or raises `CellError` with the reason in
Chinese. Nothing is repaired by guessing: an ID number that a spreadsheet turned
into a number has lost digits that no program can bring back, so it is reported.

Text cleaning folds full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) and the
ideographic space (U+3000) to ASCII, drops control characters and zero-width
spaces and joiners (direction marks and overrides are kept, for the name check to
refuse) and collapses runs of white space; Chinese punctuation such as （） is kept as typed,
so a unit name reads the same as when the clerk types it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Final, NamedTuple

from zcdesk.domain.idnumber import (
    default_kind,
    find_kind,
    id_problem,
    normalize_id,
    resident_ok,
)
from zcdesk.domain.round_pack import IdRules

CellValue = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None

# The store accepts dates in this range only (zcdesk.store: validate_applicant).
EARLIEST_DATE: Final = dt.date(1940, 1, 1)
MAX_FIELD_YEARS: Final = 70


class CellError(ValueError):
    """A value that cannot be taken; `message` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ------------------------------------------------------------------ text
_FOLD: Final = str.maketrans(
    {**{0xFF10 + i: 0x30 + i for i in range(10)},
     **{0xFF21 + i: 0x41 + i for i in range(26)},
     **{0xFF41 + i: 0x61 + i for i in range(26)},
     0x3000: " ", 0x00A0: " "})
# Dropped: control characters and the invisible zero-width ones that copying adds.
# Kept, so that the name and unit checks (domain.text_rules) refuse them: the
# direction marks and overrides (U+200E/F, U+202A–E), which reorder what is shown —
# "\u202e三张" looks like 张三 — so dropping them would store another name than the
# one on screen.
_NOISE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_SPACES: Final = re.compile(r"\s+")
_PLAIN: Final = re.compile(r"[^\s\x00-\x1f\x7f\u00a0\u200b-\u200f\u202a-\u202e\u2060\u3000"
                           r"\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?: [^\s\x00-\x1f"
                           r"\x7f\u00a0\u200b-\u200f\u202a-\u202e\u2060\u3000\ufeff"
                           r"\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+)*")
_CJK_SPACE: Final = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff]) +| +(?=[\u3400-\u9fff\uf900-\ufaff])")


_SEP: Final = "\x00"
# One character class (the regex engine scans for it at C speed); the space rules
# are plain substring tests.
_DIRTY_CHARS: Final = re.compile(
    "[\x01-\x1f\x7f\x85\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff"
    "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def clean_column(values: Sequence[CellValue], *, name: bool = False) -> list[str] | None:
    """The column itself when every cell is text that cleaning would not change, else None.

    One pass of a character class over the joined column (C speed) instead of a
    Python call per cell; None sends the caller to the cell-by-cell path. For
    names any space counts as a change (clean_name drops spaces next to 汉字).
    """
    try:
        joined = _SEP.join(values)  # type: ignore[arg-type]  # TypeError: not all text
    except TypeError:
        return None
    if joined.count(_SEP) != max(0, len(values) - 1) or _DIRTY_CHARS.search(joined):
        return None
    if name and " " in joined:
        return None
    if " " in joined and ("  " in joined or "\x00 " in joined or " \x00" in joined
                          or joined.startswith(" ") or joined.endswith(" ")):
        return None
    return list(values)  # type: ignore[arg-type]


def number_text(value: float) -> str:
    """A number as a spreadsheet shows it: 12 not 12.0; 3.30102199001011E+17 when huge."""
    if not math.isfinite(value):
        return repr(value)
    if abs(value) >= 1e15:
        return f"{value:.14E}"
    if value == int(value):
        return str(int(value))
    return repr(value)


def clean_text(value: CellValue) -> str:
    """Any cell as trimmed text (see the module docstring for what is folded)."""
    if value is None:
        return ""
    if isinstance(value, str):
        if _PLAIN.fullmatch(value):
            return value
        text = _NOISE.sub("", value.translate(_FOLD))
        return _SPACES.sub(" ", text).strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return number_text(float(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def clean_name(value: CellValue) -> str:
    """A person's name: cleaned, and no spaces next to Chinese characters.

    Rosters often pad two-character names (张　三); Latin names keep one space
    between words (John Smith).
    """
    if isinstance(value, str) and value.isalpha() and max(value) < "\uff00":
        return value  # letters only, none full-width: nothing to clean (most names)
    text = clean_text(value)
    if " " in text:
        text = _CJK_SPACE.sub("", text)
    return text


# ------------------------------------------------------------------ ID numbers
_SCIENTIFIC: Final = re.compile(r"[0-9]+(?:\.[0-9]*)?E\+?[0-9]+", re.IGNORECASE)
_DECIMAL: Final = re.compile(r"[0-9]+\.[0-9]*")
_RESIDENT_SHAPE: Final = re.compile(r"[0-9]{17}[0-9X]")
_AS_TEXT_HINT: Final = ("请在原表中把证件号码列设为“文本”格式、填入完整号码后重新导出，"
                       "不要按显示的数字补录。")


def _lost_digits(shown: str) -> CellError:
    return CellError(
        f"证件号码被表格软件存成了数字（{shown}），15 位以后的数字已丢失，无法恢复。"
        + _AS_TEXT_HINT)


def id_text(value: CellValue) -> str:
    """An ID number cell as text, normalised (normalize_id), or CellError.

    Numbers from a spreadsheet are refused when they have 15 or more digits or a
    fraction: a spreadsheet keeps only 15 significant digits. Text that shows the
    traces of that (1.23E+17, 330102199001011234.0) is refused too.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        if _RESIDENT_SHAPE.fullmatch(value):
            return value
        text = value.strip()
        if text.startswith("'"):  # a spreadsheet's "keep this as text" marker
            text = text[1:]
        if text.startswith('="') and text.endswith('"'):  # ="3301…": Excel's text formula
            text = text[2:-1]
        number = normalize_id(text)
        if _SCIENTIFIC.fullmatch(number):
            raise _lost_digits(number)
        if _DECIMAL.fullmatch(number):
            raise CellError(f"证件号码“{number}”带小数点，是被表格软件当成数字保存过的痕迹，"
                            f"末几位可能已丢失。{_AS_TEXT_HINT}")
        return number
    if isinstance(value, bool):
        raise CellError("证件号码单元格是逻辑值（TRUE/FALSE），不是证件号码。")
    if isinstance(value, int | float):
        number = float(value)
        if not math.isfinite(number) or number < 0:
            raise CellError("证件号码单元格不是有效的号码。")
        if number >= 1e15:
            raise _lost_digits(number_text(number))
        if number != int(number):
            raise CellError(f"证件号码“{number!r}”是带小数的数字，不是证件号码。{_AS_TEXT_HINT}")
        return str(int(number))
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        raise CellError("证件号码单元格被设成了日期或时间格式，号码已无法读出。" + _AS_TEXT_HINT)
    return normalize_id(str(value))


def id_number_problem(kind: str, number: str, ids: IdRules | None = None) -> str | None:
    """Why `number` (normalised) of `kind` is refused, or None (`ids`: the round's ID
    rules, None: the shipped pack's).

    Adds the likely cause when an all-digit number ends in zeros from the 16th
    digit on and fails the check: a spreadsheet that stored it as a number
    (15 significant digits) turned the last digits into 0. Such a number is
    never "repaired"; the office fixes the source file.
    """
    found = find_kind(kind, ids)
    if found is not None and found.check_digit and resident_ok(number):
        return None
    problem = id_problem(kind, number, ids=ids)
    if problem is None:
        return None
    if number.isdigit() and len(number) >= 16 and not number[15:].strip("0"):
        return (f"证件号码“{number}”第 16 位起全是 0，且{problem.message.rstrip('。')}："
                "疑似被表格软件存成数字后丢失了末几位（只保留 15 位有效数字）。" + _AS_TEXT_HINT)
    if number:
        return f"证件号码“{number}”有误：{problem.message}"
    return problem.message


MAX_KIND: Final = 16  # the store's id_kind column (String(16))


def id_kind(value: CellValue, ids: IdRules | None = None) -> str:
    """证件类别: the pack's name for it (aliases folded: 身份证 → 居民身份证), the pack's
    first kind when the cell is empty, and any other kind kept as written — the
    notice's list is open (护照, 通行证 …): the pre-check flags it 待核实."""
    text = clean_text(value).replace(" ", "")
    if not text:
        return default_kind(ids)
    found = find_kind(text, ids)
    if found is not None:
        return found.name
    if len(text) > MAX_KIND:
        raise CellError(f"证件类别“{text}”过长（最多 {MAX_KIND} 个字），请写证件名称。")
    return text


# ------------------------------------------------------------------ small fields
_GENDERS: Final = {"男": "男", "女": "女", "男性": "男", "女性": "女", "M": "男", "F": "女",
                   "MALE": "男", "FEMALE": "女"}


def gender(value: CellValue) -> str:
    text = clean_text(value).replace(" ", "").upper()
    if not text:
        return ""
    found = _GENDERS.get(text)
    if found is None:
        raise CellError(f"性别“{clean_text(value)}”无法识别，应为“男”或“女”。")
    return found


_CN_DIGITS: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                     "六": 6, "七": 7, "八": 8, "九": 9}
_YEARS: Final = re.compile(
    r"(?:约|近)?(?P<n>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十]{1,3})\s*(?:个)?"
    r"(?:周?年)?(?:\s*(?:零)?\s*[0-9一二三四五六七八九十]{1,2}\s*个?月)?\s*(?:以上|多)?")


def _chinese_number(text: str) -> int | None:
    if text in ("十",):
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        o = _CN_DIGITS.get(ones, None) if ones else 0
        return None if t is None or o is None else t * 10 + o
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    return None


def years(value: CellValue, column: str = "工作年限") -> int | None:
    """Full years: 8, 8.0, "8", "8年", "8年3个月", "八年", "8年以上" → 8; empty → None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        raise CellError(f"{column}“{clean_text(value)}”不是年数。")
    if isinstance(value, int | float):
        number: float = float(value)
    else:
        text = clean_text(value).replace(" ", "")
        if not text:
            return None
        match = _YEARS.fullmatch(text)
        if match is None:
            raise CellError(f"{column}“{text}”无法识别，应为年数（如 8 或 8年）。")
        digits = match["n"]
        if digits[0].isdigit():
            number = float(digits)
        else:
            parsed = _chinese_number(digits)
            if parsed is None:
                raise CellError(f"{column}“{text}”无法识别，应为年数（如 8 或 8年）。")
            number = parsed
    if not math.isfinite(number) or not 0 <= number <= MAX_FIELD_YEARS:
        raise CellError(
            f"{column}“{clean_text(value)}”不合理（应在 0 到 {MAX_FIELD_YEARS} 之间）。")
    return int(number)


# ------------------------------------------------------------------ dates
_EXCEL_EPOCH: Final = dt.date(1899, 12, 30)
_DATE_TEXT: Final = re.compile(
    r"(?P<y>[0-9]{4})\s*[-/.年]\s*(?P<m>[0-9]{1,2})\s*"
    r"(?:月?\s*|[-/.月]\s*(?P<d>[0-9]{1,2})\s*日?)"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?")
_DATE_DIGITS: Final = re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})?")
_YEAR_ONLY: Final = re.compile(r"[0-9]{4}\s*年?")


def _checked(value: dt.date, column: str, today: dt.date) -> dt.date:
    if not EARLIEST_DATE <= value <= today:
        raise CellError(f"{column}“{value.isoformat()}”不合理（应在 1940 年到今天之间）。")
    return value


def _from_parts(y: str, m: str, d: str | None, raw: str, column: str) -> dt.date:
    try:
        return dt.date(int(y), int(m), int(d) if d else 1)
    except ValueError:
        raise CellError(f"{column}“{raw}”不是有效的日期。") from None


def date_column(values: Sequence[CellValue], column: str, today: dt.date,
                ) -> tuple[list[dt.date | None], list[int]]:
    """Dates of a column at C speed where the cells are real dates in range.

    Returns the dates and the offsets still to read one by one (text, numbers,
    dates out of range): date_value words their reasons.
    """
    date, datetime = dt.date, dt.datetime
    dates: list[dt.date | None] = [
        v if v.__class__ is date else v.date() if v.__class__ is datetime else None  # type: ignore[misc,union-attr]
        for v in values]
    others = [o for o, d in enumerate(dates) if d is None]
    known = [d for d in dates if d is not None]
    if known and not (min(known) >= EARLIEST_DATE and max(known) <= today):
        others = sorted(set(others) | {o for o, d in enumerate(dates)
                                       if d is not None and not EARLIEST_DATE <= d <= today})
    return dates, others


def date_value(value: CellValue, column: str, today: dt.date) -> dt.date | None:
    """A date from a cell: a real date, an Excel serial number or text.

    Text: 2019-07-01, 2019/7/1, 2019.7.1, 2019.07, 2019-07, 2019年7月, 2019年7月1日,
    201907, 20190701. A month without a day means the 1st of that month. A year
    alone, or a number that a spreadsheet may have shortened (2019.1 can be
    2019.10), is refused with the reason: the row is reported, not guessed.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _checked(value.date(), column, today)
    if isinstance(value, dt.date):
        return _checked(value, column, today)
    if isinstance(value, bool | dt.time | dt.timedelta):
        raise CellError(f"{column}“{clean_text(value)}”不是日期。")
    if isinstance(value, int | float):
        return _checked(_date_from_number(float(value), column), column, today)
    text = unicodedata.normalize("NFKC", clean_text(value)).strip()
    if not text:
        return None
    match = _DATE_TEXT.fullmatch(text) or _DATE_DIGITS.fullmatch(text)
    if match is None:
        if _YEAR_ONLY.fullmatch(text):
            raise CellError(f"{column}“{text}”只有年份，请写明年月（如 {text[:4]}-07）。")
        raise CellError(
            f"{column}“{text}”无法识别为日期（可写 2019-07-01、2019.07 或 2019年7月）。")
    return _checked(_from_parts(match["y"], match["m"], match["d"], text, column), column, today)


class YearOnly(NamedTuple):
    """A date a roster gives as a year alone ("2010"): kept as the year, never guessed
    into a day; the pre-check says 待核实 (ApplicantForm.work_start_year …)."""

    year: int


def roster_date(value: CellValue, column: str, today: dt.date) -> dt.date | YearOnly | None:
    """date_value, but a year alone (2010, "2010", "2010年") is YearOnly instead of a
    refused row: the row is taken and the pre-check asks for the month."""
    try:
        return date_value(value, column, today)
    except CellError:
        year = _year_only(value)
        if year is None:
            raise
        if not EARLIEST_DATE.year <= year <= today.year:
            raise CellError(f"{column}“{year}”不合理（应在 1940 年到今天之间）。") from None
        return YearOnly(year)


def _year_only(value: CellValue) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # the range test first: int(inf) raises (a cell can hold 1.8e308, read as inf)
        return int(value) if 1900 <= value <= 2100 and value == int(value) else None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", clean_text(value)).strip()
        return int(text[:4]) if _YEAR_ONLY.fullmatch(text) else None
    return None


def _date_from_number(number: float, column: str) -> dt.date:
    shown = number_text(number)
    if not math.isfinite(number) or number <= 0:
        raise CellError(f"{column}“{shown}”不是日期。")
    if number == int(number):
        whole = int(number)
        if 1900 <= whole <= 2100:
            raise CellError(f"{column}“{whole}”只有年份，请写明年月（如 {whole}-07）。")
        if 190001 <= whole <= 210012 and 1 <= whole % 100 <= 12:
            return dt.date(whole // 100, whole % 100, 1)
        if 19000101 <= whole <= 21001231:
            return _from_parts(shown[:4], shown[4:6], shown[6:8], shown, column)
    elif 1900 < number < 2101:
        # 2019.07 typed into a cell that became a number: the fraction is the month.
        year, _, fraction = shown.partition(".")
        if fraction == "1":
            raise CellError(f"{column}“{shown}”不明确：可能是 {year} 年 1 月，也可能是 10 月"
                            "（表格软件会把 2019.10 存成 2019.1）。请写成 2019-10 这样的日期。")
        if fraction.isdigit() and len(fraction) <= 2 and 1 <= int(fraction) <= 12:
            return dt.date(int(year), int(fraction), 1)
        raise CellError(f"{column}“{shown}”无法识别为日期。")
    if 1 <= number < 2958466:  # an Excel serial date (days since 1899-12-30)
        return _EXCEL_EPOCH + dt.timedelta(days=int(number))
    raise CellError(f"{column}“{shown}”无法识别为日期。")


# ------------------------------------------------------------------ combined cells
_SEPARATORS: Final = re.compile(r"\s*[/／|｜;；,，、]\s*")
_YEARS_IN_TEXT: Final = re.compile(
    r"(?P<n>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]{1,3})\s*周?年(?:\s*[0-9]{1,2}\s*个?月)?"
    r"\s*(?:以上|多)?")
_TRAILING_DATE: Final = re.compile(
    r"(?P<date>[0-9]{4}\s*[-/.年]\s*[0-9]{1,2}(?:\s*[-/.月]\s*[0-9]{1,2}\s*日?|\s*月)?"
    r"|[0-9]{6}(?:[0-9]{2})?)\s*(?:毕业)?\s*[)）]?\s*$")
_TRAILING_YEAR: Final = re.compile(
    r"(?<![0-9])(?P<date>(?:19|20)[0-9]{2}\s*年?)\s*(?:毕业)?\s*[)）]?\s*$")
_EDGE: Final = " /／|｜;；,，、-—:："
_PLAIN_NUMBER: Final = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def split_pair(value: CellValue) -> tuple[str, str]:
    """'A/B', 'A，B', 'A；B' or A and B on two lines → (A, B); no separator → (text, '').

    The split is at the last separator: a unit name may itself contain one.
    """
    if isinstance(value, str):
        lines = [line for line in value.replace("\r", "\n").split("\n") if line.strip()]
        if len(lines) >= 2:
            return (clean_text(" ".join(lines[:-1])).strip(_EDGE),
                    clean_text(lines[-1]).strip(_EDGE))
    raw = clean_text(value)
    last = None
    for last in _SEPARATORS.finditer(raw):  # noqa: B007 - the last one is wanted
        pass
    if last is None:
        return raw, ""
    return raw[:last.start()].strip(_EDGE), raw[last.end():].strip(_EDGE)


def split_specialty_years(value: CellValue, column: str) -> tuple[str, int | None]:
    """'电气工程 8年' → ('电气工程', 8); '8' → ('', 8); '电气工程' → ('电气工程', None)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "", years(value, column)
    text = clean_text(value)
    matches = list(_YEARS_IN_TEXT.finditer(text))
    if not matches:
        if _PLAIN_NUMBER.fullmatch(text):
            return "", years(text, column)
        specialty, tail = split_pair(text)
        if _PLAIN_NUMBER.fullmatch(tail):  # 机械设计/10
            return specialty, years(tail, column)
        return text, None
    last = matches[-1]
    specialty = (text[:last.start()] + text[last.end():]).strip(_EDGE)
    return specialty, years(last.group(0), column)


def split_school_date(value: CellValue, column: str, today: dt.date,
                      ) -> tuple[str, dt.date | YearOnly | None]:
    """'浙江大学 2010.07' → ('浙江大学', 2010-07-01); '浙江大学 2010年' → ('浙江大学',
    YearOnly(2010)); no date → (text, None)."""
    if isinstance(value, dt.date):
        return "", date_value(value, column, today)
    text = clean_text(value)
    match = _TRAILING_DATE.search(text) or _TRAILING_YEAR.search(text)
    if match is None:
        return text, None
    school = text[:match.start()].strip(_EDGE).rstrip("(（").rstrip(_EDGE)
    return school, roster_date(match["date"].replace(" ", ""), column, today)
