"""The packet list and the per-unit summary as .xlsx or .csv.

- .xlsx (openpyxl, write-only mode: streams rows, so 100,000 packets need little
  memory; openpyxl is already used to make test files, so no second library):
  sheet 1 材料袋清单, sheet 2 单位汇总 with a 合计 line. ID numbers are written as
  text cells (number format "@"), so a spreadsheet keeps every digit; widths
  are set, the header row is bold and frozen.
- .csv: UTF-8 with BOM (Excel then reads the Chinese right), the packet list in
  FILE.csv and the summary in a second file FILE-单位汇总.csv beside it (a CSV
  has one table). A full all-digit ID number is written with a leading TAB, the
  usual way to keep Excel from turning it into 3.30102E+17; our own importer
  drops the TAB again.

No cell is ever a formula (a name or unit typed as `=HYPERLINK(…)` or
`=cmd|…` must not run in the spreadsheet that opens the file):
- .csv: text starting with = + - @ TAB or CR gets a leading ' (OWASP's rule
  for CSV injection; a spreadsheet then takes the cell as text, and our own
  importer drops the ' again). Counts are numbers and pass as they are; ID
  numbers and dates start with a digit, so they are never changed.
- .xlsx: every text is written as a string cell (openpyxl would make any
  text starting with "=" a formula, and "#N/A" an error); numbers and dates
  stay numbers and dates. Characters XML cannot hold (control characters)
  are written as U+FFFD instead of failing the export.

ID numbers are masked (330102********1234) unless `full_ids=True`: the file
leaves the counter. Files are written to a temporary file beside the target
and renamed over it, so a failed export never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.eligibility import Verdict
from zcdesk.domain.idnumber import mask_id
from zcdesk.importing.errors import ExportError

__all__ = ["ExportRow", "UnitSummary", "csv_safe", "export_packets", "summarize",
           "summary_path", "write_atomic"]


@dataclass(frozen=True)
class ExportRow:
    name: str
    id_number: str  # the full number; masked on writing unless full_ids
    unit: str
    status: PacketStatus
    missing: str = ""  # 缺件: e.g. "评审表 1 份、登记表 2 份" ("" when complete)
    returned: str = ""  # 退回: copies handed back and why
    verdict: Verdict | None = None  # 资格预审; None = not checked
    note: str = ""  # 预审说明: the reasons


@dataclass(frozen=True)
class UnitSummary:
    unit: str
    people: int
    complete: int
    partial: int
    none: int
    eligible: int
    ineligible: int
    unknown: int


PACKET_HEADERS: Final = ("姓名", "证件号码", "单位", "状态", "缺件", "退回", "资格预审", "预审说明")
PACKET_WIDTHS: Final = (12, 22, 36, 8, 26, 30, 10, 60)
SUMMARY_HEADERS: Final = ("单位", "人数", "齐全", "部分", "未收", "符合", "不符合", "待核实")
SUMMARY_WIDTHS: Final = (40, 8, 8, 8, 8, 8, 8, 8)
SUMMARY_SUFFIX: Final = "-单位汇总"
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may evaluate


def summarize(rows: Iterable[ExportRow]) -> list[UnitSummary]:
    """Per-unit counts from the rows, by unit name."""
    counts: dict[str, list[int]] = {}
    status_at = {PacketStatus.COMPLETE: 1, PacketStatus.PARTIAL: 2, PacketStatus.NONE: 3}
    verdict_at = {Verdict.ELIGIBLE: 4, Verdict.INELIGIBLE: 5, Verdict.UNKNOWN: 6}
    for row in rows:
        line = counts.setdefault(row.unit, [0] * 7)
        line[0] += 1
        line[status_at[PacketStatus(row.status)]] += 1
        if row.verdict is not None:
            line[verdict_at[Verdict(row.verdict)]] += 1
    return [UnitSummary(unit, *line) for unit, line in sorted(counts.items())]


def summary_path(path: Path) -> Path:
    """Where the CSV export puts the summary: FILE-单位汇总.csv beside FILE.csv."""
    return path.with_name(f"{path.stem}{SUMMARY_SUFFIX}{path.suffix}")


def export_packets(path: Path, rows: Sequence[ExportRow], summary: Sequence[UnitSummary], *,
                   full_ids: bool = False) -> list[Path]:
    """Write the export; returns the files written. ExportError (Chinese) on failure."""
    path = Path(path)
    suffix = path.suffix.lower()
    packet_lines = [_packet_line(r, full_ids) for r in rows]
    summary_lines = [*(_summary_line(s) for s in summary), _total_line(summary)]
    if suffix == ".xlsx":
        write_atomic(path, lambda f: _write_xlsx(f, packet_lines, summary_lines), binary=True)
        return [path]
    if suffix == ".csv":
        write_atomic(path, lambda f: _write_csv(f, PACKET_HEADERS, packet_lines, tab_ids=full_ids))
        second = summary_path(path)
        write_atomic(second, lambda f: _write_csv(f, SUMMARY_HEADERS, summary_lines))
        return [path, second]
    raise ExportError(f"不支持的导出格式“{path.suffix or '（无扩展名）'}”：请用 .xlsx 或 .csv。")


def _packet_line(row: ExportRow, full_ids: bool) -> tuple[str, ...]:
    number = row.id_number if full_ids else mask_id(row.id_number)
    verdict = Verdict(row.verdict).label if row.verdict is not None else "未预审"
    return (row.name, number, row.unit, PacketStatus(row.status).label, row.missing,
            row.returned, verdict, row.note)


def _summary_line(s: UnitSummary) -> tuple[str | int, ...]:
    return (s.unit, s.people, s.complete, s.partial, s.none, s.eligible, s.ineligible, s.unknown)


def _total_line(summary: Sequence[UnitSummary]) -> tuple[str | int, ...]:
    return ("合计", *(sum(getattr(s, f) for s in summary) for f in (
        "people", "complete", "partial", "none", "eligible", "ineligible", "unknown")))


def write_atomic(path: Path, write: Callable[[IO[str]], None] | Callable[[IO[bytes]], None], *,
                 binary: bool = False) -> None:
    """Write through `write` into a temporary file beside `path`, then rename it over
    `path`: a failure leaves the old file and no temporary one (ExportError)."""
    if not path.parent.is_dir():
        raise ExportError(f"文件夹“{path.parent}”不存在。")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"无法在“{path.parent}”中写文件：{exc.strerror or exc}") from None
    try:
        if binary:
            with os.fdopen(fd, "wb") as handle:
                write(handle)  # type: ignore[arg-type]
        else:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
                write(handle)  # type: ignore[arg-type]
        os.replace(temp, path)
    except PermissionError:
        _remove(temp)
        raise ExportError(f"无法写入“{path.name}”：文件可能正被 Excel 等程序打开，"
                          "请关闭后重试，或换一个文件名。") from None
    except OSError as exc:
        _remove(temp)
        raise ExportError(f"无法写入“{path.name}”：{exc.strerror or exc}") from None
    except BaseException:
        _remove(temp)
        raise


def _remove(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def csv_safe(value: str | int) -> str | int:
    """A CSV cell that no spreadsheet takes for a formula: text starting with
    = + - @ TAB or CR gets a leading ' (OWASP); numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _write_csv(handle: IO[str], headers: Sequence[str], lines: Iterable[Sequence[str | int]],
               *, tab_ids: bool = False) -> None:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(headers)
    for line in lines:
        cells = [csv_safe(value) for value in line]
        # Our own TAB (added after csv_safe, so not quoted away): Excel keeps the
        # digits of a full ID number as text; only all-digit numbers need it.
        if tab_ids and isinstance(cells[1], str) and cells[1].isdigit() and len(cells[1]) > 11:
            cells[1] = "\t" + cells[1]
        writer.writerow(cells)


