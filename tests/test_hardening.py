"""Property-based hardening: no input crashes the store or the command line,
and a refused request changes nothing."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from tests.conftest import FIXED_NOW, ID_ZHANG
from zcdesk.cli import main
from zcdesk.domain.receipt import parse_batch, parse_packet_code, parse_receipt
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import Store, StoreError

SLOW = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def snapshot(db_url: str) -> tuple:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        counts = tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                       for t in ("event", "applicant", "packet", "visit", "unit"))
        packets = tuple(conn.execute(text(
            "SELECT id, status, accepted, version FROM packet ORDER BY id")).all())
    engine.dispose()
    return counts, packets


@pytest.fixture
def hardened(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, str, int]:
    path = tmp_path_factory.mktemp("hard") / "hard.sqlite3"
    url = f"sqlite:///{path}"
    store = Store.open(url, operator="小王", desk="窗口1", clock=lambda: FIXED_NOW)
    store.set_desk_point("SC")
    packet = store.add_applicant(ApplicantForm(name="张三", id_number=ID_ZHANG, unit="某公司"))
    return store, url, packet.packet_id


@SLOW
@given(item=st.one_of(st.sampled_from(["evaluation", "登记表", "评审表"]), st.text(max_size=8)),
       copies=st.one_of(st.integers(-5, 30), st.booleans()),
       reason=st.one_of(st.none(), st.sampled_from(["未盖章", "其他", "no_stamp"]),
                        st.text(max_size=6)),
       note=st.text(max_size=250))
def test_recording_never_crashes_or_half_writes(hardened, item, copies, reason, note) -> None:  # type: ignore[no-untyped-def]
    store, url, packet_id = hardened
    before = snapshot(url)
    try:
        if reason is None:
            store.accept(packet_id, item, copies)
        else:
            store.reject(packet_id, item, copies, reason, note)
    except StoreError:
        assert snapshot(url) == before  # refused: nothing changed
    else:
        counts, _ = snapshot(url)
        assert counts[0] == before[0][0] + 1  # exactly one event
    state = store.packet(packet_id).state
    assert all(0 <= s.accepted <= s.item.copies_required for s in state.items)


@SLOW
@given(name=st.text(max_size=80), number=st.text(max_size=25), unit=st.text(max_size=220),
       kind=st.sampled_from(["居民身份证", "外国人工作证", "护照", ""]),
       years=st.one_of(st.none(), st.integers(-10, 100)),
       day=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))))
def test_adding_applicants_never_crashes_or_half_writes(hardened, name, number, unit, kind,  # type: ignore[no-untyped-def]
                                                        years, day) -> None:
    store, url, _ = hardened
    before = snapshot(url)
    form = ApplicantForm(name=name, id_number=number, unit=unit, id_kind=kind,
                         field_years=years, work_start=day)
    try:
        store.add_applicant(form)
    except StoreError:
        assert snapshot(url) == before


@SLOW
@given(raw=st.text(max_size=40))
def test_scan_lookup_never_crashes(hardened, raw: str) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = hardened
    store.lookup(raw)


@given(st.text(max_size=30))
def test_number_parsers_never_crash(text_: str) -> None:
    parse_receipt(text_), parse_batch(text_), parse_packet_code(text_)


WORDS = st.sampled_from(["receive", "status", "--json", "applicant", "add", "--name",
                         "--id-number", "--unit", "print", "receipt", "-o", "batch", "new",
                         "undo", "desk", "--point", "audit", "--since", "export", "roster",
                         "import", "--dry-run", "evaluation", "2", "-1", "x", ID_ZHANG,
                         "SC-2025H1-00001", "operator", "list", "check", "--full-ids"])


COMMANDS = st.sampled_from(["receive", "status", "applicant", "print", "batch", "undo", "desk",
                            "audit", "export", "roster", "check", "check-eligibility",
                            "operator"])


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=COMMANDS, rest=st.lists(st.one_of(WORDS, st.text(max_size=10)), max_size=7))
def test_the_command_line_never_crashes(hardened, command: str, rest: list[str],  # type: ignore[no-untyped-def]
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Always a subcommand: without one, zcdesk opens the window.
    _, url, _ = hardened
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    argv = [command, *(str(tmp_path / "x.pdf") if w == "-o" else w for w in rest)]
    before = snapshot(url)
    try:
        code = main(["--db", url, *argv])
    except SystemExit as exc:  # argparse: usage (2) or --help/--version (0)
        code = exc.code if isinstance(exc.code, int) else 2
    assert code in (0, 1, 2, 3)
    if code != 0:
        assert snapshot(url) == before
