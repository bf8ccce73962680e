"""Roster import, the disqualification list and the cached eligibility pre-check.

Part of the Store facade (mixed into it): bulk work goes through SQLAlchemy Core
in one transaction — 10,000 rows must land in well under a second.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import namedtuple
from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, insert, select, update

from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.eligibility import Ban, Eligibility, EligibilityChecker
from zcdesk.domain.idnumber import CHECKED_KINDS, id_problem, normalize_id, resident_ok
from zcdesk.domain.records import ApplicantForm, ApplicantInfo, ImportReport
from zcdesk.store import models as m
from zcdesk.store.errors import InputError

if TYPE_CHECKING:
    from zcdesk.store.facade import Store

# The applicant fields a roster may set; the counter's records are never touched.
FIELDS = ("id_kind", "name", "gender", "position", "work_start", "specialty", "field_years",
          "education", "degree", "school", "graduated_on", "qualification",
          "qualification_issuer", "qualified_on", "title", "series")
FIELD_LABELS = {"id_kind": "证件类别", "name": "姓名", "gender": "性别", "unit": "工作单位",
                "position": "职务", "work_start": "参加工作时间", "specialty": "现从事专业",
                "field_years": "工作年限", "education": "学历", "degree": "学位",
                "school": "毕业院校", "graduated_on": "毕业时间", "qualification": "职业资格",
                "qualification_issuer": "颁发单位", "qualified_on": "取得时间",
                "title": "对应职称", "series": "系列"}
_CHUNK = 500  # SQLite's bound-parameter limit is 999 (older builds)
_APPLICANT = m.Applicant.__table__
_PACKET = m.Packet.__table__
_EVENT = m.Event.__table__
_UNIT = m.Unit.__table__


class RosterOps:
    """Store methods for the roster; `self` is the Store."""

    def import_roster(self: Store, rows: Sequence[tuple[int, ApplicantForm]], *,
                      dry_run: bool = False, source: str = "") -> ImportReport:
        """Upsert applicants by ID number in one transaction (all or nothing).

        New applicants get a packet in the current round at this desk's point;
        existing ones have their roster fields updated and nothing else: what was
        received at the counter stays as it was. The eligibility pre-check of every
        new or changed applicant is written in the same transaction (refresh_eligibility
        then finds nothing to do). A dry run reports the same counts and writes nothing.
        """
        self.require_admin("导入花名册")
        point = self._require_point()
        round_ = self.current_round()
        now = self.clock()
        refused, forms = self._screen(rows)
        # A preview only reads: it must not queue the other desks behind a write lock.
        with self._read() if dry_run else self._write() as s:
            conn = s.connection()
            existing = _existing(conn, list(forms))
            units = _units(conn, {f.unit.strip() for _, f in forms.values()}, dry_run)
            new_rows: list[tuple[int, str, ApplicantForm]] = []
            updates, changes = [], []
            for number, (row_number, form) in forms.items():
                old = existing.get(number)
                if old is None:
                    new_rows.append((row_number, number, form))
                    continue
                values = _values(form)
                diff = {key: (old[key], values[key]) for key in FIELDS if old[key] != values[key]}
                if old["unit"] != values["unit"]:
                    diff["unit"] = (old["unit"], values["unit"])
                if diff:
                    updates.append((old["id"], number, values, diff))
                    changes.append((row_number, number, diff))
            report = ImportReport(len(new_rows), len(updates), len(forms) - len(new_rows)
                                  - len(updates), tuple(refused), tuple(changes), dry_run)
            if dry_run:
                s.rollback()
                return report
            checker = self._checker() if new_rows or updates else None
            if new_rows:
                assert checker is not None
                self._insert_new(conn, new_rows, units, round_.id, point.id, now, source,
                                 checker)
            self._open_packets(conn, [old["id"] for old in existing.values()], round_.id,
                               point.id, now, source)
            for applicant_id, number, values, diff in updates:
                assert checker is not None
                verdict, reasons = _verdict(checker.check(_Stored(number, **values)))
                conn.execute(update(_APPLICANT).where(_APPLICANT.c.id == applicant_id).values(
                    **{k: values[k] for k in FIELDS}, unit_id=units[values["unit"]],
                    eligibility=verdict, eligibility_reasons=list(reasons)))
                conn.execute(insert(_EVENT), {
                    **self._event_values("applicant_updated", now), "applicant_id": applicant_id,
                    "detail": {"source": "roster", "file": source,
                               "changes": {k: [_json(a), _json(b)] for k, (a, b) in diff.items()}}})
            conn.execute(insert(_EVENT), {
                **self._event_values("roster_imported", now),
                "detail": {"file": source, "new": report.new, "updated": report.updated,
                           "unchanged": report.unchanged, "refused": len(refused)}})
            return report

    def _screen(self: Store, rows: Sequence[tuple[int, ApplicantForm]],
                ) -> tuple[list[tuple[int, str]], dict[str, tuple[int, ApplicantForm]]]:
        """(refused rows with reasons, ID number → (row, form) of the rows to take).

        validate_applicant's checks, run over whole columns: each distinct value is
        looked at once, and only the rows with a suspect value are validated one by
        one (which words the reasons exactly as the add-applicant dialog does).
        """
        refused: list[tuple[int, str]] = []
        forms: dict[str, tuple[int, ApplicantForm]] = {}
        suspect = _suspects([form for _, form in rows], self.clock().date())
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
            conn.execute(update(_APPLICANT).values(eligibility=None, eligibility_reasons=None))
            conn.execute(insert(_EVENT), {
                **self._event_values("bans_imported", now),
                "detail": {"file": source, "before": len(before), "after": len(bans)}})
        self._checker_cache = None
        self.refresh_eligibility()
        return len(bans)

    def bans(self: Store) -> list[Ban]:
        with self._read() as s:
            return [Ban(b.name, b.id_number, b.decided_on, b.reason)
                    for b in s.scalars(select(m.BanEntry).order_by(m.BanEntry.id))]

    def refresh_eligibility(self: Store, *, everyone: bool = False) -> int:
        """Compute the pre-check for applicants whose cached result is missing."""
        if not everyone:
            with self._read() as s:  # reports call this: no write lock unless needed
                if s.scalar(select(m.Applicant.id).where(m.Applicant.eligibility.is_(None))
                            .limit(1)) is None:
                    return 0
        checker = self._checker()
        from zcdesk.store.facade import _APPLICANT_COLUMNS  # lazy: the facade imports us

        with self._write() as s:
            conn = s.connection()
            stmt = select(*_APPLICANT_COLUMNS).join(m.Unit, m.Applicant.unit_id == m.Unit.id)
            if not everyone:
                stmt = stmt.where(m.Applicant.eligibility.is_(None))
            results = []
            for row in conn.execute(stmt):
                result = checker.check(ApplicantInfo(*row))
                results.append({"aid": row[0], "verdict": result.verdict.value,
                                "reasons": list(result.reasons)})
            if results:
                conn.execute(
                    update(_APPLICANT).where(_APPLICANT.c.id == _bind("aid"))
                    .values(eligibility=_bind("verdict"), eligibility_reasons=_bind("reasons")),
                    results)
            return len(results)

    def _insert_new(self: Store, conn: Connection,
                    new_rows: list[tuple[int, str, ApplicantForm]], units: dict[str, int],
                    round_id: int, point_id: int, now: dt.datetime, source: str,
                    checker: EligibilityChecker) -> None:
        """Applicants (with their pre-check), their packets and their `applicant_added`
        events, in bulk.

        Column by column through the DB-API's executemany: SQLAlchemy's per-row
        parameter processing would cost ~10x the time SQLite needs here. On SQLite
        the packets and events are made by INSERT … SELECT inside the database.
        """
        bulk = _Bulk(conn)
        first_id = (conn.execute(select(func.max(_APPLICANT.c.id))).scalar() or 0)
        numbers = [number for _, number, _ in new_rows]
        columns = [_stripped(c) for c in zip(*map(_FORM_VALUES, (f for _, _, f in new_rows)),
                                             strict=True)]
        stored = list(map(_Stored._make, zip(numbers, *columns, strict=True)))
        verdicts = list(map(_verdict, map(checker.check, stored)))
        unit_ids = list(map(units.__getitem__, columns[-1]))
        bulk.insert(_APPLICANT, (*FIELDS, "id_number", "unit_id", "created_at", "eligibility",
                                 "eligibility_reasons"),
                    [*columns[:-1], numbers, unit_ids, [now] * len(numbers),
                     [v for v, _ in verdicts], [_Raw(_reasons_json(r)) for _, r in verdicts]])
        file = json.dumps(source, ensure_ascii=False)
        if bulk.sqlite and _consecutive(conn, first_id, len(new_rows)):
            at = _EVENT.c.at.type._cached_bind_processor(conn.dialect)(now)
            conn.exec_driver_sql(
                "INSERT INTO packet (applicant_id, round_id, point_id, status, accepted, version)"
                " SELECT id, ?, ?, ?, '{}', 0 FROM applicant WHERE id > ? ORDER BY id",
                (round_id, point_id, PacketStatus.NONE.value, first_id))
            conn.exec_driver_sql(
                "INSERT INTO event (at, kind, operator, desk, applicant_id, packet_id,"
                " reason_text, detail)"
                " SELECT ?, 'applicant_added', ?, ?, p.applicant_id, p.id, '',"
                " '{\"source\": \"roster\", \"file\": ' || ? || ', \"row\": ' || j.value || '}'"
                " FROM json_each(?) AS j JOIN packet AS p"
                " ON p.applicant_id = ? + 1 + j.key AND p.round_id = ? ORDER BY j.key",
                (at, self.operator, self.desk, file, json.dumps([r for r, _, _ in new_rows]),
                 first_id, round_id))
            return
        ids = dict(conn.execute(select(_APPLICANT.c.id_number, _APPLICANT.c.id)
                                .where(_APPLICANT.c.id > first_id)).all())
        applicant_ids = [ids[number] for number in numbers]
        first_packet = conn.execute(select(func.max(_PACKET.c.id))).scalar() or 0
        count = len(applicant_ids)
        bulk.insert(_PACKET, ("applicant_id", "round_id", "point_id", "status", "accepted",
                              "version"),
                    [applicant_ids, [round_id] * count, [point_id] * count,
                     [PacketStatus.NONE.value] * count, [_Raw("{}")] * count, [0] * count])
        packets = dict(conn.execute(select(_PACKET.c.applicant_id, _PACKET.c.id)
                                    .where(_PACKET.c.id > first_packet)).all())
        bulk.insert(_EVENT, ("at", "kind", "operator", "desk", "applicant_id", "packet_id",
                             "reason_text", "detail"),
                    [[now] * count, ["applicant_added"] * count, [self.operator] * count,
                     [self.desk] * count, applicant_ids, [packets[a] for a in applicant_ids],
                     [""] * count,
                     [_Raw(f'{{"source": "roster", "file": {file}, "row": {row}}}')
                      for row, _, _ in new_rows]])

    def _open_packets(self: Store, conn: Connection, applicant_ids: list[int], round_id: int,
                      point_id: int, now: dt.datetime, source: str) -> None:
        """Applicants known from an earlier round get this round's packet."""
        have: set[int] = set()
        for start in range(0, len(applicant_ids), _CHUNK):
            have.update(conn.execute(select(_PACKET.c.applicant_id).where(
                _PACKET.c.round_id == round_id,
                _PACKET.c.applicant_id.in_(applicant_ids[start:start + _CHUNK]))).scalars())
        for applicant_id in (a for a in applicant_ids if a not in have):
            packet_id = conn.execute(insert(_PACKET).values(
                applicant_id=applicant_id, round_id=round_id, point_id=point_id,
                status=PacketStatus.NONE.value, accepted={}, version=0)).inserted_primary_key[0]
            conn.execute(insert(_EVENT), {
                **self._event_values("applicant_added", now), "applicant_id": applicant_id,
                "packet_id": packet_id, "detail": {"source": "roster", "file": source,
                                                   "returning": True}})

    def _checker(self: Store) -> EligibilityChecker:
        """The rules with this round's cut-off, the catalogue and the ban list."""
        today = self.clock().date()
        with self._read() as s:  # another desk may have imported a new ban list
            version = (s.scalar(select(func.max(m.BanEntry.id))),
                       s.scalar(select(func.count()).select_from(m.BanEntry)))
        cached = getattr(self, "_checker_cache", None)
        if cached is None or cached.today != today or self.__dict__.get(
                "_checker_bans") != version:
            cached = EligibilityChecker(self.catalogue(), cutoff=self.current_round().cutoff_date,
                                        bans=self.bans(), today=today)
            self._checker_cache = cached
            self._checker_bans = version
        return cached

    def _event_values(self: Store, kind: str, at: dt.datetime) -> dict[str, Any]:
        return {"at": at, "kind": kind, "operator": self.operator, "desk": self.desk,
                "applicant_id": None, "packet_id": None, "visit_id": None, "item_code": None,
                "copies": None, "reason": None, "reason_text": "", "reverses_id": None,
                "detail": {}}


