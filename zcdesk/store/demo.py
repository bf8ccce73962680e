"""The demo database: a round around today with ~60 applicants in every state.

The round is the shipped 2025H1 pack moved so that today is PAPER_IN_DAYS before
its paper deadline (#11: the demo lives in the present, its deadlines open). It is
built through the Store itself, so every packet's state comes from real events,
dated along a short timeline of the last working days: visits first, then the
batch handed over, the city's decisions after it, the forms back today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from zcdesk.domain.checklist import RejectReason
from zcdesk.domain.idnumber import check_digit
from zcdesk.domain.records import ApplicantForm
from zcdesk.domain.round_pack import RoundPack, dump_pack, load_pack, shifted, shipped_pack_path
from zcdesk.store.facade import Store

UNITS = [
    "杭州汽轮机股份有限公司", "杭州制氧机集团股份有限公司", "浙江中控技术股份有限公司",
    "杭州海康威视数字技术股份有限公司", "杭州老板电器股份有限公司", "万向钱潮股份有限公司",
    "杭州西子电梯科技有限公司", "浙江大华技术股份有限公司", "杭州娃哈哈集团有限公司",
    "杭州市电力设计院有限公司",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟",
         "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "晓东", "文博", "思远",
         "一鸣", "雨桐", "子涵", "浩然"]
REGIONS = ["330102", "330105", "330106", "330111", "330122", "330127", "330481", "330281"]
SPECIALTIES = ["机电制造", "电子", "电气", "电力", "信息", "化工", "材料", "能源", "光学光电"]
POSITIONS = ["工程师", "项目经理", "技术主管", "研发工程师", "质量工程师", "产品经理"]
EDUCATION = [("大学本科", "学士"), ("硕士研究生", "硕士"), ("大学专科", ""), ("博士研究生", "博士")]
SCHOOLS = ["浙江大学", "浙江工业大学", "杭州电子科技大学", "中国计量大学", "浙江理工大学"]
QUALIFICATIONS = [("项目管理专业人士资格认证（PMP）", "美国项目管理协会"),
                  ("产品经理国际资格认证（NPDP）", "美国产品开发与管理协会"),
                  ("国际项目经理资质认证 C 级（IPMP）", "国际项目管理协会"),
                  ("功能安全工程师（TUV FSEng）", "德国技术监督协会授权的认证机构"),
                  ("防爆电气产品认证体系人员能力认证（IECEx CoPC）", "IECEx 授权的认证机构")]


def demo_id_number(rng: random.Random, birth: dt.date, male: bool) -> str:
    seq = rng.randrange(10, 99) * 10 + rng.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8])
    first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def demo_forms(count: int = 60, seed: int = 2025) -> list[ApplicantForm]:
    rng = random.Random(seed)
    forms: list[ApplicantForm] = []
    seen: set[str] = set()
    for i in range(count):
        male = rng.random() < 0.6
        birth = dt.date(rng.randrange(1972, 1997), rng.randrange(1, 13), rng.randrange(1, 29))
        number = demo_id_number(rng, birth, male)
        while number in seen:
            number = demo_id_number(rng, birth, male)
        seen.add(number)
        # Two applicants share the name 王伟: the scan field must offer the choice.
        name = "王伟" if i in (3, 41) else rng.choice(SURNAMES) + rng.choice(GIVEN)
        education, degree = rng.choice(EDUCATION)
        graduated = dt.date(birth.year + rng.randrange(22, 27), 7, 1)
        qualification, issuer = rng.choice(QUALIFICATIONS)
        forms.append(ApplicantForm(
            name=name, id_number=number, unit=UNITS[i % len(UNITS)],
            gender="男" if male else "女", position=rng.choice(POSITIONS),
            work_start=graduated + dt.timedelta(days=rng.randrange(20, 90)),
            specialty=rng.choice(SPECIALTIES), field_years=max(1, 2025 - graduated.year - 1),
            education=education, degree=degree, school=rng.choice(SCHOOLS),
            graduated_on=graduated, qualification=qualification, qualification_issuer=issuer,
            qualified_on=dt.date(rng.randrange(2016, 2025), rng.randrange(1, 13), 15)))
    return forms


DEMO_OPERATORS = (("演示管理员", "2580", "admin"), ("小王", "3690", "clerk"))
PAPER_IN_DAYS = 12  # today is this many days before the demo round's paper deadline
SHIPPED_ROUND = "2025H1"


def demo_round(today: dt.date) -> RoundPack:
    """The shipped round moved so that its paper deadline is PAPER_IN_DAYS away;
    the shipped one itself when today already lies there."""
    base = load_pack(shipped_pack_path(SHIPPED_ROUND))
    paper = today + dt.timedelta(days=PAPER_IN_DAYS)
    days = (paper - base.deadlines.paper).days
    if days == 0:
        return base
    first_half = paper.month <= 6
    code = f"{paper.year}{'H1' if first_half else 'H2'}"
    name = f"{paper.year} {'上' if first_half else '下'}半年度"
    moved = shifted(base, code, name, days=days)
    # 年限计算截止 is 30 June of the year of recognition (the notice's 六); a plain
    # shift of days can carry it into the next year, past every deadline.
    cutoff = dt.date(paper.year, 6, 30)
    return load_pack(dump_pack(dataclasses.replace(
        moved, deadlines=dataclasses.replace(moved.deadlines, cutoff=cutoff))))


def _use_demo_round(store: Store, today: dt.date) -> None:
    """Import and switch to the round around today (a new database holds 2025H1)."""
    pack = demo_round(today)
    if pack.code != store.current_round().code:
        store.import_round(dump_pack(pack), source="演示")
        store.activate_round(pack.code)


class _Timeline:
    """The seeding store's clock, set to moments of the last working days."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.real = store.clock
        now = self.real()
        days: list[dt.date] = []
        day = now.date()
        while len(days) < 8:  # today and the seven working days before it
            if day.weekday() < 5 or day == now.date():
                days.append(day)
            day -= dt.timedelta(days=1)
        self.days = days  # days[0] is today

    def at(self, days_ago: int, hour: int, minute: int = 0) -> dt.date:
        """Set the clock to `hour:minute` of the working day `days_ago` back."""
        day = self.days[min(days_ago, len(self.days) - 1)]
        moment = dt.datetime.combine(day, dt.time(hour, minute))
        if days_ago == 0:
            moment = min(moment, self.real())  # nothing recorded later than now
        self.store.clock = lambda: moment
        return day

    def restore(self) -> None:
        self.store.clock = self.real


