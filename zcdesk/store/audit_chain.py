"""The audit trail's hash chain: every event sealed by the hash of the one before (#12).

Each event gets one row in `event_seal`: SHA-256 over the previous seal's hash and the
event's canonical content (its columns as JSON, keys sorted). `audit_chain` keeps the
head: the last sealed event's id and hash. Both `event` and `event_seal` are
append-only (triggers, migrations 0005 and 0011), so an edit, a deletion or a
reordering of events breaks the chain from that event on, and `zcdesk check` names the
first broken event. The head is printed on backups and transmittal lists: a chain
rewritten from some event on no longer matches the paper.

Sealing runs at the end of every write transaction (Store._write), in the same
transaction: it seals whatever events are not yet sealed, in id order. On PostgreSQL
every write transaction first takes one advisory lock, so event ids are handed out in
commit order and (by the trigger of migration 0011) without gaps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, insert, select, text, update

from zcdesk.store import models as m
from zcdesk.store import sqlite_driver

GENESIS = "0" * 64
# pg_advisory_xact_lock key of the chain (any constant; "zcde" in ASCII)
PG_CHAIN_LOCK = 0x7A636465
_EVENT = m.Event.__table__
_SEAL = m.EventSeal.__table__
_HEAD = m.AuditChain.__table__
_CHUNK = 5000
# The triggers that keep the trail append-only, by backend (names from 0005 and 0011).
SQLITE_TRIGGERS = ("event_no_update", "event_no_delete", "event_seal_no_update",
                   "event_seal_no_delete")
PG_TRIGGERS = ("event_append_only", "event_no_truncate", "event_gapless_id",
               "event_seal_append_only", "event_seal_no_truncate")


@dataclass(frozen=True)
class ChainHead:
    """The last sealed event: printed on backups and transmittal lists."""

    last_id: int
    hash: str

    def words(self) -> str:
        if not self.last_id:
            return "审计链：尚无事件"
        return f"审计链：截至第 {self.last_id} 条事件，哈希 {self.hash[:16]}"


def canonical(row: Sequence[Any]) -> bytes:
    """An event's content as sealed (format 1): its columns as a JSON array, then its
    `detail` exactly as stored. `row` is as `_event_rows` reads it: the same text
    from SQLite and PostgreSQL (the time as "YYYY-MM-DD HH:MM:SS.ffffff")."""
    return (json.dumps(row[:-1], ensure_ascii=False, separators=(",", ":")) + "\n"
            + (row[-1] or "")).encode("utf-8")


def link(previous: str, row: Sequence[Any]) -> str:
    return hashlib.sha256(previous.encode("ascii") + b"\n" + canonical(row)).hexdigest()


def _columns_json() -> Callable[[Sequence[Any]], str]:
    """json.dumps(columns, ensure_ascii=False, separators=(",", ":")) without its cost per
    call (a new encoder object each time: two thirds of sealing 10,000 events): the C
    encoder json.dumps itself uses, made once. Byte for byte what canonical() writes
    (tests/test_audit_chain.py compares both on varied rows). Only the check for
    circular references is left out: a row of column values holds none."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python without the _json accelerator: json.dumps' own way
        return encoder.encode
    encode = make(None, encoder.default, json.encoder.encode_basestring, None,
                  encoder.key_separator, encoder.item_separator, False, False, True)
    join = "".join
    return lambda columns: join(encode(columns, 0))


_COLUMNS_JSON: Final = _columns_json()


def links(previous: str, rows: Iterable[Sequence[Any]]) -> Iterator[tuple[int, str]]:
    """(event id, seal) of each row in turn, chained from `previous`: link() for a run
    of events, the same hashes made cheaper (seal() uses it; verify() keeps link())."""
    columns, sha256 = _COLUMNS_JSON, hashlib.sha256
    for row in rows:
        content = columns(row[:-1]) + "\n" + (row[-1] or "")
        previous = sha256(b"%b\n%b" % (previous.encode("ascii"),
                                        content.encode("utf-8"))).hexdigest()
        yield row[0], previous


_SELECT = ("SELECT e.id, e.at, e.kind, e.operator, e.desk, e.applicant_id, e.packet_id,"
           " e.visit_id, e.batch_id, e.item_code, e.copies, e.reason, e.reason_text,"
           " e.reverses_id, {detail}{seal} FROM event AS e{join} WHERE e.id > {after}"
           " ORDER BY e.id")


