"""一次性补正告知单: everything still missing or handed back, told once and in writing."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.records import PointInfo, RoundInfo, VisitInfo, VisitSummary
from zcdesk.printing.content import Problem, rejection_text, requirement_text, visit_problems
from zcdesk.printing.document import (
    FRAME_W,
    HEADING,
    Title,
    build_pdf,
    cn_date,
    grid_style,
    para,
    show_id,
    signatures,
    styles,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintOptions
from zcdesk.printing.textlayout import cell

NOTHING_TO_TELL = "本次收件的材料没有缺少或退回，无需打印一次性补正告知单。"


def _row_texts(problem: Problem) -> tuple[str, str, str]:
    missing = f"{problem.missing} 份" if problem.missing else "—"
    returned = "；".join(f"{r.copies} 份：{rejection_text(r)}" for r in problem.rejections)
    if problem.missing:
        need = f"补交 {problem.missing} 份，{requirement_text(problem.state.item)}"
    else:
        need = "退回份已补足，无需补交"
    return missing, returned or "—", need


def _table(kit: TextKit, found: list[Problem], items: list[ChecklistItem], full_ids: bool,
           size: float) -> Table:
    widths = [22.0, 46.0, 98.0, 100.0, 32.0, 78.0]
    widths.append(FRAME_W - sum(widths))
    pad = 8.0
    data: list[list[Any]] = [["序号", "姓名", "证件号码", "材料名称", "尚缺", "退回份数及原因",
                              "补正要求"]]
    numbers: dict[int, int] = {}
    for problem in found:
        a = problem.packet.applicant
        n = numbers.setdefault(problem.packet.packet_id, len(numbers) + 1)
        missing, returned, need = _row_texts(problem)
        values = [str(n), a.name, show_id(a.id_number, full_ids), problem.state.item.name,
                  missing, returned, need]
        fields = ["", "姓名", "证件号码", "", "", "退回原因", ""]
        data.append([cell(kit, v, w - pad, size, field=f,
                          align="centre" if i in (0, 4) else "left")
                     for i, (v, w, f) in enumerate(zip(values, widths, fields, strict=True))])
    style = [*grid_style(kit.main.name, size),
             ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (4, 1), (4, -1), "CENTER")]
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


def deadline_sentence(visit: VisitInfo, round_: RoundInfo, where: str) -> str:
    """The closing paragraph: by when, where to, and what to bring along.

    The visit's own correction deadline (counted in working days when the visit
    was closed) when there is one, else the round's paper deadline. Only the
    date is printed: how many working days it was is not recorded with it.
    """
    show = f"补交时请出示本告知单或告知收件号 {visit.receipt_no}。"
    if visit.correction_due is not None:
        return (f"以上为需补正的全部材料，请一次性补齐。请于 {cn_date(visit.correction_due)}"
                f"前补齐上述材料，送至{where}；{show}")
    return (f"以上为需补正的全部材料，请一次性补齐。请于 {cn_date(round_.paper_deadline)}"
            f"前将补正材料送至{where}，{show}")


def notice_story(kit: TextKit, summary: VisitSummary, point: PointInfo, round_: RoundInfo,
                 items: list[ChecklistItem], options: PrintOptions) -> list[Flowable]:
    found = visit_problems(summary, items)
    if not found:
        raise ValueError(NOTHING_TO_TELL)
    visit = summary.visit
    st = styles(kit)
    addressee = visit.visitor_unit or visit.visitor_name or "递交人"
    you = "你单位" if visit.visitor_unit else "您"
    handed_by = f"，递交人 {visit.visitor_name}" if visit.visitor_unit and \
        visit.visitor_name else ""
    people = len({p.packet.packet_id for p in found})
    intro = (f"{you}于 {cn_date(visit.opened_at.date())}递交的 {round_.name}"
             f"国际职业资格比照认定职称申报纸质材料（收件号 {visit.receipt_no}{handed_by}），"
             f"经{point.name}受理窗口核对，共有 {people} 名申报人的 {len(found)} 项材料"
             "需要补正，现一次性告知如下：")
    where = point.name
    details = "；".join(x for x in (f"地址：{point.address}" if point.address else "",
                                    f"电话：{point.phone}" if point.phone else "") if x)
    if details:
        where += f"（{details}）"
    closing = deadline_sentence(visit, round_, where)
    clerk = options.clerk or visit.operator
    return [
        para(kit, f"{HEADING}申报纸质材料", st.centre),
        Title(kit, "一次性补正告知单", 20),
        para(kit, f"收件号：{visit.receipt_no}", st.right),
        Spacer(1, 6),
        para(kit, f"{addressee}：", st.body, "递交单位"),
        para(kit, intro, st.indented, "递交人"),
        Spacer(1, 6),
        _table(kit, found, items, options.full_ids, 9.0),
        Spacer(1, 8),
        para(kit, closing, st.indented),
        Spacer(1, 14),
        KeepTogether([
            signatures(kit, ["递交人（已知悉）", "日期"], 10.5),
            Spacer(1, 10),
            signatures(kit, [f"经办人（{clerk}）" if clerk else "经办人", "受理点（盖章）"],
                       10.5),
            Spacer(1, 14),
            para(kit, f"{point.name}\u00a0\u00a0{cn_date(options.date())}", st.right),
        ]),
    ]


def notice_pdf(summary: VisitSummary, point: PointInfo, round_: RoundInfo,
               items: list[ChecklistItem], options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    """The 一次性补正告知单 of a visit; ValueError when nothing is missing or rejected."""
    kit = TextKit(options.fallback_font)
    story = notice_story(kit, summary, point, round_, items, options)
    return build_pdf(story, kit, title=f"一次性补正告知单 {summary.visit.receipt_no}",
                     ident=f"收件号 {summary.visit.receipt_no}",
                     continued="一次性补正告知单（续）", today=options.date())
