"""`zcdesk audit`, `zcdesk backup`, `zcdesk restore`, `zcdesk check`: the office lead's tools."""

from __future__ import annotations

import argparse
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
    backup_text = ("备份数据库到文件或文件夹（SQLite 在线备份，并做完整性检查；打印审计链头）；"
                   "设置第二份备份位置（U 盘、网络文件夹）；不带参数时显示备份情况")
    backup = sub.add_parser("backup", parents=[common], help=backup_text,
                            description=backup_text)
    what = backup.add_mutually_exclusive_group()
    # Defaults None: `zcdesk backup` alone only reads (cli.common._READ_ONLY).
    what.add_argument("file", metavar="FILE", nargs="?", default=None, help="备份文件")
    what.add_argument("--to", metavar="DIR", default=None,
                      help="在该文件夹中写一份备份（文件名带日期时间）")
    what.add_argument("--set-second", metavar="DIR", default=None,
                      help="第二份备份位置：每天自动备份后再复制一份到这里（先试写并立即备份一份）")
    what.add_argument("--clear-second", action="store_const", const=True, default=None,
                      help="不再复制第二份备份")
    restore = sub.add_parser("restore", parents=[common],
                             help="从备份恢复（损坏的备份会被拒绝；当前数据库另存一份）")
    restore.add_argument("file", metavar="FILE", help="备份文件")
    check = sub.add_parser("check", parents=[common], help="检查数据库完整性和数据一致性")
    check.add_argument("--restore-drill", metavar="FILE", nargs="?", const=True, default=None,
                       help="恢复演练：把最新的自动备份（或给出的备份文件）恢复到临时文件并全面"
                            "检查，然后删除")
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
    entries = store.audit(args.since)
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
    from zcdesk.store.backup import backup_into, copy_chain_head

    if args.set_second is not None:
        return _set_second(store, Path(args.set_second))
    if args.clear_second:
        return _clear_second(store)
    if args.file is None and args.to is None:
        return _backup_status(store)
    if args.to is not None:
        store.require_admin("备份")
        target = backup_into(_sqlite_file(store), Path(args.to).expanduser(), store.clock())
    else:
        target = store.backup_to(Path(args.file).expanduser())
    print(f"已备份到 {target}（完整性检查通过）")
    # On paper beside the copy: an edit of the trail after today no longer matches it.
    print(copy_chain_head(target))
    return 0


def _set_second(store: Store, folder: Path) -> int:
    from zcdesk.store.backup import copy_chain_head
    from zcdesk.store.backup_places import same_disk
    from zcdesk.store.first_day import set_backup_folder

    folder = folder.expanduser().absolute()
    # Test write (which never makes more than the last folder), the setting, the first
    # copy, in this database's own folder there, where the daily copies will go.
    copy = set_backup_folder(store, folder)
    print(f"第二份备份位置：{folder}。此后窗口每天自动备份后，会再复制一份到其中的"
          f"“{copy.parent.name}”文件夹（本数据库专用）。")
    print(f"已备份到 {copy}（完整性检查通过）")
    print(copy_chain_head(copy))
    if same_disk(folder, _sqlite_file(store).parent):
        print("注意：这个文件夹与数据库在同一块磁盘上，磁盘损坏时两份备份会一起丢失；"
              "建议改用 U 盘、另一块磁盘或网络文件夹。", file=sys.stderr)
    return 0


def _clear_second(store: Store) -> int:
    from zcdesk.store.first_day import SETTING_BACKUP_FOLDER

    store.require_admin("设置第二份备份位置")
    _sqlite_file(store)
    store.set_setting(SETTING_BACKUP_FOLDER, "")
    print("已取消第二份备份：此后只在本机备份。已复制过去的备份仍在原处。")
    return 0


def _backup_status(store: Store) -> int:
    """Where the copies are and how old the newest are (reads only, copies nothing)."""
    from zcdesk.store.backup import (
        backup_folder,
        backups_in,
        newest_taken,
        second_copies_of,
        second_folder_of,
        second_state,
    )

    database = _sqlite_file(store)
    folder = backup_folder(database)
    count = len(backups_in(folder)) if folder.is_dir() else 0
    newest = newest_taken(folder, store.clock())
    print(f"自动备份：{folder}（{count} 份" +
          (f"，最新 {newest:%Y-%m-%d %H:%M}）" if newest else "；窗口打开时每天自动备份）"))
    second = second_folder_of(store)
    if second is None:
        print("第二份备份：未设置（zcdesk backup --set-second 文件夹）")
        return 0
    now = store.clock()  # looks only: no id made here (none yet: nothing copied yet)
    text, detail, warn = second_state(folder, second, second_copies_of(store), now).notice(now)
    print(text.lstrip("！"))
    print(detail, file=sys.stderr if warn else sys.stdout)
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
    from zcdesk.cli.office import warn_calendar_gaps

    if args.restore_drill is not None:
        return _restore_drill(store, args.restore_drill)

    problems = store.check()
    warn_calendar_gaps(store)  # a warning: the exit code is the check's
    for problem in problems:
        print(f"问题：{problem}")
    if problems:
        print(f"发现 {len(problems)} 个问题。请联系管理员，必要时从备份恢复。", file=sys.stderr)
        return 1
    print("数据库完整，数据一致。")
    return 0


def _restore_drill(store: Store, chosen: str | bool) -> int:
    """The newest automatic backup (or the file given) restored into a temporary file
    and checked: exit 0 when it would restore cleanly, 1 when not (or there is none)."""
    from zcdesk.store import InputError
    from zcdesk.store.backup import newest_backup, restore_drill, second_copies_of

    database = _sqlite_file(store)
    if isinstance(chosen, str):
        backup: Path | None = Path(chosen).expanduser()
        if not backup.is_file():
            raise InputError(f"备份文件“{chosen}”不存在。")
    else:
        backup = newest_backup(database, second_copies_of(store), store.clock())
    if backup is None:
        raise InputError("还没有自动备份可供演练：窗口打开时每天自动备份一份。也可演练指定的备份："
                         "zcdesk check --restore-drill 备份文件。")
    print(f"恢复演练：{backup}")
    result = restore_drill(backup)
    for problem in result.problems:
        print(f"问题：{problem}")
    if result.problems:
        print(f"这份备份不能正常恢复（{len(result.problems)} 个问题）。请立即另做一份备份"
              "（zcdesk backup --to 文件夹）并联系管理员。", file=sys.stderr)
        return 1
    print(f"通过：恢复到临时文件后完整性、数据库版本、审计链及其触发器、材料袋状态和收件号"
          f"均检查无误；{result.head_words}。临时文件已删除。")
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
    from zcdesk.cli.identity import read_new_pin

    if args.action == "pin":
        # cli.identity logged NAME in with their current PIN (none in set-up mode).
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
