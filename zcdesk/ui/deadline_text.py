"""How many working days are left, in the words the counter shows everywhere."""

from __future__ import annotations

from zcdesk.domain.flow import DeadlineInfo
from zcdesk.ui.i18n import tr


def days_left_words(deadline: DeadlineInfo) -> str:
    """"还有 5 个工作日", counted as the notice counts (today not included)."""
    if deadline.calendar_days_left == 0:
        return tr("今天截止")
    if deadline.working_days_left == 0:
        return tr("今天是最后一个工作日")
    return tr("还有 {n} 个工作日").format(n=deadline.working_days_left)
