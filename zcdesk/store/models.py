"""The tables. Events are append-only; packets cache what their events imply."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    exists,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, aliased, mapped_column


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[object, object]] = {
        dict[str, Any]: JSON, list[str]: JSON}


class Setting(Base):
    """Desk configuration: which acceptance point this desk is, its name …"""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Round(Base):
    __tablename__ = "round"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # 2025H1
    name: Mapped[str] = mapped_column(String(64))  # 2025 上半年度
    applicant_deadline: Mapped[dt.date] = mapped_column(Date)
    employer_deadline: Mapped[dt.date] = mapped_column(Date)
    district_deadline: Mapped[dt.date] = mapped_column(Date)
    paper_deadline: Mapped[dt.date] = mapped_column(Date)
    cutoff_date: Mapped[dt.date] = mapped_column(Date)  # years are counted to this day
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    # The round pack (zcdesk.domain.round_pack) as imported, and its SHA-256: the
    # columns above are read from it; NULL only for a round made before 0008.
    pack: Mapped[str | None] = mapped_column(Text)
    pack_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")


class AcceptancePoint(Base):
    __tablename__ = "acceptance_point"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)  # SC
    name: Mapped[str] = mapped_column(String(64))
    short_name: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16))  # district | municipal | city
    note: Mapped[str] = mapped_column(Text, default="")


class Qualification(Base):
    """Annex 3: the catalogue of recognised international qualifications."""

    __tablename__ = "qualification"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    abbreviation: Mapped[str] = mapped_column(String(32), default="")
    issuer: Mapped[str] = mapped_column(String(100))
    issuer_en: Mapped[str] = mapped_column(String(120), default="")
    title: Mapped[str] = mapped_column(String(16))  # 工程师
    series: Mapped[str] = mapped_column(String(16))  # 制造业
    condition: Mapped[str] = mapped_column(String(64), default="")  # IPMP: C 级及以上


class ChecklistItemRow(Base):
    __tablename__ = "checklist_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(8))  # packet | batch
    copies_required: Mapped[int] = mapped_column(Integer)
    checks: Mapped[list[str]] = mapped_column(JSON)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Unit(Base):
    """An employer (申报单位)."""

    __tablename__ = "unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Applicant(Base):
    """The annex-4 registration form's fields (the photo is not stored)."""

    __tablename__ = "applicant"
    id: Mapped[int] = mapped_column(primary_key=True)
    id_kind: Mapped[str] = mapped_column(String(16))
    id_number: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    gender: Mapped[str] = mapped_column(String(2), default="")
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    position: Mapped[str] = mapped_column(String(64), default="")
    work_start: Mapped[dt.date | None] = mapped_column(Date)
    specialty: Mapped[str] = mapped_column(String(64), default="")
    field_years: Mapped[int | None] = mapped_column(Integer)
    education: Mapped[str] = mapped_column(String(32), default="")
    degree: Mapped[str] = mapped_column(String(32), default="")
    school: Mapped[str] = mapped_column(String(100), default="")
    graduated_on: Mapped[dt.date | None] = mapped_column(Date)
    qualification: Mapped[str] = mapped_column(String(100), default="")
    qualification_issuer: Mapped[str] = mapped_column(String(120), default="")
    qualified_on: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(16), default="工程师")
    series: Mapped[str] = mapped_column(String(16), default="制造业")
    # For the pre-check (migration 0009): the unit's address tells the district of the
    # workplace; a roster date given as a year alone keeps its year here (date NULL).
    unit_address: Mapped[str] = mapped_column(String(200), default="", server_default="")
    work_start_year: Mapped[int | None] = mapped_column(SmallInteger)
    graduated_year: Mapped[int | None] = mapped_column(SmallInteger)
    qualified_year: Mapped[int | None] = mapped_column(SmallInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Packet(Base):
    """One applicant's paper packet in one round, at one acceptance point.

    `status` and `accepted` are a cache of what the packet's events imply,
    rewritten in the same transaction as every event; `version` grows with
    each write so that a second desk can detect a concurrent change.
    """

    __tablename__ = "packet"
    __table_args__ = (
        UniqueConstraint("applicant_id", "round_id"),
        # One round's packets and their counts per status (migration 0013).
        Index("ix_packet_round_status", "round_id", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"))
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id"))
    point_id: Mapped[int] = mapped_column(ForeignKey("acceptance_point.id"))
    status: Mapped[str] = mapped_column(String(16), default="none", index=True)
    accepted: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=0)
    # Where the packet is after the counter (domain.flow.PacketStage), cached like
    # `status`: rewritten with every batch, hand-over and return event.
    stage: Mapped[str] = mapped_column(String(16), default="counter", index=True)
    handback_id: Mapped[int | None] = mapped_column(ForeignKey("handback.id"))
    # The eligibility pre-check of this round's packet, judged by this round's pack, so
    # a list of 100,000 can show it without re-deriving it (migration 0010: a verdict
    # belongs to its round; making another round current never rewrites it). NULL =
    # not computed since the applicant, the ban list or the round's pack changed
    # (Store.refresh_eligibility fills in the current round's in bulk).
    eligibility: Mapped[str | None] = mapped_column(String(16))
    eligibility_reasons: Mapped[list[str] | None] = mapped_column(JSON)


class ReceiptCounter(Base):
    """The last receipt sequence per acceptance point and round (gapless)."""

    __tablename__ = "receipt_counter"
    point_id: Mapped[int] = mapped_column(ForeignKey("acceptance_point.id"), primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Visit(Base):
    """收件: one hand-in at the counter, with its receipt number."""

    __tablename__ = "visit"
    __table_args__ = (UniqueConstraint("point_id", "round_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(32), unique=True)
    point_id: Mapped[int] = mapped_column(ForeignKey("acceptance_point.id"))
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id"))
    seq: Mapped[int] = mapped_column(Integer)
    visitor_name: Mapped[str] = mapped_column(String(64), default="")
    visitor_phone: Mapped[str] = mapped_column(String(32), default="")
    visitor_unit: Mapped[str] = mapped_column(String(200), default="")
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(64))
    # Set when the visit closes with something missing: the day written on the
    # one-time notice (working days from the calendar as it was that day).
    correction_due: Mapped[dt.date | None] = mapped_column(Date)


class Event(Base):
    """Append-only record of every fact: what, who, which desk, when.

    A mistake is never edited away: a `reversal` event names the event it
    reverses in `reverses_id`.
    """

    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_packet", "packet_id"),
        Index("ix_event_operator", "operator", "id"),
        Index("ix_event_applicant", "applicant_id"),
        Index("ix_event_visit", "visit_id"),  # a visit's events (0013)
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(24))
    operator: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(64))
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("applicant.id"))
    packet_id: Mapped[int | None] = mapped_column(ForeignKey("packet.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    item_code: Mapped[str | None] = mapped_column(String(32))
    copies: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(String(24))
    reason_text: Mapped[str] = mapped_column(Text, default="")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"), unique=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class EventSeal(Base):
    """The hash chain over `event` (store.audit_chain): SHA-256 of the previous seal and
    the event's content. Append-only, like the events it seals."""

    __tablename__ = "event_seal"
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), primary_key=True,
                                          autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))


