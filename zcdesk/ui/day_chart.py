"""Copies accepted per day as bars, painted with QPainter (no QtCharts: the bundle drops it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from zcdesk.ui.i18n import tr

BAR = QColor("#1e88e5")
AXIS = QColor("#90a4ae")
TEXT = QColor("#37474f")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 12, 16, 40
MAX_BAR = 40.0


class DayChart(QWidget):
    """A bar per day; the value above the bar, the date (MM-DD) below every few bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[tuple[dt.date, int]] = []
        self.setMinimumHeight(200)

    def set_days(self, days: Sequence[tuple[dt.date, int]]) -> None:
        self._days = sorted(days)
        self.setToolTip("\n".join(f"{d.isoformat()}　{n}" for d, n in self._days[-31:]))
        self.update()

    def days(self) -> list[tuple[dt.date, int]]:
        return list(self._days)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        plot = QRectF(MARGIN_LEFT, MARGIN_TOP, max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM))
        painter.setPen(TEXT)
        if not self._days:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("还没有收件记录"))
            return
        top = max(n for _, n in self._days) or 1
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.setPen(TEXT)
        painter.drawText(QRectF(0, plot.top() - 8, MARGIN_LEFT - 6, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(top))
        painter.drawText(QRectF(0, plot.bottom() - 8, MARGIN_LEFT - 6, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "0")
        count = len(self._days)
        slot = plot.width() / count
        width = min(MAX_BAR, max(2.0, slot * 0.7))  # one day is a bar, not a wall
        label_every = max(1, int(60 // max(slot, 1)) + 1)  # dates need about 60 px
        metrics = painter.fontMetrics()
        for index, (day, value) in enumerate(self._days):
            height = plot.height() * value / top
            x = plot.left() + index * slot + (slot - width) / 2
            painter.fillRect(QRectF(x, plot.bottom() - height, width, height), BAR)
            if slot >= metrics.horizontalAdvance(str(value)) + 2:
                painter.drawText(QRectF(x - 10, plot.bottom() - height - 16, width + 20, 14),
                                 Qt.AlignmentFlag.AlignCenter, str(value))
            if index % label_every == 0:
                painter.drawText(QRectF(x - 24, plot.bottom() + 4, width + 48, 16),
                                 Qt.AlignmentFlag.AlignCenter, day.strftime("%m-%d"))
        painter.drawText(QRectF(plot.left(), plot.bottom() + 20, plot.width(), 16),
                         Qt.AlignmentFlag.AlignCenter, tr("每日收件份数"))
