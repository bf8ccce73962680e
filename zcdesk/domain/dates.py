"""Dates of a round: days left, full years counted to a cut-off."""

from __future__ import annotations

import datetime as dt


def days_left(deadline: dt.date, today: dt.date) -> int:
    """Calendar days from today to the deadline (0 on the day, negative after)."""
    return (deadline - today).days


def deadline_words(deadline: dt.date, today: dt.date) -> str:
    left = days_left(deadline, today)
    if left > 0:
        return f"距纸质材料截止 {deadline.isoformat()} 还有 {left} 天"
    if left == 0:
        return f"今天（{deadline.isoformat()}）是纸质材料截止日"
    return f"纸质材料截止 {deadline.isoformat()} 已过 {-left} 天"


def full_years(start: dt.date, end: dt.date) -> int:
    """Full years (周年) from start to end; a 29 February start counts from 1 March."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return max(0, years)
