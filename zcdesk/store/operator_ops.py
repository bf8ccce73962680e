"""Operators: who may work at the desks, and what an admin alone may do.

Part of the Store facade. The window logs an operator in (name + PIN) and from
then on every event carries that name, and admin-only actions (roster import,
batches, settings, backups, operators) are refused to a clerk. The command
line names its operator with --operator and is trusted as the office lead's
own shell: `role` stays None there and nothing is refused for want of a role.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from zcdesk.domain.pin import hash_pin, pin_problem, verify_pin
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
MAX_FAILURES = 5
LOCKOUT_SECONDS = 60
SETTING_IDLE = "desk.idle_lock_minutes"
MAX_IDLE_MINUTES = 24 * 60


class NotAllowed(InputError):
    """The logged-in operator's role does not allow this."""


class OperatorOps:
    role: str | None = None  # set by login(); None = command line, trusted

    def operators(self: Store) -> list[OperatorInfo]:
        with self._read() as s:
            return [OperatorInfo(o.name, o.role, o.active)
                    for o in s.scalars(select(m.Operator).order_by(m.Operator.name))]

    def needs_first_admin(self: Store) -> bool:
        with self._read() as s:
            return not s.scalar(select(func.count()).select_from(m.Operator))

    def create_operator(self: Store, name: str, pin: str, role: str) -> OperatorInfo:
        """Add an operator; the very first one must be an admin (created at first start)."""
        name = name.strip()
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
            if s.scalar(select(m.Operator.id).where(m.Operator.name == name)):
                raise InputError(f"操作员“{name}”已存在。")
            s.add(m.Operator(name=name, pin_hash=hash_pin(pin), role=role, active=True,
                             created_at=self.clock()))
            self._event(s, "operator_added", detail={"name": name, "role": role})
        return OperatorInfo(name, role, True)

    def login(self: Store, name: str, pin: str) -> OperatorInfo:
        """Check the PIN; from now on events carry this operator's name."""
        if not pin.isdigit() or len(pin) > 12:
            # Not a PIN at all (a barcode scanned into the field, say): no attempt counted.
            raise InputError("PIN 应为 4 到 12 位数字；扫描的内容不能解锁。")
        self._refuse_locked_out(name)
        with self._read() as s:
            operator = s.scalars(select(m.Operator).where(m.Operator.name == name.strip(),
                                                          m.Operator.active)).first()
            stored = operator.pin_hash if operator else None
            info = OperatorInfo(operator.name, operator.role, True) if operator else None
        if stored is None or info is None or not verify_pin(pin, stored):
            self._count_failure(name)
            raise InputError("姓名或 PIN 不正确。")
        self._pin_failures().pop(name, None)
        self.operator = info.name
        self.role = info.role
        with self._write() as s:
            self._event(s, "login", detail={"role": info.role})
        return info

    def change_pin(self: Store, name: str, old_pin: str, new_pin: str) -> None:
        """An operator's own PIN, the current one first. In the window only one's own
        (the command line, trusted, names anyone); wrong current PINs count towards
        the same lockout as wrong logins, so this is no way round it."""
        name = name.strip()
        if self.role is not None and name != self.operator:
            raise NotAllowed("只能修改自己的 PIN；其他操作员的 PIN 请由管理员重置。")
        self._refuse_locked_out(name)
        problem = pin_problem(new_pin)
        if problem:
            raise InputError(problem)
        with self._write() as s:
            operator = s.scalars(select(m.Operator).where(m.Operator.name == name)).first()
            if operator is None or not verify_pin(old_pin, operator.pin_hash):
                self._count_failure(name)
                raise InputError("原 PIN 不正确。")
            if new_pin == old_pin:
                raise InputError("新 PIN 与原 PIN 相同，请换一个。")
            operator.pin_hash = hash_pin(new_pin)
            # Who (the event's operator), whose, when: never the PIN.
            self._event(s, "pin_changed", detail={"name": name})
        self._pin_failures().pop(name, None)

    def reset_pin(self: Store, name: str, new_pin: str) -> None:
        """An admin sets another operator's PIN (forgotten, or locked out); the
        admin's own PIN is changed with the current one (change_pin)."""
        name = name.strip()
        self.require_admin("重置 PIN")
        if self.role is not None and name == self.operator:
            raise InputError("自己的 PIN 请用“修改我的 PIN”修改（需要输入原 PIN）。")
        problem = pin_problem(new_pin)
        if problem:
            raise InputError(problem)
        with self._write() as s:
            operator = s.scalars(select(m.Operator).where(m.Operator.name == name)).first()
            if operator is None:
                raise InputError(f"没有操作员“{name}”。")
            operator.pin_hash = hash_pin(new_pin)
            self._event(s, "pin_reset", detail={"name": name})
        self._pin_failures().pop(name, None)  # a locked-out operator may log in at once

    def set_idle_lock_minutes(self: Store, minutes: int) -> None:
        """The idle lock (desk.idle_lock_minutes; 0: never), as `zcdesk desk --idle-lock`."""
        self.require_admin("自动锁定设置")
        if not 0 <= minutes <= MAX_IDLE_MINUTES:
            raise InputError(f"锁定时间应在 0 到 {MAX_IDLE_MINUTES} 分钟之间（0 为不锁定）。")
        self.set_setting(SETTING_IDLE, str(minutes))

    def _pin_failures(self: Store) -> dict[str, tuple[int, float]]:
        """Wrong PINs per name: (count, when the last was)."""
        return self.__dict__.setdefault("_wrong_pins", {})

    def _refuse_locked_out(self: Store, name: str) -> None:
        count, since = self._pin_failures().get(name, (0, 0.0))
        if count >= MAX_FAILURES and time.monotonic() - since < LOCKOUT_SECONDS:
            raise InputError(f"PIN 连续输错 {MAX_FAILURES} 次，请 1 分钟后再试。")

    def _count_failure(self: Store, name: str) -> None:
        count, _ = self._pin_failures().get(name, (0, 0.0))
        self._pin_failures()[name] = (count + 1, time.monotonic())

    def set_operator_active(self: Store, name: str, active: bool) -> None:
        self.require_admin("停用或启用操作员")
        with self._write() as s:
            operator = s.scalars(select(m.Operator).where(m.Operator.name == name)).first()
            if operator is None:
                raise InputError(f"没有操作员“{name}”。")
            if not active and operator.role == "admin" and s.scalar(
                    select(func.count()).where(m.Operator.role == "admin",
                                               m.Operator.active)) == 1:
                raise InputError("不能停用唯一的管理员。")
            operator.active = active
            self._event(s, "operator_changed", detail={"name": name, "active": active})

    def require_admin(self: Store, what: str) -> None:
        if self.role is not None and self.role != "admin":
            raise NotAllowed(f"“{what}”需要管理员权限，请由管理员登录后操作。")
