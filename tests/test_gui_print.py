"""Printing from the window: F10's receipt and notice, the preview, the 打印 menu."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from tests.conftest import ID_LI, ID_WANG, ID_ZHANG
from tests.gui_support import make_window, open_visit, patch_dialog, press, scan
from zcdesk.domain.checklist import RejectReason
from zcdesk.printing import PdfResult
from zcdesk.store import Store
from zcdesk.ui.dialogs import preview
from zcdesk.ui.dialogs.preview import Document, Outcome, PreviewDialog
from zcdesk.ui.dialogs.reject import RejectChoice
from zcdesk.ui.main_window import MainWindow

MASKED = {ID_ZHANG: "330102********1234", ID_LI: "330106********018X",
          ID_WANG: "330105********0040"}


def text_of(data: bytes) -> str:
    """The PDF's text, all whitespace removed (table cells wrap anywhere)."""
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def pages_of(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> MainWindow:
    return make_window(qtbot, store)


@pytest.fixture(autouse=True)
def _no_system_printer(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may reach a real printer or the system print dialog."""
    monkeypatch.setattr(preview, "_session_printer", None)
    monkeypatch.setattr(preview, "default_printer", lambda: None)
    monkeypatch.setattr(preview, "choose_printer", lambda *a: False)


def pdf_printer(path: Path, monkeypatch: pytest.MonkeyPatch) -> QPrinter:
    """A QPrinter writing a PDF file (low resolution: fast), as Enter's printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(96)
    monkeypatch.setattr(preview, "default_printer", lambda: printer)
    return printer


def finish_mixed_visit(qtbot: QtBot, window: MainWindow,
                       monkeypatch: pytest.MonkeyPatch) -> str:
    """张三 complete, 李四 short one 登记表 (and one handed back): then F10 confirmed."""
    open_visit(monkeypatch, window)
    receipt_no = window.visit.receipt_no if window.visit else ""
    scan(qtbot, window, ID_ZHANG)
    scan(qtbot, window, "2")
    scan(qtbot, window, "2")
    scan(qtbot, window, ID_LI)
    scan(qtbot, window, "2")
    scan(qtbot, window, "1")
    patch_dialog(monkeypatch, "reject", RejectChoice(RejectReason.NO_STAMP, "", 1))
    press(qtbot, window, Qt.Key.Key_F7)
    patch_dialog(monkeypatch, "summary", True)
    return receipt_no


# --------------------------------------------------------------------- F10
def test_f10_previews_receipt_and_notice_as_one_job(
        qtbot: QtBot, window: MainWindow, store: Store,
        monkeypatch: pytest.MonkeyPatch) -> None:
    receipt_no = finish_mixed_visit(qtbot, window, monkeypatch)
    shown = patch_dialog(monkeypatch, "preview", Outcome(printed=True, pages_printed=2))
    press(qtbot, window, Qt.Key.Key_F10)

    assert not store.visit_by_receipt(receipt_no).is_open  # closed before printing
    (_parent, title, pdf, name), kwargs = shown.calls[-1]
    assert title == "收件回执" and name == f"收件回执-{receipt_no}.pdf"
    receipt = text_of(pdf.data)
    assert receipt_no in receipt and "收件回执" in receipt
    assert MASKED[ID_ZHANG] in receipt and MASKED[ID_LI] in receipt
    assert ID_ZHANG not in receipt and ID_LI not in receipt  # masked by default
    assert "小王" in receipt  # the operator as clerk
    (notice,) = kwargs["more"]
    assert notice.title == "一次性补正告知单"
    assert notice.suggested_name == f"补正告知单-{receipt_no}.pdf"
    told = text_of(notice.pdf.data)
    assert receipt_no in told and "李四" in told and "未盖章" in told
    assert "张三" not in told  # complete: nothing to tell
    assert ID_LI not in told
    assert receipt_no in kwargs["heading"]
    # the clerk can switch to full numbers in the preview
    full = text_of(kwargs["rebuild"](True).data)
    assert ID_ZHANG in full and MASKED[ID_ZHANG] not in full
    assert "已打印回执和补正告知单" in window.message_text()
    assert window.printing.last_receipt == receipt_no
    assert window.scan_edit.hasFocus()


def test_f10_complete_visit_previews_the_receipt_only(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    open_visit(monkeypatch, window)
    scan(qtbot, window, ID_WANG)
    scan(qtbot, window, "2")
    scan(qtbot, window, "2")
    patch_dialog(monkeypatch, "summary", True)
    shown = patch_dialog(monkeypatch, "preview", Outcome())  # closed with Esc
    press(qtbot, window, Qt.Key.Key_F10)
    (_parent, _title, pdf, _name), kwargs = shown.calls[-1]
    assert kwargs["more"] == []
    assert "王五" in text_of(pdf.data)
    assert "回执未打印" in window.message_text() and "Ctrl+P" in window.message_text()


def test_f10_enter_prints_both_documents_in_one_job(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The real preview: one Enter sends receipt + notice to the printer."""
    receipt_no = finish_mixed_visit(qtbot, window, monkeypatch)
    out = tmp_path / "printed.pdf"
    pdf_printer(out, monkeypatch)

    def press_enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreviewDialog)
        assert dialog.page_count() == 3  # the notice: 申请人联 and 存档联
        assert dialog.ui.documentTabs.count() == 2
        assert dialog.focusWidget() is dialog.ui.printButton
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(100, press_enter)
    press(qtbot, window, Qt.Key.Key_F10)
    assert pages_of(out) == 3
    assert "已打印回执和补正告知单" in window.message_text()
    assert receipt_no in window.message_text()


# ------------------------------------------------------------ the preview
def sample_documents(store: Store, people: dict[str, int]) -> list[Document]:
    from zcdesk.printing import PrintOptions, notice_pdf, receipt_pdf

    visit = store.open_visit("赵老师")
    store.accept(people["张三"], "evaluation", 2, visit_id=visit.id)
    summary = store.close_visit(visit.id)
    point = store.point("SC")
    # both copies of the notice on one sheet: a one-page document each
    options = PrintOptions(today=store.clock().date(), notice_two_up=True)
    args = (summary, point, store.current_round(), store.checklist(), options)
    return [Document("收件回执", receipt_pdf(*args), "收件回执.pdf"),
            Document("一次性补正告知单", notice_pdf(*args), "补正告知单.pdf")]


def open_preview(qtbot: QtBot, documents: list[Document]) -> PreviewDialog:
    dialog = PreviewDialog(None, "收件回执", documents)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def key(qtbot: QtBot, dialog: PreviewDialog, which: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed in the preview, where the keyboard focus is."""
    qtbot.keyClick(dialog.focusWidget() or dialog, which, modifier)


def test_preview_pages_zoom_and_escape(qtbot: QtBot, store: Store,
                                       people: dict[str, int]) -> None:
    dialog = open_preview(qtbot, sample_documents(store, people))
    ui = dialog.ui
    assert ui.pageLabel.text() == "第 1 页 / 共 2 页"
    assert not ui.previousButton.isEnabled()
    assert ui.documentTabs.tabText(1) == "一次性补正告知单（1 页）"
    assert not ui.warningLabel.isVisible()
    key(qtbot, dialog, Qt.Key.Key_PageDown)  # on into the second document
    assert ui.pageLabel.text() == "第 2 页 / 共 2 页" and ui.documentTabs.currentIndex() == 1
    assert not ui.nextButton.isEnabled()
    ui.previousButton.click()
    assert ui.pageLabel.text() == "第 1 页 / 共 2 页"
    fit = dialog.zoom_factor()
    ui.zoomInButton.click()
    assert dialog.zoom_factor() == pytest.approx(fit * 1.25, rel=0.01)
    assert ui.zoomLabel.text() == f"{round(fit * 125)}%"
    assert ui.fitWidthButton.isEnabled()
    key(qtbot, dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert not ui.fitWidthButton.isEnabled()
    assert not ui.fullIdsCheck.isVisible()  # nothing to remake here
    key(qtbot, dialog, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert dialog.outcome == Outcome()


def test_preview_shows_the_warnings(qtbot: QtBot, store: Store, people: dict[str, int]) -> None:
    documents = sample_documents(store, people)
    pdf = documents[0].pdf
    rare = PdfResult(pdf.data, pdf.pages, ("𠮷",),
                     ("“𠮷”无法打印：主字体和备用字体都没有这个字。",))
    dialog = open_preview(qtbot, [Document("收件回执", rare, "x.pdf")])
    assert dialog.ui.warningLabel.isVisible()
    assert "注意：" in dialog.ui.warningLabel.text() and "𠮷" in dialog.ui.warningLabel.text()


def test_save_as_writes_the_pdf_atomically(qtbot: QtBot, store: Store, people: dict[str, int],
                                           tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    dialog = open_preview(qtbot, sample_documents(store, people))
    asked: list[str] = []

    folder = tmp_path / "saved"
    folder.mkdir()

    def answer(parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(folder / "回执副本"), filters  # no suffix: .pdf is added

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    key(qtbot, dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    target = folder / "回执副本.pdf"
    assert asked[0].endswith("收件回执.pdf")
    assert target.read_bytes() == dialog.documents()[0].pdf.data
    assert [p.name for p in folder.iterdir()] == ["回执副本.pdf"]  # no temporary left
    assert dialog.outcome.saved == [target]
    assert dialog.isVisible()  # saving does not close the preview


def test_save_as_into_a_missing_folder_is_refused(
        qtbot: QtBot, store: Store, people: dict[str, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    dialog = open_preview(qtbot, sample_documents(store, people))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a: (str(tmp_path / "nope" / "x.pdf"), "")))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: warnings.append(text)))
    dialog.save()
    assert warnings and "不存在" in warnings[0]
    assert dialog.outcome.saved == []


def test_print_dialog_page_range(qtbot: QtBot, store: Store, people: dict[str, int],
                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "page2.pdf"
    chosen: list[int] = []

    def choose(parent: object, printer: QPrinter, count: int) -> bool:
        chosen.append(count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(96)
        printer.setFromTo(2, 2)  # only the notice
        return True

    monkeypatch.setattr(preview, "choose_printer", choose)
    dialog = open_preview(qtbot, sample_documents(store, people))
    key(qtbot, dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert chosen == [2]
    assert pages_of(out) == 1
    assert dialog.outcome.printed and dialog.outcome.pages_printed == 1
    assert "补正告知" in text_of(out.read_bytes()) or pages_of(out) == 1


def test_enter_without_a_printer_opens_the_print_dialog(
        qtbot: QtBot, store: Store, people: dict[str, int]) -> None:
    dialog = open_preview(qtbot, sample_documents(store, people))
    assert dialog.ui.printButton.text() == "打印…"  # no default printer here
    qtbot.keyClick(dialog.ui.printButton, Qt.Key.Key_Return)  # choose_printer says no
    assert dialog.isVisible() and not dialog.outcome.printed


def test_full_ids_box_remakes_the_document(qtbot: QtBot, store: Store,
                                           people: dict[str, int]) -> None:
    documents = sample_documents(store, people)
    calls: list[bool] = []
    masked = documents[0].pdf

    def remake(full: bool) -> PdfResult | None:
        calls.append(full)
        return masked if not full else None if len(calls) > 2 else sample_full(store, people)

    def sample_full(store: Store, people: dict[str, int]) -> PdfResult:
        from zcdesk.printing import PrintOptions, receipt_pdf

        summary = store.visit_summary(store.visit_by_receipt("SC-2025H1-00001").id)
        return receipt_pdf(summary, store.point("SC"), store.current_round(),
                           store.checklist(), PrintOptions(full_ids=True))

    dialog = open_preview(qtbot, [Document("收件回执", masked, "x.pdf", remake)])
    box = dialog.ui.fullIdsCheck
    assert box.isVisible() and not box.isChecked()
    box.click()
    assert calls == [True] and ID_ZHANG in text_of(dialog.documents()[0].pdf.data)
    assert dialog.outcome.full_ids
    box.click()
    assert calls == [True, False] and not box.isChecked()
    box.click()  # the remake is cancelled (progress 取消): the box stays off
    assert calls == [True, False, True] and not box.isChecked()
    assert ID_ZHANG not in text_of(dialog.documents()[0].pdf.data)


# --------------------------------------------------------------- the menu
def test_receipt_menu_asks_for_the_number(qtbot: QtBot, window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    receipt_no = finish_mixed_visit(qtbot, window, monkeypatch)
    patch_dialog(monkeypatch, "preview", Outcome())
    press(qtbot, window, Qt.Key.Key_F10)
    asked = patch_dialog(monkeypatch, "prompt", answer=lambda parent, title, text, value, **kw:
                         value.lower())  # the clerk accepts the suggestion
    shown = patch_dialog(monkeypatch, "preview", Outcome(printed=True, pages_printed=1))
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    (_parent, _title, _text, value), _ = asked.calls[-1]
    assert value == receipt_no  # the visit finished last
    (_parent, title, pdf, _name), kwargs = shown.calls[-1]
    assert title == f"收件回执 {receipt_no}" and receipt_no in text_of(pdf.data)
    assert kwargs["rebuild"] is not None
    assert f"已打印 收件回执 {receipt_no}（1 页）" in window.message_text()

    shown.calls.clear()
    ui = window.ui
    ui.actionPrintNotice.trigger()
    (_parent, title, pdf, _name), _ = shown.calls[-1]
    assert title.startswith("一次性补正告知单") and "李四" in text_of(pdf.data)

    patch_dialog(monkeypatch, "prompt", "SC-2025H1-09999")
    ui.actionPrintReceipt.trigger()
    assert "没有收件号" in window.message_text()
    assert window.feedback.played[-1] == "error"


def test_notice_menu_for_a_complete_visit(qtbot: QtBot, window: MainWindow, store: Store,
                                          people: dict[str, int],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    visit = store.open_visit("钱老师")
    store.accept(people["王五"], "evaluation", 2, visit_id=visit.id)
    store.accept(people["王五"], "registration", 2, visit_id=visit.id)
    store.close_visit(visit.id)
    patch_dialog(monkeypatch, "prompt", visit.receipt_no)
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    window.ui.actionPrintNotice.trigger()
    assert shown.calls == []
    assert "无需补正告知单" in window.message_text()


def test_cover_of_the_open_packet(qtbot: QtBot, window: MainWindow,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    assert shown.calls == [] and "请先扫描" in window.message_text()
    scan(qtbot, window, ID_LI)
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    (_parent, title, pdf, name), kwargs = shown.calls[-1]
    packet = window.current_packet
    assert packet is not None and pdf.pages == 1
    assert title == "档案袋封面 李四" and packet.code in name
    text = text_of(pdf.data)
    assert packet.code in text and MASKED[ID_LI] in text and ID_LI not in text
    assert ID_LI in text_of(kwargs["rebuild"](True).data)


def test_scanning_a_cover_code_opens_the_packet(qtbot: QtBot, window: MainWindow,
                                                store: Store, people: dict[str, int]) -> None:
    code = store.packet(people["王五"]).code  # what the cover's barcode and QR carry
    assert code.startswith("SC-2025H1-P")
    scan(qtbot, window, code)
    assert window.current_packet is not None
    assert window.current_packet.packet_id == people["王五"]
    assert "已打开 王五" in window.message_text()
    scan(qtbot, window, code.lower())  # a scanner in lower case
    assert window.current_packet.packet_id == people["王五"]
    scan(qtbot, window, "XH-2025H1-P000003")  # another point's cover
    assert window.feedback.played[-1] == "error"
    assert "不属于本受理点" in window.message_text()


def test_covers_by_unit(qtbot: QtBot, window: MainWindow, store: Store,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    picked = patch_dialog(monkeypatch, "pick",
                          answer=lambda parent, title, text, choices, **kw: choices[1][0])
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    window.ui.actionCoverUnit.trigger()
    (_parent, _title, _text, choices), _ = picked.calls[-1]
    assert choices == [("杭州制氧机集团股份有限公司", "杭州制氧机集团股份有限公司（2 人）"),
                       ("杭州汽轮机股份有限公司", "杭州汽轮机股份有限公司（1 人）")]
    (_parent, _title, pdf, name), _ = shown.calls[-1]
    assert pdf.pages == 1 and "张三" in text_of(pdf.data)
    assert name == "档案袋封面-杭州汽轮机股份有限公司.pdf"


def test_covers_cancelled_write_and_show_nothing(qtbot: QtBot, window: MainWindow,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    patch_dialog(monkeypatch, "confirm", True)
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    seen: list[int] = []

    def cancel_when_shown() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QProgressDialog) and w.maximum() == 3), None)
        if dialog is None:
            QTimer.singleShot(5, cancel_when_shown)
            return
        seen.append(dialog.value())
        dialog.cancel()

    monkeypatch.setattr("zcdesk.ui.print_menu.COVERS_PROGRESS_AFTER_MS", 0)
    QTimer.singleShot(0, cancel_when_shown)
    monkeypatch.chdir(tmp_path)
    window.ui.actionCoverAll.trigger()
    assert seen, "the progress dialog never showed"
    assert shown.calls == []  # nothing to preview, print or save
    assert list(tmp_path.rglob("*.pdf")) == []
    assert "已取消" in window.message_text() and "没有生成封面" in window.message_text()
    qtbot.waitUntil(window.scan_edit.hasFocus, timeout=2000)


def test_covers_all_with_progress(qtbot: QtBot, window: MainWindow,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    patch_dialog(monkeypatch, "confirm", True)
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    window.ui.actionCoverAll.trigger()
    (_parent, title, pdf, _name), _ = shown.calls[-1]
    assert pdf.pages == 3 and "全部（3 份）" in title
    assert "已关闭预览" in window.message_text()


def test_batch_dialog_prints_its_lists(qtbot: QtBot, window: MainWindow, store: Store,
                                       people: dict[str, int],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """流转 → 批次: 新建批次 takes every complete packet; its lists preview from there."""
    from zcdesk.ui.dialogs.batches import BatchesDialog

    for name in ("张三", "王五"):
        store.accept(people[name], "evaluation", 2)
        store.accept(people[name], "registration", 2)
    with qtbot.waitSignal(window.packet_list.loaded, timeout=10000):
        window.reload_list()  # F5 reads in the background
    dialog = BatchesDialog(window)
    qtbot.addWidget(dialog)
    patch_dialog(monkeypatch, "confirm", False)
    dialog.ui.newButton.click()
    assert store.batches() == []  # Esc: nothing made

    patch_dialog(monkeypatch, "confirm", True)
    dialog.ui.newButton.click()
    (batch,) = store.batches()
    assert batch.batch_no == "SC-2025H1-B001" and batch.packet_count == 2
    shown = patch_dialog(monkeypatch, "preview", Outcome(printed=True, pages_printed=1))
    dialog.ui.transmittalButton.click()
    dialog.ui.reportButton.click()
    (_p, title, transmittal, name), kwargs = shown.calls[0]
    assert title == "移交清单 SC-2025H1-B001" and name == "移交清单-SC-2025H1-B001.pdf"
    text = text_of(transmittal.data)
    assert "SC-2025H1-B001" in text and MASKED[ID_ZHANG] in text and ID_ZHANG not in text
    assert "李四" not in text  # not complete, not in the batch
    assert ID_WANG in text_of(kwargs["rebuild"](True).data)
    (_p, title, report, _name), kwargs = shown.calls[1]
    assert title == "送评报告单 SC-2025H1-B001" and kwargs["rebuild"] is None
    assert "SC-2025H1-B001" in text_of(report.data)
    assert "已打印 送评报告单" in dialog.message_text()

    dialog.ui.newButton.click()  # nothing left to batch
    assert "没有可组批的材料袋" in dialog.message_text()
    assert len(store.batches()) == 1


def test_transmittal_menu_picks_a_batch(qtbot: QtBot, window: MainWindow, store: Store,
                                        people: dict[str, int],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    shown = patch_dialog(monkeypatch, "preview", Outcome())
    window.ui.actionPrintTransmittal.trigger()
    assert shown.calls == [] and "还没有批次" in window.message_text()

    store.accept(people["李四"], "evaluation", 2)
    store.accept(people["李四"], "registration", 2)
    store.new_batch()
    picked = patch_dialog(monkeypatch, "pick",
                          answer=lambda parent, title, text, choices, **kw: kw["current"])
    window.ui.actionPrintTransmittal.trigger()
    (_parent, _title, _text, choices), kwargs = picked.calls[-1]
    assert choices[0][0] == "SC-2025H1-B001" and "1 人" in choices[0][1]
    assert kwargs["current"] == "SC-2025H1-B001"
    (_parent, _title, pdf, _name), _ = shown.calls[-1]
    assert "李四" in text_of(pdf.data)

    window.ui.actionCoverBatch.trigger()
    (_parent, _title, pdf, name), _ = shown.calls[-1]
    assert pdf.pages == 1 and name == "档案袋封面-SC-2025H1-B001.pdf"


def test_print_actions_wait_for_the_store(qtbot: QtBot) -> None:
    window = make_window(qtbot, None)
    assert not any(a.isEnabled() for a in window.printing.actions())


def test_slow_packet_read_can_be_cancelled(qtbot: QtBot, window: MainWindow, store: Store,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The packets for covers are read in a thread; 取消 on the busy dialog drops them."""
    import threading

    gate = threading.Event()
    read = store.cover_packets

    def slow(**kwargs: object) -> object:
        gate.wait(5)
        return read(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "cover_packets", slow)
    monkeypatch.setattr("zcdesk.ui.print_menu.BUSY_AFTER_MS", 0)
    patch_dialog(monkeypatch, "confirm", True)
    shown = patch_dialog(monkeypatch, "preview", Outcome())

    def cancel_busy() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QProgressDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(5, cancel_busy)
            return
        assert dialog.maximum() == 0  # busy: no count known yet
        window.repaint()  # the window still paints while the thread reads
        dialog.cancel()

    QTimer.singleShot(0, cancel_busy)
    window.ui.actionCoverAll.trigger()
    gate.set()
    assert shown.calls == []
    assert "已取消" in window.message_text()