def _bind(name: str) -> Any:
    from sqlalchemy import bindparam

    return bindparam(name)


def _values(form: ApplicantForm) -> dict[str, Any]:
    values = {key: getattr(form, key) for key in FIELDS}
    values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    values["unit"] = form.unit.strip()
    return values


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _existing(conn: Connection, numbers: list[str]) -> dict[str, dict[str, Any]]:
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


class _Raw(str):
    """A JSON text already encoded: passed to the database as it is."""


class _Bulk:
    """executemany through the DB-API with each column's own bind processing."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect
        self.sqlite = self.dialect.name == "sqlite"
        self.mark = "?" if self.dialect.paramstyle == "qmark" else "%s"

    def insert(self, table: Any, columns: Sequence[str], values: list[list[Any]]) -> None:
        """Insert rows given column by column (`values[i]` holds `columns[i]`)."""
        converted = []
        for name, column in zip(columns, values, strict=True):
            proc = table.c[name].type._cached_bind_processor(self.dialect)
            converted.append(column if proc is None else _convert(column, proc))
        sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
               f"VALUES ({', '.join(self.mark for _ in columns)})")
        self.conn.exec_driver_sql(sql, list(zip(*converted, strict=True)))


def _convert(column: list[Any], proc: Any) -> list[Any]:
    """A column through its bind processor; a roster repeats its dates and one import
    stamps one time, so each distinct value is converted once. None and already
    encoded JSON (_Raw) pass as they are."""
    memo: dict[Any, Any] = {None: None}
    for value in set(column):
        if value is not None:
            memo[value] = value if isinstance(value, _Raw) else proc(value)
    return list(map(memo.__getitem__, column))


_FORM_VALUES = attrgetter(*FIELDS, "unit")
_Stored = namedtuple("_Stored", ("id_number", *FIELDS, "unit"))  # type: ignore[misc]
_REASONS: dict[tuple[str, ...], str] = {}


def _stripped(column: tuple[Any, ...]) -> list[Any]:
    """A column of form values as stored: text without surrounding white space."""
    try:
        return list(map(str.strip, column))
    except TypeError:  # dates, numbers, None
        return [v.strip() if isinstance(v, str) else v for v in column]


def _verdict(result: Eligibility) -> tuple[str, tuple[str, ...]]:
    return result.verdict.value, result.reasons


def _reasons_json(reasons: tuple[str, ...]) -> str:
    """The reasons as the JSON column holds them (each distinct list encoded once)."""
    text = _REASONS.get(reasons)
    if text is None:
        if len(_REASONS) > 50_000:
            _REASONS.clear()
        text = _REASONS[reasons] = json.dumps(list(reasons), ensure_ascii=False)
    return text


def _consecutive(conn: Connection, first_id: int, count: int) -> bool:
    """Whether the rows just inserted got the ids first_id + 1 … first_id + count in order
    (SQLite hands out max(id) + 1 while this transaction holds the write lock)."""
    low, high, total = conn.execute(
        select(func.min(_APPLICANT.c.id), func.max(_APPLICANT.c.id), func.count())
        .where(_APPLICANT.c.id > first_id)).one()
    return (low, high, total) == (first_id + 1, first_id + count, count)


def _suspects(forms: list[ApplicantForm], today: dt.date) -> set[int]:
    """Offsets of the forms in which validate_applicant may find a problem."""
    if not forms:
        return set()
    names, numbers, units, kinds, genders, years, *dates = zip(*map(attrgetter(
        "name", "id_number", "unit", "id_kind", "gender", "field_years", "work_start",
        "graduated_on", "qualified_on"), forms), strict=True)
    suspect: set[int] = set()

    def flag(column: tuple[Any, ...], bad: Any) -> None:
        hits = {v for v in set(column) if bad(v)}
        if hits:
            suspect.update(o for o, v in enumerate(column) if v in hits)

    flag(names, lambda n: not 0 < len(n.strip()) <= 64)
    flag(units, lambda u: not 0 < len(u.strip()) <= 200)
    flag(genders, lambda g: g and g not in ("男", "女"))
    flag(years, lambda y: y is not None and not 0 <= y <= 70)
    earliest = dt.date(1940, 1, 1)
    for column in dates:
        flag(column, lambda d: d is not None and not earliest <= d <= today)
    checked = CHECKED_KINDS
    suspect.update(o for o, (kind, number) in enumerate(zip(kinds, numbers, strict=True))
                   if not (kind in checked and resident_ok(number))
                   and id_problem(kind, normalize_id(number)) is not None)
    return suspect
