"""接收回执 of the city desk: what the city bureau received of a district's batch.

The district takes it home as proof of what arrived. It names the batch, its round
and the transmittal file (by its hashes), says whether the paper list was checked
against the file, gives the counts, lists every packet received (pinyin order) and
then every discrepancy: each packet on the list that did not arrive (name, masked
ID, unit) and each code scanned that was not on it. When there is none, it says so.

Until the list's QR code was scanned (paper and file proven the same batch) it is a
draft: 草稿 in the title, across the page and in the footer, and no boxes to sign
or stamp — nothing a district could take as a receipt.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from zcdesk.domain.collation import name_key, pinyin_key
from zcdesk.domain.flow import CityBatchReport, CityPacket
from zcdesk.domain.records import PointInfo
from zcdesk.printing.document import (
    FRAME_W,
    HEADER_FILL,
    HEADING,
    RULE,
    Title,
    build_pdf,
    cn_date,
    cn_datetime,
    grid_style,
    group_hex,
    handover_block,
    info_table,
    para,
    show_id,
    styles,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintOptions
from zcdesk.printing.textlayout import cell

SIZE = 9.0
LEADING = SIZE * 1.3
PAD = 8.0
NO_DISCREPANCY = "无差异：实收材料袋与移交清单完全一致，没有缺少，也没有清单外的材料袋。"
UNEXPECTED_NOTE = "已收到并扫描，但不在任何已导入的移交清单中"
# Batch-level items by the codes the catalogue ships with (the report holds codes only).
BATCH_ITEM_NAMES = {"report": "送评报告单", "roster": "花名册"}
WIDTHS = [28.0, 50.0, 104.0, 52.0, 100.0]  # 序号 类别 材料袋编号 姓名 证件号码; 工作单位 the rest
# 序号 材料袋编号 姓名 证件号码 份数; 工作单位 the rest
RECEIVED_WIDTHS = [28.0, 104.0, 64.0, 100.0, 36.0]
DRAFT = "草稿：尚未扫描纸质移交清单的二维码核对，不能作为接收凭证"


def list_check_text(checked: bool) -> str:
    if checked:
        return "已核对：纸质移交清单的二维码与移交文件一致"
    return "未核对：尚未扫描纸质移交清单上的二维码，请扫描后再打印本回执"


def _counts(kit: TextKit, report: CityBatchReport, size: float) -> Table:
    b = report.batch
    head = ["应收（移交清单）", "实收", "缺少", "清单外"]
    values = [f"{b.expected} 袋", f"{len(report.received)} 袋", f"{len(report.missing)} 袋",
              f"{len(report.unexpected)} 袋"]
    width = FRAME_W / len(head)
    style = [*grid_style(kit.main.name, size), ("ALIGN", (0, 1), (-1, 1), "CENTER"),
             ("FONTSIZE", (0, 1), (-1, 1), size + 2), ("LEADING", (0, 1), (-1, 1), size * 1.8)]
    return Table([head, values], colWidths=[width] * len(head), style=TableStyle(style))


def ordered(packets: tuple[CityPacket, ...]) -> list[CityPacket]:
    """As the district's list orders them: unit, then name, in pinyin."""
    return sorted(packets, key=lambda p: (pinyin_key(p.unit), name_key(p.name), p.code))


def _received(kit: TextKit, report: CityBatchReport, full_ids: bool) -> Table:
    """Every packet received, so the district sees what the city signs for."""
    widths = [*RECEIVED_WIDTHS[:4], FRAME_W - sum(RECEIVED_WIDTHS), RECEIVED_WIDTHS[4]]
    data: list[list[Any]] = [["序号", "材料袋编号", "姓名", "证件号码", "工作单位", "份数"]]
    for n, p in enumerate(ordered(report.received), start=1):
        values = [p.code, p.name, show_id(p.id_number, full_ids), p.unit]
        fields = ["", "姓名", "证件号码", "工作单位"]
        widths_in = [widths[1], widths[2], widths[3], widths[4]]
        data.append([str(n), *(cell(kit, v, w - PAD, SIZE, field=f, leading=LEADING)
                               for v, w, f in zip(values, widths_in, fields, strict=True)),
                     str(sum(p.items.values()))])
    style = [*grid_style(kit.main.name, SIZE, leading=LEADING),
             ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (-1, 1), (-1, -1), "CENTER"),
             ("LEFTPADDING", (0, 0), (0, -1), 2), ("RIGHTPADDING", (0, 0), (0, -1), 2)]
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


