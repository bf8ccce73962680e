"""The first day in a new office: one ordered, resumable set-up (#14).

1 first admin → 2 this desk's acceptance point and window name → 3 the round
(the shipped pack, or one imported) → 4 operators → 5 roster (optional) → 6 a
backup folder, off this disk when possible, with a test write → 7 a summary
page to print. The window's wizard (ui/dialogs/first_day.py) and `zcdesk setup`
(zcdesk/cli/first_day.py) walk the same steps through these functions.

Nothing remembers "where the clerk was": each step's completion is read from the
database (an admin exists, the desk's point is set, a round was chosen, a clerk
exists, …), so quitting half-way and starting again continues at the first step
not done. Steps 4 and 5 may be skipped; the skip is a setting. `SetupState` and
`next_step` are pure and tested without a database.

The flow runs only on a database that needs it: a new one (no operator yet), or
one whose set-up was begun and not finished. An office already at work (or the
demo) is never sent back through it.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from zcdesk.domain.first_day import (
    SKIPPABLE,
    TITLES,
    SetupState,
    SetupSummary,
    Step,
    flow_needed,
    in_use_before_set_up,
    is_done,
    is_set_up,
    next_step,
    skipped_from_text,
)
from zcdesk.store import models as m
from zcdesk.store.backup_places import check_writable
from zcdesk.store.engine import sqlite_path
from zcdesk.store.errors import InputError

if TYPE_CHECKING:
    from zcdesk.domain.records import OperatorInfo, PointInfo
    from zcdesk.store import Store
    from zcdesk.store.round_ops import RoundImportPlan, RoundSummary

SETTING_STARTED = "first_day.started"
SETTING_FINISHED = "first_day.finished"
SETTING_ROUND = "first_day.round"
SETTING_SKIPPED = "first_day.skipped"
# The second place backups are copied to (a USB stick, another disk, a network folder).
SETTING_BACKUP_FOLDER = "backup.second_folder"
SETTING_DESK = "desk.name"  # the facade's key (per host)
__all__ = ["SKIPPABLE", "TITLES", "SetupState", "SetupSummary", "Step", "flow_needed",
           "in_use_before_set_up", "is_done", "is_set_up", "next_step", "read_state",
           "summary"]
IN_USE_BEFORE = ("这个数据库在首次设置功能之前就已在使用（已有管理员和本机受理点），"
                 "视为已设置完成，不需要首次设置。")


# ------------------------------------------------------------------ reading
def read_state(store: Store) -> SetupState:
    point = store.desk_point()
    with store._read() as s:
        counts = dict(s.execute(select(m.Operator.role, func.count())
                                .where(m.Operator.active).group_by(m.Operator.role)).all())
        imports = s.scalar(select(func.count()).select_from(m.Event)
                           .where(m.Event.kind == "roster_imported")) or 0
        applicants = s.scalar(select(func.count()).select_from(m.Applicant)) or 0
    return SetupState(
        admins=counts.get("admin", 0), point=point.code if point else "",
        desk_name=store.setting(SETTING_DESK) or "",
        round_code=store.setting(SETTING_ROUND) or "", clerks=counts.get("clerk", 0),
        roster_imports=imports, applicants=applicants,
        backup_folder=store.setting(SETTING_BACKUP_FOLDER) or "",
        backup_applies=sqlite_path(str(store.engine.url)) is not None,
        skipped=skipped_from_text(store.setting(SETTING_SKIPPED)),
        started=bool(store.setting(SETTING_STARTED)),
        finished=bool(store.setting(SETTING_FINISHED)))


def status_lines(state: SetupState) -> list[tuple[Step, bool, str]]:
    """Per step: done or not, and what is set (for `zcdesk setup --status` and the summary)."""
    old_office = in_use_before_set_up(state)
    what = {
        Step.ADMIN: f"管理员 {state.admins} 位" if state.admins else "尚无管理员",
        Step.DESK: (f"受理点 {state.point}" + (f" · {state.desk_name}" if state.desk_name
                                               else "")) if state.point else "尚未设置",
        Step.ROUND: (f"轮次 {state.round_code}" if state.round_code else
                     "沿用当前轮次" if old_office else "尚未确认"),
        Step.OPERATORS: (f"窗口人员 {state.clerks} 位" if state.clerks else
                         "已跳过" if Step.OPERATORS in state.skipped else "尚无窗口人员"),
        Step.ROSTER: (f"已导入 {state.roster_imports} 次，申报人 {state.applicants} 名"
                      if state.roster_imports else
                      "已跳过" if Step.ROSTER in state.skipped else "尚未导入"),
        Step.BACKUP: (state.backup_folder or
                      ("PostgreSQL 数据库：用 pg_dump 备份" if not state.backup_applies
                       else "尚未设置")),
        Step.SUMMARY: ("已完成" if state.finished else
                       "已在使用（首次设置功能之前）" if old_office else "尚未完成"),
    }
    return [(step, is_done(step, state), what[step]) for step in Step]


# ------------------------------------------------------------------ writing
def create_first_admin(store: Store, name: str, pin: str) -> OperatorInfo:
    """Step 1: the first admin, logged in at once; the set-up counts as begun."""
    if not store.needs_first_admin():
        raise InputError("数据库里已经有操作员了：请以管理员身份登录后继续设置。")
    store.create_operator(name, pin, "admin")
    operator = store.login(name, pin)
    store.set_setting(SETTING_STARTED, store.clock().isoformat(timespec="seconds"))
    return operator


def begin(store: Store) -> None:
    """Mark the set-up as begun (`zcdesk setup` on a database that already has an
    admin, the window after a new database's first admin). An admin's act: a clerk
    must not send an office back into the set-up. `zcdesk setup` does not call it on
    an office at work from before the set-up existed (`in_use_before_set_up`)."""
    store.require_admin("开始首次设置")
    if not store.setting(SETTING_STARTED) and not store.setting(SETTING_FINISHED):
        store.set_setting(SETTING_STARTED, store.clock().isoformat(timespec="seconds"))


def set_desk(store: Store, point_code: str, desk_name: str) -> PointInfo:
    """Step 2: this desk's acceptance point and window name (admin)."""
    desk_name = desk_name.strip()
    if len(desk_name) > 32:
        raise InputError("窗口名最多 32 个字符，如“窗口1”。")
    if any(p.kind == "city" and p.code == point_code.strip().upper() for p in store.points()):
        raise InputError("首次设置用于区县受理窗口；市级签收窗口请用 zcdesk desk --point CITY。")
    point = store.set_desk_point(point_code)
    if desk_name and desk_name != store.desk:
        store.set_setting(SETTING_DESK, desk_name)
    elif not store.setting(SETTING_DESK):
        store.set_setting(SETTING_DESK, store.desk)  # the computer's name, said once
    return point


def current_round(store: Store) -> RoundSummary:
    return next(r for r in store.rounds() if r.active)


def use_current_round(store: Store) -> RoundSummary:
    """Step 3, the shipped pack (or whatever round is current): confirmed as this office's."""
    store.require_admin("确认申报轮次")
    chosen = current_round(store)
    store.set_setting(SETTING_ROUND, chosen.code)
    return chosen


def import_round(store: Store, text: str, source: str) -> tuple[RoundImportPlan, RoundSummary]:
    """Step 3 with a pack file: imported (one transaction), made current, confirmed."""
    plan = store.import_round(text, source=source)
    chosen = next(r for r in store.rounds() if r.code == plan.code)
    if not chosen.active:
        chosen = store.activate_round(plan.code)
    store.set_setting(SETTING_ROUND, chosen.code)
    return plan, chosen


def skip(store: Store, step: Step) -> None:
    """Steps 4 and 5 may be left for later; the skip is kept as a setting."""
    if not step.skippable:
        raise InputError(f"“{step.title}”这一步不能跳过。")
    store.require_admin("跳过设置步骤")
    skipped = skipped_from_text(store.setting(SETTING_SKIPPED)) | {step}
    store.set_setting(SETTING_SKIPPED, ",".join(s.name for s in Step if s in skipped))


def set_backup_folder(store: Store, folder: Path) -> Path:
    """Step 6: prove the folder takes a file, put the first checked copy there and
    remember it. Returns the copy. PostgreSQL: refused (pg_dump, see README)."""
    store.require_admin("设置备份文件夹")
    if sqlite_path(str(store.engine.url)) is None:
        raise InputError("PostgreSQL 数据库请用 pg_dump / pg_restore 备份和恢复（见 README），"
                         "不需要设置备份文件夹。")
    folder = folder.expanduser()
    if not folder.is_absolute():
        raise InputError(f"备份文件夹“{folder}”应为完整路径，如 /media/小王/U盘/zcdesk-备份。")
    check_writable(folder)
    from zcdesk.store.backup import PREFIX, SUFFIX, adopt_first_copy

    copy = store.backup_to(folder / f"{PREFIX}{store.clock():%Y%m%d-%H%M%S}{SUFFIX}")
    store.set_setting(SETTING_BACKUP_FOLDER, str(folder.resolve()))
    # into this database's own folder there, where the daily copies and the drill look
    return adopt_first_copy(store, copy)


def finish(store: Store) -> None:
    """Step 7 done: the counter opens from now on without the set-up."""
    store.require_admin("完成首次设置")
    state = read_state(store)
    missing = [s.title for s in Step if s is not Step.SUMMARY and not is_done(s, state)]
    if missing:
        raise InputError("还有未完成的设置步骤：" + "、".join(missing) + "。")
    store.set_setting(SETTING_FINISHED, store.clock().isoformat(timespec="seconds"))


# ------------------------------------------------------------------ summary
def summary(store: Store) -> SetupSummary:
    state = read_state(store)
    point = store.desk_point()
    round_ = store.current_round()
    operators = [o for o in store.operators() if o.active]
    return SetupSummary(
        office=point.name if point else "（未设置）", point_code=state.point,
        desk_name=store.desk, host=socket.gethostname(), round_name=round_.name,
        round_code=round_.code,
        deadlines=(("个人申报截止", round_.applicant_deadline),
                   ("单位审核截止", round_.employer_deadline),
                   ("主管部门审核截止", round_.district_deadline),
                   ("纸质材料报送截止", round_.paper_deadline),
                   ("年限计算截至", round_.cutoff_date)),
        admins=tuple(o.name for o in operators if o.role == "admin"),
        clerks=tuple(o.name for o in operators if o.role == "clerk"),
        applicants=state.applicants, database=store.url,
        backup_folder=state.backup_folder or ("pg_dump（见 README）" if not state.backup_applies
                                              else "（未设置）"),
        point_address=point.address if point else "", point_phone=point.phone if point else "",
        when=store.clock())
