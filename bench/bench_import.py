"""Roster import speed against its durable floor, and its memory at the limits (#15, #12).

    python bench/bench_import.py [--rows 10000] [--runs 7] [--file PATH] [--skip-process]
    python bench/bench_import.py --memory      # + peak RSS at 100,000 rows and at MAX_ROWS
    python bench/bench_import.py --profile     # a cProfile of one zcdesk import

Writes a realistic roster (.xlsx, title row, 17 columns, ~0.5 % faulty rows) to
bench/out/ unless --file is given. Then, in one process, alternating `--runs` times,
each run on a fresh copy of a migrated database (copied off the clock):

- calamine: python-calamine's bare read of the sheet into Python lists;
- floor:    that read plus a plain sqlite3 executemany of the rows zcdesk takes into
            zcdesk's own schema (units, applicants, one packet + one event each, the
            same indexes, one BEGIN IMMEDIATE, WAL, synchronous=FULL): `floor_import`;
- zcdesk:   read_roster (limits check, header, conversion, validation), then
            Store.import_roster (one transaction: applicants, packets with their
            pre-check, events, audit seal, synchronous=FULL commit) and
            refresh_eligibility, as `zcdesk roster import` and the window's 导入 do.

It prints the medians and the medians of the per-run ratios (neighbours share the
load of a busy machine): zcdesk / floor (target ≤ 1.25×), zcdesk / calamine (≤ 3×).
Then, alternating again, the floor beside what #11/#12 require of each import, each
timed alone (limits check, pre-check, audit seal: `required_work`), and zcdesk's ratio
to the floor plus these.
Then whole processes, alternating: `zcdesk --db D roster import R` on a migrated
database against a `python -c` that only reads R with calamine (target ≤ 3×), with
`zcdesk batch list` and `python -c pass` for the start-up. Peak RSS comes from each
child's own rusage (os.wait4). Nothing asserts a timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `zcdesk` and `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from zcdesk.domain.idnumber import check_digit

OUT = Path(__file__).parent / "out"
HEADERS = ["序号", "姓名", "性别", "证件类别", "证件号码", "工作单位", "职务", "参加工作时间",
           "现从事专业", "工作年限", "学历", "学位", "毕业院校", "毕业时间", "职业资格名称",
           "颁证单位", "取得时间"]
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁"
            "谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红波宁斌浩宇轩然晨"
SPECIALTIES = ["电气工程", "机械设计", "电子信息", "软件工程", "化学工程", "材料科学", "自动化",
               "通信工程", "光电信息", "能源动力", "纺织工程", "食品工程", "项目管理", "工业设计"]
QUALIFICATIONS = [("PMP", "美国项目管理协会"), ("IPMP C级", "国际项目管理协会"),
                  ("NPDP", "美国产品开发与管理协会"), ("TUV FSEng", "TÜV莱茵"),
                  ("IECEx CoPC", "IECEx 授权的认证机构"), ("会员", "美国化学协会")]
EDUCATION = [("大学本科", "学士"), ("硕士研究生", "硕士"), ("大学专科", ""), ("博士研究生", "博士")]
SCHOOLS = ["浙江大学", "浙江工业大学", "杭州电子科技大学", "中国计量大学", "浙江理工大学",
           "浙江科技学院", "宁波大学", "上海交通大学", "同济大学", "南京大学"]


def make_roster(path: Path, rows: int = 10_000, seed: int = 2025) -> Path:
    """A platform-like roster with `rows` applicants (about 0.5 % with a fault)."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    ws = book.create_sheet("花名册")
    ws.append(["2025 上半年度申报评审工程师资格人员花名册"])
    ws.append(HEADERS)
    units = [f"杭州{rng.choice('华天新中恒正宏信达')}{rng.choice('电机仪器科技化工材料光电软件')}"
             f"有限公司{i}" for i in range(800)]
    used: set[str] = set()
    for i in range(rows):
        while True:
            birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(365 * 35))
            first17 = f"33010{rng.randrange(10)}{birth:%Y%m%d}{rng.randrange(1000):03d}"
            number = first17 + check_digit(first17)
            if number not in used:
                used.add(number)
                break
        graduated = dt.date(birth.year + 22, rng.choice((6, 7)), rng.choice((1, 30)))
        started = graduated + dt.timedelta(days=rng.randrange(0, 120))
        education, degree = rng.choice(EDUCATION)
        qualification, issuer = rng.choice(QUALIFICATIONS)
        row: list[object] = [
            i + 1, rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))),
            rng.choice("男女"), "居民身份证", number, rng.choice(units),
            rng.choice(["工程师", "技术员", "项目经理", "主管", ""]), started,
            rng.choice(SPECIALTIES), max(0, 2025 - started.year), education, degree,
            rng.choice(SCHOOLS), graduated, qualification, issuer,
            dt.date(rng.randrange(2012, 2025), rng.randrange(1, 13), 1)]
        fault = rng.random()
        if fault < 0.002:
            row[4] = float(number[:15] + "000")  # an ID a spreadsheet made a number
        elif fault < 0.004:
            row[7] = "去年"  # an unreadable date
        elif fault < 0.005:
            row[1] = ""  # no name
        ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def calamine_only(path: Path) -> list[list[object]]:
    """What the floor and the baseline read: the first sheet as Python lists."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_index(0).to_python(skip_empty_area=False)  # type: ignore[return-value]


# ---------------------------------------------------------------- the databases
def make_template(folder: Path) -> Path:
    """A migrated zcdesk database with its desk point set (schema, indexes, triggers,
    reference data), closed so that its WAL is checkpointed into the file copied."""
    from zcdesk.store import Store

    template = folder / "template.sqlite3"
    store = Store.open(f"sqlite:///{template}", operator="bench", desk="bench")
    store.set_desk_point("SC")
    store.close()
    return template


class Copies:
    """Fresh copies of the template, made off the clock; removed with the folder."""

    def __init__(self, template: Path) -> None:
        self.template, self.count = template, 0

    def __call__(self) -> Path:
        self.count += 1
        copy = self.template.with_name(f"run{self.count}.sqlite3")
        shutil.copy(self.template, copy)
        return copy


# ---------------------------------------------------------------- the floor
_APPLICANT_COLUMNS = ("id", "id_kind", "id_number", "name", "gender", "unit_id", "position",
                      "work_start", "specialty", "field_years", "education", "degree",
                      "school", "graduated_on", "qualification", "qualification_issuer",
                      "qualified_on", "title", "series", "created_at", "unit_address")


def _iso(value: object) -> object:
    """A cell as SQLite holds it: dates as ISO text (what SQLAlchemy's DATE stores)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def floor_import(path: Path, database: Path, taken: Sequence[int]) -> int:
    """calamine's read, then a plain sqlite3 executemany of the same rows into zcdesk's
    own schema (a copy of a migrated database: the same tables, indexes and
    triggers): units, applicants, one packet and one `applicant_added` event each, in
    one BEGIN IMMEDIATE … COMMIT with WAL and synchronous=FULL, as the app connects.

    `taken`: the sheet row indexes zcdesk takes (found beforehand), so that both write
    the same rows. Nothing is validated or converted beyond what SQLite needs.
    """
    rows = calamine_only(path)
    data = [rows[i] for i in taken]
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA busy_timeout=5000")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("BEGIN IMMEDIATE")
        round_id = connection.execute("SELECT id FROM round WHERE is_current").fetchone()[0]
        point_id = connection.execute(
            "SELECT id FROM acceptance_point WHERE code = 'SC'").fetchone()[0]
        connection.executemany("INSERT OR IGNORE INTO unit (name) VALUES (?)",
                               [(name,) for name in {row[5] for row in data}])
        units = dict(connection.execute("SELECT name, id FROM unit"))
        first = connection.execute("SELECT coalesce(max(id), 0) FROM applicant").fetchone()[0]
        packet0 = connection.execute("SELECT coalesce(max(id), 0) FROM packet").fetchone()[0]
        now = dt.datetime.now().isoformat(" ", "microseconds")
        applicants, packets, events = [], [], []
        for n, row in enumerate(data, start=1):
            (_, name, gender, kind, number, unit, position, work_start, specialty, years,
             education, degree, school, graduated, qualification, issuer, qualified) = row[:17]
            aid, pid = first + n, packet0 + n
            applicants.append((aid, kind, number, name, gender, units[unit], position,
                               _iso(work_start), specialty, years, education, degree, school,
                               _iso(graduated), qualification, issuer, _iso(qualified),
                               "工程师", "制造业", now, ""))
            packets.append((pid, aid, round_id, point_id))
            events.append((now, "bench", "bench", aid, pid,
                           f'{{"source": "roster", "file": "{path.name}", "row": {n}}}'))
        connection.executemany(
            f"INSERT INTO applicant ({', '.join(_APPLICANT_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in _APPLICANT_COLUMNS)})", applicants)
        connection.executemany(
            "INSERT INTO packet (id, applicant_id, round_id, point_id, status, accepted,"
            " version) VALUES (?, ?, ?, ?, 'none', '{}', 0)", packets)
        connection.executemany(
            "INSERT INTO event (at, kind, operator, desk, applicant_id, packet_id,"
            " reason_text, detail) VALUES (?, 'applicant_added', ?, ?, ?, ?, '', ?)", events)
        connection.execute("COMMIT")
    finally:
        connection.close()
    return len(data)


# ---------------------------------------------------------------- zcdesk
def zcdesk_import(path: Path, database: Path) -> tuple[int, int]:
    """What `zcdesk roster import` and the window's 导入 do, on an open store: read
    (limits check, header, conversion, validation), import (one transaction, the
    pre-check of every new applicant written with it, the audit seal, commit), then
    the pre-check of whoever still lacks one. The store is opened before, off the clock
    (`_OPEN` holds it)."""
    from zcdesk.importing.roster import read_roster

    store = _OPEN.pop(database)
    try:
        with _clock("zcdesk"):
            read = read_roster(path, today=store.clock().date(), pack=store.rules_pack())
            report = store.import_roster([(r.row_number, r.form) for r in read.rows],
                                         source=path.name, columns=read.columns)
            store.refresh_eligibility()
    finally:
        store.close()
    assert report.new == len(read.rows), report.summary()
    return report.new, len(read.problems) + len(report.refused)


_OPEN: dict[Path, Any] = {}
_TIMES: dict[str, list[float]] = {}


class _clock:
    """Adds the wall time of its block to _TIMES[label]."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        _TIMES.setdefault(self.label, []).append(time.perf_counter() - self.start)


def _open_store(database: Path) -> None:
    from zcdesk.store import Store

    store = Store.open(f"sqlite:///{database}", operator="bench", desk="bench")
    store.current_round(), store.desk_point(), store.checklist(), store.rules_pack()
    _OPEN[database] = store


def taken_rows(path: Path) -> list[int]:
    """The sheet row indexes (0-based) that zcdesk takes from `path`."""
    from zcdesk.importing.roster import read_roster

    return [r.row_number - 1 for r in read_roster(path).rows]


# ---------------------------------------------------------------- in one process
@dataclass(frozen=True)
class Ratios:
    runs: int
    medians: dict[str, float]
    zcdesk_over_floor: float  # median of the per-run ratios
    zcdesk_over_calamine: float
    floor_over_calamine: float

    def report(self) -> str:
        lines = [f"in one process, {self.runs} alternating runs, wall-clock medians:"]
        for label in ("calamine", "floor", "zcdesk"):
            lines.append(f"  {label:<9} {self.medians[label] * 1000:8.1f} ms")
        lines += [f"  zcdesk / floor    {self.zcdesk_over_floor:5.2f}×  (target ≤ 1.25×)",
                  f"  zcdesk / calamine {self.zcdesk_over_calamine:5.2f}×  (target ≤ 3×)",
                  f"  floor / calamine  {self.floor_over_calamine:5.2f}×"]
        return "\n".join(lines)


def in_process(path: Path, folder: Path, runs: int) -> Ratios:
    """calamine, the floor and zcdesk, alternating, each run on a fresh database copy;
    the cyclic GC is collected before each timed block (a fair start for all three)."""
    copies = Copies(make_template(folder))
    taken = taken_rows(path)
    calamine_only(path)  # warm the file cache and the imports
    database = copies()
    _open_store(database)
    zcdesk_import(path, database)  # warm zcdesk's imports and caches
    _TIMES.clear()
    for _ in range(runs):
        floor_db, zcdesk_db = copies(), copies()
        _open_store(zcdesk_db)
        gc.collect()
        with _clock("calamine"):
            calamine_only(path)
        gc.collect()
        with _clock("floor"):
            floor_import(path, floor_db, taken)
        gc.collect()
        zcdesk_import(path, zcdesk_db)
        floor_db.unlink()
        zcdesk_db.unlink()
    cal, flo, zc = _TIMES["calamine"], _TIMES["floor"], _TIMES["zcdesk"]
    return Ratios(runs, {k: statistics.median(v) for k, v in _TIMES.items()},
                  statistics.median(z / f for z, f in zip(zc, flo, strict=True)),
                  statistics.median(z / c for z, c in zip(zc, cal, strict=True)),
                  statistics.median(f / c for f, c in zip(flo, cal, strict=True)))


# ---------------------------------------------------------------- required work
_REQUIRED = ("floor", "limits check", "pre-check", "seal")


def required_work(path: Path, folder: Path, runs: int) -> str:
    """What #11 and #12 require of every import beyond the floor, each timed alone with
    zcdesk's own code, alternating with the floor: the workbook's limits check before
    calamine (#12), the pre-check of every new applicant (#11, a fresh checker as each
    import has) and the audit seal of its events (#12: hashing from the chain's head,
    then one executemany of the seals). The floor plus these is what no implementation
    of the issues can go below on one core; zcdesk's ratio to it says how much of the
    gap is zcdesk's own overhead."""
    from zcdesk.domain.eligibility import EligibilityChecker
    from zcdesk.importing.roster import read_roster
    from zcdesk.importing.workbook_check import check_xlsx
    from zcdesk.store import audit_chain

    copies = Copies(make_template(folder))
    taken = taken_rows(path)
    database = copies()
    _open_store(database)
    store = _OPEN[database]
    pack, today = store.rules_pack(), store.clock().date()
    store.close()
    _OPEN.pop(database)
    forms = [r.form for r in read_roster(path, today=today, pack=pack).rows]
    _TIMES.clear()
    for _ in range(runs):
        floor_db, zcdesk_db = copies(), copies()
        gc.collect()
        with _clock("floor"):
            floor_import(path, floor_db, taken)
        data = path.read_bytes()
        gc.collect()
        with _clock("limits check"):
            check_xlsx(data, path.name)
        checker = EligibilityChecker(pack=pack, bans=(), today=today)
        gc.collect()
        with _clock("pre-check"):
            for form in forms:
                checker.check(form, number_checked=True)  # as the import: checked once
        connection = sqlite3.connect(floor_db, isolation_level=None)
        try:
            head = connection.execute(
                "SELECT last_event_id, last_hash FROM audit_chain WHERE id = 1").fetchone()
            after, previous = head if head is not None else (0, audit_chain.GENESIS)
            events = connection.execute(audit_chain._SELECT.format(
                detail="e.detail", seal="", join="", after=after)).fetchall()
            gc.collect()
            with _clock("seal"):
                connection.execute("PRAGMA synchronous=FULL")
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany(
                    "INSERT INTO event_seal (event_id, hash) VALUES (?, ?)",
                    audit_chain.links(previous, events))
                connection.execute("COMMIT")
        finally:
            connection.close()
        _open_store(zcdesk_db)
        gc.collect()
        zcdesk_import(path, zcdesk_db)
        floor_db.unlink()
        zcdesk_db.unlink()
    medians = {label: statistics.median(v) for label, v in _TIMES.items()}
    required = [sum(run) for run in zip(*(_TIMES[k] for k in _REQUIRED), strict=True)]
    over = statistics.median(z / r for z, r in zip(_TIMES["zcdesk"], required, strict=True))
    lines = [f"the floor and what #11/#12 require beyond it, {runs} alternating runs, medians:"]
    lines += [f"  {label:<13} {value * 1000:8.1f} ms" for label, value in medians.items()]
    lines += [f"  floor + required    {statistics.median(required) * 1000:8.1f} ms",
              f"  zcdesk / (floor + required)  {over:5.2f}×",
              f"  1.25 × floor leaves {medians['floor'] * 250:6.1f} ms beyond the floor; "
              f"the required work takes "
              f"{(statistics.median(required) - medians['floor']) * 1000:6.1f} ms"]
    return "\n".join(lines)


# ---------------------------------------------------------------- whole processes
@dataclass(frozen=True)
class Child:
    wall: float
    max_rss_mb: float
    code: int


# A small parent for each measured process: the peak RSS a child reports includes the
# memory of the process it was forked from (Linux keeps the high-water mark across
# exec), so the child is forked from a bare interpreter, not from this benchmark.
_SPAWN = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_child(argv: Sequence[str], env: dict[str, str]) -> Child:
    """A child process's wall time and peak RSS (its own, from wait4's rusage)."""
    out = subprocess.run([sys.executable, "-c", _SPAWN, *argv], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return Child(float(out[0]), int(out[1]) / 1024, int(out[2]))


def _child_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # The children's settings and logs stay in the bench folder.
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(folder / "xdg")
    return env


def _zcdesk_argv(database: Path, *command: str) -> list[str]:
    return [sys.executable, "-m", "zcdesk.cli", "--db", str(database), *command]


def _calamine_argv(path: Path) -> list[str]:
    return [sys.executable, "-c",
            "import sys, python_calamine as c; c.CalamineWorkbook.from_path(sys.argv[1])"
            ".get_sheet_by_index(0).to_python(skip_empty_area=False)", str(path)]


def whole_process(path: Path, folder: Path, runs: int) -> str:
    """`zcdesk --db D roster import R` on a migrated database vs a `python -c` that
    only reads R with calamine; `zcdesk batch list` and `python -c pass` for start-up."""
    copies = Copies(make_template(folder))
    env = _child_env(folder)
    import_argv = lambda db: _zcdesk_argv(db, "roster", "import", str(path))  # noqa: E731
    run_child(_calamine_argv(path), env)
    run_child(import_argv(copies()), env)  # warm the file cache and the bytecode
    times: dict[str, list[float]] = {}
    rss: dict[str, list[float]] = {}
    for _ in range(runs):
        for label, argv in (("python -c calamine", _calamine_argv(path)),
                            ("zcdesk roster import", import_argv(copies())),
                            ("python -c pass", [sys.executable, "-c", "pass"]),
                            ("zcdesk batch list", _zcdesk_argv(copies.template, "batch",
                                                               "list"))):
            child = run_child(argv, env)
            if child.code not in (0, 1):  # 1: some rows refused, as in the file
                raise SystemExit(f"{label} failed with exit {child.code}")
            times.setdefault(label, []).append(child.wall)
            rss.setdefault(label, []).append(child.max_rss_mb)
    lines = [f"whole processes, {runs} alternating runs, wall-clock medians (peak RSS):"]
    for label, walls in times.items():
        lines.append(f"  {label:<22} {statistics.median(walls):6.3f} s"
                     f"  ({max(rss[label]):5.0f} MB)")
    ratio = statistics.median(z / c for z, c in zip(
        times["zcdesk roster import"], times["python -c calamine"], strict=True))
    lines.append(f"  zcdesk roster import / python -c calamine {ratio:5.2f}×  (target ≤ 3×)")
    return "\n".join(lines)


def memory(paths: Sequence[Path], folder: Path) -> str:
    """Peak RSS and wall time of `zcdesk roster import` on each file (one run each)."""
    copies = Copies(make_template(folder))
    env = _child_env(folder)
    lines = ["whole `zcdesk roster import` on a migrated database, one run each:"]
    for path in paths:
        child = run_child(_zcdesk_argv(copies(), "roster", "import", str(path)), env)
        lines.append(f"  {path.name:<22} {child.wall:6.1f} s  peak RSS {child.max_rss_mb:5.0f} MB"
                     f"  (exit {child.code}; limits: 500 MB, 30 s)")
    return "\n".join(lines)


def profile(path: Path, folder: Path, top: int = 15) -> str:
    """cProfile of one zcdesk import (after a warm-up run): the top entries by own time."""
    import cProfile
    import io
    import pstats

    copies = Copies(make_template(folder))
    warm = copies()
    _open_store(warm)
    zcdesk_import(path, warm)
    database = copies()
    _open_store(database)
    profiler = cProfile.Profile()
    profiler.enable()
    zcdesk_import(path, database)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def roster_file(rows: int) -> Path:
    path = OUT / f"roster-{rows}.xlsx"
    if not path.exists():
        start = time.perf_counter()
        make_roster(path, rows)
        print(f"wrote {path} in {time.perf_counter() - start:.1f} s")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--file", type=Path, help="an existing roster to time instead")
    parser.add_argument("--skip-process", action="store_true",
                        help="no whole-process comparison")
    parser.add_argument("--memory", action="store_true",
                        help="also peak RSS and time at 100,000 rows and at MAX_ROWS")
    parser.add_argument("--profile", action="store_true",
                        help="only a cProfile of one zcdesk import")
    args = parser.parse_args(argv)
    path = args.file or roster_file(args.rows)
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="bench-import-", dir=OUT))
    try:
        if args.profile:
            print(profile(path, folder))
            return 0
        print(f"{path.name}: {len(taken_rows(path))} rows taken")
        print(in_process(path, folder, args.runs).report())
        print(required_work(path, folder, args.runs))
        if not args.skip_process:
            print(whole_process(path, folder, args.runs))
        if args.memory:
            from zcdesk.importing.limits import MAX_ROWS

            print(memory([roster_file(100_000), roster_file(MAX_ROWS - 2)], folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
