"""Finding the header row of a roster-like sheet by its column names.

A header cell is compared after NFKC, without spaces, line breaks, * marks or
notes in brackets ("证件号码\n(必填)" → 证件号码); two fields in one cell
("工作单位及职务") and a second header row under merged group headers
(职业资格 over 名称 | 颁发单位) are understood.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from zcdesk.importing.cells import CellValue, clean_name

Rows = list[list[CellValue]]  # row i is spreadsheet row i + 1
HEADER_SEARCH_ROWS: Final = 20


@dataclass(frozen=True)
class HeaderSpec:
    """What a header row of one kind of list looks like."""

    aliases: Mapping[str, tuple[str, ...]]  # normalised header text → field(s)
    required: tuple[str, ...]
    labels: Mapping[str, str]  # field → the column's usual Chinese name
    _cache: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def match(self, text: str) -> tuple[str, ...]:
        """The field(s) a header cell names, () when none."""
        return _match_header(self, text)


def header_key(text: str) -> str:
    """A header cell made comparable: NFKC, no spaces or line breaks, no notes.

    "证件号码\n(必填)" → "证件号码"; "＊姓 名：" → "姓名".
    """
    key = unicodedata.normalize("NFKC", text)
    key = re.sub(r"\s+", "", key)
    key = key.strip("*※★:：.。")
    return key


def field_aliases(table: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """{field: header names} → a HeaderSpec's aliases (normalised name → (field,))."""
    return {header_key(name): (field,) for field, names in table.items() for name in names}


def row_present(row: Sequence[CellValue]) -> bool:
    """The row holds anything at all (blank rows are skipped, not reported)."""
    return any(v is not None and v != "" for v in row)


_NOTE: Final = re.compile(r"[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]")
_JOINERS: Final = re.compile(r"及|和|与|/|、|&|＆")


def _match_header(spec: HeaderSpec, text: str) -> tuple[str, ...]:
    found = spec._cache.get(text)
    if found is not None:
        return found
    key = header_key(text)
    result: tuple[str, ...] = ()
    for candidate in (key, _NOTE.sub("", key)):
        if candidate in spec.aliases:
            result = spec.aliases[candidate]
            break
    else:
        bare = _NOTE.sub("", key)
        parts = [p for p in _JOINERS.split(bare) if p]
        if len(parts) == 2:
            first, second = spec.aliases.get(parts[0]), spec.aliases.get(parts[1])
            if first and second and not set(first) & set(second):
                result = first + second
    if len(spec._cache) < 10_000:
        spec._cache[text] = result
    return result


@dataclass(frozen=True)
class Column:
    index: int
    fields: tuple[str, ...]  # one field, or two when a cell holds both (工作单位及职务)
    label: str  # the header text as found


@dataclass(frozen=True)
class Header:
    first_row: int  # 0-based index of the header's first row (two when grouped)
    row: int  # 0-based index of the (last) header row
    data_start: int  # 0-based index of the first data row
    columns: tuple[Column, ...]

    def fields(self) -> dict[str, str]:
        """field → header found."""
        return {f: c.label for c in self.columns for f in c.fields}


def _texts(row: Sequence[CellValue]) -> list[str]:
    """Header cells as shown in messages: "参加工作\n时间" → "参加工作时间"."""
    return [clean_name(v) if v not in ("", None) else "" for v in row]


def _map_row(spec: HeaderSpec, labels: Sequence[str]) -> list[Column]:
    columns: list[Column] = []
    taken: set[str] = set()
    for index, label in enumerate(labels):
        if not label:
            continue
        fields = tuple(f for f in spec.match(label) if f not in taken)
        if fields:
            taken.update(fields)
            columns.append(Column(index, fields, label))
    return columns


def find_header(spec: HeaderSpec, rows: Rows) -> Header | None:
    """The first row within HEADER_SEARCH_ROWS that names every required field.

    A second header row right below (merged group headers such as 职业资格 over
    名称 | 颁发单位) is read too, and the data start after it.
    """
    for r in range(min(HEADER_SEARCH_ROWS, len(rows))):
        upper = _texts(rows[r])
        columns = _map_row(spec, upper)
        found = {f for c in columns for f in c.fields}
        if not set(spec.required) <= found:
            continue
        if r + 1 < len(rows):
            lower = _texts(rows[r + 1])
            two = _two_level(spec, upper, lower, columns)
            if two is not None:
                return Header(r, r + 1, r + 2, tuple(two))
        return Header(r, r, r + 1, tuple(columns))
    return None


def _two_level(spec: HeaderSpec, upper: list[str], lower: list[str],
               columns: list[Column]) -> list[Column] | None:
    by_field = {f: c.index for c in columns for f in c.fields}
    for f in spec.required:  # a data row has its own name and ID: not a header
        c = by_field[f]
        if c < len(lower) and lower[c] and lower[c] != upper[c]:
            return None
    labels = []
    added = False
    for index, top in enumerate(upper):
        below = lower[index] if index < len(lower) else ""
        label = top
        if below and below != top:
            if top and spec.match(top + below):
                label, added = top + below, True
            elif spec.match(below):
                label, added = below, True
        labels.append(label)
    if not added:
        return None
    two = _map_row(spec, labels)
    found = {f for c in two for f in c.fields}
    return two if set(spec.required) <= found else None


def seen_headers(rows: Rows) -> str:
    """The likeliest header row's texts, for a message: the fullest of the first rows."""
    best: list[str] = []
    for row in rows[:HEADER_SEARCH_ROWS]:
        texts = [t for t in dict.fromkeys(_texts(row)) if t]  # a merged title counts once
        if len(texts) > len(best):
            best = texts
    shown = "、".join(f"“{t[:20]}”" for t in best[:15])
    if len(best) > 15:
        shown += f" 等 {len(best)} 列"
    return shown or "（前 20 行都是空的）"
