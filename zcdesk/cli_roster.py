"""`zcdesk roster …`, `zcdesk export`, `zcdesk check-eligibility`.

`roster import` exits 0 when every row was taken, 1 when some rows were refused
(each listed with its row number and reason; the others are imported), 2 when
the file cannot be read at all (nothing is written then).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zcdesk.store import Store

EXIT_SOME_REFUSED = 1
EXIT_UNREADABLE = 2


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    roster = sub.add_parser("roster", help="花名册：导入平台导出的申报人名单、禁报名单")
    actions = roster.add_subparsers(dest="action", metavar="操作", required=True,
                                    parser_class=type(roster))
    imp = actions.add_parser("import", parents=[common],
                             help="导入花名册（.xlsx / .xls / .csv），按证件号码新增或更新")
    imp.add_argument("file", metavar="FILE", help="花名册文件")
    imp.add_argument("--dry-run", action="store_true",
                     help="只预览：报告将新增、更新的人数，不写入")
    imp.add_argument("--json", action="store_true", help="以 JSON 输出")
    bans = actions.add_parser("bans", parents=[common],
                              help="导入禁报名单（取消资格名单），替换原名单并重新预审")
    bans.add_argument("file", metavar="FILE", help="名单文件（姓名、证件号码、决定日期、原因）")
    bans.add_argument("--json", action="store_true", help="以 JSON 输出")

    export = sub.add_parser("export", parents=[common],
                            help="导出材料袋清单和单位汇总（.xlsx 或 .csv）")
    export.add_argument("file", metavar="FILE", help="FILE.xlsx 或 FILE.csv")
    export.add_argument("--full-ids", action="store_true", help="导出完整证件号码（默认遮盖）")

    check = sub.add_parser("check-eligibility", parents=[common],
                           help="重新预审全部申报人的申报条件（附件 1）")
    check.add_argument("--json", action="store_true", help="以 JSON 输出")


def roster_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.importing.bans import read_bans
    from zcdesk.importing.errors import RosterUnreadable
    from zcdesk.importing.roster import read_roster

    path = Path(args.file)
    try:
        read = read_roster(path, today=store.clock().date()) if args.action == "import" \
            else read_bans(path, today=store.clock().date())
    except RosterUnreadable as exc:
        print(f"zcdesk：无法读取“{path}”：{exc.message}", file=sys.stderr)
        return EXIT_UNREADABLE
    refused = [(p.row_number, p.reason) for p in read.problems]
    if args.action == "bans":
        count = store.import_bans(read.bans, source=path.name)
        result: dict[str, Any] = {"imported": count, "refused": _rows(refused)}
        text = f"禁报名单已替换为 {count} 条，全部申报人已重新预审。"
    else:
        report = store.import_roster([(r.row_number, r.form) for r in read.rows],
                                     dry_run=args.dry_run, source=path.name)
        refused = sorted(refused + list(report.refused))
        result = {"dry_run": args.dry_run, "new": report.new, "updated": report.updated,
                  "unchanged": report.unchanged, "refused": _rows(refused),
                  "changes": [{"row": row, "id_number": number,
                               "fields": {k: [str(a), str(b)] for k, (a, b) in diff.items()}}
                              for row, number, diff in report.changes]}
        text = report.summary()
        if not args.dry_run and (report.new or report.updated):
            store.refresh_eligibility()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        sheet = f"工作表“{read.sheet}”，" if read.sheet else ""
        print(f"{path.name}：{sheet}表头在第 {read.header_row} 行。{text}")
        for row, reason in refused:
            print(f"  第 {row} 行：{reason}")
    return EXIT_SOME_REFUSED if refused else 0


def _rows(refused: list[tuple[int, str]]) -> list[dict[str, Any]]:
    return [{"row": row, "reason": reason} for row, reason in refused]


def export_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.importing.errors import ExportError
    from zcdesk.importing.export import ExportRow, export_packets, summarize
    from zcdesk.store import InputError

    rows = [ExportRow(name=r.name, id_number=r.id_number, unit=r.unit, status=r.status,
                      missing=r.missing_text, returned=r.returned_text, verdict=r.eligibility,
                      note="；".join(r.reasons))
            for r in store.packet_reports()]
    try:
        written = export_packets(Path(args.file), rows, summarize(rows), full_ids=args.full_ids)
    except ExportError as exc:
        raise InputError(exc.message) from exc
    for path in written:
        print(f"已导出 {path}")
    print(f"共 {len(rows)} 个材料袋。", file=sys.stderr)
    return 0


def check_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.domain.eligibility import Verdict

    store.refresh_eligibility(everyone=True)
    reports = store.packet_reports()
    if args.json:
        print(json.dumps([{"id_number": r.id_number, "name": r.name, "unit": r.unit,
                           "eligibility": r.eligibility, "reasons": list(r.reasons)}
                          for r in reports], ensure_ascii=False, indent=2))
        return 0
    counts = {v: 0 for v in Verdict}
    for r in reports:
        verdict = Verdict(r.eligibility)
        counts[verdict] += 1
        if verdict is not Verdict.ELIGIBLE:
            print(f"{verdict.label}  {r.name}  {r.unit}：{'；'.join(r.reasons)}")
    print(" · ".join(f"{v.label} {counts[v]}" for v in Verdict) + f" · 共 {len(reports)}")
    return 0
