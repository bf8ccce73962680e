"""The 导入 menu: roster import (with a preview), the disqualification list, the export.

Each command does what the command line does (zcdesk/cli_roster.py):
`read_roster` / `read_bans`, then `store.import_roster(..., dry_run=True)` for
the preview, then the import itself and `store.refresh_eligibility()`; the
export builds its rows from `store.packet_reports()` exactly as `zcdesk export`.

Reading a file (and the dry run) runs in a thread behind a progress dialog
whose 取消 stops the reader (ImportCancelled): nothing is written then. The
import itself is one transaction, also in a thread; the list is then re-read
in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from zcdesk.importing.errors import ExportError, ImportCancelled, RosterUnreadable
from zcdesk.ui.i18n import tr
from zcdesk.ui.worker import Outcome, Progress, run_with_progress

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from zcdesk.domain.records import ImportReport
    from zcdesk.ui.main_window import MainWindow

ROSTER_FILTER = "花名册 (*.xlsx *.xls *.csv);;Excel 工作簿 (*.xlsx *.xls);;CSV 文件 (*.csv)"
EXPORT_FILTER = "Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"
EXPORT_SUFFIXES = (".xlsx", ".csv")


class RosterMenu:
    """The 导入 menu's actions of a MainWindow, and what they do."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.folder = ""  # where the last file was chosen: the next dialog starts there

    def actions(self) -> list[QAction]:
        ui = self.window.ui
        return [ui.actionImportRoster, ui.actionImportBans, ui.actionExport]

    def handlers(self) -> dict[QAction, Callable[[], None]]:
        ui = self.window.ui
        run = self.window.run_command  # a refusal shown, the scan field refocused
        return {ui.actionImportRoster: lambda: run(self.import_roster),
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

        def read(progress: Progress) -> tuple[Any, ImportReport]:
            from zcdesk.importing.roster import read_roster

            roster = read_roster(path, progress=progress, today=today)
            rows = [(r.row_number, r.form) for r in roster.rows]
            return roster, store.import_roster(rows, dry_run=True, source=path.name)

        outcome = self._read(read, path, tr("导入花名册"))
        if self._cancelled(outcome):
            return None
        roster, dry = outcome.value
        names = {r.row_number: r.form.name for r in roster.rows}
        refused = sorted([(p.row_number, p.name, p.reason) for p in roster.problems]
                         + [(row, names.get(row, ""), reason) for row, reason in dry.refused])
        notes = []
        if roster.ignored_columns:
            notes.append(tr("未使用的列：{cols}").format(cols="、".join(roster.ignored_columns)))
        preview = import_preview.Preview(
            title=tr("导入花名册：预览"), file_name=path.name, sheet=roster.sheet,
            header_row=roster.header_row,
            counts=tr("共 {total} 行：将新增 {new} 人，将更新 {updated} 人，{same} 人无变化，"
                      "{refused} 行未导入。").format(
                total=roster.total_rows, new=dry.new, updated=dry.updated,
                same=dry.unchanged, refused=len(refused)),
            refused=tuple(refused), changes=dry.changes, ok_text=tr("导入"),
            can_import=bool(dry.new or dry.updated), notes=tuple(notes))
        if not import_preview.launch(window, preview):
            window.show_message(tr("已取消导入：没有写入任何数据。"), "info")
            return None
        rows = [(r.row_number, r.form) for r in roster.rows]

        def commit(_progress: Progress) -> ImportReport:
            report = store.import_roster(rows, source=path.name)
            store.refresh_eligibility()
            return report

        done = run_with_progress(window, commit, tr("正在导入花名册……"),
                                 title=tr("导入花名册"), cancellable=False)
        report: ImportReport = done.value  # type: ignore[assignment]
        window.after_import()
        text = tr("花名册“{name}”已导入：{summary}").format(name=path.name,
                                                        summary=report.summary())
        if refused:
            text += "\n" + tr("{n} 行未导入（见预览中的原因），改正后可再次导入。").format(
                n=len(refused))
        window.show_message(text, "warn" if refused else "ok")
        window.feedback.ok()
        return report

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
            counts=tr("禁报名单将由现有 {before} 条替换为 {after} 条，全部申报人将重新预审。"
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
        window.show_message(tr("禁报名单已替换为 {n} 条，全部申报人已重新预审。").format(n=count),
                            "ok")
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
