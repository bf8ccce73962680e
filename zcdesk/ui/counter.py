"""The keyboard loop of the counter: scan, record copies, reject, undo, visits.

A mixin of MainWindow (it uses the window's widgets and message line). Every
handler catches StoreError and shows its Chinese text; nothing half-done is
left behind because every Store call is one transaction.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from zcdesk.domain.completeness import ItemState, PacketStatus
from zcdesk.domain.records import (
    ApplicantForm,
    Lookup,
    LookupKind,
    PacketView,
    RecordResult,
    VisitInfo,
    VisitSummary,
)
from zcdesk.ui import store_errors as errors
from zcdesk.ui.counter_state import NO_PACKET, CounterState, ScanAction, read_scan, scan_text
from zcdesk.ui.i18n import tr
from zcdesk.ui.packet_panel import status_words
from zcdesk.ui.store_call import StoreCaller

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

    from zcdesk.store import Store, StoreError
    from zcdesk.ui.dialogs.visit import VisitForm
    from zcdesk.ui.feedback import Feedback
    from zcdesk.ui.packet_model import PacketTableModel
    from zcdesk.ui.packet_panel import PacketPanel
    from zcdesk.ui.print_menu import PrintMenu
    from zcdesk.ui.visit_bar import VisitBar

ID_QUERY_KINDS = ("resident_id", "other_id")


class CounterMixin:
    store: Store
    feedback: Feedback
    panel: PacketPanel
    scan_edit: QLineEdit
    visit_bar: VisitBar
    packet_model: PacketTableModel
    printing: PrintMenu

    if TYPE_CHECKING:  # provided by MainWindow
        store_ready: bool
        def queue_scan(self, text: str) -> None: ...
        def show_message(self, text: str, level: str = "ok") -> None: ...
        def show_error(self, text: str) -> None: ...
        def show_warning(self, text: str) -> None: ...
        def refocus(self) -> None: ...
        def refresh_status_bar(self) -> None: ...
        def refresh_deadlines(self) -> None: ...
        def update_list_row(self, packet_id: int) -> None: ...
        def schedule_secondary(self, packet: PacketView) -> None: ...
        def reload_list(self) -> None: ...
        def set_title_suffix(self, suffix: str) -> None: ...

    def init_counter(self) -> None:
        self.counter = CounterState()
        # Lookups and writes run on a worker: a slow or hung database never freezes the
        # window, and keys typed meanwhile wait their turn (ui.store_call).
        self.store_call = StoreCaller(self)
        self.visit: VisitInfo | None = None
        self.offer_id = ""  # the ID number of the last unknown scan, offered to F4
        self._visit_reviewed: tuple[int, str] | None = None  # (visit, operator) asked
        self._title_suffix = ""

    # ================================================================ scanning
    def submit_scan(self, text: str) -> None:
        """Exactly what typing `text` into the scan field and pressing Enter does."""
        if not self.store_ready:
            self.queue_scan(text)  # handled as soon as the database is open
            self.refocus()
            return
        try:
            self._handle_scan(text)
        except errors.StoreError as exc:
            self.close_packet()  # a scan that could not be resolved names no packet
            self._refuse(str(exc), text)
        self.refocus()

    def _handle_scan(self, raw: str) -> None:
        scan = read_scan(raw)
        if scan.action is ScanAction.EMPTY:
            self.scan_edit.clear()
            return
        if scan.action is ScanAction.COPIES:
            self.scan_edit.clear()
            self.accept_copies(scan.copies)
            return
        if scan.action is ScanAction.REJECT:
            self.scan_edit.clear()
            self.reject_selected()
            return
        result = self.store_call(lambda: self.store.lookup(scan.text))
        packet = self.counter.after_lookup(result)
        if packet is not None:
            self.scan_edit.clear()
            self._adopt_visit(result)
            self.open_packet(packet)
            return
        if result.kind is LookupKind.EMPTY:
            self.scan_edit.clear()
            return
        # Refused or unresolved: the open packet is closed first (H2), so a
        # following `2⏎` cannot book copies to the person scanned before.
        self.close_packet()
        if result.kind is LookupKind.CHOICE:
            self._choose(result, scan.text)
            return
        if result.kind is LookupKind.NOT_FOUND and result.query_kind in ID_QUERY_KINDS:
            self.offer_id = result.query
        self._refuse(result.message, result.query or scan.text)

    def close_packet(self) -> None:
        """No packet open: the panel shows none and copies are refused until a scan."""
        self.counter.close()
        self.panel.show_packet(None)

    def _refuse(self, message: str, text: str) -> None:
        """Error sound, red message; the text stays selected so the next scan replaces it."""
        self.show_error(message)
        self.scan_edit.setText(scan_text(text))
        self.scan_edit.selectAll()

    def _choose(self, result: Lookup, cleaned: str) -> None:
        from zcdesk.ui.dialogs import choice as choice_dialog
        row = choice_dialog.launch(self, result.choices, result.message)
        if row is None:
            self.show_message(tr("已取消选择，未打开材料袋。"), "info")
            self.scan_edit.setText(cleaned)
            self.scan_edit.selectAll()
            return
        self.scan_edit.clear()
        self._adopt_visit(result)
        self.open_packet(self.store.packet(row.packet_id))

    def _adopt_visit(self, result: Lookup) -> None:
        """A scanned receipt of this desk's open visit makes it the current visit."""
        visit = result.visit
        if self.visit is None and visit is not None and visit.is_open \
                and visit.desk == self.store.desk:
            self._set_visit(visit)

    def open_packet(self, packet: PacketView, *, announce: bool = True) -> None:
        """Open `packet` at the clerk's word (a scan, the list, F4): copies go to it."""
        self.counter.open(packet)
        self.panel.show_packet(packet)
        self.schedule_secondary(packet)
        if not announce:
            return
        name = packet.applicant.name
        if packet.status is PacketStatus.COMPLETE:
            text = tr("已打开 {name}：{status}，材料已收齐。").format(
                name=name, status=status_words(packet.status))
        else:
            text = tr("已打开 {name}（{status}）：{missing}").format(
                name=name, status=status_words(packet.status),
                missing=packet.state.missing_text())
        self.show_message(text, "ok")
        self.feedback.ok()

    def open_list_row(self, row: int) -> None:
        packet_id = self.packet_model.packet_id(row)
        if packet_id is None:
            self.show_message(tr("列表中没有可打开的行。"), "info")
        else:
            try:
                self.open_packet(self.store.packet(packet_id))
            except errors.StoreError as exc:
                self.show_error(str(exc))
        self.refocus()

    # ================================================================ copies
    def accept_copies(self, copies: int) -> None:
        """Digits + Enter: record accepted copies of the selected item."""
        packet, state = self.current_packet_state()
        if packet is None or state is None:
            self.show_error(tr(NO_PACKET))
            return
        visit = self.ensure_visit()
        if visit is None:
            self.show_message(tr("未开始收件，本次未登记。"), "info")
            return
        try:
            result = self.store_call(lambda: self.store.accept(
                packet.packet_id, state.item.code, copies, visit_id=visit.id,
                expected_version=packet.version))
        except errors.ConcurrentChange as exc:
            self._changed_meanwhile(exc, state.item.code)
            return
        except errors.StoreError as exc:
            self._write_refused(packet, state.item.code, exc)
            return
        self.after_write(result, add_to_visit=True)
        self.panel.advance_to_next_incomplete()
        name = result.packet.applicant.name
        if result.warning:
            self.show_warning(f"{result.message}\n{result.warning}")
        elif result.packet.status is PacketStatus.COMPLETE:
            # result.message ends with the packet's missing words, here just "齐全"
            recorded = result.message.removesuffix(tr("齐全")).strip()
            self.show_message(tr("{name} 齐全 ●　{recorded}材料已收齐。").format(
                name=name, recorded=recorded), "ok")
            self.feedback.ok()
        else:
            self.show_message(f"{name}：{result.message}", "ok")
            self.feedback.ok()

    def reject_selected(self) -> None:
        """F7 or R + Enter: copies handed back, with the reason."""
        packet, state = self.current_packet_state()
        if packet is None or state is None:
            self.show_error(tr(NO_PACKET))
            self.refocus()
            return
        from zcdesk.ui.dialogs import reject as reject_dialog
        choice = reject_dialog.launch(self, state.item.short_name, packet.applicant.name)
        if choice is None:
            self.show_message(tr("已取消退回，未登记。"), "info")
            self.refocus()
            return
        visit = self.ensure_visit()
        if visit is None:
            self.show_message(tr("未开始收件，本次未登记。"), "info")
            self.refocus()
            return
        try:
            result = self.store_call(lambda: self.store.reject(
                packet.packet_id, state.item.code, choice.copies, choice.reason, choice.text,
                visit_id=visit.id, expected_version=packet.version))
        except errors.ConcurrentChange as exc:
            self._changed_meanwhile(exc, state.item.code)
        except errors.StoreError as exc:
            self._write_refused(packet, state.item.code, exc)
        else:
            self.after_write(result, add_to_visit=True, select=state.item.code)
            self.show_warning(f"{result.packet.applicant.name}：{result.message}")
        self.refocus()

    def undo(self) -> None:
        """Ctrl+Z: a reversal event for this operator's last recording."""
        try:
            result = self.store_call(self.store.undo_last)
        except errors.NothingToUndo as exc:
            self.show_message(str(exc), "info")
        except errors.StoreError as exc:
            self.show_error(str(exc))
        else:
            packet = result.packet
            if self.counter.is_open(packet):
                self._show_written(packet, None)
                self.panel.select_first_incomplete()
            else:
                # Another packet's recording was undone: the panel keeps the packet
                # the clerk scanned last, so the next `2⏎` still goes to that one.
                self.update_list_row(packet.packet_id, packet)
                self.refresh_status_bar()
            self._reread_visit_bar()
            self.show_message(result.message, "ok")
            self.feedback.ok()
        self.refocus()

    def _reread_visit_bar(self) -> None:
        """The visit's packets as they stand: one whose recordings were all undone goes."""
        if self.visit is None:
            return
        # On a refusal the bar keeps what it showed; the next write refreshes it.
        with contextlib.suppress(errors.StoreError):
            self.visit_bar.set_visit(self.visit, self.store.visit_summary(self.visit.id).packets)

    def current_packet_state(self) -> tuple[PacketView | None, ItemState | None]:
        """The open packet and its selected item; (None, None) unless the panel shows
        the very packet the counter opened."""
        packet = self.counter.target(self.panel.packet)
        return (packet, self.panel.selected_state()) if packet is not None else (None, None)

    def after_write(self, result: RecordResult, *, add_to_visit: bool,
                    select: str | None = None) -> None:
        packet = result.packet
        self._show_written(packet, select)
        self.visit_bar.show_packet(packet, add=add_to_visit and self.visit is not None)

    def _show_written(self, packet: PacketView, select: str | None) -> None:
        """A packet as a write left it: panel, its list row, counts, then the rest."""
        self.panel.show_packet(packet, select=select)
        self.update_list_row(packet.packet_id, packet)
        self.refresh_status_bar()
        self.schedule_secondary(packet)

    def show_recent(self, packet: PacketView) -> None:
        """The panel's latest-records list (one history query)."""
        try:
            self.panel.show_events(self.store.history(packet.applicant.id))
        except errors.StoreError:
            self.panel.show_events([])

    def _changed_meanwhile(self, exc: StoreError, item_code: str) -> None:
        """Another desk wrote this packet since it was shown: nothing was saved; the
        clerk hears the error sound, reads why and sees the packet as it is now."""
        fresh = getattr(exc, "packet", None)
        if isinstance(fresh, PacketView):
            self._show_written(fresh, item_code)
        self.show_error(str(exc))

    def _write_refused(self, packet: PacketView, item_code: str, exc: StoreError) -> None:
        """Show why nothing was written; a complete item is a warning, not an error."""
        try:
            fresh = self.store.packet(packet.packet_id)
            self.panel.show_packet(fresh, select=item_code)
            complete = fresh.state.item(item_code).complete
        except (errors.StoreError, KeyError):
            complete = False
        self._check_visit_open()
        if complete:
            self.show_warning(str(exc))
        else:
            self.show_error(str(exc))

    # ================================================================ visits
    def resume_visit(self) -> None:
        """On start: carry on with the visit this desk left open."""
        try:
            visit = self.store.open_visit_of_desk()
            packets = self.store.visit_summary(visit.id).packets if visit else ()
        except errors.StoreError as exc:
            self.show_error(str(exc))
            return
        self._set_visit(visit, packets)

    def review_open_visit(self) -> None:
        """After a login: an unfinished visit of this desk is not taken over silently.
        Asked once per visit and operator; Enter carries on, a click finishes it."""
        visit = self.visit
        if visit is None or not self.store_ready:
            return
        operator = self.store.operator
        if self._visit_reviewed == (visit.id, operator):
            return
        self._visit_reviewed = (visit.id, operator)
        from zcdesk.ui.dialogs import open_visit as open_visit_dialog

        try:
            packets = len(self.store.visit_summary(visit.id).packets)
        except errors.StoreError as exc:
            self.show_error(str(exc))
            return
        if open_visit_dialog.launch(self, visit, packets, operator):
            self.finish_visit()
        else:
            self.show_message(tr("继续收件 {no}。").format(no=visit.receipt_no), "info")
            self.refocus()

    def _set_visit(self, visit: VisitInfo | None, packets: tuple[PacketView, ...] = ()) -> None:
        self.visit = visit
        self.visit_bar.set_visit(visit, packets)

    def _check_visit_open(self) -> None:
        if self.visit is None:
            return
        try:
            if not self.store.visit(self.visit.id).is_open:
                self._set_visit(None)
        except errors.StoreError:
            self._set_visit(None)

    def ensure_visit(self) -> VisitInfo | None:
        """The open visit; if there is none, ask for one first (Enter accepts at once)."""
        if self.visit is not None:
            return self.visit
        packet = self.panel.packet
        unit = packet.applicant.unit if packet else ""
        from zcdesk.ui.dialogs import visit as visit_dialog
        form = visit_dialog.launch(
            self, self._unit_names(), unit=unit,
            reason=tr("登记材料前先开始一次收件（取得收件号）。递交人信息可留空："
                      "直接按 Enter 开始，或用 Tab 填写后再开始。"))
        if form is None:
            return None
        return self._open_visit(form)

    def new_visit(self) -> None:
        """F2."""
        if self.visit is not None:
            self.show_warning(tr("收件 {no} 尚未完成，请先按 F10 完成后再新建。")
                              .format(no=self.visit.receipt_no))
            self.refocus()
            return
        from zcdesk.ui.dialogs import visit as visit_dialog
        form = visit_dialog.launch(self, self._unit_names())
        if form is not None and self._open_visit(form) is not None:
            self.show_message(tr("已开始收件 {no}。请扫描第一份材料袋的证件号码。")
                              .format(no=self.visit.receipt_no if self.visit else ""), "ok")
        self.refocus()

    def _open_visit(self, form: VisitForm) -> VisitInfo | None:
        try:
            visit = self.store_call(lambda: self.store.open_visit(
                form.visitor_name, form.visitor_phone, form.visitor_unit))
        except errors.StoreError as exc:
            self.show_error(str(exc))
            return None
        self._set_visit(visit)
        return visit

    def finish_visit(self) -> None:
        """F10: the summary, then the visit is closed."""
        if self.visit is None:
            self.show_message(tr("当前没有进行中的收件。按 F2 新建收件。"), "info")
            self.refocus()
            return
        from zcdesk.ui.dialogs import summary as summary_dialog
        try:
            summary = self.store.visit_summary(self.visit.id)
            if summary_dialog.launch(self, summary):
                visit_id = self.visit.id
                closed = self.store_call(lambda: self.store.close_visit(visit_id))
                self._set_visit(None)
                self.refresh_deadlines()  # a notice may have set a correction deadline
                done = tr("收件 {no} 已完成。{totals}").format(
                    no=closed.visit.receipt_no, totals=summary_dialog.totals_text(closed))
                self.show_message(done, "ok")
                self.feedback.ok()
                self._print_visit(closed, done)
            else:
                self.show_message(tr("继续收件 {no}。").format(no=self.visit.receipt_no), "info")
        except errors.StoreError as exc:
            self.show_error(str(exc))
        self.refocus()

    def _print_visit(self, closed: VisitSummary, done: str) -> None:
        """After F10: the receipt (+ the one-time notice) in the preview, Enter prints."""
        self.printing.last_receipt = closed.visit.receipt_no
        if not closed.packets:
            return  # nothing was handed in: no receipt to give
        try:
            outcome = self.printing.print_visit(closed)
        except errors.StoreError as exc:
            self.show_error(tr("{done}\n回执未能生成：{error}").format(done=done, error=exc))
            return
        if outcome.printed:
            from zcdesk.printing import needs_notice

            what = tr("回执和补正告知单") if needs_notice(closed) else tr("回执")
            self.show_message(tr("{done}\n已打印{what}。").format(done=done, what=what), "ok")
        else:
            self.show_message(tr("{done}\n回执未打印：可用“打印 → 收件回执…”（Ctrl+P）补打。")
                              .format(done=done), "info")

    def _unit_names(self) -> list[str]:
        try:
            return self.store.unit_names()
        except errors.StoreError:
            return []

    # ============================================================ applicants
    def add_applicant(self) -> None:
        """F4: a new applicant (prefilled with the last unknown ID number)."""
        from zcdesk.ui.dialogs import applicant as applicant_dialog
        form = applicant_dialog.launch(self, self.store, ApplicantForm(id_number=self.offer_id))
        if form is not None:
            try:
                packet = self.store_call(lambda: self.store.add_applicant(form))
            except errors.StoreError as exc:
                self.show_error(str(exc))
            else:
                self.offer_id = ""
                self.update_list_row(packet.packet_id, packet)
                self.refresh_status_bar()
                self.open_packet(packet, announce=False)
                self.show_message(tr("已新增申报人 {name}，材料袋已打开：{missing}").format(
                    name=packet.applicant.name, missing=packet.state.missing_text()), "ok")
                self.feedback.ok()
        self.refocus()

    def show_history(self) -> None:
        """Ctrl+H: the open packet's applicant, everything recorded."""
        packet = self.panel.packet
        if packet is None:
            self.show_message(tr("请先打开材料袋，再查看办理记录。"), "info")
        else:
            try:
                events = self.store.history(packet.applicant.id)
            except errors.StoreError as exc:
                self.show_error(str(exc))
            else:
                from zcdesk.ui.dialogs import history as history_dialog
                history_dialog.launch(self, packet.applicant.name, events)
        self.refocus()

    # ================================================================ desk
    def ensure_desk_setup(self) -> None:
        """First start: no acceptance point configured yet → ask for it."""
        try:
            missing = self.store.desk_point() is None
        except errors.StoreError as exc:
            self.show_error(str(exc))
            return
        if not missing:
            return
        if self.store.role not in (None, "admin"):
            self.show_warning(tr("本机尚未设置受理点：可以查询，但不能收件。"
                                 "请管理员登录后在“设置 → 本机受理点和窗口”中选择。"))
            return
        self.desk_setup(first_start=True)

    def desk_setup(self, first_start: bool = False) -> None:
        from zcdesk.ui.dialogs import desk as desk_dialog
        try:
            point = self.store.desk_point()
            setup = desk_dialog.launch(self, self.store.points(), point.code if point else "",
                                       self.store.desk, first_start=first_start)
            if setup is not None:
                chosen = self.store.set_desk_point(setup.point_code)
                if setup.desk_name and setup.desk_name != self.store.desk:
                    self.store.set_setting("desk.name", setup.desk_name)
                self.refresh_status_bar()
                self.set_title_suffix(self._title_suffix)
                self.show_message(tr("本机已设为 {point} · {desk}。").format(
                    point=chosen.short_name, desk=self.store.desk), "ok")
            elif first_start:
                self.show_warning(tr("尚未设置本机受理点：可以查询，但不能收件。"
                                     "请在“设置 → 本机受理点和窗口”中选择。"))
        except errors.StoreError as exc:
            self.show_error(str(exc))
        self.refocus()
