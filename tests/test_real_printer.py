"""A receipt and a cover out of a real (virtual) printer: CUPS with cups-pdf (#14).

The documents go through the print preview's own path — PreviewDialog → Enter →
QPrinter on a CUPS queue → QPainter — exactly as at the counter, and the PDF the
cups-pdf printer writes is read back: its pages and paper size (A4, actual size:
nothing scaled, so barcodes keep their width: the printed ink lies where the
document drew it, to a pixel at 200 dpi), its picture compared with the
document's own render, and its Code 128 and QR codes decoded by zbarimg.
The print path draws each page as an image (QtPdf renders it), so the printer's
PDF holds pictures, not text: the words are checked as pixels and through the
codes that carry the receipt and packet numbers.

Installs nothing: `scripts/setup test` installs cups, cups-client and cups-pdf.
When cupsd is installed but not running it is started (as root, as in CI), and
the queue `zcdesk-pdf` is added with lpadmin when missing. Without them the tests
are skipped with the reason. The printer and tray chosen per kind of document
are tested here as well, on two real queues.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot

from tests.conftest import FIXED_NOW, ID_LI, ID_ZHANG
from zcdesk.domain.checklist import RejectReason
from zcdesk.printing import PdfResult, PrintOptions, covers_pdf, receipt_pdf
from zcdesk.store import Store
from zcdesk.ui.dialogs import preview
from zcdesk.ui.dialogs.preview import Document, PreviewDialog

QUEUES = ("zcdesk-pdf", "zcdesk-pdf-covers")
PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
OPTIONS = PrintOptions(today=FIXED_NOW.date())
A4_POINTS = (595.28, 841.89)
DPI = 300  # the job's resolution: enough for the codes, quick on a shared machine


def _run(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout)


def _scheduler_running() -> bool:
    return "is running" in _run("lpstat", "-r").stdout


def _ensure_cups() -> str | None:
    """None when the queues are ready; else why the tests must be skipped."""
    for tool in ("lpstat", "lpadmin", "pdfinfo", "pdftoppm", "zbarimg"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (scripts/setup test installs cups, cups-pdf, " \
                   "poppler-utils, zbar-tools)"
    if not Path("/usr/lib/cups/backend/cups-pdf").exists():
        return "the cups-pdf printer backend is not installed (apt-get install cups-pdf)"
    if not _scheduler_running():
        cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
        if not Path(cupsd).exists():
            return "cupsd is not installed (apt-get install cups)"
        if os.geteuid() != 0:
            return "cupsd is not running and only root may start it here"
        _run(cupsd)  # daemonizes
        for _ in range(50):
            if _scheduler_running():
                break
            time.sleep(0.2)
        else:
            return "cupsd did not start"
    for queue in QUEUES:
        if _run("lpstat", "-v", queue).returncode == 0:
            continue
        if os.geteuid() != 0:
            return f"the cups-pdf queue {queue} is missing and only root may add it"
        added = _run("lpadmin", "-p", queue, "-E", "-v", "cups-pdf:/", "-m", PPD)
        if added.returncode != 0:
            return f"lpadmin could not add {queue}: {added.stderr.strip()}"
    return None


def output_folder() -> Path:
    """Where cups-pdf writes a job of this user (its `Out`, ${HOME} expanded)."""
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.is_file():
        for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Out "):
                out = line[4:].strip()
    home = pwd.getpwuid(os.getuid()).pw_dir
    return Path(out.replace("${HOME}", home).replace("${USER}",
                                                     pwd.getpwuid(os.getuid()).pw_name))


@pytest.fixture(scope="module")
def cups() -> Path:
    problem = _ensure_cups()
    if problem:
        pytest.skip(problem)
    return output_folder()


@pytest.fixture
def clean_memory(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No printer chosen earlier in this process; Enter's printer comes from printers.ini."""
    monkeypatch.setattr(preview, "_session_printer", None)
    monkeypatch.setattr(preview, "_kind_printers", {})
    monkeypatch.setattr(preview, "default_printer", lambda: None)
    yield


def queue_printer(name: str) -> QPrinter:
    info = QPrinterInfo.printerInfo(name)
    assert not info.isNull(), f"Qt does not see the CUPS queue {name}"
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setResolution(DPI)
    return printer


def print_through_preview(qtbot: QtBot, title: str, pdf: PdfResult, kind: str,
                          folder: Path) -> Path:
    """Open the preview as the counter does and press its 打印 (Enter); the PDF the
    virtual printer wrote."""
    before = set(folder.glob("*.pdf")) if folder.is_dir() else set()
    dialog = PreviewDialog(None, title, [Document(title, pdf, f"{title}.pdf")], kind=kind)
    qtbot.addWidget(dialog)
    printer = preview.printer_for(kind)
    assert printer is not None
    printer.setResolution(DPI)
    dialog.print_now()
    assert dialog.outcome.printed and dialog.outcome.pages_printed == pdf.pages
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = _run("lpstat", "-o").stdout.strip() == ""
        new = set(folder.glob("*.pdf")) - before if folder.is_dir() else set()
        if done and new:
            (path,) = new
            return path
        time.sleep(0.3)
    raise AssertionError(f"the printer wrote nothing in {folder}: {_run('lpstat', '-o').stdout}")


