"""The visit bar: receipt number, who hands in, and this visit's packets so far."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.records import PacketView, VisitInfo
from zcdesk.ui.i18n import tr
from zcdesk.ui.packet_model import STATUS_COLOURS


def visitor_words(visit: VisitInfo) -> str:
    parts = [visit.visitor_unit, visit.visitor_name, visit.visitor_phone]
    return " · ".join(p for p in parts if p) or tr("递交人未登记")


class VisitBar:
    """Drives the visit-bar widgets of the main window's form."""

    def __init__(self, receipt: QLabel, visitor: QLabel, packets: QListWidget) -> None:
        self._receipt = receipt
        self._visitor = visitor
        self._packets = packets
        self._items: dict[int, QListWidgetItem] = {}
        packets.setFlow(QListView.Flow.LeftToRight)
        packets.setWrapping(False)
        packets.setUniformItemSizes(False)
        self.set_visit(None)

    def set_visit(self, visit: VisitInfo | None, packets: tuple[PacketView, ...] = ()) -> None:
        self._packets.clear()
        self._items.clear()
        if visit is None:
            self._receipt.setText(tr("未开始"))
            self._visitor.setText(tr("按 F2 新建收件，登记递交人"))
            return
        self._receipt.setText(visit.receipt_no)
        self._visitor.setText(visitor_words(visit))
        for packet in packets:
            self.show_packet(packet)

    def show_packet(self, packet: PacketView, *, add: bool = True) -> None:
        """Add the packet to the running list, or refresh its status there."""
        item = self._items.get(packet.packet_id)
        if item is None:
            if not add:
                return
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, packet.packet_id)
            self._packets.addItem(item)
            self._items[packet.packet_id] = item
        status: PacketStatus = packet.status
        item.setText(f"{status.symbol} {packet.applicant.name} {tr(status.label)}")
        item.setToolTip(f"{packet.applicant.name}：{packet.state.missing_text()}")
        item.setForeground(QBrush(QColor(STATUS_COLOURS.get(status.value, "#212121"))))
        self._packets.scrollToItem(item)

    def texts(self) -> list[str]:
        return [self._packets.item(i).text() for i in range(self._packets.count())]
