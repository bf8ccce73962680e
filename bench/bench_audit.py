"""How long `zcdesk check` takes to verify the audit chain (#12: ≤ 1 s per 100,000
events), next to a baseline measured in the same run: reading the same event rows
(the same query, through the driver) with no hashing at all.

    python bench/bench_audit.py [--count 100000] [--db PATH] [--runs 3]

The database comes from bench/make_db.py (built if missing). Prints seconds per
100,000 events for the verification and the baseline, and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_db import build

from zcdesk.store import audit_chain
from zcdesk.store import models as m
from zcdesk.store.engine import create_store_engine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = args.db or Path(__file__).parent / "out" / f"bench-{args.count}.sqlite3"
    if not path.exists():
        build(path, args.count)
    engine = create_store_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        events = conn.scalar(select(func.count()).select_from(m.Event.__table__))
        if not events or conn.scalar(select(func.count()).select_from(
                m.EventSeal.__table__)) != events:
            print("rebuild the database with make_db.py --force: its events are not sealed")
            return 1
        verify, baseline = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            rows = list(audit_chain._event_rows(conn, 0, with_seal=True))
            baseline.append(time.perf_counter() - started)
            del rows
            started = time.perf_counter()
            problems = audit_chain.verify(conn)
            verify.append(time.perf_counter() - started)
            if problems:
                print("the chain does not verify:", problems)
                return 1
    per = 100_000 / events
    v, b = statistics.median(verify) * per, statistics.median(baseline) * per
    print(f"{events:,} events; per 100,000 events: verify {v:.2f} s (target ≤ 1 s), "
          f"reading the rows alone {b:.2f} s, ratio {v / b:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
