"""Holiday files: a year's public holidays and make-up working days as TOML or CSV (#11).

The State Council publishes each year's 节假日安排 in November; the office lead
types it into a small file and imports it (`zcdesk calendar import FILE`, or
设置 → 节假日 → 导入…). Two forms, the same three fields per day:

* TOML, UTF-8: one `[[days]]` table per day with `date` (2026-01-01, quoted or
  not), `kind` and `name`; optional top-level `format = 1` and `notice` (the
  notice's title, for the reader). resources/calendars/2025.toml is one.
* CSV, UTF-8, UTF-8 with BOM or GBK (Excel "CSV" on a Chinese Windows): a header
  row 日期/date, 类型/kind, 名称/name (名称 may be left out), one day per row.

kind is 休 (放假) or 班 (调休上班); holiday/workday, 放假 and 调休上班/上班 are
read too. Validation collects every problem with its line — a date that is not a
date, a date twice, an unknown kind, a name too long — and raises one
HolidayFileError; nothing is guessed. A 班 on a weekday changes nothing (it is a
working day anyway) and is most likely a wrong date: a warning, not a refusal.
Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import tempfile
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from zcdesk.domain.round_pack import _LineScanner  # the lines of TOML keys, shared
from zcdesk.domain.workdays import CalendarDay, DayKind

FORMAT_VERSION: Final = 1
MAX_DAYS: Final = 2_000  # a year has ~40 marked days; more is not a holiday file
MAX_BYTES: Final = 1_000_000
MAX_NAME: Final = 32  # calendar_day.name
SUFFIXES: Final = (".toml", ".csv")

# What the office may write for the kind of a day (compared case-insensitively).
KIND_WORDS: Final = {"休": DayKind.HOLIDAY, "holiday": DayKind.HOLIDAY, "放假": DayKind.HOLIDAY,
                     "班": DayKind.WORKDAY, "workday": DayKind.WORKDAY,
                     "调休上班": DayKind.WORKDAY, "上班": DayKind.WORKDAY}
KIND_SHORT: Final = {DayKind.HOLIDAY: "休", DayKind.WORKDAY: "班"}
_HEADERS: Final = {"日期": "date", "date": "date", "类型": "kind", "kind": "kind",
                   "名称": "name", "name": "name"}
_TOP_KEYS: Final = ("format", "notice", "days")
_DAY_KEYS: Final = ("date", "kind", "name")
# 2026-01-01, 2026/1/1 (Excel), 2026.1.1, 2026年1月1日
_DATE: Final = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
WEEKDAYS: Final = "一二三四五六日"


@dataclass(frozen=True)
class HolidayProblem:
    line: int | None  # 1-based line of the file; None: the file as a whole
    message: str

    def __str__(self) -> str:
        return f"第 {self.line} 行：{self.message}" if self.line else self.message


class HolidayFileError(ValueError):
    """A holiday file that cannot be imported; `problems` lists every reason."""

    def __init__(self, problems: list[HolidayProblem], source: str = "") -> None:
        self.problems = tuple(problems)
        self.source = source
        head = f"节假日文件{f'“{source}”' if source else ''}有 {len(problems)} 处问题，没有导入："
        super().__init__("\n".join([head, *(f"  {p}" for p in problems)]))


@dataclass(frozen=True)
class HolidayFile:
    days: tuple[CalendarDay, ...]  # by date
    warnings: tuple[HolidayProblem, ...] = ()  # suspicious, imported all the same
    notice: str = ""  # the notice the days come from, when the file names it

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({d.day.year for d in self.days}))


# ====================================================================== reading
def read_holiday_file(path: Path) -> HolidayFile:
    """The days of a .toml or .csv file; HolidayFileError lists every problem."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise HolidayFileError([HolidayProblem(None, "文件应以 .toml 或 .csv 结尾。")], name)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise HolidayFileError([HolidayProblem(
                None, f"文件超过 {MAX_BYTES // 1000} KB，不是节假日文件，不予导入。")], name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise HolidayFileError([HolidayProblem(None, f"找不到文件 {path}")], name) from None
    except OSError as exc:
        raise HolidayFileError([HolidayProblem(None, f"无法读取：{exc.strerror or exc}")],
                               name) from None
    if suffix == ".toml":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise HolidayFileError([HolidayProblem(
                None, "TOML 文件须保存为 UTF-8（记事本：另存为 → 编码 UTF-8）。")], name) from None
        return parse_toml(text, name)
    return parse_csv(decode_csv(data, name), name)


