"""The transmittal file: one closed batch, carried from a district to the city desk.

A .zip holding `manifest.json` (canonical JSON: sorted keys, UTF-8, no spaces),
`manifest.sha256` (its SHA-256 in `sha256sum` format) and a short README.

Two hashes, both fixed when the batch is closed and both printed on the paper list:
- the file's (`file_sha256`): what `sha256sum 移交-….zip` shows, the one a person
  checks. The zip is written byte for byte the same every time (transmittal_bytes:
  members stored, not deflated — zlib and zlib-ng deflate differently — in a fixed
  order, with fixed dates and attributes, by our own few lines rather than zipfile,
  whose headers vary with the platform and the Python version);
- the manifest's (`sha256`): in the list's QR code, checked on import, independent
  of how the zip was packed (files exported before the zip was deterministic).
The city desk takes either one, scanned or typed (matches_hash).

The offices share no key, so the hash inside the zip only proves the file is whole;
the printed hash proves it is the one the district closed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import struct
import tempfile
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from zcdesk.domain.collation import name_key, pinyin_key
from zcdesk.domain.receipt import parse_batch, parse_packet_code
from zcdesk.domain.records import BatchView, PacketView, PointInfo, RoundInfo
from zcdesk.domain.text_rules import text_problem
from zcdesk.importing.safezip import ZipProblem, check_directory, read_member

FORMAT = "zcdesk-transmittal"
VERSION = 1
MANIFEST = "manifest.json"
CHECKSUM = "manifest.sha256"
README = "说明.txt"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024  # a 100,000-packet batch is ≈ 30 MB
# zcdesk's manifests deflate ≈ 8:1 (names, ID numbers and units repeat little); a
# member far beyond that is filler (60 MB of zeros fits in 62 KB), refused unread.
MAX_RATIO = 100
MAX_CHECKSUM_BYTES = 4096
MAX_MEMBERS = 100  # three are written; more is a message (below), thousands an attack
MAX_DIRECTORY_BYTES = 1024 * 1024
MAX_PACKETS = 1_000_000
MAX_DIGITS = 15  # no number in a manifest is longer; int() of 5,000 digits raises
QR_PREFIX = "ZCDESK-T1"
_SHA = re.compile(r"^[0-9a-f]{64}$")


class TransmittalError(Exception):
    """The file cannot be taken; the message says why and what to do, in Chinese."""


@dataclass(frozen=True)
class ManifestPacket:
    code: str  # SC-2025H1-P000123, as on its cover sheet
    name: str
    id_kind: str
    id_number: str
    unit: str
    qualification: str
    items: dict[str, int]  # item code → accepted copies


@dataclass(frozen=True)
class Manifest:
    batch_no: str
    point_code: str
    point_name: str
    round_code: str
    round_name: str
    closed_at: dt.datetime
    closed_by: str
    batch_items: dict[str, int]
    item_names: dict[str, str]
    packets: tuple[ManifestPacket, ...]
    raw: dict[str, Any]

    @property
    def forms(self) -> int:
        return sum(sum(p.items.values()) for p in self.packets)


@dataclass(frozen=True)
class Transmittal:
    manifest: Manifest
    sha256: str  # of manifest.json
    file_sha256: str = ""  # of the whole file, as sha256sum gives it


def matches_hash(given: str, sha256: str, file_sha256: str) -> bool:
    """A hash scanned or typed at the city desk names this file: either of its two."""
    given = given.strip().lower().replace(" ", "")
    return bool(given) and given in (sha256, file_sha256)


def list_order(packets: tuple[PacketView, ...] | list[PacketView]) -> list[PacketView]:
    """The order of the paper list: unit, then name, in pinyin (the manifest keeps
    the batch's own order; the city desk sorts its lists the same way)."""
    return sorted(packets, key=lambda p: (pinyin_key(p.applicant.unit),
                                          name_key(p.applicant.name), p.code))


# ------------------------------------------------------------------ writing
def build_manifest(batch: BatchView, point: PointInfo, round_: RoundInfo,
                   item_names: dict[str, str]) -> dict[str, Any]:
    """The manifest of a closed batch, as plain JSON data."""
    info = batch.batch
    if info.closed_at is None:
        raise ValueError("only a closed batch has a manifest")
    packets = [{
        "code": p.code, "name": p.applicant.name, "id_kind": p.applicant.id_kind,
        "id_number": p.applicant.id_number, "unit": p.applicant.unit,
        "qualification": p.applicant.qualification,
        "items": {k: v for k, v in sorted(p.state.received.items()) if v},
    } for p in batch.packets]
    return {
        "format": FORMAT, "version": VERSION,
        "batch_no": info.batch_no,
        "point": {"code": point.code, "name": point.name},
        "round": {"code": round_.code, "name": round_.name},
        "closed_at": info.closed_at.replace(microsecond=0).isoformat(),
        "closed_by": info.closed_by,
        "batch_items": {i.code: i.accepted for i in info.items},
        "item_names": dict(sorted(item_names.items())),
        "packets": packets,
        "totals": {"packets": len(packets),
                   "forms": sum(sum(p["items"].values()) for p in packets)},
    }


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def manifest_sha256(manifest: dict[str, Any]) -> str:
    return hashlib.sha256(manifest_bytes(manifest)).hexdigest()


def qr_payload(batch_no: str, sha256: str) -> str:
    """What the transmittal list's QR code carries."""
    return f"{QR_PREFIX}|{batch_no}|{sha256}"


def parse_qr_payload(text: str) -> tuple[str, str] | None:
    """(batch number, hash) from a scanned transmittal QR code, else None."""
    parts = text.strip().split("|")
    if len(parts) != 3 or parts[0].upper() != QR_PREFIX:
        return None
    batch_no, sha = parts[1].strip().upper(), parts[2].strip().lower()
    if parse_batch(batch_no) is None or not _SHA.match(sha):
        return None
    return batch_no, sha


def default_file_name(batch_no: str) -> str:
    return f"移交-{batch_no}.zip"


_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the earliest a zip can say
_UTF8 = 0x800  # general purpose flag: UTF-8 names (说明.txt)


def _stored_zip(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of stored members: every header field fixed, no extra fields.

    Written by hand, not with zipfile: the file's SHA-256 is stored when the batch is
    closed and printed on paper, so a later export — by a later Python — must give the
    same bytes, and zipfile resets flags and permission bits in ways that have changed
    between versions and platforms."""
    out = io.BytesIO()
    directory = io.BytesIO()
    for name, data in members:
        raw = name.encode("utf-8")
        crc, offset = zlib.crc32(data), out.tell()
        fields = (20, _UTF8, 0, 0, _DOS_DATE, crc, len(data), len(data), len(raw))
        out.write(struct.pack("<4sHHHHHLLLHH", b"PK\x03\x04", *fields, 0) + raw + data)
        directory.write(struct.pack("<4sHHHHHHLLLHHHHHLL", b"PK\x01\x02", 20, *fields,
                                    0, 0, 0, 0, 0, offset) + raw)
    start, size = out.tell(), directory.tell()
    out.write(directory.getvalue())
    out.write(struct.pack("<4sHHHHLLH", b"PK\x05\x06", 0, 0, len(members), len(members),
                          size, start, 0))
    return out.getvalue()


def transmittal_bytes(manifest: dict[str, Any]) -> bytes:
    """The transmittal file's bytes: the same manifest gives the same bytes, always."""
    data = manifest_bytes(manifest)
    sha = hashlib.sha256(data).hexdigest()
    readme = (f"zcdesk 移交文件 {manifest.get('batch_no', '')}\n"
              f"材料袋 {manifest.get('totals', {}).get('packets', 0)} 个。\n"
              f"manifest.json 的 SHA-256：{sha}\n"
              "本文件的 SHA-256 印在纸质移交清单上，可用 sha256sum（Windows：certutil -hashfile "
              "文件名 SHA256）核对。\n"
              "请在市级受理端用 zcdesk 导入本文件（不要解压后修改），"
              "并扫描纸质移交清单上的二维码核对。\n")
    return _stored_zip([(MANIFEST, data), (CHECKSUM, f"{sha}  {MANIFEST}\n".encode()),
                        (README, readme.encode("utf-8"))])


def file_sha256(manifest: dict[str, Any]) -> str:
    """The SHA-256 of the file write_transmittal writes for `manifest`."""
    return hashlib.sha256(transmittal_bytes(manifest)).hexdigest()


def write_transmittal(manifest: dict[str, Any], target: Path) -> str:
    """Write the file whole or not at all (temp file + rename); return the
    manifest's hash (the file's is file_sha256, or sha256sum of the target)."""
    content = transmittal_bytes(manifest)
    sha = manifest_sha256(manifest)
    target = Path(target)
    fd, temp = tempfile.mkstemp(prefix=".zcdesk-", suffix=".zip", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return sha


# ------------------------------------------------------------------ reading
def read_transmittal(path: Path, expected_sha256: str | None = None) -> Transmittal:
    """Open, verify and parse a transmittal file, or raise TransmittalError."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data, recorded = _read_members(path, handle)
            whole = _file_digest(handle)
    except FileNotFoundError:
        raise TransmittalError(f"找不到文件：{path}") from None
    except OSError as exc:
        raise TransmittalError(
            f"无法读取“{path.name}”：{exc.strerror or exc}。请确认文件未被占用后重试。") from None
    sha = hashlib.sha256(data).hexdigest()
    if not recorded or recorded[0].lower() != sha:
        raise TransmittalError(
            f"“{path.name}”的清单与其校验值不符：文件在生成后被改动过或已损坏。"
            "已拒绝导入。请向区受理点重新索取移交文件。")
    if expected_sha256 and not matches_hash(expected_sha256, sha, whole):
        raise TransmittalError(
            "移交文件的校验值与纸质移交清单上的不一致：文件和纸质清单不是同一批次，"
            "或文件被改动过。已拒绝导入。")
    try:
        raw = json.loads(data.decode("utf-8"), parse_int=_int, parse_constant=_constant)
        return Transmittal(parse_manifest(raw), sha, whole)
    except _OddNumber as exc:
        raise TransmittalError(
            f"“{path.name}”的清单中有不合理的数字（{exc}），不是 zcdesk 生成的移交文件。"
            "已拒绝导入。请向区受理点重新索取移交文件。") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise TransmittalError(f"“{path.name}”的清单不是有效的 JSON。") from None
    except (RecursionError, MemoryError):
        # e.g. 100,000 nested “[”: a valid hash proves nothing about the sender.
        raise TransmittalError(
            f"“{path.name}”的清单结构异常（嵌套过深或过大），不是 zcdesk 生成的移交文件。"
            "已拒绝导入。请向区受理点重新索取移交文件。") from None


def _file_digest(handle: BinaryIO) -> str:
    handle.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _read_members(path: Path, handle: BinaryIO) -> tuple[bytes, list[str]]:
    """The manifest's bytes and the checksum file's words, each read with a byte cap."""
    not_ours = (f"“{path.name}”不是 zcdesk 移交文件，或文件已损坏（{{}}）。"
                "请向区受理点重新索取移交文件。")
    try:
        size = handle.seek(0, io.SEEK_END)
        check_directory(handle, size, max_bytes=MAX_DIRECTORY_BYTES, max_members=MAX_MEMBERS)
        archive = zipfile.ZipFile(handle)
    except ZipProblem as exc:
        raise TransmittalError(not_ours.format(exc.message)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError,
            ValueError, EOFError, struct.error, UnicodeDecodeError) as exc:
        raise TransmittalError(not_ours.format(type(exc).__name__)) from None
    with archive:
        names = archive.namelist()
        if MANIFEST not in names or CHECKSUM not in names:
            raise TransmittalError(
                f"“{path.name}”中缺少 {MANIFEST} 或 {CHECKSUM}，不是完整的移交文件。"
                "请向区受理点重新索取。")
        _refuse_odd_members(path, names)
        manifest, checksum = archive.getinfo(MANIFEST), archive.getinfo(CHECKSUM)
        if manifest.file_size > MAX_MANIFEST_BYTES:
            raise TransmittalError(f"“{path.name}”的清单过大，不是 zcdesk 生成的移交文件。")
        if manifest.file_size > 1024 * 1024 and \
                manifest.file_size > MAX_RATIO * max(1, manifest.compress_size):
            raise TransmittalError(
                f"“{path.name}”的清单解压后过大（压缩了 "
                f"{manifest.file_size // max(1, manifest.compress_size):,} 倍），"
                "不是 zcdesk 生成的移交文件。已拒绝导入。请向区受理点重新索取移交文件。")
        try:
            data = read_member(handle, manifest, MAX_MANIFEST_BYTES)
            recorded = read_member(handle, checksum, MAX_CHECKSUM_BYTES)
        except (ZipProblem, ValueError, OSError, EOFError, struct.error) as exc:
            # encrypted, another compression, a size that lies, a CRC mismatch, truncated
            message = exc.message if isinstance(exc, ZipProblem) else "压缩包目录有误"
            raise TransmittalError(
                f"“{path.name}”无法读出：{message}。"
                "这不是 zcdesk 生成的完整移交文件（可能已损坏），请向区受理点重新索取。"
            ) from None
    return data, recorded.decode("ascii", "replace").split()


class _OddNumber(ValueError):
    """A number no manifest holds: a huge integer, NaN or Infinity."""


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _OddNumber(f"{len(text)} 位的整数")
    return int(text)


def _constant(name: str) -> Any:
    raise _OddNumber(name)


def _refuse_odd_members(path: Path, names: list[str]) -> None:
    """Only the three members write_transmittal makes, each once: a second
    manifest.json would make “which one was checked” depend on the reader."""
    doubled = sorted(n for n, times in Counter(names).items() if times > 1)
    if doubled:
        raise TransmittalError(
            f"“{path.name}”中 {'、'.join(doubled)} 出现了不止一次，无法确定哪一份是清单。"
            "这不是 zcdesk 生成的移交文件，已拒绝导入。请向区受理点重新索取。")
    odd = [n for n in names if n not in (MANIFEST, CHECKSUM, README)]
    if odd:
        shown = "、".join(repr(n)[1:-1][:60] for n in odd[:5])
        more = f" 等 {len(odd)} 个" if len(odd) > 5 else ""
        raise TransmittalError(
            f"“{path.name}”中有不应有的内容：{shown}{more}。zcdesk 移交文件只含 {MANIFEST}、"
            f"{CHECKSUM} 和 {README}。已拒绝导入，请向区受理点重新索取（不要解压后重新打包）。")


def parse_manifest(raw: Any) -> Manifest:
    """Check every field a city desk relies on; the message names the first bad one."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise TransmittalError("这不是 zcdesk 移交文件的清单。")
    if raw.get("version") != VERSION:
        raise TransmittalError(
            f"移交文件格式版本为 {raw.get('version')}，本程序只认识版本 {VERSION}。"
            "请将两端的 zcdesk 升级到同一版本。")
    try:
        batch_no = _text(raw, "batch_no")
        if parse_batch(batch_no) is None:
            raise TransmittalError(f"批次号“{batch_no[:40]}”格式不对。")
        point, round_ = raw["point"], raw["round"]
        closed_at = dt.datetime.fromisoformat(_text(raw, "closed_at"))
        if len(raw["packets"]) > MAX_PACKETS:
            raise TransmittalError(f"清单中的材料袋过多（上限 {MAX_PACKETS:,} 个）。")
        packets = []
        seen: set[str] = set()
        for index, p in enumerate(raw["packets"], start=1):
            code = _text(p, "code")
            if parse_packet_code(code) is None:
                raise TransmittalError(f"第 {index} 个材料袋的编码“{code[:40]}”格式不对。")
            if code in seen:
                raise TransmittalError(f"材料袋编码 {code} 在清单中出现了两次。")
            seen.add(code)
            name, unit = _text(p, "name"), _text(p, "unit")
            for value, word in ((name, "姓名"), (unit, "工作单位")):
                problem = text_problem(value, word)
                if problem is not None:
                    raise TransmittalError(f"第 {index} 个材料袋（{code}）的{problem}")
            packets.append(ManifestPacket(
                code=code, name=name, id_kind=_text(p, "id_kind"),
                id_number=_text(p, "id_number"), unit=unit,
                qualification=str(p.get("qualification", "")), items=_counts(p["items"])))
        totals = raw["totals"]
        forms = sum(sum(p.items.values()) for p in packets)
        for key, top in (("packets", MAX_PACKETS), ("forms", 99 * MAX_PACKETS)):
            value = totals.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
                raise TransmittalError(f"清单的合计数 {key} 不是合理的数字。")
        if totals.get("packets") != len(packets) or totals.get("forms") != forms:
            raise TransmittalError("清单的合计数与所列材料袋不符。")
        return Manifest(
            batch_no=batch_no, point_code=_text(point, "code"), point_name=_text(point, "name"),
            round_code=_text(round_, "code"), round_name=_text(round_, "name"),
            closed_at=closed_at, closed_by=str(raw.get("closed_by", "")),
            batch_items=_counts(raw.get("batch_items", {})),
            item_names={str(k): str(v) for k, v in dict(raw.get("item_names", {})).items()},
            packets=tuple(packets), raw=raw)
    except TransmittalError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TransmittalError(f"移交文件的清单不完整或有误（{exc}）。") from None


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"字段 {key} 为空")
    return value.strip()


def _counts(data: Any) -> dict[str, int]:
    counts = {}
    for key, value in dict(data).items():
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 99:
            raise ValueError(f"份数 {key}={value!r}")
        counts[str(key)] = value
    return counts
