"""Pick one of a list (a unit, a batch): type to narrow it, ↑↓ to move, Enter to take."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from zcdesk.ui.dialogs.common import ok_button, set_button_texts
from zcdesk.ui.forms.ui_pick_dialog import Ui_PickDialog
from zcdesk.ui.i18n import tr

KEY_ROLE = Qt.ItemDataRole.UserRole
SHORT_LIST = 8  # up to this many choices: no filter field, the list as tall as its rows


class PickDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str,
                 choices: Sequence[tuple[str, str]], current: str = "",
                 ok_text: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_PickDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        ui.promptLabel.setText(prompt)
        set_button_texts(ui.buttonBox, ok=ok_text or tr("确定"), cancel=tr("取消"))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ok_button(ui.buttonBox).setDefault(True)
        for key, text in choices:
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, key)
            item.setToolTip(text)
            ui.choiceList.addItem(item)
        ui.choiceList.itemDoubleClicked.connect(lambda _item: self.accept())
        ui.filterEdit.textChanged.connect(self._filter)
        ui.filterEdit.installEventFilter(self)
        short = len(choices) <= SHORT_LIST
        ui.filterEdit.setVisible(not short)  # a short list needs no filter
        if short:  # and no empty space below it
            listing = ui.choiceList
            row = max(listing.sizeHintForRow(0), listing.fontMetrics().height() + 10)
            listing.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setFixedHeight(max(len(choices), 1) * row + 2 * listing.frameWidth() + 6)
            ui.hintLabel.setText(tr("↑↓ 选择 · Enter 确定 · Esc 取消"))
            self.resize(self.width(), self.minimumSizeHint().height())
        self._select(next((r for r in range(ui.choiceList.count())
                           if ui.choiceList.item(r).data(KEY_ROLE) == current), 0))
        self._update_ok()
        (ui.filterEdit if ui.filterEdit.isVisible() else ui.choiceList).setFocus()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        listing = self.ui.choiceList
        first = -1
        for row in range(listing.count()):
            item = listing.item(row)
            hidden = bool(needle) and needle not in item.text().lower()
            item.setHidden(hidden)
            if not hidden and first < 0:
                first = row
        current = listing.currentItem()
        if current is None or current.isHidden():
            self._select(first)
        self._update_ok()

    def _select(self, row: int) -> None:
        listing = self.ui.choiceList
        if 0 <= row < listing.count():
            listing.setCurrentRow(row)
            listing.scrollToItem(listing.item(row))
        else:
            listing.setCurrentRow(-1)

    def _update_ok(self) -> None:
        item = self.ui.choiceList.currentItem()
        ok_button(self.ui.buttonBox).setEnabled(item is not None and not item.isHidden())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↑↓ in the filter field move the selection in the list."""
        if watched is self.ui.filterEdit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._move(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        listing = self.ui.choiceList
        visible = [r for r in range(listing.count()) if not listing.item(r).isHidden()]
        if not visible:
            return
        row = listing.currentRow()
        position = visible.index(row) if row in visible else -1
        self._select(visible[max(0, min(len(visible) - 1, position + step))])

    def chosen(self) -> str | None:
        item = self.ui.choiceList.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(KEY_ROLE))


def launch(parent: QWidget | None, title: str, prompt: str,
           choices: Sequence[tuple[str, str]], *, current: str = "",
           ok_text: str = "") -> str | None:
    """`choices`: (key, text) pairs; returns the chosen key, or None (Esc)."""
    dialog = PickDialog(parent, title, prompt, choices, current, ok_text)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
