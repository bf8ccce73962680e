"""Starting the GUI: the application object, the main window, a self-check.

The start is ordered for speed (issue #2): the window is built and shown
before zcdesk.store (SQLAlchemy, alembic) is even imported; the database is
opened in a thread after the first paint and attached to the window then.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from zcdesk.paths import APP_NAME, demo_database_path, resource
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.domain.records import PacketRow
    from zcdesk.store import Store
    from zcdesk.ui.packet_model import PacketTableModel

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
# Qt's own words (standard buttons, the file dialog …) in Chinese. qtbase first:
# qt_zh_CN is only a meta catalogue that fails whole when one of its parts
# (qtmultimedia_zh_CN) is missing, and qtbase alone holds what the dialogs say.
QT_CATALOGUES = ("qtbase_zh_CN", "qt_zh_CN")
DEFAULT_SIZE = (1440, 900)
_registered_families: list[str] = []
_log_path: list[Path] = []  # the log file, once run_gui has set up logging
# (application, catalogue, translator): installed once, kept alive here (no Qt parent).
_translators: list[tuple[QApplication, str, QTranslator]] = []


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (an existing one is reused), with font, icon and style."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(tr("职称材料受理"))
    app.setOrganizationName(APP_NAME)
    app.setStyle("Fusion")  # the same calm look on every platform; style.qss refines it
    _install_qt_translations(app)
    icon_path = resource("icons", "zcdesk.svg")
    if icon_path.is_file():
        app.setWindowIcon(QIcon(str(icon_path)))
    _use_bundled_font(app)
    style_path = resource("style.qss")
    if style_path.is_file():
        # An unreadable style sheet leaves the plain Fusion look.
        with contextlib.suppress(OSError, UnicodeDecodeError):
            app.setStyleSheet(style_path.read_text(encoding="utf-8"))
    return app


def qt_translations_folders() -> list[Path]:
    """Where Qt's .qm files are: Qt's own answer, then PySide6's folder (a frozen
    bundle keeps them at PySide6/Qt/translations as the wheel does)."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    with contextlib.suppress(ImportError, TypeError):
        import PySide6

        folders.append(Path(PySide6.__file__).parent / "Qt" / "translations")
    return [f for f in dict.fromkeys(folders) if f.is_dir()]


def _install_qt_translations(app: QApplication) -> list[str]:
    """Load Qt's zh_CN catalogues into `app` (once per application); the names loaded."""
    if _translators and _translators[0][0] is app:
        return [name for _, name, _ in _translators]
    for _, _, translator in _translators:  # a new application (not in one run of the app)
        app.removeTranslator(translator)
    _translators.clear()
    for name in QT_CATALOGUES:
        for folder in qt_translations_folders():
            translator = QTranslator()
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                _translators.append((app, name, translator))
                break
    return [name for _, name, _ in _translators]


def _use_bundled_font(app: QApplication) -> None:
    """Register the bundled CJK font so Chinese renders on machines without one."""
    if not _registered_families:
        folder = resource("fonts")
        files = sorted(p for p in folder.glob("*") if p.suffix.lower() in FONT_SUFFIXES) \
            if folder.is_dir() else []
        for path in files:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _registered_families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if not _registered_families:
        return
    # The UI face first (WenQuanYi Micro Hei, proportional, not "… Mono"); the
    # extension-only fonts (rare characters) follow as fallbacks.
    families = sorted(_registered_families,
                      key=lambda f: ("wenquanyi" not in f.lower(), "mono" in f.lower(), f))
    font = QFont(app.font())
    font.setFamilies([families[0], *[f for f in app.font().families() if f != families[0]]])
    app.setFont(font)


