"""What the clerk scanned or typed: an ID number, a receipt number or a name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from zcdesk.domain.idnumber import (
    clean_scan,
    has_resident_id_shape,
    normalize_id,
    resident_id_problem,
)
from zcdesk.domain.receipt import parse_packet_code, parse_receipt

_OTHER_ID = re.compile(r"^[0-9A-Z()\-]{5,30}$")
_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


class ScanKind(StrEnum):
    EMPTY = "empty"
    RESIDENT_ID = "resident_id"  # an 18-character 居民身份证-style number, check digit valid
    BAD_ID = "bad_id"  # looks like a 居民身份证 number but fails GB 11643
    OTHER_ID = "other_id"  # another kind's number (军官证, 外国人工作证 …)
    RECEIPT = "receipt"
    PACKET_CODE = "packet_code"  # read from a cover sheet's barcode or QR code
    NAME = "name"


@dataclass(frozen=True)
class ScanQuery:
    kind: ScanKind
    value: str
    problem: str = ""


def classify(raw: str) -> ScanQuery:
    text = clean_scan(raw)
    if not text:
        return ScanQuery(ScanKind.EMPTY, "")
    receipt = parse_receipt(text)
    if receipt is not None:
        return ScanQuery(ScanKind.RECEIPT, str(receipt))
    packet_code = parse_packet_code(text)
    if packet_code is not None:
        return ScanQuery(ScanKind.PACKET_CODE, str(packet_code))
    compact = normalize_id(text)
    if len(compact) >= 15 and compact[:17].isdigit():
        # Anything digit-heavy of ID length is held to GB 11643: a scanner that
        # dropped or doubled a digit must be caught here, not looked up.
        problem = resident_id_problem(compact)
        if problem is None:
            return ScanQuery(ScanKind.RESIDENT_ID, compact)
        return ScanQuery(ScanKind.BAD_ID, compact, problem.message)
    if has_resident_id_shape(compact):  # pragma: no cover - covered by the branch above
        return ScanQuery(ScanKind.RESIDENT_ID, compact)
    if _CJK.search(text):
        return ScanQuery(ScanKind.NAME, re.sub(r"\s+", "", text))
    if _OTHER_ID.match(compact):
        return ScanQuery(ScanKind.OTHER_ID, compact)
    return ScanQuery(ScanKind.NAME, text)