def page_facts(path: Path) -> tuple[int, tuple[float, float], str]:
    info = _run("pdfinfo", str(path)).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert size is not None, info
    title = re.search(r"^Title:\s+(.*)$", info, re.M)
    return pages, (float(size.group(1)), float(size.group(2))), title.group(1) if title else ""


def render(path: Path, folder: Path, stem: str, dpi: int = 200) -> list[Path]:
    _run("pdftoppm", "-r", str(dpi), "-gray", "-png", str(path), str(folder / stem),
         timeout=120)
    return sorted(folder.glob(f"{stem}-*.png"))


def decode(png: Path, symbology: str) -> list[str]:
    out = _run("zbarimg", "-q", "--raw", "-Sdisable", f"-S{symbology}.enable", str(png))
    return out.stdout.split()


def ink_box(png: Path) -> tuple[int, int, int, int]:
    """The bounding box of what is printed on the page (left, top, right, bottom)."""
    from PIL import Image, ImageOps

    with Image.open(png) as image:
        box = ImageOps.invert(image.convert("L")).point(lambda v: 255 if v > 96 else 0).getbbox()
    assert box is not None, f"{png.name} is blank"
    return box


def same_picture(printed: Path, original: Path) -> float:
    """The share of ink of either render that lies within a pixel of the other's ink
    (1.0: the same picture; edges of anti-aliased strokes may move by one pixel)."""
    from PIL import Image, ImageChops, ImageFilter

    with Image.open(printed) as a, Image.open(original) as b:
        # Qt's A4 is 595 × 842 pt, reportlab's 595.28 × 841.89: a pixel apart at most
        assert abs(a.width - b.width) <= 1 and abs(a.height - b.height) <= 1
        common = (0, 0, min(a.width, b.width), min(a.height, b.height))
        dark_a = a.crop(common).convert("L").point(lambda v: 255 if v < 128 else 0)
        dark_b = b.crop(common).convert("L").point(lambda v: 255 if v < 128 else 0)
    shares = []
    for one, other in ((dark_a, dark_b), (dark_b, dark_a)):
        near = other.filter(ImageFilter.MaxFilter(3))
        stray = ImageChops.subtract(one, near).histogram()[255]
        shares.append(1 - stray / max(one.histogram()[255], 1))
    return min(shares)


def assert_actual_size(printed: Path, original: Path, tmp: Path, stem: str) -> list[Path]:
    """Same page count and A4 paper; the printed picture lies where the document drew
    it, at the same size (within 2 px at 200 dpi), and matches it."""
    pages, size, _title = page_facts(printed)
    want_pages, _size, _ = page_facts(original)
    assert pages == want_pages
    assert abs(size[0] - A4_POINTS[0]) < 1.5 and abs(size[1] - A4_POINTS[1]) < 1.5, size
    got = render(printed, tmp, f"{stem}-printed")
    want = render(original, tmp, f"{stem}-original")
    for page, (a, b) in enumerate(zip(got, want, strict=True), start=1):
        box_a, box_b = ink_box(a), ink_box(b)
        assert all(abs(x - y) <= 2 for x, y in zip(box_a, box_b, strict=True)), \
            (page, box_a, box_b)
        assert same_picture(a, b) > 0.99, page
    return got


# ------------------------------------------------------------------------ tests
def test_receipt_out_of_the_printer_reads_back(
        qtbot: QtBot, store: Store, people: dict[str, int], cups: Path, tmp_path: Path,
        clean_memory: None) -> None:
    visit = store.open_visit("赵老师", "", "杭州制氧机集团股份有限公司")
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    store.accept(people["李四"], "evaluation", 2, visit_id=visit.id)
    store.reject(people["李四"], "registration", 1, RejectReason.NO_STAMP, visit_id=visit.id)
    summary = store.close_visit(visit.id)
    point = store.desk_point()
    assert point is not None
    pdf = receipt_pdf(summary, point, store.current_round(), store.checklist(), OPTIONS)
    preview.remember_for("receipt", queue_printer(QUEUES[0]))

    printed = print_through_preview(qtbot, "收件回执", pdf, "receipt", cups)
    original = tmp_path / "receipt.pdf"
    original.write_bytes(pdf.data)
    pages = assert_actual_size(printed, original, tmp_path, "receipt")
    codes = [c for page in pages for c in decode(page, "code128")]
    assert summary.visit.receipt_no in codes  # the receipt number, on both parts
    assert ID_ZHANG not in _run("pdftotext", str(printed), "-").stdout  # pictures only
    printed.unlink()


