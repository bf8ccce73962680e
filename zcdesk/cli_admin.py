"""`zcdesk audit`, `zcdesk backup`, `zcdesk restore`, `zcdesk check`: the office lead's tools."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zcdesk.store import Store


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写作 YYYY-MM-DD") from None


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    audit = sub.add_parser("audit", parents=[common],
                           help="审计记录：谁、何时、在哪个窗口、做了什么")
    audit.add_argument("--since", type=_day, metavar="DATE", help="从该日（YYYY-MM-DD）起")
    audit.add_argument("--json", action="store_true", help="以 JSON 输出")
    backup = sub.add_parser("backup", parents=[common],
                            help="备份数据库到文件（SQLite 在线备份，并做完整性检查）")
    backup.add_argument("file", metavar="FILE", help="备份文件")
    restore = sub.add_parser("restore", parents=[common],
                             help="从备份恢复（损坏的备份会被拒绝；当前数据库另存一份）")
    restore.add_argument("file", metavar="FILE", help="备份文件")
    sub.add_parser("check", parents=[common], help="检查数据库完整性和数据一致性")
    operator = sub.add_parser("operator", help="操作员：新增、列出、停用、启用、修改或重置 PIN")
    actions = operator.add_subparsers(dest="action", metavar="操作", required=True,
                                      parser_class=type(operator))
    add_text = ("新增操作员（新 PIN：环境变量 ZCDESK_NEW_PIN、标准输入的下一行，或终端输入两次；"
                "设置模式下第一位须为管理员）")
    add = actions.add_parser("add", parents=[common], help=add_text, description=add_text)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=["clerk", "admin"], default="clerk")
    actions.add_parser("list", parents=[common], help="列出操作员")
    for action, text in (("disable", "停用操作员"), ("enable", "启用操作员"),
                         ("pin", "修改自己的 PIN：以 NAME 的原 PIN 登录（ZCDESK_PIN、"
                                 "--pin-stdin 第一行或终端），新 PIN 由 ZCDESK_NEW_PIN、"
                                 "标准输入的下一行或终端给出"),
                         ("reset-pin", "重置操作员的 PIN（忘记 PIN 或被锁定时；管理员；"
                                       "新 PIN 同 add）")):
        one = actions.add_parser(action, parents=[common], help=text, description=text)
        one.add_argument("name", metavar="NAME")


def audit_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.store.operator_ops import describe_operator_event

    entries = store.audit(args.since)
    # Failed logins in words until the store's own describing knows them (#12).
    entries = [dataclasses.replace(e, description=describe_operator_event(e.kind, e.detail))
               if e.description == e.kind and describe_operator_event(e.kind, e.detail) else e
               for e in entries]
    if args.json:
        print(json.dumps([{"id": e.id, "at": e.at.isoformat(timespec="seconds"),
                           "kind": e.kind, "operator": e.operator, "desk": e.desk,
                           "applicant": e.applicant, "id_number": e.id_number,
                           "description": e.description, "reversed_by": e.reversed_by,
                           "detail": e.detail}
                          for e in entries], ensure_ascii=False, indent=2, default=str))
        return 0
    from zcdesk.domain.idnumber import mask_id

    for e in entries:
        who = f"{e.applicant} {mask_id(e.id_number)}" if e.applicant else ""
        undone = f"（已被第 {e.reversed_by} 号撤销）" if e.reversed_by else ""
        print(f"{e.id:>6}  {e.at:%Y-%m-%d %H:%M:%S}  {e.operator}@{e.desk}  {who}  "
              f"{e.description}{undone}".replace("    ", "  "))
    print(f"共 {len(entries)} 条记录。", file=sys.stderr)
    return 0


def _sqlite_file(store: Store) -> Path:
    from zcdesk.store import InputError
    from zcdesk.store.engine import sqlite_path

    path = sqlite_path(store.url)
    if path is None:
        raise InputError("PostgreSQL 数据库请用 pg_dump / pg_restore 备份和恢复（见 README）。")
    return path


def backup_command(store: Store, args: argparse.Namespace) -> int:
    target = store.backup_to(Path(args.file).expanduser())
    print(f"已备份到 {target}（完整性检查通过）")
    return 0


def restore_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.store.backup import restore_from

    store.require_admin("从备份恢复")  # it replaces everything: as the window's backup
    database = _sqlite_file(store)
    store.close()  # nothing of ours may hold the file while it is replaced
    aside = restore_from(Path(args.file).expanduser(), database)
    print(f"已从 {args.file} 恢复。" + (f"原数据库另存为 {aside}。" if aside else ""))
    print("请确认其他窗口均已关闭后再打开程序。", file=sys.stderr)
    return 0


def check_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.cli_office import warn_calendar_gaps

    problems = store.check()
    warn_calendar_gaps(store)  # a warning: the exit code is the check's
    for problem in problems:
        print(f"问题：{problem}")
    if problems:
        print(f"发现 {len(problems)} 个问题。请联系管理员，必要时从备份恢复。", file=sys.stderr)
        return 1
    print("数据库完整，数据一致。")
    return 0


def operator_command(store: Store, args: argparse.Namespace) -> int:
    if args.action == "list":
        from zcdesk.store.operator_ops import ROLES

        for o in store.operators():
            print(f"{o.name}  {ROLES[o.role]}{'' if o.active else '  （已停用）'}")
        return 0
    if args.action in ("disable", "enable"):
        store.set_operator_active(args.name, args.action == "enable")
        print(f"已{'启用' if args.action == 'enable' else '停用'}操作员 {args.name}。")
        return 0
    from zcdesk.cli_identity import read_new_pin

    if args.action == "pin":
        # cli_identity logged NAME in with their current PIN (none in set-up mode).
        current = getattr(args, "current_pin", None)
        if current is None:
            from zcdesk.store import InputError

            raise InputError(f"没有操作员“{args.name}”：数据库里还没有任何操作员。")
        store.change_pin(args.name, current, read_new_pin(args, "新 PIN（4 到 12 位数字）："))
        print(f"已修改操作员 {args.name} 的 PIN。")
        return 0
    if args.action == "reset-pin":
        store.require_admin("重置 PIN")  # before asking a clerk for a PIN in vain
        store.reset_pin(args.name, read_new_pin(args, "新 PIN（4 到 12 位数字）："))
        print(f"已重置操作员 {args.name} 的 PIN。")
        return 0
    store.require_admin("新增操作员")
    pin = read_new_pin(args, f"{args.name.strip()} 的新 PIN（4 到 12 位数字）：")
    info = store.create_operator(args.name, pin, args.role)
    print(f"已新增操作员 {info.name}（{'管理员' if info.is_admin else '窗口人员'}）。")
    return 0
