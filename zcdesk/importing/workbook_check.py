"""Checks a workbook's bytes before python-calamine reads them.

calamine builds a sheet as one block of rows × columns cells and aborts the whole
process when that allocation fails: a 6.8 KB .xlsx with one cell at XFD1048576
asks for 550 GB, an .xls record with column 65535 for 137 GB. No Python error
can be caught then, so the limits (zcdesk.importing.limits) are checked here,
on the file itself, in one streaming pass with a byte cap on every zip member:

- .xlsx: the zip's directory, every member's compression and size (declared and
  actual), the number of sheets, each sheet's <dimension> and every row and cell
  reference (r="…"), including rows and cells without one, which calamine counts;
- .xls (Excel 97-2003, an OLE compound file): the sheets' cell records' rows and
  columns; an OLE file holding an encrypted .xlsx is named as such.

Any problem raises RosterUnreadable with what is wrong and what to do.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterable
from typing import Final

from zcdesk.importing.errors import RosterUnreadable
from zcdesk.importing.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_OTHER_PART,
    MAX_ROWS,
    MAX_SHARED_STRINGS_XML,
    MAX_SHEET_XML,
    MAX_SHEETS,
    MAX_TOTAL_INFLATED,
    MAX_ZIP_DIRECTORY,
    MAX_ZIP_MEMBERS,
)
from zcdesk.importing.safezip import ZipProblem, check_directory, member_chunks

SAVE_AS: Final = "请用 Excel/WPS 打开，确认内容后另存为 .xlsx 再导入。"
TRIM: Final = ("请在 Excel/WPS 中删除表格以外的行和列（或只把花名册复制到新工作簿），"
               "另存为 .xlsx 再导入。")
MAX_TAG: Final = 1 << 20  # one start tag; a cell's is a few dozen bytes

# ------------------------------------------------------------------ .xlsx
# A row or cell start tag whose only reference is r="<a cell inside a rectangle>"
# first, then quoted attributes without markup or another r: what Excel, WPS,
# LibreOffice and openpyxl write. Any other tag (no r, r elsewhere, odd quoting, a
# cell outside, a namespace prefix) is a match. Three searches, each with a literal
# start, and possessive quantifiers keep a pass at ≈ 150 MB/s. Three rectangles of
# MAX_CELLS cells are tried: long (a roster: ≤ 20 columns, MAX_ROWS rows), a roster
# with more columns (≤ 24) and wide (≤ 200 columns, ≤ 20,000 rows); a sheet in none
# is read again tag by tag (_Extent).
def _up_to(top: int) -> bytes:
    """A regex for the numbers 1 … top, written without leading zeros."""
    digits = str(top)
    parts = [rb"[1-9][0-9]{0,%d}" % (len(digits) - 2)] if len(digits) > 1 else []
    for at, digit in enumerate(digits):
        low = 1 if at == 0 else 0
        if int(digit) > low:
            parts.append(digits[:at].encode() + b"[%d-%d]" % (low, int(digit) - 1)
                         + b"[0-9]" * (len(digits) - at - 1))
    parts.append(digits.encode())
    return b"(?:" + b"|".join(parts) + b")"


def _columns_up_to(top: int) -> bytes:
    """A regex for the column letters A … (column `top`, at most ZZ), either case."""
    def letters(first: int, last: int) -> bytes:
        span = f"{chr(65 + first)}-{chr(65 + last)}{chr(97 + first)}-{chr(97 + last)}"
        return f"[{span}]".encode()
    parts = [letters(0, min(top, 26) - 1)]
    for lead in range(1, 27):
        last = min(26, top - lead * 26)
        if last <= 0:
            break
        parts.append(letters(lead - 1, lead - 1) + letters(0, last - 1))
    return b"(?:" + b"|".join(parts) + b")"


def _odd_tags(columns: int, rows: int) -> tuple[re.Pattern[bytes], ...]:
    cell = _columns_up_to(columns) + b"?" + _up_to(rows)
    tail = (rb"(?=[\t\n\r />])(?! r=\"" + cell
            + rb'"(?:[\t\n\r ]++(?!r=)[\w:.-]++="[^"<>]*+")*+[\t\n\r ]*+/?>)')
    return (re.compile(rb"<c" + tail), re.compile(rb"<row" + tail),
            re.compile(rb":(?:c|row)[\t\n\r />]"))


_RECTANGLES: Final = tuple(_odd_tags(c, MAX_CELLS // c)
                           for c in (MAX_CELLS // MAX_ROWS, 24, MAX_COLUMNS))
_ANY_TAG: Final = re.compile(rb"<(?:[\w.-]+:)?(c|row)(?=[\t\n\r />])")
_TAG: Final = re.compile(
    rb"<(?:[\w.-]+:)?(?:c|row)((?:[\t\n\r ]+[^\t\n\r =/>]+[\t\n\r ]*=[\t\n\r ]*"
    rb"(?:\"[^\"]*\"|'[^']*'))*)[\t\n\r ]*/?>")
_R_ATTR: Final = re.compile(rb"[\t\n\r ]r[\t\n\r ]*=[\t\n\r ]*(?:\"([^\"]*)\"|'([^']*)')")
_REF: Final = re.compile(rb"[\t\n\r ]*([A-Za-z]{0,4})([0-9]{0,8})[\t\n\r ]*")
_DIMENSION: Final = re.compile(
    rb"<(?:[\w.-]+:)?dimension[\t\n\r ][^>]*?ref[\t\n\r ]*=[\t\n\r ]*[\"']([^\"']{0,64})")
_SHEET_DATA: Final = re.compile(rb"<(?:[\w.-]+:)?sheetData[\t\n\r />]")
_SHEET_ENTRY: Final = re.compile(rb"<(?:[\w.-]+:)?sheet[\t\n\r /]")
_SMALL_PARTS: Final = re.compile(  # kilobytes in any workbook: capped at MAX_OTHER_PART
    r"(?i)\[content_types\]\.xml|.*\.rels|xl/workbook\.xml|xl/styles\.xml|xl/theme/[^/]*\.xml|"
    r"docprops/[^/]*\.xml")


class _Extent:
    """The used range that calamine would build, from the tags seen so far."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.row = self.col = 0  # 1-based; calamine counts on from the last position
        self.rows = self.cols = 0

    def tag(self, name: bytes, attrs: bytes) -> None:
        refs = _R_ATTR.findall(attrs)
        value = (refs[-1][0] or refs[-1][1]) if refs else None  # calamine takes the last
        if name == b"row":
            self.row = self._row_of(value) if value is not None else self.row + 1
            self.col = 0
        else:
            if value is None:
                self.col += 1
            else:
                letters, digits = _split(value, self.label)
                self.col = _column_number(letters) if letters else self.col + 1
                if digits:
                    self.row = int(digits)
        self.rows, self.cols = max(self.rows, self.row), max(self.cols, self.col)
        check_extent(self.rows, self.cols, self.label)

    def _row_of(self, value: bytes) -> int:
        letters, digits = _split(value, self.label)
        if letters or not digits:
            raise RosterUnreadable(f"{self.label}的行号“{_text(value)}”不正确，文件可能已损坏。"
                                   + SAVE_AS)
        return int(digits)


