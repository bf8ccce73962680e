"""Any roster-like file as sheets of rows, read on demand.

Formats are recognised by their content, not their extension (a platform's
"Excel" export is often a CSV or an HTML table named .xls):

- .xlsx/.xlsm and .xls: python-calamine (Rust; fast), once workbook_check has found
  the file within the limits (limits.py) — calamine aborts the process on a sheet it
  cannot allocate; .xlsb and .ods are refused with the advice to save as .xlsx;
- CSV/TXT: UTF-8 (with or without BOM), GBK/GB18030 or UTF-16 with BOM,
  comma, tab, semicolon or vertical-bar separated (the one that yields a header);
- an HTML table saved as .xls.

CSV and HTML tables are held to the same limits as they are read.

Row numbers are the spreadsheet's: index i of a sheet's rows is row i + 1.
Merged cells are filled: every cell of a merged range holds its value.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final

from zcdesk.importing.cells import CellValue, clean_text
from zcdesk.importing.errors import RosterUnreadable
from zcdesk.importing.header import (
    HEADER_SEARCH_ROWS,
    Header,
    HeaderSpec,
    Rows,
    find_header,
    seen_headers,
)
from zcdesk.importing.limits import MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MiB
from zcdesk.importing.workbook_check import broken_message, check_ole, check_xlsx

Merged = Sequence[tuple[tuple[int, int], tuple[int, int]]]


def _no_merges() -> Merged:
    return ()


@dataclass
class SheetSource:
    """One sheet: its name, and its rows read on demand (a workbook may be large)."""

    name: str
    load: Callable[[int | None], Rows]
    merged: Callable[[], Merged] = _no_merges
    # Drops the reader's own copy of the sheet once every row is in Python: calamine
    # holds the whole sheet natively (≈ 1 KB a 17-column row) beside the rows read.
    release: Callable[[], None] = lambda: None
    _cache: dict[int | None, Rows] = field(default_factory=dict)

    def rows(self, limit: int | None = None) -> Rows:
        """The first `limit` rows (all when None), merged cells filled."""
        if None in self._cache:
            rows = self._cache[None]
            return rows if limit is None else rows[:limit]
        if limit not in self._cache:
            rows = self.load(limit)
            fill_merged(rows, self.merged())
            if limit is None:
                self._cache.clear()  # the first rows are among them
                self.release()
            self._cache[limit] = rows
        return self._cache[limit]


def fill_merged(rows: Rows, merged: Merged) -> None:
    """A merged cell holds its value in the top-left cell only: give it to every cell."""
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = value


def open_sheets(path: Path, spec: HeaderSpec) -> list[SheetSource]:
    """The sheets of a file; RosterUnreadable with the reason when there are none."""
    try:
        if not path.exists():
            raise RosterUnreadable(f"找不到文件：{path}")
        if not path.is_file():
            raise RosterUnreadable(f"“{path}”不是文件。")
        with path.open("rb") as handle:
            head = handle.read(8)
    except PermissionError:
        raise RosterUnreadable(
            f"无法打开文件“{path.name}”：没有权限，或正被其他程序占用。") from None
    except OSError as exc:
        raise RosterUnreadable(f"无法打开文件“{path.name}”：{exc.strerror or exc}") from None
    size = path.stat().st_size
    if size == 0:
        raise RosterUnreadable(f"文件“{path.name}”是空的（0 字节）。")
    if size > MAX_FILE_BYTES:
        raise RosterUnreadable(
            f"文件“{path.name}”过大（{size / MiB:,.0f} MB，上限 {MAX_FILE_BYTES // MiB} MB），"
            "不像是花名册或名单。请确认选择了正确的文件。")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        return _workbook_sheets(path, is_zip=head.startswith(b"PK"))
    if head.startswith(b"%PDF"):
        raise RosterUnreadable(
            f"文件“{path.name}”是 PDF 文档，不是表格。请导入平台导出的 Excel 或 CSV 文件。")
    data = path.read_bytes()
    text = _decode(data, path.name)
    if not text.strip():
        raise RosterUnreadable(f"文件“{path.name}”是空的（没有任何内容）。")
    if re.match(r"\s*<", text) and re.search(r"<table", text[:200_000], re.IGNORECASE):
        return _html_sheets(text, path.name)
    return [_csv_sheet(text, "", spec)]  # a CSV has no sheet name


def _workbook_sheets(path: Path, *, is_zip: bool) -> list[SheetSource]:
    import python_calamine as calamine

    kind = "Excel（.xlsx）" if is_zip else "Excel 97-2003（.xls）"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterUnreadable(f"无法读取文件“{path.name}”：{exc.strerror or exc}") from None
    # calamine aborts the process (no exception) on a sheet too large to allocate:
    # the limits are checked on the bytes first.
    if is_zip:
        check_xlsx(data, path.name)
    else:
        check_ole(data, path.name)
    try:
        # From memory, not from the path: the workbook stays open while its sheets are
        # read lazily, and an open handle would keep the file locked on Windows.
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise RosterUnreadable(f"文件“{path.name}”设有打开密码，请取消密码后另存再导入。") from None
    except Exception as exc:  # calamine raises several error types for broken files
        raise RosterUnreadable(f"{broken_message(path.name, kind)}（{_short(exc)}）") from None
    sheets = []
    for index, meta in enumerate(book.sheets_metadata):
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue
        sheets.append(_calamine_sheet(book, index, meta.name, path.name))
    if not sheets:
        raise RosterUnreadable(f"文件“{path.name}”中没有工作表。")
    return sheets


def _calamine_sheet(book: object, index: int, name: str, file_name: str) -> SheetSource:
    state: dict[str, object] = {"book": book}

    def sheet() -> object:
        if "sheet" not in state:
            if "book" not in state:
                raise RosterUnreadable(f"文件“{file_name}”的工作表“{name}”已读完，请重新打开文件。")
            try:
                state["sheet"] = state["book"].get_sheet_by_index(index)  # type: ignore[attr-defined]
            except Exception as exc:
                raise RosterUnreadable(
                    f"文件“{file_name}”的工作表“{name}”无法读取，文件可能已损坏或不完整。"
                    f"（{_short(exc)}）") from None
        return state["sheet"]

    def load(limit: int | None) -> Rows:
        try:
            found = sheet()
            if limit is None and found.height >= DISTINCT_FROM_ROWS:  # type: ignore[attr-defined]
                return distinct_rows(found)
            rows = found.to_python(skip_empty_area=False, nrows=limit)  # type: ignore[attr-defined]
        except RosterUnreadable:
            raise
        except Exception as exc:
            raise RosterUnreadable(
                f"文件“{file_name}”的工作表“{name}”无法读取，文件可能已损坏或不完整。"
                f"（{_short(exc)}）") from None
        return rows  # type: ignore[no-any-return]

    def merged() -> Merged:
        try:
            return sheet().merged_cell_ranges or ()  # type: ignore[attr-defined,no-any-return]
        except RosterUnreadable:
            raise
        except Exception:  # merged ranges are a help for reading, never a reason to fail
            return ()

    return SheetSource(name, load, merged, state.clear)


# From this many rows on, a sheet is read row by row and each column's repeated values
# are held once: a roster repeats its units, dates, education and qualifications, and
# one Python object per cell would double the memory of a 150,000-row import (#12:
# under 500 MB). Smaller sheets take calamine's faster whole-sheet conversion.
DISTINCT_FROM_ROWS: Final = 50_000
_SAMPLE_ROWS: Final = 2_000  # after these, a column of mostly distinct values is kept as is


def distinct_rows(sheet: Any) -> Rows:
    """The sheet's rows as `to_python(skip_empty_area=False)` gives them (from A1), but
    equal values of a column as one object. Values are told apart by type too: True, 1
    and 1.0 are equal for a dict, not for the importer."""
    left = sheet.start[1] if sheet.start else 0  # iter_rows starts at the used columns
    pad: list[CellValue] = [""] * left
    memos: list[dict[tuple[type, CellValue], CellValue] | None] = [
        {} for _ in range(left + sheet.width)]
    rows: Rows = []
    for row in sheet.iter_rows():
        if left:
            row = pad + row
        if len(row) > len(memos):  # not expected (rows are as wide as the sheet): kept all
            memos.extend({} for _ in range(len(row) - len(memos)))
        rows.append([v if memo is None else memo.setdefault((v.__class__, v), v)
                     for memo, v in zip(memos, row, strict=False)])  # memos may be longer
        if len(rows) == _SAMPLE_ROWS:  # ID numbers, say: a memo would only cost memory
            memos = [None if memo is None or len(memo) > _SAMPLE_ROWS // 2 else memo
                     for memo in memos]
    return rows


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"


def _decode(data: bytes, file_name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" in data[:4096]:
        raise RosterUnreadable(
            f"文件“{file_name}”不是表格文件（既不是 Excel，也不是 CSV 文本）。"
            "请导入平台导出的 .xlsx、.xls 或 .csv 文件。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterUnreadable(
        f"文件“{file_name}”的文字编码无法识别（不是 UTF-8，也不是 GBK/GB18030）。"
        "请用 Excel 打开后另存为 .xlsx 再导入。")


_DELIMITERS: Final = (",", "\t", ";", "|")


def _csv_rows(text: str, delimiter: str) -> Rows:
    """The rows, padded to the widest; RosterUnreadable beyond the sheet limits
    (checked row by row: a line of a million commas is refused as it is read)."""
    rows: Rows = []
    width = 0
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        width = max(width, len(row))
        rows.append(row)
        if width > MAX_COLUMNS or len(rows) > MAX_ROWS or width * len(rows) > MAX_CELLS:
            raise RosterUnreadable(
                f"CSV 文件过大（已超过 {len(rows):,} 行 × {width:,} 列），超过本程序可导入的上限"
                f"（{MAX_ROWS:,} 行、{MAX_COLUMNS} 列、共 {MAX_CELLS:,} 个单元格）。"
                "请确认选择了正确的文件，或删除多余的行和列后再导入。")
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows


def _csv_sheet(text: str, name: str, spec: HeaderSpec) -> SheetSource:
    """The delimiter is the one with which a header row is found (else: the most columns)."""
    lines = text.splitlines()
    head = "\n".join(lines[:HEADER_SEARCH_ROWS + 5])

    def fields_seen(delimiter: str) -> int:
        try:
            rows = _csv_rows(head, delimiter)
        except (csv.Error, RosterUnreadable):
            return -1
        best = 0
        for row in rows[:HEADER_SEARCH_ROWS]:
            found = {f for c in row for f in spec.match(clean_text(c))}
            if set(spec.required) <= found:
                best = max(best, 1000 + len(found))
            best = max(best, len([c for c in row if str(c).strip()]))
        return best

    delimiter = max(_DELIMITERS, key=lambda d: (fields_seen(d), -_DELIMITERS.index(d)))

    def load(limit: int | None) -> Rows:
        try:
            rows = _csv_rows(text, delimiter)
        except csv.Error as exc:
            raise RosterUnreadable(f"CSV 文件格式有误，无法读取：{exc}") from None
        return rows if limit is None else rows[:limit]

    return SheetSource(name, load)


class HtmlTooLarge(Exception):
    """Raised inside the parser; _html_sheets words it with the file's name."""


