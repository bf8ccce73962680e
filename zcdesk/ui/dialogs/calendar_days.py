"""设置 → 节假日… (admin): a year's holidays and make-up working days, and the
correction period in working days. Each change is written at once (one store
call, recorded); a refusal is shown in the message line and nothing changes.
导入… reads a holiday file (.toml or .csv, zcdesk.domain.holiday_file) and writes
it after a preview, in one transaction; a file with any problem writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton, QWidget

from zcdesk.domain.workdays import CalendarDay, DayKind
from zcdesk.ui import store_errors as errors
from zcdesk.ui.dialogs.common import (
    ENTER_KEYS,
    MessageLine,
    fill_table,
    release_enter,
    set_button_texts,
)
from zcdesk.ui.forms.ui_calendar_dialog import Ui_CalendarDialog
from zcdesk.ui.i18n import tr

if TYPE_CHECKING:
    from zcdesk.store import Store

HEADERS = ("日期", "星期", "类型", "名称")
WEEKDAYS = "一二三四五六日"
KIND_COLOURS = {DayKind.HOLIDAY: "#c62828", DayKind.WORKDAY: "#1565c0"}
FILE_FILTER = "节假日文件 (*.toml *.csv);;全部文件 (*)"


class CalendarDialog(MessageLine, QDialog):
    """No default button: Enter acts on the field it is pressed in (see keyPressEvent)."""

    def __init__(self, parent: QWidget | None, store: Store, today: dt.date) -> None:
        super().__init__(parent)
        self.store = store
        self.ui = Ui_CalendarDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.changed = False
        self._days: list[CalendarDay] = []
        ui.titleLabel.setText(tr("节假日和调休上班日"))
        for kind in DayKind:
            ui.kindCombo.addItem(tr(kind.label), kind.value)
        ui.yearSpin.setValue(today.year)
        ui.dayEdit.setDate(QDate(today.year, today.month, today.day))
        ui.correctionSpin.setValue(store.correction_days())
        set_button_texts(ui.buttonBox, close=tr("关闭"))
        ui.buttonBox.rejected.connect(self.reject)
        release_enter(self)
        ui.yearSpin.valueChanged.connect(lambda _y: self._reload_shown())
        ui.daysTable.itemSelectionChanged.connect(self._on_selected)
        ui.saveButton.clicked.connect(self.save_day)
        ui.removeButton.clicked.connect(self.remove_selected)
        ui.correctionButton.clicked.connect(self.save_correction_days)
        # Beside the year (built here: the form stays as it is).
        self.importButton = QPushButton(tr("导入…"), self)
        self.importButton.setAutoDefault(False)
        self.importButton.setToolTip(
            tr("从节假日文件（.toml 或 .csv：日期、类型 休/班、名称）导入"))
        self.importButton.clicked.connect(self.import_file)
        ui.topRow.insertWidget(2, self.importButton)
        self.exportButton = QPushButton(tr("导出…"), self)
        self.exportButton.setAutoDefault(False)
        self.exportButton.setToolTip(tr("把所选年份的节假日和调休导出为 .toml 或 .csv 文件"
                                        "（可在另一台电脑或下一年导入）"))
        self.exportButton.clicked.connect(self.export_file)
        ui.topRow.insertWidget(3, self.exportButton)
        self.folder = ""
        self._reload_shown()
        ui.dayEdit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the day, kind or name field saves that day (once); in the
        correction-days box it saves the period; in the year box it only shows
        that year (the box has already taken the value). Elsewhere it does nothing."""
        if event.key() not in ENTER_KEYS:
            super().keyPressEvent(event)
            return
        ui = self.ui
        focus = self.focusWidget()

        def within(field: QWidget) -> bool:
            return focus is not None and (focus is field or field.isAncestorOf(focus))

        if any(within(f) for f in (ui.dayEdit, ui.kindCombo, ui.nameEdit)):
            self.save_day()
        elif within(ui.correctionSpin):
            self.save_correction_days()
        event.accept()

    def reload(self) -> None:
        self._days = self.store.calendar_days(self.ui.yearSpin.value())
        rows = [(d.day.isoformat(), tr("周{w}").format(w=WEEKDAYS[d.day.weekday()]),
                 tr(d.kind.label), d.name) for d in self._days]
        colours = [(None, None, KIND_COLOURS.get(d.kind), None) for d in self._days]
        table = self.ui.daysTable
        table.blockSignals(True)
        fill_table(table, [tr(h) for h in HEADERS], rows, colours)
        table.clearSelection()
        table.blockSignals(False)

    def _reload_shown(self) -> bool:
        """reload(), a refusal (the database unreachable) shown in the message line."""
        try:
            self.reload()
        except errors.StoreError as exc:
            self._days = []
            fill_table(self.ui.daysTable, [tr(h) for h in HEADERS], [])
            self.show_message(str(exc), "error")
            return False
        return True

    def days(self) -> list[CalendarDay]:
        return list(self._days)

    def _on_selected(self) -> None:
        row = self.ui.daysTable.currentRow()
        if 0 <= row < len(self._days):
            day = self._days[row]
            self.ui.dayEdit.setDate(QDate(day.day.year, day.day.month, day.day.day))
            self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(day.kind.value))
            self.ui.nameEdit.setText(day.name)

    def _write(self, action: object, done: str) -> bool:
        try:
            action()  # type: ignore[operator]
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            return False
        self.changed = True
        if self._reload_shown():
            self.show_message(done, "ok")
        return True

    def save_day(self) -> None:
        ui = self.ui
        day = ui.dayEdit.date().toPython()
        assert isinstance(day, dt.date)
        kind = DayKind(ui.kindCombo.currentData())
        name = ui.nameEdit.text().strip()
        if day.year != ui.yearSpin.value():
            ui.yearSpin.setValue(day.year)
        self._write(lambda: self.store.set_calendar_day(day, kind, name),
                    tr("已保存：{day} {kind} {name}").format(day=day.isoformat(),
                                                          kind=tr(kind.label), name=name))

    def remove_selected(self) -> None:
        row = self.ui.daysTable.currentRow()
        if not 0 <= row < len(self._days):
            self.show_message(tr("请先在列表中选中要删除的日期。"), "warn")
            return
        day = self._days[row].day
        self._write(lambda: self.store.set_calendar_day(day, None),
                    tr("已删除 {day}：按普通的周一至周五计算。").format(day=day.isoformat()))

    def save_correction_days(self) -> None:
        days = self.ui.correctionSpin.value()
        self._write(lambda: self.store.set_correction_days(days),
                    tr("补正期限已设为 {n} 个工作日（此后发出的告知单按此计算）。").format(n=days))


    def import_file(self) -> None:
        """A holiday file: every problem shown and nothing written, or a preview,
        then the days written in one transaction."""
        from zcdesk.domain.holiday_file import HolidayFileError, read_holiday_file
        from zcdesk.ui.dialogs import confirm

        name, _ = QFileDialog.getOpenFileName(self, tr("导入节假日文件"),
                                              self.folder or str(Path.home()), tr(FILE_FILTER))
        if not name:
            return
        path = Path(name)
        self.folder = str(path.parent)
        try:
            parsed = read_holiday_file(path)
            preview = self.store.import_calendar(parsed.days, source=path.name, dry_run=True)
        except HolidayFileError as exc:
            self.show_message(str(exc), "error")
            return
        except errors.StoreError as exc:
            self.show_message(str(exc), "error")
            return
        warnings = "\n".join(tr("注意：{w}").format(w=w) for w in parsed.warnings)
        if preview.unchanged:
            self.show_message("\n".join(filter(None, [preview.summary(), warnings])), "info")
            return
        if not confirm.launch(self, tr("导入节假日"), tr("导入“{file}”？").format(file=path.name),
                              "\n".join(filter(None, [preview.summary(), warnings])),
                              ok_text=tr("导入"), cancel_text=tr("取消")):
            self.show_message(tr("已取消，没有导入。"), "info")
            return
        counts = preview.counts()
        if not self._write(lambda: self.store.import_calendar(parsed.days, source=path.name),
                           tr("已导入“{file}”：新增 {new} 天，修改 {changed} 天。").format(
                               file=path.name, **counts)):
            return
        if parsed.years and self.ui.yearSpin.value() not in parsed.years:
            self.ui.yearSpin.setValue(parsed.years[0])  # show what came in
        if warnings:
            self.show_message(self.message_text() + "\n" + warnings, "warn")


    def export_file(self) -> None:
        """The shown year's days to a holiday file, in the format import reads."""
        from zcdesk.domain.holiday_file import write_holiday_file

        year = self.ui.yearSpin.value()
        days = self.store.calendar_days(year)
        if not days:
            self.show_message(tr("{year} 年没有设置节假日或调休，没有导出。").format(year=year),
                              "warn")
            return
        start = Path(self.folder or str(Path.home())) / f"节假日-{year}.toml"
        name, _ = QFileDialog.getSaveFileName(self, tr("导出节假日文件"), str(start),
                                              tr(FILE_FILTER))
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".toml", ".csv"):
            path = path.with_suffix(".toml")
        self.folder = str(path.parent)
        try:
            write_holiday_file(days, path)
        except OSError as exc:
            self.show_message(tr("无法写入“{file}”：{why}").format(
                file=path, why=exc.strerror or exc), "error")
            return
        self.show_message(tr("已导出 {year} 年 {n} 天到“{file}”。").format(
            year=year, n=len(days), file=path.name), "info")


def launch(parent: QWidget | None, store: Store, today: dt.date) -> bool:
    """True when anything was changed (the deadlines are recounted)."""
    dialog = CalendarDialog(parent, store, today)
    try:
        dialog.exec()
        return dialog.changed
    finally:
        dialog.deleteLater()
