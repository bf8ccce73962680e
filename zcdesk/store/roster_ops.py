"""Roster import, the disqualification list and the cached eligibility pre-check.

Part of the Store facade (mixed into it): bulk work goes through SQLAlchemy Core
in one transaction — 10,000 rows must land in well under a second.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import time
from collections import namedtuple
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Connection, func, insert, select, update

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.eligibility import Ban, Eligibility, EligibilityChecker, Verdict
from zcdesk.domain.idnumber import (
    checked_kinds,
    id_problem,
    mask_id,
    normalize_id,
    resident_ok,
)
from zcdesk.domain.records import ApplicantForm, ApplicantInfo, ImportReport
from zcdesk.domain.round_pack import IdRules
from zcdesk.store import models as m
from zcdesk.store import sqlite_driver
from zcdesk.store.errors import InputError, NothingToUndo
from zcdesk.store.statements import APPLICANT_COLUMNS

if TYPE_CHECKING:
    from zcdesk.store.facade import Store

# The applicant fields a roster may set; the counter's records are never touched.
FIELDS = ("id_kind", "name", "gender", "position", "work_start", "specialty", "field_years",
          "education", "degree", "school", "graduated_on", "qualification",
          "qualification_issuer", "qualified_on", "title", "series", "unit_address",
          "work_start_year", "graduated_year", "qualified_year")
FIELD_LABELS = {"id_kind": "证件类别", "name": "姓名", "gender": "性别", "unit": "工作单位",
                "position": "职务", "work_start": "参加工作时间", "specialty": "现从事专业",
                "field_years": "工作年限", "education": "学历", "degree": "学位",
                "school": "毕业院校", "graduated_on": "毕业时间", "qualification": "职业资格",
                "qualification_issuer": "颁发单位", "qualified_on": "取得时间",
                "title": "对应职称", "series": "系列", "unit_address": "单位地址",
                "work_start_year": "参加工作年份", "graduated_year": "毕业年份",
                "qualified_year": "取得年份"}
# A roster date given as a year alone keeps the year apart (the date stays None). The
# year has no column of its own: it travels with its date's column, and the two are
# written together, so a real date clears the year and a year clears the date.
YEAR_OF = {"work_start": "work_start_year", "graduated_on": "graduated_year",
           "qualified_on": "qualified_year"}
_YEARS = frozenset(YEAR_OF.values())
EARLIEST_YEAR = 1940  # the dates' lower bound too (validate_applicant)
# A blank cell that does overwrite (or a new applicant's) takes the form's default here.
_BLANK_AS: dict[str, str] = {f.name: f.default for f in fields(ApplicantForm)
                             if f.name in ("id_kind", "title", "series")}
_IMPORT_CACHE_KIB = -32768  # PRAGMA cache_size during a bulk import: 32 MiB
_CHUNK = 500  # SQLite's bound-parameter limit is 999 (older builds)
BAN_RECHECK_S = 5.0  # how stale another desk's ban list may be seen by the pre-check
_APPLICANT = m.Applicant.__table__
_PACKET = m.Packet.__table__
_EVENT = m.Event.__table__
_UNIT = m.Unit.__table__


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection during a bulk import: it makes hundreds of thousands
    of objects that live until its end, and each automatic pass would walk them all
    again (a tenth of the import's time) to find no garbage. Reference counting still
    frees everything as usual; collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class RosterOps:
    """Store methods for the roster; `self` is the Store."""

    _ban_seen: tuple[float, tuple[Any, ...]] | None = None  # (monotonic, ban version)

    def import_roster(self: Store, rows: Sequence[tuple[int, ApplicantForm]], *,
                      dry_run: bool = False, source: str = "",
                      columns: Collection[str] | None = None,
                      blank_overwrites: bool = False) -> ImportReport:
        """Upsert applicants by ID number in one transaction (all or nothing).

        New applicants get a packet in the current round at this desk's point;
        existing ones have their roster fields updated and nothing else: what was
        received at the counter stays as it was. Only the fields in `columns` (the
        file's columns; None: every field) are compared, and a blank value leaves the
        stored one unless `blank_overwrites` (H3: an import never wipes by accident).
        The eligibility pre-check of every new or changed applicant is written in the
        same transaction. A dry run reports the same counts and writes nothing.
        """
        if dry_run:
            return self._dry_runs(rows, columns, (blank_overwrites,))[0]
        with paused_gc():
            return self._import_roster(rows, source, columns, blank_overwrites)

    def _import_roster(self: Store, rows: Sequence[tuple[int, ApplicantForm]], source: str,
                       columns: Collection[str] | None, blank_overwrites: bool,
                       ) -> ImportReport:
        self.require_admin("导入花名册")
        point = self._require_point()
        round_ = self.current_round()
        now = self.clock()
        carried = _carried(columns)
        refused, forms = self._screen(rows)
        with self._write() as s:
            conn = s.connection()
            after_event = conn.execute(select(func.max(_EVENT.c.id))).scalar() or 0
            existing = _existing(conn, list(forms))
            units = _units(conn, {f.unit.strip() for _, f in forms.values()}, False)
            plan = _plan(forms, existing, carried, blank_overwrites)
            report = plan.report(refused, dry_run=False)
            if existing and not blank_overwrites:  # what blanks would have wiped: told
                wiped = _plan(forms, existing, carried, True).report(refused, dry_run=False)
                report = replace(report, blanks_kept=_value_count(wiped) - _value_count(report))
            checker = self._checker() if plan.new_rows or plan.updates else None
            if plan.new_rows:
                assert checker is not None
                self._insert_new(conn, plan.new_rows, units, round_.id, point.id, now, source,
                                 checker)
            opened = self._open_packets(conn, [old["id"] for old in existing.values()],
                                        round_.id, point.id, now, source)
            report = replace(report, opened=opened)
            if plan.updates:
                assert checker is not None
                self._write_updates(conn, plan.updates, units, checker, now, {
                    "source": "roster", "file": source})
            conn.execute(insert(_EVENT), {
                **self._event_values("roster_imported", now),
                "detail": {"file": source, "new": report.new, "updated": report.updated,
                           "unchanged": report.unchanged, "refused": len(refused),
                           "opened": opened,
                           "columns": sorted(carried), "blank_overwrites": blank_overwrites,
                           # where this import's own events start: its undo finds them
                           "after_event": after_event}})
            return report

    def preview_roster(self: Store, rows: Sequence[tuple[int, ApplicantForm]], *,
                       source: str = "", columns: Collection[str] | None = None,
                       ) -> RosterPreview:
        """Both dry runs from one read: blank cells kept (the default) and blank cells
        overwriting — the preview's option switches between them without a new query."""
        del source  # a dry run records nothing; kept for the callers' symmetry
        keep, overwrite = self._dry_runs(rows, columns, (False, True))
        return RosterPreview(keep, overwrite, absent_fields(columns))

    def _dry_runs(self: Store, rows: Sequence[tuple[int, ApplicantForm]],
                  columns: Collection[str] | None, modes: tuple[bool, ...],
                  ) -> list[ImportReport]:
        """One report per blank_overwrites mode, from one read of the stored rows."""
        self.require_admin("导入花名册")
        self._require_point()
        carried = _carried(columns)
        refused, forms = self._screen(rows)
        # A preview only reads: it must not queue the other desks behind a write lock.
        with self._read() as s:
            existing = _existing(s.connection(), list(forms))
            opened = len(existing) - _with_packet(
                s.connection(), [old["id"] for old in existing.values()],
                self.current_round().id)
        return [replace(_plan(forms, existing, carried, mode).report(refused, dry_run=True),
                        opened=opened) for mode in modes]

    def _write_updates(self: Store, conn: Connection,
                       updates: list[tuple[int, str, dict[str, Any], dict[str, Any]]],
                       units: dict[str, int], checker: EligibilityChecker,
                       now: dt.datetime, detail: dict[str, Any]) -> None:
        """The changed applicants (with their new pre-check) and one `applicant_updated`
        event each, by two executemany calls: no per-row round trips."""
        params, verdicts, events = [], [], []
        round_id = self.current_round().id
        for applicant_id, number, values, diff in updates:
            verdict, reasons = _verdict(checker.check(_Stored(number, **values)))
            params.append({"b_id": applicant_id, "b_unit": units[values["unit"]],
                           **{f"b_{k}": values[k] for k in FIELDS}})
            verdicts.append({"b_id": applicant_id, "b_round": round_id,
                             "b_verdict": verdict, "b_reasons": list(reasons)})
            events.append({**self._event_values("applicant_updated", now),
                           "applicant_id": applicant_id,
                           "detail": {**detail, "changes": {
                               k: [_json(a), _json(b)] for k, (a, b) in diff.items()}}})
        conn.execute(update(_APPLICANT).where(_APPLICANT.c.id == _bind("b_id")).values(
            **{k: _bind(f"b_{k}") for k in FIELDS}, unit_id=_bind("b_unit")), params)
        # Only this round's packet is judged anew: an earlier round's verdict stays its own.
        conn.execute(update(_PACKET).where(_PACKET.c.applicant_id == _bind("b_id"),
                                           _PACKET.c.round_id == _bind("b_round"))
                     .values(eligibility=_bind("b_verdict"),
                             eligibility_reasons=_bind("b_reasons")), verdicts)
        conn.execute(insert(_EVENT), events)

    def undo_roster_import(self: Store, *, dry_run: bool = False) -> UndoImportResult:
        """Reverse the last roster import that changed anything, by new events.

        Every field it changed gets its earlier value back and the pre-check is
        recomputed; one `roster_import_undone` event names the import (reverses_id,
        so it is undone once only). Refused, writing nothing, when a field it set has
        been changed since: the later edit is never clobbered. Applicants it added are
        kept — records are never deleted — and the result says how many.
        """
        self.require_admin("撤销导入花名册")
        now = self.clock()
        with self._read() if dry_run else self._write() as s:
            conn = s.connection()
            target = _last_import(s)
            if target is None:
                raise NothingToUndo("没有可撤销的花名册导入。")
            file = str(target.detail.get("file", ""))
            updated, added = _import_events(conn, target)
            current = _current(conn, [aid for aid, _ in updated])
            restore, conflicts = _restorations(updated, current)
            if conflicts:
                raise InputError(_conflict_words(conflicts, target, file))
            result = UndoImportResult(
                target.id, file, target.at, target.operator, len(restore),
                sum(len(back) for _, back in restore), len(added),
                _with_records(conn, added), dry_run)
            if dry_run:
                return result
            if restore:
                units = _units(conn, {v for _, back in restore
                                      for k, (_, v) in back.items() if k == "unit"}, False)
                updates = []
                for aid, back in restore:
                    row = current[aid]
                    values = {k: row[k] for k in (*FIELDS, "unit")}
                    values.update({k: v for k, (_, v) in back.items()})
                    updates.append((aid, row["id_number"], values, back))
                self._write_updates(conn, updates, units, self._checker(), now, {
                    "source": "undo_import", "file": file, "import_event": target.id})
            conn.execute(insert(_EVENT), {
                **self._event_values("roster_import_undone", now), "reverses_id": target.id,
                "detail": {"file": file, "import_at": target.at.isoformat(),
                           "restored": result.restored, "values": result.values,
                           "added_kept": result.added,
                           "added_with_records": result.added_with_records}})
            return result

    def _screen(self: Store, rows: Sequence[tuple[int, ApplicantForm]],
                ) -> tuple[list[tuple[int, str]], dict[str, tuple[int, ApplicantForm]]]:
        """(refused rows with reasons, ID number → (row, form) of the rows to take).

        validate_applicant's checks, run over whole columns: each distinct value is
        looked at once, and only the rows with a suspect value are validated one by
        one (which words the reasons exactly as the add-applicant dialog does).
        """
        refused: list[tuple[int, str]] = []
        forms: dict[str, tuple[int, ApplicantForm]] = {}
        suspect = _suspects([form for _, form in rows], self.clock().date(),
                            self.rules_pack().ids)
        for offset, (row_number, form) in enumerate(rows):
            if offset in suspect:
                problems = self.validate_applicant(form)
                if problems:
                    refused.append((row_number, "；".join(problems.values())))
                    continue
            number = normalize_id(form.id_number)
            if number in forms:
                refused.append((row_number, f"证件号码与第 {forms[number][0]} 行重复"))
            else:
                forms[number] = (row_number, form)
        return refused, forms

    def import_bans(self: Store, bans: Sequence[Ban], *, source: str = "") -> int:
        """Replace the disqualification list; every pre-check is computed anew."""
        self.require_admin("导入禁报名单")
        for ban in bans:
            if not ban.name.strip() and not ban.id_number.strip():
                raise InputError("禁报名单中有既无姓名也无证件号码的记录。")
        now = self.clock()
        with self._write() as s:
            conn = s.connection()
            before = conn.execute(select(m.BanEntry.id)).all()
            conn.execute(m.BanEntry.__table__.delete())
            if bans:
                conn.execute(insert(m.BanEntry.__table__), [
                    {"name": b.name.strip(), "id_number": normalize_id(b.id_number),
                     "decided_on": b.decided_on, "reason": b.reason, "imported_at": now}
                    for b in bans])
            # The current round's packets are judged anew; an earlier round keeps its own.
            conn.execute(update(_PACKET).where(_PACKET.c.round_id == self.current_round().id)
                         .values(eligibility=None, eligibility_reasons=None))
            conn.execute(insert(_EVENT), {
                **self._event_values("bans_imported", now),
                "detail": {"file": source, "before": len(before), "after": len(bans)}})
        self._checker_cache = {}
        self._ban_seen = None  # this desk's own new list: seen at once
        self.refresh_eligibility()
        return len(bans)

    def bans(self: Store) -> list[Ban]:
        with self._read() as s:
            return [Ban(b.name, b.id_number, b.decided_on, b.reason)
                    for b in s.scalars(select(m.BanEntry).order_by(m.BanEntry.id))]

    def refresh_eligibility(self: Store, *, everyone: bool = False,
                            round_code: str | None = None) -> int:
        """Compute the pre-check of a round's packets that have none (all of them with
        `everyone`), with that round's pack; default: the current round. No other
        round's verdict changes: each keeps the verdicts of its own round."""
        round_id = (self.current_round().id if round_code is None
                    else self.round_info(round_code).id)
        missing = (_PACKET.c.round_id == round_id) & _PACKET.c.eligibility.is_(None)
        if not everyone:
            with self._read() as s:  # reports call this: no write lock unless needed
                if s.scalar(select(_PACKET.c.id).where(missing).limit(1)) is None:
                    return 0
        checker = self._checker(round_id)
        with self._write() as s:
            conn = s.connection()
            stmt = (select(m.Packet.id, *APPLICANT_COLUMNS)
                    .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
                    .join(m.Unit, m.Applicant.unit_id == m.Unit.id))
            stmt = stmt.where(_PACKET.c.round_id == round_id) if everyone else stmt.where(missing)
            results = []
            for packet_id, *row in conn.execute(stmt):
                result = checker.check(ApplicantInfo(*row))
                results.append({"pid": packet_id, "verdict": result.verdict.value,
                                "reasons": list(result.reasons)})
            if results:
                conn.execute(
                    update(_PACKET).where(_PACKET.c.id == _bind("pid"))
                    .values(eligibility=_bind("verdict"), eligibility_reasons=_bind("reasons")),
                    results)
            return len(results)

    def _insert_new(self: Store, conn: Connection,
                    new_rows: list[tuple[int, str, ApplicantForm]], units: dict[str, int],
                    round_id: int, point_id: int, now: dt.datetime, source: str,
                    checker: EligibilityChecker) -> None:
        """Applicants (with their pre-check), their packets and their `applicant_added`
        events, in bulk.

        Row by row as they are produced, through the DB-API's executemany: SQLAlchemy's
        per-row parameter processing would cost ~10x the time SQLite needs here. On
        SQLite this transaction holds the write lock, so the new ids are known up front
        (max + 1 …, what SQLite would hand out): no read-back. Elsewhere (PostgreSQL)
        the sequences hand them out and they are read back by ID number.
        """
        writer = _RowWriter(conn)
        sqlite = writer.sqlite
        if sqlite:
            # A page cache that holds the new rows' index pages: with SQLite's default
            # 2 MB, 100,000 random ID numbers spill pages to the WAL mid-transaction
            # (about a fifth of the write). Memory only; durability is unchanged.
            before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            conn.exec_driver_sql(f"PRAGMA cache_size={_IMPORT_CACHE_KIB}")
            try:
                self._insert_rows(conn, writer, new_rows, units, round_id, point_id, now,
                                  source, checker)
            finally:
                conn.exec_driver_sql(f"PRAGMA cache_size={int(before)}")
        else:
            self._insert_rows(conn, writer, new_rows, units, round_id, point_id, now,
                              source, checker)

    def _insert_rows(self: Store, conn: Connection, writer: _RowWriter,
                     new_rows: list[tuple[int, str, ApplicantForm]], units: dict[str, int],
                     round_id: int, point_id: int, now: dt.datetime, source: str,
                     checker: EligibilityChecker) -> None:
        sqlite = writer.sqlite
        first_id = conn.execute(select(func.max(_APPLICANT.c.id))).scalar() or 0
        first_packet = conn.execute(select(func.max(_PACKET.c.id))).scalar() or 0
        created = writer.processed(_APPLICANT.c.created_at, now)
        at = writer.processed(_EVENT.c.at, now)
        date = writer.date_processor()
        unit_of = units.__getitem__
        verdicts: list[tuple[str, str]] = []
        keep = verdicts.append
        check, make, encoded = checker.check, _Stored._make, _ReasonsJson().__getitem__
        values_of, verdict_value = _FORM_VALUES, _VERDICT_VALUE

        def applicants() -> Iterator[tuple[Any, ...]]:
            for offset, (_, number, form) in enumerate(new_rows, start=1):
                values = [v.strip() if v.__class__ is str else v for v in values_of(form)]
                # Every number was held to the round's rules by _screen just now.
                result = check(make((number, *values)), number_checked=True)
                keep((verdict_value[result.verdict], encoded(result.reasons)))
                unit = values.pop()
                for index in _DATE_INDEXES:
                    value = values[index]
                    if value is not None:
                        values[index] = date(value)
                row = (*values, number, unit_of(unit), created)
                yield (first_id + offset, *row) if sqlite else row

        columns = (*FIELDS, "id_number", "unit_id", "created_at")
        writer.insert("applicant", ("id", *columns) if sqlite else columns, applicants())
        count = len(new_rows)
        if sqlite:
            applicant_ids: Sequence[int] = range(first_id + 1, first_id + count + 1)
        else:
            ids = dict(conn.execute(select(_APPLICANT.c.id_number, _APPLICANT.c.id)
                                    .where(_APPLICANT.c.id > first_id)).all())
            applicant_ids = [ids[number] for _, number, _ in new_rows]
        status = PacketStatus.NONE.value
        packet_columns = ("applicant_id", "round_id", "point_id", "status", "accepted",
                          "version", "eligibility", "eligibility_reasons")
        packets = ((a, round_id, point_id, status, "{}", 0, v, r)
                   for a, (v, r) in zip(applicant_ids, verdicts, strict=True))
        if sqlite:
            writer.insert("packet", ("id", *packet_columns),
                          ((first_packet + n, *row) for n, row in enumerate(packets, 1)))
            packet_ids: Sequence[int] = range(first_packet + 1, first_packet + count + 1)
        else:
            writer.insert("packet", packet_columns, packets)
            by_applicant = dict(conn.execute(select(_PACKET.c.applicant_id, _PACKET.c.id)
                                             .where(_PACKET.c.id > first_packet)).all())
            packet_ids = [by_applicant[a] for a in applicant_ids]
        del verdicts[:]
        file = json.dumps(source, ensure_ascii=False)
        operator, desk = self.operator, self.desk
        writer.insert("event", ("at", "kind", "operator", "desk", "applicant_id", "packet_id",
                                "reason_text", "detail"),
                      ((at, "applicant_added", operator, desk, a, p, "",
                        f'{{"source": "roster", "file": {file}, "row": {row}}}')
                       for a, p, (row, _, _) in zip(applicant_ids, packet_ids, new_rows,
                                                    strict=True)))

    def _open_packets(self: Store, conn: Connection, applicant_ids: list[int], round_id: int,
                      point_id: int, now: dt.datetime, source: str) -> int:
        """Applicants known from an earlier round get this round's packet; how many."""
        have = _having_packet(conn, applicant_ids, round_id)
        opened = [a for a in applicant_ids if a not in have]
        for applicant_id in opened:
            packet_id = conn.execute(insert(_PACKET).values(
                applicant_id=applicant_id, round_id=round_id, point_id=point_id,
                status=PacketStatus.NONE.value, accepted={}, version=0)).inserted_primary_key[0]
            conn.execute(insert(_EVENT), {
                **self._event_values("applicant_added", now), "applicant_id": applicant_id,
                "packet_id": packet_id, "detail": {"source": "roster", "file": source,
                                                   "returning": True}})
        return len(opened)

    def _checker(self: Store, round_id: int | None = None) -> EligibilityChecker:
        """The pre-check of a round (default: the current one): every rule from that
        round's stored pack (rules_pack), with the ban list. Kept per round until the
        day, the ban list or the round's pack changes."""
        today = self.clock().date()
        rid = self.current_round().id if round_id is None else round_id
        pack = self.rules_pack(rid)
        version = self._ban_version()
        found = self._checker_cache.get(rid)
        if found is None or found[0] != (today, version) or found[1].pack is not pack:
            checker = EligibilityChecker(pack=pack, bans=self.bans(), today=today)
            found = self._checker_cache[rid] = ((today, version), checker)
        return found[1]

    def _ban_version(self: Store) -> tuple[Any, ...]:
        """The ban list's (newest id, size): another desk may have imported a new one.
        Read at most every BAN_RECHECK_S: a run of scans must not pay for it each time."""
        now = time.monotonic()
        cached = self._ban_seen
        if cached is not None and now - cached[0] < BAN_RECHECK_S:
            return cached[1]
        with self._read() as s:
            version = tuple(s.execute(select(func.max(m.BanEntry.id), func.count())
                                      .select_from(m.BanEntry)).one())
        self._ban_seen = (now, version)
        return version

    def _event_values(self: Store, kind: str, at: dt.datetime) -> dict[str, Any]:
        return {"at": at, "kind": kind, "operator": self.operator, "desk": self.desk,
                "applicant_id": None, "packet_id": None, "visit_id": None, "item_code": None,
                "copies": None, "reason": None, "reason_text": "", "reverses_id": None,
                "detail": {}}


@dataclass(frozen=True)
class FieldChanges:
    """How many applicants one field would change for, with a few examples."""

    field: str
    label: str
    count: int
    examples: tuple[tuple[object, object], ...]  # (stored, new), distinct pairs


def field_changes(changes: Sequence[tuple[int, str, dict[str, tuple[object, object]]]],
                  examples: int = 3) -> list[FieldChanges]:
    """Per field (in the form's order): how many values change, and a few old → new."""
    counts: dict[str, int] = {}
    seen: dict[str, list[tuple[object, object]]] = {}
    for _row, _number, diff in changes:
        for key, pair in diff.items():
            counts[key] = counts.get(key, 0) + 1
            shown = seen.setdefault(key, [])
            if len(shown) < examples and pair not in shown:
                shown.append(pair)
    order = {key: i for i, key in enumerate(("name", "unit", *FIELDS))}
    return [FieldChanges(k, FIELD_LABELS.get(k, k), counts[k], tuple(seen[k]))
            for k in sorted(counts, key=lambda k: order.get(k, 99))]


def absent_fields(columns: Collection[str] | None) -> tuple[str, ...]:
    """The roster fields a file with these columns leaves as they are."""
    carried = _carried(columns)
    return tuple(k for k in (*FIELDS, "unit") if k not in carried and k not in _YEARS)


def absent_words(absent: Sequence[str]) -> str:
    """"文件中没有的列（性别、职务）保持原值。" — "" when the file has every column."""
    if not absent:
        return ""
    names = "、".join(FIELD_LABELS.get(k, k) for k in absent)
    return f"文件中没有的列（{names}）不会改动已有数据。"


def _value_count(report: ImportReport) -> int:
    return sum(len(diff) for _, _, diff in report.changes)


@dataclass(frozen=True)
class RosterPreview:
    """A dry run both ways: blank cells keeping stored values, and overwriting them."""

    keep: ImportReport
    overwrite: ImportReport
    absent: tuple[str, ...]  # fields without a column in the file: left as they are

    def report(self, blank_overwrites: bool) -> ImportReport:
        return self.overwrite if blank_overwrites else self.keep

    @property
    def blanks_kept(self) -> int:
        """Stored values that blank cells would wipe if blanks overwrote."""
        return _value_count(self.overwrite) - _value_count(self.keep)

    def absent_words(self) -> str:
        return absent_words(self.absent)


@dataclass(frozen=True)
class UndoImportResult:
    """What undoing a roster import did (or, in a dry run, would do)."""

    import_id: int
    file: str
    at: dt.datetime
    operator: str
    restored: int  # applicants whose fields were put back
    values: int  # field values put back
    added: int  # applicants the import added: kept (nothing is deleted)
    added_with_records: int  # of them, those with records since (copies received …)
    dry_run: bool = False

    def summary(self) -> str:
        verb = "将" if self.dry_run else "已"
        what = f"{self.at:%Y-%m-%d %H:%M} 由{self.operator}导入的" + (
            f"“{self.file}”" if self.file else "花名册")
        text = f"{verb}撤销 {what}：{verb}恢复 {self.restored} 人的 {self.values} 项信息"
        text += "，并重新预审。" if self.restored else "。"
        if self.added:
            text += f"该次导入新增的 {self.added} 人保留（撤销不删除任何记录）"
            if self.added_with_records:
                text += f"，其中 {self.added_with_records} 人已有收件等记录"
            text += "。"
        return text


def _carried(columns: Collection[str] | None) -> frozenset[str]:
    """The stored fields the file may change: those it has a column for."""
    every = frozenset((*FIELDS, "unit"))
    if columns is None:
        return every
    years = {YEAR_OF[k] for k in columns if k in YEAR_OF}  # a year goes with its date
    return every & frozenset((*columns, *years))


class _Plan(NamedTuple):
    new_rows: list[tuple[int, str, ApplicantForm]]
    updates: list[tuple[int, str, dict[str, Any], dict[str, Any]]]  # id, number, values, diff
    changes: list[tuple[int, str, dict[str, Any]]]
    total: int

    def report(self, refused: list[tuple[int, str]], *, dry_run: bool) -> ImportReport:
        return ImportReport(len(self.new_rows), len(self.updates),
                            self.total - len(self.new_rows) - len(self.updates),
                            tuple(refused), tuple(self.changes), dry_run)


def _plan(forms: dict[str, tuple[int, ApplicantForm]], existing: dict[str, dict[str, Any]],
          carried: frozenset[str], blank_overwrites: bool) -> _Plan:
    """New rows, and per matched applicant what changes: a field without a column
    never, a blank cell only when `blank_overwrites` (H3)."""
    new_rows: list[tuple[int, str, ApplicantForm]] = []
    updates, changes = [], []
    keys = [k for k in (*FIELDS, "unit") if k in carried and k not in _YEARS]
    for number, (row_number, form) in forms.items():
        old = existing.get(number)
        if old is None:
            new_rows.append((row_number, number, _with_defaults(form)))
            continue
        diff = {}
        for key in keys:
            if key in YEAR_OF and YEAR_OF[key] in carried:
                diff.update(_date_and_year(form, old, key, blank_overwrites))
                continue
            value = getattr(form, key)
            if value.__class__ is str:
                value = value.strip()
            if value is None or value == "":
                if not blank_overwrites:
                    continue
                value = _BLANK_AS.get(key, value)
            if old[key] != value:
                diff[key] = (old[key], value)
        if diff:  # the row as it will be stored: only built for the changed ones
            values = {k: old[k] for k in (*FIELDS, "unit")}
            values.update({k: new for k, (_, new) in diff.items()})
            updates.append((old["id"], number, values, diff))
            changes.append((row_number, number, diff))
    return _Plan(new_rows, updates, changes, len(forms))


def _date_and_year(form: ApplicantForm, old: dict[str, Any], key: str,
                   blank_overwrites: bool) -> dict[str, tuple[Any, Any]]:
    """A date and its year, written together: a real date clears the stored year and a
    year alone clears the stored date of another year; both blank is a blank cell (H3)."""
    date, year = getattr(form, key), getattr(form, YEAR_OF[key])
    if date is None and year is None and not blank_overwrites:
        return {}
    stored = old[key]
    if date is None and year is not None and stored is not None and stored.year == year:
        return {}  # "2012" over a stored 2012-07-01 says less, not something else: kept
    new = {key: date, YEAR_OF[key]: None if date is not None else year}
    return {k: (old[k], v) for k, v in new.items() if old[k] != v}


def _with_defaults(form: ApplicantForm) -> ApplicantForm:
    """A new applicant's blank 证件类别 / 对应职称 / 所属系列 get the form's defaults."""
    blank = {k: v for k, v in _BLANK_AS.items() if not getattr(form, k).strip()}
    return replace(form, **blank) if blank else form


_IMPORT_SCAN = 50  # imports looked at, newest first, for one that changed anything
_DATE_FIELDS = frozenset({"work_start", "graduated_on", "qualified_on"})
_SHOWN_CONFLICTS = 10


def _last_import(s: Any) -> Any:
    """The newest roster import not undone yet that added or changed anybody (an
    import that changed nothing is skipped: undoing it would undo nothing)."""
    candidates = s.scalars(select(m.Event).where(m.Event.kind == "roster_imported",
                                                 m.NOT_REVERSED)
                           .order_by(m.Event.id.desc()).limit(_IMPORT_SCAN))
    for event in candidates:
        detail = event.detail or {}
        if detail.get("new") or detail.get("updated"):
            return event
    return None


def _import_events(conn: Connection, target: Any,
                   ) -> tuple[list[tuple[int, dict[str, Any]]], list[tuple[int, int | None]]]:
    """(applicant id, changes) of every update, (applicant id, packet id) of every
    addition, as the import `target` recorded them.

    Its events are the same operator's and desk's, written before it in its
    transaction: after `after_event` (imports before that field existed: at the
    same instant), from the roster and this file.
    """
    detail = target.detail or {}
    where = [_EVENT.c.operator == target.operator, _EVENT.c.desk == target.desk,
             _EVENT.c.id < target.id,
             _EVENT.c.kind.in_(("applicant_updated", "applicant_added"))]
    if "after_event" in detail:
        where.append(_EVENT.c.id > int(detail["after_event"]))
    else:
        where.append(_EVENT.c.at == target.at)
    updated, added = [], []
    file = detail.get("file", "")
    for kind, aid, pid, event_detail in conn.execute(
            select(_EVENT.c.kind, _EVENT.c.applicant_id, _EVENT.c.packet_id, _EVENT.c.detail)
            .where(*where).order_by(_EVENT.c.id)):
        event_detail = event_detail or {}
        if event_detail.get("source") != "roster" or event_detail.get("file", "") != file:
            continue
        if kind == "applicant_updated":
            updated.append((aid, dict(event_detail.get("changes") or {})))
        elif not event_detail.get("returning"):  # a known applicant's new packet: no addition
            added.append((aid, pid))
    return updated, added


def _current(conn: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    """applicant id → its stored fields now (with the unit's name)."""
    columns = [_APPLICANT.c.id, _APPLICANT.c.id_number, _UNIT.c.name.label("unit"),
               *(_APPLICANT.c[k] for k in FIELDS)]
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        for row in conn.execute(select(*columns).join(_UNIT, _APPLICANT.c.unit_id == _UNIT.c.id)
                                .where(_APPLICANT.c.id.in_(ids[start:start + _CHUNK]))).mappings():
            found[row["id"]] = dict(row)
    return found


def _stored_value(key: str, value: object) -> object:
    """A value as an event's JSON holds it → as the column holds it."""
    if key in _DATE_FIELDS and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _restorations(updated: list[tuple[int, dict[str, Any]]],
                  current: dict[int, dict[str, Any]],
                  ) -> tuple[list[tuple[int, dict[str, tuple[Any, Any]]]],
                             list[tuple[dict[str, Any], str, object, object]]]:
    """(applicant id → {field: (now, earlier)}) to write, and the conflicts: fields
    whose value is no longer what the import set (row, field, import's, now)."""
    restore, conflicts = [], []
    for aid, changes in updated:
        row = current.get(aid)
        if row is None:
            continue
        back: dict[str, tuple[Any, Any]] = {}
        for key, pair in changes.items():
            if key not in row or not isinstance(pair, list | tuple) or len(pair) != 2:
                continue
            before, after = pair
            if _json(row[key]) != after:
                conflicts.append((row, key, after, row[key]))
                continue
            back[key] = (row[key], _stored_value(key, before))
        if back:
            restore.append((aid, back))
    return restore, conflicts


def _conflict_words(conflicts: list[tuple[dict[str, Any], str, object, object]],
                    target: Any, file: str) -> str:
    def shown(value: object) -> str:
        value = _json(value)
        return "（空）" if value is None or value == "" else f"“{value}”"

    lines = [f"{row['name']}（{mask_id(row['id_number'])}）{FIELD_LABELS.get(key, key)}："
             f"导入为{shown(after)}，现为{shown(now)}"
             for row, key, after, now in conflicts[:_SHOWN_CONFLICTS]]
    more = f"\n……共 {len(conflicts)} 项" if len(conflicts) > _SHOWN_CONFLICTS else ""
    return (f"不能撤销 {target.at:%Y-%m-%d %H:%M} 导入的“{file}”：以下信息在导入之后又被修改过，"
            f"撤销会覆盖这些修改。\n" + "\n".join(lines) + more
            + "\n没有写入任何数据；请先核对这些人员的信息。")


def _with_records(conn: Connection, added: list[tuple[int, int | None]]) -> int:
    """How many added applicants have any record since (copies received, batches …)."""
    packets = [pid for _, pid in added if pid is not None]
    having: set[int] = set()
    for start in range(0, len(packets), _CHUNK):
        having.update(conn.execute(select(_EVENT.c.packet_id).distinct().where(
            _EVENT.c.packet_id.in_(packets[start:start + _CHUNK]),
            _EVENT.c.kind != "applicant_added")).scalars())
    return len(having)


def _having_packet(conn: Connection, applicant_ids: list[int], round_id: int) -> set[int]:
    """Those of `applicant_ids` who have a packet in the round already."""
    have: set[int] = set()
    for start in range(0, len(applicant_ids), _CHUNK):
        have.update(conn.execute(select(_PACKET.c.applicant_id).where(
            _PACKET.c.round_id == round_id,
            _PACKET.c.applicant_id.in_(applicant_ids[start:start + _CHUNK]))).scalars())
    return have


def _with_packet(conn: Connection, applicant_ids: list[int], round_id: int) -> int:
    return len(_having_packet(conn, applicant_ids, round_id))


def _bind(name: str) -> Any:
    from sqlalchemy import bindparam

    return bindparam(name)


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _existing(conn: Connection, numbers: list[str]) -> dict[str, dict[str, Any]]:
    if not numbers or conn.execute(select(_APPLICANT.c.id).limit(1)).first() is None:
        return {}  # the first import: no probes against an empty table
    columns = [_APPLICANT.c.id, _APPLICANT.c.id_number, _UNIT.c.name.label("unit"),
               *(_APPLICANT.c[k] for k in FIELDS)]
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start:start + _CHUNK]
        for row in conn.execute(select(*columns).join(_UNIT, _APPLICANT.c.unit_id == _UNIT.c.id)
                                .where(_APPLICANT.c.id_number.in_(chunk))).mappings():
            found[row["id_number"]] = dict(row)
    return found


def _units(conn: Connection, names: set[str], dry_run: bool) -> dict[str, int]:
    known = dict(conn.execute(select(_UNIT.c.name, _UNIT.c.id)).all())
    missing = sorted(names - set(known))
    if missing and not dry_run:
        conn.execute(insert(_UNIT), [{"name": n} for n in missing])
        known = dict(conn.execute(select(_UNIT.c.name, _UNIT.c.id)).all())
    return known


class _RowWriter:
    """executemany through the DB-API, the rows given as produced (an iterator)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect
        self.sqlite = self.dialect.name == "sqlite"
        self.mark = "?" if self.dialect.paramstyle == "qmark" else "%s"

    def processed(self, column: Any, value: Any) -> Any:
        """`value` as the column's bind processing hands it to the driver."""
        proc = column.type._cached_bind_processor(self.dialect)
        return value if proc is None else proc(value)

    def date_processor(self) -> Callable[[dt.date], Any]:
        """A date as the driver takes it; a roster repeats its dates, so each distinct
        one is converted once."""
        proc = _APPLICANT.c.work_start.type._cached_bind_processor(self.dialect)
        if proc is None:
            return lambda value: value
        memo: dict[dt.date, Any] = {}

        def convert(value: dt.date) -> Any:
            found = memo.get(value)
            if found is None:
                found = memo[value] = proc(value)
            return found
        return convert

    def insert(self, table: str, columns: Sequence[str], rows: Iterator[tuple[Any, ...]],
               ) -> None:
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
               f"VALUES ({', '.join(self.mark for _ in columns)})")
        if self.sqlite:
            # sqlite3 takes an iterator: the rows are written as they are produced,
            # never all held at once.
            sqlite_driver.executemany(self.conn, sql, rows)
        else:
            self.conn.exec_driver_sql(sql, list(rows))


