"""The evaluation committee's results (评审结果) from a spreadsheet.

Columns: 证件号码 (or 身份证号 …) and 评审结果 (or 结果) and 评审日期 (or 日期) are
required; 姓名 (checked against the roster by the store) and 文号 are optional.
Same formats and the same honesty as the roster: .xlsx/.xls/.csv, header found by
its names, every row that cannot be taken is reported with its row number and
reason. Matching the rows to packets is the store's job (Store.import_decisions).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from zcdesk.domain.flow import DecisionResult, parse_decision
from zcdesk.domain.text_rules import text_problem
from zcdesk.importing import cells
from zcdesk.importing.columns import convert_column
from zcdesk.importing.header import HeaderSpec, field_aliases, row_present
from zcdesk.importing.roster import RowProblem
from zcdesk.importing.sources import locate

__all__ = ["DECISIONS_SPEC", "DecisionRead", "DecisionRow", "read_decisions"]

MAX_DOCUMENT_NO: Final = 64


@dataclass(frozen=True)
class DecisionRow:
    row_number: int  # as the office lead sees it in the spreadsheet
    name: str  # "" when the sheet has no 姓名 column
    id_number: str
    result: DecisionResult
    decided_on: dt.date
    document_no: str = ""


@dataclass
class DecisionRead:
    rows: list[DecisionRow]
    problems: list[RowProblem]
    sheet: str
    header_row: int
    columns: dict[str, str]  # field → header text found
    total_rows: int

    def summary(self) -> str:
        text = f"共 {self.total_rows} 行，可登记 {len(self.rows)} 行"
        if self.problems:
            text += f"，{len(self.problems)} 行有问题未导入"
        return text + "。"


DECISIONS_SPEC: Final = HeaderSpec(
    field_aliases({
        "name": ("姓名", "人员姓名", "申报人姓名", "申报人"),
        "id_number": ("证件号码", "证件号", "身份证号", "身份证号码", "公民身份号码",
                      "身份证件号码", "证件编号", "身份证"),
        "result": ("评审结果", "结果", "评审意见", "评审结论", "结论", "是否通过", "评审情况"),
        "decided_on": ("评审日期", "日期", "评审时间", "评审会日期", "会议日期", "决定日期"),
        "document_no": ("文号", "发文文号", "发文字号", "文件号", "批准文号", "评审文号"),
    }),
    ("id_number", "result", "decided_on"),
    {"name": "姓名", "id_number": "证件号码", "result": "评审结果", "decided_on": "评审日期",
     "document_no": "文号"},
)


def read_decisions(path: Path, *, today: dt.date | None = None) -> DecisionRead:
    """Read the results sheet; RosterUnreadable when the file cannot be read."""
    today = today or dt.date.today()
    located = locate(Path(path), DECISIONS_SPEC)
    rows = located.sheet.rows()
    header = located.header
    data = rows[header.data_start:]
    by_field = {c.fields[0]: c for c in header.columns}

    def column(field: str, convert: object) -> tuple[list[object], dict[int, str]]:
        if field not in by_field:
            return [""] * len(data), {}
        c = by_field[field]
        return convert_column([row[c.index] if c.index < len(row) else None  # type: ignore[arg-type]
                               for row in data], convert)

    result_label = by_field["result"].label
    date_label = by_field["decided_on"].label
    names, name_bad = column("name", cells.clean_name)
    numbers, number_bad = column("id_number", cells.id_text)
    texts, _ = column("result", cells.clean_text)
    dates, date_bad = column("decided_on", lambda v: cells.date_value(v, date_label, today))
    documents, _ = column("document_no", cells.clean_text)

    taken: list[DecisionRow] = []
    problems: list[RowProblem] = []
    first = header.data_start + 1
    for offset, row in enumerate(data):
        if not row_present(row):
            continue
        why: list[str] = []
        name, number, decided = names[offset], numbers[offset], dates[offset]
        if offset in number_bad:
            why.append(number_bad[offset])
        elif not number:
            why.append("缺少证件号码")
        text = str(texts[offset] or "")
        result = parse_decision(text) if text else None
        if not text:
            why.append(f"缺少{result_label}")
        elif result is None:
            why.append(f"{result_label}“{text}”无法识别（应为“通过”或“不通过”）")
        if offset in date_bad:
            why.append(date_bad[offset])
        elif decided is None or decided == "":
            why.append(f"缺少{date_label}")
        if offset in name_bad:
            why.append(name_bad[offset])
        elif isinstance(name, str) and name and (problem := text_problem(name, "姓名")):
            why.append(problem)
        document = str(documents[offset] or "")
        if len(document) > MAX_DOCUMENT_NO:
            why.append(f"文号过长（最多 {MAX_DOCUMENT_NO} 个字符）")
        if why:
            reason = "；".join(w.rstrip("。") for w in why) + "。"
            problems.append(RowProblem(first + offset, reason, str(name or ""),
                                       str(number or "")))
            continue
        assert isinstance(decided, dt.date) and result is not None
        taken.append(DecisionRow(first + offset, str(name or ""), str(number), result,
                                 decided, document))
    return DecisionRead(taken, problems, located.sheet.name, header.first_row + 1,
                        header.fields(), len(taken) + len(problems))
