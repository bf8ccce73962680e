"""The office lead's statistics as .xlsx (one sheet per table) or .csv (one file).

- .xlsx: sheets 按状态, 按环节, 按单位, 按职业资格, 按日期, 按评审结果; each with a
  bold, frozen header row, set column widths, a bold 合计 line, and real dates.
- .csv: UTF-8 with BOM (Excel reads the Chinese right); a title line, then each
  table after its own title line, separated by an empty line.

Counts only, no ID numbers: nothing to mask. No cell is a formula (units and
qualifications are typed by people): CSV text gets export.py's ' rule, xlsx
text is written as string cells (see export.py). Written to a temporary file beside
the target and renamed over it (as export.py does), so a failed export never
leaves a half-written file.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.flow import DecisionResult, PacketStage, Statistics
from zcdesk.importing.errors import ExportError
from zcdesk.importing.export import csv_safe, styled, write_atomic

__all__ = ["StatTable", "export_statistics", "statistics_tables"]

Value = str | int | dt.date


@dataclass(frozen=True)
class StatTable:
    title: str  # the sheet's name and the CSV's title line
    headers: tuple[str, ...]
    widths: tuple[int, ...]
    rows: tuple[tuple[Value, ...], ...]  # with the 合计 line last


def _label(value: object) -> str:
    """A status / stage / result value as its Chinese label; labels pass unchanged."""
    text = str(value)
    for kind in (PacketStatus, PacketStage, DecisionResult):
        try:
            return kind(text).label  # type: ignore[attr-defined]
        except ValueError:
            continue
    return text


def _count(value: Value) -> int:
    return value if isinstance(value, int) else int(str(value))


def _table(title: str, headers: tuple[str, ...], widths: tuple[int, ...],
           rows: Sequence[tuple[Value, ...]], *, labels: bool = False) -> StatTable:
    lines = [(_label(r[0]), *r[1:]) if labels else tuple(r) for r in rows]
    total: tuple[Value, ...] = ("合计", *(sum(_count(r[i]) for r in rows)
                                         for i in range(1, len(headers))))
    return StatTable(title, headers, widths, (*lines, total))


def statistics_tables(stats: Statistics) -> list[StatTable]:
    """The tables in the order they are written, each with its 合计 line."""
    return [
        _table("按状态", ("状态", "材料袋"), (12, 10), stats.by_status, labels=True),
        _table("按环节", ("环节", "材料袋"), (12, 10), stats.by_stage, labels=True),
        _table("按单位", ("单位", "材料袋", "齐全", "已移交"), (40, 10, 10, 10), stats.by_unit),
        _table("按职业资格", ("职业资格", "人数"), (48, 10), stats.by_qualification),
        _table("按日期", ("日期", "收取份数", "齐全材料袋"), (12, 10, 12), stats.by_day),
        _table("按评审结果", ("评审结果", "人数"), (12, 10), stats.by_decision, labels=True),
    ]


def export_statistics(stats: Statistics, target: Path) -> Path:
    """Write the statistics to `target` (.xlsx or .csv); ExportError (Chinese) on failure."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ExportError(f"不支持的导出格式“{target.suffix or '（无扩展名）'}”："
                          "请用 .xlsx 或 .csv。")
    tables = statistics_tables(stats)
    _check(tables)  # before any file is opened: an aborted workbook leaves litter behind
    if suffix == ".xlsx":
        write_atomic(target, lambda f: _write_xlsx(f, tables), binary=True)
    else:
        title = f"职称材料统计（申报批次 {stats.round_code}）"
        write_atomic(target, lambda f: _write_csv(f, title, tables))
    return target


def _check(tables: Sequence[StatTable]) -> None:
    for table in tables:
        for row in table.rows:
            if len(row) != len(table.headers):
                raise ValueError(f"统计表“{table.title}”的一行有 {len(row)} 列，"
                                 f"应为 {len(table.headers)} 列")
            for value in row:
                if not isinstance(value, int | str | dt.date):
                    raise TypeError(f"统计表“{table.title}”中有无法写出的值：{value!r}")


def _csv_value(value: Value) -> str | int:
    return value.isoformat() if isinstance(value, dt.date) else csv_safe(value)


def _write_csv(handle: IO[str], title: str, tables: Sequence[StatTable]) -> None:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([csv_safe(title)])
    for table in tables:
        writer.writerow([])
        writer.writerow([csv_safe(table.title)])
        writer.writerow([csv_safe(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([_csv_value(v) for v in row])


def _write_xlsx(handle: IO[bytes], tables: Sequence[StatTable]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in tables:
        ws = book.create_sheet(table.title)
        for index, width in enumerate(table.widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        ws.append([styled(ws, text, font=bold) for text in table.headers])
        last = len(table.rows) - 1
        for number, row in enumerate(table.rows):
            cells: list[object] = []
            for value in row:
                style: dict[str, object] = {"font": bold} if number == last else {}
                if isinstance(value, dt.date):
                    style["number_format"] = "yyyy-mm-dd"
                cells.append(styled(ws, value, **style))
            ws.append(cells)
    book.save(handle)
