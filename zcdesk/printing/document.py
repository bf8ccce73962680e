"""What every printed document shares: page, styles, title, footer, dates, building."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from zcdesk.domain.idnumber import mask_id
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import MissingGlyphs, PdfResult
from zcdesk.printing.textlayout import RunLines, break_lines, cell

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
RULE = 0.5  # thin black rules
HEADER_FILL = colors.Color(0.93, 0.93, 0.93)
GREY = colors.Color(0.35, 0.35, 0.35)
WATERMARK = colors.Color(0.88, 0.88, 0.88)
HEADING = "杭州市国际职业资格比照认定职称"
GAP = "\u00a0" * 4  # paragraphs keep no-break spaces (they collapse the others)


# ------------------------------------------------------------------------ words
def cn_date(day: dt.date) -> str:
    """2025 年 5 月 30 日, spaced as in the city notice."""
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def cn_datetime(at: dt.datetime) -> str:
    return f"{cn_date(at.date())} {at:%H:%M}"


def show_id(number: str, full: bool) -> str:
    return number if full else mask_id(number)


def group_hex(digest: str, size: int = 4) -> str:
    """A SHA-256 in groups of four, so two people can read it out and compare."""
    return " ".join(digest[i:i + size] for i in range(0, len(digest), size))


# ----------------------------------------------------------------------- styles
@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    indented: ParagraphStyle  # a body paragraph with its first line indented two characters
    small: ParagraphStyle
    right: ParagraphStyle
    centre: ParagraphStyle


def styles(kit: TextKit, size: float = 10.5) -> Styles:
    font = kit.main.name
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.6,
                          wordWrap="CJK", alignment=TA_JUSTIFY)
    small = ParagraphStyle("small", parent=body, fontSize=size - 1.5,
                           leading=(size - 1.5) * 1.45, textColor=GREY, alignment=TA_LEFT)
    return Styles(
        body=body,
        indented=ParagraphStyle("indented", parent=body, firstLineIndent=2 * size),
        small=small,
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        centre=ParagraphStyle("centre", parent=body, alignment=TA_CENTER),
    )


def para(kit: TextKit, text: str, style: ParagraphStyle, field: str = "") -> Paragraph:
    return Paragraph(kit.markup(text, field), style)


def grid_style(font: str, size: float, *, header_rows: int = 1,
               leading: float | None = None) -> list[tuple[Any, ...]]:
    """Thin black grid, a grey header row, text centred vertically."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), leading or size * 1.3),
        ("GRID", (0, 0), (-1, -1), RULE, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
                     ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER")]
    return commands


# ----------------------------------------------------------------------- tables
def facts_table(kit: TextKit, rows: Sequence[tuple[str, str]], size: float,
                fields: tuple[str, str] = ("单位", "单位")) -> Table:
    """Two columns of 标签：值 lines without rules; a row with nothing at the right
    spans the width. `fields` name the columns in a missing-character warning."""
    half = FRAME_W / 2
    data = [[cell(kit, left, half - 4, size, field=fields[0]),
             cell(kit, right, half - 4, size, field=fields[1])] if right else
            [cell(kit, left, FRAME_W - 4, size, field=fields[0]), ""] for left, right in rows]
    spans = [("SPAN", (0, r), (1, r)) for r, (_, right) in enumerate(rows) if not right]
    return Table(data, colWidths=[half, half], style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), kit.main.name),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.3),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        *spans,
    ]))


def info_table(kit: TextKit, rows: list[list[str]], size: float,
               label_w: float = 58.0) -> Table:
    """Label | value (| label | value) rows; a row of two cells spans the width."""
    pad = 8.0
    value_w = (FRAME_W - 2 * label_w) / 2
    widths = [label_w, value_w, label_w, value_w]
    data: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        if len(row) == 2:
            data.append([row[0], cell(kit, row[1], FRAME_W - label_w - pad, size,
                                      field=row[0]), "", ""])
            spans.append(("SPAN", (1, r), (3, r)))
        else:
            data.append([row[0], cell(kit, row[1], value_w - pad, size, field=row[0]),
                         row[2], cell(kit, row[3], value_w - pad, size, field=row[2])])
    style = grid_style(kit.main.name, size, header_rows=0) + spans + [
        ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
    ]
    for r, row in enumerate(rows):
        if len(row) == 4:
            style += [("BACKGROUND", (2, r), (2, r), HEADER_FILL),
                      ("ALIGN", (2, r), (2, r), "CENTER")]
    return Table(data, colWidths=widths, style=TableStyle(style))


