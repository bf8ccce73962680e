"""一次性补正告知单: everything still missing, told once and in writing (行政许可法 第三十二条).

It cites its legal basis, lists every item to bring (a copy handed back and
already replaced is listed but not counted), gives the deadline (never after the
round's paper deadline), says what happens when it is missed, where to bring the
papers and whom to ask. It bears the date of the visit, not of the print, and the
clerk who received the papers. Two copies, 申请人联 and 存档联, each with room to
sign for it and for the point's stamp: one sheet each, or both on one sheet
(PrintOptions.notice_two_up) when they fit. A visit still open prints one copy
marked 草稿, without the stamp box.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.records import PointInfo, RoundInfo, VisitInfo, VisitSummary
from zcdesk.printing.content import (
    DRAFT,
    LEGAL_BASIS,
    Problem,
    point_contact_text,
    rejection_text,
    requirement_text,
    visit_day,
    visit_problems,
)
from zcdesk.printing.document import (
    FRAME_H,
    FRAME_W,
    GAP,
    HEADING,
    Title,
    build_pdf,
    cn_date,
    flowables_height,
    grid_style,
    para,
    show_id,
    stamp_block,
    styles,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintOptions
from zcdesk.printing.textlayout import cell

NOTHING_TO_TELL = "本次收件的材料没有缺少，无需打印一次性补正告知单。"
COPIES = ("第一联　申请人联", "第二联　存档联")
DRAFT_NOTE = "草稿：收件尚未结束，补正期限未确定，本告知单不作为正式告知，不得盖章"
MISSED = ("逾期未补正的，视为未提交该项材料；材料不齐全的申报，受理点不能报送评审。")


def _row_texts(problem: Problem) -> tuple[str, str, str]:
    missing = f"{problem.missing} 份" if problem.missing else "—"
    returned = "；".join(f"{r.copies} 份：{rejection_text(r)}" for r in problem.rejections)
    if problem.missing:
        need = f"补交 {problem.missing} 份，{requirement_text(problem.state.item)}"
    else:
        need = "退回份已补足，无需补交"
    return missing, returned or "—", need


def _table(kit: TextKit, found: list[Problem], full_ids: bool, size: float) -> Table:
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


def effective_due(visit: VisitInfo, round_: RoundInfo) -> dt.date | None:
    """The deadline the notice gives: the visit's own, never after the paper deadline.

    The store caps it when the visit is closed (calendar_ops._correction_due); a
    visit closed before that rule still prints the capped date. None: an open
    visit (fixed at closing), or a visit after the paper deadline."""
    if visit.is_open:
        return None
    day = visit_day(visit)
    if day > round_.paper_deadline:
        return None
    due = visit.correction_due or round_.paper_deadline
    return min(due, round_.paper_deadline)


def deadline_sentence(visit: VisitInfo, round_: RoundInfo) -> str:
    """一、补正期限: by when, capped at the paper deadline, or that it has passed."""
    paper = cn_date(round_.paper_deadline)
    if visit.is_open:
        return "补正期限：收件尚未结束，补正期限在收件结束时确定。"
    if visit_day(visit) > round_.paper_deadline:
        return (f"补正期限：本轮纸质材料报送截止日期（{paper}）已过。"
                "上述材料能否补交、能否报送评审，请与受理点联系确认。")
    due = effective_due(visit, round_)
    assert due is not None
    if due >= round_.paper_deadline:
        return (f"补正期限：请于 {cn_date(due)}前（含当日）补齐上述材料。该日为本轮纸质材料"
                "报送截止日期，补正期限不超过该日期。")
    return (f"补正期限：请于 {cn_date(due)}前（含当日）补齐上述材料"
            f"（本轮纸质材料报送截止日期为 {paper}）。")


def _intro(summary: VisitSummary, point: PointInfo, round_: RoundInfo,
           found: list[Problem]) -> str:
    visit = summary.visit
    you = "你单位" if visit.visitor_unit else "您"
    handed_by = f"，递交人 {visit.visitor_name}" if visit.visitor_unit and \
        visit.visitor_name else ""
    due = [p for p in found if p.missing]  # a row that needs nothing is not counted
    people = len({p.packet.packet_id for p in due})
    return (f"{you}于 {cn_date(visit.opened_at.date())}递交的 {round_.name}"
            f"国际职业资格比照认定职称申报纸质材料（收件号 {visit.receipt_no}{handed_by}），"
            f"经{point.name}受理窗口核对，材料不齐全或者不符合要求。根据{LEGAL_BASIS}"
            f"的规定，现将需要补正的全部内容一次性告知如下：共有 {people} 名申报人的 "
            f"{len(due)} 项材料需要补正。")


def _head(kit: TextKit, part: str, title: str, receipt_no: str, size: float) -> Table:
    st = styles(kit, size)
    side = 112.0
    # a long title (…（草稿）) closes up so it stays clear of the receipt number
    space = size * 0.65 if len(title) <= 8 else 1.0
    data = [[para(kit, part, st.small), Title(kit, title, size * 1.9, space=space,
                                               width=FRAME_W - 2 * side),
             para(kit, f"收件号：{receipt_no}", st.small)]]
    return Table(data, colWidths=[side, FRAME_W - 2 * side, side], style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), kit.main.name),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))


def notice_story(kit: TextKit, summary: VisitSummary, point: PointInfo, round_: RoundInfo,
                 items: list[ChecklistItem], options: PrintOptions,
                 part: str = "", size: float = 10.5) -> list[Flowable]:
    """One copy of the notice (`part`: 第一联　申请人联 …; "" for a draft); `size`:
    the body's, smaller when two copies share a sheet."""
    found = visit_problems(summary, items)
    if not any(p.missing for p in found):
        raise ValueError(NOTHING_TO_TELL)
    visit = summary.visit
    draft = visit.is_open
    st = styles(kit, size)
    gap = size * 0.5
    addressee = visit.visitor_unit or visit.visitor_name or "递交人"
    where = point.name
    contact = point_contact_text(point)
    if contact:
        where += f"（{contact}）"
    points = [
        "一、" + deadline_sentence(visit, round_),
        f"二、补交地点：{where}。补交时请出示本告知单或告知收件号 {visit.receipt_no}。",
        "三、" + MISSED,
        "四、以上为需补正的全部材料，请一次性补齐。",
    ]
    clerk = visit.operator  # who received the papers, on every reprint (#13)
    day = cn_date(visit_day(visit))
    # two copies on a sheet leave out the heading line: the intro names the matter
    story: list[Flowable] = [para(kit, f"{HEADING}申报纸质材料", st.centre)] if size >= 10 else []
    story += [
        _head(kit, part or DRAFT, f"一次性补正告知单（{DRAFT}）" if draft else "一次性补正告知单",
              visit.receipt_no, size),
        Spacer(1, gap),
        para(kit, f"{addressee}：", st.body, "递交单位"),
        para(kit, _intro(summary, point, round_, found), st.indented, "递交人"),
        Spacer(1, gap),
        _table(kit, found, options.full_ids, size - 1.5),
        Spacer(1, gap),
        *(para(kit, text, st.indented, "受理点") for text in points),
        Spacer(1, gap),
        para(kit, f"经办人：{clerk or '—'}{GAP}{'收件日期' if draft else '告知日期'}：{day}",
             st.body, "经办人"),
    ]
    if draft:
        return story
    story += [Spacer(1, gap), KeepTogether([stamp_block(
        kit, ["递交人签收：本人已收到本告知单（" + part.split("　")[-1] + "）。",
              "签字：＿＿＿＿＿＿＿＿　日期：　　　　年　　月　　日"],
        "受理点（盖章）", [point.name, day], size=size, height=size * 6.4)])]
    return story


