"""Small helpers the dialogs share: button texts, read-only tables, Enter to advance."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def ok_button(box: QDialogButtonBox) -> QPushButton:
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def set_button_texts(box: QDialogButtonBox, ok: str | None = None,
                     cancel: str | None = None, close: str | None = None) -> None:
    for which, text in ((QDialogButtonBox.StandardButton.Ok, ok),
                        (QDialogButtonBox.StandardButton.Cancel, cancel),
                        (QDialogButtonBox.StandardButton.Close, close)):
        button = box.button(which)
        if button is not None and text:
            button.setText(text)


def fill_table(table: QTableWidget, headers: Sequence[str],
               rows: Sequence[Sequence[str]],
               colours: Sequence[Sequence[str | None]] | None = None) -> None:
    """A read-only table of strings; `colours` optionally gives a text colour per cell."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            colour = colours[r][c] if colours else None
            if colour:
                item.setForeground(QColor(colour))
            table.setItem(r, c, item)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if rows:
        table.selectRow(0)


def append_rows(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Rows added below a table fill_table made (the rows above left as they are)."""
    start = table.rowCount()
    table.setRowCount(start + len(rows))
    for r, row in enumerate(rows, start=start):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


class EnterAdvances(QObject):
    """Enter moves to the next field; on the last field it accepts; Ctrl+Enter accepts.

    "Accept" clicks the OK button, so a dialog that disables OK while its input
    is invalid cannot be accepted with the keyboard either.
    """

    def __init__(self, dialog: QDialog, fields: Sequence[QWidget], ok: QPushButton) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._fields = list(fields)
        self._ok = ok
        self._watched: dict[QObject, int] = {}
        for position, field in enumerate(self._fields):
            self._watch(field, position)
            if isinstance(field, QComboBox) and field.lineEdit() is not None:
                self._watch(field.lineEdit(), position)

    def _watch(self, widget: QObject, position: int) -> None:
        widget.installEventFilter(self)
        self._watched[widget] = position

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched not in self._watched:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in ENTER_KEYS:
            return False
        position = self._watched[watched]
        last = position == len(self._fields) - 1
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier or last:
            if self._ok.isEnabled():
                self._ok.click()
            return True
        self._fields[position + 1].setFocus(Qt.FocusReason.TabFocusReason)
        return True
