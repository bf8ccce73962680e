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

import datetime as dt
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.completeness import PacketStatus
from zcdesk.domain.flow import BatchStatus
from zcdesk.domain.records import BatchInfo, BatchView, PacketView, PointInfo, RoundInfo
from zcdesk.importing.transmittal_file import default_file_name, list_order, qr_payload
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
from zcdesk.printing.textlayout import RunLines, cell, fit_widths, unbreakable_width

SIZE = 9.0
LEADING = SIZE * 1.25
PAD_V, PAD_H = 2.5, 4.0
PAD_NUMBER = 2.0  # the 序号 column: room for four digits
SLACK = 1.0  # points kept free on each page against rounding
QR_SIZE = 92.0  # a version-6 code (≈ 90 bytes): modules of about 0.6 mm
KEEP_ROWS = 3  # rows that stand on the signature page with the signatures
DRAFT = "草稿：批次未封批，不能用于移交"
HASH_LABEL = "移交文件校验值（SHA-256）："
FILE_HASH_LABEL = "移交文件（{file}）的 SHA-256，可用 sha256sum 核对："
MANIFEST_HASH_LABEL = "其中清单 manifest.json 的 SHA-256（二维码所含）："
BLANK_BELOW = "以下空白"
ITEM_W = 36.0
HEAD = ("序号", "姓名", "证件号码", "工作单位", "职业资格")
NOTE = "备注"
# The least a text column gets: its header, or a few characters when it has content.
MIN_CHARS = {"姓名": 3, "工作单位": 6, "职业资格": 4, NOTE: 2}


def page_count_line(pages: int) -> str:
    return f"本清单共 {pages} 页，各页骑缝处加盖移交单位公章。"


def list_date(info: BatchInfo) -> dt.date | None:
    """The list's date: the hand-over's, else the closing's (None while open)."""
    if info.handover is not None:
        return info.handover.at.date()
    if info.closed_at is not None and info.status is not BatchStatus.OPEN:
        return info.closed_at.date()
    return None


def _notes(batch: BatchView, items: list[ChecklistItem]) -> list[str]:
    return ["" if p.status is PacketStatus.COMPLETE else missing_text(p.state, items)
            for p in batch.packets]


def column_widths(kit: TextKit, packets: list[PacketView], items: list[ChecklistItem],
                  full_ids: bool, notes: list[str] | None = None) -> list[float]:
    """Widths that follow the content: an empty column keeps its header's width,
    a long unit gets the room it needs, a name part is never cut (fit_widths)."""
    notes = notes if notes is not None else [""] * len(packets)
    number_w = max(kit.text_width(str(len(packets) or 1), SIZE),
                   kit.text_width("序号", SIZE)) + 2 * PAD_NUMBER
    ids = [show_id(p.applicant.id_number, full_ids) for p in packets]
    id_w = max([kit.text_width(i, SIZE) for i in ids] + [kit.text_width("证件号码", SIZE)]) \
        + 2 * PAD_H
    columns = {
        "姓名": [p.applicant.name for p in packets],
        "工作单位": [p.applicant.unit for p in packets],
        "职业资格": [p.applicant.qualification for p in packets],
        NOTE: notes,
    }
    natural, minimum = [], []
    for head, values in columns.items():
        widest = max((kit.text_width(v, SIZE, head) for v in values), default=0.0)
        piece = max((unbreakable_width(kit, v, SIZE, head) for v in values), default=0.0)
        least = kit.text_width("字" * MIN_CHARS[head], SIZE) if widest else 0.0
        header = kit.text_width(head, SIZE)
        natural.append(max(widest, header) + 2 * PAD_H)
        minimum.append(max(min(piece, widest), least if widest else 0.0, header) + 2 * PAD_H)
    room = FRAME_W - number_w - id_w - ITEM_W * len(items)
    name_w, unit_w, qual_w, note_w = fit_widths(natural, minimum, room)
    return [number_w, name_w, id_w, unit_w, qual_w, *([ITEM_W] * len(items)), note_w]


def _lines(value: Any) -> int:
    if isinstance(value, RunLines):
        return len(value.lines)
    return str(value).count("\n") + 1


