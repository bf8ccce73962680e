"""Working days: weekends, public holidays and the make-up working days (调休).

The State Council publishes each year's holidays and the weekend days that become
working days; the app keeps them as data (table `calendar_day`, editable), so
this module only counts. A day is a working day when it is marked a make-up
working day, or when it is Monday–Friday and not marked a holiday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # 法定节假日（含调休放假）
    WORKDAY = "workday"  # 调休上班的周末

    @property
    def label(self) -> str:
        return "放假" if self is DayKind.HOLIDAY else "上班"


@dataclass(frozen=True, order=True)
class CalendarDay:
    day: dt.date
    kind: DayKind
    name: str = ""  # 国庆节、春节 …


class WorkCalendar:
    """Counts working days against a set of marked days."""

    def __init__(self, days: Iterable[CalendarDay] = ()) -> None:
        self._kinds: dict[dt.date, DayKind] = {d.day: d.kind for d in days}

    def is_working_day(self, day: dt.date) -> bool:
        kind = self._kinds.get(day)
        if kind is not None:
            return kind is DayKind.WORKDAY
        return day.weekday() < 5

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `start` (start itself not counted).

        "5 个工作日内" from a Friday before National Day lands after the holiday.
        count 0 gives `start` itself, or the next working day if `start` is not one.
        """
        if count < 0:
            raise ValueError("count must be ≥ 0")
        day = start
        if count == 0:
            while not self.is_working_day(day):
                day += dt.timedelta(days=1)
            return day
        left = count
        while left:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`; negative when `end`
        is before `start` (that many working days overdue)."""
        if end >= start:
            return sum(1 for n in range(1, (end - start).days + 1)
                       if self.is_working_day(start + dt.timedelta(days=n)))
        return -sum(1 for n in range(0, (start - end).days)
                    if self.is_working_day(end + dt.timedelta(days=n + 1)))

    def working_days_left(self, today: dt.date, deadline: dt.date) -> int:
        """Working days after today up to the deadline: counted as `add_working_days`
        counts, so a notice giving "5 个工作日" shows 5 left on the day it is given.
        0: the deadline is today (or has passed: compare the dates for that)."""
        if deadline < today:
            return 0
        return self.working_days_between(today, deadline)
