"""The paper checklist as value types; its content comes from the database."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Scope(StrEnum):
    PACKET = "packet"  # per applicant: 评审表, 登记表
    BATCH = "batch"  # per transmittal: 送评报告单, 花名册


CHECK_LABELS = {
    "watermark": "平台水印",
    "stamp": "单位公章",
    "original": "原件",
}


@dataclass(frozen=True)
class ChecklistItem:
    code: str  # "evaluation"
    name: str  # 专业技术职务任职资格评审表
    short_name: str  # 评审表
    scope: Scope
    copies_required: int
    checks: tuple[str, ...]  # keys of CHECK_LABELS
    sort_order: int = 0

    def check_labels(self) -> list[str]:
        return [CHECK_LABELS.get(c, c) for c in self.checks]


class RejectReason(StrEnum):
    NO_WATERMARK = "no_watermark"
    NO_STAMP = "no_stamp"
    NOT_ORIGINAL = "not_original"
    MISMATCH = "mismatch"
    OTHER = "other"

    @property
    def label(self) -> str:
        return REASON_LABELS[self]


REASON_LABELS: dict[RejectReason, str] = {
    RejectReason.NO_WATERMARK: "缺水印",
    RejectReason.NO_STAMP: "未盖章",
    RejectReason.NOT_ORIGINAL: "非原件",
    RejectReason.MISMATCH: "信息与系统不符",
    RejectReason.OTHER: "其他",
}


def parse_reason(text: str) -> RejectReason | None:
    """Accept the code (no_stamp), the Chinese label (未盖章) or its alias."""
    key = text.strip().lower().replace("-", "_")
    for reason in RejectReason:
        if key in (reason.value, reason.label):
            return reason
    aliases = {"水印": RejectReason.NO_WATERMARK, "盖章": RejectReason.NO_STAMP,
               "公章": RejectReason.NO_STAMP, "复印件": RejectReason.NOT_ORIGINAL,
               "不符": RejectReason.MISMATCH}
    return aliases.get(text.strip())


def find_item(text: str, items: list[ChecklistItem]) -> ChecklistItem | None:
    """An item by its code, full name or short name (评审表 / evaluation)."""
    key = text.strip()
    for item in items:
        if key.lower() == item.code or key in (item.name, item.short_name):
            return item
    return None
