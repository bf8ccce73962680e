"""`zcdesk setup`: the first day on the command line, the same steps as the window (#14).

1 first admin, 2 this desk's acceptance point and window name, 3 the round (the
shipped pack or a pack file), 4 clerks, 5 a roster (optional), 6 a backup folder
off this disk (tested by writing), 7 the summary page. Each step is taken from
its option; at a terminal a missing one is asked for; without a terminal the
command stops at the first step it cannot take and says which option to add —
every step done so far stays done (store/first_day.py derives them from the
database), so running `zcdesk setup` again continues there. `--status` lists
the steps and writes nothing.

PINs as everywhere (cli.identity): the new admin's and each clerk's from the
next line of standard input, else typed twice; ZCDESK_NEW_PIN only when the run
needs a single new PIN (it would give everyone the same one). A PIN equal to one
given earlier in the same run is refused: each person's PIN is their own. Once an
admin exists, the command (all but `--status`) runs as `--operator` with an
admin's PIN; a clerk is refused before anything is written. An office at work
from before the set-up existed (store/first_day.in_use_before_set_up) is never
sent into it: only the steps whose options are given are taken.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zcdesk.store import Store

EXIT_OK, EXIT_INCOMPLETE = 0, 1


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    setup = sub.add_parser(
        "setup", parents=[common],
        help="首次设置向导：管理员、本机受理点、轮次、窗口人员、花名册、备份文件夹、设置摘要")
    setup.add_argument("--status", dest="walk", action="store_const", const=None, default=True,
                       help="只列出各步骤是否完成，不写入")
    setup.add_argument("--json", action="store_true", help="与 --status 一起：以 JSON 输出")
    setup.add_argument("--admin", metavar="NAME",
                       help="第 1 步：第一位管理员的姓名（新 PIN：标准输入或终端输入；"
                            "本次只设这一个 PIN 时也可用 ZCDESK_NEW_PIN）")
    setup.add_argument("--point", metavar="CODE", help="第 2 步：本机受理点代码，如 SC")
    setup.add_argument("--window", metavar="NAME", help="第 2 步：窗口名，如 窗口1（默认计算机名）")
    rounds = setup.add_mutually_exclusive_group()
    rounds.add_argument("--shipped", action="store_true",
                        help="第 3 步：使用随程序提供的（当前）轮次")
    rounds.add_argument("--round-pack", metavar="FILE.toml",
                        help="第 3 步：导入轮次配置文件并设为当前")
    clerks = setup.add_mutually_exclusive_group()
    clerks.add_argument("--clerk", metavar="NAME", action="append", default=[],
                        help="第 4 步：新增窗口人员（可重复；每人的新 PIN 依次从标准输入"
                             "各读一行，每人不同）")
    clerks.add_argument("--skip-operators", action="store_true", help="第 4 步：暂不新增窗口人员")
    roster = setup.add_mutually_exclusive_group()
    roster.add_argument("--roster", metavar="FILE", help="第 5 步：导入花名册 .xlsx/.xls/.csv")
    roster.add_argument("--skip-roster", action="store_true", help="第 5 步：暂不导入花名册")
    setup.add_argument("--backup-dir", metavar="DIR",
                       help="第 6 步：第二份备份的文件夹（最好在 U 盘或另一块磁盘上）")
    setup.add_argument("--summary", metavar="FILE.pdf",
                       help="第 7 步：把设置摘要写成 PDF（可打印）")
    setup.set_defaults(handler=setup_command)


def setup_command(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.store import first_day

    if args.walk is None:
        return _status(store, args)
    if not store.needs_first_admin():
        # Before anything is written: a clerk must not reopen an office's set-up.
        store.require_admin("首次设置")
    args.new_pins = _NewPins(args, needed=_new_pins_needed(store, args))
    if first_day.in_use_before_set_up(first_day.read_state(store)):
        return _office_in_use(store, args)
    if not store.needs_first_admin():
        first_day.begin(store)
    for step in first_day.Step:
        state = first_day.read_state(store)
        if step is not first_day.Step.SUMMARY and first_day.is_done(step, state) \
                and not _given(step, args):
            continue
        done = _steps()[step](store, args)
        if not done:
            _print_status(first_day.read_state(store))
            return EXIT_INCOMPLETE
    return EXIT_OK


def _office_in_use(store: Store, args: argparse.Namespace) -> int:
    """An office at work from before the set-up: the steps whose options are given
    (a clerk, a roster, a backup folder, the summary page); nothing else asked."""
    from zcdesk.store import first_day

    for step in first_day.Step:
        if step is first_day.Step.SUMMARY or not _given(step, args):
            continue
        if not _steps()[step](store, args):
            _print_status(first_day.read_state(store))
            return EXIT_INCOMPLETE
    if args.summary:
        _write_summary(store, Path(args.summary))
    _print_status(first_day.read_state(store))
    return EXIT_OK


class _NewPins:
    """The new PINs of one run (the first admin's, each clerk's): each person's own.

    ZCDESK_NEW_PIN holds one PIN: allowed only when the run needs exactly one (known
    up front from the options; a second one asked at the terminal refuses it too).
    A PIN equal to one given earlier in the run is refused before that person is added.
    """

    def __init__(self, args: argparse.Namespace, needed: int) -> None:
        import os

        from zcdesk.cli.identity import ENV_NEW_PIN, NEW_PIN_ENV_ONLY_ONE
        from zcdesk.store.errors import InputError

        if needed > 1 and os.environ.get(ENV_NEW_PIN, "").strip():
            raise InputError(NEW_PIN_ENV_ONLY_ONE)  # before anything is written
        self.args = args
        self.several = needed > 1
        self.owners: dict[str, str] = {}  # PIN → whose

    def read(self, name: str, prompt: str) -> str:
        from zcdesk.cli.identity import read_new_pin
        from zcdesk.domain.pin import operator_key
        from zcdesk.store.errors import InputError

        pin = read_new_pin(self.args, prompt, several=self.several)
        self.several = True  # one PIN read: any further one needs its own source
        name = operator_key(name)
        other = self.owners.get(pin)
        if other is not None:
            raise InputError(f"{name} 的新 PIN 与本次给出的 {other} 的 PIN 相同：每人的 PIN "
                             f"只给本人使用，请为 {name} 另设一个（{name} 没有新增）。")
        self.owners[pin] = name
        return pin


def _new_pins_needed(store: Store, args: argparse.Namespace) -> int:
    """New PINs the options call for: the first admin's (when there is none) and
    one per --clerk. Clerks typed at the terminal are counted as they come."""
    return int(store.needs_first_admin()) + len(args.clerk)


def _given(step: Any, args: argparse.Namespace) -> bool:
    """An option of a step already done: take it again (a second clerk, a new folder)."""
    from zcdesk.store.first_day import Step

    return {Step.OPERATORS: bool(args.clerk), Step.ROSTER: bool(args.roster),
            Step.BACKUP: bool(args.backup_dir)}.get(step, False)


# ------------------------------------------------------------------- status
def _status(store: Store, args: argparse.Namespace) -> int:
    from zcdesk.store import first_day

    state = first_day.read_state(store)
    step = first_day.next_step(state)
    if args.json:
        print(json.dumps({"steps": [{"step": s.value, "name": s.name.lower(), "title": s.title,
                                     "done": done, "detail": what}
                                    for s, done, what in first_day.status_lines(state)],
                          "next": step.value if step else None,
                          "finished": state.finished,
                          "in_use_before_set_up": first_day.in_use_before_set_up(state)},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    _print_status(state)
    return EXIT_OK


def _print_status(state: Any) -> None:
    from zcdesk.store import first_day

    for step, done, what in first_day.status_lines(state):
        print(f"{'✓' if done else '·'} {step.value}. {step.title}：{what}")
    if first_day.in_use_before_set_up(state):
        print(first_day.IN_USE_BEFORE)
        return
    following = first_day.next_step(state)
    print("首次设置已完成。" if following is None
          else f"下一步：第 {following.value} 步 {following.title}。")


# -------------------------------------------------------------------- steps
def _ask(prompt: str, default: str = "") -> str | None:
    """A line typed at a terminal ('' → default); None without a terminal."""
    try:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        interactive = False
    if not interactive:
        return None
    shown = f"{prompt}（回车：{default}）：" if default else f"{prompt}："
    try:
        answer = input(shown).strip()
    except EOFError:
        return None
    return answer or default


def _stop(text: str) -> bool:
    print(f"zcdesk：{text}", file=sys.stderr)
    return False


def _admin(store: Store, args: argparse.Namespace) -> bool:
    from zcdesk.store import first_day

    name = args.admin or _ask("第一位管理员（办公室负责人）的姓名")
    if not name:
        return _stop("第 1 步需要第一位管理员：请加 --admin 姓名（新 PIN 由标准输入给出，"
                     "只设这一个 PIN 时也可用环境变量 ZCDESK_NEW_PIN）。")
    pin = args.new_pins.read(name, f"管理员 {name} 的新 PIN（4 到 12 位数字）：")
    operator = first_day.create_first_admin(store, name, pin)
    print(f"✓ 1. 管理员 {operator.name} 已建立，以下步骤以其身份记录。")
    return True


def _desk(store: Store, args: argparse.Namespace) -> bool:
    from zcdesk.store import first_day

    choices = [p for p in store.points() if p.kind != "city"]
    code = args.point
    if not code:
        if sys.stdin is not None and sys.stdin.isatty():
            for p in choices:
                print(f"  {p.code:6} {p.short_name}　{p.name}")
        code = _ask("本机所属受理点的代码")
    if not code:
        listed = "、".join(f"{p.code}（{p.short_name}）" for p in choices)
        return _stop(f"第 2 步需要本机所属受理点：请加 --point 代码（{listed}），"
                     "可加 --window 窗口名。")
    window = args.window if args.window is not None else (
        _ask("窗口名", store.setting(first_day.SETTING_DESK) or socket.gethostname()) or "")
    point = first_day.set_desk(store, code, window)
    print(f"✓ 2. 本机：{point.short_name}（{point.code}）· {store.desk}")
    return True


def _round(store: Store, args: argparse.Namespace) -> bool:
    from zcdesk.store import first_day

    current = first_day.current_round(store)
    source = args.round_pack
    if not source and not args.shipped:
        answer = _ask(f"使用随程序提供的轮次“{current.name}”（纸质材料 {current.paper_deadline} "
                      "截止）请回车；或输入轮次配置文件的路径", "使用")
        if answer is None:
            return _stop(f"第 3 步需要申报轮次：加 --shipped 使用随程序提供的“{current.name}”，"
                         "或 --round-pack 文件.toml 导入本轮通知的配置文件。")
        source = "" if answer == "使用" else answer
    if source:
        path = Path(source).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return _stop(f"无法读取轮次配置文件“{path}”：{exc}。请检查路径，文件应为 UTF-8 的 "
                         ".toml。")
        from zcdesk.domain.round_pack import RoundPackError

        try:
            plan, chosen = first_day.import_round(store, text, path.name)
        except RoundPackError as exc:
            return _stop(f"轮次配置文件“{path.name}”有误，没有导入：\n{exc}")
        print(plan.summary())
    else:
        chosen = first_day.use_current_round(store)
    print(f"✓ 3. 申报轮次：{chosen.name}（{chosen.code}），纸质材料 {chosen.paper_deadline} 截止")
    return True


def _operators(store: Store, args: argparse.Namespace) -> bool:
    from zcdesk.store import first_day

    if args.skip_operators:
        first_day.skip(store, first_day.Step.OPERATORS)
        print("✓ 4. 窗口人员：已跳过（以后用 zcdesk operator add 姓名 新增）")
        return True
    names = list(args.clerk)
    if not names:
        while (name := _ask("新增窗口人员的姓名（直接回车结束）", "")):
            operator = store.create_operator(
                name, args.new_pins.read(name, f"{name} 的新 PIN："), "clerk")
            print(f"  已新增窗口人员 {operator.name}")
            names.append(operator.name)
        if not names:
            answer = _ask("没有新增窗口人员。跳过这一步？（y 跳过）", "")
            if answer is None:
                return _stop("第 4 步需要窗口人员：加 --clerk 姓名（可重复，每人的新 PIN 依次从"
                             "标准输入读取），或加 --skip-operators 暂不新增。")
            if answer.lower() in ("y", "是"):
                return _operators(store, argparse.Namespace(**{**vars(args),
                                                               "skip_operators": True}))
            return _stop("第 4 步未完成：重新运行 zcdesk setup 继续。")
        print(f"✓ 4. 窗口人员：{'、'.join(names)}")
        return True
    # Every PIN read (and checked against the others) before anyone is added.
    pins = [args.new_pins.read(name, f"{name} 的新 PIN：") for name in names]
    for name, pin in zip(names, pins, strict=True):
        operator = store.create_operator(name, pin, "clerk")
        print(f"  已新增窗口人员 {operator.name}")
    print(f"✓ 4. 窗口人员：{'、'.join(n.strip() for n in names)}")
    return True


def _roster(store: Store, args: argparse.Namespace) -> bool:
    from zcdesk.cli.roster import roster_command
    from zcdesk.store import first_day

    if args.skip_roster:
        first_day.skip(store, first_day.Step.ROSTER)
        print("✓ 5. 花名册：已跳过（以后用 zcdesk roster import 文件 导入）")
        return True
    path = args.roster or _ask("花名册文件的路径（直接回车跳过）", "")
    if path is None:
        return _stop("第 5 步：加 --roster 文件 导入花名册，或加 --skip-roster 暂不导入。")
    if not path:
        first_day.skip(store, first_day.Step.ROSTER)
        print("✓ 5. 花名册：已跳过")
        return True
    code = roster_command(store, argparse.Namespace(
        action="import", file=path, dry_run=False, blank_overwrites=False, json=False))
    if not first_day.read_state(store).roster_imports:
        return _stop("花名册没有导入任何数据：请按上面的原因修改文件后重新运行 "
                     "zcdesk setup --roster 文件，或加 --skip-roster。")
    print("✓ 5. 花名册已导入" + ("（部分行未导入，见上）" if code else ""))
    return True


def _backup(store: Store, args: argparse.Namespace) -> bool:
    from zcdesk.store import first_day
    from zcdesk.store.backup_places import KIND_WORDS, places, same_disk
    from zcdesk.store.engine import sqlite_path

    database = sqlite_path(str(store.engine.url))
    if database is None:
        print("✓ 6. 备份：PostgreSQL 数据库用 pg_dump 备份（见 README）")
        return True
    home = database.parent
    found = places(home)
    chosen = args.backup_dir
    if not chosen:
        if sys.stdin is not None and sys.stdin.isatty():
            for p in found:
                print(f"  {KIND_WORDS[p.kind]}：{p.path}")
            if not found:
                print("  本机没有找到 U 盘或另一块磁盘：可以插入 U 盘后重新运行，"
                      "或输入网络文件夹的路径。")
        best = found[0] if found else None  # places() looks at every disk: once
        chosen = _ask("第二份备份的文件夹", str(best.suggested_folder) if best else "")
    if not chosen:
        hint = ("可用的位置：" + "、".join(str(p.suggested_folder) for p in found)) if found else \
            "本机没有找到 U 盘或另一块磁盘：请插入 U 盘后重新运行，或给出网络文件夹。"
        return _stop(f"第 6 步需要第二份备份的文件夹：请加 --backup-dir 文件夹。{hint}")
    folder = Path(chosen).expanduser().absolute()
    copy = first_day.set_backup_folder(store, folder)
    print(f"✓ 6. 备份文件夹：{folder}（测试写入成功，首份备份 {copy.name}）")
    if same_disk(folder, home):
        print("  注意：这个文件夹与数据库在同一块磁盘上，磁盘损坏时两份会一起丢失；"
              "建议改用 U 盘或另一块磁盘（重新运行 zcdesk setup --backup-dir 文件夹）。")
    return True


def _summary(store: Store, args: argparse.Namespace) -> bool:
    from zcdesk.store import first_day

    if not first_day.read_state(store).finished:
        first_day.finish(store)
    if args.summary:
        _write_summary(store, Path(args.summary))
    else:
        print("✓ 7. 首次设置已完成。打印设置摘要：zcdesk setup --summary 文件.pdf")
    print("现在可以打开窗口收件了（不带子命令运行 zcdesk）。")
    return True


def _write_summary(store: Store, target: Path) -> None:
    from zcdesk.print_output import write_atomically
    from zcdesk.printing.setup_summary import setup_summary_pdf
    from zcdesk.store import first_day

    write_atomically(target, setup_summary_pdf(first_day.summary(store)).data)
    print(f"✓ 7. 设置摘要已写入 {target}，请打印、签字后存档。")


def _steps() -> dict[Any, Any]:
    from zcdesk.store.first_day import Step

    return {Step.ADMIN: _admin, Step.DESK: _desk, Step.ROUND: _round,
            Step.OPERATORS: _operators, Step.ROSTER: _roster, Step.BACKUP: _backup,
            Step.SUMMARY: _summary}
