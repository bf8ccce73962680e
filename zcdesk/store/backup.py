"""Backups of the SQLite database: online copies, checked, rotated; restore.

SQLite's online backup API copies a consistent snapshot while desks keep
working. Every copy is verified with `PRAGMA integrity_check` before it
counts; a restore refuses a damaged file and keeps the current one aside.
PostgreSQL offices use pg_dump / pg_restore (see the README).

A second target (a USB stick, another disk, a network folder; the setting the
first-day set-up writes) gets a copy of each daily backup (`daily_backups`): a
target that is missing or not writable is a warning in words, never an error,
and never stops the main backup. `restore_drill` restores the newest copy into a
temporary folder and checks it as a restore would, then removes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zcdesk.store.errors import InputError

if TYPE_CHECKING:
    from zcdesk.store import Store

PREFIX = "zcdesk-"
SUFFIX = ".sqlite3"
DEFAULT_KEEP = 14


def integrity_problems(path: Path) -> list[str]:
    """What SQLite finds wrong with the file (empty: the file is sound)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"无法打开：{exc}"]
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else [f"完整性检查：{r}" for r in rows]
        problems += [f"外键不一致：表 {r[0]} 第 {r[1]} 行引用 {r[2]}"
                     for r in conn.execute("PRAGMA foreign_key_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "event", "packet", "applicant"} <= tables:
            problems.append("不是 zcdesk 数据库（缺少必要的表）。")
        return problems
    except sqlite3.DatabaseError as exc:
        return [f"文件已损坏或不是数据库：{exc}"]
    finally:
        conn.close()


def backup_to(source: Path, target: Path) -> Path:
    """A consistent copy of `source` at `target` (owner-only), verified."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    os.chmod(partial, 0o600)
    problems = integrity_problems(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise InputError("备份副本未通过完整性检查，已丢弃：" + "；".join(problems))
    os.replace(partial, target)
    return target


def backup_folder(database: Path) -> Path:
    """Where a database's automatic copies go: `backups/` beside the real one
    (zcdesk.sqlite3), `backups-<name>/` beside any other (the demo's, a test file), so
    that each has its own copies and its own once-a-day count (#12)."""
    name = "backups" if database.stem == "zcdesk" else f"backups-{database.stem}"
    return database.parent / name


def backups_in(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}"))


def copy_name(now: dt.datetime) -> str:
    """zcdesk-20250501-080000.sqlite3: a copy's name says when it was taken."""
    return f"{PREFIX}{now:%Y%m%d-%H%M%S}{SUFFIX}"


def backup_into(source: Path, folder: Path, now: dt.datetime) -> Path:
    """A checked copy of `source` in `folder` (which must exist), named by `now`."""
    if not folder.is_dir():
        raise InputError(f"文件夹“{folder}”不存在：请先建好（或插好 U 盘）再备份。")
    target = folder / copy_name(now)
    if target.exists():
        raise InputError(f"“{target}”已存在：请过一秒再试，或换一个文件夹。")
    try:
        return backup_to(source, target)
    except OSError as exc:
        raise InputError(f"无法在“{folder}”写入备份（{exc.strerror or exc}）：请检查该文件夹"
                         "的权限和剩余空间。") from exc


def newest_taken(folder: Path) -> dt.datetime | None:
    """When the newest copy in `folder` was taken (None: none, or no such folder)."""
    try:
        dated = [t for p in backups_in(folder) if (t := _taken_at(p)) is not None]
    except OSError:
        return None
    return max(dated) if dated else None


def _taken_at(path: Path) -> dt.datetime | None:
    """When a copy was taken, from its name (zcdesk-20250501-080000.sqlite3)."""
    try:
        return dt.datetime.strptime(path.name[len(PREFIX):-len(SUFFIX)], "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def automatic_backup(source: Path, folder: Path, *, keep: int = DEFAULT_KEEP,
                     every: dt.timedelta = dt.timedelta(days=1),
                     now: dt.datetime | None = None) -> Path | None:
    """Back up when the newest copy is older than `every`; keep the last `keep`.

    Called at start and periodically by the window; returns the new copy or None.
    """
    if not source.exists():
        return None
    now = now or dt.datetime.now()
    newest = _taken_at(backups_in(folder)[-1]) if backups_in(folder) else None
    if newest is not None and now - newest < every:
        return None
    target = backup_to(source, folder / copy_name(now))
    for old in backups_in(folder)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def restore_from(backup: Path, database: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Put `backup`'s content in place of `database`'s; the current content is kept
    aside (returned). All or nothing, and refused with the current database untouched
    when the backup is damaged, of a newer schema, its audit chain or triggers fail, or
    another process (a desk's window, a command) has the database open (#12).

    The content is copied into the same file by SQLite's backup API while this
    process holds the database's exclusive lock: a desk that opens it meanwhile waits,
    then sees the restored data; none can go on writing into a replaced file.
    """
    if not backup.is_file():
        raise InputError(f"备份文件“{backup}”不存在。")
    problems = integrity_problems(backup) or backup_problems(backup)
    if problems:
        raise InputError(f"备份文件“{backup.name}”不能用于恢复，当前数据库保持不变：" +
                         "；".join(problems))
    now = now or dt.datetime.now()
    if not database.exists():  # nothing to keep aside, nobody to lock out
        staged = database.with_name(database.name + ".restoring")
        shutil.copyfile(backup, staged)
        os.chmod(staged, 0o600)
        os.replace(staged, database)
        return None
    live = _exclusive(database)
    try:
        aside = database.with_name(f"{database.stem}.before-restore-{now:%Y%m%d-%H%M%S}"
                                   f"{database.suffix}")
        copy = sqlite3.connect(aside)
        try:
            live.backup(copy)
        finally:
            copy.close()
        os.chmod(aside, 0o600)
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            source.backup(live)
        finally:
            source.close()
        live.execute("PRAGMA journal_mode=WAL")  # as the app keeps it
    finally:
        live.close()
    return aside


def copy_chain_head(path: Path) -> str:
    """The audit chain head a copy holds, in words: what `zcdesk backup` prints, so the
    paper names exactly the copy's trail (not the live one, which may have moved on)."""
    from sqlalchemy import create_engine

    from zcdesk.store import audit_chain

    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            return audit_chain.head(conn).words()
    finally:
        engine.dispose()


def backup_problems(path: Path) -> list[str]:
    """Why a sound SQLite file still may not replace the database: a schema newer than
    this version knows, or an audit trail whose chain or triggers do not hold."""
    from sqlalchemy import create_engine, text

    from zcdesk.store import audit_chain
    from zcdesk.store.migrate import HEAD

    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if revision is None or not revision.isdigit():
                return [f"无法识别的数据库版本“{revision}”"]
            if int(revision) > int(HEAD):
                return [f"备份来自更新版本的 zcdesk（数据库版本 {revision}，本程序为 {HEAD}），"
                        "请先升级本程序"]
            if int(revision) >= 11:  # sealed since 0011: the whole chain must hold
                return audit_chain.verify(conn)
            if int(revision) >= 5:  # append-only since 0005: its triggers must be there
                return [p for p in audit_chain.missing_triggers(conn) if "event_seal" not in p]
            return []
    except Exception as exc:  # any failure to read it is a refusal
        return [f"无法读取：{exc}"]
    finally:
        engine.dispose()


def _exclusive(database: Path) -> sqlite3.Connection:
    """A connection holding `database` exclusively, or a refusal when any other
    connection has it open. Leaving WAL mode needs every other connection closed: if
    SQLite keeps WAL, somebody else is there."""
    conn = sqlite3.connect(database, timeout=2, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if mode != "delete":
            raise sqlite3.OperationalError("database is locked")
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")  # taken now, kept until the connection closes
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        conn.close()
        raise InputError("数据库正被其他程序使用（某个窗口或命令还开着），未恢复，当前数据库"
                         "保持不变。请先关闭各电脑上打开此数据库的 zcdesk 窗口和命令，"
                         "再恢复。") from exc
    return conn


# ------------------------------------------------------------ the second target
SECOND_STALE = dt.timedelta(days=2)  # a daily copy older than this is worth a warning
_MARK = "second-copy.txt"  # in the main folder: the second target's last copy, when known


@dataclass(frozen=True)
class SecondCopy:
    """The second target after a daily backup: its newest copy, and why no copy could
    be made now ("" when all went well)."""

    folder: Path
    last: dt.datetime | None  # when its newest copy was taken (None: none known)
    problem: str = ""
    made: Path | None = None  # the copy made now

    def age_words(self, now: dt.datetime) -> str:
        if self.last is None:
            return "尚无副本"
        hours = int((now - self.last).total_seconds() // 3600)
        if hours < 1:
            return "不到 1 小时前"
        return f"{hours} 小时前" if hours < 48 else f"{hours // 24} 天前"

    def notice(self, now: dt.datetime) -> tuple[str, str, bool]:
        """The status bar's words: (text, tooltip, warn)."""
        age = self.age_words(now)
        if self.problem:
            return (f"！第二份备份：{self.problem.split('：')[0]}",
                    f"{self.problem}\n上次复制到那里：{age}。主备份不受影响。", True)
        stale = self.last is None or now - self.last > SECOND_STALE
        detail = f"第二份备份位置：{self.folder}\n最近一份：{age}"
        return (f"{'！' if stale else ''}第二份备份 {age}", detail, stale)


@dataclass(frozen=True)
class DailyBackups:
    main: Path | None  # the copy made now in the main folder (None: not due)
    second: SecondCopy | None  # None: no second target set (or PostgreSQL)


def second_folder_of(store: Store) -> Path | None:
    """The second target set for this database (by the first-day set-up, the window's
    设置 → 第二份备份位置… or `zcdesk backup --set-second`), if any."""
    from zcdesk.store.first_day import SETTING_BACKUP_FOLDER

    text = (store.setting(SETTING_BACKUP_FOLDER) or "").strip()
    return Path(text) if text else None


def daily_backups(store: Store) -> DailyBackups:
    """The window's hourly tick: the daily copy (when due), then the second target
    brought up to the newest copy. Only the main backup may raise."""
    from zcdesk.store.engine import sqlite_path

    main = store.automatic_backup()
    database = sqlite_path(str(store.engine.url))
    second = second_folder_of(store) if database is not None else None
    if database is None or second is None:
        return DailyBackups(main, None)
    return DailyBackups(main, copy_to_second(backup_folder(database), second))


def second_state(main: Path, second: Path) -> SecondCopy:
    """The second target as it is (looks only): its newest copy, or why it cannot be
    reached. Never raises."""
    known = _remembered(main, second)
    try:
        if not second.is_dir():
            return SecondCopy(second, known, f"找不到文件夹：“{second}”不存在或未连接（U 盘没插好、"
                                             "网络文件夹断开？）。请接好后等下一次自动备份，或"
                                             "重新设置第二份备份位置")
        return SecondCopy(second, newest_taken(second) or known)
    except OSError as exc:
        return SecondCopy(second, known, f"无法读取：“{second}”（{exc.strerror or exc}）")


def copy_to_second(main: Path, second: Path, *, keep: int = DEFAULT_KEEP) -> SecondCopy:
    """Copy the newest copy of `main` to `second` when it is not there yet (keeping the
    last `keep` there). Never raises: a missing or unwritable target is said in words."""
    state = second_state(main, second)
    if state.problem:
        return state
    try:
        there = backups_in(second)
        last = _taken_at(there[-1]) if there else None
        newest = backups_in(main)[-1] if main.is_dir() and backups_in(main) else None
        taken = _taken_at(newest) if newest else None
        if newest is None or taken is None or (last is not None and taken <= last):
            return state
        made = _copy_checked(newest, second / newest.name)
        for old in backups_in(second)[:-keep]:
            old.unlink(missing_ok=True)
        _remember(main, second, taken)
        return SecondCopy(second, taken, made=made)
    except InputError as exc:
        return SecondCopy(second, state.last, f"副本未通过检查：{exc}")
    except OSError as exc:
        return SecondCopy(second, state.last, f"无法写入：“{second}”（{exc.strerror or exc}）。"
                                              "请检查是否写保护、空间是否足够")


def _copy_checked(source: Path, target: Path) -> Path:
    """A byte copy of a checked backup, flushed to the medium and checked again there."""
    partial = target.with_name(target.name + ".partial")
    try:
        with open(source, "rb") as src, open(partial, "wb") as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):  # FAT sticks and network folders may refuse
            os.chmod(partial, 0o600)
        problems = integrity_problems(partial)
        if problems:
            raise InputError("；".join(problems))
        os.replace(partial, target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return target


def _remember(main: Path, second: Path, taken: dt.datetime) -> None:
    with contextlib.suppress(OSError):
        (main / _MARK).write_text(f"{taken:%Y-%m-%dT%H:%M:%S}\t{second}\n", encoding="utf-8")


def _remembered(main: Path, second: Path) -> dt.datetime | None:
    """The last copy made to `second`, as noted in the main folder (for when the target
    is not there to look at)."""
    try:
        when, folder = (main / _MARK).read_text(encoding="utf-8").rstrip("\n").split("\t", 1)
        return dt.datetime.fromisoformat(when) if Path(folder) == second else None
    except (OSError, ValueError):
        return None


# ------------------------------------------------------------ the restore drill
@dataclass(frozen=True)
class DrillResult:
    backup: Path
    problems: list[str]
    events: int = 0
    head_words: str = ""


def newest_backup(database: Path, second: Path | None = None) -> Path | None:
    """The newest automatic copy of `database`: its own folder's, or the second
    target's when that one is newer (as named: when taken)."""
    found = backups_in(backup_folder(database))
    with contextlib.suppress(OSError):
        if second is not None and second.is_dir():
            found += backups_in(second)
    dated = [(t, p) for p in found if (t := _taken_at(p)) is not None]
    return max(dated)[1] if dated else None


def restore_drill(backup: Path) -> DrillResult:
    """Restore `backup` into a temporary file as a restore would take it, open it with
    this version (migrating if it is older) and check it all: integrity, schema,
    audit chain and triggers, packet states, receipt numbers. Nothing is left behind."""
    from zcdesk.store import Store

    problems = integrity_problems(backup) or backup_problems(backup)
    if problems:
        return DrillResult(backup, problems)
    with tempfile.TemporaryDirectory(prefix="zcdesk-drill-") as folder:
        restored = Path(folder) / "restored.sqlite3"
        restore_from(backup, restored)
        try:
            store = Store.open(f"sqlite:///{restored}")
        except Exception as exc:  # any failure to open is the drill's finding
            return DrillResult(backup, [f"恢复后无法打开：{exc}"])
        try:
            problems = store.check()
            head = store.chain_head()
            return DrillResult(backup, problems, head.last_id, head.words())
        finally:
            store.close()