def batch_forms(info: BatchInfo) -> int:
    return sum(i.accepted for i in info.items)


def list_tables(kit: TextKit, batch: BatchView, items: list[ChecklistItem],
                full_ids: bool, first_room: float, tail_h: float = 0.0) -> list[Flowable]:
    """The list as one table per page (header on each), page breaks between.

    Row heights are known up front, so the rows are dealt out to pages here;
    letting platypus split one long table instead rebuilds the remaining table
    on every page, which makes a 1,000-row list quadratic. `first_room` is the
    height left on the first page under the title block; `tail_h` that of what
    must follow the last row on its page (the signatures): at least KEEP_ROWS rows
    go with it, so the signatures never stand alone. Each part keeps repeatRows=1
    in case a page holds less than computed.
    """
    packets = list_order(batch.packets)
    view = BatchView(batch.batch, tuple(packets))
    notes = _notes(view, items)
    widths = column_widths(kit, packets, items, full_ids, notes)
    room = [w - 2 * PAD_H for w in widths]
    room[0] = widths[0] - 2 * PAD_NUMBER
    head = [*HEAD, *(f"{i.short_name}\n份数" for i in items), NOTE]
    head_h = 2 * LEADING + 2 * PAD_V
    first_item, after_items = len(HEAD), len(HEAD) + len(items)
    last = len(widths) - 1
    span_w = sum(widths[1:first_item]) - 2 * PAD_H

    def text(value: str, col: int, field: str = "") -> str | RunLines:
        return cell(kit, value, room[col], SIZE, field=field, leading=LEADING)

    rows: list[list[Any]] = []
    heights: list[float] = []
    spans: list[int] = []  # rows whose 姓名…职业资格 (and item) cells are one
    totals = [0] * len(items)
    for n, (packet, note) in enumerate(zip(packets, notes, strict=True), start=1):
        a, state = packet.applicant, packet.state
        received = state.received
        counts = [received.get(i.code, 0) for i in items]
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
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
    info = batch.batch
    one = LEADING + 2 * PAD_V
    # Batch-level items (送评报告单, 花名册): a row each, counted in the totals.
    for item in info.items:
        short = f"尚缺 {item.missing} 份" if item.missing else ""
        spans.append(len(rows))
        rows.append(["", cell(kit, f"批次材料：{item.name}", span_w, SIZE, leading=LEADING),
                     "", "", "", f"{item.accepted} 份", *([""] * (len(items) - 1)), short])
        heights.append(one)
    extra = batch_forms(info)
    rows.append([text("合计", 0), f"{len(packets)} 人", "", "", "", *(str(t) for t in totals),
                 ""])
    heights.append(one)
    total_row = len(rows) - 1
    words = (f"共 {len(packets)} 人（材料袋 {len(packets)} 个），材料 {sum(totals) + extra} 份："
             + "、".join(f"{i.short_name} {t} 份" for i, t in zip(items, totals, strict=True))
             + "".join(f"、{i.short_name} {i.accepted} 份" for i in info.items))
    sum_cell = cell(kit, words, FRAME_W - 2 * PAD_H, SIZE, leading=LEADING)
    rows.append([sum_cell, *([""] * last)])
    heights.append(_lines(sum_cell) * LEADING + 2 * PAD_V)
    sum_row = len(rows) - 1
    rows.append([BLANK_BELOW, *([""] * last)])
    heights.append(one)

    base = [
        *grid_style(kit.main.name, SIZE, leading=LEADING),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_V),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_V),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (0, -1), PAD_NUMBER),
        ("RIGHTPADDING", (0, 0), (0, -1), PAD_NUMBER),
        ("ALIGN", (first_item, 1), (after_items - 1, -1), "CENTER"),
    ]
    # KEEP_ROWS counts packets: the batch items, totals and 以下空白 come on top
    pages = _deal(heights, head_h, first_room, tail_h,
                  trailing=len(rows) - total_row + len(info.items))
    parts: list[Flowable] = []
    for number, (start, end) in enumerate(pages):
        if start == end:  # the head's page has no room for the rows kept together
            parts.append(PageBreak())
            continue
        style = list(base)
        for r in range(start, end):
            at = r - start + 1
            if r in spans:
                style += [("SPAN", (1, at), (first_item - 1, at)),
                          ("SPAN", (first_item, at), (after_items - 1, at))]
            elif r == total_row:
                style += [("ALIGN", (0, at), (1, at), "CENTER")]
            elif r == sum_row:
                style += [("SPAN", (0, at), (-1, at)), ("ALIGN", (0, at), (-1, at), "LEFT"),
                          ("LEFTPADDING", (0, at), (0, at), PAD_H)]
            elif r == len(rows) - 1:  # 以下空白: no rules inside, centred, grey
                style += [("SPAN", (0, at), (-1, at)), ("ALIGN", (0, at), (-1, at), "CENTER"),
                          ("TEXTCOLOR", (0, at), (-1, at), GREY)]
        parts.append(_part(head, rows[start:end], [head_h, *heights[start:end]], widths, style))
        if number < len(pages) - 1:
            parts.append(PageBreak())
    return parts


