"""The packet list's data behind the Qt model: columns, search and sort (numpy, no Qt).

Imported when the first rows arrive (in the loader thread), never before the
window is shown: numpy and the store's modules cost a few hundred ms to import.

Rows are `PacketColumns` (zcdesk/store/list_ops.py): one array per field,
repeated texts kept once. A filter keystroke is a handful of vectorised
comparisons (`TextIndex`) over the ID numbers and over the distinct names and
units, then one gather into the sort order. Cell texts (masked ID numbers,
status, 去向, 缺件 …) are made when the rows arrive, off the GUI thread, and per
distinct value; painting only looks them up.

姓名 and 单位 sort in pinyin, as the paper lists do (zcdesk/domain/collation.py):
the key is computed once per distinct name or unit, never per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.collation import name_key, pinyin_key
from zcdesk.domain.records import PacketRow
from zcdesk.store.list_ops import (
    PacketColumns,
    TextIndex,
    fixed_width_texts,
    lower_id_numbers,
    lower_texts,
)
from zcdesk.ui import packet_model as pm  # its constants and texts (imported by then)

Sort = tuple[int, bool]  # (column, descending)
INDEX = np.int32  # row indexes (the order, the filter results kept on the stack)


class Prepared:
    """The rows and what the list needs besides them (made off the GUI thread)."""

    def __init__(self, columns: PacketColumns, checklist: Sequence[ChecklistItem]) -> None:
        self.columns = columns
        self.masked = masked_ids(columns.id_numbers)
        self.id_index = TextIndex(lower_id_numbers(columns.id_numbers))
        self.texts = CellTexts(columns, checklist)
        self._name_index: TextIndex | None = None
        self._unit_index: TextIndex | None = None
        self._name_codes: dict[str, int] | None = None
        self._ids_sorted: bool | None = None  # packet_ids ascending (known on first need)
        self._status_counts: dict[str, int] | None = None
        # "name", "unit", "id" -> (the values, their count, each one's rank), kept for
        # the next sort by that column (names and units are only ever appended to)
        self._ranks: dict[str, tuple[Any, int, np.ndarray]] = {}
        self.name_index()
        self.unit_index()

    def __len__(self) -> int:
        return len(self.columns)

    # ------------------------------------------------------------ search
    def name_index(self) -> TextIndex:
        """Over the distinct names (rebuilt after a new name joins them)."""
        if self._name_index is None or self._name_index.count != len(self.columns.names):
            self._name_index = TextIndex(lower_texts(self.columns.names))
        return self._name_index

    def unit_index(self) -> TextIndex:
        if self._unit_index is None or self._unit_index.count != len(self.columns.units):
            self._unit_index = TextIndex(lower_texts(self.columns.units))
        return self._unit_index

    def text_mask(self, text: str, rows: np.ndarray | None) -> np.ndarray:
        """Per row (of `rows`, else of all): does `text` occur in its name, ID or unit.

        The same as `text in f"{name}\\x1f{id}\\x1f{unit}".lower()` for a typed text."""
        c = self.columns
        names = self.name_index().find(text)
        units = self.unit_index().find(text)
        mask = self.id_index.find(text, rows)
        mask |= names[c.name_at if rows is None else c.name_at[rows]]
        mask |= units[c.unit_at if rows is None else c.unit_at[rows]]
        return mask

    def base(self, order: np.ndarray, status: str, unit: str, verdict: str,
             stage: str) -> np.ndarray:
        """The rows of `order` with this status, unit, pre-check and stage ("" any)."""
        c = self.columns
        mask: np.ndarray | None = None
        for wanted, words, codes in ((status, c.statuses, c.status_at),
                                     (unit, c.units, c.unit_at),
                                     (verdict, c.verdicts, c.verdict_at),
                                     (stage, c.stages, c.stage_at)):
            if wanted:
                here = codes == (words.index(wanted) if wanted in words else -1)
                mask = here if mask is None else mask & here
        return order.copy() if mask is None else order[mask[order]]

    def matches(self, index: int, text: str, status: str, unit: str, verdict: str,
                stage: str) -> bool:
        row = self.row(index)
        key = f"{row.name}\x1f{row.id_number}\x1f{row.unit}".lower()
        return ((not text or text in key) and (not status or row.status == status)
                and (not unit or row.unit == unit)
                and (not verdict or row.eligibility == verdict)
                and (not stage or row.stage == stage))

    # ------------------------------------------------------------ sorting
    def sorted_order(self, sort: Sort | None, name_keys: dict[str, Any]) -> np.ndarray:
        """Row indexes in the order of `sort` (None: as read)."""
        if sort is None:
            return np.arange(len(self), dtype=INDEX)
        column, descending = sort
        key = self.sort_keys(column, name_keys)
        if descending:
            key = -key  # ranks: equal rows keep their order, as list.sort(reverse=True)
        return np.argsort(key, kind="stable").astype(INDEX)

    def sort_keys(self, column: int, name_keys: dict[str, Any]) -> np.ndarray:
        """An integer rank per row; equal keys share a rank."""
        c = self.columns
        if column == pm.COL_NAME:
            return self._pinyin_ranks("name", c.names, name_keys, name_key)[c.name_at]
        if column == pm.COL_ID:
            kept = self._ranks.get("id")
            if kept is None or kept[0] is not c.id_numbers or kept[1] != len(c.id_numbers):
                ranks = np.unique(c.id_numbers, return_inverse=True)[1].astype(np.int64)
                kept = self._ranks["id"] = (c.id_numbers, len(c.id_numbers), ranks)
            return kept[2]
        if column == pm.COL_UNIT:
            return self._pinyin_ranks("unit", c.units, {}, pinyin_key)[c.unit_at]
        if column == pm.COL_STATUS:
            return _lookup([pm.STATUS_ORDER.get(v, -1) for v in c.statuses], c.status_at)
        if column == pm.COL_STAGE:
            decisions = _ranks([d or "" for d in c.decisions])
            stages = _lookup([pm.STAGE_ORDER.get(v, -1) for v in c.stages], c.stage_at)
            return stages * (len(c.decisions) + 1) + _lookup(decisions.tolist(), c.decision_at)
        if column == pm.COL_ELIGIBILITY:
            return _lookup([pm.VERDICT_ORDER.get(v or "", -1) for v in c.verdicts],
                           c.verdict_at)
        return _lookup(self.texts.missing_count, c.accepted_at)

    def _pinyin_ranks(self, which: str, words: list[str], keys: dict[str, Any],
                      key: Callable[[str], Any]) -> np.ndarray:
        """The pinyin rank of each distinct name (or unit), kept until one is added: at
        200,000 distinct names the keys and their sort take ~1 s, paid on the first
        sort only (and never at load: most lists are never sorted by name)."""
        kept = self._ranks.get(which)
        if kept is not None and kept[0] is words and kept[1] == len(words):
            return kept[2]
        for word in words:
            if word not in keys:
                keys[word] = key(word)
        ranks = _ranks([keys[w] for w in words])
        self._ranks[which] = (words, len(words), ranks)
        return ranks

    # ------------------------------------------------------------- access
    def row(self, index: int) -> PacketRow:
        return self.columns.row(index)

    def packet_id(self, index: int) -> int:
        return int(self.columns.packet_ids[index])

    def index_of(self, packet_id: int) -> int | None:
        """The row of a packet: a binary search while the ids are in order (they are
        read in packet order, and new packets get higher ids), else a scan."""
        ids = self.columns.packet_ids
        if self._ids_sorted is None:
            self._ids_sorted = bool(len(ids) < 2 or np.all(ids[1:] > ids[:-1]))
        if self._ids_sorted:
            at = int(np.searchsorted(ids, packet_id))
            return at if at < len(ids) and ids[at] == packet_id else None
        found = np.flatnonzero(ids == packet_id)
        return int(found[0]) if len(found) else None

    def status_of(self, index: int) -> str:
        return self.columns.statuses[self.columns.status_at[index]]

    def verdict_of(self, index: int) -> str | None:
        return self.columns.verdicts[self.columns.verdict_at[index]]

    def cell(self, index: int, column: int) -> str:
        c, texts = self.columns, self.texts
        if column == pm.COL_NAME:
            return c.names[c.name_at[index]]
        if column == pm.COL_ID:
            masked = self.masked[index]
            return masked.decode() if isinstance(masked, bytes) else str(masked)
        if column == pm.COL_UNIT:
            return c.units[c.unit_at[index]]
        if column == pm.COL_STATUS:
            return texts.status[c.status_at[index]]
        if column == pm.COL_STAGE:
            return texts.stage[(int(c.stage_at[index]), int(c.decision_at[index]))]
        if column == pm.COL_ELIGIBILITY:
            return texts.verdict[c.verdict_at[index]]
        return texts.missing[c.accepted_at[index]]

    def unit_names(self) -> list[str]:
        c = self.columns
        return sorted(c.units[i] for i in np.unique(c.unit_at).tolist())

    def unit_counts(self) -> dict[str, int]:
        c = self.columns
        counts = np.bincount(c.unit_at, minlength=len(c.units)).tolist()
        return {c.units[i]: n for i, n in enumerate(counts) if n}

    def status_counts(self) -> dict[str, int]:
        """Packets per status value (kept until a row is written: the status bar asks
        after every scan)."""
        if self._status_counts is None:
            c = self.columns
            counts = np.bincount(c.status_at, minlength=len(c.statuses)).tolist()
            self._status_counts = dict(zip(c.statuses, counts, strict=True))
        return self._status_counts

    # ------------------------------------------------------------ writing
    def set_checklist(self, checklist: Sequence[ChecklistItem]) -> None:
        self.texts = CellTexts(self.columns, checklist)

    def append(self, row: PacketRow) -> int:
        """Add `row` at the end; returns its index."""
        c, index = self.columns, len(self)
        for name in ("packet_ids", "applicant_ids", "name_at", "unit_at", "status_at",
                     "verdict_at", "stage_at", "decision_at", "accepted_at"):
            array = getattr(c, name)
            setattr(c, name, np.append(array, np.zeros(1, dtype=array.dtype)))
        c.id_numbers = np.append(*_fitted(c.id_numbers, fixed_width_texts([""])))
        self.masked = np.append(*_fitted(self.masked, fixed_width_texts([""])))
        self.write(index, row)
        return index

    def write(self, index: int, row: PacketRow) -> None:
        """Put `row` at `index` (new names, statuses … join the lists)."""
        c = self.columns
        self._status_counts = None
        if c.packet_ids[index] != row.packet_id:
            self._ids_sorted = None
        c.packet_ids[index] = row.packet_id
        c.applicant_ids[index] = row.applicant_id
        c.name_at[index] = self._name_code(row.name)
        c.unit_at[index] = _code(c.units, row.unit)
        c.status_at[index] = _code(c.statuses, row.status)
        c.verdict_at[index] = _code(c.verdicts, row.eligibility)
        c.stage_at[index] = _code(c.stages, row.stage)
        c.decision_at[index] = _code(c.decisions, row.decision)
        c.accepted_at[index] = _code(c.accepted, dict(row.accepted))
        self.texts.refresh()
        if c.id_number(index) != row.id_number or not self.masked[index]:
            self._ranks.pop("id", None)  # the ID order changes
            number, masked = fixed_width_texts([row.id_number]), \
                fixed_width_texts([pm.mask_id(row.id_number)])
            c.id_numbers, number = _fitted(c.id_numbers, number)
            c.id_numbers[index] = number[0]
            self.masked, masked = _fitted(self.masked, masked)
            self.masked[index] = masked[0]
            self.id_index = TextIndex(lower_id_numbers(c.id_numbers))

    def _name_code(self, name: str) -> int:
        """Where `name` is in columns.names, appending it when new (a dict: there may be
        a hundred thousand distinct names)."""
        names = self.columns.names
        if self._name_codes is None or len(self._name_codes) != len(names):
            self._name_codes = {n: i for i, n in enumerate(names)}
        code = self._name_codes.get(name)
        if code is None:
            code = self._name_codes[name] = len(names)
            names.append(name)
        return code


class CellTexts:
    """The display texts of the small vocabularies (status, 去向, 资格预审, 缺件)."""

    def __init__(self, columns: PacketColumns, checklist: Sequence[ChecklistItem]) -> None:
        self.columns = columns
        self.items = list(checklist)
        self.status: list[str] = []
        self.verdict: list[str] = []
        self.stage: dict[tuple[int, int], str] = {}
        self.missing: list[str] = []
        self.missing_count: list[int] = []
        self.refresh()

    def refresh(self) -> None:
        """Texts of vocabulary entries added since (a new status, a new count …)."""
        c, items = self.columns, self.items
        self.status += [pm.status_text(v) for v in c.statuses[len(self.status):]]
        self.verdict += [pm.verdict_text(v) for v in c.verdicts[len(self.verdict):]]
        for stage in range(len(c.stages)):
            for decision in range(len(c.decisions)):
                if (stage, decision) not in self.stage:
                    self.stage[(stage, decision)] = pm.stage_text(c.stages[stage],
                                                                  c.decisions[decision])
        new = c.accepted[len(self.missing):]
        self.missing += [pm.missing_text(a, items) for a in new]
        self.missing_count += [pm.missing_count(a, items) for a in new]


def prepare(rows: Sequence[PacketRow] | PacketColumns,
            checklist: Sequence[ChecklistItem]) -> Prepared:
    columns = rows if isinstance(rows, PacketColumns) else PacketColumns.from_rows(rows)
    return Prepared(columns, checklist)


def masked_ids(numbers: np.ndarray, chunk: int = 20_000) -> np.ndarray:
    """330102********1234 for every number, as a fixed-width array (made chunk by
    chunk: 500,000 Python strings at once cost ~100 MB of the window's peak)."""
    if not len(numbers):
        return fixed_width_texts([])
    parts = [fixed_width_texts([pm.mask_id(n) for n in numbers[at:at + chunk]
                               .astype(str).tolist()])
             for at in range(0, len(numbers), chunk)]
    if any(part.dtype.kind == "U" for part in parts):
        parts = [part.astype(str) for part in parts]
    return np.concatenate(parts)


def positions(visible: np.ndarray, count: int) -> np.ndarray:
    """For each of `count` rows, where it is in `visible` (-1: not shown)."""
    where = np.full(count, -1, dtype=INDEX)
    where[visible] = np.arange(len(visible), dtype=INDEX)
    return where


def appended(array: np.ndarray, index: int) -> np.ndarray:
    return np.append(array, np.array([index], dtype=INDEX))


def _code(words: list[Any], value: Any) -> int:
    """Where `value` is in a small vocabulary, appending it when new."""
    try:
        return words.index(value)
    except ValueError:
        words.append(value)
        return len(words) - 1


def _lookup(values: Sequence[int], codes: np.ndarray) -> np.ndarray:
    """values[code] for every code, as int64 (empty vocabularies give zeros)."""
    if not values:
        return np.zeros(len(codes), dtype=np.int64)
    return np.array(values, dtype=np.int64)[codes]


def _ranks(keys: Sequence[Any]) -> np.ndarray:
    """Rank of each key in sorted order; equal keys share a rank."""
    ranks = np.zeros(len(keys), dtype=np.int64)
    previous: Any = object()
    rank = -1
    for at in sorted(range(len(keys)), key=keys.__getitem__):
        if keys[at] != previous:
            rank += 1
            previous = keys[at]
        ranks[at] = rank
    return ranks


def _fitted(array: np.ndarray, value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`array` and `value` in one dtype that holds both (a longer or non-ASCII text)."""
    if array.dtype.kind != value.dtype.kind:
        array, value = array.astype(str), value.astype(str)
    wanted = np.promote_types(array.dtype, value.dtype)
    return (array if wanted == array.dtype else array.astype(wanted)), value
