"""Two desks on one PostgreSQL database: throughput, lost updates, duplicate receipts.

    python bench/bench_pg_load.py [--actions 5000] [--packets 2000]
        [--server postgresql://postgres@127.0.0.1:5432/postgres]

Creates a fresh database, imports --packets applicants, then runs the same
workload (receive actions on random packets, a new visit — hence a receipt
number — every 10 actions) first in ONE process (the baseline), then in TWO
processes at once on a fresh copy. Prints actions per second for both and their
ratio, and checks that nothing was lost: every packet's cached state equals its
events (Store.check), versions match the events, receipt numbers are distinct
and gapless. The machine is shared; compare the ratio, not the absolute rate.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
from sqlalchemy import create_engine, text

from zcdesk.domain.idnumber import check_digit
from zcdesk.domain.records import ApplicantForm
from zcdesk.store import InputError, Store


def fresh_database(server: str, packets: int) -> str:
    name = f"zcdesk_load_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{server.rsplit('/', 1)[0]}/{name}"
    store = Store.open(url, operator="setup", desk="setup")
    store.set_desk_point("SC")
    forms = []
    for i in range(packets):
        first17 = f"330102{1970 + i % 30}0101{i % 1000:03d}"[:17]
        first17 = f"3301{i:06d}19800101"[:17] if i >= 30_000 else first17
        number = first17 + check_digit(first17)
        forms.append((i + 2, ApplicantForm(name=f"负载{i:05d}", id_number=number,
                                           unit=f"单位{i % 50}")))
    unique = {f.id_number: (r, f) for r, f in forms}
    report = store.import_roster(list(unique.values()))
    store.close()
    assert report.new == len(unique), report.summary()
    return url


def drop_database(server: str, url: str) -> None:
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def desk_worker(url: str, desk: str, actions: int, seed: int) -> int:
    store = Store.open(url, operator=f"操作员{desk}", desk=desk)
    packets = [row.packet_id for row in store.packet_rows()]
    rng = random.Random(seed)
    visit = None
    for n in range(actions):
        if n % 10 == 0:
            if visit is not None:
                store.close_visit(visit)
            visit = store.open_visit().id
        packet = rng.choice(packets)
        item = rng.choice(("evaluation", "registration"))
        try:
            store.accept(packet, item, 1, visit_id=visit)
        except InputError:
            store.reject(packet, item, 1, "缺水印", visit_id=visit)
    store.close()
    return actions


def run(url: str, desks: int, actions: int) -> float:
    start = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(desks) as pool:
        done = pool.starmap(desk_worker, [(url, f"窗口{d}", actions, d) for d in range(desks)])
    return sum(done) / (time.perf_counter() - start)


def verify(url: str) -> list[str]:
    store = Store.open(url)
    problems = store.check()
    store.close()
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        receipts = conn.execute(text("SELECT receipt_no FROM visit")).scalars().all()
        if len(receipts) != len(set(receipts)):
            problems.append(f"{len(receipts) - len(set(receipts))} 个重复收件号")
        lost = conn.execute(text(
            "SELECT count(*) FROM packet p WHERE p.version <> (SELECT count(*) FROM event e "
            "WHERE e.packet_id = p.id AND e.kind IN ('accept','reject','reversal'))")).scalar()
        if lost:
            problems.append(f"{lost} 个材料袋的版本号与记录数不符（丢失更新）")
    engine.dispose()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=5000, help="receive actions per desk")
    parser.add_argument("--packets", type=int, default=2000)
    parser.add_argument("--server", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args(argv)
    results = {}
    for desks in (1, 2):
        url = fresh_database(args.server, args.packets)
        try:
            results[desks] = run(url, desks, args.actions)
            problems = verify(url)
        finally:
            drop_database(args.server, url)
        print(f"{desks} desk(s) × {args.actions} actions: {results[desks]:.0f} actions/s; "
              f"lost updates / duplicate receipts: {'; '.join(problems) or 'none'}")
        if problems:
            return 1
    print(f"two desks at once vs one desk alone: {results[2] / results[1]:.2f}× the throughput")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
