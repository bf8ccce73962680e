"""The 打印 menu, and the receipt after F10: PDFs from zcdesk.printing, in the preview.

Every document is made as the command line makes it (`zcdesk print …`): the
same records from the Store, the same PrintOptions — the fallback font of the
`print.fallback_font` setting (or ZCDESK_FALLBACK_FONT), today = the store's
clock — and ID numbers masked unless the clerk ticks 显示完整证件号码 in the
preview. Receipts, notices and covers print as 经办人 the operator who recorded
the visit, never the one printing (#13). Then dialogs.preview shows it: Enter prints.

Cover sheets for many packets: the packets are read in a thread (a busy
progress dialog; 取消 drops the result) and the PDF is made with a progress
dialog whose 取消 stops it (PrintCancelled): nothing is shown or written then.

Nothing here is imported before the window is shown, apart from this module
itself: zcdesk.printing (reportlab) and the dialogs load on first use.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QProgressDialog

from zcdesk.ui import store_errors as errors
from zcdesk.ui.glyph_consent import GlyphConsent
from zcdesk.ui.i18n import tr
from zcdesk.ui.threads import start_thread

if TYPE_CHECKING:
    from zcdesk.domain.flow import ReturnList
    from zcdesk.domain.records import PacketView, VisitSummary
    from zcdesk.printing import PdfResult, PrintOptions
    from zcdesk.ui.dialogs.preview import Outcome
    from zcdesk.ui.main_window import MainWindow

T = TypeVar("T")
BUSY_AFTER_MS = 400  # the "reading packets" dialog appears only for a slow read
COVERS_PROGRESS_AFTER_MS = 300


class _Relay(QObject):
    done = Signal()


class PrintMenu:
    """The 打印 menu's actions of a MainWindow, and what they do."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_receipt = ""  # the visit finished last at this desk: 收件回执…'s default

    def actions(self) -> list[QAction]:
        ui = self.window.ui
        return [ui.actionPrintReceipt, ui.actionPrintNotice, ui.actionCoverCurrent,
                ui.actionCoverUnit, ui.actionCoverBatch, ui.actionCoverAll,
                ui.actionPrintTransmittal, ui.actionPrintReport]

    def handlers(self) -> dict[QAction, Callable[[], None]]:
        ui = self.window.ui
        run = self.window.run_command  # a refusal shown, the scan field refocused
        document = self.batch_document
        return {
            ui.actionPrintReceipt: lambda: run(self.print_receipt),
            ui.actionPrintNotice: lambda: run(self.print_notice),
            ui.actionCoverCurrent: lambda: run(self.covers_current),
            ui.actionCoverUnit: lambda: run(self.covers_unit),
            ui.actionCoverBatch: lambda: run(self.covers_batch),
            ui.actionCoverAll: lambda: run(self.covers_all),
            ui.actionPrintTransmittal: lambda: run(lambda: document("transmittal")),
            ui.actionPrintReport: lambda: run(lambda: document("report")),
        }

    # ------------------------------------------------------------ options
    def options(self, full_ids: bool = False) -> PrintOptions:
        """As `zcdesk print` has them (raises InputError for a missing fallback font)."""
        from zcdesk.print_output import fallback_font  # the CLI's setting, one definition
        from zcdesk.printing import PrintOptions

        store = self.window.store
        return PrintOptions(full_ids=full_ids, clerk=store.operator,
                            fallback_font=fallback_font(store), today=store.clock().date())

    # -------------------------------------------------------- after F10
    def print_visit(self, summary: VisitSummary) -> Outcome:
        """The receipt (and the one-time notice, when anything is missing or was
        handed back) in one preview; Enter prints both as one job."""
        from zcdesk import printing
        from zcdesk.ui.dialogs import preview

        self.last_receipt = summary.visit.receipt_no
        receipt, receipt_name, remake_receipt = self._visit_document(summary, "receipt")
        more = []
        heading = tr("收件回执 {no}").format(no=summary.visit.receipt_no)
        if printing.needs_notice(summary):
            notice, notice_name, remake_notice = self._visit_document(summary, "notice")
            more.append(preview.Document(tr("一次性补正告知单"), notice, notice_name,
                                         remake_notice))
            heading = tr("收件 {no}：回执和一次性补正告知单").format(no=summary.visit.receipt_no)
        return preview.launch(self.window, tr("收件回执"), receipt, receipt_name,
                              rebuild=remake_receipt, more=more, heading=heading)

    def _visit_document(self, summary: VisitSummary, kind: str
                        ) -> tuple[PdfResult, str, Callable[[bool], PdfResult]]:
        from zcdesk import printing

        store = self.window.store
        # the visit's own round, point and checklist, on reprints too
        papers = store.round_papers(summary.visit.round_code, summary.visit.point_code)
        point, round_, items = papers.point, papers.round, papers.items
        make = printing.receipt_pdf if kind == "receipt" else printing.notice_pdf

        from zcdesk.print_output import notice_two_up

        two_up = notice_two_up(store)
        consent = GlyphConsent(self.window)

        def build(full_ids: bool) -> PdfResult:
            # 经办人: who recorded the visit, on every reprint, not who prints now
            options = dataclasses.replace(self.options(full_ids), clerk=summary.visit.operator,
                                          notice_two_up=two_up)
            with _busy():
                return consent.make(lambda o: make(summary, point, round_, items, o), options)

        word = tr("收件回执") if kind == "receipt" else tr("补正告知单")
        return build(False), f"{word}-{summary.visit.receipt_no}.pdf", build

    # ---------------------------------------------------- receipt, notice
    def _default_receipt(self) -> str:
        if self.last_receipt:
            return self.last_receipt
        visit = self.window.visit
        if visit is None:  # after a restart: the visit this desk finished last
            with contextlib.suppress(errors.StoreError):
                visit = self.window.store.last_closed_visit_of_desk()
        return visit.receipt_no if visit is not None else ""

    def _ask_receipt(self, title: str) -> VisitSummary | None:
        from zcdesk.ui.dialogs import prompt

        number = prompt.launch(self.window, title,
                               tr("收件号（可扫描回执上的条码）："), self._default_receipt(),
                               ok_text=tr("预览"), placeholder="SC-2025H1-00017",
                               accepts_scan=True)
        if number is None:
            return None
        store = self.window.store
        return store.visit_summary(store.visit_by_receipt(number).id)

    def print_receipt(self) -> None:
        from zcdesk.ui.dialogs import preview

        summary = self._ask_receipt(tr("打印收件回执"))
        if summary is None:
            return
        pdf, name, rebuild = self._visit_document(summary, "receipt")
        title = tr("收件回执 {no}").format(no=summary.visit.receipt_no)
        self._report(title, preview.launch(self.window, title, pdf, name, rebuild=rebuild))

    def print_notice(self) -> None:
        from zcdesk import printing
        from zcdesk.ui.dialogs import preview

        summary = self._ask_receipt(tr("打印一次性补正告知单"))
        if summary is None:
            return
        if not printing.needs_notice(summary):
            self.window.show_message(tr("收件 {no} 没有尚缺的材料，无需补正告知单。")
                                     .format(no=summary.visit.receipt_no), "info")
            return
        pdf, name, rebuild = self._visit_document(summary, "notice")
        title = tr("一次性补正告知单 {no}").format(no=summary.visit.receipt_no)
        self._report(title, preview.launch(self.window, title, pdf, name, rebuild=rebuild))

    # ------------------------------------------------------------- covers
    def covers_current(self) -> None:
        packet = self.window.current_packet
        if packet is None:
            self.window.show_message(tr("请先扫描证件号码打开材料袋，再打印它的封面。"), "info")
            return
        fresh = self.window.store.packet(packet.packet_id)
        self.covers([fresh], tr("档案袋封面 {name}").format(name=fresh.applicant.name),
                    f"档案袋封面-{fresh.applicant.name}-{fresh.code}.pdf")

    def covers_unit(self) -> None:
        from zcdesk.ui.dialogs import pick

        window = self.window
        counts = self.window.packet_model.unit_counts()
        if counts:
            choices = [(unit, tr("{unit}（{n} 人）").format(unit=unit, n=n))
                       for unit, n in sorted(counts.items())]
        else:  # the list is not loaded (yet): every known unit
            choices = [(unit, unit) for unit in window.store.unit_names()]
        packet = window.current_packet
        unit = pick.launch(window, tr("按单位打印档案袋封面"),
                           tr("为哪个单位的全部材料袋打印封面（每袋一页）？"), choices,
                           current=packet.applicant.unit if packet else "", ok_text=tr("预览"))
        if unit is None:
            return
        packets = self._read(lambda: window.store.cover_packets(unit=unit),
                             tr("正在读取“{unit}”的材料袋……").format(unit=unit))
        if packets is not None:
            self.covers(packets, tr("档案袋封面 {unit}").format(unit=unit),
                        f"档案袋封面-{unit}.pdf")

    def covers_batch(self) -> None:
        batch_no = self._pick_batch(tr("按批次打印档案袋封面"),
                                    tr("为哪个批次的全部材料袋打印封面（每袋一页）？"))
        if batch_no is None:
            return
        store = self.window.store
        packets = self._read(lambda: store.cover_packets(batch_no=batch_no),
                             tr("正在读取批次 {no} 的材料袋……").format(no=batch_no))
        if packets is not None:
            self.covers(packets, tr("档案袋封面 批次 {no}").format(no=batch_no),
                        f"档案袋封面-{batch_no}.pdf")

    def covers_all(self) -> None:
        from zcdesk.ui.dialogs import confirm

        window = self.window
        total = window.packet_model.total_count()
        text = tr("为本轮次全部 {n} 个材料袋打印档案袋封面（每袋一页）？").format(n=total) \
            if total else tr("为本轮次全部材料袋打印档案袋封面（每袋一页）？")
        if not confirm.launch(window, tr("全部档案袋封面"), text,
                              tr("数量多时需要一些时间，可随时取消。"), ok_text=tr("生成并预览")):
            return
        round_ = window.store.current_round()
        packets = self._read(lambda: window.store.cover_packets(), tr("正在读取全部材料袋……"))
        if packets is not None:
            self.covers(packets, tr("档案袋封面 全部（{n} 份）").format(n=len(packets)),
                        f"档案袋封面-{round_.code}-全部.pdf")

    def covers(self, packets: list[PacketView], title: str, name: str) -> Outcome | None:
        """Make the cover sheets (progress, 取消) and preview them."""
        from zcdesk.print_output import cover_clerks
        from zcdesk.ui.dialogs import preview

        with _busy():  # 经办人 of each packet's first visit: one read per visit
            clerks = cover_clerks(self.window.store, packets)
        consent = GlyphConsent(self.window)
        pdf = self.render_covers(packets, False, clerks, consent)
        if pdf is None:
            self.window.show_message(tr("已取消：没有生成封面，也没有写入任何文件。"), "info")
            return None
        outcome = preview.launch(
            self.window, title, pdf, name,
            rebuild=lambda full: self.render_covers(packets, full, clerks, consent))
        self._report(title, outcome)
        return outcome

    def render_covers(self, packets: list[PacketView], full_ids: bool,
                      clerks: dict[str, str] | None = None,
                      consent: GlyphConsent | None = None) -> PdfResult | None:
        """covers_pdf with a progress dialog; None when the clerk pressed 取消.
        `clerks`: 经办人 by receipt number (print_output.cover_clerks); `consent`: the
        clerk's answer on characters no font has (asked when needed)."""
        from zcdesk import printing

        consent = consent or GlyphConsent(self.window)
        store = self.window.store
        papers = store.round_papers(packets[0].round_code, packets[0].point_code)
        point, round_, items = papers.point, papers.round, papers.items  # the packet's round
        options = self.options(full_ids)
        total = len(packets)
        progress = QProgressDialog(tr("正在生成档案袋封面……"), tr("取消"), 0, total,
                                   QApplication.activeWindow() or self.window)
        progress.setWindowTitle(tr("档案袋封面"))
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(COVERS_PROGRESS_AFTER_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)

        def step(done: int, count: int) -> bool:
            progress.setLabelText(tr("正在生成档案袋封面：第 {done} / {count} 份……")
                                  .format(done=done, count=count))
            progress.setValue(done)
            QApplication.processEvents()  # the window repaints; 取消 is heard
            return not progress.wasCanceled()

        def make(chosen: PrintOptions) -> PdfResult:
            progress.reset()  # a second run after the clerk's answer starts at 0
            return printing.covers_pdf(packets, point, round_, items, chosen, progress=step,
                                       clerks=clerks)

        try:
            return consent.make(make, options)
        except printing.PrintCancelled:
            return None
        finally:
            progress.close()
            progress.deleteLater()

    def _read(self, read: Callable[[], T], label: str) -> T | None:
        """`read()` in a thread (the Store opens a session per call); a busy dialog
        with 取消 appears if it takes a while. None: cancelled (the result is dropped)."""
        result: dict[str, Any] = {}
        relay = _Relay()
        loop = QEventLoop()
        relay.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

        def run() -> None:
            try:
                result["value"] = read()
            except BaseException as exc:  # re-raised in the GUI thread
                result["error"] = exc
            with contextlib.suppress(RuntimeError):  # the relay is gone: window closed
                relay.done.emit()

        progress = QProgressDialog(label, tr("取消"), 0, 0, self.window)
        progress.setWindowTitle(tr("请稍候"))
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(BUSY_AFTER_MS)
        progress.canceled.connect(loop.quit)
        start_thread(run, name="zcdesk-print-read")
        try:
            loop.exec()
        finally:
            cancelled = progress.wasCanceled()
            progress.close()
            progress.deleteLater()
        if cancelled:  # whatever the thread still brings is dropped
            self.window.show_message(tr("已取消：没有生成任何文书。"), "info")
            return None
        if "error" in result:
            raise result["error"]
        value: T = result["value"]
        return value

    # ------------------------------------------------------------ batches
    def _pick_batch(self, title: str, prompt_text: str) -> str | None:
        from zcdesk.ui.dialogs import pick

        batches = self.window.store.batches()
        if not batches:
            self.window.show_message(
                tr("还没有批次。请先用“流转 → 批次”（Ctrl+B）把齐全的材料袋组成批次。"), "info")
            return None
        newest_first = sorted(batches, key=lambda b: b.created_at, reverse=True)
        choices = [(b.batch_no, tr("{no}　{n} 人　{at}　{who}").format(
            no=b.batch_no, n=b.packet_count, at=b.created_at.strftime("%Y-%m-%d %H:%M"),
            who=b.operator)) for b in newest_first]
        return pick.launch(self.window, title, prompt_text, choices,
                           current=newest_first[0].batch_no, ok_text=tr("预览"))

    def batch_document(self, kind: str, batch_no: str | None = None) -> Outcome | None:
        """移交清单 (kind "transmittal") or 送评报告单 ("report") of a batch."""
        from zcdesk import printing
        from zcdesk.ui.dialogs import preview

        word = tr("移交清单") if kind == "transmittal" else tr("送评报告单")
        if batch_no is None:
            batch_no = self._pick_batch(tr("打印{word}").format(word=word),
                                        tr("打印哪个批次的{word}？").format(word=word))
            if batch_no is None:
                return None
        store = self.window.store
        with _busy():
            batch = store.batch(batch_no)
        if not batch.packets:
            self.window.show_error(tr("批次 {no} 中没有材料袋。").format(no=batch_no))
            return None
        papers = store.round_papers(batch.batch.round_code, batch.batch.point_code)
        point, receiver, round_, items = papers.point, papers.city, papers.round, papers.items
        make = printing.transmittal_pdf if kind == "transmittal" else printing.report_pdf
        head = store.chain_head().words()  # on the 移交清单: the trail as of this print
        consent = GlyphConsent(self.window)

        def build(full_ids: bool) -> PdfResult:
            with _busy():
                return consent.make(lambda o: make(batch, point, receiver, round_, items, o),
                                    dataclasses.replace(self.options(full_ids), audit_head=head))

        title = tr("{word} {no}").format(word=word, no=batch.batch.batch_no)
        # The 送评报告单 shows counts only: no ID numbers to unmask.
        outcome = preview.launch(self.window, title, build(False),
                                 f"{word}-{batch.batch.batch_no}.pdf",
                                 rebuild=build if kind == "transmittal" else None)
        self._report(title, outcome)
        return outcome

    # -------------------------------------------------------- return list
    def return_list(self, return_list: ReturnList) -> Outcome | None:
        """The 返还清单 of one unit, in the preview (full ID numbers on request)."""
        from zcdesk import printing
        from zcdesk.ui.dialogs import preview

        store = self.window.store
        papers = store.round_papers(return_list.heading_round, return_list.point_code)
        point, round_, items = papers.point, papers.round, papers.items  # the list's round
        consent = GlyphConsent(self.window)

        def build(full_ids: bool) -> PdfResult:
            with _busy():
                return consent.make(
                    lambda o: printing.return_list_pdf(return_list, point, round_, items, o),
                    self.options(full_ids))

        title = tr("返还清单 {unit}").format(unit=return_list.unit)
        outcome = preview.launch(self.window, title, build(False),
                                 f"返还清单-{return_list.unit}.pdf", rebuild=build)
        self._report(title, outcome)
        return outcome

    # ------------------------------------------------------------- report
    def _report(self, title: str, outcome: Outcome) -> None:
        window = self.window
        if outcome.printed:
            window.show_message(tr("已打印 {title}（{n} 页）。").format(
                title=title, n=outcome.pages_printed), "ok")
        elif outcome.saved:
            window.show_message(tr("已保存 {title}：{path}").format(
                title=title, path=outcome.saved[-1]), "ok")
        else:
            window.show_message(tr("已关闭预览，{title} 未打印。").format(title=title), "info")


class _busy:  # used as `with _busy():`
    """The wait cursor while a document is made."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QApplication.restoreOverrideCursor()
