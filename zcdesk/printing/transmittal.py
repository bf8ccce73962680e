"""移交清单: the numbered list of a batch's packets, handed over with them.

A closed batch's list carries the transmittal file's SHA-256 on every page (above
the footer) and, on the first page, a QR code of it that the city desk scans to
prove paper and file are the same batch. A batch still open prints as a draft:
marked on the first page, above every footer and pale across every page.

Built for long lists: every cell is broken into lines once (plain strings where
the bundled font suffices) and every row's height is known before the table is
laid out, so splitting it over pages re-measures nothing.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.flow import BatchStatus
from zcdesk.domain.records import BatchInfo, BatchView, PointInfo, RoundInfo
from zcdesk.importing.transmittal_file import qr_payload
from zcdesk.printing.codes import QrFlowable
from zcdesk.printing.content import missing_text
from zcdesk.printing.document import (
    FRAME_H,
    FRAME_W,
    GAP,
    GREY,
    HEADING,
    RULE,
    Title,
    build_pdf,
    cn_date,
    cn_datetime,
    facts_table,
    grid_style,
    group_hex,
    handover_block,
    para,
    show_id,
    styles,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintOptions
from zcdesk.printing.textlayout import RunLines, cell

SIZE = 9.0
LEADING = SIZE * 1.25
PAD_V, PAD_H = 2.5, 4.0
PAD_NUMBER = 2.0  # the 序号 column: room for four digits
SLACK = 1.0  # points kept free on each page against rounding
QR_SIZE = 92.0  # a version-6 code (≈ 90 bytes): modules of about 0.6 mm
DRAFT = "草稿：批次未封批，不能用于移交"
HASH_LABEL = "移交文件校验值（SHA-256）："
FIXED = {"序号": 28.0, "姓名": 52.0, "证件号码": 98.0, "item": 36.0, "备注": 46.0}


def column_widths(items: list[ChecklistItem]) -> list[float]:
    fixed = (FIXED["序号"] + FIXED["姓名"] + FIXED["证件号码"] + FIXED["item"] * len(items)
             + FIXED["备注"])
    flex = FRAME_W - fixed
    unit = round(flex * 0.53, 1)
    return [FIXED["序号"], FIXED["姓名"], FIXED["证件号码"], unit, flex - unit,
            *([FIXED["item"]] * len(items)), FIXED["备注"]]


def _lines(value: Any) -> int:
    if isinstance(value, RunLines):
        return len(value.lines)
    return str(value).count("\n") + 1


def list_tables(kit: TextKit, batch: BatchView, items: list[ChecklistItem],
                full_ids: bool, first_room: float) -> list[Flowable]:
    """The list as one table per page (header on each), page breaks between.

    Row heights are known up front, so the rows are dealt out to pages here;
    letting platypus split one long table instead rebuilds the remaining table
    on every page, which makes a 1,000-row list quadratic. `first_room` is the
    height left on the first page under the title block. Each part keeps
    repeatRows=1 in case a page holds less than computed.
    """
    widths = column_widths(items)
    room = [w - 2 * PAD_H for w in widths]
    room[0] = widths[0] - 2 * PAD_NUMBER
    head = ["序号", "姓名", "证件号码", "工作单位", "职业资格",
            *(f"{i.short_name}\n份数" for i in items), "备注"]
    head_h = 2 * LEADING + 2 * PAD_V

    def text(value: str, col: int, field: str = "") -> str | RunLines:
        return cell(kit, value, room[col], SIZE, field=field, leading=LEADING)

    rows: list[list[Any]] = []
    heights: list[float] = []
    totals = [0] * len(items)
    last = len(widths) - 1
    for n, packet in enumerate(batch.packets, start=1):
        a, state = packet.applicant, packet.state
        received = state.received
        counts = [received.get(i.code, 0) for i in items]
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        note = "" if packet.status is PacketStatus.COMPLETE else missing_text(state, items)
        row: list[Any] = [
            text(str(n), 0),
            text(a.name, 1, "姓名"),
            text(show_id(a.id_number, full_ids), 2),
            text(a.unit, 3, "工作单位"),
            text(a.qualification, 4, "职业资格"),
            *(str(c) for c in counts),
            text(note, last) if note else "",
        ]
        rows.append(row)
        heights.append(max(_lines(v) for v in row) * LEADING + 2 * PAD_V)
    rows.append([text("合计", 0), f"{len(batch.packets)} 人", "", "", "", *(str(t) for t in totals),
                 ""])
    heights.append(LEADING + 2 * PAD_V)

    first_item, after_items = 5, 5 + len(items)
    base = [
        *grid_style(kit.main.name, SIZE, leading=LEADING),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_V),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_V),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (0, -1), PAD_NUMBER),
        ("RIGHTPADDING", (0, 0), (0, -1), PAD_NUMBER),
        ("ALIGN", (first_item, 1), (after_items - 1, -1), "CENTER"),
    ]
    parts: list[Flowable] = []
    start, room_left, used = 0, first_room - SLACK, head_h
    for i, h in enumerate(heights):
        if used + h > room_left and i > start:
            parts += [_part(head, rows[start:i], [head_h, *heights[start:i]], widths, base),
                      PageBreak()]
            start, room_left, used = i, FRAME_H - SLACK, head_h
        used += h
    totals_style = [*base, ("ALIGN", (0, -1), (1, -1), "CENTER")]
    parts.append(_part(head, rows[start:], [head_h, *heights[start:]], widths, totals_style))
    return parts


class ListTable(Table):
    """A Table that draws a left-aligned multi-line cell as one text object.

    reportlab draws each line of a cell as its own string (and draws empty
    cells too); a list of a thousand wrapped rows spends most of its time there.
    """

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if isinstance(cellval, str):
            if not cellval:
                return
            if "\n" in cellval and cellstyle.alignment == "LEFT" and \
                    cellstyle.valign == "MIDDLE":
                self._use_style(cellstyle)
                lines = cellval.split("\n")
                leading = cellstyle.leading
                x = pos[0] + cellstyle.leftPadding
                y = pos[1] + (cellstyle.bottomPadding + size[1] - cellstyle.topPadding
                              + len(lines) * leading) / 2.0 - cellstyle.fontsize
                text = self.canv.beginText(x, y)
                text.setFont(cellstyle.fontname, cellstyle.fontsize, leading)
                text.textLines(lines, trim=0)
                self.canv.drawText(text)
                return
        super()._drawCell(cellval, cellstyle, pos, size)

    def _use_style(self, cellstyle: Any) -> None:
        """What Table._drawCell does first: colour and font of the cell, when they change."""
        cur = self._curcellstyle
        if cur is cellstyle:
            return
        if cur is None or cellstyle.color != cur.color:
            self.canv.setFillColor(cellstyle.color)
        if cur is None or (cellstyle.leading, cellstyle.fontname, cellstyle.fontsize) != \
                (cur.leading, cur.fontname, cur.fontsize):
            self.canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        self._curcellstyle = cellstyle


def _part(head: list[str], rows: list[list[Any]], heights: list[float], widths: list[float],
          style: list[tuple[Any, ...]]) -> Table:
    return ListTable([head, *rows], colWidths=widths, rowHeights=heights, repeatRows=1,
                     style=TableStyle(style))


def _height(flowables: list[Flowable]) -> float:
    total = 0.0
    for f in flowables:
        total += f.wrap(FRAME_W, FRAME_H)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def is_sealed(info: BatchInfo) -> bool:
    """The batch has its hash (set when it is closed): the list may travel with it."""
    return bool(info.sha256)


def status_lines(info: BatchInfo) -> list[str]:
    """批次状态, when it was closed and by whom, and the hand-over if there was one."""
    lines = [f"批次状态：{info.status.label}"]
    if info.closed_at is not None and info.status is not BatchStatus.OPEN:
        by = f"（{info.closed_by}）" if info.closed_by else ""
        lines[0] += f"{GAP}封批时间：{cn_datetime(info.closed_at)}{by}"
    if info.handover is not None:
        h = info.handover
        lines.append(f"移交记录：{cn_datetime(h.at)} 由 {h.handed_by} 移交，"
                     f"{h.received_by} 接收")
    return lines


def _seal_block(kit: TextKit, info: BatchInfo, size: float = 9.5, *,
                audit_head: str = "") -> Table:
    """Status and hand-over lines, the hash in words, and its QR code at the right;
    under them the audit chain's head at printing, when known."""
    sealed = is_sealed(info)
    qr_w = QR_SIZE + 8 if sealed else 0.0
    left_w = FRAME_W - qr_w
    lines: list[Any] = [cell(kit, line, left_w - 12, size, field="移交人")
                        for line in status_lines(info)]
    if sealed:
        digest = group_hex(info.sha256)
        half = len(digest) // 2 + 1  # eight groups a line
        lines += [HASH_LABEL, f"{digest[:half].strip()}\n{digest[half:].strip()}",
                  "接收时请扫描右侧二维码，或逐组核对上列校验值与移交文件一致。"]
        if audit_head:
            lines.append(f"{audit_head}（打印时）")
    else:
        lines.append(DRAFT)
    rows: list[list[Any]] = [[line, ""] if sealed else [line] for line in lines]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), kit.main.name),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.3),
        ("BOX", (0, 0), (-1, -1), RULE, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (0, 0), 5),
        ("BOTTOMPADDING", (0, -1), (0, -1), 5),
    ]
    if sealed:
        digest_row = 2 + len(status_lines(info)) - 1
        hint_rows = (digest_row + 1, len(lines) - 1)
        rows[0][1] = QrFlowable(kit, qr_payload(info.batch_no, info.sha256), QR_SIZE,
                                "扫码核对移交文件")
        style += [("SPAN", (1, 0), (1, -1)), ("ALIGN", (1, 0), (1, 0), "CENTER"),
                  ("FONTSIZE", (0, digest_row), (0, digest_row), size + 1.5),
                  ("LEADING", (0, digest_row), (0, digest_row), (size + 1.5) * 1.3),
                  ("TEXTCOLOR", (0, hint_rows[0]), (0, hint_rows[1]), GREY)]
    else:
        style += [("FONTSIZE", (0, -1), (0, -1), 14), ("LEADING", (0, -1), (0, -1), 18),
                  ("TOPPADDING", (0, -1), (0, -1), 4), ("BOTTOMPADDING", (0, -1), (0, -1), 6),
                  ("BOX", (0, 0), (-1, -1), 1.5, colors.black)]
    return Table(rows, colWidths=[left_w, qr_w] if sealed else [left_w],
                 style=TableStyle(style))


