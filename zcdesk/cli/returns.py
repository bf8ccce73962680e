"""`zcdesk decision …` and `zcdesk return …`: the committee's result and the way back.

`decision import` is all or nothing: 0 when every row was taken (rows for other
districts' people on a city-wide sheet are skipped and counted), 1 when rows have
problems (each listed with its row number; nothing is written), 2 when the file
cannot be read at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zcdesk.cli.common import day, json_flag, print_json, when, write_pdf
from zcdesk.cli.roster import EXIT_SOME_REFUSED, EXIT_UNREADABLE
from zcdesk.print_output import add_glyph_flag

if TYPE_CHECKING:
    from zcdesk.domain.flow import ReturnList
    from zcdesk.store import Store



def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    decision = sub.add_parser("decision", help="评审结果：逐人登记或从表格导入")
    actions = decision.add_subparsers(dest="action", metavar="操作", required=True,
                                      parser_class=type(decision))
    record = actions.add_parser("record", parents=[common], help="登记一人的评审结果")
    record.add_argument("ref", metavar="REF", help="材料袋编码或证件号码")
    record.add_argument("result", metavar="RESULT", help="通过 或 不通过")
    record.add_argument("--date", required=True, type=day, metavar="YYYY-MM-DD",
                        help="评审日期")
    record.add_argument("--doc", default="", metavar="NO", help="文号")
    json_flag(record)
    imp = actions.add_parser("import", parents=[common],
                             help="从表格导入评审结果（.xlsx / .xls / .csv：姓名、证件号码、"
                                  "评审结果、评审日期、文号）")
    imp.add_argument("file", metavar="FILE", help="结果表格")
    imp.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    json_flag(imp)

    back = sub.add_parser("return", help="材料回收、返还清单、返还单位、归档")
    steps = back.add_subparsers(dest="action", metavar="操作", required=True,
                                parser_class=type(back))
    recv = steps.add_parser("back", parents=[common], help="登记材料从市职改办回收（已回收）")
    recv.add_argument("refs", metavar="REF", nargs="*", help="材料袋编码或证件号码")
    recv.add_argument("--batch", metavar="BATCH", help="该批次的全部已移交材料袋")
    json_flag(recv)
    listing = steps.add_parser("list", parents=[common],
                               help="返还清单；不给单位时列出有待返还材料的单位")
    listing.add_argument("unit", metavar="UNIT", nargs="?", help="工作单位")
    listing.add_argument("--pdf", metavar="FILE.pdf", help="打印返还清单（PDF，含签字栏）")
    listing.add_argument("--full-ids", action="store_true",
                         help="显示完整证件号码（默认遮盖中间部分）")
    add_glyph_flag(listing)
    json_flag(listing)
    done = steps.add_parser("record", parents=[common],
                            help="登记返还单位：谁交、谁收（已返还）")
    done.add_argument("unit", metavar="UNIT", help="工作单位")
    done.add_argument("--by", required=True, metavar="NAME", help="交付人（本受理点）")
    done.add_argument("--to", required=True, metavar="NAME", help="单位接收人")
    done.add_argument("refs", metavar="REF", nargs="*",
                      help="只返还这些材料袋（默认：该单位全部已回收的）")
    json_flag(done)
    archive = steps.add_parser("archive", parents=[common], help="登记已归入人事档案（已归档）")
    archive.add_argument("refs", metavar="REF", nargs="*", help="材料袋编码或证件号码")
    archive.add_argument("--unit", help="该单位全部已返还的材料袋")
    json_flag(archive)


def decision_command(store: Store, args: argparse.Namespace) -> int:
    if args.action == "record":
        view = store.record_decision(args.ref, args.result, args.date, args.doc)
        decision = view.decision
        if args.json:
            print_json({"code": view.code, "name": view.applicant.name,
                        "id_number": view.applicant.id_number,
                        "result": decision.result.value if decision else None,
                        "decided_on": decision.decided_on if decision else None,
                        "document_no": decision.document_no if decision else "",
                        "stage": view.stage.value})
        elif decision:
            doc = f"，{decision.document_no}" if decision.document_no else ""
            print(f"{view.applicant.name}：评审结果 {decision.result.label}"
                  f"（{decision.decided_on.isoformat()}{doc}）")
        return 0
    return _import(store, args)


def _import(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.importing.decisions import read_decisions
    from zcdesk.importing.errors import RosterUnreadable

    path = Path(args.file)
    try:  # read here first only to tell "cannot be read at all" (exit 2) from refusals
        read_decisions(path, today=store.clock().date())
    except RosterUnreadable as exc:
        print(f"zcdesk：无法读取“{path}”：{exc.message}", file=sys.stderr)
        return EXIT_UNREADABLE
    report = store.import_decisions(path, dry_run=args.dry_run)
    refused = sorted(report.refused)
    skipped = f"，{len(report.skipped)} 行不是本受理点的申报人，已跳过" if report.skipped else ""
    if args.json:
        print_json({"dry_run": report.dry_run, "recorded": report.recorded,
                    "changed": report.changed, "unchanged": report.unchanged,
                    "refused": [{"row": r, "reason": why} for r, why in refused],
                    "skipped": [{"row": r, "reason": why} for r, why in report.skipped]})
    elif refused and not report.dry_run:
        print(f"{path.name}：{len(refused)} 行有问题，未导入任何结果（全部无误才导入）"
              f"{skipped}。请在文件中改正后重新导入：")
        for row, reason in refused:
            print(f"  第 {row} 行：{reason}")
    else:
        verb = "将" if report.dry_run else "已"
        print(f"{path.name}：{verb}登记 {report.recorded} 人，{verb}更改 {report.changed} 人，"
              f"{report.unchanged} 人无变化{skipped}"
              + (f"；{len(refused)} 行有问题，须改正后才能导入" if refused else "") + "。")
        for row, reason in refused:
            print(f"  第 {row} 行：{reason}")
    return EXIT_SOME_REFUSED if refused else 0


def return_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.store import InputError

    action = args.action
    if action == "back":
        if bool(args.refs) == bool(args.batch):
            raise InputError("请指定材料袋编码或证件号码，或 --batch 批次号（二者选一）。")
        count = store.receive_back(args.refs or None, batch_no=args.batch)
        return _count(args, count, "已登记回收")
    if action == "archive":
        if bool(args.refs) == bool(args.unit):
            raise InputError("请指定材料袋编码或证件号码，或 --unit 单位（二者选一）。")
        count = store.archive(args.refs or None, unit=args.unit)
        return _count(args, count, "已登记归档")
    if action == "record":
        done = store.record_return(args.unit, args.by, args.to, args.refs or None)
        _show_list(done, args.json)
        return 0
    if args.unit is None:
        units = store.units_to_return()
        if args.pdf:
            raise InputError("打印返还清单须指定单位：zcdesk return list 单位 --pdf 文件。")
        if args.json:
            print_json([{"unit": unit, "packets": count} for unit, count in units])
        else:
            for unit, count in units:
                print(f"{unit}  {count} 袋待返还")
            if not units:
                print("没有待返还的材料。")
        return 0
    return_list = store.return_list(args.unit)
    if args.pdf:
        _print_list(store, return_list, Path(args.pdf), args.full_ids,
                    args.allow_missing_glyphs)
    _show_list(return_list, args.json)
    return 0


def _count(args: argparse.Namespace, count: int, verb: str) -> int:
    if args.json:
        print_json({"packets": count})
    else:
        print(f"{verb} {count} 个材料袋。")
    return 0


def _show_list(return_list: ReturnList, as_json: bool) -> None:
    from zcdesk.domain.idnumber import mask_id

    if as_json:
        print_json(return_list)
        return
    print(f"{return_list.unit}  返还 {len(return_list.lines)} 袋")
    for line in return_list.lines:
        decision = line.decision.result.label if line.decision else "未登记结果"
        print(f"  {line.code}  {line.name}  {mask_id(line.id_number)}  {decision}  "
              f"{line.stage.label}")
    if return_list.returned_at:
        print(f"已于 {when(return_list.returned_at)} 由 {return_list.returned_by} 交付，"
              f"{return_list.received_by} 接收。")


def _print_list(store: Store, return_list: ReturnList, target: Path, full_ids: bool,
                allow_missing_glyphs: bool) -> None:
    from zcdesk import printing
    from zcdesk.store import InputError

    def make(options: printing.PrintOptions) -> printing.PdfResult:
        if not return_list.lines:
            raise InputError(f"单位“{return_list.unit}”没有待返还的材料袋，无需打印返还清单。")
        papers = store.round_papers(return_list.heading_round, return_list.point_code)
        return printing.return_list_pdf(return_list, papers.point, papers.round, papers.items,
                                        options)

    write_pdf(store, target, full_ids, make, allow_missing_glyphs=allow_missing_glyphs)