_FORM_VALUES = attrgetter(*FIELDS, "unit")
_DATE_INDEXES = tuple(FIELDS.index(k) for k in YEAR_OF)  # the date columns among FIELDS
_Stored = namedtuple("_Stored", ("id_number", *FIELDS, "unit"))  # type: ignore[misc]


def _verdict(result: Eligibility) -> tuple[str, tuple[str, ...]]:
    return result.verdict.value, result.reasons


class _ReasonsJson(dict[tuple[str, ...], str]):
    """Reasons → the JSON text the column holds, each distinct list encoded once (one
    import's: many rows share their reasons, and nothing is kept after it)."""

    def __missing__(self, reasons: tuple[str, ...]) -> str:
        text = self[reasons] = _REASONS_JSON(list(reasons))
        return text


# json.dumps(reasons, ensure_ascii=False) with its encoder made once, not once a call:
# nearly every applicant's reasons differ (they name the dates), so most are encoded.
_REASONS_JSON = json.JSONEncoder(ensure_ascii=False).encode
_VERDICT_VALUE = {verdict: verdict.value for verdict in Verdict}


def _suspects(forms: list[ApplicantForm], today: dt.date, ids: IdRules) -> set[int]:
    """Offsets of the forms in which validate_applicant may find a problem (`ids`: the
    current round's ID kinds)."""
    if not forms:
        return set()
    names, numbers, units, kinds, genders, years, address, *dates = zip(*map(attrgetter(
        "name", "id_number", "unit", "id_kind", "gender", "field_years", "unit_address",
        "work_start", "graduated_on", "qualified_on", *YEAR_OF.values()), forms), strict=True)
    suspect: set[int] = set()

    def flag(column: tuple[Any, ...], bad: Any) -> None:
        hits = {v for v in set(column) if bad(v)}
        if hits:
            suspect.update(o for o, v in enumerate(column) if v in hits)

    flag(names, lambda n: not 0 < len(n.strip()) <= 64)
    flag(units, lambda u: not 0 < len(u.strip()) <= 200)
    flag(genders, lambda g: g and g not in ("男", "女"))
    flag(years, lambda y: y is not None and not 0 <= y <= 70)
    flag(address, lambda a: len(a.strip()) > 200)
    earliest = dt.date(EARLIEST_YEAR, 1, 1)
    for column in dates[:3]:
        flag(column, lambda d: d is not None and not earliest <= d <= today)
    for column in dates[3:]:  # the years of dates given as a year alone
        flag(column, lambda y: y is not None and not EARLIEST_YEAR <= y <= today.year)
    checked = checked_kinds(ids)
    suspect.update(o for o, (kind, number) in enumerate(zip(kinds, numbers, strict=True))
                   if not (kind in checked and resident_ok(number))
                   and id_problem(kind, normalize_id(number), ids=ids) is not None)
    return suspect
