"""Roster import speed: python-calamine alone vs read_roster (read + validate).

    python bench/bench_import.py [--rows 10000] [--repeats 15] [--file PATH]

Writes a realistic roster (.xlsx, title row, 17 columns, ~0.5 % faulty rows)
to bench/out/ unless --file is given, then times, alternating, N runs of

- calamine: open the workbook, read the sheet into Python lists;
- import:   read_roster (find the header, convert, validate every row),
            plus `write(rows)` when one is given (the lead's DB upsert).

and prints the best and median times and the median ratio of neighbouring
runs (steadier than best over best on a shared machine). The target for the
whole import incl. the database write is ≤ 2× calamine; read_roster's own
share should stay ≤ 1.3×.

To measure with the store's write, call from code:

    from bench.bench_import import bench_import, make_roster
    result = bench_import(make_roster(path), write=lambda rows: store.import_rows(rows))
    print(result.report())
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `zcdesk` and `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from zcdesk.domain.idnumber import check_digit
from zcdesk.importing.roster import RosterRow, read_roster

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
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_index(0).to_python(skip_empty_area=False)  # type: ignore[return-value]


@dataclass(frozen=True)
class Timing:
    wall: float  # time.perf_counter
    cpu: float  # time.process_time: this process only, steadier on a busy machine


def _timed(work: Callable[[], object]) -> tuple[Timing, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu), result


@dataclass(frozen=True)
class BenchResult:
    rows: int
    problems: int
    calamine: Sequence[Timing]
    read: Sequence[Timing]  # read_roster alone
    write: Sequence[Timing]  # the write callback alone (empty without one)

    def ratio(self, *, clock: str = "cpu", with_write: bool = False) -> float:
        """Import time over calamine time, by `clock` ("cpu" or "wall").

        The median of the ratios of neighbouring runs: on a shared machine the
        load changes from second to second, and neighbours share it.
        """
        ratios = []
        for index, base in enumerate(self.calamine):
            total = getattr(self.read[index], clock)
            if with_write and self.write:
                total += getattr(self.write[index], clock)
            ratios.append(total / getattr(base, clock))
        return statistics.median(ratios)

    def report(self) -> str:
        def line(label: str, times: Sequence[Timing]) -> str:
            wall = sorted(t.wall for t in times)
            cpu = sorted(t.cpu for t in times)
            return (f"{label:<22} cpu best {cpu[0]:.3f} s median {statistics.median(cpu):.3f} s"
                    f" | wall best {wall[0]:.3f} s median {statistics.median(wall):.3f} s")
        lines = [f"rows taken {self.rows}, refused {self.problems}",
                 line("python-calamine alone", self.calamine),
                 line("read_roster", self.read),
                 f"read_roster / calamine: {self.ratio():.2f}× cpu, "
                 f"{self.ratio(clock='wall'):.2f}× wall (target ≤ 1.3×)"]
        if self.write:
            lines.append(line("write callback", self.write))
            whole = self.ratio(clock="wall", with_write=True)
            lines.append(f"whole import / calamine: {whole:.2f}× wall (target ≤ 2×)")
        return "\n".join(lines)


def bench_import(path: Path, *, write: Callable[[list[RosterRow]], None] | None = None,
                 repeats: int = 15) -> BenchResult:
    """Time calamine alone and read_roster (+ write) on `path`, alternating runs."""
    cal: list[Timing] = []
    read: list[Timing] = []
    wrote: list[Timing] = []
    calamine_only(path)  # warm the file cache and the imports
    result = read_roster(path)
    for _ in range(repeats):
        gc.collect()
        cal.append(_timed(lambda: calamine_only(path))[0])
        gc.collect()
        timing, result = _timed(lambda: read_roster(path))  # type: ignore[assignment]
        read.append(timing)
        if write is not None:
            wrote.append(_timed(lambda rows=result.rows: write(rows))[0])
    return BenchResult(len(result.rows), len(result.problems), cal, read, wrote)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--file", type=Path, help="an existing roster to time instead")
    args = parser.parse_args(argv)
    path = args.file
    if path is None:
        path = OUT / f"roster-{args.rows}.xlsx"
        if not path.exists():
            start = time.perf_counter()
            make_roster(path, args.rows)
            print(f"wrote {path} in {time.perf_counter() - start:.1f} s")
    print(bench_import(path, repeats=args.repeats, write=_store_writer(args.repeats)).report())
    return 0


def _store_writer(repeats: int) -> Callable[[list[RosterRow]], None]:
    """The Store's import (one transaction, upsert by ID number) into a fresh database
    each run; the databases are made and migrated beforehand, outside the timing."""
    import shutil
    import tempfile

    from zcdesk.store import Store

    folder = Path(tempfile.mkdtemp(prefix="zcdesk-bench-import-"))
    template = folder / "template.sqlite3"
    maker = Store.open(f"sqlite:///{template}", operator="bench", desk="bench")
    maker.set_desk_point("SC")
    maker.close()  # checkpoints the WAL into the file that is copied
    stores = []
    for index in range(repeats):
        copy = folder / f"run{index}.sqlite3"
        shutil.copy(template, copy)
        store = Store.open(f"sqlite:///{copy}", operator="bench", desk="bench")
        store.current_round(), store.desk_point(), store.checklist()  # warm the caches
        stores.append(store)

    def write(rows: list[RosterRow]) -> None:
        # What `zcdesk roster import` and the window's 导入 do after reading: the
        # import, then the pre-check of whoever still lacks one.
        store = stores.pop()
        report = store.import_roster([(r.row_number, r.form) for r in rows])
        store.refresh_eligibility()
        assert report.new == len(rows), report.summary()

    return write


if __name__ == "__main__":
    raise SystemExit(main())
