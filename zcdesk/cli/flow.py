"""`zcdesk batch …`: build a batch, check its batch-level items, close, hand over, export.

Every change is one store call (one transaction): a refusal prints the store's
message and exits 1 with nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zcdesk.cli.common import check_target, copies, json_flag, moment, print_json, when

if TYPE_CHECKING:
    from zcdesk.domain.checklist import ChecklistItem
    from zcdesk.domain.records import BatchInfo, BatchView
    from zcdesk.store import Store


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    batch = sub.add_parser("batch", help="批次：组批、批次材料、封批、移交、导出移交文件")
    actions = batch.add_subparsers(dest="action", metavar="操作", required=True,
                                   parser_class=type(batch))
    new = actions.add_parser("new", parents=[common],
                             help="用全部尚未组批的齐全材料袋新建批次，输出批次号")
    new.add_argument("--empty", action="store_true", help="新建空批次，再用 batch add 加入")
    json_flag(new)
    json_flag(actions.add_parser("list", parents=[common], help="列出批次"))
    show = actions.add_parser("show", parents=[common], help="批次详情：状态、批次材料、材料袋")
    show.add_argument("batch_no", metavar="BATCH", help="批次号，如 SC-2025H1-B001")
    json_flag(show)
    for name, text in (("add", "把齐全的材料袋加入批次（仅组批中）"),
                       ("remove", "把材料袋移出批次（仅组批中）")):
        one = actions.add_parser(name, parents=[common], help=text)
        one.add_argument("batch_no", metavar="BATCH", help="批次号")
        one.add_argument("refs", metavar="REF", nargs="+", help="材料袋编码或证件号码")
        json_flag(one)
    item = actions.add_parser("item", parents=[common],
                              help="登记批次材料份数：送评报告单（report）、花名册（roster）")
    item.add_argument("batch_no", metavar="BATCH", help="批次号")
    item.add_argument("item", metavar="ITEM", help="送评报告单 / report 或 花名册 / roster")
    item.add_argument("copies", metavar="COPIES", type=copies, help="份数")
    item.add_argument("--reject", metavar="REASON",
                      help="退回这些份数及原因：缺水印、未盖章、非原件、信息与系统不符、其他")
    item.add_argument("--text", default="", help="退回原因说明（“其他”时必填）")
    json_flag(item)
    undo = actions.add_parser("undo-item", parents=[common], help="撤销该批次最近一次批次材料登记")
    undo.add_argument("batch_no", metavar="BATCH", help="批次号")
    json_flag(undo)
    close = actions.add_parser("close", parents=[common],
                               help="封批：检查齐全后冻结批次，生成移交清单的校验值")
    close.add_argument("batch_no", metavar="BATCH", help="批次号")
    json_flag(close)
    reopen = actions.add_parser("reopen", parents=[common], help="重新打开已封批（未移交）的批次")
    reopen.add_argument("batch_no", metavar="BATCH", help="批次号")
    reopen.add_argument("--reason", required=True, help="重新打开的原因（必填，记入记录）")
    json_flag(reopen)
    hand = actions.add_parser("handover", parents=[common], help="登记移交：谁移交、谁接收、何时")
    hand.add_argument("batch_no", metavar="BATCH", help="批次号")
    hand.add_argument("--by", required=True, metavar="NAME", help="移交人")
    hand.add_argument("--to", required=True, metavar="NAME", help="接收人（市职改办）")
    hand.add_argument("--at", type=moment, metavar='"YYYY-MM-DD HH:MM"',
                      help="移交时间（默认：现在）")
    json_flag(hand)
    export = actions.add_parser("export", parents=[common],
                                help="把已封批的批次写成移交文件（.zip），输出其 SHA-256")
    export.add_argument("batch_no", metavar="BATCH", help="批次号")
    export.add_argument("file", metavar="FILE.zip", nargs="?",
                        help="移交文件（默认：当前文件夹中的 移交-批次号.zip）")
    json_flag(export)


def batch_command(store: Store, args: argparse.Namespace) -> int:
    action = args.action
    if action == "list":
        return _list(store, args)
    if action == "export":
        return _export(store, args)
    if action == "new":
        view = store.new_batch(fill=False) if args.empty else store.new_batch()
        if args.json:
            print_json(batch_json(view))
        else:
            print(view.batch.batch_no)
            print(f"共 {view.batch.packet_count} 人，材料 {view.forms} 份", file=sys.stderr)
        return 0
    if action == "show":
        view = store.batch(args.batch_no)
    elif action == "add":
        view = store.batch_add(args.batch_no, args.refs)
    elif action == "remove":
        view = store.batch_remove(args.batch_no, args.refs)
    elif action == "item":
        code = batch_item(store, args.item).code
        if args.reject:
            view = store.batch_reject(args.batch_no, code, args.copies, args.reject, args.text)
        else:
            view = store.batch_accept(args.batch_no, code, args.copies)
    elif action == "undo-item":
        view = store.batch_undo(args.batch_no)
    elif action == "close":
        view = store.close_batch(args.batch_no)
    elif action == "reopen":
        view = store.reopen_batch(args.batch_no, args.reason)
    else:
        view = store.hand_over(args.batch_no, args.by, args.to, args.at)
    if args.json:
        print_json(batch_json(view))
    else:
        print_batch(view, details=action == "show")
    return 0


def batch_item(store: Store, text: str) -> ChecklistItem:
    """A batch-level item by its code, name or short name."""
    from zcdesk.domain.checklist import Scope, find_item
    from zcdesk.store import InputError

    items = store.checklist(Scope.BATCH)
    item = find_item(text, items)
    if item is None:
        names = "、".join(f"{i.short_name}（{i.code}）" for i in items)
        raise InputError(f"批次材料“{text}”无法识别。可选：{names}")
    return item


def _list(store: Store, args: argparse.Namespace) -> int:
    batches = store.batches()
    if args.json:
        print_json([info_json(b) for b in batches])
        return 0
    for b in batches:
        print(f"{b.batch_no}  {b.status.label}  {b.packet_count} 人  "
              f"{b.created_at:%Y-%m-%d %H:%M}  {b.operator}")
    if not batches:
        print("还没有批次。zcdesk batch new 用齐全的材料袋新建一个。")
    return 0


def _export(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.importing.transmittal_file import default_file_name

    target = Path(args.file) if args.file else Path(default_file_name(args.batch_no.strip()
                                                                       .upper()))
    check_target(target, (".zip",))
    sha = store.export_batch(args.batch_no, target)
    if args.json:
        print_json({"batch_no": args.batch_no.strip().upper(), "file": str(target),
                    "sha256": sha})
    else:
        print(f"已写出移交文件 {target}")
        print(f"SHA-256：{sha}")
    return 0


def info_json(b: BatchInfo) -> dict[str, Any]:
    return {"batch_no": b.batch_no, "packets": b.packet_count,
            "created_at": b.created_at.isoformat(timespec="seconds"),
            "operator": b.operator, "status": b.status.value, "version": b.version,
            "items": {i.code: {"required": i.required, "accepted": i.accepted,
                               "missing": i.missing, "rejected": list(i.rejected)}
                      for i in b.items},
            "closed_at": b.closed_at.isoformat(timespec="seconds") if b.closed_at else None,
            "closed_by": b.closed_by, "sha256": b.sha256,
            "handover": {"handed_by": b.handover.handed_by,
                         "received_by": b.handover.received_by,
                         "at": b.handover.at.isoformat(timespec="minutes")}
            if b.handover else None}


def batch_json(view: BatchView) -> dict[str, Any]:
    data = info_json(view.batch)
    data["forms"] = view.forms
    data["packet_list"] = [{"code": p.code, "name": p.applicant.name,
                            "id_number": p.applicant.id_number, "unit": p.applicant.unit,
                            "status": p.status.value, "stage": p.stage.value}
                           for p in view.packets]
    return data


def print_batch(view: BatchView, *, details: bool = False) -> None:
    from zcdesk.domain.idnumber import mask_id

    b = view.batch
    print(f"{b.batch_no}  {b.status.label}  {b.packet_count} 人，材料 {view.forms} 份")
    if b.items:
        print("批次材料：" + "；".join(
            f"{i.short_name} {i.accepted}/{i.required} 份"
            + (f"（缺 {i.missing} 份）" if i.missing else "")
            + ("".join(f"，{r}" for r in i.rejected)) for i in b.items))
    if b.closed_at:
        print(f"封批：{when(b.closed_at)} {b.closed_by}")
    if b.sha256:
        print(f"SHA-256：{b.sha256}")
    if b.handover:
        h = b.handover
        print(f"移交：{when(h.at)} 由 {h.handed_by} 移交，{h.received_by} 接收")
    if details:
        for p in view.packets:
            print(f"  {p.code}  {p.applicant.name}  {mask_id(p.applicant.id_number)}  "
                  f"{p.applicant.unit}  {p.status.label}  {p.stage.label}")
