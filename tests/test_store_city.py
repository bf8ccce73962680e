"""The city desk: importing transmittal files, checking packets in, the per-batch report.

The city desk is its own database (the offices share no network): `city` is a
second Store on a second database, configured as CITY. Transmittal files are
built with tests/test_transmittal_file.py's helpers in the documented format.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXED_NOW, ID_ZHANG, POSTGRES_ADMIN
from tests.test_transmittal_file import manifest_dict, members, rezip, write_file
from zcdesk.domain.flow import CheckinKind
from zcdesk.importing import transmittal_file as tf
from zcdesk.store import InputError, NotFound, Store
from zcdesk.store.city_ops import describe_city_event
from zcdesk.store.errors import NothingToUndo

pytestmark = pytest.mark.both_backends

B1, B2 = "SC-2025H1-B001", "SC-2025H1-B002"
P1, P2, P3 = (f"SC-2025H1-P{n:06d}" for n in (1, 2, 3))


class Clock:
    """A clock the test moves on: each check-in gets its own time."""

    def __init__(self) -> None:
        self.now = dt.datetime(2025, 6, 3, 9, 0)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=30)
        return self.now


@pytest.fixture
def city_url(tmp_path: Path, db_url: str, backend: str) -> Iterator[str]:
    """A second database beside `db_url`, on the same backend."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'city.sqlite3'}"
        return
    import psycopg

    name = f"zcdesk_city_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{POSTGRES_ADMIN.rsplit('/', 1)[0]}/{name}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def city(city_url: str) -> Iterator[Store]:
    s = Store.open(city_url, operator="崔银珊", desk="职改办1", clock=Clock())
    s.set_desk_point("CITY")
    yield s
    s.close()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Two district batches: B001 (P1–P3) and B002 (P4–P5); name → (path, printed hash)."""
    made = {}
    for batch_no, codes in ((B1, [P1, P2, P3]),
                            (B2, ["SC-2025H1-P000004", "SC-2025H1-P000005"])):
        path = tmp_path / tf.default_file_name(batch_no)
        made[batch_no] = (path, write_file(path, batch_no, codes=codes))
    return made


def kinds(store: Store) -> list[str]:
    return [e.kind for e in store.audit()]


# ------------------------------------------------------------------ the desk
def test_only_a_city_desk_takes_files_and_scans(store: Store, city: Store,
                                                files: dict[str, tuple[Path, str]]) -> None:
    assert city.is_city_desk() and not store.is_city_desk()
    path, _ = files[B1]
    for action in (lambda: store.import_transmittal(path), lambda: store.checkin(P1),
                   lambda: store.undo_checkin(P1), lambda: store.city_batches(),
                   lambda: store.city_report(B1)):
        with pytest.raises(InputError, match=r"不是市级受理端.*--point CITY"):
            action()
    assert "city_imported" not in kinds(store)


# ------------------------------------------------------------------ importing
def test_import_and_the_same_file_again(city: Store,
                                        files: dict[str, tuple[Path, str]]) -> None:
    path, sha = files[B1]
    result = city.import_transmittal(path, expected_sha256=sha)
    assert result.new and "已导入批次 SC-2025H1-B001" in result.message
    info = result.batch
    assert (info.batch_no, info.point_code, info.round_code, info.sha256) == (
        B1, "SC", "2025H1", sha)
    assert (info.expected, info.received, info.unexpected, info.missing) == (3, 0, 0, 3)
    assert info.closed_at == dt.datetime(2025, 5, 20, 10, 0) and not info.list_checked
    events = kinds(city)
    again = city.import_transmittal(path)
    assert not again.new and "已导入过" in again.message and again.batch == info
    assert kinds(city) == events  # nothing written
    assert [b.batch_no for b in city.city_batches()] == [B1]
    report = city.city_report(B1)
    assert [p.code for p in report.missing] == [P1, P2, P3]
    assert report.missing[0].items == {"evaluation": 2, "registration": 2}
    assert report.batch_items == {"report": 1, "roster": 1}
    assert report.received == () and report.unexpected == ()


def test_damaged_or_altered_files_are_refused(city: Store, tmp_path: Path,
                                              files: dict[str, tuple[Path, str]]) -> None:
    path, _ = files[B1]
    with pytest.raises(InputError, match="纸质移交清单上的不一致"):
        city.import_transmittal(path, expected_sha256="0" * 64)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(path.read_bytes()[:200])
    with pytest.raises(InputError, match=r"损坏|不是 zcdesk"):
        city.import_transmittal(broken)
    edited = tmp_path / "edited.zip"
    contents = members(path)
    contents["manifest.json"] = contents["manifest.json"].replace("申报人1".encode(),
                                                                  "申报人9".encode())
    rezip(edited, contents)
    with pytest.raises(InputError, match="校验值不符"):
        city.import_transmittal(edited)
    with pytest.raises(InputError, match="找不到文件"):
        city.import_transmittal(tmp_path / "nope.zip")
    own = tmp_path / "own.zip"
    write_file(own, "CITY-2025H1-B001", point=("CITY", "杭州市经信局职改办"))
    with pytest.raises(InputError, match="市职改办本身"):
        city.import_transmittal(own)
    assert city.city_batches() == []
    assert "city_imported" not in kinds(city)


def test_a_packet_listed_in_two_batches_is_refused(city: Store, tmp_path: Path,
                                                   files: dict[str, tuple[Path, str]]) -> None:
    city.import_transmittal(files[B1][0])
    clash = tmp_path / "clash.zip"
    write_file(clash, "SC-2025H1-B003", codes=["SC-2025H1-P000006", P2])
    with pytest.raises(InputError, match=f"{P2}（批次 {B1}）"):
        city.import_transmittal(clash)
    assert [b.batch_no for b in city.city_batches()] == [B1]


def test_changed_file_replaces_only_before_any_checkin(
        city: Store, tmp_path: Path, files: dict[str, tuple[Path, str]]) -> None:
    """The district reopened and closed the batch again: a new hash for the same number."""
    city.import_transmittal(files[B1][0])
    v2 = tmp_path / "v2.zip"
    sha2 = write_file(v2, B1, codes=[P1, P2, P3, "SC-2025H1-P000007"],
                      closed_at="2025-05-21T08:00:00")
    result = city.import_transmittal(v2)
    assert result.new and "已替换" in result.message
    assert (result.batch.sha256, result.batch.expected) == (sha2, 4)
    imported = [e for e in city.audit() if e.kind == "city_imported"]
    assert imported[-1].detail["replaced_sha256"] == files[B1][1]
    assert city.checkin(P1).kind is CheckinKind.CHECKED_IN
    v3 = tmp_path / "v3.zip"
    write_file(v3, B1, codes=[P1, P2], closed_at="2025-05-22T08:00:00")
    with pytest.raises(InputError, match="已签收 1 个材料袋，不能再替换"):
        city.import_transmittal(v3)
    info = city.city_batches()[0]
    assert (info.sha256, info.expected, info.received) == (sha2, 4, 1)
    # After the check-in is undone the newer file may replace it.
    city.undo_checkin(P1)
    assert city.import_transmittal(v3).batch.expected == 2


def test_a_thousand_packets(city: Store, tmp_path: Path) -> None:
    path = tmp_path / "big.zip"
    sha = write_file(path, "XH-2025H1-B001", count=1000, point=("XH", "西湖区"))
    info = city.import_transmittal(path, sha).batch
    assert (info.expected, info.received) == (1000, 0)
    assert city.checkin("XH-2025H1-P000777").packet.name == "申报人777"
    assert len(city.city_report("XH-2025H1-B001").missing) == 999


# ------------------------------------------------------------------ check-in
def test_checkin_of_every_kind(city: Store, files: dict[str, tuple[Path, str]]) -> None:
    path, sha = files[B1]
    city.import_transmittal(path)
    city.import_transmittal(files[B2][0])

    # The paper list's QR code: same hash → the list is checked, the batch selected.
    listed = city.checkin(tf.qr_payload(B1, sha))
    assert listed.kind is CheckinKind.TRANSMITTAL and listed.batch.list_checked
    assert "一致" in listed.message and city.city_active_batch == B1
    assert city.checkin(tf.qr_payload(B1, sha)).kind is CheckinKind.TRANSMITTAL
    assert kinds(city).count("city_list_checked") == 1

    first = city.checkin(P1)
    assert first.kind is CheckinKind.CHECKED_IN and first.packet.name == "申报人1"
    assert first.packet.checked_in_by == "崔银珊" and first.batch.received == 1
    assert "1/3" in first.message
    again = city.checkin(P1.lower())
    assert again.kind is CheckinKind.ALREADY and "已于" in again.message
    noisy = city.checkin(f"\t{P2.lower()}\r\n")  # what a scanner may send
    assert noisy.kind is CheckinKind.CHECKED_IN and noisy.code == P2

    # A packet of the other batch: checked in there, with a note.
    other = city.checkin("SC-2025H1-P000004")
    assert other.kind is CheckinKind.CHECKED_IN and other.batch.batch_no == B2
    assert "注意" in other.message and city.city_active_batch == B1

    # In no manifest: a discrepancy of the batch being checked in.
    stray = city.checkin("SC-2025H1-P000099")
    assert stray.kind is CheckinKind.UNEXPECTED and stray.batch.batch_no == B1
    assert stray.batch.unexpected == 1 and "清单外" in stray.message
    assert city.checkin("SC-2025H1-P000099").kind is CheckinKind.ALREADY

    # A batch number selects the batch; an unknown one is refused.
    chosen = city.checkin(B2.lower())
    assert chosen.kind is CheckinKind.TRANSMITTAL and city.city_active_batch == B2
    assert "尚未核对" in chosen.message
    assert city.checkin("SC-2025H1-B009").kind is CheckinKind.REFUSED

    # A QR code whose hash is not the imported file's: refused and recorded.
    mismatch = city.checkin(tf.qr_payload(B2, "f" * 64))
    assert mismatch.kind is CheckinKind.REFUSED and "不一致" in mismatch.message
    assert not city.city_report(B2).batch.list_checked
    assert "city_list_mismatch" in kinds(city)
    assert city.checkin(tf.qr_payload("SC-2025H1-B009", sha)).kind is CheckinKind.REFUSED

    events = kinds(city)
    for garbage in ("", "   ", "hello", ID_ZHANG, "SC-2025H1-00017", "ZCDESK-T1|x|y",
                    "\x00\x1b[A", "张三"):
        refused = city.checkin(garbage)
        assert refused.kind is CheckinKind.REFUSED and refused.message
    assert kinds(city) == events  # garbage writes nothing

    assert kinds(city).count("city_checkin") == 3
    assert kinds(city).count("city_unexpected") == 1


def test_scan_before_its_file_arrives(city: Store,
                                      files: dict[str, tuple[Path, str]]) -> None:
    early = city.checkin(P3)
    assert early.kind is CheckinKind.UNEXPECTED and early.batch is None
    result = city.import_transmittal(files[B1][0])
    assert "1 个此前已扫描" in result.message and result.batch.received == 1
    report = city.city_report(B1)
    assert [p.code for p in report.received] == [P3] and report.unexpected == ()
    assert report.received[0].checked_in_by == "崔银珊"
    # Its undo reverses the scan that became its check-in.
    city.undo_checkin(P3)
    scan = next(e for e in city.audit() if e.kind == "city_unexpected")
    assert scan.reversed_by == city.audit()[-1].id
    assert city.city_report(B1).received == ()


def test_unexpected_goes_to_the_districts_latest_batch(
        city: Store, files: dict[str, tuple[Path, str]]) -> None:
    city.import_transmittal(files[B1][0])
    city.import_transmittal(files[B2][0])
    fresh = Store.open(city.engine.url.render_as_string(hide_password=False),
                       operator="崔银珊", desk="职改办2", clock=lambda: FIXED_NOW)
    try:
        assert fresh.city_active_batch is None
        stray = fresh.checkin("SC-2025H1-P000123")
        assert stray.kind is CheckinKind.UNEXPECTED and stray.batch.batch_no == B2
        assert fresh.checkin("GS-2025H1-P000001").batch is None
    finally:
        fresh.close()


def test_undo_checkin(city: Store, files: dict[str, tuple[Path, str]]) -> None:
    city.import_transmittal(files[B1][0])
    city.checkin(P1)
    city.checkin("SC-2025H1-P000099")
    undone = city.undo_checkin(P1.lower())
    assert undone.kind is CheckinKind.CHECKED_IN and "已撤销" in undone.message
    assert undone.packet.checked_in_at is None and undone.batch.received == 0
    reversal = city.audit()[-1]
    checkin = next(e for e in city.audit() if e.kind == "city_checkin")
    assert reversal.kind == "reversal" and checkin.reversed_by == reversal.id
    with pytest.raises(NothingToUndo):
        city.undo_checkin(P1)
    assert city.checkin(P1).kind is CheckinKind.CHECKED_IN  # and in again

    stray = city.undo_checkin("SC-2025H1-P000099")
    assert stray.kind is CheckinKind.UNEXPECTED and stray.batch.unexpected == 0
    assert city.city_report(B1).unexpected == ()
    with pytest.raises(NothingToUndo):
        city.undo_checkin(P2)
    with pytest.raises(InputError, match="不是材料袋编码"):
        city.undo_checkin("hello")
    with pytest.raises(NothingToUndo):
        city.undo_checkin("SC-2025H1-P000555")
    words = [describe_city_event(e.kind, e.detail) for e in city.audit()]
    assert f"签收材料袋 {P1}" in words and f"撤销签收 {P1}" in words
    assert f"导入移交文件 {B1}" in words and "清单外材料袋 SC-2025H1-P000099" in words
    assert describe_city_event("accept", {}) is None
    # The audit trail itself (zcdesk audit, the history view) speaks the same words.
    described = [e.description for e in city.audit()]
    assert f"签收材料袋 {P1}" in described and f"撤销签收 {P1}" in described


# ------------------------------------------------------------------ report
def test_city_report(city: Store, files: dict[str, tuple[Path, str]]) -> None:
    city.import_transmittal(files[B1][0])
    city.checkin(B1)
    city.checkin(P3)
    city.checkin(P1)
    city.checkin("SC-2025H1-P000042")
    city.checkin("XH-2025H1-P000001")
    report = city.city_report(" sc-2025h1-b001 ")
    assert [p.code for p in report.received] == [P1, P3]  # in the manifest's order
    assert [p.code for p in report.missing] == [P2]
    assert report.unexpected == ("SC-2025H1-P000042", "XH-2025H1-P000001")
    assert (report.batch.expected, report.batch.received, report.batch.missing,
            report.batch.unexpected) == (3, 2, 1, 2)
    assert report.received[1].checked_in_at < report.received[0].checked_in_at  # P3 first
    (info,) = city.city_batches()
    assert info == report.batch
    with pytest.raises(NotFound, match="没有导入过批次"):
        city.city_report("SC-2025H1-B099")


def test_manifest_kept_as_imported(city: Store, files: dict[str, tuple[Path, str]]) -> None:
    path, sha = files[B1]
    city.import_transmittal(path)
    with zipfile.ZipFile(path) as archive:
        raw = json.loads(archive.read("manifest.json"))
    assert raw == manifest_dict(B1, codes=[P1, P2, P3])
    assert tf.manifest_sha256(raw) == sha


# ------------------------------------------------------------------ district → city
def test_district_batch_to_city(store: Store, city: Store, people: dict[str, int],
                                tmp_path: Path) -> None:
    """Once the district side can close and export a batch, its file checks in here."""
    if not all(hasattr(store, name) for name in ("close_batch", "export_batch",
                                                 "batch_accept")):
        pytest.skip("close_batch/export_batch not implemented yet")
    for pid in people.values():
        store.accept(pid, "evaluation", 2)
        store.accept(pid, "registration", 2)
    batch = store.new_batch()
    batch_no = batch.batch.batch_no
    store.batch_accept(batch_no, "report", 1)
    store.batch_accept(batch_no, "roster", 1)
    closed = store.close_batch(batch_no)
    path = tmp_path / tf.default_file_name(batch_no)
    sha = store.export_batch(batch_no, path)
    assert sha == closed.batch.sha256
    result = city.import_transmittal(path, expected_sha256=sha)
    assert result.batch.expected == 3
    assert city.checkin(tf.qr_payload(batch_no, sha)).kind is CheckinKind.TRANSMITTAL
    for packet in closed.packets:
        assert city.checkin(packet.code).kind is CheckinKind.CHECKED_IN
    report = city.city_report(batch_no)
    assert report.missing == () and report.batch.list_checked
    assert {p.name for p in report.received} == set(people)


# ------------------------------------------------------------------ review fixes
def test_a_scan_never_loads_a_manifest(city: Store,
                                       files: dict[str, tuple[Path, str]]) -> None:
    """A 20,000-packet manifest is ≈ 6 MB of JSON: no scan may select it."""
    from sqlalchemy import event

    city.import_transmittal(files[B1][0])
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(city.engine, "before_cursor_execute", seen)
    try:
        for raw in (tf.qr_payload(B1, files[B1][1]), B1, P1, P1, "SC-2025H1-P000099",
                    "GS-2025H1-P000001", "hello"):
            city.checkin(raw)
        city.undo_checkin(P1)
        city.city_batches()
        city.city_unassigned()
    finally:
        event.remove(city.engine, "before_cursor_execute", seen)
    assert statements and not [q for q in statements if "manifest" in q.lower()]
    # The report still has the batch items, read from the manifest on demand.
    assert city.city_report(B1).batch_items == {"report": 1, "roster": 1}


def test_undo_finds_its_own_event_among_many(city_url: str,
                                             files: dict[str, tuple[Path, str]]) -> None:
    """Every scan at the same instant (a fixed clock): undo still reverses the right one."""
    s = Store.open(city_url, operator="崔银珊", desk="职改办1", clock=lambda: FIXED_NOW)
    try:
        s.set_desk_point("CITY")
        s.import_transmittal(files[B1][0])
        for code in (P1, P2, P3, "SC-2025H1-P000099"):
            s.checkin(code)
        s.undo_checkin(P2)
        s.undo_checkin("SC-2025H1-P000099")
        events = {e.detail.get("code"): e for e in s.audit()
                  if e.kind in ("city_checkin", "city_unexpected")}
        reversals = [e for e in s.audit() if e.kind == "reversal"]
        assert events[P2].reversed_by == reversals[0].id
        assert events["SC-2025H1-P000099"].reversed_by == reversals[1].id
        assert events[P1].reversed_by is None and events[P3].reversed_by is None
        s.checkin(P2)  # in again, then undone again: the new event, not the reversed one
        s.undo_checkin(P2)
        again = [e for e in s.audit() if e.kind == "city_checkin"
                 and e.detail.get("code") == P2]
        assert len(again) == 2 and all(e.reversed_by for e in again)
    finally:
        s.close()


def test_the_active_batch_is_kept_per_desk(city: Store,
                                           files: dict[str, tuple[Path, str]]) -> None:
    """A restart (or `zcdesk city checkin` in a new process) keeps the desk's batch."""
    city.import_transmittal(files[B1][0])
    city.import_transmittal(files[B2][0])
    assert city.city_active_batch == B2  # the import selects its batch
    city.checkin(tf.qr_payload(B1, files[B1][1]))
    url = city.engine.url.render_as_string(hide_password=False)
    again = Store.open(url, operator="崔银珊", desk="职改办1", clock=Clock())
    other = Store.open(url, operator="孙伟", desk="职改办2", clock=Clock())
    try:
        assert again.city_active_batch == B1
        assert again.checkin("SC-2025H1-P000123").batch.batch_no == B1
        # Another desk has its own: none yet, so the district's latest batch.
        assert other.city_active_batch is None
        assert other.checkin("SC-2025H1-P000124").batch.batch_no == B2
        other.checkin(B1)  # a batch number selects it at that desk only
        assert other.city_active_batch == B1 and again.city_active_batch == B1
        again.checkin(B2)
        assert again.city_active_batch == B2 and other.city_active_batch == B1
    finally:
        again.close()
        other.close()
    assert kinds(city).count("setting_changed") == 1  # the desk point; scans are the record


