"""Holiday files (#11 item 5): read and written as TOML or CSV, every problem with its
line; imported after a preview in one transaction; a round in a year without
holidays warned about on the command line — never guessed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import json
from pathlib import Path

import pytest

from zcdesk.domain.holiday_file import (
    MAX_DAYS,
    HolidayFileError,
    dump_csv,
    dump_toml,
    parse_csv,
    parse_toml,
    read_holiday_file,
)
from zcdesk.domain.round_pack import dump_pack, load_pack, shifted, shipped_pack_path
from zcdesk.domain.workdays import CalendarDay, DayKind
from zcdesk.paths import resource
from zcdesk.store import InputError, Store
from zcdesk.store.operator_ops import NotAllowed, OperatorOps

D = dt.date.fromisoformat
H, W = DayKind.HOLIDAY, DayKind.WORKDAY
SHIPPED_2025 = resource("calendars", "2025.toml")

# Made up for the tests (not the State Council's 2027 notice).
TOML_2027 = """\
# 测试用
format = 1

[[days]]
date = 2027-01-01
kind = "休"
name = "元旦"

[[days]]
date = "2027-10-01"
kind = "holiday"
name = "国庆节"

[[days]]
date = 2027-10-02  # 周六：放假的周末，无妨
kind = "放假"
name = "国庆节"

