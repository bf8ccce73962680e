"""Plain records the store hands to the UI, the printing and the command line.

Pure value objects (no Qt, no SQL), so every layer above the domain can use them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from zcdesk.domain.completeness import PacketState, PacketStatus
from zcdesk.domain.flow import BatchItemCount, BatchStatus, Decision, HandOver, PacketStage
from zcdesk.domain.receipt import PacketCode


@dataclass(frozen=True)
class RoundInfo:
    id: int
    code: str
    name: str
    applicant_deadline: dt.date
    employer_deadline: dt.date
    district_deadline: dt.date
    paper_deadline: dt.date
    cutoff_date: dt.date


@dataclass(frozen=True)
class PointInfo:
    id: int
    code: str
    name: str
    short_name: str
    phone: str
    address: str
    kind: str
    note: str = ""


@dataclass(frozen=True)
class QualificationInfo:
    seq: int
    name: str
    abbreviation: str
    issuer: str
    issuer_en: str
    title: str
    series: str
    condition: str


@dataclass
class ApplicantForm:
    """The annex-4 fields as typed at the counter or given on the command line."""

    name: str = ""
    id_number: str = ""
    unit: str = ""
    id_kind: str = "居民身份证"
    gender: str = ""
    position: str = ""
    work_start: dt.date | None = None
    specialty: str = ""
    field_years: int | None = None
    education: str = ""
    degree: str = ""
    school: str = ""
    graduated_on: dt.date | None = None
    qualification: str = ""
    qualification_issuer: str = ""
    qualified_on: dt.date | None = None
    title: str = "工程师"
    series: str = "制造业"
    # Added for the pre-check (issue #11): the unit's address tells the district of the
    # workplace; a date a roster gives as a year only ("2010") leaves the date None and
    # keeps the year, so the pre-check says 待核实 instead of guessing a day.
    unit_address: str = ""
    work_start_year: int | None = None
    graduated_year: int | None = None
    qualified_year: int | None = None


@dataclass(frozen=True)
class ApplicantInfo:
    id: int
    id_kind: str
    id_number: str
    name: str
    gender: str
    unit: str
    position: str
    work_start: dt.date | None
    specialty: str
    field_years: int | None
    education: str
    degree: str
    school: str
    graduated_on: dt.date | None
    qualification: str
    qualification_issuer: str
    qualified_on: dt.date | None
    title: str
    series: str
    # Optional, after the stored columns (see ApplicantForm): the store fills them once
    # it keeps them; until then the defaults mean "not known".
    unit_address: str = ""
    work_start_year: int | None = None
    graduated_year: int | None = None
    qualified_year: int | None = None


@dataclass(frozen=True)
class PacketView:
    """An open packet: who, and what its checklist says now."""

    packet_id: int
    version: int
    applicant: ApplicantInfo
    state: PacketState
    round_code: str
    point_code: str
    receipt_no: str = ""  # the visit that first brought copies of it
    eligibility: str = "unknown"  # the pre-check: eligible | ineligible | unknown
    eligibility_reasons: tuple[str, ...] = ()
    stage: PacketStage = PacketStage.COUNTER
    batch_no: str = ""  # the batch it travels in, if any
    decision: Decision | None = None

    @property
    def status(self) -> PacketStatus:
        return self.state.status

    @property
    def code(self) -> str:
        """What its cover sheet's barcode carries: SC-2025H1-P000123."""
        return str(PacketCode(self.point_code, self.round_code, self.packet_id))

    def list_row(self) -> PacketRow:
        """The packet list's line for it, as Store.packet_row would read it back."""
        a = self.applicant
        return PacketRow(self.packet_id, a.id, a.name, a.id_number, a.unit, self.status.value,
                         {k: v for k, v in self.state.received.items() if v}, self.eligibility,
                         self.stage.value, self.decision.result.value if self.decision else None)


class PacketRow(NamedTuple):
    """One line of the packet list (kept small: there may be 100,000)."""

    packet_id: int
    applicant_id: int
    name: str
    id_number: str
    unit: str
    status: str  # PacketStatus value
    accepted: dict[str, int]
    eligibility: str | None = None  # eligible | ineligible | unknown; None: not computed yet
    stage: str = "counter"  # flow.PacketStage value
    decision: str | None = None  # flow.DecisionResult value, once recorded