def transmittal_pdf(batch: BatchView, point: PointInfo, receiver: PointInfo,
                    round_: RoundInfo, items: list[ChecklistItem],
                    options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    """The 移交清单; a batch not yet closed prints as a draft (草稿)."""
    kit = TextKit(options.fallback_font)
    info = batch.batch
    st = styles(kit)
    today = options.date()
    sealed = is_sealed(info)
    facts = [
        (f"批次号：{info.batch_no}", f"日期：{cn_date(today)}"),
        (f"移交单位：{point.name}", f"接收单位：{receiver.name}"),
        (f"申报批次：{round_.name}", f"共 {len(batch.packets)} 人，材料 {batch.forms} 份"),
    ]
    head: list[Flowable] = [
        para(kit, f"{HEADING}申报纸质材料", st.centre),
        Title(kit, "移交清单", 20) if sealed else Title(kit, "移交清单（草稿）", 20, space=3),
        Spacer(1, 6),
        facts_table(kit, facts, 10.5, ("移交单位", "接收单位")),
        Spacer(1, 4),
        _seal_block(kit, info, audit_head=options.audit_head),
        Spacer(1, 6),
    ]
    story: list[Flowable] = [
        *head,
        *list_tables(kit, batch, items, options.full_ids, FRAME_H - _height(head)),
        Spacer(1, 14),
        KeepTogether([handover_block(kit, [("移交单位", point.name, ("移交人",)),
                                           ("接收单位", receiver.name, ("接收人",))])]),
    ]
    return build_pdf(story, kit, title=f"移交清单 {info.batch_no}",
                     ident=f"批次号 {info.batch_no}",
                     continued="移交清单（续）",
                     today=today, note=HASH_LABEL + group_hex(info.sha256) if sealed else DRAFT,
                     watermark="" if sealed else "草稿")
