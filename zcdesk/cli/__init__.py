"""The command line: `zcdesk` starts the counter window; subcommands serve scripts.

Exit codes: 0 done; 1 refused (bad or unknown input, nothing written);
2 wrong usage (also an argument that is not UTF-8 text); 3 the database cannot
be used; 141 the output pipe was closed early (`zcdesk status | head -1`: as a
program ended by SIGPIPE; the command itself may have run).

A database file is created only on the window's first start (the default
database) or with --create: a --db naming a missing file, or a file in a folder
that does not exist, is refused (exit 1). `--demo` makes its own file.

Write commands (those that change the database or write a file) need --operator
and that operator's PIN, checked by store.login as in the window (cli.identity;
not while the database has no operator yet: set-up mode), and leave one line in
the log: the command, the operator, the outcome (cli.common.log_command).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from zcdesk import __version__
from zcdesk.paths import ENV_DATABASE_URL, default_database_url, demo_database_path, sqlite_url

EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
EXIT_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a program the pipe ended


class _Parser(argparse.ArgumentParser):
    """argparse, with its complaints in Chinese and exit code 2, and no abbreviated
    options: `pg setup --password X` must be refused, not read as --passwords-stdin."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"zcdesk：参数有误：{message}\n"
                              f"运行 {self.prog} --help 查看用法。\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写作 YYYY-MM-DD，如 2015-07-01") from None


