"""返还清单: the forms that came back from the city, handed back to one employer.

One list per unit: who, the committee's result with its 文号, the copies of each
item going back, and the signatures of the acceptance point (交付人) and of the
unit's clerk (领取人). Lists of a few hundred rows run over pages with the header
row repeated and 第 x 页 共 y 页 at the foot, like the 移交清单. Each list has a
number of its own (清单编号 FH-SC-2025H1-7K3QD), derived from what it lists: a reprint,
before or after the hand-back is recorded, keeps it; a list of other packets gets
another. Rows are in pinyin order of the names, as on screen.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.collation import name_key
from zcdesk.domain.flow import Decision, DecisionResult, ReturnList
from zcdesk.domain.records import PointInfo, RoundInfo
from zcdesk.printing.document import (
    FRAME_W,
    HEADING,
    Title,
    build_pdf,
    cn_date,
    cn_datetime,
    facts_table,
    grid_style,
    handover_block,
    para,
    show_id,
    styles,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintOptions
from zcdesk.printing.textlayout import cell

SIZE = 9.0
LEADING = SIZE * 1.3
PAD = 8.0  # left + right padding of a cell
FIXED = {"序号": 28.0, "姓名": 56.0, "证件号码": 100.0, "item": 38.0, "核对": 44.0}
NOTHING = "该单位没有待返还的材料袋，无需打印返还清单。"


def decision_text(decision: Decision | None) -> str:
    """通过　浙职改〔2025〕12号 / 不通过 / 未录入评审结果."""
    if decision is None:
        return "未录入评审结果"
    text = DecisionResult(decision.result).label
    return f"{text}　{decision.document_no}" if decision.document_no else text


def list_number(return_list: ReturnList) -> str:
    """FH-<point>-<round>-<5 characters>: the characters are a digest of the unit and
    the packet codes, so the number names this very set of packets (no counter in
    the database is needed, and no two desks can hand out the same one)."""
    codes = sorted(line.code for line in return_list.lines)
    digest = hashlib.sha256("\n".join([return_list.unit, *codes]).encode()).digest()
    tag = base64.b32encode(digest).decode()[:5]
    return f"FH-{return_list.point_code}-{return_list.heading_round}-{tag}"


def ordered(return_list: ReturnList) -> ReturnList:
    lines = tuple(sorted(return_list.lines, key=lambda line: (name_key(line.name), line.code)))
    return ReturnList(return_list.unit, return_list.round_code, return_list.point_code, lines,
                      return_list.returned_by, return_list.received_by, return_list.returned_at)


def column_widths(items: list[ChecklistItem]) -> list[float]:
    fixed = FIXED["序号"] + FIXED["姓名"] + FIXED["证件号码"] + FIXED["item"] * len(items) \
        + FIXED["核对"]
    return [FIXED["序号"], FIXED["姓名"], FIXED["证件号码"], FRAME_W - fixed,
            *([FIXED["item"]] * len(items)), FIXED["核对"]]


def _table(kit: TextKit, return_list: ReturnList, items: list[ChecklistItem],
           full_ids: bool) -> Table:
    widths = column_widths(items)
    head = ["序号", "姓名", "证件号码", "评审结果及文号",
            *(f"{i.short_name}\n份数" for i in items), "领取\n核对"]
    data: list[list[Any]] = [head]
    totals = [0] * len(items)
    for n, line in enumerate(return_list.lines, start=1):
        counts = [line.items.get(i.code, 0) for i in items]
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        values = [str(n), line.name, show_id(line.id_number, full_ids),
                  decision_text(line.decision)]
        fields = ["", "姓名", "证件号码", "文号"]
        data.append([*(cell(kit, v, w - PAD, SIZE, field=f, leading=LEADING,
                            align="centre" if i == 0 else "left")
                       for i, (v, w, f) in enumerate(zip(values, widths[:4], fields, strict=True))),
                     *(str(c) for c in counts), ""])
    data.append(["合计", f"{len(return_list.lines)} 人", "", "", *(str(t) for t in totals), ""])
    first_item = 4
    style = [
        *grid_style(kit.main.name, SIZE, leading=LEADING),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (first_item, 1), (-1, -1), "CENTER"),
        ("ALIGN", (1, -1), (1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (0, -1), 2),
        ("RIGHTPADDING", (0, 0), (0, -1), 2),
    ]
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


def returned_line(return_list: ReturnList) -> str:
    """已于 … 由 小王 交付，杭州汽轮机股份有限公司 张老师 领取 — once it is recorded."""
    if not return_list.returned_by:
        return ""
    when = f"已于 {cn_datetime(return_list.returned_at)} " if return_list.returned_at else "已"
    taker = return_list.received_by or "单位经办人"
    return f"返还记录：{when}由 {return_list.returned_by} 交付，{taker} 领取。"


def return_list_pdf(return_list: ReturnList, point: PointInfo, round_: RoundInfo,
                    items: list[ChecklistItem],
                    options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    """The 返还清单 of one unit; ValueError when it has no packet to return."""
    if not return_list.lines:
        raise ValueError(NOTHING)
    return_list = ordered(return_list)
    number = list_number(return_list)
    kit = TextKit.for_options(options)
    st = styles(kit)
    today = options.date()
    passed = sum(1 for line in return_list.lines
                 if line.decision and line.decision.result == DecisionResult.PASSED)
    failed = sum(1 for line in return_list.lines
                 if line.decision and line.decision.result == DecisionResult.FAILED)
    forms = sum(sum(line.items.values()) for line in return_list.lines)
    result_words = f"通过 {passed} 人，不通过 {failed} 人"
    undecided = len(return_list.lines) - passed - failed
    if undecided:
        result_words += f"，未录入结果 {undecided} 人"
    facts = [
        (f"领取单位：{return_list.unit}", f"清单编号：{number}"),
        (f"交付单位：{point.name}", f"日期：{cn_date(today)}"),
        (f"申报批次：{round_.name}", f"共 {len(return_list.lines)} 人，材料 {forms} 份"),
        (f"评审结果：{result_words}", ""),
    ]
    done = returned_line(return_list)
    if done:
        facts.append((done, ""))
    note = ("说明：以上材料为评审后返还的申报材料，请单位经办人当场核对份数，"
            "在“领取核对”栏打 √ 并签字，返还后由单位存入本人人事档案。")
    story: list[Flowable] = [
        para(kit, f"{HEADING}申报纸质材料", st.centre),
        Title(kit, "返还清单", 20),
        Spacer(1, 6),
        facts_table(kit, facts, 10.5),
        Spacer(1, 6),
        _table(kit, return_list, items, options.full_ids),
        Spacer(1, 4),
        para(kit, note, st.small),
        Spacer(1, 12),
        KeepTogether([handover_block(kit, [
            ("交付单位", point.name, ("交付人",)),
            ("领取单位", return_list.unit, ("领取人（单位经办人）",))])]),
    ]
    ident = f"返还清单 {number}"
    return build_pdf(story, kit, title=f"返还清单 {return_list.unit}", ident=ident,
                     continued="返还清单（续）", today=today)
