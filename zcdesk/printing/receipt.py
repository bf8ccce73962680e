"""收件回执: what a visit handed in, in two parts cut apart at the counter.

第一联 goes home with the person at the counter; 第二联 (compact) stays with
the acceptance point. When both fit, the cut line sits at the middle of the
page; a visit with many packets runs over several pages, and the stub then
follows the first part (on a fresh page when it would not fit).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.records import PointInfo, RoundInfo, VisitInfo, VisitSummary
from zcdesk.printing.codes import Code128Flowable
from zcdesk.printing.content import accepted_text, missing_text, rejected_text
from zcdesk.printing.document import (
    FRAME_H,
    FRAME_W,
    GAP,
    HEADING,
    Title,
    build_pdf,
    cn_datetime,
    draw_rule,
    grid_style,
    info_table,
    para,
    show_id,
    signatures,
    styles,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintOptions
from zcdesk.printing.textlayout import cell

CUT_H = 8 * mm


def visit_time(visit: VisitInfo) -> str:
    text = cn_datetime(visit.opened_at)
    if visit.closed_at is None:
        return text
    if visit.closed_at.date() == visit.opened_at.date():
        return f"{text}—{visit.closed_at:%H:%M}"
    return f"{text} 至 {cn_datetime(visit.closed_at)}"


def _packet_table(kit: TextKit, summary: VisitSummary, items: list[ChecklistItem],
                  full_ids: bool, size: float) -> Table:
    widths = [24.0, 58.0, 100.0, 108.0, 112.0, 79.0]
    widths[-1] = FRAME_W - sum(widths[:-1])
    pad = 8.0
    head = ["序号", "姓名", "证件号码", "已收材料", "退回材料及原因", "尚缺材料"]
    data: list[list[Any]] = [head]
    for n, packet in enumerate(summary.packets, start=1):
        a, state = packet.applicant, packet.state
        values = [str(n), a.name, show_id(a.id_number, full_ids), accepted_text(state, items),
                  rejected_text(state, items), missing_text(state, items)]
        fields = ["", "姓名", "证件号码", "", "退回原因", ""]
        data.append([cell(kit, v, w - pad, size, field=f, align="centre" if i == 0 else "left")
                     for i, (v, w, f) in enumerate(zip(values, widths, fields, strict=True))])
    if len(data) == 1:
        data.append(["", "本次未登记任何材料", "", "", "", ""])
    style = [*grid_style(kit.main.name, size), ("ALIGN", (0, 1), (0, -1), "CENTER")]
    if len(summary.packets) == 0:
        style.append(("SPAN", (1, 1), (-1, 1)))
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


def _head(kit: TextKit, title: str, part: str, receipt_no: str, *, size: float,
          module: float, bar_height: float) -> Table:
    side = 150.0
    barcode = Code128Flowable(kit, receipt_no, module=module, bar_height=bar_height)
    st = styles(kit)
    part_para = para(kit, part, st.small)
    data = [[part_para, Title(kit, title, size, width=FRAME_W - 2 * side), barcode]]
    return Table(data, colWidths=[side, FRAME_W - 2 * side, side], style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), kit.main.name),  # tables set a font for every cell
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 0), (2, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))


def _first_part(kit: TextKit, summary: VisitSummary, point: PointInfo, round_: RoundInfo,
                items: list[ChecklistItem], options: PrintOptions) -> list[Flowable]:
    visit = summary.visit
    st = styles(kit)
    clerk = options.clerk or visit.operator
    info = [
        ["受理点", point.name, "联系电话", point.phone or "—"],
        ["受理地址", point.address or "—"],
        ["递交人", visit.visitor_name or "—", "联系电话", visit.visitor_phone or "—"],
        ["递交单位", visit.visitor_unit or "—"],
        ["收件时间", visit_time(visit), "经办人", clerk],
        ["申报批次", round_.name, "收件号", visit.receipt_no],
    ]
    note = (f"说明：本回执仅证明{point.short_name or point.name}受理窗口已收到上列材料，"
            "不代表审核通过。“已收材料”为截至本次收件累计收取的份数；"
            "材料不全的，请按《一次性补正告知单》一次性补齐。")
    return [
        para(kit, f"{HEADING}申报纸质材料", st.centre),
        _head(kit, "收件回执", "第一联　递交人留存", visit.receipt_no, size=18,
              module=0.85, bar_height=24),
        Spacer(1, 4),
        info_table(kit, info, 9.5),
        Spacer(1, 6),
        _packet_table(kit, summary, items, options.full_ids, 9.0),
        Spacer(1, 4),
        para(kit, note, st.small),
        Spacer(1, 6),
        signatures(kit, ["递交人（签字）", "经办人（签字）"], 10),
    ]


def _stub(kit: TextKit, summary: VisitSummary, point: PointInfo, round_: RoundInfo,
          items: list[ChecklistItem], options: PrintOptions) -> list[Flowable]:
    visit = summary.visit
    st = styles(kit, 9.5)
    clerk = options.clerk or visit.operator
    who = visit.visitor_name or "—"
    extra = "，".join(x for x in (visit.visitor_unit, visit.visitor_phone) if x)
    if extra:
        who += f"（{extra}）"
    lines = [
        f"收件号：{visit.receipt_no}{GAP}递交人：{who}",
        f"收件时间：{visit_time(visit)}{GAP}经办人：{clerk}{GAP}"
        f"申报批次：{round_.name}{GAP}共 {len(summary.packets)} 人",
    ]
    return [
        _head(kit, "收件回执", "第二联　受理点存根", visit.receipt_no, size=14,
              module=0.75, bar_height=18),
        Spacer(1, 3),
        *(para(kit, line, st.body, "递交人") for line in lines),
        Spacer(1, 3),
        _packet_table(kit, summary, items, options.full_ids, 8.0),
        Spacer(1, 2),
        signatures(kit, ["递交人（签字）", "经办人（签字）"], 9),
    ]


class CutLine(Flowable):
    """The dashed cut line before the stub, pushed down to mid-page if there is room.

    When the stub would not fit below it, it asks for a new page (by being too
    tall for what is left); a stub longer than a page just follows it and splits.
    """

    def __init__(self, kit: TextKit, stub: list[Flowable]) -> None:
        super().__init__()
        self.kit = kit
        self.stub = stub
        self.width = FRAME_W
        self.height = CUT_H

    def _stub_height(self, width: float) -> float:
        total = 0.0
        for f in self.stub:
            _, h = f.wrapOn(self.canv, width, FRAME_H)
            total += h + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        stub = self._stub_height(availWidth)
        if CUT_H + stub > FRAME_H:
            self.height = CUT_H
        elif CUT_H + stub > availHeight:
            self.height = availHeight + 1  # not here: on the next page
        else:
            below = max(FRAME_H / 2 - CUT_H / 2, stub)
            self.height = CUT_H + max(0.0, availHeight - CUT_H - below)
        return self.width, self.height

    def draw(self) -> None:
        draw_rule(self.canv, self.kit, 0, CUT_H / 2, self.width, dashed=True,
                  text="沿此线剪开　上联交递交人　下联受理点留存")


def receipt_pdf(summary: VisitSummary, point: PointInfo, round_: RoundInfo,
                items: list[ChecklistItem], options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    kit = TextKit(options.fallback_font)
    stub = _stub(kit, summary, point, round_, items, options)
    story = [*_first_part(kit, summary, point, round_, items, options),
             CutLine(kit, stub), *stub]
    return build_pdf(story, kit, title=f"收件回执 {summary.visit.receipt_no}",
                     ident=f"收件号 {summary.visit.receipt_no}", continued="收件回执（续）",
                     today=options.date())

