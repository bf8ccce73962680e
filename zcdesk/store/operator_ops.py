"""Operators: who may work at the desks, and what an admin alone may do.

Part of the Store facade. The window and the command line both log an operator
in (name + PIN, `login`); from then on every event carries that name, and
admin-only actions (roster import, batches, settings, backups, operators) are
refused to a clerk. `role` stays None only while nobody logged in: set-up mode
(no operator in the database yet) and the command line's read-only commands.

Wrong PINs are counted in the database per operator (the name as `operator_key`
folds it), so neither a restart nor another desk clears the lockout; every
failed attempt is an audited `login_failed` event (never the PIN).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zcdesk.domain.pin import (
    LOCKOUT_SECONDS,
    MAX_FAILURES,
    duration_words,
    hash_pin,
    lockout_seconds,
    operator_key,
    pin_problem,
    verify_pin,
)
from zcdesk.domain.records import OperatorInfo
from zcdesk.store import models as m
from zcdesk.store.errors import InputError

if TYPE_CHECKING:
    from zcdesk.store.facade import Store

ROLES = {"clerk": "窗口人员", "admin": "管理员"}
# Stamped on events written while the database has no operator at all (set-up mode:
# a fresh file, a script's scratch database), and by a Store given no operator.
# Never the OS user's login name: that proves nothing (#12).
SETUP_OPERATOR = "初始设置"
# Stamped on a failed login with a name no operator has: the name tried is in the
# detail, but an unverified name must not read as someone's own action.
UNKNOWN_OPERATOR = "（未知操作员）"
SETTING_IDLE = "desk.idle_lock_minutes"
MAX_IDLE_MINUTES = 24 * 60
WRONG = "姓名或 PIN 不正确。"
# An scrypt check that fails: an unknown name costs as long as a wrong PIN.
_NOBODY = "scrypt$16384$8$1$" + "00" * 16 + "$" + "00" * 32


class NotAllowed(InputError):
    """The logged-in operator's role does not allow this."""


def _find(s: Session, name: str) -> m.Operator | None:
    """The operator a typed name means (operator_key), active or not."""
    key = operator_key(name)
    if not key:
        return None
    exact = s.scalars(select(m.Operator).where(m.Operator.name == key)).first()
    if exact is not None:
        return exact
    # A name stored before names were folded ("小王 ") still answers to "小王".
    return next((o for o in s.scalars(select(m.Operator)) if operator_key(o.name) == key), None)