@dataclass(frozen=True)
class VisitInfo:
    id: int
    receipt_no: str
    visitor_name: str
    visitor_phone: str
    visitor_unit: str
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    operator: str
    desk: str
    point_code: str
    round_code: str
    correction_due: dt.date | None = None  # written on the one-time notice

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class VisitSummary:
    visit: VisitInfo
    packets: tuple[PacketView, ...]

    @property
    def incomplete(self) -> tuple[PacketView, ...]:
        return tuple(p for p in self.packets if p.status is not PacketStatus.COMPLETE)


@dataclass(frozen=True)
class RecordResult:
    """What a recording did: the packet as it is now, and what to tell the clerk."""

    packet: PacketView
    event_id: int
    message: str
    warning: str = ""


class LookupKind(StrEnum):
    FOUND = "found"  # one packet: open it
    CHOICE = "choice"  # several (a common name, a receipt with many packets)
    NOT_FOUND = "not_found"  # a valid number or name nobody has
    REFUSED = "refused"  # the input itself is wrong (check digit …)
    EMPTY = "empty"


@dataclass(frozen=True)
class Lookup:
    kind: LookupKind
    message: str = ""
    packet: PacketView | None = None
    choices: tuple[PacketRow, ...] = ()
    query: str = ""  # the cleaned input: an ID number to offer for "add applicant"
    query_kind: str = ""
    visit: VisitInfo | None = None


@dataclass(frozen=True)
class EventView:
    id: int
    at: dt.datetime
    kind: str
    operator: str
    desk: str
    description: str
    reversed_by: int | None = None
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchInfo:
    """A set of complete packets sent together to the city bureau."""

    id: int
    batch_no: str
    point_code: str
    round_code: str
    created_at: dt.datetime
    operator: str
    desk: str
    packet_count: int
    status: BatchStatus = BatchStatus.OPEN
    version: int = 0
    items: tuple[BatchItemCount, ...] = ()  # 送评报告单, 花名册: checked like packet items
    closed_at: dt.datetime | None = None
    closed_by: str = ""
    sha256: str = ""  # of the transmittal manifest, fixed when the batch is closed
    handover: HandOver | None = None
    file_sha256: str = ""  # of the transmittal file (.zip), as sha256sum gives it


@dataclass(frozen=True)
class BatchView:
    batch: BatchInfo
    packets: tuple[PacketView, ...]

    @property
    def forms(self) -> int:
        """Accepted copies of every item of every packet in the batch."""
        return sum(sum(p.state.received.values()) for p in self.packets)


@dataclass(frozen=True)
class ImportReport:
    """What a roster import did (or, in a dry run, would do)."""

    new: int
    updated: int
    unchanged: int
    refused: tuple[tuple[int, str], ...]  # (row number, reason)
    changes: tuple[tuple[int, str, dict[str, tuple[object, object]]], ...] = ()
    dry_run: bool = False
    # Applicants known from an earlier round who get a packet in this round (#11).
    opened: int = 0
    # Stored values that blank cells left as they were (blank_overwrites off).
    blanks_kept: int = 0

    def summary(self) -> str:
        verb = "将" if self.dry_run else "已"
        text = (f"{verb}新增 {self.new} 人，{verb}更新 {self.updated} 人，"
                f"{self.unchanged} 人无变化")
        if self.opened:
            text += f"，{verb}为以前轮次的申报人新开材料袋 {self.opened} 个"
        if self.refused:
            text += f"，{len(self.refused)} 行未导入"
        return text + "。"


@dataclass(frozen=True)
class PacketReport:
    """One packet for lists and exports: status, what is missing, the pre-check."""

    id_number: str
    name: str
    unit: str
    status: PacketStatus
    received: dict[str, int]
    missing: dict[str, int]
    missing_text: str
    returned_text: str
    eligibility: str  # eligible | ineligible | unknown
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class AuditEntry:
    """One event of the audit trail, as `zcdesk audit` and the history view show it."""

    id: int
    at: dt.datetime
    kind: str
    operator: str
    desk: str
    applicant: str
    id_number: str
    description: str
    reversed_by: int | None
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class OperatorInfo:
    name: str
    role: str  # clerk | admin
    active: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"
