"""The flow's small domain rules: decision words, stage and status labels."""

from __future__ import annotations

import pytest

from zcdesk.domain.flow import (
    STAGE_LABELS,
    BatchItemCount,
    BatchStatus,
    CityBatchInfo,
    DecisionResult,
    PacketStage,
    parse_decision,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("通过", DecisionResult.PASSED), (" 通 过 ", DecisionResult.PASSED),
    ("评审通过", DecisionResult.PASSED), ("合格", DecisionResult.PASSED),
    ("PASS", DecisionResult.PASSED), ("1", DecisionResult.PASSED),
    ("不通过", DecisionResult.FAILED), ("未通过", DecisionResult.FAILED),
    ("不合格", DecisionResult.FAILED), ("Fail", DecisionResult.FAILED),
    ("0", DecisionResult.FAILED),
    ("", None), ("待定", None), ("通过？", None), ("2", None),
])
def test_decision_words(text: str, expected: DecisionResult | None) -> None:
    assert parse_decision(text) is expected


def test_every_stage_and_status_has_a_chinese_label() -> None:
    assert set(STAGE_LABELS) == set(PacketStage)
    assert [s.label for s in PacketStage] == ["在窗口", "已组批", "已移交", "已回收", "已返还",
                                               "已归档"]
    assert [s.label for s in BatchStatus] == ["组批中", "已封批", "已移交"]
    assert DecisionResult.PASSED.label == "通过" and DecisionResult.FAILED.label == "不通过"


def test_batch_item_missing_never_negative() -> None:
    assert BatchItemCount("roster", "花名册", "花名册", 1, 0).missing == 1
    assert BatchItemCount("roster", "花名册", "花名册", 1, 1).missing == 0
    assert BatchItemCount("roster", "花名册", "花名册", 1, 3).missing == 0


def test_city_batch_missing_count() -> None:
    import datetime as dt

    at = dt.datetime(2025, 5, 20, 10, 0)
    info = CityBatchInfo("SC-2025H1-B001", "SC", "上城区", "2025H1", "0" * 64, at, at,
                         expected=10, received=7, unexpected=1)
    assert info.missing == 3
