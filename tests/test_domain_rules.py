from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import BAD_CHECK, ID_LI
from zcdesk.domain.checklist import ChecklistItem, RejectReason, Scope, find_item, parse_reason
from zcdesk.domain.completeness import (
    CopyEvent,
    CopyKind,
    PacketStatus,
    compute_state,
    plan_accept,
)
from zcdesk.domain.dates import days_left, deadline_words, full_years
from zcdesk.domain.receipt import ReceiptNumber, parse_receipt
from zcdesk.domain.scan import ScanKind, classify

EVAL = ChecklistItem("evaluation", "专业技术职务任职资格评审表", "评审表", Scope.PACKET, 2,
                     ("watermark",), 10)
REG = ChecklistItem("registration", "杭州市国际职业资格比照认定职称资格登记表", "登记表",
                    Scope.PACKET, 2, ("watermark", "stamp"), 20)
ITEMS = [EVAL, REG]


def accept(code: str, n: int) -> CopyEvent:
    return CopyEvent(CopyKind.ACCEPT, code, n)


def test_nothing_received_is_none_with_everything_missing() -> None:
    state = compute_state(ITEMS, [])
    assert state.status is PacketStatus.NONE
    assert state.missing_text() == "缺 评审表 2 份、登记表 2 份"
    assert state.status.label == "未收" and state.status.symbol == "○"


def test_partial_then_complete() -> None:
    state = compute_state(ITEMS, [accept("evaluation", 2), accept("registration", 1)])
    assert state.status is PacketStatus.PARTIAL
    assert state.missing == {"registration": 1}
    state = compute_state(ITEMS, [accept("evaluation", 2), accept("registration", 1),
                                  accept("registration", 1)])
    assert state.status is PacketStatus.COMPLETE
    assert state.missing_text() == "齐全"


def test_rejected_copies_never_count() -> None:
    events = [accept("evaluation", 2),
              CopyEvent(CopyKind.REJECT, "registration", 2, RejectReason.NO_STAMP),
              CopyEvent(CopyKind.REJECT, "registration", 1, RejectReason.OTHER, "复印不清")]
    state = compute_state(ITEMS, events)
    reg = state.item("registration")
    assert reg.accepted == 0 and reg.rejected == 3
    assert [r.describe() for r in reg.rejections] == ["退回 2 份：未盖章", "退回 1 份：复印不清"]
    assert state.status is PacketStatus.PARTIAL


def test_copies_are_capped_at_the_requirement() -> None:
    state = compute_state(ITEMS, [accept("evaluation", 2), accept("evaluation", 2)])
    assert state.item("evaluation").accepted == 2


@pytest.mark.parametrize(("already", "offered", "counted", "surplus"), [
    (0, 2, 2, 0), (1, 2, 1, 1), (2, 1, 0, 1), (0, 5, 2, 3)])
def test_plan_accept(already: int, offered: int, counted: int, surplus: int) -> None:
    plan = plan_accept(EVAL, already, offered)
    assert (plan.counted, plan.surplus) == (counted, surplus)
    assert bool(plan.warning(EVAL, already)) == bool(surplus)


@given(st.lists(st.tuples(st.sampled_from(["evaluation", "registration", "x"]),
                          st.integers(1, 5), st.booleans()), max_size=20))
def test_state_is_consistent_for_any_events(raw: list[tuple[str, int, bool]]) -> None:
    events = [CopyEvent(CopyKind.ACCEPT if ok else CopyKind.REJECT, code, n,
                        None if ok else RejectReason.NOT_ORIGINAL) for code, n, ok in raw]
    state = compute_state(ITEMS, events)
    for item_state in state.items:
        assert 0 <= item_state.accepted <= item_state.item.copies_required
        assert item_state.missing == item_state.item.copies_required - item_state.accepted
    assert (state.status is PacketStatus.COMPLETE) == (not state.missing)


def test_reasons_and_items_by_any_name() -> None:
    assert parse_reason("未盖章") is RejectReason.NO_STAMP
    assert parse_reason("no_watermark") is RejectReason.NO_WATERMARK
    assert parse_reason("非原件") is RejectReason.NOT_ORIGINAL
    assert parse_reason("gibberish") is None
    assert find_item("评审表", ITEMS) is EVAL
    assert find_item("Registration", ITEMS) is REG
    assert find_item("杭州市国际职业资格比照认定职称资格登记表", ITEMS) is REG
    assert find_item("送评报告单", ITEMS) is None


def test_receipt_numbers_round_trip() -> None:
    number = ReceiptNumber("SC", "2025H1", 17)
    assert str(number) == "SC-2025H1-00017"
    assert parse_receipt("sc-2025h1-00017") == number
    assert parse_receipt("SC-2025-00017") is None
    assert ReceiptNumber("SC", "2025H1", 9) < ReceiptNumber("SC", "2025H1", 10)


@pytest.mark.parametrize(("raw", "kind"), [
    (ID_LI, ScanKind.RESIDENT_ID),
    (ID_LI.lower() + "\r", ScanKind.RESIDENT_ID),
    (BAD_CHECK, ScanKind.BAD_ID),
    ("33010219900101123", ScanKind.BAD_ID),  # a digit dropped by the scanner
    ("SC-2025H1-00017", ScanKind.RECEIPT),
    ("张三", ScanKind.NAME),
    (" 张 三 ", ScanKind.NAME),
    ("P1234567", ScanKind.OTHER_ID),
    ("\x02\x03", ScanKind.EMPTY),
])
def test_scan_classification(raw: str, kind: ScanKind) -> None:
    assert classify(raw).kind is kind


@given(st.text(max_size=60))
def test_classify_never_crashes(text: str) -> None:
    classify(text)


def test_dates() -> None:
    deadline = dt.date(2025, 5, 30)
    assert days_left(deadline, dt.date(2025, 5, 18)) == 12
    assert "还有 12 天" in deadline_words(deadline, dt.date(2025, 5, 18))
    assert "截止日" in deadline_words(deadline, deadline)
    assert "已过 2 天" in deadline_words(deadline, dt.date(2025, 6, 1))
    assert full_years(dt.date(2020, 6, 30), dt.date(2025, 6, 30)) == 5
    assert full_years(dt.date(2020, 7, 1), dt.date(2025, 6, 30)) == 4
    assert full_years(dt.date(2020, 2, 29), dt.date(2025, 2, 28)) == 4
