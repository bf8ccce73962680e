"""The packet list: a table model that filters and sorts 100,000 rows itself.

Why not QSortFilterProxyModel: the proxy asks the source model for data()
through Python for every row it filters and for every comparison it sorts
(n·log n calls crossing the Python/C++ boundary). At 100,000 rows that takes
seconds per keystroke. Here the rows stay plain Python tuples; a lower-case
search key and the seven cell texts per row are computed once when the rows
arrive (in the loader thread), filtering is one list comprehension over the
keys, and sorting is Python's sort on precomputed keys. The view only ever
asks data() for the thirty-odd rows on screen, and data() is a tuple lookup.

Typing in the filter field: each result is kept on a stack keyed by the
filter text, so one more character filters only the previous result and
Backspace gives the previous result back without filtering at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.eligibility import VERDICT_LABELS, Verdict
from zcdesk.domain.flow import DecisionResult, PacketStage
from zcdesk.domain.idnumber import mask_id
from zcdesk.domain.records import PacketRow
from zcdesk.ui.i18n import tr

COL_NAME, COL_ID, COL_UNIT, COL_STATUS, COL_STAGE, COL_ELIGIBILITY, COL_MISSING = range(7)
HEADERS = ("姓名", "证件号码", "单位", "状态", "去向", "资格预审", "缺件")
STATUS_ORDER = {PacketStatus.NONE.value: 0, PacketStatus.PARTIAL.value: 1,
                PacketStatus.COMPLETE.value: 2}
STATUS_COLOURS = {PacketStatus.NONE.value: "#616161", PacketStatus.PARTIAL.value: "#b26a00",
                  PacketStatus.COMPLETE.value: "#2e7d32"}
PACKET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES = frozenset({_DISPLAY, _FOREGROUND, _TOOLTIP, PACKET_ID_ROLE})
_STATUS_BRUSHES = {status: QBrush(QColor(colour)) for status, colour in STATUS_COLOURS.items()}
# The pre-check, as the packet panel shows it: a symbol and a word, then colour.
VERDICT_SYMBOLS = {"eligible": "✔", "ineligible": "✘", "unknown": "？"}
VERDICT_COLOURS = {"eligible": "#2e7d32", "ineligible": "#c62828", "unknown": "#b26a00"}
VERDICT_ORDER = {"ineligible": 0, "unknown": 1, "eligible": 2}
_VERDICT_BRUSHES = {v: QBrush(QColor(colour)) for v, colour in VERDICT_COLOURS.items()}
NOT_CHECKED = "—"
# Where the packet is after the counter; the committee's result follows it.
STAGE_ORDER = {stage.value: n for n, stage in enumerate(PacketStage)}
DECISION_WORDS = {DecisionResult.PASSED.value: "✔ 通过", DecisionResult.FAILED.value: "✘ 不通过"}
MAX_FILTER_STACK = 48  # kept results of one filter text's prefixes (each a list of ints)

Index = QModelIndex | QPersistentModelIndex
Cells = tuple[str, str, str, str, str, str, str]


class Prepared(NamedTuple):
    """What the model keeps per row besides the row itself (made off the GUI thread)."""

    keys: list[str]  # lower-case name + id number + unit, for the filter
    cells: list[Cells]  # the seven display texts


def status_text(status: str) -> str:
    """● 齐全 — the shape first, so the column reads the same without colour."""
    try:
        value = PacketStatus(status)
    except ValueError:
        return status
    return f"{value.symbol} {tr(value.label)}"


def verdict_text(verdict: str | None) -> str:
    """✔ 符合 / ✘ 不符合 / ？ 待核实; — when the pre-check has not been computed."""
    if not verdict:
        return NOT_CHECKED
    try:
        value = Verdict(verdict)
    except ValueError:
        return verdict
    return f"{VERDICT_SYMBOLS[value.value]} {tr(VERDICT_LABELS[value])}"


def stage_text(stage: str, decision: str | None = None) -> str:
    """已移交 · ✔ 通过; — while the packet is at the counter with no decision."""
    try:
        words = "" if stage == PacketStage.COUNTER.value else tr(PacketStage(stage).label)
    except ValueError:
        words = stage
    if decision:
        words = " · ".join(w for w in (words, tr(DECISION_WORDS.get(decision, decision))) if w)
    return words or NOT_CHECKED


def missing_text(accepted: dict[str, int], items: Sequence[ChecklistItem]) -> str:
    """评审表 2 份、登记表 1 份 (the column is headed 缺件); — when nothing is missing."""
    parts = [f"{i.short_name} {i.copies_required - accepted.get(i.code, 0)} 份"
             for i in items if accepted.get(i.code, 0) < i.copies_required]
    return "、".join(parts) if parts else "—"


def _missing_count(accepted: dict[str, int], items: Sequence[ChecklistItem]) -> int:
    return sum(max(0, i.copies_required - accepted.get(i.code, 0)) for i in items)


class PacketTableModel(QAbstractTableModel):
    """Rows of `store.packet_rows()`; filter with set_filter, keep current with update_row."""

    def __init__(self, load: Callable[[], list[PacketRow]],
                 checklist: Sequence[ChecklistItem], parent: Any = None, *,
                 load_now: bool = True) -> None:
        super().__init__(parent)
        self._load = load
        self._items = list(checklist)
        self._rows: list[PacketRow] = []
        self._keys: list[str] = []  # lower-case name + id number + unit, per row
        self._cells: list[Cells] = []  # the display texts, per row
        self._position: dict[int, int] = {}  # packet id -> index in _rows
        self._order: list[int] = []  # all row indexes in the current sort order
        self._visible: list[int] = []  # the filtered subset of _order, in order
        # (filter text, its result) for every prefix of the text typed so far,
        # under the current status, unit and sort; the base entry is "".
        self._stack: list[tuple[str, list[int]]] = []
        self._text = ""
        self._status = ""
        self._unit = ""
        self._verdict = ""  # "" all, else a Verdict value
        self._stage = ""  # "" all, else a PacketStage value
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._visible_at: dict[int, int] | None = None  # row index -> visible row, lazily
        self._counts: dict[str, int] = {}  # status value -> packets
        if load_now:
            self.reload()

    def set_checklist(self, checklist: Sequence[ChecklistItem]) -> None:
        """The items the 缺件 column counts (known once the store is open)."""
        self._items = list(checklist)
        if self._rows:
            self.set_rows(self._rows)

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        """Read every row again (after an import, or F5)."""
        self.set_rows(self._load())

    @staticmethod
    def prepare(rows: Sequence[PacketRow], checklist: Sequence[ChecklistItem]) -> Prepared:
        """Filter keys and cell texts of `rows` (pure Python: may run off the GUI thread)."""
        status_texts: dict[str, str] = {}
        verdict_texts: dict[str | None, str] = {}
        stage_texts: dict[tuple[str, str | None], str] = {}
        missing: dict[tuple[int, ...], str] = {}
        items = list(checklist)
        codes = [i.code for i in items]
        keys: list[str] = []
        cells: list[Cells] = []
        for row in rows:
            keys.append(_search_key(row))
            status = status_texts.get(row.status)
            if status is None:
                status = status_texts[row.status] = status_text(row.status)
            accepted = row.accepted
            got = tuple(accepted.get(c, 0) for c in codes)
            words = missing.get(got)
            if words is None:
                words = missing[got] = missing_text(accepted, items)
            verdict = verdict_texts.get(row.eligibility)
            if verdict is None:
                verdict = verdict_texts[row.eligibility] = verdict_text(row.eligibility)
            where = stage_texts.get((row.stage, row.decision))
            if where is None:
                where = stage_texts[(row.stage, row.decision)] = stage_text(row.stage,
                                                                           row.decision)
            cells.append((row.name, mask_id(row.id_number), row.unit, status, where, verdict,
                          words))
        return Prepared(keys, cells)

    def set_rows(self, rows: list[PacketRow], prepared: Prepared | None = None) -> None:
        """Show `rows` (as read by `load`), keeping the filter and the sort."""
        if prepared is None or len(prepared.keys) != len(rows):
            prepared = self.prepare(rows, self._items)
        self.beginResetModel()
        self._visible_at = None
        self._rows = rows
        self._keys, self._cells = prepared.keys, prepared.cells
        self._counts = dict(Counter(r.status for r in rows))
        self._position = {r.packet_id: i for i, r in enumerate(self._rows)}
        self._order = self._sorted_order()
        self._stack.clear()
        self._visible = self._lookup(self._text)
        self.endResetModel()

    def update_row(self, row: PacketRow) -> None:
        """Replace one row after a recording; only that row is repainted.

        The row keeps its place even when the sort key or a filter no longer
        fits: rows do not jump away under the clerk's eyes. The next filter
        change or sort puts it where it belongs.
        """
        index = self._position.get(row.packet_id)
        if index is None:
            self._append(row)
            return
        old = self._rows[index]
        self._count(old.status, -1)
        self._count(row.status, 1)
        self._rows[index] = row
        key = _search_key(row)
        if key != self._keys[index] or (self._status and row.status != old.status) \
                or (self._verdict and row.eligibility != old.eligibility) \
                or (self._stage and row.stage != old.stage):
            self._stack.clear()  # a kept result may no longer be right
        self._keys[index] = key
        self._cells[index] = self.prepare([row], self._items).cells[0]
        visible_row = self._visible_row(index)
        if visible_row is None:
            return
        self.dataChanged.emit(self.index(visible_row, 0),
                              self.index(visible_row, len(HEADERS) - 1))

    def _append(self, row: PacketRow) -> None:
        index = len(self._rows)
        self._rows.append(row)
        self._count(row.status, 1)
        prepared = self.prepare([row], self._items)
        self._keys.append(prepared.keys[0])
        self._cells.append(prepared.cells[0])
        self._position[row.packet_id] = index
        self._order.append(index)
        self._stack.clear()  # the kept results do not have the new row
        if self._matches(index):
            at = len(self._visible)
            self.beginInsertRows(QModelIndex(), at, at)
            self._visible = [*self._visible, index]
            if self._visible_at is not None:
                self._visible_at[index] = at
            self.endInsertRows()

    # ---------------------------------------------------------- filtering
    def set_filter(self, text: str | None = None, status: str | None = None,
                   unit: str | None = None, verdict: str | None = None,
                   stage: str | None = None) -> None:
        """Narrow the rows. None leaves that part as it is; "" means all.

        `text` matches name, ID number or unit anywhere (case-insensitive);
        `status` is a PacketStatus value; `unit` an exact unit name; `verdict`
        a pre-check value (eligible, ineligible, unknown); `stage` a PacketStage value.
        """
        new_text = self._text if text is None else text.strip().lower()
        new_status = self._status if status is None else str(status)
        new_unit = self._unit if unit is None else unit
        new_verdict = self._verdict if verdict is None else str(verdict)
        new_stage = self._stage if stage is None else str(stage)
        if new_status != self._status or new_unit != self._unit \
                or new_verdict != self._verdict or new_stage != self._stage:
            self._stack.clear()
        self._text, self._status, self._unit = new_text, new_status, new_unit
        self._verdict, self._stage = new_verdict, new_stage
        visible = self._lookup(new_text)
        if visible is self._visible:
            return  # e.g. a space typed: the same rows, nothing to repaint
        self.beginResetModel()
        self._visible = visible
        self._visible_at = None
        self.endResetModel()

    def _lookup(self, text: str) -> list[int]:
        """The rows matching `text` (and the status and unit), from the kept results.

        The stack holds the results of prefixes of the text typed so far: entries
        that are no prefix of `text` are dropped (Backspace, a pasted word), the
        longest remaining one is narrowed further, or returned as it is.
        """
        stack = self._stack
        if not stack:
            stack.append(("", self._base()))
        while not text.startswith(stack[-1][0]):
            stack.pop()  # never the base entry: every text starts with ""
        top_text, top = stack[-1]
        if top_text == text:
            return top
        keys = self._keys
        found = [i for i in top if text in keys[i]]
        if len(found) == len(top):
            found = top  # the same rows (a subset of equal length): no repaint needed
        if len(stack) >= MAX_FILTER_STACK:
            del stack[1]
        stack.append((text, found))
        return found

    def _base(self) -> list[int]:
        """The rows of the current status, unit, pre-check and stage, in the sort order."""
        status, unit, verdict, rows = self._status, self._unit, self._verdict, self._rows
        stage = self._stage
        candidates = self._order
        if status:
            candidates = [i for i in candidates if rows[i].status == status]
        if unit:
            candidates = [i for i in candidates if rows[i].unit == unit]
        if verdict:
            candidates = [i for i in candidates if rows[i].eligibility == verdict]
        if stage:
            candidates = [i for i in candidates if rows[i].stage == stage]
        return candidates if candidates is not self._order else list(candidates)

    def _matches(self, index: int) -> bool:
        row = self._rows[index]
        return ((not self._text or self._text in self._keys[index])
                and (not self._status or row.status == self._status)
                and (not self._unit or row.unit == self._unit)
                and (not self._verdict or row.eligibility == self._verdict)
                and (not self._stage or row.stage == self._stage))

    # ------------------------------------------------------------ sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        # The view's current row (and any other persistent index) follows its packet.
        kept = [(index, self.packet_id(index.row())) for index in self.persistentIndexList()]
        self._sort = (column, order)
        self._order = self._sorted_order()
        self._stack.clear()
        self._visible = self._lookup(self._text)
        self._visible_at = None
        for index, packet_id in kept:
            row = None if packet_id is None else self.visible_row_of_packet(packet_id)
            self.changePersistentIndex(
                index, QModelIndex() if row is None else self.index(row, index.column()))
        self.layoutChanged.emit()

    def _sorted_order(self) -> list[int]:
        order = list(range(len(self._rows)))
        if self._sort is None:
            return order
        column, direction = self._sort
        key = self._sort_keys(column)
        order.sort(key=key.__getitem__,
                   reverse=direction == Qt.SortOrder.DescendingOrder)
        return order

    def _sort_keys(self, column: int) -> list[Any]:
        rows = self._rows
        if column == COL_NAME:
            return [r.name for r in rows]
        if column == COL_ID:
            return [r.id_number for r in rows]
        if column == COL_UNIT:
            return [r.unit for r in rows]
        if column == COL_STATUS:
            return [STATUS_ORDER.get(r.status, -1) for r in rows]
        if column == COL_STAGE:
            return [(STAGE_ORDER.get(r.stage, -1), r.decision or "") for r in rows]
        if column == COL_ELIGIBILITY:
            return [VERDICT_ORDER.get(r.eligibility or "", -1) for r in rows]
        items = self._items
        return [_missing_count(r.accepted, items) for r in rows]

    # ------------------------------------------------------------- access
    def packet_id(self, visible_row: int) -> int | None:
        if 0 <= visible_row < len(self._visible):
            return self._rows[self._visible[visible_row]].packet_id
        return None

    def row_of(self, visible_row: int) -> PacketRow | None:
        if 0 <= visible_row < len(self._visible):
            return self._rows[self._visible[visible_row]]
        return None

    def visible_row_of_packet(self, packet_id: int) -> int | None:
        index = self._position.get(packet_id)
        return None if index is None else self._visible_row(index)

    def _visible_row(self, index: int) -> int | None:
        """Where row `index` is shown; the map is built on first need after a filter."""
        if self._visible_at is None:
            self._visible_at = {i: r for r, i in enumerate(self._visible)}
        return self._visible_at.get(index)

    def total_count(self) -> int:
        return len(self._rows)

    def unit_names(self) -> list[str]:
        return sorted({r.unit for r in self._rows})

    def unit_counts(self) -> dict[str, int]:
        """Packets per unit (of the rows loaded; empty until the list is read)."""
        return dict(Counter(r.unit for r in self._rows))

    def status_counts(self) -> dict[PacketStatus, int]:
        """Packets per status, kept up to date by set_rows / update_row (no query)."""
        return {status: self._counts.get(status.value, 0) for status in PacketStatus}

    def _count(self, status: str, step: int) -> None:
        self._counts[status] = self._counts.get(status, 0) + step

    # -------------------------------------------------------- Qt protocol
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks ~7 roles per painted cell: answer the unused ones first.
        if role not in _ROLES:
            return None
        row = index.row()
        visible = self._visible
        if row >= len(visible) or row < 0:
            return None
        position = visible[row]
        if role == _DISPLAY:
            return self._cells[position][index.column()]
        column = index.column()
        if role == _FOREGROUND:
            if column == COL_STATUS:
                return _STATUS_BRUSHES.get(self._rows[position].status)
            if column == COL_ELIGIBILITY:
                return _VERDICT_BRUSHES.get(self._rows[position].eligibility or "")
            return None
        if role == _TOOLTIP:
            return self._cells[position][column] \
                if column in (COL_UNIT, COL_STAGE, COL_MISSING) else None
        return self._rows[position].packet_id  # PACKET_ID_ROLE


def _search_key(row: PacketRow) -> str:
    return f"{row.name}\x1f{row.id_number}\x1f{row.unit}".lower()
