"""Numbers the counter prints: receipts, batches and packet codes.

All share the shape POINT-ROUND-…: SC-2025H1-00017 (a receipt, gapless per
acceptance point and round), SC-2025H1-B003 (a batch) and SC-2025H1-P000123
(a packet's code on its cover sheet, which a scanner reads back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RECEIPT_PATTERN = re.compile(r"^([A-Z]{1,6})-(\d{4}H[12])-(\d{5,})$")
BATCH_PATTERN = re.compile(r"^([A-Z]{1,6})-(\d{4}H[12])-B(\d{3,})$")
PACKET_PATTERN = re.compile(r"^([A-Z]{1,6})-(\d{4}H[12])-P(\d{6,})$")


@dataclass(frozen=True, order=True)
class ReceiptNumber:
    point_code: str
    round_code: str
    seq: int

    def __str__(self) -> str:
        return f"{self.point_code}-{self.round_code}-{self.seq:05d}"


@dataclass(frozen=True, order=True)
class BatchNumber:
    point_code: str
    round_code: str
    seq: int

    def __str__(self) -> str:
        return f"{self.point_code}-{self.round_code}-B{self.seq:03d}"


@dataclass(frozen=True, order=True)
class PacketCode:
    point_code: str
    round_code: str
    packet_id: int

    def __str__(self) -> str:
        return f"{self.point_code}-{self.round_code}-P{self.packet_id:06d}"


def _clean(text: str) -> str:
    return text.strip().upper()


def parse_receipt(text: str) -> ReceiptNumber | None:
    match = RECEIPT_PATTERN.match(_clean(text))
    return ReceiptNumber(match[1], match[2], int(match[3])) if match else None


def parse_batch(text: str) -> BatchNumber | None:
    match = BATCH_PATTERN.match(_clean(text))
    return BatchNumber(match[1], match[2], int(match[3])) if match else None


def parse_packet_code(text: str) -> PacketCode | None:
    match = PACKET_PATTERN.match(_clean(text))
    return PacketCode(match[1], match[2], int(match[3])) if match else None