def _copies(text: str) -> int:
    from zcdesk.cli.common import copies  # ASCII digits only: not `1_0`, `１０`, ` +1`

    return copies(text)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's own --db must not reset one given before it.
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="数据库地址（默认：用户数据目录中的 SQLite，或环境变量 "
                             "ZCDESK_DATABASE_URL）")
    common.add_argument("--create", action="store_true", default=argparse.SUPPRESS,
                        help="数据库文件不存在时新建（不加时拒绝，以免写错路径时建出空库）")
    common.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help="使用演示数据库（与正式数据库分开）")
    common.add_argument("--operator", metavar="NAME", default=argparse.SUPPRESS,
                        help="操作员姓名：写入数据库或生成文件的命令都需要，并需该操作员的 "
                             "PIN（环境变量 ZCDESK_PIN、--pin-stdin 或终端输入）；"
                             "数据库还没有操作员时（设置模式）不可用")
    common.add_argument("--pin-stdin", action="store_true", default=argparse.SUPPRESS,
                        help="从标准输入第一行读取 --operator 的 PIN（新 PIN 在其后一行）")

    parser = _Parser(prog="zcdesk", parents=[common],
                     description="国际职业资格比照认定职称 纸质材料受理窗口。"
                                 "不带子命令时打开窗口。",
                     epilog="写入数据库或生成文件的命令需要 --operator 姓名 和该操作员的 PIN："
                            "--pin-stdin（标准输入第一行）、环境变量 ZCDESK_PIN，或在终端中按提示"
                            "输入；只读的命令不需要。数据库还没有任何操作员时为设置模式：不需要"
                            " PIN，也不能用 --operator，先用 operator add 姓名 --role admin "
                            "新增第一位管理员。新 PIN（operator add / pin / reset-pin）：环境变量 "
                            "ZCDESK_NEW_PIN、标准输入的下一行，或在终端中输入两次。")
    parser.add_argument("--version", action="version", version=f"zcdesk {__version__}")
    parser.add_argument("--self-check", action="store_true",
                        help="在临时数据库上迁移并离屏构建主窗口一次，成功则退出码为 0")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    applicant = sub.add_parser("applicant", help="申报人")
    applicant_sub = applicant.add_subparsers(dest="action", metavar="操作", required=True,
                                             parser_class=_Parser)
    add = applicant_sub.add_parser("add", parents=[common], help="新增申报人（登记表字段）")
    add.add_argument("--name", required=True, help="姓名")
    add.add_argument("--id-number", required=True, help="证件号码")
    add.add_argument("--unit", required=True, help="工作单位")
    add.add_argument("--id-kind", default="居民身份证", help="证件类别（默认 居民身份证）")
    add.add_argument("--gender", default="", choices=["", "男", "女"], help="性别")
    add.add_argument("--position", default="", help="职务")
    add.add_argument("--work-start", type=_date, help="参加工作时间 YYYY-MM-DD")
    add.add_argument("--specialty", default="", help="现从事专业")
    add.add_argument("--field-years", type=int, help="现从事专业工作年限")
    add.add_argument("--education", default="", help="学历")
    add.add_argument("--degree", default="", help="学位")
    add.add_argument("--school", default="", help="毕业院校")
    add.add_argument("--graduated-on", type=_date, help="毕业时间 YYYY-MM-DD")
    add.add_argument("--qualification", default="", help="职业资格名称")
    add.add_argument("--issuer", default="", help="职业资格颁发单位")
    add.add_argument("--qualified-on", type=_date, help="取得时间 YYYY-MM-DD")
    add.add_argument("--json", action="store_true", help="以 JSON 输出")

    receive = sub.add_parser("receive", parents=[common], help="登记收到（或退回）的材料份数")
    receive.add_argument("id_number", metavar="ID-NUMBER", help="证件号码")
    receive.add_argument("item", metavar="ITEM",
                         help="evaluation（评审表）或 registration（登记表）")
    receive.add_argument("copies", metavar="COPIES", type=_copies, help="份数")
    receive.add_argument("--reject", metavar="REASON",
                         help="退回这些份数及原因：缺水印、未盖章、非原件、信息与系统不符、其他")
    receive.add_argument("--reason-text", default="", help="退回原因说明（“其他”时必填）")
    receive.add_argument("--receipt", metavar="RECEIPT-NO", help="归入该收件号（须未完成）")
    receive.add_argument("--json", action="store_true", help="以 JSON 输出")

    undo = sub.add_parser("undo", parents=[common], help="撤销该操作员最近一次登记（冲销记录）")
    undo.add_argument("--json", action="store_true", help="以 JSON 输出")

    status = sub.add_parser("status", parents=[common], help="所有材料袋的状态")
    status.add_argument("--json", action="store_true", help="以 JSON 输出")

    from zcdesk.cli.documents import add_parsers

    add_parsers(sub, common)
    from zcdesk.cli.roster import add_parsers as add_roster_parsers

    add_roster_parsers(sub, common)
    from zcdesk.cli.admin import add_parsers as add_admin_parsers

    add_admin_parsers(sub, common)
    from zcdesk.cli import city, first_day, flow, office, pg, returns, rounds, visit

    for module in (flow, city, returns, office, rounds, first_day, pg, visit):
        module.add_parsers(sub, common)

    desk = sub.add_parser("desk", parents=[common], help="查看或设置本机所属受理点和窗口名")
    desk.add_argument("--point", metavar="CODE", help="受理点代码，如 SC（上城区）")
    desk.add_argument("--name", help="窗口名，如 窗口1")
    desk.add_argument("--idle-lock", type=int, metavar="MINUTES",
                      help="无操作多少分钟后锁定窗口（0 为不锁定；默认 10）")
    desk.add_argument("--fallback-font", metavar="FILE",
                      help="打印备用字体（TTF/TTC），用于主字体缺少的生僻字；空字符串清除")
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """parse_args, but packet references may also follow options (`return record UNIT
    --by A --to B REF…`), which argparse alone does not take after its first positionals."""
    args, extra = parser.parse_known_args(argv)
    if extra:
        listed = next((name for name in ("refs", "codes") if isinstance(getattr(args, name, None),
                                                                         list)), None)
        if listed is None or any(e.startswith("-") for e in extra):
            parser.error(f"无法识别的参数：{' '.join(extra)}")
        getattr(args, listed).extend(extra)
    return args


def _database_url(args: argparse.Namespace) -> tuple[str, bool]:
    """The URL to open and whether it is a new demo database to seed."""
    if getattr(args, "demo", False):
        path = demo_database_path()
        return sqlite_url(path), not path.exists()
    url = getattr(args, "db", None) or default_database_url()
    if "://" not in url:  # a plain file path is taken as a SQLite file
        url = sqlite_url(Path(url).expanduser().resolve())
    return url, False


