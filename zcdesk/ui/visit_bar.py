"""The visit bar: receipt number, who hands in, and this visit's packets so far."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.records import PacketView, VisitInfo
from zcdesk.ui.i18n import tr
from zcdesk.ui.packet_model import STATUS_COLOURS

VISITOR_MAX_WIDTH = 300  # px of the visit bar for who hands in


def visitor_words(visit: VisitInfo, metrics: QFontMetrics | None = None) -> str:
    """Unit · name · phone; with `metrics`, a long unit name is cut ("杭州海康威视…")
    so the line fits VISITOR_MAX_WIDTH and the packets keep their room (1024 wide)."""
    rest = " · ".join(p for p in (visit.visitor_name, visit.visitor_phone) if p)
    unit = visit.visitor_unit
    if metrics is not None and unit:
        room = VISITOR_MAX_WIDTH - (metrics.horizontalAdvance(" · " + rest) if rest else 0)
        unit = metrics.elidedText(unit, Qt.TextElideMode.ElideRight, max(room, 80))
    return " · ".join(p for p in (unit, rest) if p) or tr("递交人未登记")


class VisitBar(QObject):
    """Drives the visit-bar widgets of the main window's form.

    One chip per packet while they fit on the line; when they do not (a unit
    bringing 8 packets on a 1024-wide screen) a single chip sums them up,
    "本次 8 袋：● 3 齐全 …", with every packet in its tooltip: never a scroll bar.
    """

    def __init__(self, receipt: QLabel, visitor: QLabel, packets: QListWidget) -> None:
        super().__init__(packets)
        self._receipt = receipt
        self._visitor = visitor
        self._packets = packets
        self._items: dict[int, QListWidgetItem] = {}
        self._status: dict[int, PacketStatus] = {}
        self._summary: QListWidgetItem | None = None
        packets.setFlow(QListView.Flow.LeftToRight)
        packets.setWrapping(False)
        packets.setUniformItemSizes(False)
        packets.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        packets.installEventFilter(self)  # a resize may make them fit again, or not
        self.set_visit(None)

    def set_visit(self, visit: VisitInfo | None, packets: tuple[PacketView, ...] = ()) -> None:
        self._packets.clear()
        self._items.clear()
        self._status.clear()
        self._summary = None
        if visit is None:
            self._receipt.setText(tr("未开始"))
            self._visitor.setText(tr("按 F2 新建收件，登记递交人"))
            self._visitor.setToolTip("")
            return
        self._receipt.setText(visit.receipt_no)
        words = visitor_words(visit)
        self._visitor.setText(visitor_words(visit, self._visitor.fontMetrics()))
        self._visitor.setToolTip(words)
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
            row = self._packets.row(self._summary) if self._summary is not None \
                else self._packets.count()
            self._packets.insertItem(row, item)  # the summary chip stays last
            self._items[packet.packet_id] = item
        status: PacketStatus = packet.status
        self._status[packet.packet_id] = status
        item.setText(f"{status.symbol} {packet.applicant.name} {tr(status.label)}")
        item.setToolTip(f"{packet.applicant.name}：{packet.state.missing_text()}")
        item.setForeground(QBrush(QColor(STATUS_COLOURS.get(status.value, "#212121"))))
        self._fit()

    def texts(self) -> list[str]:
        """Each packet's chip text, in the order they came (summarised or not)."""
        return [item.text() for item in self._items.values()]

    def summary_text(self) -> str:
        """The summary chip's text; empty while every packet has its own chip."""
        summary = self._summary
        return summary.text() if summary is not None and not summary.isHidden() else ""

    # ------------------------------------------------------------- fitting
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._packets and event.type() == QEvent.Type.Resize and self._items:
            self._fit()
        return False

    def _fit(self) -> None:
        """One chip per packet when they all fit, else the summary chip alone."""
        packets = self._packets
        for item in self._items.values():
            item.setHidden(False)
        if self._summary is not None:
            self._summary.setHidden(True)
        packets.doItemsLayout()
        room = packets.viewport().width()
        right = max((packets.visualItemRect(i).right() for i in self._items.values()),
                    default=0)
        if right < room:
            return
        for item in self._items.values():
            item.setHidden(True)
        summary = self._summary_item()
        counts = Counter(self._status.values())
        parts = [f"{s.symbol} {counts[s]} {tr(s.label)}"
                 for s in (PacketStatus.COMPLETE, PacketStatus.PARTIAL, PacketStatus.NONE)
                 if counts[s]]
        summary.setText(tr("本次 {n} 袋：{parts}").format(n=len(self._items),
                                                       parts=" · ".join(parts)))
        summary.setToolTip("\n".join(f"{item.text()}　{item.toolTip()}"
                                     for item in self._items.values()))
        summary.setHidden(False)

    def _summary_item(self) -> QListWidgetItem:
        if self._summary is None:
            self._summary = QListWidgetItem()
            self._summary.setForeground(QBrush(QColor("#37474f")))
            self._packets.addItem(self._summary)
        return self._summary