class AuditChain(Base):
    """The chain's head: one row (id 1), the last sealed event and its hash."""

    __tablename__ = "audit_chain"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_event_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class Batch(Base):
    """A transmittal to the city bureau: complete packets picked by the office lead."""

    __tablename__ = "batch"
    __table_args__ = (UniqueConstraint("point_id", "round_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_no: Mapped[str] = mapped_column(String(32), unique=True)
    point_id: Mapped[int] = mapped_column(ForeignKey("acceptance_point.id"))
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id"))
    seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="open")  # flow.BatchStatus
    version: Mapped[int] = mapped_column(Integer, default=0)
    # Batch-level items (送评报告单, 花名册): accepted copies per item code, a cache
    # of the batch's batch_accept/batch_reject events like Packet.accepted.
    items: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(64), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")  # of the closed manifest
    # Of the transmittal file (.zip) written from the manifest: what sha256sum shows
    # and the paper list prints (0012); the zip is byte-for-byte reproducible.
    file_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # The manifest as frozen at closing: the transmittal file is written from it, so a
    # later roster correction cannot change what the printed hash stands for.
    # Deferred: it can be megabytes, and only closing/exporting needs it.
    manifest: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)
    handed_by: Mapped[str] = mapped_column(String(64), default="")
    received_by: Mapped[str] = mapped_column(String(64), default="")
    handed_over_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class BatchPacket(Base):
    """Which packet travels in which batch (a packet is in one batch at most)."""

    __tablename__ = "batch_packet"
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id"), primary_key=True)
    packet_id: Mapped[int] = mapped_column(ForeignKey("packet.id"), primary_key=True,
                                           unique=True)
    position: Mapped[int] = mapped_column(Integer)


