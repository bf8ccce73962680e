"""The Store: the one place that opens database sessions.

Every method is one transaction and returns plain values (zcdesk/domain/records.py).
A refused request raises a StoreError whose text tells the clerk, in Chinese,
what is wrong and what to do; nothing is written then.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import socket
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, String, func, select, type_coerce
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
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
from zcdesk.domain.eligibility import EligibilityChecker
from zcdesk.domain.flow import BatchStatus, Decision, DecisionResult, PacketStage
from zcdesk.domain.idnumber import id_problem, normalize_id
from zcdesk.domain.receipt import ReceiptNumber, parse_packet_code
from zcdesk.domain.records import (
    ApplicantForm,
    ApplicantInfo,
    AuditEntry,
    EventView,
    Lookup,
    LookupKind,
    PacketReport,
    PacketRow,
    PacketView,
    PointInfo,
    QualificationInfo,
    RecordResult,
    RoundInfo,
    VisitInfo,
    VisitSummary,
)
from zcdesk.domain.round_pack import RoundPack
from zcdesk.domain.scan import ScanKind, classify
from zcdesk.domain.text_rules import text_problem
from zcdesk.domain.workdays import DayKind
from zcdesk.store import audit_chain
from zcdesk.store import models as m
from zcdesk.store.batch_ops import BatchOps
from zcdesk.store.calendar_ops import CalendarOps, describe_calendar_event
from zcdesk.store.city_ops import CityOps, describe_city_event
from zcdesk.store.engine import WRITE, create_store_engine, sqlite_path
from zcdesk.store.errors import (
    ConcurrentChange,
    DatabaseUnavailable,
    InputError,
    NotFound,
    NothingToUndo,
    StoreError,
)
from zcdesk.store.infos import point_of_row, round_of_row
from zcdesk.store.migrate import ensure_schema
from zcdesk.store.operator_ops import (
    ROLES,
    SETUP_OPERATOR,
    OperatorOps,
    describe_operator_event,
)
from zcdesk.store.recording import rejection, valid_copies
from zcdesk.store.return_ops import ReturnOps
from zcdesk.store.roster_ops import EARLIEST_YEAR, FIELD_LABELS, FIELDS, YEAR_OF, RosterOps
from zcdesk.store.round_ops import RoundOps, describe_round_event
from zcdesk.store.statements import (
    COPY_EVENTS,
    COPY_KINDS,
    FIRST_RECEIPT,
    FROZEN,
    PACKET_BY_ID_NUMBER,
    PACKET_VIEW,
)
from zcdesk.store.stats_ops import StatsOps

if TYPE_CHECKING:
    from zcdesk.store import list_ops

log = logging.getLogger("zcdesk.store")
CONFLICT_MESSAGE = "另一窗口同时修改了同一数据，刚才的操作没有保存，请重试。"
SETTING_POINT = "desk.point"
SETTING_DESK = "desk.name"
# Whether the scanner sends Tab after a code: each counter PC has its own scanner.
SETTING_TAB_ENDS_SCAN = "desk.tab_ends_scan"
PER_HOST_SETTINGS = frozenset({SETTING_DESK, SETTING_TAB_ENDS_SCAN})

def _db_message(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return "数据库正被另一个窗口或程序占用，请稍候几秒再试；刚才的操作没有保存。"
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return "数据库文件已损坏或不是 zcdesk 数据库，请联系管理员从备份恢复。"
    if "readonly" in text or "read-only" in text:
        return "数据库文件只读，无法保存。请检查文件权限。"
    if "unable to open" in text:
        return "无法打开数据库文件，请检查路径和权限。"
    if "disk" in text and ("full" in text or "i/o" in text):
        return "磁盘已满或读写出错，刚才的操作没有保存。"
    if "connection" in text or "could not connect" in text:
        return "无法连接数据库服务器，请检查网络或联系管理员；刚才的操作没有保存。"
    return f"数据库出错，刚才的操作没有保存：{getattr(exc, 'orig', exc)}"


class Store(RosterOps, OperatorOps, CalendarOps, BatchOps, ReturnOps, CityOps, StatsOps,
            RoundOps):
    """Facade over the database for one desk and one operator."""

    def __init__(
        self,
        engine: Engine,
        *,
        operator: str | None = None,
        desk: str | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.operator = operator or SETUP_OPERATOR
        self._desk = desk
        self._round: RoundInfo | None = None
        self._checklists: dict[Scope, list[ChecklistItem]] = {}
        self._point: PointInfo | None = None
        self._code_cache: _Codes | None = None
        # round id → ((day, ban list version), its checker); round id → (SHA-256, pack)
        self._checker_cache: dict[int, tuple[tuple[object, ...], EligibilityChecker]] = {}
        self._rule_packs: dict[int, tuple[str, RoundPack]] = {}
        # (round id, scope) → (time.monotonic() read, items): another round's checklist
        self._round_checklists: dict[tuple[int, Scope], tuple[float, list[ChecklistItem]]] = {}

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        url: str,
        *,
        operator: str | None = None,
        desk: str | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> Store:
        """Open (creating and migrating as needed) the database at `url`."""
        engine = create_store_engine(url)
        try:
            ensure_schema(engine)
        except StoreError:
            engine.dispose()
            raise
        except (SQLAlchemyError, OSError) as exc:
            engine.dispose()
            raise DatabaseUnavailable(f"无法打开数据库：{_db_message(exc)}") from exc
        except Exception as exc:  # alembic wraps some failures in its own errors
            engine.dispose()
            raise DatabaseUnavailable(f"无法打开数据库：{exc}") from exc
        return cls(engine, operator=operator, desk=desk, clock=clock)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as session:
                yield session
        except StoreError:
            raise
        except (DBAPIError, SQLAlchemyError) as exc:
            raise DatabaseUnavailable(_db_message(exc)) from exc

    @contextmanager
    def _core(self) -> Iterator[Connection]:
        """A plain connection for bulk reads: the ORM's per-row work costs ~1 s at 100k."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except StoreError:
            raise
        except (DBAPIError, SQLAlchemyError) as exc:
            raise DatabaseUnavailable(_db_message(exc)) from exc

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One all-or-nothing write transaction; the events it wrote are sealed into the
        audit chain before it commits (store.audit_chain)."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**WRITE)
                with Session(bind=conn) as session, session.begin():
                    audit_chain.take_lock(session.connection())
                    yield session
                    session.flush()
                    audit_chain.seal(session.connection())
        except StoreError:
            raise
        except IntegrityError as exc:
            # Two desks wrote the same row at once; the database's own words are
            # for the log, not for the clerk.
            log.warning("write refused by a constraint: %s", exc.orig)
            raise InputError(CONFLICT_MESSAGE) from exc
        except (DBAPIError, SQLAlchemyError) as exc:
            raise DatabaseUnavailable(_db_message(exc)) from exc

    # ---------------------------------------------------------------- reference
    @property
    def desk(self) -> str:
        if self._desk is None:
            self._desk = self.setting(SETTING_DESK) or socket.gethostname() or "desk"
        return self._desk

    @staticmethod
    def _key(key: str) -> str:
        """Settings of one machine (its desk name) are kept per host: several desks
        share one office database, and each keeps its own name."""
        return f"{key}@{socket.gethostname()}" if key in PER_HOST_SETTINGS else key

    def setting(self, key: str) -> str | None:
        key = self._key(key)
        with self._read() as s:
            row = s.get(m.Setting, key)
            return row.value if row else None

    def set_setting(self, key: str, value: str) -> None:
        stored_key = self._key(key)
        with self._write() as s:
            old = s.get(m.Setting, stored_key)
            before = old.value if old else None
            if old:
                old.value = value
            else:
                s.add(m.Setting(key=stored_key, value=value))
            self._event(s, "setting_changed", detail={"key": stored_key, "before": before,
                                                      "after": value})
        if key == SETTING_DESK:
            self._desk = value
        if key == SETTING_POINT:
            self._point = None

    def current_round(self) -> RoundInfo:
        self._recheck_round()  # another desk may have switched rounds (round_ops.py)
        if self._round is None:
            with self._read() as s:
                row = s.scalars(select(m.Round).where(m.Round.is_current)).first()
                if row is None:
                    row = s.scalars(select(m.Round).order_by(m.Round.id.desc())).first()
                if row is None:
                    raise DatabaseUnavailable("数据库中没有任何申报批次（轮次）数据。")
                self._round = round_of_row(row)
        return self._round

    def round_info(self, code: str) -> RoundInfo:
        """One round by its code: a reprint shows the deadlines of the visit's own round,
        not those of the round current now (#11: history stays true)."""
        if code == self.current_round().code:
            return self.current_round()
        with self._read() as s:
            row = s.scalars(select(m.Round).where(m.Round.code == code)).first()
            if row is None:
                raise NotFound(f"没有轮次“{code}”。")
            return round_of_row(row)

    def points(self) -> list[PointInfo]:
        with self._read() as s:
            return [point_of_row(p) for p in s.scalars(select(m.AcceptancePoint)
                                                      .order_by(m.AcceptancePoint.id))]

    def desk_point(self) -> PointInfo | None:
        """The acceptance point this desk serves, or None until it is configured."""
        if self._point is None:
            code = self.setting(SETTING_POINT)
            if code:
                with self._read() as s:
                    row = s.scalars(select(m.AcceptancePoint)
                                    .where(m.AcceptancePoint.code == code)).first()
                    self._point = point_of_row(row) if row else None
        return self._point

    def set_desk_point(self, code: str) -> PointInfo:
        self.require_admin("设置受理点")
        code = code.strip().upper()
        # CITY makes this the city bureau's desk: it imports the districts'
        # transmittal files and checks their packets in (city_ops.py).
        if not any(p.code == code for p in self.points()):
            choices = "、".join(f"{p.code}（{p.short_name}）" for p in self.points())
            raise InputError(f"没有代码为“{code}”的受理点。可选：{choices}")
        self.set_setting(SETTING_POINT, code)
        point = self.desk_point()
        assert point is not None
        return point

    def _require_point(self) -> PointInfo:
        point = self.desk_point()
        if point is None:
            raise InputError("本机尚未设置所属受理点。请在“设置”中选择，"
                             "或运行 zcdesk desk --point 代码（如 SC）。")
        return point

    def checklist(self, scope: Scope = Scope.PACKET, round_id: int | None = None
                  ) -> list[ChecklistItem]:
        """The items a packet (or batch) is checked against: the current round's working
        rows, or, given another round's id, that round's own (from its stored pack)."""
        if round_id is not None and round_id != self.current_round().id:
            return self.round_checklist(round_id, scope)
        if scope not in self._checklists:
            with self._read() as s:
                rows = s.scalars(select(m.ChecklistItemRow)
                                 .where(m.ChecklistItemRow.scope == scope.value)
                                 .order_by(m.ChecklistItemRow.sort_order))
                self._checklists[scope] = [
                    ChecklistItem(code=r.code, name=r.name, short_name=r.short_name,
                                  scope=Scope(r.scope), copies_required=r.copies_required,
                                  checks=tuple(r.checks), sort_order=r.sort_order)
                    for r in rows]
        return self._checklists[scope]

    def catalogue(self) -> list[QualificationInfo]:
        with self._read() as s:
            return [QualificationInfo(q.seq, q.name, q.abbreviation, q.issuer, q.issuer_en,
                                      q.title, q.series, q.condition)
                    for q in s.scalars(select(m.Qualification).order_by(m.Qualification.seq))]

    def unit_names(self) -> list[str]:
        with self._read() as s:
            return list(s.scalars(select(m.Unit.name).order_by(m.Unit.name)))

    # --------------------------------------------------------------- applicants
    def validate_applicant(self, form: ApplicantForm) -> dict[str, str]:
        """Field → problem, for the add-applicant dialog as the clerk types."""
        problems: dict[str, str] = {}
        name = form.name.strip()
        if not name:
            problems["name"] = "请填写姓名。"
        elif len(name) > 64:
            problems["name"] = "姓名过长（最多 64 个字符）。"
        number = normalize_id(form.id_number)
        # The current round's ID kinds: which have a check digit, whether the list is open.
        problem = id_problem(form.id_kind, number, ids=self.rules_pack().ids)
        if problem:
            problems["id_number"] = problem.message
        if not form.unit.strip():
            problems["unit"] = "请填写工作单位。"
        elif len(form.unit.strip()) > 200:
            problems["unit"] = "单位名称过长（最多 200 个字符）。"
        for key, word in (("name", "姓名"), ("unit", "工作单位")):
            problem = text_problem(getattr(form, key), word)  # control, bidi, zero-width
            if problem is not None:
                problems.setdefault(key, problem)  # "请填写…"/"过长" stay first
        if len(form.unit_address.strip()) > 200:
            problems["unit_address"] = "单位地址过长（最多 200 个字符）。"
        if form.gender and form.gender not in ("男", "女"):
            problems["gender"] = "性别应为“男”或“女”。"
        if form.field_years is not None and not 0 <= form.field_years <= 70:
            problems["field_years"] = "工作年限应在 0 到 70 之间。"
        today = self.clock().date()
        for key, label in (("work_start", "参加工作时间"), ("graduated_on", "毕业时间"),
                           ("qualified_on", "取得时间")):
            value = getattr(form, key)
            if value is not None and not dt.date(EARLIEST_YEAR, 1, 1) <= value <= today:
                problems[key] = f"{label}不合理（应在 {EARLIEST_YEAR} 年到今天之间）。"
            year_key = YEAR_OF[key]  # a date a roster gave as a year alone
            year = getattr(form, year_key)
            if year is not None and not EARLIEST_YEAR <= year <= today.year:
                problems[year_key] = (f"{FIELD_LABELS[year_key]}不合理"
                                      f"（应在 {EARLIEST_YEAR} 年到今年之间）。")
        return problems

    def add_applicant(self, form: ApplicantForm) -> PacketView:
        """Register an applicant who is not in the roster, with a packet in this round."""
        problems = self.validate_applicant(form)
        if problems:
            raise InputError("；".join(problems.values()))
        number = normalize_id(form.id_number)
        point = self._require_point()
        round_ = self.current_round()
        with self._write() as s:
            unit = self._unit(s, form.unit.strip())
            values = {k: getattr(form, k) for k in FIELDS}
            values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
            applicant = s.scalars(select(m.Applicant)
                                  .where(m.Applicant.id_number == number)).first()
            if applicant is not None:
                # Known from an earlier round: this round gets its own packet.
                if s.scalar(select(m.Packet.id).where(m.Packet.applicant_id == applicant.id,
                                                      m.Packet.round_id == round_.id)):
                    raise InputError(f"证件号码 {number} 已登记，无需重复新增；请直接扫描该号码。")
                for key, value in values.items():
                    setattr(applicant, key, value)
                applicant.unit_id = unit.id
            else:
                applicant = m.Applicant(id_number=number, unit_id=unit.id,
                                        created_at=self.clock(), **values)
                s.add(applicant)
            s.flush()
            packet = m.Packet(applicant_id=applicant.id, round_id=round_.id,
                              point_id=point.id, status=PacketStatus.NONE.value,
                              accepted={}, version=0)
            s.add(packet)
            s.flush()
            self._event(s, "applicant_added", applicant_id=applicant.id, packet_id=packet.id,
                        detail={"name": applicant.name, "unit": unit.name,
                                "id_kind": applicant.id_kind})
            packet_id = packet.id
        self.refresh_eligibility()
        return self.packet(packet_id)

    @staticmethod
    def _unit(s: Session, name: str) -> m.Unit:
        unit = s.scalars(select(m.Unit).where(m.Unit.name == name)).first()
        if unit is None:
            unit = m.Unit(name=name)
            s.add(unit)
            s.flush()
        return unit

    # ------------------------------------------------------------------ lookups
    def lookup(self, raw: str) -> Lookup:
        """What the scan field does with an ID number, a receipt number or a name."""
        query = classify(raw)
        if query.kind is ScanKind.EMPTY:
            return Lookup(LookupKind.EMPTY, "请扫描或输入证件号码、收件号或姓名。")
        if query.kind is ScanKind.BAD_ID:
            return Lookup(LookupKind.REFUSED, query.problem, query=query.value,
                          query_kind=query.kind.value)
        round_ = self.current_round()
        with self._read() as s:
            if query.kind in (ScanKind.RESIDENT_ID, ScanKind.OTHER_ID):
                packet_id = s.scalar(PACKET_BY_ID_NUMBER,
                                     {"id_number": query.value, "round_id": round_.id})
                if packet_id is None:
                    known = s.scalar(select(m.Applicant.name)
                                     .where(m.Applicant.id_number == query.value))
                    message = (f"{known}（{query.value}）在本轮次还没有材料袋；按 F4 登记到本轮次。"
                               if known else f"没有证件号码为 {query.value} 的申报人。"
                               "请核对号码；确属新申报人可按 F4 新增。")
                    return Lookup(LookupKind.NOT_FOUND, message, query=query.value,
                                  query_kind=query.kind.value)
                return Lookup(LookupKind.FOUND, packet=self._view(s, packet_id),
                              query=query.value, query_kind=query.kind.value)
            if query.kind is ScanKind.PACKET_CODE:
                code = parse_packet_code(query.value)
                assert code is not None
                packet = s.get(m.Packet, code.packet_id)
                point = self.desk_point()
                if packet is None or packet.round_id != round_.id or (
                        point is not None and point.code != code.point_code):
                    return Lookup(LookupKind.NOT_FOUND,
                                  f"封面条码 {query.value} 不属于本受理点本轮次的材料袋。",
                                  query=query.value, query_kind=query.kind.value)
                return Lookup(LookupKind.FOUND, packet=self._packet_view(s, packet),
                              query=query.value, query_kind=query.kind.value)
            if query.kind is ScanKind.RECEIPT:
                visit = s.scalars(select(m.Visit)
                                  .where(m.Visit.receipt_no == query.value)).first()
                if visit is None:
                    return Lookup(LookupKind.NOT_FOUND, f"没有收件号 {query.value}。",
                                  query=query.value, query_kind=query.kind.value)
                rows = self._rows(s, m.Packet.id.in_(
                    select(m.Event.packet_id).where(m.Event.visit_id == visit.id)))
                info = self._visit_info(s, visit)
                return self._choice_or_one(s, rows, query.value, query.kind.value, info,
                                           f"收件 {visit.receipt_no} 中没有已登记的材料。")
            name = query.value
            rows = self._rows(s, m.Applicant.name == name)
            if not rows:
                pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%") \
                    .replace("_", "\\_") + "%"
                # Case-blind: the scan field upper-cases what it is given (Caps Lock).
                rows = self._rows(s, m.Applicant.name.ilike(pattern, escape="\\"), limit=200)
            return self._choice_or_one(s, rows, name, query.kind.value, None,
                                       f"没有姓名为“{name}”的申报人。可按 Ctrl+F 在列表中查找；"
                                       "确属新申报人可按 F4 新增。")

    def _choice_or_one(self, s: Session, rows: list[PacketRow], query: str, kind: str,
                       visit: VisitInfo | None, empty_message: str) -> Lookup:
        if not rows:
            return Lookup(LookupKind.NOT_FOUND, empty_message, query=query, query_kind=kind,
                          visit=visit)
        if len(rows) == 1:
            packet = s.get(m.Packet, rows[0].packet_id)
            assert packet is not None
            return Lookup(LookupKind.FOUND, packet=self._packet_view(s, packet), query=query,
                          query_kind=kind, visit=visit)
        return Lookup(LookupKind.CHOICE, f"找到 {len(rows)} 人，请选择。",
                      choices=tuple(rows), query=query, query_kind=kind, visit=visit)

    def packet(self, packet_id: int) -> PacketView:
        with self._read() as s:
            packet = s.get(m.Packet, packet_id)
            if packet is None:
                raise NotFound(f"没有编号为 {packet_id} 的材料袋。")
            return self._packet_view(s, packet)

    def packet_by_id_number(self, id_number: str) -> PacketView:
        number = normalize_id(id_number)
        with self._read() as s:
            packet = s.scalars(select(m.Packet).join(m.Applicant)
                               .where(m.Applicant.id_number == number,
                                      m.Packet.round_id == self.current_round().id)).first()
            if packet is None:
                raise NotFound(f"没有证件号码为 {number} 的申报人。")
            return self._packet_view(s, packet)

    def packet_rows(self, round_code: str | None = None) -> list[PacketRow]:
        """Every packet of the current round (or of `round_code`), for the main list."""
        round_id = self.round_info(round_code).id if round_code else None
        with self._core() as conn:
            return self._rows(conn, None, round_id=round_id)

    def packet_columns(self, round_code: str | None = None) -> list_ops.PacketColumns:
        """packet_rows() as columns (store/list_ops.py): the counter's list at 500,000."""
        from zcdesk.store.list_ops import packet_columns  # numpy: only the window needs it

        round_id = self.round_info(round_code).id if round_code else self.current_round().id
        with self._core() as conn:
            return packet_columns(conn, round_id)

    def packet_row(self, packet_id: int) -> PacketRow:
        with self._read() as s:
            rows = self._rows(s, m.Packet.id == packet_id)
            if not rows:
                raise NotFound(f"没有编号为 {packet_id} 的材料袋。")
            return rows[0]

    def _rows(self, s: Session | Connection, where: Any, limit: int | None = None, *,
              round_id: int | None = None) -> list[PacketRow]:
        # `accepted` is read as its JSON text and decoded once per distinct value:
        # a round has a handful of distinct values but up to 100,000 packets.
        stmt = (select(m.Packet.id, m.Applicant.id, m.Applicant.name, m.Applicant.id_number,
                       m.Unit.name, m.Packet.status, type_coerce(m.Packet.accepted, String),
                       m.Packet.eligibility, m.Packet.stage, m.Decision.result)
                .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
                .join(m.Unit, m.Applicant.unit_id == m.Unit.id)
                .outerjoin(m.Decision, m.Decision.packet_id == m.Packet.id)
                .where(m.Packet.round_id == (round_id or self.current_round().id))
                .order_by(m.Packet.id))
        if where is not None:
            stmt = stmt.where(where)
        if limit:
            stmt = stmt.limit(limit)
        decoded: dict[str | None, dict[str, int]] = {}
        rows = []
        for pid, aid, name, number, unit, status, accepted, verdict, stage, decision \
                in s.execute(stmt):
            if isinstance(accepted, dict):  # psycopg decodes json columns itself
                rows.append(PacketRow(pid, aid, name, number, unit, status, accepted, verdict,
                                      stage, decision))
                continue
            counts = decoded.get(accepted)
            if counts is None:
                counts = decoded[accepted] = json.loads(accepted) if accepted else {}
            rows.append(PacketRow(pid, aid, name, number, unit, status, counts, verdict, stage,
                                  decision))
        return rows

    def status_counts(self) -> dict[PacketStatus, int]:
        with self._read() as s:
            counts = dict(s.execute(
                select(m.Packet.status, func.count())
                .where(m.Packet.round_id == self.current_round().id)
                .group_by(m.Packet.status)).all())
        return {status: counts.get(status.value, 0) for status in PacketStatus}

    def status_report(self) -> list[dict[str, Any]]:
        """For `zcdesk status --json`: every packet with what came and what is missing."""
        return [{"id_number": r.id_number, "name": r.name, "unit": r.unit,
                 "status": r.status.value, "received": r.received, "missing": r.missing,
                 "eligibility": r.eligibility, "reasons": list(r.reasons)}
                for r in self.packet_reports()]

    def packet_reports(self) -> list[PacketReport]:
        """Every packet of the round with its checklist and pre-check, for lists and exports."""
        self.refresh_eligibility()
        items = self.checklist()
        with self._core() as conn:
            returned: dict[int, list[str]] = {}
            for pid, code, copies, reason, text in conn.execute(
                    select(m.Event.packet_id, m.Event.item_code, m.Event.copies, m.Event.reason,
                           m.Event.reason_text)
                    .where(m.Event.kind == CopyKind.REJECT.value, m.NOT_REVERSED)
                    .order_by(m.Event.id)):
                item = find_item(code or "", items)
                label = text if reason == RejectReason.OTHER.value else RejectReason(reason).label
                returned.setdefault(pid, []).append(
                    f"{item.short_name if item else code} 退回 {copies} 份：{label}")
            verdicts = {pid: (v, r) for pid, v, r in conn.execute(
                select(m.Packet.id, m.Packet.eligibility, m.Packet.eligibility_reasons)
                .where(m.Packet.round_id == self.current_round().id))}
            reports = []
            for row in self._rows(conn, None):
                received = {i.code: int(row.accepted.get(i.code, 0)) for i in items}
                missing = {i.code: i.copies_required - received[i.code] for i in items
                           if received[i.code] < i.copies_required}
                verdict, reasons = verdicts.get(row.packet_id, (None, None))
                reports.append(PacketReport(
                    id_number=row.id_number, name=row.name, unit=row.unit,
                    status=PacketStatus(row.status), received=received, missing=missing,
                    missing_text="、".join(f"{i.short_name} {missing[i.code]} 份" for i in items
                                          if i.code in missing),
                    returned_text="；".join(returned.get(row.packet_id, [])),
                    eligibility=verdict or "unknown", reasons=tuple(reasons or ())))
            return reports

    # ------------------------------------------------------------------- visits
    def open_visit(self, visitor_name: str = "", visitor_phone: str = "",
                   visitor_unit: str = "") -> VisitInfo:
        """Start a hand-in and give it the next receipt number of this point and round."""
        phone = visitor_phone.strip()
        if phone and not all(c.isdigit() or c in "-+ ()" for c in phone):
            raise InputError("联系电话只能包含数字、空格和 - + ( )。")
        if len(visitor_name.strip()) > 64 or len(visitor_unit.strip()) > 200 or len(phone) > 32:
            raise InputError("递交人信息过长，请检查。")
        point = self._require_point()
        self._recheck_round(force=True)  # a receipt number is never of a round just left
        round_ = self.current_round()
        self._ensure_counter(point.id, round_.id)
        with self._write() as s:
            # The row lock makes two desks take numbers one after the other.
            counter = s.get(m.ReceiptCounter, (point.id, round_.id), with_for_update=True)
            assert counter is not None
            counter.last_seq += 1
            number = ReceiptNumber(point.code, round_.code, counter.last_seq)
            visit = m.Visit(receipt_no=str(number), point_id=point.id, round_id=round_.id,
                            seq=counter.last_seq, visitor_name=visitor_name.strip(),
                            visitor_phone=phone, visitor_unit=visitor_unit.strip(),
                            opened_at=self.clock(), closed_at=None, operator=self.operator,
                            desk=self.desk)
            s.add(visit)
            s.flush()
            self._event(s, "visit_opened", visit_id=visit.id,
                        detail={"receipt_no": visit.receipt_no})
            return self._visit_info(s, visit)

    def _ensure_counter(self, point_id: int, round_id: int) -> None:
        """The receipt counter row exists before anyone locks it (two desks may race
        to create it: the loser's insert fails harmlessly)."""
        with self._read() as s:
            if s.get(m.ReceiptCounter, (point_id, round_id)) is not None:
                return
        try:
            with self._write() as s:
                s.add(m.ReceiptCounter(point_id=point_id, round_id=round_id, last_seq=0))
        except InputError:  # IntegrityError: another desk created it first
            pass

    def visit(self, visit_id: int) -> VisitInfo:
        with self._read() as s:
            visit = s.get(m.Visit, visit_id)
            if visit is None:
                raise NotFound(f"没有编号为 {visit_id} 的收件记录。")
            return self._visit_info(s, visit)

    def open_visit_of_desk(self) -> VisitInfo | None:
        """The visit this desk left open (after a restart, the clerk carries on)."""
        return self._latest_visit_of_desk(m.Visit.closed_at.is_(None))

    def last_closed_visit_of_desk(self) -> VisitInfo | None:
        """The visit this desk finished last: what 收件回执… offers, after a restart too."""
        return self._latest_visit_of_desk(m.Visit.closed_at.is_not(None))

    def _latest_visit_of_desk(self, condition: Any) -> VisitInfo | None:
        with self._read() as s:
            visit = s.scalars(select(m.Visit).where(m.Visit.desk == self.desk, condition)
                              .order_by(m.Visit.id.desc())).first()
            return self._visit_info(s, visit) if visit else None

    def visit_by_receipt(self, receipt_no: str) -> VisitInfo:
        with self._read() as s:
            visit = s.scalars(select(m.Visit)
                              .where(m.Visit.receipt_no == receipt_no.strip().upper())).first()
            if visit is None:
                raise NotFound(f"没有收件号 {receipt_no.strip()}。")
            return self._visit_info(s, visit)

    def visit_summary(self, visit_id: int) -> VisitSummary:
        with self._read() as s:
            visit = s.get(m.Visit, visit_id)
            if visit is None:
                raise NotFound(f"没有编号为 {visit_id} 的收件记录。")
            # Only packets with a recording that still stands: one whose every recording
            # was undone (the repair after a wrong scan) was never handed in on this visit.
            packet_ids = s.scalars(select(m.Event.packet_id).where(
                m.Event.visit_id == visit_id, m.Event.packet_id.is_not(None),
                m.Event.reverses_id.is_(None), m.Event.kind != "reversal", m.NOT_REVERSED)
                .group_by(m.Event.packet_id).order_by(func.min(m.Event.id)))
            packets = tuple(self._packet_view(s, s.get(m.Packet, pid)) for pid in packet_ids)
            return VisitSummary(self._visit_info(s, visit), packets)

    def close_visit(self, visit_id: int) -> VisitSummary:
        """Close the hand-in; when something is missing, fix the correction deadline
        the one-time notice gives the visitor."""
        incomplete = bool(self.visit_summary(visit_id).incomplete)
        with self._write() as s:
            visit = s.get(m.Visit, visit_id)
            if visit is None:
                raise NotFound(f"没有编号为 {visit_id} 的收件记录。")
            if visit.closed_at is None:
                visit.closed_at = self.clock()
                if incomplete:
                    # capped at the current round's paper deadline: a visit is always the
                    # current round's (no round is switched while one is open)
                    visit.correction_due = self._correction_due(visit.closed_at)
                self._event(s, "visit_closed", visit_id=visit.id,
                            detail={"receipt_no": visit.receipt_no,
                                    "correction_due": visit.correction_due.isoformat()
                                    if visit.correction_due else None})
        return self.visit_summary(visit_id)

    # ------------------------------------------------------------------- copies
    def accept(self, packet_id: int, item_code: str, copies: int, *,
               visit_id: int | None = None, expected_version: int | None = None,
               ) -> RecordResult:
        """Record `copies` accepted copies of one item; never beyond what is required.

        `expected_version`: the packet's version the clerk was shown; if another
        desk wrote since, ConcurrentChange carries the fresh state instead.
        """
        item = self._item(item_code)
        copies = valid_copies(copies)
        with self._write() as s:
            packet = self._packet_for_write(s, packet_id, expected_version)
            self._check_current_round(s, packet)
            self._check_not_frozen(s, packet)
            self._check_visit(s, visit_id)
            events = self._copy_events(s, packet.id)
            already = self._state_of(packet.round_id, events).item(item.code).accepted
            plan = plan_accept(item, already, copies)
            warning = plan.warning(item, already)
            if plan.counted == 0:
                raise InputError(warning)
            event = self._event(s, CopyKind.ACCEPT.value, applicant_id=packet.applicant_id,
                                packet_id=packet.id, visit_id=visit_id, item_code=item.code,
                                copies=plan.counted,
                                detail={"offered": copies} if plan.surplus else {})
            view = self._refresh(s, packet, self._state_of(
                packet.round_id, [*events, CopyEvent(CopyKind.ACCEPT, item.code, plan.counted)]))
            message = f"{item.short_name} 收 {plan.counted} 份。{view.state.missing_text()}"
            return RecordResult(view, event.id, message, warning)

    def reject(self, packet_id: int, item_code: str, copies: int, reason: RejectReason | str,
               text: str = "", *, visit_id: int | None = None,
               expected_version: int | None = None) -> RecordResult:
        """Record copies handed back with the reason; they never count."""
        item = self._item(item_code)
        copies = valid_copies(copies)
        reason, text = rejection(reason, text)
        with self._write() as s:
            packet = self._packet_for_write(s, packet_id, expected_version)
            self._check_current_round(s, packet)
            self._check_not_frozen(s, packet)
            self._check_visit(s, visit_id)
            event = self._event(s, CopyKind.REJECT.value, applicant_id=packet.applicant_id,
                                packet_id=packet.id, visit_id=visit_id, item_code=item.code,
                                copies=copies, reason=reason.value, reason_text=text)
            view = self._refresh(s, packet)
            label = text if reason is RejectReason.OTHER else reason.label
            message = f"{item.short_name} 退回 {copies} 份：{label}。请将该份材料退还递交人。"
            return RecordResult(view, event.id, message)

    def undo_last(self) -> RecordResult:
        """Reverse this operator's last copy action by a reversal event."""
        with self._write() as s:
            # The current round's only: after a switch, Ctrl+Z never reaches back into
            # the round just left (its receipts are handed out).
            current = select(m.Round.id).where(m.Round.is_current).scalar_subquery()
            target = s.scalars(
                select(m.Event).join(m.Packet, m.Packet.id == m.Event.packet_id)
                .where(m.Event.operator == self.operator, m.Event.kind.in_(COPY_KINDS),
                       m.NOT_REVERSED, m.Packet.round_id == current)
                .order_by(m.Event.id.desc()).limit(1)).first()
            if target is None:
                raise NothingToUndo("没有可撤销的操作。")
            packet = self._packet_for_write(s, target.packet_id or 0)
            self._check_not_frozen(s, packet)
            event = self._event(s, "reversal", applicant_id=target.applicant_id,
                                packet_id=target.packet_id, visit_id=target.visit_id,
                                item_code=target.item_code, copies=target.copies,
                                reverses_id=target.id)
            view = self._refresh(s, packet)
            what = "收" if target.kind == CopyKind.ACCEPT.value else "退回"
            item = self._item(target.item_code or "")
            message = (f"已撤销：{view.applicant.name} {item.short_name} {what} "
                       f"{target.copies} 份。{view.state.missing_text()}")
            return RecordResult(view, event.id, message)

    def history(self, applicant_id: int) -> list[EventView]:
        """Everything recorded for one applicant, oldest first."""
        with self._read() as s:
            rows = s.execute(
                select(m.Event, m.REVERSAL.id)
                .outerjoin(m.REVERSAL, m.REVERSAL.reverses_id == m.Event.id)
                .where(m.Event.applicant_id == applicant_id).order_by(m.Event.id)).all()
            return [EventView(e.id, e.at, e.kind, e.operator, e.desk, self._describe(e),
                              rev, dict(e.detail or {})) for e, rev in rows]

    # ------------------------------------------------------------------ batches
    def point(self, code: str) -> PointInfo:
        for point in self.points():
            if point.code == code.strip().upper():
                return point
        raise NotFound(f"没有代码为“{code}”的受理点。")

    def backup_to(self, target: Path) -> Path:
        """A checked copy of the SQLite database at `target` (owner-only)."""
        self.require_admin("备份")
        path = sqlite_path(str(self.engine.url))
        if path is None:
            raise InputError("PostgreSQL 数据库请用 pg_dump / pg_restore 备份和恢复（见 README）。")
        from zcdesk.store.backup import backup_to  # lazy: not on the scan path

        return backup_to(path, target)

    def automatic_backup(self, keep: int = 14) -> Path | None:
        """A daily checked copy of a SQLite database into its own backup folder beside
        it (the window calls this at start and every hour); None when not due."""
        path = sqlite_path(str(self.engine.url))
        if path is None:
            return None
        from zcdesk.store.backup import automatic_backup, backup_folder  # not on the scan path

        return automatic_backup(path, backup_folder(path), keep=keep, now=self.clock())

    def check(self) -> list[str]:
        """Consistency of the data (empty: all is well), in words for the office lead.

        Every packet's cached status equals what its events imply; receipt
        numbers run without gaps; SQLite's own integrity check passes; the audit
        trail's hash chain holds, its triggers are in place and its ids have no gaps.
        """
        problems: list[str] = []
        path = sqlite_path(str(self.engine.url))
        if path is not None:
            from zcdesk.store.backup import integrity_problems  # lazy: admin only

            problems += integrity_problems(path)
        with self._read() as s:
            events: dict[int, list[CopyEvent]] = {}
            for pid, kind, code, copies, reason, text in s.execute(
                    select(m.Event.packet_id, m.Event.kind, m.Event.item_code, m.Event.copies,
                           m.Event.reason, m.Event.reason_text)
                    .where(m.Event.kind.in_(COPY_KINDS), m.NOT_REVERSED).order_by(m.Event.id)):
                events.setdefault(pid, []).append(CopyEvent(
                    CopyKind(kind), code or "", copies or 0,
                    RejectReason(reason) if reason else None, text or ""))
            for pid, round_id, status, accepted, name in s.execute(
                    select(m.Packet.id, m.Packet.round_id, m.Packet.status, m.Packet.accepted,
                           m.Applicant.name)
                    .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)):
                state = self._state_of(round_id, events.get(pid, []))  # its round's checklist
                cached = {k: v for k, v in (accepted or {}).items() if v}
                expected = {k: v for k, v in state.received.items() if v}
                if status != state.status.value or cached != expected:
                    problems.append(f"材料袋 {pid}（{name}）的状态与登记记录不符："
                                    f"记为 {status} {cached}，应为 {state.status.value} {expected}")
            for point_id, round_id, last in s.execute(select(
                    m.ReceiptCounter.point_id, m.ReceiptCounter.round_id,
                    m.ReceiptCounter.last_seq)):
                seqs = sorted(s.scalars(select(m.Visit.seq).where(
                    m.Visit.point_id == point_id, m.Visit.round_id == round_id)))
                if seqs != list(range(1, last + 1)):
                    problems.append(f"收件号不连续（受理点 {point_id}，轮次 {round_id}）："
                                    f"计数 {last}，实有 {len(seqs)} 个")
            problems += self._stage_problems(s)
            problems += audit_chain.verify(s.connection())
        return problems

    def chain_head(self) -> audit_chain.ChainHead:
        """The audit chain's head, for backups and transmittal lists."""
        with self._read() as s:
            return audit_chain.head(s.connection())

    def _stage_problems(self, s: Session) -> list[str]:
        """Each packet's cached stage agrees with its batch (one query), and each
        batch's item cache with its item events."""
        problems = []
        after_handover = {PacketStage.HANDED_OVER.value, PacketStage.BACK.value,
                          PacketStage.RETURNED.value, PacketStage.ARCHIVED.value}
        for pid, stage, name, batch_no, status in s.execute(
                select(m.Packet.id, m.Packet.stage, m.Applicant.name, m.Batch.batch_no,
                       m.Batch.status)
                .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
                .outerjoin(m.BatchPacket, m.BatchPacket.packet_id == m.Packet.id)
                .outerjoin(m.Batch, m.Batch.id == m.BatchPacket.batch_id)
                .where(m.Packet.round_id == self.current_round().id)):
            if status is None:
                ok = stage == PacketStage.COUNTER.value
            elif status == BatchStatus.HANDED_OVER.value:
                ok = stage in after_handover
            else:
                ok = stage == PacketStage.BATCHED.value
            if not ok:
                where = (f"在批次 {batch_no}（{BatchStatus(status).label}）" if status
                         else "不在批次中")
                problems.append(f"材料袋 {pid}（{name}）的环节记为 {stage}，但它{where}")
        problems += self._frozen_problems(s)
        for batch in s.scalars(select(m.Batch).order_by(m.Batch.id)):
            expected = {k: v for k, v in self._batch_state(s, batch.id).received.items() if v}
            cached = {k: v for k, v in (batch.items or {}).items() if v}
            if cached != expected:
                problems.append(f"批次 {batch.batch_no} 的批次材料记为 {cached}，"
                                f"登记记录为 {expected}")
        return problems

    def _frozen_problems(self, s: Session) -> list[str]:
        """A closed or handed-over batch holds only complete packets, and its frozen
        manifest still gives the hash printed on its transmittal list."""
        from zcdesk.importing.transmittal_file import manifest_sha256  # lazy: admin only

        frozen = (BatchStatus.CLOSED.value, BatchStatus.HANDED_OVER.value)
        problems = [f"批次 {batch_no}（{BatchStatus(status).label}）中的材料袋 {pid}（{name}）"
                    f"材料不齐（{PacketStatus(packet_status).label}）"
                    for batch_no, status, pid, name, packet_status in s.execute(
                        select(m.Batch.batch_no, m.Batch.status, m.Packet.id,
                               m.Applicant.name, m.Packet.status)
                        .join(m.BatchPacket, m.BatchPacket.batch_id == m.Batch.id)
                        .join(m.Packet, m.Packet.id == m.BatchPacket.packet_id)
                        .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
                        .where(m.Batch.status.in_(frozen),
                               m.Packet.status != PacketStatus.COMPLETE.value)
                        .order_by(m.Batch.id, m.Packet.id))]
        for batch_no, manifest, sha in s.execute(
                select(m.Batch.batch_no, m.Batch.manifest, m.Batch.sha256)
                .where(m.Batch.status.in_(frozen)).order_by(m.Batch.id)):
            if manifest is None or manifest_sha256(manifest) != sha:
                problems.append(f"批次 {batch_no} 封批时保存的清单与其校验值"
                                f"（{(sha or '')[:12]}…）不符")
        return problems

    def audit(self, since: dt.date | None = None) -> list[AuditEntry]:
        """The whole trail (oldest first), optionally from a day on."""
        with self._read() as s:
            stmt = (select(m.Event, m.REVERSAL.id, m.Applicant.name, m.Applicant.id_number)
                    .outerjoin(m.REVERSAL, m.REVERSAL.reverses_id == m.Event.id)
                    .outerjoin(m.Applicant, m.Applicant.id == m.Event.applicant_id)
                    .order_by(m.Event.id))
            if since is not None:
                stmt = stmt.where(m.Event.at >= dt.datetime.combine(since, dt.time()))
            return [AuditEntry(e.id, e.at, e.kind, e.operator, e.desk, name or "", number or "",
                               self._describe(e), rev, dict(e.detail or {}))
                    for e, rev, name, number in s.execute(stmt)]

    # ----------------------------------------------------------------- internal
    def _item(self, code: str) -> ChecklistItem:
        items = self.checklist()
        item = find_item(code, items)
        if item is None:
            names = "、".join(f"{i.short_name}（{i.code}）" for i in items)
            raise InputError(f"材料名称“{code}”无法识别。可选：{names}")
        return item

    def _packet_for_write(self, s: Session, packet_id: int,
                          expected_version: int | None = None) -> m.Packet:
        """The packet row, locked (SELECT … FOR UPDATE on PostgreSQL; SQLite's write
        transaction already holds the database) and, if asked, still as shown."""
        packet = s.get(m.Packet, packet_id, with_for_update=True)
        if packet is None:
            raise NotFound(f"没有编号为 {packet_id} 的材料袋。")
        if expected_version is not None and packet.version != expected_version:
            fresh = self._view(s, packet.id)
            raise ConcurrentChange(
                f"另一窗口刚刚更新了 {fresh.applicant.name} 的材料（现在：{fresh.status.label}，"
                f"{fresh.state.missing_text()}）。刚才的操作没有保存，请看清最新状态后再登记。",
                fresh)
        return packet

    def _check_current_round(self, s: Session, packet: m.Packet) -> None:
        """Copies are recorded for the current round only, read in this transaction:
        another desk may have switched rounds since this desk last looked (30 s)."""
        current = s.scalar(select(m.Round.id).where(m.Round.is_current))
        if current is None or packet.round_id == current:
            return
        self._forget_round()  # this desk catches up at once
        code = s.scalar(select(m.Round.code).where(m.Round.id == packet.round_id))
        now = s.scalar(select(m.Round.code).where(m.Round.id == current))
        raise InputError(f"该材料袋属于轮次 {code}，当前轮次已是 {now}：不能再为它登记。"
                         "请重新扫描证件号码，打开本轮次的材料袋。")

    @staticmethod
    def _check_not_frozen(s: Session, packet: m.Packet) -> None:
        """A packet in a closed or handed-over batch is frozen: what its manifest says
        (and the printed hash stands for) must stay what the counter recorded."""
        if packet.stage == PacketStage.COUNTER.value:
            return  # the scan loop's usual case: no query
        row = s.execute(FROZEN, {"packet_id": packet.id}).first()
        if packet.stage == PacketStage.BATCHED.value and (
                row is None or row[1] == BatchStatus.OPEN.value):
            return
        batch_no = row[0] if row else ""
        if packet.stage == PacketStage.BATCHED.value:
            raise InputError(f"该材料袋所在批次 {batch_no} 已封批，不能再登记或撤销；"
                             "确需更正，请管理员先重开该批次（须写明原因）。")
        raise InputError(f"该材料袋所在批次 {batch_no} 已封批并已移交市局"
                         f"（现为{PacketStage(packet.stage).label}），不能再登记或撤销。")

    def _packets_for_refs(self, s: Session, refs: Sequence[str] | str) -> list[int]:
        """Packet ids for packet codes (cover barcodes) and ID numbers, in order, once
        each; NotFound listing every ref that names no packet of this round."""
        if isinstance(refs, str):
            refs = [refs]
        cleaned = [str(r).strip() for r in refs or () if r is not None and str(r).strip()]
        if not cleaned:
            raise InputError("请给出材料袋：封面条码（如 SC-2025H1-P000123）或证件号码。")
        round_ = self.current_round()
        codes = self._codes(s)
        found: dict[int, None] = {}
        unknown: list[str] = []
        for ref in cleaned:
            code = parse_packet_code(ref)
            if code is not None:
                row = s.execute(select(m.Packet.point_id, m.Packet.round_id)
                                .where(m.Packet.id == code.packet_id)).first()
                if row is not None and codes.points.get(row[0]) == code.point_code \
                        and codes.rounds.get(row[1]) == code.round_code:
                    found[code.packet_id] = None
                else:
                    unknown.append(ref.upper())
                continue
            number = normalize_id(ref)
            packet_id = s.scalar(PACKET_BY_ID_NUMBER,
                                 {"id_number": number, "round_id": round_.id})
            if packet_id is None:
                unknown.append(number or ref)
            else:
                found[packet_id] = None
        if unknown:
            raise NotFound("找不到这些材料袋（本轮次没有对应的封面条码或证件号码）："
                           + "、".join(unknown) + "。请核对后重试；未作任何改动。")
        return list(found)

    @staticmethod
    def _check_visit(s: Session, visit_id: int | None) -> None:
        if visit_id is None:
            return
        visit = s.get(m.Visit, visit_id)
        if visit is None:
            raise NotFound(f"没有编号为 {visit_id} 的收件记录。")
        if visit.closed_at is not None:
            raise InputError(f"收件 {visit.receipt_no} 已完成，不能再登记材料；请新建收件（F2）。")

    def _event(self, s: Session, kind: str, **values: Any) -> m.Event:
        values.setdefault("detail", {})
        event = m.Event(at=self.clock(), kind=kind, operator=self.operator, desk=self.desk,
                        **values)
        s.add(event)
        s.flush()
        return event

    def _copy_events(self, s: Session, packet_id: int) -> list[CopyEvent]:
        rows = s.execute(COPY_EVENTS, {"packet_id": packet_id})
        return [CopyEvent(CopyKind(kind), code or "", copies or 0,
                          RejectReason(reason) if reason else None, text or "")
                for kind, code, copies, reason, text in rows]

    def _state(self, s: Session, packet: m.Packet) -> PacketState:
        return self._state_of(packet.round_id, self._copy_events(s, packet.id))

    def _state_of(self, round_id: int, events: list[CopyEvent]) -> PacketState:
        """A packet's state, checked against its own round's checklist."""
        return compute_state(self.checklist(round_id=round_id), events)

    def _refresh(self, s: Session, packet: m.Packet,
                 state: PacketState | None = None) -> PacketView:
        """Rewrite the packet's cached status after an event, in the same transaction.

        `state`: the new state when the caller already knows it (saves a query)."""
        state = state or self._state(s, packet)
        packet.status = state.status.value
        packet.accepted = {k: v for k, v in state.received.items() if v}
        packet.version += 1
        s.flush()
        return self._packet_view(s, packet, state)

    def _packet_view(self, s: Session, packet: m.Packet,
                     state: PacketState | None = None) -> PacketView:
        return self._view(s, packet.id, state)

    def _view(self, s: Session, packet_id: int, state: PacketState | None = None) -> PacketView:
        """A packet as the panel shows it: three indexed queries, no ORM objects."""
        params = {"packet_id": packet_id}
        row = s.execute(PACKET_VIEW, params).one()
        if state is None:
            state = self._state_of(row[3], self._copy_events(s, packet_id))
        return self._make_view(s, row, state, s.scalar(FIRST_RECEIPT, params) or "")

    def _make_view(self, s: Session, row: Any, state: PacketState, receipt_no: str,
                   checker: EligibilityChecker | None = None) -> PacketView:
        """A PacketView from a `PACKET_VIEW_ROWS` row, its state and first receipt.
        `checker`: the pre-check of the row's round, from a caller showing many rows."""
        codes = self._codes(s)
        applicant = ApplicantInfo(*row[11:])
        # The packet's own round's verdict (migration 0010); one not yet computed is
        # judged now by that round's pack (one applicant is cheap).
        verdict, reasons = row[4], row[5]
        if verdict is None:
            try:
                result = (checker or self._checker(row[3])).check(applicant)
                verdict, reasons = result.verdict.value, list(result.reasons)
            except InputError:  # that round's stored pack is unreadable: shown as 未预审
                pass
        return PacketView(
            packet_id=row[0], version=row[1], applicant=applicant, state=state,
            point_code=codes.points.get(row[2], ""), round_code=codes.rounds.get(row[3], ""),
            receipt_no=receipt_no, eligibility=verdict or "unknown",
            eligibility_reasons=tuple(reasons or ()), stage=PacketStage(row[6]),
            batch_no=row[7] or "",
            decision=Decision(DecisionResult(row[8]), row[9], row[10] or "") if row[8] else None)

    def _codes(self, s: Session) -> _Codes:
        """Acceptance point and round codes by id (reference data, read once)."""
        if self._code_cache is None:
            self._code_cache = _Codes(
                dict(s.execute(select(m.AcceptancePoint.id, m.AcceptancePoint.code)).all()),
                dict(s.execute(select(m.Round.id, m.Round.code)).all()))
        return self._code_cache

    @staticmethod
    def _visit_info(s: Session, visit: m.Visit) -> VisitInfo:
        point = s.get(m.AcceptancePoint, visit.point_id)
        round_ = s.get(m.Round, visit.round_id)
        return VisitInfo(visit.id, visit.receipt_no, visit.visitor_name, visit.visitor_phone,
                         visit.visitor_unit, visit.opened_at, visit.closed_at, visit.operator,
                         visit.desk, point.code if point else "", round_.code if round_ else "",
                         visit.correction_due)

    def _describe(self, e: m.Event) -> str:
        items = [*self.checklist(), *self.checklist(Scope.BATCH)]
        item = find_item(e.item_code or "", items)
        item_name = item.short_name if item else (e.item_code or "")
        detail = e.detail or {}
        batch_no = detail.get("batch_no", "")
        city = describe_city_event(e.kind, detail)
        if city:
            return city
        if e.kind in COPY_KINDS:
            return _copy_words(e, item_name)
        if e.kind == "reversal":
            where = f"批次 {batch_no} " if e.batch_id else ""
            # The undone record is listed greyed just above; its number means nothing to a clerk.
            return f"撤销一次登记：{where}{item_name} {e.copies} 份"
        if e.kind == "applicant_added":
            return f"新增申报人（{detail.get('unit', '')}）"
        if e.kind == "applicant_updated":
            changed = "、".join(detail.get("changes", {}))
            if detail.get("source") == "undo_import":
                return f"撤销导入花名册，恢复：{changed}"
            return f"花名册更新：{changed}"
        flow = _describe_flow(e, item_name, detail, batch_no)
        if flow:
            return flow
        other = _describe_other(e.kind, detail)
        if other:
            return other
        return {"visit_opened": "开始收件", "visit_closed": "完成收件",
                "roster_imported": "导入花名册", "roster_import_undone": "撤销导入花名册",
                "bans_imported": "导入禁报名单",
                "setting_changed": "修改设置"}.get(e.kind, e.kind)


