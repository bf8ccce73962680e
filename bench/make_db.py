"""Build a large, realistic zcdesk database for the benchmarks.

    python bench/make_db.py PATH [--count 100000] [--seed 2025] [--force]

The schema comes from `Store.open` (alembic migrations, reference data), the
desk point is set to SC through the Store, and then employers, applicants, one
packet per applicant in the current round and the `accept` events that explain
each packet's cached status are bulk-inserted with SQLAlchemy Core in one
transaction. An existing database at PATH with the same number of applicants is
reused unless --force is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from zcdesk.domain.idnumber import check_digit
from zcdesk.store import audit_chain
from zcdesk.store import models as m
from zcdesk.store.facade import Store
from zcdesk.store.migrate import HEAD

DEFAULT_COUNT = 100_000
DEFAULT_SEED = 2025
UNIT_COUNT = 2_000

# Surnames weighted roughly by frequency, so that 王/李/张 dominate as they do.
SURNAMES = (
    "王" * 14 + "李" * 14 + "张" * 13 + "刘" * 11 + "陈" * 10 + "杨" * 7 + "黄" * 5 + "赵" * 5
    + "吴" * 5 + "周" * 5 + "徐" * 4 + "孙" * 4 + "马" * 3 + "朱" * 3 + "胡" * 3 + "郭" * 3
    + "何" * 3 + "高" * 3 + "林" * 3 + "罗" * 2 + "郑" * 2 + "梁" * 2
    + "谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦"
    "付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN_1 = list("伟芳娜敏静丽强磊洋艳勇军杰娟涛明超霞平刚辉鹏华飞斌宇浩凯健俊帆")
GIVEN_2 = [
    "秀英", "桂英", "建华", "晓东", "文博", "思远", "一鸣", "雨桐", "子涵", "浩然", "志强",
    "建国", "海燕", "丽娟", "晓燕", "春梅", "志明", "俊杰", "欣怡", "梓轩", "宇航", "佳怡",
    "晨曦", "子豪", "家豪", "雅琪", "天宇", "博文", "振宇", "明轩", "嘉怡", "宏伟", "国强",
    "晓明", "建军", "立新", "卫东", "红梅", "玉兰", "雪梅", "文静", "婷婷", "亚男", "晓峰",
]
# 居民身份证 region codes of Hangzhou districts and counties (and a few from elsewhere).
REGIONS = [
    "330102", "330105", "330106", "330108", "330109", "330110", "330111", "330112",
    "330113", "330114", "330122", "330127", "330182", "330183", "330185", "330206",
    "330281", "330302", "330402", "330502", "330602", "330702", "330782", "320102",
    "340104", "360102", "410102", "420106", "430104", "510107",
]
CITY_PREFIX = ["杭州", "杭州", "杭州", "浙江", "浙江", "杭州市", "中电", "中国"]
BRAND = list("中华联新天宏远大恒信达泰安和瑞丰鑫盛兴隆正海江东西南北明光科创智数云汇通博"
             "思维力诚德嘉华宇航金银")
INDUSTRY = [
    "电气", "机电", "电子", "智能科技", "信息技术", "数字技术", "自动化", "精密机械", "新材料",
    "化工", "能源", "电力设计", "光电", "通信", "软件", "仪器仪表", "环保科技", "汽车零部件",
    "电梯", "传感技术", "半导体", "生物医药", "建设工程", "网络科技",
]
SUFFIX = ["有限公司", "有限公司", "股份有限公司", "集团有限公司", "科技有限公司"]
SPECIALTIES = ["机电制造", "电子", "电气", "电力", "信息", "化工", "材料", "能源", "光学光电",
               "计算机", "通信", "自动化", "机械设计", "环境工程"]
POSITIONS = ["工程师", "项目经理", "技术主管", "研发工程师", "质量工程师", "产品经理",
             "技术总监", "测试工程师", "工艺工程师", "设备工程师"]
EDUCATION = [("大学本科", "学士")] * 6 + [("硕士研究生", "硕士")] * 3 + [
    ("大学专科", ""), ("博士研究生", "博士")]
SCHOOLS = ["浙江大学", "浙江工业大学", "杭州电子科技大学", "中国计量大学", "浙江理工大学",
           "浙江科技大学", "宁波大学", "浙江师范大学", "上海交通大学", "东南大学", "同济大学",
           "华中科技大学", "西安电子科技大学", "南京理工大学"]
QUALIFICATIONS = [("项目管理专业人士资格认证（PMP）", "美国项目管理协会")] * 5 + [
    ("产品经理国际资格认证（NPDP）", "美国产品开发与管理协会"),
    ("国际项目经理资质认证 C 级（IPMP）", "国际项目管理协会"),
    ("功能安全工程师（TUV FSEng）", "德国技术监督协会授权的认证机构"),
    ("防爆电气产品认证体系人员能力认证（IECEx CoPC）", "IECEx 授权的认证机构"),
]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def unit_names(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        brand = rng.choice(BRAND) + rng.choice(BRAND)
        names.add(rng.choice(CITY_PREFIX) + brand + rng.choice(INDUSTRY) + rng.choice(SUFFIX))
    return sorted(names)


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN_1) if rng.random() < 0.35 else rng.choice(GIVEN_2)
    return rng.choice(SURNAMES) + given


def id_number(rng: random.Random, birth: dt.date, male: bool) -> str:
    seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def applicant_count(path: Path) -> int | None:
    """Applicants in an existing database, or None when it is not usable as is.

    A database at an older schema revision is not reused: opening it would
    migrate it (and copy it aside first), which is not what is measured.
    """
    if not path.exists():
        return None
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            applicants = conn.execute("SELECT count(*) FROM applicant").fetchone()[0]
            packets = conn.execute("SELECT count(*) FROM packet").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if revision != HEAD or applicants != packets:
        return None
    return applicants


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build(path: Path, count: int, seed: int = DEFAULT_SEED, *, quiet: bool = False) -> dict:
    """Create the database at `path` (replacing one there) and return a summary."""
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    started = time.perf_counter()
    path = path.resolve()
    tmp = path.with_name(path.name + ".building")
    _remove(tmp)
    rng = random.Random(seed)

    store = Store.open(sqlite_url(tmp), operator="bench", desk="bench")
    try:
        store.set_desk_point("SC")
        point = store.desk_point()
        assert point is not None
        round_ = store.current_round()
        items = store.checklist()  # packet-scope items with their required copies
        required = {i.code: i.copies_required for i in items}
        now = dt.datetime.now().replace(microsecond=0)
        cutoff = round_.cutoff_date

        units = unit_names(rng, UNIT_COUNT)
        # Employers differ in size: a few big ones hand in many packets.
        unit_weights = [1.0 / (1 + (i % 400)) ** 0.6 for i in range(len(units))]

        t_gen = time.perf_counter()
        seen: set[str] = set()
        applicants: list[dict] = []
        packets: list[dict] = []
        events: list[dict] = []
        statuses = {"none": 0, "partial": 0, "complete": 0}
        unit_ids = rng.choices(range(1, len(units) + 1), weights=unit_weights, k=count)
        for index in range(count):
            aid = index + 1
            male = rng.random() < 0.6
            birth = dt.date(rng.randrange(1965, 1999), rng.randrange(1, 13),
                            rng.randrange(1, 29))
            number = id_number(rng, birth, male)
            while number in seen:
                number = id_number(rng, birth, male)
            seen.add(number)
            education, degree = rng.choice(EDUCATION)
            graduated = dt.date(birth.year + {"大学专科": 21, "大学本科": 22, "硕士研究生": 25,
                                              "博士研究生": 28}[education], 7, 1)
            work_start = graduated + dt.timedelta(days=rng.randrange(20, 120))
            qualification, issuer = rng.choice(QUALIFICATIONS)
            applicants.append({
                "id": aid, "id_kind": "居民身份证", "id_number": number,
                "name": person_name(rng), "gender": "男" if male else "女",
                "unit_id": unit_ids[index], "position": rng.choice(POSITIONS),
                "work_start": work_start, "specialty": rng.choice(SPECIALTIES),
                "field_years": max(1, (cutoff - work_start).days // 365),
                "education": education, "degree": degree, "school": rng.choice(SCHOOLS),
                "graduated_on": graduated, "qualification": qualification,
                "qualification_issuer": issuer,
                "qualified_on": dt.date(rng.randrange(2012, 2025), rng.randrange(1, 13), 15),
                "title": "工程师", "series": "制造业",
                "created_at": now - dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 90)),
            })
            # About 40 % untouched, 30 % partial, 30 % complete.
            roll = rng.random()
            if roll < 0.4:
                accepted: dict[str, int] = {}
            elif roll < 0.7:
                accepted = _partial(rng, required)
            else:
                accepted = dict(required)
            for code, copies in accepted.items():
                events.append({
                    "at": now, "kind": "accept", "operator": "bench", "desk": "bench",
                    "applicant_id": aid, "packet_id": aid, "item_code": code,
                    "copies": copies, "detail": {}})
            status = _status(accepted, required)
            statuses[status] += 1
            packets.append({"id": aid, "applicant_id": aid, "round_id": round_.id,
                            "point_id": point.id, "status": status, "accepted": accepted,
                            "version": len(accepted)})
        say(f"generated {count:,} applicants, {len(events):,} events "
            f"in {time.perf_counter() - t_gen:.1f} s")

        t_ins = time.perf_counter()
        with store.engine.begin() as conn:
            assert conn.scalar(select(func.count()).select_from(m.Applicant)) == 0
            conn.execute(insert(m.Unit), [{"id": i + 1, "name": n} for i, n in enumerate(units)])
            conn.execute(insert(m.Applicant), applicants)
            conn.execute(insert(m.Packet), packets)
            conn.execute(insert(m.Event), events)
            audit_chain.seal(conn)  # as every write of the app does (#12)
        say(f"inserted and sealed in {time.perf_counter() - t_ins:.1f} s")
    finally:
        store.close()
    import sqlite3

    raw = sqlite3.connect(tmp, isolation_level=None)  # outside any transaction
    try:
        raw.execute("ANALYZE")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    _remove(path)
    os.replace(tmp, path)
    _remove(tmp)
    summary = {"path": str(path), "applicants": count, "units": len(units),
               "events": len(events), "status": statuses,
               "seconds": round(time.perf_counter() - started, 1)}
    say(f"built {path}: {count:,} applicants, {len(units):,} units, {len(events):,} accept "
        f"events; status {statuses}; {summary['seconds']} s")
    return summary


def _partial(rng: random.Random, required: dict[str, int]) -> dict[str, int]:
    """Some copies of some items, but not everything the checklist requires."""
    codes = list(required)
    while True:
        accepted = {c: rng.randrange(0, required[c] + 1) for c in codes}
        accepted = {c: n for c, n in accepted.items() if n}
        if accepted and _status(accepted, required) == "partial":
            return accepted


def _status(accepted: dict[str, int], required: dict[str, int]) -> str:
    # Mirrors zcdesk.domain.completeness.derive_status.
    if all(accepted.get(c, 0) >= n for c, n in required.items()):
        return "complete"
    if any(accepted.get(c, 0) > 0 for c in required):
        return "partial"
    return "none"


def ensure(path: Path, count: int, seed: int = DEFAULT_SEED, *, force: bool = False,
           quiet: bool = False) -> Path:
    """The database at `path` with `count` applicants, built only when needed."""
    path = path.resolve()
    if not force:
        existing = applicant_count(path)
        if existing == count:
            if not quiet:
                print(f"reusing {path} ({existing:,} applicants; --force to rebuild)",
                      flush=True)
            return path
        if path.exists() and not quiet:
            what = f"has {existing:,} applicants" if existing is not None else \
                "is from another schema revision or incomplete"
            print(f"{path} {what}, want {count:,} at revision {HEAD}: rebuilding", flush=True)
    build(path, count, seed, quiet=quiet)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="SQLite file to create (or reuse)")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="applicants")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--force", action="store_true", help="rebuild even if it matches")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be positive")
    ensure(args.path, args.count, args.seed, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
