"""收件回执: what a visit handed in, in two parts cut apart at the counter.

第一联 goes home with the person at the counter, with a box for the 受理专用章
and the visit's date (行政许可法 第三十二条: 加盖专用印章并注明日期); 第二联
(compact: who, the names, the totals) stays with the acceptance point. Up to
MAX_ONE_PAGE applicants both fit on one page, cut at the middle; beyond that the
first part's list continues over the next pages and the stub sits at the bottom
of the last one. A visit still open prints the first part only, marked 草稿,
without stamp or signatures: it proves nothing yet.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.records import PointInfo, RoundInfo, VisitInfo, VisitSummary
from zcdesk.printing.codes import Code128Flowable
from zcdesk.printing.content import (
    DRAFT,
    NONE,
    accepted_text,
    item_states,
    missing_text,
    rejected_text,
    visit_day,
)
from zcdesk.printing.document import (
    FRAME_H,
    FRAME_W,
    GAP,
    HEADING,
    Title,
    build_pdf,
    cn_date,
    cn_datetime,
    draw_rule,
    flowables_height,
    grid_style,
    info_table,
    para,
    show_id,
    signatures,
    stamp_block,
    styles,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintOptions
from zcdesk.printing.textlayout import cell

CUT_H = 8 * mm
# Tighter and tighter until both parts of a short visit share the page: the list's
# type size and the stamp box's height (a 受理专用章 is about 40 mm across; it may
# overlap the printed name and date, as stamps do).
FITS = ((8.5, 90.0), (8.5, 66.0), (7.5, 56.0))
MAX_ONE_PAGE = 6  # applicants for whom both parts are laid out to fit one page
DRAFT_NOTE = "草稿：收件尚未结束，本回执不作为收件凭证，不得盖章"


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
    long = len(title) > 4  # 收件回执（草稿）: smaller and closed up, clear of the barcode
    data = [[part_para, Title(kit, title, size - 4 if long else size, space=1.0 if long else None,
                              width=FRAME_W - 2 * side),
             barcode]]
    return Table(data, colWidths=[side, FRAME_W - 2 * side, side], style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), kit.main.name),  # tables set a font for every cell
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 0), (2, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))


def _first_part(kit: TextKit, summary: VisitSummary, point: PointInfo, round_: RoundInfo,
                items: list[ChecklistItem], options: PrintOptions,
                fit: tuple[float, float] = (8.5, 90.0)) -> list[Flowable]:
    """The visitor's part; `fit`: the list's type size and the stamp box's height."""
    visit = summary.visit
    st = styles(kit)
    clerk = visit.operator  # who received, on every reprint (#13); never who prints
    info = [
        ["受理点", point.name, "联系电话", point.phone or NONE],
        ["受理地址", point.address or NONE],
        ["递交人", visit.visitor_name or NONE, "联系电话", visit.visitor_phone or NONE],
        ["递交单位", visit.visitor_unit or NONE],
        ["收件时间", visit_time(visit), "经办人", clerk or NONE],
        ["申报批次", round_.name, "收件号", visit.receipt_no],
    ]
    note = (f"说明：本回执仅证明{point.short_name or point.name}受理窗口已收到上列材料，"
            "不代表审核通过。“已收材料”为截至本次收件累计收取的份数；"
            "材料不全的，请按《一次性补正告知单》一次性补齐。")
    title = f"收件回执（{DRAFT}）" if visit.is_open else "收件回执"
    story: list[Flowable] = [
        para(kit, f"{HEADING}申报纸质材料", st.centre),
        _head(kit, title, DRAFT if visit.is_open else "第一联　递交人留存", visit.receipt_no,
              size=18, module=0.85, bar_height=22),
        Spacer(1, 3),
        info_table(kit, info, 9.0),
        Spacer(1, 4),
        _packet_table(kit, summary, items, options.full_ids, fit[0]),
        Spacer(1, 3),
        para(kit, note, styles(kit, 9.5).small),
    ]
    if visit.is_open:
        return [*story, Spacer(1, 6), para(
            kit, "本回执为草稿：收件尚未结束。结束收件后打印的正式回执方可签字、盖章。",
            st.body)]
    return [*story, Spacer(1, 4), stamp_block(
        kit, ["递交人（签字）：＿＿＿＿＿＿＿＿", f"经办人（签字）：＿＿＿＿＿＿＿＿（{clerk}）"
              if clerk else "经办人（签字）：＿＿＿＿＿＿＿＿"],
        "受理专用章", [point.name, cn_date(visit_day(visit))], size=10, height=fit[1])]


