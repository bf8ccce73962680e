"""`zcdesk roster …`, `zcdesk export`, `zcdesk check-eligibility`.

`roster import` exits 0 when every row was taken, 1 when some rows were refused
(each listed with its row number and reason; the others are imported), 2 when
the file cannot be read at all (nothing is written then). It changes only the
fields the file has columns for, and a blank cell only with --blank-overwrites;
the report counts the changes per field with examples. `roster undo-import`
reverses the last import that changed anything (refused, exit 1, when a field it
set has changed since).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zcdesk.store import Store
    from zcdesk.store.roster_ops import FieldChanges

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
    imp.add_argument("--blank-overwrites", action="store_true",
                     help="用空白覆盖已有数据：文件中的空白单元格清空已存的值（默认保留原值）")
    imp.add_argument("--json", action="store_true", help="以 JSON 输出")
    undo = actions.add_parser("undo-import", parents=[common],
                              help="撤销上次导入花名册：恢复其改动的全部信息（留痕，不删除记录）")
    undo.add_argument("--dry-run", action="store_true", help="只预览：报告将恢复的内容，不写入")
    undo.add_argument("--json", action="store_true", help="以 JSON 输出")
    bans = actions.add_parser("bans", parents=[common],
                              help="导入禁报名单（取消资格名单），替换原名单并重新预审")
    bans.add_argument("file", metavar="FILE", help="名单文件（姓名、证件号码、决定日期、原因）")
    bans.add_argument("--json", action="store_true", help="以 JSON 输出")

    export = sub.add_parser("export", parents=[common],
                            help="导出材料袋清单和单位汇总（.xlsx 或 .csv）")
    export.add_argument("file", metavar="FILE", help="FILE.xlsx 或 FILE.csv")
    export.add_argument("--full-ids", action="store_true", help="导出完整证件号码（默认遮盖）")

    check = sub.add_parser("check-eligibility", parents=[common],
                           help="重新预审本轮次全部材料袋的申报条件（附件 1）")
    check.add_argument("--json", action="store_true", help="以 JSON 输出")


def roster_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.importing.bans import read_bans
    from zcdesk.importing.errors import RosterUnreadable
    from zcdesk.importing.roster import MASKED_HINT, read_roster
    from zcdesk.store.roster_ops import absent_fields, absent_words, field_changes

    if args.action == "undo-import":
        return undo_import_command(store, args)
    path = Path(args.file)
    try:
        # The current round's pack: its ID kinds (aliases, check digits, open list).
        read = read_roster(path, today=store.clock().date(), pack=store.rules_pack()) \
            if args.action == "import" else read_bans(path, today=store.clock().date())
    except RosterUnreadable as exc:
        print(f"zcdesk：无法读取“{path}”：{exc.message}", file=sys.stderr)
        return EXIT_UNREADABLE
    refused = [(p.row_number, p.reason) for p in read.problems]
    if args.action == "bans":
        count = store.import_bans(read.bans, source=path.name)
        result: dict[str, Any] = {"imported": count, "refused": _rows(refused)}
        text = f"禁报名单已替换为 {count} 条，本轮次的材料袋已重新预审（以前轮次的结果不变）。"
    else:
        rows = [(r.row_number, r.form) for r in read.rows]
        blank = args.blank_overwrites
        if args.dry_run:  # the counts both ways: the report says what blanks would wipe
            preview = store.preview_roster(rows, columns=read.columns)
            report = replace(preview.report(blank), blanks_kept=preview.blanks_kept)
        else:  # the import counts what blanks left (one screening, one plan to write)
            report = store.import_roster(rows, source=path.name, columns=read.columns,
                                         blank_overwrites=blank)
        absent = absent_fields(read.columns)
        refused = sorted(refused + list(report.refused))
        by_field = field_changes(report.changes)
        result = {"dry_run": args.dry_run, "new": report.new, "updated": report.updated,
                  "unchanged": report.unchanged, "opened": report.opened,
                  "refused": _rows(refused),
                  "blank_overwrites": blank, "absent_columns": list(absent),
                  "blanks_kept": 0 if blank else report.blanks_kept,
                  "masked_ids": read.masked_ids, "unused_columns": list(read.ignored_columns),
                  "fields": {f.field: {"label": f.label, "count": f.count,
                                       "examples": [[_word(a), _word(b)] for a, b in f.examples]}
                             for f in by_field},
                  "changes": [{"row": row, "id_number": number,
                               "fields": {k: [str(a), str(b)] for k, (a, b) in diff.items()}}
                              for row, number, diff in report.changes]}
        lines = [report.summary(), *_field_lines(by_field, args.dry_run)]
        if absent_words(absent):
            lines.append(absent_words(absent))
        if read.ignored_columns:  # as the window's preview says it
            lines.append(f"未使用的列：{'、'.join(read.ignored_columns)}")
        if report.blanks_kept and not blank:
            lines.append(f"{report.blanks_kept} 个空白单元格保留了已有数据"
                         "（加 --blank-overwrites 则用空白覆盖）。")
        if read.masked_ids:
            lines.append(f"{read.masked_ids} 行的证件号码被遮蔽，无法核对到人：{MASKED_HINT}")
        text = "\n".join(lines)
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


def undo_import_command(store: Store, args: argparse.Namespace) -> int:
    """`zcdesk roster undo-import`: a refusal (a field changed since, nothing to undo)
    is a StoreError, printed by the caller with exit 1."""
    result = store.undo_roster_import(dry_run=args.dry_run)
    if args.json:
        print(json.dumps({"dry_run": result.dry_run, "file": result.file,
                          "imported_at": result.at.isoformat(), "operator": result.operator,
                          "restored": result.restored, "values": result.values,
                          "added_kept": result.added,
                          "added_with_records": result.added_with_records},
                         ensure_ascii=False, indent=2))
    else:
        print(result.summary())
    return 0


def _word(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _field_lines(by_field: list[FieldChanges], dry_run: bool) -> list[str]:
    """"  职务：将变更 3 人（例：工程师 → 高级工程师）" per field."""
    verb = "将变更" if dry_run else "已变更"
    return [f"  {f.label}：{verb} {f.count} 人（例："
            + "；".join(f"{_word(a)} → {_word(b)}" for a, b in f.examples) + "）"
            for f in by_field]


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