def _split(value: bytes, label: str) -> tuple[bytes, bytes]:
    found = _REF.fullmatch(value)
    if found is None:
        raise RosterUnreadable(
            f"{label}的单元格位置“{_text(value)}”不正确，文件可能已损坏。" + SAVE_AS)
    return found.group(1), found.group(2)


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters.upper():
        number = number * 26 + byte - 64
    return number


def _text(value: bytes) -> str:
    return value[:20].decode("ascii", "replace")


def check_extent(rows: int, cols: int, label: str) -> None:
    """RosterUnreadable when a used range of rows × cols is beyond the limits."""
    if rows > MAX_ROWS or cols > MAX_COLUMNS or rows * cols > MAX_CELLS:
        raise RosterUnreadable(
            f"{label}的范围过大（{rows:,} 行 × {cols:,} 列），超过本程序可导入的上限"
            f"（{MAX_ROWS:,} 行、{MAX_COLUMNS} 列、共 {MAX_CELLS:,} 个单元格）。"
            "这通常是表格远处有误填的单元格或格式。" + TRIM)


def broken_message(file_name: str, kind: str) -> str:
    """The words for a workbook that cannot be read at all (as sources.py says them)."""
    return (f"文件“{file_name}”无法作为{kind}读取，可能已损坏、不完整（如下载或拷贝中断）"
            "或不是表格文件。请用 Excel/WPS 打开确认后另存为 .xlsx 再导入。")