def totals_text(summary: VisitSummary, items: list[ChecklistItem]) -> str:
    """已收 评审表 12 份、登记表 11 份；退回 1 份；尚缺 登记表 1 份 — for the stub."""
    accepted: dict[str, int] = {}
    missing: dict[str, int] = {}
    returned = 0
    for packet in summary.packets:
        for s in item_states(packet.state, items):
            name = s.item.short_name
            accepted[name] = accepted.get(name, 0) + s.accepted
            missing[name] = missing.get(name, 0) + s.missing
            returned += sum(r.copies for r in s.rejections)
    got = "、".join(f"{k} {v} 份" for k, v in accepted.items() if v) or NONE
    short = "、".join(f"{k} {v} 份" for k, v in missing.items() if v)
    return (f"已收（累计）：{got}；退回 {returned} 份；"
            + (f"尚缺 {short}" if short else "材料齐全"))


def _stub(kit: TextKit, summary: VisitSummary, point: PointInfo, round_: RoundInfo,
          items: list[ChecklistItem], options: PrintOptions) -> list[Flowable]:
    """The point's stub: who brought what, the names in a paragraph (it stays short
    however many there are), the totals, the signatures."""
    visit = summary.visit
    st = styles(kit, 9.0)
    clerk = visit.operator
    who = visit.visitor_name or NONE
    extra = "，".join(x for x in (visit.visitor_unit, visit.visitor_phone) if x)
    if extra:
        who += f"（{extra}）"
    names = "　".join(  # no 、；at a line start
        f"{n}. {p.applicant.name}（{show_id(p.applicant.id_number, options.full_ids)}）"
        for n, p in enumerate(summary.packets, start=1)) or "本次未登记任何材料"
    lines = [
        f"收件号：{visit.receipt_no}{GAP}递交人：{who}",
        f"收件时间：{visit_time(visit)}{GAP}经办人：{clerk or NONE}{GAP}"
        f"申报批次：{round_.name}{GAP}共 {len(summary.packets)} 人",
        f"申报人：{names}",
        totals_text(summary, items),
    ]
    return [
        _head(kit, "收件回执", "第二联　受理点存根", visit.receipt_no, size=14,
              module=0.75, bar_height=16),
        Spacer(1, 3),
        *(para(kit, line, st.body, "姓名") for line in lines),
        signatures(kit, ["递交人（签字）", "经办人（签字）"], 9),
    ]


class CutLine(Flowable):
    """The dashed cut line before the stub, pushed down to mid-page if there is room.

    When the stub would not fit below it, it asks for a new page (by being too
    tall for what is left); a stub longer than a page just follows it and splits.
    """

    def __init__(self, kit: TextKit, stub: list[Flowable],
                 text: str = "沿此线剪开　上联交递交人　下联受理点留存") -> None:
        super().__init__()
        self.kit = kit
        self.stub = stub
        self.text = text
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
        draw_rule(self.canv, self.kit, 0, CUT_H / 2, self.width, dashed=True, text=self.text)


def receipt_pdf(summary: VisitSummary, point: PointInfo, round_: RoundInfo,
                items: list[ChecklistItem], options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    kit = TextKit.for_options(options)
    visit = summary.visit
    if visit.is_open:  # a draft has no stub: nothing to keep, nothing signed
        story = _first_part(kit, summary, point, round_, items, options)
    else:
        stub = _stub(kit, summary, point, round_, items, options)
        for fit in FITS:
            first = _first_part(kit, summary, point, round_, items, options, fit)
            if len(summary.packets) > MAX_ONE_PAGE or \
                    flowables_height([*first, *stub]) + CUT_H <= FRAME_H:
                break
        story = [*first, CutLine(kit, stub), *stub]
    return build_pdf(story, kit, title=f"收件回执 {visit.receipt_no}",
                     ident=f"收件号 {visit.receipt_no}", continued="收件回执（续）",
                     today=options.date(), note=DRAFT_NOTE if visit.is_open else "",
                     watermark=DRAFT if visit.is_open else "")
