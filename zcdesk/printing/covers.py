"""档案袋封面: one page per packet, drawn on the canvas for speed.

Everything that is the same on every cover of a print run (titles, the grid,
labels, the acceptance point, the round, the checklist's items) is drawn once
into a PDF form XObject; each page places that form and adds only the packet's
own text, its Code 128 and its QR code. A thousand covers take a few seconds.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.records import PacketView, PointInfo, RoundInfo
from zcdesk.printing.codes import CODE128_QUIET, draw_code128, draw_qr
from zcdesk.printing.content import missing_text, requirement_text
from zcdesk.printing.document import (
    GREY,
    HEADER_FILL,
    HEADING,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    RULE,
    cn_date,
    draw_title,
    result,
    show_id,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintCancelled, PrintOptions
from zcdesk.printing.textlayout import ASCENT, break_lines, draw_runs

FORM = "zcCover"
LEFT, RIGHT = MARGIN_X, PAGE_W - MARGIN_X
WIDTH = RIGHT - LEFT
TOP = PAGE_H - MARGIN_TOP

CODE_MODULE = 1.0  # Code 128 module (0.35 mm): reads well on any office printer
CODE_HEIGHT = 40.0
QR_SIZE = 84.0  # with its quiet zone: modules of about 1 mm

TITLE_Y = TOP - 128
NAME_Y = TITLE_Y - 74
INFO_TOP = NAME_Y - 48
LABEL_W = 96.0
ROW_H = 30.0
INFO_ROWS = ("工作单位", "职业资格", "颁发机构", "对应职称及系列", "收件号", "受理点",
             "申报批次")
CHECK_WIDTHS = (30.0, 150.0, 131.0, 56.0, 56.0)  # the last column takes the rest
CHECK_HEAD = ("序号", "材料名称", "核验要点", "应交份数", "已收份数", "接收核对")
CHECK_HEAD_H = 22.0
CHECK_ROW_H = 30.0
VALUE_SIZES = (12.0, 11.0, 10.0, 9.0, 8.0, 7.0, 6.0)

# The QR drawing is a parameter so the benchmark can compare reportlab's widget.
QrDrawer = Callable[[Canvas, float, float, str, float], None]


@dataclass(frozen=True)
class _Geometry:
    info_bottom: float
    check_top: float
    check_rows: tuple[float, ...]  # top of each item row
    check_bottom: float
    status_y: float


def _geometry(items: list[ChecklistItem]) -> _Geometry:
    info_bottom = INFO_TOP - ROW_H * len(INFO_ROWS)
    check_top = info_bottom - 26
    first = check_top - CHECK_HEAD_H
    rows = tuple(first - i * CHECK_ROW_H for i in range(len(items)))
    bottom = first - CHECK_ROW_H * len(items)
    return _Geometry(info_bottom, check_top, rows, bottom, bottom - 24)


def _column_edges() -> list[float]:
    edges = [LEFT]
    for w in CHECK_WIDTHS:
        edges.append(edges[-1] + w)
    edges.append(RIGHT)
    return edges


class CoverPainter:
    """Draws cover pages for one print run onto one canvas."""

    def __init__(self, canvas: Canvas, kit: TextKit, point: PointInfo, round_: RoundInfo,
                 items: list[ChecklistItem], options: PrintOptions,
                 qr: QrDrawer = draw_qr, clerks: Mapping[str, str] | None = None) -> None:
        self.c = canvas
        self.clerks = clerks or {}
        self.kit = kit
        self.font = kit.main.name
        self.point = point
        self.round = round_
        self.items = items
        self.options = options
        self.qr = qr
        self.geo = _geometry(items)
        self._draw_form()

    # -- the part every cover shares ------------------------------------------
    def _text(self, x: float, y: float, text: str, size: float, align: str = "left",
              field: str = "") -> None:
        draw_runs(self.c, x, y, self.kit.runs(text, field), size, align, self.kit)

    def _draw_form(self) -> None:
        c, geo = self.c, self.geo
        c.beginForm(FORM)
        c.setLineWidth(RULE)
        self._text(PAGE_W / 2, TITLE_Y + 34, f"{HEADING}申报材料", 12, "centre")
        draw_title(c, self.kit, PAGE_W / 2, TITLE_Y, "档案袋封面", 24, 10)
        self._text(PAGE_W / 2, TITLE_Y - 22, f"{self.round.name}　{self.point.name}", 11,
                   "centre", "受理点")
        c.line(LEFT, TITLE_Y - 34, RIGHT, TITLE_Y - 34)
        # the applicant's facts
        c.setFillColor(HEADER_FILL)
        c.rect(LEFT, geo.info_bottom, LABEL_W, INFO_TOP - geo.info_bottom, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.rect(LEFT, geo.info_bottom, WIDTH, INFO_TOP - geo.info_bottom)
        c.line(LEFT + LABEL_W, INFO_TOP, LEFT + LABEL_W, geo.info_bottom)
        for i, label in enumerate(INFO_ROWS):
            top = INFO_TOP - i * ROW_H
            if i:
                c.line(LEFT, top, RIGHT, top)
            self._text(LEFT + LABEL_W / 2, self._baseline(top, ROW_H, 11), label, 11, "centre")
        self._value(INFO_ROWS.index("受理点"), self.point.name, "受理点")
        self._value(INFO_ROWS.index("申报批次"), self.round.name, "申报批次")
        # the checklist
        edges = _column_edges()
        self._text(LEFT, geo.check_top + 8, "材料清单", 11)
        c.setFillColor(HEADER_FILL)
        c.rect(LEFT, geo.check_top - CHECK_HEAD_H, WIDTH, CHECK_HEAD_H, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.rect(LEFT, geo.check_bottom, WIDTH, geo.check_top - geo.check_bottom)
        for x in edges[1:-1]:
            c.line(x, geo.check_top, x, geo.check_bottom)
        for top in geo.check_rows:
            c.line(LEFT, top, RIGHT, top)
        for i, head in enumerate(CHECK_HEAD):
            self._text((edges[i] + edges[i + 1]) / 2,
                       self._baseline(geo.check_top, CHECK_HEAD_H, 10), head, 10, "centre")
        for n, (item, top) in enumerate(zip(self.items, geo.check_rows, strict=True), 1):
            cells = (str(n), item.name, requirement_text(item), f"{item.copies_required} 份")
            for i, text in enumerate(cells):
                self._fit(edges[i], edges[i + 1], top, CHECK_ROW_H, text,
                          (10.0, 9.0, 8.0, 7.0, 6.0), align="centre" if i in (0, 3) else "left")
        # who handled the packet, at the district and at the city
        box_top, box_h = geo.status_y - 22, 62.0
        c.rect(LEFT, box_top - box_h, WIDTH, box_h)
        c.line(PAGE_W / 2, box_top, PAGE_W / 2, box_top - box_h)
        for x, who in ((LEFT, "受理点经办人（签字）："),
                       (PAGE_W / 2, "市经信局职改办接收人（签字）：")):
            self._text(x + 8, box_top - 20, who, 10.5)
            self._text(x + 8, box_top - 48, "日期：　　　　年　　月　　日", 10.5)
        # what the codes are for
        c.setFillColor(GREY)
        self._text(LEFT, 30 * mm, "说明：本封面两个条码内容相同，均为该申报人材料袋编号；"
                   "在受理窗口扫描任一条码即可打开该材料袋。", 8.5)
        self._text(LEFT, 30 * mm - 13, "“已收份数”和材料状态为打印日的登记情况；“接收核对”栏"
                   "供市经信局职改办接收时核对填写。", 8.5)
        c.setFillColorRGB(0, 0, 0)
        c.endForm()

    @staticmethod
    def _baseline(top: float, height: float, size: float) -> float:
        return top - height / 2 - size * (ASCENT - 0.5)

    def _fit(self, x0: float, x1: float, top: float, height: float, text: str,
             sizes: Sequence[float], align: str = "left", field: str = "") -> None:
        """`text` in the box, at the largest size whose lines fit; never outside it."""
        pad = 5.0
        width = x1 - x0 - 2 * pad
        for size in sizes:
            leading = size * 1.2
            lines = break_lines(self.kit, text, width, size, field)
            if len(lines) * leading <= height - 4 or size == sizes[-1]:
                break
        if len(lines) * leading > height - 2:  # even the smallest size: cut the rest
            keep = max(1, int((height - 2) // leading))
            lines = lines[:keep]
        block = len(lines) * leading
        y = top - (height - block) / 2 - (leading - size) / 2 - size * ASCENT
        x = {"left": x0 + pad, "centre": (x0 + x1) / 2, "right": x1 - pad}[align]
        for line in lines:
            draw_runs(self.c, x, y, line, size, align, self.kit)
            y -= leading

    def _status_mark(self, cx: float, cy: float, status: PacketStatus) -> None:
        """○ ◐ ● drawn as shapes: the font's own are too small to tell apart."""
        c, r = self.c, 5.5
        c.saveState()
        c.setLineWidth(0.9)
        if status is PacketStatus.COMPLETE:
            c.circle(cx, cy, r, stroke=1, fill=1)
        elif status is PacketStatus.PARTIAL:
            c.wedge(cx - r, cy - r, cx + r, cy + r, 90, 180, stroke=0, fill=1)
        c.circle(cx, cy, r, stroke=1, fill=0)
        c.restoreState()

    def _state_line(self, packet: PacketView) -> None:
        """材料状态 as of the print date; a packet already in a batch shows the batch
        instead: its bag goes to the city, where a frozen 部分 would mislead (#13)."""
        y = self.geo.status_y
        if packet.batch_no:
            # short enough to leave room for the print date and 经办人 at the right
            self._text(LEFT, y, f"所在批次：{packet.batch_no}（以移交清单为准）", 11)
            return
        status = packet.status
        missing = missing_text(packet.state, self.items)
        words = status.label if status.label == missing else f"{status.label}（{missing}）"
        label = "材料状态（打印日）："  # the date is at the right
        x = LEFT + self.kit.text_width(label, 11)
        self._text(LEFT, y, label, 11)
        self._status_mark(x + 7, y + 4, status)
        self._text(x + 17, y, words, 11)

    def _value(self, row: int, text: str, field: str) -> None:
        top = INFO_TOP - row * ROW_H
        self._fit(LEFT + LABEL_W, RIGHT, top, ROW_H, text or "—", VALUE_SIZES, field=field)

    # -- one cover --------------------------------------------------------------
    def page(self, packet: PacketView) -> None:
        c, a, geo = self.c, packet.applicant, self.geo
        c.doForm(FORM)
        code = packet.code
        bars = draw_code128(c, LEFT + CODE128_QUIET * CODE_MODULE, TOP - CODE_HEIGHT, code,
                            CODE_MODULE, CODE_HEIGHT)
        c.setFont(self.font, 11)
        c.drawCentredString(LEFT + CODE128_QUIET * CODE_MODULE + bars / 2,
                            TOP - CODE_HEIGHT - 14, code)
        self.qr(c, RIGHT - QR_SIZE, TOP - QR_SIZE + 10, code, QR_SIZE)
        name_size = 34.0
        name = self.kit.runs(a.name, "姓名")
        while self.kit.width(name, name_size) > WIDTH and name_size > 12:
            name_size -= 2
        if self.kit.width(name, name_size) > WIDTH:
            self._fit(LEFT, RIGHT, NAME_Y + 30, 40, a.name, (12.0, 10.0, 8.0), "centre", "姓名")
        else:
            draw_runs(c, PAGE_W / 2, NAME_Y, name, name_size, "centre", self.kit)
        id_text = f"{a.id_kind}　{show_id(a.id_number, self.options.full_ids)}"
        self._text(PAGE_W / 2, NAME_Y - 26, id_text, 13, "centre")
        title = " / ".join(x for x in (a.title, a.series) if x)
        for row, (text, field) in enumerate(((a.unit, "工作单位"), (a.qualification, "职业资格"),
                                             (a.qualification_issuer, "颁发机构"),
                                             (title, ""), (packet.receipt_no, ""))):
            self._value(row, text, field)
        edges = _column_edges()
        for item, top in zip(self.items, geo.check_rows, strict=True):
            try:
                got = packet.state.item(item.code).accepted
            except KeyError:
                got = 0
            c.setFont(self.font, 11)
            c.drawCentredString((edges[4] + edges[5]) / 2,
                                self._baseline(top, CHECK_ROW_H, 11), f"{got} 份")
        self._state_line(packet)
        c.setFillColor(GREY)
        clerk = self.clerks.get(packet.receipt_no, "")  # who received it, never who prints
        self._text(RIGHT, geo.status_y, f"打印日期：{cn_date(self.options.date())}"
                   + (f"　经办人：{clerk}" if clerk else ""), 9, "right")
        c.setFillColorRGB(0, 0, 0)
        c.showPage()