def _open_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from zcdesk.cli.common import check_database_file
    from zcdesk.store import Store

    url, seed = _database_url(args)
    given = getattr(args, "db", None)
    # The window's first start makes the real database (then asks for the first
    # admin); anything else needs --create. The demo seeds its own file.
    if not getattr(args, "demo", False) and not (args.command is None and not given):
        check_database_file(url, create=getattr(args, "create", False),
                            given=bool(given or os.environ.get(ENV_DATABASE_URL)))
    # No operator yet: events say 初始设置 until a login (cli.identity, the window's).
    store = Store.open(url)
    if seed:
        from zcdesk.store.demo import seed_demo

        try:
            seed_demo(store)
        except Exception:
            store.close()
            Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
            raise
    return store


def main(argv: Sequence[str] | None = None) -> int:
    """Run zcdesk and return its exit code. A closed output pipe ends it quietly
    (the recipe of the Python docs, "Note on SIGPIPE"): no traceback."""
    try:
        try:
            return _main(sys.argv[1:] if argv is None else list(argv))
        finally:
            if sys.stdout is not None:  # none in a windowed build
                sys.stdout.flush()  # here, not at exit, so a closed pipe is caught
    except BrokenPipeError:
        # What is still buffered goes to devnull: the interpreter's own flush at
        # exit must not fail (and print) again.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE


def _undecodable(argv: Sequence[str]) -> str | None:
    """A message for the first argument that is not text (bytes that are not UTF-8,
    which Python keeps as lone surrogates), else None."""
    for number, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            raw = arg.encode("utf-8", "surrogateescape" if _escaped(arg) else "backslashreplace")
            shown = raw.decode("utf-8", "backslashreplace")
            return (f"zcdesk：第 {number} 个参数“{shown}”含有无法识别的字节，"
                    "不是 UTF-8 编码的文字。\n"
                    "请把终端的字符编码设为 UTF-8 后重新输入；若是文件名，请先把文件改成"
                    "只含汉字、字母和数字的名字。\n")
    return None


def _escaped(arg: str) -> bool:
    """Whether every surrogate in `arg` stands for a byte (surrogateescape)."""
    return all(not "\ud800" <= c <= "\udfff" or "\udc80" <= c <= "\udcff" for c in arg)


def _main(argv: list[str]) -> int:
    problem = _undecodable(argv)
    if problem:
        sys.stderr.write(problem)
        return EXIT_USAGE
    parser = build_parser()
    args = _parse(parser, argv)
    if args.self_check:
        from zcdesk.ui.app import self_check

        return self_check()
    if args.command is None:
        # The window first: zcdesk.store (SQLAlchemy) is imported and the
        # database opened in the GUI's own time, after the first paint. An
        # unusable database ends with a message box and EXIT_DATABASE.
        from zcdesk.ui.app import run_gui

        return run_gui(lambda: _open_store(args),
                       title_suffix="（演示）" if getattr(args, "demo", False) else "")

    from zcdesk.cli.common import is_write_command, log_command, start_command_log

    logged = is_write_command(args) and start_command_log()
    code: int | None = None
    failure = ""
    # Who the log names: the operator logged in (or 初始设置), else the name tried.
    who: list[str] = []
    try:
        code = _run(args, who)
        return code
    except BaseException as exc:
        failure = type(exc).__name__
        raise
    finally:
        if logged:
            log_command(args, who[0] if who else getattr(args, "operator", None), code,
                        failure)


