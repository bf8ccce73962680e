"""After the city: the committee's decisions, the forms coming back, return to units.

Part of the Store facade (mixed into it; `self` is the Store). A packet moves
handed_over → back (已回收: the forms came back from the city) → returned (已返还:
the unit signed for them, one `handback` row per signing) → archived (已归档).
A decision may be recorded once the packet was handed over; changing it is
allowed and recorded with the value before and after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zcdesk.domain.flow import (
    Decision,
    DecisionImportReport,
    DecisionResult,
    PacketStage,
    ReturnLine,
    ReturnList,
    parse_decision,
)
from zcdesk.domain.records import PacketView
from zcdesk.store import models as m
from zcdesk.store.batch_ops import AFTER_HANDOVER, _chunks
from zcdesk.store.errors import InputError, NotFound

if TYPE_CHECKING:
    from zcdesk.importing.decisions import DecisionRow
    from zcdesk.store.facade import Store

MAX_DOCUMENT_NO = 64
EARLIEST_DECISION = dt.date(2000, 1, 1)


class _Facts(NamedTuple):
    packet_id: int
    name: str
    unit: str
    stage: str
    point_id: int
    round_id: int


class ReturnOps:
    """Store methods for decisions and returns; `self` is the Store."""

    # -------------------------------------------------------------- decisions
    def record_decision(self: Store, ref: str, result: DecisionResult | str,
                        decided_on: dt.date, document_no: str = "") -> PacketView:
        """The committee's result for one packet (handed over or later)."""
        self.require_admin("登记评审结果")
        parsed = _result(result)
        day = self._decision_day(decided_on)
        document_no = _document_no(document_no)
        with self._write() as s:
            ids = self._packets_for_refs(s, [ref])
            if len(ids) != 1:
                raise InputError("一次只能登记一个材料袋的评审结果。")
            packet = self._packet_for_write(s, ids[0])
            self._set_decision(s, packet, parsed, day, document_no, source="manual")
            return self._view(s, packet.id)

    def import_decisions(self: Store, path: Path | str, *,
                         dry_run: bool = False) -> DecisionImportReport:
        """Results from a spreadsheet, all or nothing.

        Rows for people not in this database (a city-wide sheet) are skipped. Any
        real problem (unreadable result or date, a name not matching the roster, a
        packet not yet handed over, one ID with two different results) refuses the
        whole file: every problem is listed and nothing is written. A dry run
        reports the same and writes nothing."""
        from zcdesk.importing.decisions import read_decisions  # lazy: not on the scan path
        from zcdesk.importing.errors import RosterUnreadable

        self.require_admin("导入评审结果")
        path = Path(path)
        try:
            read = read_decisions(path, today=self.clock().date())
        except RosterUnreadable as exc:
            raise InputError(exc.message) from None
        with self._read() if dry_run else self._write() as s:
            numbers = list(dict.fromkeys([*(r.id_number for r in read.rows),
                                          *(p.id_number for p in read.problems
                                            if p.id_number)]))
            # A round's decisions come months later, when the next round may be current:
            # each person's packet is the one already with the city, of the latest round.
            # Two rounds' packets both with the city: which one a row decides is not for
            # this importer to guess (that row is refused and named).
            packets: dict[str, tuple[int, str, str]] = {}
            ranks: dict[str, tuple[bool, int]] = {}
            with_city: dict[str, int] = {}
            for chunk in _chunks(numbers):
                for number, pid, name, stage, round_id in s.execute(
                        select(m.Applicant.id_number, m.Packet.id, m.Applicant.name,
                               m.Packet.stage, m.Packet.round_id)
                        .join(m.Packet, m.Packet.applicant_id == m.Applicant.id)
                        .where(m.Applicant.id_number.in_(chunk))):
                    away = PacketStage(stage) in AFTER_HANDOVER
                    with_city[number] = with_city.get(number, 0) + away
                    rank = (away, round_id)
                    if number not in ranks or rank > ranks[number]:
                        ranks[number] = rank
                        packets[number] = (pid, name, stage)
            refused: list[tuple[int, str]] = []
            skipped: list[tuple[int, str]] = []

            def skip(row_number: int, number: str) -> None:
                skipped.append((row_number, f"证件号码 {number} 不是本受理点的申报人，已跳过。"))

            for problem in read.problems:
                if problem.id_number and problem.id_number not in packets:
                    skip(problem.row_number, problem.id_number)  # not ours: its flaws neither
                else:
                    refused.append((problem.row_number, problem.reason))
            known = {pid: (result, day, doc) for pid, result, day, doc in s.execute(
                select(m.Decision.packet_id, m.Decision.result, m.Decision.decided_on,
                       m.Decision.document_no))}
            first: dict[str, DecisionRow] = {}
            todo: list[tuple[int, DecisionRow]] = []
            counts = {"recorded": 0, "changed": 0, "unchanged": 0}
            for row in read.rows:
                found = packets.get(row.id_number)
                if found is None:
                    skip(row.row_number, row.id_number)
                    continue
                pid, name, stage = found
                if with_city.get(row.id_number, 0) > 1:
                    refused.append((row.row_number, f"{name} 有两个轮次的材料袋都已移交市局，"
                                    "无法确定此评审结果属于哪一轮：请逐人登记（Ctrl+D）。"))
                    continue
                if row.name and row.name != name:
                    refused.append((row.row_number,
                                    f"姓名“{row.name}”与系统中该证件号码的“{name}”不符。"))
                    continue
                value = (row.result.value, row.decided_on, row.document_no)
                earlier = first.get(row.id_number)
                if earlier is not None:  # the same result twice is taken once
                    if (earlier.result.value, earlier.decided_on, earlier.document_no) != value:
                        refused.append((row.row_number, f"证件号码与第 {earlier.row_number} 行"
                                        "重复，但评审结果（或日期、文号）不同，请核对后只保留一行。"))
                    continue
                first[row.id_number] = row
                if PacketStage(stage) not in AFTER_HANDOVER:
                    refused.append((row.row_number, f"{name} 的材料袋尚未移交市局（现为"
                                    f"{PacketStage(stage).label}），不能登记评审结果。"))
                    continue
                old = known.get(pid)
                if old == value:
                    counts["unchanged"] += 1
                    continue
                counts["changed" if old else "recorded"] += 1
                todo.append((pid, row))
            if refused and not dry_run:
                counts = dict.fromkeys(counts, 0)  # all or nothing: nothing was written
            report = DecisionImportReport(counts["recorded"], counts["changed"],
                                          counts["unchanged"], tuple(sorted(refused)), dry_run,
                                          tuple(sorted(skipped)))
            if dry_run:
                s.rollback()
            if dry_run or refused:  # nothing was written: only read so far
                return report
            for pid, row in todo:
                packet = self._packet_for_write(s, pid)
                self._set_decision(s, packet, row.result, row.decided_on, row.document_no,
                                   source=path.name)
            self._event(s, "decisions_imported", detail={
                "file": path.name, "recorded": report.recorded, "changed": report.changed,
                "unchanged": report.unchanged, "skipped": len(report.skipped)})
            return report

    # ---------------------------------------------------------- back / return
    def receive_back(self: Store, refs: Sequence[str] | None = None, *,
                     batch_no: str | None = None) -> int:
        """handed_over → back (已回收): the forms came back from the city bureau."""
        self.require_admin("登记材料收回")
        if refs is None and not batch_no:
            raise InputError("请指定收回的材料袋（封面条码或证件号码）或批次号。")
        with self._write() as s:
            ids: list[int] = []
            batch_id = None
            detail: dict[str, Any] = {}
            if batch_no:
                batch = self._batch_row(s, batch_no, lock=True)
                if batch.status != "handed_over":
                    raise InputError(f"批次 {batch.batch_no} 尚未移交市局，无从收回。")
                batch_id, detail = batch.id, {"batch_no": batch.batch_no}
                ids = list(s.scalars(
                    select(m.Packet.id).join(m.BatchPacket,
                                             m.BatchPacket.packet_id == m.Packet.id)
                    .where(m.BatchPacket.batch_id == batch.id,
                           m.Packet.stage == PacketStage.HANDED_OVER.value)
                    .order_by(m.BatchPacket.position)))
            if refs is not None:
                wanted = self._packets_for_refs(s, refs)
                facts = self._facts(s, wanted)
                problems = [f"{f.name}（{self._code(s, f)}）现为{PacketStage(f.stage).label}"
                            for f in facts if f.stage != PacketStage.HANDED_OVER.value]
                if problems:
                    raise InputError("只有已移交的材料袋可以登记收回：" + "；".join(problems)
                                     + "。未作任何改动。")
                ids = list(dict.fromkeys([*ids, *wanted]))
            if not ids:
                raise InputError("没有待收回（已移交）的材料袋。")
            return self._move(s, ids, PacketStage.BACK, "received_back",
                              expected=PacketStage.HANDED_OVER, batch_id=batch_id,
                              detail=detail)

    def units_to_return(self: Store) -> list[tuple[str, int]]:
        """Units with forms back from the city waiting to be returned, and how many."""
        return self._units_at(PacketStage.BACK)

    def units_to_archive(self: Store) -> list[tuple[str, int]]:
        """Units with forms returned to them, not yet recorded as filed, and how many."""
        return self._units_at(PacketStage.RETURNED)

    def _units_at(self: Store, stage: PacketStage) -> list[tuple[str, int]]:
        with self._read() as s:
            return [(unit, count) for unit, count in s.execute(
                select(m.Unit.name, func.count(m.Packet.id))
                .join(m.Applicant, m.Applicant.unit_id == m.Unit.id)
                .join(m.Packet, m.Packet.applicant_id == m.Applicant.id)
                # Every round's: forms come back long after the next round has begun.
                .where(m.Packet.stage == stage.value)
                .group_by(m.Unit.name).order_by(m.Unit.name))]

    def return_list(self: Store, unit: str) -> ReturnList:
        """The unit's 返还清单: its packets back from the city, with decision and items."""
        with self._read() as s:
            unit_row = self._unit_row(s, unit)
            ids = self._unit_packets(s, unit_row.id, PacketStage.BACK)
            return ReturnList(unit_row.name, self._rounds_of(s, ids), self._point_code(),
                              self._return_lines(s, ids))

    def archive_list(self: Store, unit: str) -> ReturnList:
        """The unit's packets returned to it and not yet archived (已返还)."""
        with self._read() as s:
            unit_row = self._unit_row(s, unit)
            ids = self._unit_packets(s, unit_row.id, PacketStage.RETURNED)
            return ReturnList(unit_row.name, self._rounds_of(s, ids), self._point_code(),
                              self._return_lines(s, ids))

    def record_return(self: Store, unit: str, handed_by: str, received_by: str,
                      refs: Sequence[str] | None = None) -> ReturnList:
        """back → returned: the unit signed for its forms (all of them, or `refs`)."""
        self.require_admin("登记返还")
        handed_by, received_by = (handed_by or "").strip(), (received_by or "").strip()
        if not handed_by or not received_by:
            raise InputError("请填写返还人和单位签收人的姓名。")
        if len(handed_by) > 64 or len(received_by) > 64:
            raise InputError("返还人或签收人姓名过长（最多 64 个字符）。")
        with self._write() as s:
            unit_row = self._unit_row(s, unit)
            if refs is None:
                ids = self._unit_packets(s, unit_row.id, PacketStage.BACK)
            else:
                ids = self._packets_for_refs(s, refs)
                problems = []
                for f in self._facts(s, ids):
                    who = f"{f.name}（{self._code(s, f)}）"
                    if f.unit != unit_row.name:
                        problems.append(f"{who}属于“{f.unit}”")
                    elif f.stage != PacketStage.BACK.value:
                        problems.append(f"{who}现为{PacketStage(f.stage).label}")
                if problems:
                    raise InputError(f"只有“{unit_row.name}”已回收的材料袋可以返还："
                                     + "；".join(problems) + "。未作任何改动。")
            if not ids:
                raise InputError(f"“{unit_row.name}”没有待返还（已回收）的材料袋。")
            at = self.clock()
            handback = m.Handback(unit_id=unit_row.id, at=at, handed_by=handed_by,
                                  received_by=received_by, operator=self.operator,
                                  desk=self.desk)
            s.add(handback)
            s.flush()
            handback_id = handback.id
            self._move(s, ids, PacketStage.RETURNED, "packet_returned",
                       expected=PacketStage.BACK, values={"handback_id": handback_id}, detail={
                           "unit": unit_row.name, "handed_by": handed_by,
                           "received_by": received_by, "handback_id": handback_id})
            return ReturnList(unit_row.name, self._rounds_of(s, ids), self._point_code(),
                              self._return_lines(s, ids), handed_by, received_by, at)

    def archive(self: Store, refs: Sequence[str] | None = None, *,
                unit: str | None = None) -> int:
        """returned → archived (已归档): the unit filed the forms."""
        self.require_admin("登记归档")
        if refs is None and not unit:
            raise InputError("请指定归档的材料袋（封面条码或证件号码）或单位。")
        with self._write() as s:
            ids: list[int] = []
            if unit:
                ids = self._unit_packets(s, self._unit_row(s, unit).id, PacketStage.RETURNED)
            if refs is not None:
                wanted = self._packets_for_refs(s, refs)
                problems = [f"{f.name}（{self._code(s, f)}）现为{PacketStage(f.stage).label}"
                            for f in self._facts(s, wanted)
                            if f.stage != PacketStage.RETURNED.value]
                if problems:
                    raise InputError("只有已返还的材料袋可以登记归档：" + "；".join(problems)
                                     + "。未作任何改动。")
                ids = list(dict.fromkeys([*ids, *wanted]))
            if not ids:
                raise InputError("没有待归档（已返还）的材料袋。")
            return self._move(s, ids, PacketStage.ARCHIVED, "packet_archived",
                              expected=PacketStage.RETURNED)

    # --------------------------------------------------------------- internal
    def _decision_day(self: Store, day: dt.date) -> dt.date:
        if isinstance(day, dt.datetime):
            day = day.date()
        if not isinstance(day, dt.date):
            raise InputError("评审日期应为日期（如 2025-07-15）。")
        if day > self.clock().date():
            raise InputError(f"评审日期 {day.isoformat()} 晚于今天，请核对。")
        if day < EARLIEST_DECISION:
            raise InputError(f"评审日期 {day.isoformat()} 不合理，请核对。")
        return day

    def _set_decision(self: Store, s: Session, packet: m.Packet, result: DecisionResult,
                      day: dt.date, document_no: str, *, source: str) -> None:
        """Write (or change) the packet's decision with a before/after event; an
        identical one writes nothing."""
        if PacketStage(packet.stage) not in AFTER_HANDOVER:
            raise InputError(f"该材料袋尚未移交市局（现为{PacketStage(packet.stage).label}），"
                             "不能登记评审结果。")
        row = s.get(m.Decision, packet.id, with_for_update=True)
        after = {"result": result.value, "decided_on": day.isoformat(),
                 "document_no": document_no}
        before = None
        if row is not None:
            before = {"result": row.result, "decided_on": row.decided_on.isoformat(),
                      "document_no": row.document_no}
            if before == after:
                return
            row.result, row.decided_on, row.document_no = result.value, day, document_no
            row.recorded_at, row.operator = self.clock(), self.operator
        else:
            s.add(m.Decision(packet_id=packet.id, result=result.value, decided_on=day,
                             document_no=document_no, recorded_at=self.clock(),
                             operator=self.operator))
        packet.version += 1
        self._event(s, "decision_recorded", applicant_id=packet.applicant_id,
                    packet_id=packet.id, detail={"before": before, "after": after,
                                                 "source": source})

    def _unit_row(self: Store, s: Session, unit: str) -> m.Unit:
        row = s.scalars(select(m.Unit).where(m.Unit.name == (unit or "").strip())).first()
        if row is None:
            raise NotFound(f"没有单位“{(unit or '').strip()}”。请按花名册中的单位全称填写。")
        return row

    def _unit_packets(self: Store, s: Session, unit_id: int, stage: PacketStage) -> list[int]:
        return list(s.scalars(
            select(m.Packet.id).join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
            .where(m.Applicant.unit_id == unit_id, m.Packet.stage == stage.value)
            .order_by(m.Applicant.name, m.Packet.id)))

    def _rounds_of(self: Store, s: Session, ids: list[int]) -> str:
        """The rounds of these packets, as a list names them (usually one: 2025H1)."""
        if not ids:
            return self.current_round().code
        codes: set[str] = set()
        for chunk in _chunks(ids):
            codes.update(s.scalars(select(m.Round.code).join(
                m.Packet, m.Packet.round_id == m.Round.id).where(m.Packet.id.in_(chunk))))
        return "、".join(sorted(codes))

    def _facts(self: Store, s: Session, ids: list[int]) -> list[_Facts]:
        facts: list[_Facts] = []
        for chunk in _chunks(ids):
            facts += [_Facts(*row) for row in s.execute(
                select(m.Packet.id, m.Applicant.name, m.Unit.name, m.Packet.stage,
                       m.Packet.point_id, m.Packet.round_id)
                .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
                .join(m.Unit, m.Applicant.unit_id == m.Unit.id)
                .where(m.Packet.id.in_(chunk)))]
        order = {pid: i for i, pid in enumerate(ids)}
        return sorted(facts, key=lambda f: order[f.packet_id])

    def _code(self: Store, s: Session, f: _Facts) -> str:
        return self._code_of(s, f.packet_id, f.point_id, f.round_id)

    def _point_code(self: Store) -> str:
        point = self.desk_point()
        return point.code if point else ""

    def _return_lines(self: Store, s: Session, ids: list[int]) -> tuple[ReturnLine, ...]:
        lines = []
        for chunk in _chunks(ids):
            for (pid, point_id, round_id, name, number, accepted, stage, result, day,
                 document_no) in s.execute(
                    select(m.Packet.id, m.Packet.point_id, m.Packet.round_id, m.Applicant.name,
                           m.Applicant.id_number, m.Packet.accepted, m.Packet.stage,
                           m.Decision.result, m.Decision.decided_on, m.Decision.document_no)
                    .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
                    .outerjoin(m.Decision, m.Decision.packet_id == m.Packet.id)
                    .where(m.Packet.id.in_(chunk))):
                lines.append(ReturnLine(
                    code=self._code_of(s, pid, point_id, round_id),
                    name=name, id_number=number,
                    decision=Decision(DecisionResult(result), day, document_no or "")
                    if result else None,
                    items={k: int(v) for k, v in (accepted or {}).items() if v},
                    stage=PacketStage(stage)))
        return tuple(sorted(lines, key=lambda line: (line.name, line.code)))


def _result(value: DecisionResult | str) -> DecisionResult:
    if isinstance(value, DecisionResult):
        return value
    text = str(value or "").strip()
    try:
        return DecisionResult(text.lower())
    except ValueError:
        parsed = parse_decision(text)
    if parsed is None:
        raise InputError(f"评审结果“{text}”无法识别：请写“通过”或“不通过”。")
    return parsed


def _document_no(text: str) -> str:
    text = " ".join((text or "").split())
    if len(text) > MAX_DOCUMENT_NO:
        raise InputError(f"文号过长（最多 {MAX_DOCUMENT_NO} 个字符）。")
    return text