def test_strangers_without_a_batch_are_listed(city: Store, tmp_path: Path,
                                              files: dict[str, tuple[Path, str]]) -> None:
    """Scanned while no batch is active at the desk and none of the district is
    imported: stored with no batch, so listed apart until the district's file comes."""
    stray = city.checkin("GS-2025H1-P000001")
    assert stray.kind is CheckinKind.UNEXPECTED and stray.batch is None
    assert "未归入批次的清单外材料袋" in stray.message
    for code in ("GS-2025H1-P000002", "XH-2025H1-P000003", "SC-2025H1-P000099"):
        city.checkin(code)
    assert city.city_unassigned() == ("GS-2025H1-P000001", "GS-2025H1-P000002",
                                      "XH-2025H1-P000003", "SC-2025H1-P000099")
    city.undo_checkin("GS-2025H1-P000002")
    city.import_transmittal(files[B1][0])  # takes SC's stranger only
    assert [b.unexpected for b in city.city_batches()] == [1]
    assert city.city_unassigned() == ("GS-2025H1-P000001", "XH-2025H1-P000003")
    city.checkin("GS-2025H1-P000004")  # now B1 is active: a stranger joins B1
    assert city.city_unassigned() == ("GS-2025H1-P000001", "XH-2025H1-P000003")
    # The district's file arrives: its strangers join that batch's discrepancies.
    gs = tmp_path / "gs.zip"
    write_file(gs, "GS-2025H1-B001", codes=["GS-2025H1-P000010"], point=("GS", "拱墅区"))
    result = city.import_transmittal(gs)
    assert "1 个清单外材料袋已记入本批次" in result.message, result.message
    assert result.batch.unexpected == 1
    assert city.city_report("GS-2025H1-B001").unexpected == ("GS-2025H1-P000001",)
    assert city.city_unassigned() == ("XH-2025H1-P000003",)


def test_an_older_file_never_replaces_a_newer_one(
        city: Store, tmp_path: Path, files: dict[str, tuple[Path, str]]) -> None:
    newer = tmp_path / "v2.zip"
    sha2 = write_file(newer, B1, codes=[P1, P2], closed_at="2025-05-21T08:00:00")
    city.import_transmittal(newer)
    with pytest.raises(InputError, match=r"旧版本.*已拒绝导入"):
        city.import_transmittal(files[B1][0])  # closed 2025-05-20
    twin = tmp_path / "twin.zip"
    write_file(twin, B1, codes=[P1], closed_at="2025-05-21T08:00:00")
    with pytest.raises(InputError, match="封批时间相同"):
        city.import_transmittal(twin)
    info = city.city_batches()[0]
    assert (info.sha256, info.expected) == (sha2, 2)
    assert kinds(city).count("city_imported") == 1
    assert city.import_transmittal(newer).new is False  # the same file: still fine