def decode_csv(data: bytes, source: str = "") -> str:
    """UTF-8 (with or without BOM) first; then GBK, as Excel saves "CSV" in China."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")  # a superset of GBK
    except UnicodeDecodeError:
        raise HolidayFileError([HolidayProblem(
            None, "无法识别文件编码：请保存为 UTF-8 或 GBK 的 CSV。")], source) from None


def parse_toml(text: str, source: str = "") -> HolidayFile:
    text = text.removeprefix("\ufeff")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise HolidayFileError([_syntax_problem(exc)], source) from None
    lines = _LineScanner(text).scan()
    problems: list[HolidayProblem] = []
    for key in data:
        if key not in _TOP_KEYS:
            problems.append(HolidayProblem(lines.get((key,)), f"无法识别的项“{key}”"
                                           f"（可用：{'、'.join(_TOP_KEYS)}）"))
    if data.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        problems.append(HolidayProblem(lines.get(("format",)),
                                       f"format 应为 {FORMAT_VERSION}，本程序不认识此格式"))
    notice = data.get("notice", "")
    if not isinstance(notice, str):
        problems.append(HolidayProblem(lines.get(("notice",)), "notice 应为文字（加英文双引号）"))
        notice = ""
    entries = data.get("days", [])
    if not isinstance(entries, list):
        problems.append(HolidayProblem(lines.get(("days",)), "days 应写作一段段 [[days]]"))
        entries = []
    if len(entries) > MAX_DAYS:
        raise HolidayFileError([_too_many(len(entries))], source)
    rows: list[tuple[int | None, dict[str, Any]]] = []
    for index, entry in enumerate(entries):
        line = lines.get(("days", index))
        if not isinstance(entry, dict):
            problems.append(HolidayProblem(line, "每一天应写作一段 [[days]]"))
            continue
        for key in entry:
            if key not in _DAY_KEYS:
                problems.append(HolidayProblem(lines.get(("days", index, key), line),
                                               f"无法识别的项“{key}”（可用：date、kind、name）"))
        rows.append((line, {k: (v, lines.get(("days", index, k), line))
                            for k, v in entry.items() if k in _DAY_KEYS}))
    return _checked(rows, problems, source, notice.strip())


def parse_csv(text: str, source: str = "") -> HolidayFile:
    text = text.removeprefix("\ufeff")
    records = list(_csv_records(text))
    if len(records) > MAX_DAYS + 1:
        raise HolidayFileError([_too_many(len(records) - 1)], source)
    if not records:
        raise HolidayFileError([HolidayProblem(None, "文件是空的。")], source)
    head_line, header = records[0]
    columns: dict[str, int] = {}
    problems: list[HolidayProblem] = []
    for n, cell in enumerate(header):
        word = cell.strip()
        field = _HEADERS.get(word.lower())
        if field is None:
            if word:
                problems.append(HolidayProblem(head_line, f"无法识别的列“{word}”"
                                               "（表头应为：日期、类型、名称）"))
        elif field in columns:
            problems.append(HolidayProblem(head_line, f"列“{word}”重复"))
        else:
            columns[field] = n
    for needed, word in (("date", "日期"), ("kind", "类型")):
        if needed not in columns:
            problems.append(HolidayProblem(head_line,
                                           f"缺少“{word}”列（表头应为：日期、类型、名称）"))
    if problems:
        raise HolidayFileError(problems, source)
    rows: list[tuple[int | None, dict[str, Any]]] = []
    for line, cells in records[1:]:
        extra = [c for n, c in enumerate(cells) if n not in columns.values() and c.strip()]
        if extra:
            problems.append(HolidayProblem(line, f"多出表头以外的内容“{extra[0].strip()}”"))
        rows.append((line, {f: (cells[n].strip(), line) for f, n in columns.items()
                            if n < len(cells)}))
    return _checked(rows, problems, source, "")


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of every non-blank record; '#' starts a comment row."""
    first = next((t for t in text.splitlines() if t.strip() and not t.startswith("#")), "")
    # The delimiter the header uses: a comma, or a full-width one typed with a Chinese IME.
    delimiter = next((d for d in (",", "，", "\t", ";") if d in first), ",")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    line = 1
    for cells in reader:
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        yield start, cells


def _checked(rows: list[tuple[int | None, dict[str, Any]]], problems: list[HolidayProblem],
             source: str, notice: str) -> HolidayFile:
    """The days of the rows, every problem collected; the warnings kept apart."""
    days: list[CalendarDay] = []
    warnings: list[HolidayProblem] = []
    seen: dict[dt.date, int | None] = {}
    for line, fields in rows:
        day = _date(fields.get("date"), line, problems)
        kind = _kind(fields.get("kind"), line, problems)
        name = _name(fields.get("name"), problems)
        if day is None:
            continue
        at = fields["date"][1]  # the date's own line (TOML: not the [[days]] line)
        if day in seen:
            first = seen[day]
            problems.append(HolidayProblem(at, f"{day.isoformat()} 重复" +
                                           (f"（第 {first} 行已写过）" if first else "")))
            continue
        seen[day] = at
        if kind is None or name is None:
            continue
        if kind is DayKind.WORKDAY and day.weekday() < 5:
            weekday = WEEKDAYS[day.weekday()]
            warnings.append(HolidayProblem(at, f"{day.isoformat()} 是周{weekday}，本来就是"
                                           "工作日，标为“班”没有作用；请核对日期"))
        days.append(CalendarDay(day, kind, name))
    if not rows and not problems:
        problems.append(HolidayProblem(None, "文件里没有任何日期。"))
    if problems:
        problems.sort(key=lambda p: (p.line is None, p.line or 0))
        raise HolidayFileError(problems, source)
    return HolidayFile(tuple(sorted(days)), tuple(warnings), notice)