def _write_xlsx(handle: IO[bytes], packets: Sequence[Sequence[str]],
                summary: Sequence[Sequence[str | int]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    wrap = Alignment(vertical="top", wrap_text=True)

    def sheet(title: str, headers: Sequence[str], widths: Sequence[int],
              lines: Sequence[Sequence[str | int]], *, text_column: int | None,
              bold_last: bool) -> None:
        ws = book.create_sheet(title)
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        ws.append([styled(ws, text, font=bold) for text in headers])
        last = len(lines) - 1
        for number, line in enumerate(lines):
            cells: list[object] = [styled(ws, value) for value in line]
            if text_column is not None:
                cells[text_column] = styled(ws, line[text_column], number_format="@")
                cells[-1] = styled(ws, line[-1], alignment=wrap)
            if bold_last and number == last:
                cells = [styled(ws, value, font=bold) for value in line]
            ws.append(cells)

    sheet("材料袋清单", PACKET_HEADERS, PACKET_WIDTHS, packets, text_column=1, bold_last=False)
    sheet("单位汇总", SUMMARY_HEADERS, SUMMARY_WIDTHS, summary, text_column=None,
          bold_last=True)
    book.save(handle)


def styled(ws: object, value: object, **style: object) -> object:
    """A write-only cell with the given style attributes (font, number_format …).

    Text is always a string cell: openpyxl alone would write "=…" as a formula
    and "#N/A" as an error value (see the module docstring)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    cell = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]
    if isinstance(value, str):
        cell.data_type = "s"
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell
