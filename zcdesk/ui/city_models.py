"""Table models of the city desk: the imported batches, and one batch's packets.

A check-in changes one packet row and one batch row (`update_packet`,
`update_batch`: a dataChanged of one row), never a reload, so a run of scans
costs the window next to nothing whatever the size of the batch.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from zcdesk.domain.flow import CityBatchInfo, CityBatchReport, CityPacket
from zcdesk.domain.idnumber import mask_id
from zcdesk.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
GREEN, AMBER, RED, GREY = QColor("#2e7d32"), QColor("#b26a00"), QColor("#c62828"), \
    QColor("#757575")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


# ------------------------------------------------------------------ batches
class ListCheck:
    """What is known of a batch's paper transmittal list at this desk."""

    CHECKED = "checked"  # its QR code matched the file (recorded in the store)
    MISMATCH = "mismatch"  # a QR code scanned here did not match (this session)
    OPEN = "open"  # not scanned yet


def list_check_words(state: str) -> tuple[str, QColor]:
    if state == ListCheck.CHECKED:
        return tr("✓ 清单与文件一致"), GREEN
    if state == ListCheck.MISMATCH:
        return tr("✗ 清单与文件不一致"), RED
    return tr("○ 未核对"), GREY


class CityBatchModel(QAbstractTableModel):
    """批次号 · 区受理点 · 封批时间 · 应到 · 已到 · 未到 · 清单外 · 移交清单.

    Newest import first."""

    HEADERS = ("批次号", "区受理点", "封批时间", "应到", "已到", "未到", "清单外", "移交清单")
    NUMBERS = (3, 4, 5, 6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CityBatchInfo] = []
        self._mismatched: set[str] = set()

    # -------------------------------------------------------------- data
    def set_batches(self, batches: list[CityBatchInfo]) -> None:
        self.beginResetModel()
        self._rows = sorted(batches, key=lambda b: b.imported_at, reverse=True)
        self.endResetModel()

    def update_batch(self, info: CityBatchInfo) -> int:
        """Replace one row (or add the batch on top); return its row."""
        row = self.row_of(info.batch_no)
        if row is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, info)
            self.endInsertRows()
            return 0
        self._rows[row] = info
        self._row_changed(row)
        return row

    def set_mismatch(self, batch_no: str, mismatch: bool) -> None:
        if mismatch:
            self._mismatched.add(batch_no)
        else:
            self._mismatched.discard(batch_no)
        row = self.row_of(batch_no)
        if row is not None:
            self._row_changed(row)

    def list_state(self, info: CityBatchInfo) -> str:
        if info.batch_no in self._mismatched:
            return ListCheck.MISMATCH
        return ListCheck.CHECKED if info.list_checked else ListCheck.OPEN

    def row_of(self, batch_no: str) -> int | None:
        for row, info in enumerate(self._rows):
            if info.batch_no == batch_no:
                return row
        return None

    def batch_at(self, row: int) -> CityBatchInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def batch(self, batch_no: str) -> CityBatchInfo | None:
        row = self.row_of(batch_no)
        return None if row is None else self._rows[row]

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # --------------------------------------------------------- the model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMBERS:
                return RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        info, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5 and info.missing > 0:
                return AMBER
            if column == 6 and info.unexpected > 0:
                return RED
            if column == 7:
                return list_check_words(self.list_state(info))[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("防改动校验码 {sha}\n导入于 {at:%Y-%m-%d %H:%M}").format(
                sha=info.sha256, at=info.imported_at)
        return None

    def _text(self, info: CityBatchInfo, column: int) -> str:
        if column == 0:
            return info.batch_no
        if column == 1:
            return info.point_name
        if column == 2:
            return f"{info.closed_at:%Y-%m-%d %H:%M}"
        if column == 7:
            return list_check_words(self.list_state(info))[0]
        return str((info.expected, info.received, info.missing, info.unexpected)[column - 3])


# ------------------------------------------------------------------ packets
@dataclass
class PacketLine:
    code: str
    packet: CityPacket | None  # None: scanned, but in no imported list (清单外)

    @property
    def received(self) -> bool:
        return self.packet is not None and self.packet.checked_in_at is not None

    @property
    def unexpected(self) -> bool:
        return self.packet is None


class CityPacketModel(QAbstractTableModel):
    """状态 · 封面编码 · 姓名 · 证件号码 (masked) · 单位 · 材料, in the list's order,
    then the codes scanned that no list names."""

    HEADERS = ("状态", "封面编码", "姓名", "证件号码", "单位", "材料")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[PacketLine] = []
        self._rows: dict[str, int] = {}
        self.item_names: dict[str, str] = {}  # item code → short name (评审表 …)

    def set_report(self, report: CityBatchReport | None) -> None:
        self.beginResetModel()
        if report is None:
            self._lines = []
        else:
            listed = sorted((*report.received, *report.missing), key=lambda p: p.code)
            self._lines = [PacketLine(p.code, p) for p in listed]
            self._lines += [PacketLine(code, None) for code in report.unexpected]
        self._rows = {line.code: row for row, line in enumerate(self._lines)}
        self.endResetModel()

    def update_packet(self, packet: CityPacket) -> int | None:
        """One listed packet's row, fresh after a check-in or its undo."""
        row = self._rows.get(packet.code)
        if row is None:
            return None
        self._lines[row] = PacketLine(packet.code, packet)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return row

    def add_unexpected(self, code: str) -> int:
        row = self._rows.get(code)
        if row is not None:
            return row
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(PacketLine(code, None))
        self._rows[code] = row
        self.endInsertRows()
        return row

    def remove_unexpected(self, code: str) -> None:
        row = self._rows.get(code)
        if row is None or not self._lines[row].unexpected:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self._rows = {line.code: r for r, line in enumerate(self._lines)}
        self.endRemoveRows()

    def row_of(self, code: str) -> int | None:
        return self._rows.get(code)

    def line_at(self, row: int) -> PacketLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def lines(self) -> list[PacketLine]:
        return list(self._lines)

    # --------------------------------------------------------- the model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return GREEN if line.received else RED if line.unexpected else AMBER
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        return None

    def _text(self, line: PacketLine, column: int) -> str:
        packet = line.packet
        if column == 0:
            return status_words(line)
        if column == 1:
            return line.code
        if packet is None:  # only its code is known
            if column == 4:
                return tr("不在任何已导入的移交清单中")
            return "—" if column in (2, 3) else ""
        if column == 2:
            return packet.name
        if column == 3:
            return mask_id(packet.id_number)
        if column == 4:
            return packet.unit
        return "　".join(f"{self.item_names.get(code, code)} {n}"
                        for code, n in packet.items.items() if n)

    def _tooltip(self, line: PacketLine, column: int) -> str | None:
        packet = line.packet
        if packet is None:
            return tr("清单外：请单独存放，并与区受理点核实。")
        if column == 0 and packet.checked_in_at is not None:
            return tr("{at:%Y-%m-%d %H:%M:%S} 由 {who} 签收").format(
                at=packet.checked_in_at, who=packet.checked_in_by)
        if column in (4, 5):
            return self._text(line, column)
        return None


def status_words(line: PacketLine) -> str:
    """Text and a shape, never colour alone."""
    if line.unexpected:
        return tr("✗ 清单外")
    assert line.packet is not None
    at = line.packet.checked_in_at
    return tr("✓ 已签收 {at:%m-%d %H:%M}").format(at=at) if at else tr("○ 未到")


class IssuesFilter(QSortFilterProxyModel):
    """只看差异: only the packets not (yet) received and the ones no list names."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._issues_only = False

    def set_issues_only(self, on: bool) -> None:
        if on != self._issues_only:
            self.beginFilterChange()
            self._issues_only = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def issues_only(self) -> bool:
        return self._issues_only

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._issues_only:
            return True
        model = self.sourceModel()
        line = model.line_at(source_row) if isinstance(model, CityPacketModel) else None
        return line is None or not line.received
