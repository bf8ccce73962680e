"""The scanner's keystrokes reach the scan field, wherever the mouse clicked last.

A keyboard-wedge scanner types like a very fast keyboard: a burst of characters
ended by Enter (or Tab). Two things keep such a burst from landing elsewhere:

- In the counter window only the scan field and the filter field take the
  keyboard (`keep_scan_focus`): the list, the packet panel and the visit bar
  have no focus and so no type-ahead of their own (issue #10, H1).
- `ScanGuard`, an application-wide event filter, recognises a burst typed into
  any other widget: at least BURST_CHARS characters, each BURST_CHARS in less
  than BURST_MS, ended by Enter. It puts the widget's text back as it was, and
  swallows the Enter (which would have pressed a dialog's default button). In the
  counter window the scan goes to the scan field; in a dialog that is not meant
  to take scans it is refused with the error sound and 请先完成或关闭此窗口.

Widgets meant for scans (named in SCAN_FIELD_NAMES, or carrying the property
SCAN_TARGET) are left alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from zcdesk.ui.feedback import set_level
from zcdesk.ui.i18n import tr

BURST_CHARS = 8  # a scanned code is at least this long (receipt numbers, ID numbers)
BURST_MS = 100  # 8 keys in < 100 ms: no person types that fast
GAP_MS = 60  # a longer pause ends a run of keys
SCAN_TARGET = "zcdeskScanTarget"  # widget property: scans belong here
# The fields made for scans: the counter's and the city desk's scan field, the
# code field of the batch and return desks.
SCAN_FIELD_NAMES = frozenset({"scanEdit", "codeEdit"})
REFUSED = "请先完成或关闭此窗口，再扫描。"
NOTE_MS = 4000
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt,
                           Qt.Key.Key_Meta, Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock})


def mark_scan_target(widget: QWidget) -> None:
    widget.setProperty(SCAN_TARGET, True)


def keep_scan_focus(root: QWidget, keep: tuple[QWidget, ...]) -> None:
    """Every widget under `root` except `keep` (and their children) gets no
    keyboard focus: a click there leaves the keys with the scan field."""
    kept = set(keep)
    for widget in root.findChildren(QWidget):
        if widget in kept or any(widget.isAncestorOf(k) or k.isAncestorOf(widget)
                                 for k in kept):
            continue
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if isinstance(widget, QAbstractItemView):
            # No type-ahead even if the focus ever got there: PySide routes Qt's own
            # virtual call to keyboardSearch through the instance attribute
            # (tests/test_gui_scan_safety.py sends the key event to prove it).
            widget.keyboardSearch = lambda _text: None  # type: ignore[method-assign]
        if isinstance(widget, QLabel):
            flags = widget.textInteractionFlags()
            if flags & Qt.TextInteractionFlag.TextSelectableByKeyboard:
                widget.setTextInteractionFlags(
                    flags & ~Qt.TextInteractionFlag.TextSelectableByKeyboard)


@dataclass
class _Run:
    """The keys typed into one widget without a pause, and its state before them."""

    widget: QWidget
    before: object
    times: list[float] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def is_burst(self, now: float) -> bool:
        if len(self.times) < BURST_CHARS or (now - self.times[-1]) * 1000 > GAP_MS:
            return False
        spans = (self.times[i + BURST_CHARS - 1] - self.times[i]
                 for i in range(len(self.times) - BURST_CHARS + 1))
        return all(span * 1000 < BURST_MS for span in spans)


def _snapshot(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QAbstractItemView):  # its type-ahead moves the current row
        return widget.currentIndex()
    return None


def _restore(widget: QWidget, before: object) -> None:
    """Put back what the widget held before the burst (a type-ahead moved a combo too)."""
    if isinstance(widget, QLineEdit) and isinstance(before, str):
        widget.setText(before)
    elif isinstance(widget, QComboBox) and isinstance(before, tuple):
        index, text = before
        widget.setCurrentIndex(index)
        if widget.isEditable():
            widget.setEditText(text)
    elif isinstance(widget, QAbstractSpinBox) and isinstance(before, str):
        line = widget.findChild(QLineEdit)
        if line is not None:
            line.setText(before)
    elif isinstance(widget, QPlainTextEdit | QTextEdit) and isinstance(before, str):
        widget.setPlainText(before)
    elif isinstance(widget, QAbstractItemView) and isinstance(before, QPersistentModelIndex
                                                              | QModelIndex):
        widget.setCurrentIndex(QModelIndex(before))


def _scan_owner(widget: QWidget) -> QWidget | None:
    """The widget itself, or the spin box / combo box a line edit belongs to."""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
        return parent
    return widget


class ScanGuard(QObject):
    """Installed on the QApplication by the counter window."""

    def __init__(self, main_window: QWidget, to_scan_field: Callable[[str], None],
                 error_sound: Callable[[], None], *,
                 tab_ends_scan: Callable[[], bool] = lambda: True,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(main_window)
        self._window = main_window
        self._to_scan_field = to_scan_field
        self._error_sound = error_sound
        self._tab_ends_scan = tab_ends_scan
        self._clock = clock
        self._run: _Run | None = None
        self.refused = 0  # bursts refused in dialogs (tests, diagnostics)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        # A key event travels from the focus widget up to its parents; count it once.
        if focus is None or watched is not focus or event.isAutoRepeat():
            return False
        if focus.objectName() in SCAN_FIELD_NAMES or focus.property(SCAN_TARGET):
            self._run = None
            return False
        key = event.key()
        if key in MODIFIER_KEYS:
            # A wedge scanner presses Shift itself before each capital (SC-…, X):
            # a modifier alone neither types nor ends the run.
            return False
        now = self._clock()
        ends = key in ENTER_KEYS or (key == Qt.Key.Key_Tab and self._tab_ends_scan())
        if ends:
            run, self._run = self._run, None
            if run is not None and run.widget is focus and run.is_burst(now):
                self._divert(run)
                return True
            return False
        text = event.text()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                     | Qt.KeyboardModifier.KeypadModifier)
        if not text or not text.isprintable() or mods != Qt.KeyboardModifier.NoModifier:
            self._run = None
            return False
        run = self._run
        if run is None or run.widget is not focus \
                or (now - run.times[-1]) * 1000 > GAP_MS:
            owner = _scan_owner(focus) or focus
            run = self._run = _Run(focus, _snapshot(owner))
        run.times.append(now)
        run.text.append(text)
        return False

    def _divert(self, run: _Run) -> None:
        """A burst that landed outside a scan field: undo it, then send or refuse it."""
        widget = run.widget
        owner = _scan_owner(widget) or widget
        _restore(owner, run.before)
        text = "".join(run.text)
        dialog = _dialog_of(widget)
        if dialog is None and self._window.isAncestorOf(widget):
            self._to_scan_field(text)
            return
        code = _code_field(dialog)
        if code is not None:  # a desk made for scans (批次, 回收与返还): its code field
            code.setFocus(Qt.FocusReason.OtherFocusReason)
            code.setText(text)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(code, QKeyEvent(kind, Qt.Key.Key_Return,
                                                       Qt.KeyboardModifier.NoModifier, "\r"))
            return
        self.refused += 1
        self._error_sound()
        show_refusal(dialog or widget.window())


def _code_field(dialog: QDialog | None) -> QLineEdit | None:
    """The dialog's own field for scans, when it has one that takes input now."""
    if dialog is None:
        return None
    for name in SCAN_FIELD_NAMES:
        field = dialog.findChild(QLineEdit, name)
        if field is not None and field.isEnabled() and field.isVisible():
            return field
    return None


