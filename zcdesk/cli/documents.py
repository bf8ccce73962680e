"""`zcdesk print …`: documents from the command line (batches: cli/flow.py).

A PDF is written to a temporary file beside the target and renamed into
place only when the whole document was made, so a refusal leaves no file.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zcdesk.print_output import (  # noqa: F401  (re-exported for the other commands)
    ENV_FALLBACK_FONT,
    SETTING_FALLBACK_FONT,
    add_glyph_flag,
    cover_clerks,
    fallback_font,
    notice_two_up,
    write_atomically,
)

if TYPE_CHECKING:  # imported where used: `zcdesk` (the window) starts without SQLAlchemy
    from zcdesk.store import Store


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    printing = sub.add_parser(
        "print", help="打印（生成 PDF）：回执、补正告知单、封面、移交清单、送评报告单")
    docs = printing.add_subparsers(dest="document", metavar="文书", required=True,
                                   parser_class=type(printing))
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                        help="输出的 PDF 文件")
    output.add_argument("--full-ids", action="store_true",
                        help="显示完整证件号码（默认遮盖中间部分）")
    add_glyph_flag(output)
    for name, help_text in (("receipt", "收件回执"), ("notice", "一次性补正告知单")):
        doc = docs.add_parser(name, parents=[common, output], help=help_text)
        doc.add_argument("receipt_no", metavar="RECEIPT-NO", help="收件号，如 SC-2025H1-00017")
        if name == "notice":
            doc.add_argument("--two-up", action="store_true",
                             help="申请人联和存档联印在同一张纸上（放得下时；默认各占一张，"
                                  "也可设置 print.notice_two_up=1）")
    cover = docs.add_parser("cover", parents=[common, output], help="档案袋封面（每袋一页）")
    cover.add_argument("id_numbers", metavar="ID-NUMBER", nargs="*", help="证件号码")
    which = cover.add_mutually_exclusive_group()
    which.add_argument("--unit", help="该单位的全部材料袋")
    which.add_argument("--batch", metavar="BATCH", help="该批次的全部材料袋")
    which.add_argument("--all", action="store_true", help="本轮次全部材料袋")
    for name, help_text in (("transmittal", "移交清单"), ("report", "送评报告单（委托书）")):
        doc = docs.add_parser(name, parents=[common, output], help=help_text)
        doc.add_argument("batch_no", metavar="BATCH", help="批次号，如 SC-2025H1-B001")


def print_document(store: Store, args: argparse.Namespace) -> int:
    from zcdesk import printing  # lazy: reportlab only when printing
    from zcdesk.store import InputError

    options = printing.PrintOptions(full_ids=args.full_ids, clerk=store.operator,
                                    fallback_font=fallback_font(store),
                                    today=store.clock().date(),
                                    allow_missing_glyphs=args.allow_missing_glyphs)
    document = args.document
    if document in ("receipt", "notice"):
        summary = store.visit_summary(store.visit_by_receipt(args.receipt_no).id)
        # a reprint: the visit's own round, point and checklist
        papers = store.round_papers(summary.visit.round_code, summary.visit.point_code)
        round_, point, items = papers.round, papers.point, papers.items
        if document == "notice" and not printing.needs_notice(summary):
            raise InputError(f"收件 {summary.visit.receipt_no} 没有尚缺的材料，"
                             "无需补正告知单。")
        # 经办人: who recorded the visit, on every reprint (#13), not who prints now
        options = dataclasses.replace(
            options, clerk=summary.visit.operator,
            notice_two_up=getattr(args, "two_up", False) or notice_two_up(store))
        make = printing.receipt_pdf if document == "receipt" else printing.notice_pdf
        result = make(summary, point, round_, items, options)
    elif document == "cover":
        chosen = sum(bool(x) for x in (args.id_numbers, args.unit, args.batch, args.all))
        if chosen != 1:
            raise InputError("请指定且只指定一种：证件号码…、--unit 单位、"
                             "--batch 批次号 或 --all。")
        packets = store.cover_packets(id_numbers=args.id_numbers or None, unit=args.unit,
                                      batch_no=args.batch)
        papers = store.round_papers(packets[0].round_code, packets[0].point_code)
        point, round_, items = papers.point, papers.round, papers.items  # its own round
        result = printing.covers_pdf(packets, point, round_, items, options,
                                     clerks=cover_clerks(store, packets))
    else:
        batch = store.batch(args.batch_no)
        if not batch.packets:
            raise InputError(f"批次 {batch.batch.batch_no} 中没有材料袋。")
        papers = store.round_papers(batch.batch.round_code, batch.batch.point_code)
        point, receiver, round_, items = papers.point, papers.city, papers.round, papers.items
        make = printing.transmittal_pdf if document == "transmittal" else printing.report_pdf
        options = dataclasses.replace(options, audit_head=store.chain_head().words())
        result = make(batch, point, receiver, round_, items, options)
    write_atomically(Path(args.output), result.data)
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已生成 {args.output}（{result.pages} 页）")
    return 0
