"""Small helpers the dialogs share: button texts, read-only tables, Enter to advance."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from zcdesk.ui import store_errors as errors
from zcdesk.ui.feedback import set_level

if TYPE_CHECKING:
    from zcdesk.ui.main_window import MainWindow

T = TypeVar("T")

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


def release_enter(dialog: QDialog) -> None:
    """No button of the dialog takes Enter (it belongs to a field)."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def open_modal(dialog: QDialog, value: Callable[[], T | None],
               on_done: Callable[[T | None], None]) -> None:
    """Open application-modal without a nested loop; `on_done` gets `value()` when
    accepted, else None, once the dialog has finished."""
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)

    def finished(result: int) -> None:
        outcome = value() if result == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        on_done(outcome)

    dialog.finished.connect(finished)
    dialog.open()


class MessageLine:
    """show_message / message_text on the dialog's ui.messageLabel (mixed in
    before QDialog)."""

    ui: Any

    def show_message(self, text: str, level: str = "ok") -> None:
        set_level(self.ui.messageLabel, level)
        self.ui.messageLabel.setText(text)

    def message_text(self) -> str:
        return self.ui.messageLabel.text()


class ScanDesk(MessageLine):
    """A flow dialog with a code field (ui.codeEdit) that scans go into: the
    message line also sounds, every store refusal is shown there and the tables
    re-read (`reread`), and after each button the focus is back in the code field."""

    window: MainWindow
    fallback_focus: QWidget | None = None  # when the code field is disabled

    def show_message(self, text: str, level: str = "ok") -> None:
        super().show_message(text, level)
        if level == "error":
            self.window.feedback.error()
        elif level == "ok":
            self.window.feedback.ok()

    def reread(self) -> None:
        raise NotImplementedError

    def _run(self, action: Callable[[], object]) -> bool:
        """Run a store action; a refusal is shown and the tables stay as the store has them."""
        try:
            action()
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            with contextlib.suppress(errors.StoreError):
                self.reread()
            return False
        return True

    def _then_code(self, action: Callable[[], object]) -> None:
        """A button's action, then the focus back where the next scan goes."""
        try:
            action()
        finally:
            self.focus_code()

    def focus_code(self) -> None:
        code = self.ui.codeEdit
        target = code if code.isEnabled() or self.fallback_focus is None else self.fallback_focus
        target.setFocus(Qt.FocusReason.OtherFocusReason)


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
        self._popups: dict[QObject, int] = {}  # completer popups, by their field's position
        for position, field in enumerate(self._fields):
            self._watch(field, position)
            if isinstance(field, QComboBox) and field.lineEdit() is not None:
                self._watch(field.lineEdit(), position)
            completer = field.completer() if isinstance(field, QLineEdit) else None
            if completer is not None:
                completer.popup().installEventFilter(self)
                self._popups[completer.popup()] = position

    def _watch(self, widget: QObject, position: int) -> None:
        widget.installEventFilter(self)
        self._watched[widget] = position

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in ENTER_KEYS:
            return False
        if watched in self._popups:
            # Enter on a suggestion: the completer takes it into the field (this
            # filter runs first), then the dialog moves on as Enter in the field does.
            position = self._popups[watched]
            QTimer.singleShot(0, self, lambda: self._advance(position, ctrl=False))
            return False
        if watched not in self._watched:
            return False
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        self._advance(self._watched[watched], ctrl=ctrl)
        return True

    def _advance(self, position: int, *, ctrl: bool) -> None:
        if ctrl or position == len(self._fields) - 1:
            if self._ok.isEnabled():
                self._ok.click()
            return
        self._fields[position + 1].setFocus(Qt.FocusReason.TabFocusReason)