def covers_pdf(packets: Sequence[PacketView], point: PointInfo, round_: RoundInfo,
               items: list[ChecklistItem], options: PrintOptions = DEFAULT_OPTIONS,
               progress: Callable[[int, int], bool] | None = None, *,
               clerks: Mapping[str, str] | None = None) -> PdfResult:
    """One cover page per packet; progress(done, total) returning False cancels.

    `clerks`: the operator of each packet's first visit, by receipt number
    (PacketView.receipt_no), printed as 经办人; a packet not in it prints none."""
    return render_covers(packets, point, round_, items, options, progress, clerks=clerks)


def render_covers(packets: Sequence[PacketView], point: PointInfo, round_: RoundInfo,
                  items: list[ChecklistItem], options: PrintOptions = DEFAULT_OPTIONS,
                  progress: Callable[[int, int], bool] | None = None,
                  qr: QrDrawer = draw_qr, *,
                  clerks: Mapping[str, str] | None = None) -> PdfResult:
    """covers_pdf with the QR drawing as a parameter (the benchmark swaps it)."""
    if not packets:
        raise ValueError("没有要打印封面的材料袋。")
    kit = TextKit.for_options(options)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=kit.main.name, pageCompression=1,
                    lang="zh-CN")
    canvas.setTitle(f"档案袋封面（{len(packets)} 份）")
    canvas.setAuthor("zcdesk")
    canvas.setSubject(f"{HEADING} 档案袋封面")
    canvas.setCreator("zcdesk")
    painter = CoverPainter(canvas, kit, point, round_, items, options, qr, clerks)
    total = len(packets)
    for done, packet in enumerate(packets, start=1):
        painter.page(packet)
        if progress is not None and progress(done, total) is False:
            raise PrintCancelled(f"已取消：打印了 {done} / {total} 份封面。")
    canvas.save()
    return result(kit, buffer.getvalue(), total)
