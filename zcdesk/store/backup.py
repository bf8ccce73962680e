"""Backups of the SQLite database: online copies, checked, rotated; restore.

SQLite's online backup API copies a consistent snapshot while desks keep
working. Every copy is verified with `PRAGMA integrity_check` before it
counts; a restore refuses a damaged file and keeps the current one aside.
PostgreSQL offices use pg_dump / pg_restore (see the README).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from zcdesk.store.errors import InputError

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
    target = backup_to(source, folder / f"{PREFIX}{now:%Y%m%d-%H%M%S}{SUFFIX}")
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
