"""The 导入 menu: roster import (with a preview), the disqualification list, the export.

Each command does what the command line does (zcdesk/cli/roster.py):
`read_roster` / `read_bans`, then `store.preview_roster` for the preview (both
ways: blank cells kept, blank cells overwriting), then the import itself and
`store.refresh_eligibility()`; 撤销上次导入… is `store.undo_roster_import` after
a confirmation; the export builds its rows from `store.packet_reports()` exactly
as `zcdesk export`.

Reading a file (and the dry run) runs in a thread behind a progress dialog
whose 取消 stops the reader (ImportCancelled): nothing is written then. The
import itself is one transaction, also in a thread; the list is then re-read
in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from zcdesk.importing.errors import ExportError, ImportCancelled, RosterUnreadable
from zcdesk.ui.i18n import tr
from zcdesk.ui.worker import Outcome, Progress, run_with_progress

if TYPE_CHECKING:
    from zcdesk.domain.records import ImportReport
    from zcdesk.importing.roster import RosterRead
    from zcdesk.store.roster_ops import RosterPreview, UndoImportResult
    from zcdesk.ui.dialogs import import_preview
    from zcdesk.ui.main_window import MainWindow

ROSTER_FILTER = "花名册 (*.xlsx *.xls *.csv);;Excel 工作簿 (*.xlsx *.xls);;CSV 文件 (*.csv)"
EXPORT_FILTER = "Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"
EXPORT_SUFFIXES = (".xlsx", ".csv")


class RosterMenu:
    """The 导入 menu's actions of a MainWindow, and what they do."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.folder = ""  # where the last file was chosen: the next dialog starts there
        ui = window.ui
        self.undo_action = QAction(tr("撤销上次导入…"), window)
        self.undo_action.setObjectName("actionUndoImport")
        self.undo_action.setStatusTip(tr("恢复上次导入花名册改动的全部信息（留痕，不删除记录）"))
        ui.menuImport.insertAction(ui.actionImportBans, self.undo_action)
        # Admin only and counter only, like 导入花名册: the action follows that one's
        # state (login, city desk) instead of each place that sets it knowing of this one.
        ui.actionImportRoster.changed.connect(self._follow_import)
        self._follow_import()

    def _follow_import(self) -> None:
        source = self.window.ui.actionImportRoster
        self.undo_action.setEnabled(source.isEnabled())
        self.undo_action.setVisible(source.isVisible())
        self.undo_action.setToolTip(source.toolTip().replace(
            source.text().replace("…", ""), self.undo_action.text().replace("…", "")))

    def actions(self) -> list[QAction]:
        ui = self.window.ui
        return [ui.actionImportRoster, self.undo_action, ui.actionImportBans, ui.actionExport]

    def handlers(self) -> dict[QAction, Callable[[], None]]:
        ui = self.window.ui
        run = self.window.run_command  # a refusal shown, the scan field refocused
        return {ui.actionImportRoster: lambda: run(self.import_roster),
                self.undo_action: lambda: run(self.undo_import),
                ui.actionImportBans: lambda: run(self.import_bans),
                ui.actionExport: lambda: run(self.export)}

    # -------------------------------------------------------------- files
    def _open_file(self, title: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, title, self.folder,
                                              tr(ROSTER_FILTER))
        if not name:
            return None
        path = Path(name)
        self.folder = str(path.parent)
        return path

    def _read(self, work: Callable[[Progress], Any], path: Path, title: str) -> Outcome[Any]:
        """`work` in a thread with progress and 取消; an unreadable file is told here."""
        try:
            return run_with_progress(self.window, work,
                                     tr("正在读取“{name}”……").format(name=path.name),
                                     title=title)
        except ImportCancelled:
            return Outcome(True)
        except RosterUnreadable as exc:
            self.window.feedback.error()
            QMessageBox.warning(self.window, tr("无法读取文件"), tr(
                "无法读取“{name}”，没有导入任何数据。\n\n{why}").format(
                    name=path.name, why=exc.message))
            return Outcome(True, "unreadable")

    def _cancelled(self, outcome: Outcome[Any]) -> bool:
        if outcome.cancelled:
            if outcome.value is None:  # 取消, not an unreadable file
                self.window.show_message(tr("已取消导入：没有写入任何数据。"), "info")
            return True
        return False

    # ------------------------------------------------------------- roster
    def import_roster(self) -> ImportReport | None:
        from zcdesk.ui.dialogs import import_preview

        window = self.window
        path = self._open_file(tr("导入花名册"))
        if path is None:
            return None
        store = window.store
        today = store.clock().date()
        pack = store.rules_pack()  # the current round's ID kinds, read before the thread

        def read(progress: Progress) -> tuple[Any, RosterPreview]:
            from zcdesk.importing.roster import read_roster

            roster = read_roster(path, progress=progress, today=today, pack=pack)
            rows = [(r.row_number, r.form) for r in roster.rows]
            return roster, store.preview_roster(rows, source=path.name, columns=roster.columns)

        outcome = self._read(read, path, tr("导入花名册"))
        if self._cancelled(outcome):
            return None
        roster, dry = outcome.value
        preview = roster_preview(path.name, roster, dry)
        answer = import_preview.launch(window, preview)
        if not answer:
            window.show_message(tr("已取消导入：没有写入任何数据。"), "info")
            return None
        blank = answer == import_preview.Answer.IMPORT_BLANKS
        rows = [(r.row_number, r.form) for r in roster.rows]

        def commit(_progress: Progress) -> ImportReport:
            report = store.import_roster(rows, source=path.name, columns=roster.columns,
                                         blank_overwrites=blank)
            store.refresh_eligibility()
            return report

        done = run_with_progress(window, commit, tr("正在导入花名册……"),
                                 title=tr("导入花名册"), cancellable=False)
        report: ImportReport = done.value  # type: ignore[assignment]
        window.after_import()
        text = tr("花名册“{name}”已导入：{summary}").format(name=path.name,
                                                        summary=report.summary())
        refused = len(preview.refused)
        if refused:
            text += "\n" + tr("{n} 行未导入（见预览中的原因），改正后可再次导入。").format(
                n=refused)
        if report.updated:
            text += "\n" + tr("如有误，可用 导入 → 撤销上次导入… 恢复。")
        window.show_message(text, "warn" if refused else "ok")
        window.feedback.ok()
        return report

    def undo_import(self) -> UndoImportResult | None:
        """导入 → 撤销上次导入…: what would be restored, a confirmation (default 否),
        then the reversal — or the refusal (a field changed since) in words."""
        window = self.window
        store = window.store
        plan = store.undo_roster_import(dry_run=True)  # a refusal is shown by run_command
        box = QMessageBox(QMessageBox.Icon.Question, tr("撤销上次导入"),
                          plan.summary() + "\n\n" + tr("撤销本身也会留痕。确定撤销吗？"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          window)
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter keeps things as they are
        if not confirm(box):
            window.show_message(tr("未撤销：没有写入任何数据。"), "info")
            return None

        def commit(_progress: Progress) -> UndoImportResult:
            return store.undo_roster_import()

        done = run_with_progress(window, commit, tr("正在撤销上次导入……"),
                                 title=tr("撤销上次导入"), cancellable=False)
        result: UndoImportResult = done.value  # type: ignore[assignment]
        window.after_import()
        window.show_message(result.summary(), "ok")
        window.feedback.ok()
        return result

    # --------------------------------------------------------------- bans
    def import_bans(self) -> int | None:
        from zcdesk.ui.dialogs import import_preview

        window = self.window
        path = self._open_file(tr("导入禁报名单"))
        if path is None:
            return None
        store = window.store
        today = store.clock().date()

        def read(progress: Progress) -> tuple[Any, int]:
            from zcdesk.importing.bans import read_bans

            return read_bans(path, progress=progress, today=today), len(store.bans())

        outcome = self._read(read, path, tr("导入禁报名单"))
        if self._cancelled(outcome):
            return None
        bans, before = outcome.value
        preview = import_preview.Preview(
            title=tr("导入禁报名单：确认"), file_name=path.name, sheet=bans.sheet,
            header_row=bans.header_row,
            counts=tr("禁报名单将由现有 {before} 条替换为 {after} 条，本轮次的材料袋将重新预审"
                         "（以前轮次的结果不变）。"
                      "{refused} 行未导入。").format(before=before, after=len(bans.bans),
                                                 refused=len(bans.problems)),
            refused=tuple((p.row_number, p.name, p.reason) for p in bans.problems),
            ok_text=tr("替换并重新预审"), can_import=bool(bans.bans) or before > 0)
        if not import_preview.launch(window, preview):
            window.show_message(tr("已取消：禁报名单未改动。"), "info")
            return None

        def commit(_progress: Progress) -> int:
            return store.import_bans(bans.bans, source=path.name)

        done = run_with_progress(window, commit, tr("正在替换禁报名单并重新预审……"),
                                 title=tr("导入禁报名单"), cancellable=False)
        count: int = done.value  # type: ignore[assignment]
        window.after_import()
        window.show_message(
            tr("禁报名单已替换为 {n} 条，本轮次的材料袋已重新预审。").format(n=count), "ok")
        window.feedback.ok()
        return count

    # ------------------------------------------------------------- export
    def export(self) -> list[Path] | None:
        from zcdesk.ui.dialogs import export as export_dialog

        window = self.window
        store = window.store
        default = str(Path(self.folder or Path.home()) /
                      f"材料袋清单-{store.current_round().code}.xlsx")
        name, chosen = QFileDialog.getSaveFileName(window, tr("导出材料袋清单"), default,
                                                   tr(EXPORT_FILTER))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in EXPORT_SUFFIXES:
            path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
        self.folder = str(path.parent)
        full_ids = export_dialog.launch(window, path, window.packet_model.total_count())
        if full_ids is None:
            window.show_message(tr("已取消导出。"), "info")
            return None

        def write(progress: Progress) -> list[Path]:
            from zcdesk.importing.export import ExportRow, export_packets, summarize

            rows = [ExportRow(name=r.name, id_number=r.id_number, unit=r.unit, status=r.status,
                              missing=r.missing_text, returned=r.returned_text,
                              verdict=r.eligibility, note="；".join(r.reasons))  # type: ignore[arg-type]
                    for r in store.packet_reports()]
            progress(1, 2)
            return list(export_packets(path, rows, summarize(rows), full_ids=full_ids))

        try:
            # Not cancellable: the file is written whole and renamed into place, and a
            # cancel that returned at once while the thread still wrote would mislead.
            outcome = run_with_progress(window, write, tr("正在导出……"), title=tr("导出"),
                                        cancellable=False)
        except ImportCancelled:
            outcome = Outcome(True)
        except ExportError as exc:
            window.show_error(tr("导出失败：{why}").format(why=exc.message))
            return None
        if outcome.cancelled:
            window.show_message(tr("已取消导出，没有写入文件。"), "info")
            return None
        written: list[Path] = outcome.value or []
        masked = tr("完整证件号码") if full_ids else tr("证件号码已遮盖")
        window.show_message(tr("已导出（{masked}）：\n{paths}").format(
            masked=masked, paths="\n".join(str(p) for p in written)), "ok")
        window.feedback.ok()
        return written


def confirm(box: QMessageBox) -> bool:
    """The confirmation's answer (a seam: tests replace it)."""
    return box.exec() == QMessageBox.StandardButton.Yes


def roster_preview(file_name: str, roster: RosterRead, dry: RosterPreview,
                   ) -> import_preview.Preview:
    """The preview of a roster import from the reader's result and both dry runs."""
    from zcdesk.importing.roster import MASKED_HINT
    from zcdesk.store.roster_ops import field_changes
    from zcdesk.ui.dialogs import import_preview

    names = {r.row_number: r.form.name for r in roster.rows}
    refused = sorted([(p.row_number, p.name, p.reason) for p in roster.problems]
                     + [(row, names.get(row, ""), reason) for row, reason in dry.keep.refused])
    notes = []
    if dry.absent_words():
        notes.append(tr(dry.absent_words()))
    if roster.ignored_columns:
        notes.append(tr("未使用的列：{cols}").format(cols="、".join(roster.ignored_columns)))
    if roster.masked_ids:
        notes.append(tr("{n} 行的证件号码被遮蔽，无法核对到人：{hint}").format(
            n=roster.masked_ids, hint=tr(MASKED_HINT)))

    def outcome(report: ImportReport) -> import_preview.Outcome:
        counts = tr("共 {total} 行：将新增 {new} 人，将更新 {updated} 人，{same} 人无变化，"
                    "{refused} 行未导入。").format(
            total=roster.total_rows, new=report.new, updated=report.updated,
            same=report.unchanged, refused=len(refused))
        fields = tuple((tr(f.label), f.count, import_preview.examples_words(f.examples))
                       for f in field_changes(report.changes))
        return import_preview.Outcome(counts, report.changes, fields,
                                      bool(report.new or report.updated))

    keep, blanks = outcome(dry.keep), outcome(dry.overwrite)
    return import_preview.Preview(
        title=tr("导入花名册：预览"), file_name=file_name, sheet=roster.sheet,
        header_row=roster.header_row, counts=keep.counts, refused=tuple(refused),
        changes=keep.changes, ok_text=tr("导入"), can_import=keep.can_import,
        notes=tuple(notes), fields=keep.fields, blanks=blanks, blank_count=dry.blanks_kept)