def seed_demo(store: Store, count: int = 60) -> None:
    """Fill an empty, migrated database with the demo office's day.

    Operators: 演示管理员 (admin, PIN 2580) and 小王 (clerk, PIN 3690); the login
    dialog of the demo says so.
    """
    operator, role = store.operator, store.role
    # The demo's history reads as the office's own, not the OS account that seeded it.
    store.operator = DEMO_OPERATORS[0][0]
    timeline = _Timeline(store)
    try:
        timeline.at(7, 8, 0)  # the office set up a week ago: every event in its order
        _use_demo_round(store, timeline.real().date())
        store.set_desk_point("SC")
        store.set_setting("desk.name", "演示窗口 1")
        _seed_counter_and_flow(store, timeline, count)
    finally:
        timeline.restore()
    for name, pin, kind in DEMO_OPERATORS:
        if kind == "clerk":
            store.login(DEMO_OPERATORS[0][0], DEMO_OPERATORS[0][1])
        store.create_operator(name, pin, kind)
    store.operator, store.role = operator, role  # the seeding session stays as it was


def _seed_counter_and_flow(store: Store, timeline: _Timeline, count: int) -> None:
    timeline.at(7, 8, 30)
    packets = [store.add_applicant(form) for form in demo_forms(count)]
    # Every third packet untouched (未收), a third partial (some with copies handed
    # back), a third complete; visits grouped by unit as employers hand in.
    by_unit: dict[str, list[int]] = {}
    for index, packet in enumerate(packets):
        if index % 3:
            by_unit.setdefault(packet.applicant.unit, []).append(index)
    for number, (unit, indexes) in enumerate(by_unit.items()):
        timeline.at(max(3, 6 - number // 3), 9 + number % 3, 15)  # three visits a day
        visit = store.open_visit("人事部 " + unit[2:4] + "老师", "0571-8888" + f"{len(unit):04d}",
                                 unit)
        for index in indexes:
            pid = packets[index].packet_id
            store.accept(pid, "evaluation", 2, visit_id=visit.id)
            if index % 3 == 1:
                store.accept(pid, "registration", 1, visit_id=visit.id)
                if index % 2:
                    store.reject(pid, "registration", 1, RejectReason.NO_STAMP,
                                 visit_id=visit.id)
            else:
                store.accept(pid, "registration", 2, visit_id=visit.id)
        store.close_visit(visit.id)
    store.refresh_eligibility()
    seed_flow(store, [p.packet_id for i, p in enumerate(packets) if i % 3 == 2], timeline)


def seed_flow(store: Store, complete: list[int], timeline: _Timeline) -> None:
    """After the counter: one batch already at the city bureau, decided and partly
    back with the employers; one batch being filled; the rest still at the counter.
    Each step after the one before it: hand-over, decisions, forms back, return."""
    if len(complete) < 12:
        return
    codes = [store.packet(pid).code for pid in complete]
    timeline.at(3, 15)
    sent = store.new_batch(fill=False).batch.batch_no
    store.batch_add(sent, codes[:8])
    store.batch_accept(sent, "report", 1)
    store.batch_accept(sent, "roster", 1)
    store.close_batch(sent)
    timeline.at(2, 10)
    store.hand_over(sent, "演示管理员", store.round_pack(store.current_round().code)
                    .city.contact or "市职改办")
    decided = timeline.at(1, 16)
    for index, code in enumerate(codes[:8]):
        store.record_decision(code, "不通过" if index == 5 else "通过", decided,
                              f"杭职改〔{decided.year}〕12 号")
    timeline.at(0, 8, 40)
    store.receive_back(batch_no=sent)
    first_unit = store.units_to_return()[0][0]
    store.record_return(first_unit, "演示管理员", "人事部 " + first_unit[2:4] + "老师")
    filling = store.new_batch(fill=False).batch.batch_no
    store.batch_add(filling, codes[8:12])
    store.batch_accept(filling, "report", 1)
