"""Statements the Store and its mixins share, built once.

Constructing a select() costs more than SQLite needs to answer it, and a scan must
show its packet in about a millisecond: the scan loop's statements are made here,
at import, and bound per call. The mixins (batch_ops, roster_ops …) import them from
this module, never from the facade that imports the mixins.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select

from zcdesk.domain.completeness import CopyKind
from zcdesk.store import models as m

# Events that count copies: what came and what was handed back.
COPY_KINDS = (CopyKind.ACCEPT.value, CopyKind.REJECT.value)

# An applicant's row as ApplicantInfo takes it (its fields in order).
APPLICANT_COLUMNS = (
    m.Applicant.id, m.Applicant.id_kind, m.Applicant.id_number, m.Applicant.name,
    m.Applicant.gender, m.Unit.name, m.Applicant.position, m.Applicant.work_start,
    m.Applicant.specialty, m.Applicant.field_years, m.Applicant.education, m.Applicant.degree,
    m.Applicant.school, m.Applicant.graduated_on, m.Applicant.qualification,
    m.Applicant.qualification_issuer, m.Applicant.qualified_on, m.Applicant.title,
    m.Applicant.series,
    # ApplicantInfo's trailing, optional fields, in its order
    m.Applicant.unit_address, m.Applicant.work_start_year, m.Applicant.graduated_year,
    m.Applicant.qualified_year)

# A packet with its applicant, batch and decision: Store._packet_view reads these rows.
PACKET_VIEW_ROWS = (
    select(m.Packet.id, m.Packet.version, m.Packet.point_id, m.Packet.round_id,
           m.Packet.eligibility, m.Packet.eligibility_reasons, m.Packet.stage,
           m.Batch.batch_no, m.Decision.result, m.Decision.decided_on, m.Decision.document_no,
           *APPLICANT_COLUMNS)
    .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
    .join(m.Unit, m.Applicant.unit_id == m.Unit.id)
    .outerjoin(m.BatchPacket, m.BatchPacket.packet_id == m.Packet.id)
    .outerjoin(m.Batch, m.Batch.id == m.BatchPacket.batch_id)
    .outerjoin(m.Decision, m.Decision.packet_id == m.Packet.id))
PACKET_VIEW = PACKET_VIEW_ROWS.where(m.Packet.id == bindparam("packet_id"))
FROZEN = (
    select(m.Batch.batch_no, m.Batch.status)
    .join(m.BatchPacket, m.BatchPacket.batch_id == m.Batch.id)
    .where(m.BatchPacket.packet_id == bindparam("packet_id")))
FIRST_RECEIPT = (
    select(m.Visit.receipt_no).join(m.Event, m.Event.visit_id == m.Visit.id)
    .where(m.Event.packet_id == bindparam("packet_id")).order_by(m.Event.id).limit(1))
COPY_EVENTS = (
    select(m.Event.kind, m.Event.item_code, m.Event.copies, m.Event.reason,
           m.Event.reason_text)
    .where(m.Event.packet_id == bindparam("packet_id"), m.Event.kind.in_(COPY_KINDS),
           m.NOT_REVERSED)
    .order_by(m.Event.id))
PACKET_BY_ID_NUMBER = (
    select(m.Packet.id).join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
    .where(m.Applicant.id_number == bindparam("id_number"),
           m.Packet.round_id == bindparam("round_id")))