def _deal(heights: list[float], head_h: float, first_room: float, tail_h: float,
          trailing: int = 0) -> list[tuple[int, int]]:
    """Rows to pages: (start, end) of each (start == end: a page without rows).
    The last page holds the `trailing` summary rows and KEEP_ROWS rows before them
    (all, when fewer) and room for the tail under them."""
    pages: list[tuple[int, int]] = []
    start, room_left, used = 0, first_room - SLACK, head_h
    for i, h in enumerate(heights):
        if used + h > room_left and i > start:
            pages.append((start, i))
            start, room_left, used = i, FRAME_H - SLACK, head_h
        used += h
    pages.append((start, len(heights)))
    keep = min(KEEP_ROWS + trailing, len(heights))
    start, end = pages[-1]
    if end - start < keep and len(pages) > 1:  # too few rows by the signatures
        before, _ = pages[-2]
        pages[-2:] = [(before, end - keep), (end - keep, end)]
        start = end - keep
    room_left = (first_room if len(pages) == 1 else FRAME_H) - SLACK
    if head_h + sum(heights[start:end]) + tail_h > room_left:
        # the tail does not fit: it starts a page with the last rows
        cut = end - keep if end - start > keep else start
        pages[-1:] = [(start, cut), (cut, end)]
    return pages


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


def blockers(batch: BatchView) -> list[str]:
    """What keeps an open batch from being closed, as the draft lists it."""
    found = [f"{i.short_name} 尚缺 {i.missing} 份" for i in batch.batch.items if i.missing]
    short = [p for p in batch.packets if p.status is not PacketStatus.COMPLETE]
    if short:
        names = "、".join(p.applicant.name for p in short[:5])
        found.append(f"{len(short)} 个材料袋不齐（{names}{' 等' if len(short) > 5 else ''}）")
    if not batch.packets:
        found.append("批次中没有材料袋")
    return found


def _seal_block(kit: TextKit, batch: BatchView, size: float = 9.5, *,
                audit_head: str = "") -> Table:
    """Status and hand-over lines, the hashes in words, and the QR code at the right;
    under them the audit chain's head at printing, when known. A draft says what
    still blocks closing instead."""
    info = batch.batch
    sealed = is_sealed(info)
    qr_w = QR_SIZE + 8 if sealed else 0.0
    left_w = FRAME_W - qr_w
    lines: list[Any] = [cell(kit, line, left_w - 12, size, field="移交人")
                        for line in status_lines(info)]
    big: list[int] = []
    grey: list[int] = []
    if sealed:
        if info.file_sha256:
            lines.append(FILE_HASH_LABEL.format(file=default_file_name(info.batch_no)))
            big.append(len(lines))
            lines.append(_two_lines(info.file_sha256))
            grey.append(len(lines))
            lines.append(cell(kit, MANIFEST_HASH_LABEL + group_hex(info.sha256), left_w - 12,
                              size))
        else:  # closed before the file's hash was kept: the manifest's is all there is
            lines.append(MANIFEST_HASH_LABEL)
            big.append(len(lines))
            lines.append(_two_lines(info.sha256))
        grey.append(len(lines))
        lines.append("接收时请扫描右侧二维码，或用 sha256sum 逐组核对移交文件的校验值。")
        if audit_head:
            grey.append(len(lines))
            lines.append(f"{audit_head}（打印时）")
    else:
        lines.append(DRAFT)
        for problem in blockers(batch):
            grey.append(len(lines))
            lines.append(cell(kit, f"尚不能封批：{problem}", left_w - 12, size, field="姓名"))
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
    style += [("FONTSIZE", (0, r), (0, r), size + 1.5) for r in big]
    style += [("LEADING", (0, r), (0, r), (size + 1.5) * 1.3) for r in big]
    style += [("TEXTCOLOR", (0, r), (0, r), GREY) for r in grey]
    if sealed:
        rows[0][1] = QrFlowable(kit, qr_payload(info.batch_no, info.sha256), QR_SIZE,
                                "扫码核对移交文件")
        style += [("SPAN", (1, 0), (1, -1)), ("ALIGN", (1, 0), (1, 0), "CENTER")]
    else:
        draft_row = len(status_lines(info))
        style += [("FONTSIZE", (0, draft_row), (0, draft_row), 14),
                  ("LEADING", (0, draft_row), (0, draft_row), 18),
                  ("TOPPADDING", (0, draft_row), (0, draft_row), 4),
                  ("BOTTOMPADDING", (0, draft_row), (0, draft_row), 6),
                  ("BOX", (0, 0), (-1, -1), 1.5, colors.black)]
    return Table(rows, colWidths=[left_w, qr_w] if sealed else [left_w],
                 style=TableStyle(style))


