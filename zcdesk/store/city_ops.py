"""The city desk: import the districts' transmittal files and check packets in.

Part of the Store facade (see facade.py). A desk whose acceptance point is CITY
(kind "city") is the city bureau's desk: it keeps its own copy of each district
batch it was sent (`city_batch`, `city_packet`), because the offices share no
network. Scanning a cover sheet checks its packet in; a code no imported manifest
lists is kept in `city_scan` as a discrepancy of the batch being checked in; the
transmittal list's QR code proves the paper and the file are the same batch.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from zcdesk.domain.flow import (
    CheckinKind,
    CheckinResult,
    CityBatchInfo,
    CityBatchReport,
    CityImportResult,
    CityPacket,
)
from zcdesk.domain.idnumber import clean_scan
from zcdesk.domain.receipt import parse_batch, parse_packet_code
from zcdesk.importing.transmittal_file import (
    Manifest,
    TransmittalError,
    matches_hash,
    parse_qr_payload,
    read_transmittal,
)
from zcdesk.store import models as m
from zcdesk.store.errors import InputError, NotFound, NothingToUndo

if TYPE_CHECKING:
    from zcdesk.store.facade import Store

CITY_KIND = "city"
CHECKIN_KINDS = ("city_checkin", "city_unexpected")
# The batch being checked in, per desk: a restart (or `zcdesk city checkin` in a new
# process) attaches strangers to the batch whose list or number was scanned last here.
ACTIVE_SETTING = "city.batch@"
UNASSIGNED_LABEL = "未归入批次的清单外材料袋"
_CITY_PACKET = m.CityPacketRow.__table__


class CityOps:
    # ----------------------------------------------------------------- the desk
    def is_city_desk(self: Store) -> bool:
        point = self.desk_point()
        return point is not None and point.kind == CITY_KIND

    def _require_city(self: Store) -> None:
        if not self.is_city_desk():
            raise InputError("本机不是市级受理端（市职改办），不能导入移交文件或签收材料袋。"
                             "如本机确属市职改办，请运行 zcdesk desk --point CITY。")

    @property
    def city_active_batch(self: Store) -> str | None:
        """The batch this desk is checking in (selected by a scan), if any."""
        with self._read() as s:
            return self._active(s)

    def _active_key(self: Store) -> str:
        return (ACTIVE_SETTING + self.desk)[:64]

    def _active(self: Store, s: Session) -> str | None:
        row = s.get(m.Setting, self._active_key())
        return row.value if row and row.value else None

    def _set_active(self: Store, s: Session, batch_no: str) -> None:
        """Remember the desk's batch, in the caller's transaction (not an audited
        setting: the scan that selected it is the record)."""
        key = self._active_key()
        row = s.get(m.Setting, key)
        if row is None:
            s.add(m.Setting(key=key, value=batch_no))
        elif row.value != batch_no:
            row.value = batch_no

    # ------------------------------------------------------------------- import
    def import_transmittal(self: Store, path: Path,
                           expected_sha256: str | None = None) -> CityImportResult:
        """Take a district's transmittal file: verified, then its packets listed.

        The same file again changes nothing. A changed file for a batch already
        imported (the district reopened and closed it again) replaces the old one
        only while none of its packets is checked in. Codes scanned before their
        file arrived (kept as unexpected) are checked in at the time of their scan.
        """
        self._require_city()
        try:
            transmittal = read_transmittal(Path(path), expected_sha256)
        except TransmittalError as exc:
            raise InputError(str(exc)) from None
        manifest, sha = transmittal.manifest, transmittal.sha256
        if manifest.point_code.upper() == "CITY":
            raise InputError("移交文件的受理点是市职改办本身，不是区受理点的移交文件。")
        now = self.clock()
        codes = [p.code for p in manifest.packets]
        with self._write() as s:
            row = s.scalars(select(m.CityBatch)
                            .where(m.CityBatch.batch_no == manifest.batch_no)).first()
            replaced = ""
            if row is not None:
                if row.sha256 == sha:
                    if not row.file_sha256:  # imported before 0012, or as another zip
                        row.file_sha256 = transmittal.file_sha256
                    self._set_active(s, row.batch_no)
                    return CityImportResult(
                        self._city_info(s, row), False,
                        f"批次 {row.batch_no} 的这份移交文件已导入过，未作改动。")
                self._refuse_older(row, manifest)
                checked = s.scalar(select(func.count()).where(
                    m.CityPacketRow.city_batch_id == row.id,
                    m.CityPacketRow.checked_in_at.is_not(None))) or 0
                if checked:
                    raise InputError(
                        f"批次 {row.batch_no} 已导入过另一份移交文件（校验值 {row.sha256[:12]}…），"
                        f"且已签收 {checked} 个材料袋，不能再替换。请与区受理点核实"
                        "哪一份是最终版本；如确需替换，请先撤销这些签收。")
                replaced = row.sha256
                s.execute(delete(m.CityPacketRow).where(m.CityPacketRow.city_batch_id == row.id))
                s.flush()
            self._refuse_listed_elsewhere(s, codes, manifest.batch_no)
            if row is None:
                row = m.CityBatch(batch_no=manifest.batch_no, operator=self.operator,
                                  desk=self.desk)
                s.add(row)
            row.point_code, row.point_name = manifest.point_code, manifest.point_name
            row.round_code, row.sha256 = manifest.round_code, sha
            row.round_name = manifest.round_name[:64]
            row.file_sha256 = transmittal.file_sha256
            row.closed_at = manifest.closed_at.replace(tzinfo=None)
            row.imported_at, row.operator, row.desk = now, self.operator, self.desk
            row.list_checked_at = None
            row.manifest = manifest.raw
            s.flush()
            early = self._insert_city_packets(s, row.id, manifest, codes)
            adopted = self._adopt_unassigned(s, row)
            self._event(s, "city_imported", detail={
                "batch_no": row.batch_no, "sha256": sha,
                "file_sha256": transmittal.file_sha256, "packets": len(codes),
                "replaced_sha256": replaced or None, "early_scans": early,
                "adopted_unexpected": adopted})
            self._set_active(s, row.batch_no)
            info = self._city_info(s, row)
        message = (f"已导入批次 {info.batch_no}（{info.point_name}，{len(codes)} 个材料袋）。"
                   + ("已替换此前导入的版本。" if replaced else "")
                   + (f"其中 {len(early)} 个此前已扫描，已按扫描时间记为签收。" if early else "")
                   + (f"此前未归入批次的 {len(adopted)} 个清单外材料袋已记入本批次的差异。"
                      if adopted else "")
                   + "请扫描纸质移交清单上的二维码核对，再逐袋扫描封面签收。")
        return CityImportResult(info, True, message)

    @staticmethod
    def _refuse_older(row: m.CityBatch, manifest: Manifest) -> None:
        """A district that reopens a batch closes it again later: a changed file is
        taken only if it was closed after the one imported, never an older copy."""
        closed = manifest.closed_at.replace(tzinfo=None)
        if closed < row.closed_at:
            raise InputError(
                f"这份移交文件是批次 {row.batch_no} 的旧版本（封批于 {closed:%Y-%m-%d %H:%M}），"
                f"已导入的版本封批于 {row.closed_at:%Y-%m-%d %H:%M}，更新。已拒绝导入，"
                "原有数据未改动。请使用区受理点最后一次封批生成的移交文件。")
        if closed == row.closed_at:
            raise InputError(
                f"这份移交文件与已导入的批次 {row.batch_no} 封批时间相同"
                f"（{closed:%Y-%m-%d %H:%M:%S}），内容却不同（校验值 {row.sha256[:12]}… 与 "
                "本文件不符），无法判断哪一份是最终版本。已拒绝导入，请与区受理点核实。")

    def _refuse_listed_elsewhere(self: Store, s: Session, codes: list[str],
                                 batch_no: str) -> None:
        clashes: list[str] = []
        for start in range(0, len(codes), 500):
            clashes += [f"{code}（批次 {other}）" for code, other in s.execute(
                select(m.CityPacketRow.code, m.CityBatch.batch_no)
                .join(m.CityBatch, m.CityBatch.id == m.CityPacketRow.city_batch_id)
                .where(m.CityPacketRow.code.in_(codes[start:start + 500]),
                       m.CityBatch.batch_no != batch_no))]
        if clashes:
            more = f" 等 {len(clashes)} 个" if len(clashes) > 10 else ""
            shown = "、".join(clashes[:10]) + more
            raise InputError(f"移交文件 {batch_no} 所列材料袋已在其他已导入批次中：{shown}。"
                             "同一材料袋不能属于两个批次，请与区受理点核实。")

    def _insert_city_packets(self: Store, s: Session, batch_id: int, manifest: Manifest,
                             codes: list[str]) -> list[str]:
        """Bulk-insert the listed packets; return the codes already scanned as unexpected."""
        early: dict[str, tuple[dt.datetime, str]] = {}
        for start in range(0, len(codes), 500):
            for code, at, operator in s.execute(
                    select(m.CityScan.code, m.CityScan.at, m.CityScan.operator)
                    .where(m.CityScan.code.in_(codes[start:start + 500]))
                    .order_by(m.CityScan.id)):
                early.setdefault(code, (at, operator))
        s.execute(insert(_CITY_PACKET), [{
            "city_batch_id": batch_id, "code": p.code, "position": index, "name": p.name,
            "id_number": p.id_number, "unit": p.unit, "qualification": p.qualification,
            "items": p.items, "checked_in_at": early.get(p.code, (None, ""))[0],
            "checked_in_by": early.get(p.code, (None, ""))[1],
        } for index, p in enumerate(manifest.packets, start=1)])
        if early:
            s.execute(delete(m.CityScan).where(m.CityScan.code.in_(list(early))))
        return sorted(early)

    # ------------------------------------------------------------------ scanning
    def checkin(self: Store, raw: str) -> CheckinResult:
        """What the city desk does with one scan (see CheckinKind)."""
        self._require_city()
        text = clean_scan(raw)
        qr = parse_qr_payload(text) if "|" in text else None
        if qr is not None:
            return self._check_list(*qr)
        text = text.upper()
        batch_no = parse_batch(text)
        if batch_no is not None:
            return self._select_city_batch(str(batch_no))
        code = parse_packet_code(text)
        if code is None:
            shown = text[:40] or "（空）"
            return CheckinResult(CheckinKind.REFUSED,
                                 f"“{shown}”不是材料袋封面条码、批次号或移交清单二维码。"
                                 "请扫描材料袋封面上的条码。", code=text[:64])
        return self._checkin_packet(str(code))

    def _check_list(self: Store, batch_no: str, sha: str) -> CheckinResult:
        with self._write() as s:
            row = self._city_batch_row(s, batch_no, missing_ok=True)
            if row is None:
                return CheckinResult(CheckinKind.REFUSED,
                                     f"批次 {batch_no} 的移交文件尚未导入。请先导入区受理点"
                                     "提供的移交文件，再扫描移交清单的二维码。", code=batch_no)
            # the list's QR holds the manifest's hash; a typed one may be the file's
            if not matches_hash(sha, row.sha256, row.file_sha256):
                self._event(s, "city_list_mismatch", detail={
                    "batch_no": batch_no, "list_sha256": sha, "file_sha256": row.sha256})
                return CheckinResult(
                    CheckinKind.REFUSED,
                    f"纸质移交清单与已导入的移交文件不一致（批次 {batch_no}：清单校验值 "
                    f"{sha[:12]}…，文件 {row.sha256[:12]}…）。文件或清单不是最终版本，"
                    "请与区受理点核实后重新索取。", code=batch_no,
                    batch=self._city_info(s, row))
            if row.list_checked_at is None:
                row.list_checked_at = self.clock()
                self._event(s, "city_list_checked", detail={"batch_no": batch_no,
                                                            "sha256": sha})
            self._set_active(s, batch_no)
            info = self._city_info(s, row)
        return CheckinResult(CheckinKind.TRANSMITTAL,
                             f"移交清单与文件一致：批次 {batch_no}（{info.point_name}），"
                             f"应到 {info.expected} 个，已签收 {info.received} 个。"
                             "请逐袋扫描封面签收。", code=batch_no, batch=info)

    def _select_city_batch(self: Store, batch_no: str) -> CheckinResult:
        with self._write() as s:
            row = self._city_batch_row(s, batch_no, missing_ok=True)
            if row is None:
                return CheckinResult(CheckinKind.REFUSED,
                                     f"批次 {batch_no} 的移交文件尚未导入，请先导入。",
                                     code=batch_no)
            info = self._city_info(s, row)
            self._set_active(s, batch_no)
        checked = "" if info.list_checked else "移交清单二维码尚未核对。"
        return CheckinResult(CheckinKind.TRANSMITTAL,
                             f"当前批次：{batch_no}（{info.point_name}），应到 {info.expected} 个，"
                             f"已签收 {info.received} 个。{checked}", code=batch_no, batch=info)

    def _checkin_packet(self: Store, code: str) -> CheckinResult:
        with self._write() as s:
            # FOR UPDATE: two city desks on PostgreSQL scanning the same envelope.
            packet = s.scalars(select(m.CityPacketRow).where(m.CityPacketRow.code == code)
                               .with_for_update()).first()
            if packet is None:
                return self._unexpected(s, code)
            batch = s.get(m.CityBatch, packet.city_batch_id)
            assert batch is not None
            if packet.checked_in_at is not None:
                return CheckinResult(
                    CheckinKind.ALREADY,
                    f"{packet.name}（{code}）已于 {packet.checked_in_at:%m-%d %H:%M} 由 "
                    f"{packet.checked_in_by} 签收，无需重复扫描。", code=code,
                    batch=self._city_info(s, batch), packet=_city_packet(packet))
            event = self._event(s, "city_checkin",
                                detail={"code": code, "batch_no": batch.batch_no})
            # The event's own time and operator: undo finds the event by them.
            packet.checked_in_at, packet.checked_in_by = event.at, event.operator
            note = ""
            active = self._active(s)
            if active is None:
                self._set_active(s, batch.batch_no)
            elif active != batch.batch_no:
                note = (f"注意：该材料袋属于批次 {batch.batch_no}，"
                        f"不是当前批次 {active}。")
            info = self._city_info(s, batch)
            return CheckinResult(
                CheckinKind.CHECKED_IN,
                f"签收：{packet.name}，{packet.unit}（批次 {batch.batch_no}，"
                f"已到 {info.received}/{info.expected}）。{note}", code=code, batch=info,
                packet=_city_packet(packet))

    def _unexpected(self: Store, s: Session, code: str) -> CheckinResult:
        earlier = s.scalars(select(m.CityScan).where(m.CityScan.code == code)
                            .order_by(m.CityScan.id).limit(1)).first()
        if earlier is not None:
            return CheckinResult(CheckinKind.ALREADY,
                                 f"{code} 已于 {earlier.at:%m-%d %H:%M} 记为清单外材料袋，"
                                 "无需重复扫描。请单独存放，并与区受理点核实。", code=code)
        batch = self._city_batch_row(s, self._active(s), missing_ok=True)
        if batch is None:
            # Not selected yet: the latest batch this district sent in that round.
            parsed = parse_packet_code(code)
            assert parsed is not None
            batch = s.scalars(select(m.CityBatch).where(
                m.CityBatch.point_code == parsed.point_code,
                m.CityBatch.round_code == parsed.round_code)
                .order_by(m.CityBatch.id.desc()).limit(1)).first()
        event = self._event(s, "city_unexpected", detail={
            "code": code, "batch_no": batch.batch_no if batch else None})
        # The event's own time and operator: undo finds the event by them.
        s.add(m.CityScan(code=code, city_batch_id=batch.id if batch else None, at=event.at,
                         operator=event.operator, desk=self.desk))
        where = (f"已记入批次 {batch.batch_no} 的差异。" if batch else
                 f"该区尚无已导入的批次，已记入“{UNASSIGNED_LABEL}”"
                 "（zcdesk city list 可见），导入该区移交文件时归入其批次。")
        return CheckinResult(CheckinKind.UNEXPECTED,
                             f"{code} 不在任何已导入的移交清单中（清单外）。{where}"
                             "请单独存放，并与区受理点核实。", code=code,
                             batch=self._city_info(s, batch) if batch else None)

    def undo_checkin(self: Store, code: str) -> CheckinResult:
        """Reverse the check-in (or the unexpected scan) of one code, by a reversal event.

        The result's kind is that of the scan undone (CHECKED_IN or UNEXPECTED)."""
        self._require_city()
        parsed = parse_packet_code(clean_scan(code))
        if parsed is None:
            raise InputError(f"“{code.strip()[:40]}”不是材料袋编码，无法撤销签收。")
        code = str(parsed)
        with self._write() as s:
            packet = s.scalars(select(m.CityPacketRow)
                               .where(m.CityPacketRow.code == code)).first()
            scans = list(s.scalars(select(m.CityScan).where(m.CityScan.code == code)))
            if packet is not None and packet.checked_in_at is not None:
                kind, what = CheckinKind.CHECKED_IN, "签收"
            elif packet is None and scans:
                kind, what = CheckinKind.UNEXPECTED, "清单外登记"
            else:
                raise NothingToUndo(f"{code} 尚未签收，没有可撤销的签收。")
            if packet is not None and packet.checked_in_at is not None:
                at, operator = packet.checked_in_at, packet.checked_in_by
            else:
                at, operator = scans[0].at, scans[0].operator
            target = self._last_checkin_event(s, code, at, operator)
            self._event(s, "reversal", reverses_id=target, detail={
                "code": code, "undone": kind.value})
            batch = None
            if packet is not None:
                packet.checked_in_at, packet.checked_in_by = None, ""
                batch = s.get(m.CityBatch, packet.city_batch_id)
            else:
                batch = s.get(m.CityBatch, scans[0].city_batch_id) \
                    if scans[0].city_batch_id else None
                for scan in scans:
                    s.delete(scan)
            s.flush()
            return CheckinResult(kind, f"已撤销 {code} 的{what}。", code=code,
                                 batch=self._city_info(s, batch) if batch else None,
                                 packet=_city_packet(packet) if packet else None)

    @staticmethod
    def _last_checkin_event(s: Session, code: str, at: dt.datetime,
                            operator: str) -> int | None:
        """The event that recorded the scan: the check-in (or scan) row keeps that
        event's time and operator, so only the events of that very moment are
        decoded (ix_event_operator), not every check-in there ever was.

        A packet scanned before its file arrived was recorded as unexpected, and that
        scan became its check-in at import (with the scan's time and operator)."""
        for event_id, detail in s.execute(
                select(m.Event.id, m.Event.detail)
                .where(m.Event.operator == operator, m.Event.at == at,
                       m.Event.kind.in_(CHECKIN_KINDS), m.NOT_REVERSED)
                .order_by(m.Event.id.desc())):
            if (detail or {}).get("code") == code:
                return event_id
        return None

    # ------------------------------------------------------------------- reports
    def city_batches(self: Store) -> list[CityBatchInfo]:
        self._require_city()
        with self._read() as s:
            received = dict(s.execute(
                select(m.CityPacketRow.city_batch_id, func.count())
                .where(m.CityPacketRow.checked_in_at.is_not(None))
                .group_by(m.CityPacketRow.city_batch_id)).all())
            expected = dict(s.execute(
                select(m.CityPacketRow.city_batch_id, func.count())
                .group_by(m.CityPacketRow.city_batch_id)).all())
            unexpected = dict(s.execute(
                select(m.CityScan.city_batch_id, func.count(func.distinct(m.CityScan.code)))
                .group_by(m.CityScan.city_batch_id)).all())
            return [_info(b, expected.get(b.id, 0), received.get(b.id, 0),
                          unexpected.get(b.id, 0))
                    for b in s.scalars(select(m.CityBatch).order_by(m.CityBatch.id))]

    def city_unassigned(self: Store) -> tuple[str, ...]:
        """Unexpected codes scanned while their district had no imported batch
        (city_batch_id NULL): shown apart, and taken into that district's batch
        when its file is imported."""
        self._require_city()
        with self._read() as s:
            return tuple(dict.fromkeys(s.scalars(
                select(m.CityScan.code).where(m.CityScan.city_batch_id.is_(None))
                .order_by(m.CityScan.id))))

    def city_report(self: Store, batch_no: str) -> CityBatchReport:
        """Received, missing and unexpected packets of one imported batch."""
        self._require_city()
        with self._read() as s:
            row = self._city_batch_row(s, clean_scan(batch_no).upper())
            assert row is not None
            packets = [_city_packet(p) for p in s.scalars(
                select(m.CityPacketRow).where(m.CityPacketRow.city_batch_id == row.id)
                .order_by(m.CityPacketRow.position))]
            unexpected = tuple(dict.fromkeys(s.scalars(
                select(m.CityScan.code).where(m.CityScan.city_batch_id == row.id)
                .order_by(m.CityScan.id))))
            received = tuple(p for p in packets if p.checked_in_at is not None)
            info = _info(row, len(packets), len(received), len(unexpected))
            items = dict((row.manifest or {}).get("batch_items", {}))
            return CityBatchReport(info, received,
                                   tuple(p for p in packets if p.checked_in_at is None),
                                   unexpected, {str(k): int(v) for k, v in items.items()})

    # ----------------------------------------------------------------- internal
    @staticmethod
    def _adopt_unassigned(s: Session, row: m.CityBatch) -> list[str]:
        """Unassigned strangers of this district and round join its batch's discrepancies."""
        prefix = f"{row.point_code}-{row.round_code}-".upper()
        codes = sorted(set(s.scalars(select(m.CityScan.code).where(
            m.CityScan.city_batch_id.is_(None),
            m.CityScan.code.startswith(prefix, autoescape=True)))))
        if codes:
            s.execute(update(m.CityScan).where(m.CityScan.city_batch_id.is_(None),
                                               m.CityScan.code.in_(codes))
                      .values(city_batch_id=row.id))
        return codes

    def _city_batch_row(self: Store, s: Session, batch_no: str | None, *,
                        missing_ok: bool = False) -> m.CityBatch | None:
        row = s.scalars(select(m.CityBatch).where(m.CityBatch.batch_no == batch_no)).first() \
            if batch_no else None
        if row is None and not missing_ok:
            raise NotFound(f"没有导入过批次 {batch_no} 的移交文件。"
                           "运行 zcdesk city import 文件 导入，或核对批次号。")
        return row

    @staticmethod
    def _city_info(s: Session, row: m.CityBatch) -> CityBatchInfo:
        expected, received = s.execute(
            select(func.count(), func.count(m.CityPacketRow.checked_in_at))
            .where(m.CityPacketRow.city_batch_id == row.id)).one()
        unexpected = s.scalar(select(func.count(func.distinct(m.CityScan.code)))
                              .where(m.CityScan.city_batch_id == row.id)) or 0
        return _info(row, expected or 0, received or 0, unexpected)


