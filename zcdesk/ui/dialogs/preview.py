"""Print preview: the PDF exactly as it will print, then 打印 / 打印… / 另存为 PDF… / 关闭.

One dialog may hold several documents (the receipt and the one-time notice
after F10): they are previewed one after the other, page numbers run across
them, and 打印 sends all of them as one print job.

Keys: Enter 打印 (straight to the printer used last, or the system's default
printer; the system print dialog when there is none), Ctrl+P 打印… (the
system print dialog: printer, pages, copies), Ctrl+S 另存为 PDF…, PgUp/PgDn
pages, Ctrl+= / Ctrl+− / Ctrl+0 zoom, Esc 关闭.

Printing renders each page with QtPdf (pdfium) at the printer's resolution (up to
400 dpi, so a 1200 dpi printer never needs a half-gigabyte image) and places it at
actual size (1 pt of the PDF is 1 pt on paper, the paper size set to the PDF's:
a Code 128 keeps the module width it was drawn with and stays readable).

The printer and the tray (paper source) chosen in 打印… are remembered per kind
of document (receipt, notice, cover, list …) on this PC (printers.ini in the
user's config folder): covers may go to the label printer's tray, receipts to
the counter's printer, and Enter prints each to its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QSettings,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from zcdesk.ui import store_errors as errors
from zcdesk.ui.forms.ui_print_preview_dialog import Ui_PrintPreviewDialog
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.printing import PdfResult

Rebuild = Callable[[bool], "PdfResult | None"]  # full_ids -> new PDF, None: cancelled
# Pages are rendered at the printer's resolution up to this: 400 dpi keeps a Code 128
# module at 5 pixels and an A4 page at 62 MB (1200 dpi would need half a gigabyte).
RENDER_DPI = 400
PROGRESS_FROM_PAGES = 4  # longer print runs show a progress dialog with 取消
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


@dataclass(frozen=True)
class Document:
    """One PDF to preview: its title, the PDF, the file name 另存为 offers."""

    title: str
    pdf: PdfResult
    suggested_name: str
    rebuild: Rebuild | None = None  # given: the 显示完整证件号码 box can remake it


@dataclass
class Outcome:
    printed: bool = False
    pages_printed: int = 0
    saved: list[Path] = field(default_factory=list)
    full_ids: bool = False


class PrintFailed(Exception):
    """The printer could not be used; the text says why, in Chinese."""


class PrintAborted(Exception):
    """The clerk cancelled a long print run."""


# ----------------------------------------------------------------- printers
_session_printer: QPrinter | None = None  # the printer chosen last, for Enter


def default_printer() -> QPrinter | None:
    """The printer Enter prints to: the one chosen last in 打印…, else the
    system's default printer; None when the system has none."""
    global _session_printer
    if _session_printer is None:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            return None
        _session_printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    return _session_printer


def remember_printer(printer: QPrinter) -> None:
    global _session_printer
    _session_printer = printer


# What a title names: the kind of document whose printer and tray are remembered.
KINDS = (("收件回执", "receipt"), ("补正告知单", "notice"), ("档案袋封面", "cover"),
         ("封面", "cover"), ("移交清单", "transmittal"), ("送评报告单", "report"),
         ("返还清单", "return_list"), ("接收回执", "city_receipt"),
         ("设置摘要", "setup_summary"))
_kind_printers: dict[str, QPrinter] = {}  # kind → its remembered printer, made once


def kind_of(title: str) -> str:
    """The kind of document a preview title names ("other" for any other)."""
    return next((kind for words, kind in KINDS if words in title), "other")


def printer_settings() -> QSettings:
    """printers.ini in the user's config folder (per PC and user, not in the database:
    the office's desks have different printers)."""
    import platformdirs

    from zcdesk.paths import APP_NAME

    folder = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return QSettings(str(folder / "printers.ini"), QSettings.Format.IniFormat)


def remembered_choice(kind: str) -> tuple[str, str]:
    """(printer name, paper source name) remembered for `kind`; ("", "") when none."""
    settings = printer_settings()
    return (str(settings.value(f"{kind}/printer", "") or ""),
            str(settings.value(f"{kind}/paper_source", "") or ""))


def remember_for(kind: str, printer: QPrinter) -> None:
    """The printer and tray chosen in 打印… for a kind of document, kept for the next time."""
    settings = printer_settings()
    settings.setValue(f"{kind}/printer", printer.printerName())
    settings.setValue(f"{kind}/paper_source", printer.paperSource().name)
    settings.sync()
    _kind_printers[kind] = printer