def _two_lines(digest: str) -> str:
    grouped = group_hex(digest)
    half = len(grouped) // 2 + 1  # eight groups a line
    return f"{grouped[:half].strip()}\n{grouped[half:].strip()}"


def footer_note(info: BatchInfo) -> str:
    if not is_sealed(info):
        return DRAFT
    return HASH_LABEL + group_hex(info.file_sha256 or info.sha256)


def transmittal_pdf(batch: BatchView, point: PointInfo, receiver: PointInfo,
                    round_: RoundInfo, items: list[ChecklistItem],
                    options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    """The 移交清单; a batch not yet closed prints as a draft (草稿), without
    stamp or signature boxes."""
    info = batch.batch
    sealed = is_sealed(info)
    day = list_date(info)
    total = batch.forms + batch_forms(info)
    facts = [
        (f"批次号：{info.batch_no}", f"日期：{cn_date(day)}" if day else "日期：（未封批）"),
        (f"移交单位：{point.name}", f"接收单位：{receiver.name}"),
        (f"申报批次：{round_.name}", f"共 {len(batch.packets)} 人，材料 {total} 份"),
    ]

    def build(pages: int | None) -> PdfResult:
        kit = TextKit.for_options(options)
        st = styles(kit)
        head: list[Flowable] = [
            para(kit, f"{HEADING}申报纸质材料", st.centre),
            Title(kit, "移交清单", 20) if sealed else Title(kit, "移交清单（草稿）", 20, space=3),
            Spacer(1, 6),
            facts_table(kit, facts, 10.5, ("移交单位", "接收单位")),
            Spacer(1, 4),
            _seal_block(kit, batch, audit_head=options.audit_head),
            Spacer(1, 6),
        ]

        def tail(count: int) -> list[Flowable]:
            if not sealed:  # a draft is not stamped: no page count, no boxes
                return []
            return [Spacer(1, 8), para(kit, page_count_line(count), st.body), Spacer(1, 4),
                    handover_block(kit, [("移交单位", point.name, ("移交人",)),
                                         ("接收单位", receiver.name, ("接收人",))])]

        parts = list_tables(kit, batch, items, options.full_ids, FRAME_H - _height(head),
                            _height(tail(99)))
        # the rows are dealt out to pages above: their count is the list's
        count = pages or sum(isinstance(f, PageBreak) for f in parts) + 1
        story = [*head, *parts[:-1], KeepTogether([parts[-1], *tail(count)])]
        result = build_pdf(story, kit, title=f"移交清单 {info.batch_no}",
                           ident=f"批次号 {info.batch_no}", continued="移交清单（续）",
                           today=options.date(), note=footer_note(info),
                           watermark="" if sealed else "草稿")
        return result if not sealed or result.pages == count else build(result.pages)

    return build(None)