def test_cover_out_of_the_printer_keeps_its_codes(
        qtbot: QtBot, store: Store, people: dict[str, int], cups: Path, tmp_path: Path,
        clean_memory: None) -> None:
    packet = store.packet_by_id_number(ID_LI)
    point = store.desk_point()
    assert point is not None
    pdf = covers_pdf([packet], point, store.current_round(), store.checklist(), OPTIONS)
    preview.remember_for("cover", queue_printer(QUEUES[1]))

    printed = print_through_preview(qtbot, "档案袋封面", pdf, "cover", cups)
    original = tmp_path / "cover.pdf"
    original.write_bytes(pdf.data)
    (page,) = assert_actual_size(printed, original, tmp_path, "cover")
    assert decode(page, "code128") == [packet.code]
    assert decode(page, "qrcode") == [packet.code]
    printed.unlink()


def test_each_kind_of_document_keeps_its_printer_and_tray(
        qtbot: QtBot, store: Store, cups: Path, clean_memory: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """打印… for a cover chooses the covers' queue and the manual tray; for a receipt
    the other queue. The next Enter prints each to its own, with its tray, and a new
    session (nothing cached) reads the same from printers.ini."""
    chosen = {"cover": (QUEUES[1], QPrinter.PaperSource.Manual),
              "receipt": (QUEUES[0], QPrinter.PaperSource.Auto)}
    printed: list[tuple[str, str, QPrinter.PaperSource]] = []

    def system_dialog(dialog: PreviewDialog, printer: QPrinter, _pages: int) -> bool:
        name, tray = chosen[dialog.kind]  # what the clerk picks in the system dialog
        printer.setPrinterName(name)
        printer.setPaperSource(tray)
        return True

    monkeypatch.setattr(preview, "choose_printer", system_dialog)
    monkeypatch.setattr(PreviewDialog, "_print", lambda self, printer: printed.append(
        (self.kind, printer.printerName(), printer.paperSource())))
    pdf = PdfResult(data=_blank_pdf(), pages=1, missing_glyphs=(), warnings=())
    for title, kind in (("档案袋封面", "cover"), ("收件回执", "receipt")):
        dialog = PreviewDialog(None, title, [Document(title, pdf, "x.pdf")])
        qtbot.addWidget(dialog)
        assert dialog.kind == kind  # from the title
        dialog.print_with_dialog()
    assert preview.remembered_choice("cover") == (QUEUES[1], "Manual")
    assert preview.remembered_choice("receipt") == (QUEUES[0], "Auto")

    monkeypatch.setattr(preview, "_kind_printers", {})  # the next start of the program
    printed.clear()
    for title in ("收件回执", "档案袋封面", "移交清单"):
        dialog = PreviewDialog(None, title, [Document(title, pdf, "x.pdf")])
        qtbot.addWidget(dialog)
        if title == "移交清单":  # nothing remembered for lists: the default (none here)
            assert preview.printer_for(dialog.kind) is None
            continue
        assert QUEUES[0 if title == "收件回执" else 1] in dialog.ui.printButton.toolTip()
        dialog.print_now()
    assert printed == [("receipt", QUEUES[0], QPrinter.PaperSource.Auto),
                       ("cover", QUEUES[1], QPrinter.PaperSource.Manual)]


def _blank_pdf() -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.drawString(72, 720, "zcdesk")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_remembered_printer_that_is_gone_leaves_enter_to_the_default(
        qtbot: QtBot, clean_memory: None, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """No CUPS needed: the choice is kept in printers.ini; a queue removed since then
    is not used (Enter goes to the default printer, here a PDF file printer)."""
    kept = QPrinter(QPrinter.PrinterMode.HighResolution)
    kept.setPaperSource(QPrinter.PaperSource.Lower)
    preview.remember_for("notice", kept)
    ini = Path(os.environ["XDG_CONFIG_HOME"]) / "zcdesk" / "printers.ini"
    assert "notice" in ini.read_text(encoding="utf-8")
    assert preview.remembered_choice("notice") == (kept.printerName(), "Lower")
    settings = preview.printer_settings()  # that printer was removed from the system since
    settings.setValue("notice/printer", "办公室-已拆除的打印机")
    settings.sync()
    assert preview.remembered_choice("notice") == ("办公室-已拆除的打印机", "Lower")
    monkeypatch.setattr(preview, "_kind_printers", {})
    fallback = QPrinter(QPrinter.PrinterMode.HighResolution)
    fallback.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    fallback.setOutputFileName(str(tmp_path / "out.pdf"))
    monkeypatch.setattr(preview, "default_printer", lambda: fallback)
    assert preview.printer_for("notice") is fallback
    assert preview.printer_for("receipt") is fallback  # nothing remembered
    assert preview.kind_of("一次性补正告知单") == "notice"
    assert preview.kind_of("档案袋封面（3 份）") == "cover"
    assert preview.kind_of("统计") == "other"
