"""Batches after the counter: build, batch-level items, close, reopen, hand over.

Part of the Store facade (mixed into it; `self` is the Store). A batch is open
while the office lead fills it; closing freezes it: its manifest (the content of
the transmittal file) is built once and kept with its SHA-256, so a later roster
correction cannot change what the printed hash stands for, and its packets can no
longer be changed at the counter. Reopening needs a reason and is recorded with
the old hash. Every change is an event carrying `batch_id`; `batch.items` caches
the batch-level items (送评报告单, 花名册) and `packet.stage` where each packet is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from zcdesk.domain.checklist import ChecklistItem, RejectReason, Scope, find_item
from zcdesk.domain.completeness import (
    CopyEvent,
    CopyKind,
    PacketState,
    PacketStatus,
    compute_state,
    plan_accept,
)
from zcdesk.domain.flow import BatchItemCount, BatchStatus, HandOver, PacketStage
from zcdesk.domain.idnumber import normalize_id
from zcdesk.domain.receipt import BatchNumber, PacketCode
from zcdesk.domain.records import BatchInfo, BatchView, PacketView
from zcdesk.store import models as m
from zcdesk.store.errors import InputError, NotFound, NothingToUndo
from zcdesk.store.infos import point_of_row, round_of_row
from zcdesk.store.recording import rejection, valid_copies
from zcdesk.store.roster_ops import _CHUNK
from zcdesk.store.statements import COPY_KINDS, PACKET_VIEW_ROWS

if TYPE_CHECKING:
    from zcdesk.domain.eligibility import EligibilityChecker
    from zcdesk.store.facade import Store

BATCH_ACCEPT = "batch_accept"
BATCH_REJECT = "batch_reject"
ITEM_KINDS = (BATCH_ACCEPT, BATCH_REJECT)
_T = TypeVar("_T")
# A handed-over batch's packets move on (back, returned, archived) on their own.
AFTER_HANDOVER = frozenset({PacketStage.HANDED_OVER, PacketStage.BACK, PacketStage.RETURNED,
                            PacketStage.ARCHIVED})


class BatchOps:
    """Store methods for batches; `self` is the Store."""

    # ------------------------------------------------------------------ build
    def new_batch(self: Store, *, fill: bool = True) -> BatchView:
        """A new open batch: with every complete packet of this point and round not
        yet in a batch (fill), or empty (fill=False) to be filled with batch_add."""
        self.require_admin("组批")
        point = self._require_point()
        if point.kind == "city":
            raise InputError("本机是市级受理端，不组批；组批在区受理点进行。")
        round_ = self.current_round()
        with self._write() as s:
            # Two desks making a batch at once take turns here (PostgreSQL; SQLite's
            # write transaction already does): the next number and the free packets
            # are read after the other's batch is in.
            s.get(m.AcceptancePoint, point.id, with_for_update=True)
            packet_ids: list[int] = []
            if fill:
                packet_ids = list(s.scalars(
                    select(m.Packet.id).join(m.Applicant).join(m.Unit)
                    .where(m.Packet.round_id == round_.id, m.Packet.point_id == point.id,
                           m.Packet.status == PacketStatus.COMPLETE.value,
                           ~exists().where(m.BatchPacket.packet_id == m.Packet.id))
                    .order_by(m.Unit.name, m.Applicant.name, m.Packet.id)))
                if not packet_ids:
                    raise InputError("没有可组批的材料袋：齐全的材料袋都已在批次中，"
                                     "或还没有齐全的材料袋。")
            seq = (s.scalar(select(func.max(m.Batch.seq)).where(
                m.Batch.point_id == point.id, m.Batch.round_id == round_.id)) or 0) + 1
            batch = m.Batch(batch_no=str(BatchNumber(point.code, round_.code, seq)),
                            point_id=point.id, round_id=round_.id, seq=seq,
                            created_at=self.clock(), operator=self.operator, desk=self.desk,
                            status=BatchStatus.OPEN.value, version=0, items={})
            s.add(batch)
            s.flush()
            self._event(s, "batch_created", batch_id=batch.id,
                        detail={"batch_no": batch.batch_no, "packets": len(packet_ids)})
            self._put_in_batch(s, batch, packet_ids)
            return self._batch_view(s, batch)

    def batch_add(self: Store, batch_no: str, refs: Sequence[str]) -> BatchView:
        """Put complete packets of the batch's point and round, in no other batch, in."""
        self.require_admin("调整批次")
        with self._write() as s:
            batch = self._batch_for_write(s, batch_no)
            self._require_open(batch, "加入材料袋")
            ids = self._packets_for_refs(s, refs)
            problems = []
            for pid, point_id, round_id, status, name, in_batch, in_no in s.execute(
                    select(m.Packet.id, m.Packet.point_id, m.Packet.round_id, m.Packet.status,
                           m.Applicant.name, m.BatchPacket.batch_id, m.Batch.batch_no)
                    .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
                    .outerjoin(m.BatchPacket, m.BatchPacket.packet_id == m.Packet.id)
                    .outerjoin(m.Batch, m.Batch.id == m.BatchPacket.batch_id)
                    .where(m.Packet.id.in_(ids)).order_by(m.Packet.id)):
                who = f"{name}（{self._code_of(s, pid, point_id, round_id)}）"
                if (point_id, round_id) != (batch.point_id, batch.round_id):
                    problems.append(f"{who}不属于本批次的受理点和轮次")
                elif in_batch == batch.id:
                    problems.append(f"{who}已在本批次中")
                elif in_batch is not None:
                    problems.append(f"{who}已在批次 {in_no} 中")
                elif status != PacketStatus.COMPLETE.value:
                    problems.append(f"{who}材料尚未齐全（{PacketStatus(status).label}）")
            if problems:
                raise InputError(f"未加入批次 {batch.batch_no}：" + "；".join(problems)
                                 + "。只有齐全且未组批的材料袋可以加入。")
            self._put_in_batch(s, batch, ids)
            batch.version += 1
            return self._batch_view(s, batch)

    def batch_remove(self: Store, batch_no: str, refs: Sequence[str]) -> BatchView:
        """Take packets out of an open batch: they are back at the counter."""
        self.require_admin("调整批次")
        with self._write() as s:
            batch = self._batch_for_write(s, batch_no)
            self._require_open(batch, "移出材料袋")
            ids = self._packets_for_refs(s, refs)
            inside = set(s.scalars(select(m.BatchPacket.packet_id).where(
                m.BatchPacket.batch_id == batch.id, m.BatchPacket.packet_id.in_(ids))))
            outside = [pid for pid in ids if pid not in inside]
            if outside:
                names = "、".join(self._who(s, pid) for pid in outside)
                raise InputError(f"这些材料袋不在批次 {batch.batch_no} 中：{names}。未作任何改动。")
            s.execute(delete(m.BatchPacket).where(m.BatchPacket.batch_id == batch.id,
                                                  m.BatchPacket.packet_id.in_(ids)))
            self._move(s, ids, PacketStage.COUNTER, "batch_packet_removed",
                       expected=PacketStage.BATCHED, batch_id=batch.id,
                       detail={"batch_no": batch.batch_no})
            batch.version += 1
            return self._batch_view(s, batch)

    # ------------------------------------------------------------ batch items
    def batch_accept(self: Store, batch_no: str, item_code: str, copies: int) -> BatchView:
        """Accepted copies of a batch-level item; never beyond what is required."""

        self.require_admin("登记批次材料")
        copies = valid_copies(copies)
        with self._write() as s:
            batch = self._batch_for_write(s, batch_no)
            self._require_open(batch, "登记批次材料")
            items = self.checklist(Scope.BATCH, round_id=batch.round_id)  # the batch's round
            item = _find_batch_item(item_code, items)
            events = self._batch_copy_events(s, batch.id)
            already = compute_state(items, events).item(item.code).accepted
            plan = plan_accept(item, already, copies)
            if plan.counted == 0:
                raise InputError(plan.warning(item, already))
            detail: dict[str, Any] = {"batch_no": batch.batch_no,
                                      "before": already, "after": already + plan.counted}
            if plan.surplus:
                detail["offered"] = copies
            self._event(s, BATCH_ACCEPT, batch_id=batch.id, item_code=item.code,
                        copies=plan.counted, detail=detail)
            self._refresh_batch(s, batch, compute_state(
                items, [*events, CopyEvent(CopyKind.ACCEPT, item.code, plan.counted)]))
            return self._batch_view(s, batch)

    def batch_reject(self: Store, batch_no: str, item_code: str, copies: int,
                     reason: RejectReason | str, text: str = "") -> BatchView:
        """Copies of a batch-level item handed back with the reason; they never count."""

        self.require_admin("登记批次材料")
        copies = valid_copies(copies)
        reason, text = rejection(reason, text)
        with self._write() as s:
            batch = self._batch_for_write(s, batch_no)
            self._require_open(batch, "登记批次材料")
            item = _find_batch_item(item_code,
                                    self.checklist(Scope.BATCH, round_id=batch.round_id))
            self._event(s, BATCH_REJECT, batch_id=batch.id, item_code=item.code, copies=copies,
                        reason=reason.value, reason_text=text,
                        detail={"batch_no": batch.batch_no})
            self._refresh_batch(s, batch)
            return self._batch_view(s, batch)

    def batch_undo(self: Store, batch_no: str) -> BatchView:
        """Reverse the batch's last item recording by a reversal event."""
        self.require_admin("撤销批次材料登记")
        with self._write() as s:
            batch = self._batch_for_write(s, batch_no)
            self._require_open(batch, "撤销批次材料登记")
            target = s.scalars(
                select(m.Event).where(m.Event.batch_id == batch.id,
                                      m.Event.kind.in_(ITEM_KINDS), m.NOT_REVERSED)
                .order_by(m.Event.id.desc()).limit(1)).first()
            if target is None:
                raise NothingToUndo(f"批次 {batch.batch_no} 没有可撤销的批次材料登记。")
            self._event(s, "reversal", batch_id=batch.id, item_code=target.item_code,
                        copies=target.copies, reverses_id=target.id,
                        detail={"batch_no": batch.batch_no, "reversed_kind": target.kind})
            self._refresh_batch(s, batch)
            return self._batch_view(s, batch)

    # ------------------------------------------------------------- life cycle
    def close_batch(self: Store, batch_no: str) -> BatchView:
        """open → closed: every problem is listed, or the batch is frozen with its manifest."""
        from zcdesk.importing.transmittal_file import build_manifest, file_sha256, manifest_sha256

        self.require_admin("封批")
        with self._write() as s:
            batch = self._batch_for_write(s, batch_no)
            self._require_open(batch, "封批")
            # A counter desk may be changing one of these packets right now: lock them
            # (PostgreSQL; SQLite's write transaction already holds the database), so
            # what is checked below is what is frozen; a later counter write then
            # sees the batch closed.
            self._lock_batch_packets(s, batch.id)
            view = self._batch_view(s, batch)
            problems = close_problems(view)
            if problems:
                raise InputError(f"批次 {batch.batch_no} 不能封批：" + "；".join(problems)
                                 + "。请补齐或移出后再封批。")
            batch.status = BatchStatus.CLOSED.value
            batch.closed_at = self.clock()
            batch.closed_by = self.operator
            batch.version += 1
            s.flush()
            point = s.get(m.AcceptancePoint, batch.point_id)
            round_ = s.get(m.Round, batch.round_id)
            assert point is not None and round_ is not None
            names = {i.code: i.short_name
                     for i in [*self.checklist(), *self.checklist(Scope.BATCH)]}
            # Closing changes no packet: the packets just read are the ones frozen.
            frozen = BatchView(self._batch_info(s, batch), view.packets)
            manifest = build_manifest(frozen, point_of_row(point), round_of_row(round_), names)
            batch.manifest = manifest
            batch.sha256 = manifest_sha256(manifest)
            # the export writes the same bytes, so the file's hash is known now
            batch.file_sha256 = file_sha256(manifest)
            self._packet_events(s, batch, "packet_batch_closed", {"sha256": batch.sha256})
            self._event(s, "batch_closed", batch_id=batch.id, detail={
                "batch_no": batch.batch_no, "before": BatchStatus.OPEN.value,
                "after": BatchStatus.CLOSED.value, "sha256": batch.sha256,
                "file_sha256": batch.file_sha256, "packets": len(view.packets)})
            return BatchView(self._batch_info(s, batch), view.packets)

    def reopen_batch(self: Store, batch_no: str, reason: str) -> BatchView:
        """closed → open, with the reason; the old hash stays in the event's detail."""
        self.require_admin("重开批次")
        reason = (reason or "").strip()
        if not reason:
            raise InputError("重开批次须写明原因（如：发现某材料袋需更正）。")
        if len(reason) > 200:
            raise InputError("重开原因过长（最多 200 个字符）。")
        with self._write() as s:
            batch = self._batch_for_write(s, batch_no)
            if batch.status == BatchStatus.HANDED_OVER.value:
                raise InputError(f"批次 {batch.batch_no} 已移交市局，不能重开。")
            if batch.status != BatchStatus.CLOSED.value:
                raise InputError(f"批次 {batch.batch_no} 尚未封批，无需重开。")
            old_sha, old_closed = batch.sha256, batch.closed_at
            batch.status = BatchStatus.OPEN.value
            batch.manifest = None
            batch.sha256 = ""
            batch.file_sha256 = ""
            batch.closed_at = None
            batch.closed_by = ""
            batch.version += 1
            self._packet_events(s, batch, "packet_batch_reopened", {"reason": reason})
            self._event(s, "batch_reopened", batch_id=batch.id, reason_text=reason, detail={
                "batch_no": batch.batch_no, "before": BatchStatus.CLOSED.value,
                "after": BatchStatus.OPEN.value, "reason": reason, "old_sha256": old_sha,
                "closed_at": old_closed.isoformat() if old_closed else None})
            return self._batch_view(s, batch)

    def hand_over(self: Store, batch_no: str, handed_by: str, received_by: str,
                  at: dt.datetime | None = None) -> BatchView:
        """closed → handed_over: who handed it over, who took it, when; its packets
        are then 已移交."""
        self.require_admin("登记移交")
        handed_by, received_by = (handed_by or "").strip(), (received_by or "").strip()
        if not handed_by or not received_by:
            raise InputError("请填写移交人和接收人（市局签收人）的姓名。")
        if len(handed_by) > 64 or len(received_by) > 64:
            raise InputError("移交人或接收人姓名过长（最多 64 个字符）。")
        now = self.clock()
        if at is None:
            at = now
        elif not isinstance(at, dt.datetime):
            at = dt.datetime.combine(at, dt.time())
        elif at.tzinfo is not None:  # the database keeps local wall-clock times
            at = at.astimezone().replace(tzinfo=None)
        if at > now:
            raise InputError("移交时间不能晚于现在。")
        with self._write() as s:
            batch = self._batch_for_write(s, batch_no)
            if batch.status == BatchStatus.HANDED_OVER.value:
                raise InputError(f"批次 {batch.batch_no} 已于 {batch.handed_over_at:%Y-%m-%d %H:%M}"
                                 f" 移交（{batch.handed_by} → {batch.received_by}），无需再登记。")
            if batch.status != BatchStatus.CLOSED.value:
                raise InputError(f"批次 {batch.batch_no} 尚未封批：请先封批、打印移交清单，"
                                 "再登记移交。")
            if batch.closed_at is not None and at < batch.closed_at.replace(microsecond=0):
                raise InputError(f"移交时间早于封批时间（{batch.closed_at:%Y-%m-%d %H:%M}），"
                                 "请核对。")
            batch.status = BatchStatus.HANDED_OVER.value
            batch.handed_by, batch.received_by, batch.handed_over_at = handed_by, received_by, at
            batch.version += 1
            ids = self._lock_batch_packets(s, batch.id)
            self._move(s, ids, PacketStage.HANDED_OVER, "packet_handed_over",
                       expected=PacketStage.BATCHED, batch_id=batch.id,
                       detail={"batch_no": batch.batch_no})
            self._event(s, "batch_handed_over", batch_id=batch.id, detail={
                "batch_no": batch.batch_no, "before": BatchStatus.CLOSED.value,
                "after": BatchStatus.HANDED_OVER.value, "handed_by": handed_by,
                "received_by": received_by, "at": at.isoformat(), "packets": len(ids),
                "sha256": batch.sha256})
            return self._batch_view(s, batch)

    # ------------------------------------------------------------------ reads
    def batch(self: Store, batch_no: str) -> BatchView:
        with self._read() as s:
            return self._batch_view(s, self._batch_row(s, batch_no))

    def batch_close_problems(self: Store, batch_no: str) -> list[str]:
        """What would stop 封批 now (empty: it can be closed), so the clerk is told
        before being asked to confirm; close_batch checks again in its transaction."""
        return close_problems(self.batch(batch_no))

    def batches(self: Store) -> list[BatchInfo]:
        with self._read() as s:
            return [self._batch_info(s, b) for b in
                    s.scalars(select(m.Batch).order_by(m.Batch.id))]

    def batch_manifest(self: Store, batch_no: str) -> dict[str, Any]:
        """The manifest frozen when the batch was closed (closed or handed over only)."""
        return self._frozen_manifest(batch_no)[0]

    def _frozen_manifest(self: Store, batch_no: str) -> tuple[dict[str, Any], str, str]:
        with self._read() as s:
            batch = self._batch_row(s, batch_no)
            if batch.status == BatchStatus.OPEN.value or batch.manifest is None:
                raise InputError(f"批次 {batch.batch_no} 尚未封批：封批后才有移交清单和移交文件。")
            return dict(batch.manifest), batch.sha256, batch.file_sha256 or ""

    def export_batch(self: Store, batch_no: str, target: Path) -> str:
        """Write the transmittal file from the frozen manifest; returns the manifest's
        SHA-256 (the file's, printed on the list, is BatchInfo.file_sha256)."""
        import hashlib

        from zcdesk.importing.transmittal_file import write_transmittal

        self.require_admin("导出移交文件")
        manifest, expected, expected_file = self._frozen_manifest(batch_no)
        target = Path(target)
        try:
            sha = write_transmittal(manifest, target)
            written = hashlib.sha256(target.read_bytes()).hexdigest()
        except OSError as exc:
            raise InputError(f"无法写入移交文件“{target}”：{exc.strerror or exc}。"
                             "请换一个位置（如 U 盘根目录）再试。") from exc
        # the stored manifest, or the bytes on disk, no longer give the printed hashes
        if sha != expected or (expected_file and written != expected_file):
            target.unlink(missing_ok=True)
            raise InputError(f"批次 {manifest.get('batch_no')} 的清单校验值与封批时不一致，"
                             "已删除刚写的文件。请运行 zcdesk check 并联系管理员。")
        with self._write() as s:
            batch = self._batch_row(s, batch_no)
            self._event(s, "batch_exported", batch_id=batch.id, detail={
                "batch_no": batch.batch_no, "sha256": sha, "file_sha256": written,
                "file": target.name})
        return sha

    def cover_packets(self: Store, *, id_numbers: list[str] | None = None,
                      unit: str | None = None, batch_no: str | None = None) -> list[PacketView]:
        """Packets to print cover sheets for: by ID numbers, a unit, a batch, or all."""
        if batch_no:
            return list(self.batch(batch_no).packets)
        round_ = self.current_round()
        with self._read() as s:
            stmt = (select(m.Packet).join(m.Applicant).join(m.Unit)
                    .where(m.Packet.round_id == round_.id))
            if id_numbers:
                wanted = [normalize_id(n) for n in id_numbers]
                packets = {p.applicant_id: p for p in s.scalars(
                    stmt.where(m.Applicant.id_number.in_(wanted)))}
                found = {s.get(m.Applicant, a).id_number: p  # type: ignore[union-attr]
                         for a, p in packets.items()}
                unknown = [n for n in wanted if n not in found]
                if unknown:
                    raise NotFound("没有这些证件号码的申报人：" + "、".join(unknown))
                return [self._packet_view(s, found[n]) for n in dict.fromkeys(wanted)]
            if unit:
                stmt = stmt.where(m.Unit.name == unit.strip())
            rows = list(s.scalars(stmt.order_by(m.Unit.name, m.Applicant.name, m.Packet.id)))
            if not rows:
                raise NotFound(f"单位“{unit.strip()}”没有材料袋。" if unit
                               else "还没有任何材料袋。")
            return [self._packet_view(s, p) for p in rows]

    # --------------------------------------------------------------- internal
    def _batch_row(self: Store, s: Session, batch_no: str, *,
                   lock: bool = False) -> m.Batch:
        stmt = select(m.Batch).where(m.Batch.batch_no == (batch_no or "").strip().upper())
        batch = s.scalars(stmt.with_for_update() if lock else stmt).first()
        if batch is None:
            raise NotFound(f"没有批次号 {(batch_no or '').strip()}。"
                           "运行 zcdesk batch list 查看已有批次。")
        return batch

    def _batch_for_write(self: Store, s: Session, batch_no: str) -> m.Batch:
        """The batch row, locked (FOR UPDATE on PostgreSQL) for this transaction."""
        return self._batch_row(s, batch_no, lock=True)

    @staticmethod
    def _require_open(batch: m.Batch, what: str) -> None:
        if batch.status == BatchStatus.OPEN.value:
            return
        if batch.status == BatchStatus.HANDED_OVER.value:
            raise InputError(f"批次 {batch.batch_no} 已封批并已移交市局，不能{what}。")
        raise InputError(f"批次 {batch.batch_no} 已封批，不能{what}；"
                         "确需改动，请先重开批次（须写明原因）。")

    def _batch_copy_events(self: Store, s: Session, batch_id: int) -> list[CopyEvent]:
        rows = s.execute(
            select(m.Event.kind, m.Event.item_code, m.Event.copies, m.Event.reason,
                   m.Event.reason_text)
            .where(m.Event.batch_id == batch_id, m.Event.kind.in_(ITEM_KINDS), m.NOT_REVERSED)
            .order_by(m.Event.id))
        return [CopyEvent(CopyKind.ACCEPT if kind == BATCH_ACCEPT else CopyKind.REJECT,
                          code or "", copies or 0,
                          RejectReason(reason) if reason else None, text or "")
                for kind, code, copies, reason, text in rows]

    def _batch_state(self: Store, s: Session, batch_id: int) -> PacketState:
        """The batch-level items of its round folded like a packet's (no surplus counted)."""
        round_id = s.scalar(select(m.Batch.round_id).where(m.Batch.id == batch_id))
        return compute_state(self.checklist(Scope.BATCH, round_id=round_id),
                             self._batch_copy_events(s, batch_id))

    def _refresh_batch(self: Store, s: Session, batch: m.Batch,
                       state: PacketState | None = None) -> None:
        state = state or self._batch_state(s, batch.id)
        batch.items = {k: v for k, v in state.received.items() if v}
        batch.version += 1
        s.flush()

    def _put_in_batch(self: Store, s: Session, batch: m.Batch, ids: list[int]) -> None:
        if not ids:
            return
        start = s.scalar(select(func.max(m.BatchPacket.position))
                         .where(m.BatchPacket.batch_id == batch.id)) or 0
        s.execute(insert(m.BatchPacket), [
            {"batch_id": batch.id, "packet_id": pid, "position": index}
            for index, pid in enumerate(ids, start=start + 1)])
        self._move(s, ids, PacketStage.BATCHED, "batch_packet_added",
                   expected=PacketStage.COUNTER, batch_id=batch.id,
                   detail={"batch_no": batch.batch_no})

    def _move(self: Store, s: Session, ids: Iterable[int], stage: PacketStage, kind: str,
              *, expected: PacketStage, batch_id: int | None = None,
              detail: dict[str, Any] | None = None, values: dict[str, Any] | None = None,
              ) -> int:
        """Move the packets from `expected` to `stage` (their cache) with one event per
        packet saying from where to where; returns how many moved.

        Only rows still at `expected` are changed: when another desk moved one of
        them since the caller looked (two desks registering the same return), the
        whole transaction is refused and nothing is written."""
        now = self.clock()
        moved = 0
        s.flush()  # pending ORM changes first: expire_all below would drop them
        for chunk in _chunks(list(ids)):
            rows = s.execute(select(m.Packet.id, m.Packet.applicant_id)
                             .where(m.Packet.id.in_(chunk),
                                    m.Packet.stage == expected.value)).all()
            # The UPDATE's own WHERE decides on PostgreSQL: it waits for a desk
            # moving the same rows and then re-checks their stage.
            changed = s.execute(update(m.Packet)
                                .where(m.Packet.id.in_(chunk), m.Packet.stage == expected.value)
                                .values(stage=stage.value, version=m.Packet.version + 1,
                                        **(values or {}))
                                .execution_options(synchronize_session=False)).rowcount
            if changed != len(chunk) or len(rows) != len(chunk):
                raise InputError(
                    f"另一窗口刚刚已登记其中 {len(chunk) - min(changed, len(rows))} 个材料袋"
                    f"（它们已不是“{expected.label}”），请刷新后再试；刚才的操作没有保存。")
            s.execute(insert(m.Event), [
                {"at": now, "kind": kind, "operator": self.operator, "desk": self.desk,
                 "applicant_id": aid, "packet_id": pid, "batch_id": batch_id,
                 "reason_text": "",
                 "detail": {**(detail or {}), "before": expected.value, "after": stage.value}}
                for pid, aid in rows])
            moved += len(rows)
        s.expire_all()  # ORM objects of these packets would show the old stage
        return moved

    def _lock_batch_packets(self: Store, s: Session, batch_id: int) -> list[int]:
        """The batch's packet ids (in batch order), their rows locked FOR UPDATE on
        PostgreSQL in id order (no deadlock between two such locks)."""
        locked = s.execute(select(m.Packet.id, m.BatchPacket.position)
                           .join(m.BatchPacket, m.BatchPacket.packet_id == m.Packet.id)
                           .where(m.BatchPacket.batch_id == batch_id).order_by(m.Packet.id)
                           .with_for_update(of=m.Packet)).all()
        return [pid for pid, _ in sorted(locked, key=lambda r: r[1])]

    def _packet_events(self: Store, s: Session, batch: m.Batch, kind: str,
                       detail: dict[str, Any]) -> None:
        """One event per packet of the batch, so each packet's history shows what
        happened to its batch (closed, reopened)."""
        now = self.clock()
        rows = s.execute(select(m.Packet.id, m.Packet.applicant_id)
                         .join(m.BatchPacket, m.BatchPacket.packet_id == m.Packet.id)
                         .where(m.BatchPacket.batch_id == batch.id)
                         .order_by(m.BatchPacket.position)).all()
        if rows:
            s.execute(insert(m.Event), [
                {"at": now, "kind": kind, "operator": self.operator, "desk": self.desk,
                 "applicant_id": aid, "packet_id": pid, "batch_id": batch.id,
                 "reason_text": "", "detail": {"batch_no": batch.batch_no, **detail}}
                for pid, aid in rows])

    def _code_of(self: Store, s: Session, packet_id: int, point_id: int, round_id: int) -> str:
        codes = self._codes(s)
        return str(PacketCode(codes.points.get(point_id, ""), codes.rounds.get(round_id, ""),
                              packet_id))

    def _who(self: Store, s: Session, packet_id: int) -> str:
        row = s.execute(select(m.Applicant.name, m.Packet.point_id, m.Packet.round_id)
                        .join(m.Packet, m.Packet.applicant_id == m.Applicant.id)
                        .where(m.Packet.id == packet_id)).one()
        return f"{row[0]}（{self._code_of(s, packet_id, row[1], row[2])}）"

    def _batch_info(self: Store, s: Session, batch: m.Batch) -> BatchInfo:
        count = s.scalar(select(func.count()).where(m.BatchPacket.batch_id == batch.id)) or 0
        codes = self._codes(s)
        state = self._batch_state(s, batch.id)
        items = tuple(BatchItemCount(
            code=i.item.code, name=i.item.name, short_name=i.item.short_name,
            required=i.item.copies_required, accepted=i.accepted,
            rejected=tuple(r.describe() for r in i.rejections)) for i in state.items)
        handover = (HandOver(batch.handed_by, batch.received_by, batch.handed_over_at)
                    if batch.handed_over_at is not None else None)
        return BatchInfo(batch.id, batch.batch_no, codes.points.get(batch.point_id, ""),
                         codes.rounds.get(batch.round_id, ""), batch.created_at, batch.operator,
                         batch.desk, count, status=BatchStatus(batch.status),
                         version=batch.version, items=items, closed_at=batch.closed_at,
                         closed_by=batch.closed_by or "", sha256=batch.sha256 or "",
                         handover=handover, file_sha256=batch.file_sha256 or "")

    def _batch_view(self: Store, s: Session, batch: m.Batch) -> BatchView:
        return BatchView(self._batch_info(s, batch), self._batch_packet_views(s, batch.id))

    def _batch_packet_views(self: Store, s: Session, batch_id: int) -> tuple[PacketView, ...]:
        """The batch's packets as `_view` shows them, in three queries for the whole
        batch (not three per packet: a 3,000-packet batch is written inside the
        write transaction, which holds SQLite's lock while it is built)."""

        members = select(m.BatchPacket.packet_id).where(m.BatchPacket.batch_id == batch_id)
        events: dict[int, list[CopyEvent]] = {}
        for pid, kind, code, copies, reason, text in s.execute(
                select(m.Event.packet_id, m.Event.kind, m.Event.item_code, m.Event.copies,
                       m.Event.reason, m.Event.reason_text)
                .where(m.Event.packet_id.in_(members), m.Event.kind.in_(COPY_KINDS),
                       m.NOT_REVERSED)
                .order_by(m.Event.id)):
            events.setdefault(pid, []).append(CopyEvent(
                CopyKind(kind), code or "", copies or 0,
                RejectReason(reason) if reason else None, text or ""))
        receipts: dict[int, str] = {}
        for pid, receipt_no in s.execute(
                select(m.Event.packet_id, m.Visit.receipt_no)
                .join(m.Visit, m.Event.visit_id == m.Visit.id)
                .where(m.Event.packet_id.in_(members)).order_by(m.Event.id)):
            receipts.setdefault(pid, receipt_no)  # the first visit's receipt number
        rows = s.execute(PACKET_VIEW_ROWS.where(m.BatchPacket.batch_id == batch_id)
                         .order_by(m.BatchPacket.position)).all()
        # Each packet shows its own round's stored verdict; those not yet computed are
        # judged with one checker per round.
        checkers: dict[int, EligibilityChecker] = {}
        for rid in {row[3] for row in rows if row[4] is None}:
            # an unreadable stored pack: _make_view shows 未预审
            with contextlib.suppress(InputError):
                checkers[rid] = self._checker(rid)
        return tuple(
            self._make_view(s, row, self._state_of(row[3], events.get(row[0], [])),
                            receipts.get(row[0], ""), checkers.get(row[3]))
            for row in rows)


def _find_batch_item(code: str, items: list[ChecklistItem]) -> ChecklistItem:
    item = find_item(code, items)
    if item is None:
        names = "、".join(f"{i.short_name}（{i.code}）" for i in items)
        raise InputError(f"批次材料“{code}”无法识别。可选：{names}")
    return item


def _chunks(ids: list[_T]) -> Iterable[list[_T]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def close_problems(view: BatchView) -> list[str]:
    """Every reason the batch cannot be closed: no packets, an incomplete packet,
    a batch-level item (送评报告单, 花名册) still missing."""
    problems = [] if view.packets else ["批次中没有材料袋"]
    problems += [f"{p.applicant.name}（{p.code}）{p.state.missing_text()}"
                 for p in view.packets if p.status is not PacketStatus.COMPLETE]
    problems += [f"批次材料{i.short_name}缺 {i.missing} 份" for i in view.batch.items
                 if i.missing]
    return problems
