"""The demo lives in the present (#11 item 7): a round around today, open deadlines,
and a flow whose steps follow each other in time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zcdesk.store import Store
from zcdesk.store.demo import PAPER_IN_DAYS, demo_round, seed_demo


def _seeded(tmp_path: Path, now: dt.datetime) -> Store:
    store = Store.open(f"sqlite:///{tmp_path / 'demo.sqlite3'}", operator=None)
    store.clock = lambda: now
    seed_demo(store)
    return store


def test_the_demo_round_is_around_today(tmp_path: Path) -> None:
    now = dt.datetime(2026, 12, 4, 10, 30)
    store = _seeded(tmp_path, now)
    try:
        round_ = store.current_round()
        assert (round_.code, round_.name) == ("2026H2", "2026 下半年度")
        assert round_.paper_deadline == now.date() + dt.timedelta(days=PAPER_IN_DAYS)
        assert round_.cutoff_date == dt.date(2026, 6, 30)
        assert store.deadlines()[-1].calendar_days_left == PAPER_IN_DAYS
        assert {r.code: r.packets for r in store.rounds()} == {"2025H1": 0, "2026H2": 60}

        batch = next(b for b in store.batches() if b.handover is not None)
        handed = batch.handover.at  # type: ignore[union-attr]
        decided = [p.decision for p in store.batch(batch.batch_no).packets]
        assert all(d is not None and d.decided_on >= handed.date() for d in decided)
        assert all(d is not None and "〔2026〕" in d.document_no for d in decided)
        audit = store.audit()
        assert max(e.at for e in audit) <= dt.datetime.now()  # nothing in the future
        assert [e.at for e in audit] == sorted(e.at for e in audit)  # steps in order
    finally:
        store.close()


def test_on_the_shipped_round_s_own_dates_the_demo_keeps_it(tmp_path: Path) -> None:
    store = _seeded(tmp_path, dt.datetime(2025, 5, 18, 9, 30))  # 12 days before 5-30
    try:
        assert store.current_round().code == "2025H1"
        assert [r.code for r in store.rounds()] == ["2025H1"]
    finally:
        store.close()


@pytest.mark.parametrize("today", [dt.date(2026, 3, 1), dt.date(2027, 9, 15)])
def test_demo_round_codes_follow_the_half_year(today: dt.date) -> None:
    pack = demo_round(today)
    paper = today + dt.timedelta(days=PAPER_IN_DAYS)
    assert pack.code == f"{paper.year}{'H1' if paper.month <= 6 else 'H2'}"
    assert pack.deadlines.paper == paper
