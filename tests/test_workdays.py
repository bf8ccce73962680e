"""Working days: weekends, 2025's public holidays and make-up working days (调休).

The table below is written out from the State Council's notice (国办发明电〔2024〕12号)
independently of the migration that seeds it, and the seeded calendar is
compared with it once.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zcdesk.domain.workdays import CalendarDay, DayKind, WorkCalendar
from zcdesk.store import InputError, Store

D = dt.date.fromisoformat


def _span(first: str, last: str) -> list[dt.date]:
    start, end = D(first), D(last)
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


HOLIDAYS_2025 = [D("2025-01-01"), *_span("2025-01-28", "2025-02-04"),
                 *_span("2025-04-04", "2025-04-06"), *_span("2025-05-01", "2025-05-05"),
                 *_span("2025-05-31", "2025-06-02"), *_span("2025-10-01", "2025-10-08")]
WORKDAYS_2025 = [D("2025-01-26"), D("2025-02-08"), D("2025-04-27"), D("2025-09-28"),
                 D("2025-10-11")]
CAL = WorkCalendar([CalendarDay(d, DayKind.HOLIDAY) for d in HOLIDAYS_2025]
                   + [CalendarDay(d, DayKind.WORKDAY) for d in WORKDAYS_2025])


def test_seeded_calendar_is_the_notice(store: Store) -> None:
    days = store.calendar_days(2025)
    assert [d.day for d in days if d.kind is DayKind.HOLIDAY] == HOLIDAYS_2025
    assert [d.day for d in days if d.kind is DayKind.WORKDAY] == WORKDAYS_2025
    assert {d.name for d in days if d.day == D("2025-10-11")} == {"国庆节调休"}
    assert store.calendar_days(2024) == []


# (start, working days, expected day, why)
ADD_CASES = [
    ("2025-09-30", 3, "2025-10-11", "国庆: 10/1–10/8 off, 10/9, 10/10, make-up Sat 10/11"),
    ("2025-09-30", 1, "2025-10-09", "the first working day after National Day"),
    ("2025-09-30", 4, "2025-10-13", "Sunday 10/12 is a plain weekend day"),
    ("2025-09-26", 1, "2025-09-28", "make-up Sunday 9/28 is a working day"),
    ("2025-09-26", 2, "2025-09-29", "then Monday"),
    ("2025-09-27", 1, "2025-09-28", "from the plain Saturday before it"),
    ("2025-10-10", 1, "2025-10-11", "make-up Saturday 10/11 is a working day"),
    ("2025-01-24", 1, "2025-01-26", "春节: make-up Sunday 1/26"),
    ("2025-01-24", 3, "2025-02-05", "1/27, then 1/28–2/4 off, 2/5"),
    ("2025-02-07", 1, "2025-02-08", "春节: make-up Saturday 2/8"),
    ("2025-02-07", 2, "2025-02-10", "Sunday 2/9 is off"),
    ("2025-03-07", 1, "2025-03-10", "plain weekend: Friday + 1 is Monday"),
    ("2025-03-08", 1, "2025-03-10", "from a Saturday"),
    ("2025-03-03", 5, "2025-03-10", "a whole week"),
    ("2025-04-25", 1, "2025-04-27", "劳动节 make-up Sunday 4/27"),
    ("2025-04-30", 1, "2025-05-06", "劳动节 5/1–5/5 off"),
    ("2025-12-31", 1, "2026-01-01", "no 2026 data yet: a Thursday is a working day"),
    ("2025-03-05", 0, "2025-03-05", "count 0 on a working day: the day itself"),
    ("2025-03-08", 0, "2025-03-10", "count 0 on a weekend: the next working day"),
    ("2025-10-01", 0, "2025-10-09", "count 0 on a holiday: after the holiday"),
    ("2025-09-28", 0, "2025-09-28", "count 0 on a make-up day: that day"),
]


@pytest.mark.parametrize(("start", "count", "expected", "why"), ADD_CASES,
                         ids=[c[3] for c in ADD_CASES])
def test_add_working_days(start: str, count: int, expected: str, why: str) -> None:
    assert CAL.add_working_days(D(start), count) == D(expected), why


def test_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(D("2025-03-05"), -1)


@pytest.mark.parametrize(("day", "working"), [
    ("2025-09-28", True), ("2025-10-11", True), ("2025-01-26", True), ("2025-02-08", True),
    ("2025-10-01", False), ("2025-10-08", False), ("2025-01-31", False),
    ("2025-03-08", False), ("2025-03-09", False), ("2025-03-10", True),
])
def test_is_working_day(day: str, working: bool) -> None:
    assert CAL.is_working_day(D(day)) is working


# (start, end, working days after start up to end; negative: end before start)
BETWEEN_CASES = [
    ("2025-09-30", "2025-10-11", 3),
    ("2025-10-11", "2025-09-30", -3),
    ("2025-03-05", "2025-03-05", 0),
    ("2025-03-07", "2025-03-09", 0),
    ("2025-03-09", "2025-03-07", 0),
    ("2025-03-07", "2025-03-10", 1),
    ("2025-03-10", "2025-03-07", -1),
    ("2025-01-24", "2025-02-08", 6),  # 1/26, 1/27, then 2/5, 2/6, 2/7, 2/8
    ("2025-05-18", "2025-05-30", 10),
]


@pytest.mark.parametrize(("start", "end", "expected"), BETWEEN_CASES)
def test_working_days_between(start: str, end: str, expected: int) -> None:
    assert CAL.working_days_between(D(start), D(end)) == expected


# (today, deadline, working days left after today: as a notice's "5 个工作日" counts)
LEFT_CASES = [
    ("2025-05-30", "2025-05-30", 0),  # the deadline day itself: due today
    ("2025-05-29", "2025-05-30", 1),
    ("2025-05-31", "2025-05-30", 0),  # passed
    ("2025-05-18", "2025-05-30", 10),  # a Sunday
    ("2025-09-30", "2025-10-11", 3),  # 10/9, 10/10, 10/11
    ("2025-10-02", "2025-10-09", 1),  # during the holiday
    ("2025-09-28", "2025-09-28", 0),  # a deadline on a make-up day
]


@pytest.mark.parametrize(("today", "deadline", "expected"), LEFT_CASES)
def test_working_days_left(today: str, deadline: str, expected: int) -> None:
    assert CAL.working_days_left(D(today), D(deadline)) == expected


DAYS = st.dates(min_value=D("2024-11-01"), max_value=D("2026-02-28"))


@settings(max_examples=300, deadline=None)
@given(start=DAYS, count=st.integers(min_value=1, max_value=60))
def test_add_then_count_back(start: dt.date, count: int) -> None:
    end = CAL.add_working_days(start, count)
    assert CAL.is_working_day(end)
    assert CAL.working_days_between(start, end) == count
    assert CAL.working_days_between(end, start) == -count
    # The day before `end` is still short of the count: `end` is the first such day.
    assert CAL.working_days_between(start, end - dt.timedelta(days=1)) == count - 1


@settings(max_examples=200, deadline=None)
@given(start=DAYS)
def test_count_zero_is_the_first_working_day(start: dt.date) -> None:
    day = CAL.add_working_days(start, 0)
    assert CAL.is_working_day(day) and day >= start
    assert CAL.working_days_between(start, day) == (0 if day == start else 1)


# ------------------------------------------------------------------ the store
@pytest.mark.both_backends
def test_editing_the_calendar_changes_results(store: Store) -> None:
    monday = D("2025-05-19")
    assert store.work_calendar().add_working_days(D("2025-05-16"), 1) == monday
    store.set_calendar_day(monday, "holiday", " 临时放假 ")
    assert store.work_calendar().add_working_days(D("2025-05-16"), 1) == D("2025-05-20")
    assert CalendarDay(monday, DayKind.HOLIDAY, "临时放假") in store.calendar_days(2025)
    saturday = D("2025-05-17")
    store.set_calendar_day(saturday, DayKind.WORKDAY, "调休")
    assert store.work_calendar().add_working_days(D("2025-05-16"), 1) == saturday
    store.set_calendar_day(saturday, None)  # back to the plain week
    store.set_calendar_day(monday, DayKind.WORKDAY)  # a holiday turned back into work
    assert store.work_calendar().add_working_days(D("2025-05-16"), 1) == monday
    # A seeded holiday can be undone as well.
    store.set_calendar_day(D("2025-10-08"), None)
    assert store.work_calendar().add_working_days(D("2025-09-30"), 1) == D("2025-10-08")
    kinds = [e.kind for e in store.audit()]
    assert kinds.count("calendar_changed") == 5
    last = store.audit()[-1]
    assert last.detail["before"] == {"kind": "holiday", "name": "国庆节、中秋节"}
    assert last.detail["after"] is None


@pytest.mark.both_backends
def test_calendar_refusals_write_nothing(store: Store) -> None:
    before = store.calendar_days()
    with pytest.raises(InputError, match="无法识别"):
        store.set_calendar_day(D("2025-05-19"), "vacation")
    with pytest.raises(InputError, match="没有设置过"):
        store.set_calendar_day(D("2025-05-19"), None)
    with pytest.raises(InputError, match="过长"):
        store.set_calendar_day(D("2025-05-19"), "holiday", "节" * 33)
    assert store.calendar_days() == before
    assert not [e for e in store.audit() if e.kind == "calendar_changed"]


@pytest.mark.both_backends
def test_correction_days_setting(store: Store) -> None:
    assert store.correction_days() == 5
    store.set_correction_days(3)
    assert store.correction_days() == 3
    for bad in (0, 61):
        with pytest.raises(InputError, match="1–60"):
            store.set_correction_days(bad)
    assert store.correction_days() == 3
    # Notified on the Tuesday before National Day: 3 working days land after it.
    assert store._correction_due(dt.datetime(2025, 9, 30, 16, 0)) == D("2025-10-11")


def test_a_notice_day_shows_the_notice_count() -> None:
    """The day a 5-working-day deadline is given, 5 are left (issue #10: it said 6)."""
    for day in ("2025-05-16", "2025-09-30", "2025-04-30"):
        due = CAL.add_working_days(D(day), 5)
        assert CAL.working_days_left(D(day), due) == 5
