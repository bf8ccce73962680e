"""流转 menu: batches, the committee's decisions, forms back and returned to units,
correction deadlines, statistics; 设置 → 节假日 (admin).

Each command calls the Store methods the command line uses (zcdesk/cli*.py):
batches through dialogs/batches.py; decisions one by one (record_decision) or
from a spreadsheet (import_decisions: a dry run previewed, then the import);
returns through dialogs/returns.py. After anything that moves packets the
counter's list is re-read in the background and the open packet shown afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QWidget

from zcdesk.domain.flow import PacketStage
from zcdesk.ui import store_errors as errors
from zcdesk.ui.i18n import tr
from zcdesk.ui.worker import Progress, run_with_progress

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from zcdesk.domain.flow import DecisionImportReport
    from zcdesk.ui.main_window import MainWindow

DECISIONS_FILTER = "评审结果 (*.xlsx *.xls *.csv);;Excel 工作簿 (*.xlsx *.xls);;CSV 文件 (*.csv)"
STATS_FILTER = "Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"
# A decision may be recorded once the packet was handed over (store: AFTER_HANDOVER).
DECIDABLE = frozenset({PacketStage.HANDED_OVER, PacketStage.BACK, PacketStage.RETURNED,
                       PacketStage.ARCHIVED})


class FlowMenu:
    """The 流转 menu's actions of a MainWindow, and what they do."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def actions(self) -> list[QAction]:
        ui = self.window.ui
        return [ui.actionNewBatch, ui.actionRecordDecision, ui.actionImportDecisions,
                ui.actionReturns, ui.actionCorrections, ui.actionStatistics, ui.actionCalendar]

    def admin_actions(self) -> list[QAction]:
        ui = self.window.ui
        return [ui.actionNewBatch, ui.actionRecordDecision, ui.actionImportDecisions,
                ui.actionReturns, ui.actionCalendar]

    def district_actions(self) -> list[QAction]:
        """Meaningless at the city bureau's desk: hidden there. Its statistics would
        count its own (empty) counter, its holidays only the district's deadlines."""
        ui = self.window.ui
        return [ui.actionNewBatch, ui.actionRecordDecision, ui.actionImportDecisions,
                ui.actionReturns, ui.actionCorrections, ui.actionStatistics,
                ui.actionCalendar]

    def handlers(self) -> dict[QAction, Callable[[], None]]:
        ui = self.window.ui
        run = self.window.run_command  # a refusal shown, the scan field refocused
        return {ui.actionNewBatch: lambda: run(self.batches),
                ui.actionRecordDecision: lambda: run(self.record_decision),
                ui.actionImportDecisions: lambda: run(self.import_decisions),
                ui.actionReturns: lambda: run(self.returns),
                ui.actionCorrections: lambda: run(self.corrections),
                ui.actionStatistics: lambda: run(self.statistics),
                ui.actionCalendar: lambda: run(self.calendar)}

    def after_flow_change(self) -> None:
        """Packets changed stage: the list re-read, the open packet and deadlines afresh."""
        self.window.after_import()
        self.window.refresh_deadlines()

    # ------------------------------------------------------------ batches
    def batches(self, select: str = "") -> None:
        from zcdesk.ui.dialogs import batches

        window = self.window
        window.store.require_admin(tr("组批"))
        if batches.launch(window, select):
            self.after_flow_change()

    # ---------------------------------------------------------- decisions
    def record_decision(self) -> None:
        from zcdesk.ui.dialogs import decision

        window = self.window
        packet = window.current_packet
        if packet is None:
            window.show_message(tr("请先扫描证件号码或封面条码打开材料袋，再登记评审结果。"),
                                "info")
            return
        store = window.store
        store.require_admin(tr("登记评审结果"))
        packet = store.packet(packet.packet_id)
        if packet.stage not in DECIDABLE:
            window.show_error(tr("{name} 的材料袋尚未移交市局（现为{stage}）：移交以后才能"
                                 "登记评审结果。").format(name=packet.applicant.name,
                                                    stage=tr(packet.stage.label)))
            return
        form = decision.launch(window, packet.applicant.name, packet.decision,
                               store.clock().date())
        if form is None:
            return
        written = store.record_decision(packet.code, form.result, form.decided_on,
                                        form.document_no)
        window.panel.show_packet(written)
        window.update_list_row(written.packet_id, written)
        window.show_recent(written)
        window.show_message(tr("已登记 {name} 的评审结果：{result}。").format(
            name=written.applicant.name, result=tr(form.result.label)), "ok")
        window.feedback.ok()

    def import_decisions(self) -> DecisionImportReport | None:
        from zcdesk.ui.dialogs import import_preview

        window = self.window
        store = window.store
        store.require_admin(tr("导入评审结果"))
        roster = window.roster
        name, _ = QFileDialog.getOpenFileName(window, tr("导入评审结果"), roster.folder,
                                              tr(DECISIONS_FILTER))
        if not name:
            return None
        path = Path(name)
        roster.folder = str(path.parent)

        def dry(_progress: Progress) -> DecisionImportReport:
            return store.import_decisions(path, dry_run=True)

        outcome = run_with_progress(window, dry, tr("正在读取“{name}”……").format(
            name=path.name), title=tr("导入评审结果"))
        if outcome.cancelled or outcome.value is None:
            window.show_message(tr("已取消导入：没有写入任何数据。"), "info")
            return None
        report: DecisionImportReport = outcome.value
        refused = tuple((row, "", reason) for row, reason in report.refused)
        preview = import_preview.Preview(
            title=tr("导入评审结果：预览"), file_name=path.name, sheet="", header_row=0,
            counts=tr("将登记 {new} 人，将更改 {changed} 人，{same} 人无变化，"
                      "{refused} 行有问题。").format(new=report.recorded, changed=report.changed,
                                                 same=report.unchanged, refused=len(refused))
            + (tr("另有 {n} 行不是本受理点的申报人，已跳过。").format(n=len(report.skipped))
               if report.skipped else ""),
            refused=refused, ok_text=tr("导入"),
            can_import=bool(report.recorded or report.changed) and not refused,
            notes=(tr("有问题的行须先在文件中改正：全部无误才导入（全部或全不）。"),)
            if refused else ())
        if not import_preview.launch(window, preview):
            window.show_message(tr("已取消导入：没有写入任何数据。"), "info")
            return None

        def commit(_progress: Progress) -> DecisionImportReport:
            return store.import_decisions(path)

        done = run_with_progress(window, commit, tr("正在导入评审结果……"),
                                 title=tr("导入评审结果"), cancellable=False)
        result: DecisionImportReport = done.value  # type: ignore[assignment]
        self.after_flow_change()
        window.show_message(tr("评审结果已导入：登记 {new} 人，更改 {changed} 人，"
                               "{same} 人无变化。").format(new=result.recorded,
                                                       changed=result.changed,
                                                       same=result.unchanged), "ok")
        window.feedback.ok()
        return result

    # ------------------------------------------------------------- return
    def returns(self) -> None:
        from zcdesk.ui.dialogs import returns

        if returns.launch(self.window):
            self.after_flow_change()

    # ---------------------------------------------------------- deadlines
    def corrections(self, overdue_only: bool = False) -> None:
        from zcdesk.ui.dialogs import corrections

        store = self.window.store
        corrections.launch(self.window,
                           lambda only: store.corrections_due(overdue_only=only), overdue_only,
                           store.deadlines())

    def calendar(self) -> None:
        from zcdesk.ui.dialogs import calendar_days

        window = self.window
        window.store.require_admin(tr("修改节假日"))
        if calendar_days.launch(window, window.store, window.store.clock().date()):
            window.refresh_deadlines()

    # ---------------------------------------------------------- statistics
    def statistics(self) -> None:
        from zcdesk.ui.dialogs import statistics

        window = self.window
        stats = window.store.statistics()
        statistics.launch(window, stats, self.export_statistics if _can_export() else None)

    def export_statistics(self, parent: QWidget) -> Path | None:
        """导出… in the statistics dialog (`parent`): the outcome, success or refusal,
        is said in that dialog, not in the window behind it."""
        from zcdesk.importing.errors import ExportError
        from zcdesk.importing.statistics_export import export_statistics

        window = self.window

        def tell(text: str, level: str) -> None:
            show = getattr(parent, "show_message", None)
            if callable(show):
                show(text, level)
            elif level == "error":
                window.show_error(text)
            else:
                window.show_message(text, level)
            (window.feedback.error if level == "error" else window.feedback.ok)()

        try:
            stats = window.store.statistics()
        except errors.StoreError as exc:
            tell(tr("导出失败：{why}").format(why=exc), "error")
            return None
        roster = window.roster
        start = str(Path(roster.folder or Path.home()) / f"统计-{stats.round_code}.xlsx")
        name, chosen = QFileDialog.getSaveFileName(parent, tr("导出统计"), start,
                                                   tr(STATS_FILTER))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
        roster.folder = str(path.parent)

        def write(_progress: Progress) -> Any:
            return export_statistics(stats, path)

        try:
            run_with_progress(parent, write, tr("正在导出统计……"), title=tr("导出统计"),
                              cancellable=False)
        except (OSError, ValueError, ExportError, errors.StoreError) as exc:
            tell(tr("导出失败：{why}").format(why=getattr(exc, "message", exc)), "error")
            return None
        tell(tr("统计已导出：{path}").format(path=path), "ok")
        return path


def _can_export() -> bool:
    """export_statistics lands with the printing work; until then the button is off."""
    try:
        from zcdesk.importing import statistics_export  # noqa: F401
    except ImportError:
        return False
    return True
