"""Statistics, the round's deadlines and the visitors' correction deadlines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tests.conftest import FIXED_NOW
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import Store

pytestmark = pytest.mark.both_backends

D = dt.date.fromisoformat


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, text: str) -> None:
        self.now = dt.datetime.fromisoformat(text)


@pytest.fixture
def clock() -> Clock:
    return Clock(FIXED_NOW)


@pytest.fixture
def desk(store: Store, db_url: str, clock: Clock) -> Iterator[Store]:
    """The same database as `store`, with a clock the test moves."""
    s = Store.open(db_url, operator="小王", desk="窗口1", clock=clock)
    yield s
    s.close()


def test_statistics(desk: Store, people: dict[str, int], clock: Clock) -> None:
    empty = desk.statistics()
    assert empty.round_code == "2025H1" and empty.by_day == ()
    assert empty.by_status == (("未收", 3), ("部分", 0), ("齐全", 0))
    extra = desk.add_applicant(ApplicantForm(
        name="赵六", id_number="330102198001010018", unit="杭州汽轮机股份有限公司",
        qualification="PMP")).packet_id
    clock.set("2025-05-15T10:00")
    desk.accept(people["张三"], "evaluation", 2)
    desk.accept(people["李四"], "evaluation", 1)
    desk.reject(people["王五"], "registration", 1, "未盖章")
    clock.set("2025-05-16T15:00")
    desk.accept(people["张三"], "registration", 2)  # 张三 complete on the 16th
    desk.accept(extra, "evaluation", 2)
    desk.accept(extra, "registration", 2)
    desk.accept(people["李四"], "registration", 1)
    desk.undo_last()  # the reversed copy counts nowhere
    stats = desk.statistics()
    assert stats.by_status == (("未收", 1), ("部分", 1), ("齐全", 2))
    assert dict(stats.by_stage)["在窗口"] == 4 and sum(n for _, n in stats.by_stage) == 4
    assert stats.by_unit == (("杭州制氧机集团股份有限公司", 2, 0, 0),
                             ("杭州汽轮机股份有限公司", 2, 2, 0))
    assert stats.by_qualification == (("（未填写）", 3), ("PMP", 1))
    assert stats.by_day == ((D("2025-05-15"), 3, 0), (D("2025-05-16"), 6, 2))
    assert stats.by_decision == (("通过", 0), ("不通过", 0))


def test_deadlines_in_working_days(desk: Store, clock: Clock) -> None:
    today = desk.deadlines()  # the clock's day: Sunday 2025-05-18
    assert [d.label for d in today] == ["个人网上申报截止", "单位网上审核截止",
                                        "受理点网上审核截止", "纸质材料报送市职改办截止"]
    paper = today[-1]
    assert paper.day == D("2025-05-30")
    assert (paper.working_days_left, paper.calendar_days_left) == (10, 12)
    first = today[0]
    assert (first.day, first.working_days_left, first.calendar_days_left) == (
        D("2025-03-31"), 0, -48)
    # Across the Labour Day holiday (5/1–5/5 off, Sunday 4/27 worked).
    district = desk.deadlines(D("2025-04-25"))[2]
    assert (district.day, district.working_days_left) == (D("2025-04-30"), 4)
    paper = desk.deadlines(D("2025-04-28"))[3]
    assert paper.working_days_left == 2 + 19  # 4/29–4/30, then 5/6–5/30
    assert desk.deadlines(D("2025-05-30"))[3].working_days_left == 0  # due today
    assert desk.deadlines(D("2025-05-31"))[3].working_days_left == 0
    # Editing the calendar changes the count.
    desk.set_calendar_day(D("2025-05-29"), "holiday", "临时")
    assert desk.deadlines(D("2025-05-28"))[3].working_days_left == 1


def _visit(desk: Store, clock: Clock, at: str, visitor: str,
           actions: list[tuple[int, str, int]]) -> str:
    clock.set(at)
    visit = desk.open_visit(visitor, "", "")
    for pid, item, copies in actions:
        if copies > 0:
            desk.accept(pid, item, copies, visit_id=visit.id)
        else:
            desk.reject(pid, item, -copies, "缺水印", visit_id=visit.id)
    desk.close_visit(visit.id)
    return visit.receipt_no


def test_corrections_due_across_a_holiday(desk: Store, people: dict[str, int],
                                          clock: Clock) -> None:
    zhang, li, wang = people["张三"], people["李四"], people["王五"]
    # Told on Wednesday 4/30: 5 working days after Labour Day (5/1–5/5) → Monday 5/12.
    first = _visit(desk, clock, "2025-04-30T16:00", "张三", [(zhang, "evaluation", 2)])
    assert desk.visit_by_receipt(first).correction_due == D("2025-05-12")
    on_due_day = desk.corrections_due(D("2025-05-12"))
    assert [(c.receipt_no, c.due, c.overdue, c.working_days_left) for c in on_due_day] == [
        (first, D("2025-05-12"), False, 0)]
    assert on_due_day[0].packets == ("张三：登记表 缺 2 份",)
    assert on_due_day[0].notified_on == D("2025-04-30")
    assert on_due_day[0].visitor_name == "张三"
    assert desk.corrections_due(D("2025-05-12"), overdue_only=True) == []

    second = _visit(desk, clock, "2025-05-16T11:00", "李四单位经办人",
                    [(li, "evaluation", -1), (wang, "evaluation", 2),
                     (wang, "registration", 2)])
    _visit(desk, clock, "2025-05-16T14:00", "王五", [])  # nothing missing: no deadline

    later = desk.corrections_due(D("2025-05-19"))
    assert [(c.receipt_no, c.due, c.overdue, c.working_days_left) for c in later] == [
        (first, D("2025-05-12"), True, 0), (second, D("2025-05-23"), False, 4)]
    assert later[1].packets == ("李四：评审表 缺 2 份、登记表 缺 2 份",)  # 王五 complete
    assert [c.receipt_no for c in desk.corrections_due(D("2025-05-19"),
                                                       overdue_only=True)] == [first]
    clock.set("2025-05-19T09:00")
    assert [c.receipt_no for c in desk.corrections_due()] == [first, second]  # clock's day

    # 李四 comes back, still short: the new notice supersedes the old one.
    third = _visit(desk, clock, "2025-05-20T10:00", "李四", [(li, "evaluation", 2)])
    assert [(c.receipt_no, c.packets) for c in desk.corrections_due(D("2025-05-20"))] == [
        (first, ("张三：登记表 缺 2 份",)), (third, ("李四：登记表 缺 2 份",))]
    # 张三 brings the rest: his deadline is met and leaves the list.
    _visit(desk, clock, "2025-05-20T11:00", "张三", [(zhang, "registration", 2)])
    assert [c.receipt_no for c in desk.corrections_due(D("2025-05-20"))] == [third]
