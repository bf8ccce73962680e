"""Which packet the counter has open, and what a scan means: no Qt in here.

The rules that keep copies on the right person live here, so they are tested
without a window (tests/test_counter_state.py):
- a scan acts only on the packet it names;
- every refused or unresolved scan (bad check digit, unknown number, a name
  with several matches not yet chosen) closes the open packet, so a following
  `2⏎` is refused instead of booking to the person scanned before (issue #10, H2);
- copies are counts of ASCII digits only (after full-width digits are folded):
  "1_0" is not 10.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from zcdesk.domain.idnumber import clean_scan
from zcdesk.domain.records import Lookup, LookupKind, PacketView

# 1–2 ASCII digits: int() would also take "1_0", "٣" or "²".
_COPIES = re.compile(r"[0-9]{1,2}", re.ASCII)
NO_PACKET = "请先扫描证件号码打开材料袋。"


class ScanAction(StrEnum):
    EMPTY = "empty"
    COPIES = "copies"  # digits + Enter: that many copies of the selected item
    REJECT = "reject"  # R + Enter: hand a copy back
    LOOKUP = "lookup"  # anything else names a packet (ID, receipt, cover code, name)


@dataclass(frozen=True)
class Scan:
    action: ScanAction
    text: str  # cleaned: no control characters, NFKC-folded, letters upper-case
    copies: int = 0


def scan_text(raw: str) -> str:
    """What the scan field holds after a scan: cleaned and upper-cased, so Caps
    Lock (or a scanner's lower-case x) makes no difference. Names are matched
    without regard to case, so upper-casing a Latin name loses nothing."""
    return clean_scan(raw).upper()


def read_scan(raw: str) -> Scan:
    # NFKC folds full-width digits before this point; the copies pattern is ASCII only.
    text = scan_text(raw)
    if not text:
        return Scan(ScanAction.EMPTY, text)
    if _COPIES.fullmatch(text):
        return Scan(ScanAction.COPIES, text, int(text))
    if text == "R":
        return Scan(ScanAction.REJECT, text)
    return Scan(ScanAction.LOOKUP, text)


class CounterState:
    """The packet the last scan (or an explicit open) named; None after a refusal."""

    def __init__(self) -> None:
        self._packet_id: int | None = None

    @property
    def packet_id(self) -> int | None:
        return self._packet_id

    def open(self, packet: PacketView) -> None:
        self._packet_id = packet.packet_id

    def close(self) -> None:
        self._packet_id = None

    def after_lookup(self, lookup: Lookup) -> PacketView | None:
        """The packet a lookup opens; anything but one found packet closes the open one."""
        if lookup.kind is LookupKind.FOUND and lookup.packet is not None:
            self.open(lookup.packet)
            return lookup.packet
        if lookup.kind is not LookupKind.EMPTY:
            self.close()
        return None

    def is_open(self, packet: PacketView | None) -> bool:
        return packet is not None and packet.packet_id == self._packet_id

    def target(self, shown: PacketView | None) -> PacketView | None:
        """The packet copies may be booked to: the one shown, and only if it is the
        one the counter opened (a panel showing anything else never takes copies)."""
        return shown if self.is_open(shown) else None
