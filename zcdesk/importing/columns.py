"""Converting a whole column at once: each distinct value is converted only once.

A roster repeats most values (units, education, dates, qualifications), so a
column of 10,000 cells usually has a few hundred distinct values. The column is
mapped through a dict whose misses convert the value: one hashing pass at C
speed, a Python call only per distinct value. This keeps the import close to
the time the spreadsheet library alone needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from zcdesk.importing import cells
from zcdesk.importing.cells import CellError, CellValue


class _Converted(dict[CellValue, Any]):
    """value → converted value, or the CellError that refused it; filled on first use."""

    def __init__(self, convert: Callable[[CellValue], Any]) -> None:
        super().__init__()
        self.convert = convert
        self.refused = False

    def __missing__(self, value: CellValue) -> Any:
        try:
            result = self.convert(value)
        except CellError as exc:
            result = exc
            self.refused = True
        self[value] = result
        return result


def convert_column(values: Sequence[CellValue], convert: Callable[[CellValue], Any],
                   ) -> tuple[list[Any], dict[int, str]]:
    """(converted values, {row offset: reason}) — a refused cell's value is None."""
    table = _Converted(convert)
    converted = list(map(table.__getitem__, values))
    if any(type(v) is bool for v in table):
        # True == 1 == 1.0 for a dict: keep booleans and numbers apart, cell by cell.
        return _one_by_one(values, convert)
    if not table.refused:
        return converted, {}
    problems: dict[int, str] = {}
    for offset, result in enumerate(converted):
        if isinstance(result, CellError):
            problems[offset] = result.message
            converted[offset] = None
    return converted, problems


def _one_by_one(values: Sequence[CellValue], convert: Callable[[CellValue], Any],
                ) -> tuple[list[Any], dict[int, str]]:
    cache: dict[tuple[type, CellValue], Any] = {}
    converted: list[Any] = []
    problems: dict[int, str] = {}
    for offset, value in enumerate(values):
        key = (type(value), value)
        if key not in cache:
            try:
                cache[key] = convert(value)
            except CellError as exc:
                cache[key] = exc
        result = cache[key]
        if isinstance(result, CellError):
            problems[offset] = result.message
            converted.append(None)
        else:
            converted.append(result)
    return converted, problems


def resident_numbers(raw: Sequence[CellValue], convert: Callable[[CellValue], Any],
                     ) -> tuple[list[Any], dict[int, str]]:
    """居民身份证 numbers: the clean ones at a glance, the others read one by one."""
    ok = cells.resident_ok
    clean = [v.__class__ is str and ok(v) for v in raw]  # type: ignore[arg-type]
    return patch_column(list(raw), [o for o, c in enumerate(clean) if not c], raw, convert)


def date_values(raw: Sequence[CellValue], label: str, today: dt.date,
                ) -> tuple[list[Any], dict[int, str]]:
    """A date column: real dates in range at C speed, the other cells one by one."""
    dates, others = cells.date_column(raw, label, today)
    return patch_column(dates, others, raw, lambda v: cells.date_value(v, label, today))


def patch_column(converted: list[Any], others: list[int], raw: Sequence[CellValue],
                 convert: Callable[[CellValue], Any]) -> tuple[list[Any], dict[int, str]]:
    """Fill in `converted` at `others` by the cell-by-cell path; refused → None + reason."""
    if not others:
        return converted, {}
    slow, refused = convert_column([raw[o] for o in others], convert)
    for o, value in zip(others, slow, strict=True):
        converted[o] = value
    return converted, {others[i]: reason for i, reason in refused.items()}