def _excepthook(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    """An unexpected error in a slot: log it, tell the clerk, keep the window running.

    The dialog shows a copyable report (the traceback, ID and phone numbers
    masked as in the log) and where the log file is; nothing else of it
    reaches the clerk.
    """
    from zcdesk.logs import redact

    with contextlib.suppress(Exception):
        logging.getLogger("zcdesk").exception("unexpected error",
                                              exc_info=(exc_type, exc, tb))
    text = redact("".join(traceback.format_exception(exc_type, exc, tb)))
    if sys.stderr is not None:  # none in a windowed build
        with contextlib.suppress(Exception):
            sys.stderr.write(text)
    try:
        from zcdesk.ui.dialogs import error_report

        log_path = str(_log_path[-1]) if _log_path else ""
        error_report.launch(QApplication.activeWindow(), redact(f"{exc_type.__name__}: {exc}"),
                            text, log_path)
    except Exception:  # the hook itself must never raise
        pass


def is_demo_store(store: Store) -> bool:
    """The demo database (`zcdesk --demo`): a SQLite file at the demo path."""
    url = store.url
    if not url.startswith("sqlite:///"):
        return False
    try:
        return Path(url.removeprefix("sqlite:///")).resolve() == demo_database_path().resolve()
    except OSError:
        return False


def run_gui(open_store: Callable[[], Store], *, title_suffix: str = "",
            demo: bool | None = None) -> int:
    """Show the counter window, open the database, run until the clerk closes it.

    `open_store` is called in a thread right after the window's first paint
    (it imports and opens the store, and may seed the demo data). The return
    value is the exit code: 0, or 3 when the database cannot be used (after a
    message box saying so), 1 for another failure to open it.

    Once the store is attached the operator logs in (or, on a new database,
    creates the first admin): see ui/session.py. `demo`: show the demo PINs in
    the login dialog; None: the store's file is the demo database's.
    """
    from zcdesk.ui.main_window import MainWindow  # imported late: a lighter CLI start

    app = create_application()
    try:
        from zcdesk.logs import setup_logging

        _log_path.append(setup_logging())
    except OSError as exc:  # no log folder: run without a log file
        print(f"zcdesk：无法建立日志文件：{exc}", file=sys.stderr)
    sys.excepthook = _excepthook
    # The list of every packet is read in the background as well: the window
    # (and the scan field) is usable at once, whatever the size of the round.
    window = MainWindow(None, load_list_later=True)
    if title_suffix:
        window.set_title_suffix(title_suffix)
    session = window.session
    session.required = True  # the operator logs in before the desk works

    def begin() -> None:
        session.demo = demo if demo is not None else is_demo_store(window.store)
        session.begin()

    window.store_attached.connect(begin)
    from zcdesk.ui.screen_fit import install as fit_dialogs_to_screen

    fitter = fit_dialogs_to_screen(app)  # office screens (1024×768): dialogs open inside
    screen = QGuiApplication.primaryScreen()
    small = False
    if screen is not None:
        available = screen.availableGeometry()
        window.resize(min(DEFAULT_SIZE[0], available.width()),
                      min(DEFAULT_SIZE[1], available.height()))
        window.move(available.topLeft())
        # Smaller than the default window with its frame: maximized, so the
        # title bar and the status bar are both on the screen.
        small = available.width() < DEFAULT_SIZE[0] + 8 or available.height() < DEFAULT_SIZE[1] + 40
    if small:
        window.showMaximized()
    else:
        window.show()
    window.raise_()
    window.activateWindow()
    window.open_store_after_paint(open_store)
    try:
        code = int(app.exec())
    finally:
        # The application may outlive this run (tests): the fitter goes with it.
        app.removeEventFilter(fitter)
        fitter.deleteLater()
        if window.store_ready:
            window.store.close()
    return window.exit_code if window.exit_code is not None else code


def self_check() -> int:
    """Build the window on a throw-away demo database and scan once: 0 when all works."""
    try:
        _self_check()
    except Exception as exc:
        traceback.print_exc()
        print(f"self-check failed: {exc}")
        return 1
    print("self-check ok")
    return 0


def _check_list(model: PacketTableModel, row: PacketRow) -> None:
    """The list's numpy filter and its pinyin sort: the bundle leaves parts of numpy and
    pypinyin out (packaging/bundle_filter.py), and this is where a missing one shows."""
    from zcdesk.ui.packet_model import COL_NAME

    model.sort(COL_NAME)
    model.set_filter(text=row.id_number[-6:])
    if model.packet_id(0) != row.packet_id:
        raise RuntimeError(f"the list's filter for {row.id_number[-6:]} missed the packet")
    model.set_filter(text="")


def _self_check() -> None:
    from zcdesk.store import Store
    from zcdesk.store.demo import seed_demo
    from zcdesk.ui.feedback import Feedback
    from zcdesk.ui.main_window import MainWindow

    if not os.environ.get("QT_QPA_PLATFORM") and QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="zcdesk-check-") as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'check.sqlite3'}", operator="self-check")
        try:
            seed_demo(store, 5)
            app = create_application()
            window = MainWindow(store, Feedback(muted=True))
            try:
                row = store.packet_rows()[0]
                window.submit_scan(row.id_number)
                packet = window.current_packet
                if packet is None or packet.packet_id != row.packet_id:
                    raise RuntimeError(f"scanning {row.id_number} did not open its packet: "
                                       f"{window.message_text()}")
                _check_list(window.packet_list.model, row)
            finally:
                window.close()
                window.deleteLater()
                QTimer.singleShot(0, lambda: None)
                app.processEvents()
        finally:
            store.close()
