"""Rows made into the domain's value types, shared by the facade and its mixins
(their own module, so a mixin never imports private names from the facade)."""

from __future__ import annotations

from zcdesk.domain.records import PointInfo, RoundInfo
from zcdesk.store import models as m


def round_of_row(r: m.Round) -> RoundInfo:
    return RoundInfo(r.id, r.code, r.name, r.applicant_deadline, r.employer_deadline,
                     r.district_deadline, r.paper_deadline, r.cutoff_date)


def point_of_row(p: m.AcceptancePoint) -> PointInfo:
    return PointInfo(p.id, p.code, p.name, p.short_name, p.phone, p.address, p.kind,
                     p.note)
