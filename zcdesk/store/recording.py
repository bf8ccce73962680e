"""Checks every recording of copies shares: packets at the counter and a batch's own
items (送评报告单, 花名册) alike."""

from __future__ import annotations

from zcdesk.domain.checklist import RejectReason
from zcdesk.store.errors import InputError

MAX_COPIES = 20  # more in one go is a typing slip, not a packet


def valid_copies(copies: int) -> int:
    if isinstance(copies, bool) or not isinstance(copies, int):
        raise InputError("份数应为整数。")
    if not 1 <= copies <= MAX_COPIES:
        raise InputError(f"份数应在 1 到 {MAX_COPIES} 之间，收到 {copies}。")
    return copies


def rejection(reason: RejectReason | str, text: str) -> tuple[RejectReason, str]:
    """A hand-back's reason and its words, checked."""
    if not isinstance(reason, RejectReason):
        from zcdesk.domain.checklist import parse_reason

        parsed = parse_reason(str(reason))
        if parsed is None:
            raise InputError(f"退回原因“{reason}”无法识别。可选：缺水印、未盖章、非原件、"
                             "信息与系统不符、其他（须说明）。")
        reason = parsed
    text = text.strip()
    if reason is RejectReason.OTHER and not text:
        raise InputError("退回原因为“其他”时，请写明具体原因。")
    if len(text) > 200:
        raise InputError("退回说明过长（最多 200 个字符）。")
    return reason, text
