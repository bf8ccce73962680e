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
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"份数“{text}”应为整数") from None


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
              make: Callable[[PrintOptions], PdfResult]) -> None:
    """Check `target`, make the document with this desk's print options, write it
    all or nothing, and tell (on stderr) its warnings and where it went."""
    import sys

    from zcdesk import printing  # lazy: reportlab only when printing
    from zcdesk.print_output import fallback_font, write_atomically

    check_target(target, (".pdf",))
    options = printing.PrintOptions(full_ids=full_ids, clerk=store.operator,
                                    fallback_font=fallback_font(store),
                                    today=store.clock().date())
    result = make(options)
    write_atomically(target, result.data)
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已生成 {target}（{result.pages} 页）", file=sys.stderr)