[[days]]
date = 2027-10-09
kind = "班"
name = "国庆节调休"
"""
DAYS_2027 = (CalendarDay(D("2027-01-01"), H, "元旦"), CalendarDay(D("2027-10-01"), H, "国庆节"),
             CalendarDay(D("2027-10-02"), H, "国庆节"),
             CalendarDay(D("2027-10-09"), W, "国庆节调休"))


def _seeded_2025() -> list[CalendarDay]:
    """What migration 0007 seeds, read from the migration itself."""
    migration = importlib.import_module("zcdesk.store.migrations.versions.0007_flow")
    days = [CalendarDay(dt.date(2025, m, d), H, name)
            for name, dates in migration._HOLIDAYS_2025.items() for m, d in dates]
    days += [CalendarDay(dt.date(2025, m, d), W, name)
             for name, dates in migration._WORKDAYS_2025.items() for m, d in dates]
    return sorted(days)


def _problems(exc: pytest.ExceptionInfo[HolidayFileError]) -> list[str]:
    return [str(p) for p in exc.value.problems]


# ------------------------------------------------------------------ reading
def test_toml_with_every_way_of_writing_the_kind() -> None:
    parsed = parse_toml(TOML_2027)
    assert parsed.days == DAYS_2027
    assert parsed.warnings == () and parsed.years == (2027,)
    words = TOML_2027.replace('"班"', '"调休上班"').replace('"休"', '"Holiday"')
    assert parse_toml(words).days == DAYS_2027


def test_toml_problems_each_with_its_line() -> None:
    text = TOML_2027.replace('kind = "holiday"', 'kind = "假"').replace(
        "2027-10-09", "2027-10-02").replace('name = "元旦"', 'name = "元旦"\nnote = "x"')
    text += '\n[[days]]\ndate = "2027-02-30"\nkind = "休"\n'
    with pytest.raises(HolidayFileError) as exc:
        parse_toml(text, "2027.toml")
    assert _problems(exc) == [
        "第 8 行：无法识别的项“note”（可用：date、kind、name）",
        "第 12 行：类型“假”无法识别：请写 休（放假）或 班（调休上班）",
        "第 21 行：2027-10-02 重复（第 16 行已写过）",
        "第 26 行：“2027-02-30”不是日期（应写作 2026-01-01）"]
    assert "“2027.toml”有 4 处问题，没有导入" in str(exc.value)
    with pytest.raises(HolidayFileError) as exc:
        parse_toml('[[days]]\ndate = 2027-01-01\nkind = 休\n')
    [syntax] = exc.value.problems
    assert syntax.line == 3 and "TOML 格式错误" in syntax.message


def test_a_workday_on_a_weekday_is_a_warning_a_holiday_on_a_weekend_is_fine() -> None:
    parsed = parse_csv("日期,类型,名称\n2027-10-02,休,国庆节\n2027-10-08,班,调休\n")
    assert [str(w) for w in parsed.warnings] == [
        "第 3 行：2027-10-08 是周五，本来就是工作日，标为“班”没有作用；请核对日期"]
    assert len(parsed.days) == 2  # imported all the same


def test_csv_in_utf8_bom_and_gbk_with_english_or_chinese_headers(tmp_path: Path) -> None:
    rows = "2027-01-01,休,元旦\r\n2027/10/1,休,国庆节\r\n2027年10月2日,放假,国庆节\r\n" \
           "2027-10-09,班,国庆节调休\r\n"
    bom = tmp_path / "bom.csv"
    bom.write_bytes(("日期,类型,名称\r\n" + rows).encode("utf-8-sig"))
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(("# 2027 年（测试）\r\n日期,类型,名称\r\n" + rows).encode("gbk"))
    english = tmp_path / "en.csv"
    english.write_text("Date,Kind,Name\n" + rows.replace(",休,", ",holiday,"), encoding="utf-8")
    for path in (bom, gbk, english):
        assert read_holiday_file(path).days == DAYS_2027, path.name


def test_csv_problems_each_with_its_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes("日期,类型,名称\n2027-01-01,休,元旦\n\n2027-01-01,班,\n2027-13-01,休,\n"
                    "2027-05-01,,劳动节\n2027-05-02,休,劳动节,多余\n".encode("gbk"))
    with pytest.raises(HolidayFileError) as exc:
        read_holiday_file(bad)
    assert _problems(exc) == [
        "第 4 行：2027-01-01 重复（第 2 行已写过）",
        "第 5 行：“2027-13-01”不是日期（应写作 2026-01-01）",
        "第 6 行：缺少类型（休 或 班）",
        "第 7 行：多出表头以外的内容“多余”"]
    with pytest.raises(HolidayFileError) as exc:
        parse_csv("日子,类型\n2027-01-01,休\n")
    assert _problems(exc) == ["第 1 行：无法识别的列“日子”（表头应为：日期、类型、名称）",
                              "第 1 行：缺少“日期”列（表头应为：日期、类型、名称）"]


def test_huge_empty_and_foreign_files_are_refused(tmp_path: Path) -> None:
    start = D("2027-01-01")
    huge = "日期,类型\n" + "".join(f"{start + dt.timedelta(days=n)},休\n"
                                  for n in range(MAX_DAYS + 1))
    with pytest.raises(HolidayFileError, match="超过 2000 行的上限"):
        parse_csv(huge)
    with pytest.raises(HolidayFileError, match="没有任何日期"):
        parse_toml("format = 1\n")
    with pytest.raises(HolidayFileError, match=r"应以 \.toml 或 \.csv 结尾"):
        read_holiday_file(tmp_path / "days.xlsx")
    with pytest.raises(HolidayFileError, match="找不到文件"):
        read_holiday_file(tmp_path / "none.toml")
    gbk_toml = tmp_path / "gbk.toml"
    gbk_toml.write_bytes(TOML_2027.encode("gbk"))
    with pytest.raises(HolidayFileError, match="UTF-8"):
        read_holiday_file(gbk_toml)


def test_written_files_read_back_the_same() -> None:
    days = _seeded_2025()
    assert parse_toml(dump_toml(days, notice="通知\n标题")).days == tuple(days)
    assert parse_toml(dump_toml(days, notice="通知\n标题")).notice == "通知 标题"
    assert parse_csv(dump_csv(days)).days == tuple(days)
    odd = [CalendarDay(D("2027-01-01"), H, 'a "quoted", name')]
    assert parse_toml(dump_toml(odd)).days == tuple(odd)
    assert parse_csv(dump_csv(odd)).days == tuple(odd)


def test_the_shipped_2025_file_is_what_the_migration_seeds() -> None:
    parsed = read_holiday_file(SHIPPED_2025)
    assert list(parsed.days) == _seeded_2025()
    assert parsed.warnings == () and "2025" in parsed.notice


# -------------------------------------------------------------------- store
def _imports(store: Store) -> list[str]:
    return [e.description for e in store.audit() if e.kind == "calendar_imported"]


@pytest.mark.both_backends
def test_a_fresh_database_holds_the_shipped_2025_file(store: Store) -> None:
    assert store.calendar_days(2025) == list(read_holiday_file(SHIPPED_2025).days)
    plan = store.import_calendar(read_holiday_file(SHIPPED_2025).days, source="2025.toml")
    assert plan.unchanged and _imports(store) == []


@pytest.mark.both_backends
def test_import_dry_run_then_write_then_again_unchanged(store: Store) -> None:
    store.set_calendar_day(D("2027-10-02"), "workday", "手工")  # to be corrected
    store.set_calendar_day(D("2027-12-31"), "holiday", "手工")  # not in the file: kept
    store.work_calendar()  # cached: the import must reset it
    preview = store.import_calendar(DAYS_2027, source="2027.toml", dry_run=True)
    [year] = preview.years
    assert (year.year, len(year.new), len(year.changed), year.unchanged, year.kept) == (
        2027, 3, 1, 0, 1)
    assert "将导入" in preview.summary() and "2027-10-02：上班（手工） → 放假（国庆节）" \
        in preview.summary() and "另有 1 天" in preview.summary()
    assert len(store.calendar_days(2027)) == 2 and _imports(store) == []

    done = store.import_calendar(DAYS_2027, source="2027.toml")
    assert done.counts() == {"new": 3, "changed": 1, "unchanged": 0}
    assert [d for d in store.calendar_days(2027) if d.name != "手工"] == list(DAYS_2027)
    assert not store.work_calendar().is_working_day(D("2027-10-01"))
    assert store.work_calendar().is_working_day(D("2027-10-09"))  # a Saturday worked
    assert _imports(store) == ["导入节假日文件 2027.toml（2027 年）：新增 3 天，修改 1 天"]

    again = store.import_calendar(DAYS_2027, source="2027.toml")
    assert again.unchanged and "没有变化" in again.summary()
    assert len(_imports(store)) == 1  # nothing written, no event


@pytest.mark.both_backends
def test_import_refusals_write_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    twice = [*DAYS_2027, CalendarDay(D("2027-01-01"), W, "")]
    with pytest.raises(InputError, match=r"日期重复.*2027-01-01"):
        store.import_calendar(twice, source="x.toml")
    with pytest.raises(InputError, match="没有任何日期"):
        store.import_calendar([], source="x.toml")
    monkeypatch.setattr(OperatorOps, "role", "clerk")
    with pytest.raises(NotAllowed):
        store.import_calendar(DAYS_2027, source="x.toml", dry_run=True)
    assert store.calendar_days(2027) == []


def _round_2027(store: Store) -> None:
    pack = shifted(load_pack(shipped_pack_path("2025H1")), "2027H1", "2027 上半年度", years=2)
    store.import_round(dump_pack(pack), source="2027H1.toml")
    store.activate_round("2027H1")


@pytest.mark.both_backends
def test_gaps_follow_the_current_round(store: Store) -> None:
    assert store.calendar_gaps() == []  # 2025 is shipped
    _round_2027(store)
    assert store.calendar_gaps() == [2027]
    store.import_calendar(DAYS_2027, source="2027.toml")
    assert store.calendar_gaps() == []


@pytest.mark.both_backends
def test_a_correction_period_into_the_next_year_counts(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.import_calendar(DAYS_2027, source="2027.toml")
    _round_2027(store)
    round_ = store.current_round()
    late = dataclasses.replace(round_, paper_deadline=D("2027-12-28"))
    monkeypatch.setattr(Store, "current_round", lambda self: late)
    assert store.calendar_gaps() == [2028]  # 5 working days after 28 December


# ---------------------------------------------------------------------- CLI
@pytest.mark.both_backends
def test_cli_import_preview_write_export_and_refusal(cli, store: Store,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    good = tmp_path / "2027.toml"
    good.write_text(TOML_2027, encoding="utf-8")
    code, out, _ = cli("calendar", "import", str(good), "--dry-run")
    assert code == 0 and "将导入" in out and "新增 4 天" in out
    assert store.calendar_days(2027) == []
    code, out, _ = cli("calendar", "import", str(good))
    assert code == 0 and "已导入：新增 4 天，修改 0 天。" in out
    assert store.calendar_days(2027) == list(DAYS_2027)
    code, out, _ = cli("calendar", "import", str(good))
    assert code == 0 and "没有变化" in out

    for name in ("out.toml", "out.csv"):
        target = tmp_path / name
        code, out, _ = cli("calendar", "export", "2027", "-o", str(target))
        assert code == 0 and read_holiday_file(target).days == DAYS_2027
    empty = tmp_path / "2030.csv"
    code, _, err = cli("calendar", "export", "2030", "-o", str(empty))
    assert code == 1 and "没有导出" in err and not empty.exists()

    bad = tmp_path / "bad.csv"
    bad.write_text("日期,类型,名称\n2028-01-01,休,元旦\n2028-01-02,假,\n", encoding="utf-8")
    code, out, err = cli("calendar", "import", str(bad))
    assert code == 1 and "第 3 行：类型“假”无法识别" in err and out == ""
    assert store.calendar_days(2028) == []
    code, out, _ = cli("audit", "--json")
    assert [e["kind"] for e in json.loads(out)].count("calendar_imported") == 1


def test_cli_warns_about_a_round_without_holidays(cli, store: Store,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    for args in (("deadlines",), ("calendar", "list"), ("check",)):
        code, _, err = cli(*args)
        assert code == 0 and "⚠" not in err, args
    _round_2027(store)
    warning = "⚠ 2027 年的节假日尚未设置：工作日暂按周一至周五计算。"
    for args in (("deadlines",), ("calendar", "list", "2027"), ("check",)):
        code, _, err = cli(*args)
        assert code == 0 and warning in err, args  # a warning: the exit code stays
    assert json.loads(cli("deadlines", "--json")[1])["calendar_gaps"] == [2027]
    assert "数据库完整，数据一致。" in cli("check")[1]
    good = tmp_path / "2027.csv"
    good.write_text(dump_csv(DAYS_2027), encoding="utf-8-sig")
    assert cli("calendar", "import", str(good))[0] == 0
    code, _, err = cli("deadlines")
    assert code == 0 and "⚠" not in err
    assert json.loads(cli("deadlines", "--json")[1])["calendar_gaps"] == []


def test_cli_clerk_is_refused(cli, store: Store, tmp_path: Path,  # type: ignore[no-untyped-def]
                              monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "2027.toml"
    good.write_text(TOML_2027, encoding="utf-8")
    monkeypatch.setattr(OperatorOps, "role", "clerk")
    code, _, err = cli("calendar", "import", str(good))
    assert code == 1 and "管理员" in err
    assert store.calendar_days(2027) == []