class _TableParser(HTMLParser):
    """<table>/<tr>/<td|th> into rows, colspan and rowspan filled like merged cells.

    A span is kept as one entry until its rows are reached (not one entry per cell
    it covers), and every cell made is counted: `rowspan=1000 colspan=1000` is a
    refusal, not a million cells.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Rows] = []
        self._rows: Rows | None = None
        self._row: list[CellValue] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)
        # column → (last row it covers, columns it covers, text), for rowspans
        self._pending: dict[int, tuple[int, int, str]] = {}
        self._cells = 0  # cells made in all tables: bounded by MAX_CELLS

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._rows, self._pending = [], {}
        elif tag == "tr" and self._rows is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            values = dict(attrs)
            self._span = (_span(values.get("rowspan"), MAX_ROWS, "rowspan"),
                          _span(values.get("colspan"), MAX_COLUMNS, "colspan"))
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._fill_pending()
            text = "".join(self._cell).strip()
            r = len(self._rows or [])
            rowspan, colspan = self._span
            if rowspan > 1:
                self._pending[len(self._row)] = (r + rowspan - 1, colspan, text)
            self._add(text, colspan)
            self._cell = None
        elif tag == "tr" and self._row is not None and self._rows is not None:
            self._fill_pending()
            self._rows.append(self._row)
            self._row = None
        elif tag == "table" and self._rows is not None:
            self.tables.append(self._rows)
            self._rows = None

    def _add(self, text: str, count: int) -> None:
        assert self._row is not None
        self._cells += count
        if self._cells > MAX_CELLS or len(self._row) + count > MAX_COLUMNS:
            raise HtmlTooLarge()
        self._row.extend([text] * count)

    def _fill_pending(self) -> None:
        assert self._row is not None
        r = len(self._rows or [])
        while (span := self._pending.get(len(self._row))) is not None:
            last, width, text = span
            if last < r:  # its rows are behind us
                del self._pending[len(self._row)]
                continue
            if last == r:
                del self._pending[len(self._row)]
            self._add(text, width)


def _span(text: str | None, top: int, attribute: str) -> int:
    """A rowspan/colspan: 1 when absent or unreadable; HtmlTooLarge above `top`."""
    found = re.match(r"\s*([0-9]{1,9})", text or "")
    if found is None:
        return 1
    value = int(found.group(1))
    if value > top:
        raise HtmlTooLarge(f"{attribute}={value}")
    return max(1, value)


def _html_sheets(text: str, name: str) -> list[SheetSource]:
    parser = _TableParser()
    try:
        parser.feed(text)
        parser.close()
    except HtmlTooLarge as exc:
        what = f"（{exc}）" if str(exc) else ""
        raise RosterUnreadable(
            f"文件“{name}”是网页格式的表格，但合并单元格或表格过大{what}，超过本程序可导入的上限"
            f"（{MAX_ROWS:,} 行、{MAX_COLUMNS} 列、共 {MAX_CELLS:,} 个单元格）。"
            "请用 Excel/WPS 打开后另存为 .xlsx 再导入。") from None
    sheets = []
    for index, table in enumerate(parser.tables, start=1):
        width = max((len(r) for r in table), default=0)
        for row in table:
            row.extend([""] * (width - len(row)))
        sheets.append(SheetSource(f"{name} 表{index}", lambda limit, t=table: t[:limit]))
    if not sheets:
        raise RosterUnreadable(f"文件“{name}”是网页格式，但其中没有表格。")
    return sheets


@dataclass(frozen=True)
class Located:
    sheet: SheetSource
    header: Header


def locate(path: Path, spec: HeaderSpec) -> Located:
    """The first sheet with a recognisable header, or RosterUnreadable naming what was seen."""
    sheets = open_sheets(path, spec)
    seen = []
    for sheet in sheets:
        head = sheet.rows(HEADER_SEARCH_ROWS + 2)
        header = find_header(spec, head)
        if header is not None:
            return Located(sheet, header)
        label = f"工作表“{sheet.name}”" if sheet.name else "文件"
        seen.append(f"{label}：{seen_headers(head)}")
    required = "和".join(f"“{spec.labels[f]}”" for f in spec.required)
    raise RosterUnreadable(
        f"在“{path.name}”中找不到表头：前 {HEADER_SEARCH_ROWS} 行内需要有{required}两列。"
        f"看到的内容——{'；'.join(seen)}。")
