"""A status-bar label that ends in "…" when the bar is too narrow for it.

At 1024 px the status bar holds the counts, the round's next deadline, the backup
note, the operator and the desk; Qt squeezes a plain QLabel by cutting its text mid-
character ("纸质材料报送市l"). This one draws as much as fits followed by "…"; its
text() stays whole for the tooltip-less reader and the tests.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.short = ""  # said instead when the whole text does not fit

    def set_texts(self, text: str, short: str = "") -> None:
        super().setText(text)
        self.short = short
        self.update()

    def setText(self, text: str) -> None:  # Qt's name
        self.short = ""  # a text without a short form
        super().setText(text)

    def minimumSizeHint(self) -> QSize:
        # As narrow as the layout asks (down to setMinimumWidth): the text elides.
        hint = super().minimumSizeHint()
        return QSize(self.minimumWidth(), hint.height())

    def shown_text(self) -> str:
        """What is drawn at the label's width: the text, else its short form, ended
        in "…" if even that does not fit."""
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        text = self.text()
        if self.short and metrics.horizontalAdvance(text) > width:
            text = self.short
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(self.contentsRect(),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())