def printer_for(kind: str) -> QPrinter | None:
    """Enter's printer for `kind`: the one remembered for it (with its tray) while the
    system still has it, else the printer chosen last or the default (default_printer)."""
    name, source = remembered_choice(kind)
    if name:
        cached = _kind_printers.get(kind)
        if cached is not None and cached.printerName() == name:
            return cached
        info = QPrinterInfo.printerInfo(name)
        if not info.isNull():
            printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
            tray = getattr(QPrinter.PaperSource, source, None) if source else None
            if tray is not None:
                printer.setPaperSource(tray)
            _kind_printers[kind] = printer
            return printer
    return default_printer()


def choose_printer(parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
    """The system print dialog (printer, page range, copies); True: print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("打印"))
    dialog.setMinMax(1, max(page_count, 1))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def load_pdf(data: bytes, parent: QWidget | None = None) -> QPdfDocument:
    """A QPdfDocument over `data` (the buffer is kept as a child of the document)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintFailed(tr("文书无法显示（PDF 有误：{error}）。").format(
            error=document.error().name))
    return document


def print_pages(documents: Sequence[QPdfDocument], printer: QPrinter,
                parent: QWidget | None = None) -> int:
    """Print the pages of `documents`, in order, as one job; the printer's page
    range (from the print dialog) counts across the documents. Returns the
    number of pages sent. Raises PrintFailed or PrintAborted."""
    pages = [(document, index) for document in documents
             for index in range(document.pageCount())]
    first, last = printer.fromPage(), printer.toPage()
    if first > 0:
        pages = pages[first - 1:last or len(pages)]
    if not pages:
        raise PrintFailed(tr("没有要打印的页。"))
    # Actual size: the paper is the PDF's own (A4), the painter's origin its corner.
    size = pages[0][0].pagePointSize(pages[0][1])
    if size.width() > 0 and size.height() > 0:
        printer.setFullPage(True)
        printer.setPageLayout(QPageLayout(
            QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point),
            QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(tr("无法开始打印：打印机“{name}”不可用。请检查打印机，"
                             "或用“打印…”选择其他打印机。").format(name=printer.printerName()))
    progress = None
    if len(pages) >= PROGRESS_FROM_PAGES:
        progress = QProgressDialog(tr("正在打印……"), tr("取消"), 0, len(pages), parent)
        progress.setWindowTitle(tr("打印"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
    try:
        for number, (document, index) in enumerate(pages):
            if number and not printer.newPage():
                raise PrintFailed(tr("打印机在第 {n} 页出错，打印未完成。").format(n=number + 1))
            _draw_page(painter, printer, document, index)
            if progress is not None:
                progress.setValue(number + 1)
                QApplication.processEvents()
                if progress.wasCanceled():
                    printer.abort()
                    raise PrintAborted(tr("已取消打印（已送出 {n} 页）。").format(n=number + 1))
    finally:
        painter.end()
        if progress is not None:
            progress.close()
            progress.deleteLater()
    return len(pages)


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument,
               index: int) -> None:
    """One PDF page at actual size (72 pt to the inch) from the paper's corner: nothing
    is scaled to fit, so barcodes keep their module width. The page is rendered whole
    at the printer's resolution up to RENDER_DPI (QtPdf's clipped renders drift by
    ~0.25 % vertically, 0.7 mm over an A4 page) and placed on the exact paper rectangle."""
    points = document.pagePointSize(index)
    if points.width() <= 0 or points.height() <= 0:
        return
    dpi_x, dpi_y = printer.logicalDpiX(), printer.logicalDpiY()
    # Without full-page mode (a printer that refused it) the origin is the printable
    # area's corner: shift back by the margin so the page still lands where drawn.
    origin = QPointF(0, 0) if printer.fullPage() else -QPointF(
        printer.pageRect(QPrinter.Unit.DevicePixel).topLeft())
    target = QRectF(origin, QSizeF(points.width() * dpi_x / 72, points.height() * dpi_y / 72))
    dpi = min(max(dpi_x, dpi_y), RENDER_DPI)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(size)
    painter.drawImage(target, document.render(index, size, options))


# ------------------------------------------------------------------- dialog
class PreviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str,
                 documents: Sequence[Document], heading: str = "", kind: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_PrintPreviewDialog()
        self.ui.setupUi(self)
        self.outcome = Outcome()
        self._title = title
        self.kind = kind or kind_of(title)  # its printer and tray are remembered
        self._documents = list(documents)
        self._pdfs = [load_pdf(d.pdf.data, self) for d in self._documents]
        self._current = 0
        ui = self.ui
        self.setWindowTitle(tr("打印预览 — {title}").format(title=heading or title))
        ui.titleLabel.setText(heading or title)
        view = ui.pdfView
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setPageSpacing(12)
        view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_page())
        view.viewport().installEventFilter(self)
        tabs = ui.documentTabs
        tabs.setVisible(len(self._documents) > 1)
        for document in self._documents:
            tabs.addTab(tr("{title}（{n} 页）").format(title=document.title,
                                                     n=document.pdf.pages))
        tabs.currentChanged.connect(self._show_document)
        ui.fullIdsCheck.setVisible(any(d.rebuild for d in self._documents))
        ui.fullIdsCheck.toggled.connect(self._toggle_full_ids)
        ui.previousButton.clicked.connect(lambda: self.step(-1))
        ui.nextButton.clicked.connect(lambda: self.step(1))
        ui.fitWidthButton.clicked.connect(self.fit_width)
        ui.zoomInButton.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        ui.zoomOutButton.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        ui.printButton.clicked.connect(self.print_now)
        ui.printDialogButton.clicked.connect(self.print_with_dialog)
        ui.saveButton.clicked.connect(self.save)
        ui.closeButton.clicked.connect(self.reject)
        for keys, slot in (
                (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.step(-1)),
                (QKeySequence.StandardKey.MoveToNextPage, lambda: self.step(1)),
                (QKeySequence("Ctrl+="), lambda: self.zoom(ZOOM_STEP)),
                (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(ZOOM_STEP)),
                (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(1 / ZOOM_STEP)),
                (QKeySequence("Ctrl+0"), self.fit_width),
                (QKeySequence.StandardKey.Print, self.print_with_dialog),
                (QKeySequence.StandardKey.Save, self.save)):
            QShortcut(QKeySequence(keys), self, slot)
        self._printer_label()
        self._show_document(0)
        self._show_warnings()
        self.resize(self._fitting_size())
        ui.printButton.setDefault(True)
        ui.printButton.setFocus()

    # -------------------------------------------------------------- showing
    def _fitting_size(self) -> QSize:
        size = self.size()
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            size = size.boundedTo(QSize(screen.width() - 40, screen.height() - 60))
        return size

    def _printer_label(self) -> None:
        printer = printer_for(self.kind)
        button = self.ui.printButton
        if printer is None:  # Enter opens the print dialog: one such button is enough
            button.setText(tr("打印…"))
            button.setToolTip(tr("本机没有默认打印机：选择打印机后打印（Enter）"))
            self.ui.printDialogButton.hide()
        else:
            button.setText(tr("打印"))
            button.setToolTip(tr("打印到 {name}（Enter）").format(name=printer.printerName()))

    def _show_document(self, index: int) -> None:
        if not 0 <= index < len(self._pdfs):
            return
        self._current = index
        if self.ui.documentTabs.currentIndex() != index:
            self.ui.documentTabs.setCurrentIndex(index)
        self.ui.pdfView.setDocument(self._pdfs[index])
        self.ui.pdfView.pageNavigator().jump(0, QPointF(), 0)
        self._update_page()
        self._update_zoom_label()

    def _show_warnings(self) -> None:
        seen: list[str] = []
        for document in self._documents:
            for warning in document.pdf.warnings:
                text = f"{document.title}：{warning}" if len(self._documents) > 1 else warning
                if text not in seen:
                    seen.append(text)
        label = self.ui.warningLabel
        label.setText(tr("注意：") + "\n".join(seen) if seen else "")
        label.setVisible(bool(seen))

    def page_count(self) -> int:
        return sum(d.pageCount() for d in self._pdfs)

    def current_page(self) -> int:
        """1-based, across all documents."""
        before = sum(d.pageCount() for d in self._pdfs[:self._current])
        return before + self.ui.pdfView.pageNavigator().currentPage() + 1

    def _update_page(self) -> None:
        text = tr("第 {n} 页 / 共 {total} 页").format(n=self.current_page(),
                                                   total=self.page_count())
        self.ui.pageLabel.setText(text)
        self.ui.previousButton.setEnabled(self.current_page() > 1)
        self.ui.nextButton.setEnabled(self.current_page() < self.page_count())

    def step(self, pages: int) -> None:
        """Next or previous page, on into the next or previous document."""
        navigator = self.ui.pdfView.pageNavigator()
        page = navigator.currentPage() + pages
        document = self._pdfs[self._current]
        if 0 <= page < document.pageCount():
            navigator.jump(page, QPointF(), 0)
        elif page < 0 and self._current > 0:
            self._show_document(self._current - 1)
            last = self._pdfs[self._current].pageCount() - 1
            self.ui.pdfView.pageNavigator().jump(last, QPointF(), 0)
        elif page >= document.pageCount() and self._current + 1 < len(self._pdfs):
            self._show_document(self._current + 1)
        self._update_page()

    # ---------------------------------------------------------------- zoom
    def zoom_factor(self) -> float:
        """The zoom in effect (in 适合宽度 too: computed from the widths)."""
        view = self.ui.pdfView
        if view.zoomMode() == QPdfView.ZoomMode.Custom:
            return float(view.zoomFactor())
        document = self._pdfs[self._current]
        points = document.pagePointSize(max(view.pageNavigator().currentPage(), 0))
        margins = view.documentMargins()
        width = view.viewport().width() - margins.left() - margins.right()
        if points.width() <= 0 or width <= 0:
            return 1.0
        return width / (points.width() * view.logicalDpiX() / 72)

    def zoom(self, step: float) -> None:
        low, high = ZOOM_RANGE
        factor = min(max(self.zoom_factor() * step, low), high)
        view = self.ui.pdfView
        view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(factor)
        self._update_zoom_label()

    def fit_width(self) -> None:
        self.ui.pdfView.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        self.ui.zoomLabel.setText(f"{round(self.zoom_factor() * 100)}%")
        self.ui.fitWidthButton.setEnabled(
            self.ui.pdfView.zoomMode() != QPdfView.ZoomMode.FitToWidth)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.ui.pdfView.viewport():
            self._update_zoom_label()  # 适合宽度: the percentage follows the window
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------- full IDs
    def _toggle_full_ids(self, checked: bool) -> None:
        remade: list[tuple[int, PdfResult]] = []
        for index, document in enumerate(self._documents):
            if document.rebuild is None:
                continue
            pdf = document.rebuild(checked)
            if pdf is None:  # cancelled: keep what is shown
                box = self.ui.fullIdsCheck
                box.blockSignals(True)
                box.setChecked(not checked)
                box.blockSignals(False)
                return
            remade.append((index, pdf))
        for index, pdf in remade:
            old = self._pdfs[index]
            self._documents[index] = replace(self._documents[index], pdf=pdf)
            self._pdfs[index] = load_pdf(pdf.data, self)
            if index == self._current:
                self.ui.pdfView.setDocument(self._pdfs[index])
            old.deleteLater()
        self.outcome.full_ids = checked
        self._show_warnings()
        self._update_page()

    def documents(self) -> list[Document]:
        return list(self._documents)

    # ------------------------------------------------------- print and save
    def print_now(self) -> None:
        """Enter: all documents to this kind's printer (or the one used last, or the
        default one)."""
        printer = printer_for(self.kind)
        if printer is None:
            self.print_with_dialog()
            return
        printer.setFromTo(0, 0)  # all pages: a page range is for 打印… only
        printer.setCopyCount(1)
        self._print(printer)

    def print_with_dialog(self) -> None:
        printer = printer_for(self.kind) or QPrinter(QPrinter.PrinterMode.HighResolution)
        if not choose_printer(self, printer, self.page_count()):
            return
        remember_printer(printer)
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            remember_for(self.kind, printer)  # not a "print to file" choice
        self._print(printer)

    def _print(self, printer: QPrinter) -> None:
        printer.setDocName(self._title)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_pages(self._pdfs, printer, self)
        except PrintAborted as exc:
            QApplication.restoreOverrideCursor()
            self.ui.hintLabel.setText(str(exc))
            return
        except PrintFailed as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, tr("未能打印"), str(exc))
            return
        QApplication.restoreOverrideCursor()
        self.outcome.printed = True
        self.outcome.pages_printed = pages
        self.accept()

    def save(self) -> None:
        """另存为 PDF…: the document shown, written whole or not at all."""
        from zcdesk.print_output import write_atomically  # as `zcdesk print -o`

        document = self._documents[self._current]
        start = Path(_last_folder or Path.home()) / document.suggested_name
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("另存为 PDF — {title}").format(title=document.title), str(start),
            tr("PDF 文件 (*.pdf)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_atomically(target, document.pdf.data)
        except errors.StoreError as exc:  # InputError: folder missing, not writable …
            QMessageBox.warning(self, tr("未能保存"), str(exc))
            return
        _remember_folder(target.parent)
        self.outcome.saved.append(target)
        self.ui.hintLabel.setText(tr("已保存：{path}").format(path=target))


_last_folder: Path | None = None


def _remember_folder(folder: Path) -> None:
    global _last_folder
    _last_folder = folder


def launch(parent: QWidget | None, title: str, pdf: PdfResult, suggested_name: str, *,
           rebuild: Rebuild | None = None, more: Sequence[Document] = (),
           heading: str = "", kind: str = "") -> Outcome:
    """Preview `pdf` (and the documents in `more`, as one print job) until the
    clerk prints, or closes it; the outcome says what was done. `rebuild`
    remakes `pdf` when 显示完整证件号码 is ticked or unticked; `heading`, if
    given, is shown above the documents instead of `title`. `kind` (receipt,
    cover …; default: from the title) picks the printer remembered for it."""
    documents = [Document(title, pdf, suggested_name, rebuild), *more]
    try:
        dialog = PreviewDialog(parent, title, documents, heading, kind)
    except PrintFailed as exc:
        QMessageBox.warning(parent, tr("无法预览"), str(exc))
        return Outcome()
    try:
        dialog.exec()
        return dialog.outcome
    finally:
        dialog.deleteLater()
