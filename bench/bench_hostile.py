"""Hostile files and the cost of the workbook checks.

    python bench/bench_hostile.py [--rows 100000] [--repeats 3] [--skip-corpus]

1. Builds the hostile corpus (tests/hostile_corpus.py) and reads every file with
   every reader in a forked child: prints each file's time and peak RSS, worst first.
2. Writes a realistic roster (bench/bench_import.py's make_roster, --rows rows) and
   times the checks alone (zcdesk.importing.workbook_check.check_xlsx) against the
   whole read_roster, which includes them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `zcdesk`, `bench`, `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_import import OUT, make_roster
from tests import hostile_corpus
from zcdesk.importing.roster import read_roster
from zcdesk.importing.workbook_check import check_xlsx


def corpus() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        reports = list(hostile_corpus.run(hostile_corpus.build(Path(tmp))))
    reports.sort(key=lambda r: (-float(r["seconds"]), -float(r["max_rss_mb"])))  # type: ignore[arg-type]
    print(f"{'file':32} {'exit':>4} {'seconds':>8} {'peak MB':>8}")
    for r in reports:
        print(f"{r['file']:32} {r['exit']:>4} {r['seconds']:>8} {r['max_rss_mb']:>8}")
    worst_time = max(reports, key=lambda r: float(r["seconds"]))  # type: ignore[arg-type]
    worst_rss = max(reports, key=lambda r: float(r["max_rss_mb"]))  # type: ignore[arg-type]
    print(f"{len(reports)} files; slowest {worst_time['file']} {worst_time['seconds']} s; "
          f"largest {worst_rss['file']} {worst_rss['max_rss_mb']} MB; "
          f"failures {sum(r['exit'] != 0 for r in reports)}")


def overhead(rows: int, repeats: int) -> None:
    path = make_roster(OUT / f"roster-{rows}.xlsx", rows)
    data = path.read_bytes()
    checks, reads = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        check_xlsx(data, path.name)
        checks.append(time.perf_counter() - start)
        start = time.perf_counter()
        read_roster(path)
        reads.append(time.perf_counter() - start)
    check, read = statistics.median(checks), statistics.median(reads)
    print(f"{rows:,} rows ({len(data) / 1e6:.1f} MB): checks {check * 1000:.0f} ms of "
          f"read_roster {read * 1000:.0f} ms ({check / read:.0%})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-corpus", action="store_true")
    args = parser.parse_args()
    if not args.skip_corpus:
        corpus()
    overhead(args.rows, args.repeats)


if __name__ == "__main__":
    main()