def check_xlsx(data: bytes, file_name: str) -> None:
    """Every limit of an .xlsx (zip) workbook; RosterUnreadable at the first problem."""
    handle = io.BytesIO(data)
    broken = broken_message(file_name, "Excel（.xlsx）")
    try:
        check_directory(handle, len(data), max_bytes=MAX_ZIP_DIRECTORY,
                        max_members=MAX_ZIP_MEMBERS)
        archive = zipfile.ZipFile(handle)
    except ZipProblem as exc:
        raise RosterUnreadable(f"{broken}（{exc.message}）") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError,
            OSError, EOFError, struct.error, UnicodeDecodeError):  # zipfile's many ways
        raise RosterUnreadable(broken) from None
    infos = archive.infolist()
    names = {i.filename.lower() for i in infos}
    if "xl/workbook.bin" in names:
        raise RosterUnreadable(
            f"文件“{file_name}”是 Excel 二进制工作簿（.xlsb），本程序不读取这种格式。" + SAVE_AS)
    if "content.xml" in names and "mimetype" in names:
        raise RosterUnreadable(
            f"文件“{file_name}”是 OpenDocument 表格（.ods），本程序不读取这种格式。" + SAVE_AS)
    if "xl/workbook.xml" not in names:
        raise RosterUnreadable(
            f"文件“{file_name}”是压缩文件，但不是 Excel 工作簿（可能是 Word 文档或其他压缩包）。"
            "请导入平台导出的 .xlsx、.xls 或 .csv 文件。")
    try:
        _check_members(handle, infos, file_name)
    except ZipProblem as exc:
        raise RosterUnreadable(f"{broken}（{exc.message}）") from None
    except (ValueError, OSError, EOFError, struct.error):  # a directory entry that lies
        raise RosterUnreadable(broken) from None


def _check_members(handle: io.BytesIO, infos: Iterable[zipfile.ZipInfo], file_name: str,
                   ) -> None:
    total = 0
    sheets = 0
    for info in infos:
        if info.is_dir():
            continue
        name = info.filename.lower()
        if name == "xl/sharedstrings.xml":
            cap = MAX_SHARED_STRINGS_XML
        elif _SMALL_PARTS.fullmatch(name):
            cap = MAX_OTHER_PART
        else:  # sheets, and whatever else the workbook holds (pictures, calcChain…)
            cap = MAX_SHEET_XML
            sheets += name.startswith("xl/worksheets/")
            if sheets > MAX_SHEETS:
                raise RosterUnreadable(
                    f"文件“{file_name}”的工作表过多（超过 {MAX_SHEETS} 个）。" + TRIM)
        if name == "xl/workbook.xml":
            listed = sum(len(_SHEET_ENTRY.findall(chunk))
                         for chunk in _tags(member_chunks(handle, info, cap), file_name))
            if listed > MAX_SHEETS:
                raise RosterUnreadable(
                    f"文件“{file_name}”的工作表过多（{listed} 个，上限 {MAX_SHEETS} 个）。" + TRIM)
        total += info.file_size  # member_chunks holds each member to its declared size
        if total > MAX_TOTAL_INFLATED:
            raise RosterUnreadable(
                f"文件“{file_name}”解压后过大（超过 {MAX_TOTAL_INFLATED:,} 字节）。" + TRIM)
        # Every part is scanned as a sheet: the workbook's relationships may name any
        # part as one (a bomb in theme1.xml or image1.png is read as a sheet all the same).
        _scan_sheet(handle, info, file_name, cap)


def _scan_sheet(handle: io.BytesIO, info: zipfile.ZipInfo, file_name: str, cap: int) -> None:
    """Scan one part as a worksheet: a second pass only when a tag is unusual."""
    label = f"文件“{file_name}”的工作表（{info.filename}）"
    if any(_fast_scan(handle, info, label, cap, odd) for odd in _RECTANGLES):
        return
    extent = _Extent(label)
    for piece in _tags(member_chunks(handle, info, cap), label):
        for start in _ANY_TAG.finditer(piece):
            tag = _TAG.match(piece, start.start())
            if tag is None:
                raise RosterUnreadable(f"{label}的内容格式异常，文件可能已损坏。" + SAVE_AS)
            extent.tag(start.group(1), tag.group(1))