class BanEntry(Base):
    """The disqualification list (section 五): barred for 3 years from the next year."""

    __tablename__ = "ban"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    id_number: Mapped[str] = mapped_column(String(32), default="", index=True)
    decided_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Operator(Base):
    """Who works at the desks: a name, a PIN hash (scrypt) and a role."""

    __tablename__ = "operator"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(8))  # clerk | admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Wrong PINs in a row and until when the operator is locked out (migration 0011):
    # kept in the database, so neither a restart nor another desk clears them.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Decision(Base):
    """The evaluation committee's result for one packet (通过 / 不通过)."""

    __tablename__ = "decision"
    packet_id: Mapped[int] = mapped_column(ForeignKey("packet.id"), primary_key=True)
    result: Mapped[str] = mapped_column(String(8))  # flow.DecisionResult
    decided_on: Mapped[dt.date] = mapped_column(Date)
    document_no: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(64))


class Handback(Base):
    """Forms handed back to an employer: who gave them, who signed for them."""

    __tablename__ = "handback"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    handed_by: Mapped[str] = mapped_column(String(64))
    received_by: Mapped[str] = mapped_column(String(64))
    operator: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(64))


class CalendarDayRow(Base):
    """A public holiday or a make-up working day (调休); other days follow the week."""

    __tablename__ = "calendar_day"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # workdays.DayKind
    name: Mapped[str] = mapped_column(String(32), default="")


class CityBatch(Base):
    """City desk: a district's transmittal file as imported, with its manifest."""

    __tablename__ = "city_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_no: Mapped[str] = mapped_column(String(32), unique=True)
    point_code: Mapped[str] = mapped_column(String(8))
    point_name: Mapped[str] = mapped_column(String(64))
    round_code: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(String(64))  # of its manifest.json
    # of the imported .zip as a whole (0012; "" for imports before it)
    file_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    round_name: Mapped[str] = mapped_column(String(64), default="", server_default="")  # 0012
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(64))
    list_checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Deferred: 20,000 packets are ≈ 6 MB of JSON, and a scan must not decode it.
    manifest: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True)


class CityPacketRow(Base):
    """City desk: one packet a district's manifest lists, and its check-in."""

    __tablename__ = "city_packet"
    id: Mapped[int] = mapped_column(primary_key=True)
    city_batch_id: Mapped[int] = mapped_column(ForeignKey("city_batch.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(32))
    unit: Mapped[str] = mapped_column(String(200))
    qualification: Mapped[str] = mapped_column(String(100), default="")
    items: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    checked_in_by: Mapped[str] = mapped_column(String(64), default="")


class CityScan(Base):
    """City desk: a scanned code that no imported manifest lists (a discrepancy)."""

    __tablename__ = "city_scan"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
    city_batch_id: Mapped[int | None] = mapped_column(ForeignKey("city_batch.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(64))


# A later event undoing one (its `reverses_id`); an event in force has none.
REVERSAL = aliased(Event)
NOT_REVERSED = ~exists().where(REVERSAL.reverses_id == Event.id)
