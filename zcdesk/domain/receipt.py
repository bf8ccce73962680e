"""Receipt numbers: SC-2025H1-00017 — acceptance point, round, gapless sequence."""

from __future__ import annotations

import re
from dataclasses import dataclass

RECEIPT_PATTERN = re.compile(r"^([A-Z]{1,6})-(\d{4}H[12])-(\d{5,})$")


@dataclass(frozen=True, order=True)
class ReceiptNumber:
    point_code: str
    round_code: str
    seq: int

    def __str__(self) -> str:
        return f"{self.point_code}-{self.round_code}-{self.seq:05d}"


def parse_receipt(text: str) -> ReceiptNumber | None:
    match = RECEIPT_PATTERN.match(text.strip().upper())
    if not match:
        return None
    return ReceiptNumber(match[1], match[2], int(match[3]))
