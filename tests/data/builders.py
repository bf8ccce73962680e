"""Helpers that write roster-like files for the importer tests.

Kept small and explicit: each test says what the office lead's file looks like.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

HEADERS = ["序号", "姓名", "性别", "证件类别", "证件号码", "工作单位", "职务", "参加工作时间",
           "现从事专业", "工作年限", "学历", "学位", "毕业院校", "毕业时间", "职业资格名称",
           "颁证单位", "取得时间"]


def resident_id(birth: dt.date, seq: int, region: str = "330102") -> str:
    """A valid 18-character 居民身份证 number (GB 11643 check digit)."""
    return with_check(f"{region}{birth:%Y%m%d}{seq % 1000:03d}")


def with_check(first17: str) -> str:
    """The 17 digits with their GB 11643 check character."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


def person(i: int) -> list[object]:
    """Row i of a plain roster (HEADERS order), dates as real dates."""
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=i)  # unique for every i
    return [i + 1, f"测试{i:05d}", "男" if i % 2 else "女", "居民身份证", resident_id(birth, i * 7),
            f"杭州测试科技有限公司{i % 300}", "工程师", dt.date(2010, 7, 1), "电气工程",
            5 + i % 10, "大学本科", "学士", "浙江大学", dt.date(2010, 6, 30), "PMP",
            "美国项目管理协会", dt.date(2020, 5, 1)]


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, sheet: str = "花名册",
               title: str | None = None, before: Sequence[tuple[str, list[list[object]]]] = (),
               merges: Sequence[str] = ()) -> Path:
    """An .xlsx with optional sheets before the roster, a title row and merged ranges."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, content in before:
        ws = book.create_sheet(name)
        for line in content:
            ws.append(line)
    ws = book.create_sheet(sheet)
    if title is not None:
        ws.append([title])
    for line in rows:
        ws.append(list(line))
    for cells in merges:
        ws.merge_cells(cells)
    book.save(path)
    return path


def write_big_xlsx(path: Path, count: int) -> Path:
    """A roster of `count` valid rows under a title row (write-only: fast)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("花名册")
    ws.append(["2025 上半年度申报评审工程师资格人员花名册"])
    ws.append(HEADERS)
    for i in range(count):
        ws.append(person(i))
    book.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]], *, encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for line in rows:
            writer.writerow(["" if v is None else v for v in line])
    return path
