"""`zcdesk city …`: the city bureau's desk imports transmittal files and checks packets in.

`city checkin` takes each scanned value as its own argument and prints one line
per scan; it exits 1 when any scan was refused or unexpected, so a script sees
that a discrepancy needs a person.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zcdesk.cli.common import json_flag, print_json, when, write_pdf
from zcdesk.print_output import add_glyph_flag

if TYPE_CHECKING:
    from zcdesk.domain.flow import CheckinResult, CityBatchInfo, CityBatchReport
    from zcdesk.store import Store


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    city = sub.add_parser("city", help="市级受理端：导入移交文件、扫码签收、签收回执")
    actions = city.add_subparsers(dest="action", metavar="操作", required=True,
                                  parser_class=type(city))
    imp = actions.add_parser("import", parents=[common],
                             help="导入区受理点的移交文件（.zip），校验其 SHA-256")
    imp.add_argument("file", metavar="FILE", help="移交文件")
    imp.add_argument("--sha256", metavar="HEX",
                     help="纸质移交清单上印的 SHA-256（给出时须一致）")
    json_flag(imp)
    checkin = actions.add_parser(
        "checkin", parents=[common],
        help="签收：逐个扫描材料袋封面条码（或移交清单二维码、批次号）")
    checkin.add_argument("codes", metavar="CODE", nargs="+", help="扫描到的内容，每次一个")
    json_flag(checkin)
    undo = actions.add_parser("undo", parents=[common], help="撤销一个材料袋的签收")
    undo.add_argument("code", metavar="CODE", help="材料袋编码")
    json_flag(undo)
    json_flag(actions.add_parser("list", parents=[common], help="已导入的批次及签收进度"))
    report = actions.add_parser("report", parents=[common],
                                help="批次签收情况：已收、未到、清单外；可打印签收回执")
    report.add_argument("batch_no", metavar="BATCH", help="批次号")
    report.add_argument("--pdf", metavar="FILE.pdf", help="打印给区受理点的签收回执（PDF）")
    report.add_argument("--full-ids", action="store_true",
                        help="回执显示完整证件号码（默认遮盖中间部分）")
    add_glyph_flag(report)
    json_flag(report)


def city_command(store: Store, args: argparse.Namespace) -> int:
    action = args.action
    if action == "import":
        result = store.import_transmittal(Path(args.file), args.sha256)
        if args.json:
            print_json({"new": result.new, "message": result.message,
                        "batch": info_json(result.batch)})
        else:
            print(result.message)
            print_info(result.batch)
        return 0
    if action == "checkin":
        return _checkin(store, args)
    if action == "undo":
        undone = store.undo_checkin(args.code)
        if args.json:
            print_json(scan_json(undone))
        else:
            print(undone.message)
        return 0
    if action == "list":
        return _list(store, args)
    return _report(store, args)


def _list(store: Store, args: argparse.Namespace) -> int:
    """The imported batches, then the strangers no batch holds (their district has
    sent no file yet): one more line, so nothing scanned is out of sight."""
    from zcdesk.store.city_ops import UNASSIGNED_LABEL

    batches = store.city_batches()
    unassigned = store.city_unassigned()
    if args.json:
        rows = [info_json(b) for b in batches]
        if unassigned:  # a pseudo-entry: batch_no null
            rows.append({"batch_no": None, "point_name": UNASSIGNED_LABEL,
                         "unexpected": len(unassigned), "codes": list(unassigned)})
        print_json(rows)
        return 0
    for b in batches:
        print_info(b)
    if not batches:
        print("还没有导入移交文件。zcdesk city import 文件 导入。")
    if unassigned:
        print(f"{UNASSIGNED_LABEL} {len(unassigned)} 袋（所属区尚未导入移交文件；"
              "请单独存放，导入该区移交文件时自动归入其批次）：")
        for code in unassigned:
            print(f"  {code}")
    active = store.city_active_batch
    if active:
        print(f"本机当前批次：{active}")
    return 0


def _checkin(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.domain.flow import CheckinKind

    results = []
    for raw in args.codes:
        result = store.checkin(raw)
        results.append(result)
        if not args.json:
            print(f"{KIND_LABELS[result.kind]}  {result.code or raw}  {result.message}")
    if args.json:
        print_json([scan_json(r) for r in results])
    bad = sum(r.kind in (CheckinKind.REFUSED, CheckinKind.UNEXPECTED) for r in results)
    if bad:
        print(f"有 {bad} 次扫描被拒绝或不在清单中，请核对。", file=sys.stderr)
    return 1 if bad else 0


def _report(store: Store, args: argparse.Namespace) -> int:
    report = store.city_report(args.batch_no)
    if args.pdf:
        _print_receipt(store, report, Path(args.pdf), args.full_ids,
                       args.allow_missing_glyphs)
    if args.json:
        print_json(report_json(report))
        return 0
    print_info(report.batch)
    for title, packets in (("未到", report.missing), ("已收", report.received)):
        if packets:
            print(f"{title} {len(packets)} 袋：")
            for p in packets:
                print(f"  {p.code}  {p.name}  {p.unit}"
                      + (f"  {when(p.checked_in_at)} {p.checked_in_by}"
                         if p.checked_in_at else ""))
    if report.unexpected:
        print(f"清单外 {len(report.unexpected)} 袋：")
        for code in report.unexpected:
            print(f"  {code}")
    return 0


def _print_receipt(store: Store, report: CityBatchReport, target: Path,
                   full_ids: bool, allow_missing_glyphs: bool) -> None:
    from zcdesk import printing

    def make(options: printing.PrintOptions) -> printing.PdfResult:
        city = store.desk_point()
        assert city is not None  # city_report() refuses on any desk but the city's
        return printing.city_receipt_pdf(report, city, options)

    write_pdf(store, target, full_ids, make, allow_missing_glyphs=allow_missing_glyphs)


KIND_LABELS = {"checked_in": "签收", "already": "已签收过", "unexpected": "清单外",
               "transmittal": "移交清单", "refused": "拒绝"}


def scan_json(result: CheckinResult) -> dict[str, Any]:
    return {"kind": result.kind.value, "code": result.code, "message": result.message,
            "batch_no": result.batch.batch_no if result.batch else None}


def info_json(b: CityBatchInfo) -> dict[str, Any]:
    return {"batch_no": b.batch_no, "point_code": b.point_code, "point_name": b.point_name,
            "round_code": b.round_code, "sha256": b.sha256,
            "closed_at": b.closed_at.isoformat(timespec="seconds"),
            "imported_at": b.imported_at.isoformat(timespec="seconds"),
            "expected": b.expected, "received": b.received, "missing": b.missing,
            "unexpected": b.unexpected, "list_checked": b.list_checked}


def report_json(report: CityBatchReport) -> dict[str, Any]:
    def packet(p: Any) -> dict[str, Any]:
        return {"code": p.code, "name": p.name, "id_number": p.id_number, "unit": p.unit,
                "items": p.items,
                "checked_in_at": p.checked_in_at.isoformat(timespec="seconds")
                if p.checked_in_at else None, "checked_in_by": p.checked_in_by}

    return {"batch": info_json(report.batch),
            "received": [packet(p) for p in report.received],
            "missing": [packet(p) for p in report.missing],
            "unexpected": list(report.unexpected), "batch_items": report.batch_items}


def print_info(b: CityBatchInfo) -> None:
    checked = "，移交清单已核对" if b.list_checked else ""
    print(f"{b.batch_no}  {b.point_name}  应到 {b.expected} 袋，已收 {b.received}，"
          f"未到 {b.missing}，清单外 {b.unexpected}{checked}")
