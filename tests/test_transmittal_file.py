"""The transmittal file: written whole, and refused when damaged or altered.

`manifest_dict` / `write_file` build files in the documented format without a
district store, for the city desk's tests (tests/test_store_city.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from zcdesk.domain.checklist import Scope
from zcdesk.domain.completeness import compute_state
from zcdesk.domain.flow import BatchItemCount, BatchStatus
from zcdesk.domain.records import ApplicantInfo, BatchInfo, BatchView, PacketView
from zcdesk.importing import transmittal_file as tf
from zcdesk.importing.transmittal_file import TransmittalError, read_transmittal

ITEM_NAMES = {"evaluation": "评审表", "registration": "登记表", "report": "送评报告单",
              "roster": "花名册"}
# Valid 居民身份证-shaped numbers are not needed here: the city desk shows them only.
FULL = {"evaluation": 2, "registration": 2}


def packet_entry(code: str, name: str = "张三", unit: str = "杭州汽轮机股份有限公司",
                 items: dict[str, int] | None = None, number: int = 1) -> dict[str, Any]:
    return {"code": code, "name": name, "id_kind": "居民身份证",
            "id_number": f"3301021990{number:08d}", "unit": unit,
            "qualification": "PMP", "items": dict(FULL if items is None else items)}


def manifest_dict(batch_no: str = "SC-2025H1-B001", codes: list[str] | None = None, *,
                  count: int = 3, point: tuple[str, str] = ("SC", "上城区发展改革和经济信息化局"),
                  closed_at: str = "2025-05-20T10:00:00", **changes: Any) -> dict[str, Any]:
    """A manifest in the documented format; packet codes default to P000001…"""
    prefix = batch_no.rsplit("-", 1)[0]
    if codes is None:
        codes = [f"{prefix}-P{n:06d}" for n in range(1, count + 1)]
    packets = [packet_entry(code, name=f"申报人{n}", number=n)
               for n, code in enumerate(codes, start=1)]
    manifest = {
        "format": tf.FORMAT, "version": tf.VERSION, "batch_no": batch_no,
        "point": {"code": point[0], "name": point[1]},
        "round": {"code": prefix.split("-")[1], "name": "2025 上半年度"},
        "closed_at": closed_at, "closed_by": "李主任",
        "batch_items": {"report": 1, "roster": 1}, "item_names": ITEM_NAMES,
        "packets": packets,
        "totals": {"packets": len(packets),
                   "forms": sum(sum(p["items"].values()) for p in packets)},
    }
    manifest.update(changes)
    return manifest


def write_file(target: Path, batch_no: str = "SC-2025H1-B001", **kwargs: Any) -> str:
    """Write a transmittal file; returns its hash (as the paper list prints it)."""
    return tf.write_transmittal(manifest_dict(batch_no, **kwargs), target)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(path: Path, contents: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def with_checksum(data: bytes) -> bytes:
    return f"{hashlib.sha256(data).hexdigest()}  manifest.json\n".encode()


# ------------------------------------------------------------------ round trip
def test_written_file_reads_back(tmp_path: Path) -> None:
    path = tmp_path / tf.default_file_name("SC-2025H1-B001")
    sha = write_file(path)
    assert path.name == "移交-SC-2025H1-B001.zip"
    assert set(members(path)) == {"manifest.json", "manifest.sha256", "说明.txt"}
    got = read_transmittal(path, expected_sha256=sha.upper())
    assert got.sha256 == sha
    assert got.manifest.batch_no == "SC-2025H1-B001"
    assert [p.code for p in got.manifest.packets] == [
        "SC-2025H1-P000001", "SC-2025H1-P000002", "SC-2025H1-P000003"]
    assert got.manifest.forms == 12 and got.manifest.batch_items == {"report": 1, "roster": 1}
    # The same manifest gives the same bytes: the hash does not depend on packing.
    again = tmp_path / "again.zip"
    assert write_file(again) == sha and again.read_bytes() == path.read_bytes()


def test_qr_payload_round_trip() -> None:
    sha = "a" * 64
    payload = tf.qr_payload("SC-2025H1-B001", sha)
    assert payload == f"ZCDESK-T1|SC-2025H1-B001|{sha}"
    assert tf.parse_qr_payload(f" zcdesk-t1|sc-2025h1-b001|{sha.upper()} ") == (
        "SC-2025H1-B001", sha)
    for bad in ("", "ZCDESK-T1|SC-2025H1-B001", f"OTHER|SC-2025H1-B001|{sha}",
                f"ZCDESK-T1|SC-2025H1-P000001|{sha}", "ZCDESK-T1|SC-2025H1-B001|abc"):
        assert tf.parse_qr_payload(bad) is None


def test_build_manifest_from_records(tmp_path: Path) -> None:
    """build_manifest (what close_batch freezes) gives a file the city reads back."""
    from zcdesk.domain.checklist import ChecklistItem

    items = [ChecklistItem("evaluation", "评审表", "评审表", Scope.PACKET, 2, (), 10),
             ChecklistItem("registration", "登记表", "登记表", Scope.PACKET, 2, (), 20)]
    from zcdesk.domain.completeness import CopyEvent, CopyKind

    state = compute_state(items, [CopyEvent(CopyKind.ACCEPT, "evaluation", 2),
                                  CopyEvent(CopyKind.ACCEPT, "registration", 2)])
    applicant = ApplicantInfo(7, "居民身份证", "330102199001011234", "张三", "男",
                              "杭州汽轮机股份有限公司", "", None, "", None, "", "", "", None,
                              "PMP", "PMI", None, "工程师", "制造业")
    packet = PacketView(7, 3, applicant, state, "2025H1", "SC")
    closed = dt.datetime(2025, 5, 20, 10, 0, 5, 123)
    info = BatchInfo(1, "SC-2025H1-B001", "SC", "2025H1", closed, "李主任", "窗口1", 1,
                     status=BatchStatus.CLOSED, closed_at=closed, closed_by="李主任",
                     items=(BatchItemCount("report", "送评报告单（委托书）", "送评报告单", 1, 1),
                            BatchItemCount("roster", "花名册", "花名册", 1, 1)))
    from zcdesk.domain.records import PointInfo, RoundInfo

    point = PointInfo(1, "SC", "上城区发展改革和经济信息化局", "上城区", "", "", "district")
    round_ = RoundInfo(1, "2025H1", "2025 上半年度", dt.date(2025, 3, 31), dt.date(2025, 4, 14),
                       dt.date(2025, 4, 30), dt.date(2025, 5, 30), dt.date(2025, 6, 30))
    manifest = tf.build_manifest(BatchView(info, (packet,)), point, round_, ITEM_NAMES)
    assert manifest["closed_at"] == "2025-05-20T10:00:05"
    assert manifest["packets"][0]["code"] == packet.code == "SC-2025H1-P000007"
    sha = tf.write_transmittal(manifest, tmp_path / "t.zip")
    assert sha == tf.manifest_sha256(manifest)
    got = read_transmittal(tmp_path / "t.zip", sha)
    assert got.manifest.packets[0].items == FULL and got.manifest.closed_by == "李主任"


# ------------------------------------------------------------------ tampering
def test_byte_flipped_in_manifest_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.zip"
    write_file(path)
    contents = members(path)
    data = bytearray(contents["manifest.json"])
    data[data.index(b'"forms"') + 9] ^= 0x01  # one digit of a total changes
    contents["manifest.json"] = bytes(data)
    rezip(path, contents)  # a well-formed zip with fresh CRCs: only the hash can tell
    with pytest.raises(TransmittalError, match="校验值不符"):
        read_transmittal(path)


def test_edited_manifest_with_recomputed_checksum(tmp_path: Path) -> None:
    """Whole by itself, but not the batch the paper list stands for."""
    path = tmp_path / "t.zip"
    printed = write_file(path)
    contents = members(path)
    manifest = json.loads(contents["manifest.json"])
    manifest["packets"][0]["name"] = "王五"
    data = tf.manifest_bytes(manifest)
    contents["manifest.json"], contents["manifest.sha256"] = data, with_checksum(data)
    rezip(path, contents)
    assert read_transmittal(path).manifest.packets[0].name == "王五"
    with pytest.raises(TransmittalError, match="纸质移交清单"):
        read_transmittal(path, expected_sha256=printed)


def test_truncated_zip(tmp_path: Path) -> None:
    path = tmp_path / "t.zip"
    write_file(path, count=50)
    data = path.read_bytes()
    for keep in (len(data) // 2, len(data) - 10, 30):
        path.write_bytes(data[:keep])
        with pytest.raises(TransmittalError, match=r"损坏|不是 zcdesk"):
            read_transmittal(path)


def test_corrupt_member_fails_its_crc(tmp_path: Path) -> None:
    path = tmp_path / "t.zip"
    tf.write_transmittal(manifest_dict(count=50), path)
    data = bytearray(path.read_bytes())
    data[60] ^= 0xFF  # inside manifest.json's compressed bytes
    path.write_bytes(bytes(data))
    with pytest.raises(TransmittalError):
        read_transmittal(path)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really", "移交清单".encode(),
                                     b"%PDF-1.7\n"])
def test_not_a_zip(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "移交-SC-2025H1-B001.zip"
    path.write_bytes(content)
    with pytest.raises(TransmittalError, match="不是 zcdesk 移交文件"):
        read_transmittal(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TransmittalError, match="找不到文件"):
        read_transmittal(tmp_path / "nope.zip")


@pytest.mark.parametrize("missing", ["manifest.json", "manifest.sha256"])
def test_missing_member(tmp_path: Path, missing: str) -> None:
    path = tmp_path / "t.zip"
    write_file(path)
    contents = members(path)
    del contents[missing]
    rezip(path, contents)
    with pytest.raises(TransmittalError, match="缺少"):
        read_transmittal(path)


def rewrite(path: Path, manifest: dict[str, Any]) -> None:
    """A file whose checksum is right but whose manifest is bad."""
    data = tf.manifest_bytes(manifest)
    rezip(path, {"manifest.json": data, "manifest.sha256": with_checksum(data)})


@pytest.mark.parametrize(("change", "message"), [
    ({"format": "something-else"}, "不是 zcdesk 移交文件的清单"),
    ({"version": 2}, "版本为 2"),
    ({"version": "1"}, "版本"),
    ({"batch_no": "SC-2025H1-X001"}, "批次号"),
    ({"batch_no": ""}, "不完整"),
    ({"closed_at": "昨天"}, "不完整"),
    ({"point": "SC"}, "不完整"),
    ({"totals": {"packets": 4, "forms": 12}}, "合计数"),
    ({"totals": {"packets": 3, "forms": 13}}, "合计数"),
])
def test_bad_manifest_fields(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    path = tmp_path / "t.zip"
    manifest = manifest_dict()
    manifest.update(change)
    rewrite(path, manifest)
    with pytest.raises(TransmittalError, match=message):
        read_transmittal(path)


def test_not_json_and_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "t.zip"
    data = "{批次".encode()
    rezip(path, {"manifest.json": data, "manifest.sha256": with_checksum(data)})
    with pytest.raises(TransmittalError, match="JSON"):
        read_transmittal(path)
    rewrite(path, [1, 2, 3])  # type: ignore[arg-type]
    with pytest.raises(TransmittalError, match="不是 zcdesk 移交文件的清单"):
        read_transmittal(path)


def test_duplicate_packet_code(tmp_path: Path) -> None:
    path = tmp_path / "t.zip"
    rewrite(path, manifest_dict(codes=["SC-2025H1-P000001", "SC-2025H1-P000002",
                                       "SC-2025H1-P000001"]))
    with pytest.raises(TransmittalError, match="SC-2025H1-P000001 在清单中出现了两次"):
        read_transmittal(path)


@pytest.mark.parametrize("packet_change", [
    {"code": "SC-2025H1-00017"},  # a receipt number, not a packet code
    {"items": {"evaluation": -1}},
    {"items": {"evaluation": True}},
    {"items": {"evaluation": 100}},
    {"items": ["evaluation"]},
    {"name": ""},
    {"unit": None},
])
def test_bad_packet_fields(tmp_path: Path, packet_change: dict[str, Any]) -> None:
    manifest = manifest_dict()
    manifest["packets"][1].update(packet_change)
    path = tmp_path / "t.zip"
    rewrite(path, manifest)
    with pytest.raises(TransmittalError):
        read_transmittal(path)


def test_huge_manifest_is_refused_before_reading(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A manifest above the limit is refused by its declared size, never inflated."""
    path = tmp_path / "t.zip"
    write_file(path, count=200)
    size = zipfile.ZipFile(path).getinfo("manifest.json").file_size
    monkeypatch.setattr(tf, "MAX_MANIFEST_BYTES", size - 1)
    read_calls: list[str] = []
    original = zipfile.ZipFile.read

    def spy(self: zipfile.ZipFile, name: Any, pwd: bytes | None = None) -> bytes:
        read_calls.append(str(name))
        return original(self, name, pwd)

    monkeypatch.setattr(zipfile.ZipFile, "read", spy)
    with pytest.raises(TransmittalError, match="过大"):
        read_transmittal(path)
    assert read_calls == []