def _discrepancies(kit: TextKit, report: CityBatchReport, full_ids: bool) -> Table:
    widths = [*WIDTHS, FRAME_W - sum(WIDTHS)]
    data: list[list[Any]] = [["序号", "类别", "材料袋编号", "姓名", "证件号码", "工作单位 / 说明"]]
    n = 0
    for p in ordered(report.missing):
        n += 1
        values = ["缺少", p.code, p.name, show_id(p.id_number, full_ids), p.unit]
        fields = ["", "", "姓名", "证件号码", "工作单位"]
        data.append([str(n), *(cell(kit, v, w - PAD, SIZE, field=f, leading=LEADING)
                               for v, w, f in zip(values, widths[1:], fields, strict=True))])
    for code in report.unexpected:
        n += 1
        data.append([str(n), "清单外", cell(kit, code, widths[2] - PAD, SIZE, leading=LEADING),
                     "—", "—", cell(kit, UNEXPECTED_NOTE, widths[5] - PAD, SIZE,
                                    leading=LEADING)])
    style = [*grid_style(kit.main.name, SIZE, leading=LEADING),
             ("ALIGN", (0, 1), (1, -1), "CENTER"),
             ("LEFTPADDING", (0, 0), (0, -1), 2), ("RIGHTPADDING", (0, 0), (0, -1), 2)]
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


def _no_discrepancy(kit: TextKit, size: float) -> Table:
    return Table([[NO_DISCREPANCY]], colWidths=[FRAME_W], style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), kit.main.name),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.3),
        ("BOX", (0, 0), (-1, -1), RULE * 2, colors.black),
        ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))


def batch_items_text(report: CityBatchReport) -> str:
    parts = [f"{BATCH_ITEM_NAMES.get(code, code)} {n} 份"
             for code, n in sorted(report.batch_items.items()) if n]
    return "、".join(parts) or "—"


def city_receipt_pdf(report: CityBatchReport, city: PointInfo,
                     options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    """The city bureau's 接收回执 for one imported batch: what was received, and
    every discrepancy; a draft until the paper list's QR code was scanned."""
    kit = TextKit.for_options(options)
    st = styles(kit)
    b = report.batch
    final = b.list_checked
    today = options.date()
    district = b.point_name or b.point_code
    facts = [
        ["批次号", b.batch_no, "申报批次", b.round_name or b.round_code],
        ["移交单位", district],
        # the file's hash, as sha256sum shows it (the manifest's for older imports)
        ["文件 SHA-256", group_hex(b.file_sha256)] if b.file_sha256 else
        ["清单 SHA-256", group_hex(b.sha256)],
        ["封批时间", cn_datetime(b.closed_at), "导入时间", cn_datetime(b.imported_at)],
        ["纸质清单", list_check_text(b.list_checked)],
        ["批次材料", f"{batch_items_text(report)}（按移交文件）"],
    ]
    differs = bool(report.missing or report.unexpected)
    summary = (f"共有 {len(report.missing) + len(report.unexpected)} 处差异"
               f"（缺少 {len(report.missing)} 袋，清单外 {len(report.unexpected)} 袋），"
               "逐项列明如下：") if differs else ""
    story: list[Flowable] = [
        para(kit, f"{HEADING}申报纸质材料", st.centre),
        Title(kit, "接收回执", 20) if final else Title(kit, "接收回执（草稿）", 20, space=3),
        para(kit, f"{city.name}　{cn_date(today)}", st.centre, "接收单位"),
        Spacer(1, 8),
        info_table(kit, facts, 9.5, label_w=64.0),
        Spacer(1, 8),
        _counts(kit, report, 10.0),
        Spacer(1, 10),
    ]
    if differs:
        story += [para(kit, summary, st.body), Spacer(1, 4),
                  _discrepancies(kit, report, options.full_ids)]
    else:
        story.append(_no_discrepancy(kit, 12.0))
    if report.received:
        story += [Spacer(1, 10),
                  para(kit, f"实收材料袋 {len(report.received)} 个，逐袋列明如下：", st.body),
                  Spacer(1, 4), _received(kit, report, options.full_ids)]
    note = ("说明：本回执依据移交文件和逐袋扫描结果打印；“缺少”为移交清单上有、本次未收到的材料袋，"
            "“清单外”为收到但不在移交清单上的材料袋。")
    story += [Spacer(1, 4), para(kit, note, st.small)]
    if final:
        story += [Spacer(1, 14), KeepTogether([handover_block(kit, [
            ("接收单位", city.name, ("签收人",)), ("移交单位", district, ("移交人",))])])]
    return build_pdf(story, kit, title=f"接收回执 {b.batch_no}", ident=f"批次号 {b.batch_no}",
                     continued="接收回执（续）", today=today, note="" if final else DRAFT,
                     watermark="" if final else "草稿")
