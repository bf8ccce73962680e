"""The open packet's checklist: one row per item of `store.checklist()`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from zcdesk.domain.completeness import ItemState, PacketState
from zcdesk.ui.i18n import tr

HEADERS = ("材料", "需", "已收", "检查项", "退回", "状态")
COL_ITEM, COL_REQUIRED, COL_ACCEPTED, COL_CHECKS, COL_REJECTED, COL_STATUS = range(6)
GREEN, AMBER, RED = "#2e7d32", "#b26a00", "#c62828"

Index = QModelIndex | QPersistentModelIndex


def item_status_text(state: ItemState) -> str:
    if state.complete:
        return tr("✓ 齐全")
    return tr("缺 {n} 份").format(n=state.missing)


class ChecklistModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._states: tuple[ItemState, ...] = ()

    def set_state(self, state: PacketState | None) -> None:
        self.beginResetModel()
        self._states = state.items if state is not None else ()
        self.endResetModel()

    def state_at(self, row: int) -> ItemState | None:
        return self._states[row] if 0 <= row < len(self._states) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._states)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        state = self.state_at(index.row()) if index.isValid() else None
        if state is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(state, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_ITEM:
                return state.item.name
            if column == COL_CHECKS:
                return tr("逐份核对：") + "、".join(state.item.check_labels())
            return self._display(state, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_REQUIRED, COL_ACCEPTED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATUS:
                return QBrush(QColor(GREEN if state.complete else AMBER))
            if column == COL_REJECTED and state.rejections:
                return QBrush(QColor(RED))
        if role == Qt.ItemDataRole.FontRole and column in (COL_ITEM, COL_STATUS):
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _display(state: ItemState, column: int) -> str:
        if column == COL_ITEM:
            return state.item.short_name
        if column == COL_REQUIRED:
            return str(state.item.copies_required)
        if column == COL_ACCEPTED:
            return str(state.accepted)
        if column == COL_CHECKS:
            return "、".join(state.item.check_labels())
        if column == COL_REJECTED:
            return "；".join(r.describe() for r in state.rejections)
        return item_status_text(state)