def _event_rows(conn: Connection, after: int, *, with_seal: bool = False
                ) -> Iterator[tuple[Any, ...]]:
    """Events after id `after` in id order, through the driver (no per-row type work:
    100,000 rows must verify in well under a second), with their seal's hash last."""
    postgres = conn.dialect.name == "postgresql"
    sql = _SELECT.format(
        detail="e.detail::text" if postgres else "e.detail",
        seal=", s.hash" if with_seal else "",
        join=" LEFT JOIN event_seal AS s ON s.event_id = e.id" if with_seal else "",
        after=int(after))
    if sqlite_driver.is_sqlite(conn):  # plain tuples, the same text, no Row objects
        yield from sqlite_driver.rows(conn, sql, _CHUNK)
        return
    result = conn.exec_driver_sql(sql)
    while True:
        batch = result.fetchmany(_CHUNK)
        if not batch:
            return
        for row in batch:
            at = row[1]
            if isinstance(at, dt.datetime):  # psycopg: SQLite's own text form
                row = (row[0], at.isoformat(sep=" ", timespec="microseconds"), *row[2:])
            yield tuple(row)


def head(conn: Connection, *, lock: bool = False) -> ChainHead:
    stmt = select(_HEAD.c.last_event_id, _HEAD.c.last_hash).where(_HEAD.c.id == 1)
    if lock and conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = conn.execute(stmt).first()
    return ChainHead(row[0], row[1]) if row is not None else ChainHead(0, GENESIS)


def take_lock(conn: Connection) -> None:
    """PostgreSQL: one writer at a time, so ids are given in the order they are sealed."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_CHAIN_LOCK})


def seal(conn: Connection) -> ChainHead:
    """Seal every event after the head, in id order; the new head."""
    start = head(conn, lock=True)
    seals = list(links(start.hash, _event_rows(conn, start.last_id)))
    if not seals:
        return start
    last_id, last_hash = seals[-1]
    if sqlite_driver.is_sqlite(conn):  # one executemany of plain tuples
        sqlite_driver.executemany(
            conn, "INSERT INTO event_seal (event_id, hash) VALUES (?, ?)", seals)
    else:
        for chunk in _chunks([{"event_id": i, "hash": h} for i, h in seals]):
            conn.execute(insert(_SEAL), chunk)
    # One statement in the usual case: the head row exists once anything was sealed.
    if not conn.execute(update(_HEAD).where(_HEAD.c.id == 1)
                        .values(last_event_id=last_id, last_hash=last_hash)).rowcount:
        conn.execute(insert(_HEAD).values(id=1, last_event_id=last_id, last_hash=last_hash))
    return ChainHead(last_id, last_hash)


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), _CHUNK):
        yield rows[start:start + _CHUNK]


def verify(conn: Connection) -> list[str]:
    """Every problem of the trail, in words (empty: intact). Names the first event
    whose content or seal no longer matches the chain, seals whose event is gone,
    gaps in the event ids, a head that is not the last seal, missing triggers."""
    problems = missing_triggers(conn)
    previous, expected_id, first_break = GENESIS, None, None
    gap_seen = False
    unsealed = 0
    last_sealed = 0
    for row in _event_rows(conn, 0, with_seal=True):
        event_id, sealed = row[0], row[-1]
        if expected_id is not None and event_id != expected_id and not gap_seen:
            gap_seen = True
            missing = (f"第 {expected_id} 条" if event_id - 1 == expected_id
                       else f"第 {expected_id} 至第 {event_id - 1} 条")
            problems.append(f"事件编号不连续：{missing}事件缺失（被删除）")
        expected_id = event_id + 1
        if sealed is None:
            unsealed += 1
            continue
        if first_break is None:
            want = link(previous, row[:-1])
            if want != sealed:
                first_break = event_id
        previous, last_sealed = sealed, event_id
    if first_break is not None:
        problems.append(f"审计链从第 {first_break} 条事件起对不上：该事件或其前面的记录在写入后"
                        "被改动、删除或调换了顺序")
    if unsealed:
        problems.append(f"有 {unsealed} 条事件没有封存哈希（绕过本程序写入，或封存记录被删除）")
    orphans = conn.execute(select(_SEAL.c.event_id).select_from(
        _SEAL.outerjoin(_EVENT, _EVENT.c.id == _SEAL.c.event_id))
        .where(_EVENT.c.id.is_(None)).order_by(_SEAL.c.event_id).limit(5)).scalars().all()
    if orphans:
        problems.append(f"第 {'、'.join(map(str, orphans))} 条事件已被删除（其封存哈希还在）")
    top = head(conn)
    if top.last_id != last_sealed or (last_sealed and top.hash != previous):
        problems.append(f"审计链的链头（第 {top.last_id} 条）与最后封存的事件（第 {last_sealed} "
                        "条）不一致")
    return problems


def missing_triggers(conn: Connection) -> list[str]:
    if conn.dialect.name == "postgresql":
        found = dict(conn.execute(text(
            "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal")).all())
        wanted: Iterable[str] = PG_TRIGGERS
        disabled = [t for t in wanted if found.get(t) == "D"]
        problems = [f"保护审计记录的触发器 {t} 已被停用" for t in disabled]
    else:
        found = dict.fromkeys(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
        wanted = SQLITE_TRIGGERS
        problems = []
    problems += [f"保护审计记录的触发器 {t} 不存在" for t in wanted if t not in found]
    return problems
