"""Windows fit the screen they open on (issue #10, H4).

Office screens are often 1366×768 or 1024×768 with a taskbar: a dialog laid out
for 1440×900 would open with its buttons below the screen edge. `fit_rect` is
the pure geometry; `ScreenFit`, installed once on the application, applies it
to every dialog as it is shown (size clamped to the screen less its taskbar;
Qt then centres it inside), so no dialog module needs to know about it. Forms
whose content can be tall put it in a `FitScrollArea`: the dialog shrinks, the
form scrolls, the buttons stay on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget

# Before the first show the window manager's frame is unknown: reserve a title
# bar and thin borders (Windows 10/11 and the usual X11 themes are about this).
DEFAULT_FRAME = QMargins(4, 32, 4, 4)
MIN_SCROLL_HEIGHT = 120  # a scrolled form still shows a few fields at once


def fit_rect(size: QSize, minimum: QSize, available: QRect, frame: QMargins = DEFAULT_FRAME,
             at: QRect | None = None) -> QRect:
    """The client rectangle for a window of `size` (never below `minimum`) inside
    `available` with its `frame`; placed where `at` is when that fits, else moved
    just inside (centred on `available` without `at`)."""
    room = available.marginsRemoved(frame)
    width = max(min(size.width(), room.width()), minimum.width())
    height = max(min(size.height(), room.height()), minimum.height())
    if at is None:
        x = room.x() + (room.width() - width) // 2
        y = room.y() + (room.height() - height) // 2
    else:
        x, y = at.x(), at.y()
    # Inside the room; when the window is larger anyway, its top-left stays visible
    # (the title bar to move it by, and the first fields).
    x = max(min(x, room.right() + 1 - width), room.x())
    y = max(min(y, room.bottom() + 1 - height), room.y())
    return QRect(x, y, width, height)


def frame_of(widget: QWidget) -> QMargins:
    """The window frame's margins once known, else DEFAULT_FRAME."""
    outer, inner = widget.frameGeometry(), widget.geometry()
    if outer == inner:
        return DEFAULT_FRAME
    return QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                    outer.right() - inner.right(), outer.bottom() - inner.bottom())


def available_for(widget: QWidget) -> QRect:
    """The usable part (without taskbar) of the screen the window opens on."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen() \
        or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 728)


def fit_to_screen(widget: QWidget, available: QRect | None = None, *,
                  move: bool = True) -> QRect:
    """Resize and (with `move`) move the top-level `widget` into `available`
    (default: its screen's available geometry); returns the client rectangle
    it gets."""
    frame = frame_of(widget)
    room = available if available is not None else available_for(widget)
    size = widget.size()
    fits = size.boundedTo(room.marginsRemoved(frame).size()) == size
    # A window that had to shrink is centred again; one that fits only moves in.
    rect = fit_rect(size, widget.minimumSizeHint().expandedTo(widget.minimumSize()),
                    room, frame, widget.geometry() if fits else None)
    if rect.size() != widget.size():
        widget.resize(rect.size())
    if move and rect.topLeft() != widget.geometry().topLeft():
        # move() places the frame, not the client area.
        widget.move(rect.x() - frame.left(), rect.y() - frame.top())
    return rect


class ScreenFit(QObject):
    """Application event filter: every dialog is fitted to its screen when shown.

    The filter sees the Show event before QDialog.showEvent, which centres a
    dialog nobody placed over its parent, kept inside the screen: such a dialog
    is only resized here (moving it would stop that centring).
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) \
                and watched.isWindow():
            placed = watched.testAttribute(Qt.WidgetAttribute.WA_Moved)
            screen = watched.screen() if placed else None  # where it was put, not its parent's
            fit_to_screen(watched, screen.availableGeometry() if screen is not None else None,
                          move=placed)
        return False


def install(app: QApplication) -> ScreenFit:
    """Fit every dialog of `app` from now on (kept alive as the app's child)."""
    fitter = ScreenFit(app)
    app.installEventFilter(fitter)
    return fitter


class FitScrollArea(QScrollArea):
    """A scroll area that asks for its whole content (QScrollArea caps its size
    hint at 24 lines): a dialog built on it opens whole where the screen has
    room, and scrolls inside only where it has not (ScreenFit shrinks it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the keys
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        # QScrollArea paints its content grey; the form sits on the dialog's own colour.
        widget.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The field that gets the keys (Tab, or Enter to the next) is scrolled into view."""
        inner = self.widget()
        if new is not None and inner is not None and inner.isAncestorOf(new):
            self.ensureWidgetVisible(new)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()  # room for it when it shows
        hint = inner.sizeHint()
        return QSize(hint.width() + frame + bar, hint.height() + frame)

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().minimumSizeHint()
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        # As narrow as the content allows (no sideways scrolling), a few lines tall.
        return QSize(inner.minimumSizeHint().width() + frame + bar,
                     min(inner.minimumSizeHint().height(), MIN_SCROLL_HEIGHT) + frame)