def signatures(kit: TextKit, labels: list[str], size: float) -> Table:
    """递交人（签字）________  经办人（小王）________ on one line."""
    label_w = 96.0
    line_w = (FRAME_W - label_w * len(labels)) / len(labels)
    row: list[Any] = []
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), kit.main.name),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.3),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 12),  # room to sign above the line
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
    ]
    for i, label in enumerate(labels):  # a label may hold a clerk's name: checked text
        row += [cell(kit, label, label_w - 6, size, align="right", field="经办人"), ""]
        style.append(("LINEBELOW", (2 * i + 1, 0), (2 * i + 1, 0), RULE, "black"))
    return Table([row], colWidths=[label_w, line_w] * len(labels), style=TableStyle(style))


def handover_block(kit: TextKit, sides: list[tuple[str, str, tuple[str, ...]]],
                   size: float = 10.5, stamp_h: float = 54.0) -> Table:
    """Boxes side by side, each: 单位 (盖章) with room for the stamp, 签字, 日期.

    `sides` holds (unit label, unit name, people who sign), e.g.
    ("移交单位", "上城区发展改革和经济信息化局", ("移交人",)).
    """
    width = FRAME_W / len(sides)
    room = width - 16
    people = max(len(side[2]) for side in sides)
    rows: list[list[Any]] = [[] for _ in range(3 + people)]
    for label, name, signers in sides:
        rows[0].append(cell(kit, f"{label}：{name}", room, size, field=label))
        rows[1].append("（盖章）")
        for i in range(people):
            rows[2 + i].append(f"{signers[i]}（签字）：" if i < len(signers) else "")
        rows[-1].append("日期：　　　　年　　月　　日")
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), kit.main.name),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.3),
        ("BOX", (0, 0), (-1, -1), RULE, colors.black),
        ("LINEBEFORE", (1, 0), (-1, -1), RULE, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("ALIGN", (0, 1), (-1, 1), "RIGHT"),
        ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
        ("TEXTCOLOR", (0, 1), (-1, 1), GREY),
        ("TOPPADDING", (0, 2), (-1, -1), 12),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ]
    return Table(rows, colWidths=[width] * len(sides),
                 rowHeights=[None, stamp_h, *([None] * (people + 1))],
                 style=TableStyle(style))


# ------------------------------------------------------------------------ title
class Title(Flowable):
    """A centred title with the spacing and weight of an official form."""

    def __init__(self, kit: TextKit, text: str, size: float = 20.0, *,
                 space: float | None = None, width: float = FRAME_W) -> None:
        super().__init__()
        self.kit = kit
        self.text = text
        self.size = size
        self.space = size * 0.35 if space is None else space
        self.width = width
        self.height = size * 1.5

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_title(self.canv, self.kit, self.width / 2, self.size * 0.4, self.text,
                   self.size, self.space)


def draw_title(canvas: Canvas, kit: TextKit, centre_x: float, y: float, text: str,
               size: float, space: float) -> None:
    runs = kit.runs(text, "标题")
    width = kit.width(runs, size) + space * (len(text) - 1)
    canvas.saveState()
    canvas.setLineWidth(size * 0.025)  # a touch of weight: fill and stroke
    t = canvas.beginText(centre_x - width / 2, y)
    t.setTextRenderMode(2)
    t.setCharSpace(space)
    for font, chunk in runs:
        t.setFont(font, size)
        t.textOut(chunk)
    canvas.drawText(t)
    canvas.restoreState()


def draw_rule(canvas: Canvas, kit: TextKit, x: float, y: float, width: float, *,
              dashed: bool = False, text: str = "") -> None:
    canvas.saveState()
    canvas.setLineWidth(RULE)
    if dashed:
        canvas.setDash(4, 3)
    if text:
        size = 8.0
        tw = kit.text_width(text, size) + 12
        left = x + (width - tw) / 2
        canvas.line(x, y, left, y)
        canvas.line(left + tw, y, x + width, y)
        canvas.setFillColor(GREY)
        canvas.setFont(kit.main.name, size)
        canvas.drawCentredString(x + width / 2, y - size * 0.35, text)
    else:
        canvas.line(x, y, x + width, y)
    canvas.restoreState()


# ------------------------------------------------------------------------- pages
@dataclass(frozen=True)
class Decor:
    """The running header (pages 2 …) and the footer (every page)."""

    font: str
    ident: str  # 收件号 SC-2025H1-00017 / 批次号 …
    continued: str  # 收件回执（续） — printed at the top of pages 2 …
    printed: str  # 打印日期 …
    note: str = ""  # a line above the footer on every page (the batch's hash, 草稿 …)


