"""`zcdesk visit list`: the receipt numbers (收件号) with date, unit and what is missing.

Reads only (cli.common._READ_ONLY): no PIN. The receipt number is what `print
receipt|notice` and `receive --receipt` take.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from zcdesk.cli.common import json_flag, print_json, when

if TYPE_CHECKING:
    from zcdesk.store import Store


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    visit = sub.add_parser("visit", help="收件记录：收件号、日期、单位和仍缺的材料")
    actions = visit.add_subparsers(dest="action", metavar="操作", required=True,
                                   parser_class=type(visit))
    text = "列出本轮的收件号，及每次收件的日期、单位、材料袋和仍缺的材料"
    listing = actions.add_parser("list", parents=[common], help=text, description=text)
    listing.add_argument("--open", action="store_true", help="只列未完成（未按 F10 结束）的收件")
    listing.add_argument("--round", metavar="CODE", help="轮次代码（默认当前轮次），如 2025H1")
    json_flag(listing)
    listing.set_defaults(handler=visit_command)


def visit_command(store: Store, args: argparse.Namespace) -> int:
    import sys

    from zcdesk.domain.idnumber import mask_id
    from zcdesk.store.visit_list import visit_lines

    lines = visit_lines(store, round_code=args.round, open_only=args.open)
    if args.json:
        print_json([{"receipt_no": v.receipt_no, "opened_at": v.opened_at,
                     "closed_at": v.closed_at, "open": v.is_open, "unit": v.unit,
                     "visitor_name": v.visitor_name, "operator": v.operator, "desk": v.desk,
                     "correction_due": v.correction_due,
                     "packets": [{"name": p.name, "id_number": p.id_number, "unit": p.unit,
                                  "status": p.status, "missing": p.missing}
                                 for p in v.packets]}
                    for v in lines])
        return 0
    for v in lines:
        parts = [v.receipt_no, when(v.opened_at), v.unit or "（未填单位）"]
        if v.is_open:
            parts.append("未完成")
        if v.correction_due and v.missing:
            parts.append(f"补正期限 {v.correction_due:%Y-%m-%d}")
        print("  ".join(parts))
        if not v.packets:
            print("    （没有登记任何材料）")
        for p in v.packets:
            print(f"    {p.name} {mask_id(p.id_number)}  {p.missing_text}")
    what = "未完成的收件" if args.open else "收件"
    print(f"共 {len(lines)} 次{what}，其中 {sum(v.missing for v in lines)} 次仍缺材料。",
          file=sys.stderr)
    return 0