def test_zip_bomb_sized_manifest(tmp_path: Path) -> None:
    """65 MB of zeros compresses to ~64 KB: refused by its size, not read into memory."""
    path = tmp_path / "t.zip"
    zeros = b"0" * (tf.MAX_MANIFEST_BYTES + 1024)
    rezip(path, {"manifest.json": zeros, "manifest.sha256": with_checksum(zeros)})
    assert path.stat().st_size < 1_000_000
    with pytest.raises(TransmittalError, match="过大"):
        read_transmittal(path)


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while writing leaves the old file and no temporary file behind."""
    path = tmp_path / "t.zip"
    sha = write_file(path)

    def broken(*_: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(tf.os, "fsync", broken)
    with pytest.raises(OSError):
        write_file(path, count=5)
    assert read_transmittal(path).sha256 == sha
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.zip"]


# ------------------------------------------------------------------ hostile files
def test_deeply_nested_manifest_is_refused_not_a_crash(tmp_path: Path) -> None:
    """A valid hash proves nothing about the sender: 100,000 nested “[” is refused."""
    path = tmp_path / "deep.zip"
    data = b"[" * 100_000 + b"]" * 100_000
    rezip(path, {"manifest.json": data, "manifest.sha256": with_checksum(data)})
    with pytest.raises(tf.TransmittalError, match="嵌套过深"):
        tf.read_transmittal(path)


def _zip_with(path: Path, entries: list[tuple[str, bytes]]) -> None:
    import warnings

    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in entries:
                archive.writestr(name, content)
    path.write_bytes(buffer.getvalue())


def test_a_second_manifest_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "good.zip"
    write_file(good)
    contents = members(good)
    other = tf.manifest_bytes(manifest_dict(codes=["SC-2025H1-P000009"]))
    path = tmp_path / "twice.zip"
    # Both orders: whichever one a reader picks, the file is refused.
    for entries in ([("manifest.json", contents["manifest.json"]),
                     ("manifest.json", other)],
                    [("manifest.json", other),
                     ("manifest.json", contents["manifest.json"])]):
        _zip_with(path, [*entries, ("manifest.sha256", contents["manifest.sha256"])])
        with pytest.raises(tf.TransmittalError, match=r"manifest\.json 出现了不止一次"):
            tf.read_transmittal(path)


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "extra.json", "manifest.json/",
                                  "sub/manifest.json", "说明.txt.exe"])
def test_an_unexpected_member_is_refused(tmp_path: Path, name: str) -> None:
    good = tmp_path / "good.zip"
    write_file(good)
    path = tmp_path / "odd.zip"
    _zip_with(path, [*members(good).items(), (name, b"x")])
    with pytest.raises(tf.TransmittalError, match=r"不应有的内容.*已拒绝导入"):
        tf.read_transmittal(path)
    # The file without the odd member reads (README optional: it is only words).
    rezip(path, {k: v for k, v in members(good).items() if k != "说明.txt"})
    assert tf.read_transmittal(path).manifest.batch_no == "SC-2025H1-B001"