def notice_pdf(summary: VisitSummary, point: PointInfo, round_: RoundInfo,
               items: list[ChecklistItem], options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    """The 一次性补正告知单 of a visit; ValueError when nothing is missing."""
    kit = TextKit.for_options(options)
    visit = summary.visit
    if visit.is_open:
        story = notice_story(kit, summary, point, round_, items, options)
    else:
        story = _copies(kit, summary, point, round_, items, options)
    return build_pdf(story, kit, title=f"一次性补正告知单 {visit.receipt_no}",
                     ident=f"收件号 {visit.receipt_no}", continued="一次性补正告知单",
                     today=options.date(), note=DRAFT_NOTE if visit.is_open else "",
                     watermark=DRAFT if visit.is_open else "")


def _copies(kit: TextKit, summary: VisitSummary, point: PointInfo, round_: RoundInfo,
            items: list[ChecklistItem], options: PrintOptions) -> list[Flowable]:
    """申请人联 and 存档联: cut apart on one sheet when the clerk asked for it and
    both fit (in a smaller size), else each on a sheet of its own."""
    from zcdesk.printing.receipt import CUT_H, CutLine  # the receipt's cut line

    if options.notice_two_up:
        first, second = (notice_story(kit, summary, point, round_, items, options, part, 9.0)
                         for part in COPIES)
        half = (FRAME_H - CUT_H) / 2
        if max(flowables_height(first), flowables_height(second)) <= half:
            return [*first, CutLine(kit, second, text="沿此线剪开　上联交递交人　下联受理点存档"),
                    *second]
    first, second = (notice_story(kit, summary, point, round_, items, options, part)
                     for part in COPIES)
    return [*first, PageBreak(), *second]