def _info(row: m.CityBatch, expected: int, received: int, unexpected: int) -> CityBatchInfo:
    return CityBatchInfo(
        batch_no=row.batch_no, point_code=row.point_code, point_name=row.point_name,
        round_code=row.round_code, sha256=row.sha256, closed_at=row.closed_at,
        imported_at=row.imported_at, expected=expected, received=received,
        unexpected=unexpected, list_checked=row.list_checked_at is not None,
        round_name=row.round_name or "", file_sha256=row.file_sha256 or "")


def _city_packet(p: m.CityPacketRow) -> CityPacket:
    return CityPacket(code=p.code, name=p.name, id_number=p.id_number, unit=p.unit,
                      qualification=p.qualification, items=dict(p.items or {}),
                      checked_in_at=p.checked_in_at, checked_in_by=p.checked_in_by)


CITY_EVENTS = {"city_imported": "导入移交文件", "city_checkin": "签收材料袋",
               "city_unexpected": "清单外材料袋", "city_list_checked": "移交清单核对一致",
               "city_list_mismatch": "移交清单与文件不一致"}


def describe_city_event(kind: str, detail: dict[str, object]) -> str | None:
    """The audit trail's words for a city desk event (None: not a city event)."""
    if kind == "reversal" and detail.get("undone") in ("checked_in", "unexpected"):
        return f"撤销签收 {detail.get('code', '')}"
    label = CITY_EVENTS.get(kind)
    if label is None:
        return None
    what = detail.get("code") or detail.get("batch_no") or ""
    return f"{label} {what}".strip()
