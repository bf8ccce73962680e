"""The hand-ins (收件) of a round with their receipt numbers, for `zcdesk visit list`:
when, who handed in for which unit, which packets, and what each still lacks.

A visit's packets are those with a recording on it that still stands, as on its
receipt (Store.visit_summary); what is missing is the packet's state now, so a
packet completed on a later visit no longer shows as lacking anything. Three
queries in all, whatever the number of visits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from zcdesk.store import models as m

if TYPE_CHECKING:
    from zcdesk.store import Store


@dataclass(frozen=True)
class VisitPacket:
    name: str
    id_number: str
    unit: str
    status: str  # PacketStatus value, now
    missing: dict[str, int]  # item code → copies still missing, now
    missing_text: str  # 缺 评审表 1 份 … or 齐全


@dataclass(frozen=True)
class VisitLine:
    receipt_no: str
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    visitor_name: str
    visitor_unit: str
    operator: str
    desk: str
    correction_due: dt.date | None
    packets: tuple[VisitPacket, ...]

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def unit(self) -> str:
        """The unit the visitor gave, else the units of the packets handed in."""
        if self.visitor_unit:
            return self.visitor_unit
        return "、".join(dict.fromkeys(p.unit for p in self.packets if p.unit))

    @property
    def missing(self) -> bool:
        return any(p.missing for p in self.packets)


def visit_lines(store: Store, *, round_code: str | None = None,
                open_only: bool = False) -> list[VisitLine]:
    """The visits of the current round (or `round_code`), by receipt number."""
    round_ = store.round_info(round_code) if round_code else store.current_round()
    items = store.checklist(round_id=round_.id)
    rows = {r.packet_id: r for r in store.packet_rows(round_code)}
    with store._read() as s:
        query = select(m.Visit).where(m.Visit.round_id == round_.id)
        if open_only:
            query = query.where(m.Visit.closed_at.is_(None))
        visits = list(s.scalars(query.order_by(m.Visit.point_id, m.Visit.seq)))
        packets: dict[int, list[int]] = {}
        # The packets each visit recorded for (reversed recordings do not count).
        for visit_id, packet_id in s.execute(
                select(m.Event.visit_id, m.Event.packet_id)
                .join(m.Visit, m.Visit.id == m.Event.visit_id)
                .where(m.Visit.round_id == round_.id, m.Event.packet_id.is_not(None),
                       m.Event.reverses_id.is_(None), m.Event.kind != "reversal",
                       m.NOT_REVERSED)
                .group_by(m.Event.visit_id, m.Event.packet_id)
                .order_by(func.min(m.Event.id))):
            packets.setdefault(visit_id, []).append(packet_id)
    lines = []
    for v in visits:
        shown = []
        for packet_id in packets.get(v.id, []):
            row = rows.get(packet_id)
            if row is None:
                continue
            missing = {i.code: i.copies_required - row.accepted.get(i.code, 0) for i in items
                       if row.accepted.get(i.code, 0) < i.copies_required}
            text = ("缺 " + "、".join(f"{i.short_name} {missing[i.code]} 份" for i in items
                                     if i.code in missing)) if missing else "齐全"
            shown.append(VisitPacket(row.name, row.id_number, row.unit, row.status, missing,
                                     text))
        lines.append(VisitLine(v.receipt_no, v.opened_at, v.closed_at, v.visitor_name,
                               v.visitor_unit, v.operator, v.desk, v.correction_due,
                               tuple(shown)))
    return lines