def _day_words(value: Any) -> str:
    if not isinstance(value, dict) or not value.get("kind"):
        return "按平常周末"
    try:
        label = DayKind(value["kind"]).label
    except ValueError:
        label = str(value["kind"])
    return f"{label}（{value['name']}）" if value.get("name") else label


def _describe_other(kind: str, detail: dict[str, Any]) -> str:
    """Calendar, operator and round events, in words."""
    rounds = describe_round_event(kind, detail)
    if rounds:
        return rounds
    calendar = describe_calendar_event(kind, detail)
    if calendar:
        return calendar
    operators = describe_operator_event(kind, detail)
    if operators:
        return operators
    if kind == "calendar_changed":
        return f"节假日设置：{detail.get('day', '')} {_day_words(detail.get('after'))}" \
               + (f"（原为{_day_words(detail.get('before'))}）" if detail.get("before") else "")
    if kind == "login":
        return f"登录（{ROLES.get(str(detail.get('role')), detail.get('role', ''))}）"
    if kind == "operator_added":
        return f"新增操作员 {detail.get('name', '')}" \
               f"（{ROLES.get(str(detail.get('role')), detail.get('role', ''))}）"
    if kind == "operator_changed":
        return f"{'启用' if detail.get('active') else '停用'}操作员 {detail.get('name', '')}"
    if kind == "pin_changed":
        return f"操作员 {detail.get('name', '')} 修改 PIN"
    if kind == "pin_reset":
        return f"重置操作员 {detail.get('name', '')} 的 PIN"
    return ""


