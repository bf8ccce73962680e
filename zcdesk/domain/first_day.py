"""The first day's steps and which one comes next: pure rules (#14).

The store (store/first_day.py) reads a `SetupState` from the database and writes
each step; the window's wizard and `zcdesk setup` walk the steps in this order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Step(Enum):
    ADMIN = 1
    DESK = 2
    ROUND = 3
    OPERATORS = 4
    ROSTER = 5
    BACKUP = 6
    SUMMARY = 7

    @property
    def title(self) -> str:
        return TITLES[self]

    @property
    def skippable(self) -> bool:
        return self in SKIPPABLE


TITLES = {Step.ADMIN: "第一位管理员", Step.DESK: "本机受理点和窗口", Step.ROUND: "申报轮次",
          Step.OPERATORS: "窗口人员", Step.ROSTER: "导入花名册（可选）",
          Step.BACKUP: "备份文件夹", Step.SUMMARY: "设置摘要"}
SKIPPABLE = frozenset({Step.OPERATORS, Step.ROSTER})


@dataclass(frozen=True)
class SetupState:
    """What the database says about each step (read by `read_state`)."""

    admins: int = 0
    point: str = ""  # the desk's acceptance point code
    desk_name: str = ""
    round_code: str = ""  # the round chosen in step 3 ("": not yet)
    clerks: int = 0
    roster_imports: int = 0
    applicants: int = 0
    backup_folder: str = ""
    backup_applies: bool = True  # False for PostgreSQL (pg_dump, see README)
    skipped: frozenset[Step] = field(default_factory=frozenset)
    started: bool = False
    finished: bool = False


def in_use_before_set_up(state: SetupState) -> bool:
    """An office at work from before the first-day set-up existed (#14): an admin and
    this desk's point, and the set-up never begun. It counts as set up: its round is
    the current one (it has no `first_day.round`), and it is never sent through the flow."""
    return state.admins > 0 and bool(state.point) and not state.started \
        and not state.finished


def is_set_up(state: SetupState) -> bool:
    """Finished, or at work from before the set-up existed."""
    return state.finished or in_use_before_set_up(state)


def is_done(step: Step, state: SetupState) -> bool:
    if step.skippable and step in state.skipped:
        return True
    return {
        Step.ADMIN: state.admins > 0,
        Step.DESK: bool(state.point),
        Step.ROUND: bool(state.round_code) or in_use_before_set_up(state),
        Step.OPERATORS: state.clerks > 0,
        Step.ROSTER: state.roster_imports > 0,
        Step.BACKUP: bool(state.backup_folder) or not state.backup_applies,
        Step.SUMMARY: is_set_up(state),
    }[step]


def next_step(state: SetupState) -> Step | None:
    """The first step not done (in order); None when the set-up is complete, or not
    needed (an office at work from before it existed)."""
    if in_use_before_set_up(state):
        return None
    return next((step for step in Step if not is_done(step, state)), None)


def flow_needed(state: SetupState) -> bool:
    """A new database, or a set-up begun and not finished; never an office at work
    (`in_use_before_set_up`: never begun, so never flowed)."""
    return state.admins == 0 or (state.started and not state.finished)


def skipped_from_text(text: str | None) -> frozenset[Step]:
    names = {s.name for s in SKIPPABLE}
    return frozenset(Step[n] for n in (text or "").split(",") if n in names)


@dataclass(frozen=True)
class SetupSummary:
    """What the summary page says (printing/setup_summary.py draws it)."""

    office: str  # the acceptance point's full name
    point_code: str
    desk_name: str
    host: str
    round_name: str
    round_code: str
    deadlines: tuple[tuple[str, dt.date], ...]
    admins: tuple[str, ...]
    clerks: tuple[str, ...]
    applicants: int
    database: str
    backup_folder: str
    point_address: str
    point_phone: str
    when: dt.datetime
