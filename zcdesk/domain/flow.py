"""A packet's way after the counter: batch, hand-over, the city desk, decision, return.

Value objects only (no Qt, no SQL). The district desk moves a packet through
`PacketStage`; the city desk keeps its own copy of what each district sent
(`CityBatch…`), because the two offices share no network.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class BatchStatus(StrEnum):
    OPEN = "open"  # 组批中: packets and batch items may change
    CLOSED = "closed"  # 已封批: frozen; its manifest hash is fixed
    HANDED_OVER = "handed_over"  # 已移交: the city bureau has signed for it

    @property
    def label(self) -> str:
        return {"open": "组批中", "closed": "已封批", "handed_over": "已移交"}[self.value]


class PacketStage(StrEnum):
    """Where a packet is, after its checklist (PacketStatus) says what it holds."""

    COUNTER = "counter"  # 在窗口: not in a batch yet
    BATCHED = "batched"  # 已组批: in an open or closed batch, still at the district
    HANDED_OVER = "handed_over"  # 已移交: at the city bureau
    BACK = "back"  # 已回收: the forms came back from the city to the district
    RETURNED = "returned"  # 已返还: handed back to the employer, signed for
    ARCHIVED = "archived"  # 已归档: the employer filed it in the personnel archive

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS = {PacketStage.COUNTER: "在窗口", PacketStage.BATCHED: "已组批",
                PacketStage.HANDED_OVER: "已移交", PacketStage.BACK: "已回收",
                PacketStage.RETURNED: "已返还", PacketStage.ARCHIVED: "已归档"}


class DecisionResult(StrEnum):
    PASSED = "passed"  # 通过
    FAILED = "failed"  # 不通过

    @property
    def label(self) -> str:
        return "通过" if self is DecisionResult.PASSED else "不通过"


def parse_decision(text: str) -> DecisionResult | None:
    """通过 / 不通过 and the usual variants a spreadsheet holds."""
    value = "".join(str(text).split()).lower()
    if value in {"通过", "评审通过", "合格", "同意", "是", "pass", "passed", "yes", "y", "1"}:
        return DecisionResult.PASSED
    if value in {"不通过", "未通过", "不合格", "不同意", "否", "fail", "failed", "no", "n", "0"}:
        return DecisionResult.FAILED
    return None


@dataclass(frozen=True)
class HandOver:
    """Who handed a batch over, who took it, and when."""

    handed_by: str
    received_by: str
    at: dt.datetime


@dataclass(frozen=True)
class BatchItemCount:
    """A batch-level item (送评报告单, 花名册): accepted copies and handed-back ones."""

    code: str
    name: str
    short_name: str
    required: int
    accepted: int
    rejected: tuple[str, ...] = ()  # "退回 1 份：未盖章" …

    @property
    def missing(self) -> int:
        return max(0, self.required - self.accepted)


@dataclass(frozen=True)
class Decision:
    result: DecisionResult
    decided_on: dt.date
    document_no: str = ""  # the committee's 文号


@dataclass(frozen=True)
class DecisionImportReport:
    """What a decisions spreadsheet did (or, dry-run, would do)."""

    recorded: int
    changed: int
    unchanged: int
    refused: tuple[tuple[int, str], ...]  # (row number, reason): any → nothing written
    dry_run: bool = False
    # (row number, reason): rows for people not in this database (a city-wide sheet
    # lists other districts' applicants too); they neither block nor count.
    skipped: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class ReturnLine:
    """One packet on a unit's return list (返还清单)."""

    code: str
    name: str
    id_number: str
    decision: Decision | None
    items: dict[str, int]  # item code → copies coming back
    stage: PacketStage


@dataclass(frozen=True)
class ReturnList:
    unit: str
    round_code: str  # "2025H1"; "2025H1、2026H1" when forms of two rounds come back together
    point_code: str
    lines: tuple[ReturnLine, ...]
    returned_by: str = ""  # filled once the unit has signed for it
    received_by: str = ""
    returned_at: dt.datetime | None = None

    @property
    def heading_round(self) -> str:
        """The round the printed list is headed with: the earliest of its rounds."""
        return self.round_code.split("、")[0]


# ------------------------------------------------------------------ city desk
class CheckinKind(StrEnum):
    CHECKED_IN = "checked_in"  # 签收: in an imported batch, first scan
    ALREADY = "already"  # scanned before: nothing written
    UNEXPECTED = "unexpected"  # in no imported batch: recorded as a discrepancy
    TRANSMITTAL = "transmittal"  # the transmittal list's QR: hash compared, batch selected
    REFUSED = "refused"  # not a packet code at all, or a hash that does not match


@dataclass(frozen=True)
class CityPacket:
    code: str
    name: str
    id_number: str
    unit: str
    qualification: str
    items: dict[str, int]
    checked_in_at: dt.datetime | None = None
    checked_in_by: str = ""


@dataclass(frozen=True)
class CityBatchInfo:
    batch_no: str
    point_code: str
    point_name: str
    round_code: str
    sha256: str
    closed_at: dt.datetime
    imported_at: dt.datetime
    expected: int
    received: int
    unexpected: int
    list_checked: bool = False  # the paper transmittal list's QR matched the file
    round_name: str = ""  # 2025 上半年度, from the manifest
    file_sha256: str = ""  # of the imported .zip ("" for imports before it was kept)

    @property
    def missing(self) -> int:
        return self.expected - self.received


@dataclass(frozen=True)
class CityBatchReport:
    """Per batch: what arrived, what did not, and what came that was not listed."""

    batch: CityBatchInfo
    received: tuple[CityPacket, ...]
    missing: tuple[CityPacket, ...]
    unexpected: tuple[str, ...]  # scanned codes in no batch's manifest
    batch_items: dict[str, int] = field(default_factory=dict)  # as the manifest declares


@dataclass(frozen=True)
class CheckinResult:
    kind: CheckinKind
    message: str
    code: str = ""
    batch: CityBatchInfo | None = None
    packet: CityPacket | None = None


@dataclass(frozen=True)
class CityImportResult:
    batch: CityBatchInfo
    new: bool  # False: this very file was imported before (nothing changed)
    message: str


# ------------------------------------------------------------------ deadlines
@dataclass(frozen=True)
class DeadlineInfo:
    label: str  # 纸质材料报送截止 …
    day: dt.date
    working_days_left: int  # after today, as the notice counts; 0: due today or passed
    calendar_days_left: int  # negative: days since it passed


@dataclass(frozen=True)
class CorrectionDue:
    """A visitor told in writing what was missing, and the day to bring it by."""

    receipt_no: str
    visitor_name: str
    visitor_unit: str
    notified_on: dt.date
    due: dt.date
    working_days_left: int  # after today, as the notice counts; 0: due today or overdue
    overdue: bool
    packets: tuple[str, ...]  # "张三：登记表 缺 1 份" …


# ------------------------------------------------------------------ statistics
@dataclass(frozen=True)
class Statistics:
    """Counts for the office lead; each table is (label, count, …) rows."""

    round_code: str
    by_status: tuple[tuple[str, int], ...]
    by_stage: tuple[tuple[str, int], ...]
    by_unit: tuple[tuple[str, int, int, int], ...]  # unit, packets, complete, handed over
    by_qualification: tuple[tuple[str, int], ...]
    by_day: tuple[tuple[dt.date, int, int], ...]  # day, copies accepted, packets completed
    by_decision: tuple[tuple[str, int], ...] = ()
    round_name: str = ""  # 2025 上半年度: what people call the round (round_code is 2025H1)