class OperatorOps:
    role: str | None = None  # set by login(); None = nobody logged in (see above)

    def operators(self: Store) -> list[OperatorInfo]:
        with self._read() as s:
            return [OperatorInfo(o.name, o.role, o.active)
                    for o in s.scalars(select(m.Operator).order_by(m.Operator.name))]

    def needs_first_admin(self: Store) -> bool:
        """Set-up mode: no operator at all yet."""
        with self._read() as s:
            return not s.scalar(select(func.count()).select_from(m.Operator))

    def create_operator(self: Store, name: str, pin: str, role: str) -> OperatorInfo:
        """Add an operator; the very first one must be an admin (created at first start)."""
        name = operator_key(name)
        if not name or len(name) > 64:
            raise InputError("姓名不能为空，且最多 64 个字符。")
        if role not in ROLES:
            raise InputError("角色应为 clerk（窗口人员）或 admin（管理员）。")
        problem = pin_problem(pin)
        if problem:
            raise InputError(problem)
        first = self.needs_first_admin()
        if first and role != "admin":
            raise InputError("第一个操作员必须是管理员。")
        if not first:
            self.require_admin("新增操作员")
        with self._write() as s:
            if _find(s, name) is not None:
                raise InputError(f"操作员“{name}”已存在。")
            s.add(m.Operator(name=name, pin_hash=hash_pin(pin), role=role, active=True,
                             created_at=self.clock(), failed_logins=0))
            self._event(s, "operator_added", detail={"name": name, "role": role})
        return OperatorInfo(name, role, True)

    def login(self: Store, name: str, pin: str, *, record: bool = True) -> OperatorInfo:
        """Check the PIN; from now on events carry this operator's name. `record`:
        a `login` event (the window's session); a command-line command runs as
        its operator without one, its own events carry the name."""
        if not pin.isdigit() or len(pin) > 12:
            # Not a PIN at all (a barcode scanned into the field, say): no attempt counted.
            raise InputError("PIN 应为 4 到 12 位数字；扫描的内容不能解锁。")
        key = operator_key(name)
        with self._read() as s:
            operator = _find(s, key)
            found = (operator.id, operator.name, operator.role, operator.active,
                     operator.pin_hash, operator.failed_logins, operator.locked_until
                     ) if operator else None
        if found is None:
            self._unknown_name(key, pin)
        operator_id, stored_name, role, active, stored, failures, until = found
        self._refuse_locked_out(operator_id, key, "login", failures, until)
        if not verify_pin(pin, stored) or not active:
            self._refuse_wrong_pin(operator_id, key, "login", WRONG)
        previous = self.operator, self.role
        self.operator, self.role = stored_name, role  # the login event is theirs
        try:
            if record or failures or until:
                with self._write() as s:
                    row = s.get(m.Operator, operator_id)
                    if row is not None and (row.failed_logins or row.locked_until):
                        row.failed_logins, row.locked_until = 0, None  # a right PIN ends it
                    if record:
                        self._event(s, "login", detail={"role": role})
        except BaseException:
            self.operator, self.role = previous  # not logged in after all
            raise
        return OperatorInfo(stored_name, role, True)

    def change_pin(self: Store, name: str, old_pin: str, new_pin: str) -> None:
        """An operator's own PIN, the current one first (only one's own once logged
        in); wrong current PINs count towards the same lockout as wrong logins,
        so this is no way round it."""
        key = operator_key(name)
        if self.role is not None and key != operator_key(self.operator):
            raise NotAllowed("只能修改自己的 PIN；其他操作员的 PIN 请由管理员重置。")
        with self._read() as s:
            operator = _find(s, key)
            found = (operator.id, operator.pin_hash, operator.failed_logins,
                     operator.locked_until) if operator else None
        if found is not None:
            self._refuse_locked_out(found[0], key, "change_pin", found[2], found[3])
        problem = pin_problem(new_pin)
        if problem:
            raise InputError(problem)
        if found is None:
            verify_pin(old_pin, _NOBODY)
            self._record_failure(None, key, "change_pin")
            raise InputError("原 PIN 不正确。")
        operator_id, stored = found[:2]
        if not verify_pin(old_pin, stored):
            self._refuse_wrong_pin(operator_id, key, "change_pin", "原 PIN 不正确。")
        if new_pin == old_pin:
            raise InputError("新 PIN 与原 PIN 相同，请换一个。")
        with self._write() as s:
            row = s.get(m.Operator, operator_id)
            if row is None:
                raise InputError(f"没有操作员“{key}”。")
            row.pin_hash = hash_pin(new_pin)
            row.failed_logins, row.locked_until = 0, None
            # Who (the event's operator), whose, when: never the PIN.
            self._event(s, "pin_changed", detail={"name": row.name})

    def reset_pin(self: Store, name: str, new_pin: str) -> None:
        """An admin sets another operator's PIN (forgotten, or locked out: the lock
        ends at once); the admin's own PIN is changed with the current one."""
        key = operator_key(name)
        self.require_admin("重置 PIN")
        if self.role is not None and key == operator_key(self.operator):
            raise InputError("自己的 PIN 请用“修改我的 PIN”修改（需要输入原 PIN）。")
        problem = pin_problem(new_pin)
        if problem:
            raise InputError(problem)
        with self._write() as s:
            operator = _find(s, key)
            if operator is None:
                raise InputError(f"没有操作员“{key}”。")
            operator.pin_hash = hash_pin(new_pin)
            operator.failed_logins, operator.locked_until = 0, None
            self._event(s, "pin_reset", detail={"name": operator.name})

    def set_idle_lock_minutes(self: Store, minutes: int) -> None:
        """The idle lock (desk.idle_lock_minutes; 0: never), as `zcdesk desk --idle-lock`."""
        self.require_admin("自动锁定设置")
        if not 0 <= minutes <= MAX_IDLE_MINUTES:
            raise InputError(f"锁定时间应在 0 到 {MAX_IDLE_MINUTES} 分钟之间（0 为不锁定）。")
        self.set_setting(SETTING_IDLE, str(minutes))

    def set_operator_active(self: Store, name: str, active: bool) -> None:
        self.require_admin("停用或启用操作员")
        with self._write() as s:
            operator = _find(s, name)
            if operator is None:
                raise InputError(f"没有操作员“{operator_key(name)}”。")
            if not active and operator.role == "admin" and s.scalar(
                    select(func.count()).where(m.Operator.role == "admin",
                                               m.Operator.active)) == 1:
                raise InputError("不能停用唯一的管理员。")
            operator.active = active
            self._event(s, "operator_changed", detail={"name": operator.name, "active": active})

    def require_admin(self: Store, what: str) -> None:
        if self.role is not None and self.role != "admin":
            raise NotAllowed(f"“{what}”需要管理员权限，请由管理员登录后操作。")

    # ------------------------------------------------------------ wrong PINs

    def _unknown_name(self: Store, key: str, pin: str) -> NoReturn:
        """A name no operator has: as slow as a wrong PIN, audited, refused. Within
        this process more than a few a minute are refused unchecked, so a script
        cannot try name after name at full speed."""
        recent = [t for t in self.__dict__.get("_unknown_tries", [])
                  if time.monotonic() - t < LOCKOUT_SECONDS]
        self.__dict__["_unknown_tries"] = [*recent, time.monotonic()]
        if len(recent) >= MAX_FAILURES:
            self._record_failure(None, key, "login", failures=len(recent) + 1)
            raise InputError(f"{WRONG}尝试过于频繁，请 1 分钟后再试。")
        verify_pin(pin, _NOBODY)
        self._record_failure(None, key, "login", failures=len(recent) + 1)
        raise InputError(WRONG)

    def _refuse_locked_out(self: Store, operator_id: int, key: str, during: str,
                           failures: int, until: dt.datetime | None) -> None:
        """Refuse (and audit, without counting) an attempt while the lock holds."""
        now = self.clock()
        if until is None or until <= now:
            return
        self._record_failure(operator_id, key, during, while_locked=True)
        raise InputError(f"PIN 已连续输错 {failures} 次，操作员“{key}”已被锁定，请 "
                         f"{duration_words((until - now).total_seconds())}后再试"
                         f"（{until:%H:%M} 解锁）；忘记 PIN 请由管理员重置。")

    def _refuse_wrong_pin(self: Store, operator_id: int, key: str, during: str,
                          message: str) -> NoReturn:
        failures, until = self._record_failure(operator_id, key, during)
        if until is not None:
            wait = duration_words((until - self.clock()).total_seconds())
            message += (f"已连续输错 {failures} 次，锁定 {wait}（{until:%H:%M} 解锁）；"
                        "忘记 PIN 请由管理员重置。")
        raise InputError(message)

    def _record_failure(self: Store, operator_id: int | None, key: str, during: str, *,
                        while_locked: bool = False,
                        failures: int = 0) -> tuple[int, dt.datetime | None]:
        """Count a wrong PIN on the operator's row (not while locked: the lock already
        holds) and audit it, in its own transaction: the refusal that follows must
        not take the record with it. Returns (failures in a row, locked until)."""
        until: dt.datetime | None = None
        with self._write() as s:
            row = s.get(m.Operator, operator_id) if operator_id is not None else None
            if row is not None:
                if not while_locked:
                    row.failed_logins = (row.failed_logins or 0) + 1
                    seconds = lockout_seconds(row.failed_logins)
                    row.locked_until = (self.clock() + dt.timedelta(seconds=seconds)
                                        if seconds else None)
                failures, until = row.failed_logins, row.locked_until
            detail: dict[str, Any] = {
                "name": key, "known": row is not None, "failures": failures,
                "locked_until": until.isoformat(timespec="seconds") if until else None}
            if during != "login":
                detail["during"] = during
            if while_locked:
                detail["while_locked"] = True
            # The tried name is stamped only if it is an operator's: anything else
            # typed into the name must not pass for someone's own action.
            saved, self.operator = self.operator, row.name if row else UNKNOWN_OPERATOR
            try:
                self._event(s, "login_failed", detail=detail)
            finally:
                self.operator = saved
        return failures, until


def describe_operator_event(kind: str, detail: dict[str, Any]) -> str:
    """A failed login in words for the audit ("" for other kinds)."""
    if kind != "login_failed":
        return ""
    what = "修改 PIN 时原 PIN 错误" if detail.get("during") == "change_pin" else "登录失败"
    name = detail.get("name", "")
    if not detail.get("known"):
        return f"{what}：没有操作员“{name}”"
    until = str(detail.get("locked_until") or "").replace("T", " ")[:16]
    if detail.get("while_locked"):
        return f"{what}：{name} 已被锁定（到 {until}），未核对 PIN"
    lock = f"，锁定到 {until}" if until else ""
    return f"{what}：{name} PIN 错误（连续第 {detail.get('failures', '')} 次{lock}）"