class NumberedCanvas(Canvas):
    """Holds the pages back until the end to print "第 x 页 共 y 页" on each."""

    def __init__(self, *args: Any, decor: Decor, counter: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._counter = counter
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        self._counter.append(total)
        for state in self._held:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        d = self._decor
        page = self._pageNumber
        self.saveState()
        self.setFillColor(GREY)
        self.setFont(d.font, 8)
        y = MARGIN_BOTTOM - 10 * mm
        self.drawString(MARGIN_X, y, d.ident)
        self.drawCentredString(PAGE_W / 2, y, f"第 {page} 页 共 {total} 页")
        self.drawRightString(PAGE_W - MARGIN_X, y, d.printed)
        if d.note:
            self.setFillColorRGB(0, 0, 0)
            self.drawCentredString(PAGE_W / 2, y + 11, d.note)
            self.setFillColor(GREY)
        if page > 1 and d.continued:
            top = PAGE_H - MARGIN_TOP + 5 * mm
            self.drawString(MARGIN_X, top, d.continued)
            self.drawRightString(PAGE_W - MARGIN_X, top, d.ident)
            self.setLineWidth(RULE)
            self.setStrokeColor(GREY)
            self.line(MARGIN_X, top - 2.5 * mm, PAGE_W - MARGIN_X, top - 2.5 * mm)
        self.restoreState()


def draw_watermark(canvas: Canvas, kit: TextKit, text: str) -> None:
    """Large pale diagonal words under the page's content (草稿)."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.setFont(kit.main.name, 110)
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(40)
    canvas.drawCentredString(0, -40, text)
    canvas.restoreState()


def build_pdf(story: Sequence[Flowable], kit: TextKit, *, title: str, ident: str,
              continued: str, today: dt.date, note: str = "",
              watermark: str = "") -> PdfResult:
    """Lay `story` out on A4 pages and return the PDF with the kit's warnings.

    `note` is printed above the footer of every page (plain ASCII/CJK the bundled
    font has); `watermark` is drawn pale across every page, under the content.
    """
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author="zcdesk",
        subject=f"{HEADING} {title}", creator="zcdesk", initialFontName=kit.main.name,
        lang="zh-CN")
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    # onPage runs when a page begins, so the watermark lies under the text
    on_page = (lambda canvas, _doc: draw_watermark(canvas, kit, watermark)) if watermark \
        else (lambda canvas, _doc: None)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=on_page)])
    counter: list[int] = []
    decor = Decor(kit.main.name, ident, continued, f"打印日期：{cn_date(today)}", note)
    doc.build(list(story), canvasmaker=partial(NumberedCanvas, decor=decor, counter=counter))
    return result(kit, buffer.getvalue(), counter[-1])


def result(kit: TextKit, data: bytes, pages: int) -> PdfResult:
    """The document, or MissingGlyphs when a character no font has was not confirmed."""
    if kit.missing and not kit.allow_missing:
        raise MissingGlyphs(tuple(dict.fromkeys(kit.refusals)), tuple(kit.missing))
    return PdfResult(data=data, pages=pages, missing_glyphs=tuple(kit.missing),
                     warnings=tuple(kit.warnings))


# ------------------------------------------------------------ stamp (#13)
def stamp_block(kit: TextKit, left: Sequence[str], stamp_label: str, stamp_lines: Sequence[str],
                size: float = 10.5, stamp_w: float = 170.0, height: float = 76.0) -> Table:
    """Lines to sign at the left; at the right a ruled box with room for the office's
    stamp (行政许可法 第三十二条: 加盖专用印章并注明日期), its label at the top and
    the name and date it vouches for at the bottom."""
    left_w = FRAME_W - stamp_w - 8
    lead = size * 1.3
    rows = max(len(left), 1)
    left_cell = "\n".join(left)
    label = cell(kit, stamp_label, stamp_w - 12, size - 1, field="受理点")
    names = [RunLines(kit, break_lines(kit, line, stamp_w - 12, size, "受理点"), size, lead,
                      "right") for line in stamp_lines]  # each line its own: name, date
    data = [[left_cell, "", label], ["", "", names]]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), kit.main.name),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), lead * (1.9 if rows > 1 else 1)),
        ("LEADING", (2, 0), (2, -1), lead),
        ("SPAN", (0, 0), (0, 1)),
        ("VALIGN", (0, 0), (0, 1), "MIDDLE"),
        ("VALIGN", (2, 0), (2, 0), "TOP"),
        ("VALIGN", (2, 1), (2, 1), "BOTTOM"),
        ("ALIGN", (2, 1), (2, 1), "RIGHT"),
        ("TEXTCOLOR", (2, 0), (2, 0), GREY),
        ("BOX", (2, 0), (2, 1), RULE, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    return Table(data, colWidths=[left_w, 8, stamp_w],
                 rowHeights=[height / 2, height / 2], style=TableStyle(style))


def flowables_height(story: Sequence[Flowable], width: float = FRAME_W) -> float:
    """How tall `story` lays out in a frame `width` wide (measured before building)."""
    canvas = Canvas(io.BytesIO())  # some flowables measure on their canvas
    total = 0.0
    for f in story:
        if isinstance(f, KeepTogether):  # it answers "too tall" outside a frame
            total += flowables_height(f._content, width)
            continue
        _, h = f.wrapOn(canvas, width, FRAME_H)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total
