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
    """Put `backup` in place of `database`; the current file is kept aside (returned).

    The database must not be open by any desk while this runs.
    """
    if not backup.is_file():
        raise InputError(f"备份文件“{backup}”不存在。")
    problems = integrity_problems(backup)
    if problems:
        raise InputError(f"备份文件“{backup.name}”已损坏，未恢复，当前数据库保持不变：" +
                         "；".join(problems))
    now = now or dt.datetime.now()
    aside = None
    if database.exists():
        aside = database.with_name(f"{database.stem}.before-restore-{now:%Y%m%d-%H%M%S}"
                                   f"{database.suffix}")
        backup_to(database, aside)
    staged = database.with_name(database.name + ".restoring")
    shutil.copyfile(backup, staged)
    os.chmod(staged, 0o600)
    for extra in ("-wal", "-shm"):  # the old WAL must not be replayed onto the restored file
        Path(f"{database}{extra}").unlink(missing_ok=True)
    os.replace(staged, database)
    return aside
