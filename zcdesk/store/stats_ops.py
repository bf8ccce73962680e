"""Statistics and deadlines for the office lead.

Part of the Store facade (see facade.py). Counts are grouped in SQL (a round may
hold 100,000 packets); days left are counted in working days with the holiday
calendar kept as data (calendar_ops.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import case, func, select

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.flow import (
    CorrectionDue,
    DeadlineInfo,
    DecisionResult,
    PacketStage,
    Statistics,
)
from zcdesk.store import models as m

if TYPE_CHECKING:
    from zcdesk.store.facade import Store

NO_QUALIFICATION = "（未填写）"
# Stages a packet reaches once the city bureau has signed for it.
_AWAY = tuple(s.value for s in PacketStage
              if s not in (PacketStage.COUNTER, PacketStage.BATCHED))


class StatsOps:
    def statistics(self: Store) -> Statistics:
        """Counts of the current round per status, stage, unit, qualification and day."""
        round_ = self.current_round()
        in_round = m.Packet.round_id == round_.id
        with self._read() as s:
            status = dict(s.execute(select(m.Packet.status, func.count()).where(in_round)
                                    .group_by(m.Packet.status)).all())
            stage = dict(s.execute(select(m.Packet.stage, func.count()).where(in_round)
                                   .group_by(m.Packet.stage)).all())
            complete = case((m.Packet.status == PacketStatus.COMPLETE.value, 1), else_=0)
            away = case((m.Packet.stage.in_(_AWAY), 1), else_=0)
            units = s.execute(
                select(m.Unit.name, func.count(), func.sum(complete), func.sum(away))
                .join(m.Applicant, m.Applicant.unit_id == m.Unit.id)
                .join(m.Packet, m.Packet.applicant_id == m.Applicant.id)
                .where(in_round).group_by(m.Unit.name)).all()
            qualifications: dict[str, int] = {}
            for name, count in s.execute(
                    select(m.Applicant.qualification, func.count())
                    .join(m.Packet, m.Packet.applicant_id == m.Applicant.id)
                    .where(in_round).group_by(m.Applicant.qualification)):
                key = (name or "").strip() or NO_QUALIFICATION
                qualifications[key] = qualifications.get(key, 0) + count
            decisions = dict(s.execute(
                select(m.Decision.result, func.count())
                .join(m.Packet, m.Packet.id == m.Decision.packet_id)
                .where(in_round).group_by(m.Decision.result)).all())
            copies: dict[dt.date, int] = {}
            for day, total in s.execute(
                    select(func.date(m.Event.at), func.sum(m.Event.copies))
                    .join(m.Packet, m.Packet.id == m.Event.packet_id)
                    .where(in_round, m.Event.kind == "accept", m.NOT_REVERSED)
                    .group_by(func.date(m.Event.at))):
                copies[_day(day)] = copies.get(_day(day), 0) + int(total or 0)
            # A complete packet was completed by its last accepted copies.
            last = (select(func.max(m.Event.id).label("id"))
                    .join(m.Packet, m.Packet.id == m.Event.packet_id)
                    .where(in_round, m.Packet.status == PacketStatus.COMPLETE.value,
                           m.Event.kind == "accept", m.NOT_REVERSED)
                    .group_by(m.Event.packet_id).subquery())
            completed: dict[dt.date, int] = {}
            for day, count in s.execute(
                    select(func.date(m.Event.at), func.count())
                    .join(last, last.c.id == m.Event.id).group_by(func.date(m.Event.at))):
                completed[_day(day)] = completed.get(_day(day), 0) + count
        return Statistics(
            round_code=round_.code, round_name=round_.name,
            by_status=tuple((p.label, status.get(p.value, 0)) for p in PacketStatus),
            by_stage=tuple((p.label, stage.get(p.value, 0)) for p in PacketStage),
            by_unit=tuple(sorted(((u, n, int(c or 0), int(a or 0)) for u, n, c, a in units),
                                 key=lambda r: (-r[1], r[0]))),
            by_qualification=tuple(sorted(qualifications.items(),
                                          key=lambda r: (-r[1], r[0]))),
            by_day=tuple((day, copies.get(day, 0), completed.get(day, 0))
                         for day in sorted(set(copies) | set(completed))),
            by_decision=tuple((r.label, decisions.get(r.value, 0)) for r in DecisionResult))

    def deadlines(self: Store, today: dt.date | None = None) -> list[DeadlineInfo]:
        """The round's four deadlines with the working days left to each."""
        round_ = self.current_round()
        today = today or self.clock().date()
        calendar = self.work_calendar()
        return [DeadlineInfo(label, day, calendar.working_days_left(today, day),
                             (day - today).days)
                for label, day in (("个人网上申报截止", round_.applicant_deadline),
                                   ("单位网上审核截止", round_.employer_deadline),
                                   ("受理点网上审核截止", round_.district_deadline),
                                   ("纸质材料报送市职改办截止", round_.paper_deadline))]

    def corrections_due(self: Store, today: dt.date | None = None, *,
                        overdue_only: bool = False) -> list[CorrectionDue]:
        """Visitors told in writing what was missing whose packets are still incomplete.

        A packet counts under the latest closed visit that gave it a correction
        deadline (a second notice supersedes the first); packets already complete
        or gone on into a batch are left out. Soonest deadline first."""
        round_ = self.current_round()
        today = today or self.clock().date()
        calendar = self.work_calendar()
        items = self.checklist()
        with self._read() as s:
            # Most of the time no visit has an open notice: then nothing is joined (the
            # join read every packet of the round: 0.3 s at 500,000, at every start).
            # A subquery, not a list of ids: a round may have more visits than a
            # statement may have parameters.
            noticed = select(m.Visit.id).where(
                m.Visit.round_id == round_.id, m.Visit.correction_due.is_not(None),
                m.Visit.closed_at.is_not(None))
            any_notice = s.scalar(noticed.limit(1)) is not None
            rows = s.execute(
                select(m.Visit.id, m.Visit.receipt_no, m.Visit.visitor_name,
                       m.Visit.visitor_unit, m.Visit.closed_at, m.Visit.correction_due,
                       m.Packet.id, m.Packet.accepted, m.Applicant.name)
                .select_from(m.Event)
                .join(m.Visit, m.Visit.id == m.Event.visit_id)
                .join(m.Packet, m.Packet.id == m.Event.packet_id)
                .join(m.Applicant, m.Applicant.id == m.Packet.applicant_id)
                .where(m.Event.visit_id.in_(noticed),
                       m.Packet.status != PacketStatus.COMPLETE.value,
                       m.Packet.stage == PacketStage.COUNTER.value)
                .order_by(m.Visit.closed_at, m.Visit.id)).all() if any_notice else []
        latest: dict[int, tuple] = {}  # packet → its latest notice's row
        for row in rows:
            latest[row[6]] = row
        visits: dict[int, list[tuple]] = {}
        for row in latest.values():
            visits.setdefault(row[0], []).append(row)
        result = []
        for group in visits.values():
            _, receipt, visitor, unit, closed_at, due, *_ = group[0]
            lines = []
            for *_, accepted, name in sorted(group, key=lambda r: r[6]):
                got = dict(accepted or {})
                missing = [f"{i.short_name} 缺 {i.copies_required - int(got.get(i.code, 0))} 份"
                           for i in items if int(got.get(i.code, 0)) < i.copies_required]
                lines.append(f"{name}：{'、'.join(missing)}")
            overdue = today > due
            if overdue_only and not overdue:
                continue
            result.append(CorrectionDue(
                receipt_no=receipt, visitor_name=visitor, visitor_unit=unit,
                notified_on=closed_at.date(), due=due,
                working_days_left=calendar.working_days_left(today, due), overdue=overdue,
                packets=tuple(lines)))
        return sorted(result, key=lambda c: (c.due, c.receipt_no))


def _day(value: dt.date | str) -> dt.date:
    """func.date() gives a date on PostgreSQL and ISO text on SQLite."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
