"""The packet list: a table model over half a million rows.

Why not QSortFilterProxyModel: the proxy asks the source model for data()
through Python for every row it filters and for every comparison it sorts. Why
not one Python tuple per row either: at 500,000 applicants that was ~1 KB per
packet in memory (655 MB) and 40–50 ms per filter keystroke for broad matches
(`12`, `杭州`, `李`), linear in the matching rows.

The rows live in zcdesk/ui/list_table.py as numpy columns (imported once the
first rows arrive: the window is shown before numpy is loaded). This model
keeps the filter and the sort, an index array of the visible rows, and answers
data() for the rows on screen by looking their texts up.

Typing in the filter field: each result is kept on a stack keyed by the filter
text, so Backspace gives the previous result back without filtering at all,
and one more character narrows the previous result when that one is small.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.eligibility import VERDICT_LABELS, Verdict
from zcdesk.domain.flow import DecisionResult, PacketStage
from zcdesk.domain.idnumber import mask_id as mask_id  # list_table masks with it
from zcdesk.domain.records import PacketRow
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    import numpy as np

    from zcdesk.store.list_ops import PacketColumns
    from zcdesk.ui.list_table import Prepared

    Rows = Sequence[PacketRow] | PacketColumns

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
MAX_FILTER_STACK = 48  # kept results of one filter text's prefixes (each an index array)
NARROW_BELOW = 64  # narrow the previous result only when it is small (a gather costs more)

Index = QModelIndex | QPersistentModelIndex


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


def missing_count(accepted: dict[str, int], items: Sequence[ChecklistItem]) -> int:
    return sum(max(0, i.copies_required - accepted.get(i.code, 0)) for i in items)



Indexes = Sequence[int]  # a numpy index array once rows have arrived; () before


class PacketTableModel(QAbstractTableModel):
    """Rows of `store.packet_columns()` (or PacketRows); filter with set_filter, keep
    current with update_row."""

    def __init__(self, load: Callable[[], Rows], checklist: Sequence[ChecklistItem],
                 parent: Any = None, *, load_now: bool = True) -> None:
        super().__init__(parent)
        self._load = load
        self._items = list(checklist)
        self._data: Prepared | None = None  # None until the first rows arrive
        self._order: Indexes = ()  # all row indexes in the sort order
        self._visible: Indexes = ()  # the filtered subset of _order, in order
        # (filter text, its result) for every prefix of the text typed so far,
        # under the current status, unit and sort; the base entry is "".
        self._stack: list[tuple[str, np.ndarray]] = []
        self._text = ""
        self._status = ""
        self._unit = ""
        self._verdict = ""  # "" all, else a Verdict value
        self._stage = ""  # "" all, else a PacketStage value
        self._sort: tuple[int, bool] | None = None  # (column, descending)
        self._name_keys: dict[str, Any] = {}  # pinyin keys per distinct name, kept
        # (row -> visible row, the visible rows it was made for), made on first need
        self._visible_at: tuple[np.ndarray, Indexes] | None = None
        if load_now:
            self.reload()

    def set_checklist(self, checklist: Sequence[ChecklistItem]) -> None:
        """The items the 缺件 column counts (known once the store is open)."""
        self._items = list(checklist)
        if self._data is not None:
            self.beginResetModel()
            self._data.set_checklist(self._items)
            self._refresh_order()
            self.endResetModel()

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        """Read every row again (after an import, or F5)."""
        self.set_rows(self._load())

    @staticmethod
    def prepare(rows: Rows, checklist: Sequence[ChecklistItem]) -> Prepared:
        """Columns, search indexes and cell texts of `rows` (may run off the GUI thread)."""
        from zcdesk.ui import list_table  # numpy: loaded with the first rows, not at start

        return list_table.prepare(rows, checklist)

    def set_rows(self, rows: Rows, prepared: Prepared | None = None) -> None:
        """Show `rows` (as read by `load`), keeping the filter and the sort."""
        if prepared is None or len(prepared) != len(rows):
            prepared = self.prepare(rows, self._items)
        self.beginResetModel()
        self._data = prepared
        self._refresh_order()
        self.endResetModel()

    def _refresh_order(self) -> None:
        assert self._data is not None
        self._order = self._data.sorted_order(self._sort, self._name_keys)
        self._stack.clear()
        self._visible = self._lookup(self._text)

    def update_row(self, row: PacketRow) -> None:
        """Replace one row after a recording; only that row is repainted.

        The row keeps its place even when the sort key or a filter no longer
        fits: rows do not jump away under the clerk's eyes. The next filter
        change or sort puts it where it belongs.
        """
        if self._data is None:
            self.set_rows([row])
            return
        index = self._data.index_of(row.packet_id)
        if index is None:
            self._append(row)
            return
        self._data.write(index, row)
        self._stack.clear()  # a kept result may no longer be right
        visible_row = self._visible_row(index)
        if visible_row is not None:
            self.dataChanged.emit(self.index(visible_row, 0),
                                  self.index(visible_row, len(HEADERS) - 1))

    def _append(self, row: PacketRow) -> None:
        from zcdesk.ui.list_table import appended

        assert self._data is not None
        index = self._data.append(row)
        self._order = appended(self._order, index)  # type: ignore[arg-type]
        self._stack.clear()  # the kept results do not have the new row
        if self._data.matches(index, self._text, self._status, self._unit, self._verdict,
                              self._stage):
            at = len(self._visible)
            self.beginInsertRows(QModelIndex(), at, at)
            self._visible = appended(self._visible, index)  # type: ignore[arg-type]
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
        if self._data is None:
            return  # typed before the rows arrived: applied when they do
        visible = self._lookup(new_text)
        if visible is self._visible:
            return  # e.g. a space typed: the same rows, nothing to repaint
        self.beginResetModel()
        self._visible = visible
        self.endResetModel()

    def _lookup(self, text: str) -> np.ndarray:
        """The rows matching `text` (and the status and unit), from the kept results.

        The stack holds the results of prefixes of the text typed so far: entries
        that are no prefix of `text` are dropped (Backspace, a pasted word), the
        longest remaining one is narrowed further, or returned as it is.
        """
        data = self._data
        assert data is not None
        stack = self._stack
        if not stack:
            stack.append(("", data.base(self._order, self._status,  # type: ignore[arg-type]
                                        self._unit, self._verdict, self._stage)))
        while not text.startswith(stack[-1][0]):
            stack.pop()  # never the base entry: every text starts with ""
        top_text, top = stack[-1]
        if top_text == text:
            return top
        if len(top) * NARROW_BELOW < len(data):
            found = top[data.text_mask(text, top)]  # a small result: look at it only
        else:
            found = top[data.text_mask(text, None)[top]]
        if len(found) == len(top):
            found = top  # the same rows (a subset of equal length): no repaint needed
        if len(stack) >= MAX_FILTER_STACK:
            del stack[1]
        stack.append((text, found))
        return found

    # ------------------------------------------------------------ sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        if self._data is None:
            return  # applied when the rows arrive
        self.layoutAboutToBeChanged.emit()
        # The view's current row (and any other persistent index) follows its packet.
        kept = [(index, self.packet_id(index.row())) for index in self.persistentIndexList()]
        self._refresh_order()
        for index, packet_id in kept:
            row = None if packet_id is None else self.visible_row_of_packet(packet_id)
            self.changePersistentIndex(
                index, QModelIndex() if row is None else self.index(row, index.column()))
        self.layoutChanged.emit()

    # ------------------------------------------------------------- access
    def packet_id(self, visible_row: int) -> int | None:
        if self._data is not None and 0 <= visible_row < len(self._visible):
            return self._data.packet_id(self._visible[visible_row])
        return None

    def row_of(self, visible_row: int) -> PacketRow | None:
        if self._data is not None and 0 <= visible_row < len(self._visible):
            return self._data.row(int(self._visible[visible_row]))
        return None

    def visible_row_of_packet(self, packet_id: int) -> int | None:
        index = None if self._data is None else self._data.index_of(packet_id)
        return None if index is None else self._visible_row(index)

    def _visible_row(self, index: int) -> int | None:
        """Where row `index` is shown; the map is made on first need after a change of
        the visible rows (every scan asks it, to mark the packet's row)."""
        from zcdesk.ui.list_table import positions

        if self._data is None:
            return None
        if self._visible_at is None or self._visible_at[1] is not self._visible \
                or len(self._visible_at[0]) != len(self._data):
            self._visible_at = (positions(self._visible, len(self._data)),  # type: ignore[arg-type]
                                self._visible)
        row = int(self._visible_at[0][index])
        return row if row >= 0 else None

    def total_count(self) -> int:
        return 0 if self._data is None else len(self._data)

    def unit_names(self) -> list[str]:
        return [] if self._data is None else self._data.unit_names()

    def unit_counts(self) -> dict[str, int]:
        """Packets per unit (of the rows loaded; empty until the list is read)."""
        return {} if self._data is None else self._data.unit_counts()

    def status_counts(self) -> dict[PacketStatus, int]:
        """Packets per status, from the loaded rows (one bincount, no query)."""
        counts = {} if self._data is None else self._data.status_counts()
        return {status: counts.get(status.value, 0) for status in PacketStatus}

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
        visible, data = self._visible, self._data
        if row >= len(visible) or row < 0 or data is None:
            return None
        position = int(visible[row])
        column = index.column()
        if role == _DISPLAY:
            return data.cell(position, column)
        if role == _TOOLTIP:
            return data.cell(position, column) \
                if column in (COL_UNIT, COL_STAGE, COL_MISSING) else None
        if role == _FOREGROUND:
            if column == COL_STATUS:
                return _STATUS_BRUSHES.get(data.status_of(position))
            if column == COL_ELIGIBILITY:
                return _VERDICT_BRUSHES.get(data.verdict_of(position) or "")
            return None
        return data.packet_id(position)  # PACKET_ID_ROLE
