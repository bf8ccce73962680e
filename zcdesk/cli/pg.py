"""`zcdesk pg setup`: the owner role and the desk role of an office's PostgreSQL (#12).

Run once by the office lead (an admin's PIN, as any write), with --db naming the
database as the server's superuser. The work is store/pg_roles.py's; this module
only gathers the options and the two passwords. A password never comes from the
command line (it would sit in the shell's history and in `ps`): it comes from the
environment (ZCDESK_PG_OWNER_PASSWORD, ZCDESK_PG_DESK_PASSWORD), else with
--passwords-stdin from standard input (owner's line, then desk's; after the PIN's
line with --pin-stdin), else from a prompt typed twice at a terminal. A password
left empty leaves that role's password as it is (a new role then has none: set it
later by running the command again).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zcdesk.store import Store

ENV_OWNER_PASSWORD = "ZCDESK_PG_OWNER_PASSWORD"
ENV_DESK_PASSWORD = "ZCDESK_PG_DESK_PASSWORD"
MAX_PASSWORD = 200


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    pg = sub.add_parser("pg", help="PostgreSQL：设置所有者角色和窗口角色")
    actions = pg.add_subparsers(dest="action", metavar="操作", required=True,
                                parser_class=type(pg))
    text = ("建立所有者角色（拥有全部表，负责升级数据库）和窗口角色（各窗口电脑以它连接："
            "审计记录只能新增和读取，不能修改表结构）。--db 须以服务器超级用户连接该数据库；"
            f"需要管理员的 PIN。密码由环境变量 {ENV_OWNER_PASSWORD} / {ENV_DESK_PASSWORD}、"
            "--passwords-stdin 或终端输入给出，不写在命令行上。")
    setup = actions.add_parser("setup", parents=[common], help=text, description=text)
    setup.add_argument("--owner", default="zcdesk_owner", metavar="ROLE",
                       help="所有者角色名（默认 zcdesk_owner）")
    setup.add_argument("--desk", default="zcdesk_desk", metavar="ROLE",
                       help="窗口角色名（默认 zcdesk_desk）")
    setup.add_argument("--passwords-stdin", action="store_true",
                       help="从标准输入读取两个密码：先所有者、后窗口角色，各占一行（空行为不设置）")
    setup.set_defaults(handler=pg_command)


def pg_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.store.errors import InputError
    from zcdesk.store.pg_roles import setup_roles

    store.require_admin("设置 PostgreSQL 角色")  # before asking for any password
    if store.engine.dialect.name != "postgresql":
        raise InputError("zcdesk pg setup 只用于 PostgreSQL 数据库：请用 --db postgresql://"
                         "超级用户@服务器/数据库 指定。SQLite 数据库不需要设置角色。")
    owner_password = _password(args, ENV_OWNER_PASSWORD, f"所有者角色 {args.owner} 的密码")
    desk_password = _password(args, ENV_DESK_PASSWORD, f"窗口角色 {args.desk} 的密码")
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()  # its idle connections must not stand in the way of ALTER … OWNER
    done = setup_roles(url, owner=args.owner, desk=args.desk,
                       owner_password=owner_password, desk_password=desk_password)
    print(done.words())
    unset = [role for role, pw in ((done.owner, owner_password), (done.desk, desk_password))
             if role in done.created and not pw]
    if unset:
        print(f"注意：新建的角色 {'、'.join(unset)} 没有密码，还不能用密码登录。"
              f"请给出密码后重新运行（环境变量 {ENV_OWNER_PASSWORD} / {ENV_DESK_PASSWORD}"
              " 或 --passwords-stdin）。",
              file=sys.stderr)
    return 0


def _password(args: argparse.Namespace, env: str, what: str) -> str | None:
    """A role's password (see the module's doc); None: leave it as it is."""
    # not at import: the window starts without the store (cli.identity imports it)
    from zcdesk.cli.identity import hidden_input, stdin_line, terminal
    from zcdesk.store.errors import InputError

    value = os.environ.get(env)
    if value is None and args.passwords_stdin:
        value = stdin_line()
    elif value is None and terminal():
        value = hidden_input(f"{what}（直接回车为不设置）：") or ""
        if value and hidden_input("再输入一次：") != value:
            raise InputError(f"两次输入的{what}不一致，没有作任何改动。")
    if not value:
        return None
    if len(value) > MAX_PASSWORD or not value.isprintable():
        raise InputError(f"{what}应为不超过 {MAX_PASSWORD} 个可见字符，没有作任何改动。")
    return value
