"""Office screens (issue #10, H4): the counter window at 1366×768 and 1024×768
less a 40 px taskbar, and every dialog on such a screen.

The offscreen platform has one fixed screen, so the window is resized to each
size and the dialogs are fitted with screen_fit against the given available
rectangle — the same code the running app applies to its real screen.
"""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui_support import make_window, open_visit, scan
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import Store
from zcdesk.store.demo import seed_demo
from zcdesk.ui.main_window import MainWindow
from zcdesk.ui.screen_fit import DEFAULT_FRAME, fit_rect, fit_to_screen, frame_of

TASKBAR = 40
SCREENS = {"1366x768": QSize(1366, 768), "1024x768": QSize(1024, 768)}


def available(screen: QSize) -> QRect:
    """The screen less a taskbar at the bottom."""
    return QRect(0, 0, screen.width(), screen.height() - TASKBAR)


def in_window(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def assert_laid_out(window: QWidget, widgets: Iterable[QWidget]) -> None:
    """Each widget visible, inside the window, at least its minimum height, and
    none overlapping another."""
    widgets = list(widgets)
    frame = window.rect()
    for widget in widgets:
        name = widget.objectName()
        assert widget.isVisibleTo(window), name
        rect = in_window(window, widget)
        assert frame.contains(rect), (name, rect, frame)
        assert widget.height() >= widget.minimumSizeHint().height() or \
            widget.minimumSizeHint().height() <= 0, (name, widget.height(),
                                                     widget.minimumSizeHint())
    for a, b in itertools.combinations(widgets, 2):
        if a.isAncestorOf(b) or b.isAncestorOf(a):
            continue
        overlap = in_window(window, a).intersected(in_window(window, b))
        assert overlap.isEmpty(), (a.objectName(), b.objectName(), overlap)


# ------------------------------------------------------------------ the window
@pytest.fixture
def demo(store: Store) -> Store:
    """The demo office's day: long qualification names, reasons, batches, decisions."""
    seed_demo(store, count=36)
    return store


def id_of(store: Store, status: str | None, stage: str | None = None) -> str:
    for row in store.packet_rows():
        packet = store.packet(row.packet_id)
        if status in (None, packet.status.value) and stage in (None, packet.stage.value):
            return packet.applicant.id_number
    raise AssertionError(f"no {status} packet at {stage}")


def window_at(qtbot: QtBot, store: Store, size: QSize) -> MainWindow:
    window = make_window(qtbot, store)
    window.resize(size.width(), size.height() - TASKBAR)
    qtbot.waitUntil(lambda: window.height() == size.height() - TASKBAR, timeout=2000)
    return window


def counter_widgets(window: MainWindow) -> list[QWidget]:
    ui, panel = window.ui, window.panel.ui
    return [ui.visitBar, ui.scanEdit, ui.scanMessage, ui.filterEdit, ui.statusCombo,
            ui.eligibilityCombo, ui.stageCombo, ui.unitCombo, ui.packetTable, ui.listCountLabel,
            panel.nameLabel, panel.idLabel, panel.statusLabel, panel.missingLabel,
            panel.detailsScroll, panel.checklistTable, panel.currentItemLabel]


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize(("status", "stage"), [("complete", "returned"), ("partial", None)])
def test_counter_fits_office_screens(qtbot: QtBot, demo: Store, screen: str, status: str,
                                     stage: str | None) -> None:
    window = window_at(qtbot, demo, SCREENS[screen])
    scan(qtbot, window, id_of(demo, status, stage))
    panel = window.panel
    assert panel.packet is not None
    qtbot.wait(10)  # the layout settles
    assert_laid_out(window, counter_widgets(window))
    assert window.statusBar().geometry().top() >= window.centralWidget().geometry().bottom()
    # The whole checklist shows, the current row among it, nothing scrolled away.
    table = panel.ui.checklistTable
    assert table.verticalScrollBar().maximum() == 0
    current = table.visualRect(table.currentIndex())
    assert table.viewport().rect().contains(current)
    assert panel.ui.currentItemLabel.text().startswith("当前材料")
    # The applicant block is whole at 1366, and for a packet still at the counter at
    # 1024; the longest (stage, decision, two long reasons) may scroll inside there.
    assert panel.ui.detailsScroll.height() >= 64
    if screen == "1366x768" or stage is None:
        assert panel.details_fully_shown()


@pytest.mark.parametrize("width", [1366, 1024])
def test_maximized_below_a_title_bar(qtbot: QtBot, demo: Store, width: int) -> None:
    """Maximized on Windows: 768 less the taskbar and a 30 px title bar."""
    window = make_window(qtbot, demo)
    window.resize(width, 768 - TASKBAR - 30)
    qtbot.waitUntil(lambda: window.height() == 768 - TASKBAR - 30, timeout=2000)
    scan(qtbot, window, id_of(demo, "complete", "returned"))  # the longest panel
    qtbot.wait(10)
    assert_laid_out(window, counter_widgets(window))
    table = window.panel.ui.checklistTable
    assert table.viewport().rect().contains(table.visualRect(table.currentIndex()))


def test_a_large_screen_keeps_every_part(qtbot: QtBot, demo: Store) -> None:
    window = make_window(qtbot, demo)  # 1440×900
    scan(qtbot, window, id_of(demo, "partial"))
    qtbot.wait(10)
    ui = window.panel.ui
    assert ui.keysLabel.isVisible() and ui.checklistCaption.isVisible()
    assert ui.recentPane.isVisible() and ui.recentList.height() >= 2 * 24
    assert window.panel.details_fully_shown()
    assert_laid_out(window, [*counter_widgets(window), ui.keysLabel, ui.recentPane])


@pytest.mark.parametrize("screen", SCREENS)
def test_four_item_checklist_shows_whole(qtbot: QtBot, demo: Store, screen: str) -> None:
    """A round may ask for more items: four rows, the current one the last."""
    from zcdesk.store import models as m

    with demo._write() as session:
        for order, (code, name) in enumerate((("degree", "学历学位证书复印件"),
                                               ("contract", "劳动合同复印件")), start=90):
            session.add(m.ChecklistItemRow(code=code, name=name, short_name=name[:4],
                                           scope="packet", copies_required=1,
                                           checks=["原件核对"], sort_order=order))
    demo._checklists.clear()
    window = window_at(qtbot, demo, SCREENS[screen])
    scan(qtbot, window, id_of(demo, None, "returned"))  # the longest panel
    panel = window.panel
    table = panel.ui.checklistTable
    assert panel.model.rowCount() == 4
    panel.select_row(3)
    qtbot.wait(10)
    assert_laid_out(window, counter_widgets(window))
    assert table.verticalScrollBar().maximum() == 0
    assert table.viewport().rect().contains(table.visualRect(table.currentIndex()))
    assert "劳动合同" in panel.ui.currentItemLabel.text()


@pytest.mark.parametrize("screen", SCREENS)
def test_status_bar_keeps_who_and_where(qtbot: QtBot, demo: Store, screen: str) -> None:
    window = window_at(qtbot, demo, SCREENS[screen])
    bar = window.statusBar()
    labels = [w for w in bar.findChildren(QLabel) if w.isVisibleTo(window) and w.text()]
    desk = next(w for w in labels if "操作员" in w.text())
    assert desk.width() >= desk.sizeHint().width()
    for label in labels:
        assert window.rect().contains(in_window(window, label)), label.text()


@pytest.mark.parametrize("screen", SCREENS)
def test_filter_bar_does_not_overlap(qtbot: QtBot, demo: Store, screen: str) -> None:
    window = window_at(qtbot, demo, SCREENS[screen])
    ui = window.ui
    bar = [ui.filterCaption, ui.filterEdit, ui.unitCaption, ui.unitCombo, ui.statusCaption,
           ui.statusCombo, ui.eligibilityCaption, ui.eligibilityCombo, ui.stageCaption,
           ui.stageCombo]
    assert_laid_out(window, bar)
    pane = in_window(window, ui.listPane)
    for widget in bar:
        assert pane.contains(in_window(window, widget)), widget.objectName()
    assert ui.filterEdit.width() >= 130
    # The panel keeps the larger share of a narrow window.
    assert window.panel.width() >= ui.listPane.width() * 0.8


def receive_in_visit(qtbot: QtBot, window: MainWindow, store: Store, count: int) -> None:
    """One copy received for each of `count` untouched packets: they join the visit."""
    untouched = [store.packet(r.packet_id) for r in store.packet_rows()]
    untouched = [p for p in untouched if p.status.value == "none"][:count]
    assert len(untouched) == count
    for packet in untouched:
        scan(qtbot, window, packet.applicant.id_number)
        scan(qtbot, window, "1")


def test_eight_packets_are_summed_up_not_scrolled(qtbot: QtBot, demo: Store,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_at(qtbot, demo, SCREENS["1024x768"])
    open_visit(monkeypatch, window)
    receive_in_visit(qtbot, window, demo, 8)
    bar = window.visit_bar
    strip = window.ui.visitPackets
    assert len(bar.texts()) == 8
    assert bar.summary_text().startswith("本次 8 袋：")
    assert not strip.horizontalScrollBar().isVisible()
    shown = [strip.item(i) for i in range(strip.count()) if not strip.item(i).isHidden()]
    assert len(shown) == 1 and all(t in shown[0].toolTip() for t in bar.texts())
    assert strip.viewport().rect().contains(strip.visualItemRect(shown[0]))
    # A wide window has room for the chips again.
    window.resize(1900, 728)
    qtbot.waitUntil(lambda: bar.summary_text() == "", timeout=2000)


def test_two_packets_keep_their_chips(qtbot: QtBot, demo: Store,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_at(qtbot, demo, SCREENS["1024x768"])
    open_visit(monkeypatch, window)
    receive_in_visit(qtbot, window, demo, 2)
    assert window.visit_bar.summary_text() == ""
    assert len(window.visit_bar.texts()) == 2


@pytest.mark.parametrize("screen", SCREENS)
def test_city_desk_fits(qtbot: QtBot, store: Store, screen: str) -> None:
    store.set_desk_point("CITY")
    window = window_at(qtbot, store, SCREENS[screen])
    central = window.centralWidget()
    minimum = central.minimumSizeHint()
    assert minimum.width() <= central.width() and minimum.height() <= central.height()


# ------------------------------------------------------------------ the helper
def test_fit_rect_clamps_and_moves_inside() -> None:
    room = QRect(0, 0, 1024, 728)
    inner = room.marginsRemoved(DEFAULT_FRAME)
    rect = fit_rect(QSize(1280, 760), QSize(900, 400), room)
    assert inner.contains(rect) and rect.size() == inner.size()
    rect = fit_rect(QSize(500, 300), QSize(100, 100), room, at=QRect(900, 650, 500, 300))
    assert inner.contains(rect) and rect.size() == QSize(500, 300)
    rect = fit_rect(QSize(500, 300), QSize(100, 100), room, at=QRect(100, 100, 500, 300))
    assert rect.topLeft() == QPoint(100, 100)  # a window that fits stays where it is
    rect = fit_rect(QSize(800, 800), QSize(1100, 800), room, QMargins())
    assert rect.topLeft() == room.topLeft()  # too big anyway: its top-left shows


def test_fit_to_screen_uses_the_screen_left_of_a_taskbar(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(1400, 1000)
    rect = fit_to_screen(dialog, QRect(0, 40, 1024, 728))
    assert QRect(0, 40, 1024, 728).contains(rect)
    assert dialog.size() == rect.size()


# ------------------------------------------------------------------ dialogs
def assert_fits(qtbot: QtBot, dialog: QDialog, room: QRect) -> None:
    """Fitted to `room`, the dialog is inside it, laid out at no less than its
    minimum, and every visible button is on the screen."""
    qtbot.addWidget(dialog)
    rect = fit_to_screen(dialog, room)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert room.marginsRemoved(DEFAULT_FRAME).contains(rect), (rect, room)
    assert dialog.size() == rect.size()
    minimum = dialog.minimumSizeHint()
    assert minimum.width() <= rect.width() and minimum.height() <= rect.height(), \
        (type(dialog).__name__, minimum, rect)
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    assert buttons
    for button in buttons:
        on_screen = QRect(rect.topLeft() + button.mapTo(dialog, QPoint(0, 0)), button.size())
        assert room.contains(on_screen), (button.text(), on_screen, room)
        if button.parentWidget() is not None and button.parentWidget().objectName() == "buttonBox":
            assert QRect(QPoint(0, 0), dialog.size()).contains(
                QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))


def all_form_dialogs() -> list[str]:
    import zcdesk.ui.forms as forms

    return sorted(p.stem for p in Path(forms.__path__[0]).glob("ui_*_dialog.py"))


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("form", all_form_dialogs())
def test_every_dialog_form_fits(qtbot: QtBot, form: str, screen: str) -> None:
    """Each dialog's form as laid out in Qt Designer, before code fills it."""
    module = importlib.import_module(f"zcdesk.ui.forms.{form}")
    ui_class = next(getattr(module, n) for n in dir(module) if n.startswith("Ui_"))
    dialog = QDialog()
    ui_class().setupUi(dialog)
    assert_fits(qtbot, dialog, available(SCREENS[screen]))


@pytest.mark.parametrize("screen", SCREENS)
def test_batch_dialog_fits_with_close_reachable(qtbot: QtBot, demo: Store, screen: str) -> None:
    from zcdesk.ui.dialogs.batches import BatchesDialog

    window = window_at(qtbot, demo, SCREENS[screen])
    dialog = BatchesDialog(window)
    assert_fits(qtbot, dialog, available(SCREENS[screen]))
    close = dialog.ui.buttonBox.buttons()[0]
    assert close.text() == "关闭" and close.isVisible()


@pytest.mark.parametrize("screen", SCREENS)
def test_returns_dialog_fits(qtbot: QtBot, demo: Store, screen: str) -> None:
    from zcdesk.ui.dialogs.returns import ReturnsDialog

    window = window_at(qtbot, demo, SCREENS[screen])
    assert_fits(qtbot, ReturnsDialog(window), available(SCREENS[screen]))


@pytest.mark.parametrize("screen", SCREENS)
def test_applicant_dialog_scrolls_inside_with_buttons_reachable(qtbot: QtBot, store: Store,
                                                                screen: str) -> None:
    from zcdesk.ui.dialogs.applicant import ApplicantDialog

    dialog = ApplicantDialog(None, store, ApplicantForm(name="张三"))
    assert_fits(qtbot, dialog, available(SCREENS[screen]))
    # Even on a lower screen (a larger taskbar, a bigger font) it only scrolls.
    low = QRect(0, 0, 1024, 560)
    fit_to_screen(dialog, low)
    assert dialog.height() <= low.height() - frame_of(dialog).top() - frame_of(dialog).bottom()
    scroll = dialog.ui.formScroll
    assert scroll.verticalScrollBar().maximum() > 0
    dialog.ui.qualifiedOnEdit.setFocus()  # the last field, scrolled into view
    qtbot.waitUntil(lambda: scroll.viewport().rect().contains(QRect(
        dialog.ui.qualifiedOnEdit.mapTo(scroll.viewport(), QPoint(0, 0)),
        dialog.ui.qualifiedOnEdit.size())), timeout=2000)


@pytest.mark.parametrize("screen", SCREENS)
def test_statistics_dialog_fits(qtbot: QtBot, demo: Store, screen: str) -> None:
    from zcdesk.ui.dialogs.statistics import StatisticsDialog

    assert_fits(qtbot, StatisticsDialog(None, demo.statistics(), None), available(SCREENS[screen]))


@pytest.mark.parametrize("screen", SCREENS)
def test_print_preview_fits(qtbot: QtBot, store: Store, people: dict[str, int],
                            screen: str) -> None:
    from tests.test_gui_print import sample_documents
    from zcdesk.ui.dialogs.preview import PreviewDialog

    dialog = PreviewDialog(None, "收件回执", sample_documents(store, people))
    assert_fits(qtbot, dialog, available(SCREENS[screen]))
    assert dialog.ui.printButton.isVisible()


def test_screen_fit_filter_fits_dialogs_as_they_open(qtbot: QtBot) -> None:
    """Installed on the app (as run_gui does), a too-large dialog opens inside its screen."""
    from PySide6.QtWidgets import QApplication

    from zcdesk.ui.screen_fit import install

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    fitter = install(app)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        screen = dialog.screen().availableGeometry()
        dialog.resize(screen.width() + 400, screen.height() + 300)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        # One that fits is left where Qt puts it: centred over its parent.
        parent = QWidget()
        qtbot.addWidget(parent)
        parent.setGeometry(100, 100, 600, 500)
        parent.show()
        qtbot.waitExposed(parent)
        small = QDialog(parent)
        small.resize(300, 200)
        small.show()
        qtbot.waitExposed(small)
        offset = small.geometry().center() - parent.geometry().center()
        assert abs(offset.x()) <= 40 and abs(offset.y()) <= 40, offset
    finally:
        app.removeEventFilter(fitter)
        fitter.deleteLater()