def _run(args: argparse.Namespace, who: list[str]) -> int:
    """Open the store, identify the operator and run the subcommand: the exit code.
    `who` gets the operator the command runs as once that is settled."""
    from zcdesk.store.errors import DatabaseUnavailable, StoreError

    try:
        store = _open_store(args)
    except DatabaseUnavailable as exc:
        print(f"zcdesk：{exc}", file=sys.stderr)
        return EXIT_DATABASE
    except StoreError as exc:
        print(f"zcdesk：{exc}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        from zcdesk.cli.identity import identify

        _warn_network_share(store)
        identify(store, args)  # before the command: a refusal writes nothing
        who.append(store.operator)
        from zcdesk.cli.admin import (
            audit_command,
            backup_command,
            check_command,
            operator_command,
            restore_command,
        )
        from zcdesk.cli.city import city_command
        from zcdesk.cli.documents import print_document
        from zcdesk.cli.flow import batch_command
        from zcdesk.cli.office import calendar_command, deadlines_command, stats_command
        from zcdesk.cli.returns import decision_command, return_command
        from zcdesk.cli.roster import check_command as eligibility_command
        from zcdesk.cli.roster import export_command, roster_command
        from zcdesk.cli.rounds import round_command

        # A command module may name its own handler (parser.set_defaults(handler=…)).
        handlers = {"applicant": _applicant, "receive": _receive, "undo": _undo,
                    "status": _status, "desk": _desk, "print": print_document,
                    "batch": batch_command, "roster": roster_command,
                    "export": export_command, "check-eligibility": eligibility_command,
                    "audit": audit_command, "backup": backup_command,
                    "restore": restore_command, "check": check_command,
                    "operator": operator_command, "city": city_command,
                    "decision": decision_command, "return": return_command,
                    "stats": stats_command, "deadlines": deadlines_command,
                    "calendar": calendar_command, "round": round_command}
        handler = getattr(args, "handler", None) or handlers[args.command]
        return handler(store, args)
    except DatabaseUnavailable as exc:
        print(f"zcdesk：{exc}", file=sys.stderr)
        return EXIT_DATABASE
    except StoreError as exc:
        print(f"zcdesk：{exc}", file=sys.stderr)
        return EXIT_REFUSED
    except ValueError as exc:
        if not _missing_glyphs(exc):
            raise
        print(f"zcdesk：{exc}\n确认缺字印为“〓”（须在纸面上手写补正）时，加 --allow-missing-glyphs "
              "重新运行；或用 zcdesk desk --fallback-font 指定含这些字的字体。", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        store.close()


def _warn_network_share(store) -> None:  # type: ignore[no-untyped-def]
    """As the window warns at start: a SQLite file on NFS/CIFS, a mapped network drive
    or a UNC path (store.engine.network_share_warning). A warning, never a refusal."""
    from zcdesk.store.engine import network_share_warning

    try:
        text = network_share_warning(store.url)
    except Exception:  # a warning must never stop a command
        return
    if text:
        print(f"zcdesk：注意：{text}", file=sys.stderr)


def _missing_glyphs(exc: ValueError) -> bool:
    """Whether `exc` is printing.MissingGlyphs (only raised once printing is loaded)."""
    options = sys.modules.get("zcdesk.printing.options")
    return options is not None and isinstance(exc, options.MissingGlyphs)


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _applicant(store, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from zcdesk.domain.records import ApplicantForm

    form = ApplicantForm(
        name=args.name, id_number=args.id_number, unit=args.unit, id_kind=args.id_kind,
        gender=args.gender, position=args.position, work_start=args.work_start,
        specialty=args.specialty, field_years=args.field_years, education=args.education,
        degree=args.degree, school=args.school, graduated_on=args.graduated_on,
        qualification=args.qualification, qualification_issuer=args.issuer,
        qualified_on=args.qualified_on)
    packet = store.add_applicant(form)
    if args.json:
        _print_json({"id_number": packet.applicant.id_number, "name": packet.applicant.name,
                     "unit": packet.applicant.unit, "status": packet.status.value})
    else:
        print(f"已新增：{packet.applicant.name} {packet.applicant.id_number}"
              f"（{packet.applicant.unit}）")
    return 0


def _receive(store, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from zcdesk.domain.records import LookupKind
    from zcdesk.store.errors import InputError, NotFound

    lookup = store.lookup(args.id_number)
    if lookup.query_kind not in ("resident_id", "other_id", "bad_id"):
        raise InputError(f"“{args.id_number}”不是证件号码；receive 需要证件号码。")
    if lookup.kind is not LookupKind.FOUND or lookup.packet is None:
        raise NotFound(lookup.message)
    visit_id = store.visit_by_receipt(args.receipt).id if args.receipt else None
    packet_id = lookup.packet.packet_id
    if args.reject:
        result = store.reject(packet_id, args.item, args.copies, args.reject, args.reason_text,
                              visit_id=visit_id)
    else:
        result = store.accept(packet_id, args.item, args.copies, visit_id=visit_id)
    _report_record(result, args.json)
    return 0


def _undo(store, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    _report_record(store.undo_last(), args.json)
    return 0


def _report_record(result, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    packet = result.packet
    if as_json:
        _print_json({"id_number": packet.applicant.id_number, "name": packet.applicant.name,
                     "status": packet.status.value, "received": packet.state.received,
                     "missing": packet.state.missing, "message": result.message,
                     "warning": result.warning, "event_id": result.event_id})
        return
    print(f"{packet.applicant.name}：{result.message}（{packet.status.label}）")
    if result.warning:
        print(f"注意：{result.warning}", file=sys.stderr)


def _status(store, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from zcdesk.domain.completeness import PacketStatus
    from zcdesk.domain.flow import PacketStage
    from zcdesk.domain.idnumber import mask_id

    report = store.status_report()
    if report and "stage" not in report[0]:
        # Where each packet is after the counter (batch, city, decision, return).
        flow = {r.id_number: (r.stage, r.decision) for r in store.packet_rows()}
        for entry in report:
            entry["stage"], entry["decision"] = flow.get(entry["id_number"], ("counter", None))
    if args.json:
        _print_json(report)
        return 0
    items = {i.code: i.short_name for i in store.checklist()}
    for entry in report:
        status = PacketStatus(entry["status"])
        missing = "、".join(f"{items[c]} {n} 份" for c, n in entry["missing"].items())
        stage = PacketStage(entry.get("stage") or "counter")
        where = "" if stage is PacketStage.COUNTER else f"  {stage.label}"
        print(f"{status.symbol} {status.label}  {entry['name']}  {mask_id(entry['id_number'])}"
              f"  {entry['unit']}{where}  {'缺 ' + missing if missing else ''}".rstrip())
    counts = store.status_counts()
    print(" · ".join(f"{s.label} {counts[s]}" for s in
                     (PacketStatus.COMPLETE, PacketStatus.PARTIAL, PacketStatus.NONE))
          + f" · 共 {len(report)}")
    return 0


def _desk(store, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from zcdesk.cli.documents import SETTING_FALLBACK_FONT
    from zcdesk.store.errors import InputError

    # Every argument is checked before anything is saved: all or nothing.
    if any(value is not None for value in (args.point, args.name, args.idle_lock,
                                            args.fallback_font)):
        store.require_admin("本机设置（受理点、窗口名、自动锁定、备用字体）")  # as the window's
    changes: list[tuple[str, str]] = []
    if args.name is not None:
        name = args.name.strip()
        if not name or len(name) > 64:
            raise InputError("窗口名不能为空，且最多 64 个字符。")
        changes.append(("desk.name", name))
    if args.fallback_font is not None:
        font = args.fallback_font.strip()
        if font and not Path(font).expanduser().is_file():
            raise InputError(f"字体文件“{font}”不存在。")
        changes.append((SETTING_FALLBACK_FONT,
                        str(Path(font).expanduser().resolve()) if font else ""))
    if args.idle_lock is not None:
        if not 0 <= args.idle_lock <= 24 * 60:
            raise InputError("锁定时间应在 0 到 1440 分钟之间（0 为不锁定）。")
        changes.append(("desk.idle_lock_minutes", str(args.idle_lock)))
    if args.point:
        store.set_desk_point(args.point)  # validates the code itself
    for key, value in changes:
        store.set_setting(key, value)
    point = store.desk_point()
    print(f"受理点：{point.code} {point.name}" if point else
          "受理点：未设置（zcdesk desk --point 代码）")
    print(f"窗口：{store.desk}")
    print(f"无操作锁定：{store.setting('desk.idle_lock_minutes') or '10'} 分钟")
    print(f"数据库：{store.url}")
    return 0

