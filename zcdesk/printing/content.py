"""What the documents say about a packet, in words (no layout here)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.completeness import ItemState, PacketState, Rejection
from zcdesk.domain.flow import BatchItemCount
from zcdesk.domain.records import PacketView, PointInfo, VisitInfo, VisitSummary

NONE = "—"
DRAFT = "草稿"
# 行政许可法 第三十二条第一款第（四）项: incomplete papers are told once, in full, in writing.
LEGAL_BASIS = "《中华人民共和国行政许可法》第三十二条第一款第（四）项"


def item_states(state: PacketState, items: list[ChecklistItem]) -> list[ItemState]:
    """The packet's item states in checklist order (items the packet lacks: none)."""
    by_code = {s.item.code: s for s in state.items}
    ordered = [by_code[i.code] for i in items if i.code in by_code]
    known = {i.code for i in items}
    return ordered + [s for s in state.items if s.item.code not in known]


def accepted_text(state: PacketState, items: list[ChecklistItem]) -> str:
    """评审表 2 份、登记表 1 份 — what the office holds."""
    parts = [f"{s.item.short_name} {s.accepted} 份" for s in item_states(state, items)
             if s.accepted]
    return "、".join(parts) or NONE


def rejection_text(rejection: Rejection) -> str:
    """未盖章 / 缺水印（复印件） / the clerk's own words for 其他."""
    return rejection.describe().split("：", 1)[1]


def rejected_text(state: PacketState, items: list[ChecklistItem]) -> str:
    """登记表 1 份（未盖章） — copies handed back, with the reason."""
    parts = [f"{s.item.short_name} {r.copies} 份（{rejection_text(r)}）"
             for s in item_states(state, items) for r in s.rejections]
    return "；".join(parts) or NONE


def missing_text(state: PacketState, items: list[ChecklistItem]) -> str:
    """缺 登记表 1 份 — or 齐全."""
    parts = [f"{s.item.short_name} {s.missing} 份" for s in item_states(state, items)
             if s.missing]
    return "缺 " + "、".join(parts) if parts else "齐全"


def requirement_text(item: ChecklistItem) -> str:
    """须为原件，带平台水印、单位公章 — what a good copy looks like."""
    labels = item.check_labels()
    original = "原件" in labels
    marks = [label for label in labels if label != "原件"]
    text = "须为原件" if original else ""
    if marks:
        text += ("，" if text else "须") + "带" + "、".join(marks)
    return text or NONE


@dataclass(frozen=True)
class Problem:
    """One line of the 一次性补正告知单: an item of a packet to put right."""

    packet: PacketView
    state: ItemState

    @property
    def missing(self) -> int:
        return self.state.missing

    @property
    def rejections(self) -> tuple[Rejection, ...]:
        return self.state.rejections


def problems(packet: PacketView, items: list[ChecklistItem]) -> list[Problem]:
    return [Problem(packet, s) for s in item_states(packet.state, items)
            if s.missing or s.rejections]


def visit_problems(summary: VisitSummary, items: list[ChecklistItem]) -> list[Problem]:
    return [p for packet in summary.packets for p in problems(packet, items)]


def needs_notice(summary: VisitSummary) -> bool:
    """Anything still to bring in any packet of the visit.

    A copy handed back and already replaced needs no correction (#13: the notice
    counted such a row as 需补正 while it said 无需补交); the receipt lists it."""
    return any(s.missing for p in summary.packets for s in p.state.items)


def visit_day(visit: VisitInfo) -> dt.date:
    """The date a visit's papers bear: the day it was closed (the receipt and the
    notice were handed over then), or opened while it is still open. Never the
    print date, so a reprint shows the same day."""
    return (visit.closed_at or visit.opened_at).date()


def contact_person(point: PointInfo) -> str:
    """联系人 of a point: the round pack keeps it in the note, "联系人：崔银珊。…"."""
    match = re.match(r"\s*联系人[：:]\s*([^。；;，,\s]+)", point.note or "")
    return match.group(1) if match else ""


def point_contact_text(point: PointInfo) -> str:
    """地址：…；电话：…；联系人：… — what a visitor needs to come back."""
    person = contact_person(point)
    return "；".join(x for x in (point.address and f"地址：{point.address}",
                                point.phone and f"电话：{point.phone}",
                                person and f"联系人：{person}") if x)


def batch_blockers(items: tuple[BatchItemCount, ...], closed: bool) -> list[str]:
    """What still keeps a batch from going out: 花名册 尚缺 1 份, 尚未封批 …"""
    found = [f"{i.short_name} 尚缺 {i.missing} 份" for i in items if i.missing]
    if not items:
        found.append("批次材料（送评报告单、花名册）尚未登记")
    if not closed:
        found.append("批次尚未封批")
    return found
