"""The holiday calendar, working-day deadlines and the visitors' correction deadlines.

Part of the Store facade. Public holidays and make-up working days are rows of
`calendar_day` (2025 is seeded by migration 0007); the office lead edits them
for later years. A visit that closes with something missing gets its correction
deadline fixed at that moment, `correction_days` working days later, because that
is the date written on the one-time notice the visitor takes away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zcdesk.domain.holiday_file import MAX_DAYS, MAX_NAME
from zcdesk.domain.workdays import CalendarDay, DayKind, WorkCalendar
from zcdesk.store import models as m
from zcdesk.store.errors import InputError

if TYPE_CHECKING:
    from zcdesk.store.facade import Store

SETTING_CORRECTION_DAYS = "correction_days"
DEFAULT_CORRECTION_DAYS = 5  # the notice is silent; 5 working days is the usual 补正 period


@dataclass(frozen=True)
class YearChanges:
    """What a holiday file does to one year of the calendar."""

    year: int
    new: tuple[CalendarDay, ...]
    changed: tuple[tuple[CalendarDay, CalendarDay], ...]  # (stored, from the file)
    unchanged: int
    kept: int  # stored days of the year the file does not name: left as they are


@dataclass(frozen=True)
class CalendarImport:
    """The preview (dry run) or the result of importing a holiday file."""

    source: str
    years: tuple[YearChanges, ...]
    dry_run: bool = False

    @property
    def unchanged(self) -> bool:
        return not any(y.new or y.changed for y in self.years)

    def counts(self) -> dict[str, int]:
        return {"new": sum(len(y.new) for y in self.years),
                "changed": sum(len(y.changed) for y in self.years),
                "unchanged": sum(y.unchanged for y in self.years)}

    def summary(self) -> str:
        verb = "将" if self.dry_run else "已"
        if self.unchanged:
            return f"节假日文件“{self.source}”与已设置的日历相同，没有变化。"
        lines = [f"{verb}导入节假日文件“{self.source}”："]
        for y in self.years:
            lines.append(f"  {y.year} 年：新增 {len(y.new)} 天，修改 {len(y.changed)} 天，"
                         f"不变 {y.unchanged} 天")
            lines += [f"    新增 {_day_words(d)}" for d in y.new]
            lines += [f"    修改 {after.day.isoformat()}：{_kind_words(before)} → "
                      f"{_kind_words(after)}" for before, after in y.changed]
            if y.kept:
                lines.append(f"    另有 {y.kept} 天已设置而文件未列出：保持不变"
                             "（如需取消，用 zcdesk calendar clear 日期）")
        return "\n".join(lines)


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

    def import_calendar(self: Store, days: Iterable[CalendarDay], *, source: str,
                        dry_run: bool = False) -> CalendarImport:
        """Holidays from a file (zcdesk.domain.holiday_file), all or nothing.

        Days the file names are added or changed; stored days it does not name are
        kept (reported): a file is never a reason to lose a day set by hand. An
        import that changes nothing writes nothing (no event)."""
        self.require_admin("导入节假日")
        wanted = _checked_days(days)
        if dry_run:
            with self._read() as s:
                return _plan(s, wanted, source, dry_run=True)
        with self._write() as s:
            plan = _plan(s, wanted, source)
            if plan.unchanged:
                return plan
            for y in plan.years:
                for d in y.new:
                    s.add(m.CalendarDayRow(day=d.day, kind=d.kind.value, name=d.name))
                for _, d in y.changed:
                    row = s.get(m.CalendarDayRow, d.day)
                    assert row is not None  # read in this transaction
                    row.kind, row.name = d.kind.value, d.name
            self._event(s, "calendar_imported", detail={
                "file": source, "years": [y.year for y in plan.years], **plan.counts()})
        self._calendar_cache = None
        return plan

    def calendar_gaps(self: Store) -> list[int]:
        """The years the current round's dates fall in (its deadlines, the cut-off
        and the correction period after the paper deadline) that have no calendar
        rows at all: working days there are counted Monday to Friday, a guess the
        window and the command line warn about."""
        round_ = self.current_round()
        last = self.work_calendar().add_working_days(round_.paper_deadline,
                                                     self.correction_days())
        dates = (round_.applicant_deadline, round_.employer_deadline,
                 round_.district_deadline, round_.paper_deadline, round_.cutoff_date, last)
        first_year, last_year = min(d.year for d in dates), max(d.year for d in dates)
        with self._read() as s:
            known = {d.year for d in s.scalars(select(m.CalendarDayRow.day).where(
                m.CalendarDayRow.day >= dt.date(first_year, 1, 1),
                m.CalendarDayRow.day <= dt.date(last_year, 12, 31)))}
        return [y for y in range(first_year, last_year + 1) if y not in known]

    def correction_days(self: Store) -> int:
        value = self.setting(SETTING_CORRECTION_DAYS)
        return int(value) if value and value.isdigit() else DEFAULT_CORRECTION_DAYS

    def set_correction_days(self: Store, days: int) -> None:
        self.require_admin("设置补正期限")
        if not 1 <= days <= 60:
            raise InputError("补正期限应为 1–60 个工作日。")
        self.set_setting(SETTING_CORRECTION_DAYS, str(days))

    def _correction_due(self: Store, notified: dt.datetime,
                        paper_deadline: dt.date | None = None) -> dt.date:
        """The day a visitor told on `notified` must bring what is missing by.

        `correction_days` working days later, but never after the round's paper
        deadline (#13): the point cannot send papers to the city after it, so a
        later date would promise what it cannot keep. `paper_deadline` is the
        visit's round's; None: the current round's (visits open in the current
        round). A visit after the paper deadline keeps the working-day date: the
        notice then says the deadline has passed.
        """
        return capped_correction_due(
            self.work_calendar(), notified.date(), self.correction_days(),
            self.current_round().paper_deadline if paper_deadline is None else paper_deadline)


def capped_correction_due(calendar: WorkCalendar, notified: dt.date, days: int,
                          paper_deadline: dt.date) -> dt.date:
    """`days` working days after `notified`, capped at `paper_deadline` when the
    visitor was told on or before it."""
    due = calendar.add_working_days(notified, days)
    if notified <= paper_deadline:
        return min(due, paper_deadline)
    return due


def describe_calendar_event(kind: str, detail: dict[str, Any]) -> str:
    """Holiday-file imports in words for the history and the audit ("" for others)."""
    if kind != "calendar_imported":
        return ""
    years = "、".join(str(y) for y in detail.get("years", []))
    return (f"导入节假日文件 {detail.get('file', '')}（{years} 年）："
            f"新增 {detail.get('new', 0)} 天，修改 {detail.get('changed', 0)} 天")


def _checked_days(days: Iterable[CalendarDay]) -> list[CalendarDay]:
    """The store checks again what holiday_file checked: it has other callers."""
    wanted = sorted(days)
    if not wanted:
        raise InputError("节假日文件里没有任何日期，没有导入。")
    if len(wanted) > MAX_DAYS:
        raise InputError(f"一次最多导入 {MAX_DAYS} 天，没有导入。")
    twice = sorted({a.day for a, b in pairwise(wanted) if a.day == b.day})
    if twice:
        raise InputError("日期重复，没有导入：" + "、".join(d.isoformat() for d in twice))
    long = [d.day.isoformat() for d in wanted if len(d.name) > MAX_NAME]
    if long:
        raise InputError(f"节日名称过长（最多 {MAX_NAME} 个字），没有导入：" + "、".join(long))
    return wanted


def _plan(s: Session, wanted: list[CalendarDay], source: str, *,
          dry_run: bool = False) -> CalendarImport:
    years = sorted({d.day.year for d in wanted})
    stored = {r.day: CalendarDay(r.day, DayKind(r.kind), r.name)
              for r in s.scalars(select(m.CalendarDayRow).where(
                  m.CalendarDayRow.day >= dt.date(years[0], 1, 1),
                  m.CalendarDayRow.day <= dt.date(years[-1], 12, 31)))}
    named = {d.day for d in wanted}
    result = []
    for year in years:
        mine = [d for d in wanted if d.day.year == year]
        new = tuple(d for d in mine if d.day not in stored)
        changed = tuple((stored[d.day], d) for d in mine
                        if d.day in stored and stored[d.day] != d)
        kept = sum(1 for day in stored if day.year == year and day not in named)
        result.append(YearChanges(year, new, changed, len(mine) - len(new) - len(changed),
                                  kept))
    return CalendarImport(source, tuple(result), dry_run)


def _kind_words(d: CalendarDay) -> str:
    return f"{d.kind.label}（{d.name}）" if d.name else d.kind.label


def _day_words(d: CalendarDay) -> str:
    return f"{d.day.isoformat()} 周{'一二三四五六日'[d.day.weekday()]} {_kind_words(d)}"
