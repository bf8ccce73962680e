"""The counter's rules without a window: what a scan means, which packet copies go to.

No Qt here: H1/H2-style sequences (a refused scan between two recordings, a
choice left open) are checked against a real store, as the window would run them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BAD_CHECK, ID_LI, ID_ZHANG
from zcdesk.domain.records import ApplicantForm, LookupKind, PacketView
from zcdesk.store import Store
from zcdesk.ui.counter_state import CounterState, ScanAction, read_scan, scan_text


@pytest.mark.parametrize(("raw", "action", "copies"), [
    ("2", ScanAction.COPIES, 2),
    ("12\r\n", ScanAction.COPIES, 12),
    ("２", ScanAction.COPIES, 2),  # an IME's full-width digit
    ("1_0", ScanAction.LOOKUP, 0),  # int() would take it as 10
    ("٣", ScanAction.LOOKUP, 0),  # not an ASCII digit
    ("123", ScanAction.LOOKUP, 0),
    ("r", ScanAction.REJECT, 0),
    (" \t", ScanAction.EMPTY, 0),
    ("33010619850315018x", ScanAction.LOOKUP, 0),
])
def test_what_a_scan_means(raw: str, action: ScanAction, copies: int) -> None:
    scan = read_scan(raw)
    assert (scan.action, scan.copies) == (action, copies)


def test_scan_text_is_upper_case_and_clean() -> None:
    assert scan_text("sc-2025h1-00017\t") == "SC-2025H1-00017"
    assert scan_text("33010619850315018x") == "33010619850315018X"


def _run(store: Store, state: CounterState, shown: list[PacketView | None],
         raw: str) -> str:
    """What the window does with one scan: returns what happened, in a word."""
    scan = read_scan(raw)
    if scan.action is ScanAction.COPIES:
        packet = state.target(shown[-1])
        if packet is None:
            return "refused: no packet"
        item = packet.state.items[0].item.code
        result = store.accept(packet.packet_id, item, scan.copies,
                              visit_id=store.open_visit().id)
        shown.append(result.packet)
        return f"booked to {result.packet.applicant.name}"
    lookup = store.lookup(scan.text)
    packet = state.after_lookup(lookup)
    shown.append(packet)
    return f"opened {packet.applicant.name}" if packet else f"refused: {lookup.kind}"


@pytest.fixture
def two(store: Store) -> Store:
    store.add_applicant(ApplicantForm(name="张三", id_number=ID_ZHANG, unit="甲公司"))
    store.add_applicant(ApplicantForm(name="李四", id_number=ID_LI, unit="乙公司"))
    return store


@pytest.mark.parametrize("bad", [BAD_CHECK, "330102199001019999", "没有这个人"])
def test_a_refused_scan_between_leaves_nothing_to_book_to(two: Store, bad: str) -> None:
    state, shown = CounterState(), []
    assert _run(two, state, shown, ID_ZHANG) == "opened 张三"
    assert _run(two, state, shown, bad).startswith("refused")
    assert state.packet_id is None
    assert _run(two, state, shown, "2") == "refused: no packet"


def test_an_unchosen_name_closes_the_packet(two: Store) -> None:
    two.add_applicant(ApplicantForm(name="李四", id_number="330106198001010013", unit="丙公司"))
    state, shown = CounterState(), []
    _run(two, state, shown, ID_ZHANG)
    assert _run(two, state, shown, "李四") == f"refused: {LookupKind.CHOICE}"
    assert _run(two, state, shown, "2") == "refused: no packet"


def test_a_panel_showing_another_packet_never_takes_copies(two: Store) -> None:
    state, shown = CounterState(), []
    _run(two, state, shown, ID_ZHANG)
    other = two.lookup(ID_LI).packet
    assert state.target(other) is None  # e.g. a stale view of another packet
    assert _run(two, state, shown, "2") == "booked to 张三"


def test_the_state_module_needs_no_qt() -> None:
    import zcdesk.ui.counter_state as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    assert "import PySide6" not in source and "from PySide6" not in source
