"""City desk performance against the issue's targets.

    python bench/bench_city.py [--scans 500] [--packets 1000] [--runs 5]
                               [--big 20000]

(1) checking packets in at the city desk, one scan at a time (Store.checkin on a
    SQLite database with the app's PRAGMAs, one committed transaction per scan):
    p50/p95 ms per scan, target p95 <= 20 ms. Baseline in the same run: a bare
    sqlite3 INSERT + COMMIT per scan with the same PRAGMAs (WAL, synchronous=FULL).
(1b) the same, --scans scans into a batch of --big packets (20,000): a scan must
    not cost more because the batch's manifest is large (it is never loaded).
(2) importing a transmittal file of 1,000 packets into a fresh city database
    (Store.import_transmittal: unzip, SHA-256, parse, check, insert, one
    transaction): median seconds of --runs, target <= 1 s. Baseline: json.loads of
    the same manifest bytes.

The machine is shared and noisy: each figure is printed next to its baseline,
and nothing here asserts a timing. Exit code 0 unless a functional check failed
(a scan not checked in, an import with the wrong count).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE.parent))

from zcdesk.domain.flow import CheckinKind  # noqa: E402
from zcdesk.importing import transmittal_file as tf  # noqa: E402
from zcdesk.store import Store  # noqa: E402
from zcdesk.store.engine import BUSY_TIMEOUT_MS  # noqa: E402

SCAN_TARGET_MS = 20.0
IMPORT_TARGET_S = 1.0
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
UNITS = [f"杭州{brand}{kind}有限公司" for brand in ("华东", "钱江", "西子", "之江", "新安")
         for kind in ("电气", "机械", "化工", "电子")]


def manifest(batch_no: str, count: int) -> dict[str, Any]:
    """A manifest in the documented format (what close_batch freezes)."""
    prefix = batch_no.rsplit("-", 1)[0]
    packets = [{
        "code": f"{prefix}-P{n:06d}",
        "name": SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)],
        "id_kind": "居民身份证", "id_number": f"33010{n % 10}19{80 + n % 20}0101{n % 1000:03d}X",
        "unit": UNITS[n % len(UNITS)], "qualification": "PMP",
        "items": {"evaluation": 2, "registration": 2},
    } for n in range(1, count + 1)]
    return {
        "format": tf.FORMAT, "version": tf.VERSION, "batch_no": batch_no,
        "point": {"code": prefix.split("-")[0], "name": "上城区发展改革和经济信息化局"},
        "round": {"code": prefix.split("-")[1], "name": "2025 上半年度"},
        "closed_at": "2025-05-20T10:00:00", "closed_by": "李主任",
        "batch_items": {"report": 1, "roster": 1},
        "item_names": {"evaluation": "评审表", "registration": "登记表",
                       "report": "送评报告单", "roster": "花名册"},
        "packets": packets,
        "totals": {"packets": count, "forms": 4 * count},
    }


def city_store(path: Path) -> Store:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = Store.open(f"sqlite:///{path}", operator="bench", desk="bench")
    store.set_desk_point("CITY")
    return store


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def bench_checkin(work: Path, scans: int, packets: int | None = None
                  ) -> tuple[list[float], list[float], int]:
    store = city_store(work / "city-checkin.sqlite3")
    try:
        path = work / "checkin.zip"
        tf.write_transmittal(manifest("SC-2025H1-B001", packets or scans), path)
        store.import_transmittal(path)
        step = max(1, (packets or scans) // scans)  # spread over the whole batch
        codes = [f"SC-2025H1-P{n:06d}" for n in range(1, (packets or scans) + 1, step)][:scans]
        codes = codes[::2] + codes[1::2]  # not in list order: a pile of envelopes
        for warm in ("SC-2025H1-B001", "hello"):  # select the batch; a refused scan
            store.checkin(warm)
        times, failures = [], 0
        for code in codes:
            start = time.perf_counter()
            result = store.checkin(code)
            times.append((time.perf_counter() - start) * 1000)
            failures += result.kind is not CheckinKind.CHECKED_IN
        report = store.city_report("SC-2025H1-B001")
        failures += len(report.received) != len(codes)
    finally:
        store.close()
    baseline = bare_insert_commit(work / "bare.sqlite3", scans)
    return times, baseline, failures


def bare_insert_commit(path: Path, count: int) -> list[float]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE scan (id INTEGER PRIMARY KEY, code TEXT, at TEXT)")
    times = []
    for n in range(count):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO scan (code, at) VALUES (?, datetime('now'))",
                     (f"SC-2025H1-P{n:06d}",))
        conn.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def bench_import(work: Path, packets: int, runs: int) -> tuple[list[float], list[float],
                                                                list[float], int]:
    data = manifest("SC-2025H1-B001", packets)
    path = work / "import.zip"
    tf.write_transmittal(data, path)
    raw = tf.manifest_bytes(data)
    imports, reads, loads, failures = [], [], [], 0
    for run in range(runs + 1):  # the first is a warm-up
        store = city_store(work / "city-import.sqlite3")
        try:
            start = time.perf_counter()
            result = store.import_transmittal(path)
            took = time.perf_counter() - start
        finally:
            store.close()
        failures += result.batch.expected != packets
        start = time.perf_counter()
        tf.read_transmittal(path)
        read = time.perf_counter() - start
        start = time.perf_counter()
        json.loads(raw)
        load = time.perf_counter() - start
        if run:
            imports.append(took)
            reads.append(read)
            loads.append(load)
    return imports, reads, loads, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=500)
    parser.add_argument("--packets", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big", type=int, default=20000,
                        help="packets in the large batch of (1b); 0 skips it")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("XDG_DATA_HOME", str(OUT / "xdg-data"))
    os.environ.setdefault("XDG_STATE_HOME", str(OUT / "xdg-state"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(OUT / "xdg-config"))
    work = Path(tempfile.mkdtemp(prefix="bench-city-", dir=OUT))
    try:
        times, bare, failed_scans = bench_checkin(work, args.scans)
        big: list[float] = []
        if args.big:
            big, _, failed_big = bench_checkin(work, args.scans, args.big)
            failed_scans += failed_big
        imports, reads, loads, failed_imports = bench_import(work, args.packets, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    p50, p95 = pct(times, 50), pct(times, 95)
    b50, b95 = pct(bare, 50), pct(bare, 95)
    print(f"(1) check-in at the city desk, {len(times)} scans (SQLite, WAL, synchronous=FULL)")
    print(f"    checkin(code)         p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   "
          f"max {max(times):7.2f} ms")
    print(f"    bare INSERT+COMMIT    p50 {b50:7.2f} ms   p95 {b95:7.2f} ms   (baseline)")
    print(f"    p95 / target 20 ms = {p95 / SCAN_TARGET_MS:.2f}   "
          f"{'PASS' if p95 <= SCAN_TARGET_MS else 'MISS'}")
    print(f"    p50 / baseline p50 = {p50 / b50:.1f}×   p95 / baseline p95 = {p95 / b95:.1f}×")
    if big:
        g50, g95 = pct(big, 50), pct(big, 95)
        print(f"(1b) check-in, {len(big)} scans into a batch of {args.big} packets")
        print(f"    checkin(code)         p50 {g50:7.2f} ms   p95 {g95:7.2f} ms   "
              f"max {max(big):7.2f} ms")
        print(f"    p95 / target 20 ms = {g95 / SCAN_TARGET_MS:.2f}   "
              f"{'PASS' if g95 <= SCAN_TARGET_MS else 'MISS'}")
    imp, rd, ld = (statistics.median(v) for v in (imports, reads, loads))
    print(f"(2) import of a {args.packets}-packet transmittal file into a fresh city database,"
          f" median of {len(imports)}")
    print(f"    import_transmittal    {imp:7.3f} s   (min {min(imports):.3f}, "
          f"max {max(imports):.3f})")
    print(f"    read_transmittal only {rd:7.3f} s   (unzip, SHA-256, parse, checks)")
    print(f"    json.loads manifest   {ld:7.3f} s   (baseline)")
    print(f"    import / target 1 s = {imp / IMPORT_TARGET_S:.2f}   "
          f"{'PASS' if imp <= IMPORT_TARGET_S else 'MISS'}   "
          f"import / json.loads = {imp / ld:.0f}×")
    if failed_scans or failed_imports:
        print(f"FUNCTIONAL CHECK FAILED: {failed_scans} scans, {failed_imports} imports")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