def _dialog_of(widget: QWidget) -> QDialog | None:
    top = widget.window()
    return top if isinstance(top, QDialog) else None


def show_refusal(top: QWidget) -> None:
    """A red line across the top of the dialog for a few seconds: the scan was not taken."""
    note = top.findChild(QLabel, "scanRefusedNote")
    if note is None:
        note = QLabel(top)
        note.setObjectName("scanRefusedNote")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        set_level(note, "error")
        note.setStyleSheet("QLabel#scanRefusedNote { background: #ffebee; color: #c62828;"
                           " font-weight: bold; padding: 6px; border-bottom: 2px solid #c62828; }")
        timer = QTimer(note)
        timer.setSingleShot(True)
        timer.setInterval(NOTE_MS)
        timer.timeout.connect(note.hide)
        note.setProperty("hideTimer", timer)
    note.setText(tr(REFUSED))
    height = note.sizeHint().height() + 8
    # Along the top edge: the dialog's buttons, at the bottom, stay visible and usable.
    note.setGeometry(0, 0, top.width(), height)
    note.raise_()
    note.show()
    timer = note.property("hideTimer")
    if isinstance(timer, QTimer):
        timer.start()


def refusal_text(top: QWidget) -> str:
    """What the refusal line of a dialog says now ('' when hidden)."""
    note = top.findChild(QLabel, "scanRefusedNote")
    return note.text() if note is not None and note.isVisible() else ""

