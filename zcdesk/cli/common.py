"""Small helpers the command-line modules share: JSON output, dates, file targets."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zcdesk.printing import PdfResult, PrintOptions
    from zcdesk.store import Store


def to_plain(value: Any) -> Any:
    """Records as JSON-ready data: dataclasses → dicts, enums → values, dates → ISO."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_plain(v) for v in value]
    return value


def print_json(data: Any) -> None:
    print(json.dumps(to_plain(data), ensure_ascii=False, indent=2, default=str))


def day(text: str) -> dt.date:
    """argparse type: a date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写作 YYYY-MM-DD，如 2025-05-18") from None


def moment(text: str) -> dt.datetime:
    """argparse type: a time written "YYYY-MM-DD HH:MM" (local time); one with a UTC
    offset ("…T06:30+00:00") is converted to this machine's local time, which is
    what the database keeps."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"时间“{text}”应写作 \"YYYY-MM-DD HH:MM\"，如 \"2025-05-20 14:30\"") from None
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.replace(tzinfo=None)


def copies(text: str) -> int:
    """argparse type: a count of copies, ASCII digits only. int() would also take
    `1_0`, `１０` and ` +1`: none of them is what a clerk means to type (#12)."""
    if not (text.isascii() and text.isdigit()) or len(text) > 4:
        raise argparse.ArgumentTypeError(f"份数“{text}”应为整数，只写阿拉伯数字（如 2）")
    return int(text)


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def check_target(target: Path, suffixes: tuple[str, ...]) -> Path:
    """A file to write: the right ending and an existing folder, else InputError."""
    from zcdesk.store import InputError

    if target.suffix.lower() not in suffixes:
        raise InputError(f"输出文件“{target}”应以 {' 或 '.join(suffixes)} 结尾。")
    if not target.parent.is_dir():
        raise InputError(f"输出文件夹“{target.parent}”不存在。")
    return target


def when(value: dt.datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def write_pdf(store: Store, target: Path, full_ids: bool,
              make: Callable[[PrintOptions], PdfResult], *,
              allow_missing_glyphs: bool = False) -> None:
    """Check `target`, make the document with this desk's print options, write it
    all or nothing, and tell (on stderr) its warnings and where it went.
    `allow_missing_glyphs`: --allow-missing-glyphs (print_output.add_glyph_flag)."""
    import sys

    from zcdesk import printing  # lazy: reportlab only when printing
    from zcdesk.print_output import fallback_font, write_atomically

    check_target(target, (".pdf",))
    options = printing.PrintOptions(full_ids=full_ids, clerk=store.operator,
                                    fallback_font=fallback_font(store),
                                    today=store.clock().date(),
                                    allow_missing_glyphs=allow_missing_glyphs)
    result = make(options)
    write_atomically(target, result.data)
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已生成 {target}（{result.pages} 页）", file=sys.stderr)


# ----------------------------------------------------------- opening the database

def check_database_file(url: str, *, create: bool, given: bool = True) -> None:
    """Refuse (InputError) a SQLite file in a folder that does not exist, or a missing
    file without `create`: a mistyped --db must not quietly become a new, empty
    database. `given`: named by --db or ZCDESK_DATABASE_URL, not the default file
    (whose folder is zcdesk's own to make). Other databases pass (a server keeps
    its own)."""
    from zcdesk.store import InputError
    from zcdesk.store.engine import sqlite_path

    try:
        path = sqlite_path(url)
    except Exception:  # an unreadable address: Store.open says what is wrong with it
        return
    if path is None or path.exists():
        return
    if given and not path.parent.is_dir():
        raise InputError(f"数据库所在的文件夹“{path.parent}”不存在：请检查 --db（或环境变量 "
                         "ZCDESK_DATABASE_URL）的路径是否写对；zcdesk 不会替你建这个文件夹。")
    if create:
        return
    if given:
        raise InputError(f"数据库文件“{path}”不存在。若路径写错了，请改正后重试；"
                         "若要在此新建一个空数据库，请加 --create。")
    raise InputError(f"数据库尚未建立（“{path}”不存在）。首次使用请先打开窗口（不带子命令运行 "
                     "zcdesk），由它建库并设置第一位管理员；或在命令中加 --create 新建。")


# ------------------------------------------------------------ the command log

# (command, action) → the options that make an otherwise read-only command write.
# Every other command writes: it is logged and needs an operator's PIN (cli.identity),
# files included — an export, a print or a backup carries names and ID numbers.
# check-eligibility writes too (it stores the verdicts it computes).
_READ_ONLY: dict[tuple[str, str | None], tuple[str, ...]] = {
    ("status", None): (), ("audit", None): (), ("check", None): (),
    ("deadlines", None): (), ("stats", None): ("export",),
    ("batch", "list"): (), ("batch", "show"): (), ("city", "list"): (),
    ("city", "report"): ("pdf",), ("operator", "list"): (), ("return", "list"): ("pdf",),
    ("round", "list"): (), ("round", "show"): (), ("calendar", "list"): (),
    ("calendar", "correction-days"): ("days",),
    ("desk", None): ("point", "name", "idle_lock", "fallback_font"),
    ("setup", None): ("walk",),  # `setup --status` only reads (walk=None)
    ("visit", "list"): (),
    ("backup", None): ("file", "to", "set_second", "clear_second"),  # alone: the status
}
_OUTCOMES = {0: "done", 1: "refused", 2: "usage error", 3: "database unavailable"}


def command_name(args: argparse.Namespace) -> str:
    """`batch close`, `print cover`, `status`: fixed words from the parser, no data."""
    action = getattr(args, "action", None) or getattr(args, "document", None)
    return f"{args.command} {action}" if action else str(args.command)


def is_write_command(args: argparse.Namespace) -> bool:
    """Whether the command changes the database or writes a file (and so is logged
    and needs --operator with a PIN)."""
    if getattr(args, "dry_run", False):
        return False
    action = getattr(args, "action", None) or getattr(args, "document", None)
    options = _READ_ONLY.get((args.command, action))
    if options is None:
        return True
    return any(getattr(args, name, None) is not None for name in options)


def start_command_log() -> bool:
    """The log file for a write command; False (and a note) when it cannot be opened:
    the command still runs, as the window does without a log."""
    import sys

    from zcdesk.logs import setup_logging

    try:
        setup_logging()
    except OSError as exc:
        print(f"zcdesk：注意：无法写日志文件（{exc.strerror or exc}），命令照常执行。",
              file=sys.stderr)
        return False
    return True


def log_command(args: argparse.Namespace, operator: str | None, code: int | None,
                failure: str = "") -> None:
    """One line per write command: its name, the operator and the outcome — never
    the arguments (names, ID numbers, units)."""
    import logging

    from zcdesk.logs import Clear

    if code is None:
        outcome = f"failed ({failure or 'unexpected error'})"
    else:
        outcome = f"{_OUTCOMES.get(code, 'ended')} (exit {code})"
    logging.getLogger("zcdesk.cli").info("command %s by %s: %s", command_name(args),
                                         Clear(operator or "-"), outcome)
