"""The holiday calendar, working-day deadlines and the visitors' correction deadlines.

Part of the Store facade. Public holidays and make-up working days are rows of
`calendar_day` (2025 is seeded by migration 0007); the office lead edits them
for later years. A visit that closes with something missing gets its correction
deadline fixed at that moment, `correction_days` working days later, because that
is the date written on the one-time notice the visitor takes away.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from zcdesk.domain.workdays import CalendarDay, DayKind, WorkCalendar
from zcdesk.store import models as m
from zcdesk.store.errors import InputError

if TYPE_CHECKING:
    from zcdesk.store.facade import Store

SETTING_CORRECTION_DAYS = "correction_days"
DEFAULT_CORRECTION_DAYS = 5  # the notice is silent; 5 working days is the usual 补正 period


class CalendarOps:
    _calendar_cache: WorkCalendar | None = None

    def calendar_days(self: Store, year: int | None = None) -> list[CalendarDay]:
        with self._read() as s:
            stmt = select(m.CalendarDayRow).order_by(m.CalendarDayRow.day)
            if year is not None:
                stmt = stmt.where(m.CalendarDayRow.day >= dt.date(year, 1, 1),
                                  m.CalendarDayRow.day <= dt.date(year, 12, 31))
            return [CalendarDay(r.day, DayKind(r.kind), r.name) for r in s.scalars(stmt)]

    def work_calendar(self: Store) -> WorkCalendar:
        if self._calendar_cache is None:
            self._calendar_cache = WorkCalendar(self.calendar_days())
        return self._calendar_cache

    def set_calendar_day(self: Store, day: dt.date, kind: DayKind | str | None,
                         name: str = "") -> None:
        """Mark `day` a holiday or a make-up working day; kind None: back to the week."""
        self.require_admin("修改节假日")
        if kind is not None:
            try:
                kind = DayKind(kind)
            except ValueError:
                raise InputError(f"日期类型“{kind}”无法识别：请写 holiday（放假）"
                                 "或 workday（调休上班）。") from None
        name = name.strip()
        if len(name) > 32:
            raise InputError("节日名称过长（最多 32 个字）。")
        with self._write() as s:
            row = s.get(m.CalendarDayRow, day)
            before = {"kind": row.kind, "name": row.name} if row else None
            if kind is None:
                if row is None:
                    raise InputError(f"{day.isoformat()} 没有设置过节假日或调休。")
                s.delete(row)
            elif row is None:
                s.add(m.CalendarDayRow(day=day, kind=kind.value, name=name))
            else:
                row.kind, row.name = kind.value, name
            self._event(s, "calendar_changed", detail={
                "day": day.isoformat(), "before": before,
                "after": {"kind": kind.value, "name": name} if kind else None})
        self._calendar_cache = None

    def correction_days(self: Store) -> int:
        value = self.setting(SETTING_CORRECTION_DAYS)
        return int(value) if value and value.isdigit() else DEFAULT_CORRECTION_DAYS

    def set_correction_days(self: Store, days: int) -> None:
        self.require_admin("设置补正期限")
        if not 1 <= days <= 60:
            raise InputError("补正期限应为 1–60 个工作日。")
        self.set_setting(SETTING_CORRECTION_DAYS, str(days))

    def _correction_due(self: Store, notified: dt.datetime) -> dt.date:
        """The day a visitor told on `notified` must bring what is missing by."""
        return self.work_calendar().add_working_days(notified.date(), self.correction_days())
