"""The disqualification list (取消资格/禁报名单) → Ban entries for the pre-check.

Columns: 姓名 and 决定日期 (or 处理日期 …) are required, 证件号码 and 原因 are
optional. The same formats and the same honesty as the roster: a row that cannot
be taken is reported with its reason. An entry without an ID number is kept: the
pre-check then matches it by name and says 待核实.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from zcdesk.domain.eligibility import Ban
from zcdesk.domain.idnumber import RESIDENT_ID
from zcdesk.domain.text_rules import text_problem
from zcdesk.importing import cells
from zcdesk.importing.columns import convert_column
from zcdesk.importing.errors import ImportCancelled
from zcdesk.importing.header import HeaderSpec, field_aliases, row_present
from zcdesk.importing.roster import Progress, RowProblem
from zcdesk.importing.sources import locate

__all__ = ["BANS_SPEC", "BanRead", "read_bans"]


@dataclass
class BanRead:
    bans: list[Ban]
    problems: list[RowProblem]
    sheet: str
    header_row: int
    columns: dict[str, str]  # field → header text found
    total_rows: int

    def summary(self) -> str:
        text = f"共 {self.total_rows} 行，可导入 {len(self.bans)} 条"
        if self.problems:
            text += f"，{len(self.problems)} 行有问题未导入"
        return text + "。"


BANS_SPEC: Final = HeaderSpec(
    field_aliases({
        "name": ("姓名", "人员姓名", "申报人姓名", "申报人"),
        "id_number": ("证件号码", "证件号", "身份证号", "身份证号码", "公民身份号码",
                      "身份证件号码", "证件编号", "身份证"),
        "decided_on": ("决定日期", "处理日期", "决定时间", "处理时间", "取消资格日期",
                       "取消资格时间", "处分日期", "处理决定日期", "处理决定时间", "作出决定日期",
                       "认定日期", "日期"),
        "reason": ("原因", "事由", "处理原因", "取消原因", "取消资格原因", "违纪情形", "情形",
                   "违规情形", "处理事由", "违纪事由"),
    }),
    ("name", "decided_on"),
    {"name": "姓名", "id_number": "证件号码", "decided_on": "决定日期", "reason": "原因"},
)


def read_bans(path: Path, *, progress: Progress | None = None,
              today: dt.date | None = None) -> BanRead:
    """Read the disqualification list; RosterUnreadable when the file cannot be read."""
    today = today or dt.date.today()
    located = locate(Path(path), BANS_SPEC)
    rows = located.sheet.rows()
    header = located.header
    data = rows[header.data_start:]
    if progress is not None and progress(0, len(data)) is False:
        raise ImportCancelled()
    by_field = {c.fields[0]: c for c in header.columns}

    def column(field: str, convert: object) -> tuple[list[object], dict[int, str]]:
        if field not in by_field:
            return [""] * len(data), {}
        c = by_field[field]
        return convert_column([row[c.index] for row in data], convert)  # type: ignore[arg-type]

    date_label = by_field["decided_on"].label
    names, name_bad = column("name", cells.clean_name)
    numbers, number_bad = column("id_number", cells.id_text)
    dates, date_bad = column("decided_on",
                             lambda v: cells.date_value(v, date_label, today))
    reasons, _ = column("reason", cells.clean_text)

    bans: list[Ban] = []
    problems: list[RowProblem] = []
    first = header.data_start + 1
    for offset, row in enumerate(data):
        if not row_present(row):
            continue
        why: list[str] = []
        name, number, decided = names[offset], numbers[offset], dates[offset]
        if name == "":
            why.append("缺少姓名")
        elif isinstance(name, str) and (problem := text_problem(name, "姓名")) is not None:
            why.append(problem)
        if offset in number_bad:
            why.append(number_bad[offset])
        elif isinstance(number, str) and number:
            problem = cells.id_number_problem(_kind_of(number), number)
            if problem is not None:
                why.append(problem)
        if offset in date_bad:
            why.append(date_bad[offset])
        elif decided is None or decided == "":
            why.append(f"缺少{date_label}")
        if offset in name_bad:
            why.append(name_bad[offset])
        if why:
            text = "；".join(w.rstrip("。") for w in why) + "。"
            problems.append(RowProblem(first + offset, text, str(name or ""), str(number or "")))
            continue
        assert isinstance(decided, dt.date)
        bans.append(Ban(str(name), str(number or ""), decided, str(reasons[offset] or "")))
    if progress is not None and progress(len(data), len(data)) is False:
        raise ImportCancelled()
    return BanRead(bans, problems, located.sheet.name, header.first_row + 1, header.fields(),
                   len(bans) + len(problems))


def _kind_of(number: str) -> str:
    """The list gives no 证件类别: a number of 居民身份证 shape is checked as one."""
    return RESIDENT_ID if len(number) >= 15 and number[:15].isdigit() else "外国人工作证"