def _date(field: tuple[Any, int | None] | None, line: int | None,
          problems: list[HolidayProblem]) -> dt.date | None:
    if field is None or field[0] in ("", None):
        problems.append(HolidayProblem(line, "缺少日期"))
        return None
    value, at = field
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    found = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if found:
        try:
            return dt.date(*(int(g) for g in found.groups()))
        except ValueError:
            pass
    problems.append(HolidayProblem(at, f"“{_shown(value)}”不是日期（应写作 2026-01-01）"))
    return None


def _kind(field: tuple[Any, int | None] | None, line: int | None,
          problems: list[HolidayProblem]) -> DayKind | None:
    if field is None or field[0] in ("", None):
        problems.append(HolidayProblem(line, "缺少类型（休 或 班）"))
        return None
    value, at = field
    kind = KIND_WORDS.get(value.strip().lower()) if isinstance(value, str) else None
    if kind is None:
        problems.append(HolidayProblem(at, f"类型“{_shown(value)}”无法识别：请写 休（放假）"
                                       "或 班（调休上班）"))
    return kind


def _name(field: tuple[Any, int | None] | None, problems: list[HolidayProblem]) -> str | None:
    if field is None:
        return ""
    value, at = field
    if not isinstance(value, str):
        problems.append(HolidayProblem(at, f"名称“{_shown(value)}”应为文字（加英文双引号）"))
        return None
    if len(value.strip()) > MAX_NAME:
        problems.append(HolidayProblem(at, f"名称过长（最多 {MAX_NAME} 个字）"))
        return None
    return value.strip()


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime | dt.time) else str(value)


def _too_many(count: int) -> HolidayProblem:
    return HolidayProblem(None, f"文件有 {count} 行日期，超过 {MAX_DAYS} 行的上限，"
                          "不是节假日文件，不予导入。")


def _syntax_problem(exc: tomllib.TOMLDecodeError) -> HolidayProblem:
    message = str(exc)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
    return HolidayProblem(int(found.group(1)) if found else None,
                          f"TOML 格式错误（{detail}）；常见原因：文字缺引号、"
                          "日期写成 2026-1-1（应为 2026-01-01）")


# ====================================================================== writing
def dump_toml(days: Iterable[CalendarDay], notice: str = "") -> str:
    """The days as a holiday file in TOML: parse_toml(dump_toml(d)).days == d."""
    notice = " ".join(notice.split())  # one line: it is also the comment's
    out = ["# 节假日文件：法定节假日（休）与调休上班日（班）。",
           "# 每天一段 [[days]]：date 日期（不加引号），kind 类型（\"休\" 或 \"班\"），name 名称。",
           "# 导入：zcdesk calendar import 本文件，或 设置 → 节假日 → 导入…", "",
           f"format = {FORMAT_VERSION}"]
    if notice:
        out.append(f"notice = {_quoted(notice)}")
    for d in sorted(days):
        out += ["", "[[days]]", f"date = {d.day.isoformat()}  # 周{WEEKDAYS[d.day.weekday()]}",
                f"kind = \"{KIND_SHORT[d.kind]}\"", f"name = {_quoted(d.name)}"]
    return "\n".join(out) + "\n"


def dump_csv(days: Iterable[CalendarDay]) -> str:
    """The days as CSV (UTF-8; write it with a BOM so that Excel reads it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["日期", "类型", "名称"])
    for d in sorted(days):
        writer.writerow([d.day.isoformat(), KIND_SHORT[d.kind], d.name])
    return buffer.getvalue()


def write_holiday_file(days: Iterable[CalendarDay], target: Path, notice: str = "") -> Path:
    """.toml or .csv by the name, written whole or not at all (OSError: nothing left)."""
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"节假日文件应以 .toml 或 .csv 结尾：{target}")
    data = (dump_toml(days, notice).encode("utf-8") if suffix == ".toml"
            else dump_csv(days).encode("utf-8-sig"))
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".zcdesk-", suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def _quoted(text: str) -> str:
    # JSON's string escapes are TOML basic-string escapes.
    return json.dumps(text, ensure_ascii=False)


def gap_warning(years: Iterable[int], how: str) -> str:
    """"2026 年的节假日尚未设置：工作日暂按周一至周五计算。" + what to do."""
    shown = "、".join(str(y) for y in sorted(years))
    return f"{shown} 年的节假日尚未设置：工作日暂按周一至周五计算。{how}"