def _fast_scan(handle: io.BytesIO, info: zipfile.ZipInfo, label: str, cap: int,
               odd_tags: tuple[re.Pattern[bytes], ...]) -> bool:
    """True when every row and cell tag is the usual kind, inside the rectangle."""
    before_data = True
    for piece in _tags(member_chunks(handle, info, cap), label):
        if before_data:
            dimension = _DIMENSION.search(piece)
            if dimension is not None:
                _check_dimension(dimension.group(1), label)
            before_data = _SHEET_DATA.search(piece) is None
        if any(odd.search(piece) is not None for odd in odd_tags):
            return False
    return True


def _check_dimension(ref: bytes, label: str) -> None:
    last = ref.split(b":")[-1]
    found = _REF.fullmatch(last.replace(b"$", b""))
    if found is None:
        return  # calamine reads the cells themselves; a wrong <dimension> is only a hint
    letters, digits = found.groups()
    rows, cols = int(digits or b"0"), _column_number(letters) if letters else 0
    check_extent(rows, cols, label + "声明")


def _tags(chunks: Iterable[bytes], label: str) -> Iterable[bytes]:
    """The chunks regrouped so that no start tag is split between two of them."""
    carry = b""
    for chunk in chunks:
        piece = carry + chunk if carry else chunk
        cut = piece.rfind(b"<")
        if cut < 0 or piece.find(b">", cut) >= 0:
            carry = b""
            yield piece
            continue
        carry = piece[cut:]
        if len(carry) > MAX_TAG:
            raise RosterUnreadable(f"{label}中有异常的超长标记，文件可能已损坏。" + SAVE_AS)
        yield piece[:cut]
    if carry:
        yield carry


# ------------------------------------------------------------------ .xls / OLE
_CFB_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN: Final = 0xFFFFFFFE
# BIFF records that hold one cell: row and column are their first two 16-bit fields.
_CELL_RECORDS: Final = frozenset({0x0006, 0x00FD, 0x0203, 0x027E, 0x0205, 0x0204, 0x00D6,
                                  0x0201, 0x0406, 0x0206})
_MULTI_RECORDS: Final = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: a run in one row
_BOF: Final = 0x0809
_DIMENSIONS: Final = 0x0200
_XLS_COLUMNS: Final = 256  # Excel 97-2003 has columns A … IV


def check_ole(data: bytes, file_name: str) -> None:
    """An .xls (or an encrypted .xlsx in its OLE wrapper); RosterUnreadable if unfit."""
    broken = broken_message(file_name, "Excel 97-2003（.xls）")
    try:
        streams = _Ole(data)
        names = streams.names()
        if "encryptedpackage" in names or "encryptioninfo" in names:
            raise RosterUnreadable(
                f"文件“{file_name}”设有打开密码（已加密），请取消密码后另存再导入。")
        name = "workbook" if "workbook" in names else "book" if "book" in names else None
        if name is None:
            raise RosterUnreadable(
                f"文件“{file_name}”不是 Excel 工作簿（可能是 Word 等其他 Office 文档）。"
                "请导入平台导出的 .xlsx、.xls 或 .csv 文件。")
        stream = streams.read(name)
    except (IndexError, KeyError, ValueError, struct.error):
        raise RosterUnreadable(broken) from None
    _check_biff(stream, file_name)


