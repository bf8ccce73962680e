"""Who runs a command: `--operator` and a PIN for everything that writes (#12).

A command that changes the database or writes a file (cli.common.is_write_command)
logs its operator in through `store.login`, as the window does: the same roles,
the same stored lockout, the same audit. The operator's own PIN comes from
`--pin-stdin` (the first line of standard input), else the environment variable
ZCDESK_PIN, else an unseen prompt when standard input is a terminal; without
any of them the command is refused before anything is written. Read-only
commands need neither (and do not check an --operator given to them).

Set-up mode (the database has no operator yet): commands run without a PIN and
their events say 初始设置; --operator and --pin-stdin are refused, as there is
no one to check them against. `zcdesk operator add NAME --role admin` ends it.

A new PIN (`operator add`, `pin`, `reset-pin`) never shares a source with the
own PIN: ZCDESK_NEW_PIN, else the next line of standard input (the second with
--pin-stdin, the first without), else a prompt typed twice.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from zcdesk.store.errors import InputError

if TYPE_CHECKING:
    from zcdesk.store import Store

ENV_PIN = "ZCDESK_PIN"
ENV_NEW_PIN = "ZCDESK_NEW_PIN"

HOW_PIN = ("PIN 可由环境变量 ZCDESK_PIN 给出，或加 --pin-stdin 从标准输入第一行读取，"
           "或在终端中运行时按提示输入")
SETUP_REFUSAL = (
    "数据库里还没有任何操作员（设置模式），无法核对 --operator / --pin-stdin 给出的身份。"
    "请去掉这两个选项，先新增第一位管理员：zcdesk operator add 姓名 --role admin"
    "（新 PIN 在终端输入，或由环境变量 ZCDESK_NEW_PIN、标准输入给出）。"
    "此后每个写入数据的命令都需要 --operator 和该操作员的 PIN。")


def identify(store: Store, args: argparse.Namespace) -> None:
    """Log the command's operator in, or raise InputError (nothing written yet).
    For `operator pin` the PIN they log in with is their current one: kept on
    `args.current_pin` for the command."""
    from zcdesk.cli.common import is_write_command

    if not is_write_command(args):
        return
    name: str | None = getattr(args, "operator", None)
    from_stdin = bool(getattr(args, "pin_stdin", False))
    if store.needs_first_admin():
        if name is not None or from_stdin:
            raise InputError(SETUP_REFUSAL)
        return  # set-up mode: stamped 初始设置, no role to refuse anything
    own_pin_change = args.command == "operator" and args.action == "pin"
    if own_pin_change:
        from zcdesk.domain.pin import operator_key
        from zcdesk.store.operator_ops import NotAllowed

        if name is not None and operator_key(name) != operator_key(args.name):
            raise NotAllowed("只能修改自己的 PIN（--operator 应与 NAME 相同）；其他操作员的 "
                             "PIN 请由管理员用 zcdesk operator reset-pin 重置。")
        name = args.name
    if name is None or not name.strip():
        raise InputError("这个命令会写入数据库或生成文件，需要操作员身份：请加 --operator 姓名，"
                         f"并给出该操作员的 PIN（{HOW_PIN}）。只读的命令不需要。")
    pin = _own_pin(name, from_stdin)
    # No `login` event: this is one command, not a session; what it writes carries
    # the name, and the log file has its line (exports and prints write no event).
    store.login(name, pin, record=False)
    if own_pin_change:
        args.current_pin = pin


def _own_pin(name: str, from_stdin: bool) -> str:
    if from_stdin:
        pin = stdin_line().strip()
        if not pin:
            raise InputError(f"加了 --pin-stdin，但标准输入的第一行没有操作员“{name.strip()}”的 "
                             "PIN：请把 PIN 写在第一行。")
        return _digits(pin, "标准输入第一行")
    pin = os.environ.get(ENV_PIN, "").strip()
    if pin:
        return _digits(pin, "环境变量 ZCDESK_PIN")
    if terminal():
        return _digits(_prompt(f"操作员 {name.strip()} 的 PIN："), "终端输入")
    raise InputError(f"需要操作员“{name.strip()}”的 PIN，但没有给出（标准输入不是终端，无法提示"
                     f"输入）：{HOW_PIN}。")


NEW_PIN_ENV_ONLY_ONE = (
    "这次需要给几位操作员各设一个新 PIN，而环境变量 ZCDESK_NEW_PIN 只能给出一个"
    "（每人都会得到同一个 PIN）。请去掉 ZCDESK_NEW_PIN，把每人的新 PIN 按顺序各写"
    "一行放在标准输入（加 --pin-stdin 时第一行是自己的 PIN），或在终端中运行时"
    "按提示逐人输入。")


def read_new_pin(args: argparse.Namespace, prompt: str, *, several: bool = False) -> str:
    """The new PIN of `operator add`, `pin` or `reset-pin` (see the module's doc).

    `several`: the command needs more than one new PIN (`zcdesk setup` with an admin
    and clerks). ZCDESK_NEW_PIN holds one PIN, which would then be given to everyone,
    so it is refused: each person's PIN comes from its own line or is typed."""
    pin = os.environ.get(ENV_NEW_PIN, "").strip()
    if pin and several:
        raise InputError(NEW_PIN_ENV_ONLY_ONE)
    if pin:
        return pin
    if getattr(args, "pin_stdin", False) or not terminal():
        pin = stdin_line().strip()
        if not pin:
            line = "第二行（第一行是自己的 PIN）" if getattr(args, "pin_stdin", False) else "一行"
            raise InputError(f"没有读到新 PIN：请用环境变量 ZCDESK_NEW_PIN 给出，或写在标准输入的"
                             f"{line}，或在终端中运行时按提示输入。")
        return pin
    pin = _prompt(prompt)
    if _prompt("再输入一次：") != pin:
        raise InputError("两次输入的 PIN 不一致。")
    return pin


def _digits(pin: str, source: str) -> str:
    """A PIN that cannot be one is refused here, naming where it came from (the
    store's own words speak of scans in the lock dialog); no attempt counted."""
    if not pin.isdigit() or not pin.isascii() or len(pin) > 12:
        raise InputError(f"PIN 应为 4 到 12 位数字（来自{source}），请检查后重试。")
    return pin


def stdin_line() -> str:
    """The next line of standard input without its line end; "" when there is none
    (closed, unreadable, not text)."""
    try:
        line = sys.stdin.readline() if sys.stdin is not None else ""
    except (OSError, ValueError, UnicodeDecodeError):
        return ""
    return line.rstrip("\r\n")


def terminal() -> bool:
    """Whether standard input is a terminal someone can be asked at."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        return False


def hidden_input(prompt: str) -> str | None:
    """What is typed at `prompt`, not shown on the screen; None at the end of input."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        return None


def _prompt(prompt: str) -> str:
    pin = hidden_input(prompt)
    if pin is None:
        raise InputError("没有输入 PIN。")
    return pin.strip()
