"""The audit trail's hash chain (#12): every event sealed; `check` names the first event
an after-the-fact edit, deletion or reordering broke, and a trigger dropped or disabled."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Connection, text

from zcdesk.store import Store, audit_chain

pytestmark = pytest.mark.both_backends


def _events(store: Store) -> list[int]:
    with store.engine.connect() as conn:
        return list(conn.execute(text("SELECT id FROM event ORDER BY id")).scalars())


def _tamper(store: Store, change: Callable[[Connection], None]) -> None:
    """As an attacker with the database file or the owner role: triggers off, change,
    triggers back on."""
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE event DISABLE TRIGGER USER"))
            conn.execute(text("ALTER TABLE event_seal DISABLE TRIGGER USER"))
            change(conn)
            conn.execute(text("ALTER TABLE event ENABLE TRIGGER USER"))
            conn.execute(text("ALTER TABLE event_seal ENABLE TRIGGER USER"))
            return
        saved = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                  " AND tbl_name IN ('event', 'event_seal')")).all()
        for name, _sql in saved:
            conn.execute(text(f"DROP TRIGGER {name}"))
        change(conn)
        for _name, sql in saved:
            conn.execute(text(sql))


@pytest.fixture
def busy(store: Store, people: dict[str, int]) -> Store:
    for name in ("张三", "李四", "王五"):
        store.accept(people[name], "evaluation", 2)
    store.undo_last()
    return store


def test_every_event_is_sealed_and_the_chain_holds(busy: Store) -> None:
    ids = _events(busy)
    assert ids == list(range(1, len(ids) + 1))  # no gaps
    head = busy.chain_head()
    assert head.last_id == ids[-1] and len(head.hash) == 64
    assert head.words().startswith(f"审计链：截至第 {ids[-1]} 条事件，哈希 {head.hash[:16]}")
    assert busy.check() == []


def test_an_edited_event_is_named(busy: Store) -> None:
    victim = _events(busy)[-3]
    _tamper(busy, lambda c: c.execute(text("UPDATE event SET copies = 1 WHERE id = :i"),
                                      {"i": victim}))
    assert any(f"审计链从第 {victim} 条事件起对不上" in p for p in busy.check())


def test_a_deleted_event_is_found(busy: Store) -> None:
    victim = _events(busy)[-3]  # an accept nothing refers to
    _tamper(busy, lambda c: (c.execute(text("DELETE FROM event_seal WHERE event_id = :i"),
                                       {"i": victim}),
                             c.execute(text("DELETE FROM event WHERE id = :i"), {"i": victim})))
    problems = " ".join(busy.check())
    assert f"事件编号不连续：第 {victim} 条事件缺失" in problems
    assert f"审计链从第 {victim + 1} 条事件起对不上" in problems


def test_swapped_events_are_found(busy: Store) -> None:
    a, b = _events(busy)[-3:-1]

    def swap(conn: Connection) -> None:
        rows = {r.id: r for r in conn.execute(
            text("SELECT id, kind, packet_id, copies FROM event WHERE id IN (:a, :b)"),
            {"a": a, "b": b})}
        for mine, theirs in ((a, b), (b, a)):
            r = rows[theirs]
            conn.execute(text("UPDATE event SET kind = :k, packet_id = :p, copies = :c"
                              " WHERE id = :i"),
                         {"k": r.kind, "p": r.packet_id, "c": r.copies, "i": mine})

    _tamper(busy, swap)
    assert any(f"审计链从第 {a} 条事件起对不上" in p for p in busy.check())


def test_a_missing_or_disabled_trigger_is_reported(busy: Store) -> None:
    with busy.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE event DISABLE TRIGGER event_append_only"))
            word = "event_append_only 已被停用"
        else:
            conn.execute(text("DROP TRIGGER event_no_update"))
            word = "event_no_update 不存在"
    assert any(word in p for p in busy.check())


def test_a_rewritten_chain_no_longer_matches_the_printed_head(busy: Store) -> None:
    """Rewriting every seal after an edit passes the chain check, but not the paper: the
    head printed on the last backup or transmittal list differs."""
    printed = busy.chain_head()
    victim = _events(busy)[-1]

    def rewrite(conn: Connection) -> None:
        conn.execute(text("UPDATE event SET copies = 1 WHERE id = :i"), {"i": victim})
        conn.execute(text("DELETE FROM event_seal"))
        conn.execute(text("DELETE FROM audit_chain"))
        audit_chain.seal(conn)

    _tamper(busy, rewrite)
    assert busy.check() == []
    assert busy.chain_head() != printed


@pytest.mark.parametrize("row", [
    (1, "2026-12-05 09:13:01.123456", "applicant_added", "张三", "一号窗口", 7, 8, None, None,
     None, None, None, "", None, '{"source": "roster", "file": "花名册.xlsx", "row": 3}'),
    (2, "2026-12-05 09:13:01.000001", "accept", "𠮷野家", "desk\t\"2\"\\", None, 3, 4, 5,
     "evaluation", 2, "missing", "缺少𪚥（罕用字）\n第二行\u2028\u0000", 1, None),
    (3, "2026-12-05 09:13:01.000000", "roster_imported", "bench", "", None, None, None, None,
     None, -1, None, "é\u200b\U0001F600", None, ""),
    (4, "x", "k", "o", "d", 2**63, 1.5, float("nan"), True, False, 0, "ı̇", "", None, "{}"),
])
def test_the_seal_of_a_run_is_link_by_link(row: tuple[object, ...]) -> None:
    """seal() hashes runs of events with links(), the verifier with link() and
    canonical() (json.dumps): the same bytes, the same chain, on rare CJK, controls,
    None, numbers and empty details."""
    other = (row[0] + 10, *row[1:-1], None)  # type: ignore[operator]
    start = audit_chain.GENESIS
    expected = []
    for one in (row, other, row):
        start = audit_chain.link(start, one)
        expected.append((one[0], start))
    assert list(audit_chain.links(audit_chain.GENESIS, [row, other, row])) == expected
