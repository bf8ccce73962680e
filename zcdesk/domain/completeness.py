"""A packet's state derived from the checklist and its recorded copy events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from zcdesk.domain.checklist import ChecklistItem, RejectReason


class PacketStatus(StrEnum):
    NONE = "none"
    PARTIAL = "partial"
    COMPLETE = "complete"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def symbol(self) -> str:
        # A shape as well as a colour: status is never told by colour alone.
        return STATUS_SYMBOLS[self]


STATUS_LABELS = {PacketStatus.NONE: "未收", PacketStatus.PARTIAL: "部分",
                 PacketStatus.COMPLETE: "齐全"}
STATUS_SYMBOLS = {PacketStatus.NONE: "○", PacketStatus.PARTIAL: "◐",
                  PacketStatus.COMPLETE: "●"}


class CopyKind(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"


@dataclass(frozen=True)
class CopyEvent:
    """One recorded fact about copies of one item (never a reversed one)."""

    kind: CopyKind
    item_code: str
    copies: int
    reason: RejectReason | None = None
    reason_text: str = ""


@dataclass(frozen=True)
class Rejection:
    reason: RejectReason
    text: str
    copies: int

    def describe(self) -> str:
        label = self.reason.label
        if self.text:
            label = f"{label}（{self.text}）" if self.reason is not RejectReason.OTHER \
                else self.text
        return f"退回 {self.copies} 份：{label}"


@dataclass(frozen=True)
class ItemState:
    item: ChecklistItem
    accepted: int
    rejections: tuple[Rejection, ...] = ()

    @property
    def missing(self) -> int:
        return max(0, self.item.copies_required - self.accepted)

    @property
    def rejected(self) -> int:
        return sum(r.copies for r in self.rejections)

    @property
    def complete(self) -> bool:
        return self.missing == 0


@dataclass(frozen=True)
class PacketState:
    items: tuple[ItemState, ...]
    status: PacketStatus = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", derive_status(
            {s.item.code: s.accepted for s in self.items},
            {s.item.code: s.item.copies_required for s in self.items}))

    def item(self, code: str) -> ItemState:
        for state in self.items:
            if state.item.code == code:
                return state
        raise KeyError(code)

    @property
    def received(self) -> dict[str, int]:
        return {s.item.code: s.accepted for s in self.items}

    @property
    def missing(self) -> dict[str, int]:
        return {s.item.code: s.missing for s in self.items if s.missing}

    def missing_text(self) -> str:
        return missing_words(self.items)


def derive_status(accepted: Mapping[str, int], required: Mapping[str, int]) -> PacketStatus:
    if all(accepted.get(code, 0) >= need for code, need in required.items()):
        return PacketStatus.COMPLETE
    if any(accepted.get(code, 0) > 0 for code in required):
        return PacketStatus.PARTIAL
    return PacketStatus.NONE


def missing_words(items: Iterable[ItemState]) -> str:
    """缺 评审表 1 份、登记表 2 份 — or 齐全 when nothing is missing."""
    parts = [f"{s.item.short_name} {s.missing} 份" for s in items if s.missing]
    return "缺 " + "、".join(parts) if parts else "齐全"


def compute_state(items: Iterable[ChecklistItem], events: Iterable[CopyEvent]) -> PacketState:
    """Fold the (unreversed) events over the checklist.

    Accepted copies are capped at what the item requires: the store refuses to
    record more, and the cap keeps old data from counting a copy twice.
    """
    items = list(items)
    accepted = {item.code: 0 for item in items}
    rejections: dict[str, dict[tuple[RejectReason, str], int]] = {i.code: {} for i in items}
    for event in events:
        if event.item_code not in accepted:
            continue
        if event.kind is CopyKind.ACCEPT:
            accepted[event.item_code] += event.copies
        elif event.reason is not None:
            key = (event.reason, event.reason_text)
            bucket = rejections[event.item_code]
            bucket[key] = bucket.get(key, 0) + event.copies
    return PacketState(tuple(
        ItemState(
            item=item,
            accepted=min(accepted[item.code], item.copies_required),
            rejections=tuple(Rejection(r, t, n) for (r, t), n in rejections[item.code].items()),
        )
        for item in sorted(items, key=lambda i: i.sort_order)
    ))


@dataclass(frozen=True)
class AcceptPlan:
    """How many of the offered copies count, and what to tell the clerk."""

    counted: int
    surplus: int

    def warning(self, item: ChecklistItem, already: int) -> str:
        if not self.surplus:
            return ""
        if self.counted == 0:
            return (f"{item.short_name} 只需 {item.copies_required} 份，已收齐 {already} 份；"
                    f"这 {self.surplus} 份未计入，请退还递交人。")
        return (f"{item.short_name} 只需 {item.copies_required} 份，本次计入 {self.counted} 份；"
                f"多出的 {self.surplus} 份未计入，请退还递交人。")


def plan_accept(item: ChecklistItem, already: int, offered: int) -> AcceptPlan:
    counted = max(0, min(offered, item.copies_required - already))
    return AcceptPlan(counted=counted, surplus=offered - counted)