def _check_biff(stream: bytes, file_name: str) -> None:
    sheet, rows, cols, at, size = -1, 0, 0, 0, len(stream)
    while at + 4 <= size:
        kind, length = struct.unpack_from("<HH", stream, at)
        body = at + 4
        at = body + length
        if kind == _BOF:
            sheet, rows, cols = sheet + 1, 0, 0
            if sheet > MAX_SHEETS:
                raise RosterUnreadable(
                    f"文件“{file_name}”的工作表过多（超过 {MAX_SHEETS} 个）。" + TRIM)
            continue
        if length < 4 or at > size:
            continue
        if kind == _DIMENSIONS and length >= 14:  # BIFF8: rwMic, rwMac (32-bit), colMic, colMac
            declared_rows, declared_cols = struct.unpack_from("<4xL2xH", stream, body)
            if declared_rows > 65_536 or declared_cols > _XLS_COLUMNS:
                raise RosterUnreadable(
                    f"文件“{file_name}”的第 {max(sheet, 1)} 个工作表声明的范围超出 Excel 97-2003 "
                    f"的上限（{declared_rows:,} 行 × {declared_cols:,} 列），文件可能已损坏。"
                    + SAVE_AS)
            continue
        if kind in _CELL_RECORDS:
            row, col = struct.unpack_from("<HH", stream, body)
            last = col
        elif kind in _MULTI_RECORDS and length >= 6:
            row, col = struct.unpack_from("<HH", stream, body)
            last = struct.unpack_from("<H", stream, at - 2)[0]
            last = max(col, last)
        else:
            continue
        if last >= _XLS_COLUMNS or (row + 1) > rows or (last + 1) > cols:
            rows, cols = max(rows, row + 1), max(cols, last + 1)
            label = f"文件“{file_name}”的第 {max(sheet, 1)} 个工作表"
            if last >= _XLS_COLUMNS:
                raise RosterUnreadable(
                    f"{label}中有超出 Excel 97-2003 范围的单元格（第 {last + 1} 列），"
                    "文件可能已损坏。" + SAVE_AS)
            check_extent(rows, cols, label)


class _Ole:
    """Just enough of the compound file format to find and read a stream by name."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(_CFB_MAGIC) or len(data) < 512:
            raise ValueError("not an OLE file")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise ValueError("sector size")
        self.sector = 1 << shift
        fat_count, dir_start = struct.unpack_from("<LL", data, 0x2C)
        self.cutoff, mini_fat_start, _, difat_start, difat_count = struct.unpack_from(
            "<5L", data, 0x38)
        sectors = len(data) // self.sector - 1
        difat = list(struct.unpack_from("<109L", data, 0x4C))
        next_difat, seen = difat_start, 0
        while next_difat < sectors and seen < min(difat_count, sectors):
            entries = struct.unpack_from(f"<{self.sector // 4}L", data,
                                         self._offset(next_difat))
            difat.extend(entries[:-1])
            next_difat, seen = entries[-1], seen + 1
        self.fat: list[int] = []
        for sector in difat[:fat_count]:
            if sector >= sectors:
                break
            self.fat.extend(struct.unpack_from(f"<{self.sector // 4}L", data,
                                               self._offset(sector)))
        directory = self._chain(dir_start, self.fat, self.sector, None)
        self.entries: dict[str, tuple[int, int]] = {}
        self.root = (0, 0)
        for at in range(0, len(directory) - 127, 128):
            length, kind = struct.unpack_from("<HB", directory, at + 64)
            name = directory[at:at + min(length, 64)].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<LL", directory, at + 116)
            if kind == 5:
                self.root = (start, size)
            elif kind == 2:
                self.entries.setdefault(name.rstrip("\x00").lower(), (start, size))
        self.mini_fat = (list(struct.unpack(f"<{len(raw) // 4}L", raw))
                         if (raw := self._chain(mini_fat_start, self.fat, self.sector, None))
                         else [])

    def names(self) -> set[str]:
        return set(self.entries)

    def read(self, name: str) -> bytes:
        start, size = self.entries[name]
        if size > len(self.data):
            raise ValueError("stream larger than the file")
        if size < self.cutoff:
            mini = self._chain(self.root[0], self.fat, self.sector, None)
            return self._chain(start, self.mini_fat, 64, mini)[:size]
        return self._chain(start, self.fat, self.sector, None)[:size]

    def _offset(self, sector: int) -> int:
        return (sector + 1) * self.sector  # the header fills sector -1

    def _chain(self, start: int, fat: list[int], size: int, source: bytes | None) -> bytes:
        """A stream's sectors in order; a loop or a sector past the end is an error."""
        parts: list[bytes] = []
        seen: set[int] = set()
        data = self.data if source is None else source
        sector = start
        while sector != _END_OF_CHAIN and sector < 0xFFFFFFFA:
            if sector in seen or sector >= len(fat):
                raise ValueError("broken sector chain")
            seen.add(sector)
            offset = self._offset(sector) if source is None else sector * size
            if offset + size > len(data):
                raise ValueError("sector past the end")
            parts.append(data[offset:offset + size])
            sector = fat[sector]
        return b"".join(parts)
