"""`zcdesk round …`: the rounds (申报轮次) and their packs (#11).

`list`, `show`, `export`, `draft` (a next round's pack made from a stored one, dates
moved, for the office lead to check against the new notice), `import` (a preview with
--dry-run; one transaction) and `activate`. A pack with errors is printed problem by
problem (key and line) and exits 1 with nothing written, as does any refusal; draft,
import, export and activate are the office lead's (the store's admin check).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zcdesk.store import Store
    from zcdesk.store.round_ops import RoundSummary

EXIT_REFUSED = 1


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    round_ = sub.add_parser("round",
                            help="申报轮次：列出、查看、导出、导入轮次配置文件，切换当前轮次")
    actions = round_.add_subparsers(dest="action", metavar="操作", required=True,
                                    parser_class=type(round_))
    listing = actions.add_parser("list", parents=[common], help="列出全部轮次")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    show = actions.add_parser("show", parents=[common], help="查看一个轮次的配置")
    show.add_argument("code", metavar="CODE", help="轮次代码，如 2025H1")
    export = actions.add_parser("export", parents=[common],
                                help="导出轮次配置文件（与保存的内容逐字相同）")
    export.add_argument("code", metavar="CODE", help="轮次代码，如 2025H1")
    export.add_argument("-o", "--output", required=True, metavar="FILE.toml", help="写入的文件")
    draft = actions.add_parser(
        "draft", parents=[common],
        help="以已有轮次为模板生成新轮次的配置文件草稿（日期顺延，须按新通知核对后再导入）")
    draft.add_argument("code", metavar="NEW", help="新轮次代码，如 2026H1")
    draft.add_argument("--from", dest="source", required=True, metavar="CODE",
                       help="作为模板的轮次，如 2025H1")
    draft.add_argument("--name", default="", help="新轮次名称（默认按代码：2026 上半年度）")
    draft.add_argument("-o", "--output", required=True, metavar="FILE.toml", help="写入的文件")
    imp = actions.add_parser("import", parents=[common],
                             help="导入轮次配置文件：新增轮次，或更新已有轮次")
    imp.add_argument("file", metavar="FILE.toml", help="轮次配置文件（UTF-8）")
    imp.add_argument("--dry-run", action="store_true", help="只预览：列出新增或变化之处，不写入")
    activate = actions.add_parser("activate", parents=[common],
                                  help="切换当前轮次（新的收件、材料袋、收件号属于该轮次）")
    activate.add_argument("code", metavar="CODE", help="轮次代码，如 2026H1")


def round_command(store: Store, args: argparse.Namespace) -> int:
    return {"list": _list, "show": _show, "export": _export, "draft": _draft,
            "import": _import, "activate": _activate}[args.action](store, args)


def _list(store: Store, args: argparse.Namespace) -> int:
    rounds = store.rounds()
    if args.json:
        print(json.dumps([r.as_json() for r in rounds], ensure_ascii=False, indent=2))
        return 0
    for r in rounds:
        mark = "● 当前" if r.active else "      "
        print(f"{mark}  {r.code}  {r.name}  截止：申报 {r.applicant_deadline} · 单位 "
              f"{r.employer_deadline} · 管理部门 {r.district_deadline} · 纸质材料 "
              f"{r.paper_deadline}  年限计算至 {r.cutoff_date}  材料袋 {r.packets}")
    return 0


def _show(store: Store, args: argparse.Namespace) -> int:
    summary = _one(store, args.code)
    pack = store.round_pack(summary.code)
    notice = pack.notice
    lines = [
        f"轮次 {pack.code}（{pack.name}）{'：当前轮次' if summary.active else ''}",
        f"通知：{notice.title}（{notice.issuer}，{notice.issued_on}"
        f"{'，' + notice.doc_number if notice.doc_number else ''}）",
        f"个人网上申报截止 {pack.deadlines.applicant}；单位审核推荐截止 "
        f"{pack.deadlines.employer}；管理部门审核截止 {pack.deadlines.district}；"
        f"纸质材料报送截止 {pack.deadlines.paper}",
        f"年龄、资历、年限计算截止 {pack.deadlines.cutoff}；补正期限 "
        f"{pack.correction.working_days} 个工作日",
        "受理点：" + "、".join(f"{p.code} {p.short_name}" for p in pack.points),
        "报送清单：" + "、".join(f"{i.short_name} ×{i.copies}" for i in pack.checklist.items),
        f"认定目录：{len(pack.catalogue.entries)} 项；本次受理的区县 "
        f"{len(pack.districts.covered)} 个",
        f"材料袋 {summary.packets} 个；配置文件 SHA-256 {summary.sha256}",
    ]
    print("\n".join(lines))
    return 0


def _draft(store: Store, args: argparse.Namespace) -> int:
    draft = store.draft_round(args.source, args.code, args.name,
                              Path(args.output).expanduser())
    print(f"已写出轮次 {draft.code}（{draft.name}）的配置文件草稿到 {draft.target}")
    print(draft.how)
    print("这只是草稿：请按新通知逐项核对日期、受理点、联系电话、认定目录和文号，然后导入："
          f"zcdesk round import {draft.target} --dry-run")
    return 0


def _export(store: Store, args: argparse.Namespace) -> int:
    target = store.export_round(args.code.strip(), Path(args.output).expanduser())
    print(f"已导出轮次 {args.code.strip()} 的配置文件到 {target}")
    return 0


def _import(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.domain.round_pack import RoundPackError, load_pack
    from zcdesk.store.errors import InputError

    path = Path(args.file).expanduser()
    try:
        # load_pack(path) words a missing, unreadable or GBK file like any other problem.
        load_pack(path)
        text = path.read_text(encoding="utf-8-sig")
    except RoundPackError as exc:
        print(f"zcdesk：{exc}", file=sys.stderr)
        print("没有写入任何数据。", file=sys.stderr)
        return EXIT_REFUSED
    plan = store.import_round(text, source=path.name, dry_run=True)
    print(plan.summary())
    if plan.refusals:
        return EXIT_REFUSED
    if args.dry_run or plan.unchanged:
        return 0
    try:
        done = store.import_round(text, source=path.name)
    except InputError as exc:  # another desk changed something since the preview
        print(f"zcdesk：{exc}", file=sys.stderr)
        return EXIT_REFUSED
    print("已导入。" if not done.unchanged else "没有变化。")
    return 0


def _activate(store: Store, args: argparse.Namespace) -> int:
    summary = store.activate_round(args.code)
    print(f"当前轮次已切换为 {summary.code}（{summary.name}）：其材料袋按该轮次的配置预审"
          f"（年限计算至 {summary.cutoff_date}）；以前轮次的记录和预审结果不变。")
    return 0


def _one(store: Store, code: str) -> RoundSummary:
    from zcdesk.store.errors import NotFound

    wanted = code.strip().upper()
    for r in store.rounds():
        if r.code.upper() == wanted:
            return r
    known = "、".join(r.code for r in store.rounds())
    raise NotFound(f"没有轮次“{code.strip()}”。已有轮次：{known or '（无）'}")
