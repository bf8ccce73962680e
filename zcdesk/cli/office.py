"""`zcdesk stats`, `zcdesk deadlines`, `zcdesk calendar …`: the office lead's overview."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zcdesk.cli.common import check_target, day, json_flag, print_json

if TYPE_CHECKING:
    from zcdesk.store import Store


def _year(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 2000 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"年份“{text}”应为四位数字，如 2025")
    return value


def _days(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"天数“{text}”应为整数") from None


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    stats = sub.add_parser("stats", parents=[common],
                           help="统计：按单位、职业资格、状态、环节、日期")
    stats.add_argument("--export", metavar="FILE", help="导出为 FILE.xlsx 或 FILE.csv")
    json_flag(stats)
    deadlines = sub.add_parser("deadlines", parents=[common],
                               help="截止日期（剩余工作日）与补正期限（逾期、将到期）")
    deadlines.add_argument("--today", type=day, metavar="YYYY-MM-DD", help="按该日计算")
    json_flag(deadlines)

    calendar = sub.add_parser("calendar", help="节假日与调休日历、补正期限天数")
    actions = calendar.add_subparsers(dest="action", metavar="操作", required=True,
                                      parser_class=type(calendar))
    listing = actions.add_parser("list", parents=[common], help="列出某年的节假日与调休上班日")
    listing.add_argument("year", metavar="YEAR", nargs="?", type=_year, help="年份（默认今年）")
    json_flag(listing)
    mark = actions.add_parser("set", parents=[common], help="把某天设为放假或调休上班")
    mark.add_argument("date", metavar="DATE", type=day, help="YYYY-MM-DD")
    mark.add_argument("kind", metavar="KIND", choices=["holiday", "workday"],
                      help="holiday（放假）或 workday（调休上班）")
    mark.add_argument("--name", default="", help="节日名称，如 国庆节")
    clear = actions.add_parser("clear", parents=[common], help="取消某天的设置（恢复按星期）")
    clear.add_argument("date", metavar="DATE", type=day, help="YYYY-MM-DD")
    load = actions.add_parser("import", parents=[common],
                              help="从节假日文件（.toml 或 .csv）导入：先预览，再写入")
    load.add_argument("file", metavar="FILE", help="节假日文件：日期、类型（休/班）、名称")
    load.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    save = actions.add_parser("export", parents=[common], help="把某年的节假日导出为文件")
    save.add_argument("year", metavar="YEAR", type=_year, help="年份")
    save.add_argument("-o", "--output", metavar="FILE", required=True,
                      help="FILE.toml 或 FILE.csv")
    days = actions.add_parser("correction-days", parents=[common],
                              help="查看或设置补正期限（工作日数）")
    days.add_argument("days", metavar="N", nargs="?", type=_days, help="新的工作日数（1–60）")


def stats_command(store: Store, args: argparse.Namespace) -> int:
    stats = store.statistics()
    if args.export:
        from zcdesk.importing.errors import ExportError
        from zcdesk.importing.statistics_export import export_statistics
        from zcdesk.store import InputError

        target = check_target(Path(args.export), (".xlsx", ".csv"))
        try:
            written = export_statistics(stats, target)
        except ExportError as exc:
            raise InputError(exc.message) from exc
        print(f"已导出 {written}")
        return 0
    if args.json:
        print_json(stats)
        return 0
    print(f"轮次 {stats.round_code}")
    for title, rows in (("按状态", stats.by_status), ("按环节", stats.by_stage),
                        ("按评审结果", stats.by_decision),
                        ("按职业资格", stats.by_qualification)):
        if rows:
            print(f"{title}：" + "，".join(f"{label} {count}" for label, count in rows))
    if stats.by_unit:
        print("按单位（材料袋 / 齐全 / 已移交）：")
        for unit, packets, complete, handed in stats.by_unit:
            print(f"  {unit}  {packets} / {complete} / {handed}")
    if stats.by_day:
        print("按日期（收到份数 / 齐全袋数）：")
        for when, accepted, completed in stats.by_day:
            print(f"  {when.isoformat()}  {accepted} / {completed}")
    return 0


def warn_calendar_gaps(store: Store) -> None:
    """"⚠ 2026 年的节假日尚未设置…" on stderr when the current round needs a year
    without holiday data (deadlines, calendar list, check): a warning, never a failure."""
    from zcdesk.domain.holiday_file import gap_warning

    gaps = store.calendar_gaps()
    if gaps:
        print("⚠ " + gap_warning(gaps, "请管理员导入节假日文件：zcdesk calendar import FILE"),
              file=sys.stderr)


def deadlines_command(store: Store, args: argparse.Namespace) -> int:
    warn_calendar_gaps(store)
    today = args.today or store.clock().date()
    deadlines = store.deadlines(today)
    corrections = store.corrections_due(today)
    if args.json:
        # the years counted Monday to Friday for want of holiday data: a script sees them too
        print_json({"today": today, "deadlines": deadlines, "corrections": corrections,
                    "calendar_gaps": store.calendar_gaps()})
        return 0
    for d in deadlines:
        if d.calendar_days_left < 0:
            left = f"已过 {-d.calendar_days_left} 天"
        else:
            left = f"还有 {d.working_days_left} 个工作日"
        print(f"{d.label}：{d.day.isoformat()}（{left}）")
    overdue = [c for c in corrections if c.overdue]
    due = [c for c in corrections if not c.overdue]
    for title, rows in (("补正逾期", overdue), ("待补正", due)):
        if rows:
            print(f"{title} {len(rows)} 次来访：")
            for c in rows:
                left = "已逾期" if c.overdue else f"剩 {c.working_days_left} 个工作日"
                print(f"  {c.receipt_no}  {c.visitor_name or '（未留姓名）'}  "
                      f"{c.visitor_unit}  期限 {c.due.isoformat()}（{left}）  "
                      + "；".join(c.packets))
    if not corrections:
        print("没有待补正的来访。")
    return 0


def calendar_command(store: Store, args: argparse.Namespace) -> int:
    action = args.action
    if action == "set":
        store.set_calendar_day(args.date, args.kind, args.name)
        label = "放假" if args.kind == "holiday" else "调休上班"
        print(f"已将 {args.date.isoformat()} 设为{label}" + (f"（{args.name}）" if args.name
                                                         else "") + "。")
        return 0
    if action == "clear":
        store.set_calendar_day(args.date, None)
        print(f"已取消 {args.date.isoformat()} 的设置，按星期计算。")
        return 0
    if action == "correction-days":
        if args.days is not None:
            store.set_correction_days(args.days)
        print(f"补正期限：{store.correction_days()} 个工作日。")
        return 0
    if action == "import":
        return _import_calendar(store, Path(args.file).expanduser(), dry_run=args.dry_run)
    if action == "export":
        return _export_calendar(store, args.year, Path(args.output).expanduser())
    warn_calendar_gaps(store)
    year = args.year or store.clock().year
    days = store.calendar_days(year)
    if args.json:
        print_json([{"date": d.day, "kind": d.kind.value, "name": d.name} for d in days])
        return 0
    for d in days:
        weekday = "一二三四五六日"[d.day.weekday()]
        print(f"{d.day.isoformat()}  周{weekday}  {d.kind.label}  {d.name}".rstrip())
    if not days:
        print(f"{year} 年没有设置节假日或调休。zcdesk calendar set 日期 holiday 添加。")
    return 0



def _import_calendar(store: Store, path: Path, *, dry_run: bool) -> int:
    """Every problem of the file, or the preview and then the write (one transaction)."""
    from zcdesk.domain.holiday_file import HolidayFileError, read_holiday_file
    from zcdesk.store import InputError

    try:
        parsed = read_holiday_file(path)
    except HolidayFileError as exc:
        raise InputError(str(exc)) from exc
    for warning in parsed.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    preview = store.import_calendar(parsed.days, source=path.name, dry_run=True)
    print(preview.summary())
    if dry_run or preview.unchanged:
        return 0
    done = store.import_calendar(parsed.days, source=path.name)
    counts = done.counts()
    print(f"已导入：新增 {counts['new']} 天，修改 {counts['changed']} 天。")
    return 0


def _export_calendar(store: Store, year: int, target: Path) -> int:
    from zcdesk.domain.holiday_file import write_holiday_file
    from zcdesk.store import InputError

    check_target(target, (".toml", ".csv"))
    days = store.calendar_days(year)
    if not days:
        raise InputError(f"{year} 年没有设置节假日或调休，没有导出。")
    try:
        write_holiday_file(days, target)
    except OSError as exc:
        raise InputError(f"无法写入“{target}”：{exc.strerror or exc}") from exc
    print(f"已导出 {year} 年 {len(days)} 天到 {target}")
    return 0