def _decision_words(value: Any) -> str:
    if not isinstance(value, dict):
        return "无"
    label = DecisionResult(value["result"]).label if value.get("result") else ""
    number = f"，{value['document_no']}" if value.get("document_no") else ""
    return f"{label}（{value.get('decided_on', '')}{number}）"


def _copy_words(e: m.Event, item_name: str) -> str:
    """An accept or reject (of a packet's or a batch's item), in words."""
    if e.kind in (CopyKind.ACCEPT.value, "batch_accept"):
        return f"{item_name} 收 {e.copies} 份"
    label = RejectReason(e.reason).label if e.reason else ""
    return f"{item_name} 退回 {e.copies} 份：{e.reason_text or label}"


def _describe_flow(e: m.Event, item_name: str, detail: dict[str, Any], batch_no: str) -> str:
    """Batches, hand-over, decisions and returns, in words for history and audit."""
    kind = e.kind
    if kind == "batch_created":
        return f"组批 {batch_no}（{detail.get('packets', 0)} 个材料袋）"
    if kind == "batch_packet_added":
        return f"加入批次 {batch_no}"
    if kind == "batch_packet_removed":
        return f"移出批次 {batch_no}，回到窗口"
    if kind in ("batch_accept", "batch_reject"):
        return f"批次 {batch_no} {_copy_words(e, item_name)}"
    if kind == "batch_closed":
        return f"批次 {batch_no} 封批（{detail.get('packets', 0)} 个材料袋，" \
               f"校验值 {str(detail.get('sha256', ''))[:12]}…）"
    if kind == "batch_reopened":
        return f"批次 {batch_no} 重开：{detail.get('reason', '')}" \
               f"（原校验值 {str(detail.get('old_sha256', ''))[:12]}…作废）"
    if kind == "batch_handed_over":
        return f"批次 {batch_no} 移交：{detail.get('handed_by', '')} → " \
               f"{detail.get('received_by', '')}（{detail.get('packets', 0)} 个材料袋）"
    if kind == "packet_batch_closed":
        return f"所在批次 {batch_no} 封批"
    if kind == "packet_batch_reopened":
        return f"所在批次 {batch_no} 重开：{detail.get('reason', '')}"
    if kind == "packet_handed_over":
        return f"随批次 {batch_no} 移交市局（已移交）"
    if kind == "batch_exported":
        return f"批次 {batch_no} 导出移交文件 {detail.get('file', '')}"
    if kind == "decision_recorded":
        if detail.get("before"):
            return f"评审结果更正：{_decision_words(detail['before'])} → " \
                   f"{_decision_words(detail.get('after'))}"
        return f"登记评审结果：{_decision_words(detail.get('after'))}"
    if kind == "decisions_imported":
        skipped = f"，{detail['skipped']} 行非本受理点已跳过" if detail.get("skipped") else ""
        if detail.get("refused"):  # written before imports became all or nothing
            skipped += f"，{detail['refused']} 行未导入"
        return f"导入评审结果：登记 {detail.get('recorded', 0)} 人，更正 " \
               f"{detail.get('changed', 0)} 人{skipped}"
    if kind == "received_back":
        return "材料从市局收回（已回收）"
    if kind == "packet_returned":
        return f"返还单位：{detail.get('handed_by', '')} → {detail.get('received_by', '')}" \
               f"（{detail.get('unit', '')}）"
    if kind == "packet_archived":
        return "单位已归档"
    return ""


@dataclass(frozen=True)
class _Codes:
    points: dict[int, str]
    rounds: dict[int, str]
