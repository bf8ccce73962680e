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


def holiday_gap_words(years: tuple[int, ...]) -> str:
    """The warning for years of the round without holiday data (#11): no guessing."""
    return tr("{years} 年的节假日尚未设置：工作日暂按周一至周五计算。请管理员在"
              "“设置 → 节假日”中导入节假日文件。").format(
        years="、".join(str(y) for y in sorted(years)))
